package ingest

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// Documents written for these tests in the style of each genre: the
// head of a provincial work report, a city bulletin with its issuer and
// date, a budget report with a wrapped subtitle, a national report that
// names its NPC session, a notice signed at its end, a speech that opens
// with its salutation.
func TestHeadMetadata(t *testing.T) {
	for _, c := range []struct {
		name, text                       string
		title, date, issuer, kind, place string
	}{
		{"work report", "政府工作报告\n——2025年1月20日在某某省第十四届\n人民代表大会第三次会议上\n某某省省长 张三\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n全省地区生产总值增长5.1%。\n",
			"政府工作报告", "2025-01-20", "某某省人民政府", "政府工作报告", "某某省"},
		{"bulletin", "2024年某城市国民经济和社会发展\n\n统计公报\n\n某城市统计局\n\n国家统计局某城市调查队\n\n2025年3月28日\n\n一、综合\n\n初步核算，全年实现地区生产总值1234.5亿元。\n",
			"2024年某城市国民经济和社会发展统计公报", "2025-03-28", "某城市统计局", "统计公报", "某城市"},
		{"bulletin dated in parentheses", "某城市统计局 国家统计局某城市调查队\n（二〇二五年四月八日）\n一、综合\n根据地区生产总值统一核算结果，全年实现地区生产总值（GDP）862.1亿元。\n",
			"", "2025-04-08", "某城市统计局", "统计公报", "某城市"},
		{"budget report", "关于某城市2024年预算执行情况\n和2025年预算草案的报告\n——2025年1月15日在某城市第十五届人民代表大会第五次会议上\n某城市财政局局长 李四\n各位代表：\n受市人民政府委托，现将预算执行情况提请审议。\n",
			"关于某城市2024年预算执行情况和2025年预算草案的报告", "2025-01-15", "某城市财政局", "预算报告", "某城市"},
		{"national report", "各位代表：\n我现在根据国务院的决定，向第二届全国人民代表大会第一次会议作政府工作报告。\n一、过去一年的成就\n",
			"", "1959-04", "国务院", "政府工作报告", "全国"},
		{"notice", "关于做好开发区统计工作的通知\n各市商务局：\n为做好2025年开发区统计工作，现将有关事项通知如下。\n一、统计范围为全省开发区。\n某某省商务厅\n2025年6月3日\n",
			"关于做好开发区统计工作的通知", "2025-06-03", "某某省商务厅", "通知", ""},
		{"long notice signed at the end", "关于做好开发区统计工作的通知\n各市商务局：\n" + strings.Repeat("为做好开发区统计工作，现将有关事项通知如下。\n", 20) + "某某省商务厅\n2025年6月3日\n",
			"关于做好开发区统计工作的通知", "2025-06-03", "某某省商务厅", "通知", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Structurer{}.Structure(corpus.NewDocument("doc.txt", []byte(c.text)))
			got := []string{d.Title, d.Date, d.Issuer, d.Kind, d.Place}
			want := []string{c.title, c.date, c.issuer, c.kind, c.place}
			for i, field := range []string{"title", "date", "issuer", "kind", "place"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", field, got[i], want[i])
				}
			}
		})
	}
}

func TestSalutationIsNoTitle(t *testing.T) {
	for _, text := range []string{"各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n", "同志们：\n今天召开全市经济工作会议。\n", "各位代表：\u200d\n一、过去五年工作回顾\n"} {
		if d := (Structurer{}).Structure(corpus.NewDocument("s.txt", []byte(text))); d.Title != "" {
			t.Errorf("%q: title %q, want none", text[:12], d.Title)
		}
	}
}

func TestDateLine(t *testing.T) {
	for in, want := range map[string]string{
		"2026年3月31日": "2026-03-31", "（2013年3月20日）": "2013-03-20", "二〇二六年一月二十六日": "2026-01-26",
		"——2019年2月日在某市第三届人民代表大会": "2019-02", "2026年02月10日07时41分": "2026-02-10", "2026年4月": "2026-04",
	} {
		if got, _, ok := dateLine(in); !ok || got != want {
			t.Errorf("dateLine(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"2026年3月31日召开全市大会，部署全年工作", "全年增长5%", "2026年第4期"} {
		if got, _, ok := dateLine(in); ok {
			t.Errorf("dateLine(%q) = %q, want no date line", in, got)
		}
	}
}
