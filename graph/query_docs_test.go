package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
)

var cypherBlock = regexp.MustCompile("(?s)```cypher\n(.*?)```")

// TestCypherDocs runs every query of docs/cypher.md against the bundled
// corpus, in a read session as `make cypher-shell` does, and expects rows.
func TestCypherDocs(t *testing.T) {
	md, err := os.ReadFile(filepath.Join(filepath.Dir(neo4jtest.CorpusDir(t)), "docs", "cypher.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := cypherBlock.FindAllStringSubmatch(string(md), -1)
	if len(blocks) < 13 {
		t.Fatalf("docs/cypher.md has %d cypher blocks, want the flagship and a dozen more", len(blocks))
	}
	s := neo4jtest.Store(t)
	neo4jtest.IngestCorpus(t, s)
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	for i, b := range blocks {
		q := strings.TrimSuffix(strings.TrimSpace(b[1]), ";")
		name := strings.SplitN(q, "\n", 2)[0]
		t.Run(name, func(t *testing.T) {
			res, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(neo4jtest.Config().Database), neo4j.ExecuteQueryWithReadersRouting())
			if err != nil {
				t.Fatalf("query %d:\n%s\n%v", i, q, err)
			}
			if len(res.Records) == 0 {
				t.Errorf("query %d returns no rows:\n%s", i, q)
			}
			if i == 0 {
				var texts []string
				for _, r := range res.Records {
					v, _, _ := neo4j.GetRecordValue[string](r, "commitment")
					texts = append(texts, v)
				}
				if !strings.Contains(strings.Join(texts, "|"), "enhance connectivity") {
					t.Errorf("the flagship misses Astana's \"enhance connectivity\": %v", texts)
				}
			}
		})
	}
}
