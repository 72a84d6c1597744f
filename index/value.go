package index

import (
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/search/query"
)

// A figure's value is indexed as keyword terms instead of bleve's
// numeric field (sixteen prefix terms and doc values for each number):
// its sortable 64-bit form in hex, whose order is the numbers' order, and
// two prefixes of that form (valueLevels). A range is covered by term
// ranges: of the finest terms at its ends, of coarser ones for the
// buckets it holds whole, so that a range over many orders of magnitude
// is a few dozen terms rather than hundreds, and exact at every bound.
var valueLevels = []struct {
	tag   string // the term's tag, before its slot
	shift uint   // bits dropped from the sortable form
}{
	{"v", 0},  // the value itself
	{"c", 48}, // sign, exponent and 4 bits of mantissa: a sixteenth of a binary order of magnitude
	{"t", 52}, // sign and exponent: a binary order of magnitude
}

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

// levelTerm is the term of sortable form k at level i, without its tag.
func levelTerm(i int, k uint64) string {
	shift := valueLevels[i].shift
	return fmt.Sprintf("%0*x", (64-shift)/4, k>>shift)
}

// valueTerms are a value's terms in each of slots ("" for none), one per
// level, each its level's tag, the slot and a colon before it; each
// level's term is written once whatever the slots.
func valueTerms(v float64, slots ...string) []string {
	k := sortable(v)
	out := make([]string, 0, len(valueLevels)*len(slots))
	for i, l := range valueLevels {
		term := levelTerm(i, k)
		for _, slot := range slots {
			out = append(out, l.tag+slot+":"+term)
		}
	}
	return out
}

// valueQuery matches figures (of slot; "" for any) whose value lies
// between lo and hi (nil: open), each bound included or not.
func valueQuery(slot string, lo, hi *float64, loIncl, hiIncl bool) query.Query {
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
	var parts []query.Query
	for _, b := range cover(from, to, 0) {
		tag := valueLevels[b.level].tag + slot + ":"
		parts = append(parts, termRange(figField, tag+levelTerm(b.level, b.from), tag+levelTerm(b.level, b.to)))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return query.NewDisjunctionQuery(parts)
}

// levelRange is the sortable forms from to to, as the terms of a level
// (whose buckets it holds whole, but at level 0).
type levelRange struct {
	level    int
	from, to uint64
}

// cover gives ranges of level i and coarser that together hold exactly
// the sortable forms from to to: level i's terms for the partial buckets
// of the next level at either end, the next level's for the buckets
// between.
func cover(from, to uint64, i int) []levelRange {
	if i == len(valueLevels)-1 {
		return []levelRange{{i, from, to}}
	}
	next := valueLevels[i+1].shift
	lo, hi := from>>next, to>>next
	if lo == hi {
		return []levelRange{{i, from, to}}
	}
	mask := uint64(1)<<next - 1
	var parts []levelRange
	if from&mask != 0 { // from is inside bucket lo
		parts = append(parts, levelRange{i, from, lo<<next | mask})
		lo++
	}
	if to&mask != mask { // to is inside bucket hi
		parts = append(parts, levelRange{i, hi << next, to})
		hi--
	}
	if lo <= hi {
		parts = append(parts, cover(lo<<next, hi<<next|mask, i+1)...)
	}
	return parts
}

func termRange(field, a, b string) query.Query {
	t := true
	q := query.NewTermRangeInclusiveQuery(a, b, &t, &t)
	q.SetField(field)
	return q
}
