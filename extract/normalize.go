package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"reportmine/corpus"
)

// Normalized is a document's text as the figure scanner reads it: full-width
// forms folded, spaces that PDF extraction put inside words and figures
// removed, and lines that a layout broke in the middle of a sentence or a
// figure joined again. Every byte of Text maps back to the raw rune it came
// from, so any span of Text has an exact span in the raw document.
type Normalized struct {
	Text string
	// rawStart and rawEnd give, for each byte of Text, the raw rune it came
	// from; int32 keeps the map at 8 bytes per byte of text.
	rawStart []int32
	rawEnd   []int32
	// joins holds the Text offsets where a line or page break was removed,
	// so a figure that straddles one can say so in its warnings.
	joins []int
}

// RawSpan maps the half-open Text range [start, end) to the raw bytes that
// produced it. Removed whitespace at either edge is not included.
func (n Normalized) RawSpan(start, end int) corpus.Span {
	if start >= end {
		if start < len(n.rawStart) {
			return corpus.Span{Start: int(n.rawStart[start]), End: int(n.rawStart[start])}
		}
		return corpus.Span{Start: n.rawLen(), End: n.rawLen()}
	}
	return corpus.Span{Start: int(n.rawStart[start]), End: int(n.rawEnd[end-1])}
}

func (n Normalized) rawLen() int {
	if len(n.rawEnd) == 0 {
		return 0
	}
	return int(n.rawEnd[len(n.rawEnd)-1])
}

// joinedWithin reports whether a line break was removed inside [start, end).
func (n Normalized) joinedWithin(start, end int) bool {
	k := sort.SearchInts(n.joins, start+1)
	return k < len(n.joins) && n.joins[k] < end
}

// Normalizer turns raw document text into Normalized text. It is a pure
// stage: it never fails and never changes the raw text.
type Normalizer struct{}

// Normalize folds, cleans and rejoins raw.
func (Normalizer) Normalize(raw string) Normalized {
	return normalize(raw, nil)
}

// NormalizeOCR is Normalize for a text whose spans ocr (byte ranges of
// raw) were read by OCR: inside them it also repairs the noise OCR puts
// into figures (repairOCR), always through the offset map.
func (Normalizer) NormalizeOCR(raw string, ocr []corpus.Span) Normalized {
	return normalize(raw, ocr)
}

// item is one raw rune after width folding, with the raw bytes it came from.
type item struct {
	r          rune
	start, end int
}

func decode(raw string) []item {
	items := make([]item, 0, len(raw)/2)
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		if r == '\r' {
			if i+1 < len(raw) && raw[i+1] == '\n' {
				size = 2
			}
			r = '\n'
		}
		items = append(items, item{r: fold(r), start: i, end: i + size})
		i += size
	}
	return items
}

// decimalDot reports a middle dot used as a decimal point: between digits,
// with a percent sign, a scale or 倍 after the digits that follow (19·5％,
// 2·3亿吨, 3·5倍). A dot between numbers that name a date or an event
// (5·12地震) is left alone.
func decimalDot(items []item, i int) bool {
	if r := items[i].r; r != '·' && r != '・' || i == 0 || !isDigit(items[i-1].r) {
		return false
	}
	j := i + 1
	for j < len(items) && isDigit(items[j].r) {
		j++
	}
	return j > i+1 && j < len(items) && strings.ContainsRune("%‰亿万倍", items[j].r)
}

// fold maps full-width ASCII variants (digits, letters, ％，．（）) and the
// ideographic space to their narrow forms. It uses Unicode width data rather
// than NFKC, which would also turn circled numbers such as ① into digits.
func fold(r rune) rune {
	if r < 0x3000 || (r > 0x3000 && r < 0xff00) {
		if r == '\u00a0' {
			return ' '
		}
		return r // only U+3000 and the FFxx block have narrow forms
	}
	p := width.LookupRune(r)
	if p.Kind() == width.EastAsianFullwidth {
		if f := p.Folded(); f != 0 {
			return f
		}
	}
	return r
}

