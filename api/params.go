package api

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// errParam is the 400 for a bad parameter: it names the parameter and says
// what is accepted.
func errParam(name, accepted, format string, args ...any) error {
	return schema.Errorf(schema.EINVALID, "parameter %s: %s; accepted: %s", name, fmt.Sprintf(format, args...), accepted)
}

// What each parameter accepts, as the error messages and the OpenAPI
// document say it.
const (
	acceptTopic    = "a topic slug of /v1/topics, such as connectivity or connectivity/railways"
	acceptDate     = "a date YYYY, YYYY-MM or YYYY-MM-DD, a meeting id, or a place and year such as \"Xi'an 2023\""
	acceptCountry  = "an ISO 3166-1 alpha-2 code such as KZ, or a country name such as Kazakhstan"
	acceptEntity   = "an entity id, name or alias, such as \"CKU railway\""
	acceptMeeting  = "a meeting id, or a place and year such as \"Astana 2024\""
	acceptText     = "words to search for in commitment texts, at most 200 bytes"
	acceptLimit    = "an integer from 1 to %d"
	acceptCursor   = "the next_cursor of the previous page"
	acceptModality = "one of offer, pledge, call, agreement, stance, support, opposition, welcome, hope"
)

// checkParams refuses parameters the endpoint does not take, and repeated
// ones except those in multi.
func checkParams(values url.Values, allowed []string, multi ...string) error {
	for name, vs := range values {
		if !slices.Contains(allowed, name) {
			return schema.Errorf(schema.EINVALID, "parameter %s: unknown; accepted: %s", name, strings.Join(allowed, ", "))
		}
		if len(vs) > 1 && !slices.Contains(multi, name) {
			return schema.Errorf(schema.EINVALID, "parameter %s: given %d times; accepted: once", name, len(vs))
		}
	}
	return nil
}

func parseLimit(values url.Values, max int) (int, error) {
	v := values.Get("limit")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, errParam("limit", fmt.Sprintf(acceptLimit, max), "%q", v)
	}
	return n, nil
}

// countryParam reads a country code or name.
func (s *Server) countryParam(name, v string) (string, error) {
	if s.deps.CountryCode != nil {
		if code, ok := s.deps.CountryCode(v); ok {
			return code, nil
		}
	} else if isoCode.MatchString(v) {
		return v, nil
	}
	return "", errParam(name, acceptCountry, "%q is not a country", v)
}

var (
	isoCode    = regexp.MustCompile(`^[A-Z]{2}$`)
	meetingID  = regexp.MustCompile(`^m[0-9a-f]{16}$`)
	documentID = regexp.MustCompile(`^d[0-9a-f]{16}$`)
)

// resolved says what the references among the parameters resolved to.
type resolved struct {
	Since   *schema.MeetingSummary `json:"since,omitempty"`
	Until   *schema.MeetingSummary `json:"until,omitempty"`
	Meeting *schema.MeetingSummary `json:"meeting,omitempty"`
}

func (r resolved) empty() bool { return r.Since == nil && r.Until == nil && r.Meeting == nil }

// commitmentParams lists the parameters of GET /v1/commitments.
var commitmentParams = []string{"topic", "since", "until", "actor", "counterpart", "party", "entity",
	"modality", "meeting", "q", "limit", "cursor"}

