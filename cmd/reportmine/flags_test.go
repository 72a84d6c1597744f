package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"reportmine/index"
)

// TestFlags: usage once on --help; flags after the arguments; -- ends
// flags; values out of range are usage errors (exit 2), never a panic or
// a flood.
func TestFlags(t *testing.T) {
	out, _, err := runCLI(t, "", "search", "--help")
	if err != nil || strings.Count(out, "usage:") != 1 {
		t.Errorf("--help: %v, %d usages", err, strings.Count(out, "usage:"))
	}
	data := t.TempDir()
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "../../examples"); err != nil {
		t.Fatalf("%v %s", err, errOut)
	}
	out, _, err = runCLI(t, "", "search", "--data", data, "增长", "--limit", "1", "--json")
	var res struct{ Hits []struct{ Sentence string } }
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Sentence, "增长") {
		t.Errorf("flags after the query: %v %s", err, out)
	}
	for _, args := range [][]string{
		{"search", "--data", data, "增长", "-下降", "--json"},
		{"search", "--data", data, "-下降", "增长", "--json"},
		{"search", "--data", data, "--json", "增长", `-"同比 下降"`},
	} {
		out, errOut, err := runCLI(t, "", args...)
		var res struct{ Total int }
		if err != nil || json.Unmarshal([]byte(out), &res) != nil || res.Total == 0 {
			t.Errorf("a negated term is a search term, not a flag: %v: %v %s %s", args, err, out, errOut)
		}
	}
	out, _, err = runCLI(t, "", "check", "--data", data, "--json", "--", "-3%的说法")
	if err != nil || !strings.Contains(out, `"claim":"-3%的说法"`) {
		t.Errorf("-- before a claim that starts with -: %v %s", err, out)
	}
	for _, args := range [][]string{
		{"search", "--data", data, "--offset", "-1", "x"},
		{"search", "--data", data, "--limit", "0", "x"},
		{"search", "--data", data, "--sort", "size", "x"},
		{"kwic", "--data", data, "--width", "-1", "x"},
		{"kwic", "--data", data, "--width", "100000000", "x"},
		{"ingest", "--data", data, "--workers", "0", "../../examples"},
		{"conflicts", "--data", data, "--min-gap", "-5"},
		{"eval", "--gold", "g.jsonl", "--min-f1", "2", "x"},
	} {
		if _, _, err := runCLI(t, "", args...); !errors.Is(err, errUsage) || exitCode(err) != 2 {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// TestReadCommandsNeverCreate: a read command pointed at a directory
// without a corpus says so and leaves nothing behind.
func TestReadCommandsNeverCreate(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing-here")
	for _, args := range [][]string{
		{"search", "x"}, {"kwic", "x"}, {"figures"}, {"check", "增长5%"}, {"conflicts"}, {"export", "figures"}, {"serve"},
	} {
		_, _, err := runCLI(t, "", append(args, "--data", missing)...)
		if err == nil || !strings.Contains(err.Error(), "no corpus") || !strings.Contains(err.Error(), missing) {
			t.Errorf("%s on %s: %v", args[0], missing, err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%s created %s", args[0], missing)
		}
	}
}

// TestIngestFIFOInFolder: a FIFO among the files of a folder is named
// with its reason and the batch goes on: nothing hangs.
func TestIngestFIFOInFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("全年地区生产总值增长5.1%。"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here")
	}
	done := make(chan struct{})
	var out, errOut string
	var err error
	go func() {
		out, errOut, err = runCLI(t, "", "ingest", "--data", t.TempDir(), dir)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("ingest hangs on a FIFO")
	}
	if !errors.Is(err, errReported) || !strings.Contains(errOut, "pipe.txt") || !strings.Contains(errOut, "FIFO") || !strings.Contains(out, "ingested 1,") {
		t.Errorf("err %v\nstdout %s\nstderr %s", err, out, errOut)
	}
}

// TestBadInputBatch: one batch with every kind of bad input beside good
// files stores the good files, names every bad one with its reason, and
// exits 1.
func TestBadInputBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("全年地区生产总值增长5.1%。"))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("<html><body><div class=\"article\"><p>全年粮食产量98.6万吨。</p></div></body></html>")
	write("good-gbk.html", []byte(gbk))
	bad := map[string][]byte{
		"binary.txt": {'a', 0, 'b', 0xff},
		"broken.pdf": []byte("%PDF-1.7\n1 0 obj << garbage"),
		"latin.html": []byte("<html><body><p>caf\xe9 cr\xe8me " + strings.Repeat("\xe9", 40) + "</p></body></html>"),
		"big.txt":    []byte(strings.Repeat("数", 1000)),
		"noise.txt":  []byte(strings.Repeat("\x81\x30\xfe\x39\xa0", 50)),
	}
	for name, data := range bad {
		write(name, data)
	}
	if syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644) == nil {
		bad["pipe.txt"] = nil
	}
	done := make(chan struct{})
	var out, errOut string
	var err error
	go func() {
		out, errOut, err = runCLI(t, "", "ingest", "--max-bytes", "2000", "--data", t.TempDir(), dir)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the batch hangs")
	}
	if !errors.Is(err, errReported) {
		t.Errorf("exit: %v, want status 1", err)
	}
	if !strings.Contains(out, "ingested 2,") {
		t.Errorf("good files not both stored:\n%s", out)
	}
	for name := range bad {
		if !strings.Contains(errOut, name) {
			t.Errorf("%s not named on stderr:\n%s", name, errOut)
		}
	}
}

// TestSearchWaitsVisibly: while another holder has the index, search says
// it waits and answers once the index is free; --no-wait fails instead.
func TestSearchWaitsVisibly(t *testing.T) {
	data := t.TempDir()
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "../../examples"); err != nil {
		t.Fatalf("%v %s", err, errOut)
	}
	holder, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "", "search", "--data", data, "--no-wait", "增长"); !errors.Is(err, index.ErrBusy) {
		holder.Close()
		t.Fatalf("--no-wait: %v", err)
	}
	var stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- runWith(context.Background(), []string{"search", "--data", data, "增长"}, strings.NewReader(""), io.Discard, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "waiting for the index") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	holder.Close()
	if !strings.Contains(stderr.String(), "waiting for the index") {
		t.Error("no word of waiting")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("search after the index was freed: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("search still waits after the index was freed")
	}
}
