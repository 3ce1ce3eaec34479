// Package web is the dashboard: an HTML page whose widgets call only the
// public /v1 API from the browser, and each widget alone at its own URL for
// embedding. The page, scripts, styles and the vendored front-end libraries
// (static/vendor, made by vendor.sh from package-lock.json) are embedded, so
// the binary serves them with no npm and no internet.
//
// URLs:
//
//	/                    the dashboard
//	/widgets/{name}      one widget alone; its query string sets it up (e.g. /widgets/timeline?topic=connectivity)
//	/static/{path}       scripts, styles, vendored libraries
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed pages static
var files embed.FS

// Widget is one widget of the dashboard.
type Widget struct {
	Name  string // its URL segment and the module static/js/widgets/{Name}.js
	Title string
}

// Widgets are the widgets, in dashboard order.
var Widgets = []Widget{
	{"ask", "Ask a question"},
	{"commitments", "Commitments"},
	{"timeline", "Timeline"},
	{"partners", "Who committed what to whom"},
	{"project", "Project timeline"},
	{"graph", "Graph neighbourhood"},
	{"cypher", "Cypher console"},
	{"source", "Source readout"},
}

// Asset is one file the site serves.
type Asset struct {
	Body        []byte
	ContentType string
	ETag        string
}

// contentSecurityPolicy keeps the page to its own scripts and to the API
// of its own origin. Inline styles are allowed because the graph library
// sets element styles; frames are not restricted so that widgets can be
// embedded.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Serve writes the asset. Its ETag is a hash of the body, so clients
// revalidate (no-cache) and get a 304 while the binary is the same.
func (a Asset) Serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("ETag", a.ETag)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(a.ContentType, "text/html") {
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Referrer-Policy", "same-origin")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.Body))
}

// site holds every asset by URL path, built once from the embedded files.
var site = func() map[string]Asset {
	m := map[string]Asset{}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		m["/"+p] = newAsset(b, contentType(p))
		return nil
	})
	if err != nil {
		panic("web: embedded files: " + err.Error()) // embedded at build time; TestLookup reads them
	}
	index, err := files.ReadFile("pages/index.html")
	if err != nil {
		panic("web: " + err.Error())
	}
	m["/"] = newAsset(index, "text/html; charset=utf-8")
	shell, err := files.ReadFile("pages/widget.html")
	if err != nil {
		panic("web: " + err.Error())
	}
	for _, w := range Widgets {
		page := bytes.ReplaceAll(shell, []byte("{{name}}"), []byte(html.EscapeString(w.Name)))
		page = bytes.ReplaceAll(page, []byte("{{title}}"), []byte(html.EscapeString(w.Title)))
		m["/widgets/"+w.Name] = newAsset(page, "text/html; charset=utf-8")
	}
	return m
}()

func newAsset(body []byte, ct string) Asset {
	sum := sha256.Sum256(body)
	return Asset{Body: body, ContentType: ct, ETag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// contentType is the media type of an embedded file, by extension; .mjs
// is JavaScript whatever the system's MIME table says.
func contentType(p string) string {
	switch path.Ext(p) {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt", "":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Lookup returns the asset at a URL path: "/", "/widgets/{name}" or
// "/static/...".
func Lookup(urlPath string) (Asset, bool) {
	a, ok := site[urlPath]
	return a, ok
}

// Handler serves the site; anything else is a plain 404. package api
// mounts the site with its own error envelope instead (api/web.go).
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, fmt.Sprintf("method %s not allowed", r.Method), http.StatusMethodNotAllowed)
			return
		}
		a, ok := Lookup(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		a.Serve(w, r)
	})
}
