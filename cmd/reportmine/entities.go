package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"reportmine/corpus"
)

func runEntities(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "entities", "[--dict FILE] [--aliases FILE] [--workers N] PATH... | -")
	dict, aliases := dictFlags(fs)
	workers := workersFlag(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: entities needs at least one PATH, or - for standard input", errUsage)
	}
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return mapDocuments(ctx, e, fs.Args(), *workers, x.Entities, func(doc corpus.Document, ents []corpus.Entity) error {
		for _, ent := range ents {
			if err := enc.Encode(ent); err != nil {
				return err
			}
		}
		return nil
	})
}
