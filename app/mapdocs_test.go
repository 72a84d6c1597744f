package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"reportmine/corpus"
	"reportmine/ingest"
)

// TestMapDocumentsKeepsOrder: work on many documents at once, the slow
// ones first, still hands results and failures over in the sources'
// order, and an error from fn stops the rest without leaving a goroutine
// waiting.
func TestMapDocumentsKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	var paths, want []string
	for i := range 24 {
		name := filepath.Join(dir, fmt.Sprintf("r%02d.txt", i))
		text := fmt.Sprintf("第%d份报告：全市生产总值增长%d%%。", i, i)
		if i%7 != 3 { // the others are named but missing: they fail
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		paths = append(paths, name)
		if i%7 == 3 {
			want = append(want, "fail "+filepath.Base(name))
		} else {
			want = append(want, filepath.Base(name))
		}
	}
	slow := func(doc corpus.Document) string {
		// earlier documents take longer, so that later ones finish first
		n := 0
		fmt.Sscanf(filepath.Base(doc.Source), "r%02d.txt", &n)
		time.Sleep(time.Duration(24-n) * time.Millisecond)
		return filepath.Base(doc.Source)
	}
	var got []string
	fail := func(err error) {
		for _, p := range paths {
			if strings.Contains(err.Error(), p) {
				got = append(got, "fail "+filepath.Base(p))
				return
			}
		}
		got = append(got, "fail ?"+err.Error())
	}
	err := MapDocuments(context.Background(), ingest.Reader{}, paths, nil, 4, slow, func(_ corpus.Document, name string) error {
		got = append(got, name)
		return nil
	}, fail)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got  %v\n want %v", got, want)
	}

	stop := errors.New("enough")
	seen := 0
	err = MapDocuments(context.Background(), ingest.Reader{}, paths, nil, 4, slow, func(corpus.Document, string) error {
		if seen++; seen == 5 {
			return stop
		}
		return nil
	}, func(error) {})
	if !errors.Is(err, stop) || seen != 5 {
		t.Errorf("after fn's error: %v, %d documents handed over", err, seen)
	}
}

// TestMapDocumentsSurvivesAFault: a fault while working on one document
// (an extractor bug) fails that document with an error naming it, and the
// others are still worked on.
func TestMapDocumentsSurvivesAFault(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 3 {
		name := filepath.Join(dir, fmt.Sprintf("r%d.txt", i))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("全市生产总值增长%d%%。", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, name)
	}
	work := func(doc corpus.Document) string {
		if strings.HasSuffix(doc.Source, "r1.txt") {
			var fs []int
			_ = fs[3] // out of range
		}
		return filepath.Base(doc.Source)
	}
	var done, failed []string
	err := MapDocuments(context.Background(), ingest.Reader{}, paths, nil, 2, work, func(_ corpus.Document, name string) error {
		done = append(done, name)
		return nil
	}, func(err error) { failed = append(failed, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []string{"r0.txt", "r2.txt"}) {
		t.Errorf("worked on %v, want r0.txt and r2.txt", done)
	}
	if len(failed) != 1 || !strings.Contains(failed[0], paths[1]) || !strings.Contains(failed[0], "internal error") {
		t.Errorf("failures %q, want one naming %s", failed, paths[1])
	}
}
