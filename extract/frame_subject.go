package extract

// Subjects: whose a figure is. The rules are tried in the order of
// subjectRules (frames.go); none invents a name, and the last falls back
// to the document's own scope (its place, or a news article's topic).

import (
	"sort"
	"strings"

	"reportmine/corpus"
)

// topics are what an article is about, for names it leaves out: its main
// zone (全区, 该区), city (全市), province (全省) and main subject overall.
type topics struct {
	zone, city, province, subject string
	// county is the county a report speaks for, whose 全县 and 本县 it is.
	county string
	// scope is whose figures the text gives where a clause names no one:
	// the place a report speaks for (全国, 福州市), else the name a news
	// article is about; never merely the most frequent of many names.
	scope    string
	dominant bool
}

// place sets the jurisdiction a report speaks for: its figures are that
// place's, and its 全市 or 全省 is that place. A report that names no
// place leaves figures without a subject of their own unframed.
func (t *topics) place(p string, report bool) {
	switch {
	case p == "" && report:
		return
	case p == "":
		if t.subject != "" && (t.subject == t.zone || t.dominant) {
			t.scope = t.subject
		}
		return
	case strings.HasSuffix(p, "市"):
		t.city = p
	case strings.HasSuffix(p, "县"):
		t.county = p
	case strings.HasSuffix(p, "省") || strings.HasSuffix(p, "自治区"):
		t.province = p
	}
	t.scope = p
}

// mainSubjects picks an article's topics: the first zone, city and
// province it names, and the name it refers to most often, counting the
// pronouns (全区, 全市) that point at a zone or city.
func mainSubjects(rs []rune, ms []mention) topics {
	var t topics
	count := map[string]int{}
	for _, m := range ms {
		switch {
		case m.kind == corpus.EntityOrg && isZoneName(m.name) && t.zone == "" && !collectiveZone(m.name):
			t.zone = m.canonical
		case m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "市") && t.city == "":
			t.city = m.canonical
		case m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "省") && t.province == "":
			t.province = m.canonical
		}
		if m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject {
			count[m.canonical]++
		}
	}
	if t.zone == "" {
		for _, m := range ms {
			if m.kind == corpus.EntityOrg && collectiveZone(m.name) {
				t.zone = m.canonical // 全省开发区, when no single zone is named
				break
			}
		}
	}
	if t.zone == "" {
		t.zone = bareZone(rs) // 高新区坚持…: the text's zone, named only by its type
	}
	count[t.zone] += countRunes(rs, "全区") + countRunes(rs, "本区")
	if collective := provinceCollective(ms); collective != "" {
		// An article about a province's zones says 开发区 for all of them.
		count[collective] += bareWord(rs, ms, "开发区")
	}
	if t.city != "" {
		count[t.city] += countRunes(rs, "全市") + countRunes(rs, "该市")
	}
	best := 0
	for _, m := range ms { // in order of appearance, so ties go to the first named
		if c := count[m.canonical]; c > best && m.canonical != "" {
			best, t.subject = c, m.canonical
		}
	}
	second, total := 0, 0
	for name, c := range count {
		total += c
		if name != t.subject && c > second {
			second = c
		}
	}
	// A news article is about a name it gives again and again, more often
	// than any other and in a good share of all it names; a name among
	// many (one fund of a budget's tables) is not its topic.
	t.dominant = best >= 3 && best > second && best*5 >= total
	if t.zone != "" && count[t.zone] >= best {
		t.subject = t.zone
	}
	return t
}

// unnamed marks a subject the text gives only as 全市, 全省 or 全区 when the
// article names no such city, province or zone: it stops the fall-backs and
// ends as "".
const unnamed = "\x00unnamed"

// provinceCollective is the collective of a province's zones (全省开发区)
// the article names most often, or "". A city's zones (全市开发区) are
// counted with the city already.
func provinceCollective(ms []mention) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.kind == corpus.EntityOrg && collectiveZone(m.name) && strings.HasPrefix(m.canonical, "全省") {
			count[m.canonical]++
			if count[m.canonical] > count[best] {
				best = m.canonical
			}
		}
	}
	return best
}

