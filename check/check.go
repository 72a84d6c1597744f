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
// comes from: the document's title, issuer and date for the citation.
type Candidate struct {
	Figure              corpus.Figure
	Title, Date, Issuer string
	// Place is the jurisdiction the document speaks for: 市级 in it is
	// that place's own level, a fund or a hospital in it that place's.
	Place     string
	Page      int
	Duplicate bool
}

// Evidence is a candidate that speaks of the same thing as a claim figure.
type Evidence struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	Title  string `json:"title,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"`
	Page   int    `json:"page,omitempty"`
	// Text is the figure verbatim, raw[start:end]; Quote is its sentence
	// as the source prints it (not width-folded), for pasting.
	Text        string   `json:"text"`
	Quote       string   `json:"quote,omitempty"`
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
	PeriodFrom  string   `json:"period_from,omitempty"`
	PeriodTo    string   `json:"period_to,omitempty"`
	Target      bool     `json:"target,omitempty"`
	Agrees      bool     `json:"agrees"`
	Explanation string   `json:"explanation"`
}

// FigureVerdict is the verdict on one figure of a claim.
type FigureVerdict struct {
	Text        string  `json:"text"`
	Kind        string  `json:"kind"`
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Metric      string  `json:"metric"`
	Subject     string  `json:"subject"`
	Period      string  `json:"period"`
	PeriodFrom  string  `json:"period_from,omitempty"`
	PeriodTo    string  `json:"period_to,omitempty"`
	Target      bool    `json:"target,omitempty"`
	Verdict     string  `json:"verdict"`
	Explanation string  `json:"explanation"`
	// Evidence are the comparable figures (same indicator, subject,
	// period, base, and target or outcome alike), grouped by document,
	// agreeing documents first; they decide the verdict.
	Evidence []Evidence `json:"evidence"`
	// Related are figures of the same indicator that cannot decide: another
	// or an unknown period, a target against an outcome, a looser
	// indicator, percent against percentage points. Each says why.
	Related []Evidence `json:"related,omitempty"`
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
// evidence leaves implicit). Every method returns the error that kept it
// from answering: a store that cannot be read never looks like an empty
// corpus.
type Corpus interface {
	Candidates(kind corpus.Kind, unit string) ([]Candidate, error)
	Mentions(doc, name string) (bool, error)
	// DocFigures are all the figures of a document, for recomputing a
	// share from the counts printed beside it.
	DocFigures(doc string) ([]corpus.Figure, error)
	// Quote is the sentence holding raw[start:end] of a document, as the
	// source prints it.
	Quote(doc string, start, end int) (string, error)
}

// Checker checks claims against a corpus.
type Checker struct {
	Corpus Corpus
	// MaxEvidence caps the evidence listed per figure (closest first).
	MaxEvidence int
}

// Check judges a claim whose figures (with frames) were extracted by the
// same extractor as the corpus. An error reading the corpus is returned,
// never turned into a verdict.
func (c Checker) Check(claim string, figs []corpus.Figure) (Verdict, error) {
	v := Verdict{Claim: claim}
	for _, f := range figs {
		if !f.Kind.Scored() {
			continue
		}
		fv, err := c.checkFigure(f)
		if err != nil {
			return v, err
		}
		v.Figures = append(v.Figures, fv)
	}
	v.Verdict, v.Explanation = combine(v.Figures)
	return v, nil
}

func (c Checker) checkFigure(f corpus.Figure) (FigureVerdict, error) {
	fv := FigureVerdict{Text: f.Text, Kind: string(f.Kind), Value: f.Value, Unit: f.Unit, Metric: f.Metric, Subject: f.Subject,
		Period: f.Period, PeriodFrom: f.PeriodFrom, PeriodTo: f.PeriodTo, Target: f.Target}
	cands, err := c.Corpus.Candidates(f.Kind, f.Unit)
	if err != nil {
		return fv, err
	}
	var undated []Evidence // evidence of some period for a claim that names none
	// Candidates share few metrics and subjects: each is judged once.
	metricOK := map[string]bool{}
	scoped := map[[2]string]string{}
	for _, cand := range cands {
		e := cand.Figure
		if cand.Duplicate {
			continue
		}
		if f.Metric != "" {
			ok, seen := metricOK[e.Metric]
			if !seen {
				ok = metricsMatch(f.Metric, e.Metric)
				metricOK[e.Metric] = ok
			}
			if !ok {
				continue // as match would say: unrelated
			}
		}
		key := [2]string{e.Subject, cand.Place}
		subject, seen := scoped[key]
		if !seen {
			subject = scopedSubject(e.Subject, cand.Place)
			scoped[key] = subject
		}
		e.Subject = subject
		m, why, err := c.match(f, e)
		if err != nil {
			return fv, err
		}
		if m == unrelated {
			continue
		}
		agrees, explanation := compare(f, e)
		ev, err := c.evidence(cand, agrees, explanation)
		if err != nil {
			return fv, err
		}
		switch m {
		case related:
			ev.Explanation = why + "：" + explanation
			fv.Related = append(fv.Related, ev)
		case supportOnly:
			undated = append(undated, ev)
		default:
			fv.Evidence = append(fv.Evidence, ev)
		}
	}
	fv.Evidence, fv.Related = placeUndated(undated, fv.Evidence, fv.Related)
	if err := c.unitMismatches(f, &fv); err != nil {
		return fv, err
	}
	fv.Evidence = dropListSiblings(fv.Evidence)
	fv.Evidence = groupByDocument(fv.Evidence, f)
	fv.Related = groupByDocument(fv.Related, f)
	if limit := c.MaxEvidence; limit > 0 {
		if len(fv.Evidence) > limit {
			fv.Evidence = fv.Evidence[:limit]
		}
		if len(fv.Related) > limit {
			fv.Related = fv.Related[:limit]
		}
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
		if len(fv.Related) > 0 {
			fv.Explanation += "（相关但不可比：" + fv.Related[0].Explanation + "）"
		}
	case disagree == 0:
		fv.Verdict, fv.Explanation = Supported, fv.Evidence[0].Explanation
	case agree == 0:
		fv.Verdict, fv.Explanation = Contradicted, fv.Evidence[0].Explanation
	default:
		fv.Verdict = Conflicting
		fv.Explanation = fmt.Sprintf("来源不一致：%d 处相符，%d 处不符；%s", agree, disagree, fv.Evidence[len(fv.Evidence)-1].Explanation)
	}
	return fv, nil
}

// placeUndated decides what evidence of some period says about a claim
// that names none: when the corpus gives the figure for one period only,
// the claim speaks of that period and the evidence decides; when it gives
// several, only agreeing figures count and the others are related.
func placeUndated(undated, evidence, related []Evidence) ([]Evidence, []Evidence) {
	periods := map[string]bool{}
	for _, e := range undated {
		periods[e.PeriodFrom+"|"+e.PeriodTo+"|"+e.Period] = true
	}
	for _, e := range undated {
		if len(periods) == 1 || e.Agrees {
			evidence = append(evidence, e)
			continue
		}
		e.Explanation = "声称未说明时期，来源的时期不止一个（" + e.Period + "），不能据此否定：" + e.Explanation
		related = append(related, e)
	}
	return evidence, related
}

// evidence cites a candidate: where it is printed, verbatim, and what the
// comparison found.
func (c Checker) evidence(cand Candidate, agrees bool, why string) (Evidence, error) {
	e := cand.Figure
	if working, err := c.recomputeShare(e); err != nil {
		return Evidence{}, err
	} else if working != "" {
		why += "；" + working
	}
	if working, err := c.recomputeGap(e); err != nil {
		return Evidence{}, err
	} else if working != "" {
		why += "；" + working
	}
	quote, err := c.Corpus.Quote(e.Doc, e.Start, e.End)
	if err != nil {
		return Evidence{}, err
	}
	return Evidence{Doc: e.Doc, Source: e.Source, Title: cand.Title, Issuer: cand.Issuer, Date: cand.Date, Page: cand.Page,
		Text: e.Text, Quote: quote, Sentence: e.Sentence, Start: e.Start, End: e.End, Value: e.Value, ValueMax: e.ValueMax, Unit: e.Unit,
		Change: e.Change, Metric: e.Metric, Subject: e.Subject, Period: e.Period, PeriodFrom: e.PeriodFrom, PeriodTo: e.PeriodTo,
		Target: e.Target, Agrees: agrees, Explanation: why}, nil
}

// groupByDocument orders evidence so that each document's figures stand
// together: documents with an agreeing figure first, then by the value
// nearest the claim's.
func groupByDocument(es []Evidence, f corpus.Figure) []Evidence {
	best := map[string]float64{}
	agrees := map[string]bool{}
	for _, e := range es {
		d := math.Abs(e.Value - f.Value)
		if b, ok := best[e.Doc]; !ok || d < b {
			best[e.Doc] = d
		}
		agrees[e.Doc] = agrees[e.Doc] || e.Agrees
	}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Doc != b.Doc {
			if agrees[a.Doc] != agrees[b.Doc] {
				return agrees[a.Doc]
			}
			if best[a.Doc] != best[b.Doc] {
				return best[a.Doc] < best[b.Doc]
			}
			return a.Doc < b.Doc
		}
		if a.Agrees != b.Agrees {
			return a.Agrees
		}
		return a.Start < b.Start
	})
	return es
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
func (c Checker) recomputeShare(e corpus.Figure) (string, error) {
	if e.Kind != corpus.KindPercent || !strings.HasPrefix(e.Base, "占") {
		return "", nil
	}
	figs, err := c.Corpus.DocFigures(e.Doc)
	if err != nil {
		return "", err
	}
	var counts []corpus.Figure
	for _, g := range figs {
		if g.Kind == corpus.KindCount && g.Sentence == e.Sentence && g.End <= e.Start {
			counts = append(counts, g)
		}
	}
	if len(counts) < 2 {
		return "", nil
	}
	part, whole := counts[len(counts)-2], counts[len(counts)-1]
	if part.Unit != whole.Unit || whole.Value <= part.Value || whole.Value == 0 {
		return "", nil
	}
	share := part.Value / whole.Value * 100
	verdict := "与所印一致"
	if share < e.Value-tolerance(e) || share > e.Value+tolerance(e) {
		verdict = "与所印不一致"
	}
	return fmt.Sprintf("按 %s/%s 计算为 %.2f%%，%s", amount(part.Value, part.Unit), amount(whole.Value, whole.Unit), share, verdict), nil
}

