package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"

	"reportmine/app"
	"reportmine/corpus"
	"reportmine/extract"
	"reportmine/format"
	"reportmine/ingest"
)

func runExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "extract", "[--format jsonl|csv] [--excel] [--meta FILE] [--workers N] PATH... | -")
	metaFile := metaFlag(fs)
	maxBytes := maxBytesFlag(fs)
	formatName := fs.String("format", "jsonl", "output format: jsonl or csv")
	excel := fs.Bool("excel", false, "start CSV output with a UTF-8 byte order mark so Excel reads Chinese correctly")
	workers := workersFlag(fs)
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	manifest, err := readManifest(*metaFile)
	if err != nil {
		return err
	}
	e.manifest, e.maxBytes = manifest, *maxBytes
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: extract needs at least one PATH, or - for standard input", errUsage)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	f, err := format.Parse(*formatName, *excel)
	if err != nil {
		return fmt.Errorf("%w: --%v", errUsage, err)
	}
	w := format.NewWriter(out, f, format.Figures)
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	err = mapDocuments(ctx, e, fs.Args(), *workers, x.ExtractFigures, func(doc corpus.Document, read extract.Extraction) error {
		for _, note := range append(doc.Notes, read.Notes...) {
			fmt.Fprintf(e.stderr, "reportmine: %s: %s\n", doc.Source, note)
		}
		for _, f := range read.Figures {
			if err := w.Write(f); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := w.Close(); ferr != nil {
		return ferr
	}
	return err
}

// forEachDocument hands each document of paths to fn, one at a time, as
// mapDocuments does with one worker and no work of its own.
func forEachDocument(ctx context.Context, e env, paths []string, fn func(corpus.Document) error) error {
	return mapDocuments(ctx, e, paths, 1, func(corpus.Document) struct{} { return struct{}{} },
		func(doc corpus.Document, _ struct{}) error { return fn(doc) })
}

// mapDocuments runs work on each document of paths, workers at once, and
// hands fn the results in the order of the sources. Sources that cannot
// be read are named on stderr and the batch goes on; the result is then
// errReported (exit status 1), after the whole batch.
func mapDocuments[T any](ctx context.Context, e env, paths []string, workers int, work func(corpus.Document) T, fn func(corpus.Document, T) error) error {
	failed := 0
	err := app.MapDocuments(ctx, ingest.Reader{Stdin: e.stdin, MaxBytes: e.maxBytes}, paths, e.manifest, workers, work, fn,
		func(err error) { failed++; fmt.Fprintln(e.stderr, "reportmine:", err) })
	if err != nil {
		return err
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// workersFlag declares --workers: documents read and extracted at once.
func workersFlag(fs *flag.FlagSet) *int {
	return boundedInt(fs, "workers", runtime.NumCPU(), 1, 256, "documents read and extracted in parallel (output keeps their order)")
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
