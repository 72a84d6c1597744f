package extract

import (
	"testing"

	"reportmine/corpus"
)

// TestTableCells reads bulletin-style tables: tab-separated rows, aligned
// columns, a unit column, a unit in the column header and a 单位: line.
// Every cell takes its row label as metric and the rule table_cell.
func TestTableCells(t *testing.T) {
	text := "表1  2025年主要工业产品产量\n" +
		"产品名称\t单位\t产量\t比上年增长(%)\n" +
		"原煤\t万吨\t1234.5\t3.2\n" +
		"发电量\t亿千瓦时\t56.7\t-1.5\n" +
		"汽车\t万辆\t12.3\t8.0\n\n" +
		"表2  地区生产总值\n单位：亿元\n" +
		"指  标\t2025年\t比上年增长(%)\n" +
		"地区生产总值\t3456.7\t5.6\n" +
		"第一产业\t234.5\t3.1\n\n" +
		"表3  对外贸易\n" +
		"指标    绝对数（亿元）    比上年增长（%）\n" +
		"进出口总额    86.5    12.0\n"
	want := []struct{ describe, metric string }{
		{"quantity 12345000 t", "原煤"}, {"percent 3.2 % up", "原煤"},
		{"quantity 5670000000 kWh", "发电量"}, {"percent -1.5 % down", "发电量"},
		{"count 123000 辆", "汽车"}, {"percent 8 % up", "汽车"},
		{"money 345670000000 CNY", "地区生产总值"}, {"percent 5.6 % up", "地区生产总值"},
		{"money 23450000000 CNY", "第一产业"}, {"percent 3.1 % up", "第一产业"},
		{"money 8650000000 CNY", "进出口总额"}, {"percent 12 % up", "进出口总额"},
	}
	doc := corpus.NewDocument("bulletin.txt", []byte(text))
	var got []corpus.Figure
	for _, f := range testExtractor.Extract(doc) {
		if f.Kind != corpus.KindDate {
			got = append(got, f)
		}
	}
	if len(got) != len(want) {
		for _, f := range got {
			t.Log(describe(f), f.Metric)
		}
		t.Fatalf("got %d figures, want %d", len(got), len(want))
	}
	for i, w := range want {
		f := got[i]
		if describe(f) != w.describe || f.Metric != w.metric || f.Rule != "table_cell" {
			t.Errorf("cell %d %q: got %s metric %q rule %s, want %s metric %q rule table_cell", i, f.Text, describe(f), f.Metric, f.Rule, w.describe, w.metric)
		}
		if f.Text != doc.Raw[f.Start:f.End] {
			t.Errorf("cell %d: text %q is not raw[%d:%d]", i, f.Text, f.Start, f.End)
		}
	}
}
