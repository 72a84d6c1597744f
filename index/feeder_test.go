package index

import (
	"context"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestFeederMarksAfterLastWindow: a document fed window by window, its
// windows in several batches and its last window ending before its text
// does (a spreadsheet's last sheet and its final line break), is recorded
// as indexed once, after its last window, with every window's sentences.
func TestFeederMarksAfterLastWindow(t *testing.T) {
	ctx := context.Background()
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := strings.Repeat("园区基础设施建设稳步推进。", 200)
	raw := sheet + sheet + "港口吞吐量增长。\n"
	doc := corpus.NewDocument("book.xlsx", []byte(raw))
	windows := []corpus.Span{{Start: 0, End: len(sheet)}, {Start: len(sheet), End: len(sheet) * 2}, {Start: len(sheet) * 2, End: len(raw) - 1}}
	f := x.feeder(ctx, len(sheet)) // a batch per window
	for i := range windows {
		if err := f.Add(Entry{Doc: doc, Window: &windows[i], LastWindow: i == len(windows)-1}); err != nil {
			t.Fatal(err)
		}
		if i < len(windows)-1 && x.HasDocument(doc.ID) {
			t.Fatalf("recorded as indexed after window %d of %d", i+1, len(windows))
		}
	}
	if err := f.Wait(); err != nil {
		t.Fatal(err)
	}
	if !x.HasDocument(doc.ID) {
		t.Fatal("not recorded as indexed after its last window")
	}
	r, err := x.Search(ctx, Request{Query: "港口吞吐量", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 {
		t.Errorf("the last window's sentence: %d hits, want 1", r.Total)
	}
}

// TestFeederAbandonThenWait: Wait and Abandon may come in any order, with
// entries still collected.
func TestFeederAbandonThenWait(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	f := x.Feeder(context.Background())
	if err := f.Add(Entry{Doc: corpus.NewDocument("a.txt", []byte("粮食产量增长。"))}); err != nil {
		t.Fatal(err)
	}
	f.Abandon()
	f.Wait() // must not panic
	if err := f.Add(Entry{Doc: corpus.NewDocument("b.txt", []byte("粮食产量下降。"))}); err == nil {
		t.Error("Add after Abandon succeeded")
	}
}
