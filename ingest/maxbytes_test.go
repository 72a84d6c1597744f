package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
		if res := r.Read(context.Background(), "/dev/zero"); !errors.Is(res.Err, ErrNotRegular) || !strings.Contains(res.Err.Error(), "device") {
			t.Errorf("/dev/zero: %v", res.Err)
		}
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		done := make(chan Result, 1)
		go func() { done <- r.Read(context.Background(), fifo) }()
		select {
		case res := <-done:
			if !errors.Is(res.Err, ErrNotRegular) || !strings.Contains(res.Err.Error(), "FIFO") {
				t.Errorf("FIFO: %v", res.Err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("reading a FIFO hangs")
		}
	}
	stdin := Reader{MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("x", 11))}
	if res := stdin.Read(context.Background(), "-"); !errors.Is(res.Err, ErrTooLarge) {
		t.Errorf("stdin: %v", res.Err)
	}
}

// TestMaxBytesURL: a page over the bound is refused as a file is, with
// the bound and how to raise it.
func TestMaxBytesURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("数", 400)))
	}))
	defer srv.Close()
	f := NewFetcher()
	f.MaxBytes, f.HostDelay = 1000, 0
	_, _, err := f.Get(context.Background(), srv.URL+"/big.txt")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-bytes") {
		t.Errorf("a page over the bound: %v", err)
	}
}
