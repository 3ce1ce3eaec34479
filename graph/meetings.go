package graph

import "fmt"

// Meeting identity and resolution (schema/README.md, "Meetings").
//
// A readout that gives its meeting's day and at least two parties
// identifies the meeting: its id is a hash of the sorted parties and the
// day, so the two sides' readouts of one meeting land on one node whatever
// they say about the place, and the same parties meeting on two days are two
// nodes. Such "full" meetings are described (place, participants, summit,
// venue) by these readouts only.
//
// Everything else that names a meeting is a mention: a reference ("talks in
// Xi'an in May last year": parties, a date at some precision, maybe a city),
// or a readout that gives no day. A mention resolves to the unique full
// meeting with the same parties whose day its date covers and whose places
// (from its readouts) include its city, if it names one and the meeting has
// any; with none or several candidates it resolves to its placeholder, a
// Meeting keyed by the mention (partial: true), from_reference unless a
// readout reports it. A mention never describes the full meeting it joins,
// so the candidates of a mention depend only on the full readouts; every
// write of a full readout re-resolves the mentions of its bucket (same
// parties, same year), so the graph depends on the set of documents, not on
// their order.

// resolveMention sets target to the meeting mention x, made by meeting src
// ("" for a readout's own meeting), resolves to. A meeting is never a
// candidate for its own references. A full meeting's places are read from
// its place_ids (the ids of its HELD_IN places, sorted, which meetingBody
// keeps with them): a property read rather than a walk over the meeting's
// relationships, which made this the batched writer's costliest check.
// The candidates come from the index on Meeting (bucket, date), by date
// prefix, and the search stops at a second one: only "none, one or
// several" matters, and a year's mention in a busy bucket has dozens
// (re-resolving read every meeting of the bucket for each of hundreds of
// mentions per batch at 10,000 documents).
const resolveMention = `
CALL {
  WITH x, src
  WITH x, CASE WHEN x.date IS NULL THEN [] ELSE COLLECT {
    MATCH (g:Meeting) USING INDEX SEEK g:Meeting(bucket, date)
    WHERE g.bucket = x.bucket AND g.date STARTS WITH x.date
      AND NOT g.partial AND g.id <> src AND g.parties_key = x.parties_key
      AND (x.place_id IS NULL OR g.place_ids IS NULL OR x.place_id IN g.place_ids)
    RETURN g.id LIMIT 2
  } END AS ids
  RETURN CASE WHEN size(ids) = 1 THEN ids[0] ELSE x.ref_id END AS target
}`

// placeholderSet completes MERGE (n:Meeting {id: target}): a new placeholder
// takes its description from mention x.
const placeholderSet = `
ON CREATE SET n.key = x.key, n.partial = true, n.from_reference = true,
    n.parties_key = x.parties_key, n.parties = CASE x.parties_key WHEN '' THEN [] ELSE split(x.parties_key, '-') END,
    n.bucket = x.bucket, n.date = x.date, n.date_precision = x.date_precision,
    n.year = toInteger(left(x.date, 4)), n.city = x.city, n.place_id = x.place_id`

// placeholderEdges gives placeholder n its parties and place from mention x.
const placeholderEdges = `
CALL {
  WITH n
  WITH n WHERE n.partial
  UNWIND n.parties AS code
  MATCH (c:Country {code: code})
  MERGE (n)-[:HAS_PARTY]->(c)
}
CALL {
  WITH n, x
  WITH n, x WHERE n.partial AND x.place_id IS NOT NULL
  MERGE (p:Place {id: x.place_id})
  SET p.name = CASE WHEN p.name IS NULL OR x.city < p.name THEN x.city ELSE p.name END,
      p.country = CASE WHEN x.country IS NULL THEN p.country WHEN p.country IS NULL OR x.country < p.country THEN x.country ELSE p.country END
  MERGE (n)-[:HELD_IN]->(p)
  WITH p, x WHERE x.country IS NOT NULL
  MATCH (c:Country {code: x.country})
  MERGE (p)-[:IN]->(c)
}`

// mergePeople merges the document's participants (mp.participants) as
// Person nodes with their spellings (mergeSpeaker) and the country they
// represent.
const mergePeople = `
CALL (mp) {
  UNWIND mp.participants AS sp` + mergeSpeaker + `
  WITH p, sp WHERE sp.country IS NOT NULL
  MATCH (c:Country {code: sp.country})
  MERGE (p)-[:REPRESENTS]->(c)
}`

