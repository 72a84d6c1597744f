package ingest

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportmine/corpus"
)

// Structurer reads what a text says about itself (title, date, issuer,
// bylines, periodical issue) and splits a magazine page into its articles.
// It is a pure stage: it only reads the raw text and fills Meta and
// Articles, whose spans point into the same raw text.
type Structurer struct{}

// Structure returns doc with its metadata and articles filled in.
func (Structurer) Structure(doc corpus.Document) corpus.Document {
	paras := paragraphs(doc.Raw)
	doc.Meta = mergeMeta(mergeMeta(doc.Meta, documentMeta(doc.Raw, paras)), doc.FileMeta)
	if deliveredInNamedYear[doc.Meta.Kind] && doc.Meta.Date == "" {
		doc.Meta = mergeMeta(doc.Meta, nameMeta(doc.Source))
		if m := sessionInYear(doc.Meta.Date); doc.Meta.Place == "全国" && m != "" {
			doc.Meta.Date = m // cn-gwr-2015.txt: the NPC session of 2015, 2015-03
		}
	}
	if len(doc.Articles) == 0 { // a reader's parts (a workbook's sheets) stand
		doc.Articles = splitArticles(doc, paras)
	}
	return doc
}

// deliveredInNamedYear are the kinds of document a file is named by the
// year they were given in (cn-gwr-2015.txt is the report of March 2015),
// unlike a bulletin or a budget report, named by the year they report on.
var deliveredInNamedYear = map[string]bool{"政府工作报告": true, "施政报告": true}

// nameMeta is what a file's name says when the text dates nothing: the
// year it names (cn-gwr-2015.txt, 2015年政府工作报告.txt), when it names
// one year only, standing apart from other digits (not 20240115).
func nameMeta(source string) corpus.Meta {
	base := path.Base(strings.ReplaceAll(source, "\\", "/"))
	var years []string
	for _, run := range digitRunRe.FindAllString(base, -1) {
		if y, _ := strconv.Atoi(run); len(run) == 4 && y >= 1949 && y <= 2100 && !slices.Contains(years, run) {
			years = append(years, run)
		}
	}
	if len(years) != 1 {
		return corpus.Meta{} // none, or 2023-2024年度: no one year
	}
	return corpus.Meta{Date: years[0]}
}

var digitRunRe = regexp.MustCompile(`[0-9]+`)

// paragraph is a blank-line separated block of raw text.
type paragraph struct {
	start, end int
	raw        string // the block as printed
	text       string // the block with all whitespace removed, for matching
}

func paragraphs(raw string) []paragraph {
	var out []paragraph
	start := -1
	lineStart := 0
	blankRun := false
	flush := func(end int) {
		if start >= 0 {
			out = append(out, paragraph{start: start, end: end, raw: raw[start:end], text: squeeze(raw[start:end])})
			start = -1
		}
	}
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != '\n' {
			continue
		}
		line := raw[lineStart:i]
		if strings.TrimSpace(strings.ReplaceAll(line, "\u3000", "")) == "" {
			if !blankRun {
				flush(trimEnd(raw, lineStart))
			}
			blankRun = true
		} else {
			blankRun = false
			if start < 0 {
				start = lineStart + leadingSpace(line)
			}
			if strings.ContainsAny(line, ")）") && bylineEnd.MatchString(squeeze(line)) {
				// A byline ends an article even when the next one follows
				// on the next line without a blank line between.
				flush(trimEnd(raw, i))
			}
		}
		lineStart = i + 1
	}
	flush(trimEnd(raw, len(raw)))
	return out
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t\u3000\r"))
}

func trimEnd(raw string, end int) int {
	for end > 0 && strings.ContainsRune(" \t\r\n", rune(raw[end-1])) {
		end--
	}
	return end
}

// squeeze drops all whitespace, undoing PDF spacing for pattern matching.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

