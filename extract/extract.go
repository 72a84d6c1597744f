package extract

import (
	"sort"
	"unicode/utf8"

	"reportmine/corpus"
)

// Extractor finds the figures in a document. It is safe for concurrent use;
// the word dictionary it consults for Chinese numerals is loaded once per
// process, and only when a document has such a numeral.
type Extractor struct {
	normalizer Normalizer
	words      wordChecker
}

// New returns an Extractor that checks Chinese-numeral candidates against
// gse word boundaries.
func New() *Extractor {
	return &Extractor{words: sharedWords()}
}

// Extract returns the figures of doc in document order. It is a pure stage:
// any text, even invalid UTF-8, gives a (possibly empty) result.
func (e *Extractor) Extract(doc corpus.Document) []corpus.Figure {
	norm := e.normalizer.Normalize(doc.Raw)
	sc := newScanner(norm.Text, e.words)
	founds := sc.scan()
	offsets := runeOffsets(norm.Text)
	sentences := newSentenceIndex(sc.rs)
	figures := make([]corpus.Figure, 0, len(founds))
	for _, f := range founds {
		figures = append(figures, e.figure(doc, norm, offsets, sentences, sc.rs, f))
	}
	sort.SliceStable(figures, func(i, j int) bool {
		if figures[i].Start != figures[j].Start {
			return figures[i].Start < figures[j].Start
		}
		return figures[i].End < figures[j].End
	})
	return figures
}

func (e *Extractor) figure(doc corpus.Document, norm Normalized, offsets []int, sentences sentenceIndex, rs []rune, f found) corpus.Figure {
	ns, ne := offsets[f.start], offsets[f.end]
	span := norm.RawSpan(ns, ne)
	fig := corpus.Figure{
		Schema:    corpus.FigureSchema,
		ID:        corpus.FigureID(doc.ID, span.Start, span.End),
		Doc:       doc.ID,
		Source:    doc.Source,
		Kind:      f.kind,
		Value:     roundValue(f.value),
		Unit:      f.unit,
		Approx:    f.approx,
		Bound:     f.bound,
		Change:    f.change,
		Text:      span.Text(doc.Raw),
		Surface:   norm.Text[ns:ne],
		Start:     span.Start,
		End:       span.End,
		Sentence:  sentences.sentence(rs, f.start),
		Precision: f.precision,
		Rule:      f.rule,
		Warnings:  f.warnings,
	}
	if f.hasMax {
		v := roundValue(f.valueMax)
		fig.ValueMax = &v
	}
	if norm.joinedWithin(ns, ne) {
		fig.Warnings = append(fig.Warnings, "line_break_joined")
	}
	return fig
}

// runeOffsets maps rune indexes of text to byte offsets, with one extra
// entry for the end.
func runeOffsets(text string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// sentenceIndex holds where each sentence of the scanned text starts.
type sentenceIndex struct{ starts []int }

func newSentenceIndex(rs []rune) sentenceIndex {
	starts := []int{0}
	for i, r := range rs {
		if isSentenceEnd(r) {
			starts = append(starts, i+1)
		}
	}
	return sentenceIndex{starts: starts}
}

// sentence returns the sentence that holds rune i, without its line breaks
// and surrounding space.
func (x sentenceIndex) sentence(rs []rune, i int) string {
	k := sort.SearchInts(x.starts, i+1) - 1
	start := x.starts[k]
	end := len(rs)
	if k+1 < len(x.starts) {
		end = x.starts[k+1]
	}
	for start < end && (rs[start] == ' ' || rs[start] == '\t') {
		start++
	}
	for end > start && (rs[end-1] == '\n' || rs[end-1] == ' ') {
		end--
	}
	return string(rs[start:end])
}
