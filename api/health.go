package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz says the process is up; it never touches Neo4j.
func (s *Server) healthz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz says whether Neo4j answers; 503 with the reason (and the URI it
// tried) otherwise.
func (s *Server) readyz(c *gin.Context) {
	if err := s.store.Ping(c.Request.Context()); err != nil {
		s.health.observe(err)
		s.fail(c, err)
		return
	}
	s.health.observe(nil)
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}
