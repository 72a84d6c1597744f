package index

import (
	_ "embed"
	"errors"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/go-ego/gse"

	"reportmine/corpus"
)

// WordsDictionary names the dictionary whole words are segmented with, by
// a digest of its words (generated with it: dictWordsDigest); it is part
// of the index version, so a change (another gse, another cut) asks for
// reindex.
const WordsDictionary = "gse-zh_s-cut-" + dictWordsDigest

//go:generate go run ./internal/genwords words_zh_s.txt

// dictWords is the dictionary of whole words: the words of gse's
// simplified-Chinese dictionary of one or two characters and the longer
// ones it counted at least ten times (internal/genwords, which says why).
//
//go:embed words_zh_s.txt
var dictWords string

// wordSegmenter holds the dictionary of whole words (dictWords and the
// vocabulary), loaded once per process and only when a document is
// indexed (searching does not need it: a query's words are looked up as
// they are typed).
var wordSegmenter struct {
	once   sync.Once
	loaded atomic.Bool
	seg    gse.Segmenter
	err    error
}

// PrepareWords starts loading the word dictionary (a third of a second)
// in the background, for a process about to index: the first batch then
// need not wait for it while documents are read. The vocabulary must be
// set before (UseVocabulary).
func PrepareWords() { go segmenter() }

func segmenter() (*gse.Segmenter, error) {
	wordSegmenter.once.Do(func() {
		wordSegmenter.loaded.Store(true)
		seg := &wordSegmenter.seg
		seg.SkipLog = true
		err := seg.LoadDictStr(dictWords)
		if err == nil && vocabulary.dict != "" {
			err = seg.LoadDictStr(vocabulary.dict)
		}
		wordSegmenter.err = err
	})
	return &wordSegmenter.seg, wordSegmenter.err
}

// vocabulary is the supplementary dictionary whole words add to gse's
// own (government-report indicators and policy terms); its digest is part
// of the index version.
var vocabulary struct {
	dict   string // in gse's dictionary format
	digest string
}

// UseVocabulary sets the supplementary dictionary. It must come before the
// process's gse dictionary loads (the first document indexed), so that the
// version an index records is the vocabulary its word boundaries were
// found with.
func UseVocabulary(words []corpus.Word) error {
	if wordSegmenter.loaded.Load() {
		return errors.New("index: the vocabulary must be set before the dictionary loads")
	}
	vocabulary.dict = corpus.DictText(words)
	vocabulary.digest = corpus.DictDigest(vocabulary.dict)
	return nil
}

// Whole words rank first: a sentence where a query's phrase stands as a
// word of gse's segmentation (和服 in 穿着和服) before one where its
// characters straddle words (和服务). The index keeps no field of words
// for this: each pair term carries, in the low bits of its position, the
// word boundaries around its two tokens (flags), and the phrase searcher
// reads them from the positions it checks anyway (phrase.go). A fourth
// analysed field of gse's words had cost a sixth of ingest.
//
// A pair term's flags: whether a word of two or more characters starts at
// its first token, whether its two tokens are one such word's, and
// whether one ends at its second. Every other pair (coveringPairs) holds
// all the boundaries of a phrase: the joins between its own tokens, and
// through flagEnd the one after its second token.
const (
	flagStart  = 1
	flagJoined = 2
	flagEnd    = 4
	pairStride = 8
)

// wordFlags gives each token of toks the word-boundary flags of the pair
// it begins, from gse's segmentation of each run of adjacent Chinese
// characters; tokens of other kinds get none.
func wordFlags(seg *gse.Segmenter, toks analysis.TokenStream) []uint8 {
	flags := make([]uint8, len(toks))
	var text []byte // one run's characters, the buffer reused run after run
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Type == analysis.Ideographic && (j == i || toks[j].Position == toks[j-1].Position+1) {
			j++
		}
		if j-i >= 2 {
			text = text[:0]
			for _, t := range toks[i:j] {
				text = append(text, t.Term...)
			}
			runFlags(seg, text, flags[i:j])
		}
		if j == i {
			j++
		}
		i = j
	}
	return flags
}

// runFlags sets the flags of one run, text its characters (one token
// each), from its segmentation: a word of two or more characters starts,
// joins and ends; a single character is no word (a query of one
// character ranks nothing).
func runFlags(seg *gse.Segmenter, text []byte, flags []uint8) {
	from := 0 // the token a segment starts at
	for _, s := range seg.Segment(text) {
		n := utf8.RuneCount(text[s.Start():s.End()])
		if n >= 2 {
			to := from + n
			flags[from] |= flagStart
			for k := from; k < to-1; k++ {
				flags[k] |= flagJoined
			}
			flags[to-2] |= flagEnd // the pair of the word's last two tokens ends it
		}
		from += n
	}
}
