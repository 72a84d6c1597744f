package index

import (
	"cmp"
	"context"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"reportmine/corpus"
)

// TestValueRanges: value filters give exactly the sentences that have a
// figure in the range (bounds included or not, open ends, negative and
// tiny values, ranges inside one binary order of magnitude and across
// many), checked against the figures themselves on random ranges; with
// kind: the same figure must satisfy both.
func TestValueRanges(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rng := rand.New(rand.NewSource(7))
	values := []float64{0, -3.9, -0.5, 0.2, 1, 2.5, 5, 5.6, 12, 99.99, 100, 1e4, 12345.6, 1e8, 2.3e9, 1e10, 1.2e10, 9.9e11, 3e12}
	type fig struct {
		value float64
		kind  corpus.Kind
	}
	var sentences [][]fig
	var entries []Entry
	for i := range 60 {
		text := fmt.Sprintf("第%d句。", i)
		doc := corpus.NewDocument(fmt.Sprintf("v%d.txt", i), []byte(text))
		var figs []corpus.Figure
		var fs []fig
		for range 1 + rng.Intn(2) {
			f := fig{values[rng.Intn(len(values))], []corpus.Kind{corpus.KindMoney, corpus.KindPercent}[rng.Intn(2)]}
			fs = append(fs, f)
			figs = append(figs, corpus.Figure{Doc: doc.ID, Kind: f.kind, Value: f.value, Unit: "x", Start: 0, End: 1})
		}
		sentences = append(sentences, fs)
		entries = append(entries, Entry{Doc: doc, Figures: figs})
	}
	if err := x.AddAll(context.Background(), entries); err != nil {
		t.Fatal(err)
	}
	check := func(q string, match func(fig) bool) {
		t.Helper()
		var want []string
		for i, fs := range sentences {
			for _, f := range fs {
				if match(f) {
					want = append(want, fmt.Sprintf("v%d.txt", i))
					break
				}
			}
		}
		_, got := hitSources(t, x, q, 100)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d hits %v, want %d %v", q, len(got), got, len(want), want)
		}
	}
	for range 200 {
		a, b := values[rng.Intn(len(values))], values[rng.Intn(len(values))]
		if rng.Intn(3) == 0 {
			a += 0.001
		}
		if a > b {
			a, b = b, a
		}
		check(fmt.Sprintf("value:%g..%g", a, b), func(f fig) bool { return f.value >= a && f.value <= b })
		check(fmt.Sprintf("value>%g", a), func(f fig) bool { return f.value > a })
		check(fmt.Sprintf("value<%g", b), func(f fig) bool { return f.value < b })
		check(fmt.Sprintf("value>=%g kind:money", a), func(f fig) bool { return f.value >= a && f.kind == corpus.KindMoney })
		check(fmt.Sprintf("value=%g", a), func(f fig) bool { return f.value == a })
		check(fmt.Sprintf("value:%g..", a), func(f fig) bool { return f.value >= a })
		check(fmt.Sprintf("value:..%g", b), func(f fig) bool { return f.value <= b })
	}
	// Thousands separators and full-width digits are the same amounts.
	check("value:12,345.6", func(f fig) bool { return f.value == 12345.6 })
	check("value>=１００亿", func(f fig) bool { return f.value >= 1e10 })
	check("value:1,000..1,200,000,000", func(f fig) bool { return f.value >= 1000 && f.value <= 1.2e9 })
	check("value>=100 kind:Money", func(f fig) bool { return f.value >= 100 && f.kind == corpus.KindMoney })
	check("value>=100 unit:X", func(f fig) bool { return f.value >= 100 }) // the figures' unit is x, in any case
}

// TestValueRangeErrors: a range that runs from high to low, or has
// neither end, and a kind the contract does not have, are refused,
// naming what to write.
func TestValueRangeErrors(t *testing.T) {
	for _, q := range []string{"value:1000亿..100亿", "value:..", "value:12,34", "value>=1,0000", "kind:amount"} {
		if _, err := Parse(q); err == nil {
			t.Errorf("%s: no error", q)
		}
	}
}

// TestCoverTiles: the ranges a value range is asked as tile it exactly,
// each whole buckets of its level (but the finest), on random bounds
// and on bounds at bucket edges.
func TestCoverTiles(t *testing.T) {
	rng := rand.New(rand.NewSource(24))
	edge := func() uint64 {
		k := rng.Uint64()
		if rng.Intn(2) == 0 {
			k &^= 1<<valueLevels[1+rng.Intn(len(valueLevels)-1)].shift - 1 // a bucket's first
		}
		if rng.Intn(4) == 0 {
			k |= 1<<valueLevels[1+rng.Intn(len(valueLevels)-1)].shift - 1 // a bucket's last
		}
		return k
	}
	for range 20000 {
		from, to := edge(), edge()
		if from > to {
			from, to = to, from
		}
		parts := cover(from, to, 0)
		slices.SortFunc(parts, func(a, b levelRange) int { return cmp.Compare(a.from, b.from) })
		next := from
		for i, p := range parts {
			if p.from != next || p.to < p.from {
				t.Fatalf("[%x, %x]: part %d %+v does not follow %x: %+v", from, to, i, p, next, parts)
			}
			if mask := uint64(1)<<valueLevels[p.level].shift - 1; p.from&mask != 0 || p.to&mask != mask {
				t.Fatalf("[%x, %x]: part %+v is not whole buckets of its level", from, to, p)
			}
			next = p.to + 1
		}
		if last := parts[len(parts)-1].to; last != to {
			t.Fatalf("[%x, %x]: ends at %x: %+v", from, to, last, parts)
		}
		if len(parts) > 2*len(valueLevels)-1 {
			t.Fatalf("[%x, %x]: %d parts", from, to, len(parts))
		}
	}
}

// TestScaledAmountsMeetFigures: an amount written with a scale word (2.3亿,
// 4.35亿, 5.2万) finds the figure the extractor read from the same words,
// whose value is rounded to 12 significant digits: 2.3 × 1e8 is
// 230000000.00000003 in floating point, and an exact bound of it missed
// the figure of 230000000.
func TestScaledAmountsMeetFigures(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	amounts := []struct {
		query string
		value float64
	}{
		{"2.3亿", 2.3e8}, {"1.1亿", 1.1e8}, {"4.35亿元", 4.35e8}, {"1.15亿", 1.15e8},
		{"397.86亿", 3.9786e10}, {"5.2万", 5.2e4}, {"0.7万亿", 7e11}, {"3.3千", 3300},
	}
	var entries []Entry
	for i, a := range amounts {
		doc := corpus.NewDocument(fmt.Sprintf("a%d.txt", i), []byte(fmt.Sprintf("第%d项全年完成投资。", i)))
		f := corpus.Figure{Doc: doc.ID, Kind: corpus.KindMoney, Unit: "CNY", Value: corpus.RoundValue(a.value), Start: 0, End: 1}
		entries = append(entries, Entry{Doc: doc, Figures: []corpus.Figure{f}})
	}
	if err := x.AddAll(context.Background(), entries); err != nil {
		t.Fatal(err)
	}
	for _, a := range amounts {
		for _, q := range []string{"value:" + a.query, "value>=" + a.query + " value<=" + a.query} {
			r, err := x.Search(context.Background(), Request{Query: q, Limit: 5})
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if r.Total != 1 {
				t.Errorf("%s: %d hits, want the figure of %v", q, r.Total, a.value)
			}
		}
	}
}
