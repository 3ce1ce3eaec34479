package graph_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

var cnkg = map[string]string{"CN": "XC", "KG": "XK", "KZ": "XZ", "UZ": "XU"}

func TestIngestIdempotent(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	for i, res := range w.ingest(f.all()...) {
		if res.Status != schema.IngestNew {
			t.Errorf("first ingest of %s: status %s, want new", f.all()[i].Source, res.Status)
		}
	}
	before := w.dump()
	for i, res := range w.ingest(f.all()...) {
		if res.Status != schema.IngestUnchanged {
			t.Errorf("re-ingest of %s: status %s, want unchanged", f.all()[i].Source, res.Status)
		}
	}
	if diff := cmp.Diff(before, w.dump()); diff != "" {
		t.Errorf("re-ingesting changed the graph (-before +after):\n%s", diff)
	}
	if len(before) < 100 {
		t.Errorf("dump has %d lines; the fixture should give over 100", len(before))
	}
}

// permutations returns every order of xs.
func permutations(xs []*schema.Extraction) [][]*schema.Extraction {
	if len(xs) <= 1 {
		return [][]*schema.Extraction{xs}
	}
	var out [][]*schema.Extraction
	for i := range xs {
		rest := append(append([]*schema.Extraction{}, xs[:i]...), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]*schema.Extraction{xs[i]}, p...))
		}
	}
	return out
}

// sameInEveryOrder ingests docs in each order on a clean slate and checks
// that every order gives the graph of the first; it returns that graph's
// dump, with the graph of the last order left in place.
func (w *world) sameInEveryOrder(orders [][]*schema.Extraction) []string {
	w.t.Helper()
	var want []string
	for i, order := range orders {
		neo4jtest.Purge(w.t, w.testCodes()...)
		w.ingest(order...)
		got := w.dump()
		if i == 0 {
			want = got
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			var names []string
			for _, x := range order {
				names = append(names, x.Source)
			}
			w.t.Errorf("order %v gives another graph than %v (-first +this):\n%s", names, sourceNames(orders[0]), diff)
		}
	}
	return want
}

func sourceNames(xs []*schema.Extraction) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Source)
	}
	return out
}

// meetings returns the meetings of the test's parties: id, date,
// from_reference and the number of documents reporting each.
func (w *world) meetings(parties string) []string {
	w.t.Helper()
	var out []string
	for _, rec := range w.query(`
MATCH (m:Meeting {parties_key: $parties})
RETURN m.date AS date, m.from_reference AS ref, m.partial AS partial,
       COUNT { (:Document)-[:REPORTS]->(m) } AS docs, COUNT { (:Meeting)-[:REFERS_TO]->(m) } AS refs
ORDER BY date, partial`, map[string]any{"parties": parties}) {
		date, _, err1 := neo4j.GetRecordValue[string](rec, "date")
		ref, _, err2 := neo4j.GetRecordValue[bool](rec, "ref")
		docs, _, err3 := neo4j.GetRecordValue[int64](rec, "docs")
		refs, _, err4 := neo4j.GetRecordValue[int64](rec, "refs")
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			w.t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s from_reference=%v docs=%d referred=%d", date, ref, docs, refs))
	}
	return out
}

func TestReferenceAndReadoutAreOneMeeting(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	// astana2024 refers to "Xi'an, May 2023"; xian2023 is that meeting's
	// readout.
	w.sameInEveryOrder(permutations([]*schema.Extraction{f.astana2024, f.xian2023}))
	want := []string{
		"2023-05-18 from_reference=false docs=1 referred=1",
		"2024-07-03 from_reference=false docs=1 referred=0",
	}
	if diff := cmp.Diff(want, w.meetings("XC-XK")); diff != "" {
		t.Errorf("meetings (-want +got):\n%s", diff)
	}

	// The reference alone is a meeting known from references, with the
	// precision the text gave.
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingest(f.astana2024)
	want = []string{
		"2023-05 from_reference=true docs=0 referred=1",
		"2024-07-03 from_reference=false docs=1 referred=0",
	}
	if diff := cmp.Diff(want, w.meetings("XC-XK")); diff != "" {
		t.Errorf("reference only (-want +got):\n%s", diff)
	}
	if n := w.count(`MATCH (m:Meeting {parties_key: 'XC-XK', date: '2023-05'}) WHERE m.date_precision = 'month' AND m.city = $city RETURN count(m) AS n`,
		map[string]any{"city": w.n("Xian")}); n != 1 {
		t.Errorf("placeholder with month precision and city: %d", n)
	}
}

