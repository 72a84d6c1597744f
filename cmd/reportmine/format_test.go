package main

import (
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestFigureFormatsGolden pins every output format of figures: the JSON
// Lines records and the CSV header and rows of the same figures.
func TestFigureFormatsGolden(t *testing.T) {
	for _, c := range []struct{ name, format string }{
		{"extract.jsonl", "jsonl"}, {"extract.csv", "csv"},
	} {
		out, _, err := runCLI(t, "", "extract", "--format", c.format, "../../examples/pdf_damaged.txt", "../../examples/fullwidth_numerals.txt")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", c.name+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if out != string(want) {
			t.Errorf("%s differs from %s (run go test ./cmd/reportmine -run TestFigureFormatsGolden -update after checking the change)", c.format, golden)
		}
	}
}

// TestCSVRowsMatchHeader: every CSV row carries exactly the header's
// columns, and the contract's fields are all there.
func TestCSVRowsMatchHeader(t *testing.T) {
	out, _, err := runCLI(t, "", "extract", "--format", "csv", "../../examples/clean_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	for _, field := range []string{"value_max", "period_from", "period_to", "base", "article", "page", "precision", "rule", "warnings", "dict"} {
		if !contains(header, field) {
			t.Errorf("CSV header lacks %q: %v", field, header)
		}
	}
	for i, r := range rows[1:] {
		if len(r) != len(header) {
			t.Fatalf("row %d has %d cells, header %d", i+1, len(r), len(header))
		}
	}
}

// TestExportedFiguresCarryPage: a PDF's figures keep their page through
// the store, in JSON Lines and CSV alike.
func TestExportedFiguresCarryPage(t *testing.T) {
	needPDF(t)
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../ingest/testdata/two_pages.pdf"); err != nil {
		t.Fatal(err)
	}
	pages := map[string]bool{}
	for _, f := range exportJSON(t, data, "figures") {
		pages[jsonNumber(f["page"])] = true
	}
	if !pages["1"] || !pages["2"] {
		t.Errorf("exported figures have pages %v, want 1 and 2", pages)
	}
	out, _, err := runCLI(t, "", "export", "figures", "--data", data, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, name := range rows[0] {
		if name == "page" {
			col = i
		}
	}
	if col < 0 || len(rows) < 2 || rows[len(rows)-1][col] != "2" {
		t.Errorf("CSV page column missing or empty:\n%s", out)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
