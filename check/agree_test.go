package check

import (
	"testing"

	"reportmine/corpus"
)

// TestAgree: printed values agree when their rounding intervals overlap,
// and the intervals are half open, so neighbours at the last printed
// digit disagree.
func TestAgree(t *testing.T) {
	pct := func(surface string, v float64, precision int) corpus.Figure {
		return corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: v, Surface: surface, Precision: precision}
	}
	cases := []struct {
		a, b corpus.Figure
		want bool
	}{
		{pct("5.5%", 5.5, 1), pct("5.5%", 5.5, 1), true},
		{pct("5.5%", 5.5, 1), pct("5.6%", 5.6, 1), false},
		{pct("5%", 5, 0), pct("5.2%", 5.2, 1), true},
		{pct("5%", 5, 0), pct("5.6%", 5.6, 1), false},
		{pct("97.2%", 97.2, 1), pct("97.26%", 97.26, 2), false},
		{pct("97.2%", 97.2, 1), pct("97.24%", 97.24, 2), true},
	}
	for _, c := range cases {
		if got := Agree(c.a, c.b); got != c.want {
			t.Errorf("Agree(%s, %s) = %v, want %v", c.a.Surface, c.b.Surface, got, c.want)
		}
	}
	approx := pct("5.5%", 5.5, 1)
	approx.Approx = true
	if !Agree(approx, pct("5.6%", 5.6, 1)) {
		t.Error("an approximate figure excludes no nearby value")
	}
}

// TestNeighbouringRatesContradict: a claim of 5.5% where the source prints
// 5.6% is contradicted, by 0.1个百分点.
func TestNeighbouringRatesContradict(t *testing.T) {
	claim := corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 5.5, Surface: "5.5%", Precision: 1}
	source := corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 5.6, Surface: "5.6%", Precision: 1}
	if valuesOverlap(claim, source) {
		t.Error("5.5% and 5.6% overlap")
	}
	if !valuesOverlap(claim, corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 5.5, Surface: "5.5%", Precision: 1}) {
		t.Error("5.5% and 5.5% do not overlap")
	}
}

// TestPointValuesAgree: a value that allows no rounding (0, or one written
// in Chinese numerals) agrees with itself and with an interval that holds
// it.
func TestPointValuesAgree(t *testing.T) {
	zero := corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 0, Surface: "0%", Precision: 0}
	if !Agree(zero, zero) || !valuesOverlap(zero, zero) {
		t.Error("0% and 0% disagree")
	}
	half := corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 0.5, Surface: "百分之零点五"}
	if !Agree(half, half) || !valuesOverlap(half, half) {
		t.Error("百分之零点五 disagrees with itself")
	}
	printed := corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 0.5, Surface: "0.5%", Precision: 1}
	if !Agree(half, printed) || !valuesOverlap(half, printed) {
		t.Error("百分之零点五 and 0.5% disagree")
	}
	if valuesOverlap(half, corpus.Figure{Kind: corpus.KindPercent, Unit: "%", Value: 0.6, Surface: "0.6%", Precision: 1}) {
		t.Error("百分之零点五 and 0.6% agree")
	}
}
