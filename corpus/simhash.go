package corpus

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// SimHash is a 64-bit fingerprint of a text's character 4-grams (letters and
// digits only, so spacing, punctuation and layout do not count): texts that
// differ by a light edit have fingerprints a few bits apart.
func SimHash(text string) uint64 {
	rs := letters(text)
	var ones [64]int
	n := 0
	for i := 0; i+4 <= len(rs); i++ {
		for v := fnv64(rs[i : i+4]); v != 0; v &= v - 1 {
			ones[bits.TrailingZeros64(v)]++
		}
		n++
	}
	var out uint64
	for b, c := range ones {
		if 2*c > n { // set in more than half of the shingles
			out |= 1 << b
		}
	}
	return out
}

// fnv64 is FNV-1a over the runes' code points, without allocating.
func fnv64(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		for k := 0; k < 4; k++ {
			h ^= uint64(byte(r >> (8 * k)))
			h *= 1099511628211
		}
	}
	return h
}

// MaybeDuplicate reports fingerprints close enough (at most 12 of 64 bits
// apart) that the texts are worth comparing in full with Resemblance.
func MaybeDuplicate(a, b uint64) bool {
	return bits.OnesCount64(a^b) <= 12
}

// Resemblance is the Jaccard similarity of two texts' character 4-gram
// sets (letters and digits only): 1 for the same text, above 0.8 for the
// same article republished with a note or a heading changed.
func Resemblance(a, b string) float64 {
	return NewShingles(a).Resemblance(NewShingles(b))
}

// Shingles is a text's set of character 4-grams, sorted, for comparing
// one text with many without reading it again.
type Shingles []uint64

// NewShingles reads a text's shingles.
func NewShingles(text string) Shingles {
	rs := letters(text)
	if len(rs) < 4 {
		return nil
	}
	out := make(Shingles, 0, len(rs)-3)
	for i := 0; i+4 <= len(rs); i++ {
		out = append(out, fnv64(rs[i:i+4]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Resemblance is the Jaccard similarity of two shingle sets.
func (s Shingles) Resemblance(o Shingles) float64 {
	if len(s) == 0 || len(o) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(s) && j < len(o); {
		switch {
		case s[i] < o[j]:
			i++
		case s[i] > o[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(s)+len(o)-inter)
}

// NearDuplicateThreshold is the Resemblance above which two documents are
// the same article.
const NearDuplicateThreshold = 0.8

func letters(text string) []rune {
	var rs []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// SketchSize is how many of a text's smallest shingle hashes a Sketch
// keeps.
const SketchSize = 64

// Sketch is a bottom-k sample of a text's shingles: the SketchSize
// smallest hashes. Two sketches estimate two texts' Resemblance in
// SketchSize steps, whatever their length.
type Sketch []uint64

// Sketch samples a shingle set (sorted, as NewShingles returns it).
func (s Shingles) Sketch() Sketch {
	return Sketch(slices.Clone(s[:min(len(s), SketchSize)]))
}

// Resemblance estimates the Jaccard similarity of the texts the sketches
// sample: the share of the union's smallest hashes that both hold.
func (a Sketch) Resemblance(b Sketch) float64 { return a.resemblance(b, 0) }

// ResemblesAtLeast reports whether a.Resemblance(b) >= threshold, stopping as
// soon as the steps left cannot bring the estimate up to the threshold: a new
// document is compared with every earlier one of close fingerprint, and
// most are far from it.
func (a Sketch) ResemblesAtLeast(b Sketch, threshold float64) bool {
	return a.resemblance(b, threshold) >= threshold
}

// resemblance is the estimate, walking the union's smallest hashes; it
// stops as soon as the steps left cannot bring it up to threshold, and
// then returns the most it could still have reached, which is below.
func (a Sketch) resemblance(b Sketch, threshold float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	k := min(SketchSize, max(len(a), len(b)))
	both, seen := 0, 0
	for i, j := 0, 0; seen < k && (i < len(a) || j < len(b)); seen++ {
		// At best every step left is shared, and the loop runs to k:
		// (both + left) / (seen + left) grows with left. Divided as
		// the estimate is, so that both round alike at the threshold.
		if best := float64(both+k-seen) / float64(k); best < threshold {
			return best
		}
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			i++
		case i >= len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i++
			j++
		}
	}
	return float64(both) / float64(seen)
}

// NumbersDiffer reports whether each of two texts holds a number the other
// does not: a figure changed, not only added or removed. Two texts that
// resemble each other are then two editions with different data (a
// corrected reprint, a template filled with another month's figures), not
// one article published twice, and what they disagree on must stay in
// sight. Dates and times (2024年5月1日, 2024-05-01, 2024.05.01, 10:30) and
// page or edition numbers (第3版) do not count: a reprint's dateline and
// page change them. Thousands separators do not count either (1,234 is
// 1234).
func NumbersDiffer(a, b string) bool {
	na, nb := numbers(a), numbers(b)
	return lacks(na, nb) && lacks(nb, na)
}

// lacks reports whether a holds a number more often than b.
func lacks(a, b map[string]int) bool {
	for n, c := range a {
		if b[n] < c {
			return true
		}
	}
	return false
}

// datesAndTimes are the dates and times written in digits that a
// dateline holds: 2024-05-01, 2024/5/1, 2024.05.01, 10:30, 10:30:15.
var datesAndTimes = regexp.MustCompile(`\d{4}[-/.．]\d{1,2}[-/.．]\d{1,2}|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?`)

// numbers counts a text's numbers (runs of ASCII or full-width digits,
// with their decimal part, thousands separators dropped) that are not
// dates, times or page numbers.
func numbers(text string) map[string]int {
	rs := []rune(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, text))
	rs = []rune(datesAndTimes.ReplaceAllString(string(rs), " "))
	out := map[string]int{}
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			i++
			continue
		}
		n, end := numberAt(rs, i)
		after := rune(0)
		if end < len(rs) {
			after = rs[end]
		}
		if !dateOrPage(n, after) {
			out[n]++
		}
		i = end
	}
	return out
}

// numberAt reads the number that starts at rs[i]: its digits, its
// decimal part, without thousands separators; and where it ends.
func numberAt(rs []rune, i int) (string, int) {
	var sb []rune
	for ; i < len(rs); i++ {
		switch {
		case isDigit(rs[i]):
			sb = append(sb, rs[i])
		case (rs[i] == '.' || rs[i] == '．') && i+1 < len(rs) && isDigit(rs[i+1]):
			sb = append(sb, '.')
		case (rs[i] == ',' || rs[i] == '，') && threeDigits(rs, i+1):
			// a thousands separator: dropped
		default:
			return string(sb), i
		}
	}
	return string(sb), i
}

// threeDigits reports exactly three digits at rs[i:], a thousands group.
func threeDigits(rs []rune, i int) bool {
	return i+3 <= len(rs) && isDigit(rs[i]) && isDigit(rs[i+1]) && isDigit(rs[i+2]) && (i+3 == len(rs) || !isDigit(rs[i+3]))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// dateOrPage reports a number that the rune after it makes a part of a
// date or a time (a year of four digits before 年, a month up to 12, a
// day up to 31, an hour, a minute) or a page or edition number (3版, 5页).
func dateOrPage(n string, after rune) bool {
	v, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return false
	}
	switch after {
	case '年':
		return len(n) == 4 && !strings.Contains(n, ".")
	case '月':
		return v >= 1 && v <= 12
	case '日', '号':
		return v >= 1 && v <= 31
	case '时', '点':
		return v <= 24
	case '分', '秒':
		return v < 60
	case '版', '页':
		return true
	}
	return false
}
