package graph

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/schema"
)

var (
	isoCode   = regexp.MustCompile(`^[A-Z]{2}$`)
	idPattern = regexp.MustCompile(`^[a-z][0-9a-f]{16}$`)
)

// checkQuery validates q and returns its page size.
func checkQuery(q schema.Query) (int, error) {
	if q.Topic != "" {
		if _, ok := schema.LookupTopic(q.Topic); !ok {
			return 0, schema.Errorf(schema.EINVALID, "topic %q: not a topic of the taxonomy (see /v1/topics)", q.Topic)
		}
	}
	for _, d := range []schema.Date{q.Since, q.Until} {
		if !d.IsZero() {
			if _, err := schema.ParseDate(string(d)); err != nil {
				return 0, err
			}
		}
	}
	for _, c := range append([]string{q.Actor, q.Counterpart}, q.Parties...) {
		if c != "" && !isoCode.MatchString(c) {
			return 0, schema.Errorf(schema.EINVALID, "country %q: want an ISO 3166-1 alpha-2 code such as CN", c)
		}
	}
	if len(q.Parties) > 2 {
		return 0, schema.Errorf(schema.EINVALID, "parties: at most 2")
	}
	if q.Modality != "" && !q.Modality.Valid() {
		return 0, schema.Errorf(schema.EINVALID, "modality %q: want one of %s", q.Modality, modalityList())
	}
	return checkLimit(q.Limit, schema.MaxLimit)
}

func modalityList() string {
	var out []string
	for _, m := range schema.Modalities {
		out = append(out, string(m))
	}
	return strings.Join(out, ", ")
}

// nextPeriod returns the first date after the period d covers, at d's
// precision ("2023" -> "2024", "2023-12" -> "2024-01"), so that
// `c.date < nextPeriod(d)` keeps every date within d, of any precision.
func nextPeriod(d schema.Date) string {
	end := d.End()
	switch d.Precision() {
	case schema.PrecisionYear:
		return end.Format("2006")
	case schema.PrecisionMonth:
		return end.Format("2006-01")
	}
	return end.Format("2006-01-02")
}

// commitmentColumns projects a page of commitments c, already ordered and
// limited. The meeting's title is the least title of the documents
// reporting it (meetingTitle falls back to its occasion or place). The
// meeting and the source are columns rather than maps: a map sends its
// keys again in every record, and the driver allocates each of them.
const commitmentColumns = `
OPTIONAL MATCH (c)-[:STATED_AT]->(m:Meeting)
OPTIONAL MATCH (c)-[s:SOURCED_FROM]->(d:Document)
RETURN c.id AS id, c.text AS text, c.sentence AS sentence, c.date AS date,
       c.actors AS actors, c.counterparts AS counterparts, c.speaker AS speaker,
       c.modality AS modality, c.topics AS topics, c.subtopics AS subtopics,
       c.first_stated AS first_stated, c.times_stated AS times_stated,
       [(c)-[:CONCERNS]->(e:Entity) | e {.id, .name, .kind}] AS entities,
       [(c)-[:REITERATES]->(o:Commitment) | o.id] AS reiterates,
       m.id AS meeting_id, m.date AS meeting_date, m.city AS meeting_city,
       m.occasion AS meeting_occasion, m.parties AS meeting_parties,
       [(r:Document)-[:REPORTS]->(m) WHERE r.title IS NOT NULL | r.title] AS meeting_titles,
       d.id AS document_id, d.title AS document_title, d.source_url AS source_url,
       s.start AS start, s.end AS end
ORDER BY c.date, c.id`

// commitmentColumnNames are the columns commitmentColumns returns.
var commitmentColumnNames = func() []string {
	var out []string
	for _, m := range regexp.MustCompile(`\bAS (\w+)`).FindAllStringSubmatch(commitmentColumns, -1) {
		out = append(out, m[1])
	}
	return out
}()

