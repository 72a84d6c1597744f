package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
)

// storeCorpus offers a store's figures to the checker, loading each kind
// and unit once. Every read error is returned: a store that cannot be read
// never yields a verdict.
type storeCorpus struct {
	ctx     context.Context
	st      *store.Store
	cache   map[string][]check.Candidate
	raws    map[string]string
	texts   map[string]string
	docFigs map[string][]corpus.Figure
}

func newStoreCorpus(ctx context.Context, st *store.Store) *storeCorpus {
	return &storeCorpus{ctx: ctx, st: st, cache: map[string][]check.Candidate{}, raws: map[string]string{},
		texts: map[string]string{}, docFigs: map[string][]corpus.Figure{}}
}

func (c *storeCorpus) DocFigures(doc string) ([]corpus.Figure, error) {
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

func (c *storeCorpus) Candidates(kind corpus.Kind, unit string) ([]check.Candidate, error) {
	key := string(kind) + "|" + unit
	if cands, ok := c.cache[key]; ok {
		return cands, nil
	}
	cands, err := c.candidates(store.FigureFilter{Kind: string(kind), Unit: unit})
	if err != nil {
		return nil, err
	}
	c.cache[key] = cands
	return cands, nil
}

func (c *storeCorpus) candidates(filter store.FigureFilter) ([]check.Candidate, error) {
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

func (c *storeCorpus) raw(doc string) (string, error) {
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

func (c *storeCorpus) Mentions(doc, name string) (bool, error) {
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
func (c *storeCorpus) Quote(doc string, start, end int) (string, error) {
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

// allCandidates lists every stored figure, for conflicts.
func (c *storeCorpus) allCandidates() ([]check.Candidate, error) {
	return c.candidates(store.FigureFilter{})
}

func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "check", "[--data DIR] [--json|--format text|json|csv] [--excel] [--as-of DATE] [--fail-on VERDICT,...] [--file FILE|-] CLAIM...")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON verdict per claim (same as --format json)")
	format := fs.String("format", "text", "text, json (one verdict per line) or csv (a verdict table)")
	excel := fs.Bool("excel", false, "start CSV output with a UTF-8 byte order mark so Excel reads Chinese correctly")
	file := fs.String("file", "", "read claims from FILE, one per line (- for standard input)")
	asOf := fs.String("as-of", "", "the date claims speak from, YYYY-MM-DD (default today): 今年, 去年 and 二季度 of a claim resolve against it")
	failOn := fs.String("fail-on", "", "exit with status 1 when a claim gets one of these verdicts (comma-separated: contradicted,conflicting,not_found)")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	if *format != "text" && *format != "json" && *format != "csv" {
		return fmt.Errorf("%w: --format must be text, json or csv, not %q", errUsage, *format)
	}
	failing, err := parseFailOn(*failOn)
	if err != nil {
		return err
	}
	date, err := claimDate(*asOf)
	if err != nil {
		return err
	}
	claims, err := readClaims(e, fs.Args(), *file)
	if err != nil {
		return err
	}
	if len(claims) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: check needs a CLAIM or --file", errUsage)
	}
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	checker := check.Checker{Corpus: newStoreCorpus(ctx, st), MaxEvidence: 20}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	w := newVerdictWriter(out, *format, *excel)
	failed := false
	for _, claim := range claims {
		v, err := checkClaim(checker, x, claim, date)
		if err != nil {
			return fmt.Errorf("check %q: %w", claim, err)
		}
		if err := w.write(v); err != nil {
			return err
		}
		failed = failed || failing[v.Verdict]
	}
	if err := w.flush(); err != nil {
		return err
	}
	if failed {
		out.Flush()
		return errReported
	}
	return nil
}

// parseFailOn reads --fail-on: verdict names, comma-separated.
func parseFailOn(s string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, v := range strings.Split(s, ",") {
		switch v = strings.TrimSpace(v); v {
		case "":
		case check.Supported, check.Contradicted, check.Conflicting, check.NotFound:
			out[v] = true
		default:
			return nil, fmt.Errorf("%w: --fail-on: unknown verdict %q (supported, contradicted, conflicting, not_found)", errUsage, v)
		}
	}
	return out, nil
}

// claimDate is the date claims speak from: --as-of, or today.
func claimDate(asOf string) (string, error) {
	if asOf == "" {
		return time.Now().Format("2006-01-02"), nil
	}
	if _, err := time.Parse("2006-01-02", asOf); err != nil {
		return "", fmt.Errorf("%w: --as-of %q: want YYYY-MM-DD", errUsage, asOf)
	}
	return asOf, nil
}

// checkClaim reads a claim's figures with the corpus's extractor, frames
// and period grammar, as of date, and judges them.
func checkClaim(c check.Checker, x *extract.Extractor, claim, date string) (check.Verdict, error) {
	doc := corpus.NewDocument("claim", []byte(claim))
	doc.Meta.Date, doc.Meta.Kind = date, corpus.ClaimKind
	return c.Check(claim, x.Extract(doc))
}

func runConflicts(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "conflicts", "[--data DIR] [--json] [--min-gap PCT]")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON conflict per line")
	minGap := fs.Float64("min-gap", 0, "report only disagreements of at least this many percent")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	st, err := store.Open(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	cands, err := newStoreCorpus(ctx, st).allCandidates()
	if err != nil {
		return err
	}
	conflicts := check.Conflicts(cands, *minGap)
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, c := range conflicts {
		if *asJSON {
			if err := enc.Encode(c); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s\n", c.Explanation)
		for _, ev := range c.Evidence {
			fmt.Fprintf(e.stdout, "    %s [%d:%d] «%s» %s\n", ev.Source, ev.Start, ev.End, oneLine(ev.Text), oneLine(ev.Sentence))
		}
	}
	if !*asJSON {
		fmt.Fprintf(e.stdout, "%d conflicts\n", len(conflicts))
	}
	return nil
}
