package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"reportmine/index"
)

// kwicLine is one keyword-in-context line.
type kwicLine struct {
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
	Source string `json:"source"`
	Doc    string `json:"doc"`
	Start  int    `json:"start"` // byte offset of the match in the document
	End    int    `json:"end"`
}

func runKWIC(ctx context.Context, e env, args []string) error {
	defer forQueries()()
	fs := newFlags(e, "kwic", "[--data DIR] [--width N] [--limit N] [--json|--format csv] QUERY...")
	data := dataFlag(fs)
	width := fs.Int("width", 20, "characters of context on each side")
	limit := fs.Int("limit", 100, "sentences to read")
	asJSON := fs.Bool("json", false, "JSON Lines output")
	format := fs.String("format", "text", "text or csv")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: kwic needs a QUERY", errUsage)
	}
	x, err := openIndex(ctx, *data)
	if err != nil {
		return err
	}
	defer x.Close()
	res, err := x.Search(ctx, index.Request{Query: strings.Join(fs.Args(), " "), Limit: *limit})
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var lines []kwicLine
	for _, h := range res.Hits {
		for _, sp := range h.Highlights {
			lines = append(lines, kwicLine{
				Left:  lastRunes(oneLine(h.Sentence[:sp[0]]), *width),
				Match: oneLine(h.Sentence[sp[0]:sp[1]]), Right: firstRunes(oneLine(h.Sentence[sp[1]:]), *width),
				Source: h.Source, Doc: h.Doc, Start: h.Start + sp[0], End: h.Start + sp[1],
			})
		}
	}
	switch {
	case *asJSON:
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, l := range lines {
			if err := enc.Encode(l); err != nil {
				return err
			}
		}
	case *format == "csv":
		w := csv.NewWriter(e.stdout)
		w.Write([]string{"left", "match", "right", "source", "doc", "start", "end"})
		for _, l := range lines {
			w.Write([]string{l.Left, l.Match, l.Right, l.Source, l.Doc, fmt.Sprint(l.Start), fmt.Sprint(l.End)})
		}
		w.Flush()
		return w.Error()
	default:
		for _, l := range lines {
			// Chinese characters are two columns wide: pad the left side by
			// display width so that the matches line up.
			pad := strings.Repeat(" ", max(0, 2**width-displayWidth(l.Left)))
			fmt.Fprintf(e.stdout, "%s%s 【%s】 %s   %s\n", pad, l.Left, l.Match, l.Right, l.Source)
		}
	}
	return nil
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if utf8.RuneLen(r) > 1 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
