package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"reportmine/app"
	"reportmine/corpus/store"
	"reportmine/format"
)

func runExport(ctx context.Context, e env, args []string) (err error) {
	fs := newFlags(e, "export", "figures|documents|entities [--data DIR] [--format jsonl|csv|sqlite] [--excel] [--out FILE] [filters]")
	data := dataFlag(fs)
	formatName := fs.String("format", "jsonl", "jsonl, csv, or sqlite (a copy of the store holding the chosen rows; needs --out)")
	excel := fs.Bool("excel", false, "start CSV output with a UTF-8 byte order mark")
	out := fs.String("out", "", "write to FILE instead of standard output")
	var filter store.FigureFilter
	fs.StringVar(&filter.Kind, "kind", "", "figures of this kind (money, percent, ppt, count, quantity, duration, multiple, date)")
	fs.StringVar(&filter.Unit, "unit", "", "figures in this unit (CNY, %, pp, 个…)")
	fs.StringVar(&filter.Metric, "metric", "", "figures whose metric contains this")
	fs.StringVar(&filter.Subject, "subject", "", "figures whose subject contains this")
	fs.StringVar(&filter.Source, "source", "", "documents whose source contains this")
	minV := optionalFloat(fs, "min", "figures with value at least this")
	maxV := optionalFloat(fs, "max", "figures with value at most this")
	fs.BoolVar(&filter.SkipDuplicates, "skip-duplicates", false, "leave out near-duplicate documents")
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fs.SetOutput(e.stdout)
		fs.Usage()
		if len(args) == 0 {
			return fmt.Errorf("%w: export needs figures, documents or entities", errUsage)
		}
		return nil
	}
	what := args[0]
	if ok, err := parseFlags(fs, e, args[1:]); !ok {
		return err
	}
	filter.Min, filter.Max = minV.value, maxV.value
	if what != "figures" && what != "documents" && what != "entities" {
		return fmt.Errorf("%w: export figures, documents or entities, not %q", errUsage, what)
	}
	ws, err := app.Open(ctx, *data, readOptions(e, false))
	if err != nil {
		return err
	}
	defer ws.Close()
	if *formatName == "sqlite" {
		if *out == "" {
			return fmt.Errorf("%w: --format sqlite needs --out FILE", errUsage)
		}
		return ws.ExportSQLite(ctx, *out, what == "figures", filter)
	}
	f, err := format.Parse(*formatName, *excel)
	if err != nil {
		return fmt.Errorf("%w: --%v (or sqlite)", errUsage, err)
	}
	w := bufio.NewWriter(e.stdout)
	if *out != "" {
		if err := refuseDataFile(*data, *out); err != nil {
			return err
		}
		file, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := file.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		w = bufio.NewWriter(file)
	}
	defer func() { // before the file is closed: what is written must be
		if ferr := w.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("writing %s: %w", outputName(*out), ferr)
		}
	}()
	switch what {
	case "figures":
		fw := format.NewWriter(w, f, format.Figures)
		if err := ws.Figures(ctx, filter, func(r store.FigureRow) error { return fw.Write(r.Figure) }); err != nil {
			return err
		}
		return fw.Close()
	case "documents":
		dw := format.NewWriter(w, f, format.Documents)
		if err := ws.Documents(ctx, dw.Write); err != nil {
			return err
		}
		return dw.Close()
	default:
		ew := format.NewWriter(w, f, format.Entities)
		if err := ws.Entities(ctx, ew.Write); err != nil {
			return err
		}
		return ew.Close()
	}
}

// refuseDataFile refuses an output file that is a file of the data
// directory the export reads (its store, the store's journal, the index):
// writing the export there destroyed the store.
func refuseDataFile(data, out string) error {
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil // a new file
	}
	absData, err1 := filepath.Abs(data)
	absOut, err2 := filepath.Abs(out)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absData, absOut); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%w: --out %s would overwrite a file of the data directory %s", errUsage, out, data)
		}
	}
	if storeInfo, err := os.Stat(filepath.Join(data, store.FileName)); err == nil && os.SameFile(outInfo, storeInfo) {
		return fmt.Errorf("%w: --out %s is the store of %s", errUsage, out, data)
	}
	return nil
}

// outputName names where output goes, for errors.
func outputName(out string) string {
	if out == "" {
		return "standard output"
	}
	return out
}

// optionalFloat is a float flag that records whether it was set.
type optFloat struct{ value *float64 }

func optionalFloat(fs *flag.FlagSet, name, usage string) *optFloat {
	o := &optFloat{}
	fs.Func(name, usage, func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) {
			return errors.New("not a number")
		}
		o.value = &v
		return nil
	})
	return o
}
