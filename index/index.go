package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"

	"reportmine/corpus"
)

// DirName is the index's folder inside the data directory.
const DirName = "index.bleve"

// Version names the analyzer, mapping and dictionaries; an index built by
// another version must be rebuilt (reportmine reindex).
func Version() string {
	v := "reportmine-index/26 " + WordsDictionary
	if vocabulary.digest != "" {
		v += "+vocabulary-" + vocabulary.digest
	}
	return v
}

const versionKey = "reportmine_version"

// ErrVersion is returned for an index built by another version.
var ErrVersion = errors.New("the index was built by another version: run reportmine reindex")

// Index is an open sentence index: one bleve index per shard, each
// document wholly in one shard, searched together (gather: the
// scatter-gather a larger deployment would spread over machines; bleve's
// alias for the documents' records).
// Shards let a batch be analysed and written on every core at once.
type Index struct {
	shards []bleve.Index
	b      bleve.Index // the shards as one: an alias, or the only shard
	meta   metaCache
	// lags is set (Lags) for an index that lags behind its store and
	// may hold sentences of documents it has not recorded.
	lags atomic.Bool
}

// Lags tells the index that it lags behind the store (a run cut short):
// it may hold sentences of documents whose records were never written,
// which its searches then leave out, from hits, totals and facets alike.
func (x *Index) Lags() { x.lags.Store(true) }

// newIndex joins shards; the first one holds the index's own records
// (version, watermark).
func newIndex(shards []bleve.Index) *Index {
	x := &Index{shards: shards, b: shards[0]}
	if len(shards) > 1 {
		x.b = bleve.NewIndexAlias(shards...)
	}
	return x
}

// shardOf is the shard that holds a document.
func (x *Index) shardOf(doc string) int {
	h := fnv.New32a()
	h.Write([]byte(doc))
	return int(h.Sum32() % uint32(len(x.shards)))
}

// Shards is how many shards a new index gets: one per core, up to 8.
func defaultShards() int { return min(max(runtime.NumCPU(), 1), 8) }

func shardPath(dir string, i int) string { return filepath.Join(dir, "shard-"+strconv.Itoa(i)) }

// ErrBusy is the error for an index that another process holds open.
var ErrBusy = errors.New("in use by another reportmine process (a running serve, ingest or reindex); let it finish or stop it, or use another --data directory")

// lockWait is how long Open waits for another process to let go of the
// index.
const lockWait = 2 * time.Second

// isLockTimeout reports bolt's timeout waiting for another process's lock.
func isLockTimeout(err error) bool { return strings.Contains(err.Error(), "timeout") }

// Open opens the index under dataDir for writing, creating it (one shard
// per core) when missing.
func Open(dataDir string) (*Index, error) {
	path := filepath.Join(dataDir, DirName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		moved, err := finishSwap(path)
		if err != nil {
			return nil, err
		}
		if !moved {
			return createWith(path, defaultShards(), writeMerges())
		}
	}
	return openShardsWith(path, false, writeMerges())
}

// finishSwap completes a rebuild stopped between moving the old index
// aside and moving the new one in (swap): the new index at path.new is
// whole when it records a watermark, which a rebuild writes last. It is
// moved into place rather than rebuilt again from the store; moved
// reports that it was.
func finishSwap(path string) (moved bool, err error) {
	fresh := path + ".new"
	if _, err := os.Stat(fresh); err != nil {
		return false, nil
	}
	x, err := openShards(fresh, true)
	if err != nil {
		return false, nil // unreadable: the store rebuilds it
	}
	_, whole := x.Watermark()
	if err := x.Close(); err != nil || !whole {
		return false, nil
	}
	if err := os.Rename(fresh, path); err != nil {
		return false, fmt.Errorf("index: moving in the index a rebuild left in %s: %w", fresh, err)
	}
	return true, os.RemoveAll(path + ".old")
}

// createWith makes a new, empty index of n shards at path and opens it
// again with the merge planner's options merges, which creation would
// save in the index for every later opening. Another process may take
// the index in between: the opening then waits for it or says it is
// busy.
func createWith(path string, n int, merges map[string]any) (*Index, error) {
	x, err := create(path, n)
	if err != nil {
		return nil, err
	}
	if err := x.Close(); err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return openShardsWith(path, false, merges)
}

