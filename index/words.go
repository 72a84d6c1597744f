package index

import (
	_ "embed"
	"errors"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/go-ego/gse"

	"reportmine/corpus"
)

// WordsName is the analyzer that adds dictionary words to the index: gse
// words of the sentence, each at the
// position of its first character. The exact-match fields decide which
// sentences match; this field lets whole words rank first.
const WordsName = "reportmine_zh_words"

// WordsDictionary names the dictionary the words field is built with, by
// a digest of its words (generated with it: dictWordsDigest); it is part
// of the index version, so a change (another gse, another cut) asks for
// reindex.
const WordsDictionary = "gse-zh_s-cut-" + dictWordsDigest

//go:generate go run ./internal/genwords words_zh_s.txt

// dictWords is the words field's dictionary: the words of gse's
// simplified-Chinese dictionary of one or two characters and the longer
// ones it counted at least ten times (internal/genwords, which says why).
//
//go:embed words_zh_s.txt
var dictWords string

// wordSegmenter holds the words field's dictionary (dictWords and the
// vocabulary), loaded once per process and only when a document is
// indexed (searching does not need it: a query's words are looked up as
// they are typed).
var wordSegmenter struct {
	once   sync.Once
	loaded atomic.Bool
	seg    gse.Segmenter
	err    error
}

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

// vocabulary is the supplementary dictionary the words field adds to gse's
// own (government-report indicators and policy terms); its digest is part
// of the index version.
var vocabulary struct {
	dict   string // in gse's dictionary format
	digest string
}

// UseVocabulary sets the supplementary dictionary. It must come before the
// process's gse dictionary loads (the first document indexed), so that the
// version an index records is the vocabulary its words field was built with.
func UseVocabulary(words []corpus.Word) error {
	if wordSegmenter.loaded.Load() {
		return errors.New("index: the vocabulary must be set before the dictionary loads")
	}
	vocabulary.dict = corpus.DictText(words)
	vocabulary.digest = corpus.DictDigest(vocabulary.dict)
	return nil
}

func init() {
	registry.RegisterTokenizer(WordsName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return words{}, nil
	})
	registry.RegisterAnalyzer(WordsName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: words{}}, nil
	})
}

type words struct{}

// Tokenize segments each run of adjacent Chinese characters (PDF spaces
// removed) with gse and emits its words of two or more characters. The
// dictionary words inside a longer word are not emitted: 投资 inside 总投资
// is not a whole word, and leaving them out made the whole index 5 %
// smaller.
func (words) Tokenize(input []byte) analysis.TokenStream {
	seg, err := segmenter()
	if err != nil {
		return nil
	}
	chars := tokenizer{}.Tokenize(input)
	var out analysis.TokenStream
	for i := 0; i < len(chars); {
		j := i
		for j < len(chars) && chars[j].Type == analysis.Ideographic && (j == i || chars[j].Position == chars[j-1].Position+1) {
			j++
		}
		if j-i >= 2 {
			out = append(out, runWords(seg, chars[i:j])...)
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}

// runWords segments one run of characters.
func runWords(seg *gse.Segmenter, run []*analysis.Token) analysis.TokenStream {
	var sb strings.Builder
	charAt := make([]int, 0, len(run)*3+1) // byte offset in text -> index into run
	for k, t := range run {
		for range t.Term {
			charAt = append(charAt, k)
		}
		sb.Write(t.Term)
	}
	charAt = append(charAt, len(run))
	text := sb.String()
	var out analysis.TokenStream
	for _, s := range seg.Segment([]byte(text)) {
		from, to := charAt[s.Start()], charAt[s.End()]
		if to-from < 2 {
			continue
		}
		out = append(out, &analysis.Token{Term: []byte(text[s.Start():s.End()]), Position: run[from].Position, Type: analysis.Ideographic})
	}
	return out
}
