package extract

// Metrics: the noun phrase a figure measures. The rules are tried in the
// order of metricRules; a verb, preposition or fragment is never a metric.

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

//go:embed indicators.txt
var indicatorsTxt string

// trailingWords are stripped from the end of the text before a figure to
// reach the noun it measures: verbs, qualifiers and comparison words.
var trailingWords = sortedByLength(words("trailing"))

// stageSpans name what the time between two stages of a project measures:
// from signing (签约, 对接, 注册) to breaking ground is 落地周期, from
// building to producing is 建设周期.
var (
	dealStages  = words("stage_deal")
	startStages = words("stage_start")
	buildStages = words("stage_build")
	endStages   = words("stage_end")
)

// genericTimes are words a time figure carries that say nothing of what
// it times (时限由238天压缩至58天).
var genericTimes = map[string]bool{"时限": true, "时间": true, "用时": true, "周期": true, "": true}

// durationMetric names what a time figure measures when its own words do
// not: the span 从A到B before it in the clause, else a …时间 or …周期 named
// earlier in the sentence.
func (ff *frameFinder) durationMetric(sentStart, at int, metric string) string {
	if !genericTimes[metric] {
		return ""
	}
	clause := ff.clauseStart(sentStart, at)
	text := string(ff.rs[clause:at])
	if k := strings.LastIndex(text, "从"); k >= 0 {
		if from, to, ok := strings.Cut(text[k+len("从"):], "到"); ok {
			if span := stageSpan(from, to); span != "" {
				return span
			}
		}
	}
	for i := clause - 1; i-2 > sentStart; i-- {
		if ff.rs[i-1] == '间' && ff.rs[i-2] == '时' || ff.rs[i-1] == '期' && ff.rs[i-2] == '周' {
			if i-4 >= sentStart && isHan(ff.rs[i-4]) && isHan(ff.rs[i-3]) && ff.rs[i-4] != '的' && ff.rs[i-3] != '的' {
				return string(ff.rs[i-4 : i]) // 缩短项目的落地时间，时限由238天…
			}
		}
	}
	return ""
}

// stageSpan reads 从签约到开工 as 落地周期 and 从建设到投产 as 建设周期.
func stageSpan(from, to string) string {
	has := containsAny
	switch {
	case has(from, dealStages) && has(to, startStages):
		return "落地周期"
	case has(from, buildStages) && has(to, endStages):
		return "建设周期"
	case has(from, dealStages) && has(to, endStages):
		return "投产周期"
	}
	return ""
}

// isGradeModifier reports a metric that is only a level or class (国家级,
// 自治区级, 民营), whose noun the text leaves to the figure before.
func isGradeModifier(m string) bool {
	n := len([]rune(m))
	return (strings.HasSuffix(m, "级") && n <= 4) || (strings.HasSuffix(m, "类") && n >= 2 && n <= 7)
}

// gradePrefix is the level a metric starts with (省级 of 省级科创平台).
func gradePrefix(m string) string {
	if i := strings.Index(m, "类"); i > 0 && utf8.RuneCountInString(m[:i]) <= 6 {
		return m[:i+len("类")] // 数字经济类科创平台
	}
	if i := strings.Index(m, "级"); i > 0 && utf8.RuneCountInString(m[:i]) <= 3 { // 自治区级
		return m[:i+len("级")]
	}
	return ""
}

// sameUnitBefore is the last figure before fs[i] in the sentence that
// counts in unit, or -1.
func sameUnitBefore(fs []found, i int, unit string, sentStart int) int {
	for q := i; q >= 0 && fs[q].start >= sentStart; q-- {
		if fs[q].unit == unit {
			return q
		}
	}
	return -1
}

// bareMeasures are measures that name no noun of their own: after a
// figure of the same clause they measure its metric.
var bareMeasures = wordSet("bare_measures")

// pullOnGrowth reads the points a part adds to the whole's growth as the
// pull it names, whole: 拉动全市经济增长2个百分点 measures 拉动全市经济增长
// (the verb and the scope are the point here, where elsewhere they are
// stripped).
func (ff *frameFinder) pullOnGrowth(m ownMetric) string {
	if m.f.kind != corpus.KindPPT {
		return ""
	}
	end := m.f.start
	for end > m.regionStart && !isHan(ff.rs[end-1]) {
		end--
	}
	text := string(ff.rs[m.regionStart:end])
	k := strings.LastIndex(text, "拉动")
	if k < 0 {
		return ""
	}
	pull := text[k:]
	whole, ok := strings.CutSuffix(strings.TrimPrefix(pull, "拉动"), "增长")
	if !ok || whole == "" || utf8.RuneCountInString(whole) > 12 || strings.ContainsFunc(whole, func(r rune) bool { return !isHan(r) && !isASCIIAlnum(r) }) {
		return ""
	}
	return "拉动" + whole // metric adds the 增长 that follows, as for a pull the other rules find
}

// ownMetric is what the metric rules see: the figure, where its own
// words start, and where they end once trailing verbs, bases and
// qualifiers are stripped.
type ownMetric struct {
	f                found
	regionStart, end int
}

// ownMetricRule reads the metric from the figure's own words, or "".
type ownMetricRule struct {
	name string
	read func(ff *frameFinder, m ownMetric) string
}

// ownMetricRules are tried in order; the first that names a metric wins.
// Nouns the figure itself introduces (一期8条生产线, 签约1966个项目) come
// before the words in front of it; a known indicator before a bare noun
// walk; the sentence's topic and the nouns after a figure last.
var ownMetricRules = []ownMetricRule{
	{"pull on growth", (*frameFinder).pullOnGrowth},
	{"what was basically done", (*frameFinder).basicallyDone},
	{"phase and its noun", (*frameFinder).phaseNoun},
	{"listed product", (*frameFinder).listedProductNoun},
	{"counted noun", (*frameFinder).countedNoun},
	{"noun before a parenthesis", (*frameFinder).parenthesizedNoun},
	{"annual capacity", (*frameFinder).capacityNoun},
	{"indicator in a gloss", (*frameFinder).glossIndicator},
	{"share of a whole", (*frameFinder).shareNoun},
	{"use of money", (*frameFinder).moneyUse},
	{"indicator with its target head", (*frameFinder).indicatorWithHead},
	{"indicator", (*frameFinder).indicatorNoun},
	{"items before 等", (*frameFinder).etcItems},
	{"noun phrase before", (*frameFinder).nounBefore},
	{"noun after", (*frameFinder).nounAfterFigure},
}

// metric finds the noun phrase a figure measures from its own words.
func (ff *frameFinder) metric(regionStart int, f found) string {
	end := ff.throughShare(regionStart, ff.stripTrailing(regionStart, f.start))
	m := ownMetric{f: f, regionStart: regionStart, end: end}
	for _, r := range ownMetricRules {
		if noun := r.read(ff, m); noun != "" {
			if _, ok := personalPronouns.at([]rune(noun), 0); ok {
				continue // 使它逐年下降，…要降到千分之五: no noun of its own
			}
			if _, ok := clauseConjunctions.at([]rune(noun), 0); ok {
				continue // 如果人们用来买吃的就需要…: a condition, no noun
			}
			if degreeAdverbs[noun] {
				return "" // 远远超过…的速度: how much, not what (nor what a later rule finds further off)
			}
			if strings.HasPrefix(noun, "拉动") && hasPrefixRunes(ff.rs, m.end, "增长") {
				noun += "增长" // 拉动GDP增长0.1个百分点: the pull is on growth
			}
			if endsWithRunes(ff.rs, m.end, noun) {
				// 用于“三农”的支出: what money is for is what it measures.
				noun = ff.purposeBefore(regionStart, m.end-len([]rune(noun)), noun) + noun
			}
			if f.kind == corpus.KindMoney {
				noun = withoutListConnective(noun) // 加上税收收入, 扣除上解支出
				if rest, ok := strings.CutPrefix(noun, "含"); ok && rest != "" && endsWithRunes(ff.rs, m.end, noun) {
					if at := m.end - len([]rune(noun)); at > 0 && (ff.rs[at-1] == '(' || ff.rs[at-1] == '（') {
						noun = rest // （含上级补助收入4918万元）, but 含税销售额
					}
				}
			}
			noun = withoutExampleMarker(noun) // 例如铁路货运量
			noun = withoutFaredTail(noun)     // 粮食产量屡创历史新高
			if f.kind == corpus.KindPPT {
				noun = beforeComparison(noun) // “三农”贷款增速比各项贷款平均增速
			}
			return withoutScope(ff.withoutPopulation(trimCountMeasure(f, withoutInclusionGloss(noun))))
		}
	}
	return ""
}

// inclusionWords open a gloss that says what a noun includes: 公共安全（含
// 国防）支出, 个人所得税（不含…）.
var inclusionWords = words("inclusion_words")

// inclusionGloss is where the parenthesis of an inclusion gloss that ends
// at rune end opens, or -1.
func inclusionGloss(rs []rune, regionStart, end int) int {
	if end-1 <= regionStart || (rs[end-1] != ')' && rs[end-1] != '）') {
		return -1
	}
	for k := end - 2; k >= regionStart && end-k <= 14; k-- {
		if rs[k] == '(' || rs[k] == '（' {
			if startsAny(rs, k+1, inclusionWords) || rs[end-2] == '等' || shortAlias(rs, k, end) {
				return k // 公共安全（含国防）支出, 产业发展（资源勘探工业信息等）支出, 国有资源（资产）有偿使用收入
			}
			return -1
		}
	}
	return -1
}

