package index

import (
	"context"

	"reportmine/corpus"
)

// background indexes batches on a goroutine of its own while its caller
// prepares the next (reads and stores documents, or reads the store for
// a rebuild): at most one batch waits. After a batch fails, the batches
// after it are taken and dropped, so that a caller is never left
// waiting, and Wait reports the failure.
type background struct {
	x      *Index
	queue  chan backgroundBatch
	done   chan error
	cancel context.CancelFunc
	waited bool
	err    error
}

type backgroundBatch struct {
	entries []Entry
	// finished are documents indexed window by window whose last window
	// is in entries: they are marked indexed once the batch is in.
	finished []corpus.Document
}

// startBackground starts indexing in the background. The context it returns
// is cancelled when a batch fails (or ctx is), so that a caller can stop
// preparing more.
func (x *Index) startBackground(ctx context.Context) (*background, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	b := &background{x: x, queue: make(chan backgroundBatch, 1), done: make(chan error, 1), cancel: cancel}
	go func() {
		var err error
		for batch := range b.queue {
			if err == nil {
				err = x.AddAll(ctx, batch.entries)
			}
			if err == nil && len(batch.finished) > 0 {
				err = x.MarkIndexed(batch.finished)
			}
			if err != nil {
				cancel()
			}
		}
		b.done <- err
	}()
	return b, ctx
}

// Add queues a batch, waiting while another one waits.
func (b *background) Add(entries []Entry, finished []corpus.Document) {
	b.queue <- backgroundBatch{entries: entries, finished: finished}
}

// Wait waits until every queued batch is indexed, and returns the first
// failure. Calling it again returns the same.
func (b *background) Wait() error {
	if !b.waited {
		b.waited = true
		close(b.queue)
		b.err = <-b.done
		b.cancel()
	}
	return b.err
}

// Abandon drops the batches still queued (the one being indexed is cut
// short) and waits for the goroutine to end; it returns what Wait does.
func (b *background) Abandon() error {
	b.cancel()
	return b.Wait()
}

// Feeder collects entries one by one and hands them to a background
// indexer about AddAllBytes of text at a time: ingest, reindex and the
// catch-up of a lagging index all feed the index this way.
type Feeder struct {
	bg        *background
	ctx       context.Context // cancelled when the indexer fails
	chunk     int
	next      backgroundBatch
	size      int
	abandoned bool
}

// Feeder starts a background indexer fed entry by entry.
func (x *Index) Feeder(ctx context.Context) *Feeder { return x.feeder(ctx, AddAllBytes) }

// feeder is Feeder handing over chunk bytes of text at a time.
func (x *Index) feeder(ctx context.Context, chunk int) *Feeder {
	bg, ctx := x.startBackground(ctx)
	return &Feeder{bg: bg, ctx: ctx, chunk: chunk}
}

// Add collects an entry. A long document may come window by window
// (Entry.Window, in order): it is marked indexed once the batch holding
// its last window (Entry.LastWindow) is in. Add fails once the indexer
// has failed (Wait says why), the context is cancelled or the feeder is
// abandoned.
func (f *Feeder) Add(e Entry) error {
	if f.abandoned {
		return context.Canceled
	}
	if err := f.ctx.Err(); err != nil {
		return err
	}
	f.next.entries = append(f.next.entries, e.lean())
	text := len(e.Doc.Raw)
	if e.Window != nil {
		text = e.Window.End - e.Window.Start
		if e.LastWindow {
			f.next.finished = append(f.next.finished, e.Doc)
		}
	}
	if f.size += text; f.size >= f.chunk {
		f.flush()
	}
	return nil
}

func (f *Feeder) flush() {
	if len(f.next.entries) > 0 && !f.abandoned {
		f.bg.Add(f.next.entries, f.next.finished)
		f.next, f.size = backgroundBatch{}, 0
	}
}

// Wait hands over what is collected and waits until everything given is
// indexed; it reports the indexer's failure.
func (f *Feeder) Wait() error {
	f.flush()
	return f.bg.Wait()
}

// Abandon stops the indexer: what is collected or queued need not be
// indexed. Wait and Abandon may follow in any order.
func (f *Feeder) Abandon() error {
	f.abandoned, f.next = true, backgroundBatch{}
	return f.bg.Abandon()
}

// lean is the entry with only what indexing reads of its figures and
// names (indexedFigure, and the places among the names). A Feeder holds
// about 2 MB of text waiting while the indexer has the 2 MB before it;
// on reports dense with figures the whole records had been a third of
// the live heap, which every collection scanned (ingest of 20.8 MB of
// invented reports 4-5 % faster without them).
func (e Entry) lean() Entry {
	figs := make([]corpus.Figure, len(e.Figures))
	for i, f := range e.Figures {
		figs[i] = indexedFigure(f)
	}
	var places []corpus.Entity
	for _, n := range e.Entities {
		if n.Kind == corpus.EntityPlace {
			places = append(places, corpus.Entity{Kind: n.Kind, Canonical: n.Canonical, Start: n.Start, End: n.End})
		}
	}
	e.Figures, e.Entities = figs, places
	return e
}

// indexedFigure is what indexing reads of a figure: its kind, value and
// unit, its frames, and where it is (TestLeanEntryIndexesTheSame).
func indexedFigure(f corpus.Figure) corpus.Figure {
	return corpus.Figure{Kind: f.Kind, Value: f.Value, Unit: f.Unit, Metric: f.Metric, Subject: f.Subject, Period: f.Period, Start: f.Start, End: f.End}
}
