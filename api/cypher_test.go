package api_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

func cypherBody(t testing.TB, query string, params map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "parameters": params})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCypher runs reads and refuses writes, as Neo4j's own plan classifies
// them, on the topic taxonomy (which Migrate writes and no test removes).
func TestCypher(t *testing.T) {
	s := neo4jtest.Store(t)
	d := neo4jtest.Driver(t)
	const key = "cypher-key"
	h := newServer(t, s, api.Config{Cypher: true, APIKey: key, CypherRows: 5, Timeout: 3 * time.Second})
	spec := loadSpec(t)
	auth := []string{"Authorization", "Bearer " + key}
	run := func(query string, params map[string]any) response {
		return post(h, "/v1/cypher", "application/json", cypherBody(t, query, params), auth...)
	}

	t.Run("read", func(t *testing.T) {
		r := run(`MATCH (t:Topic {slug: $slug}) OPTIONAL MATCH (t)<-[s:SUBTOPIC_OF]-(c:Topic)
RETURN t.slug AS slug, t AS node, count(c) AS subtopics, $n + 1 AS n, [1.5, null] AS list`, map[string]any{"slug": "connectivity", "n": 41})
		if r.Code != http.StatusOK {
			t.Fatalf("status %d: %s", r.Code, r.Body)
		}
		spec.validate(t, r)
		var res schema.CypherResult
		r.decode(t, &res)
		if len(res.Rows) != 1 || res.Rows[0][0] != "connectivity" || res.Rows[0][2] != float64(7) || res.Rows[0][3] != float64(42) {
			t.Errorf("rows %v", res.Rows)
		}
		if node, ok := res.Rows[0][1].(map[string]any); !ok || node["labels"] == nil {
			t.Errorf("node %v", res.Rows[0][1])
		}
		if res.QueryType != "r" || res.Truncated {
			t.Errorf("result %+v", res)
		}
	})

	t.Run("row limit", func(t *testing.T) {
		var res schema.CypherResult
		run(`UNWIND range(1, 100) AS i RETURN i`, nil).decode(t, &res)
		if len(res.Rows) != 5 || !res.Truncated {
			t.Errorf("%d rows, truncated %v", len(res.Rows), res.Truncated)
		}
	})

	t.Run("refuses writes", func(t *testing.T) {
		for _, q := range []string{
			`CREATE (n:CypherTestNode {x: 1}) RETURN n`,
			`MERGE (n:CypherTestNode {x: 1}) RETURN n`,
			`MATCH (t:Topic {slug: 'general'}) DETACH DELETE t`,
			`MATCH (t:Topic {slug: 'general'}) SET t.touched = true RETURN t`,
			`CALL dbms.upgrade()`,
			`CALL dbms.killConnections(['bolt-1'])`,
			`CALL db.createLabel('CypherTestLabel')`,
			`MATCH (t:Topic {slug: 'general'}) CALL { WITH t CREATE (:CypherTestNode {x: 2}) } RETURN t.slug`,
			`CALL { MATCH (t:Topic {slug: 'general'}) SET t.touched = true RETURN t } RETURN t.slug`,
			`CREATE INDEX cypher_test IF NOT EXISTS FOR (n:CypherTestNode) ON (n.x)`,
			`LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line`,
		} {
			r := run(q, nil)
			code, msg := r.errorOf(t)
			if r.Code != http.StatusForbidden || code != schema.EFORBIDDEN {
				t.Errorf("%s: status %d %q, want 403: %s", q, r.Code, code, r.Body)
				continue
			}
			spec.validate(t, r)
			t.Logf("%s: %s", q, msg)
		}
		for _, check := range []string{
			`MATCH (n:CypherTestNode) RETURN count(n) AS n`,
			`MATCH (t:Topic {slug: 'general'}) WHERE t.touched IS NOT NULL RETURN count(t) AS n`,
			`SHOW INDEXES YIELD name WHERE name = 'cypher_test' RETURN count(*) AS n`,
		} {
			n, _, err := neo4j.GetRecordValue[int64](neo4jtest.Query(t, d, check, nil)[0], "n")
			if err != nil || n != 0 {
				t.Errorf("%s: %d (%v): a refused query wrote", check, n, err)
			}
		}
		if n, _, _ := neo4j.GetRecordValue[int64](neo4jtest.Query(t, d, `MATCH (t:Topic {slug: 'general'}) RETURN count(t) AS n`, nil)[0], "n"); n != 1 {
			t.Errorf("the general topic is gone")
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, tc := range []struct {
			name, query string
			status      int
		}{
			{"syntax", `MATCH (n RETURN n`, http.StatusBadRequest},
			{"no such procedure", `CALL dbms.nothing()`, http.StatusBadRequest},
			{"empty", ``, http.StatusBadRequest},
			{"too slow", `UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 RETURN count(i)`, http.StatusBadRequest},
		} {
			r := run(tc.query, nil)
			if r.Code != tc.status {
				t.Errorf("%s: status %d, want %d: %s", tc.name, r.Code, tc.status, r.Body)
			}
			spec.validate(t, r)
		}
		if r := post(h, "/v1/cypher", "application/json", []byte(`{"query": 1}`), auth...); r.Code != http.StatusBadRequest {
			t.Errorf("bad json: %d", r.Code)
		}
		r := post(h, "/v1/cypher", "application/json", cypherBody(t, "RETURN 1", nil))
		if code, _ := r.errorOf(t); r.Code != http.StatusUnauthorized || code != schema.EUNAUTHORIZED {
			t.Errorf("without the key: %d %s", r.Code, r.Body)
		}
		spec.validate(t, r)
	})

	t.Run("off by default", func(t *testing.T) {
		off := newServer(t, s, api.Config{})
		r := post(off, "/v1/cypher", "application/json", cypherBody(t, "RETURN 1", nil))
		if code, _ := r.errorOf(t); r.Code != http.StatusForbidden || code != schema.EFORBIDDEN {
			t.Errorf("disabled console: %d %s", r.Code, r.Body)
		}
	})
}
