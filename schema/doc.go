// Package schema is pledgegraph's domain: the values that flow from ingest to
// graph to api (extractions in; the read models of read*.go out), the
// controlled vocabularies (topics, modalities, entity and meeting kinds), the
// error codes every layer shares, and the Cypher constraints and indexes of
// the graph (embedded from *.cypher).
//
// It imports nothing of ours, so every other package may depend on it.
package schema
