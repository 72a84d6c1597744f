package corpus

import (
	"math"
	"strconv"
)

// RoundValue removes binary noise from scaled values (397.86 × 1e8 is
// 39785999999.999996 in floating point) by keeping 12 significant digits.
// A figure's value is rounded so when it is read, and an amount a query
// asks for (2.3亿) so when it is parsed, so that the two meet exactly.
func RoundValue(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v // out of range stays out of range: such a figure is dropped
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}
