package check

import (
	_ "embed"
	"math"
	"strconv"
	"strings"

	"reportmine/corpus"
)

// metricNoise are words that change how an indicator is phrased, not what
// it measures: 新签约项目总投资 and 累计签约总投资 are the same indicator.
var metricNoise = strings.NewReplacer("主要预期目标", "", "预期目标", "", "预期增长目标", "", "增长目标", "", "预期", "", "目标", "",
	"新增", "", "新", "", "累计", "", "项目总投资", "总投资", "项目投资", "投资",
	"已", "", "全年", "", "当年", "", "总计", "", "合计", "", "“", "", "”", "")

// MetricKey is a metric reduced to what it measures, for grouping: its
// noise words dropped, then an alias of a known indicator replaced by the
// indicator's key (进出口贸易总额 and 货物进出口总额 are 进出口总额).
func MetricKey(m string) string {
	k := metricNoise.Replace(m)
	if k == "" {
		k = m
	}
	if canonical, ok := indicatorAliases[k]; ok {
		return canonical
	}
	return k
}

//go:embed indicators.tsv
var indicatorsTSV string

// indicatorAliases maps each name of a known indicator to its key.
var indicatorAliases = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(indicatorsTSV, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, names, ok := strings.Cut(line, "\t")
		if !ok {
			panic("check: indicators.tsv: malformed line " + line)
		}
		m[key] = key
		for _, n := range strings.Split(names, "|") {
			if _, dup := m[n]; dup {
				panic("check: indicators.tsv: " + n + " listed twice")
			}
			m[n] = key
		}
	}
	return m
}()

// metricsMatch reports two metrics that name the same indicator: equal
// keys, or one contained in the other (项目 in 签约项目).
func metricsMatch(a, b string) bool {
	ka, kb := MetricKey(a), MetricKey(b)
	if ka == "" || kb == "" {
		return false
	}
	return ka == kb || strings.Contains(ka, kb) || strings.Contains(kb, ka)
}

// subjectsMatch reports subjects that can be the same: equal, either
// unknown, one inside the other, or the same project named shorter
// (绿源新能源项目 and 绿源新能源年产20GW高效电池项目).
func subjectsMatch(claim, ev string, evDocText string) bool {
	if claim != "" && ev != "" && levelOf(claim) != levelOf(ev) {
		return false // 黄石市市直 is not 黄石市: a city's own budget is not the whole city's
	}
	if claim == "" || ev == "" || claim == ev || strings.Contains(claim, ev) || strings.Contains(ev, claim) {
		return true
	}
	if a, b := projectStem(claim), projectStem(ev); len([]rune(a)) >= 3 && len([]rune(b)) >= 3 &&
		(strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true
	}
	return evDocText != "" && strings.Contains(evDocText, claim)
}

// scopedSubject is whose a figure is once its document's place is known:
// a bare level (市级) is that place's own level, no subject at all the
// place itself.
func scopedSubject(subject, place string) string {
	switch {
	case place == "" || place == "全国" && subject == "":
		return subject
	case subject == "":
		return place
	case levelOf(subject) != "" && !strings.HasPrefix(subject, place) && !isPlaceName(strings.TrimSuffix(subject, levelWord(subject))):
		return place + subject
	}
	return subject
}

// groupScope is what a conflict group is keyed by for whose: a place's
// name as it is, anything else (a level, a fund, a hospital) within the
// document's place, so that two cities' 市本级 never conflict.
func groupScope(subject, place string) string {
	s := scopedSubject(subject, place)
	if isPlaceName(s) || levelOf(s) != "" && isPlaceName(strings.TrimSuffix(s, levelWord(s))) {
		return s
	}
	return place + "/" + s
}

// isPlaceName reports a name that is a place: 全国, or one ending in an
// administrative suffix (福州市, 广东省, 西咸新区, a zone: 青山高新区).
func isPlaceName(s string) bool {
	if s == "全国" || s == "香港" || s == "澳门" {
		return true
	}
	n := len([]rune(s))
	return n >= 2 && n <= 12 && strings.ContainsRune("市省县州盟区", []rune(s)[n-1])
}

// levelWord is the level word a subject ends with, or "".
func levelWord(subject string) string {
	for _, l := range levels {
		if strings.HasSuffix(subject, l.word) {
			return l.word
		}
	}
	return ""
}

