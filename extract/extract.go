package extract

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"reportmine/corpus"
)

// Extractor finds the figures and names in a document. It is safe for
// concurrent use; the word dictionary it consults for Chinese numerals is
// loaded once per process, and only when a document has such a numeral.
type Extractor struct {
	normalizer Normalizer
	words      wordChecker
	aliases    *Aliases
	indicators *wordIndex
	dict       string
}

// Options adjust an Extractor.
type Options struct {
	// Aliases resolves names; nil means the built-in table.
	Aliases *Aliases
	// Words are user dictionary entries (indicators, names, terms), added to
	// the frame finder's indicators and to the segmenter.
	Words []DictWord
}

// New returns an Extractor with the built-in dictionaries.
func New() *Extractor { return NewWith(Options{}) }

// NewWith returns an Extractor with user aliases and words.
func NewWith(opts Options) *Extractor {
	e := &Extractor{words: sharedWords(), aliases: opts.Aliases, dict: DictionaryVersion}
	if e.aliases == nil {
		e.aliases = NewAliases()
	}
	var extra []string
	for _, w := range opts.Words {
		extra = append(extra, w.Text)
	}
	e.indicators = newWordIndex(loadIndicators(extra))
	if len(opts.Words) > 0 {
		e.words = userWords(opts.Words)
		e.dict += "+user:" + wordsDigest(opts.Words)
	}
	return e
}

// Dictionary names the word lists this extractor reads with: the
// built-in ones (DictionaryVersion) and, with user words, their digest.
// Each figure carries it.
func (e *Extractor) Dictionary() string { return e.dict }

// Version names everything this extractor's output depends on: a digest
// of the extraction rules (the package's Go sources and every word list
// they read, rulesDigest) and the dictionaries it segments with
// (Dictionary). The store records it with each document, and ingest reads
// a stored document again when it differs, so that a change to the rules
// reaches a store by ingesting its sources again.
func (e *Extractor) Version() string {
	return "rules-" + rulesDigest() + " " + e.dict
}

// rulesSources are the package's Go sources: the rules written in code.
// The digest leaves test files out.
//
//go:embed *.go
var rulesSources embed.FS

// rulesDigest is a digest of the rules: the package's Go sources (tests
// aside) and the embedded word lists they read (lexicon/, indicators,
// generic words, measure words, numeral words, the gazetteer). It is
// worked out when first asked, not when the package loads: hashing half a
// megabyte of sources had been a fifth of every command's start-up.
var rulesDigest = sync.OnceValue(func() string {
	h := sha256.New()
	add := func(fsys fs.FS, pattern string) {
		files, _ := fs.Glob(fsys, pattern) // embedded: cannot fail
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, _ := fs.ReadFile(fsys, f)
			fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
			h.Write(data)
		}
	}
	add(rulesSources, "*.go")
	add(lexiconFiles, "lexicon/*.txt")
	for _, list := range []string{indicatorsTxt, genericWordsTxt, measureWordsTable, measureWordsExtra, placesTSV, numeralWords} {
		fmt.Fprintf(h, "%d\x00", len(list))
		h.Write([]byte(list))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
})

// analysis is one article read: its normalized text, figures and names.
type analysis struct {
	article corpus.Article
	norm    Normalized
	rs      []rune // folded to simplified for the rules
	orig    []rune // as written, rune for rune

	offsets  []int
	founds   []found
	mentions []mention
	docRaw   string // the whole document's raw text, for frame words as printed
}

func (e *Extractor) analyze(doc corpus.Document, a corpus.Article, aliases *docAliases, yuan string) analysis {
	norm := e.normalizer.NormalizeOCR(doc.Raw[a.Start:a.End], within(doc.OCRSpans(), a.Span))
	sc := newScanner(norm.Text, e.words, yuan)
	founds := sc.scan()
	ends, counts := map[int]bool{}, map[int]bool{}
	for _, f := range founds {
		if f.kind != corpus.KindQuantity && f.kind != corpus.KindDate {
			ends[f.end] = true
		}
		if f.kind == corpus.KindCount && (f.end == len(sc.rs) || !isHan(sc.rs[f.end])) {
			counts[f.start] = true
		}
	}
	nf := &nameFinder{rs: sc.rs, aliases: aliases, figureEnds: ends, countedBy: counts, report: isReport(doc.Meta.Kind)}
	return analysis{article: a, norm: norm, rs: sc.rs, orig: sc.orig, offsets: runeOffsets(norm.Text), founds: founds, mentions: nf.find(), docRaw: doc.Raw}
}

