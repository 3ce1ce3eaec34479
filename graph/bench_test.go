package graph

// The ingest benchmark of issue 5: one run, three writers, the same
// synthetic documents.
//
//   - ours:  Store.Ingest, one transaction per document with resolution and
//     tracking; and Store.IngestBatch, the same with a batch of documents per
//     transaction (PLEDGEGRAPH_BENCH_BATCH, default 50), as `pledgegraph
//     ingest` writes;
//   - floor: the same rows written with plain CREATE, one statement and
//     transaction per batch, at both batch sizes (one document, and
//     PLEDGEGRAPH_BENCH_BATCH), so that each of ours is compared with a floor
//     that commits as often; no MERGE, no resolution, no tracking (its
//     REITERATES rows are the ones ours computed; its MATCH_KEY rows, the
//     bookkeeping that ours writes for tracking, are ours too). For
//     comparison with earlier runs, whose floor left MATCH_KEY out, the
//     batched floor also runs without them;
//   - naive: one auto-commit MERGE query per node and per relationship.
//
// It wipes the database it is pointed at, so it runs only against one named
// explicitly in PLEDGEGRAPH_BENCH_URI, and only when that database is empty
// (topics aside) or marked by an earlier run of this benchmark; start a Neo4j
// of its own on a port nothing else uses:
//
//	NEO4J_PORT=17688 NEO4J_DATA=/tmp/pg-bench make neo4j-start
//	PLEDGEGRAPH_BENCH_URI=bolt://127.0.0.1:17688 PLEDGEGRAPH_BENCH_DOCS=10000 \
//	  go test ./graph -run '^$' -bench Ingest -benchtime 1x -timeout 0
//
// PLEDGEGRAPH_BENCH_NAIVE_DOCS (default 300) sets how many documents the
// naive writer gets: it is too slow for 10,000, and its rate is compared.
// PLEDGEGRAPH_BENCH_TRIALS (default 3) runs the two batched writers, whose
// ratio the target bounds, that many times, alternated (ours, floor; floor,
// ours; ...), and reports each trial's ratio and the median trial; the
// other writers run once. PLEDGEGRAPH_BENCH_NEO4J_PID, the process id of a
// local Neo4j, adds each trial's Neo4j CPU time for both writers.

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/schema"
	"github.com/pledgegraph/pledgegraph/synth"
)

