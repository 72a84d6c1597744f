package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium to drive: $REPORTMINE_CHROMIUM, or
// Debian's chromium, or another Chrome on the PATH.
func browserPath() string {
	if p := os.Getenv("REPORTMINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// inBrowser starts the test server on a loopback port and a headless
// Chromium; it skips, saying why, only where no browser exists. No page
// may open a dialog: that would be script from a document.
func inBrowser(t *testing.T) (context.Context, string) {
	t.Helper()
	exe := browserPath()
	if exe == "" {
		t.Skip("no Chromium found (apt-get install chromium, or set REPORTMINE_CHROMIUM): browser tests skipped")
	}
	srv, _ := testServer(t)
	ts := httptest.NewServer(srv) // 127.0.0.1:0
	// Chromium keeps its profile and its singleton socket's directory
	// under TMPDIR; a directory of the test's own is removed after it (a
	// run of the browser tests had left five directories in /tmp).
	tmp := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.WindowSize(1280, 800),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")), chromedp.Env("TMPDIR="+tmp))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	if err := chromedp.Do(ctx); err != nil {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		ts.Close()
		t.Fatalf("starting %s: %v", exe, err)
	}
	var dialogs []string
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		for ev, err := range chromedp.Events(ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		<-watching
		ts.Close()
		for _, d := range dialogs {
			t.Errorf("a page opened a dialog: %s", d)
		}
	})
	return ctx, ts.URL
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// waitQuery waits until the page's address holds part in its query.
func waitQuery(t *testing.T, ctx context.Context, part string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		q := value(t, ctx, chromedp.Evaluate[string](`document.readyState == "complete" ? location.search : ""`))
		if strings.Contains(q, url.QueryEscape(part)) || strings.Contains(q, part) {
			time.Sleep(50 * time.Millisecond) // let the driver see the new document
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page's query %q never held %q", q, part)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitReady waits for an element of the page just navigated to. The
// driver may still address the old document for a moment after the
// address changed; that answer ("Inspected target navigated or closed")
// is asked again.
func waitReady(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	for tries := 0; ; tries++ {
		err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(sel)))
		if err == nil {
			return
		}
		if tries == 50 || !strings.Contains(err.Error(), "navigated or closed") {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// inViewJS is true when the element the fragment names is on screen.
const inViewJS = `(function(){var el=document.getElementById(location.hash.slice(1));if(!el)return false;` +
	`var r=el.getBoundingClientRect();return r.top>=0&&r.bottom<=innerHeight;})()`

// TestBrowserSearchToDocument: search, narrow by a facet, open a hit, and
// land in the document scrolled to the highlighted sentence; a figure
// there shows its reading when clicked.
func TestBrowserSearchToDocument(t *testing.T) {
	ctx, base := inBrowser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(css(`input[name=q]`), "集装箱吞吐量"),
		chromedp.Submit(css(`form.searchbar`)),
		chromedp.WaitVisible(css(`.hit`)),
		chromedp.Click(css(`section[data-facet="year"] a.facet-value`)),
		chromedp.WaitVisible(css(`.hit`)),
	)
	location := value(t, ctx, chromedp.Location())
	hits := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.hit').length`))
	if !strings.Contains(location, "year%3A") || hits == 0 {
		t.Fatalf("after the facet click: %s with %d hits", location, hits)
	}
	do(t, ctx,
		chromedp.Click(css(`a.hit-link`)),
		chromedp.WaitVisible(css(`.hl`)),
		chromedp.Sleep(300*time.Millisecond), // the scroll follows the load
	)
	location = value(t, ctx, chromedp.Location())
	inView := value(t, ctx, chromedp.Evaluate[bool](inViewJS))
	scrolled := value(t, ctx, chromedp.Evaluate[float64](`window.scrollY`))
	marked := value(t, ctx, chromedp.Text(css(`.hl`)))
	if !strings.Contains(location, "/doc/") || !inView || scrolled < 100 {
		t.Errorf("document %s: highlight in view %v, scrolled %.0f px", location, inView, scrolled)
	}
	if !strings.Contains(marked, "集装箱吞吐量") {
		t.Errorf("highlighted %q", marked)
	}
	do(t, ctx,
		chromedp.Click(css(`.hl mark.fig`)),
		chromedp.WaitVisible(css(`#figpanel`)),
	)
	if panel := value(t, ctx, chromedp.Text(css(`#figpanel p`))); !strings.Contains(panel, "指标") {
		t.Errorf("figure panel says %q", panel)
	}
}

// TestBrowserFiguresDownload: filter the figure table, sort it, download
// its CSV, and find it byte for byte the API's CSV of the same query, with
// the rows shown.
func TestBrowserFiguresDownload(t *testing.T) {
	ctx, base := inBrowser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	dir := t.TempDir()
	events := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &events}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(base+"/figures"),
		chromedp.SendKeys(css(`input[name=metric]`), "生产总值"),
		chromedp.SetValue(css(`select[name=target]`), "outcome"),
		chromedp.Submit(css(`form.filters`)),
	)
	// The old page's rows are there until the new one arrives: wait for
	// the address to change, not for rows.
	waitQuery(t, ctx, "metric=")
	waitReady(t, ctx, `table.figures tbody tr`)
	do(t, ctx, chromedp.Click(css(`table.figures th a`))) // sort by value
	waitQuery(t, ctx, "sort=value")
	waitReady(t, ctx, `table.figures tbody tr`)
	rows := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('table.figures tbody tr').length`))
	href := value(t, ctx, chromedp.AttributeValue(css(`#download-csv`), "href")).Value
	downloads := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	do(t, ctx, chromedp.Click(css(`#download-csv`)))
	var guid string
	for ev, err := range downloads {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the download was cancelled")
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(href)
	if err != nil || u.Query().Get("metric") != "生产总值" || u.Query().Get("sort") != "value" {
		t.Fatalf("download link %s does not carry the filter and sort", href)
	}
	want := httpGet(t, base+"/figures.csv?"+u.RawQuery)
	if string(got) != want {
		t.Errorf("downloaded CSV differs from the API's:\n%s\n---\n%s", got, want)
	}
	if n := strings.Count(want, "fig:"); rows == 0 || n != rows {
		t.Errorf("%d rows shown, %d in the CSV", rows, n)
	}
}

// TestBrowserClaimToEvidence: check a claim, read the verdict card, follow
// the evidence to the figure in its document.
func TestBrowserClaimToEvidence(t *testing.T) {
	ctx, base := inBrowser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	do(t, ctx,
		chromedp.Navigate(base+"/check"),
		chromedp.SendKeys(chromedp.ID("claims"), "青河市2022年地区生产总值2310.5亿元"),
		chromedp.Submit(css(`form.checkform`)),
		chromedp.WaitVisible(css(`section.verdict`)),
	)
	if badge := value(t, ctx, chromedp.Text(css(`section.verdict h2 .badge`))); badge != "有据可查" {
		t.Errorf("verdict %q", badge)
	}
	do(t, ctx,
		chromedp.Click(css(`a.evidence-link`)),
		chromedp.WaitVisible(css(`.hl`)),
	)
	marked := value(t, ctx, chromedp.Text(css(`.hl`)))
	location := value(t, ctx, chromedp.Location())
	if marked != "2310.5亿元" || !strings.Contains(location, "/doc/") {
		t.Errorf("evidence link led to %s marking %q", location, marked)
	}
}

// TestBrowserXSSDocument: the document full of markup shows it as text;
// nothing runs, nothing loads.
func TestBrowserXSSDocument(t *testing.T) {
	ctx, base := inBrowser(t)
	_, docs := testServer(t)
	doc := "/doc/" + url.PathEscape(docs["xss.txt"])
	for _, p := range []string{doc, doc + "?hl=0-30", "/search?q=" + url.QueryEscape("补助"), "/figures?source=xss"} {
		do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS(`footer`)))
		active := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('script:not([src="/static/app.js"]), img, iframe, object, embed, [onerror], [onclick], a[href^="javascript"]').length`))
		if active != 0 {
			t.Errorf("%s has %d active elements", p, active)
		}
	}
	do(t, ctx, chromedp.Navigate(base+doc))
	text := value(t, ctx, chromedp.Text(chromedp.ID("text")))
	title := value(t, ctx, chromedp.Title())
	if !strings.Contains(text, `<script>alert("title")</script>`) || !strings.Contains(title, "<img src=x onerror=alert('meta')>") {
		t.Errorf("markup not shown as text: title %q, text %q", title, text)
	}
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatal(errors.New(fmt.Sprint(resp.Status, ": ", string(b))))
	}
	return string(b)
}

// TestBrowserFragmentOnlyLink: a link that names a range only in its
// fragment (as an API client might build it) still lands marked and
// scrolled.
func TestBrowserFragmentOnlyLink(t *testing.T) {
	ctx, base := inBrowser(t)
	srv, _ := testServer(t)
	rec := get(t, srv, "GET", "/search.json?q="+url.QueryEscape("集装箱吞吐量"), "")
	var res struct {
		Hits []struct {
			Doc        string
			Start, End int
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || len(res.Hits) == 0 {
		t.Fatalf("search: %v %s", err, rec.Body.String())
	}
	h := res.Hits[0]
	span := strconv.Itoa(h.Start) + "-" + strconv.Itoa(h.End)
	do(t, ctx,
		chromedp.Navigate(base+"/doc/"+url.PathEscape(h.Doc)+"#"+span),
		chromedp.WaitVisible(chromedp.CSS(`.hl`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	if !value(t, ctx, chromedp.Evaluate[bool](inViewJS)) {
		t.Error("the range is not in view")
	}
	if marked := value(t, ctx, chromedp.Text(chromedp.CSS(`.hl`))); !strings.Contains(marked, "集装箱吞吐量") {
		t.Errorf("marked %q", marked)
	}
}
