package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"reportmine/corpus"
)

// docRecord is one line of `reportmine docs`: a document, or one article
// of a multi-article page, with its metadata.
type docRecord struct {
	Doc     string      `json:"doc"`
	Article string      `json:"article,omitempty"`
	Source  string      `json:"source"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Bytes   int         `json:"bytes"`
	Meta    corpus.Meta `json:"meta"`
	Preview string      `json:"preview"`
}

func runDocs(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "docs", "[--meta FILE] PATH... | -")
	metaFile := metaFlag(fs)
	maxBytes := maxBytesFlag(fs)
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
		return fmt.Errorf("%w: docs needs at least one PATH, or - for standard input", errUsage)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return forEachDocument(ctx, e, fs.Args(), func(doc corpus.Document) error {
		for _, a := range doc.Parts() {
			rec := docRecord{Doc: doc.ID, Source: doc.Source, Start: a.Start, End: a.End, Bytes: a.Len(), Meta: a.Meta,
				Preview: preview(a.Text(doc.Raw), 40)}
			if len(doc.Articles) > 0 {
				rec.Article = a.ID
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// preview is the first n characters of s with whitespace squeezed out.
func preview(s string, n int) string {
	var out []rune
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u3000' {
			continue
		}
		out = append(out, r)
		if len(out) == n {
			break
		}
	}
	return string(out)
}
