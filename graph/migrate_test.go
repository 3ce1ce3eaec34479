package graph_test

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// TestMigrateMatchesFiles checks that after Migrate the database holds
// exactly the constraints and indexes of schema/*.cypher, and that applying
// them again is harmless.
func TestMigrateMatchesFiles(t *testing.T) {
	store := neo4jtest.Store(t)
	if err := store.Migrate(context.Background()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	var wantConstraints, wantIndexes []string
	for _, st := range schema.SchemaStatements() {
		switch st.Kind {
		case "constraint":
			wantConstraints = append(wantConstraints, st.Name)
		case "index":
			wantIndexes = append(wantIndexes, st.Name)
		}
	}
	sort.Strings(wantConstraints)
	sort.Strings(wantIndexes)

	d := neo4jtest.Driver(t)
	var gotConstraints []string
	for _, r := range neo4jtest.Query(t, d, "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name", nil) {
		name, _ := r.Get("name")
		gotConstraints = append(gotConstraints, name.(string))
	}
	if diff := cmp.Diff(wantConstraints, gotConstraints); diff != "" {
		t.Errorf("SHOW CONSTRAINTS differs from schema/*.cypher (-files +database):\n%s", diff)
	}
	// Indexes: those the files create, not the ones backing constraints and
	// not Neo4j's built-in token lookup indexes.
	var gotIndexes []string
	const q = "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name ORDER BY name"
	for _, r := range neo4jtest.Query(t, d, q, nil) {
		name, _ := r.Get("name")
		gotIndexes = append(gotIndexes, name.(string))
	}
	if diff := cmp.Diff(wantIndexes, gotIndexes); diff != "" {
		t.Errorf("SHOW INDEXES differs from schema/*.cypher (-files +database):\n%s", diff)
	}
}
