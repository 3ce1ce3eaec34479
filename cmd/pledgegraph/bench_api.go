package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/schema"
)

func init() {
	commands["bench-api"] = command{"load-test the query API against a synthetic graph (see docs/benchmark.md)", runBenchAPI}
}

// benchFlags are the knobs of bench-api.
type benchFlags struct {
	docs     int
	seed     uint64
	workers  int
	rates    string
	duration time.Duration
	slice    time.Duration
	loadOnly bool
	amplify  int64
	warmup   time.Duration
	neo4jPID int
	profile  string
}

func runBenchAPI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench-api", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f benchFlags
	fs.IntVar(&f.docs, "docs", 22500, "synthetic documents in the graph (about 4.5 commitments each)")
	fs.Uint64Var(&f.seed, "seed", 1, "seed of the synthetic corpus")
	fs.IntVar(&f.workers, "workers", 4, "concurrent writers while building the graph")
	fs.StringVar(&f.rates, "rates", "50,100,200", "request rates to test, per second")
	fs.DurationVar(&f.duration, "duration", 10*time.Second, "duration of each attack")
	fs.DurationVar(&f.slice, "slice", 2*time.Second, "length of the slices in which the targets take turns at each rate")
	fs.DurationVar(&f.warmup, "warmup", 10*time.Second, "warm-up load on each target, at the highest rate, before measuring")
	fs.BoolVar(&f.loadOnly, "load-only", false, "build the graph and stop")
	fs.IntVar(&f.neo4jPID, "neo4j-pid", 0, "process id of a Neo4j on this machine, to report its CPU per request (Linux; 0: not reported)")
	fs.StringVar(&f.profile, "cpuprofile", "", "write a CPU profile of this process over the measured runs to this file")
	fs.Int64Var(&f.amplify, "amplify-to", 0, "copy the written commitments until the graph holds this many (0: never); see docs/benchmark.md")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	store, cfg, log, err := openGraph(ctx, stderr)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	driver, err := benchDriver(cfg)
	if err != nil {
		return err
	}
	defer driver.Close(context.WithoutCancel(ctx))

	n, err := benchGraph(ctx, store, driver, cfg.Neo4j.Database, f.docs, f.seed, f.workers, log, stdout)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "graph: %d commitments\n", n)
	serverGC() // as serve runs; the load generator shares the setting
	if f.amplify > n {
		if n, err = benchAmplify(ctx, driver, cfg.Neo4j.Database, n, f.amplify, stdout); err != nil {
			return err
		}
	}
	if f.loadOnly {
		return nil
	}
	return benchAttack(ctx, cfg, f, store, driver, log, stdout, stderr)
}

