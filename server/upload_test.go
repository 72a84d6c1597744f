package server

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"reportmine/app"
)

func multipartBody(t *testing.T, files map[string][]byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("note", "a form field is not a file")
	for name, data := range files {
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// uploadServer is a server that takes uploads of at most 1 MiB into a
// new workspace, closed when the test ends.
func uploadServer(t *testing.T, opts app.Options) (*app.Workspace, *Server) {
	t.Helper()
	ws, err := app.Open(context.Background(), t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	srv, err := New(ws, Options{AllowIngest: true, MaxUploadBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return ws, srv
}

// TestUploadIngest: a server started with AllowIngest saves uploads
// under the data directory whatever their names say, ingests them, names
// what failed and why, and then finds them.
func TestUploadIngest(t *testing.T) {
	ws, srv := uploadServer(t, app.Options{SearchCache: 8})
	post := func(body *bytes.Buffer, ctype string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/ingest.json", body)
		req.Header.Set("Content-Type", ctype)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	// Warm the search cache, so that the upload must clear it.
	get(t, srv, "GET", "/search.json?q="+url.QueryEscape("港口"), "")
	body, ctype := multipartBody(t, map[string][]byte{
		"港口通报.txt":          []byte("青河市港口通报\n2024年全年港口货物吞吐量达到1.2亿吨，比上年增长6.1%。\n"),
		"../../../evil.txt": []byte("石桥市港口通报\n全年港口集装箱吞吐量56万标箱。\n"),
		"broken.pdf":        []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"),
	})
	rec := post(body, ctype, map[string]string{"Origin": "http://example.com", "Host": "example.com"})
	if rec.Code != http.StatusOK {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body.String())
	}
	var res ingestResult
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	uploads := filepath.Join(ws.Dir, UploadDir) + string(filepath.Separator)
	for _, p := range res.Saved {
		if !strings.HasPrefix(p, uploads) || strings.Contains(filepath.Base(p), "..") {
			t.Errorf("saved %s outside %s", p, uploads)
		}
	}
	if len(res.Saved) != 3 || res.Summary.Ingested != 2 || res.Summary.Failed != 1 || len(res.Failures) != 1 || res.Failures[0].Reason == "" {
		t.Errorf("upload result %+v", res)
	}
	var found struct{ Total int }
	json.Unmarshal(get(t, srv, "GET", "/search.json?q="+url.QueryEscape("港口"), "").Body.Bytes(), &found)
	if found.Total < 2 {
		t.Errorf("the uploaded reports are not found: %d hits", found.Total)
	}
	// Another site's page cannot make a browser upload.
	for _, h := range []map[string]string{{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}} {
		body, ctype := multipartBody(t, map[string][]byte{"a.txt": []byte("文字")})
		if rec := post(body, ctype, h); rec.Code != http.StatusForbidden {
			t.Errorf("cross-site upload %v: %d", h, rec.Code)
		}
	}
	// Too large, and not a form.
	big, ctype := multipartBody(t, map[string][]byte{"big.txt": bytes.Repeat([]byte("数"), 1<<19)})
	if rec := post(big, ctype, nil); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized upload: %d %s", rec.Code, rec.Body.String())
	}
	if rec := post(bytes.NewBufferString("x=1"), "application/x-www-form-urlencoded", nil); rec.Code != http.StatusBadRequest {
		t.Errorf("a form without files: %d", rec.Code)
	}
}

// TestReadOnlyServerHasNoIngest: without AllowIngest the route does not
// exist.
func TestReadOnlyServerHasNoIngest(t *testing.T) {
	srv, _ := testServer(t)
	body, ctype := multipartBody(t, map[string][]byte{"a.txt": []byte("文字")})
	req := httptest.NewRequest("POST", "/ingest.json", body)
	req.Header.Set("Content-Type", ctype)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound {
		t.Errorf("read-only server answered an upload with %d", rec.Code)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"报告.txt": "报告.txt", "../../etc/passwd": "passwd", `..\..\win.ini`: "win.ini", ".hidden": "hidden",
		"a b;c.txt": "a_b_c.txt", "": "upload", "..": "upload", "/": "upload",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUploadSameNameAndAllOrNothing: two uploads of one name in the same
// second are both kept, under names of their own; an upload whose later
// file is refused (too large) keeps none of its files, for none of them
// would be ingested.
func TestUploadSameNameAndAllOrNothing(t *testing.T) {
	ws, srv := uploadServer(t, app.Options{})
	stamp := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	srv.now = func() time.Time { return stamp }
	post := func(files ...[2]string) *httptest.ResponseRecorder {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for _, f := range files {
			fw, err := mw.CreateFormFile("files", f[0])
			if err != nil {
				t.Fatal(err)
			}
			fw.Write([]byte(f[1]))
		}
		mw.Close()
		req := httptest.NewRequest("POST", "/ingest.json", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	var saved []string
	for _, text := range []string{"青河市粮食产量增长。\n", "石桥市粮食产量下降。\n"} {
		rec := post([2]string{"同名.txt", text})
		if rec.Code != http.StatusOK {
			t.Fatalf("upload of 同名.txt: %d %s", rec.Code, rec.Body.String())
		}
		var res ingestResult
		json.Unmarshal(rec.Body.Bytes(), &res)
		saved = append(saved, res.Saved...)
	}
	if len(saved) != 2 || saved[0] == saved[1] {
		t.Errorf("two uploads of one name saved as %q", saved)
	}
	uploads := filepath.Join(ws.Dir, UploadDir)
	before, _ := os.ReadDir(uploads)
	rec := post([2]string{"small.txt", "云岭市港口吞吐量增长。\n"}, [2]string{"big.txt", strings.Repeat("数", 1<<19)})
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("an upload with a file too large: %d %s", rec.Code, rec.Body.String())
	}
	if after, _ := os.ReadDir(uploads); len(after) != len(before) {
		t.Errorf("a refused upload left %d files in %s", len(after)-len(before), uploads)
	}
}
