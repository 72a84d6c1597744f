package check

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"reportmine/corpus"
)

// Verdicts.
const (
	Supported    = "supported"
	Contradicted = "contradicted"
	Conflicting  = "conflicting"
	NotFound     = "not_found"
)

// Candidate is a stored figure offered as possible evidence, with where it
// comes from.
type Candidate struct {
	Figure      corpus.Figure
	Title, Date string
	Page        int
	Duplicate   bool
}

// Evidence is a candidate that speaks of the same thing as a claim figure.
type Evidence struct {
	Doc         string   `json:"doc"`
	Source      string   `json:"source"`
	Title       string   `json:"title,omitempty"`
	Date        string   `json:"date,omitempty"`
	Page        int      `json:"page,omitempty"`
	Text        string   `json:"text"`
	Sentence    string   `json:"sentence"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Value       float64  `json:"value"`
	ValueMax    *float64 `json:"value_max,omitempty"`
	Unit        string   `json:"unit"`
	Change      string   `json:"change,omitempty"`
	Metric      string   `json:"metric"`
	Subject     string   `json:"subject"`
	Period      string   `json:"period"`
	Agrees      bool     `json:"agrees"`
	Explanation string   `json:"explanation"`
}

// FigureVerdict is the verdict on one figure of a claim.
type FigureVerdict struct {
	Text        string     `json:"text"`
	Kind        string     `json:"kind"`
	Value       float64    `json:"value"`
	Unit        string     `json:"unit"`
	Metric      string     `json:"metric"`
	Subject     string     `json:"subject"`
	Period      string     `json:"period"`
	Verdict     string     `json:"verdict"`
	Explanation string     `json:"explanation"`
	Evidence    []Evidence `json:"evidence"`
}

// Verdict is the verdict on a claim.
type Verdict struct {
	Claim       string          `json:"claim"`
	Verdict     string          `json:"verdict"`
	Explanation string          `json:"explanation"`
	Figures     []FigureVerdict `json:"figures"`
}

// Corpus gives the checker its candidates: the stored figures of a kind
// and unit, and whether a document names something (for subjects the
// evidence leaves implicit).
type Corpus interface {
	Candidates(kind corpus.Kind, unit string) []Candidate
	Mentions(doc, name string) bool
	// DocFigures are all the figures of a document, for recomputing a
	// share from the counts printed beside it.
	DocFigures(doc string) []corpus.Figure
}

// Checker checks claims against a corpus.
type Checker struct {
	Corpus Corpus
	// MaxEvidence caps the evidence listed per figure (closest first).
	MaxEvidence int
}

// Check judges a claim whose figures (with frames) were extracted by the
// same extractor as the corpus.
func (c Checker) Check(claim string, figs []corpus.Figure) Verdict {
	v := Verdict{Claim: claim}
	for _, f := range figs {
		if !f.Kind.Scored() {
			continue
		}
		v.Figures = append(v.Figures, c.checkFigure(f))
	}
	v.Verdict, v.Explanation = combine(v.Figures)
	return v
}

func (c Checker) checkFigure(f corpus.Figure) FigureVerdict {
	fv := FigureVerdict{Text: f.Text, Kind: string(f.Kind), Value: f.Value, Unit: f.Unit, Metric: f.Metric, Subject: f.Subject, Period: f.Period}
	for _, cand := range c.Corpus.Candidates(f.Kind, f.Unit) {
		e := cand.Figure
		if cand.Duplicate {
			continue
		}
		relevant, strict := c.relevant(f, e)
		if !relevant {
			continue
		}
		agrees, why := compare(f, e)
		if !strict && !agrees {
			continue // a loosely related figure may support a claim, never refute it
		}
		if working := c.recomputeShare(e); working != "" {
			why += "；" + working
		}
		if working := c.recomputeGap(e); working != "" {
			why += "；" + working
		}
		fv.Evidence = append(fv.Evidence, Evidence{Doc: e.Doc, Source: e.Source, Title: cand.Title, Date: cand.Date, Page: cand.Page,
			Text: e.Text, Sentence: e.Sentence, Start: e.Start, End: e.End, Value: e.Value, ValueMax: e.ValueMax, Unit: e.Unit,
			Change: e.Change, Metric: e.Metric, Subject: e.Subject, Period: e.Period, Agrees: agrees, Explanation: why})
	}
	fv.Evidence = dropListSiblings(fv.Evidence)
	sort.SliceStable(fv.Evidence, func(i, j int) bool {
		a, b := fv.Evidence[i], fv.Evidence[j]
		if a.Agrees != b.Agrees {
			return a.Agrees
		}
		return math.Abs(a.Value-f.Value) < math.Abs(b.Value-f.Value)
	})
	if limit := c.MaxEvidence; limit > 0 && len(fv.Evidence) > limit {
		fv.Evidence = fv.Evidence[:limit]
	}
	agree, disagree := 0, 0
	for _, e := range fv.Evidence {
		if e.Agrees {
			agree++
		} else {
			disagree++
		}
	}
	switch {
	case agree == 0 && disagree == 0:
		fv.Verdict, fv.Explanation = NotFound, fmt.Sprintf("声称 %s；语料中没有可比的数据", describe(f))
	case disagree == 0:
		fv.Verdict, fv.Explanation = Supported, fv.Evidence[0].Explanation
	case agree == 0:
		fv.Verdict, fv.Explanation = Contradicted, fv.Evidence[0].Explanation
	default:
		fv.Verdict = Conflicting
		fv.Explanation = fmt.Sprintf("来源不一致：%d 处相符，%d 处不符；%s", agree, disagree, fv.Evidence[len(fv.Evidence)-1].Explanation)
	}
	return fv
}

// dropListSiblings keeps, of several figures a passage lists for the same
// indicator (签约…总投资12327.5亿元；开工…总投资6683.4亿元), only the one that
// agrees, when one does: the others are the list's other items, told apart
// by words the frame does not keep.
func dropListSiblings(es []Evidence) []Evidence {
	const near = 240 // bytes: the items of one list
	var agreeing []Evidence
	for _, e := range es {
		if e.Agrees {
			agreeing = append(agreeing, e)
		}
	}
	out := es[:0]
	for _, e := range es {
		sibling := false
		for _, a := range agreeing {
			if !e.Agrees && a.Doc == e.Doc && e.Start-a.Start < near && a.Start-e.Start < near {
				sibling = true
			}
		}
		if !sibling {
			out = append(out, e)
		}
	}
	return out
}

// recomputeShare redoes a printed share from the counts printed with it
// (447家，占全省(2113家)21.2% → 447/2113 = 21.15%) and says whether the
// printed figure holds.
func (c Checker) recomputeShare(e corpus.Figure) string {
	if e.Kind != corpus.KindPercent || !strings.HasPrefix(e.Base, "占") {
		return ""
	}
	var counts []corpus.Figure
	for _, g := range c.Corpus.DocFigures(e.Doc) {
		if g.Kind == corpus.KindCount && g.Sentence == e.Sentence && g.End <= e.Start {
			counts = append(counts, g)
		}
	}
	if len(counts) < 2 {
		return ""
	}
	part, whole := counts[len(counts)-2], counts[len(counts)-1]
	if part.Unit != whole.Unit || whole.Value <= part.Value || whole.Value == 0 {
		return ""
	}
	share := part.Value / whole.Value * 100
	verdict := "与所印一致"
	if share < e.Value-tolerance(e) || share > e.Value+tolerance(e) {
		verdict = "与所印不一致"
	}
	return fmt.Sprintf("按 %s/%s 计算为 %.2f%%，%s", amount(part.Value, part.Unit), amount(whole.Value, whole.Unit), share, verdict)
}

// recomputeGap redoes a percentage-point gap (高于全省50个百分点) from its
// two rates when the corpus has both: the local rate printed before it and
// the province's (or city's) rate of the same indicator and period.
func (c Checker) recomputeGap(e corpus.Figure) string {
	scope := ""
	switch {
	case strings.HasSuffix(e.Base, "全省"):
		scope = "省"
	case strings.HasSuffix(e.Base, "全市"):
		scope = "市"
	}
	higher := strings.HasPrefix(e.Base, "高于")
	if e.Kind != corpus.KindPPT || scope == "" || !(higher || strings.HasPrefix(e.Base, "低于")) {
		return ""
	}
	var local *corpus.Figure
	for _, g := range c.Corpus.DocFigures(e.Doc) {
		if g.Kind == corpus.KindPercent && g.Sentence == e.Sentence && g.End <= e.Start {
			local = &g
		}
	}
	if local == nil {
		return ""
	}
	for _, cand := range c.Corpus.Candidates(corpus.KindPercent, "%") {
		w := cand.Figure
		if !strings.HasSuffix(w.Subject, scope) || MetricKey(w.Metric) != MetricKey(local.Metric) || !figurePeriodsMatch(*local, w) {
			continue
		}
		gap := local.Value - w.Value
		if !higher {
			gap = -gap
		}
		verdict := "与所印一致"
		if math.Abs(gap-e.Value) > tolerance(e)+tolerance(*local)+tolerance(w) {
			verdict = "与所印不一致"
		}
		return fmt.Sprintf("按 %s − %s（%s）计算为 %s，%s", amount(local.Value, "%"), amount(w.Value, "%"), w.Subject,
			amount(math.Abs(gap), "pp"), verdict)
	}
	return ""
}

// relevant reports an evidence figure about the same thing as the claim
// figure: a compatible indicator, subject, period and base. strict is set
// when the indicators are the same (not merely one inside the other) and
// the subjects are known to be the same, so that the figure can refute.
func (c Checker) relevant(f, e corpus.Figure) (relevant, strict bool) {
	if f.Target != e.Target {
		return false, false // a goal is never compared with an outcome
	}
	strictMetric := f.Metric != "" && sameMetric(f, e)
	if f.Metric != "" && !metricsMatch(f.Metric, e.Metric) {
		return false, false
	}
	if f.Metric == "" && !valuesOverlap(f, e) {
		return false, false // a bare number is only compared with the same number
	}
	sameSubject := f.Subject == "" || f.Subject == e.Subject || subjectsMatch(f.Subject, e.Subject, "") && e.Subject != ""
	if !sameSubject && e.Subject != "" && !c.Corpus.Mentions(e.Doc, f.Subject) {
		return false, false
	}
	if !figurePeriodsMatch(f, e) || !basesMatch(f.Base, e.Base) {
		return false, false
	}
	return true, strictMetric && sameSubject
}

// compare says whether the evidence agrees with the claim figure, and why.
func compare(f, e corpus.Figure) (bool, string) {
	if f.Change != "" && e.Change != "" && f.Change != e.Change {
		return false, fmt.Sprintf("声称 %s；证据 %s（方向相反）", describe(f), describe(e))
	}
	if valuesOverlap(f, e) {
		return true, fmt.Sprintf("声称 %s；证据 %s（一致）", describe(f), describe(e))
	}
	diff := e.Value - f.Value
	rel := math.Abs(diff) / math.Max(math.Abs(f.Value), 1e-12) * 100
	return false, fmt.Sprintf("声称 %s；证据 %s（相差 %s，%.1f%%）", describe(f), describe(e), amount(math.Abs(diff), f.Unit), rel)
}

// valuesOverlap reports whether the values the two figures allow meet:
// each printed value stands for an interval (its rounding, its range, its
// bound, ±5% when hedged).
func valuesOverlap(f, e corpus.Figure) bool {
	a0, a1 := interval(f)
	b0, b1 := interval(e)
	return a0 <= b1 && b0 <= a1
}

func interval(f corpus.Figure) (float64, float64) {
	tol := tolerance(f)
	lo, hi := f.Value-tol, f.Value+tol
	if f.ValueMax != nil {
		hi = *f.ValueMax + tol
	}
	if f.Approx {
		lo, hi = lo-0.05*math.Abs(f.Value), hi+0.05*math.Abs(f.Value)
	}
	switch f.Bound {
	case corpus.BoundMin:
		hi = math.Inf(1)
	case corpus.BoundMax:
		lo = math.Inf(-1)
	}
	return lo, hi
}

// combine gives the claim's verdict from its figures'.
func combine(fs []FigureVerdict) (string, string) {
	if len(fs) == 0 {
		return NotFound, "声称中没有可核对的数字"
	}
	count := map[string]int{}
	for _, f := range fs {
		count[f.Verdict]++
	}
	var parts []string
	for _, f := range fs {
		parts = append(parts, f.Explanation)
	}
	why := strings.Join(parts, "；")
	switch {
	case count[Contradicted] > 0:
		return Contradicted, why
	case count[Conflicting] > 0:
		return Conflicting, why
	case count[Supported] > 0:
		return Supported, why
	}
	return NotFound, why
}

// describe writes a figure the way reports do: 778亿元, 增长6.4%, 50个百分点.
func describe(f corpus.Figure) string {
	s := amount(f.Value, f.Unit)
	if f.ValueMax != nil {
		s = amount(f.Value, f.Unit) + "至" + amount(*f.ValueMax, f.Unit)
	}
	switch f.Change {
	case corpus.ChangeUp:
		s = "增长" + s
	case corpus.ChangeDown:
		s = "下降" + s
	}
	if f.Approx {
		s = "约" + s
	}
	switch f.Bound {
	case corpus.BoundMin:
		s += "以上"
	case corpus.BoundMax:
		s += "以下"
	}
	return s
}

// amount writes a value in its unit with the scale words reports use.
func amount(v float64, unit string) string {
	num := func(x float64) string { return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", x), "0"), ".") }
	switch unit {
	case "CNY":
		switch {
		case math.Abs(v) >= 1e8:
			return num(v/1e8) + "亿元"
		case math.Abs(v) >= 1e4:
			return num(v/1e4) + "万元"
		}
		return num(v) + "元"
	case "%":
		return num(v) + "%"
	case "pp":
		return num(v) + "个百分点"
	}
	if math.Abs(v) >= 1e8 {
		return num(v/1e8) + "亿" + unit
	}
	if math.Abs(v) >= 1e4 {
		return num(v/1e4) + "万" + unit
	}
	return num(v) + unit
}
