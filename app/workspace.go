package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
	"reportmine/index"
)

// Options configure a Workspace: the extractor claims are read with (nil:
// the built-in dictionaries).
type Options struct {
	Extractor *extract.Extractor
	// SearchCache keeps the results of that many recent searches (0:
	// none); a server repeats the same query for every page and facet.
	SearchCache int
	// MustExist refuses a data directory without a store instead of
	// creating one: commands that only read never write.
	MustExist bool
	// ReadOnly opens the store and the index for reading only (it implies
	// MustExist): nothing in the data directory is created or changed,
	// an index that lags behind the store is searched as it is (OnStale
	// says so), and Ingest is refused.
	ReadOnly bool
	// OnStale, when set, is told once that a read-only workspace's index
	// does not hold everything the store does.
	OnStale func(error)
	// OnBusy, when set, is told once that another process holds the
	// index, and the workspace waits for it (until the context ends)
	// instead of failing with index.ErrBusy.
	OnBusy func()
}

// ErrNoCorpus is the error for a data directory that holds no store.
var ErrNoCorpus = errors.New("no corpus there; run reportmine ingest first")

// Workspace is an opened data directory. It is safe for concurrent use;
// the search index is opened on the first search, so that commands that
// never search never wait for it.
type Workspace struct {
	Dir   string
	store *store.Store
	x     *extract.Extractor

	mu  sync.Mutex
	idx *index.Index
	// idxDir is the index's folder as it was when idx was opened: a
	// read-only workspace whose index a reindex has since swapped for a
	// new one opens the new one (refreshIndex).
	idxDir os.FileInfo
	// cands are the checker's candidates, kept while the store is
	// unchanged.
	cands candidateCache
	// searches are recent results, nil without Options.SearchCache.
	searches *lru[string, index.Results]
	onBusy   func()
	readOnly bool
	onStale  func(error)
}

// ErrReadOnly is the error for a change asked of a read-only workspace.
var ErrReadOnly = errors.New("data directory opened read-only")

// ErrStale describes an index that lacks what the store holds.
var ErrStale = errors.New("the search index lags behind the store (an interrupted ingest?): run reportmine reindex")

// openIndex opens the index, waiting while another process holds it when
// the workspace was asked to (Options.OnBusy).
func (w *Workspace) openIndex(ctx context.Context) (*index.Index, error) {
	told := false
	for {
		open := index.Open
		if w.readOnly {
			open = index.OpenReadOnly
		}
		x, err := open(w.Dir) // waits a little for the lock itself
		if !errors.Is(err, index.ErrBusy) || w.onBusy == nil {
			return x, err
		}
		if !told {
			w.onBusy()
			told = true
		}
		if ctx.Err() != nil {
			return nil, err
		}
	}
}

// Open opens the store of a data directory.
func Open(ctx context.Context, dir string, opts Options) (*Workspace, error) {
	if opts.MustExist || opts.ReadOnly {
		if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
			return nil, fmt.Errorf("%s: %w", dir, ErrNoCorpus)
		}
	}
	openStore := store.Open
	if opts.ReadOnly {
		openStore = store.OpenReadOnly
	}
	st, err := openStore(ctx, dir)
	if err != nil {
		return nil, err
	}
	x := opts.Extractor
	if x == nil {
		x = extract.New()
	}
	w := &Workspace{Dir: dir, store: st, x: x, onBusy: opts.OnBusy, readOnly: opts.ReadOnly, onStale: opts.OnStale}
	if opts.SearchCache > 0 {
		w.searches = newLRU[string, index.Results](opts.SearchCache)
	}
	return w, nil
}

// Store is the workspace's corpus store.
func (w *Workspace) Store() *store.Store { return w.store }

// Close closes the index (if opened) and the store.
func (w *Workspace) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var err error
	if w.idx != nil {
		err = w.idx.Close()
		w.idx = nil
	}
	if cerr := w.store.Close(); err == nil {
		err = cerr
	}
	return err
}

var vocabulary struct {
	once sync.Once
	err  error
}

