package ask_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/ask"
	"github.com/pledgegraph/pledgegraph/schema"
)

var entities = []string{"China-Kyrgyzstan-Uzbekistan railway", "CKU railway", "China-Kyrgyzstan-Uzbekistan railway project",
	"Belt and Road Initiative", "Belt and Road", "BRI", "Shanghai Cooperation Organization", "SCO", "one-China principle"}

var places = []string{"Xi'an", "Astana", "Turkistan"}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want url.Values
	}{
		{"all commitments on connectivity since Xi'an 2023", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}}},
		{"All commitments on connectivity since Xi’an 2023?", url.Values{"topic": {"connectivity"}, "since": {"Xi'an 2023"}}},
		{"what did Kazakhstan promise China about energy in 2024", url.Values{"actor": {"KZ"}, "counterpart": {"CN"},
			"topic": {"energy"}, "since": {"2024"}, "until": {"2024"}}},
		{"commitments on the CKU railway", url.Values{"entity": {"CKU railway"}}},
		{"China's commitments to Kyrgyzstan on railways after May 2023", url.Values{"actor": {"CN"}, "counterpart": {"KG"},
			"topic": {"connectivity/railways"}, "since": {"2023-06"}}},
		{"commitments between China and Kyrgyzstan between 2023 and 2024", url.Values{"party": {"CN", "KG"}, "since": {"2023"}, "until": {"2024"}}},
		{"trade commitments by the US before 2024", url.Values{"topic": {"trade"}, "actor": {"US"}, "until": {"2023"}}},
		{"pledges on oil and gas from Kazakhstan since July 3, 2024", url.Values{"modality": {"pledge"}, "topic": {"energy/oil-gas"},
			"actor": {"KZ"}, "since": {"2024-07-03"}}},
		{"commitments made at the Astana meeting in 2024", url.Values{"meeting": {"Astana 2024"}}},
		{"Kyrgyz commitments on the Belt and Road", url.Values{"party": {"KG"}, "topic": {"connectivity/belt-and-road"}}},
		{"all commitments on connectivity since Turkistan 2014", url.Values{"topic": {"connectivity"}, "since": {"Turkistan 2014"}}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			got, notes, err := ask.Parse(tc.q, entities, places)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("params (-want +got):\n%s\nnotes: %v", diff, notes)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	for _, q := range []string{"", "hello there", "commitments on connectivity by the flux capacitor", "what about it"} {
		_, _, err := ask.Parse(q, entities, places)
		if schema.ErrorCode(err) != schema.EINVALID {
			t.Errorf("%q: error %v, want EINVALID", q, err)
		} else {
			t.Logf("%q: %v", q, err)
		}
	}
}

// BenchmarkParse parses the flagship question with a parser prepared for a
// vocabulary of the size the synthetic graph has (a few hundred entities
// and places), as the API holds one.
func BenchmarkParse(b *testing.B) {
	var ents, pls []string
	for i := range 300 {
		ents = append(ents, fmt.Sprintf("Project %d Railway", i))
		pls = append(pls, fmt.Sprintf("Town%d", i))
	}
	parse := ask.Prepare(ents, pls)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parse("all commitments on connectivity since Xi'an 2023"); err != nil {
			b.Fatal(err)
		}
	}
}
