package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Document is one readout as published.
type Document struct {
	// ID is a hash of the normalised text (see ingest), so the same readout
	// fetched twice, or with different whitespace, has one id.
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	SourceURL string `json:"source_url,omitempty"`
	Published Date   `json:"published,omitempty"`
	// Text is the input as received (after UTF-8 repair); every offset of
	// the extraction points into it.
	Text string `json:"-"`
}

// Meeting is an encounter of the parties' representatives: the one a readout
// reports, or an earlier one it refers to.
type Meeting struct {
	Date Date `json:"date"`
	// City is the town as the text names it ("Nur-Sultan" in a 2021
	// readout); Place is the gazetteer's name for it when that differs
	// ("Astana"), which is what identifies the place across spellings.
	City     string      `json:"city"`
	Place    string      `json:"place,omitempty"`
	Country  string      `json:"country,omitempty"` // ISO 3166-1 alpha-2 of the place
	Venue    string      `json:"venue,omitempty"`
	Occasion string      `json:"occasion,omitempty"` // "Shanghai Cooperation Organization Summit"
	Kind     MeetingKind `json:"kind,omitempty"`
	// Parties are the ISO 3166-1 alpha-2 codes of the countries that met,
	// sorted.
	Parties      []string      `json:"parties"`
	Participants []Participant `json:"participants,omitempty"`
}

// Precision is the precision of the meeting date.
func (m Meeting) Precision() Precision { return m.Date.Precision() }

// PlaceName is the name that identifies the meeting's town: Place, else
// City.
func (m Meeting) PlaceName() string { return placeName(m.Place, m.City) }

func placeName(place, city string) string {
	if place != "" {
		return place
	}
	return city
}

// Participant is a person at a meeting.
type Participant struct {
	Name    string   `json:"name"` // canonical spelling
	Aliases []string `json:"aliases,omitempty"`
	Role    string   `json:"role,omitempty"`
	Country string   `json:"country,omitempty"`
	// Principal is true for the leaders who met, false for those
	// accompanying them ("Cai Qi and Wang Yi were present").
	Principal bool `json:"principal"`
}

// Reference is an earlier meeting a readout mentions ("held fruitful talks in
// Xi'an in May last year"). Its date is only as precise as the text.
type Reference struct {
	Date    Date     `json:"date"`
	City    string   `json:"city"`            // as the text names it
	Place   string   `json:"place,omitempty"` // the gazetteer's name, when it differs (see Meeting)
	Country string   `json:"country,omitempty"`
	Parties []string `json:"parties"`
	Text    string   `json:"text"` // the phrase that mentions it
	Start   int      `json:"start"`
	End     int      `json:"end"`
}

// Entity is a named project, organisation, initiative, institution,
// principle or agreement.
type Entity struct {
	Name    string     `json:"name"` // canonical name
	Aliases []string   `json:"aliases,omitempty"`
	Kind    EntityKind `json:"kind"`
}

// Commitment is one stated commitment: one coordinated verb phrase of a
// readout, cut as GUIDELINES.md says.
type Commitment struct {
	// Text is the action phrase, exactly Document.Text[Start:End] (byte
	// offsets).
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
	// Actors commit; Counterparts are whom the commitment is made to or
	// with. ISO 3166-1 alpha-2 codes, sorted.
	Actors       []string `json:"actors"`
	Counterparts []string `json:"counterparts"`
	Speaker      string   `json:"speaker,omitempty"` // canonical name of who said it
	Modality     Modality `json:"modality"`
	// Topics are top-level slugs; Subtopics the finer "parent/child" slugs
	// of the taxonomy.
	Topics    []string `json:"topics"`
	Subtopics []string `json:"subtopics,omitempty"`
	Entities  []Entity `json:"entities"`
}

// Extraction is everything ingest reads from one readout.
type Extraction struct {
	Source      string       `json:"source"` // file path or URL it came from
	Document    Document     `json:"document"`
	Meeting     Meeting      `json:"meeting"`
	References  []Reference  `json:"references"`
	Commitments []Commitment `json:"commitments"`
	// Warnings say why an extraction is thin: no date, no commitments, not
	// a readout. They are not errors.
	Warnings []string `json:"warnings,omitempty"`
}

// CommitmentID is the deterministic id of the commitment at [start, end) of
// document docID.
func CommitmentID(docID string, start, end int) string {
	return hashID("c", fmt.Sprintf("%s:%d:%d", docID, start, end))
}

// hashID returns prefix + the first 16 hex digits of the SHA-256 of s.
func hashID(prefix, s string) string {
	sum := sha256.Sum256([]byte(s))
	return prefix + hex.EncodeToString(sum[:8])
}

// IngestStatus says what storing one extraction did to the graph.
type IngestStatus string

// Ingest outcomes.
const (
	IngestNew       IngestStatus = "new"       // the document was not in the graph
	IngestUnchanged IngestStatus = "unchanged" // it was, and writing it again changed nothing
	IngestUpdated   IngestStatus = "updated"   // it was, and its extraction differs (e.g. a newer extractor)
)

// IngestResult says what storing one extraction wrote.
type IngestResult struct {
	DocumentID string       `json:"document_id"`
	Status     IngestStatus `json:"status"`
	// MeetingID is the meeting the document reports, after resolution.
	MeetingID     string   `json:"meeting_id"`
	CommitmentIDs []string `json:"commitment_ids"` // in document order
	// References are the ids of the meetings the document refers to.
	References []string `json:"references"`
}

// PlaceName is the name that identifies the referred meeting's town:
// Place, else City.
func (r Reference) PlaceName() string { return placeName(r.Place, r.City) }
