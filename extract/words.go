package extract

import (
	_ "embed"
	"sync"

	"github.com/go-ego/gse"
)

//go:generate go run ./internal/gendict numeral_words.txt

// numeralWords is every word of gse's simplified-Chinese dictionary that
// contains a numeral character (统一, 一次性, 二元酸, 两位数, 一成不变…),
// with gse's frequencies. See internal/gendict.
//
//go:embed numeral_words.txt
var numeralWords string

// domainWords are government-report terms with numerals in them that gse's
// dictionary lacks or splits (三次产业, 三个一批, 四上企业).
//
//go:embed domain_words.txt
var domainWords string

// DictionaryVersion names the word list the extractor segments with; it
// changes when the gse version or the list does.
const DictionaryVersion = "gse-v0.80.3-zh_s-numerals+domain-1"

// gseWords checks Chinese-numeral candidates against gse word boundaries:
// a candidate whose first or last character belongs to a longer dictionary
// word (the 一次 of 一次性, the 二元 of 二元酸) is part of that word, not a
// figure.
type gseWords struct {
	once sync.Once
	seg  gse.Segmenter
	err  error
}

var processWords = &gseWords{}

// sharedWords returns the process-wide checker; its dictionary loads on
// first use.
func sharedWords() wordChecker { return processWords }

func (g *gseWords) load() {
	g.once.Do(func() {
		g.seg.SkipLog = true
		g.err = g.seg.LoadDictStr(numeralWords + "\n" + domainWords)
	})
}

// window is how many characters around a candidate are segmented: enough
// for the words that could straddle its edges.
const window = 6

func (g *gseWords) cutsWord(rs []rune, start, end int, checkStart bool) bool {
	g.load()
	if g.err != nil {
		return false
	}
	lo, hi := max(0, start-window), min(len(rs), end+window)
	text := []byte(string(rs[lo:hi]))
	// Byte offsets of the candidate's edges inside text.
	startByte := len(string(rs[lo:start]))
	endByte := startByte + len(string(rs[start:end]))
	for _, s := range g.seg.Segment(text) {
		a, b := s.Start(), s.End()
		if (checkStart && a < startByte && startByte < b) || (a < endByte && endByte < b) {
			return true
		}
	}
	return false
}