// asWritten returns a frame word found by the rules in the folded text as
// the text writes it (營業收入, not 营业收入), looking for it in the 400
// characters around the figure at rune at; a word the rules composed
// rather than found (第一产业增加值) stays as it is.
func (an analysis) asWritten(word string, at int) string {
	if word == "" || len(an.orig) == 0 {
		return word
	}
	if &an.orig[0] == &an.rs[0] && !hasASCII(word) {
		return word // nothing was folded, and only (, ) and digits may be printed full-width
	}
	w := []rune(word)
	lo, hi := max(0, at-400), min(len(an.rs)-len(w), at+100)
	for k := min(at, hi); k >= lo; k-- {
		if slices.Equal(an.rs[k:k+len(w)], w) {
			return an.printed(k, k+len(w))
		}
	}
	for k := at + 1; k <= hi; k++ {
		if slices.Equal(an.rs[k:k+len(w)], w) {
			return an.printed(k, k+len(w))
		}
	}
	return word
}

func hasASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			return true
		}
	}
	return false
}

// printed is runes [a,b) of the analysed text as the document prints
// them: the raw bytes (县（市、区）, full-width as printed) unless the
// normaliser joined a line or dropped spaces there, then the script as
// written.
func (an analysis) printed(a, b int) string {
	plain := true
	for _, r := range an.orig[a:b] {
		if r < 0x80 || r >= 0xff00 {
			plain = false // (, ), digits and letters may be printed full-width
			break
		}
	}
	if !plain && an.docRaw != "" {
		span := an.rawSpan(a, b)
		if raw := span.Text(an.docRaw); utf8.RuneCountInString(raw) == b-a && !strings.ContainsAny(raw, " \n\r\t\u3000") {
			return raw
		}
	}
	return string(an.orig[a:b])
}

// rawSpan maps a rune range of the analysed article to raw document bytes.
func (an analysis) rawSpan(start, end int) corpus.Span {
	s := an.norm.RawSpan(an.offsets[start], an.offsets[end])
	return corpus.Span{Start: s.Start + an.article.Start, End: s.End + an.article.Start}
}

// Extract returns the figures of doc in document order, each with its
// frame. Articles of a split page are read separately, so frames never
// cross them. It is a pure stage: any text, even invalid UTF-8, gives a
// (possibly empty) result.
func (e *Extractor) Extract(doc corpus.Document) []corpus.Figure {
	return e.extract(doc, false).Figures
}

// Extraction is all that reading a document gives.
type Extraction struct {
	Figures  []corpus.Figure
	Entities []corpus.Entity
	// Notes are what a reader should know about the reading: numbers
	// refused as figures because no float64 holds them.
	Notes []string
}

// ExtractFull reads doc once: its figures, its names and the notes of
// the reading.
func (e *Extractor) ExtractFull(doc corpus.Document) Extraction { return e.extract(doc, true) }

// ExtractFigures is ExtractFull without the names.
func (e *Extractor) ExtractFigures(doc corpus.Document) Extraction { return e.extract(doc, false) }

func (e *Extractor) extract(doc corpus.Document, withEntities bool) Extraction {
	var all Extraction
	e.eachWindow(doc, withEntities, func(_ corpus.Span, x Extraction) error {
		all.Figures = append(all.Figures, x.Figures...)
		all.Entities = append(all.Entities, x.Entities...)
		all.Notes = append(all.Notes, x.Notes...)
		return nil
	})
	return all
}

// ExtractWindows reads doc as ExtractFull does, window by window (each
// part, a long one in windows of maxWindow), and hands each window's
// figures, names and notes to fn as soon as they are read, in document
// order: a long document is never held whole. The windows are the same
// on every run, and so are their figures.
func (e *Extractor) ExtractWindows(doc corpus.Document, fn func(window corpus.Span, x Extraction) error) error {
	return e.eachWindow(doc, true, fn)
}

// Windows are the spans ExtractWindows hands over for doc, in document
// order: its parts, a long one cut into windows of at most maxWindow, and
// the text between and around its articles (a magazine's masthead and
// section heads), which holds no figures but is indexed. Whoever reads a
// long document back window by window (reindex) cuts it the same way.
func Windows(doc corpus.Document) []corpus.Span {
	var out []corpus.Span
	for _, w := range docWindows(doc) {
		out = append(out, w.Span)
	}
	return out
}

