package server

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"reportmine/app"
	"reportmine/check"
	"reportmine/format"
)

// Chart geometry, in SVG user units.
const (
	chartW, chartH            = 760, 380
	padLeft, padRight         = 80, 24
	padTop, padBottom         = 40, 48
	agreeTolerance    float64 = 0.005 // relative gap below which two values are the same figure rounded
)

// periodGroup is one period of a series: its points and whether the
// documents that state it disagree.
type periodGroup struct {
	Period    string
	X         float64 // the period's middle, in fractional years
	Points    []app.Point
	Consensus float64 // the value most documents give
	Conflict  bool
}

// groupSeries gathers a series' points by period.
func groupSeries(points []app.Point) []periodGroup {
	var groups []periodGroup
	for _, p := range points {
		if n := len(groups); n > 0 && groups[n-1].Period == p.Period {
			groups[n-1].Points = append(groups[n-1].Points, p)
			continue
		}
		groups = append(groups, periodGroup{Period: p.Period, X: middleYear(p.Figure.PeriodFrom, p.Figure.PeriodTo), Points: []app.Point{p}})
	}
	for i := range groups {
		g := &groups[i]
		votes := map[int]int{}
		best := 0
		for j, p := range g.Points {
			for k, q := range g.Points {
				if check.Agree(p.Figure, q.Figure) {
					votes[j]++
				} else if k > j {
					g.Conflict = true
				}
			}
			if votes[j] > votes[best] {
				best = j
			}
		}
		g.Consensus = g.Points[best].Figure.Value
	}
	return groups
}

func middleYear(from, to string) float64 {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return 0
	}
	mid := a.Add(b.Sub(a) / 2)
	start := time.Date(mid.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	return float64(mid.Year()) + mid.Sub(start).Hours()/24/366
}

// displayScale picks the unit a series is drawn in: 亿 or 万 for large
// amounts.
func displayScale(points []app.Point) (float64, string) {
	if len(points) == 0 {
		return 1, ""
	}
	unit := points[0].Figure.Unit
	peak := 0.0
	for _, p := range points {
		peak = math.Max(peak, math.Abs(p.Figure.Value))
	}
	name := map[string]string{"CNY": "元", "HKD": "港元", "USD": "美元", "%": "%", "pp": "个百分点"}[unit]
	if name == "" {
		name = unit
	}
	switch {
	case peak >= 1e13 && name != "%":
		return 1e12, "万亿" + name
	case peak >= 1e8:
		return 1e8, "亿" + name
	case peak >= 1e5 && name != "%":
		return 1e4, "万" + name
	}
	return 1, name
}

// chartSVG draws a series: one dot per stated value, linking to its
// evidence; a line through the value most documents give for each period;
// periods whose documents disagree drawn red with every value shown.
// Every text is escaped.
func chartSVG(metric, subject string, points []app.Point) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="chart" role="img" aria-label="%s">`,
		chartW, chartH, esc(subject+" "+metric))
	b.WriteString(`<style>.axis{stroke:#888;stroke-width:1}.grid{stroke:#e4e4e4}.line{fill:none;stroke:#1f5fa8;stroke-width:2}` +
		`.dot{fill:#1f5fa8}.conflict .dot{fill:#c0392b}.conflict line{stroke:#c0392b;stroke-dasharray:3 2}text{font-size:12px;fill:#333}</style>`)
	fmt.Fprintf(&b, `<text x="%d" y="22" style="font-size:15px">%s</text>`, padLeft, esc(strings.TrimSpace(subject+" "+metric)))
	groups := groupSeries(points)
	if len(groups) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d">没有可画的数据</text></svg>`, chartW/2-50, chartH/2)
		return b.String()
	}
	scale, unitName := displayScale(points)
	x0, x1 := groups[0].X, groups[len(groups)-1].X
	if x1-x0 < 1 {
		x0, x1 = x0-1, x1+1
	}
	lo, hi := 0.0, 0.0
	for _, p := range points {
		v := p.Figure.Value / scale
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi == lo {
		hi = lo + 1
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = math.Min(lo, ticks[0]), math.Max(hi, ticks[len(ticks)-1])
	px := func(x float64) float64 { return padLeft + (x-x0)/(x1-x0)*(chartW-padLeft-padRight) }
	py := func(v float64) float64 { return chartH - padBottom - (v-lo)/(hi-lo)*(chartH-padTop-padBottom) }
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/><text x="%d" y="%.1f" text-anchor="end">%s</text>`,
			padLeft, chartW-padRight, py(t), py(t), padLeft-6, py(t)+4, esc(format.Number(round(t, 4))))
	}
	fmt.Fprintf(&b, `<text x="8" y="%d">%s</text>`, padTop-8, esc(unitName))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, padLeft, chartW-padRight, chartH-padBottom, chartH-padBottom)
	for _, year := range yearTicks(x0, x1) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`, px(float64(year)+0.5), chartH-padBottom+18, year)
	}
	var line []string
	for _, g := range groups {
		line = append(line, fmt.Sprintf("%.1f,%.1f", px(g.X), py(g.Consensus/scale)))
	}
	fmt.Fprintf(&b, `<polyline class="line" points="%s"/>`, strings.Join(line, " "))
	for _, g := range groups {
		class := "period"
		if g.Conflict {
			class += " conflict"
		}
		fmt.Fprintf(&b, `<g class="%s" data-period="%s">`, class, esc(g.Period))
		if g.Conflict {
			minV, maxV := math.Inf(1), math.Inf(-1)
			for _, p := range g.Points {
				minV, maxV = math.Min(minV, p.Figure.Value/scale), math.Max(maxV, p.Figure.Value/scale)
			}
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, px(g.X), px(g.X), py(minV), py(maxV))
		}
		for _, p := range g.Points {
			f := p.Figure
			title := fmt.Sprintf("%s：%s（%s）%s «%s»", g.Period, figureValue(f), docName(p), f.Source, f.Text)
			fmt.Fprintf(&b, `<a href="%s"><circle class="dot" cx="%.1f" cy="%.1f" r="5"><title>%s</title></circle></a>`,
				esc(docLink(f.Doc, f.Start, f.End)), px(g.X), py(f.Value/scale), esc(title))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func docName(p app.Point) string {
	if p.Title != "" {
		return p.Title
	}
	return p.Figure.Source
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// niceTicks are about n round values covering lo..hi.
func niceTicks(lo, hi float64, n int) []float64 {
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/float64(n))))
	for _, m := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(step*m) <= float64(n) {
			step *= m
			break
		}
	}
	var out []float64
	for t := math.Floor(lo/step) * step; t <= hi+step/2; t += step {
		out = append(out, t)
	}
	return out
}

// yearTicks label the x axis with at most a dozen years.
func yearTicks(x0, x1 float64) []int {
	first, last := int(math.Floor(x0)), int(math.Floor(x1))
	every := max(1, (last-first+1)/12+1)
	var out []int
	for y := first; y <= last; y++ {
		if (y-first)%every == 0 {
			out = append(out, y)
		}
	}
	return out
}
