package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"reportmine/corpus/store"
)

// needPDF skips PDF checks where poppler is missing, except in CI, whose
// .ci/run installs it.
func needPDF(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext missing in CI: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext not installed")
	}
}

func TestIngestFixtures(t *testing.T) {
	needPDF(t)
	data := t.TempDir()
	// The folder holds the six fixtures and their README.md, which is text
	// too (and fuzz corpora in subfolders, which are not fixtures).
	files, _ := filepath.Glob("../../ingest/testdata/*.*")
	out, errOut, err := runCLI(t, "", append([]string{"ingest", "--data", data, "--workers", "2"}, files...)...)
	if !errors.Is(err, errReported) {
		t.Fatalf("ingest with bad fixtures should exit 1, got %v", err)
	}
	for _, want := range []string{"ingested 5, unchanged 0, failed 3", "failed: 1 × empty file", "failed: 1 × not a document", "failed: 1 × pdftotext failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"truncated.pdf", "binary_named.txt", "empty.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
	docs := exportJSON(t, data, "documents")
	byName := map[string]map[string]any{}
	for _, d := range docs {
		byName[filepath.Base(d["source"].(string))] = d
	}
	checks := []struct{ file, format, encoding, title, date, issuer string }{
		{"gbk_article.html", "html", "GBK", "示例经开区上半年招商引资成效明显", "2024-07-15", "示例经济技术开发区管委会"},
		{"big5_report.txt", "txt", "Big5", "示例縣2023年國民經濟統計公報", "", ""},
		{"utf16_report.txt", "txt", "UTF-16LE", "示例区上半年经济运行情况", "", ""},
		{"two_pages.pdf", "pdf", "UTF-8", "测试园区一季度经济运行简报", "", ""},
	}
	for _, c := range checks {
		d := byName[c.file]
		if d == nil {
			t.Errorf("%s not stored", c.file)
			continue
		}
		if d["format"] != c.format || d["encoding"] != c.encoding || d["title"] != c.title || str(d["date"]) != c.date || str(d["issuer"]) != c.issuer {
			t.Errorf("%s stored as %v", c.file, d)
		}
	}
	if byName["two_pages.pdf"]["pages"] != float64(2) {
		t.Errorf("PDF pages = %v", byName["two_pages.pdf"]["pages"])
	}
	html := figuresOf(t, data, "gbk_article.html")
	if !strings.Contains(html, "money 21860000000 CNY") || strings.Contains(html, "1234567890") {
		t.Errorf("HTML figures (article body only): %s", html)
	}
	page2 := false
	st, _ := store.Open(context.Background(), data)
	defer st.Close()
	st.Figures(context.Background(), store.FigureFilter{Source: "two_pages.pdf"}, func(r store.FigureRow) error {
		if r.Text == "12458 户" && r.Page == 2 {
			page2 = true
		}
		return nil
	})
	if !page2 {
		t.Error("the PDF figure 12458 户 is not recorded on page 2")
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func exportJSON(t *testing.T, data, what string) []map[string]any {
	t.Helper()
	out, _, err := runCLI(t, "", "export", what, "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, m)
	}
	return rows
}

// figuresOf describes the stored figures of one source, one per line.
func figuresOf(t *testing.T, data, source string) string {
	t.Helper()
	var sb strings.Builder
	for _, f := range exportJSON(t, data, "figures") {
		if strings.HasSuffix(str(f["source"]), source) {
			sb.WriteString(str(f["kind"]) + " " + strings.TrimSuffix(strings.TrimSuffix(jsonNumber(f["value"]), ".0"), "") + " " + str(f["unit"]) + "\n")
		}
	}
	return sb.String()
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestIngestExportMatchesExtract: what ingest stores and export writes is
// what extract prints, record for record (same ids).
func TestIngestExportMatchesExtract(t *testing.T) {
	paths := []string{"../../examples"}
	if shared, _ := filepath.Glob("../../../shared/corpus"); len(shared) > 0 {
		paths = append(paths, shared[0])
	}
	data := t.TempDir()
	if _, _, err := runCLI(t, "", append([]string{"ingest", "--data", data}, paths...)...); err != nil {
		t.Fatal(err)
	}
	exported, _, err := runCLI(t, "", "export", "figures", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	extracted, _, err := runCLI(t, "", append([]string{"extract"}, paths...)...)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := sortedLines(exported), sortedLines(extracted); a != b || a == "" {
		t.Errorf("export and extract differ: %d vs %d bytes", len(a), len(b))
	}
	// Idempotence: a second ingest changes nothing and says so.
	before := counts(t, data)
	out, _, err := runCLI(t, "", append([]string{"ingest", "--data", data}, paths...)...)
	if err != nil || !strings.Contains(out, "ingested 0, unchanged") {
		t.Errorf("second ingest: %v\n%s", err, out)
	}
	if after := counts(t, data); after != before {
		t.Errorf("row counts changed: %+v → %+v", before, after)
	}
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func counts(t *testing.T, data string) store.Counts {
	t.Helper()
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIngestURL fetches a GBK page from a local server, charset given in
// the HTTP header only.
func TestIngestURL(t *testing.T) {
	page, err := os.ReadFile("../../ingest/testdata/gbk_article.html")
	if err != nil {
		t.Fatal(err)
	}
	page = []byte(strings.Replace(string(page), "charset=gbk", "charset=none", 1))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") == "" {
			http.Error(w, "no agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		w.Write(page)
	}))
	defer srv.Close()
	data := t.TempDir()
	out, errOut, err := runCLI(t, "", "ingest", "--data", data, srv.URL+"/article/1.html")
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	docs := exportJSON(t, data, "documents")
	if len(docs) != 1 || docs[0]["url"] != srv.URL+"/article/1.html" || docs[0]["title"] != "示例经开区上半年招商引资成效明显" {
		t.Errorf("documents: %v", docs)
	}
}

// TestNearDuplicatesAndOnlyFailed: a lightly edited republication is marked
// duplicate_of the first, a reprint with a figure changed is not (its
// figure must stay in conflicts); --only-failed retries exactly last run's
// failures.
func TestNearDuplicatesAndOnlyFailed(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("示例开发区今年以来坚持项目为王，新签约项目36个，总投资218.6亿元，同比增长12.5%。", 1) +
		"其中亿元以上项目21个，园区规上工业增加值同比增长9.3%，新增市场主体2450户，高新技术企业达到128家，研发投入占比提高到3.2%。" +
		"下一步，开发区将围绕新材料、高端装备、现代医药三大主导产业，持续开展精准招商，力争全年新签约项目突破60个，" +
		"固定资产投资增长15%以上，规上工业企业营业收入突破500亿元，打造全省一流的营商环境和产业生态。" +
		"同时，开发区将深化招落一体改革，压缩项目落地周期，确保重点项目早开工、早投产、早达效，为全市经济高质量发展作出更大贡献。"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("（转载）"+text+"（责任编辑：王明）"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte{}, 0o644)
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte("（转载）"+strings.Replace(text, "218.6亿元", "281.6亿元", 1)), 0o644)
	data := t.TempDir()
	out, _, err := runCLI(t, "", "ingest", "--data", data, "--workers", "1", dir)
	if !errors.Is(err, errReported) || !strings.Contains(out, "1 near-duplicates") {
		t.Fatalf("%v\n%s", err, out)
	}
	dups := 0
	for _, d := range exportJSON(t, data, "documents") {
		if str(d["duplicate_of"]) != "" {
			dups++
		}
	}
	if dups != 1 {
		t.Errorf("%d documents marked duplicate_of, want 1", dups)
	}
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("补写的内容：新增项目5个。"), 0o644)
	out, _, err = runCLI(t, "", "ingest", "--data", data, "--only-failed")
	if err != nil || !strings.Contains(out, "ingested 1, unchanged 0, failed 0") {
		t.Errorf("--only-failed: %v\n%s", err, out)
	}
}
