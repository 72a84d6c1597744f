package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"reportmine/extract"
	"reportmine/index"
	"reportmine/ingest"
)

// TestIngestReadsAgainWithAnotherExtractor: a document stored by another
// extractor (other rules, other word lists) is read again when its source
// is ingested, so that an upgrade's better figures reach a store; with the
// same extractor it is unchanged.
func TestIngestReadsAgainWithAnotherExtractor(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(src, []byte("青河市2023年地区生产总值2455.8亿元，增长5.8%。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestWith := func(x *extract.Extractor) Summary {
		t.Helper()
		ws, err := Open(ctx, dir, Options{Extractor: x})
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		sum, err := ws.Ingest(ctx, []string{src}, IngestOptions{Workers: 1, Reader: ingest.Reader{}})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := ingestWith(nil); sum.Ingested != 1 {
		t.Fatalf("first ingest: %+v", sum)
	}
	if sum := ingestWith(nil); sum.Unchanged != 1 || sum.Updated != 0 {
		t.Errorf("the same extractor again: %+v, want the document unchanged", sum)
	}
	other := extract.NewWith(extract.Options{Words: []extract.DictWord{{Text: "青河指数", Freq: 1000, POS: "n"}}})
	if sum := ingestWith(other); sum.Updated != 1 {
		t.Errorf("another extractor: %+v, want the document read again", sum)
	}
	ws, err := Open(ctx, dir, Options{Extractor: other})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	ids, err := ws.Store().DocumentIDs(ctx)
	if err != nil || len(ids) != 1 {
		t.Fatalf("%d documents, %v", len(ids), err)
	}
	if v, err := ws.Store().Extractor(ctx, ids[0]); err != nil || v != other.Version() {
		t.Errorf("stored extractor %q, %v; want %q", v, err, other.Version())
	}
	if res, err := ws.Search(ctx, index.Request{Query: "地区生产总值", Limit: 5}); err != nil || res.Total != 1 {
		t.Errorf("search after reading again: %d hits, %v", res.Total, err)
	}
}
