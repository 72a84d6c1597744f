package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportmine/corpus"
)

// mention is a name found in the scanned text (rune indexes).
type mention struct {
	start, end int
	kind       corpus.EntityKind
	name       string
	canonical  string
	title      string
}

// orgSuffixes end organisation names, longest first.
var orgSuffixes = sortedByLength([]string{
	"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "合伙企业", "集团", "公司", "研究院", "研究所", "研究中心",
	"管理委员会", "管委会", "经济技术开发区", "经济开发区", "高新技术产业开发区", "开发区", "经开区", "高新区",
	"示范区", "综改区", "新区", "产业园区", "产业园", "工业园区", "工业园", "园区", "实验室", "大学", "学院",
	"银行", "分行", "协会", "联合会", "促进会", "商会", "委员会", "海关", "办公室", "服务中心", "创新中心",
	"中心", "基金", "总局", "分局", "商务厅", "工信厅", "科技厅", "财政厅", "自然资源厅", "生态环境厅",
	"发改委", "发展改革委", "能源局", "统计局", "税务局", "市场监管局", "招商局", "商务局", "金融办", "驻京办",
	"纪委监委", "管理处",
})

var (
	orgSuffixIndex     = newWordIndex(orgSuffixes)
	projectSuffixIndex = newWordIndex(projectSuffixes)
	leftStopIndex      = newWordIndex(leftStopWords)
	titleIndex         = newWordIndex(personTitles)
	industryIndex      = newWordIndex(industryWords)
)

// projectSuffixes end project names.
var projectSuffixes = sortedByLength([]string{"项目", "工程", "基地", "生产线"})

// orgStop are characters that never belong to a name and end it on the left.
var orgStop = chars("stop_function", "stop_metric", "stop_name")

// leftStopWords are words that end a name on the left: verbs and adverbs
// that commonly stand right before one.
var leftStopWords = sortedByLength([]string{
	"落户", "引进", "引入", "支持", "推动", "依托", "围绕", "打造", "建设", "成立", "组织", "举办", "入驻",
	"携手", "联合", "包括", "签约", "落地", "加快", "推进", "实现", "完成", "获批", "发挥", "形成", "培育",
	"培养", "投资", "建成", "深入", "赴", "前往", "介绍", "表示", "认定", "设立", "聚焦", "全力", "积极",
	"主动", "成为", "作为", "做为", "担任", "参加", "参与", "出席", "主持", "召开", "带队", "调研", "考察",
	"对接", "合作", "关于", "通过", "截至", "目前", "今年", "其中", "此外", "同时", "此次", "新招引", "招引",
	"新引进", "年内", "当前", "计划", "预计", "拥有", "集聚", "涵盖", "还有", "以及", "先后", "分别",
	"比如", "例如", "如", "随着", "按照", "根据", "经过", "自", "从", "当年", "全年", "上半年", "下半年",
	"开展", "实施", "申报", "加强", "扎实", "优化", "服务", "面向", "面积", "位于", "地处", "来自",
	"企业", "龙头企业", "链主企业", "环境", "营商环境", "缩短", "实行", "一开始就建立", "建立", "起步",
	"指导", "督促", "要求", "重视", "鼓励", "帮助", "协调", "扩大", "有效", "确定为", "被确定为", "列为", "被列为",
	"坚持", "持续", "强化", "着力", "大力", "加大", "全面", "深化", "抓好", "抓实", "做好", "突出", "力争",
})

// pronounSuffixes are heads that, with 该/本/全/我, refer back to a name.
var pronouns = map[string]corpus.EntityKind{
	"全区": corpus.EntityOrg, "该区": corpus.EntityOrg, "本区": corpus.EntityOrg, "园区": corpus.EntityOrg,
	"该开发区": corpus.EntityOrg, "示范区": corpus.EntityOrg, "该示范区": corpus.EntityOrg,
	"全市": corpus.EntityPlace, "该市": corpus.EntityPlace, "全省": corpus.EntityPlace, "我省": corpus.EntityPlace,
	"全县": corpus.EntityPlace, "该县": corpus.EntityPlace, "本县": corpus.EntityPlace, "本市": corpus.EntityPlace,
	"我市": corpus.EntityPlace, "我县": corpus.EntityPlace,
	"该公司": corpus.EntityOrg, "该项目": corpus.EntityProject, "该企业": corpus.EntityOrg,
	// A bare zone type is the zone the text is about (高新区完成…).
	"高新区": corpus.EntityOrg, "经开区": corpus.EntityOrg, "开发区": corpus.EntityOrg, "综改区": corpus.EntityOrg,
}

