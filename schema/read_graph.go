package schema

import "time"

// Neighborhood is the subgraph around a node, for graph widgets.
type Neighborhood struct {
	Root  string `json:"root"`
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Truncated says that the limit cut the neighborhood: the nodes are a
	// sample of it.
	Truncated bool `json:"truncated"`
}

// Node is a node of a Neighborhood. ID is its identity in the API: the id
// of a document, meeting, commitment, person, place or entity, the ISO code
// of a country, the slug of a topic.
type Node struct {
	ID     string         `json:"id"`
	Labels []string       `json:"labels"`
	Name   string         `json:"name"`
	Props  map[string]any `json:"properties"`
}

// Edge is a relationship of a Neighborhood, between node IDs.
type Edge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Type   string         `json:"type"`
	Props  map[string]any `json:"properties"`
}

// Neighborhood bounds.
const (
	MaxDepth             = 3
	DefaultNeighborhood  = 100
	MaxNeighborhoodNodes = 500
)

// CypherOptions bound a read-only Cypher query.
type CypherOptions struct {
	Timeout time.Duration // transaction timeout; 0 is 10s
	MaxRows int           // rows returned at most; 0 is 1000
}

// CypherResult is the outcome of a read-only Cypher query.
type CypherResult struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
	// Truncated says that the query had more rows than MaxRows.
	Truncated bool `json:"truncated"`
	// QueryType is Neo4j's classification of the query: "r" (read only).
	QueryType string `json:"query_type"`
}
