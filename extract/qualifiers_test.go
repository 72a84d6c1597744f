package extract

import "testing"

func TestApproxNotInsideWords(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"全年签约项目36个，节约用地120亩，约50家企业入驻。", []string{"count 36 个", "quantity 120 mu", "count 50 家 approx"}},
	}, false)
}
