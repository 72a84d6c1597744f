package extract

// Lists paired with 分别: 一、二、三产业增加值分别增长3.1%、5.2%和6.0%.

import (
	"slices"
	"strings"

	"reportmine/corpus"
)

// pairRespectively gives each figure of a 分别 list its own item:
// 一、二、三产业增加值分别增长3.1%、5.2%和6.0% measure 第一产业增加值,
// 第二产业增加值 and 第三产业增加值; 规上工业增加值、固定资产投资分别增长
// 7.2%和4.5% measure one each. Lists whose counts differ are left alone.
func (ff *frameFinder) pairRespectively(fs []found, out []frame) {
	rs := ff.rs
	// replaced holds the metric a 分别 list's last figure had before it was
	// paired: the figures after it inherited that one.
	replaced := map[int]string{}
	// paired is the length of the 分别 list that ends at each index.
	paired := map[int]int{}
	for i := 0; i < len(fs); i++ {
		at := ff.respectivelyBefore(fs[i].start)
		if at < 0 {
			if n := ff.continuedList(fs, out, i, replaced); n > 0 {
				i += n - 1
			}
			continue
		}
		n := 1 // the figures listed after 分别, joined by 、 和 及 与
		for i+n < len(fs) && listJoin(rs, fs[i+n-1].end, fs[i+n].start) {
			n++
		}
		own := ff.listPhrase(at) // what the 分别 clause names before 分别
		items := ff.listItems(own, n)
		if items == nil {
			items = ff.figuresBefore(fs, out, i, n, at)
		}
		if items == nil {
			items = ff.itemsOfClauseBefore(fs, i, n, at, own)
		}
		if items == nil {
			items = ff.itemsOfListBefore(fs, out, i, n, at, own)
		}
		again := false
		if items == nil && n >= 2 && paired[i-1] == n && ff.sentences.startOf(fs[i-n].start) == ff.sentences.startOf(fs[i].start) {
			// 小麦、玉米产量分别为300万吨和200万吨，分别比上年增长3%和4%: the
			// list just paired, again.
			for k := range n {
				items = append(items, out[i-n+k].metric)
			}
			again = true
		}
		if n >= 2 && len(items) == n {
			object := ff.respectiveObject(at+2, fs[i].start)
			if again {
				object = ""
			}
			if ff.namesAny(items) {
				object = "" // 华为、中兴分别实现营业收入: whose, not what; the items are names
			}
			replaced[i+n-1], paired[i+n-1] = out[i+n-1].metric, n
			for k := 0; k < n; k++ {
				out[i+k].metric = settledMetric(items[k]+object, fs[i+k].kind)
				if out[i+k].base == "" {
					out[i+k].base = out[i].base // 同比分别增长7.2%和4.5%
				}
			}
		}
		i += n - 1
	}
}

// continuedList pairs a list of figures with no 分别 and no noun of its
// own with the 分别 list of as many figures in the clause before:
// 城镇居民人均可支配收入和农民人均纯收入分别达到5000元和2000元，平均每年
// 实际增长6.1%和4.2% measure the same two incomes in the same order. It
// returns how many figures it paired, 0 when figure i opens no such list.
func (ff *frameFinder) continuedList(fs []found, out []frame, i int, replaced map[int]string) int {
	n := 1
	for i+n < len(fs) && listJoin(ff.rs, fs[i+n-1].end, fs[i+n].start) {
		n++
	}
	if n < 2 || i < n || ff.sentences.startOf(fs[i-n].start) != ff.sentences.startOf(fs[i].start) {
		return 0
	}
	var items []string
	if ff.oneClauseBreak(fs[i-1].end, fs[i].start) && ff.respectivelyBefore(fs[i-n].start) >= 0 && (i == n || !listJoin(ff.rs, fs[i-n-1].end, fs[i-n].start)) {
		// …分别达到5000元和2000元，平均每年实际增长6.1%和4.2%
		for k := range n {
			p := i - n + k
			if out[p].metric == "" || (k > 0 && !listJoin(ff.rs, fs[p-1].end, fs[p].start)) {
				return 0
			}
			items = append(items, out[p].metric)
		}
	} else {
		// 城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际
		// 增长9.8%和8.5%: the figures before, each in its own clause.
		clause := ff.clauseStart(ff.sentences.startOf(fs[i].start), fs[i].start)
		if fs[i-1].end > clause {
			return 0 // the rest of a longer list (四百斤、五百斤、八百斤)
		}
		if own := string(ff.rs[clause:fs[i].start]); strings.ContainsAny(own, "和、及与") || ff.periodBetween(clause, fs[i].start) {
			return 0 // 第二季度和第三季度增长5%和8%: the clause lists its own
		}
		for p := i - n; p < i; p++ {
			if fs[p].kind == corpus.KindDate {
				return 0
			}
		}
		items = ff.figuresBefore(fs, out, i, n, clause)
	}
	if len(items) != n {
		return 0
	}
	for k := range n {
		if slices.Contains(items[:k], items[k]) {
			return 0
		}
		if own := out[i+k].metric; own != "" && own != out[i-1].metric && own != replaced[i-1] {
			return 0 // 其中城镇…增长C和D: the list names its own
		}
	}
	for k := range n {
		out[i+k].metric = items[k]
	}
	return n
}

