package api_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"
	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/api"
)

// spec is the OpenAPI document, loaded and validated.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

func loadSpec(t testing.TB) spec {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPI())
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI 3: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return spec{doc, router}
}

// validate checks a response against the document: its status is
// described, and its body matches the schema.
func (s spec) validate(t testing.TB, r response) {
	t.Helper()
	req := r.req.Clone(context.Background())
	req.Body = io.NopCloser(bytes.NewReader(nil))
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		if r.Code == http.StatusNotFound {
			return // a path the API does not have
		}
		t.Errorf("%s %s: no route in the document: %v", req.Method, req.URL.Path, err)
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{ExcludeRequestBody: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status:  r.Code,
		Header:  r.Header(),
		Body:    io.NopCloser(bytes.NewReader(r.Body.Bytes())),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s: response %d does not match the document: %v", req.Method, req.URL, r.Code, err)
	}
}

var ginParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// isWebRoute reports the dashboard's pages and files (web.go), which are
// not API and not in the document.
func isWebRoute(path string) bool {
	return path == "/" || strings.HasPrefix(path, "/widgets/") || strings.HasPrefix(path, "/static/")
}

// TestOpenAPI checks that the document is valid OpenAPI 3 and describes
// exactly the routes of the router, and that /openapi.json serves it.
func TestOpenAPI(t *testing.T) {
	s := loadSpec(t)
	srv := api.New(api.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), api.Deps{})
	engine, ok := srv.Handler().(*gin.Engine)
	if !ok {
		t.Fatalf("Handler is a %T, not a *gin.Engine", srv.Handler())
	}
	var routes []string
	for _, r := range engine.Routes() {
		if isWebRoute(r.Path) {
			continue
		}
		routes = append(routes, r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}"))
	}
	var documented []string
	for path, item := range s.doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if diff := cmp.Diff(routes, documented); diff != "" {
		t.Errorf("routes (-router +openapi.yaml):\n%s", diff)
	}
	for _, op := range documented {
		if strings.HasPrefix(op, "GET /v1/") && !slices.Contains([]string{"GET /v1/ask"}, op) {
			item := s.doc.Paths.Find(strings.TrimPrefix(op, "GET "))
			if item.Get.Responses.Status(400) == nil && item.Get.Responses.Status(404) == nil && len(item.Get.Parameters) > 0 {
				t.Errorf("%s takes parameters but documents no 400 or 404", op)
			}
		}
	}

	r := get(srv.Handler(), "/openapi.json", nil)
	if r.Code != http.StatusOK || !bytes.Equal(r.Body.Bytes(), api.OpenAPI()) {
		t.Errorf("/openapi.json: %d, %d bytes", r.Code, r.Body.Len())
	}
	if _, err := openapi3.NewLoader().LoadFromData(r.Body.Bytes()); err != nil {
		t.Errorf("/openapi.json does not load: %v", err)
	}
}