// UseVocabulary gives the index's word analyzer the extractor's
// government-report vocabulary, once per process.
func UseVocabulary() error {
	vocabulary.once.Do(func() { vocabulary.err = index.UseVocabulary(extract.Vocabulary()) })
	return vocabulary.err
}

// Index is the search index, opened (and brought up to date with the
// store) on first use.
func (w *Workspace) Index(ctx context.Context) (*index.Index, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.idx != nil {
		if w.readOnly {
			w.refreshIndex(ctx)
		}
		return w.idx, nil
	}
	if err := UseVocabulary(); err != nil {
		return nil, err
	}
	x, err := w.openIndex(ctx)
	if err != nil {
		return nil, err
	}
	if w.readOnly {
		err = w.readable(ctx, x)
	} else {
		err = catchUp(ctx, w.store, x)
	}
	if err != nil {
		x.Close()
		return nil, err
	}
	w.idx, w.idxDir = x, w.indexDir()
	return x, nil
}

// readable checks an index opened read-only against the store: one that
// lags is told so (it may hold sentences of documents it never recorded)
// and, when the workspace was asked to (Options.OnStale), reported and
// searched as it is.
func (w *Workspace) readable(ctx context.Context, x *index.Index) error {
	err := checkCurrent(ctx, w.store, x)
	if errors.Is(err, ErrStale) {
		x.Lags()
		if w.onStale != nil {
			w.onStale(err)
			return nil
		}
	}
	return err
}

// indexDir describes the index's folder now, nil when it cannot be read.
func (w *Workspace) indexDir() os.FileInfo {
	st, err := os.Stat(filepath.Join(w.Dir, index.DirName))
	if err != nil {
		return nil
	}
	return st
}

// refreshIndex opens the index anew when a reindex has swapped it for a
// new one since the workspace opened it (a server running for days): the
// old one, its files moved aside and deleted, would answer as the store
// was then for good, and its lock would no longer keep writers out. When
// the new one cannot be opened yet (an ingest is writing it), the old one
// answers until a later call. Searches still running on the old one have
// a minute before it is closed.
func (w *Workspace) refreshIndex(ctx context.Context) {
	now := w.indexDir()
	// The folder's inode alone could be one a removed index had: two
	// reindexes in a row can hand it back. Its modification time (when
	// its shards were made) tells the two apart.
	if now == nil || w.idxDir == nil || os.SameFile(now, w.idxDir) && now.ModTime().Equal(w.idxDir.ModTime()) {
		return
	}
	x, err := index.OpenReadOnly(w.Dir)
	if err != nil {
		return
	}
	if err := w.readable(ctx, x); err != nil {
		x.Close()
		return
	}
	old := w.idx
	w.idx, w.idxDir = x, now
	if w.searches != nil {
		w.searches.clear()
	}
	time.AfterFunc(time.Minute, func() { old.Close() })
}

// catchUp brings the index up to the store: nothing to do when the index
// records the store's generation (opening does not read the store's
// documents), else it indexes what it lacks and records the generation
// it saw first, so that a change made meanwhile is caught next time.
func catchUp(ctx context.Context, st *store.Store, x *index.Index) error {
	gen, current, err := upToDate(ctx, st, x)
	if err != nil || current {
		return err
	}
	if err := IndexMissing(ctx, st, x); err != nil {
		return err
	}
	return x.SetWatermark(gen)
}

// upToDate reads the store's generation and reports whether the index
// records it as its watermark.
func upToDate(ctx context.Context, st *store.Store, x *index.Index) (int64, bool, error) {
	gen, err := st.Generation(ctx)
	if err != nil {
		return 0, false, err
	}
	mark, ok := x.Watermark()
	return gen, ok && mark == gen, nil
}

// missingDocuments lists the stored documents the index lacks, and how
// many are stored.
func missingDocuments(ctx context.Context, st *store.Store, x *index.Index) ([]string, int, error) {
	ids, err := st.DocumentIDs(ctx)
	if err != nil {
		return nil, 0, err
	}
	var missing []string
	for _, id := range ids {
		if !x.HasDocument(id) {
			missing = append(missing, id)
		}
	}
	return missing, len(ids), nil
}

