package app

import (
	"archive/zip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/ingest"
)

// writeXLSX makes a workbook of two statistical tables, as a bureau
// publishes them: units in a 单位 column, in a header (亿元) and a
// growth column (±%).
func writeXLSX(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "主要产品产量")
	rows := [][]any{
		{"产品名称", "单位", "产量", "比上年增长（%）"},
		{"粮食", "万吨", 186.3, 1.3},
		{"钢材", "万吨", 52.7, -2.1},
		{"发电量", "亿千瓦时", 128.4, 6.5},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("主要产品产量", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.NewSheet("地区生产总值")
	for r, row := range [][]any{
		{"指标", "2025年（亿元）", "增长（%）"},
		{"地区生产总值", 2865.4, 5.6},
		{"第三产业增加值", 1536.9, 5.4},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("地区生产总值", cell, &row)
	}
	f.NewSheet("空白")
	f.SetDocProps(&excelize.DocProperties{Title: "云岭市2025年统计数据", Creator: "云岭市统计局", Created: "2026-03-10T08:00:00Z"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// writeDOCX makes a Word document from its XML: a notice with a table, a
// header, and core properties.
func writeDOCX(t *testing.T, path string) {
	t.Helper()
	p := func(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }
	row := func(cells ...string) string {
		s := "<w:tr>"
		for _, c := range cells {
			s += "<w:tc>" + p(c) + "</w:tc>"
		}
		return s + "</w:tr>"
	}
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` +
			p("关于2025年民生实事项目完成情况的通报") +
			p("各区县人民政府：") +
			`<w:p><w:r><w:t xml:space="preserve">全年民生支出</w:t></w:r><w:r><w:t>326.8亿元</w:t></w:r><w:r><w:t>，占一般公共预算支出的</w:t></w:r><w:r><w:t>76.7%。</w:t></w:r></w:p>` +
			`<w:tbl>` + row("项目", "单位", "计划", "完成") + row("新建幼儿园", "所", "24", "26") + row("改造老旧小区", "个", "85", "91") + `</w:tbl>` +
			p("云岭市人民政府办公室") + p("2026年1月15日") +
			`</w:body></w:document>`,
		"word/header1.xml":  `<?xml version="1.0"?><w:hdr ` + ns + `>` + p("云岭市人民政府办公室文件 第3页") + `</w:hdr>`,
		"docProps/core.xml": `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>民生实事通报</dc:title><dc:creator>Administrator</dc:creator><dcterms:created>2026-01-16T02:00:00Z</dcterms:created></cp:coreProperties>`,
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

func ingestOne(t *testing.T, path string) (*Workspace, []corpus.Figure, []string) {
	t.Helper()
	ctx := context.Background()
	ws, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	var notes []string
	sum, err := ws.Ingest(ctx, []string{path}, IngestOptions{Workers: 1, Progress: func(ev Event) {
		notes = append(notes, ev.Notes...)
		if ev.Reason != "" {
			t.Errorf("%s: %s", ev.Source, ev.Reason)
		}
	}})
	if err != nil || sum.Ingested != 1 {
		t.Fatalf("ingest %s: %+v %v", path, sum, err)
	}
	var figs []corpus.Figure
	ws.Figures(ctx, store.FigureFilter{}, func(r store.FigureRow) error { figs = append(figs, r.Figure); return nil })
	return ws, figs, notes
}

// TestXLSX: every numeric cell of a workbook is a figure with the unit of
// its row or column header, the row label as metric, and its sheet and
// cell; the workbook's properties give the metadata; an empty sheet is
// noted (issue 16).
func TestXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tables.xlsx")
	writeXLSX(t, path)
	ws, figs, notes := ingestOne(t, path)
	want := map[string]string{ // cell → value unit metric
		"主要产品产量!C2": "1.863e+06 t 粮食",
		"主要产品产量!D2": "1.3 % 粮食",
		"主要产品产量!C3": "527000 t 钢材",
		"主要产品产量!D3": "-2.1 % 钢材",
		"主要产品产量!C4": "1.284e+10 kWh 发电量",
		"地区生产总值!B2": "2.8654e+11 CNY 地区生产总值",
		"地区生产总值!C2": "5.6 % 地区生产总值",
		"地区生产总值!B3": "1.5369e+11 CNY 第三产业增加值",
	}
	got := map[string]string{}
	for _, f := range figs {
		if f.Kind == corpus.KindDate {
			continue
		}
		if f.Cell == "" {
			t.Errorf("figure %q without its cell", f.Text)
		}
		got[f.Cell] = strings.Join([]string{trimFloat(f.Value), f.Unit, f.Metric}, " ")
	}
	for cell, w := range want {
		if got[cell] != w {
			t.Errorf("%s: got %q, want %q", cell, got[cell], w)
		}
	}
	if !slices.Contains(notes, "sheet 空白: empty") {
		t.Errorf("notes %q do not report the empty sheet", notes)
	}
	var rows []store.DocumentRow
	ws.Documents(context.Background(), func(d store.DocumentRow) error { rows = append(rows, d); return nil })
	if len(rows) != 1 || rows[0].Format != "xlsx" || rows[0].Issuer != "云岭市统计局" || rows[0].Date != "2026-03-10" {
		t.Errorf("document %+v: want format xlsx, issuer and date from the properties", rows)
	}
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// TestDOCX: a Word document's paragraphs and table are read in order (a
// row per line, cells by tabs: the table rules read the count with the
// unit of its 单位 column), the header apart, and the date from the text
// before the properties' (issue 16).
func TestDOCX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notice.docx")
	writeDOCX(t, path)
	ws, figs, _ := ingestOne(t, path)
	have := map[string]corpus.Figure{}
	for _, f := range figs {
		have[f.Text] = f
	}
	if f, ok := have["326.8亿元"]; !ok || f.Value != 3.268e10 || f.Metric != "民生支出" {
		t.Errorf("326.8亿元: %+v", f)
	}
	if f, ok := have["76.7%"]; !ok || f.Value != 76.7 {
		t.Errorf("76.7%%: %+v", f)
	}
	if f, ok := have["26"]; !ok || f.Unit != "所" || f.Metric != "新建幼儿园" {
		t.Errorf("table cell 26: %+v, want 所 from the 单位 column and the row's label", f)
	}
	doc, err := ws.Document(context.Background(), figs[0].Doc)
	if err != nil {
		t.Fatal(err)
	}
	d := doc.Doc
	body := d.Raw
	if i := strings.Index(body, "新建幼儿园\t所\t24\t26\n"); i < 0 {
		t.Errorf("the table row is not one tab-separated line:\n%s", body)
	}
	if strings.Index(body, "第3页") < strings.Index(body, "2026年1月15日") {
		t.Errorf("the header is not apart, after the body:\n%s", body)
	}
	if d.Format != "docx" || d.Title == "" || d.Date != "2026-01-15" || len(d.Authors) != 0 {
		t.Errorf("meta %+v format %s: want the text's date and no author (Administrator is no one)", d.Meta, d.Format)
	}
}

// TestLegacyOffice: .doc and .xls are read through Debian's converters
// where installed and fail with one clear error naming the package where
// not. The .xls fixture (written by python3-xlwt, testdata/legacy/make.sh)
// is read by the real ssconvert; for .doc no tool here writes one, so a
// stand-in prints what antiword prints.
func TestLegacyOffice(t *testing.T) {
	xlsPath := filepath.Join("..", "ingest", "testdata", "legacy", "tables.xls")
	if _, err := exec.LookPath("ssconvert"); err == nil {
		res := ingest.Reader{}.Read(context.Background(), xlsPath)
		if res.Err != nil {
			t.Fatalf("tables.xls: %v", res.Err)
		}
		d := res.Doc
		at := func(s string) string { return d.CellAt(strings.Index(d.Raw, s)) }
		if d.Format != "xls" || at("2865.4") != "主要指标!B2" || at("一般公共预算收入") != "主要指标!A3" || at("186.3") != "产品产量!C2" {
			t.Errorf("tables.xls read as %s: %q, cells %v", d.Format, d.Raw, d.Cells)
		}
		_, figs, _ := ingestOne(t, xlsPath)
		var gdp, grain bool
		for _, f := range figs {
			gdp = gdp || (f.Cell == "主要指标!B2" && f.Value == 2.8654e11 && f.Unit == "CNY" && f.Metric == "地区生产总值")
			grain = grain || (f.Cell == "产品产量!C2" && f.Value == 1.863e6 && f.Unit == "t")
		}
		if !gdp || !grain {
			t.Errorf("figures of tables.xls: %+v", figs)
		}
	} else if os.Getenv("CI") != "" {
		t.Fatal("ssconvert missing in CI: .ci/run must install gnumeric")
	}
	dir := t.TempDir()
	ole := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 504)...)
	os.WriteFile(filepath.Join(dir, "old.doc"), ole, 0o644)
	xls, _ := os.ReadFile(xlsPath)
	os.WriteFile(filepath.Join(dir, "old.xls"), xls, 0o644)
	bin := t.TempDir()
	t.Setenv("PATH", bin)
	for name, pkg := range map[string]string{"old.doc": "apt-get install antiword", "old.xls": "apt-get install gnumeric"} {
		res := ingest.Reader{}.Read(context.Background(), filepath.Join(dir, name))
		if res.Err == nil || !strings.Contains(res.Err.Error(), pkg) {
			t.Errorf("%s without a converter: %v, want an error naming %q", name, res.Err, pkg)
		}
	}
	stand := "#!/bin/sh\nprintf '关于下达2026年第一批资金的通知\\n\\n下达资金12.5亿元，支持项目46个。\\n'\n"
	if err := os.WriteFile(filepath.Join(bin, "antiword"), []byte(stand), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+":/bin:/usr/bin") // the stand-in first; sh after it
	doc := ingest.Reader{}.Read(context.Background(), filepath.Join(dir, "old.doc"))
	if doc.Err != nil || !strings.Contains(doc.Doc.Raw, "12.5亿元") || doc.Doc.Format != "doc" {
		t.Errorf("old.doc: %v %q", doc.Err, doc.Doc.Raw)
	}
}
