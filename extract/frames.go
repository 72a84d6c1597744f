package extract

import (
	_ "embed"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

//go:embed indicators.txt
var indicatorsTxt string

// frame is what a figure measures, whose it is, when, and against what.
type frame struct {
	metric, subject, period, base string
	periodFrom, periodTo          string
}

var periodRe = regexp.MustCompile(`^(?:截至(?:目前|\d{4}年(?:\d{1,2}月)?(?:底|末)?|(?:今年|去年|上年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?|(?:今年|去年|上年)?[一二三四]?季度?(?:底|末))` +
	`|\d{4}(?:-|—|至)\d{4}年` +
	`|(?:\d{4}|` + chineseYearDigits + `{4})年(?:\d{1,2}(?:-|—|至|到)\d{1,2}月份?|\d{1,2}月份?|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|全年|首日|以来|底|末)?` +
	`|(?:今年|去年|上年|当年)?(?:上半年|下半年|前三季度|[一二三四]季度|\d{1,2}(?:-|—|至|到)\d{1,2}月份?)` +
	`|自\d{4}年(?:\d{1,2}月)?(?:成立)?以来|(?:成立|运行|实施|签约|开展|启动|投产|开工)以来` +
	`|上半年|下半年|前三季度|前两季度|[一二三四]季度|第[一二三四]季度` +
	`|(?:过去的?|近|最近)` + spanYears + `年(?:来|间|中|里|以来|累计|内)?|` + spanYears + `年(?:来|间|以来|累计|中)` +
	`|“?(?:十[一二三四五]?|[一二三四五六七八九])五”?(?:计划|规划)?(?:期间|时期|以来|末)|第[一二三四五六七八九十]{1,3}个五年计划(?:期间|时期)?` +
	`|今年以来|今年|去年|上年末|上年|当年|全年|年内|年末|年底|年初|目前|“?十[三四五]五”?(?:期间|时期)?` +
	`|\d{1,2}月份)`)

// chineseYearDigits are the digits of a year written in Chinese (一九八五年);
// spanYears the counts of a span counted back (过去五年, 五年来).
const (
	chineseYearDigits = `[〇○零一二三四五六七八九]`
	spanYears         = `(?:[一二两三四五六七八九十]|十[一二三四五六七八九]|\d{1,2})`
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
	for _, w := range strings.Fields("截至 自2 自1 上半 下半 前三 前两 一季 二季 三季 四季 第一 第二 第三 第四 第五 第六 第七 第八 第九 第十 今年 去年 上年 当年 全年 年内 年末 年底 年初 目前 " +
		"近一 近两 近二 近三 近四 近五 近六 近七 近八 近九 近十 近1 近2 近3 近4 近5 近6 近7 近8 近9 过去 最近 一年 两年 二年 三年 四年 五年 六年 七年 八年 九年 十年 " +
		"十一 十二 十三 十四 十五 十六 十七 十八 十九 “十 “一 “二 “三 “四 “五 “六 “七 “八 “九 一五 二五 三五 四五 五五 六五 七五 八五 九五 成立 运行 实施 签约 开展 启动 投产 开工") {
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
	return i+1 < len(rs) && periodFirst.has(rs[i]) && periodStarts[[2]rune{rs[i], rs[i+1]}]
}

var baseRe = regexp.MustCompile(`^(?:[同与和跟](?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:相比|比较)|[同与和跟](?:上年|去年|上年同期|去年同期)(?:相比|比较)|同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|上年同期|去年同期|比上年末|较上年末|比上年|较上年|比去年|较去年|[比较]\d{4}年|[比较][一二三四]季度|[比较]\d{1,2}-\d{1,2}月|占(?:全省|全市|全国|全区|全县)|高于(?:全省|全市|全国|全区)|低于(?:全省|全市|全国|全区)|较年初|比年初)`)

// isBaseFirst reports the characters a comparison base can start with.
func isBaseFirst(r rune) bool {
	switch r {
	case '同', '环', '比', '较', '上', '去', '占', '高', '低', '与', '和', '跟':
		return true
	}
	return false
}

// isClauseBreak reports punctuation that ends a clause inside a sentence.
func isClauseBreak(r rune) bool {
	return r == ',' || r == ';' || r == ':' || r == '，' || r == '\n' || r == '—'
}

// trailingWords are stripped from the end of the text before a figure to
// reach the noun it measures: verbs, qualifiers and comparison words.
var trailingWords = sortedByLength([]string{
	"完成", "达到", "达", "为", "实现", "累计", "共", "共有", "有", "已有", "拥有", "预计", "约", "超过", "突破",
	"增长", "下降", "提高", "减少", "增加", "同比", "环比", "分别为", "分别", "已", "总计", "合计", "是", "占",
	"逾", "近", "将近", "接近", "超", "不少于", "不足", "不到", "了", "到", "至", "在", "的", "仅", "仅用",
	"用了", "用时", "由", "从", "缩短", "压缩", "控制在", "有望", "力争", "确保", "全年", "已安装",
	"回落", "收窄", "降低", "上升", "扩大", "提升", "高于", "低于", "居", "发放", "支付", "兑现", "带动", "直接", "原来的", "原来", "原先的", "分为", "分成",
	"培育", "引进", "签约", "建成", "建设", "认定", "集聚", "涵盖", "推动", "解决", "整改", "梳理", "开展",
	"举办", "组织", "承接", "出台", "搭建", "编制", "绘制", "建立", "设置", "实行", "出让", "接待", "接听",
	"锁定在了", "锁定在", "锁定", "在了", "最短", "最多", "普遍", "只用了", "只用", "仅仅", "需",
	"每年", "每月", "每天", "每日", "年均", "約", "達到", "為", "實現", "落地", "签约落地", "在谈", "谋划", "入驻", "竣工",
})

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
	periodStart map[int]span
	bases       []span // in order of start
	baseEnd     map[int]span
	earlier     map[[2]int]string // earlierSubject by paragraph and sentence
}

// periodNouns make a period word part of a noun: 上年结转, 上年结余 are
// budget items.
var periodNouns = []string{"结转", "结余", "末结", "滚存"}

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

// mentionsFrom is the index of the first mention starting at or after i.
func (ff *frameFinder) mentionsFrom(i int) int {
	return sort.Search(len(ff.mentions), func(k int) bool { return ff.mentions[k].start >= i })
}

// periodsFrom is the index of the first period starting at or after i.
func (ff *frameFinder) periodsFrom(i int) int {
	return sort.Search(len(ff.periods), func(k int) bool { return ff.periods[k].start >= i })
}

type span struct {
	start, end int
	text       string
}

func newFrameFinder(an analysis, sentences sentenceIndex, year int, place string, report bool, indicators *wordIndex) *frameFinder {
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
		if !isBaseFirst(rs[i]) {
			continue
		}
		if m := baseRe.FindString(window(i, 10)); m != "" {
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
		if i > 0 && (rs[i-1] == '继' || (rs[i-1] == '是' && rs[i] == '目' && (i < 2 || !isChineseNumeral(rs[i-2])))) {
			continue // 是目前国内最大的…, 继2020年10月…之后: not when the figure holds (but 一是目前…)
		}
		m := periodRe.FindString(window(i, 20))
		if m == "" {
			continue
		}
		n := utf8.RuneCountInString(m)
		if startsAny(rs, i+n, periodNouns) {
			continue // 上年结转: a budget item, not a period
		}
		ff.periods = append(ff.periods, span{start: i, end: i + n, text: strings.Trim(m, "“”")})
		i += n - 1
	}
	ff.main = mainSubjects(rs, mentions)
	ff.main.place(place, report)
	ff.mentionEnd, ff.periodEnd, ff.periodStart = map[int]bool{}, map[int]bool{}, map[int]span{}
	for _, m := range mentions {
		if m.kind != corpus.EntityPerson {
			ff.mentionEnd[m.end] = true
		}
	}
	for _, p := range ff.periods {
		ff.periodEnd[p.end] = true
		if _, ok := ff.periodStart[p.start]; !ok {
			ff.periodStart[p.start] = p
		}
	}
	return ff
}

// topics are what an article is about, for names it leaves out: its main
// zone (全区, 该区), city (全市), province (全省) and main subject overall.
type topics struct {
	zone, city, province, subject string
	// scope is whose figures the text gives where a clause names no one:
	// the place a report speaks for (全国, 福州市), else the name a news
	// article is about; never merely the most frequent of many names.
	scope    string
	dominant bool
}

// place sets the jurisdiction a report speaks for: its figures are that
// place's, and its 全市 or 全省 is that place. A report that names no
// place leaves figures without a subject of their own unframed.
func (t *topics) place(p string, report bool) {
	switch {
	case p == "" && report:
		return
	case p == "":
		if t.subject != "" && (t.subject == t.zone || t.dominant) {
			t.scope = t.subject
		}
		return
	case strings.HasSuffix(p, "市"):
		t.city = p
	case strings.HasSuffix(p, "省") || strings.HasSuffix(p, "自治区"):
		t.province = p
	}
	t.scope = p
}

// mainSubjects picks an article's topics: the first zone, city and
// province it names, and the name it refers to most often, counting the
// pronouns (全区, 全市) that point at a zone or city.
func mainSubjects(rs []rune, ms []mention) topics {
	var t topics
	count := map[string]int{}
	for _, m := range ms {
		switch {
		case m.kind == corpus.EntityOrg && isZoneName(m.name) && t.zone == "" && !collectiveZone(m.name):
			t.zone = m.canonical
		case m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "市") && t.city == "":
			t.city = m.canonical
		case m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "省") && t.province == "":
			t.province = m.canonical
		}
		if m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject {
			count[m.canonical]++
		}
	}
	if t.zone == "" {
		for _, m := range ms {
			if m.kind == corpus.EntityOrg && collectiveZone(m.name) {
				t.zone = m.canonical // 全省开发区, when no single zone is named
				break
			}
		}
	}
	if t.zone == "" {
		t.zone = bareZone(rs) // 高新区坚持…: the text's zone, named only by its type
	}
	count[t.zone] += countRunes(rs, "全区") + countRunes(rs, "本区")
	if collective := provinceCollective(ms); collective != "" {
		// An article about a province's zones says 开发区 for all of them.
		count[collective] += bareWord(rs, ms, "开发区")
	}
	if t.city != "" {
		count[t.city] += countRunes(rs, "全市") + countRunes(rs, "该市")
	}
	best := 0
	for _, m := range ms { // in order of appearance, so ties go to the first named
		if c := count[m.canonical]; c > best && m.canonical != "" {
			best, t.subject = c, m.canonical
		}
	}
	second := 0
	for name, c := range count {
		if name != t.subject && c > second {
			second = c
		}
	}
	// A news article is about a name it gives again and again, more often
	// than any other; a name among many is not its topic.
	t.dominant = best >= 3 && best > second
	if t.zone != "" && count[t.zone] >= best {
		t.subject = t.zone
	}
	return t
}

