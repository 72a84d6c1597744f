package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"reportmine/app"
	"reportmine/corpus/store"
	"reportmine/ingest"
)

func runCrawl(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "crawl", "[--data DIR] [--profile FILE|generic] [--max-pages N] [--delay D] [--url-deadline D] START_URL")
	data := dataFlag(fs)
	profilePath := fs.String("profile", "generic", "site profile (JSON): list_link, next_page and optional title/date/body/source selectors")
	maxPages := boundedInt(fs, "max-pages", 100, 1, 1_000_000, "stop after fetching this many pages, lists and articles together")
	delay := boundedDuration(fs, "delay", time.Second, 0, time.Hour, "minimum time between two requests to the same host (robots.txt Crawl-delay can raise it)")
	newFetcher := fetcherFlags(fs, e)
	workers := boundedInt(fs, "workers", runtime.NumCPU(), 1, 256, "articles extracted in parallel")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() != 1 || !strings.HasPrefix(fs.Arg(0), "http") {
		fs.Usage()
		return fmt.Errorf("%w: crawl needs one START_URL", errUsage)
	}
	profile, err := ingest.LoadProfile(*profilePath)
	if err != nil {
		return err
	}
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	fetcher := newFetcher()
	fetcher.HostDelay = *delay
	crawler := &ingest.Crawler{Fetcher: fetcher, Profile: profile, MaxPages: *maxPages}
	fetched := map[string]app.Page{}
	var articles []string
	err = crawler.Crawl(ctx, fs.Arg(0), func(url string, body []byte, ctype string) error {
		if body == nil {
			fmt.Fprintf(e.stderr, "reportmine: crawl %s: %s\n", url, ctype)
			return nil
		}
		fetched[url] = app.Page{Body: body, ContentType: ctype}
		articles = append(articles, url)
		return nil
	})
	if err != nil {
		return err
	}
	job := ingestRun{env: e, x: x, heading: fmt.Sprintf("crawled %d article pages from %s", len(articles), fs.Arg(0)),
		opts: app.IngestOptions{Workers: *workers, Reader: ingest.Reader{Fetcher: fetcher, Profile: &profile}, Fetched: fetched}}
	return job.start(ctx, *data, func(*store.Store) ([]string, error) { return articles, nil })
}
