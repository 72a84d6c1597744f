package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportmine/corpus"
)

// headLines is how many non-empty lines at the top of a text, and
// tailLines at its end, can hold the title block and the signature block.
const (
	headLines = 14
	tailLines = 6
)

// line is one non-empty line of raw text, squeezed of whitespace, with
// its whitespace-separated fields.
type line struct {
	text   string
	fields []string
}

// textLines returns the first and last non-empty lines of raw.
//
// Only those lines are read: the head from the top, the tail back from the
// end down to where the head ended, so that a long report costs no more
// than a short one (splitting every line of it had been a tenth of
// reading a document).
func textLines(raw string) (head, tail []line) {
	headEnd := 0
	for l := range strings.Lines(raw) {
		if len(head) == headLines {
			break
		}
		headEnd += len(l)
		if ln, ok := textLine(l); ok {
			head = append(head, ln)
		}
	}
	if len(head) < headLines {
		return head, nil
	}
	rest := raw[headEnd:]
	for len(rest) > 0 && len(tail) < tailLines {
		start := strings.LastIndexByte(strings.TrimSuffix(rest, "\n"), '\n') + 1
		if ln, ok := textLine(rest[start:]); ok {
			tail = append(tail, ln)
		}
		rest = rest[:start]
	}
	slices.Reverse(tail)
	return head, tail
}

// textLine is a line of text without its white space, or false for a
// blank one.
func textLine(l string) (line, bool) {
	fields := strings.FieldsFunc(l, isSpaceRune)
	if len(fields) == 0 {
		return line{}, false
	}
	return line{text: strings.Join(fields, ""), fields: fields}, true
}

// isSpaceRune is white space, and the zero-width format characters web
// pages leave in a line (各位代表：‍).
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || unicode.Is(unicode.Cf, r)
}

var (
	// dateLineRe is a line that is only a date, as printed under a title
	// or a signature: 2026年3月31日, （2013年3月20日）, 二〇二六年一月,
	// ——2026年1月26日在…会议上, 2026年02月10日 07时41分.
	dateLineRe = regexp.MustCompile(`^[（(]?(?:——|—|－－|--)?(?:发布(?:时间|日期)[:：])?` +
		`(\d{4}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})?日)?` +
		`(?:\d{1,2}[时:：]\d{1,2}分?)?(.*?)[）)]?$`)
	// dateLineRest is what may follow the date on its line: where it was
	// delivered or adopted.
	dateLineRest = regexp.MustCompile(`^(?:$|在|于|.*(?:通过|会议上|大会上|发布|印发)$)`)
	// subtitleRe is the 在…会议上 line of a speech, for its place.
	subtitleRe = regexp.MustCompile(`在(\p{Han}{2,10}?(?:省|市|自治区|县|区|州|盟))(?:第\p{Han}{1,4}届|\p{Han}{0,3}届)`)
	// placeRe is a jurisdiction at the start of a name or title.
	placeRe    = regexp.MustCompile(`^(?:\d{4}年)?(?:关于)?(?:\d{4}年)?([^全我本该各\P{Han}]\p{Han}{0,7}?(?:特别行政区|特別行政區|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|省|市|县|区|盟|地区))`)
	footnoteRe = regexp.MustCompile(`\[\d{1,2}\]$`)
)

// headMeta reads what the head and tail of a report print about it: its
// date, issuer, kind and the place it speaks for.
func headMeta(raw string, title string) corpus.Meta {
	head, tail := textLines(raw)
	var m corpus.Meta
	subtitle := ""
	for i, l := range head {
		if d, rest, ok := dateLine(l.text); ok {
			if m.Date == "" {
				m.Date = d
			}
			if strings.HasPrefix(rest, "在") && subtitle == "" {
				subtitle = rest
				if !dateLineRest.MatchString(strings.TrimPrefix(rest, "在")+"上") && i+1 < len(head) {
					subtitle += head[i+1].text // the subtitle wraps onto the next line
				}
			}
			continue
		}
		if m.Issuer == "" {
			m.Issuer = issuerLine(l)
		}
	}
	for _, l := range tail {
		if d, _, ok := dateLine(l.text); ok && m.Date == "" {
			m.Date = d // the date under a signature
		}
		if m.Issuer == "" {
			m.Issuer = issuerLine(l) // the signature itself
		}
	}
	opening := openingText(raw)
	if m.Date == "" {
		m.Date = sessionDate(opening)
	}
	m.Kind = documentKind(title, opening)
	if m.Issuer == "" {
		m.Issuer = nationalSpeaker(opening)
	}
	if speaksForPlace(m.Kind) {
		m.Place = jurisdiction(m.Issuer, subtitle, title)
		if m.Issuer == "" && m.Place != "" && m.Place != "全国" && strings.Contains(opening, "代表"+levelOf(m.Place)+"人民政府") {
			m.Issuer = m.Place + "人民政府"
		}
	}
	return m
}

// dateLine reads a line that is only a date (and where it was said).
func dateLine(s string) (date, rest string, ok bool) {
	if utf8.RuneCountInString(s) > 60 {
		return "", "", false
	}
	g := dateLineRe.FindStringSubmatch(s)
	if g == nil || !dateLineRest.MatchString(g[4]) {
		return "", "", false
	}
	y, mo, d := corpus.ReadYear(g[1]), corpus.SmallNumber(g[2]), 0
	if g[3] != "" {
		d = corpus.SmallNumber(g[3])
	}
	if y < 1900 || y > 2100 || mo < 1 || mo > 12 {
		return "", "", false
	}
	date = strconv.Itoa(y) + "-" + twoDigits(mo)
	if d >= 1 && d <= 31 {
		date += "-" + twoDigits(d)
	}
	return date, g[4], true
}

