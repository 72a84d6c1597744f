package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// Period is a stretch of time as inclusive ISO dates; a stock reported
// as of a day (年末, 年底) has From == To.
type Period struct {
	From, To string
}

// ResolvePeriod reads a period as printed into dates. It is the one period
// grammar of reportmine: years in Arabic, full-width or Chinese numerals
// (2023年, １９８７年, 一九八五年), year ranges (2018-2020年), halves,
// quarters and month ranges (上半年, 二季度, 1-6月份), year ends, five-year
// plans (六五, “十三五”期间, 第一个五年计划), spans counted back from the
// report (过去五年, 五年来, 近三年, 五年累计) and words relative to it
// (今年, 去年, 上年, 明年).
//
// year is the year the text speaks from (the document's year); relative
// periods need it and fail without it. A government report looks back on
// the years before the one it is given in, so 过去五年 in a 2018 report is
// 2013–2017. ok is false for text that is not a period it knows.
func ResolvePeriod(text string, year int) (Period, bool) {
	p := normalizePeriod(text)
	if p == "" {
		return Period{}, false
	}
	if pr, ok := planPeriod(p); ok {
		return pr, true
	}
	if g := yearRangeRe.FindStringSubmatch(p); g != nil {
		a, b := readYear(g[1]), readYear(g[2])
		if a == 0 || b < a {
			return Period{}, false
		}
		return Period{From: yearDay(a, 1, 1), To: yearDay(b, 12, 31)}, true
	}
	if n, ok := spanBack(p); ok {
		if year == 0 {
			return Period{}, false
		}
		return Period{From: yearDay(year-n, 1, 1), To: yearDay(year-1, 12, 31)}, true
	}
	y, rest := year, p
	if g := leadingYearRe.FindStringSubmatch(p); g != nil {
		y, rest = readYear(g[1]), p[len(g[0]):]
	} else {
		for _, r := range relativeYears {
			if after, ok := strings.CutPrefix(p, r.word); ok {
				if year == 0 {
					return Period{}, false
				}
				y, rest = year+r.offset, after
				break
			}
		}
	}
	if y == 0 {
		return Period{}, false
	}
	return withinYear(y, strings.TrimPrefix(rest, "的"))
}

// relativeYears are the words that name a year relative to the report's.
var relativeYears = []struct {
	word   string
	offset int
}{{"今年", 0}, {"本年", 0}, {"当年", 0}, {"去年", -1}, {"上年", -1}, {"上一年", -1}, {"前年", -2}, {"明年", 1}, {"下一年", 1}}

var (
	chineseYear   = `[〇○零一二三四五六七八九]{4}`
	leadingYearRe = regexp.MustCompile(`^(\d{4}|` + chineseYear + `)年`)
	yearRangeRe   = regexp.MustCompile(`^(\d{4}|` + chineseYear + `)年?(?:-|—|–|~|至|到)(\d{4}|` + chineseYear + `)年(?:期间|间)?$`)
	monthRangeRe  = regexp.MustCompile(`^(\d{1,2})(?:(?:-|—|–|至|到)(\d{1,2}))?月份?(?:末|底)?$`)
	planRe        = regexp.MustCompile(`^(?:第)?([一二三四五六七八九十]{1,3}|\d{1,2})(?:五|个五年)(?:计划|规划)?(?:期间|时期|以来|内)?(末|初)?$`)
	spanRe        = regexp.MustCompile(`^(?:过去的?|近|最近)?([一二两三四五六七八九十]{1,2}|\d{1,2})年(?:来|间|中|里|以来|累计|共|合计|内)?$`)
)