// checkCurrent is catchUp for a read-only workspace: it says (ErrStale,
// with how many stored documents the index lacks) what it may not fix.
func checkCurrent(ctx context.Context, st *store.Store, x *index.Index) error {
	if _, current, err := upToDate(ctx, st, x); err != nil || current {
		return err
	}
	missing, total, err := missingDocuments(ctx, st, x)
	if err != nil || len(missing) == 0 {
		return err // none missing: a change the index need not see (a run's record)
	}
	return fmt.Errorf("%w: it lacks %d of the %d stored documents", ErrStale, len(missing), total)
}

// IndexMissing adds to the index the stored documents it lacks.
func IndexMissing(ctx context.Context, st *store.Store, x *index.Index) error {
	missing, _, err := missingDocuments(ctx, st, x)
	if err != nil {
		return err
	}
	// Handed to the indexer in chunks, as ingest does: a document alone
	// would keep one shard busy and write a small segment.
	err = x.Fill(ctx, func(add func(index.Entry) error) error {
		return loadAll(ctx, st, missing, LargeDocument, add)
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// loadAll hands fn the entries of the stored documents ids, in order
// (loadEntries), for the catch-up of a lagging index and for reindex.
func loadAll(ctx context.Context, st *store.Store, ids []string, large int, fn func(index.Entry) error) error {
	for _, id := range ids {
		if err := loadEntries(ctx, st, id, large, fn); err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
	}
	return nil
}

// loadEntries reads a stored document for the index: whole, or, when it
// is longer than large, window by window (the windows ingest extracted
// it in), so that its figures are never all in memory.
func loadEntries(ctx context.Context, st *store.Store, id string, large int, fn func(index.Entry) error) error {
	doc, err := st.LoadDocument(ctx, id)
	if err != nil {
		return err
	}
	if len(doc.Raw) <= large {
		figs, ents, err := st.Within(ctx, id, nil)
		if err != nil {
			return err
		}
		return fn(index.Entry{Doc: doc, Figures: figs, Entities: ents})
	}
	windows := extract.Windows(doc)
	for i, w := range windows {
		figs, ents, err := st.Within(ctx, id, &w)
		if err != nil {
			return err
		}
		if err := fn(index.Entry{Doc: doc, Figures: figs, Entities: ents, Window: &w, LastWindow: i == len(windows)-1}); err != nil {
			return err
		}
	}
	return nil
}

// ErrQuery marks a query that could not be understood, as opposed to a
// failure to answer it.
var ErrQuery = index.ErrQuery

// Search runs a query in the query language.
func (w *Workspace) Search(ctx context.Context, req index.Request) (index.Results, error) {
	x, err := w.Index(ctx)
	if err != nil {
		return index.Results{}, err
	}
	key := fmt.Sprintf("%q|%d|%d|%v|%q", req.Query, req.Limit, req.Offset, req.SortByDate, req.Facets)
	if w.searches != nil {
		if res, ok := w.searches.get(key); ok {
			return res, nil
		}
	}
	res, err := x.Search(ctx, req)
	if err != nil {
		return res, err // ErrQuery for a query not understood
	}
	if err := res.FillText(func(doc string, spans []corpus.Span) ([]string, error) { return w.store.Texts(ctx, doc, spans) }); err != nil {
		return res, w.store.Named(err)
	}
	if err := w.hitFigures(ctx, res.Hits); err != nil {
		return res, w.store.Named(err)
	}
	if w.searches != nil {
		w.mu.Lock() // not an answer of an index a reindex has since replaced
		if w.idx == x {
			w.searches.put(key, res)
		}
		w.mu.Unlock()
	}
	return res, nil
}

// hitFigures gives each hit the figures that start in its sentence, dates
// left out, read from the store: the index keeps only what it filters on.
func (w *Workspace) hitFigures(ctx context.Context, hits []index.Hit) error {
	spans := make([]store.DocSpan, len(hits))
	for i, h := range hits {
		spans[i] = store.DocSpan{Doc: h.Doc, Span: corpus.Span{Start: h.Start, End: h.End}}
	}
	figs, err := w.store.FiguresWithinEach(ctx, spans)
	if err != nil {
		return fmt.Errorf("figures of the hits: %w", err)
	}
	for i := range hits {
		hits[i].Figures = slices.DeleteFunc(figs[i], func(f corpus.Figure) bool { return f.Kind == corpus.KindDate })
	}
	return nil
}

// KWICLine is one keyword-in-context line.
type KWICLine = index.KWICLine

// KWIC lists every match of a query in the first limit matching
// sentences, with width characters of context on each side.
func (w *Workspace) KWIC(ctx context.Context, query string, width, limit int) ([]KWICLine, error) {
	res, err := w.Search(ctx, index.Request{Query: query, Limit: limit})
	if err != nil {
		return nil, err
	}
	return index.KWIC(res.Hits, width), nil
}

// Figures calls fn for each stored figure that passes the filter.
func (w *Workspace) Figures(ctx context.Context, filter store.FigureFilter, fn func(store.FigureRow) error) error {
	return w.store.Named(w.store.Figures(ctx, filter, fn))
}

// Entities calls fn for each stored name mention.
func (w *Workspace) Entities(ctx context.Context, fn func(corpus.Entity) error) error {
	return w.store.Named(w.store.Entities(ctx, fn))
}

// Documents calls fn for each stored document.
func (w *Workspace) Documents(ctx context.Context, fn func(store.DocumentRow) error) error {
	return w.store.Named(w.store.Documents(ctx, fn))
}

// DocumentView is a stored document with its figures and names.
type DocumentView struct {
	Doc      corpus.Document
	Figures  []corpus.Figure
	Entities []corpus.Entity
}

// Document loads one stored document whole.
func (w *Workspace) Document(ctx context.Context, id string) (DocumentView, error) {
	d, figs, ents, err := w.store.Load(ctx, id)
	if err != nil {
		return DocumentView{}, w.store.Named(err)
	}
	return DocumentView{Doc: d, Figures: figs, Entities: ents}, nil
}

// Check judges claims against the corpus, read as of asOf (YYYY-MM-DD).
func (w *Workspace) Check(ctx context.Context, claims []string, asOf string) ([]check.Verdict, error) {
	sc := NewStoreCorpus(ctx, w.store)
	sc.shared = &w.cands
	c := check.Checker{Corpus: sc, MaxEvidence: 20}
	out := make([]check.Verdict, 0, len(claims))
	for _, claim := range claims {
		v, err := CheckClaim(c, w.x, claim, asOf)
		if err != nil {
			return out, w.store.Named(fmt.Errorf("check %q: %w", claim, err))
		}
		out = append(out, v)
	}
	return out, nil
}

// CheckClaim reads a claim's figures with the corpus's extractor, frames
// and period grammar, as of date, and judges them.
func CheckClaim(c check.Checker, x *extract.Extractor, claim, date string) (check.Verdict, error) {
	doc := corpus.NewDocument("claim", []byte(claim))
	doc.Meta.Date, doc.Meta.Kind = date, corpus.ClaimKind
	return c.Check(claim, x.Extract(doc))
}

// Conflicts lists where the corpus disagrees with itself.
func (w *Workspace) Conflicts(ctx context.Context, minGapPct float64) ([]check.Conflict, error) {
	sc := NewStoreCorpus(ctx, w.store)
	cands, err := w.cands.get(ctx, w.store, "*", sc.AllCandidates)
	if err != nil {
		return nil, w.store.Named(err)
	}
	return check.Conflicts(cands, minGapPct), nil
}

// Reindex rebuilds the search index of a data directory from its store,
// in bulk, beside the current index, which it replaces only when the new
// one is complete: a store that cannot be read leaves the user their
// index. The new index is one segment.
func Reindex(ctx context.Context, dir string) error { return reindex(ctx, dir, LargeDocument) }

// reindex is Reindex with documents over large read back window by
// window.
func reindex(ctx context.Context, dir string, large int) error {
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		return fmt.Errorf("reindex: no store in %s: %w", dir, err)
	}
	st, err := store.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	gen, err := st.Generation(ctx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	ids, err := st.DocumentIDs(ctx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if err := UseVocabulary(); err != nil {
		return err
	}
	index.PrepareWords() // while the first batch is read from the store
	// Rebuild indexes each batch while this reads the next from the store.
	return index.Rebuild(ctx, dir, gen, func(add func(index.Entry) error) error {
		if err := loadAll(ctx, st, ids, large, add); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		return nil
	})
}

// ExportSQLite copies the store to out, a new file, keeping only the
// figures the filter chooses when it chooses.
func (w *Workspace) ExportSQLite(ctx context.Context, out string, figuresOnly bool, filter store.FigureFilter) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("export %s: file exists; choose a new name", out)
	}
	if _, err := w.store.DB().ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	if !figuresOnly || reflect.DeepEqual(filter, store.FigureFilter{}) {
		return nil
	}
	return store.KeepFigures(ctx, out, filter)
}

// WarmUp opens the index and builds the store's figure catalogue, so
// that a server's first requests do not wait for them.
func (w *Workspace) WarmUp(ctx context.Context) error {
	if _, err := w.Index(ctx); err != nil {
		return err
	}
	return w.store.Named(w.store.WarmUp(ctx))
}

// Runs lists the last ingest runs with their failures.
func (w *Workspace) Runs(ctx context.Context, limit int) ([]store.Run, error) {
	runs, err := w.store.Runs(ctx, limit)
	return runs, w.store.Named(err)
}

// Point is one value of an indicator for one period, with the figure that
// states it; several points of one period from different documents are a
// disagreement when their values differ.
type Point struct {
	Period string        `json:"period"` // YYYY or YYYY-MM-DD..YYYY-MM-DD
	Figure corpus.Figure `json:"figure"`
	Title  string        `json:"title,omitempty"`
	Date   string        `json:"date,omitempty"`
}

// maxSeriesPoints bounds a series: more values than a chart can show.
const maxSeriesPoints = 5000

// Series gathers an indicator of one subject over time from every
// document that states it: outcomes within one year (a year, half,
// quarter or month) only, of the unit most of them use, by resolved
// period.
func (w *Workspace) Series(ctx context.Context, metric, subject string) ([]Point, error) {
	key := check.MetricKey(metric)
	metrics, err := w.store.Metrics(ctx)
	if err != nil {
		return nil, w.store.Named(err)
	}
	var same []string
	for m := range metrics {
		if m != "" && check.MetricKey(m) == key {
			same = append(same, m)
		}
	}
	if len(same) == 0 {
		return nil, nil
	}
	sort.Strings(same)
	outcome := false
	var points []Point
	units := map[string]int{}
	filter := store.FigureFilter{Metrics: same, Whose: subject, Target: &outcome, SkipDuplicates: true, Limit: maxSeriesPoints}
	err = w.store.Figures(ctx, filter, func(r store.FigureRow) error {
		f := r.Figure
		if f.PeriodFrom == "" || f.Change != "" {
			return nil
		}
		if len(f.PeriodTo) < 4 || f.PeriodFrom[:4] != f.PeriodTo[:4] {
			return nil // a span of years: its values are its ends or its total, not a year's
		}
		period := f.PeriodFrom + ".." + f.PeriodTo
		if strings.HasSuffix(f.PeriodFrom, "-01-01") && strings.HasSuffix(f.PeriodTo, "-12-31") && f.PeriodFrom[:4] == f.PeriodTo[:4] {
			period = f.PeriodFrom[:4]
		}
		points = append(points, Point{Period: period, Figure: f, Title: r.Title, Date: r.Date})
		units[string(f.Kind)+"|"+f.Unit]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	best, n := "", 0
	for u, c := range units {
		if c > n || c == n && u < best {
			best, n = u, c
		}
	}
	out := points[:0]
	for _, p := range points {
		if string(p.Figure.Kind)+"|"+p.Figure.Unit == best {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out, nil
}