// floorSegment is the merge planner's smallest segment, in sentences:
// about what one batch of batchBytes holds. The planner starts the
// tiers by which it budgets the segments an index may keep at this size:
// from bleve's default, 2000, it allowed an index of batches of 500
// sentences few segments and merged the same sentences again and again
// (TestWriteMergesMergeLess; 12 % of ingest time on 11.8 MB of reports).
const floorSegment = batchBytes / 128

// writeMerges are the merge planner's options while an ingest writes:
// tiers of 20 segments, merged 20 at a time, each tier 20 times the one
// below, from segments of floorSegment sentences. With bleve's tiers of
// 10, a sentence was rewritten by merges about once more at 20 MB, and
// merges were a quarter of ingest CPU on report text: tiers of 20 made
// ingest 9-12 % faster and its peak memory at 20 MB 40-80 MB lower. The
// tiers still bound the segments a search opens: at most 49 per shard in
// the planner's model (33 with bleve's tiers; TestWriteMergesMergeLess),
// 15-26 measured after ingesting 23.7 MB (16-21).
func writeMerges() map[string]any { return tieredMerges(20) }

// tieredMerges are merge options with tiers of n segments, merged n at a
// time, each tier n times the one below, from floorSegment.
func tieredMerges(n int) map[string]any {
	return map[string]any{"MaxSegmentsPerTier": n, "SegmentsPerMergeTask": n, "TierGrowth": float64(n), "FloorSegmentSize": floorSegment}
}

// ErrNoIndex is the error for a data directory without a search index.
var ErrNoIndex = errors.New("no search index; run reportmine reindex")

// OpenReadOnly opens the existing index under dataDir for reading only:
// nothing is created or changed (read-only media, a full disk), and any
// number of readers share it, while a writer waits for them.
func OpenReadOnly(dataDir string) (*Index, error) {
	path := filepath.Join(dataDir, DirName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("index %s: %w", path, ErrNoIndex)
	}
	return openShards(path, true)
}

// create makes a new, empty index of n shards at path.
func create(path string, n int) (*Index, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	var shards []bleve.Index
	for i := range n {
		// No configuration here: bleve writes what it is given into the
		// shard's index_meta.json, and every later opening would use it.
		b, err := bleve.NewUsing(shardPath(path, i), newMapping(), scorch.Name, scorch.Name, nil)
		if err == nil {
			if err = b.SetInternal([]byte(versionKey), []byte(Version())); err == nil && i == 0 {
				err = b.SetInternal([]byte(shardsKey), []byte(strconv.Itoa(n)))
			}
			if err != nil {
				b.Close()
			}
		}
		if err != nil {
			// bleve returns a nil index of its own type with an error,
			// which is not a nil interface: only an index that opened is
			// closed.
			closeAll(shards)
			return nil, fmt.Errorf("index %s: %w", path, err)
		}
		shards = append(shards, b)
	}
	return newIndex(shards), nil
}

// openShards opens every shard of the index at path. One process at a
// time holds an index; another waits lockWait for it and then says so,
// instead of waiting for ever.
func openShards(path string, readOnly bool) (*Index, error) {
	return openShardsWith(path, readOnly, nil)
}

// openShardsWith opens the shards with scorch's merge planner options
// merges (nil: bleve's defaults), for as long as this process holds
// them: options given when opening are not saved with the index.
func openShardsWith(path string, readOnly bool, merges map[string]any) (*Index, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err == nil {
		return nil, fmt.Errorf("index %s: %w", path, ErrVersion) // one unsharded index: an older version
	}
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("index %s: not a directory", path)
	}
	n := 0
	for {
		_, err := os.Stat(shardPath(path, n))
		if errors.Is(err, os.ErrNotExist) {
			break
		}
		if err != nil { // not a directory, unreadable: no count of shards
			return nil, fmt.Errorf("index %s: %w", path, err)
		}
		n++
	}
	if n == 0 {
		return nil, fmt.Errorf("index %s: %w", path, ErrVersion)
	}
	// Opening a shard reads its segments' structures: shards open at once.
	shards := make([]bleve.Index, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			config := map[string]any{"bolt_timeout": lockWait.String()}
			if readOnly {
				config["read_only"] = true
			}
			if merges != nil {
				config["scorchMergePlanOptions"] = merges
			}
			shards[i], errs[i] = bleve.OpenUsing(shardPath(path, i), config)
		}()
	}
	wg.Wait()
	var opened []bleve.Index
	var failed error
	failedShard := 0
	for i, b := range shards {
		if errs[i] != nil {
			if failed == nil || isLockTimeout(errs[i]) {
				failed, failedShard = errs[i], i
			}
			continue
		}
		opened = append(opened, b)
	}
	if failed != nil {
		closeAll(opened)
		if isLockTimeout(failed) {
			return nil, fmt.Errorf("index %s: %w", path, ErrBusy)
		}
		return nil, fmt.Errorf("index %s: %s: %v: %w", path, filepath.Base(shardPath(path, failedShard)), failed, ErrDamaged)
	}
	v, err := shards[0].GetInternal([]byte(versionKey))
	if err != nil || string(v) != Version() {
		closeAll(shards)
		return nil, fmt.Errorf("index %s: %w", path, ErrVersion)
	}
	// A shard that is gone would leave its share of every answer out,
	// silently. Indexes made before the count was recorded have none.
	if want, err := shards[0].GetInternal([]byte(shardsKey)); err == nil && len(want) > 0 && string(want) != strconv.Itoa(n) {
		closeAll(shards)
		return nil, fmt.Errorf("index %s: %w: %s shards made, %d there", path, ErrIncomplete, want, n)
	}
	return newIndex(shards), nil
}

