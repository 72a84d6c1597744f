package ingest

import (
	"errors"
	"fmt"
	"unicode"
)

// ErrImplausible is the error for text that decoded without error but
// cannot be what its author wrote: replacement characters where bytes
// were broken, or Chinese read in a Western encoding.
var ErrImplausible = errors.New("implausible text")

// Shares of the non-space characters above which decoded text is refused,
// and the least number of suspect characters that can decide it (a stray
// é in a Chinese report, or one broken byte at a page's end, is no
// evidence).
const (
	maxReplacementShare = 0.02
	maxMojibakeShare    = 0.20
	minSuspect          = 8
)

// checkPlausible refuses decoded text with a high share of U+FFFD (a
// wrong or damaged encoding) or of the Latin-1 and Windows-1252 letters
// and signs that Chinese bytes turn into when read as a Western encoding
// (GBK "中国" read as Windows-1252 is "ÖÐ¹ú"). A real Western text has a
// few accented letters among many plain ones; mojibake has almost nothing
// else.
func checkPlausible(text string) error {
	var total, replaced, western int
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '\uFFFD':
			replaced++
		case isMojibakeRune(r):
			western++
		}
		total++
	}
	if total == 0 {
		return nil
	}
	if replaced >= minSuspect && float64(replaced) > maxReplacementShare*float64(total) {
		return fmt.Errorf("%w: %d of %d characters (%.0f%%) are U+FFFD replacement characters (a wrong encoding declared, or a damaged file)",
			ErrImplausible, replaced, total, 100*float64(replaced)/float64(total))
	}
	if western >= minSuspect && float64(western) > maxMojibakeShare*float64(total) {
		return fmt.Errorf("%w: %d of %d characters (%.0f%%) are Latin-1 letters and signs, as Chinese text read in a Western encoding looks (mojibake); declare the right charset",
			ErrImplausible, western, total, 100*float64(western)/float64(total))
	}
	return nil
}

// isMojibakeRune reports the characters that bytes 0x80–0xFF become in
// ISO-8859-1 and Windows-1252, less the signs Chinese reports use
// themselves (·, ×, °, ±, quotation marks, dashes, the ellipsis).
func isMojibakeRune(r rune) bool {
	switch r {
	case '·', '×', '÷', '°', '±', '²', '³', '¥', '§', 'µ', '¼', '½', '¾':
		return false
	case '€', '‚', 'ƒ', '„', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž', '˜', '™', 'š', '›', 'œ', 'ž', 'Ÿ':
		return true
	}
	return r >= 0x80 && r <= 0xff
}
