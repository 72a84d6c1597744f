package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"reportmine/corpus"
)

// ErrNotText is returned for input that is not text in a known encoding.
var ErrNotText = errors.New("not UTF-8 text")

// ErrEmpty is returned for a file with nothing but whitespace in it.
var ErrEmpty = errors.New("empty file")

// Result is what reading one source gave: a document or an error naming it.
// Skipped is set for files that are not documents at all (images,
// archives), which a folder walk passes over without counting a failure.
type Result struct {
	Source  string
	Doc     corpus.Document
	Err     error
	Skipped bool
}

// Reader turns sources into documents: files, folders (walked
// recursively), glob patterns, "-" for Stdin and http(s) URLs. The format
// is sniffed from the content: PDF, HTML, or text in UTF-8, UTF-16,
// GB18030 or Big5. Extensions, when set, limits a folder walk to files
// with those endings.
type Reader struct {
	Stdin      io.Reader
	Extensions []string
	Fetcher    *Fetcher
	// Profile, when set, picks the parts of HTML article pages by its
	// selectors (from a crawl profile).
	Profile *Profile
	// MaxBytes bounds one local source or standard input (0:
	// DefaultMaxBytes); URLs have the fetcher's bound.
	MaxBytes int64
	// OCR reads the pages of PDFs that have no text layer.
	OCR OCR
}

// DefaultMaxBytes is the largest local source read unless a Reader says
// otherwise: reports run to a few MB; a larger file is more likely a
// mistake (a disk image, /dev/zero) than a report.
const DefaultMaxBytes = 64 << 20

// ErrNotRegular is the error for a path that names no regular file.
var ErrNotRegular = errors.New("not a regular file")

// fileKind names what a non-regular path is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a file"
}

// ErrTooLarge is the error for a source over the size bound.
var ErrTooLarge = errors.New("larger than the size limit")

func (r Reader) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

// size writes a byte count for people.
func size(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// readLimited reads all of src unless it holds more than max bytes, which
// it says without reading the rest.
func readLimited(src io.Reader, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w: more than %s (raise it with --max-bytes)", ErrTooLarge, size(max))
	}
	return raw, nil
}

