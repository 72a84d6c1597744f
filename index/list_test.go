package index

import (
	"slices"
	"testing"
)

// TestListKeepsValuesWhole: each value of a list is one term, even one
// that holds the separator or is empty.
func TestListKeepsValuesWhole(t *testing.T) {
	for _, tt := range []struct {
		values, terms []string
	}{
		{[]string{"money", "percent"}, []string{"money", "percent"}},
		{[]string{"f0m:地区\x1e生产总值", "u0:CNY"}, []string{"f0m:地区 生产总值", "u0:CNY"}},
		{[]string{"", "CNY"}, []string{"CNY"}},
		{nil, nil},
	} {
		var got []string
		for _, tok := range (listTokens{}).Tokenize([]byte(list(tt.values))) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, tt.terms) {
			t.Errorf("list(%q) gives %q, want %q", tt.values, got, tt.terms)
		}
	}
}
