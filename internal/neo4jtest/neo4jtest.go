// Package neo4jtest connects integration tests to the real Neo4j.
//
// Tests find Neo4j through NEO4J_URI (default bolt://127.0.0.1:7687, with
// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE). When it cannot be reached
// they skip with a message, unless PLEDGEGRAPH_REQUIRE_NEO4J=1 (set by `make
// test`), in which case they fail.
//
// Tests share Community's single database with other packages' tests, which
// may run at the same time. Each test therefore owns a set of country codes
// that no other test and no real data uses (the user-assigned ISO range: X*
// for package graph, Q* and others for the rest; see Purge), uses names that
// are unique to it for people, places and entities, and removes what it
// wrote with Purge. Never delete by label alone.
package neo4jtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/pledgegraph/pledgegraph/graph"
)

// Config returns the graph configuration the tests use.
func Config() graph.Config {
	get := func(k, def string) string {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
		return def
	}
	return graph.Config{
		URI:      get("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User:     get("NEO4J_USER", ""),
		Password: get("NEO4J_PASSWORD", ""),
		Database: get("NEO4J_DATABASE", "neo4j"),
	}
}

// required reports whether a missing Neo4j fails the test rather than
// skipping it.
func required() bool { return os.Getenv("PLEDGEGRAPH_REQUIRE_NEO4J") == "1" }

func unavailable(t testing.TB, err error) {
	t.Helper()
	msg := fmt.Sprintf("neo4j at %s unavailable (start one with `make neo4j-start` or set NEO4J_URI): %v", Config().URI, err)
	if required() {
		t.Fatal(msg + " [PLEDGEGRAPH_REQUIRE_NEO4J=1]")
	}
	t.Skip(msg)
}

var migrated sync.Map // URI -> error of the first Migrate

// Store opens the graph, checks that Neo4j answers, applies the schema (once
// per test binary) and closes the store when the test ends. Its log goes to
// the test log.
func Store(t testing.TB) *graph.Store {
	t.Helper()
	cfg := Config()
	s, err := graph.Open(cfg, slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		t.Fatalf("open graph: %v", err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Ping(ctx); err != nil {
		unavailable(t, err)
	}
	v, _ := migrated.LoadOrStore(cfg.URI, &onceErr{})
	o := v.(*onceErr)
	o.once.Do(func() { o.err = s.Migrate(context.Background()) })
	if o.err != nil {
		t.Fatalf("migrate: %v", o.err)
	}
	return s
}

type onceErr struct {
	once sync.Once
	err  error
}

// testWriter sends log output to t.Log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

var _ io.Writer = testWriter{}

// Driver returns a driver on the test database for assertions, closed when
// the test ends; it skips or fails like Store when Neo4j is unreachable.
func Driver(t testing.TB) neo4j.DriverWithContext {
	t.Helper()
	cfg := Config()
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	t.Cleanup(func() { _ = d.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		unavailable(t, err)
	}
	return d
}

// Query runs a parameterised query and returns its records.
func Query(t testing.TB, d neo4j.DriverWithContext, q string, params map[string]any) []*neo4j.Record {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(Config().Database))
	if err != nil {
		t.Fatalf("query %q: %v", q, err)
	}
	return res.Records
}

// ownedQ finds the nodes that belong to a set of test countries: the
// meetings they are party to, the documents that report those meetings, the
// commitments made by, toward or at them, and the people, places, entities
// and summits that only these touch.
const ownedQ = `
MATCH (k:Country) WHERE k.code IN $codes
WITH collect(k) AS countries
OPTIONAL MATCH (m:Meeting)-[:HAS_PARTY]->(k) WHERE k IN countries
WITH countries, collect(DISTINCT m) AS ms
OPTIONAL MATCH (d:Document)-[:REPORTS]->(m) WHERE m IN ms
WITH countries, ms, collect(DISTINCT d) AS ds
OPTIONAL MATCH (c:Commitment)-[:MADE_BY|TOWARD|STATED_AT|SOURCED_FROM]->(x) WHERE x IN countries OR x IN ms OR x IN ds
WITH countries, ms, ds, collect(DISTINCT c) AS cs
OPTIONAL MATCH (m)-[:DURING]->(s:Meeting) WHERE m IN ms
  AND NOT EXISTS { (o:Meeting)-[:DURING]->(s) WHERE NOT o IN ms }
  AND NOT EXISTS { (s)-[:HAS_PARTY]->(k2:Country) WHERE NOT k2 IN countries }
WITH countries, ms, ds, cs, collect(DISTINCT s) AS ss
WITH countries, ms + ss AS ms, ds, cs
OPTIONAL MATCH (p:Person)-[:REPRESENTS|ATTENDED]-(x) WHERE x IN countries OR x IN ms
WITH countries, ms, ds, cs, collect(DISTINCT p) AS ps1
OPTIONAL MATCH (c)-[:STATED_BY]->(p:Person) WHERE c IN cs
  AND NOT EXISTS { (c2:Commitment)-[:STATED_BY]->(p) WHERE NOT c2 IN cs }
WITH countries, ms, ds, cs, ps1, collect(DISTINCT p) AS ps2
WITH countries, ms, ds, cs, ps1 + ps2 AS ps
OPTIONAL MATCH (pl:Place)-[:IN]->(k) WHERE k IN countries
WITH countries, ms, ds, cs, ps, collect(DISTINCT pl) AS pls1
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place) WHERE m IN ms
  AND NOT EXISTS { (m2:Meeting)-[:HELD_IN]->(pl) WHERE NOT m2 IN ms }
WITH countries, ms, ds, cs, ps, pls1, collect(DISTINCT pl) AS pls2
WITH countries, ms, ds, cs, ps, pls1 + pls2 AS pls
OPTIONAL MATCH (c)-[:CONCERNS]->(e:Entity) WHERE c IN cs
  AND NOT EXISTS { (c2:Commitment)-[:CONCERNS]->(e) WHERE NOT c2 IN cs }
WITH countries, ms, ds, cs, ps, pls, collect(DISTINCT e) AS es
UNWIND countries + ms + ds + cs + ps + pls + es AS n
RETURN DISTINCT elementId(n) AS eid`

// Owned returns the element ids of the nodes that belong to codes (see
// ownedQ).
func Owned(t testing.TB, d neo4j.DriverWithContext, codes ...string) []string {
	t.Helper()
	var ids []string
	for _, rec := range Query(t, d, ownedQ, map[string]any{"codes": codes}) {
		id, _, err := neo4j.GetRecordValue[string](rec, "eid")
		if err != nil {
			t.Fatalf("owned: %v", err)
		}
		ids = append(ids, id)
	}
	return ids
}

// Purge deletes everything that belongs to the test countries codes (see
// ownedQ), countries included. Call it before a test, to clear what a failed
// run left, and in t.Cleanup. Choose codes no real data uses: the graph
// tests use XA-XZ.
func Purge(t testing.TB, codes ...string) {
	t.Helper()
	d := Driver(t)
	ids := Owned(t, d, codes...)
	if len(ids) == 0 {
		return
	}
	Query(t, d, `MATCH (n) WHERE elementId(n) IN $ids DETACH DELETE n`, map[string]any{"ids": ids})
}

// dumpQ lists the owned nodes and every relationship that starts at one.
const dumpQ = `
MATCH (n) WHERE elementId(n) IN $ids
OPTIONAL MATCH (n)-[r]->(o)
RETURN n AS node, r AS rel, o AS other`

// Dump returns a canonical, sorted listing of the nodes that belong to codes
// and of their outgoing relationships: one line per node (labels, identity,
// properties) and per relationship (type, endpoints by identity,
// properties). Two graphs are the same when their dumps are equal.
func Dump(t testing.TB, d neo4j.DriverWithContext, codes ...string) []string {
	t.Helper()
	seen := map[string]bool{}
	var lines []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			lines = append(lines, s)
		}
	}
	for _, rec := range Query(t, d, dumpQ, map[string]any{"ids": Owned(t, d, codes...)}) {
		n, _, err := neo4j.GetRecordValue[dbtype.Node](rec, "node")
		if err != nil {
			t.Fatalf("dump: %v", err)
		}
		add("node " + nodeLine(n))
		r, isNil, err := neo4j.GetRecordValue[dbtype.Relationship](rec, "rel")
		if err != nil {
			t.Fatalf("dump: %v", err)
		}
		if isNil {
			continue
		}
		o, _, err := neo4j.GetRecordValue[dbtype.Node](rec, "other")
		if err != nil {
			t.Fatalf("dump: %v", err)
		}
		add(fmt.Sprintf("rel (%s)-[:%s %s]->(%s)", identity(n), r.Type, props(r.Props), identity(o)))
	}
	sort.Strings(lines)
	return lines
}

// identity names a node by its key property.
func identity(n dbtype.Node) string {
	for _, k := range []string{"id", "code", "slug"} {
		if v, ok := n.Props[k]; ok {
			return fmt.Sprintf("%s %v", strings.Join(sortedLabels(n.Labels), ":"), v)
		}
	}
	return strings.Join(sortedLabels(n.Labels), ":") + " ?"
}

func nodeLine(n dbtype.Node) string { return identity(n) + " " + props(n.Props) }

func sortedLabels(l []string) []string {
	l = append([]string{}, l...)
	sort.Strings(l)
	return l
}

func props(p map[string]any) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %v", k, p[k])
	}
	b.WriteByte('}')
	return b.String()
}
