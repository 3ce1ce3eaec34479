package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// ingestOneByOne writes xs with Ingest, one transaction each.
func ingestOneByOne(t *testing.T, s *graph.Store, xs []*schema.Extraction) []schema.IngestResult {
	t.Helper()
	var out []schema.IngestResult
	for _, x := range xs {
		res, err := s.Ingest(context.Background(), x)
		if err != nil {
			t.Fatalf("ingest %s: %v", x.Document.ID, err)
		}
		out = append(out, res)
	}
	return out
}

// ingestInBatches writes xs with IngestBatch, size documents at a time,
// failing when a batch falls back to writing its documents one by one.
func ingestInBatches(t *testing.T, s *graph.Store, xs []*schema.Extraction, size int) []schema.IngestResult {
	t.Helper()
	var out []schema.IngestResult
	for i := 0; i < len(xs); i += size {
		res, err := graph.IngestBatchOnly(context.Background(), s, xs[i:min(i+size, len(xs))])
		if err != nil {
			t.Fatalf("batch ingest of documents %d to %d: %v", i, min(i+size, len(xs))-1, err)
		}
		out = append(out, res...)
	}
	return out
}

// sameAsOneByOne checks that IngestBatch, at each batch size, gives the
// graph (a full dump of the nodes and relationships of codes) and the
// results that Ingest gives document by document.
func sameAsOneByOne(t *testing.T, xs []*schema.Extraction, codes []string, sizes ...int) {
	t.Helper()
	s := neo4jtest.Store(t)
	d := neo4jtest.Driver(t)
	neo4jtest.Purge(t, codes...)
	wantRes := ingestOneByOne(t, s, xs)
	want := neo4jtest.Dump(t, d, codes...)
	if len(want) < 100 {
		t.Fatalf("dump has %d lines: the documents exercise too little", len(want))
	}
	for _, size := range sizes {
		neo4jtest.Purge(t, codes...)
		gotRes := ingestInBatches(t, s, xs, size)
		if diff := cmp.Diff(want, neo4jtest.Dump(t, d, codes...)); diff != "" {
			t.Errorf("batches of %d give another graph than one by one (-one by one +batches):\n%s", size, diff)
		}
		if diff := cmp.Diff(wantRes, gotRes); diff != "" {
			t.Errorf("batches of %d give other results than one by one (-one by one +batches):\n%s", size, diff)
		}
	}
}

func TestIngestBatchEqualsOneByOneCorpus(t *testing.T) {
	s := neo4jtest.Store(t)
	xs := neo4jtest.IngestCorpus(t, s) // checks that the corpus's countries are the test's to purge
	sameAsOneByOne(t, xs, neo4jtest.CorpusCodes(xs), 7, len(xs))
}

// TestIngestBatchEqualsOneByOneSynthetic: synthetic documents with repeats
// in one batch and across batches, and a re-extraction that drops a
// commitment.
func TestIngestBatchEqualsOneByOneSynthetic(t *testing.T) {
	w := newWorld(t, synthCodes)
	xs := w.corpus(120, 5)
	var seq []*schema.Extraction
	for i, x := range xs {
		seq = append(seq, x)
		if i%9 == 4 {
			seq = append(seq, xs[i-3])
		}
		if i%23 == 0 && i >= 40 {
			seq = append(seq, xs[i-40])
		}
		if i == 30 {
			for _, y := range xs[20:30] {
				if len(y.Commitments) > 1 {
					z := *y
					z.Commitments = z.Commitments[:len(z.Commitments)-1]
					seq = append(seq, &z)
					break
				}
			}
		}
	}
	sameAsOneByOne(t, seq, w.testCodes(), 13, 50)
}

