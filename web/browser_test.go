package web_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/ask"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

var updateDocs = flag.Bool("update-docs", false, "write docs/dashboard.png from TestBrowser")

const flagship = "all commitments on connectivity since Xi'an 2023"

// stepTimeout bounds each wait in the browser; the whole test is bounded
// by the number of steps.
const stepTimeout = 30 * time.Second

// required reports whether missing Chromium or Neo4j fails rather than
// skips (make test sets it).
func required() bool { return os.Getenv("PLEDGEGRAPH_REQUIRE_NEO4J") == "1" }

// chromiumPath finds Debian's chromium (PLEDGEGRAPH_CHROMIUM overrides).
func chromiumPath(t *testing.T) string {
	t.Helper()
	names := []string{"chromium", "chromium-browser", "google-chrome"}
	if p := os.Getenv("PLEDGEGRAPH_CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium on PATH: apt-get install chromium (make test installs it), or set PLEDGEGRAPH_CHROMIUM"
	if required() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browser is one headless Chromium for the test; each subtest opens a tab.
type browser struct {
	ctx  context.Context
	base string // the API server's URL
	dir  string // where screenshots go
}

func newBrowser(t *testing.T, path, base string) *browser {
	t.Helper()
	profile := t.TempDir() // removed after the browser stops (cleanups run last-in first-out)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-GB"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1440, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Run starts the browser, which lives as long as ctx: so no
	// timeout on ctx, but a timer that gives up on a browser that does not
	// start.
	timer := time.AfterFunc(stepTimeout, cancel)
	err := chromedp.Do(ctx)
	timer.Stop()
	if err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	root := filepath.Dir(neo4jtest.CorpusDir(t))
	dir := filepath.Join(root, ".artifacts", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return &browser{ctx: ctx, base: base, dir: dir}
}

// tab is one browser tab for one subtest. It fails the test on any
// JavaScript exception or console.error of the page.
type tab struct {
	t    *testing.T
	b    *browser
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

func (b *browser) tab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tb := &tab{t: t, b: b, ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = "exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.ConsoleAPICalledTypeError {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			msg = "console.error: " + strings.Join(parts, " ")
		default:
			return
		}
		tb.mu.Lock()
		tb.errs = append(tb.errs, msg)
		tb.mu.Unlock()
	}); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	t.Cleanup(tb.checkErrors)
	tb.do("set the viewport", chromedp.EmulateViewport(1440, 900))
	return tb
}

func (tb *tab) checkErrors() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errs {
		tb.t.Errorf("page: %s", e)
	}
}

// do runs the steps within stepTimeout; on failure it saves a screenshot
// and fails the test.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.failShot()
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// wait polls a JavaScript predicate until it is true.
func (tb *tab) wait(what, predicate string) {
	tb.t.Helper()
	tb.do(what, voidOf(chromedp.Poll[any](predicate, chromedp.WithPollingTimeout(stepTimeout), chromedp.WithPollingInterval(100*time.Millisecond))))
}

// eval returns the value of a JavaScript expression.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.failShot()
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func voidOf[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	}
}

// shot saves a screenshot of the page (full=true: all of it) as name.png.
func (tb *tab) shot(name string, full bool) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	var png []byte
	var err error
	if full {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(tb.b.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot %s", path)
	return path
}

func (tb *tab) failShot() {
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(tb.t.Name()) + "-failed.png"
		path := filepath.Join(tb.b.dir, name)
		if os.WriteFile(path, png, 0o644) == nil {
			tb.t.Logf("screenshot of the failure: %s", path)
		}
	}
}

// open navigates to a path of the server and waits for the page's modules
// to have run.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do("open "+path, chromedp.Navigate(tb.b.base+path))
	tb.wait("page ready", `document.body && document.body.dataset.ready === 'true'`)
}

