// Command genwords writes the dictionary the index's words field segments
// with (index/words_zh_s.txt): the words of gse's embedded
// simplified-Chinese dictionary (data/dict/zh/s_1.txt of
// github.com/go-ego/gse, MIT and Apache-2.0, its words in part from
// jieba's dictionary, MIT) that whole-word ranking needs:
//
//   - every word of one or two characters, the words a query most often
//     straddles (和服 in 和服务);
//   - every longer word gse's source counted at least minFreq times.
//
// The rest, two thirds of the dictionary, are rare compounds (城乡居民,
// 财政收入 with a count of 3), which are then read as their parts. The
// whole dictionary was 130 MB of 1.3 million heap objects that every
// garbage collection of an ingest marked, and took seconds to load; this
// one is about 50 MB and loads in a third of a second.
//
// Run it with `go generate ./index` after changing the gse version.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// minFreq is the least count a word of three or more characters needs.
const minFreq = 10

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genwords OUTPUT")
		os.Exit(2)
	}
	if err := generate(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genwords:", err)
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
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s:%d: frequency %q: %w", src, line, f[1], err)
		}
		if Keep(f[0], freq) {
			fmt.Fprintln(w, sc.Text())
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

// Keep reports whether a word of gse's dictionary, with its count, goes
// into the words field's dictionary.
func Keep(word string, freq float64) bool {
	return utf8.RuneCountInString(word) <= 2 || freq >= minFreq
}
