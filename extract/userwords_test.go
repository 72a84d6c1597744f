package extract

import (
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
	if after := count(plain); after != before || before == 0 {
		t.Errorf("the plain extractor read %d counts before and %d after another got user words", before, after)
	}
}
