package extract

// Periods and comparison bases: where they are printed, which clause
// they govern, and how they resolve to dates (corpus.ResolvePeriod).

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

var periodRe = regexp.MustCompile(`^(?:截至(?:目前|\d{4}年(?:\d{1,2}月)?(?:底|末)?|(?:今年|去年|上年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?|(?:今年|去年|上年)?[一二三四]?季度?(?:底|末))` +
	`|\d{4}(?:-|—|至)\d{4}年|(?:\d{4}|` + chineseYearDigits + `{4})年(?:至|到)(?:\d{4}|` + chineseYearDigits + `{4})年` +
	`|(?:\d{4}|` + chineseYearDigits + `{4})年(?:\d{1,2}(?:-|—|至|到)\d{1,2}月份?|\d{1,2}月份?|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|全年|年初|年末|年底|首日|以来|起|底|末)?` +
	`|(?:今年|去年|上年|当年)?(?:上半年|下半年|前三季度|[一二三四]季度|\d{1,2}(?:-|—|至|到)\d{1,2}月份?)` +
	`|(?:今年|去年|上年|当年)\d{1,2}月份?` +
	`|自\d{4}年(?:\d{1,2}月)?(?:成立)?以来|(?:成立|运行|实施|签约|开展|启动|投产|开工)以来` +
	`|上半年|下半年|前三季度|前两季度|[一二三四]季度|第[一二三四]季度` +
	`|(?:过去的?|近|最近|这|前)(?:` + spanYears + `|几)年(?:来|间|中|里|以来|累计|内)?|` + spanYears + `年(?:来|间|以来|累计|中|内)` +
	`|“?(?:十[一二三四五]?|[一二三四五六七八九])五”?(?:计划|规划)?(?:期间|时期|以来|期末|末)|第[一二三四五六七八九十]{1,3}个五年计划(?:期间|时期)?` +
	`|今年以来|年初以来|(?:今年|去年|当年)(?:年底|年末|底|末)|今年|去年|明年|上年末|上年|当年|全年|年内|年末|年底|年初|期末|目前|“?十[三四五]五”?(?:期间|时期)?` +
	`|\d{1,2}月份)`)

// clauseSpanRe is a bare span of years in words, with 累计, that opens a
// clause of a report: 五年铁路正线铺轨总里程…, 五年累计实际利用外资…
// (digits are left out: 19年 is a year cut short).
var clauseSpanRe = regexp.MustCompile(`^(?:[二三四五六七八九]?十[一二三四五六七八九]?|[两二三四五六七八九])年(?:累计)?`)

// clauseSpan is the span of years that opens the clause at rune i and is
// the period of what the clause goes on to say (五年全社会固定资产投资累计
// 完成近10万亿元), or "": not a plan's name (五年计划, 十年规划), not a
// span a period word follows (五年来, 五年内: periodRe's), not before a
// figure or in a word.
func clauseSpan(rs []rune, i int) string {
	if i > 0 && !strings.ContainsRune("。；;，,！？\n　 ：:", rs[i-1]) {
		return ""
	}
	m := clauseSpanRe.FindString(string(rs[i:min(len(rs), i+8)]))
	if m == "" {
		return ""
	}
	next := i + utf8.RuneCountInString(m)
	if next >= len(rs) || !isHan(rs[next]) || strings.ContainsRune("来以内间中里前后底末初度级制期代纪龄份半轻的多磨", rs[next]) ||
		startsAny(rs, next, clauseSpanNot) {
		return ""
	}
	return m
}

// clauseSpanNot follow a span of years that is no period: a plan's name
// (五年计划, 十年规划纲要), a transition, a campaign.
var clauseSpanNot = []string{"计划", "规划", "发展规划", "科学规划", "过渡", "行动", "攻坚", "农业计划", "一贯"}

