package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

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

// sentenceID names a sentence by its document's key and its start.
func sentenceID(doc string, start int) string {
	return docKey(doc) + "#" + strconv.FormatInt(int64(start), 36)
}

// parseSentenceID reads a sentence id back: the document key and start.
func parseSentenceID(id string) (string, int, bool) {
	key, start, ok := strings.Cut(id, "#")
	n, err := strconv.ParseInt(start, 36, 64)
	return key, int(n), ok && err == nil
}

// docMeta is what every sentence of a document shares, stored once per
// document (an internal record of its shard) instead of in each sentence.
type docMeta struct {
	ID       string        `json:"id"`
	Source   string        `json:"source"`
	Title    string        `json:"title,omitempty"`
	Date     string        `json:"date,omitempty"`
	Articles []articleMeta `json:"articles,omitempty"`
}

type articleMeta struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
}

func metaKey(key string) []byte { return []byte("meta:" + key) }

func newDocMeta(doc corpus.Document) docMeta {
	m := docMeta{ID: doc.ID, Source: doc.Source, Title: doc.Meta.Title, Date: doc.Meta.Date}
	for _, a := range doc.Articles {
		m.Articles = append(m.Articles, articleMeta{Start: a.Start, End: a.End, Title: a.Meta.Title, Date: a.Meta.Date})
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

// metaCache keeps documents' records once read: a page of hits names a
// few documents, and the next page the same ones.
type metaCache struct {
	mu sync.Mutex
	m  map[string]docMeta
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
		v, err := b.GetInternal(metaKey(key))
		if err != nil || len(v) == 0 {
			continue
		}
		if json.Unmarshal(v, &m) != nil {
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

// forget empties the cache.
func (c *metaCache) forget() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}
