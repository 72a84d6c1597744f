package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"reportmine/corpus"
)

// Gold is one hand-checked figure of a gold set, in the format of
// ../shared/gold/figures-dev.jsonl.
type Gold struct {
	Doc      string   `json:"doc"`
	Kind     string   `json:"kind"`
	Value    float64  `json:"value"`
	ValueMax *float64 `json:"value_max,omitempty"`
	Unit     string   `json:"unit"`
	Quote    string   `json:"quote"`
	Optional bool     `json:"optional,omitempty"`
	Approx   bool     `json:"approx,omitempty"`
	Bound    string   `json:"bound,omitempty"`
	Change   string   `json:"change,omitempty"`
	// Range limits scoring to the byte span [a,b) of the document that
	// was annotated (an excerpt); predictions outside it are ignored.
	Range *[2]int `json:"range,omitempty"`
	// Start and End place the quote in the document: among equal
	// candidates the nearest is matched.
	Start *int `json:"start,omitempty"`
	End   *int `json:"end,omitempty"`
	// Metric, Subject, Period and Base list the accepted frame answers
	// ("" accepts only an empty frame); nil when not annotated.
	Metric  []string `json:"metric,omitempty"`
	Subject []string `json:"subject,omitempty"`
	Period  []string `json:"period,omitempty"`
	Base    []string `json:"base,omitempty"`
	// Target marks a plan, goal or forecast. A gold set that marks any
	// target is taken to annotate them all: its figures without the field
	// are outcomes.
	Target *bool `json:"target,omitempty"`
}

// frameFields are the frame fields a gold set can annotate, in the order
// scores report them.
var frameFields = []struct {
	name     string
	accepted func(Gold) []string
	got      func(corpus.Figure) string
}{
	{"metric", func(g Gold) []string { return g.Metric }, func(f corpus.Figure) string { return f.Metric }},
	{"subject", func(g Gold) []string { return g.Subject }, func(f corpus.Figure) string { return f.Subject }},
	{"period", func(g Gold) []string { return g.Period }, func(f corpus.Figure) string { return f.Period }},
	{"base", func(g Gold) []string { return g.Base }, func(f corpus.Figure) string { return f.Base }},
}

// FrameNames are the frame fields in the order Score.Frames reports them.
func FrameNames() []string {
	out := make([]string, len(frameFields))
	for i, f := range frameFields {
		out[i] = f.name
	}
	return out
}

// frameAccepted reports whether got equals one accepted answer once all
// whitespace is removed, as ../shared/tools/score.py --frames compares.
func frameAccepted(got string, accepted []string) bool {
	got = strings.Join(strings.Fields(got), "")
	for _, a := range accepted {
		if strings.Join(strings.Fields(a), "") == got {
			return true
		}
	}
	return false
}

// ReadGold reads a gold set, one JSON object per line.
func ReadGold(r io.Reader) ([]Gold, error) { return readJSONLines[Gold](r) }

// readJSONLines decodes one JSON object per non-blank line.
func readJSONLines[T any](r io.Reader) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

// Score is the result of comparing predictions with a gold set.
type Score struct {
	TruePositives, FalsePositives, FalseNegatives int
	QualifiersRight, QualifiersChecked            int
	// FrameRight and FrameChecked count, per frame field (FrameNames), the
	// matched required figures whose frame was annotated and agreed.
	FrameRight, FrameChecked [4]int
	// TargetRight and TargetChecked count matched required figures whose
	// target flag agrees, when the gold set annotates targets; Targets
	// and TargetsFound count the gold targets and those the flag caught.
	TargetRight, TargetChecked, Targets, TargetsFound int
	Docs                                              []DocScore
}

// TargetAccuracy is the share of checked figures whose target flag agrees.
func (s Score) TargetAccuracy() float64 { return ratio(s.TargetRight, s.TargetChecked) }

// DocScore is one gold document's share of a Score.
type DocScore struct {
	Doc              string
	Gold, TP, FN, FP int
	Missed           []Gold
	Extra            []corpus.Figure
}

// Precision is TP / (TP + FP).
func (s Score) Precision() float64 {
	return ratio(s.TruePositives, s.TruePositives+s.FalsePositives)
}

