package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Ingest writes one extraction in one write transaction, all or nothing.
// Every id is derived from the input, so ingesting the same extraction again
// changes nothing, and ingesting documents concurrently (goroutines or
// processes) gives the graph that ingesting them one after another gives.
// See schema/README.md for the model and the rules it follows.
func (s *Store) Ingest(ctx context.Context, x *schema.Extraction) (schema.IngestResult, error) {
	rows, err := validRows(x)
	if err != nil {
		return schema.IngestResult{}, err
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (schema.IngestResult, error) {
		return s.ingestTx(ctx, tx, rows)
	})
	if err != nil {
		return schema.IngestResult{}, s.translate("ingest document "+rows.docID, err)
	}
	return res, nil
}

// validRows validates an extraction and converts it into the rows the
// ingest statements take.
func validRows(x *schema.Extraction) (docRows, error) {
	if x == nil {
		return docRows{}, schema.Errorf(schema.EINVALID, "ingest: no extraction")
	}
	if err := x.Validate(); err != nil {
		return docRows{}, err
	}
	return toRows(x), nil
}

// IngestBatch writes several extractions, in order, in one write
// transaction: each as Ingest writes it (the statements of one document see
// those of the documents before it), with one commit for all of them, which
// is what bulk loading is bound by. Each document is still all or nothing:
// when the transaction fails for any reason but Neo4j's availability or the
// context, every document is written again in a transaction of its own, so
// that the one at fault fails alone and leaves nothing behind. errs[i] is
// the error of xs[i]; an invalid extraction is refused without touching the
// others.
func (s *Store) IngestBatch(ctx context.Context, xs []*schema.Extraction) (results []schema.IngestResult, errs []error) {
	results = make([]schema.IngestResult, len(xs))
	errs = make([]error, len(xs))
	var rows []docRows
	var at []int // xs index of rows[k]
	codes := map[string]bool{}
	for i, x := range xs {
		r, err := validRows(x)
		if err != nil {
			errs[i] = err
			continue
		}
		for _, c := range r.countries {
			codes[c] = true
		}
		rows = append(rows, r)
		at = append(at, i)
	}
	if len(rows) == 0 {
		return results, errs
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) ([]schema.IngestResult, error) {
		// The batch's countries first, in code order, so that writers of
		// batches that share countries cannot deadlock.
		if _, err := (&txRun{ctx: ctx, tx: tx}).collect("lock countries", lockCountriesQ, map[string]any{"codes": sortedKeys(codes)}); err != nil {
			return nil, err
		}
		out := make([]schema.IngestResult, 0, len(rows))
		for _, r := range rows {
			res, err := s.ingestTx(ctx, tx, r)
			if err != nil {
				return nil, err
			}
			out = append(out, res)
		}
		return out, nil
	})
	if err == nil {
		for k, r := range res {
			results[at[k]] = r
		}
		return results, errs
	}
	if err := s.translate("ingest batch", err); schema.ErrorCode(err) == schema.EUNAVAILABLE || ctx.Err() != nil {
		for _, i := range at {
			errs[i] = err
		}
		return results, errs
	}
	for _, i := range at {
		results[i], errs[i] = s.Ingest(ctx, xs[i])
	}
	return results, errs
}

// lockCountriesQ takes the write locks of countries $codes, in the order
// given (code order, so that two writers cannot deadlock on them), making
// sure they exist: setting a property to its own value takes the lock and
// changes nothing.
const lockCountriesQ = `
UNWIND $codes AS code
MERGE (c:Country {code: code})
SET c.code = code`

// txRun runs the statements of one transaction function, counts the
// structural changes they make and calls the test hook after each step.
type txRun struct {
	ctx     context.Context
	tx      neo4j.ManagedTransaction
	doc     string // the document being written, for the hook
	hook    func(doc, step string) error
	changes int64
}

