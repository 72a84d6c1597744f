package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
)

// Document is one source text as it was read. Raw is never modified: every
// offset anywhere in reportmine points into it.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// URL is where the document was fetched from, when it came from the web.
	URL string `json:"url,omitempty"`
	// Raw is the document's text as UTF-8: the file's bytes for UTF-8 text,
	// the decoded text for other encodings, the extracted text for HTML and
	// PDF. Every offset points into it; ID is its hash.
	Raw string `json:"-"`
	// Format is txt, html or pdf; Encoding the character set the source was
	// decoded from (UTF-8, GB18030, Big5, UTF-16LE…).
	Format   string `json:"format,omitempty"`
	Encoding string `json:"encoding,omitempty"`
	// Pages holds the byte offset in Raw where each page starts (PDF).
	Pages []int `json:"pages,omitempty"`
	// FileHash is "sha256:" + hex of the source file's own bytes, which
	// differ from Raw for decoded or extracted formats.
	FileHash string `json:"file_hash,omitempty"`
	Meta
	// Articles are the separate articles of a magazine page, in order;
	// a document of one article has one covering all of Raw (or none, before
	// its structure is read).
	Articles []Article `json:"articles,omitempty"`
	// OCR lists the pages whose text was read by OCR from their image, in
	// page order; their figures and names carry the warning "ocr".
	OCR []OCRPage `json:"ocr,omitempty"`
	// Cells are the spreadsheet cells of a table source (xlsx, xls, csv),
	// in order of Start: the span of Raw each cell's text was written to.
	Cells []Cell `json:"cells,omitempty"`
	// Notes are what a reader should know about how the document was
	// read (a blank page OCR found nothing on, a sheet left empty).
	Notes []string `json:"notes,omitempty"`
	// FileMeta is what the file's own properties say (a Word or Excel
	// file's title, created date, author): used only where the text
	// itself says nothing.
	FileMeta Meta `json:"-"`
}

// OCRPage is a page read by OCR: its 1-based number, the engine's mean
// word confidence (0–100) and the languages it read with.
type OCRPage struct {
	Page       int     `json:"page"`
	Confidence float64 `json:"confidence"`
	Languages  string  `json:"languages"`
}

// Cell is a spreadsheet cell's place in Raw and its reference as people
// write it: 主要产品产量!C3.
type Cell struct {
	Span
	Ref string `json:"ref"`
}

// WarningOCR marks a figure or name read from an OCR'd page.
const WarningOCR = "ocr"

// OCRAt reports whether byte offset off lies on a page read by OCR.
func (d Document) OCRAt(off int) bool {
	if len(d.OCR) == 0 {
		return false
	}
	p := d.Page(off)
	for _, o := range d.OCR {
		if o.Page == p {
			return true
		}
	}
	return false
}

// OCRSpans are the byte ranges of Raw on pages read by OCR.
func (d Document) OCRSpans() []Span {
	var spans []Span
	for _, o := range d.OCR {
		if o.Page < 1 || o.Page > len(d.Pages) {
			continue
		}
		end := len(d.Raw)
		if o.Page < len(d.Pages) {
			end = d.Pages[o.Page]
		}
		spans = append(spans, Span{Start: d.Pages[o.Page-1], End: end})
	}
	return spans
}

// CellAt returns the reference of the cell holding byte offset off, or ""
// outside every cell.
func (d Document) CellAt(off int) string {
	i := sort.Search(len(d.Cells), func(i int) bool { return d.Cells[i].End > off })
	if i < len(d.Cells) && d.Cells[i].Start <= off {
		return d.Cells[i].Ref
	}
	return ""
}

// Meta is what a text says about itself: title, date, issuer, bylines and
// the periodical issue it appeared in. Empty fields were not found.
type Meta struct {
	Title   string   `json:"title,omitempty"`
	Date    string   `json:"date,omitempty"` // ISO 8601: 2024-07-15, or 2024-07, or 2024
	Issuer  string   `json:"issuer,omitempty"`
	Authors []string `json:"authors,omitempty"`
	Issue   string   `json:"issue,omitempty"` // 2024年第13期
	// Kind is the genre: 政府工作报告, 施政报告, 预算报告, 统计公报,
	// 经济运行分析, 通知, 新闻… (DocumentKinds in ingest lists them).
	Kind string `json:"kind,omitempty"`
	// Place is the jurisdiction the document speaks for: 全国 for a
	// national report, 福州市 for that city's bulletin, 香港 for the Hong
	// Kong government. Frames give its figures this subject when their own
	// clause names none.
	Place string `json:"place,omitempty"`
}

// Page returns the 1-based page holding byte offset off, or 0 when the
// document has no pages.
func (d Document) Page(off int) int {
	p := 0
	for i, start := range d.Pages {
		if start > off {
			break
		}
		p = i + 1
	}
	return p
}

// ClaimKind is the Kind of a claim read for fact-checking: it is read
// like a report (its place, levels and periods), but a figure for a period
// not yet over is what the claim says happened, not a plan.
const ClaimKind = "声称"

// Year is the year of Date, or 0.
func (m Meta) Year() int {
	if len(m.Date) < 4 {
		return 0
	}
	y := 0
	for _, c := range m.Date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// Article is one article of a document: a span of its raw text with its
// own metadata. Its ID is the document id with "#" and its number.
type Article struct {
	ID   string `json:"id"`
	Span `json:"span"`
	Meta
}

// Parts returns the articles to read, or one article covering the whole
// document when its structure has not been split.
func (d Document) Parts() []Article {
	if len(d.Articles) > 0 {
		return d.Articles
	}
	return []Article{{ID: d.ID, Span: Span{Start: 0, End: len(d.Raw)}, Meta: d.Meta}}
}

// NewDocument names raw by its content, so the same bytes always get the
// same id whatever their source.
func NewDocument(source string, raw []byte) Document {
	return Document{ID: DocumentID(raw), Source: source, Raw: string(raw)}
}

// DocumentID is "sha256:" followed by the hex digest of raw.
func DocumentID(raw []byte) string {
	sum := sha256.Sum256(raw)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Span is a half-open range [Start, End) of UTF-8 byte offsets into a
// document's raw text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of raw bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Text is the raw bytes the span covers; it is empty when the span does not
// lie inside raw.
func (s Span) Text(raw string) string {
	if s.Start < 0 || s.End > len(raw) || s.Start > s.End {
		return ""
	}
	return raw[s.Start:s.End]
}
