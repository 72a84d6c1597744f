package store

import (
	"context"
	"testing"

	"reportmine/corpus"
)

func TestPutIsIdempotentAndWhole(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := corpus.NewDocument("a.txt", []byte("新签约项目36个，总投资218.6亿元。"))
	v := 5.0
	figs := []corpus.Figure{
		{Schema: corpus.FigureSchema, ID: corpus.FigureID(doc.ID, 15, 19), Doc: doc.ID, Source: "a.txt", Kind: corpus.KindCount, Value: 36, Unit: "个", Text: "36个", Start: 15, End: 19},
		{Schema: corpus.FigureSchema, ID: corpus.FigureID(doc.ID, 31, 43), Doc: doc.ID, Source: "a.txt", Kind: corpus.KindMoney, Value: 2.186e10, ValueMax: &v, Unit: "CNY", Text: "218.6亿元", Start: 31, End: 43, Warnings: []string{"x"}},
	}
	for range 2 {
		if err := s.Put(ctx, Entry{Doc: doc, Figures: figs}); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := s.Count(ctx)
	if c.Documents != 1 || c.Figures != 2 {
		t.Errorf("counts after two puts: %+v", c)
	}
	var got []corpus.Figure
	s.Figures(ctx, FigureFilter{Kind: "money"}, func(r FigureRow) error { got = append(got, r.Figure); return nil })
	if len(got) != 1 || got[0].Value != 2.186e10 || got[0].ValueMax == nil || *got[0].ValueMax != 5 || got[0].Warnings[0] != "x" {
		t.Errorf("read back %+v", got)
	}
	// A failing document rolls back whole: no document row without its figures.
	bad := corpus.NewDocument("b.txt", []byte("另一份文件"))
	dupID := []corpus.Figure{figs[0], figs[0]}
	dupID[0].Doc, dupID[1].Doc = bad.ID, bad.ID
	if err := s.PutBatch(ctx, []Entry{{Doc: bad, Figures: dupID}}); err == nil {
		t.Fatal("conflicting figure ids were accepted")
	}
	if have, _ := s.HasDocument(ctx, bad.ID); have {
		t.Error("the document of a failed transaction was stored without its figures")
	}
}

// TestReplaceDeletesChildren stores a document again with corrected
// metadata (Entry.Replace): its old articles, figures and names go, the
// new ones stay, and another document's are untouched.
func TestReplaceDeletesChildren(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	entry := func(name, text string, nfigs int) Entry {
		doc := corpus.NewDocument(name, []byte(text))
		doc.Articles = []corpus.Article{{ID: doc.ID + "-a1", Span: corpus.Span{Start: 0, End: len(text)}}}
		e := Entry{Doc: doc, Entities: []corpus.Entity{{Kind: "zone", Name: "开发区", Text: "开发区", Start: 0, End: 9}}}
		for i := range nfigs {
			e.Figures = append(e.Figures, corpus.Figure{Schema: corpus.FigureSchema, ID: corpus.FigureID(doc.ID, i, i+1), Doc: doc.ID,
				Kind: corpus.KindCount, Value: float64(i), Text: "1", Start: i, End: i + 1})
		}
		return e
	}
	a, b := entry("a.txt", "开发区新签约项目36个，总投资218.6亿元。", 3), entry("b.txt", "开发区全年实现地区生产总值120亿元。", 2)
	if err := s.PutBatch(ctx, []Entry{a, b}); err != nil {
		t.Fatal(err)
	}
	a.Replace, a.Doc.Title = true, "更正后的标题"
	a.Figures = a.Figures[:1]
	if err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	c, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Documents: 2, Figures: 3, Entities: 2}); c != want {
		t.Errorf("counts after replacing a: %+v, want %+v", c, want)
	}
	var articles int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&articles); err != nil || articles != 2 {
		t.Errorf("articles after replacing a: %d %v, want 2", articles, err)
	}
}

func TestSchemaVersionChecked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`UPDATE meta SET value = '0' WHERE key = 'schema_version'`)
	s.Close()
	if _, err := Open(ctx, dir); err == nil {
		t.Error("a store of another schema version was opened")
	}
}

// TestMigrateSchema1 opens a store written by schema 1 (no kind, place or
// target columns): it is upgraded in place, and its rows keep their meaning.
func TestMigrateSchema1(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`ALTER TABLE documents DROP COLUMN kind`, `ALTER TABLE documents DROP COLUMN place`,
		`ALTER TABLE figures DROP COLUMN target`, `ALTER TABLE documents DROP COLUMN ocr`, `ALTER TABLE documents DROP COLUMN cells`,
		`ALTER TABLE documents DROP COLUMN notes`, `ALTER TABLE figures DROP COLUMN cell`, `ALTER TABLE entities DROP COLUMN warnings`,
		`UPDATE meta SET value = '1' WHERE key = 'schema_version'`} {
		if _, err := st.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	st.Close()
	st, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("schema 1 store not upgraded: %v", err)
	}
	defer st.Close()
	var v string
	if err := st.DB().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v); err != nil || v != SchemaVersion {
		t.Errorf("schema version %q %v, want %s", v, err, SchemaVersion)
	}
	if _, err := st.DB().ExecContext(ctx, `SELECT kind, place, ocr, cells, notes FROM documents; SELECT target, cell FROM figures; SELECT warnings FROM entities`); err != nil {
		t.Errorf("new columns missing: %v", err)
	}
}

// openTemp opens a new store in a temporary directory, closed when the
// test ends.
func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
