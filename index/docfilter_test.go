package index

import (
	"context"
	"slices"
	"sort"
	"testing"

	"reportmine/corpus"
)

// TestDocumentFilters: title: and issuer: choose sentences by their
// document's (or article's) title and issuer, as phrases folded like the
// text (full width, traditional script), alone and with words.
func TestDocumentFilters(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	report := corpus.NewDocument("report.txt", []byte("全年地区生产总值增长5.6%。粮食产量186.3万吨。"))
	report.Meta = corpus.Meta{Title: "云岭市2025年政府工作报告", Issuer: "云岭市人民政府", Date: "2026-01-20"}
	bulletin := corpus.NewDocument("bulletin.txt", []byte("全年地区生产总值2865.4亿元。"))
	bulletin.Meta = corpus.Meta{Title: "石橋市2025年國民經濟統計公報", Issuer: "石桥市统计局", Date: "2026-03-01"}
	magazine := corpus.NewDocument("magazine.txt", []byte("园区总投资12亿元。\n\n新区引进项目46个，增长8%。"))
	magazine.Meta = corpus.Meta{Title: "开发区建设", Issuer: "开发区杂志社"}
	cut := len("园区总投资12亿元。\n\n")
	magazine.Articles = []corpus.Article{
		{ID: magazine.ID + "#1", Span: corpus.Span{Start: 0, End: cut}, Meta: corpus.Meta{Title: "园区投资动态", Issuer: "园区管委会"}},
		{ID: magazine.ID + "#2", Span: corpus.Span{Start: cut, End: len(magazine.Raw)}, Meta: corpus.Meta{Title: "新区招商纪实"}},
	}
	if err := x.AddAll(context.Background(), []Entry{{Doc: report}, {Doc: bulletin}, {Doc: magazine}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // sentences' sources and starts
	}{
		{"title:政府工作报告", []string{"report.txt@0", "report.txt@" + itoa(len("全年地区生产总值增长5.6%。"))}},
		{"title:政府工作报告 粮食", []string{"report.txt@" + itoa(len("全年地区生产总值增长5.6%。"))}},
		{"title:国民经济", []string{"bulletin.txt@0"}},
		{"title:國民經濟 生产总值", []string{"bulletin.txt@0"}},
		{"title:２０２５年", []string{"bulletin.txt@0", "report.txt@0", "report.txt@" + itoa(len("全年地区生产总值增长5.6%。"))}},
		{"title:招商", []string{"magazine.txt@" + itoa(cut)}},
		{"title:开发区建设", nil}, // every sentence is in an article with its own title
		{"issuer:统计局", []string{"bulletin.txt@0"}},
		{"issuer:管委会", []string{"magazine.txt@0"}},
		{"issuer:杂志社", nil}, // each article has its own issuer, or none
		{"生产总值 -title:公报", []string{"report.txt@0"}},
		{"title:报告 OR title:公报", []string{"bulletin.txt@0", "report.txt@0", "report.txt@" + itoa(len("全年地区生产总值增长5.6%。"))}},
		{"title:不存在的标题", nil},
	}
	for _, tt := range tests {
		r, err := x.Search(context.Background(), Request{Query: tt.query, Limit: 20})
		if err != nil {
			t.Errorf("%s: %v", tt.query, err)
			continue
		}
		var got []string
		for _, h := range r.Hits {
			got = append(got, h.Source+"@"+itoa(h.Start))
		}
		sort.Strings(got)
		if int(r.Total) != len(tt.want) || !slices.Equal(got, tt.want) {
			t.Errorf("%s: %d hits %v, want %v", tt.query, r.Total, got, tt.want)
		}
	}
}

// hitSources runs q on x and returns its total and the sources of its
// first limit hits, sorted.
func hitSources(t *testing.T, x *Index, q string, limit int) (uint64, []string) {
	t.Helper()
	r, err := x.Search(context.Background(), Request{Query: q, Limit: limit})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var got []string
	for _, h := range r.Hits {
		got = append(got, h.Source)
	}
	sort.Strings(got)
	return r.Total, got
}
