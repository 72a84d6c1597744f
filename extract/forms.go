package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// This file holds the figure forms that are not "number + unit": ranges,
// 百分之…, fractions and 成, 翻番, amounts whose unit is implied or given in
// a table header, and dates.

var rangeSeparators = []string{"——", "-", "—", "–", "~", "〜", "至", "到"}

// rangeFrom reads "n – m unit" after the number n (whose own unit, if any,
// is first) into one figure with value and value_max.
func (s *scanner) rangeFrom(n number, first *found) ([]found, int, bool) {
	rs := s.rs
	j := n.end
	if first != nil {
		j = first.end
		if first.bound != "" || first.hasMax {
			return nil, 0, false
		}
	}
	sep := ""
	for _, w := range rangeSeparators {
		if hasPrefixRunes(rs, j, w) {
			sep = w
			break
		}
	}
	if sep == "" {
		return nil, 0, false
	}
	k := j + len([]rune(sep))
	if k >= len(rs) || !(isDigit(rs[k]) || isChineseDigitRune(rs[k])) {
		return nil, 0, false
	}
	n2, ok := readNumber(rs, k)
	if !ok {
		return nil, 0, false
	}
	prevEnd := s.prevEnd
	s.prevEnd = j // the separator joins the two ends: no minus sign
	hi, ok := s.withUnit(n2)
	s.prevEnd = prevEnd
	if !ok && first == nil && n.scale > 1 {
		hi, ok = s.inferredMoney(n2) // 总投资30亿-50亿
	}
	if !ok || (first != nil && (first.kind != hi.kind || first.unit != hi.unit)) {
		return nil, 0, false
	}
	if hi.kind == corpus.KindDuration && hi.unit == "year" && isYear(n2) {
		hi.kind, hi.unit = corpus.KindDate, "year"
	}
	f := found{start: n.start, end: hi.end, kind: hi.kind, unit: hi.unit, rule: "range", mult: hi.mult,
		precision: n.decimals, hasMax: true, valueMax: hi.value, change: hi.change}
	if hi.hasMax {
		f.valueMax = hi.valueMax
	}
	if first != nil {
		f.value = first.value
	} else {
		scale := n2.scale
		if n.scale != 1 {
			scale = 1
		}
		f.value = n.value() * scale * hi.mult
		if k := tensOf(n2.core); !n.arabic && n.core < 10 && k > 1 && n.scale == 1 {
			f.value *= k // 八到九百亿元: read as 800亿 to 900亿
			f.warnings = append(f.warnings, "ambiguous_scale")
		}
	}
	if f.value > f.valueMax {
		return nil, 0, false
	}
	if hasPrefixRunes(rs, f.end, "之间") {
		f.end += 2
	}
	if f.kind == corpus.KindDate {
		if hi.unit == "date" && !s.dateAt(n2, &hi) {
			return nil, 0, false
		}
		f.unit, f.rule = hi.unit, "date"
		return []found{f}, f.end, true
	}
	if !n.arabic && s.quoted[n.start] {
		return nil, 0, false
	}
	s.qualify(&f, n)
	f.approx = f.approx || hi.approx
	return []found{f}, f.end, true
}

// tensOf returns 10^k when v is a single digit times 10^k (900 → 100).
func tensOf(v float64) float64 {
	if v < 10 {
		return 1
	}
	k := math.Pow(10, math.Floor(math.Log10(v)))
	if math.Mod(v, k) != 0 {
		return 1
	}
	return k
}

var percentWords = []struct {
	word   string
	factor float64
}{{"百分之", 1}, {"千分之", 0.1}, {"万分之", 0.01}, {"百万分之", 1e-4}}

// percentWords reads 百分之十二点三, 千分之三 and ranges like 百分之四到五.
func (s *scanner) percentWords(i int) ([]found, int, *number) {
	rs := s.rs
	for _, p := range percentWords {
		if !hasPrefixRunes(rs, i, p.word) {
			continue
		}
		at := i + len([]rune(p.word))
		n, ok := readNumber(rs, at)
		if !ok {
			return nil, at, nil
		}
		f := found{start: i, end: n.end, kind: corpus.KindPercent, unit: "%", value: n.value() * p.factor,
			precision: n.decimals, rule: "percent_words", mult: p.factor}
		for _, sep := range rangeSeparators {
			if hasPrefixRunes(rs, n.end, sep) {
				if m, ok := readNumber(rs, n.end+len([]rune(sep))); ok && m.value() >= n.value() {
					f.valueMax, f.hasMax, f.end = m.value()*p.factor, true, m.end
				}
				break
			}
		}
		s.qualify(&f, number{start: i})
		return []found{f}, f.end, nil
	}
	return nil, i + 1, nil
}

