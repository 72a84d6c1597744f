package extract

import (
	"math"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestUserWordsStayWithTheirExtractor: an extractor built with a user
// dictionary reads by it, and no other extractor of the process does.
func TestUserWordsStayWithTheirExtractor(t *testing.T) {
	doc := corpus.NewDocument("t.txt", []byte("推进四个一百工程。"))
	count := func(x *Extractor) int {
		n := 0
		for _, f := range x.Extract(doc) {
			if f.Kind == corpus.KindCount {
				n++
			}
		}
		return n
	}
	plain := New()
	before := count(plain)
	user := NewWith(Options{Words: []DictWord{{Text: "四个一百", Freq: 5000, POS: "n"}}})
	if got := count(user); got != 0 {
		t.Errorf("with 四个一百 a word, %d counts read", got)
	}
	if d := user.Dictionary(); d == plain.Dictionary() || !strings.HasPrefix(d, DictionaryVersion+"+user:") {
		t.Errorf("dictionary with user words %q, without %q", d, plain.Dictionary())
	}
	for _, f := range user.Extract(corpus.NewDocument("u.txt", []byte("新增企业12家。"))) {
		if f.Dict != user.Dictionary() {
			t.Errorf("figure %q read with %q, the extractor says %q", f.Text, f.Dict, user.Dictionary())
		}
	}
	if after := count(plain); after != before || before == 0 {
		t.Errorf("the plain extractor read %d counts before and %d after another got user words", before, after)
	}
}

// TestNumberOutOfRange: a number no float64 holds gives no figure, never
// a figure of value 0; its neighbours are read as usual.
func TestNumberOutOfRange(t *testing.T) {
	huge := "1" + strings.Repeat("0", 400)
	doc := corpus.NewDocument("t.txt", []byte("全年收入"+huge+"亿元，支出"+huge+"万元至"+huge+"0亿元，增长5.1%。"))
	var got []string
	for _, f := range New().Extract(doc) {
		if f.Value == 0 || math.IsInf(f.Value, 0) || math.IsNaN(f.Value) {
			t.Errorf("figure %q has value %v", f.Text, f.Value)
		}
		got = append(got, f.Text)
	}
	if len(got) != 1 || got[0] != "5.1%" {
		t.Errorf("figures %q, want only 5.1%%", got)
	}
	notes := New().ExtractFull(doc).Notes
	if len(notes) != 2 || !strings.Contains(notes[0], "too large for a figure") || !strings.Contains(notes[0], "at byte 12") {
		t.Errorf("notes %q: want a warning for each refused number, with its place", notes)
	}
}
