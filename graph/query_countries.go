package graph

import (
	"context"

	"github.com/pledgegraph/pledgegraph/schema"
)

// maxCountries bounds the country list (ISO 3166-1 has 249 codes).
const maxCountries = 500

// countriesQ counts, per country, its meetings and the commitments it made
// and received (relationship degrees, which Neo4j keeps).
const countriesQ = `
MATCH (k:Country)
WITH k, COUNT { (k)<-[:HAS_PARTY]-(:Meeting) } AS meetings,
     COUNT { (k)<-[:MADE_BY]-(:Commitment) } AS made,
     COUNT { (k)<-[:TOWARD]-(:Commitment) } AS received
WHERE meetings + made + received > 0
RETURN k.code AS code, meetings, made, received
ORDER BY code
LIMIT $limit`

// Countries lists the countries that have meetings or commitments, by code.
func (s *Store) Countries(ctx context.Context) ([]schema.CountrySummary, error) {
	const op = "list countries"
	recs, err := s.read(ctx, op, countriesQ, map[string]any{"limit": maxCountries})
	if err != nil {
		return nil, err
	}
	out := make([]schema.CountrySummary, 0, len(recs))
	for _, rec := range recs {
		r := recordReader{rec: rec}
		c := schema.CountrySummary{Code: r.str("code"), Meetings: r.num("meetings"), Made: r.num("made"), Received: r.num("received")}
		if r.err != nil {
			return nil, decodeError(op, r.err)
		}
		out = append(out, c)
	}
	return out, nil
}

// countryQ reads one country's counts, latest meetings, commitments by
// topic (top-level topics) and partners.
var countryQ = `
MATCH (k:Country {code: $code})
RETURN k.code AS code,
  COUNT { (k)<-[:HAS_PARTY]-(:Meeting) } AS meetings,
  COUNT { (k)<-[:MADE_BY]-(:Commitment) } AS made,
  COUNT { (k)<-[:TOWARD]-(:Commitment) } AS received,
  COLLECT { MATCH (k)<-[:HAS_PARTY]-(m:Meeting) WHERE m.date IS NOT NULL
            WITH m ORDER BY m.date DESC, m.id LIMIT $bound
            RETURN ` + meetingProjection("m") + ` } AS recent,
  COLLECT { MATCH (k)<-[:MADE_BY]-(c:Commitment) UNWIND c.topics AS t
            WITH t, count(*) AS n ORDER BY n DESC, t
            RETURN {topic: t, count: n} } AS made_by_topic,
  COLLECT { MATCH (k)<-[:TOWARD]-(c:Commitment) UNWIND c.topics AS t
            WITH t, count(*) AS n ORDER BY n DESC, t
            RETURN {topic: t, count: n} } AS received_by_topic,
  COLLECT { MATCH (k)<-[:MADE_BY|TOWARD]-(c:Commitment)
            WITH DISTINCT c UNWIND c.actors + c.counterparts AS o
            WITH o, c WHERE o <> k.code
            WITH o, count(DISTINCT c) AS n ORDER BY n DESC, o LIMIT $bound
            RETURN {code: o, count: n} } AS partners`

// Country returns a country by ISO code; one the graph does not know is
// ENOTFOUND.
func (s *Store) Country(ctx context.Context, code string) (schema.CountryDetail, error) {
	const op = "read country"
	if !isoCode.MatchString(code) {
		return schema.CountryDetail{}, schema.Errorf(schema.EINVALID, "country %q: want an ISO 3166-1 alpha-2 code such as CN", code)
	}
	recs, err := s.read(ctx, op, countryQ, map[string]any{"code": code, "bound": maxRelated})
	if err != nil {
		return schema.CountryDetail{}, err
	}
	if len(recs) == 0 {
		return schema.CountryDetail{}, schema.Errorf(schema.ENOTFOUND, "no country %q in the graph", code)
	}
	r := recordReader{rec: recs[0]}
	var f fieldReader
	d := schema.CountryDetail{
		CountrySummary: schema.CountrySummary{Code: r.str("code"), Meetings: r.num("meetings"), Made: r.num("made"), Received: r.num("received")},
		RecentMeetings: []schema.MeetingSummary{}, MadeByTopic: []schema.TopicCount{}, ReceivedByTopic: []schema.TopicCount{}, Partners: []schema.PartnerCount{},
	}
	for _, m := range r.maps("recent") {
		ms, err := toMeetingSummary(m)
		f.keep(err)
		d.RecentMeetings = append(d.RecentMeetings, ms)
	}
	for _, t := range r.maps("made_by_topic") {
		d.MadeByTopic = append(d.MadeByTopic, schema.TopicCount{Topic: f.str(t, "topic"), Count: f.num(t, "count")})
	}
	for _, t := range r.maps("received_by_topic") {
		d.ReceivedByTopic = append(d.ReceivedByTopic, schema.TopicCount{Topic: f.str(t, "topic"), Count: f.num(t, "count")})
	}
	for _, p := range r.maps("partners") {
		d.Partners = append(d.Partners, schema.PartnerCount{Code: f.str(p, "code"), Count: f.num(p, "count")})
	}
	r.keep(f.err)
	if r.err != nil {
		return schema.CountryDetail{}, decodeError(op, r.err)
	}
	return d, nil
}

// PartnerTimeline returns, in date order, the commitments that involve both
// a and b among their actors and counterparts: what the two committed to
// each other or together. q's other filters apply too.
func (s *Store) PartnerTimeline(ctx context.Context, a, b string, q schema.Query) (schema.CommitmentPage, error) {
	for _, c := range []string{a, b} {
		if !isoCode.MatchString(c) {
			return schema.CommitmentPage{}, schema.Errorf(schema.EINVALID, "country %q: want an ISO 3166-1 alpha-2 code such as CN", c)
		}
	}
	if a == b {
		return schema.CommitmentPage{}, schema.Errorf(schema.EINVALID, "partners: %s and %s are the same country", a, b)
	}
	for _, c := range []string{a, b} {
		if _, err := s.countryExists(ctx, c); err != nil {
			return schema.CommitmentPage{}, err
		}
	}
	q.Parties = []string{a, b}
	return s.Commitments(ctx, q)
}

func (s *Store) countryExists(ctx context.Context, code string) (bool, error) {
	recs, err := s.read(ctx, "read country", `MATCH (k:Country {code: $code}) RETURN k.code AS code`, map[string]any{"code": code})
	if err != nil {
		return false, err
	}
	if len(recs) == 0 {
		return false, schema.Errorf(schema.ENOTFOUND, "no country %q in the graph", code)
	}
	return true, nil
}
