package extract

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// placesTSV is the gazetteer of China's administrative divisions: code,
// name, short form, level, parent code. See internal/genplaces.
//
//go:embed places.tsv
var placesTSV string

// place is one gazetteer entry, found by its full or short name.
type place struct {
	name  string // official name (太原市)
	level string // province, city, county, zone
}

type gazetteer struct {
	// byStart indexes names by their first two characters; every name in
	// the gazetteer has at least two.
	byStart map[[2]rune][]placeName
	first   runeSet
}

type placeName struct {
	text  string
	runes int
	place place
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

// places returns the process-wide gazetteer, built on first use.
func places() *gazetteer {
	gazOnce.Do(func() {
		g := &gazetteer{byStart: map[[2]rune][]placeName{}}
		add := func(text string, p place) {
			r := []rune(text)
			if len(r) < 2 {
				return
			}
			key := [2]rune{r[0], r[1]}
			g.first.add(r[0])
			g.byStart[key] = append(g.byStart[key], placeName{text: text, runes: len(r), place: p})
		}
		for _, line := range strings.Split(placesTSV, "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 5 {
				continue
			}
			p := place{name: f[1], level: f[3]}
			add(f[1], p)
			if f[2] != "-" {
				add(f[2], p)
			}
		}
		for _, list := range g.byStart {
			sort.SliceStable(list, func(i, j int) bool { return list[i].runes > list[j].runes })
		}
		gaz = g
	})
	return gaz
}

// match returns the longest place name at rs[i].
func (g *gazetteer) match(rs []rune, i int) (placeName, bool) {
	if i+1 >= len(rs) || !g.first.has(rs[i]) {
		return placeName{}, false
	}
	for _, p := range g.byStart[[2]rune{rs[i], rs[i+1]}] {
		if hasPrefixRunes(rs, i, p.text) {
			return p, true
		}
	}
	return placeName{}, false
}
