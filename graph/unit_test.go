package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/schema"
)

// TestTermsSimilarity keeps the examples that justify similarText (measured
// on the gold commitments of ../shared/eval/dev).
func TestTermsSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"deepen the synergy of development strategies", "deepen the coordination of development strategies", true},
		{"build a China-Kyrgyzstan community with a shared future",
			"advance the building of a China-Kyrgyzstan community with a shared future of good neighborliness and shared prosperity", true},
		{"firmly support Kazakhstan in safeguarding national independence, sovereignty and territorial integrity",
			"support Kazakhstan in safeguarding its independence, sovereignty and territorial integrity", true},
		{"expand economic, trade and investment cooperation", "expand trade and investment cooperation", true},
		{"strengthen cooperation with Kyrgyzstan in areas such as new energy vehicles and cross-border e-commerce",
			"foster new highlights in cross-border e-commerce and green energy", false},
		{"import more quality green agricultural products from Kyrgyzstan", "expand economic, trade and investment cooperation", false},
		{"enhance connectivity", "jointly combat terrorism, separatism and extremism", false},
	} {
		a, b := terms(tc.a), terms(tc.b)
		if got := jaccard(a, b) >= similarText; got != tc.same {
			t.Errorf("similar(%q, %q) = %v (%.2f: %v vs %v), want %v", tc.a, tc.b, got, jaccard(a, b), a, b, tc.same)
		}
	}
}

