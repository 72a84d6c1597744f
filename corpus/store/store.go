package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
	"modernc.org/sqlite" // the pure-Go SQLite driver

	"reportmine/corpus"
)

// FileName is the store's file inside the data directory.
const FileName = "reportmine.db"

// Store is an open corpus store.
type Store struct {
	db   *sql.DB
	Path string
	cat  catalogHolder
	// readOnly stores never write, not even the query indexes.
	readOnly bool
}

// Open opens (creating if needed) the store in dir.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	// Foreign keys are declared but not enforced: enforced, every
	// multi-row INSERT could fail half-way, so SQLite copied each page it
	// changed to a statement journal in a temporary file first, which
	// doubled the store's writes. Children are written only with their
	// document, in its transaction, and deleted with it (deleteDocument).
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(0)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)&_pragma=cache_size(-16384)")
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4) // WAL lets readers run beside the one writer
	s := &Store{db: db, Path: path}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// ErrSchema is the error for a store written by another version of
// reportmine, which a read-only opening may not upgrade.
var ErrSchema = errors.New("store schema")

// OpenReadOnly opens the existing store in dir for reading only: nothing
// in dir is created or changed, so that read commands work on read-only
// media, on a full disk and beside a running ingest (SQLite's WAL lets
// them read the last committed state). A directory that cannot be
// written is opened as immutable: on such media no one can change it,
// and SQLite then needs no -wal or -shm file.
func OpenReadOnly(ctx context.Context, dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("store %s: not a regular file", path)
	}
	dsn := "file:" + path + "?mode=ro&_pragma=busy_timeout(10000)&_pragma=cache_size(-65536)"
	if !writable(dir) {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, Path: path, readOnly: true}
	var v string
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: not a reportmine store: %w", path, err)
	}
	if v != SchemaVersion {
		db.Close()
		return nil, fmt.Errorf("store %s: %w version %s, this reportmine reads %s: run reportmine reindex (or an ingest) once to upgrade it",
			path, ErrSchema, v, SchemaVersion)
	}
	return s, nil
}

// writable reports whether files can be made in dir (false on read-only
// media, whoever asks).
func writable(dir string) bool { return unix.Access(dir, unix.W_OK) == nil }

func (s *Store) init(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, schema); err != nil {
		return err
	}
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.db.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES ('schema_version', ?)`, SchemaVersion)
		return err
	case err != nil:
		return err
	case v != SchemaVersion:
		return s.migrate(ctx, v)
	}
	return nil
}

// migrate upgrades a store of schema version v step by step; a version
// it has no way up from is refused rather than misread.
func (s *Store) migrate(ctx context.Context, v string) error {
	for v != SchemaVersion {
		step, ok := migrations[v]
		if !ok {
			return fmt.Errorf("schema version %s, this reportmine reads %s: re-ingest into a new data directory", v, SchemaVersion)
		}
		next := strconv.Itoa(atoi(v) + 1)
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, step); err != nil {
				return fmt.Errorf("upgrading schema %s to %s: %w", v, next, err)
			}
			_, err := tx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'schema_version'`, next)
			return err
		})
		if err != nil {
			return err
		}
		v = next
	}
	return nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Meta returns the stored metadata of a document.
func (s *Store) Meta(ctx context.Context, id string) (corpus.Meta, error) {
	var title, date, issuer, issue, kind, place sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT title, date, issuer, issue, kind, place FROM documents WHERE id = ?`, id).
		Scan(&title, &date, &issuer, &issue, &kind, &place)
	if err != nil {
		return corpus.Meta{}, fmt.Errorf("document %s: %w", id, err)
	}
	return corpus.Meta{Title: title.String, Date: date.String, Issuer: issuer.String, Issue: issue.String, Kind: kind.String, Place: place.String}, nil
}

// Extractor is the version of the extractor that read a stored document
// (extract.Extractor.Version), "" when the store did not record one.
func (s *Store) Extractor(ctx context.Context, id string) (string, error) {
	var v sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT extractor FROM documents WHERE id = ?`, id).Scan(&v); err != nil {
		return "", fmt.Errorf("document %s: %w", id, err)
	}
	return v.String, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// DB gives read access for exports that copy rows.
