package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"reportmine/corpus"
)

// ErrNoConverter is the error for a legacy Office file (.doc, .xls) where
// the Debian converter that reads it is not installed.
var ErrNoConverter = errors.New("converter not installed")

// officeTimeout bounds one converter run.
const officeTimeout = pdfTimeout

// maxZipPart bounds what one part of an Office file may unpack to: a
// zip bomb is refused, not unpacked.
const maxZipPart = 256 << 20

// partLimit reads a zip part until it has unpacked to maxZipPart bytes,
// then fails saying so: a zip bomb is refused with its reason, not cut
// off into an XML syntax error.
type partLimit struct {
	r    io.Reader
	name string
	left int64
}

func (p *partLimit) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, fmt.Errorf("%s unpacks to more than %d MB (a zip bomb?)", p.name, maxZipPart>>20)
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.r.Read(b)
	p.left -= int64(n)
	return n, err
}

// zipFormat tells a Word document from an Excel workbook (both zip files)
// by the parts inside; "" for another zip.
func zipFormat(raw []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return "docx"
		case "xl/workbook.xml":
			return "xlsx"
		}
	}
	return ""
}

// oleFormat tells a legacy Word document from an Excel workbook (both OLE2
// compound files) by the extension, else by the stream names inside.
func oleFormat(raw []byte, source string) string {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".doc", ".dot", ".wps":
		return "doc"
	case ".xls", ".xlt", ".et":
		return "xls"
	}
	utf16 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return b
	}
	switch {
	case bytes.Contains(raw, utf16("WordDocument")):
		return "doc"
	case bytes.Contains(raw, utf16("Workbook")), bytes.Contains(raw, utf16("Book")):
		return "xls"
	}
	return ""
}

// sheet is one table read from a workbook or a CSV file.
type sheet struct {
	name string
	rows [][]string
}

// readSheets writes sheets as a document: each sheet a part (an article
// titled with its name) whose rows are tab-separated lines, so that the
// table rules read every numeric cell with the unit of its row or column
// header; each non-empty cell's span is recorded with its reference
// (主要产品产量!C3).
func readSheets(source string, sheets []sheet) (corpus.Document, error) {
	var text strings.Builder
	var cells []corpus.Cell
	type part struct {
		name       string
		start, end int
	}
	var parts []part
	var notes []string
	for _, sh := range sheets {
		rows := trimRows(sh.rows)
		if len(rows) == 0 {
			notes = append(notes, fmt.Sprintf("sheet %s: empty", sh.name))
			continue
		}
		start := text.Len()
		text.WriteString(sh.name)
		text.WriteString("\n\n")
		for r, row := range rows {
			for c, v := range row {
				if c > 0 {
					text.WriteByte('\t')
				}
				v = oneLine(v)
				if v != "" {
					cells = append(cells, corpus.Cell{Span: corpus.Span{Start: text.Len(), End: text.Len() + len(v)}, Ref: cellRef(sh.name, c, r)})
				}
				text.WriteString(v)
			}
			text.WriteByte('\n')
		}
		parts = append(parts, part{sh.name, start, text.Len()})
		text.WriteString("\n")
	}
	if len(parts) == 0 {
		return corpus.Document{}, fmt.Errorf("%w: every sheet is empty", ErrEmpty)
	}
	doc := corpus.NewDocument(source, []byte(text.String()))
	doc.Cells, doc.Notes = cells, notes
	for i, p := range parts {
		doc.Articles = append(doc.Articles, corpus.Article{ID: fmt.Sprintf("%s#%d", doc.ID, i+1), Span: corpus.Span{Start: p.start, End: p.end},
			Meta: corpus.Meta{Title: p.name}})
	}
	return doc, nil
}