// unnamed marks a subject the text gives only as 全市, 全省 or 全区 when the
// article names no such city, province or zone: it stops the fall-backs and
// ends as "".
const unnamed = "\x00unnamed"

// maxLookBack bounds, in characters, how far a frame looks back for its
// clause, subject and period.
const maxLookBack = 300

func (ff *frameFinder) frames(fs []found) []frame {
	out := make([]frame, len(fs))
	carrySubject, carryPeriod, carryYear := "", "", 0
	lastPara := -1
	for i, f := range fs {
		para := ff.paragraphOf(f.start)
		if para != lastPara {
			carrySubject, carryPeriod, carryYear, lastPara = "", "", 0, para
		}
		// A frame looks back within its sentence, but never further than
		// maxLookBack: a "sentence" of thousands of characters (a table
		// flattened to one line, a list without full stops) would make every
		// figure re-read it.
		sentStart := max(ff.sentences.startOf(f.start), f.start-maxLookBack)
		regionStart := sentStart
		var prev *frame
		p := prevAmount(fs, i)
		if p >= 0 && fs[p].end <= f.start && fs[p].end >= sentStart {
			regionStart = fs[p].end
			prev = &out[p]
			if ff.rs[regionStart] == ')' && fs[p].start > 0 && ff.rs[fs[p].start-1] == '(' {
				regionStart = fs[p].start - 1 // 占全省(2113家)21.2%: look through the parenthesis
				prev = nil
				if q := prevAmount(fs, p); q >= 0 && fs[q].end >= sentStart && fs[q].end <= regionStart {
					regionStart, prev = fs[q].end, &out[q]
				}
			}
		}
		fr := frame{}
		fr.base = ff.lastBase(regionStart, f.start)
		fr.metric = ff.metric(regionStart, f)
		if f.start > 0 && ff.rs[f.start-1] == '(' {
			// A figure in parentheses is the denominator of the share
			// around it: 占全省(2113家) counts the province's.
			fr.base = ""
			if w, ok := pronounIndex.endingAt(ff.rs, f.start-1); ok {
				fr.subject = ff.resolvePronoun(w, f.start)
			}
		}
		if fr.subject == "" {
			fr.subject = ff.enclosingProject(f)
		}
		if fr.subject == "" {
			fr.subject = ff.producer(f)
		}
		if fr.subject == "" && ff.phaseBefore(f.start) != "" && prev != nil {
			fr.subject = prev.subject // 厚生…一期8条生产线已投产，二期8条…: the same maker
		}
		if fr.subject == "" {
			fr.subject = ff.recipient(regionStart, f)
		}
		if fr.subject == "" && f.kind != corpus.KindCount {
			fr.subject = ff.subjectAfter(f) // after a count stands what it counts
		}
		topical := false // a subject that opens a clause carries on; one a figure introduces does not
		if fr.subject == "" {
			fr.subject = ff.clauseSubject(sentStart, f.start)
			topical = fr.subject != ""
		}
		fr.period = ff.periodBefore(sentStart, f.start)
		if p, ok := ff.periodStart[f.end]; ok && fr.period == "" && f.kind == corpus.KindCount {
			fr.period = p.text // 113个年内有条件投产项目
		}
		if f.kind == corpus.KindDuration {
			if m := ff.durationMetric(sentStart, f.start, fr.metric); m != "" {
				fr.metric = m
			}
			if hasAnySuffix(fr.metric, []string{"项目", "企业", "公司"}) {
				// 用地项目时限为22天，厂房项目为15天: a project is whose time
				// it is, not what is timed.
				fr.metric = ""
				if q := sameUnitBefore(fs, i-1, f.unit, sentStart); q >= 0 {
					fr.metric = out[q].metric
				}
			}
			if f.start > 0 && ff.rs[f.start-1] == '每' {
				prev = nil // 每90秒下线一台: a rate, not the time before it again
			}
			if prev != nil && p >= 0 && fs[p].kind != corpus.KindDuration {
				prev = nil // 总投资25.3亿元，…仅用了一个多月: a time is not the sum's change
			}
		}
		if f.kind == corpus.KindCount && fr.metric == "" {
			if m := ff.attributiveCount(fs, out, i, regionStart, ff.paragraphs[para]); m != "" {
				fr.metric, prev = m, nil
			}
		}
		if (fr.metric == "" || isVerbWord(fr.metric)) && prev != nil && p >= 0 && fs[p].unit != f.unit && f.kind == corpus.KindCount {
			// 新增2000台长晶炉，新增产值5.7亿元，已安装384台: the count
			// continues the earlier count of the same unit.
			if q := sameUnitBefore(fs, p, f.unit, sentStart); q >= 0 && out[q].metric != "" {
				fr.metric, prev = out[q].metric, nil
			}
		}
		switch {
		case prev != nil && (fr.metric == "" || isVerbWord(fr.metric)):
			fr.metric = prev.metric // 完成397.86亿元，同比下降6.4%
		case prev != nil && isGradeModifier(fr.metric) && prev.metric != "" && !strings.HasPrefix(prev.metric, fr.metric):
			// 科创平台398个，其中国家级28个: the noun is elided.
			fr.metric += strings.TrimPrefix(strings.TrimPrefix(prev.metric, gradePrefix(prev.metric)), fr.metric)
		case prev == nil && strings.HasSuffix(fr.metric, "类") && isGradeModifier(fr.metric):
			// …市级76个。侧重于数字经济类270个: the noun is the paragraph's.
			if head := ff.lastHead(fs, out, i, ff.paragraphs[para]); head != "" {
				fr.metric += head
			}
		}
		if fr.subject == "" {
			if s := ff.earlierSubject(ff.paragraphs[para], sentStart); s != "" {
				fr.subject = s // 示范区持续优化…。热线已累计接听…34217件
			}
		}
		if fr.subject == "" {
			fr.subject = carrySubject
		}
		if fr.subject == "" {
			fr.subject = ff.sizedProject(f)
		}
		if fr.subject == "" {
			fr.subject = ff.main.scope
		}
		if rest, ok := strings.CutPrefix(fr.subject, "全市"); ok && rest != "" && ff.main.city != "" {
			// 全市开发区 out of its article says nothing; 临汾市开发区 says
			// whose zones, apart from the city's own totals.
			fr.subject = ff.main.city + rest
		}
		if fr.period == "" {
			fr.period = carryPeriod
		}
		if open := ff.openingPeriod(sentStart, f.start); open != "" {
			carryPeriod = open // only a period that opens a sentence carries to the next ones
		}
		// The period stays as printed; a year printed earlier in the
		// paragraph (2020年，…。全年签约1966个项目) dates it in period_from/to.
		if y := leadingYear(fr.period); y != 0 {
			carryYear = y
		}
		if topical && fr.subject != ff.main.scope {
			carrySubject = fr.subject
		}
		year := ff.year
		if carryYear != 0 && !isRelativePeriod(fr.period) {
			year = carryYear
		}
		fr.periodFrom, fr.periodTo = resolvePeriod(fr.period, year)
		if fr.subject == unnamed {
			fr.subject = ""
		}
		out[i] = fr
	}
	ff.pairRespectively(fs, out)
	return out
}

