package graph_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// world is the test's slice of the shared database: its own country codes
// (from the user-assigned X* range, which no real data uses) and a suffix
// for names, purged before the test (left-overs of a failed run) and after
// it.
type world struct {
	t     *testing.T
	store *graph.Store
	db    neo4j.DriverWithContext
	ns    string
	codes map[string]string // real code -> test code
}

func newWorld(t *testing.T, codes map[string]string) *world {
	t.Helper()
	w := &world{t: t, store: neo4jtest.Store(t), db: neo4jtest.Driver(t), codes: codes}
	w.ns = "t" + strings.ToLower(strings.Join(w.testCodes(), ""))
	neo4jtest.Purge(t, w.testCodes()...)
	t.Cleanup(func() { neo4jtest.Purge(t, w.testCodes()...) })
	return w
}

func (w *world) testCodes() []string {
	var out []string
	for _, c := range w.codes {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// c maps real codes to the test's codes.
func (w *world) c(codes ...string) []string {
	var out []string
	for _, c := range codes {
		tc, ok := w.codes[c]
		if !ok {
			w.t.Fatalf("no test code for %s", c)
		}
		out = append(out, tc)
	}
	return out
}

// n makes a name the test's own.
func (w *world) n(name string) string { return name + " " + w.ns }

func (w *world) ingest(xs ...*schema.Extraction) []schema.IngestResult {
	w.t.Helper()
	var out []schema.IngestResult
	for _, x := range xs {
		res, err := w.store.Ingest(context.Background(), x)
		if err != nil {
			w.t.Fatalf("ingest %s: %v", x.Source, err)
		}
		out = append(out, res)
	}
	return out
}

func (w *world) dump() []string { return neo4jtest.Dump(w.t, w.db, w.testCodes()...) }

func (w *world) query(q string, params map[string]any) []*neo4j.Record {
	w.t.Helper()
	return neo4jtest.Query(w.t, w.db, q, params)
}

// count runs a query that returns one integer column n.
func (w *world) count(q string, params map[string]any) int64 {
	w.t.Helper()
	recs := w.query(q, params)
	if len(recs) != 1 {
		w.t.Fatalf("%q: %d records", q, len(recs))
	}
	n, _, err := neo4j.GetRecordValue[int64](recs[0], "n")
	if err != nil {
		w.t.Fatalf("%q: %v", q, err)
	}
	return n
}

// stmt is one commitment of a fixture readout.
type stmt struct {
	text      string
	actors    []string
	toward    []string
	topics    []string
	subtopics []string
	entities  []schema.Entity
	speaker   string
	modality  schema.Modality
}

// readout builds an extraction whose text strings together its
// commitments, with offsets that match.
func (w *world) readout(name string, m schema.Meeting, refs []schema.Reference, stmts ...stmt) *schema.Extraction {
	var b strings.Builder
	fmt.Fprintf(&b, "date %s\ntitle %s\n\n", m.Date, name)
	var cs []schema.Commitment
	for _, s := range stmts {
		b.WriteString("The sides stated that they would ")
		start := b.Len()
		b.WriteString(s.text)
		end := b.Len()
		b.WriteString(".\n")
		mod := s.modality
		if mod == "" {
			mod = schema.ModalityPledge
		}
		cs = append(cs, schema.Commitment{
			Text: s.text, Start: start, End: end, Sentence: s.text,
			Actors: s.actors, Counterparts: s.toward, Speaker: s.speaker, Modality: mod,
			Topics: s.topics, Subtopics: s.subtopics, Entities: s.entities,
		})
	}
	return &schema.Extraction{
		Source: name + ".txt",
		Document: schema.Document{
			ID: "doc-" + w.ns + "-" + name, Title: w.n(name), Published: m.Date, Text: b.String(),
		},
		Meeting: m, References: refs, Commitments: cs,
	}
}

// The CKU railway fixture: Xi and Japarov in Xi'an in May 2023, in Astana
// on 2024-07-03 (the Chinese readout, with a reference to Xi'an, and the
// Kyrgyz one, which gives no city) and in Tianjin in 2025.
type cku struct {
	w                                    *world
	xian2023, astana2024, astanaKG, tj25 *schema.Extraction
}

func newCKU(w *world) cku {
	rail := schema.Entity{Name: w.n("China-Kyrgyzstan-Uzbekistan railway"), Aliases: []string{w.n("CKU railway")}, Kind: schema.EntityProject}
	railAlias := schema.Entity{Name: w.n("China-Kyrgyzstan-Uzbekistan railway"), Aliases: []string{w.n("China–Kyrgyzstan–Uzbekistan Railway")}, Kind: schema.EntityProject}
	cnkg := w.c("CN", "KG")
	xi := schema.Participant{Name: w.n("Xi Jinping"), Role: "President", Country: w.c("CN")[0], Principal: true}
	japarov := schema.Participant{Name: w.n("Sadyr Japarov"), Aliases: []string{w.n("Sadyr Zhaparov")}, Role: "President", Country: w.c("KG")[0], Principal: true}
	zhaparov := schema.Participant{Name: w.n("Sadyr Zhaparov"), Role: "President", Country: w.c("KG")[0], Principal: true}
	f := cku{w: w}
	f.xian2023 = w.readout("xian-2023", schema.Meeting{
		Date: "2023-05-18", City: w.n("Xi'an"), Country: w.c("CN")[0], Parties: cnkg,
		Occasion: w.n("China-Central Asia Summit"), Kind: schema.MeetingBilateral,
		Participants: []schema.Participant{xi, japarov},
	}, nil,
		stmt{text: "advance the China-Kyrgyzstan-Uzbekistan railway project", actors: cnkg,
			topics: []string{"connectivity"}, subtopics: []string{"connectivity/railways"}, entities: []schema.Entity{rail}},
		stmt{text: "build a China-Kyrgyzstan community with a shared future", actors: w.c("CN"), toward: w.c("KG"),
			topics: []string{"political"}, speaker: xi.Name},
		stmt{text: "expand trade in agricultural products", actors: cnkg, topics: []string{"trade", "agriculture"}},
	)
	f.astana2024 = w.readout("astana-2024", schema.Meeting{
		Date: "2024-07-03", City: w.n("Astana"), Country: w.c("KZ")[0], Parties: cnkg,
		Occasion: w.n("Shanghai Cooperation Organization Summit"), Kind: schema.MeetingBilateral,
		Participants: []schema.Participant{xi, zhaparov},
	}, []schema.Reference{{Date: "2023-05", City: w.n("Xian"), Parties: cnkg, Text: "talks in Xi'an in May last year"}},
		stmt{text: "accelerate the construction of the China-Kyrgyzstan-Uzbekistan railway project", actors: w.c("CN"), toward: w.c("KG"),
			topics: []string{"connectivity"}, entities: []schema.Entity{railAlias}, speaker: xi.Name},
		stmt{text: "advance the building of a China-Kyrgyzstan community with a shared future", actors: w.c("CN"), toward: w.c("KG"),
			topics: []string{"political"}},
		stmt{text: "import more quality green agricultural products from Kyrgyzstan", actors: w.c("CN"), toward: w.c("KG"),
			topics: []string{"trade"}},
	)
	f.astanaKG = w.readout("astana-2024-kg", schema.Meeting{
		Date: "2024-07-03", Parties: cnkg, Participants: []schema.Participant{zhaparov},
	}, nil,
		stmt{text: "speed up the China-Kyrgyzstan-Uzbekistan railway", actors: cnkg,
			topics: []string{"connectivity"}, entities: []schema.Entity{rail}},
	)
	f.tj25 = w.readout("tianjin-2025", schema.Meeting{
		Date: "2025-08-31", City: w.n("Tianjin"), Country: w.c("CN")[0], Parties: cnkg,
		Participants: []schema.Participant{japarov, xi},
	}, nil,
		stmt{text: "implement the China-Kyrgyzstan-Uzbekistan railway project on schedule", actors: w.c("KG"), toward: w.c("CN"),
			topics: []string{"connectivity"}, entities: []schema.Entity{rail}},
		stmt{text: "deepen the coordination of development strategies", actors: cnkg, topics: []string{"development"}},
	)
	return f
}

func (f cku) all() []*schema.Extraction {
	return []*schema.Extraction{f.xian2023, f.astana2024, f.astanaKG, f.tj25}
}
