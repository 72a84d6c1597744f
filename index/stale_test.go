package index

import (
	"context"
	"errors"
	"testing"

	"reportmine/corpus"
)

// TestMarkStale: a document marked stale counts as not indexed, its
// sentences still find their record, with the metadata it had (the new
// one is not yet stored), and indexing it again makes it indexed, with
// its new metadata.
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
	if err != nil || r.Total != 1 || r.Hits[0].Title != "旧标题" {
		t.Fatalf("search while stale: %+v, %v", r.Hits, err)
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

// TestSentencesWithoutRecord: the sentences of a document whose record a
// crash kept from being written (they are committed first) are left out
// of an index told that it lags: of hits, totals on every page, and
// facets.
func TestSentencesWithoutRecord(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	kept := corpus.NewDocument("kept.txt", []byte("全市港口吞吐量增长。"))
	cut := corpus.NewDocument("cut.txt", []byte("全县港口建设加快。县港口扩建。港口新增泊位。港口吞吐能力提高。"))
	if err := x.AddAll(context.Background(), []Entry{{Doc: kept}, {Doc: cut}}); err != nil {
		t.Fatal(err)
	}
	if err := x.shards[x.shardOf(cut.ID)].Delete(recordID(docKey(cut.ID))); err != nil {
		t.Fatal(err)
	}
	x.meta.forget()
	x.Lags()
	for _, page := range []struct{ limit, offset, hits int }{{1, 0, 1}, {3, 0, 1}, {10, 0, 1}, {10, 1, 0}} {
		res, err := x.Search(context.Background(), Request{Query: "港口", Limit: page.limit, Offset: page.offset, Facets: []string{"source"}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || len(res.Hits) != page.hits || page.hits == 1 && res.Hits[0].Doc != kept.ID {
			t.Errorf("limit %d offset %d: total %d, hits %+v; want the kept document's one", page.limit, page.offset, res.Total, res.Hits)
		}
		if got := res.Facets["source"]; len(got) != 1 || got["kept.txt"] != 1 {
			t.Errorf("limit %d offset %d: source facet %v", page.limit, page.offset, got)
		}
	}
}

// TestIndexFaultIsNoQueryError: an index that fails while a query is read
// (here, closed) is not a query that could not be understood.
func TestIndexFaultIsNoQueryError(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	doc := corpus.NewDocument("a.txt", []byte("工业增加值增长5%。"))
	if err := x.AddAll(context.Background(), []Entry{{Doc: doc}}); err != nil {
		t.Fatal(err)
	}
	x.Close()
	for _, q := range []string{"metric:增、值", "title:经济", "增加值"} {
		if _, err := x.Search(context.Background(), Request{Query: q, Limit: 5}); err == nil || errors.Is(err, ErrQuery) {
			t.Errorf("%s on a closed index: %v, want a failure that is not ErrQuery", q, err)
		}
	}
}

// TestSearchWhileIndexing: a document whose windows are in but whose
// record is not yet (this process indexing it, serve --allow-ingest) is
// left out of a search's hits, which does not fail.
func TestSearchWhileIndexing(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	kept := corpus.NewDocument("kept.txt", []byte("全市港口吞吐量增长。"))
	long := corpus.NewDocument("long.txt", []byte("全县港口建设加快。县港口扩建。"))
	window := corpus.Span{Start: 0, End: len(long.Raw)}
	if err := x.AddAll(context.Background(), []Entry{{Doc: kept}, {Doc: long, Window: &window}}); err != nil {
		t.Fatal(err)
	}
	res, err := x.Search(context.Background(), Request{Query: "港口", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Doc != kept.ID {
		t.Errorf("hits %+v; want the recorded document's one", res.Hits)
	}
}
