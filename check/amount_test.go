package check

import "testing"

// TestAmountScales: amounts are written with the largest scale word that
// fits, as reports write them.
func TestAmountScales(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{1.26e14, "CNY", "126万亿元"},
		{9.59e11, "CNY", "9590亿元"},
		{9.5933e12, "CNY", "95933亿元"},
		{4.5e5, "CNY", "45万元"},
		{350, "CNY", "350元"},
		{6.5e11, "kg", "6500亿kg"},
		{5.2, "%", "5.2%"},
		{0.3, "pp", "0.3个百分点"},
	} {
		if got := amount(c.v, c.unit); got != c.want {
			t.Errorf("amount(%g, %s) = %s, want %s", c.v, c.unit, got, c.want)
		}
	}
}
