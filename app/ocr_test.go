package app

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
	"reportmine/ingest"
)

// needOCR skips OCR checks where Tesseract, its Chinese data or poppler
// is missing, except in CI, whose .ci/run installs them.
func needOCR(t testing.TB) {
	t.Helper()
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	_, perr := exec.LookPath("pdftoppm")
	if err != nil || perr != nil || !strings.Contains(string(out), "chi_sim") {
		if os.Getenv("CI") != "" {
			t.Fatal("tesseract, chi_sim or pdftoppm missing in CI: .ci/run must install them")
		}
		t.Skip("OCR tools not installed")
	}
}

const scanDir = "../ingest/testdata/scan"

// TestScannedPDF ingests a three-page image-only PDF (two pages of a
// bulletin written for the tests, drawn as images, and a blank page):
// the figures OCR reads agree with those of the same text read cleanly at
// F1 ≥ 0.95, each on its page and marked ocr, and the blank page is
// reported (issue 16).
func TestScannedPDF(t *testing.T) {
	needOCR(t)
	ctx := context.Background()
	ws, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var notes []string
	sum, err := ws.Ingest(ctx, []string{filepath.Join(scanDir, "scanned.pdf")}, IngestOptions{Workers: 1,
		Progress: func(ev Event) { notes = append(notes, ev.Notes...) }})
	if err != nil || sum.Ingested != 1 {
		t.Fatalf("ingest: %+v %v", sum, err)
	}
	if !slices.Contains(notes, "page 3: blank (OCR found no text)") {
		t.Errorf("notes %q do not report the blank page", notes)
	}
	var got []string
	err = ws.Figures(ctx, store.FigureFilter{}, func(r store.FigureRow) error {
		f := r.Figure
		if !slices.Contains(f.Warnings, corpus.WarningOCR) {
			t.Errorf("figure %q without the ocr warning", f.Text)
		}
		if f.Kind != corpus.KindDate {
			got = append(got, figureKey(f.Page, f))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	x := extract.New()
	for page := 1; page <= 2; page++ {
		text, err := os.ReadFile(filepath.Join(scanDir, fmt.Sprintf("page%d.txt", page)))
		if err != nil {
			t.Fatal(err)
		}
		figs, _ := x.ExtractAll(corpus.NewDocument("clean.txt", text))
		for _, f := range figs {
			if f.Kind != corpus.KindDate {
				want = append(want, figureKey(page, f))
			}
		}
	}
	p, r, f1 := multisetF1(got, want)
	t.Logf("OCR figures against the clean text: precision %.3f recall %.3f F1 %.3f (%d read, %d in the text)", p, r, f1, len(got), len(want))
	if f1 < 0.95 {
		t.Errorf("F1 %.3f < 0.95\ngot  %v\nwant %v", f1, got, want)
	}
	var ents int
	ws.Entities(ctx, func(e corpus.Entity) error {
		ents++
		if e.Page == 0 || !slices.Contains(e.Warnings, corpus.WarningOCR) {
			t.Errorf("name %q: page %d, warnings %v", e.Text, e.Page, e.Warnings)
		}
		return nil
	})
	if ents == 0 {
		t.Error("no names read from the scanned pages")
	}
	var rows []store.DocumentRow
	ws.Documents(ctx, func(d store.DocumentRow) error { rows = append(rows, d); return nil })
	if len(rows) != 1 || len(rows[0].OCRPages) != 3 || rows[0].OCRPages[0].Confidence < 50 {
		t.Errorf("document rows %+v: want three OCR pages with their confidence", rows)
	}
}

func figureKey(page int, f corpus.Figure) string {
	return fmt.Sprintf("p%d %s %g %s", page, f.Kind, f.Value, f.Unit)
}

// multisetF1 scores got against want, each key counted as often as it
// occurs.
func multisetF1(got, want []string) (precision, recall, f1 float64) {
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	hit := 0
	for _, g := range got {
		if left[g] > 0 {
			left[g]--
			hit++
		}
	}
	if len(got) > 0 {
		precision = float64(hit) / float64(len(got))
	}
	if len(want) > 0 {
		recall = float64(hit) / float64(len(want))
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

// TestOCRMissingTools: a scanned page where Tesseract is not on the PATH
// fails with one clear error naming the Debian packages.
func TestOCRMissingTools(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	// Only pdftotext on the PATH: no tesseract, no pdftoppm.
	bin := t.TempDir()
	tool, _ := exec.LookPath("pdftotext")
	if err := os.Symlink(tool, filepath.Join(bin, "pdftotext")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	res := ingest.Reader{}.Read(context.Background(), filepath.Join(scanDir, "scanned.pdf"))
	if res.Err == nil || !strings.Contains(res.Err.Error(), "apt-get install tesseract-ocr") {
		t.Errorf("err = %v, want one naming the Debian packages", res.Err)
	}
}
