package graph

// SetIngestHook makes s call f after each statement of an ingest
// transaction; an error from f aborts the transaction. For tests that inject
// failures.
func SetIngestHook(s *Store, f func(step string) error) { s.ingestHook = f }
