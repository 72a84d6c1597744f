package extract

// The frame stage: what each figure measures (metric), whose it is
// (subject), when (period) and against what (base). frames walks the
// figures of an article in order; each field is decided by the ordered
// rules of its own file (frame_subject.go, frame_metric.go,
// frame_period.go), and lists paired with 分别 by frame_list.go.

import (
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// frame is what a figure measures, whose it is, when, and against what.
type frame struct {
	metric, subject, period, base string
	periodFrom, periodTo          string
	target                        bool
}

// isClauseBreak reports punctuation that ends a clause inside a sentence.
func isClauseBreak(r rune) bool {
	return r == ',' || r == ';' || r == ':' || r == '，' || r == '\n' || r == '—'
}

type frameFinder struct {
	rs         []rune
	mentions   []mention
	sentences  sentenceIndex
	paragraphs []int // rune indexes where paragraphs start
	year       int
	indicators *wordIndex
	periods    []span // in order of start
	main       topics
	// Indexes so that every look-up is a map hit or a binary search: the
	// finder runs over documents of any length.
	mentionEnd  map[int]bool
	periodEnd   map[int]bool
	periodByEnd map[int]span
	figureEnd   map[int]bool // a metric never runs over a figure
	figureStart map[int]bool
	// countStart marks where figures that count things start: a level
	// of government right before one is a grade (省级6个), not whose.
	countStart map[int]bool
	// report is set for formal documents (reports, bulletins, budgets),
	// whose indicators are long nouns (建筑业增加值) and whose 市级 is a
	// level of government, not a grade (省级科创平台).
	report     bool
	claim      bool
	reviewYear int
	// sections are the headings of a report, each with the level of
	// government its section is about (市级), in order.
	sections []span
	// plans are the sections of a report that state plans (预算草案).
	plans    []span
	headings []heading
	// cues and fullStops index the target cues and sentence ends, built on
	// the first question.
	cues      []span
	fullStops []int
	resolved  map[periodKey]corpus.Period
	// date is the document's date (ISO, possibly only a year or month).
	date        string
	periodStart map[int]span
	bases       []span // in order of start
	baseEnd     map[int]span
	earlier     map[[2]int]string // earlierSubject by paragraph and sentence
}

// mentionsFrom is the index of the first mention starting at or after i.
func (ff *frameFinder) mentionsFrom(i int) int {
	return sort.Search(len(ff.mentions), func(k int) bool { return ff.mentions[k].start >= i })
}

type span struct {
	start, end int
	text       string
}

// frameDoc is what the frame stage knows of the document: the year and
// date it speaks from, the place it speaks for, and whether it is a
// formal report rather than news.
type frameDoc struct {
	year   int
	date   string
	place  string
	report bool
	claim  bool // a claim to check, read like a report
	// reviewYear is the year a work report given in the first half of a
	// year reviews (the year before), or 0.
	reviewYear int
}

func newFrameFinder(an analysis, sentences sentenceIndex, doc frameDoc, indicators *wordIndex) *frameFinder {
	year, place, report := doc.year, doc.place, doc.report
	rs, mentions := an.rs, an.mentions
	// window is up to n characters of text from rune i, sliced from the
	// normalized string rather than converted from runes.
	window := func(i, n int) string {
		return an.norm.Text[an.offsets[i]:an.offsets[min(len(rs), i+n)]]
	}
	ff := &frameFinder{rs: rs, mentions: mentions, sentences: sentences, year: year, indicators: indicators, earlier: map[[2]int]string{}}
	// The normalizer joined wrapped lines, so every line break left is a
	// paragraph break.
	ff.paragraphs = []int{0}
	for i, r := range rs {
		if r == '\n' && (i+1 == len(rs) || rs[i+1] != '\n') {
			ff.paragraphs = append(ff.paragraphs, i+1)
		}
	}
	ff.baseEnd = map[int]span{}
	for i := 0; i < len(rs); i++ {
		if whole, plan := exceededPlan(rs, i, window(i, 34)); whole != "" {
			b := span{start: i, end: i + utf8.RuneCountInString(whole), text: plan}
			ff.bases = append(ff.bases, b)
			ff.baseEnd[b.end] = b
			i = b.end - 1
			continue
		}
		if !isBaseFirst(rs[i]) {
			continue
		}
		if m := baseRe.FindString(window(i, 14)); m != "" { // 较“十三五”末2020年
			b := span{start: i, end: i + utf8.RuneCountInString(m), text: m}
			ff.bases = append(ff.bases, b)
			ff.baseEnd[b.end] = b
			i = b.end - 1
		}
	}
	for i := 0; i < len(rs); i++ {
		if !periodCandidate(rs, i) {
			continue
		}
		if i > 0 && (rs[i-1] == '比' || rs[i-1] == '较') || ff.inBase(i) {
			continue // 较2022年, 同1987年相比: a base, not the figure's period
		}
		if rs[i] == '前' && i > 0 && strings.ContainsRune("提以之此事空当目超向", rs[i-1]) {
			continue // 提前三年完成, 以前: the 前 of a word, no period
		}
		if i > 0 && (rs[i-1] == '继' || (rs[i-1] == '是' && rs[i] == '目' && (i < 2 || !isChineseNumeral(rs[i-2])))) {
			continue // 是目前国内最大的…, 继2020年10月…之后: not when the figure holds (but 一是目前…)
		}
		m := periodRe.FindString(window(i, 20))
		if m == "" && report {
			m = clauseSpan(rs, i) // a review's span opens its clauses in reports only
		}
		if m == "" {
			continue
		}
		n := utf8.RuneCountInString(m)
		if startsAny(rs, i+n, periodNouns) {
			continue // 上年结转, 上年不变价格: a budget item, a price basis, not a period
		}
		if i > 0 && (rs[i-1] == '是' || rs[i-1] == '为') && hasPrefixRunes(rs, i+n, "的") && multipleAt(rs, i+n+1) {
			continue // 是2010年的2.2倍: the year compared with, not when the figure holds (but 下降为一九五二年的百分之三十九)
		}
		if k := len(ff.periods) - 1; k >= 0 && ff.periods[k].end == i && rs[i] == '这' {
			// 从一九五三年到一九六○年这八年: the span names the range again.
			ff.periods[k].end = i + n
			i += n - 1
			continue
		}
		ff.periods = append(ff.periods, span{start: i, end: i + n, text: stripQuotes(m)})
		i += n - 1
	}
	ff.main = mainSubjects(rs, mentions)
	ff.main.place(place, report)
	ff.report, ff.date, ff.claim, ff.reviewYear = report, doc.date, doc.claim, doc.reviewYear
	if report {
		ff.readSections()
	}
	ff.mentionEnd, ff.periodEnd, ff.periodStart, ff.periodByEnd = map[int]bool{}, map[int]bool{}, map[int]span{}, map[int]span{}
	for _, m := range mentions {
		if m.kind != corpus.EntityPerson {
			ff.mentionEnd[m.end] = true
		}
	}
	for _, p := range ff.periods {
		ff.periodEnd[p.end] = true
		ff.periodByEnd[p.end] = p
		if _, ok := ff.periodStart[p.start]; !ok {
			ff.periodStart[p.start] = p
		}
	}
	return ff
}

// maxLookBack bounds, in characters, how far a frame looks back for its
// clause, subject and period.
const maxLookBack = 300

// figureAt is what the frame rules see of one figure: the figure, the
// frames of the figures before it, and where its sentence and clause
// region begin.
type figureAt struct {
	fs  []found
	out []frame
	i   int
	f   found
	// sentStart is where the figure's sentence starts (at most maxLookBack
	// before it); regionStart where its own words start: after the
	// previous figure of the sentence, or the sentence start.
	sentStart, regionStart, paraStart int
	// prev is the frame of the figure whose clause this one continues
	// (完成397.86亿元，同比下降6.4%), p its index; nil and -1 if none.
	prev *frame
	p    int
	// inherit is the frame whose metric a figure without one of its own
	// takes (prev, unless a rule found the noun elsewhere).
	inherit *frame
	// carried is the subject that opened an earlier clause of the paragraph.
	carried string
	// topical is set by a rule whose subject opens a clause, so that later
	// figures of the paragraph inherit it.
	topical bool
}

// subjectRule names whose a figure is, or returns "".
type subjectRule struct {
	name string
	find func(ff *frameFinder, c *figureAt) string
}

// subjectRules are tried in order; the first that names a subject wins.
// The order is the policy: a name the figure's own words give (inside a
// project name, before 年产, after 向) beats the one that opens its
// clause, which beats one carried from earlier sentences; the document's
// own scope comes last, and nothing is invented after it.
var subjectRules = []subjectRule{
	{"denominator of a share", (*frameFinder).denominatorSubject}, // 占全省(2113家)
	{"enclosing project", func(ff *frameFinder, c *figureAt) string { return ff.enclosingProject(c.f) }},
	{"producer before 年产", func(ff *frameFinder, c *figureAt) string { return ff.producer(c.f) }},
	{"maker of the earlier phase", (*frameFinder).earlierPhaseMaker},
	{"recipient of money", func(ff *frameFinder, c *figureAt) string { return ff.recipient(c.regionStart, c.f) }},
	{"name the figure introduces", (*frameFinder).introducedName},
	{"level of government", (*frameFinder).levelSubject},
	{"clause opening", (*frameFinder).openingSubject},
	{"earlier sentence of the paragraph", func(ff *frameFinder, c *figureAt) string { return ff.earlierSubject(c.paraStart, c.sentStart) }},
	{"carried from an earlier clause", func(_ *frameFinder, c *figureAt) string { return c.carried }},
	{"project the figure sizes", func(ff *frameFinder, c *figureAt) string { return ff.sizedProject(c.f) }},
	{"level of a list introduced by 如下", (*frameFinder).listLevel},
	{"level of the section", (*frameFinder).sectionLevel},
	{"document scope", func(ff *frameFinder, _ *figureAt) string { return ff.main.scope }},
}

// metricRule refines the metric the figure's own words give (current),
// from its context; it returns current when it has nothing to add.
type metricRule struct {
	name   string
	refine func(ff *frameFinder, c *figureAt, current string) string
}

// metricRules run in order after the metric of the figure's own words
// (ff.metric): a time's span, an elided noun after an attributive, a
// count continuing an earlier count, the figure before it, a level's noun.
var metricRules = []metricRule{
	{"what a time measures", (*frameFinder).timedMetric},
	{"attributive count", (*frameFinder).attributiveMetric},
	{"count continuing a count", (*frameFinder).continuedCount},
	{"figure before in the clause", (*frameFinder).inheritedMetric},
	{"topic of the sentence", (*frameFinder).sentenceTopic},
}

func (ff *frameFinder) frames(fs []found) []frame {
	out := make([]frame, len(fs))
	ff.figureEnd, ff.figureStart, ff.countStart = make(map[int]bool, len(fs)), make(map[int]bool, len(fs)), map[int]bool{}
	for _, f := range fs {
		ff.figureEnd[f.end] = true
		ff.figureStart[f.start] = true
		if f.kind == corpus.KindCount {
			ff.countStart[f.start] = true
		}
	}
	carrySubject, carryPeriod, carryYear := "", "", 0
	lastPeriod, lastSent := "", -1 // the period of the last figure that is no compared value, and its sentence
	lastPara, lastSentence := -1, -1
	for i, f := range fs {
		para := ff.paragraphOf(f.start)
		if para != lastPara {
			carrySubject, carryPeriod, carryYear, lastPara = "", "", 0, para
		}
		if sent := ff.sentences.startOf(f.start); sent != lastSentence {
			if open := ff.openingPeriodBetween(max(lastSentence, ff.paragraphs[para]), sent); open != "" {
				// 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%:
				// a sentence without figures still dates the ones after it.
				carryPeriod = open
			}
			lastSentence = sent
			if ff.report {
				// A report's paragraph runs over many subjects: a name that
				// opened a clause holds for its sentence only.
				carrySubject = ""
			}
		}
		c := ff.figureAt(fs, out, i)
		c.paraStart, c.carried = ff.paragraphs[para], carrySubject
		fr := frame{}
		fr.base = ff.lastBase(c.regionStart, f.start)
		if f.start > 0 && ff.rs[f.start-1] == '(' {
			fr.base = "" // a denominator (占全省(2113家)) has no base of its own
		}
		if open := ff.openingBase(c.sentStart, f.start); fr.base == "" && open != "" && ff.lastBase(c.sentStart, f.start) == open && f.change != "" {
			fr.base = open // 一九五七年比一九五二年，钢增加了…，棉花增加了…
		} else if whole := ff.wholeSentenceStart(c.sentStart); fr.base == "" && whole < c.sentStart && f.change != "" && ff.lastBase(c.sentStart, f.start) == "" && !ff.periodBetween(c.sentStart, f.start) {
			// …，粮食增加了五十亿斤；棉花增加了约三百九十万担 (but not
			// …；1958年，煤计划增加百分之五, which names a year of its own)
			fr.base = ff.openingBase(whole, f.start)
		}
		if ff.baseValue(f) {
			// 比一九五八年的二千零五十亿元增长百分之四十: the base is the
			// change's; the value it compares with has none.
			fr.base = ""
		} else if fr.base == "" && c.p >= 0 && ff.baseValue(fs[c.p]) {
			fr.base = ff.lastBase(c.sentStart, fs[c.p].start)
		}
		fr.metric = ff.metric(c.regionStart, f)
		for _, r := range metricRules {
			fr.metric = r.refine(ff, c, fr.metric)
		}
		fr.metric = settledMetric(fr.metric, f.kind)
		for _, r := range subjectRules {
			if fr.subject = r.find(ff, c); fr.subject != "" {
				break
			}
		}
		if rest, ok := strings.CutPrefix(fr.subject, "全市"); ok && rest != "" && ff.main.city != "" {
			// 全市开发区 out of its article says nothing; 临汾市开发区 says
			// whose zones, apart from the city's own totals.
			fr.subject = ff.main.city + rest
		}
		fr.period = ff.periodBefore(c.sentStart, f.start)
		if p, ok := ff.periodStart[f.end]; ok && fr.period == "" && f.kind == corpus.KindCount {
			fr.period = p.text // 113个年内有条件投产项目
		}
		carried := false
		if fr.period == "" {
			fr.period, carried = carryPeriod, carryPeriod != ""
		}
		if fr.period == "" && c.sentStart > 0 && hasPrefixRunes(ff.rs, c.sentStart, "其中") && (lastSent == c.sentStart || lastSent == ff.sentences.startOf(c.sentStart-1)) {
			fr.period, carried = lastPeriod, lastPeriod != "" // …在一九五七年达到…。其中，工业总产值达到了…: the sentence before's
		}
		if f.kind == corpus.KindDuration && fr.period != "" && (fr.period == ff.periodOver(f) || carried && ff.spanOfYears(f) && clauseSpanRe.MatchString(fr.period)) {
			fr.period = "" // 五年内, 这两年中: a span is no period of its own, nor another span's (五年…。今后五年内)
		}
		if from, to, ok := yearRangeEnds(fr.period); ok {
			// 从一九八○年至一九八五年，原煤产量由六亿二千万吨增加到八亿五千万
			// 吨: where a change starts is the first year's, where it ends
			// the last's.
			if ff.startValue(fs, i) {
				fr.period = from
			} else if i > 0 && ff.startValue(fs, i-1) {
				fr.period = to
			}
		}
		if p := ff.baseValuePeriod(f); p != "" {
			fr.period = p // 比一九五二年的八百二十七亿一千万元: the compared value is that year's
		} else if p := ff.startValueDate(fs, i, c.sentStart, fr.period); p != "" {
			// 1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元: where
			// the change starts is the base year's, not the year it ends in.
			fr.period, fr.base = p, ""
		} else if fr.period != "" || c.sentStart != lastSent {
			lastPeriod, lastSent = fr.period, c.sentStart // the sentence's last period
		}
		if open := ff.openingPeriod(c.sentStart, f.start); open != "" && !isPointInTime(open) {
			carryPeriod = open // only a period that opens a sentence carries to the next ones
		}
		// The period stays as printed; a year printed earlier in the
		// paragraph (2020年，…。全年签约1966个项目) dates it in period_from/to.
		if y := leadingYear(fr.period); y != 0 {
			carryYear = y
		}
		if c.topical && fr.subject != ff.main.scope {
			carrySubject = fr.subject
		}
		year := ff.year
		if sy := ff.contextYear(f.start); sy != 0 && !isRelativePeriod(fr.period) {
			year = sy
		}
		if carryYear != 0 && !isRelativePeriod(fr.period) {
			year = carryYear
		}
		fr.periodFrom, fr.periodTo = ff.resolvePeriod(fr.period, year)
		fr.target = ff.isTarget(c, fr)
		if fr.period == "" && ff.report && !fr.target {
			if sy := ff.contextYear(f.start); sy != 0 {
				// A figure under 一、2023年工作回顾 that prints no period of its
				// own is that year's: resolved, though nothing is printed.
				fr.periodFrom, fr.periodTo = ff.resolvePeriod("全年", sy)
			}
		}
		if fr.subject == unnamed {
			fr.subject = ""
		}
		if carried && pastYear(fr.period) {
			// 一年来，…。国内生产总值63.6万亿元: the year under review, dated
			// in period_from/to; the sentence prints no period.
			fr.period = ""
		}
		out[i] = fr
	}
	ff.pairRespectively(fs, out)
	return out
}

// periodBetween reports a period printed in [from, to).
func (ff *frameFinder) periodBetween(from, to int) bool {
	k := ff.periodsFrom(from)
	return k < len(ff.periods) && ff.periods[k].start < to
}

// wholeSentenceStart is where the sentence that holds the one starting at
// rune start begins: sentences joined by semicolons are one, whose
// opening holds for all of them.
func (ff *frameFinder) wholeSentenceStart(start int) int {
	for start > 0 && ff.rs[start-1] == ';' {
		start = ff.sentences.startOf(start - 1)
	}
	return start
}

// clausePeriod reports a period printed in the clause of the figure at
// rune at (…，今年计划由3.9亿吨增加到4亿吨): the clause's own, not the
// sentence's opening base year.
func (ff *frameFinder) clausePeriod(sentStart, at int) bool {
	clause := ff.clauseStart(sentStart, at)
	for k := ff.periodsFrom(clause); k < len(ff.periods) && ff.periods[k].start < at; k++ {
		if ff.periods[k].end <= at {
			return true
		}
	}
	return false
}

// comparedBefore reports a 比 or 较 shortly before rune i in its clause:
// a period there, with 的 after it, names what is compared with.
func comparedBefore(rs []rune, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		if isClauseBreak(rs[k]) || isSentenceEnd(rs[k]) {
			return false
		}
		if (rs[k] == '比' || rs[k] == '较') && (k+1 >= len(rs) || !strings.ContainsRune("重例率值", rs[k+1])) {
			return true // but not the 比 of 比重 or 比例
		}
	}
	return false
}

