package app

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"reportmine/index"
)

func TestZZLatency(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	ws, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	words := []string{"地区生产总值", "一般公共预算收入", "固定资产投资", "粮食产量", "增长", "下降", "港口", "民生支出", "常住人口",
		"增长 year:2010..2020", "增长 value>=100亿", "\"规模以上工业增加值\"", "城镇新增就业 kind:count", "总投资 -下降", "税", "年", "GDP"}
	for _, q := range words {
		var lat []float64
		var total uint64
		for range 15 {
			start := time.Now()
			r, err := ws.Search(ctx, index.Request{Query: q, Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			total = r.Total
			lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		}
		sort.Float64s(lat)
		t.Logf("%-30s total %7d  min %6.1f  p50 %6.1f  max %6.1f ms", q, total, lat[0], lat[len(lat)/2], lat[len(lat)-1])
	}
}
