package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"reportmine/app"
	"reportmine/corpus"
	"reportmine/extract"
	"reportmine/ingest"
)

// The accuracy suites: the extractor scored on gold sets over real
// reports, each document read as the CLI and the server read it (the
// reader and the structure stage of app.ReadDocuments, which give a
// document the date and place its frames resolve against). They live in
// an external test package because app composes the stages.

// sharedCorpus lists the documents of ../shared/corpus, skipping the test
// when they are not on this machine.
func sharedCorpus(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(paths) == 0 {
		tb.Skip("../shared/corpus is not here")
	}
	return paths
}

// TestEvalWideGold scores the extractor on the wide gold set (excerpts of
// six real reports of other eras and genres) as reportmine eval does.
func TestEvalWideGold(t *testing.T) {
	s := scoreGold(t, "../../shared/gold/figures-wide.jsonl")
	if s.F1() < 0.97 || s.QualifierAccuracy() < 0.95 {
		t.Errorf("wide gold: F1 %.3f qualifiers %.3f, want at least 0.97 and 0.95", s.F1(), s.QualifierAccuracy())
	}
	// Issue 11's targets for frames on real reports.
	checkFrames(t, s, map[string]float64{"metric": 0.85, "subject": 0.85, "period": 0.90, "base": 0.95})
}

// TestHeldoutGold scores the frames of six more documents of the wide
// corpus (a national report of 1959, 1993 and 2018, a provincial report, a
// city bulletin and a city budget report), annotated by readers who never
// saw the program's output (extract/testdata/heldout). Measured before any
// rule was tuned on them (after subjects stopped falling back on the most
// frequent name): set a metric 0.535 subject 0.650 period 0.783 base 0.949;
// set b metric 0.567 subject 0.972 period 0.851 base 0.943. The floors sit
// a little under today's numbers.
func TestHeldoutGold(t *testing.T) {
	a := scoreGold(t, "testdata/heldout/heldout-a.jsonl")
	checkFrames(t, a, map[string]float64{"metric": 0.85, "subject": 0.95, "period": 0.93, "base": 0.94})
	if a.TargetAccuracy() < 0.95 {
		t.Errorf("set a: target accuracy %.3f", a.TargetAccuracy())
	}
	b := scoreGold(t, "testdata/heldout/heldout-b.jsonl")
	checkFrames(t, b, map[string]float64{"metric": 0.83, "subject": 0.95, "period": 0.93, "base": 0.95})
	if b.TargetAccuracy() < 0.97 {
		t.Errorf("set b: target accuracy %.3f", b.TargetAccuracy())
	}
}

// TestAnnotatedGold scores four more sets of excerpts of the wide corpus,
// annotated by readers who never saw the program's output
// (extract/testdata/annotated): c (a city bulletin, a city budget report,
// the 2007 national report, a provincial report), d (a provincial report,
// a quarterly analysis, a bulletin, Hong Kong, the 1992 national report),
// e (two bulletins, a budget report, a city's analysis, the 1959 and 2021
// national reports), f (the 1954, 1979, 1998 and 2017 national reports,
// a bulletin, a budget report, a rural analysis) and g. First measured (metric /
// subject / period / base): c 0.825 / 0.982 / 0.934 / 0.996, d 0.665 /
// 0.981 / 0.933 / 0.986, e 0.668 / 0.832 / 0.935 / 0.986, f 0.789 /
// 0.947 / 0.930 / 0.974. The rules were then improved on what they showed,
// so those first numbers are the honest estimate for new documents. Set g
// (the 1964, 1985, 2005 and 2022 national reports, a budget report, a
// half-year analysis) was annotated after that and first scored blind:
// 0.607 / 1.000 / 0.956 / 0.978 (0.426 / 0.885 / 0.973 / 0.929 with the
// rules before these sets). Set h (the 1960, 1983, 2009, 2014 and 2024
// national reports, a budget report, a bulletin), annotated last, first
// scored blind: 0.728 / 1.000 / 0.916 / 0.980 (0.693 / 1.000 / 0.911 /
// 0.980 with the rules before these sets). Set i (the 1957, 1978, 1987,
// 1999, 2004, 2011 and 2016 national reports), annotated by another reader
// the stop after, first scored blind: 0.596 / 0.919 / 0.853 / 0.993 (figure
// F1 0.965, qualifiers 0.865). Set j (the 1955, 1980, 1984, 1997, 2001,
// 2006 and 2015 national reports), annotated last, first scored blind:
// 0.652 / 0.989 / 0.842 / 0.978 (figure F1 0.989, qualifiers 0.962). The
// floors sit a little under today's numbers.
func TestAnnotatedGold(t *testing.T) {
	for _, c := range []struct {
		set    string
		floors map[string]float64
	}{
		{"c", map[string]float64{"metric": 0.90, "subject": 0.96, "period": 0.97, "base": 0.98}},
		{"d", map[string]float64{"metric": 0.80, "subject": 0.96, "period": 0.95, "base": 0.98}},
		{"e", map[string]float64{"metric": 0.86, "subject": 0.96, "period": 0.95, "base": 0.97}},
		{"f", map[string]float64{"metric": 0.83, "subject": 0.95, "period": 0.92, "base": 0.96}},
		{"g", map[string]float64{"metric": 0.83, "subject": 0.98, "period": 0.92, "base": 0.96}},
		{"h", map[string]float64{"metric": 0.81, "subject": 0.98, "period": 0.94, "base": 0.96}},
		{"i", map[string]float64{"metric": 0.73, "subject": 0.93, "period": 0.92, "base": 0.97}},
		{"j", map[string]float64{"metric": 0.74, "subject": 0.96, "period": 0.91, "base": 0.96}},
		{"k", map[string]float64{"metric": 0.84, "subject": 0.96, "period": 0.94, "base": 0.96}},
		{"l", map[string]float64{"metric": 0.69, "subject": 0.97, "period": 0.87, "base": 0.93}},
		{"m", map[string]float64{"metric": 0.69, "subject": 0.95, "period": 0.93, "base": 0.97}},
		{"n", map[string]float64{"metric": 0.82, "subject": 0.95, "period": 0.96, "base": 0.96}},
	} {
		t.Run(c.set, func(t *testing.T) {
			checkFrames(t, scoreGold(t, "testdata/annotated/set-"+c.set+".jsonl"), c.floors)
		})
	}
}