type builder struct {
	sb       strings.Builder
	rawStart []int32
	rawEnd   []int32
	joins    []int
	last     rune // last rune written, 0 at the start
	// lineHasTab is set while the current line holds a tab: a table row,
	// whose line breaks are kept.
	lineHasTab bool
	lineRunes  int // runes written since the last line break
	// headingBelow is the length under which a line of a document written
	// one paragraph per line is a heading, not a wrapped line (0: the
	// document is wrapped, as PDF text is).
	headingBelow int
	// lineComma is set while the current line holds a clause comma, and
	// lineAfterBreak while it follows a single line break: a block that
	// goes on, not a heading standing alone.
	lineComma, lineAfterBreak bool
	// lineQuoteOpen is set while a quotation opened on the line is not
	// closed: a paragraph does not end inside one.
	lineQuoteOpen bool
	// tabbedFrom, tabbedTo and tabbed cache, for the line of items
	// [tabbedFrom, tabbedTo), whether it holds a real tab: a line of
	// thousands of cells was scanned again for every gap.
	tabbedFrom, tabbedTo int
	tabbed               bool
}

// tabbedLine reports whether the line holding items[i] has a real tab. In
// such a row the cells are tab-separated and a run of spaces is padding
// inside a cell (指  标), not a column gap.
func (b *builder) tabbedLine(items []item, i int) bool {
	if i >= b.tabbedFrom && i < b.tabbedTo {
		return b.tabbed
	}
	start := i
	for start > 0 && items[start-1].r != '\n' {
		start--
	}
	end := start
	b.tabbed = false
	for end < len(items) && items[end].r != '\n' {
		b.tabbed = b.tabbed || items[end].r == '\t'
		end++
	}
	b.tabbedFrom, b.tabbedTo = start, end
	return b.tabbed
}

func (b *builder) emit(r rune, start, end int) {
	before := b.sb.Len()
	b.sb.WriteRune(r)
	for i := before; i < b.sb.Len(); i++ {
		b.rawStart = append(b.rawStart, int32(start))
		b.rawEnd = append(b.rawEnd, int32(end))
	}
	b.last = r
	b.lineRunes++
	switch r {
	case '\t':
		b.lineHasTab = true
	case ',', '，':
		b.lineComma = true
	case '“':
		b.lineQuoteOpen = true
	case '”':
		b.lineQuoteOpen = false
	case '\n':
		b.lineAfterBreak = b.lineRunes > 1 // the second '\n' of a paragraph break follows at once
		b.lineHasTab, b.lineRunes, b.lineComma, b.lineQuoteOpen = false, 0, false, false
	}
}

// columnTail reports a line that ends a narrow column mid-sentence: it
// goes on a block (after a single line break), has a clause comma as a
// heading would not, and ends inside a quotation (今年1-5月，全市开发区实行
// “承诺 | 制”项目20个).
func (b *builder) columnTail() bool {
	return b.lineAfterBreak && b.lineComma && b.lineQuoteOpen
}

// headingLength is half the median line length of a document whose lines
// are paragraphs (median of 60 runes or more), else 0: in such a text a
// short line without a full stop is a heading (打造一流营商环境), and the
// line after it starts a new sentence.
func headingLength(items []item) int {
	var lengths []int
	n := 0
	for _, it := range items {
		switch {
		case it.r == '\n':
			if n > 0 {
				lengths = append(lengths, n)
			}
			n = 0
		case !isSpace(it.r):
			n++
		}
	}
	if n > 0 {
		lengths = append(lengths, n)
	}
	if len(lengths) < 3 {
		return 0
	}
	sort.Ints(lengths)
	if m := lengths[len(lengths)/2]; m >= 60 {
		return m / 2
	}
	return 0
}

