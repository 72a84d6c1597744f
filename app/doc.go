// Package app is reportmine's application layer: a Workspace over a data
// directory holds the store, the search index (opened on first use, and
// brought up to the store only when its watermark says it is behind) and
// the extractor, and offers every operation the front ends need: ingest
// with progress events, search, keyword in context, figures, documents,
// checking claims, conflicts, series for charts, ingest runs, reindex and
// export. The CLI and the HTTP server only parse input, call it and
// render. Configuration is the Options value; what it keeps in memory (a
// server's recent searches, the checker's candidates) is dropped when the
// store changes.
package app
