package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/ask"
	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/ingest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// newServer wires a Server as cmd/pledgegraph does, on s.
func newServer(t testing.TB, s *graph.Store, cfg api.Config) http.Handler {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return api.New(cfg, log, api.Deps{
		Store:       s,
		Extract:     ingest.ExtractBytes,
		Prepare:     ask.Prepare,
		CountryCode: ask.CountryCode,
		CountryName: ask.CountryName,
	}).Handler()
}

type testLog struct{ t testing.TB }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// response is a recorded response.
type response struct {
	*httptest.ResponseRecorder
	req *http.Request
}

// get sends a GET of path with query parameters.
func get(h http.Handler, path string, params url.Values, header ...string) response {
	u := path
	if len(params) > 0 {
		u += "?" + params.Encode()
	}
	req := httptest.NewRequest(http.MethodGet, u, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return response{w, req}
}

// post sends a POST with a body of a content type.
func post(h http.Handler, path, contentType string, body []byte, header ...string) response {
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return response{w, req}
}

// decode reads the body into v, failing the test on malformed JSON.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body.Bytes(), v); err != nil {
		t.Fatalf("%s %s: %v in %s", r.req.Method, r.req.URL, err, r.Body.String())
	}
}

// errorOf reads the error envelope.
func (r response) errorOf(t testing.TB) (code, message string) {
	t.Helper()
	var body struct {
		Error struct{ Code, Message string }
	}
	r.decode(t, &body)
	return body.Error.Code, body.Error.Message
}

// commitmentList is the body of /v1/commitments and /v1/ask.
type commitmentList struct {
	Items      []schema.StoredCommitment `json:"items"`
	NextCursor string                    `json:"next_cursor"`
	Resolved   map[string]schema.MeetingSummary
	Query      string
	Cypher     schema.ReadStatement
}

func ids(cs []schema.StoredCommitment) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