// bareWord counts w where it stands alone, not as the end of a name.
func bareWord(rs []rune, ms []mention, w string) int {
	inName := map[int]bool{}
	for _, m := range ms {
		inName[m.end] = true
	}
	n := 0
	wr := []rune(w)
	for i := 0; i+len(wr) <= len(rs); i++ {
		if rs[i] == wr[0] && runesAt(rs, i, wr) && !inName[i+len(wr)] {
			n++
		}
	}
	return n
}

// countRunes counts the occurrences of a two-character word in rs.
func countRunes(rs []rune, w string) int {
	r := []rune(w)
	n := 0
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == r[0] && rs[i+1] == r[1] {
			n++
		}
	}
	return n
}

// enclosingProject is the project whose name holds the figure: 56GW in
// 晶科年产56GW垂直一体化大基地项目 is that project's.
func (ff *frameFinder) enclosingProject(f found) string {
	for k := ff.mentionsFrom(f.start - 24); k < len(ff.mentions) && ff.mentions[k].start <= f.start; k++ {
		m := ff.mentions[k]
		if m.kind != corpus.EntityProject || m.end <= f.end {
			continue
		}
		if owner := strings.TrimSpace(string(ff.rs[m.start:f.start])); len([]rune(owner)) > 2 && !strings.HasPrefix(owner, "年产") {
			return m.canonical // not 年产90万吨…项目, whose figure is only its size
		}
		if org := ff.orgEndingAt(m.start); org != "" {
			return org // 中材科技“5万吨大丝束碳纤维项目”: the company the name follows
		}
	}
	return ""
}

// sizedProject is the project a figure sits in as its size (年产5万吨锂电池
// 项目), for a figure nothing else gives an owner.
func (ff *frameFinder) sizedProject(f found) string {
	for k := ff.mentionsFrom(f.start - 24); k < len(ff.mentions) && ff.mentions[k].start <= f.start; k++ {
		if m := ff.mentions[k]; m.kind == corpus.EntityProject && m.end > f.end {
			return m.canonical
		}
	}
	return ""
}

// orgEndingAt is the company or organisation named right before rune i
// (an opening quote between them allowed), or "".
func (ff *frameFinder) orgEndingAt(i int) string {
	if i > 0 && ff.rs[i-1] == '“' {
		i--
	}
	for k := ff.mentionsFrom(i - 24); k < len(ff.mentions) && ff.mentions[k].start < i; k++ {
		if m := ff.mentions[k]; m.end == i && m.kind == corpus.EntityOrg && !isZoneName(m.name) {
			return m.canonical
		}
	}
	return ""
}

// producer is the company before 年产 (大同亿诚年产1万台套…, 山西百信年产
// 60万台计算机): a short name standing after a separator.
func (ff *frameFinder) producer(f found) string {
	rs := ff.rs
	at := ff.backOverSpaces(f.start)
	marker := "年产"
	if phase := ff.phaseBefore(at); phase != "" {
		marker = phase // 厚生锂离子电池隔膜一期8条生产线
	}
	if !endsWithRunes(rs, at, marker) {
		return ""
	}
	end := at - 2
	if org := ff.orgEndingAt(end); org != "" {
		return org // 晶科能源“年产56GW一体化大基地项目”
	}
	if end > 0 && rs[end-1] == '“' {
		end--
	}
	start := end
	for start > 0 && isHan(rs[start-1]) && end-start < 12 && !strings.ContainsRune(functionStop, rs[start-1]) {
		start--
	}
	if end-start < 2 || end-start >= 12 || (start > 0 && !strings.ContainsRune("、,，:：;；—“”。!?\n", rs[start-1])) {
		return ""
	}
	name := string(rs[start:end])
	if _, isOpener := openerIndex.at(rs, start); isOpener || ff.periodAt(start) {
		return "" // 其中年产…, 目前年产…: no maker named
	}
	if _, isPronoun := pronounIndex.at(rs, start); isPronoun {
		return ""
	}
	if stripLeadingVerbs(name) != name || isGeneric(name) {
		return ""
	}
	for k := ff.mentionsFrom(start); k < len(ff.mentions) && ff.mentions[k].start == start; k++ {
		if ff.mentions[k].end == end {
			return ff.mentions[k].canonical
		}
	}
	return name
}

