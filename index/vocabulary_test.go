package index

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestVocabularyWords checks that a supplementary word the base dictionary
// lacks becomes one token of the words field, and that the vocabulary is
// part of the index version.
func TestVocabularyWords(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary")
	}
	before := Version()
	if err := UseVocabulary([]corpus.Word{{Text: "招落一体", Freq: 3000, POS: "nz"}}); err != nil {
		t.Skip("the segmenter was loaded before this test set the vocabulary")
	}
	if Version() == before || !strings.Contains(Version(), "vocabulary-") {
		t.Errorf("version %q does not name the vocabulary", Version())
	}
	seg, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := seg.Find("招落一体"); !ok {
		t.Skip("the segmenter was loaded before this test set the vocabulary")
	}
	found := false
	for _, tok := range (words{}).Tokenize([]byte("推行招落一体改革")) {
		if string(tok.Term) == "招落一体" {
			found = true
		}
	}
	if !found {
		t.Error("招落一体 is not a token of the words field")
	}
}
