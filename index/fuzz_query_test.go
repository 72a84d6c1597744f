package index

import "testing"

// FuzzParse: any query either parses into a query or is refused with an
// error; none panics.
func FuzzParse(f *testing.F) {
	for _, q := range []string{"总投资 增长", `"同比 下降"`, "高新区 OR 经开区", "开发区 -经开区", "year:2015..2020 source:临汾",
		"kind:money unit:CNY value>=100亿", "value:100亿..1000亿", "-", "OR OR", `"`, "year:..", "value<", "metric:"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		p, err := Parse(q)
		if err == nil && p.Query == nil {
			t.Fatalf("%q parsed to no query", q)
		}
	})
}
