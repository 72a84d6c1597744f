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
