package schema

// MeetingSummary is a meeting in a list.
type MeetingSummary struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Date          Date        `json:"date,omitempty"`
	DatePrecision string      `json:"date_precision,omitempty"`
	Place         string      `json:"place,omitempty"`
	Country       string      `json:"country,omitempty"` // of the place
	Occasion      string      `json:"occasion,omitempty"`
	Kind          MeetingKind `json:"kind,omitempty"`
	Parties       []string    `json:"parties"`
	// FromReference is true for a meeting known only from other readouts'
	// references to it.
	FromReference bool `json:"from_reference"`
	Documents     int  `json:"document_count"`
	Commitments   int  `json:"commitment_count"`
}

// MeetingQuery filters meetings.
type MeetingQuery struct {
	Country  string // ISO code of a party
	Place    string // place name
	From, To Date   // inclusive date bounds
	Limit    int
	Cursor   string
}

// MeetingPage is one page of meetings, by date then id.
type MeetingPage struct {
	Items      []MeetingSummary `json:"items"`
	NextCursor string           `json:"next_cursor,omitempty"`
}

// MeetingDetail is one meeting with everything linked to it.
type MeetingDetail struct {
	MeetingSummary
	Participants []Attendee         `json:"participants"`
	Documents    []DocumentRef      `json:"documents"`
	During       *MeetingSummary    `json:"during,omitempty"` // the summit it was held at
	RefersTo     []MeetingSummary   `json:"refers_to"`
	ReferredBy   []MeetingSummary   `json:"referred_by"`
	Commitments  []StoredCommitment `json:"commitments"`
	Truncated    map[string]bool    `json:"truncated,omitempty"` // lists cut at their bound
	Sessions     []MeetingSummary   `json:"sessions,omitempty"`  // meetings held during it, for a summit
}

// Attendee is a person at a meeting, as stored. (Participant is the one a
// readout names.)
type Attendee struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Role      string `json:"role,omitempty"`
	Country   string `json:"country,omitempty"`
	Principal bool   `json:"principal"`
}

// DocumentRef is a document reporting a meeting.
type DocumentRef struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published Date   `json:"published,omitempty"`
}

// DocumentDetail is a stored readout: its metadata, its text (the one every
// commitment's source offsets point into) and the meetings it reports.
type DocumentDetail struct {
	DocumentRef
	Text     string   `json:"text"`
	Meetings []string `json:"meetings"`
}
