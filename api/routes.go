package api

import "github.com/gin-gonic/gin"

// routes installs the middleware and every route; it is the one place to
// read what the API offers. openapi.yaml describes each route (a test
// keeps the two in step).
func (s *Server) routes(r *gin.Engine) {
	r.Use(s.requestID, s.accessLog, s.metrics.middleware, s.recover, s.corsMiddleware())
	r.NoRoute(func(c *gin.Context) { s.fail(c, errNotFound("no route %s %s", c.Request.Method, c.Request.URL.Path)) })
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, errMethod("method %s not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", gin.WrapH(s.metrics.Handler()))
	r.GET("/openapi.json", s.openAPI)

	v1 := r.Group("/v1")
	v1.GET("/commitments", s.listCommitments)
	v1.GET("/ask", s.ask)
	v1.GET("/meetings", s.listMeetings)
	v1.GET("/meetings/:id", s.getMeeting)
	v1.GET("/countries", s.listCountries)
	v1.GET("/countries/:code", s.getCountry)
	v1.GET("/countries/:code/partners/:partner/timeline", s.partnerTimeline)
	v1.GET("/entities/:id/timeline", s.entityTimeline)
	v1.GET("/topics", s.listTopics)
	v1.GET("/stats", s.stats)
	v1.GET("/graph/neighborhood", s.neighborhood)
	v1.POST("/cypher", s.cypherOn, s.requireKey, s.cypher)
	v1.POST("/documents", s.requireKey, s.postDocument)
	v1.GET("/documents/:id", s.getDocument)
	s.webRoutes(r)
}