// stageSpans name what the time between two stages of a project measures:
// from signing (签约, 对接, 注册) to breaking ground is 落地周期, from
// building to producing is 建设周期.
var (
	dealStages  = []string{"签约", "对接", "洽谈", "拿地", "摘牌", "公司注册", "注册", "招商"}
	startStages = []string{"开工", "动工", "落地", "入驻"}
	buildStages = []string{"建设", "开工", "动工", "进场"}
	endStages   = []string{"投产", "建成", "竣工", "达产", "运营", "下线"}
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

// provinceCollective is the collective of a province's zones (全省开发区)
// the article names most often, or "". A city's zones (全市开发区) are
// counted with the city already.
func provinceCollective(ms []mention) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.kind == corpus.EntityOrg && collectiveZone(m.name) && strings.HasPrefix(m.canonical, "全省") {
			count[m.canonical]++
			if count[m.canonical] > count[best] {
				best = m.canonical
			}
		}
	}
	return best
}

// bareWord counts w where it stands alone, not as the end of a name.
func bareWord(rs []rune, ms []mention, w string) int {
	inName := map[int]bool{}
	for _, m := range ms {
		inName[m.end] = true
	}
	n := 0
	wr := []rune(w)
	for i := 0; i+len(wr) <= len(rs); i++ {
		if rs[i] == wr[0] && runesAt(rs, i, wr) && !inName[i+len(wr)] {
			n++
		}
	}
	return n
}

// pairRespectively gives each figure of a 分别 list its own item:
// 一、二、三产业增加值分别增长3.1%、5.2%和6.0% measure 第一产业增加值,
// 第二产业增加值 and 第三产业增加值; 规上工业增加值、固定资产投资分别增长
// 7.2%和4.5% measure one each. Lists whose counts differ are left alone.
func (ff *frameFinder) pairRespectively(fs []found, out []frame) {
	rs := ff.rs
	for i := 0; i < len(fs); i++ {
		at := ff.respectivelyBefore(fs[i].start)
		if at < 0 {
			continue
		}
		n := 1 // the figures listed after 分别, joined by 、 和 及 与
		for i+n < len(fs) && listJoin(rs, fs[i+n-1].end, fs[i+n].start) {
			n++
		}
		items := ff.listItems(at)
		if n >= 2 && len(items) == n {
			for k := 0; k < n; k++ {
				out[i+k].metric = items[k]
				if out[i+k].base == "" {
					out[i+k].base = out[i].base // 同比分别增长7.2%和4.5%
				}
			}
		}
		i += n - 1
	}
}

