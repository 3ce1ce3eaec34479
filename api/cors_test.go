package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/schema"
)

// TestCORS: a configured origin's preflight is allowed; another origin is
// refused with the API's error envelope, not a bare 403. Neither needs
// Neo4j: both are answered before any handler runs.
func TestCORS(t *testing.T) {
	h := newServer(t, openStore(t, closedPort(t)), api.Config{CORSOrigins: []string{"https://dash.example"}})
	preflight := func(origin string) response {
		req := httptest.NewRequest(http.MethodOptions, "/v1/topics", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", http.MethodGet)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return response{w, req}
	}
	if r := preflight("https://dash.example"); r.Code >= 300 || r.Header().Get("Access-Control-Allow-Origin") != "https://dash.example" {
		t.Errorf("allowed origin's preflight: %d, Access-Control-Allow-Origin %q", r.Code, r.Header().Get("Access-Control-Allow-Origin"))
	}
	for _, r := range []response{preflight("https://evil.example"), get(h, "/v1/topics", nil, "Origin", "https://evil.example")} {
		if code, msg := r.errorOf(t); r.Code != http.StatusForbidden || code != schema.EFORBIDDEN || msg == "" {
			t.Errorf("%s from another origin: %d %q %q, want 403 forbidden with a message", r.req.Method, r.Code, code, msg)
		}
		if r.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s from another origin carries Access-Control-Allow-Origin", r.req.Method)
		}
	}
}
