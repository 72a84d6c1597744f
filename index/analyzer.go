package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/width"
)

// AnalyzerName is the registered name of the Chinese analyzer; BigramName
// that of its companion, which indexes each pair of adjacent Chinese
// characters so that phrase queries of two or more characters read short
// posting lists instead of those of single characters.
const (
	AnalyzerName = "reportmine_zh"
	BigramName   = "reportmine_zh_bigram"
)

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
			out = append(out, &analysis.Token{Start: i, End: i + size, Term: []byte(string(simplify(f))), Position: pos, Type: analysis.Ideographic})
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
