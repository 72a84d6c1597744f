package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"
	"unicode/utf8"
)

// docxBytes is a minimal Word document around body XML, for seeds.
func docxBytes(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

// FuzzReadOffice: Word, CSV and zip bytes of any shape give a document
// whose cells lie inside its text, in order, or an error; never a panic.
func FuzzReadOffice(f *testing.F) {
	f.Add([]byte(docxBytes(`<w:p><w:r><w:t>全年增长5.8%。</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>粮食</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)), "a.docx")
	f.Add([]byte("指标,2025年（亿元）\n地区生产总值,2865.4\n\"引号,内\",1\n"), "t.csv")
	f.Add([]byte("产品\t单位\t产量\n粮食\t万吨\t186.3\n"), "t.tsv")
	f.Add([]byte("PK\x03\x04broken"), "b.xlsx")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		res := Reader{}.ReadBytes(context.Background(), "f"+name, raw, "")
		if res.Err != nil {
			return
		}
		d := res.Doc
		if !utf8.ValidString(d.Raw) {
			t.Fatal("text is not UTF-8")
		}
		prev := 0
		for _, c := range d.Cells {
			if c.Start < prev || c.End < c.Start || c.End > len(d.Raw) || c.Ref == "" {
				t.Fatalf("cell %+v out of order or outside the text (%d bytes)", c, len(d.Raw))
			}
			prev = c.End
		}
		for _, a := range d.Articles {
			if a.Start < 0 || a.End > len(d.Raw) || a.Start > a.End {
				t.Fatalf("part %+v outside the text", a)
			}
		}
	})
}
