package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMaxBytes: a source over the bound is refused by name, without
// reading it whole; one at the bound is read; an endless device stops.
func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("数", 400)), 0o644) // 1200 bytes
	r := Reader{MaxBytes: 1000}
	res := r.Read(context.Background(), big)
	if !errors.Is(res.Err, ErrTooLarge) || !strings.Contains(res.Err.Error(), "big.txt") {
		t.Errorf("big file: %v", res.Err)
	}
	if res := (Reader{MaxBytes: 1200}).Read(context.Background(), big); res.Err != nil {
		t.Errorf("a file at the bound: %v", res.Err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if res := r.Read(context.Background(), "/dev/zero"); !errors.Is(res.Err, ErrTooLarge) {
			t.Errorf("/dev/zero: %v", res.Err)
		}
	}
	stdin := Reader{MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("x", 11))}
	if res := stdin.Read(context.Background(), "-"); !errors.Is(res.Err, ErrTooLarge) {
		t.Errorf("stdin: %v", res.Err)
	}
}