// commitmentQuery reads the filters of GET /v1/commitments (also the
// parameters /v1/ask derives from a question), resolving meeting
// references through the store. allowed lists the parameters taken.
func (s *Server) commitmentQuery(ctx context.Context, values url.Values, allowed []string) (schema.Query, resolved, error) {
	var q schema.Query
	var res resolved
	if err := checkParams(values, allowed, "party"); err != nil {
		return q, res, err
	}
	if v := values.Get("topic"); v != "" {
		if _, ok := schema.LookupTopic(v); !ok {
			return q, res, errParam("topic", acceptTopic, "%q is not a topic", v)
		}
		q.Topic = v
	}
	var err error
	if since := strings.TrimSpace(values.Get("since")); isMeetingRef(since) && strings.TrimSpace(values.Get("until")) == "" {
		// The store resolves the meeting in the statement that selects
		// the page (one round trip, not two); findCommitments checks what
		// it found. With until, since's date is needed first, to check
		// the two.
		q.SinceMeeting = since
	} else if q.Since, res.Since, err = s.dateParam(ctx, "since", since); err != nil {
		return q, res, err
	}
	if q.Until, res.Until, err = s.dateParam(ctx, "until", values.Get("until")); err != nil {
		return q, res, err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Until.End().After(q.Since.Start()) {
		return q, res, errParam("until", "a date on or after since", "%s is before since %s", q.Until, q.Since)
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"actor", &q.Actor}, {"counterpart", &q.Counterpart}} {
		if v := values.Get(p.name); v != "" {
			if *p.dst, err = s.countryParam(p.name, v); err != nil {
				return q, res, err
			}
		}
	}
	if len(values["party"]) > 2 {
		return q, res, errParam("party", "up to two countries", "given %d times", len(values["party"]))
	}
	for _, v := range values["party"] {
		code, err := s.countryParam("party", v)
		if err != nil {
			return q, res, err
		}
		if !slices.Contains(q.Parties, code) {
			q.Parties = append(q.Parties, code)
		}
	}
	q.Entity = strings.TrimSpace(values.Get("entity"))
	if v := values.Get("modality"); v != "" {
		if !schema.Modality(v).Valid() {
			return q, res, errParam("modality", acceptModality, "%q is not a modality", v)
		}
		q.Modality = schema.Modality(v)
	}
	if v := strings.TrimSpace(values.Get("meeting")); v != "" {
		m, err := s.store.ResolveMeetingRef(ctx, v)
		if err != nil {
			return q, res, paramError("meeting", acceptMeeting, err)
		}
		q.Meeting, res.Meeting = m.ID, &m
	}
	if v := values.Get("q"); v != "" {
		if len(v) > 200 {
			return q, res, errParam("q", acceptText, "%d bytes", len(v))
		}
		q.Text = v
	}
	if q.Limit, err = parseLimit(values, schema.MaxLimit); err != nil {
		return q, res, err
	}
	q.Cursor = values.Get("cursor")
	return q, res, nil
}

// dateParam reads since or until: a date, or a meeting whose date it
// takes.
func (s *Server) dateParam(ctx context.Context, name, v string) (schema.Date, *schema.MeetingSummary, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil, nil
	}
	if d, err := schema.ParseDate(v); err == nil {
		return d, nil, nil
	}
	if !isMeetingRef(v) {
		return "", nil, errParam(name, acceptDate, "%q is not a date", v)
	}
	m, err := s.store.ResolveMeetingRef(ctx, v)
	if err != nil {
		return "", nil, paramError(name, acceptDate, err)
	}
	if m.Date.IsZero() {
		return "", nil, errParam(name, acceptDate, "meeting %q (%s) has no known date", v, m.ID)
	}
	return m.Date, &m, nil
}

// isMeetingRef reports whether v, a value of since or until, names a
// meeting rather than a date: it is not a date and has more than digits
// and punctuation.
func isMeetingRef(v string) bool {
	if v == "" {
		return false
	}
	if _, err := schema.ParseDate(v); err == nil {
		return false
	}
	return strings.ContainsFunc(v, func(r rune) bool { return r > '9' })
}

// paramError turns a store error about a parameter's value (an unknown
// reference, a malformed one) into that parameter's 400; other errors
// (Neo4j down) pass unchanged.
func paramError(name, accepted string, err error) error {
	switch schema.ErrorCode(err) {
	case schema.ENOTFOUND, schema.EINVALID:
		return errParam(name, accepted, "%s", schema.ErrorMessage(err))
	}
	return err
}

// queryError names the parameter of a store error about the query's
// values where it can tell which.
func queryError(q schema.Query, err error) error {
	var se *schema.Error
	if !errors.As(err, &se) {
		return err
	}
	switch {
	case q.SinceMeeting != "" && (se.Code == schema.ENOTFOUND || se.Code == schema.EINVALID) &&
		(strings.HasPrefix(se.Message, "no meeting") || strings.HasPrefix(se.Message, "meeting")):
		// ResolveMeetingRef's errors, as dateParam reports them.
		return paramError("since", acceptDate, err)
	case se.Code == schema.ENOTFOUND && q.Entity != "":
		return paramError("entity", acceptEntity, err)
	case se.Code == schema.EINVALID && strings.HasPrefix(se.Message, "cursor"):
		return paramError("cursor", acceptCursor, err)
	}
	return err
}

// pathCountry reads a country in a path: a code or a name.
func (s *Server) pathCountry(c *gin.Context, name string) (string, error) {
	v := c.Param(name)
	if s.deps.CountryCode != nil {
		if code, ok := s.deps.CountryCode(v); ok {
			return code, nil
		}
	} else if isoCode.MatchString(v) {
		return v, nil
	}
	return "", schema.Errorf(schema.ENOTFOUND, "no country %q; accepted: %s", v, acceptCountry)
}