func TestTwoSidesReadoutsOfOneMeeting(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	// The Kazakh press service's version gives neither a day nor a city.
	kz := w.readout("astana-2024-kz", schema.Meeting{Date: "2024-07", Parties: w.c("CN", "KG")}, nil,
		stmt{text: "strengthen the China-Central Asia mechanism", actors: w.c("CN", "KG"), topics: []string{"multilateral"}})
	w.sameInEveryOrder(permutations([]*schema.Extraction{f.astana2024, f.astanaKG, kz}))
	want := []string{
		"2023-05 from_reference=true docs=0 referred=1",
		"2024-07-03 from_reference=false docs=3 referred=0",
	}
	if diff := cmp.Diff(want, w.meetings("XC-XK")); diff != "" {
		t.Errorf("meetings (-want +got):\n%s", diff)
	}
	// The Chinese side's city stays the meeting's.
	if n := w.count(`MATCH (m:Meeting {parties_key: 'XC-XK', date: '2024-07-03'})-[:HELD_IN]->(p:Place {name: $city}) RETURN count(*) AS n`,
		map[string]any{"city": w.n("Astana")}); n != 1 {
		t.Errorf("meeting held in Astana: %d", n)
	}
}

func TestSameCityAndMonthDifferentDaysStayTwo(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	again := w.readout("xian-2023-again", schema.Meeting{
		Date: "2023-05-25", City: w.n("Xi'an"), Country: w.c("CN")[0], Parties: w.c("CN", "KG"),
	}, nil, stmt{text: "open a new border crossing", actors: w.c("CN", "KG"), topics: []string{"connectivity"}})
	// astana2024's reference to "Xi'an, May 2023" now fits two meetings: it
	// must resolve to neither, whatever the order.
	w.sameInEveryOrder(permutations([]*schema.Extraction{f.xian2023, again, f.astana2024}))
	want := []string{
		"2023-05 from_reference=true docs=0 referred=1",
		"2023-05-18 from_reference=false docs=1 referred=0",
		"2023-05-25 from_reference=false docs=1 referred=0",
		"2024-07-03 from_reference=false docs=1 referred=0",
	}
	if diff := cmp.Diff(want, w.meetings("XC-XK")); diff != "" {
		t.Errorf("meetings (-want +got):\n%s", diff)
	}
}

// chain returns, for each commitment on the railway, its date,
// times_stated, first_stated and the dates of what it reiterates.
func (w *world) railway() []string {
	w.t.Helper()
	var out []string
	for _, rec := range w.query(`
MATCH (c:Commitment)-[:CONCERNS]->(:Entity {name: $rail})
OPTIONAL MATCH (c)-[:REITERATES]->(o)
WITH c, o ORDER BY o.doc_id
RETURN c.date AS date, c.doc_id AS doc, c.times_stated AS times, c.first_stated AS first, collect(o.doc_id) AS reiterates
ORDER BY date, doc`, map[string]any{"rail": w.n("China-Kyrgyzstan-Uzbekistan railway")}) {
		date, _, err1 := neo4j.GetRecordValue[string](rec, "date")
		doc, _, err2 := neo4j.GetRecordValue[string](rec, "doc")
		times, _, err3 := neo4j.GetRecordValue[int64](rec, "times")
		first, _, err4 := neo4j.GetRecordValue[string](rec, "first")
		re, _, err5 := neo4j.GetRecordValue[[]any](rec, "reiterates")
		if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
			w.t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s times=%d first=%s reiterates=%v", date,
			strings.TrimPrefix(doc, "doc-"+w.ns+"-"), times, first, trimAll(re, "doc-"+w.ns+"-")))
	}
	return out
}

func trimAll(xs []any, prefix string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, strings.TrimPrefix(x.(string), prefix))
	}
	return out
}

