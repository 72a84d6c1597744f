package extract

// Targets: plans, goals, budgets and forecasts, which are never compared
// with outcomes. A figure is a target when a cue (预期目标, 力争, 计划…)
// governs it in its sentence, when its section is a budget draft or plan,
// when its period begins after the document's date, or, in a report, ends
// after it.

import (
	"regexp"
	"sort"
	"strings"

	"reportmine/corpus"
)

// targetIndex finds the target cues; futureVerbIndex the verbs after a
// future 将.
var (
	targetIndex     = newWordIndex(words("target_cues"))
	futureVerbIndex = newWordIndex(append(words("level_verbs"), "比", "生产", "建成", "完成", "新增", "实现", "有", "可", "在"))
)

// isTarget reports a figure that a plan, goal or forecast states.
func (ff *frameFinder) isTarget(c *figureAt, fr frame) bool {
	if ff.baseValue(c.f) {
		return false // 比一九五八年的二百一十四亿元: the past value a plan is compared with
	}
	if ff.date != "" && fr.periodFrom != "" && fr.periodFrom > dayOf(ff.date, false) {
		return true // 明年, 2027年 in a report of 2026: not yet begun
	}
	if ff.report && !ff.claim && ff.date != "" && namesItsYear(fr.period) && fr.periodTo > dayOf(ff.date, true) && !strings.Contains(fr.period, "以来") && !strings.HasPrefix(fr.period, "截至") {
		// 今年 in a report given in March: a figure for a period not yet
		// over is a plan or forecast, not an outcome (but 今年以来 reports
		// what has been done so far).
		return true
	}
	if ff.targetSection(c.f.start) {
		return true
	}
	return ff.targetCue(c.f, fr)
}

// targetCue reports a cue before the figure in its sentence (up to the
// previous 。), which a list of targets continues over ；.
func (ff *frameFinder) targetCue(f found, fr frame) bool {
	if ff.cues == nil {
		ff.indexCues()
	}
	// The sentence ends at 。 (not at ；, which separates a list of targets).
	k := sort.SearchInts(ff.fullStops, f.start) - 1
	lo := max(0, f.start-maxLookBack)
	if k >= 0 {
		lo = max(lo, ff.fullStops[k]+1)
	}
	for c := sort.Search(len(ff.cues), func(c int) bool { return ff.cues[c].start >= lo }); c < len(ff.cues) && ff.cues[c].end <= f.start; c++ {
		if ff.cueHolds(ff.cues[c].text, ff.cues[c].start, fr) {
			return true
		}
	}
	return false
}

// indexCues finds every target cue and full stop of the text once.
func (ff *frameFinder) indexCues() {
	ff.cues = []span{}
	for i, r := range ff.rs {
		if r == '。' || r == '\n' || r == '!' || r == '?' {
			ff.fullStops = append(ff.fullStops, i)
		}
		if w, ok := targetIndex.at(ff.rs, i); ok {
			ff.cues = append(ff.cues, span{start: i, end: i + len([]rune(w)), text: w})
		}
	}
}

// cueHolds rules out the uses of a cue word that state an outcome: 年计划
// and 为计划的 (a completion ratio), 主要 and 需要 (not the modal 要), 预计
// for a period already over.
func (ff *frameFinder) cueHolds(w string, i int, fr frame) bool {
	rs := ff.rs
	before := func(s string) bool { return strings.ContainsRune(s, at(rs, i-1)) }
	after := func(s string) bool { return strings.ContainsRune(s, at(rs, i+len([]rune(w)))) }
	switch w {
	case "计划":
		return !before("年为按原照超比") && !after("的数内外")
	case "要":
		return !before("主重需必只纲摘简概首次紧扼") && !after("求素点闻害件是素领")
	case "预计":
		// A forecast for a period not yet over; with a date but no
		// period, an estimate of the year under review.
		if ff.date == "" {
			return true
		}
		return fr.periodTo != "" && fr.periodTo >= dayOf(ff.date, true)
	case "将":
		// The future 将 (将达到, 将比…增长, 将生产), not the 将 that moves
		// an object (将…纳入).
		_, ok := futureVerbIndex.at(rs, i+1)
		return ok
	}
	return true
}

// at is rs[i], or 0 outside it.
func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// targetSection reports a figure under a heading of a plan or budget draft
// (二、2019年全市和市本级预算草案, 今年工作安排).
func (ff *frameFinder) targetSection(at int) bool {
	for _, s := range ff.plans {
		if s.start <= at && at < s.end {
			return true
		}
	}
	return false
}

// dayOf completes an ISO date of a year or month to its first day (or
// its last, for end).
func dayOf(date string, end bool) string {
	switch len(date) {
	case 4:
		if end {
			return date + "-12-31"
		}
		return date + "-01-01"
	case 7:
		if end {
			return date + "-28"
		}
		return date + "-01"
	}
	return date
}

// baseValue reports a figure that is the value of a comparison base (比
// 一九五八年的二百一十四亿元增长…): a past outcome, whatever the plan.
func (ff *frameFinder) baseValue(f found) bool {
	_, ok := ff.valueBase(f)
	return ok
}

