package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkIngest ingests the shared corpus replicated to about 50 MB of
// distinct documents with 2 workers, extraction included, and reports
// documents/s and MB/s. Run with -benchtime 1x.
func BenchmarkIngest(b *testing.B) {
	paths := sharedCorpus(b)
	var texts []string
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		texts = append(texts, string(raw))
	}
	dir := b.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	total, n := 0, 0
	limit := 50 << 20
	if s := os.Getenv("INGEST_BENCH_MB"); s != "" {
		fmt.Sscan(s, &limit)
		limit <<= 20
	}
	for total < limit {
		text := texts[n%len(texts)] + fmt.Sprintf("\n（副本%d）\n", n)
		os.WriteFile(filepath.Join(docs, fmt.Sprintf("d%05d.txt", n)), []byte(text), 0o644)
		total += len(text)
		n++
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data := filepath.Join(dir, fmt.Sprintf("data%d", i))
		start := time.Now()
		err := runWith(context.Background(), []string{"ingest", "--data", data, "--workers", "2", docs}, strings.NewReader(""), io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		secs := time.Since(start).Seconds()
		b.ReportMetric(float64(n)/secs, "docs/s")
		b.ReportMetric(float64(total)/1e6/secs, "MB/s")
	}
}
