package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"testing"
	"time"

	"reportmine/corpus"
	"reportmine/extract"
	"reportmine/index"
	"reportmine/ingest"
)

// BenchmarkIndexAndQuery indexes the shared corpus replicated to about
// 100k sentences (figures extracted beforehand, not timed), on disk, then
// runs a few hundred mixed queries. It reports sentences/s and MB/s of
// indexing, the index size, and query latency p50/p99. Run with
// -benchtime 1x.
func BenchmarkIndexAndQuery(b *testing.B) {
	paths := sharedCorpus(b)
	type prepared struct {
		doc  corpus.Document
		figs []corpus.Figure
		ents []corpus.Entity
	}
	ex := extract.New()
	var docs []prepared
	sentences, bytes := 0, 0
	for copyN := 0; sentences < 100000; copyN++ {
		for _, p := range paths {
			raw, _ := os.ReadFile(p)
			text := string(raw) + fmt.Sprintf("\n\n（第%d份副本）\n", copyN)
			doc := ingest.Structurer{}.Structure(corpus.NewDocument(fmt.Sprintf("%s#%d", filepath.Base(p), copyN), []byte(text)))
			figs, ents := ex.ExtractAll(doc)
			docs = append(docs, prepared{doc, figs, ents})
			sentences += len(index.Sentences(doc, nil, nil))
			bytes += len(text)
		}
	}
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		x, err := index.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		var batch []index.Entry
		for k, d := range docs {
			batch = append(batch, index.Entry{Doc: d.doc, Figures: d.figs, Entities: d.ents})
			if len(batch) == 64 || k == len(docs)-1 {
				if err := x.AddAll(context.Background(), batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		if err := x.Compact(context.Background()); err != nil { // as reindex does
			b.Fatal(err)
		}
		x.Close() // waits for the index to be persisted: part of indexing
		secs := time.Since(start).Seconds()
		b.ReportMetric(float64(sentences)/secs, "sentences/s")
		b.ReportMetric(float64(bytes)/1e6/secs, "MB/s")
		// Queries run on the index as a later process finds it: reopened,
		// after one warm-up round that is not counted.
		if x, err = index.Open(dir); err != nil {
			b.Fatal(err)
		}
		// A later process starts without the indexing heap.
		runtime.GC()
		debug.FreeOSMemory()
		restore := forQueries() // as search and kwic run
		queries := []string{"总投资", "投资", "规上工业增加值", "同比下降", "综改区 晶科", "开发区 -经开区", "高新区 OR 经开区",
			"kind:money value>=100亿", "kind:percent value:5..10 增长", "metric:总投资 value<=600亿", "subject:晶科",
			"year:2024 招商", "\"市场主体\"", "的", "项目", "kind:count unit:个 项目", "新签约项目", "营商环境", "56GW", "专精特新"}
		var lat []time.Duration
		perQuery := map[string][]time.Duration{}
		for round := 0; round < 16; round++ {
			for k, q := range queries {
				req := index.Request{Query: q, Limit: 10}
				if k%4 == 0 {
					req.Facets = []string{"year", "source"}
				}
				t0 := time.Now()
				if _, err := x.Search(context.Background(), req); err != nil {
					b.Fatal(err)
				}
				if round > 0 {
					lat = append(lat, time.Since(t0))
					perQuery[q] = append(perQuery[q], time.Since(t0))
				}
			}
		}
		x.Close()
		restore()
		if os.Getenv("QUERY_LATENCY") != "" {
			for q, ds := range perQuery {
				sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
				b.Logf("%-28s median %v", q, ds[len(ds)/2])
			}
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50_ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99_ms")
		size := int64(0)
		filepath.WalkDir(dir, func(_ string, d fs.DirEntry, _ error) error {
			if d != nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					size += info.Size()
				}
			}
			return nil
		})
		b.ReportMetric(float64(size)/1e6, "index_MB")
		b.ReportMetric(float64(sentences), "sentences")
	}
}
