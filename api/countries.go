package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// country is a graph country with its name.
type country struct {
	Name string `json:"name,omitempty"`
	schema.CountrySummary
}

type countryDetail struct {
	Name string `json:"name,omitempty"`
	schema.CountryDetail
}

// listCountries answers GET /v1/countries.
func (s *Server) listCountries(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	list, ok := call(s, c, "countries", s.store.Countries)
	if !ok {
		return
	}
	items := make([]country, len(list))
	for i, k := range list {
		items[i] = country{Name: s.deps.CountryName(k.Code), CountrySummary: k}
	}
	s.respond(c, http.StatusOK, gin.H{"items": items})
}

// getCountry answers GET /v1/countries/{code}.
func (s *Server) getCountry(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	code, err := s.pathCountry(c, "code")
	if err != nil {
		s.fail(c, err)
		return
	}
	d, ok := call(s, c, "country", func(ctx context.Context) (schema.CountryDetail, error) { return s.store.Country(ctx, code) })
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, countryDetail{Name: s.deps.CountryName(code), CountryDetail: d})
}

// timelineParams are the filters a partner timeline takes.
var timelineParams = []string{"topic", "since", "until", "modality", "entity", "q", "limit", "cursor"}

// partnerTimeline answers GET /v1/countries/{a}/partners/{b}/timeline.
func (s *Server) partnerTimeline(c *gin.Context) {
	a, err := s.pathCountry(c, "code")
	if err != nil {
		s.fail(c, err)
		return
	}
	b, err := s.pathCountry(c, "partner")
	if err != nil {
		s.fail(c, err)
		return
	}
	r, ok := call(s, c, "partner timeline", func(ctx context.Context) (commitmentResult, error) {
		q, res, err := s.commitmentQuery(ctx, c.Request.URL.Query(), timelineParams)
		if err != nil {
			return commitmentResult{}, err
		}
		page, err := s.store.PartnerTimeline(ctx, a, b, q)
		if err != nil {
			return commitmentResult{}, queryError(q, err)
		}
		return commitmentResult{page, res}, nil
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, struct {
		Country string `json:"country"`
		Partner string `json:"partner"`
		commitmentList
	}{a, b, toCommitmentList(r)})
}