// chineseYearDigits are the digits of a year written in Chinese (一九八五年);
// spanYears the counts of a span counted back (过去五年, 五年来).
const (
	chineseYearDigits = `[〇○零一二三四五六七八九]`
	spanYears         = `(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]|\d{1,2})`
)

// chineseYearAt reports a year written in Chinese digits at rune i
// (一九八五年, 一九八○年), not in the middle of a longer numeral.
func chineseYearAt(rs []rune, i int) bool {
	if i+4 >= len(rs) || rs[i+4] != '年' || (i > 0 && isChineseNumeral(rs[i-1])) {
		return false
	}
	for _, r := range rs[i : i+4] {
		if !strings.ContainsRune("〇○零一二三四五六七八九", r) {
			return false
		}
	}
	return true
}

// periodStarts are the two-character beginnings of non-numeric periods;
// the period expression is tried only at them and at numbers, on a short
// window.
var periodStarts, periodFirst = buildPeriodStarts()

func buildPeriodStarts() (map[[2]rune]bool, *runeSet) {
	starts, first := map[[2]rune]bool{}, &runeSet{}
	for _, w := range strings.Fields("截至 自2 自1 上半 下半 前三 前两 一季 二季 三季 四季 第一 第二 第三 第四 第五 第六 第七 第八 第九 第十 今年 去年 明年 上年 当年 全年 年内 年末 年底 年初 期末 目前 " +
		"近一 近两 近二 近三 近四 近五 近六 近七 近八 近九 近十 近1 近2 近3 近4 近5 近6 近7 近8 近9 过去 最近 前两 前二 前四 前五 前六 前七 前八 前九 前十 前几 这两 这二 这三 这四 这五 这六 这七 这八 这九 这十 这几 近几 一年 两年 二年 三年 四年 五年 六年 七年 八年 九年 十年 " +
		"十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 三十 四十 五十 六十 七十 八十 九十 “十 “一 “二 “三 “四 “五 “六 “七 “八 “九 一五 二五 三五 四五 五五 六五 七五 八五 九五 成立 运行 实施 签约 开展 启动 投产 开工") {
		r := []rune(w)
		starts[[2]rune{r[0], r[1]}] = true
		first.add(r[0])
	}
	return starts, first
}

func periodCandidate(rs []rune, i int) bool {
	if chineseYearAt(rs, i) {
		return true
	}
	if isDigit(rs[i]) {
		if i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.') {
			return false
		}
		j := i
		for j < len(rs) && isDigit(rs[j]) {
			j++
		}
		// Only a year, month or span starts a period (2023年, 6月, 1-6月份, 2021—2025年);
		// the regular expression need not look at any other number.
		return j < len(rs) && strings.ContainsRune("年月-—至到", rs[j])
	}
	if i > 0 && isChineseNumeral(rs[i-1]) && (strings.ContainsRune("十百千万亿零〇", rs[i-1]) || rs[i] == '十') {
		return false // 十八年间 inside 二十八年间 or 一百二十八年: a period starts with its numeral (but 两三年内 is 三年内)
	}
	return i+1 < len(rs) && periodFirst.has(rs[i]) && periodStarts[[2]rune{rs[i], rs[i+1]}]
}

var baseRe = regexp.MustCompile(`^(?:[同与和跟](?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:相比|比较)|[同与和跟](?:上年|去年|上年同期|去年同期)(?:相比|比较)|同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|比同期|较同期|比上一年|较上一年|比前一年|上年同期|去年同期|[比较]上年(?:执行数|决算数|预算数|实际数)|比上年末|较上年末|比上年|较上年|比去年|较去年|[比较](?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:全年|同期)?|[比较][一二三四]季度|[比较]\d{1,2}-\d{1,2}月|占(?:全省|全市|全国|全区|全县)|(?:高于|低于|快于|慢于)(?:全省|全市|全国|全区|上年|去年|\d{4}年)(?:平均水平|平均增速|平均)?|较年初|比年初|[同与和跟]“?(?:[一二三四五六七八九]五|十[一二三四五]?五)”?(?:时期|期间)?(?:相比|比较)|[比较](?:“(?:[一二三四五六七八九]五|十[一二三四五]?五)”(?:时期|期间|期末|末)?|(?:[一二三四五六七八九]五|十[一二三四五]?五)(?:时期|期间|期末|末))(?:\d{4}年)?(?:目标|规划目标|计划目标)?)`)

