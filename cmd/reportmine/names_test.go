package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEntitiesCommand(t *testing.T) {
	out, _, err := runCLI(t, "青山能源科技有限公司在太原市投资建设新材料项目。省商务厅副厅长张文明出席。", "entities", "-")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct{ Kind, Name, Canonical, Text string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		kinds[e.Name] = e.Kind
	}
	for name, kind := range map[string]string{"青山能源科技有限公司": "org", "太原市": "place", "张文明": "person"} {
		if kinds[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, kinds[name], kind, kinds)
		}
	}
}

func TestAliasesAndDictFlags(t *testing.T) {
	dir := t.TempDir()
	aliases := filepath.Join(dir, "aliases.txt")
	os.WriteFile(aliases, []byte("# canonical, then aliases\n青山新材料产业园\t青山园区,青山园\n"), 0o644)
	dict := filepath.Join(dir, "dict.txt")
	os.WriteFile(dict, []byte("链上企业数 1000 n\n"), 0o644)
	out, _, err := runCLI(t, "青山园区链上企业数达到128家。", "extract", "--aliases", aliases, "--dict", dict, "-")
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Metric, Subject, Dict string }
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &f); err != nil {
		t.Fatal(err)
	}
	if f.Subject != "青山新材料产业园" || f.Metric != "链上企业数" || !strings.Contains(f.Dict, "+user:") {
		t.Errorf("got %+v", f)
	}
	if _, _, err := runCLI(t, "", "extract", "--aliases", filepath.Join(dir, "none.txt"), "-"); err == nil || !strings.Contains(err.Error(), "none.txt") {
		t.Errorf("missing alias file: %v", err)
	}
}

func TestDocsCommand(t *testing.T) {
	page := "本刊讯 今年以来，某区新签约项目28个。 （李明）\n\n某区招商开门红\n\n本刊讯 省商务厅召开推进会。 （赵颖）\n"
	out, _, err := runCLI(t, page, "docs", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"title":"某区招商开门红"`) || !strings.Contains(lines[1], `"authors":["赵颖"]`) {
		t.Errorf("docs output:\n%s", out)
	}
}

// TestSharedCorpusEntityOffsets asserts the offset invariant for every name
// found in ../shared/corpus.
func TestSharedCorpusEntityOffsets(t *testing.T) {
	paths := sharedCorpus(t)
	out, _, err := runCLI(t, "", append([]string{"entities"}, paths...)...)
	if err != nil {
		t.Fatal(err)
	}
	raws := map[string]string{}
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		raws[p] = string(b)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Source, Text string
			Start, End   int
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if raws[e.Source][e.Start:e.End] != e.Text {
			t.Errorf("%s: %q is not raw[%d:%d]", e.Source, e.Text, e.Start, e.End)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d entities in the shared corpus", n)
	}
}