// recipient is whom money is handed to: 向晶科项目发放46.6亿元 is 晶科's.
// Money invested (招商局集团向凯赛公司投资66亿元) stays the investor's.
func (ff *frameFinder) recipient(regionStart int, f found) string {
	if f.kind != corpus.KindMoney {
		return ""
	}
	text := string(ff.rs[regionStart:f.start])
	k := max(strings.LastIndex(text, "向"), strings.LastIndex(text, "为"))
	if k < 0 || !containsAny(text[k:], []string{"发放", "提供", "给予", "拨付", "兑现", "支付", "奖励", "补贴", "贷款"}) {
		return "" // 向…发放, 为…兑现: money handed to someone
	}
	from := regionStart + len([]rune(text[:k])) + 1
	for m := ff.mentionsFrom(from); m < len(ff.mentions) && ff.mentions[m].start == from; m++ {
		if mm := ff.mentions[m]; mm.kind == corpus.EntityOrg || mm.kind == corpus.EntityProject {
			return mm.canonical
		}
	}
	return ""
}

// subjectAfter reads the name that a figure introduces: 总投资560亿元的晶科
// 年产56GW…项目, 投资83亿元中材科技“…”.
func (ff *frameFinder) subjectAfter(f found) string {
	i := f.end
	if i < len(ff.rs) && ff.rs[i] == '的' {
		i++
	}
	best, bestLen := "", 0
	for k := ff.mentionsFrom(i); k < len(ff.mentions) && ff.mentions[k].start == i; k++ {
		if m := ff.mentions[k]; (m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject) && m.end-m.start > bestLen {
			best, bestLen = m.canonical, m.end-m.start // the project, not just its company
		}
	}
	if best != "" {
		return best
	}
	if i > f.end { // 投资560亿元的晶科能源、…: the name runs to the list separator
		j := i
		for j < len(ff.rs) && isHan(ff.rs[j]) && !strings.ContainsRune("的和及与等、,。", ff.rs[j]) && j-i < 8 {
			j++
		}
		if j-i >= 2 && j < len(ff.rs) && strings.ContainsRune("、和及与等", ff.rs[j]) {
			return string(ff.rs[i:j])
		}
	}
	return ""
}

// clauseSubject finds the name a clause is about: one that opens the
// figure's clause or its sentence (after a period, 其中 and the like), or a
// pronoun there (全区, 全市) read as the article's zone or city.
func (ff *frameFinder) clauseSubject(sentStart, at int) string {
	// The figure's own clause first, then the clauses before it in the
	// sentence, nearest first: 中国电科…项目已完工，衬底产能达到每年10万片.
	return ff.clauseOpening(sentStart, at, func(string) bool { return true })
}

// clauseOpening is the first subject, clause by clause back from rune at to
// lo, that opens its clause and that accept takes.
func (ff *frameFinder) clauseOpening(lo, at int, accept func(string) bool) string {
	for end := at; end > lo || end == at; {
		clause := ff.clauseStart(lo, end)
		if s := ff.subjectOpening(clause, end); s != "" && accept(s) {
			return s
		}
		if s := ff.builtProject(clause, end); s != "" && end < at && accept(s) {
			return s // 建设鹊盛…研发中心项目，…计划5月开工，投资2亿元
		}
		if clause <= lo {
			return ""
		}
		end = clause - 1
	}
	return ""
}

// builders open a clause whose object, a project, is what the clauses
// after it go on about.
var builderIndex = newWordIndex([]string{"建设", "实施", "推进", "启动", "新建", "开工建设", "谋划", "引进"})

// builtProject is the project a clause opens by building it, or "".
func (ff *frameFinder) builtProject(clause, end int) string {
	v, ok := builderIndex.at(ff.rs, clause)
	if !ok {
		return ""
	}
	at := clause + len([]rune(v))
	for k := ff.mentionsFrom(at); k < len(ff.mentions) && ff.mentions[k].start == at; k++ {
		if m := ff.mentions[k]; m.kind == corpus.EntityProject && m.end <= end {
			return m.canonical
		}
	}
	return ""
}