// docWindow is a window of a document; read is false for text outside
// its articles, where whole-document extraction finds no figures either.
type docWindow struct {
	corpus.Article
	read bool
}

// docWindows cuts doc into windows: each part's (read), and the
// stretches of text that no part covers (not read), in document order.
func docWindows(doc corpus.Document) []docWindow {
	var out []docWindow
	at := 0
	between := func(end int) {
		if end <= at || strings.TrimSpace(doc.Raw[at:end]) == "" {
			return
		}
		for _, w := range windows(doc.Raw, corpus.Article{ID: doc.ID, Span: corpus.Span{Start: at, End: end}, Meta: doc.Meta}) {
			out = append(out, docWindow{Article: w})
		}
	}
	for _, part := range doc.Parts() {
		between(part.Start)
		for _, w := range windows(doc.Raw, part) {
			out = append(out, docWindow{Article: w, read: true})
		}
		at = max(at, part.End)
	}
	between(len(doc.Raw))
	return out
}

func (e *Extractor) eachWindow(doc corpus.Document, withEntities bool, fn func(corpus.Span, Extraction) error) error {
	aliases := &docAliases{shared: e.aliases}
	yuan := localCurrency(doc.Raw)
	for _, w := range docWindows(doc) {
		if !w.read {
			if err := fn(w.Span, Extraction{}); err != nil {
				return err
			}
			continue
		}
		figures, ents, notes := e.extractWindow(doc, w.Article, aliases, yuan, withEntities, nil, nil, nil)
		sort.SliceStable(figures, func(i, j int) bool {
			if figures[i].Start != figures[j].Start {
				return figures[i].Start < figures[j].Start
			}
			return figures[i].End < figures[j].End
		})
		if err := fn(w.Span, Extraction{Figures: figures, Entities: ents, Notes: notes}); err != nil {
			return err
		}
	}
	return nil
}

// maxWindow is the longest stretch of a part read at once: the analysis
// holds about fifty bytes per byte of text, so a long part (a 50 MB
// report in one piece) is read in windows that end at a paragraph break
// outside tables, and memory does not grow with the document. Frames do
// not reach across a paragraph break anyway.
const maxWindow = 512 << 10

// windows cuts a part into windows of at most maxWindow bytes, each
// ending at a paragraph break (a blank line with no table row around
// it), else at a sentence end, else at a line break, else at a rune.
func windows(raw string, a corpus.Article) []corpus.Article {
	if a.End-a.Start <= maxWindow {
		return []corpus.Article{a}
	}
	var out []corpus.Article
	for start := a.Start; start < a.End; {
		end := min(start+maxWindow, a.End)
		if end < a.End {
			end = windowEnd(raw, start, end)
		}
		w := a
		w.Span = corpus.Span{Start: start, End: end}
		out = append(out, w)
		start = end
	}
	return out
}

// windowEnd finds where a window starting at start and ending at most
// at limit should end.
func windowEnd(raw string, start, limit int) int {
	text := raw[start:limit]
	floor := len(text) / 2 // never a window under half the size
	for i := len(text); i > floor; {
		k := strings.LastIndex(text[:i], "\n\n")
		if k <= floor {
			break
		}
		if !tabbedAround(raw, start+k) {
			return start + k + 2
		}
		i = k
	}
	// A sentence end is where the index cuts sentences too (a single
	// line break is not).
	for _, sep := range []string{"。", "！", "？", "；", "\n"} {
		if k := strings.LastIndex(text, sep); k > floor {
			return start + k + len(sep)
		}
	}
	end := limit
	for end > start && !utf8.RuneStart(raw[end]) {
		end--
	}
	return end
}

// tabbedAround reports a table row on the line before or after the
// blank line at k: a table's header must stay with its rows.
func tabbedAround(raw string, k int) bool {
	lineStart := strings.LastIndexByte(raw[:k], '\n') + 1
	next := raw[k+2:]
	if j := strings.IndexByte(next, '\n'); j >= 0 {
		next = next[:j]
	}
	return strings.Contains(raw[lineStart:k], "\t") || strings.Contains(next, "\t")
}

