package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
	"reportmine/index"
	"reportmine/ingest"
)

func runIngest(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "ingest", "[--data DIR] [--workers N] [--only-failed] [--meta FILE] [--dict F] [--aliases F] PATH|URL...")
	data := dataFlag(fs)
	metaFile := metaFlag(fs)
	workers := fs.Int("workers", runtime.NumCPU(), "documents read and extracted in parallel")
	onlyFailed := fs.Bool("only-failed", false, "retry just the sources that failed in the last run")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
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
	reader := ingest.Reader{Stdin: e.stdin}
	sources := withoutFile(reader.Sources(fs.Args()), *metaFile)
	job := &ingestJob{reader: reader, extractor: ex, env: e, manifest: manifest}
	return job.start(ctx, *data, func(st *store.Store) ([]string, error) {
		if *onlyFailed {
			return st.LastFailures(ctx)
		}
		return sources, nil
	}, max(1, *workers), "")
}

// start opens the store and the index in data, runs the job over the
// sources that pick returns (it may ask the store, as --only-failed does),
// prints the summary after heading, and reports failures as exit status 1.
func (j *ingestJob) start(ctx context.Context, data string, pick func(*store.Store) ([]string, error), workers int, heading string) error {
	st, err := store.Open(ctx, data)
	if err != nil {
		return err
	}
	defer st.Close()
	idx, err := openIndex(ctx, data) // brings the index up to date with the store first
	if err != nil {
		return err
	}
	defer idx.Close()
	sources, err := pick(st)
	if err != nil {
		return err
	}
	j.store, j.index, j.progress = st, idx, newProgress(j.env.stderr, len(sources))
	sum, err := j.run(ctx, sources, workers)
	if err != nil {
		return err
	}
	if heading != "" {
		fmt.Fprintln(j.env.stdout, heading)
	}
	sum.print(j.env.stdout, st.Path)
	if sum.failed > 0 {
		return errReported
	}
	return nil
}

// ingestJob reads, extracts and stores a batch of sources.
type ingestJob struct {
	store     *store.Store
	index     *index.Index
	reader    ingest.Reader
	extractor *extract.Extractor
	manifest  *ingest.Manifest
	env       env
	progress  *progress
	// fetched holds pages a crawl has already downloaded, by URL.
	fetched map[string]fetchedPage
	// toIndex collects stored documents for the next index batch, which
	// the indexer goroutine takes from indexQueue.
	toIndex    []index.Entry
	indexQueue chan []index.Entry
	indexDone  chan error
	// texts holds the texts of the batch being written, not yet in the
	// store, for near-duplicate comparison.
	texts map[string]string
}

type fetchedPage struct {
	body        []byte
	contentType string
}

// outcome is what a worker made of one source, for the single writer.
type outcome struct {
	source string
	entry  *store.Entry
	status string
	reason string
	doc    string
}