// scopePronouns point at the place or zone a text speaks for (全市, 本县,
// 全国), never at another it names: with none named, the subject stays
// empty. They are whose a figure is, never part of what it measures.
var scopePronouns = map[string]bool{
	"全市": true, "本市": true, "我市": true, "全省": true, "全区": true, "本区": true,
	"全县": true, "本县": true, "我县": true, "全国": true,
}

// withoutScope is a metric without a scope pronoun that opens it
// (全国粮食总产量 → 粮食总产量): the scope is the subject.
func withoutScope(metric string) string {
	rs := []rune(metric)
	if len(rs) < 4 || !scopePronouns[string(rs[:2])] {
		return metric
	}
	if _, ok := scopeTitles.at(rs, 2); ok {
		return metric // 全国重点实验室 is a title
	}
	return string(rs[2:])
}

// scopeTitles make the scope pronoun before them part of a title.
var scopeTitles = newWordIndex(words("scope_titles"))

// personTitles stand right before a person's name (副厅长侯向军).
var personTitles = sortedByLength([]string{
	"副厅长", "厅长", "党组书记", "党工委书记", "书记", "副主任", "主任", "副局长", "局长", "总经理", "副总经理",
	"董事长", "执行董事", "院士", "副市长", "市长", "副省长", "省长", "副秘书长", "秘书长", "处长", "记者",
	"通讯员", "副组长", "组长", "县长", "区长", "主席", "总裁", "所长", "院长", "负责人",
})

// nameEnd are characters that cannot be the last of a two-character name
// followed by more text (侯向军主持: 主 starts the verb).
const nameFollow = "主表说强介带出等、,。在向和及是也一对称指透指认提感坦说到率为今将"

var abbreviationRe = regexp.MustCompile(`[(]?(?:以下)?简称[“"]([^”"]{2,12})[”"][)]?`)

func sortedByLength(words []string) []string {
	sort.SliceStable(words, func(i, j int) bool { return len([]rune(words[i])) > len([]rune(words[j])) })
	return words
}

// nameFinder finds the names of one article's scanned text.
type nameFinder struct {
	rs      []rune
	aliases *docAliases
	// figureEnds marks where an amount ends: a name never reaches back
	// over one (总投资83亿元中材科技 names 中材科技).
	figureEnds map[int]bool
	// countedBy marks where a count that ends its clause starts (172个，):
	// what it follows is a kind of thing counted (工程技术研究中心172个),
	// never one organisation or project by name.
	countedBy map[int]bool
	// kinds are the spans read as kinds of things counted.
	kinds [][2]int
	// report is set for formal documents, whose verbs are never names.
	report bool
}

func (nf *nameFinder) find() []mention {
	var out []mention
	out = append(out, nf.suffixed(orgSuffixIndex, corpus.EntityOrg)...)
	out = append(out, nf.suffixed(projectSuffixIndex, corpus.EntityProject)...)
	out = append(out, nf.quotedProjects()...)
	out = append(out, nf.places()...)
	out = append(out, nf.persons()...)
	out = append(out, nf.brands()...)
	out = slices.DeleteFunc(out, nf.insideKind)
	out = dedupe(out)
	nf.linkBrands(out)
	nf.declarations(out)
	for i := range out {
		if out[i].canonical == "" && collectiveZone(out[i].name) {
			out[i].canonical = collectiveCanonical(out[i].name)
		}
		if out[i].canonical == "" {
			out[i].canonical = nf.aliases.resolve(out[i].name)
		}
	}
	return out
}

