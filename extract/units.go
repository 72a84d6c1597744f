package extract

import (
	_ "embed"
	"sort"
	"strings"

	"reportmine/corpus"
)

// unitSpec is what a unit word means: the kind of figure it makes, the
// canonical unit, and the factor that brings a value into that unit.
type unitSpec struct {
	word   string
	kind   corpus.Kind
	unit   string
	factor float64
	// arabicOnly limits a measure word to Arabic numerals: 3期 is a count,
	// 二期 a phase.
	arabicOnly bool
	// context is a word the sentence must contain (度 is kWh only where the
	// text speaks of electricity).
	context []string
	// latin units must not run on into more Latin letters (5G is not 5 GW).
	latin bool
}

// currencies are the currency words after an amount, in simplified script
// (the scanner reads folded text, so 港幣 and 澳門元 match too). 圆 is the
// old and formal spelling of 元 (美圆, 日圆); 新卢布 is the Soviet rouble of
// 1961 (SUR) in reports of the time.
var currencies = map[string]string{
	"元": "CNY", "圆": "CNY", "人民币": "CNY", "美元": "USD", "美圆": "USD", "美金": "USD", "欧元": "EUR",
	"港元": "HKD", "港币": "HKD", "港圆": "HKD", "日元": "JPY", "日圆": "JPY", "英镑": "GBP", "澳元": "AUD",
	"加元": "CAD", "韩元": "KRW", "卢布": "RUB", "新卢布": "SUR", "新加坡元": "SGD", "新台币": "TWD", "台币": "TWD",
	"新台元": "TWD", "澳门元": "MOP", "澳门币": "MOP", "澳门圆": "MOP", "瑞士法郎": "CHF",
}

// localCurrencies are the places whose texts mean their own currency by a
// bare 元 (億元 in a Hong Kong government text is HKD), with the words
// that show a text is about that place.
var localCurrencies = []struct {
	code string
	// key is a character every marker holds: a text with fewer than five
	// of it is not about the place, and is not searched further.
	key     string
	markers []string
}{
	{"HKD", "港", []string{"香港", "港元", "港币", "港幣"}},
	{"MOP", "澳", []string{"澳门", "澳門"}},
	{"TWD", "台", []string{"台湾", "台灣", "新台币", "新台幣"}},
	{"TWD", "臺", []string{"臺灣", "新臺幣"}},
}

// mainlandMarkers show a text speaks for the mainland, where 元 is CNY
// even when Hong Kong or Taiwan are named (保持香港、澳门长期繁荣稳定).
var mainlandMarkers = []string{"全国", "全國", "我国", "我國", "全省", "全市", "人民币", "人民幣", "国务院", "國務院"}

// localCurrency decides what a bare 元 means in a document: the local
// currency of Hong Kong, Macau or Taiwan when the text names that place at
// least five times and more than twice as often as it uses the mainland's
// words for itself, CNY otherwise. Explicit currency words (人民币, 美元,
// 港币) always win over it.
func localCurrency(raw string) string {
	mainland := -1
	for _, c := range localCurrencies {
		if strings.Count(raw, c.key) < 5 {
			continue
		}
		n := countAll(raw, c.markers)
		if n < 5 {
			continue // 台 as a measure word, not 台湾
		}
		if mainland < 0 {
			mainland = countAll(raw, mainlandMarkers)
		}
		if n > 2*mainland {
			return c.code
		}
	}
	return ""
}

func countAll(s string, words []string) int {
	n := 0
	for _, w := range words {
		n += strings.Count(s, w)
	}
	return n
}

// measure_words.tsv is generated from CC-CEDICT's classifiers by
// extract/internal/genmeasure; measure_words_extra.txt adds the compound and
// report measure words it does not list (人次, 台套).
//
//go:embed measure_words.tsv
var measureWordsTable string

//go:embed measure_words_extra.txt
var measureWordsExtra string

// countWords are the measure words that make a count; the unit is the word.
var countWords = loadMeasureWords()