// levels are the levels of government a subject can end with, each
// with the level it means (市直, 市级 and 市本级 are the city's own).
var levels = []struct{ word, level string }{
	{"市本级", "市级"}, {"市级", "市级"}, {"市直", "市级"}, {"省本级", "省级"}, {"省级", "省级"}, {"省直", "省级"},
	{"县级", "县级"}, {"区级", "区级"}, {"中央本级", "中央"}, {"中央财政", "中央"}, {"地方财政", "地方"}, {"地方本级", "地方"},
}

// levelOf is the level of government a subject ends with, or "" for a
// whole place.
func levelOf(subject string) string {
	for _, l := range levels {
		if strings.HasSuffix(subject, l.word) {
			return l.level
		}
	}
	return ""
}

// projectStem is a name without its 项目/工程 suffix.
func projectStem(name string) string {
	for _, suf := range []string{"项目", "工程"} {
		name = strings.TrimSuffix(name, suf)
	}
	return name
}

// sameMetric reports indicators that are the same: equal keys, or one key
// that adds words to the other which the shorter one's sentence says too
// (新签约项目总投资 and 总投资 in 新签约项目86个，总投资420亿元).
func sameMetric(f, e corpus.Figure) bool {
	kf, ke := MetricKey(f.Metric), MetricKey(e.Metric)
	switch {
	case kf == "" || ke == "":
		return false
	case kf == ke:
		return true
	case strings.HasSuffix(kf, ke):
		return strings.Contains(e.Sentence, strings.TrimSuffix(kf, ke))
	case strings.HasSuffix(ke, kf):
		return strings.Contains(f.Sentence, strings.TrimSuffix(ke, kf))
	}
	return false
}

// periodRelation is how the periods of a claim figure and an evidence
// figure relate.
type periodRelation int

const (
	periodSame    periodRelation = iota // the same resolved period, or the same months when a year is unknown
	periodDiffers                       // two different periods
	periodUnknown                       // the claim names a period, the evidence none
	claimUndated                        // the claim names no period
)

// periodBearing compares a claim figure's period with an evidence
// figure's: by their resolved dates when both have them, else by months.
func periodBearing(f, e corpus.Figure) periodRelation {
	fKnown, eKnown := f.Period != "" || f.PeriodFrom != "", e.Period != "" || e.PeriodFrom != ""
	switch {
	case !fKnown && !eKnown:
		return periodSame // a project's total, a timeless count
	case !fKnown:
		return claimUndated
	case !eKnown:
		return periodUnknown
	}
	if namesYear(f) && e.PeriodFrom == "" {
		return periodUnknown // 2009年 against a 全年 of no known year
	}
	if figurePeriodsMatch(f, e) {
		return periodSame
	}
	return periodDiffers
}

// namesYear reports a figure whose period prints its year (2009年,
// 一九八五年, “十三五”期间), not one resolved from a date (上半年, 今年).
func namesYear(f corpus.Figure) bool {
	p := strings.TrimLeft(f.Period, "“\"")
	if len(p) >= 4 && isDigits(p[:4]) {
		return true
	}
	_, ok := corpus.ResolvePeriod(p, 0) // resolves without a year: it names its own
	return ok && f.PeriodFrom != ""
}

// yearAndItsEnd reports a whole year and its last day: a stock of 2025年
// is the one at 2025年末.
func yearAndItsEnd(year, end corpus.Figure) bool {
	y := year.PeriodFrom[:4]
	return year.PeriodFrom == y+"-01-01" && year.PeriodTo == y+"-12-31" && end.PeriodFrom == y+"-12-31" && end.PeriodTo == y+"-12-31"
}

// periodLabel names an evidence figure's period for an explanation.
func periodLabel(e corpus.Figure) string {
	if e.PeriodFrom != "" {
		if e.PeriodFrom[:4] == e.PeriodTo[:4] && e.PeriodFrom[5:] == "01-01" && e.PeriodTo[5:] == "12-31" {
			return e.PeriodFrom[:4] + "年"
		}
		return e.PeriodFrom + "至" + e.PeriodTo
	}
	return e.Period
}

