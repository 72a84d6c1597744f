package index

import (
	"context"

	"reportmine/corpus"
)

// Background indexes batches on a goroutine of its own while its caller
// prepares the next (reads and stores documents, or reads the store for
// a rebuild): at most one batch waits. After a batch fails, the batches
// after it are taken and dropped, so that a caller is never left
// waiting, and Wait reports the failure.
type Background struct {
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

// Background starts indexing in the background. The context it returns
// is cancelled when a batch fails (or ctx is), so that a caller can stop
// preparing more.
func (x *Index) Background(ctx context.Context) (*Background, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	b := &Background{x: x, queue: make(chan backgroundBatch, 1), done: make(chan error, 1), cancel: cancel}
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
func (b *Background) Add(entries []Entry, finished []corpus.Document) {
	b.queue <- backgroundBatch{entries: entries, finished: finished}
}

// Wait waits until every queued batch is indexed, and returns the first
// failure. Calling it again returns the same.
func (b *Background) Wait() error {
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
func (b *Background) Abandon() error {
	b.cancel()
	return b.Wait()
}
