package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"reportmine/ingest"
)

// BenchmarkOneLargeDocument ingests one document of REPORTMINE_DOC_MB
// (default 50) MB, the generated reports joined into one file, and
// reports MB/s and the process's peak RSS, which must not grow with the
// document (issue 14). Run it alone:
//
//	go test ./app -run '^$' -bench OneLargeDocument -benchtime 1x
func BenchmarkOneLargeDocument(b *testing.B) {
	if testing.Short() {
		b.Skip("not with -short")
	}
	mb := 50
	if v, err := strconv.Atoi(os.Getenv("REPORTMINE_DOC_MB")); err == nil && v > 0 {
		mb = v
	}
	src := filepath.Join(os.TempDir(), fmt.Sprintf("reportmine-scale-%dmb", mb))
	if _, err := scaleCorpus(src, int64(mb)<<20, nil); err != nil {
		b.Fatal(err)
	}
	one := filepath.Join(b.TempDir(), "one.txt")
	out, err := os.Create(one)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range (ingest.Reader{}).Sources([]string{src}) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := out.Write(raw)
		out.WriteString("\n\n")
		size += int64(n) + 2
		if size >= int64(mb)<<20 {
			break
		}
	}
	out.Close()
	ctx := context.Background()
	for range b.N {
		ws, err := Open(ctx, b.TempDir(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		prev := debug.SetMemoryLimit(IngestMemoryLimit) // as reportmine ingest runs
		done := watchMemory()
		start := time.Now()
		sum, err := ws.Ingest(ctx, []string{one}, IngestOptions{Workers: 2})
		if err != nil || sum.Ingested != 1 {
			b.Fatalf("ingest: %v %+v", err, sum)
		}
		took := time.Since(start)
		ws.Close()
		peak := done()
		debug.SetMemoryLimit(prev)
		b.ReportMetric(float64(size)/(1<<20)/took.Seconds(), "MB/s")
		b.ReportMetric(float64(peak.Total)/(1<<20), "peak-MB")
		b.ReportMetric(float64(peak.Anon)/(1<<20), "anon-MB")
		b.Logf("one document of %.1f MB: ingest %s, peak RSS %s", float64(size)/(1<<20), took.Round(time.Second), peak)
	}
}

// BenchmarkRefuseHuge: a 100 MB file (sparse: it takes no disk) over the
// default --max-bytes is refused by name at once, without being read.
func BenchmarkRefuseHuge(b *testing.B) {
	huge := filepath.Join(b.TempDir(), "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		b.Fatal(err)
	}
	f.Truncate(100 << 20)
	f.Close()
	for range b.N {
		res := ingest.Reader{}.Read(context.Background(), huge)
		if !errors.Is(res.Err, ingest.ErrTooLarge) || !strings.Contains(res.Err.Error(), "huge.txt") {
			b.Fatalf("err = %v", res.Err)
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
}
