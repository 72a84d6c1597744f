package extract

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// TestFrames checks figure frames on sentences written in the style of the
// reports, one line per case: the figure (by its text), then the metric,
// subject, period and base it must get.
func TestFrames(t *testing.T) {
	cases := []struct {
		text                                  string
		figure                                string
		metric, subject, period, base, change string
	}{
		{"1-9月份，全区地区生产总值(GDP)完成512.3亿元，同比增长5.6%。", "512.3亿元", "地区生产总值", "", "1-9月份", "", ""},
		{"1-9月份，全区地区生产总值(GDP)完成512.3亿元，同比增长5.6%。", "5.6%", "地区生产总值", "", "1-9月份", "同比", "up"},
		{"上半年，高新区固定资产投资完成88.4亿元，同比下降3.2%；其中，工业投资完成40.1亿元。", "40.1亿元", "工业投资", "高新区", "上半年", "", ""},
		{"今年以来，经开区新签约项目42个，总投资316亿元。", "42个", "新签约项目", "经开区", "今年以来", "", ""},
		{"今年以来，经开区新签约项目42个，总投资316亿元。", "316亿元", "总投资", "经开区", "今年以来", "", ""},
		{"截至9月底，全区市场主体总量达到3.6万户，其中企业占比62.5%，高于全省21.3个百分点。", "21.3个百分点", "企业占比", "", "截至9月底", "高于全省", ""},
		{"总投资120亿元的青山能源年产20GW电池项目正式开工。", "120亿元", "总投资", "青山能源", "", "", ""}, // the project resolves to its company
		{"全年引进高新技术企业35家，占全市的18.2%。", "18.2%", "高新技术企业", "", "全年", "占全市", ""},
		{"2023年，开发区规上工业增加值比上年增长9.1%。", "9.1%", "规上工业增加值", "", "2023年", "比上年", "up"},
		{"园区建成标准化厂房12栋，新增就业1800人。", "12栋", "标准化厂房", "", "", "", ""},
		// A year that qualifies a noun (设立的) does not date the sentence; 我省 is 全省.
		{"目前，我省开发区总数达到88家。2019年设立的13家开发区改革基本到位，34个开发区引进高层次人才144人。", "144人", "高层次人才", "全省开发区", "目前", "", ""},
		// 是目前…最大的 is no period.
		{"碳化硅衬底项目已完工，是目前国内规模最大的衬底生产商，国内市场占有率40%。", "40%", "国内市场占有率", "", "", "", ""},
		// A time between two stages names what it measures; a locative (落户…的) is not the subject.
		{"落户晋中经开区的高纯石英砂深加工项目总投资18.6亿元，从公司注册到项目开工仅用了一个多月时间。", "一个多月", "落地周期", "高纯石英砂深加工项目", "", "", ""},
		{"产业类用地项目从签约到开工由210天压缩至45天。", "45天", "落地周期", "", "", "", ""},
		{"生产线从建设到投产只用了40天。", "40天", "建设周期", "", "", "", ""},
		{"为缩短项目的落地时间，时限由210天最短压缩至45天。", "210天", "落地时间", "", "", "", ""},
		// Coordinate nouns, share words after a base, indicator + 指标, a count continuing an earlier count.
		{"全年各开发区引进高级管理人员和高层次人才86人。", "86人", "高级管理人员和高层次人才", "", "全年", "", ""},
		{"目前有90余名施工人员和技术人员在现场奋战。", "90余名", "施工人员和技术人员", "", "目前", "", ""},
		{"2023年，开发区工业增加值占全市比重达到42%。", "42%", "工业增加值", "", "2023年", "占全市", ""},
		{"为项目解决粮食产能指标120万公斤。", "120万公斤", "粮食产能指标", "", "", "", ""},
		{"二期将新增1500台长晶炉，新增产值4.2亿元，已安装260台。", "260台", "长晶炉", "", "", "", ""},
		{"全年已培训人数超300余名。", "300余名", "培训人数", "", "全年", "", ""},
		// Whose: the zone that opened an earlier sentence of the paragraph, the
		// project a figure stands in, the maker before 年产, the one money goes to.
		{"2023年，高新区持续优化政务服务体系。热线运行以来，已累计接听企业诉求12345件。", "12345件", "企业诉求", "高新区", "运行以来", "", ""},
		{"晶海年产30GW组件项目正式开工。", "30GW", "组件", "晶海年产30GW组件项目", "", "", ""},
		{"延伸了美雅途自行车制造、大同亿诚年产1万台套智能机械设备生产等5个项目。", "1万台套", "智能机械设备", "大同亿诚", "", "", ""},
		{"省分行累计向青山能源发放12.5亿元低利率专项贷款。", "12.5亿元", "贷款", "青山能源", "", "", ""},
		// A period after the measure word, a verb that qualifies 项目, 新增, what a time finished.
		{"着力推动全市56个年内有条件投产项目10月底前投产。", "56个", "有条件投产项目", "", "年内", "", ""},
		{"力争下半年新增工业投资80亿元以上。", "80亿元以上", "新增工业投资", "", "下半年", "", ""},
		{"正式签约后1天完成公司注册。", "1天", "公司注册", "", "", "", ""},
		// A class names its elided noun; quotes take no room; phases measure capacity; a project is not what a time measures.
		{"科创平台120个，其中数字经济类45个，生物医药类20个。", "20个", "生物医药类科创平台", "", "", "", ""},
		{"累计认定省级专精特新“小巨人”企业52家。", "52家", "省级专精特新“小巨人”企业", "", "", "", ""},
		{"太阳能电池项目一期5GW全面投产。", "5GW", "一期产能", "", "", "", ""},
		{"用地项目普遍时限为20天，厂房项目为12天。", "12天", "时限", "", "", "", ""},
		{"13家开发区“三制”改革基本到位。", "13家", "开发区", "", "", "", ""},
		{"新增的3条iPhone15生产线已投产。", "3条", "iPhone15生产线", "", "", "", ""},
		// 一是 opens a period that carries on; a company before a quoted 年产 project; a count's noun is not its subject.
		{"一是全年谋划建设项目210个。总投资1530.2亿元，年度计划投资180.5亿元。", "180.5亿元", "年度计划投资", "", "全年", "", ""},
		{"新招引总投资300亿元青山能源“年产30GW一体化大基地项目”。", "30GW", "产能", "青山能源", "", "", ""},
		{"富士康科技集团新增的3条iPhone15生产线已投产。", "3条", "iPhone15生产线", "富士康科技集团", "", "", ""},
		// A class in a new sentence takes the paragraph's noun; counted nouns keep 公司.
		{"市级科创平台76个。侧重于数字经济类120个，生物医药类30个。", "30个", "生物医药类科创平台", "", "", "", ""},
		{"成立2个平台公司。", "2个", "平台公司", "", "", "", ""},
		// A phase names its maker and its lines; a listed product follows its figure; a mid-sentence period does not carry on.
		{"一期工程年内投产。恒达锂电池隔膜一期6条生产线已投产。", "6条", "一期生产线", "恒达锂电池隔膜", "", "", ""},
		{"项目年产30万吨生物基二胺和60万吨生物基聚酰胺。", "60万吨", "生物基聚酰胺", "", "", "", ""},
		{"全年在建的210个项目中，新开工项目90个。", "210个", "项目", "", "全年", "", ""},
		// The company before a quoted project holds its figures; an investor keeps its investment; a later phase keeps the maker.
		{"总投资83亿元中材科技“5万吨大丝束碳纤维项目”开工。", "5万吨", "大丝束碳纤维", "中材科技", "", "", ""},
		{"招商局集团拟向凯赛公司战略投资66亿元。", "66亿元", "战略投资", "招商局集团", "", "", ""},
		{"恒达锂电池隔膜一期6条生产线已投产，二期4条生产线加快建设。", "4条", "二期生产线", "恒达锂电池隔膜", "", "", ""},
		// A count after an attributive 的 takes the paragraph's noun.
		{"全区科创平台300个。其中，国资参与建设的120个，占比40%，民营参与建设的180个。", "180个", "民营参与建设的科创平台", "", "", "", ""},
		// Review cases: openers are no makers; a city's zones stay apart from the city; another subject ends the paragraph's zone; 部分 is a noun.
		{"项目建设加快。其中年产5万吨锂电池项目开工。", "5万吨", "锂电池", "年产5万吨锂电池项目", "", "", ""},
		{"太原市2023年全市开发区实现营业收入5000亿元，全市地区生产总值8000亿元。", "5000亿元", "营业收入", "太原市开发区", "2023年", "", ""},
		{"太原经开区持续优化营商环境。晶科公司2023年营业收入50亿元。利润总额5亿元。", "5亿元", "利润总额", "晶科公司", "", "", ""},
		{"部分5个。", "5个", "部分", "", "", "", ""},
		{"为缩短项目的时间，审批时限由238天压缩至58天。", "238天", "时限", "", "", "", ""},
		{"工业以及农业分别增长5%和3%。", "3%", "农业", "", "", "", "up"},
		// A project a clause builds is what the next clauses go on about; money 为 a company is its; a short company name is its registered one.
		{"园区与研究院合作，建设鹊山炭材料研发中心项目，计划5月开工，投资2亿元。", "2亿元", "投资", "鹊山炭材料研发中心", "", "", ""},
		{"山西瑞达威科技有限公司是高新技术企业。2023年，开发区为瑞达威公司兑现人才奖励资金30万元。", "30万元", "人才奖励资金", "山西瑞达威科技有限公司", "2023年", "", ""},
		// 百亿元级项目 is a class; 研发投入强度 is a measure of its own.
		{"今年以来，经开区新签约项目46个。其中，百亿元级项目2个。", "2个", "百亿元级项目", "经开区", "今年以来", "", ""},
		{"全区研发投入强度达到3.2%，较上年提高0.4个百分点。", "3.2%", "研发投入强度", "", "", "", ""},
		// 全市 with no city named leaves the subject empty, not the article's zone.
		{"今年以来，经开区新签约项目46个。\n\n2023年，全市实现一般公共预算收入156.3亿元。", "156.3亿元", "一般公共预算收入", "", "2023年", "", ""},
		// A project sized by its investment leads the clauses after it.
		{"其中，总投资35亿元的绿源氢能产业园项目已完成主体工程，达产后可实现年产值80亿元。", "80亿元", "年产值", "绿源氢能产业园", "", "", ""},
		// 年末 is a period (an as-of point).
		{"年末全市常住人口545.3万人，比上年末增加2.2万人。", "2.2万人", "常住人口", "", "年末", "比上年末", "up"},
		// A place pronoun before 内的 is where, the name after it is whose.
		{"园区内的华光光电碳化硅外延片项目于2月开工，总投资12亿元。", "12亿元", "总投资", "华光光电", "", "", ""},
		// 分别 pairs each figure with its own item.
		{"三次产业增加值分别增长3.1%、5.2%和6.0%。", "6.0%", "第三产业增加值", "", "", "", "up"},
		{"上半年，全市一、二、三产业增加值分别增长3.1%、5.2%和6.0%。", "5.2%", "第二产业增加值", "", "上半年", "", "up"},
		{"1-6月份，规上工业增加值和固定资产投资同比分别增长7.2%和4.5%。", "4.5%", "固定资产投资", "", "1-6月份", "同比", "up"},
		{"全区一、二、三产业增加值分别为12.1亿元、45.6亿元、78.9亿元。", "78.9亿元", "第三产业增加值", "", "", "", ""},
		{"全县第一、二、三产业增加值分别增长2.8%、6.1%和5.4%。", "2.8%", "第一产业增加值", "", "", "", "up"},
		// A price basis is no period.
		{"全年完成电信业务总量（上年不变价格）86.4亿元，增长3.1%。", "86.4亿元", "电信业务总量", "", "全年", "", ""},
		{"全年地区生产总值按2020年可比价计算增长5.2%。", "5.2%", "地区生产总值", "", "全年", "", "up"},
		// Items that name only what differs share the last item's head.
		{"全年城镇、农村居民人均可支配收入分别增长4.6%和6.9%。", "4.6%", "城镇居民人均可支配收入", "", "全年", "", "up"},
		{"全年城镇居民、农村居民人均可支配收入分别增长4.6%和6.9%。", "4.6%", "城镇居民人均可支配收入", "", "全年", "", "up"},
		{"全市工业、服务业增加值分别增长6.2%和5.5%。", "6.2%", "工业增加值", "", "", "", "up"},
		{"小麦、玉米产量分别为85万吨和120万吨。", "85万吨", "小麦产量", "", "", "", ""},
		{"一般公共预算、政府性基金预算收入分别完成88亿元和41亿元。", "88亿元", "一般公共预算收入", "", "", "", ""},
		{"先进制造业、高技术制造业增加值占规模以上工业增加值比重分别为48.1%、27.3%。", "48.1%", "先进制造业增加值占规模以上工业增加值比重", "", "", "", ""},
		{"全年规上工业增加值、固定资产投资分别增长6.8%和3.9%。", "6.8%", "规上工业增加值", "", "全年", "", "up"},
		{"城镇新增就业、城镇调查失业率分别为5.2万人和5.1%。", "5.2万人", "城镇新增就业", "", "", "", ""},
		{"税收、非税收入分别完成61亿元和19亿元。", "61亿元", "税收", "", "", "", ""},
		// A compound 分别 distributes names each part.
		{"城乡居民人均可支配收入分别达到48210元和21530元。", "21530元", "农村居民人均可支配收入", "", "", "", ""},
		{"年末金融机构本外币存贷款余额分别为3.2万亿元和2.7万亿元。", "3.2万亿元", "金融机构本外币存款余额", "", "年末", "", ""},
		{"全年一般公共预算收支分别完成156亿元和302亿元。", "302亿元", "一般公共预算支出", "", "全年", "", ""},
		{"全年汽车产销量分别为31.5万辆和30.8万辆。", "30.8万辆", "汽车销量", "", "全年", "", ""},
		// What the items have between 分别 and the figures, less the verbs, is theirs.
		{"煤炭、钢铁分别淘汰落后生产能力2100万吨和680万吨。", "680万吨", "钢铁淘汰落后生产能力", "", "", "", ""},
		{"全市规上工业、限上批发零售业分别实现营业收入820亿元和460亿元。", "460亿元", "限上批发零售业营业收入", "", "", "", ""},
		// A sector that 实现 an indicator owns it; a zone that does is its subject.
		{"一季度，全市地区生产总值626.9亿元。其中，一产实现增加值16.9亿元，增长4.3%。", "16.9亿元", "一产增加值", "", "一季度", "", ""},
		{"规上工业中，石油和天然气开采业实现增加值207.2亿元，下降4%。", "207.2亿元", "石油和天然气开采业增加值", "", "", "", ""},
		{"今年以来，经开区实现营业收入120亿元。", "120亿元", "营业收入", "经开区", "今年以来", "", ""},
		// What a count counts keeps its head 项目.
		{"全年新开工的810个省重点项目完成投资1042亿元。", "810个", "省重点项目", "", "全年", "", ""},
		// Words between the list and 分别 are no part of its last item.
		{"十四五期间，工业投资年均分别增长5%和6%。", "6%", "工业投资", "", "十四五期间", "", "up"},
		// A size class names what is counted; the class is not a project name.
		{"今年以来，高新区绘制招商图谱30个，投资亿元以上工业项目签约落地21个，10亿元以上工业项目在谈35个。", "21个", "亿元以上工业项目", "高新区", "今年以来", "", ""},
		{"今年以来，高新区绘制招商图谱30个，投资亿元以上工业项目签约落地21个，10亿元以上工业项目在谈35个。", "35个", "10亿元以上工业项目", "高新区", "今年以来", "", ""},
		// 全区 points at the zone the text names only by its type, not at a project it names.
		{"今年以来，经开区坚持项目为王。1-6月份，全区地区生产总值完成301.2亿元。年产10GW光伏组件项目已投产。", "301.2亿元", "地区生产总值", "经开区", "1-6月份", "", ""},
	}
	x := New()
	for _, c := range cases {
		doc := corpus.NewDocument("t.txt", []byte(c.text))
		var got *corpus.Figure
		for _, f := range x.Extract(doc) {
			if f.Text == c.figure {
				got = &f
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no figure %q", c.text, c.figure)
			continue
		}
		if got.Metric != c.metric || (c.subject != "" && got.Subject != c.subject) || got.Period != c.period || got.Base != c.base || got.Change != c.change {
			t.Errorf("%s\n  %s: got metric %q subject %q period %q base %q change %q\n  want metric %q subject %q period %q base %q change %q",
				c.text, c.figure, got.Metric, got.Subject, got.Period, got.Base, got.Change, c.metric, c.subject, c.period, c.base, c.change)
		}
	}
}

// TestLongSentence extracts a "sentence" of 50,000 figures with no full
// stop: every figure's sentence is cut to its neighbourhood, so output stays
// proportional to input (a flattened table must not make it quadratic).
func TestLongSentence(t *testing.T) {
	doc := corpus.NewDocument("t.txt", []byte(strings.Repeat("新增项目12个、", 50000)))
	figs := New().Extract(doc)
	if len(figs) < 50000 {
		t.Fatalf("%d figures, want 50000", len(figs))
	}
	for _, f := range figs {
		if n := len([]rune(f.Sentence)); n > 2*sentenceReach+10 {
			t.Fatalf("figure %q carries a sentence of %d characters", f.Text, n)
		}
	}
}

// TestEntities checks names and their canonical forms.
func TestEntities(t *testing.T) {
	text := "山西转型综合改革示范区（以下简称“示范区”）与青山能源科技有限公司签约。省商务厅副厅长张文明出席。示范区将建设年产10万吨新材料项目，落户太原市阳曲县。"
	doc := corpus.NewDocument("e.txt", []byte(text))
	got := map[string]corpus.Entity{}
	for _, e := range New().Entities(doc) {
		if doc.Raw[e.Start:e.End] != e.Text {
			t.Errorf("entity %q: text is not raw[%d:%d]", e.Name, e.Start, e.End)
		}
		got[e.Name] = e
	}
	want := []struct {
		name      string
		kind      corpus.EntityKind
		canonical string
	}{
		{"山西转型综合改革示范区", corpus.EntityOrg, "山西转型综合改革示范区"},
		{"青山能源科技有限公司", corpus.EntityOrg, "青山能源科技有限公司"},
		{"张文明", corpus.EntityPerson, "张文明"},
		{"太原市", corpus.EntityPlace, "太原市"},
		{"阳曲县", corpus.EntityPlace, "阳曲县"},
	}
	for _, w := range want {
		e, ok := got[w.name]
		if !ok || e.Kind != w.kind || e.Canonical != w.canonical {
			t.Errorf("entity %s: got %+v (found %v)", w.name, e, ok)
		}
	}
	if p := got["张文明"]; p.Title != "省商务厅副厅长" {
		t.Errorf("title = %q", p.Title)
	}
}

// TestUnnamedCity leaves a figure's subject empty when the text says 全市
// and names no city: the article's zone is someone else.
func TestUnnamedCity(t *testing.T) {
	doc := corpus.NewDocument("t.txt", []byte("今年以来，经开区新签约项目46个。\n\n2023年，全市实现一般公共预算收入156.3亿元；社会消费品零售总额达到1023.5亿元。"))
	for _, f := range New().Extract(doc) {
		if (f.Text == "156.3亿元" || f.Text == "1023.5亿元") && f.Subject != "" {
			t.Errorf("%s: subject %q, want none", f.Text, f.Subject)
		}
	}
	// 全区 with no zone named is not the project the text mentions.
	doc = corpus.NewDocument("t.txt", []byte("年产10GW光伏组件项目开工。\n\n全区地区生产总值完成301.2亿元。"))
	for _, f := range New().Extract(doc) {
		if f.Text == "301.2亿元" && f.Subject != "" {
			t.Errorf("%s: subject %q, want none", f.Text, f.Subject)
		}
	}
}
