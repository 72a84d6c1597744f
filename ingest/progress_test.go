package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSlowDownloadProgress: a server that answers late and trickles its
// body is reported while it is slow (waiting, then bytes of the announced
// length), and a retry says why (issue 15, item 8).
func TestSlowDownloadProgress(t *testing.T) {
	body := strings.Repeat("全年地区生产总值增长5.1%。\n", 40)
	var failedOnce sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		failed := false
		failedOnce.Do(func() { failed = true })
		if failed {
			time.Sleep(150 * time.Millisecond)
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		time.Sleep(150 * time.Millisecond) // no answer yet
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		for i := 0; i < len(body); i += len(body) / 4 {
			w.Write([]byte(body[i:min(len(body), i+len(body)/4)]))
			w.(http.Flusher).Flush()
			time.Sleep(100 * time.Millisecond)
		}
	}))
	defer srv.Close()

	f := NewFetcher()
	f.HostDelay, f.Backoff, f.ProgressEvery = 0, 50*time.Millisecond, 40*time.Millisecond
	var mu sync.Mutex
	var seen []Download
	f.Progress = func(d Download) {
		mu.Lock()
		seen = append(seen, d)
		mu.Unlock()
	}
	got, _, err := f.Get(context.Background(), srv.URL+"/report.txt")
	if err != nil || string(got) != body {
		t.Fatalf("Get: %d bytes, %v", len(got), err)
	}
	mu.Lock()
	defer mu.Unlock()
	var waiting, retry, partial bool
	for _, d := range seen {
		waiting = waiting || d.Waiting
		retry = retry || (d.Retry != nil && strings.Contains(d.Retry.Error(), "503"))
		partial = partial || (d.Bytes > 0 && d.Bytes < d.Total && d.Total == int64(len(body)) && d.Attempt == 2)
		if d.String() == "" || !strings.Contains(d.String(), srv.URL) {
			t.Errorf("progress line %q does not name the URL", d.String())
		}
	}
	if !waiting || !retry || !partial {
		t.Errorf("progress: waiting %v, retry %v, partial body %v; saw %v", waiting, retry, partial, seen)
	}
}

// TestURLDeadline: a server that never finishes is given up after the
// fetcher's deadline, with an error that names it.
func TestURLDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("开始"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	f := NewFetcher()
	f.HostDelay, f.Deadline = 0, 300*time.Millisecond
	start := time.Now()
	_, _, err := f.Get(context.Background(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "deadline") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the per-URL deadline", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("took %s", time.Since(start))
	}
}
