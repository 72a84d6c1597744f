package corpus

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is one source text as it was read. Raw is never modified: every
// offset anywhere in reportmine points into it.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Raw    string `json:"-"`
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
