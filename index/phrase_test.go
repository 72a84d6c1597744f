package index

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestExactPhraseAsBleve checks exactPhrase against bleve's own phrase
// query on random texts of a four-word vocabulary, where phrases and
// near misses abound: the same documents with the same scores, alone and
// inside a conjunction (which advances it).
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
	batch := b.NewBatch()
	for i := range 400 {
		text := make([]string, 1+rng.Intn(12))
		for j := range text {
			text[j] = words[rng.Intn(len(words))]
		}
		if err := batch.Index(fmt.Sprintf("d%03d", i), map[string]any{"f": strings.Join(text, " "), "g": text[0]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Batch(batch); err != nil {
		t.Fatal(err)
	}
	for trial := range 200 {
		terms := make([]string, 2+rng.Intn(3))
		for j := range terms {
			terms[j] = words[rng.Intn(len(words))]
			if j > 0 && j < len(terms)-1 && rng.Intn(4) == 0 {
				terms[j] = "" // any word
			}
		}
		want, got := query.Query(query.NewPhraseQuery(terms, "f")), query.Query(exactPhrase{terms: terms, field: "f"})
		if trial%2 == 1 {
			first := query.NewTermQuery(words[rng.Intn(len(words))])
			first.SetField("g")
			want, got = query.NewConjunctionQuery([]query.Query{first, want}), query.NewConjunctionQuery([]query.Query{first, got})
		}
		if w, g := phraseHits(t, b, want), phraseHits(t, b, got); w != g {
			t.Fatalf("%q (trial %d):\nbleve %s\nexact %s", terms, trial, w, g)
		}
	}
}

func phraseHits(t *testing.T, b bleve.Index, q query.Query) string {
	t.Helper()
	res, err := b.Search(bleve.NewSearchRequestOptions(q, 1000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s:%.9f", h.ID, h.Score))
	}
	return fmt.Sprintf("%d hits: %s", res.Total, strings.Join(out, " "))
}
