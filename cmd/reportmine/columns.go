package main

import (
	"strconv"
	"strings"

	"reportmine/corpus"
)

// column is one CSV column of a record type: its header name and how a
// record fills it. A record's column list drives both the header and every
// row, so the two cannot drift apart.
type column[T any] struct {
	name string
	cell func(T) string
}

type columns[T any] []column[T]

func (cs columns[T]) names() []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.name
	}
	return out
}

func (cs columns[T]) cells(v T) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.cell(v)
	}
	return out
}

// figureColumns are the fields of the figure contract (figures.md) in the
// order of the JSON record; numbers are plain decimals a spreadsheet reads.
var figureColumns = columns[corpus.Figure]{
	{"schema", func(f corpus.Figure) string { return f.Schema }},
	{"id", func(f corpus.Figure) string { return f.ID }},
	{"doc", func(f corpus.Figure) string { return f.Doc }},
	{"source", func(f corpus.Figure) string { return f.Source }},
	{"kind", func(f corpus.Figure) string { return string(f.Kind) }},
	{"value", func(f corpus.Figure) string { return formatNumber(f.Value) }},
	{"value_max", func(f corpus.Figure) string {
		if f.ValueMax == nil {
			return ""
		}
		return formatNumber(*f.ValueMax)
	}},
	{"unit", func(f corpus.Figure) string { return f.Unit }},
	{"approx", func(f corpus.Figure) string { return strconv.FormatBool(f.Approx) }},
	{"bound", func(f corpus.Figure) string { return f.Bound }},
	{"change", func(f corpus.Figure) string { return f.Change }},
	{"text", func(f corpus.Figure) string { return f.Text }},
	{"surface", func(f corpus.Figure) string { return f.Surface }},
	{"start", func(f corpus.Figure) string { return strconv.Itoa(f.Start) }},
	{"end", func(f corpus.Figure) string { return strconv.Itoa(f.End) }},
	{"sentence", func(f corpus.Figure) string { return f.Sentence }},
	{"metric", func(f corpus.Figure) string { return f.Metric }},
	{"subject", func(f corpus.Figure) string { return f.Subject }},
	{"period", func(f corpus.Figure) string { return f.Period }},
	{"period_from", func(f corpus.Figure) string { return f.PeriodFrom }},
	{"period_to", func(f corpus.Figure) string { return f.PeriodTo }},
	{"base", func(f corpus.Figure) string { return f.Base }},
	{"target", func(f corpus.Figure) string { return strconv.FormatBool(f.Target) }},
	{"article", func(f corpus.Figure) string { return f.Article }},
	{"page", func(f corpus.Figure) string {
		if f.Page == 0 {
			return ""
		}
		return strconv.Itoa(f.Page)
	}},
	{"precision", func(f corpus.Figure) string { return strconv.Itoa(f.Precision) }},
	{"rule", func(f corpus.Figure) string { return f.Rule }},
	{"warnings", func(f corpus.Figure) string { return strings.Join(f.Warnings, ";") }},
	{"dict", func(f corpus.Figure) string { return f.Dict }},
}