// benchDriver is a driver of the bench's own, for the direct runs.
func benchDriver(cfg config) (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if cfg.Neo4j.User != "" {
		auth = neo4j.BasicAuth(cfg.Neo4j.User, cfg.Neo4j.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.Neo4j.URI, auth)
	if err != nil {
		return nil, schema.WrapError(schema.EINVALID, err, "neo4j uri %q", cfg.Neo4j.URI)
	}
	return d, nil
}

// benchTargets are the requests the benchmark sends.
type benchTarget struct {
	name string
	url  string
}

// benchAttack serves the API on loopback and measures, at each rate, the
// flagship query and /v1/ask over HTTP (vegeta) and the same Cypher
// statements through the driver directly, paced the same way, the three
// taking turns in short slices (benchInterleaved).
func benchAttack(ctx context.Context, cfg config, f benchFlags, store *graph.Store, driver neo4j.DriverWithContext,
	log *slog.Logger, out, stderr io.Writer) error {
	var rates []int
	for _, r := range strings.Split(f.rates, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || n <= 0 {
			return schema.Errorf(schema.EINVALID, "-rates %q: want positive integers separated by commas", f.rates)
		}
		rates = append(rates, n)
	}
	ref, err := benchMeetingRef(ctx, store, driver, cfg.Neo4j.Database)
	if err != nil {
		return err
	}
	// What the API runs for the flagship: since is a meeting, which the
	// store resolves in the statement that selects the page.
	page, err := store.Commitments(ctx, schema.Query{Topic: schema.TopicConnectivity, SinceMeeting: ref})
	if err != nil {
		return err
	}
	if page.Since == nil || page.Statement.Cypher == "" {
		return schema.Errorf(schema.EINTERNAL, "the flagship query did not resolve %q in its statement", ref)
	}
	m := page.Since
	statements := []schema.ReadStatement{page.Statement}

	// The server logs at warn and above only (failures), so that logging
	// does not weigh on the measurement.
	quietCfg := cfg
	quietCfg.LogLevel = max(cfg.LogLevel, slog.LevelWarn)
	quiet := newLogger(quietCfg, stderr).With("component", "bench-server")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newAPI(cfg, quiet, store).Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Shutdown(context.WithoutCancel(ctx))
	base := "http://" + ln.Addr().String()
	question := "all commitments on connectivity since " + ref
	targets := []benchTarget{
		{"api flagship", base + "/v1/commitments?" + url.Values{"topic": {"connectivity"}, "since": {ref}}.Encode()},
		{"api ask", base + "/v1/ask?" + url.Values{"q": {question}}.Encode()},
	}
	fmt.Fprintf(out, "flagship: /v1/commitments?topic=connectivity&since=%s (since %s, %d items on the first page)\n", ref, m.Date, len(page.Items))
	fmt.Fprintf(out, "ask: %q\ndirect: the same %d statement(s) through the driver (auto-commit, readers routing, as graph.Store reads)\n", question, len(statements))

	// direct runs the statements as the store does (graph/read.go): each
	// an auto-commit transaction, its records collected.
	direct := func(ctx context.Context) error {
		for _, st := range statements {
			if err := benchRead(ctx, driver, cfg.Neo4j.Database, st); err != nil {
				return err
			}
		}
		return nil
	}
	// One client per target for the whole run, so that every slice reuses
	// its connections, as the driver reuses its pool.
	runs := []benchRun{
		{name: targets[0].name, http: newHTTPAttack(targets[0].url)},
		{name: targets[1].name, http: newHTTPAttack(targets[1].url)},
		{name: "driver direct", direct: direct},
	}
	// Warm up the plan caches, the pools and the JIT (which compiles
	// Neo4j's hot paths only after thousands of calls) at the load to be
	// measured.
	benchInterleaved(ctx, runs, slices.Max(rates), f.warmup, f.slice, nil)
	if f.profile != "" {
		stop, err := startCPUProfile(f.profile)
		if err != nil {
			return err
		}
		defer stop()
	}

	// One request at a time first: latency without queueing, the floor
	// under the rates below.
	fmt.Fprintf(out, "\n%-16s %6s %9s %9s %9s %11s %8s %9s %9s\n", "target", "rate/s", "p50", "p99", "mean", "throughput", "success", "cpu/req", "neo4j/req")
	client := &http.Client{Timeout: 30 * time.Second}
	serialHTTP := func(ctx context.Context) error {
		resp, err := client.Get(targets[0].url)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		return err
	}
	row := func(name, rate string, m *vegeta.Metrics, cpu cpuUse) {
		fmt.Fprintf(out, "%-16s %6s %9s %9s %9s %9.1f/s %7.1f%% %9s %9s\n", name, rate, benchMillis(m.Latencies.P50), benchMillis(m.Latencies.P99),
			benchMillis(m.Latencies.Mean), m.Throughput, 100*m.Success, cpu.self, cpu.neo4j)
	}
	serial := benchSerial(ctx, []func(context.Context) error{serialHTTP, direct}, 300, f.neo4jPID)
	row("api flagship", "serial", serial[0].metrics, serial[0].cpu)
	row("driver direct", "serial", serial[1].metrics, serial[1].cpu)
	var ratios []string
	for _, rate := range rates {
		r := strconv.Itoa(rate)
		res := benchInterleaved(ctx, runs, rate, f.duration, f.slice, &cpuMeter{neo4jPID: f.neo4jPID})
		for i, t := range runs {
			row(t.name, r, res[i].metrics, res[i].cpu)
		}
		flag, askM, dir := res[0].metrics, res[1].metrics, res[2].metrics
		ratios = append(ratios, fmt.Sprintf("%d/s: p50 %.2fx, p99 %.2fx", rate,
			float64(flag.Latencies.P50)/float64(dir.Latencies.P50), float64(flag.Latencies.P99)/float64(dir.Latencies.P99)))
		if flag.Success < 1 || askM.Success < 1 || dir.Success < 1 {
			log.Warn("some requests failed", "rate", rate, "errors", strings.Join(append(append(flag.Errors, askM.Errors...), dir.Errors...), "; "))
		}
	}
	fmt.Fprintf(out, "\nAPI overhead (api flagship / driver direct): serial: p50 %.2fx, p99 %.2fx; %s\n",
		float64(serial[0].metrics.Latencies.P50)/float64(serial[1].metrics.Latencies.P50),
		float64(serial[0].metrics.Latencies.P99)/float64(serial[1].metrics.Latencies.P99), strings.Join(ratios, "; "))
	fmt.Fprintf(out, "targets interleaved in slices of %s (serial: request by request)\n", f.slice)
	fmt.Fprintf(out, "cpu/req: CPU of this process per request (for the API rows: HTTP client, server and driver; for driver direct: pacer and driver)")
	if f.neo4jPID > 0 {
		fmt.Fprintf(out, "; neo4j/req: CPU of process %d per request", f.neo4jPID)
	}
	fmt.Fprintln(out)
	return nil
}

// benchRun is one target of the load: GETs of a URL over HTTP (vegeta), or
// a function (the driver alone).
type benchRun struct {
	name   string
	http   *httpAttack
	direct func(context.Context) error
}

// benchResult is what one target measured over a run.
type benchResult struct {
	metrics *vegeta.Metrics
	cpu     cpuUse
}

// benchInterleaved loads each target at rate for d in all, in slices of
// slice: a slice of each target in turn, the order rotating every round, so
// that every target meets Neo4j (its caches, JIT, garbage collector) and
// the machine's other load in the same states, rather than the last target
// of a rate finding Neo4j the warmest. meter, when not nil, measures CPU
// per request of each target over its slices.
func benchInterleaved(ctx context.Context, runs []benchRun, rate int, d, slice time.Duration, meter *cpuMeter) []benchResult {
	type acc struct {
		all             vegeta.Metrics
		requests, ok    uint64
		elapsed         time.Duration
		self, neo4j     time.Duration
		selfOK, neo4jOK bool
	}
	accs := make([]acc, len(runs))
	for i := range accs {
		accs[i].selfOK, accs[i].neo4jOK = true, true
	}
	rounds := max(1, int((d+slice-1)/slice))
	for round := range rounds {
		if ctx.Err() != nil { // interrupted: stop after the slice under way
			break
		}
		for k := range runs {
			i := (round + k) % len(runs)
			if meter != nil {
				meter.start()
			}
			var m *vegeta.Metrics
			if runs[i].http != nil {
				m = runs[i].http.attack(rate, slice, &accs[i].all)
			} else {
				m = attackFunc(ctx, runs[i].direct, rate, slice, &accs[i].all)
			}
			a := &accs[i]
			a.requests += m.Requests
			a.ok += uint64(float64(m.Requests)*m.Success + 0.5)
			a.elapsed += m.Duration + m.Wait
			if meter != nil {
				self, neo, selfOK, neoOK := meter.used()
				a.self, a.neo4j = a.self+self, a.neo4j+neo
				a.selfOK, a.neo4jOK = a.selfOK && selfOK, a.neo4jOK && neoOK
			}
		}
	}
	out := make([]benchResult, len(runs))
	for i := range accs {
		a := &accs[i]
		a.all.Close()
		// Close took the span from the first slice to the last, gaps
		// between slices included; the rates are those within slices.
		if a.elapsed > 0 {
			a.all.Throughput = float64(a.ok) / a.elapsed.Seconds()
			a.all.Rate = float64(a.requests) / a.elapsed.Seconds()
		}
		out[i] = benchResult{metrics: &a.all, cpu: cpuUse{"-", "-"}}
		if meter != nil && a.requests > 0 {
			if a.selfOK {
				out[i].cpu.self = benchMillis(a.self / time.Duration(a.requests))
			}
			if a.neo4jOK && meter.neo4jPID > 0 {
				out[i].cpu.neo4j = benchMillis(a.neo4j / time.Duration(a.requests))
			}
		}
	}
	return out
}

// cpuMeter measures the CPU used per request over one run, by this
// process and, given its pid, by Neo4j: on a shared machine latencies
// vary with the neighbours' load, CPU per request much less.
type cpuMeter struct {
	neo4jPID    int
	self, neo4j time.Duration
	selfOK      bool
	neo4jOK     bool
}

// cpuUse is CPU per request, formatted ("-" where unknown).
type cpuUse struct{ self, neo4j string }

func (m *cpuMeter) start() {
	m.self, m.selfOK = processCPU()
	m.neo4jOK = false
	if m.neo4jPID > 0 {
		m.neo4j, m.neo4jOK = pidCPU(m.neo4jPID)
	}
}

// used returns the CPU this process and Neo4j used since start, and
// whether each is known.
func (m *cpuMeter) used() (self, neo4j time.Duration, selfOK, neo4jOK bool) {
	if now, ok := processCPU(); ok && m.selfOK {
		self, selfOK = now-m.self, true
	}
	if m.neo4jOK {
		if now, ok := pidCPU(m.neo4jPID); ok {
			neo4j, neo4jOK = now-m.neo4j, true
		}
	}
	return self, neo4j, selfOK, neo4jOK
}

// benchRead runs one read statement through the driver alone.
func benchRead(ctx context.Context, driver neo4j.DriverWithContext, db string, st schema.ReadStatement) error {
	sess := driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: db, AccessMode: neo4j.AccessModeRead, BookmarkManager: driver.ExecuteQueryBookmarkManager(),
	})
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, st.Cypher, st.Params)
	if err != nil {
		return err
	}
	_, err = res.Collect(ctx)
	return err
}

