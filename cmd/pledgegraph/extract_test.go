package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractCommandNamesBadFileOnce: a file the decoder refuses is
// reported with its path once ("x.json: not a readout JSON object"), and
// the command goes on to the next file and fails at the end.
func TestExtractCommandNamesBadFileOnce(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x.json")
	if err := os.WriteFile(bad, []byte(`{"text":`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "y.txt"), []byte("On May 5, 2025, the two sides agreed to expand trade."), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"extract", dir}, &stdout, &stderr)
	if err == nil {
		t.Error("extract with a bad file succeeded")
	}
	if got := stderr.String(); !strings.Contains(got, bad+": not a readout JSON object") || strings.Count(got, bad) != 1 {
		t.Errorf("stderr names the bad file other than once, with its reason:\n%s", got)
	}
	if !strings.Contains(stdout.String(), "y.txt") {
		t.Errorf("the good file was not extracted:\n%s", stdout.String())
	}
}
