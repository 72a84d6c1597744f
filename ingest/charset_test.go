package ingest

import (
	"context"
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
