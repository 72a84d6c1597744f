package app

import (
	"context"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"reportmine/ingest"
)

// BenchmarkOCR reads the scanned fixture (two pages of text and a blank
// page, rendered at 300 dpi) with every core, and reports pages per
// second and the peak RSS of this process and of the largest Tesseract or
// pdftoppm child:
//
//	go test ./app -run '^$' -bench OCR -benchtime 5x
func BenchmarkOCR(b *testing.B) {
	needOCR(b)
	src := filepath.Join(scanDir, "scanned.pdf")
	r := ingest.Reader{OCR: ingest.OCR{Workers: runtime.NumCPU()}}
	pages := 0
	start := time.Now()
	for range b.N {
		res := r.Read(context.Background(), src)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
		pages += len(res.Doc.OCR)
	}
	took := time.Since(start)
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	b.ReportMetric(float64(pages)/took.Seconds(), "pages/s")
	b.ReportMetric(float64(self.Maxrss)/1024, "peak-MB")
	b.ReportMetric(float64(children.Maxrss)/1024, "child-peak-MB")
}
