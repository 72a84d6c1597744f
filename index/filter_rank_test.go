package index_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"reportmine/index"
	"reportmine/internal/synth"
)

// TestFiltersDoNotRank: a filter beside text (a year, a value, a kind, a
// unit, a document, a negation) decides which sentences match, not their
// order: each hit scores as it does for the text alone, times one factor
// for the whole query.
func TestFiltersDoNotRank(t *testing.T) {
	docs := map[string]string{}
	for _, seed := range []int64{7, 20} { // reports of 1997 and of 2010
		dir := t.TempDir()
		if err := synth.Write(dir, 6, seed); err != nil {
			t.Fatal(err)
		}
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs[itoa(int(seed))+"-"+filepath.Base(p)] = string(b)
		}
	}
	x := fixtureIndex(t, docs)
	defer x.Close()
	filters := []string{"year:2005..2015", "value>=100亿", "kind:count", "-下降", "source:7-synth-003.txt", "value>=100亿 kind:money", "year:1997 -下降"}
	narrows := map[string]bool{} // filters that keep some of a text's hits and not all
	for _, text := range []string{"增长", "地区生产总值", "总投资"} {
		alone := map[string]float64{}
		for _, h := range searchAll(t, x, text).Hits {
			alone[h.Doc+"#"+itoa(h.Start)] = h.Score
		}
		for _, filter := range filters {
			r := searchAll(t, x, text+" "+filter)
			narrows[filter] = narrows[filter] || r.Total > 0 && r.Total < uint64(len(alone))
			factor := 0.0
			for _, h := range r.Hits {
				base, ok := alone[h.Doc+"#"+itoa(h.Start)]
				if !ok {
					t.Fatalf("%s %s: a hit the text alone does not find", text, filter)
				}
				if factor == 0 {
					factor = h.Score / base
				}
				if f := h.Score / base; math.Abs(f-factor) > 1e-9*factor {
					t.Fatalf("%s %s: scores %g times the text's, another hit %g times", text, filter, f, factor)
				}
			}
		}
	}
	for _, f := range filters {
		if !narrows[f] {
			t.Errorf("%s keeps all of every text's hits or none: it tests nothing", f)
		}
	}
}

func searchAll(t *testing.T, x *index.Index, q string) index.Results {
	t.Helper()
	r, err := x.Search(t.Context(), index.Request{Query: q, Limit: 100000})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return r
}
