package api

import (
	"crypto/subtle"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// requireKey guards writes and the Cypher console: when an API key is
// configured, the request must carry "Authorization: Bearer <key>".
func (s *Server) requireKey(c *gin.Context) {
	if s.cfg.APIKey == "" {
		c.Next()
		return
	}
	got, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.APIKey)) != 1 {
		c.Header("WWW-Authenticate", `Bearer realm="pledgegraph"`)
		s.fail(c, schema.Errorf(schema.EUNAUTHORIZED, "this endpoint needs the header Authorization: Bearer <PLEDGEGRAPH_API_KEY>"))
		return
	}
	c.Next()
}