// trimRows drops trailing empty cells and rows, and leading empty rows.
func trimRows(rows [][]string) [][]string {
	var out [][]string
	for _, row := range rows {
		n := len(row)
		for n > 0 && strings.TrimSpace(row[n-1]) == "" {
			n--
		}
		out = append(out, row[:n])
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && len(out[0]) == 0 {
		out = out[1:]
	}
	return out
}

// oneLine keeps a cell on its row: line breaks and tabs inside it become
// spaces, as a spreadsheet shows a wrapped cell.
func oneLine(v string) string {
	v = strings.TrimSpace(v)
	if !strings.ContainsAny(v, "\t\r\n") {
		return v
	}
	return strings.Join(strings.Fields(v), " ")
}

// cellRef writes the A1 reference of column c and row r (0-based).
func cellRef(sheetName string, c, r int) string {
	col := ""
	for c++; c > 0; c = (c - 1) / 26 {
		col = string(rune('A'+(c-1)%26)) + col
	}
	return fmt.Sprintf("%s!%s%d", sheetName, col, r+1)
}

// readXLSX reads an Excel workbook with excelize: every sheet's cells as
// Excel shows them (number formats applied), and its core properties.
func readXLSX(source string, raw []byte) (corpus.Document, error) {
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: maxZipPart, UnzipXMLSizeLimit: maxZipPart})
	if err != nil {
		return corpus.Document{}, fmt.Errorf("read the workbook: %w", err)
	}
	defer f.Close()
	var sheets []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return corpus.Document{}, fmt.Errorf("sheet %s: %w", name, err)
		}
		sheets = append(sheets, sheet{name: name, rows: rows})
	}
	doc, err := readSheets(source, sheets)
	if err != nil {
		return doc, err
	}
	if props, err := f.GetDocProps(); err == nil {
		doc.FileMeta = propertiesMeta(props.Title, props.Created, props.Creator)
	}
	return doc, nil
}

// readCSV reads a CSV file (in any encoding decodeText knows) as one
// sheet named after the file.
func readCSV(source string, raw []byte) (corpus.Document, error) {
	text, _, err := decodeText(raw)
	if err != nil {
		return corpus.Document{}, err
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	if strings.Count(firstLine(text), "\t") > strings.Count(firstLine(text), ",") {
		r.Comma = '\t'
	}
	rows, err := r.ReadAll()
	if err != nil {
		return corpus.Document{}, fmt.Errorf("read CSV: %w", err)
	}
	name := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	return readSheets(source, []sheet{{name: name, rows: rows}})
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// readXLS reads a legacy Excel workbook through Gnumeric's ssconvert,
// one CSV per sheet, named after it. (catdoc's xls2csv was tried: it
// garbles Chinese strings of workbooks it does read.)
func readXLS(ctx context.Context, source string, raw []byte) (corpus.Document, error) {
	tool, err := converter(".xls", "ssconvert", "gnumeric")
	if err != nil {
		return corpus.Document{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, officeTimeout)
	defer cancel()
	var sheets []sheet
	err = withInput(raw, "in.xls", func(dir, in string) error {
		if _, err := run(ctx, tool, "-S", "--export-type=Gnumeric_stf:stf_csv", in, filepath.Join(dir, "sheet.%n.%s.csv")); err != nil {
			return err
		}
		sheets, err = ssconvertSheets(dir)
		return err
	})
	if err != nil {
		return corpus.Document{}, err
	}
	return readSheets(source, sheets)
}

// ssconvertSheets reads the CSV files ssconvert wrote into dir, one per
// sheet (sheet.N.NAME.csv), in the workbook's order.
func ssconvertSheets(dir string) ([]sheet, error) {
	files, err := filepath.Glob(filepath.Join(dir, "sheet.*.csv"))
	if err != nil {
		return nil, err
	}
	type named struct {
		n    int
		name string
		path string
	}
	var found []named
	for _, f := range files {
		base := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "sheet."), ".csv")
		num, name, _ := strings.Cut(base, ".")
		n, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		found = append(found, named{n, name, f})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].n < found[j].n })
	var sheets []sheet
	for _, f := range found {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		rows, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("ssconvert output, sheet %s: %w", f.name, err)
		}
		sheets = append(sheets, sheet{name: f.name, rows: rows})
	}
	return sheets, nil
}

// readDOC reads a legacy Word document through antiword (UTF-8 output).
func readDOC(ctx context.Context, source string, raw []byte) (corpus.Document, error) {
	out, err := convert(ctx, raw, ".doc", "antiword", "antiword", "-m", "UTF-8.txt", "-w", "0")
	if err != nil {
		return corpus.Document{}, err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return corpus.NewDocument(source, out), nil
}

// convert writes raw to a temporary file and runs tool on it (the file
// last), returning its standard output; pkg names the Debian package.
func convert(ctx context.Context, raw []byte, ext, tool, pkg string, args ...string) ([]byte, error) {
	path, err := converter(ext, tool, pkg)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, officeTimeout)
	defer cancel()
	var out []byte
	err = withInput(raw, "in"+ext, func(_, in string) error {
		out, err = run(ctx, path, append(args, in)...)
		return err
	})
	return out, err
}

