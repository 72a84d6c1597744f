package ingest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("新增企业12家。"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "a.txt"), []byte("投资3亿元。"), 0o644)
	os.WriteFile(filepath.Join(dir, "skip.pdf"), []byte("%PDF"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "gbk.txt"), []byte{0xd7, 0xdc, 0xcd, 0xb6, 0xd7, 0xca, 0x35, 0xd2, 0xda}, 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "bin.txt"), []byte{'a', 0, 'b'}, 0o644)
	r := Reader{Stdin: strings.NewReader("标准输入"), Extensions: []string{".txt"}}
	sources := r.Sources([]string{dir, "-", filepath.Join(dir, "missing.txt")})
	want := []string{
		filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "a.txt"), filepath.Join(dir, "sub", "bin.txt"),
		filepath.Join(dir, "sub", "gbk.txt"), "-", filepath.Join(dir, "missing.txt"),
	}
	if strings.Join(sources, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sources:\n%v\nwant\n%v", sources, want)
	}
	cases := []struct {
		source  string
		wantErr string
	}{
		{want[0], ""},
		{want[2], "binary data, not text, HTML, PDF, Word or Excel"},
		{"-", ""},
		{want[5], "no such file"},
	}
	for _, c := range cases {
		res := r.Read(context.Background(), c.source)
		switch {
		case c.wantErr == "" && res.Err != nil:
			t.Errorf("%s: %v", c.source, res.Err)
		case c.wantErr != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), c.wantErr) || !strings.Contains(res.Err.Error(), c.source)):
			t.Errorf("%s: error %v, want one naming the file and %q", c.source, res.Err, c.wantErr)
		}
		if c.wantErr == "" && !strings.HasPrefix(res.Doc.ID, "sha256:") {
			t.Errorf("%s: id %q", c.source, res.Doc.ID)
		}
	}
	if res := r.Read(context.Background(), want[3]); res.Err != nil || res.Doc.Encoding != "GB18030" || res.Doc.Raw != "总投资5亿" {
		t.Errorf("GBK text: %+v", res)
	}
	if res := r.Read(context.Background(), want[2]); !errors.Is(res.Err, errNotDocument) || res.Skipped {
		t.Errorf("binary .txt must fail, not be skipped: %+v", res)
	}
}

// TestPartLimit: a zip part that unpacks past its bound fails naming the
// part and why, where a silent cut had ended in an XML syntax error.
func TestPartLimit(t *testing.T) {
	p := &partLimit{r: strings.NewReader(strings.Repeat("<w:t>数</w:t>", 100)), name: "word/document.xml", left: 64}
	_, err := io.ReadAll(p)
	if err == nil || !strings.Contains(err.Error(), "word/document.xml unpacks to more than") {
		t.Errorf("reading past the bound: %v", err)
	}
	whole := &partLimit{r: strings.NewReader("<w:t>数</w:t>"), name: "word/document.xml", left: 64}
	if b, err := io.ReadAll(whole); err != nil || string(b) != "<w:t>数</w:t>" {
		t.Errorf("a part within the bound: %q %v", b, err)
	}
}

// TestEmptyText: a file that holds nothing but a byte order mark and
// line breaks is refused as empty, as an empty file is, not stored as an
// empty document.
func TestEmptyText(t *testing.T) {
	dir := t.TempDir()
	for name, raw := range map[string]string{"empty.txt": "", "bom8.txt": "\xef\xbb\xbf\n\n", "bom16.txt": "\xff\xfe", "spaces.txt": " \n\t\n"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(raw), 0o644)
		if res := (Reader{}).Read(context.Background(), path); !errors.Is(res.Err, ErrEmpty) {
			t.Errorf("%s: %v, want %v", name, res.Err, ErrEmpty)
		}
	}
}
