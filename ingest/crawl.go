package ingest

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// Profile tells the crawler how a news site is laid out: CSS selectors
// for the article links and the next page of a list, and optionally for
// the parts of an article page. Empty article selectors fall back to the
// generic extraction.
type Profile struct {
	Name     string `json:"name"`
	ListLink string `json:"list_link"`
	NextPage string `json:"next_page"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Body     string `json:"body,omitempty"`
	Source   string `json:"source,omitempty"`
	// SameHost keeps the crawl on the start URL's host (default true).
	SameHost *bool `json:"same_host,omitempty"`
}

//go:embed profiles/generic.json
var genericProfile []byte

// LoadProfile reads a profile file, or the built-in "generic" profile for
// typical gov.cn-style list and article pages.
func LoadProfile(nameOrPath string) (Profile, error) {
	data := genericProfile
	if nameOrPath != "" && nameOrPath != "generic" {
		b, err := os.ReadFile(nameOrPath)
		if err != nil {
			return Profile{}, fmt.Errorf("profile %s: %w", nameOrPath, err)
		}
		data = b
	}
	var p Profile
	if err := json.Unmarshal(data, &p); err != nil {
		return Profile{}, fmt.Errorf("profile %s: %w", nameOrPath, err)
	}
	if p.ListLink == "" {
		return Profile{}, fmt.Errorf("profile %s: list_link selector is required", nameOrPath)
	}
	return p, nil
}

// Crawler follows list pages to their articles and next pages.
type Crawler struct {
	Fetcher  *Fetcher
	Profile  Profile
	MaxPages int // pages fetched in all, list pages and articles; 0 means 100

	robots sync.Map // host → *robotsRules
}

// Crawl walks the list pages from start and calls article for each article
// page it fetches. No URL is fetched twice; robots.txt is honoured; the
// crawl stops after MaxPages fetches.
func (c *Crawler) Crawl(ctx context.Context, start string, article func(url string, body []byte, contentType string) error) error {
	base, err := url.Parse(start)
	if err != nil {
		return fmt.Errorf("crawl %s: %w", start, err)
	}
	limit := c.MaxPages
	if limit <= 0 {
		limit = 100
	}
	// Every hop obeys the rules a link does: a redirect off the site or
	// into a path robots.txt disallows is not followed.
	if c.Fetcher.Redirect == nil {
		c.Fetcher.Redirect = func(ctx context.Context, target *url.URL) error {
			if !c.onSite(base, target.String()) {
				return errors.New("off the site")
			}
			if !c.allowed(ctx, target.String()) {
				return errors.New("disallowed by robots.txt")
			}
			return nil
		}
		defer func() { c.Fetcher.Redirect = nil }()
	}
	seen := map[string]bool{}
	fetched := 0
	get := func(u string) ([]byte, string, bool, error) {
		if seen[u] || fetched >= limit {
			return nil, "", false, nil
		}
		seen[u] = true
		if !c.allowed(ctx, u) {
			return nil, "", false, nil
		}
		fetched++
		body, ctype, err := c.Fetcher.Get(ctx, u)
		return body, ctype, err == nil, err
	}
	list := start
	for list != "" && fetched < limit {
		body, ctype, ok, err := get(list)
		if err != nil {
			return fmt.Errorf("crawl list %s: %w", list, err)
		}
		if !ok {
			break
		}
		links, next, err := c.parseList(list, body, ctype)
		if err != nil {
			return fmt.Errorf("crawl list %s: %w", list, err)
		}
		for _, l := range links {
			if !c.onSite(base, l) {
				continue
			}
			abody, actype, ok, err := get(l)
			if err != nil {
				if aerr := article(l, nil, fmt.Sprintf("error: %v", err)); aerr != nil {
					return aerr
				}
				continue
			}
			if ok {
				if err := article(l, abody, actype); err != nil {
					return err
				}
			}
		}
		list = ""
		if next != "" && c.onSite(base, next) && !seen[next] {
			list = next
		}
	}
	return nil
}

func (c *Crawler) onSite(base *url.URL, link string) bool {
	if c.Profile.SameHost != nil && !*c.Profile.SameHost {
		return true
	}
	u, err := url.Parse(link)
	return err == nil && u.Host == base.Host
}

// parseList returns the article links and the next page of a list page,
// as absolute URLs.
func (c *Crawler) parseList(pageURL string, body []byte, ctype string) ([]string, string, error) {
	r, err := charset.NewReader(bytes.NewReader(body), ctype)
	if err != nil {
		return nil, "", err
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, "", err
	}
	base, _ := url.Parse(pageURL)
	abs := func(href string) string {
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		u.Fragment = ""
		return u.String()
	}
	var links []string
	doc.Find(c.Profile.ListLink).Each(func(_ int, s *goquery.Selection) {
		if href, ok := s.Attr("href"); ok {
			if u := abs(href); u != "" {
				links = append(links, u)
			}
		}
	})
	next := ""
	if c.Profile.NextPage != "" {
		doc.Find(c.Profile.NextPage).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if href, ok := s.Attr("href"); ok && !strings.HasPrefix(strings.TrimSpace(href), "javascript") {
				next = abs(href)
			}
			return next == ""
		})
	}
	return links, next, nil
}

// robotsRules are the Allow/Disallow lines of a robots.txt that apply to
// reportmine, and its Crawl-delay.
type robotsRules struct {
	allow, disallow []string
	delay           time.Duration
}

func (c *Crawler) allowed(ctx context.Context, raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	v, ok := c.robots.Load(u.Host)
	if !ok {
		rules := &robotsRules{}
		robotsURL := u.Scheme + "://" + u.Host + "/robots.txt"
		if body, _, err := c.Fetcher.Get(ctx, robotsURL); err == nil {
			rules = parseRobots(bytes.NewReader(body), "reportmine")
		}
		if rules.delay > c.Fetcher.HostDelay {
			c.Fetcher.HostDelay = rules.delay
		}
		v, _ = c.robots.LoadOrStore(u.Host, rules)
	}
	return v.(*robotsRules).permits(u.RequestURI())
}

// permits applies the longest matching rule; Allow wins ties.
func (r *robotsRules) permits(path string) bool {
	best, allowed := -1, true
	for _, p := range r.disallow {
		if p != "" && strings.HasPrefix(path, p) && len(p) > best {
			best, allowed = len(p), false
		}
	}
	for _, p := range r.allow {
		if strings.HasPrefix(path, p) && len(p) >= best {
			best, allowed = len(p), true
		}
	}
	return allowed
}

// parseRobots reads the groups for agent (or *, when agent has none).
func parseRobots(r io.Reader, agent string) *robotsRules {
	groups := map[string]*robotsRules{}
	var current []string
	inRules := false
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if key == "user-agent" {
			if inRules {
				current, inRules = nil, false
			}
			name := strings.ToLower(value)
			current = append(current, name)
			if groups[name] == nil {
				groups[name] = &robotsRules{}
			}
			continue
		}
		inRules = true
		for _, name := range current {
			g := groups[name]
			switch key {
			case "allow":
				g.allow = append(g.allow, value)
			case "disallow":
				g.disallow = append(g.disallow, value)
			case "crawl-delay":
				if s, err := strconv.ParseFloat(value, 64); err == nil {
					g.delay = time.Duration(s * float64(time.Second))
				}
			}
		}
	}
	if g := groups[agent]; g != nil {
		return g
	}
	if g := groups["*"]; g != nil {
		return g
	}
	return &robotsRules{}
}