func BenchmarkIngest(b *testing.B) {
	uri := os.Getenv("PLEDGEGRAPH_BENCH_URI")
	if uri == "" {
		b.Skip("set PLEDGEGRAPH_BENCH_URI to a Neo4j this benchmark may wipe")
	}
	docs := envInt(b, "PLEDGEGRAPH_BENCH_DOCS", 1000)
	naiveDocs := min(docs, envInt(b, "PLEDGEGRAPH_BENCH_NAIVE_DOCS", 300))
	batch := envInt(b, "PLEDGEGRAPH_BENCH_BATCH", 50)
	trialCount := envInt(b, "PLEDGEGRAPH_BENCH_TRIALS", 3)
	neo4jPID := os.Getenv("PLEDGEGRAPH_BENCH_NEO4J_PID")
	ctx := context.Background()
	s, err := Open(Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD")},
		slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close(ctx)
	if err := s.Ping(ctx); err != nil {
		b.Fatal(err)
	}
	s.claim(ctx, b)
	xs := synth.Extractions(docs, 1)
	commitments := 0
	for _, x := range xs {
		commitments += len(x.Commitments)
	}
	fmt.Printf("ingest benchmark: %d synthetic documents (seed 1), %d commitments, against %s\n", docs, commitments, uri)

	// Warm up the server (JIT, plan cache, page cache) on the writers'
	// statements, so that the first writer measured does not pay for it.
	warm := min(docs, 300)
	s.wipe(ctx, b)
	for i := 0; i < warm; i += batch {
		_, errs := s.IngestBatch(ctx, xs[i:min(i+batch, warm)])
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, x := range xs[:warm] {
		if _, err := s.Ingest(ctx, x); err != nil {
			b.Fatal(err)
		}
	}
	s.wipe(ctx, b)
	for _, d := range floorBatches(xs[:warm], nil) {
		s.writeFloor(ctx, b, []docBatch{d})
	}

	for range b.N {
		// Ours.
		s.wipe(ctx, b)
		start := time.Now()
		lap := start
		for i, x := range xs {
			if _, err := s.Ingest(ctx, x); err != nil {
				b.Fatal(err)
			}
			if (i+1)%1000 == 0 {
				fmt.Printf("  ours: %d documents, last 1000 at %.1f docs/s\n", i+1, 1000/time.Since(lap).Seconds())
				lap = time.Now()
			}
		}
		ours := time.Since(start)
		oursCounts := s.counts(ctx, b)
		reiterates := s.reiterates(ctx, b)
		batches := floorBatches(xs, reiterates)

		// The two writers the target compares, ours batched and the
		// floor batched, in alternated trials (ours, floor; floor, ours;
		// ...), each on a wiped database: the machine's load moves both
		// alike, and each trial's ratio compares runs minutes apart at
		// most.
		var trials []trial
		for i := range trialCount {
			var t trial
			writers := []func(){
				func() { t.ours, t.oursCPU = s.benchBatched(ctx, b, xs, batch, oursCounts, neo4jPID) },
				func() { t.floor, t.floorCPU = s.benchFloor(ctx, b, batches, batch, neo4jPID) },
			}
			if i%2 == 1 {
				slices.Reverse(writers)
			}
			for _, write := range writers {
				write()
			}
			fmt.Printf("  trial %d (%s first): ours %.1f docs/s, floor %.1f docs/s: floor / ours %.2fx",
				i+1, map[bool]string{true: "ours", false: "floor"}[i%2 == 0], rate(docs, t.ours), rate(docs, t.floor), float64(t.ours)/float64(t.floor))
			if neo4jPID != "" {
				fmt.Printf("; Neo4j CPU ours %.1f s, floor %.1f s: ours / floor %.2fx", t.oursCPU.Seconds(), t.floorCPU.Seconds(), float64(t.oursCPU)/float64(t.floorCPU))
			}
			fmt.Println()
			trials = append(trials, t)
		}
		oursBatch, floorBatch := medianTrial(trials)

		// Floor, one document per statement and transaction.
		s.wipe(ctx, b)
		start = time.Now()
		for _, batch := range batches {
			s.writeFloor(ctx, b, []docBatch{batch})
		}
		floor := time.Since(start)
		floorCounts := s.counts(ctx, b)

		// The same, without the MATCH_KEY rows (the floor of earlier runs).
		s.wipe(ctx, b)
		bare := withoutType(batches, "MATCH_KEY")
		start = time.Now()
		for i := 0; i < len(bare); i += batch {
			s.writeFloor(ctx, b, bare[i:min(i+batch, len(bare))])
		}
		floorBare := time.Since(start)

		// Naive, on fewer documents.
		s.wipe(ctx, b)
		naiveCommitments := 0
		start = time.Now()
		for _, batch := range batches[:naiveDocs] {
			s.writeNaive(ctx, b, batch)
			naiveCommitments += batch.commitments
		}
		naive := time.Since(start)

		perTx := fmt.Sprintf("%d docs/tx", batch)
		fmt.Printf("%-36s %8s %10s %14s %s\n", "writer", "docs", "docs/s", "commitments/s", "graph (nodes, relationships)")
		fmt.Printf("%-36s %8d %10.1f %14.1f %v\n", "ours (Store.Ingest, 1 doc/tx)", docs, rate(docs, ours), rate(commitments, ours), oursCounts)
		fmt.Printf("%-36s %8d %10.1f %14.1f %v\n", "ours (Store.IngestBatch, "+perTx+")", docs, rate(docs, oursBatch), rate(commitments, oursBatch), oursCounts)
		fmt.Printf("%-36s %8d %10.1f %14.1f %v\n", "floor (CREATE, 1 doc/tx)", docs, rate(docs, floor), rate(commitments, floor), floorCounts)
		fmt.Printf("%-36s %8d %10.1f %14.1f\n", "floor (CREATE, "+perTx+")", docs, rate(docs, floorBatch), rate(commitments, floorBatch))
		fmt.Printf("%-36s %8d %10.1f %14.1f\n", "floor ("+perTx+", no MATCH_KEY)", docs, rate(docs, floorBare), rate(commitments, floorBare))
		fmt.Printf("%-36s %8d %10.1f %14.1f   (first %d documents only; rates compared)\n", "naive (auto-commit MERGE per row)", naiveDocs, rate(naiveDocs, naive), rate(naiveCommitments, naive), naiveDocs)
		naiveRate := rate(naiveDocs, naive)
		fmt.Printf("1 doc/tx:   ours / naive %.1fx (target >= 20x); floor / ours %.2fx (target <= 2x)\n",
			rate(docs, ours)/naiveRate, rate(docs, floor)/rate(docs, ours))
		fmt.Printf("%s: ours / naive %.1fx (target >= 20x); floor / ours %.2fx (target <= 2x)",
			perTx, rate(docs, oursBatch)/naiveRate, rate(docs, floorBatch)/rate(docs, oursBatch))
		if len(trials) > 1 {
			fmt.Printf(", the median of %d trials:", len(trials))
			for _, t := range trials {
				fmt.Printf(" %.2fx", float64(t.ours)/float64(t.floor))
			}
		}
		fmt.Println()
		if neo4jPID != "" {
			fmt.Printf("%s: Neo4j CPU, ours / floor, each trial:", perTx)
			for _, t := range trials {
				fmt.Printf(" %.2fx", float64(t.oursCPU)/float64(t.floorCPU))
			}
			fmt.Println()
		}
		fmt.Printf("%s, floor without MATCH_KEY: floor / ours %.2fx\n", perTx, rate(docs, floorBare)/rate(docs, oursBatch))
		b.ReportMetric(rate(docs, oursBatch), "docs/s")
		b.ReportMetric(rate(commitments, oursBatch), "commitments/s")
		b.ReportMetric(rate(docs, ours), "docs/s-1tx")
	}
}

func rate(n int, d time.Duration) float64 { return float64(n) / d.Seconds() }

// trial is one run of each batched writer: the time each took, and the
// CPU time Neo4j used for each (with PLEDGEGRAPH_BENCH_NEO4J_PID).
type trial struct{ ours, floor, oursCPU, floorCPU time.Duration }

// medianTrial returns the times of the trial whose ratio, floor / ours, is
// the median (the lower middle one of an even number), so that the rates
// reported and their ratio come from one trial.
func medianTrial(trials []trial) (ours, floor time.Duration) {
	sorted := slices.Clone(trials)
	slices.SortFunc(sorted, func(a, b trial) int {
		// floor / ours = ours time / floor time
		return cmp.Compare(float64(a.ours)/float64(a.floor), float64(b.ours)/float64(b.floor))
	})
	m := sorted[(len(sorted)-1)/2]
	return m.ours, m.floor
}

// procCPU reads the CPU time (user and system) of process pid from
// /proc/pid/stat (fields 14 and 15, in clock ticks of 10 ms); 0 when pid is
// "". On a machine that other work shares, a local Neo4j's CPU time moves
// less with that work than wall time does.
func procCPU(b *testing.B, pid string) time.Duration {
	if pid == "" {
		return 0
	}
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		b.Fatalf("PLEDGEGRAPH_BENCH_NEO4J_PID: %v", err)
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after it.
	fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	if len(fields) < 13 {
		b.Fatalf("PLEDGEGRAPH_BENCH_NEO4J_PID: /proc/%s/stat: %q", pid, stat)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			b.Fatalf("PLEDGEGRAPH_BENCH_NEO4J_PID: /proc/%s/stat: %v", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// benchBatched writes xs with IngestBatch, batch documents per transaction,
// on a wiped database, prints the time of each statement per batch, and
// checks that it wrote the graph of counts want. It returns the time it
// took and the CPU time Neo4j process pid used meanwhile (see procCPU).
func (s *Store) benchBatched(ctx context.Context, b *testing.B, xs []*schema.Extraction, batch int, want [2]int64, pid string) (time.Duration, time.Duration) {
	s.wipe(ctx, b)
	type step struct{ wall, server time.Duration }
	steps := map[string]*step{}
	var order []string
	s.stepTime = func(name string, d time.Duration, sum neo4j.ResultSummary) {
		st, ok := steps[name]
		if !ok {
			st = &step{}
			steps[name] = st
			order = append(order, name)
		}
		st.wall += d
		st.server += sum.ResultAvailableAfter() + sum.ResultConsumedAfter()
	}
	defer func() { s.stepTime = nil }()
	cpu := procCPU(b, pid)
	start := time.Now()
	lap, lapN := start, 0
	for i := 0; i < len(xs); i += batch {
		_, errs := s.IngestBatch(ctx, xs[i:min(i+batch, len(xs))])
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		if n := min(i+batch, len(xs)); n/1000 != i/1000 {
			fmt.Printf("  ours, batches: %d documents, last %d at %.1f docs/s\n", n, n-lapN, float64(n-lapN)/time.Since(lap).Seconds())
			lap, lapN = time.Now(), n
		}
	}
	took := time.Since(start)
	cpu = procCPU(b, pid) - cpu
	perBatch := func(d time.Duration) float64 {
		return float64(d.Microseconds()) / 1000 / float64((len(xs)+batch-1)/batch)
	}
	var inSteps time.Duration
	fmt.Printf("  ours, batches: ms per batch of %d by statement (Neo4j's own time in parentheses):", batch)
	for _, name := range order {
		inSteps += steps[name].wall
		fmt.Printf(" %s %.1f (%.1f);", name, perBatch(steps[name].wall), perBatch(steps[name].server))
	}
	fmt.Printf(" other (commit, client) %.1f; total %.1f\n", perBatch(took-inSteps), perBatch(took))
	if got := s.counts(ctx, b); got != want {
		b.Fatalf("IngestBatch wrote %v (nodes, relationships), Ingest %v", got, want)
	}
	return took, cpu
}

// benchFloor writes the floor's rows, batch documents per statement and
// transaction, on a wiped database, and returns the time it took and the
// CPU time Neo4j process pid used meanwhile (see procCPU).
func (s *Store) benchFloor(ctx context.Context, b *testing.B, batches []docBatch, batch int, pid string) (time.Duration, time.Duration) {
	s.wipe(ctx, b)
	var statement, server time.Duration
	cpu := procCPU(b, pid)
	start := time.Now()
	for i := 0; i < len(batches); i += batch {
		d, sum := s.writeFloor(ctx, b, batches[i:min(i+batch, len(batches))])
		statement += d
		server += sum.ResultAvailableAfter() + sum.ResultConsumedAfter()
	}
	took := time.Since(start)
	cpu = procCPU(b, pid) - cpu
	perBatch := func(d time.Duration) float64 {
		return float64(d.Microseconds()) / 1000 / float64((len(batches)+batch-1)/batch)
	}
	fmt.Printf("  floor, batches: ms per batch of %d: statement %.1f (%.1f); other (commit, client) %.1f; total %.1f\n",
		batch, perBatch(statement), perBatch(server), perBatch(took-statement), perBatch(took))
	return took, cpu
}

func envInt(b *testing.B, key string, def int) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", key, v)
	}
	return n
}

// claim refuses a database that holds anything but topics unless an
// earlier run of this benchmark marked it, and marks it.
func (s *Store) claim(ctx context.Context, b *testing.B) {
	const q = `
OPTIONAL MATCH (m:IngestBenchmarkDatabase)
WITH count(m) AS marked
OPTIONAL MATCH (n) WHERE NOT n:Topic AND NOT n:IngestBenchmarkDatabase
RETURN marked, count(n) AS other`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		b.Fatal(err)
	}
	marked, _, err1 := neo4j.GetRecordValue[int64](res.Records[0], "marked")
	other, _, err2 := neo4j.GetRecordValue[int64](res.Records[0], "other")
	if err1 != nil || err2 != nil {
		b.Fatal(err1, err2)
	}
	if marked == 0 && other > 0 {
		b.Fatalf("%s holds %d nodes and is not this benchmark's database: refusing to wipe it; start a Neo4j of its own", s.uri, other)
	}
	s.mark(ctx, b)
}

func (s *Store) mark(ctx context.Context, b *testing.B) {
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, `MERGE (:IngestBenchmarkDatabase {by: 'graph.BenchmarkIngest'})`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		b.Fatal(err)
	}
}

// wipe empties the benchmark database (keeping its mark) and applies the
// schema.
func (s *Store) wipe(ctx context.Context, b *testing.B) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	// CALL IN TRANSACTIONS needs an implicit transaction: session.Run.
	// Relationships go first, in batches, so that deleting a dense node
	// (China) does not need one huge transaction.
	for _, q := range []string{
		`MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (n) WHERE NOT n:IngestBenchmarkDatabase CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			b.Fatalf("wipe: %v", err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
}

func (s *Store) counts(ctx context.Context, b *testing.B) [2]int64 {
	const q = `CALL { MATCH (n) WHERE NOT n:IngestBenchmarkDatabase RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		b.Fatal(err)
	}
	nodes, _, err1 := neo4j.GetRecordValue[int64](res.Records[0], "nodes")
	rels, _, err2 := neo4j.GetRecordValue[int64](res.Records[0], "rels")
	if err1 != nil || err2 != nil {
		b.Fatal(err1, err2)
	}
	return [2]int64{nodes, rels}
}

// reiterates returns the REITERATES rows ours wrote.
func (s *Store) reiterates(ctx context.Context, b *testing.B) []rel {
	const q = `MATCH (a:Commitment)-[r:REITERATES]->(o:Commitment) RETURN a.id AS a, o.id AS o, r.by AS by`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		b.Fatal(err)
	}
	var out []rel
	for _, r := range res.Records {
		var v [3]string
		for i, k := range []string{"a", "o", "by"} {
			if v[i], err = recordString(r, k); err != nil {
				b.Fatal(err)
			}
		}
		out = append(out, rel{"REITERATES", "Commitment", v[0], "Commitment", v[1], map[string]any{"by": v[2]}})
	}
	return out
}

