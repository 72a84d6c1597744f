package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"reportmine/corpus"
)

// Request is a parsed search.
type Request struct {
	Query  string
	Limit  int
	Offset int
	// SortByDate orders hits newest first instead of by score.
	SortByDate bool
	// Facets are fields to count: year, source, place, issuer, kind, unit.
	Facets []string
}

// Hit is one matching sentence with byte spans (into Sentence) of the
// query's words.
type Hit struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	Page   int    `json:"page,omitempty"`
	// Sentence and Highlights are filled by the caller, from the text
	// it stores (FillText): the index stores no text.
	Sentence   string          `json:"sentence"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Score      float64         `json:"score"`
	Highlights [][2]int        `json:"highlights"`
	Figures    []corpus.Figure `json:"figures,omitempty"`
}

// Results is a page of hits with the total and facet counts.
type Results struct {
	Total  uint64                    `json:"total"`
	Hits   []Hit                     `json:"hits"`
	Facets map[string]map[string]int `json:"facets,omitempty"`
	// Phrases are the query's phrases, which FillText highlights.
	Phrases []string `json:"-"`
}

// FillText gives each hit its sentence, read by texts (a document's
// bytes for each span, all the spans of one document in one call: the
// store then reads a long document once, not once per hit), and the spans
// of the query's phrases in it.
func (r Results) FillText(texts func(doc string, spans []corpus.Span) ([]string, error)) error {
	byDoc := map[string][]int{}
	var order []string
	for i, h := range r.Hits {
		if _, ok := byDoc[h.Doc]; !ok {
			order = append(order, h.Doc)
		}
		byDoc[h.Doc] = append(byDoc[h.Doc], i)
	}
	for _, doc := range order {
		hits := byDoc[doc]
		spans := make([]corpus.Span, len(hits))
		for k, i := range hits {
			spans[k] = corpus.Span{Start: r.Hits[i].Start, End: r.Hits[i].End}
		}
		got, err := texts(doc, spans)
		if err == nil && len(got) != len(spans) {
			err = fmt.Errorf("%d texts for %d spans", len(got), len(spans))
		}
		if err != nil {
			return fmt.Errorf("sentences of %s: %w", doc, err)
		}
		for k, i := range hits {
			h := &r.Hits[i]
			h.Sentence, h.Highlights = got[k], Highlights(got[k], r.Phrases)
		}
	}
	return nil
}

// facetTable lists the facets a search can count, in the order they are
// shown, with the field each counts: years by the sentence's year term,
// sources and issuers by document part (facetValues).
var facetTable = []struct{ name, field string }{
	{"year", "year"}, {"source", "part"}, {"place", "place"}, {"issuer", "part"}, {"kind", "fig_kind"}, {"unit", "fig_unit"},
}

// Facets are the names of the facets a search can count, in the order
// they are shown.
var Facets = func() []string {
	names := make([]string, len(facetTable))
	for i, f := range facetTable {
		names[i] = f.name
	}
	return names
}()

// facetField is the field the facet name counts.
func facetField(name string) (string, bool) {
	for _, f := range facetTable {
		if f.name == name {
			return f.field, true
		}
	}
	return "", false
}

// ParseFacets reads a comma-separated list of facets (spaces allowed),
// or all of them.
func ParseFacets(s string) ([]string, error) {
	if strings.TrimSpace(s) == "all" {
		return slices.Clone(Facets), nil
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if !slices.Contains(Facets, f) {
			return nil, fmt.Errorf("no facet %q (facets: %s, or all)", f, strings.Join(Facets, ", "))
		}
		out = append(out, f)
	}
	return out, nil
}

// facetSize is how many values a facet lists; the year facet and the
// part facet a source or issuer facet is made from are read whole.
const facetSize = 50

// units lists the units the figures of the index have, from every
// shard's terms of the units field (a few dozen).
func (x *Index) units() []string {
	seen := map[string]bool{}
	for _, b := range x.shards {
		if err := eachTerm(b, "fig_unit", "", func(u string) { seen[u] = true }); err != nil {
			return nil // the unit is then taken as typed; the search reports the index's fault
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// searchRequest is the bleve request for q with r's page, order and
// facets.
func searchRequest(q query.Query, r Request) *bleve.SearchRequest {
	req := bleve.NewSearchRequestOptions(q, max(r.Limit, 1), r.Offset, false)
	if r.Limit == 0 {
		req.Size = 10
	}
	if r.SortByDate {
		req.SortBy([]string{"-date", "-_score"})
	}
	for _, f := range r.Facets {
		field, _ := facetField(f) // Search checked the names
		size := facetSize
		if field == "year" || field == "part" {
			size = math.MaxInt32
		}
		req.AddFacet(f, bleve.NewFacetRequest(field, size))
	}
	return req
}

// unrecordedParts are the part terms of sentences whose document has no
// record, as queries that leave them out: every part term that no
// document's record names.
func (x *Index) unrecordedParts() ([]query.Query, error) {
	byKey, err := x.partsByKey()
	if err != nil {
		return nil, err
	}
	var out []query.Query
	for _, b := range x.shards {
		err := eachTerm(b, "part", "", func(t string) {
			if byKey[t] == nil {
				out = append(out, termQuery("part", t))
			}
		})
		if err != nil {
			return nil, fmt.Errorf("index: parts: %w", err)
		}
	}
	return out, nil
}

// indexFault is a failure to read the index while a query is parsed
// (the parts a title: filter names, the frames a metric: filter holds):
// not the query's fault.
type indexFault struct{ err error }

func (f indexFault) Error() string { return f.err.Error() }
func (f indexFault) Unwrap() error { return f.err }

func readFault(err error) error {
	if err == nil {
		return nil
	}
	return indexFault{err}
}

// ErrQuery marks a query that could not be understood (its syntax, a
// filter's value, a facet), as opposed to a failure to answer it.
var ErrQuery = errors.New("query")

// Search runs a query in the reportmine query language.
func (x *Index) Search(ctx context.Context, r Request) (Results, error) {
	ps := parser{slots: x.slots(), units: x.units,
		parts: func(field, phrase string) ([]string, error) {
			keys, err := x.partsMatching(field, phrase)
			return keys, readFault(err)
		},
		frames: func(tag string, want []string) (map[string][]string, error) {
			terms, err := x.framesHolding(tag, want)
			return terms, readFault(err)
		}}
	parsed, err := ps.parse(r.Query)
	if errors.As(err, new(indexFault)) {
		return Results{}, err // the index failed, not the query
	}
	if err != nil {
		return Results{}, fmt.Errorf("%w: %v", ErrQuery, err)
	}
	for _, f := range r.Facets {
		if _, ok := facetField(f); !ok {
			return Results{}, fmt.Errorf("%w: no facet %q (facets: %s)", ErrQuery, f, strings.Join(Facets, ", "))
		}
	}
	q := parsed.Query
	if x.lags.Load() {
		// Sentences of a document not yet recorded as indexed (a run cut
		// short between its sentences and its record) are left out: the
		// index lacks that document, as the workspace warns, until the
		// next writer catches up.
		orphans, err := x.unrecordedParts()
		if err != nil {
			return Results{}, err
		}
		if len(orphans) > 0 {
			q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{unscored{anyOf(orphans)}})
		}
	}
	res, err := x.gather(ctx, searchRequest(q, r))
	if err != nil {
		return Results{}, err
	}
	out := Results{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits)), Phrases: parsed.Phrases}
	for _, h := range res.Hits {
		key, start, end, ok := parseSentenceID(h.ID)
		meta, found := x.docMeta(key)
		if !ok || !found {
			// A document this process is indexing right now (serve
			// --allow-ingest): its sentences are in, its record comes
			// once they all are. Left out of this page; the total still
			// counts them, until the record is written.
			out.Total--
			continue
		}
		hit := Hit{Score: h.Score, Doc: meta.ID, Source: meta.Source, Start: start, End: end, Page: meta.page(start)}
		hit.Title, hit.Date = meta.at(start)
		out.Hits = append(out.Hits, hit)
	}
	if len(res.Facets) > 0 {
		out.Facets = map[string]map[string]int{}
		for name, f := range res.Facets {
			counts := map[string]int{}
			value, err := x.facetValues(name)
			if err != nil {
				return Results{}, err
			}
			if f.Terms != nil {
				for _, t := range f.Terms.Terms() {
					if v := value(t.Term); v != "" {
						counts[v] += t.Count
					}
				}
			}
			out.Facets[name] = topCounts(counts, facetSize)
		}
	}
	return out, nil
}

// facetValues gives what a facet shows for a term of the field it counts
// ("" for none): a year term's year, a part's source or issuer, other
// terms as they are. The parts are looked up once per facet, not once per term.
func (x *Index) facetValues(facet string) (func(term string) string, error) {
	switch facet {
	case "year":
		return func(term string) string { return strings.TrimLeft(term, "0") }, nil
	case "source", "issuer":
		byKey, err := x.partsByKey()
		if err != nil {
			return nil, err
		}
		return func(term string) string {
			p := byKey[term]
			switch {
			case p == nil:
				return ""
			case facet == "source":
				return p.source
			}
			return p.issuer
		}, nil
	}
	return func(term string) string { return term }, nil
}

// topCounts keeps the n values counted most (ties by value).
func topCounts(counts map[string]int, n int) map[string]int {
	if len(counts) <= n {
		return counts
	}
	vals := make([]string, 0, len(counts))
	for v := range counts {
		vals = append(vals, v)
	}
	sort.Slice(vals, func(i, j int) bool {
		if counts[vals[i]] != counts[vals[j]] {
			return counts[vals[i]] > counts[vals[j]]
		}
		return vals[i] < vals[j]
	})
	out := make(map[string]int, n)
	for _, v := range vals[:n] {
		out[v] = counts[v]
	}
	return out
}

// Parsed is a query turned into a bleve query, with the phrases to
// highlight.
type Parsed struct {
	Query   query.Query
	Phrases []string
}

var (
	fieldRe = regexp.MustCompile(`^(year|source|place|title|issuer|kind|unit|metric|subject|period|value):(.+)$`)
	valueRe = regexp.MustCompile(`^value(>=|<=|>|<|=)(.+)$`)
)

// Parse reads the query language: runs of words are exact phrases, terms
// are ANDed, "…" quotes, OR between terms, -term excludes, field filters
// (year:2023 source: place: title: issuer:) and figure filters (kind:money
// unit:CNY metric:总投资 subject:晶科 period: value>=100亿 value:1e9..5e9)
// that must hold for one and the same figure.
//
// title: and issuer: are answered from the documents' records of an
// index; without one (Parse) they match nothing.
func Parse(q string) (Parsed, error) { return parser{}.parse(q) }

// parser reads the query language; parts, when set, lists the parts
// (documents or articles) whose title or issuer holds a phrase.
type parser struct {
	parts func(field, phrase string) ([]string, error)
	// frames lists, by slot, the frame terms of a tag whose text holds
	// a phrase (frameVocabulary).
	frames func(tag string, want []string) (map[string][]string, error)
	// slots is how many figures the fullest sentence of the index has
	// (figure filters are asked of each); 0 reads as 1.
	slots int
	// units are the units the index's figures have (nil: none known).
	units func() []string
}

// unitNamed is the unit a unit: filter names, in any case (unit:cny is
// CNY, unit:KM km), as the index's figures write it; a unit no figure
// has is kept as typed, and finds nothing.
func (ps parser) unitNamed(val string) string {
	if ps.units == nil {
		return val
	}
	units := ps.units()
	if slices.Contains(units, val) {
		return val
	}
	for _, u := range units {
		if strings.EqualFold(u, val) {
			return u
		}
	}
	return val
}

func (ps parser) parse(q string) (Parsed, error) {
	var p Parsed
	var must, mustNot, filters []query.Query
	var figure []*slotted
	blank := false // a term that asks nothing (punctuation alone)
	terms := splitQuery(q)
	for i := 0; i < len(terms); i++ {
		t := terms[i]
		if t == "OR" { // joining nothing (a OR b is read below): asks nothing
			blank = true
			continue
		}
		neg := strings.HasPrefix(t, "-") && len(t) > 1
		if neg {
			t = t[1:]
		}
		phrases := len(p.Phrases)
		cl, fig, err := ps.clause(t, &p)
		if err != nil {
			return p, err
		}
		if cl == nil && fig == nil {
			blank = true
			continue
		}
		// a OR b: gather the run of OR-joined terms into one disjunction,
		// of one figure's filters when both are figure filters.
		for i+2 < len(terms) && terms[i+1] == "OR" && !neg {
			next, nextFig, err := ps.clause(terms[i+2], &p)
			if err != nil {
				return p, err
			}
			switch {
			case fig != nil && nextFig != nil:
				fig = slotOr(fig, nextFig)
			case next == nil && nextFig == nil:
			default:
				a, err := ps.whole(cl, fig)
				if err != nil {
					return p, err
				}
				b, err := ps.whole(next, nextFig)
				if err != nil {
					return p, err
				}
				cl, fig = query.NewDisjunctionQuery([]query.Query{a, b}), nil
			}
			i += 2
		}
		switch {
		case neg:
			q, err := ps.whole(cl, fig)
			if err != nil {
				return p, err
			}
			mustNot = append(mustNot, unscored{q}) // what is excluded is never scored
			// nor ranked on, nor highlighted: a hit never holds it, and a
			// whole-word clause of its own would weigh the others less.
			p.Phrases = p.Phrases[:phrases]
		case fig != nil:
			figure = append(figure, fig)
		case len(p.Phrases) > phrases: // text
			must = append(must, cl)
		default:
			filters = append(filters, cl)
		}
	}
	if len(figure) > 0 {
		q, err := figureQuery(figure, ps.slots) // one figure must satisfy all
		if err != nil {
			return p, err
		}
		filters = append(filters, q)
	}
	// Filters (figures, years, places, documents) decide which sentences
	// match, not how well: beside text they are asked unscored, so that a
	// rare year or a rare order of magnitude does not rank a sentence
	// higher, and bleve reads a filter of many terms (a range of values
	// or years) as one union of their posting bitmaps. Alone, they are
	// the query, scored as before.
	text := len(must) > 0
	for _, f := range filters {
		if text {
			f = unscored{f}
		}
		must = append(must, f)
	}
	if blank && len(must) == 0 && len(mustNot) == 0 {
		// Only terms that ask nothing: not every sentence.
		p.Query = query.NewMatchNoneQuery()
		return p, nil
	}
	if len(must) == 0 {
		must = append(must, query.NewMatchAllQuery())
		mustNot = append(mustNot, unscored{recordsQuery()})
	}
	if len(mustNot) == 0 {
		p.Query = allOf(must)
	} else {
		b := query.NewBooleanQuery(nil, nil, mustNot)
		b.Must = matchingNothing{allOf(must)}
		p.Query = b
	}
	return p, nil
}

// whole is a clause as a query of its own: a figure filter asked of
// every slot.
func (ps parser) whole(cl query.Query, fig *slotted) (query.Query, error) {
	if fig != nil {
		return figureQuery([]*slotted{fig}, ps.slots)
	}
	return cl, nil
}

// clause turns one term into a query, or, for a figure filter, into a
// query of one slot.
func (ps parser) clause(t string, p *Parsed) (query.Query, *slotted, error) {
	t = strings.Trim(t, `"`)
	if t == "" {
		return nil, nil, nil
	}
	if m := valueRe.FindStringSubmatch(t); m != nil {
		v, err := parseAmount(m[2])
		if err != nil {
			return nil, nil, err
		}
		inc := true
		var lo, hi *float64
		switch m[1] {
		case ">=", ">":
			lo, inc = &v, m[1] == ">="
		case "<=", "<":
			hi, inc = &v, m[1] == "<="
		default:
			lo, hi = &v, &v
		}
		return nil, slotValue(lo, hi, inc, inc), nil
	}
	if m := fieldRe.FindStringSubmatch(t); m != nil {
		field, val := m[1], strings.Trim(m[2], `"`)
		switch field {
		case "value":
			lo, hi, err := parseRange(val)
			if err != nil {
				return nil, nil, err
			}
			return nil, slotValue(lo, hi, true, true), nil
		case "year":
			lo, hi, err := yearRange(val)
			if err != nil {
				return nil, nil, err
			}
			return yearsQuery(int(lo), int(hi)), nil, nil
		case "kind":
			k, err := figureKind(val)
			if err != nil {
				return nil, nil, err
			}
			return nil, slotTerm("k", "fig_kind", string(k)), nil
		case "unit":
			return nil, slotTerm("u", "fig_unit", ps.unitNamed(val)), nil
		case "metric", "subject", "period":
			fig, err := slotPhrase(field[:1], val, ps.frames)
			return nil, fig, err
		case "place":
			q := query.NewMatchPhraseQuery(val) // place:太原 finds 太原市
			q.SetField("place_text")
			return q, nil, nil
		case "title", "issuer", "source":
			q, err := ps.partsQuery(field, val)
			return q, nil, err
		}
	}
	toks := Terms(t)
	if len(toks) == 0 {
		return nil, nil, nil // punctuation alone (总投资 - 增长) asks nothing
	}
	p.Phrases = append(p.Phrases, t)
	return phraseQuery(toks, endsInGap(t, toks)), nil, nil
}

