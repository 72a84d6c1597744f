package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Fetcher gets documents over HTTP politely: a timeout per request, a size
// limit, a User-Agent that names the tool, retries with backoff on network
// errors and 5xx/429 answers, and a minimum delay between requests to the
// same host.
type Fetcher struct {
	Client    *http.Client
	UserAgent string
	MaxBytes  int64
	Retries   int
	Backoff   time.Duration
	HostDelay time.Duration
	// Deadline bounds one URL, every attempt and wait included, as the
	// client's timeout bounds one request.
	Deadline time.Duration
	// Redirect, when set, must approve every redirect target before it
	// is fetched (a crawler's host and robots.txt rules).
	Redirect func(ctx context.Context, target *url.URL) error
	// Progress, when set, hears of a URL that takes longer than
	// ProgressEvery, and then every ProgressEvery until it is done: bytes
	// received, the announced length, and retries with their reason, so
	// that a slow server is never silent.
	Progress      func(Download)
	ProgressEvery time.Duration

	mu   sync.Mutex
	last map[string]time.Time
}

// NewFetcher returns a Fetcher with the defaults.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client:    &http.Client{Timeout: 30 * time.Second},
		UserAgent: "reportmine/1 (+https://example.invalid/reportmine; research crawler)",
		MaxBytes:  50 << 20,
		Retries:   3,
		Backoff:   time.Second,
		HostDelay: time.Second,
		Deadline:  2 * time.Minute,
		last:      map[string]time.Time{},

		ProgressEvery: 2 * time.Second,
	}
}

// Download is where a slow URL stands.
type Download struct {
	URL     string
	Attempt int   // 1 for the first request
	Bytes   int64 // body bytes received in this attempt
	Total   int64 // the announced length, -1 when unknown
	Elapsed time.Duration
	// Waiting is set before the server has answered.
	Waiting bool
	// Retry, when set, is why the attempt failed; another follows after
	// RetryIn.
	Retry   error
	RetryIn time.Duration
}

// String says where the download stands, for a progress line.
func (d Download) String() string {
	elapsed := d.Elapsed.Round(time.Second)
	switch {
	case d.Retry != nil:
		return fmt.Sprintf("%s: attempt %d failed after %s (%v); retrying in %s", d.URL, d.Attempt, elapsed, d.Retry, d.RetryIn)
	case d.Waiting:
		return fmt.Sprintf("%s: no answer yet after %s (attempt %d)", d.URL, elapsed, d.Attempt)
	case d.Total >= 0:
		return fmt.Sprintf("%s: %s of %s after %s", d.URL, size(d.Bytes), size(d.Total), elapsed)
	}
	return fmt.Sprintf("%s: %s after %s", d.URL, size(d.Bytes), elapsed)
}

// tracker counts one URL's bytes for the progress reports.
type tracker struct {
	url     string
	start   time.Time
	attempt atomic.Int64
	bytes   atomic.Int64
	total   atomic.Int64
	waiting atomic.Bool
}

func (t *tracker) snapshot() Download {
	return Download{URL: t.url, Attempt: int(t.attempt.Load()), Bytes: t.bytes.Load(), Total: t.total.Load(),
		Elapsed: time.Since(t.start), Waiting: t.waiting.Load()}
}

// report calls Progress every ProgressEvery until stop is closed.
func (f *Fetcher) report(t *tracker, stop <-chan struct{}) {
	tick := time.NewTicker(f.ProgressEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			f.Progress(t.snapshot())
		}
	}
}

// countingReader adds what it reads to a tracker.
type countingReader struct {
	r io.Reader
	t *tracker
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.t.bytes.Add(int64(n))
	return n, err
}

// Get fetches rawURL and returns its body and Content-Type.
func (f *Fetcher) Get(ctx context.Context, rawURL string) ([]byte, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, "", err
	}
	if f.Deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Deadline)
		defer cancel()
	}
	t := &tracker{url: rawURL, start: time.Now()}
	if f.Progress != nil && f.ProgressEvery > 0 {
		stop := make(chan struct{})
		defer close(stop)
		go f.report(t, stop)
	}
	var lastErr error
	for attempt := 0; attempt <= f.Retries; attempt++ {
		if attempt > 0 {
			delay := f.Backoff << (attempt - 1)
			if f.Progress != nil && time.Since(t.start) >= f.ProgressEvery {
				d := t.snapshot()
				d.Retry, d.RetryIn = lastErr, delay
				f.Progress(d)
			}
			select {
			case <-time.After(delay):
			case <-ctx.Done():
				return nil, "", ctx.Err()
			}
		}
		if err := f.wait(ctx, u.Host); err != nil {
			return nil, "", err
		}
		t.attempt.Store(int64(attempt + 1))
		body, ctype, retry, err := f.once(ctx, rawURL, t)
		if err == nil {
			return body, ctype, nil
		}
		lastErr = err
		if !retry {
			break
		}
	}
	if ctx.Err() != nil && f.Deadline > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, "", fmt.Errorf("no complete answer within %s (the per-URL deadline): %w", f.Deadline, lastErr)
	}
	return nil, "", lastErr
}

func (f *Fetcher) once(ctx context.Context, rawURL string, t *tracker) ([]byte, string, bool, error) {
	t.bytes.Store(0)
	t.total.Store(-1)
	t.waiting.Store(true)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", false, err
	}
	req.Header.Set("User-Agent", f.UserAgent)
	client := *f.Client
	client.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("more than 10 redirects")
		}
		if next.URL.Scheme != "http" && next.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s: not http", next.URL)
		}
		if f.Redirect != nil {
			if err := f.Redirect(ctx, next.URL); err != nil {
				return fmt.Errorf("redirect to %s: %w", next.URL, err)
			}
		}
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", ctx.Err() == nil, err
	}
	t.waiting.Store(false)
	t.total.Store(resp.ContentLength)
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, "", true, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", false, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(countingReader{resp.Body, t}, f.MaxBytes+1))
	if err != nil {
		return nil, "", true, err
	}
	if int64(len(body)) > f.MaxBytes {
		return nil, "", false, fmt.Errorf("response %w: more than %s (raise it with --max-bytes)", ErrTooLarge, size(f.MaxBytes))
	}
	return body, resp.Header.Get("Content-Type"), false, nil
}

// wait sleeps until the host may be asked again.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	if f.last == nil {
		f.last = map[string]time.Time{}
	}
	next := f.last[host].Add(f.HostDelay)
	now := time.Now()
	if next.Before(now) {
		next = now
	}
	f.last[host] = next
	f.mu.Unlock()
	select {
	case <-time.After(time.Until(next)):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
