package synth_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pledgegraph/pledgegraph/schema"
	"github.com/pledgegraph/pledgegraph/synth"
)

func TestGenerateValidAndDeterministic(t *testing.T) {
	docs := synth.Generate(400, 7)
	if len(docs) != 400 {
		t.Fatalf("%d docs, want 400", len(docs))
	}
	if !reflect.DeepEqual(docs, synth.Generate(400, 7)) {
		t.Error("same seed, different corpus")
	}
	if reflect.DeepEqual(docs[:50], synth.Generate(50, 8)) {
		t.Error("different seeds, same corpus")
	}
	names := map[string]bool{}
	var refs, partial, noCity, commitments int
	spellings := map[string]map[string]bool{}
	for _, d := range docs {
		x := d.Extraction
		if err := x.Validate(); err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if x.Document.Text != d.Text || names[d.Name] {
			t.Fatalf("%s: text differs from the extraction's, or name repeated", d.Name)
		}
		names[d.Name] = true
		for _, h := range []string{"date ", "source ", "title "} {
			if !strings.Contains(d.Text, "\n"+h) && !strings.HasPrefix(d.Text, h) {
				t.Errorf("%s: no %q header", d.Name, h)
			}
		}
		for _, r := range x.References {
			if d.Text[r.Start:r.End] != r.Text {
				t.Errorf("%s: reference offsets", d.Name)
			}
		}
		refs += len(x.References)
		commitments += len(x.Commitments)
		if x.Meeting.Date.Precision() != schema.PrecisionDay {
			partial++
		}
		if x.Meeting.City == "" {
			noCity++
		}
		for _, p := range x.Meeting.Participants {
			k := schema.PersonKey(p.Name)
			if spellings[k] == nil {
				spellings[k] = map[string]bool{}
			}
			spellings[k][p.Name] = true
		}
	}
	variants := 0
	for _, s := range spellings {
		if len(s) > 1 {
			variants++
		}
	}
	t.Logf("400 docs: %d commitments, %d references, %d without a day, %d without a city, %d people under several spellings",
		commitments, refs, partial, noCity, variants)
	if refs < 50 || partial == 0 || noCity < 20 || variants < 3 {
		t.Error("the corpus does not exercise resolution enough")
	}
}
