package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"reportmine/app"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/format"
	"reportmine/ingest"
)

// fixture is one workspace over testdata/corpus, ingested once for every
// test of the package.
var fixture struct {
	once sync.Once
	ws   *app.Workspace
	srv  *Server
	docs map[string]string // file name → document id
	err  error
}

func testServer(t testing.TB) (*Server, map[string]string) {
	t.Helper()
	fixture.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "reportmine-server-test")
		if err != nil {
			fixture.err = err
			return
		}
		ws, err := app.Open(ctx, dir, app.Options{})
		if err != nil {
			fixture.err = err
			return
		}
		sources := ingest.Reader{}.Sources([]string{"testdata/corpus"})
		sum, err := ws.Ingest(ctx, sources, app.IngestOptions{Workers: 2})
		if err == nil && sum.Failed > 0 {
			err = fmt.Errorf("ingest failed: %v", sum.Reasons)
		}
		if err != nil {
			fixture.err = err
			return
		}
		fixture.docs = map[string]string{}
		ws.Documents(ctx, func(d store.DocumentRow) error {
			fixture.docs[filepath.Base(d.Source)] = d.ID
			return nil
		})
		fixture.ws = ws
		fixture.srv, fixture.err = New(ws, Options{})
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.srv, fixture.docs
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.ws != nil {
		dir := fixture.ws.Dir
		fixture.ws.Close()
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

func get(t *testing.T, h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestEndpoints calls every route and every error the API documents.
func TestEndpoints(t *testing.T) {
	srv, docs := testServer(t)
	report := docs["report_2024.txt"]
	q := url.QueryEscape
	long := strings.Repeat("数", MaxQueryRunes+1)
	for _, c := range []struct {
		method, target, body string
		status               int
		ctype                string
		contains             string
	}{
		{"GET", "/", "", 200, "text/html", "检索"},
		{"GET", "/search?q=" + q("地区生产总值"), "", 200, "text/html", `class="hit"`},
		{"GET", "/search?q=" + q("地区生产总值") + "&sort=date&limit=1&offset=1", "", 200, "text/html", "上一页"},
		{"GET", "/search.json?q=" + q("地区生产总值"), "", 200, "application/json", `"hits"`},
		{"GET", "/search.csv?q=" + q("地区生产总值"), "", 200, "text/csv", "doc,source,title"},
		{"GET", "/search.json?q=" + q("地区生产总值") + "&facets=year,unit", "", 200, "application/json", `"year":{"20`},
		{"GET", "/search.json?q=" + q("地区生产总值") + "&facets=colour", "", 400, "application/json", "no facet"},
		{"GET", "/search.json?q=" + q("地区生产总值 year:2022..2024"), "", 200, "application/json", `"total":`},
		{"GET", "/kwic.json?q=" + q("地区生产总值") + "&width=5", "", 200, "application/json", `"match":"地区生产总值"`},
		{"GET", "/doc/" + report, "", 200, "text/html", `<mark class="fig`},
		{"GET", "/doc/" + report + "?hl=0-6", "", 200, "text/html", `id="0-6"`},
		{"GET", "/doc/" + report + "/json", "", 200, "application/json", `"figures"`},
		{"GET", "/documents", "", 200, "text/html", "青河市2023年国民经济和社会发展统计公报"},
		{"GET", "/documents?kind=" + q("统计公报") + "&sort=date", "", 200, "text/html", "统计公报"},
		{"GET", "/documents.json?year=2024", "", 200, "application/json", `"date":"2024`},
		{"GET", "/documents.csv", "", 200, "text/csv", "id,source,url,title"},
		{"GET", "/documents.json?sort=size", "", 400, "application/json", "sort by date or source"},
		{"GET", "/chart", "", 200, "text/html", `<datalist id="metrics"><option value="`},
		{"GET", "/figures", "", 200, "text/html", "<table"},
		{"GET", "/figures?metric=" + q("地区生产总值") + "&sort=-value&target=outcome", "", 200, "text/html", "2460.1亿元"},
		{"GET", "/figures.json?unit=CNY&min=1e10", "", 200, "application/json", `"unit":"CNY"`},
		{"GET", "/figures.csv?kind=percent", "", 200, "text/csv", "schema,id,doc"},
		{"GET", "/chart?metric=" + q("地区生产总值") + "&subject=" + q("青河市"), "", 200, "text/html", "<svg"},
		{"GET", "/chart.svg?metric=" + q("地区生产总值"), "", 200, "image/svg+xml", "<circle"},
		{"GET", "/series.json?metric=" + q("地区生产总值") + "&subject=" + q("青河市"), "", 200, "application/json", `"period":"2023"`},
		{"GET", "/check", "", 200, "text/html", "<textarea"},
		{"GET", "/check?claims=" + q("青河市2022年地区生产总值2310.5亿元"), "", 200, "text/html", "有据可查"},
		{"POST", "/check", "claims=" + q("青河市2022年地区生产总值2310.5亿元\n青河市2022年地区生产总值2999亿元"), 200, "text/html", "与来源不符"},
		{"GET", "/check.json?claim=" + q("青河市2022年地区生产总值2310.5亿元"), "", 200, "application/json", `"verdict":"supported"`},
		{"POST", "/check.json", "as_of=2024-06-01&claims=" + q("去年青河市地区生产总值增长5.8%"), 200, "application/json", `"claim"`},
		{"GET", "/conflicts", "", 200, "text/html", "矛盾"},
		{"GET", "/conflicts.json", "", 200, "application/json", "["},
		{"GET", "/status", "", 200, "text/html", "第 1 次入库"},
		{"GET", "/status.json", "", 200, "application/json", `"ingested":5`},
		{"GET", "/static/app.js", "", 200, "text/javascript", "scrollToSpan"},
		{"GET", "/static/app.css", "", 200, "text/css", "mark.fig"},
		// errors
		{"GET", "/nope", "", 404, "text/html", "没有这个页面"},
		{"GET", "/static/server.go", "", 404, "", ""},
		{"GET", "/static/..%2fserver.go", "", 404, "", ""},
		{"GET", "/doc/nope", "", 404, "text/html", "no such document"},
		{"GET", "/doc/nope/json", "", 404, "application/json", `"status":404`},
		{"GET", "/search.json?q=" + q(long), "", 400, "application/json", "longer than"},
		{"GET", "/search.json?q=x&limit=-1", "", 400, "application/json", "from 1 to 200"},
		{"GET", "/search.json?q=" + q("生产总值 year:明年"), "", 400, "application/json", "not a year"},
		{"GET", "/kwic.json", "", 200, "application/json", "[]"}, // no query, no lines, as search.json
		{"GET", "/search.json?q=x&limit=0", "", 400, "application/json", "from 1 to 200"},
		{"GET", "/kwic.json?q=x&width=0", "", 400, "application/json", "from 1 to 200"},
		{"GET", "/search.json?q=x&facets=year,%20source", "", 200, "application/json", `"source"`},
		{"GET", "/figures.json?min=abc", "", 400, "application/json", "must be a number"},
		{"GET", "/figures.json?min=NaN", "", 400, "application/json", "must be a number"},
		{"GET", "/search.json?q=", "", 200, "application/json", `"hits":[]`},
		{"POST", "/search.json", "", 405, "application/json", "does not take POST"},
		{"DELETE", "/check.json", "", 405, "application/json", "it takes GET, POST"},
		{"POST", "/nowhere.json", "", 404, "application/json", ""},
		{"GET", "/figures.json?limit=10001", "", 400, "application/json", "from 1 to 10000"},
		{"GET", "/figures.json?year=abc", "", 400, "application/json", "four digits"},
		{"GET", "/documents.json?year=x", "", 400, "application/json", "four digits"},
		{"GET", "/search.json?q=x&limit=201", "", 400, "application/json", "from 1 to 200"},
		{"GET", "/search.json?q=x&sort=foo", "", 400, "application/json", "score or date"},
		{"GET", "/kwic.json?q=x&width=100000", "", 400, "application/json", "from 1 to 200"},
		{"GET", "/figures.json?sort=colour", "", 400, "application/json", "cannot sort"},
		{"GET", "/figures.json?target=maybe", "", 400, "application/json", "target must be"},
		{"GET", "/figures?min=abc", "", 400, "text/html", "must be a number"},
		{"GET", "/check.json", "", 400, "application/json", "no claim"},
		{"GET", "/check.json?claim=x&as_of=yesterday", "", 400, "application/json", "as_of"},
		{"GET", "/check.json?claims=" + q(strings.Repeat("说法\n", MaxClaims+1)), "", 400, "application/json", "more than"},
		{"POST", "/check.json", "claims=" + strings.Repeat("x", MaxBodyBytes+1), 413, "application/json", "too large"},
	} {
		t.Run(c.method+" "+c.target[:min(len(c.target), 60)], func(t *testing.T) {
			rec := get(t, srv, c.method, c.target, c.body)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, c.status, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, c.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, c.ctype)
			}
			if !strings.Contains(rec.Body.String(), c.contains) {
				t.Errorf("body lacks %q: %.500s", c.contains, rec.Body.String())
			}
			if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Error("security headers missing")
			}
			if c.status >= 400 && strings.HasPrefix(c.ctype, "application/json") {
				var e apiError
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Status != c.status || e.Error == "" {
					t.Errorf("error body %q is not {error, status}", rec.Body.String())
				}
			}
		})
	}
}

