package graph

import (
	"github.com/pledgegraph/pledgegraph/schema"
)

// docRows is one extraction converted into the parameters of the ingest
// statements: every id computed, every list sorted, empty strings as nil so
// that Cypher never stores "" for "unknown".
type docRows struct {
	docID       string
	doc         map[string]any
	countries   []string // every country code the document touches, sorted: the lock order
	meeting     meetingRows
	refs        []any
	commitments []any
	ids         []string // commitment ids, in document order
}

// meetingRows describes the meeting a document reports.
type meetingRows struct {
	id      string // the meeting's own id: full, partial (placeholder), summit or document-scoped
	partial bool   // a readout without a day: resolved like a reference
	full    bool   // identified by parties and day: partial mentions may resolve to it
	params  map[string]any
}

// meetingIdentity says how a readout's meeting is identified.
type meetingIdentity int

const (
	identityFull     meetingIdentity = iota // >= 2 parties and a day: parties + day
	identitySummit                          // a summit named by its occasion: occasion + year
	identityPartial                         // >= 2 parties, a month or year: resolved like a reference
	identityDocument                        // too little to tell it from other meetings: one per document
)

func identityOf(m schema.Meeting) meetingIdentity {
	switch {
	case m.Kind == schema.MeetingSummit && m.Occasion != "" && !m.Date.IsZero():
		return identitySummit
	case len(sortedSet(m.Parties)) < 2 || m.Date.IsZero():
		return identityDocument
	case m.Date.Precision() == schema.PrecisionDay:
		return identityFull
	}
	return identityPartial
}

// nilIfEmpty stores an unknown string as a missing property.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func toRows(x *schema.Extraction) docRows {
	r := docRows{docID: x.Document.ID}
	r.doc = map[string]any{
		"id":         x.Document.ID,
		"title":      nilIfEmpty(x.Document.Title),
		"source_url": nilIfEmpty(x.Document.SourceURL),
		"published":  nilIfEmpty(string(x.Document.Published)),
		"source":     nilIfEmpty(x.Source),
		"text":       nilIfEmpty(x.Document.Text),
	}
	codes := [][]string{x.Meeting.Parties, {x.Meeting.Country}}
	for _, p := range x.Meeting.Participants {
		codes = append(codes, []string{p.Country})
	}
	r.meeting = toMeetingRows(x)
	for _, ref := range x.References {
		codes = append(codes, ref.Parties, []string{ref.Country})
		r.refs = append(r.refs, toReferenceRow(ref))
	}
	for _, c := range x.Commitments {
		codes = append(codes, c.Actors, c.Counterparts)
		row := toCommitmentRow(x.Document.ID, c)
		r.commitments = append(r.commitments, row)
		r.ids = append(r.ids, row["id"].(string))
	}
	r.countries = sortedSet(codes...)
	return r
}

