package check

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"reportmine/corpus"
)

// Conflict is a group of figures about the same thing (metric, subject,
// period, base, kind) from different documents whose values disagree
// beyond what their printed precision allows.
type Conflict struct {
	Metric      string     `json:"metric"`
	Subject     string     `json:"subject"`
	Period      string     `json:"period"`
	Base        string     `json:"base,omitempty"`
	Kind        string     `json:"kind"`
	Unit        string     `json:"unit"`
	Gap         float64    `json:"gap_pct"`
	Explanation string     `json:"explanation"`
	Evidence    []Evidence `json:"evidence"`
}

// Conflicts finds where the corpus disagrees with itself, largest
// disagreement first. Near-duplicate documents are left out; figures whose
// periods cannot be the same are not compared.
func Conflicts(cands []Candidate, minGapPct float64) []Conflict {
	type key struct{ metric, subject, base, kind, unit, change string }
	groups := map[key][]Candidate{}
	for _, c := range cands {
		f := c.Figure
		if c.Duplicate || f.Metric == "" || f.Subject == "" && c.Place == "" || !f.Kind.Scored() {
			continue
		}
		k := key{MetricKey(f.Metric), groupScope(f.Subject, c.Place), baseKey(f.Base), string(f.Kind), f.Unit, f.Change}
		groups[k] = append(groups[k], c)
	}
	var out []Conflict
	for k, g := range groups {
		if c, ok := conflictIn(g, minGapPct); ok {
			c.Subject, c.Base, c.Kind, c.Unit = k.subject, g[0].Figure.Base, k.kind, k.unit
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gap != out[j].Gap {
			return out[i].Gap > out[j].Gap
		}
		return out[i].Metric < out[j].Metric
	})
	return out
}

// conflictIn compares the group's figures across documents and returns
// the group as a conflict when two of them, with compatible periods,
// disagree by at least minGapPct.
func conflictIn(g []Candidate, minGapPct float64) (Conflict, bool) {
	var worst float64
	var a, b corpus.Figure
	involved := map[int]bool{}
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			fi, fj := g[i].Figure, g[j].Figure
			// Conflicts need both periods known and the same: a difference
			// between figures of unknown periods is no evidence of error.
			pi, pj := periodOf(fi), periodOf(fj)
			known := func(p string, f corpus.Figure) bool { return p != "" || f.PeriodFrom != "" }
			if fi.Doc == fj.Doc || !known(pi, fi) || !known(pj, fj) || fi.Target != fj.Target || valuesOverlap(fi, fj) {
				continue
			}
			if fi.PeriodFrom != "" && fj.PeriodFrom != "" {
				if fi.PeriodFrom != fj.PeriodFrom || fi.PeriodTo != fj.PeriodTo {
					continue
				}
			} else if (fi.PeriodFrom == "") != (fj.PeriodFrom == "") || !periodsMatch(pi, pj) {
				continue // one dated and one not: not known to be the same period
			}
			gap := math.Abs(fi.Value-fj.Value) / math.Max(math.Max(math.Abs(fi.Value), math.Abs(fj.Value)), 1e-12) * 100
			if gap < minGapPct {
				continue
			}
			involved[i], involved[j] = true, true
			if gap > worst {
				worst, a, b = gap, fi, fj
			}
		}
	}
	if len(involved) == 0 {
		return Conflict{}, false
	}
	c := Conflict{Metric: a.Metric, Period: firstNonEmpty(firstNonEmpty(a.Period, b.Period), a.PeriodFrom), Gap: math.Round(worst*10) / 10}
	c.Explanation = fmt.Sprintf("%s %s：%s 说 %s，%s 说 %s（相差 %s，%.1f%%）", a.Subject, a.Metric, shortSource(a.Source), describe(a),
		shortSource(b.Source), describe(b), amount(math.Abs(a.Value-b.Value), a.Unit), c.Gap)
	for i, cand := range g {
		if !involved[i] {
			continue
		}
		f := cand.Figure
		c.Evidence = append(c.Evidence, Evidence{Doc: f.Doc, Source: f.Source, Title: cand.Title, Issuer: cand.Issuer, Date: cand.Date, Page: cand.Page,
			Text: f.Text, Sentence: f.Sentence, Start: f.Start, End: f.End, Value: f.Value, ValueMax: f.ValueMax, Unit: f.Unit,
			Change: f.Change, Metric: f.Metric, Subject: f.Subject, Period: f.Period, PeriodFrom: f.PeriodFrom, PeriodTo: f.PeriodTo, Target: f.Target})
	}
	return c, true
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func shortSource(s string) string {
	if i := strings.LastIndexAny(s, "/\\"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// periodOf is the figure's period, or 截至目前 for a cumulative figure
// whose text gives no period (累计签约总投资778亿元 counts to date).
func periodOf(f corpus.Figure) string {
	if f.Period != "" {
		if f.Period == "目前" {
			return "截至目前"
		}
		return f.Period
	}
	if i := strings.Index(f.Sentence, f.Surface); i > 0 {
		before := []rune(f.Sentence[:i])
		if len(before) > 10 {
			before = before[len(before)-10:]
		}
		if strings.Contains(string(before), "累计") {
			return "截至目前"
		}
	}
	return ""
}
