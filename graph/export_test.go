package graph

// SetIngestHook makes s call f with the document id after each statement of an ingest
// transaction; an error from f aborts the transaction. For tests that inject
// failures.
func SetIngestHook(s *Store, f func(doc, step string) error) { s.ingestHook = f }
