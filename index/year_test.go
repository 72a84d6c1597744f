package index

import (
	"context"
	"testing"

	"reportmine/corpus"
)

func TestYearRange(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi float64
		ok     bool
	}{
		{"2019", 2019, 2019, true}, {"2015..2020", 2015, 2020, true}, {"2015..", 2015, 9999, true}, {"..2000", 0, 2000, true},
		{"2020..2015", 0, 0, false}, {"明年", 0, 0, false}, {"", 0, 0, false}, {"..", 0, 9999, true}, {"20.5", 0, 0, false},
	} {
		lo, hi, err := yearRange(c.in)
		if (err == nil) != c.ok || c.ok && (lo != c.lo || hi != c.hi) {
			t.Errorf("yearRange(%q) = %v, %v, %v", c.in, lo, hi, err)
		}
	}
}

// TestYearFilterReadsDates: year: ranges, open at either end, select the
// sentences by the year their date begins with.
func TestYearFilterReadsDates(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var entries []Entry
	for _, date := range []string{"1999-12-31", "2000", "2015-06", "9999-01-01", ""} {
		d := corpus.NewDocument(date+".txt", []byte("全年粮食产量保持稳定（"+date+"）。"))
		d.Meta.Date = date
		entries = append(entries, Entry{Doc: d})
	}
	if err := x.AddAll(context.Background(), entries); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		"粮食 year:2000": 1, "粮食 year:2000..": 3, "粮食 year:..2000": 2, "粮食 year:1999..2015": 3, "粮食 year:2001..2014": 0, "粮食": 5,
	} {
		r, err := x.Search(context.Background(), Request{Query: q, Facets: []string{"year"}})
		if err != nil {
			t.Fatal(err)
		}
		if int(r.Total) != want {
			t.Errorf("%s: %d hits, want %d", q, r.Total, want)
		}
		if q == "粮食" && (r.Facets["year"]["2015"] != 1 || r.Facets["year"]["9999"] != 1 || len(r.Facets["year"]) != 4) {
			t.Errorf("year facet %v", r.Facets["year"])
		}
	}
}
