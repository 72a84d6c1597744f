package index

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportmine/corpus"
)

// A sentence's figures are indexed in the sentence itself, each in a
// slot: the figure's place among the sentence's figures, written in each
// of its terms (k3:money, u3:CNY, f3m:地区生产总值). All the figure
// filters of a query must hold for one figure, so they are asked of each
// slot together and the slots are joined by OR. Nested documents gave
// the same answers at twice the index, and every opening of the index
// built a map of all of them (150 ms at 330,000 sentences).
//
// A query with one figure filter, which any figure may satisfy, reads
// terms without a slot instead ("flat"): kinds and units in fig_kind and
// fig_unit (which facets count), values as v:, c: and t: terms, and the
// characters of the sentence's metrics, subjects and periods, each
// distinct one once, with positions, in figFrameField. Slotted, a frame is
// one keyword term; the frames that hold a phrase are found among the
// index's frame terms (frameVocabulary), so each slot's frame costs one
// term instead of a positioned term per character.
const (
	// figField holds every figure term of the sentence, one list (list
	// analyzer) rather than a field per kind of term and an array element
	// per figure: bleve builds a field and its term map per element.
	// Slotted terms: k<slot>:kind, u<slot>:unit, v<slot>:value, c<slot>:
	// its 16-bit bucket and t<slot>: its binary order of magnitude
	// (valueLevels), f<slot><m, s or p>:frame. Flat: v:, c: and t: (kinds
	// and units flat are fig_kind and fig_unit).
	figField      = "fig"
	figFrameField = "ff" // m, s or p and ":" before each character of the frames
	// FrameName is the analyzer of figFrameField.
	FrameName = "reportmine_fig_frame"
)

// frameSep separates a frame value's tag and text for the frame analyzer.
const frameSep = "\x1f"

func init() {
	registry.RegisterAnalyzer(FrameName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: frameTokens{}}, nil
	})
}

// frameTokens reads "tag\x1ftext" and gives the characters of text (as
// the text analyzer reads them) with the tag before each. Offsets are
// left at zero: nothing highlights frames.
type frameTokens struct{}

func (frameTokens) Tokenize(input []byte) analysis.TokenStream {
	tag, text, ok := strings.Cut(string(input), frameSep)
	if !ok {
		return nil
	}
	toks := tokenizer{}.Tokenize([]byte(text))
	for _, t := range toks {
		t.Term = append([]byte(tag+":"), t.Term...)
		t.Start, t.End = 0, 0
	}
	return toks
}

// frameTags name a figure's frames in its terms.
var frameTags = []struct {
	tag  string
	text func(corpus.Figure) string
}{
	{"m", func(f corpus.Figure) string { return f.Metric }},
	{"s", func(f corpus.Figure) string { return f.Subject }},
	{"p", func(f corpus.Figure) string { return f.Period }},
}

func slotName(i int) string { return strconv.Itoa(i) }

// figureFields are a sentence's figures as its figure fields.
func figureFields(m map[string]any, figs []corpus.Figure) {
	var terms, frames, kinds, units []string
	for i, f := range figs {
		slot := slotName(i)
		terms = append(terms, "k"+slot+":"+string(f.Kind), "u"+slot+":"+f.Unit)
		terms = append(terms, valueTerms(f.Value, slot, "")...) // in its slot and flat
		for _, fr := range frameTags {
			text := fr.text(f)
			if text == "" {
				continue
			}
			terms = append(terms, "f"+slot+fr.tag+":"+text)
			if v := fr.tag + frameSep + text; !contains(frames, v) {
				frames = append(frames, v)
			}
		}
		if !contains(kinds, string(f.Kind)) {
			kinds = append(kinds, string(f.Kind))
		}
		if !contains(units, f.Unit) {
			units = append(units, f.Unit)
		}
	}
	m[figField], m["fig_kind"], m["fig_unit"] = list(terms), list(kinds), list(units)
	if len(frames) > 0 {
		m[figFrameField] = frames
	}
}

// slotted is a figure filter: asked of one slot, and, where the index
// has the terms, of all the sentence's figures at once (flat), which is
// all a query of one figure filter needs.
type slotted struct {
	at   func(slot string) (query.Query, error)
	flat query.Query
}

// figureQuery asks filters of each of slots slots together: a sentence
// matches when one of its figures satisfies them all. One filter with a
// flat form is asked of all figures at once.
func figureQuery(filters []*slotted, slots int) (query.Query, error) {
	if len(filters) == 1 && filters[0].flat != nil {
		return filters[0].flat, nil
	}
	var any []query.Query
	for i := range max(slots, 1) {
		slot := slotName(i)
		var all []query.Query
		for _, f := range filters {
			q, err := f.at(slot)
			if err != nil {
				return nil, err
			}
			all = append(all, q)
		}
		any = append(any, allOf(all))
	}
	return anyOf(any), nil
}

// slotTerm matches a figure's kind (tag k, flat in fig_kind) or unit (u,
// fig_unit).
func slotTerm(tag, flatField, value string) *slotted {
	flat := termQuery(flatField, value)
	return &slotted{at: func(slot string) (query.Query, error) {
		return termQuery(figField, tag+slot+":"+value), nil
	}, flat: flat}
}

