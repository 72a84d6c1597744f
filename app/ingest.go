package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
	"reportmine/index"
	"reportmine/ingest"
)

// IngestOptions configure one ingest run.
type IngestOptions struct {
	// Workers read and extract documents in parallel (at least one).
	Workers int
	// Reader reads the sources: standard input, a fetcher and a site
	// profile for URLs.
	Reader ingest.Reader
	// Manifest is user-supplied metadata by source, which wins over the
	// text's (nil: none).
	Manifest *ingest.Manifest
	// Fetched are pages a crawl has already downloaded, by URL.
	Fetched map[string]Page
	// LargeDocument, when set, replaces the package's LargeDocument.
	LargeDocument int
	// Progress, when set, hears of every source as it is done, from the
	// one goroutine that writes.
	Progress func(Event)
}

// Page is a downloaded page.
type Page struct {
	Body        []byte
	ContentType string
}

// Event is one source done: ingested, updated, unchanged, failed (with
// its reason) or skipped (not a document).
type Event struct {
	Done, Total int
	Source      string
	Status      string
	Reason      string
	// Notes are what a reader should know about how the document was
	// read (a blank scanned page, a page OCR could not read).
	Notes []string
}

// Summary counts what a run did.
type Summary struct {
	Ingested, Updated, Unchanged, Failed, Skipped, Duplicates int
	// Reasons count the failures by kind of failure.
	Reasons map[string]int
}

// StatusSkipped marks a source that is not a document (an image, a
// sidecar); it is not recorded.
const StatusSkipped = "skipped"

// Ingest reads, extracts, stores and indexes sources, one run recorded in
// the store. A source that fails is recorded with its reason and the run
// goes on; the error is for what stops the run (the store, the index, a
// cancelled context).
func (w *Workspace) Ingest(ctx context.Context, sources []string, opts IngestOptions) (Summary, error) {
	if w.readOnly {
		return Summary{}, fmt.Errorf("ingest into %s: %w", w.Dir, ErrReadOnly)
	}
	x, err := w.Index(ctx) // brings the index up to date with the store first
	if err != nil {
		return Summary{}, err
	}
	index.PrepareWords() // while the first documents are read
	j := &ingestJob{store: w.store, index: x, extractor: w.x, opts: opts, total: len(sources)}
	if w.searches != nil {
		defer w.searches.clear() // the index changes
	}
	return j.run(ctx, sources, max(1, opts.Workers))
}

// ingestJob reads, extracts and stores a batch of sources: workers read
// and extract, one writer stores, an indexer indexes beside them.
type ingestJob struct {
	store     *store.Store
	index     *index.Index
	extractor *extract.Extractor
	opts      IngestOptions
	total     int
	done      int
	// feeder indexes stored documents in the background, beside
	// extraction and storage; nil until the first is stored, and again
	// after waitIndex.
	feeder *index.Feeder
	// texts holds the texts of the batch being written, not yet in the
	// store, for near-duplicate comparison.
	texts map[string]string
	// written are the documents this run has stored: the same text from
	// a second source in the same run (read by another worker before the
	// first was stored) is that document unchanged, not stored or indexed
	// again.
	written map[string]bool
	// unmarked records that the index's watermark is cleared, before
	// the first document marked stale (markStale).
	unmarked bool
	// shingles are recent documents' shingles, and sketches the
	// sketches of the fingerprints' documents (by index, read when first
	// compared), for the same comparison.
	shingles *lru[string, corpus.Shingles]
	sketches []corpus.Sketch
}

// outcome is what a worker made of one source, for the single writer.
type outcome struct {
	source string
	entry  *store.Entry
	status string
	reason string
	// kind is the failure's group in the summary (ReasonOf of its
	// error, read while the error is at hand).
	kind string
	doc  string
	// large marks a document longer than largeDocument, extracted when
	// it is written, window by window.
	large bool
}

// IngestMemoryLimit is the soft memory limit (Go's runtime/debug
// SetMemoryLimit) that ingest and reindex run under: their live heap is
// about 140–170 MB whatever the corpus (the word dictionary, 49
// MB, batches cut by size, long documents in windows; 250 MB with gse's
// whole dictionary), and the collector's default target of twice the
// live heap made peak RSS about 650 MB; under the limit it is about 390
// MB (anonymous memory, flat from 20 to 130 MB of text). The index's
// memory-mapped segments come on top, as page cache the kernel reclaims:
// 130–175 MB at 20 MB of text, where a limit of 400 MiB reached 600 MB in
// all for about 4 % less time than this one.
const IngestMemoryLimit = 360 << 20

