package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer two goroutines may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe: serve answers on the address it prints, and stops cleanly
// when its context ends (as on SIGINT or SIGTERM); without a corpus it
// says what to do.
func TestServe(t *testing.T) {
	data := t.TempDir()
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "../../examples"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- runWith(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, &stderr)
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address: %s", stderr.String())
	}
	resp, err := http.Get(base + "/search.json?q=" + "%E5%A2%9E%E9%95%BF")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"hits"`) {
		t.Errorf("search: %d %s", resp.StatusCode, body)
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("a loopback server warned: %s", stderr.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, _, err := runCLI(t, "", "serve", "--data", t.TempDir()); err == nil || !strings.Contains(err.Error(), "no corpus") {
		t.Errorf("serve without a corpus: %v", err)
	}
}
