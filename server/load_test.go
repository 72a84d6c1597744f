package server

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"
	"testing"
	"time"

	"reportmine/app"
	"reportmine/index"
	"reportmine/ingest"
	"reportmine/internal/synth"
)

// The load test: 16 clients send 4,000 mixed API requests over loopback
// to a server whose corpus holds at least 100,000 sentences, and report
// each kind of request's p50 and p99 latency. It is a benchmark, so it
// never runs with the tests:
//
//	go test ./server -run '^$' -bench ServeLoad -benchtime 1x
//
// The corpus is generated (reports of invented cities in the genre's
// sentences, see internal/synth) and ingested once into
// $TMPDIR/reportmine-load-v1, or REPORTMINE_LOAD_DATA names a data
// directory to use instead.
const (
	loadClients  = 16
	loadRequests = 4000
	minSentences = 100000
)

func BenchmarkServeLoad(b *testing.B) {
	if testing.Short() {
		b.Skip("the load test ingests a large corpus once; not with -short")
	}
	ctx := context.Background()
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as serve sets it
	dir := os.Getenv("REPORTMINE_LOAD_DATA")
	if dir == "" {
		var err error
		if dir, err = loadCorpus(ctx, b); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name           string
		cache, clients int
	}{{"cache", 512, loadClients}, {"nocache", 0, loadClients}, {"nocache-1client", 0, 1}} {
		b.Run(c.name, func(b *testing.B) { loadBench(b, ctx, dir, c.cache, c.clients) })
	}
}

// loadBench serves dir with a search cache of that size (serve uses 512)
// to clients clients and runs the mix b.N times.
func loadBench(b *testing.B, ctx context.Context, dir string, cache, clients int) {
	ws, err := app.Open(ctx, dir, app.Options{SearchCache: cache})
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	sentences, docs, err := countSentences(ctx, ws)
	if err != nil {
		b.Fatal(err)
	}
	if sentences < minSentences {
		b.Fatalf("%d sentences in %s, want at least %d", sentences, dir, minSentences)
	}
	if err := ws.WarmUp(ctx); err != nil { // opened before the clock starts, as serve does
		b.Fatal(err)
	}
	srv, err := New(ws, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv) // loopback
	defer ts.Close()
	b.Logf("corpus: %d documents, %d sentences", len(docs), sentences)
	b.ResetTimer()
	for range b.N {
		lat, errs := loadRun(ts.URL, docs, clients)
		b.StopTimer()
		for _, e := range errs {
			b.Error(e)
		}
		kinds := make([]string, 0, len(lat))
		for k := range lat {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			p50, p99 := percentile(lat[k], 0.50), percentile(lat[k], 0.99)
			b.Logf("%-8s %5d requests  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms", k, len(lat[k]), ms(p50), ms(p99), ms(percentile(lat[k], 1)))
			b.ReportMetric(ms(p50), k+"-p50-ms")
			b.ReportMetric(ms(p99), k+"-p99-ms")
		}
		b.StartTimer()
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// loadRequest is one request of the mix: its kind and URL path.
type loadRequest struct{ kind, path string }

// loadMix draws the requests: mostly searches and figure lists, as a
// reader's session is, and some documents, KWIC, claims and series.
func loadMix(rng *rand.Rand, docs []string) []loadRequest {
	words := []string{"地区生产总值", "一般公共预算收入", "固定资产投资", "城镇新增就业", "粮食产量", "社会消费品零售总额", "增长", "下降",
		"居民人均可支配收入", "进出口总额", "\"规模以上工业增加值\"", "港口", "财政", "民生支出", "常住人口"}
	filters := []string{"", " year:2019", " year:2010..2020", " kind:percent", " unit:CNY", " value>=100亿", " -下降", " place:" + synth.Cities[3]}
	metrics := []string{"地区生产总值", "一般公共预算收入", "固定资产投资", "粮食产量", "城镇新增就业", ""}
	var out []loadRequest
	for range loadRequests {
		q := url.Values{}
		switch n := rng.Intn(100); {
		case n < 40:
			q.Set("q", words[rng.Intn(len(words))]+filters[rng.Intn(len(filters))])
			if rng.Intn(4) == 0 {
				q.Set("sort", "date")
			}
			q.Set("offset", fmt.Sprint(20*rng.Intn(3)))
			if rng.Intn(4) == 0 { // the page, with its six facets
				out = append(out, loadRequest{"page", "/search?" + q.Encode()})
				continue
			}
			out = append(out, loadRequest{"search", "/search.json?" + q.Encode()})
		case n < 70:
			if m := metrics[rng.Intn(len(metrics))]; m != "" {
				q.Set("metric", m)
			}
			if rng.Intn(2) == 0 {
				q.Set("year", fmt.Sprint(1995+rng.Intn(30)))
			}
			if rng.Intn(3) == 0 {
				q.Set("sort", []string{"value", "-value", "date", "period"}[rng.Intn(4)])
			}
			if rng.Intn(3) == 0 {
				q.Set("target", "outcome")
			}
			q.Set("limit", fmt.Sprint([]int{50, 100, 500}[rng.Intn(3)]))
			out = append(out, loadRequest{"figures", "/figures.json?" + q.Encode()})
		case n < 80:
			out = append(out, loadRequest{"document", "/doc/" + url.PathEscape(docs[rng.Intn(len(docs))])})
		case n < 90:
			q.Set("q", words[rng.Intn(len(words))])
			out = append(out, loadRequest{"kwic", "/kwic.json?" + q.Encode()})
		case n < 95:
			city := synth.Cities[rng.Intn(len(synth.Cities))]
			q.Set("claim", fmt.Sprintf("%s%d年地区生产总值%d亿元", city, 2000+rng.Intn(24), 500+rng.Intn(3000)))
			out = append(out, loadRequest{"check", "/check.json?" + q.Encode()})
		default:
			q.Set("metric", "地区生产总值")
			q.Set("subject", synth.Cities[rng.Intn(len(synth.Cities))])
			out = append(out, loadRequest{"series", "/series.json?" + q.Encode()})
		}
	}
	return out
}

// loadRun sends the mix from loadClients clients and times every request.
func loadRun(base string, docs []string, clients int) (map[string][]time.Duration, []error) {
	reqs := loadMix(rand.New(rand.NewSource(1)), docs)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}}
	var mu sync.Mutex
	lat := map[string][]time.Duration{}
	var errs []error
	next := make(chan loadRequest)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				start := time.Now()
				resp, err := client.Get(base + r.path)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %s", resp.Status)
					}
				}
				d := time.Since(start)
				mu.Lock()
				lat[r.kind] = append(lat[r.kind], d)
				if err != nil && len(errs) < 20 {
					errs = append(errs, fmt.Errorf("%s: %w", r.path, err))
				}
				mu.Unlock()
			}
		}()
	}
	for _, r := range reqs {
		next <- r
	}
	close(next)
	wg.Wait()
	return lat, errs
}

