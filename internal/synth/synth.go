// Package synth writes corpora for benchmarks: invented government
// reports (Write: the genre's sentences, reviews with figures, targets,
// sentences without figures, about cities that do not exist, so that a
// corpus of any size is distinct text and speaks of no real place), or
// real reports' paragraphs shuffled with their numbers altered
// (Shuffle).
package synth

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Cities are invented cities: the load corpus speaks of no real
// place.
var Cities = []string{"青河市", "云岭市", "石桥市", "白沙市", "临江市", "松原市", "北川市", "东陵市", "南溪市", "西平市",
	"金川市", "银湖市", "长宁市", "安远市", "新丰市", "定边市", "宁海市", "永清市", "丰泽市", "兴隆市"}

var metrics = []struct{ name, unit string }{
	{"地区生产总值", "亿元"}, {"一般公共预算收入", "亿元"}, {"固定资产投资", "亿元"}, {"社会消费品零售总额", "亿元"},
	{"进出口总额", "亿元"}, {"规模以上工业增加值", "亿元"}, {"民生支出", "亿元"}, {"居民人均可支配收入", "元"},
	{"粮食产量", "万吨"}, {"城镇新增就业", "万人"}, {"常住人口", "万人"}, {"港口货物吞吐量", "万吨"},
}

// Write puts n reports in the genre into dir: a title, the session line,
// the issuer, then paragraphs of review sentences with figures, plan
// sentences with targets, and sentences without figures; seed makes them
// reproducible, different seeds different.
func Write(dir string, n int, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(seed))
	works := []string{"深化改革", "扩大开放", "乡村振兴", "城市更新", "生态保护", "科技创新", "民生保障", "营商环境", "安全生产", "基层治理"}
	for i := range n {
		city := Cities[i%len(Cities)]
		// Each seed starts at another year, so that a corpus written in
		// parts of a few reports spans the years too.
		year := 1990 + (i/len(Cities)+int((seed%35+35)%35))%35
		var b strings.Builder
		fmt.Fprintf(&b, "政府工作报告\n——%d年1月%d日在%s第%d届人民代表大会第%d次会议上\n%s人民政府\n各位代表：\n",
			year, 8+rng.Intn(15), city, 10+rng.Intn(8), 1+rng.Intn(5), city)
		fmt.Fprintf(&b, "一、%d年工作回顾\n", year-1)
		for p := range 24 {
			for s := range 7 {
				m := metrics[rng.Intn(len(metrics))]
				switch (p + s + rng.Intn(3)) % 4 {
				case 0:
					fmt.Fprintf(&b, "全市%s达到%.1f%s，比上年增长%.1f%%。", m.name, 10+rng.Float64()*3000, m.unit, rng.Float64()*12)
				case 1:
					fmt.Fprintf(&b, "%s%s%.1f%s，下降%.1f%%。", works[rng.Intn(len(works))], m.name, 1+rng.Float64()*500, m.unit, rng.Float64()*5)
				case 2:
					fmt.Fprintf(&b, "我们坚持%s，推进%s，各项工作取得新进展。", works[rng.Intn(len(works))], works[rng.Intn(len(works))])
				default:
					fmt.Fprintf(&b, "全年完成%s项目%d个，总投资%d亿元。", works[rng.Intn(len(works))], 5+rng.Intn(300), 10+rng.Intn(900))
				}
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "二、%d年主要目标\n", year)
		for range 6 {
			m := metrics[rng.Intn(len(metrics))]
			fmt.Fprintf(&b, "%s增长%d%%左右。", m.name, 3+rng.Intn(6))
		}
		b.WriteString("\n")
		name := filepath.Join(dir, fmt.Sprintf("synth-%03d.txt", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Shuffle puts n reports into dir made of the paragraphs of real reports
// (paragraphs, each a line of twenty characters or more), drawn at
// random with every number altered but years (ASCII or full-width
// digits alike), so that a corpus of any size has the genre's
// vocabulary and density of figures without repeating a source. Each
// report opens with the first line of a source and holds about size
// bytes; seed makes them reproducible.
func Shuffle(dir string, sources []string, n, size int, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var titles, paragraphs []string
	for _, s := range sources {
		lines := strings.Split(s, "\n")
		titles = append(titles, strings.TrimSpace(lines[0]))
		for _, l := range lines[1:] {
			if l = strings.TrimSpace(l); utf8.RuneCountInString(l) >= 20 {
				paragraphs = append(paragraphs, l)
			}
		}
	}
	if len(paragraphs) == 0 {
		return fmt.Errorf("synth: no paragraphs of twenty characters or more in %d sources", len(sources))
	}
	rng := rand.New(rand.NewSource(seed))
	alter := func(num string) string {
		// the standard library only (the architecture test): x/text's
		// width folding would be the tool outside a benchmark corpus.
		ascii := strings.Map(func(r rune) rune {
			if r >= '０' {
				return r - '０' + '0'
			}
			return r
		}, num)
		if len(ascii) == 4 && (strings.HasPrefix(ascii, "19") || strings.HasPrefix(ascii, "20")) {
			return num // a year
		}
		ds := []rune(num)
		for i, d := range ds {
			zero := '0' // each digit keeps its width
			if d >= '０' {
				zero = '０'
			}
			first := 0
			if i == 0 && len(ds) > 1 {
				first = 1 // no leading zero
			}
			ds[i] = zero + rune(first+rng.Intn(10-first))
		}
		return string(ds)
	}
	for i := range n {
		var b strings.Builder
		b.WriteString(titles[rng.Intn(len(titles))] + "\n")
		for b.Len() < size {
			b.WriteString(digits.ReplaceAllStringFunc(paragraphs[rng.Intn(len(paragraphs))], alter) + "\n")
		}
		name := filepath.Join(dir, fmt.Sprintf("shuffle-%03d.txt", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var digits = regexp.MustCompile(`[0-9０-９]+`)
