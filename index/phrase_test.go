package index

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportmine/corpus"
)

// TestExactPhraseAsBleve checks exactPhrase on random texts of a
// four-word vocabulary, where phrases and near misses abound, in a plain
// field and in an array field (whose elements each start again at
// position 1, as figure frames do), with gaps anywhere, alone and inside
// a conjunction (which advances it): its hits are the texts that hold
// the phrase, found by hand, and their scores are bleve's phrase query's.
// Bleve's own hits are compared too, but in the plain field only: in an
// array field it finds a repeated term (aa aa) across elements in some
// documents when many are searched, and not in the same document alone.
func TestExactPhraseAsBleve(t *testing.T) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = simple.Name
	b, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	rng := rand.New(rand.NewSource(14))
	words := []string{"aa", "bb", "cc", "dd"}
	phrase := func(n int) []string {
		text := make([]string, n)
		for j := range text {
			text[j] = words[rng.Intn(len(words))]
		}
		return text
	}
	type doc struct{ f, h [][]string } // the fields' elements, as words
	docs := map[string]doc{}
	batch := b.NewBatch()
	for i := range 400 {
		var d doc
		d.f = [][]string{phrase(1 + rng.Intn(12))}
		var elements []string
		for range 1 + rng.Intn(3) {
			d.h = append(d.h, phrase(1+rng.Intn(3)))
			elements = append(elements, strings.Join(d.h[len(d.h)-1], " "))
		}
		id := fmt.Sprintf("d%03d", i)
		docs[id] = d
		if err := batch.Index(id, map[string]any{"f": strings.Join(d.f[0], " "), "g": d.f[0][0], "h": elements}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Batch(batch); err != nil {
		t.Fatal(err)
	}
	for trial := range 200 {
		terms := phrase(2 + rng.Intn(3))
		for j := range terms {
			if j > 0 && rng.Intn(4) == 0 {
				terms[j] = "" // any word
			}
		}
		if rng.Intn(8) == 0 {
			terms = append([]string{""}, terms...)
		}
		field := []string{"f", "h"}[trial%4/2]
		want, got := query.Query(query.NewPhraseQuery(terms, field)), query.Query(exactPhrase{terms: terms, field: field})
		first := ""
		if trial%2 == 1 {
			first = words[rng.Intn(len(words))]
			g := query.NewTermQuery(first)
			g.SetField("g")
			want, got = query.NewConjunctionQuery([]query.Query{g, want}), query.NewConjunctionQuery([]query.Query{g, got})
		}
		var truth []string
		for id, d := range docs {
			elements := d.f
			if field == "h" {
				elements = d.h
			}
			if (first == "" || d.f[0][0] == first) && slices.ContainsFunc(elements, func(e []string) bool { return holdsWithAnyWord(e, trimGaps(terms)) }) {
				truth = append(truth, id)
			}
		}
		sort.Strings(truth)
		bleveHits, exactHits := phraseHits(t, b, want), phraseHits(t, b, got)
		ids := slices.Sorted(func(yield func(string) bool) {
			for id := range exactHits {
				if !yield(id) {
					return
				}
			}
		})
		if !slices.Equal(ids, truth) {
			t.Fatalf("%q in %s (trial %d): exactPhrase finds %v, the texts %v", terms, field, trial, ids, truth)
		}
		for id, score := range exactHits {
			if bs, ok := bleveHits[id]; ok && bs != score {
				t.Fatalf("%q in %s (trial %d): %s scores %s, bleve %s", terms, field, trial, id, score, bs)
			}
		}
		if field == "f" && len(bleveHits) != len(exactHits) {
			t.Fatalf("%q in %s (trial %d): bleve %v, exact %v", terms, field, trial, bleveHits, exactHits)
		}
	}
}

// phraseHits are a query's hits and their scores.
func phraseHits(t *testing.T, b bleve.Index, q query.Query) map[string]string {
	t.Helper()
	res, err := b.Search(bleve.NewSearchRequestOptions(q, 1000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, h := range res.Hits {
		out[h.ID] = fmt.Sprintf("%.9f", h.Score)
	}
	if res.Total != uint64(len(out)) {
		t.Fatalf("%d hits, %d returned", res.Total, len(out))
	}
	return out
}

// TestFramePhraseWithinOneFigure: metric:, subject: and period: hold
// their phrase within one figure's frame, not across the frames of two.
func TestFramePhraseWithinOneFigure(t *testing.T) {
	checkFrameHits(t, "全市粮食产量达到320万吨，生产总值达到980亿元。", []corpus.Figure{
		{Kind: corpus.KindQuantity, Value: 320, Unit: "万吨", Metric: "粮食产量", Start: 0, End: 1},
		{Kind: corpus.KindMoney, Value: 980, Unit: "亿元", Metric: "生产总值", Start: 2, End: 3},
	}, map[string]uint64{
		// 产 is the third character of 粮食产量 and 值 the fourth of
		// 生产总值: one position apart, in two frames.
		"metric:产量": 1, "metric:生产总值": 1, "metric:食产": 1, "metric:产值": 0, "metric:粮产": 0,
	})
}

// TestFramePhrasePunctuation: a mark in a metric: phrase is a mark in the
// frame, alone or beside another figure filter, not any character.
func TestFramePhrasePunctuation(t *testing.T) {
	checkFrameHits(t, "全市工业增加值达到320亿元，进出口、外贸总额达到98亿元。", []corpus.Figure{
		{Kind: corpus.KindMoney, Value: 320, Unit: "CNY", Metric: "工业增加值", Start: 0, End: 1},
		{Kind: corpus.KindMoney, Value: 98, Unit: "CNY", Metric: "进出口、外贸总额", Start: 2, End: 3},
	}, map[string]uint64{
		"metric:增、值": 0, "metric:增、值 kind:money": 0, "metric:增加值": 1,
		"metric:口、外": 1, "metric:口，外": 1, "metric:口、外 kind:money": 1, "metric:口和外": 0, "metric:口、外 value<90": 0,
	})
}

// checkFrameHits indexes one sentence with its figures and checks how
// many hits each query has.
func checkFrameHits(t *testing.T, text string, figs []corpus.Figure, want map[string]uint64) {
	t.Helper()
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	doc := corpus.NewDocument("frames.txt", []byte(text))
	for i := range figs {
		figs[i].Doc = doc.ID
	}
	if err := x.AddAll(context.Background(), []Entry{{Doc: doc, Figures: figs}}); err != nil {
		t.Fatal(err)
	}
	for q, n := range want {
		if got, _ := hitSources(t, x, q, 10); got != n {
			t.Errorf("%s: %d hits, want %d", q, got, n)
		}
	}
}

// holdsWithAnyWord is holdsPhrase as bleve's phrase reads "": any word.
func holdsWithAnyWord(have, want []string) bool {
	for i := 0; i+len(want) <= len(have); i++ {
		ok := true
		for j, w := range want {
			if w != "" && have[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
