package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"

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
	Docs                                          []DocScore
}

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

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate scores predictions against gold with the rules of figures.md:
// a prediction belongs to the gold document named by the base name of its
// source; it matches a gold figure of the same kind and unit whose value
// agrees to one part in a million; each gold figure matches once, required
// gold before optional; optional matches and date/multiple predictions are
// not counted.
func Evaluate(gold []Gold, predictions []corpus.Figure) Score {
	byDoc := map[string][]Gold{}
	for _, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
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
		ds := scoreDoc(d, byDoc[d], preds[d], &s)
		s.TruePositives += ds.TP
		s.FalseNegatives += ds.FN
		s.FalsePositives += ds.FP
		s.Docs = append(s.Docs, ds)
	}
	return s
}

func scoreDoc(doc string, gold []Gold, preds []corpus.Figure, s *Score) DocScore {
	ds := DocScore{Doc: doc}
	ordered := append([]Gold(nil), gold...)
	sort.SliceStable(ordered, func(i, j int) bool { return !ordered[i].Optional && ordered[j].Optional })
	used := make([]bool, len(preds))
	for _, g := range ordered {
		if !g.Optional {
			ds.Gold++
		}
		hit := -1
		for i, p := range preds {
			if !used[i] && string(p.Kind) == g.Kind && p.Unit == g.Unit && closeValues(p.Value, g.Value) {
				hit = i
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
