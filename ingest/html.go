package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"reportmine/corpus"
)

// htmlPage is an article page read from HTML: its text (title, then one
// paragraph per block, table rows with tab-separated cells) and metadata.
type htmlPage struct {
	text     string
	encoding string
	meta     corpus.Meta
}

// boilerplate are elements that never hold the article.
const boilerplate = "script, style, noscript, iframe, nav, header, footer, aside, form, button, select, " +
	"[class*=share], [class*=Share], [class*=footer], [id*=footer], [class*=nav], [id*=nav], [class*=menu], " +
	"[class*=breadcrumb], [class*=crumb], [class*=sidebar], [class*=related], [class*=comment], [class*=print]"

// contentSelectors are where government sites put the article body.
const contentSelectors = "article, [class*=article], [id*=article], .TRS_Editor, .trs_editor, #zoom, .zoom, " +
	".pages_content, [class*=content], [id*=content], [class*=detail], [id*=detail], [class*=text], main"

var (
	htmlDateRe   = regexp.MustCompile(`(?:发布(?:时间|日期)|日期|时间)?[:：]?\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})`)
	htmlSourceRe = regexp.MustCompile(`来源[:：]\s*([^\s　|｜]{2,30})`)
	htmlAuthorRe = regexp.MustCompile(`(?:作者|记者|撰稿)[:：]\s*([\p{Han}]{2,4})`)
)

// decodeHTML decodes a page on evidence: the BOM or the HTTP charset,
// else a <meta> declaration, else the whole body read as the text reader
// reads files (UTF-8, or GB18030 or Big5, whichever reads as Chinese).
// The HTML default, Windows-1252, is never assumed: on a Chinese site it
// turns every character into mojibake without a word.
func decodeHTML(raw []byte, contentType string) ([]byte, string, error) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if certain || name != "windows-1252" { // a BOM, the header, or a <meta> that names a charset
		decoded, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, "", fmt.Errorf("decode HTML as %s: %w", name, err)
		}
		// UTF-8 is passed through as it is: a broken byte (a page cut
		// short mid-character) becomes U+FFFD, as a browser shows it.
		return bytes.ToValidUTF8(decoded, []byte("\uFFFD")), name, nil
	}
	text, name, err := decodeText(raw)
	if err != nil {
		return nil, "", fmt.Errorf("HTML page without a charset: %w", err)
	}
	return []byte(text), strings.ToLower(name), nil
}

// readHTML decodes an HTML page (decodeHTML) and extracts its article.
func readHTML(raw []byte, contentType string, profile *Profile) (htmlPage, error) {
	decoded, name, err := decodeHTML(raw, contentType)
	if err != nil {
		return htmlPage{}, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(decoded))
	if err != nil {
		return htmlPage{}, fmt.Errorf("parse HTML: %w", err)
	}
	page := htmlPage{encoding: strings.ToUpper(name)}
	page.meta.Title = pageTitle(doc)
	header := strings.Join(strings.Fields(doc.Find("body").Text()), " ")
	doc.Find(boilerplate).Remove()
	content := mainContent(doc)
	if profile != nil {
		content = profile.apply(doc, &page.meta, content)
	}
	var blocks []string
	body := textBlocks(content)
	if page.meta.Title != "" && (len(body) == 0 || body[0] != page.meta.Title) {
		blocks = append(blocks, page.meta.Title)
	}
	blocks = append(blocks, body...)
	page.text = strings.Join(blocks, "\n\n") + "\n"
	if page.meta.Date == "" {
		page.meta.Date = metaDate(doc, header)
	}
	if g := htmlSourceRe.FindStringSubmatch(header); g != nil && page.meta.Issuer == "" {
		page.meta.Issuer = g[1]
	}
	if g := htmlAuthorRe.FindStringSubmatch(header); g != nil {
		page.meta.Authors = []string{g[1]}
	}
	if len(strings.TrimSpace(page.text)) == 0 {
		return htmlPage{}, fmt.Errorf("%w: the HTML page has no text", ErrNotText)
	}
	return page, nil
}

// pageTitle prefers the article's own heading to the <title>, which
// usually carries the site name too.
func pageTitle(doc *goquery.Document) string {
	for _, sel := range []string{"meta[name=ArticleTitle]", "meta[property='og:title']"} {
		if v, ok := doc.Find(sel).Attr("content"); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	if h := strings.TrimSpace(doc.Find("h1").First().Text()); h != "" {
		return h
	}
	t := strings.TrimSpace(doc.Find("title").First().Text())
	for _, sep := range []string{"_", "|", " - ", "－"} {
		if i := strings.Index(t, sep); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
	}
	return t
}

func metaDate(doc *goquery.Document, text string) string {
	for _, sel := range []string{"meta[name=PubDate]", "meta[name=pubdate]", "meta[name=publishdate]", "meta[property='article:published_time']"} {
		if v, ok := doc.Find(sel).Attr("content"); ok {
			if g := htmlDateRe.FindStringSubmatch(v); g != nil {
				return isoDate(g[1], g[2], g[3])
			}
		}
	}
	if g := htmlDateRe.FindStringSubmatch(text); g != nil {
		return isoDate(g[1], g[2], g[3])
	}
	return ""
}

// mainContent picks the element that holds the article: of the usual
// content containers, the one with the most paragraph text; else <body>.
func mainContent(doc *goquery.Document) *goquery.Selection {
	best, bestLen := doc.Find("body"), 0
	doc.Find(contentSelectors).Each(func(_ int, s *goquery.Selection) {
		n := len([]rune(strings.TrimSpace(s.Find("p").Text())))
		if n == 0 {
			n = len([]rune(strings.TrimSpace(s.Text()))) / 2
		}
		if n > bestLen {
			best, bestLen = s, n
		}
	})
	return best
}

// blockTags start a new paragraph.
var blockTags = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "section": true, "article": true, "blockquote": true, "br": true, "tr": true}

// textBlocks flattens the content into paragraphs: one per block element,
// a table row per line with its cells separated by tabs.
func textBlocks(sel *goquery.Selection) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(strings.Join(strings.Fields(n.Data), " "))
			return
		case n.Type != html.ElementNode:
		case n.Data == "tr":
			flush()
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					cells = append(cells, strings.Join(strings.Fields(goquery.NewDocumentFromNode(c).Text()), " "))
				}
			}
			blocks = append(blocks, strings.Join(cells, "\t"))
			return
		case blockTags[n.Data]:
			flush()
			defer flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range sel.Nodes {
		walk(n)
	}
	flush()
	return blocks
}

// apply reads the parts of an article page that the profile's selectors
// name, and returns the body to read.
func (p *Profile) apply(doc *goquery.Document, meta *corpus.Meta, body *goquery.Selection) *goquery.Selection {
	text := func(sel string) string {
		if sel == "" {
			return ""
		}
		return strings.Join(strings.Fields(doc.Find(sel).First().Text()), " ")
	}
	if t := text(p.Title); t != "" {
		meta.Title = t
	}
	if g := htmlDateRe.FindStringSubmatch(text(p.Date)); g != nil {
		meta.Date = isoDate(g[1], g[2], g[3])
	}
	if s := text(p.Source); s != "" {
		if g := htmlSourceRe.FindStringSubmatch(s); g != nil {
			s = g[1]
		}
		meta.Issuer = s
	}
	if p.Body != "" {
		if b := doc.Find(p.Body).First(); b.Length() > 0 {
			return b
		}
	}
	return body
}