// earlierSubject is the zone that opens one of the few sentences before
// sentStart in the paragraph (from paraStart), nearest first: the topic
// the text then leaves out.
func (ff *frameFinder) earlierSubject(paraStart, sentStart int) string {
	key := [2]int{paraStart, sentStart}
	if s, ok := ff.earlier[key]; ok {
		return s
	}
	s := ff.findEarlierSubject(paraStart, sentStart)
	ff.earlier[key] = s
	return s
}

func (ff *frameFinder) findEarlierSubject(paraStart, sentStart int) string {
	// 加上, 其中 and the like go on about the sentence before.
	goesOn := startsAny(ff.rs, sentStart, levelContinuations)
	k := sort.SearchInts(ff.sentences.starts, sentStart)
	if k == len(ff.sentences.starts) || ff.sentences.starts[k] != sentStart {
		return "" // inside a sentence longer than maxLookBack
	}
	for n := 0; n < 4 && k > 0; n++ {
		start, end := ff.sentences.starts[k-1], sentStart
		if start < paraStart {
			return ""
		}
		start = max(start, end-maxLookBack)
		// Its clauses, last first (…解决问题——2020年,示范区持续优化…); a
		// sentence about another subject ends the search.
		if s := ff.clauseOpening(start, end-1, func(string) bool { return true }); s != "" {
			if ff.isZone(s) && (!ff.report || s == ff.main.zone || goesOn && n == 0) {
				// A report's paragraph runs over many subjects: a zone
				// one of its sentences names (川渝高竹新区成为…) is not
				// what the next sentences speak of, unless the next goes
				// on about it (…经开区…收入3.37亿元。加上…0.56亿元).
				return s
			}
			return ""
		}
		sentStart, k = start, k-1
	}
	return ""
}

// isZone reports a canonical name that is a zone or a collective of zones.
func (ff *frameFinder) isZone(name string) bool {
	return isZoneName(name) || name == ff.main.zone
}

// openers may stand before a clause's subject.
var openers = sortedByLength(words("openers"))

// skipOpening moves i past what may open a clause before its subject:
// periods, openers (其中, 一是) and separators.
func (ff *frameFinder) skipOpening(i, limit int) int {
	for moved := true; moved && i < limit; {
		moved = false
		if p, ok := ff.periodStart[i]; ok && p.end <= limit {
			i, moved = p.end, true
		}
		if w, ok := openerIndex.at(ff.rs, i); ok {
			i, moved = i+len([]rune(w)), true
		}
		if i < limit && strings.ContainsRune(",，、 ", ff.rs[i]) {
			i, moved = i+1, true
		}
	}
	return i
}

func (ff *frameFinder) subjectOpening(i, limit int) string {
	i = ff.skipLocative(ff.skipOpening(i, limit), limit)
	best := ""
	for k := ff.mentionsFrom(i); k < len(ff.mentions) && ff.mentions[k].start < limit; k++ {
		m := ff.mentions[k]
		if m.start < i || m.end > limit || m.kind == corpus.EntityPerson {
			continue
		}
		if m.start > i && (best == "" || ff.hasVerb(i, m.start) || strings.ContainsAny(string(ff.rs[i:m.start]), "向对与和拟将给为把从在被让使据")) {
			break // a name after a verb or preposition is an object, not the subject
		}
		if m.kind == corpus.EntityPlace && m.end < len(ff.rs) && m.end < limit && isHan(ff.rs[m.end]) && !strings.ContainsRune("市县区省", ff.rs[m.end-1]) {
			continue // 山西 in 山西百信…: part of a longer name
		}
		// 综改区内龙头企业富士康(太原)科技工业园: the head of the chain.
		best, i = m.canonical, m.end
		for i < limit && strings.ContainsRune("内的", ff.rs[i]) {
			i++
		}
	}
	if best != "" {
		return best
	}
	if place, _ := ff.placeAt(i); place != "" {
		return place // 云岭市2023年…: a place the gazetteer lacks
	}
	if w, ok := pronounIndex.at(ff.rs, i); ok {
		if s := ff.resolvePronoun(w, i); s != "" {
			return s
		}
		if scopePronouns[w] {
			return unnamed // no city or province is named: leave the subject empty, never another name
		}
	}
	return ""
}

// locatives open a phrase that places or sizes the subject that follows
// it: 落户阳泉经开区的蓝宝石项目总投资25.3亿元.
var locatives = words("locatives")