// meetingBody merges the meeting a readout with a day reports (or a summit,
// or a meeting known only to this document), described by mp (the
// meetingRows params) for document docID, with its parties, place, summit
// and participants; m is the meeting. Descriptive properties keep the least
// value seen, so two readouts' descriptions combine the same way in any
// order.
const meetingBody = mergePeople + `
MERGE (m:Meeting {id: mp.id})
ON CREATE SET m += mp.props
SET m.from_reference = false,
    m.date = CASE WHEN m.date IS NULL OR (m.key STARTS WITH 'summit|' AND mp.props.date < m.date) THEN mp.props.date ELSE m.date END,
    m.city = CASE WHEN mp.city IS NULL THEN m.city WHEN m.city IS NULL OR mp.city < m.city THEN mp.city ELSE m.city END,
    m.country = CASE WHEN mp.country IS NULL THEN m.country WHEN m.country IS NULL OR mp.country < m.country THEN mp.country ELSE m.country END,
    m.venue = CASE WHEN mp.venue IS NULL THEN m.venue WHEN m.venue IS NULL OR mp.venue < m.venue THEN mp.venue ELSE m.venue END,
    m.occasion = CASE WHEN mp.occasion IS NULL THEN m.occasion WHEN m.occasion IS NULL OR mp.occasion < m.occasion THEN mp.occasion ELSE m.occasion END,
    m.kind = CASE WHEN mp.kind IS NULL THEN m.kind WHEN m.kind IS NULL OR mp.kind < m.kind THEN mp.kind ELSE m.kind END
SET m.date_precision = CASE size(m.date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END,
    m.year = toInteger(left(m.date, 4))
WITH m, mp, docID, m.parties AS old, mp.props.parties AS add` + sortedUnion + `
SET m.parties = merged
WITH m, mp, docID
MATCH (d:Document {id: docID})
MERGE (d)-[:REPORTS]->(m)
WITH m, mp
CALL (m, mp) {
  UNWIND mp.props.parties AS code
  MATCH (c:Country {code: code})
  MERGE (m)-[:HAS_PARTY]->(c)
}
CALL (m, mp) {
  WITH m, mp WHERE mp.place IS NOT NULL
  MERGE (p:Place {id: mp.place.id})
  SET p.name = CASE WHEN p.name IS NULL OR mp.place.name < p.name THEN mp.place.name ELSE p.name END,
      p.country = CASE WHEN mp.place.country IS NULL THEN p.country WHEN p.country IS NULL OR mp.place.country < p.country THEN mp.place.country ELSE p.country END
  MERGE (m)-[:HELD_IN]->(p)
  WITH m, p, mp, m.place_ids AS old, mp.place.id AS add` + sortedUnion + `
  SET m.place_ids = merged
  WITH p, mp WHERE mp.place.country IS NOT NULL
  MATCH (c:Country {code: mp.place.country})
  MERGE (p)-[:IN]->(c)
}
CALL (m, mp) {
  WITH m, mp WHERE mp.summit IS NOT NULL AND mp.summit.id <> m.id
  MERGE (s:Meeting {id: mp.summit.id})
  ON CREATE SET s += mp.summit.props
  SET s.date = CASE WHEN s.date IS NULL OR mp.summit.date < s.date THEN mp.summit.date ELSE s.date END
  SET s.date_precision = CASE size(s.date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END
  MERGE (m)-[:DURING]->(s)
}
CALL (m, mp) {
  UNWIND mp.participants AS pp
  MATCH (p:Person {id: pp.id})
  MERGE (p)-[a:ATTENDED]->(m)
  SET a.role = CASE WHEN pp.role IS NULL THEN a.role WHEN a.role IS NULL OR pp.role < a.role THEN pp.role ELSE a.role END,
      a.principal = coalesce(a.principal, false) OR pp.principal
}`