// listMarkerEnd is where a list marker in parentheses that opens at rune
// i ends ((3), （一）), or i where there is none.
func listMarkerEnd(rs []rune, i int) int {
	if i >= len(rs) || rs[i] != '(' && rs[i] != '（' {
		return i
	}
	for k := i + 1; k < len(rs) && k <= i+4; k++ {
		switch {
		case rs[k] == ')' || rs[k] == '）':
			if k > i+1 {
				return k + 1
			}
			return i
		case !isDigit(rs[k]) && !isChineseNumeral(rs[k]):
			return i
		}
	}
	return i
}

// insideKind reports an organisation or project inside a span read as a
// kind of thing counted (新增省级工程|研究中心3个); a place there stays
// one (太原市|新建项目12个).
func (nf *nameFinder) insideKind(m mention) bool {
	if m.kind != corpus.EntityOrg && m.kind != corpus.EntityProject {
		return false
	}
	for _, k := range nf.kinds {
		if m.start >= k[0] && m.end <= k[1] {
			return true
		}
	}
	return false
}

// suffixed finds names ending in one of suffixes, extended to the left
// over the characters a name can hold.
func (nf *nameFinder) suffixed(suffixes *wordIndex, kind corpus.EntityKind) []mention {
	rs := nf.rs
	var out []mention
	for i := 0; i < len(rs); i++ {
		for {
			suf, ok := suffixes.at(rs, i)
			if !ok {
				break
			}
			end := i + len([]rune(suf))
			start := nf.trimToAlias(nf.leftEdge(i, kind == corpus.EntityProject), end)
			if i-start >= 24 && start > 0 && isHan(rs[start-1]) && !strings.ContainsRune(orgStop, rs[start-1]) {
				i = end - 1 // the walk ran out inside a word: no name we can trust
				break
			}
			for start+2 < i && nf.report && gseVerbs[string(rs[start:start+2])] && !strings.ContainsRune(nounSuffixChars, rs[start+2]) {
				start += 2 // 开工|重大水利工程, 启动|世界一流大学: the verb is not the name
			}
			if k := listMarkerEnd(rs, start); k > start && k <= i {
				start = k // （3）经开区政府性基金预算: a heading's number opens no name
			}
			if start+1 < i && rs[start] == '据' {
				start++ // 据国家统计局…资料显示: 据 cites a source, it starts no name
			}
			if start > 0 && start+1 < i && rs[start-1] == '其' && rs[start] == '他' {
				start++ // 其他政府性基金: 其 stops the walk inside 其他, which starts no name
			}
			name := string(rs[start:end])
			if k := strings.LastIndex(name, "”"); k >= 0 && !strings.Contains(name[:k], "“") {
				start += len([]rune(name[:k+len("”")])) // 实行“承诺制”项目: the quote is not part of a name
				name = string(rs[start:end])
			}
			_, known := nf.aliases.lookup(name)
			if suf == "基金" && !known && (hasPrefixRunes(rs, end, "收入") || hasPrefixRunes(rs, end, "支出") || hasPrefixRunes(rs, end, "预算")) {
				i = end - 1 // 政府住房基金收入: a budget's fund, no organisation
				break
			}
			if nf.countedBy[end] && !known {
				// 工程技术研究中心172个: a kind of body, counted, and no
				// shorter name inside it either (新增省级工程|研究中心3个).
				nf.kinds = append(nf.kinds, [2]int{start, end})
				i = end - 1
				break
			}
			if (start >= 1 && isAboveBelow(rs, start-1)) || sizeClass(rs[start:i]) {
				i = end - 1 // 亿元以上工业项目, 百亿元级项目: a class of projects, not one
				break
			}
			if known || collectiveZone(name) || (i-start >= 2 && !isPronounStart(rs[start]) && !isGenericFor(string(rs[start:i]), suf)) {
				out = append(out, mention{start: start, end: end, kind: kind, name: name})
			}
			i = end - 1
			break
		}
	}
	return out
}

