package api

import (
	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/web"
)

// webRoutes mounts the dashboard (package web): the page at /, each widget
// alone at /widgets/{name}, their files under /static/. The page calls only
// the /v1 API, so it is not in openapi.yaml.
func (s *Server) webRoutes(r *gin.Engine) {
	serve := func(c *gin.Context) {
		a, ok := web.Lookup(c.Request.URL.Path)
		if !ok {
			s.fail(c, errNotFound("no page %s", c.Request.URL.Path))
			return
		}
		a.Serve(c.Writer, c.Request)
	}
	for _, path := range []string{"/", "/widgets/:name", "/static/*filepath"} {
		r.GET(path, serve)
		r.HEAD(path, serve)
	}
}
