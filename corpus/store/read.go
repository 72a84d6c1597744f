package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"reportmine/corpus"
)

// likeEscape makes a pattern of LIKE ... ESCAPE '\' match s literally.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// FigureFilter narrows an export of figures; zero fields do not filter.
type FigureFilter struct {
	Kind, Unit, Metric, Subject, Source string
	Min, Max                            *float64
	SkipDuplicates                      bool
	// Year keeps figures whose period starts in that year or, without a
	// resolved period, whose document is dated in it.
	Year string
	// Target keeps targets (true) or outcomes (false); nil keeps both.
	Target *bool
	// Order is one of FigureOrders (a leading - sorts descending); empty
	// is document order.
	Order string
	// Limit stops after that many figures; 0 is no limit. A filter with a
	// limit is answered from the figure catalogue.
	Limit int
	// Metrics keeps figures whose metric is one of these, exactly.
	Metrics []string
	// Whose keeps figures about this subject: theirs, or when they name
	// none, their document's place.
	Whose string
	docID string // one document's figures
	// within, with docID, keeps the figures that start in the span.
	within *corpus.Span
}

// FigureOrders are the columns figures can be sorted by.
var FigureOrders = map[string]string{
	"value": "f.value", "metric": "f.metric", "subject": "f.subject", "period": "f.period_from",
	"date": "d.date", "source": "d.source", "unit": "f.unit",
}

// orderBy is the ORDER BY clause of a filter: its column, then document
// order, so that equal keys keep a stable order.
func (f FigureFilter) orderBy() (string, error) {
	order := " ORDER BY d.source, d.id, f.seq"
	if f.Order == "" {
		return order, nil
	}
	col, ok := FigureOrders[strings.TrimPrefix(f.Order, "-")]
	if !ok {
		return "", fmt.Errorf("cannot sort figures by %q", f.Order)
	}
	dir := " ASC"
	if strings.HasPrefix(f.Order, "-") {
		dir = " DESC"
	}
	return " ORDER BY " + col + dir + ", d.source, d.id, f.seq", nil
}