// recomputeGap redoes a percentage-point gap (高于全省50个百分点) from its
// two rates when the corpus has both: the local rate printed before it and
// the province's (or city's) rate of the same indicator and period.
func (c Checker) recomputeGap(e corpus.Figure) (string, error) {
	scope := ""
	switch {
	case strings.HasSuffix(e.Base, "全省"):
		scope = "省"
	case strings.HasSuffix(e.Base, "全市"):
		scope = "市"
	}
	higher := strings.HasPrefix(e.Base, "高于")
	if e.Kind != corpus.KindPPT || scope == "" || !(higher || strings.HasPrefix(e.Base, "低于")) {
		return "", nil
	}
	figs, err := c.Corpus.DocFigures(e.Doc)
	if err != nil {
		return "", err
	}
	var local *corpus.Figure
	for _, g := range figs {
		if g.Kind == corpus.KindPercent && g.Sentence == e.Sentence && g.End <= e.Start {
			local = &g
		}
	}
	if local == nil {
		return "", nil
	}
	rates, err := c.Corpus.Candidates(corpus.KindPercent, "%")
	if err != nil {
		return "", err
	}
	for _, cand := range rates {
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
			amount(math.Abs(gap), "pp"), verdict), nil
	}
	return "", nil
}

// bearing is how an evidence figure bears on a claim figure.
type bearing int