// openingPeriodBetween is the period that opens the last sentence starting
// in [from, to) that opens with one, or "".
func (ff *frameFinder) openingPeriodBetween(from, to int) string {
	k := sort.SearchInts(ff.sentences.starts, from)
	open := ""
	for ; k < len(ff.sentences.starts) && ff.sentences.starts[k] < to; k++ {
		start := ff.sentences.starts[k]
		end := to
		if k+1 < len(ff.sentences.starts) {
			end = min(end, ff.sentences.starts[k+1])
		}
		if p := ff.openingPeriod(start, end); p != "" && !isPointInTime(p) {
			open = p
		}
	}
	return open
}

// figureAt builds the context of fs[i]: a frame looks back within its
// sentence, but never further than maxLookBack, since a "sentence" of
// thousands of characters (a table flattened to one line, a list without
// full stops) would make every figure re-read it.
func (ff *frameFinder) figureAt(fs []found, out []frame, i int) *figureAt {
	f := fs[i]
	c := &figureAt{fs: fs, out: out, i: i, f: f, p: -1}
	c.sentStart = max(ff.sentences.startOf(f.start), f.start-maxLookBack)
	c.regionStart = c.sentStart
	p := prevAmount(fs, i)
	for p >= 0 && f.kind != corpus.KindDuration && fs[p].kind == corpus.KindDuration && fs[p].end >= c.sentStart {
		p = prevAmount(fs, p) // 五年平均每年增长7.9%: the span is no noun to inherit
	}
	if p >= 0 && fs[p].end <= f.start && fs[p].end >= c.sentStart {
		c.regionStart, c.prev, c.p = fs[p].end, &out[p], p
		if ff.rs[c.regionStart] == ')' && fs[p].start > 0 && ff.rs[fs[p].start-1] == '(' {
			c.regionStart, c.prev, c.p = fs[p].start-1, nil, -1 // 占全省(2113家)21.2%: look through the parenthesis
			if q := prevAmount(fs, p); q >= 0 && fs[q].end >= c.sentStart && fs[q].end <= c.regionStart {
				c.regionStart, c.prev, c.p = fs[q].end, &out[q], q
			}
		}
	}
	c.inherit = c.prev
	if c.prev == nil && p >= 0 && fs[p].end < c.sentStart && startsAny(ff.rs, c.sentStart, continuations) &&
		ff.sentences.startOf(fs[p].start) == ff.sentences.startOf(c.sentStart-1) {
		// …收入770.61亿元，下降2%。完成预算的91.5%: a sentence that opens
		// with a verb goes on about the figure before it.
		c.inherit, c.p = &out[p], p
	}
	if f.kind == corpus.KindDuration && c.prev != nil {
		if f.start > 0 && ff.rs[f.start-1] == '每' || fs[c.p].kind != corpus.KindDuration {
			// 每90秒下线一台 is a rate; 总投资25.3亿元，…仅用了一个多月: a time
			// is not the sum's change.
			c.inherit = nil
		}
	}
	return c
}

