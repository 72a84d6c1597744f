package server

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"reportmine/app"
	"reportmine/check"
	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/format"
	"reportmine/index"
)

// Limits on what a request may ask: query and claim lengths, request
// bodies, page sizes.
const (
	MaxQueryRunes = 500
	MaxBodyBytes  = 64 << 10
	MaxClaims     = 50
	MaxPageSize   = 200
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Options configure a server. The zero value is a read-only server.
type Options struct {
	// AllowIngest adds POST /ingest and /ingest.json: files uploaded are
	// saved under the data directory's uploads folder and ingested.
	AllowIngest bool
	// MaxUploadBytes bounds one upload request (default 64 MiB).
	MaxUploadBytes int64
}

// Server serves the web application and the API over a workspace.
type Server struct {
	ws     *app.Workspace
	opts   Options
	pages  *template.Template
	mux    *http.ServeMux
	now    func() time.Time
	ingest sync.Mutex // one ingest at a time
}

// New returns a server over ws.
func New(ws *app.Workspace, opts Options) (*Server, error) {
	pages, err := template.New("").Funcs(funcs).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = 64 << 20
	}
	s := &Server{ws: ws, opts: opts, pages: pages, mux: http.NewServeMux(), now: time.Now}
	s.routes()
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
	w.Header().Set("Referrer-Policy", "no-referrer")
	limit := int64(MaxBodyBytes)
	if s.opts.AllowIngest && (r.URL.Path == "/ingest" || r.URL.Path == "/ingest.json") {
		limit = s.opts.MaxUploadBytes
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	s.mux.ServeHTTP(w, r)
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.searchPage)
	s.mux.HandleFunc("GET /search", s.searchPage)
	s.mux.HandleFunc("GET /search.json", s.searchJSON)
	s.mux.HandleFunc("GET /search.csv", s.searchCSV)
	s.mux.HandleFunc("GET /kwic.json", s.kwicJSON)
	s.mux.HandleFunc("GET /documents", s.documentsPage)
	s.mux.HandleFunc("GET /documents.json", s.documentsJSON)
	s.mux.HandleFunc("GET /documents.csv", s.documentsCSV)
	s.mux.HandleFunc("GET /doc/{id}", s.documentPage)
	s.mux.HandleFunc("GET /doc/{id}/json", s.documentJSON)
	s.mux.HandleFunc("GET /figures", s.figuresPage)
	s.mux.HandleFunc("GET /figures.json", s.figuresJSON)
	s.mux.HandleFunc("GET /figures.csv", s.figuresCSV)
	s.mux.HandleFunc("GET /chart", s.chartPage)
	s.mux.HandleFunc("GET /chart.svg", s.chartSVG)
	s.mux.HandleFunc("GET /series.json", s.seriesJSON)
	s.mux.HandleFunc("GET /check", s.checkPage)
	s.mux.HandleFunc("POST /check", s.checkPage)
	s.mux.HandleFunc("GET /check.json", s.checkJSON)
	s.mux.HandleFunc("POST /check.json", s.checkJSON)
	s.mux.HandleFunc("GET /conflicts", s.conflictsPage)
	s.mux.HandleFunc("GET /conflicts.json", s.conflictsJSON)
	s.mux.HandleFunc("GET /status", s.statusPage)
	s.mux.HandleFunc("GET /status.json", s.statusJSON)
	if s.opts.AllowIngest {
		s.mux.HandleFunc("POST /ingest", s.ingestPage)
		s.mux.HandleFunc("POST /ingest.json", s.ingestJSON)
	}
	static, _ := fs.Sub(staticFiles, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if allow := s.allowedMethods(r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.fail(w, r, http.StatusMethodNotAllowed, fmt.Errorf("%s does not take %s (it takes %s)", r.URL.Path, r.Method, strings.Join(allow, ", ")))
			return
		}
		s.fail(w, r, http.StatusNotFound, errors.New("没有这个页面"))
	})
}

// allowedMethods are the methods a route other than the catch-all takes
// at r's path: a path that exists, asked with another method, is a 405
// naming them, not a 404.
func (s *Server) allowedMethods(r *http.Request) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method || (m == http.MethodGet && r.Method == http.MethodHead) {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" {
			out = append(out, m)
		}
	}
	return out
}

// apiError is the JSON body of every failed API request.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// fail answers with an error: JSON for API paths, a page otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	if isAPI(r) {
		writeJSON(w, status, apiError{Error: err.Error(), Status: status})
		return
	}
	w.WriteHeader(status)
	s.render(w, "error", map[string]any{"Title": "出错了", "Status": status, "Error": err.Error()})
}

