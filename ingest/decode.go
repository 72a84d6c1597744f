package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText finds the encoding of a plain-text file and returns its text
// as UTF-8 with the encoding's name. A byte-order mark decides; else valid
// UTF-8 is UTF-8; else GB18030 and Big5 are both tried and the reading
// with more of the most common Chinese characters wins.
func decodeText(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xef, 0xbb, 0xbf}):
		if utf8.Valid(raw[3:]) {
			return string(raw), "UTF-8", nil // the BOM stays: offsets are into the file
		}
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		return decodeWith(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE")
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return decodeWith(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE")
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return "", "", fmt.Errorf("%w: NUL byte at offset %d (binary file?)", ErrNotText, i)
	}
	if utf8.Valid(raw) {
		return string(raw), "UTF-8", nil
	}
	if mostlyUTF8(raw) {
		// A UTF-8 file with a few broken bytes (cut short mid-character,
		// a bad sector) is UTF-8; they become U+FFFD, as an editor shows
		// them, rather than the whole file being refused.
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "UTF-8", nil
	}
	best, bestName, bestScore := "", "", -1.0
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{{simplifiedchinese.GB18030, "GB18030"}, {traditionalchinese.Big5, "Big5"}} {
		text, err := c.enc.NewDecoder().Bytes(raw)
		if err != nil {
			continue
		}
		if s := plausibility(string(text)); s > bestScore {
			best, bestName, bestScore = string(text), c.name, s
		}
	}
	if bestScore < 0.05 {
		return "", "", fmt.Errorf("%w: not UTF-8, and neither GB18030 nor Big5 reads as Chinese text", ErrNotText)
	}
	return best, bestName, nil
}

// mostlyUTF8 reports bytes that are UTF-8 but for a few broken bytes: at
// most one in a thousand, or three (a character cut short).
func mostlyUTF8(raw []byte) bool {
	bad := brokenUTF8(raw)
	return bad > 0 && (bad <= 3 || bad*1000 <= len(raw))
}

func decodeWith(raw []byte, enc encoding.Encoding, name string) (string, string, error) {
	text, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("%w: %s: %v", ErrNotText, name, err)
	}
	return string(text), name, nil
}

// commonHan are the most frequent Chinese characters, written the same in
// simplified and traditional script, and a few of each script's own.
const commonHan = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严們國會發經這為過來對時說個產開現關從後"

var commonHanSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range commonHan {
		m[r] = true
	}
	return m
}()

// plausibility is the share of Han characters in text that are common ones:
// a wrong decoding scatters over rare characters.
func plausibility(text string) float64 {
	han, common := 0, 0
	for _, r := range text {
		if r >= 0x4e00 && r <= 0x9fff {
			han++
			if commonHanSet[r] {
				common++
			}
		}
	}
	if han == 0 {
		return 0
	}
	return float64(common) / float64(han)
}

// brokenUTF8 counts the bytes of raw that are not part of a UTF-8
// character (decodeText reads them as U+FFFD in a mostly UTF-8 file).
func brokenUTF8(raw []byte) int {
	n := 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}