const (
	unrelated bearing = iota
	// related: the same indicator, but it cannot decide (another or an
	// unknown period, a target against an outcome, a looser indicator).
	related
	// supportOnly: the claim names no period; a figure that agrees
	// supports it, one of some period that disagrees cannot refute it.
	supportOnly
	// comparable: same indicator key, subject, period, base, and both
	// targets or both outcomes. It supports or refutes.
	comparable
)

// match says how e bears on the claim figure f, and why it is only
// related when it is.
func (c Checker) match(f, e corpus.Figure) (bearing, string, error) {
	if f.Metric != "" && !metricsMatch(f.Metric, e.Metric) {
		return unrelated, "", nil
	}
	if f.Metric == "" && !valuesOverlap(f, e) {
		return unrelated, "", nil // a bare number is only compared with the same number
	}
	sameSubject := f.Subject == "" || f.Subject == e.Subject || subjectsMatch(f.Subject, e.Subject, "") && e.Subject != ""
	if !sameSubject && e.Subject != "" {
		return unrelated, "", nil
	}
	if !sameSubject && f.Subject == "全国" {
		return related, "来源未说明是全国的数据", nil
	}
	if !sameSubject {
		named, err := c.Corpus.Mentions(e.Doc, f.Subject)
		if err != nil {
			return unrelated, "", err
		}
		if !named {
			return unrelated, "", nil
		}
	}
	if !basesMatch(f.Base, e.Base) || (f.Change == "") != (e.Change == "") {
		return unrelated, "", nil // a level is not a change (提高0.8% is not 65.2%)
	}
	if f.Subject == "" && e.Subject != "" && e.Subject != "全国" && !strings.Contains(f.Sentence, e.Subject) {
		// The claim names no one (国内生产总值增长9.2%): the figures of a
		// city or a company are not the nation's.
		return related, "来源是" + e.Subject + "的数据，声称未说明地方", nil
	}
	switch {
	case f.Metric == "" || !sameMetric(f, e):
		return related, "指标不尽相同", nil
	case f.Target != e.Target && e.Target:
		return related, "来源为计划目标，不是实际结果", nil
	case f.Target != e.Target:
		return related, "来源为实际结果，声称的是目标", nil
	}
	switch periodBearing(f, e) {
	case periodDiffers:
		return related, "时期不同（" + periodLabel(e) + "）", nil
	case periodUnknown:
		return related, "来源未说明时期", nil
	case claimUndated:
		return supportOnly, "", nil
	}
	return comparable, "", nil
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
	unit := f.Unit
	if unit == "%" {
		unit = "pp" // two rates differ by percentage points: 5.5% and 5.6% by 0.1个百分点
	}
	return false, fmt.Sprintf("声称 %s；证据 %s（相差 %s，%.1f%%）", describe(f), describe(e), amount(math.Abs(diff), unit), rel)
}