// exceededPlanRe is a plan, a budget or a target that a figure exceeds:
// 超过原定的年度计划百分之四点一 compares with the plan.
var exceededPlanRe = regexp.MustCompile(`^超[过出]了?([\p{Han}“”]{0,24}(?:计划|预算|指标|任务|目标|投资额|规定数|计划数|预算数))`)

// exceededPlan reads the plan, budget or target a rate right after it
// exceeds (超过第一个五年计划总投资额百分之十四点一: the plan's total is
// the base): the whole span from rune i, and the plan; "" where there is
// none, or where what follows is the plan's own amount (超过原定计划四百
// 二十七亿元的百分之十). text is the text from i.
func exceededPlan(rs []rune, i int, text string) (whole, plan string) {
	if rs[i] != '超' {
		return "", ""
	}
	m := exceededPlanRe.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	end := i + utf8.RuneCountInString(m[0])
	if !rateAt(rs, end) {
		return "", ""
	}
	return m[0], m[1]
}

// rateAt reports a rate or a multiple printed at rune i: 百分之十四点一,
// 4.5%, 两倍, 三成.
func rateAt(rs []rune, i int) bool {
	if hasPrefixRunes(rs, i, "百分之") {
		return true
	}
	k := i
	for k < len(rs) && (isDigit(rs[k]) || strings.ContainsRune(".．点", rs[k]) || isChineseNumeral(rs[k]) && rs[k] != '万' && rs[k] != '亿') {
		k++
	}
	return k > i && k < len(rs) && strings.ContainsRune("%％倍成", rs[k])
}

// isBaseFirst reports the characters a comparison base can start with.
func isBaseFirst(r rune) bool {
	switch r {
	case '同', '环', '比', '较', '上', '去', '占', '高', '低', '快', '慢', '与', '和', '跟':
		return true
	}
	return false
}

// multipleAt reports a multiple (2.2倍, 三点七倍) starting at rune i.
func multipleAt(rs []rune, i int) bool {
	k := i
	for k < len(rs) && k-i < 8 && (isDigit(rs[k]) || rs[k] == '.' || isChineseNumeral(rs[k]) || rs[k] == '点') {
		k++
	}
	return k > i && k < len(rs) && rs[k] == '倍'
}

// periodNouns make a period word part of a noun: 上年结转, 上年结余 are
// budget items, 上年不变价格 a price basis.
var periodNouns = words("period_nouns")

// inBase reports a rune inside a comparison base (同1987年相比).
func (ff *frameFinder) inBase(i int) bool {
	k := sort.Search(len(ff.bases), func(k int) bool { return ff.bases[k].start > i }) - 1
	return k >= 0 && ff.bases[k].end > i
}

// lastBase is the last comparison base printed in rs[a:b].
func (ff *frameFinder) lastBase(a, b int) string {
	k := sort.Search(len(ff.bases), func(k int) bool { return ff.bases[k].start >= b }) - 1
	if k >= 0 && ff.bases[k].start >= a && ff.bases[k].end <= b {
		return ff.bases[k].text
	}
	return ""
}

// periodsFrom is the index of the first period starting at or after i.
func (ff *frameFinder) periodsFrom(i int) int {
	return sort.Search(len(ff.periods), func(k int) bool { return ff.periods[k].start >= i })
}

// pastYear reports the year under review named as a span (一年来, 过去一年,
// 过去的一年): carried into later sentences it says no more than their
// period_from/to do, and those sentences print no period (the gold's
// convention: the review year, or "").
func pastYear(p string) bool {
	return pastYearRe.MatchString(p)
}