// skipLocative moves i past a locative phrase (落户…的) when a project or
// company name follows its 的.
func (ff *frameFinder) skipLocative(i, limit int) int {
	if w, ok := pronounIndex.at(ff.rs, i); ok {
		// 园区内的华光光电…项目: the place is where, the name is whose.
		at := i + len([]rune(w))
		for _, tail := range []string{"内的", "内", "的"} {
			if hasPrefixRunes(ff.rs, at, tail) {
				at += len([]rune(tail))
				for k := ff.mentionsFrom(at); k < len(ff.mentions) && ff.mentions[k].start == at; k++ {
					if m := ff.mentions[k]; m.end <= limit && (m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject) {
						return at
					}
				}
				break
			}
		}
	}
	if !startsAny(ff.rs, i, locatives) {
		return i
	}
	for j := i + 2; j < limit && j-i <= 16; j++ {
		if ff.rs[j] != '的' {
			continue
		}
		for k := ff.mentionsFrom(j + 1); k < len(ff.mentions) && ff.mentions[k].start == j+1; k++ {
			if m := ff.mentions[k]; m.kind == corpus.EntityOrg || m.kind == corpus.EntityProject {
				return j + 1
			}
		}
	}
	return i
}

// resolvePronoun reads 全区/全市/全省 as the article's zone, city or province,
// and 该区/该市/该公司/该项目 as the last such name before rune i.
// hasVerb reports a verb word in rs[a:b].
func (ff *frameFinder) hasVerb(a, b int) bool {
	for i := a + 2; i <= b; i++ {
		if v, ok := verbIndex.endingAt(ff.rs, i); ok && len([]rune(v)) > 1 && i-len([]rune(v)) >= a {
			return true
		}
	}
	return false
}

func (ff *frameFinder) resolvePronoun(w string, i int) string {
	switch w {
	case "全市", "本市", "我市":
		return ff.main.city
	case "全县", "本县", "我县":
		return ff.main.county // the report's own county, never a county it names
	case "该县":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "县") }, ff.main.county)
	case "全省", "我省":
		return ff.main.province
	case "全区", "本区":
		return ff.main.zone
	case "该市":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityPlace && strings.HasSuffix(m.canonical, "市") }, ff.main.city)
	case "该公司", "该企业":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityOrg && !isZoneName(m.name) }, ff.main.subject)
	case "该项目":
		return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityProject }, ff.main.subject)
	}
	zone := ff.main.zone
	if zone == "" && isZoneName(w) {
		zone = w // 高新区 with no fuller name in the text
	}
	return ff.lastBefore(i, func(m mention) bool { return m.kind == corpus.EntityOrg && isZoneName(m.name) }, zone)
}

// lastBefore is the canonical name of the last mention before rune i that
// fits, or fallback.
func (ff *frameFinder) lastBefore(i int, fits func(mention) bool, fallback string) string {
	for k := ff.mentionsFrom(i) - 1; k >= 0; k-- {
		if m := ff.mentions[k]; m.end <= i && fits(m) {
			return m.canonical
		}
	}
	return fallback
}

// bareZoneTypes are zone types a text uses alone for the zone it is about.
var bareZoneTypes = words("bare_zones")

// bareZone is the first zone type standing alone at the start of a clause
// (not the tail of 全省开发区 or 各开发区), or "".
func bareZone(rs []rune) string {
	for i := range rs {
		if i > 0 && isHan(rs[i-1]) {
			continue
		}
		for _, z := range bareZoneTypes {
			if end := i + len([]rune(z)); end <= len(rs) && endsWithRunes(rs, end, z) {
				return z
			}
		}
	}
	return ""
}

func isZoneName(name string) bool {
	return hasAnySuffix(name, zoneTypes)
}

// denominatorSubject reads a figure in parentheses as the denominator of
// the share around it: 占全省(2113家) counts the province's.
func (ff *frameFinder) denominatorSubject(c *figureAt) string {
	if c.f.start == 0 || ff.rs[c.f.start-1] != '(' {
		return ""
	}
	if w, ok := pronounIndex.endingAt(ff.rs, c.f.start-1); ok {
		return ff.resolvePronoun(w, c.f.start)
	}
	return ""
}

