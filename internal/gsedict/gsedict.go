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

// Module is where the gse module is in the module cache, and its version.
func Module() (dir, version string, err error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return "", "", fmt.Errorf("locate the gse module: %w", err)
	}
	dir, version, _ = strings.Cut(strings.TrimSpace(string(out)), " ")
	return dir, version, nil
}

// Path is where gse's simplified-Chinese dictionary is in the module
// cache.
func Path() (string, error) {
	dir, _, err := Module()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "data", "dict", "zh", "s_1.txt"), nil
}

// Entry is a line of the dictionary as gse reads it: fields separated by
// single spaces, a word, its frequency and, optionally, its part of
// speech.
type Entry struct {
	Line, Word string
	Freq       float64
	POS        string
}

// Each calls fn with every entry of the dictionary, in its order.
func Each(fn func(Entry) error) error {
	src, err := Path()
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("gse dictionary: %w", err)
	}
	defer in.Close()
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
		e := Entry{Line: sc.Text(), Word: f[0], Freq: freq}
		if len(f) > 2 {
			e.POS = f[2]
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	return nil
}

// WriteFile writes output through write, replacing it only once it is
// whole.
func WriteFile(output string, write func(w *bufio.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(output), filepath.Base(output)+".*")
	if err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	defer os.Remove(tmp.Name()) // gone once renamed
	w := bufio.NewWriter(tmp)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it 0600
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), output)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	return nil
}

// Filter writes to output the header line and then the dictionary's
// lines that keep accepts. The header must start with "# " followed by a
// word, not a number: gse skips a line whose second field is not a
// frequency. Output is replaced only once it is whole.
func Filter(output, header string, keep func(word string, freq float64) bool) error {
	if err := checkHeader(header); err != nil {
		return err
	}
	return WriteFile(output, func(w *bufio.Writer) error {
		fmt.Fprintln(w, header)
		return Each(func(e Entry) error {
			if keep(e.Word, e.Freq) {
				fmt.Fprintln(w, e.Line)
			}
			return nil
		})
	})
}