// node and rel are the rows the floor and naive writers write: what ours
// would write for a document, without resolution (a meeting known only
// from a reference or a readout without a day is its placeholder).
type node struct {
	label string // Document, Meeting, ..., or Entity:<kind>
	key   string // the identifying property's value (id, or code for a Country)
	props map[string]any
}

type rel struct {
	typ            string
	fromLabel, fro string
	toLabel, to    string
	props          map[string]any
}

type docBatch struct {
	nodes       []node
	rels        []rel
	commitments int
}

// floorBatches converts extractions into rows, each node in the batch of
// the first document that has it, each REITERATES in the batch of the later
// of its two commitments' documents.
func floorBatches(xs []*schema.Extraction, reiterates []rel) []docBatch {
	seen := map[string]bool{}
	batchOf := map[string]int{} // commitment id -> batch
	var out []docBatch
	for _, x := range xs {
		r := toRows(x)
		var d docBatch
		add := func(label, key string, props map[string]any) {
			if seen[label+"|"+key] {
				return
			}
			seen[label+"|"+key] = true
			d.nodes = append(d.nodes, node{label, key, props})
		}
		link := func(typ, fl, f, tl, t string, props map[string]any) {
			d.rels = append(d.rels, rel{typ, fl, f, tl, t, props})
		}
		for _, c := range r.countries {
			add("Country", c, map[string]any{"code": c})
		}
		add("Document", r.docID, withID(r.docID, r.doc))
		m := r.meeting.params
		mid := r.meeting.id
		mprops := map[string]any{}
		if p, ok := m["props"].(map[string]any); ok {
			for k, v := range p {
				if _, isMap := v.(map[string]any); !isMap {
					mprops[k] = v
				}
			}
		}
		for _, k := range []string{"city", "country", "venue", "occasion", "kind"} {
			mprops[k] = m[k]
		}
		add("Meeting", mid, withID(mid, mprops))
		link("REPORTS", "Document", r.docID, "Meeting", mid, nil)
		for _, c := range x.Meeting.Parties {
			link("HAS_PARTY", "Meeting", mid, "Country", c, nil)
		}
		if p, ok := m["place"].(map[string]any); ok {
			add("Place", p["id"].(string), map[string]any{"id": p["id"], "name": p["name"], "country": p["country"]})
			link("HELD_IN", "Meeting", mid, "Place", p["id"].(string), nil)
			if c, ok := p["country"].(string); ok {
				link("IN", "Place", p["id"].(string), "Country", c, nil)
			}
		}
		if sm, ok := m["summit"].(map[string]any); ok {
			sid := sm["id"].(string)
			add("Meeting", sid, withID(sid, sm["props"].(map[string]any)))
			link("DURING", "Meeting", mid, "Meeting", sid, nil)
		}
		for _, p := range m["participants"].([]any) {
			p := p.(map[string]any)
			pid := p["id"].(string)
			add("Person", pid, map[string]any{"id": pid, "key": p["key"], "name": p["name"], "aliases": p["aliases"]})
			link("ATTENDED", "Person", pid, "Meeting", mid, map[string]any{"role": p["role"], "principal": p["principal"]})
			if c, ok := p["country"].(string); ok {
				link("REPRESENTS", "Person", pid, "Country", c, nil)
			}
		}
		for _, ref := range r.refs {
			mention := ref.(map[string]any)["mention"].(map[string]any)
			rid := mention["ref_id"].(string)
			add("Meeting", rid, map[string]any{"id": rid, "key": mention["key"], "partial": true, "from_reference": true,
				"bucket": mention["bucket"], "date": mention["date"], "city": mention["city"]})
			link("REFERS_TO", "Meeting", mid, "Meeting", rid, mention)
		}
		for _, c := range r.commitments {
			c := c.(map[string]any)
			cid := c["id"].(string)
			var ord any
			if date, ok := mprops["date"].(string); ok {
				ord = date + "|" + mid
			}
			props := map[string]any{"meeting_id": mid, "date": mprops["date"], "ord": ord, "first_stated": mprops["date"], "times_stated": 1}
			for k, v := range c["props"].(map[string]any) {
				props[k] = v
			}
			add("Commitment", cid, props)
			batchOf[cid] = len(out)
			d.commitments++
			link("SOURCED_FROM", "Commitment", cid, "Document", r.docID, map[string]any{"start": c["start"], "end": c["end"]})
			link("STATED_AT", "Commitment", cid, "Meeting", mid, nil)
			for _, a := range c["actors"].([]string) {
				link("MADE_BY", "Commitment", cid, "Country", a, nil)
			}
			for _, a := range c["toward"].([]string) {
				link("TOWARD", "Commitment", cid, "Country", a, nil)
			}
			for _, t := range c["topics"].([]string) {
				link("ON_TOPIC", "Commitment", cid, "Topic", t, nil)
			}
			for _, e := range c["entities"].([]any) {
				e := e.(map[string]any)
				eid := e["id"].(string)
				add("Entity:"+e["kind"].(string), eid, map[string]any{"id": eid, "kind": e["kind"], "name": e["name"], "key": e["key"], "aliases": e["aliases"]})
				link("CONCERNS", "Commitment", cid, "Entity", eid, map[string]any{"track": e["track"], "ord": ord})
			}
			for _, k := range c["keys"].([]string) {
				link("MATCH_KEY", "Commitment", cid, "Commitment", cid, map[string]any{"key": k, "ord": ord})
			}
			if sp, ok := c["speaker"].(map[string]any); ok {
				pid := sp["id"].(string)
				add("Person", pid, map[string]any{"id": pid, "key": sp["key"], "name": sp["name"], "aliases": sp["aliases"]})
				link("STATED_BY", "Commitment", cid, "Person", pid, nil)
			}
		}
		out = append(out, d)
	}
	for _, r := range reiterates {
		i := max(batchOf[r.fro], batchOf[r.to])
		out[i].rels = append(out[i].rels, r)
	}
	return out
}

