package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// entityQ reads one entity by id.
const entityQ = `
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases`

// chainQ reads the REITERATES links of a set of commitments.
const chainQ = `
MATCH (c:Commitment)-[r:REITERATES]->(o:Commitment)
WHERE c.id IN $ids
RETURN c.id AS from, o.id AS to, r.by AS by, c.date AS date
ORDER BY date, from, to
LIMIT $bound`

// EntityTimeline returns the statements about an entity (an id, a name or
// an alias: the first entity in id order when a name is shared), a page at
// a time, with their REITERATES links. An unknown entity is ENOTFOUND.
func (s *Store) EntityTimeline(ctx context.Context, ref string, limit int, after string) (schema.EntityTimeline, error) {
	const op = "read entity timeline"
	ents, err := s.ResolveEntity(ctx, ref)
	if err != nil {
		return schema.EntityTimeline{}, err
	}
	recs, err := s.read(ctx, op, entityQ, map[string]any{"id": ents[0].ID})
	if err != nil {
		return schema.EntityTimeline{}, err
	}
	if len(recs) == 0 {
		return schema.EntityTimeline{}, schema.Errorf(schema.ENOTFOUND, "no entity %q", ref)
	}
	r := recordReader{rec: recs[0]}
	t := schema.EntityTimeline{Entity: schema.EntityName{ID: r.str("id"), Name: r.str("name"), Kind: r.str("kind"), Aliases: r.strs("aliases")}}
	if r.err != nil {
		return schema.EntityTimeline{}, decodeError(op, r.err)
	}
	page, err := s.Commitments(ctx, schema.Query{Entity: t.Entity.ID, Limit: limit, Cursor: after})
	if err != nil {
		return schema.EntityTimeline{}, err
	}
	t.Items, t.NextCursor = page.Items, page.NextCursor
	ids := make([]string, len(t.Items))
	for i, c := range t.Items {
		ids[i] = c.ID
	}
	recs, err = s.read(ctx, op, chainQ, map[string]any{"ids": ids, "bound": schema.MaxLimit * 4})
	if err != nil {
		return schema.EntityTimeline{}, err
	}
	t.Chain = []schema.ChainLink{}
	for _, rec := range recs {
		r := recordReader{rec: rec}
		l := schema.ChainLink{From: r.str("from"), To: r.str("to"), By: r.str("by")}
		if r.err != nil {
			return schema.EntityTimeline{}, decodeError(op, r.err)
		}
		t.Chain = append(t.Chain, l)
	}
	return t, nil
}

// topicCountsQ counts the commitments on each topic (relationship degrees).
const topicCountsQ = `
MATCH (t:Topic)
RETURN t.slug AS slug, COUNT { (t)<-[:ON_TOPIC]-(:Commitment) } AS n`

// Topics returns the taxonomy (schema.Topics, in its order) with the number
// of commitments on each topic; a top-level topic counts those on its
// subtopics too.
func (s *Store) Topics(ctx context.Context) ([]schema.TopicStat, error) {
	const op = "count topics"
	recs, err := s.read(ctx, op, topicCountsQ, nil)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, rec := range recs {
		r := recordReader{rec: rec}
		slug, n := r.str("slug"), r.num("n")
		if r.err != nil {
			return nil, decodeError(op, r.err)
		}
		counts[slug] = n
	}
	out := make([]schema.TopicStat, 0, len(schema.Topics))
	for _, t := range schema.Topics {
		out = append(out, schema.TopicStat{Slug: t.Slug, Label: t.Label, Parent: t.Parent(), Commitments: counts[t.Slug]})
	}
	return out, nil
}

// maxMonths bounds schema.Stats.Months (a century).
const maxMonths = 1200

// totalsQ counts nodes by label from Neo4j's count store.
const totalsQ = `
CALL { MATCH (n:Document) RETURN count(n) AS documents }
CALL { MATCH (n:Meeting) RETURN count(n) AS meetings }
CALL { MATCH (n:Commitment) RETURN count(n) AS commitments }
CALL { MATCH (n:Country) RETURN count(n) AS countries }
CALL { MATCH (n:Person) RETURN count(n) AS people }
CALL { MATCH (n:Entity) RETURN count(n) AS entities }
CALL { MATCH ()-[r:REITERATES]->() RETURN count(r) AS reiterations }
RETURN documents, meetings, commitments, countries, people, entities, reiterations`

// monthsQ counts meetings and, through the degree of STATED_AT, their
// commitments per month (a commitment's date is its meeting's).
const monthsQ = `
MATCH (m:Meeting)
WHERE m.date >= '0000' AND size(m.date) >= 7
WITH left(m.date, 7) AS month, count(m) AS meetings, sum(COUNT { (m)<-[:STATED_AT]-(:Commitment) }) AS commitments
RETURN month, meetings, commitments
ORDER BY month
LIMIT $limit`

// Stats returns totals by kind of node and counts per month.
func (s *Store) Stats(ctx context.Context) (schema.Stats, error) {
	const op = "read stats"
	recs, err := s.read(ctx, op, totalsQ, nil)
	if err != nil {
		return schema.Stats{}, err
	}
	st := schema.Stats{Totals: map[string]int{}, Months: []schema.MonthCount{}}
	if len(recs) == 1 {
		r := recordReader{rec: recs[0]}
		for _, k := range recs[0].Keys {
			st.Totals[k] = r.num(k)
		}
		if r.err != nil {
			return schema.Stats{}, decodeError(op, r.err)
		}
	}
	recs, err = s.read(ctx, op, monthsQ, map[string]any{"limit": maxMonths})
	if err != nil {
		return schema.Stats{}, err
	}
	for _, rec := range recs {
		r := recordReader{rec: rec}
		m := schema.MonthCount{Month: r.str("month"), Meetings: r.num("meetings"), Commitments: r.num("commitments")}
		if r.err != nil {
			return schema.Stats{}, decodeError(op, r.err)
		}
		st.Months = append(st.Months, m)
	}
	slices.SortFunc(st.Months, func(a, b schema.MonthCount) int { return strings.Compare(a.Month, b.Month) })
	return st, nil
}
