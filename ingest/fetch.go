package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
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
	}
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
	var lastErr error
	for attempt := 0; attempt <= f.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(f.Backoff << (attempt - 1)):
			case <-ctx.Done():
				return nil, "", ctx.Err()
			}
		}
		if err := f.wait(ctx, u.Host); err != nil {
			return nil, "", err
		}
		body, ctype, retry, err := f.once(ctx, rawURL)
		if err == nil {
			return body, ctype, nil
		}
		lastErr = err
		if !retry {
			break
		}
	}
	return nil, "", lastErr
}

func (f *Fetcher) once(ctx context.Context, rawURL string) ([]byte, string, bool, error) {
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
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, "", true, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", false, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return nil, "", true, err
	}
	if int64(len(body)) > f.MaxBytes {
		return nil, "", false, errors.New("response larger than the size limit")
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
