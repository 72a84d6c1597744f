package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readCommands are the commands that only read a data directory.
var readCommands = [][]string{
	{"search", "增长"}, {"kwic", "增长"}, {"figures"}, {"figures", "--kind", "percent", "--json"},
	{"check", "国内生产总值增长5.2%"}, {"conflicts"}, {"export", "figures"}, {"export", "documents"},
}

// snapshot maps every file under dir to a digest of its bytes and mode.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sqliteSidecars are the shared-memory and log files SQLite keeps beside a
// WAL database: a reader creates them (empty) when no writer has, and they
// hold no data.
func sqliteSidecar(name string) bool {
	return strings.HasSuffix(name, ".db-wal") || strings.HasSuffix(name, ".db-shm")
}

// TestReadCommandsNeverWrite: every read command leaves the store's and
// the index's files byte for byte as they were (issue 15, item 6).
func TestReadCommandsNeverWrite(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "report.txt"), undatedReport)
	if _, _, err := runCLI(t, "", "ingest", "--data", data, filepath.Join(dir, "report.txt")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, data)
	for _, args := range readCommands {
		if _, stderr, err := runCLI(t, "", append(args, "--data", data)...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		after := snapshot(t, data)
		for name, sum := range after {
			if before[name] != sum && !(sqliteSidecar(name) && before[name] == "") {
				t.Errorf("%v changed or created %s", args, name)
			}
		}
		for name := range before {
			if _, ok := after[name]; !ok {
				t.Errorf("%v removed %s", args, name)
			}
		}
		before = after
	}
}

// TestReadOnlyMedia: on a read-only file system the read commands answer
// (the store opened immutable, the index read-only) and ingest fails with
// a clear error. It bind-mounts the data directory read-only, which needs
// root; elsewhere it skips.
func TestReadOnlyMedia(t *testing.T) {
	dir, data, ro := t.TempDir(), t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "report.txt"), undatedReport)
	if _, _, err := runCLI(t, "", "ingest", "--data", data, filepath.Join(dir, "report.txt")); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "--bind", "-o", "ro", data, ro).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount read-only here: %v %s", err, out)
	}
	defer exec.Command("umount", ro).Run()
	if err := os.WriteFile(filepath.Join(ro, "probe"), nil, 0o644); err == nil {
		t.Skip("the read-only mount is writable")
	}
	for _, args := range readCommands {
		out, stderr, err := runCLI(t, "", append(args, "--data", ro)...)
		if err != nil {
			t.Errorf("%v on read-only media: %v\n%s", args, err, stderr)
		} else if strings.TrimSpace(out) == "" {
			t.Errorf("%v on read-only media: no output", args)
		}
	}
	_, _, err := runCLI(t, "", "ingest", "--data", ro, filepath.Join(dir, "report.txt"))
	if err == nil || !strings.Contains(err.Error(), ro) {
		t.Errorf("ingest on read-only media: %v, want an error naming %s", err, ro)
	}
}