// sinceMeetingStatement selects the page of commitmentStatement from the
// date of the meeting held at place within date on, finding the meeting
// in the same statement (meetingAtMatch) rather than in a round trip of
// its own. Its first row is the meeting (column meeting, the page's
// columns null), the page's rows follow (meeting null); no row at all
// when no meeting was held there.
func sinceMeetingStatement(q schema.Query, entityIDs []string, after cursor, limit int, place string, date schema.Date) schema.ReadStatement {
	at := meetingAtMatch(place, date)
	page := commitmentStatement(q, entityIDs, after, false, limit, "since")
	maps.Copy(page.Params, at.Params)
	var nulls, cols strings.Builder
	for _, c := range commitmentColumnNames {
		nulls.WriteString(", null AS `" + c + "`")
		cols.WriteString(", `" + c + "`")
	}
	cypher := "CALL {" + at.Cypher + "\n  RETURN m AS since\n}\nCALL (since) {\n" +
		"RETURN " + meetingProjection("since") + " AS meeting" + nulls.String() + "\n" +
		"UNION ALL\n" + strings.Replace(page.Cypher, "\nRETURN ", "\nRETURN null AS meeting, ", 1) + "\n}\n" +
		"RETURN meeting" + cols.String() + "\nORDER BY `date`, `id`"
	return schema.ReadStatement{Cypher: cypher, Params: page.Params}
}

// commitmentStatement builds the statement for one phase of a page: dated
// commitments in (date, id) order from the cursor on, or (undated) the
// commitments without a date in id order.
//
// The starting set is the most selective filter: a full-text search, an
// entity, a meeting, a country pair. Otherwise it is the commitment_date
// index read in order, so that the page stops after `limit` matches instead
// of sorting every candidate; the other filters are properties of the
// commitment itself (actors, counterparts, topics, modality, entity_ids).
//
// sinceVar, when set, is a meeting variable that an enclosing statement
// binds (sinceMeetingStatement): the page starts at its date instead of
// q.Since.
func commitmentStatement(q schema.Query, entityIDs []string, after cursor, undated bool, limit int, sinceVar string) schema.ReadStatement {
	p := map[string]any{"limit": limit + 1}
	var match string
	switch {
	case q.Text != "":
		match = "CALL db.index.fulltext.queryNodes('" + fulltextIndex + "', $text) YIELD node AS c\nWITH c"
		p["text"] = luceneQuery(q.Text)
	case len(entityIDs) > 0:
		match = "MATCH (e:Entity) WHERE e.id IN $entities\nMATCH (c:Commitment)-[:CONCERNS]->(e)\nWITH DISTINCT c"
		p["entities"] = entityIDs
	case q.Meeting != "":
		match = "MATCH (:Meeting {id: $meeting})<-[:STATED_AT]-(c:Commitment)\nWITH c"
	case len(q.Parties) > 0:
		match = "MATCH (:Country {code: $party})<-[:MADE_BY|TOWARD]-(c:Commitment)\nWITH DISTINCT c"
		p["party"] = q.Parties[0]
	default:
		match = "MATCH (c:Commitment)"
	}
	var where []string
	if q.Text != "" {
		where = append(where, "c:Commitment")
	}
	if undated {
		where = append(where, "c.date IS NULL")
		if after.id != "" {
			where = append(where, "c.id > $after_id")
			p["after_id"] = after.id
		}
	} else {
		n := len(where)
		where = dateWindow("c", q.Since, q.Until, after, where, p)
		if sinceVar != "" {
			// The meeting's date, or the cursor's when later ($from is
			// then the cursor's date, else ""); no date selects nothing.
			where[n] = "c.date >= CASE WHEN " + sinceVar + ".date < $from THEN $from ELSE " + sinceVar + ".date END"
		}
	}
	if q.Topic != "" {
		// topics holds the top-level topic of every subtopic too, and no
		// subtopic: one list answers, and the other is never read.
		if schema.TopicParent(q.Topic) == "" {
			where = append(where, "$topic IN c.topics")
		} else {
			where = append(where, "$topic IN c.subtopics")
		}
		p["topic"] = q.Topic
	}
	if q.Actor != "" {
		where = append(where, "$actor IN c.actors")
		p["actor"] = q.Actor
	}
	if q.Counterpart != "" {
		where = append(where, "$counterpart IN c.counterparts")
		p["counterpart"] = q.Counterpart
	}
	if len(q.Parties) > 0 {
		where = append(where, "all(k IN $parties WHERE k IN c.actors OR k IN c.counterparts)")
		p["parties"] = q.Parties
	}
	if q.Modality != "" {
		where = append(where, "c.modality = $modality")
		p["modality"] = string(q.Modality)
	}
	if q.Meeting != "" {
		where = append(where, "c.meeting_id = $meeting")
		p["meeting"] = q.Meeting
	}
	if len(entityIDs) > 0 && q.Text != "" {
		where = append(where, "any(e IN c.entity_ids WHERE e IN $entities)")
		p["entities"] = entityIDs
	}
	order := "ORDER BY c.date, c.id"
	if undated {
		order = "ORDER BY c.id"
	}
	cypher := match + "\nWHERE " + strings.Join(where, "\n  AND ") + "\nWITH c " + order + "\nLIMIT $limit" + commitmentColumns
	return schema.ReadStatement{Cypher: cypher, Params: p}
}

