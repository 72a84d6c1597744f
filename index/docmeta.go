package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"reportmine/corpus"
)

// docKey is a document's short name inside the index. Sentence ids are
// the index's most repeated strings (a term and a stored value each): a
// 71-byte document id in every one cost more than the sentence text.
// Sixty-four bits of its hash name a document among millions.
func docKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:8])
}

// sentenceID names a sentence by its document's key (docKey), its start
// and its length: the id is all a hit needs to find its text in the store.
func sentenceID(key string, start, end int) string {
	return key + "#" + strconv.FormatInt(int64(start), 36) + "+" + strconv.FormatInt(int64(end-start), 36)
}

// parseSentenceID reads a sentence id back: the document key, start and
// end.
func parseSentenceID(id string) (key string, start, end int, ok bool) {
	key, span, ok := strings.Cut(id, "#")
	from, length, ok2 := strings.Cut(span, "+")
	s, err := strconv.ParseInt(from, 36, 64)
	n, err2 := strconv.ParseInt(length, 36, 64)
	if !ok || !ok2 || err != nil || err2 != nil || s < 0 || n < 0 {
		return "", 0, 0, false
	}
	return key, int(s), int(s + n), true
}

// docMeta is what every sentence of a document shares, stored once per
// document (a record in its home shard, recordID) instead of in each sentence.
type docMeta struct {
	ID       string        `json:"id"`
	Source   string        `json:"source"`
	Title    string        `json:"title,omitempty"`
	Date     string        `json:"date,omitempty"`
	Issuer   string        `json:"issuer,omitempty"`
	Articles []articleMeta `json:"articles,omitempty"`
	// Pages are the offsets where pages start, for a hit's page (which
	// sentences no longer store each).
	Pages []int `json:"pages,omitempty"`
	// Stale marks a document about to be indexed again (MarkStale): its
	// record still answers searches, but the document counts as not
	// indexed until the new record replaces it.
	Stale bool `json:"stale,omitempty"`
}

type articleMeta struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	Issuer string `json:"issuer,omitempty"`
}

// partKey names a document's part in its sentences' part field, from the
// document's key (docKey): article n (1-based), or 0 for the document
// outside its articles.
func partKey(key string, n int) string {
	if n == 0 {
		return key
	}
	return key + "#" + strconv.Itoa(n)
}

// part is what the title:, issuer: and source: filters and the source
// and issuer facets read of a document's part: its key, its title's and
// issuer's tokens by position (positions), its issuer and source.
type part struct {
	key               string
	title, issuerToks []string
	issuer, source    string
}

// parts are the document and its articles, each with the title and
// issuer its sentences have (as sentenceAt gives them).
func (m docMeta) parts() []part {
	key := docKey(m.ID)
	out := []part{{partKey(key, 0), positions(m.Title), positions(m.Issuer), m.Issuer, m.Source}}
	for i, a := range m.Articles {
		out = append(out, part{partKey(key, i+1), positions(a.Title), positions(a.Issuer), a.Issuer, m.Source})
	}
	return out
}

func newDocMeta(doc corpus.Document) docMeta {
	m := docMeta{ID: doc.ID, Source: doc.Source, Title: doc.Meta.Title, Date: doc.Meta.Date, Issuer: doc.Meta.Issuer, Pages: doc.Pages}
	for _, a := range doc.Articles {
		m.Articles = append(m.Articles, articleMeta{Start: a.Start, End: a.End, Title: a.Meta.Title, Date: a.Meta.Date, Issuer: a.Meta.Issuer})
	}
	return m
}

// at is the title and date of the sentence starting at start: its
// article's, the article's date falling back to the document's (as
// sentenceAt decides them).
func (m docMeta) at(start int) (title, date string) {
	title, date = m.Title, m.Date
	for _, a := range m.Articles {
		if start >= a.Start && start < a.End {
			title, date = a.Title, a.Date
			if date == "" {
				date = m.Date
			}
		}
	}
	return title, date
}

// page is the page the offset falls on (0 without pages), as
// corpus.Document.Page gives it.
func (m docMeta) page(off int) int { return corpus.Document{Pages: m.Pages}.Page(off) }

// metaCache keeps documents' records once read: a page of hits names a
// few documents, and the next page the same ones.
type metaCache struct {
	mu sync.Mutex
	m  map[string]docMeta
	// parts are every document's parts, read (and their titles
	// tokenized) when a title: or issuer: filter first needs them.
	parts []part
	// byKey finds a part by its key, for facets.
	byKey map[string]*part
	// frames are the index's slotted frame terms by tag and text, read
	// when a query first asks one figure for a frame and more.
	frames map[string]map[string]*frameEntry
}

// maxCachedMeta bounds the cache; it starts afresh when full.
const maxCachedMeta = 4096

func (x *Index) docMeta(key string) (docMeta, bool) {
	x.meta.mu.Lock()
	m, ok := x.meta.m[key]
	x.meta.mu.Unlock()
	if ok {
		return m, true
	}
	for _, b := range x.shards { // the key does not say which shard
		m, found, err := readRecord(b, key)
		if !found {
			continue
		}
		if err != nil {
			return docMeta{}, false
		}
		x.meta.mu.Lock()
		if x.meta.m == nil || len(x.meta.m) >= maxCachedMeta {
			x.meta.m = map[string]docMeta{}
		}
		x.meta.m[key] = m
		x.meta.mu.Unlock()
		return m, true
	}
	return docMeta{}, false
}

