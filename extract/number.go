package extract

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// number is one numeral read from the text: Arabic digits, Chinese
// numerals, or a mix of both (1.2万亿, 3万4000, 1千零20万).
type number struct {
	start, end int     // rune indexes into the scanned text
	core       float64 // value before the trailing scale word (20 in 20亿)
	scale      float64 // trailing 万/亿/万亿… multiplier, 1 when absent
	coreMax    float64 // upper end for 两三百, 十几, 数十; equals core otherwise
	arabic     bool    // contains Arabic digits
	bareScale  bool    // only scale words, no digit at all (百, 千亿)
	vague      bool    // 几, 数 or two adjacent digits (两三) made it a range
	decimals   int     // digits after the decimal point, as written
	positional bool    // a run of Chinese digits read positionally (二〇二四)
	// inner is the largest scale word inside the core (亿 in 四亿零七百), 0
	// when none: a scale after 多 (四亿零七百多万) applies to what follows it.
	inner float64
}

// rescaled is n with a scale word that follows it after 多 or 余 applied
// to the part after its inner scale only: 四亿零七百多万 is 4亿 + 700多万,
// not (4亿 + 700) × 万.
func (n number) rescaled(mul float64) number {
	if n.inner <= mul || mul <= 1 {
		return n
	}
	for _, v := range []*float64{&n.core, &n.coreMax} {
		head := math.Floor(*v/n.inner) * n.inner
		if (*v-head)*mul >= n.inner {
			return n // 1.2亿3000多万: the part below the inner scale is no whole number of it; left as read
		}
	}
	for _, v := range []*float64{&n.core, &n.coreMax} {
		head := math.Floor(*v/n.inner) * n.inner
		*v = head/mul + (*v - head)
	}
	return n
}

func (n number) value() float64    { return n.core * n.scale }
func (n number) valueMax() float64 { return n.coreMax * n.scale }

var chineseDigit = map[rune]float64{
	'零': 0, '〇': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9,
	'兩': 2, '貳': 2, '參': 3, '陸': 6,
}

var chineseUnit = map[rune]float64{
	'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000,
	'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8,
}

// isChineseNumeral is on the scanner's hot path (it is asked of every
// character), so it is a switch rather than two map look-ups.
func isChineseNumeral(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九',
		'壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '兩', '貳', '參', '陸',
		'十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿', '億', '廿', '卅':
		return true
	}
	return false
}

// unitsStartingWithScale are unit words whose first character is also a
// scale word; the numeral reader stops before them (300万千瓦 is 300万 千瓦).
var unitsStartingWithScale = []string{"千瓦时", "千瓦", "千伏", "千米", "千克", "千公顷", "千升", "百分点", "万分之", "千分之", "百分之", "十分之"}

func startsScaleUnit(rs []rune, i int) bool {
	for _, u := range unitsStartingWithScale {
		if hasPrefixRunes(rs, i, u) {
			return true
		}
	}
	return false
}

// readNumber reads the numeral starting at rs[i], or reports false.
func readNumber(rs []rune, i int) (number, bool) {
	toks, end := lexNumber(rs, i)
	if len(toks) == 0 {
		return number{}, false
	}
	n := number{start: i, end: end, scale: 1}
	digits := 0
	for _, t := range toks {
		switch t.kind {
		case tokArabic:
			n.arabic = true
			digits++
		case tokDigit, tokVague:
			digits++
		}
		if t.kind == tokVague {
			n.vague = true
		}
	}
	n.bareScale = digits == 0
	if n.bareScale && toks[0].v >= 1e4 { // 万, 亿 alone mean one of them
		toks = append([]numTok{{kind: tokDigit, v: 1}}, toks...)
	}
	// Trailing 万/亿 words are the scale and what precedes them the core, so
	// that the low end of a range can borrow the scale (10至20亿元).
	cut := len(toks)
	for cut > 1 && toks[cut-1].kind == tokUnit && toks[cut-1].v >= 1e4 {
		cut--
	}
	if hasBigUnit(toks[:cut]) { // 四亿五千六百万 is one value, not 四亿五千六百 × 万
		cut = len(toks)
		for _, t := range toks {
			if t.kind == tokUnit && t.v >= 1e4 {
				n.inner = max(n.inner, t.v)
			}
		}
	}
	lo, hi, positional := evalTokens(toks[:cut])
	if hi < lo {
		hi = lo // 0零七一: digits of both scripts mixed read no range
	}
	n.core, n.coreMax, n.positional = lo, hi, positional
	n.vague = n.vague || hi != lo
	if cut < len(toks) {
		n.scale = evalWith(append([]numTok{{kind: tokDigit, v: 1}}, toks[cut:]...), false)
	}
	n.decimals = lastDecimals(toks[:cut])
	return n, true
}

type tokKind int

const (
	tokArabic tokKind = iota // 1,234.5
	tokDigit                 // 一 … 九, 零, 〇
	tokVague                 // 几, 数: an unknown digit
	tokUnit                  // 十 百 千 万 亿
	tokPoint                 // 点 between Chinese digits
)

