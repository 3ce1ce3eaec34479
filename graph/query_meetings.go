package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// meetingColumns projects meeting m as a schema.MeetingSummary
// (toMeetingSummary).
var meetingColumns = meetingProjection("m")

// meetingProjection projects the meeting in variable v as a
// schema.MeetingSummary.
func meetingProjection(v string) string {
	return strings.ReplaceAll(`$m {.id, .date, .date_precision, .city, .country, .occasion, .kind, .parties, .from_reference,
  titles: [(r:Document)-[:REPORTS]->($m) WHERE r.title IS NOT NULL | r.title],
  documents: COUNT { (:Document)-[:REPORTS]->($m) },
  commitments: COUNT { (:Commitment)-[:STATED_AT]->($m) }}`, "$m", v)
}

func toMeetingSummary(m map[string]any) (schema.MeetingSummary, error) {
	var f fieldReader
	s := schema.MeetingSummary{
		ID: f.str(m, "id"), Date: schema.Date(f.str(m, "date")), DatePrecision: f.str(m, "date_precision"),
		Place: f.str(m, "city"), Country: f.str(m, "country"), Occasion: f.str(m, "occasion"),
		Kind: schema.MeetingKind(f.str(m, "kind")), Parties: f.strs(m, "parties"),
		FromReference: f.flag(m, "from_reference"), Documents: f.num(m, "documents"), Commitments: f.num(m, "commitments"),
	}
	s.Title = meetingTitle(f.strs(m, "titles"), s.Occasion, s.Place, s.Parties, s.Date)
	return s, f.err
}

func (s *Store) meetingSummaries(ctx context.Context, op, q string, params map[string]any) ([]schema.MeetingSummary, error) {
	recs, err := s.read(ctx, op, q, params)
	if err != nil {
		return nil, err
	}
	out := make([]schema.MeetingSummary, 0, len(recs))
	for _, rec := range recs {
		m, err := getMap(rec, "meeting")
		if err != nil {
			return nil, decodeError(op, err)
		}
		ms, err := toMeetingSummary(m)
		if err != nil {
			return nil, decodeError(op, err)
		}
		out = append(out, ms)
	}
	return out, nil
}

// meetingByIDQ reads one meeting.
var meetingByIDQ = `
MATCH (m:Meeting {id: $id})
RETURN ` + meetingColumns + ` AS meeting`

// meetingsAtMatch finds the earliest meeting held at a place, as m.
const meetingsAtMatch = `
MATCH (:Place {id: $place})<-[:HELD_IN]-(m:Meeting)
WITH m ORDER BY m.date, m.id LIMIT 1`

// meetingsAtOnMatch finds the earliest meeting held at a place within a
// date, as m.
// A reference's date may be less precise than the meeting's or more
// ("Xi'an 2023-05-17" finds the placeholder "2023-05"): $prefixes are the
// less precise dates, which sort first. Each branch reads the meeting_date
// index in order and stops at the first meeting held at the place, rather
// than reading the date of every meeting ever held there; a meeting's
// places are its place_ids (a full meeting) or place_id (a placeholder),
// properties rather than a walk over its relationships.
const meetingsAtOnMatch = `
MATCH (p:Place {id: $place})
CALL {
  WITH p
  MATCH (m:Meeting) WHERE m.date IN $prefixes AND (p.id IN m.place_ids OR m.place_id = p.id)
  RETURN m ORDER BY m.date, m.id LIMIT 1
  UNION
  WITH p
  MATCH (m:Meeting) WHERE m.date STARTS WITH $date AND (p.id IN m.place_ids OR m.place_id = p.id)
  RETURN m ORDER BY m.date, m.id LIMIT 1
}
WITH m ORDER BY m.date, m.id LIMIT 1`

// meetingAtStatement is the statement that finds the meeting held at a
// place (a city name) within a date, if one is given.
func meetingAtStatement(place string, date schema.Date) schema.ReadStatement {
	st := meetingAtMatch(place, date)
	st.Cypher += "\nRETURN " + meetingColumns + " AS meeting"
	return st
}

