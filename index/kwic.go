package index

import "strings"

// KWICLine is one keyword-in-context line: a match with the characters
// around it.
type KWICLine struct {
	Left   string `json:"left"`
	Match  string `json:"match"`
	Right  string `json:"right"`
	Source string `json:"source"`
	Doc    string `json:"doc"`
	Start  int    `json:"start"` // byte offset of the match in the document
	End    int    `json:"end"`
}

// KWIC lines up every highlighted match of the hits with width
// characters of context on each side, each on one line.
func KWIC(hits []Hit, width int) []KWICLine {
	var lines []KWICLine
	for _, h := range hits {
		for _, sp := range h.Highlights {
			lines = append(lines, KWICLine{
				Left:  lastRunes(oneLine(h.Sentence[:sp[0]]), width),
				Match: oneLine(h.Sentence[sp[0]:sp[1]]), Right: firstRunes(oneLine(h.Sentence[sp[1]:]), width),
				Source: h.Source, Doc: h.Doc, Start: h.Start + sp[0], End: h.Start + sp[1],
			})
		}
	}
	return lines
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

func lastRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		rs = rs[len(rs)-n:]
	}
	return string(rs)
}

func firstRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		rs = rs[:n]
	}
	return string(rs)
}
