package extract

import (
	"fmt"
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

// BenchmarkWideTableRow: one line of thousands of tab-separated cells
// under a 单位 cell, and the same text as one long line without breaks.
// Both took time growing with the cube (2,000 cells: over 100 s) or the
// square of the line until lines were read once for all their numbers;
// the cost per byte should stay flat as the line grows.
func BenchmarkWideTableRow(b *testing.B) {
	for _, cells := range []int{500, 5000} {
		var sb strings.Builder
		sb.WriteString("单位：万元")
		for i := range cells {
			fmt.Fprintf(&sb, "\t产值\t%d.5", i)
		}
		doc := corpus.NewDocument("wide.txt", []byte(sb.String()))
		x := New()
		x.Extract(corpus.NewDocument("warm.txt", []byte("六个园区")))
		b.Run(fmt.Sprintf("cells=%d", cells), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Raw)))
			for range b.N {
				if figs := x.Extract(doc); len(figs) != cells {
					b.Fatalf("%d figures, want %d", len(figs), cells)
				}
			}
		})
	}
}