// partsQuery matches the sentences of the parts whose title or issuer
// holds phrase.
func (ps parser) partsQuery(field, phrase string) (query.Query, error) {
	if ps.parts == nil {
		return query.NewMatchNoneQuery(), nil
	}
	keys, err := ps.parts(field, phrase)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return query.NewMatchNoneQuery(), nil
	}
	qs := make([]query.Query, len(keys))
	for i, k := range keys {
		qs[i] = termQuery("part", k)
	}
	return anyOf(qs), nil
}

// phraseQuery matches a phrase, its tokens toks (at least one), exactly:
// one token (a character, a number, a Latin word) as every pair term it
// begins; more as their pair terms (pairs) at consecutive token positions, with a gap where the phrase
// has punctuation, as character positions would have. Where it has
// punctuation, the token before it must have punctuation after it in the
// sentence too (its pair with pairEnd): 开放、发展 is not 开放和发展, and
// the 1 of 1-6月份 is not any 1 of the sentence; so must the phrase's last
// token when punctuation ends the phrase (endsInGap: 发展，). A lone token
// after the phrase's last gap is every pair it begins, at its place (the
// 5 of 3-5 right after the 3 and its dash).
func phraseQuery(toks []*analysis.Token, endsInGap bool) query.Query {
	if len(toks) == 1 && !endsInGap {
		q := query.NewPrefixQuery(string(pairPrefix(toks[0])))
		q.SetField(pairField)
		return q
	}
	terms := make([]string, toks[len(toks)-1].Position-toks[0].Position+1)
	lastIsPrefix := false
	for start := 0; start < len(toks); {
		end := start + 1 // the run of adjacent tokens toks[start:end]
		for end < len(toks) && toks[end].Position == toks[end-1].Position+1 {
			end++
		}
		for _, i := range coveringPairs(start, end) {
			terms[toks[i].Position-toks[0].Position] = string(pairTerm(toks[i], toks[i+1]))
		}
		last := toks[end-1]
		switch {
		case end < len(toks) || endsInGap: // punctuation follows the run
			terms[last.Position-toks[0].Position] = string(append(pairPrefix(last), pairEnd))
		case end-start == 1: // a lone token ends the phrase
			terms[last.Position-toks[0].Position] = string(pairPrefix(last))
			lastIsPrefix = true
		}
		start = end
	}
	terms = trimGaps(terms)
	// A phrase of Chinese characters alone ranks the sentences where it is
	// a whole word first, from the boundaries its pair terms carry.
	rankWhole := !endsInGap && !lastIsPrefix && len(terms) == len(toks)-1 && allHan(toks)
	if len(terms) == 1 && !rankWhole {
		return termQuery(pairField, terms[0])
	}
	return exactPhrase{terms: terms, field: pairField, lastIsPrefix: lastIsPrefix, stride: pairStride, rankWhole: rankWhole}
}