// fraction reads 三分之二 (a share, in percent) and 三成 / 三成半 (tenths).
func (s *scanner) fraction(n number) ([]found, int, bool) {
	rs := s.rs
	j := n.end
	if hasPrefixRunes(rs, j, "分之") {
		m, ok := readNumber(rs, j+2)
		if !ok || n.value() == 0 {
			return nil, 0, false
		}
		f := found{start: n.start, end: m.end, kind: corpus.KindPercent, unit: "%",
			value: m.value() / n.value() * 100, precision: -1, rule: "fraction", mult: 1}
		s.qualify(&f, n)
		return []found{f}, f.end, true
	}
	if j < len(rs) && rs[j] == '成' && n.value() <= 10 && n.scale == 1 {
		if j+1 < len(rs) && strings.ContainsRune("本员立为果交功效都熟型长就品套片绩分", rs[j+1]) {
			return nil, 0, false
		}
		f := found{start: n.start, end: j + 1, kind: corpus.KindPercent, unit: "%",
			value: n.value() * 10, rule: "tenths", mult: 10}
		if n.vague {
			f.valueMax, f.hasMax, f.approx = n.valueMax()*10, true, true
		}
		if hasPrefixRunes(rs, f.end, "半") {
			f.value += 5
			f.end++
		}
		if !n.arabic && !s.acceptChinese(n, &f) {
			return nil, 0, false
		}
		s.qualify(&f, n)
		return []found{f}, f.end, true
	}
	return nil, 0, false
}

// doubling reads 翻一番 (×2), 翻两番 (×4) and 翻番.
func (s *scanner) doubling(i int) ([]found, int, *number) {
	rs := s.rs
	j := i + 1
	if j < len(rs) && rs[j] == '了' {
		j++
	}
	times := 1.0
	if j < len(rs) && rs[j] != '番' {
		n, ok := readNumber(rs, j)
		if !ok || n.arabic && n.value() > 10 {
			return nil, i + 1, nil
		}
		times, j = n.value(), n.end
	}
	if j >= len(rs) || rs[j] != '番' {
		return nil, i + 1, nil
	}
	f := found{start: i, end: j + 1, kind: corpus.KindMultiple, unit: "x", value: math.Pow(2, times), rule: "doubling", mult: 1}
	return []found{f}, f.end, nil
}

