package check_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/app"
	"reportmine/check"
	"reportmine/ingest"
)

// The fact-checking suites: claims with the verdicts a reader expects,
// judged against documents ingested through the whole pipeline (reader,
// structure, extractor, store, checker) as a server or the CLI runs it.

// ingested opens a workspace over a fresh data directory holding the
// sources, read with the manifest (nil: none).
func ingested(t *testing.T, manifest *ingest.Manifest, paths ...string) *app.Workspace {
	t.Helper()
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	sum, err := ws.Ingest(ctx, ingest.Reader{}.Sources(paths), app.IngestOptions{Workers: 2, Manifest: manifest})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed > 0 {
		t.Fatalf("%d sources failed: %v", sum.Failed, sum.Reasons)
	}
	return ws
}

type expectedVerdict struct{ Claim, Verdict, Why, Note string }

func readClaims(t *testing.T, path string) []expectedVerdict {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []expectedVerdict
	if strings.HasSuffix(path, ".jsonl") {
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			var c expectedVerdict
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
		return out
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// judge checks every claim as of asOf and returns how many got the
// expected verdict, reporting the others through report.
func judge(t *testing.T, ws *app.Workspace, claims []expectedVerdict, asOf string, report func(format string, args ...any)) int {
	t.Helper()
	texts := make([]string, len(claims))
	for i, c := range claims {
		texts[i] = c.Claim
	}
	verdicts, err := ws.Check(context.Background(), texts, asOf)
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for i, v := range verdicts {
		c := claims[i]
		if v.Verdict == c.Verdict {
			right++
			continue
		}
		report("%s: %s, want %s (%s%s)\n  %s", c.Claim, v.Verdict, c.Verdict, c.Why, c.Note, v.Explanation)
	}
	return right
}

// TestClaimSuite: the fixture reports of testdata/claims and the claims
// of testdata/claims.json: each verdict, unit conversions, qualifiers and
// bounds, directions, rounding, % against 个百分点, sources that disagree.
func TestClaimSuite(t *testing.T) {
	claims := readClaims(t, "testdata/claims.json")
	if len(claims) < 40 {
		t.Fatalf("only %d claims", len(claims))
	}
	ws := ingested(t, nil, "testdata/claims")
	right := judge(t, ws, claims, "2024-07-15", t.Errorf)
	t.Logf("%d of %d claims judged as expected", right, len(claims))
}

// TestYearsClaimSuite: documents written in the style of two national
// work reports (each reviewing the year before and setting the year's
// targets), two cities' bulletins and a half-year report: other years'
// figures, targets against outcomes, restatements, % against 个百分点, a
// wrong city, a city's own level, absent claims.
func TestYearsClaimSuite(t *testing.T) {
	ws := ingested(t, nil, "testdata/claims-years")
	claims := readClaims(t, "testdata/claims-years.json")
	right := judge(t, ws, claims, "2024-06-01", t.Errorf)
	t.Logf("%d of %d claims judged as expected", right, len(claims))
}

// TestConflictsAcrossYears: a later report restating last year's figure
// differently (2022年城镇新增就业 1206万人 in the 2023 report, 1200万人 in
// the 2024 report) is a conflict; a target (5%左右) and the outcome of the
// same year (5.2%) are not.
func TestConflictsAcrossYears(t *testing.T) {
	ws := ingested(t, nil, "testdata/claims-years")
	conflicts, err := ws.Conflicts(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range conflicts {
		if strings.Contains(c.Metric, "城镇新增就业") && len(c.Evidence) == 2 {
			found = true
		}
		for _, e := range c.Evidence {
			if e.Target {
				t.Errorf("a target in a conflict: %s", c.Explanation)
			}
		}
	}
	if !found {
		t.Errorf("the restated 2022 employment figure is no conflict: %+v", conflicts)
	}
}

const (
	sharedCorpus = "../../shared/corpus"
	wideCorpus   = "../../shared/corpus-wide"
)

// TestSharedCorpusChecks: the development-zone cases of ../shared/corpus.
func TestSharedCorpusChecks(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skip("../shared/corpus is not here")
	}
	ws := ingested(t, nil, sharedCorpus)
	conflicts, err := ws.Conflicts(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"778亿元", "752亿元"}, {"50个百分点", "37.82个百分点"}} {
		found := false
		for _, c := range conflicts {
			found = found || strings.Contains(c.Explanation, pair[0]) && strings.Contains(c.Explanation, pair[1])
		}
		if !found {
			t.Errorf("no conflict of %s against %s", pair[0], pair[1])
		}
	}
	claims := []expectedVerdict{
		{Claim: "综改区上半年地区生产总值同比增长6.4%", Verdict: check.Contradicted},
		{Claim: "2020年全省开发区签约项目1966个，总投资12327.5亿元", Verdict: check.Supported},
		{Claim: "综改区新签约项目总投资778亿元", Verdict: check.Conflicting},
		{Claim: "某县2023年粮食产量增长8.8%", Verdict: check.NotFound},
	}
	judge(t, ws, claims, "2026-11-25", t.Errorf)
}

// TestWideClaims checks 40 claims a reader wrote from the 60 documents of
// ../shared/corpus-wide (testdata/claims-wide.jsonl: 20 true, 16 altered,
// 4 absent), without seeing the tool's output. The national reports get
// their title and date from a manifest built from the corpus's SOURCES.md,
// as a journalist with a catalogue would supply them. It holds the bar:
// at least 85% of verdicts right, and no true claim contradicted.
func TestWideClaims(t *testing.T) {
	sources, err := os.ReadFile(filepath.Join(wideCorpus, "SOURCES.md"))
	if err != nil {
		t.Skip("shared wide corpus not present")
	}
	manifestPath := filepath.Join(t.TempDir(), "meta.csv")
	if err := os.WriteFile(manifestPath, []byte(nationalReportsManifest(string(sources))), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest, err := ingest.ReadManifest(manifestPath)
	if err != nil {
		t.Fatal(err)
	}
	ws := ingested(t, manifest, filepath.Join(wideCorpus, "gwr"), filepath.Join(wideCorpus, "other"))
	claims := readClaims(t, "testdata/claims-wide.jsonl")
	verdicts := map[string]string{}
	right := judge(t, ws, claims, "2026-11-25", func(format string, args ...any) {
		t.Logf(format, args...)
		verdicts[fmt.Sprint(args[0])] = fmt.Sprint(args[1])
	})
	for _, c := range claims {
		if c.Verdict == check.Supported && verdicts[c.Claim] == check.Contradicted {
			t.Errorf("a true claim was contradicted: %s", c.Claim)
		}
	}
	t.Logf("%d of %d claims judged as the reader expected", right, len(claims))
	if float64(right) < 0.85*float64(len(claims)) {
		t.Errorf("%d of %d right, want at least 85%%", right, len(claims))
	}
}

// nationalReportsManifest lists the national work reports of the wide
// corpus with their title and the month they were given (March of their
// year), from the table of its SOURCES.md.
func nationalReportsManifest(sources string) string {
	var b strings.Builder
	b.WriteString("source,title,date\n")
	for _, line := range strings.Split(sources, "\n") {
		if !strings.HasPrefix(line, "| gwr/") {
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			continue
		}
		file, year := strings.TrimSpace(cells[1]), strings.TrimSpace(cells[4])
		title := ""
		if i := strings.Index(line, `title "`); i >= 0 {
			title, _, _ = strings.Cut(line[i+len(`title "`):], `"`)
		}
		if len(year) == 4 {
			fmt.Fprintf(&b, "%s,%s,%s-03\n", strings.TrimPrefix(file, "gwr/"), title, year)
		}
	}
	return b.String()
}
