package api_test

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/internal/neo4jtest"
	"github.com/pledgegraph/pledgegraph/schema"
)

// TestAPI runs the read endpoints against the bundled corpus, ingested
// through the real extractor and writer, in a real Neo4j.
func TestAPI(t *testing.T) {
	s := neo4jtest.Store(t)
	xs := neo4jtest.IngestCorpus(t, s)
	h := newServer(t, s, api.Config{})
	doc := func(name string) *schema.Extraction {
		for _, x := range xs {
			if strings.Contains(x.Source, name) {
				return x
			}
		}
		t.Fatalf("no corpus file %s", name)
		return nil
	}
	astana := doc("astana-2024")
	spec := loadSpec(t)

	t.Run("document source", func(t *testing.T) {
		var got commitmentList
		get(h, "/v1/commitments", url.Values{"entity": {"CKU railway"}}).decode(t, &got)
		if len(got.Items) == 0 {
			t.Fatal("no commitments on the CKU railway")
		}
		c := got.Items[0]
		r := get(h, "/v1/documents/"+c.Source.DocumentID, nil)
		if r.Code != http.StatusOK {
			t.Fatalf("status %d: %s", r.Code, r.Body)
		}
		spec.validate(t, r)
		var d struct {
			ID, Text string
			Meetings []string
		}
		r.decode(t, &d)
		if d.ID != c.Source.DocumentID || c.Source.End > len(d.Text) || d.Text[c.Source.Start:c.Source.End] != c.Text {
			t.Errorf("document %s text[%d:%d] does not give %q", d.ID, c.Source.Start, c.Source.End, c.Text)
		}
		if !slices.Contains(d.Meetings, c.Meeting.ID) {
			t.Errorf("document meetings %v lack %s", d.Meetings, c.Meeting.ID)
		}
		for _, id := range []string{"d0000000000000000", "nope"} {
			if r := get(h, "/v1/documents/"+id, nil); r.Code != http.StatusNotFound {
				t.Errorf("GET /v1/documents/%s: status %d, want 404", id, r.Code)
			}
		}
	})

	t.Run("flagship", func(t *testing.T) {
		r := get(h, "/v1/commitments", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}})
		if r.Code != http.StatusOK {
			t.Fatalf("status %d: %s", r.Code, r.Body)
		}
		spec.validate(t, r)
		var got commitmentList
		r.decode(t, &got)
		var fromAstana []string
		for _, c := range got.Items {
			if c.Source.DocumentID == astana.Document.ID {
				fromAstana = append(fromAstana, c.Text)
			}
			if c.Date < "2023-05" {
				t.Errorf("%s dated %s, before Xi'an 2023", c.ID, c.Date)
			}
			if !slices.Contains(c.Topics, "connectivity") {
				t.Errorf("%q has topics %v", c.Text, c.Topics)
			}
		}
		var want []string
		for _, c := range astana.Commitments {
			if slices.Contains(c.Topics, "connectivity") {
				want = append(want, c.Text)
			}
		}
		slices.Sort(want)
		slices.Sort(fromAstana)
		if diff := cmp.Diff(want, fromAstana); diff != "" {
			t.Errorf("Astana 2024 connectivity commitments (-want +got):\n%s", diff)
		}
		for _, text := range []string{
			"enhance connectivity",
			"explore new ways of thinking to deepen and substantiate high-quality Belt and Road cooperation",
			"accelerate the construction of the China-Kyrgyzstan-Uzbekistan railway project",
			"make joint efforts to advance the construction of the China-Kyrgyzstan-Uzbekistan railway project",
		} {
			if !slices.Contains(fromAstana, text) {
				t.Errorf("missing %q", text)
			}
		}
		for _, text := range []string{"expand economic, trade and investment cooperation",
			"import more quality green agricultural products from Kyrgyzstan"} {
			if slices.Contains(fromAstana, text) {
				t.Errorf("trade-only %q returned", text)
			}
		}
		if got.Resolved["since"].Place != "Xi'an" {
			t.Errorf("since resolved to %+v", got.Resolved["since"])
		}
	})

	t.Run("since a later meeting excludes earlier ones", func(t *testing.T) {
		for ref, from := range map[string]schema.Date{"Astana 2024": "2024-07-03", "Tianjin 2025": "2025-08-31"} {
			var got commitmentList
			get(h, "/v1/commitments", url.Values{"since": {ref}, "limit": {"200"}}).decode(t, &got)
			if len(got.Items) == 0 {
				t.Errorf("since %s: nothing", ref)
			}
			for _, c := range got.Items {
				if c.Date < from {
					t.Errorf("since %s: %s dated %s", ref, c.ID, c.Date)
				}
			}
		}
		var all, later commitmentList
		get(h, "/v1/commitments", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}, "limit": {"200"}}).decode(t, &all)
		get(h, "/v1/commitments", url.Values{"topic": {"connectivity"}, "since": {"Tianjin 2025"}, "limit": {"200"}}).decode(t, &later)
		if len(later.Items) >= len(all.Items) {
			t.Errorf("since Tianjin 2025: %d items, since Xi'an 2023: %d", len(later.Items), len(all.Items))
		}
	})

	t.Run("ask agrees with commitments", func(t *testing.T) {
		r := get(h, "/v1/ask", url.Values{"q": {"all commitments on connectivity since Xi'an 2023"}})
		if r.Code != http.StatusOK {
			t.Fatalf("status %d: %s", r.Code, r.Body)
		}
		spec.validate(t, r)
		var asked, listed commitmentList
		r.decode(t, &asked)
		get(h, "/v1/commitments", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}}).decode(t, &listed)
		if diff := cmp.Diff(ids(listed.Items), ids(asked.Items)); diff != "" || len(asked.Items) == 0 {
			t.Errorf("ask and commitments differ (-commitments +ask):\n%s", diff)
		}
		if !strings.Contains(asked.Cypher.Cypher, "MATCH") || asked.Cypher.Params["topic"] != "connectivity" {
			t.Errorf("cypher %+v", asked.Cypher)
		}
		if asked.Query != "/v1/commitments?since=Xi%27an+2023&topic=connectivity" {
			t.Errorf("query %q", asked.Query)
		}
		// The other examples of the issue.
		for q, check := range map[string]func(schema.StoredCommitment) bool{
			"what did Kazakhstan promise China about energy in 2023": func(c schema.StoredCommitment) bool {
				return slices.Contains(c.Actors, "KZ") && slices.Contains(c.Counterparts, "CN") && slices.Contains(c.Topics, "energy")
			},
			"commitments on the CKU railway": func(c schema.StoredCommitment) bool {
				return slices.ContainsFunc(c.Entities, func(e schema.EntityRef) bool { return e.Name == "China-Kyrgyzstan-Uzbekistan railway" })
			},
		} {
			r := get(h, "/v1/ask", url.Values{"q": {q}})
			if r.Code != http.StatusOK {
				t.Errorf("%q: status %d: %s", q, r.Code, r.Body)
				continue
			}
			var got commitmentList
			r.decode(t, &got)
			for _, c := range got.Items {
				if !check(c) {
					t.Errorf("%q: unexpected %+v", q, c)
				}
			}
			if q == "commitments on the CKU railway" && len(got.Items) < 2 {
				t.Errorf("%q: %d items, want the railway from both sides in 2024", q, len(got.Items))
			}
		}
	})

	t.Run("pagination is stable and complete", func(t *testing.T) {
		for _, filter := range []url.Values{{}, {"topic": {"connectivity"}}, {"party": {"CN"}}, {"since": {"2023-05"}, "until": {"2024"}}} {
			one := url.Values{"limit": {"200"}}
			for k, v := range filter {
				one[k] = v
			}
			var whole commitmentList
			get(h, "/v1/commitments", one).decode(t, &whole)
			if whole.NextCursor != "" || len(whole.Items) == 0 {
				t.Fatalf("%v: %d items in one page, next %q", filter, len(whole.Items), whole.NextCursor)
			}
			var walked []string
			cursor := ""
			for page := 0; page < 200; page++ {
				p := url.Values{"limit": {"3"}}
				for k, v := range filter {
					p[k] = v
				}
				if cursor != "" {
					p.Set("cursor", cursor)
				}
				var got commitmentList
				r := get(h, "/v1/commitments", p)
				if r.Code != http.StatusOK {
					t.Fatalf("page %d: %d %s", page, r.Code, r.Body)
				}
				r.decode(t, &got)
				if len(got.Items) > 3 {
					t.Fatalf("page of %d items", len(got.Items))
				}
				walked = append(walked, ids(got.Items)...)
				if cursor = got.NextCursor; cursor == "" {
					break
				}
			}
			if diff := cmp.Diff(ids(whole.Items), walked); diff != "" {
				t.Errorf("%v: pages differ from one page (-one +pages):\n%s", filter, diff)
			}
			sorted := slices.IsSortedFunc(whole.Items, func(a, b schema.StoredCommitment) int {
				if a.Date != b.Date {
					return strings.Compare(string(a.Date), string(b.Date))
				}
				return strings.Compare(a.ID, b.ID)
			})
			if !sorted {
				t.Errorf("%v: not sorted by date, id", filter)
			}
		}
	})

	t.Run("bad parameters", func(t *testing.T) {
		for _, tc := range []struct {
			path   string
			params url.Values
			want   []string // in the message
		}{
			{"/v1/commitments", url.Values{"topic": {"transport"}}, []string{"parameter topic", "accepted"}},
			{"/v1/commitments", url.Values{"since": {"Xian 2022"}}, []string{"parameter since", "close matches", "Xi'an 2023"}},
			{"/v1/commitments", url.Values{"since": {"2023-13"}}, []string{"parameter since", "YYYY-MM"}},
			{"/v1/commitments", url.Values{"until": {"Atlantis 2024"}}, []string{"parameter until"}},
			{"/v1/commitments", url.Values{"since": {"2024"}, "until": {"2023"}}, []string{"parameter until"}},
			{"/v1/commitments", url.Values{"actor": {"Narnia"}}, []string{"parameter actor", "ISO 3166-1"}},
			{"/v1/commitments", url.Values{"counterpart": {"XX"}}, []string{"parameter counterpart"}},
			{"/v1/commitments", url.Values{"party": {"CN", "KG", "KZ"}}, []string{"parameter party"}},
			{"/v1/commitments", url.Values{"modality": {"maybe"}}, []string{"parameter modality", "pledge"}},
			{"/v1/commitments", url.Values{"entity": {"CKU railwya"}}, []string{"parameter entity", "close matches", "CKU railway"}},
			{"/v1/commitments", url.Values{"meeting": {"Nowhere 2020"}}, []string{"parameter meeting"}},
			{"/v1/commitments", url.Values{"q": {strings.Repeat("rail ", 50)}}, []string{"parameter q"}},
			{"/v1/commitments", url.Values{"limit": {"0"}}, []string{"parameter limit", "1 to 200"}},
			{"/v1/commitments", url.Values{"limit": {"201"}}, []string{"parameter limit"}},
			{"/v1/commitments", url.Values{"limit": {"ten"}}, []string{"parameter limit"}},
			{"/v1/commitments", url.Values{"cursor": {"not-a-cursor"}}, []string{"parameter cursor"}},
			{"/v1/commitments", url.Values{"topics": {"trade"}}, []string{"parameter topics", "unknown", "topic"}},
			{"/v1/commitments", url.Values{"topic": {"trade", "energy"}}, []string{"parameter topic", "once"}},
			{"/v1/ask", url.Values{"q": {""}}, []string{"q: empty"}},
			{"/v1/ask", url.Values{"q": {"commitments on connectivity by the flux capacitor"}}, []string{"flux", "understood", "topic=connectivity"}},
			{"/v1/meetings", url.Values{"from": {"last year"}}, []string{"parameter from"}},
			{"/v1/meetings", url.Values{"country": {"Atlantis"}}, []string{"parameter country"}},
			{"/v1/graph/neighborhood", url.Values{}, []string{"parameter id"}},
			{"/v1/graph/neighborhood", url.Values{"id": {"CN"}, "depth": {"4"}}, []string{"parameter depth", "1 to 3"}},
			{"/v1/graph/neighborhood", url.Values{"id": {"CN"}, "limit": {"501"}}, []string{"parameter limit"}},
			{"/v1/entities/CKU%20railway/timeline", url.Values{"limit": {"-1"}}, []string{"parameter limit"}},
			{"/v1/countries/CN/partners/KG/timeline", url.Values{"actor": {"CN"}}, []string{"parameter actor", "unknown"}},
		} {
			r := get(h, tc.path, tc.params)
			code, msg := "", ""
			if r.Code == http.StatusBadRequest {
				code, msg = r.errorOf(t)
			}
			if r.Code != http.StatusBadRequest || code != schema.EINVALID {
				t.Errorf("%s?%s: status %d code %q, want 400 invalid: %s", tc.path, tc.params.Encode(), r.Code, code, r.Body)
				continue
			}
			spec.validate(t, r)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("%s?%s: message %q lacks %q", tc.path, tc.params.Encode(), msg, w)
				}
			}
		}
	})

	t.Run("unknown ids", func(t *testing.T) {
		for _, path := range []string{
			"/v1/meetings/m0000000000000000", "/v1/meetings/nope", "/v1/countries/ZW", "/v1/countries/Narnia",
			"/v1/countries/CN/partners/ZW/timeline", "/v1/entities/e0000000000000000/timeline",
			"/v1/entities/no%20such%20project/timeline", "/v1/graph/neighborhood?id=c0000000000000000", "/v1/nothing",
		} {
			u, _ := url.Parse(path)
			r := get(h, u.EscapedPath(), u.Query())
			if code, _ := r.errorOf(t); r.Code != http.StatusNotFound || code != schema.ENOTFOUND {
				t.Errorf("%s: status %d code %q, want 404: %s", path, r.Code, code, r.Body)
			}
		}
	})

	t.Run("endpoints", func(t *testing.T) {
		var meetings schema.MeetingPage
		r := get(h, "/v1/meetings", url.Values{"place": {"Astana"}})
		spec.validate(t, r)
		r.decode(t, &meetings)
		if len(meetings.Items) != 1 || meetings.Items[0].Date != "2024-07-03" {
			t.Fatalf("meetings in Astana: %+v", meetings.Items)
		}
		var m schema.MeetingDetail
		r = get(h, "/v1/meetings/"+meetings.Items[0].ID, nil)
		spec.validate(t, r)
		r.decode(t, &m)
		if len(m.Commitments) != len(astana.Commitments) || len(m.Documents) == 0 || len(m.RefersTo) != 1 ||
			m.RefersTo[0].Place != "Xi'an" || len(m.Participants) < 2 {
			t.Errorf("Astana meeting: %d commitments, %d documents, refers to %+v, %d participants",
				len(m.Commitments), len(m.Documents), m.RefersTo, len(m.Participants))
		}

		var all schema.MeetingPage
		get(h, "/v1/meetings", url.Values{"country": {"Kazakhstan"}, "from": {"2023"}, "to": {"2023"}}).decode(t, &all)
		for _, m := range all.Items {
			if !slices.Contains(m.Parties, "KZ") || !strings.HasPrefix(string(m.Date), "2023") {
				t.Errorf("meetings of KZ in 2023: %+v", m)
			}
		}

		var countries struct{ Items []struct{ Code, Name string } }
		r = get(h, "/v1/countries", nil)
		spec.validate(t, r)
		r.decode(t, &countries)
		if !slices.ContainsFunc(countries.Items, func(c struct{ Code, Name string }) bool { return c.Code == "KG" && c.Name == "Kyrgyzstan" }) {
			t.Errorf("countries: %+v", countries.Items)
		}
		var cn struct {
			Name string
			schema.CountryDetail
		}
		r = get(h, "/v1/countries/China", nil)
		spec.validate(t, r)
		r.decode(t, &cn)
		if cn.Code != "CN" || cn.Made == 0 || len(cn.MadeByTopic) == 0 || len(cn.RecentMeetings) == 0 {
			t.Errorf("China: %+v", cn)
		}

		var tl commitmentList
		r = get(h, "/v1/countries/CN/partners/KG/timeline", url.Values{"topic": {"connectivity"}})
		spec.validate(t, r)
		r.decode(t, &tl)
		if len(tl.Items) < 3 {
			t.Errorf("CN-KG connectivity timeline: %d items", len(tl.Items))
		}
		for _, c := range tl.Items {
			in := append(slices.Clone(c.Actors), c.Counterparts...)
			if !slices.Contains(in, "CN") || !slices.Contains(in, "KG") {
				t.Errorf("timeline item %+v", c)
			}
		}

		// Tianjin 2025 restates Astana 2024 on development strategies.
		var dev commitmentList
		get(h, "/v1/countries/KG/partners/CN/timeline", url.Values{"topic": {"development"}, "since": {"Tianjin 2025"}}).decode(t, &dev)
		if !slices.ContainsFunc(dev.Items, func(c schema.StoredCommitment) bool { return len(c.Reiterates) > 0 && c.TimesStated == 2 }) {
			t.Errorf("no restatement among %+v", dev.Items)
		}

		var et schema.EntityTimeline
		r = get(h, "/v1/entities/CKU%20railway/timeline", nil)
		spec.validate(t, r)
		r.decode(t, &et)
		if et.Entity.Name != "China-Kyrgyzstan-Uzbekistan railway" || len(et.Items) < 2 || et.Chain == nil {
			t.Errorf("railway timeline: %+v, %d items, chain %v", et.Entity, len(et.Items), et.Chain)
		}
		r = get(h, "/v1/entities/"+et.Entity.ID+"/timeline", nil)
		if r.Code != http.StatusOK {
			t.Errorf("timeline by id: %d", r.Code)
		}

		var topics struct{ Items []schema.TopicStat }
		r = get(h, "/v1/topics", nil)
		spec.validate(t, r)
		r.decode(t, &topics)
		if len(topics.Items) != len(schema.Topics) || topics.Items[0].Slug != schema.Topics[0].Slug {
			t.Errorf("topics: %d", len(topics.Items))
		}
		for _, tp := range topics.Items {
			if tp.Slug == "connectivity" && tp.Commitments < 5 {
				t.Errorf("connectivity: %d commitments", tp.Commitments)
			}
		}

		var st schema.Stats
		r = get(h, "/v1/stats", nil)
		spec.validate(t, r)
		r.decode(t, &st)
		if st.Totals["documents"] < len(xs) || len(st.Months) == 0 {
			t.Errorf("stats: %+v", st)
		}

		var nb schema.Neighborhood
		r = get(h, "/v1/graph/neighborhood", url.Values{"id": {meetings.Items[0].ID}, "depth": {"2"}, "limit": {"40"}})
		spec.validate(t, r)
		r.decode(t, &nb)
		if nb.Root != meetings.Items[0].ID || len(nb.Nodes) < 10 || len(nb.Nodes) > 40 || len(nb.Edges) == 0 {
			t.Errorf("neighborhood: root %s, %d nodes, %d edges", nb.Root, len(nb.Nodes), len(nb.Edges))
		}
		known := map[string]bool{}
		for _, n := range nb.Nodes {
			known[n.ID] = true
		}
		for _, e := range nb.Edges {
			if !known[e.Source] || !known[e.Target] {
				t.Errorf("edge %+v leaves the nodes", e)
			}
		}
	})

	t.Run("etag and cache-control", func(t *testing.T) {
		r := get(h, "/v1/topics", nil)
		etag := r.Header().Get("ETag")
		if etag == "" || !strings.Contains(r.Header().Get("Cache-Control"), "max-age") {
			t.Fatalf("headers %v", r.Header())
		}
		if r2 := get(h, "/v1/topics", nil, "If-None-Match", etag); r2.Code != http.StatusNotModified || r2.Body.Len() != 0 {
			t.Errorf("If-None-Match: status %d, %d bytes", r2.Code, r2.Body.Len())
		}
		if r3 := get(h, "/v1/topics", nil, "If-None-Match", `"other"`); r3.Code != http.StatusOK {
			t.Errorf("other etag: status %d", r3.Code)
		}
		if r4 := get(h, "/v1/commitments", url.Values{"limit": {"0"}}); r4.Header().Get("ETag") != "" ||
			r4.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("error headers %v", r4.Header())
		}
	})

	t.Run("health", func(t *testing.T) {
		for _, path := range []string{"/healthz", "/readyz"} {
			r := get(h, path, nil)
			if r.Code != http.StatusOK {
				t.Errorf("%s: %d %s", path, r.Code, r.Body)
			}
			spec.validate(t, r)
		}
	})
}

