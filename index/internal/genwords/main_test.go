package main

import (
	"os"
	"path/filepath"
	"testing"

	"reportmine/internal/gsedict"
)

func TestKeep(t *testing.T) {
	tests := []struct {
		word string
		freq float64
		want bool
	}{
		{"和服", 3, true},     // two characters: kept whatever its count
		{"的", 1, true},      // one
		{"研究生", 1816, true}, // a common longer word
		{"财政收入", 3, false},  // a rare compound, read as 财政 收入
		{"开发区", minFreq, true},
	}
	for _, tt := range tests {
		if got := Keep(tt.word, tt.freq); got != tt.want {
			t.Errorf("Keep(%q, %v) = %v, want %v", tt.word, tt.freq, got, tt.want)
		}
	}
}

// TestGeneratedFileIsCurrent regenerates the dictionary from the gse
// module and compares it with the file the index embeds.
func TestGeneratedFileIsCurrent(t *testing.T) {
	src, err := gsedict.Path()
	if err == nil {
		_, err = os.Stat(src)
	}
	if err != nil {
		t.Skipf("gse's dictionary is not available: %v", err)
	}
	out := filepath.Join(t.TempDir(), "words.txt")
	if err := gsedict.Filter(out, header, Keep); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../words_zh_s.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("index/words_zh_s.txt is stale: run go generate ./index")
	}
}

// TestDigestFileIsCurrent: the digest constant the index is versioned by
// is that of the dictionary it embeds.
func TestDigestFileIsCurrent(t *testing.T) {
	dict, err := os.ReadFile("../../words_zh_s.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(DigestFile("../../words_zh_s.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := DigestSource(string(dict)); string(got) != want {
		t.Errorf("index/words_zh_s_digest.go is stale: run go generate ./index\ngot:\n%s\nwant:\n%s", got, want)
	}
}
