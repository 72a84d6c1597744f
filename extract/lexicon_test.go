package extract

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLexicon loads the embedded lists and checks every list the code
// asks for exists and is not empty.
func TestLexicon(t *testing.T) {
	lx, err := loadLexicon(lexiconFiles)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"verbs", "trailing", "openers", "locatives", "levels", "zone_types", "bare_zones",
		"generic_heads", "indicator_heads", "counted_heads", "counted_stops", "fundings", "period_nouns", "target_cues",
		"stop_function", "stop_metric", "stop_name", "stop_counted", "short_indicators", "stage_deal", "stage_start", "stage_build", "stage_end"} {
		if len(lx[name]) == 0 {
			t.Errorf("list %s missing or empty", name)
		}
	}
}

func TestLexiconRejectsBadLists(t *testing.T) {
	for name, text := range map[string]string{
		"duplicate": "# a list\n开工\n投产\n开工\n",
		"spaces":    "开工 投产\n",
		"empty":     "# nothing\n",
	} {
		fsys := fstest.MapFS{"lexicon/" + name + ".txt": {Data: []byte(text)}}
		if _, err := loadLexicon(fsys); err == nil || !strings.Contains(err.Error(), name+".txt") {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
}
