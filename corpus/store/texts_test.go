package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"reportmine/corpus"
)

// TestTexts: a stored document's spans come back as its bytes, several in
// one call; a span past the end, a bad span and an unknown document are
// errors that name the document.
func TestTexts(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	doc := corpus.NewDocument("report.txt", []byte("全年地区生产总值增长5.2%。粮食产量保持稳定。"))
	if err := st.Put(ctx, Entry{Doc: doc}); err != nil {
		t.Fatal(err)
	}
	first, second := len("全年地区生产总值增长5.2%。"), len(doc.Raw)
	got, err := st.Texts(ctx, doc.ID, []corpus.Span{{Start: first, End: second}, {Start: 0, End: first}})
	if err != nil || !slices.Equal(got, []string{"粮食产量保持稳定。", "全年地区生产总值增长5.2%。"}) {
		t.Fatalf("Texts = %q, %v", got, err)
	}
	for _, bad := range [][]corpus.Span{{{Start: 0, End: second + 3}}, {{Start: 6, End: 3}}} {
		if _, err := st.Texts(ctx, doc.ID, bad); err == nil {
			t.Errorf("span %v: no error", bad)
		}
	}
	if _, err := st.Texts(ctx, "sha256:none", []corpus.Span{{Start: 0, End: 3}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
}
