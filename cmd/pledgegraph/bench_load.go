package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/schema"
	"github.com/pledgegraph/pledgegraph/synth"
)

// benchGraph makes sure the graph holds the synthetic corpus of (docs,
// seed), writing through the real writer (Store.Ingest) with workers
// goroutines the documents it does not have yet, and returns the number of
// commitments in the graph.
func benchGraph(ctx context.Context, store *graph.Store, driver neo4j.DriverWithContext, db string,
	docs int, seed uint64, workers int, log *slog.Logger, out io.Writer) (int64, error) {
	xs := synth.Extractions(docs, seed)
	have, err := existingDocuments(ctx, driver, db)
	if err != nil {
		return 0, err
	}
	var todo []*schema.Extraction
	for _, x := range xs {
		if !have[x.Document.ID] {
			todo = append(todo, x)
		}
	}
	fmt.Fprintf(out, "graph: %d synthetic documents (seed %d), %d already stored, writing %d with %d workers\n",
		len(xs), seed, len(xs)-len(todo), len(todo), workers)
	start := time.Now()
	var done, failed atomic.Int64
	jobs := make(chan []*schema.Extraction)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range jobs {
				_, errs := store.IngestBatch(ctx, batch)
				for i, err := range errs {
					if err != nil {
						failed.Add(1)
						log.Warn("ingest failed", "doc", batch[i].Document.ID, "err", err)
					}
				}
				before := done.Load()
				if n := done.Add(int64(len(batch))); n/500 != before/500 {
					el := time.Since(start).Seconds()
					fmt.Fprintf(out, "graph: %d/%d documents in %.0fs (%.1f docs/s)\n", n, len(todo), el, float64(n)/el)
				}
			}
		}()
	}
feed:
	for i := 0; i < len(todo); i += defaultBatch {
		select {
		case jobs <- todo[i:min(i+defaultBatch, len(todo))]:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	if len(todo) > 0 {
		el := time.Since(start).Seconds()
		fmt.Fprintf(out, "graph: wrote %d documents in %.0fs (%.1f docs/s), %d failed\n", len(todo), el, float64(len(todo))/el, failed.Load())
	}
	return countCommitments(ctx, driver, db)
}

func existingDocuments(ctx context.Context, driver neo4j.DriverWithContext, db string) (map[string]bool, error) {
	res, err := neo4j.ExecuteQuery(ctx, driver, `MATCH (d:Document) RETURN d.id AS id`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, schema.WrapError(schema.EUNAVAILABLE, err, "list documents")
	}
	out := make(map[string]bool, len(res.Records))
	for _, rec := range res.Records {
		id, _, err := neo4j.GetRecordValue[string](rec, "id")
		if err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, nil
}

func countCommitments(ctx context.Context, driver neo4j.DriverWithContext, db string) (int64, error) {
	res, err := neo4j.ExecuteQuery(ctx, driver, `MATCH (c:Commitment) RETURN count(c) AS n`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return 0, schema.WrapError(schema.EUNAVAILABLE, err, "count commitments")
	}
	n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
	return n, err
}

// amplifyQ copies every commitment the writer wrote once more, with a new
// id, the same properties and the same relationships (chains aside), in
// batches.
const amplifyQ = `
MATCH (c:Commitment) WHERE c.amplified IS NULL
CALL {
  WITH c
  CREATE (n) SET n = properties(c), n.id = $prefix + substring(c.id, 1), n.amplified = true
  SET n:Commitment
  WITH c, n
  CALL { WITH c, n MATCH (c)-[:MADE_BY]->(o) CREATE (n)-[:MADE_BY]->(o) }
  CALL { WITH c, n MATCH (c)-[:TOWARD]->(o) CREATE (n)-[:TOWARD]->(o) }
  CALL { WITH c, n MATCH (c)-[:STATED_AT]->(o) CREATE (n)-[:STATED_AT]->(o) }
  CALL { WITH c, n MATCH (c)-[:STATED_BY]->(o) CREATE (n)-[:STATED_BY]->(o) }
  CALL { WITH c, n MATCH (c)-[r:ON_TOPIC]->(o) CREATE (n)-[x:ON_TOPIC]->(o) SET x = properties(r) }
  CALL { WITH c, n MATCH (c)-[r:CONCERNS]->(o) CREATE (n)-[x:CONCERNS]->(o) SET x = properties(r) }
  CALL { WITH c, n MATCH (c)-[r:SOURCED_FROM]->(o) CREATE (n)-[x:SOURCED_FROM]->(o) SET x = properties(r) }
} IN TRANSACTIONS OF 2000 ROWS`

// benchAmplify copies the written commitments until the graph holds at least
// target, when the writer could not reach it in reasonable time. Copies sit
// on the same meetings, topics, countries and entities as their originals,
// so the indexes and fan-outs the queries meet grow as in a larger corpus.
func benchAmplify(ctx context.Context, driver neo4j.DriverWithContext, db string, have, target int64, out io.Writer) (int64, error) {
	for round := 1; have < target; round++ {
		start := time.Now()
		sess := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
		// CALL { } IN TRANSACTIONS needs an implicit transaction: Run, not ExecuteWrite.
		res, err := sess.Run(ctx, amplifyQ, map[string]any{"prefix": fmt.Sprintf("x%d", round)})
		if err == nil {
			_, err = res.Consume(ctx)
		}
		sess.Close(ctx)
		if err != nil {
			return have, schema.WrapError(schema.EUNAVAILABLE, err, "amplify")
		}
		if have, err = countCommitments(ctx, driver, db); err != nil {
			return have, err
		}
		fmt.Fprintf(out, "graph: amplified to %d commitments in %.0fs\n", have, time.Since(start).Seconds())
	}
	return have, nil
}
