package graph

import (
	"fmt"
	"sort"
)

// Tracking (schema/README.md, "Tracking commitments").
//
// Two commitments are the same commitment stated twice when they were stated
// at different meetings, by the same parties (actors and counterparts
// together: China's readout has "China will ..." to Kyrgyzstan where
// Kyrgyzstan's has "the two sides agreed ..."), and they concern a common
// entity, or share a top-level topic and their terms have a Jaccard index of
// at least similarText. Meetings are ordered by date, then id: a
// commitment's ord is "date|meeting id".
//
// A commitment REITERATES the similar commitments of the latest earlier
// meeting that has any, so a project's statements form a chain through time.
// Along the chain, first_stated is the earliest date and times_stated the
// number of meetings: first_stated(c) = min(date(c), first_stated of what c
// reiterates) and times_stated(c) = 1 + max(times_stated of what c
// reiterates). All of it is a function of the set of commitments in the
// graph, not of arrival order: a write recomputes the REITERATES of its new
// commitments and of the later ones a new commitment slots in front of, and
// then the values of everything downstream. In date order the later set is
// empty and the work per commitment is an index lookup per entity and one
// full-text lookup.

// target is a similar commitment as restatementsQ reports it.
type target struct {
	id, ord, date, by, first string
	times                    int64
}

// chainInfo is what restatementsQ reports for one commitment.
type chainInfo struct {
	id, ord, date string
	targets       []target // the similar commitments of the latest earlier meeting
	later         []string // later similar commitments whose REITERATES may change
}

// similarTerms is the exact test of similar text between commitments o and
// c, given shared, the number of terms they share: a Jaccard index of at
// least $threshold.
const similarTerms = "shared > 0 AND shared >= $threshold * (size(o.terms) + size(c.terms) - shared)"

// latestReiterated is the ord of the latest commitment o reiterates; the
// empty string for none.
const latestReiterated = "reduce(m = '', p IN [(o)-[:REITERATES]->(x) | x.ord] | CASE WHEN p > m THEN p ELSE m END)"

// restatementsQ finds, for each commitment id, the similar commitments of the
// latest earlier meeting that has any, and, when $later, the later similar
// commitments whose latest earlier similar meeting is not later than this
// one's (they may now reiterate it); a later commitment that is itself one of
// $ids is recomputed anyway, so a text candidate among them is left out
// before it is read. Candidates sharing an entity come from the
// relationship index on CONCERNS (track, ord): the nearest statements about
// the entity by the same parties before and after; candidates with similar
// text from the relationship index on MATCH_KEY (key, ord) (prefix
// filtering, see matchPrefix and matchKeys): per key, the nearest earlier
// commitment that passes the exact Jaccard test, then the candidates at the
// latest such meeting and after. Every index seek is hinted, so that the
// plan does not depend on the graph's statistics and replan=skip keeps it
// (see replanSkip). The hints say SEEK: a plain USING INDEX is also met by a
// scan of the whole index in (track, ord) order, stopped at the first row of
// the track, which the planner chose for the nearest statements about an
// entity before and after (250,000 and 436,000 index rows for 87
// commitments in one batch at 10,000 documents).
const restatementsQ = replanSkip + `
UNWIND $ids AS id
MATCH (c:Commitment {id: id})
WHERE c.scope <> '' AND c.ord IS NOT NULL
CALL {
  WITH c
  UNWIND [e IN c.entity_ids | c.scope + '|' + e] AS k
  OPTIONAL CALL {
    WITH c, k
    MATCH ()-[r:CONCERNS]->() USING INDEX SEEK r:CONCERNS(track, ord)
    WHERE r.track = k AND r.ord < c.ord
    RETURN r.ord AS before ORDER BY r.track DESC, r.ord DESC LIMIT 1
  }
  OPTIONAL CALL {
    WITH c, k
    MATCH ()-[r:CONCERNS]->() USING INDEX SEEK r:CONCERNS(track, ord)
    WHERE r.track = k AND r.ord > c.ord
    RETURN r.ord AS after ORDER BY r.track ASC, r.ord ASC LIMIT 1
  }
  MATCH (o:Commitment)-[r:CONCERNS]->(:Entity) USING INDEX SEEK r:CONCERNS(track, ord)
  WHERE r.track = k AND r.ord IN [before, after]
  RETURN collect(o {.id, .ord, .date, .first_stated, .times_stated, by: 'entity',
                    prev: ` + latestReiterated + `}) AS byEntity
}
CALL {
  WITH c
  // Earlier: for each of c's keys, the nearest earlier commitment that is
  // similar (the index yields them nearest first, and the first to pass the
  // test ends the seek); the latest of these is the meeting c reiterates.
  OPTIONAL CALL {
    WITH c
    MATCH (c)-[ck:MATCH_KEY]->(c)
    CALL {
      WITH c, ck
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = ck.key AND r.ord < c.ord
      WITH c, o, r, size([w IN o.terms WHERE w IN c.terms]) AS shared
      WHERE o.meeting_id <> c.meeting_id AND ` + similarTerms + `
      RETURN r.ord AS found ORDER BY r.key DESC, r.ord DESC LIMIT 1
    }
    RETURN max(found) AS latest
  }
  // Its similar commitments at that meeting, and, when $later, every later
  // similar one that is not itself looked up here (in date order there is
  // none; a batch's commitments are each other's later candidates, and
  // reading them cost more than the rest of the lookup).
  OPTIONAL CALL {
    WITH c, latest
    MATCH (c)-[ck:MATCH_KEY]->(c)
    CALL {
      WITH ck, latest
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = ck.key AND r.ord = latest
      RETURN o
      UNION
      WITH ck, c
      WITH ck, c WHERE $later
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = ck.key AND r.ord > c.ord AND NOT o.id IN $ids
      RETURN o
    }
    WITH DISTINCT c, o
    WITH c, o, size([w IN o.terms WHERE w IN c.terms]) AS shared
    WHERE o.scope = c.scope AND o.meeting_id <> c.meeting_id AND any(t IN o.topics WHERE t IN c.topics)
      AND ` + similarTerms + `
    RETURN collect(o) AS os
  }
  RETURN [o IN coalesce(os, []) |
          o {.id, .ord, .date, .first_stated, .times_stated, by: 'text',
             prev: CASE WHEN o.ord > c.ord THEN ` + latestReiterated + ` END}] AS byText
}
WITH c, [x IN byEntity + byText WHERE x.ord <> c.ord] AS sims
WITH c, sims, reduce(m = '', x IN sims | CASE WHEN x.ord < c.ord AND x.ord > m THEN x.ord ELSE m END) AS latest
RETURN c.id AS id, c.ord AS ord, c.date AS date,
       [x IN sims WHERE x.ord = latest] AS targets,
       [x IN sims WHERE x.ord > c.ord AND x.prev <= c.ord | x.id] AS later`