func TestReiterationChainsIndependentOfOrder(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	inOrder := f.all()
	reversed := slices.Clone(inOrder)
	slices.Reverse(reversed)
	w.sameInEveryOrder([][]*schema.Extraction{
		inOrder, reversed,
		{f.tj25, f.xian2023, f.astanaKG, f.astana2024},
		{f.astanaKG, f.tj25, f.astana2024, f.xian2023},
	})
	want := []string{
		"2023-05-18 xian-2023 times=1 first=2023-05-18 reiterates=[]",
		"2024-07-03 astana-2024 times=2 first=2023-05-18 reiterates=[xian-2023]",
		"2024-07-03 astana-2024-kg times=2 first=2023-05-18 reiterates=[xian-2023]",
		"2025-08-31 tianjin-2025 times=3 first=2023-05-18 reiterates=[astana-2024 astana-2024-kg]",
	}
	if diff := cmp.Diff(want, w.railway()); diff != "" {
		t.Errorf("railway chain (-want +got):\n%s", diff)
	}
	// Similar text on the same topic is a restatement too; a different
	// object on the same topic is not.
	if n := w.count(`MATCH (c:Commitment)-[r:REITERATES {by: 'text'}]->(o:Commitment) WHERE c.doc_id STARTS WITH $p RETURN count(r) AS n`,
		map[string]any{"p": "doc-" + w.ns}); n != 1 {
		t.Errorf("text-similar REITERATES: %d, want 1 (community with a shared future)", n)
	}
}

// TestReiterationAfterMonthDatedCommitment: a commitment made at a meeting
// known only by its month ("2025-09") sorts after every day of that month
// (its ord is "2025-09|...", and '|' sorts after '-'), so a commitment of
// 2025-09-25 written after it, and after a stored one of 2025-09-20, must
// still find it as a later candidate, which then reiterates it: every order
// gives one graph (the restatement lookup seeks later candidates only below
// a bound on the stored ords, see laterBound).
func TestReiterationAfterMonthDatedCommitment(t *testing.T) {
	w := newWorld(t, cnkg)
	cnkg := w.c("CN", "KG")
	rail := schema.Entity{Name: w.n("China-Kyrgyzstan-Uzbekistan railway"), Kind: schema.EntityProject}
	month := w.readout("bishkek-2025-09", schema.Meeting{Date: "2025-09", City: w.n("Bishkek"), Parties: cnkg}, nil,
		stmt{text: "speed up the China-Kyrgyzstan-Uzbekistan railway", actors: cnkg, topics: []string{"connectivity"}, entities: []schema.Entity{rail}})
	other := w.readout("tianjin-2025-09-20", schema.Meeting{Date: "2025-09-20", City: w.n("Tianjin"), Parties: cnkg}, nil,
		stmt{text: "hold the next meeting in Tianjin", actors: cnkg, topics: []string{"political"}})
	day := w.readout("astana-2025-09-25", schema.Meeting{Date: "2025-09-25", City: w.n("Astana"), Parties: cnkg}, nil,
		stmt{text: "build the China-Kyrgyzstan-Uzbekistan railway", actors: cnkg, topics: []string{"connectivity"}, entities: []schema.Entity{rail}})
	w.sameInEveryOrder(permutations([]*schema.Extraction{day, other, month}))
	if n := w.count(`MATCH (c:Commitment {doc_id: $month})-[:REITERATES]->(o:Commitment {doc_id: $day}) RETURN count(*) AS n`,
		map[string]any{"month": month.Document.ID, "day": day.Document.ID}); n != 1 {
		t.Errorf("the month's commitment reiterates the 25th's %d times, want 1", n)
	}
}