// figuresBefore gives the metrics of the n figures before figure i, when
// a 分别 (or the clause of a list continuing them, continuedList) at rune
// at follows them in their sentence after a clause break:
// 接待国内游客1.2亿人次，实现国内旅游收入1350亿元，分别增长10.2%和12.5%
// pairs 10.2% with the visitors and 12.5% with the income. Each of those
// figures must have a metric and a clause of its own.
func (ff *frameFinder) figuresBefore(fs []found, out []frame, i, n, at int) []string {
	if at == 0 || !isClauseBreak(ff.rs[at-1]) || i < n {
		return nil
	}
	sent := ff.sentences.startOf(fs[i].start)
	// The figures before, less years (2000年进出口总额…, 分别比1995年增长…):
	// a year is no item.
	var before []int
	for k := i - 1; k >= 0 && len(before) <= n; k-- {
		if fs[k].kind != corpus.KindDate {
			before = append(before, k)
		}
	}
	if len(before) < n {
		return nil
	}
	var items []string
	for j := n - 1; j >= 0; j-- {
		k := before[j]
		if fs[k].start < sent || out[k].metric == "" || (j < n-1 && !ff.clauseBreakBetween(fs[before[j+1]].end, fs[k].start)) {
			return nil
		}
		items = append(items, out[k].metric)
	}
	if len(before) > n && fs[before[n]].start >= sent && !ff.clauseBreakBetween(fs[before[n]].end, fs[before[n-1]].start) {
		return nil // more figures before, in the same clause: which n is unclear
	}
	return items
}

// itemsOfClauseBefore gives the n figures of a 分别 at rune at the items
// the clause before lists, when that clause holds no figure and ends in
// how they fared, and the 分别 clause names no list of its own:
// 航空、新能源、电子信息产业链发展较快，规上工业增加值分别增长30.7%、16.9%、
// 13.0% measure 航空产业链规上工业增加值 and so on; 光缆、工业机器人等产品
// 增势较好，分别增长21.4%、20.1% measure 光缆 and 工业机器人.
func (ff *frameFinder) itemsOfClauseBefore(fs []found, i, n, at int, own string) []string {
	if n < 2 || strings.ContainsAny(own, "、和及与") {
		return nil
	}
	end := at - len([]rune(own))
	for end > 0 && !isClauseBreak(ff.rs[end-1]) && !isSentenceEnd(ff.rs[end-1]) {
		end-- // 同比, 年均 and the like between the phrase and 分别
	}
	if end == 0 || !isClauseBreak(ff.rs[end-1]) || strings.ContainsRune("；;", ff.rs[end-1]) {
		return nil
	}
	end--
	phrase := ff.listPhrase(end)
	if w, ok := openerIndex.at([]rune(phrase), 0); ok {
		phrase = string([]rune(phrase)[len([]rune(w)):])
	}
	start := end - len([]rune(phrase))
	if start < ff.sentences.startOf(fs[i].start) || ff.amountBetween(fs, i, start) || strings.ContainsFunc(phrase, isDigit) {
		return nil
	}
	if _, ok := personalPronouns.at([]rune(phrase), 0); ok {
		return nil // 我们注意了…苎麻和柞蚕茧的生产: a sentence, not a list
	}
	items := splitItems(phrase, n) // 农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到…
	if len(items) != n {
		return nil
	}
	if _, ok := ff.indicators.endingAt(ff.rs, end); ok {
		// 城镇居民人均可支配收入和农村居民人均纯收入，分别…: a list of
		// indicators, whole (均 of 人均 is no predicate).
	} else if k := etcAt([]rune(items[n-1])); k >= 0 && len([]rune(items[n-1]))-k <= 15 {
		items[n-1] = string([]rune(items[n-1])[:k]) // …等产品增势较好: the class is no item's
	} else if head := beforeFared([]rune(items[n-1])); head != "" {
		items[n-1] = head
	} else if ff.hasVerb(start, end) {
		return nil // a clause that says something else of its items
	}
	for k, item := range items {
		if len([]rune(item)) < 2 {
			return nil
		}
		items[k] = stripLeadingVerbs(item)
	}
	ff.shareHead(items)
	for k := range items {
		items[k] += own
	}
	return items
}