// inferredMoney reads 总投资30亿 and 营收超千亿: a 万/亿 amount with no
// unit, in a sentence about money.
func (s *scanner) inferredMoney(n number) (found, bool) {
	rs := s.rs
	if n.scale < 1e4 || s.quoted[n.start] {
		return found{}, false
	}
	if n.end < len(rs) && isHan(rs[n.end]) && !strings.ContainsRune("的", rs[n.end]) {
		return found{}, false
	}
	lo := n.start - 12
	if lo < 0 {
		lo = 0
	}
	before := string(rs[lo:n.start])
	if k := strings.LastIndexAny(before, "。;\n"); k >= 0 {
		before = before[k:]
	}
	if !containsAny(before, moneyContext) {
		return found{}, false
	}
	f := found{start: n.start, end: n.end, kind: corpus.KindMoney, unit: "CNY", value: n.value(),
		precision: n.decimals, rule: "inferred_money", mult: 1, scale: n.scale, warnings: []string{"unit_inferred"}}
	s.qualify(&f, n)
	return f, true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// fromHeader reads a number whose unit was given apart from it: in a
// parenthesis right before it (到位资金(亿元)12.5), or, for a table cell, in
// the unit cell of its row, its column header or a 单位:万元 line above the
// table. A table cell takes its row label as its metric (rule table_cell).
func (s *scanner) fromHeader(n number) (found, bool) {
	rs := s.rs
	if isYear(n) {
		return found{}, false
	}
	cell := isCell(rs, n.start, n.end)
	u, mul, ok := s.unitBefore(n.start)
	if !ok && cell {
		if f, ok := s.fromColumn(n); ok {
			f.rule, f.label = "table_cell", s.rowLabel(n.start)
			return f, true
		}
		if ru, rmul, rok := s.rowUnit(n.start); rok {
			u, mul, ok = ru, rmul, true
		} else if s.headerUnit != nil {
			u, mul, ok = *s.headerUnit, s.headerMul, true
		}
	}
	if !ok {
		return found{}, false
	}
	f := found{start: n.start, end: n.end, kind: u.kind, unit: s.unitAsWritten(u, -1), value: n.value() * mul * u.factor,
		precision: n.decimals, rule: "unit_from_header", mult: mul * u.factor, scale: n.scale, warnings: []string{"unit_from_header"}}
	if cell {
		f.rule, f.label = "table_cell", s.rowLabel(n.start)
	}
	s.qualify(&f, n)
	return f, true
}

// rowLabel is the first cell of the table row holding rune i, as written
// and without a unit in parentheses (原煤, 进出口总额(亿元) → 进出口总额);
// empty when the row starts with a number.
func (s *scanner) rowLabel(i int) string {
	t := s.tableLineAt(i)
	start, end := t.start, t.end // the first cell
	if len(t.cellStart) > 1 {
		end = t.cellStart[1] - 1
	}
	label := strings.TrimSpace(string(s.orig[start:end]))
	if k := strings.IndexAny(label, "(（"); k > 0 {
		label = strings.TrimSpace(label[:k])
	}
	label = strings.TrimLeft(label, "#*#其中:：")
	if n, ok := readNumber([]rune(label), 0); label == "" || ok && n.arabic || end > i {
		return ""
	}
	return label
}

// unitBefore reads a unit given just before the number: "(亿元)12.5",
// a table cell "亿元\t12.5", or a row label "进出口总额(亿元)\t86.5".
func (s *scanner) unitBefore(start int) (unitSpec, float64, bool) {
	rs := s.rs
	if start == 0 || (rs[start-1] != ')' && rs[start-1] != '\t') {
		return unitSpec{}, 0, false
	}
	end := start - 1
	if rs[end] == '\t' {
		cellStart := end
		for cellStart > 0 && rs[cellStart-1] != '\t' && rs[cellStart-1] != '\n' && end-cellStart < 40 {
			cellStart--
		}
		if u, mul, ok := unitExpr(rs[cellStart:end]); ok {
			return u, mul, true
		}
		if end == 0 || rs[end-1] != ')' {
			return unitSpec{}, 0, false
		}
		end--
	}
	open := end - 1
	for open >= 0 && rs[open] != '(' && end-open < 8 {
		open--
	}
	if open < 0 || rs[open] != '(' {
		return unitSpec{}, 0, false
	}
	return unitExpr(rs[open+1 : end])
}

// unitExpr parses a bare unit expression such as 亿元, 万吨 or %.
func unitExpr(rs []rune) (unitSpec, float64, bool) {
	mul, j := 1.0, 0
	for j < len(rs) && chineseUnit[rs[j]] >= 1e4 {
		mul *= chineseUnit[rs[j]]
		j++
	}
	u, ok := matchUnit(rs, j)
	if !ok || u.kind == corpus.KindDate || j+len([]rune(u.word)) != len(rs) {
		return unitSpec{}, 0, false
	}
	return u, mul, true
}

// isCell reports a number that fills a table cell on its own.
func isCell(rs []rune, start, end int) bool {
	if start > 0 && rs[start-1] == '-' {
		start-- // a negative cell
	}
	before := start == 0 || rs[start-1] == '\t' || rs[start-1] == '\n'
	after := end == len(rs) || rs[end] == '\t' || rs[end] == '\n'
	return before && after
}

// dateAt turns a number with a calendar unit into a date figure, joining
// 2023年3月10日 into one, and drops 号/时 identifiers.
func (s *scanner) dateAt(n number, f *found) bool {
	rs := s.rs
	v := n.value()
	switch {
	case f.unit == "year":
	case hasPrefixRunes(rs, n.end, "月"):
		f.unit = "month"
		if v < 1 || v > 12 {
			return false
		}
	case hasPrefixRunes(rs, n.end, "日"):
		f.unit = "day"
		if v < 1 || v > 31 {
			return false
		}
	case hasPrefixRunes(rs, n.end, "季度"):
		f.unit = "quarter"
		if v < 1 || v > 4 {
			return false
		}
	default:
		return false
	}
	f.rule, f.approx, f.bound, f.change = "date", false, "", ""
	for f.end < len(rs) && (isDigit(rs[f.end]) || isChineseDigitRune(rs[f.end])) {
		m, ok := readNumber(rs, f.end)
		if !ok {
			break
		}
		u, ok := matchUnit(rs, m.end)
		if !ok || u.kind != corpus.KindDate || u.word == "号" || u.word == "时" {
			break
		}
		f.end = m.end + len([]rune(u.word))
	}
	return true
}

// fromColumn reads a table cell by its column header: 比上年增长(%) makes
// the cell a percent change, 投资额(亿元) gives it a unit.
func (s *scanner) fromColumn(n number) (found, bool) {
	header, ok := s.columnHeader(n.start)
	if !ok {
		return found{}, false
	}
	f := found{start: n.start, end: n.end, precision: n.decimals, rule: "unit_from_header", mult: 1,
		warnings: []string{"unit_from_header"}}
	value := n.value()
	if n.start > 0 && s.rs[n.start-1] == '-' {
		value, f.start = -value, f.start-1
	}
	switch {
	case strings.Contains(header, "%") || strings.Contains(header, "增长") || strings.Contains(header, "增速"):
		f.kind, f.unit, f.value = corpus.KindPercent, "%", value
		if strings.Contains(header, "增长") || strings.Contains(header, "增速") || strings.Contains(header, "比上年") {
			// A growth column: the sign gives the direction and stays on
			// the value, as the contract writes -3.9%.
			f.change = corpus.ChangeUp
			if value < 0 {
				f.change = corpus.ChangeDown
			}
		}
		return f, true
	}
	open, close := strings.LastIndex(header, "("), strings.LastIndex(header, ")")
	if open < 0 || close < open {
		return found{}, false
	}
	u, mul, ok := unitExpr([]rune(header[open+1 : close]))
	if !ok {
		return found{}, false
	}
	f.kind, f.unit, f.mult = u.kind, u.unit, mul*u.factor
	f.value = value * f.mult
	return f, true
}

func hasNumberCell(cells []string) bool {
	for _, c := range cells {
		rs := []rune(strings.TrimPrefix(strings.TrimSpace(c), "-"))
		if n, ok := readNumber(rs, 0); ok && n.arabic && n.end == len(rs) {
			return true
		}
	}
	return false
}

// rowUnit reads the unit of the table row holding rune i from its 单位
// column (项目 单位 计划 完成: every number of the row after the unit cell
// is in that unit), when its column header says nothing of its own.
func (s *scanner) rowUnit(i int) (unitSpec, float64, bool) {
	t := s.tableLineAt(i)
	if !t.headerOK {
		return unitSpec{}, 0, false
	}
	for u := 0; u < t.column(i) && u < len(t.cells) && u < len(t.header); u++ {
		if h := strings.TrimSpace(t.header[u]); h == "单位" || h == "计量单位" {
			return unitExpr([]rune(strings.TrimSpace(t.cells[u])))
		}
	}
	return unitSpec{}, 0, false
}

// columnHeader finds the header of the table column holding rune i: the
// same cell of the nearest line above, in the same block of tab-separated
// lines, that has no digits in it.
func (s *scanner) columnHeader(i int) (string, bool) {
	t := s.tableLineAt(i)
	if col := t.column(i); t.headerOK && col < len(t.header) {
		return t.header[col], true
	}
	return "", false
}

// tableLine is a line of the text read as table cells, once for all the
// numbers on it: a line of thousands of cells had been split again for
// each number, and each cell's header looked for again, which took time
// growing with the cube of the cells.
type tableLine struct {
	start, end int      // runes of the line, without its line break
	cells      []string // split at tabs
	cellStart  []int    // where each cell starts
	numeric    bool     // a cell holds a number alone
	header     []string // the cells of its column headers' line
	headerOK   bool     // there is such a line
}

// column is the cell of the line that rune i is in.
func (t *tableLine) column(i int) int {
	return sort.SearchInts(t.cellStart, i+1) - 1
}

// tableLineAt reads the line holding rune i, or gives the one read last.
func (s *scanner) tableLineAt(i int) *tableLine {
	if t := s.line; t != nil && i >= t.start && i <= t.end {
		return t
	}
	t := s.readTableLine(i)
	s.line = t
	return t
}

func (s *scanner) readTableLine(i int) *tableLine {
	rs := s.rs
	start, end := i, i
	for start > 0 && rs[start-1] != '\n' {
		start--
	}
	for end < len(rs) && rs[end] != '\n' {
		end++
	}
	t := &tableLine{start: start, end: end, cells: strings.Split(string(rs[start:end]), "\t")}
	at := start
	for _, c := range t.cells {
		t.cellStart = append(t.cellStart, at)
		at += utf8.RuneCountInString(c) + 1
	}
	t.numeric = hasNumberCell(t.cells)
	t.header, t.headerOK = s.headerAbove(start)
	return t
}

// headerAbove finds the column headers of the line starting at rune
// start: the nearest line above, all of them tab-separated, with no
// number cell. The line above, when it was read last, answers at once.
func (s *scanner) headerAbove(start int) ([]string, bool) {
	if prev := s.line; prev != nil && prev.end+1 == start {
		switch {
		case len(prev.cells) < 2:
			return nil, false
		case !prev.numeric:
			return prev.cells, true
		}
		return prev.header, prev.headerOK
	}
	rs := s.rs
	for end := start - 1; end > 0; {
		from := end
		for from > 0 && rs[from-1] != '\n' {
			from--
		}
		line := string(rs[from:end])
		if !strings.Contains(line, "\t") {
			return nil, false
		}
		cells := strings.Split(line, "\t")
		if !hasNumberCell(cells) {
			return cells, true
		}
		end = from - 1
	}
	return nil, false
}
