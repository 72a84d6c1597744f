package extract

import (
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"reportmine/corpus"
)

// numeralStyle picks the characters a renderer writes: everyday lower-case
// numerals (with 两 where speech puts it) or the financial capitals of
// contracts and budgets, simplified or traditional.
type numeralStyle struct {
	digits   [10]string
	ten      string // 十 or 拾
	hundred  string
	thousand string
	wan, yi  string
	two      string // 两 or 二 before 百/千/万/亿; "" keeps the plain digit
	point    string
}

var numeralStyles = []numeralStyle{
	{digits: [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, ten: "十", hundred: "百", thousand: "千", wan: "万", yi: "亿", point: "点"},
	{digits: [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, ten: "十", hundred: "百", thousand: "千", wan: "万", yi: "亿", two: "两", point: "点"},
	{digits: [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}, ten: "拾", hundred: "佰", thousand: "仟", wan: "万", yi: "亿", point: "点"},
	{digits: [10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}, ten: "拾", hundred: "佰", thousand: "仟", wan: "萬", yi: "億", point: "點"},
	{digits: [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, ten: "十", hundred: "百", thousand: "千", wan: "萬", yi: "億", two: "兩", point: "點"},
}

// renderChinese writes n the way the standard reads it: 零 once for every
// run of empty places inside the number (二千零四十五, 一万零五百,
// 十万零六百五十一), none at the end, 十 without 一 only at the very start.
func (st numeralStyle) renderChinese(n int64) string {
	if n == 0 {
		return st.digits[0]
	}
	return st.render(n, true)
}

func (st numeralStyle) render(n int64, leading bool) string {
	switch {
	case n >= 1e8:
		return st.withLow(n/1e8, st.yi, n%1e8, 1e7, leading)
	case n >= 1e4:
		return st.withLow(n/1e4, st.wan, n%1e4, 1e3, leading)
	}
	return st.group(n, leading)
}

// withLow writes high, its unit, and the part below it, with 零 when that
// part does not fill the place right under the unit.
func (st numeralStyle) withLow(high int64, unit string, low, firstPlace int64, leading bool) string {
	s := st.twoBefore(high, st.render(high, leading)) + unit
	if low == 0 {
		return s
	}
	if low < firstPlace {
		s += st.digits[0]
	}
	return s + st.render(low, false)
}

// group writes 1..9999.
func (st numeralStyle) group(n int64, leading bool) string {
	var sb strings.Builder
	places := []struct {
		v    int64
		unit string
	}{{1000, st.thousand}, {100, st.hundred}, {10, st.ten}, {1, ""}}
	zero, started := false, false
	for _, p := range places {
		d := n / p.v % 10
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			sb.WriteString(st.digits[0])
			zero = false
		}
		switch {
		case p.v == 10 && d == 1 && leading && !started:
			// 十五 at the start, 一百一十五 inside.
		case d == 2 && p.v >= 100 && st.two != "":
			sb.WriteString(st.two)
		default:
			sb.WriteString(st.digits[d])
		}
		sb.WriteString(p.unit)
		started = true
	}
	return sb.String()
}

// twoBefore writes 两 for a lone 2 before 万 or 亿 in the styles that do.
func (st numeralStyle) twoBefore(high int64, s string) string {
	if high == 2 && st.two != "" {
		return st.two
	}
	return s
}

func (st numeralStyle) renderDecimal(whole int64, frac string) string {
	s := st.renderChinese(whole)
	if frac == "" {
		return s
	}
	s += st.point
	for _, c := range frac {
		s += st.digits[c-'0']
	}
	return s
}

// TestChineseNumeralRoundTrip renders random integers and decimals as
// Chinese numerals in every style and reads them back.
func TestChineseNumeralRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	for i := 0; i < 6000; i++ {
		st := numeralStyles[i%len(numeralStyles)]
		var whole int64
		switch i % 4 {
		case 0:
			whole = rng.Int63n(10000)
		case 1:
			whole = rng.Int63n(1e8)
		case 2:
			whole = rng.Int63n(1e12)
		default:
			whole = sparse(rng) // many zeros: 一百万零一十, 三千零五
		}
		frac, scale, scaleWord := "", 1.0, ""
		if i%3 == 0 {
			// Reports write decimals on a small number before the scale
			// word: 一百二十点五亿, 二十点四.
			whole %= 10000
			frac = strconv.Itoa(rng.Intn(1000))
			scale, scaleWord = [3]float64{1, 1e4, 1e8}[i%9/3], [3]string{"", st.wan, st.yi}[i%9/3]
		}
		in := st.renderDecimal(whole, frac) + scaleWord
		want, _ := strconv.ParseFloat(strconv.FormatInt(whole, 10)+"."+frac+"0", 64)
		want *= scale
		n, ok := readNumber([]rune(in), 0)
		if !ok || n.end != len([]rune(in)) {
			t.Fatalf("%s (%s.%s): read %v, %d of %d runes", in, strconv.FormatInt(whole, 10), frac, ok, n.end, len([]rune(in)))
		}
		if got := n.value(); math.Abs(got-want) > 1e-9*math.Max(1, want) {
			t.Fatalf("%s: got %v, want %v", in, got, want)
		}
		if n.decimals != len(frac) {
			t.Fatalf("%s: decimals %d, want %d", in, n.decimals, len(frac))
		}
	}
}

// sparse returns a number with most of its digits zero.
func sparse(rng *rand.Rand) int64 {
	var n int64
	for k := 0; k < 1+rng.Intn(3); k++ {
		n += int64(1+rng.Intn(9)) * int64(math.Pow10(rng.Intn(13)))
	}
	return n
}

func TestRenderChinese(t *testing.T) {
	plain, liang := numeralStyles[0], numeralStyles[1]
	for _, c := range []struct {
		st   numeralStyle
		n    int64
		want string
	}{
		{plain, 2045, "二千零四十五"}, {plain, 3005, "三千零五"}, {plain, 10500, "一万零五百"},
		{plain, 100651, "十万零六百五十一"}, {plain, 1000010, "一百万零一十"}, {plain, 15, "十五"},
		{plain, 115, "一百一十五"}, {plain, 605000000000, "六千零五十亿"}, {plain, 100000000, "一亿"},
		{liang, 2200, "两千两百"}, {liang, 20000, "两万"}, {liang, 22, "二十二"},
	} {
		if got := c.st.renderChinese(c.n); got != c.want {
			t.Errorf("%d: got %s, want %s", c.n, got, c.want)
		}
	}
}

// TestChineseNumeralFiguresRoundTrip puts rendered numerals into report
// sentences and checks the figure the whole extractor reads.
func TestChineseNumeralFiguresRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for i := 0; i < 400; i++ {
		st := numeralStyles[i%len(numeralStyles)]
		n := 100 + rng.Int63n(1e11)
		if i%2 == 1 {
			n = 100 + sparse(rng)%1e12
		}
		text := "全年完成固定资产投资" + st.renderChinese(n) + "元，比上年增长。"
		got := amounts(t, text, false)
		want := "money " + strconv.FormatFloat(float64(n), 'f', -1, 64) + " CNY"
		if len(got) != 1 || got[0] != want {
			t.Fatalf("%s: got %v, want %s", text, got, want)
		}
	}
}

// TestHedgedScaleRoundTrip: a numeral with an inner 亿 and 多 before a
// trailing 万 (四亿零七百多万吨) is the 亿 part plus the hedged 万 part, for
// random values in every style.
func TestHedgedScaleRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	for i := 0; i < 300; i++ {
		st := numeralStyles[i%len(numeralStyles)]
		yi := 1 + rng.Int63n(99)
		wan := 10 + rng.Int63n(9990) // the 万 part, at least 十万 so that it carries a 多
		for wan%10 == 0 {
			wan++ // 七百多万 hedges the last digit written: keep one there
		}
		head := st.renderChinese(yi*1e8 + wan) // 四亿零七百五
		text := "产量" + head + "多万吨，比上年增长。"     // 四亿零七百五多万吨
		want := float64(yi*1e8 + wan*1e4)
		figs := testExtractor.Extract(corpus.NewDocument("test.txt", []byte(text)))
		if len(figs) == 0 || figs[0].Value != want || !figs[0].Approx {
			t.Fatalf("%s: got %+v, want %v approx", text, figs, want)
		}
	}
}
