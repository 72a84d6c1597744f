package index

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// planned is a segment of the merge planner's simulation.
type planned struct {
	id   uint64
	size int64
}

func (s *planned) Id() uint64          { return s.id }
func (s *planned) FullSize() int64     { return s.size }
func (s *planned) LiveSize() int64     { return s.size }
func (s *planned) HasVector() bool     { return false }
func (s *planned) FileSize() int64     { return s.size * 100 }
func (s *planned) LiveFileSize() int64 { return s.size * 100 }

// mergeVolume runs scorch's merge planner over an index that grows by
// segments of batch sentences to total, merging what it plans at once,
// and returns how many times each sentence was rewritten by merges on
// average and the most segments the index held.
func mergeVolume(t *testing.T, total, batch int64, o mergeplan.MergePlanOptions) (float64, int) {
	var live []mergeplan.Segment
	var id uint64
	var merged int64
	most := 0
	for added := int64(0); added < total; added += batch {
		id++
		live = append(live, &planned{id, batch})
		for {
			plan, err := mergeplan.Plan(live, &o)
			if err != nil {
				t.Fatal(err)
			}
			if plan == nil || len(plan.Tasks) == 0 {
				break
			}
			for _, task := range plan.Tasks {
				in := map[uint64]bool{}
				var size int64
				for _, s := range task.Segments {
					in[s.Id()] = true
					size += s.LiveSize()
				}
				var keep []mergeplan.Segment
				for _, s := range live {
					if !in[s.Id()] {
						keep = append(keep, s)
					}
				}
				id++
				live = append(keep, &planned{id, size})
				merged += size
			}
		}
		most = max(most, len(live))
	}
	return float64(merged) / float64(total), most
}

// planOptions reads merge options as scorch does (its config's
// scorchMergePlanOptions, through JSON over bleve's defaults).
func planOptions(t *testing.T, merges map[string]any) mergeplan.MergePlanOptions {
	o := mergeplan.DefaultMergePlanOptions
	js, err := json.Marshal(merges)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestWriteMergesMergeLess: with a floor at a batch's size and tiers of
// 20, the planner rewrites each sentence less often than with bleve's
// defaults (a floor of 2,000, tiers of 10) or with that floor alone, and
// still bounds the segments a search opens. Averaged over shards of
// 20,000 to 2 million sentences, from batches of 500 sentences (64 KB of
// report text) and of 1,000 (shorter sentences). This checks the
// planner on a model where every batch is one segment and merges are
// done at once; what an ingest gains is measured by the scale benchmark.
func TestWriteMergesMergeLess(t *testing.T) {
	ours := planOptions(t, writeMerges())
	if ours.FloorSegmentSize != floorSegment {
		t.Fatalf("writeMerges gives the floor %v, not floorSegment", ours.FloorSegmentSize)
	}
	floorOnly := mergeplan.DefaultMergePlanOptions
	floorOnly.FloorSegmentSize = floorSegment
	for _, batch := range []int64{500, 1000} {
		var def, floor, with float64
		most, mostFloor, n := 0, 0, 0
		for k := range 11 { // 10^4.3 to 10^6.3
			total := int64(math.Pow(10, 4.3+0.2*float64(k)))
			d, _ := mergeVolume(t, total, batch, mergeplan.DefaultMergePlanOptions)
			f, mf := mergeVolume(t, total, batch, floorOnly)
			o, m := mergeVolume(t, total, batch, ours)
			def, floor, with = def+d, floor+f, with+o
			most, mostFloor, n = max(most, m), max(mostFloor, mf), n+1
		}
		def, floor, with = def/float64(n), floor/float64(n), with/float64(n)
		t.Logf("batches of %d sentences: each rewritten %.2f times with bleve's options, %.2f with the floor alone (at most %d segments), %.2f with ours (at most %d)",
			batch, def, floor, mostFloor, with, most)
		if with > 0.8*def || with > 0.9*floor {
			t.Errorf("batches of %d: %.2f rewrites against bleve's %.2f and the floor's %.2f", batch, with, def, floor)
		}
		if most > 60 {
			t.Errorf("batches of %d: up to %d segments", batch, most)
		}
	}
}