// beforeFared is what comes before a word of how it fared that ends the
// last item of a list (电子信息产业链|发展较快), or "" when there is none.
func beforeFared(last []rune) string {
	for k := 2; k < len(last); k++ {
		if _, ok := faredIndex.at(last, k); ok && len(last)-k <= 8 {
			return string(last[:k])
		}
	}
	return ""
}

// itemsOfListBefore gives the n figures of a 分别 at rune at that names
// nothing of its own the items of the 分别 list of n figures that ends the
// clause before, rates of their
// growth when these are points: 高技术制造业、装备制造业增加值分别增长
// 14.7%、13.7%，分别高于全市平均水平7.7、6.7个百分点 measure 高技术制造业
// 增加值增速 and 装备制造业增加值增速.
func (ff *frameFinder) itemsOfListBefore(fs []found, out []frame, i, n, at int, own string) []string {
	if n < 2 || i < n || fs[i-1].end > at || own != "" || !comparedWith(ff.rs[at:fs[i].start]) || ff.sentences.startOf(fs[i-n].start) != ff.sentences.startOf(fs[i].start) ||
		ff.respectivelyBefore(fs[i-n].start) < 0 || !ff.oneClauseBreak(fs[i-1].end, at) {
		return nil
	}
	items := make([]string, n)
	for k := range n {
		p := i - n + k
		if out[p].metric == "" || (k > 0 && !listJoin(ff.rs, fs[p-1].end, fs[p].start)) {
			return nil
		}
		items[k] = out[p].metric
		if fs[i+k].kind == corpus.KindPPT && fs[p].kind == corpus.KindPercent && fs[p].change != "" && !hasAnySuffix(items[k], rateSuffixes) {
			items[k] += "增速"
		}
	}
	return items
}

// rateSuffixes end a metric that is already a rate, a share or an index.
var rateSuffixes = []string{"增速", "增幅", "涨幅", "降幅", "幅度", "速度", "率", "比重", "占比", "比例", "系数", "指数"}