// withoutType returns batches without their relationships of type typ.
func withoutType(batches []docBatch, typ string) []docBatch {
	out := make([]docBatch, len(batches))
	for i, d := range batches {
		out[i] = docBatch{nodes: d.nodes, commitments: d.commitments}
		for _, r := range d.rels {
			if r.typ != typ {
				out[i].rels = append(out[i].rels, r)
			}
		}
	}
	return out
}

func withID(id string, props map[string]any) map[string]any {
	out := map[string]any{"id": id}
	for k, v := range props {
		out[k] = v
	}
	return out
}

// keyProp is the identifying property of a label.
func keyProp(label string) string {
	switch label {
	case "Country":
		return "code"
	case "Topic":
		return "slug"
	}
	return "id"
}

// Labels and relationship types of the floor and naive writers: constants,
// and every row's label and type is one of them.
var (
	floorNodeLabels = []string{"Country", "Document", "Meeting", "Place", "Person", "Commitment",
		"Entity:Project", "Entity:Organization", "Entity:Initiative", "Entity:Institution", "Entity:Principle",
		"Entity:Agreement", "Entity:Event"}
	floorRels = []struct{ typ, from, to string }{
		{"REPORTS", "Document", "Meeting"}, {"HAS_PARTY", "Meeting", "Country"}, {"HELD_IN", "Meeting", "Place"},
		{"IN", "Place", "Country"}, {"DURING", "Meeting", "Meeting"}, {"ATTENDED", "Person", "Meeting"},
		{"REPRESENTS", "Person", "Country"}, {"REFERS_TO", "Meeting", "Meeting"}, {"SOURCED_FROM", "Commitment", "Document"},
		{"STATED_AT", "Commitment", "Meeting"}, {"MADE_BY", "Commitment", "Country"}, {"TOWARD", "Commitment", "Country"},
		{"ON_TOPIC", "Commitment", "Topic"}, {"CONCERNS", "Commitment", "Entity"}, {"STATED_BY", "Commitment", "Person"},
		{"REITERATES", "Commitment", "Commitment"}, {"MATCH_KEY", "Commitment", "Commitment"},
	}
	floorQ = func() string {
		q := ""
		for i, l := range floorNodeLabels {
			q += fmt.Sprintf("CALL { UNWIND $b.n%d AS row CREATE (n:%s) SET n = row }\n", i, l)
		}
		for i, r := range floorRels {
			q += fmt.Sprintf("CALL { UNWIND $b.r%d AS row MATCH (a:%s {%s: row.a}), (b:%s {%s: row.b}) CREATE (a)-[x:%s]->(b) SET x = row.p }\n",
				i, r.from, keyProp(r.from), r.to, keyProp(r.to), r.typ)
		}
		return q
	}()
)

