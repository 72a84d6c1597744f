package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// The frame rules' word lists live in lexicon/*.txt, one list per file,
// one item per line, # comments saying where an entry comes from and why
// it is there. Code asks the lexicon for a list by its file's name and
// never spells its words again.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexicon holds every list by name. The files are part of the binary, so
// a malformed one is a programming error: TestLexicon loads them all.
var lexicon = mustLoadLexicon(lexiconFiles)

func mustLoadLexicon(fsys fs.FS) map[string][]string {
	lx, err := loadLexicon(fsys)
	if err != nil {
		panic(err)
	}
	return lx
}

// loadLexicon reads every lexicon/*.txt of fsys. A duplicate item, an
// item with white space inside, or an empty list fails with the file and
// line.
func loadLexicon(fsys fs.FS) (map[string][]string, error) {
	files, err := fs.Glob(fsys, "lexicon/*.txt")
	if err != nil {
		return nil, err
	}
	lx := map[string][]string{}
	for _, file := range files {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		items, err := parseList(file, string(data))
		if err != nil {
			return nil, err
		}
		lx[strings.TrimSuffix(path.Base(file), ".txt")] = items
	}
	return lx, nil
}

func parseList(file, data string) ([]string, error) {
	var items []string
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t\u3000") {
			return nil, fmt.Errorf("%s:%d: %q: one item per line, without spaces", file, n, line)
		}
		if first, dup := seen[line]; dup {
			return nil, fmt.Errorf("%s:%d: %q already on line %d", file, n, line, first)
		}
		seen[line] = n
		items = append(items, line)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: empty list", file)
	}
	return items, sc.Err()
}

// words returns a lexicon list by name; asking for a list that does not
// exist is a programming error.
func words(name string) []string {
	l, ok := lexicon[name]
	if !ok {
		panic("extract: no lexicon list " + name)
	}
	return l
}

// wordSet returns a lexicon list as a set.
func wordSet(name string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(name) {
		set[w] = true
	}
	return set
}

// chars returns the characters of the named lists (stop sets), joined.
func chars(names ...string) string {
	var b strings.Builder
	for _, n := range names {
		for _, w := range words(n) {
			b.WriteString(w)
		}
	}
	return b.String()
}
