package index

// traditional maps common traditional characters to their simplified form,
// so that a query in either script finds both. It covers the characters
// that recur in government reports; rarer ones are indexed as written.
var traditional = map[rune]rune{}

func init() {
	pairs := "億亿萬万兩两國国會会發发經经這这為为過过來来對对時时說说個个產产開开現现關关從从後后區区縣县點点濟济業业總总資资項项億亿貿贸營营稅税園园廠厂長长進进場场價价圖图實实際际設设書书員员據据構构術术導导權权與与報报處处條条統统體体務务議议選选歸归質质車车機机學学廣广東东華华陽阳際际電电網网農农門门問问間间預预計计劃划達达築筑級级億亿強强區区幣币萬万額额費费環环戶户號号數数類类單单簡简規规區区鏈链雙双衛卫藝艺醫医藥药險险線线維维絲丝織织續续綜综優优償偿積积穩稳輕轻標标準准觀观證证權权層层歷历縮缩稱称協协屬属轉转較较"
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		traditional[rs[i]] = rs[i+1]
	}
}

func simplify(r rune) rune {
	if s, ok := traditional[r]; ok {
		return s
	}
	return r
}