// fulltextIndex is the full-text index over commitment texts
// (schema/indexes.cypher).
const fulltextIndex = "commitment_text"

// luceneQuery turns a search into a Lucene query in which every word (or
// "quoted phrase") must occur, with Lucene's operators escaped so that no
// input is a syntax error.
func luceneQuery(s string) string {
	var terms []string
	for i, part := range strings.Split(s, `"`) {
		if i%2 == 1 { // inside quotes
			if words := strings.Fields(escapeLucene(part)); len(words) > 0 {
				terms = append(terms, `"`+strings.Join(words, " ")+`"`)
			}
			continue
		}
		for _, w := range strings.Fields(part) {
			if w = escapeLucene(w); w != "" && !luceneOperators[w] {
				terms = append(terms, w)
			}
		}
	}
	return strings.Join(terms, " AND ")
}

var luceneOperators = map[string]bool{"AND": true, "OR": true, "NOT": true, "TO": true}

func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Commitments returns one page of the commitments that q selects.
func (s *Store) Commitments(ctx context.Context, q schema.Query) (schema.CommitmentPage, error) {
	limit, err := checkQuery(q)
	if err != nil {
		return schema.CommitmentPage{}, err
	}
	after, _, err := parseCursor(q.Cursor)
	if err != nil {
		return schema.CommitmentPage{}, err
	}
	if q.Text != "" && luceneQuery(q.Text) == "" {
		return schema.CommitmentPage{}, schema.Errorf(schema.EINVALID, "q %q: no word to search for", q.Text)
	}
	var entityIDs []string
	if q.Entity != "" {
		ents, err := s.ResolveEntity(ctx, q.Entity)
		if err != nil {
			return schema.CommitmentPage{}, err
		}
		for _, e := range ents {
			entityIDs = append(entityIDs, e.ID)
		}
	}
	page := schema.CommitmentPage{Items: []schema.StoredCommitment{}}
	if ref := strings.TrimSpace(q.SinceMeeting); ref != "" {
		if !q.Since.IsZero() {
			return schema.CommitmentPage{}, schema.Errorf(schema.EINVALID, "since %s and since meeting %q: give one", q.Since, ref)
		}
		// A place and date: one statement finds the meeting and the page.
		if name, date := splitMeetingRef(ref); name != "" && !idPattern.MatchString(ref) && !after.noDate {
			st := sinceMeetingStatement(q, entityIDs, after, limit, name, date)
			m, items, err := s.sinceMeetingRows(ctx, st)
			if err != nil {
				return schema.CommitmentPage{}, err
			}
			if m != nil {
				page.Since, page.Statement = m, st
				if len(items) > limit {
					page.NextCursor = cursor{date: string(items[limit-1].Date), id: items[limit-1].ID}.String()
					items = items[:limit]
				}
				page.Items = items
				return page, nil
			}
		}
		// Anything else (a meeting id, an occasion, no meeting at that
		// place: suggestions) as ResolveMeetingRef resolves it.
		m, err := s.ResolveMeetingRef(ctx, ref)
		if err != nil {
			return schema.CommitmentPage{}, err
		}
		page.Since = &m
		if m.Date.IsZero() {
			return page, nil
		}
		q.Since = m.Date
	}
	withUndated := q.Since.IsZero() && q.Until.IsZero()
	if !after.noDate {
		st := commitmentStatement(q, entityIDs, after, false, limit, "")
		page.Statement = st
		items, err := s.commitmentRows(ctx, st)
		if err != nil {
			return schema.CommitmentPage{}, err
		}
		if len(items) > limit {
			page.Items = items[:limit]
			page.NextCursor = cursor{date: string(items[limit-1].Date), id: items[limit-1].ID}.String()
			return page, nil
		}
		page.Items = items
		after = cursor{noDate: true}
	}
	if !withUndated || len(page.Items) == limit {
		if withUndated {
			page.NextCursor = after.String()
		}
		return page, nil
	}
	// Undated commitments follow the dated ones, in id order.
	rest := limit - len(page.Items)
	st := commitmentStatement(q, entityIDs, after, true, rest, "")
	if page.Statement.Cypher == "" {
		page.Statement = st
	}
	items, err := s.commitmentRows(ctx, st)
	if err != nil {
		return schema.CommitmentPage{}, err
	}
	if len(items) > rest {
		items = items[:rest]
		page.NextCursor = cursor{noDate: true, id: items[rest-1].ID}.String()
	}
	page.Items = append(page.Items, items...)
	return page, nil
}