// heading reports that the line ending at items[i] is a heading line: a
// short line of a document written one paragraph per line, or in any
// document a short line opened by a section marker (一、2025年工作回顾).
func (b *builder) heading(items []item, i int) bool {
	n, first := 0, -1
	for k := i - 1; k >= 0 && items[k].r != '\n'; k-- {
		if !isSpace(items[k].r) {
			n++
			first = k
		}
	}
	if first >= 0 && n <= 30 && sectionMarkerAt(items, first) {
		return true
	}
	return b.headingBelow != 0 && n < b.headingBelow
}

// sectionMarkerAt reports a section marker of a report at items[k]: a
// Chinese numeral and 、 (一、, 十二、) or one in parentheses (（三）). A
// line it opens starts a section; the line before it is never continued
// into it.
func sectionMarkerAt(items []item, k int) bool {
	at := func(j int) rune {
		if j >= 0 && j < len(items) {
			return items[j].r
		}
		return 0
	}
	j := k
	if r := at(j); r == '(' || r == '（' {
		j++
	}
	start := j
	for isChineseNumeral(at(j)) && j-start < 3 {
		j++
	}
	if j == start {
		return false
	}
	if at(start-1) == '(' || at(start-1) == '（' {
		return at(j) == ')' || at(j) == '）'
	}
	return at(j) == '、'
}

// lineHasTab reports a tab, or a gap of two or more spaces, on the line
// that starts at items[k]: a table row.
func lineHasTab(items []item, k int) bool {
	for ; k < len(items) && items[k].r != '\n'; k++ {
		if items[k].r == '\t' || (items[k].r == ' ' && k+1 < len(items) && items[k+1].r == ' ') {
			return true
		}
	}
	return false
}

func normalize(raw string, ocr []corpus.Span) Normalized {
	items := decode(raw)
	b := &builder{headingBelow: headingLength(items), tabbedFrom: -1}
	b.sb.Grow(len(raw))
	b.rawStart = make([]int32, 0, len(raw))
	b.rawEnd = make([]int32, 0, len(raw))
	for i := 0; i < len(items); {
		it := items[i]
		if len(ocr) > 0 && inSpans(ocr, it.start) {
			if r, changed := repairOCR(items, i, b.last); changed {
				if r != 0 {
					b.emit(r, it.start, it.end)
				}
				i++
				continue
			}
		}
		if !isSpace(it.r) {
			r := it.r
			if decimalDot(items, i) {
				r = '.' // 19·5％: older typesetting's decimal point
			}
			b.emit(r, it.start, it.end)
			i++
			continue
		}
		j, newlines := i, 0
		for j < len(items) && isSpace(items[j].r) {
			if items[j].r == '\n' {
				newlines++
			}
			j++
		}
		i = b.whitespace(items, i, j, newlines)
	}
	return Normalized{Text: b.sb.String(), rawStart: b.rawStart, rawEnd: b.rawEnd, joins: b.joins}
}

