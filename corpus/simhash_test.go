package corpus

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestSketchEstimatesResemblance: the bottom-k estimate stays near the
// exact Jaccard similarity, for the same text, a republished one and an
// unrelated one.
func TestSketchEstimatesResemblance(t *testing.T) {
	base := strings.Repeat("全市地区生产总值增长百分之五，固定资产投资稳步回升，城乡居民收入持续增加。", 3) +
		"一般公共预算收入完成年度计划，民生支出占比超过八成。港口货物吞吐量创历史新高，外贸进出口保持增长。"
	edited := base + "（本文有删节）"
	other := "石桥市统计局发布人口抽样调查结果：常住人口比上年末减少，城镇化率提高，老龄化程度加深，出生人口继续下降。"
	for _, c := range []struct{ a, b string }{{base, base}, {base, edited}, {base, other}} {
		sa, sb := NewShingles(c.a), NewShingles(c.b)
		exact, est := sa.Resemblance(sb), sa.Sketch().Resemblance(sb.Sketch())
		if est < exact-0.2 || est > exact+0.2 {
			t.Errorf("estimate %.2f, exact %.2f", est, exact)
		}
	}
}

// TestResemblesAtLeast: the early-stopping comparison agrees with
// Resemblance at every threshold, on random sketches that share from
// none to all of their hashes and differ in length.
func TestResemblesAtLeast(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	sketch := func(common []uint64, n int) Sketch {
		s := append(Sketch{}, common...)
		for len(s) < n {
			s = append(s, rng.Uint64()%4096)
		}
		slices.Sort(s)
		return Sketch(slices.Compact(s))
	}
	for range 5000 {
		var common []uint64
		for range rng.Intn(SketchSize + 1) {
			common = append(common, rng.Uint64()%4096)
		}
		a, b := sketch(common, rng.Intn(SketchSize+1)), sketch(common, rng.Intn(SketchSize+1))
		a, b = a[:min(len(a), SketchSize)], b[:min(len(b), SketchSize)]
		for _, th := range []float64{0, 0.25, 0.28, 0.5, 0.6, 0.75, 0.8, 1} {
			if got, want := a.ResemblesAtLeast(b, th), a.Resemblance(b) >= th; got != want {
				t.Fatalf("%v vs %v at %v: %v, Resemblance %v", a, b, th, got, a.Resemblance(b))
			}
		}
	}
}