// normalizePeriod folds full-width digits and drops quotes and spaces.
func normalizePeriod(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case strings.ContainsRune("“”\"‘’「」 \u3000\n", r):
		case r == '－':
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// withinYear resolves the part of a period after its year.
func withinYear(y int, p string) (Period, bool) {
	months := func(a, b int) (Period, bool) {
		return Period{From: yearDay(y, a, 1), To: yearDay(y, b, monthDays(y, b))}, true
	}
	switch p {
	case "", "全年", "年内", "以来", "度", "年度", "全年度":
		return months(1, 12)
	case "上半年":
		return months(1, 6)
	case "下半年":
		return months(7, 12)
	case "前三季度":
		return months(1, 9)
	case "一季度", "第一季度", "1季度":
		return months(1, 3)
	case "二季度", "第二季度", "2季度":
		return months(4, 6)
	case "三季度", "第三季度", "3季度":
		return months(7, 9)
	case "四季度", "第四季度", "4季度":
		return months(10, 12)
	case "末", "年末", "年底", "底":
		return Period{From: yearDay(y, 12, 31), To: yearDay(y, 12, 31)}, true
	case "年初", "初":
		return Period{From: yearDay(y, 1, 1), To: yearDay(y, 1, 1)}, true
	}
	if m := monthRangeRe.FindStringSubmatch(p); m != nil {
		a, _ := strconv.Atoi(m[1])
		b := a
		if m[2] != "" {
			b, _ = strconv.Atoi(m[2])
		}
		if a >= 1 && b <= 12 && a <= b {
			if strings.HasSuffix(p, "末") || strings.HasSuffix(p, "底") {
				end := yearDay(y, b, monthDays(y, b))
				return Period{From: end, To: end}, true
			}
			return months(a, b)
		}
	}
	return Period{}, false
}

// planPeriod reads a five-year plan: 一五 1953–1957, 二五 1958–1962, then
// from 三五 (1966–1970) every five years (六五 1981–1985, 十四五 2021–2025).
func planPeriod(p string) (Period, bool) {
	g := planRe.FindStringSubmatch(p)
	if g == nil {
		return Period{}, false
	}
	n := smallNumber(g[1])
	if n < 1 || n > 20 {
		return Period{}, false
	}
	start := 1953 + 5*(n-1)
	if n >= 3 {
		start = 1966 + 5*(n-3) // 1963–1965 were years of readjustment between plans
	}
	switch g[2] {
	case "末":
		return Period{From: yearDay(start+4, 12, 31), To: yearDay(start+4, 12, 31)}, true
	case "初":
		return Period{From: yearDay(start, 1, 1), To: yearDay(start, 1, 1)}, true
	}
	return Period{From: yearDay(start, 1, 1), To: yearDay(start+4, 12, 31)}, true
}

// spanBack reads a span counted back from the report (过去五年, 五年来,
// 近三年): the number of years.
func spanBack(p string) (int, bool) {
	g := spanRe.FindStringSubmatch(p)
	if g == nil || p == g[1]+"年" {
		return 0, false // a bare 五年 is a length, not a period
	}
	if p == g[1]+"年内" {
		return 0, false // 十二年内 may as well look ahead, as a plan's does
	}
	n := smallNumber(g[1])
	return n, n >= 1 && n <= 30
}

// SmallNumber reads 1-99 in Arabic or Chinese numerals (五, 十三, 二十六,
// 两), or -1: months, days, terms and sessions as reports print them.
func SmallNumber(s string) int { return smallNumber(s) }

// ReadYear reads a year in Arabic digits or Chinese digits one by one
// (2026, 二〇二六, 一九八○), or 0.
func ReadYear(s string) int { return readYear(s) }

func smallNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := chineseDigit
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return 10 * digit(rs[0])
	case len(rs) == 3 && rs[1] == '十':
		return 10*digit(rs[0]) + digit(rs[2])
	}
	return -1
}

// readYear reads 2023 or 二〇二三 (digit by digit).
func readYear(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	n := 0
	for _, r := range s {
		d := chineseDigit(r)
		if d < 0 {
			return 0
		}
		n = n*10 + d
	}
	return n
}

// chineseDigit is the value of a Chinese digit, or -1.
func chineseDigit(r rune) int {
	switch r {
	case '〇', '○', '零':
		return 0
	case '两':
		return 2
	}
	for i, d := range []rune("〇一二三四五六七八九") {
		if d == r {
			return i
		}
	}
	return -1
}

func yearDay(y, m, d int) string {
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func monthDays(year, m int) int {
	switch m {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
