package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"reportmine/corpus"
	"reportmine/extract"
	"reportmine/format"
)

func runEval(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "eval", "--gold GOLD.jsonl [--verbose] [--frames] [--min-f1 X] [--workers N] PATH...")
	workers := workersFlag(fs)
	goldPath := fs.String("gold", "", "gold set: JSON Lines of {doc, kind, value, unit, quote, optional, approx, bound, change, value_max, range, start, end, metric, subject, period, base}")
	frames := fs.Bool("frames", false, "also score metric, subject, period and base against the gold's accepted answers")
	verbose := fs.Bool("verbose", false, "list every missed gold figure and every extra prediction with its quote")
	minF1 := boundedFloat(fs, "min-f1", 0, 0, 1, "exit with status 1 when F1 is below this")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if *goldPath == "" || fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval needs --gold and at least one PATH", errUsage)
	}
	gold, err := readGoldFile(*goldPath)
	if err != nil {
		return err
	}
	var preds []corpus.Figure
	x := extract.New()
	readErr := mapDocuments(ctx, e, fs.Args(), *workers, x.Extract, func(_ corpus.Document, figs []corpus.Figure) error {
		preds = append(preds, figs...)
		return nil
	})
	if readErr != nil && !errors.Is(readErr, errReported) {
		return readErr
	}
	score := extract.Evaluate(gold, preds)
	printScore(e, score, *verbose, *frames)
	if readErr != nil {
		return readErr
	}
	if score.F1() < *minF1 {
		fmt.Fprintf(e.stderr, "reportmine: F1 %.3f is below --min-f1 %.3f\n", score.F1(), *minF1)
		return errReported
	}
	return nil
}

func readGoldFile(path string) ([]extract.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	defer f.Close()
	gold, err := extract.ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return gold, nil
}

func printScore(e env, s extract.Score, verbose, frames bool) {
	for _, d := range s.Docs {
		fmt.Fprintf(e.stdout, "%s: gold %d  tp %d  fn %d  fp %d\n", d.Doc, d.Gold, d.TP, d.FN, d.FP)
		if !verbose {
			continue
		}
		for _, g := range d.Missed {
			fmt.Fprintf(e.stdout, "   missed  %s %s %s  «%s»\n", g.Kind, format.Number(g.Value), g.Unit, g.Quote)
		}
		for _, p := range d.Extra {
			fmt.Fprintf(e.stdout, "   extra   %s %s %s  «%s»  (%s)\n", p.Kind, format.Number(p.Value), p.Unit, p.Text, p.Rule)
		}
	}
	if frames {
		fmt.Fprint(e.stdout, "frames")
		for k, name := range extract.FrameNames() {
			fmt.Fprintf(e.stdout, " %s %.3f (%d/%d)", name, s.FrameAccuracy(k), s.FrameRight[k], s.FrameChecked[k])
		}
		if s.TargetChecked > 0 {
			fmt.Fprintf(e.stdout, " target %.3f (%d/%d; targets found %d/%d)", s.TargetAccuracy(), s.TargetRight, s.TargetChecked, s.TargetsFound, s.Targets)
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintf(e.stdout, "precision %.3f recall %.3f f1 %.3f qualifiers %.3f (%d/%d)\n",
		s.Precision(), s.Recall(), s.F1(), s.QualifierAccuracy(), s.QualifiersRight, s.QualifiersChecked)
}
