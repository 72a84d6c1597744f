package index

import (
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

// TestWriteMergesMergeLess: with a floor at a batch's size, the planner
// rewrites each sentence less often than with bleve's default floor, and
// still bounds the segments a search opens. Averaged over shards of
// 20,000 to 2 million sentences, from batches of 500 sentences (64 KB of
// report text) and of 1,000 (shorter sentences). This checks the
// planner on a model where every batch is one segment and merges are
// done at once; what an ingest gains is measured by the scale benchmark.
func TestWriteMergesMergeLess(t *testing.T) {
	with := mergeplan.DefaultMergePlanOptions
	with.FloorSegmentSize = floorSegment
	if got := writeMerges()["FloorSegmentSize"]; got != floorSegment {
		t.Fatalf("writeMerges gives the floor %v, not floorSegment", got)
	}
	for _, batch := range []int64{500, 1000} {
		var def, ours float64
		most, n := 0, 0
		for k := range 11 { // 10^4.3 to 10^6.3
			total := int64(math.Pow(10, 4.3+0.2*float64(k)))
			d, _ := mergeVolume(t, total, batch, mergeplan.DefaultMergePlanOptions)
			o, m := mergeVolume(t, total, batch, with)
			def, ours, most, n = def+d, ours+o, max(most, m), n+1
		}
		def, ours = def/float64(n), ours/float64(n)
		t.Logf("batches of %d sentences: each rewritten %.2f times with bleve's floor, %.2f with ours; at most %d segments", batch, def, ours, most)
		if ours > 0.9*def {
			t.Errorf("batches of %d: %.2f rewrites against bleve's %.2f, want a tenth fewer at least", batch, ours, def)
		}
		if most > 40 {
			t.Errorf("batches of %d: up to %d segments", batch, most)
		}
	}
}