// allHan reports tokens that are all Chinese characters, one run.
func allHan(toks []*analysis.Token) bool {
	for i, t := range toks {
		if t.Type != analysis.Ideographic || i > 0 && t.Position != toks[i-1].Position+1 {
			return false
		}
	}
	return true
}

// endsInGap tells whether the phrase t ends in punctuation after its
// last token (toks, as Terms reads t): spaces do not count.
func endsInGap(t string, toks []*analysis.Token) bool {
	return len(toks) > 0 && strings.TrimSpace(t[toks[len(toks)-1].End:]) != ""
}

// coveringPairs are the fewest pairs, by their first token, that hold
// every token of the run [start, end) at its place: every other pair,
// and the last one when the run is odd. A pair pins both its tokens, so
// 地区生产总值 is 地区, 生产 and 总值 two positions apart, which is exact
// with half the posting lists of every overlapping pair.
func coveringPairs(start, end int) []int {
	var out []int
	for i := start; i+1 < end; i += 2 {
		out = append(out, i)
	}
	if (end-start)%2 == 1 && end-start > 1 {
		out = append(out, end-2)
	}
	return out
}

// trimGaps drops the empty terms at either end of a phrase.
func trimGaps(terms []string) []string {
	for len(terms) > 0 && terms[0] == "" {
		terms = terms[1:]
	}
	for len(terms) > 0 && terms[len(terms)-1] == "" {
		terms = terms[:len(terms)-1]
	}
	return terms
}

