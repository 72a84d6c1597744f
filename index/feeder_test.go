package index

import (
	"context"
	"fmt"
	"reflect"
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

// TestLeanEntryIndexesTheSame: every sentence's bleve fields are the
// same from the lean entry a Feeder keeps as from the whole one, with
// every field of every figure and name set (filled by reflection, so a
// field added to corpus.Figure later is covered too).
func TestLeanEntryIndexesTheSame(t *testing.T) {
	raw := "2023年全区地区生产总值1234.5亿元，比上年增长5.2%。\n港口货物吞吐量3.1亿吨，增长8%；新增就业1.2万人。\n"
	doc := corpus.NewDocument("report.txt", []byte(raw))
	doc.Meta.Date = "2024-01-20"
	var figs []corpus.Figure
	for i, text := range []string{"2023年", "1234.5亿元", "5.2%", "3.1亿吨", "8%", "1.2万人"} {
		var f corpus.Figure
		fillFields(reflect.ValueOf(&f).Elem(), i)
		f.Start = strings.Index(raw, text)
		f.End = f.Start + len(text)
		f.Kind = []corpus.Kind{corpus.KindDate, corpus.KindMoney, corpus.KindPercent, corpus.KindQuantity, corpus.KindPercent, corpus.KindCount}[i]
		figs = append(figs, f)
	}
	var ents []corpus.Entity
	for i, kind := range []corpus.EntityKind{corpus.EntityPlace, corpus.EntityOrg, corpus.EntityPlace} {
		var e corpus.Entity
		fillFields(reflect.ValueOf(&e).Elem(), i)
		e.Kind = kind
		e.Start = []int{strings.Index(raw, "全区"), strings.Index(raw, "港口"), strings.Index(raw, "新增")}[i]
		e.End = e.Start + 6
		ents = append(ents, e)
	}
	whole := Entry{Doc: doc, Figures: figs, Entities: ents}
	lean := whole.lean()
	a := Sentences(doc, whole.Figures, whole.Entities)
	b := Sentences(doc, lean.Figures, lean.Entities)
	if len(a) != len(b) || len(a) < 3 {
		t.Fatalf("%d sentences from the whole entry, %d from the lean one", len(a), len(b))
	}
	withFigures, withPlaces := 0, 0
	for i := range a {
		fa, fb := a[i].fields(a[i].figures()), b[i].fields(b[i].figures())
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("sentence %d:\nwhole %v\nlean  %v", i, fa, fb)
		}
		if fa[figField] != nil {
			withFigures++
		}
		if fa["place"] != nil {
			withPlaces++
		}
	}
	if withFigures < 2 || withPlaces < 2 {
		t.Fatalf("%d sentences with figures and %d with places: the test asks too little", withFigures, withPlaces)
	}
}

// fillFields sets every settable field of v to a value of its type that
// differs from the zero value and from one i to the next.
func fillFields(v reflect.Value, i int) {
	for k := range v.NumField() {
		f := v.Field(k)
		switch f.Kind() {
		case reflect.String:
			f.SetString(fmt.Sprintf("%s%d", v.Type().Field(k).Name, i))
		case reflect.Int:
			f.SetInt(int64(k + i + 1))
		case reflect.Float64:
			f.SetFloat(float64(k+i) + 0.5)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Pointer:
			p := reflect.New(f.Type().Elem())
			p.Elem().SetFloat(float64(k+i) + 0.25)
			f.Set(p)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{fmt.Sprintf("w%d", i)}))
		}
	}
}
