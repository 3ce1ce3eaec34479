package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// TestQueries reads the bundled corpus, ingested through the real
// extractor and writer.
func TestQueries(t *testing.T) {
	s := neo4jtest.Store(t)
	neo4jtest.IngestCorpus(t, s)
	ctx := context.Background()

	t.Run("resolve meeting references", func(t *testing.T) {
		for ref, want := range map[string]string{
			"Xi'an 2023": "2023-05", "xian 2023": "2023-05", "2023 Xi'an": "2023-05", "Xi'an 2023-05-18": "2023-05",
			"Astana 2024": "2024-07-03", "Astana": "2024-07-03", "Tianjin 2025-08": "2025-08-31",
		} {
			m, err := s.ResolveMeetingRef(ctx, ref)
			if err != nil || !strings.HasPrefix(string(m.Date), want) {
				t.Errorf("%q: %+v %v, want a meeting of %s", ref, m, err, want)
			}
		}
		m, err := s.ResolveMeetingRef(ctx, "Astana 2024")
		if err != nil {
			t.Fatal(err)
		}
		if byID, err := s.ResolveMeetingRef(ctx, m.ID); err != nil || byID.ID != m.ID {
			t.Errorf("by id: %+v %v", byID, err)
		}
		_, err = s.ResolveMeetingRef(ctx, "Xian 2022")
		if schema.ErrorCode(err) != schema.ENOTFOUND || !strings.Contains(err.Error(), `"Xi'an 2023"`) {
			t.Errorf("Xian 2022: %v, want ENOTFOUND suggesting Xi'an 2023", err)
		}
		if _, err := s.ResolveMeetingRef(ctx, "m0000000000000000"); schema.ErrorCode(err) != schema.ENOTFOUND {
			t.Errorf("unknown id: %v", err)
		}
	})

	t.Run("since a meeting, resolved in the page's statement", func(t *testing.T) {
		astana, err := s.ResolveMeetingRef(ctx, "Astana 2024")
		if err != nil {
			t.Fatal(err)
		}
		// The same pages, page after page, as the meeting's date gives,
		// and the meeting ResolveMeetingRef finds: a place and date, a
		// place, a meeting id (resolved on its own).
		for _, ref := range []string{"Xi'an 2023", "xian 2023-05-18", "Astana", astana.ID} {
			m, err := s.ResolveMeetingRef(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			var cur string
			for n := 0; ; n++ {
				got, err := s.Commitments(ctx, schema.Query{Topic: "connectivity", SinceMeeting: ref, Limit: 3, Cursor: cur})
				if err != nil {
					t.Fatalf("%q: %v", ref, err)
				}
				want, err := s.Commitments(ctx, schema.Query{Topic: "connectivity", Since: m.Date, Limit: 3, Cursor: cur})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want.Items, got.Items); diff != "" || got.NextCursor != want.NextCursor {
					t.Fatalf("%q, page %d (-since its date +since the meeting):\n%s\ncursors %q, %q", ref, n, diff, want.NextCursor, got.NextCursor)
				}
				if diff := cmp.Diff(&m, got.Since); diff != "" {
					t.Errorf("%q: meeting (-ResolveMeetingRef +Commitments):\n%s", ref, diff)
				}
				if n == 0 && len(got.Items) == 0 {
					t.Errorf("%q: nothing", ref)
				}
				if cur = got.NextCursor; cur == "" || n > 20 {
					break
				}
			}
		}
		if _, err := s.Commitments(ctx, schema.Query{SinceMeeting: "Xian 2022"}); schema.ErrorCode(err) != schema.ENOTFOUND ||
			!strings.Contains(err.Error(), `"Xi'an 2023"`) {
			t.Errorf("Xian 2022: %v, want ENOTFOUND suggesting Xi'an 2023", err)
		}
		if _, err := s.Commitments(ctx, schema.Query{SinceMeeting: "Astana", Since: "2024"}); schema.ErrorCode(err) != schema.EINVALID {
			t.Errorf("since and a meeting: %v, want EINVALID", err)
		}
	})

	t.Run("filters", func(t *testing.T) {
		astana, err := s.ResolveMeetingRef(ctx, "Astana 2024")
		if err != nil {
			t.Fatal(err)
		}
		for name, tc := range map[string]struct {
			q    schema.Query
			each func(schema.StoredCommitment) bool
		}{
			"meeting":   {schema.Query{Meeting: astana.ID}, func(c schema.StoredCommitment) bool { return c.Meeting.ID == astana.ID }},
			"entity":    {schema.Query{Entity: "CKU railway"}, func(c schema.StoredCommitment) bool { return strings.Contains(c.Text, "railway") }},
			"full text": {schema.Query{Text: `railway "China-Kyrgyzstan-Uzbekistan" (project)`}, func(c schema.StoredCommitment) bool { return strings.Contains(c.Text, "railway") }},
			"modality":  {schema.Query{Modality: schema.ModalityHope}, func(c schema.StoredCommitment) bool { return c.Modality == schema.ModalityHope }},
			"subtopic":  {schema.Query{Topic: "connectivity/railways"}, func(c schema.StoredCommitment) bool { return slices.Contains(c.Subtopics, "connectivity/railways") }},
			"actor and counterpart": {schema.Query{Actor: "KG", Counterpart: "CN"}, func(c schema.StoredCommitment) bool {
				return slices.Contains(c.Actors, "KG") && slices.Contains(c.Counterparts, "CN")
			}},
			"parties": {schema.Query{Parties: []string{"US", "CN"}}, func(c schema.StoredCommitment) bool {
				all := append(slices.Clone(c.Actors), c.Counterparts...)
				return slices.Contains(all, "US") && slices.Contains(all, "CN")
			}},
			"until": {schema.Query{Until: "2023-05"}, func(c schema.StoredCommitment) bool { return c.Date < "2023-06" }},
		} {
			page, err := s.Commitments(ctx, tc.q)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if len(page.Items) == 0 {
				t.Errorf("%s: nothing", name)
			}
			for _, c := range page.Items {
				if !tc.each(c) {
					t.Errorf("%s: %+v", name, c)
				}
			}
			if !strings.Contains(page.Statement.Cypher, "$limit") {
				t.Errorf("%s: statement %q", name, page.Statement.Cypher)
			}
		}
		for name, q := range map[string]schema.Query{
			"topic": {Topic: "transport"}, "limit": {Limit: 201}, "cursor": {Cursor: "zzz"},
			"modality": {Modality: "maybe"}, "actor": {Actor: "China"}, "text": {Text: `"" AND`},
		} {
			if _, err := s.Commitments(ctx, q); schema.ErrorCode(err) != schema.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		// A top-level topic selects the commitments of its subtopics.
		sub, err := s.Commitments(ctx, schema.Query{Topic: "connectivity/railways", Limit: schema.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		root, err := s.Commitments(ctx, schema.Query{Topic: "connectivity", Limit: schema.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sub.Items {
			if !slices.ContainsFunc(root.Items, func(r schema.StoredCommitment) bool { return r.ID == c.ID }) {
				t.Errorf("topic connectivity: no %s of connectivity/railways", c.ID)
			}
		}
		if _, err := s.Commitments(ctx, schema.Query{Entity: "CKU railwya"}); schema.ErrorCode(err) != schema.ENOTFOUND ||
			!strings.Contains(err.Error(), "CKU railway") {
			t.Errorf("misspelt entity: %v", err)
		}
	})

	t.Run("neighborhood is bounded", func(t *testing.T) {
		nb, err := s.Neighborhood(ctx, "CN", 3, 25)
		if err != nil {
			t.Fatal(err)
		}
		if len(nb.Nodes) != 25 || !nb.Truncated || nb.Root != "CN" {
			t.Errorf("%d nodes, truncated %v, root %s", len(nb.Nodes), nb.Truncated, nb.Root)
		}
		for _, bad := range [][2]int{{0 - 1, 10}, {4, 10}, {1, 501}} {
			if _, err := s.Neighborhood(ctx, "CN", bad[0], bad[1]); schema.ErrorCode(err) != schema.EINVALID {
				t.Errorf("depth %d limit %d: %v", bad[0], bad[1], err)
			}
		}
	})

	t.Run("stats and topics", func(t *testing.T) {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Totals["commitments"] < 40 || st.Totals["meetings"] < 6 {
			t.Errorf("totals %v", st.Totals)
		}
		topics, err := s.Topics(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range topics {
			if tp.Slug == "connectivity" && tp.Commitments < 5 {
				t.Errorf("connectivity: %d", tp.Commitments)
			}
		}
	})
}