// statusOf maps an error to its HTTP status: a query that cannot be
// understood is the client's, anything else the server's.
func statusOf(err error) int {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, app.ErrQuery), errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errForbidden):
		return http.StatusForbidden
	case errors.Is(err, errBusy):
		return http.StatusConflict
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

var errBadRequest = errors.New("bad request")

func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errBadRequest, fmt.Sprintf(format, args...))
}

func isAPI(r *http.Request) bool {
	p := r.URL.Path
	return strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, "/json") || strings.HasSuffix(p, ".svg")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func (s *Server) render(w http.ResponseWriter, name string, data map[string]any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	if err := s.pages.ExecuteTemplate(w, name, data); err != nil {
		fmt.Fprintf(w, "<p>模板出错：%s</p>", template.HTMLEscapeString(err.Error()))
	}
}

// writeTable answers with records as CSV through the one column list of
// their type; excel=1 asks for Excel's byte order mark.
func writeTable[T any](w http.ResponseWriter, name string, cols format.Columns[T], records []T) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	out := format.NewWriter(w, format.CSV, cols)
	for _, r := range records {
		out.Write(r)
	}
	out.Close()
}

// query reads a bounded text parameter.
func query(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.FormValue(name))
	if len([]rune(v)) > MaxQueryRunes {
		return "", badRequest("%s is longer than %d characters", name, MaxQueryRunes)
	}
	return v, nil
}

// intParam reads an integer parameter with a default and bounds, the
// command line's: a value out of them is refused, not quietly moved in,
// so that a client never takes a shortened page for the whole.
func intParam(r *http.Request, name string, def, least, most int) (int, error) {
	v := r.FormValue(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badRequest("%s must be an integer, not %q", name, v)
	}
	if n < least || n > most {
		return 0, badRequest("%s must be from %d to %d, not %d", name, least, most, n)
	}
	return n, nil
}

func floatParam(r *http.Request, name string) (*float64, error) {
	v := r.FormValue(name)
	if v == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) {
		return nil, badRequest("%s must be a number, not %q", name, v)
	}
	return &f, nil
}

// yearParam checks a year parameter: four digits, or none.
func yearParam(v string) error {
	if v == "" {
		return nil
	}
	if len(v) != 4 || strings.Trim(v, "0123456789") != "" {
		return badRequest("year must be four digits, not %q", v)
	}
	return nil
}

// --- search ---

func (s *Server) searchRequest(r *http.Request) (index.Request, error) {
	q, err := query(r, "q")
	if err != nil {
		return index.Request{}, err
	}
	limit, err := intParam(r, "limit", 20, 1, MaxPageSize)
	if err != nil {
		return index.Request{}, err
	}
	offset, err := intParam(r, "offset", 0, 0, 100000)
	if err != nil {
		return index.Request{}, err
	}
	sort := r.FormValue("sort")
	if sort != "" && sort != "score" && sort != "date" {
		return index.Request{}, badRequest("search sorts by score or date, not %q", sort)
	}
	req := index.Request{Query: q, Limit: limit, Offset: offset, SortByDate: sort == "date"}
	switch facets := r.FormValue("facets"); {
	case !isAPI(r), facets == "all":
		req.Facets = facetNames()
	case facets != "":
		if req.Facets, err = index.ParseFacets(facets); err != nil {
			return req, badRequest("%v", err)
		}
	}
	return req, nil
}

// facetNames are the facets a search can count, in the order shown.
func facetNames() []string {
	out := make([]string, len(facetOrder))
	for i, f := range facetOrder {
		out[i] = f.Name
	}
	return out
}

func (s *Server) search(r *http.Request) (index.Request, index.Results, error) {
	req, err := s.searchRequest(r)
	if err != nil || req.Query == "" {
		return req, index.Results{Hits: []index.Hit{}}, err // no query: no hits, a list all the same
	}
	res, err := s.ws.Search(r.Context(), req)
	return req, res, err
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	req, res, err := s.search(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "search", map[string]any{"Title": "检索", "Req": req, "Res": res, "Facets": facetList(res.Facets, req),
		"FacetOrder": facetOrder, "Q": r.URL.Query(),
		"Next": pageLink(r, req.Offset+req.Limit, res.Total), "Prev": pageLink(r, req.Offset-req.Limit, res.Total)})
}