// whitespace decides what the run items[i:j] becomes and returns where
// scanning continues.
func (b *builder) whitespace(items []item, i, j, newlines int) int {
	prev := b.last
	if prev == 0 || j == len(items) {
		return j // leading and trailing whitespace carries nothing
	}
	next := items[j].r
	if newlines == 0 {
		if hasTab(items[i:j]) || j-i >= 2 && !b.tabbedLine(items, i) {
			// A tab, or a wide gap as pdftotext -layout leaves between
			// table columns, is a cell boundary; PDF spaces inside words
			// come one at a time.
			b.emit('\t', items[i].start, items[i].end)
			return j
		}
		if spacedDigits(items, i, j) {
			return j // 7 4 7 7 2 亿元: a number printed digit by digit
		}
		if keepSpace(prev, next) || (prev == ',' && isDigit(next)) {
			b.emit(' ', items[i].start, items[i].end)
		}
		return j
	}
	if isDigit(prev) || prev == '.' {
		// A number at the end of a line or paragraph whose unit follows,
		// possibly after photo captions that the layout dropped in between.
		k := skipCaptions(items, j)
		rest := restString(items, k, 12)
		paragraph := newlines > 1 || k > j
		// A table row ending in a number is followed by the next row's
		// label, which may start with a measure word (股息红利收入).
		countWordBreak := (paragraph || b.lineHasTab) && startsWithCountWord(rest)
		if k < len(items) && ((startsWithUnit(rest) && !countWordBreak) || (prev == '.' && isDigit(items[k].r))) {
			b.joins = append(b.joins, b.sb.Len())
			return k
		}
	}
	if newlines > 1 && isHan(prev) && (isHan(next) || next == '，' || next == '、' || next == ',') && (b.lineRunes >= 40 || b.columnTail()) &&
		!b.lineHasTab && !isCaption(items[j:min(j+40, len(items))]) && !startsMarker(items, j) && !sectionMarkerAt(items, j) {
		// A page or column break in the middle of a word (今年上半|年): the
		// paragraph before it is long and did not end its sentence.
		b.joins = append(b.joins, b.sb.Len())
		return j
	}
	if newlines == 1 && !endsSentence(prev) && !b.heading(items, i) && !sectionMarkerAt(items, j) && !(isDigit(prev) && (isDigit(next) || isChineseNumeral(next))) && !b.lineHasTab && !lineHasTab(items, j) {
		// A layout line break in the middle of a sentence.
		b.joins = append(b.joins, b.sb.Len())
		return j
	}
	b.emit('\n', items[i].start, items[i].end)
	if newlines > 1 {
		b.emit('\n', items[i].start, items[i].end) // keep the paragraph break visible
	}
	return j
}

// keepSpace reports whether a space between prev and next separates two
// Latin or digit words (KAIFAQU JIANSHE, 1, 2, 3); every other space in these
// documents was put there by PDF extraction.
// spacedDigits reports the single space of items[i:j] inside a number
// printed digit by digit (7 4 7 7 2 亿元, 1 9 9 7 年): single digits on
// both sides, and a third one spaced the same way before or after.
func spacedDigits(items []item, i, j int) bool {
	at := func(k int) rune {
		if k >= 0 && k < len(items) {
			return items[k].r
		}
		return 0
	}
	single := func(k int) bool { // a lone digit at k
		return isDigit(at(k)) && !isDigit(at(k-1)) && !isDigit(at(k+1)) && at(k-1) != '.' && at(k+1) != '.'
	}
	if j != i+1 || !single(i-1) || !single(j) {
		return false
	}
	// A third digit spaced the same way, or the number's mark or unit
	// spaced so after it (1 1 ％, 1 5 ．3 ％, 1 0 万亿元): the text is
	// printed character by character.
	return at(i-2) == ' ' && single(i-3) || at(j+1) == ' ' && (single(j+2) || spacedTail(at(j+2)))
}

// spacedTail reports what may follow a number's last digit, spaced, in a
// text printed character by character: its decimal point, a percent sign
// or the first character of a unit or scale word.
func spacedTail(r rune) bool {
	return strings.ContainsRune(".．%％‰", r) || chineseUnit[r] > 0 || startsWithUnit(string(r))
}

func keepSpace(prev, next rune) bool {
	if !isASCIIAlnum(prev) || !isASCIIAlnum(next) {
		return false
	}
	return !(isDigit(prev) && isASCIILetter(next))
}

// skipCaptions returns the index of the first item after any photo-caption
// paragraphs starting at k (▲ lines, 图为…, …摄).
func skipCaptions(items []item, k int) int {
	for k < len(items) {
		end := k
		for end < len(items) && items[end].r != '\n' {
			end++
		}
		if !isCaption(items[k:end]) {
			return k
		}
		for end < len(items) && isSpace(items[end].r) {
			end++
		}
		k = end
	}
	return k
}

