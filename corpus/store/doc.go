// Package store owns the corpus on disk: one SQLite file (through the pure
// Go modernc.org/sqlite) with typed tables of documents, articles, figures
// and entities that a person can query directly, plus the record of ingest
// runs. Documents are keyed by the hash of their text, and each document is
// written with all its figures and names in one transaction, so a killed
// ingest never leaves half a document.
package store
