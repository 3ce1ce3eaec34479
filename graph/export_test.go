package graph

import (
	"context"

	"github.com/pledgegraph/pledgegraph/schema"
)

// SetIngestHook makes s call f after each step of an ingest transaction,
// once with the id of each document the step wrote; an error from f aborts
// the transaction. For tests that inject failures.
func SetIngestHook(s *Store, f func(doc, step string) error) { s.ingestHook = f }

// IngestBatchOnly writes valid extractions xs as IngestBatch does, but fails
// instead of falling back to writing each document alone, so that tests know
// the batch went through the batch path.
func IngestBatchOnly(ctx context.Context, s *Store, xs []*schema.Extraction) ([]schema.IngestResult, error) {
	var rows []docRows
	codes := map[string]bool{}
	for _, x := range xs {
		r, err := validRows(x)
		if err != nil {
			return nil, err
		}
		for _, c := range r.countries {
			codes[c] = true
		}
		rows = append(rows, r)
	}
	return s.ingestBatch(ctx, rows, codes)
}
