package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestPersists: what is added survives closing and reopening the index.
func TestPersists(t *testing.T) {
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc := corpus.NewDocument("a.txt", []byte("项目总投资560亿元。"))
	if err := x.AddAll(context.Background(), []Entry{{Doc: doc}}); err != nil {
		t.Fatal(err)
	}
	x.Close()
	y, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	r, err := y.Search(context.Background(), Request{Query: "总投资"})
	if !y.HasDocument(doc.ID) || err != nil || r.Total != 1 {
		t.Errorf("after reopening: indexed %v, %d hits, %v", y.HasDocument(doc.ID), r.Total, err)
	}
}

// TestCreateFailsCleanly: a shard that bleve cannot create (here, one
// in a path that is a file) is an error naming the index, not a panic.
func TestCreateFailsCleanly(t *testing.T) {
	path := filepath.Join(t.TempDir(), DirName)
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shardPath(path, 1), []byte("not a shard"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := create(path, 2)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("create over a file: %v", err)
	}
}