var (
	issueRe   = regexp.MustCompile(`(\d{4})年第(\d{1,3})期`)
	dateRe    = regexp.MustCompile(`^(?:发布(?:时间|日期)[:：])?(\d{4})[年-](\d{1,2})[月-](\d{1,2})日?$`)
	sourceRe  = regexp.MustCompile(`(^|[^料])来源[:：]([^\s，。,）)【】：:；;]{2,30}?)(?:时间|发布|$|[\s，。,）)【】：:；;])`)
	supplyRe  = regexp.MustCompile(`[（(]供稿[:：]([^）)]{2,30})[）)]`)
	sponsorRe = regexp.MustCompile(`^(\p{Han}{2,20})(?:主办|指导)$`)
	markerRe  = regexp.MustCompile(`^(\p{Han}{1,6})讯`)
	bylineEnd = regexp.MustCompile(`[（(](\p{Han}{2,4})[)）]$`)
	bylineRe  = regexp.MustCompile(`^(?:■|姻|□|文/|文\|)(\p{Han}{2,4})$`)
	namesRe   = regexp.MustCompile(`^\p{Han}{2,3}(?:[ \x{3000}]+\p{Han}{2,3}){1,3}$`)
	reporter  = regexp.MustCompile(`(?:记者|通讯员)(\p{Han}{2,3}?)(?:通讯员|记者|\p{P}|为|在|近日|$)`)
)

// mergeMeta keeps what the source format already said (an HTML page's
// title and date) and fills the rest from the text.
func mergeMeta(known, read corpus.Meta) corpus.Meta {
	if known.Title == "" {
		known.Title = read.Title
	}
	if known.Date == "" {
		known.Date = read.Date
	}
	if known.Issuer == "" {
		known.Issuer = read.Issuer
	}
	if len(known.Authors) == 0 {
		known.Authors = read.Authors
	}
	if known.Issue == "" {
		known.Issue = read.Issue
	}
	if known.Kind == "" {
		known.Kind = read.Kind
	}
	if known.Place == "" {
		known.Place = read.Place
	}
	return known
}

func documentMeta(raw string, paras []paragraph) corpus.Meta {
	var m corpus.Meta
	for _, p := range paras {
		if m.Issue == "" && strings.Contains(p.text, "年第") { // not every 期 of 时期
			if g := issueRe.FindStringSubmatch(p.text); g != nil {
				m.Issue = g[1] + "年第" + g[2] + "期"
				if m.Date == "" {
					m.Date = g[1]
				}
			}
		}
		if len(p.text) <= 60 {
			if g := dateRe.FindStringSubmatch(p.text); g != nil {
				m.Date = isoDate(g[1], g[2], g[3])
			}
			if g := sponsorRe.FindStringSubmatch(p.text); g != nil && m.Issuer == "" {
				m.Issuer = g[1]
			}
		}
	}
	if sourceLabel(raw) || strings.Contains(raw, "供稿") {
		squeezed := squeeze(raw)
		if g := sourceRe.FindAllStringSubmatch(squeezed, -1); g != nil {
			m.Issuer = g[len(g)-1][2]
		}
		if g := supplyRe.FindAllStringSubmatch(squeezed, -1); g != nil {
			m.Issuer = g[len(g)-1][1]
		}
	}
	head, _ := textLines(raw)
	m.Title = readTitle(head)
	h := headMeta(raw, m.Title)
	// What the head and the signature print wins over a date or source
	// found anywhere in the text.
	if h.Date != "" {
		m.Date = h.Date
	}
	if h.Issuer != "" {
		m.Issuer = h.Issuer
	}
	m.Kind, m.Place = h.Kind, h.Place
	return m
}

// sourceLabel reports a 来源 followed by a colon, spaces anywhere (as
// sourceRe reads the text squeezed): a line that names a source (来源：市
// 统计局), not the 来源 of 资金来源, for which the whole text need not be
// squeezed and searched.
func sourceLabel(raw string) bool {
	for at := 0; ; {
		i := strings.Index(raw[at:], "源")
		if i < 0 {
			return false
		}
		i += at
		before := strings.TrimRightFunc(raw[:i], isSpaceRune)
		after := strings.TrimLeftFunc(raw[i+len("源"):], isSpaceRune)
		if strings.HasSuffix(before, "来") && (strings.HasPrefix(after, ":") || strings.HasPrefix(after, "：")) {
			return true
		}
		at = i + len("源")
	}
}

