package api

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// commitmentList is the body of GET /v1/commitments.
type commitmentList struct {
	Items      []schema.StoredCommitment `json:"items"`
	NextCursor string                    `json:"next_cursor,omitempty"`
	// Resolved shows the meetings that since, until and meeting named.
	Resolved *resolved `json:"resolved,omitempty"`
}

type commitmentResult struct {
	page schema.CommitmentPage
	res  resolved
}

// findCommitments resolves values into a query and runs it.
func (s *Server) findCommitments(c *gin.Context, values url.Values, allowed []string) (commitmentResult, bool) {
	return call(s, c, "commitments", func(ctx context.Context) (commitmentResult, error) {
		q, res, err := s.commitmentQuery(ctx, values, allowed)
		if err != nil {
			return commitmentResult{}, err
		}
		page, err := s.store.Commitments(ctx, q)
		if err != nil {
			return commitmentResult{}, queryError(q, err)
		}
		if q.SinceMeeting != "" {
			m := page.Since
			if m == nil {
				return commitmentResult{}, schema.Errorf(schema.EINTERNAL, "since %q: the store did not say which meeting", q.SinceMeeting)
			}
			if m.Date.IsZero() {
				return commitmentResult{}, errParam("since", acceptDate, "meeting %q (%s) has no known date", q.SinceMeeting, m.ID)
			}
			res.Since = m
		}
		return commitmentResult{page, res}, nil
	})
}

func toCommitmentList(r commitmentResult) commitmentList {
	out := commitmentList{Items: r.page.Items, NextCursor: r.page.NextCursor}
	if !r.res.empty() {
		out.Resolved = &r.res
	}
	return out
}

// listCommitments answers GET /v1/commitments.
func (s *Server) listCommitments(c *gin.Context) {
	r, ok := s.findCommitments(c, c.Request.URL.Query(), commitmentParams)
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, toCommitmentList(r))
}

// askAnswer is the body of GET /v1/ask.
type askAnswer struct {
	Question       string         `json:"question"`
	Interpretation interpretation `json:"interpretation"`
	// Query is the equivalent GET /v1/commitments request.
	Query  string               `json:"query"`
	Cypher schema.ReadStatement `json:"cypher"`
	commitmentList
}

type interpretation struct {
	Parameters map[string][]string `json:"parameters"`
	Understood []string            `json:"understood"`
}

// ask answers GET /v1/ask?q=...: the question becomes /v1/commitments
// parameters (package ask), which run as they would there.
func (s *Server) ask(c *gin.Context) {
	values := c.Request.URL.Query()
	if err := checkParams(values, []string{"q", "limit", "cursor"}); err != nil {
		s.fail(c, err)
		return
	}
	question := values.Get("q")
	if s.deps.Prepare == nil {
		s.fail(c, schema.Errorf(schema.EINTERNAL, "no question parser configured"))
		return
	}
	parse, ok := call(s, c, "vocabulary", s.vocab.get(s.store, s.deps.Prepare))
	if !ok {
		return
	}
	params, understood, err := parse(question)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, k := range []string{"limit", "cursor"} {
		if v := values.Get(k); v != "" {
			params.Set(k, v)
		}
	}
	r, ok := s.findCommitments(c, params, commitmentParams)
	if !ok {
		return
	}
	filters := url.Values{}
	for k, v := range params {
		if k != "limit" && k != "cursor" {
			filters[k] = v
		}
	}
	s.respond(c, http.StatusOK, askAnswer{
		Question:       question,
		Interpretation: interpretation{Parameters: filters, Understood: understood},
		Query:          "/v1/commitments?" + filters.Encode(),
		Cypher:         r.page.Statement,
		commitmentList: toCommitmentList(r),
	})
}

// vocabCache keeps the question parser prepared for the graph's
// vocabulary (entity names and aliases, meeting places), read and prepared
// at most once per ttl.
type vocabCache struct {
	ttl   time.Duration
	mu    sync.Mutex
	parse ParseFunc
	at    time.Time
}

func newVocabCache(ttl time.Duration) *vocabCache { return &vocabCache{ttl: ttl} }

func (n *vocabCache) get(store Store, prepare PrepareFunc) func(ctx context.Context) (ParseFunc, error) {
	return func(ctx context.Context) (ParseFunc, error) {
		n.mu.Lock()
		defer n.mu.Unlock()
		if n.parse != nil && time.Since(n.at) < n.ttl {
			return n.parse, nil
		}
		ents, err := store.EntityNames(ctx, 0)
		if err != nil {
			return nil, err
		}
		places, err := store.PlaceNames(ctx, 0)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range ents {
			names = append(names, e.Name)
			names = append(names, e.Aliases...)
		}
		n.parse, n.at = prepare(names, places), time.Now()
		return n.parse, nil
	}
}
