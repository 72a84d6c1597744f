package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// newsSite serves a small government-style news site in GBK: two list
// pages that link to each other, four articles (one linked twice), a
// private page robots.txt forbids, and counts the requests per path.
func newsSite(t *testing.T) (*httptest.Server, map[string]int, *sync.Mutex) {
	hits := map[string]int{}
	var mu sync.Mutex
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	list := func(links []string, next string) string {
		var sb strings.Builder
		sb.WriteString(`<html><head><meta charset="gbk"><title>工作动态</title></head><body><div class="nav"><a href="/">首页</a></div><ul class="list">`)
		for _, l := range links {
			fmt.Fprintf(&sb, `<li><a href="%s">新闻</a><span>2024-06-01</span></li>`, l)
		}
		fmt.Fprintf(&sb, `</ul><div class="page"><a href="%s">下一页</a></div></body></html>`, next)
		return sb.String()
	}
	article := func(n int) string {
		return fmt.Sprintf(`<html><head><meta charset="gbk"><title>园区动态%d_示例网</title></head><body>
<div class="nav">首页 | 政务公开</div><div class="article"><h1>园区动态%d</h1>
<div class="info">发布时间：2024-06-0%d 来源：示例开发区管委会</div>
<div class="content"><p>今年以来，示例开发区新签约项目%d个，总投资%d亿元。</p></div></div>
<div class="footer">版权所有 网站标识码 99999</div></body></html>`, n, n, n, 10+n, 100+n)
	}
	pages := map[string]string{
		"/news/index.html":     list([]string{"a1.html", "a2.html", "/private/secret.html", "a1.html"}, "index_1.html"),
		"/news/index_1.html":   list([]string{"a3.html", "a1.html", "http://elsewhere.invalid/x.html"}, "index.html"),
		"/news/a1.html":        article(1),
		"/news/a2.html":        article(2),
		"/news/a3.html":        article(3),
		"/private/secret.html": article(9),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(gbk(page))
	}))
	t.Cleanup(srv.Close)
	return srv, hits, &mu
}

func TestCrawl(t *testing.T) {
	srv, hits, mu := newsSite(t)
	data := t.TempDir()
	out, errOut, err := runCLI(t, "", "crawl", "--data", data, "--delay", "0", srv.URL+"/news/index.html")
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	if !strings.Contains(out, "crawled 3 article pages") || !strings.Contains(out, "ingested 3") {
		t.Errorf("output:\n%s", out)
	}
	mu.Lock()
	for path, n := range hits {
		if n > 1 {
			t.Errorf("%s fetched %d times", path, n)
		}
	}
	if hits["/private/secret.html"] != 0 {
		t.Error("robots.txt Disallow ignored")
	}
	mu.Unlock()
	docs := exportJSON(t, data, "documents")
	for _, d := range docs {
		if !strings.HasPrefix(str(d["title"]), "园区动态") || str(d["issuer"]) != "示例开发区管委会" || str(d["date"]) == "" {
			t.Errorf("article metadata: %v", d)
		}
	}
	if figs := figuresOf(t, data, "a2.html"); !strings.Contains(figs, "money 10200000000 CNY") || strings.Contains(figs, "99999") {
		t.Errorf("a2 figures: %s", figs)
	}
}

func TestCrawlMaxPages(t *testing.T) {
	srv, hits, mu := newsSite(t)
	data := t.TempDir()
	if _, _, err := runCLI(t, "", "crawl", "--data", data, "--delay", "0", "--max-pages", "2", srv.URL+"/news/index.html"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	pagesFetched := 0
	for path, n := range hits {
		if path != "/robots.txt" {
			pagesFetched += n
		}
	}
	if pagesFetched != 2 {
		t.Errorf("%d pages fetched with --max-pages 2: %v", pagesFetched, hits)
	}
}
