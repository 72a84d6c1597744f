// Command gendict writes the word list that the extractor's gse segmenter
// loads: every word of gse's embedded simplified-Chinese dictionary that
// contains a numeral character. Loading the whole dictionary takes seconds
// and over 100 MB; these words are all that the numeral boundary check
// needs, and they load in milliseconds.
//
// Run it with `go generate ./extract` after changing the gse version.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const numerals = "〇零一二两三四五六七八九十百千万亿几数半壹贰叁肆伍陆柒捌玖拾佰仟萬億兩成倍番"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendict OUTPUT")
		os.Exit(2)
	}
	if err := generate(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func generate(output string) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return fmt.Errorf("locate gse module: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(output)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		word, _, _ := strings.Cut(line, " ")
		if len([]rune(word)) >= 2 && strings.ContainsAny(word, numerals) {
			fmt.Fprintln(w, line)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return out.Close()
}