func (f FigureFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if f.Kind != "" {
		add("f.kind = ?", f.Kind)
	}
	if f.Unit != "" {
		add("f.unit = ?", f.Unit)
	}
	if f.Metric != "" {
		add(`f.metric LIKE ? ESCAPE '\'`, "%"+likeEscape(f.Metric)+"%")
	}
	if f.Subject != "" {
		add(`f.subject LIKE ? ESCAPE '\'`, "%"+likeEscape(f.Subject)+"%")
	}
	if f.Source != "" {
		add(`d.source LIKE ? ESCAPE '\'`, "%"+likeEscape(f.Source)+"%")
	}
	if len(f.Metrics) > 0 {
		conds = append(conds, "f.metric IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Metrics)), ",")+")")
		for _, m := range f.Metrics {
			args = append(args, m)
		}
	}
	if f.Min != nil {
		add("f.value >= ?", *f.Min)
	}
	if f.Max != nil {
		add("f.value <= ?", *f.Max)
	}
	if f.SkipDuplicates {
		conds = append(conds, "d.duplicate_of IS NULL")
	}
	if f.docID != "" {
		add("f.doc = ?", f.docID)
	}
	if f.within != nil {
		add("f.start >= ?", f.within.Start)
		add("f.start < ?", f.within.End)
	}
	if f.Target != nil {
		add("f.target = ?", *f.Target)
	}
	if f.Whose != "" {
		conds = append(conds, "(f.subject = ? OR (f.subject = '' AND d.place = ?))")
		args = append(args, f.Whose, f.Whose)
	}
	if f.Year != "" {
		conds = append(conds, `(substr(f.period_from, 1, 4) = ? OR (f.period_from IS NULL AND (substr(d.date, 1, 4) = ? OR f.period LIKE ? ESCAPE '\')))`)
		args = append(args, f.Year, f.Year, likeEscape(f.Year)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// FigureRow is a stored figure with the columns the contract does not
// have and its document's title, date and near-duplicate mark.
type FigureRow struct {
	corpus.Figure
	Title, Date, Issuer string
	// Place is the jurisdiction the figure's document speaks for.
	Place     string
	Duplicate bool
}

// ErrNotFound is returned for a document the store does not hold.
var ErrNotFound = errors.New("no such document")

// Figures calls fn for each stored figure that passes the filter, in
// document order (documents ordered by source) or the filter's order. A
// filter with a limit is answered from the figure catalogue.
func (s *Store) Figures(ctx context.Context, filter FigureFilter, fn func(FigureRow) error) error {
	if err := s.Index(ctx); err != nil {
		return err
	}
	if filter.Limit > 0 {
		cat, err := s.catalogue(ctx)
		if err != nil {
			return err
		}
		ids, err := cat.page(filter)
		if err != nil {
			return err
		}
		return s.byRowID(ctx, ids, fn)
	}
	return s.figuresSQL(ctx, filter, fn)
}

// figuresSQL answers a filter with one query.
func (s *Store) figuresSQL(ctx context.Context, filter FigureFilter, fn func(FigureRow) error) error {
	where, args := filter.where()
	order, err := filter.orderBy()
	if err != nil {
		return err
	}
	if filter.Limit > 0 {
		order += " LIMIT " + strconv.Itoa(filter.Limit)
	}
	return s.scanFigures(ctx, where+order, args, func(_ int64, r FigureRow) error { return fn(r) })
}

// scanFigures reads figure rows with their documents' columns; tail is
// the WHERE, ORDER and LIMIT clauses.
func (s *Store) scanFigures(ctx context.Context, tail string, args []any, fn func(rowid int64, r FigureRow) error) error {
	return s.scanFiguresFrom(ctx, "f.rowid", "figures f JOIN documents d ON d.id = f.doc", tail, args, fn)
}

// scanFiguresFrom is scanFigures over another FROM clause (which names
// the figures f and their documents d), handing fn the integer key
// instead of the figure's rowid.
func (s *Store) scanFiguresFrom(ctx context.Context, key, from, tail string, args []any, fn func(key int64, r FigureRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+key+`, f.id, f.doc, f.source, f.kind, f.value, f.value_max, f.unit, f.approx, f.bound, f.change,
		f.text, f.surface, f.start, f."end", f.sentence, f.metric, f.subject, f.period, f.period_from, f.period_to, f.base, f.target,
		f.article, f.precision, f.rule, f.warnings, f.dict, f.page, f.cell, d.title, d.date, d.issuer, d.place, d.duplicate_of IS NOT NULL
		FROM `+from+tail, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r FigureRow
		var rowid int64
		var valueMax sql.NullFloat64
		var bound, change, periodFrom, periodTo, article, warnings, cell sql.NullString
		var page sql.NullInt64
		var title, date, issuer, place sql.NullString
		f := &r.Figure
		if err := rows.Scan(&rowid, &f.ID, &f.Doc, &f.Source, &f.Kind, &f.Value, &valueMax, &f.Unit, &f.Approx, &bound, &change,
			&f.Text, &f.Surface, &f.Start, &f.End, &f.Sentence, &f.Metric, &f.Subject, &f.Period, &periodFrom, &periodTo, &f.Base, &f.Target,
			&article, &f.Precision, &f.Rule, &warnings, &f.Dict, &page, &cell, &title, &date, &issuer, &place, &r.Duplicate); err != nil {
			return err
		}
		f.Schema = corpus.FigureSchema
		if valueMax.Valid {
			v := valueMax.Float64
			f.ValueMax = &v
		}
		f.Bound, f.Change, f.PeriodFrom, f.PeriodTo, f.Article = bound.String, change.String, periodFrom.String, periodTo.String, article.String
		if warnings.Valid {
			json.Unmarshal([]byte(warnings.String), &f.Warnings)
		}
		f.Page, f.Cell, r.Title, r.Date, r.Issuer, r.Place = int(page.Int64), cell.String, title.String, date.String, issuer.String, place.String
		if err := fn(rowid, r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DocumentRow is a stored document without its text.
type DocumentRow struct {
	ID          string `json:"id"`
	Source      string `json:"source"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Date        string `json:"date,omitempty"`
	Issuer      string `json:"issuer,omitempty"`
	Authors     string `json:"authors,omitempty"`
	Issue       string `json:"issue,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Place       string `json:"place,omitempty"`
	Format      string `json:"format"`
	Encoding    string `json:"encoding"`
	Pages       int    `json:"pages"`
	FileHash    string `json:"file_hash,omitempty"`
	Bytes       int    `json:"bytes"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	IngestedAt  string `json:"ingested_at"`
	Extractor   string `json:"extractor"`
	Figures     int    `json:"figures"`
	// OCRPages are the pages read by OCR, with their confidence.
	OCRPages []corpus.OCRPage `json:"ocr_pages,omitempty"`
	// Notes say what a reader should know about how it was read.
	Notes []string `json:"notes,omitempty"`
}

// Documents calls fn for each stored document, ordered by source.
func (s *Store) Documents(ctx context.Context, fn func(DocumentRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.source, d.url, d.title, d.date, d.issuer, d.authors, d.issue, d.kind, d.place, d.format,
		d.encoding, d.pages, d.file_hash, length(CAST(d.raw AS BLOB)), d.duplicate_of, d.ingested_at, d.extractor,
		(SELECT count(*) FROM figures f WHERE f.doc = d.id), d.ocr, d.notes
		FROM documents d ORDER BY d.source, d.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r DocumentRow
		var url, title, date, issuer, authors, issue, kind, place, fileHash, dup, extractor, ocr, notes sql.NullString
		if err := rows.Scan(&r.ID, &r.Source, &url, &title, &date, &issuer, &authors, &issue, &kind, &place, &r.Format, &r.Encoding, &r.Pages,
			&fileHash, &r.Bytes, &dup, &r.IngestedAt, &extractor, &r.Figures, &ocr, &notes); err != nil {
			return err
		}
		if err := unmarshalColumn(ocr, &r.OCRPages); err != nil {
			return fmt.Errorf("document %s: ocr: %w", r.ID, err)
		}
		if err := unmarshalColumn(notes, &r.Notes); err != nil {
			return fmt.Errorf("document %s: notes: %w", r.ID, err)
		}
		r.URL, r.Title, r.Date, r.Issuer, r.Authors, r.Issue = url.String, title.String, date.String, issuer.String, authors.String, issue.String
		r.Kind, r.Place = kind.String, place.String
		r.FileHash, r.DuplicateOf, r.Extractor = fileHash.String, dup.String, extractor.String
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Entities calls fn for each stored entity, in document order.
func (s *Store) Entities(ctx context.Context, fn func(corpus.Entity) error) error {
	return s.entities(ctx, "", fn)
}

func (s *Store) entities(ctx context.Context, doc string, fn func(corpus.Entity) error) error {
	return s.entitiesWithin(ctx, doc, nil, fn)
}

func (s *Store) entitiesWithin(ctx context.Context, doc string, within *corpus.Span, fn func(corpus.Entity) error) error {
	where, args := "", []any{}
	if doc != "" {
		where, args = " WHERE e.doc = ?", []any{doc}
	}
	if doc != "" && within != nil {
		where += " AND e.start >= ? AND e.start < ?"
		args = append(args, within.Start, within.End)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.doc, d.source, e.article, e.kind, e.name, e.canonical, e.title, e.text, e.start, e."end", e.page, e.warnings
		FROM entities e JOIN documents d ON d.id = e.doc`+where+` ORDER BY d.source, d.id, e.seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e corpus.Entity
		var article, canonical, title, warnings sql.NullString
		var page sql.NullInt64
		if err := rows.Scan(&e.Doc, &e.Source, &article, &e.Kind, &e.Name, &canonical, &title, &e.Text, &e.Start, &e.End, &page, &warnings); err != nil {
			return err
		}
		e.Article, e.Canonical, e.Title, e.Page = article.String, canonical.String, title.String, int(page.Int64)
		if err := unmarshalColumn(warnings, &e.Warnings); err != nil {
			return fmt.Errorf("entity of %s: warnings: %w", e.Doc, err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Counts are the store's row counts.
type Counts struct {
	Documents int `json:"documents"`
	Figures   int `json:"figures"`
	Entities  int `json:"entities"`
}

// Count returns the row counts.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures), (SELECT count(*) FROM entities)`).
		Scan(&c.Documents, &c.Figures, &c.Entities)
	return c, err
}

// StartRun records the start of an ingest run and returns its id.
func (s *Store) StartRun(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO runs (started_at) VALUES (?)`, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Source statuses recorded per run.
const (
	StatusIngested  = "ingested"
	StatusUnchanged = "unchanged"
	StatusUpdated   = "updated" // the same text, stored again with corrected metadata
	StatusFailed    = "failed"
)

// SourceRecord is what a run did with one source.
type SourceRecord struct {
	Source string `json:"source"`
	Doc    string `json:"doc,omitempty"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// RecordSources notes what a run did with some sources, in one transaction.
func (s *Store) RecordSources(ctx context.Context, run int64, recs []SourceRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range recs {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sources (run, source, doc, status, reason) VALUES (?, ?, ?, ?, ?)`,
				run, r.Source, nullable(r.Doc), r.Status, nullable(r.Reason)); err != nil {
				return err
			}
		}
		return nil
	})
}

// FinishRun records a run's totals.
func (s *Store) FinishRun(ctx context.Context, run int64, ingested, unchanged, failed int) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, ingested = ?, unchanged = ?, failed = ? WHERE id = ?`,
		time.Now().UTC().Format(time.RFC3339), ingested, unchanged, failed, run)
	if err != nil {
		return err
	}
	return s.Index(ctx) // so that read commands, which may not write, find them
}

// LastFailures lists the sources that failed in the most recent run.
func (s *Store) LastFailures(ctx context.Context) ([]string, error) {
	return s.strings(ctx, `SELECT source FROM sources WHERE status = ? AND run = (SELECT max(run) FROM sources) ORDER BY source`, StatusFailed)
}

// strings runs a query whose rows are one text column.
func (s *Store) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Index builds the indexes that queries use, if they are missing.
func (s *Store) Index(ctx context.Context) error {
	if s.readOnly {
		return nil
	}
	_, err := s.db.ExecContext(ctx, queryIndexes)
	return err
}

// KeepFigures opens the store copy at path and deletes the figures the
// filter does not choose.
func KeepFigures(ctx context.Context, path string, filter FigureFilter) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	where, args := filter.where()
	_, err = db.ExecContext(ctx, `DELETE FROM figures WHERE id NOT IN (SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc`+where+`)`, args...)
	return err
}

// DocumentIDs lists the stored documents' ids, ordered by source.
func (s *Store) DocumentIDs(ctx context.Context) ([]string, error) {
	return s.strings(ctx, `SELECT id FROM documents ORDER BY source, id`)
}

// Load reads a stored document back whole: text, metadata, pages,
// articles, figures and entities.
func (s *Store) Load(ctx context.Context, id string) (corpus.Document, []corpus.Figure, []corpus.Entity, error) {
	d, err := s.LoadDocument(ctx, id)
	if err != nil {
		return d, nil, nil, err
	}
	figs, ents, err := s.Within(ctx, id, nil)
	return d, figs, ents, err
}

// Within reads a stored document's figures and names that start in the
// span (all of them when span is nil), in document order: a long
// document is read back window by window.
func (s *Store) Within(ctx context.Context, id string, span *corpus.Span) ([]corpus.Figure, []corpus.Entity, error) {
	var figs []corpus.Figure
	if err := s.Figures(ctx, FigureFilter{docID: id, within: span}, func(r FigureRow) error { figs = append(figs, r.Figure); return nil }); err != nil {
		return nil, nil, err
	}
	var ents []corpus.Entity
	if err := s.entitiesWithin(ctx, id, span, func(e corpus.Entity) error { ents = append(ents, e); return nil }); err != nil {
		return nil, nil, err
	}
	return figs, ents, nil
}

// DocSpan is a span of a stored document's text.
type DocSpan struct {
	Doc string
	corpus.Span
}

// FiguresWithinEach reads, for each span, the figures that start in it,
// in document order, with one query for all of them: the figures of a
// page of search hits (one query per hit cost more to prepare than to
// run). The spans go to SQLite as one JSON value, however many there
// are; spans that overlap each get the figures they hold.
func (s *Store) FiguresWithinEach(ctx context.Context, spans []DocSpan) ([][]corpus.Figure, error) {
	out := make([][]corpus.Figure, len(spans))
	if len(spans) == 0 {
		return out, nil
	}
	list := make([][3]any, len(spans))
	for i, sp := range spans {
		list[i] = [3]any{sp.Doc, sp.Start, sp.End}
	}
	js, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	const from = `json_each(?) s
		JOIN figures f ON f.doc = s.value->>0 AND f.start >= s.value->>1 AND f.start < s.value->>2
		JOIN documents d ON d.id = f.doc`
	err = s.scanFiguresFrom(ctx, "s.key", from, " ORDER BY s.key, f.start, f.seq", []any{string(js)}, func(i int64, r FigureRow) error {
		if i < 0 || int(i) >= len(out) {
			return fmt.Errorf("figures of spans: span %d of %d", i, len(out))
		}
		out[i] = append(out[i], r.Figure)
		return nil
	})
	return out, err
}

// LoadDocument reads a stored document back without its figures and
// names: text, metadata, pages, articles.
func (s *Store) LoadDocument(ctx context.Context, id string) (corpus.Document, error) {
	var d corpus.Document
	var url, title, date, issuer, authors, issue, kind, place, pageStarts, fileHash, ocr, cells, notes sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, source, url, title, date, issuer, authors, issue, kind, place, format, encoding, page_starts, file_hash, raw,
		ocr, cells, notes
		FROM documents WHERE id = ?`, id).Scan(&d.ID, &d.Source, &url, &title, &date, &issuer, &authors, &issue, &kind, &place, &d.Format, &d.Encoding,
		&pageStarts, &fileHash, &d.Raw, &ocr, &cells, &notes)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, err
	}
	d.URL, d.Title, d.Date, d.Issuer, d.Issue, d.FileHash = url.String, title.String, date.String, issuer.String, issue.String, fileHash.String
	d.Kind, d.Place = kind.String, place.String
	if authors.String != "" {
		d.Authors = strings.Split(authors.String, "、")
	}
	json.Unmarshal([]byte(pageStarts.String), &d.Pages)
	for _, c := range []struct {
		col sql.NullString
		to  any
	}{{ocr, &d.OCR}, {cells, &d.Cells}, {notes, &d.Notes}} {
		if err := unmarshalColumn(c.col, c.to); err != nil {
			return d, fmt.Errorf("document %s: %w", id, err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, start, "end", title, date, issuer, authors FROM articles WHERE doc = ? ORDER BY start`, id)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var a corpus.Article
		var t, dt, is, au sql.NullString
		if err := rows.Scan(&a.ID, &a.Start, &a.End, &t, &dt, &is, &au); err != nil {
			rows.Close()
			return d, err
		}
		a.Title, a.Date, a.Issuer = t.String, dt.String, is.String
		if au.String != "" {
			a.Authors = strings.Split(au.String, "、")
		}
		d.Articles = append(d.Articles, a)
	}
	rows.Close()
	return d, rows.Err()
}

// Run is one ingest run: when, and what it did.
type Run struct {
	ID         int64          `json:"id"`
	StartedAt  string         `json:"started_at"`
	FinishedAt string         `json:"finished_at,omitempty"`
	Ingested   int            `json:"ingested"`
	Unchanged  int            `json:"unchanged"`
	Failed     int            `json:"failed"`
	Failures   []SourceRecord `json:"failures,omitempty"`
}

// Runs lists the ingest runs, newest first, with each run's failures.
func (s *Store) Runs(ctx context.Context, limit int) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, started_at, finished_at, ingested, unchanged, failed FROM runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	var runs []Run
	for rows.Next() {
		var r Run
		var finished sql.NullString
		var ing, unch, failed sql.NullInt64
		if err := rows.Scan(&r.ID, &r.StartedAt, &finished, &ing, &unch, &failed); err != nil {
			rows.Close()
			return nil, err
		}
		r.FinishedAt, r.Ingested, r.Unchanged, r.Failed = finished.String, int(ing.Int64), int(unch.Int64), int(failed.Int64)
		runs = append(runs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range runs {
		frows, err := s.db.QueryContext(ctx, `SELECT source, doc, status, reason FROM sources WHERE run = ? AND status = ? ORDER BY source`, runs[i].ID, StatusFailed)
		if err != nil {
			return nil, err
		}
		for frows.Next() {
			var rec SourceRecord
			var doc, reason sql.NullString
			if err := frows.Scan(&rec.Source, &doc, &rec.Status, &reason); err != nil {
				frows.Close()
				return nil, err
			}
			rec.Doc, rec.Reason = doc.String, reason.String
			runs[i].Failures = append(runs[i].Failures, rec)
		}
		frows.Close()
	}
	return runs, nil
}

// unmarshalColumn reads a JSON column; NULL leaves v as it is.
func unmarshalColumn(col sql.NullString, v any) error {
	if !col.Valid || col.String == "" {
		return nil
	}
	return json.Unmarshal([]byte(col.String), v)
}