// figurePeriodsMatch compares two figures' periods: by their resolved
// dates when both have them, else as printed.
func figurePeriodsMatch(f, e corpus.Figure) bool {
	if f.PeriodFrom != "" && e.PeriodFrom != "" {
		return f.PeriodFrom == e.PeriodFrom && f.PeriodTo == e.PeriodTo || yearAndItsEnd(f, e) || yearAndItsEnd(e, f)
	}
	if f.PeriodFrom != "" && e.Period != "" && yearOf(e.Period) == "" {
		return monthSpan(e.Period) == f.PeriodFrom[5:7]+"-"+f.PeriodTo[5:7] // the evidence's year is unknown
	}
	if e.PeriodFrom != "" && f.Period != "" && yearOf(f.Period) == "" {
		return monthSpan(f.Period) == e.PeriodFrom[5:7]+"-"+e.PeriodTo[5:7]
	}
	return periodsMatch(f.Period, e.Period)
}

// periodsMatch reports periods that can be the same: equal, either
// unknown, or the same months once resolved (上半年 = 1-6月份).
func periodsMatch(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	ma, mb := monthSpan(a), monthSpan(b)
	if ma != "" && mb != "" {
		return ma == mb && yearOf(a) == yearOf(b)
	}
	return false
}

// monthSpan resolves a period to its months (01-06), ignoring the year,
// by the one period grammar (corpus.ResolvePeriod).
func monthSpan(p string) string {
	if len(p) >= 7 && p[4:7] == "年" && isDigits(p[:4]) {
		p = p[7:]
	}
	if p == "" {
		p = "全年"
	}
	r, ok := corpus.ResolvePeriod(p, 2001) // any year: only the months are compared
	if !ok || r.From[:4] != "2001" || r.To[:4] != "2001" {
		return ""
	}
	return r.From[5:7] + "-" + r.To[5:7]
}

func yearOf(p string) string {
	if len(p) >= 4 && isDigits(p[:4]) {
		return p[:4]
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// basesMatch reports comparisons that are the same (同比 and 比上年同期).
// basesMatch reports bases that compare with the same thing; a bare
// change (增长2.3%) is against last year, as 比上年 says.
func basesMatch(a, b string) bool {
	na, nb := baseKey(a), baseKey(b)
	return na == nb || na == "" && nb == "yoy" || nb == "" && na == "yoy"
}

func baseKey(b string) string {
	switch b {
	case "同比", "比上年同期", "较上年同期", "比去年同期", "较去年同期", "上年同期", "去年同期", "比上年", "较上年", "比去年", "较去年":
		return "yoy"
	case "环比":
		return "mom"
	}
	return strings.TrimPrefix(strings.TrimPrefix(b, "比"), "较")
}

// tolerance is how far a figure's true value may be from its printed one:
// half a unit in its last printed decimal (97.2% stands for 97.15–97.25%).
func tolerance(f corpus.Figure) float64 {
	printed, ok := printedNumber(f.Surface)
	if !ok || printed == 0 {
		return math.Abs(f.Value) * 1e-9
	}
	scale := math.Abs(f.Value / printed)
	return 0.5 * math.Pow(10, -float64(max(f.Precision, 0))) * scale
}

// printedNumber reads the first number written in digits in s.
func printedNumber(s string) (float64, bool) {
	start := -1
	for i, c := range s {
		if c >= '0' && c <= '9' {
			start = i
			break
		}
	}
	if start < 0 {
		return 0, false
	}
	end := start
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[start:end], ",", ""), 64)
	return v, err == nil
}

// Agree reports two figures whose printed values can stand for the same
// number: within the rounding their printed precision allows. Rounding
// intervals are half open (5.5 stands for 5.45 up to, not including, 5.55,
// which prints as 5.6), so 5.5% and 5.6% disagree. An approximate figure
// or a bound excludes no nearby value, so it agrees.
func Agree(a, b corpus.Figure) bool {
	if a.Approx || b.Approx || a.Bound != "" || b.Bound != "" {
		return true
	}
	d, tol := math.Abs(a.Value-b.Value), tolerance(a)+tolerance(b)
	if tolerance(a) <= 1e-6*math.Max(1, math.Abs(a.Value)) || tolerance(b) <= 1e-6*math.Max(1, math.Abs(b.Value)) {
		return d <= tol+1e-9*math.Max(1, math.Abs(a.Value)) // a point (0, 百分之零点五) meets what holds it
	}
	return d < tol*(1-1e-9)
}
