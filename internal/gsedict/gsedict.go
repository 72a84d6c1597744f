// Package gsedict reads the simplified-Chinese dictionary of the gse
// module this build uses (data/dict/zh/s_1.txt of
// github.com/go-ego/gse: MIT and Apache-2.0, its words in part from
// jieba's dictionary, MIT) for the generators that derive word lists
// from it (extract/internal/gendict, index/internal/genwords). It runs
// `go list`, so it is for `go generate`, never for the program.
package gsedict

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// checkHeader refuses a header line that gse would read as a word: gse
// splits each line on spaces and skips it when its second field is not a
// frequency.
func checkHeader(header string) error {
	f := strings.Split(header, " ")
	if strings.ContainsAny(header, "\r\n") || len(f) < 2 || f[0] != "#" {
		return fmt.Errorf("header %q: want one line starting with \"# \" and a word", header)
	}
	if _, err := strconv.ParseFloat(f[1], 64); err == nil {
		return fmt.Errorf("header %q: gse would read %q as a frequency", header, f[1])
	}
	return nil
}

// Path is where gse's simplified-Chinese dictionary is in the module
// cache.
func Path() (string, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return "", fmt.Errorf("locate the gse module: %w", err)
	}
	return filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt"), nil
}

// Filter writes to output the header line and then the dictionary's
// lines (word, frequency, part of speech) that keep accepts. The header
// must start with "# " followed by a word, not a number: gse skips a line
// whose second field is not a frequency. Output is replaced only once it
// is whole.
func Filter(output, header string, keep func(word string, freq float64) bool) error {
	if err := checkHeader(header); err != nil {
		return err
	}
	src, err := Path()
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("gse dictionary: %w", err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(output), filepath.Base(output)+".*")
	if err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	defer os.Remove(tmp.Name()) // gone once renamed
	if err := filterTo(tmp, in, src, header, keep); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it 0600
		tmp.Close()
		return fmt.Errorf("%s: %w", output, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	if err := os.Rename(tmp.Name(), output); err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	return nil
}

func filterTo(out *os.File, in *os.File, src, header string, keep func(string, float64) bool) error {
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, header)
	sc := bufio.NewScanner(in)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), " ") // as gse reads it
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s:%d: frequency %q: %w", src, line, f[1], err)
		}
		if keep(f[0], freq) {
			fmt.Fprintln(w, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s: %w", out.Name(), err)
	}
	return nil
}
