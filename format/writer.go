package format

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"reportmine/check"
)

// Format is an output encoding.
type Format string

// The encodings every list can be written in.
const (
	JSONL Format = "jsonl" // one JSON record per line
	CSV   Format = "csv"   // a header row, then one row per record
	Excel Format = "excel" // CSV after a UTF-8 byte order mark, which Excel needs to read Chinese
)

// Parse reads a format name; excel turns csv into Excel's CSV.
func Parse(name string, excel bool) (Format, error) {
	switch Format(name) {
	case JSONL:
		return JSONL, nil
	case CSV:
		if excel {
			return Excel, nil
		}
		return CSV, nil
	case Excel:
		return Excel, nil
	}
	return "", fmt.Errorf("format must be jsonl or csv, not %q", name)
}

// Writer encodes a stream of records of one type. Close writes the CSV
// header even when no record came, so an empty result is still a table.
type Writer[T any] struct {
	w       io.Writer
	format  Format
	enc     *json.Encoder
	csv     *csv.Writer
	header  []string
	rows    func(T) [][]string
	started bool
}

// NewWriter writes records one row each, with cols.
func NewWriter[T any](w io.Writer, f Format, cols Columns[T]) *Writer[T] {
	return newWriter(w, f, cols.Names(), func(v T) [][]string { return [][]string{cols.Cells(v)} })
}

// NewVerdictWriter writes verdicts: whole as JSON Lines, a row per claim
// figure as CSV.
func NewVerdictWriter(w io.Writer, f Format) *Writer[check.Verdict] {
	return newWriter(w, f, Verdicts.Names(), func(v check.Verdict) [][]string {
		var out [][]string
		for _, r := range VerdictRows(v) {
			out = append(out, Verdicts.Cells(r))
		}
		return out
	})
}

func newWriter[T any](w io.Writer, f Format, header []string, rows func(T) [][]string) *Writer[T] {
	out := &Writer[T]{w: w, format: f, header: header, rows: rows}
	if f == JSONL {
		out.enc = json.NewEncoder(w)
		out.enc.SetEscapeHTML(false)
	} else {
		out.csv = csv.NewWriter(w)
	}
	return out
}

func (w *Writer[T]) start() error {
	if w.started || w.format == JSONL {
		w.started = true
		return nil
	}
	w.started = true
	if w.format == Excel {
		if _, err := io.WriteString(w.w, "\ufeff"); err != nil {
			return err
		}
	}
	return w.csv.Write(w.header)
}

// Write encodes one record.
func (w *Writer[T]) Write(v T) error {
	if err := w.start(); err != nil {
		return err
	}
	if w.enc != nil {
		return w.enc.Encode(v)
	}
	for _, row := range w.rows(v) {
		if err := w.csv.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the output (it does not close the underlying writer).
func (w *Writer[T]) Close() error {
	if err := w.start(); err != nil {
		return err
	}
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}
