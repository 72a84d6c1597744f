package main

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"reportmine/check"
	"reportmine/corpus/store"
)

// TestCheckAndConflictsCommands runs both verbs end to end.
func TestCheckAndConflictsCommands(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../check/testdata/claims"); err != nil {
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

// TestCheckStoreFailureIsAnError breaks the store under a check: the
// command fails with the store's error, and prints no verdict (a
// fact-checker that says "not found" because it could not read has lied).
func TestCheckStoreFailureIsAnError(t *testing.T) {
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../check/testdata/claims"); err != nil {
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
	if _, _, err := runCLI(t, "", "ingest", "--data", data, "../../check/testdata/claims"); err != nil {
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
