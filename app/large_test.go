package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/index"
	"reportmine/ingest"
)

// TestLargeDocumentWindowByWindow: a document over LargeDocument is
// stored and indexed window by window, and rebuilt from the store window
// by window, and the store and the index hold exactly what the
// whole-document path gives: the same figures in the same order, the same
// names, the same hits.
func TestLargeDocumentWindowByWindow(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 700<<10; i++ {
		fmt.Fprintf(&b, "第%d段：青河市全年地区生产总值%d.%d亿元，比上年增长%d.%d%%，石桥市港口集装箱吞吐量%d万标箱。\n\n", i, 2000+i%900, i%10, 3+i%5, i%10, 10+i%90)
		if i%40 == 39 {
			b.WriteString("指标\t2025年（亿元）\t增长（%）\n一般公共预算收入\t198.7\t4.9\n\n")
		}
	}
	src := filepath.Join(t.TempDir(), "long.txt")
	os.WriteFile(src, []byte(b.String()), 0o644)
	ctx := context.Background()
	type result struct {
		figs  []corpus.Figure
		ents  []corpus.Entity
		hits  []uint64
		docs  int
		index bool
	}
	read := func(large int) result {
		dir := t.TempDir()
		ws, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sum, err := ws.Ingest(ctx, []string{src}, IngestOptions{Workers: 1, Reader: ingest.Reader{}, LargeDocument: large})
		if err != nil || sum.Ingested != 1 {
			t.Fatalf("ingest: %+v %v", sum, err)
		}
		if large > 0 { // and rebuilt from the store window by window
			ws.Close()
			if err := reindex(ctx, dir, large); err != nil {
				t.Fatal(err)
			}
			if ws, err = Open(ctx, dir, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		defer ws.Close()
		var r result
		ws.Figures(ctx, store.FigureFilter{}, func(f store.FigureRow) error { r.figs = append(r.figs, f.Figure); return nil })
		ws.Entities(ctx, func(e corpus.Entity) error { r.ents = append(r.ents, e); return nil })
		for _, q := range []string{"集装箱", "地区生产总值 value>=2500亿", "title:青河 增长", "\"一般公共预算收入\"", "kind:percent metric:生产总值"} {
			res, err := ws.Search(ctx, index.Request{Query: q, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			r.hits = append(r.hits, res.Total)
		}
		x, _ := ws.Index(ctx)
		r.index = x.HasDocument(r.figs[0].Doc)
		return r
	}
	whole, windows := read(0), read(64<<10)
	if len(whole.figs) < 5000 || !reflect.DeepEqual(whole.figs, windows.figs) {
		t.Errorf("figures differ: %d whole, %d window by window", len(whole.figs), len(windows.figs))
	}
	if !reflect.DeepEqual(whole.ents, windows.ents) {
		t.Errorf("names differ: %d whole, %d window by window", len(whole.ents), len(windows.ents))
	}
	if !reflect.DeepEqual(whole.hits, windows.hits) || windows.hits[0] == 0 {
		t.Errorf("hits differ: %v whole, %v window by window", whole.hits, windows.hits)
	}
	if !windows.index {
		t.Error("the long document is not marked indexed")
	}
}

// TestLargeDocumentTextOutsideArticles: a document read window by window
// is searchable in the text outside its articles (a magazine's masthead
// and section heads) as when it is read whole, after ingest and after
// reindex, which reads it back window by window.
func TestLargeDocumentTextOutsideArticles(t *testing.T) {
	text := "园区建设通讯 2025 年第 3 期\n\n招商动态\n\n本刊讯 今年以来，云岭高新区聚焦主导产业招商，新签约项目15个。（王林）\n\n项目建设\n\n本刊讯 石桥经开区新能源产业园全面开工，总投资65亿元。（赵明）\n"
	src := filepath.Join(t.TempDir(), "magazine.txt")
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	queries := []string{"园区建设通讯", "招商动态", "项目建设", "新签约项目", "新能源产业园"}
	hits := func(ws *Workspace) []uint64 {
		var out []uint64
		for _, q := range queries {
			res, err := ws.Search(ctx, index.Request{Query: q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, res.Total)
		}
		return out
	}
	var whole []uint64
	for _, large := range []int{0, 16} {
		dir := t.TempDir()
		ws, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.Ingest(ctx, []string{src}, IngestOptions{Workers: 1, Reader: ingest.Reader{}, LargeDocument: large}); err != nil {
			t.Fatal(err)
		}
		got := hits(ws)
		ws.Close()
		if large == 0 {
			whole = got
			for i, n := range got {
				if n == 0 {
					t.Errorf("%s: no hit in the document read whole", queries[i])
				}
			}
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(whole) {
			t.Errorf("hits of %q: %v read whole, %v window by window", queries, whole, got)
		}
		if err := reindex(ctx, dir, large); err != nil {
			t.Fatal(err)
		}
		if ws, err = Open(ctx, dir, Options{}); err != nil {
			t.Fatal(err)
		}
		got = hits(ws)
		ws.Close()
		if fmt.Sprint(got) != fmt.Sprint(whole) {
			t.Errorf("hits of %q: %v read whole, %v after reindex window by window", queries, whole, got)
		}
	}
}
