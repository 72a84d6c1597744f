package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"reportmine/app"
	"strings"
	"time"

	"reportmine/check"
)

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
	opts := readOptions(e, false)
	opts.Extractor = x
	ws, err := app.Open(ctx, *data, opts)
	if err != nil {
		return err
	}
	defer ws.Close()
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	w := newVerdictWriter(out, *format, *excel)
	failed := false
	for _, claim := range claims {
		vs, err := ws.Check(ctx, []string{claim}, date)
		if err != nil {
			return err
		}
		v := vs[0]
		if err := w.Write(v); err != nil {
			return err
		}
		failed = failed || failing[v.Verdict]
	}
	if err := w.Close(); err != nil {
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

func runConflicts(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "conflicts", "[--data DIR] [--json] [--min-gap PCT]")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON conflict per line")
	minGap := boundedFloat(fs, "min-gap", 0, 0, 1e6, "report only disagreements of at least this many percent")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	ws, err := app.Open(ctx, *data, readOptions(e, false))
	if err != nil {
		return err
	}
	defer ws.Close()
	conflicts, err := ws.Conflicts(ctx, *minGap)
	if err != nil {
		return err
	}
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
