package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// Test countries from the user-assigned range, owned by this test.
var ingestTestCodes = []string{"XM", "XN"}

// testExtraction is a small valid extraction of a meeting of the test
// countries.
func testExtraction(name, day string) *schema.Extraction {
	text := "date " + day + "\n\nThe two sides agreed to build the Test Bridge " + name + ".\n"
	phrase := "build the Test Bridge " + name
	start := strings.Index(text, phrase)
	return &schema.Extraction{
		Source:   name + ".json",
		Document: schema.Document{ID: "doc-cli-test-" + name, Title: "CLI test " + name, Published: schema.Date(day), Text: text},
		Meeting:  schema.Meeting{Date: schema.Date(day), City: "Testville " + name, Country: "XM", Parties: ingestTestCodes},
		Commitments: []schema.Commitment{{
			Text: phrase, Start: start, End: start + len(phrase), Actors: ingestTestCodes, Modality: schema.ModalityAgreement,
			Topics: []string{"connectivity"}, Entities: []schema.Entity{{Name: "Test Bridge " + name, Kind: schema.EntityProject}},
		}},
	}
}

// storedExtraction is an extraction with its text, which schema.Document
// leaves out of its JSON.
type storedExtraction struct {
	Extraction *schema.Extraction
	Text       string
}

func TestIngestCommandContinuesPastBadFiles(t *testing.T) {
	neo4jtest.Store(t) // skips, or fails under PLEDGEGRAPH_REQUIRE_NEO4J=1, without Neo4j
	neo4jtest.Purge(t, ingestTestCodes...)
	t.Cleanup(func() { neo4jtest.Purge(t, ingestTestCodes...) })

	// The extractor is the colleague's; this test is about the command, so
	// it reads extractions stored as JSON.
	extractForIngest = func(path string) (*schema.Extraction, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var f storedExtraction
		if err := json.Unmarshal(b, &f); err != nil || f.Extraction == nil {
			return nil, schema.WrapError(schema.EINVALID, err, "not a readout")
		}
		f.Extraction.Document.Text = f.Text
		return f.Extraction, nil
	}
	t.Cleanup(func() { extractForIngest = extractFile })

	dir := t.TempDir()
	write := func(name string, x *schema.Extraction) {
		b, err := json.Marshal(storedExtraction{x, x.Document.Text})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.json", testExtraction("a", "2024-03-01"))
	write("b.json", testExtraction("b", "2024-03-02"))
	bad := testExtraction("c", "2024-03-03")
	bad.Meeting.Parties = []string{"XM", "Nowhere"}
	write("c.json", bad) // fails validation in the store
	if err := os.WriteFile(filepath.Join(dir, "d.txt"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err) // fails extraction
	}

	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"ingest", "--workers", "2", dir}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "2 of 4 documents failed") {
		t.Errorf("error = %v, want 2 of 4 documents failed", err)
	}
	out := stdout.String()
	for _, want := range []string{"2 new, 0 unchanged, 0 updated, 2 failed", "meetings reported: 2; commitments: 2",
		filepath.Join(dir, "c.json") + ": meeting parties", filepath.Join(dir, "d.txt") + ": not a readout"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Not a terminal: one log line per document.
	if n := strings.Count(stderr.String(), "document stored"); n != 2 {
		t.Errorf("%d 'document stored' log lines, want 2:\n%s", n, stderr.String())
	}
	d := neo4jtest.Driver(t)
	recs := neo4jtest.Query(t, d, `MATCH (d:Document) WHERE d.id STARTS WITH 'doc-cli-test-' RETURN d.id AS id ORDER BY id`, nil)
	var ids []string
	for _, r := range recs {
		v, _ := r.Get("id")
		ids = append(ids, fmt.Sprint(v))
	}
	if strings.Join(ids, ",") != "doc-cli-test-a,doc-cli-test-b" {
		t.Errorf("stored documents %v, want a and b", ids)
	}

	// Again: everything unchanged, the same failures.
	stdout.Reset()
	_ = run(context.Background(), []string{"ingest", dir}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "0 new, 2 unchanged, 0 updated, 2 failed") {
		t.Errorf("second run:\n%s", stdout.String())
	}
}

func TestSynthCommand(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"synth", "--docs", "25", "--seed", "4", "--out", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("synth: %v\n%s", err, stderr.String())
	}
	files, err := collectFiles([]string{dir})
	if err != nil || len(files) != 25 {
		t.Fatalf("%d files, %v", len(files), err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil || !strings.HasPrefix(string(b), "date ") || !strings.Contains(string(b), "\nsource ") || !strings.Contains(string(b), "\ntitle ") {
		t.Errorf("%s does not start with date, source and title headers:\n%s", files[0], b)
	}
	if !strings.Contains(stdout.String(), "wrote 25 readouts") {
		t.Errorf("stdout: %s", stdout.String())
	}
}
