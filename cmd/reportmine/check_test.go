package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reportmine/app"
	"strings"
	"testing"

	"reportmine/check"
	"reportmine/corpus/store"
)

// TestClaimSuite ingests the fixture reports of testdata/claims and checks
// every claim of testdata/claims.json against them: each verdict, unit
// conversions, qualifiers and bounds, directions, rounding, % against
// 个百分点, sources that disagree.
func TestClaimSuite(t *testing.T) {
	var claims []struct{ Claim, Verdict, Why string }
	raw, err := os.ReadFile("testdata/claims.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	if len(claims) < 40 {
		t.Fatalf("only %d claims", len(claims))
	}
	data := t.TempDir()
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, _ := newExtractor("", "")
	c := check.Checker{Corpus: app.NewStoreCorpus(ctx, st), MaxEvidence: 20}
	right := 0
	for _, cl := range claims {
		v, err := app.CheckClaim(c, x, cl.Claim, "2024-07-15")
		if err != nil {
			t.Fatal(err)
		}
		if v.Verdict == cl.Verdict {
			right++
			continue
		}
		t.Errorf("%s: %s, want %s (%s)\n  %s", cl.Claim, v.Verdict, cl.Verdict, cl.Why, v.Explanation)
	}
	t.Logf("%d of %d claims judged as expected", right, len(claims))
}