type numTok struct {
	kind     tokKind
	v        float64
	hi       float64 // for tokDigit inside 两三: the upper digit
	decimals int
}

// lexNumber splits the numeral at rs[i] into tokens and returns where it
// ends. Arabic runs may carry thousands separators and a decimal point.
func lexNumber(rs []rune, i int) ([]numTok, int) {
	var toks []numTok
	j := i
	for j < len(rs) {
		r := rs[j]
		switch {
		case isDigit(r):
			v, dec, next := readArabic(rs, j)
			if len(toks) > 0 && toks[len(toks)-1].kind == tokArabic {
				return toks, j
			}
			toks = append(toks, numTok{kind: tokArabic, v: v, decimals: dec})
			j = next
		case r == '几' || r == '数':
			afterUnit := len(toks) > 0 && toks[len(toks)-1].kind == tokUnit
			beforeUnit := len(toks) == 0 && j+1 < len(rs) && chineseUnit[rs[j+1]] > 0
			if !afterUnit && !beforeUnit {
				return toks, j
			}
			toks = append(toks, numTok{kind: tokVague, v: 1, hi: 9})
			j++
		case (r == '点' || r == '點') && takesPoint(toks) && j+1 < len(rs) && isChineseDigitRune(rs[j+1]):
			toks = append(toks, numTok{kind: tokPoint})
			j++
		case r == '廿' || r == '卅' || r == '卌':
			if len(toks) > 0 && toks[len(toks)-1].kind == tokArabic {
				return toks, j
			}
			tens := map[rune]float64{'廿': 2, '卅': 3, '卌': 4}[r]
			toks = append(toks, numTok{kind: tokDigit, v: tens, hi: tens}, numTok{kind: tokUnit, v: 10})
			j++
		case r == '○' && (len(toks) == 0 || toks[len(toks)-1].kind != tokDigit):
			return toks, j // a bullet, unless it is the zero of a digit run (一九八○)
		case isChineseDigitRune(r):
			d := chineseDigit[r]
			if len(toks) > 0 && toks[len(toks)-1].kind == tokArabic && d != 0 {
				return toks, j
			}
			toks = append(toks, numTok{kind: tokDigit, v: d, hi: d})
			j++
		case chineseUnit[r] > 0:
			if startsScaleUnit(rs, j) {
				return toks, j
			}
			toks = append(toks, numTok{kind: tokUnit, v: chineseUnit[r]})
			j++
		default:
			return toks, j
		}
	}
	return toks, j
}

func isChineseDigitRune(r rune) bool { _, ok := chineseDigit[r]; return ok }

// takesPoint reports whether a 点 after toks is a decimal point: after a
// digit or 十/百/千 (二十点五), and only once.
func takesPoint(toks []numTok) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if t.kind == tokPoint || t.kind == tokArabic {
			return false
		}
	}
	last := toks[len(toks)-1]
	return last.kind == tokDigit || (last.kind == tokUnit && last.v < 1e4)
}

// readArabic reads digits with optional thousands separators (1,234 or
// 1，234 after folding) and a decimal part.
func readArabic(rs []rune, j int) (v float64, decimals int, next int) {
	var sb strings.Builder
	k := j
	for k < len(rs) && isDigit(rs[k]) {
		sb.WriteRune(rs[k])
		k++
	}
	for k < len(rs) && (rs[k] == ',' || rs[k] == ' ' && spaceGrouped(rs, j, k)) {
		g := k + 1
		if rs[k] == ',' && g < len(rs) && rs[g] == ' ' {
			g++ // 12, 345, 678 as PDF text spaces it
		}
		if !threeDigits(rs, g) {
			break
		}
		sb.WriteString(string(rs[g : g+3]))
		k = g + 3
	}
	if k+1 < len(rs) && rs[k] == '.' && isDigit(rs[k+1]) {
		sb.WriteByte('.')
		k++
		for k < len(rs) && isDigit(rs[k]) {
			sb.WriteRune(rs[k])
			decimals++
			k++
		}
	}
	v, err := strconv.ParseFloat(sb.String(), 64)
	if err != nil && !math.IsInf(v, 0) {
		v = 0
	}
	return v, decimals, k // ±Inf when out of range: the figure is dropped, never read as 0
}

// spaceGrouped reports a space at rs[k] that separates thousands, as Hong
// Kong and Taiwan texts print them (3 500個, 2 200萬): the digits before it
// (from j) are one group of one to three, or end a group of three after
// another separator (1 234 567), and a group of exactly three digits
// follows. It looks at a fixed number of runes, so long runs stay linear.
func spaceGrouped(rs []rune, j, k int) bool {
	if !threeDigits(rs, k+1) {
		return false
	}
	if k-j <= 3 {
		return true
	}
	return k-4 >= j && (rs[k-4] == ' ' || rs[k-4] == ',') && isDigit(rs[k-3]) && isDigit(rs[k-2]) && isDigit(rs[k-1])
}