// respectivelyBefore is where the items of a 分别 list end (the 分别 before
// the figure at rune i, with at most a verb between), or -1.
func (ff *frameFinder) respectivelyBefore(i int) int {
	for k := i - 1; k >= 1 && i-k <= 6; k-- {
		if ff.rs[k-1] == '分' && ff.rs[k] == '别' {
			return k - 1
		}
		if !isHan(ff.rs[k]) {
			return -1
		}
	}
	return -1
}

func listJoin(rs []rune, a, b int) bool {
	if b-a < 1 || b-a > 2 {
		return false
	}
	for _, r := range rs[a:b] {
		if !strings.ContainsRune("、和及与,， ", r) {
			return false
		}
	}
	return true
}

// listItems splits the noun phrase ending at rune end (before 分别) into its
// items, sharing the last item's head with bare numerals (一、二、三产业).
func (ff *frameFinder) listItems(end int) []string {
	if b, ok := ff.baseEnd[end]; ok {
		end = b.start // …固定资产投资同比分别增长: the base is no item
	}
	start := end
	for start > 0 && end-start < 40 && !isClauseBreak(ff.rs[start-1]) && !isSentenceEnd(ff.rs[start-1]) {
		start--
	}
	if p, ok := ff.periodStart[start]; ok && p.end <= end {
		start = p.end
	}
	for k := ff.mentionsFrom(start); k < len(ff.mentions) && ff.mentions[k].start == start; k++ {
		start = max(start, ff.mentions[k].end) // 综改区一、二、三产业…: the subject is no item
	}
	if w, ok := pronounIndex.at(ff.rs, start); ok {
		start += len([]rune(w))
	}
	phrase := string(ff.rs[start:end])
	if rest, ok := strings.CutPrefix(phrase, "三次产业"); ok {
		// 三次产业增加值分别增长…: the three industries, in order.
		return []string{"第一产业" + rest, "第二产业" + rest, "第三产业" + rest}
	}
	items := splitList(phrase)
	if len(items) < 2 {
		return nil
	}
	// Bare numerals share the last item's head: 一、二、三产业增加值.
	last := []rune(items[len(items)-1])
	if len(last) > 1 && isChineseNumeral(last[0]) {
		tail := string(last[1:])
		prefix := ""
		if strings.HasPrefix(tail, "产业") {
			prefix = "第" // 第一产业, as statistics name them
		}
		for k, item := range items {
			if r := []rune(item); len(r) == 1 && isChineseNumeral(r[0]) {
				items[k] = prefix + item + tail
			}
		}
		if prefix != "" && len([]rune(items[0])) > 1 {
			items[len(items)-1] = prefix + items[len(items)-1]
		}
	}
	for _, item := range items {
		if len([]rune(item)) < 2 {
			return nil // 国资参与和…, 一、二、三分别为: not a list of names
		}
	}
	for k := range items {
		items[k] = stripLeadingVerbs(items[k])
	}
	return items
}

// splitList splits a list of names at 、 and at the conjunctions 以及, 和,
// 及 and 与; an empty piece means a conjunction was part of a word.
func splitList(s string) []string {
	s = strings.ReplaceAll(s, "以及", "、")
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、和及与", r) })
	if strings.Count(s, "、")+strings.Count(s, "和")+strings.Count(s, "及")+strings.Count(s, "与")+1 != len(items) {
		return nil
	}
	for k := range items {
		items[k] = stripQuotes(items[k])
	}
	return items
}

// countRunes counts the occurrences of a two-character word in rs.
func countRunes(rs []rune, w string) int {
	r := []rune(w)
	n := 0
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == r[0] && rs[i+1] == r[1] {
			n++
		}
	}
	return n
}

// isGradeModifier reports a metric that is only a level or class (国家级,
// 省级, 民营), whose noun the text leaves to the figure before.
func isGradeModifier(m string) bool {
	n := len([]rune(m))
	return (strings.HasSuffix(m, "级") && n <= 3) || (strings.HasSuffix(m, "类") && n >= 2 && n <= 7)
}

