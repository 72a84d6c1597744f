package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// A qualifier word before a figure: its approx flag and bound.
type prefixWord struct {
	word   string
	approx bool
	bound  string
}

// prefixWords stand right before the number; the longest that matches
// wins. A negation before a comparative flips its bound (不超过, 不得超过,
// 不能超过 → max; 不低于, 不得少于 → min), so only the positive words are
// listed.
var prefixWords = sortedPrefixWords([]prefixWord{
	{"超过了", false, corpus.BoundMin}, {"超过", false, corpus.BoundMin}, {"超出", false, corpus.BoundMin},
	{"突破了", false, corpus.BoundMin}, {"突破", false, corpus.BoundMin}, {"超", false, corpus.BoundMin},
	{"高于", false, corpus.BoundMin}, {"大于", false, corpus.BoundMin}, {"多于", false, corpus.BoundMin},
	{"低于", false, corpus.BoundMax}, {"小于", false, corpus.BoundMax}, {"少于", false, corpus.BoundMax},
	{"至少", false, corpus.BoundMin}, {"起码", false, corpus.BoundMin}, {"最低", false, corpus.BoundMin},
	{"最少", false, corpus.BoundMin}, {"下限为", false, corpus.BoundMin},
	{"不足", false, corpus.BoundMax}, {"不到", false, corpus.BoundMax}, {"不满", false, corpus.BoundMax},
	{"最多", false, corpus.BoundMax}, {"至多", false, corpus.BoundMax}, {"最高", false, corpus.BoundMax},
	{"上限为", false, corpus.BoundMax}, {"封顶", false, corpus.BoundMax},
	{"大约是", true, ""}, {"大约有", true, ""}, {"约有", true, ""}, {"约是", true, ""},
	{"大约", true, ""}, {"约为", true, ""}, {"约合", true, ""}, {"大概", true, ""}, {"将近", true, ""},
	{"接近", true, ""}, {"约", true, ""}, {"近", true, ""}, {"逾", true, corpus.BoundMin},
	{"上", true, ""}, // 上百家, 上万种: only before a bare scale word (see bareScaleOnly)
	// 於 is written in simplified text too, so it is not folded.
	{"高於", false, corpus.BoundMin}, {"低於", false, corpus.BoundMax}, {"少於", false, corpus.BoundMax},
	{"多於", false, corpus.BoundMin}, {"大於", false, corpus.BoundMin}, {"小於", false, corpus.BoundMax},
})

func sortedPrefixWords(ws []prefixWord) []prefixWord {
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].word) > len(ws[j].word) })
	return ws
}

// negations turn a comparative into its opposite bound: 不超过 is at most.
var negations = []string{"不得", "不能", "不应", "不会", "不宜", "不可", "不准", "没有", "未", "不"}

// suffixWords follow the unit.
var suffixWords = []prefixWord{
	{"及以上", false, corpus.BoundMin}, {"以上", false, corpus.BoundMin},
	{"及以下", false, corpus.BoundMax}, {"以下", false, corpus.BoundMax},
	{"以内", false, corpus.BoundMax}, {"之内", false, corpus.BoundMax}, {"限额内", false, corpus.BoundMax},
	{"封顶", false, corpus.BoundMax}, {"为上限", false, corpus.BoundMax}, {"为限", false, corpus.BoundMax},
	{"左右", true, ""}, {"上下", true, ""}, {"以內", false, corpus.BoundMax},
	{"大关", false, corpus.BoundMin}, // 跨越400亿元大关
}

type changeWord struct {
	word      string
	direction string
}

