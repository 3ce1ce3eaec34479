package api

import (
	stdjson "encoding/json"
	"regexp"
	"testing"

	"github.com/goccy/go-json"

	"github.com/pledgegraph/pledgegraph/schema"
)

// TestEncodeLikeEncodingJSON checks that respond's encoder (go-json) writes
// the bytes encoding/json writes, for the shapes the API answers with:
// embedded structs, omitempty, nil and empty slices, maps of any (Cypher
// parameters and rows) and the characters encoding/json escapes.
func TestEncodeLikeEncodingJSON(t *testing.T) {
	text := `a <b> & "c" \ d` + "\u2028\u2029\x01\t\n é 中 \xff"
	m := &schema.MeetingSummary{ID: "m1", Title: text, Date: "2023-05", Parties: []string{"CN", "KZ"}, Documents: 2}
	page := commitmentList{
		Items: []schema.StoredCommitment{
			{ID: "c1", Text: text, Date: "2023-05-18", Actors: []string{"CN"}, Counterparts: []string{}, Topics: []string{"connectivity"},
				Entities: []schema.EntityRef{{ID: "e1", Name: text, Kind: "project"}}, Reiterates: []string{},
				Meeting: schema.MeetingRef{ID: "m1", Title: text}, Source: schema.Source{DocumentID: "d1", Start: 3, End: 9}, TimesStated: 2},
			{ID: "c2"},
		},
		NextCursor: "azF8",
		Resolved:   &resolved{Since: m},
	}
	for name, v := range map[string]any{
		"page":       page,
		"empty page": commitmentList{Items: []schema.StoredCommitment{}},
		"ask": askAnswer{Question: text, Interpretation: interpretation{Parameters: map[string][]string{"since": {"Xi'an 2023"}, "topic": {"connectivity"}}, Understood: []string{text}},
			Query: "/v1/commitments?since=Xi%27an+2023", Cypher: schema.ReadStatement{Cypher: "MATCH (c) WHERE c.x < $a RETURN c", Params: map[string]any{
				"limit": 51, "from": "", "prefixes": []string{}, "nested": map[string]any{"b": []any{1.5, true, nil, text}, "a": int64(-3)}}},
			commitmentList: page},
		"map":   map[string]any{"z": 1, "a": []any{map[string]any{"k": text}}, "n": nil},
		"slice": []schema.MeetingSummary{*m, {}},
	} {
		want, err := stdjson.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if string(got) != string(want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func TestBodyETag(t *testing.T) {
	a, b := bodyETag([]byte(`{"items":[]}`)), bodyETag([]byte(`{"items":[1]}`))
	if !regexp.MustCompile(`^"[0-9a-f]{16}"$`).MatchString(a) || a == b {
		t.Errorf("ETags %s, %s: want distinct quoted 16-digit hex", a, b)
	}
}