// continuations open a sentence that goes on about the figure before it.
var continuations = words("continuations")

// prevAmount is the index of the last figure before i that is not a date.
func prevAmount(fs []found, i int) int {
	for p := i - 1; p >= 0; p-- {
		if fs[p].kind != corpus.KindDate {
			return p
		}
	}
	return -1
}

func (ff *frameFinder) paragraphOf(i int) int {
	return sort.SearchInts(ff.paragraphs, i+1) - 1
}

// backOverSpaces moves rune index at back over the spaces before it (PDF
// text keeps 年产 56GW apart).
func (ff *frameFinder) backOverSpaces(at int) int {
	for at > 0 && ff.rs[at-1] == ' ' {
		at--
	}
	return at
}

func startsAny(rs []rune, i int, words []string) bool {
	for _, w := range words {
		if hasPrefixRunes(rs, i, w) {
			return true
		}
	}
	return false
}

var quoteStripper = strings.NewReplacer("“", "", "”", "", "\"", "")

// stripQuotes drops quotation marks that pair with nothing in s (a noun
// cut inside a quotation), and keeps a balanced pair: 企业“老工伤”人员 is
// the name as printed.
func stripQuotes(s string) string {
	if strings.Count(s, "“") == strings.Count(s, "”") && strings.Index(s, "“") <= strings.Index(s, "”") && !strings.Contains(s, "\"") {
		return s
	}
	return quoteStripper.Replace(s)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// clauseStart is where the clause holding rune at-1 starts, not before lo.
func (ff *frameFinder) clauseStart(lo, at int) int {
	for at > lo && !isClauseBreak(ff.rs[at-1]) {
		at--
	}
	return at
}

// spanOfYears reports a duration printed as years (五年, 两年多), not an
// age (76.7岁).
func (ff *frameFinder) spanOfYears(f found) bool {
	end := f.end
	if end > f.start+1 && ff.rs[end-1] == '多' {
		end--
	}
	return ff.rs[end-1] == '年'
}
