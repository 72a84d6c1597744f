package ingest

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed lexicon/*.tsv
var lexiconFiles embed.FS

// kindRule names a document kind when one of its cues is found where it
// says: in the title, or in the head of the text.
type kindRule struct {
	kind    string
	inTitle bool
	cues    []string
}

// lexicon holds the word lists of the head reader, each from one file.
type lexicon struct {
	kinds []kindRule
	heads map[string][]string
	// sessions dates the sessions of the National People's Congress by
	// term and session number.
	sessions map[[2]int]string
}

// theLexicon is read once; the files are part of the binary, so a
// malformed line is a programming error caught by the package's tests.
var theLexicon = mustLoadLexicon()

func mustLoadLexicon() lexicon {
	lx, err := loadLexicon()
	if err != nil {
		panic(err)
	}
	return lx
}

// loadLexicon parses the embedded lists: tab-separated fields, cues
// separated by |, # comments; a duplicate name or malformed line fails.
func loadLexicon() (lexicon, error) {
	lx := lexicon{heads: map[string][]string{}, sessions: map[[2]int]string{}}
	err := eachRow("lexicon/doc_kinds.tsv", 3, func(f []string) error {
		if f[1] != "title" && f[1] != "head" {
			return fmt.Errorf("where is %q, want title or head", f[1])
		}
		lx.kinds = append(lx.kinds, kindRule{kind: f[0], inTitle: f[1] == "title", cues: strings.Split(f[2], "|")})
		return nil
	})
	if err != nil {
		return lx, err
	}
	err = eachRow("lexicon/npc_sessions.tsv", 3, func(f []string) error {
		term, err1 := strconv.Atoi(f[0])
		session, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || len(f[2]) != 7 {
			return fmt.Errorf("want term, session and YYYY-MM, got %q", f)
		}
		lx.sessions[[2]int{term, session}] = f[2]
		return nil
	})
	if err != nil {
		return lx, err
	}
	err = eachRow("lexicon/heads.tsv", 2, func(f []string) error {
		if _, dup := lx.heads[f[0]]; dup {
			return fmt.Errorf("list %q defined twice", f[0])
		}
		lx.heads[f[0]] = strings.Split(f[1], "|")
		return nil
	})
	return lx, err
}

func eachRow(name string, fields int, fn func([]string) error) error {
	data, err := lexiconFiles.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != fields || strings.Contains(line, "||") || strings.HasSuffix(line, "|") {
			return fmt.Errorf("%s:%d: malformed line %q (want %d tab-separated fields)", name, n, line, fields)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// list returns a head word list by name.
func (lx lexicon) list(name string) []string {
	l, ok := lx.heads[name]
	if !ok {
		panic("ingest: no word list " + name)
	}
	return l
}
