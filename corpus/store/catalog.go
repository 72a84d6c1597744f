package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The figure catalogue: the columns that filter and sort figures, for
// every stored figure, held in memory. A page of figures (a filter with a
// Limit) is then found by a scan of compact rows instead of every table
// row, and read from the table by rowid: on a store of 170,000 figures a
// page takes milliseconds instead of a tenth of a second. The catalogue is
// rebuilt when the store's generation moves on. It answers exactly as the
// SQL filter does (TestCatalogMatchesSQL).
type catalogHolder struct {
	mu  sync.Mutex
	gen int64
	cat *catalog
}

type catalog struct {
	rows []catRow
	// strs are the distinct strings of the LIKE columns, folded; rows
	// name them by index, so that a pattern is tried once per string.
	strs []string
	// sorted are the rows' positions in each order, made on first use.
	sortMu sync.Mutex
	sorted map[string][]int32
}

// catRow is one figure's filter and sort columns; rows are in document
// order (source, document id, position), which breaks ties in sorting.
type catRow struct {
	rowid                            int64
	value                            float64
	kind, unit, metric, subject      string
	period, periodFrom, source, date string
	place                            string
	target, duplicate                bool
	// The LIKE columns, folded as LIKE compares them, as indexes into
	// catalog.strs.
	metricL, subjectL, sourceL, periodL int32
}

// catalogue returns the current catalogue, rebuilding it when the store
// changed since it was built.
func (s *Store) catalogue(ctx context.Context) (*catalog, error) {
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, err
	}
	s.cat.mu.Lock()
	defer s.cat.mu.Unlock()
	if s.cat.cat != nil && s.cat.gen == gen {
		return s.cat.cat, nil
	}
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, fmt.Errorf("figure catalogue: %w", err)
	}
	s.cat.cat, s.cat.gen = cat, gen
	return cat, nil
}

// WarmUp builds the figure catalogue now, so that the first request does
// not wait for it.
func (s *Store) WarmUp(ctx context.Context) error {
	_, err := s.catalogue(ctx)
	return err
}

func (s *Store) loadCatalog(ctx context.Context) (*catalog, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.rowid, f.value, f.kind, f.unit, f.metric, f.subject, f.period, f.period_from, f.target,
		d.source, d.date, d.duplicate_of IS NOT NULL, d.place
		FROM figures f JOIN documents d ON d.id = f.doc ORDER BY d.source, d.id, f.seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	intern := map[string]string{}
	in := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	cat := &catalog{sorted: map[string][]int32{}}
	ids := map[string]int32{}
	id := func(s string) int32 {
		s = asciiLower(s)
		n, ok := ids[s]
		if !ok {
			n = int32(len(cat.strs))
			ids[s] = n
			cat.strs = append(cat.strs, s)
		}
		return n
	}
	for rows.Next() {
		var r catRow
		var periodFrom, date, place sql.NullString
		if err := rows.Scan(&r.rowid, &r.value, &r.kind, &r.unit, &r.metric, &r.subject, &r.period, &periodFrom, &r.target,
			&r.source, &date, &r.duplicate, &place); err != nil {
			return nil, err
		}
		r.kind, r.unit, r.metric, r.subject, r.period = in(r.kind), in(r.unit), in(r.metric), in(r.subject), in(r.period)
		r.periodFrom, r.source, r.date = in(periodFrom.String), in(r.source), in(date.String)
		r.metricL, r.subjectL, r.sourceL, r.periodL = id(r.metric), id(r.subject), id(r.source), id(r.period)
		r.place = in(place.String)
		cat.rows = append(cat.rows, r)
	}
	return cat, rows.Err()
}

// query is a filter prepared for one scan of a catalogue: each LIKE
// pattern tried once on each distinct string.
type query struct {
	FigureFilter
	metric, subject, source, period []bool // by string index; nil: no condition
	metrics                         map[string]bool
}

func (c *catalog) prepare(f FigureFilter) query {
	q := query{FigureFilter: f}
	like := func(pattern string, prefix bool) []bool {
		if pattern == "" {
			return nil
		}
		pattern = asciiLower(pattern)
		out := make([]bool, len(c.strs))
		for i, s := range c.strs {
			if prefix {
				out[i] = strings.HasPrefix(s, pattern)
			} else {
				out[i] = strings.Contains(s, pattern)
			}
		}
		return out
	}
	q.metric, q.subject, q.source, q.period = like(f.Metric, false), like(f.Subject, false), like(f.Source, false), like(f.Year, true)
	if len(f.Metrics) > 0 {
		q.metrics = map[string]bool{}
		for _, m := range f.Metrics {
			q.metrics[m] = true
		}
	}
	return q
}