func (s *Store) DB() *sql.DB { return s.db }

// HasDocument reports whether a document with this id is stored.
func (s *Store) HasDocument(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Raw returns a stored document's text.
func (s *Store) Raw(ctx context.Context, id string) (string, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT raw FROM documents WHERE id = ?`, id).Scan(&raw)
	return raw, err
}

// Texts returns the bytes of each span of a stored document's text (the
// sentences of search hits), read in one query of the range that covers
// them: SQLite reads a long document's text once, whatever the number of
// spans.
func (s *Store) Texts(ctx context.Context, id string, spans []corpus.Span) ([]string, error) {
	if len(spans) == 0 {
		return nil, nil
	}
	lo, hi := spans[0].Start, spans[0].End
	for _, sp := range spans {
		if sp.Start < 0 || sp.End < sp.Start {
			return nil, fmt.Errorf("text of %s: span %d..%d", id, sp.Start, sp.End)
		}
		lo, hi = min(lo, sp.Start), max(hi, sp.End)
	}
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT substr(CAST(raw AS BLOB), ?, ?) FROM documents WHERE id = ?`, lo+1, hi-lo, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("text of %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("text of %s: %w", id, err)
	}
	if len(b) != hi-lo {
		return nil, fmt.Errorf("text of %s: span %d..%d is past its end (the index is older than the store: run reportmine reindex)", id, lo, hi)
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = string(b[sp.Start-lo : sp.End-lo])
	}
	return out, nil
}

// Fingerprint is a stored document's near-duplicate fingerprint.
type Fingerprint struct {
	Doc     string
	SimHash uint64
}

// Fingerprints lists the fingerprints of documents that are not themselves
// duplicates.
func (s *Store) Fingerprints(ctx context.Context) ([]Fingerprint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, simhash FROM documents WHERE duplicate_of IS NULL ORDER BY ingested_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Fingerprint
	for rows.Next() {
		var f Fingerprint
		var h int64
		if err := rows.Scan(&f.Doc, &h); err != nil {
			return nil, err
		}
		f.SimHash = uint64(h)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Entry is one document to store with what was read from it.
type Entry struct {
	Doc         corpus.Document
	Figures     []corpus.Figure
	Entities    []corpus.Entity
	Extractor   string
	SimHash     uint64
	DuplicateOf string
	// Replace stores the entry over a stored document of the same id (its
	// metadata was corrected), instead of leaving the stored one.
	Replace bool
}

// Put writes a document with its articles, figures and entities in one
// transaction: all of it is stored, or none. A document already stored is
// left as it is.
func (s *Store) Put(ctx context.Context, e Entry) error { return s.PutBatch(ctx, []Entry{e}) }

// PutBatch writes several documents in one transaction, each whole: a
// crash leaves all of them or none, never part of one. Batching saves a
// commit per document when many arrive at once.
func (s *Store) PutBatch(ctx context.Context, entries []Entry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		w := newRowWriter(tx)
		for _, e := range entries {
			if err := putEntry(ctx, w, e); err != nil {
				return fmt.Errorf("%s: %w", e.Doc.Source, err)
			}
		}
		return bumpGeneration(ctx, tx)
	})
}

// inTx runs fn in one transaction: committed when fn succeeds, rolled
// back when it fails.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// bumpGeneration counts a change to the documents or figures, in the
// transaction that makes it, so that what is held in memory (the figure
// catalogue, a checker's candidates) knows when it is stale.
func bumpGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('generation', '1')
		ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`)
	return err
}

// Generation is the number of changes made to the documents and figures
// so far: equal generations mean the same corpus.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v.Int64, err
}

func putEntry(ctx context.Context, w *rowWriter, e Entry) error {
	inserted, err := putDocument(ctx, w.tx, e)
	if err != nil || !inserted {
		return err
	}
	if err := insertFigures(ctx, w, e.Doc, e.Figures, 0); err != nil {
		return err
	}
	return insertEntities(ctx, w, e.Doc, e.Entities, 0)
}

// putDocument writes a document's row and articles; false when the same
// text was stored before (and nothing was written).
func putDocument(ctx context.Context, tx *sql.Tx, e Entry) (bool, error) {
	d := e.Doc
	if e.Replace {
		if err := deleteDocument(ctx, tx, d.ID); err != nil {
			return false, err
		}
	}
	pageStarts, _ := json.Marshal(d.Pages)
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO documents
		(id, source, url, title, date, issuer, authors, issue, kind, place, format, encoding, pages, page_starts, file_hash, raw, simhash, duplicate_of, ingested_at, extractor,
		 ocr, cells, notes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Source, nullable(d.URL), nullable(d.Title), nullable(d.Date), nullable(d.Issuer), nullable(strings.Join(d.Authors, "、")),
		nullable(d.Issue), nullable(d.Kind), nullable(d.Place), d.Format, d.Encoding, len(d.Pages), string(pageStarts), nullable(d.FileHash), d.Raw, int64(e.SimHash),
		nullable(e.DuplicateOf), time.Now().UTC().Format(time.RFC3339), e.Extractor, jsonOrNull(d.OCR), jsonOrNull(d.Cells), jsonOrNull(d.Notes))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // the same text was stored before
	}
	for _, a := range d.Articles {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles (id, doc, start, "end", title, date, issuer, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, d.ID, a.Start, a.End, nullable(a.Title), nullable(a.Date), nullable(a.Issuer), nullable(strings.Join(a.Authors, "、"))); err != nil {
			return false, err
		}
	}
	return true, nil
}

// deleteDocument deletes a document with its articles, figures and
// entities. The schema's ON DELETE CASCADE would do it, but the writer
// runs without foreign-key enforcement (see Open).
func deleteDocument(ctx context.Context, tx *sql.Tx, id string) error {
	for _, table := range []string{"figures", "entities", "articles"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE doc = ?`, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
	return err
}