// benchSerial calls each of fs n times, one call at a time, the functions
// taking turns (so that each meets the same state of Neo4j), and returns
// the latencies and CPU per call of each.
func benchSerial(ctx context.Context, fs []func(context.Context) error, n, neo4jPID int) []benchResult {
	ms := make([]vegeta.Metrics, len(fs))
	cpu := make([]struct {
		self, neo4j     time.Duration
		selfOK, neo4jOK bool
	}, len(fs))
	meter := cpuMeter{neo4jPID: neo4jPID}
	for i := range cpu {
		cpu[i].selfOK, cpu[i].neo4jOK = true, neo4jPID > 0
	}
	for range n {
		for i, f := range fs {
			meter.start()
			start := time.Now()
			err := f(ctx)
			r := &vegeta.Result{Attack: "serial", Timestamp: start, Latency: time.Since(start), Code: http.StatusOK}
			self, neo, selfOK, neoOK := meter.used()
			cpu[i].self, cpu[i].neo4j = cpu[i].self+self, cpu[i].neo4j+neo
			cpu[i].selfOK, cpu[i].neo4jOK = cpu[i].selfOK && selfOK, cpu[i].neo4jOK && neoOK
			if err != nil {
				r.Code, r.Error = http.StatusInternalServerError, err.Error()
			}
			ms[i].Add(r)
		}
	}
	out := make([]benchResult, len(fs))
	for i := range ms {
		ms[i].Close()
		out[i] = benchResult{metrics: &ms[i], cpu: cpuUse{"-", "-"}}
		if cpu[i].selfOK {
			out[i].cpu.self = benchMillis(cpu[i].self / time.Duration(n))
		}
		if cpu[i].neo4jOK {
			out[i].cpu.neo4j = benchMillis(cpu[i].neo4j / time.Duration(n))
		}
	}
	return out
}