// chains runs restatementsQ for ids; later says whether to look for the
// later commitments that may now reiterate them.
func (t *txRun) chains(ids []string, later bool) (map[string]chainInfo, error) {
	out := map[string]chainInfo{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := t.collect("similar commitments", restatementsQ, map[string]any{"ids": ids, "threshold": similarText, "later": later})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		var ci chainInfo
		if ci.id, err = recordString(rec, "id"); err == nil {
			if ci.ord, err = recordString(rec, "ord"); err == nil {
				ci.date, err = recordString(rec, "date")
			}
		}
		if err == nil {
			ci.later, err = recordStrings(rec, "later")
		}
		if err == nil {
			ci.targets, err = recordTargets(rec, "targets")
		}
		if err != nil {
			return nil, fmt.Errorf("similar commitments: %w", err)
		}
		// One commitment may come by both routes: "entity" sorts first.
		sort.Slice(ci.targets, func(i, j int) bool {
			a, b := ci.targets[i], ci.targets[j]
			return a.id < b.id || a.id == b.id && a.by < b.by
		})
		out[ci.id] = ci
	}
	return out, nil
}

// recordTargets reads a list of commitment maps.
func recordTargets(rec interface {
	Get(string) (any, bool)
}, key string) ([]target, error) {
	v, ok := rec.Get(key)
	if !ok {
		return nil, fmt.Errorf("no column %s", key)
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: %T is not a list", key, v)
	}
	var out []target
	for _, x := range list {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %T is not a map", key, x)
		}
		var tg target
		for _, f := range []struct {
			k   string
			dst *string
		}{{"id", &tg.id}, {"ord", &tg.ord}, {"date", &tg.date}, {"by", &tg.by}, {"first_stated", &tg.first}} {
			if s, ok := m[f.k].(string); ok {
				*f.dst = s
			}
		}
		tg.times, _ = m["times_stated"].(int64)
		out = append(out, tg)
	}
	return out, nil
}

// downstreamQ returns the commitments that reiterate the given ones,
// directly or not, with what they reiterate: their values follow from those.
const downstreamQ = `
MATCH (y:Commitment) WHERE y.id IN $ids
MATCH (d:Commitment)-[:REITERATES*1..]->(y)
WITH DISTINCT d
RETURN d.id AS id, d.ord AS ord, d.date AS date,
       [(d)-[r:REITERATES]->(t:Commitment) | t {.id, .ord, .date, .first_stated, .times_stated, by: r.by}] AS targets`

// dependentsQ returns the commitments that reiterate the given ones
// directly: when those move or go, what these reiterate must be found again.
const dependentsQ = `
MATCH (d:Commitment)-[:REITERATES]->(y:Commitment) WHERE y.id IN $ids
RETURN collect(DISTINCT d.id) AS ids`

// chainRow is the computed chain state of one commitment.
type chainRow struct {
	id, ord, date string
	targets       []target
	relink        bool // targets were recomputed: rewrite REITERATES
	first         string
	times         int64
}