// slotPhrase matches text inside a figure's metric, subject or period
// (tag m, s or p), read as the text analyzer reads it: of any figure as a
// phrase over the frames' characters, of one slot as the frame terms of
// that slot that hold the phrase (frames lists them). A phrase with
// punctuation is matched by the frame terms that hold it in every case:
// the frames' characters keep no marks, so their phrase would let a mark
// stand for any character (增、值 for 增加值).
func slotPhrase(tag, text string, frames func(tag string, want []string) (map[string][]string, error)) (*slotted, error) {
	pos := positions(text)
	if len(pos) == 0 {
		none := query.NewMatchNoneQuery()
		return &slotted{at: func(string) (query.Query, error) { return none, nil }, flat: none}, nil
	}
	terms := make([]string, len(pos))
	for i, p := range pos {
		if p != "" {
			terms[i] = tag + ":" + p
		}
	}
	// The frame terms that hold the phrase, by slot: read once, when a
	// slot or a phrase with punctuation first needs them.
	holding := sync.OnceValues(func() (map[string][]string, error) {
		if frames == nil {
			return map[string][]string{}, nil
		}
		return frames(tag, pos)
	})
	var flat query.Query = exactPhrase{terms: terms, field: figFrameField}
	if len(terms) == 1 {
		flat = termQuery(figFrameField, terms[0])
	}
	if slices.Contains(pos, "") {
		bySlot, err := holding()
		if err != nil {
			return nil, err
		}
		var all []string
		for _, slot := range slices.Sorted(maps.Keys(bySlot)) {
			all = append(all, bySlot[slot]...)
		}
		flat = anyFigureTerm(all)
	}
	return &slotted{flat: flat, at: func(slot string) (query.Query, error) {
		bySlot, err := holding()
		if err != nil {
			return nil, err
		}
		return anyFigureTerm(bySlot[slot]), nil
	}}, nil
}

// anyFigureTerm matches sentences with any of the figure terms, none
// when there are none.
func anyFigureTerm(terms []string) query.Query {
	qs := make([]query.Query, len(terms))
	for i, t := range terms {
		qs[i] = termQuery(figField, t)
	}
	if q := anyOf(qs); q != nil {
		return q
	}
	return query.NewMatchNoneQuery()
}

// slotValue matches a figure's value between lo and hi (nil: open).
func slotValue(lo, hi *float64, loIncl, hiIncl bool) *slotted {
	return &slotted{
		at: func(slot string) (query.Query, error) {
			return valueQuery(slot, lo, hi, loIncl, hiIncl), nil
		},
		flat: valueQuery("", lo, hi, loIncl, hiIncl),
	}
}

// slotOr is a OR b asked of one slot (and of all figures, when both
// have a flat form).
func slotOr(a, b *slotted) *slotted {
	or := &slotted{at: func(slot string) (query.Query, error) {
		qa, err := a.at(slot)
		if err != nil {
			return nil, err
		}
		qb, err := b.at(slot)
		if err != nil {
			return nil, err
		}
		return query.NewDisjunctionQuery([]query.Query{qa, qb}), nil
	}}
	if a.flat != nil && b.flat != nil {
		or.flat = query.NewDisjunctionQuery([]query.Query{a.flat, b.flat})
	}
	return or
}

// frameEntry is one frame text of the index: its tokens by position and
// the slots it has terms in.
type frameEntry struct {
	pos   []string
	slots []string
}

// framesHolding lists, by slot, the slotted frame terms of tag whose text
// holds the phrase want (tokens by position, as positions gives them).
func (x *Index) framesHolding(tag string, want []string) (map[string][]string, error) {
	vocab, err := x.frameVocabulary()
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for text, e := range vocab[tag] {
		if holdsPhrase(e.pos, want) {
			for _, slot := range e.slots {
				out[slot] = append(out[slot], "f"+slot+tag+":"+text)
			}
		}
	}
	return out, nil
}

// frameVocabulary reads the slotted frame terms of every shard, once until
// the index changes.
func (x *Index) frameVocabulary() (map[string]map[string]*frameEntry, error) {
	x.meta.mu.Lock()
	vocab := x.meta.frames
	x.meta.mu.Unlock()
	if vocab != nil {
		return vocab, nil
	}
	vocab = map[string]map[string]*frameEntry{}
	for _, b := range x.shards {
		if err := eachTerm(b, figField, "f", func(term string) {
			slot, tag, text, ok := parseFrameTerm(term)
			if !ok {
				return
			}
			if vocab[tag] == nil {
				vocab[tag] = map[string]*frameEntry{}
			}
			e := vocab[tag][text]
			if e == nil {
				e = &frameEntry{pos: positions(text)}
				vocab[tag][text] = e
			}
			if !contains(e.slots, slot) {
				e.slots = append(e.slots, slot)
			}
		}); err != nil {
			return nil, fmt.Errorf("index: frame terms: %w", err)
		}
	}
	x.meta.mu.Lock()
	x.meta.frames = vocab
	x.meta.mu.Unlock()
	return vocab, nil
}

// parseFrameTerm reads a slotted frame term: "f", slot digits, tag, ":",
// text.
func parseFrameTerm(term string) (slot, tag, text string, ok bool) {
	term, ok = strings.CutPrefix(term, "f")
	if !ok {
		return "", "", "", false
	}
	i := 0
	for i < len(term) && term[i] >= '0' && term[i] <= '9' {
		i++
	}
	if i == 0 || i+2 > len(term) || term[i+1] != ':' {
		return "", "", "", false
	}
	return term[:i], term[i : i+1], term[i+2:], true
}

// eachTerm calls fn with each term of field in b that begins with prefix.
func eachTerm(b bleve.Index, field, prefix string, fn func(string)) error {
	d, err := b.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		fn(e.Term)
	}
}