// valuesOverlap reports whether the values the two figures allow meet:
// each printed value stands for an interval (its rounding, its range, its
// bound, ±5% when hedged). A rounding interval is half open (5.5 stands
// for 5.45 up to 5.55, which prints as 5.6), so intervals that only touch
// do not meet: a claim of 5.5% is not what a source's 5.6% says.
func valuesOverlap(f, e corpus.Figure) bool {
	a0, a1 := interval(f)
	b0, b1 := interval(e)
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(f.Value), math.Abs(e.Value)))
	if a1-a0 <= 1000*eps || b1-b0 <= 1000*eps {
		// A value that allows no rounding (0, or one written in Chinese
		// numerals) is a point: it meets an interval that holds it.
		return a0 <= b1+eps && b0 <= a1+eps
	}
	return a0 < b1-eps && b0 < a1-eps
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
		unit = "元"
	case "%":
		return num(v) + "%"
	case "pp":
		return num(v) + "个百分点"
	}
	for _, s := range scaleWords {
		if math.Abs(v) >= s.from {
			return num(v/s.value) + s.word + unit
		}
	}
	return num(v) + unit
}

// scaleWords are the scales amounts are written with, largest first, from
// the amount each starts at: 126万亿元, not 1260000亿元, but 95933亿元 as
// reports print it, not 9.5933万亿元.
var scaleWords = []struct {
	word  string
	value float64
	from  float64
}{{"万亿", 1e12, 1e13}, {"亿", 1e8, 1e8}, {"万", 1e4, 1e4}}

// unitMismatches lists, as related evidence, figures of the same
// indicator, subject and period printed in the other of percent and
// percentage points (提高1% against 提高1个百分点): the mismatch is named,
// never silently dropped.
func (c Checker) unitMismatches(f corpus.Figure, fv *FigureVerdict) error {
	other := map[corpus.Kind]struct {
		kind corpus.Kind
		unit string
		why  string
	}{
		corpus.KindPercent: {corpus.KindPPT, "pp", "单位不同：来源为百分点，声称的是百分比"},
		corpus.KindPPT:     {corpus.KindPercent, "%", "单位不同：来源为百分比，声称的是百分点"},
	}
	o, ok := other[f.Kind]
	if !ok || f.Metric == "" {
		return nil
	}
	cands, err := c.Corpus.Candidates(o.kind, o.unit)
	if err != nil {
		return err
	}
	for _, cand := range cands {
		e := cand.Figure
		if cand.Duplicate || !sameMetric(f, e) || !subjectsMatch(f.Subject, e.Subject, "") || periodBearing(f, e) == periodDiffers {
			continue
		}
		ev, err := c.evidence(cand, false, fmt.Sprintf("%s（声称 %s；来源 %s）", o.why, describe(f), describe(e)))
		if err != nil {
			return err
		}
		fv.Related = append(fv.Related, ev)
	}
	return nil
}