func (j *ingestJob) run(ctx context.Context, sources []string, workers int) (summary, error) {
	run, err := j.store.StartRun(ctx)
	if err != nil {
		return summary{}, err
	}
	prints, err := j.store.Fingerprints(ctx)
	if err != nil {
		return summary{}, err
	}
	j.texts = map[string]string{}
	todo := make(chan string)
	done := make(chan outcome)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range todo {
				done <- j.read(ctx, src)
			}
		}()
	}
	go func() {
		defer close(todo)
		for _, s := range sources {
			select {
			case todo <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	sum := summary{reasons: map[string]int{}}
	var writeErr error
	for o := range done {
		batch := []outcome{o}
	more: // take whatever else is ready, to write it in the same transaction
		for len(batch) < 64 {
			select {
			case next, ok := <-done:
				if !ok {
					break more
				}
				batch = append(batch, next)
			default:
				break more
			}
		}
		if writeErr == nil {
			writeErr = j.write(ctx, run, batch, &prints, &sum)
		}
	}
	j.progress.finish()
	if writeErr == nil {
		writeErr = j.flushIndex(ctx)
	}
	if err := j.waitIndex(); writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return sum, writeErr
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, j.store.FinishRun(ctx, run, sum.ingested, sum.unchanged, sum.failed)
}

// read runs in a worker: read the source, and extract unless the same text
// is already stored.
func (j *ingestJob) read(ctx context.Context, src string) outcome {
	var res ingest.Result
	if page, ok := j.fetched[src]; ok {
		res = j.reader.ReadBytes(ctx, src, page.body, page.contentType)
	} else {
		res = j.reader.Read(ctx, src)
	}
	if res.Skipped {
		return outcome{source: src, status: "skipped", reason: reasonOf(res.Err)}
	}
	if res.Err != nil {
		return outcome{source: src, status: store.StatusFailed, reason: res.Err.Error()}
	}
	doc, err := structure(res.Doc, j.manifest)
	if err != nil {
		return outcome{source: src, status: store.StatusFailed, reason: err.Error()}
	}
	status, replace := store.StatusIngested, false
	if have, err := j.store.HasDocument(ctx, doc.ID); err == nil && have {
		stored, err := j.store.Meta(ctx, doc.ID)
		if err != nil {
			return outcome{source: src, status: store.StatusFailed, reason: err.Error()}
		}
		if sameMeta(stored, doc.Meta) {
			return outcome{source: src, status: store.StatusUnchanged, doc: doc.ID}
		}
		// The same text with corrected metadata: frames depend on the
		// date and place, so it is read again and stored in its place.
		status, replace = store.StatusUpdated, true
	}
	figs, ents := j.extractor.ExtractAll(doc)
	entry := &store.Entry{Doc: doc, Figures: figs, Entities: ents, SimHash: corpus.SimHash(doc.Raw), Extractor: extract.DictionaryVersion, Replace: replace}
	return outcome{source: src, entry: entry, status: status, doc: doc.ID}
}

// write runs in the one writer: store a batch of documents in one
// transaction (each document whole) and record the outcomes.
func (j *ingestJob) write(ctx context.Context, run int64, batch []outcome, prints *[]store.Fingerprint, sum *summary) error {
	var entries []store.Entry
	j.texts = map[string]string{} // earlier batches are in the store by now
	for i := range batch {
		e := batch[i].entry
		if e == nil {
			continue
		}
		if !e.Replace {
			e.DuplicateOf = j.nearDuplicate(ctx, *e, *prints)
		}
		if e.DuplicateOf == "" && !e.Replace {
			*prints = append(*prints, store.Fingerprint{Doc: e.Doc.ID, SimHash: e.SimHash})
			j.texts[e.Doc.ID] = e.Doc.Raw
		}
		entries = append(entries, *e)
	}
	if len(entries) > 0 {
		if err := j.store.PutBatch(ctx, entries); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	if j.index != nil {
		for _, e := range entries {
			j.toIndex = append(j.toIndex, index.Entry{Doc: e.Doc, Figures: e.Figures, Entities: e.Entities})
		}
		if len(j.toIndex) >= indexBatch {
			if err := j.flushIndex(ctx); err != nil {
				return err
			}
		}
	}
	var recs []store.SourceRecord
	for _, o := range batch {
		switch o.status {
		case store.StatusIngested:
			sum.ingested++
			if o.entry.DuplicateOf != "" {
				sum.duplicates++
			}
		case store.StatusUnchanged:
			sum.unchanged++
		case store.StatusUpdated:
			sum.updated++
		case store.StatusFailed:
			sum.failed++
			sum.reasons[reasonOf(fmt.Errorf("%s", o.reason))]++
			fmt.Fprintln(j.env.stderr, "reportmine:", o.reason)
		default:
			sum.skipped++
		}
		j.progress.step(o.source, o.status)
		if o.status != "skipped" {
			recs = append(recs, store.SourceRecord{Source: o.source, Doc: o.doc, Status: o.status, Reason: o.reason})
		}
	}
	return j.store.RecordSources(ctx, run, recs)
}

// indexBatch is how many stored documents go into one index batch: the
// index writes a segment per batch, and many small segments cost more to
// merge than they save. Documents stored but not yet indexed when a run
// is killed are indexed by the next run (the store is the record).
const indexBatch = 50

// flushIndex hands the collected documents to the indexer goroutine, so
// that indexing runs beside extraction and storage.
func (j *ingestJob) flushIndex(ctx context.Context) error {
	if j.index == nil || len(j.toIndex) == 0 {
		return nil
	}
	if j.indexQueue == nil {
		j.indexQueue, j.indexDone = make(chan []index.Entry, 1), make(chan error, 1)
		go func() {
			var err error
			for batch := range j.indexQueue {
				if err == nil {
					err = j.index.AddAll(ctx, batch)
				}
			}
			j.indexDone <- err
		}()
	}
	j.indexQueue <- j.toIndex
	j.toIndex = nil
	return nil
}

// waitIndex waits for the indexer to finish what it was given.
func (j *ingestJob) waitIndex() error {
	if j.indexQueue == nil {
		return nil
	}
	close(j.indexQueue)
	if err := <-j.indexDone; err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// nearDuplicate finds a stored (or just stored) document that the entry
// republishes: a close fingerprint, then a full comparison of the texts.
func (j *ingestJob) nearDuplicate(ctx context.Context, e store.Entry, prints []store.Fingerprint) string {
	for _, p := range prints {
		if !corpus.MaybeDuplicate(p.SimHash, e.SimHash) {
			continue
		}
		other, ok := j.texts[p.Doc]
		if !ok {
			other, _ = j.store.Raw(ctx, p.Doc)
		}
		if corpus.Resemblance(e.Doc.Raw, other) >= corpus.NearDuplicateThreshold {
			return p.Doc
		}
	}
	return ""
}

// reasonOf is the kind of a failure, for the summary: the message without
// the file name and details (ingest a.txt: not UTF-8 text: … → not UTF-8 text).
func reasonOf(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "ingest ") || strings.HasPrefix(msg, "store ") {
		msg = msg[i+2:]
	}
	if i := strings.IndexAny(msg, ":("); i > 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}

type summary struct {
	ingested, updated, unchanged, failed, skipped, duplicates int
	reasons                                                   map[string]int
}

func (s summary) print(w io.Writer, path string) {
	fmt.Fprintf(w, "ingested %d, unchanged %d, failed %d", s.ingested, s.unchanged, s.failed)
	if s.updated > 0 {
		fmt.Fprintf(w, ", updated %d (metadata corrected)", s.updated)
	}
	if s.skipped > 0 {
		fmt.Fprintf(w, ", skipped %d (not documents)", s.skipped)
	}
	if s.duplicates > 0 {
		fmt.Fprintf(w, "; %d near-duplicates of stored documents", s.duplicates)
	}
	fmt.Fprintf(w, " → %s\n", path)
	reasons := make([]string, 0, len(s.reasons))
	for r := range s.reasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "  failed: %d × %s\n", s.reasons[r], r)
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

// structure reads what a document says about itself, then applies what
// its sidecar (NAME.meta.json) and the manifest say, which win.
func structure(doc corpus.Document, manifest *ingest.Manifest) (corpus.Document, error) {
	doc = ingest.Structurer{}.Structure(doc)
	if meta, ok, err := ingest.Sidecar(doc.Source); err != nil {
		return doc, err
	} else if ok {
		doc = ingest.ApplyMeta(doc, meta)
	}
	if meta, ok := manifest.Lookup(doc.Source); ok {
		doc = ingest.ApplyMeta(doc, meta)
	}
	return doc, nil
}

// sameMeta reports stored metadata that a new reading leaves as it is.
func sameMeta(a, b corpus.Meta) bool {
	return a.Title == b.Title && a.Date == b.Date && a.Issuer == b.Issuer && a.Kind == b.Kind && a.Place == b.Place
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