// Sources expands paths into the list of sources to read, in a stable
// order: each folder's files sorted by path, glob matches sorted. A path
// that does not exist is kept, so that reading it reports the error
// against its name.
func (r Reader) Sources(paths []string) []string {
	var out []string
	for _, p := range paths {
		if p == "-" || isURL(p) {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil && strings.ContainsAny(p, "*?[") {
			if matches, _ := filepath.Glob(p); len(matches) > 0 {
				out = append(out, r.Sources(matches)...)
				continue
			}
		}
		if err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		out = append(out, r.walk(p)...)
	}
	return out
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func (r Reader) walk(dir string) []string {
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported when read
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".meta.json") {
			return nil // a sidecar: metadata of the file beside it, not a document
		}
		if !d.IsDir() && r.wanted(path) {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

func (r Reader) wanted(path string) bool {
	if len(r.Extensions) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range r.Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Read reads one source into a document.
func (r Reader) Read(ctx context.Context, source string) Result {
	raw, contentType, url, err := r.fetch(ctx, source)
	if err != nil {
		return Result{Source: source, Err: fmt.Errorf("ingest %s: %w", source, err)}
	}
	doc, err := r.decode(ctx, source, raw, contentType)
	if err != nil {
		return Result{Source: source, Err: fmt.Errorf("ingest %s: %w", source, err), Skipped: errors.Is(err, errNotDocument) && !documentExtension(source)}
	}
	doc.URL = url
	return Result{Source: source, Doc: doc}
}

func (r Reader) fetch(ctx context.Context, source string) (raw []byte, contentType, url string, err error) {
	switch {
	case source == "-":
		if r.Stdin == nil {
			return nil, "", "", errors.New("no standard input")
		}
		raw, err = readLimited(r.Stdin, r.maxBytes())
		return raw, "", "", err
	case isURL(source):
		f := r.Fetcher
		if f == nil {
			f = NewFetcher()
		}
		raw, contentType, err = f.Get(ctx, source)
		return raw, contentType, source, err
	}
	// Only regular files: opening a FIFO waits for a writer for ever, and
	// a device never ends. Stat follows a symlink to what it names.
	info, err := os.Stat(source)
	if err != nil {
		return nil, "", "", err
	}
	if !info.Mode().IsRegular() {
		return nil, "", "", fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(info.Mode()))
	}
	f, err := os.Open(source)
	if err != nil {
		return nil, "", "", err
	}
	defer f.Close()
	if info.Size() > r.maxBytes() {
		return nil, "", "", fmt.Errorf("%w: %s, more than %s (raise it with --max-bytes)", ErrTooLarge, size(info.Size()), size(r.maxBytes()))
	}
	raw, err = readLimited(f, r.maxBytes())
	return raw, "", "", err
}

// ReadBytes turns bytes already fetched (by a crawl) into a document.
func (r Reader) ReadBytes(ctx context.Context, source string, raw []byte, contentType string) Result {
	doc, err := r.decode(ctx, source, raw, contentType)
	if err != nil {
		return Result{Source: source, Err: fmt.Errorf("ingest %s: %w", source, err)}
	}
	if isURL(source) {
		doc.URL = source
	}
	return Result{Source: source, Doc: doc}
}

// errNotDocument marks files that are not documents (images, archives).
var errNotDocument = errors.New("not a document")

// decode sniffs the format and turns the bytes into a document.
func (r Reader) decode(ctx context.Context, source string, raw []byte, contentType string) (corpus.Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return corpus.Document{}, ErrEmpty
	}
	fileHash := corpus.DocumentID(raw)
	var doc corpus.Document
	switch format := sniff(raw, source); format {
	case "pdf":
		pdf, err := readPDF(ctx, source, raw, r.OCR)
		if err != nil {
			return doc, err
		}
		doc = corpus.NewDocument(source, []byte(pdf.text))
		doc.Pages, doc.Encoding, doc.OCR, doc.Notes = pdf.pages, "UTF-8", pdf.ocr, pdf.notes
	case "html":
		page, err := readHTML(raw, contentType, r.Profile)
		if err != nil {
			return doc, err
		}
		doc = corpus.NewDocument(source, []byte(page.text))
		doc.Meta, doc.Encoding = page.meta, page.encoding
	case "text":
		text, enc, err := decodeText(raw)
		if err != nil {
			return doc, err
		}
		if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
			return doc, ErrEmpty // a byte order mark and line breaks
		}
		doc = corpus.NewDocument(source, []byte(text))
		doc.Encoding = enc
		if enc == "UTF-8" {
			if n := brokenUTF8(raw); n > 0 { // read as U+FFFD (decodeText)
				doc.Notes = append(doc.Notes, fmt.Sprintf("%d bytes that are not UTF-8 were read as U+FFFD (replacement characters); offsets count the text as read, not the file's bytes", n))
			}
		}
	case "csv":
		var err error
		if doc, err = readCSV(source, raw); err != nil {
			return doc, err
		}
	case "xlsx":
		var err error
		if doc, err = readXLSX(source, raw); err != nil {
			return doc, err
		}
	case "docx":
		var err error
		if doc, err = readDOCX(source, raw); err != nil {
			return doc, err
		}
	case "xls":
		var err error
		if doc, err = readXLS(ctx, source, raw); err != nil {
			return doc, err
		}
	case "doc":
		var err error
		if doc, err = readDOC(ctx, source, raw); err != nil {
			return doc, err
		}
	default:
		return doc, fmt.Errorf("%w: %s, not text, HTML, PDF, Word or Excel", errNotDocument, format)
	}
	if doc.Encoding == "" {
		doc.Encoding = "UTF-8"
	}
	if err := checkPlausible(doc.Raw); err != nil {
		return corpus.Document{}, err
	}
	doc.Format, doc.FileHash = sniff(raw, source), fileHash
	if doc.Format == "text" {
		doc.Format = "txt"
	}
	return doc, nil
}

// sniff names the format from the content: pdf, html, text, or the
// detected MIME type of something else.
func sniff(raw []byte, source string) string {
	head := raw[:min(len(raw), 1024)]
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return "pdf"
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		if f := zipFormat(raw); f != "" {
			return f
		}
	}
	if bytes.HasPrefix(head, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		if f := oleFormat(raw, source); f != "" {
			return f
		}
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta "} {
		if bytes.Contains(lower, []byte(tag)) {
			return "html"
		}
	}
	mime := http.DetectContentType(head)
	switch {
	case (strings.HasPrefix(mime, "text/") || mime == "application/octet-stream" && !hasNUL(head)) && isTableName(source):
		return "csv"
	case strings.HasPrefix(mime, "text/"), mime == "application/octet-stream" && !hasNUL(head):
		return "text"
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return "text" // UTF-16 with a byte-order mark
	case mime == "application/octet-stream":
		return "binary data"
	}
	return mime
}

func hasNUL(b []byte) bool { return bytes.IndexByte(b, 0) >= 0 }

// documentExtension reports a file name that promises a document, so that
// a binary file behind it is a failure to report, not a file to pass over.
func documentExtension(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".htm", ".html", ".shtml", ".pdf", ".md", ".csv", ".tsv", ".docx", ".doc", ".xlsx", ".xls", "":
		return true
	}
	return false
}

// isTableName reports a file name that promises comma- or tab-separated
// rows.
func isTableName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".csv" || ext == ".tsv"
}