// partialMeetingBody attaches a readout without a day (mp, docID, as in
// meetingBody) to the meeting n its mention resolves to. The REPORTS
// relationship keeps the mention (and the participants, who do not describe
// a meeting they may later leave).
const partialMeetingBody = mergePeople + `
WITH mp, docID, mp.mention AS x, '' AS src
` + resolveMention + `
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH n, x, mp, docID
` + placeholderEdges + `
SET n.from_reference = false
WITH n, x, mp, docID
MATCH (d:Document {id: docID})
MERGE (d)-[r:REPORTS]->(n)
SET r += x, r.persons = [pp IN mp.participants | pp.id]`

// referencesBody links meeting meetingID to each meeting its references
// (refs) refer to; n is the target. REFERS_TO keeps the mention so that
// resolveBucket can move it; via is "" for a readout with a day and the
// document's id for one without, whose references move with it.
const referencesBody = `
MATCH (m:Meeting {id: meetingID})
UNWIND refs AS r
WITH m, via, r.mention AS x, m.id AS src
` + resolveMention + `
WITH m, via, x, target WHERE target <> m.id
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH m, via, x, n
` + placeholderEdges + `
MERGE (m)-[e:REFERS_TO {key: x.key, via: via}]->(n)
ON CREATE SET e += x`

// meetingsQ writes the meetings and references of documents $docs
// (meetingParams), one document after the other: each execution of the
// subquery sees the writes of the ones before it, as if each document were
// written alone, in order. It returns each document's meeting, whether that
// is a full meeting, and the meetings its references resolved to.
const meetingsQ = replanSkip + `
UNWIND $docs AS row
CALL (row) {
  CALL (row) {
    WITH row, row.m AS mp, row.doc AS docID WHERE NOT row.partial
` + meetingBody + `
    RETURN m.id AS id, (m.bucket IS NOT NULL AND NOT m.partial) AS full
    UNION
    WITH row, row.m AS mp, row.doc AS docID WHERE row.partial
` + partialMeetingBody + `
    RETURN n.id AS id, false AS full
  }
  CALL (row, id) {
    WITH row, id AS meetingID, row.refs AS refs, row.via AS via
` + referencesBody + `
    RETURN collect(n.id) AS targets
  }
  RETURN id, full, targets
}
RETURN row.doc AS doc, id, full, targets`

// resolveBucket re-resolves the mentions in the buckets of full meetings
// meetingIDs (in order, each as if written alone), now that readouts have
// written them, deletes the placeholders no mention resolves to any more,
// and returns the commitments whose meeting changed and, for each document
// whose readout moved, the meeting it now reports. Only mentions whose date
// covers a meeting's day can have it as a candidate, before or after this
// write (its places are the only other thing that changed), so only those
// are looked at: the work stays small in a busy bucket.
func (t *txRun) resolveBucket(meetingIDs []string) (moved []string, movedDocs map[string]string, err error) {
	recs, err := t.collect("re-resolve", resolveBucketQ, map[string]any{"meetings": meetingIDs})
	if err != nil {
		return nil, nil, err
	}
	movedDocs = map[string]string{}
	for _, rec := range recs {
		ids, err := recordStrings(rec, "moved")
		if err != nil {
			return nil, nil, fmt.Errorf("re-resolve: %w", err)
		}
		moved = append(moved, ids...)
		pairs, err := recordStrings(rec, "moved_docs")
		if err != nil {
			return nil, nil, fmt.Errorf("re-resolve: %w", err)
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			movedDocs[pairs[i]] = pairs[i+1]
		}
	}
	return moved, movedDocs, nil
}

// resolveBucketQ runs the three steps of resolveBucket in one statement,
// one meeting after the other.
const resolveBucketQ = replanSkip + `
UNWIND $meetings AS mid
CALL (mid) {
  MATCH (f:Meeting {id: mid})
  CALL {
    WITH f
` + retargetReferences + `
  }
  CALL {
    WITH f
` + retargetReadouts + `
  }
  CALL {
    WITH f
` + dropPlaceholders + `
  }
  RETURN reduce(all = [], l IN movedLists | all + l) AS moved,
         reduce(all = [], l IN movedDocs | all + l) AS moved_docs
}
RETURN moved, moved_docs`

