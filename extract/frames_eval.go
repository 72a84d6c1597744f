package extract

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"reportmine/corpus"
)

// FrameGold is one hand-annotated figure frame: the figure by document and
// byte range, and what it measures, whose, when and against what.
type FrameGold struct {
	Doc     string `json:"doc"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Metric  string `json:"metric"`
	Subject string `json:"subject"`
	Period  string `json:"period"`
	Base    string `json:"base"`
}

// ReadFrameGold reads frame annotations, one JSON object per line.
func ReadFrameGold(r io.Reader) ([]FrameGold, error) { return readJSONLines[FrameGold](r) }

// FrameScore counts, per frame field, how many annotated figures the
// extractor framed the same way.
type FrameScore struct {
	Figures, Found                int
	Metric, Subject, Period, Base int
	Misses                        []string
}

// Accuracy is right / Figures.
func (s FrameScore) Accuracy(right int) float64 { return ratio(right, s.Figures) }

// EvaluateFrames compares the frames of predicted figures with annotations.
// Values are compared without spaces and quotation marks; subjects through
// the alias table, so 综改区 and its official name agree.
func EvaluateFrames(gold []FrameGold, preds []corpus.Figure, aliases *Aliases) FrameScore {
	type key struct {
		doc        string
		start, end int
	}
	byKey := map[key]corpus.Figure{}
	for _, p := range preds {
		byKey[key{filepath.Base(p.Source), p.Start, p.End}] = p
	}
	var s FrameScore
	for _, g := range gold {
		s.Figures++
		p, ok := byKey[key{g.Doc, g.Start, g.End}]
		if !ok {
			s.Misses = append(s.Misses, fmt.Sprintf("%s %q: no such figure", g.Doc, g.Text))
			continue
		}
		s.Found++
		check := func(field, want, got string, count *int) {
			if sameFrameValue(want, got, aliases) {
				*count++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s %q %s: want %q got %q", g.Doc, g.Text, field, want, got))
			}
		}
		check("metric", g.Metric, p.Metric, &s.Metric)
		check("subject", g.Subject, p.Subject, &s.Subject)
		check("period", g.Period, p.Period, &s.Period)
		check("base", g.Base, p.Base, &s.Base)
	}
	return s
}

func sameFrameValue(want, got string, aliases *Aliases) bool {
	clean := func(s string) string {
		return strings.NewReplacer(" ", "", "“", "", "”", "", "\"", "", "\n", "").Replace(s)
	}
	want, got = clean(want), clean(got)
	// A project is the same with or without its word 项目.
	want, got = strings.TrimSuffix(want, "项目"), strings.TrimSuffix(got, "项目")
	return want == got || (aliases != nil && want != "" && aliases.Resolve(want) == aliases.Resolve(got))
}