func toMeetingRows(x *schema.Extraction) meetingRows {
	m := x.Meeting
	parties := sortedSet(m.Parties)
	pk := partiesKey(parties)
	date := string(m.Date)
	props := map[string]any{
		"parties":        parties,
		"parties_key":    pk,
		"date":           nilIfEmpty(date),
		"date_precision": nilIfEmpty(string(m.Date.Precision())),
		"year":           nilIfZero(m.Date.Year()),
		"partial":        false,
	}
	mr := meetingRows{}
	switch identityOf(m) {
	case identityFull:
		mr.id, mr.full = meetingID(pk, date), true
		props["key"] = pk + "|" + date
		props["bucket"] = bucket(pk, date)
	case identitySummit:
		key := nameKey(m.Occasion) + "|" + date[:4]
		mr.id = summitID(key)
		props["key"] = "summit|" + key
	case identityPartial:
		mention := toMention(pk, m.Date, m.PlaceName(), m.Country)
		mr.id, mr.partial = mention["ref_id"].(string), true
		props["mention"] = mention
	default:
		mr.id = documentMeetingID(x.Document.ID)
		props["key"] = "doc|" + x.Document.ID
	}
	var place any
	if city := m.PlaceName(); city != "" {
		place = map[string]any{"id": placeID(city), "name": city, "country": nilIfEmpty(m.Country)}
	}
	var summit any
	if m.Occasion != "" && m.Kind != schema.MeetingSummit && !m.Date.IsZero() {
		key := nameKey(m.Occasion) + "|" + date[:4]
		summit = map[string]any{"id": summitID(key), "props": map[string]any{
			"key": "summit|" + key, "occasion": m.Occasion, "kind": string(schema.MeetingSummit),
			"parties": []string{}, "parties_key": "", "partial": false, "from_reference": false,
			"year": m.Date.Year(),
		}, "date": date}
	}
	var participants []any
	for _, p := range m.Participants {
		if p.Name == "" {
			continue
		}
		participants = append(participants, map[string]any{
			"id": personID(p.Name), "key": personKey(p.Name), "name": p.Name,
			"aliases":   sortedSet([]string{p.Name}, p.Aliases),
			"role":      nilIfEmpty(p.Role),
			"country":   nilIfEmpty(p.Country),
			"principal": p.Principal,
		})
	}
	mr.params = map[string]any{
		"id":           mr.id,
		"props":        props,
		"mention":      props["mention"],
		"place_id":     placeIDOrNil(m.PlaceName()),
		"place":        place,
		"summit":       summit,
		"participants": participants,
		"city":         nilIfEmpty(m.PlaceName()),
		"country":      nilIfEmpty(m.Country),
		"venue":        nilIfEmpty(m.Venue),
		"occasion":     nilIfEmpty(m.Occasion),
		"kind":         nilIfEmpty(string(m.Kind)),
	}
	return mr
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func placeIDOrNil(city string) any {
	if city == "" {
		return nil
	}
	return placeID(city)
}

// toMention describes a meeting known only partly (a reference, or a
// readout without a day): the placeholder it becomes when it resolves to no
// unique meeting, and the description that REFERS_TO (for a reference) or
// REPORTS (for a readout) keeps so that resolution can be redone as meetings
// arrive.
func toMention(parties string, date schema.Date, city, country string) map[string]any {
	key := mentionKey(parties, string(date), city)
	return map[string]any{
		"key":            key,
		"ref_id":         placeholderID(key),
		"parties_key":    parties,
		"bucket":         bucket(parties, string(date)),
		"date":           nilIfEmpty(string(date)),
		"date_precision": nilIfEmpty(string(date.Precision())),
		"city":           nilIfEmpty(city),
		"country":        nilIfEmpty(country),
		"place_id":       placeIDOrNil(city),
	}
}

func toReferenceRow(ref schema.Reference) map[string]any {
	return map[string]any{"mention": toMention(partiesKey(ref.Parties), ref.Date, ref.PlaceName(), ref.Country)}
}

func toCommitmentRow(docID string, c schema.Commitment) map[string]any {
	id := schema.CommitmentID(docID, c.Start, c.End)
	scope := ""
	if len(c.Actors) > 0 {
		// Commitments without actors are not tracked.
		scope = partiesKey(c.Actors, c.Counterparts)
	}
	ts := terms(c.Text)
	roots := []string{}
	for _, t := range c.Topics {
		roots = append(roots, schema.TopicRoot(t))
	}
	for _, t := range c.Subtopics {
		roots = append(roots, schema.TopicRoot(t))
	}
	roots = sortedSet(roots)
	subs := sortedSet(c.Subtopics)
	topics := append([]string{}, roots...)
	for _, t := range subs {
		if schema.TopicParent(t) != "" {
			topics = append(topics, t)
		}
	}
	var entities []any
	var entityIDs []string
	seen := map[string]bool{}
	for _, e := range c.Entities {
		eid := entityID(string(e.Kind), e.Name)
		if seen[eid] {
			continue
		}
		seen[eid] = true
		entityIDs = append(entityIDs, eid)
		entities = append(entities, map[string]any{
			"id": eid, "kind": string(e.Kind), "name": e.Name, "key": nameKey(e.Name),
			"aliases": sortedSet([]string{e.Name}, e.Aliases), "track": trackOrNil(scope, eid),
		})
	}
	var speaker any
	if c.Speaker != "" {
		speaker = map[string]any{"id": personID(c.Speaker), "key": personKey(c.Speaker), "name": c.Speaker,
			"aliases": []string{c.Speaker}}
	}
	return map[string]any{
		"id":       id,
		"actors":   sortedSet(c.Actors),
		"toward":   sortedSet(c.Counterparts),
		"topics":   topics,
		"entities": entities,
		"speaker":  speaker,
		"start":    c.Start,
		"end":      c.End,
		"keys":     matchKeys(scope, roots, ts),
		"props": map[string]any{
			"id":           id,
			"doc_id":       docID,
			"text":         c.Text,
			"sentence":     nilIfEmpty(c.Sentence),
			"modality":     string(c.Modality),
			"actors":       sortedSet(c.Actors),
			"counterparts": sortedSet(c.Counterparts),
			"scope":        scope,
			"topics":       roots,
			"subtopics":    subs,
			"entity_ids":   sortedSet(entityIDs),
			"terms":        ts,
			"speaker":      nilIfEmpty(c.Speaker),
		},
	}
}

// trackOrNil is the CONCERNS.track of a commitment's entity: "parties|id",
// nil for a commitment without actors, which is not tracked.
func trackOrNil(scope, entityID string) any {
	if scope == "" {
		return nil
	}
	return scope + "|" + entityID
}
