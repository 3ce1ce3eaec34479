// Package graph stores extractions in Neo4j and reads them back as schema's
// read models (schema.CommitmentPage, schema.MeetingDetail, ...). It is the
// only package that speaks Cypher; it translates driver errors into
// schema.Error codes so callers never see driver types.
package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Config says which Neo4j to use. bolt:// reaches one server; neo4j:// and
// neo4j+s:// route across a cluster or Aura with no other change.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
}

// Store is pledgegraph's graph on one Neo4j database. It is safe for
// concurrent use; make one per process.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	uri    string
	log    *slog.Logger

	// ingestHook, when set (by tests, see export_test.go), runs after each
	// step of an ingest transaction, once for each document the step
	// wrote (a batch's steps write several); an error aborts it.
	ingestHook func(doc, step string) error
	// stepTime, when set (by the ingest benchmark), is told how long each
	// statement of an ingest transaction took, by step, with its summary
	// (Neo4j's own time).
	stepTime func(step string, d time.Duration, sum neo4j.ResultSummary)
}

// Open makes a driver for cfg. It does not connect: call Ping to know that
// Neo4j answers, so a server can start while Neo4j is still down.
func Open(cfg Config, log *slog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, schema.WrapError(schema.EINVALID, err, "neo4j uri %q", cfg.URI)
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	return &Store{driver: driver, db: cfg.Database, uri: cfg.URI, log: log}, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// URI is the Neo4j URI the store was opened with.
func (s *Store) URI() string { return s.uri }

// Ping checks that Neo4j answers and accepts the credentials.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.translate(ctx, "ping", err)
	}
	return nil
}

// Migrate applies the embedded constraints and indexes of package schema and
// merges the topic taxonomy (schema.Topics, with SUBTOPIC_OF). Every
// statement is idempotent, so it runs at each start.
func (s *Store) Migrate(ctx context.Context) error {
	// A graph an earlier version wrote still has the retired full-text
	// index of similar-text keys: move its keys before the index goes, so
	// that an interrupted upgrade runs again at the next start.
	if old, err := s.hasIndex(ctx, "commitment_match"); err != nil {
		return err
	} else if old {
		if err := s.migrateMatchKeys(ctx); err != nil {
			return err
		}
	}
	for _, st := range schema.SchemaStatements() {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, st.Text, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			return s.translate(ctx, fmt.Sprintf("migrate %s %s", st.Kind, st.Name), err)
		}
	}
	// The ingest statements hint their index seeks, and a hinted index that
	// is still being populated (a new index on an existing graph) fails the
	// statement: wait until every index is online.
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return s.translate(ctx, "migrate: await indexes", err)
	}
	if err := s.mergeTopics(ctx); err != nil {
		return err
	}
	// Full meetings an earlier version wrote have their places only as
	// HELD_IN relationships; meeting resolution reads place_ids.
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, placeIDsQ, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return s.translate(ctx, "migrate: meeting place ids", err)
	}
	s.log.Debug("schema applied", "statements", len(schema.SchemaStatements()), "topics", len(schema.Topics))
	return nil
}

// placeIDsQ gives full meetings without place_ids the sorted ids of the
// places they were held in (see resolveMention).
const placeIDsQ = `
MATCH (m:Meeting {partial: false})
WHERE m.place_ids IS NULL AND EXISTS { (m)-[:HELD_IN]->(:Place) }
CALL (m) {
  MATCH (m)-[:HELD_IN]->(p:Place)
  WITH p.id AS pid ORDER BY pid
  RETURN collect(pid) AS pids
}
SET m.place_ids = pids`

