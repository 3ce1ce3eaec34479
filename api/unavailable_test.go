package api_test

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func openStore(t *testing.T, addr string) *graph.Store {
	t.Helper()
	s, err := graph.Open(graph.Config{URI: "bolt://" + addr, Database: neo4jtest.Config().Database,
		User: neo4jtest.Config().User, Password: neo4jtest.Config().Password}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close(t.Context()) })
	return s
}

func expectUnavailable(t *testing.T, r response) {
	t.Helper()
	code, msg := r.errorOf(t)
	if r.Code != http.StatusServiceUnavailable || code != schema.EUNAVAILABLE || r.Header().Get("Retry-After") == "" {
		t.Errorf("%s: status %d code %q Retry-After %q, want 503 unavailable with Retry-After: %s",
			r.req.URL, r.Code, code, r.Header().Get("Retry-After"), r.Body)
	}
	if strings.Contains(msg, "Neo4jError") || strings.Contains(msg, "ConnectivityError") {
		t.Errorf("message leaks the driver's error: %q", msg)
	}
}

// TestUnavailable: with Neo4j unreachable, every endpoint that needs it
// answers 503 with Retry-After, at once after the first.
func TestUnavailable(t *testing.T) {
	s := openStore(t, closedPort(t))
	h := newServer(t, s, api.Config{Timeout: 2 * time.Second})
	spec := loadSpec(t)
	if r := get(h, "/healthz", nil); r.Code != http.StatusOK {
		t.Errorf("healthz: %d", r.Code)
	}
	r := get(h, "/readyz", nil)
	expectUnavailable(t, r)
	spec.validate(t, r)
	for _, path := range []string{"/v1/commitments", "/v1/topics", "/v1/meetings", "/v1/stats"} {
		start := time.Now()
		r := get(h, path, url.Values{})
		expectUnavailable(t, r)
		spec.validate(t, r)
		if d := time.Since(start); path != "/v1/commitments" && d > time.Second {
			t.Errorf("%s took %s with Neo4j known to be down", path, d)
		}
	}
}

// proxy forwards a loopback port to Neo4j and can be cut and restored, to
// take Neo4j away from a running server and bring it back.
type proxy struct {
	t      *testing.T
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func (p *proxy) up() {
	p.t.Helper()
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the port may linger for a moment after down
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(d, c); d.Close() }()
			go func() { _, _ = io.Copy(c, d); c.Close() }()
		}
	}()
}

func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestRecovers: a server whose Neo4j goes away answers 503, and 200 again
// once Neo4j is back, without a restart.
func TestRecovers(t *testing.T) {
	neo4jtest.Store(t) // skips without Neo4j
	u, err := url.Parse(neo4jtest.Config().URI)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, addr: closedPort(t), target: u.Host}
	p.up()
	t.Cleanup(p.down)
	h := newServer(t, openStore(t, p.addr), api.Config{Timeout: 2 * time.Second})

	if r := get(h, "/v1/topics", nil); r.Code != http.StatusOK {
		t.Fatalf("before: %d %s", r.Code, r.Body)
	}
	p.down()
	expectUnavailable(t, get(h, "/v1/topics", nil))
	expectUnavailable(t, get(h, "/readyz", nil))
	p.up()
	deadline := time.Now().Add(15 * time.Second)
	for {
		r := get(h, "/v1/topics", nil)
		if r.Code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after Neo4j came back: still %d %s", r.Code, r.Body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if r := get(h, "/readyz", nil); r.Code != http.StatusOK {
		t.Errorf("readyz after: %d", r.Code)
	}
}