// startsMarker reports a news-item marker (本刊讯, 科学导报讯) at items[k].
func startsMarker(items []item, k int) bool {
	for n := 1; n <= 6 && k+n < len(items); n++ {
		if items[k+n].r == '讯' {
			return true
		}
		if !isHan(items[k+n].r) {
			return false
		}
	}
	return false
}

func isCaption(line []item) bool {
	if len(line) == 0 {
		return false
	}
	switch line[0].r {
	case '▲', '△', '▼', '◆', '■', '●':
		return true
	}
	if len(line) >= 2 && line[0].r == '图' && line[1].r == '为' {
		return true
	}
	last := line[len(line)-1].r
	return last == '摄' && len(line) < 80
}

func restString(items []item, k, n int) string {
	var sb strings.Builder
	for ; k < len(items) && n > 0; k, n = k+1, n-1 {
		if isSpace(items[k].r) {
			n++
			continue
		}
		sb.WriteRune(items[k].r)
	}
	return sb.String()
}

func hasTab(run []item) bool {
	for _, it := range run {
		if it.r == '\t' {
			return true
		}
	}
	return false
}

func isSpace(r rune) bool {
	if r > '\u3000' && r != '\ufeff' {
		return false // the Chinese text itself: no space up there (a fast path, on every character)
	}
	switch r {
	case '\u200b', '\u2060', '\ufeff': // zero-width spaces and joiners, which PDF and web pages leave between a number and its unit
		return true
	case '\f', '\v': // a form feed is pdftotext's page break, which the pages read
		return false
	}
	return unicode.IsSpace(r) // the em spaces (\u2003) that indent a paragraph too
}

func endsSentence(r rune) bool {
	switch r {
	case '。', '!', '?', ';', ':', '…', ')', '】', '”', '』', '」', '》':
		return true
	}
	return false
}

func isDigit(r rune) bool       { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
func isASCIIAlnum(r rune) bool  { return isDigit(r) || isASCIILetter(r) }
func isHan(r rune) bool         { return unicode.Is(unicode.Han, r) }

func inSpans(spans []corpus.Span, off int) bool {
	for _, sp := range spans {
		if off >= sp.Start && off < sp.End {
			return true
		}
	}
	return false
}

// repairOCR reads items[i] of an OCR'd page the way its figure meant it,
// prev being the rune written last: O and o for 0 and l, I and | for 1
// inside a run of digits (2O23, 1O%, 3l5), and a comma or full stop that
// OCR put between a number and its unit (2570亿,元, 125.亿元) dropped (0).
// changed is false where the rune stays as it is.
func repairOCR(items []item, i int, prev rune) (r rune, changed bool) {
	next := func() (rune, int) { // the next rune that is not a space, and its index
		for k := i + 1; k < len(items); k++ {
			if !isSpace(items[k].r) {
				return items[k].r, k
			}
		}
		return 0, len(items)
	}
	digitAfter := func(k int) bool { return k < len(items) && isDigit(items[k].r) }
	n, k := next()
	afterDigit := isDigit(prev) || (prev == '.' && i >= 2 && isDigit(items[i-2].r))
	beforeDigit := isDigit(n) || (n == '.' && digitAfter(k+1))
	switch items[i].r {
	case 'O', 'o':
		if afterDigit && (beforeDigit || n == '%' || n == '万' || n == '亿') {
			return '0', true
		}
	case 'l', 'I', '|':
		if afterDigit && beforeDigit {
			return '1', true
		}
	case ',', '.', '，', '。', '、':
		magnitude := prev == '万' || prev == '亿' || prev == '千' || prev == '百'
		if (isDigit(prev) || magnitude) && !isDigit(n) && startsWithUnit(restString(items, k, 12)) && !startsWithCountWord(restString(items, k, 12)) {
			return 0, true
		}
	}
	return items[i].r, false
}