// threeDigits reports whether rs[k:k+3] are digits not followed by another
// digit, the shape of a thousands group.
func threeDigits(rs []rune, k int) bool {
	if k+3 > len(rs) {
		return false
	}
	for _, r := range rs[k : k+3] {
		if !isDigit(r) {
			return false
		}
	}
	return k+3 == len(rs) || !isDigit(rs[k+3])
}

func lastDecimals(toks []numTok) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].kind == tokArabic {
			return toks[i].decimals
		}
	}
	dec, after := 0, false
	for _, t := range toks {
		if t.kind == tokPoint {
			after = true
		} else if after && t.kind == tokDigit {
			dec++
		}
	}
	return dec
}

// evalTokens computes the value of a numeral: the low and high readings (different for 两三百, 十几, 数十) and whether
// the numeral was a positional run of digits (二〇二四).
func evalTokens(toks []numTok) (lo, hi float64, positional bool) {
	if allDigits(toks) && len(toks) >= 2 {
		if len(toks) == 2 && adjacentPair(toks[0].v, toks[1].v) {
			return toks[0].v, toks[1].v, false
		}
		x := 0.0
		for _, t := range toks {
			x = x*10 + t.v
		}
		return x, x, true
	}
	return evalWith(toks, false), evalWith(toks, true), false
}

func hasBigUnit(toks []numTok) bool {
	for _, t := range toks {
		if t.kind == tokUnit && t.v >= 1e4 {
			return true
		}
	}
	return false
}

func allDigits(toks []numTok) bool {
	for _, t := range toks {
		if t.kind != tokDigit {
			return false
		}
	}
	return true
}

// adjacentPair reports the approximations 一两, 两三, 三四 … 八九 and 三五.
func adjacentPair(a, b float64) bool {
	return a >= 1 && (b == a+1 || (a == 3 && b == 5))
}

// evalWith evaluates toks the way Chinese numerals are read: a digit
// multiplies the 十/百/千 after it, 万 and 亿 close a section, 零 marks a
// skipped place (二千零四十五, 一万零五百) and is never a digit of its own
// there, digits after 点 are decimals, and a last digit right after 百, 千,
// 万 or 亿 stands for the next place down (一万二 is 12000, 三千五 3500).
// Vague digits and adjacent-digit pairs (两三百) take their low or high
// reading.
func evalWith(toks []numTok, high bool) float64 {
	var total, section, cur float64 // the 亿 part, the 万 part, the rest
	digit, haveDigit := 0.0, false
	// Decimals after 点 are gathered as an integer and divided once, so
	// that 二十点四 is exactly 20.4.
	fracDigits, fracPlaces, afterPoint := 0.0, 0, false
	for i, t := range toks {
		switch t.kind {
		case tokArabic:
			digit, haveDigit = t.v, true
		case tokDigit, tokVague:
			d := t.v
			if high && t.kind == tokVague {
				d = t.hi
			}
			if afterPoint {
				fracDigits, fracPlaces = fracDigits*10+d, fracPlaces+1
				continue
			}
			if t.kind == tokDigit && t.v == 0 {
				continue // 零 holds an empty place
			}
			if haveDigit && i > 0 && isNonzeroDigit(toks[i-1]) {
				// 两三百: the second digit is the high reading.
				if high {
					digit = d
				}
				continue
			}
			digit, haveDigit = d, true
		case tokPoint:
			afterPoint = true
		case tokUnit:
			m := digit
			if !haveDigit {
				m = 1 // 十五, 百万: a unit alone counts one of itself
			}
			switch {
			case t.v < 1e4:
				cur += m * t.v
			case t.v == 1e4:
				if !haveDigit && cur == 0 && section > 0 {
					section *= 1e4 // 万万
					break
				}
				if !haveDigit && cur > 0 {
					m = 0
				}
				section += (cur + m) * 1e4
				cur = 0
			default: // 亿
				base := total + section + cur + digit
				if base == 0 {
					base = 1
				}
				total = base * 1e8
				section, cur = 0, 0
			}
			digit, haveDigit = 0, false
		}
	}
	if haveDigit && !afterPoint {
		digit *= abbreviatedPlace(toks)
	}
	whole := total + section + cur + digit
	if fracPlaces == 0 {
		return whole
	}
	v, err := strconv.ParseFloat(strconv.FormatFloat(whole, 'f', -1, 64)+"."+fmt.Sprintf("%0*.0f", fracPlaces, fracDigits), 64)
	if err != nil {
		return whole + fracDigits/math.Pow(10, float64(fracPlaces))
	}
	return v
}

// abbreviatedPlace is the place value of a last Chinese digit that follows
// 百, 千, 万 or 亿 directly (一万二, 两百五, 三亿五): one place below that
// unit. Any other last digit is units (一千零五, 十五).
func abbreviatedPlace(toks []numTok) float64 {
	n := len(toks)
	if n < 2 || toks[n-1].kind != tokDigit || toks[n-2].kind != tokUnit || toks[n-2].v < 100 {
		return 1
	}
	return toks[n-2].v / 10
}

func isNonzeroDigit(t numTok) bool {
	return t.kind == tokVague || (t.kind == tokDigit && t.v != 0)
}
