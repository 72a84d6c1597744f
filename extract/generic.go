package extract

import (
	_ "embed"
	"slices"
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
func isGeneric(stem string) bool { return genericOf(stem, nil) }

// kindWords are generic in the name of a project or a fund only
// (lexicon/kind_words.txt): 重大水利工程 is a kind, 市城建集团 a name.
var kindWords = wordSet("kind_words")

// kindSuffixes end the names whose stems kindWords may make generic:
// projects, funds and the kinds of park a programme names (国家现代农业
// 产业园, 国家级农业科技园区), where a place before them (杨凌农业科技园区)
// still makes a name.
var kindSuffixes = []string{"项目", "工程", "基地", "基金", "园区", "产业园", "产业园区", "工业园区", "科技园区", "示范区"}

// isGenericFor is isGeneric for a name that ends in suffix.
func isGenericFor(stem, suffix string) bool {
	if slices.Contains(kindSuffixes, suffix) {
		return genericOf(stem, kindWords)
	}
	return genericOf(stem, nil)
}

// genericOf reports a stem built only from generic words and more.
func genericOf(stem string, more map[string]bool) bool {
	rs := []rune(stem)
	for i := 0; i < len(rs); {
		n := 0
		for l := min(6, len(rs)-i); l >= 1; l-- {
			if w := string(rs[i : i+l]); genericWords[w] || more[w] {
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
