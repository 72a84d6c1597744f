package ingest

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The readers' fuzz targets: whatever the bytes, no panic, and what comes
// out keeps the readers' promises. Seeds are short inputs of each kind;
// findings are kept under testdata/fuzz.

func FuzzDecodeText(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("全年地区生产总值增长5.8%。")
	for _, s := range []string{"全年增长5.8%。", gbk, "\xef\xbb\xbf全年", "\xff\xfe\x68\x00", "abc\x00def", "\x80\x81"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, name, err := decodeText(raw)
		if err != nil {
			return
		}
		if name == "" || !utf8.ValidString(text) && name != "UTF-8" {
			t.Fatalf("decoded as %q: invalid UTF-8", name)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range []string{
		`<html><head><meta charset="gbk"><title>标题</title></head><body><div class="article"><p>正文。</p></div></body></html>`,
		`<p>没有声明字符集的页面</p>`, `<html><body><table><tr><td>1</td></tr></table>`, "\xff\xfe<\x00p\x00>\x00", `<script>x</script><style>y</style>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		page, err := readHTML(raw, "text/html", nil)
		if err == nil && !utf8.ValidString(page.text) {
			t.Fatal("page text is not UTF-8")
		}
	})
}

func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /private/\nAllow: /private/ok\n", "/private/x")
	f.Add("User-agent: reportmine\nDisallow: /\n# comment\n", "/")
	f.Add("Disallow: *\nUser-agent:\n\n\n", "/a?b")
	f.Fuzz(func(t *testing.T, robots, path string) {
		parseRobots(strings.NewReader(robots), "reportmine").permits(path)
	})
}

func FuzzParseList(f *testing.F) {
	f.Add([]byte(`<ul class="list"><li><a href="/news/a1.html">一</a></li></ul><a class="next" href="?page=2">下一页</a>`))
	f.Add([]byte(`<a href="javascript:void(0)">x</a><a href="mailto:a@b">y</a><a href="//other.example/a">z</a>`))
	profile, err := LoadProfile("generic")
	if err != nil {
		f.Fatal(err)
	}
	c := &Crawler{Profile: profile}
	f.Fuzz(func(t *testing.T, body []byte) {
		links, next, err := c.parseList("http://example.com/news/index.html", body, "text/html")
		if err != nil {
			return
		}
		for _, l := range append(links, next) {
			if l == "" {
				continue
			}
			u, err := url.Parse(l)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("link %q is not an absolute http URL", l)
			}
		}
	})
}

func FuzzSplitPages(f *testing.F) {
	f.Add("第一页\n\f第二页\n\f")
	f.Add("\f\f\f")
	f.Add("只有一页")
	f.Fuzz(func(t *testing.T, out string) {
		text, starts := splitPages(out)
		last := -1
		for _, s := range starts {
			if s <= last || s > len(text) {
				t.Fatalf("page starts %v in a text of %d bytes", starts, len(text))
			}
			last = s
		}
	})
}
