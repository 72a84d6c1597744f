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
// per character or run of Latin letters and digits); PairName that of the
// one the index keeps: each token with the one after it as one term, at
// the token's position, so that a phrase of n tokens is n-1 pair terms at
// consecutive positions (short posting lists instead of those of single
// characters), and one token is every pair it begins (a prefix).
const (
	AnalyzerName = "reportmine_zh"
	PairName     = "reportmine_zh_pair"
)

// ListName is the analyzer of a list of keywords (list): each value one
// term.
const ListName = "reportmine_list"

// listSep separates the values of a list.
const listSep = "\x1e"

// list joins keywords into one field value for the list analyzer; a
// separator inside a value (from a damaged document) becomes a space, so
// that the value stays one term.
func list(values []string) string {
	clean := make([]string, len(values))
	for i, v := range values {
		clean[i] = strings.ReplaceAll(v, listSep, " ")
	}
	return strings.Join(clean, listSep)
}

type listTokens struct{}

func (listTokens) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for i, v := range strings.Split(string(input), listSep) {
		if v != "" {
			out = append(out, &analysis.Token{Term: []byte(v), Position: i + 1, Type: analysis.AlphaNumeric})
		}
	}
	return out
}

func init() {
	registry.RegisterAnalyzer(ListName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: listTokens{}}, nil
	})
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

// pairs emits a term for each token: the token and the one after it, if
// that one stands next to it (spaces between them allowed, punctuation
// not), or the token and pairEnd, at the token's position. Every token
// thus begins exactly one term. Offsets are left at zero: highlights are
// found in the sentence text (Highlights), and bleve stores every
// location's offsets.
type pairs struct{}

func (pairs) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenizer{}.Tokenize(input)
	out := make(analysis.TokenStream, len(toks))
	for i, a := range toks {
		var term []byte
		if i+1 < len(toks) && toks[i+1].Position == a.Position+1 {
			term = pairTerm(a, toks[i+1])
		} else {
			term = append(pairPrefix(a), pairEnd)
		}
		out[i] = &analysis.Token{Term: term, Position: a.Position, Type: a.Type}
	}
	return out
}

// pairEnd follows a token that no token follows.
const pairEnd = '\x01'

// pairPrefix is how every pair term that a begins starts: a Chinese token
// is one character, so the next token begins right after it; a run of
// letters or digits is closed by a zero byte, or 1 23 and 12 3 would be
// one term, and the prefix gdp would find gdpr.
func pairPrefix(a *analysis.Token) []byte {
	p := make([]byte, 0, len(a.Term)+4)
	p = append(p, a.Term...)
	if a.Type != analysis.Ideographic {
		p = append(p, 0)
	}
	return p
}

// pairTerm joins two adjacent tokens.
func pairTerm(a, b *analysis.Token) []byte {
	return append(pairPrefix(a), b.Term...)
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
