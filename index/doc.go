// Package index owns full-text and figure search: a bleve index (pinned to
// v2.6.1) of sentences, in one shard per core searched through an alias
// (a long document's sentences spread over all of them), each sentence
// with its figures in slots (figslots.go) and what its document shares
// stored once in a record of the document (docmeta.go); opened read-only
// by commands that only read; a Chinese analyzer that makes every run of Chinese text an
// exact phrase over single characters (so a query is found inside any
// longer word, and never as scattered characters); the query language of
// reportmine search; highlight offsets into the stored sentence; and a
// watermark recording which state of the store the index reflects.
package index
