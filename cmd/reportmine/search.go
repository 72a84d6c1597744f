package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"reportmine/app"
	"reportmine/format"
	"runtime/debug"
	"sort"
	"strings"

	"reportmine/index"
)

func runSearch(ctx context.Context, e env, args []string) error {
	defer forQueries()()
	fs := newFlags(e, "search", "[--data DIR] [--json] [--limit N] [--offset N] [--sort score|date] [--facets year,source,…] QUERY...")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print {total, hits, facets} as JSON")
	limit := boundedInt(fs, "limit", 10, 1, 10000, "hits to show")
	offset := boundedInt(fs, "offset", 0, 0, 1_000_000, "hits to skip")
	sortBy := fs.String("sort", "score", "score or date (newest first)")
	facets := fs.String("facets", "", "comma-separated facets to count ("+strings.Join(index.Facets, ", ")+"), or all")
	noWait := noWaitFlag(fs)
	withQueryHelp(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: search needs a QUERY", errUsage)
	}
	if *sortBy != "score" && *sortBy != "date" {
		return fmt.Errorf("%w: --sort must be score or date, not %q", errUsage, *sortBy)
	}
	ws, err := app.Open(ctx, *data, readOptions(e, *noWait))
	if err != nil {
		return err
	}
	defer ws.Close()
	req := index.Request{Query: strings.Join(fs.Args(), " "), Limit: *limit, Offset: *offset, SortByDate: *sortBy == "date"}
	if *facets != "" {
		if req.Facets, err = index.ParseFacets(*facets); err != nil {
			return fmt.Errorf("%w: --facets: %v", errUsage, err)
		}
	}
	res, err := ws.Search(ctx, req)
	if errors.Is(err, app.ErrQuery) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	fmt.Fprintf(e.stdout, "%d sentences match\n", res.Total)
	for i, h := range res.Hits {
		page := ""
		if h.Page > 0 {
			page = fmt.Sprintf(" p.%d", h.Page)
		}
		fmt.Fprintf(e.stdout, "\n%d. %s  %s %s%s [%d:%d]\n   %s\n", *offset+i+1, h.Source, h.Title, h.Date, page, h.Start, h.End, mark(h.Sentence, h.Highlights))
		for _, f := range h.Figures {
			fmt.Fprintf(e.stdout, "   · %s %s %s %s %s\n", f.Kind, format.Number(f.Value), f.Unit, f.Metric, f.Subject)
		}
	}
	for name, counts := range res.Facets {
		fmt.Fprintf(e.stdout, "\n%s:", name)
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
		for _, k := range keys {
			fmt.Fprintf(e.stdout, " %s (%d)", k, counts[k])
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// mark brackets the highlighted spans of a sentence for the terminal.
func mark(s string, spans [][2]int) string {
	var sb strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last {
			continue
		}
		sb.WriteString(oneLine(s[last:sp[0]]))
		sb.WriteString("【" + oneLine(s[sp[0]:sp[1]]) + "】")
		last = sp[1]
	}
	sb.WriteString(oneLine(s[last:]))
	return sb.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// queryGCPercent is the garbage collector's target for a process that only
// queries: its heap is small beside the memory-mapped index, so the default
// (100) collects after every few queries. 400 cut the benchmark's median
// query time by a fifth (BenchmarkIndexAndQuery).
const queryGCPercent = 400

// forQueries tunes the process for answering queries, unless GOGC says
// otherwise; restore puts the previous setting back.
func forQueries() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(queryGCPercent)
	return func() { debug.SetGCPercent(prev) }
}

// forIngest bounds the memory of a process that ingests or reindexes
// (app.IngestMemoryLimit), unless GOMEMLIMIT says otherwise; restore
// puts the previous limit back.
func forIngest() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(app.IngestMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

func runReindex(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "reindex", "[--data DIR]")
	data := dataFlag(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	defer forIngest()()
	if err := app.Reindex(ctx, *data); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("reindex interrupted: the index is as it was (%w)", ctx.Err())
		}
		return err
	}
	fmt.Fprintln(e.stdout, "index rebuilt from the store")
	return nil
}

// queryHelp is the query language, for the help of the verbs that take a
// query.
const queryHelp = `
query language:
  总投资 增长              both, anywhere in the sentence (a run of Chinese is an exact phrase)
  "同比 下降"              the quoted words as one phrase
  高新区 OR 经开区          either
  开发区 -经开区            the first and not the second
  year:2024  year:2015..2020  source:临汾  place:太原市  issuer:…  title:招商
                           document filters
  kind:money  unit:CNY  metric:总投资  subject:晶科  period:上半年
                           figure filters (all of one query hold for the same figure)
  value>=100亿  value<5e9  value:100亿..1000亿  value:100亿..
                           figure values (万, 亿, 万亿 and 元 accepted; either end open)
  开放、发展  3-5  园区，     punctuation counts: any mark (or run of marks) where the query
                           has one; a mark at the end asks for one there

examples:
  reportmine search 国内生产总值 year:2010..2024 --sort date
  reportmine search 一般公共预算收入 value>=1000亿 --facets year,issuer
`

// withQueryHelp adds the query language to a flag set's usage.
func withQueryHelp(fs *flag.FlagSet) {
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		fmt.Fprint(fs.Output(), queryHelp)
	}
}

// noWaitFlag is --no-wait: fail when another process holds the index.
func noWaitFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("no-wait", false, "fail at once when another process (an ingest, a server) holds the index, instead of waiting for it")
}

// waiting says once on stderr that the command waits for the index
// another process holds; nil (fail at once) with --no-wait.
func waiting(e env, noWait bool) func() {
	if noWait {
		return nil
	}
	return func() {
		fmt.Fprintln(e.stderr, "reportmine: waiting for the index, which another process holds (an ingest or a server); Ctrl-C stops, --no-wait fails at once")
	}
}
