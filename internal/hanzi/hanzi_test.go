package hanzi

import "testing"

func TestSimplify(t *testing.T) {
	tests := []struct {
		in, want rune
	}{
		{'鐵', '铁'}, {'灣', '湾'}, {'貨', '货'}, {'錄', '录'}, {'鬱', '郁'},
		{'億', '亿'}, {'區', '区'}, {'裡', '里'}, {'臺', '台'}, {'麵', '面'},
		// Characters simplified text writes as they are stay as they are.
		{'乾', '乾'}, {'於', '於'}, {'著', '著'}, {'覆', '覆'}, {'台', '台'},
		{'发', '发'}, {'A', 'A'}, {'5', '5'},
	}
	for _, tt := range tests {
		if got := Simplify(tt.in); got != tt.want {
			t.Errorf("Simplify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := Folds(); n < 4000 {
		t.Errorf("fold table has %d characters, want the whole OpenCC table (>4000)", n)
	}
}
