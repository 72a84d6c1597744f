package index

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestVocabularyWords checks that a supplementary word the base dictionary
// lacks is one word of the segmentation whole words are ranked by, and
// that the vocabulary is part of the index version.
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
	toks := tokenizer{}.Tokenize([]byte("推行招落一体改革"))
	flags := wordFlags(seg, toks)
	// 招 starts the word and 招落, 落一, 一体 join it; 一体 ends it.
	if flags[2]&flagStart == 0 || flags[2]&flagJoined == 0 || flags[3]&flagJoined == 0 || flags[4]&(flagJoined|flagEnd) != flagJoined|flagEnd {
		t.Errorf("招落一体 is not one word of the segmentation: flags %v", flags)
	}
}
