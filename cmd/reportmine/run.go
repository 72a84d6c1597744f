package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"reportmine/ingest"
)

// errReported means the failure was already explained on stderr (a file
// that could not be read, a score below the bar); the exit status is 1.
var errReported = errors.New("failures reported")

// errUsage marks a command line that could not be understood (exit 2).
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// manifest is the --meta manifest of the commands that read sources
	// (extract, docs): metadata by source that wins over the text's.
	manifest *ingest.Manifest
	// maxBytes bounds one local source (--max-bytes; 0: the default).
	maxBytes int64
}

type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands is filled in init: the demo command runs the others.
var commands map[string]command

func init() {
	commands = map[string]command{
		"extract":   {"extract figures from reports as JSON Lines or CSV", runExtract},
		"eval":      {"score the extractor against a gold set", runEval},
		"docs":      {"list documents and the articles of magazine pages, with their metadata", runDocs},
		"entities":  {"list the organisations, projects, places and people named in reports", runEntities},
		"ingest":    {"read sources into the corpus store, with figures and names", runIngest},
		"crawl":     {"follow a news site's list pages to its articles and ingest them", runCrawl},
		"export":    {"write stored figures, documents or entities as JSON Lines, CSV or SQLite", runExport},
		"search":    {"search the corpus in Chinese: phrases, filters, figures by value, facets", runSearch},
		"reindex":   {"rebuild the search index from the store", runReindex},
		"kwic":      {"keyword in context: every match with the words around it", runKWIC},
		"figures":   {"list stored figures by kind, unit, metric, subject, value and year", runFigures},
		"demo":      {"ingest examples/ into a temporary store and show extraction and search", runDemo},
		"check":     {"check claims against the corpus: supported, contradicted, conflicting or not found", runCheck},
		"serve":     {"serve the web application and the HTTP API over a corpus", runServe},
		"conflicts": {"find figures the corpus reports differently in different documents", runConflicts},
	}
}

// run is the whole command, given its arguments and output streams;
// input (claims or a document on standard input, "-") is the process's.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runWith(ctx, args, os.Stdin, stdout, stderr)
}

// runWith is run reading standard input from stdin: tests give their own.
func runWith(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	out := &checkedWriter{w: stdout}
	err := dispatch(ctx, args, stdin, out, stderr)
	if err == nil && out.err != nil {
		// A full disk or a closed pipe: the output is cut short, which
		// must not pass for success.
		err = fmt.Errorf("writing the output: %w", out.err)
	}
	return err
}

// checkedWriter remembers the first error writing to w and fails every
// write after it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return cmd.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "reportmine: figures from Chinese government reports")
	fmt.Fprintln(w, "\nusage: reportmine COMMAND [flags] ...")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'reportmine COMMAND --help' for a command's flags.")
}

// newFlags makes a flag set that prints its help to stdout on --help and
// reports errors instead of exiting.
func newFlags(e env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: reportmine %s %s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, treating --help as success: flags may come
// before or after the arguments (search 发展 --limit 1), and -- ends them.
// Usage is printed once: on --help to stdout, on a bad flag to stderr.
func parseFlags(fs *flag.FlagSet, e env, args []string) (bool, error) {
	fs.SetOutput(io.Discard)
	err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(e.stdout)
		fs.Usage()
		return false, nil
	}
	fs.SetOutput(e.stderr)
	if err != nil {
		fs.Usage()
		return false, fmt.Errorf("%w: %s", errUsage, strings.TrimSpace(err.Error()))
	}
	return true, nil
}

// parseInterleaved parses flags wherever they stand among the arguments;
// everything after -- is an argument, and so is a word that only looks
// like a flag: a negated search term (search 开发区 -经开区).
func parseInterleaved(fs *flag.FlagSet, args []string) error {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var positional []string
	for {
		cut := slices.IndexFunc(args, negation)
		if cut < 0 {
			cut = len(args)
		}
		if err := fs.Parse(args[:cut]); err != nil {
			return err
		}
		args = append(fs.Args(), args[cut:]...)
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, append(positional, rest...)...))
}

// negation tells a negated term (-经开区, -"同比 下降") from a flag: flag
// names are ASCII letters.
func negation(arg string) bool {
	term, ok := strings.CutPrefix(arg, "-")
	if !ok || term == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(term)
	return r >= utf8.RuneSelf || r == '"'
}

// boundedInt declares an integer flag that refuses values outside
// [lo, hi] when it is parsed, naming the bounds (a usage error, exit 2).
func boundedInt(fs *flag.FlagSet, name string, def, lo, hi int, usage string) *int {
	v := def
	fs.Func(name, fmt.Sprintf("%s (%d to %d, default %d)", usage, lo, hi, def), func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil {
			return errors.New("not a whole number")
		}
		if n < lo || n > hi {
			return fmt.Errorf("must be from %d to %d", lo, hi)
		}
		v = n
		return nil
	})
	return &v
}

// boundedFloat is boundedInt for a number.
func boundedFloat(fs *flag.FlagSet, name string, def, lo, hi float64, usage string) *float64 {
	v := def
	fs.Func(name, fmt.Sprintf("%s (%g to %g, default %g)", usage, lo, hi, def), func(s string) error {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) {
			return errors.New("not a number")
		}
		if f < lo || f > hi {
			return fmt.Errorf("must be from %g to %g", lo, hi)
		}
		v = f
		return nil
	})
	return &v
}

// boundedDuration is boundedInt for a duration (1s, 2m30s).
func boundedDuration(fs *flag.FlagSet, name string, def, lo, hi time.Duration, usage string) *time.Duration {
	v := def
	fs.Func(name, fmt.Sprintf("%s (%s to %s, default %s)", usage, lo, hi, def), func(s string) error {
		d, err := time.ParseDuration(s)
		if err != nil {
			return errors.New("not a duration (such as 1s or 2m30s)")
		}
		if d < lo || d > hi {
			return fmt.Errorf("must be from %s to %s", lo, hi)
		}
		v = d
		return nil
	})
	return &v
}

// fetcherFlags declares the flags of downloads: the per-URL deadline.
// The fetcher they make reports a slow URL on stderr (ingest.Download).
func fetcherFlags(fs *flag.FlagSet, e env) func() *ingest.Fetcher {
	deadline := boundedDuration(fs, "url-deadline", 2*time.Minute, time.Second, 24*time.Hour,
		"longest time one URL may take, retries included")
	return func() *ingest.Fetcher {
		f := ingest.NewFetcher()
		f.Deadline = *deadline
		var mu sync.Mutex
		f.Progress = func(d ingest.Download) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintln(e.stderr, "reportmine:", d)
		}
		return f
	}
}

// ocrFlags declares the flags of OCR for scanned PDF pages; the OCR they
// make reports each page read on stderr.
func ocrFlags(fs *flag.FlagSet, e env) func() ingest.OCR {
	langs := fs.String("ocr-lang", "", "Tesseract languages for scanned pages (chi_sim, chi_tra, eng, joined by +; default chi_sim, then chi_tra for a page it reads poorly)")
	off := fs.Bool("no-ocr", false, "refuse PDF pages without a text layer instead of reading them by OCR")
	workers := boundedInt(fs, "ocr-workers", 0, 0, 64, "scanned pages read at once (0: the cores, at most 4)")
	return func() ingest.OCR {
		var mu sync.Mutex
		return ingest.OCR{Off: *off, Languages: *langs, Workers: *workers, Progress: func(p ingest.OCRProgress) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(e.stderr, "reportmine: %s: OCR page %d (%d of %d)\n", p.Source, p.Page, p.Done, p.Pages)
		}}
	}
}
