package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/corpus"
)

// indexWithOldDocument is the index of dir, open, holding one document
// whose text has 旧文件 (the index a rebuild replaces).
func indexWithOldDocument(t *testing.T, dir string) *Index {
	t.Helper()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(context.Background(), corpus.NewDocument("old.txt", []byte("旧文件里的港口吞吐量。")), nil, nil); err != nil {
		x.Close()
		t.Fatal(err)
	}
	return x
}

// TestRebuild: a rebuild replaces the index with one segment holding the
// feed's documents and its watermark; a feed that fails leaves the old
// index as it was; an index another opener holds is not touched.
func TestRebuild(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x := indexWithOldDocument(t, dir)
	if err := Rebuild(ctx, dir, 7, func(func(Entry) error) error { return nil }); !errors.Is(err, ErrBusy) {
		t.Errorf("rebuild of a held index: %v", err)
	}
	x.Close()

	broken := errors.New("store unreadable")
	if err := Rebuild(ctx, dir, 7, func(add func(Entry) error) error { return broken }); !errors.Is(err, broken) {
		t.Fatalf("failing feed: %v", err)
	}
	if hits := count(t, dir, "旧文件"); hits != 1 {
		t.Errorf("after a failed rebuild the old index has %d hits for its document", hits)
	}

	docs := []corpus.Document{corpus.NewDocument("a.txt", []byte("新文件甲：粮食产量增长。")), corpus.NewDocument("b.txt", []byte("新文件乙：粮食产量下降。"))}
	// Enough text for several batches in each shard, so that the new
	// index has several segments to merge, and merged segments' files to
	// delete.
	for i := range 3 * defaultShards() * batchBytes / 4096 {
		filler := fmt.Sprintf("第%d号文件：", i) + strings.Repeat("园区基础设施建设稳步推进，", 4096/39)
		docs = append(docs, corpus.NewDocument(fmt.Sprintf("filler-%d.txt", i), []byte(filler)))
	}
	// Handed over a batch's text at a time, so that the feed is flushed
	// while it reads, as a rebuild of a real store is.
	err := rebuild(ctx, dir, 9, func(add func(Entry) error) error {
		for _, d := range docs {
			if err := add(Entry{Doc: d}); err != nil {
				return err
			}
		}
		return nil
	}, batchBytes)
	if err != nil {
		t.Fatal(err)
	}
	// Checked before the index is opened again, which would delete
	// files that a merge left.
	shards, _ := filepath.Glob(filepath.Join(dir, DirName, "shard-*"))
	total := 0
	for _, shard := range shards {
		segments, _ := filepath.Glob(filepath.Join(shard, "store", "*.zap"))
		if len(segments) > 1 {
			t.Errorf("%s has %d segments after a rebuild, want at most 1", shard, len(segments))
		}
		total += len(segments)
	}
	if len(shards) == 0 || total == 0 {
		t.Errorf("%d shards, %d segments", len(shards), total)
	}
	// The rebuild's merge options are its own: not saved for later
	// openings.
	for _, shard := range shards {
		meta, err := os.ReadFile(filepath.Join(shard, "index_meta.json"))
		if err != nil || strings.Contains(string(meta), "MergePlan") {
			t.Errorf("%s/index_meta.json: %s %v", shard, meta, err)
		}
	}
	if count(t, dir, "粮食产量") != 2 || count(t, dir, "旧文件") != 0 {
		t.Error("the rebuilt index does not hold exactly the feed's documents")
	}
	for _, leftover := range []string{DirName + ".new", DirName + ".old"} {
		if _, err := os.Stat(filepath.Join(dir, leftover)); err == nil {
			t.Errorf("%s left behind", leftover)
		}
	}
	x, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if mark, ok := x.Watermark(); !ok || mark != 9 {
		t.Errorf("watermark %d %v", mark, ok)
	}
}

func count(t *testing.T, dir, q string) uint64 {
	t.Helper()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), Request{Query: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

// TestRebuildHoldsCurrentIndex: while a rebuild fills the new index,
// the current one can still be read, and a writer (an ingest, whose
// documents the swap would throw away) is told the index is busy; once
// the rebuild is done, the rebuilt index opens for writing.
func TestRebuildHoldsCurrentIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	indexWithOldDocument(t, dir).Close()

	feeding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- Rebuild(ctx, dir, 3, func(add func(Entry) error) error {
			close(feeding)
			<-release
			return add(Entry{Doc: corpus.NewDocument("new.txt", []byte("新文件里的粮食产量。"))})
		})
	}()
	<-feeding
	r, err := OpenReadOnly(dir)
	if err != nil {
		t.Errorf("reading the current index during a rebuild: %v", err)
	} else {
		r.Close()
	}
	if w, err := Open(dir); !errors.Is(err, ErrBusy) {
		if err == nil {
			w.Close()
		}
		t.Errorf("writing the current index during a rebuild: %v, want ErrBusy", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir)
	if err != nil {
		t.Fatalf("after the rebuild: %v", err)
	}
	w.Close()
	if count(t, dir, "粮食产量") != 1 || count(t, dir, "旧文件") != 0 {
		t.Error("the rebuilt index does not hold exactly the feed's documents")
	}
}

// TestOpenFinishesInterruptedSwap: a rebuild stopped after moving the
// old index aside and before moving the new one in leaves a whole new
// index, which the next opening moves into place instead of building an
// empty one (which the application would then refill from the store).
func TestOpenFinishesInterruptedSwap(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	doc := corpus.NewDocument("new.txt", []byte("新文件里的粮食产量。"))
	if err := Rebuild(ctx, dir, 5, func(add func(Entry) error) error { return add(Entry{Doc: doc}) }); err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(dir, DirName)
	// What swap leaves when it stops between its two moves.
	if err := os.Rename(current, current+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(current+".old", 0o755); err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	mark, ok := x.Watermark()
	has := x.HasDocument(doc.ID)
	x.Close()
	if !ok || mark != 5 || !has {
		t.Errorf("after the interrupted swap: watermark %d %v, document indexed %v", mark, ok, has)
	}
	for _, leftover := range []string{current + ".new", current + ".old"} {
		if _, err := os.Stat(leftover); err == nil {
			t.Errorf("%s left behind", leftover)
		}
	}
}
