package main

import (
	"bufio"
	"context"
	"fmt"
	"reportmine/app"
	"reportmine/corpus"
	"reportmine/format"
	"strings"

	"reportmine/corpus/store"
)

func runFigures(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "figures", "[--data DIR] [--kind K] [--unit U] [--metric M] [--subject S] [--min X] [--max Y] [--year Y] [--json|--format csv]")
	data := dataFlag(fs)
	var filter store.FigureFilter
	fs.StringVar(&filter.Kind, "kind", "", "money, percent, ppt, count, quantity, duration, multiple")
	fs.StringVar(&filter.Unit, "unit", "", "CNY, %, pp, 个…")
	fs.StringVar(&filter.Metric, "metric", "", "metric contains this")
	fs.StringVar(&filter.Subject, "subject", "", "subject contains this")
	fs.StringVar(&filter.Source, "source", "", "source contains this")
	year := fs.String("year", "", "period or document date in this year")
	minV := optionalFloat(fs, "min", "value at least (1e10, or 100亿 style via search)")
	maxV := optionalFloat(fs, "max", "value at most")
	asJSON := fs.Bool("json", false, "JSON Lines, the figure records")
	formatName := fs.String("format", "text", "text, or csv")
	excel := fs.Bool("excel", false, "UTF-8 BOM before CSV")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	filter.Min, filter.Max = minV.value, maxV.value
	filter.Year = *year
	ws, err := app.Open(ctx, *data, readOptions(e, false))
	if err != nil {
		return err
	}
	defer ws.Close()
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	var fw *format.Writer[corpus.Figure]
	switch {
	case *asJSON:
		fw = format.NewWriter(w, format.JSONL, format.Figures)
	case *formatName == "csv":
		fw = format.NewWriter(w, map[bool]format.Format{false: format.CSV, true: format.Excel}[*excel], format.Figures)
	case *formatName != "text":
		return fmt.Errorf("%w: --format must be text or csv, not %q", errUsage, *formatName)
	}
	n := 0
	err = ws.Figures(ctx, filter, func(r store.FigureRow) error {
		n++
		if fw != nil {
			return fw.Write(r.Figure)
		}
		f := r.Figure
		_, err := fmt.Fprintf(w, "%s %s %s  %s | %s | %s  «%s»  %s\n", f.Kind, format.Number(f.Value), f.Unit, f.Metric, f.Subject, f.Period,
			strings.ReplaceAll(f.Text, "\n", " "), f.Source)
		return err
	})
	if err != nil {
		return err
	}
	if fw != nil {
		return fw.Close()
	}
	fmt.Fprintf(w, "%d figures\n", n)
	return nil
}
