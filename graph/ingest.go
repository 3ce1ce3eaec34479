package graph

import (
	"context"
	"fmt"
	"slices"
	"time"

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
		return schema.IngestResult{}, s.translate(ctx, "ingest document "+rows.docID, err)
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
// transaction, with one commit for all of them, which is what bulk loading
// is bound by. The documents the graph does not hold yet go through each
// step together, a few statements for the whole batch (see writeDocs); a
// document the graph already holds, or one the batch repeats, is written
// alone, as Ingest writes it, after the documents before it. The graph and
// the results are those of ingesting the documents one after another. Each
// document is still all or nothing: when the transaction fails for any
// reason but Neo4j's availability or the context, every document is written
// again in a transaction of its own, so that the one at fault fails alone
// and leaves nothing behind. errs[i] is the error of xs[i]; an invalid
// extraction is refused without touching the others.
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
	res, err := s.ingestBatch(ctx, rows, codes)
	if err == nil {
		for k, r := range res {
			results[at[k]] = r
		}
		return results, errs
	}
	if schema.ErrorCode(err) == schema.EUNAVAILABLE || ctx.Err() != nil {
		for _, i := range at {
			errs[i] = err
		}
		return results, errs
	}
	s.log.Debug("ingest batch failed: writing its documents one by one", "documents", len(rows), "err", err)
	for _, i := range at {
		results[i], errs[i] = s.Ingest(ctx, xs[i])
	}
	return results, errs
}

// ingestBatch writes rows, which touch countries codes, in one write
// transaction.
func (s *Store) ingestBatch(ctx context.Context, rows []docRows, codes map[string]bool) ([]schema.IngestResult, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) ([]schema.IngestResult, error) {
		return s.ingestBatchTx(ctx, tx, rows, sortedKeys(codes))
	})
	if err != nil {
		return nil, s.translate(ctx, "ingest batch", err)
	}
	return res, nil
}