// readDOCX reads a Word document from its XML: the body's paragraphs in
// order, tables as tab-separated rows, then headers and footers apart (a
// part of their own, so that no sentence runs into them), and the core
// properties.
func readDOCX(source string, raw []byte) (corpus.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return corpus.Document{}, fmt.Errorf("read the Word file: %w", err)
	}
	parts := map[string]*zip.File{}
	var margins []string
	for _, f := range zr.File {
		parts[f.Name] = f
		if headerFooterRe.MatchString(f.Name) {
			margins = append(margins, f.Name)
		}
	}
	body, ok := parts["word/document.xml"]
	if !ok {
		return corpus.Document{}, errors.New("read the Word file: no word/document.xml")
	}
	text, err := wordText(body)
	if err != nil {
		return corpus.Document{}, err
	}
	sort.Strings(margins)
	var marginText strings.Builder
	for _, name := range margins {
		t, err := wordText(parts[name])
		if err != nil {
			return corpus.Document{}, err
		}
		if t = strings.TrimSpace(t); t != "" {
			marginText.WriteString(t)
			marginText.WriteString("\n\n")
		}
	}
	if strings.TrimSpace(text) == "" && marginText.Len() == 0 {
		return corpus.Document{}, fmt.Errorf("%w: the Word document has no text", ErrNotText)
	}
	bodyEnd := len(text)
	doc := corpus.NewDocument(source, []byte(text+marginText.String()))
	if marginText.Len() > 0 && bodyEnd > 0 {
		doc.Articles = []corpus.Article{
			{ID: doc.ID + "#1", Span: corpus.Span{Start: 0, End: bodyEnd}},
			{ID: doc.ID + "#2", Span: corpus.Span{Start: bodyEnd, End: len(doc.Raw)}, Meta: corpus.Meta{Title: "页眉页脚"}},
		}
	}
	if f, ok := parts["docProps/core.xml"]; ok {
		doc.FileMeta, err = coreProperties(f)
		if err != nil {
			return corpus.Document{}, err
		}
	}
	return doc, nil
}

var headerFooterRe = regexp.MustCompile(`^word/(header|footer)\d*\.xml$`)

// wordText writes a WordprocessingML part as text: a paragraph per line
// and a blank line between paragraphs, a table row per line with its
// cells separated by tabs.
func wordText(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(&partLimit{r: rc, name: f.Name, left: maxZipPart})
	var out, para strings.Builder
	var row []string
	depth := 0 // table nesting
	inText := false
	flushPara := func() {
		p := strings.TrimSpace(para.String())
		para.Reset()
		if depth > 0 {
			if len(row) > 0 && p != "" {
				if row[len(row)-1] != "" {
					row[len(row)-1] += " "
				}
				row[len(row)-1] += p
			}
			return
		}
		if p != "" {
			out.WriteString(p)
			out.WriteString("\n\n")
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte(' ')
			case "tbl":
				depth++
			case "tr":
				if depth == 1 {
					row = nil
				}
			case "tc":
				if depth == 1 {
					row = append(row, "")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				flushPara()
			case "tr":
				if depth == 1 && len(row) > 0 {
					out.WriteString(strings.Join(row, "\t"))
					out.WriteString("\n")
				}
			case "tbl":
				depth--
				if depth == 0 {
					out.WriteString("\n")
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return out.String(), nil
}

// coreProperties reads a Word file's docProps/core.xml.
func coreProperties(f *zip.File) (corpus.Meta, error) {
	rc, err := f.Open()
	if err != nil {
		return corpus.Meta{}, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&core); err != nil {
		return corpus.Meta{}, nil // properties are a help, not a requirement
	}
	return propertiesMeta(core.Title, core.Created, core.Creator), nil
}

// propertiesMeta turns a file's title, created date and author into
// metadata candidates: the author is an issuer when it names an
// organisation, a byline when it is a person's name, and nothing when it
// is a machine's default (Administrator, 微软用户).
func propertiesMeta(title, created, creator string) corpus.Meta {
	m := corpus.Meta{Title: strings.TrimSpace(title)}
	if len(created) >= 10 && isoDateRe.MatchString(created[:10]) {
		m.Date = created[:10]
	}
	switch creator = strings.TrimSpace(creator); {
	case orgSuffixRe.MatchString(creator):
		m.Issuer = creator
	case personNameRe.MatchString(creator) && !defaultAuthors[creator]:
		m.Authors = []string{creator}
	}
	return m
}

var (
	orgSuffixRe  = regexp.MustCompile(`^\p{Han}{2,30}(局|厅|委员会|委|办公室|办|部|政府|院|会|中心|公司|所|处|署|站)$`)
	personNameRe = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// defaultAuthors are the authors software writes when no one is named.
	defaultAuthors = map[string]bool{"微软用户": true, "微软中国": true, "用户": true, "作者": true, "管理员": true}
)
