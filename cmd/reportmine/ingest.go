package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reportmine/app"
	"runtime"
	"sort"
	"strings"
	"time"

	"reportmine/corpus/store"
	"reportmine/extract"
	"reportmine/ingest"
)

func runIngest(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "ingest", "[--data DIR] [--workers N] [--only-failed] [--meta FILE] [--max-bytes N] [--url-deadline D] [--ocr-lang L] [--ocr-workers N] [--no-ocr] [--dict F] [--aliases F] PATH|URL...")
	data := dataFlag(fs)
	metaFile := metaFlag(fs)
	maxBytes := maxBytesFlag(fs)
	workers := boundedInt(fs, "workers", runtime.NumCPU(), 1, 256, "documents read and extracted in parallel")
	onlyFailed := fs.Bool("only-failed", false, "retry just the sources that failed in the last run")
	newFetcher := fetcherFlags(fs, e)
	ocr := ocrFlags(fs, e)
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	defer forIngest()()
	if fs.NArg() == 0 && !*onlyFailed {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs at least one PATH or URL (or --only-failed)", errUsage)
	}
	ex, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	manifest, err := readManifest(*metaFile)
	if err != nil {
		return err
	}
	fetcher := newFetcher()
	fetcher.MaxBytes = *maxBytes // one bound for files and URLs
	reader := ingest.Reader{Stdin: e.stdin, MaxBytes: *maxBytes, Fetcher: fetcher, OCR: ocr()}
	sources := withoutFile(reader.Sources(fs.Args()), *metaFile)
	job := ingestRun{env: e, x: ex, opts: app.IngestOptions{Workers: *workers, Reader: reader, Manifest: manifest}}
	return job.start(ctx, *data, func(st *store.Store) ([]string, error) {
		if *onlyFailed {
			return st.LastFailures(ctx)
		}
		return sources, nil
	})
}

// ingestRun opens the workspace in data, ingests the sources that pick
// returns (it may ask the store, as --only-failed does) with a progress
// bar, prints the summary after heading, and reports failures as exit
// status 1.
type ingestRun struct {
	env     env
	x       *extract.Extractor
	opts    app.IngestOptions
	heading string
}

func (r ingestRun) start(ctx context.Context, data string, pick func(*store.Store) ([]string, error)) error {
	ws, err := app.Open(ctx, data, app.Options{Extractor: r.x})
	if err != nil {
		return err
	}
	defer ws.Close()
	sources, err := pick(ws.Store())
	if err != nil {
		return err
	}
	bar := newProgress(r.env.stderr, len(sources))
	r.opts.Progress = func(ev app.Event) {
		if ev.Status == store.StatusFailed {
			fmt.Fprintln(r.env.stderr, "reportmine:", ev.Reason)
		}
		for _, note := range ev.Notes {
			fmt.Fprintf(r.env.stderr, "reportmine: %s: %s\n", ev.Source, note)
		}
		bar.step(ev.Source, ev.Status)
	}
	sum, err := ws.Ingest(ctx, sources, r.opts)
	bar.finish()
	if err != nil && ctx.Err() != nil {
		fmt.Fprint(r.env.stdout, "interrupted; so far ")
		printSummary(r.env.stdout, sum, ws.Store().Path)
		return fmt.Errorf("ingest interrupted: what is stored stays stored; the same command again goes on from there (%w)", ctx.Err())
	}
	if err != nil {
		return err
	}
	if r.heading != "" {
		fmt.Fprintln(r.env.stdout, r.heading)
	}
	printSummary(r.env.stdout, sum, ws.Store().Path)
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

func printSummary(w io.Writer, s app.Summary, path string) {
	fmt.Fprintf(w, "ingested %d, unchanged %d, failed %d", s.Ingested, s.Unchanged, s.Failed)
	if s.Updated > 0 {
		fmt.Fprintf(w, ", updated %d (read again: corrected metadata or a newer extractor)", s.Updated)
	}
	if s.Skipped > 0 {
		fmt.Fprintf(w, ", skipped %d (not documents)", s.Skipped)
	}
	if s.Duplicates > 0 {
		fmt.Fprintf(w, "; %d near-duplicates of stored documents", s.Duplicates)
	}
	fmt.Fprintf(w, " → %s\n", path)
	reasons := make([]string, 0, len(s.Reasons))
	for r := range s.Reasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "  failed: %d × %s\n", s.Reasons[r], r)
	}
}

// progress reports a batch as it goes: a bar redrawn in place on a
// terminal, one plain line per source otherwise.
type progress struct {
	w       io.Writer
	tty     bool
	total   int
	done    int
	started time.Time
	last    time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, started: time.Now()}
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) step(source, status string) {
	p.done++
	if !p.tty {
		fmt.Fprintf(p.w, "%d/%d %s %s\n", p.done, p.total, status, source)
		return
	}
	if time.Since(p.last) < 100*time.Millisecond && p.done < p.total {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(p.started).Seconds()
	rate := float64(p.done) / max(elapsed, 1e-9)
	eta := time.Duration(float64(p.total-p.done)/max(rate, 1e-9)) * time.Second
	const width = 30
	filled := width * p.done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d  %.1f files/s  ETA %s ", strings.Repeat("#", filled), strings.Repeat(" ", width-filled),
		p.done, p.total, rate, eta.Round(time.Second))
}

func (p *progress) finish() {
	if p.tty && p.done > 0 {
		fmt.Fprintln(p.w)
	}
}

// maxBytesFlag is --max-bytes: the largest local source to read.
func maxBytesFlag(fs *flag.FlagSet) *int64 {
	return fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse a local file or standard input larger than this many bytes")
}

// metaFlag is --meta: a manifest of document metadata by source.
func metaFlag(fs *flag.FlagSet) *string {
	return fs.String("meta", "", "CSV or JSON Lines manifest with columns source,title,date,issuer,kind[,place]; its values win over the text's")
}

// readManifest reads the --meta manifest, or none.
func readManifest(path string) (*ingest.Manifest, error) {
	if path == "" {
		return nil, nil
	}
	return ingest.ReadManifest(path)
}

// withoutFile drops the manifest itself from the sources of a folder it
// lies in.
func withoutFile(sources []string, path string) []string {
	if path == "" {
		return sources
	}
	out := sources[:0:0]
	for _, s := range sources {
		if filepath.Clean(s) != filepath.Clean(path) {
			out = append(out, s)
		}
	}
	return out
}
