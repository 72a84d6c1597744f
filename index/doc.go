// Package index owns full-text and figure search: a bleve index (pinned to
// v2.6.1) of sentences, in one shard per core searched through an alias
// (a long document's sentences spread over all of them). A sentence is
// indexed as pair terms with positions (each token with the one after it:
// a phrase is every other pair, checked from their positions
// (exactPhrase); one token a prefix), gse words for ranking, its
// document's part, date and year, its places, and its figures in slots
// (figslots.go) in one list field; what its document shares is
// stored once in a record of the document (docmeta.go). Nothing of the
// sentence is stored: its id names its document and span, and the caller
// reads the text from the store (Results.FillText) and highlights it.
// Batches are indexed in the background while the caller prepares the
// next (Background: ingest and Rebuild alike). The index is opened
// read-only by commands that only read, has a query
// language (reportmine search) and a watermark recording which state of
// the store it reflects.
package index
