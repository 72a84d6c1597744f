package corpus

import (
	"strings"
	"testing"
)

func TestDocumentPage(t *testing.T) {
	d := Document{Pages: []int{0, 100, 250}}
	for _, c := range []struct{ off, page int }{{0, 1}, {99, 1}, {100, 2}, {249, 2}, {250, 3}, {9999, 3}} {
		if got := d.Page(c.off); got != c.page {
			t.Errorf("Page(%d) = %d, want %d", c.off, got, c.page)
		}
	}
	if (Document{}).Page(5) != 0 {
		t.Error("a document without pages has page 0")
	}
}

func TestSimHash(t *testing.T) {
	a := "示例开发区今年以来坚持项目为王，新签约项目36个，总投资218.6亿元，同比增长12.5%。其中亿元以上项目21个，园区规上工业增加值同比增长9.3%，新增市场主体2450户。下一步将围绕新材料、高端装备、现代医药三大主导产业持续开展精准招商，深化招落一体改革，压缩项目落地周期。"
	b := "（转载）" + a + "（责任编辑：王明）"
	c := "某市统计局发布上半年国民经济运行情况，全市地区生产总值完成1234.5亿元，同比增长5.2%，其中第一产业增加值82.3亿元，第二产业增加值512.7亿元，第三产业增加值639.5亿元，社会消费品零售总额增长7.1%。"
	if !MaybeDuplicate(SimHash(a), SimHash(b)) || Resemblance(a, b) < NearDuplicateThreshold {
		t.Errorf("a republication with a note added is not a near-duplicate (resemblance %.2f)", Resemblance(a, b))
	}
	if MaybeDuplicate(SimHash(a), SimHash(c)) && Resemblance(a, c) >= NearDuplicateThreshold {
		t.Error("different reports are near-duplicates")
	}
	if SimHash(a) != SimHash(a) {
		t.Error("SimHash is not deterministic")
	}
	// The same article with a figure changed is another edition; with a
	// dateline added, or a figure only added, it is the same article.
	for _, c := range []struct {
		b      string
		differ bool
	}{
		{b, false},
		{strings.Replace(a, "218.6亿元", "281.6亿元", 1), true},
		{strings.Replace(a, "36个", "３６个", 1), false},
		{"发布时间：2024-05-01 10:30 " + a + "（2024年5月2日）", false},
		{a + "另有储备项目15个。", false},
		{strings.Replace(a, "2450户", "2540户", 1) + "发布时间：2024-05-01", true},
		// A changed range, negative figure or duration is a changed figure.
		{strings.Replace(a, "12.5%", "-12.5%", 1), false},
		{a + "工期3-5年。", false},
	} {
		if got := NumbersDiffer(a, c.b); got != c.differ {
			t.Errorf("NumbersDiffer(a, %q) = %v", c.b, got)
		}
	}
	for _, c := range []struct {
		a, b   string
		differ bool
	}{
		{"计划3-5年内建成", "计划2-4年内建成", true},
		{"下降-6.4%", "下降-4.6%", true},
		{"比例1:2", "比例1:3", true},
		{"工期2年", "工期3年", true},
		{"2024.05.01 新签约项目36个", "2024.05.03 新签约项目36个（第3版）", false},
		{"第3版 总投资1,234亿元", "第5版 总投资1234亿元", false},
		{"5月1日10:30发布 增长5.2%", "5月2日09:15发布 增长5.2%", false},
		{"2023年增长5.2%", "2024年增长5.2%", false},
	} {
		if got := NumbersDiffer(c.a, c.b); got != c.differ {
			t.Errorf("NumbersDiffer(%q, %q) = %v, want %v", c.a, c.b, got, c.differ)
		}
	}
}

func TestMetaYear(t *testing.T) {
	for _, c := range []struct {
		date string
		year int
	}{{"2024-07-15", 2024}, {"2023", 2023}, {"", 0}, {"07/2024", 0}} {
		if got := (Meta{Date: c.date}).Year(); got != c.year {
			t.Errorf("Year(%q) = %d", c.date, got)
		}
	}
}

// FuzzNumbersDiffer: a text never differs from itself, and the answer is
// the same either way round.
func FuzzNumbersDiffer(f *testing.F) {
	f.Add("总投资218.6亿元，增长12.5%。", "总投资281.6亿元，增长12.5%。")
	f.Add("2024-05-01 10:30 项目36个", "３６个．5")
	f.Fuzz(func(t *testing.T, a, b string) {
		if NumbersDiffer(a, a) {
			t.Fatalf("%q differs from itself", a)
		}
		if NumbersDiffer(a, b) != NumbersDiffer(b, a) {
			t.Fatalf("%q and %q: not symmetric", a, b)
		}
	})
}
