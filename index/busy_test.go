package index

import (
	"errors"
	"testing"
)

// TestOpenBusy: a second opener of an index in use fails, naming why,
// instead of waiting for ever.
func TestOpenBusy(t *testing.T) {
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := Open(dir); !errors.Is(err, ErrBusy) {
		t.Fatalf("second Open: %v, want ErrBusy", err)
	}
}
