package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/index"
	"reportmine/ingest"
)

// TestStaleMarkWithoutCommit: a document stored again with corrected
// metadata is marked stale in the index before the store has it; when the
// store's write then fails (here, a cancelled run), the next opening
// finds the index behind the store's back and serves what the store
// holds, not the correction that was never stored.
func TestStaleMarkWithoutCommit(t *testing.T) {
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
	stored := doc.Meta.Title
	doc.Meta.Title = "青河市统计公报（未存的更正）"
	x, err := ws.Index(ctx)
	if err != nil {
		t.Fatal(err)
	}
	j := &ingestJob{store: ws.store, index: x, extractor: ws.x, written: map[string]bool{}}
	cancelled, cancel := context.WithCancel(ctx)
	cancel() // the run is stopped between marking and storing
	sum := Summary{Reasons: map[string]int{}}
	var prints []store.Fingerprint
	err = j.write(cancelled, 0, []outcome{{source: doc.Source, entry: &store.Entry{Doc: doc, Replace: true}, status: store.StatusUpdated, doc: doc.ID}}, &prints, &sum)
	if err == nil {
		t.Fatal("the store wrote in a cancelled run")
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
	if got := res.Hits[0].Title; got != stored {
		t.Errorf("hit's title %q; the store holds %q", got, stored)
	}
}

// TestSameTextTwiceInOneRun: the same text from several sources in one
// run, read by parallel workers before any of them is stored, is one
// document: stored and indexed once, the other sources recorded as that
// document unchanged, and the index names the source the store keeps.
func TestSameTextTwiceInOneRun(t *testing.T) {
	ctx := context.Background()
	text := []byte("石桥市2024年港口集装箱吞吐量56万标箱，增长7.5%。\n")
	var paths []string
	src := t.TempDir()
	for i := range 12 {
		p := filepath.Join(src, fmt.Sprintf("copy-%d.txt", i))
		if err := os.WriteFile(p, text, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	ws, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	sum, err := ws.Ingest(ctx, paths, IngestOptions{Workers: 8, Reader: ingest.Reader{}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 1 || sum.Unchanged != 11 {
		t.Errorf("summary %+v, want 1 ingested and 11 unchanged", sum)
	}
	v, err := ws.Document(ctx, corpus.DocumentID(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ws.Search(ctx, index.Request{Query: "集装箱吞吐量", Limit: 10})
	if err != nil || res.Total != 1 {
		t.Fatalf("%d hits, %v", res.Total, err)
	}
	if res.Hits[0].Source != v.Doc.Source {
		t.Errorf("the index names %s, the store %s", res.Hits[0].Source, v.Doc.Source)
	}
}

// TestReadPanicFailsTheSource: a panic while a worker reads a source (a
// parser tripped by a malformed file) is that source's failure, naming
// it, not the end of the process.
func TestReadPanicFailsTheSource(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "broken.txt")
	if err := os.WriteFile(src, []byte("青河市粮食产量增长。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	j := &ingestJob{store: ws.store} // no extractor: reading it panics
	o := j.readSafely(ctx, src)
	if o.status != store.StatusFailed || !strings.Contains(o.reason, src) || !strings.Contains(o.reason, "internal error") {
		t.Errorf("outcome %+v", o)
	}
}

// TestCorruptStoreNamed: a store whose pages are damaged opens (its first
// page is whole), and the queries that then fail name its file.
func TestCorruptStoreNamed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var paths []string
	for i := range 40 {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("r%d.txt", i))
		text := strings.Repeat(fmt.Sprintf("青河市第%d项工程总投资%d亿元，比上年增长%d.5%%。\n", i, 10+i, i%9), 20)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	ws, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Ingest(ctx, paths, IngestOptions{Workers: 2, Reader: ingest.Reader{}}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	db := filepath.Join(dir, store.FileName)
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	junk := []byte(strings.Repeat("\xa5\x5a", 1000))
	for off := int64(3 * 4096); off+4096 <= info.Size(); off += 4096 {
		f.WriteAt(junk, off+100)
	}
	f.Close()

	ws, err = Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		if !strings.Contains(err.Error(), db) {
			t.Errorf("opening a damaged store: %v, which does not name it", err)
		}
		return
	}
	defer ws.Close()
	err = ws.Figures(ctx, store.FigureFilter{}, func(store.FigureRow) error { return nil })
	if err == nil {
		t.Skip("the damage did not reach the figures")
	}
	if !strings.Contains(err.Error(), db) {
		t.Errorf("reading figures of a damaged store: %v, which does not name it", err)
	}
}