// earlierPhaseMaker gives a later phase the maker of the earlier one:
// 厚生…一期8条生产线已投产，二期8条….
func (ff *frameFinder) earlierPhaseMaker(c *figureAt) string {
	if c.prev != nil && ff.phaseBefore(c.f.start) != "" {
		return c.prev.subject
	}
	return ""
}

// introducedName is the name a money or quantity figure introduces
// (总投资560亿元的晶科…); after a count stands what it counts, not whose.
func (ff *frameFinder) introducedName(c *figureAt) string {
	if c.f.kind == corpus.KindCount {
		return ""
	}
	return ff.subjectAfter(c.f)
}

// openingSubject is the name that opens the figure's clause or sentence;
// it carries on to later figures of the paragraph.
func (ff *frameFinder) openingSubject(c *figureAt) string {
	s := ff.clauseSubject(c.sentStart, c.f.start)
	c.topical = s != ""
	return s
}

// functionStop are the function characters no name runs over.
var functionStop = chars("stop_function")

// zoneTypes are the kinds of development zone, as a zone's name ends.
var zoneTypes = words("zone_types")

// levelSubject is a level of government that opens a clause of the
// figure's sentence in a report (市级一般公共预算收入770.61亿元, 中央财政
// 安排1713亿元): whose budget the figure is. It holds for its sentence only.
func (ff *frameFinder) levelSubject(c *figureAt) string {
	if !ff.report {
		return ""
	}
	if w := ff.levelIn(c.sentStart, c.f.start); w != "" {
		return w
	}
	if startsAny(ff.rs, c.sentStart, levelContinuations) && c.sentStart > c.paraStart {
		// 市直一般公共预算收入完成608975万元…。其中：税收收入完成362466万元:
		// 其中 (加上, 减去) goes on about the sentence before, at its level.
		prev := ff.sentences.startOf(c.sentStart - 1)
		return ff.levelIn(max(prev, c.paraStart), c.sentStart-1)
	}
	return ""
}

// levelContinuations open a sentence that goes on at the level of the one
// before.
var levelContinuations = words("level_continuations")

// levelIn is the level of government that opens a clause of the sentence
// from sentStart before rune at, last clause first, or "".
func (ff *frameFinder) levelIn(sentStart, at int) string {
	// A clause with its own period says something new: a source of money
	// that opened an earlier clause (中央财政安排资金…，全年城镇保障性住房
	// 基本建成432万套) is not whose it is, though a level is (市直社保基金
	// 预算支出…，当年收支结余…).
	newStatement := false
	level := func(w string) string {
		if newStatement && strings.HasSuffix(w, "财政") {
			return ""
		}
		return w
	}
	for end := at; end > sentStart; {
		clause := ff.clauseStart(sentStart, end)
		i := ff.skipOpening(clause, end)
		if w, ok := levelIndex.at(ff.rs, i); ok && i+len([]rune(w)) <= end {
			if end == at && i+len([]rune(w)) == at && ff.countStart[at] {
				// 其中：国家级1个，省级6个: a level with no noun of its own
				// before a count is a grade of the noun before, not whose.
				return ""
			}
			if w == "地方财政" && ff.main.scope != "全国" && ff.main.scope != "" {
				return "" // 全年地方财政支出799.88亿元 in a city's bulletin: the city's own
			}
			return level(w)
		}
		if place, after := ff.placeAt(i); place != "" {
			if w, ok := levelIndex.at(ff.rs, after); ok && after+len([]rune(w)) <= end {
				return place + w // 黄石市市直一般公共预算收入: the city's own level
			}
		}
		if end == at && (ff.claim || ff.main.scope == "全国") && (hasPrefixRunes(ff.rs, i, "全国") || hasPrefixRunes(ff.rs, i, "我国")) {
			// 2009年全国粮食产量…: the nation's, in the figure's own clause
			// only, and only where 全国 is no category (全国重点文物保护单位
			// in a city's bulletin).
			return "全国"
		}
		if p, ok := ff.periodStart[clauseFirst(ff.rs, clause, end)]; ok && p.end <= end {
			newStatement = true
		}
		end = clause - 1
	}
	return ""
}