// sizeClass reports a stem that is a size class (百亿元级, 10亿元以上).
func sizeClass(stem []rune) bool {
	k := 0
	for k < len(stem) && (isDigit(stem[k]) || strings.ContainsRune("十百千.", stem[k])) {
		k++
	}
	rest := string(stem[k:])
	for _, unit := range []string{"亿元", "万元"} {
		if r, ok := strings.CutPrefix(rest, unit); ok && (strings.HasPrefix(r, "级") || strings.HasPrefix(r, "以上")) {
			return true
		}
	}
	return false
}

// collectiveZone reports 全省开发区 and the like: all the zones of a
// province or city, a subject in their own right.
func collectiveZone(name string) bool {
	for _, scope := range []string{"全省", "全市", "全国", "我省", "我市", "各"} {
		if rest, ok := strings.CutPrefix(name, scope); ok && isZoneName(rest) && !strings.ContainsAny(rest, "的") && len([]rune(rest)) <= 6 {
			return true
		}
	}
	return false
}

// collectiveCanonical writes a collective the one way: 我省开发区 and
// 我省各开发区 are 全省开发区, as the province's own reports say it.
func collectiveCanonical(name string) string {
	for _, p := range [][2]string{{"我省", "全省"}, {"我市", "全市"}} {
		if rest, ok := strings.CutPrefix(name, p[0]); ok {
			name = p[1] + rest
		}
	}
	for _, scope := range []string{"全省", "全市", "全国"} {
		if rest, ok := strings.CutPrefix(name, scope+"各"); ok {
			return scope + rest
		}
	}
	return name
}

func isPronounStart(r rune) bool {
	return strings.ContainsRune("该本全各我此这那贵每其某所", r) // 所有招商项目 is no name
}

// leftEdge walks left from i over a name's characters and returns where the
// name starts. Projects may hold digits and Latin (年产56GW…项目).
func (nf *nameFinder) leftEdge(i int, project bool) int {
	rs := nf.rs
	start := i
	for start > 0 && i-start < 24 && !nf.figureEnds[start] {
		r := rs[start-1]
		switch {
		case r == ')' && start >= 2:
			open := start - 2
			for open > 0 && rs[open] != '(' && start-open < 6 {
				open--
			}
			if rs[open] != '(' {
				return start
			}
			start = open // 富士康(太原)科技工业园
			continue
		case (r == '年' || r == '月' || r == '日') && start >= 2 && isDigit(rs[start-2]):
			return start // 2020年全省开发区: the date is not part of the name
		case r == '各':
			if start < 2 || (rs[start-2] != '省' && rs[start-2] != '市') {
				return start // 赋予各园区: 各 starts no name, but 我省各开发区 is one
			}
		case isHan(r) && !strings.ContainsRune(orgStop, r):
		case project && r == '及' && i-start >= 2 && start >= 3 && isHan(rs[start-2]) && isHan(rs[start-3]) && !strings.ContainsRune(orgStop, rs[start-2]) &&
			!endsWithAny(rs, start-1, projectSuffixes) && !endsWithAny(rs, start-1, orgSuffixes) && !endsWithAny(rs, start-1, []string{"企业", "单位", "部门"}):
			// 高品质蓝宝石长晶及晶加项目: one project of two products.
		case project && (isDigit(r) || isASCIILetter(r) || r == '.' || r == '”'):
		case isASCIILetter(r):
		default:
			return trimLeftQuote(rs, start, i)
		}
		if w := stopWordEnding(rs, start); w > 0 {
			return start
		}
		start--
	}
	return start
}

// endsWithAny reports one of words ending at rune i.
func endsWithAny(rs []rune, i int, words []string) bool {
	for _, w := range words {
		if endsWithRunes(rs, i, w) {
			return true
		}
	}
	return false
}

func trimLeftQuote(rs []rune, start, i int) int {
	for start < i && (rs[start] == '“' || rs[start] == '”') {
		start++
	}
	return start
}

// trimToAlias starts a name at a known name it ends with (活动综改区 is
// 综改区 after a word the edge walked over), unless a place precedes it.
func (nf *nameFinder) trimToAlias(start, end int) int {
	for k := start; k < end-1; k++ {
		if _, ok := nf.aliases.lookup(string(nf.rs[k:end])); ok {
			if k > start {
				if _, isPlace := places().match(nf.rs, start); isPlace {
					return start
				}
			}
			return k
		}
	}
	return start
}