// changeWords mark a figure as a change when they stand right before it
// (增长6.4%, 比上年减少3亿元). Longer words first, so 负增长 wins over 增长.
var changeWords = []changeWord{
	{"降幅收窄", corpus.ChangeUp}, {"降幅缩小", corpus.ChangeUp},
	{"负增长", corpus.ChangeDown},
	{"增长", corpus.ChangeUp}, {"增加", corpus.ChangeUp}, {"提高", corpus.ChangeUp},
	{"上升", corpus.ChangeUp}, {"扩大", corpus.ChangeUp}, {"提升", corpus.ChangeUp},
	{"上涨", corpus.ChangeUp}, {"攀升", corpus.ChangeUp}, {"回升", corpus.ChangeUp},
	{"加快", corpus.ChangeUp}, {"增多", corpus.ChangeUp}, {"多增", corpus.ChangeUp},
	{"下降", corpus.ChangeDown}, {"减少", corpus.ChangeDown}, {"回落", corpus.ChangeDown},
	{"收窄", corpus.ChangeDown}, {"降低", corpus.ChangeDown}, {"下滑", corpus.ChangeDown},
	{"缩小", corpus.ChangeDown}, {"下跌", corpus.ChangeDown}, {"萎缩", corpus.ChangeDown},
	{"放缓", corpus.ChangeDown}, {"减缓", corpus.ChangeDown}, {"少增", corpus.ChangeDown},
	{"上调", corpus.ChangeUp}, {"调增", corpus.ChangeUp}, {"下调", corpus.ChangeDown}, {"调减", corpus.ChangeDown},
	{"递增", corpus.ChangeUp}, {"递减", corpus.ChangeDown},
	{"缩减", corpus.ChangeDown}, {"压减", corpus.ChangeDown}, {"削减", corpus.ChangeDown},
	// Budget language: revenue and spending against plan or last year.
	{"超收", corpus.ChangeUp}, {"增收", corpus.ChangeUp}, {"增支", corpus.ChangeUp}, {"追加", corpus.ChangeUp},
	{"增产", corpus.ChangeUp}, {"短收", corpus.ChangeDown}, {"减收", corpus.ChangeDown}, {"减支", corpus.ChangeDown},
	{"减负", corpus.ChangeDown}, {"减产", corpus.ChangeDown}, {"节支", corpus.ChangeDown},
}

// endsWithRunes reports whether rs[:i] ends with w.
func endsWithRunes(rs []rune, i int, w string) bool {
	k := i
	for j := len(w); j > 0; {
		r, size := utf8.DecodeLastRuneInString(w[:j])
		k--
		if k < 0 || rs[k] != r {
			return false
		}
		j -= size
	}
	return true
}

// prefixBefore finds the qualifier word that ends at rs[i], with the
// negation before it when there is one (不得超过 is one word, at most).
func prefixBefore(rs []rune, i int) (prefixWord, bool) {
	p, ok := plainPrefixBefore(rs, i)
	if !ok || p.bound == "" {
		return p, ok
	}
	at := i - len([]rune(p.word))
	for _, neg := range negations {
		if endsWithRunes(rs, at, neg) {
			p.word = neg + p.word
			p.bound = map[string]string{corpus.BoundMin: corpus.BoundMax, corpus.BoundMax: corpus.BoundMin}[p.bound]
			p.approx = false
			return p, true
		}
	}
	return p, true
}

func plainPrefixBefore(rs []rune, i int) (prefixWord, bool) {
	if i == 0 || !prefixLast.has(rs[i-1]) {
		return prefixWord{}, false // on every figure: most end no qualifier
	}
	for _, p := range prefixWords {
		if p.word == "上" && !(i < len(rs) && chineseUnit[rs[i]] >= 100) {
			continue // 上 hedges only a bare scale word: 上百, 上千, 上万
		}
		if endsWithRunes(rs, i, p.word) {
			if p.word == "超" && i >= 2 && rs[i-2] == '赶' {
				continue
			}
			if p.word == "约" && i >= 2 && strings.ContainsRune("签节制合条预公简缔隐邀践特誓婉", rs[i-2]) {
				continue // 签约, 节约: words, not "about"
			}
			return p, true
		}
	}
	return prefixWord{}, false
}

// narrowedFall reports a 收窄 or 缩小 at rune at whose clause names a fall
// before it (降幅比同期收窄): the fall narrowed, a change up.
func narrowedFall(rs []rune, at int) bool {
	if !hasPrefixRunes(rs, at, "收窄") && !hasPrefixRunes(rs, at, "缩小") {
		return false
	}
	for k := at; k >= 1 && at-k <= 10; k-- {
		if strings.ContainsRune("，,；;。", rs[k-1]) {
			return false
		}
		for _, r := range rateChangeNouns {
			if r.direction == corpus.ChangeDown && endsWithRunes(rs, k, r.word) {
				return true // a rate of fall (降幅, 跌幅) before the verb
			}
		}
	}
	return false
}

// changeVerbStart is where the change word that changeBefore reads before
// rs[i] starts, or -1.
func changeVerbStart(rs []rune, i int) int {
	if i > 0 && (rs[i-1] == '了' || rs[i-1] == '(' || rs[i-1] == '（') {
		i--
	}
	for _, c := range changeWords {
		if endsWithRunes(rs, i, c.word) {
			return i - len([]rune(c.word))
		}
	}
	return -1
}