// TestIngestBatchPartialThenFull: a readout without a day and the readout
// of the day in one batch, in both orders, give the graph of one by one:
// the first's meeting, references and commitments move to the second's
// meeting inside the batch.
func TestIngestBatchPartialThenFull(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	kz := w.readout("astana-2024-kz", schema.Meeting{Date: "2024-07", Parties: w.c("CN", "KG")},
		[]schema.Reference{{Date: "2023-05", City: w.n("Xian"), Parties: w.c("CN", "KG"), Text: "talks in Xi'an in May last year"}},
		stmt{text: "hold the next meeting in Bishkek", topics: []string{"political"}},
		stmt{text: "speed up the China-Kyrgyzstan-Uzbekistan railway", actors: w.c("CN", "KG"), topics: []string{"connectivity"}})
	docs := []*schema.Extraction{f.xian2023, kz, f.astana2024}
	for _, order := range permutations(docs) {
		neo4jtest.Purge(t, w.testCodes()...)
		wantRes := w.ingest(order...)
		want := w.dump()
		neo4jtest.Purge(t, w.testCodes()...)
		gotRes, err := graph.IngestBatchOnly(context.Background(), w.store, order)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, w.dump()); diff != "" {
			t.Errorf("batch %v gives another graph (-one by one +batch):\n%s", sourceNames(order), diff)
		}
		if diff := cmp.Diff(wantRes, gotRes); diff != "" {
			t.Errorf("batch %v gives other results (-one by one +batch):\n%s", sourceNames(order), diff)
		}
	}
}

// TestIngestBatchBeforeLaterCommitments: a batch whose commitments are
// earlier than ones already stored relinks those, by entity and by text
// (the lookup skips later candidates only for a commitment later than
// everything stored): each split of the documents into batches, later ones
// first, gives the graph of one by one in date order.
func TestIngestBatchBeforeLaterCommitments(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingest(f.all()...)
	want := w.dump()
	for _, batches := range [][][]*schema.Extraction{
		{{f.astana2024, f.tj25}, {f.xian2023, f.astanaKG}},
		{{f.tj25}, {f.xian2023, f.astana2024, f.astanaKG}},
		{{f.astanaKG, f.tj25}, {f.astana2024}, {f.xian2023}},
	} {
		neo4jtest.Purge(t, w.testCodes()...)
		var names [][]string
		for _, batch := range batches {
			names = append(names, sourceNames(batch))
			if _, err := graph.IngestBatchOnly(context.Background(), w.store, batch); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(want, w.dump()); diff != "" {
			t.Errorf("batches %v give another graph (-date order +batches):\n%s", names, diff)
		}
	}
}

// TestRestatementsWithinOneBatch: the commitments of one batch restate each
// other, in whatever order the batch lists them, and beside stored ones
// (unwrittenChains compares a batch's commitments with each other on the
// client, and with the stored graph before they are written): every order
// of the railway fixture as one batch, and every split of it into a stored
// part and a batch, gives the graph of one by one in date order, including
// the two sides' readouts of 2024-07-03 split between the graph and the
// batch (both are what 2025 reiterates) and a month-dated commitment that
// sorts after the days of its month.
func TestRestatementsWithinOneBatch(t *testing.T) {
	w := newWorld(t, cnkg)
	f := newCKU(w)
	cnkg := w.c("CN", "KG")
	rail := schema.Entity{Name: w.n("China-Kyrgyzstan-Uzbekistan railway"), Kind: schema.EntityProject}
	month := w.readout("bishkek-2025-09", schema.Meeting{Date: "2025-09", City: w.n("Bishkek"), Parties: cnkg}, nil,
		stmt{text: "speed up the China-Kyrgyzstan-Uzbekistan railway", actors: cnkg, topics: []string{"connectivity"}, entities: []schema.Entity{rail}},
		stmt{text: "deepen the synergy of development strategies", actors: cnkg, topics: []string{"development"}})
	docs := append(f.all(), month)
	neo4jtest.Purge(t, w.testCodes()...)
	w.ingest(docs...)
	want := w.dump()
	var splits [][2][]*schema.Extraction
	for _, order := range permutations(docs) {
		splits = append(splits, [2][]*schema.Extraction{nil, order})
	}
	for mask := 1; mask < 1<<len(docs)-1; mask++ {
		var stored, batch []*schema.Extraction
		for i, x := range docs {
			if mask&(1<<i) != 0 {
				stored = append(stored, x)
			} else {
				batch = append(batch, x)
			}
		}
		slices.Reverse(batch) // later ones first
		splits = append(splits, [2][]*schema.Extraction{stored, batch})
	}
	for _, split := range splits {
		neo4jtest.Purge(t, w.testCodes()...)
		w.ingest(split[0]...)
		if _, err := graph.IngestBatchOnly(context.Background(), w.store, split[1]); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, w.dump()); diff != "" {
			t.Errorf("%v stored, then batch %v give another graph (-one by one +batch):\n%s", sourceNames(split[0]), sourceNames(split[1]), diff)
		}
	}
}