// ingestBatchTx writes rows in one transaction. It takes the write locks of
// the batch's countries (codes, in code order, so that writers of batches
// that share countries cannot deadlock) and merges every Document first,
// which says which documents are new; then each run of new documents goes
// through writeDocs together, and each other document through ingestTx, in
// the batch's order.
func (s *Store) ingestBatchTx(ctx context.Context, tx neo4j.ManagedTransaction, rows []docRows, codes []string) ([]schema.IngestResult, error) {
	ids := make([]string, len(rows))
	docs := make([]any, len(rows))
	for i, r := range rows {
		ids[i], docs[i] = r.docID, r.doc
	}
	t := s.newRun(ctx, tx, ids)
	recs, err := t.collect("document", documentsQ, map[string]any{"codes": codes, "docs": docs})
	if err != nil {
		return nil, err
	}
	held := map[string]bool{} // documents the graph holds before each one's turn
	for _, rec := range recs {
		id, err := recordString(rec, "id")
		if err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		created, err := recordBool(rec, "new")
		if err != nil {
			return nil, fmt.Errorf("document: %w", err)
		}
		if !created {
			held[id] = true
		}
	}

	out := make([]schema.IngestResult, len(rows))
	var run []docRows
	var runAt []int
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		rt := s.newRun(ctx, tx, nil)
		for _, r := range run {
			rt.docs = append(rt.docs, r.docID)
		}
		res, err := rt.writeDocs(run, nil)
		if err != nil {
			return err
		}
		for k, r := range res {
			r.Status = schema.IngestNew
			out[runAt[k]] = r
		}
		run, runAt = nil, nil
		return nil
	}
	for i, r := range rows {
		if !held[r.docID] {
			held[r.docID] = true
			run, runAt = append(run, r), append(runAt, i)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if out[i], err = s.ingestTx(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
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
// structural changes they make and calls the test hook after each step, for
// each document the step wrote.
type txRun struct {
	ctx      context.Context
	tx       neo4j.ManagedTransaction
	docs     []string // the documents being written, for the hook
	hook     func(doc, step string) error
	stepTime func(step string, d time.Duration, sum neo4j.ResultSummary)
	changes  int64
}

// newRun starts the statements of an ingest transaction of documents docs.
func (s *Store) newRun(ctx context.Context, tx neo4j.ManagedTransaction, docs []string) *txRun {
	return &txRun{ctx: ctx, tx: tx, docs: docs, hook: s.ingestHook, stepTime: s.stepTime}
}

// replanSkip starts the ingest statements whose every read starts from a
// unique or indexed property. Neo4j plans a statement again when the
// statistics it was planned with have changed enough (by three quarters, at
// most every 10 s), which a growing graph does again and again, and planning
// the larger ingest statements (meetingsQ, resolveBucketQ) takes seconds: in
// a benchmark that loads 2,000 documents into an empty graph, replanning
// took most of the time. These statements' plans do not need the
// statistics (EXPLAIN on a near-empty graph gives only NodeUniqueIndexSeek,
// NodeIndexSeek and DirectedRelationshipIndexSeek leaves), so the first plan
// serves for good. restatementsQ and the resolution of mentions are among
// them only because their index seeks are hinted (USING INDEX SEEK):
// planned on a near-empty graph without the hints, restatementsQ scanned
// every Commitment for the later similar commitments, and with the plan of
// a small graph kept it took 200-600 ms per document instead of about 5 ms
// once a benchmark's graph held 2,000 documents; with USING INDEX and no
// SEEK, it scanned whole relationship indexes in order.
const replanSkip = "CYPHER replan=skip"

// collect runs q for all of t.docs and returns its records, consumed.
func (t *txRun) collect(step, q string, params map[string]any) ([]*neo4j.Record, error) {
	return t.collectFor(t.docs, step, q, params)
}

// collectFor runs q, a step of documents docs, and returns its records,
// consumed.
func (t *txRun) collectFor(docs []string, step, q string, params map[string]any) ([]*neo4j.Record, error) {
	start := time.Now()
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
	if t.stepTime != nil {
		t.stepTime(step, time.Since(start), sum)
	}
	c := sum.Counters()
	t.changes += int64(c.NodesCreated() + c.NodesDeleted() + c.RelationshipsCreated() + c.RelationshipsDeleted() + c.LabelsAdded() + c.LabelsRemoved())
	if err := t.after(docs, step); err != nil {
		return nil, err
	}
	return recs, nil
}

// after calls the test hook for each of docs after step.
func (t *txRun) after(docs []string, step string) error {
	if t.hook == nil {
		return nil
	}
	for _, d := range docs {
		if err := t.hook(d, step); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) ingestTx(ctx context.Context, tx neo4j.ManagedTransaction, r docRows) (schema.IngestResult, error) {
	t := s.newRun(ctx, tx, []string{r.docID})

	// Writers that share a country take turns from here to commit: the
	// resolution and tracking reads below must see every committed write
	// they could interact with, and Neo4j reads are read-committed.
	recs, err := t.collect("document", documentQ, map[string]any{"codes": r.countries, "doc": r.doc})
	if err != nil {
		return schema.IngestResult{}, err
	}
	if len(recs) == 0 {
		return schema.IngestResult{}, fmt.Errorf("document: no record")
	}
	created, err := recordBool(recs[0], "new")
	if err != nil {
		return schema.IngestResult{}, fmt.Errorf("document: %w", err)
	}
	existing, err := toExisting(recs)
	if err != nil {
		return schema.IngestResult{}, err
	}
	var known []map[string]existingCommitment // nil: a new document, none of its commitments exist
	if !created {
		known = []map[string]existingCommitment{existing}
	}
	res, err := t.writeDocs([]docRows{r}, known)
	if err != nil {
		return schema.IngestResult{}, err
	}
	switch {
	case created:
		res[0].Status = schema.IngestNew
	case t.changes > 0:
		res[0].Status = schema.IngestUpdated
	default:
		res[0].Status = schema.IngestUnchanged
	}
	return res[0], nil
}

// writeDocs writes documents whose Document nodes are merged: meetings and
// references, re-resolution of the buckets of their full meetings,
// commitments, then the chains of every commitment that changed, each step
// one statement for all of them. existing[k] is what the graph held of
// rows[k]'s commitments; existing is nil when every document is new (its
// Document was created by this transaction), so that none of their
// commitments exists yet. The documents' meetings and
// references are written one document after the other, each seeing those
// before it, so that the results are those of writing them one by one;
// everything after that is a function of the set of documents (see
// schema/README.md). The results lack their status.
func (t *txRun) writeDocs(rows []docRows, existing []map[string]existingCommitment) ([]schema.IngestResult, error) {
	out := make([]schema.IngestResult, len(rows))
	params := make([]any, len(rows))
	index := map[string]int{}
	var withRefs []string
	for k, r := range rows {
		out[k] = schema.IngestResult{DocumentID: r.docID, CommitmentIDs: r.ids}
		index[r.docID] = k
		via, refs := "", r.refs
		if r.meeting.partial {
			via = r.docID
		}
		if refs == nil {
			refs = []any{}
		} else {
			withRefs = append(withRefs, r.docID)
		}
		params[k] = map[string]any{"doc": r.docID, "m": r.meeting.params, "partial": r.meeting.partial, "refs": refs, "via": via}
	}
	recs, err := t.collectFor(nil, "meeting", meetingsQ, map[string]any{"docs": params})
	if err != nil {
		return nil, err
	}
	if len(recs) != len(rows) {
		return nil, fmt.Errorf("meeting: %d records for %d documents", len(recs), len(rows))
	}
	meeting := make([]string, len(rows)) // where each document's commitments go
	var full []string
	seenFull := map[string]bool{}
	for _, rec := range recs {
		doc, err := recordString(rec, "doc")
		if err != nil {
			return nil, fmt.Errorf("meeting: %w", err)
		}
		k, ok := index[doc]
		if !ok {
			return nil, fmt.Errorf("meeting: unknown document %s", doc)
		}
		if out[k].MeetingID, err = recordString(rec, "id"); err != nil {
			return nil, fmt.Errorf("meeting: %w", err)
		}
		meeting[k] = out[k].MeetingID
		isFull, err := recordBool(rec, "full")
		if err != nil {
			return nil, fmt.Errorf("meeting: %w", err)
		}
		if isFull && !seenFull[out[k].MeetingID] {
			seenFull[out[k].MeetingID] = true
			full = append(full, out[k].MeetingID)
		}
		if out[k].References, err = recordStrings(rec, "targets"); err != nil {
			return nil, fmt.Errorf("meeting: %w", err)
		}
		if len(out[k].References) == 0 {
			out[k].References = nil
		}
	}
	if err := t.after(t.docs, "meeting"); err != nil {
		return nil, err
	}
	if err := t.after(withRefs, "references"); err != nil {
		return nil, err
	}

	// A readout that gives its meeting's day may change which meeting the
	// partial mentions of its bucket resolve to, readouts of this batch
	// included.
	var moved []string
	if len(full) > 0 {
		var movedDocs map[string]string
		if moved, movedDocs, err = t.resolveBucket(full); err != nil {
			return nil, err
		}
		for doc, m := range movedDocs {
			if k, ok := index[doc]; ok {
				meeting[k] = m
			}
		}
	}

	// New documents' commitments are looked up before they are written
	// (see unwrittenChains), unless a document names one span twice: its
	// rows then merge into one node.
	var early map[string]chainInfo
	if existing == nil && !slices.ContainsFunc(rows, func(r docRows) bool { return hasRepeats(r.ids) }) {
		if early, err = t.unwrittenChains(rows, meeting); err != nil {
			return nil, err
		}
	}
	if err := t.writeCommitments(rows, meeting, existing == nil); err != nil {
		return nil, err
	}

	// Commitments whose chains must be recomputed: new ones, ones whose
	// labels changed, ones that moved to another meeting; and those that
	// their documents no longer have.
	var changed, stale []string
	fresh := map[string]bool{}
	for k, r := range rows {
		var old map[string]existingCommitment
		if existing != nil {
			old = existing[k]
		}
		wanted := map[string]bool{}
		for _, row := range r.commitments {
			row := row.(map[string]any)
			id := row["id"].(string)
			wanted[id] = true
			if o, ok := old[id]; !ok || !o.same(row["props"].(map[string]any)) {
				changed = append(changed, id)
				fresh[id] = !ok
			}
		}
		for id := range old {
			if !wanted[id] {
				stale = append(stale, id)
			}
		}
	}
	slices.Sort(stale)
	if err := t.track(changed, fresh, moved, stale, early); err != nil {
		return nil, err
	}
	return out, nil
}

// documentSet completes MERGE (d:Document {id: doc.id}): metadata keeps the
// least value seen, so that it does not depend on arrival order.
const documentSet = `
SET d.title = CASE WHEN doc.title IS NULL THEN d.title WHEN d.title IS NULL OR doc.title < d.title THEN doc.title ELSE d.title END,
    d.source_url = CASE WHEN doc.source_url IS NULL THEN d.source_url WHEN d.source_url IS NULL OR doc.source_url < d.source_url THEN doc.source_url ELSE d.source_url END,
    d.published = CASE WHEN doc.published IS NULL THEN d.published WHEN d.published IS NULL OR doc.published < d.published THEN doc.published ELSE d.published END,
    d.source = CASE WHEN doc.source IS NULL THEN d.source WHEN d.source IS NULL OR doc.source < d.source THEN doc.source ELSE d.source END,
    d.text = CASE WHEN doc.text IS NULL THEN d.text WHEN d.text IS NULL OR doc.text < d.text THEN doc.text ELSE d.text END`

// documentQ takes the write locks of the document's countries
// (lockCountriesQ), then it merges the Document and returns whether it is
// new and what the graph already holds of it, so that a re-ingest can tell
// new commitments from known ones.
const documentQ = replanSkip + `
CALL {` + lockCountriesQ + `
}
WITH $doc AS doc
OPTIONAL MATCH (old:Document {id: doc.id})
WITH doc, old IS NULL AS new
MERGE (d:Document {id: doc.id})` + documentSet + `
WITH new, d
OPTIONAL MATCH (c:Commitment)-[:SOURCED_FROM]->(d)
RETURN new, c.id AS id, c.scope AS scope, c.topics AS topics, c.entity_ids AS entity_ids, c.terms AS terms`

// documentsQ takes the write locks of a batch's countries, then merges its
// Documents and says which of them are new.
const documentsQ = replanSkip + `
CALL {` + lockCountriesQ + `
}
UNWIND $docs AS doc
OPTIONAL MATCH (old:Document {id: doc.id})
WITH doc, old IS NULL AS new
MERGE (d:Document {id: doc.id})` + documentSet + `
RETURN doc.id AS id, new`

// writeCommitments writes the commitments of documents rows, whose
// commitments go to meetings meeting[k]. The commitments of a new document
// are new nodes (their ids hash the document's id), so when allNew they are
// created, not merged, and the nodes they share (entities, speakers,
// topics) are merged once for the batch from rows combined here. Merged
// as a re-ingested document's are: those of a document that names one span
// twice (two rows, one id), and those of a document that touches no
// country. "New" is read before the Document is merged, and only the
// country locks taken before that read keep a second writer of the same
// document from reading it as new too while the first has not committed.
func (t *txRun) writeCommitments(rows []docRows, meeting []string, allNew bool) error {
	var created, merged []any
	var createdDocs, mergedDocs []string
	for k, r := range rows {
		if len(r.commitments) == 0 {
			continue
		}
		d := map[string]any{"doc": r.docID, "meeting": meeting[k], "rows": r.commitments}
		if allNew && len(r.countries) > 0 && !hasRepeats(r.ids) {
			created, createdDocs = append(created, d), append(createdDocs, r.docID)
		} else {
			merged, mergedDocs = append(merged, d), append(mergedDocs, r.docID)
		}
	}
	if len(created) > 0 {
		params := sharedNodes(created)
		params["docs"] = created
		if _, err := t.collectFor(createdDocs, "commitments", createCommitmentsQ, params); err != nil {
			return err
		}
	}
	if len(merged) > 0 {
		if _, err := t.collectFor(mergedDocs, "commitments", commitmentsQ, map[string]any{"docs": merged}); err != nil {
			return err
		}
	}
	return nil
}

// hasRepeats says whether ids holds an id twice.
func hasRepeats(ids []string) bool {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			return true
		}
		seen[id] = true
	}
	return false
}

// sharedNodes combines the entities, speakers and topics of the
// commitments of docs (createCommitmentsQ's $docs) into one row per node,
// as merging every row one after the other would leave them: the least
// name and the sorted union of aliases (the other properties follow from
// the id).
func sharedNodes(docs []any) map[string]any {
	type shared struct {
		row     map[string]any
		aliases [][]string
	}
	entities, speakers := map[string]*shared{}, map[string]*shared{}
	var entityIDs, speakerIDs []string
	topics := map[string]bool{}
	add := func(m map[string]*shared, ids *[]string, row map[string]any) {
		id := row["id"].(string)
		sh, ok := m[id]
		if !ok {
			sh = &shared{row: map[string]any{}}
			for k, v := range row {
				if k != "track" { // the commitment's, not the entity's
					sh.row[k] = v
				}
			}
			m[id] = sh
			*ids = append(*ids, id)
		} else if row["name"].(string) < sh.row["name"].(string) {
			sh.row["name"] = row["name"]
		}
		sh.aliases = append(sh.aliases, row["aliases"].([]string))
	}
	for _, d := range docs {
		for _, c := range d.(map[string]any)["rows"].([]any) {
			c := c.(map[string]any)
			for _, e := range c["entities"].([]any) {
				add(entities, &entityIDs, e.(map[string]any))
			}
			if sp, ok := c["speaker"].(map[string]any); ok {
				add(speakers, &speakerIDs, sp)
			}
			for _, tp := range c["topics"].([]string) {
				topics[tp] = true
			}
		}
	}
	rowsOf := func(m map[string]*shared, ids []string) []any {
		slices.Sort(ids)
		out := make([]any, 0, len(ids))
		for _, id := range ids {
			sh := m[id]
			sh.row["aliases"] = sortedSet(sh.aliases...)
			out = append(out, sh.row)
		}
		return out
	}
	return map[string]any{"entities": rowsOf(entities, entityIDs), "speakers": rowsOf(speakers, speakerIDs), "topics": sortedKeys(topics)}
}

// mergeEntity merges entity e as node n: kind and key follow from its id,
// the name is the least seen and the aliases the sorted union (the
// same-value SET of the key takes the node's lock before its aliases are
// read). An Entity's second label comes from its kind, and only from the
// schema.EntityKinds listed here (TestEntityKindLabels keeps them in step).
const mergeEntity = `
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
  WITH n, e, n.aliases AS old, e.aliases AS add` + sortedUnion + `
  SET n.aliases = merged, n.name = CASE WHEN e.name < n.name THEN e.name ELSE n.name END`

// mergeSpeaker merges person sp ({id, key, name, aliases}: a speaker, or
// a participant in mergePeople) as node p: the name is the least seen and
// the aliases the sorted union (the same-value SET of the key takes the
// node's lock before its aliases are read).
const mergeSpeaker = `
  MERGE (p:Person {id: sp.id})
  ON CREATE SET p.key = sp.key, p.name = sp.name
  SET p.key = sp.key
  WITH p, sp, p.aliases AS old, sp.aliases AS add` + sortedUnion + `
  SET p.aliases = merged, p.name = CASE WHEN sp.name < p.name THEN sp.name ELSE p.name END`

// sortedUnion is a subquery that returns as merged the sorted, distinct
// union of list old (null: empty) and add (a list or one value): how a
// node's list property takes what a row adds, the same whatever the order
// the rows arrive in.
const sortedUnion = `
  CALL (old, add) {
    UNWIND coalesce(old, []) + add AS x
    WITH DISTINCT x ORDER BY x
    RETURN collect(x) AS merged
  }`

// createCommitmentsQ writes the commitments of new documents $docs (as
// commitmentsQ takes them): first the nodes they share, once each
// ($entities, $speakers, $topics: sharedNodes), then each commitment and
// its relationships with CREATE, since none of them exists (each row's
// entities, keys, topics and countries are distinct).
const createCommitmentsQ = replanSkip + `
CALL {
  UNWIND $entities AS e` + mergeEntity + `
}
CALL {
  UNWIND $speakers AS sp` + mergeSpeaker + `
}
CALL {
  UNWIND $topics AS slug
  MERGE (:Topic {slug: slug})
}
UNWIND $docs AS doc
MATCH (d:Document {id: doc.doc}), (m:Meeting {id: doc.meeting})
UNWIND doc.rows AS row
CREATE (c:Commitment)
SET c = row.props, c.meeting_id = m.id, c.date = m.date, c.ord = m.date + '|' + m.id,
    c.first_stated = m.date, c.times_stated = 1
CREATE (c)-[:SOURCED_FROM {start: row.start, end: row.end}]->(d)
CREATE (c)-[:STATED_AT]->(m)
WITH c, row
CALL {
  WITH c, row
  UNWIND row.actors AS code
  MATCH (k:Country {code: code})
  CREATE (c)-[:MADE_BY]->(k)
}
CALL {
  WITH c, row
  UNWIND row.toward AS code
  MATCH (k:Country {code: code})
  CREATE (c)-[:TOWARD]->(k)
}
CALL {
  WITH c, row
  UNWIND row.keys AS k
  CREATE (c)-[:MATCH_KEY {key: k, ord: c.ord}]->(c)
}
CALL {
  WITH c, row
  UNWIND row.topics AS slug
  MATCH (tp:Topic {slug: slug})
  CREATE (c)-[:ON_TOPIC]->(tp)
}
CALL {
  WITH c, row
  UNWIND row.entities AS e
  MATCH (n:Entity {id: e.id})
  CREATE (c)-[:CONCERNS {track: e.track, ord: c.ord}]->(n)
}
CALL {
  WITH c, row
  WITH c, row WHERE row.speaker IS NOT NULL
  MATCH (p:Person {id: row.speaker.id})
  CREATE (c)-[:STATED_BY]->(p)
}`

// commitmentsQ merges the commitments of documents $docs ({doc, meeting,
// rows}) and their relationships: the path of re-ingested documents.
const commitmentsQ = replanSkip + `
UNWIND $docs AS doc
MATCH (d:Document {id: doc.doc}), (m:Meeting {id: doc.meeting})
UNWIND doc.rows AS row
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
  CALL {
    WITH e` + mergeEntity + `
    RETURN n
  }
  MERGE (c)-[r:CONCERNS]->(n)
  SET r.track = e.track, r.ord = c.ord
}
CALL {
  WITH c, row
  WITH c, row.speaker AS sp WHERE sp IS NOT NULL
  CALL {
    WITH sp` + mergeSpeaker + `
    RETURN p
  }
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
