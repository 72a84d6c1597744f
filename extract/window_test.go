package extract

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestLongPartInWindows: a part longer than maxWindow is read in windows
// cut at paragraph breaks outside tables: every paragraph's figures are
// found as in a short document, each with the raw bytes at its offsets,
// and a table's rows keep their header's unit.
func TestLongPartInWindows(t *testing.T) {
	para := "全年地区生产总值2865.4亿元，比上年增长5.6%。粮食总产量186.3万吨。\n\n"
	table := "产品\t单位\t产量\n粮食\t万吨\t186.3\n钢材\t万吨\t52.7\n\n"
	var b strings.Builder
	n := 0
	for b.Len() < 3*maxWindow {
		if n%50 == 49 {
			b.WriteString(table)
		} else {
			b.WriteString(para)
		}
		n++
	}
	doc := corpus.NewDocument("long.txt", []byte(b.String()))
	figs, _ := New().ExtractAll(doc)
	tables := n / 50
	want := (n-tables)*3 + tables*2
	got := 0
	for _, f := range figs {
		if f.Text != doc.Raw[f.Start:f.End] {
			t.Fatalf("figure %q is not the raw bytes at %d-%d", f.Text, f.Start, f.End)
		}
		if f.Kind == corpus.KindDate {
			continue
		}
		got++
		if f.Rule == "table_cell" && f.Unit != "t" {
			t.Errorf("table cell %q at %d without its unit: %+v", f.Text, f.Start, f)
		}
	}
	if got != want {
		t.Errorf("%d figures in %d paragraphs, want %d", got, n, want)
	}
	if len(windows(doc.Raw, doc.Parts()[0])) < 3 {
		t.Errorf("a %d-byte part read in fewer than 3 windows", len(doc.Raw))
	}
}
