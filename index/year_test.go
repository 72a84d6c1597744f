package index

import "testing"

func TestYearRange(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi float64
		ok     bool
	}{
		{"2019", 2019, 2019, true}, {"2015..2020", 2015, 2020, true}, {"2015..", 2015, 9999, true}, {"..2000", 0, 2000, true},
		{"2020..2015", 0, 0, false}, {"明年", 0, 0, false}, {"", 0, 0, false}, {"..", 0, 9999, true}, {"20.5", 0, 0, false},
	} {
		lo, hi, err := yearRange(c.in)
		if (err == nil) != c.ok || c.ok && (lo != c.lo || hi != c.hi) {
			t.Errorf("yearRange(%q) = %v, %v, %v", c.in, lo, hi, err)
		}
	}
}
