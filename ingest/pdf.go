package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrNoPDFTool is returned when poppler's pdftotext is not installed.
var ErrNoPDFTool = errors.New("pdftotext not found: install poppler-utils (Debian: apt-get install poppler-utils)")

// pdfTimeout bounds one pdftotext run, so a pathological file cannot stall
// a batch.
const pdfTimeout = 2 * time.Minute

// readPDF extracts a PDF's text with pdftotext, in reading order, and
// returns it with the byte offset where each page starts.
func readPDF(ctx context.Context, path string, raw []byte) (string, []int, error) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", nil, ErrNoPDFTool
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(raw)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i]
		}
		return "", nil, fmt.Errorf("pdftotext failed (%v): %s", err, msg)
	}
	text, starts := splitPages(out.String())
	if strings.TrimSpace(text) == "" {
		return "", nil, fmt.Errorf("%w: the PDF has no text layer (scanned images need OCR first)", ErrNotText)
	}
	return text, starts, nil
}

// splitPages joins pdftotext's pages (separated by form feeds) into one
// text, a blank line between pages, and returns where each page starts.
func splitPages(out string) (string, []int) {
	pages := strings.Split(out, "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1] // pdftotext ends every page with a form feed
	}
	var text strings.Builder
	var starts []int
	for _, p := range pages {
		starts = append(starts, text.Len())
		text.WriteString(strings.TrimRight(p, "\n"))
		text.WriteString("\n\n")
	}
	return text.String(), starts
}
