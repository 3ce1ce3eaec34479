package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/schema"
)

// The read side: every method here and in query*.go runs parameterised,
// read-only Cypher routed to readers, bounded by a LIMIT, and returns
// schema's read models (schema/read*.go) and schema.Error codes (through
// translate) rather than driver values and errors.

// read runs one read statement and returns its records. The transaction
// timeout follows ctx's deadline, so that Neo4j stops work the caller no
// longer waits for.
func (s *Store) read(ctx context.Context, op, q string, params map[string]any) ([]*neo4j.Record, error) {
	var tx []func(*neo4j.TransactionConfig)
	if deadline, ok := ctx.Deadline(); ok {
		if d := time.Until(deadline); d > 0 {
			tx = append(tx, neo4j.WithTxTimeout(d))
		}
	}
	recs, err := s.readRetrying(withoutDeadline{ctx}, q, params, tx)
	if err != nil {
		err = s.translate(ctx, op, err)
		if schema.ErrorCode(err) == schema.EINVALID {
			// Neo4j refused a statement of ours: a bug, not the client's
			// input, and its message quotes our Cypher.
			err = schema.WrapError(schema.EINTERNAL, err, "%s", op)
		}
		return nil, err
	}
	return recs, nil
}

// maxReadRetry bounds the retries of one read, as the driver's
// MaxTransactionRetryTime (30 s by default) bounds ExecuteQuery's.
const maxReadRetry = 30 * time.Second

// readRetrying runs readOnce again after a retryable failure (a stale
// pooled connection, Neo4j restarting, a cluster member leaving) with a
// growing pause, until it succeeds, fails otherwise, ctx is done or
// maxReadRetry has passed: what ExecuteQuery's retries did.
func (s *Store) readRetrying(ctx context.Context, q string, params map[string]any, tx []func(*neo4j.TransactionConfig)) ([]*neo4j.Record, error) {
	start := time.Now()
	pause := 50 * time.Millisecond
	for {
		recs, err := s.readOnce(ctx, q, params, tx)
		if err == nil || !neo4j.IsRetryable(err) || time.Since(start)+pause > maxReadRetry {
			return recs, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Second)
	}
}

// readOnce runs q as an auto-commit transaction routed to readers. A
// single read statement needs no BEGIN and COMMIT: ExecuteQuery's managed
// transaction sends both, a second round trip, and costs Neo4j about
// 0.2 ms of CPU more per statement (10-15 % of its CPU on the flagship
// query, two statements). The bookmarks are ExecuteQuery's, so that
// reads still follow what was written through it.
func (s *Store) readOnce(ctx context.Context, q string, params map[string]any, tx []func(*neo4j.TransactionConfig)) ([]*neo4j.Record, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.db, AccessMode: neo4j.AccessModeRead, BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, q, params, tx...)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// withoutDeadline is ctx without its deadline but with its cancellation.
// Given a deadline, the driver races every socket read against it in a
// goroutine of its own with a timer (two or three per record: a third of
// its CPU on a page of commitments). The deadline still bounds a read: it
// is the transaction timeout, which makes Neo4j end the statement; ctx
// still ends a wait for a connection when it is done.
type withoutDeadline struct{ context.Context }

func (withoutDeadline) Deadline() (time.Time, bool) { return time.Time{}, false }

// checkLimit returns the page size for limit: schema.DefaultLimit for 0, an
// EINVALID error outside 1..max.
func checkLimit(limit, max int) (int, error) {
	switch {
	case limit == 0:
		return min(schema.DefaultLimit, max), nil
	case limit < 0 || limit > max:
		return 0, schema.Errorf(schema.EINVALID, "limit %d: want 1 to %d", limit, max)
	}
	return limit, nil
}

// cursor is the position after the last item of a page in (date, id)
// order: the keyset that the next page starts after. Items without a date
// come after every dated one (noDate).
type cursor struct {
	date   string
	id     string
	noDate bool
}

const cursorVersion = "k1"

func (c cursor) String() string {
	date := c.date
	if c.noDate {
		date = "-"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(cursorVersion + "|" + date + "|" + c.id))
}

// parseCursor reads a cursor made by cursor.String; "" is the first page.
func parseCursor(s string) (cursor, bool, error) {
	if s == "" {
		return cursor{}, false, nil
	}
	bad := schema.Errorf(schema.EINVALID, "cursor %q: want the next_cursor of a previous page", s)
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, false, bad
	}
	parts := strings.Split(string(b), "|")
	if len(parts) != 3 || parts[0] != cursorVersion {
		return cursor{}, false, bad
	}
	c := cursor{date: parts[1], id: parts[2]}
	if c.date == "-" {
		c.date, c.noDate = "", true
	} else if _, err := schema.ParseDate(c.date); err != nil || c.id == "" {
		return cursor{}, false, bad
	}
	return c, true, nil
}

// Typed reads. Each returns the zero value for a null, and an error naming
// the column for a value of another type.

func getString(rec *neo4j.Record, key string) (string, error) {
	v, _, err := neo4j.GetRecordValue[string](rec, key)
	if err != nil {
		return "", fmt.Errorf("column %s: %w", key, err)
	}
	return v, nil
}