// meetingAtMatch is the part of meetingAtStatement that finds the meeting,
// as m, for statements that go on from it.
func meetingAtMatch(place string, date schema.Date) schema.ReadStatement {
	p := map[string]any{"place": placeID(place)}
	if date == "" {
		return schema.ReadStatement{Cypher: meetingsAtMatch, Params: p}
	}
	prefixes := []string{}
	for _, n := range []int{len("2006"), len("2006-01")} {
		if len(date) > n {
			prefixes = append(prefixes, string(date[:n]))
		}
	}
	p["date"], p["prefixes"] = string(date), prefixes
	return schema.ReadStatement{Cypher: meetingsAtOnMatch, Params: p}
}

// meetingsOnQ lists the meetings whose occasion contains $occasion
// (case-insensitively), within a date.
var meetingsOnQ = `
MATCH (m:Meeting)
WHERE m.occasion IS NOT NULL AND toLower(m.occasion) CONTAINS $occasion
  AND ($date IS NULL OR m.date STARTS WITH $date OR $date STARTS WITH m.date)
WITH m ORDER BY m.date, m.id LIMIT 1
RETURN ` + meetingColumns + ` AS meeting`

// meetingPlacesQ lists where and when meetings were held, for suggestions.
const meetingPlacesQ = `
MATCH (p:Place)<-[:HELD_IN]-(m:Meeting)
WHERE m.year IS NOT NULL
RETURN DISTINCT p.name AS place, m.year AS year
ORDER BY place, year
LIMIT $limit`

// ResolveMeetingRef finds the meeting a reference names: a meeting id, or
// a place with an optional date ("Xi'an 2023", "2023 Xi'an", "Astana
// 2024-07", "Xi'an") or an occasion with one ("SCO Summit 2024"). Several
// matches resolve to the earliest. An unknown id or reference is an
// ENOTFOUND error that lists close matches.
func (s *Store) ResolveMeetingRef(ctx context.Context, ref string) (schema.MeetingSummary, error) {
	const op = "resolve meeting"
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return schema.MeetingSummary{}, schema.Errorf(schema.EINVALID, "meeting: empty reference")
	}
	if idPattern.MatchString(ref) {
		ms, err := s.meetingSummaries(ctx, op, meetingByIDQ, map[string]any{"id": ref})
		if err != nil {
			return schema.MeetingSummary{}, err
		}
		if len(ms) == 0 {
			return schema.MeetingSummary{}, schema.Errorf(schema.ENOTFOUND, "no meeting has id %q", ref)
		}
		return ms[0], nil
	}
	name, date := splitMeetingRef(ref)
	if name == "" {
		return schema.MeetingSummary{}, schema.Errorf(schema.EINVALID,
			"meeting %q: want a meeting id or a place and year such as \"Xi'an 2023\"", ref)
	}
	var dateParam any
	if date != "" {
		dateParam = string(date)
	}
	at := meetingAtStatement(name, date)
	ms, err := s.meetingSummaries(ctx, op, at.Cypher, at.Params)
	if err != nil {
		return schema.MeetingSummary{}, err
	}
	if len(ms) == 0 {
		ms, err = s.meetingSummaries(ctx, op, meetingsOnQ, map[string]any{"occasion": strings.ToLower(name), "date": dateParam})
		if err != nil {
			return schema.MeetingSummary{}, err
		}
	}
	if len(ms) > 0 {
		return ms[0], nil
	}
	recs, err := s.read(ctx, op, meetingPlacesQ, map[string]any{"limit": maxSuggestionPool})
	if err != nil {
		return schema.MeetingSummary{}, err
	}
	var cands []string
	for _, rec := range recs {
		r := recordReader{rec: rec}
		place, year := r.str("place"), r.num("year")
		if r.err != nil {
			return schema.MeetingSummary{}, decodeError(op, r.err)
		}
		cands = append(cands, fmt.Sprintf("%s %d", place, year))
	}
	return schema.MeetingSummary{}, notFound("meeting", ref, closeMatches(ref, cands, 5))
}