// shardsKey records, in the first shard, how many shards the index was
// made with.
const shardsKey = "reportmine_shards"

// ErrDamaged is the error for an index a shard of which cannot be opened
// (a file where its folder should be, its metadata lost or corrupt).
var ErrDamaged = errors.New("the index is damaged: run reportmine reindex to rebuild it from the store")

// ErrIncomplete is the error for an index that lacks some of its shards.
var ErrIncomplete = errors.New("the index has lost shards: run reportmine reindex")

func closeAll(shards []bleve.Index) error {
	var first error
	for _, b := range shards {
		if err := b.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// OpenMem opens an index held in memory, for tests and one-off runs.
func OpenMem() (*Index, error) {
	// scorch with no path keeps its segments in memory; the older in-memory
	// index type cannot hold nested documents.
	b, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	return newIndex([]bleve.Index{b}), nil
}

// Close closes the index.
func (x *Index) Close() error { return closeAll(x.shards) }

// Compact merges the index's segments into one. Indexing in batches leaves
// a dozen segments, and every query walks each of them; after a bulk load
// (reindex, a large ingest) one segment makes queries markedly faster.
func (x *Index) Compact(ctx context.Context) error {
	return eachShard(x.shards, func(_ int, b bleve.Index) error { return compact(ctx, b) })
}

// eachShard runs fn on every shard at once and returns the first error.
func eachShard(shards []bleve.Index, fn func(i int, b bleve.Index) error) error {
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, b := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(i, b)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// finalMerge merges up to 64 segments in one task, not bleve's 10: the
// dozens of segments a rebuild leaves (bulkMerges) become one in one
// pass or two, not in passes that write the largest again each time.
var finalMerge = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 64
	return o
}()

func compact(ctx context.Context, b bleve.Index) error {
	adv, err := b.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil // nothing to merge in this index type
	}
	// A batch still in memory when a merge starts is persisted after it,
	// as a segment of its own: wait for the persister and merge again
	// until one segment holds everything.
	for range 200 {
		stats := s.StatsMap()
		inMemory, _ := stats["num_root_memorysegments"].(uint64)
		onDisk, _ := stats["num_root_filesegments"].(uint64)
		switch {
		case inMemory == 0 && onDisk <= 1:
			return awaitCleanup(ctx, s)
		case inMemory > 0:
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
			continue
		}
		if err := s.ForceMerge(ctx, &finalMerge); err != nil {
			return fmt.Errorf("compact index: %w", err)
		}
	}
	return fmt.Errorf("compact index: segments kept appearing")
}

// awaitCleanup waits, a minute at most, until scorch has deleted the
// files of the segments a merge replaced. Its persister does so when it
// next waits for work, some tens of milliseconds after the merge, or,
// if it looked too early, only after the next change: so every 200 ms
// without progress the wait makes one (an internal key rewritten).
// Closed before the cleanup, a rebuilt index of 200 MB of text had been
// left on disk at 10× the text instead of 6.5×.
func awaitCleanup(ctx context.Context, s *scorch.Scorch) error {
	start := time.Now()
	for nudged := start; time.Since(start) < time.Minute; {
		stats := s.StatsMap()
		files, _ := stats["CurOnDiskFiles"].(uint64)
		segments, _ := stats["num_root_filesegments"].(uint64)
		if files <= segments+1 { // the segments and root.bolt
			return nil
		}
		if time.Since(nudged) > 200*time.Millisecond {
			if err := s.SetInternal([]byte(cleanupKey), []byte(time.Now().Format(time.RFC3339Nano))); err != nil {
				return fmt.Errorf("compact index: %w", err)
			}
			nudged = time.Now()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return nil // not an error: the next opening deletes them
}

// cleanupKey is the internal key awaitCleanup rewrites to wake scorch's
// persister.
const cleanupKey = "compacted_at"

// pairField holds the sentence's text as pair terms with positions
// (pairs): every query of its text reads it.
const pairField = "text_pairs"

func newMapping() mapping.IndexMapping {
	// Nothing is stored per sentence: its id names its document and span,
	// and its text and figures are read from the store (the application
	// fills them in hits). What is the same for every sentence of a document
	// (source, title, date, issuer) is stored once per document (docMeta)
	// and only indexed here, for filters, facets and sorting.
	facet := keywordField(true)                   // filtered on and counted (facets) or sorted on (date)
	searchText := searchField(AnalyzerName, true) // places: substring search

	s := bleve.NewDocumentStaticMapping()
	s.AddFieldMappingsAt(pairField, searchField(PairName, true))
	// title:, issuer: and source: are read from the documents' records
	// and become a choice of parts (partsMatching), and the source and
	// issuer facets count parts: a document's title, issuer and source
	// are not indexed again in each of its sentences. The date sorts;
	// its year is a term of its own for year: and the year facet, one
	// term a year rather than every date there is.
	s.AddFieldMappingsAt("part", facet)
	s.AddFieldMappingsAt("date", facet)
	s.AddFieldMappingsAt("year", facet)
	s.AddFieldMappingsAt("place", listField(true))
	s.AddFieldMappingsAt("place_text", searchText)
	s.AddFieldMappingsAt("fig_kind", listField(true)) // for facets, which count sentences
	s.AddFieldMappingsAt("fig_unit", listField(true))
	// The figures, in slots (figslots.go).
	s.AddFieldMappingsAt(figField, listField(false))
	s.AddFieldMappingsAt(figFrameField, searchField(FrameName, true))
	// Documents' records (docmeta.go): a marker and the stored record.
	s.AddFieldMappingsAt(recordField, keywordField(false))
	s.AddFieldMappingsAt(recordMeta, storedField())
	// No _all field: every query names its field, and bleve's composite
	// of all fields would index each sentence once more, with positions.
	s.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	m.DefaultMapping = s
	m.DefaultAnalyzer = AnalyzerName
	return m
}

// keywordField is an unstored keyword; docValues for the fields facets
// count and sorting reads.
func keywordField(docValues bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Store, f.DocValues, f.IncludeInAll = false, docValues, false
	// bleve's keyword mapping keeps term vectors, which nothing reads
	// here; without them a term found in one sentence is written inline
	// in the term dictionary (zap's one-hit encoding) instead of as a
	// posting list of its own, and each term costs no location.
	f.IncludeTermVectors = false
	return f
}

// listField is a keyword field of several values (list): one field for
// bleve to build, not one per value.
func listField(docValues bool) *mapping.FieldMapping {
	f := keywordField(docValues)
	f.Analyzer = ListName
	return f
}

// storedField is stored and not indexed: a document's record.
func storedField() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index, f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, true, false, false, false
	return f
}

// searchField is an unstored text field read by one of the Chinese
// analyzers; positions are kept where phrase queries need them.
func searchField(analyzer string, positions bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeTermVectors = positions
	f.IncludeInAll = false
	f.DocValues = false // nothing sorts or facets on these fields
	return f
}

// HasDocument reports whether the document's sentences are indexed (and
// not marked stale since).
func (x *Index) HasDocument(id string) bool {
	m, found, err := readRecord(x.shards[x.shardOf(id)], docKey(id))
	return found && err == nil && !m.Stale
}

// MarkStale records documents, which are about to be stored again with
// new metadata (the same text), as not indexed: should the process die
// before they are indexed again, the next run's catch-up finds them
// lacking (HasDocument) and indexes them from the store, instead of
// keeping their old metadata. Their records keep the metadata they had,
// the store's until it commits the new: a run killed before that shows
// nothing the store never held. A document without a record has nothing
// to mark. The caller must not be indexing the same documents at the
// time.
func (x *Index) MarkStale(docs []corpus.Document) error {
	defer x.meta.forget()
	return x.writeRecords(x.homes(docs), func(b bleve.Index, doc corpus.Document) (docMeta, bool, error) {
		m, found, err := readRecord(b, docKey(doc.ID))
		m.Stale = true
		return m, found, err
	})
}

// Add indexes a document's sentences with their figures and places, in
// one batch, and remembers the document as indexed.
func (x *Index) Add(ctx context.Context, doc corpus.Document, figs []corpus.Figure, ents []corpus.Entity) error {
	return x.AddAll(ctx, []Entry{{Doc: doc, Figures: figs, Entities: ents}})
}

// Entry is a document to index with what was extracted from it.
type Entry struct {
	Doc      corpus.Document
	Figures  []corpus.Figure
	Entities []corpus.Entity
	// Window, when set, limits the entry to the sentences of that span
	// (a long document indexed window by window, with the window's
	// figures and names); the document is recorded as indexed only by
	// MarkIndexed, once every window is in.
	Window *corpus.Span
	// LastWindow marks the document's last window: a Feeder records the
	// document as indexed once it is in. (The last window need not end
	// where the text does: a spreadsheet's last sheet ends before the
	// text's final line break.)
	LastWindow bool
}

// AddAllBytes is about how much document text one AddAll should be
// given. Each shard cuts its sentences into batches of batchBytes, and a
// short document goes to one shard: an AddAll of a few documents left the
// other shards idle and wrote small segments, to be merged again
// (reindexing 11.8 MB of reports in calls of 64 KB took 19.7 s, in calls
// of 2 MB 15.6 s, 4 MB 15.1 s with 30 MB more memory).
const AddAllBytes = 2 << 20

// AddAll indexes several documents in one batch: far fewer index segments
// to write and merge than one batch per document.
func (x *Index) AddAll(ctx context.Context, entries []Entry) error {
	// The pair analyzer cannot return an error; a dictionary that fails to
	// load is reported here rather than leaving the word boundaries
	// silently out.
	if _, err := segmenter(); err != nil {
		return fmt.Errorf("index: load word dictionary %s: %w", WordsDictionary, err)
	}
	// Each shard analyses and writes its sentences on a core of its own:
	// a document's go to its own shard, and those of a long one to every
	// shard in turn, in runs of spreadBytes, so that one large report
	// uses every core too. Runs are handed over as they are cut, so that
	// a shard holds at most two in memory.
	runs := make([]chan []Sentence, len(x.shards))
	for i := range runs {
		runs[i] = make(chan []Sentence, 1)
	}
	homes := make([][]Entry, len(x.shards))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	produced := make(chan error, 1)
	go func() {
		defer func() {
			for _, r := range runs {
				close(r)
			}
		}()
		send := func(shard int, run []Sentence) bool {
			if ctx.Err() != nil { // select picks at random when both are ready
				return false
			}
			select {
			case runs[shard] <- run:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, e := range entries {
			home := x.shardOf(e.Doc.ID)
			window := corpus.Span{Start: 0, End: len(e.Doc.Raw)}
			if e.Window != nil {
				window = *e.Window
			} else {
				homes[home] = append(homes[home], e)
			}
			// A sentence's shard depends on its place alone (a run of
			// spreadBytes after the document's home shard), however the
			// document is cut into windows: indexed again after a crash,
			// it lands where it was.
			shardAt := func(s Sentence) int { return (home + s.Start/spreadBytes) % len(x.shards) }
			all := sentencesIn(e.Doc, window, e.Figures, e.Entities)
			for start := 0; start < len(all); {
				shard, end := shardAt(all[start]), start+1
				for end < len(all) && shardAt(all[end]) == shard {
					end++
				}
				if !send(shard, all[start:end]) {
					produced <- ctx.Err()
					return
				}
				start = end
			}
		}
		produced <- nil
	}()
	defer x.meta.forget() // a document indexed again may have new metadata, and the list grows
	err := eachShard(x.shards, func(i int, b bleve.Index) error {
		batch, size := b.NewBatch(), 0
		slots := 0 // the most figures of a sentence here
		var failed error
		for run := range runs[i] {
			for _, s := range run {
				if failed != nil {
					break // drain, so that the producer is not left waiting
				}
				figs := s.figures()
				if failed = batch.Index(s.ID, s.fields(figs)); failed != nil {
					cancel()
					break
				}
				slots = max(slots, len(figs))
				// bleve holds a batch's analysed form in memory, about a
				// thousand times its text: a batch is cut by size, inside
				// a long document too, so that memory does not grow with
				// documents.
				if size += len(s.Text); size >= batchBytes {
					if failed = b.Batch(batch); failed != nil {
						cancel()
					}
					batch, size = b.NewBatch(), 0
				}
			}
		}
		if failed != nil {
			return failed
		}
		if slots > shardSlots(b) {
			batch.SetInternal([]byte(slotsKey), []byte(strconv.Itoa(slots)))
		}
		if batch.Size() == 0 && slots == 0 {
			return nil
		}
		return b.Batch(batch)
	})
	if perr := <-produced; err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	// Only once every shard holds their sentences are the documents
	// recorded and marked indexed, each in its home shard: a document
	// cut short by a crash is indexed again, over the same ids.
	return x.mark(homes)
}

// MarkIndexed records documents indexed window by window (Entry.Window)
// as indexed, with their records, once all their windows are in.
func (x *Index) MarkIndexed(docs []corpus.Document) error {
	defer x.meta.forget()
	return x.mark(x.homes(docs))
}

// homes groups documents by their home shard, as entries without text.
func (x *Index) homes(docs []corpus.Document) [][]Entry {
	homes := make([][]Entry, len(x.shards))
	for _, d := range docs {
		i := x.shardOf(d.ID)
		homes[i] = append(homes[i], Entry{Doc: d})
	}
	return homes
}

// mark writes the documents' records and indexed marks in their home
// shards.
func (x *Index) mark(homes [][]Entry) error {
	return x.writeRecords(homes, func(_ bleve.Index, doc corpus.Document) (docMeta, bool, error) {
		return newDocMeta(doc), true, nil
	})
}

// writeRecords writes in their home shards the records that record
// gives the documents (none where it finds none).
func (x *Index) writeRecords(homes [][]Entry, record func(home bleve.Index, doc corpus.Document) (docMeta, bool, error)) error {
	return eachShard(x.shards, func(i int, b bleve.Index) error {
		batch := b.NewBatch()
		for _, e := range homes[i] {
			m, ok, err := record(b, e.Doc)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			fields, err := recordFields(m)
			if err != nil {
				return err
			}
			if err := batch.Index(recordID(docKey(e.Doc.ID)), fields); err != nil {
				return err
			}
		}
		if batch.Size() == 0 {
			return nil
		}
		return b.Batch(batch)
	})
}

// spreadBytes is how much of a long document's text goes to one shard
// before the next takes over.
const spreadBytes = 256 << 10

// batchBytes is the sentence text one index batch holds at most.
const batchBytes = 64 << 10

// fields are the sentence's bleve fields, figs its figures (figures()).
func (s Sentence) fields(figs []corpus.Figure) map[string]any {
	m := map[string]any{
		pairField: s.Text, "part": s.Part,
	}
	if s.Date != "" {
		m["date"] = s.Date
		if y := (corpus.Meta{Date: s.Date}).Year(); y != 0 {
			m["year"] = yearTerm(y)
		}
	}
	if len(s.Places) > 0 {
		m["place"] = list(s.Places)
		m["place_text"] = strings.Join(s.Places, "，")
	}
	if len(figs) > 0 {
		figureFields(m, figs)
	}
	return m
}

// slotsKey records the most figures one sentence of a shard has: figure
// filters are asked of that many slots.
const slotsKey = "figure_slots"

func shardSlots(b bleve.Index) int {
	v, err := b.GetInternal([]byte(slotsKey))
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(string(v))
	return n
}

// slots is the most figures a sentence of the index has.
func (x *Index) slots() int {
	n := 0
	for _, b := range x.shards {
		n = max(n, shardSlots(b))
	}
	return n
}

// watermarkKey records which state of the store the index reflects.
const watermarkKey = "reportmine_store_generation"

// Watermark is the store generation the index was last brought up to;
// false when it was never recorded.
func (x *Index) Watermark() (int64, bool) {
	v, err := x.shards[0].GetInternal([]byte(watermarkKey))
	if err != nil || len(v) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return n, err == nil
}

// SetWatermark records that the index holds every document of the store
// at that generation.
func (x *Index) SetWatermark(gen int64) error {
	return x.shards[0].SetInternal([]byte(watermarkKey), []byte(strconv.FormatInt(gen, 10)))
}

// ClearWatermark records that the index may differ from the store in a
// way its own records do not show, so that the next opening compares the
// two and indexes what it lacks: a writer that changes the index ahead
// of the store (MarkStale) clears it first, in case the store's write
// then fails.
func (x *Index) ClearWatermark() error {
	return x.shards[0].DeleteInternal([]byte(watermarkKey))
}
