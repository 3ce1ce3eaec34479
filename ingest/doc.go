// Package ingest turns one meeting readout into schema values: the document,
// the meeting it reports, the earlier meetings it refers to, and one
// commitment per coordinated verb phrase, cut as the annotation guidelines
// (../shared/eval/GUIDELINES.md) say.
//
// The pipeline is linguistic rather than tuned to particular texts:
//
//	decode.go, html.go    bytes -> Input (text, HTML, the API's JSON)
//	text.go               header lines, datelines, the document id
//	sentences.go          sentences and word tokens with byte offsets
//	dates.go              absolute and relative dates of readouts
//	participants.go       people, their roles and countries
//	meeting.go            date, place, occasion, kind and parties
//	references.go         earlier meetings the text mentions
//	attribution.go        who says a sentence ("Xi said ...", "..., Li added")
//	clauses.go            modal frames ("is ready to", "should", "agreed to")
//	commitments.go        subjects, actors and frames -> schema.Commitment
//	items.go              coordinated verb phrases: one commitment each
//	signed.go             lists of signed documents set out line by line
//	lexicon.go            verbs and adverbs the parser needs
//	wordclass.go          the word lists a token is in, looked up once
//	topics.go, entities.go  topic and entity tagging of a span
//	extract.go            Extract: the pipeline over one document
//
// Extract does no I/O and keeps no mutable package state: every table is
// built once at init and only read afterwards, so it is safe to call from
// many goroutines.
package ingest

import "github.com/pledgegraph/pledgegraph/schema"

// MaxInputSize is the largest input Decode accepts, in bytes.
const MaxInputSize = 5 << 20

// Format is the form of a raw input.
type Format int

// Input formats. FormatAuto asks Decode to guess from the name, the content
// type and the bytes.
const (
	FormatAuto Format = iota
	FormatText
	FormatHTML
	FormatJSON
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatHTML:
		return "html"
	case FormatJSON:
		return "json"
	}
	return "auto"
}

// Input is one decoded readout. Text is what every offset of the extraction
// refers to: for plain text the whole file (headers included) after UTF-8
// repair, for HTML the extracted plain text, for JSON its "text" field.
// Title, SourceURL and Published come from the container (HTML meta, JSON
// fields, header lines); header lines inside Text fill what is left empty.
type Input struct {
	Source    string // file path or URL the input came from
	Text      string
	Title     string
	SourceURL string
	Published schema.Date
	Format    Format
}
