package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/width"

	"reportmine/internal/hanzi"
)

// AnalyzerName is the registered name of the Chinese analyzer; BigramName
// that of its companion, which indexes each pair of adjacent Chinese
// characters so that phrase queries of two or more characters read short
// posting lists instead of those of single characters.
const (
	AnalyzerName = "reportmine_zh"
	BigramName   = "reportmine_zh_bigram"
	NgramName    = "reportmine_zh_ngram"
)

// maxGram is the longest run of Chinese characters indexed as one token:
// a query of up to this many characters is then a single term, with no
// positions to check.
const maxGram = 4

func init() {
	registry.RegisterTokenizer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	})
	registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: tokenizer{}}, nil
	})
	registry.RegisterTokenizer(BigramName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return bigrams{}, nil
	})
	registry.RegisterAnalyzer(BigramName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: bigrams{}}, nil
	})
	registry.RegisterTokenizer(NgramName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return ngrams{}, nil
	})
	registry.RegisterAnalyzer(NgramName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: ngrams{}}, nil
	})
}

// ngrams emits every run of 3 to maxGram adjacent Chinese characters as
// one token, so such a query is found by a single term look-up.
type ngrams struct{}

func (ngrams) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenizer{}.Tokenize(input)
	var out analysis.TokenStream
	for i := range toks {
		term := append([]byte{}, toks[i].Term...)
		for n := 2; n <= maxGram && i+n-1 < len(toks); n++ {
			last := toks[i+n-1]
			if toks[i].Type != analysis.Ideographic || last.Type != analysis.Ideographic || last.Position != toks[i].Position+n-1 {
				break
			}
			term = append(term, last.Term...)
			if n >= 3 {
				out = append(out, &analysis.Token{Start: toks[i].Start, End: last.End, Term: append([]byte{}, term...),
					Position: toks[i].Position, Type: analysis.Ideographic})
			}
		}
	}
	return out
}

// bigrams emits a token for each two Chinese characters that stand next
// to each other (spaces between them allowed), at the position of the
// first; a phrase of n characters is then n-1 bigrams at consecutive
// positions, matched exactly where the characters are.
type bigrams struct{}

func (bigrams) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenizer{}.Tokenize(input)
	var out analysis.TokenStream
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if a.Type != analysis.Ideographic || b.Type != analysis.Ideographic || b.Position != a.Position+1 {
			continue
		}
		out = append(out, &analysis.Token{Start: a.Start, End: b.End, Term: append(append([]byte{}, a.Term...), b.Term...),
			Position: a.Position, Type: analysis.Ideographic})
	}
	return out
}

// tokenizer emits one token per Han character and one per run of Latin
// letters and digits (5.2%, 56GW, iPhone14 stay whole). Full-width forms
// are folded inside the tokenizer, so offsets still point at the stored
// bytes; spaces and line breaks (PDF extraction puts them inside words) do
// not advance the position, so 总 投 资 is the phrase 总投资; punctuation
// does, so no phrase matches across it. Positions are 1-based.
type tokenizer struct{}

func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	pos := 0
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		f := foldRune(r)
		switch {
		case isHan(f):
			pos++
			out = append(out, &analysis.Token{Start: i, End: i + size, Term: []byte(string(hanzi.Simplify(f))), Position: pos, Type: analysis.Ideographic})
			i += size
		case isWordRune(f):
			start := i
			var term strings.Builder
			for i < len(input) {
				r, size := utf8.DecodeRune(input[i:])
				f := foldRune(r)
				if !isWordRune(f) && !(f == '.' && term.Len() > 0 && i+size < len(input) && isDigitRune(input, i+size)) {
					break
				}
				term.WriteRune(unicode.ToLower(f))
				i += size
			}
			pos++
			out = append(out, &analysis.Token{Start: start, End: i, Term: []byte(term.String()), Position: pos, Type: analysis.AlphaNumeric})
		case unicode.IsSpace(f):
			i += size
		default:
			pos++ // punctuation: a gap no phrase spans
			i += size
		}
	}
	return out
}

func isDigitRune(input []byte, i int) bool {
	r, _ := utf8.DecodeRune(input[i:])
	r = foldRune(r)
	return r >= '0' && r <= '9'
}

func isWordRune(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '%' || r == '‰'
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// foldRune maps full-width ASCII and the ideographic space to narrow forms
// (not NFKC, which would also rewrite ① and the like).
func foldRune(r rune) rune {
	if r < 0x3000 {
		return r
	}
	p := width.LookupRune(r)
	if p.Kind() == width.EastAsianFullwidth {
		if f := p.Folded(); f != 0 {
			return f
		}
	}
	return r
}

// Terms returns the tokens of s as the index sees them, for building
// queries and highlights the same way.
func Terms(s string) []*analysis.Token {
	return tokenizer{}.Tokenize([]byte(s))
}
