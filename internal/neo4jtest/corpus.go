package neo4jtest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/ingest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// CorpusDir returns the bundled corpus directory (corpus/ at the module
// root), found by walking up from the test's working directory.
func CorpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "corpus")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

// CorpusExtractions reads the bundled corpus (corpus/*.txt) through the real
// extractor, ingest.Decode and ingest.Extract, in file-name order.
func CorpusExtractions(t testing.TB) []*schema.Extraction {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(CorpusDir(t), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus: no corpus/*.txt (%v)", err)
	}
	sort.Strings(files)
	var out []*schema.Extraction
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x, err := ingest.ExtractBytes(f, data, "")
		if err != nil {
			t.Fatalf("extract %s: %v", f, err)
		}
		out = append(out, x)
	}
	return out
}

// CorpusCodes returns every country code the extractions touch, sorted.
func CorpusCodes(xs []*schema.Extraction) []string {
	seen := map[string]bool{}
	add := func(codes ...string) {
		for _, c := range codes {
			if c != "" {
				seen[c] = true
			}
		}
	}
	for _, x := range xs {
		add(x.Meeting.Parties...)
		add(x.Meeting.Country)
		for _, p := range x.Meeting.Participants {
			add(p.Country)
		}
		for _, r := range x.References {
			add(r.Parties...)
			add(r.Country)
		}
		for _, c := range x.Commitments {
			add(c.Actors...)
			add(c.Counterparts...)
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// foreignDocsQ counts the documents about the corpus's countries that are
// not the corpus's own: data that Purge would delete along with the corpus.
const foreignDocsQ = `
MATCH (k:Country)<-[:HAS_PARTY]-(:Meeting)<-[:REPORTS]-(d:Document)
WHERE k.code IN $codes AND NOT d.id IN $docs
RETURN count(DISTINCT d) AS n`

// IngestCorpus writes the bundled corpus into s through the real write path
// (ingest.Decode, ingest.Extract, Store.Ingest) and removes it when the test
// ends. The corpus uses real country codes, so it refuses a database that
// holds other documents about those countries (it would delete them): point
// NEO4J_URI at a Neo4j of the tests' own, as `make test` does.
func IngestCorpus(t testing.TB, s *graph.Store) []*schema.Extraction {
	t.Helper()
	xs := CorpusExtractions(t)
	codes := CorpusCodes(xs)
	var docs []string
	for _, x := range xs {
		docs = append(docs, x.Document.ID)
	}
	d := Driver(t)
	n, _, err := neo4j.GetRecordValue[int64](Query(t, d, foreignDocsQ, map[string]any{"codes": codes, "docs": docs})[0], "n")
	if err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		msg := "neo4j at " + Config().URI + " holds other documents about the corpus's countries; " +
			"the corpus fixture would delete them: point NEO4J_URI at a test instance (make test does)"
		if required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	Purge(t, codes...)
	t.Cleanup(func() { Purge(t, codes...) })
	for _, x := range xs {
		if _, err := s.Ingest(context.Background(), x); err != nil {
			t.Fatalf("ingest %s: %v", x.Source, err)
		}
	}
	return xs
}
