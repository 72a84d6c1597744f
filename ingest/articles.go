package ingest

import (
	"strconv"
	"strings"

	"reportmine/corpus"
)

// paraKind classifies a paragraph for article splitting.
type paraKind int

const (
	paraProse   paraKind = iota
	paraMarker           // starts with 本刊讯 / 科学导报讯: a news item begins
	paraTitle            // a short block without sentence punctuation
	paraByline           // ■ 李若男: an author line on its own
	paraCaption          // ▲…, 图为…, …摄
	paraNames            // 吴健强 高艺丹: authors heading the article that follows
)

func classify(p paragraph) paraKind {
	short := len(p.text) <= 160
	switch {
	case short && namesRe.MatchString(p.raw):
		return paraNames
	case markerRe.MatchString(p.text):
		return paraMarker
	case isCaption(p.text):
		return paraCaption
	case short && bylineRe.MatchString(p.text):
		return paraByline
	case isTitleLike(p.text):
		return paraTitle
	}
	return paraProse
}

// draft is an article being assembled.
type draft struct {
	start, end int
	titles     []string
	authors    []string
	issuer     string
	closed     bool // ended with a （王波） byline; what follows is its headline or the next article
}

// splitArticles splits a magazine page into articles. A page qualifies when
// it has news-item markers (本刊讯) or bylines; a plain report stays one
// article. Headlines that PDF extraction put after an article's byline
// belong to that article; headlines before a marker, to the article it
// starts.
func splitArticles(doc corpus.Document, paras []paragraph) []corpus.Article {
	markers, bylines := 0, 0
	for _, p := range paras {
		switch {
		case classify(p) == paraMarker:
			markers++
		case bylineEnd.MatchString(p.text):
			bylines++
		}
	}
	if markers == 0 || markers+bylines < 2 {
		return nil
	}
	paras = dropMasthead(paras)
	var drafts []*draft
	var cur *draft
	var pending []paragraph // title-like blocks not yet placed
	begin := func(p paragraph) {
		start := p.start
		var titles []string
		if cur == nil || !cur.closed {
			for _, t := range pending {
				titles = append(titles, t.text)
			}
			if len(pending) > 0 {
				start = pending[0].start
			}
		} else {
			cur.titles = append(cur.titles, texts(pending)...)
		}
		cur = &draft{start: start, end: p.end, titles: titles}
		drafts = append(drafts, cur)
		pending = nil
	}
	for i, p := range paras {
		kind := classify(p)
		if kind == paraProse && len([]rune(p.text)) < 50 && i+1 < len(paras) && classify(paras[i+1]) == paraCaption {
			kind = paraCaption // the first half of a two-part photo caption
		}
		switch kind {
		case paraMarker:
			begin(p)
			cur.issuer = markerIssuer(p.text, doc.Meta.Issuer)
		case paraTitle:
			pending = append(pending, p)
			continue
		case paraByline:
			if cur != nil {
				// A headline and byline block: the headline is the current
				// article's (printed after its text, or mid-column).
				if len(cur.titles) == 0 {
					cur.titles = texts(pending)
				}
				pending = nil
				cur.authors = appendNew(cur.authors, bylineRe.FindStringSubmatch(p.text)[1])
				cur.end = p.end
			}
			continue
		case paraNames:
			begin(p)
			cur.authors = strings.Fields(p.raw)
			continue
		case paraCaption:
			continue
		default:
			if cur == nil || cur.closed {
				begin(p)
			} else {
				pending = nil // section headings inside the article
			}
		}
		cur.end = p.end
		if g := bylineEnd.FindStringSubmatch(p.text); g != nil {
			cur.authors = append(cur.authors, g[1])
			cur.closed = true
		}
		if strings.Contains(p.text, "记者") || strings.Contains(p.text, "通讯员") {
			for _, g := range reporter.FindAllStringSubmatch(p.text, -1) {
				cur.authors = appendNew(cur.authors, g[1])
			}
		}
	}
	if cur != nil && cur.closed {
		cur.titles = append(cur.titles, texts(pending)...)
		if len(pending) > 0 {
			cur.end = pending[len(pending)-1].end
		}
	}
	return finish(doc, drafts)
}

// dropMasthead removes the page header before the first article: the
// periodical's name, slogan, sponsor (…主办) and issue line.
func dropMasthead(paras []paragraph) []paragraph {
	last := -1
	for i, p := range paras {
		k := classify(p)
		if k == paraMarker || k == paraProse && len([]rune(p.text)) > 60 {
			break
		}
		if sponsorRe.MatchString(p.text) || issueRe.MatchString(p.text) || isLatin(p.text) || len([]rune(p.text)) <= 6 {
			last = i
		}
	}
	return paras[last+1:]
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}

func finish(doc corpus.Document, drafts []*draft) []corpus.Article {
	var out []corpus.Article
	for i, d := range drafts {
		end := d.end
		if i+1 < len(drafts) && end > drafts[i+1].start {
			end = drafts[i+1].start
		}
		meta := corpus.Meta{Date: doc.Meta.Date, Issue: doc.Meta.Issue, Issuer: d.issuer, Authors: d.authors}
		if len(d.titles) > 0 {
			meta.Title = strings.Join(d.titles, " ")
		}
		if meta.Issuer == "" {
			meta.Issuer = doc.Meta.Issuer
		}
		out = append(out, corpus.Article{
			ID:   doc.ID + "#" + strconv.Itoa(i+1),
			Span: corpus.Span{Start: d.start, End: end},
			Meta: meta,
		})
	}
	return out
}

// markerIssuer names who reports a news item: 科学导报讯 is 科学导报;
// 本刊讯 is the periodical itself.
func markerIssuer(text, periodical string) string {
	name := markerRe.FindStringSubmatch(text)[1]
	if name == "本刊" {
		if periodical != "" {
			return periodical
		}
		return "本刊"
	}
	return name
}

func texts(ps []paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.text)
	}
	return out
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
