package graph_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
	"github.com/pledgegraph/pledgegraph/synth"
)

// synthCodes maps the synthetic corpus's countries to test codes.
var synthCodes = map[string]string{
	"CN": "XA", "KZ": "XB", "KG": "XD", "UZ": "XE", "TJ": "XF",
	"TM": "XG", "MN": "XH", "AZ": "XI", "RU": "XJ", "US": "XL",
}

// corpus returns a synthetic corpus moved into the test's countries and
// names.
func (w *world) corpus(n int, seed uint64) []*schema.Extraction {
	var out []*schema.Extraction
	for _, x := range synth.Extractions(n, seed) {
		out = append(out, w.remap(x))
	}
	return out
}

func (w *world) remap(x *schema.Extraction) *schema.Extraction {
	codes := func(cs []string) []string {
		if len(cs) == 0 {
			return cs
		}
		out := w.c(cs...)
		slices.Sort(out)
		return out
	}
	code := func(c string) string {
		if c == "" {
			return ""
		}
		return w.c(c)[0]
	}
	name := func(s string) string {
		if s == "" {
			return ""
		}
		return w.n(s)
	}
	y := *x
	y.Document.ID = w.ns + "-" + x.Document.ID
	y.Meeting.Parties = codes(x.Meeting.Parties)
	y.Meeting.Country = code(x.Meeting.Country)
	y.Meeting.City = name(x.Meeting.City)
	y.Meeting.Occasion = name(x.Meeting.Occasion)
	y.Meeting.Participants = nil
	for _, p := range x.Meeting.Participants {
		p.Name, p.Country = w.n(p.Name), code(p.Country)
		y.Meeting.Participants = append(y.Meeting.Participants, p)
	}
	y.References = nil
	for _, r := range x.References {
		r.Parties, r.Country, r.City = codes(r.Parties), code(r.Country), name(r.City)
		y.References = append(y.References, r)
	}
	y.Commitments = nil
	for _, c := range x.Commitments {
		c.Actors, c.Counterparts, c.Speaker = codes(c.Actors), codes(c.Counterparts), name(c.Speaker)
		var es []schema.Entity
		for _, e := range c.Entities {
			var aliases []string
			for _, a := range e.Aliases {
				aliases = append(aliases, w.n(a))
			}
			es = append(es, schema.Entity{Name: w.n(e.Name), Aliases: aliases, Kind: e.Kind})
		}
		c.Entities = es
		y.Commitments = append(y.Commitments, c)
	}
	return &y
}

// ingestConcurrently ingests xs from workers goroutines.
func (w *world) ingestConcurrently(xs []*schema.Extraction, workers int) {
	w.t.Helper()
	work := make(chan *schema.Extraction)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := range work {
				if _, err := w.store.Ingest(context.Background(), x); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, x := range xs {
		work <- x
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		w.t.Errorf("concurrent ingest: %v", err)
	}
}

// ingestBatches writes xs in batches of size, from writers goroutines.
func (w *world) ingestBatches(xs []*schema.Extraction, size, writers int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	work := make(chan []*schema.Extraction)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range work {
				_, errs := w.store.IngestBatch(context.Background(), batch)
				for _, err := range errs {
					if err != nil {
						mu.Lock()
						w.t.Errorf("batch ingest: %v", err)
						mu.Unlock()
					}
				}
			}
		}()
	}
	for i := 0; i < len(xs); i += size {
		work <- xs[i:min(i+size, len(xs))]
	}
	close(work)
	wg.Wait()
}

func TestConcurrentIngestEqualsSequential(t *testing.T) {
	w := newWorld(t, synthCodes)
	xs := w.corpus(160, 3)

	w.ingest(xs...)
	sequential := w.dump()
	var meetings, reiterates, placeholders int
	for _, l := range sequential {
		switch {
		case len(l) > 13 && l[:13] == "node Meeting ":
			meetings++
		}
	}
	reiterates = int(w.count(`MATCH (c:Commitment)-[r:REITERATES]->() WHERE c.doc_id STARTS WITH $p RETURN count(r) AS n`, map[string]any{"p": w.ns}))
	placeholders = int(w.count(`MATCH (m:Meeting)-[:HAS_PARTY]->(:Country {code: 'XA'}) WHERE m.from_reference RETURN count(DISTINCT m) AS n`, nil))
	t.Logf("%d docs: %d dump lines, %d meetings, %d REITERATES, %d meetings known only from references", len(xs), len(sequential), meetings, reiterates, placeholders)
	if reiterates == 0 {
		t.Error("the corpus made no REITERATES: it does not exercise tracking")
	}

	// Re-ingesting concurrently changes nothing.
	w.ingestConcurrently(xs, 4)
	if diff := cmp.Diff(sequential, w.dump()); diff != "" {
		t.Errorf("concurrent re-ingest changed the graph (-before +after):\n%s", diff)
	}

	// From scratch, four writers give the sequential graph.
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingestConcurrently(xs, 4)
	if diff := cmp.Diff(sequential, w.dump()); diff != "" {
		t.Errorf("4 concurrent writers give another graph than one (-sequential +concurrent):\n%s", diff)
	}

	// So do batches, several documents to a transaction, with two writers.
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingestBatches(xs, 7, 2)
	if diff := cmp.Diff(sequential, w.dump()); diff != "" {
		t.Errorf("batches of 7 give another graph than one by one (-sequential +batches):\n%s", diff)
	}

	// And so does the reverse order, which makes every meeting and chain
	// arrive after the ones that follow it.
	reversed := slices.Clone(xs)
	slices.Reverse(reversed)
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingest(reversed...)
	if diff := cmp.Diff(sequential, w.dump()); diff != "" {
		t.Errorf("reverse order gives another graph (-in order +reversed):\n%s", diff)
	}
}
