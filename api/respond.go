package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// call runs one store call for a request: through the availability gate,
// within the request's time limit, timed in the metrics under op. On error
// it writes the error envelope and returns false.
func call[T any](s *Server, c *gin.Context, op string, f func(ctx context.Context) (T, error)) (T, bool) {
	v, err := callErr(s, c, op, f)
	if err != nil {
		s.fail(c, err)
		return v, false
	}
	return v, true
}

// callErr is call that returns the error instead of writing it, for
// handlers that translate it first.
func callErr[T any](s *Server, c *gin.Context, op string, f func(ctx context.Context) (T, error)) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.Timeout)
	defer cancel()
	if err := s.health.check(ctx); err != nil {
		return zero, err
	}
	start := time.Now()
	v, err := f(ctx)
	s.metrics.observeQuery(op, start, err)
	s.health.observe(err)
	if err != nil {
		return zero, err
	}
	return v, nil
}

// respond writes v as JSON with a strong ETag (a hash of the body) and
// Cache-Control, or 304 Not Modified when the request's If-None-Match names
// that ETag.
func (s *Server) respond(c *gin.Context, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		s.fail(c, schema.WrapError(schema.EINTERNAL, err, "encode response"))
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := c.Writer.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(s.cfg.MaxAge.Seconds())))
	if c.Request.Method == http.MethodGet && status == http.StatusOK && etagMatch(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(status, "application/json; charset=utf-8", body)
}

// etagMatch reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
