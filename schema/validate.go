package schema

import (
	"regexp"
	"unicode/utf8"
)

var isoCode = regexp.MustCompile(`^[A-Z]{2}$`)

// Validate checks what the graph relies on: a document id, dates that parse,
// ISO codes, offsets that lie inside the text and match the span, known
// modalities, topics and entity kinds. It returns an EINVALID *Error naming
// the first problem.
func (x *Extraction) Validate() error {
	if x.Document.ID == "" {
		return Errorf(EINVALID, "document has no id")
	}
	if !utf8.ValidString(x.Document.Text) {
		return Errorf(EINVALID, "document text is not valid UTF-8")
	}
	for _, d := range []Date{x.Document.Published, x.Meeting.Date} {
		if !d.IsZero() {
			if _, err := ParseDate(string(d)); err != nil {
				return err
			}
		}
	}
	if err := validCodes("meeting parties", x.Meeting.Parties); err != nil {
		return err
	}
	for i, r := range x.References {
		if !r.Date.IsZero() {
			if _, err := ParseDate(string(r.Date)); err != nil {
				return Errorf(EINVALID, "reference %d: %s", i, err)
			}
		}
		if err := validCodes("reference parties", r.Parties); err != nil {
			return err
		}
	}
	n := len(x.Document.Text)
	for i, c := range x.Commitments {
		if c.Start < 0 || c.End > n || c.Start > c.End {
			return Errorf(EINVALID, "commitment %d: offsets [%d,%d) outside the text (%d bytes)", i, c.Start, c.End, n)
		}
		if x.Document.Text != "" && x.Document.Text[c.Start:c.End] != c.Text {
			return Errorf(EINVALID, "commitment %d: text does not match offsets [%d,%d)", i, c.Start, c.End)
		}
		if !c.Modality.Valid() {
			return Errorf(EINVALID, "commitment %d: unknown modality %q", i, c.Modality)
		}
		if err := validCodes("actors", c.Actors); err != nil {
			return err
		}
		if err := validCodes("counterparts", c.Counterparts); err != nil {
			return err
		}
		for _, t := range append(append([]string{}, c.Topics...), c.Subtopics...) {
			if _, ok := LookupTopic(t); !ok {
				return Errorf(EINVALID, "commitment %d: unknown topic %q", i, t)
			}
		}
		for _, e := range c.Entities {
			if e.Name == "" || !e.Kind.Valid() {
				return Errorf(EINVALID, "commitment %d: entity %q has unknown kind %q", i, e.Name, e.Kind)
			}
		}
	}
	return nil
}

func validCodes(what string, codes []string) error {
	for _, c := range codes {
		if !isoCode.MatchString(c) {
			return Errorf(EINVALID, "%s: %q is not an ISO 3166-1 alpha-2 code", what, c)
		}
	}
	return nil
}
