package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"

	"reportmine/corpus"
	"reportmine/extract"
	"reportmine/ingest"
)

func runExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "extract", "[--format jsonl|csv] [--excel] [--meta FILE] PATH... | -")
	metaFile := metaFlag(fs)
	format := fs.String("format", "jsonl", "output format: jsonl or csv")
	excel := fs.Bool("excel", false, "start CSV output with a UTF-8 byte order mark so Excel reads Chinese correctly")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	manifest, err := readManifest(*metaFile)
	if err != nil {
		return err
	}
	e.manifest = manifest
	if *format != "jsonl" && *format != "csv" {
		return fmt.Errorf("%w: --format must be jsonl or csv, not %q", errUsage, *format)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: extract needs at least one PATH, or - for standard input", errUsage)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	var w figureWriter = newJSONLWriter(out)
	if *format == "csv" {
		w = newCSVWriter(out, *excel)
	}
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	err = forEachDocument(ctx, e, fs.Args(), func(doc corpus.Document) error {
		for _, f := range x.Extract(doc) {
			if err := w.write(f); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := w.flush(); ferr != nil {
		return ferr
	}
	return err
}

// forEachDocument hands each document of paths to fn. Sources that cannot
// be read are named on stderr and the batch goes on; the result is then
// errReported (exit status 1), after the whole batch.
func forEachDocument(ctx context.Context, e env, paths []string, fn func(corpus.Document) error) error {
	failed := 0
	err := eachDocument(ctx, e, paths, fn, func(err error) { failed++; fmt.Fprintln(e.stderr, "reportmine:", err) })
	if err != nil {
		return err
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// eachDocument reads every source named by paths and hands each document,
// its structure read (metadata, articles), to fn; a source that cannot be
// read goes to fail and the rest go on.
func eachDocument(ctx context.Context, e env, paths []string, fn func(corpus.Document) error, fail func(error)) error {
	reader := ingest.Reader{Stdin: e.stdin}
	for _, src := range reader.Sources(paths) {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := reader.Read(ctx, src)
		if res.Skipped {
			continue
		}
		if res.Err != nil {
			fail(res.Err)
			continue
		}
		doc, err := structure(res.Doc, e.manifest)
		if err != nil {
			fail(err)
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}

type figureWriter interface {
	write(corpus.Figure) error
	flush() error
}

type jsonlWriter struct {
	enc *json.Encoder
}

func newJSONLWriter(w *bufio.Writer) *jsonlWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

func (j *jsonlWriter) write(f corpus.Figure) error { return j.enc.Encode(f) }
func (j *jsonlWriter) flush() error                { return nil }

type csvWriter struct {
	w      *csv.Writer
	header bool
}

func newCSVWriter(w *bufio.Writer, excel bool) *csvWriter {
	if excel {
		w.WriteString("\ufeff")
	}
	return &csvWriter{w: csv.NewWriter(w)}
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.w.Write(figureColumns.names())
}

func (c *csvWriter) write(f corpus.Figure) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.w.Write(figureColumns.cells(f))
}

func (c *csvWriter) flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// formatNumber writes a value as a plain decimal that spreadsheets read as
// a number (39786000000, not 3.9786e+10).
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// dictFlags declares the flags that extend the extractor's dictionaries.
func dictFlags(fs *flag.FlagSet) (dict, aliases *string) {
	dict = fs.String("dict", "", "user dictionary: one word per line, optional frequency and part of speech")
	aliases = fs.String("aliases", "", "alias table: canonical name followed by its aliases, tab- or comma-separated")
	return dict, aliases
}

// newExtractor builds an extractor with the user's dictionary and aliases.
func newExtractor(dictPath, aliasesPath string) (*extract.Extractor, error) {
	var opts extract.Options
	if dictPath != "" {
		f, err := os.Open(dictPath)
		if err != nil {
			return nil, fmt.Errorf("--dict: %w", err)
		}
		defer f.Close()
		if opts.Words, err = extract.ReadDict(f); err != nil {
			return nil, fmt.Errorf("--dict %s: %w", dictPath, err)
		}
	}
	if aliasesPath != "" {
		f, err := os.Open(aliasesPath)
		if err != nil {
			return nil, fmt.Errorf("--aliases: %w", err)
		}
		defer f.Close()
		opts.Aliases = extract.NewAliases()
		if err := opts.Aliases.Read(f); err != nil {
			return nil, fmt.Errorf("--aliases %s: %w", aliasesPath, err)
		}
	}
	return extract.NewWith(opts), nil
}
