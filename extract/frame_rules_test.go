package extract

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// metricCase is a sentence, a figure printed in it and the metric it
// measures.
type metricCase struct{ text, figure, metric string }

// periodCase is a figure of a sentence and the period and base it should
// be given.
type periodCase struct{ text, figure, period, base string }

// wantPeriods checks the period and base of each case's figure.
func wantPeriods(t *testing.T, meta corpus.Meta, cases []periodCase) {
	t.Helper()
	for _, c := range cases {
		if f := figureIn(t, c.text, meta, c.figure); f.Period != c.period || f.Base != c.base {
			t.Errorf("%s %s: period %q base %q, want %q and %q", c.text, c.figure, f.Period, f.Base, c.period, c.base)
		}
	}
}

// wantMetrics checks the metric of each case's figure.
func wantMetrics(t *testing.T, meta corpus.Meta, cases []metricCase) {
	t.Helper()
	for _, c := range cases {
		if f := figureIn(t, c.text, meta, c.figure); f.Metric != c.metric {
			t.Errorf("%s: metric %q, want %q", c.text, f.Metric, c.metric)
		}
	}
}

// figureIn extracts text as a document with meta and returns the figure
// printed as figure.
func figureIn(t *testing.T, text string, meta corpus.Meta, figure string) corpus.Figure {
	t.Helper()
	doc := corpus.NewDocument("rules.txt", []byte(text))
	doc.Meta = meta
	for _, f := range New().Extract(doc) {
		if f.Text == figure {
			return f
		}
	}
	t.Fatalf("no figure %q in %q", figure, text)
	return corpus.Figure{}
}

// swap exchanges two rules of a list for the rest of the test: the tests
// below show that the order of each list is the policy.
func swap[T any](t *testing.T, list []T, name func(T) string, a, b string) {
	t.Helper()
	i, j := -1, -1
	for k, r := range list {
		switch name(r) {
		case a:
			i = k
		case b:
			j = k
		}
	}
	if i < 0 || j < 0 {
		t.Fatalf("rules %q and %q not both in the list", a, b)
	}
	list[i], list[j] = list[j], list[i]
	t.Cleanup(func() { list[i], list[j] = list[j], list[i] })
}

var budgetReport = corpus.Meta{Kind: "预算报告", Place: "某城市", Date: "2026-02-27"}

// A level of government in the clause (市级) wins over the report's place;
// with the document scope first, every figure would be the city's.
func TestSubjectRuleOrder(t *testing.T) {
	const text = "2．市级一般公共预算执行情况\n\n2025年市级一般公共预算收入770.61亿元，下降2%。\n"
	if f := figureIn(t, text, budgetReport, "770.61亿元"); f.Subject != "市级" {
		t.Fatalf("subject %q, want 市级", f.Subject)
	}
	swap(t, subjectRules, func(r subjectRule) string { return r.name }, "level of government", "document scope")
	if f := figureIn(t, text, budgetReport, "770.61亿元"); f.Subject != "某城市" {
		t.Errorf("with the scope first: subject %q, want the place 某城市", f.Subject)
	}
}

// A count whose noun follows an attributive (国资参与建设的120个) names that
// noun before it inherits the metric of the count it continues.
func TestMetricRuleOrder(t *testing.T) {
	const text = "全区科创平台300个，其中国资参与建设的120个。"
	if f := figureIn(t, text, corpus.Meta{}, "120个"); f.Metric != "国资参与建设的科创平台" {
		t.Fatalf("metric %q, want 国资参与建设的科创平台", f.Metric)
	}
	swap(t, metricRules, func(r metricRule) string { return r.name }, "attributive count", "figure before in the clause")
	swap(t, metricRules, func(r metricRule) string { return r.name }, "count continuing a count", "attributive count")
	if f := figureIn(t, text, corpus.Meta{}, "120个"); f.Metric != "科创平台" {
		t.Errorf("with inheritance first: metric %q, want the inherited 科创平台", f.Metric)
	}
}

// A share 在X中占比 is read before the indicator 占比 with its modifier,
// which would end inside the locative.
func TestOwnMetricRuleOrder(t *testing.T) {
	const text = "年末5G移动电话用户688.16万户，在移动电话用户中占比65.9%。"
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某城市"}
	const share = "5G移动电话用户在移动电话用户中占比65.9%。"
	if f := figureIn(t, share, bulletin, "65.9%"); f.Metric != "5G移动电话用户占比" {
		t.Fatalf("metric %q, want 5G移动电话用户占比", f.Metric)
	}
	swap(t, ownMetricRules, func(r ownMetricRule) string { return r.name }, "share of a whole", "indicator")
	if f := figureIn(t, share, bulletin, "65.9%"); f.Metric == "5G移动电话用户占比" {
		t.Errorf("with the indicator first the share should be misread, got %q", f.Metric)
	}
	_ = text
}

// Periods and targets of a work report given on 2024-03-05: last year's
// growth is an outcome, this year's goal a target, and a plan period
// resolves to its years.
func TestTargetsAndPeriods(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2024-03-05"}
	for _, c := range []struct {
		text, figure, period, from, to string
		target                         bool
	}{
		{"去年国内生产总值增长5.2%。", "5.2%", "去年", "2023-01-01", "2023-12-31", false},
		{"今年发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。", "1200万人以上", "今年", "2024-01-01", "2024-12-31", true},
		{"“十三五”期间，累计减税降费7万亿元。", "7万亿元", "“十三五”期间", "2016-01-01", "2020-12-31", false},
		{"过去五年，城镇新增就业6600万人。", "6600万人", "过去五年", "2019-01-01", "2023-12-31", false},
		{"一九八五年工业总产值增长百分之十八。", "百分之十八", "一九八五年", "1985-01-01", "1985-12-31", false},
		{"力争粮食产量保持在1.3万亿斤以上。", "1.3万亿斤以上", "", "", "", true},
		// A work report given in March reviews the year before: a figure of no
		// period of its own is that year's.
		{"一般公共预算收入完成年计划的102.3%。", "102.3%", "", "2023-01-01", "2023-12-31", false},
	} {
		f := figureIn(t, c.text, report, c.figure)
		if f.Period != c.period || f.PeriodFrom != c.from || f.PeriodTo != c.to || f.Target != c.target {
			t.Errorf("%s\n  %s: period %q %s..%s target %v, want %q %s..%s target %v", c.text, c.figure, f.Period, f.PeriodFrom, f.PeriodTo, f.Target, c.period, c.from, c.to, c.target)
		}
	}
}

// Subjects are never invented: a report's figure without a subject of its
// own is its place's; a text of no known kind that names many names gives
// none of them to a figure of its own.
func TestSubjectNeverInvented(t *testing.T) {
	f := figureIn(t, "粮食产量1.3万亿斤。", corpus.Meta{Kind: "政府工作报告", Place: "全国"}, "1.3万亿斤")
	if f.Subject != "全国" {
		t.Errorf("national report: subject %q, want 全国", f.Subject)
	}
	text := "长江等内河航运工程加快建设。阳泉煤业集团公司开展安全检查。全年粮食产量1.3万亿斤。"
	f = figureIn(t, text, corpus.Meta{Kind: "通知"}, "1.3万亿斤")
	if f.Subject != "" {
		t.Errorf("notice: subject %q, want none", f.Subject)
	}
}

// TestFundsAreNoSubjects: a budget's funds (政府性基金, 其他政府性基金,
// 风险补偿基金) are categories, not organisations.
func TestFundsAreNoSubjects(t *testing.T) {
	text := "政府性基金收入完成41.2亿元。其他政府性基金收入3.1亿元。清理规范政府性基金2项。设立农业产业扶贫贷款风险补偿基金1200万元。"
	for _, fig := range []string{"41.2亿元", "3.1亿元", "2项", "1200万元"} {
		if f := figureIn(t, text, corpus.Meta{}, fig); f.Subject != "" {
			t.Errorf("%s: subject %q, want none", fig, f.Subject)
		}
	}
}

