package ingest

import (
	"strings"
	"testing"

	"reportmine/corpus"
)

// FuzzManifest: any bytes give a manifest or an error naming the file,
// never a panic; every date it accepts has the contract's form.
func FuzzManifest(f *testing.F) {
	f.Add("meta.csv", "source,title,date\nr.txt,某报告,2024-03\n")
	f.Add("meta.jsonl", `{"source":"r.txt","date":"2024"}`+"\n")
	f.Add("meta.csv", "source,date\n\"r.txt,2024\n")
	f.Fuzz(func(t *testing.T, name, data string) {
		m, err := parseManifest(name, []byte(data))
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name %q", err, name)
			}
			return
		}
		for _, meta := range m.byPath {
			if meta.Date != "" && !isoDateRe.MatchString(meta.Date) {
				t.Fatalf("accepted date %q", meta.Date)
			}
		}
	})
}

// FuzzHead: the head reader takes any text without panicking, and a date
// it reads is an ISO date.
func FuzzHead(f *testing.F) {
	f.Add("政府工作报告\n——2026年1月26日在某某省第十四届\n人民代表大会第五次会议上\n某某省省长 张三\n各位代表：\n")
	f.Add("（二〇二五年四月八日）\n一、综合\n")
	f.Add("第一二三届全国人民代表大会第十次会议")
	f.Fuzz(func(t *testing.T, text string) {
		d := Structurer{}.Structure(corpus.NewDocument("f.txt", []byte(text)))
		if d.Date != "" && !isoDateRe.MatchString(d.Date) {
			t.Fatalf("date %q from %q", d.Date, text)
		}
	})
}
