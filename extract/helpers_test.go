package extract

import (
	"strconv"
	"strings"
	"testing"

	"reportmine/corpus"
)

// testExtractor is shared by the tests so the word dictionary loads once.
var testExtractor = New()

// describe renders a figure in the compact form the table tests use:
// "kind value[..max] unit [approx] [min|max] [up|down]", with the value
// written in full ("money 4660000000 CNY", "duration 3..5 year approx").
func describe(f corpus.Figure) string {
	var sb strings.Builder
	sb.WriteString(string(f.Kind))
	sb.WriteByte(' ')
	sb.WriteString(strconv.FormatFloat(f.Value, 'f', -1, 64))
	if f.ValueMax != nil {
		sb.WriteString("..")
		sb.WriteString(strconv.FormatFloat(*f.ValueMax, 'f', -1, 64))
	}
	sb.WriteByte(' ')
	sb.WriteString(f.Unit)
	if f.Approx {
		sb.WriteString(" approx")
	}
	if f.Bound != "" {
		sb.WriteString(" " + f.Bound)
	}
	if f.Change != "" {
		sb.WriteString(" " + f.Change)
	}
	return sb.String()
}

// amounts extracts text and describes its figures, leaving out dates unless
// withDates is set.
func amounts(t *testing.T, text string, withDates bool) []string {
	t.Helper()
	doc := corpus.NewDocument("test.txt", []byte(text))
	var out []string
	for _, f := range testExtractor.Extract(doc) {
		if f.Text != doc.Raw[f.Start:f.End] {
			t.Errorf("%q: figure text %q is not raw[%d:%d] = %q", text, f.Text, f.Start, f.End, doc.Raw[f.Start:f.End])
		}
		if f.Kind == corpus.KindDate && !withDates {
			continue
		}
		out = append(out, describe(f))
	}
	return out
}

// figureCase is one line of a table test: a sentence and the figures it
// must give, in order, in describe's form. An empty want means no figure.
type figureCase struct {
	in   string
	want []string
}

func runFigureCases(t *testing.T, cases []figureCase, withDates bool) {
	t.Helper()
	for _, c := range cases {
		got := amounts(t, c.in, withDates)
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("%s\n  got  %q\n  want %q", c.in, got, c.want)
		}
	}
}
