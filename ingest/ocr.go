package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"reportmine/corpus"
)

// OCR configures reading the pages of a PDF that have no text layer (a
// scanned notice, a photocopied yearbook page): each such page is
// rendered by poppler's pdftoppm and read by Tesseract, page by page and
// only for the pages that need it.
type OCR struct {
	// Off refuses image-only pages instead of reading them.
	Off bool
	// Languages are Tesseract's (chi_sim, chi_tra, eng, joined by +);
	// empty reads chi_sim, and a page it reads poorly again with chi_tra
	// when that is installed (a traditional-script page).
	Languages string
	// DPI is the rendering resolution (0: 300).
	DPI int
	// Workers is how many pages are read at once (0: the cores, at most
	// 4): each Tesseract process takes a core and a few hundred MB.
	Workers int
	// Progress, when set, hears of each page read.
	Progress func(OCRProgress)
}

// OCRProgress is one page read by OCR.
type OCRProgress struct {
	Source      string
	Page, Pages int // the page, and how many of the document need OCR
	Done        int // pages read so far
}

// ErrNoOCR is the error for a page that needs OCR where Tesseract or its
// language data is missing.
var ErrNoOCR = errors.New("OCR is not available")

// The Debian packages OCR needs, named in errors.
const ocrPackages = "tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"

// minPageChars is how many non-space characters a page's text layer must
// have to be read as it is; fewer (a page number, a stamp's caption) is a
// scanned page.
const minPageChars = 16

// ocrTimeout bounds rendering and reading one page.
const ocrTimeout = 3 * time.Minute

// Confidence under which a page's reading is reported as unreliable, and
// under which a chi_sim reading is tried again with chi_tra.
const (
	unreadableConfidence = 30
	retryConfidence      = 60
)

// needsOCR reports whether a page's text layer is negligible.
func needsOCR(page string) bool {
	n := 0
	for _, r := range page {
		if !unicode.IsSpace(r) {
			n++
			if n >= minPageChars {
				return false
			}
		}
	}
	return true
}

// ocrPage is what OCR read on one page.
type ocrPage struct {
	text       string
	confidence float64
	languages  string
}

// readScanned OCRs the pages of pages (1-based numbers in todo) and puts
// their text in place; it returns the pages' records and notes for pages
// it found blank or could not read.
func (o OCR) readScanned(ctx context.Context, source string, raw []byte, pages []string, todo []int) ([]corpus.OCRPage, []string, error) {
	if o.Off {
		return nil, nil, fmt.Errorf("%w: %s without a text layer and OCR is off", ErrNotText, pageList(todo))
	}
	langs, err := o.languages()
	if err != nil {
		return nil, nil, fmt.Errorf("%s without a text layer need OCR: %w", pageList(todo), err)
	}
	results := make([]ocrPage, len(todo))
	errs := make([]error, len(todo))
	err = withInput(raw, "in.pdf", func(dir, pdf string) error {
		o.readPages(ctx, source, dir, pdf, todo, langs, results, errs)
		return ctx.Err()
	})
	if err != nil {
		return nil, nil, err
	}
	var records []corpus.OCRPage
	var notes []string
	for i, p := range todo {
		if errs[i] != nil {
			return nil, nil, fmt.Errorf("OCR of page %d: %w", p, errs[i])
		}
		r := results[i]
		pages[p-1] = r.text
		records = append(records, corpus.OCRPage{Page: p, Confidence: r.confidence, Languages: r.languages})
		switch {
		case strings.TrimSpace(r.text) == "":
			notes = append(notes, fmt.Sprintf("page %d: blank (OCR found no text)", p))
		case r.confidence < unreadableConfidence:
			notes = append(notes, fmt.Sprintf("page %d: OCR could not read it reliably (confidence %.0f)", p, r.confidence))
		}
	}
	return records, notes, nil
}

