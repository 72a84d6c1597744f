package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"reportmine/app"
	"reportmine/format"
)

func runKWIC(ctx context.Context, e env, args []string) error {
	defer forQueries()()
	fs := newFlags(e, "kwic", "[--data DIR] [--width N] [--limit N] [--json|--format csv] QUERY...")
	data := dataFlag(fs)
	width := boundedInt(fs, "width", 20, 1, 200, "characters of context on each side")
	limit := boundedInt(fs, "limit", 100, 1, 10000, "sentences to read")
	asJSON := fs.Bool("json", false, "JSON Lines output")
	formatName := fs.String("format", "text", "text or csv")
	noWait := noWaitFlag(fs)
	withQueryHelp(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: kwic needs a QUERY", errUsage)
	}
	if *formatName != "text" && *formatName != "csv" {
		return fmt.Errorf("%w: --format must be text or csv, not %q", errUsage, *formatName)
	}
	ws, err := app.Open(ctx, *data, readOptions(e, *noWait))
	if err != nil {
		return err
	}
	defer ws.Close()
	lines, err := ws.KWIC(ctx, strings.Join(fs.Args(), " "), *width, *limit)
	if errors.Is(err, app.ErrQuery) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if *asJSON || *formatName == "csv" {
		f := format.JSONL
		if !*asJSON {
			f = format.CSV
		}
		w := format.NewWriter(e.stdout, f, format.KWIC)
		for _, l := range lines {
			if err := w.Write(l); err != nil {
				return err
			}
		}
		return w.Close()
	}
	for _, l := range lines {
		// Chinese characters are two columns wide: pad the left side by
		// display width so that the matches line up.
		pad := strings.Repeat(" ", max(0, 2**width-displayWidth(l.Left)))
		fmt.Fprintf(e.stdout, "%s%s 【%s】 %s   %s\n", pad, l.Left, l.Match, l.Right, l.Source)
	}
	return nil
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
