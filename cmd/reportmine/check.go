package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
)

// storeCorpus offers a store's figures to the checker, loading each kind
// and unit once.
type storeCorpus struct {
	ctx     context.Context
	st      *store.Store
	cache   map[string][]check.Candidate
	texts   map[string]string
	docFigs map[string][]corpus.Figure
}

func newStoreCorpus(ctx context.Context, st *store.Store) *storeCorpus {
	return &storeCorpus{ctx: ctx, st: st, cache: map[string][]check.Candidate{}, texts: map[string]string{}, docFigs: map[string][]corpus.Figure{}}
}

func (c *storeCorpus) DocFigures(doc string) []corpus.Figure {
	figs, ok := c.docFigs[doc]
	if !ok {
		_, figs, _, _ = c.st.Load(c.ctx, doc)
		c.docFigs[doc] = figs
	}
	return figs
}

func (c *storeCorpus) Candidates(kind corpus.Kind, unit string) []check.Candidate {
	key := string(kind) + "|" + unit
	if cands, ok := c.cache[key]; ok {
		return cands
	}
	var cands []check.Candidate
	c.st.Figures(c.ctx, store.FigureFilter{Kind: string(kind), Unit: unit}, func(r store.FigureRow) error {
		cands = append(cands, check.Candidate{Figure: r.Figure, Title: r.Title, Date: r.Date, Page: r.Figure.Page, Duplicate: r.Duplicate})
		return nil
	})
	c.cache[key] = cands
	return cands
}

func (c *storeCorpus) Mentions(doc, name string) bool {
	text, ok := c.texts[doc]
	if !ok {
		text, _ = c.st.Raw(c.ctx, doc)
		text = strings.NewReplacer(" ", "", "\n", "").Replace(text)
		c.texts[doc] = text
	}
	return strings.Contains(text, name)
}

// allCandidates lists every stored figure, for conflicts.
func (c *storeCorpus) allCandidates() []check.Candidate {
	var cands []check.Candidate
	c.st.Figures(c.ctx, store.FigureFilter{}, func(r store.FigureRow) error {
		cands = append(cands, check.Candidate{Figure: r.Figure, Title: r.Title, Date: r.Date, Page: r.Figure.Page, Duplicate: r.Duplicate})
		return nil
	})
	return cands
}

func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "check", "[--data DIR] [--json] [--file FILE|-] CLAIM...")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON verdict per claim")
	file := fs.String("file", "", "read claims from FILE, one per line (- for standard input)")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
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
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, claim := range claims {
		v := checkClaim(checker, x, claim)
		if *asJSON {
			if err := enc.Encode(v); err != nil {
				return err
			}
			continue
		}
		printVerdict(e.stdout, v)
	}
	return nil
}

// checkClaim reads a claim's figures with the corpus's extractor and
// judges them.
func checkClaim(c check.Checker, x *extract.Extractor, claim string) check.Verdict {
	doc := corpus.NewDocument("claim", []byte(claim))
	return c.Check(claim, x.Extract(doc))
}

func readClaims(e env, args []string, file string) ([]string, error) {
	claims := append([]string(nil), args...)
	if file == "" {
		return claims, nil
	}
	var r io.Reader = e.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("--file: %w", err)
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			claims = append(claims, line)
		}
	}
	return claims, sc.Err()
}

var verdictWords = map[string]string{
	check.Supported: "有据可查 supported", check.Contradicted: "与来源不符 contradicted",
	check.Conflicting: "来源不一致 conflicting", check.NotFound: "未找到 not_found",
}

func printVerdict(w io.Writer, v check.Verdict) {
	fmt.Fprintf(w, "%s\n  → %s: %s\n", v.Claim, verdictWords[v.Verdict], v.Explanation)
	for _, f := range v.Figures {
		fmt.Fprintf(w, "  %s  [%s]  %s %s %s\n", f.Text, f.Verdict, f.Metric, f.Subject, f.Period)
		for i, ev := range f.Evidence {
			if i == 5 {
				fmt.Fprintf(w, "      … %d more (--json for all)\n", len(f.Evidence)-5)
				break
			}
			mark := "✗"
			if ev.Agrees {
				mark = "✓"
			}
			fmt.Fprintf(w, "    %s %s [%d:%d] «%s» %s\n", mark, ev.Source, ev.Start, ev.End, oneLine(ev.Text), oneLine(ev.Sentence))
		}
	}
	fmt.Fprintln(w)
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
	conflicts := check.Conflicts(newStoreCorpus(ctx, st).allCandidates(), *minGap)
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