// gradePrefix is the level a metric starts with (省级 of 省级科创平台).
func gradePrefix(m string) string {
	if i := strings.Index(m, "类"); i > 0 && utf8.RuneCountInString(m[:i]) <= 6 {
		return m[:i+len("类")] // 数字经济类科创平台
	}
	if i := strings.Index(m, "级"); i > 0 && utf8.RuneCountInString(m[:i]) <= 2 {
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

// metric finds the indicator a figure measures: a known indicator in the
// words before it, else the noun before it once verbs are stripped, else
// (for counts) the noun after its measure word.
func (ff *frameFinder) metric(regionStart int, f found) string {
	if phase := ff.phaseBefore(f.start); phase != "" && f.kind == corpus.KindCount {
		if noun := ff.nounAfter(f.end); noun != "" {
			return phase + noun // 一期8条生产线
		}
	}
	if ff.listedProduct(f) {
		if noun := ff.nounAfter(f.end); noun != "" {
			return noun // 年产50万吨生物基二胺和90万吨生物基聚酰胺
		}
	}
	if f.kind == corpus.KindCount {
		if noun := ff.nounAfter(f.end); noun != "" {
			if endsWithRunes(ff.rs, f.start, "年产") {
				noun = strings.TrimSuffix(noun, "生产线") // 年产60万台计算机生产线 makes 计算机
			}
			return noun // 签约1966个项目: the counted noun
		}
	}
	end := ff.stripTrailing(regionStart, f.start)
	end = ff.throughShare(regionStart, end)
	if f.kind == corpus.KindQuantity && endsWithRunes(ff.rs, end, "年产") {
		if noun := ff.nounAfter(f.end); noun != "" && !hasAnySuffix(noun, projectSuffixes) {
			return noun // 年产60万吨高性能玻璃纤维
		}
		return "产能"
	}
	for _, head := range []string{"指标", "任务", "目标"} {
		if endsWithRunes(ff.rs, end, head) {
			at := end - len([]rune(head))
			if w := ff.indicatorEndingAt(regionStart, at); w != "" {
				return ff.withModifier(regionStart, at-len([]rune(w)), w) + head // 粮食产能指标
			}
		}
	}
	if w := ff.indicatorEndingAt(regionStart, end); w != "" {
		return ff.withModifier(regionStart, end-len([]rune(w)), w)
	}
	start := ff.classStart(regionStart, ff.coordinated(regionStart, ff.nounStart(regionStart, end)))
	noun := stripQuotes(string(ff.rs[start:end]))
	for _, all := range []string{"各类", "各项", "各种", "所有"} {
		if rest, ok := strings.CutPrefix(noun, all); ok && len([]rune(rest)) >= 2 {
			noun = rest // 各类遗留问题611个
		}
	}
	if f.kind == corpus.KindQuantity && isPhase(noun) {
		return noun + "产能" // 一期8GW全面投产
	}
	if stripped := stripLeadingVerbs(noun); !genericHeads[stripped] {
		noun = stripped // 搭建创新平台 → 创新平台, but 签约项目 stays
	}
	if len([]rune(noun)) >= 2 && !isVerbWord(noun) {
		return noun
	}
	if f.kind == corpus.KindQuantity {
		return ff.nounAfter(f.end)
	}
	if f.kind == corpus.KindMoney {
		return fundingAfter(ff.nounAfter(f.end)) // 发放46.6亿元低利率专项贷款
	}
	if f.kind == corpus.KindDuration {
		return ff.doneAfter(f.end) // 签约后1天完成公司注册
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
var fundings = []string{"贷款", "奖补资金", "资金", "补贴", "补助", "奖励", "债券", "基金"}

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

// stripTrailing moves end back over verbs, qualifiers, comparison words,
// 每千瓦时-style denominators and (GDP)-style glosses before a figure.
func (ff *frameFinder) stripTrailing(regionStart, end int) int {
	rs := ff.rs
	for {
		trimmed := false
		if w, ok := trailingIndex.endingAt(rs, end); ok && end-len([]rune(w)) >= regionStart {
			end -= len([]rune(w))
			trimmed = true
		}
		if b, ok := ff.baseEnd[end]; !trimmed && ok && b.start >= regionStart {
			end = b.start
			trimmed = true
		}
		if !trimmed && end > regionStart && rs[end-1] == ')' {
			prefix := string(rs[regionStart:end])
			if k := strings.LastIndex(prefix, "("); k >= 0 && len(prefix)-k < 20 {
				end = regionStart + len([]rune(prefix[:k])) // 地区生产总值(GDP)
				trimmed = true
			}
		}
		if !trimmed {
			for _, d := range perDenominators {
				if endsWithRunes(rs, end, "每"+d.word) {
					end -= len([]rune(d.word)) + 1
					trimmed = true
					break
				}
			}
		}
		if !trimmed {
			return end
		}
	}
}

// nounStart walks left from end over the noun before a figure, stopping at
// names, periods, pronouns and stop words.
func (ff *frameFinder) nounStart(regionStart, end int) int {
	rs := ff.rs
	start := end
	passedVerb := false
	quotes := 0
	for start > regionStart && (isHan(rs[start-1]) || rs[start-1] == '“' || rs[start-1] == '”') && (!strings.ContainsRune(metricStop, rs[start-1]) || isAboveBelow(rs, start-1)) && end-start-quotes < 16 {
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

// coordinated extends a noun over a coordinate noun before it (高级管理
// 人员和高层次人才, 问题及诉求): both are what the figure counts.
func (ff *frameFinder) coordinated(regionStart, start int) int {
	rs := ff.rs
	if start-3 < regionStart || (rs[start-1] != '和' && rs[start-1] != '及') || !isHan(rs[start-2]) {
		return start
	}
	left := ff.nounStart(regionStart, start-1)
	if n := start - 1 - left; n < 2 || n > 6 || stripLeadingVerbs(string(rs[left:start-1])) != string(rs[left:start-1]) {
		return start
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
		if m == "" || isGradeModifier(m) || fs[q].kind != fs[i].kind {
			continue
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

// backOverSpaces moves rune index at back over the spaces before it (PDF
// text keeps 年产 56GW apart).
func (ff *frameFinder) backOverSpaces(at int) int {
	for at > 0 && ff.rs[at-1] == ' ' {
		at--
	}
	return at
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
var indicatorHeads = map[string]bool{"强度": true, "规模": true, "密度": true, "指数": true, "比例": true, "总额": true, "增量": true, "存量": true}

// genericHeads are nouns too general to stand alone as a metric.
var genericHeads = map[string]bool{"人数": true, "人次": true, "项目": true, "企业": true, "园区": true, "平台": true, "基地": true, "工程": true, "产业园": true}

// isAboveBelow reports the 以 of 以上/以下, which belongs to a class name
// (亿元以上项目), not a preposition.
func isAboveBelow(rs []rune, i int) bool {
	return rs[i] == '以' && i+1 < len(rs) && (rs[i+1] == '上' || rs[i+1] == '下')
}

// metricStop are characters a metric does not run over.
const metricStop = "的在与和及向对由为是将把从到等了其以于被让使给共同并、或即也已均又再仅拟内"

// shortIndicators are indicators that read better with the noun before
// them: 企业占比, 新签约项目总投资, 新增工业投资.
var shortIndicators = map[string]bool{"产能": true, "占比": true, "比重": true, "总投资": true, "投资": true, "计划投资": true, "工业投资": true, "运量": true, "规模": true, "增速": true, "增幅": true, "产值": true}

// withModifier extends an indicator with the few characters of noun before
// it (企业占比), but not with a long phrase.
func (ff *frameFinder) withModifier(regionStart, at int, w string) string {
	if endsWithRunes(ff.rs, at, "新增") && at-2 >= regionStart {
		return "新增" + w // 新增工业投资 is the year's addition, not the stock
	}
	if !shortIndicators[w] {
		return w
	}
	start := ff.nounStart(regionStart, at)
	mod := stripLeadingVerbs(string(ff.rs[start:at]))
	if n := len([]rune(mod)); n == 0 || n > 5 || isVerbWord(mod) {
		return w
	}
	return mod + w
}

// verbWords start or make up a phrase that is an action, not a noun.
var verbWords = sortedByLength([]string{
	"有", "已有", "已", "搭建", "绘制", "编制", "设置", "承接", "支付", "累计支付", "兑现", "直接带动", "带动", "提供",
	"需提供", "解决", "确定", "择优确定", "培训", "新增", "引进", "建设", "建成", "签约", "开工", "投产", "落地",
	"完成", "实现", "达到", "累计", "共", "引入", "培育", "认定", "拥有", "集聚", "形成", "打造", "推动", "出让",
	"实行", "开展", "举办", "组织", "建立", "出台", "获得", "发放", "接待", "接听", "梳理", "起底", "整改",
	"新招引", "招引", "依托", "反馈", "取得", "拿到", "承担", "负责", "颁发", "推进", "压茬推进", "预计", "经过", "谋划", "决定", "计划",
})

var (
	verbIndex     = newWordIndex(verbWords)
	trailingIndex = newWordIndex(trailingWords)
	verbSet       = func() map[string]bool {
		m := map[string]bool{}
		for _, v := range verbWords {
			m[v] = true
		}
		return m
	}()
)

func isVerbWord(s string) bool { return verbSet[s] }

func stripLeadingVerbs(s string) string {
	for changed := true; changed; {
		changed = false
		for _, v := range verbWords {
			if strings.HasPrefix(s, v) && len(s) > len(v) {
				s = s[len(v):]
				changed = true
				break
			}
		}
	}
	return s
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
			return w
		}
	}
	return ""
}

// boundaryAt reports that a name, a period or a pronoun ends at rune i, so
// the metric starts there.
func (ff *frameFinder) boundaryAt(i int) bool {
	if ff.mentionEnd[i] || ff.periodEnd[i] {
		return true
	}
	if _, ok := ff.baseEnd[i]; ok {
		return true
	}
	if _, ok := pronounIndex.endingAt(ff.rs, i); ok {
		return true
	}
	if v, ok := verbIndex.endingAt(ff.rs, i); ok && len([]rune(v)) > 1 {
		// 新签约项目, 新建项目: after 新 the verb modifies the noun.
		return i-len([]rune(v)) == 0 || ff.rs[i-len([]rune(v))-1] != '新'
	}
	return endsWithRunes(ff.rs, i, "其中")
}

// isNounSuffix reports a character that turns the verb before it into a
// noun (集聚区, 孵化园, 服务站).
func isNounSuffix(rs []rune, i int) bool {
	return i < len(rs) && strings.ContainsRune("区园站点库所器", rs[i])
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

func stripQuotes(s string) string {
	return quoteStripper.Replace(s)
}

// nounAfterStops end a counted noun: what follows them is a new phrase
// (高性能玻璃纤维|智能制造生产线, 产业链|基本形成).
var nounAfterStops = []string{"项目", "生产", "智能", "制造", "建设", "投产", "开工", "进行", "全部", "基本", "顺利",
	"特色", "发展", "实现", "完成", "正在", "分别", "以上", "以下", "左右", "入驻", "落户", "签约", "竣工",
	"基础上", "方面"}

// nounAfter reads the counted noun after a measure word (22个国家级产业基地).
func (ff *frameFinder) nounAfter(i int) string {
	return ff.nounAfterJoined(i, true)
}

// nounAfterJoined reads the noun at i, with one coordinate noun after 和 or
// 及 when join is set.
func (ff *frameFinder) nounAfterJoined(i int, join bool) string {
	rs := ff.rs
	if p, ok := ff.periodStart[i]; ok {
		i = p.end // 113个年内有条件投产项目: the period is not the noun
	}
	j := i
	for j < len(rs) && j-i < 12 && (isASCIILetter(rs[j]) || (j > i && isDigit(rs[j]))) {
		j++ // 4条iPhone14生产线: a model name opens the noun
	}
	for j < len(rs) && j-i < 14 && (isHan(rs[j]) || rs[j] == '“' || rs[j] == '”') && !strings.ContainsRune("的在与和及向对由为是将把从到等了以于被、,。;:", rs[j]) {
		if hasPrefixRunes(rs, j, "生产线") {
			j += 3 // 4条iPhone14生产线: the line is the head
			break
		}
		if j > i && startsAny(rs, j, nounAfterStops) {
			if v, ok := verbIndex.at(rs, j); ok && hasPrefixRunes(rs, j+len([]rune(v)), "项目") {
				j += len([]rune(v)) + 2 // 有条件投产项目: the verb qualifies the head
			}
			break
		}
		if v, ok := verbIndex.at(rs, j); j > i && ok && len([]rune(v)) > 1 && !isNounSuffix(rs, j+len([]rune(v))) {
			break // 企业家|颁发, but not 集聚|区
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
	if len([]rune(noun)) < 2 {
		return ""
	}
	return noun
}

// countedHeads end the noun a count counts; what runs on after the last of
// them is the clause's verb (13家开发区|“三制”改革, 6个园区服务中心|承担).
var countedHeads = []string{"开发区", "示范区", "园区", "中心", "企业", "平台", "基地", "变电站"}

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

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// enclosingProject is the project whose name holds the figure: 56GW in
// 晶科年产56GW垂直一体化大基地项目 is that project's.
func (ff *frameFinder) enclosingProject(f found) string {
	for k := ff.mentionsFrom(f.start - 24); k < len(ff.mentions) && ff.mentions[k].start <= f.start; k++ {
		m := ff.mentions[k]
		if m.kind != corpus.EntityProject || m.end <= f.end {
			continue
		}
		if owner := strings.TrimSpace(string(ff.rs[m.start:f.start])); len([]rune(owner)) > 2 && !strings.HasPrefix(owner, "年产") {
			return m.canonical // not 年产90万吨…项目, whose figure is only its size
		}
		if org := ff.orgEndingAt(m.start); org != "" {
			return org // 中材科技“5万吨大丝束碳纤维项目”: the company the name follows
		}
	}
	return ""
}

// sizedProject is the project a figure sits in as its size (年产5万吨锂电池
// 项目), for a figure nothing else gives an owner.
func (ff *frameFinder) sizedProject(f found) string {
	for k := ff.mentionsFrom(f.start - 24); k < len(ff.mentions) && ff.mentions[k].start <= f.start; k++ {
		if m := ff.mentions[k]; m.kind == corpus.EntityProject && m.end > f.end {
			return m.canonical
		}
	}
	return ""
}

// orgEndingAt is the company or organisation named right before rune i
// (an opening quote between them allowed), or "".
func (ff *frameFinder) orgEndingAt(i int) string {
	if i > 0 && ff.rs[i-1] == '“' {
		i--
	}
	for k := ff.mentionsFrom(i - 24); k < len(ff.mentions) && ff.mentions[k].start < i; k++ {
		if m := ff.mentions[k]; m.end == i && m.kind == corpus.EntityOrg && !isZoneName(m.name) {
			return m.canonical
		}
	}
	return ""
}

// producer is the company before 年产 (大同亿诚年产1万台套…, 山西百信年产
// 60万台计算机): a short name standing after a separator.
func (ff *frameFinder) producer(f found) string {
	rs := ff.rs
	at := ff.backOverSpaces(f.start)
	marker := "年产"
	if phase := ff.phaseBefore(at); phase != "" {
		marker = phase // 厚生锂离子电池隔膜一期8条生产线
	}
	if !endsWithRunes(rs, at, marker) {
		return ""
	}
	end := at - 2
	if org := ff.orgEndingAt(end); org != "" {
		return org // 晶科能源“年产56GW一体化大基地项目”
	}
	if end > 0 && rs[end-1] == '“' {
		end--
	}
	start := end
	for start > 0 && isHan(rs[start-1]) && end-start < 12 && !strings.ContainsRune("的在与和及向对由为是将把从到等了", rs[start-1]) {
		start--
	}
	if end-start < 2 || end-start >= 12 || (start > 0 && !strings.ContainsRune("、,，:：;；—“”。!?\n", rs[start-1])) {
		return ""
	}
	name := string(rs[start:end])
	if _, isOpener := openerIndex.at(rs, start); isOpener || ff.periodAt(start) {
		return "" // 其中年产…, 目前年产…: no maker named
	}
	if _, isPronoun := pronounIndex.at(rs, start); isPronoun {
		return ""
	}
	if stripLeadingVerbs(name) != name || isGeneric(name) {
		return ""
	}
	for k := ff.mentionsFrom(start); k < len(ff.mentions) && ff.mentions[k].start == start; k++ {
		if ff.mentions[k].end == end {
			return ff.mentions[k].canonical
		}
	}
	return name
}

// recipient is whom money is handed to: 向晶科项目发放46.6亿元 is 晶科's.
// Money invested (招商局集团向凯赛公司投资66亿元) stays the investor's.
func (ff *frameFinder) recipient(regionStart int, f found) string {
	if f.kind != corpus.KindMoney {
		return ""
	}
	text := string(ff.rs[regionStart:f.start])
	k := max(strings.LastIndex(text, "向"), strings.LastIndex(text, "为"))
	if k < 0 || !containsAny(text[k:], []string{"发放", "提供", "给予", "拨付", "兑现", "支付", "奖励", "补贴", "贷款"}) {
		return "" // 向…发放, 为…兑现: money handed to someone
	}
	from := regionStart + len([]rune(text[:k])) + 1
	for m := ff.mentionsFrom(from); m < len(ff.mentions) && ff.mentions[m].start == from; m++ {
		if mm := ff.mentions[m]; mm.kind == corpus.EntityOrg || mm.kind == corpus.EntityProject {
			return mm.canonical
		}
	}
	return ""
}

// subjectAfter reads the name that a figure introduces: 总投资560亿元的晶科
// 年产56GW…项目, 投资83亿元中材科技“…”.
func (ff *frameFinder) subjectAfter(f found) string {
	i := f.end
	if i < len(ff.rs) && ff.rs[i] == '的' {
		i++
	}
	best, bestLen := "", 0
	for k := ff.mentionsFrom(i); k < len(ff.mentions) && ff.mentions[k].start == i; k++ {
		if m := ff.mentions[k]; (m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject) && m.end-m.start > bestLen {
			best, bestLen = m.canonical, m.end-m.start // the project, not just its company
		}
	}
	if best != "" {
		return best
	}
	if i > f.end { // 投资560亿元的晶科能源、…: the name runs to the list separator
		j := i
		for j < len(ff.rs) && isHan(ff.rs[j]) && !strings.ContainsRune("的和及与等、,。", ff.rs[j]) && j-i < 8 {
			j++
		}
		if j-i >= 2 && j < len(ff.rs) && strings.ContainsRune("、和及与等", ff.rs[j]) {
			return string(ff.rs[i:j])
		}
	}
	return ""
}

// clauseSubject finds the name a clause is about: one that opens the
// figure's clause or its sentence (after a period, 其中 and the like), or a
// pronoun there (全区, 全市) read as the article's zone or city.
func (ff *frameFinder) clauseSubject(sentStart, at int) string {
	// The figure's own clause first, then the clauses before it in the
	// sentence, nearest first: 中国电科…项目已完工，衬底产能达到每年10万片.
	return ff.clauseOpening(sentStart, at, func(string) bool { return true })
}

// clauseOpening is the first subject, clause by clause back from rune at to
// lo, that opens its clause and that accept takes.
func (ff *frameFinder) clauseOpening(lo, at int, accept func(string) bool) string {
	for end := at; end > lo || end == at; {
		clause := ff.clauseStart(lo, end)
		if s := ff.subjectOpening(clause, end); s != "" && accept(s) {
			return s
		}
		if s := ff.builtProject(clause, end); s != "" && end < at && accept(s) {
			return s // 建设鹊盛…研发中心项目，…计划5月开工，投资2亿元
		}
		if clause <= lo {
			return ""
		}
		end = clause - 1
	}
	return ""
}

// builders open a clause whose object, a project, is what the clauses
// after it go on about.
var builderIndex = newWordIndex([]string{"建设", "实施", "推进", "启动", "新建", "开工建设", "谋划", "引进"})

// builtProject is the project a clause opens by building it, or "".
func (ff *frameFinder) builtProject(clause, end int) string {
	v, ok := builderIndex.at(ff.rs, clause)
	if !ok {
		return ""
	}
	at := clause + len([]rune(v))
	for k := ff.mentionsFrom(at); k < len(ff.mentions) && ff.mentions[k].start == at; k++ {
		if m := ff.mentions[k]; m.kind == corpus.EntityProject && m.end <= end {
			return m.canonical
		}
	}
	return ""
}

// clauseStart is where the clause holding rune at-1 starts, not before lo.
func (ff *frameFinder) clauseStart(lo, at int) int {
	for at > lo && !isClauseBreak(ff.rs[at-1]) {
		at--
	}
	return at
}

// earlierSubject is the zone that opens one of the few sentences before
// sentStart in the paragraph (from paraStart), nearest first: the topic
// the text then leaves out.
func (ff *frameFinder) earlierSubject(paraStart, sentStart int) string {
	key := [2]int{paraStart, sentStart}
	if s, ok := ff.earlier[key]; ok {
		return s
	}
	s := ff.findEarlierSubject(paraStart, sentStart)
	ff.earlier[key] = s
	return s
}

func (ff *frameFinder) findEarlierSubject(paraStart, sentStart int) string {
	k := sort.SearchInts(ff.sentences.starts, sentStart)
	if k == len(ff.sentences.starts) || ff.sentences.starts[k] != sentStart {
		return "" // inside a sentence longer than maxLookBack
	}
	for n := 0; n < 4 && k > 0; n++ {
		start, end := ff.sentences.starts[k-1], sentStart
		if start < paraStart {
			return ""
		}
		start = max(start, end-maxLookBack)
		// Its clauses, last first (…解决问题——2020年,示范区持续优化…); a
		// sentence about another subject ends the search.
		if s := ff.clauseOpening(start, end-1, func(string) bool { return true }); s != "" {
			if ff.isZone(s) {
				return s
			}
			return ""
		}
		sentStart, k = start, k-1
	}
	return ""
}

// isZone reports a canonical name that is a zone or a collective of zones.
func (ff *frameFinder) isZone(name string) bool {
	return isZoneName(name) || name == ff.main.zone
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

// openers may stand before a clause's subject.
var openers = sortedByLength([]string{"其中", "同时", "此外", "另外", "与此同时", "首先", "其次", "再次", "最后", "比如", "例如", "一是", "二是", "三是", "四是", "五是", "另一方面", "一方面", "而"})

func (ff *frameFinder) subjectOpening(i, limit int) string {
	for moved := true; moved && i < limit; {
		moved = false
		if p, ok := ff.periodStart[i]; ok && p.end <= limit {
			i, moved = p.end, true
		}
		if w, ok := openerIndex.at(ff.rs, i); ok {
			i, moved = i+len([]rune(w)), true
		}
		if i < limit && strings.ContainsRune(",，、 ", ff.rs[i]) {
			i, moved = i+1, true
		}
	}
	i = ff.skipLocative(i, limit)
	best := ""
	for k := ff.mentionsFrom(i); k < len(ff.mentions) && ff.mentions[k].start < limit; k++ {
		m := ff.mentions[k]
		if m.start < i || m.end > limit || m.kind == corpus.EntityPerson {
			continue
		}
		if m.start > i && (best == "" || ff.hasVerb(i, m.start) || strings.ContainsAny(string(ff.rs[i:m.start]), "向对与和拟将给为把从在被让使")) {
			break // a name after a verb or preposition is an object, not the subject
		}
		if m.kind == corpus.EntityPlace && m.end < len(ff.rs) && m.end < limit && isHan(ff.rs[m.end]) && !strings.ContainsRune("市县区省", ff.rs[m.end-1]) {
			continue // 山西 in 山西百信…: part of a longer name
		}
		// 综改区内龙头企业富士康(太原)科技工业园: the head of the chain.
		best, i = m.canonical, m.end
		for i < limit && strings.ContainsRune("内的", ff.rs[i]) {
			i++
		}
	}
	if best != "" {
		return best
	}
	if w, ok := pronounIndex.at(ff.rs, i); ok {
		if s := ff.resolvePronoun(w, i); s != "" {
			return s
		}
		if w == "全市" || w == "全省" || w == "全区" || w == "本区" {
			return unnamed // no city or province is named: leave the subject empty, never another name
		}
	}
	return ""
}

// locatives open a phrase that places or sizes the subject that follows
// it: 落户阳泉经开区的蓝宝石项目总投资25.3亿元.
var locatives = []string{"落户", "位于", "地处", "坐落于", "坐落在", "入驻", "落地",
	"总投资", "计划总投资", "投资", "占地"} // 总投资35亿元的绿源…项目已完成主体工程

// skipLocative moves i past a locative phrase (落户…的) when a project or
// company name follows its 的.
func (ff *frameFinder) skipLocative(i, limit int) int {
	if w, ok := pronounIndex.at(ff.rs, i); ok {
		// 园区内的华光光电…项目: the place is where, the name is whose.
		at := i + len([]rune(w))
		for _, tail := range []string{"内的", "内", "的"} {
			if hasPrefixRunes(ff.rs, at, tail) {
				at += len([]rune(tail))
				for k := ff.mentionsFrom(at); k < len(ff.mentions) && ff.mentions[k].start == at; k++ {
					if m := ff.mentions[k]; m.end <= limit && (m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject) {
						return at
					}
				}
				break
			}
		}
	}
	if !startsAny(ff.rs, i, locatives) {
		return i
	}
	for j := i + 2; j < limit && j-i <= 16; j++ {
		if ff.rs[j] != '的' {
			continue
		}
		for k := ff.mentionsFrom(j + 1); k < len(ff.mentions) && ff.mentions[k].start == j+1; k++ {
			if m := ff.mentions[k]; m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject {
				return j + 1
			}
		}
	}
	return i
}

// resolvePronoun reads 全区/全市/全省 as the article's zone, city or province,
// and 该区/该市/该公司/该项目 as the last such name before rune i.
// hasVerb reports a verb word in rs[a:b].
func (ff *frameFinder) hasVerb(a, b int) bool {
	for i := a + 2; i <= b; i++ {
		if v, ok := verbIndex.endingAt(ff.rs, i); ok && len([]rune(v)) > 1 && i-len([]rune(v)) >= a {
			return true
		}
	}
	return false
}

func (ff *frameFinder) resolvePronoun(w string, i int) string {
	switch w {
	case "全市":
		return ff.main.city
	case "全省", "我省":
		return ff.main.province
	case "全区", "本区":
		return ff.main.zone
	case "该市":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "市") }, ff.main.city)
	case "该公司", "该企业":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityOrg && !isZoneName(m.name) }, ff.main.subject)
	case "该项目":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityProject }, ff.main.subject)
	}
	zone := ff.main.zone
	if zone == "" && isZoneName(w) {
		zone = w // 高新区 with no fuller name in the text
	}
	return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityOrg && isZoneName(m.name) }, zone)
}

// lastBefore is the canonical name of the last mention before rune i that
// fits, or fallback.
func (ff *frameFinder) lastBefore(i int, fits func(mention) bool, fallback string) string {
	for k := ff.mentionsFrom(i) - 1; k >= 0; k-- {
		if m := ff.mentions[k]; m.end <= i && fits(m) {
			return m.canonical
		}
	}
	return fallback
}

// periodBefore is the period of a figure's own clause, else the one that
// opens its sentence: a period in an earlier clause (2019年设立的13家…，34个
// 开发区…) belongs to that clause.
func (ff *frameFinder) periodBefore(sentStart, at int) string {
	clause := ff.clauseStart(sentStart, at)
	best := ""
	for k := ff.periodsFrom(sentStart); k < len(ff.periods) && ff.periods[k].start < at; k++ {
		if p := ff.periods[k]; p.end <= at && (p.start >= clause || !ff.attributive(p)) {
			best = p.text
		}
	}
	return best
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
	for _, w := range []string{"今年", "去年", "上年", "当年", "目前", "截至", "以来", "期间", "时期", "年内", "近"} {
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

// resolvePeriod turns a period into ISO dates where the text and the
// document's year allow, by the one period grammar (corpus.ResolvePeriod).
func resolvePeriod(p string, docYear int) (string, string) {
	r, ok := corpus.ResolvePeriod(p, docYear)
	if !ok {
		return "", ""
	}
	return r.From, r.To
}

func loadIndicators(extra []string) []string {
	var out []string
	for _, line := range strings.Split(indicatorsTxt, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return append(out, extra...)
}

// bareZoneTypes are zone types a text uses alone for the zone it is about.
var bareZoneTypes = []string{"高新区", "经开区", "开发区", "综改区"}

// bareZone is the first zone type standing alone at the start of a clause
// (not the tail of 全省开发区 or 各开发区), or "".
func bareZone(rs []rune) string {
	for i := range rs {
		if i > 0 && isHan(rs[i-1]) {
			continue
		}
		for _, z := range bareZoneTypes {
			if end := i + len([]rune(z)); end <= len(rs) && endsWithRunes(rs, end, z) {
				return z
			}
		}
	}
	return ""
}

func isZoneName(name string) bool {
	for _, s := range []string{"开发区", "经开区", "高新区", "示范区", "综改区", "新区", "园区"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