// listLevel is the level of government of a numbered list that a
// paragraph ending in 如下 introduces: 2025年市直一般公共预算支出完成…。
// 一般公共预算支出按功能科目分项情况如下：1. 社会保障和公共卫生类支出…
// is 市直's, the level of the 如下 paragraph or of the one before it.
func (ff *frameFinder) listLevel(c *figureAt) string {
	if !ff.report {
		return ""
	}
	p := sort.Search(len(ff.paragraphs), func(k int) bool { return ff.paragraphs[k] > c.f.start }) - 1
	if p < 1 || headingRank(ff.paragraphLine(p)) < 3 {
		return "" // only numbered items (1. …, （1）…) make such a list
	}
	for q := p - 1; q >= 0 && p-q <= 12; q-- {
		line := ff.paragraphLine(q)
		if strings.HasSuffix(string(line), "如下:") || strings.HasSuffix(string(line), "如下：") {
			for r := q; r >= 0 && r >= q-1; r-- {
				start := ff.paragraphs[r]
				if w := ff.levelIn(start, start+len(ff.paragraphLine(r))); w != "" {
					return w
				}
			}
			return ""
		}
		if headingRank(line) < 3 {
			return "" // the run of numbered items began after some other paragraph
		}
	}
	return ""
}

// paragraphLine is paragraph p's first line, without its indent.
func (ff *frameFinder) paragraphLine(p int) []rune {
	start := ff.paragraphs[p]
	end := start
	for end < len(ff.rs) && ff.rs[end] != '\n' {
		end++
	}
	for start < end && (ff.rs[start] == ' ' || ff.rs[start] == '\u3000' || ff.rs[start] == '\t') {
		start++
	}
	return ff.rs[start:end]
}

// sectionLevel is the level of government the section holding a report's
// figure is about: a heading such as 2．市级一般公共预算执行情况 governs the
// paragraphs under it until a heading of the same or a higher rank.
func (ff *frameFinder) sectionLevel(c *figureAt) string {
	k := sort.Search(len(ff.sections), func(k int) bool { return ff.sections[k].start > c.f.start }) - 1
	if k < 0 {
		return ""
	}
	return ff.sections[k].text
}

