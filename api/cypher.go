package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// maxCypherBody bounds a POST /v1/cypher body.
const maxCypherBody = 64 << 10

// cypherRequest is the body of POST /v1/cypher.
type cypherRequest struct {
	Query      string         `json:"query"`
	Parameters map[string]any `json:"parameters"`
}

// cypherOn refuses the Cypher console unless the configuration enables
// it.
func (s *Server) cypherOn(c *gin.Context) {
	if !s.cfg.Cypher {
		s.fail(c, schema.Errorf(schema.EFORBIDDEN, "the Cypher console is off; the operator enables it with PLEDGEGRAPH_CYPHER=true"))
		return
	}
	c.Next()
}

// cypher answers POST /v1/cypher: a read-only query, decided by Neo4j's
// plan (graph.Store.ReadCypher).
func (s *Server) cypher(c *gin.Context) {
	if ct := c.ContentType(); ct != "application/json" {
		s.fail(c, schema.Errorf(schema.EINVALID, "Content-Type %q: send application/json {\"query\": ..., \"parameters\": {...}}", ct))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxCypherBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(c, schema.Errorf(schema.ETOOLARGE, "query body over the limit of %d bytes", maxCypherBody))
			return
		}
		s.fail(c, schema.WrapError(schema.EINVALID, err, "read request body"))
		return
	}
	var req cypherRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.fail(c, schema.WrapError(schema.EINVALID, err, "body: want JSON {\"query\": string, \"parameters\": object}"))
		return
	}
	if req.Query == "" {
		s.fail(c, schema.Errorf(schema.EINVALID, "body: query is empty"))
		return
	}
	params, _ := cypherParam(req.Parameters).(map[string]any)
	res, ok := call(s, c, "cypher", func(ctx context.Context) (schema.CypherResult, error) {
		return s.store.ReadCypher(ctx, req.Query, params, schema.CypherOptions{Timeout: s.cfg.Timeout, MaxRows: s.cfg.CypherRows})
	})
	if !ok {
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, res)
}

// cypherParam converts decoded JSON into driver values: integral numbers
// become int64, others float64.
func cypherParam(v any) any {
	switch v := v.(type) {
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = cypherParam(v[i])
		}
		return v
	case map[string]any:
		for k := range v {
			v[k] = cypherParam(v[k])
		}
		return v
	}
	return v
}
