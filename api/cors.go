package api

import (
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// corsMiddleware lets dashboards on the configured origins call the API from
// a browser; with no origins configured it adds nothing.
func (s *Server) corsMiddleware() gin.HandlerFunc {
	if len(s.cfg.CORSOrigins) == 0 {
		return func(c *gin.Context) { c.Next() }
	}
	cfg := cors.Config{
		AllowMethods:  []string{"GET", "POST", "OPTIONS"},
		AllowHeaders:  []string{"Authorization", "Content-Type", "If-None-Match", "X-Request-ID"},
		ExposeHeaders: []string{"ETag", "X-Request-ID", "Retry-After"},
		MaxAge:        12 * time.Hour,
	}
	allowed := make(map[string]bool, len(s.cfg.CORSOrigins))
	for _, o := range s.cfg.CORSOrigins {
		allowed[o] = true
	}
	if allowed["*"] {
		cfg.AllowAllOrigins = true
	} else {
		// The library refuses an origin with a bare 403; this answers
		// with the API's error envelope instead, before it does.
		cfg.AllowOriginWithContextFunc = func(c *gin.Context, origin string) bool {
			if allowed[origin] {
				return true
			}
			s.fail(c, schema.Errorf(schema.EFORBIDDEN,
				"origin %q may not call this API from a browser (PLEDGEGRAPH_CORS_ORIGINS)", origin))
			return false
		}
	}
	return cors.New(cfg)
}