var pastYearRe = regexp.MustCompile(`^(?:过去的?|近|最近)?一年(?:来|间|中|里|以来)?$`)

// spanPeriod reports a period that spans years (这两年中, 1978年到1982年,
// 五年来, “十一五”期间): the start of a change over it belongs to it too.
func spanPeriod(p string) bool {
	return strings.ContainsAny(p, "至到-—") || hasAnySuffix(p, []string{"年来", "年中", "年间", "年里", "期间", "时期", "以来", "累计", "年内"}) ||
		startsAny([]rune(p), 0, []string{"过去", "近", "最近", "这", "前"})
}

// periodOver is the text of the period that the figure is part of (五年 of
// 五年内, 两年 of 这两年中), or "".
func (ff *frameFinder) periodOver(f found) string {
	for k := ff.periodsFrom(max(0, f.start-4)); k < len(ff.periods) && ff.periods[k].start <= f.start; k++ {
		if p := ff.periods[k]; p.end >= f.end {
			return p.text
		}
	}
	return ""
}

// periodBefore is the period of a figure's own clause, else the one that
// opens its sentence: a period in an earlier clause (2019年设立的13家…，34个
// 开发区…) belongs to that clause.
func (ff *frameFinder) periodBefore(sentStart, at int) string {
	clause := ff.clauseStart(sentStart, at)
	best := ""
	for k := ff.periodsFrom(sentStart); k < len(ff.periods) && ff.periods[k].start < at; k++ {
		p := ff.periods[k]
		if v := ff.valueOf(p); v >= 0 && v != at {
			// 由1978年的36.5%降为33.6%: the year is the first value's, not
			// the figure after it.
			continue
		}
		if v := ff.valueOf(p); v < 0 && hasPrefixRunes(ff.rs, p.end, "的") && comparedBefore(ff.rs, p.start) {
			continue // 比“文化大革命”前十七年的总和还多83%: what is compared with, not when
		}
		standsAlone := p.end < len(ff.rs) && isClauseBreak(ff.rs[p.end]) // 年初，…: the sentence's
		if p.end <= at && (p.start >= clause || !ff.attributive(p) && (!isPointInTime(p.text) || standsAlone)) {
			// A start of year dates its own clause only: 2025年年初…预算代编数
			// 1720.24亿元，加上预算执行中新增转移支付… happens over the year.
			best = p.text
		}
	}
	return best
}

// valueOf is where the figure starts that a period qualifies directly
// (1978年的36.5%), or -1.
func (ff *frameFinder) valueOf(p span) int {
	i := p.end
	if i < len(ff.rs) && ff.rs[i] == '的' {
		i++
	}
	if i > p.end && ff.figureStart[i] {
		return i
	}
	return -1
}

// leadingYear is the year a period starts with (2020年全年 → 2020), or 0.
func leadingYear(p string) int {
	if !startsWithYear(p) {
		return 0
	}
	y, _ := strconv.Atoi(p[:4])
	return y
}

