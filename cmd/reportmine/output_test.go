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
		err := runWith(context.Background(), args, strings.NewReader(""), failingWriter{}, &strings.Builder{})
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

// TestExtractNamedNonDocument: a file named on the command line that is
// not a document is reported, naming it; in a folder it is passed over.
func TestExtractNamedNonDocument(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "blob.bin")
	if err := os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0, 0, 0xff, 0xfe}, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runCLI(t, "", "extract", bin)
	if err == nil || !strings.Contains(stderr, bin) {
		t.Errorf("extract %s: %v, stderr %q", bin, err, stderr)
	}
	if _, stderr, err := runCLI(t, "", "extract", dir); err != nil || stderr != "" {
		t.Errorf("extract of its folder: %v, stderr %q", err, stderr)
	}
}

// TestClaimsNotText: a claims file that is not UTF-8 text (a binary file,
// a GBK file) is refused, naming the line, not read as claims.
func TestClaimsNotText(t *testing.T) {
	for _, data := range []string{"2023年国内生产总值增长5.2%\n\x89PNG\x00\x01\n", "\xb9\xfa\xc4\xda\xc9\xfa\xb2\xfa\xd7\xdc\xd6\xb5\n"} {
		_, err := readClaims(env{stdin: strings.NewReader(data)}, nil, "-")
		if err == nil || !strings.Contains(err.Error(), "is not UTF-8 text") {
			t.Errorf("%q: %v", data, err)
		}
	}
	claims, err := readClaims(env{stdin: strings.NewReader("2023年国内生产总值增长5.2%\n# 注释\n")}, nil, "-")
	if err != nil || len(claims) != 1 {
		t.Errorf("a UTF-8 claims file: %q %v", claims, err)
	}
}
