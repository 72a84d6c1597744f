package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"reportmine/corpus"
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

// policyTerms are policy terms and zone and organisation words
// (专精特新, 招落一体, 经开区, 管委会).
//
//go:embed policy_terms.txt
var policyTerms string

// DictionaryVersion names the word list the extractor segments with: gse's
// version and a digest of the supplementary vocabulary, so it changes when
// either does.
var DictionaryVersion = "gse-v0.80.3-zh_s-numerals+vocabulary-" + wordsDigest(Vocabulary())

// Vocabulary is the supplementary dictionary of government-report words
// that gse's own dictionary lacks or splits: indicators (地区生产总值,
// 规上工业增加值), numeral terms (三个一批, 十四五), policy terms (专精特新,
// 招落一体) and zone and organisation words. The extractor segments with
// it; cmd hands it to the search index, which finds word boundaries with
// its cut of gse's dictionary plus these.
func Vocabulary() []DictWord {
	var words []DictWord
	for _, list := range []string{domainWords, policyTerms} {
		ws, _ := ReadDict(strings.NewReader(list)) // embedded and tested: no error
		words = append(words, ws...)
	}
	for _, w := range loadIndicators(nil) {
		words = append(words, DictWord{Text: w, Freq: 3000, POS: "n"})
	}
	return words
}

// gseWords checks Chinese-numeral candidates against gse word boundaries:
// a candidate whose first or last character belongs to a longer dictionary
// word (the 一次 of 一次性, the 二元 of 二元酸) is part of that word, not a
// figure.
type gseWords struct {
	// user are words an extractor's user dictionary adds.
	user []DictWord
	once sync.Once
	seg  gse.Segmenter
	err  error
}

var processWords = &gseWords{}

// sharedWords returns the process-wide checker of the built-in
// dictionaries; it loads on first use.
func sharedWords() wordChecker { return processWords }

// userWords returns a checker of its own for an extractor with a user
// dictionary (about 0.1 s to load): no extractor changes another's words.
func userWords(words []DictWord) wordChecker { return &gseWords{user: words} }

func (g *gseWords) load() {
	g.once.Do(func() {
		g.seg.SkipLog = true
		g.err = g.seg.LoadDictStr(numeralWords + "\n" + corpus.DictText(Vocabulary()) + "\n" + corpus.DictText(g.user))
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

// DictWord is a user dictionary entry: a word with an optional frequency
// and part of speech, as in gse dictionaries.
type DictWord = corpus.Word

// ReadDict reads a user dictionary: one word per line, optionally followed
// by a frequency and a part of speech, separated by spaces or tabs.
func ReadDict(r io.Reader) ([]DictWord, error) {
	var words []DictWord
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		w := DictWord{Text: f[0], Freq: 1000}
		if len(f) > 1 {
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: frequency %q is not a number", line, f[1])
			}
			w.Freq = v
		}
		if len(f) > 2 {
			w.POS = f[2]
		}
		words = append(words, w)
	}
	return words, sc.Err()
}

// wordsDigest names a word list in version strings.
func wordsDigest(words []DictWord) string { return corpus.DictDigest(corpus.DictText(words)) }