// scoreGold reads the documents a gold set names from the shared wide
// corpus through the pipeline the CLI and the server use (reader, structure, extractor) and scores them; it skips when the
// corpus is absent.
func scoreGold(t *testing.T, goldPath string) extract.Score {
	t.Helper()
	const wide = "../../shared/corpus-wide/"
	if _, err := os.Stat(wide); err != nil {
		t.Skip("shared wide corpus not present")
	}
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("gold %s: %v", goldPath, err)
	}
	defer f.Close()
	gold, err := extract.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var paths []string
	for _, g := range gold {
		if !seen[g.Doc] {
			seen[g.Doc] = true
			paths = append(paths, wide+g.Doc)
		}
	}
	x := extract.New()
	var preds []corpus.Figure
	err = app.ReadDocuments(context.Background(), ingest.Reader{}, paths, nil, func(doc corpus.Document) error {
		preds = append(preds, x.Extract(doc)...)
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	return extract.Evaluate(gold, preds)
}

func checkFrames(t *testing.T, s extract.Score, floors map[string]float64) {
	t.Helper()
	for k, name := range extract.FrameNames() {
		got := s.FrameAccuracy(k)
		t.Logf("%s %.3f (%d/%d)", name, got, s.FrameRight[k], s.FrameChecked[k])
		if got < floors[name] {
			t.Errorf("%s accuracy %.3f fell below %.2f", name, got, floors[name])
		}
	}
}

// TestFrameDev scores the frames of the five development-zone documents
// against one answer each. Two shares there (国资参与建设的199个，占比49.3%)
// are now read as the share of the amount before (国资参与建设的科创平台
// 占比), which the wide gold's conventions accept, where this gold has the
// bare 占比: 0.896 → 0.884.
func TestFrameDev(t *testing.T) {
	scoreFrames(t, "testdata/frames-dev.jsonl", map[string]float64{"metric": 0.88, "subject": 0.84, "period": 0.93, "base": 0.96})
}

func scoreFrames(t *testing.T, goldPath string, floors map[string]float64) {
	paths := sharedCorpus(t)
	f, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := extract.ReadFrameGold(f)
	if err != nil {
		t.Fatal(err)
	}
	var preds []corpus.Figure
	x := extract.New()
	err = app.ReadDocuments(context.Background(), ingest.Reader{}, paths, nil, func(doc corpus.Document) error {
		preds = append(preds, x.Extract(doc)...)
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	s := extract.EvaluateFrames(gold, preds, extract.NewAliases())
	t.Logf("frames: %d annotated, %d found; metric %.3f subject %.3f period %.3f base %.3f",
		s.Figures, s.Found, s.Accuracy(s.Metric), s.Accuracy(s.Subject), s.Accuracy(s.Period), s.Accuracy(s.Base))
	got := map[string]float64{"metric": s.Accuracy(s.Metric), "subject": s.Accuracy(s.Subject), "period": s.Accuracy(s.Period), "base": s.Accuracy(s.Base)}
	for field, floor := range floors {
		if got[field] < floor {
			t.Errorf("%s accuracy %.3f fell below %.2f", field, got[field], floor)
		}
	}
	if os.Getenv("FRAMES_VERBOSE") != "" {
		for _, m := range s.Misses {
			t.Log(m)
		}
	}
}

// TestFrameHoldout scores a second set (extract/testdata/frames-holdout.jsonl,
// 91 figures annotated blind to the rules' output). Measured first, before
// any rule was changed for it: metric 0.615, subject 0.824, period 0.835,
// base 1.000; rules were then improved on what it showed.
func TestFrameHoldout(t *testing.T) {
	scoreFrames(t, "testdata/frames-holdout.jsonl", map[string]float64{"metric": 0.86, "subject": 0.83, "period": 0.97, "base": 0.97})
}

// TestFrameBlind scores a third set (extract/testdata/frames-blind.jsonl: 31
// figures, the rest of the corpus's measurements, annotated blind to the
// rules' output). Measured first: metric 0.516, subject 0.806, period
// 0.806, base 1.000; then rules were improved on what it showed.
func TestFrameBlind(t *testing.T) {
	scoreFrames(t, "testdata/frames-blind.jsonl", map[string]float64{"metric": 0.72, "subject": 0.85, "period": 0.9, "base": 0.97})
}