func benchMillis(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000)
}

// httpAttack sends GETs of one URL (vegeta, open model). Every attack
// goes through one client, so that later ones reuse the connections of the
// earlier ones (a vegeta Attacker serves one attack only).
type httpAttack struct {
	url    string
	client *http.Client
	tr     vegeta.Targeter
}

func newHTTPAttack(u string) *httpAttack {
	// vegeta's own client, kept across attacks.
	dialer := &net.Dialer{KeepAlive: 30 * time.Second}
	return &httpAttack{
		url: u,
		client: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
			DialContext:         dialer.DialContext,
			MaxIdleConnsPerHost: vegeta.DefaultConnections,
			MaxConnsPerHost:     vegeta.DefaultMaxConnections,
		}},
		tr: vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: u}),
	}
}

// attack sends GETs at rate per second for d and returns their metrics,
// adding each result to all as well.
func (h *httpAttack) attack(rate int, d time.Duration, all *vegeta.Metrics) *vegeta.Metrics {
	var m vegeta.Metrics
	atk := vegeta.NewAttacker(vegeta.Client(h.client))
	for res := range atk.Attack(h.tr, vegeta.Rate{Freq: rate, Per: time.Second}, d, h.url) {
		m.Add(res)
		all.Add(res)
	}
	m.Close()
	return &m
}

