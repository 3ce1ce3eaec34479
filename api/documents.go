package api

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// acceptedTypes are the media types POST /v1/documents reads.
var acceptedTypes = map[string]bool{"application/json": true, "text/plain": true, "text/html": true}

// documentResponse is what POST /v1/documents returns.
type documentResponse struct {
	DocumentID string `json:"document_id"`
	// Status is new, unchanged or updated (schema.IngestStatus).
	Status      schema.IngestStatus `json:"status"`
	MeetingID   string              `json:"meeting_id"`
	Meeting     schema.Meeting      `json:"meeting"`
	References  []schema.Reference  `json:"references"`
	Commitments []postedCommitment  `json:"commitments"`
	Warnings    []string            `json:"warnings,omitempty"`
}

type postedCommitment struct {
	ID string `json:"id"`
	schema.Commitment
}

// postDocument extracts and stores one readout: 201 when new, 200 when the
// document was already stored (unchanged, or updated by a newer
// extraction).
func (s *Server) postDocument(c *gin.Context) {
	ct := c.ContentType()
	if !acceptedTypes[ct] {
		s.fail(c, schema.Errorf(schema.EINVALID,
			"Content-Type %q: send application/json {text, title?, source_url?, published?}, text/plain or text/html", ct))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(c, schema.Errorf(schema.ETOOLARGE, "document over the limit of %d bytes", s.cfg.MaxBody))
			return
		}
		s.fail(c, schema.WrapError(schema.EINVALID, err, "read request body"))
		return
	}
	if s.deps.Extract == nil {
		s.fail(c, schema.Errorf(schema.EINTERNAL, "no extractor configured"))
		return
	}
	x, err := s.deps.Extract("api", body, ct)
	if err != nil {
		s.metrics.countIngest("failed")
		s.fail(c, err)
		return
	}
	res, err := callErr(s, c, "ingest", func(ctx context.Context) (schema.IngestResult, error) {
		return s.store.Ingest(ctx, x)
	})
	if err != nil {
		s.metrics.countIngest("failed")
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if res.Status == schema.IngestNew {
		status = http.StatusCreated
	}
	s.metrics.countIngest(string(res.Status))
	resp := documentResponse{
		DocumentID: res.DocumentID, Status: res.Status, MeetingID: res.MeetingID,
		Meeting: x.Meeting, References: x.References, Warnings: x.Warnings,
		Commitments: make([]postedCommitment, len(x.Commitments)),
	}
	for i, cm := range x.Commitments {
		resp.Commitments[i] = postedCommitment{ID: schema.CommitmentID(x.Document.ID, cm.Start, cm.End), Commitment: cm}
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(status, resp)
}

// getDocument returns a stored readout with its text, so that a client can
// show a commitment in its source by the offsets it carries.
func (s *Server) getDocument(c *gin.Context) {
	if err := checkParams(c.Request.URL.Query(), nil); err != nil {
		s.fail(c, err)
		return
	}
	id := c.Param("id")
	if !documentID.MatchString(id) {
		s.fail(c, errNotFound("no document has id %q (document ids look like d0123456789abcdef)", id))
		return
	}
	d, ok := call(s, c, "document", func(ctx context.Context) (schema.DocumentDetail, error) {
		return s.store.Document(ctx, id)
	})
	if !ok {
		return
	}
	s.respond(c, http.StatusOK, d)
}
