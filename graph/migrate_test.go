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
		if st.Drop {
			continue
		}
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

// TestMigrateRetiresOldSchema checks that Migrate upgrades a database an
// earlier version wrote: the retired full-text index of similar-text keys
// goes, and the keys of its commitments move onto MATCH_KEY relationships.
func TestMigrateRetiresOldSchema(t *testing.T) {
	store := neo4jtest.Store(t)
	d := neo4jtest.Driver(t)
	neo4jtest.Query(t, d, "CREATE FULLTEXT INDEX commitment_match IF NOT EXISTS FOR (n:Commitment) ON EACH [n.match_keys]", nil)
	neo4jtest.Query(t, d, `CREATE (:Commitment {id: 'c-old', ord: '2024-05-17|m1', match_keys: 'CNKG_connectivity_railway CNKG_connectivity_uzbekistan'})`, nil)
	t.Cleanup(func() { neo4jtest.Query(t, d, "MATCH (c:Commitment {id: 'c-old'}) DETACH DELETE c", nil) })

	if err := store.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rows := neo4jtest.Query(t, d, "SHOW INDEXES YIELD name WHERE name = 'commitment_match' RETURN name", nil); len(rows) != 0 {
		t.Error("the retired index commitment_match is still there")
	}
	rows := neo4jtest.Query(t, d, `MATCH (c:Commitment {id: 'c-old'})-[r:MATCH_KEY]->(c)
RETURN c.match_keys IS NULL AS removed, r.key AS key, r.ord AS ord ORDER BY key`, nil)
	var got []string
	for _, r := range rows {
		removed, _ := r.Get("removed")
		key, _ := r.Get("key")
		ord, _ := r.Get("ord")
		if removed != true {
			t.Error("match_keys property not removed")
		}
		got = append(got, key.(string)+" "+ord.(string))
	}
	want := []string{"CNKG_connectivity_railway 2024-05-17|m1", "CNKG_connectivity_uzbekistan 2024-05-17|m1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MATCH_KEY relationships (-want +got):\n%s", diff)
	}
}

// TestMigrateGivesMeetingsPlaceIDs checks that Migrate upgrades the full
// meetings an earlier version wrote, which have their places only as
// HELD_IN relationships, with the place_ids that resolution reads.
func TestMigrateGivesMeetingsPlaceIDs(t *testing.T) {
	store := neo4jtest.Store(t)
	d := neo4jtest.Driver(t)
	neo4jtest.Query(t, d, `CREATE (m:Meeting {id: 'm-old-places', partial: false})
CREATE (m)-[:HELD_IN]->(:Place {id: 'p-old-b'}), (m)-[:HELD_IN]->(:Place {id: 'p-old-a'})`, nil)
	t.Cleanup(func() {
		neo4jtest.Query(t, d, "MATCH (n) WHERE n.id IN ['m-old-places', 'p-old-a', 'p-old-b'] DETACH DELETE n", nil)
	})
	if err := store.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	rows := neo4jtest.Query(t, d, "MATCH (m:Meeting {id: 'm-old-places'}) RETURN m.place_ids AS ids", nil)
	if len(rows) != 1 {
		t.Fatalf("%d meetings, want 1", len(rows))
	}
	ids, _ := rows[0].Get("ids")
	if diff := cmp.Diff([]any{"p-old-a", "p-old-b"}, ids); diff != "" {
		t.Errorf("place_ids after migrate (-want +got):\n%s", diff)
	}
}