// writeFloor writes batches with one CREATE statement in one transaction,
// and returns the time the statement took (from sending it to its last
// record, before the commit) and its summary.
// The lists travel in one map parameter: Neo4j caches plans by parameter
// type, and an empty list is not of the type of a list of maps, so separate
// list parameters would make most documents plan the statement anew.
func (s *Store) writeFloor(ctx context.Context, b testing.TB, batches []docBatch) (time.Duration, neo4j.ResultSummary) {
	params := map[string]any{}
	for i, l := range floorNodeLabels {
		rows := []any{}
		for _, d := range batches {
			for _, n := range d.nodes {
				if n.label == l {
					rows = append(rows, dropNil(n.props))
				}
			}
		}
		params[fmt.Sprintf("n%d", i)] = rows
	}
	for i, r := range floorRels {
		rows := []any{}
		for _, d := range batches {
			for _, x := range d.rels {
				if x.typ == r.typ {
					rows = append(rows, map[string]any{"a": x.fro, "b": x.to, "p": dropNil(x.props)})
				}
			}
		}
		params[fmt.Sprintf("r%d", i)] = rows
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	var took time.Duration
	sum, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (neo4j.ResultSummary, error) {
		start := time.Now()
		res, err := tx.Run(ctx, floorQ, map[string]any{"b": params})
		if err != nil {
			return nil, err
		}
		sum, err := res.Consume(ctx)
		took = time.Since(start)
		return sum, err
	})
	if err != nil {
		b.Fatalf("floor: %v", err)
	}
	return took, sum
}