// readPages reads the pages todo of the PDF at pdf on o.workers cores,
// rendering into dir, each page's result and error at its index.
func (o OCR) readPages(ctx context.Context, source, dir, pdf string, todo []int, langs string, results []ocrPage, errs []error) {
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range o.workers(len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i], errs[i] = o.readPage(ctx, dir, pdf, todo[i], langs)
				if o.Progress != nil {
					mu.Lock()
					done++
					o.Progress(OCRProgress{Source: source, Page: todo[i], Pages: len(todo), Done: done})
					mu.Unlock()
				}
			}
		}()
	}
	for i := range todo {
		select {
		case work <- i:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
}

func (o OCR) workers(pages int) int {
	n := o.Workers
	if n <= 0 {
		n = min(runtime.NumCPU(), 4)
	}
	return max(1, min(n, pages))
}

// languages checks that Tesseract and the languages asked for are
// installed and returns them; empty Languages is chi_sim.
func (o OCR) languages() (string, error) {
	have, err := tesseractLanguages()
	if err != nil {
		return "", err
	}
	langs := o.Languages
	if langs == "" {
		langs = "chi_sim"
	}
	for _, l := range strings.Split(langs, "+") {
		if !have[l] {
			pkg := "tesseract-ocr-" + strings.ReplaceAll(l, "_", "-")
			return "", fmt.Errorf("%w: Tesseract has no %s language data (Debian: apt-get install %s)", ErrNoOCR, l, pkg)
		}
	}
	return langs, nil
}

var installedLanguages struct {
	mu   sync.Mutex
	have map[string]map[string]bool // by the tesseract found on the PATH
}

// tesseractLanguages finds Tesseract and pdftoppm and lists Tesseract's
// installed languages (asked once per process and Tesseract).
func tesseractLanguages() (map[string]bool, error) {
	var tesseract string
	for _, tool := range []string{"tesseract", "pdftoppm"} {
		path, err := exec.LookPath(tool)
		if err != nil {
			return nil, fmt.Errorf("%w: %s not found (Debian: apt-get install %s poppler-utils)", ErrNoOCR, tool, ocrPackages)
		}
		if tool == "tesseract" {
			tesseract = path
		}
	}
	installedLanguages.mu.Lock()
	defer installedLanguages.mu.Unlock()
	if have, ok := installedLanguages.have[tesseract]; ok {
		return have, nil
	}
	out, err := exec.Command(tesseract, "--list-langs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: tesseract --list-langs: %v", ErrNoOCR, err)
	}
	have := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n")[1:] {
		if l := strings.TrimSpace(line); l != "" {
			have[l] = true
		}
	}
	if installedLanguages.have == nil {
		installedLanguages.have = map[string]map[string]bool{}
	}
	installedLanguages.have[tesseract] = have
	return have, nil
}

// readPage renders one page and reads it; a chi_sim reading it is not
// sure of is read again with chi_tra when the languages were not chosen.
func (o OCR) readPage(ctx context.Context, dir, pdf string, page int, langs string) (ocrPage, error) {
	ctx, cancel := context.WithTimeout(ctx, ocrTimeout)
	defer cancel()
	dpi := o.DPI
	if dpi <= 0 {
		dpi = 300
	}
	img := filepath.Join(dir, "page-"+strconv.Itoa(page))
	n := strconv.Itoa(page)
	if _, err := run(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, "-gray", "-png", "-singlefile", pdf, img); err != nil {
		return ocrPage{}, err
	}
	best, err := tesseract(ctx, img+".png", img, langs)
	if err != nil {
		return ocrPage{}, err
	}
	if o.Languages == "" && best.confidence < retryConfidence && strings.TrimSpace(best.text) != "" {
		if have, _ := tesseractLanguages(); have["chi_tra"] {
			if tra, err := tesseract(ctx, img+".png", img+"-tra", "chi_tra"); err == nil && tra.confidence > best.confidence {
				best = tra
			}
		}
	}
	return best, nil
}

// tesseract reads an image as one block of text (page segmentation mode
// 6, as a report page is set), writing its text and its word table (for
// the confidence) in one run.
func tesseract(ctx context.Context, img, out, langs string) (ocrPage, error) {
	if _, err := run(ctx, "tesseract", img, out, "-l", langs, "--psm", "6", "txt", "tsv"); err != nil {
		return ocrPage{}, err
	}
	text, err := os.ReadFile(out + ".txt")
	if err != nil {
		return ocrPage{}, err
	}
	tsv, err := os.ReadFile(out + ".tsv")
	if err != nil {
		return ocrPage{}, err
	}
	return ocrPage{text: strings.TrimRight(string(text), "\f\n ") + "\n", confidence: math.Round(meanConfidence(tsv)*10) / 10, languages: langs}, nil
}

// meanConfidence is the mean confidence of the words in Tesseract's TSV
// (level 5 rows; -1 marks rows that are not words).
func meanConfidence(tsv []byte) float64 {
	sum, n := 0.0, 0
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		if c, err := strconv.ParseFloat(f[10], 64); err == nil && c >= 0 {
			sum += c
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// pageList writes page numbers for a message: "page 3", "pages 1, 2, 5".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return "page " + strconv.Itoa(pages[0])
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = strconv.Itoa(p)
	}
	return "pages " + strings.Join(s, ", ")
}
