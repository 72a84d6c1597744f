package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"reportmine/corpus"
)

// Manifest holds metadata a user supplies for sources (a crawl log, a
// catalogue): title, date, issuer, kind and place by source. Its values
// win over what the text suggests.
type Manifest struct {
	byPath map[string]corpus.Meta
	byBase map[string]corpus.Meta
}

// manifestColumns are the fields a manifest row may give, CSV header and
// JSON keys alike; source is required.
var manifestColumns = []string{"source", "title", "date", "issuer", "kind", "place"}

// isoDateRe is a date as a manifest or sidecar must give it.
var isoDateRe = regexp.MustCompile(`^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$`)

// ReadManifest reads a CSV (with a header row) or JSON Lines manifest.
// Errors name the file and line.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	return parseManifest(path, data)
}

// parseManifest reads a manifest's bytes; path names it in errors and
// tells JSON Lines (.jsonl, .json, or a first {) from CSV.
func parseManifest(path string, data []byte) (*Manifest, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	m := &Manifest{byPath: map[string]corpus.Meta{}, byBase: map[string]corpus.Meta{}}
	add := func(line int, row map[string]string) error {
		src := strings.TrimSpace(row["source"])
		if src == "" {
			return fmt.Errorf("manifest %s:%d: no source", path, line)
		}
		meta, err := metaFromRow(row)
		if err != nil {
			return fmt.Errorf("manifest %s:%d: %w", path, line, err)
		}
		m.byPath[filepath.Clean(src)] = meta
		m.byBase[filepath.Base(src)] = meta
		return nil
	}
	if strings.HasSuffix(strings.ToLower(path), ".jsonl") || strings.HasSuffix(strings.ToLower(path), ".json") || bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return m, readJSONManifest(path, data, add)
	}
	return m, readCSVManifest(path, data, add)
}

func readJSONManifest(path string, data []byte, add func(int, map[string]string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var row map[string]string
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("manifest %s:%d: %w", path, n, err)
		}
		if err := add(n, row); err != nil {
			return err
		}
	}
	return sc.Err()
}

func readCSVManifest(path string, data []byte, add func(int, map[string]string) error) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("manifest %s: no header row: %w", path, err)
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
		if !contains(manifestColumns, header[i]) {
			return fmt.Errorf("manifest %s:1: unknown column %q (columns: %s)", path, header[i], strings.Join(manifestColumns, ","))
		}
	}
	if !contains(header, "source") {
		return fmt.Errorf("manifest %s:1: no source column", path)
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("manifest %s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		row := map[string]string{}
		for i, v := range rec {
			if i < len(header) {
				row[header[i]] = v
			}
		}
		if err := add(line, row); err != nil {
			return err
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// metaFromRow checks a row's fields: an unknown field or a date not in
// YYYY, YYYY-MM or YYYY-MM-DD form is an error.
func metaFromRow(row map[string]string) (corpus.Meta, error) {
	for k := range row {
		if !contains(manifestColumns, k) {
			return corpus.Meta{}, fmt.Errorf("unknown field %q (fields: %s)", k, strings.Join(manifestColumns, ","))
		}
	}
	m := corpus.Meta{Title: strings.TrimSpace(row["title"]), Date: strings.TrimSpace(row["date"]),
		Issuer: strings.TrimSpace(row["issuer"]), Kind: strings.TrimSpace(row["kind"]), Place: strings.TrimSpace(row["place"])}
	if m.Date != "" && !isoDateRe.MatchString(m.Date) {
		return m, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", m.Date)
	}
	return m, nil
}

// Lookup returns the manifest's metadata for a source, matched by its
// path and else by its base name.
func (m *Manifest) Lookup(source string) (corpus.Meta, bool) {
	if m == nil {
		return corpus.Meta{}, false
	}
	if meta, ok := m.byPath[filepath.Clean(source)]; ok {
		return meta, true
	}
	meta, ok := m.byBase[filepath.Base(source)]
	return meta, ok
}

// Sidecar reads NAME.meta.json (or NAME.EXT.meta.json) beside a local
// file: one JSON object with the manifest's fields. No sidecar is no
// error; a malformed one is, naming the file.
func Sidecar(source string) (corpus.Meta, bool, error) {
	if strings.Contains(source, "://") || source == "-" {
		return corpus.Meta{}, false, nil
	}
	for _, p := range []string{strings.TrimSuffix(source, filepath.Ext(source)) + ".meta.json", source + ".meta.json"} {
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return corpus.Meta{}, false, fmt.Errorf("sidecar %s: %w", p, err)
		}
		var row map[string]string
		if err := json.Unmarshal(data, &row); err != nil {
			return corpus.Meta{}, false, fmt.Errorf("sidecar %s: %w", p, err)
		}
		row["source"] = source
		meta, err := metaFromRow(row)
		if err != nil {
			return meta, false, fmt.Errorf("sidecar %s: %w", p, err)
		}
		return meta, true, nil
	}
	return corpus.Meta{}, false, nil
}

// ApplyMeta gives doc the fields of given that are set, over what its text
// suggested. A new issuer or title without a place of its own names the
// place again.
func ApplyMeta(doc corpus.Document, given corpus.Meta) corpus.Document {
	m := doc.Meta
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Title, given.Title)
	set(&m.Date, given.Date)
	set(&m.Issuer, given.Issuer)
	set(&m.Kind, given.Kind)
	set(&m.Place, given.Place)
	if given.Place == "" && (given.Issuer != "" || given.Title != "" || given.Kind != "") && speaksForPlace(m.Kind) {
		if p := jurisdiction(m.Issuer, "", m.Title); p != "" {
			m.Place = p
		}
	}
	doc.Meta = m
	// Articles of a split page share the document's date and issuer.
	for i := range doc.Articles {
		set(&doc.Articles[i].Date, given.Date)
		set(&doc.Articles[i].Issuer, given.Issuer)
		set(&doc.Articles[i].Kind, given.Kind)
		set(&doc.Articles[i].Place, given.Place)
	}
	return doc
}