// In a report a verb never starts a name: 提高能源利用效率 names no
// company, 开工重大水利工程 names the works, and 性安居工程 is no name.
func TestReportNamesStartAfterVerbs(t *testing.T) {
	doc := corpus.NewDocument("r.txt", []byte("提高能源利用效率。开工重大水利工程172项。建设保障性安居工程。"))
	doc.Meta = corpus.Meta{Kind: "政府工作报告", Place: "全国"}
	got := map[string]bool{}
	for _, e := range New().Entities(doc) {
		got[e.Name] = true
	}
	for _, bad := range []string{"提高能源", "开工重大水利工程", "性安居工程"} {
		if got[bad] {
			t.Errorf("name %q found: %v", bad, got)
		}
	}
	// 重大水利工程 and 保障性安居工程 are kinds of works, built of generic
	// words, and what 172项 counts, not names.
	for _, kind := range []string{"重大水利工程", "保障性安居工程", "林业重点生态工程"} {
		if got[kind] {
			t.Errorf("%s is a name: %v", kind, got)
		}
	}
	if f := figureIn(t, string(doc.Raw), doc.Meta, "172项"); f.Metric != "重大水利工程" || f.Subject != "全国" {
		t.Errorf("172项: metric %q subject %q, want 重大水利工程 of 全国", f.Metric, f.Subject)
	}
}

// A work report given early in a year reviews the last one under a
// heading that names it and plans the next under another: a bare 全年
// belongs to the section's year, and the plan's figures are targets.
func TestSectionYearsAndPlans(t *testing.T) {
	text := "政府工作报告\n一、2025年工作回顾\n全年地区生产总值增长4%。\n二、2026年工作安排\n全年地区生产总值增长5%左右。\n"
	meta := corpus.Meta{Kind: "政府工作报告", Place: "某某省", Date: "2026-02-02"}
	if f := figureIn(t, text, meta, "4%"); f.PeriodFrom != "2025-01-01" || f.Target {
		t.Errorf("review: %s..%s target %v, want 2025 and an outcome", f.PeriodFrom, f.PeriodTo, f.Target)
	}
	if f := figureIn(t, text, meta, "5%左右"); f.PeriodFrom != "2026-01-01" || !f.Target {
		t.Errorf("plan: %s..%s target %v, want 2026 and a target", f.PeriodFrom, f.PeriodTo, f.Target)
	}
}

// TestReportNouns: nouns that hold a verb (负责人, 拥有量) or an adjective
// a brand would start with (清洁能源) are read whole.
func TestReportNouns(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "某省"}
	wantMetrics(t, report, []metricCase{
		{"新能源和清洁能源装机达到6048万千瓦。", "6048万千瓦", "新能源和清洁能源装机"},
		{"5G基站万人拥有量21.5座。", "21.5座", "5G基站万人拥有量"},
		{"行政机关负责人出庭应诉率达到95%。", "95%", "行政机关负责人出庭应诉率"},
		{"市级一般公共预算收入120.5亿元，下降2%。完成预算的93.2%，主要是减税降费。", "93.2%", "一般公共预算收入"},
		{"公共安全（含国防）支出41.3亿元，增长2.1%。", "41.3亿元", "公共安全支出"},
		{"全市民生支出412.3亿元，占一般公共预算支出的80.5%。", "80.5%", "民生支出占一般公共预算支出的比重"},
		{"税收收入795.9亿元，增长2.6%，占一般公共预算收入的比重为67.4%。", "67.4%", "税收收入占一般公共预算收入的比重"},
		{"社会保障与就业支出153.5亿元，增长13.6%。", "153.5亿元", "社会保障与就业支出"},
		{"3. 经济建设类支出20.5亿元。", "20.5亿元", "经济建设类支出"},
		{"年末全市共有境内外上市公司61家、新三板挂牌公司78家。", "61家", "境内外上市公司"},
		{"全年城镇保障性住房基本建成432万套。", "432万套", "城镇保障性住房基本建成"},
		{"发行再融资债券56.4亿元，其中包括一般债券本金9.9亿元，税收返还6.2亿元。", "9.9亿元", "一般债券本金"},
		{"全国普通高等学校598所，在校学生85.6万人。", "85.6万人", "在校学生"},
		{"债务付息及发行费支出1.7亿元。", "1.7亿元", "债务付息及发行费支出"},
		{"工业和手工业在工农业总产值中所占的比重，已由一九五二年的百分之四十一点五上升到一九五七年的百分之五十六点五。", "百分之四十一点五", "工业和手工业比重"},
		{"市直一般公共预算收入完成60.9亿元，为预算数的101.5%。", "101.5%", "一般公共预算收入"},
	})
}

// TestLevelCarriedByQizhong: a sentence that opens with 其中 is at the level of
// the sentence before it.
func TestLevelCarriedByQizhong(t *testing.T) {
	text := "2025年全市一般公共预算收入完成213.5亿元。2025年市直一般公共预算收入完成60.9亿元，增长15.35%。其中：税收收入完成36.2亿元，增长19.69%。"
	if f := figureIn(t, text, budgetReport, "36.2亿元"); f.Subject != "市直" {
		t.Errorf("subject %q, want 市直", f.Subject)
	}
}

// TestComparedValuePeriod: the value a figure is compared with is the
// base year's, and a sentence that opens with 其中 is at the period of the
// sentence before it.
func TestComparedValuePeriod(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1959-04-18"}
	text := "我国的工农业总产值在一九五七年达到了一千二百亿元，比一九五二年的八百亿元增长百分之五十。其中，工业总产值达到了六百亿元，比一九五二年的二百七十亿元增长百分之一百二十。"
	for fig, want := range map[string]string{"八百亿元": "一九五二年", "六百亿元": "一九五七年", "二百七十亿元": "一九五二年", "百分之一百二十": "一九五七年"} {
		if f := figureIn(t, text, report, fig); f.Period != want {
			t.Errorf("%s: period %q, want %q", fig, f.Period, want)
		}
	}
}

// TestSourceOfMoneyIsNoSubjectOfANewClause: 中央财政 opening a clause is
// not whose a later clause with its own period is; a level is.
func TestSourceOfMoneyIsNoSubjectOfANewClause(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2012-03-05"}
	text := "中央财政安排资金1713亿元，全年城镇保障性住房基本建成432万套。"
	if f := figureIn(t, text, report, "432万套"); f.Subject != "全国" {
		t.Errorf("432万套: subject %q, want 全国", f.Subject)
	}
	text = "市直社保基金预算支出完成57.9亿元，当年收支结余1.6亿元。"
	if f := figureIn(t, text, budgetReport, "1.6亿元"); f.Subject != "市直" {
		t.Errorf("1.6亿元: subject %q, want 市直", f.Subject)
	}
}

// TestCountyPronouns: 全县 and 我县 are the report's own county, not a
// county it names; 该县 is the county named before.
func TestCountyPronouns(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "青河县", Date: "2024-01-10"}
	text := "今年以来，我县对口帮扶白河县，投入帮扶资金500万元。全县全年完成固定资产投资50亿元。"
	if f := figureIn(t, text, report, "50亿元"); f.Subject != "青河县" {
		t.Errorf("全县: subject %q, want 青河县", f.Subject)
	}
	if f := figureIn(t, "青河县与白河县交界。本县全年粮食产量30万吨。", corpus.Meta{Kind: "通知"}, "30万吨"); f.Subject == "白河县" {
		t.Errorf("本县 without a county of its own: subject %q", f.Subject)
	}
}

// TestKindWordsKeepOrganisations: sector words make a project or a fund a
// kind (重大水利工程, 风险补偿基金), not an organisation that holds them.
func TestKindWordsKeepOrganisations(t *testing.T) {
	doc := corpus.NewDocument("r.txt", []byte("国家电网公司全年完成电网投资5000亿元。市住房公积金管理中心全年归集公积金50亿元。市城建集团完成投资30亿元。开工重大水利工程172项。保障性安居工程、林业重点生态工程完成投资120亿元。"))
	doc.Meta = corpus.Meta{Kind: "政府工作报告", Place: "某市"}
	got := map[string]bool{}
	for _, e := range New().Entities(doc) {
		got[e.Name] = true
	}
	for _, want := range []string{"国家电网公司", "市住房公积金管理中心", "市城建集团"} {
		if !got[want] {
			t.Errorf("%s is no name: %v", want, got)
		}
	}
	for _, kind := range []string{"重大水利工程", "保障性安居工程", "林业重点生态工程"} {
		if got[kind] {
			t.Errorf("%s is a name: %v", kind, got)
		}
	}
	// A budget's headings name kinds of items, not projects.
	doc = corpus.NewDocument("b.txt", []byte("主要支出项目情况如下：教育支出20亿元。新建和改造农村饮水安全工程一批。"))
	doc.Meta = corpus.Meta{Kind: "预算报告", Place: "某市"}
	for _, e := range New().Entities(doc) {
		if e.Name == "主要支出项目" || e.Name == "农村饮水安全工程" {
			t.Errorf("%s read as a name", e.Name)
		}
	}
}

