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
// candidate for its own references.
const resolveMention = `
CALL {
  WITH x, src
  OPTIONAL MATCH (g:Meeting {bucket: x.bucket, partial: false})
  WHERE x.date IS NOT NULL AND g.id <> src AND g.parties_key = x.parties_key AND g.date STARTS WITH x.date
    AND (x.place_id IS NULL OR NOT EXISTS { (g)-[:HELD_IN]->(:Place) }
         OR EXISTS { (g)-[:HELD_IN]->(:Place {id: x.place_id}) })
  WITH x, collect(g.id) AS ids
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

// mergePeople merges the document's participants ($m.participants) as
// Person nodes with their spellings and the country they represent. The
// same-value SET takes the node's lock before its aliases are read.
const mergePeople = `
CALL {
  UNWIND $m.participants AS pp
  MERGE (p:Person {id: pp.id})
  ON CREATE SET p.key = pp.key, p.name = pp.name
  SET p.key = pp.key
  WITH p, pp
  CALL {
    WITH p, pp
    UNWIND coalesce(p.aliases, []) + pp.aliases AS a
    WITH DISTINCT a ORDER BY a
    RETURN collect(a) AS aliases
  }
  SET p.aliases = aliases, p.name = CASE WHEN pp.name < p.name THEN pp.name ELSE p.name END
  WITH p, pp WHERE pp.country IS NOT NULL
  MATCH (c:Country {code: pp.country})
  MERGE (p)-[:REPRESENTS]->(c)
}`

// meetingQ merges the meeting a readout with a day reports (or a summit, or
// a meeting known only to this document) with its parties, place, summit
// and participants. Descriptive properties keep the least value seen, so
// two readouts' descriptions combine the same way in any order.
const meetingQ = mergePeople + `
MERGE (m:Meeting {id: $m.id})
ON CREATE SET m += $m.props
SET m.from_reference = false,
    m.date = CASE WHEN m.date IS NULL OR (m.key STARTS WITH 'summit|' AND $m.props.date < m.date) THEN $m.props.date ELSE m.date END,
    m.city = CASE WHEN $m.city IS NULL THEN m.city WHEN m.city IS NULL OR $m.city < m.city THEN $m.city ELSE m.city END,
    m.country = CASE WHEN $m.country IS NULL THEN m.country WHEN m.country IS NULL OR $m.country < m.country THEN $m.country ELSE m.country END,
    m.venue = CASE WHEN $m.venue IS NULL THEN m.venue WHEN m.venue IS NULL OR $m.venue < m.venue THEN $m.venue ELSE m.venue END,
    m.occasion = CASE WHEN $m.occasion IS NULL THEN m.occasion WHEN m.occasion IS NULL OR $m.occasion < m.occasion THEN $m.occasion ELSE m.occasion END,
    m.kind = CASE WHEN $m.kind IS NULL THEN m.kind WHEN m.kind IS NULL OR $m.kind < m.kind THEN $m.kind ELSE m.kind END
