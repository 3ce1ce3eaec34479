package api

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// entityTimeline answers GET /v1/entities/{id}/timeline.
func (s *Server) entityTimeline(c *gin.Context) {
	values := c.Request.URL.Query()
	if err := checkParams(values, []string{"limit", "cursor"}); err != nil {
		s.fail(c, err)
		return
	}
	limit, err := parseLimit(values, schema.MaxLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	ref := c.Param("id")
	t, ok := call(s, c, "entity timeline", func(ctx context.Context) (schema.EntityTimeline, error) {
		t, err := s.store.EntityTimeline(ctx, ref, limit, values.Get("cursor"))
		if schema.ErrorCode(err) == schema.EINVALID && values.Get("cursor") != "" {
			return t, paramError("cursor", acceptCursor, err)
		}
		return t, err
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, t)
}

// listTopics answers GET /v1/topics.
func (s *Server) listTopics(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	topics, ok := call(s, c, "topics", s.store.Topics)
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, gin.H{"items": topics})
}

// stats answers GET /v1/stats.
func (s *Server) stats(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	st, ok := call(s, c, "stats", s.store.Stats)
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, st)
}

// neighborhood answers GET /v1/graph/neighborhood.
func (s *Server) neighborhood(c *gin.Context) {
	values := c.Request.URL.Query()
	if err := checkParams(values, []string{"id", "depth", "limit"}); err != nil {
		s.fail(c, err)
		return
	}
	id := values.Get("id")
	if id == "" {
		s.fail(c, errParam("id", "the id of a meeting, commitment, document, person, place or entity, a country code or a topic slug", "missing"))
		return
	}
	depth, limit := 1, schema.DefaultNeighborhood
	for _, p := range []struct {
		name     string
		dst      *int
		min, max int
	}{{"depth", &depth, 1, schema.MaxDepth}, {"limit", &limit, 1, schema.MaxNeighborhoodNodes}} {
		if v := values.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < p.min || n > p.max {
				s.fail(c, errParam(p.name, fmt.Sprintf("an integer from %d to %d", p.min, p.max), "%q", v))
				return
			}
			*p.dst = n
		}
	}
	nb, ok := call(s, c, "neighborhood", func(ctx context.Context) (schema.Neighborhood, error) {
		return s.store.Neighborhood(ctx, id, depth, limit)
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, nb)
}