// shortAlias reports a parenthesis of at most four Chinese characters
// between Chinese characters, at runes open and end: an alternative word
// inside a noun (国有资源（资产）有偿使用收入), not a gloss of the whole.
func shortAlias(rs []rune, open, end int) bool {
	inner := rs[open+1 : end-1]
	if len(inner) == 0 || len(inner) > 4 || open == 0 || !isHan(rs[open-1]) || end >= len(rs) || !isHan(rs[end]) {
		return false
	}
	for _, r := range inner {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// withoutInclusionGloss drops the inclusion gloss from a metric: 公共安全
// （含国防）支出 is 公共安全支出, as the budget's tables name it.
func withoutInclusionGloss(noun string) string {
	rs := []rune(noun)
	for end := len(rs); end > 0; end-- {
		if open := inclusionGloss(rs, 0, end); open >= 0 {
			return withoutInclusionGloss(string(rs[:open]) + string(rs[end:]))
		}
	}
	return noun
}

// withoutPopulation drops the population a report's metric opens with
// when what follows is an indicator of its own: 规模以上工业企业资产负债率
// measures 资产负债率 (of those firms), but 规模以上工业增加值 stays whole.
func (ff *frameFinder) withoutPopulation(noun string) string {
	if !ff.report {
		return noun
	}
	for _, p := range populations {
		if rest, ok := strings.CutPrefix(noun, p); ok && len([]rune(rest)) >= 2 && ff.indicators.has(rest) {
			return rest
		}
	}
	return noun
}

var populations = words("populations")

// trimCountMeasure drops 总量/数量 from a count's metric: 市场主体总量达到
// 52692家 counts 市场主体.
func trimCountMeasure(f found, noun string) string {
	if f.kind != corpus.KindCount || strings.HasSuffix(f.unit, "次") {
		return noun // 客运总量3.21亿乘次: a flow, not a number of things
	}
	for _, w := range countMeasures {
		if rest, ok := strings.CutSuffix(noun, w); ok && len([]rune(rest)) >= 2 {
			return rest
		}
	}
	return noun
}

var countMeasures = words("count_measures")

// phaseNoun reads 一期8条生产线: the phase and what it counts.
func (ff *frameFinder) phaseNoun(m ownMetric) string {
	if phase := ff.phaseBefore(m.f.start); phase != "" && m.f.kind == corpus.KindCount {
		if noun := ff.nounAfter(m.f.end); noun != "" {
			return phase + noun
		}
	}
	return ""
}

// listedProductNoun reads a product after a quantity in a 年产 list
// (年产50万吨生物基二胺和90万吨生物基聚酰胺).
func (ff *frameFinder) listedProductNoun(m ownMetric) string {
	if ff.listedProduct(m.f) {
		return ff.nounAfter(m.f.end)
	}
	return ""
}

// countedNoun is what a count counts, after its measure word (签约1966个
// 项目); 年产60万台计算机生产线 makes 计算机.
func (ff *frameFinder) countedNoun(m ownMetric) string {
	if m.f.kind != corpus.KindCount {
		return ""
	}
	noun := ff.nounAfter(m.f.end)
	if endsWithRunes(ff.rs, m.f.start, "年产") {
		noun = strings.TrimSuffix(noun, "生产线")
	}
	return noun
}

// parenthesizedNoun reads a figure in parentheses after its noun, as
// budget reports list items: 新增转移支付（127.92亿元）. A share's
// denominator (占全省(2113家)) is not one.
func (ff *frameFinder) parenthesizedNoun(m ownMetric) string {
	rs := ff.rs
	at := ff.backOverSpaces(m.f.start)
	labelled := false
	if k := at; k > 0 && rs[k-1] != '(' {
		for k > 0 && at-k < 3 && isHan(rs[k-1]) {
			k-- // 任务(省定708亿元): a short label inside
		}
		if k > 0 && k < at && rs[k-1] == '(' && !ff.figureEnd[k-1] {
			at, labelled = k, true // but 出口800亿元（增长12%）glosses the figure before
		}
	}
	if at == 0 || rs[at-1] != '(' || m.f.end >= len(rs) || rs[m.f.end] != ')' {
		return ""
	}
	if _, ok := pronounIndex.endingAt(rs, at-1); ok {
		return ""
	}
	// The item is the whole phrase since the list separator: 、新增一般债务,
	// 调入资金[3]减少 (a footnote mark inside is skipped).
	end := at - 1
	var b strings.Builder
	var parts []string
	for k := end; k > 0 && end-k < 16; k-- {
		r := rs[k-1]
		if r == ']' {
			j := k - 1
			for j > 0 && rs[j-1] != '[' && k-j < 4 {
				j--
			}
			if j > 0 && rs[j-1] == '[' {
				parts = append(parts, string(rs[k:end]))
				end, k = j-1, j
				continue
			}
		}
		if !isHan(r) || r == '的' || r == '等' {
			parts = append(parts, string(rs[k:end]))
			break
		}
		if k == 1 {
			parts = append(parts, string(rs[0:end]))
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	noun := b.String()
	for _, w := range listConnectives {
		noun = strings.TrimPrefix(noun, w)
	}
	if k := strings.LastIndex(noun, "中"); k > 0 && len([]rune(noun[k+len("中"):])) >= 2 {
		noun = noun[k+len("中"):] // 预算执行中新增转移支付: where, then what
	}
	if labelled {
		// 已超额完成省年度考核任务(省定708亿元), 增幅较大的有发酵酒(增长87%):
		// the noun, not the verb before it.
		noun = strings.TrimPrefix(stripLeadingVerbs(noun), "有")
	}
	if len([]rune(noun)) < 2 || isVerbWord(noun) {
		return ""
	}
	return noun
}

// listConnectives open a budget's list of items (加上…、…等, 减去…).
var listConnectives = []string{"加上", "减去", "其中", "包括", "含"}

// itemOpeners open a budget's item in running text (加上转移支付收入, 剔除
// 上解支出…等12.42亿元后): they add or take away, and name nothing. 含
// is not one there: 含税销售额 is a word.
var itemOpeners = []string{"再加上", "加上", "减去", "扣除", "剔除", "其中", "包括"}

// capacityNoun reads 年产60万吨高性能玻璃纤维: the product, else 产能.
func (ff *frameFinder) capacityNoun(m ownMetric) string {
	if m.f.kind != corpus.KindQuantity || !endsWithRunes(ff.rs, m.end, "年产") {
		return ""
	}
	if noun := ff.nounAfter(m.f.end); noun != "" && !hasAnySuffix(noun, projectSuffixes) {
		return noun
	}
	return "产能"
}

// indicatorWithHead reads an indicator with the target word after it
// (粮食产能指标, 减排任务).
func (ff *frameFinder) indicatorWithHead(m ownMetric) string {
	for _, head := range []string{"指标", "任务", "目标"} {
		if endsWithRunes(ff.rs, m.end, head) {
			at := m.end - len([]rune(head))
			if w := ff.indicatorEndingAt(m.regionStart, at); w != "" {
				return ff.withModifier(m.regionStart, at-len([]rune(w)), w) + head
			}
		}
	}
	return ""
}

// indicatorNoun reads a known indicator ending the words before the
// figure, with its modifier (建筑业增加值).
func (ff *frameFinder) indicatorNoun(m ownMetric) string {
	if w := ff.indicatorEndingAt(m.regionStart, m.end); w != "" {
		at := m.end - len([]rune(w))
		if owner := ff.sectorBefore(m.regionStart, at); owner != "" {
			return owner + w // 中直工业实现增加值268亿元
		}
		return ff.withModifier(m.regionStart, at, w)
	}
	return ""
}

// sectorBefore is the sector that 实现 or 完成 an indicator starting at
// rune at (一产实现增加值, 石油和天然气开采业实现增加值, 规上工业企业完成营业
// 收入): the indicator is that sector's. Only a sector: a zone, a company
// or a place there (园区实现营业收入) is the figure's subject, not its metric.
func (ff *frameFinder) sectorBefore(regionStart, at int) string {
	for _, v := range []string{"实现了", "完成了", "实现", "完成"} {
		if !endsWithRunes(ff.rs, at, v) {
			continue
		}
		end := at - len([]rune(v))
		if end <= regionStart || ff.mentionEnd[end] || ff.periodEnd[end] {
			return ""
		}
		start := ff.coordinated(regionStart, ff.nounStart(regionStart, end))
		owner := stripLeadingVerbs(string(ff.rs[start:end]))
		if n := len([]rune(owner)); n >= 2 && n <= 12 && hasAnySuffix(owner, sectorHeads) {
			return owner
		}
		return ""
	}
	return ""
}

// sectorHeads end the name of a sector of the economy (一产, 建材业,
// 中直工业, 石化行业, 规上工业企业, 数字经济核心产业).
var sectorHeads = words("sector_heads")

// glossIndicator reads the indicator a parenthesis names after a
// description (城镇常住人口占总人口比重（常住人口城镇化率）为74.63%): the
// gloss is the indicator's own name.
func (ff *frameFinder) glossIndicator(m ownMetric) string {
	end := m.f.start
	for end > m.regionStart {
		w, ok := trailingIndex.endingAt(ff.rs, end)
		if !ok || end-len([]rune(w)) < m.regionStart {
			break
		}
		end -= len([]rune(w))
	}
	if end == m.regionStart || ff.rs[end-1] != ')' {
		return ""
	}
	open := end - 1
	for open > m.regionStart && ff.rs[open] != '(' && end-open <= 14 {
		open--
	}
	if ff.rs[open] != '(' {
		return ""
	}
	gloss := string(ff.rs[open+1 : end-1])
	for _, r := range gloss {
		if !isHan(r) {
			return ""
		}
	}
	if ff.indicators.has(gloss) || hasAnySuffix(gloss, []string{"率", "指数"}) {
		return gloss
	}
	return ""
}

// shareWithin end a share of a whole the noun before 在 holds, longest
// first: 在移动电话用户中占比, 在国内生产总值中的比重.
var shareWithin = sortedByLength(words("share_within"))

// shareNoun reads a share of a whole: 税收收入占财政收入的比重为79.05%
// measures 税收收入占财政收入的比重, not 比重.
func (ff *frameFinder) shareNoun(m ownMetric) string {
	rs := ff.rs
	for _, within := range shareWithin {
		if !endsWithRunes(rs, m.end, within) {
			continue
		}
		// 5G移动电话用户在移动电话用户中占比65.9%, 服务业在国内生产总值中的
		// 比重上升到50.5%: the share of the noun before 在.
		for k := m.end - len([]rune(within)); k > m.regionStart && m.end-k < 24; k-- {
			if rs[k-1] == '在' {
				start := ff.coordinated(m.regionStart, ff.nounStart(m.regionStart, k-1))
				if whose := stripLeadingVerbs(string(rs[start : k-1])); len([]rune(whose)) >= 2 {
					return whose + string(rs[m.end-2:m.end])
				} else if whose == "" && (start == m.regionStart || isClauseBreak(rs[start-1])) {
					// …688.16万户，在移动电话用户中占比65.9%: whose is the
					// figure before's (inheritedMetric).
					return string(rs[k-1 : m.end])
				}
				break
			}
		}
		break
	}
	var share string
	for _, w := range []string{"的比重", "的比例"} {
		if endsWithRunes(rs, m.end, w) {
			share = w
		}
	}
	if share == "" {
		return ""
	}
	at := m.end - len([]rune(share))
	k := at
	for k > m.regionStart && at-k < 12 && rs[k-1] != '占' && isHan(rs[k-1]) {
		k--
	}
	if k <= m.regionStart || rs[k-1] != '占' || k == at {
		return ""
	}
	start := ff.nounStart(m.regionStart, k-1)
	whose := strings.TrimSuffix(stripLeadingVerbs(string(rs[start:k-1])), "所")
	if strings.HasSuffix(whose, "中") {
		return "" // …(包括…)中所占的比重: a whole whose owner is further back
	}
	if len([]rune(whose)) < 2 {
		if whose == "" {
			return string(rs[k-1 : m.end]) // …，占一般公共预算收入的比重为67.4%: whose is the figure before's
		}
		return ""
	}
	return whose + string(rs[k-1:m.end])
}

// classList is where a class named by a list starts (服装、鞋帽、针纺织品类
// 下降5.9%: one class of goods), when the list opens its clause; else
// start.
func (ff *frameFinder) classList(regionStart, start int) int {
	rs := ff.rs
	k := start
	for k-1 > regionStart && rs[k-1] == '、' && rs[k-2] != '类' { // 居住类、衣着类: two classes
		left := k - 1
		for left > regionStart && isHan(rs[left-1]) && k-1-left < 8 {
			left--
		}
		if left == k-1 {
			return start
		}
		k = left
	}
	if k == start || (k > regionStart && !isClauseBreak(rs[k-1])) {
		return start
	}
	return k
}

// nounBefore walks the noun phrase before the figure, over a coordinate
// noun and a size class, and drops the verbs it opens with.
func (ff *frameFinder) nounBefore(m ownMetric) string {
	start := ff.classStart(m.regionStart, ff.coordinated(m.regionStart, ff.nounStart(m.regionStart, m.end)))
	if endsWithRunes(ff.rs, m.end, "类") {
		start = ff.classList(m.regionStart, start)
	}
	noun := stripQuotes(string(ff.rs[start:m.end]))
	for _, all := range []string{"各类", "各项", "各种", "所有", "有关", "相关"} {
		if rest, ok := strings.CutPrefix(noun, all); ok && len([]rune(rest)) >= 2 {
			noun = rest // 各类遗留问题611个
		}
	}
	if m.f.kind == corpus.KindQuantity && isPhase(noun) {
		return noun + "产能" // 一期8GW全面投产
	}
	if stripped := stripLeadingVerbs(noun); !genericHeads[stripped] && len([]rune(stripped)) >= 2 {
		noun = stripped // 搭建创新平台 → 创新平台, but 签约项目 and 生铁 stay
	}
	noun = withoutExampleMarker(noun)
	if measureTails[noun] && ff.figureEnd[m.end-len([]rune(noun))] {
		return "" // 1091.2万吨标准煤，下降8.1%: the unit's, not the rate's
	}
	if noun != "" && (m.f.kind == corpus.KindMoney && funders.has(noun) || periodRe.FindString(noun) == noun || notMetrics[noun]) {
		return "" // 中央安排30亿元国债资金, 明年安排200亿元, 各地安排: who pays, when, where
	}
	if len([]rune(noun)) >= 2 && !isVerbWord(noun) || singleProducts[noun] && ff.standsAlone(m.end-1) {
		return noun // 铁路货运量, and 钢 of 钢增长百分之六十五
	}
	if v, ok := verbIndex.endingAt(ff.rs, m.end); ok && nominalVerbs[v] && m.f.kind == corpus.KindMoney {
		return v // 全市累计投入10.09亿元: the verb names the sum
	}
	return ""
}

// standsAlone reports a character at rune i that a clause break, a list
// mark or an example marker stands before: 钢 of ，钢增长 or 如铁增长, not
// 铁 of 年产生铁.
func (ff *frameFinder) standsAlone(i int) bool {
	if i == 0 || isClauseBreak(ff.rs[i-1]) || isSentenceEnd(ff.rs[i-1]) || strings.ContainsRune("、：:（(\n ", ff.rs[i-1]) {
		return true
	}
	_, ok := exampleMarkers.endingAt(ff.rs, i)
	return ok
}

// faredTails say how a noun fared (屡创历史新高, 精简).
var faredTails = newWordIndex(words("fared_tails"))

// withoutFaredTail drops how a noun fared from its end: 粮食产量屡创历史新高
// measures 粮食产量.
func withoutFaredTail(noun string) string {
	rs := []rune(noun)
	if w, ok := faredTails.endingAt(rs, len(rs)); ok && len(rs)-len([]rune(w)) >= 2 {
		return string(rs[:len(rs)-len([]rune(w))])
	}
	return noun
}

// settledMetric is the metric the rules found, less how the figure fared
// where a rule took a whole clause (粮食产量屡创历史新高, 去年达到…) and
// less what points compare a rate with however the rate was found (分别
// 高4.2和0.7个百分点), and nothing where what is left only says how much
// or how fast (显著加快, 远远) or when or who (至今, 合共, 区县: but 15个区县
// counts them).
func settledMetric(m string, kind corpus.Kind) string {
	// 两个万亿元大关、超过6万亿元: no item follows the mark
	m = strings.TrimRight(withoutFaredTail(m), "、")
	// 中央财政安排救灾款和…: no item follows the conjunction
	m = cutTail(m, []string{"和"}, []string{"总和", "中和", "饱和", "缓和", "温和", "平和", "调和", "柔和", "共和"})
	if kind == corpus.KindPPT {
		m = beforeComparison(m)
	}
	if k := strings.LastIndex(m, "由"); k > 0 && utf8.RuneCountInString(m[:k]) >= 2 {
		if from := m[k+len("由"):]; from != "" && periodRe.FindString(from) == from {
			m = m[:k] // 二氧化硫排放量由上年分别增长…: where the change starts is no part of the noun
		}
	}
	// 年产各30万吨: 各 says each, the noun is before it
	m = cutTail(m, []string{"各"}, nil)
	// 出口负增长3%: 负 is the change's sign
	m = cutTail(m, []string{"负"}, []string{"税负", "减负", "降负", "自负", "担负", "胜负", "抱负", "正负"})
	// 从全市8条制造业重点产业链看: the frame's 看 is no part of the noun
	m = cutTail(m, []string{"来看", "看"}, []string{"收看", "观看", "查看"})
	if rest := cutTail(m, []string{"中"}, []string{"集中", "其中", "之中", "高中", "初中"}); rest != m {
		if strings.HasPrefix(rest, "在") && !startsAny([]rune(rest), 0, inNouns) {
			return "" // 在工农业总产值中，工业…所占的比重: the whole, not the part
		}
		m = rest // 154种主要工业品中66种: the noun, not where in it
	}
	rs := []rune(m)
	if w, ok := faredTails.at(rs, 0); ok && len([]rune(w)) == len(rs) || degreeAdverbs[m] || notMetrics[m] && kind != corpus.KindCount {
		return ""
	}
	if strings.ContainsAny(m, "%％") || strings.Count(m, "（")+strings.Count(m, "(") != strings.Count(m, "）")+strings.Count(m, ")") {
		return "" // 同比增长6.8%（2015: a clause cut short, no noun
	}
	if w, ok := metricConjunctions.at(rs, 0); ok && len(rs)-len([]rune(w)) >= 2 {
		m, rs = string(rs[len([]rune(w)):]), rs[len([]rune(w)):] // 但赤字率 → 赤字率
	}
	if _, ok := notMetricOpeners.at(rs, 0); ok {
		return "" // 就只完成了, 由此可知: a statement, not a noun
	}
	if rest, ok := strings.CutPrefix(m, "在"); ok && rest != "" && !startsAny(rs, 0, inNouns) && periodRe.FindString(rest) == rest {
		return "" // 在一九五二年, 在今年: when, not what
	}
	if _, ok := metricConjunctions.at(rs, 0); ok {
		return ""
	}
	return m
}

// cutTail cuts the first of tails that ends m and leaves two characters
// or more, unless m ends in one of the words in keep, which hold it
// (碳中和, 税负, 初中).
func cutTail(m string, tails, keep []string) string {
	if hasAnySuffix(m, keep) {
		return m
	}
	for _, t := range tails {
		if rest, ok := strings.CutSuffix(m, t); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return m
}

// metricConjunctions are conjunctions a clause read whole may leave
// before its noun (而, 但是): dropped.
var metricConjunctions = newWordIndex(words("metric_conjunctions"))

// inNouns are words that begin with 在 and are no preposition: 在校学生中
// is 在校学生, not a place in a whole.
var inNouns = words("in_nouns")

// notMetricOpeners are the adverbs, conjunctions and prepositions a
// metric never begins with.
var notMetricOpeners = newWordIndex(words("not_metric_openers"))

// beforeComparison cuts what points compare a rate with from the rate:
// “三农”贷款增速比各项贷款平均增速(高0.7个百分点) measures “三农”贷款增速.
// Not the 比 of 比重, 比例, 比率 or 之比.
func beforeComparison(noun string) string {
	rs := []rune(noun)
	for k := 2; k < len(rs)-1; k++ {
		if rs[k] != '比' || rs[k-1] == '之' || strings.ContainsRune("重例率值", rs[k+1]) {
			continue
		}
		if head := string(rs[:k]); hasAnySuffix(head, rateSuffixes) {
			return head
		}
	}
	return noun
}

// measureTails follow a quantity's unit as part of its measure (万吨标准煤).
var measureTails = wordSet("measure_tails")

// degreeAdverbs say how much or how (远远, 大幅), never what a figure
// measures.
var degreeAdverbs = wordSet("degree_adverbs")

// notMetrics are words that stand before a figure without being what it
// measures: who arranges it, when or where (明年安排200亿元, 各地安排).
var notMetrics = wordSet("not_metrics")

// singleProducts are the products one character names (钢, 煤, 电).
var singleProducts = wordSet("single_products")

// exampleMarkers open an example (如铁增长百分之五十六); notExampleMarkers
// begin with one and open none (如果, 如期).
var (
	exampleMarkers    = newWordIndex(words("example_markers"))
	notExampleMarkers = newWordIndex(words("not_example_markers"))
)

// withoutExampleMarker drops the word that opens an example from a noun:
// 如铁 measures 铁. 如期 and 如果 are kept (not_example_markers), and so
// is a marker when what would remain is no noun.
func withoutExampleMarker(noun string) string {
	rs := []rune(noun)
	w, ok := exampleMarkers.at(rs, 0)
	if _, word := notExampleMarkers.at(rs, 0); !ok || word {
		return noun
	}
	rest := string(rs[len([]rune(w)):])
	if len([]rune(rest)) >= 2 || singleProducts[rest] {
		return rest
	}
	return noun
}

// etcItems reads the items a budget lists before 等 and the figure (加上
// 调出资金、结转下年支出等70.5亿元): the figure sums them all.
func (ff *frameFinder) etcItems(m ownMetric) string {
	rs := ff.rs
	if m.f.kind != corpus.KindMoney || m.end < 2 || rs[m.end-1] != '等' || m.end != ff.backOverSpaces(m.f.start) {
		return ""
	}
	if _, ok := dengWords.endingAt(rs, m.end); ok {
		return "" // 中等
	}
	start := ff.clauseStart(m.regionStart, m.end-1)
	clause := string(rs[start : m.end-1])
	phrase := stripLeadingVerbs(withoutListConnective(clause)) // 剔除上解上级支出…等12.42亿元
	listed := phrase != clause                                 // 加上…等: a budget's items, whatever verbs they hold (上年结转收入)
	if !strings.ContainsAny(phrase, "、和及") || len([]rune(phrase)) > 30 || !listed && (ff.hasVerb(m.end-1-len([]rune(phrase)), m.end-1) || opensWithVerb(phrase)) {
		return "" // not 加强教育、卫生等3亿元
	}
	for _, r := range phrase {
		if !isHan(r) && r != '、' && r != '“' && r != '”' {
			return ""
		}
	}
	return phrase + "等"
}

// opensWithVerb reports a phrase whose first two characters are a verb of
// gse's dictionary (加强, 推进).
func opensWithVerb(phrase string) bool {
	rs := []rune(phrase)
	return len(rs) >= 2 && gseVerbs[string(rs[:2])]
}

// withoutListConnective drops the word that opens a budget's list item
// (加上, 减去, 其中): 加上转移支付收入 adds 转移支付收入.
func withoutListConnective(s string) string {
	if rest, ok := strings.CutPrefix(s, "加上级"); ok {
		return "上级" + rest // 加 and 上级补助收入
	}
	for _, w := range itemOpeners {
		if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
			return rest
		}
	}
	return s
}

// moneyUse reads money spent on something: 有三十五亿元用于增加住宅建设
// 投资 measures 住宅建设投资.
func (ff *frameFinder) moneyUse(m ownMetric) string {
	i := m.f.end
	if i < len(ff.rs) && strings.ContainsRune("是都将主要", ff.rs[i]) {
		i++ // 三十五亿元是用于…
	}
	if m.f.kind != corpus.KindMoney || !hasPrefixRunes(ff.rs, i, "用于") {
		return ""
	}
	i += 2
	if v, ok := verbIndex.at(ff.rs, i); ok {
		i += len([]rune(v))
	}
	for _, v := range []string{"增加", "扩大", "提高"} {
		if hasPrefixRunes(ff.rs, i, v) {
			i += len([]rune(v))
		}
	}
	// What money is used for is a whole noun phrase (住宅建设投资), up to
	// the clause's end.
	j := i
	for j < len(ff.rs) && j-i < 12 && isHan(ff.rs[j]) && !strings.ContainsRune(functionStop, ff.rs[j]) {
		j++
	}
	if j-i < 2 {
		return ""
	}
	return string(ff.rs[i:j])
}

// sentenceTopic reads the noun phrase that opens a sentence as its topic
// (城乡人民的储蓄存款，今年１到１０月增加了九十五亿元) when the figure's own
// clause names none: the opening clause must be a bare noun phrase.
func (ff *frameFinder) sentenceTopic(c *figureAt, current string) string {
	if current != "" || !ff.report || c.f.kind == corpus.KindDuration {
		return current // a span (几十年, 五年来) is no topic's measure
	}
	limit := c.f.start
	i := c.sentStart
	for i < limit && (ff.rs[i] == ' ' || ff.rs[i] == '\n') {
		i++
	}
	if _, ok := openerIndex.at(ff.rs, i); ok {
		return ""
	}
	aspect, next, heading := ff.aspectHeading(i, limit)
	if !heading {
		return ff.clauseTopic(i, limit)
	}
	// 在商业方面：一九五四年社会零售总额，比一九五二年增长…: the clause
	// after the heading, less its period, names the topic if any does.
	if p, ok := ff.periodStart[next]; ok && p.end < limit {
		next = p.end
	}
	_, condition := clauseConjunctions.at(ff.rs, next)
	if topic := ff.clauseTopic(next, limit); topic != "" && !condition && !ff.hasAttributive(next, limit) {
		return topic // not 适应…发展的需要, a purpose, nor 除了…外
	}
	if c.f.kind == corpus.KindDuration {
		return "" // 在基本建设方面：两年来…: a span, not the aspect
	}
	return aspect
}

// hasAttributive reports a 的 in the clause from rune i, before limit.
func (ff *frameFinder) hasAttributive(i, limit int) bool {
	for ; i < limit && !isClauseBreak(ff.rs[i]); i++ {
		if ff.rs[i] == '的' {
			return true
		}
	}
	return false
}

// aspectHeading reads a heading that opens a sentence with the aspect it
// speaks of, 在工业农业总产值方面：, and returns the aspect, where the
// sentence goes on and whether there is a heading at all. The aspect is ""
// when the heading names none (在这方面).
func (ff *frameFinder) aspectHeading(i, limit int) (string, int, bool) {
	from := i
	if i < limit && ff.rs[i] == '在' {
		from++
	}
	for j := from; j < limit && j-from <= 14 && isHan(ff.rs[j]); j++ {
		if !hasPrefixRunes(ff.rs, j, "方面") || j+2 >= limit || !strings.ContainsRune("：:，,", ff.rs[j+2]) {
			continue
		}
		aspect := string(ff.rs[from:j])
		if _, ok := demonstratives.at(ff.rs[from:j], 0); ok || j-from < 2 || isVerbWord(aspect) {
			aspect = ""
		}
		return aspect, j + 3, true
	}
	return "", i, false
}

// clauseTopic is the topic a sentence's opening clause from rune i names,
// when that clause is a bare noun phrase before the figure at limit, or "".
func (ff *frameFinder) clauseTopic(i, limit int) string {
	if p, ok := ff.periodStart[i]; ok && p.end < limit && ff.rs[p.end] == '的' {
		i = p.end + 1 // 一九五七年的工业总产值（…），…预计达到…: the year's
	}
	j := i
	for j < limit && !isClauseBreak(ff.rs[j]) && ff.rs[j] != '(' && ff.rs[j] != '（' {
		if _, dated := ff.periodStart[j+1]; j > i+1 && dated && strings.ContainsRune("从自", ff.rs[j]) {
			break // 外贸出口从7月份开始大幅度回升，全年达到…: the noun before 从
		}
		j++
	}
	if j < limit && j-i <= 24 && ff.shareTopic(i, j) {
		// 生产资料的产值在工业总产值中的比重，在一九五四年将由…上升为
		// 42.3%: a share is read whole.
		return string(ff.rs[i:j])
	}
	if j >= limit || j-i < 2 || j-i > 14 {
		return ""
	}
	_, endsWithIndicator := ff.indicators.endingAt(ff.rs, j)
	for k := i; k < j && !endsWithIndicator; k++ {
		if !isHan(ff.rs[k]) && ff.rs[k] != '“' && ff.rs[k] != '”' {
			return ""
		}
		if _, ok := verbIndex.at(ff.rs, k); ok {
			return ""
		}
		if _, ok := levelVerbIndex.at(ff.rs, k); ok {
			return ""
		}
	}
	if !endsWithIndicator && ff.hasVerb(i, j) || ff.periodAt(i) {
		return ""
	}
	noun := string(ff.rs[i:j])
	if k := strings.LastIndex(noun, "的"); k >= 0 {
		noun = noun[k+len("的"):]
	}
	if len([]rune(noun)) < 2 {
		return ""
	}
	return stripQuotes(noun)
}

// shareTopic reports a clause [i, j) that is the share of a whole, X在Y
// 中的比重 or X占Y的比重, with no figure, verb or period in it.
func (ff *frameFinder) shareTopic(i, j int) bool {
	clause := string(ff.rs[i:j])
	if !hasAnySuffix(clause, []string{"的比重", "的比例", "所占比重", "中占比"}) ||
		!strings.ContainsAny(clause, "在占") || ff.periodAt(i) {
		return false
	}
	if _, verb := verbIndex.at(ff.rs, i); verb || strings.HasPrefix(clause, "适当") {
		return false // 适当提高轻工业在工业总产值中的比重: a task, not a topic
	}
	if _, change := changeVerbIndex.at(ff.rs, i); change {
		return false // 降低积累在国民收入中的比例
	}
	for k := i; k < j; k++ {
		if !isHan(ff.rs[k]) && ff.rs[k] != '“' && ff.rs[k] != '”' {
			return false
		}
		if _, ok := targetIndex.at(ff.rs, k); ok {
			return false // 明年计划轻工业产值占…的比重: a plan, worded around its share
		}
	}
	return true
}

// nounAfterFigure reads the noun after a figure when nothing before it
// names one: a quantity's product, money's kind (发放46.6亿元低利率专项贷款
// → 贷款), what a time took (1天完成公司注册).
func (ff *frameFinder) nounAfterFigure(m ownMetric) string {
	switch m.f.kind {
	case corpus.KindQuantity:
		return ff.nounAfter(m.f.end)
	case corpus.KindMoney:
		noun := ff.nounAfter(m.f.end)
		if f := fundingAfter(noun); f != "" && ff.report && len([]rune(noun)) <= 8 {
			return noun // 设立超500亿元区域基金: in a report, which fund
		}
		return fundingAfter(noun)
	case corpus.KindDuration:
		if done := ff.doneAfter(m.f.end); done != "" || !ff.report {
			return done
		}
		return ff.nounAfter(m.f.end) // 订立3天有薪男士侍产假
	}
	return ""
}

// doneAfter reads what a time figure took to finish: 1天完成公司注册,
// 3个工作日办结营业执照.
func (ff *frameFinder) doneAfter(i int) string {
	rs := ff.rs
	for _, w := range []string{"时间", "内", "即", "就", "高效", "全部", "顺利"} {
		if hasPrefixRunes(rs, i, w) {
			i += len([]rune(w))
		}
	}
	for _, v := range []string{"完成", "办结", "办理", "取得", "拿到"} {
		if hasPrefixRunes(rs, i, v) {
			return ff.nounAfter(i + len([]rune(v)))
		}
	}
	return ""
}

// fundings are what a sum handed out is: 贷款, 资金, 补贴.
var fundings = words("fundings")

func fundingAfter(noun string) string {
	for _, w := range fundings {
		if strings.HasSuffix(noun, w) {
			return w
		}
	}
	return ""
}

// throughShare reads 工业增加值占全省比重达到35% as a share of 工业增加值:
// the share word after a base (占全省) names no indicator of its own.
func (ff *frameFinder) throughShare(regionStart, end int) int {
	for _, w := range []string{"的比重", "比重", "的比例", "比例"} {
		if !endsWithRunes(ff.rs, end, w) {
			continue
		}
		if b, ok := ff.baseEnd[end-len([]rune(w))]; ok && b.start > regionStart && strings.HasPrefix(b.text, "占") {
			return b.start
		}
	}
	return end
}

// stripTrailing moves end back over what stands between a metric and its
// figure: verbs, qualifiers, comparison words, bases, periods, glosses,
// adjustments and 每千瓦时-style denominators (trailingRules, the first that
// applies, again and again).
func (ff *frameFinder) stripTrailing(regionStart, end int) int {
	t := &trim{regionStart: regionStart, end: end, figureAt: end}
	for ff.stripOnce(t) {
	}
	return t.end
}

// trim is stripTrailing's state: the words before a figure run from
// regionStart to end; crossed says a clause break was stepped over.
type trim struct {
	regionStart, end, figureAt int
	crossed                    bool
}

// trailingRules strip the end of the words before a figure, in this order;
// each reports whether it moved the end.
var trailingRules = []struct {
	name  string
	strip func(ff *frameFinder, t *trim) bool
}{
	{"trailing word", (*frameFinder).stripWord},
	{"year compared with", (*frameFinder).stripComparedYear},
	{"base", (*frameFinder).stripBase},
	{"period", (*frameFinder).stripPeriod},
	{"gloss in parentheses", (*frameFinder).stripGloss},
	{"comparative after a rate", (*frameFinder).stripComparative},
	{"how it was counted", (*frameFinder).stripAdjustment},
	{"per denominator", (*frameFinder).stripDenominator},
	{"clause of only a verb", (*frameFinder).stripVerbClause},
}

func (ff *frameFinder) stripOnce(t *trim) bool {
	for _, r := range trailingRules {
		if r.strip(ff, t) {
			return true
		}
	}
	return false
}

// stripWord strips a trailing word (增长, 达到, 为), unless an indicator or
// noun word ends there, and 基本 with it unless it keeps a verb of
// completion.
func (ff *frameFinder) stripWord(t *trim) bool {
	w, ok := trailingIndex.endingAt(ff.rs, t.end)
	n := len([]rune(w))
	if !ok || t.end-n < t.regionStart || ff.indicatorOver(t.end, w) {
		return false
	}
	if tail, ok := trailingTails.endingAt(ff.rs, t.end); ok && len([]rune(tail)) > n {
		return false // 农业发展纲要: 要 ends the noun
	}
	switch basically := endsWithRunes(ff.rs, t.end-n, "基本"); {
	case basically && doneVerbs[w]:
		return false // 城镇保障性住房基本建成432万套: what was basically done is the measure
	case basically && t.end-n-2 >= t.regionStart:
		t.end -= n + 2 // 粮食产量基本达到: 基本 only hedges the verb
	default:
		t.end -= n
	}
	return true
}

// clauseConjunctions open a condition or a reason, no metric (如果, 虽然).
var clauseConjunctions = newWordIndex(words("clause_conjunctions"))

// personalPronouns open no metric (我们, 它).
var personalPronouns = newWordIndex(words("personal_pronouns"))

// trailingTails end in a trailing word but are nouns or adjectives (纲要).
var trailingTails = newWordIndex(words("trailing_tails"))

// stripComparedYear strips 是2010年(的) before a multiple: 粮食产量是2010年
// 的1.5倍.
func (ff *frameFinder) stripComparedYear(t *trim) bool {
	at := comparedYear(ff.rs, t.regionStart, t.end)
	if at < 0 || !multipleAt(ff.rs, t.figureAt) {
		return false
	}
	t.end = at
	return true
}

// stripBase strips a comparison base (同比, 比上年).
func (ff *frameFinder) stripBase(t *trim) bool {
	b, ok := ff.baseEnd[t.end]
	if !ok || b.start < t.regionStart {
		return false
	}
	t.end = b.start
	return true
}

// stripPeriod strips a period between the noun and its verb: 国民生产总值
// 1987年达到.
func (ff *frameFinder) stripPeriod(t *trim) bool {
	p, ok := ff.periodByEnd[t.end]
	if !ok || p.start <= t.regionStart || ff.attributive(p) {
		return false
	}
	t.end = p.start
	return true
}

// stripGloss strips a short parenthesis: 地区生产总值(GDP), 电信业务总量
// (上年不变价格).
func (ff *frameFinder) stripGloss(t *trim) bool {
	if t.end <= t.regionStart || ff.rs[t.end-1] != ')' {
		return false
	}
	prefix := string(ff.rs[t.regionStart:t.end])
	k := strings.LastIndex(prefix, "(")
	if k < 0 || utf8.RuneCountInString(prefix[k:]) > 12 {
		return false
	}
	t.end = t.regionStart + len([]rune(prefix[:k]))
	return true
}

// stripComparative strips 高/低/快/慢 after a rate: 比同期增速高0.8个百分点
// measures the rate; 高 says which way.
func (ff *frameFinder) stripComparative(t *trim) bool {
	if t.end-3 < t.regionStart || !strings.ContainsRune("高低快慢", ff.rs[t.end-1]) || !hasAnySuffix(string(ff.rs[t.regionStart:t.end-1]), rateNouns) {
		return false
	}
	t.end--
	return true
}

// stripAdjustment strips how a figure was counted (地区生产总值按可比价格计算
// 增长), and the clause break before it when the clause held only that
// (城镇居民人均可支配收入，考虑价格下降因素比上年实际增长).
func (ff *frameFinder) stripAdjustment(t *trim) bool {
	at := adjustment(ff.rs, t.regionStart, t.end)
	if at < 0 {
		return false
	}
	t.end = at
	if !t.crossed && t.end > t.regionStart+1 && isClauseBreak(ff.rs[t.end-1]) {
		t.end--
		t.crossed = true
	}
	return true
}

// stripDenominator strips 每千瓦时 and the like before the figure.
func (ff *frameFinder) stripDenominator(t *trim) bool {
	for _, d := range perDenominators {
		if endsWithRunes(ff.rs, t.end, "每"+d.word) {
			t.end -= len([]rune(d.word)) + 1
			return true
		}
	}
	return false
}

// stripVerbClause steps over one clause break when the figure's clause is
// only a verb and the clause before ends in one too (原油产量继续增长，达到
// 1.42亿吨): the noun is the earlier clause's subject.
func (ff *frameFinder) stripVerbClause(t *trim) bool {
	if t.crossed || t.end <= t.regionStart+1 || !isClauseBreak(ff.rs[t.end-1]) || t.end >= t.figureAt {
		return false
	}
	if _, ok := trailingIndex.endingAt(ff.rs, t.end-1); !ok && !ff.onlyLevelVerb(t.end, t.figureAt) && !ff.fromClause(t.end, t.figureAt) {
		return false
	}
	t.end--
	t.crossed = true
	return true
}

// rateNouns are rates and shares a comparison says is higher or lower
// (增速高, 比重低).
var rateNouns = []string{"增速", "增幅", "速度", "比重", "占比", "水平"}

// indicatorOver reports an indicator or a noun word that ends at rune end
// and is longer than the trailing word w there: 转移支付 keeps its 支付.
func (ff *frameFinder) indicatorOver(end int, w string) bool {
	if ind, ok := ff.indicators.endingAt(ff.rs, end); ok && len([]rune(ind)) > len([]rune(w)) {
		return true
	}
	word, ok := compoundIndex.endingAt(ff.rs, end) // 税收返还 keeps its 还
	return ok && len([]rune(word)) > len([]rune(w))
}

// basicallyDone reads 城镇保障性住房基本建成432万套 as 城镇保障性住房基本建成
// (and 基本建成544万套 as 基本建成): what 基本 qualifies is the measure.
func (ff *frameFinder) basicallyDone(m ownMetric) string {
	w, ok := trailingIndex.endingAt(ff.rs, m.end)
	at := m.end - len([]rune(w))
	if !ok || !endsWithRunes(ff.rs, at, "基本") || !doneVerbs[w] {
		return "" // 粮食产量基本达到…: 达到 reaches a level, it names no measure
	}
	at -= 2
	noun := stripLeadingVerbs(string(ff.rs[ff.nounStart(m.regionStart, at):at]))
	if isVerbWord(noun) {
		noun = ""
	}
	return noun + "基本" + w
}

// comparedYear is where a 是2010年的 or 为2010年的 that ends at rune end
// starts (its 的 already stripped: 是2010年), or -1.
func comparedYear(rs []rune, regionStart, end int) int {
	if !endsWithRunes(rs, end, "年") {
		return -1
	}
	k := end - 1
	for k > regionStart && (isDigit(rs[k-1]) || strings.ContainsRune("〇○零一二三四五六七八九", rs[k-1])) && end-k <= 5 {
		k--
	}
	if end-1-k != 4 || k-1 < regionStart || (rs[k-1] != '是' && rs[k-1] != '为') {
		return -1
	}
	return k - 1
}

// doneVerbs are the verbs 基本 keeps as the measure: what was completed
// (基本建成, 基本完成), the stages a project ends with.
var doneVerbs = func() map[string]bool {
	set := wordSet("stage_end")
	set["完成"] = true
	return set
}()

// adjustments are phrases that say how a figure was counted, as their
// opening and closing words: 按可比价格计算, 按2020年不变价计算, 扣除价格
// 因素, 剔除一次性因素后, 考虑价格下降因素.
var adjustments = []struct{ open, close string }{
	{"按", "计算"}, {"扣除", "因素"}, {"扣除", "因素后"}, {"剔除", "因素"}, {"剔除", "因素后"}, {"考虑", "因素"}, {"考虑", "因素后"},
}

// adjustment is where an adjustment phrase that ends at rune end starts,
// or -1.
func adjustment(rs []rune, regionStart, end int) int {
	for _, a := range adjustments {
		if !endsWithRunes(rs, end, a.close) {
			continue
		}
		open := []rune(a.open)
		for k := end - len([]rune(a.close)) - 1; k >= regionStart && k >= end-20; k-- {
			if isClauseBreak(rs[k]) || isSentenceEnd(rs[k]) {
				break
			}
			if hasPrefixRunes(rs, k, string(open)) {
				return k
			}
		}
	}
	return -1
}

// nounStart walks left from end over the noun before a figure, stopping at
// names, periods, pronouns and stop words.
func (ff *frameFinder) nounStart(regionStart, end int) int {
	rs := ff.rs
	start := end
	passedVerb := false
	quotes := 0
	for start > regionStart && end-start-quotes < 16 {
		if _, base := ff.baseEnd[start]; base {
			break // 比同期|增速: the word 同期 belongs to the base
		}
		if w := ff.compoundOver(start, end); w > 0 && start-w >= regionStart {
			start -= w // 电力、热力…和供应业, 基本公共卫生: a word read whole
			quotes += w
			continue
		}
		if open := inclusionGloss(rs, regionStart, start); open >= 0 {
			quotes += start - open
			start = open // 公共安全（含国防）支出: the gloss is inside the noun
			continue
		}
		decimalInName := ff.report && rs[start-1] == '.' && isDigit(rs[start]) && modelNameBefore(rs, regionStart, start-1) // PM2.5浓度
		if !(isHan(rs[start-1]) || rs[start-1] == '“' || rs[start-1] == '”' || ff.report && isASCIIAlnum(rs[start-1]) || decimalInName) ||
			strings.ContainsRune(metricStop, rs[start-1]) && !isAboveBelow(rs, start-1) {
			break
		}
		if rs[start-1] == '“' || rs[start-1] == '”' {
			quotes++ // 专精特新“小巨人”企业: quotes take no room
		}
		if ff.boundaryAt(start) {
			// A bare head (项目, 企业) keeps the verb that qualifies it:
			// 签约项目, 开工项目, 建设项目.
			v, isVerb := verbIndex.endingAt(rs, start)
			if !isVerb || passedVerb || !genericHeads[string(rs[start:end])] || start-len([]rune(v)) < regionStart {
				break
			}
			passedVerb = true
			start -= len([]rune(v))
			continue
		}
		start--
	}
	return start
}

// modelNameBefore reports letters and then digits ending at rune end, as a
// model name whose decimal point is no break (PM2.5), not an amount (3.4亿).
func modelNameBefore(rs []rune, regionStart, end int) bool {
	k := end - 1
	for k >= regionStart && isDigit(rs[k]) {
		k--
	}
	return k < end-1 && k >= regionStart && isASCIILetter(rs[k])
}

// onlyLevelVerb reports a clause rs[from:to] that holds nothing but a verb
// of level or change (，达到|1.42亿吨, ，增长|3%): its figure measures the
// noun of the clause before.
func (ff *frameFinder) onlyLevelVerb(from, to int) bool {
	level := false
	for rest := from; rest < to; {
		if w, ok := levelVerbIndex.at(ff.rs, rest); ok {
			rest += len([]rune(w))
			level = true
			continue
		}
		t, ok := trailingIndex.at(ff.rs, rest)
		if !ok {
			return false
		}
		rest += len([]rune(t))
	}
	return level
}

var levelVerbIndex = newWordIndex(words("level_verbs"))

// fromClause reports a clause that only gives where a change starts
// (比率，由2002年的约|21%…): the figure measures the noun before it.
func (ff *frameFinder) fromClause(from, to int) bool {
	for _, adverb := range []string{"已经", "已"} {
		if hasPrefixRunes(ff.rs, from, adverb) {
			from += len([]rune(adverb)) // …所占的比重，已由一九五二年的百分之四十一点五
			break
		}
	}
	if from >= to || (ff.rs[from] != '由' && ff.rs[from] != '从') {
		return false
	}
	for k := from + 1; k < to; k++ {
		if p, ok := ff.periodStart[k]; ok && p.end <= to {
			k = p.end - 1
			continue
		}
		if !strings.ContainsRune("的约近逾", ff.rs[k]) {
			return false
		}
	}
	return true
}

// changeVerbIndex finds the two-character verbs of change that end a
// metric on the left (提高企业退休人员基本养老金).
var changeVerbIndex = newWordIndex([]string{"提高", "增加", "降低", "减少", "扩大", "增长", "下降"})

// nominalVerbs are verbs that are also nouns (投入, 支出).
var nominalVerbs = wordSet("nominal_verbs")

// compoundOver is the length of a compound noun (an industry name, a word
// holding a stop character) that covers rune start-1 and ends by end, or 0:
// the metric walk reads it whole instead of stopping inside it.
func (ff *frameFinder) compoundOver(start, end int) int {
	for e := start; e <= end && e <= start+4; e++ {
		if w, ok := compoundIndex.endingAt(ff.rs, e); ok && e-len([]rune(w)) < start {
			return start - (e - len([]rune(w)))
		}
	}
	return 0
}

// compoundIndex holds the industry names, the budget's expenditure
// functions and the nouns with stop characters in them.
var compoundIndex = newWordIndex(append(append(words("industries"), words("budget_functions")...), words("noun_words")...))

// coordinated extends a noun over the coordinate nouns before it (高级管理
// 人员和高层次人才, 问题及诉求, 保障性安居工程、农村民生工程和社会事业投资):
// all are what the figure measures.
func (ff *frameFinder) coordinated(regionStart, start int) int {
	return ff.coordinatedWithin(regionStart, start, regionStart) // no item starts before the region
}

// coordinatedWithin is coordinated, taking no item that would start before
// rune from: a modifier has a length it may not pass (教育、卫生、文化和体育
// 设施投资 keeps 文化和体育设施 within withModifier's twelve characters).
func (ff *frameFinder) coordinatedWithin(regionStart, start, from int) int {
	for k := 0; k < 6; k++ {
		left := ff.coordinate(regionStart, start, k > 0)
		if left == start || left < from {
			return start
		}
		start = left
	}
	return start
}

// coordinate is where the noun coordinated before the one at rune start
// begins, or start when there is none. A list's earlier items stand
// after 、 as well (more).
func (ff *frameFinder) coordinate(regionStart, start int, more bool) int {
	rs := ff.rs
	joins := "和及与、"
	if start-3 < regionStart || !strings.ContainsRune(joins, rs[start-1]) || !isHan(rs[start-2]) || rs[start-1] == '与' && rs[start-2] == '参' {
		return start
	}
	left := ff.nounStart(regionStart, start-1)
	if n := start - 1 - left; n < 2 || n > 6 || stripLeadingVerbs(string(rs[left:start-1])) != string(rs[left:start-1]) {
		return start
	}
	if rs[start-1] == '、' && !more && left != regionStart && !slices.Contains([]string{"全市", "全省", "全国", "全县", "全区", "我市", "我省", "我国"}, string(rs[regionStart:left])) {
		return start // a list's last items are joined by 和; a lone 、 only where its first item opens the clause (，轮船、驳船货运量)
	}
	if _, isName := ff.periodStart[left]; isName || ff.mentionEnd[start-1] {
		return start
	}
	return left
}

// classStart extends a noun that opens with a size class (亿元以上工业项目)
// over the number before it (10亿元以上…), and drops the 投资 a class
// follows (投资亿元以上工业项目 counts 亿元以上工业项目).
func (ff *frameFinder) classStart(regionStart, start int) int {
	rs := ff.rs
	k := start
	if hasPrefixRunes(rs, k, "投资") {
		k += 2
	}
	j := k
	for j < len(rs) && j-k < 3 && strings.ContainsRune("万亿元", rs[j]) {
		j++
	}
	if j == k || j+1 >= len(rs) || !(isAboveBelow(rs, j) || rs[j] == '级') {
		return start // 亿元以上项目, 百亿元级项目
	}
	for k > regionStart && (isDigit(rs[k-1]) || rs[k-1] == '.' || strings.ContainsRune("十百千", rs[k-1])) && start-k < 8 {
		k--
	}
	return k
}

// lastHead is the noun of the last figure before fs[i] in the paragraph
// whose metric has one, without its level or class (市级科创平台 → 科创平台).
func (ff *frameFinder) lastHead(fs []found, out []frame, i, paraStart int) string {
	for q := i - 1; q >= 0 && fs[q].start >= paraStart && i-q <= 20; q-- {
		m := out[q].metric
		if m == "" || isGradeModifier(m) || strings.HasSuffix(m, "类") || fs[q].kind != fs[i].kind {
			continue // a class is no noun another class can take (家用电器和音像器材类)
		}
		if k := strings.LastIndex(m, "的"); k >= 0 {
			m = m[k+len("的"):] // 国资参与建设的科创平台 → 科创平台
		}
		if head := strings.TrimPrefix(m, gradePrefix(m)); len([]rune(head)) >= 2 {
			return head
		}
	}
	return ""
}

// phaseBefore is the project phase (一期, 二期) printed right before a
// figure, or "".
func (ff *frameFinder) phaseBefore(at int) string {
	at = ff.backOverSpaces(at)
	if at >= 2 && isPhase(string(ff.rs[at-2:at])) {
		return string(ff.rs[at-2 : at])
	}
	return ""
}

// listedProduct reports a quantity that continues a list of products after
// 年产 (年产50万吨生物基二胺和90万吨…、…): its product follows it.
func (ff *frameFinder) listedProduct(f found) bool {
	if f.kind != corpus.KindQuantity {
		return false
	}
	at := ff.backOverSpaces(f.start)
	if at == 0 || !strings.ContainsRune("和及、", ff.rs[at-1]) {
		return false
	}
	lo := max(0, at-40)
	return strings.Contains(string(ff.rs[lo:at]), "年产")
}

// attributiveCount reads a count whose noun the text leaves out after an
// attributive phrase (其中，国资参与建设的199个，民营参与建设的204个): the
// phrase with the paragraph's noun (国资参与建设的科创平台).
func (ff *frameFinder) attributiveCount(fs []found, out []frame, i, regionStart, paraStart int) string {
	at := ff.backOverSpaces(fs[i].start)
	if at == 0 || ff.rs[at-1] != '的' {
		return ""
	}
	start := ff.clauseStart(regionStart, at-1)
	if w, ok := openerIndex.at(ff.rs, start); ok {
		start += len([]rune(w))
	}
	phrase := stripQuotes(strings.TrimSpace(string(ff.rs[start : at-1])))
	if n := len([]rune(phrase)); n < 2 || n > 10 {
		return ""
	}
	if head := ff.lastHead(fs, out, i, paraStart); head != "" {
		return phrase + "的" + head
	}
	return ""
}

// isPhase reports a project phase (一期, 二期工程's 二期).
func isPhase(s string) bool {
	rs := []rune(s)
	return len(rs) == 2 && rs[1] == '期' && strings.ContainsRune("一二三四五六", rs[0])
}

// indicatorHeads turn an indicator into another measure of it (研发投入 →
// 研发投入强度).
var indicatorHeads = wordSet("indicator_heads")

// genericHeads are nouns too general to stand alone as a metric.
var genericHeads = wordSet("generic_heads")

// isAboveBelow reports the 以 of 以上/以下, which belongs to a class name
// (亿元以上项目), not a preposition.
func isAboveBelow(rs []rune, i int) bool {
	return rs[i] == '以' && i+1 < len(rs) && (rs[i+1] == '上' || rs[i+1] == '下')
}

// metricStop are characters a metric does not run over.
var metricStop = chars("stop_function", "stop_metric")

// shortIndicators are indicators that read better with the noun before
// them: 企业占比, 新签约项目总投资, 新增工业投资.
var shortIndicators = wordSet("short_indicators")

// withModifier extends an indicator with the few characters of noun before
// it (企业占比), but not with a long phrase.
func (ff *frameFinder) withModifier(regionStart, at int, w string) string {
	if endsWithRunes(ff.rs, at, "新增") && at-2 >= regionStart {
		return "新增" + w // 新增工业投资 is the year's addition, not the stock
	}
	limit := 5 // 企业占比, 新签约项目总投资
	switch {
	case ff.report:
		// 建筑业增加值, 实际使用外商直接投资, 交通运输、仓储和邮政业增加值:
		// in a report the longest noun wins.
		limit = 12
	case !shortIndicators[w]:
		return w
	}
	start := ff.nounStart(regionStart, at)
	if ff.report {
		start = ff.coordinatedWithin(regionStart, start, at-limit) // 新能源和清洁能源装机占比
	}
	mod := stripLeadingVerbs(withoutListConnective(string(ff.rs[start:at])))
	if mod != "" && endsWithRunes(ff.rs, start, "新增") && start-2 >= regionStart && len([]rune(mod))+2 <= limit {
		mod = "新增" + mod // 新增城镇就业: what the year added, as 新增工业投资
	}
	rate := hasAnySuffix(w, rateSuffixes)
	if mod == "" && ff.report && at > regionStart+2 && ff.rs[at-1] == '的' && (len([]rune(w)) <= 3 || rate) {
		// 轻纺工业的总产值: a short indicator with its owner before 的; a
		// rate with a longer one (粮食产量平均每年的增长速度).
		s := ff.nounStart(regionStart, at-1)
		limit := 6
		if rate {
			limit = 10
		}
		if owner := stripLeadingVerbs(string(ff.rs[s : at-1])); len([]rune(owner)) >= 2 && len([]rune(owner)) <= limit && !isVerbWord(owner) && !strings.HasSuffix(owner, "占") {
			return owner + "的" + w
		}
	}
	if n := len([]rune(withoutInclusionGloss(mod))); n == 0 || n > limit || isVerbWord(mod) {
		return w
	}
	return mod + w
}

// purposeBefore is the purpose phrase 用于…的 of noun, which starts at
// rune at, in its clause, with the funder right before it (中央财政用于
// “三农”的|支出, 可用于生活费的|收入, 国家用于|城市职工住宅的投资), or ""
// (also when a demonstrative stands for the purpose).
func (ff *frameFinder) purposeBefore(regionStart, at int, noun string) string {
	from := at - 3 // 用于…的|支出
	if endsWithRunes(ff.rs, at, "用于") && strings.Contains(noun, "的") {
		from = at - 2 // 用于|城市职工住宅的投资: the noun holds the 的
	} else if at < regionStart+4 || ff.rs[at-1] != '的' {
		return ""
	}
	for k := from; k >= regionStart && at-k <= 24; k-- {
		r := ff.rs[k]
		if isClauseBreak(r) || isSentenceEnd(r) || isDigit(r) {
			return ""
		}
		if r != '用' || ff.rs[k+1] != '于' {
			continue
		}
		if _, ok := demonstratives.at(ff.rs, k+2); ok {
			return "" // 用于这些方面的支出 says no more than 支出
		}
		if w, ok := yongVerbs.endingAt(ff.rs, k+1); ok && k+1-len([]rune(w)) >= regionStart {
			return string(ff.rs[k+1-len([]rune(w)) : at]) // 应用于生产的比重
		}
		if k > regionStart && ff.rs[k-1] == '可' {
			// 城市职工家庭平均每人可用于生活费的收入: whose it is, too.
			return string(ff.rs[ff.nounStart(regionStart, k-1):at])
		}
		if w, ok := funders.endingAt(ff.rs, k); ok && k-len([]rune(w)) >= regionStart && !(w == "国家" && k-2 > regionStart && isHan(ff.rs[k-3])) {
			k -= len([]rune(w)) // 中央财政用于“三农”的支出, but not the 国家 of 发达国家
		}
		return string(ff.rs[k:at])
	}
	return ""
}

// yongVerbs end in the 用 of a 用于 that is no purpose of money (应用于).
var yongVerbs = newWordIndex(words("yong_verbs"))

// funders pay for a purpose (中央财政, 国家).
var funders = newWordIndex(words("funders"))

// demonstratives point back at something named before (这些, 上述).
var demonstratives = newWordIndex(words("demonstratives"))

// verbWords start or make up a phrase that is an action, not a noun.
var verbWords = sortedByLength(words("verbs"))

var (
	verbIndex     = newWordIndex(verbWords)
	trailingIndex = newWordIndex(trailingWords)
	verbSet       = wordSet("verbs")
)

func isVerbWord(s string) bool { return verbSet[s] }

func stripLeadingVerbs(s string) string {
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		if _, ok := compoundIndex.at(rs, i); ok {
			break // 有色金属…业: a compound noun, not 有 and a noun
		}
		if hasPrefixRunes(rs, i, "新增") && len(rs)-i >= 4 {
			break // 新增债券 is the year's new bonds, as 城镇新增就业 its new jobs
		}
		v, ok := verbIndex.at(rs, i)
		if !ok || i+len([]rune(v)) >= len(rs) {
			break
		}
		i += len([]rune(v))
	}
	return string(rs[i:])
}

// indicatorEndingAt returns the longest indicator word that ends at end,
// or a nearer one that ends within two characters of it.
func (ff *frameFinder) indicatorEndingAt(regionStart, end int) string {
	for e := end; e >= regionStart && end-e <= 2; e-- {
		if w, ok := ff.indicators.endingAt(ff.rs, e); ok && e-len([]rune(w)) >= regionStart {
			start := e - len([]rune(w))
			if k := ff.periodsFrom(start - 12); k < len(ff.periods) && ff.periods[k].start < start && ff.periods[k].end > start {
				return string(ff.rs[ff.periods[k].end:e]) // 2021年产值: 年 belongs to the period
			}
			if head := string(ff.rs[e:end]); indicatorHeads[head] {
				return w + head // 研发投入强度: the head names the measure
			}
			if e != end {
				return "" // 就业|率: a longer noun ends here, not the indicator
			}
			return w
		}
	}
	return ""
}

// boundaryAt reports that a name, a period or a pronoun ends at rune i, so
// the metric starts there.
func (ff *frameFinder) boundaryAt(i int) bool {
	if ff.mentionEnd[i] || ff.periodEnd[i] || ff.figureEnd[i] {
		return true
	}
	if _, ok := levelIndex.endingAt(ff.rs, i); ok && ff.report && !ff.countStart[i] && !hasPrefixRunes(ff.rs, i, "以上") && !hasPrefixRunes(ff.rs, i, "及以上") {
		// 市级|一般公共预算收入: the level is whose, not what (其中：市级
		// 464163万元，大冶市…), but right before a count (其中：国家级1个，
		// 省级6个) or 以上 (省级以上企业技术中心) a grade, part of the metric.
		return true
	}
	if ff.report && (endsWithRunes(ff.rs, i, "全国") || endsWithRunes(ff.rs, i, "我国")) {
		return true // 全国|涌现出重大科研成果: whose, not what
	}
	if v, ok := changeVerbIndex.endingAt(ff.rs, i); ok && i < len(ff.rs) && !strings.ContainsRune("值额量率幅", ff.rs[i]) && i-len([]rune(v)) > 0 {
		return true // 提高|企业退休人员基本养老金, but 增加值
	}
	if _, ok := ff.baseEnd[i]; ok {
		return true
	}
	if _, ok := pronounIndex.endingAt(ff.rs, i); ok {
		return true
	}
	if v, ok := verbIndex.endingAt(ff.rs, i); ok && len([]rune(v)) > 1 && !(i < len(ff.rs) && strings.ContainsRune("类性化型式费率额量", ff.rs[i])) {
		// 新签约项目, 新建项目: after 新 the verb modifies the noun; 经济建设
		// 类支出, 保障性住房, 自给率, 销售额: a suffix makes the verb part of
		// the noun.
		return i-len([]rune(v)) == 0 || ff.rs[i-len([]rune(v))-1] != '新'
	}
	return endsWithRunes(ff.rs, i, "其中")
}

// isNounSuffix reports a character that turns the verb before it into a
// noun (集聚区, 孵化园, 服务站).
func isNounSuffix(rs []rune, i int) bool {
	return i < len(rs) && strings.ContainsRune("区园站点库所器", rs[i])
}

// nounAfterStops end a counted noun: what follows them is a new phrase
// (高性能玻璃纤维|智能制造生产线, 产业链|基本形成).
var nounAfterStops = words("counted_stops")

var nounAfterStopIndex = newWordIndex(nounAfterStops)

// countedStop are the characters that end the noun after a count.
var countedStop = chars("stop_function", "stop_counted")

// nounAfter reads the counted noun after a measure word (22个国家级产业基地).
func (ff *frameFinder) nounAfter(i int) string {
	return ff.nounAfterJoined(i, true)
}

// nounAfterJoined reads the noun at i, with one coordinate noun after 和 or
// 及 when join is set.
func (ff *frameFinder) nounAfterJoined(i int, join bool) string {
	rs := ff.rs
	if v, ok := verbIndex.at(rs, i); ok && len([]rune(v)) > 1 {
		return "" // 由5千多户|增加到…: a verb follows, not a noun
	}
	if _, ok := levelVerbIndex.at(rs, i); ok {
		return "" // 比一九五八年的三亿八千万吨|增长百分之三十六
	}
	if p, ok := ff.periodStart[i]; ok {
		i = p.end // 113个年内有条件投产项目: the period is not the noun
	}
	j := i
	for j < len(rs) && j-i < 12 && (isASCIILetter(rs[j]) || (j > i && isDigit(rs[j]))) {
		j++ // 4条iPhone14生产线: a model name opens the noun
	}
	for j < len(rs) && j-i < 14 && (isHan(rs[j]) || rs[j] == '“' || rs[j] == '”') {
		if j > i && ff.figureStart[j] {
			break // 五年招收研究生|四万三千多人: a noun never runs over a figure in words
		}
		if w, ok := compoundIndex.at(rs, j); ok && j+len([]rune(w))-i <= 14 {
			j += len([]rune(w)) // 城乡低保对象: a word that holds a stop character
			continue
		}
		if strings.ContainsRune(countedStop, rs[j]) {
			break
		}
		if hasPrefixRunes(rs, j, "生产线") {
			j += 3 // 4条iPhone14生产线: the line is the head
			break
		}
		if w, stop := nounAfterStopIndex.at(rs, j); j > i && stop {
			if v, ok := verbIndex.at(rs, j); ok && hasPrefixRunes(rs, j+len([]rune(v)), "项目") {
				j += len([]rune(v)) + 2 // 有条件投产项目: the verb qualifies the head
			} else if w == "项目" && strings.ContainsRune("个项批", rs[i-1]) {
				j += 2 // 810个省重点项目完成投资: what a count counts is the head (not so 年产5万吨锂电池项目)
			}
			break
		}
		if v, ok := verbIndex.at(rs, j); j > i && ok && len([]rune(v)) > 1 && !isNounSuffix(rs, j+len([]rune(v))) {
			break // 企业家|颁发, but not 集聚|区
		}
		if _, ok := levelVerbIndex.at(rs, j); j > i && ok {
			break // 平均每年|增长
		}
		j++
	}
	if join && j+2 < len(rs) && j-i >= 2 && (rs[j] == '和' || rs[j] == '及') {
		// 120余名施工人员和技术人员: a coordinate noun of the same kind.
		if more := ff.nounAfterJoined(j+1, false); more != "" && !isVerbWord(more) && lastRune(more) == rs[j-1] {
			return stripQuotes(string(rs[i:j+1])) + more
		}
	}
	if j > i+2 && rs[j-1] == '中' && j < len(rs) && !isHan(rs[j]) {
		j-- // 334个项目中，: 中 places, it is not the noun
	}
	noun := cutAfterHead(stripQuotes(string(rs[i:j])))
	if len([]rune(noun)) == 1 && j < len(rs) && rs[j] == '(' {
		if k := strings.IndexRune(string(rs[j:min(len(rs), j+8)]), ')'); k > 0 {
			return noun + string(rs[j:j+utf8.RuneCountInString(string(rs[j:min(len(rs), j+8)])[:k])+1]) // 2147个县(市、区)
		}
	}
	if len([]rune(noun)) < 2 {
		return ""
	}
	return noun
}

// countedHeads end the noun a count counts; what runs on after the last of
// them is the clause's verb (13家开发区|“三制”改革, 6个园区服务中心|承担).
var countedHeads = words("counted_heads")

func cutAfterHead(noun string) string {
	cut := -1
	for _, h := range countedHeads {
		if k := strings.LastIndex(noun, h); k >= 0 && k+len(h) > cut {
			cut = k + len(h)
		}
	}
	if cut < 0 || len([]rune(noun[cut:])) < 2 || hasAnySuffix(noun, countedHeads) || noun[cut:] == "公司" {
		return noun
	}
	return noun[:cut]
}

var (
	openerIndex  = newWordIndex(openers)
	pronounIndex = func() *wordIndex {
		var ws []string
		for w := range pronouns {
			ws = append(ws, w)
		}
		return newWordIndex(ws)
	}()
)

func loadIndicators(extra []string) []string {
	var out []string
	for _, line := range strings.Split(indicatorsTxt, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return append(out, extra...)
}

// timedMetric names what a time measures when its words do not (从签约到
// 开工 → 落地周期); a project is whose time it is, not what is timed
// (用地项目时限为22天，厂房项目为15天).
func (ff *frameFinder) timedMetric(c *figureAt, m string) string {
	if c.f.kind != corpus.KindDuration {
		return m
	}
	at := ff.backOverSpaces(c.f.start)
	if w, ok := spanOpeners.endingAt(ff.rs, at); ok && at-len([]rune(w)) >= c.regionStart {
		// 过去五年, 未来5年: the stretch of time is what the span measures.
		return w + strings.Join(strings.Fields(string(ff.rs[c.f.start:c.f.end])), "")
	}
	nearly := at-1 >= c.regionStart && ff.rs[at-1] == '近' && m != "" && lastRune(m) != '近' && at-1 > c.regionStart
	if at-1 >= c.regionStart && strings.ContainsRune("前近这", ff.rs[at-1]) && !nearly &&
		(at-2 < c.regionStart || !strings.ContainsRune("提以之此事空当目超向接学", ff.rs[at-2])) {
		// 钢产量前三年共增加了…, 近三年, 这八年: so is a span the word
		// before opens; but 近 after a noun that names what the span is
		// means nearly (工期近三年 keeps 工期), and 提前三年完成 is no span.
		return string(ff.rs[at-1]) + strings.Join(strings.Fields(string(ff.rs[c.f.start:c.f.end])), "")
	}
	if d := ff.durationMetric(c.sentStart, c.f.start, m); d != "" {
		m = d
	}
	if m != "" && hasPrefixRunes(ff.rs, c.f.end, m) && strings.ContainsRune("来中间内里", []rune(m)[0]) {
		return "" // 两年来新建…: 来 ends the span, it starts no noun
	}
	if slices.Contains(spanVerbs, m) && endsWithRunes(ff.rs, c.f.start, m) {
		return "" // 提前两年完成, 延长三年: a verb that moves a span says what is done to it, not what it measures
	}
	if hasAnySuffix(m, []string{"项目", "企业", "公司"}) {
		m = ""
		if q := sameUnitBefore(c.fs, c.i-1, c.f.unit, c.sentStart); q >= 0 {
			m = c.out[q].metric
		}
	}
	return m
}

// spanVerbs move or stretch a span of time (提前两年, 再延长30年, 苦战三年):
// alone before it they are no metric.
var spanVerbs = words("span_verbs")

// spanOpeners open a span of time counted from now (过去, 未来, 今后).
var spanOpeners = newWordIndex(words("span_openers"))

// attributiveMetric reads a count whose noun follows an attributive and
// is left out (国资参与建设的199个).
func (ff *frameFinder) attributiveMetric(c *figureAt, m string) string {
	if c.f.kind != corpus.KindCount || m != "" || ff.baseValue(c.f) {
		return m // 比一九五二年的五万八千人: a compared value, not an attributive
	}
	if a := ff.attributiveCount(c.fs, c.out, c.i, c.regionStart, c.paraStart); a != "" {
		c.inherit = nil
		return a
	}
	return m
}

// continuedCount reads a count that continues an earlier count of the
// same unit across another figure: 新增2000台长晶炉，新增产值5.7亿元，
// 已安装384台.
func (ff *frameFinder) continuedCount(c *figureAt, m string) string {
	if (m != "" && !isVerbWord(m)) || c.inherit == nil || c.f.kind != corpus.KindCount || c.fs[c.p].unit == c.f.unit {
		return m
	}
	if q := sameUnitBefore(c.fs, c.p, c.f.unit, c.sentStart); q >= 0 && c.out[q].metric != "" {
		c.inherit = nil
		return c.out[q].metric
	}
	return m
}

// inheritedMetric gives a figure without a noun of its own the metric of
// the figure its clause continues (完成397.86亿元，同比下降6.4%), and a bare
// level or class its noun (科创平台398个，其中国家级28个).
func (ff *frameFinder) inheritedMetric(c *figureAt, m string) string {
	prev := c.inherit
	switch {
	case prev != nil && (m == "增速" || m == "增幅") && prev.metric != "" && !hasAnySuffix(prev.metric, []string{"增速", "增幅", "比重", "占比"}):
		return prev.metric + m // 地区生产总值…增长1.5%，增速比同期提高0.9个百分点: the rate of the figure before
	case prev != nil && c.f.kind == corpus.KindPercent && (m == "占比" || m == "比重") && prev.metric != "" &&
		!hasAnySuffix(prev.metric, []string{"比重", "比例", "占比"}):
		return prev.metric + m // 一般公共服务支出75.25亿元，占比7.8%: its share
	case prev != nil && (m == "" || isVerbWord(m) || ff.report && bareMeasures[m]):
		if amount := shareOwner(prev.metric); amount != "" && c.f.kind != corpus.KindPPT && c.f.change != "" {
			return amount // …支出67.34亿元，占比7.0%，增长3.7%: the amount grew, not its share
		}
		if c.f.kind == corpus.KindPPT && c.p >= 0 && prev == &c.out[c.p] && c.fs[c.p].kind == corpus.KindPercent &&
			c.fs[c.p].change != "" && prev.metric != "" && !hasAnySuffix(prev.metric, rateSuffixes) {
			return prev.metric + "增速" // 增长6.5%，高于全市平均水平2个百分点: points of the growth rate
		}
		return prev.metric // 一般公共服务支出75.25亿元，…，增长7.8%
	case prev != nil && c.f.kind == corpus.KindPercent && strings.HasPrefix(m, "在") && hasAnySuffix(m, []string{"比重", "比例", "占比"}) &&
		prev.metric != "" && !strings.Contains(prev.metric, "占"):
		// 5G移动电话用户688.16万户，在移动电话用户中占比65.9%; a share
		// after a share (…在批发中的比重达到63%，在零售中的比重达到34%)
		// is of the same owner.
		return strings.TrimSuffix(strings.TrimSuffix(prev.metric, "比重"), "比例") + m
	case prev != nil && c.f.kind == corpus.KindPercent && strings.HasPrefix(m, "占") && !strings.HasPrefix(m, "占地") && !strings.HasPrefix(m, "占用") &&
		len([]rune(m)) > 2 && len([]rune(prev.metric)) > 2 && !strings.Contains(prev.metric, "占"):
		// 民生支出339.39亿元，占一般公共预算支出的83.1%: the share is the
		// figure before's, of the whole this one names.
		if hasAnySuffix(m, []string{"比重", "比例", "占比"}) {
			return prev.metric + m // 税收收入…，占财政收入的比重达79.05%
		}
		return prev.metric + m + "的比重"
	case prev != nil && isGradeModifier(m) && prev.metric != "" && !strings.HasPrefix(prev.metric, m) && !strings.HasSuffix(prev.metric, "类"):
		// 国家级28个 after 科创平台398个; a class after a class
		// (化妆品类 after 服装、鞋帽、针纺织品类) has no noun to take.
		return m + strings.TrimPrefix(strings.TrimPrefix(prev.metric, gradePrefix(prev.metric)), m)
	case prev == nil && strings.HasSuffix(m, "类") && isGradeModifier(m):
		// …市级76个。侧重于数字经济类270个: the noun is the paragraph's.
		if head := ff.lastHead(c.fs, c.out, c.i, c.paraStart); head != "" {
			return m + head
		}
	}
	return m
}

// shareOwner is what a share's metric is the share of (民生支出 of
// 民生支出占一般公共预算支出的比重, of 支出占比, of 5G移动电话用户在移动电话
// 用户中占比), or "" for a metric that is no share.
func shareOwner(metric string) string {
	if amount, ok := strings.CutSuffix(metric, "占比"); ok && amount != "" {
		if owner, _, within := strings.Cut(amount, "在"); within && owner != "" && strings.HasSuffix(amount, "中") {
			return owner
		}
		return amount
	}
	if !hasAnySuffix(metric, []string{"比重", "比例"}) {
		return ""
	}
	if k := strings.LastIndex(metric, "占"); k > 0 && utf8.RuneCountInString(metric[:k]) >= 2 {
		return metric[:k]
	}
	return ""
}

// levelIndex finds the levels of government a report names as whose a
// figure is (市级, 中央财政).
var levelIndex = newWordIndex(words("levels"))
