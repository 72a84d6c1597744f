package app

import (
	"context"
	"os"
	"testing"

	"reportmine/index"
)

func TestZZProf(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	ws, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	q := os.Getenv("ZZQ")
	for range 100 {
		if _, err := ws.Search(ctx, index.Request{Query: q, Limit: 20}); err != nil {
			t.Fatal(err)
		}
	}
}
