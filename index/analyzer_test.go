package index

import (
	"slices"
	"testing"
)

// TestTerms: what the analyzer makes of numbers, letters and marks, the
// tokens every text query and every index term are built from.
func TestTerms(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"增加9 800個", []string{"增", "加", "9800", "个"}}, // thousands grouped by a space, as the extractor reads them
		{"1 234 567人", []string{"1234567", "人"}},
		{"１ ５００个", []string{"1500", "个"}},
		{"2023 456", []string{"2023", "456"}}, // two numbers, not one
		{"12 3456", []string{"12", "3456"}},
		{"5.2 300", []string{"5.2", "300"}},
		{"GDP 500", []string{"gdp", "500"}},
		{"5.2%，56GW", []string{"5.2%", "56gw"}},
		{"Ⅱ类水质", []string{"ⅱ", "类", "水", "质"}},
		{"①项", []string{"①", "项"}},
	} {
		var got []string
		for _, tok := range Terms(c.text) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestMarksAreOneGap: a run of marks, spaces among them, advances the
// position once, so a phrase matches whatever run of marks the text has.
func TestMarksAreOneGap(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int
	}{
		{"改革、发展", []int{1, 2, 4, 5}},
		{"改革、、发展", []int{1, 2, 4, 5}},
		{"改革—— 、发展", []int{1, 2, 4, 5}},
		{"，改革", []int{2, 3}},
	} {
		var got []int
		for _, tok := range Terms(c.text) {
			got = append(got, tok.Position)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: positions %v, want %v", c.text, got, c.want)
		}
	}
}

// FuzzTerms: any text gives tokens in order, inside the text, positions
// rising, none empty, and no panic.
func FuzzTerms(f *testing.F) {
	for _, s := range []string{"增加9 800個", "1 234 567人", "改革、、发展", "5.2%", "Ⅱ类", "3 ", " 500", "1 2345", "\xff 123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end, pos := 0, 0
		for _, tok := range Terms(s) {
			if tok.Start < end || tok.End <= tok.Start || tok.End > len(s) || len(tok.Term) == 0 || tok.Position <= pos {
				t.Fatalf("%q: token %q at %d-%d position %d after %d-%d", s, tok.Term, tok.Start, tok.End, tok.Position, end, pos)
			}
			end, pos = tok.End, tok.Position
		}
	})
}
