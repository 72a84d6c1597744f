package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestCrawlRedirectsObeyRules: a link on the site that redirects off it,
// or into a path robots.txt disallows, is not followed; the other
// articles are fetched.
func TestCrawlRedirectsObeyRules(t *testing.T) {
	var mu sync.Mutex
	offsite := 0
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		offsite++
		mu.Unlock()
		fmt.Fprint(w, "<html><body><p>别处的页面。</p></body></html>")
	}))
	defer other.Close()
	hits := map[string]int{}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/news/index.html":
			fmt.Fprint(w, `<html><body><ul class="list"><li><a href="/news/a1.html">一</a></li><li><a href="/news/r1.html">二</a></li><li><a href="/news/r2.html">三</a></li></ul></body></html>`)
		case "/news/r1.html":
			http.Redirect(w, r, "/private/secret.html", http.StatusFound)
		case "/news/r2.html":
			http.Redirect(w, r, other.URL+"/elsewhere.html", http.StatusFound)
		default:
			fmt.Fprint(w, "<html><body><div class=\"article\"><p>园区新签约项目12个。</p></div></body></html>")
		}
	}))
	defer site.Close()
	profile, err := LoadProfile("generic")
	if err != nil {
		t.Fatal(err)
	}
	f := NewFetcher()
	f.HostDelay, f.Retries = 0, 0
	c := &Crawler{Fetcher: f, Profile: profile, MaxPages: 20}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var fetched, failed []string
	err = c.Crawl(ctx, site.URL+"/news/index.html", func(u string, body []byte, ctype string) error {
		if body == nil {
			failed = append(failed, u)
		} else {
			fetched = append(fetched, u)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/private/secret.html"] != 0 || offsite != 0 {
		t.Errorf("followed a redirect it should not: secret %d, off-site %d", hits["/private/secret.html"], offsite)
	}
	if len(fetched) != 1 || len(failed) != 2 {
		t.Errorf("fetched %v, failed %v", fetched, failed)
	}
}
