package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"reportmine/corpus"
)

// ErrNoPDFTool is returned when poppler's pdftotext is not installed.
var ErrNoPDFTool = errors.New("pdftotext not found: install poppler-utils (Debian: apt-get install poppler-utils)")

// pdfTimeout bounds one pdftotext run, so a pathological file cannot stall
// a batch.
const pdfTimeout = 2 * time.Minute

// pdfText is a PDF read: its text with the byte offset where each page
// starts, and which pages were read by OCR.
type pdfText struct {
	text  string
	pages []int
	ocr   []corpus.OCRPage
	notes []string
}

// readPDF extracts a PDF's text with pdftotext, in reading order, page by
// page; pages without a text layer are read by OCR (ocr).
func readPDF(ctx context.Context, source string, raw []byte, ocr OCR) (pdfText, error) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return pdfText{}, ErrNoPDFTool
	}
	tctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, tool, "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(raw)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i]
		}
		return pdfText{}, fmt.Errorf("pdftotext failed (%v): %s", err, msg)
	}
	pages := pageTexts(out.String())
	var todo []int
	for i, p := range pages {
		if needsOCR(p) {
			todo = append(todo, i+1)
		}
	}
	var res pdfText
	if len(todo) > 0 {
		if res.ocr, res.notes, err = ocr.readScanned(ctx, source, raw, pages, todo); err != nil {
			return pdfText{}, err
		}
	}
	res.text, res.pages = joinPages(pages)
	if strings.TrimSpace(res.text) == "" {
		return pdfText{}, fmt.Errorf("%w: the PDF has no text, and OCR found none on its pages", ErrNotText)
	}
	return res, nil
}

// splitPages joins pdftotext's pages (separated by form feeds) into one
// text, a blank line between pages, and returns where each page starts.
func splitPages(out string) (string, []int) { return joinPages(pageTexts(out)) }

// pageTexts splits pdftotext's output at its form feeds, one per page.
func pageTexts(out string) []string {
	pages := strings.Split(out, "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1] // pdftotext ends every page with a form feed
	}
	return pages
}

// joinPages writes pages one after another, a blank line between them,
// and returns where each starts.
func joinPages(pages []string) (string, []int) {
	var text strings.Builder
	var starts []int
	for _, p := range pages {
		starts = append(starts, text.Len())
		text.WriteString(strings.TrimRight(p, "\n"))
		text.WriteString("\n\n")
	}
	return text.String(), starts
}
