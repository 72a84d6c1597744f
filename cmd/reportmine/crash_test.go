package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"reportmine/corpus"
	"reportmine/corpus/store"
	"reportmine/extract"
)

// TestIngestSurvivesKill kills an ingest with SIGKILL in the middle of a
// batch, runs it again, and checks that every document is stored exactly
// once with all its figures: a document and its figures are one
// transaction, so there is never half a document.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a batch")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "reportmine")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	const n = 400
	for i := range n {
		text := fmt.Sprintf("第%d号园区简报\n\n今年以来，园区新签约项目%d个，总投资%d.%d亿元，同比增长%d.%d%%。截至%d月底，园区市场主体达到%d户，其中企业占比%d.%d%%。新建道路%d.5公里，建成标准化厂房%d栋。\n",
			i, 10+i%50, 20+i, i%10, 3+i%9, i%10, 1+i%12, 1000+i*7, 40+i%50, i%10, 2+i%9, 1+i%20)
		os.WriteFile(filepath.Join(docs, fmt.Sprintf("r%03d.txt", i)), []byte(text), 0o644)
	}
	data := filepath.Join(dir, "data")
	cmd := exec.Command(bin, "ingest", "--data", data, "--workers", "2", docs)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for lines := 0; sc.Scan(); {
		if lines++; lines == n/4 {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	cmd.Wait()
	stored := counts(t, data).Documents
	if stored == 0 || stored >= n {
		t.Logf("the kill landed after %d of %d documents", stored, n)
	}
	if out, err := exec.Command(bin, "ingest", "--data", data, docs).CombinedOutput(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	perDoc := map[string]int{}
	st.Figures(context.Background(), store.FigureFilter{}, func(r store.FigureRow) error {
		perDoc[r.Doc]++
		return nil
	})
	c, _ := st.Count(context.Background())
	if c.Documents != n {
		t.Fatalf("%d documents stored, want %d", c.Documents, n)
	}
	x := extract.New()
	for i := range n {
		raw, _ := os.ReadFile(filepath.Join(docs, fmt.Sprintf("r%03d.txt", i)))
		doc := corpus.NewDocument("x", raw)
		if want := len(x.Extract(doc)); perDoc[doc.ID] != want {
			t.Errorf("r%03d: %d figures stored, want %d", i, perDoc[doc.ID], want)
		}
	}
	if t.Failed() {
		return
	}
	t.Logf("killed after %d documents; after the rerun all %d are stored once with all figures", stored, n)
}