// match is the filter's WHERE clause (FigureFilter.where) over a
// catalogue row.
func (q *query) match(r *catRow) bool {
	switch {
	case q.Kind != "" && r.kind != q.Kind,
		q.Unit != "" && r.unit != q.Unit,
		q.metric != nil && !q.metric[r.metricL],
		q.subject != nil && !q.subject[r.subjectL],
		q.source != nil && !q.source[r.sourceL],
		q.Whose != "" && r.subject != q.Whose && !(r.subject == "" && r.place == q.Whose),
		q.Min != nil && r.value < *q.Min,
		q.Max != nil && r.value > *q.Max,
		q.SkipDuplicates && r.duplicate,
		q.Target != nil && r.target != *q.Target,
		q.metrics != nil && !q.metrics[r.metric]:
		return false
	}
	if q.Year != "" {
		if r.periodFrom != "" {
			return first4(r.periodFrom) == q.Year
		}
		return r.date != "" && first4(r.date) == q.Year || q.period[r.periodL]
	}
	return true
}

// first4 is SQL's substr(s, 1, 4).
func first4(s string) string {
	n := 0
	for i := range s {
		if n == 4 {
			return s[:i]
		}
		n++
	}
	return s
}

// asciiLower folds as LIKE does: SQLite folds ASCII letters only.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// page picks the rowids of a filter's page: matching rows, in its order
// (document order breaking ties), at most its limit. Rows are visited in
// the order's sequence, so a page stops as soon as it is full.
func (c *catalog) page(f FigureFilter) ([]int64, error) {
	q := c.prepare(f)
	limit := f.Limit
	if limit <= 0 {
		limit = len(c.rows)
	}
	var ids []int64
	take := func(i int32) bool {
		if r := &c.rows[i]; q.match(r) {
			ids = append(ids, r.rowid)
		}
		return len(ids) < limit
	}
	if f.Order == "" {
		for i := range c.rows {
			if !take(int32(i)) {
				break
			}
		}
		return ids, nil
	}
	name := strings.TrimPrefix(f.Order, "-")
	key, ok := catalogOrders[name]
	if !ok {
		return nil, fmt.Errorf("cannot sort figures by %q", f.Order)
	}
	perm := c.order(name, key)
	if !strings.HasPrefix(f.Order, "-") {
		for _, i := range perm {
			if !take(i) {
				break
			}
		}
		return ids, nil
	}
	// Descending: groups of equal keys from the end, each group in
	// document order, as SQL's tie-breaking columns sort.
	for end := len(perm); end > 0; {
		start := end - 1
		for start > 0 && key(&c.rows[perm[start-1]], &c.rows[perm[end-1]]) == 0 {
			start--
		}
		for _, i := range perm[start:end] {
			if !take(i) {
				return ids, nil
			}
		}
		end = start
	}
	return ids, nil
}

// order is the rows' sequence sorted by key, document order breaking
// ties; made once per catalogue.
func (c *catalog) order(name string, key func(a, b *catRow) int) []int32 {
	c.sortMu.Lock()
	defer c.sortMu.Unlock()
	if perm, ok := c.sorted[name]; ok {
		return perm
	}
	perm := make([]int32, len(c.rows))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, func(a, b int32) int { return key(&c.rows[a], &c.rows[b]) })
	c.sorted[name] = perm
	return perm
}

// catalogOrders are FigureOrders over catalogue rows; SQL sorts NULL
// first, as the empty string sorts here.
var catalogOrders = map[string]func(a, b *catRow) int{
	"value":   func(a, b *catRow) int { return cmpFloat(a.value, b.value) },
	"metric":  func(a, b *catRow) int { return strings.Compare(a.metric, b.metric) },
	"subject": func(a, b *catRow) int { return strings.Compare(a.subject, b.subject) },
	"period":  func(a, b *catRow) int { return strings.Compare(a.periodFrom, b.periodFrom) },
	"date":    func(a, b *catRow) int { return strings.Compare(a.date, b.date) },
	"source":  func(a, b *catRow) int { return strings.Compare(a.source, b.source) },
	"unit":    func(a, b *catRow) int { return strings.Compare(a.unit, b.unit) },
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// byRowID reads the figures of a page, in the page's order.
func (s *Store) byRowID(ctx context.Context, ids []int64, fn func(FigureRow) error) error {
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		part := ids[:n]
		ids = ids[n:]
		list := make([]string, len(part))
		for i, id := range part {
			list[i] = strconv.FormatInt(id, 10)
		}
		got := map[int64]FigureRow{}
		err := s.scanFigures(ctx, ` WHERE f.rowid IN (`+strings.Join(list, ",")+`)`, nil, func(rowid int64, r FigureRow) error {
			got[rowid] = r
			return nil
		})
		if err != nil {
			return err
		}
		for _, id := range part {
			if r, ok := got[id]; ok {
				if err := fn(r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Metrics counts the stored figures by metric.
func (s *Store) Metrics(ctx context.Context) (map[string]int, error) {
	cat, err := s.catalogue(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for i := range cat.rows {
		out[cat.rows[i].metric]++
	}
	return out, nil
}