// comparedWith reports a comparison in the words after a 分别 (分别高于全市
// 平均水平): what the points then measure is how far the rates differ, not
// a pull (分别拉动外贸增长) or a change of a level (恩格尔系数分别下降).
func comparedWith(rs []rune) bool {
	s := string(rs)
	for _, w := range []string{"高于", "低于", "快于", "慢于", "高出", "低出"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// oneClauseBreak reports exactly one clause break between runes a and b.
func (ff *frameFinder) oneClauseBreak(a, b int) bool {
	n := 0
	for _, r := range ff.rs[a:b] {
		if isClauseBreak(r) || isSentenceEnd(r) {
			n++
		}
	}
	return n == 1
}

// amountBetween reports a figure other than a date between rune from and
// figure i: the clause before holds amounts of its own.
func (ff *frameFinder) amountBetween(fs []found, i, from int) bool {
	for k := i - 1; k >= 0 && fs[k].end > from; k-- {
		if fs[k].kind != corpus.KindDate {
			return true
		}
	}
	return false
}

// faredIndex holds the words that open how the items of a list fared.
var faredIndex = newWordIndex(words("fared"))

// clauseBreakBetween reports a clause break between runes a and b.
func (ff *frameFinder) clauseBreakBetween(a, b int) bool {
	for _, r := range ff.rs[a:b] {
		if isClauseBreak(r) {
			return true
		}
	}
	return false
}

// namesAny reports an item that is a name the text mentions (a company,
// a place).
func (ff *frameFinder) namesAny(items []string) bool {
	for _, m := range ff.mentions {
		if slices.Contains(items, m.name) || slices.Contains(items, m.canonical) {
			return true
		}
	}
	return false
}

// respectiveObject is what the items of a 分别 list have between 分别 (at
// rune from) and their figures (at rune to), less the verbs, when it ends
// in a head: 煤炭、电解铝分别淘汰落后生产能力1.1亿吨和120万吨 measure
// 煤炭落后生产能力 and 电解铝落后生产能力; 分别增长 adds nothing.
func (ff *frameFinder) respectiveObject(from, to int) string {
	for to > from {
		w, ok := trailingIndex.endingAt(ff.rs, to)
		if !ok || to-len([]rune(w)) < from {
			break
		}
		to -= len([]rune(w))
	}
	object := []rune(stripLeadingVerbs(string(ff.rs[from:to])))
	for k := range object {
		if len(object)-k >= 2 && ff.isHead(string(object[k:])) {
			return string(object)
		}
	}
	return ""
}

// respectivelyBefore is where the items of a 分别 list end (the 分别 before
// the figure at rune i, with at most a verb and its object between), or
// -1.
func (ff *frameFinder) respectivelyBefore(i int) int {
	for k := i - 1; k >= 1 && i-k <= 12; k-- {
		if ff.rs[k-1] == '分' && ff.rs[k] == '别' {
			return k - 1
		}
		if j := yearEndingAt(ff.rs, k); j >= 0 {
			k = j // 分别比1995年增长: a year between 分别 and the figures
			continue
		}
		if !isHan(ff.rs[k]) {
			return -1
		}
	}
	return -1
}

// yearEndingAt is where a year in digits (1995年) that ends at rune k
// (its 年) starts, or -1.
func yearEndingAt(rs []rune, k int) int {
	if rs[k] != '年' || k < 4 {
		return -1
	}
	for j := k - 4; j < k; j++ {
		if !isDigit(rs[j]) {
			return -1
		}
	}
	if k > 4 && isDigit(rs[k-5]) {
		return -1
	}
	return k - 4
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

// listItems splits the noun phrase of a 分别 list (listPhrase) into its
// items, sharing the last item's head with bare numerals (一、二、三产业).
// n is how many figures follow (splitItems).
func (ff *frameFinder) listItems(phrase string, n int) []string {
	if rest, ok := strings.CutPrefix(phrase, "三次产业"); ok {
		// 三次产业增加值分别增长…: the three industries, in order.
		return []string{"第一产业" + rest, "第二产业" + rest, "第三产业" + rest}
	}
	items := splitItems(phrase, n)
	if len(items) == 1 {
		items = splitCompound(phrase)
	}
	if len(items) < 2 {
		return nil
	}
	if framed := purposeFrame(items); framed != nil {
		return framed
	}
	shareNumeralHead(items)
	for _, item := range items {
		if len([]rune(item)) < 2 {
			return nil // 国资参与和…, 一、二、三分别为: not a list of names
		}
	}
	for k := range items {
		items[k] = stripLeadingVerbs(items[k])
	}
	items[len(items)-1] = ff.beforeEtc(items[len(items)-1])
	ff.shareHead(items)
	return items
}

// beforeEtc is a list's last item without the 等 that closes the list and
// the class after it, but with the class's head: 集成电路、5G智能手机等新兴
// 产品产量分别增长71%、13% measure 集成电路产量 and 5G智能手机产量, and
// 石油、天然气等进口额 list 石油进口额 and 天然气进口额.
func (ff *frameFinder) beforeEtc(item string) string {
	rs := []rune(item)
	k := etcAt(rs)
	if k < 0 {
		return item
	}
	class := rs[k+1:]
	for h := 0; h < len(class); h++ {
		if ff.isHead(string(class[h:])) {
			return string(rs[:k]) + string(class[h:])
		}
	}
	return string(rs[:k])
}

// etcAt is where the 等 that closes a list stands in an item, or -1: not
// the 等 of a word (中等, 等级, 一等品).
func etcAt(rs []rune) int {
	for k := 2; k < len(rs)-1; k++ {
		if rs[k] != '等' {
			continue
		}
		if _, ok := dengWords.at(rs, k); ok {
			continue // 等级
		}
		if _, ok := dengWords.endingAt(rs, k+1); ok {
			continue // 中等
		}
		return k
	}
	return -1
}

// dengWords are words with a 等 that closes no list (中等, 等级).
var dengWords = newWordIndex(words("deng_words"))

// listPhrase is the noun phrase of a 分别 list that ends at rune end: back
// to its clause's start, less a base or a trailing word before 分别, and a
// period, a subject or a pronoun that opens it.
func (ff *frameFinder) listPhrase(end int) string {
	for {
		if b, ok := ff.baseEnd[end]; ok {
			end = b.start // …固定资产投资同比分别增长: the base is no item
		} else if w, ok := trailingIndex.endingAt(ff.rs, end); ok && !joinedItem(ff.rs, end-len([]rune(w))) {
			end -= len([]rune(w)) // …增加值年均分别增长, but not the item of 上半年和全年分别
		} else if span := ff.spanEndingAt(end); span > 0 {
			end = span // 营业总收入、利润总额五年分别增长: how long, no item
		} else {
			break
		}
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
	return string(ff.rs[start:end])
}

// spanEndingAt is where a span of years (五年, 十年) that ends at rune end
// starts, or 0 when none does.
func (ff *frameFinder) spanEndingAt(end int) int {
	k := end
	if k == 0 || ff.rs[k-1] != '年' {
		return 0
	}
	k--
	for k > 0 && end-k <= 4 && isChineseNumeral(ff.rs[k-1]) {
		k--
	}
	if k == end-1 || k == 0 || !isHan(ff.rs[k-1]) {
		return 0
	}
	return k
}

// shareNumeralHead gives bare numerals the last item's head: 一、二、三产业
// 增加值, and 第一、二、三产业增加值 too.
func shareNumeralHead(items []string) {
	last := []rune(items[len(items)-1])
	if len(last) < 2 || !isChineseNumeral(last[0]) {
		return
	}
	tail := string(last[1:])
	prefix := ""
	if strings.HasPrefix(tail, "产业") {
		prefix = "第" // 第一产业, as statistics name them
	}
	for k, item := range items {
		switch r := []rune(item); {
		case len(r) == 1 && isChineseNumeral(r[0]):
			items[k] = prefix + item + tail
		case len(r) == 2 && r[0] == '第' && isChineseNumeral(r[1]):
			items[k] = item + tail
		}
	}
	if prefix != "" && len([]rune(items[0])) > 1 {
		items[len(items)-1] = prefix + items[len(items)-1]
	}
}

// joinedItem reports a list joiner right before rune i: what follows it
// is an item of the list (上半年和全年分别增长), not a word to strip.
func joinedItem(rs []rune, i int) bool {
	return i > 0 && strings.ContainsRune("、和及与", rs[i-1])
}

// pairedCompounds are compounds a 分别 distributes over their parts
// (城乡 → 城镇, 农村), longest first.
var pairedCompounds = func() [][]string {
	var out [][]string
	for _, line := range sortedByLength(words("paired_compounds")) {
		compound, parts, _ := strings.Cut(line, "=")
		out = append(out, append([]string{compound}, strings.Split(parts, "+")...))
	}
	return out
}()

// splitCompound reads a phrase that is no list but holds one paired
// compound (城乡居民人均可支配收入) as the list of its parts' phrases
// (城镇居民人均可支配收入, 农村居民人均可支配收入), or nil.
func splitCompound(phrase string) []string {
	for _, c := range pairedCompounds {
		if strings.Count(phrase, c[0]) != 1 || strings.Contains(phrase, "保险") || strings.Contains(phrase, "医保") {
			continue // 城乡居民医保 is one scheme, of town and country together
		}
		var items []string
		for _, part := range c[1:] {
			items = append(items, strings.Replace(phrase, c[0], part, 1))
		}
		return items
	}
	return nil
}

// listHeads are nouns the items of a list may share besides indicators:
// the nouns counts count, measures of an indicator and nominal verbs
// (工业、服务业投资).
var listHeads = newWordIndex(slices.Concat(words("counted_heads"), words("indicator_heads"), words("bare_measures"), words("nominal_verbs")))

// isHead reports an indicator or a head noun a list's items may share.
func (ff *frameFinder) isHead(w string) bool { return ff.indicators.has(w) || listHeads.has(w) }

// shareHead completes the items before the last that name only what
// differs from it (城镇、农村居民人均可支配收入; 工业、服务业增加值; 大中型、
// 小微企业) with what follows in the last item. An item that ends with
// words the last item repeats takes what comes after them there, if that
// begins with a head (城镇居民、农村居民人均可支配收入; 先进制造业、高技术
// 制造业增加值占…比重). Otherwise it takes the last item's head, its longest
// proper ending that is an indicator or a head noun, if it has no head of
// its own (规上工业增加值、固定资产投资 are two indicators; 城镇新增就业、
// 城镇登记失业率 too) and is no longer than what precedes that head, give
// or take two characters (what names only a difference is short).
func (ff *frameFinder) shareHead(items []string) {
	last := []rune(items[len(items)-1])
	var head []rune
	for k := 1; k < len(last); k++ {
		if ff.isHead(string(last[k:])) {
			head = last[k:]
			break
		}
	}
	for k, item := range items[:len(items)-1] {
		items[k] = ff.withHead([]rune(item), last, head)
	}
}

// withHead is item completed with what the last item of its list adds
// (shareHead says when), or item as it is.
func (ff *frameFinder) withHead(item, last, head []rune) string {
	for o := len(item) - 1; o >= 2; o-- {
		shared := string(item[len(item)-o:])
		if q := strings.Index(string(last), shared); q > 0 {
			rest := []rune(string(last)[q+len(shared):])
			if ff.beginsWithHead(rest) {
				return string(item) + string(rest)
			}
		}
	}
	if head == nil || len(item) > len(last)-len(head)+2 {
		return string(item)
	}
	for k := range item {
		if ff.isHead(string(item[k:])) {
			return string(item)
		}
	}
	return string(item) + string(head)
}

// beginsWithHead reports whether rs begins with an indicator or a head
// noun.
func (ff *frameFinder) beginsWithHead(rs []rune) bool {
	_, ok := ff.indicators.at(rs, 0)
	if !ok {
		_, ok = listHeads.at(rs, 0)
	}
	return ok
}

// purposeFrame completes the items of a list that one purpose frames
// (中央财政用于科技、教育、卫生和文化事业的支出分别为…): each item is what the
// money is for, with what opens the first item up to 用于 and what closes
// the last from its 的 (中央财政用于科技的支出 … 中央财政用于文化事业的支
// 出); nil where the list is no such frame.
func purposeFrame(items []string) []string {
	first, last := items[0], items[len(items)-1]
	k := strings.Index(first, "用于")
	d := strings.LastIndex(last, "的")
	if k < 0 || d <= 0 || d+len("的") >= len(last) {
		return nil
	}
	prefix, suffix := first[:k+len("用于")], last[d:]
	if prefix == "用于" || strings.Contains(suffix, "、") {
		return nil // nothing opens the frame: whose money is not said
	}
	out := make([]string, len(items))
	for i, item := range items {
		core := item
		if i == 0 {
			core = first[len(prefix):]
		}
		if i == len(items)-1 {
			core = core[:len(core)-len(suffix)]
		}
		if core == "" || strings.Contains(core, "用于") || strings.Contains(core, "的") {
			return nil
		}
		out[i] = prefix + core + suffix
	}
	return out
}

// splitItems splits a list for n figures: at 、 and the conjunctions
// (splitList), or, when the conjunctions inside the items make the count
// differ (生活用品及服务类、教育文化和娱乐类), at 、 alone if that gives n.
func splitItems(phrase string, n int) []string {
	items := splitList(phrase)
	if byComma := strings.Split(phrase, "、"); len(items) != n && len(byComma) == n {
		items = byComma
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
