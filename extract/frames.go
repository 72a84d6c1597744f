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

func stripQuotes(s string) string {
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