// retargetReferences moves each reference into a meeting of the bucket
// whose answer changed: to the meeting that is now its unique candidate, or,
// when a second candidate appeared, to its placeholder (never one node for
// two meetings).
const retargetReferences = `
MATCH (s:Meeting)-[e:REFERS_TO {bucket: f.bucket}]->(t:Meeting)
WHERE f.date STARTS WITH e.date
WITH s, e, t, properties(e) AS x, s.id AS src
` + resolveMention + `
WITH s, e, t, x, target WHERE target <> t.id AND target <> s.id
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH s, e, x, n
` + placeholderEdges + `
MERGE (s)-[e2:REFERS_TO {key: x.key, via: x.via}]->(n)
ON CREATE SET e2 += x
DELETE e`

// retargetReadouts does the same for readouts without a day: the
// document's REPORTS, its commitments and its references move. Their
// REPORTS keep the mention, bucket and date included, and come from the
// index on REPORTS (bucket, date) as dropPlaceholders' placeholders do,
// rather than from every REPORTS of every meeting in the bucket.
const retargetReadouts = `
MATCH (d:Document)-[r:REPORTS]->(t:Meeting) USING INDEX SEEK r:REPORTS(bucket, date)
WHERE r.bucket = f.bucket AND r.date IN [left(f.date, 4), left(f.date, 7), f.date]
  AND t.bucket = f.bucket AND r.key IS NOT NULL AND f.date STARTS WITH r.date
WITH d, r, t, properties(r) AS x, '' AS src
` + resolveMention + `
WITH d, r, t, x, target WHERE target <> t.id
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH d, r, t, x, n
` + placeholderEdges + `
SET n.from_reference = false
MERGE (d)-[r2:REPORTS]->(n)
SET r2 += x
DELETE r
WITH d, t, n
CALL {
  WITH d, t, n
  OPTIONAL MATCH (d)<-[:SOURCED_FROM]-(c:Commitment)-[s:STATED_AT]->(t)
  WITH n, s, c WHERE c IS NOT NULL
  MERGE (c)-[:STATED_AT]->(n)
  // Tracking recomputes first_stated of the commitments it tracks; the
  // others' is their date.
  SET c.meeting_id = n.id, c.date = n.date, c.ord = n.date + '|' + n.id,
      c.first_stated = CASE WHEN c.scope = '' THEN n.date ELSE c.first_stated END
  DELETE s
  WITH c
  CALL {
    WITH c
    MATCH (c)-[r:CONCERNS]->(:Entity)
    SET r.ord = c.ord
  }
  CALL {
    WITH c
    MATCH (c)-[r:MATCH_KEY]->(c)
    SET r.ord = c.ord
  }
  RETURN collect(c.id) AS moved
}
CALL {
  // The document's references move with it, and resolve again: a meeting
  // is never a candidate for its own references.
  WITH d, t, n
  MATCH (t)-[e:REFERS_TO {via: d.id}]->(old:Meeting)
  WITH n AS source, e, old, properties(e) AS x, n.id AS src
` + resolveMention + `
  CALL {
    WITH source, x, target
    WITH source, x, target WHERE target <> source.id
    MERGE (n:Meeting {id: target})
` + placeholderSet + `
    WITH source, x, n
` + placeholderEdges + `
    MERGE (source)-[e2:REFERS_TO {key: x.key, via: x.via}]->(n)
    ON CREATE SET e2 += x
  }
  DELETE e
  WITH old WHERE old.partial AND NOT EXISTS { (:Meeting)-[:REFERS_TO]->(old) } AND NOT EXISTS { (:Document)-[:REPORTS]->(old) }
  DETACH DELETE old
}
RETURN collect(moved) AS movedLists, collect([d.id, n.id]) AS movedDocs`

// dropPlaceholders deletes the bucket's placeholders that nothing resolves
// to any more, and marks the others known from references when no readout
// reports them. Only those whose date covers the meeting's day can have
// changed: the year, month and day of f's date, three index seeks.
const dropPlaceholders = `
MATCH (n:Meeting) USING INDEX SEEK n:Meeting(bucket, date)
WHERE n.bucket = f.bucket AND n.date IN [left(f.date, 4), left(f.date, 7), f.date]
  AND n.partial = true AND f.date STARTS WITH n.date
WITH n, EXISTS { (:Document)-[:REPORTS]->(n) } AS reported, EXISTS { (:Meeting)-[:REFERS_TO]->(n) } AS referred
SET n.from_reference = NOT reported
WITH n, reported, referred WHERE NOT reported AND NOT referred
DETACH DELETE n`
