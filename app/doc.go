// Package app is reportmine's application layer: a Workspace over a data
// directory holds the store, the search index and the extractor, and
// offers every operation the front ends need (search, keyword in
// context, figures, documents, checking claims, conflicts, series for
// charts, ingest runs). The CLI and the HTTP server only parse input,
// call it and render; they share its store→checker adapter and its
// errors.
package app
