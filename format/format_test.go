package format

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/index"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func sampleFigure() corpus.Figure {
	max := 12.5
	return corpus.Figure{Schema: "figure/1", ID: "fig:1", Doc: "d1", Source: "报告.txt", Kind: corpus.KindPercent,
		Value: 12, ValueMax: &max, Unit: "%", Approx: true, Bound: corpus.BoundMin, Change: corpus.ChangeUp,
		Text: "12%—12.5%", Surface: "12%—12.5%", Start: 30, End: 42, Sentence: "全市生产总值增长12%—12.5%，\"稳\"字当头。",
		Metric: "生产总值", Subject: "全市", Period: "2024年", PeriodFrom: "2024-01-01", PeriodTo: "2024-12-31",
		Base: "比上年", Target: true, Page: 3, Precision: 1, Rule: "range", Warnings: []string{"a", "b"}, Dict: "gse"}
}

func sampleVerdict() check.Verdict {
	ev := check.Evidence{Doc: "d1", Source: "报告.txt", Title: "政府工作报告", Issuer: "某市人民政府", Date: "2025-01-20",
		Page: 2, Start: 10, End: 20, Text: "95933亿元", Quote: "国内生产总值95933亿元。", Agrees: true}
	return check.Verdict{Claim: "2001年国内生产总值95933亿元", Verdict: check.Supported, Explanation: "一致",
		Figures: []check.FigureVerdict{{Text: "95933亿元", Verdict: check.Supported, Explanation: "一致", Evidence: []check.Evidence{ev}},
			{Text: "7.3%", Verdict: check.NotFound, Explanation: "未找到"}}}
}

// TestWritersGolden pins every encoder on records with the awkward cases:
// commas, quotes, newlines, an absent optional number, a BOM.
func TestWritersGolden(t *testing.T) {
	doc := store.DocumentRow{ID: "d1", Source: "a,b.txt", Title: "标题 \"引号\"", Date: "2025", Kind: "政府工作报告", Place: "全国", Format: "txt", Encoding: "UTF-8", Bytes: 100, Figures: 3}
	ent := corpus.Entity{Doc: "d1", Source: "a.txt", Kind: corpus.EntityOrg, Name: "某某公司", Canonical: "某某公司", Text: "某某\n公司", Start: 1, End: 13}
	hit := index.Hit{Doc: "d1", Source: "a.txt", Title: "标题", Sentence: "第一句，\n第二行。", Start: 5, End: 20, Score: 1.25}
	for _, c := range []struct {
		name  string
		write func(*bytes.Buffer, Format) error
	}{
		{"figures", func(b *bytes.Buffer, f Format) error {
			return writeAll(NewWriter(b, f, Figures), sampleFigure(), corpus.Figure{})
		}},
		{"documents", func(b *bytes.Buffer, f Format) error { return writeAll(NewWriter(b, f, Documents), doc) }},
		{"entities", func(b *bytes.Buffer, f Format) error { return writeAll(NewWriter(b, f, Entities), ent) }},
		{"hits", func(b *bytes.Buffer, f Format) error { return writeAll(NewWriter(b, f, Hits), hit) }},
		{"verdicts", func(b *bytes.Buffer, f Format) error { return writeAll(NewVerdictWriter(b, f), sampleVerdict()) }},
	} {
		for _, f := range []Format{JSONL, CSV, Excel} {
			var b bytes.Buffer
			if err := c.write(&b, f); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", c.name+"."+string(f)+".golden"), b.String())
		}
	}
}

func writeAll[T any](w *Writer[T], vs ...T) error {
	for _, v := range vs {
		if err := w.Write(v); err != nil {
			return err
		}
	}
	return w.Close()
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./format -update after checking):\n%s", path, got)
	}
}

// TestRowsMatchHeader: a CSV read back has the header's width on every
// row, an empty result is still a header, and Excel output starts with
// the byte order mark.
func TestRowsMatchHeader(t *testing.T) {
	var b bytes.Buffer
	if err := writeAll(NewVerdictWriter(&b, CSV), sampleVerdict(), check.Verdict{Claim: "无数字", Verdict: check.NotFound}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header + 2 figures + 1 claim without figures", len(rows))
	}
	var empty bytes.Buffer
	if err := writeAll[corpus.Figure](NewWriter(&empty, Excel, Figures)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(empty.String(), "\ufeffschema,id,doc,") || strings.Count(empty.String(), "\n") != 1 {
		t.Errorf("empty Excel table = %q", empty.String())
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		name  string
		excel bool
		want  Format
		ok    bool
	}{{"jsonl", false, JSONL, true}, {"csv", false, CSV, true}, {"csv", true, Excel, true}, {"excel", false, Excel, true}, {"xml", false, "", false}} {
		got, err := Parse(c.name, c.excel)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("Parse(%q, %v) = %q, %v", c.name, c.excel, got, err)
		}
	}
}

func ExampleWriter() {
	w := NewWriter(os.Stdout, CSV, Columns[corpus.Figure]{
		{"text", func(f corpus.Figure) string { return f.Text }},
		{"value", func(f corpus.Figure) string { return Number(f.Value) }},
		{"unit", func(f corpus.Figure) string { return f.Unit }},
	})
	w.Write(corpus.Figure{Text: "95933亿元", Value: 9593300000000, Unit: "CNY"})
	w.Close()
	// Output:
	// text,value,unit
	// 95933亿元,9593300000000,CNY
}