// TestReviewCases: sentences a review of this stop's rules found wrong.
func TestReviewCases(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "某市", Date: "2024-01-10"}
	wantMetrics(t, report, []metricCase{
		{"该项目总投资5亿元，占地面积200亩。", "200亩", "占地面积"},
		{"粮食产量是2010年的1.5倍。", "1.5倍", "粮食产量"},
		{"全年粮食产量基本达到6000万吨。", "6000万吨", "粮食产量"},
	})
	if f := figureIn(t, "这是2010年的工作重点，全年完成投资50亿元。", report, "50亿元"); f.Base != "" {
		t.Errorf("50亿元: base %q", f.Base)
	}
	if figs := New().Extract(corpus.NewDocument("t.txt", []byte("全年召开5次会议。"))); len(figs) != 1 || figs[0].Value != 5 {
		t.Errorf("召开5次会议: %+v", figs)
	}
}

// TestListLevel: the numbered items of a list that a paragraph ending in
// 如下 introduces are at the level named in that paragraph or the one
// before it, and only a numbered item is.
func TestListLevel(t *testing.T) {
	text := "2025年全市一般公共预算支出完成120亿元。\n\n2025年市直一般公共预算支出完成10亿元。\n\n一般公共预算支出按功能科目分项情况如下：\n\n1. 社会保障和就业类支出2亿元。\n\n2. 教育类支出1.5亿元。\n\n政府性基金预算支出完成8亿元。"
	for fig, want := range map[string]string{"2亿元": "市直", "1.5亿元": "市直", "8亿元": "某城市"} {
		if f := figureIn(t, text, budgetReport, fig); f.Subject != want {
			t.Errorf("%s: subject %q, want %q", fig, f.Subject, want)
		}
	}
}

// TestPurposeOfMoney: money 用于 a purpose measures what it is for, with
// the funder that stands right before 用于; a demonstrative purpose adds
// nothing.
func TestPurposeOfMoney(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2015-03-05"}
	wantMetrics(t, report, []metricCase{
		{"全年中央财政用于节能环保的支出达到1890亿元，增长12.4%。", "1890亿元", "中央财政用于节能环保的支出"},
		{"全年中央财政用于节能环保的支出达到1890亿元，增长12.4%。", "12.4%", "中央财政用于节能环保的支出"},
		{"省财政安排用于乡村振兴的资金312亿元。", "312亿元", "用于乡村振兴的资金"},
		{"居民家庭人均可用于消费的收入2.1万元。", "2.1万元", "居民家庭人均可用于消费的收入"},
		{"全年用于这些方面的支出420亿元。", "420亿元", "支出"},
		{"今年中央财政用于“三农”的投入拟安排9800亿元。", "9800亿元", "中央财政用于“三农”的投入"},
		{"重大科研成果中已经应用于生产的比重达到60%。", "60%", "应用于生产的比重"},
	})
}

// TestScopeIsNoMetric: a scope pronoun that opens a metric is whose the
// figure is (its subject), unless it is part of a title.
func TestScopeIsNoMetric(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1986-03-25"}
	wantMetrics(t, report, []metricCase{
		{"全国粮食总产量达到四千零七十亿公斤。", "四千零七十亿公斤", "粮食总产量"},
		{"新建28个全国重点实验室。", "28个", "全国重点实验室"},
	})
}

// TestShareTopic: a share that opens its sentence as its topic is what
// the figures after it measure, read whole.
func TestShareTopic(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1960-03-30"}
	text := "重工业产值在工业总产值中的比重，在一九六二年将由一九五七年的百分之四十五上升为百分之五十二。"
	for _, fig := range []string{"百分之四十五", "百分之五十二"} {
		if f := figureIn(t, text, report, fig); f.Metric != "重工业产值在工业总产值中的比重" {
			t.Errorf("%s: metric %q, want 重工业产值在工业总产值中的比重", fig, f.Metric)
		}
	}
}

// TestSpanWithin: N年内 is one period, not 年内 (within this year), and a
// span is no period of its own.
func TestSpanWithin(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1956-06-15"}
	text := "按照纲要的要求，在十二年内粮食每亩平均年产量要达到四百斤。"
	if f := figureIn(t, text, report, "四百斤"); f.Period != "十二年内" {
		t.Errorf("四百斤: period %q, want 十二年内", f.Period)
	}
	if f := figureIn(t, text, report, "十二年"); f.Period != "" {
		t.Errorf("十二年: period %q, want none", f.Period)
	}
	// 这两年中 and 这几年 are periods; 一九八五年 holds no span 五年.
	report.Date = "1979-06-18"
	text = "这两年中，钢产量由二千零四十六万吨增加到三千一百七十八万吨。"
	if f := figureIn(t, text, report, "三千一百七十八万吨"); f.Period != "这两年中" {
		t.Errorf("三千一百七十八万吨: period %q, want 这两年中", f.Period)
	}
	if f := figureIn(t, text, report, "三千一百七十八万吨"); f.PeriodFrom != "" {
		t.Errorf("这两年中 resolved to %s: a span 这 points at is not counted back", f.PeriodFrom)
	}
	// A range of years in Chinese digits, and a year a span starts from.
	report.Date = "1983-06-06"
	text = "从一九七八年到一九八二年，高等学校招收研究生三万人。"
	if f := figureIn(t, text, report, "三万人"); f.Period != "一九七八年到一九八二年" || f.PeriodFrom != "1978-01-01" || f.PeriodTo != "1982-12-31" {
		t.Errorf("三万人: period %q %s..%s, want 一九七八年到一九八二年", f.Period, f.PeriodFrom, f.PeriodTo)
	}
	text = "从一九七八年到一九八二年这五年中，高等学校招收研究生三万人。"
	if f := figureIn(t, text, report, "三万人"); f.Period != "一九七八年到一九八二年" {
		t.Errorf("三万人: period %q, want 一九七八年到一九八二年 (这五年 names the range again)", f.Period)
	}
	text = "自2018年起，每年安排资金3亿元。"
	if f := figureIn(t, text, report, "3亿元"); f.Period != "2018年起" {
		t.Errorf("3亿元: period %q, want 2018年起", f.Period)
	}
}

// TestSpanOpeners: a span counted from now (过去五年, 未来5年) is what the
// span measures; 过去 alone is no metric.
func TestSpanOpeners(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2018-03-05"}
	wantMetrics(t, report, []metricCase{
		{"过去五年，我国经济实力跃上新台阶。", "五年", "过去五年"},
		{"在过去的五年中，我国财政收入稳定增长。", "五年", "过去的五年"},
		{"未来5年，全市将新建学校20所。", "5年", "未来5年"},
		{"全市连续三年发放消费券。", "三年", "连续三年"},
	})
}

// TestStartOfYearDatesItsClause: 年初 dates its own clause, not what the
// sentence goes on to report over the year.
func TestStartOfYearDatesItsClause(t *testing.T) {
	text := "2025年年初全市支出预算代编数820.5亿元，加上预算执行中新增转移支付（64.3亿元）等70.2亿元，全年支出预算调整为890.7亿元。"
	if f := figureIn(t, text, budgetReport, "820.5亿元"); f.Period != "2025年年初" {
		t.Errorf("820.5亿元: period %q, want 2025年年初", f.Period)
	}
	if f := figureIn(t, text, budgetReport, "64.3亿元"); f.Period == "2025年年初" {
		t.Errorf("64.3亿元: period %q, want not the start of the year", f.Period)
	}
}

