package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// ErrNotText is returned for input that is not UTF-8 text.
var ErrNotText = errors.New("not UTF-8 text")

// Result is what reading one source gave: a document or an error naming it.
type Result struct {
	Source string
	Doc    corpus.Document
	Err    error
}

// Reader turns paths into documents. Folders are walked recursively for
// files with one of Extensions; a path "-" reads Stdin.
type Reader struct {
	Stdin      io.Reader
	Extensions []string
}

// Sources expands paths into the list of sources to read, in a stable
// order: each folder's files sorted by path. A path that does not exist is
// kept, so that reading it reports the error against its name.
func (r Reader) Sources(paths []string) []string {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		out = append(out, r.walk(p)...)
	}
	return out
}

func (r Reader) walk(dir string) []string {
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported when read
			return nil
		}
		if !d.IsDir() && r.wanted(path) {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

func (r Reader) wanted(path string) bool {
	if len(r.Extensions) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range r.Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Read reads one source into a document.
func (r Reader) Read(source string) Result {
	var raw []byte
	var err error
	if source == "-" {
		if r.Stdin == nil {
			return Result{Source: source, Err: fmt.Errorf("ingest %s: no standard input", source)}
		}
		raw, err = io.ReadAll(r.Stdin)
	} else {
		raw, err = os.ReadFile(source)
	}
	if err != nil {
		return Result{Source: source, Err: fmt.Errorf("ingest %s: %w", source, err)}
	}
	if err := checkText(raw); err != nil {
		return Result{Source: source, Err: fmt.Errorf("ingest %s: %w", source, err)}
	}
	return Result{Source: source, Doc: corpus.NewDocument(source, raw)}
}

// checkText rejects binary files and text in other encodings, saying where
// the first bad byte is so the user can look.
func checkText(raw []byte) error {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d (binary file?)", ErrNotText, i)
	}
	if !utf8.Valid(raw) {
		for i := 0; i < len(raw); {
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				return fmt.Errorf("%w: invalid byte 0x%02x at offset %d (GBK or another encoding?)", ErrNotText, raw[i], i)
			}
			i += size
		}
	}
	return nil
}
