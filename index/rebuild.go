package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
)

// Rebuild builds a new index for dataDir from the entries feed gives, in
// large batches, beside the current one; merges it into one segment;
// records gen as its watermark; and only then puts it in the current
// one's place. Until that moment the current index stays whole: a feed
// that fails (a store that cannot be read) leaves it as it was. Another
// process writing the current index makes it fail with ErrBusy; while it
// builds, it holds the current index for reading (holdCurrent), so that
// searches go on and a writer is told the index is busy.
func Rebuild(ctx context.Context, dataDir string, gen int64, feed func(add func(Entry) error) error) error {
	return rebuild(ctx, dataDir, gen, feed, AddAllBytes)
}

// rebuild is Rebuild handing the indexer chunk bytes of text at a time.
func rebuild(ctx context.Context, dataDir string, gen int64, feed func(add func(Entry) error) error, chunk int) error {
	current := filepath.Join(dataDir, DirName)
	held, err := holdCurrent(current)
	if err != nil {
		return err
	}
	fresh := current + ".new"
	err = build(ctx, fresh, gen, feed, chunk)
	if held != nil { // let go of the current index only now, to move it aside
		if cerr := held.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		os.RemoveAll(fresh)
		return err
	}
	return swap(current, fresh)
}

// build makes the index at fresh from what feed gives, merged into one
// segment per shard, with gen as its watermark, and closes it.
func build(ctx context.Context, fresh string, gen int64, feed func(add func(Entry) error) error, chunk int) error {
	if err := os.RemoveAll(fresh); err != nil { // a rebuild killed before
		return err
	}
	x, err := createWith(fresh, defaultShards(), bulkMerges())
	if err != nil {
		return err
	}
	err = x.fill(ctx, feed, chunk)
	if err == nil {
		err = x.Compact(ctx)
	}
	if err == nil {
		err = x.SetWatermark(gen)
	}
	if cerr := x.Close(); err == nil {
		err = cerr
	}
	return err
}

// Fill adds the entries feed gives (through add) in batches of about
// AddAllBytes of text (Feeder), indexing each batch while the feed reads
// the next, so that reading the store and indexing overlap. The
// indexer's failure stops the feed and is what Fill reports; else the
// feed's.
func (x *Index) Fill(ctx context.Context, feed func(add func(Entry) error) error) error {
	return x.fill(ctx, feed, AddAllBytes)
}

// fill is Fill handing over chunk bytes of text at a time.
func (x *Index) fill(ctx context.Context, feed func(add func(Entry) error) error, chunk int) error {
	f := x.feeder(ctx, chunk)
	defer f.Abandon() // a feed that panics still stops the indexer
	err := feed(f.Add)
	var ierr error
	if err == nil {
		ierr = f.Wait()
	} else {
		ierr = f.Abandon() // what is queued need not be indexed
	}
	switch {
	case ierr != nil && !errors.Is(ierr, context.Canceled):
		return ierr // the indexer's failure, which stopped the feed
	case err != nil:
		return err
	}
	return ierr
}

// holdCurrent opens the first shard of the index at path for reading and
// keeps it open while a rebuild replaces the index: readers go on sharing
// it, and a writer (an ingest started meanwhile, whose documents the swap
// would throw away), which must open every shard, waits and is told the
// index is busy. One shard is enough for that, and holds only its own
// segments in memory. Another process writing the index makes
// holdCurrent fail with ErrBusy. An index that is missing or unreadable
// is not held (nil): it is being replaced, and no writer can open it
// either.
func holdCurrent(path string) (io.Closer, error) {
	first := shardPath(path, 0)
	if _, err := os.Stat(first); err != nil {
		return nil, nil
	}
	b, err := bleve.OpenUsing(first, map[string]any{"read_only": true, "bolt_timeout": lockWait.String()})
	if err != nil {
		if isLockTimeout(err) {
			return nil, fmt.Errorf("index %s: %w", path, ErrBusy)
		}
		return nil, nil
	}
	return b, nil
}

// swap puts the index at fresh in current's place: the old one is moved
// aside, the new one moved in, the old one removed. Between the two
// moves there is no index; the next opening then builds one from the
// store, which is the record.
func swap(current, fresh string) error {
	old := current + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(current, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("index: moving the old index aside: %w", err)
	}
	if err := os.Rename(fresh, current); err != nil {
		// Put the old index back rather than leave none.
		if rerr := os.Rename(old, current); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			return fmt.Errorf("index: moving the new index in: %w (and putting the old one back: %v)", err, rerr)
		}
		return fmt.Errorf("index: moving the new index in: %w", err)
	}
	return os.RemoveAll(old)
}

// bulkMerges are the merge planner's options while a rebuild fills the
// new index (they are not saved with it: later ingests merge with
// writeMerges): tiers of 40 segments instead of ingest's 20, for the
// index is merged into one segment per shard when it is full, and
// merging smaller ones on the way is work done twice (8 % less CPU for
// 20.8 MB than tiers of 10), from the same floor as writeMerges. Tiers
// still bound the number of open segments, whatever the corpus.
func bulkMerges() map[string]any { return tieredMerges(40) }