// issuerLine reads a line naming who issues the text: 福州市统计局,
// 哈密市统计局 国家统计局哈密调查队 (the first body), 吕梁市财政局局长耿万林
// (the bureau), 广东省省长 孟凡利 (the province's government).
func issuerLine(l line) string {
	if utf8.RuneCountInString(l.text) > 30 {
		return ""
	}
	if g := leaderRe.FindStringSubmatch(l.text); g != nil && placeRe.MatchString(g[1]) {
		if strings.HasSuffix(g[1], "政府") {
			return g[1]
		}
		return g[1] + "人民政府"
	}
	first := ""
	for _, f := range l.fields {
		g := officeRe.FindStringSubmatch(f)
		if g == nil {
			if first != "" && utf8.RuneCountInString(f) <= 4 {
				continue // 局长 耿万林 printed apart
			}
			return ""
		}
		if first == "" {
			first = g[1]
		}
	}
	return first
}

var (
	officeRe = regexp.MustCompile(`^(\p{Han}{2,24}?(?:` + strings.Join(theLexicon.list("offices"), "|") + `))(?:(?:` +
		strings.Join(theLexicon.list("officials"), "|") + `)\p{Han}{0,4})?$`)
	leaderRe = regexp.MustCompile(`^(\p{Han}{2,12}?)(?:` + strings.Join(theLexicon.list("leaders"), "|") + `)\p{Han}{2,4}$`)
)

// openingText is the start of the text, where a speaker says whom he
// speaks for (我代表国务院) and what he presents.
func openingText(raw string) string {
	end := len(raw)
	if end > 1500 {
		end = 1500
		for end > 0 && !utf8.RuneStart(raw[end]) {
			end--
		}
	}
	return squeeze(raw[:end])
}

// nationalSpeaker is the national government a report is given for:
// 我代表国务院, 我受国务院的委托, 根据国务院的决定.
func nationalSpeaker(opening string) string {
	for _, w := range theLexicon.list("national") {
		for _, frame := range theLexicon.list("speaks_for") {
			if strings.Contains(opening, strings.Replace(frame, "X", w, 1)) {
				return w
			}
		}
	}
	return ""
}

// documentKind is the first kind whose cue the title (or the opening)
// prints.
func documentKind(title, opening string) string {
	for _, r := range theLexicon.kinds {
		text := title
		if !r.inTitle {
			text = title + " " + opening
		}
		for _, c := range r.cues {
			if strings.Contains(text, c) {
				return r.kind
			}
		}
	}
	return ""
}

// speaksForPlace lists the kinds whose figures are a jurisdiction's own.
func speaksForPlace(kind string) bool {
	switch kind {
	case "政府工作报告", "施政报告", "预算报告", "统计公报", "经济运行分析":
		return true
	}
	return false
}

// jurisdiction is the place a report speaks for: 全国 for the national
// government, else the place that opens its issuer, its 在…人民代表大会
// subtitle or its title.
func jurisdiction(issuer, subtitle, title string) string {
	for _, w := range theLexicon.list("national") {
		if issuer == w {
			return "全国"
		}
	}
	if strings.Contains(subtitle, "届全国人民代表大会") {
		return "全国"
	}
	if g := subtitleRe.FindStringSubmatch(subtitle); g != nil {
		return shortPlace(g[1])
	}
	for _, s := range []string{issuer, footnoteRe.ReplaceAllString(title, "")} {
		if strings.HasPrefix(s, "国家") || strings.HasPrefix(s, "中华人民共和国") || strings.HasPrefix(s, "全国") {
			continue
		}
		if g := placeRe.FindStringSubmatch(s); g != nil && !strings.ContainsAny(g[1], "年半") {
			return shortPlace(g[1])
		}
	}
	return ""
}

// shortPlace names a special administrative region as people do.
func shortPlace(p string) string {
	for _, suffix := range []string{"特别行政区", "特別行政區"} {
		if s, ok := strings.CutSuffix(p, suffix); ok {
			return s
		}
	}
	return p
}

// levelOf is the level word a government uses of itself: 省, 市, 县, 区.
func levelOf(place string) string {
	for _, l := range []string{"自治区", "省", "市", "县", "区", "州", "盟"} {
		if strings.HasSuffix(place, l) {
			return l
		}
	}
	return ""
}

// sessionRe is the NPC session a national report is given to or at:
// 向第二届全国人民代表大会第一次会议作…报告, 在第十届全国人民代表大会第二次会议上.
var sessionRe = regexp.MustCompile(`(?:向|在|本次会议是)第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,3})次(?:会议|大会)`)

// sessionInYear is the month of the first NPC session held in year (the
// one a national report named only by its year is given to), or "".
func sessionInYear(year string) string {
	first := ""
	for _, d := range theLexicon.sessions {
		if strings.HasPrefix(d, year+"-") && (first == "" || d < first) {
			first = d
		}
	}
	return first
}

// sessionDate dates a national report by the session it names, or "".
func sessionDate(opening string) string {
	g := sessionRe.FindStringSubmatch(opening)
	if g == nil {
		return ""
	}
	return theLexicon.sessions[[2]int{corpus.SmallNumber(g[1]), corpus.SmallNumber(g[2])}]
}
