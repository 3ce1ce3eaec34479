package api

import "github.com/gin-gonic/gin"

// routes installs the middleware and every route; it is the one place to
// read what the API offers.
func (s *Server) routes(r *gin.Engine) {
	r.Use(s.requestID, s.accessLog, s.metrics.middleware, s.recover, s.corsMiddleware())
	r.NoRoute(func(c *gin.Context) { s.fail(c, errNotFound("no route %s %s", c.Request.Method, c.Request.URL.Path)) })
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, errMethod("method %s not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", gin.WrapH(s.metrics.Handler()))
}
