// Package api is pledgegraph's HTTP interface: a Gin router over interfaces
// that package graph satisfies, one JSON error envelope, request ids and
// structured access logs.
//
// The read models (schema.Query, schema.StoredCommitment, ...) are plain
// values of package schema; the behaviour behind them is the Store
// interface. api does not import graph: cmd/pledgegraph wires a *graph.Store
// in.
package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Store is what the API needs of the graph: exactly the methods its
// handlers call. *graph.Store satisfies it (asserted in cmd/pledgegraph).
type Store interface {
	// Ping reports whether the store answers.
	Ping(ctx context.Context) error
	// Ingest stores one extraction idempotently.
	Ingest(ctx context.Context, x *schema.Extraction) (schema.IngestResult, error)

	Commitments(ctx context.Context, q schema.Query) (schema.CommitmentPage, error)
	ResolveMeetingRef(ctx context.Context, ref string) (schema.MeetingSummary, error)
	EntityNames(ctx context.Context, limit int) ([]schema.EntityName, error)
	PlaceNames(ctx context.Context, limit int) ([]string, error)
	Meetings(ctx context.Context, q schema.MeetingQuery) (schema.MeetingPage, error)
	Meeting(ctx context.Context, id string) (schema.MeetingDetail, error)
	Document(ctx context.Context, id string) (schema.DocumentDetail, error)
	Countries(ctx context.Context) ([]schema.CountrySummary, error)
	Country(ctx context.Context, code string) (schema.CountryDetail, error)
	PartnerTimeline(ctx context.Context, a, b string, q schema.Query) (schema.CommitmentPage, error)
	EntityTimeline(ctx context.Context, ref string, limit int, cursor string) (schema.EntityTimeline, error)
	Topics(ctx context.Context) ([]schema.TopicStat, error)
	Stats(ctx context.Context) (schema.Stats, error)
	Neighborhood(ctx context.Context, id string, depth, limit int) (schema.Neighborhood, error)
	ReadCypher(ctx context.Context, query string, params map[string]any, opt schema.CypherOptions) (schema.CypherResult, error)
}

// ExtractFunc turns a request body into an extraction; main wires it to
// package ingest. contentType is the request's media type.
type ExtractFunc func(name string, body []byte, contentType string) (*schema.Extraction, error)

// PrepareFunc prepares a question parser for the graph's vocabulary:
// entities are the entity names and aliases the graph knows, places the
// places its meetings were held in. The parser reads a question in plain
// words into /v1/commitments query parameters, with notes on which words
// gave each. main wires it to package ask.
type PrepareFunc func(entities, places []string) ParseFunc

// ParseFunc is a prepared question parser (an alias, so that a plain
// function of this shape, such as ask.Prepare's result, is one).
type ParseFunc = func(question string) (params url.Values, understood []string, err error)

// CountryFunc returns the ISO code of a country given by code, name or
// demonym; main wires it to package ask (the gazetteer).
type CountryFunc func(nameOrCode string) (code string, ok bool)

// Deps are the Server's collaborators.
type Deps struct {
	Store       Store
	Extract     ExtractFunc
	Prepare     PrepareFunc
	CountryCode CountryFunc
	CountryName func(code string) string
}

// Config is the part of the process configuration the API needs.
type Config struct {
	APIKey      string        // when set, writes and the Cypher console need "Authorization: Bearer <key>"
	CORSOrigins []string      // allowed browser origins; "*" for any
	MaxBody     int64         // request body limit in bytes
	Cypher      bool          // serve POST /v1/cypher
	Timeout     time.Duration // per-request limit on graph work; 0 is 10s
	CypherRows  int           // rows POST /v1/cypher returns at most; 0 is 1000
	// MaxAge is the Cache-Control max-age of successful GETs; 0 is 10s.
	MaxAge time.Duration
}

// Server answers HTTP requests. Its dependencies are interfaces so that
// handlers are easy to read and the wiring stays in main.
type Server struct {
	cfg     Config
	log     *slog.Logger
	deps    Deps
	store   Store
	metrics *Metrics
	health  *availability
	vocab   *vocabCache
	// cacheControl is the Cache-Control of successful GETs.
	cacheControl string
}

// New returns a Server that logs to log and uses deps.
func New(cfg Config, log *slog.Logger, deps Deps) *Server {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.CypherRows <= 0 {
		cfg.CypherRows = 1000
	}
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = 10 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 5 << 20
	}
	if deps.CountryName == nil {
		deps.CountryName = func(string) string { return "" }
	}
	s := &Server{cfg: cfg, log: log, deps: deps, store: deps.Store, metrics: NewMetrics(),
		cacheControl: fmt.Sprintf("public, max-age=%d", int(cfg.MaxAge.Seconds()))}
	s.health = newAvailability(deps.Store)
	s.vocab = newVocabCache(time.Minute)
	return s
}

// Handler returns the router with every route and middleware installed.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	s.routes(r)
	return r
}
