package extract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"reportmine/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// sharedCorpus returns the real documents in ../shared/corpus, or skips the
// test where they are absent (a clone without the shared folder).
func sharedCorpus(t testing.TB) []corpus.Document {
	t.Helper()
	paths, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(paths) == 0 {
		t.Skip("../shared/corpus is not here")
	}
	var docs []corpus.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, corpus.NewDocument(p, raw))
	}
	return docs
}

// TestSharedCorpusOffsets asserts the contract's invariant on every record of
// every real document: the raw bytes at [start,end) are the figure's text.
func TestSharedCorpusOffsets(t *testing.T) {
	for _, doc := range sharedCorpus(t) {
		figs := testExtractor.Extract(doc)
		if len(figs) == 0 {
			t.Errorf("%s: no figures", doc.Source)
		}
		for _, f := range figs {
			checkRecord(t, doc, f)
		}
	}
}

func checkRecord(t *testing.T, doc corpus.Document, f corpus.Figure) {
	t.Helper()
	if f.Start < 0 || f.End > len(doc.Raw) || f.Start >= f.End {
		t.Fatalf("%s: bad span [%d,%d) of %d bytes", doc.Source, f.Start, f.End, len(doc.Raw))
	}
	if got := doc.Raw[f.Start:f.End]; got != f.Text {
		t.Errorf("%s: text %q but raw[%d:%d] is %q", doc.Source, f.Text, f.Start, f.End, got)
	}
	if f.Schema != corpus.FigureSchema || f.Doc != doc.ID || f.ID != corpus.FigureID(doc.ID, f.Start, f.End) {
		t.Errorf("%s: bad identity fields %+v", doc.Source, f)
	}
	if f.ValueMax != nil && *f.ValueMax < f.Value {
		t.Errorf("%s: %q has value_max %v below value %v", doc.Source, f.Text, *f.ValueMax, f.Value)
	}
}

// TestSharedGold keeps the dev-set score from sliding back.
func TestSharedGold(t *testing.T) {
	docs := sharedCorpus(t)
	raw, err := os.ReadFile("../../shared/gold/figures-dev.jsonl")
	if err != nil {
		t.Skip("no dev gold")
	}
	gold, err := ReadGold(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var preds []corpus.Figure
	for _, d := range docs {
		preds = append(preds, testExtractor.Extract(d)...)
	}
	s := Evaluate(gold, preds)
	if s.F1() < 0.97 || s.QualifierAccuracy() < 0.95 {
		t.Errorf("dev gold: F1 %.3f, qualifiers %.3f; want ≥ 0.97 and ≥ 0.95", s.F1(), s.QualifierAccuracy())
	}
}

// TestDeterministic checks that two runs give byte-identical records.
func TestDeterministic(t *testing.T) {
	raw := []byte("总 投 资 560 亿 元的项目，同比增长6.4%，新签约12、8、5亿元。")
	doc := corpus.NewDocument("a.txt", raw)
	a, b := New().Extract(doc), New().Extract(doc)
	if len(a) != len(b) {
		t.Fatalf("%d vs %d figures", len(a), len(b))
	}
	for i := range a {
		if describe(a[i]) != describe(b[i]) || a[i].ID != b[i].ID || a[i].Start != b[i].Start {
			t.Errorf("run differs at %d: %v vs %v", i, a[i], b[i])
		}
	}
}

func FuzzExtractOffsets(f *testing.F) {
	for _, s := range []string{
		"总 投 资 560 亿 元", "完成投资46.\n6亿元", "产值10\n\n▲图片说明。\n\n亿元",
		"增长百分之四到五", "12、8、5亿元", "３－５年", "\xff\x00二〇二四年", "约两三百万元左右",
		"城镇、农村居民人均可支配收入分别增长5%和6%。", "接待游客1亿人次，旅游收入9亿元，分别增长1%和2%。",
		"加上上年结转（2亿元）等3亿元，减去短收（1亿元）等1亿元。", "收入6亿元。其中：税收4亿元。", "住房基本建成4万套",
		"公共安全（含国防）支出6亿元", "增长1 1 ％", "产量四亿零七百多万吨", "降幅比同期收窄2个百分点", "是2010年的2.2倍",
		"分别", "其中", "（含", "基本", "比同期增速高", "占一般公共预算支出的80%", "一三产业比重分别提高1和2个百分点",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		doc := corpus.NewDocument("fuzz.txt", []byte(raw))
		for _, fig := range testExtractor.Extract(doc) {
			checkRecord(t, doc, fig)
			if !utf8.ValidString(fig.Surface) && utf8.ValidString(raw) {
				t.Errorf("surface %q is not UTF-8", fig.Surface)
			}
		}
	})
}

// TestExamplesGolden pins the records for the bundled examples; run
// `go test ./extract -run TestExamplesGolden -update` after an intended change.
func TestExamplesGolden(t *testing.T) {
	paths, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatal("no examples")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := corpus.NewDocument(filepath.Base(p), raw)
		var sb strings.Builder
		for _, f := range testExtractor.Extract(doc) {
			checkRecord(t, doc, f)
			sb.WriteString(describe(f) + "\t" + strings.ReplaceAll(f.Text, "\n", `\n`) + "\t" + f.Rule + "\n")
		}
		golden := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(p), ".txt")+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if sb.String() != string(want) {
			t.Errorf("%s: records differ from %s (run with -update after checking the change):\n%s", p, golden, sb.String())
		}
	}
}
