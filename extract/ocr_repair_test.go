package extract

import (
	"testing"

	"reportmine/corpus"
)

// TestOCRRepairs: on a page read by OCR, the noise OCR puts into figures
// is repaired through the offset map (the figure's text is still the raw
// bytes), and the same text on a page with a text layer is left alone.
func TestOCRRepairs(t *testing.T) {
	tests := []struct {
		text, surface string
		value         float64
		unit          string
	}{
		{"全年地区生产总值2570亿,\n元，比上年增长5.6%。", "2570亿元", 2.57e11, "CNY"},
		{"完成固定资产投资125.亿元。", "125亿元", 1.25e10, "CNY"},
		{"粮食总产量1O6.5万吨。", "106.5万吨", 1.065e6, "t"},
		{"城镇新增就业3l.2万人。", "31.2万人", 312000, "人"},
		{"失业率为5.O%。", "5.0%", 5, "%"},
	}
	x := New()
	for _, tt := range tests {
		doc := corpus.NewDocument("scan.pdf", []byte(tt.text))
		doc.Pages = []int{0}
		doc.OCR = []corpus.OCRPage{{Page: 1, Confidence: 80, Languages: "chi_sim"}}
		var found *corpus.Figure
		figs, _ := x.ExtractAll(doc)
		for i := range figs {
			if figs[i].Unit == tt.unit {
				found = &figs[i]
			}
		}
		if found == nil || found.Surface != tt.surface || found.Value != tt.value {
			t.Errorf("%q: got %+v, want %s = %g %s", tt.text, found, tt.surface, tt.value, tt.unit)
			continue
		}
		if found.Text != tt.text[found.Start:found.End] {
			t.Errorf("%q: text %q is not the raw bytes at its offsets", tt.text, found.Text)
		}
		// Without OCR the letters stay letters.
		doc.OCR = nil
		clean, _ := x.ExtractAll(doc)
		for _, f := range clean {
			if f.Surface == tt.surface && tt.surface != "2570亿元" && tt.surface != "125亿元" {
				t.Errorf("%q read as %s without OCR", tt.text, f.Surface)
			}
		}
	}
}

// TestOCRRepairsLeaveWordsAlone: letters next to words, thousands
// separators and sentence ends are not figures' noise.
func TestOCRRepairsLeaveWordsAlone(t *testing.T) {
	text := "引进iPhone生产线1条，Oppo工厂2座，共有人口120万，人均收入1,250元。"
	doc := corpus.NewDocument("scan.pdf", []byte(text))
	doc.Pages = []int{0}
	doc.OCR = []corpus.OCRPage{{Page: 1}}
	norm := Normalizer{}.NormalizeOCR(text, doc.OCRSpans())
	for _, want := range []string{"iPhone", "Oppo", "120万,人均", "1,250元"} {
		if !contains(norm.Text, want) {
			t.Errorf("normalised %q lacks %q", norm.Text, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
