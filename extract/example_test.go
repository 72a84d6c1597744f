package extract_test

import (
	"fmt"

	"reportmine/corpus"
	"reportmine/extract"
)

func ExampleExtractor_Extract() {
	doc := corpus.NewDocument("report.txt", []byte("1-6月份，全区地区生产总值完成 397.86 亿\n元，同比下降6.4%；新签约项目20余个。"))
	for _, f := range extract.New().Extract(doc) {
		fmt.Printf("%-8s %-12g %-4s approx=%-5v change=%-4s %q\n", f.Kind, f.Value, f.Unit, f.Approx, f.Change, f.Text)
	}
	// Output:
	// date     1            month approx=false change=     "1-6月份"
	// money    3.9786e+10   CNY  approx=false change=     "397.86 亿\n元"
	// percent  6.4          %    approx=false change=down "6.4%"
	// count    20           个    approx=true  change=     "20余个"
}
