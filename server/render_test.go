package server

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"reportmine/app"
	"reportmine/corpus"
)

// FuzzRenderDocument: whatever the text and however figures, names and
// the highlight overlap, the view's markup nests, and its text is the
// document's text, byte for byte.
func FuzzRenderDocument(f *testing.F) {
	f.Add("全市地区生产总值2455.8亿元，增长5.8%。", int64(1), 4)
	f.Add("<script>alert(1)</script> & \"引号\" 'x'", int64(2), 9)
	f.Add("\xff\xfe半个字符", int64(3), 3)
	f.Add("", int64(4), 2)
	f.Fuzz(func(t *testing.T, raw string, seed int64, n int) {
		rng := rand.New(rand.NewSource(seed))
		v := app.DocumentView{Doc: corpus.Document{Raw: raw}}
		randSpan := func() (int, int) {
			if len(raw) == 0 {
				return 0, 0
			}
			a, b := rng.Intn(len(raw)+1), rng.Intn(len(raw)+1)
			return min(a, b), max(a, b)
		}
		for range n % 16 {
			s, e := randSpan()
			v.Figures = append(v.Figures, corpus.Figure{Start: s, End: e, Text: raw[s:e], Metric: "<指标>", Value: 1, Unit: "%"})
			s, e = randSpan()
			v.Entities = append(v.Entities, corpus.Entity{Start: s, End: e, Kind: corpus.EntityOrg, Canonical: "\"机构\""})
		}
		s, e := randSpan()
		out := string(renderDocument(v, [2]int{s, e}))
		text, err := textOf(out)
		if err != nil {
			t.Fatalf("%v in %q", err, out)
		}
		// As a browser reads it: NUL and broken bytes become U+FFFD, line
		// ends become \n.
		want := strings.NewReplacer("\x00", "\uFFFD", "\r\n", "\n", "\r", "\n").Replace(strings.ToValidUTF8(raw, "\uFFFD"))
		if text = strings.ToValidUTF8(text, "\uFFFD"); text != want {
			t.Fatalf("text %q, want %q", text, want)
		}
	})
}

// textOf is the text of an HTML fragment, checking that its elements nest.
func textOf(fragment string) (string, error) {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var text strings.Builder
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) > 0 {
				return "", errUnclosed(open)
			}
			return text.String(), nil
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken:
			name, _ := z.TagName()
			open = append(open, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return "", errUnclosed(append(open, "/"+string(name)))
			}
			open = open[:len(open)-1]
		}
	}
}

type errUnclosed []string

func (e errUnclosed) Error() string { return "elements do not nest: " + strings.Join(e, " ") }

func TestRenderDocumentMarks(t *testing.T) {
	raw := "第一页文字。\n第二页：增长5.8%。"
	fig := strings.Index(raw, "5.8%")
	v := app.DocumentView{
		Doc:      corpus.Document{Raw: raw, Pages: []int{0, strings.Index(raw, "第二页")}},
		Figures:  []corpus.Figure{{Start: fig, End: fig + len("5.8%"), Value: 5.8, Unit: "%", Metric: "增长", Subject: "全市", Change: corpus.ChangeUp}},
		Entities: []corpus.Entity{{Start: 0, End: len("第一页"), Kind: corpus.EntityPlace, Canonical: "第一页"}},
	}
	out := string(renderDocument(v, [2]int{fig, fig + 3}))
	if mid := string(renderDocument(v, [2]int{1, 4})); !strings.Contains(mid, `id="0-6"`) {
		t.Errorf("a highlight inside a character is not widened to whole characters: %s", mid)
	}
	for _, want := range []string{
		`<span class="page" id="page-2">第 2 页</span>`,
		`<span id="` + strconv.Itoa(fig) + "-" + strconv.Itoa(fig+3) + `" class="hl"`,
		`title="5.8% · 增加 · 指标：增长 · 主体：全市"`,
		`<u class="ent ent-place" title="地名：第一页">第一页</u>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %s:\n%s", want, out)
		}
	}
}

func TestFigureValue(t *testing.T) {
	max := 6.5
	for _, c := range []struct {
		f    corpus.Figure
		want string
	}{
		{corpus.Figure{Value: 245580000000, Unit: "CNY"}, "2455.8亿元"},
		{corpus.Figure{Value: 62000, Unit: "CNY"}, "6.2万元"},
		{corpus.Figure{Value: 1.39e12, Unit: "CNY"}, "1.39万亿元"},
		{corpus.Figure{Value: 5.8, Unit: "%"}, "5.8%"},
		{corpus.Figure{Value: 0.8, Unit: "pp"}, "0.8个百分点"},
		{corpus.Figure{Value: 6, ValueMax: &max, Unit: "%"}, "6%～6.5%"},
		{corpus.Figure{Value: 62000, Unit: "人"}, "62000人"},
	} {
		if got := figureValue(c.f); got != c.want {
			t.Errorf("figureValue(%v %s) = %q, want %q", c.f.Value, c.f.Unit, got, c.want)
		}
	}
}
