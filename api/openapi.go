package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/goccy/go-yaml"
)

// openAPIYAML describes every route; TestOpenAPI keeps it in step with
// routes.go and validates responses against it.
//
//go:embed openapi.yaml
var openAPIYAML []byte

// OpenAPI returns the OpenAPI 3 document as JSON.
func OpenAPI() []byte { return openAPIJSON }

var openAPIJSON = func() []byte {
	b, err := yaml.YAMLToJSON(openAPIYAML)
	if err != nil {
		panic("api: openapi.yaml: " + err.Error()) // embedded at build time; TestOpenAPI loads it
	}
	return b
}()

// openAPI serves the document.
func (s *Server) openAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPIJSON)
}