// extractWindow reads one window of a part and appends its figures and
// names.
func (e *Extractor) extractWindow(doc corpus.Document, a corpus.Article, aliases *docAliases, yuan string, withEntities bool,
	figures []corpus.Figure, ents []corpus.Entity, notes []string) ([]corpus.Figure, []corpus.Entity, []string) {
	an := e.analyze(doc, a, aliases, yuan)
	if withEntities {
		ents = append(ents, e.entities(doc, a, an)...)
	}
	sentences := newSentenceIndex(an.rs)
	year := referenceYear(a.Meta)
	if year == 0 {
		year = referenceYear(doc.Meta)
	}
	place := a.Meta.Place
	if place == "" {
		place = doc.Meta.Place
	}
	date := a.Meta.Date
	if date == "" {
		date = doc.Meta.Date
	}
	fd := frameDoc{year: year, date: date, place: place, report: isReport(doc.Meta.Kind), claim: doc.Meta.Kind == corpus.ClaimKind,
		reviewYear: reviewYear(doc.Meta.Kind, date)}
	frames := newFrameFinder(an, sentences, fd, e.indicators).frames(an.founds)
	for i, f := range an.founds {
		if !representable(f) {
			// A number beyond float64 (1 and 400 zeros): no figure rather
			// than a wrong one, and a note that says so.
			span := an.rawSpan(f.start, f.end)
			notes = append(notes, fmt.Sprintf("%s at byte %d: a number too large for a figure, not read as one", clip(span.Text(doc.Raw), 24), span.Start))
			continue
		}
		fig := e.figure(doc, an, sentences, f)
		if f.kind != corpus.KindDate {
			fr := frames[i]
			fig.Metric, fig.Subject = an.asWritten(fr.metric, f.start), fr.subject
			if fr.subject != place {
				fig.Subject = an.asWritten(fr.subject, f.start) // the document's place is as its metadata gives it
			}
			fig.Period, fig.Base = an.asWritten(fr.period, f.start), an.asWritten(fr.base, f.start)
			if f.label != "" {
				fig.Metric = f.label // a table cell measures what its row names
			}
			fig.PeriodFrom, fig.PeriodTo = fr.periodFrom, fr.periodTo
			fig.Target = fr.target
		}
		if len(doc.Articles) > 0 {
			fig.Article = a.ID
		}
		figures = append(figures, fig)
	}
	return figures, ents, notes
}

// referenceYear is the year a document's undated periods (全年, 年末)
// belong to: a statistical bulletin reports on the year its title names,
// or else the year before it was published; other documents speak from
// their own year.
func referenceYear(m corpus.Meta) int {
	if m.Kind != "统计公报" {
		return m.Year()
	}
	if g := titleYearRe.FindStringSubmatch(m.Title); g != nil {
		y, _ := strconv.Atoi(g[1])
		return y
	}
	if y := m.Year(); y != 0 {
		return y - 1
	}
	return 0
}

// reviewYear is the year a government work report reviews: one given in
// the first half of a year (as national and provincial reports are, in
// spring) looks back on the year before. 0 when the kind or the month is
// not known.
func reviewYear(kind, date string) int {
	if kind != "政府工作报告" || len(date) < 7 {
		return 0
	}
	y, err1 := strconv.Atoi(date[:4])
	m, err2 := strconv.Atoi(date[5:7])
	if err1 != nil || err2 != nil || m < 1 || m > 6 {
		return 0
	}
	return y - 1
}

var titleYearRe = regexp.MustCompile(`((?:19|20)\d{2})年`)

// isReport tells formal documents (reports, bulletins, notices,
// regulations) from news: a formal document's figures are its place's
// unless a clause names another, never those of the name it gives most.
func isReport(kind string) bool { return kind != "" && kind != "新闻" }

// Entities returns the names mentioned in doc: organisations, projects,
// places and people, with their canonical names.
func (e *Extractor) Entities(doc corpus.Document) []corpus.Entity {
	_, ents := e.ExtractAll(doc)
	return ents
}

// ExtractAll reads doc once and returns both its figures and its names.
func (e *Extractor) ExtractAll(doc corpus.Document) ([]corpus.Figure, []corpus.Entity) {
	x := e.extract(doc, true)
	return x.Figures, x.Entities
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n/2]) + "…" + string(rs[len(rs)-n/2:])
}