func (s *Store) commitmentRows(ctx context.Context, st schema.ReadStatement) ([]schema.StoredCommitment, error) {
	const op = "list commitments"
	recs, err := s.read(ctx, op, st.Cypher, st.Params)
	if err != nil {
		return nil, err
	}
	out := make([]schema.StoredCommitment, 0, len(recs))
	for _, rec := range recs {
		c, err := toStoredCommitment(rec)
		if err != nil {
			return nil, decodeError(op, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// sinceMeetingRows runs a sinceMeetingStatement: the meeting (nil when
// none was found) and the page's rows.
func (s *Store) sinceMeetingRows(ctx context.Context, st schema.ReadStatement) (*schema.MeetingSummary, []schema.StoredCommitment, error) {
	const op = "list commitments"
	recs, err := s.read(ctx, op, st.Cypher, st.Params)
	if err != nil {
		return nil, nil, err
	}
	var meeting *schema.MeetingSummary
	out := make([]schema.StoredCommitment, 0, len(recs))
	for _, rec := range recs {
		if v, ok := rec.Get("meeting"); ok && v != nil {
			mp, ok := v.(map[string]any)
			if !ok {
				return nil, nil, decodeError(op, fmt.Errorf("column meeting: %T is not a map", v))
			}
			m, err := toMeetingSummary(mp)
			if err != nil {
				return nil, nil, decodeError(op, err)
			}
			meeting = &m
			continue
		}
		c, err := toStoredCommitment(rec)
		if err != nil {
			return nil, nil, decodeError(op, err)
		}
		out = append(out, c)
	}
	if meeting == nil && len(out) > 0 {
		return nil, nil, decodeError(op, fmt.Errorf("rows without the meeting"))
	}
	return meeting, out, nil
}

// toStoredCommitment reads a row of commitmentColumns.
func toStoredCommitment(rec *neo4j.Record) (schema.StoredCommitment, error) {
	r := recordReader{rec: rec}
	c := schema.StoredCommitment{
		ID: r.str("id"), Text: r.str("text"), Sentence: r.str("sentence"), Date: schema.Date(r.str("date")),
		Actors: r.strs("actors"), Counterparts: r.strs("counterparts"), Speaker: r.str("speaker"),
		Modality: schema.Modality(r.str("modality")), Topics: r.strs("topics"), Subtopics: r.strs("subtopics"),
		FirstStated: schema.Date(r.str("first_stated")), TimesStated: r.num("times_stated"),
		Reiterates: r.strs("reiterates"),
	}
	slices.Sort(c.Reiterates)
	for _, e := range r.maps("entities") {
		var f fieldReader
		c.Entities = append(c.Entities, schema.EntityRef{ID: f.str(e, "id"), Name: f.str(e, "name"), Kind: f.str(e, "kind")})
		r.keep(f.err)
	}
	if c.Entities == nil {
		c.Entities = []schema.EntityRef{}
	}
	slices.SortFunc(c.Entities, func(a, b schema.EntityRef) int { return strings.Compare(a.ID, b.ID) })
	if id := r.str("meeting_id"); id != "" {
		m := schema.MeetingRef{ID: id, Date: schema.Date(r.str("meeting_date")), Place: r.str("meeting_city")}
		m.Title = meetingTitle(r.strs("meeting_titles"), r.str("meeting_occasion"), m.Place, r.strs("meeting_parties"), m.Date)
		c.Meeting = m
	}
	if id := r.str("document_id"); id != "" {
		c.Source = schema.Source{DocumentID: id, Title: r.str("document_title"), URL: r.str("source_url"),
			Start: r.num("start"), End: r.num("end")}
	}
	return c, r.err
}

// meetingTitle names a meeting for people: the least title of the
// documents reporting it, or else what is known of it.
func meetingTitle(titles []string, occasion, place string, parties []string, date schema.Date) string {
	titles = slices.DeleteFunc(slices.Clone(titles), func(s string) bool { return s == "" })
	if len(titles) > 0 {
		return slices.Min(titles)
	}
	if occasion != "" {
		return strings.TrimSpace(occasion + " " + string(date))
	}
	t := "Meeting"
	if len(parties) > 0 {
		t += " of " + strings.Join(parties, ", ")
	}
	if place != "" {
		t += " in " + place
	}
	if date != "" {
		t += ", " + string(date)
	}
	return t
}

// resolveEntityQ finds entities by id, by name or by alias, ignoring case
// and punctuation (nameKey; aliases are compared lower-cased).
const resolveEntityQ = `
MATCH (e:Entity)
WHERE e.id = $ref OR e.key = $key OR e.name = $ref
   OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) IN [$lower, $key])
RETURN e.id AS id, e.name AS name, e.kind AS kind
ORDER BY id
LIMIT 20`

// entityNamesQ lists entity names and aliases for close-match suggestions.
const entityNamesQ = `
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases
ORDER BY id
LIMIT $limit`

// ResolveEntity finds the entities ref names: an id, a name or an alias.
// None is an ENOTFOUND error that suggests close names.
func (s *Store) ResolveEntity(ctx context.Context, ref string) ([]schema.EntityRef, error) {
	const op = "resolve entity"
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, schema.Errorf(schema.EINVALID, "entity: empty name")
	}
	recs, err := s.read(ctx, op, resolveEntityQ, map[string]any{
		"ref": ref, "key": nameKey(ref), "lower": strings.ToLower(ref),
	})
	if err != nil {
		return nil, err
	}
	var out []schema.EntityRef
	for _, rec := range recs {
		r := recordReader{rec: rec}
		e := schema.EntityRef{ID: r.str("id"), Name: r.str("name"), Kind: r.str("kind")}
		if r.err != nil {
			return nil, decodeError(op, r.err)
		}
		out = append(out, e)
	}
	if len(out) > 0 {
		return out, nil
	}
	names, err := s.EntityNames(ctx, maxSuggestionPool)
	if err != nil {
		return nil, err
	}
	var cands []string
	for _, n := range names {
		cands = append(cands, n.Name)
		cands = append(cands, n.Aliases...)
	}
	return nil, notFound("entity", ref, closeMatches(ref, cands, 5))
}

// maxSuggestionPool bounds the names read to suggest close matches.
const maxSuggestionPool = 10000

// EntityNames returns up to limit entities with their names and aliases,
// for question parsing and suggestions.
func (s *Store) EntityNames(ctx context.Context, limit int) ([]schema.EntityName, error) {
	const op = "list entity names"
	if limit <= 0 || limit > maxSuggestionPool {
		limit = maxSuggestionPool
	}
	recs, err := s.read(ctx, op, entityNamesQ, map[string]any{"limit": limit})
	if err != nil {
		return nil, err
	}
	out := make([]schema.EntityName, 0, len(recs))
	for _, rec := range recs {
		r := recordReader{rec: rec}
		e := schema.EntityName{ID: r.str("id"), Name: r.str("name"), Kind: r.str("kind"), Aliases: r.strs("aliases")}
		if r.err != nil {
			return nil, decodeError(op, r.err)
		}
		out = append(out, e)
	}
	return out, nil
}

// notFound is the ENOTFOUND error for an unknown reference, with close
// matches when there are any.
func notFound(what, ref string, close []string) error {
	msg := fmt.Sprintf("no %s matches %q", what, ref)
	if len(close) > 0 {
		quoted := make([]string, len(close))
		for i, c := range close {
			quoted[i] = fmt.Sprintf("%q", c)
		}
		msg += "; close matches: " + strings.Join(quoted, ", ")
	}
	return &schema.Error{Code: schema.ENOTFOUND, Message: msg}
}

// closeMatches returns up to n candidates nearest to ref by edit distance
// over folded names (nameKey), nearest first; candidates further than half
// their length are left out.
func closeMatches(ref string, cands []string, n int) []string {
	key := nameKey(ref)
	type scored struct {
		s    string
		dist int
	}
	seen := map[string]bool{}
	var all []scored
	for _, c := range cands {
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		ck := nameKey(c)
		d := editDistance(key, ck)
		switch {
		case key != "" && (strings.Contains(ck, key) || strings.Contains(key, ck)):
			d = min(d, 1)
		case d*2 > max(len(ck), len(key)):
			continue
		}
		all = append(all, scored{c, d})
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.s, b.s)
	})
	var out []string
	for _, s := range all {
		if len(out) == n {
			break
		}
		out = append(out, s.s)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int { return levenshtein.ComputeDistance(a, b) }
