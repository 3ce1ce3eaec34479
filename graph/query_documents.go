package graph

import (
	"context"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Document returns the document with id, or ENOTFOUND.
func (s *Store) Document(ctx context.Context, id string) (schema.DocumentDetail, error) {
	const op = "read document"
	const q = `
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:REPORTS]->(m:Meeting)
WITH d, collect(m.id)[..$bound] AS meetings
RETURN d.id AS id, coalesce(d.title, '') AS title, coalesce(d.source_url, '') AS url,
       coalesce(d.published, '') AS published, coalesce(d.text, '') AS text, meetings`
	recs, err := s.read(ctx, op, q, map[string]any{"id": id, "bound": maxRelated})
	if err != nil {
		return schema.DocumentDetail{}, err
	}
	if len(recs) == 0 {
		return schema.DocumentDetail{}, schema.Errorf(schema.ENOTFOUND, "no document has id %q", id)
	}
	r := recordReader{rec: recs[0]}
	d := schema.DocumentDetail{
		DocumentRef: schema.DocumentRef{ID: r.str("id"), Title: r.str("title"), URL: r.str("url"),
			Published: schema.Date(r.str("published"))},
		Text:     r.str("text"),
		Meetings: r.strs("meetings"),
	}
	if r.err != nil {
		return schema.DocumentDetail{}, decodeError(op, r.err)
	}
	return d, nil
}
