package extract

import (
	"math"
	"slices"
	"strings"

	"reportmine/corpus"
	"reportmine/internal/hanzi"
)

// found is a figure located in the normalized text, before it is given raw
// offsets and written as a corpus.Figure. start and end are rune indexes.
type found struct {
	start, end int
	kind       corpus.Kind
	value      float64
	valueMax   float64
	hasMax     bool
	unit       string
	approx     bool
	bound      string
	change     string
	precision  int
	rule       string
	warnings   []string
	// mult is everything the value was multiplied by besides the number
	// itself (later scale words, the unit's factor), so list members and
	// range ends can be read in the same unit.
	mult float64
	// scale is the trailing 万/亿 of the figure's own number, which list
	// members without one borrow (5 in 12、8、5亿元).
	scale float64
	// label is the row label of a table cell, its metric.
	label string
	// jiaoFen is set when 角/分 followed the 元 (一元五角), which shows the
	// 元 is money and not part of a word like 二元酸.
	jiaoFen bool
}

// scanner walks one normalized text and finds its figures.
type scanner struct {
	// rs is the text with traditional characters folded to simplified, so
	// that every rule is written once (億元 is read as 亿元); orig is the
	// text as written, rune for rune, for what is reported as printed
	// (the measure word 個). They are the same slice when nothing folds.
	rs, orig []rune
	quoted   []bool
	words    wordChecker
	// yuan is the currency a bare 元 stands for: CNY, or the local currency
	// of a Hong Kong, Macau or Taiwan text (see localCurrency).
	yuan string
	// headerUnit is the unit a table declared with 单位:… for the numbers
	// below it, until the next blank line.
	headerUnit *unitSpec
	headerMul  float64
	// prevEnd is where the last figure found ended: a dash right there
	// joins two figures, it is no minus sign.
	prevEnd int
	// line is the table line read last (tableLineAt).
	line *tableLine
}

// wordChecker answers whether a candidate's edges cut a dictionary word.
type wordChecker interface {
	cutsWord(rs []rune, start, end int, checkStart bool) bool
}

func newScanner(text string, words wordChecker, yuan string) *scanner {
	orig := []rune(text)
	rs := simplified(orig)
	return &scanner{rs: rs, orig: orig, quoted: quotedRunes(rs), words: words, yuan: yuan, prevEnd: -1}
}

// simplified returns rs with traditional and variant characters folded to
// simplified ones (one rune for one, so indexes carry over), or rs itself
// when none folds.
func simplified(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		if r == '參' {
			continue // the financial 3 stays a numeral; 参 is not one
		}
		if s := hanzi.Simplify(r); s != r {
			if out == nil {
				out = slices.Clone(rs)
			}
			out[i] = s
		}
	}
	if out == nil {
		return rs
	}
	return out
}

// quotedRunes marks runes inside a short “…” pair on one line: slogans such
// as “三个一批” live there, and their numerals are not counts.
func quotedRunes(rs []rune) []bool {
	q := make([]bool, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != '“' && rs[i] != '"' {
			continue
		}
		closing := '”'
		if rs[i] == '"' {
			closing = '"'
		}
		for j := i + 1; j < len(rs) && j-i <= 24 && rs[j] != '\n'; j++ {
			if rs[j] == closing {
				for k := i + 1; k < j; k++ {
					q[k] = true
				}
				i = j
				break
			}
		}
	}
	return q
}