SET m.date_precision = CASE size(m.date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END,
    m.year = toInteger(left(m.date, 4))
WITH m
CALL {
  WITH m
  UNWIND coalesce(m.parties, []) + $m.props.parties AS p
  WITH DISTINCT p ORDER BY p
  RETURN collect(p) AS parties
}
SET m.parties = parties
WITH m
MATCH (d:Document {id: $doc})
MERGE (d)-[:REPORTS]->(m)
WITH m
CALL {
  WITH m
  UNWIND $m.props.parties AS code
  MATCH (c:Country {code: code})
  MERGE (m)-[:HAS_PARTY]->(c)
}
CALL {
  WITH m
  WITH m WHERE $m.place IS NOT NULL
  MERGE (p:Place {id: $m.place.id})
  SET p.name = CASE WHEN p.name IS NULL OR $m.place.name < p.name THEN $m.place.name ELSE p.name END,
      p.country = CASE WHEN $m.place.country IS NULL THEN p.country WHEN p.country IS NULL OR $m.place.country < p.country THEN $m.place.country ELSE p.country END
  MERGE (m)-[:HELD_IN]->(p)
  WITH p WHERE $m.place.country IS NOT NULL
  MATCH (c:Country {code: $m.place.country})
  MERGE (p)-[:IN]->(c)
}
CALL {
  WITH m
  WITH m WHERE $m.summit IS NOT NULL AND $m.summit.id <> m.id
  MERGE (s:Meeting {id: $m.summit.id})
  ON CREATE SET s += $m.summit.props
  SET s.date = CASE WHEN s.date IS NULL OR $m.summit.date < s.date THEN $m.summit.date ELSE s.date END
  SET s.date_precision = CASE size(s.date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END
  MERGE (m)-[:DURING]->(s)
}
CALL {
  WITH m
  UNWIND $m.participants AS pp
  MATCH (p:Person {id: pp.id})
  MERGE (p)-[a:ATTENDED]->(m)
  SET a.role = CASE WHEN pp.role IS NULL THEN a.role WHEN a.role IS NULL OR pp.role < a.role THEN pp.role ELSE a.role END,
      a.principal = coalesce(a.principal, false) OR pp.principal
}
RETURN m.id AS id, (m.bucket IS NOT NULL AND NOT m.partial) AS full`

// partialMeetingQ attaches a readout without a day to the meeting its
// mention resolves to. The REPORTS relationship keeps the mention (and the
// participants, who do not describe a meeting they may later leave).
const partialMeetingQ = mergePeople + `
WITH $m.mention AS x, '' AS src
` + resolveMention + `
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH n, x
` + placeholderEdges + `
SET n.from_reference = false
WITH n, x
MATCH (d:Document {id: $doc})
MERGE (d)-[r:REPORTS]->(n)
SET r += x, r.persons = [pp IN $m.participants | pp.id]
RETURN n.id AS id, false AS full`

// referencesQ links the document's meeting to each meeting it refers to.
// REFERS_TO keeps the mention so that resolveBucket can move it; $via is ""
// for a readout with a day and the document's id for one without, whose
// references move with it.
const referencesQ = `
MATCH (m:Meeting {id: $meeting})
UNWIND $refs AS r
WITH m, r.mention AS x, m.id AS src
` + resolveMention + `
WITH m, x, target WHERE target <> m.id
MERGE (n:Meeting {id: target})
` + placeholderSet + `
WITH m, x, n
` + placeholderEdges + `
MERGE (m)-[e:REFERS_TO {key: x.key, via: $via}]->(n)
ON CREATE SET e += x
RETURN n.id AS target`

// resolveBucket re-resolves the mentions in the bucket of full meeting
// $meeting, now that a readout has written it, deletes the placeholders no
// mention resolves to any more, and returns the commitments whose meeting
// changed. Only mentions whose date covers the meeting's day can have it as
// a candidate, before or after this write (its places are the only other
// thing that changed), so only those are looked at: the work stays small in
// a busy bucket.
func (t *txRun) resolveBucket(meetingID string) ([]string, error) {
	recs, err := t.collect("re-resolve", resolveBucketQ, map[string]any{"meeting": meetingID})
	if err != nil {
		return nil, err
	}
	var moved []string
	for _, rec := range recs {
		ids, err := recordStrings(rec, "moved")
		if err != nil {
			return nil, fmt.Errorf("re-resolve: %w", err)
		}
		moved = append(moved, ids...)
	}
	return moved, nil
}

// resolveBucketQ runs the three steps of resolveBucket in one statement.
const resolveBucketQ = `
MATCH (f:Meeting {id: $meeting})
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
RETURN reduce(all = [], l IN movedLists | all + l) AS moved`

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
// document's REPORTS, its commitments and its references move.
const retargetReadouts = `
MATCH (t:Meeting {bucket: f.bucket})<-[r:REPORTS]-(d:Document)
WHERE r.key IS NOT NULL AND f.date STARTS WITH r.date
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
RETURN collect(moved) AS movedLists`

// dropPlaceholders deletes the bucket's placeholders that nothing resolves
// to any more, and marks the others known from references when no readout
// reports them.
const dropPlaceholders = `
MATCH (n:Meeting {bucket: f.bucket, partial: true})
WHERE f.date STARTS WITH n.date
WITH n, EXISTS { (:Document)-[:REPORTS]->(n) } AS reported, EXISTS { (:Meeting)-[:REFERS_TO]->(n) } AS referred
SET n.from_reference = NOT reported
WITH n, reported, referred WHERE NOT reported AND NOT referred
DETACH DELETE n`