func loadMeasureWords() []string {
	var words []string
	seen := map[string]bool{}
	for _, table := range []string{measureWordsTable, measureWordsExtra} {
		for _, line := range strings.Split(table, "\n") {
			w, _, _ := strings.Cut(strings.TrimSpace(line), "\t")
			if w == "" || strings.HasPrefix(w, "#") || seen[w] {
				continue
			}
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

var unitTable = buildUnitTable()

func buildUnitTable() map[rune][]unitSpec {
	var specs []unitSpec
	add := func(s unitSpec) { specs = append(specs, s) }
	for w, code := range currencies {
		add(unitSpec{word: w, kind: corpus.KindMoney, unit: code, factor: 1})
	}
	add(unitSpec{word: "块钱", kind: corpus.KindMoney, unit: "CNY", factor: 1})
	for _, p := range []struct {
		w string
		f float64
	}{{"%", 1}, {"‰", 0.1}, {"‱", 0.01}} {
		add(unitSpec{word: p.w, kind: corpus.KindPercent, unit: "%", factor: p.f})
	}
	add(unitSpec{word: "个百分点", kind: corpus.KindPPT, unit: "pp", factor: 1})
	add(unitSpec{word: "百分点", kind: corpus.KindPPT, unit: "pp", factor: 1})
	// Per-mille points: 5个千分点 is half a percentage point.
	add(unitSpec{word: "个千分点", kind: corpus.KindPPT, unit: "pp", factor: 0.1})
	add(unitSpec{word: "千分点", kind: corpus.KindPPT, unit: "pp", factor: 0.1})
	for _, w := range countWords {
		add(unitSpec{word: w, kind: corpus.KindCount, unit: w, factor: 1})
	}
	// 32.8万台（套）农业机械: sets of machines, as 台套.
	add(unitSpec{word: "台(套)", kind: corpus.KindCount, unit: "台套", factor: 1})
	// After Chinese numerals these are ordinals: 二期工程, 十二届全会.
	add(unitSpec{word: "期", kind: corpus.KindCount, unit: "期", factor: 1, arabicOnly: true})
	add(unitSpec{word: "届", kind: corpus.KindCount, unit: "届", factor: 1, arabicOnly: true})
	quantities := []struct {
		w, u string
		f    float64
	}{
		{"吨", "t", 1}, {"公斤", "kg", 1}, {"千克", "kg", 1}, {"亩", "mu", 1},
		{"平方公里", "km2", 1}, {"平方千米", "km2", 1}, {"平方米", "m2", 1}, {"㎡", "m2", 1},
		{"公顷", "ha", 1}, {"公里", "km", 1}, {"千米", "km", 1}, {"米", "m", 1},
		{"立方米", "m3", 1}, {"千瓦时", "kWh", 1}, {"千瓦", "kW", 1}, {"兆瓦", "MW", 1},
		{"吉瓦", "GW", 1}, {"千伏", "kV", 1}, {"标箱", "TEU", 1}, {"标准箱", "TEU", 1},
		{"万千瓦", "kW", 1e4}, {"万千瓦时", "kWh", 1e4},
		// Traditional market units of grain and land statistics, and the
		// cubic metre as reports shorten it (150亿方 of gas or water).
		{"斤", "kg", 0.5}, {"市斤", "kg", 0.5}, {"担", "kg", 50}, {"千公顷", "ha", 1000},
		{"立方", "m3", 1}, {"千升", "m3", 1}, {"公吨", "t", 1},
		// Older names of the metre and the cubic metre (十三亿立方公尺).
		{"立方公尺", "m3", 1}, {"平方公尺", "m2", 1}, {"公尺", "m", 1},
		// Transport work: freight in tonne-kilometres, passengers in
		// passenger-kilometres (货物周转量148.71亿吨公里), never tonnes or
		// people.
		{"吨公里", "tkm", 1}, {"吨千米", "tkm", 1}, {"人公里", "pkm", 1}, {"人千米", "pkm", 1},
		{"吨·公里", "tkm", 1}, {"人·公里", "pkm", 1}, {"吨・公里", "tkm", 1}, {"人・公里", "pkm", 1},
		// Air quality: 细颗粒物（PM2.5）平均浓度30微克/立方米.
		{"微克/立方米", "μg/m3", 1}, {"微克每立方米", "μg/m3", 1}, {"微克/m3", "μg/m3", 1}, {"微克/m³", "μg/m3", 1},
	}
	for _, q := range quantities {
		add(unitSpec{word: q.w, kind: corpus.KindQuantity, unit: q.u, factor: q.f})
	}
	// 150亿方 of gas is cubic metres; after a Chinese numeral 方 is a side
	// (四方, 双方).
	add(unitSpec{word: "方", kind: corpus.KindQuantity, unit: "m3", factor: 1, arabicOnly: true})
	add(unitSpec{word: "度", kind: corpus.KindQuantity, unit: "kWh", factor: 1, context: []string{"电"}})
	latin := []struct {
		w, u string
		k    corpus.Kind
	}{
		{"GW", "GW", corpus.KindQuantity}, {"MW", "MW", corpus.KindQuantity},
		{"kW", "kW", corpus.KindQuantity}, {"KW", "kW", corpus.KindQuantity},
		{"kWh", "kWh", corpus.KindQuantity}, {"KWh", "kWh", corpus.KindQuantity},
		{"kwh", "kWh", corpus.KindQuantity}, {"GWh", "GWh", corpus.KindQuantity},
		{"kV", "kV", corpus.KindQuantity}, {"KV", "kV", corpus.KindQuantity},
		{"km2", "km2", corpus.KindQuantity}, {"km²", "km2", corpus.KindQuantity},
		{"km", "km", corpus.KindQuantity}, {"m2", "m2", corpus.KindQuantity},
		{"m²", "m2", corpus.KindQuantity}, {"m3", "m3", corpus.KindQuantity},
		{"m³", "m3", corpus.KindQuantity}, {"TEU", "TEU", corpus.KindQuantity},
		{"kg", "kg", corpus.KindQuantity},
		{"μg/m3", "μg/m3", corpus.KindQuantity}, {"μg/m³", "μg/m3", corpus.KindQuantity},
	}
	for _, l := range latin {
		add(unitSpec{word: l.w, kind: l.k, unit: l.u, factor: 1, latin: true})
	}
	durations := []struct {
		w, u string
	}{
		{"个月", "month"}, {"个多月", "month"}, {"个工作日", "day"}, {"工作日", "day"},
		{"个小时", "hour"}, {"小时", "hour"}, {"分钟", "minute"}, {"秒钟", "second"}, {"秒", "second"},
		{"天", "day"}, {"周", "week"}, {"星期", "week"}, {"个星期", "week"}, {"年", "year"},
		{"个年度", "year"}, {"周年", "year"}, {"岁", "year"},
	}
	for _, d := range durations {
		add(unitSpec{word: d.w, kind: corpus.KindDuration, unit: d.u, factor: 1})
	}
	add(unitSpec{word: "倍", kind: corpus.KindMultiple, unit: "x", factor: 1})
	// Dates: a number followed by these is a calendar reference, not an amount.
	for _, w := range []string{"月份", "月", "日", "号", "时", "季度", "旬"} {
		add(unitSpec{word: w, kind: corpus.KindDate, unit: "date", factor: 1})
	}
	table := map[rune][]unitSpec{}
	for _, s := range specs {
		r := []rune(s.word)[0]
		table[r] = append(table[r], s)
	}
	for r := range table {
		sort.SliceStable(table[r], func(i, j int) bool { return len(table[r][i].word) > len(table[r][j].word) })
	}
	return table
}

// matchUnit returns the longest unit word at rs[i].
func matchUnit(rs []rune, i int) (unitSpec, bool) {
	if i >= len(rs) {
		return unitSpec{}, false
	}
	for _, s := range unitTable[rs[i]] {
		if !hasPrefixRunes(rs, i, s.word) {
			continue
		}
		end := i + len([]rune(s.word))
		if s.latin && end < len(rs) && isASCIILetter(rs[end]) {
			continue
		}
		return s, true
	}
	return unitSpec{}, false
}

// startsWithUnit reports whether s begins with a unit or a scale word, the
// test the normalizer uses to rejoin a number split from its unit.
func startsWithUnit(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 {
		return false
	}
	if chineseUnit[rs[0]] > 0 || rs[0] == '%' {
		return true
	}
	if _, ok := matchUnit(rs, 0); ok {
		return true
	}
	return strings.HasPrefix(s, "多") || strings.HasPrefix(s, "余")
}

func hasPrefixRunes(rs []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// startsWithCountWord reports a one-character measure word at the start of
// s: after a paragraph break it is more likely a heading (2.3 项目概况) than
// the rest of a broken figure.
func startsWithCountWord(s string) bool {
	u, ok := matchUnit([]rune(s), 0)
	return ok && u.kind == corpus.KindCount && len([]rune(u.word)) == 1
}
