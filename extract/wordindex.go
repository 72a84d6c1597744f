package extract

import (
	"sync"
	"unicode/utf8"
)

// wordIndex finds which of a list of words starts or ends at a position,
// longest first, with one map look-up instead of a pass over the list: the
// name and frame finders ask this at every character of a document.
//
// The index is built on first use, not when the package loads: the
// package holds dozens of them, and a command that never extracts (a
// search) would otherwise build them all before it starts.
type wordIndex struct {
	words []string
	once  sync.Once
	t     *wordTable
}

// wordTable is a wordIndex built.
type wordTable struct {
	byFirst map[rune][][]rune
	byLast  map[rune][][]rune
	// first and last mark the characters that start or end some word, so
	// most characters are turned away without a map look-up.
	first, last runeSet
}

// runeSet is a bitmap over the Basic Multilingual Plane, where all the
// characters of the word lists live.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) has(r rune) bool {
	return r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// newWordIndex indexes a copy of words (their order is not kept: the
// longest come first).
func newWordIndex(words []string) *wordIndex {
	return &wordIndex{words: append([]string(nil), words...)}
}

// table builds the index on first use.
func (x *wordIndex) table() *wordTable {
	x.once.Do(func() { x.t = buildWordTable(x.words) })
	return x.t
}

func buildWordTable(words []string) *wordTable {
	x := &wordTable{byFirst: map[rune][][]rune{}, byLast: map[rune][][]rune{}}
	for _, w := range sortedByLength(words) {
		if w == "" {
			continue
		}
		r := []rune(w)
		x.byFirst[r[0]] = append(x.byFirst[r[0]], r)
		last, _ := utf8.DecodeLastRuneInString(w)
		x.byLast[last] = append(x.byLast[last], r)
		x.first.add(r[0])
		x.last.add(last)
	}
	return x
}

// at returns the longest word that starts at rs[i].
func (x *wordIndex) at(rs []rune, i int) (string, bool) {
	t := x.table()
	if i >= len(rs) || !t.first.has(rs[i]) {
		return "", false
	}
	for _, w := range t.byFirst[rs[i]] {
		if runesAt(rs, i, w) {
			return string(w), true
		}
	}
	return "", false
}

// endingAt returns the longest word that ends right before rs[i].
func (x *wordIndex) endingAt(rs []rune, i int) (string, bool) {
	t := x.table()
	if i <= 0 || i > len(rs) || !t.last.has(rs[i-1]) {
		return "", false
	}
	for _, w := range t.byLast[rs[i-1]] {
		if i-len(w) >= 0 && runesAt(rs, i-len(w), w) {
			return string(w), true
		}
	}
	return "", false
}

func runesAt(rs []rune, i int, w []rune) bool {
	if i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// has reports whether w is one of the words.
func (x *wordIndex) has(w string) bool {
	t := x.table()
	rs := []rune(w)
	if len(rs) == 0 {
		return false
	}
	for _, cand := range t.byFirst[rs[0]] {
		if len(cand) == len(rs) && runesAt(rs, 0, cand) {
			return true
		}
	}
	return false
}
