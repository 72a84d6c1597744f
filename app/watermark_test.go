package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
	ws := openWithReport(t, dir)
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

	ws, err := Open(ctx, dir, Options{})
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

// openWithReport opens a workspace in dir and ingests one short report
// into it.
func openWithReport(t *testing.T, dir string) *Workspace {
	t.Helper()
	src := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(src, []byte("青河市2023年地区生产总值2455.8亿元，增长5.8%。\n"), 0o644)
	ws, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Ingest(context.Background(), []string{src}, IngestOptions{Workers: 1, Reader: ingest.Reader{}}); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestReadOnlyStaleIndex: a read-only workspace does not index what the
// index lacks; it says so once (OnStale, with the count) and searches
// what the index holds. A writable one then catches up.
func TestReadOnlyStaleIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ws := openWithReport(t, dir)
	doc := corpus.NewDocument("b.txt", []byte("石桥市港口集装箱吞吐量56万标箱。"))
	if err := ws.Store().Put(ctx, store.Entry{Doc: doc}); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	var warnings []error
	ro, err := Open(ctx, dir, Options{ReadOnly: true, OnStale: func(err error) { warnings = append(warnings, err) }})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ro.Search(ctx, index.Request{Query: "生产总值", Limit: 5})
	if err != nil || res.Total != 1 {
		t.Fatalf("read-only search: %d hits, %v", res.Total, err)
	}
	if len(warnings) != 1 || !errors.Is(warnings[0], ErrStale) || !strings.Contains(warnings[0].Error(), "lacks 1 of the 2") {
		t.Errorf("warnings %v, want one ErrStale counting 1 of 2", warnings)
	}
	if _, err := ro.Ingest(ctx, []string{"a.txt"}, IngestOptions{Workers: 1}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("ingest into a read-only workspace: %v", err)
	}
	ro.Close()

	ws, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if res, err := ws.Search(ctx, index.Request{Query: "集装箱", Limit: 5}); err != nil || res.Total != 1 {
		t.Errorf("after a writable opening: %d hits, %v", res.Total, err)
	}
}

// TestUpdatedMetadataAfterKill: a document stored again with corrected
// metadata, in a run killed before the index had it again (ingest marks
// it stale, then stores it), is indexed with the new metadata at the next
// opening; the index does not keep the old title.
func TestUpdatedMetadataAfterKill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ws := openWithReport(t, dir)
	ids, err := ws.Store().DocumentIDs(ctx)
	if err != nil || len(ids) != 1 {
		t.Fatalf("%d documents, %v", len(ids), err)
	}
	doc, err := ws.Store().LoadDocument(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	doc.Meta.Title, doc.Meta.Date = "青河市统计公报（更正）", "2024-03-01"
	x, _ := ws.Index(ctx)
	// What ingest's write does for an updated document before the kill.
	if err := x.MarkStale([]corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if err := ws.Store().Put(ctx, store.Entry{Doc: doc, Replace: true}); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	ws, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	res, err := ws.Search(ctx, index.Request{Query: "地区生产总值", Limit: 5})
	if err != nil || res.Total != 1 {
		t.Fatalf("%d hits, %v", res.Total, err)
	}
	if h := res.Hits[0]; h.Title != doc.Meta.Title || h.Date != doc.Meta.Date {
		t.Errorf("hit's title %q and date %q, want the corrected %q and %q", h.Title, h.Date, doc.Meta.Title, doc.Meta.Date)
	}
}

// TestReadOnlyFollowsReindex: a read-only workspace (serve) open while a
// reindex swaps the index for a new one answers from the new one next,
// with what an ingest has added since.
func TestReadOnlyFollowsReindex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	openWithReport(t, dir).Close()
	reader, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	count := func(q string) uint64 {
		t.Helper()
		res, err := reader.Search(ctx, index.Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if n := count("生产总值"); n != 1 {
		t.Fatalf("before: %d hits", n)
	}
	for range 2 { // two in a row may give the folder the first one's inode back
		if err := Reindex(ctx, dir); err != nil {
			t.Fatal(err)
		}
	}
	src := filepath.Join(t.TempDir(), "b.txt")
	os.WriteFile(src, []byte("石桥市2023年地区生产总值1203.4亿元，增长6.1%。\n"), 0o644)
	ws, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Ingest(ctx, ingest.Reader{}.Sources([]string{src}), IngestOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if n := count("生产总值"); n != 2 {
		t.Errorf("after reindex and ingest: %d hits, want 2", n)
	}
}
