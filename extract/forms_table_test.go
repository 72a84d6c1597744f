package extract

import "testing"

// TestNumeralsScriptsUnitsSignsBounds covers the forms of issue 10 with
// sentences written in the style of reports: 零 inside numerals, 点
// decimals, 半, traditional script and Hong Kong money, measure words and
// market units, signs and dashes, negated bounds in both number styles,
// currency signs.
func TestNumeralsScriptsUnitsSignsBounds(t *testing.T) {
	cases := []figureCase{
		{"全市共有规模以上企业二千零四十五家。", []string{"count 2045 家"}},
		{"新建学校三千零五个。", []string{"count 3005 个"}},
		{"财政收入一千零八亿元。", []string{"money 100800000000 CNY"}},
		{"新增就业一万零五百人。", []string{"count 10500 人"}},
		{"国民收入六千零五十亿元。", []string{"money 605000000000 CNY"}},
		{"基建投资二百零七亿元。", []string{"money 20700000000 CNY"}},
		{"全年完成投资一百二十点五亿元。", []string{"money 12050000000 CNY"}},
		{"比上年增长百分之二十点四。", []string{"percent 20.4 % up"}},
		{"产值增长百分之一百二十点五。", []string{"percent 120.5 % up"}},
		{"增长百分之四。", []string{"percent 4 % up"}},
		{"建设周期三年半。", []string{"duration 3.5 year"}},
		{"用时一年半。", []string{"duration 1.5 year"}},
		{"每亩增产一吨半。", []string{"quantity 1.5 t up"}},
		{"工期为半个月。", []string{"duration 0.5 month"}},
		{"上半年完成投资12亿元。", []string{"money 1200000000 CNY"}},
		{"会议持续两个半小时。", []string{"duration 2.5 hour"}},
		{"新簽約項目36個。", []string{"count 36 個"}},
		{"比上年提高２．４個百分點。", []string{"ppt 2.4 pp up"}},
		{"覆蓋率達到八點五成。", []string{"percent 85 %"}},
		{"發生生产安全事故3起，较上年减少7种隐患。", []string{"count 3 起", "count 7 种 down"}},
		{"全年发生各类事故120多万起。", []string{"count 1200000 起 approx"}},
		{"粮食产量4024亿斤。", []string{"quantity 201200000000 kg"}},
		{"棉花产量一亿担。", []string{"quantity 5000000000 kg"}},
		{"播种面积12.3千公顷。", []string{"quantity 12300 ha"}},
		{"天然气产量150亿方。", []string{"quantity 15000000000 m3"}},
		{"出口收入十五美元。", []string{"money 15 USD"}},
		{"商品售价￥300。", []string{"money 300 CNY"}},
		{"进口额300美圆。", []string{"money 300 USD"}},
		{"对台贸易额5306亿台币。", []string{"money 530600000000 TWD"}},
		{"经济增长比上年增长负3.9%。", []string{"percent -3.9 % down"}},
		{"民间投资增长-2.7%。", []string{"percent -2.7 % down"}},
		{"预期目标是增长6%－6.5%。", []string{"percent 6..6.5 % up"}},
		{"增长5-20%。", []string{"percent 5..20 % up"}},
		{"年产3万吨-5万吨。", []string{"quantity 30000..50000 t"}},
		{"为企业减负3.49亿元。", []string{"money 349000000 CNY down"}},
		// Negated and legal bounds, in Arabic and Chinese numerals.
		{"借款期限不能超过48个月。", []string{"duration 48 month max"}},
		{"借款期限不能超过四十八个月。", []string{"duration 48 month max"}},
		{"自有资金比例不得低于80%。", []string{"percent 80 % min"}},
		{"自有资金比例不得低于百分之八十。", []string{"percent 80 % min"}},
		{"补助最高5000元。", []string{"money 5000 CNY max"}},
		{"补助最高五千元。", []string{"money 5000 CNY max"}},
		{"每户最低108元。", []string{"money 108 CNY min"}},
		{"每户最低一百零八元。", []string{"money 108 CNY min"}},
		{"每班至少3人。", []string{"count 3 人 min"}},
		{"每班至少三人。", []string{"count 3 人 min"}},
		{"年度支出不超过12亿元。", []string{"money 1200000000 CNY max"}},
		{"年度支出不超过十二亿元。", []string{"money 1200000000 CNY max"}},
		{"单套5000元起。", []string{"money 5000 CNY min"}},
		{"单套五千元起。", []string{"money 5000 CNY min"}},
		{"跨越400亿元大关。", []string{"money 40000000000 CNY min"}},
		{"跨越四百亿元大关。", []string{"money 40000000000 CNY min"}},
		{"全市有上百家企业参展。", []string{"count 100 家 approx"}},
		{"引进百余家企业。", []string{"count 100 家 approx"}},
		{"共有千余人参加培训。", []string{"count 1000 人 approx"}},
		{"万余名志愿者参与服务。", []string{"count 10000 名 approx"}},
		{"万元GDP能耗下降3%。", []string{"percent 3 % down"}},
		{"风险概率为百万分之五。", []string{"percent 0.0005 %"}},
	}
	runFigureCases(t, cases, false)
}

// TestHongKongDollars: in a text about Hong Kong a bare 元 is HKD, an
// explicit 人民币 stays CNY; the same sentence in a mainland text is CNY.
func TestHongKongDollars(t *testing.T) {
	hk := "香港特區政府施政報告。香港經濟穩定，香港市民受惠，香港旅遊業復蘇，香港就業改善。政府撥款約15億元，另以人民幣3億元支援。"
	if got := amounts(t, hk, false); len(got) != 2 || got[0] != "money 1500000000 HKD approx" || got[1] != "money 300000000 CNY" {
		t.Errorf("Hong Kong text: got %v", got)
	}
	mainland := "全国经济稳定，全国就业改善，全国财政收入增长，我国对外开放扩大，保持香港、澳门长期繁荣稳定。中央财政拨款约15亿元。"
	if got := amounts(t, mainland, false); len(got) != 1 || got[0] != "money 1500000000 CNY approx" {
		t.Errorf("mainland text: got %v", got)
	}
}