func isoDate(y, mo, d string) string {
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return y
	}
	return y + "-" + twoDigits(mi) + "-" + twoDigits(di)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// isTitleLike reports a short block without sentence punctuation: a
// headline, a subtitle or a section heading.
func isTitleLike(s string) bool {
	if len(s) > 160 {
		return false
	}
	n := utf8.RuneCountInString(s)
	return n >= 4 && n <= 40 && !strings.ContainsAny(s, "。，；,;") && !isCaption(s) && !bylineRe.MatchString(s)
}

// readTitle is the first title-like line of the head that is not a
// salutation, a date, an issuer, a subtitle or web chrome, joined with the
// line that completes it (2025年福州市国民经济和社会发展 / 统计公报).
func readTitle(head []line) string {
	for i, l := range head {
		if isBodyLine(l.text) {
			break
		}
		if isSalutation(l.text) {
			break // the speech has begun
		}
		if isHeadNoise(l) || !isTitleLike(l.text) || listMarkerRe.MatchString(l.text) {
			continue
		}
		title := l.text
		for j := i + 1; j < len(head) && continuesTitle(title, head[j]); j++ {
			title += head[j].text
		}
		return footnoteRe.ReplaceAllString(title, "")
	}
	return ""
}

func isBodyLine(s string) bool {
	return utf8.RuneCountInString(s) > 60 || strings.Contains(s, "。")
}

// isHeadNoise reports a head line that is not a title: a periodical
// issue, a sponsor, a date, an issuer, a subtitle, a salutation, chrome.
func isHeadNoise(l line) bool {
	s := l.text
	if _, _, ok := dateLine(s); ok {
		return true
	}
	if strings.HasPrefix(s, "——") || strings.HasPrefix(s, "—") || issueRe.MatchString(s) || sponsorRe.MatchString(s) || issuerLine(l) != "" {
		return true
	}
	if isSalutation(s) || hasAnySuffix(s, []string{"会议上", "大会上", "会议通过"}) {
		return true // 第六次会议上: the end of a wrapped subtitle
	}
	for _, w := range theLexicon.list("chrome") {
		if s == w {
			return true
		}
	}
	return strings.HasPrefix(s, "【") || strings.HasPrefix(s, "来源")
}

// listMarkerRe opens a section heading (一、2011年工作回顾), not a title.
var listMarkerRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.])`)

// isSalutation is the line that opens a speech: 各位代表：, 同志们！
func isSalutation(s string) bool {
	bare := strings.TrimRight(s, "：:！!，,")
	if bare == s {
		return false
	}
	for _, w := range theLexicon.list("salutation") {
		if bare == w {
			return true
		}
	}
	return utf8.RuneCountInString(bare) <= 8 && strings.HasSuffix(bare, "代表")
}

var genreSuffixes = []string{"公报", "报告", "通知", "意见", "办法", "决定", "批复", "方案", "规划", "纲要", "草案", "说明", "報告"}

// continuesTitle reports a head line that completes title: the genre
// word after 国民经济和社会发展, the rest of 关于…情况 和…的报告.
func continuesTitle(title string, next line) bool {
	if isBodyLine(next.text) || isHeadNoise(next) || !isTitleLike(next.text) && utf8.RuneCountInString(next.text) >= 4 {
		return false
	}
	if hasAnySuffix(title, genreSuffixes) {
		return false
	}
	return hasAnySuffix(title+next.text, genreSuffixes) || hasAnySuffix(title, []string{"和", "及", "与", "暨", "的", "关于"})
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func isCaption(s string) bool {
	return strings.HasPrefix(s, "▲") || strings.HasPrefix(s, "图为") || strings.HasSuffix(s, "摄")
}
