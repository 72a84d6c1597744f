package index

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// exactPhrase matches terms at consecutive token positions (a position
// divided by the field's stride) of one field, and
// of one element where the field is an array, "" standing for any term,
// as bleve's PhraseQuery does and with the same scores, but checks the
// positions straight from the term locations of each candidate. Bleve's
// phrase searcher turns every candidate's locations into maps of maps
// first; on phrases of common pairs, which are most of what readers
// type, that was two thirds of a search.
type exactPhrase struct {
	terms []string
	field string
	// lastIsPrefix makes the last term a prefix: any term that begins
	// with it stands at that place (a phrase's lone last token, which
	// begins every pair term of that token).
	lastIsPrefix bool
	// stride is how far apart the positions of consecutive tokens are:
	// pairStride in the pair field, whose positions carry word boundaries
	// in their low bits (words.go), 1 (or 0) elsewhere.
	stride uint64
	// rankWhole scores a sentence wholeWordBoost times higher where the
	// phrase, a run of Chinese characters whose pair terms these are,
	// stands as one word of the sentence's segmentation.
	rankWhole bool
}

// wholeWordBoost is how much more a sentence scores where the phrase is a
// whole word: enough to rank it before a sentence four times shorter
// where it straddles words.
const wholeWordBoost = 2.5

// Searcher is the conjunction of the terms' searchers, with their
// locations, filtered by the positions (holds).
func (q exactPhrase) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.IncludeTermVectors = true
	// Gaps before the first term or after the last ask nothing, in
	// bleve's phrase as here.
	if q.terms = trimGaps(q.terms); len(q.terms) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	var terms []search.Searcher
	closeAll := func() {
		for _, t := range terms {
			t.Close()
		}
	}
	for i, t := range q.terms {
		if t == "" {
			continue
		}
		var s search.Searcher
		var err error
		if q.lastIsPrefix && i == len(q.terms)-1 {
			s, err = searcher.NewTermPrefixSearcher(ctx, r, t, q.field, 1, options)
		} else {
			s, err = searcher.NewTermSearcher(ctx, r, t, q.field, 1, options)
		}
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("phrase term %q: %w", t, err)
		}
		terms = append(terms, s)
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, terms, options)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("phrase: %w", err)
	}
	s := &phraseSearcher{must: must, terms: q.terms, field: q.field, lastIsPrefix: q.lastIsPrefix, stride: max(q.stride, 1), rankWhole: q.rankWhole, at: make([][]termAt, len(q.terms))}
	must.SetQueryNorm(1 / math.Sqrt(must.Weight())) // as bleve's phrase searcher, whose scores these are
	return s, nil
}

type phraseSearcher struct {
	must         search.Searcher
	terms        []string
	field        string
	lastIsPrefix bool
	stride       uint64
	rankWhole    bool
	at           [][]termAt // scratch: where terms[i] stands in the candidate
}

// termAt is a term's position in one element of the field.
type termAt struct {
	pos     uint64
	element search.ArrayPositions
}

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.first(ctx, s.must.Next)
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	advanced := false
	return s.first(ctx, func(ctx *search.SearchContext) (*search.DocumentMatch, error) {
		if advanced {
			return s.must.Next(ctx)
		}
		advanced = true
		return s.must.Advance(ctx, id)
	})
}

// first returns the first candidate of next that holds the phrase.
func (s *phraseSearcher) first(ctx *search.SearchContext, next func(*search.SearchContext) (*search.DocumentMatch, error)) (*search.DocumentMatch, error) {
	for {
		dm, err := next(ctx)
		if err != nil || dm == nil {
			return nil, err
		}
		if holds, whole := s.holds(dm.FieldTermLocations); holds {
			// nothing reads term locations: highlights are found in the
			// sentence's text, so the collector is spared turning them
			// into maps.
			dm.FieldTermLocations = dm.FieldTermLocations[:0]
			if whole {
				dm.Score *= wholeWordBoost
			}
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

// holds tells whether the locations place every term of the phrase one
// token after the one before, in one element of the field, and, when the
// phrase ranks whole words, whether it stands as one somewhere. The first
// term is never a gap (Searcher trims them).
func (s *phraseSearcher) holds(locs []search.FieldTermLocation) (holds, whole bool) {
	for i := range s.at {
		s.at[i] = s.at[i][:0]
	}
	for _, l := range locs {
		if l.Field != s.field {
			continue
		}
		for i, t := range s.terms {
			if t == l.Term || (s.lastIsPrefix && i == len(s.terms)-1 && strings.HasPrefix(l.Term, t)) {
				s.at[i] = append(s.at[i], termAt{l.Location.Pos, l.Location.ArrayPositions})
			}
		}
	}
	for _, first := range s.at[0] {
		if !s.follows(first) {
			continue
		}
		if !s.rankWhole {
			return true, false
		}
		if holds = true; s.wholeWord(first) {
			return true, true
		}
	}
	return holds, false
}

// token is the token index a position stands for.
func (s *phraseSearcher) token(pos uint64) uint64 { return pos / s.stride }

// place returns where term i stands after first, if it does.
func (s *phraseSearcher) place(first termAt, i int) (termAt, bool) {
	want := s.token(first.pos) + uint64(i)
	for _, a := range s.at[i] {
		if s.token(a.pos) == want && a.element.Equals(first.element) {
			return a, true
		}
	}
	return termAt{}, false
}

// follows tells whether every later term stands at its place after first.
func (s *phraseSearcher) follows(first termAt) bool {
	for i := 1; i < len(s.terms); i++ {
		if s.terms[i] == "" {
			continue
		}
		if _, ok := s.place(first, i); !ok {
			return false
		}
	}
	return true
}

// wholeWord reads the word boundaries the phrase's pair terms carry where
// it stands after first: a word starts at its first token, its tokens
// are joined, and a word ends at its last, the token after the last pair
// (words.go). The terms are every other pair of a run of n tokens, the
// last pair ending the run.
func (s *phraseSearcher) wholeWord(first termAt) bool {
	// The phrase's n tokens: rankWhole is only set on a run whose last
	// token has no term of its own (phraseQuery: len(terms) == n-1).
	n := len(s.terms) + 1
	if first.pos%s.stride&flagStart == 0 {
		return false
	}
	for i, t := range s.terms {
		if t == "" {
			continue
		}
		a, ok := s.place(first, i)
		if !ok {
			return false
		}
		flags := a.pos % s.stride
		ends := flags&flagEnd != 0
		if flags&flagJoined == 0 || ends != (i+1 == n-1) {
			return false // a boundary inside the phrase, or none after it
		}
	}
	return true
}

func (s *phraseSearcher) Close() error               { return s.must.Close() }
func (s *phraseSearcher) Weight() float64            { return s.must.Weight() }
func (s *phraseSearcher) SetQueryNorm(norm float64)  { s.must.SetQueryNorm(norm) }
func (s *phraseSearcher) Count() uint64              { return s.must.Count() } // at most
func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) Size() int                  { return s.must.Size() }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }
