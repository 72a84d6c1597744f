package extract

import (
	"fmt"
	"strings"
	"testing"
)

// Long lines written one paragraph per line, as web pages and word
// processors give them, and their normalised forms.
const (
	long1  = "今年以来，高新区坚持项目为王，围绕新材料和高端装备两条主导产业链精准招商，全年新签约项目三十余个，一批龙头企业相继落户园区。"
	long2  = "园区持续优化营商环境，推行全程代办和容缺受理，企业从签约到开工的时间大幅缩短，一批重点项目提前投产达效，为全年目标打下基础。"
	long1n = "今年以来,高新区坚持项目为王,围绕新材料和高端装备两条主导产业链精准招商,全年新签约项目三十余个,一批龙头企业相继落户园区。"
	long2n = "园区持续优化营商环境,推行全程代办和容缺受理,企业从签约到开工的时间大幅缩短,一批重点项目提前投产达效,为全年目标打下基础。"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"实现税收２３．５亿元，增长１２．５％", "实现税收23.5亿元,增长12.5%"},
		{"总 投 资 560 亿 元", "总投资560亿元"},
		{"增长 6.3 个 百 分 点", "增长6.3个百分点"},
		{"年产 56GW 垂直", "年产56GW垂直"},
		{"装机 100 MW 光伏", "装机100MW光伏"},
		{"KAIFAQU JIANSHE", "KAIFAQU JIANSHE"},
		{"第1, 2, 3号楼", "第1, 2, 3号楼"},
		{"完成投资46.\n6亿元", "完成投资46.6亿元"},
		// Printed character by character: a two-digit number before its mark or unit.
		{"增长1 5 ．3 ％，完成1 0 万亿元，增长1 1 ％", "增长15.3%,完成10万亿元,增长11%"},
		// Em and en spaces are spaces (a paragraph's indent, a gap inside a figure); a form feed stays a page break.
		{"\u2003\u2003全市收入81.63\u2002亿元", "全市收入81.63亿元"},
		{"表3\f\n支出平衡", "表3\f支出平衡"},
		// A zero-width space between a number and its unit on the next line.
		{"国内生产总值达到74.4\n\u200b\n万亿元", "国内生产总值达到74.4万亿元"},
		{"完成投资2.3\n亿元", "完成投资2.3亿元"},
		{"总投资\n560亿元", "总投资560亿元"},
		{"一句话结束。\n下一句开始", "一句话结束。\n下一句开始"},
		{"全年产值10\n\n▲园区一角。\n\n亿元，增长", "全年产值10亿元,增长"},
		{"甲\t乙\n丙", "甲\t乙\n丙"},
		{"第一段结束\n\n第二段", "第一段结束\n\n第二段"},
		{"2.3\n\n项目概况", "2.3\n\n项目概况"},
		{"指标\t数值\n产值\t12.5", "指标\t数值\n产值\t12.5"},
		{"地区生产总值     亿元     1234.5    5.2", "地区生产总值\t亿元\t1234.5\t5.2"},
		// In a row with a real tab, a run of spaces is padding inside a
		// cell, wherever the tab stands on the line.
		{"产值\t12亿元\t指  标", "产值\t12亿元\t指标"},
		{"产值\t本年  12.5", "产值\t本年12.5"},
		{"  前后空白  ", "前后空白"},
		{"圆圈①不变", "圆圈①不变"},
		{"第一行。\r\n第二行", "第一行。\n第二行"},
		// A narrow column that breaks mid-word after a clause comma goes on;
		// a heading standing alone does not.
		{"个。\n今年1-5月，全市开发区实行“承诺\n\n制”项目20个", "个。\n今年1-5月,全市开发区实行“承诺制”项目20个"},
		{"个。\n\n强化奖励机制\n\n近年来", "个。\n\n强化奖励机制\n\n近年来"},
		// One paragraph per line: a short line without a full stop is a
		// heading, not a wrapped line.
		{"%s\n打造一流营商环境\n%s\n%s", "%s\n打造一流营商环境\n%s\n%s"},
	}
	for _, c := range cases {
		if strings.Contains(c.raw, "%s") {
			c.raw = fmt.Sprintf(c.raw, long1, long2, long1)
			c.want = fmt.Sprintf(c.want, long1n, long2n, long1n)
		}
		got := Normalizer{}.Normalize(c.raw).Text
		if got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// TestNormalizeMapsBack checks that every normalised character maps to the
// raw bytes it came from.
func TestNormalizeMapsBack(t *testing.T) {
	raw := "项目总 投 资 ４６．\n６ 亿元，占比２４．６％。"
	n := Normalizer{}.Normalize(raw)
	i := strings.Index(n.Text, "46.6亿元")
	if i < 0 {
		t.Fatalf("normalised text %q lacks 46.6亿元", n.Text)
	}
	span := n.RawSpan(i, i+len("46.6亿元"))
	if got := raw[span.Start:span.End]; got != "４６．\n６ 亿元" {
		t.Errorf("raw span %q", got)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("总 投 资 560 亿 元")
	f.Add("４６．\n６亿元\n\n▲图\n\n万元")
	f.Add("\xff\xfe 坏字节 12\r\n亿")
	f.Fuzz(func(t *testing.T, raw string) {
		n := Normalizer{}.Normalize(raw)
		if len(n.rawStart) != len(n.Text) || len(n.rawEnd) != len(n.Text) {
			t.Fatalf("map length %d/%d for text length %d", len(n.rawStart), len(n.rawEnd), len(n.Text))
		}
		for i := range n.Text {
			if n.rawStart[i] < 0 || int(n.rawEnd[i]) > len(raw) || n.rawStart[i] >= n.rawEnd[i] {
				t.Fatalf("byte %d maps to bad raw range [%d,%d)", i, n.rawStart[i], n.rawEnd[i])
			}
		}
	})
}

func TestTables(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"指标        单位      绝对数     比上年增长\n地区生产总值    亿元     1234.5    5.2\n常住人口    万人    345.6    -0.3", []string{
			"money 123450000000 CNY", "percent 5.2 % up", "count 3456000 人", "percent -0.3 % down"}},
		{"指标\t2023年\t增速(%)\n出口额(亿美元)\t12.5\t6.0", []string{"money 1250000000 USD", "percent 6 % up"}},
		{"招商引资到位资金（亿元）12.5", []string{"money 1250000000 CNY"}},
		{"单位：万元\n项目名称\t投资额\n新材料产业园\t35600", []string{"money 356000000 CNY"}},
		{"单位：万元\n\n新开工项目\t36", nil},
	}, false)
}
