package extract

import (
	"testing"

	"reportmine/corpus"
)

// TestBulletinFrames checks frames in the genre of statistical bulletins,
// where the longest noun before a figure is its metric, on sentences
// written in their style.
func TestBulletinFrames(t *testing.T) {
	bulletin := corpus.Meta{Kind: "统计公报", Place: "某城市", Date: "2026-03-20"}
	cases := []struct {
		text, figure                  string
		metric, subject, period, base string
	}{
		// A short place name that a verb runs into is none (增城 in 新增城镇),
		// and 新增 stays with what the year added.
		{"全年新增城镇就业6.2万人。", "6.2万人", "新增城镇就业", "某城市", "全年", ""},
		{"全年粮食总产量520.8万吨，增长1.9%。", "1.9%", "粮食总产量", "某城市", "全年", ""},
		// 分别 after figures pairs each with the figure before it, in order.
		{"全年接待国内游客1.2亿人次，实现国内旅游收入1350亿元，分别增长10.2%和12.5%。", "10.2%", "国内游客", "某城市", "全年", ""},
		{"全年接待国内游客1.2亿人次，实现国内旅游收入1350亿元，分别增长10.2%和12.5%。", "12.5%", "国内旅游收入", "某城市", "全年", ""},
		// A share of a whole in 在…中的比重 is the share of the noun before 在.
		{"服务业在地区生产总值中的比重上升到55.1%。", "55.1%", "服务业比重", "某城市", "", ""},
		{"全市旅行社160家，其中国际社15家，国内社145家。", "145家", "国内社", "某城市", "", ""},
		// Classes of goods: a class a list names is one, and a class takes
		// no other class as its noun.
		{"限额以上企业商品零售额中，粮油、食品类增长8.8%，家用电器和音像器材类增长12.4%，中西药品类下降5.8%，建筑及装潢材料类增长21.8%。", "8.8%", "粮油、食品类", "某城市", "", ""},
		{"限额以上企业商品零售额中，粮油、食品类增长8.8%，家用电器和音像器材类增长12.4%，中西药品类下降5.8%，建筑及装潢材料类增长21.8%。", "5.8%", "中西药品类", "某城市", "", ""},
		{"限额以上企业商品零售额中，粮油、食品类增长8.8%，家用电器和音像器材类增长12.4%，中西药品类下降5.8%，建筑及装潢材料类增长21.8%。", "21.8%", "建筑及装潢材料类", "某城市", "", ""},
		{"全年居民消费价格上涨0.3%。其中：居住类、生活用品及服务类、教育文化和娱乐类分别上涨1.0%、1.4%、2.8%；食品烟酒类、衣着类分别下降1.7%和0.9%。", "1.4%", "生活用品及服务类", "某城市", "全年", ""},
		{"全年居民消费价格上涨0.3%。其中：居住类、生活用品及服务类、教育文化和娱乐类分别上涨1.0%、1.4%、2.8%；食品烟酒类、衣着类分别下降1.7%和0.9%。", "0.9%", "衣着类", "某城市", "全年", ""},
		{"全年居民消费价格上涨0.3%，其中衣着类上涨2.0%、医疗保健类上涨1.2%。", "1.2%", "医疗保健类居民消费价格", "某城市", "全年", ""},
		// 期末 is a period; 实际 before a verb is no part of the metric.
		{"全年规模以上服务业企业营业收入531.2亿元，比上年增长6.1%；期末用工人数5.2万人，下降1.1%。", "5.2万人", "用工人数", "某城市", "期末", ""},
		{"城镇居民人均可支配收入41759元，扣除价格因素，比上年实际增长5.4%。", "5.4%", "城镇居民人均可支配收入", "某城市", "", "比上年"},
		{"城镇居民人均可支配收入，考虑价格下降因素比上年实际增长8.1%。", "8.1%", "城镇居民人均可支配收入", "某城市", "", "比上年"},
		{"全年进出口总额2101亿元，比上年增长19.7%，扣除价格和汇率变动因素，实际增长16.6%。", "16.6%", "进出口总额", "某城市", "全年", ""},
		// 合同 is a word, though 同 ends metrics elsewhere.
		{"全年技术合同成交额突破300亿元。", "300亿元", "技术合同成交额", "某城市", "全年", ""},
		// 比同期 is a base; 高 after a rate says which way it differs.
		{"一季度地区生产总值现价总量比同期增加73.5亿元，同比增长2%，比同期增速高0.8个百分点。", "73.5亿元", "地区生产总值现价总量", "某城市", "一季度", "比同期"},
		{"一季度工业比同期增速高0.8个百分点。", "0.8个百分点", "增速", "某城市", "一季度", "比同期"},
		// 全年 after a base year is the base's; 年初以来 is one period.
		{"一季度地区生产总值增长2%，比2016年全年增速高0.3个百分点。", "0.3个百分点", "地区生产总值增速", "某城市", "一季度", "比2016年全年"},
		{"年初以来，全市累计造林3242公顷。", "3242公顷", "造林", "某城市", "年初以来", ""},
		// A month of this or last year is one period.
		{"去年8月全市出口增长5%。", "5%", "出口", "某城市", "去年8月", ""},
		// The items of a 分别 list may stand in the clause before, which says
		// how they fared; a class after 等 is none of theirs.
		{"全年规上工业中，钢铁、建材、化工产业集群发展较快，增加值分别增长9.1%、6.3%、5.8%。", "6.3%", "建材产业集群增加值", "某城市", "全年", ""},
		{"重点监测的产品中，充电桩、锂电池、光伏组件等新能源产品增势较好，分别增长35.2%、18.7%、12.4%。", "18.7%", "锂电池", "某城市", "", ""},
		// 等 closes a 分别 list: the class after it is no item's, its head is.
		{"全年规上工业中，光纤、充电桩、工业机器人等高技术产品产量分别增长12.1%、35.6%、20.4%。", "20.4%", "工业机器人产量", "某城市", "全年", ""},
		{"全年规上工业中，光纤、充电桩、工业机器人等高技术产品产量分别增长12.1%、35.6%、20.4%。", "12.1%", "光纤产量", "某城市", "全年", ""},
		{"限额以上单位中，家电类、通讯器材类等升级类商品零售额分别增长10.5%、8.2%。", "8.2%", "通讯器材类", "某城市", "", ""},
		// 占比 after an amount is that amount's share; a growth after the
		// share is the amount's again.
		{"全年教育支出119.06亿元，占比12.4%，增长3.7%。", "12.4%", "教育支出占比", "某城市", "全年", ""},
		{"全年教育支出119.06亿元，占比12.4%，增长3.7%。", "3.7%", "教育支出", "某城市", "全年", ""},
		{"年末光纤宽带用户320.5万户，在固定宽带用户中占比96.2%。", "96.2%", "光纤宽带用户在固定宽带用户中占比", "某城市", "年末", ""},
		// A 分别 that names nothing takes the items of the 分别 list before
		// it: points above an average are their growth's.
		{"全年高技术制造业、装备制造业增加值分别增长12.5%、9.8%，分别高于全市平均水平6.1、3.4个百分点。", "3.4个百分点", "装备制造业增加值增速", "某城市", "全年", "高于全市平均水平"},
		{"全年第一产业增加值增长6.5%，高于全市平均水平2个百分点。", "2个百分点", "第一产业增加值增速", "某城市", "全年", "高于全市平均水平"},
		// A figure in parentheses after a short label measures the noun
		// before the parenthesis.
		{"规上工业产品中，增幅较大的有光伏电池（增长42.5%）、锂离子电池（增长31.2%）。", "31.2%", "锂离子电池", "某城市", "", ""},
		{"已超额完成省年度招商任务（省定300亿元）。", "300亿元", "省年度招商任务", "某城市", "", ""},
		// A price basis is no period, nor part of the metric.
		{"全年地区生产总值按可比价格计算比上年增长5.2%。", "5.2%", "地区生产总值", "某城市", "全年", "比上年"},
	}
	for _, c := range cases {
		f := figureIn(t, c.text, bulletin, c.figure)
		if f.Metric != c.metric || f.Subject != c.subject || f.Period != c.period || f.Base != c.base {
			t.Errorf("%s\n  %s: got metric %q subject %q period %q base %q\n  want metric %q subject %q period %q base %q",
				c.text, c.figure, f.Metric, f.Subject, f.Period, f.Base, c.metric, c.subject, c.period, c.base)
		}
	}
}
