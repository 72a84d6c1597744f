package extract

import (
	_ "embed"
	"strings"
)

//go:embed generic_words.txt
var genericWordsTxt string

var genericWords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(genericWordsTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}()

// isGeneric reports a name whose stem is built only from generic words:
// 新建项目, 专业化园区 and 园区服务中心 name categories, while 晶科项目 and
// 富士康(太原)科技工业园 name things.
func isGeneric(stem string) bool {
	rs := []rune(stem)
	for i := 0; i < len(rs); {
		n := 0
		for l := min(6, len(rs)-i); l >= 1; l-- {
			if genericWords[string(rs[i:i+l])] {
				n = l
				break
			}
		}
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}
