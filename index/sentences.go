package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// Sentence is the unit the index stores and returns: a span of a
// document's raw text with what search filters on.
type Sentence struct {
	ID      string `json:"-"`
	Doc     string `json:"doc"`
	Article string `json:"article,omitempty"`
	// Part names the document, or its article, for the title: and
	// issuer: filters (partKey).
	Part   string   `json:"-"`
	Source string   `json:"source"`
	Title  string   `json:"title,omitempty"`
	Date   string   `json:"date,omitempty"`
	Year   int      `json:"year,omitempty"`
	Issuer string   `json:"issuer,omitempty"`
	Page   int      `json:"page,omitempty"`
	Places []string `json:"places,omitempty"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"sentence"`
	// Figures start in the sentence, dates among them (figures() leaves
	// those out).
	Figures  []corpus.Figure `json:"figures,omitempty"`
	Entities []corpus.Entity `json:"-"`
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
	meta := doc.Meta
	article, part := "", partKey(key, 0)
	for i, a := range doc.Articles {
		if s >= a.Start && s < a.End {
			meta, article, part = a.Meta, a.ID, partKey(key, i+1)
			if meta.Date == "" {
				meta.Date = doc.Meta.Date
			}
		}
	}
	return Sentence{ID: sentenceID(key, s, e), Doc: doc.ID, Article: article, Part: part, Source: doc.Source, Title: meta.Title,
		Date: meta.Date, Year: meta.Year(), Issuer: meta.Issuer, Page: doc.Page(s), Start: s, End: e, Text: doc.Raw[s:e]}
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
			ss[i].Entities = append(ss[i].Entities, e)
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