func TestTerms(t *testing.T) {
	got := terms("China is ready to import more quality green agricultural products from Kyrgyzstan")
	want := []string{"agricultural", "china", "green", "import", "kyrgyzstan", "product"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

func TestChainParams(t *testing.T) {
	// The railway: 2023, two versions at one 2024 meeting, 2025; the 2023
	// statement was stored earlier (its values come from the graph).
	rows := map[string]*chainRow{
		"c2024a": {id: "c2024a", ord: "2024-07-03|m2", date: "2024-07-03", relink: true,
			targets: []target{{id: "c2023", ord: "2023-05-18|m1", date: "2023-05-18", by: "entity", first: "2023-05-18", times: 1}}},
		"c2024b": {id: "c2024b", ord: "2024-07-03|m2", date: "2024-07-03", relink: true,
			targets: []target{{id: "c2023", ord: "2023-05-18|m1", date: "2023-05-18", by: "entity", first: "2023-05-18", times: 1}}},
		// Downstream: its targets stay, its values follow.
		"c2025": {id: "c2025", ord: "2025-08-31|m3", date: "2025-08-31", targets: []target{
			{id: "c2024b", by: "text", first: "2024-07-03", times: 1}, {id: "c2024a", by: "entity", first: "2024-07-03", times: 1}}},
	}
	got := chainParams(rows)
	want := []any{
		map[string]any{"id": "c2024a", "first": "2023-05-18", "times": int64(2), "links": []any{map[string]any{"id": "c2023", "by": "entity"}}},
		map[string]any{"id": "c2024b", "first": "2023-05-18", "times": int64(2), "links": []any{map[string]any{"id": "c2023", "by": "entity"}}},
		map[string]any{"id": "c2025", "first": "2023-05-18", "times": int64(3), "links": nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chainParams (-want +got):\n%s", diff)
	}
}

// TestEntityKindLabels checks that mergeEntity gives every schema entity
// kind its label, and only those.
func TestEntityKindLabels(t *testing.T) {
	for _, k := range schema.EntityKinds {
		clause := fmt.Sprintf("WHEN e.kind = '%s' THEN [1] ELSE [] END | SET n:%s)", k, k)
		if !strings.Contains(mergeEntity, clause) {
			t.Errorf("mergeEntity does not label kind %s", k)
		}
	}
	if n := strings.Count(mergeEntity, "FOREACH (_ IN CASE WHEN e.kind"); n != len(schema.EntityKinds) {
		t.Errorf("%d label clauses for %d kinds", n, len(schema.EntityKinds))
	}
}

func TestKeys(t *testing.T) {
	if nameKey("Xi'an") != nameKey("Xian") || nameKey("China–Kyrgyzstan–Uzbekistan Railway") != nameKey("China-Kyrgyzstan-Uzbekistan railway") {
		t.Error("nameKey does not fold apostrophes, dashes and case")
	}
	if personID("Sadyr Zhaparov") != personID("Sadyr Japarov") {
		t.Error("two spellings of one person have two ids")
	}
	if meetingID("CN-KG", "2023-05-18") == meetingID("CN-KG", "2023-05-25") {
		t.Error("two days, one meeting id")
	}
	if partiesKey([]string{"KG", "CN"}, []string{"CN", ""}) != "CN-KG" {
		t.Error("partiesKey is not the sorted set")
	}
	if bucket("CN-KG", "2023-05") != "CN-KG|2023" || bucket("CN-KG", "") != "CN-KG|" {
		t.Error("bucket")
	}
}

func TestIdentityOf(t *testing.T) {
	for _, tc := range []struct {
		m    schema.Meeting
		want meetingIdentity
	}{
		{schema.Meeting{Date: "2024-07-03", Parties: []string{"CN", "KG"}}, identityFull},
		{schema.Meeting{Date: "2024-07", Parties: []string{"CN", "KG"}}, identityPartial},
		{schema.Meeting{Date: "2024-07-03", Parties: []string{"CN"}}, identityDocument},
		{schema.Meeting{Parties: []string{"CN", "KG"}}, identityDocument},
		{schema.Meeting{Date: "2024-07-04", Kind: schema.MeetingSummit, Occasion: "SCO Summit", Parties: []string{"CN", "KG", "KZ"}}, identitySummit},
	} {
		if got := identityOf(tc.m); got != tc.want {
			t.Errorf("identityOf(%+v) = %d, want %d", tc.m, got, tc.want)
		}
	}
}

// TestMatchPrefixFindsEverySimilarPair checks the prefix-filtering lemma on
// random term sets: whenever two sets reach the threshold, their prefixes
// share a word.
func TestMatchPrefixFindsEverySimilarPair(t *testing.T) {
	words := []string{"railway", "china", "kyrgyzstan", "construction", "border", "trade", "power", "gas",
		"solar", "wind", "development", "strategy", "synergy", "coordination", "import", "product"}
	r := rand.New(rand.NewPCG(1, 2))
	set := func() []string {
		n := 1 + r.IntN(7)
		m := map[string]bool{}
		for len(m) < n {
			m[words[r.IntN(len(words))]] = true
		}
		var out []string
		for w := range m {
			out = append(out, w)
		}
		sort.Strings(out)
		return out
	}
	checked := 0
	for range 200000 {
		a, b := set(), set()
		if jaccard(a, b) < similarText {
			continue
		}
		checked++
		pa, pb := matchPrefix(a), matchPrefix(b)
		if !slices.ContainsFunc(pa, func(w string) bool { return slices.Contains(pb, w) }) {
			t.Fatalf("J(%v, %v) = %.2f but prefixes %v and %v are disjoint", a, b, jaccard(a, b), pa, pb)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d similar pairs checked", checked)
	}
}

// TestPlaceAcrossSpellings: a town the text spells otherwise ("Nur-Sultan",
// place "Astana") is the place of the town's own name, so a reference and
// a readout that spell it differently meet in one place and one bucket.
func TestPlaceAcrossSpellings(t *testing.T) {
	written := schema.Reference{Date: "2021-09", City: "Nur-Sultan", Place: "Astana", Country: "KZ", Parties: []string{"CN", "KZ"}}
	own := schema.Reference{Date: "2021-09", City: "Astana", Country: "KZ", Parties: []string{"CN", "KZ"}}
	a := toReferenceRow(written)["mention"].(map[string]any)
	b := toReferenceRow(own)["mention"].(map[string]any)
	for _, k := range []string{"key", "place_id", "city"} {
		if a[k] != b[k] {
			t.Errorf("%s: %v for %q, %v for %q", k, a[k], written.City, b[k], own.City)
		}
	}
}

// TestTranslateDeadline: a caller's deadline met while the driver waits
// for Neo4j comes back from the driver as a connectivity error; it is
// reported as a slow answer, not as an unreachable server.
func TestTranslateDeadline(t *testing.T) {
	s := &Store{uri: "bolt://127.0.0.1:7687"}
	driverErr := errors.New("ConnectivityError: Failed to read from connection")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		ctx  context.Context
		want string
	}{
		{ctx, "ingest document d1: neo4j at bolt://127.0.0.1:7687 did not answer in time"},
		{context.Background(), "cannot reach neo4j"},
	} {
		err := s.translate(tc.ctx, "ingest document d1", driverErr)
		if schema.ErrorCode(err) != schema.EUNAVAILABLE || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("translate(ctx err %v) = %v (%s), want %s containing %q", tc.ctx.Err(), err, schema.ErrorCode(err), schema.EUNAVAILABLE, tc.want)
		}
	}
}

// TestUnreachableHint: the hint for an unreachable server names the port
// `make neo4j-start` needs when the URI is not on the default one.
func TestUnreachableHint(t *testing.T) {
	driverErr := errors.New("ConnectivityError: Failed to connect")
	for uri, want := range map[string]string{
		"bolt://127.0.0.1:7687":  "with `make neo4j-start`",
		"bolt://127.0.0.1:17688": "with `NEO4J_PORT=17688 make neo4j-start`",
		"neo4j+s://example.io":   "with `make neo4j-start`",
	} {
		err := (&Store{uri: uri}).translate(context.Background(), "migrate", driverErr)
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want it to contain %q", uri, err, want)
		}
	}
}
