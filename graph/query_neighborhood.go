package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// findNodeQ finds a node by its API identity, through the unique index of
// each label.
const findNodeQ = `
CALL {
  MATCH (n:Meeting {id: $id}) RETURN n
  UNION MATCH (n:Commitment {id: $id}) RETURN n
  UNION MATCH (n:Document {id: $id}) RETURN n
  UNION MATCH (n:Person {id: $id}) RETURN n
  UNION MATCH (n:Place {id: $id}) RETURN n
  UNION MATCH (n:Entity {id: $id}) RETURN n
  UNION MATCH (n:Country {code: $id}) RETURN n
  UNION MATCH (n:Topic {slug: $id}) RETURN n
}
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
LIMIT 1`

// expandQ returns the relationships of a frontier of nodes and the nodes at
// their other end, up to $limit, leaving out MATCH_KEY, the bookkeeping of
// tracking (schema/README.md).
const expandQ = `
UNWIND $frontier AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]-(b) WHERE NOT r:MATCH_KEY
RETURN elementId(startNode(r)) AS src, elementId(endNode(r)) AS dst, type(r) AS type, properties(r) AS rprops,
       elementId(b) AS eid, labels(b) AS labels, properties(b) AS props
LIMIT $limit`

// internalProps are bookkeeping properties of ingest that mean nothing to
// a reader of the graph.
var internalProps = map[string]bool{"terms": true, "key": true, "bucket": true, "parties_key": true,
	"scope": true, "entity_ids": true, "place_id": true, "track": true, "partial": true}

// Neighborhood returns the nodes within depth (1..schema.MaxDepth)
// relationships of the node id and the relationships among them, at most
// limit nodes (1..schema.MaxNeighborhoodNodes; 0 is
// schema.DefaultNeighborhood). An unknown id is
// ENOTFOUND.
func (s *Store) Neighborhood(ctx context.Context, id string, depth, limit int) (schema.Neighborhood, error) {
	const op = "read neighborhood"
	if depth == 0 {
		depth = 1
	}
	if depth < 1 || depth > schema.MaxDepth {
		return schema.Neighborhood{}, schema.Errorf(schema.EINVALID, "depth %d: want 1 to %d", depth, schema.MaxDepth)
	}
	if limit == 0 {
		limit = schema.DefaultNeighborhood
	}
	if limit < 1 || limit > schema.MaxNeighborhoodNodes {
		return schema.Neighborhood{}, schema.Errorf(schema.EINVALID, "limit %d: want 1 to %d", limit, schema.MaxNeighborhoodNodes)
	}
	recs, err := s.read(ctx, op, findNodeQ, map[string]any{"id": id})
	if err != nil {
		return schema.Neighborhood{}, err
	}
	if len(recs) == 0 {
		return schema.Neighborhood{}, schema.Errorf(schema.ENOTFOUND, "no node has id %q", id)
	}
	byEID := map[string]int{} // element id -> index in nodes
	var nodes []schema.Node
	addNode := func(r *recordReader) (string, bool) {
		eid := r.str("eid")
		if _, ok := byEID[eid]; ok {
			return eid, true
		}
		if len(nodes) >= limit {
			return eid, false
		}
		byEID[eid] = len(nodes)
		nodes = append(nodes, toNode(r.strs("labels"), r.mp("props")))
		return eid, true
	}
	r := recordReader{rec: recs[0]}
	root, _ := addNode(&r)
	if r.err != nil {
		return schema.Neighborhood{}, decodeError(op, r.err)
	}
	nb := schema.Neighborhood{Root: nodes[0].ID}
	type edgeKey struct{ src, dst, typ string }
	seenEdge := map[edgeKey]bool{}
	var edges []schema.Edge
	frontier := []string{root}
	for level := 0; level < depth && len(frontier) > 0; level++ {
		// Ask for more relationships than the nodes left, since many lead
		// back to nodes already found.
		recs, err := s.read(ctx, op, expandQ, map[string]any{"frontier": frontier, "limit": 4*limit + 1})
		if err != nil {
			return schema.Neighborhood{}, err
		}
		if len(recs) > 4*limit {
			nb.Truncated = true
		}
		var next []string
		for _, rec := range recs {
			r := recordReader{rec: rec}
			_, known := byEID[r.str("eid")]
			eid, ok := addNode(&r)
			if !ok {
				nb.Truncated = true
				continue
			}
			if !known {
				next = append(next, eid)
			}
			src, dst, typ := r.str("src"), r.str("dst"), r.str("type")
			if r.err != nil {
				return schema.Neighborhood{}, decodeError(op, r.err)
			}
			k := edgeKey{src, dst, typ}
			if seenEdge[k] {
				continue
			}
			seenEdge[k] = true
			edges = append(edges, schema.Edge{Source: nodes[byEID[src]].ID, Target: nodes[byEID[dst]].ID, Type: typ,
				Props: publicProps(r.mp("rprops"))})
			if r.err != nil {
				return schema.Neighborhood{}, decodeError(op, r.err)
			}
		}
		frontier = next
	}
	nb.Nodes, nb.Edges = nodes, edges
	if nb.Edges == nil {
		nb.Edges = []schema.Edge{}
	}
	slices.SortFunc(nb.Edges, func(a, b schema.Edge) int {
		return strings.Compare(a.Source+"|"+a.Type+"|"+a.Target, b.Source+"|"+b.Type+"|"+b.Target)
	})
	return nb, nil
}

// toNode converts a node's labels and properties.
func toNode(labels []string, props map[string]any) schema.Node {
	n := schema.Node{Labels: labels, Props: publicProps(props)}
	slices.Sort(n.Labels)
	for _, k := range []string{"id", "code", "slug"} {
		if v, ok := props[k].(string); ok {
			n.ID = v
			break
		}
	}
	for _, k := range []string{"name", "title", "label", "text", "occasion", "city", "code"} {
		if v, ok := props[k].(string); ok && v != "" {
			n.Name = v
			break
		}
	}
	if n.Name == "" && slices.Contains(labels, "Meeting") {
		d, _ := props["date"].(string)
		n.Name = strings.TrimSpace(fmt.Sprintf("Meeting %s", d))
	}
	return n
}

func publicProps(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if !internalProps[k] {
			out[k] = jsonValue(v)
		}
	}
	return out
}