// rateChangeNouns name a rate of change: a percent they name is a change
// (增速分别为3.3%, 增幅超过40%, 6.5%左右的增速).
var rateChangeNouns = []changeWord{
	{"增长速度", corpus.ChangeUp}, {"增长幅度", corpus.ChangeUp}, {"增长率", corpus.ChangeUp},
	{"增速", corpus.ChangeUp}, {"增幅", corpus.ChangeUp}, {"降幅", corpus.ChangeDown}, {"跌幅", corpus.ChangeDown},
	// Prices: 居民消费价格涨幅控制在3%左右, 提价幅度超过20%.
	{"上涨幅度", corpus.ChangeUp}, {"提价幅度", corpus.ChangeUp}, {"提高幅度", corpus.ChangeUp}, {"涨幅", corpus.ChangeUp},
	{"下降幅度", corpus.ChangeDown}, {"降价幅度", corpus.ChangeDown}, {"减幅", corpus.ChangeDown},
}

// rateLinks stand between a rate noun and its figure.
var rateLinks = sortedByLength(words("rate_links"))

// rateChange is the direction of the rate a percent is, named before it
// (增幅超过40%) or after it (6.5%左右的增速), or "". 自然增长率 is a level.
func rateChange(rs []rune, before, end int) string {
	k := before
	for moved := true; moved; {
		moved = false
		for _, w := range rateLinks {
			if endsWithRunes(rs, k, w) {
				k -= len([]rune(w))
				moved = true
				break
			}
		}
	}
	for _, r := range rateChangeNouns {
		if endsWithRunes(rs, k, r.word) && !endsWithRunes(rs, k, "自然"+r.word) {
			return r.direction
		}
	}
	at := end
	for _, w := range []string{"左右", "以上", "以下"} {
		if hasPrefixRunes(rs, at, w) {
			at += len([]rune(w))
		}
	}
	if hasPrefixRunes(rs, at, "的") {
		for _, r := range rateChangeNouns {
			if hasPrefixRunes(rs, at+1, r.word) {
				return r.direction
			}
		}
	}
	return ""
}

// prefixLast and changeLast are the last characters of the qualifier and
// change words: a character before a figure that is neither ends none.
var prefixLast, changeLast = func() (*runeSet, *runeSet) {
	p, c := &runeSet{}, &runeSet{}
	for _, w := range prefixWords {
		r, _ := utf8.DecodeLastRuneInString(w.word)
		p.add(r)
	}
	for _, w := range changeWords {
		r, _ := utf8.DecodeLastRuneInString(w.word)
		c.add(r)
	}
	return p, c
}()

// changeBefore finds a direction verb ending at rs[i], allowing 了 or an
// opening parenthesis after it (全市短收（53.09亿元）, 调入资金减少（47.15亿元）),
// or the direction of a list a figure totals (加上…等174.6亿元).
func changeBefore(rs []rune, i int) string {
	if i > 0 && (rs[i-1] == '了' || rs[i-1] == '(' || rs[i-1] == '（') {
		i--
	}
	for _, c := range changeWords {
		if i == 0 || !changeLast.has(rs[i-1]) {
			break
		}
		if endsWithRunes(rs, i, c.word) {
			if c.direction == corpus.ChangeDown && narrowedFall(rs, i-len([]rune(c.word))) {
				return corpus.ChangeUp // 降幅比同期收窄2.2个百分点: a fall that narrowed
			}
			return c.direction
		}
	}
	if dir := listTotalChange(rs, i); dir != "" {
		return dir
	}
	if dir := comparisonChange(rs, i); dir != "" {
		return dir
	}
	return clauseVerbChange(rs, i)
}

// clauseVerbChange is the direction of a change verb that opens the
// figure's clause with only its object between (调减玉米种植面积77万亩,
// 增加水稻种植面积26万亩), or "". A verb that reaches a level (增加到,
// 降至, 提高为) makes none.
func clauseVerbChange(rs []rune, i int) string {
	k := i
	for k > 0 && i-k < 14 && isHan(rs[k-1]) {
		k--
	}
	if k == i || (k > 0 && !strings.ContainsRune("，,；;。：:、\n", rs[k-1])) {
		return ""
	}
	if strings.ContainsRune("至到为", rs[i-1]) {
		return "" // 降低企业融资成本至4.5%: the level reached, not the change
	}
	if w, ok := verbOpeners.at(rs, k); ok && k+len([]rune(w)) < i {
		k += len([]rune(w)) // 全年降低企业税负5700多亿元
	}
	for _, c := range objectChanges {
		if !hasPrefixRunes(rs, k, c.word) {
			continue
		}
		rest := k + len([]rune(c.word))
		if rest >= i || strings.ContainsRune("到至为成了值", rs[rest]) || strings.ContainsRune(string(rs[rest:i]), '的') {
			return "" // 增加到, 增加值, 减少收入的农户
		}
		return c.direction
	}
	return ""
}