// A document's record is a bleve document of its home shard (recordID),
// written in the batch that marks the document indexed, with the record
// as a stored field and a marker term (recordField) that lists them all.
// Scorch writes every internal key-value again into each snapshot it
// persists, so per-document internal records cost time that grew with
// the square of the corpus (a tenth of ingest CPU at 64 MB).
const (
	recordField = "rec"
	recordMeta  = "meta"
)

func recordID(key string) string { return "m:" + key }

// readRecord reads and decodes the record of the document whose key is
// key from b: found, and an error when it cannot be decoded.
func readRecord(b bleve.Index, key string) (docMeta, bool, error) {
	raw, found := recordOf(b, key)
	if !found {
		return docMeta{}, false, nil
	}
	var m docMeta
	if err := json.Unmarshal(raw, &m); err != nil {
		return docMeta{}, true, fmt.Errorf("index: record %s: %w", key, err)
	}
	return m, true, nil
}

// recordOf reads the record of the document whose key is key from b.
func recordOf(b bleve.Index, key string) ([]byte, bool) {
	d, err := b.Document(recordID(key))
	if err != nil || d == nil {
		return nil, false
	}
	var raw []byte
	d.VisitFields(func(f bleveindex.Field) {
		if f.Name() == recordMeta {
			raw = f.Value()
		}
	})
	return raw, raw != nil
}

// recordFields are a document record's bleve fields.
func recordFields(m docMeta) (map[string]any, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return map[string]any{recordField: "doc", recordMeta: string(b)}, nil
}

// recordsQuery finds the documents' records: to list them, and to keep
// them out of a query that asks for every sentence (the records answer
// no query of the text).
func recordsQuery() query.Query { return termQuery(recordField, "doc") }

// forget empties the cache.
func (c *metaCache) forget() {
	c.mu.Lock()
	c.m, c.parts, c.byKey, c.frames = nil, nil, nil, nil
	c.mu.Unlock()
}

// partsByKey are allParts by their keys.
func (x *Index) partsByKey() (map[string]*part, error) {
	_, byKey, err := x.readParts()
	return byKey, err
}

// allParts are every document's parts.
func (x *Index) allParts() ([]part, error) {
	all, _, err := x.readParts()
	return all, err
}

// readParts reads every document's record into its parts, once until the
// index changes, and indexes them by key.
func (x *Index) readParts() ([]part, map[string]*part, error) {
	x.meta.mu.Lock()
	all, byKey := x.meta.parts, x.meta.byKey
	x.meta.mu.Unlock()
	if all != nil {
		return all, byKey, nil
	}
	all = []part{}
	q := recordsQuery()
	count, err := x.b.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return nil, nil, fmt.Errorf("index: document records: %w", err)
	}
	if count.Total > 0 {
		req := bleve.NewSearchRequestOptions(q, int(count.Total), 0, false)
		req.Fields = []string{recordMeta}
		res, err := x.b.SearchInContext(context.Background(), req)
		if err != nil {
			return nil, nil, fmt.Errorf("index: document records: %w", err)
		}
		for _, h := range res.Hits {
			raw, _ := h.Fields[recordMeta].(string)
			var m docMeta
			if err := json.Unmarshal([]byte(raw), &m); err != nil {
				return nil, nil, fmt.Errorf("index: document record %s: %w", h.ID, err)
			}
			all = append(all, m.parts()...)
		}
	}
	byKey = make(map[string]*part, len(all))
	for i := range all {
		byKey[all[i].key] = &all[i]
	}
	x.meta.mu.Lock()
	x.meta.parts, x.meta.byKey = all, byKey
	x.meta.mu.Unlock()
	return all, byKey, nil
}

// partsMatching lists the parts whose title or issuer (field) holds
// phrase, read as the text is (full width and traditional script folded,
// punctuation a gap no phrase spans), or whose source (field "source")
// has phrase in it, as it is written.
func (x *Index) partsMatching(field, phrase string) ([]string, error) {
	all, err := x.allParts()
	if err != nil {
		return nil, err
	}
	want := positions(phrase)
	if len(want) == 0 && field != "source" {
		return nil, nil
	}
	var keys []string
	for _, p := range all {
		var holds bool
		switch field {
		case "source":
			holds = strings.Contains(p.source, phrase)
		case "issuer":
			holds = holdsPhrase(p.issuerToks, want)
		default:
			holds = holdsPhrase(p.title, want)
		}
		if holds {
			keys = append(keys, p.key)
		}
	}
	return keys, nil
}

// positions are a text's tokens by position, "" where punctuation
// leaves a gap.
func positions(s string) []string {
	toks := Terms(s)
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].Position
	out := make([]string, toks[len(toks)-1].Position-first+1)
	for _, t := range toks {
		out[t.Position-first] = string(t.Term)
	}
	return out
}

// holdsPhrase reports whether want occurs in have at consecutive
// positions (positions), a gap (punctuation) where want has one: 经济、社会
// is not 经济和社会.
func holdsPhrase(have, want []string) bool {
	for i := 0; i+len(want) <= len(have); i++ {
		ok := true
		for j, w := range want {
			if have[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