func (s *scanner) scan() []found {
	var out []found
	var pending []number // unit-less numbers that may share a later unit (12、8、5亿元)
	for i := 0; i < len(s.rs); {
		s.trackHeader(i)
		fs, next, bare := s.figureAt(i)
		if len(fs) > 0 {
			s.prevEnd = fs[len(fs)-1].end
			fs = s.shareListUnit(pending, fs)
			pending = nil
			out = append(out, fs...)
		} else if bare != nil {
			pending = s.extendPending(pending, *bare)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	sharePercentPoints(s.rs, out)
	inheritListChange(s.rs, out)
	return out
}

// sharePercentPoints reads 3.4个、1个百分点 as two changes in percentage
// points: a count of 个 right before a list's figure in 个百分点 leaves
// its 百分点 to that figure.
func sharePercentPoints(rs []rune, fs []found) {
	for i := len(fs) - 2; i >= 0; i-- {
		a, b := &fs[i], fs[i+1]
		if a.kind == corpus.KindCount && a.unit == "个" && b.kind == corpus.KindPPT && a.end <= b.start && listGap(rs, a.end, b.start) {
			a.kind, a.unit, a.rule = corpus.KindPPT, "pp", "list_shared_unit"
		}
	}
}

func (s *scanner) extendPending(pending []number, n number) []number {
	if len(pending) > 0 && !listGap(s.rs, pending[len(pending)-1].end, n.start) {
		pending = nil
	}
	return append(pending, n)
}

// listGap reports whether rs[a:b] is a list separator: 、 , 和 及 与 或.
func listGap(rs []rune, a, b int) bool {
	if b-a != 1 {
		return false
	}
	switch rs[a] {
	case '、', '和', '及', '与', '或', ',':
		return true
	}
	return false
}

// shareListUnit gives the pending unit-less numbers the unit of the figure
// that closes their list.
func (s *scanner) shareListUnit(pending []number, fs []found) []found {
	if len(pending) == 0 || len(fs) != 1 || fs[0].hasMax || fs[0].kind == corpus.KindDate {
		return fs
	}
	last := fs[0]
	if !listGap(s.rs, pending[len(pending)-1].end, last.start) {
		return fs
	}
	scale := last.scale
	if scale == 0 {
		scale = 1
	}
	if dir := changeBefore(s.rs, pending[0].start); dir != "" {
		last.change = dir // 分别提高2.1、1.5和0.8个百分点
		fs[0].change = dir
	}
	var out []found
	for _, p := range pending {
		borrowed := scale
		if p.scale != 1 {
			borrowed = 1
		}
		f := last
		f.start, f.end = p.start, p.end
		f.value = p.value() * borrowed * last.mult
		f.precision = p.decimals
		f.approx, f.bound = false, ""
		f.rule = "list_shared_unit"
		out = append(out, f)
	}
	return append(out, fs...)
}

// inheritListChange lets 3.1%、5.2%和6.0% share the direction of the first,
// and a figure that restates the one before (增产二千二百万吨，即百分之七点八)
// its direction.
func inheritListChange(rs []rune, fs []found) {
	for i := 1; i < len(fs); i++ {
		a, b := fs[i-1], &fs[i]
		if b.change != "" || a.change == "" || a.end > b.start {
			continue
		}
		if a.kind == b.kind && listGap(rs, a.end, b.start) || restates(rs, a.end, b.start) {
			b.change = a.change
		}
	}
}

// restates reports rs[a:b] as the 即 (也就是) that introduces the same
// change in other terms.
func restates(rs []rune, a, b int) bool {
	gap := strings.TrimLeft(string(rs[a:b]), "，,")
	return gap == "即" || gap == "也就是" || gap == "亦即"
}

// trackHeader notices 单位:万元 declarations for the table below them.
func (s *scanner) trackHeader(i int) {
	rs := s.rs
	if rs[i] == '\n' && i+1 < len(rs) && rs[i+1] == '\n' {
		s.headerUnit = nil
	}
	if rs[i] != '单' || !hasPrefixRunes(rs, i, "单位:") {
		return
	}
	end := i + 3
	for end < len(rs) && !strings.ContainsRune("\n\t ,;)", rs[end]) {
		end++
	}
	if u, mul, ok := unitExpr(rs[i+3 : end]); ok {
		s.headerUnit, s.headerMul = &u, mul
	}
}

// figureAt reads the figure starting at rs[i]. It returns the figures (a
// list or range may make several), where scanning continues, and a number
// that had no unit of its own (for list sharing).
func (s *scanner) figureAt(i int) ([]found, int, *number) {
	rs := s.rs
	r := rs[i]
	switch {
	case r == '百' && (hasPrefixRunes(rs, i, "百分之") || hasPrefixRunes(rs, i, "百万分之")), r == '千' && hasPrefixRunes(rs, i, "千分之"), r == '万' && hasPrefixRunes(rs, i, "万分之"):
		return s.percentWords(i)
	case r == '翻':
		return s.doubling(i)
	case r == '半':
		return s.half(i)
	case !isDigit(r) && !isChineseNumeral(r) && r != '几' && r != '数':
		return nil, i + 1, nil
	}
	if i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' && i > 1 && isDigit(rs[i-2])) {
		return nil, i + 1, nil
	}
	n, ok := readNumber(rs, i)
	if !ok {
		return nil, i + 1, nil
	}
	if s.notAnAmount(n) {
		return nil, skipCode(rs, n.end), nil
	}
	f, ok := s.withUnit(n)
	if !ok {
		if fs, end, ok := s.fraction(n); ok {
			return fs, end, nil
		}
		if fs, end, ok := s.rangeFrom(n, nil); ok {
			return fs, end, nil
		}
		if f, ok := s.symbolMoney(n); ok {
			return []found{f}, f.end, nil
		}
		if f, ok := s.inferredMoney(n); ok {
			return []found{f}, f.end, nil
		}
		if f, ok := s.fromHeader(n); ok {
			return []found{f}, f.end, nil
		}
		return nil, n.end, &n
	}
	if fs, end, ok := s.rangeFrom(n, &f); ok {
		return fs, end, nil
	}
	if !s.accept(n, &f) {
		return nil, f.end, nil
	}
	return []found{f}, f.end, nil
}

// notAnAmount rejects numbers that are codes, ordinals or labels by their
// surroundings: iPhone14, N37, C919, 第13期, and lone scale words such as
// the 万 of 万元GDP.
func (s *scanner) notAnAmount(n number) bool {
	rs := s.rs
	if n.start > 0 {
		prev := rs[n.start-1]
		if isASCIILetter(prev) || prev == '第' || prev == '@' || prev == '#' || prev == '/' && n.start > 1 && isASCIIAlnum(rs[n.start-2]) {
			return true
		}
		if prev == '-' && n.start > 1 && isASCIILetter(rs[n.start-2]) {
			return true
		}
	}
	if n.bareScale {
		p := ' '
		if n.start > 0 {
			p = rs[n.start-1]
		}
		if n.end+1 < len(rs) && rs[n.end] == '余' && isHan(rs[n.end+1]) {
			return false // 千余人, 百余家企业, 万余名志愿者: 余 makes the scale word a number
		}
		return !strings.ContainsRune("上逾超近破过数", p)
	}
	return false
}

// skipCode moves past the rest of an alphanumeric code.
func skipCode(rs []rune, i int) int {
	for i < len(rs) && (isASCIIAlnum(rs[i]) || rs[i] == '.' || rs[i] == '-') {
		i++
	}
	return i
}

// withUnit reads what follows the number: 多/余, more scale words, 大 before
// a measure word, the unit, per-unit denominators and trailing qualifiers.
func (s *scanner) withUnit(n number) (found, bool) {
	rs := s.rs
	j := n.end
	f := found{start: n.start, precision: n.decimals, rule: "number_unit", scale: n.scale}
	mul := 1.0
	if j < len(rs) && (rs[j] == '多' || rs[j] == '余' || rs[j] == '来') {
		if j+1 < len(rs) && (chineseUnit[rs[j+1]] >= 1e4 || startsUnitAt(rs, j+1)) {
			f.approx = true
			j++
		}
	}
	for j < len(rs) && chineseUnit[rs[j]] >= 1e4 && !startsScaleUnit(rs, j) {
		mul *= chineseUnit[rs[j]]
		j++
	}
	half := 0.0
	if hasPrefixRunes(rs, j, "个半") && n.scale == 1 && mul == 1 {
		if _, ok := durationAt(rs, j+2); ok {
			half, j = 0.5, j+2 // 两个半小时, 一个半月
		}
	}
	u, ok := matchUnit(rs, j)
	if half > 0 {
		u, ok = durationAt(rs, j)
	}
	if !ok && j < len(rs) && rs[j] == '大' {
		if u2, ok2 := matchUnit(rs, j+1); ok2 && u2.kind == corpus.KindCount {
			u, ok = u2, true
			j++
		}
	}
	if !ok {
		return found{}, false
	}
	if u.context != nil && !clauseHas(rs, n.start, u.context) {
		return found{}, false
	}
	if u.arabicOnly && !n.arabic {
		return found{}, false
	}
	f.kind, f.unit = u.kind, s.unitAsWritten(u, j)
	j += len([]rune(u.word))
	n = n.rescaled(mul)
	f.mult = mul * u.factor
	f.value = n.value() * f.mult
	if n.vague {
		f.approx = true
		f.valueMax, f.hasMax = n.valueMax()*mul*u.factor, true
	}
	if strings.HasSuffix(u.word, "多月") {
		f.approx = true
	}
	if half == 0 && j < len(rs) && rs[j] == '半' && (u.kind == corpus.KindDuration || u.kind == corpus.KindQuantity) &&
		n.scale == 1 && mul == 1 && n.decimals == 0 && !isYear(n) {
		half = 0.5 // 三年半, 一吨半, 两米半
		j++
	}
	f.value += half * f.mult
	j = s.perUnit(&f, j)
	f.end = j
	s.qualify(&f, n)
	return f, true
}

// unitAsWritten is the canonical unit of u matched at rune j, except that
// a measure word is reported as printed (個 in a traditional text) unless
// it has a canonical form (台（套） is 台套), and a bare 元 takes the
// document's currency.
func (s *scanner) unitAsWritten(u unitSpec, j int) string {
	switch {
	case u.kind == corpus.KindCount && j >= 0 && u.unit == u.word:
		return string(s.orig[j : j+len([]rune(u.word))])
	case u.kind == corpus.KindMoney && u.unit == "CNY" && u.word != "人民币" && s.yuan != "":
		return s.yuan
	}
	return u.unit
}

// durationAt matches a unit of time at rs[i]; after 个 or 半个 a bare 月
// is a month of time, not a calendar month.
func durationAt(rs []rune, i int) (unitSpec, bool) {
	if hasPrefixRunes(rs, i, "月") {
		return unitSpec{word: "月", kind: corpus.KindDuration, unit: "month", factor: 1}, true
	}
	u, ok := matchUnit(rs, i)
	return u, ok && u.kind == corpus.KindDuration
}

// half reads 半年, 半个月 and 半小时: half of a unit of time. 上半年 and
// 下半年 are periods and 一半 a share, so those are left alone.
func (s *scanner) half(i int) ([]found, int, *number) {
	rs := s.rs
	if i > 0 && strings.ContainsRune("上下前后大多过一对", rs[i-1]) {
		return nil, i + 1, nil
	}
	j := i + 1
	if hasPrefixRunes(rs, j, "个") {
		j++
	}
	u, ok := durationAt(rs, j)
	if !ok || u.unit == "day" && u.word == "工作日" {
		return nil, i + 1, nil
	}
	end := j + len([]rune(u.word))
	if end < len(rs) && strings.ContainsRune("报刊度前后", rs[end]) {
		return nil, i + 1, nil // 半年报: a word; 半年前: a time, not a span
	}
	f := found{start: i, end: end, kind: corpus.KindDuration, unit: u.unit, value: 0.5, precision: -1, rule: "number_unit", mult: 1, scale: 1}
	s.qualify(&f, number{start: i, end: i + 1, scale: 1})
	return []found{f}, f.end, nil
}

func startsUnitAt(rs []rune, i int) bool {
	_, ok := matchUnit(rs, i)
	if !ok && i < len(rs) && rs[i] == '大' {
		_, ok = matchUnit(rs, i+1)
	}
	return ok
}

// perDenominators are the units a price is given per.
var perDenominators = []struct{ word, unit string }{
	{"千瓦时", "kWh"}, {"度", "kWh"}, {"吨", "t"}, {"亩", "亩"}, {"平方米", "m2"},
	{"立方米", "m3"}, {"公斤", "kg"}, {"千克", "kg"}, {"kWh", "kWh"},
}

// perCounts are what a price after a slash is per (600元/头, 元/人): only
// after a slash, for 每户最低108元 is an amount for each household, not a rate.
var perCounts = []struct{ word, unit string }{{"头", "头"}, {"人次", "人次"}, {"人", "人"}, {"户", "户"}}

// perUnit reads 元/千瓦时, 吨/年 and 元人民币 after the unit, and 每千瓦时
// or 亩均 before the number, and returns where the figure ends.
func (s *scanner) perUnit(f *found, j int) int {
	rs := s.rs
	switch f.kind {
	case corpus.KindMoney:
		bareYuan := f.unit == "CNY" || f.unit == s.yuan
		if hasPrefixRunes(rs, j, "人民币") && bareYuan {
			f.unit = "CNY"
			j += 3
		}
		if bareYuan {
			if w, ok := currencyBefore(rs, f.start); ok {
				f.unit = currencies[w] // 港币5000万元 is HKD
			}
			j = s.jiaoFen(f, j)
		}
		if j < len(rs) && (rs[j] == '/' || rs[j] == '每') {
			for _, d := range perDenominators {
				if hasPrefixRunes(rs, j+1, d.word) {
					f.unit += "/" + d.unit
					return j + 1 + len([]rune(d.word))
				}
			}
		}
		if j < len(rs) && rs[j] == '/' {
			for _, d := range perCounts {
				if hasPrefixRunes(rs, j+1, d.word) {
					f.unit += "/" + d.unit
					return j + 1 + len([]rune(d.word))
				}
			}
		}
		if d, ok := perBefore(rs, f.start); ok {
			f.unit += "/" + d
		}
	case corpus.KindQuantity:
		for _, per := range perTime {
			if hasPrefixRunes(rs, j, per.word) {
				f.unit += per.unit
				return j + len([]rune(per.word))
			}
		}
		if f.unit == "km" && endsWithRunes(rs, f.start, "时速") {
			f.unit = "km/h"
		}
	}
	return j
}

// perTime are rate suffixes of quantities (240万吨/年, 10万立方米/日).
var perTime = []struct{ word, unit string }{
	{"/年", "/yr"}, {"/日", "/day"}, {"/天", "/day"}, {"/小时", "/h"},
}

// currencyPrefixes are currencies named before the number (港币5000万元,
// 约合人民币210亿元).
var currencyPrefixes = []string{"人民币", "港币", "港元", "美元", "欧元", "日元", "英镑", "新台币", "澳门元", "澳门币"}

// currencyBefore returns the currency word that ends at rs[start].
func currencyBefore(rs []rune, start int) (string, bool) {
	for _, w := range currencyPrefixes {
		if endsWithRunes(rs, start, w) {
			return w, true
		}
	}
	return "", false
}

// jiaoFen adds 角 and 分 after 元 (125元5角 is 125.5 元).
func (s *scanner) jiaoFen(f *found, j int) int {
	rs := s.rs
	for _, part := range []struct {
		r      rune
		factor float64
	}{{'角', 0.1}, {'分', 0.01}} {
		n, ok := readNumber(rs, j)
		if !ok || n.end >= len(rs) || rs[n.end] != part.r || n.value() >= 10 {
			continue
		}
		f.value += n.value() * part.factor * f.mult
		f.jiaoFen = true
		j = n.end + 1
	}
	return j
}

// perBefore finds 每千瓦时 right before a price or 亩均 in the words before it.
func perBefore(rs []rune, start int) (string, bool) {
	lo := start - 8
	if lo < 0 {
		lo = 0
	}
	window := string(rs[lo:start])
	if k := strings.LastIndexAny(window, ",。;:"); k >= 0 {
		window = window[k+1:]
	}
	for _, d := range perDenominators {
		if strings.Contains(window, "每"+d.word) {
			return d.unit, true // 电价每千瓦时0.3元, 每吨下调125元
		}
	}
	if k := strings.LastIndex(window, "亩均"); k >= 0 && !strings.ContainsAny(window[k:], ",。;:") {
		return "亩", true
	}
	return "", false
}

// signBefore reports a minus sign right before the number at rune i: 负,
// or a dash that does not join it to what precedes (a letter or digit of a
// code, or a figure it ends a range with: 6%-6.5%, 3万吨-5万吨).
func (s *scanner) signBefore(i int) bool {
	if i == 0 {
		return false
	}
	switch s.rs[i-1] {
	case '负':
		// 负 is a sign at the start or after 为/是/长 (增长负3.9%, 增速为负2.1%);
		// after other characters it ends a word (减负, 担负, 正负).
		return i < 2 || !isHan(s.rs[i-2]) || strings.ContainsRune("为是长速率达到至仅", s.rs[i-2])
	case '-', '−':
	default:
		return false
	}
	if i < 2 {
		return true
	}
	p := s.rs[i-2]
	return !(isASCIIAlnum(p) || isChineseNumeral(p) || p == '-' || p == '%' || p == '.' || i-1 == s.prevEnd)
}

// qualify reads the words around a figure: approx and bound words before
// and after it, and a direction verb before it.
func (s *scanner) qualify(f *found, n number) {
	rs := s.rs
	before := f.start
	if f.start == n.start && s.signBefore(n.start) {
		if f.hasMax {
			f.value = 0 - f.value // -3-5%: the sign is the low end's; the range stays in order
		} else {
			f.value, f.valueMax = 0-f.value, 0-f.valueMax
		}
		f.start--
		before = f.start
		if f.kind == corpus.KindPercent || f.kind == corpus.KindPPT {
			// A negative rate is a fall (增长-3.9%, 负3.9%), as the contract
			// reads it; a negative amount (利润-3.6亿元) is a level.
			defer func() { f.change = corpus.ChangeDown }()
		}
	}
	if w, ok := currencyBefore(rs, before); ok {
		before -= len([]rune(w)) // 约合人民币210亿元: the qualifier precedes the currency
	}
	if p, ok := prefixBefore(rs, before); ok {
		f.approx = f.approx || p.approx
		if p.bound != "" {
			f.bound = p.bound
		}
		before -= len([]rune(p.word))
	}
	if hasPrefixRunes(rs, f.end, "多") && f.kind == corpus.KindDuration {
		f.approx = true
		f.end++
	}
	if f.kind == corpus.KindMoney && hasPrefixRunes(rs, f.end, "起") && !hasPrefixRunes(rs, f.end+1, "来") {
		f.bound = corpus.BoundMin // 每套5000元起: the lowest price
		f.end++
		if hasPrefixRunes(rs, f.end, "步") {
			f.end++
		}
	}
	for _, w := range suffixWords {
		if !hasPrefixRunes(rs, f.end, w.word) {
			continue
		}
		after := f.end + len([]rune(w.word))
		if w.word == "上下" && after < len(rs) && strings.ContainsRune("游级功", rs[after]) {
			break
		}
		f.approx = f.approx || w.approx
		if w.bound != "" {
			f.bound = w.bound
		}
		f.end = after
		break
	}
	changeOf(rs, f, before)
}

// changeOf sets the direction of a figure whose qualifiers end at rune
// before: a change verb before it (and a hedge before the verb), a verb
// after a bounded rate (均保持10%以上增长), or the rate a percent is named.
func changeOf(rs []rune, f *found, before int) {
	if dir := changeBefore(rs, before); dir != "" {
		f.change = dir
		if verb := changeVerbStart(rs, before); verb >= 0 {
			if p, ok := plainPrefixBefore(rs, verb); ok && p.approx {
				f.approx = true // 品种大约增加了两万四千种
			}
		}
		return
	}
	if f.bound != "" && (f.kind == corpus.KindPercent || f.kind == corpus.KindPPT) {
		if dir := changeAt(rs, f.end); dir != "" {
			f.change = dir // 均保持10%以上增长: a rate the verb after it names
			return
		}
	}
	if f.kind == corpus.KindPercent {
		f.change = rateChange(rs, before, f.end)
	}
}

// accept applies the last checks that need the whole figure: years are
// dates, classes are labels, and Chinese numerals must not be part of a
// word or a slogan.
func (s *scanner) accept(n number, f *found) bool {
	if f.kind == corpus.KindDuration && f.unit == "year" && isYear(n) && !f.approx {
		f.kind, f.unit, f.rule = corpus.KindDate, "year", "date"
	}
	if f.kind == corpus.KindDate {
		return s.dateAt(n, f)
	}
	if f.kind == corpus.KindCount && !n.arabic && (f.unit == "次" || f.unit == "届") && startsAny(s.rs, f.end, sessionWords) {
		return false // 四届人大五次会议: which session, not how many (召开5次会议 counts them)
	}
	if f.kind == corpus.KindCount && n.decimals > 0 && n.scale == 1 && f.mult == 1 && s.headingPosition(n.start) {
		return false // 3.1项目…: a section number before a word, not 3.1 items
	}
	if f.bound == corpus.BoundMin && s.isClassLabel(f.end) {
		return false
	}
	if n.arabic {
		return true
	}
	return s.acceptChinese(n, f)
}

// sessionWords follow the ordinal of a session (五次会议, 三中全会).
var sessionWords = words("session_words")

// headingPosition reports a number where a section number stands: at the
// start of a line or clause, or right after another figure's unit.
func (s *scanner) headingPosition(i int) bool {
	if i == 0 || !isHan(s.rs[i-1]) {
		return true
	}
	_, ok := matchUnit(s.rs, i-1)
	return ok
}

// isYear reports a calendar year: 1900–2100 written in four digits.
func isYear(n number) bool {
	v := n.value()
	whole := v == math.Trunc(v) && n.decimals == 0 && !n.vague
	if n.positional {
		return whole && v >= 1900 && v <= 2100
	}
	return n.arabic && whole && v >= 1900 && v <= 2100 && n.end-n.start == 4
}

// isClassLabel reports 以上 used as an attribute: 10亿元以上工业项目 names a
// class of projects; the figure is the count that follows.
func (s *scanner) isClassLabel(end int) bool {
	rs := s.rs
	if end >= len(rs) || !isHan(rs[end]) {
		return false
	}
	// A class names a noun after it (10亿元以上工业项目); a verb or adverb
	// there makes 以上 a bound of the figure (90%以上可以按计划实现).
	if end+2 <= len(rs) && verbIndex.has(string(rs[end:end+2])) && !s.classNounAfter(end) {
		if _, class := classVerbs.at(rs, end); !class {
			return false // 95%以上实行备案管理: a verb after 以上 makes it a bound
		}
	}
	return !strings.ContainsRune("的和及或与,。;、可已都均将要是为在有能会得由被也还仍", rs[end]) && endsWithRunes(rs, end, "以上") && changeAt(rs, end) == ""
}

// classNounAfter reports the head of a class right after 以上 (10亿元以上
// 制造企业, 50亩以上种植大户, 1万平方米以上开发项目): the words between are
// the class's, though the segmenter may tag them verbs.
func (s *scanner) classNounAfter(end int) bool {
	for k := end + 1; k <= end+5 && k < len(s.rs); k++ {
		if _, ok := countedHeadIndex.at(s.rs, k); ok {
			return true
		}
	}
	return false
}

// countedHeadIndex finds the heads of counted nouns (企业, 项目, 大户).
var countedHeadIndex = newWordIndex(countedHeads)

// classVerbs modify the noun of a class after 以上 (500万元以上新增项目).
var classVerbs = newWordIndex(words("class_verbs"))

// changeAt is the direction of a change verb starting at rs[i] (10%以上
// 增长: the verb makes 以上 a bound and the figure a change), or "".
func changeAt(rs []rune, i int) string {
	for _, c := range changeWords {
		if hasPrefixRunes(rs, i, c.word) {
			return c.direction
		}
	}
	return ""
}

// smallChineseCounts are the measure words for which a small Chinese
// numeral in prose is read as a count (六个园区, 两条产业链).
const smallChineseCounts = "个家户项名人次条座台套辆架艘所处"

func (s *scanner) acceptChinese(n number, f *found) bool {
	rs := s.rs
	if s.quoted[n.start] {
		return false
	}
	small := n.value() < 10 && !n.vague && n.scale == 1
	switch {
	case small && f.value <= 1 && !f.approx && (f.kind == corpus.KindCount || f.kind == corpus.KindDuration):
		return false // 一个, 一批, 这一天: determiners, not counts
	case small && f.kind == corpus.KindCount && !strings.Contains(smallChineseCounts, f.unit):
		return false
	case f.kind == corpus.KindMoney && n.value() < 100 && n.scale == 1 && !f.jiaoFen && rs[f.end-1] == '元' && !isCurrencyWordEnd(rs, f.end):
		return false // 二元酸, 一元化: words, not prices (十五美元 is one)
	}
	// Where a known qualifier or verb ends right before the numeral (提高一两
	// 个百分点), its start is a word boundary whatever the segmenter says.
	_, qualified := prefixBefore(rs, n.start)
	_, afterNoun := amountNouns.endingAt(rs, n.start)
	checkStart := !qualified && !afterNoun && changeBefore(rs, n.start) == ""
	if s.words != nil && s.words.cutsWord(rs, n.start, f.end, checkStart) {
		return false
	}
	return true
}

// amountNouns are nouns an amount follows directly (结余十六亿五千万元).
var amountNouns = newWordIndex(words("amount_nouns"))

// isCurrencyWordEnd reports a currency word longer than 元 ending at end
// (美元, 港元, 欧元).
func isCurrencyWordEnd(rs []rune, end int) bool {
	for w := range currencies {
		if len([]rune(w)) > 1 && endsWithRunes(rs, end, w) {
			return true
		}
	}
	return false
}

// currencySymbols are the signs printed before an amount; "$" alone is the
// document's own dollar (HKD in a Hong Kong text), else USD.
var currencySymbols = []struct{ sign, code string }{
	{"HK$", "HKD"}, {"US$", "USD"}, {"NT$", "TWD"}, {"MOP$", "MOP"}, {"RMB", "CNY"},
	{"¥", "CNY"}, {"￥", "CNY"}, {"€", "EUR"}, {"£", "GBP"}, {"$", ""},
}

// symbolMoney reads an amount after a currency sign (¥300, HK$2.5亿).
func (s *scanner) symbolMoney(n number) (found, bool) {
	for _, c := range currencySymbols {
		if !endsWithRunes(s.rs, n.start, c.sign) {
			continue
		}
		code := c.code
		if code == "" {
			code = "USD"
			if s.yuan == "HKD" || s.yuan == "TWD" || s.yuan == "MOP" {
				code = s.yuan
			}
		}
		f := found{start: n.start - len([]rune(c.sign)), end: n.end, kind: corpus.KindMoney, unit: code, value: n.value(),
			precision: n.decimals, rule: "number_unit", mult: 1, scale: n.scale}
		if hasPrefixRunes(s.rs, f.end, "元") {
			f.end++ // ¥300元
		}
		s.qualify(&f, number{start: f.start, end: n.end, scale: n.scale})
		return f, true
	}
	return found{}, false
}

// clauseHas reports whether the clause that ends at rune i (back to the
// previous comma or sentence end) contains one of words.
func clauseHas(rs []rune, i int, words []string) bool {
	lo := i
	for lo > 0 && !isSentenceEnd(rs[lo-1]) && rs[lo-1] != ',' {
		lo--
	}
	return containsAny(string(rs[lo:i]), words)
}

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '!' || r == '?' || r == ';' || r == '\n' || r == '…'
}
