package graph

import (
	"fmt"
	"slices"
	"sort"
)

// Tracking. Two commitments are the same commitment stated twice when they
// were stated at different meetings, by the same parties (actors and
// counterparts together: China's readout has "China will ..." to Kyrgyzstan
// where Kyrgyzstan's has "the two sides agreed ..."), and they concern a
// common entity, or share a top-level topic and their terms have a Jaccard
// index of at least similarText. A commitment REITERATES the similar
// commitments of the latest earlier meeting that has any (meetings ordered by
// date, then id), so a project's statements form a chain through time rather
// than a clique; first_stated is the earliest date among it and every
// earlier similar commitment, and times_stated the number of distinct
// meetings among them. Each value is a function of the set of commitments in
// the graph, not of arrival order, and ingest keeps it so by recomputing it
// for every commitment whose set of earlier similar commitments a write may
// have changed.

// similar is one commitment similar to another, as similarQ returns it.
type similar struct {
	id, date, meeting    string // the commitment asked about
	oid, odate, omeeting string // one commitment similar to it
	by                   string // "entity" or "text"
}

// order is the position of a commitment's meeting in time.
func order(date, meeting string) string { return date + "|" + meeting }

// similarQ returns, for each commitment id, the commitments of other
// meetings similar to it. Candidates sharing an entity come from the
// relationship index on CONCERNS.track ("parties|entity"); candidates with
// similar text from the commitment_match full-text index (prefix filtering,
// see matchPrefix), then the exact Jaccard test. The work is bounded by what
// the same parties said about the same things, not by the size of the
// graph.
const similarQ = `
UNWIND $ids AS id
MATCH (c:Commitment {id: id})
WHERE c.scope <> '' AND c.date IS NOT NULL
CALL {
  WITH c
  UNWIND [e IN c.entity_ids | c.scope + '|' + e] AS k
  MATCH (o:Commitment)-[:CONCERNS {track: k}]->(:Entity)
  RETURN o, 'entity' AS by
  UNION
  WITH c
  WITH c WHERE c.match_keys <> ''
  CALL db.index.fulltext.queryNodes('commitment_match', c.match_keys) YIELD node AS o
  WITH c, o WHERE o.scope = c.scope AND any(t IN o.topics WHERE t IN c.topics)
  WITH c, o, size([w IN o.terms WHERE w IN c.terms]) AS shared
  WHERE shared > 0 AND shared >= $threshold * (size(o.terms) + size(c.terms) - shared)
  RETURN o, 'text' AS by
}
WITH c, o, by
WHERE o.meeting_id <> c.meeting_id AND o.date IS NOT NULL
RETURN c.id AS id, c.date AS date, c.meeting_id AS meeting,
       o.id AS other, o.date AS odate, o.meeting_id AS omeeting, by`

func (t *txRun) similar(ids []string) (map[string][]similar, error) {
	out := map[string][]similar{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := t.collect("similar commitments", similarQ, map[string]any{"ids": ids, "threshold": similarText})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		var s similar
		for _, f := range []struct {
			key string
			dst *string
		}{{"id", &s.id}, {"date", &s.date}, {"meeting", &s.meeting}, {"other", &s.oid},
			{"odate", &s.odate}, {"omeeting", &s.omeeting}, {"by", &s.by}} {
			if *f.dst, err = recordString(rec, f.key); err != nil {
				return nil, fmt.Errorf("similar commitments: %w", err)
			}
		}
		out[s.id] = append(out[s.id], s)
	}
	return out, nil
}

// chainState is what tracking stores on one commitment.
type chainState struct {
	first string
	times int
	links []any // {id, by} of the commitments it REITERATES
}

