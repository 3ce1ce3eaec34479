package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus series the API exports at /metrics. Each
// Server has its own registry, so tests can run several servers at once.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	queries  *prometheus.HistogramVec
	ingested *prometheus.CounterVec
}

// NewMetrics registers pledgegraph's series and the Go runtime's.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pledgegraph_http_request_duration_seconds",
			Help:    "HTTP request latency by route, method and status.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"route", "method", "status"}),
		queries: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pledgegraph_neo4j_query_duration_seconds",
			Help:    "Duration of graph store calls by operation and outcome.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"op", "outcome"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pledgegraph_ingested_documents_total",
			Help: "Documents received for ingestion, by outcome (new, unchanged, updated, failed).",
		}, []string{"outcome"}),
	}
	m.reg.MustRegister(m.requests, m.queries, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// observeQuery records how long one store call took.
func (m *Metrics) observeQuery(op string, start time.Time, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.queries.WithLabelValues(op, outcome).Observe(time.Since(start).Seconds())
}

// countIngest counts one document received for ingestion.
func (m *Metrics) countIngest(outcome string) { m.ingested.WithLabelValues(outcome).Inc() }

// middleware observes every request under its route pattern (not its path,
// which would make one series per id).
func (m *Metrics) middleware(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).
		Observe(time.Since(start).Seconds())
}