// hasIndex reports whether the database has an index of that name.
func (s *Store) hasIndex(ctx context.Context, name string) (bool, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n`,
		map[string]any{"name": name}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return false, s.translate(ctx, "migrate: list indexes", err)
	}
	n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
	if err != nil {
		return false, fmt.Errorf("migrate: list indexes: %w", err)
	}
	return n > 0, nil
}

// matchKeysQ moves the similar-text keys of commitments written by earlier
// versions (a match_keys string under a full-text index) onto MATCH_KEY
// relationships, in batches, so that tracking finds them.
const matchKeysQ = `
MATCH (c:Commitment) WHERE c.match_keys IS NOT NULL
CALL (c) {
  FOREACH (k IN [k IN split(c.match_keys, ' ') WHERE k <> ''] |
    MERGE (c)-[r:MATCH_KEY {key: k}]->(c)
    SET r.ord = c.ord)
  REMOVE c.match_keys
} IN TRANSACTIONS OF 1000 ROWS`

func (s *Store) migrateMatchKeys(ctx context.Context) error {
	// CALL IN TRANSACTIONS needs an implicit transaction: session.Run.
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, matchKeysQ, nil)
	if err == nil {
		var sum neo4j.ResultSummary
		if sum, err = res.Consume(ctx); err == nil && sum.Counters().RelationshipsCreated() > 0 {
			s.log.Info("migrated similar-text keys to MATCH_KEY", "relationships", sum.Counters().RelationshipsCreated())
		}
	}
	if err != nil {
		return s.translate(ctx, "migrate similar-text keys", err)
	}
	return nil
}

// topicsQ merges the taxonomy. Labels and parents come from schema.Topics,
// so the topics are the same on every database.
const topicsQ = `
UNWIND $topics AS t
MERGE (n:Topic {slug: t.slug})
SET n.label = t.label, n.level = t.level
WITH n, t WHERE t.parent IS NOT NULL
MERGE (p:Topic {slug: t.parent})
MERGE (n)-[:SUBTOPIC_OF]->(p)`

func (s *Store) mergeTopics(ctx context.Context) error {
	rows := make([]any, 0, len(schema.Topics))
	for _, t := range schema.Topics {
		level := 1
		if t.Parent() != "" {
			level = 2
		}
		rows = append(rows, map[string]any{"slug": t.Slug, "label": t.Label, "level": level, "parent": nilIfEmpty(t.Parent())})
	}
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, topicsQ, map[string]any{"topics": rows}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return s.translate(ctx, "migrate topics", err)
	}
	return nil
}

// translate turns a driver error into a schema.Error whose message is safe
// for clients and says what to do; the cause stays attached for the log.
//
// A deadline or cancellation of ctx comes first: the driver reports one met
// while it waits for a connection or an answer as a connectivity error,
// which would read as "cannot reach neo4j".
func (s *Store) translate(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var se *schema.Error
	if errors.As(err, &se) {
		return err
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return schema.WrapError(schema.EUNAVAILABLE, err, "%s: neo4j at %s did not answer in time", op, s.uri)
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
			return schema.WrapError(schema.EUNAVAILABLE, err,
				"%s: neo4j at %s refused the credentials (check NEO4J_USER and NEO4J_PASSWORD)", op, s.uri)
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Schema.ConstraintValidationFailed"):
			return schema.WrapError(schema.ECONFLICT, err, "%s: conflicts with stored data", op)
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Statement."):
			return schema.WrapError(schema.EINVALID, err, "%s: %s", op, ne.Msg)
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Database.DatabaseNotFound"):
			return schema.WrapError(schema.EUNAVAILABLE, err, "%s: neo4j at %s has no database %q (check NEO4J_DATABASE)", op, s.uri, s.db)
		case strings.HasPrefix(ne.Code, "Neo.TransientError."):
			return schema.WrapError(schema.EUNAVAILABLE, err, "%s: neo4j at %s is busy, try again", op, s.uri)
		}
	}
	if neo4j.IsConnectivityError(err) || isUnreachable(err) {
		return schema.WrapError(schema.EUNAVAILABLE, err,
			"%s: cannot reach neo4j at %s (start the local one with `%smake neo4j-start`, or set NEO4J_URI)", op, s.uri, localPortPrefix(s.uri))
	}
	return schema.WrapError(schema.EINTERNAL, err, "%s", op)
}

// localPortPrefix is the NEO4J_PORT setting that `make neo4j-start` needs
// to start a local Neo4j where uri points ("NEO4J_PORT=17688 "), or ""
// for the make targets' default port.
func localPortPrefix(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Port() == "" || u.Port() == "7687" {
		return ""
	}
	return "NEO4J_PORT=" + u.Port() + " "
}

// isUnreachable catches the dial errors the driver returns unwrapped.
func isUnreachable(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "no such host") ||
		strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "ConnectivityError")
}
