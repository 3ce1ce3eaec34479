package web_test

import (
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pledgegraph/pledgegraph/web"
)

func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// TestHandler checks the site's URLs, media types, caching and headers.
func TestHandler(t *testing.T) {
	h := web.Handler()
	for _, tc := range []struct {
		path, contentType string
		status            int
	}{
		{"/", "text/html; charset=utf-8", 200},
		{"/widgets/timeline", "text/html; charset=utf-8", 200},
		{"/static/js/dashboard.js", "text/javascript; charset=utf-8", 200},
		{"/static/vendor/cytoscape/cytoscape.esm.min.mjs", "text/javascript; charset=utf-8", 200},
		{"/static/css/app.css", "text/css; charset=utf-8", 200},
		{"/widgets/nope", "", 404},
		{"/static/nope.js", "", 404},
		{"/static/", "", 404},
	} {
		w := get(t, h, http.MethodGet, tc.path)
		if w.Code != tc.status {
			t.Errorf("GET %s: %d, want %d", tc.path, w.Code, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		if got := w.Header().Get("Content-Type"); got != tc.contentType {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.contentType)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", tc.path)
		}
		csp := w.Header().Get("Content-Security-Policy")
		if strings.HasPrefix(tc.contentType, "text/html") && !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", tc.path, csp)
		}
		etag := w.Header().Get("ETag")
		if etag == "" {
			t.Errorf("GET %s: no ETag", tc.path)
			continue
		}
		if w2 := get(t, h, http.MethodGet, tc.path, "If-None-Match", etag); w2.Code != http.StatusNotModified {
			t.Errorf("GET %s with its ETag: %d, want 304", tc.path, w2.Code)
		}
	}
	if w := get(t, h, http.MethodHead, "/"); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD /: %d with %d bytes", w.Code, w.Body.Len())
	}
	if w := get(t, h, http.MethodPost, "/"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d", w.Code)
	}
}

// TestWidgets checks that every widget has its page, its module, and an
// entry in the scripts' registry, and that the pages name it.
func TestWidgets(t *testing.T) {
	reg, ok := web.Lookup("/static/js/registry.js")
	if !ok {
		t.Fatal("no registry.js")
	}
	listed := regexp.MustCompile(`(?m)^\s+(\w+): \(\) => import\('\./widgets/(\w+)\.js'\)`).FindAllStringSubmatch(string(reg.Body), -1)
	var names []string
	for _, m := range listed {
		if m[1] != m[2] {
			t.Errorf("registry.js: %s loads widgets/%s.js", m[1], m[2])
		}
		names = append(names, m[1])
	}
	var want []string
	for _, w := range web.Widgets {
		want = append(want, w.Name)
		page, ok := web.Lookup("/widgets/" + w.Name)
		if !ok {
			t.Errorf("no page /widgets/%s", w.Name)
			continue
		}
		if !strings.Contains(string(page.Body), `data-widget="`+w.Name+`"`) || !strings.Contains(string(page.Body), "<title>"+w.Title) {
			t.Errorf("/widgets/%s does not name its widget", w.Name)
		}
		if _, ok := web.Lookup("/static/js/widgets/" + w.Name + ".js"); !ok {
			t.Errorf("no module static/js/widgets/%s.js", w.Name)
		}
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("registry.js lists %v, web.Widgets %v", names, want)
	}
	index, _ := web.Lookup("/")
	for _, w := range web.Widgets {
		if w.Name != "source" && !strings.Contains(string(index.Body), `data-widget="`+w.Name+`"`) {
			t.Errorf("the dashboard has no %s card", w.Name)
		}
	}
}

// TestImports checks that every module a script imports, statically or
// dynamically, is served: a typo would only show in the browser.
func TestImports(t *testing.T) {
	imports := regexp.MustCompile(`(?:from\s+|import\(\s*)'([^']+)'`)
	for _, file := range []string{"dashboard.js", "widget.js", "registry.js", "api.js", "ui.js", "graphview.js",
		"widgets/ask.js", "widgets/commitments.js", "widgets/timeline.js", "widgets/partners.js",
		"widgets/project.js", "widgets/graph.js", "widgets/cypher.js", "widgets/source.js"} {
		p := "/static/js/" + file
		a, ok := web.Lookup(p)
		if !ok {
			t.Errorf("no %s", p)
			continue
		}
		for _, m := range imports.FindAllStringSubmatch(string(a.Body), -1) {
			target := m[1]
			if !strings.HasPrefix(target, "/") {
				target = path.Join(path.Dir(p), target)
			}
			if _, ok := web.Lookup(target); !ok {
				t.Errorf("%s imports %s: not served", p, m[1])
			}
		}
	}
}
