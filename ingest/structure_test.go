package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmine/corpus"
)

// A magazine page in the style PDF extraction leaves: masthead, news items
// that start with 本刊讯 and end with a byline, headlines printed after
// their article, a photo caption between two articles.
const magazinePage = `开发区建设 2025 年第 4 期

某省商务厅 主办

本刊讯 今年以来，某市高新区围绕主导产业精准招商，
新签约项目 28 个，总投资 156 亿元。 （李明）

某市高新区招商引资
实现开门红

本刊讯 3 月 12 日，省商务厅召开开发区工作推进会，
部署全年重点任务。会议要求各开发区抓好项目建设。 （赵颖）

▲会议现场。

省商务厅召开开发区
工作推进会
`

func TestStructureSplitsMagazinePage(t *testing.T) {
	doc := Structurer{}.Structure(corpus.NewDocument("page.txt", []byte(magazinePage)))
	if doc.Meta.Issue != "2025年第4期" || doc.Meta.Date != "2025" || doc.Meta.Issuer != "某省商务厅" {
		t.Errorf("page meta = %+v", doc.Meta)
	}
	if len(doc.Articles) != 2 {
		t.Fatalf("%d articles, want 2: %+v", len(doc.Articles), doc.Articles)
	}
	want := []struct{ title, author, starts string }{
		{"某市高新区招商引资实现开门红", "李明", "本刊讯 今年以来"},
		{"省商务厅召开开发区工作推进会", "赵颖", "本刊讯 3 月 12 日"},
	}
	for i, w := range want {
		a := doc.Articles[i]
		if a.Title != w.title || len(a.Authors) == 0 || a.Authors[0] != w.author || !strings.HasPrefix(a.Text(doc.Raw), w.starts) {
			t.Errorf("article %d = %+v, text %q", i+1, a.Meta, a.Text(doc.Raw)[:20])
		}
		if a.Issuer != "某省商务厅" {
			t.Errorf("article %d issuer %q", i+1, a.Issuer)
		}
	}
}

func TestStructureReport(t *testing.T) {
	text := "关于2024年上半年经济运行情况的报告\n\n今年以来，全区经济运行总体平稳。\n\n（供稿：某某经济技术开发区管委会）\n"
	doc := Structurer{}.Structure(corpus.NewDocument("r.txt", []byte(text)))
	if len(doc.Articles) != 0 {
		t.Errorf("a plain report was split: %+v", doc.Articles)
	}
	if doc.Meta.Title != "关于2024年上半年经济运行情况的报告" || doc.Meta.Issuer != "某某经济技术开发区管委会" {
		t.Errorf("meta = %+v", doc.Meta)
	}
}

// TestStructureSharedCorpus checks the magazine pages of ../shared/corpus:
// each splits into its articles, with the titles and bylines printed.
func TestStructureSharedCorpus(t *testing.T) {
	read := func(name string) corpus.Document {
		paths, _ := filepath.Glob("../../shared/corpus/" + name + "_*.txt")
		if len(paths) == 0 {
			t.Skip("../shared/corpus is not here")
		}
		raw, err := os.ReadFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		return Structurer{}.Structure(corpus.NewDocument(paths[0], raw))
	}
	page := read("004")
	if len(page.Articles) < 5 {
		t.Fatalf("004: %d articles, want at least 5", len(page.Articles))
	}
	titled, bylined := 0, 0
	for _, a := range page.Articles {
		if a.Title != "" {
			titled++
		}
		if len(a.Authors) > 0 {
			bylined++
		}
	}
	if titled < 3 || bylined < 4 {
		t.Errorf("004: %d titled and %d bylined articles: %+v", titled, bylined, page.Articles)
	}
	if other := read("003"); len(other.Articles) < 3 || other.Meta.Issue != "2024年第13期" {
		t.Errorf("003: %d articles, issue %q", len(other.Articles), other.Meta.Issue)
	}
	if report := read("001"); len(report.Articles) != 0 || report.Meta.Issuer == "" {
		t.Errorf("001 is one report with an issuer: %d articles, meta %+v", len(report.Articles), report.Meta)
	}
}

// TestNameMeta: a file's name dates a document only by one year standing
// apart from other digits, and only when the text dates nothing.
func TestNameMeta(t *testing.T) {
	for _, c := range []struct{ source, date string }{
		{"corpus/gwr/cn-gwr-2015.txt", "2015"},
		{"2015年政府工作报告.txt", "2015"},
		{"report_20240115.txt", ""},
		{"2023-2024年度预算.txt", ""},
		{"notes-1850.txt", ""},
		{"bulletin.txt", ""},
	} {
		if got := nameMeta(c.source).Date; got != c.date {
			t.Errorf("nameMeta(%q).Date = %q, want %q", c.source, got, c.date)
		}
	}
	doc := corpus.NewDocument("gwr-2015.txt", []byte("2014年度统计公报\n\n2014年5月10日\n\n全年粮食产量6亿吨。"))
	if got := (Structurer{}).Structure(doc).Meta.Date; got != "2014-05-10" {
		t.Errorf("the text's own date %q lost to the file name's", got)
	}
	// A work report is named by the year it is given in; a bulletin by
	// the year it reports on, which is no date of its own.
	doc = corpus.NewDocument("cn-gwr-2015.txt", []byte("各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一年来，国内生产总值达到63.6万亿元。"))
	if got := (Structurer{}).Structure(doc).Meta.Date; got != "2015-03" {
		t.Errorf("work report dated %q, want 2015-03 from its file name and the NPC session of 2015", got)
	}
	doc = corpus.NewDocument("fuzhou-stat-bulletin-2025.txt", []byte("某市2025年国民经济和社会发展统计公报\n\n全年地区生产总值增长5%。"))
	if got := (Structurer{}).Structure(doc).Meta.Date; got != "" {
		t.Errorf("bulletin dated %q by its file name, want no date", got)
	}
}
