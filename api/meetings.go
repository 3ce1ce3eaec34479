package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// listMeetings answers GET /v1/meetings.
func (s *Server) listMeetings(c *gin.Context) {
	values := c.Request.URL.Query()
	if err := checkParams(values, []string{"country", "place", "from", "to", "limit", "cursor"}); err != nil {
		s.fail(c, err)
		return
	}
	var q schema.MeetingQuery
	var err error
	if v := values.Get("country"); v != "" {
		if q.Country, err = s.countryParam("country", v); err != nil {
			s.fail(c, err)
			return
		}
	}
	q.Place = values.Get("place")
	for _, p := range []struct {
		name string
		dst  *schema.Date
	}{{"from", &q.From}, {"to", &q.To}} {
		if v := values.Get(p.name); v != "" {
			if *p.dst, err = schema.ParseDate(v); err != nil {
				s.fail(c, errParam(p.name, "a date YYYY, YYYY-MM or YYYY-MM-DD", "%q is not a date", v))
				return
			}
		}
	}
	if q.Limit, err = parseLimit(values, schema.MaxLimit); err != nil {
		s.fail(c, err)
		return
	}
	q.Cursor = values.Get("cursor")
	page, ok := call(s, c, "meetings", func(ctx context.Context) (schema.MeetingPage, error) {
		page, err := s.store.Meetings(ctx, q)
		if schema.ErrorCode(err) == schema.EINVALID && q.Cursor != "" {
			return page, paramError("cursor", acceptCursor, err)
		}
		return page, err
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, page)
}

// getMeeting answers GET /v1/meetings/{id}.
func (s *Server) getMeeting(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	id := c.Param("id")
	if !meetingID.MatchString(id) {
		s.fail(c, errNotFound("no meeting has id %q (meeting ids look like m0123456789abcdef)", id))
		return
	}
	m, ok := call(s, c, "meeting", func(ctx context.Context) (schema.MeetingDetail, error) {
		return s.store.Meeting(ctx, id)
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, m)
}
