package index

import (
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/search/query"
)

// A figure's value is indexed as two keyword terms instead of bleve's
// numeric field (sixteen prefix terms and doc values for each number):
// its sortable 64-bit form in hex, whose order is the numbers' order, and
// that form's first 16 bits (sign, exponent and 4 bits of mantissa: a
// sixteenth of a binary order of magnitude). A range is one term range
// over the coarse terms for the buckets it covers whole and two over the
// fine terms at its ends, exact at every bound.
const coarseShift = 48

// sortable maps a float64 to an unsigned integer of the same order.
func sortable(v float64) uint64 {
	b := math.Float64bits(v)
	if v == 0 {
		b = 0 // -0 and +0 are one value
	}
	if b>>63 == 0 {
		return b | 1<<63
	}
	return ^b
}

func fineTerm(k uint64) string   { return fmt.Sprintf("%016x", k) }
func coarseTerm(k uint64) string { return fmt.Sprintf("%04x", k>>coarseShift) }

// valueTerms are a value's fine and coarse terms.
func valueTerms(v float64) (string, string) {
	k := sortable(v)
	return fineTerm(k), coarseTerm(k)
}

// valueQuery matches figures (of the slot that the prefixes of their fine
// and coarse terms name) whose value lies between lo and hi (nil: open),
// each bound included or not.
func valueQuery(finePrefix, coarsePrefix string, lo, hi *float64, loIncl, hiIncl bool) query.Query {
	from, to := uint64(0), uint64(math.MaxUint64)
	if lo != nil {
		from = sortable(*lo)
		if !loIncl {
			if from == math.MaxUint64 {
				return query.NewMatchNoneQuery()
			}
			from++
		}
	}
	if hi != nil {
		to = sortable(*hi)
		if !hiIncl {
			if to == 0 {
				return query.NewMatchNoneQuery()
			}
			to--
		}
	}
	if from > to {
		return query.NewMatchNoneQuery()
	}
	fine := func(a, b uint64) query.Query {
		return termRange(figField, finePrefix+fineTerm(a), finePrefix+fineTerm(b))
	}
	cFrom, cTo := from>>coarseShift, to>>coarseShift
	if cFrom == cTo {
		return fine(from, to)
	}
	const low = 1<<coarseShift - 1
	parts := []query.Query{fine(from, cFrom<<coarseShift|low), fine(cTo<<coarseShift, to)}
	if cFrom+1 <= cTo-1 {
		parts = append(parts, termRange(figField, coarsePrefix+coarseTerm((cFrom+1)<<coarseShift), coarsePrefix+coarseTerm((cTo-1)<<coarseShift)))
	}
	return query.NewDisjunctionQuery(parts)
}

// termRange matches the terms of field from a to b, both included.
func termRange(field, a, b string) query.Query {
	t := true
	q := query.NewTermRangeInclusiveQuery(a, b, &t, &t)
	q.SetField(field)
	return q
}