// chainOf computes the state of a commitment from its similar commitments.
func chainOf(date, meeting string, sims []similar) chainState {
	self := order(date, meeting)
	st := chainState{first: date, times: 1}
	latest := ""
	meetings := map[string]bool{}
	byID := map[string]string{}
	for _, s := range sims {
		o := order(s.odate, s.omeeting)
		if o >= self {
			continue
		}
		meetings[s.omeeting] = true
		if s.odate < st.first {
			st.first = s.odate
		}
		if o > latest {
			latest = o
		}
		if byID[s.oid] != "entity" {
			byID[s.oid] = s.by
		}
	}
	st.times += len(meetings)
	var ids []string
	for _, s := range sims {
		if order(s.odate, s.omeeting) == latest && !slices.Contains(ids, s.oid) {
			ids = append(ids, s.oid)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		st.links = append(st.links, map[string]any{"id": id, "by": byID[id]})
	}
	return st
}

// track recomputes the chains a write may have changed. changed are the
// document's new (or relabelled) commitments, moved those whose meeting
// changed, stale those the document no longer has (deleted here). Affected
// are these and every commitment that may count them among its earlier
// similar ones: the later similar commitments of changed ones, and all
// similar commitments of moved and stale ones (whose position in time
// changed or vanished). Ingesting in date order makes the second set empty.
func (t *txRun) track(changed, moved, stale []string) error {
	affected := map[string]bool{}
	if len(stale) > 0 {
		sims, err := t.similar(stale)
		if err != nil {
			return err
		}
		for _, list := range sims {
			for _, s := range list {
				affected[s.oid] = true
			}
		}
		if _, err := t.collect("delete stale commitments", deleteCommitmentsQ, map[string]any{"ids": stale}); err != nil {
			return err
		}
		for _, id := range stale {
			delete(affected, id)
		}
	}
	first := append(append([]string{}, changed...), moved...)
	simFirst, err := t.similar(first)
	if err != nil {
		return err
	}
	isMoved := map[string]bool{}
	for _, id := range moved {
		isMoved[id] = true
	}
	for id, list := range simFirst {
		for _, s := range list {
			if isMoved[id] || order(s.odate, s.omeeting) > order(s.date, s.meeting) {
				affected[s.oid] = true
			}
		}
	}
	for _, id := range first {
		delete(affected, id)
	}
	var second []string
	for id := range affected {
		second = append(second, id)
	}
	sort.Strings(second)
	simSecond, err := t.similar(second)
	if err != nil {
		return err
	}

	// Commitments without a date or actors have no chain; similarQ returns
	// nothing for them and they keep first_stated = date, times_stated = 1.
	var rows []any
	for _, sims := range []map[string][]similar{simFirst, simSecond} {
		for id, list := range sims {
			st := chainOf(list[0].date, list[0].meeting, list)
			rows = append(rows, map[string]any{"id": id, "first": st.first, "times": st.times, "links": st.links})
		}
	}
	// Commitments with no similar commitment at all: reset, since they may
	// have lost their last one (stale, moved).
	for _, ids := range [][]string{first, second} {
		for _, id := range ids {
			if _, ok := simFirst[id]; ok {
				continue
			}
			if _, ok := simSecond[id]; ok {
				continue
			}
			rows = append(rows, map[string]any{"id": id, "first": nil, "times": 1, "links": []any{}})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].(map[string]any)["id"].(string) < rows[j].(map[string]any)["id"].(string)
	})
	_, err = t.collect("write chains", chainsQ, map[string]any{"rows": rows})
	return err
}

// chainsQ stores computed chain states: first_stated, times_stated and the
// REITERATES relationships, removing those that no longer hold.
const chainsQ = `
UNWIND $rows AS row
MATCH (c:Commitment {id: row.id})
SET c.first_stated = coalesce(row.first, c.date), c.times_stated = row.times
WITH c, row
CALL {
  WITH c, row
  MATCH (c)-[r:REITERATES]->(o:Commitment)
  WHERE NOT o.id IN [l IN row.links | l.id]
  DELETE r
}
CALL {
  WITH c, row
  UNWIND row.links AS l
  MATCH (o:Commitment {id: l.id})
  MERGE (c)-[r:REITERATES]->(o)
  SET r.by = l.by
}`

// deleteCommitmentsQ removes commitments a re-extracted document no longer
// has.
const deleteCommitmentsQ = `
MATCH (c:Commitment) WHERE c.id IN $ids
DETACH DELETE c`
