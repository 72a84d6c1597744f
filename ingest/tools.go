package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// run runs an external tool and returns its standard output; a failure
// names the tool and the last line it wrote on stderr. The tool's own
// threads are limited to one (Tesseract's OpenMP): reportmine runs pages
// and documents in parallel instead.
func run(ctx context.Context, tool string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i > 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("%s failed (%v): %s", filepath.Base(tool), err, msg)
	}
	return out.Bytes(), nil
}

// withInput writes raw as name in a new temporary directory, calls fn
// with the directory and the file's path, and removes the directory.
func withInput(raw []byte, name string, fn func(dir, in string) error) error {
	dir, err := os.MkdirTemp("", "reportmine-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, raw, 0o600); err != nil {
		return err
	}
	return fn(dir, in)
}

// converter finds the tool that reads files of ext, or says which Debian
// package has it.
func converter(ext, tool, pkg string) (string, error) {
	path, err := exec.LookPath(tool)
	if err != nil {
		return "", fmt.Errorf("%w: reading %s files needs %s (Debian: apt-get install %s)", ErrNoConverter, ext, tool, pkg)
	}
	return path, nil
}
