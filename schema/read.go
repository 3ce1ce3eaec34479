package schema

// The read models: what the store returns to the API, the API serves as
// JSON and the dashboard reads. Package graph fills them from Neo4j; package
// api defines the interface it needs of the store in their terms.

// Page sizes of the list methods.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Query filters commitments. Zero fields do not filter; the filters that are
// set must all hold. Results are sorted by date, then id; commitments whose
// meeting has no known date come last, and only when no date bound is set.
type Query struct {
	// Topic is a taxonomy slug; a top-level topic includes its subtopics
	// (ingest links every commitment to the roots of its subtopics too).
	Topic string
	// Since and Until bound the commitment's date, inclusively, at the
	// precision given: Until "2024" includes 2024-12-31. A meeting given as
	// a bound is resolved first (the store's ResolveMeetingRef) to its date.
	Since, Until Date
	// SinceMeeting, when Since is not set, is a meeting reference ("Xi'an
	// 2023", as ResolveMeetingRef takes) whose date is Since. The store
	// resolves it in the statement that selects the page, rather than in a
	// round trip of its own, and returns the meeting as
	// CommitmentPage.Since; a meeting without a date selects nothing.
	SinceMeeting string
	// Actor and Counterpart are ISO 3166-1 alpha-2 codes: a country that
	// made the commitment, one it was made to.
	Actor, Counterpart string
	// Parties are countries among the actors or the counterparts (a
	// bilateral timeline: both).
	Parties []string
	// Entity is an entity id, or a name or alias ("CKU railway"); a name
	// that several entities share (of different kinds) selects them all.
	Entity   string
	Modality Modality
	Meeting  string // meeting id
	// Text is a full-text search over commitment texts: words, all of which
	// must occur, and "quoted phrases".
	Text   string
	Limit  int    // page size, 1..MaxLimit; 0 is DefaultLimit
	Cursor string // NextCursor of the previous page; "" for the first
}

// StoredCommitment is a stored commitment with what it is about and where
// it was said. (Commitment is the extracted one it was stored from.)
type StoredCommitment struct {
	ID           string      `json:"id"`
	Text         string      `json:"text"`
	Sentence     string      `json:"sentence,omitempty"`
	Date         Date        `json:"date,omitempty"`
	Actors       []string    `json:"actors"`
	Counterparts []string    `json:"counterparts"`
	Speaker      string      `json:"speaker,omitempty"`
	Modality     Modality    `json:"modality"`
	Topics       []string    `json:"topics"`
	Subtopics    []string    `json:"subtopics"`
	Entities     []EntityRef `json:"entities"`
	Meeting      MeetingRef  `json:"meeting"`
	Source       Source      `json:"source"`
	// FirstStated is the date of the earliest meeting at which the same
	// commitment was stated; TimesStated the number of such meetings.
	FirstStated Date `json:"first_stated,omitempty"`
	TimesStated int  `json:"times_stated"`
	// Reiterates are the ids of the commitments of the latest earlier
	// meeting that this one restates.
	Reiterates []string `json:"reiterates"`
}

// EntityRef names an entity.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// MeetingRef names a meeting.
type MeetingRef struct {
	ID    string `json:"id"`
	Date  Date   `json:"date,omitempty"`
	Place string `json:"place,omitempty"`
	Title string `json:"title"`
}

// Source is where a commitment's text is: a span of a document.
type Source struct {
	DocumentID string `json:"document_id"`
	Title      string `json:"title,omitempty"`
	URL        string `json:"url,omitempty"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

// ReadStatement is a Cypher statement with its parameters, as run. (Statement
// is a statement of the graph's schema.)
type ReadStatement struct {
	Cypher string         `json:"cypher"`
	Params map[string]any `json:"parameters"`
}

// CommitmentPage is one page of commitments.
type CommitmentPage struct {
	Items      []StoredCommitment `json:"items"`
	NextCursor string             `json:"next_cursor,omitempty"`
	// Statement is the Cypher that selected the page (the first one run,
	// when the page spans dated and undated commitments).
	Statement ReadStatement `json:"-"`
	// Since is the meeting Query.SinceMeeting resolved to.
	Since *MeetingSummary `json:"-"`
}

// EntityName is an entity with the names it goes by.
type EntityName struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
}

// EntityTimeline is every statement about an entity, in date order.
type EntityTimeline struct {
	Entity EntityName `json:"entity"`
	// Items are the commitments concerning the entity, each with the ids it
	// REITERATES: following them backwards from the latest gives the chain
	// of restatements across meetings.
	Items      []StoredCommitment `json:"items"`
	NextCursor string             `json:"next_cursor,omitempty"`
	// Chain lists the REITERATES links among and from the items, oldest
	// first: {from, to, by} where by is "entity" or "text".
	Chain []ChainLink `json:"chain"`
}

// ChainLink is one REITERATES relationship.
type ChainLink struct {
	From string `json:"from"`
	To   string `json:"to"`
	By   string `json:"by,omitempty"`
}
