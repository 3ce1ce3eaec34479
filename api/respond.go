package api

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/gin-gonic/gin"
	"github.com/goccy/go-json"

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
//
// These are most of the API's own CPU on a page of commitments (the rest
// is the driver's): go-json encodes the same bytes as encoding/json in
// half to two thirds of the time (TestEncodeLikeEncodingJSON), the ETag
// is a 64-bit xxHash (a cache validator, not a signature; SHA-256 cost a
// fifth of what encoding/json did), and the body goes out with its
// Content-Length rather than in chunks.
func (s *Server) respond(c *gin.Context, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		s.fail(c, schema.WrapError(schema.EINTERNAL, err, "encode response"))
		return
	}
	etag := bodyETag(body)
	h := c.Writer.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", s.cacheControl)
	if c.Request.Method == http.MethodGet && status == http.StatusOK && etagMatch(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	c.Data(status, "application/json; charset=utf-8", body)
}

// bodyETag is the strong ETag of a body: its xxHash64, quoted hex.
func bodyETag(body []byte) string {
	var b [18]byte
	b[0] = '"'
	hex.Encode(b[1:17], binary.BigEndian.AppendUint64(nil, xxhash.Sum64(body)))
	b[17] = '"'
	return string(b[:])
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
