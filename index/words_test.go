package index

import (
	"context"
	"testing"

	"reportmine/corpus"
)

// TestWholeWordsRankFirst: both sentences contain the characters of the
// query, so both match; the one where they stand as a word ranks first.
func TestWholeWordsRankFirst(t *testing.T) {
	tests := []struct {
		query, word, across string
	}{
		{"和服", "展会现场人头攒动，来自京都的她穿着和服走过主会场。", "园区提供和服务。"},
		{"\"研究生\"", "高新区今年从各地高校引进研究生三百余人充实研发队伍。", "开展研究生产。"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			x, err := OpenMem()
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			// The word-boundary sentence is shorter and added first, so neither
			// length nor insertion order can explain the ranking.
			across := corpus.NewDocument("across.txt", []byte(tt.across))
			word := corpus.NewDocument("word.txt", []byte(tt.word))
			if err := x.AddAll(context.Background(), []Entry{{Doc: across}, {Doc: word}}); err != nil {
				t.Fatal(err)
			}
			r, err := x.Search(context.Background(), Request{Query: tt.query, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != 2 {
				t.Fatalf("%d hits, want both sentences", r.Total)
			}
			if r.Hits[0].Doc != word.ID {
				t.Errorf("first hit %q, want the sentence where %s is a word", r.Hits[0].Sentence, tt.query)
			}
		})
	}
}

// TestWordFlags: the flags of each pair term mark where gse's words of two
// or more characters start, join and end.
func TestWordFlags(t *testing.T) {
	seg, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	toks := tokenizer{}.Tokenize([]byte("新签约项目总投资，GDP增长"))
	flags := wordFlags(seg, toks)
	got := map[string]uint8{}
	for i, tok := range toks {
		got[string(tok.Term)] = flags[i]
	}
	for _, c := range []struct {
		tok   string
		flags uint8
	}{
		{"项", flagStart | flagJoined | flagEnd}, // 项目: starts, joins, ends at 目
		{"目", 0},   // 目总: straddles two words
		{"gdp", 0}, // no Chinese word
	} {
		if got[c.tok] != c.flags {
			t.Errorf("%s: flags %03b, want %03b", c.tok, got[c.tok], c.flags)
		}
	}
}

// TestPairPositionsCarryFlags: a pair's position is its token's times
// pairStride, its flags in the low bits.
func TestPairPositionsCarryFlags(t *testing.T) {
	for i, tok := range (pairs{}).Tokenize([]byte("城乡居民收入")) {
		if tok.Position/pairStride != i+1 {
			t.Errorf("pair %d %q at position %d: token %d", i, tok.Term, tok.Position, tok.Position/pairStride)
		}
	}
}