// attackFunc calls f at rate per second for d, each call in its own
// goroutine (the open model vegeta uses), and measures it as vegeta does,
// adding each result to all as well.
func attackFunc(ctx context.Context, f func(context.Context) error, rate int, d time.Duration, all *vegeta.Metrics) *vegeta.Metrics {
	pacer := vegeta.ConstantPacer{Freq: rate, Per: time.Second}
	results := make(chan *vegeta.Result, 1024)
	var m vegeta.Metrics
	done := make(chan struct{})
	go func() {
		for r := range results {
			m.Add(r)
			all.Add(r)
		}
		close(done)
	}()
	var wg sync.WaitGroup
	began := time.Now()
	for hits := uint64(0); ; {
		elapsed := time.Since(began)
		if elapsed >= d {
			break
		}
		wait, stop := pacer.Pace(elapsed, hits)
		if stop {
			break
		}
		if wait > 0 {
			time.Sleep(wait)
			continue
		}
		hits++
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			err := f(ctx)
			r := &vegeta.Result{Attack: "direct", Timestamp: start, Latency: time.Since(start), Code: http.StatusOK}
			if err != nil {
				r.Code, r.Error = http.StatusInternalServerError, err.Error()
			}
			results <- r
		}()
	}
	wg.Wait()
	close(results)
	<-done
	m.Close()
	return &m
}

// benchMeetingRef returns "Xi'an 2023" when the graph has such a meeting,
// else the place and year of the earliest meeting with a place two years
// before the graph's latest, so that the flagship spans a similar period.
func benchMeetingRef(ctx context.Context, store *graph.Store, driver neo4j.DriverWithContext, db string) (string, error) {
	const ref = "Xi'an 2023"
	if _, err := store.ResolveMeetingRef(ctx, ref); err == nil {
		return ref, nil
	}
	res, err := neo4j.ExecuteQuery(ctx, driver, `
MATCH (m:Meeting) WHERE m.year IS NOT NULL
WITH max(m.year) - 2 AS year
MATCH (p:Place)<-[:HELD_IN]-(m:Meeting {year: year})
RETURN p.name AS place, year ORDER BY m.date LIMIT 1`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil || len(res.Records) == 0 {
		return "", schema.Errorf(schema.EINVALID, "the graph has no meeting with a place to start the flagship query from")
	}
	place, _, err := neo4j.GetRecordValue[string](res.Records[0], "place")
	if err != nil {
		return "", err
	}
	year, _, err := neo4j.GetRecordValue[int64](res.Records[0], "year")
	return fmt.Sprintf("%s %d", place, year), err
}

// startCPUProfile profiles this process into file until stop is called.
func startCPUProfile(file string) (stop func(), err error) {
	out, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); out.Close() }, nil
}