// TestCheckAndConflictsCommands runs both verbs end to end.
func TestCheckAndConflictsCommands(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "青山高新区上半年地区生产总值同比下降7.2%\n# a note\n白河市2023年粮食产量12.6万吨\n", "check", "--data", data, "--json", "--file", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"verdict":"contradicted"`) || !strings.Contains(lines[1], `"verdict":"supported"`) {
		t.Errorf("check output:\n%s", out)
	}
	var v check.Verdict
	json.Unmarshal([]byte(lines[0]), &v)
	if len(v.Figures) != 1 || len(v.Figures[0].Evidence) == 0 || v.Figures[0].Evidence[0].Sentence == "" || v.Figures[0].Evidence[0].Source == "" {
		t.Errorf("verdict lacks evidence: %+v", v)
	}
	out, _, err = runCLI(t, "", "conflicts", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"420亿元", "410亿元", "23.5个百分点", "25.1个百分点"} {
		if !strings.Contains(out, want) {
			t.Errorf("conflicts lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "286.45") {
		t.Errorf("a rounding difference reported as a conflict:\n%s", out)
	}
}

// TestSharedCorpusChecks: the cases the issue names, on ../shared/corpus.
func TestSharedCorpusChecks(t *testing.T) {
	if _, err := os.Stat("../../../shared/corpus"); err != nil {
		t.Skip("../shared/corpus is not here")
	}
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../../shared/corpus"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "conflicts", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"778亿元", "752亿元"}, {"50个百分点", "37.82个百分点"}} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, pair[0]) && strings.Contains(line, pair[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("conflicts does not report %s against %s:\n%s", pair[0], pair[1], out)
		}
	}
	for claim, want := range map[string]string{
		"综改区上半年地区生产总值同比增长6.4%":             check.Contradicted,
		"2020年全省开发区签约项目1966个，总投资12327.5亿元": check.Supported,
		"综改区新签约项目总投资778亿元":                 check.Conflicting,
		"某县2023年粮食产量增长8.8%":                check.NotFound,
	} {
		out, _, err := runCLI(t, "", "check", "--data", data, "--json", claim)
		if err != nil {
			t.Fatal(err)
		}
		var v check.Verdict
		json.Unmarshal([]byte(out), &v)
		if v.Verdict != want {
			t.Errorf("%s: %s, want %s (%s)", claim, v.Verdict, want, v.Explanation)
		}
	}
}

// TestCheckStoreFailureIsAnError breaks the store under a check: the
// command fails with the store's error, and prints no verdict (a
// fact-checker that says "not found" because it could not read has lied).
func TestCheckStoreFailureIsAnError(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, `ALTER TABLE figures RENAME COLUMN metric TO metric_gone`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, verb := range [][]string{{"check", "--data", data, "白河市2023年粮食产量12.6万吨"}, {"conflicts", "--data", data}} {
		out, _, err := runCLI(t, "", verb...)
		if err == nil || !strings.Contains(err.Error(), "metric") {
			t.Errorf("%s on a broken store: err = %v, want the store's error", verb[0], err)
		}
		if strings.Contains(out, "not_found") || strings.Contains(out, "未找到") {
			t.Errorf("%s printed a verdict from a broken store:\n%s", verb[0], out)
		}
	}
}

// TestCheckCSVAndFailOn writes the verdict table and sets the exit status
// for scripted use.
func TestCheckCSVAndFailOn(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims"); err != nil {
		t.Fatal(err)
	}
	claims := "白河市2023年粮食产量12.6万吨\n白河市2023年粮食产量15万吨\n"
	out, _, err := runCLI(t, claims, "check", "--data", data, "--format", "csv", "--file", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "claim,verdict,figure,figure_verdict,explanation,evidence_text,evidence_quote,title,issuer,date") {
		t.Fatalf("csv:\n%s", out)
	}
	if !strings.Contains(lines[1], "supported") || !strings.Contains(lines[1], "全年粮食产量12.6万吨，比上年减少0.8万吨。") || !strings.Contains(lines[2], "contradicted") {
		t.Errorf("csv rows should cite the sentence as printed:\n%s", out)
	}
	if _, _, err := runCLI(t, claims, "check", "--data", data, "--fail-on", "contradicted", "--file", "-"); !errors.Is(err, errReported) {
		t.Errorf("--fail-on contradicted: err = %v, want exit status 1", err)
	}
	if _, _, err := runCLI(t, "", "check", "--data", data, "--fail-on", "wrong", "x"); !errors.Is(err, errUsage) {
		t.Errorf("--fail-on wrong: err = %v, want a usage error", err)
	}
}

// TestYearsClaimSuite checks claims against documents written for it in
// the style of two national work reports (each reviewing the year before
// and setting the year's targets), two cities' bulletins and a half-year
// report: other years' figures, targets against outcomes, restatements,
// % against 个百分点, a wrong city, a city's own level, absent claims.
func TestYearsClaimSuite(t *testing.T) {
	var claims []struct{ Claim, Verdict, Why string }
	raw, err := os.ReadFile("testdata/claims-years.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims-years"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, _ := newExtractor("", "")
	c := check.Checker{Corpus: app.NewStoreCorpus(ctx, st), MaxEvidence: 20}
	for _, cl := range claims {
		v, err := app.CheckClaim(c, x, cl.Claim, "2024-06-01")
		if err != nil {
			t.Fatal(err)
		}
		if v.Verdict != cl.Verdict {
			t.Errorf("%s: %s, want %s (%s)\n  %s", cl.Claim, v.Verdict, cl.Verdict, cl.Why, v.Explanation)
		}
	}
}

// TestWideClaims checks 40 claims a reader wrote from the 60 documents of
// ../shared/corpus-wide (testdata/claims-wide.jsonl: 20 true, 16 altered,
// 4 absent), without seeing the tool's output. The national reports get
// their title and date from a manifest built from the corpus's SOURCES.md,
// as a journalist with a catalogue would supply them. It holds the issue's
// bar: at least 85% of verdicts right, and no true claim contradicted.
func TestWideClaims(t *testing.T) {
	const wide = "../../../shared/corpus-wide/"
	sources, err := os.ReadFile(wide + "SOURCES.md")
	if err != nil {
		t.Skip("shared wide corpus not present")
	}
	dir := t.TempDir()
	manifest := dir + "/meta.csv"
	if err := os.WriteFile(manifest, []byte(nationalReportsManifest(string(sources))), 0o644); err != nil {
		t.Fatal(err)
	}
	data := dir + "/data"
	if _, errOut, err := runCLI(t, "", "ingest", "--data", data, "--meta", manifest, wide+"gwr", wide+"other"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	raw, err := os.ReadFile("testdata/claims-wide.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, _ := newExtractor("", "")
	c := check.Checker{Corpus: app.NewStoreCorpus(ctx, st), MaxEvidence: 20}
	right, total := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var cl struct{ Claim, Verdict, Note string }
		if err := json.Unmarshal([]byte(line), &cl); err != nil {
			t.Fatal(err)
		}
		v, err := app.CheckClaim(c, x, cl.Claim, "2026-11-25")
		if err != nil {
			t.Fatal(err)
		}
		total++
		if v.Verdict == cl.Verdict {
			right++
			continue
		}
		t.Logf("%s: %s, want %s (%s)\n  %s", cl.Claim, v.Verdict, cl.Verdict, cl.Note, v.Explanation)
		if cl.Verdict == check.Supported && v.Verdict == check.Contradicted {
			t.Errorf("a true claim was contradicted: %s", cl.Claim)
		}
	}
	t.Logf("%d of %d claims judged as the reader expected", right, total)
	if float64(right) < 0.85*float64(total) {
		t.Errorf("%d of %d right, want at least 85%%", right, total)
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

// TestConflictsAcrossYears: a later report restating last year's figure
// differently (2022年城镇新增就业 1206万人 in the 2023 report, 1200万人 in
// the 2024 report) is a conflict; a target (5%左右) and the outcome of the
// same year (5.2%) are not.
func TestConflictsAcrossYears(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "testdata/claims-years"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "conflicts", "--data", data, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var c check.Conflict
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
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
		t.Errorf("the restated 2022 employment figure is no conflict:\n%s", out)
	}
}
