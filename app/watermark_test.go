package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/index"
	"reportmine/ingest"
)

// TestIndexWatermark: after an ingest the index records the store's
// generation, so that opening it reads no document list; a document
// stored behind its back (a run killed between store and index) moves
// the generation on and is indexed at the next opening.
func TestIndexWatermark(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(src, []byte("青河市2023年地区生产总值2455.8亿元，增长5.8%。\n"), 0o644)
	ws, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Ingest(ctx, []string{src}, IngestOptions{Workers: 1, Reader: ingest.Reader{}}); err != nil {
		t.Fatal(err)
	}
	x, _ := ws.Index(ctx)
	gen, _ := ws.Store().Generation(ctx)
	if mark, ok := x.Watermark(); !ok || mark != gen || gen == 0 {
		t.Fatalf("watermark %d (%v), store generation %d", mark, ok, gen)
	}
	doc := corpus.NewDocument("b.txt", []byte("石桥市港口集装箱吞吐量56万标箱。"))
	if err := ws.Store().Put(ctx, store.Entry{Doc: doc}); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	ws, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	res, err := ws.Search(ctx, index.Request{Query: "集装箱", Limit: 5})
	if err != nil || res.Total != 1 {
		t.Fatalf("the document stored behind the index's back: %d hits, %v", res.Total, err)
	}
	x, _ = ws.Index(ctx)
	gen2, _ := ws.Store().Generation(ctx)
	if mark, _ := x.Watermark(); mark != gen2 || gen2 <= gen {
		t.Errorf("watermark %d after catching up with generation %d", mark, gen2)
	}
}