func (s *Server) searchJSON(w http.ResponseWriter, r *http.Request) {
	_, res, err := s.search(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) searchCSV(w http.ResponseWriter, r *http.Request) {
	_, res, err := s.search(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeTable(w, "search.csv", format.Hits, res.Hits)
}

func (s *Server) kwicJSON(w http.ResponseWriter, r *http.Request) {
	q, err := query(r, "q")
	width, werr := intParam(r, "width", 20, 1, 200)
	if err == nil {
		err = werr
	}
	var lines []app.KWICLine // none for no query, as search.json has no hits
	if err == nil && q != "" {
		lines, err = s.ws.KWIC(r.Context(), q, width, 100)
	}
	if lines == nil {
		lines = []app.KWICLine{} // a list, empty, not null
	}
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, lines)
}

// facet is one clickable facet value: a link to the search with it added
// as a filter.
type facet struct {
	Name, Value string
	Count       int
	Href        string
}

// facetOrder are the facets a search counts, in the order shown, each a
// field of the query language.
var facetOrder = []struct{ Name, Label string }{
	{"year", "年份"}, {"source", "来源"}, {"issuer", "发布机关"}, {"place", "地名"}, {"kind", "数字类型"}, {"unit", "单位"},
}

// maxFacetValues bounds each facet's list.
const maxFacetValues = 12

func facetList(facets map[string]map[string]int, req index.Request) map[string][]facet {
	out := map[string][]facet{}
	for name, counts := range facets {
		for v, c := range counts {
			if c == 0 || v == "" {
				continue
			}
			q := url.Values{"q": {req.Query + " " + name + ":" + quoteTerm(v)}}
			if req.SortByDate {
				q.Set("sort", "date")
			}
			out[name] = append(out[name], facet{Name: name, Value: v, Count: c, Href: "/search?" + q.Encode()})
		}
		sortFacets(out[name])
		if len(out[name]) > maxFacetValues {
			out[name] = out[name][:maxFacetValues]
		}
	}
	return out
}

func quoteTerm(v string) string {
	if strings.ContainsAny(v, " \t\"") {
		return `"` + strings.ReplaceAll(v, `"`, "") + `"`
	}
	return v
}

func pageLink(r *http.Request, offset int, total uint64) string {
	if offset < 0 || uint64(offset) >= total {
		return ""
	}
	v := r.URL.Query()
	v.Set("offset", strconv.Itoa(offset))
	return "/search?" + v.Encode()
}

// --- documents ---

func (s *Server) document(r *http.Request) (app.DocumentView, error) {
	id := r.PathValue("id")
	if len(id) > 200 {
		return app.DocumentView{}, badRequest("document id too long")
	}
	return s.ws.Document(r.Context(), id)
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.document(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	hl := [2]int{-1, -1}
	if a, b, ok := strings.Cut(r.FormValue("hl"), "-"); ok {
		hl[0], _ = strconv.Atoi(a)
		hl[1], _ = strconv.Atoi(b)
	}
	s.render(w, "document", map[string]any{"Title": docTitle(v.Doc), "Doc": v.Doc, "Figures": len(v.Figures),
		"Body": renderDocument(v, hl)})
}

func (s *Server) documentJSON(w http.ResponseWriter, r *http.Request) {
	v, err := s.document(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": v.Doc, "text": v.Doc.Raw, "figures": v.Figures, "entities": v.Entities})
}

func docTitle(d corpus.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return sourceName(d.Source)
}

// documentRows are the stored documents a request asks for: kind and
// place exactly, year of their date, text in title, source or issuer;
// newest first or by source.
func (s *Server) documentRows(r *http.Request) ([]store.DocumentRow, error) {
	var p [4]string
	for i, name := range []string{"kind", "place", "year", "q"} {
		v, err := query(r, name)
		if err != nil {
			return nil, err
		}
		p[i] = v
	}
	kind, place, year, text := p[0], p[1], p[2], p[3]
	if err := yearParam(year); err != nil {
		return nil, err
	}
	order := r.FormValue("sort")
	if order != "" && order != "date" && order != "source" {
		return nil, badRequest("documents sort by date or source, not %q", order)
	}
	var rows []store.DocumentRow
	err := s.ws.Documents(r.Context(), func(d store.DocumentRow) error {
		switch {
		case kind != "" && d.Kind != kind, place != "" && d.Place != place, year != "" && !strings.HasPrefix(d.Date, year),
			text != "" && !strings.Contains(d.Title+"\x00"+d.Source+"\x00"+d.Issuer, text):
			return nil
		}
		rows = append(rows, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if order == "date" {
		slices.SortStableFunc(rows, func(a, b store.DocumentRow) int { return strings.Compare(b.Date, a.Date) })
	}
	return rows, nil
}

func (s *Server) documentsPage(w http.ResponseWriter, r *http.Request) {
	rows, err := s.documentRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "documents", map[string]any{"Title": "文件", "Rows": rows, "Q": r.URL.Query()})
}

func (s *Server) documentsJSON(w http.ResponseWriter, r *http.Request) {
	rows, err := s.documentRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	if rows == nil {
		rows = []store.DocumentRow{}
	}
	writeJSON(w, http.StatusOK, rows)
}

func (s *Server) documentsCSV(w http.ResponseWriter, r *http.Request) {
	rows, err := s.documentRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeTable(w, "documents.csv", format.Documents, rows)
}

// --- figures ---

func figureFilter(r *http.Request) (store.FigureFilter, error) {
	var f store.FigureFilter
	for _, p := range []struct {
		name string
		dst  *string
	}{{"kind", &f.Kind}, {"unit", &f.Unit}, {"metric", &f.Metric}, {"subject", &f.Subject}, {"source", &f.Source}, {"year", &f.Year}} {
		v, err := query(r, p.name)
		if err != nil {
			return f, err
		}
		*p.dst = v
	}
	if err := yearParam(f.Year); err != nil {
		return f, err
	}
	var err error
	if f.Min, err = floatParam(r, "min"); err != nil {
		return f, err
	}
	if f.Max, err = floatParam(r, "max"); err != nil {
		return f, err
	}
	f.SkipDuplicates = r.FormValue("duplicates") != "include"
	return f, nil
}

// figureRows are the figures a request shows: the filter, target or
// outcome, sorted, at most limit; the store sorts and stops.
func (s *Server) figureRows(r *http.Request) (figurePage, error) {
	filter, err := figureFilter(r)
	if err != nil {
		return figurePage{}, err
	}
	limit, err := intParam(r, "limit", 500, 1, 10000)
	if err != nil {
		return figurePage{}, err
	}
	switch target := r.FormValue("target"); target {
	case "":
	case "target", "outcome":
		t := target == "target"
		filter.Target = &t
	default:
		return figurePage{}, badRequest("target must be target or outcome, not %q", target)
	}
	if sort := r.FormValue("sort"); sort != "" {
		if _, ok := store.FigureOrders[strings.TrimPrefix(sort, "-")]; !ok {
			return figurePage{}, badRequest("cannot sort by %q", sort)
		}
		filter.Order = sort
	}
	filter.Limit = limit + 1 // one more tells whether there are more
	var rows []store.FigureRow
	err = s.ws.Figures(r.Context(), filter, func(row store.FigureRow) error {
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return figurePage{}, err
	}
	return figurePage{Rows: rows[:min(limit, len(rows))], More: len(rows) > limit, Limit: limit}, nil
}

// figurePage is what the figure table shows: the first Limit matching
// figures in the order asked for, and whether more match.
type figurePage struct {
	Rows  []store.FigureRow
	More  bool
	Limit int
}

func (s *Server) figuresPage(w http.ResponseWriter, r *http.Request) {
	page, err := s.figureRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "figures", map[string]any{"Title": "数字", "Rows": page.Rows, "Truncated": page.More, "Limit": page.Limit,
		"Q": r.URL.Query(), "Kinds": corpus.Kinds, "Columns": tableColumns(r.FormValue("sort"))})
}

func (s *Server) figuresJSON(w http.ResponseWriter, r *http.Request) {
	page, err := s.figureRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, figures(page.Rows))
}

func (s *Server) figuresCSV(w http.ResponseWriter, r *http.Request) {
	page, err := s.figureRows(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeTable(w, "figures.csv", format.Figures, figures(page.Rows))
}

// --- charts ---

func (s *Server) series(r *http.Request) (string, string, []app.Point, error) {
	metric, err := query(r, "metric")
	if err != nil {
		return "", "", nil, err
	}
	subject, err := query(r, "subject")
	if err != nil {
		return "", "", nil, err
	}
	if metric == "" {
		return "", "", nil, nil
	}
	points, err := s.ws.Series(r.Context(), metric, subject)
	return metric, subject, points, err
}

func (s *Server) chartPage(w http.ResponseWriter, r *http.Request) {
	metric, subject, points, err := s.series(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "chart", map[string]any{"Title": "图表", "Metric": metric, "Subject": subject, "Suggest": s.suggestedMetrics(r), "Groups": groupSeries(points), "Q": r.URL.Query(),
		"SVG": template.HTML(chartSVG(metric, subject, points))})
}

func (s *Server) chartSVG(w http.ResponseWriter, r *http.Request) {
	metric, subject, points, err := s.series(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+chartSVG(metric, subject, points))
}

func (s *Server) seriesJSON(w http.ResponseWriter, r *http.Request) {
	_, _, points, err := s.series(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	if points == nil {
		points = []app.Point{} // [] in JSON, not null
	}
	writeJSON(w, http.StatusOK, points)
}

// --- checking ---

func (s *Server) claims(r *http.Request) ([]string, string, error) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "", fmt.Errorf("request body too large (at most %d bytes): %w", MaxBodyBytes, err)
		}
		return nil, "", badRequest("%v", err)
	}
	text := r.FormValue("claims")
	if text == "" {
		text = r.FormValue("claim")
	}
	var claims []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if len([]rune(line)) > MaxQueryRunes {
				return nil, "", badRequest("a claim is longer than %d characters", MaxQueryRunes)
			}
			claims = append(claims, line)
		}
	}
	if len(claims) > MaxClaims {
		return nil, "", badRequest("more than %d claims", MaxClaims)
	}
	asOf := r.FormValue("as_of")
	if asOf == "" {
		asOf = s.now().Format("2006-01-02")
	} else if _, err := time.Parse("2006-01-02", asOf); err != nil {
		return nil, "", badRequest("as_of must be YYYY-MM-DD")
	}
	return claims, asOf, nil
}

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	claims, asOf, err := s.claims(r)
	var verdicts []check.Verdict
	if err == nil && len(claims) > 0 {
		verdicts, err = s.ws.Check(r.Context(), claims, asOf)
	}
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "check", map[string]any{"Title": "核查", "Claims": strings.Join(claims, "\n"), "AsOf": asOf, "Verdicts": verdicts})
}

