package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"reportmine/app"
)

// UploadDir is where a server that may ingest keeps uploaded files,
// inside the data directory.
const UploadDir = "uploads"

var (
	errForbidden = errors.New("forbidden")
	errBusy      = errors.New("an ingest is already running; try again when it ends")
)

// ingestResult is what an upload did.
type ingestResult struct {
	Saved   []string    `json:"saved"`
	Summary app.Summary `json:"summary"`
	// Failures are the sources that could not be read, with why.
	Failures []app.Event `json:"failures,omitempty"`
}

func (s *Server) ingestJSON(w http.ResponseWriter, r *http.Request) {
	res, err := s.upload(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) ingestPage(w http.ResponseWriter, r *http.Request) {
	res, err := s.upload(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	st, err := s.status(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	s.render(w, "status", map[string]any{"Title": "入库状态", "Runs": st["runs"], "Counts": st["counts"], "AllowIngest": true, "Result": res})
}

// upload saves the request's files under the data directory and ingests
// them, one upload at a time. Only pages of this server may post: a form
// on another site cannot make a reader's browser ingest into it.
func (s *Server) upload(r *http.Request) (ingestResult, error) {
	if !sameOrigin(r) {
		return ingestResult{}, fmt.Errorf("%w: uploads come from this server's own pages", errForbidden)
	}
	if !s.ingest.TryLock() {
		return ingestResult{}, errBusy
	}
	defer s.ingest.Unlock()
	saved, err := s.saveParts(r)
	if err != nil {
		// All or nothing: a file saved before a later one failed
		// (too large, cut off) would sit in the uploads folder never
		// ingested, and the reader told only of the failure.
		for _, path := range saved {
			os.Remove(path)
		}
		if len(saved) > 0 {
			err = fmt.Errorf("%w (nothing of this upload was kept: send it again without the file at fault)", err)
		}
		return ingestResult{}, err
	}
	if len(saved) == 0 {
		return ingestResult{}, badRequest("no file: send multipart/form-data with one or more files")
	}
	res := ingestResult{Saved: saved}
	res.Summary, err = s.ws.Ingest(r.Context(), saved, app.IngestOptions{Workers: 2,
		Progress: func(ev app.Event) {
			if ev.Reason != "" {
				res.Failures = append(res.Failures, ev)
			}
		}})
	return res, err
}

// sameOrigin reports a request a page of this server sent, or one no
// browser sent (curl, scripts: no Origin, no Sec-Fetch-Site).
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	origin := r.Header.Get("Origin")
	return origin == "" || origin == "http://"+r.Host || origin == "https://"+r.Host
}

// createNew creates a file named prefix-name in dir, or, when another
// upload of the same second took that name, prefix-2-name and so on: an
// existing file is never replaced.
func createNew(dir, prefix, name string) (*os.File, string, error) {
	for k := 1; ; k++ {
		path := filepath.Join(dir, prefix+"-"+name)
		if k > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d-%s", prefix, k, name))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) && k < 1000 {
			continue
		}
		return f, path, err
	}
}

// saveParts writes each file part of a multipart request into the
// uploads folder under a name of its own making: the client's name keeps
// only its last element and safe characters, after a time stamp, and an
// existing file is never replaced.
func (s *Server) saveParts(r *http.Request) ([]string, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest("%v", err)
	}
	dir := filepath.Join(s.ws.Dir, UploadDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stamp := s.now().UTC().Format("20060102T150405")
	var saved []string
	for n := 1; ; n++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			return saved, nil
		}
		if err != nil {
			return saved, uploadError(err)
		}
		if part.FileName() == "" {
			part.Close()
			continue
		}
		f, path, err := createNew(dir, fmt.Sprintf("%s-%d", stamp, n), safeName(part.FileName()))
		if err != nil {
			part.Close()
			return saved, err
		}
		_, err = io.Copy(f, part)
		part.Close()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return saved, uploadError(err)
		}
		saved = append(saved, path)
	}
}

func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fmt.Errorf("upload too large: %w", err)
	}
	return badRequest("upload: %v", err)
}

var unsafeChars = regexp.MustCompile(`[^\p{Han}\p{L}\p{N}._-]+`)

// safeName keeps a client's file name readable and harmless: its last
// element, no leading dots, only letters, digits, Han, . _ and -, at most
// 80 characters.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = unsafeChars.ReplaceAllString(name, "_")
	name = strings.TrimLeft(name, ".")
	for utf8.RuneCountInString(name) > 80 {
		_, size := utf8.DecodeRuneInString(name)
		name = name[size:]
	}
	if name == "" || name == "_" {
		name = "upload"
	}
	return name
}