// LargeDocument is the length above which a document is extracted,
// stored and indexed window by window instead of whole, unless
// IngestOptions say otherwise.
const LargeDocument = 4 << 20

func (j *ingestJob) largeDocument() int {
	if j.opts.LargeDocument > 0 {
		return j.opts.LargeDocument
	}
	return LargeDocument
}

func (j *ingestJob) run(ctx context.Context, sources []string, workers int) (Summary, error) {
	run, err := j.store.StartRun(ctx)
	if err != nil {
		return Summary{}, err
	}
	prints, err := j.store.Fingerprints(ctx)
	if err != nil {
		return Summary{}, err
	}
	j.texts, j.written = map[string]string{}, map[string]bool{}
	// A store that fails stops the workers too: what they would read and
	// extract could not be stored.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	todo := make(chan string)
	done := make(chan outcome)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range todo {
				done <- j.readSafely(ctx, src)
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
	sum := Summary{Reasons: map[string]int{}}
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
			if writeErr = j.write(ctx, run, batch, &prints, &sum); writeErr != nil {
				stop()
			}
		}
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
	// Everything stored is indexed: the index reflects the store as it
	// is now (this process alone writes both while it holds the index).
	gen, err := j.store.Generation(ctx)
	if err == nil {
		err = j.index.SetWatermark(gen)
	}
	if err != nil {
		return sum, err
	}
	return sum, j.store.FinishRun(ctx, run, sum.Ingested, sum.Unchanged, sum.Failed)
}

// readSafely is read with a panic (a malformed file tripping a parser or
// the extractor) made that source's failure: one file neither stops the
// run nor, in serve, the server that took it as an upload.
func (j *ingestJob) readSafely(ctx context.Context, src string) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = failure(src, fmt.Errorf("ingest %s: %w", src, internalError("reading it", r)))
		}
	}()
	return j.read(ctx, src)
}

// read runs in a worker: read the source, and extract unless the same text
// is already stored.
func (j *ingestJob) read(ctx context.Context, src string) outcome {
	var res ingest.Result
	if page, ok := j.opts.Fetched[src]; ok {
		res = j.opts.Reader.ReadBytes(ctx, src, page.Body, page.ContentType)
	} else {
		res = j.opts.Reader.Read(ctx, src)
	}
	if res.Skipped {
		return outcome{source: src, status: StatusSkipped, reason: ReasonOf(res.Err)}
	}
	if res.Err != nil {
		return failure(src, res.Err)
	}
	doc, err := Structure(res.Doc, j.opts.Manifest)
	if err != nil {
		return failure(src, err)
	}
	status, replace := store.StatusIngested, false
	have, err := j.store.HasDocument(ctx, doc.ID)
	if err != nil {
		return failure(src, fmt.Errorf("store %s: %w", src, err))
	}
	if have {
		stored, err := j.store.Meta(ctx, doc.ID)
		if err != nil {
			return failure(src, err)
		}
		read, err := j.store.Extractor(ctx, doc.ID)
		if err != nil {
			return failure(src, err)
		}
		if sameMeta(stored, doc.Meta) && read == j.extractor.Version() {
			return outcome{source: src, status: store.StatusUnchanged, doc: doc.ID}
		}
		// The same text with corrected metadata (frames depend on the date
		// and place), or stored by another extractor: it is read again
		// and stored in its place.
		status, replace = store.StatusUpdated, true
	}
	entry := &store.Entry{Doc: doc, SimHash: corpus.SimHash(doc.Raw), Extractor: j.extractor.Version(), Replace: replace}
	if len(doc.Raw) > j.largeDocument() {
		// Read window by window when it is written (putLarge): its
		// figures are never all in memory.
		return outcome{source: src, entry: entry, status: status, doc: doc.ID, large: true}
	}
	x := j.extractor.ExtractFull(doc)
	entry.Doc.Notes = append(entry.Doc.Notes, x.Notes...)
	entry.Figures, entry.Entities = x.Figures, x.Entities
	return outcome{source: src, entry: entry, status: status, doc: doc.ID}
}

