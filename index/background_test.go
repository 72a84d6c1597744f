package index

import (
	"context"
	"errors"
	"testing"

	"reportmine/corpus"
)

// TestBackground: batches queued by startBackground are indexed before Wait returns; after
// a failure, batches added later are dropped without blocking, the
// context it handed out is cancelled, and Wait reports the failure.
func TestBackground(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	batch := func(name string) []Entry {
		return []Entry{{Doc: corpus.NewDocument(name, []byte(name+"：全年新增企业450家。"))}}
	}
	bg, _ := x.startBackground(context.Background())
	bg.Add(batch("甲.txt"), nil)
	bg.Add(batch("乙.txt"), nil)
	if err := bg.Wait(); err != nil {
		t.Fatal(err)
	}
	if r, err := x.Search(context.Background(), Request{Query: "新增企业"}); err != nil || r.Total != 2 {
		t.Fatalf("after Wait: %d hits, %v", r.Total, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	bg, bgCtx := x.startBackground(ctx)
	for _, name := range []string{"丙.txt", "丁.txt", "戊.txt"} {
		bg.Add(batch(name), nil) // never blocks: failed batches are drained
	}
	if err := bg.Wait(); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait after a cancelled context: %v", err)
	}
	if bgCtx.Err() == nil {
		t.Error("the background's context is not cancelled after a failure")
	}
	if err := bg.Abandon(); !errors.Is(err, context.Canceled) {
		t.Errorf("Abandon after Wait: %v", err)
	}
}
