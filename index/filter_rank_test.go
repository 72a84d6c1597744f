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
// document, a negation) decides which sentences match, not their order:
// each hit scores exactly as it does for the text alone, in every shard
// (whose term statistics differ).
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
	x := fixtureShards(t, docs, 2)
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
			for _, h := range r.Hits {
				base, ok := alone[h.Doc+"#"+itoa(h.Start)]
				if !ok {
					t.Fatalf("%s %s: a hit the text alone does not find", text, filter)
				}
				if math.Abs(h.Score-base) > 1e-9*base {
					t.Fatalf("%s %s: a hit scores %g, %g for the text alone", text, filter, h.Score, base)
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

// TestFilterMatchingNothing: a filter that matches nothing in a shard (a
// year no sentence has, a title no document has) leaves nothing there
// for a negation to be taken from.
func TestFilterMatchingNothing(t *testing.T) {
	x := fixtureShards(t, fixtureReports, 2)
	defer x.Close()
	for _, q := range []string{"-下降 year:1900", "增长 -下降 year:1900", "title:没有这个标题 -下降", "source:nosuch.txt -下降", "-增长 year:2030", "title:没有这个标题 -下", "place:， -下降"} {
		if r := searchAll(t, x, q); r.Total != 0 {
			t.Errorf("%s: %d hits, want none", q, r.Total)
		}
	}
	if r := searchAll(t, x, "增长 -下降"); r.Total == 0 {
		t.Error("增长 -下降: no hits")
	}
}
