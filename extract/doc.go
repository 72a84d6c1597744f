// Package extract owns reading figures out of document text: normalising
// PDF, OCR and web noise through an offset map that never loses the raw
// bytes (a long part read in windows),
// parsing Arabic, Chinese and mixed numerals, and the rules that turn a
// number and its surroundings into a figure record of the contract in
// ../shared/spec/figures.md (kind, canonical unit, value, qualifiers). The
// frame stage (frames.go and one file per field) gives each figure its
// metric, subject, period, base and target by ordered rule lists over word
// lists in lexicon/. It also scores extracted figures and frames against
// hand-checked gold sets.
package extract