// valueBase is the base (比… or 较…) a compared value stands in: right
// before it with a change after it (较“十三五”末2020年88.23亿元增加125.27亿
// 元), or before 的 (比一九五二年的八百二十七亿一千万元).
func (ff *frameFinder) valueBase(f found) (span, bool) {
	at := ff.backOverSpaces(f.start)
	if at == 0 {
		return span{}, false
	}
	b, ok := ff.baseEnd[at]
	if !ok || !ff.changeAfter(f.end) {
		if ff.rs[at-1] != '的' {
			return span{}, false
		}
		b, ok = ff.baseEnd[at-1]
	}
	if ok && (strings.HasPrefix(b.text, "比") || strings.HasPrefix(b.text, "较")) {
		return b, true
	}
	return span{}, false
}

// changeAfter reports a word of change right after rune i (增加, 增长,
// 减少, 下降, 提高, 多, 少).
func (ff *frameFinder) changeAfter(i int) bool {
	for _, w := range []string{"增加", "增长", "减少", "下降", "提高", "降低", "多", "少"} {
		if hasPrefixRunes(ff.rs, i, w) {
			return true
		}
	}
	return false
}

// baseValuePeriod is the period of the value a figure is compared with,
// when its base names one: 比一九五二年的八百二十七亿一千万元 is 一九五二年's.
func (ff *frameFinder) baseValuePeriod(f found) string {
	b, ok := ff.valueBase(f)
	if !ok {
		return ""
	}
	rest := string([]rune(b.text)[1:])
	if m := periodRe.FindString(rest); m != "" && m == rest {
		return rest
	}
	if y := trailingYearRe.FindString(rest); y != "" {
		return y // 较“十三五”末2020年88.23亿元: 2020年's
	}
	return ""
}

// trailingYearRe is a year that ends a base (“十三五”末2020年).
var trailingYearRe = regexp.MustCompile(`\d{4}年$`)

// startValue reports the value a change starts from: 由3480亿元增加到9380
// 亿元 (由 before it, and 到, 至 or 为 after it on the way to the next figure
// of its clause).
func (ff *frameFinder) startValue(fs []found, i int) bool {
	at := ff.backOverSpaces(fs[i].start)
	if at == 0 || ff.rs[at-1] != '由' || i+1 >= len(fs) {
		return false
	}
	between := ff.rs[fs[i].end:fs[i+1].start]
	if len(between) > 8 || strings.ContainsFunc(string(between), isClauseBreak) {
		return false
	}
	return strings.ContainsAny(string(between), "到至为")
}

// startValuePeriod is the year of a base that opens the sentence
// (1986年同1978年相比，…): the period of the value a change starts from
// there (由3480亿元增加到9380亿元 → 1978年), or "".
func (ff *frameFinder) startValuePeriod(sentStart int, f found) string {
	open := []rune(ff.openingBase(sentStart, f.start))
	for k := range open {
		if m := periodRe.FindString(string(open[k:])); m != "" && (leadingYearOf(m) || planPeriodRe.MatchString(m)) {
			return m
		}
	}
	return ""
}

// startValueDate is the period of figure i when it is the value a change
// starts from and its clause names no period of its own (period is the
// one it would take otherwise), or "": the cheap tests first, for every
// figure passes here.
func (ff *frameFinder) startValueDate(fs []found, i, sentStart int, period string) string {
	if !ff.startValue(fs, i) || spanPeriod(period) && !planPeriodRe.MatchString(period) {
		return ""
	}
	if ff.clausePeriod(sentStart, fs[i].start) && !ff.comparedFirst(sentStart, fs[i].start) {
		return "" // …，今年计划由3.9亿吨增加到4亿吨: the clause's own year
	}
	return ff.startValuePeriod(sentStart, fs[i])
}

// comparedFirst reports a sentence that opens with what it compares with,
// the figure at rune at in the clause right after: 同“五五”时期相比，“六五”
// 时期粮食的年平均产量由…增加到…, whose period is the comparison's other
// side, as in “六五”时期同“五五”时期相比，….
func (ff *frameFinder) comparedFirst(sentStart, at int) bool {
	i := ff.skipOpening(sentStart, at)
	k := sort.Search(len(ff.bases), func(k int) bool { return ff.bases[k].start >= i })
	if k == len(ff.bases) || ff.bases[k].start != i || !strings.HasSuffix(ff.bases[k].text, "相比") && !strings.HasSuffix(ff.bases[k].text, "比较") {
		return false
	}
	end := ff.bases[k].end
	return end < at && isClauseBreak(ff.rs[end]) && ff.clauseStart(sentStart, at) == end+1
}

// leadingYearOf reports a period that is a year (1978年, 一九七八年).
func leadingYearOf(p string) bool {
	rs := []rune(p)
	return len(rs) == 5 && rs[4] == '年' && (startsWithYear(p) || chineseYearAt(rs, 0))
}

// namesItsYear reports a period that says which year it is (2026年, 今年,
// 一九五九年), unlike a bare 全年 or 上半年, which a report given early in a
// year uses of the year it reviews as well as of the year it plans.
func namesItsYear(p string) bool {
	if _, ok := corpus.ResolvePeriod(p, 0); ok {
		return true // 2026年, 一九五九年, 第一个五年计划: resolved without a year to lean on
	}
	return strings.HasPrefix(p, "今年") || strings.HasPrefix(p, "本年") || strings.HasPrefix(p, "明年")
}
