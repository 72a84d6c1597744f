package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Word is a dictionary entry for the Chinese segmenter: a word with a gse
// frequency and part of speech. The extractor and the search index both
// segment with the same supplementary vocabulary of government-report words.
type Word struct {
	Text string
	Freq float64
	POS  string
}

// DictText writes words in gse's dictionary format, one per line.
func DictText(words []Word) string {
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s %g %s\n", w.Text, w.Freq, w.POS)
	}
	return b.String()
}

// DictDigest is a short digest of a word list in gse's format, naming it
// in version strings (the extractor's dictionary, the index's).
func DictDigest(dict string) string {
	sum := sha256.Sum256([]byte(dict))
	return hex.EncodeToString(sum[:])[:8]
}
