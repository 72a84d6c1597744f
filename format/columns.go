package format

import (
	"strconv"
	"strings"

	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/index"
)

// Column is one CSV column of a record type: its header name and how a
// record fills it.
type Column[T any] struct {
	Name string
	Cell func(T) string
}

// Columns is a record type's column list.
type Columns[T any] []Column[T]

// Names is the header row.
func (cs Columns[T]) Names() []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// Cells is v's row.
func (cs Columns[T]) Cells(v T) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Cell(v)
	}
	return out
}

// Number writes a value as a plain decimal that spreadsheets read as a
// number (39786000000, not 3.9786e+10).
func Number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Figures are the fields of the figure contract (figures.md) in the order
// of the JSON record.
var Figures = Columns[corpus.Figure]{
	{"schema", func(f corpus.Figure) string { return f.Schema }},
	{"id", func(f corpus.Figure) string { return f.ID }},
	{"doc", func(f corpus.Figure) string { return f.Doc }},
	{"source", func(f corpus.Figure) string { return f.Source }},
	{"kind", func(f corpus.Figure) string { return string(f.Kind) }},
	{"value", func(f corpus.Figure) string { return Number(f.Value) }},
	{"value_max", func(f corpus.Figure) string {
		if f.ValueMax == nil {
			return ""
		}
		return Number(*f.ValueMax)
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
	{"page", func(f corpus.Figure) string { return positive(f.Page) }},
	{"cell", func(f corpus.Figure) string { return f.Cell }},
	{"precision", func(f corpus.Figure) string { return strconv.Itoa(f.Precision) }},
	{"rule", func(f corpus.Figure) string { return f.Rule }},
	{"warnings", func(f corpus.Figure) string { return strings.Join(f.Warnings, ";") }},
	{"dict", func(f corpus.Figure) string { return f.Dict }},
}

// Documents are a stored document's catalogue fields.
var Documents = Columns[store.DocumentRow]{
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
	{"ocr_pages", func(d store.DocumentRow) string {
		pages := make([]string, len(d.OCRPages))
		for i, p := range d.OCRPages {
			pages[i] = strconv.Itoa(p.Page)
		}
		return strings.Join(pages, ";")
	}},
	{"notes", func(d store.DocumentRow) string { return strings.Join(d.Notes, "; ") }},
}

// Entities are one name mention's fields.
var Entities = Columns[corpus.Entity]{
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
	{"page", func(e corpus.Entity) string { return positive(e.Page) }},
	{"warnings", func(e corpus.Entity) string { return strings.Join(e.Warnings, ";") }},
}

// Hits are one search hit: the sentence, where it is, and its score.
var Hits = Columns[index.Hit]{
	{"doc", func(h index.Hit) string { return h.Doc }},
	{"source", func(h index.Hit) string { return h.Source }},
	{"title", func(h index.Hit) string { return h.Title }},
	{"date", func(h index.Hit) string { return h.Date }},
	{"page", func(h index.Hit) string { return positive(h.Page) }},
	{"start", func(h index.Hit) string { return strconv.Itoa(h.Start) }},
	{"end", func(h index.Hit) string { return strconv.Itoa(h.End) }},
	{"score", func(h index.Hit) string { return strconv.FormatFloat(h.Score, 'f', 4, 64) }},
	{"figures", func(h index.Hit) string { return strconv.Itoa(len(h.Figures)) }},
	{"sentence", func(h index.Hit) string { return h.Sentence }},
}

// VerdictRow is one row of the verdict table: a claim's figure with its
// best evidence, cited.
type VerdictRow struct {
	Claim   check.Verdict
	Figure  check.FigureVerdict
	Best    check.Evidence
	HasBest bool
}

// VerdictRows flattens a verdict into rows, one per figure of the claim
// (one row for a claim without figures).
func VerdictRows(v check.Verdict) []VerdictRow {
	if len(v.Figures) == 0 {
		return []VerdictRow{{Claim: v, Figure: check.FigureVerdict{Explanation: v.Explanation}}}
	}
	rows := make([]VerdictRow, 0, len(v.Figures))
	for _, f := range v.Figures {
		r := VerdictRow{Claim: v, Figure: f}
		if len(f.Evidence) > 0 {
			r.Best, r.HasBest = f.Evidence[0], true
		}
		rows = append(rows, r)
	}
	return rows
}

// Verdicts are the verdict table's columns.
var Verdicts = Columns[VerdictRow]{
	{"claim", func(r VerdictRow) string { return r.Claim.Claim }},
	{"verdict", func(r VerdictRow) string { return r.Claim.Verdict }},
	{"figure", func(r VerdictRow) string { return r.Figure.Text }},
	{"figure_verdict", func(r VerdictRow) string { return r.Figure.Verdict }},
	{"explanation", func(r VerdictRow) string { return r.Figure.Explanation }},
	{"evidence_text", func(r VerdictRow) string { return r.Best.Text }},
	{"evidence_quote", func(r VerdictRow) string { return r.Best.Quote }},
	{"title", func(r VerdictRow) string { return r.Best.Title }},
	{"issuer", func(r VerdictRow) string { return r.Best.Issuer }},
	{"date", func(r VerdictRow) string { return r.Best.Date }},
	{"page", func(r VerdictRow) string { return positive(r.Best.Page) }},
	{"source", func(r VerdictRow) string { return r.Best.Source }},
	{"start", func(r VerdictRow) string {
		if !r.HasBest {
			return ""
		}
		return strconv.Itoa(r.Best.Start)
	}},
	{"end", func(r VerdictRow) string {
		if !r.HasBest {
			return ""
		}
		return strconv.Itoa(r.Best.End)
	}},
}

// KWIC are one keyword-in-context line's columns.
var KWIC = Columns[index.KWICLine]{
	{"left", func(l index.KWICLine) string { return l.Left }},
	{"match", func(l index.KWICLine) string { return l.Match }},
	{"right", func(l index.KWICLine) string { return l.Right }},
	{"source", func(l index.KWICLine) string { return l.Source }},
	{"doc", func(l index.KWICLine) string { return l.Doc }},
	{"start", func(l index.KWICLine) string { return strconv.Itoa(l.Start) }},
	{"end", func(l index.KWICLine) string { return strconv.Itoa(l.End) }},
}
