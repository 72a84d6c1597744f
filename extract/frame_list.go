package extract

// Lists paired with 分别: 一、二、三产业增加值分别增长3.1%、5.2%和6.0%.

import (
	"strings"
)

// pairRespectively gives each figure of a 分别 list its own item:
// 一、二、三产业增加值分别增长3.1%、5.2%和6.0% measure 第一产业增加值,
// 第二产业增加值 and 第三产业增加值; 规上工业增加值、固定资产投资分别增长
// 7.2%和4.5% measure one each. Lists whose counts differ are left alone.
func (ff *frameFinder) pairRespectively(fs []found, out []frame) {
	rs := ff.rs
	for i := 0; i < len(fs); i++ {
		at := ff.respectivelyBefore(fs[i].start)
		if at < 0 {
			continue
		}
		n := 1 // the figures listed after 分别, joined by 、 和 及 与
		for i+n < len(fs) && listJoin(rs, fs[i+n-1].end, fs[i+n].start) {
			n++
		}
		items := ff.listItems(at)
		if n >= 2 && len(items) == n {
			for k := 0; k < n; k++ {
				out[i+k].metric = items[k]
				if out[i+k].base == "" {
					out[i+k].base = out[i].base // 同比分别增长7.2%和4.5%
				}
			}
		}
		i += n - 1
	}
}

// respectivelyBefore is where the items of a 分别 list end (the 分别 before
// the figure at rune i, with at most a verb between), or -1.
func (ff *frameFinder) respectivelyBefore(i int) int {
	for k := i - 1; k >= 1 && i-k <= 6; k-- {
		if ff.rs[k-1] == '分' && ff.rs[k] == '别' {
			return k - 1
		}
		if !isHan(ff.rs[k]) {
			return -1
		}
	}
	return -1
}

func listJoin(rs []rune, a, b int) bool {
	if b-a < 1 || b-a > 2 {
		return false
	}
	for _, r := range rs[a:b] {
		if !strings.ContainsRune("、和及与,， ", r) {
			return false
		}
	}
	return true
}

// listItems splits the noun phrase ending at rune end (before 分别) into its
// items, sharing the last item's head with bare numerals (一、二、三产业).
func (ff *frameFinder) listItems(end int) []string {
	if b, ok := ff.baseEnd[end]; ok {
		end = b.start // …固定资产投资同比分别增长: the base is no item
	}
	start := end
	for start > 0 && end-start < 40 && !isClauseBreak(ff.rs[start-1]) && !isSentenceEnd(ff.rs[start-1]) {
		start--
	}
	if p, ok := ff.periodStart[start]; ok && p.end <= end {
		start = p.end
	}
	for k := ff.mentionsFrom(start); k < len(ff.mentions) && ff.mentions[k].start == start; k++ {
		start = max(start, ff.mentions[k].end) // 综改区一、二、三产业…: the subject is no item
	}
	if w, ok := pronounIndex.at(ff.rs, start); ok {
		start += len([]rune(w))
	}
	phrase := string(ff.rs[start:end])
	if rest, ok := strings.CutPrefix(phrase, "三次产业"); ok {
		// 三次产业增加值分别增长…: the three industries, in order.
		return []string{"第一产业" + rest, "第二产业" + rest, "第三产业" + rest}
	}
	items := splitList(phrase)
	if len(items) < 2 {
		return nil
	}
	// Bare numerals share the last item's head: 一、二、三产业增加值.
	last := []rune(items[len(items)-1])
	if len(last) > 1 && isChineseNumeral(last[0]) {
		tail := string(last[1:])
		prefix := ""
		if strings.HasPrefix(tail, "产业") {
			prefix = "第" // 第一产业, as statistics name them
		}
		for k, item := range items {
			if r := []rune(item); len(r) == 1 && isChineseNumeral(r[0]) {
				items[k] = prefix + item + tail
			}
		}
		if prefix != "" && len([]rune(items[0])) > 1 {
			items[len(items)-1] = prefix + items[len(items)-1]
		}
	}
	for _, item := range items {
		if len([]rune(item)) < 2 {
			return nil // 国资参与和…, 一、二、三分别为: not a list of names
		}
	}
	for k := range items {
		items[k] = stripLeadingVerbs(items[k])
	}
	return items
}

// splitList splits a list of names at 、 and at the conjunctions 以及, 和,
// 及 and 与; an empty piece means a conjunction was part of a word.
func splitList(s string) []string {
	s = strings.ReplaceAll(s, "以及", "、")
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、和及与", r) })
	if strings.Count(s, "、")+strings.Count(s, "和")+strings.Count(s, "及")+strings.Count(s, "与")+1 != len(items) {
		return nil
	}
	for k := range items {
		items[k] = stripQuotes(items[k])
	}
	return items
}
