package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := runWith(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestExtractJSONL(t *testing.T) {
	out, _, err := runCLI(t, "", "extract", "../../examples/clean_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 10 {
		t.Fatalf("only %d records", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[2]), &rec); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"schema", "id", "doc", "source", "kind", "value", "unit", "approx", "text", "surface", "start", "end", "sentence", "metric", "subject", "period"} {
		if _, ok := rec[field]; !ok {
			t.Errorf("record lacks %q: %s", field, lines[2])
		}
	}
	again, _, _ := runCLI(t, "", "extract", "../../examples/clean_report.txt")
	if again != out {
		t.Error("two runs differ")
	}
}

func TestExtractStdinAndCSV(t *testing.T) {
	out, _, err := runCLI(t, "总投资560亿元，同比增长6.4%。", "extract", "--format", "csv", "--excel", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "\ufeffschema,id,doc,source,kind,value") {
		t.Errorf("no BOM and header: %q", out[:40])
	}
	if !strings.Contains(out, ",money,56000000000,,CNY,") {
		t.Errorf("money value not written as a plain number:\n%s", out)
	}
}

// TestExtractBadFiles checks that unreadable input is reported by name and
// does not stop the batch.
func TestExtractBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	gbk := filepath.Join(dir, "gbk.txt")
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(good, []byte("新签约项目36个。"), 0o644)
	os.WriteFile(gbk, []byte{0xd7, 0xdc, 0xcd, 0xb6, 0xd7, 0xca, '5', 0xd2, 0xda}, 0o644)
	os.WriteFile(binary, []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, 0o644)
	missing := filepath.Join(dir, "missing.txt")
	out, errOut, err := runCLI(t, "", "extract", binary, gbk, missing, good)
	if !errors.Is(err, errReported) {
		t.Errorf("err = %v, want errReported (exit 1)", err)
	}
	if !strings.Contains(out, `"value":36`) || !strings.Contains(out, `"value":500000000`) {
		t.Errorf("good and GBK files not processed: %s", out)
	}
	if !strings.Contains(errOut, binary+": not a document") || !strings.Contains(errOut, missing) {
		t.Errorf("stderr does not name the files and problems:\n%s", errOut)
	}
}

func TestHelpAndUsage(t *testing.T) {
	for _, verb := range []string{"extract", "eval"} {
		out, _, err := runCLI(t, "", verb, "--help")
		if err != nil || !strings.Contains(out, "usage: reportmine "+verb) {
			t.Errorf("%s --help: %v %q", verb, err, out)
		}
	}
	if _, _, err := runCLI(t, "", "nosuch"); exitCode(err) != 2 {
		t.Errorf("unknown command: exit %d", exitCode(err))
	}
	if _, _, err := runCLI(t, "", "extract", "--format", "xml", "x"); exitCode(err) != 2 {
		t.Errorf("bad format: exit %d", exitCode(err))
	}
}

func TestEval(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "r.txt")
	os.WriteFile(doc, []byte("完成投资46.6亿元，同比下降6.4%，引进企业20余家。"), 0o644)
	gold := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(gold, []byte(`{"doc":"r.txt","kind":"money","value":4660000000,"unit":"CNY","quote":"46.6亿元"}
{"doc":"r.txt","kind":"percent","value":6.4,"unit":"%","quote":"6.4%","change":"down"}
{"doc":"r.txt","kind":"count","value":30,"unit":"家","quote":"30家"}
`), 0o644)
	out, _, err := runCLI(t, "", "eval", "--gold", gold, "--verbose", "--min-f1", "0.9", doc)
	if !errors.Is(err, errReported) {
		t.Errorf("F1 below --min-f1 should fail, got %v", err)
	}
	for _, want := range []string{"tp 2  fn 1  fp 1", "missed  count 30 家", "extra   count 20 家", "qualifiers 1.000 (1/1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// sharedCorpus lists the documents of ../shared/corpus, skipping the test
// or benchmark when they are not on this machine.
func sharedCorpus(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob("../../../shared/corpus/*.txt")
	if len(paths) == 0 {
		tb.Skip("../shared/corpus is not here")
	}
	return paths
}