func (e *Extractor) entities(doc corpus.Document, a corpus.Article, an analysis) []corpus.Entity {
	out := make([]corpus.Entity, 0, len(an.mentions))
	for _, m := range an.mentions {
		span := an.rawSpan(m.start, m.end)
		ent := corpus.Entity{Doc: doc.ID, Source: doc.Source, Kind: m.kind, Name: m.name,
			Canonical: m.canonical, Title: an.asWritten(m.title, m.start), Text: span.Text(doc.Raw), Start: span.Start, End: span.End,
			Page: doc.Page(span.Start)}
		if doc.OCRAt(span.Start) {
			ent.Warnings = []string{corpus.WarningOCR}
		}
		if len(doc.Articles) > 0 {
			ent.Article = a.ID
		}
		out = append(out, ent)
	}
	return out
}

func (e *Extractor) figure(doc corpus.Document, an analysis, sentences sentenceIndex, f found) corpus.Figure {
	ns, ne := an.offsets[f.start], an.offsets[f.end]
	span := an.rawSpan(f.start, f.end)
	fig := corpus.Figure{
		Schema:    corpus.FigureSchema,
		ID:        corpus.FigureID(doc.ID, span.Start, span.End),
		Doc:       doc.ID,
		Source:    doc.Source,
		Kind:      f.kind,
		Value:     corpus.RoundValue(f.value),
		Unit:      f.unit,
		Approx:    f.approx,
		Bound:     f.bound,
		Change:    f.change,
		Text:      span.Text(doc.Raw),
		Surface:   an.norm.Text[ns:ne],
		Start:     span.Start,
		End:       span.End,
		Sentence:  sentences.sentence(an, f.start),
		Precision: f.precision,
		Rule:      f.rule,
		Warnings:  f.warnings,
		Dict:      e.dict,
		Page:      doc.Page(span.Start),
		Cell:      doc.CellAt(span.Start),
	}
	if doc.OCRAt(span.Start) {
		fig.Warnings = append(fig.Warnings, corpus.WarningOCR)
	}
	if f.hasMax {
		v := corpus.RoundValue(f.valueMax)
		fig.ValueMax = &v
	}
	if an.norm.joinedWithin(ns, ne) {
		fig.Warnings = append(fig.Warnings, "line_break_joined")
	}
	return fig
}

// runeOffsets maps rune indexes of text to byte offsets, with one extra
// entry for the end.
func runeOffsets(text string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// startOf returns where the sentence holding rune i starts.
func (x sentenceIndex) startOf(i int) int {
	return x.starts[sort.SearchInts(x.starts, i+1)-1]
}

// sentenceIndex holds where each sentence of the scanned text starts.
type sentenceIndex struct{ starts []int }

func newSentenceIndex(rs []rune) sentenceIndex {
	starts := []int{0}
	for i, r := range rs {
		if isSentenceEnd(r) {
			starts = append(starts, i+1)
		}
	}
	return sentenceIndex{starts: starts}
}

// sentence returns the sentence that holds rune i, without its line breaks
// and surrounding space.
func (x sentenceIndex) sentence(an analysis, i int) string {
	rs := an.rs
	k := sort.SearchInts(x.starts, i+1) - 1
	start := x.starts[k]
	end := len(rs)
	if k+1 < len(x.starts) {
		end = x.starts[k+1]
	}
	for start < end && (rs[start] == ' ' || rs[start] == '\t') {
		start++
	}
	for end > start && (rs[end-1] == '\n' || rs[end-1] == ' ') {
		end--
	}
	// A "sentence" of thousands of characters (a flattened table, a list
	// without full stops) is cut to the figure's neighbourhood, so that
	// output stays proportional to the input.
	if end-start > 2*sentenceReach {
		start, end = max(start, i-sentenceReach), min(end, i+sentenceReach)
	}
	return an.norm.Text[an.offsets[start]:an.offsets[end]]
}

// sentenceReach is how many characters of an overlong sentence are kept on
// each side of its figure.
const sentenceReach = 200

// representable reports a found figure whose value (and upper bound) a
// float64 holds: text can print numbers no float can.
func representable(f found) bool {
	finite := func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
	return finite(f.value) && finite(f.valueMax)
}

// within clips spans to part and makes them relative to its start.
func within(spans []corpus.Span, part corpus.Span) []corpus.Span {
	var out []corpus.Span
	for _, sp := range spans {
		s, e := max(sp.Start, part.Start), min(sp.End, part.End)
		if s < e {
			out = append(out, corpus.Span{Start: s - part.Start, End: e - part.Start})
		}
	}
	return out
}
