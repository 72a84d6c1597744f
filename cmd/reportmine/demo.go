package main

import (
	"context"
	"fmt"
	"os"
)

// runDemo ingests documents into a temporary data directory and shows what
// reportmine does with them: figures, a phrase search, a figure search and
// keyword in context. It is the README's main-job command.
func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "demo", "[PATH...]  (default: examples/)")
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"examples"}
	}
	dir, err := os.MkdirTemp("", "reportmine-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	steps := []struct {
		title string
		args  []string
	}{
		{"ingest: read the reports, extract figures and names, store and index them", append([]string{"ingest", "--data", dir}, paths...)},
		{"figures --kind money --min 1e9: amounts of at least 10亿元", []string{"figures", "--data", dir, "--kind", "money", "--min", "1e9"}},
		{"search 总投资: the phrase, also where PDF spacing split it (总 投 资)", []string{"search", "--data", dir, "--limit", "3", "总投资"}},
		{"search kind:percent change: growth rates between 5% and 10%", []string{"search", "--data", dir, "--limit", "3", "kind:percent", "value:5..10", "增长"}},
		{"kwic 亿元: every amount in context", []string{"kwic", "--data", dir, "--limit", "5", "亿元"}},
	}
	for _, s := range steps {
		fmt.Fprintf(e.stdout, "\n=== reportmine %s\n", s.title)
		if err := runWith(ctx, s.args, e.stdin, e.stdout, e.stderr); err != nil && err != errReported {
			return err
		}
	}
	return nil
}
