package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"reportmine/ingest"
)

// TestReasonOf: failures of one kind are one reason in a summary, whatever
// the file or address: missing files and dangling links, refused
// connections, the reader's own wordings.
func TestReasonOf(t *testing.T) {
	dir := t.TempDir()
	os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling"))
	_, missing := os.Stat(filepath.Join(dir, "dangling"))
	_, refused := http.Get("http://127.0.0.1:1/x.txt")
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("ingest %s: %w", filepath.Join(dir, "dangling"), missing), "no such file or directory"},
		{fmt.Errorf("ingest http://127.0.0.1:1/x.txt: %w", refused), "connection refused"},
		{fmt.Errorf("ingest a.txt: %w", ingest.ErrEmpty), "empty file"},
		{errors.New("ingest a.txt: not UTF-8 text: 12 of 40 bytes"), "not UTF-8 text"},
		{fmt.Errorf("ingest b.txt: %w", context.Canceled), "context canceled"},
	} {
		if got := ReasonOf(c.err); got != c.want {
			t.Errorf("%v: reason %q, want %q", c.err, got, c.want)
		}
	}
}

// TestIngestGroupsFailures: an ingest's summary counts failures of one
// kind as one reason, whatever the files.
func TestIngestGroupsFailures(t *testing.T) {
	ctx := context.Background()
	ws, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	missing := filepath.Join(t.TempDir(), "nowhere")
	sum, err := ws.Ingest(ctx, []string{filepath.Join(missing, "a.txt"), filepath.Join(missing, "b.txt")}, IngestOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 2 || len(sum.Reasons) != 1 || sum.Reasons["no such file or directory"] != 2 {
		t.Errorf("failed %d, reasons %v; want 2 × no such file or directory", sum.Failed, sum.Reasons)
	}
}
