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

func TestWordsTokens(t *testing.T) {
	got := map[string]bool{}
	for _, tok := range (words{}).Tokenize([]byte("综改区 新签约项目总投资")) {
		got[string(tok.Term)] = true
	}
	for _, want := range []string{"项目", "投资", "签约"} {
		if !got[want] {
			t.Errorf("words of the sentence lack %q; have %v", want, got)
		}
	}
}