// Recall is TP / (TP + FN).
func (s Score) Recall() float64 {
	return ratio(s.TruePositives, s.TruePositives+s.FalseNegatives)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// QualifierAccuracy is the share of checked approx/bound/change flags of
// matched gold figures that the predictions got right.
func (s Score) QualifierAccuracy() float64 {
	if s.QualifiersChecked == 0 {
		return 1
	}
	return ratio(s.QualifiersRight, s.QualifiersChecked)
}

// FrameAccuracy is the share of annotated frames of field k (FrameNames)
// that agreed.
func (s Score) FrameAccuracy(k int) float64 { return ratio(s.FrameRight[k], s.FrameChecked[k]) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate scores predictions against gold with the rules of figures.md
// and ../shared/tools/score.py:
// a prediction belongs to the gold document named by the base name of its
// source; it matches a gold figure of the same kind and unit whose value
// agrees to one part in a million; each gold figure matches once, required
// gold before optional; optional matches and date/multiple predictions are
// not counted.
func Evaluate(gold []Gold, predictions []corpus.Figure) Score {
	byDoc := map[string][]Gold{}
	annotatesTargets := false
	for _, g := range gold {
		annotatesTargets = annotatesTargets || g.Target != nil
		name := filepath.Base(g.Doc) // gwr/cn-gwr-1981.txt names cn-gwr-1981.txt
		byDoc[name] = append(byDoc[name], g)
	}
	preds := map[string][]corpus.Figure{}
	for _, p := range predictions {
		if p.Kind.Scored() {
			name := filepath.Base(p.Source)
			preds[name] = append(preds[name], p)
		}
	}
	docs := make([]string, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	var s Score
	for _, d := range docs {
		ds := scoreDoc(d, byDoc[d], preds[d], &s, annotatesTargets)
		s.TruePositives += ds.TP
		s.FalseNegatives += ds.FN
		s.FalsePositives += ds.FP
		s.Docs = append(s.Docs, ds)
	}
	return s
}

func scoreDoc(doc string, gold []Gold, preds []corpus.Figure, s *Score, annotatesTargets bool) DocScore {
	ds := DocScore{Doc: doc}
	preds = insideRanges(gold, preds)
	ordered := append([]Gold(nil), gold...)
	sort.SliceStable(ordered, func(i, j int) bool { return !ordered[i].Optional && ordered[j].Optional })
	used := make([]bool, len(preds))
	for _, g := range ordered {
		if !g.Optional {
			ds.Gold++
		}
		hit := -1
		for i, p := range preds {
			if used[i] || string(p.Kind) != g.Kind || p.Unit != g.Unit || !closeValues(p.Value, g.Value) {
				continue
			}
			if hit < 0 || g.Start != nil && distance(p, *g.Start) < distance(preds[hit], *g.Start) {
				hit = i
			}
			if g.Start == nil {
				break
			}
		}
		switch {
		case hit >= 0:
			used[hit] = true
			if !g.Optional {
				ds.TP++
				right, checked := qualifiersAgree(g, preds[hit])
				s.QualifiersRight += right
				s.QualifiersChecked += checked
				for k, field := range frameFields {
					if accepted := field.accepted(g); accepted != nil {
						s.FrameChecked[k]++
						if frameAccepted(field.got(preds[hit]), accepted) {
							s.FrameRight[k]++
						}
					}
				}
				if annotatesTargets {
					want := g.Target != nil && *g.Target
					s.TargetChecked++
					if want == preds[hit].Target {
						s.TargetRight++
					}
					if want {
						s.Targets++
						if preds[hit].Target {
							s.TargetsFound++
						}
					}
				}
			}
		case !g.Optional:
			ds.FN++
			ds.Missed = append(ds.Missed, g)
		}
	}
	for i, p := range preds {
		if !used[i] {
			ds.FP++
			ds.Extra = append(ds.Extra, p)
		}
	}
	return ds
}

func distance(p corpus.Figure, start int) int {
	d := p.Start - start
	if d < 0 {
		return -d
	}
	return d
}

// insideRanges keeps the predictions inside the annotated ranges of the
// document, or all of them when its gold gives no range.
func insideRanges(gold []Gold, preds []corpus.Figure) []corpus.Figure {
	var ranges [][2]int
	for _, g := range gold {
		if g.Range != nil && !slices.Contains(ranges, *g.Range) {
			ranges = append(ranges, *g.Range)
		}
	}
	if len(ranges) == 0 {
		return preds
	}
	var out []corpus.Figure
	for _, p := range preds {
		for _, r := range ranges {
			if r[0] <= p.Start && p.End <= r[1] {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func closeValues(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

// qualifiersAgree checks the flags the gold figure sets.
func qualifiersAgree(g Gold, p corpus.Figure) (right, checked int) {
	check := func(ok bool) {
		checked++
		if ok {
			right++
		}
	}
	if g.Approx {
		check(p.Approx)
	}
	if g.Bound != "" {
		check(p.Bound == g.Bound)
	}
	if g.Change != "" {
		check(p.Change == g.Change)
	}
	return right, checked
}
