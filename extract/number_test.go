package extract

import (
	"testing"
)

func TestReadNumber(t *testing.T) {
	cases := []struct {
		in       string
		lo, hi   float64
		decimals int
		end      int // runes consumed
	}{
		{"123", 123, 123, 0, 3},
		{"46.6", 46.6, 46.6, 1, 4},
		{"46.60", 46.6, 46.6, 2, 5},
		{"1,234.56", 1234.56, 1234.56, 2, 8},
		{"82,225.00", 82225, 82225, 2, 9},
		{"1,2", 1, 1, 0, 1},
		{"1.2万亿", 1.2e12, 1.2e12, 1, 5},
		{"22.75万亿", 22.75e12, 22.75e12, 2, 7},
		{"3541.07万", 35410700, 35410700, 2, 8},
		{"2千亿", 2e11, 2e11, 0, 3},
		{"3万4000", 34000, 34000, 0, 6},
		{"1千零20万", 10200000, 10200000, 0, 6},
		{"三千万", 3e7, 3e7, 0, 3},
		{"一百二十八", 128, 128, 0, 5},
		{"四亿五千六百万", 456000000, 456000000, 0, 7},
		{"十二", 12, 12, 0, 2},
		{"二十", 20, 20, 0, 2},
		{"十万", 1e5, 1e5, 0, 2},
		{"壹仟贰佰万", 1.2e7, 1.2e7, 0, 5},
		{"兩千萬", 2e7, 2e7, 0, 3},
		{"4.5億", 4.5e8, 4.5e8, 1, 4},
		{"二〇二四", 2024, 2024, 0, 4},
		{"两三百", 200, 300, 0, 3},
		{"三五", 3, 5, 0, 2},
		{"十几", 11, 19, 0, 2},
		{"几十", 10, 90, 0, 2},
		{"数十亿", 1e9, 9e9, 0, 3},
		{"十二点三", 12.3, 12.3, 1, 4},
		{"百", 100, 100, 0, 1},
		{"千亿", 1e11, 1e11, 0, 2},
		{"万", 1e4, 1e4, 0, 1},
		{"300万千瓦", 3e6, 3e6, 0, 4},
		{"零", 0, 0, 0, 1},
	}
	for _, c := range cases {
		n, ok := readNumber([]rune(c.in), 0)
		if !ok {
			t.Errorf("%s: not read", c.in)
			continue
		}
		if n.value() != c.lo || n.valueMax() != c.hi || n.decimals != c.decimals || n.end != c.end {
			t.Errorf("%s: got %v..%v decimals %d end %d, want %v..%v decimals %d end %d",
				c.in, n.value(), n.valueMax(), n.decimals, n.end, c.lo, c.hi, c.decimals, c.end)
		}
	}
}

func TestReadNumberRejects(t *testing.T) {
	for _, in := range []string{"", "亿元", "数据", "几上几下", "abc", "。"} {
		rs := []rune(in)
		if n, ok := readNumber(rs, 0); ok && in != "亿元" {
			t.Errorf("%q: read %v", in, n.value())
		}
	}
}

func FuzzReadNumber(f *testing.F) {
	for _, s := range []string{"1.2万亿", "四亿五千六百万", "1,234.56", "两三百", "数十亿", "十二点三", "1千零20万", "99999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		for i := range rs {
			n, ok := readNumber(rs, i)
			if ok && (n.end <= i || n.end > len(rs)) {
				t.Fatalf("%q at %d: end %d out of range", s, i, n.end)
			}
		}
	})
}