// TestPeriodsInTheMiddle: a period between a metric and its verb is
// stripped from the metric (钢产量前三年共增加了…, 就业率去年底达到…), and a
// period inside what is compared with dates nothing.
func TestPeriodsInTheMiddle(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1957-06-26"}
	for _, c := range []struct{ text, figure, metric, period string }{
		{"钢产量前三年共增加了一百五十万吨。", "一百五十万吨", "钢产量", "前三年"},
		{"全国普通高校毕业生就业率去年底达到83%。", "83%", "普通高校毕业生就业率", "去年底"},
		{"五年招收研究生四万人，比前十七年的总和还多百分之八十。", "百分之八十", "", "五年"}, // the sentence's span, not 前十七年
	} {
		f := figureIn(t, c.text, report, c.figure)
		if c.metric != "" && f.Metric != c.metric || f.Period != c.period {
			t.Errorf("%s: metric %q period %q, want %q %q", c.text, f.Metric, f.Period, c.metric, c.period)
		}
	}
}

// TestPlanWordsAndRates: 要 between a metric and its target is no part of
// it (but 纲要 is a noun), a rate keeps its owner before 的, and a
// pronoun opens no metric.
func TestPlanWordsAndRates(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1978-02-26"}
	wantMetrics(t, report, []metricCase{
		{"今后八年，工业总产值每年要增长百分之十以上。", "百分之十以上", "工业总产值"},
		{"粮食产量平均每年的增长速度都在百分之四点三以上。", "百分之四点三以上", "粮食产量平均每年的增长速度"},
		{"全国人口增长率要降到千分之十左右，今后要继续努力使它逐年下降，一九八五年要降到千分之五左右。", "千分之五左右", "人口增长率"},
		{"如一九五七年钢材的自给率已经达到百分之八十六。", "百分之八十六", "钢材的自给率"},
		{"一九五六年的工业总产值就应当达到五百三十五亿元。", "五百三十五亿元", "工业总产值"},
		{"农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元。", "6280元", "城镇居民人均可支配收入"},
		{"2005年中央财政用于科技、教育、卫生、文化等方面的支出1168亿元。", "1168亿元", "中央财政用于科技、教育、卫生、文化等方面的支出"},
		{"去年国内生产总值比上年增长7.8%，虽然略低于8%的预定目标。", "8%", "国内生产总值"},
		{"全年房地产开发投资完成额增长8.2%。", "8.2%", "房地产开发投资完成额"},
		{"一九五七年全国工业中的工程技术人员达到十七万五千人，比一九五二年的五万八千人增长两倍。", "五万八千人", "工程技术人员"},
	})
}

// TestStartValueIsTheBaseYears: in a sentence that opens with X年同Y年相比,
// the value a change starts from (由A增加到B) is Y's; the value it reaches
// is X's.
func TestStartValueIsTheBaseYears(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1987-03-25"}
	text := "1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元。"
	if f := figureIn(t, text, report, "3480亿元"); f.Period != "1978年" || f.Base != "" {
		t.Errorf("3480亿元: period %q base %q, want 1978年 and no base", f.Period, f.Base)
	}
	if f := figureIn(t, text, report, "9380亿元"); f.Period != "1986年" {
		t.Errorf("9380亿元: period %q, want 1986年", f.Period)
	}
}

// TestOwnersOfVehiclesAreNoBrands: 私人汽车 and 民用汽车 are classes of
// vehicles, not companies (brand + industry word).
func TestOwnersOfVehiclesAreNoBrands(t *testing.T) {
	doc := corpus.NewDocument("b.txt", []byte("年末全市民用汽车保有量230万辆，其中私人汽车保有量167.9万辆。"))
	doc.Meta = corpus.Meta{Kind: "统计公报", Place: "某城市", Date: "2026-03-20"}
	for _, e := range New().Entities(doc) {
		if e.Name == "私人汽车" || e.Name == "民用汽车" {
			t.Errorf("%s read as a name", e.Name)
		}
	}
	if f := figureIn(t, string(doc.Raw), doc.Meta, "167.9万辆"); f.Metric != "私人汽车保有量" || f.Subject != "某城市" {
		t.Errorf("167.9万辆: metric %q subject %q, want 私人汽车保有量 of 某城市", f.Metric, f.Subject)
	}
}

// TestPastYearCarriesDatesOnly: 一年来 that opens a paragraph dates the
// figures of the sentences after it, which print no period of their own.
func TestPastYearCarriesDatesOnly(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2015-03-05"}
	text := "一年来，我们主要做了以下工作。国内生产总值达到63.6万亿元，比上年增长7.4%。"
	f := figureIn(t, text, report, "63.6万亿元")
	if f.Period != "" || f.PeriodFrom != "2014-01-01" || f.PeriodTo != "2014-12-31" {
		t.Errorf("63.6万亿元: period %q %s..%s, want none printed, dated 2014", f.Period, f.PeriodFrom, f.PeriodTo)
	}
}

// TestReviewOfStop28: sentences this stop's review found wrong.
func TestReviewOfStop28(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2016-03-05"}
	for _, c := range []struct{ text, figure, metric, period string }{
		{"石油、天然气等进口额分别增长12.5%和8.1%。", "8.1%", "天然气进口额", ""},
		{"出口、进口分别增长10%和8%，分别拉动外贸增长3个和4个百分点。", "4个百分点", "", ""},
		{"居民消费价格涨幅为2.1%，回落0.5个百分点。", "0.5个百分点", "居民消费价格涨幅", ""},
		{"提前三年完成，工业产值达到704亿元。", "704亿元", "工业产值", ""},
		{"服务业比重过去五年的提高幅度为6个百分点。", "6个百分点", "", "过去五年"},
		{"保障性安居工程完成投资1.2万亿元。", "1.2万亿元", "保障性安居工程投资", ""},
		{"发达国家用于研发的资金约1200亿美元。", "1200亿美元", "用于研发的资金", ""},
		{"全年出口800亿元（增长12%），进口600亿元（增长5%）。", "12%", "出口", "全年"},
		{"适当提高轻工业在工业总产值中的比重，今年增长百分之十五。", "百分之十五", "", "今年"},
		{"中等职业学校、普通高等学校发展较快，在校学生分别增长3%和5%。", "5%", "普通高等学校在校学生", ""},
	} {
		f := figureIn(t, c.text, report, c.figure)
		if c.metric != "" && f.Metric != c.metric || c.metric == "" && strings.Contains(f.Metric, "增速") || f.Period != c.period {
			t.Errorf("%s\n  %s: metric %q period %q, want %q %q", c.text, c.figure, f.Metric, f.Period, c.metric, c.period)
		}
	}
	if f := figureIn(t, "适当提高轻工业在工业总产值中的比重，今年增长百分之十五。", report, "百分之十五"); strings.Contains(f.Metric, "适当") {
		t.Errorf("百分之十五: metric %q is a task", f.Metric)
	}
	// Levels reached are no changes; thresholds of a class are no figures.
	for _, c := range []struct{ text, figure string }{
		{"全年降低企业融资成本至4.5%。", "4.5%"},
		{"今年扩大招生规模至1000万人。", "1000万人"},
	} {
		if f := figureIn(t, c.text, report, c.figure); f.Change != "" {
			t.Errorf("%s: change %q, want none", c.text, f.Change)
		}
	}
	doc := corpus.NewDocument("r.txt", []byte("年产值10亿元以上制造企业达到86家。50亩以上种植大户达到3000户。"))
	doc.Meta = report
	for _, f := range New().Extract(doc) {
		if strings.HasSuffix(f.Text, "以上") {
			t.Errorf("%s read as a figure: it names a class", f.Text)
		}
	}
}

