package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
)

// StoreCorpus offers a store's figures to the checker, loading each kind
// and unit once. Every read error is returned: a store that cannot be read
// never yields a verdict.
type StoreCorpus struct {
	ctx     context.Context
	st      *store.Store
	shared  *candidateCache // across checks, when a workspace runs them
	cache   map[string][]check.Candidate
	raws    map[string]string
	texts   map[string]string
	docFigs map[string][]corpus.Figure
}

func NewStoreCorpus(ctx context.Context, st *store.Store) *StoreCorpus {
	return &StoreCorpus{ctx: ctx, st: st, cache: map[string][]check.Candidate{}, raws: map[string]string{},
		texts: map[string]string{}, docFigs: map[string][]corpus.Figure{}}
}

func (c *StoreCorpus) DocFigures(doc string) ([]corpus.Figure, error) {
	figs, ok := c.docFigs[doc]
	if !ok {
		var err error
		if _, figs, _, err = c.st.Load(c.ctx, doc); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		c.docFigs[doc] = figs
	}
	return figs, nil
}

func (c *StoreCorpus) Candidates(kind corpus.Kind, unit string) ([]check.Candidate, error) {
	key := string(kind) + "|" + unit
	if cands, ok := c.cache[key]; ok {
		return cands, nil
	}
	load := func() ([]check.Candidate, error) {
		return c.candidates(store.FigureFilter{Kind: string(kind), Unit: unit})
	}
	var cands []check.Candidate
	var err error
	if c.shared != nil {
		cands, err = c.shared.get(c.ctx, c.st, key, load)
	} else {
		cands, err = load()
	}
	if err != nil {
		return nil, err
	}
	c.cache[key] = cands
	return cands, nil
}

// candidateCache holds a store's candidates by kind and unit for as long
// as the store's generation stays the same, for every check a workspace
// runs: a server answers the second claim about money without reading
// every money figure again. Candidates are never modified once loaded.
type candidateCache struct {
	mu    sync.Mutex
	gen   int64
	byKey map[string][]check.Candidate
}

func (cc *candidateCache) get(ctx context.Context, st *store.Store, key string, load func() ([]check.Candidate, error)) ([]check.Candidate, error) {
	gen, err := st.Generation(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.byKey == nil || cc.gen != gen {
		cc.byKey, cc.gen = map[string][]check.Candidate{}, gen
	}
	if cands, ok := cc.byKey[key]; ok {
		return cands, nil
	}
	cands, err := load()
	if err != nil {
		return nil, err
	}
	cc.byKey[key] = cands
	return cands, nil
}

func (c *StoreCorpus) candidates(filter store.FigureFilter) ([]check.Candidate, error) {
	var cands []check.Candidate
	err := c.st.Figures(c.ctx, filter, func(r store.FigureRow) error {
		cands = append(cands, check.Candidate{Figure: r.Figure, Title: r.Title, Date: r.Date, Issuer: r.Issuer, Place: r.Place, Page: r.Figure.Page, Duplicate: r.Duplicate})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return cands, nil
}

func (c *StoreCorpus) raw(doc string) (string, error) {
	raw, ok := c.raws[doc]
	if !ok {
		var err error
		if raw, err = c.st.Raw(c.ctx, doc); err != nil {
			return "", fmt.Errorf("store: %w", err)
		}
		c.raws[doc] = raw
	}
	return raw, nil
}

func (c *StoreCorpus) Mentions(doc, name string) (bool, error) {
	text, ok := c.texts[doc]
	if !ok {
		raw, err := c.raw(doc)
		if err != nil {
			return false, err
		}
		text = strings.NewReplacer(" ", "", "\n", "").Replace(raw)
		c.texts[doc] = text
	}
	return strings.Contains(text, name), nil
}

// Quote is the sentence around raw[start:end] as the source prints it,
// from the end of the sentence before to the end of its own.
func (c *StoreCorpus) Quote(doc string, start, end int) (string, error) {
	raw, err := c.raw(doc)
	if err != nil {
		return "", err
	}
	if start < 0 || end > len(raw) || start > end {
		return "", fmt.Errorf("store: figure %d-%d outside document %s", start, end, doc)
	}
	return sentenceAround(raw, start, end), nil
}

// sentenceAround cuts raw at the sentence ends around [start,end): 。！？；
// and line breaks, at most 300 bytes either side.
func sentenceAround(raw string, start, end int) string {
	const reach = 300
	isEnd := func(r rune) bool { return strings.ContainsRune("。！？；!?;\n", r) }
	a := start
	for a > 0 && start-a < reach {
		r, size := utf8.DecodeLastRuneInString(raw[:a])
		if isEnd(r) {
			break
		}
		a -= size
	}
	b := end
	for b < len(raw) && b-end < reach {
		r, size := utf8.DecodeRuneInString(raw[b:])
		b += size
		if isEnd(r) {
			break
		}
	}
	return strings.TrimSpace(raw[a:b])
}

// AllCandidates lists every stored figure, for conflicts.
func (c *StoreCorpus) AllCandidates() ([]check.Candidate, error) {
	return c.candidates(store.FigureFilter{})
}
