// Package api is pledgegraph's HTTP interface: a Gin router over interfaces
// that package graph satisfies, one JSON error envelope, request ids and
// structured access logs.
package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Pinger reports whether the graph store answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Config is the part of the process configuration the API needs.
type Config struct {
	APIKey      string   // when set, writes and the Cypher console need "Authorization: Bearer <key>"
	CORSOrigins []string // allowed browser origins; "*" for any
	MaxBody     int64    // request body limit in bytes
}

// Server answers HTTP requests. Its dependencies are interfaces so that
// handlers are easy to read and the wiring stays in main.
type Server struct {
	cfg     Config
	log     *slog.Logger
	store   Pinger
	metrics *Metrics
}

// New returns a Server that logs to log and reads the graph through store.
func New(cfg Config, log *slog.Logger, store Pinger) *Server {
	return &Server{cfg: cfg, log: log, store: store, metrics: NewMetrics()}
}

// Handler returns the router with every route and middleware installed.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	s.routes(r)
	return r
}
