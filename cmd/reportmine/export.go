package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"

	"reportmine/corpus"
	"reportmine/corpus/store"
)

func runExport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "export", "figures|documents|entities [--data DIR] [--format jsonl|csv|sqlite] [--excel] [--out FILE] [filters]")
	data := dataFlag(fs)
	format := fs.String("format", "jsonl", "jsonl, csv, or sqlite (a copy of the store holding the chosen rows; needs --out)")
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
	st, err := store.Open(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	if *format == "sqlite" {
		if *out == "" {
			return fmt.Errorf("%w: --format sqlite needs --out FILE", errUsage)
		}
		return exportSQLite(ctx, st, *out, what, filter)
	}
	if *format != "jsonl" && *format != "csv" {
		return fmt.Errorf("%w: --format must be jsonl, csv or sqlite", errUsage)
	}
	w := bufio.NewWriter(e.stdout)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	defer w.Flush()
	switch what {
	case "figures":
		var fw figureWriter = newJSONLWriter(w)
		if *format == "csv" {
			fw = newCSVWriter(w, *excel)
		}
		if err := st.Figures(ctx, filter, func(r store.FigureRow) error { return fw.write(r.Figure) }); err != nil {
			return err
		}
		return fw.flush()
	case "documents":
		return exportRows(w, *format, *excel, documentColumns.names(), func(emit func(any, []string) error) error {
			return st.Documents(ctx, func(d store.DocumentRow) error { return emit(d, documentColumns.cells(d)) })
		})
	default:
		return exportRows(w, *format, *excel, entityColumns.names(), func(emit func(any, []string) error) error {
			return st.Entities(ctx, func(en corpus.Entity) error { return emit(en, entityColumns.cells(en)) })
		})
	}
}

var documentColumns = columns[store.DocumentRow]{
	{"id", func(d store.DocumentRow) string { return d.ID }},
	{"source", func(d store.DocumentRow) string { return d.Source }},
	{"url", func(d store.DocumentRow) string { return d.URL }},
	{"title", func(d store.DocumentRow) string { return d.Title }},
	{"date", func(d store.DocumentRow) string { return d.Date }},
	{"issuer", func(d store.DocumentRow) string { return d.Issuer }},
	{"kind", func(d store.DocumentRow) string { return d.Kind }},
	{"place", func(d store.DocumentRow) string { return d.Place }},
	{"authors", func(d store.DocumentRow) string { return d.Authors }},
	{"issue", func(d store.DocumentRow) string { return d.Issue }},
	{"format", func(d store.DocumentRow) string { return d.Format }},
	{"encoding", func(d store.DocumentRow) string { return d.Encoding }},
	{"pages", func(d store.DocumentRow) string { return strconv.Itoa(d.Pages) }},
	{"file_hash", func(d store.DocumentRow) string { return d.FileHash }},
	{"bytes", func(d store.DocumentRow) string { return strconv.Itoa(d.Bytes) }},
	{"duplicate_of", func(d store.DocumentRow) string { return d.DuplicateOf }},
	{"ingested_at", func(d store.DocumentRow) string { return d.IngestedAt }},
	{"extractor", func(d store.DocumentRow) string { return d.Extractor }},
	{"figures", func(d store.DocumentRow) string { return strconv.Itoa(d.Figures) }},
}

var entityColumns = columns[corpus.Entity]{
	{"doc", func(e corpus.Entity) string { return e.Doc }},
	{"source", func(e corpus.Entity) string { return e.Source }},
	{"article", func(e corpus.Entity) string { return e.Article }},
	{"kind", func(e corpus.Entity) string { return string(e.Kind) }},
	{"name", func(e corpus.Entity) string { return e.Name }},
	{"canonical", func(e corpus.Entity) string { return e.Canonical }},
	{"title", func(e corpus.Entity) string { return e.Title }},
	{"text", func(e corpus.Entity) string { return e.Text }},
	{"start", func(e corpus.Entity) string { return strconv.Itoa(e.Start) }},
	{"end", func(e corpus.Entity) string { return strconv.Itoa(e.End) }},
}

// exportRows writes rows as JSON Lines or CSV.
func exportRows(w *bufio.Writer, format string, excel bool, columns []string, each func(emit func(any, []string) error) error) error {
	if format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return each(func(v any, _ []string) error { return enc.Encode(v) })
	}
	if excel {
		w.WriteString("\ufeff")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(columns); err != nil {
		return err
	}
	if err := each(func(_ any, cells []string) error { return cw.Write(cells) }); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// exportSQLite copies the store to out and, for figures with filters,
// keeps only the chosen rows.
func exportSQLite(ctx context.Context, st *store.Store, out, what string, filter store.FigureFilter) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("export %s: file exists; choose a new name", out)
	}
	if _, err := st.DB().ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	if what != "figures" || filter == (store.FigureFilter{}) {
		return nil
	}
	return store.KeepFigures(ctx, out, filter)
}

// optionalFloat is a float flag that records whether it was set.
type optFloat struct{ value *float64 }

func optionalFloat(fs *flag.FlagSet, name, usage string) *optFloat {
	o := &optFloat{}
	fs.Func(name, usage, func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return errors.New("not a number")
		}
		o.value = &v
		return nil
	})
	return o
}