// stopWordEnding returns the length of a left stop word that ends at
// rs[i], or 0.
func stopWordEnding(rs []rune, i int) int {
	if w, ok := leftStopIndex.endingAt(rs, i); ok {
		return len([]rune(w))
	}
	return 0
}

// industryWords follow a company's two-character brand (晶科能源, 中来光伏,
// 锦波生物, 烁科晶体).
var industryWords = sortedByLength([]string{"能源", "科技", "股份", "药业", "生物", "光伏", "光电", "电子", "智能", "新材料", "材料", "物流", "陆港", "碳纤", "玻纤", "晶体", "控股", "实业", "电力", "汽车"})

// brands finds company names made of a two-character brand and an industry
// word, standing alone between boundaries (晶科能源是…, 、中来光伏、).
// nounSuffixChars turn the verb before them into a noun or adjective
// (保障性, 开发区, 计算机), which a name may start with.
const nounSuffixChars = "性化型式机区者家员率费金力品业类度所站"

// gseVerbs are the verbs of gse's dictionary (lexicon/gse_verbs.txt): in a
// report no name starts with one (提高|能源 is no brand, 开工|重大水利工程
// no project). News names companies that start with a verb (联合光伏) and
// products that do (合成生物), so there only the curated verbs count.
var gseVerbs = wordSet("gse_verbs")

func (nf *nameFinder) brands() []mention {
	rs := nf.rs
	var out []mention
	for i := 2; i < len(rs); i++ {
		for {
			w, ok := industryIndex.at(rs, i)
			if !ok {
				break
			}
			end := i + len([]rune(w))
			start := i - 2
			stem := string(rs[start:i])
			if !isHan(rs[start]) || !isHan(rs[start+1]) || genericOf(stem, kindWords) || isPronounStart(rs[start]) || nf.report && gseVerbs[stem] ||
				(start > 0 && !nf.boundaryBefore(start)) || (end < len(rs) && followsAsIndustry(rs, end)) {
				break
			}
			out = append(out, mention{start: start, end: end, kind: corpus.EntityOrg, name: string(rs[start:end])})
			i = end - 1
			break
		}
	}
	return out
}

// fullCompanyName is the registered name, of those the article gives, of
// a company it also calls by a short name (盛达威公司 for 山西盛达威科技有限
// 公司), or "".
func fullCompanyName(short string, registered []string) string {
	stem, ok := strings.CutSuffix(short, "公司")
	if !ok || strings.HasSuffix(stem, "有限") || len([]rune(stem)) < 2 || len([]rune(stem)) > 4 {
		return ""
	}
	for _, name := range registered {
		if strings.Contains(name, stem) {
			return name
		}
	}
	return ""
}

// boundaryBefore reports that a name may start at i: after punctuation, a
// figure, a stop character or a stop word.
func (nf *nameFinder) boundaryBefore(i int) bool {
	r := nf.rs[i-1]
	return !isHan(r) || strings.ContainsRune(orgStop, r) || nf.figureEnds[i] || stopWordEnding(nf.rs, i) > 0
}

// followsAsIndustry reports 产业/行业/企业… after a brand-like pair: 合成生物
// 产业 is an industry, not a company, and 装潢材料类 and 耐火材料制品 classes
// of goods.
func followsAsIndustry(rs []rune, i int) bool {
	for _, w := range []string{"产业", "行业", "企业", "领域", "技术", "项目", "基地", "园区", "集群", "公司", "装备", "发电", "类", "制品"} {
		if hasPrefixRunes(rs, i, w) {
			return true
		}
	}
	return false
}