func TestIngestAtomic(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	steps := []string{"document", "meeting", "references", "re-resolve", "commitments", "similar commitments",
		"downstream commitments", "write chains"}
	for _, x := range []*schema.Extraction{f.astanaKG, f.xian2023, f.tj25} {
		for _, step := range steps {
			// The graph already holds the meeting astanaKG reports and the
			// commitments the others' chains extend.
			neo4jtest.Purge(t, w.testCodes()...)
			w.ingest(f.astana2024)
			before := w.dump()
			s := neo4jtest.Store(t)
			injected := errors.New("injected failure")
			graph.SetIngestHook(s, func(_, at string) error {
				if at == step {
					return injected
				}
				return nil
			})
			_, err := s.Ingest(context.Background(), x)
			if err == nil {
				continue // this document has no such step (no references)
			}
			if !errors.Is(err, injected) {
				t.Errorf("%s failing after %s: %v", x.Source, step, err)
			}
			if diff := cmp.Diff(before, w.dump()); diff != "" {
				t.Errorf("%s failing after %s left a trace (-before +after):\n%s", x.Source, step, diff)
			}
		}
	}
	// And the same documents then go in whole.
	w.ingest(f.astanaKG, f.xian2023, f.tj25)
	if got := w.railway(); len(got) != 4 {
		t.Errorf("railway after the failures: %v", got)
	}
}

// TestIngestBatchIsolatesFailures: a batch whose second document fails
// (injected) and whose third is invalid stores the first and the fourth
// whole, and nothing of the others.
func TestIngestBatchIsolatesFailures(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	bad := *f.xian2023
	bad.Meeting.Parties = []string{"XC", "Kyrgyzstan"}
	batch := []*schema.Extraction{f.xian2023, f.astana2024, &bad, f.tj25}

	// What the good two give alone.
	w.ingest(f.xian2023, f.tj25)
	want := w.dump()
	neo4jtest.Purge(t, w.testCodes()...)

	s := neo4jtest.Store(t)
	injected := errors.New("injected failure")
	graph.SetIngestHook(s, func(doc, step string) error {
		if doc == f.astana2024.Document.ID && step == "commitments" {
			return injected
		}
		return nil
	})
	res, errs := s.IngestBatch(context.Background(), batch)
	if errs[0] != nil || errs[3] != nil {
		t.Fatalf("good documents failed: %v, %v", errs[0], errs[3])
	}
	if !errors.Is(errs[1], injected) {
		t.Errorf("document 2: error %v, want the injected failure", errs[1])
	}
	if schema.ErrorCode(errs[2]) != schema.EINVALID {
		t.Errorf("document 3: error %v, want %s", errs[2], schema.EINVALID)
	}
	if res[0].Status != schema.IngestNew || res[3].Status != schema.IngestNew {
		t.Errorf("statuses %q, %q, want new", res[0].Status, res[3].Status)
	}
	if diff := cmp.Diff(want, w.dump()); diff != "" {
		t.Errorf("batch with failures differs from its good documents alone (-alone +batch):\n%s", diff)
	}
}

func TestIngestInvalid(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	bad := *f.xian2023
	bad.Meeting.Parties = []string{"XC", "Kyrgyzstan"}
	_, err := w.store.Ingest(context.Background(), &bad)
	if schema.ErrorCode(err) != schema.EINVALID {
		t.Fatalf("invalid parties: error %v, want code %s", err, schema.EINVALID)
	}
	if got := w.dump(); len(got) != 0 {
		t.Errorf("an invalid extraction wrote %d lines", len(got))
	}
	if _, err := w.store.Ingest(context.Background(), nil); schema.ErrorCode(err) != schema.EINVALID {
		t.Errorf("nil extraction: %v", err)
	}
}

// TestUntrackedCommitmentMovesWithItsReadout: a commitment without actors
// (not tracked) of a readout without a day takes its meeting's day as
// first_stated, as well as date, when the readout of the day arrives and it
// moves, so that the order of the two readouts does not matter.
func TestUntrackedCommitmentMovesWithItsReadout(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	kz := w.readout("astana-2024-kz", schema.Meeting{Date: "2024-07", Parties: w.c("CN", "KG")}, nil,
		stmt{text: "hold the next meeting in Bishkek", topics: []string{"political"}})
	w.sameInEveryOrder(permutations([]*schema.Extraction{kz, f.astana2024}))
	if n := w.count(`MATCH (c:Commitment {doc_id: $doc}) WHERE c.first_stated = '2024-07-03' AND c.date = '2024-07-03' RETURN count(c) AS n`,
		map[string]any{"doc": kz.Document.ID}); n != 1 {
		t.Errorf("the untracked commitment's date and first_stated are not its meeting's day")
	}
}