// PutStream writes a document as Put does, in one transaction, taking
// its figures and names window by window: windows calls put for each
// window, in document order, so that a long document's figures are never
// all in memory. Notes put adds are stored with the document.
func (s *Store) PutStream(ctx context.Context, e Entry, windows func(put func(figs []corpus.Figure, ents []corpus.Entity, notes []string) error) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		inserted, err := putDocument(ctx, tx, e)
		if err != nil {
			return fmt.Errorf("%s: %w", e.Doc.Source, err)
		}
		if !inserted {
			return nil
		}
		nfigs, nents := 0, 0
		notes := e.Doc.Notes
		w := newRowWriter(tx)
		err = windows(func(figs []corpus.Figure, ents []corpus.Entity, more []string) error {
			if err := insertFigures(ctx, w, e.Doc, figs, nfigs); err != nil {
				return err
			}
			if err := insertEntities(ctx, w, e.Doc, ents, nents); err != nil {
				return err
			}
			nfigs, nents = nfigs+len(figs), nents+len(ents)
			notes = append(notes, more...)
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", e.Doc.Source, err)
		}
		if len(notes) > len(e.Doc.Notes) {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET notes = ? WHERE id = ?`, jsonOrNull(notes), e.Doc.ID); err != nil {
				return err
			}
		}
		return bumpGeneration(ctx, tx)
	})
}

// rowsPerInsert is how many rows one INSERT statement carries: fewer,
// larger statements cost the driver far less than one call per row.
const rowsPerInsert = 32

// rowWriter inserts rows in one transaction, many per statement, and
// prepares each statement once per transaction: parsing a 32-row INSERT
// again for every 32 figures cost a fifth of storing them.
type rowWriter struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newRowWriter(tx *sql.Tx) *rowWriter { return &rowWriter{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (w *rowWriter) exec(ctx context.Context, q string, args ...any) error {
	st, ok := w.stmts[q]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(ctx, q); err != nil {
			return err
		}
		w.stmts[q] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}

// insertRows inserts n rows, row(i) giving the values of row i, with
// multi-row statements; rows are built a statement at a time, so that a
// document of a million figures is not held twice.
// Statements are INSERT OR FAIL: a failing row stops the statement
// without undoing its earlier rows (the caller rolls the transaction
// back), so SQLite needs no statement journal for them.
func insertRows(ctx context.Context, w *rowWriter, head string, width, n int, row func(i int) []any) error {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	full := head + " VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", rowsPerInsert), ", ")
	args := make([]any, 0, rowsPerInsert*width)
	for start := 0; start < n; start += rowsPerInsert {
		k := min(rowsPerInsert, n-start)
		args = args[:0]
		for i := start; i < start+k; i++ {
			args = append(args, row(i)...)
		}
		q := full
		if k < rowsPerInsert {
			q = head + " VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", k), ", ")
		}
		if err := w.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

func insertFigures(ctx context.Context, w *rowWriter, d corpus.Document, figs []corpus.Figure, seq0 int) error {
	return insertRows(ctx, w, `INSERT OR FAIL INTO figures
		(id, doc, article, page, seq, source, kind, value, value_max, unit, approx, bound, change, text, surface, start, "end",
		 sentence, metric, subject, period, period_from, period_to, base, target, precision, rule, warnings, dict, cell)`, 30, len(figs),
		func(i int) []any {
			f := figs[i]
			var valueMax any
			if f.ValueMax != nil {
				valueMax = *f.ValueMax
			}
			return []any{f.ID, d.ID, nullable(f.Article), nullable0(d.Page(f.Start)), seq0 + i, f.Source, string(f.Kind),
				f.Value, valueMax, f.Unit, f.Approx, nullable(f.Bound), nullable(f.Change), f.Text, f.Surface, f.Start, f.End,
				f.Sentence, f.Metric, f.Subject, f.Period, nullable(f.PeriodFrom), nullable(f.PeriodTo), f.Base, f.Target, f.Precision,
				f.Rule, jsonOrNull(f.Warnings), f.Dict, nullable(f.Cell)}
		})
}

func insertEntities(ctx context.Context, w *rowWriter, d corpus.Document, ents []corpus.Entity, seq0 int) error {
	return insertRows(ctx, w, `INSERT OR FAIL INTO entities (doc, article, page, seq, kind, name, canonical, title, text, start, "end", warnings)`, 12, len(ents),
		func(i int) []any {
			e := ents[i]
			return []any{d.ID, nullable(e.Article), nullable0(d.Page(e.Start)), seq0 + i, string(e.Kind), e.Name,
				e.Canonical, nullable(e.Title), e.Text, e.Start, e.End, jsonOrNull(e.Warnings)}
		})
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonOrNull writes a list as JSON, an empty one as NULL.
func jsonOrNull[T any](list []T) any {
	if len(list) == 0 {
		return nil
	}
	b, err := json.Marshal(list)
	if err != nil {
		return nil
	}
	return string(b)
}

func nullable0(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// Named names the store's file in err when the database itself raised it
// (a corrupt page, a full disk, an I/O error): such errors surface in
// queries long after the store was opened, and say nothing of which file
// is at fault. Other errors (a caller's, passed through a callback) are
// returned as they are.
func (s *Store) Named(err error) error {
	var dbErr *sqlite.Error
	if err == nil || !errors.As(err, &dbErr) || strings.Contains(err.Error(), s.Path) {
		return err
	}
	return fmt.Errorf("store %s: %w", s.Path, err)
}
