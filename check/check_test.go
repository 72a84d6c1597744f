package check

import (
	"fmt"
	"strings"
	"testing"

	"reportmine/corpus"
)

type fakeCorpus struct{ figs []corpus.Figure }

func (f fakeCorpus) Candidates(kind corpus.Kind, unit string) ([]Candidate, error) {
	var out []Candidate
	for _, g := range f.figs {
		if g.Kind == kind && g.Unit == unit {
			out = append(out, Candidate{Figure: g})
		}
	}
	return out, nil
}
func (f fakeCorpus) Mentions(doc, name string) (bool, error)          { return false, nil }
func (f fakeCorpus) DocFigures(doc string) ([]corpus.Figure, error)   { return f.figs, nil }
func (f fakeCorpus) Quote(doc string, start, end int) (string, error) { return "", nil }

// mustCheck checks a claim against a fake corpus, which never fails.
func mustCheck(t *testing.T, c Checker, claim string, figs []corpus.Figure) Verdict {
	t.Helper()
	v, err := c.Check(claim, figs)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func fig(kind corpus.Kind, v float64, unit, surface string, prec int, metric, base string, start int) corpus.Figure {
	return corpus.Figure{Doc: "d", Source: "r.txt", Kind: kind, Value: v, Unit: unit, Surface: surface, Text: surface, Precision: prec,
		Metric: metric, Subject: "某区", Base: base, Start: start, End: start + 3, Sentence: "认定企业447家，占全省(2113家)21.2%"}
}

func TestToleranceAndShare(t *testing.T) {
	part := fig(corpus.KindCount, 447, "家", "447家", 0, "企业", "", 0)
	whole := fig(corpus.KindCount, 2113, "家", "2113家", 0, "企业", "", 10)
	share := fig(corpus.KindPercent, 21.2, "%", "21.2%", 1, "企业", "占全省", 20)
	c := Checker{Corpus: fakeCorpus{[]corpus.Figure{part, whole, share}}}
	claim := fig(corpus.KindPercent, 21.15, "%", "21.15%", 2, "企业", "占全省", 0)
	v := mustCheck(t, c, "认定企业占全省21.15%", []corpus.Figure{claim})
	if v.Verdict != Supported || !strings.Contains(v.Explanation, "按 447家/2113家 计算为 21.15%，与所印一致") {
		t.Errorf("%s: %s", v.Verdict, v.Explanation)
	}
	wrong := fig(corpus.KindPercent, 25, "%", "25%", 0, "企业", "占全省", 0)
	if v := mustCheck(t, c, "占全省25%", []corpus.Figure{wrong}); v.Verdict != Contradicted {
		t.Errorf("25%% against 21.2%%: %s", v.Verdict)
	}
	pp := fig(corpus.KindPPT, 21.2, "pp", "21.2个百分点", 1, "企业", "占全省", 0)
	if v := mustCheck(t, c, "21.2个百分点", []corpus.Figure{pp}); v.Verdict != NotFound {
		t.Errorf("个百分点 matched a percent: %s", v.Verdict)
	}
}

func TestPeriodsAndMetrics(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{{"上半年", "1-6月份", true}, {"2023年上半年", "2023年1-6月", true}, {"2023年", "2024年", false}, {"一季度", "上半年", false}, {"", "全年", true}} {
		if periodsMatch(c.a, c.b) != c.same {
			t.Errorf("periodsMatch(%q, %q) != %v", c.a, c.b, c.same)
		}
	}
	if MetricKey("新签约项目总投资") != MetricKey("累计签约总投资") {
		t.Error("新签约项目总投资 and 累计签约总投资 should be one indicator")
	}
}

func TestGapRecomputed(t *testing.T) {
	sentence := "涉税主体占比97.24%，高于全省50个百分点"
	local := corpus.Figure{Doc: "d", Kind: corpus.KindPercent, Value: 97.24, Unit: "%", Surface: "97.24%", Precision: 2, Metric: "涉税主体占比", Subject: "某区", Start: 0, End: 6, Sentence: sentence}
	gap := corpus.Figure{Doc: "d", Kind: corpus.KindPPT, Value: 50, Unit: "pp", Surface: "50个百分点", Metric: "涉税主体占比", Subject: "某区", Base: "高于全省", Start: 10, End: 16, Sentence: sentence}
	prov := corpus.Figure{Doc: "p", Kind: corpus.KindPercent, Value: 59.42, Unit: "%", Surface: "59.42%", Precision: 2, Metric: "涉税主体占比", Subject: "某某省", Sentence: "全省涉税主体占比59.42%"}
	c := Checker{Corpus: fakeCorpus{[]corpus.Figure{local, gap, prov}}}
	claim := gap
	claim.Doc, claim.Sentence = "claim", ""
	v := mustCheck(t, c, "高于全省50个百分点", []corpus.Figure{claim})
	if !strings.Contains(v.Explanation, "按 97.24% − 59.42%（某某省）计算为 37.82个百分点，与所印不一致") {
		t.Errorf("%s: %s", v.Verdict, v.Explanation)
	}
}

func TestDropListSiblings(t *testing.T) {
	es := []Evidence{
		{Doc: "a", Start: 100, Value: 12327.5, Agrees: true},
		{Doc: "a", Start: 160, Value: 6683.4},  // the list's next item
		{Doc: "a", Start: 900, Value: 2688.5},  // far away: a figure of its own
		{Doc: "b", Start: 120, Value: 11000.0}, // another document disagrees
	}
	got := dropListSiblings(es)
	var values []float64
	for _, e := range got {
		values = append(values, e.Value)
	}
	want := []float64{12327.5, 2688.5, 11000.0}
	if fmt.Sprint(values) != fmt.Sprint(want) {
		t.Errorf("kept %v, want %v", values, want)
	}
}

// A goal is never evidence about an outcome: a target of 8%左右 neither
// supports nor refutes an achieved growth rate.
func TestTargetIsNoEvidenceForOutcome(t *testing.T) {
	goal := fig(corpus.KindPercent, 8, "%", "8%", 0, "国内生产总值", "", 0)
	goal.Target, goal.Approx = true, true
	c := Checker{Corpus: fakeCorpus{[]corpus.Figure{goal}}}
	claim := fig(corpus.KindPercent, 7.9, "%", "7.9%", 1, "国内生产总值", "", 0)
	if v := mustCheck(t, c, "国内生产总值增长7.9%", []corpus.Figure{claim}); v.Verdict != NotFound {
		t.Errorf("outcome checked against a target: %s %s", v.Verdict, v.Explanation)
	}
	claim.Target = true
	if v := mustCheck(t, c, "预期目标增长8%", []corpus.Figure{claim}); v.Verdict == NotFound {
		t.Errorf("a target claim should meet the target: %s", v.Verdict)
	}
}