// placeNamesQ lists the places meetings were held in.
const placeNamesQ = `
MATCH (p:Place)
WHERE EXISTS { (p)<-[:HELD_IN]-(:Meeting) }
RETURN p.name AS name
ORDER BY name
LIMIT $limit`

// PlaceNames returns up to limit names of the places meetings were held
// in, for question parsing.
func (s *Store) PlaceNames(ctx context.Context, limit int) ([]string, error) {
	const op = "list places"
	if limit <= 0 || limit > maxSuggestionPool {
		limit = maxSuggestionPool
	}
	recs, err := s.read(ctx, op, placeNamesQ, map[string]any{"limit": limit})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, rec := range recs {
		name, err := getString(rec, "name")
		if err != nil {
			return nil, decodeError(op, err)
		}
		out = append(out, name)
	}
	return out, nil
}

// splitMeetingRef separates a leading or trailing date from a meeting
// reference: "Xi'an 2023" -> ("Xi'an", "2023").
func splitMeetingRef(ref string) (string, schema.Date) {
	words := strings.Fields(ref)
	if len(words) > 1 {
		if d, err := schema.ParseDate(words[len(words)-1]); err == nil {
			return strings.Join(words[:len(words)-1], " "), d
		}
		if d, err := schema.ParseDate(words[0]); err == nil {
			return strings.Join(words[1:], " "), d
		}
	}
	return strings.Join(words, " "), ""
}

// Meetings lists the meetings q selects that have a date, earliest first.
func (s *Store) Meetings(ctx context.Context, q schema.MeetingQuery) (schema.MeetingPage, error) {
	limit, err := checkLimit(q.Limit, schema.MaxLimit)
	if err != nil {
		return schema.MeetingPage{}, err
	}
	after, _, err := parseCursor(q.Cursor)
	if err != nil {
		return schema.MeetingPage{}, err
	}
	if q.Country != "" && !isoCode.MatchString(q.Country) {
		return schema.MeetingPage{}, schema.Errorf(schema.EINVALID, "country %q: want an ISO 3166-1 alpha-2 code such as CN", q.Country)
	}
	p := map[string]any{"limit": limit + 1}
	match := "MATCH (m:Meeting)"
	var where []string
	switch {
	case q.Place != "":
		match = "MATCH (:Place {id: $place})<-[:HELD_IN]-(m:Meeting)"
		p["place"] = placeID(q.Place)
	case q.Country != "":
		match = "MATCH (:Country {code: $country})<-[:HAS_PARTY]-(m:Meeting)"
	}
	if q.Country != "" {
		where = append(where, "$country IN m.parties")
		p["country"] = q.Country
	}
	where = dateWindow("m", q.From, q.To, after, where, p)
	cypher := match + "\nWHERE " + strings.Join(where, " AND ") +
		"\nWITH m ORDER BY m.date, m.id LIMIT $limit\nRETURN " + meetingColumns + " AS meeting\nORDER BY meeting.date, meeting.id"
	items, err := s.meetingSummaries(ctx, "list meetings", cypher, p)
	if err != nil {
		return schema.MeetingPage{}, err
	}
	page := schema.MeetingPage{Items: items}
	if len(items) > limit {
		page.Items = items[:limit]
		last := items[limit-1]
		page.NextCursor = cursor{date: string(last.Date), id: last.ID}.String()
	}
	return page, nil
}

// maxRelated bounds each list of a detail view.
const maxRelated = 200