// apiItems GETs a list from the API, as the page does.
func apiItems[T any](t *testing.T, base, path string, params url.Values) T {
	t.Helper()
	res, err := http.Get(base + path + "?" + params.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, body)
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

type list struct {
	Items []schema.StoredCommitment `json:"items"`
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowser drives the dashboard and each widget in headless Chromium
// against the real API and Neo4j with the bundled corpus.
func TestBrowser(t *testing.T) {
	chrome := chromiumPath(t)
	store := neo4jtest.Store(t)
	neo4jtest.IngestCorpus(t, store)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(api.New(api.Config{Cypher: true}, log, api.Deps{
		Store: store, Prepare: ask.Prepare, CountryCode: ask.CountryCode, CountryName: ask.CountryName,
	}).Handler())
	t.Cleanup(srv.Close)
	b := newBrowser(t, chrome, srv.URL)

	flagshipWant := apiItems[list](t, srv.URL, "/v1/commitments", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}}).Items
	if len(flagshipWant) == 0 {
		t.Fatal("the API finds no commitments for the flagship question")
	}
	var railway schema.StoredCommitment
	for _, c := range flagshipWant {
		if strings.Contains(c.Text, "China-Kyrgyzstan-Uzbekistan railway") {
			railway = c
			break
		}
	}
	if railway.ID == "" {
		t.Fatalf("no CKU railway commitment among the flagship answers %v", flagshipWant)
	}

	t.Run("dashboard", func(t *testing.T) {
		tb := b.tab(t)
		tb.open("/")
		tb.wait("totals", `document.querySelectorAll('#totals .total').length > 0`)
		// ask the flagship question with the keyboard
		tb.do("type the question",
			voidOf(chromedp.Evaluate[any](`document.getElementById('ask-q').value = ''`)),
			chromedp.Focus(chromedp.ID("ask-q")),
			chromedp.SendKeys(chromedp.ID("ask-q"), flagship),
			chromedp.KeyEvent("\r"))
		tb.wait("the interpretation", `(() => { const i = document.querySelector('#ask .interpretation');
			return i && i.textContent.includes('topic=connectivity') && i.textContent.includes("since=Xi'an 2023"); })()`)
		got := eval[[]string](tb, `[...document.querySelectorAll('#ask tbody tr .open-source')].map((b) => b.textContent)`)
		var want []string
		for _, c := range flagshipWant {
			want = append(want, c.Text)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("ask rows:\n%s\nwant /v1/commitments?topic=connectivity&since=Xi'an 2023:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// every widget has data before the picture
		tb.wait("every widget", `document.querySelectorAll('.card-body[data-mounted=true]').length === 7
			&& document.querySelectorAll('#commitments tbody tr').length > 0
			&& document.querySelectorAll('#timeline rect.bar').length > 0
			&& document.querySelectorAll('#partners button.cell').length > 0
			&& document.querySelectorAll('#project .pt-statement').length > 0
			&& document.querySelectorAll('#graph .node-list option').length > 1
			&& document.querySelectorAll('#cypher .cypher-result tbody tr').length > 0
			&& !document.querySelector('[aria-busy=true]')
			&& !document.querySelector('.state.error')`)
		time.Sleep(300 * time.Millisecond) // the graph's canvas paints on the next frame
		tb.shot("dashboard-full", true)
		// the picture for the README: the top of a tall window, the question answered
		tb.do("a tall window", voidOf(chromedp.Evaluate[any](`document.activeElement.blur(); window.scrollTo(0, 0)`)),
			chromedp.EmulateViewport(1440, 2440))
		time.Sleep(300 * time.Millisecond)
		top := tb.shot("dashboard", false)
		tb.do("a laptop window again", chromedp.EmulateViewport(1440, 900))
		if *updateDocs {
			png, err := os.ReadFile(top)
			if err != nil {
				t.Fatal(err)
			}
			docs := filepath.Join(filepath.Dir(neo4jtest.CorpusDir(t)), "docs", "dashboard.png")
			if err := os.WriteFile(docs, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", docs)
		}

		// open the railway commitment's source
		tb.do("open the source", chromedp.Click(chromedp.JSPath(fmt.Sprintf(
			`[...document.querySelectorAll('#ask .open-source')].find((b) => b.textContent === %s)`, js(railway.Text)))))
		tb.wait("the highlighted sentence", `(() => { const d = document.getElementById('source-dialog');
			return d && d.open && d.querySelector('mark.phrase') && d.querySelector('.source-meeting h3'); })()`)
		phrase := eval[string](tb, `document.querySelector('#source-dialog mark.phrase').textContent`)
		sentence := eval[string](tb, `document.querySelector('#source-dialog mark.sentence').textContent`)
		if phrase != railway.Text {
			t.Errorf("highlighted phrase %q, want the commitment %q", phrase, railway.Text)
		}
		if railway.Sentence != "" && sentence != railway.Sentence {
			t.Errorf("highlighted sentence %q, want %q", sentence, railway.Sentence)
		}
		if !eval[bool](tb, `document.activeElement === document.querySelector('#source-dialog .close')`) {
			t.Error("the source dialog does not take the focus")
		}
		tb.shot("source", false)
		tb.do("close with Escape", chromedp.KeyEvent("\x1b"))
		tb.wait("the dialog closes", `!document.getElementById('source-dialog').open`)
	})

	cku := apiItems[struct {
		Items []schema.StoredCommitment `json:"items"`
	}](t, srv.URL, "/v1/entities/CKU%20railway/timeline", nil).Items
	connectivity := apiItems[list](t, srv.URL, "/v1/commitments", url.Values{"topic": {"connectivity"}}).Items

	widgets := []struct {
		name, query string
		ready       string // a predicate: the widget shows its data
		then        func(t *testing.T, tb *tab)
	}{
		{name: "ask", query: "?q=" + url.QueryEscape("commitments on the CKU railway"),
			ready: fmt.Sprintf(`document.querySelectorAll('#ask tbody tr').length === %d`, len(cku))},
		{name: "commitments", query: "?topic=connectivity",
			ready: fmt.Sprintf(`document.querySelectorAll('#commitments tbody tr').length === %d`, len(connectivity)),
			then: func(t *testing.T, tb *tab) {
				// a bad filter shows the API's message
				tb.do("a meeting that does not exist",
					chromedp.SetValue(chromedp.CSS(`#commitments input[name=since]`), "Atlantis 1999"),
					chromedp.Click(chromedp.CSS(`#commitments button[type=submit]`)))
				tb.wait("the error state", `(() => { const e = document.querySelector('#commitments .state.error');
					return e && e.textContent.includes('400') && e.textContent.toLowerCase().includes('since'); })()`)
				tb.shot("widget-commitments-error", false)
			}},
		{name: "timeline", query: "?topic=connectivity",
			ready: `document.querySelectorAll('#timeline rect.bar').length > 0 && document.querySelectorAll('#timeline .meeting-mark').length > 0`},
		{name: "partners", query: "?topic=connectivity",
			ready: `document.querySelectorAll('#partners button.cell').length > 0`,
			then: func(t *testing.T, tb *tab) {
				tb.do("open a pair", chromedp.Click(chromedp.CSS(`#partners button.cell`)))
				tb.wait("the pair's commitments", `document.querySelectorAll('#partners .partners-detail tbody tr').length > 0`)
				tb.shot("widget-partners-pair", true)
			}},
		{name: "project", query: "?entity=" + url.QueryEscape("CKU railway"),
			ready: fmt.Sprintf(`document.querySelectorAll('#project .pt-statement').length === %d`, len(cku))},
		{name: "graph", query: "?id=connectivity",
			ready: `document.querySelectorAll('#graph .node-list option').length > 1 && document.querySelector('#graph .graph-canvas canvas')`,
			then: func(t *testing.T, tb *tab) {
				before := eval[int](tb, `document.querySelectorAll('#graph .node-list option').length`)
				// expand a commitment with the keyboard: the node list, then Enter
				tb.do("choose a commitment", voidOf(chromedp.Evaluate[any](`(() => {
					const s = document.querySelector('#graph .node-list');
					s.value = [...s.options].find((o) => o.textContent.startsWith('Commitment:')).value;
					s.dispatchEvent(new Event('change')); s.focus(); })()`)))
				tb.do("expand it", chromedp.KeyEvent("\r"))
				tb.wait("more nodes", fmt.Sprintf(`document.querySelectorAll('#graph .node-list option').length > %d`, before))
				time.Sleep(300 * time.Millisecond)
				tb.shot("widget-graph-expanded", false)
			}},
		{name: "cypher", query: "",
			ready: `document.querySelectorAll('#cypher .cypher-result tbody tr').length > 0`,
			then: func(t *testing.T, tb *tab) {
				tb.do("the graph view", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('#cypher [role=tab]')].find((b) => b.textContent === 'Graph')`)))
				tb.wait("a graph", `document.querySelector('#cypher .graph-canvas canvas')`)
				time.Sleep(300 * time.Millisecond)
				tb.shot("widget-cypher-graph", false)
				tb.do("a bad query",
					chromedp.SetValue(chromedp.CSS(`#cypher textarea`), "MATCH (c:Commitment RETURN c"),
					chromedp.Click(chromedp.CSS(`#cypher button[type=submit]`)))
				tb.wait("Neo4j's message", `(() => { const e = document.querySelector('#cypher .state.error .error-message');
					return e && e.textContent.includes('Invalid input'); })()`)
				tb.shot("widget-cypher-error", false)
				tb.do("a write", chromedp.SetValue(chromedp.CSS(`#cypher textarea`), "CREATE (n:Scratch) RETURN n"),
					chromedp.Click(chromedp.CSS(`#cypher button[type=submit]`)))
				tb.wait("the refusal", `(() => { const e = document.querySelector('#cypher .state.error');
					return e && e.textContent.includes('403'); })()`)
			}},
		{name: "source", query: "?commitment=" + railway.ID,
			ready: fmt.Sprintf(`(() => { const m = document.querySelector('#source mark.phrase');
				return m && m.textContent === %s && document.querySelector('#source .source-meeting h3'); })()`, js(railway.Text))},
	}
	for _, w := range widgets {
		t.Run("widgets/"+w.name, func(t *testing.T) {
			tb := b.tab(t)
			tb.open("/widgets/" + w.name + w.query)
			tb.wait(w.name+" shows data", w.ready)
			if strings.Contains(w.name, "graph") {
				time.Sleep(300 * time.Millisecond)
			}
			tb.shot("widget-"+w.name, true)
			if w.then != nil {
				w.then(t, tb)
			}
		})
	}
}
