package graph

import (
	"fmt"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
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
// empty and the work per commitment is a few index lookups per entity and
// per key. New documents' commitments are looked up before they are written
// (unwrittenChains): the stored graph by the index lookups, the batch's
// commitments with each other on the client.

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

// restatementsBody finds, for each commitment c (a map: id, ord, date,
// scope, meeting_id, entity_ids, terms, topics and keys, its MATCH_KEY
// keys), the similar commitments of the latest earlier meeting that has any,
// and, when $later, the later similar commitments whose latest earlier
// similar meeting is not later than this one's (they may now reiterate it);
// a later commitment in $exclude is recomputed anyway, so a text candidate
// among them is left out before it is read. Candidates sharing an entity
// come from the relationship index on CONCERNS (track, ord): the nearest
// statements about the entity by the same parties before and after;
// candidates with similar text from the relationship index on MATCH_KEY
// (key, ord) (prefix filtering, see matchPrefix and matchKeys): per key, the
// nearest earlier commitment that passes the exact Jaccard test, then the
// candidates at the latest such meeting and after. Every index seek is
// hinted, so that the plan does not depend on the graph's statistics and
// replan=skip keeps it (see replanSkip). The hints say SEEK: a plain USING
// INDEX is also met by a scan of the whole index in (track, ord) order,
// stopped at the first row of the track, which the planner chose for the
// nearest statements about an entity before and after (250,000 and 436,000
// index rows for 87 commitments in one batch at 10,000 documents).
const restatementsBody = `
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
    UNWIND c.keys AS key
    CALL {
      WITH c, key
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = key AND r.ord < c.ord
      WITH c, o, r, size([w IN o.terms WHERE w IN c.terms]) AS shared
      WHERE o.meeting_id <> c.meeting_id AND ` + similarTerms + `
      RETURN r.ord AS found ORDER BY r.key DESC, r.ord DESC LIMIT 1
    }
    RETURN max(found) AS latest
  }
  // Its similar commitments at that meeting, and, when $later, every later
  // similar one that is not in $exclude (in date order there is none; a
  // batch's commitments are each other's later candidates, and reading
  // them cost more than the rest of the lookup).
  OPTIONAL CALL {
    WITH c, latest
    UNWIND c.keys AS key
    CALL {
      WITH key, latest
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = key AND r.ord = latest
      RETURN o
      UNION
      WITH key, c
      WITH key, c WHERE $later
      MATCH (o:Commitment)-[r:MATCH_KEY]->() USING INDEX SEEK r:MATCH_KEY(key, ord)
      WHERE r.key = key AND r.ord > c.ord AND NOT o.id IN $exclude
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

// restatementsQ runs restatementsBody for the stored commitments $ids that
// are tracked (with parties and a date).
const restatementsQ = replanSkip + `
UNWIND $ids AS id
MATCH (c:Commitment {id: id})
WHERE c.scope <> '' AND c.ord IS NOT NULL
WITH c {.id, .ord, .date, .scope, .meeting_id, .entity_ids, .terms, .topics,
        keys: [(c)-[k:MATCH_KEY]->(c) | k.key]} AS c` + restatementsBody

// unwrittenRestatementsQ runs restatementsBody for commitments that this
// transaction is about to create, before it does: $docs are {meeting,
// rows}, each row a commitment's id, scope, entity_ids, terms, topics and
// keys, and its ord and date follow from its meeting's as createCommitmentsQ
// sets them. It reads the stored graph only (see unwrittenChains).
const unwrittenRestatementsQ = replanSkip + `
UNWIND $docs AS doc
MATCH (m:Meeting {id: doc.meeting})
WHERE m.date IS NOT NULL
UNWIND doc.rows AS row
WITH row {.*, ord: m.date + '|' + m.id, date: m.date, meeting_id: m.id} AS c
WHERE c.scope <> ''` + restatementsBody

// chains runs restatementsQ for ids; later says whether to look for the
// later commitments that may now reiterate them, other than those of
// exclude.
func (t *txRun) chains(ids []string, later bool, exclude []string) (map[string]chainInfo, error) {
	if len(ids) == 0 {
		return map[string]chainInfo{}, nil
	}
	if exclude == nil {
		exclude = []string{}
	}
	recs, err := t.collect("similar commitments", restatementsQ, map[string]any{"ids": ids, "threshold": similarText, "later": later, "exclude": exclude})
	if err != nil {
		return nil, err
	}
	return toChainInfo(recs)
}

// unwritten is what tracking compares of a commitment that this
// transaction is about to create (restatementsBody's c).
type unwritten struct {
	id, scope, meetingID     string
	entityIDs, terms, topics []string // sorted, as stored
	keys                     []string // sorted here
}

// toUnwritten reads a commitment row (toCommitmentRow) that is to be
// created at meeting meetingID.
func toUnwritten(row map[string]any, meetingID string) unwritten {
	props := row["props"].(map[string]any)
	return unwritten{
		id: row["id"].(string), scope: props["scope"].(string), meetingID: meetingID,
		entityIDs: props["entity_ids"].([]string), terms: props["terms"].([]string),
		topics: props["topics"].([]string), keys: slices.Sorted(slices.Values(row["keys"].([]string))),
	}
}

// unwrittenChains finds what the commitments of new documents rows, whose
// commitments go to meetings meeting[k], reiterate and the later stored
// commitments they may slot in front of, before the commitments are
// written: what restatementsQ would find once they are, without the
// transaction's own new commitments in the index seeks. The stored graph
// gives each commitment its similar commitments at the latest earlier
// stored meeting that has any, and its later candidates
// (unwrittenRestatementsQ); the batch's commitments are compared with
// each other here, by the same tests (see restatedWithin), and the later
// of the two latest meetings wins, both when they are one. A batch's
// commitments are each other's later candidates only as roots, which are
// recomputed anyway. The result has the tracked commitments (with parties
// and a dated meeting) only, as chains has.
func (t *txRun) unwrittenChains(rows []docRows, meeting []string) (map[string]chainInfo, error) {
	var docs []any
	var cs []unwritten
	for k, r := range rows {
		var crows []any
		for _, row := range r.commitments {
			c := toUnwritten(row.(map[string]any), meeting[k])
			if c.scope == "" {
				continue // not tracked
			}
			cs = append(cs, c)
			crows = append(crows, map[string]any{"id": c.id, "scope": c.scope, "entity_ids": c.entityIDs,
				"terms": c.terms, "topics": c.topics, "keys": c.keys})
		}
		if len(crows) > 0 {
			docs = append(docs, map[string]any{"meeting": meeting[k], "rows": crows})
		}
	}
	if len(docs) == 0 {
		return map[string]chainInfo{}, nil
	}
	recs, err := t.collect("similar commitments", unwrittenRestatementsQ,
		map[string]any{"docs": docs, "threshold": similarText, "later": true, "exclude": []string{}})
	if err != nil {
		return nil, err
	}
	info, err := toChainInfo(recs)
	if err != nil {
		return nil, err
	}
	restatedWithin(cs, info)
	return info, nil
}

// restatedWithin adds to info (unwrittenRestatementsQ's, for the stored
// graph) the restatements among commitments cs themselves, all about to
// be created: for each, the similar ones of cs at the latest earlier
// meeting, if it is not earlier than the stored one. Similar is what
// restatementsBody finds: the same parties and a common entity ("entity":
// a common CONCERNS track), or a common key (so the same parties and a
// common topic, see matchKeys) at another meeting with similar terms
// ("text"). A commitment that info lacks (its meeting has no date) is not
// tracked.
func restatedWithin(cs []unwritten, info map[string]chainInfo) {
	byScope := map[string][]unwritten{}
	for _, c := range cs {
		if _, ok := info[c.id]; ok {
			byScope[c.scope] = append(byScope[c.scope], c)
		}
	}
	for _, group := range byScope {
		for _, c := range group {
			ci := info[c.id]
			latest := ""
			if len(ci.targets) > 0 {
				latest = ci.targets[0].ord // the stored latest: every target has it
			}
			var found []target
			for _, o := range group {
				oi := info[o.id]
				if oi.ord >= ci.ord || oi.ord < latest {
					continue
				}
				var routes []string
				if shareAny(c.entityIDs, o.entityIDs) {
					routes = append(routes, "entity")
				}
				if o.meetingID != c.meetingID && shareAny(c.keys, o.keys) && shareAny(c.topics, o.topics) &&
					similarTermSets(o.terms, c.terms) {
					routes = append(routes, "text")
				}
				if len(routes) == 0 {
					continue
				}
				if oi.ord > latest {
					latest, found = oi.ord, nil
					if len(ci.targets) > 0 && ci.targets[0].ord < latest {
						ci.targets = nil
					}
				}
				for _, by := range routes {
					found = append(found, target{id: o.id, ord: oi.ord, date: oi.date, by: by})
				}
			}
			if len(found) > 0 {
				ci.targets = append(ci.targets, found...)
				sortTargets(ci.targets)
				info[c.id] = ci
			}
		}
	}
}

// shareAny says whether sorted sets a and b have an element in common.
func shareAny(a, b []string) bool { return intersectionSize(a, b) > 0 }

// toChainInfo reads restatementsBody's records.
func toChainInfo(recs []*neo4j.Record) (map[string]chainInfo, error) {
	out := map[string]chainInfo{}
	for _, rec := range recs {
		var ci chainInfo
		var err error
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
		sortTargets(ci.targets)
		out[ci.id] = ci
	}
	return out, nil
}

// sortTargets orders targets by id; one commitment may come by both
// routes, and "entity" sorts first.
func sortTargets(targets []target) {
	sort.Slice(targets, func(i, j int) bool {
		a, b := targets[i], targets[j]
		return a.id < b.id || a.id == b.id && a.by < b.by
	})
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
// document no longer has (deleted here). early, when not nil, is what
// unwrittenChains found for every fresh commitment before it was written;
// the other commitments are looked up here.
func (t *txRun) track(changed []string, fresh map[string]bool, moved, stale []string, early map[string]chainInfo) error {
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
	var lookup []string
	for _, id := range sortedKeys(roots) {
		if early == nil || !fresh[id] {
			lookup = append(lookup, id)
		}
	}
	info, err := t.chains(lookup, true, sortedKeys(roots))
	if err != nil {
		return err
	}
	for id, ci := range early {
		info[id] = ci
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
		more, err := t.chains(sortedSet(later), false, nil)
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