func getInt(rec *neo4j.Record, key string) (int, error) {
	v, _, err := neo4j.GetRecordValue[int64](rec, key)
	if err != nil {
		return 0, fmt.Errorf("column %s: %w", key, err)
	}
	return int(v), nil
}

func getBool(rec *neo4j.Record, key string) (bool, error) {
	v, _, err := neo4j.GetRecordValue[bool](rec, key)
	if err != nil {
		return false, fmt.Errorf("column %s: %w", key, err)
	}
	return v, nil
}

func getStrings(rec *neo4j.Record, key string) ([]string, error) {
	v, _, err := neo4j.GetRecordValue[[]any](rec, key)
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", key, err)
	}
	return toStrings(key, v)
}

func getMap(rec *neo4j.Record, key string) (map[string]any, error) {
	v, _, err := neo4j.GetRecordValue[map[string]any](rec, key)
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", key, err)
	}
	return v, nil
}

// getMaps reads a list of maps (a pattern comprehension of map
// projections).
func getMaps(rec *neo4j.Record, key string) ([]map[string]any, error) {
	v, _, err := neo4j.GetRecordValue[[]any](rec, key)
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", key, err)
	}
	out := make([]map[string]any, 0, len(v))
	for _, x := range v {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("column %s: element %T is not a map", key, x)
		}
		out = append(out, m)
	}
	return out, nil
}

func toStrings(key string, v []any) ([]string, error) {
	out := make([]string, 0, len(v))
	for _, x := range v {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%s: element %T is not a string", key, x)
		}
		out = append(out, s)
	}
	return out, nil
}

// Fields of a map value (a map projection). Like the column readers, a
// missing key or null reads as the zero value.

func mapString(m map[string]any, key string) (string, error) {
	switch v := m[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", fmt.Errorf("field %s: %T is not a string", key, v)
	}
}

func mapInt(m map[string]any, key string) (int, error) {
	switch v := m[key].(type) {
	case nil:
		return 0, nil
	case int64:
		return int(v), nil
	default:
		return 0, fmt.Errorf("field %s: %T is not an integer", key, v)
	}
}

func mapBool(m map[string]any, key string) (bool, error) {
	switch v := m[key].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	default:
		return false, fmt.Errorf("field %s: %T is not a boolean", key, v)
	}
}

func mapStrings(m map[string]any, key string) ([]string, error) {
	switch v := m[key].(type) {
	case nil:
		return []string{}, nil
	case []any:
		return toStrings(key, v)
	default:
		return nil, fmt.Errorf("field %s: %T is not a list", key, v)
	}
}

// fieldReader collects the first error of a series of reads, so that a
// conversion reads as a list of assignments.
type fieldReader struct{ err error }

func (r *fieldReader) str(m map[string]any, key string) string {
	v, err := mapString(m, key)
	r.keep(err)
	return v
}

func (r *fieldReader) num(m map[string]any, key string) int {
	v, err := mapInt(m, key)
	r.keep(err)
	return v
}

func (r *fieldReader) flag(m map[string]any, key string) bool {
	v, err := mapBool(m, key)
	r.keep(err)
	return v
}

func (r *fieldReader) strs(m map[string]any, key string) []string {
	v, err := mapStrings(m, key)
	r.keep(err)
	return v
}

func (r *fieldReader) keep(err error) {
	if r.err == nil {
		r.err = err
	}
}

// recordReader is fieldReader over the columns of a record.
type recordReader struct {
	rec *neo4j.Record
	err error
}

func (r *recordReader) str(key string) string {
	v, err := getString(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) num(key string) int {
	v, err := getInt(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) flag(key string) bool {
	v, err := getBool(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) strs(key string) []string {
	v, err := getStrings(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) mp(key string) map[string]any {
	v, err := getMap(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) maps(key string) []map[string]any {
	v, err := getMaps(r.rec, key)
	r.keep(err)
	return v
}

func (r *recordReader) keep(err error) {
	if r.err == nil {
		r.err = err
	}
}

// decodeError wraps a record that does not have the expected shape: a bug
// or a graph written by another version, never the client's fault.
func decodeError(op string, err error) error {
	return schema.WrapError(schema.EINTERNAL, err, "%s: unexpected record", op)
}

// dateWindow adds the conditions that keep the rows of variable v (a
// constant of the caller, never input) dated from since through until, at
// their precision, and past the cursor in (date, id) order; it returns the
// extended where and sets the parameters in p.
func dateWindow(v string, since, until schema.Date, after cursor, where []string, p map[string]any) []string {
	from := string(since)
	if after.date > from {
		from = after.date
	}
	where = append(where, v+".date >= $from")
	p["from"] = from
	if !until.IsZero() {
		where = append(where, v+".date < $until")
		p["until"] = nextPeriod(until)
	}
	if after.id != "" {
		where = append(where, "("+v+".date > $after_date OR "+v+".id > $after_id)")
		p["after_date"], p["after_id"] = after.date, after.id
	}
	return where
}