// TestOlderReportLists: older reports name products by one character, open
// examples with 如, head a paragraph with the aspect it speaks of, and go on
// from a 分别 list to a second list of the same items without 分别.
func TestOlderReportLists(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1957-06-26"}
	wantMetrics(t, report, []metricCase{
		{"重要产品的产量都有增长，如铁增长百分之二十，钢增长百分之三十，煤增长百分之十五。", "百分之二十", "铁"},
		{"重要产品的产量都有增长，如铁增长百分之二十，钢增长百分之三十，煤增长百分之十五。", "百分之三十", "钢"},
		{"重要产品的产量都有增长，如铁增长百分之二十，钢增长百分之三十，煤增长百分之十五。", "百分之十五", "煤"},
		{"新增生产能力举其重要的有：钢三十万吨，电四十万千瓦，纸二万吨。", "四十万千瓦", "电"},
		{"新增生产能力举其重要的有：钢三十万吨，电四十万千瓦，纸二万吨。", "二万吨", "纸"},
		{"在农业总产值方面：一九五六年比一九五五年增长百分之四点九。", "百分之四点九", "农业总产值"},
		{"在商业方面：一九五六年社会商品零售总额，比一九五五年增长百分之十七。", "百分之十七", "社会商品零售总额"},
		{"在这方面：一九五六年比一九五五年增长百分之四点九。", "百分之四点九", ""},
		{"城镇居民人均可支配收入和农村居民人均纯收入分别达到6280元和2253元，平均每年实际增长5.7％和4.7％。", "5.7％", "城镇居民人均可支配收入"},
		{"城镇居民人均可支配收入和农村居民人均纯收入分别达到6280元和2253元，平均每年实际增长5.7％和4.7％。", "4.7％", "农村居民人均纯收入"},
		{"城镇居民人均可支配收入和农村居民人均纯收入分别达到6280元和2253元，其中工资收入增长5.7％和4.7％。", "5.7％", "工资收入"},
	})
}