// linkBrands gives projects and short names of a company that the article
// names in full its canonical name: 晶科项目 is 晶科能源's.
func (nf *nameFinder) linkBrands(ms []mention) {
	brand := map[string]string{}
	for _, m := range ms {
		if m.kind != corpus.EntityOrg || len([]rune(m.name)) < 4 || isZoneName(m.name) || collectiveZone(m.name) {
			continue // a zone is no brand: 长治高新区通航产业基地 is not the zone's own
		}
		if p, isPlace := places().match([]rune(m.name), 0); isPlace && p.place.level != "county" {
			continue // 山西建投… and 山西百信 share 山西, not a brand
		}
		brand[string([]rune(m.name)[:2])] = m.name
	}
	var registered []string // 山西盛达威科技有限公司
	for _, m := range ms {
		if m.kind == corpus.EntityOrg && strings.HasSuffix(m.name, "有限公司") {
			registered = append(registered, m.name)
		}
	}
	for i := range ms {
		if short := &ms[i]; short.kind == corpus.EntityOrg && short.canonical == "" && len(registered) > 0 {
			short.canonical = fullCompanyName(short.name, registered) // 盛达威公司 → 山西盛达威科技有限公司
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.kind != corpus.EntityProject || m.canonical != "" {
			continue
		}
		r := []rune(m.name)
		if org, ok := brand[string(r[:2])]; ok && !strings.HasPrefix(org, m.name) {
			m.canonical = nf.aliases.resolve(org)
		}
	}
}

// quotedProjects reads “年产56GW一体化大基地项目” and the company named
// right before the quote (晶科能源“…”).
func (nf *nameFinder) quotedProjects() []mention {
	rs := nf.rs
	var out []mention
	for i := 0; i < len(rs); i++ {
		if rs[i] != '“' {
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] != '”' && j-i < 40 && rs[j] != '\n' {
			j++
		}
		if j >= len(rs) || rs[j] != '”' {
			continue
		}
		inner := string(rs[i+1 : j])
		if hasAnySuffix(inner, []string{"有限公司", "合伙企业", "集团", "研究院"}) {
			out = append(out, mention{start: i + 1, end: j, kind: corpus.EntityOrg, name: inner})
			i = j
			continue
		}
		if !hasAnySuffix(inner, projectSuffixes) {
			continue
		}
		out = append(out, mention{start: i + 1, end: j, kind: corpus.EntityProject, name: inner})
		if start := nf.leftEdge(i, false); i-start >= 2 && i-start <= 8 && !isGeneric(string(rs[start:i])) {
			out = append(out, mention{start: start, end: i, kind: corpus.EntityOrg, name: string(rs[start:i])})
		}
		i = j
	}
	return out
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// placeSuffixes may follow a place's short form: its own suffix, or a
// zone or park it has (太原经开区, 大同高新区, 泰山工业园).
var placeSuffixes = newWordIndex(words("place_suffixes"))

// startsWord reports a word of x at rune i.
func startsWord(x *wordIndex, rs []rune, i int) bool {
	_, ok := x.at(rs, i)
	return ok
}

// placeOrProvinceSuffixes are placeSuffixes and 省.
var placeOrProvinceSuffixes = newWordIndex(append([]string{"省"}, words("place_suffixes")...))

// places finds gazetteer names; a short form needs a boundary after it
// that is not another Han character of a longer word, unless that is a
// name suffix (太原市, 大同经开区).
func (nf *nameFinder) places() []mention {
	rs := nf.rs
	g := places()
	var out []mention
	for i := 0; i < len(rs); i++ {
		if !isHan(rs[i]) {
			continue
		}
		p, ok := g.match(rs, i)
		if !ok {
			continue
		}
		end := i + p.runes
		if p.place.level == "zone" {
			i = end - 1
			continue // zones are organisations, found by their suffix
		}
		if p.text != p.place.name && p.place.level == "county" && !startsWord(placeSuffixes, rs, end) {
			continue // 泰山玻纤 is not 泰山区, nor 新建高速铁路 新建区: a county's short form needs its suffix or a zone after it
		}
		if p.text != p.place.name && i > 0 && isHan(rs[i-1]) && !strings.ContainsRune(orgStop, rs[i-1]) &&
			end < len(rs) && isHan(rs[end]) && !startsWord(placeOrProvinceSuffixes, rs, end) {
			continue // 全球灯塔工厂 is not 灯塔市: a short form inside a word
		}
		if p.text != p.place.name && i > 0 && gseVerbs[string(rs[i-1:i+1])] {
			continue // 新增城镇就业 is not 增城: a verb ends inside the short form
		}
		canonical := p.place.name
		if p.text != p.place.name && end < len(rs) && strings.ContainsRune("市县区省", rs[end]) && !strings.HasSuffix(p.text, string(rs[end])) {
			end++ // 白河市: the short form and the suffix it is printed with are one name
			if printed := string(rs[i:end]); printed != canonical {
				canonical = printed // 白河市 is not 白河县: the suffix says which place
			}
		}
		out = append(out, mention{start: i, end: end, kind: corpus.EntityPlace, name: string(rs[i:end]), canonical: canonical})
		i = end - 1
	}
	return out
}

// persons reads a title followed by a name (省商务厅副厅长侯向军), with the
// organisation before the title kept in the title.
func (nf *nameFinder) persons() []mention {
	rs := nf.rs
	var out []mention
	for i := 0; i < len(rs); i++ {
		for {
			t, ok := titleIndex.at(rs, i)
			if !ok {
				break
			}
			nameStart := i + len([]rune(t))
			n := personName(rs, nameStart)
			if n == 0 {
				break
			}
			titleStart := nf.leftEdge(i, false)
			if i-titleStart > 12 {
				titleStart = i
			}
			out = append(out, mention{start: nameStart, end: nameStart + n, kind: corpus.EntityPerson,
				name: string(rs[nameStart : nameStart+n]), title: string(rs[titleStart:nameStart])})
			i = nameStart + n - 1
			break
		}
	}
	return out
}

// personName returns the length of a Chinese name at rs[i] (2 or 3
// characters starting with a common surname), or 0.
func personName(rs []rune, i int) int {
	if i+2 > len(rs) || !strings.ContainsRune(surnames, rs[i]) || !isHan(rs[i+1]) {
		return 0
	}
	if i+2 < len(rs) && isHan(rs[i+2]) && !strings.ContainsRune(nameFollow, rs[i+2]) {
		if i+3 >= len(rs) || !isHan(rs[i+3]) || strings.ContainsRune(nameFollow, rs[i+3]) {
			return 3
		}
	}
	return 2
}

// surnames are the common Chinese family names.
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

// declarations reads （以下简称“综改区”） after a name and records the alias.
func (nf *nameFinder) declarations(ms []mention) {
	rs := nf.rs
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] != '简' || rs[i+1] != '称' {
			continue
		}
		start := i
		for start > 0 && i-start < 3 && (rs[start-1] == '(' || rs[start-1] == '以' || rs[start-1] == '下') {
			start--
		}
		window := string(rs[start:min(len(rs), i+18)])
		loc := abbreviationRe.FindStringSubmatchIndex(window)
		if loc == nil || loc[0] != 0 {
			continue
		}
		alias := window[loc[2]:loc[3]]
		at := start
		if at > 0 && rs[at-1] == '”' {
			at-- // “…合伙企业”(简称“首创基金”)
		}
		k := sort.Search(len(ms), func(k int) bool { return ms[k].start >= at-40 })
		for ; k < len(ms) && ms[k].start < at; k++ {
			if ms[k].end == at && ms[k].kind != corpus.EntityPlace {
				nf.aliases.add(ms[k].name, alias)
				break
			}
		}
	}
}

// dedupe keeps, of overlapping mentions of the same kind, the longest, and
// orders mentions by position.
func dedupe(ms []mention) []mention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	var out []mention
	for _, m := range ms {
		covered := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-4; k-- {
			o := out[k]
			if o.kind == m.kind && o.start <= m.start && m.end <= o.end {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, m)
		}
	}
	return out
}

// runeCounter turns increasing byte offsets of a text into rune indexes
// without recounting from the start each time.
type runeCounter struct{ byteAt, runeAt int }

func (c *runeCounter) at(text string, b int) int {
	c.runeAt += utf8.RuneCountInString(text[c.byteAt:b])
	c.byteAt = b
	return c.runeAt
}
