package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestTexts: a stored document's spans come back as its bytes, several in
// one call; a span past the end, a bad span and an unknown document are
// errors that name the document.
func TestTexts(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
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

// TestFiguresWithinEach: one call reads the figures of several spans of
// several documents, each figure in the span that holds its start, in
// document order; a span without figures gets none.
func TestFiguresWithinEach(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	put := func(name, text string, figs ...string) corpus.Document {
		doc := corpus.NewDocument(name, []byte(text))
		e := Entry{Doc: doc}
		for _, f := range figs {
			start := strings.Index(text, f)
			e.Figures = append(e.Figures, corpus.Figure{Schema: corpus.FigureSchema, ID: corpus.FigureID(doc.ID, start, start+len(f)), Doc: doc.ID,
				Kind: corpus.KindCount, Text: f, Start: start, End: start + len(f)})
		}
		if err := st.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	a := put("a.txt", "新签约项目36个。竣工项目12个，投产8个。", "36个", "12个", "8个")
	b := put("b.txt", "全年新增企业450家。", "450家")
	cut := len("新签约项目36个。")
	got, err := st.FiguresWithinEach(ctx, []DocSpan{
		{Doc: a.ID, Span: corpus.Span{Start: cut, End: len(a.Raw)}},
		{Doc: b.ID, Span: corpus.Span{Start: 0, End: len(b.Raw)}},
		{Doc: a.ID, Span: corpus.Span{Start: 0, End: cut}},
		{Doc: b.ID, Span: corpus.Span{Start: 0, End: 3}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var texts [][]string
	for _, figs := range got {
		var ts []string
		for _, f := range figs {
			ts = append(ts, f.Text)
		}
		texts = append(texts, ts)
	}
	want := [][]string{{"12个", "8个"}, {"450家"}, {"36个"}, nil}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("figures of the spans %q, want %q", texts, want)
	}
	// A page of thousands of hits is one query too (an OR per span
	// had stopped at SQLite's expression depth of 1,000), and spans
	// that overlap each get their figures.
	many := make([]DocSpan, 3000)
	for i := range many {
		many[i] = DocSpan{Doc: a.ID, Span: corpus.Span{Start: 0, End: len(a.Raw)}}
	}
	got, err = st.FiguresWithinEach(ctx, many)
	if err != nil {
		t.Fatal(err)
	}
	for i, figs := range got {
		if len(figs) != 3 {
			t.Fatalf("span %d of %d: %d figures, want 3", i, len(many), len(figs))
		}
	}
}