// TestCSVEqualsJSON: a list's CSV twin holds exactly the JSON's records,
// in order, under the one column list of figures.
func TestCSVEqualsJSON(t *testing.T) {
	srv, _ := testServer(t)
	query := "?unit=CNY&sort=-value&limit=7"
	var figs []corpus.Figure
	if err := json.Unmarshal(get(t, srv, "GET", "/figures.json"+query, "").Body.Bytes(), &figs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(get(t, srv, "GET", "/figures.csv"+query, "").Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 7 || len(rows) != len(figs)+1 {
		t.Fatalf("%d figures, %d CSV rows", len(figs), len(rows))
	}
	if strings.Join(rows[0], ",") != strings.Join(format.Figures.Names(), ",") {
		t.Errorf("header %v", rows[0])
	}
	for i, f := range figs {
		if strings.Join(rows[i+1], "\x00") != strings.Join(format.Figures.Cells(f), "\x00") {
			t.Errorf("row %d: %v, JSON %v", i+1, rows[i+1], format.Figures.Cells(f))
		}
		if i > 0 && f.Value > figs[i-1].Value {
			t.Errorf("not sorted by value descending at %d", i)
		}
	}
}

// TestChartShowsDisagreement: the report's 2023 GDP and the bulletin's
// differ, and the chart draws that period as a conflict with both points
// linking to their evidence.
func TestChartShowsDisagreement(t *testing.T) {
	srv, _ := testServer(t)
	body := get(t, srv, "GET", "/chart.svg?metric="+url.QueryEscape("地区生产总值")+"&subject="+url.QueryEscape("青河市"), "").Body.String()
	i := strings.Index(body, `class="period conflict" data-period="2023"`)
	if i < 0 {
		t.Fatalf("2023 not drawn as a conflict:\n%s", body)
	}
	group := body[i:]
	group = group[:strings.Index(group, "</g>")]
	if n := strings.Count(group, `<a href="/doc/`); n != 2 {
		t.Errorf("2023 has %d linked points, want 2: %s", n, group)
	}
	if strings.Count(body, `class="period conflict"`) != 1 {
		t.Errorf("only 2023 disagrees")
	}
}

// TestXSSRendersInert: a document whose text, title and issuer carry
// markup renders as text everywhere it appears.
func TestXSSRendersInert(t *testing.T) {
	srv, docs := testServer(t)
	id := docs["xss.txt"]
	if id == "" {
		t.Fatal("xss.txt not ingested")
	}
	pages := []string{"/doc/" + id, "/doc/" + id + "?hl=0-20", "/search?q=" + url.QueryEscape("通知"),
		"/search?q=" + url.QueryEscape("补助"), "/figures?source=xss", "/check?claims=" + url.QueryEscape("补助30万元"), "/status"}
	for _, p := range pages {
		body := get(t, srv, "GET", p, "").Body.String()
		if problems := activeContent(body); len(problems) > 0 {
			t.Errorf("%s renders active content: %v", p, problems)
		}
	}
	doc := get(t, srv, "GET", "/doc/"+id, "").Body.String()
	for _, shown := range []string{"&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;", "javascript:alert(3)", "&lt;img src=x onerror=alert(&#39;meta&#39;)&gt;"} {
		if !strings.Contains(doc, shown) {
			t.Errorf("the document view does not show %q as text", shown)
		}
	}
	var js struct {
		Document corpus.Document `json:"document"`
		Text     string          `json:"text"`
	}
	if err := json.Unmarshal(get(t, srv, "GET", "/doc/"+id+"/json", "").Body.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.Text, "<script>") {
		t.Error("the JSON text is not the document's raw text")
	}
}

// activeContent lists what in a page could run: script elements other
// than the app's own, event-handler attributes, javascript: URLs, frames,
// objects and images from the document.
func activeContent(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			if !hasAttr(tok, "src", "/static/app.js") {
				out = append(out, "script element")
			}
		case "iframe", "img", "object", "embed", "frame", "b":
			out = append(out, tok.Data+" element")
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:") {
				out = append(out, tok.Data+" "+a.Key+"="+a.Val)
			}
		}
	}
}

