package extract

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// BenchmarkExtract measures single-goroutine throughput over the shared
// corpus replicated to about 4 MB; b.SetBytes makes `go test -bench` print
// MB/s.
func BenchmarkExtract(b *testing.B) {
	docs := sharedCorpus(b)
	var sb strings.Builder
	for sb.Len() < 4<<20 {
		for _, d := range docs {
			sb.WriteString(d.Raw)
			sb.WriteString("\n\n")
		}
	}
	doc := corpus.NewDocument("bench.txt", []byte(sb.String()))
	x := New()
	x.Extract(corpus.NewDocument("warm.txt", []byte("六个园区"))) // load the dictionary outside the timing
	b.SetBytes(int64(len(doc.Raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(doc)
	}
}
