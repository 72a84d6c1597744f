package extract

import (
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
// a malformed one is a programming error: TestLexicon loads them all with
// every check, and the program reads them without (the checks had been a
// fifth of every command's start-up).
var lexicon = mustLoadLexicon(lexiconFiles)

func mustLoadLexicon(fsys fs.FS) map[string][]string {
	lx, err := readLexicon(fsys, false)
	if err != nil {
		panic(err)
	}
	return lx
}

// loadLexicon reads every lexicon/*.txt of fsys. A duplicate item, an
// item with white space inside, or an empty list fails with the file and
// line.
func loadLexicon(fsys fs.FS) (map[string][]string, error) { return readLexicon(fsys, true) }

// readLexicon reads every lexicon/*.txt of fsys, checking each list when
// check is set.
func readLexicon(fsys fs.FS, check bool) (map[string][]string, error) {
	files, err := fs.Glob(fsys, "lexicon/*.txt")
	if err != nil {
		return nil, err
	}
	lx := make(map[string][]string, len(files))
	for _, file := range files {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		items, err := parseList(file, string(data), check)
		if err != nil {
			return nil, err
		}
		lx[strings.TrimSuffix(path.Base(file), ".txt")] = items
	}
	return lx, nil
}

// parseList reads one item per line, skipping blank lines and # comments;
// with check, an item with white space inside, a duplicate and an empty
// list are errors.
func parseList(file, data string, check bool) ([]string, error) {
	items := make([]string, 0, strings.Count(data, "\n")+1)
	var seen map[string]int
	if check {
		seen = map[string]int{}
	}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !check {
			items = append(items, line)
			continue
		}
		if strings.ContainsAny(line, " \t\u3000") {
			return nil, fmt.Errorf("%s:%d: %q: one item per line, without spaces", file, n+1, line)
		}
		if first, dup := seen[line]; dup {
			return nil, fmt.Errorf("%s:%d: %q already on line %d", file, n+1, line, first)
		}
		seen[line] = n + 1
		items = append(items, line)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: empty list", file)
	}
	return items, nil
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
