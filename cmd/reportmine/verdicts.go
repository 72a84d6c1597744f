package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"reportmine/format"
	"strings"
	"unicode/utf8"

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
		if !utf8.ValidString(line) || strings.ContainsRune(line, 0) {
			// A binary file, or text in another encoding: its bytes
			// are no claims (save it as UTF-8).
			return nil, fmt.Errorf("--file %s: line %d is not UTF-8 text", claimsName(file), n)
		}
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

// claimsName names where claims are read from, for errors.
func claimsName(file string) string {
	if file == "-" {
		return "standard input"
	}
	return file
}

// verdictWriter renders verdicts as text, JSON Lines or a CSV table.
type verdictWriter interface {
	Write(check.Verdict) error
	Close() error
}

func newVerdictWriter(w *bufio.Writer, name string, excel bool) verdictWriter {
	switch name {
	case "json":
		return format.NewVerdictWriter(w, format.JSONL)
	case "csv":
		f, _ := format.Parse("csv", excel)
		return format.NewVerdictWriter(w, f)
	}
	return textVerdicts{w}
}

var verdictWords = map[string]string{
	check.Supported: "有据可查 supported", check.Contradicted: "与来源不符 contradicted",
	check.Conflicting: "来源不一致 conflicting", check.NotFound: "未找到 not_found",
}

type textVerdicts struct{ w io.Writer }

func (t textVerdicts) Close() error { return nil }

// write prints a verdict with its evidence grouped by document, each
// document cited (title, issuer, date) and each figure quoted as printed.
func (t textVerdicts) Write(v check.Verdict) error {
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