// write runs in the one writer: store a batch of documents in one
// transaction (each document whole) and record the outcomes.
func (j *ingestJob) write(ctx context.Context, run int64, batch []outcome, prints *[]store.Fingerprint, sum *Summary) error {
	var entries, large []store.Entry
	j.texts = map[string]string{} // earlier batches are in the store by now
	for i := range batch {
		e := batch[i].entry
		if e == nil {
			continue
		}
		if j.written[e.Doc.ID] {
			// Its text came from another source earlier in this run.
			batch[i].status, batch[i].entry = store.StatusUnchanged, nil
			continue
		}
		j.written[e.Doc.ID] = true
		if batch[i].large {
			if !e.Replace {
				e.DuplicateOf = j.nearDuplicate(ctx, *e, *prints)
			}
			if e.DuplicateOf == "" && !e.Replace {
				*prints = append(*prints, store.Fingerprint{Doc: e.Doc.ID, SimHash: e.SimHash})
			}
			large = append(large, *e)
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
	if err := j.markStale(append(entries, large...)); err != nil {
		return err
	}
	if len(entries) > 0 {
		if err := j.store.PutBatch(ctx, entries); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	for _, e := range entries {
		if err := j.toIndex(ctx, index.Entry{Doc: e.Doc, Figures: e.Figures, Entities: e.Entities}); err != nil {
			return err
		}
	}
	for _, e := range large {
		if err := j.putLarge(ctx, e); err != nil {
			return err
		}
	}
	var recs []store.SourceRecord
	for _, o := range batch {
		switch o.status {
		case store.StatusIngested:
			sum.Ingested++
			if o.entry.DuplicateOf != "" {
				sum.Duplicates++
			}
		case store.StatusUnchanged:
			sum.Unchanged++
		case store.StatusUpdated:
			sum.Updated++
		case store.StatusFailed:
			sum.Failed++
			sum.Reasons[o.kind]++
		default:
			sum.Skipped++
		}
		j.done++
		if j.opts.Progress != nil {
			ev := Event{Done: j.done, Total: j.total, Source: o.source, Status: o.status, Reason: o.reason}
			if o.entry != nil {
				ev.Notes = o.entry.Doc.Notes
			}
			j.opts.Progress(ev)
		}
		if o.status != StatusSkipped {
			recs = append(recs, store.SourceRecord{Source: o.source, Doc: o.doc, Status: o.status, Reason: o.reason})
		}
	}
	if err := j.store.RecordSources(ctx, run, recs); err != nil {
		return fmt.Errorf("store: recording the run's sources: %w", err)
	}
	return nil
}

// toIndex hands a stored document to the indexer. Documents stored but
// not yet indexed when a run is killed are indexed by the next run (the
// store is the record; see catchUp), a document stored again with new
// metadata too (markStale).
func (j *ingestJob) toIndex(ctx context.Context, e index.Entry) error {
	if j.feeder == nil {
		j.feeder = j.index.Feeder(ctx)
	}
	if err := j.feeder.Add(e); err != nil {
		if werr := j.waitIndex(); werr != nil {
			return werr // the indexer's failure, which stopped the feeder
		}
		return err
	}
	return nil
}

// markStale records the documents that entries store again with new
// metadata as not indexed, before the store has them: a run killed
// before they are indexed again leaves them to the next run's catch-up,
// which indexes them with the metadata the store then holds. The indexer
// finishes what it was given first, for it may hold one of them.
func (j *ingestJob) markStale(entries []store.Entry) error {
	var docs []corpus.Document
	for _, e := range entries {
		if e.Replace {
			docs = append(docs, e.Doc)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	if err := j.waitIndex(); err != nil {
		return err
	}
	// The index now runs ahead of the store, which may yet fail to
	// store them: the next opening must compare the two.
	if !j.unmarked {
		if err := j.index.ClearWatermark(); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		j.unmarked = true
	}
	if err := j.index.MarkStale(docs); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// waitIndex waits for the indexer to finish what it was given; the next
// toIndex starts another.
func (j *ingestJob) waitIndex() error {
	if j.feeder == nil {
		return nil
	}
	err := j.feeder.Wait()
	j.feeder = nil
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// putLarge stores and indexes a long document window by window: its
// figures and names go into the store in one transaction as each window
// is read, then each window is read again and indexed (extraction costs
// a twentieth of indexing; holding a 50 MB document's figures cost
// gigabytes). The document is marked indexed once every window is in.
func (j *ingestJob) putLarge(ctx context.Context, e store.Entry) error {
	if err := j.waitIndex(); err != nil { // one writer of the index at a time
		return err
	}
	err := j.store.PutStream(ctx, e, func(put func([]corpus.Figure, []corpus.Entity, []string) error) error {
		return j.extractWindows(e.Doc, func(_ corpus.Span, x extract.Extraction) error {
			return put(x.Figures, x.Entities, x.Notes)
		})
	})
	if err != nil {
		return fmt.Errorf("store %s: %w", e.Doc.Source, err)
	}
	err = j.extractWindows(e.Doc, func(w corpus.Span, x extract.Extraction) error {
		return j.index.AddAll(ctx, []index.Entry{{Doc: e.Doc, Figures: x.Figures, Entities: x.Entities, Window: &w}})
	})
	if err == nil {
		err = j.index.MarkIndexed([]corpus.Document{e.Doc})
	}
	if err != nil {
		return fmt.Errorf("index %s: %w", e.Doc.Source, err)
	}
	return nil
}

// extractWindows is the extractor's ExtractWindows with a panic made an
// error: it runs in the one writer, whose panic would end the process.
func (j *ingestJob) extractWindows(doc corpus.Document, fn func(corpus.Span, extract.Extraction) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = internalError("extracting", r)
		}
	}()
	return j.extractor.ExtractWindows(doc, fn)
}

// internalError is a recovered panic r as an error: a fault of
// reportmine's while doing what, which a reader should report.
func internalError(what string, r any) error {
	return fmt.Errorf("internal error while %s (please report it): %v", what, r)
}

// nearDuplicate finds a stored (or just stored) document that the entry
// republishes: a close fingerprint, then a full comparison of the texts.
func (j *ingestJob) nearDuplicate(ctx context.Context, e store.Entry, prints []store.Fingerprint) string {
	var mine corpus.Shingles // read once, only when a fingerprint is close
	var sketch corpus.Sketch
	for i, p := range prints {
		if !corpus.MaybeDuplicate(p.SimHash, e.SimHash) {
			continue
		}
		if mine == nil {
			mine = corpus.NewShingles(e.Doc.Raw)
			sketch = mine.Sketch()
		}
		// Reports of one template have close fingerprints: a sketch
		// rules most of them out in at most 64 steps, and only likely
		// republications are compared in full.
		if !sketch.ResemblesAtLeast(j.sketchOf(ctx, i, p.Doc), sketchThreshold) {
			continue
		}
		if mine.Resemblance(j.shinglesOf(ctx, p.Doc)) >= corpus.NearDuplicateThreshold &&
			!corpus.NumbersDiffer(e.Doc.Raw, j.textOf(ctx, p.Doc)) {
			// A figure changed makes another edition, whose figures
			// conflicts and series must see, not a republication.
			return p.Doc
		}
	}
	return ""
}

// sketchThreshold is the estimated resemblance below which two documents
// are not compared in full: well under NearDuplicateThreshold, for the
// estimate errs by about 0.1.
const sketchThreshold = 0.6

// sketchOf is the sketch of the i-th fingerprint's document (doc), kept
// for the whole run beside the fingerprints: 512 bytes a document, read
// without a look-up, for a document is compared with every earlier one
// of close fingerprint.
func (j *ingestJob) sketchOf(ctx context.Context, i int, doc string) corpus.Sketch {
	if i < len(j.sketches) && j.sketches[i] != nil {
		return j.sketches[i]
	}
	for len(j.sketches) <= i {
		j.sketches = append(j.sketches, nil)
	}
	s := j.shinglesOf(ctx, doc).Sketch()
	if s == nil {
		// Kept empty, not read again: a text without letters, or one
		// the store could not give back (shinglesOf reads it as
		// empty, so it is never found a duplicate source).
		s = corpus.Sketch{}
	}
	j.sketches[i] = s
	return s
}

// shinglesOf are a stored (or just stored) document's shingles, for the
// few comparisons in full.
func (j *ingestJob) shinglesOf(ctx context.Context, doc string) corpus.Shingles {
	if j.shingles == nil {
		j.shingles = newLRU[string, corpus.Shingles](shingleCache)
	}
	if s, ok := j.shingles.get(doc); ok {
		return s
	}
	s := corpus.NewShingles(j.textOf(ctx, doc))
	j.shingles.put(doc, s)
	return s
}

// textOf is a document's text: from this run's batch, or from the store
// ("" when it cannot give it back).
func (j *ingestJob) textOf(ctx context.Context, doc string) string {
	if text, ok := j.texts[doc]; ok {
		return text
	}
	text, _ := j.store.Raw(ctx, doc)
	return text
}

// shingleCache is how many documents' shingles an ingest keeps: about
// 40 KB for a report of 10 KB.
const shingleCache = 512

// failure is the outcome of a source that failed with err.
func failure(src string, err error) outcome {
	return outcome{source: src, status: store.StatusFailed, reason: err.Error(), kind: ReasonOf(err)}
}

// ReasonOf is the kind of a failure, for a summary: the message without
// the file name and details (ingest a.txt: not UTF-8 text: … → not UTF-8
// text), or the system's error that it wraps (no such file or directory,
// connection refused), so that failures of one kind make one group.
func ReasonOf(err error) string {
	if err == nil {
		return ""
	}
	if errno := syscall.Errno(0); errors.As(err, &errno) {
		return errno.Error() // under a path or an address, which differ
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

// ReadDocuments reads every source the paths name and hands each
// document, its structure read (Structure), to fn; a source that cannot
// be read goes to fail and the rest go on. It stores nothing: it is the
// pipeline of docs.
func ReadDocuments(ctx context.Context, r ingest.Reader, paths []string, manifest *ingest.Manifest, fn func(corpus.Document) error, fail func(error)) error {
	return MapDocuments(ctx, r, paths, manifest, 1,
		func(corpus.Document) struct{} { return struct{}{} },
		func(doc corpus.Document, _ struct{}) error { return fn(doc) }, fail)
}

// MapDocuments is ReadDocuments with work done on each document by
// workers at once (reading it too: a PDF's conversion, OCR), while fn and
// fail are called in the sources' order, one at a time, as one worker
// would: extract, entities and eval use every core and write what they
// wrote before. At most twice workers documents are in hand at once.
func MapDocuments[T any](ctx context.Context, r ingest.Reader, paths []string, manifest *ingest.Manifest, workers int,
	work func(corpus.Document) T, fn func(corpus.Document, T) error, fail func(error)) error {
	named := map[string]bool{} // a file named, not found in a folder
	for _, p := range paths {
		named[p] = true
	}
	ctx, cancel := context.WithCancel(ctx)
	type job struct {
		src string
		out chan mapped[T]
	}
	jobs := make(chan job)
	order := make(chan chan mapped[T], 2*max(workers, 1)) // in the sources' order
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- readAndWork(ctx, r, j.src, named[j.src], manifest, work)
			}
		}()
	}
	go func() {
		defer func() { close(jobs); close(order) }()
		for _, src := range r.Sources(paths) {
			out := make(chan mapped[T], 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{src, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() { cancel(); wg.Wait() }() // cancelled first, so that nothing waits on the reader that left
	for out := range order {
		var d mapped[T]
		select {
		case d = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			return err // not a source's failure
		}
		switch {
		case d.skip:
		case d.err != nil:
			fail(d.err)
		default:
			if err := fn(d.doc, d.val); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// mapped is what MapDocuments made of one source.
type mapped[T any] struct {
	doc  corpus.Document
	val  T
	err  error // the source failed
	skip bool  // not a document, and not asked for by name
}

// readAndWork reads and structures one source and runs work on it, for
// MapDocuments.
func readAndWork[T any](ctx context.Context, r ingest.Reader, src string, named bool, manifest *ingest.Manifest, work func(corpus.Document) T) (d mapped[T]) {
	defer func() {
		// A fault in reading or extracting one document fails that
		// document, named, and not the batch (as ingest's readSafely).
		if v := recover(); v != nil {
			d = mapped[T]{err: fmt.Errorf("%s: %w", src, internalError("reading it", v))}
		}
	}()
	if err := ctx.Err(); err != nil {
		d.err = err
		return d
	}
	res := r.Read(ctx, src)
	switch {
	case res.Skipped && !named:
		d.skip = true
	case res.Err != nil: // a file asked for by name says why nothing came of it
		d.err = res.Err
	default:
		if d.doc, d.err = Structure(res.Doc, manifest); d.err == nil {
			d.val = work(d.doc)
		}
	}
	return d
}

// Structure reads what a document says about itself, then applies what
// its sidecar (NAME.meta.json) and the manifest say, which win.
func Structure(doc corpus.Document, manifest *ingest.Manifest) (corpus.Document, error) {
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