// collect runs q and returns its records, consumed.
func (t *txRun) collect(step, q string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := t.tx.Run(t.ctx, q, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", step, err)
	}
	recs, err := res.Collect(t.ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", step, err)
	}
	sum, err := res.Consume(t.ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", step, err)
	}
	c := sum.Counters()
	t.changes += int64(c.NodesCreated() + c.NodesDeleted() + c.RelationshipsCreated() + c.RelationshipsDeleted() + c.LabelsAdded() + c.LabelsRemoved())
	if t.hook != nil {
		if err := t.hook(t.doc, step); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

func (s *Store) ingestTx(ctx context.Context, tx neo4j.ManagedTransaction, r docRows) (schema.IngestResult, error) {
	t := &txRun{ctx: ctx, tx: tx, doc: r.docID, hook: s.ingestHook}
	res := schema.IngestResult{DocumentID: r.docID, CommitmentIDs: r.ids}

	// Writers that share a country take turns from here to commit: the
	// resolution and tracking reads below must see every committed write
	// they could interact with, and Neo4j reads are read-committed.
	recs, err := t.collect("document", documentQ, map[string]any{"codes": r.countries, "doc": r.doc})
	if err != nil {
		return res, err
	}
	if len(recs) == 0 {
		return res, fmt.Errorf("document: no record")
	}
	created, err := recordBool(recs[0], "new")
	if err != nil {
		return res, fmt.Errorf("document: %w", err)
	}
	existing, err := toExisting(recs)
	if err != nil {
		return res, err
	}

	q, via := meetingQ, ""
	if r.meeting.partial {
		q, via = partialMeetingQ, r.docID
	}
	recs, err = t.collect("meeting", q, map[string]any{"doc": r.docID, "m": r.meeting.params})
	if err != nil {
		return res, err
	}
	if len(recs) != 1 {
		return res, fmt.Errorf("meeting: %d records", len(recs))
	}
	if res.MeetingID, err = recordString(recs[0], "id"); err != nil {
		return res, fmt.Errorf("meeting: %w", err)
	}
	full, err := recordBool(recs[0], "full")
	if err != nil {
		return res, fmt.Errorf("meeting: %w", err)
	}

	if len(r.refs) > 0 {
		recs, err := t.collect("references", referencesQ, map[string]any{"meeting": res.MeetingID, "refs": r.refs, "via": via})
		if err != nil {
			return res, err
		}
		for _, rec := range recs {
			id, err := recordString(rec, "target")
			if err != nil {
				return res, fmt.Errorf("references: %w", err)
			}
			res.References = append(res.References, id)
		}
	}

	// A readout that gives its meeting's day may change which meeting the
	// partial mentions of its bucket resolve to.
	var moved []string
	if full {
		if moved, err = t.resolveBucket(res.MeetingID); err != nil {
			return res, err
		}
	}

	if len(r.commitments) > 0 {
		if _, err := t.collect("commitments", commitmentsQ, map[string]any{
			"doc": r.docID, "meeting": res.MeetingID, "rows": r.commitments,
		}); err != nil {
			return res, err
		}
	}

	// Commitments whose chains must be recomputed: new ones, ones whose
	// labels changed, ones that moved to another meeting; and those that
	// this document no longer has.
	var changed, stale []string
	wanted, fresh := map[string]bool{}, map[string]bool{}
	for _, row := range r.commitments {
		row := row.(map[string]any)
		id := row["id"].(string)
		wanted[id] = true
		if old, ok := existing[id]; !ok || !old.same(row["props"].(map[string]any)) {
			changed = append(changed, id)
			fresh[id] = !ok
		}
	}
	for id := range existing {
		if !wanted[id] {
			stale = append(stale, id)
		}
	}
	slices.Sort(stale)
	if err := t.track(changed, fresh, moved, stale); err != nil {
		return res, err
	}

	switch {
	case created:
		res.Status = schema.IngestNew
	case t.changes > 0:
		res.Status = schema.IngestUpdated
	default:
		res.Status = schema.IngestUnchanged
	}
	return res, nil
}

// documentQ takes the write locks of the document's countries
// (lockCountriesQ), then it merges the Document and returns whether it is new and what the
// graph already holds of it, so that a re-ingest can tell new commitments
// from known ones. Metadata keeps the least value seen, so that it does not
// depend on arrival order.
const documentQ = `
CALL {` + lockCountriesQ + `
}
OPTIONAL MATCH (old:Document {id: $doc.id})
WITH old IS NULL AS new
MERGE (d:Document {id: $doc.id})
SET d.title = CASE WHEN $doc.title IS NULL THEN d.title WHEN d.title IS NULL OR $doc.title < d.title THEN $doc.title ELSE d.title END,
    d.source_url = CASE WHEN $doc.source_url IS NULL THEN d.source_url WHEN d.source_url IS NULL OR $doc.source_url < d.source_url THEN $doc.source_url ELSE d.source_url END,
    d.published = CASE WHEN $doc.published IS NULL THEN d.published WHEN d.published IS NULL OR $doc.published < d.published THEN $doc.published ELSE d.published END,
    d.source = CASE WHEN $doc.source IS NULL THEN d.source WHEN d.source IS NULL OR $doc.source < d.source THEN $doc.source ELSE d.source END,
    d.text = CASE WHEN $doc.text IS NULL THEN d.text WHEN d.text IS NULL OR $doc.text < d.text THEN $doc.text ELSE d.text END
WITH new, d
OPTIONAL MATCH (c:Commitment)-[:SOURCED_FROM]->(d)
RETURN new, c.id AS id, c.scope AS scope, c.topics AS topics, c.entity_ids AS entity_ids, c.terms AS terms`

// commitmentsQ merges the document's commitments and their relationships.
// An Entity's second label comes from its kind, and only from the
// schema.EntityKinds listed here (TestEntityKindLabels keeps them in step).
const commitmentsQ = `
MATCH (d:Document {id: $doc}), (m:Meeting {id: $meeting})
UNWIND $rows AS row
MERGE (c:Commitment {id: row.id})
SET c += row.props, c.meeting_id = m.id, c.date = m.date, c.ord = m.date + '|' + m.id
SET c.first_stated = coalesce(c.first_stated, c.date), c.times_stated = coalesce(c.times_stated, 1)
MERGE (c)-[s:SOURCED_FROM]->(d)
SET s.start = row.start, s.end = row.end
MERGE (c)-[:STATED_AT]->(m)
WITH c, row
CALL {
  WITH c, row
  UNWIND row.actors AS code
  MATCH (k:Country {code: code})
  MERGE (c)-[:MADE_BY]->(k)
}
CALL {
  WITH c, row
  UNWIND row.toward AS code
  MATCH (k:Country {code: code})
  MERGE (c)-[:TOWARD]->(k)
}
CALL {
  WITH c, row
  OPTIONAL MATCH (c)-[old:MATCH_KEY]->(c) WHERE NOT old.key IN row.keys
  DELETE old
}
CALL {
  WITH c, row
  UNWIND row.keys AS k
  MERGE (c)-[r:MATCH_KEY {key: k}]->(c)
  SET r.ord = c.ord
}
CALL {
  WITH c, row
  UNWIND row.topics AS slug
  MERGE (tp:Topic {slug: slug})
  MERGE (c)-[:ON_TOPIC]->(tp)
}
CALL {
  WITH c, row
  UNWIND row.entities AS e
  MERGE (n:Entity {id: e.id})
  ON CREATE SET n.kind = e.kind, n.name = e.name
  SET n.key = e.key
  FOREACH (_ IN CASE WHEN e.kind = 'Project' THEN [1] ELSE [] END | SET n:Project)
  FOREACH (_ IN CASE WHEN e.kind = 'Organization' THEN [1] ELSE [] END | SET n:Organization)
  FOREACH (_ IN CASE WHEN e.kind = 'Initiative' THEN [1] ELSE [] END | SET n:Initiative)
  FOREACH (_ IN CASE WHEN e.kind = 'Institution' THEN [1] ELSE [] END | SET n:Institution)
  FOREACH (_ IN CASE WHEN e.kind = 'Principle' THEN [1] ELSE [] END | SET n:Principle)
  FOREACH (_ IN CASE WHEN e.kind = 'Agreement' THEN [1] ELSE [] END | SET n:Agreement)
  FOREACH (_ IN CASE WHEN e.kind = 'Event' THEN [1] ELSE [] END | SET n:Event)
  WITH c, n, e
  CALL {
    WITH n, e
    UNWIND coalesce(n.aliases, []) + e.aliases AS a
    WITH DISTINCT a ORDER BY a
    RETURN collect(a) AS aliases
  }
  SET n.aliases = aliases, n.name = CASE WHEN e.name < n.name THEN e.name ELSE n.name END
  MERGE (c)-[r:CONCERNS]->(n)
  SET r.track = e.track, r.ord = c.ord
}
CALL {
  WITH c, row
  WITH c, row WHERE row.speaker IS NOT NULL
  MERGE (p:Person {id: row.speaker.id})
  ON CREATE SET p.key = row.speaker.key, p.name = row.speaker.name
  SET p.key = row.speaker.key
  WITH c, p, row
  CALL {
    WITH p, row
    UNWIND coalesce(p.aliases, []) + row.speaker.aliases AS a
    WITH DISTINCT a ORDER BY a
    RETURN collect(a) AS aliases
  }
  SET p.aliases = aliases, p.name = CASE WHEN row.speaker.name < p.name THEN row.speaker.name ELSE p.name END
  MERGE (c)-[:STATED_BY]->(p)
}`

// existingCommitment is what the graph holds of a commitment that decides
// its chains.
type existingCommitment struct {
	scope     string
	topics    []string
	entityIDs []string
	terms     []string
}

func (e existingCommitment) same(props map[string]any) bool {
	return e.scope == props["scope"] && slices.Equal(e.topics, props["topics"].([]string)) &&
		slices.Equal(e.entityIDs, props["entity_ids"].([]string)) && slices.Equal(e.terms, props["terms"].([]string))
}

func toExisting(recs []*neo4j.Record) (map[string]existingCommitment, error) {
	out := map[string]existingCommitment{}
	for _, rec := range recs {
		id, isNil, err := neo4j.GetRecordValue[string](rec, "id")
		if err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		if isNil {
			continue // the OPTIONAL MATCH found no commitment
		}
		var e existingCommitment
		if e.scope, err = recordString(rec, "scope"); err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		if e.topics, err = recordStrings(rec, "topics"); err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		if e.entityIDs, err = recordStrings(rec, "entity_ids"); err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		if e.terms, err = recordStrings(rec, "terms"); err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		out[id] = e
	}
	return out, nil
}

// recordString reads a string column; null reads as "".
func recordString(rec *neo4j.Record, key string) (string, error) {
	v, _, err := neo4j.GetRecordValue[string](rec, key)
	if err != nil {
		return "", err
	}
	return v, nil
}

// recordBool reads a boolean column; null reads as false.
func recordBool(rec *neo4j.Record, key string) (bool, error) {
	v, _, err := neo4j.GetRecordValue[bool](rec, key)
	if err != nil {
		return false, err
	}
	return v, nil
}

// recordStrings reads a list-of-strings column; null reads as empty.
func recordStrings(rec *neo4j.Record, key string) ([]string, error) {
	return getStrings(rec, key)
}
