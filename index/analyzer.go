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
// the token's position times pairStride (its low bits the word boundaries
// around the pair, words.go), so that a phrase of n tokens is n-1 pair
// terms at consecutive token positions (short posting lists instead of
// those of single characters), and one token is every pair it begins (a
// prefix).
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
// not), or the token and pairEnd, at the token's position times
// pairStride, plus the word boundaries around its tokens (wordFlags,
// words.go). Every token thus begins exactly one term. Offsets are left
// at zero: highlights are
// found in the sentence text (Highlights), and bleve stores every
// location's offsets.
type pairs struct{}

func (pairs) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenizer{}.Tokenize(input)
	var flags []uint8
	if seg, err := segmenter(); err == nil {
		flags = wordFlags(seg, toks)
	}
	out := make(analysis.TokenStream, len(toks))
	cells := make([]analysis.Token, len(toks)) // one allocation for all
	buf := make([]byte, 0, 2*len(input)+len(toks))
	for i, a := range toks {
		start := len(buf)
		buf = appendPairPrefix(buf, a)
		if i+1 < len(toks) && toks[i+1].Position == a.Position+1 {
			buf = append(buf, toks[i+1].Term...)
		} else {
			buf = append(buf, pairEnd)
		}
		// Each term is capped at its own bytes: a consumer appending to
		// one cannot write into the next. A buffer that grows leaves the
		// earlier terms in the old array, still whole.
		pos := a.Position * pairStride
		if flags != nil {
			pos += int(flags[i])
		}
		cells[i] = analysis.Token{Term: buf[start:len(buf):len(buf)], Position: pos, Type: a.Type}
		out[i] = &cells[i]
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
	return appendPairPrefix(make([]byte, 0, len(a.Term)+4), a)
}

func appendPairPrefix(buf []byte, a *analysis.Token) []byte {
	buf = append(buf, a.Term...)
	if a.Type != analysis.Ideographic {
		buf = append(buf, 0)
	}
	return buf
}

// pairTerm joins two adjacent tokens.
func pairTerm(a, b *analysis.Token) []byte {
	return append(pairPrefix(a), b.Term...)
}

// tokenizer emits one token per Han character and one per run of other
// letters and digits (5.2%, 56GW, iPhone14, Ⅱ stay whole). Full-width forms
// are folded inside the tokenizer, so offsets still point at the stored
// bytes; spaces and line breaks (PDF extraction puts them inside words) do
// not advance the position, so 总 投 资 is the phrase 总投资; punctuation
// does, so no phrase matches across it. Positions are 1-based.
type tokenizer struct{}

func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	// Tokens and their terms are cut from two allocations, not one each:
	// a sentence is analysed for several fields, and these allocations
	// had been a fifteenth of all ingest allocated.
	n := utf8.RuneCount(input)
	out := make(analysis.TokenStream, 0, n)
	cells := make([]analysis.Token, 0, n)
	buf := make([]byte, 0, len(input))
	emit := func(t analysis.Token) {
		cells = append(cells, t) // never grows: at most one token per rune
		out = append(out, &cells[len(cells)-1])
	}
	pos := 0
	gap := false // the last thing read was punctuation
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		f := foldRune(r)
		switch {
		case isHan(f):
			pos++
			gap = false
			from := len(buf)
			buf = utf8.AppendRune(buf, hanzi.Simplify(f))
			emit(analysis.Token{Start: i, End: i + size, Term: buf[from:len(buf):len(buf)], Position: pos, Type: analysis.Ideographic})
			i += size
		case isWordRune(f):
			start, from := i, len(buf)
			var groups digitGroups
			for i < len(input) {
				r, size := utf8.DecodeRune(input[i:])
				f := foldRune(r)
				if f == ' ' && groups.spaceJoins(input, i) {
					i += size // 3 500個 is 3500個, as the extractor reads it
					continue
				}
				if !isWordRune(f) && !(f == '.' && len(buf) > from && i+size < len(input) && isDigitRune(input, i+size)) {
					break
				}
				groups.add(f)
				buf = utf8.AppendRune(buf, unicode.ToLower(f))
				i += size
			}
			pos++
			gap = false
			emit(analysis.Token{Start: start, End: i, Term: buf[from:len(buf):len(buf)], Position: pos, Type: analysis.AlphaNumeric})
		case unicode.IsSpace(f):
			i += size
		default:
			// Punctuation: a gap no phrase spans, one for a run of marks
			// (、、 and ——, spaces between them too), so that a phrase's
			// marks need not be counted to match and 改革、、展 is not
			// 改革、发展.
			if !gap {
				pos++
				gap = true
			}
			i += size
		}
	}
	return out
}

// digitGroups follows a run's digits, to tell a space that groups
// thousands, as Hong Kong and Taiwan texts print them (3 500個, 1 234
// 567), from one between two numbers: the extractor's rule (its
// spaceGrouped), so that the text search 3500個 finds the figure it read.
type digitGroups struct {
	digits  int  // digits since the run's start or its last joined space
	joined  bool // a space has been joined
	another bool // the run holds something other than digits
}

func (g *digitGroups) add(r rune) {
	if r >= '0' && r <= '9' {
		g.digits++
	} else {
		g.another = true
	}
}

// spaceJoins reports whether the space at input[i] separates thousands:
// one to three digits before it (exactly three after an earlier joined
// space), and exactly three digits after it.
func (g *digitGroups) spaceJoins(input []byte, i int) bool {
	if g.another || g.digits == 0 || g.digits > 3 || (g.joined && g.digits != 3) {
		return false
	}
	j := i + 1
	for range 3 {
		if j >= len(input) || !isDigitRune(input, j) {
			return false
		}
		_, size := utf8.DecodeRune(input[j:])
		j += size
	}
	if j < len(input) && isDigitRune(input, j) {
		return false
	}
	g.digits, g.joined = 0, true
	return true
}

func isDigitRune(input []byte, i int) bool {
	r, _ := utf8.DecodeRune(input[i:])
	r = foldRune(r)
	return r >= '0' && r <= '9'
}

// isWordRune: letters and numbers of every script but Han (Latin, Greek,
// Cyrillic, kana, Roman numerals such as the Ⅱ of Ⅱ类水质, ①), and the
// percent and per-mille signs that belong to a number.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '%'
	}
	return r == '‰' || (unicode.IsLetter(r) || unicode.IsNumber(r)) && !isHan(r)
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