// headingRank is the rank of a report's heading by its list marker
// (一、 above （一） above 1. above （1）), or 0 for no heading.
func headingRank(rs []rune) int {
	switch {
	case len(rs) > 1 && isChineseNumeral(rs[0]) && (rs[1] == '、' || rs[1] == '是'):
		return 1
	case len(rs) > 2 && rs[0] == '(' && isChineseNumeral(rs[1]):
		return 2
	case len(rs) > 1 && isDigit(rs[0]) && strings.ContainsRune(".．、", rs[min(len(rs)-1, 1+boolInt(isDigit(rs[1])))]):
		return 3
	case len(rs) > 2 && rs[0] == '(' && isDigit(rs[1]):
		return 4
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// wholeJurisdiction marks a heading about the whole city or province
// (1、全市预算执行情况) or about several levels at once (全市和市本级): its
// section is the document's own, whatever level an outer heading named.
const wholeJurisdiction = "\x00whole"

// headingLevel is the level of government a heading names: 市本级 in
// 2、市本级一般公共预算执行情况, wholeJurisdiction for 全市 or for two
// levels, "" for none.
func headingLevel(line []rune) string {
	found := map[string]bool{}
	for i := range line {
		if w, ok := levelIndex.at(line, i); ok {
			found[w] = true
		}
		if i+1 < len(line) && line[i] == '全' && strings.ContainsRune("市省区县国", line[i+1]) {
			found[wholeJurisdiction] = true
		}
	}
	switch {
	case len(found) == 1:
		for w := range found {
			return w
		}
	case len(found) > 1:
		return wholeJurisdiction
	}
	return ""
}

// readSections finds the headings of a report and the level of
// government each section is about (spans over the text, text = level).
func (ff *frameFinder) readSections() {
	type open struct {
		rank  int
		level string
	}
	var stack []open
	for _, start := range ff.paragraphs {
		end := start
		for end < len(ff.rs) && ff.rs[end] != '\n' {
			end++
		}
		for start < end && (ff.rs[start] == ' ' || ff.rs[start] == '\u3000' || ff.rs[start] == '\t') {
			start++
		}
		line := ff.rs[start:end]
		rank := headingRank(line)
		if rank == 0 || rank == 1 && line[1] == '是' || len(line) > 40 || strings.ContainsRune(string(line), '。') {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].rank >= rank {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, open{rank, headingLevel(line)})
		ff.headings = append(ff.headings, heading{start: start, rank: rank, plan: containsAny(string(line), planHeadings), year: headingYear(line)})
		governing := ""
		for _, o := range stack {
			if o.level != "" {
				governing = o.level
			}
		}
		if governing == wholeJurisdiction {
			governing = ""
		}
		ff.sections = append(ff.sections, span{start: start, end: end, text: governing})
	}
	for k, h := range ff.headings {
		if !h.plan {
			continue
		}
		end := len(ff.rs)
		for _, next := range ff.headings[k+1:] {
			if next.rank <= h.rank {
				end = next.start
				break
			}
		}
		ff.plans = append(ff.plans, span{start: h.start, end: end})
	}
}

// heading is a report's section heading: where, its rank, whether it
// opens a plan, and the year it names (一、2025年工作回顾), or 0.
type heading struct {
	start, rank int
	plan        bool
	year        int
}

// headingYear is the one year a heading names (2025年工作回顾, 2025年预算
// 执行情况), or 0 when it names none or two (2025年和“十四五”时期).
func headingYear(line []rune) int {
	year := 0
	for i := 0; i+4 < len(line); i++ {
		if isDigit(line[i]) && (i == 0 || !isDigit(line[i-1])) && line[i+4] == '年' {
			y := leadingYear(string(line[i : i+5]))
			if y == 0 || year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	return year
}

// contextYear is the year a figure's undated words belong to: the year
// its section heading names, else, in a work report given early in a year,
// the year it reviews outside its plans, else 0.
func (ff *frameFinder) contextYear(i int) int {
	if y := ff.sectionYear(i); y != 0 {
		return y
	}
	if ff.reviewYear != 0 && !ff.targetSection(i) {
		return ff.reviewYear
	}
	return 0
}

// sectionYear is the year the innermost heading over rune i names, or 0:
// a work report given early in a year reviews the last one under
// 一、2025年工作回顾, and its bare 全年 there is that year.
func (ff *frameFinder) sectionYear(i int) int {
	k := sort.Search(len(ff.headings), func(k int) bool { return ff.headings[k].start > i }) - 1
	for rank := 99; k >= 0; k-- {
		h := ff.headings[k]
		if h.rank >= rank {
			continue // a sibling's or a closed section's heading
		}
		if h.year != 0 {
			return h.year
		}
		rank = h.rank
	}
	return 0
}

var planHeadings = words("plan_headings")

// placeAt is the place named at rune i and where its name ends, or "":
// a place of the gazetteer, or in a report a name the gazetteer lacks
// that ends in 市, 省, 县 or 州 and is followed by a year or a level of
// government (云岭市2023年…, 云岭市市级…).
func (ff *frameFinder) placeAt(i int) (string, int) {
	for k := ff.mentionsFrom(i); k < len(ff.mentions) && ff.mentions[k].start == i; k++ {
		if m := ff.mentions[k]; m.kind == corpus.EntityPlace {
			return m.canonical, m.end
		}
	}
	if !ff.report || i > 0 && isHan(ff.rs[i-1]) {
		return "", i
	}
	for n := 2; n <= 4 && i+n+1 < len(ff.rs); n++ {
		end := i + n + 1
		if !isHan(ff.rs[i+n-1]) || !strings.ContainsRune("市省县州", ff.rs[i+n]) {
			continue
		}
		name := string(ff.rs[i:end])
		if _, pronoun := pronounIndex.at(ff.rs, i); pronoun || strings.ContainsAny(name, "全本该各我城超") {
			return "", i
		}
		if _, level := levelIndex.at(ff.rs, end); level || ff.periodAt(end) || isDigit(ff.rs[end]) {
			return name, end
		}
	}
	return "", i
}

// clauseFirst is where a clause's words start, past the marks and spaces
// that open it.
func clauseFirst(rs []rune, i, limit int) int {
	for i < limit && strings.ContainsRune(",，、 ", rs[i]) {
		i++
	}
	return i
}