func (s *Server) checkJSON(w http.ResponseWriter, r *http.Request) {
	claims, asOf, err := s.claims(r)
	if err == nil && len(claims) == 0 {
		err = badRequest("no claim: give claim or claims")
	}
	var verdicts []check.Verdict
	if err == nil {
		verdicts, err = s.ws.Check(r.Context(), claims, asOf)
	}
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, verdicts)
}

// --- conflicts and status ---

func (s *Server) conflictsPage(w http.ResponseWriter, r *http.Request) {
	cs, err := s.ws.Conflicts(r.Context(), 0)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "conflicts", map[string]any{"Title": "矛盾", "Conflicts": cs})
}

func (s *Server) conflictsJSON(w http.ResponseWriter, r *http.Request) {
	cs, err := s.ws.Conflicts(r.Context(), 0)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, cs)
}

func (s *Server) status(r *http.Request) (map[string]any, error) {
	runs, err := s.ws.Runs(r.Context(), 20)
	if err != nil {
		return nil, err
	}
	counts, err := s.ws.Store().Count(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]any{"runs": runs, "counts": counts}, nil
}

func (s *Server) statusPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.status(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "status", map[string]any{"Title": "入库状态", "Runs": st["runs"], "Counts": st["counts"], "AllowIngest": s.opts.AllowIngest})
}

