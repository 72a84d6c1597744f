package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A national report whose text prints neither title nor date, as the
// national work reports do; a manifest supplies them.
const undatedReport = "各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、过去一年工作回顾\n\n国内生产总值比上年增长5.2%。今年发展的主要预期目标是：国内生产总值增长5%左右。\n"

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestManifest(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "report.txt"), undatedReport)
	manifest := filepath.Join(dir, "meta.csv")
	writeFile(t, manifest, "source,title,date,issuer,kind\nreport.txt,2024年政府工作报告,2024-03-05,国务院,政府工作报告\n")
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "--meta", manifest, dir+"/report.txt"); err != nil {
		t.Fatal(err)
	}
	docs := exportJSON(t, data, "documents")
	if len(docs) != 1 || docs[0]["title"] != "2024年政府工作报告" || docs[0]["date"] != "2024-03-05" || docs[0]["place"] != "全国" || docs[0]["kind"] != "政府工作报告" {
		t.Fatalf("documents = %v", docs)
	}
	figs := exportJSON(t, data, "figures")
	var target, outcome bool
	for _, f := range figs {
		switch f["text"] {
		case "5%左右":
			target = f["target"] == true && f["period_from"] == "2024-01-01"
		case "5.2%":
			outcome = f["target"] == nil && f["subject"] == "全国"
		}
	}
	if !target || !outcome {
		t.Errorf("the goal of 今年 should be a target dated 2024 and last year's growth a national outcome: %v", figs)
	}

	// Corrected metadata updates the stored document, without a duplicate.
	writeFile(t, manifest, "source,title,date,issuer,kind\nreport.txt,2024年政府工作报告,2024-03-06,国务院,政府工作报告\n")
	out, _, err := runCLI(t, "", "ingest", "--data", data, "--meta", manifest, dir+"/report.txt")
	if err != nil || !strings.Contains(out, "updated 1") {
		t.Fatalf("re-ingest: %v\n%s", err, out)
	}
	docs = exportJSON(t, data, "documents")
	if len(docs) != 1 || docs[0]["date"] != "2024-03-06" {
		t.Errorf("after correction: %v", docs)
	}
	// The index has the corrected date too: a year: search finds it.
	if out, _, err := runCLI(t, "", "search", "--data", data, "--json", "year:2024 国内生产总值"); err != nil || !strings.Contains(out, `"date":"2024-03-06"`) {
		t.Errorf("search after correction: %v\n%s", err, out)
	}
	out, _, _ = runCLI(t, "", "ingest", "--data", data, "--meta", manifest, dir+"/report.txt")
	if !strings.Contains(out, "unchanged 1") {
		t.Errorf("the same metadata again should leave the document unchanged:\n%s", out)
	}
}

func TestIngestManifestJSONLinesAndSidecar(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), undatedReport)
	writeFile(t, filepath.Join(dir, "b.txt"), strings.Replace(undatedReport, "5.2%", "6.1%", 1))
	writeFile(t, filepath.Join(dir, "b.meta.json"), `{"title":"某年报告","date":"2019","kind":"政府工作报告"}`)
	manifest := filepath.Join(dir, "meta.jsonl")
	writeFile(t, manifest, `{"source":"`+filepath.Join(dir, "a.txt")+`","date":"2020-05"}`+"\n")
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "--meta", manifest, dir); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, d := range exportJSON(t, data, "documents") {
		got[filepath.Base(d["source"].(string))] = d["date"]
	}
	if len(got) != 2 || got["a.txt"] != "2020-05" || got["b.txt"] != "2019" {
		t.Errorf("dates = %v (the sidecar is metadata, not a document)", got)
	}
}

func TestManifestErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "r.txt"), undatedReport)
	for name, text := range map[string]string{
		"bad-date.csv":   "source,date\nr.txt,2024年3月\n",
		"bad-col.csv":    "source,released\nr.txt,2024\n",
		"bad-json.jsonl": "{\"source\":\"r.txt\",\"date\":\"2024-13\"}\n",
	} {
		path := filepath.Join(dir, name)
		writeFile(t, path, text)
		_, _, err := runCLI(t, "", "extract", "--meta", path, filepath.Join(dir, "r.txt"))
		if err == nil || !strings.Contains(err.Error(), name) || errors.Is(err, errReported) {
			t.Errorf("%s: err = %v, want one naming the manifest", name, err)
		}
	}
}
