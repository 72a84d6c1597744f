package store

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"reportmine/corpus"
)

// TestCatalogMatchesSQL: for random filters, orders and limits, the
// catalogue's page is the SQL query's, row for row.
func TestCatalogMatchesSQL(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	rng := rand.New(rand.NewSource(7))
	metrics := []string{"地区生产总值", "一般公共预算收入", "GDP", "gdp增速", "粮食_产量", "100%达标", ""}
	subjects := []string{"青河市", "云岭市", "全市", ""}
	units := []string{"CNY", "%", "万人", "t"}
	periods := []string{"2023年", "2019年上半年", "今年", "", "20"}
	dates := []string{"2024-01-10", "2019", "", "201"}
	for d := range 12 {
		raw := fmt.Sprintf("第%d份文件。", d)
		doc := corpus.NewDocument(fmt.Sprintf("src/%c%d.txt", 'a'+rng.Intn(5), d), []byte(raw))
		doc.Date = dates[rng.Intn(len(dates))]
		doc.Place = []string{"", "青河市", "云岭市"}[rng.Intn(3)]
		var figs []corpus.Figure
		for i := range 25 {
			f := corpus.Figure{Doc: doc.ID, Source: doc.Source, Kind: corpus.KindMoney, Value: float64(rng.Intn(50)) * 1.5,
				Unit: units[rng.Intn(len(units))], Metric: metrics[rng.Intn(len(metrics))], Subject: subjects[rng.Intn(len(subjects))],
				Period: periods[rng.Intn(len(periods))], Start: i, End: i + 1, Text: "x", Target: rng.Intn(3) == 0}
			if rng.Intn(2) == 0 {
				f.PeriodFrom, f.PeriodTo = fmt.Sprintf("%d-01-01", 2018+rng.Intn(4)), "2024-12-31"
			}
			f.ID = corpus.FigureID(doc.ID, i, i+1)
			figs = append(figs, f)
		}
		if err := st.Put(ctx, Entry{Doc: doc, Figures: figs, SimHash: uint64(d)}); err != nil {
			t.Fatal(err)
		}
	}
	yes, no := true, false
	lo, hi := 10.0, 40.0
	matched := 0
	for i := range 400 {
		f := FigureFilter{Limit: 1 + rng.Intn(60)}
		pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
		if rng.Intn(2) == 0 {
			f.Metric = pick([]string{"生产", "gdp", "_", "%", "预算收入", "GDP"})
		}
		if rng.Intn(3) == 0 {
			f.Subject = pick(subjects)
		}
		if rng.Intn(3) == 0 {
			f.Unit = pick(units)
		}
		if rng.Intn(3) == 0 {
			f.Year = pick([]string{"2019", "2023", "20", "201", "2024"})
		}
		if rng.Intn(4) == 0 {
			f.Source = pick([]string{"a", "SRC/B", "c1"})
		}
		if rng.Intn(4) == 0 {
			f.Min = &lo
		}
		if rng.Intn(4) == 0 {
			f.Max = &hi
		}
		if rng.Intn(4) == 0 {
			f.Target = []*bool{&yes, &no}[rng.Intn(2)]
		}
		if rng.Intn(5) == 0 {
			f.Metrics = []string{pick(metrics), pick(metrics)}
		}
		if rng.Intn(5) == 0 {
			f.Whose = pick([]string{"青河市", "云岭市", "全市"})
		}
		if rng.Intn(2) == 0 {
			f.Order = pick([]string{"value", "-value", "metric", "-subject", "period", "-date", "source", "unit"})
		}
		var fromCatalog, fromSQL []string
		if err := st.Figures(ctx, f, func(r FigureRow) error { fromCatalog = append(fromCatalog, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := st.figuresSQL(ctx, f, func(r FigureRow) error { fromSQL = append(fromSQL, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		matched += len(fromSQL)
		if fmt.Sprint(fromCatalog) != fmt.Sprint(fromSQL) {
			t.Fatalf("filter %d %+v:\ncatalogue %v\nSQL       %v", i, f, fromCatalog, fromSQL)
		}
	}
	if matched < 1000 {
		t.Errorf("only %d rows matched in all: the filters test too little", matched)
	}
}
