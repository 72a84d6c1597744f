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

// AnalyzerName is the registered name of the Chinese analyzer (one token
// per character or run of Latin letters and digits); PairName that of its
// companion, which indexes each two adjacent tokens as one term at the
// position of the first, so that a phrase of n tokens is n-1 pair terms at
// consecutive positions: short posting lists instead of those of single
// characters, and the only field that keeps positions.
const (
	AnalyzerName = "reportmine_zh"
	PairName     = "reportmine_zh_pair"
)

func init() {
	registry.RegisterTokenizer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	})
	registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: tokenizer{}}, nil
	})
	registry.RegisterTokenizer(PairName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return pairs{}, nil
	})
	registry.RegisterAnalyzer(PairName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: pairs{}}, nil
	})
}

// pairs emits a term for each two tokens that stand next to each other
// (spaces between them allowed, punctuation not), at the position of the
// first. Offsets are left at zero: highlights are found in the sentence
// text (Highlights), and bleve stores every location's offsets, so zeros
// keep the field's positions at about half the bytes.
type pairs struct{}

func (pairs) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenizer{}.Tokenize(input)
	out := make(analysis.TokenStream, 0, len(toks))
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if b.Position != a.Position+1 {
			continue
		}
		out = append(out, &analysis.Token{Term: pairTerm(a, b), Position: a.Position, Type: a.Type})
	}
	return out
}

// pairTerm joins two tokens. A Chinese token is one character, so a pair
// with one reads back one way only; two runs of letters or digits (only
// ever apart by a space: "iPhone 14") are joined by a space, or 1 23 and
// 12 3 would be one term.
func pairTerm(a, b *analysis.Token) []byte {
	term := make([]byte, 0, len(a.Term)+len(b.Term)+1)
	term = append(term, a.Term...)
	if a.Type != analysis.Ideographic && b.Type != analysis.Ideographic {
		term = append(term, ' ')
	}
	return append(term, b.Term...)
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