// countSentences counts what the index holds, sentence by sentence, as
// the index splits them.
func countSentences(ctx context.Context, ws *app.Workspace) (int, []string, error) {
	ids, err := ws.Store().DocumentIDs(ctx)
	if err != nil {
		return 0, nil, err
	}
	n := 0
	for _, id := range ids {
		v, err := ws.Document(ctx, id)
		if err != nil {
			return 0, nil, err
		}
		n += len(index.Sentences(v.Doc, v.Figures, v.Entities))
	}
	return n, ids, nil
}

// loadCorpus generates and ingests the load corpus once per machine.
func loadCorpus(ctx context.Context, b *testing.B) (string, error) {
	root := filepath.Join(os.TempDir(), "reportmine-load-v1")
	data := filepath.Join(root, "data")
	if _, err := os.Stat(filepath.Join(data, "done")); err == nil {
		return data, nil
	}
	os.RemoveAll(root)
	src := filepath.Join(root, "corpus")
	if err := synth.Write(src, 640, 42); err != nil {
		return "", err
	}
	ws, err := app.Open(ctx, data, app.Options{})
	if err != nil {
		return "", err
	}
	defer ws.Close()
	start := time.Now()
	sum, err := ws.Ingest(ctx, ingest.Reader{}.Sources([]string{src}), app.IngestOptions{Workers: 2})
	if err != nil {
		return "", err
	}
	if sum.Failed > 0 {
		return "", fmt.Errorf("load corpus: %d sources failed: %v", sum.Failed, sum.Reasons)
	}
	b.Logf("load corpus: ingested %d documents in %s", sum.Ingested, time.Since(start).Round(time.Second))
	return data, os.WriteFile(filepath.Join(data, "done"), []byte("ok\n"), 0o644)
}
