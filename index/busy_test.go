package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenBusy: a second opener of an index in use fails, naming why,
// instead of waiting for ever.
func TestOpenBusy(t *testing.T) {
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := Open(dir); !errors.Is(err, ErrBusy) {
		t.Fatalf("second Open: %v, want ErrBusy", err)
	}
}

// TestOpenNotAnIndex: an index path that is a file, or holds a shard path
// that is one, is an error naming it, for writing and for reading alike,
// not an endless count of shards.
func TestOpenNotAnIndex(t *testing.T) {
	asFile := t.TempDir()
	if err := os.WriteFile(filepath.Join(asFile, DirName), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	shardAsFile := t.TempDir()
	if err := os.MkdirAll(filepath.Join(shardAsFile, DirName), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shardAsFile, DirName, "shard-0"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{asFile, shardAsFile} {
		for name, open := range map[string]func(string) (*Index, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
			x, err := open(dir)
			if err == nil {
				x.Close()
				t.Errorf("%s(%s) opened", name, dir)
				continue
			}
			if !strings.Contains(err.Error(), DirName) {
				t.Errorf("%s(%s): %v, which does not name the index", name, dir, err)
			}
		}
	}
}

// TestOpenLostShard: an index one of whose shards is gone is refused,
// saying so, instead of answering every query without that shard's
// share.
func TestOpenLostShard(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DirName)
	x, err := Create(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	if err := os.RemoveAll(shardPath(path, 2)); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(string) (*Index, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		x, err := open(dir)
		if err == nil {
			x.Close()
		}
		if !errors.Is(err, ErrIncomplete) {
			t.Errorf("%s of an index without its third shard: %v", name, err)
		}
	}
}

// TestOpenDamagedShard: a shard that cannot be opened (a file where its
// folder was, its metadata gone) is named, with what to do.
func TestOpenDamagedShard(t *testing.T) {
	for _, damage := range []func(shard string) error{
		func(shard string) error {
			return os.WriteFile(filepath.Join(shard, "index_meta.json"), []byte("garbage"), 0o644)
		},
		func(shard string) error {
			if err := os.RemoveAll(shard); err != nil {
				return err
			}
			return os.WriteFile(shard, []byte("junk"), 0o644)
		},
	} {
		dir := t.TempDir()
		x, err := Create(dir, 2)
		if err != nil {
			t.Fatal(err)
		}
		x.Close()
		if err := damage(shardPath(filepath.Join(dir, DirName), 1)); err != nil {
			t.Fatal(err)
		}
		x, err = OpenReadOnly(dir)
		if err == nil {
			x.Close()
		}
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "shard-1") {
			t.Errorf("a damaged second shard: %v", err)
		}
	}
}
