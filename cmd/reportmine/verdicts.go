package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"reportmine/check"
)

// readClaims reads claims from the arguments and from --file (one per
// line; # starts a comment). Lines of any length are read.
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
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			claims = append(claims, line)
		}
		if errors.Is(err, io.EOF) {
			return claims, nil
		}
		if err != nil {
			return nil, fmt.Errorf("--file %s: line %d: %w", file, n, err)
		}
	}
}

// verdictWriter renders verdicts as text, JSON Lines or a CSV table.
type verdictWriter interface {
	write(check.Verdict) error
	flush() error
}

func newVerdictWriter(w *bufio.Writer, format string, excel bool) verdictWriter {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return jsonVerdicts{enc}
	case "csv":
		if excel {
			w.WriteString("\ufeff")
		}
		return &csvVerdicts{w: csv.NewWriter(w)}
	}
	return textVerdicts{w}
}

type jsonVerdicts struct{ enc *json.Encoder }

func (j jsonVerdicts) write(v check.Verdict) error { return j.enc.Encode(v) }
func (j jsonVerdicts) flush() error                { return nil }

// verdictRow is one row of the verdict table: a claim's figure with its
// best evidence, cited.
type verdictRow struct {
	claim   check.Verdict
	figure  check.FigureVerdict
	best    check.Evidence
	hasBest bool
}

// verdictColumns drive both the header and every row of the CSV table.
var verdictColumns = columns[verdictRow]{
	{"claim", func(r verdictRow) string { return r.claim.Claim }},
	{"verdict", func(r verdictRow) string { return r.claim.Verdict }},
	{"figure", func(r verdictRow) string { return r.figure.Text }},
	{"figure_verdict", func(r verdictRow) string { return r.figure.Verdict }},
	{"explanation", func(r verdictRow) string { return r.figure.Explanation }},
	{"evidence_text", func(r verdictRow) string { return r.best.Text }},
	{"evidence_quote", func(r verdictRow) string { return r.best.Quote }},
	{"title", func(r verdictRow) string { return r.best.Title }},
	{"issuer", func(r verdictRow) string { return r.best.Issuer }},
	{"date", func(r verdictRow) string { return r.best.Date }},
	{"page", func(r verdictRow) string {
		if r.best.Page == 0 {
			return ""
		}
		return strconv.Itoa(r.best.Page)
	}},
	{"source", func(r verdictRow) string { return r.best.Source }},
	{"start", func(r verdictRow) string {
		if !r.hasBest {
			return ""
		}
		return strconv.Itoa(r.best.Start)
	}},
	{"end", func(r verdictRow) string {
		if !r.hasBest {
			return ""
		}
		return strconv.Itoa(r.best.End)
	}},
}

type csvVerdicts struct {
	w      *csv.Writer
	header bool
}

func (c *csvVerdicts) write(v check.Verdict) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(verdictColumns.names()); err != nil {
			return err
		}
	}
	rows := []verdictRow{{claim: v, figure: check.FigureVerdict{Explanation: v.Explanation}}}
	if len(v.Figures) > 0 {
		rows = rows[:0]
		for _, f := range v.Figures {
			r := verdictRow{claim: v, figure: f}
			if len(f.Evidence) > 0 {
				r.best, r.hasBest = f.Evidence[0], true
			}
			rows = append(rows, r)
		}
	}
	for _, r := range rows {
		if err := c.w.Write(verdictColumns.cells(r)); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvVerdicts) flush() error {
	c.w.Flush()
	return c.w.Error()
}

var verdictWords = map[string]string{
	check.Supported: "有据可查 supported", check.Contradicted: "与来源不符 contradicted",
	check.Conflicting: "来源不一致 conflicting", check.NotFound: "未找到 not_found",
}

type textVerdicts struct{ w io.Writer }

func (t textVerdicts) flush() error { return nil }

// write prints a verdict with its evidence grouped by document, each
// document cited (title, issuer, date) and each figure quoted as printed.
func (t textVerdicts) write(v check.Verdict) error {
	w := t.w
	fmt.Fprintf(w, "%s\n  → %s: %s\n", v.Claim, verdictWords[v.Verdict], v.Explanation)
	for _, f := range v.Figures {
		fmt.Fprintf(w, "  %s  [%s]  %s %s %s\n", f.Text, f.Verdict, f.Metric, f.Subject, f.Period)
		printEvidence(w, f.Evidence, 5, "")
		if len(f.Related) > 0 {
			fmt.Fprintf(w, "    related, not comparable:\n")
			printEvidence(w, f.Related, 3, "  ")
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

func printEvidence(w io.Writer, es []check.Evidence, limit int, indent string) {
	lastDoc := ""
	for i, ev := range es {
		if i == limit {
			fmt.Fprintf(w, "%s      … %d more (--format json for all)\n", indent, len(es)-limit)
			return
		}
		if ev.Doc != lastDoc {
			lastDoc = ev.Doc
			fmt.Fprintf(w, "%s    %s\n", indent, citation(ev))
		}
		mark := "✗"
		if ev.Agrees {
			mark = "✓"
		}
		page := ""
		if ev.Page > 0 {
			page = fmt.Sprintf(" 第%d页", ev.Page)
		}
		fmt.Fprintf(w, "%s      %s «%s»%s [%d:%d] %s\n", indent, mark, oneLine(ev.Text), page, ev.Start, ev.End, oneLine(ev.Quote))
		if indent != "" {
			fmt.Fprintf(w, "%s        %s\n", indent, ev.Explanation)
		}
	}
}

// citation names a document the way a journalist cites it: title,
// issuer, date, then the source.
func citation(ev check.Evidence) string {
	var parts []string
	for _, p := range []string{ev.Title, ev.Issuer, ev.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, ev.Source)
	return strings.Join(parts, " · ")
}
