package server

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportmine/app"
	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/format"
)

// funcs are the helpers templates use; every one returns text that the
// template escapes, except those that build markup themselves from
// escaped parts.
var funcs = template.FuncMap{
	"value":    figureValue,
	"docLink":  docLink,
	"evLink":   func(e check.Evidence) string { return docLink(e.Doc, e.Start, e.End) },
	"hitLink":  func(doc string, start, end int) string { return docLink(doc, start, end) },
	"figTitle": figureTitle,
	"verdictWord": func(v string) string {
		return verdictWords[v]
	},
	"sentence": highlightSentence,
	"link":     link,
	"base":     sourceName,
	"withParam": func(path string, q url.Values, key, value string) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		if value == "" {
			v.Del(key)
		} else {
			v.Set(key, value)
		}
		return link(path, v)
	},
	"add":     func(a, b int) int { return a + b },
	"oneLine": func(s string) string { return strings.Join(strings.Fields(s), " ") },
	"runs": func(r store.Run) string {
		return fmt.Sprintf("入库 %d · 未变 %d · 失败 %d", r.Ingested, r.Unchanged, r.Failed)
	},
}

// link is a path with a query: the whole URL goes into an href, which
// html/template then leaves as it is (a query written after a literal ?
// would be escaped as one value).
func link(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// verdictWords are the verdicts as a reader reads them.
var verdictWords = map[string]string{
	check.Supported: "有据可查", check.Contradicted: "与来源不符",
	check.Conflicting: "来源不一致", check.NotFound: "未找到",
}

// docLink points into the document view at a byte range: the query makes
// the server mark it, the fragment scrolls to it.
func docLink(doc string, start, end int) string {
	span := strconv.Itoa(start) + "-" + strconv.Itoa(end)
	return "/doc/" + url.PathEscape(doc) + "?hl=" + span + "#" + span
}

// figureValue writes a figure's value the way reports print it: money in
// 亿元 or 万元, percentages with %, points with 个百分点.
func figureValue(f corpus.Figure) string {
	v := scaled(f.Value, f.Unit)
	if f.ValueMax != nil {
		v += "～" + scaled(*f.ValueMax, f.Unit)
	}
	return v
}

func scaled(v float64, unit string) string {
	switch unit {
	case "CNY", "HKD", "USD", "TWD", "EUR":
		name := map[string]string{"CNY": "元", "HKD": "港元", "USD": "美元", "TWD": "新台币元", "EUR": "欧元"}[unit]
		switch {
		case abs(v) >= 1e12:
			return format.Number(round(v/1e12, 4)) + "万亿" + name
		case abs(v) >= 1e8:
			return format.Number(round(v/1e8, 4)) + "亿" + name
		case abs(v) >= 1e4:
			return format.Number(round(v/1e4, 4)) + "万" + name
		}
		return format.Number(v) + name
	case "%":
		return format.Number(v) + "%"
	case "pp":
		return format.Number(v) + "个百分点"
	}
	return format.Number(v) + unit
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	n := v * p
	if n < 0 {
		n -= 0.5
	} else {
		n += 0.5
	}
	return float64(int64(n)) / p
}

// figureTitle is a figure's reading in one line: value, qualifiers, frame.
func figureTitle(f corpus.Figure) string {
	parts := []string{figureValue(f)}
	if f.Approx {
		parts = append(parts, "约数")
	}
	switch f.Bound {
	case corpus.BoundMin:
		parts = append(parts, "下限（以上）")
	case corpus.BoundMax:
		parts = append(parts, "上限（以下）")
	}
	switch f.Change {
	case corpus.ChangeUp:
		parts = append(parts, "增加")
	case corpus.ChangeDown:
		parts = append(parts, "减少")
	}
	for _, p := range []struct{ name, v string }{{"指标", f.Metric}, {"主体", f.Subject}, {"时期", f.Period}, {"基期", f.Base}} {
		if p.v != "" {
			parts = append(parts, p.name+"："+p.v)
		}
	}
	if f.Target {
		parts = append(parts, "目标")
	}
	if f.Cell != "" {
		parts = append(parts, "单元格："+f.Cell)
	}
	if slices.Contains(f.Warnings, corpus.WarningOCR) {
		parts = append(parts, "图像识别（OCR），请核对原件")
	}
	return strings.Join(parts, " · ")
}

// highlightSentence marks the query's words in a hit's sentence.
func highlightSentence(s string, spans [][2]int) template.HTML {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last || sp[1] > len(s) || sp[0] >= sp[1] {
			continue
		}
		b.WriteString(template.HTMLEscapeString(s[last:sp[0]]))
		b.WriteString("<em>")
		b.WriteString(template.HTMLEscapeString(s[sp[0]:sp[1]]))
		b.WriteString("</em>")
		last = sp[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}

// span is one marked range of the document view.
type span struct {
	start, end int
	kind       int // spanHL, spanFigure, spanEntity: also the nesting order
	open       string
	close      string
}

const (
	spanHL = iota
	spanFigure
	spanEntity
)

// renderDocument writes a document's text as HTML: every figure a <mark>
// whose title and data attributes carry its reading, every name
// underlined, page and article boundaries marked, and the range hl (byte
// offsets, -1 for none) wrapped in an element the fragment scrolls to.
// Every byte of the text is escaped; overlapping ranges are cut into
// segments so that the markup always nests.
func renderDocument(v app.DocumentView, hl [2]int) template.HTML {
	raw := v.Doc.Raw
	var spans []span
	if s, e, ok := clampSpan(raw, hl[0], hl[1]); ok {
		spans = append(spans, span{start: s, end: e, kind: spanHL,
			open: `<span class="hl" data-span="` + strconv.Itoa(s) + "-" + strconv.Itoa(e) + `">`, close: "</span>"})
	}
	for _, f := range v.Figures {
		if s, e, ok := clampSpan(raw, f.Start, f.End); ok {
			spans = append(spans, span{start: s, end: e, kind: spanFigure, close: "</mark>",
				open: fmt.Sprintf(`<mark class="fig%s" tabindex="0" data-span="%d-%d" title="%s">`, targetClass(f), s, e, template.HTMLEscapeString(figureTitle(f)))})
		}
	}
	for _, en := range v.Entities {
		if s, e, ok := clampSpan(raw, en.Start, en.End); ok {
			spans = append(spans, span{start: s, end: e, kind: spanEntity, close: "</u>",
				open: fmt.Sprintf(`<u class="ent ent-%s" title="%s">`, template.HTMLEscapeString(string(en.Kind)), template.HTMLEscapeString(entityTitle(en)))})
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	cuts := boundaries(v, spans)
	var b strings.Builder
	b.Grow(len(raw) * 2)
	anchored := false
	var active []span
	next := 0
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		b.WriteString(markers(v.Doc, from))
		active = slices.DeleteFunc(active, func(sp span) bool { return sp.end <= from })
		for ; next < len(spans) && spans[next].start <= from; next++ {
			active = append(active, spans[next])
		}
		var closes []string
		for _, k := range []int{spanHL, spanFigure, spanEntity} {
			for _, sp := range active {
				if sp.kind != k {
					continue
				}
				open := sp.open
				if k == spanHL && !anchored {
					open = strings.Replace(open, `<span `, `<span id="`+strconv.Itoa(sp.start)+"-"+strconv.Itoa(sp.end)+`" `, 1)
					anchored = true
				}
				b.WriteString(open)
				closes = append(closes, sp.close)
				break
			}
		}
		b.WriteString(template.HTMLEscapeString(raw[from:to]))
		for j := len(closes) - 1; j >= 0; j-- {
			b.WriteString(closes[j])
		}
	}
	return template.HTML(b.String())
}

func targetClass(f corpus.Figure) string {
	if f.Target {
		return " target"
	}
	return ""
}

func entityTitle(e corpus.Entity) string {
	kinds := map[corpus.EntityKind]string{corpus.EntityOrg: "机构", corpus.EntityProject: "项目", corpus.EntityPlace: "地名", corpus.EntityPerson: "人名"}
	t := kinds[e.Kind] + "：" + e.Canonical
	if e.Title != "" {
		t += "（" + e.Title + "）"
	}
	return t
}

// clampSpan keeps a range inside the text and on character boundaries.
func clampSpan(raw string, s, e int) (int, int, bool) {
	if s < 0 || e > len(raw) || s >= e {
		return 0, 0, false
	}
	for s > 0 && !utf8.RuneStart(raw[s]) {
		s--
	}
	for e < len(raw) && !utf8.RuneStart(raw[e]) {
		e++
	}
	return s, e, true
}

// boundaries are the sorted offsets where any mark, page or article
// begins or ends, with 0 and the text's end.
func boundaries(v app.DocumentView, spans []span) []int {
	set := map[int]bool{0: true, len(v.Doc.Raw): true}
	for _, sp := range spans {
		set[sp.start], set[sp.end] = true, true
	}
	for _, p := range v.Doc.Pages {
		if p > 0 && p < len(v.Doc.Raw) {
			set[p] = true
		}
	}
	if len(v.Doc.Articles) > 1 {
		for _, a := range v.Doc.Articles {
			if a.Start > 0 && a.Start < len(v.Doc.Raw) {
				set[a.Start] = true
			}
		}
	}
	out := make([]int, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// markers are the page and article boundaries that begin at off.
func markers(d corpus.Document, off int) string {
	var b strings.Builder
	if len(d.Articles) > 1 {
		for i, a := range d.Articles {
			if a.Start == off {
				title := a.Title
				if title == "" {
					title = "第" + strconv.Itoa(i+1) + "篇"
				}
				fmt.Fprintf(&b, `<span class="article" id="article-%d">%s</span>`, i+1, template.HTMLEscapeString(title))
			}
		}
	}
	for i, p := range d.Pages {
		if p == off {
			fmt.Fprintf(&b, `<span class="page" id="page-%d">第 %d 页</span>`, i+1, i+1)
		}
	}
	return b.String()
}

// sortFacets orders a facet's values: years newest first, others most
// frequent first.
func sortFacets(fs []facet) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Name == "year" {
			return fs[i].Value > fs[j].Value
		}
		if fs[i].Count != fs[j].Count {
			return fs[i].Count > fs[j].Count
		}
		return fs[i].Value < fs[j].Value
	})
}

// sourceName is a source as a reader names it: a file's name without its
// folders, a URL whole.
func sourceName(source string) string {
	if strings.Contains(source, "://") {
		return source
	}
	return path.Base(strings.ReplaceAll(source, "\\", "/"))
}