// objectChanges are the change verbs that take the changed noun as their
// object before the amount (增加水稻种植面积26万亩, 降低利息负担4000亿元).
var objectChanges = []changeWord{
	{"增加", corpus.ChangeUp}, {"调增", corpus.ChangeUp}, {"扩大", corpus.ChangeUp},
	{"减少", corpus.ChangeDown}, {"调减", corpus.ChangeDown}, {"降低", corpus.ChangeDown},
	{"压减", corpus.ChangeDown}, {"缩减", corpus.ChangeDown}, {"削减", corpus.ChangeDown},
	{"减轻", corpus.ChangeDown}, {"减免", corpus.ChangeDown}, // 减轻企业负担1500多亿元
	{"核减", corpus.ChangeDown}, {"审减", corpus.ChangeDown}, // 审减不合理资金59.33亿元
}

// verbOpeners may stand before the change verb that opens a clause.
var verbOpeners = newWordIndex(words("verb_openers"))

// comparisons name which way a figure differs from what it is compared
// with: 快于2024年1.8个百分点, 比同期增速高0.8个百分点.
var comparisons = []changeWord{
	{"高于", corpus.ChangeUp}, {"快于", corpus.ChangeUp}, {"多于", corpus.ChangeUp},
	{"低于", corpus.ChangeDown}, {"慢于", corpus.ChangeDown}, {"少于", corpus.ChangeDown},
}

// earlierPeriod is a period a figure is compared with as its own past: a
// comparison with it is a change over time, while one with another place
// (快于全国3.4个百分点) is not.
var earlierPeriod = regexp.MustCompile(`^(?:上年同期|去年同期|上年|去年|同期|上月|上季度|\d{4}年(?:同期|全年)?)`)

// comparisonChange is the direction of a comparison with an earlier period
// that ends at rs[i]: 快于2024年, or 比同期增速高 (比 and the period earlier
// in the clause, 高/快/多 or 低/慢/少 right before the figure), or "".
func comparisonChange(rs []rune, i int) string {
	// Every comparison word ends in 于: look for one only where it stands.
	for k := i - 1; k >= 2 && i-k <= 8; k-- {
		if rs[k-1] != '于' {
			continue
		}
		for _, c := range comparisons {
			if endsWithRunes(rs, k, c.word) {
				if p := earlierPeriod.FindString(string(rs[k:i])); p != "" && len([]rune(p)) == i-k {
					return c.direction
				}
				return ""
			}
		}
	}
	if i < 2 {
		return ""
	}
	dir := comparativeDirections[rs[i-1]]
	if dir == "" {
		return ""
	}
	for k := i - 2; k >= 0 && i-k <= 16; k-- {
		if strings.ContainsRune("，,；;。", rs[k]) {
			return ""
		}
		if rs[k] == '比' || rs[k] == '较' {
			if earlierPeriod.MatchString(string(rs[k+1 : i])) {
				return dir
			}
			return ""
		}
	}
	return ""
}

// comparativeDirections are the adjectives that end a 比… comparison
// before its figure (比同期增速高0.8个百分点).
var comparativeDirections = map[rune]string{
	'高': corpus.ChangeUp, '快': corpus.ChangeUp, '多': corpus.ChangeUp,
	'低': corpus.ChangeDown, '慢': corpus.ChangeDown, '少': corpus.ChangeDown,
}

// listOpeners open a clause that lists what is added or taken away, and
// whose total follows 等: 加上新增转移支付（…）、上年结转（…）等174.6亿元,
// 减去全市短收（…）等323.81亿元, as budget reports adjust a budget.
var listOpeners = []changeWord{{"加上", corpus.ChangeUp}, {"减去", corpus.ChangeDown}}

// listTotalChange is the direction of the list whose total, after 等,
// starts at rs[i], or "".
func listTotalChange(rs []rune, i int) string {
	if i == 0 || rs[i-1] != '等' {
		return ""
	}
	k := i - 1
	for k > 0 && !strings.ContainsRune("，,；;。:：", rs[k-1]) {
		k--
	}
	for _, o := range listOpeners {
		if hasPrefixRunes(rs, k, o.word) {
			return o.direction
		}
	}
	return ""
}

// moneyContext are words that make a bare 亿/万 amount money (总投资30亿).
var moneyContext = []string{
	"投资", "营收", "收入", "产值", "资金", "金额", "税收", "贷款", "融资", "销售额",
	"营业额", "利润", "总额", "预算", "基金", "资产", "签约额", "交易额", "成交额",
	"GDP", "生产总值", "增加值", "消费", "出口", "进口", "补贴", "奖励", "债",
}
