package index

import (
	"context"
	"testing"

	"reportmine/corpus"
)

// TestMarkStale: a document marked stale counts as not indexed, its
// sentences still find their record (no "no document record"), and
// indexing it again makes it indexed, with its new metadata.
func TestMarkStale(t *testing.T) {
	ctx := context.Background()
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	doc := corpus.NewDocument("a.txt", []byte("全市粮食产量增长百分之三。"))
	doc.Meta.Title = "旧标题"
	if err := x.AddAll(ctx, []Entry{{Doc: doc}}); err != nil {
		t.Fatal(err)
	}
	doc.Meta.Title = "新标题"
	if err := x.MarkStale([]corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if x.HasDocument(doc.ID) {
		t.Error("a stale document counts as indexed")
	}
	r, err := x.Search(ctx, Request{Query: "粮食产量", Limit: 5})
	if err != nil || r.Total != 1 {
		t.Fatalf("search while stale: %d hits, %v", r.Total, err)
	}
	if err := x.AddAll(ctx, []Entry{{Doc: doc}}); err != nil {
		t.Fatal(err)
	}
	if !x.HasDocument(doc.ID) {
		t.Error("indexed again, the document still counts as not indexed")
	}
	r, err = x.Search(ctx, Request{Query: "粮食产量", Limit: 5})
	if err != nil || r.Total != 1 || r.Hits[0].Title != "新标题" {
		t.Fatalf("after indexing again: %+v, %v", r.Hits, err)
	}
}