// isRelativePeriod reports periods that name their own reference (今年,
// 截至目前) and so take no year from elsewhere.
func isRelativePeriod(p string) bool {
	for _, w := range []string{"今年", "去年", "上年", "当年", "目前", "截至", "以来", "期间", "时期", "年内", "近", "过去", "年来", "年间", "累计"} {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}

func isBareYear(p string) bool {
	return len(p) == len("2020年") && startsWithYear(p)
}

func startsWithYear(p string) bool {
	return len(p) >= 4 && isDigit(rune(p[0])) && isDigit(rune(p[1])) && isDigit(rune(p[2])) && isDigit(rune(p[3]))
}

// attributive reports a period that only qualifies a noun (2019年设立的13家
// 开发区): a verb and 的 follow it within its clause.
func (ff *frameFinder) attributive(p span) bool {
	if k := strings.IndexRune(string(ff.rs[p.end:min(len(ff.rs), p.end+12)]), '的'); k >= 0 {
		if after := string(ff.rs[p.end:min(len(ff.rs), p.end+16)]); containsAny(after[k:], []string{"目标", "计划", "任务", "预期"}) {
			return false // 今年发展的主要预期目标是…: the year dates the targets
		}
	}
	for j := p.end; j < len(ff.rs) && j < p.end+4; j++ {
		if ff.rs[j] == '的' {
			return j > p.end
		}
		if !isHan(ff.rs[j]) {
			return false
		}
	}
	return false
}

func (ff *frameFinder) periodAt(i int) bool {
	_, ok := ff.periodStart[i]
	return ok
}

// openingPeriod is a period at the start of the sentence (after openers
// such as 其中, 目前), which holds for the whole sentence.
func (ff *frameFinder) openingPeriod(sentStart, limit int) string {
	i := sentStart
	if w, ok := openerIndex.at(ff.rs, i); ok && !ff.periodAt(i) {
		i += len([]rune(w))
	}
	for i < limit && strings.ContainsRune(",， ", ff.rs[i]) {
		i++
	}
	if p, ok := ff.periodStart[i]; ok && p.end <= limit && !ff.attributive(p) {
		return p.text // not 2019年设立的13家开发区…: that year qualifies a noun
	}
	return ""
}

// periodKey caches resolved periods: a document repeats few of them.
type periodKey struct {
	text string
	year int
}

// resolvePeriod turns a period into ISO dates where the text and the
// document's year allow, by the one period grammar (corpus.ResolvePeriod).
func (ff *frameFinder) resolvePeriod(p string, docYear int) (string, string) {
	key := periodKey{p, docYear}
	if r, ok := ff.resolved[key]; ok {
		return r.From, r.To
	}
	r, ok := corpus.ResolvePeriod(p, docYear)
	if ff.resolved == nil {
		ff.resolved = map[periodKey]corpus.Period{}
	}
	ff.resolved[key] = r
	if !ok {
		return "", ""
	}
	return r.From, r.To
}

// planPeriodRe is a five-year plan's period (“六五”时期, 十三五期间).
var planPeriodRe = regexp.MustCompile(`^“?(?:十[一二三四五]?|[一二三四五六七八九])五”?(?:计划|规划)?(?:期间|时期|期末|末)?$`)

// yearRangeEnds splits a period from one year to another (从一九八○年至一九
// 八五年, 2018-2022年) into its first and last year; ok is false for any
// other period.
func yearRangeEnds(p string) (from, to string, ok bool) {
	m := yearRangeRe.FindStringSubmatch(p)
	if m == nil {
		return "", "", false
	}
	return strings.TrimSuffix(m[1], "年") + "年", m[2], true
}

var yearRangeRe = regexp.MustCompile(`^从?((?:\d{4}|[〇○零一二三四五六七八九]{4})年?)(?:至|到|-|—|－)((?:\d{4}|[〇○零一二三四五六七八九]{4})年)$`)

// isPointInTime reports the start of a year (2025年年初): it dates the
// budget as first passed in its own sentence, not the year's outcomes
// that the next sentences report. (截至6月底 and 年末 do carry: a report
// goes on about the same moment.)
func isPointInTime(p string) bool {
	return strings.HasSuffix(p, "年初")
}

// openingBase is a comparison base that opens a sentence right after its
// period (一九五七年比一九五二年，…): it holds for every figure of the
// sentence.
func (ff *frameFinder) openingBase(sentStart, limit int) string {
	i := ff.skipOpening(sentStart, limit)
	k := sort.Search(len(ff.bases), func(k int) bool { return ff.bases[k].start >= i })
	if k < len(ff.bases) && ff.bases[k].start == i && ff.bases[k].end < limit && isClauseBreak(ff.rs[ff.bases[k].end]) {
		return ff.bases[k].text
	}
	return ""
}