func termQuery(field, term string) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// allOf and anyOf leave a single clause unwrapped: bleve's one-clause
// conjunction and disjunction searchers cost time on every matching
// sentence.
func allOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewConjunctionQuery(qs)
}

func anyOf(qs []query.Query) query.Query {
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// splitQuery splits on spaces, keeping "quoted phrases" whole.
func splitQuery(q string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range q {
		switch {
		case r == '"' || r == '“' || r == '”':
			quoted = !quoted
			cur.WriteRune('"')
		case (r == ' ' || r == '\u3000') && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// figureKind reads kind:'s value, in any case.
func figureKind(val string) (corpus.Kind, error) {
	k := corpus.Kind(strings.ToLower(val))
	if slices.Contains(corpus.Kinds, k) {
		return k, nil
	}
	names := make([]string, len(corpus.Kinds))
	for i, k := range corpus.Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("kind:%s is not a figure kind (%s)", val, strings.Join(names, ", "))
}

// parseAmount reads 1e10, 100亿, 5.2万, 100亿元, 1,000 and full-width
// forms (１００亿).
func parseAmount(s string) (float64, error) {
	s = strings.TrimSuffix(strings.TrimSpace(strings.Map(foldRune, s)), "元")
	mul := 1.0
	for _, u := range []struct {
		suffix string
		m      float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mul = strings.TrimSuffix(s, u.suffix), u.m
			break
		}
	}
	if thousandsRe.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not an amount (write 1e10, 100亿 or 5.2万)", s)
	}
	if mul != 1 {
		// 2.3 × 1e8 is 230000000.00000003 in floating point; the
		// figure's 2.3亿 was rounded to 230000000 when it was read.
		return corpus.RoundValue(v * mul), nil
	}
	return v, nil
}

// thousandsRe is a number with thousands separators (1,000 or 12,345.6).
var thousandsRe = regexp.MustCompile(`^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$`)

// parseRange reads v, lo..hi, lo.. and ..hi (nil for an open end).
func parseRange(s string) (lo, hi *float64, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		v, err := parseAmount(s)
		return &v, &v, err
	}
	if strings.TrimSpace(a) == "" && strings.TrimSpace(b) == "" {
		return nil, nil, fmt.Errorf("value:%s has neither end (value:100亿..1000亿, value:100亿..)", s)
	}
	end := func(s string) (*float64, error) {
		if strings.TrimSpace(s) == "" {
			return nil, nil
		}
		v, err := parseAmount(s)
		return &v, err
	}
	if lo, err = end(a); err != nil {
		return nil, nil, err
	}
	if hi, err = end(b); err != nil {
		return nil, nil, err
	}
	if lo != nil && hi != nil && *lo > *hi {
		return nil, nil, fmt.Errorf("value:%s runs from high to low (value:100亿..1000亿)", s)
	}
	return lo, hi, nil
}

// Highlights returns the byte spans in sentence where each phrase occurs,
// matched token by token as the index matches them, so PDF spaces inside
// a match are covered and every span's text is the phrase (folded).
func Highlights(sentence string, phrases []string) [][2]int {
	toks := Terms(sentence)
	var spans [][2]int
	for _, p := range phrases {
		q := Terms(p)
		if len(q) == 0 {
			continue
		}
		for i := 0; i+len(q) <= len(toks); i++ {
			ok := true
			for k := range q {
				// The same tokens, as far apart as in the phrase
				// (punctuation between them makes a gap).
				if string(toks[i+k].Term) != string(q[k].Term) || toks[i+k].Position-toks[i].Position != q[k].Position-q[0].Position {
					ok = false
					break
				}
			}
			if ok {
				spans = append(spans, [2]int{toks[i].Start, toks[i+len(q)-1].End})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	// Spans that overlap (投资 inside 总投资, a phrase asked twice) are
	// one highlight, and one KWIC line.
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp[0] < merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	if merged == nil {
		return [][2]int{} // a list, empty, in JSON too
	}
	return merged
}

// gather runs req on every shard and merges their hits in one order
// that does not depend on which shard answered first: the request's
// order, then a hit's rank in its shard, then the shard. bleve's alias
// breaks ties between shards by the order their answers arrived, so that
// pages of one query could repeat a hit of equal score and skip another.
func (x *Index) gather(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if len(x.shards) == 1 {
		return x.shards[0].SearchInContext(ctx, req)
	}
	n := len(x.shards)
	results := make([]*bleve.SearchResult, n)
	err := eachShard(x.shards, func(i int, b bleve.Index) error {
		child := *req
		child.From, child.Size, child.Sort = 0, req.From+req.Size, req.Sort.Copy()
		r, err := b.SearchInContext(ctx, &child)
		results[i] = r
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, r := range results {
		for _, h := range r.Hits { // rank in the shard (from 0), then the shard
			h.HitNumber = h.HitNumber*uint64(n) + uint64(i)
		}
	}
	all := results[0]
	for _, r := range results[1:] {
		all.Merge(r)
	}
	scoring, desc := req.Sort.CacheIsScore(), req.Sort.CacheDescending()
	sort.SliceStable(all.Hits, func(i, j int) bool {
		return req.Sort.Compare(scoring, desc, all.Hits[i], all.Hits[j]) < 0
	})
	hits := all.Hits[min(req.From, len(all.Hits)):]
	all.Hits = hits[:min(req.Size, len(hits))]
	for name, fr := range req.Facets {
		all.Facets.Fixup(name, fr.Size)
	}
	return all, nil
}

// yearsQuery matches sentences of the years lo to hi: one range over
// their year terms (corpus.Meta.Year), visiting only the years that occur.
func yearsQuery(lo, hi int) query.Query {
	return termRange("year", yearTerm(lo), yearTerm(hi))
}

// yearTerm writes a year (0 to 9999) as its index term.
func yearTerm(y int) string { return fmt.Sprintf("%04d", y) }

// yearRange reads year:2019 or year:2015..2020 (either end may be left
// open: year:2015.. , year:..2000).
func yearRange(val string) (float64, float64, error) {
	from, to, isRange := strings.Cut(val, "..")
	if !isRange {
		to = from
	}
	bad := fmt.Errorf("year:%s is not a year or a range of years (year:2019, year:2015..2020)", val)
	read := func(s string, open float64) (float64, error) {
		if s == "" && isRange {
			return open, nil
		}
		y, err := strconv.Atoi(s)
		if err != nil || y < 0 || y > 9999 {
			return 0, bad
		}
		return float64(y), nil
	}
	lo, err := read(from, 0)
	if err != nil {
		return 0, 0, err
	}
	hi, err := read(to, 9999)
	if err != nil {
		return 0, 0, err
	}
	if lo > hi {
		return 0, 0, bad
	}
	return lo, hi, nil
}

// unscored is a query asked for its matches alone: its searchers score
// nothing (a match adds 0 to the score of the query it is part of) and
// weigh nothing in the query's norm, which would otherwise scale each
// shard's scores by its own idf of the filter's terms; a disjunction of
// terms among them is one union of bitmaps (bleve's "unadorned"
// searchers). Frequencies are not read, positions only by a phrase.
type unscored struct{ query.Query }

func (u unscored) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.Score, options.IncludeTermVectors, options.Explain = "none", false, false
	s, err := u.Query.Searcher(ctx, r, m, options)
	if _, none := s.(*searcher.MatchNoneSearcher); none || err != nil {
		return s, err // bleve's queries recognise it and skip it
	}
	if o, ok := s.(bindex.Optimizable); ok {
		return weightlessOptimizable{weightless{s}, o}, nil
	}
	return weightless{s}, nil
}

// weightless is a searcher that weighs nothing in a query's norm.
type weightless struct{ search.Searcher }

func (weightless) Weight() float64      { return 0 }
func (weightless) SetQueryNorm(float64) {}

// weightlessOptimizable keeps what bleve optimises of a term searcher
// (a conjunction of term searchers iterates their bitmaps' intersection).
type weightlessOptimizable struct {
	weightless
	bindex.Optimizable
}

// matchingNothing is a query whose searcher, when it matches nothing,
// says so by matching nothing rather than by being bleve's MatchNone:
// a boolean query drops a MatchNone must clause, and its must-not
// clauses would then be taken from every sentence (-下降 year:1900 would
// find all sentences without 下降).
type matchingNothing struct{ query.Query }

func (q matchingNothing) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, options)
	if none, ok := s.(*searcher.MatchNoneSearcher); ok && err == nil {
		return nothing{none}, nil
	}
	return s, err
}

// nothing is bleve's MatchNone searcher under another type.
type nothing struct{ *searcher.MatchNoneSearcher }