// TestDocuments posts readouts: 201 then 200, 413 over the limit, 401
// without the key, 400 for bad JSON.
func TestDocuments(t *testing.T) {
	s := neo4jtest.Store(t)
	xs := neo4jtest.IngestCorpus(t, s)
	_ = xs
	const key = "test-key"
	h := newServer(t, s, api.Config{APIKey: key, MaxBody: 64 << 10})
	spec := loadSpec(t)
	text, err := os.ReadFile(filepath.Join(neo4jtest.CorpusDir(t), "29_state-blinken-mirziyoyev-tashkent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A readout the corpus does not have: the same meeting a year later,
	// with a sentence more (the document id is a hash of the body).
	body := strings.ReplaceAll(string(text), "2023", "2024") + "\nThe two sides agreed to hold the next round of talks in Washington.\n"
	auth := []string{"Authorization", "Bearer " + key}

	r := post(h, "/v1/documents", "text/plain", []byte(body), auth...)
	if r.Code != http.StatusCreated {
		t.Fatalf("first post: %d %s", r.Code, r.Body)
	}
	spec.validate(t, r)
	var first struct {
		DocumentID string `json:"document_id"`
		Status     string
		MeetingID  string `json:"meeting_id"`
	}
	r.decode(t, &first)
	if first.Status != "new" || first.DocumentID == "" || first.MeetingID == "" {
		t.Errorf("first post: %+v", first)
	}
	r = post(h, "/v1/documents", "text/plain", []byte(body), auth...)
	if r.Code != http.StatusOK {
		t.Fatalf("repeat post: %d %s", r.Code, r.Body)
	}
	spec.validate(t, r)
	if !strings.Contains(r.Body.String(), `"status":"unchanged"`) {
		t.Errorf("repeat post: %s", r.Body)
	}
	js := fmt.Sprintf(`{"text": %q, "title": "Readout"}`, body)
	if r := post(h, "/v1/documents", "application/json", []byte(js), auth...); r.Code != http.StatusOK && r.Code != http.StatusCreated {
		t.Errorf("json post: %d %s", r.Code, r.Body)
	}

	for _, tc := range []struct {
		name        string
		contentType string
		body        string
		header      []string
		status      int
		code        string
	}{
		{"no key", "text/plain", body, nil, http.StatusUnauthorized, schema.EUNAUTHORIZED},
		{"wrong key", "text/plain", body, []string{"Authorization", "Bearer nope"}, http.StatusUnauthorized, schema.EUNAUTHORIZED},
		{"over the limit", "text/plain", strings.Repeat("x", 65<<10), auth, http.StatusRequestEntityTooLarge, schema.ETOOLARGE},
		{"bad json", "application/json", `{"text": "unterminated`, auth, http.StatusBadRequest, schema.EINVALID},
		{"wrong type", "application/pdf", body, auth, http.StatusBadRequest, schema.EINVALID},
	} {
		r := post(h, "/v1/documents", tc.contentType, []byte(tc.body), tc.header...)
		if code, _ := r.errorOf(t); r.Code != tc.status || code != tc.code {
			t.Errorf("%s: %d %q, want %d %q: %s", tc.name, r.Code, code, tc.status, tc.code, r.Body)
		}
		spec.validate(t, r)
	}
}