func (s *Server) statusJSON(w http.ResponseWriter, r *http.Request) {
	st, err := s.status(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func figures(rows []store.FigureRow) []corpus.Figure {
	out := make([]corpus.Figure, len(rows))
	for i, row := range rows {
		out[i] = row.Figure
	}
	return out
}

// tableColumn is a figure-table heading: sortable ones link to the table
// sorted by them, ascending first, then descending.
type tableColumn struct {
	Label, Sort, Next, Arrow string
}

func tableColumns(current string) []tableColumn {
	cols := []tableColumn{{Label: "数值", Sort: "value"}, {Label: "原文"}, {Label: "指标", Sort: "metric"}, {Label: "主体", Sort: "subject"},
		{Label: "时期", Sort: "period"}, {Label: "基期"}, {Label: "目标/实绩"}, {Label: "文件", Sort: "source"}, {Label: "日期", Sort: "date"}}
	for i, c := range cols {
		if c.Sort == "" {
			continue
		}
		cols[i].Next = c.Sort
		switch current {
		case c.Sort:
			cols[i].Next, cols[i].Arrow = "-"+c.Sort, " ↑"
		case "-" + c.Sort:
			cols[i].Arrow = " ↓"
		}
	}
	return cols
}

// suggestedMetrics are the corpus's most frequent metrics, offered as the
// chart form's choices (none when the store cannot say).
func (s *Server) suggestedMetrics(r *http.Request) []string {
	counts, err := s.ws.Store().Metrics(r.Context())
	if err != nil {
		return nil
	}
	metrics := make([]string, 0, len(counts))
	for m, n := range counts {
		if m != "" && n > 1 && len([]rune(m)) <= 16 {
			metrics = append(metrics, m)
		}
	}
	slices.SortFunc(metrics, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	return metrics[:min(len(metrics), 200)]
}
