package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestLongDocumentSpreadsOverShards: the sentences of a document longer
// than spreadBytes go to every shard, and every one is found, with its
// document's metadata, and the document is marked indexed.
func TestLongDocumentSpreadsOverShards(t *testing.T) {
	x, err := create(filepath.Join(t.TempDir(), DirName), 3)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	n := 0
	for b.Len() < 3*spreadBytes {
		fmt.Fprintf(&b, "第%d段全年集装箱吞吐量增长%d%%。\n\n", n, n%50)
		n++
	}
	long := corpus.NewDocument("long.txt", []byte(b.String()))
	long.Meta = corpus.Meta{Title: "港口年报", Date: "2025-02-01"}
	short := corpus.NewDocument("short.txt", []byte("全年集装箱吞吐量增长3%。"))
	if err := x.AddAll(context.Background(), []Entry{{Doc: long}, {Doc: short}}); err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, s := range x.shards {
		if c, _ := s.DocCount(); c > 0 {
			used++
		}
	}
	if used != 3 {
		t.Errorf("the long document's sentences are in %d of 3 shards", used)
	}
	r, err := x.Search(context.Background(), Request{Query: "集装箱 title:港口年报", Limit: 5})
	if err != nil || int(r.Total) != n {
		t.Fatalf("%d hits of %d sentences, %v", r.Total, n, err)
	}
	if err := r.FillText(func(_ string, spans []corpus.Span) ([]string, error) {
		var out []string
		for _, sp := range spans {
			out = append(out, long.Raw[sp.Start:sp.End])
		}
		return out, nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.Doc != long.ID || h.Title != "港口年报" || h.Date != "2025-02-01" || !strings.Contains(h.Sentence, "集装箱") {
			t.Errorf("hit %+v", h)
		}
	}
	if !x.HasDocument(long.ID) || !x.HasDocument(short.ID) {
		t.Error("documents not marked indexed")
	}
}
