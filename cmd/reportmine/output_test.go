package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// failingWriter fails every write, as a full disk or a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestOutputFailureIsAnError: output that cannot be written (standard
// output, or --out) makes the command fail, saying so, instead of
// exiting 0 with its output cut short; and an export never overwrites a
// file of the data directory it reads.
func TestOutputFailureIsAnError(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../examples/clean_report.txt"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"extract", "../../examples/clean_report.txt"},
		{"export", "figures", "--data", data},
		{"export", "documents", "--data", data},
		{"search", "--data", data, "增长"},
	} {
		err := run(context.Background(), args, strings.NewReader(""), failingWriter{}, &strings.Builder{})
		if err == nil || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("%s with failing output: %v", strings.Join(args, " "), err)
		}
	}

	store := filepath.Join(data, "reportmine.db")
	before, err := os.Stat(store)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "", "export", "figures", "--data", data, "--out", store); err == nil {
		t.Error("export --out the store succeeded")
	}
	after, err := os.Stat(store)
	if err != nil || after.Size() != before.Size() {
		t.Errorf("the store was %d bytes, is %v (%v)", before.Size(), after, err)
	}
	out := filepath.Join(t.TempDir(), "figures.jsonl")
	for range 2 { // an export file of its own may be written again
		if _, _, err := runCLI(t, "", "export", "figures", "--data", data, "--out", out); err != nil {
			t.Fatal(err)
		}
	}
}
