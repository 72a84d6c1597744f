package ingest

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// allTextLines is textLines read the slow way: every line of the text,
// then its head and tail.
func allTextLines(raw string) (head, tail []line) {
	var all []line
	for l := range strings.Lines(raw) {
		if ln, ok := textLine(l); ok {
			all = append(all, ln)
		}
	}
	head = all[:min(len(all), headLines)]
	if len(all) > headLines {
		tail = all[max(headLines, len(all)-tailLines):]
	}
	return head, tail
}

// TestTextLinesReadsOnlyHeadAndTail: reading the head from the top and the
// tail back from the end gives the lines that reading every line gives.
func TestTextLinesReadsOnlyHeadAndTail(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"关于2025年预算执行情况的报告", "", "  ", "\u3000", "市财政局", "2026年1月10日", "各位代表：", "一、全年收入完成100亿元。", "\r"}
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(4) > 0 {
				b.WriteString("\n")
			}
		}
		raw := b.String()
		h, tl := textLines(raw)
		wh, wt := allTextLines(raw)
		if !reflect.DeepEqual(h, wh) || !reflect.DeepEqual(tl, wt) {
			t.Fatalf("%q:\nhead %v tail %v\nwant %v and %v", raw, h, tl, wh, wt)
		}
	}
}

func TestSourceLabel(t *testing.T) {
	for raw, want := range map[string]bool{
		"来源：市统计局":     true,
		"来 源 ： 市统计局":  true,
		"资金来源多元化":     false,
		"来源于群众":       false,
		"收入来源，来源：新华社": true,
		"":            false,
	} {
		if got := sourceLabel(raw); got != want {
			t.Errorf("sourceLabel(%q) = %v, want %v", raw, got, want)
		}
	}
}