func TestWithoutExampleMarker(t *testing.T) {
	for in, want := range map[string]string{"如铁": "铁", "例如钢材": "钢材", "如期": "如期", "如实": "如实", "如果人们用来买": "如果人们用来买", "比如": "比如", "铁路": "铁路"} {
		if got := withoutExampleMarker(in); got != want {
			t.Errorf("withoutExampleMarker(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCoordinatedLists: a noun coordinated with 和 takes the items a 、
// list puts before it as well.
func TestCoordinatedLists(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1957-06-26"}
	wantMetrics(t, report, []metricCase{
		{"基本建设投资中，农业、林业和水利部门三十二亿元。", "三十二亿元", "农业、林业和水利部门"},
		{"信息传输、软件和信息技术服务业增加值增长3.7%。", "3.7%", "信息传输、软件和信息技术服务业增加值"},
		{"高级管理人员和高层次人才120人。", "120人", "高级管理人员和高层次人才"},
	})
}

// TestPlanPeriodBases: a comparison with an earlier five-year plan (比“十三五”,
// 较“十三五”末2020年) is the figure's base, not its period.
func TestPlanPeriodBases(t *testing.T) {
	budget := corpus.Meta{Kind: "预算报告", Place: "某市", Date: "2026-01-10"}
	wantPeriods(t, budget, []periodCase{
		{"“十四五”时期，全市一般公共预算收入累计完成294亿元，比“十三五”增加53.4%。", "53.4%", "“十四五”时期", "比“十三五”"},
		{"2025年全市一般公共预算收入达到125.27亿元，较“十三五”末2020年增长19.33%。", "19.33%", "2025年", "较“十三五”末2020年"},
		{"全市财政支出较十三五时期增长46.6%。", "46.6%", "", "较十三五时期"},
		{"比十五年前增长了两倍多，比上年增长15%。", "15%", "", "比上年"},
		{"2025年收入完成213.5亿元，较“十三五”末2020年88.23亿元增加125.27亿元。", "88.23亿元", "2020年", ""},
		{"2025年收入完成213.5亿元，较“十三五”末2020年88.23亿元增加125.27亿元。", "125.27亿元", "2025年", "较“十三五”末2020年"},
	})
}

// TestWholeSentencePeriods: a sentence's opening period and base hold over
// its semicolons; a change from one year to another starts in the first
// year and ends in the last; a plan compared with an earlier plan is a base.
func TestWholeSentencePeriods(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1986-03-25"}
	wantPeriods(t, report, []periodCase{
		{"根据预计，一九五七年比一九五六年，粮食增加了五十亿斤，达到三千七百亿斤；棉花增加了约三百九十万担，达到三千二百八十万担。", "三百九十万担", "一九五七年", "比一九五六年"},
		{"根据预计，一九五七年比一九五六年，粮食增加了五十亿斤，达到三千七百亿斤；棉花增加了约三百九十万担，达到三千二百八十万担。", "三千二百八十万担", "一九五七年", ""},
		{"从一九八○年至一九八五年，原煤产量由六亿二千万吨增加到八亿五千万吨。", "六亿二千万吨", "一九八○年", ""},
		{"从一九八○年至一九八五年，原煤产量由六亿二千万吨增加到八亿五千万吨。", "八亿五千万吨", "一九八五年", ""},
		{"2018-2022年，粮食产量由6.58亿吨增加到6.87亿吨。", "6.58亿吨", "2018年", ""},
		{"“六五”时期同“五五”时期相比，粮食的年平均产量由三亿零五百三十万吨增加到三亿七千零六十二万吨。", "三亿零五百三十万吨", "“五五”时期", ""},
		{"“六五”时期同“五五”时期相比，粮食的年平均产量由三亿零五百三十万吨增加到三亿七千零六十二万吨。", "三亿七千零六十二万吨", "“六五”时期", ""},
		{"“六五”时期同“五五”时期相比，粮食产量增长百分之十。", "百分之十", "“六五”时期", "同“五五”时期相比"},
	})
}

// TestBudgetItems: a budget's figures after 安排, after 加上 and after a
// list of items ending in 等 measure what is arranged, added or listed;
// who pays is no metric, and a sentence that goes on with 加上 keeps the
// level of the one before.
func TestBudgetItems(t *testing.T) {
	budget := corpus.Meta{Kind: "预算报告", Place: "某市", Date: "2026-01-10"}
	wantMetrics(t, budget, []metricCase{
		{"全市一般公共预算支出安排562.13亿元，下降11.67%。", "562.13亿元", "一般公共预算支出"},
		{"市级收入800亿元。加上转移支付收入24.6亿元，收入总量为824.6亿元。", "24.6亿元", "转移支付收入"},
		{"全市收入100亿元，加上调出资金、结转下年支出等70.5亿元，支出总量为162.6亿元。", "70.5亿元", "调出资金、结转下年支出等"},
		{"市级收入80.1亿元。加上国有资本经营预算转移支付收入、上年结转收入等24.6亿元。", "24.6亿元", "国有资本经营预算转移支付收入、上年结转收入等"},
		{"加上级补助收入1.93亿元。", "1.93亿元", "上级补助收入"},
	})
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2006-03-05"}
	if f := figureIn(t, "中央财政安排27亿元国债资金，用于县乡村三级医疗卫生基础设施建设。", report, "27亿元"); f.Metric != "国债资金" {
		t.Errorf("中央财政安排27亿元国债资金: metric %q, want 国债资金", f.Metric)
	}
	f := figureIn(t, "市级国有资本经营预算收入80.1亿元。加上上年结转收入24.6亿元，收入总量为104.7亿元。", budget, "24.6亿元")
	if f.Subject != "市级" {
		t.Errorf("24.6亿元 after 加上: subject %q, want 市级", f.Subject)
	}
}

// TestReportSubjectsStayInTheirSentence: in a report, a zone one sentence
// names is not the subject of the next; a class of projects is no subject;
// 地方财政 in a city's bulletin is the city's own.
func TestReportSubjectsStayInTheirSentence(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "四川省", Date: "2026-01-20"}
	bulletin := corpus.Meta{Kind: "统计公报", Place: "乌鲁木齐市", Date: "2026-03-01"}
	for _, c := range []struct {
		meta                   corpus.Meta
		text, figure, wantSubj string
	}{
		{report, "天府新区建设提速，天府新区经济总量突破5000亿元。\n探索经济区与行政区适度分离改革，川渝高竹新区成为全国首个跨省域共建新区。外商直接投资累计达到149.6亿美元。", "149.6亿美元", "四川省"},
		{bulletin, "全年招商引资项目599项，其中：往年结转项目207项，新建项目392项。", "599项", "乌鲁木齐市"},
		{bulletin, "全年地方财政支出799.88亿元，比上年下降9.4%。", "799.88亿元", "乌鲁木齐市"},
	} {
		if f := figureIn(t, c.text, c.meta, c.figure); f.Subject != c.wantSubj {
			t.Errorf("%s: subject %q, want %q", c.text, f.Subject, c.wantSubj)
		}
	}
	if f := figureIn(t, "全年招商引资项目599项。", bulletin, "599项"); f.Metric != "招商引资项目" {
		t.Errorf("599项: metric %q, want 招商引资项目", f.Metric)
	}
}

// TestTopicsAndListsOfClauses: a sentence's topic may follow its year and
// 的 and stop before a parenthesis; a list without 分别
// pairs with figures each in their own clause before it, not with the
// first items of its own longer list; a span takes no topic (前面说过).
func TestTopicsAndListsOfClauses(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2010-03-05"}
	wantMetrics(t, report, []metricCase{
		{"城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。", "9.8%", "城镇居民人均可支配收入"},
		{"城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。", "8.5%", "农村居民人均纯收入"},
		{"一九五七年的工业总产值（不包括手工业产值），包括新建企业的在内，预计达到六百二十八亿元。", "六百二十八亿元", "工业总产值"},
		{"在一九五七年，全国已经有六十五个县，分别达到了每亩生产粮食四百斤、五百斤、八百斤的要求。", "五百斤", "每亩生产粮食"},
		{"向中等职业学校中来自城市经济困难家庭的学生提供助学金，每人每年1500元。", "1500元", ""},
	})
	if f := figureIn(t, "前面说过，我们用五年的时间完成了这项工作。", report, "五年"); f.Metric != "" {
		t.Errorf("五年: metric %q, want none", f.Metric)
	}
}

// TestNewAndHeldNouns: 新增 belongs to the noun it opens, a word with a stop
// character inside (对象) is read whole after a count, a level is held
// (稳定在), and a span before 分别 is no item.
func TestNewAndHeldNouns(t *testing.T) {
	budget := corpus.Meta{Kind: "预算报告", Place: "某市", Date: "2026-01-10"}
	wantMetrics(t, budget, []metricCase{
		{"包括新增债券1531亿元和再融资债券882.1亿元。", "1531亿元", "新增债券"},
		{"惠及全市12.79万名城乡低保对象和1.72万名城乡特困对象。", "12.79万名", "城乡低保对象"},
		{"全省空气优良天数率稳定在90%左右。", "90%左右", "空气优良天数率"},
		{"营业总收入、利润总额五年分别增长97.3%、27.7%。", "27.7%", "利润总额"},
		{"平均每天新增1.5万户新登记企业。", "1.5万户", "新登记企业"},
	})
}

// TestReviewOfStop29: the cases a review of this stop's rules found.
func TestReviewOfStop29(t *testing.T) {
	budget := corpus.Meta{Kind: "预算报告", Place: "某市", Date: "2026-01-10"}
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1986-03-25"}
	wantMetrics(t, budget, []metricCase{
		{"全年实现含税销售额30亿元。", "30亿元", "含税销售额"},
		{"一般公共预算收入100亿元（含上级补助收入4918万元）。", "4918万元", "上级补助收入"},
		{"明年安排200亿元。", "200亿元", ""},
		{"各地安排3亿元。", "3亿元", ""},
		{"港口吞吐量稳步增长，如皋港3000万吨。", "3000万吨", "如皋港"},
		{"加上税收收入10亿元。", "10亿元", "税收收入"},
		{"扣除上解支出10亿元后，收入为90亿元。", "10亿元", "上解支出"},
		{"剔除上解上级支出、债务还本支出等12.42亿元后，支出为562亿元。", "12.42亿元", "上解上级支出、债务还本支出等"},
		{"加强教育、卫生等3亿元。", "3亿元", ""},
		{"例如铁路货运量增长5%。", "5%", "铁路货运量"},
		{"全年完成教育、卫生、文化和体育设施投资300亿元。", "300亿元", "卫生、文化和体育设施投资"},
	})
	wantPeriods(t, report, []periodCase{
		{"1957年比1952年，钢增加了百分之十；1958年，煤计划增加百分之五。", "百分之五", "1958年", ""},
		{"同“五五”时期相比，“六五”时期粮食的年平均产量由三亿零五百三十万吨增加到三亿七千零六十二万吨。", "三亿零五百三十万吨", "“五五”时期", ""},
		{"1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，今年计划由3.9亿吨增加到4亿吨。", "3.9亿吨", "今年", ""},
	})
	// A list of two quarters is no continuation of the two figures before.
	if f := figureIn(t, "固定资产投资完成100亿元，工业增加值完成60亿元，第二季度和第三季度增长5%和8%。", budget, "5%"); f.Metric == "固定资产投资" {
		t.Errorf("5%% of two quarters: metric %q, paired with the first figure", f.Metric)
	}
}

// TestFaredTails: how a noun fared is no part of what a figure measures.
func TestFaredTails(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2011-03-05"}
	wantMetrics(t, report, []metricCase{
		{"工商登记前置审批精简85%。", "85%", "工商登记前置审批"},
	})
	for _, c := range []struct {
		cut      func(string) string
		in, want string
	}{
		{withoutFaredTail, "粮食产量屡创历史新高", "粮食产量"},
		{withoutFaredTail, "精简", "精简"},
		{beforeComparison, "“三农”贷款增速比各项贷款平均增速", "“三农”贷款增速"},
		{beforeComparison, "研究与试验发展经费支出与国内生产总值之比", "研究与试验发展经费支出与国内生产总值之比"},
	} {
		if got := c.cut(c.in); got != c.want {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNextYear: 明年 is a period, of the year after the report's.
func TestNextYear(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1981-12-01"}
	f := figureIn(t, "明年能源生产计划增长0.9%，而工业生产计划增长6%。", report, "0.9%")
	if f.Period != "明年" || f.PeriodFrom != "1982-01-01" {
		t.Errorf("明年: period %q from %q", f.Period, f.PeriodFrom)
	}
	wantMetrics(t, report, []metricCase{{"明年安排200亿元。", "200亿元", ""}})
}

// TestMeasureTailsAndOccurrences: 标准煤 after a quantity's unit is its
// measure, not the next figure's noun; 发生 opens no metric; 拟按 is a
// trailing word.
func TestMeasureTailsAndOccurrences(t *testing.T) {
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某市", Date: "2026-03-01"}
	wantMetrics(t, bulletin, []metricCase{
		{"全年规模工业综合能源消费量1091.2万吨标准煤，下降8.1%。", "8.1%", "规模工业综合能源消费量"},
		{"全年发生各类生产经营性安全事故68起。", "68起", "生产经营性安全事故"},
		{"今年赤字率拟按3.2%左右安排。", "3.2%左右", "赤字率"},
	})
}

// TestAuditCuts: 核减 and 审减 cut the amount they name.
func TestAuditCuts(t *testing.T) {
	budget := corpus.Meta{Kind: "预算报告", Place: "某市", Date: "2026-01-10"}
	for text, figure := range map[string]string{
		"评审资金总额594.93亿元，审减不合理资金59.33亿元。": "59.33亿元",
		"开展事前绩效评估，核减无效低效资金1.39亿元。":       "1.39亿元",
	} {
		if f := figureIn(t, text, budget, figure); f.Change != corpus.ChangeDown {
			t.Errorf("%s: change %q, want down", figure, f.Change)
		}
	}
}

// TestCountedKinds: a kind of body counted (研究中心172个) is the metric,
// not an organisation's name, and a level right before a count (其中：
// 国家级2个，省级9个) is a grade of the noun before, not whose the figure
// is; before money it stays whose (其中：市级4600万元).
func TestCountedKinds(t *testing.T) {
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某县"}
	cases := []struct{ text, figure, metric, subject string }{
		{"全县森林公园15个，其中：国家级2个，省级9个。", "9个", "省级森林公园", "某县"},
		{"全县森林公园15个，其中：国家级2个，省级9个。", "2个", "国家级森林公园", "某县"},
		{"全县湿地公园6个，其中自治区级4个。", "4个", "自治区级湿地公园", "某县"},
		{"年末拥有工程技术研究中心37个。", "37个", "工程技术研究中心", "某县"},
		{"年末有省级以上企业技术中心45家。", "45家", "省级以上企业技术中心", "某县"},
		{"下达新增债券资金5.2亿元，其中：市级3.1亿元，某某区2.1亿元。", "3.1亿元", "新增债券资金", "市级"},
	}
	for _, c := range cases {
		f := figureIn(t, c.text, bulletin, c.figure)
		if f.Metric != c.metric || f.Subject != c.subject {
			t.Errorf("%s %s: metric %q subject %q, want %q and %q", c.text, c.figure, f.Metric, f.Subject, c.metric, c.subject)
		}
	}
	doc := corpus.NewDocument("kinds.txt", []byte("年末拥有工程技术研究中心37个，重点实验室12个。"))
	doc.Meta = bulletin
	for _, e := range New().Entities(doc) {
		t.Errorf("entity %q (%s): a kind of body counted is no name", e.Name, e.Kind)
	}
	doc = corpus.NewDocument("kind.txt", []byte("新增省级工程研究中心3个。"))
	doc.Meta = bulletin
	for _, e := range New().Entities(doc) {
		t.Errorf("entity %q (%s): nothing inside a kind counted is a name", e.Name, e.Kind)
	}
	report := corpus.Meta{Kind: "政府工作报告", Place: "某市"}
	if f := figureIn(t, "晶科能源产量增长20%。", report, "20%"); f.Subject != "晶科能源" {
		t.Errorf("晶科能源产量增长20%%: subject %q, want the company", f.Subject)
	}
	doc = corpus.NewDocument("goods.txt", []byte("主要工业产品中，耐火材料制品399.4万吨，增长2.0%。"))
	doc.Meta = bulletin
	for _, e := range New().Entities(doc) {
		t.Errorf("entity %q (%s): a class of goods is no name", e.Name, e.Kind)
	}
	doc = corpus.NewDocument("place.txt", []byte("大同市新建项目15个。"))
	doc.Meta = bulletin
	var names []string
	for _, e := range New().Entities(doc) {
		names = append(names, string(e.Kind)+":"+e.Name)
	}
	if strings.Join(names, " ") != "place:大同市" {
		t.Errorf("entities %q, want the place alone", names)
	}
}

// TestSpansOfYearsInWords: a span of years counted in words is read
// whole (二十八年间, not 十八年间; 两三年内 is still 三年内), and an adverb
// of degree before a comparison (远远超过…) is no metric: the rate compared
// is the one before's.
func TestSpansOfYearsInWords(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1988-03-25"}
	wantPeriods(t, report, []periodCase{
		{"粮食产量从1950年至1977年的二十八年间平均每年增长百分之二点四。", "百分之二点四", "二十八年间", ""},
		{"过去三十二年来钢产量平均每年增长百分之九。", "百分之九", "过去三十二年来", ""},
		{"力争在两三年内把亏损企业减少百分之五十。", "百分之五十", "三年内", ""},
		{"一百二十八年间增长了百分之五十。", "百分之五十", "", ""}, // no span starts inside a numeral
	})
	wantMetrics(t, report, []metricCase{
		{"去年棉花产量增长3.1%，远远超过了前十年平均每年增长1.2%的速度。", "1.2%", "棉花产量"},
		{"棉花产量再创历史新高，去年达到640万吨。", "640万吨", "棉花产量"},
	})
}

// TestSpansAndRespectiveLists: a span's own suffix (五年来, 三年内) starts
// no noun; a year between 分别 and its figures (分别比2020年增长) or before
// the list's first figure leaves the pairing as it is; a rate compared
// with another (增速比…平均增速分别高) is the rate.
func TestSpansAndRespectiveLists(t *testing.T) {
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某市", Date: "2026-03-01"}
	wantMetrics(t, bulletin, []metricCase{
		{"五年来新建农村学校120所。", "五年", ""},
		{"五年招收研究生四万三千多人。", "五年", "招收研究生"},  // the noun after a span stops at the next figure
		{"钢产量前三年共增加了一百五十万吨。", "三年", "前三年"}, // a span the word before opens is the stretch of time

		{"三年内建成保障性住房3万套。", "三年", ""},
		{"2025年进出口总额4743亿元，其中出口2492亿元，分别比2020年增长69%和67%。", "69%", "进出口总额"},
		{"2025年进出口总额4743亿元，其中出口2492亿元，分别比2020年增长69%和67%。", "67%", "出口"},
		{"小微企业、涉农贷款增速比各项贷款平均增速分别高3.1和0.5个百分点。", "0.5个百分点", "涉农贷款增速"},
	})
	wantMetrics(t, bulletin, []metricCase{
		{"新能源汽车车辆购置税优惠政策再延长三年。", "三年", ""}, // a verb that moves a span is no metric
		{"提前三年完成规划目标。", "三年", ""},
		{"设备累计运行300天。", "300天", "运行"},
	})
	for _, text := range []string{"全市学前三年毛入园率达到95%。", "提前三年完成规划目标。"} {
		if f := figureIn(t, text, bulletin, "三年"); f.Metric == "前三年" {
			t.Errorf("%s: metric %q: 前 belongs to a word here", text, f.Metric)
		}
	}
}

// TestNoStatementAsMetric: a clause read whole that opens with an adverb
// or a preposition (就只, 由此可知) is a statement, no metric; a
// conjunction before a noun (但赤字率) is dropped.
func TestNoStatementAsMetric(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1980-08-30"}
	for _, c := range []struct{ text, figure, notMetric string }{
		{"例如去年省属企业的技术改造计划就只完成了百分之八十六点五。", "百分之八十六点五", "就只"},
		{"由此可知，这些企业中有百分之四十是亏损的。", "百分之四十", "由此可知"},
	} {
		if f := figureIn(t, c.text, report, c.figure); strings.HasPrefix(f.Metric, c.notMetric) {
			t.Errorf("%s: metric %q", c.text, f.Metric)
		}
	}
	if f := figureIn(t, "财政收入稳定增长，但赤字率控制在百分之三以内。", report, "百分之三以内"); f.Metric != "赤字率" {
		t.Errorf("但赤字率: metric %q, want 赤字率", f.Metric)
	}
}

// TestSettledMetric: what settledMetric leaves of a metric the rules
// found; nouns that begin with an opener's character (就业, 并购, 还本,
// 在校生) stay whole.
func TestSettledMetric(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind corpus.Kind
		want string
	}{
		{"粮食产量屡创历史新高", corpus.KindQuantity, "粮食产量"},
		{"显著加快", corpus.KindPercent, ""},
		{"远远", corpus.KindPercent, ""},
		{"就只", corpus.KindPercent, ""},
		{"由此可知", corpus.KindPercent, ""},
		{"但赤字率", corpus.KindPercent, "赤字率"},
		{"但是", corpus.KindPercent, ""},
		{"在一九五二年", corpus.KindPercent, ""},
		{"“三农”贷款增速比各项贷款平均增速", corpus.KindPPT, "“三农”贷款增速"},
		{"在校生", corpus.KindCount, "在校生"},
		{"就业人数", corpus.KindCount, "就业人数"},
		{"再就业补助资金", corpus.KindMoney, "再就业补助资金"},
		{"并购金额", corpus.KindMoney, "并购金额"},
		{"还本付息支出", corpus.KindMoney, "还本付息支出"},
		{"年产各", corpus.KindQuantity, "年产"},
		{"合共", corpus.KindCount, ""},
		{"区县", corpus.KindCount, "区县"},
		{"区县", corpus.KindMoney, ""},
		{"在校学生中", corpus.KindCount, "在校学生"},
		{"减税降负", corpus.KindMoney, "减税降负"},
		{"同比增长6.8%（2015", corpus.KindPercent, ""},
		{"制造业重点产业链看", corpus.KindCount, "制造业重点产业链"},
		{"主要工业品中", corpus.KindCount, "主要工业品"},
		{"在工业总产值中", corpus.KindPercent, ""},
		{"初中", corpus.KindCount, "初中"},
		{"电视收看", corpus.KindPercent, "电视收看"},
		{"接近", corpus.KindQuantity, ""},
		{"出口负", corpus.KindPercent, "出口"},
		{"救灾款和", corpus.KindMoney, "救灾款"},
		{"总和", corpus.KindPercent, "总和"},
		{"碳中和", corpus.KindQuantity, "碳中和"},
		{"企业税负", corpus.KindPercent, "企业税负"},
		{"市场主体减负", corpus.KindMoney, "市场主体减负"},
		{"合计不过", corpus.KindCount, ""},
	} {
		if got := settledMetric(c.in, c.kind); got != c.want {
			t.Errorf("settledMetric(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestClauseSpans: a bare span of years that opens a clause of a review
// (五年全社会固定资产投资…) is the period of what follows, a plan's name
// (五年计划规定…) is not, and a span carries no period into another span.
func TestClauseSpans(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2008-03-05"}
	wantPeriods(t, report, []periodCase{
		{"五年全社会固定资产投资累计完成9.8万亿元，年均增长12%。", "9.8万亿元", "五年", ""},
		{"五年全社会固定资产投资累计完成9.8万亿元，年均增长12%。", "12%", "五年", ""},
		{"基础设施建设加快，五年新建铁路1.2万公里。", "1.2万公里", "五年", ""},
		{"五年计划规定钢产量达到412万吨。", "412万吨", "", ""},
		{"五年一贯制高职招生1200人。", "1200人", "", ""},
		{"19年全市地区生产总值增长6%。", "6%", "", ""},
		{"五年新建铁路1.2万公里。今后三年内再建成铁路8000公里。", "三年", "", ""},
	})
}

// TestExceededPlan: a rate by which a figure exceeds a plan compares with
// the plan (超过原定的年度计划百分之四点一), and measures the figure
// before; the plan's own amount after 超过 is no such rate.
func TestExceededPlan(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "1958-02-01"}
	for _, c := range []struct{ text, figure, metric, base string }{
		{"一九五七年工业投资额完成六十五亿元，超过原定的年度计划百分之四点一。", "百分之四点一", "工业投资额", "原定的年度计划"},
		{"全年钢产量达到五百三十五万吨，超过第一个五年计划规定的指标百分之三十二。", "百分之三十二", "钢产量", "第一个五年计划规定的指标"},
		{"基本建设投资共为四百九十三亿元，超过原定计划四百二十七亿元的百分之十五。", "四百二十七亿元", "", ""},
	} {
		f := figureIn(t, c.text, report, c.figure)
		if c.metric != "" && f.Metric != c.metric || f.Base != c.base {
			t.Errorf("%s %s: metric %q base %q, want %q and %q", c.text, c.figure, f.Metric, f.Base, c.metric, c.base)
		}
	}
}

// TestGrowthAfterShare: a growth rate after an amount's share grew the
// amount, not its share.
func TestGrowthAfterShare(t *testing.T) {
	wantMetrics(t, budgetReport, []metricCase{
		{"全市民生支出1152亿元，占一般公共预算支出的75%，年均增长2.6%。", "2.6%", "民生支出"},
		{"全市民生支出1152亿元，占一般公共预算支出的75%，年均增长2.6%。", "75%", "民生支出占一般公共预算支出的比重"},
		{"教育支出67.34亿元，占比7.0%，增长3.7%。", "3.7%", "教育支出"},
	})
}

// TestPullOnGrowth: the points a part adds to the whole's growth measure
// the pull, whole, with its scope (拉动全市经济增长).
func TestPullOnGrowth(t *testing.T) {
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某市", Date: "2026-03-01"}
	wantMetrics(t, bulletin, []metricCase{
		{"非油经济比重比同期提高10.5个百分点，拉动全市经济增长1.8个百分点。", "1.8个百分点", "拉动全市经济增长"},
		{"地方工业增加值增长6.8%，拉动全市工业增长2.6个百分点。", "2.6个百分点", "拉动全市工业增长"},
		{"最终消费支出拉动GDP增长0.1个百分点。", "0.1个百分点", "拉动GDP增长"},
	})
}

// TestPurposeFrameList: a 分别 list inside one purpose (用于科技、教育和文化
// 事业的支出) gives each item the whole frame, and the growth list after it
// pairs with the items too; where a change starts (由上年) is no part of
// an item.
func TestPurposeFrameList(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "全国", Date: "2007-03-05"}
	const text = "全年中央财政用于科技、教育和文化事业的支出分别为774亿元、536亿元和123亿元，比上年增长29.2%、39.4%和23.9%。"
	wantMetrics(t, report, []metricCase{
		{text, "774亿元", "中央财政用于科技的支出"},
		{text, "123亿元", "中央财政用于文化事业的支出"},
		{text, "39.4%", "中央财政用于教育的支出"},
		{"化学需氧量、二氧化硫排放量由上年分别增长5.6%和13.1%。", "13.1%", "二氧化硫排放量"},
	})
	// A lone 、 joins nouns that share a head where its first item opens
	// the clause.
	wantMetrics(t, report, []metricCase{
		{"全市广播、电视综合人口覆盖率均达到99%以上。", "99%以上", "广播、电视综合人口覆盖率"},
		{"新建、改扩建各类保障性住房200万套。", "200万套", "新建、改扩建各类保障性住房"},
		{"建成图书馆、博物馆面积3万平方米。", "3万平方米", "博物馆面积"}, // a 、 after a verb joins nothing
	})
	if f := figureIn(t, "经济总量跨过两个万亿元大关、超过6万亿元。", report, "6万亿元"); strings.HasSuffix(f.Metric, "、") {
		t.Errorf("metric %q ends on 、", f.Metric)
	}
	// A second 分别 list pairs with the items of the list just paired.
	wantMetrics(t, report, []metricCase{
		{"小麦、玉米产量分别为300万吨和200万吨，分别比上年增长3%和4%。", "3%", "小麦产量"},
		{"小麦、玉米产量分别为300万吨和200万吨，分别比上年增长3%和4%。", "4%", "玉米产量"},
		{"中央财政用于科技、教育和文化事业的支出分别为7亿元、5亿元和2亿元，分别增长5%、6%和8%。", "6%", "中央财政用于教育的支出"},
	})
}

// TestBudgetFundsAndMarkers: a fund a budget counts (政府住房基金收入) is
// no organisation, so its revenue keeps its name; a heading's number
// ((3)) opens no name.
func TestBudgetFundsAndMarkers(t *testing.T) {
	wantMetrics(t, budgetReport, []metricCase{
		{"政府住房基金收入完成2.55亿元，增长29.02%。", "2.55亿元", "政府住房基金收入"},
		{"机关事业单位养老保险基金收入106303万元，支出105645万元。", "106303万元", "机关事业单位养老保险基金收入"},
	})
	doc := corpus.NewDocument("markers.txt", []byte("（3）高新区政府性基金预算\n\n2026年高新区政府性基金预算收入1.34亿元。"))
	doc.Meta = budgetReport
	for _, e := range New().Entities(doc) {
		if strings.ContainsAny(e.Name, "()（）") {
			t.Errorf("entity %q: a heading's number is no part of a name", e.Name)
		}
	}
}

// TestModelNamesAndWords: a model name's decimal point is no break
// (PM2.5浓度), an amount's is (用户3.4亿光缆线路); 到位率 is one word.
func TestModelNamesAndWords(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "某省"}
	if f := figureIn(t, "移动电话用户3.4亿光缆线路550多万公里。", report, "550多万公里"); strings.Contains(f.Metric, ".") {
		t.Errorf("metric %q runs over an amount's decimal point", f.Metric)
	}
	wantMetrics(t, report, []metricCase{
		{"PM2.5浓度降至30微克/立方米。", "30微克/立方米", "PM2.5浓度"},
		{"移动电话用户3.4亿、光缆线路550多万公里。", "550多万公里", "光缆线路"},
		{"项目建设工期近三年。", "三年", "工期"}, // 近 before a span a noun names is nearly, no span opener
		{"备春耕生产所需资金到位率达92%。", "92%", "备春耕生产所需资金到位率"},
	})
}

// TestNegatedBounds: 不低于, 不超过 and the like are bounds, no part of the
// metric before them.
func TestNegatedBounds(t *testing.T) {
	report := corpus.Meta{Kind: "政府工作报告", Place: "某市", Date: "2026-01-20"}
	for _, c := range []struct{ text, figure, metric, bound string }{
		{"全年固定资产投资增速不低于10%。", "10%", "固定资产投资增速", "min"},
		{"城镇新增就业人数不少于5万人。", "5万人", "城镇新增就业人数", "min"},
		{"一般性支出不超过3亿元。", "3亿元", "一般性支出", "max"},
		{"单位GDP能耗下降不小于3%。", "3%", "单位GDP能耗", "min"},
		{"会议费支出不多于200万元。", "200万元", "会议费支出", "max"},
	} {
		f := figureIn(t, c.text, report, c.figure)
		if f.Metric != c.metric || f.Bound != c.bound {
			t.Errorf("%s: metric %q bound %q, want %q and %q", c.text, f.Metric, f.Bound, c.metric, c.bound)
		}
	}
}
