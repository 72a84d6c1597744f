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
	byFirst map[rune][]placeName
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
		g := &gazetteer{byFirst: map[rune][]placeName{}}
		add := func(text string, p place) {
			r := []rune(text)
			g.byFirst[r[0]] = append(g.byFirst[r[0]], placeName{text: text, runes: len(r), place: p})
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
		for r := range g.byFirst {
			list := g.byFirst[r]
			sort.SliceStable(list, func(i, j int) bool { return list[i].runes > list[j].runes })
		}
		gaz = g
	})
	return gaz
}

// match returns the longest place name at rs[i].
func (g *gazetteer) match(rs []rune, i int) (placeName, bool) {
	for _, p := range g.byFirst[rs[i]] {
		if hasPrefixRunes(rs, i, p.text) {
			return p, true
		}
	}
	return placeName{}, false
}
