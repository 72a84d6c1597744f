package store

// SchemaVersion is recorded in the meta table; a store with another
// version is refused rather than misread.
const SchemaVersion = "3"

const schema = `
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
	id           TEXT PRIMARY KEY,
	source       TEXT NOT NULL,
	url          TEXT,
	title        TEXT,
	date         TEXT,
	issuer       TEXT,
	authors      TEXT,
	issue        TEXT,
	kind         TEXT,
	place        TEXT,
	format       TEXT,
	encoding     TEXT,
	pages        INTEGER,
	page_starts  TEXT,
	file_hash    TEXT,
	raw          TEXT NOT NULL,
	simhash      INTEGER,
	duplicate_of TEXT,
	ingested_at  TEXT NOT NULL,
	extractor    TEXT,
	ocr          TEXT,
	cells        TEXT,
	notes        TEXT
);
CREATE INDEX IF NOT EXISTS documents_file_hash ON documents(file_hash);
CREATE TABLE IF NOT EXISTS articles (
	id      TEXT PRIMARY KEY,
	doc     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	title   TEXT,
	date    TEXT,
	issuer  TEXT,
	authors TEXT
);
CREATE TABLE IF NOT EXISTS figures (
	id          TEXT PRIMARY KEY,
	doc         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	article     TEXT,
	page        INTEGER,
	seq         INTEGER NOT NULL,
	source      TEXT,
	kind        TEXT NOT NULL,
	value       REAL,
	value_max   REAL,
	unit        TEXT,
	approx      INTEGER NOT NULL,
	bound       TEXT,
	change      TEXT,
	text        TEXT NOT NULL,
	surface     TEXT,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	sentence    TEXT,
	metric      TEXT,
	subject     TEXT,
	period      TEXT,
	period_from TEXT,
	period_to   TEXT,
	base        TEXT,
	target      INTEGER NOT NULL DEFAULT 0,
	precision   INTEGER,
	rule        TEXT,
	warnings    TEXT,
	dict        TEXT,
	cell        TEXT
);
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc, seq);
CREATE TABLE IF NOT EXISTS entities (
	doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	article   TEXT,
	page      INTEGER,
	seq       INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	name      TEXT NOT NULL,
	canonical TEXT,
	title     TEXT,
	text      TEXT NOT NULL,
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	warnings  TEXT,
	PRIMARY KEY (doc, seq)
);
CREATE TABLE IF NOT EXISTS runs (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	ingested    INTEGER,
	unchanged   INTEGER,
	failed      INTEGER
);
CREATE TABLE IF NOT EXISTS sources (
	run     INTEGER NOT NULL REFERENCES runs(id),
	source  TEXT NOT NULL,
	doc     TEXT,
	status  TEXT NOT NULL,
	reason  TEXT,
	PRIMARY KEY (run, source)
);
`

// queryIndexes serve searches and exports. They are built when an ingest
// run ends (or when a writable store is first read), not kept up to date
// row by row during the first large ingest, which would make every insert
// several times slower. A read-only store is read without building them.
const queryIndexes = `
CREATE INDEX IF NOT EXISTS figures_kind_unit ON figures(kind, unit, value);
CREATE INDEX IF NOT EXISTS figures_metric ON figures(metric);
CREATE INDEX IF NOT EXISTS figures_doc_start ON figures(doc, start);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical);
`

// migrations bring a store of an older schema version up to this one, in
// order: migrations[v] upgrades version v to v+1. They only add columns,
// so every stored row keeps its meaning.
var migrations = map[string]string{
	"1": `ALTER TABLE documents ADD COLUMN kind TEXT;
ALTER TABLE documents ADD COLUMN place TEXT;
ALTER TABLE figures ADD COLUMN target INTEGER NOT NULL DEFAULT 0;`,
	"2": `ALTER TABLE documents ADD COLUMN ocr TEXT;
ALTER TABLE documents ADD COLUMN cells TEXT;
ALTER TABLE documents ADD COLUMN notes TEXT;
ALTER TABLE figures ADD COLUMN cell TEXT;
ALTER TABLE entities ADD COLUMN warnings TEXT;`,
}
