package api

import (
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
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
	for _, o := range s.cfg.CORSOrigins {
		if o == "*" {
			cfg.AllowAllOrigins = true
		}
	}
	if !cfg.AllowAllOrigins {
		cfg.AllowOrigins = s.cfg.CORSOrigins
	}
	return cors.New(cfg)
}