func dropNil(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if v != nil {
			out[k] = v
		}
	}
	return out
}

// writeNaive writes a document's rows with one auto-commit MERGE per node
// and per relationship.
func (s *Store) writeNaive(ctx context.Context, b *testing.B, d docBatch) {
	run := func(q string, params map[string]any) {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			b.Fatalf("naive: %v", err)
		}
	}
	for _, n := range d.nodes {
		if !slices.Contains(floorNodeLabels, n.label) {
			b.Fatalf("label %q", n.label)
		}
		k := keyProp(n.label)
		run(fmt.Sprintf("MERGE (n:%s {%s: $key}) SET n += $props", n.label, k), map[string]any{"key": n.key, "props": dropNil(n.props)})
	}
	for _, r := range d.rels {
		i := slices.IndexFunc(floorRels, func(f struct{ typ, from, to string }) bool { return f.typ == r.typ })
		if i < 0 {
			b.Fatalf("type %q", r.typ)
		}
		f := floorRels[i]
		// A commitment has one MATCH_KEY to itself per key.
		merge, key := "", r.props["key"]
		if f.typ == "MATCH_KEY" {
			merge = " {key: $key}"
		}
		run(fmt.Sprintf("MATCH (a:%s {%s: $a}), (b:%s {%s: $b}) MERGE (a)-[x:%s%s]->(b) SET x += $p",
			f.from, keyProp(f.from), f.to, keyProp(f.to), f.typ, merge), map[string]any{"a": r.fro, "b": r.to, "key": key, "p": dropNil(r.props)})
	}
}
