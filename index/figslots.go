package index

import (
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportmine/corpus"
)

// A sentence's figures are indexed in the sentence itself, each in a
// slot: the figure's place among the sentence's figures, written before
// each of its terms (3:money, 3:CNY, 3m:总 3m:投 3m:资). All the figure
// filters of a query must hold for one figure, so they are asked of each
// slot together and the slots are joined by OR. Nested documents gave
// the same answers at twice the index, and every opening of the index
// built a map of all of them (150 ms at 330,000 sentences).
const (
	figKindField  = "fk" // slot:kind
	figUnitField  = "fu" // slot:unit
	figFineField  = "fv" // slot:sortable value (value.go)
	figCoarse     = "fc" // slot:its 16-bit bucket
	figFrameField = "ff" // slot and m, s or p, then the characters of the metric, subject or period
	// The value's terms without a slot, for a query with one figure
	// filter, which any figure may satisfy (kind and unit have theirs in
	// fig_kind and fig_unit, which facets count).
	figFineAny   = "fva"
	figCoarseAny = "fca"
	// FrameName is the analyzer of figFrameField.
	FrameName = "reportmine_fig_frame"
)

// frameSep separates a frame value's slot, tag and text for the frame
// analyzer.
const frameSep = "\x1f"

func init() {
	registry.RegisterAnalyzer(FrameName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: frameTokens{}}, nil
	})
}

// frameTokens reads "slot\x1ftag\x1ftext" and gives the characters of text
// (as the text analyzer reads them) with slot and tag before each.
type frameTokens struct{}

func (frameTokens) Tokenize(input []byte) analysis.TokenStream {
	parts := strings.SplitN(string(input), frameSep, 3)
	if len(parts) != 3 {
		return nil
	}
	prefix := parts[0] + parts[1] + ":"
	toks := tokenizer{}.Tokenize([]byte(parts[2]))
	for _, t := range toks {
		t.Term = append([]byte(prefix), t.Term...)
		t.Start, t.End = 0, 0
	}
	return toks
}

func slotName(i int) string { return strconv.Itoa(i) }

// figureFields are a sentence's figures as its slot fields.
func figureFields(m map[string]any, figs []corpus.Figure) {
	var kinds, units, fine, coarse, frames, anyFine, anyCoarse []string
	for i, f := range figs {
		slot := slotName(i)
		kinds = append(kinds, slot+":"+string(f.Kind))
		units = append(units, slot+":"+f.Unit)
		fv, fc := valueTerms(f.Value)
		fine = append(fine, slot+":"+fv)
		coarse = append(coarse, slot+":"+fc)
		anyFine, anyCoarse = append(anyFine, fv), append(anyCoarse, fc)
		for _, fr := range []struct{ tag, text string }{{"m", f.Metric}, {"s", f.Subject}, {"p", f.Period}} {
			if fr.text != "" {
				frames = append(frames, slot+frameSep+fr.tag+frameSep+fr.text)
			}
		}
	}
	m[figKindField], m[figUnitField], m[figFineField], m[figCoarse] = kinds, units, fine, coarse
	m[figFineAny], m[figCoarseAny] = anyFine, anyCoarse
	if len(frames) > 0 {
		m[figFrameField] = frames
	}
}

// slotted is a figure filter: asked of one slot, and, where the index
// has the terms, of all the sentence's figures at once (flat), which is
// all a query of one figure filter needs.
type slotted struct {
	at   func(slot string) query.Query
	flat query.Query
}

// figureQuery asks filters of each of slots slots together: a sentence
// matches when one of its figures satisfies them all. One filter with a
// flat form is asked of all figures at once.
func figureQuery(filters []*slotted, slots int) query.Query {
	if len(filters) == 1 && filters[0].flat != nil {
		return filters[0].flat
	}
	var any []query.Query
	for i := range max(slots, 1) {
		slot := slotName(i)
		var all []query.Query
		for _, f := range filters {
			all = append(all, f.at(slot))
		}
		any = append(any, allOf(all))
	}
	return anyOf(any)
}

func slotTerm(field, flatField, value string) *slotted {
	flat := query.NewTermQuery(value)
	flat.SetField(flatField)
	return &slotted{at: func(slot string) query.Query {
		q := query.NewTermQuery(slot + ":" + value)
		q.SetField(field)
		return q
	}, flat: flat}
}

// slotPhrase matches text inside a figure's metric, subject or period
// (tag m, s or p) as a phrase, read as the text analyzer reads it.
func slotPhrase(tag, text string) *slotted {
	pos := positions(text)
	return &slotted{at: func(slot string) query.Query {
		if len(pos) == 0 {
			return query.NewMatchNoneQuery()
		}
		terms := make([]string, len(pos))
		for i, p := range pos {
			if p != "" {
				terms[i] = slot + tag + ":" + p
			}
		}
		if len(terms) == 1 {
			q := query.NewTermQuery(terms[0])
			q.SetField(figFrameField)
			return q
		}
		return query.NewPhraseQuery(terms, figFrameField)
	}}
}

// slotValue matches a figure's value between lo and hi (nil: open).
func slotValue(lo, hi *float64, loIncl, hiIncl bool) *slotted {
	return &slotted{
		at: func(slot string) query.Query {
			return valueQuery(figFineField, figCoarse, slot+":", lo, hi, loIncl, hiIncl)
		},
		flat: valueQuery(figFineAny, figCoarseAny, "", lo, hi, loIncl, hiIncl),
	}
}

// slotOr is a OR b asked of one slot (and of all figures, when both
// have a flat form).
func slotOr(a, b *slotted) *slotted {
	or := &slotted{at: func(slot string) query.Query { return query.NewDisjunctionQuery([]query.Query{a.at(slot), b.at(slot)}) }}
	if a.flat != nil && b.flat != nil {
		or.flat = query.NewDisjunctionQuery([]query.Query{a.flat, b.flat})
	}
	return or
}
