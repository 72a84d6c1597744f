package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// Sentence is the unit the index indexes: a span of a document's raw
// text with what search filters on. What the document's record holds
// (source, title, issuer, pages) is not repeated here.
type Sentence struct {
	ID string
	// Part names the document, or its article, for the title:, issuer:
	// and source: filters (partKey).
	Part   string
	Date   string
	Places []string
	Start  int
	End    int
	Text   string
	// Figures start in the sentence, dates among them (figures() leaves
	// those out).
	Figures []corpus.Figure
}

// Sentences splits a document into sentences at 。！？；, their ASCII forms
// and blank lines; a single line break, which PDF extraction puts inside
// sentences, does not end one. Each sentence carries its article's
// metadata, the figures that start in it and the places named in it.
func Sentences(doc corpus.Document, figs []corpus.Figure, ents []corpus.Entity) []Sentence {
	return sentencesIn(doc, corpus.Span{Start: 0, End: len(doc.Raw)}, figs, ents)
}

// sentencesIn is Sentences for the window w of doc (which starts and
// ends at sentence boundaries, as extraction's windows do).
func sentencesIn(doc corpus.Document, w corpus.Span, figs []corpus.Figure, ents []corpus.Entity) []Sentence {
	var out []Sentence
	raw := doc.Raw[:w.End]
	start := w.Start
	key := docKey(doc.ID) // once, not per sentence
	flush := func(end int) {
		s, e := trimSpan(raw, start, end)
		if e > s {
			out = append(out, sentenceAt(doc, key, s, e))
		}
		start = end
	}
	for i := w.Start; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch {
		case strings.ContainsRune("。！？；!?;", r):
			flush(i + size)
		case r == '\n' && blankLineAhead(raw, i+size):
			flush(i + size)
		}
		i += size
	}
	flush(len(raw))
	attach(out, figs, ents)
	return out
}

func blankLineAhead(raw string, i int) bool {
	for ; i < len(raw); i++ {
		switch raw[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

func trimSpan(raw string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(raw[s:])
		if !isBlank(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(raw[:e])
		if !isBlank(r) {
			break
		}
		e -= size
	}
	return s, e
}

func isBlank(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u3000' }

// sentenceAt is the sentence [s, e) of doc, whose key (docKey) is key.
func sentenceAt(doc corpus.Document, key string, s, e int) Sentence {
	date, part := doc.Meta.Date, partKey(key, 0)
	for i, a := range doc.Articles {
		if s >= a.Start && s < a.End {
			date, part = a.Meta.Date, partKey(key, i+1)
			if date == "" {
				date = doc.Meta.Date
			}
		}
	}
	return Sentence{ID: sentenceID(key, s, e), Part: part, Date: date, Start: s, End: e, Text: doc.Raw[s:e]}
}

// attach gives each sentence the figures that start in it and the places
// it names. A sentence's figures are a view of figs (sorted by start, as
// extraction and the store give them), not a copy: a long document's
// figures are held once.
func attach(ss []Sentence, figs []corpus.Figure, ents []corpus.Entity) {
	if !sort.SliceIsSorted(figs, func(i, j int) bool { return figs[i].Start < figs[j].Start }) {
		figs = slices.Clone(figs)
		sort.SliceStable(figs, func(i, j int) bool { return figs[i].Start < figs[j].Start })
	}
	lo := 0
	for k := range ss {
		for lo < len(figs) && figs[lo].Start < ss[k].Start {
			lo++
		}
		hi := lo
		for hi < len(figs) && figs[hi].Start < ss[k].End {
			hi++
		}
		if hi > lo {
			ss[k].Figures = figs[lo:hi:hi]
		}
		lo = hi
	}
	for _, e := range ents {
		i := sort.Search(len(ss), func(i int) bool { return ss[i].End > e.Start })
		if i < len(ss) && e.Start >= ss[i].Start {
			if e.Kind == corpus.EntityPlace && !contains(ss[i].Places, e.Canonical) {
				ss[i].Places = append(ss[i].Places, e.Canonical)
			}
		}
	}
}

// figures are the sentence's figures that search shows and filters on:
// all but dates.
func (s Sentence) figures() []corpus.Figure {
	for i, f := range s.Figures {
		if f.Kind == corpus.KindDate {
			out := slices.Clone(s.Figures[:i])
			for _, f := range s.Figures[i+1:] {
				if f.Kind != corpus.KindDate {
					out = append(out, f)
				}
			}
			return out
		}
	}
	return s.Figures
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
