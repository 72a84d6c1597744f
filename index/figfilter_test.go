package index

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestFigureFiltersSameFigure: all figure filters of a query hold for one
// and the same figure of the sentence, never for two figures between
// them; checked on random sentences of several figures against the
// figures themselves, with OR, negation and words.
func TestFigureFiltersSameFigure(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rng := rand.New(rand.NewSource(11))
	kinds := []corpus.Kind{corpus.KindMoney, corpus.KindPercent, corpus.KindCount}
	units := map[corpus.Kind][]string{corpus.KindMoney: {"CNY", "USD"}, corpus.KindPercent: {"%"}, corpus.KindCount: {"个", "家"}}
	metrics := []string{"地区生产总值", "固定资产投资", "总投资", "一般公共预算收入", "新签约项目总投资"}
	subjects := []string{"云岭市", "石桥市", "高新区", ""}
	periods := []string{"2023年", "上半年", "1-6月份", ""}
	values := []float64{3.2, 5.6, 12, 150, 1e8, 2.5e9, 1.2e10}
	var sentences [][]corpus.Figure
	var entries []Entry
	for i := range 150 {
		words := []string{"增长", "下降", "完成"}[rng.Intn(3)]
		doc := corpus.NewDocument(fmt.Sprintf("s%03d.txt", i), []byte(fmt.Sprintf("第%d句%s。", i, words)))
		var figs []corpus.Figure
		for range 1 + rng.Intn(4) {
			k := kinds[rng.Intn(len(kinds))]
			figs = append(figs, corpus.Figure{Doc: doc.ID, Kind: k, Unit: units[k][rng.Intn(len(units[k]))], Value: values[rng.Intn(len(values))],
				Metric: metrics[rng.Intn(len(metrics))], Subject: subjects[rng.Intn(len(subjects))], Period: periods[rng.Intn(len(periods))], Start: 0, End: 1})
		}
		sentences = append(sentences, figs)
		entries = append(entries, Entry{Doc: doc, Figures: figs})
	}
	if err := x.AddAll(context.Background(), entries); err != nil {
		t.Fatal(err)
	}
	type filter struct {
		q  string
		ok func(corpus.Figure) bool
	}
	pick := func() filter {
		switch rng.Intn(6) {
		case 0:
			k := kinds[rng.Intn(len(kinds))]
			return filter{"kind:" + string(k), func(f corpus.Figure) bool { return f.Kind == k }}
		case 1:
			u := []string{"CNY", "USD", "%", "个", "家"}[rng.Intn(5)]
			return filter{"unit:" + u, func(f corpus.Figure) bool { return f.Unit == u }}
		case 2:
			v := values[rng.Intn(len(values))]
			return filter{fmt.Sprintf("value>=%g", v), func(f corpus.Figure) bool { return f.Value >= v }}
		case 3:
			m := []string{"总投资", "投资", "生产总值", "收入", "固定资产"}[rng.Intn(5)]
			return filter{"metric:" + m, func(f corpus.Figure) bool { return strings.Contains(f.Metric, m) }}
		case 4:
			s := []string{"云岭市", "石桥", "高新区"}[rng.Intn(3)]
			return filter{"subject:" + s, func(f corpus.Figure) bool { return strings.Contains(f.Subject, s) }}
		default:
			p := []string{"2023年", "上半年", "6月"}[rng.Intn(3)]
			return filter{"period:" + p, func(f corpus.Figure) bool { return strings.Contains(f.Period, p) }}
		}
	}
	for range 300 {
		var parts []string
		var oks []func(corpus.Figure) bool
		for range 1 + rng.Intn(3) {
			f := pick()
			parts = append(parts, f.q)
			oks = append(oks, f.ok)
		}
		word := ""
		if rng.Intn(3) == 0 {
			word = "增长"
			parts = append(parts, word)
		}
		neg := rng.Intn(5) == 0
		if neg { // -filter: no figure of the sentence satisfies it
			parts = []string{"增长", "-" + parts[0]}
			word = "增长"
		}
		or := !neg && len(oks) == 2 && word == "" && rng.Intn(3) == 0
		if or { // a OR b: one figure satisfies either
			parts = []string{parts[0], "OR", parts[1]}
		}
		q := strings.Join(parts, " ")
		var want []string
		for i, figs := range sentences {
			if word != "" && !strings.Contains(entries[i].Doc.Raw, word) {
				continue
			}
			any := false
			for _, f := range figs {
				all := true
				for _, ok := range oks {
					all = all && ok(f)
				}
				if or {
					all = oks[0](f) || oks[1](f)
				}
				if neg {
					all = oks[0](f)
				}
				any = any || all
			}
			if any != neg {
				want = append(want, fmt.Sprintf("s%03d.txt", i))
			}
		}
		total, got := hitSources(t, x, q, 200)
		if !slices.Equal(got, want) || int(total) != len(want) {
			t.Errorf("%s: %d hits, want %d\ngot  %v\nwant %v", q, total, len(want), got, want)
		}
	}
}
