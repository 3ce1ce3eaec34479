package graph

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/pledgegraph/pledgegraph/schema"
)

// refusedOperators are plan operators that read outside the graph; a read
// query that uses one is refused all the same.
var refusedOperators = map[string]bool{"LoadCSV": true}

// ReadCypher runs a query only when it is a read. Neo4j decides: the query
// is first planned with EXPLAIN, which executes nothing, and runs only when
// the plan's statement type is read-only ("r"; not "rw", "w" or "s"), so
// writes hidden in subqueries or procedures are refused like plain ones.
// It then runs in a read transaction (read access mode, so the server
// refuses any write too) with a timeout, returning at most opt.MaxRows rows.
// A refused query is EFORBIDDEN, a malformed one EINVALID.
func (s *Store) ReadCypher(ctx context.Context, query string, params map[string]any, opt schema.CypherOptions) (schema.CypherResult, error) {
	const op = "cypher"
	if strings.TrimSpace(query) == "" {
		return schema.CypherResult{}, schema.Errorf(schema.EINVALID, "query: empty")
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = 1000
	}
	// Let Neo4j stop the query a little before the caller gives up, so that
	// the caller hears why.
	if deadline, ok := ctx.Deadline(); ok {
		if left := time.Until(deadline) - 250*time.Millisecond; left < opt.Timeout {
			opt.Timeout = max(left, 100*time.Millisecond)
		}
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)

	sum, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (neo4j.ResultSummary, error) {
		res, err := tx.Run(ctx, "EXPLAIN "+query, params)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	}, neo4j.WithTxTimeout(opt.Timeout))
	if err != nil {
		return schema.CypherResult{}, s.cypherError(ctx, "plan query", err, opt.Timeout)
	}
	if t := sum.StatementType(); t != neo4j.StatementTypeReadOnly {
		return schema.CypherResult{}, schema.Errorf(schema.EFORBIDDEN,
			"only read queries run here; Neo4j plans this one as %s (%s)", statementWords[statementCode(t)], statementCode(t))
	}
	if o := refusedOperator(sum.Plan()); o != "" {
		return schema.CypherResult{}, schema.Errorf(schema.EFORBIDDEN, "queries that use %s do not run here", o)
	}

	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (schema.CypherResult, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return schema.CypherResult{}, err
		}
		keys, err := res.Keys()
		if err != nil {
			return schema.CypherResult{}, err
		}
		r := schema.CypherResult{Columns: keys, Rows: [][]any{}, QueryType: statementCode(neo4j.StatementTypeReadOnly)}
		for res.Next(ctx) {
			if len(r.Rows) == opt.MaxRows {
				r.Truncated = true
				break
			}
			rec := res.Record()
			row := make([]any, len(rec.Values))
			for i, v := range rec.Values {
				row[i] = jsonValue(v)
			}
			r.Rows = append(r.Rows, row)
		}
		if err := res.Err(); err != nil {
			return schema.CypherResult{}, err
		}
		return r, nil
	}, neo4j.WithTxTimeout(opt.Timeout))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// Neo4j answered the plan, so it is the query that is slow; Neo4j
			// enforces its own timeout only every few seconds.
			return schema.CypherResult{}, schema.WrapError(schema.EINVALID, err,
				"query ran over the time limit of %s; narrow it or add a LIMIT", opt.Timeout.Round(time.Millisecond))
		}
		return schema.CypherResult{}, s.cypherError(ctx, op, err, opt.Timeout)
	}
	return out, nil
}

// cypherError translates an error of a client's query: what Neo4j refuses
// in the query itself (syntax, an unknown procedure, the time limit) is the
// client's to fix; the rest is translate's.
func (s *Store) cypherError(ctx context.Context, op string, err error, timeout time.Duration) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case strings.Contains(ne.Code, "TransactionTimedOut") || strings.HasSuffix(ne.Code, ".Terminated"):
			return schema.WrapError(schema.EINVALID, err, "query ran over the time limit of %s; narrow it or add a LIMIT", timeout)
		case strings.HasPrefix(ne.Code, "Neo.ClientError.") && !strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
			return schema.WrapError(schema.EINVALID, err, "%s", ne.Msg)
		}
	}
	return s.translate(ctx, op, err)
}

// statementCode is the short form of a statement type that Neo4j's own
// tools print.
func statementCode(t neo4j.StatementType) string {
	switch t {
	case neo4j.StatementTypeReadOnly:
		return "r"
	case neo4j.StatementTypeReadWrite:
		return "rw"
	case neo4j.StatementTypeWriteOnly:
		return "w"
	case neo4j.StatementTypeSchemaWrite:
		return "s"
	}
	return "unknown"
}

// statementWords says what each statementCode means, for messages.
var statementWords = map[string]string{
	"r": "read-only", "rw": "read-write", "w": "write-only", "s": "schema-changing", "unknown": "unclassified",
}

// refusedOperator returns the first operator of the plan that
// refusedOperators lists, "" when none.
func refusedOperator(p neo4j.Plan) string {
	if p == nil {
		return ""
	}
	name, _, _ := strings.Cut(p.Operator(), "@")
	if refusedOperators[name] {
		return name
	}
	for _, c := range p.Children() {
		if o := refusedOperator(c); o != "" {
			return o
		}
	}
	return ""
}

// jsonValue converts a value of the driver into one that encoding/json
// writes faithfully: nodes, relationships and paths as maps, temporal
// values as ISO 8601 strings, points as maps, non-finite floats as strings.
func jsonValue(v any) any {
	switch v := v.(type) {
	case nil, bool, int64, string, []byte:
		return v
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return neo4jFloat(v)
		}
		return v
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonValue(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = jsonValue(x)
		}
		return out
	case dbtype.Node:
		return map[string]any{"element_id": v.ElementId, "labels": v.Labels, "properties": jsonValue(v.Props)}
	case dbtype.Relationship:
		return map[string]any{"element_id": v.ElementId, "type": v.Type, "start": v.StartElementId,
			"end": v.EndElementId, "properties": jsonValue(v.Props)}
	case dbtype.Path:
		nodes := make([]any, len(v.Nodes))
		for i, n := range v.Nodes {
			nodes[i] = jsonValue(n)
		}
		rels := make([]any, len(v.Relationships))
		for i, r := range v.Relationships {
			rels[i] = jsonValue(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case dbtype.Date:
		return v.String()
	case dbtype.LocalTime:
		return v.String()
	case dbtype.LocalDateTime:
		return v.String()
	case dbtype.Time:
		return v.String()
	case dbtype.Duration:
		return v.String()
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case dbtype.Point2D:
		return map[string]any{"srid": v.SpatialRefId, "x": v.X, "y": v.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": v.SpatialRefId, "x": v.X, "y": v.Y, "z": v.Z}
	}
	return nil
}

func neo4jFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	}
	return "-Infinity"
}
