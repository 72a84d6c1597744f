package extract

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestEvaluateWideFormat: a gold in the wide format names its document by
// a relative path, limits scoring to an excerpt, places quotes by offset
// and lists accepted frame answers.
func TestEvaluateWideFormat(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(`
{"doc": "gwr/report.txt", "range": [0, 100], "kind": "percent", "value": 5, "unit": "%", "quote": "5%", "start": 60, "end": 62, "metric": ["工业增加值", "增加值"], "subject": ["全国", ""], "period": ["今年"], "base": [""]}
{"doc": "gwr/report.txt", "range": [0, 100], "kind": "count", "value": 3, "unit": "个", "quote": "3个", "start": 10, "end": 14, "optional": true}
`))
	if err != nil {
		t.Fatal(err)
	}
	fig := func(start int, metric string) corpus.Figure {
		return corpus.Figure{Source: "/data/report.txt", Kind: corpus.KindPercent, Value: 5, Unit: "%", Start: start, End: start + 2, Metric: metric}
	}
	preds := []corpus.Figure{
		fig(20, "利润"),     // the same value earlier in the excerpt: not the nearest
		fig(61, "工业 增加值"), // the nearest; whitespace does not count
		fig(150, ""),      // outside the excerpt: ignored
	}
	s := Evaluate(gold, preds)
	if s.TruePositives != 1 || s.FalsePositives != 1 || s.FalseNegatives != 0 {
		t.Errorf("tp %d fp %d fn %d, want 1 1 0", s.TruePositives, s.FalsePositives, s.FalseNegatives)
	}
	want := [4]int{1, 1, 0, 1} // metric, subject ("" accepted), period (none given: wrong), base
	if s.FrameRight != want || s.FrameChecked != [4]int{1, 1, 1, 1} {
		t.Errorf("frames right %v checked %v, want %v of 1 each", s.FrameRight, s.FrameChecked, want)
	}
}
