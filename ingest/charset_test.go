package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestHTMLWithoutCharset: a GBK page and a UTF-8 page whose first
// kilobytes are ASCII, neither declaring a charset, are read as the
// Chinese they are, never as Windows-1252 mojibake.
func TestHTMLWithoutCharset(t *testing.T) {
	body := "<html><head><title>青河市统计公报</title></head><body><div class=\"article\"><p>全年地区生产总值2455.8亿元，比上年增长5.8%。</p></div></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	asciiFirst := "<!-- " + strings.Repeat("x", 3000) + " -->" + body
	for name, raw := range map[string]string{"gbk.html": gbk, "utf8.html": asciiFirst} {
		res := Reader{}.ReadBytes(context.Background(), name, []byte(raw), "text/html")
		if res.Err != nil {
			t.Fatalf("%s: %v", name, res.Err)
		}
		if !strings.Contains(res.Doc.Raw, "地区生产总值2455.8亿元") {
			t.Errorf("%s read as %s: %.80q", name, res.Doc.Encoding, res.Doc.Raw)
		}
	}
	latin := []byte("<html><body><p>caf\xe9 cr\xe8me br\xfbl\xe9e " + strings.Repeat("\xe9", 50) + "</p></body></html>")
	if res := (Reader{}).ReadBytes(context.Background(), "latin.html", latin, "text/html"); res.Err == nil {
		t.Errorf("a page that is not Chinese in any encoding was stored as %s", res.Doc.Encoding)
	}
}

// TestImplausibleTextRefused: text that decodes without error but is
// mojibake or mostly replacement characters is refused with its reason;
// a Chinese report with a few ×, ° and “” and one broken byte is kept.
func TestImplausibleTextRefused(t *testing.T) {
	report := "全年粮食总产量达到1250万吨，比上年增长2.1%。“十四五”规划实施顺利，气温-5°C×3。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Repeat(report, 3))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, raw, contentType string
		refused                bool
	}{
		{"declared-latin1.html", "<html><body><p>" + gbk + "</p></body></html>", "text/html; charset=iso-8859-1", true},
		{"meta-utf8.html", "<html><head><meta charset=\"utf-8\"></head><body><p>" + gbk + "</p></body></html>", "", true},
		{"report.html", "<html><head><meta charset=\"utf-8\"></head><body><p>" + strings.Repeat(report, 3) + "\xe5</p></body></html>", "", false},
		{"report.txt", strings.Repeat(report, 3), "", false},
		{"french.txt", strings.Repeat("Le café du matin, très léger, à la française. ", 5), "", false},
	}
	for _, c := range cases {
		res := Reader{}.ReadBytes(context.Background(), c.name, []byte(c.raw), c.contentType)
		switch {
		case c.refused && res.Err == nil:
			t.Errorf("%s: stored as %s: %.60q", c.name, res.Doc.Encoding, res.Doc.Raw)
		case c.refused && !errors.Is(res.Err, ErrImplausible):
			t.Errorf("%s: refused for another reason: %v", c.name, res.Err)
		case !c.refused && res.Err != nil:
			t.Errorf("%s: refused: %v", c.name, res.Err)
		}
	}
}

// TestTruncatedUTF8: a UTF-8 report cut short in the middle of its last
// character (a download stopped, a file cut at a byte count) is read as
// UTF-8 with the broken byte replaced, not refused; text that is mostly
// broken is not.
func TestTruncatedUTF8(t *testing.T) {
	report := strings.Repeat("全年地区生产总值增长5.8%。", 20)
	cut := report[:len(report)-1]
	text, enc, err := decodeText([]byte(cut))
	if err != nil || enc != "UTF-8" || !strings.HasPrefix(text, "全年地区生产总值增长5.8%") || !strings.HasSuffix(text, "\uFFFD") {
		t.Errorf("cut UTF-8: %q %s %v", text[max(0, len(text)-12):], enc, err)
	}
	// Said, not silent: offsets now count the text as read.
	res := (Reader{}).ReadBytes(context.Background(), "cut.txt", []byte(cut), "")
	if res.Err != nil || len(res.Doc.Notes) != 1 || !strings.Contains(res.Doc.Notes[0], "2 bytes that are not UTF-8") {
		t.Errorf("cut UTF-8 read with notes %q (%v)", res.Doc.Notes, res.Err)
	}
	if res := (Reader{}).ReadBytes(context.Background(), "whole.txt", []byte(report), ""); len(res.Doc.Notes) != 0 {
		t.Errorf("whole UTF-8 read with notes %q", res.Doc.Notes)
	}
	if res := (Reader{}).ReadBytes(context.Background(), "broken.txt", []byte(strings.Repeat("\xff\xfe\xfd", 50)+report), ""); res.Err == nil {
		t.Errorf("bytes mostly broken were read as %s: %.40q", res.Doc.Encoding, res.Doc.Raw)
	}
}