// meetingDetailQ reads a meeting and its links, each list bounded.
var meetingDetailQ = `
MATCH (m:Meeting {id: $id})
RETURN ` + meetingColumns + ` AS meeting,
  COLLECT { MATCH (p:Person)-[a:ATTENDED]->(m)
            OPTIONAL MATCH (p)-[:REPRESENTS]->(k:Country)
            WITH p, a, min(k.code) AS country ORDER BY a.principal DESC, p.name LIMIT $bound
            RETURN p {.id, .name, role: a.role, principal: coalesce(a.principal, false), country: country} } AS participants,
  COLLECT { MATCH (d:Document)-[:REPORTS]->(m) WITH d ORDER BY d.id LIMIT $bound
            RETURN d {.id, .title, .source_url, .published} } AS documents,
  COLLECT { MATCH (m)-[:DURING]->(s:Meeting) WITH s ORDER BY s.id LIMIT 1
            RETURN ` + meetingProjection("s") + ` } AS during,
  COLLECT { MATCH (m)-[:REFERS_TO]->(t:Meeting) WITH DISTINCT t ORDER BY t.date, t.id LIMIT $bound
            RETURN ` + meetingProjection("t") + ` } AS refers_to,
  COLLECT { MATCH (x:Meeting)-[:REFERS_TO]->(m) WITH DISTINCT x ORDER BY x.date, x.id LIMIT $bound
            RETURN ` + meetingProjection("x") + ` } AS referred_by,
  COLLECT { MATCH (x:Meeting)-[:DURING]->(m) WITH x ORDER BY x.date, x.id LIMIT $bound
            RETURN ` + meetingProjection("x") + ` } AS sessions`

// Meeting returns a meeting with its participants, parties, place,
// occasion, the documents reporting it, the meetings it refers to and that
// refer to it, and its commitments (up to schema.MaxLimit; Truncated says when
// there are more). An unknown id is ENOTFOUND.
func (s *Store) Meeting(ctx context.Context, id string) (schema.MeetingDetail, error) {
	const op = "read meeting"
	recs, err := s.read(ctx, op, meetingDetailQ, map[string]any{"id": id, "bound": maxRelated})
	if err != nil {
		return schema.MeetingDetail{}, err
	}
	if len(recs) == 0 {
		return schema.MeetingDetail{}, schema.Errorf(schema.ENOTFOUND, "no meeting has id %q", id)
	}
	r := recordReader{rec: recs[0]}
	var d schema.MeetingDetail
	var f fieldReader
	d.MeetingSummary, f.err = toMeetingSummary(r.mp("meeting"))
	for _, p := range r.maps("participants") {
		d.Participants = append(d.Participants, schema.Attendee{ID: f.str(p, "id"), Name: f.str(p, "name"),
			Role: f.str(p, "role"), Country: f.str(p, "country"), Principal: f.flag(p, "principal")})
	}
	for _, doc := range r.maps("documents") {
		d.Documents = append(d.Documents, schema.DocumentRef{ID: f.str(doc, "id"), Title: f.str(doc, "title"),
			URL: f.str(doc, "source_url"), Published: schema.Date(f.str(doc, "published"))})
	}
	lists := []struct {
		key string
		dst *[]schema.MeetingSummary
	}{{"refers_to", &d.RefersTo}, {"referred_by", &d.ReferredBy}, {"sessions", &d.Sessions}, {"during", nil}}
	for _, l := range lists {
		out := []schema.MeetingSummary{}
		for _, m := range r.maps(l.key) {
			ms, err := toMeetingSummary(m)
			f.keep(err)
			out = append(out, ms)
		}
		if l.dst != nil {
			*l.dst = out
		} else if len(out) > 0 {
			d.During = &out[0]
		}
	}
	r.keep(f.err)
	if r.err != nil {
		return schema.MeetingDetail{}, decodeError(op, r.err)
	}
	if d.Participants == nil {
		d.Participants = []schema.Attendee{}
	}
	if d.Documents == nil {
		d.Documents = []schema.DocumentRef{}
	}
	page, err := s.Commitments(ctx, schema.Query{Meeting: id, Limit: schema.MaxLimit})
	if err != nil {
		return schema.MeetingDetail{}, err
	}
	d.Commitments = page.Items
	d.Truncated = map[string]bool{}
	for key, n := range map[string]int{"participants": len(d.Participants), "documents": len(d.Documents),
		"refers_to": len(d.RefersTo), "referred_by": len(d.ReferredBy), "sessions": len(d.Sessions)} {
		if n >= maxRelated {
			d.Truncated[key] = true
		}
	}
	if page.NextCursor != "" {
		d.Truncated["commitments"] = true
	}
	if len(d.Truncated) == 0 {
		d.Truncated = nil
	}
	return d, nil
}