func hasAttr(tok html.Token, key, val string) bool {
	for _, a := range tok.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// TestReadOnly: no route changes the store, whatever the method.
func TestReadOnly(t *testing.T) {
	srv, _ := testServer(t)
	before := get(t, srv, "GET", "/status.json", "").Body.String()
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		for _, p := range []string{"/", "/search", "/figures.json", "/doc/x", "/status.json"} {
			if rec := get(t, srv, m, p, "q=x"); rec.Code < 400 {
				t.Errorf("%s %s answered %d", m, p, rec.Code)
			}
		}
	}
	if after := get(t, srv, "GET", "/status.json", "").Body.String(); after != before {
		t.Error("the store changed")
	}
}

func TestSearchFacetsLinkToFilteredSearch(t *testing.T) {
	srv, _ := testServer(t)
	body := get(t, srv, "GET", "/search?q="+url.QueryEscape("地区生产总值"), "").Body.String()
	i := strings.Index(body, `data-facet="year"`)
	if i < 0 {
		t.Fatalf("no year facet:\n%s", body)
	}
	j := strings.Index(body[i:], `href="`)
	href := html.UnescapeString(body[i+j+6 : i+j+strings.Index(body[i+j+6:], `"`)+6])
	u, err := url.Parse(href)
	if err != nil || !strings.Contains(u.Query().Get("q"), "year:") {
		t.Fatalf("facet link %q", href)
	}
	res := get(t, srv, "GET", "/search.json?"+u.RawQuery, "")
	var r struct{ Total int }
	json.NewDecoder(res.Body).Decode(&r)
	if res.Code != 200 || r.Total == 0 {
		t.Errorf("facet search %s: %d, %d hits", u.RawQuery, res.Code, r.Total)
	}
	_ = io.Discard
}

// TestLinksKeepTheQuery: every link a list page draws to its twins and
// its sorted views carries the query's parameters, decoded as sent.
func TestLinksKeepTheQuery(t *testing.T) {
	srv, _ := testServer(t)
	for _, page := range []string{"/figures?metric=" + url.QueryEscape("生产总值") + "&target=outcome",
		"/search?q=" + url.QueryEscape("生产总值"), "/chart?metric=" + url.QueryEscape("生产总值")} {
		body := get(t, srv, "GET", page, "").Body.String()
		z := html.NewTokenizer(strings.NewReader(body))
		checked := 0
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key != "href" || !strings.Contains(a.Val, "?") || strings.HasPrefix(a.Val, "/doc/") {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Fatal(err)
				}
				if v := u.Query().Get("metric") + u.Query().Get("q"); !strings.Contains(v, "生产总值") {
					t.Errorf("%s: link %s lost the query", page, a.Val)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%s: no link checked", page)
		}
	}
}