// track recomputes the chains a write may have changed. changed are the
// document's new (or relabelled) commitments, fresh those of them that this
// transaction created, moved those whose meeting changed, stale those the
// document no longer has (deleted here).
func (t *txRun) track(changed []string, fresh map[string]bool, moved, stale []string) error {
	roots := map[string]bool{}
	for _, ids := range [][]string{changed, moved} {
		for _, id := range ids {
			roots[id] = true
		}
	}
	// Whatever reiterated a moved or removed commitment must look again.
	for _, ids := range [][]string{moved, stale} {
		if len(ids) == 0 {
			continue
		}
		recs, err := t.collect("dependents", dependentsQ, map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			deps, err := recordStrings(rec, "ids")
			if err != nil {
				return fmt.Errorf("dependents: %w", err)
			}
			for _, d := range deps {
				roots[d] = true
			}
		}
	}
	if len(stale) > 0 {
		if _, err := t.collect("delete stale commitments", deleteCommitmentsQ, map[string]any{"ids": stale}); err != nil {
			return err
		}
		for _, id := range stale {
			delete(roots, id)
		}
	}
	if len(roots) == 0 {
		return nil
	}

	// REITERATES of the roots and of the later commitments they slot in
	// front of.
	info, err := t.chains(sortedKeys(roots), true)
	if err != nil {
		return err
	}
	var later []string
	for _, ci := range info {
		for _, id := range ci.later {
			if !roots[id] {
				roots[id] = true
				later = append(later, id)
			}
		}
	}
	if len(later) > 0 {
		// Their own later commitments are not wanted: only the roots'
		// can move in front of anything.
		more, err := t.chains(sortedSet(later), false)
		if err != nil {
			return err
		}
		for id, ci := range more {
			info[id] = ci
		}
	}
	rows := map[string]*chainRow{}
	for id := range roots {
		ci, ok := info[id]
		if !ok {
			continue // no date or no actors: not tracked (gone, if stale)
		}
		rows[id] = &chainRow{id: id, ord: ci.ord, date: ci.date, targets: ci.targets, relink: true}
	}

	// Everything downstream takes new values. Nothing reiterates a
	// commitment this transaction created yet, so only the other roots
	// can have anything downstream: in date order, when every root is
	// fresh, there is nothing to read, and a batch with a few moved
	// commitments reads theirs, not those of its hundreds of new ones.
	settled := map[string]bool{}
	for id := range roots {
		if !fresh[id] {
			settled[id] = true
		}
	}
	if len(rows) > 0 && len(settled) > 0 {
		recs, err := t.collect("downstream commitments", downstreamQ, map[string]any{"ids": sortedKeys(settled)})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			var r chainRow
			if r.id, err = recordString(rec, "id"); err == nil {
				if r.ord, err = recordString(rec, "ord"); err == nil {
					r.date, err = recordString(rec, "date")
				}
			}
			if err == nil {
				r.targets, err = recordTargets(rec, "targets")
			}
			if err != nil {
				return fmt.Errorf("downstream commitments: %w", err)
			}
			if _, ok := rows[r.id]; !ok {
				rows[r.id] = &r
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return t.writeChains(rows)
}

// writeChains stores the chain states chainParams computes.
func (t *txRun) writeChains(rows map[string]*chainRow) error {
	_, err := t.collect("write chains", chainsQ, map[string]any{"rows": chainParams(rows)})
	return err
}

// chainParams computes first_stated and times_stated in time order, each
// from what the commitment reiterates, and returns the rows of chainsQ:
// with links for the rows whose targets were recomputed.
func chainParams(rows map[string]*chainRow) []any {
	ordered := make([]*chainRow, 0, len(rows))
	for _, r := range rows {
		ordered = append(ordered, r)
	}
	sort.Slice(ordered, func(i, j int) bool {
		if ordered[i].ord != ordered[j].ord {
			return ordered[i].ord < ordered[j].ord
		}
		return ordered[i].id < ordered[j].id
	})
	var params []any
	for _, r := range ordered {
		r.first, r.times = r.date, 1
		var links []any
		seen := map[string]bool{}
		for _, tg := range r.targets {
			first, times := tg.first, tg.times
			if c, ok := rows[tg.id]; ok {
				first, times = c.first, c.times // computed above: earlier in time
			}
			if first != "" && first < r.first {
				r.first = first
			}
			if times+1 > r.times {
				r.times = times + 1
			}
			if !seen[tg.id] {
				seen[tg.id] = true
				links = append(links, map[string]any{"id": tg.id, "by": tg.by})
			}
		}
		row := map[string]any{"id": r.id, "first": r.first, "times": r.times, "links": nil}
		if r.relink {
			sortLinks(links)
			if links == nil {
				links = []any{}
			}
			row["links"] = links
		}
		params = append(params, row)
	}
	return params
}

// sortLinks orders links by id, keeping "entity" over "text" for one id.
func sortLinks(links []any) {
	sort.Slice(links, func(i, j int) bool {
		return links[i].(map[string]any)["id"].(string) < links[j].(map[string]any)["id"].(string)
	})
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// chainsQ stores computed chain states: first_stated, times_stated and,
// where links is not null, the REITERATES relationships, removing those that
// no longer hold.
const chainsQ = replanSkip + `
UNWIND $rows AS row
MATCH (c:Commitment {id: row.id})
SET c.first_stated = row.first, c.times_stated = row.times
WITH c, row WHERE row.links IS NOT NULL
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
