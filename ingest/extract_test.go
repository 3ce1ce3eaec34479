package ingest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/ingest"
	"github.com/pledgegraph/pledgegraph/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current extraction")

// readouts lists the test inputs: testdata/*.txt, *.html and *.json,
// each with a golden file beside it.
func readouts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "*.html", "*.json"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, ".golden.json") {
				out = append(out, f)
			}
		}
	}
	return out
}

func extractFile(t *testing.T, path string) *schema.Extraction {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in, err := ingest.Decode(filepath.Base(path), data, "")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	x, err := ingest.Extract(in)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if err := x.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	return x
}

// TestGolden compares each extraction with its golden file; run with
// -update after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	for _, path := range readouts(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			x := extractFile(t, path)
			got, err := json.MarshalIndent(x, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("extraction differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestConstructions checks the constructions of the guidelines one by one
// on the test readouts: which phrases are cut, and who commits.
func TestConstructions(t *testing.T) {
	type want struct {
		text     string
		actors   string
		modality schema.Modality
	}
	cases := []struct {
		file string
		want []want
		not  []string // texts that must not be commitments
	}{
		{"mfa_talks.txt", []want{
			// nested "ready to work with X to A, B and C": three, actor CN
			{"deepen political mutual trust", "CN", schema.ModalityOffer},
			{"expand cooperation in mining, energy and agriculture", "CN", schema.ModalityOffer},
			{"promote the construction of cross-border railways", "CN", schema.ModalityOffer},
			// "the two sides should": every party
			{"strengthen exchanges in education, health and tourism", "CN,MN", schema.ModalityCall},
			{"jointly combat desertification", "CN,MN", schema.ModalityCall},
			// "opposes" and trailing reported speech ("..., Li said")
			{"firmly opposes any attempt to interfere in Mongolia's internal affairs", "CN", schema.ModalityOpposition},
			{"firmly adheres to the one-China principle", "MN", schema.ModalityStance},
			// "expressed the hope that the two sides will ..."
			{"sign an agreement on the Gashuunsukhait-Ganqimaodu cross-border railway project at an early date", "CN,MN", schema.ModalityHope},
		}, []string{"are friendly neighbors"}},
		{"kremlin_talks.txt", []want{
			// "agreed to A and to B"
			{"continue joint work on the modernisation of the Caspian ports", "KZ,RU", schema.ModalityAgreement},
			{"launch direct flights between Kazan and Aktobe", "KZ,RU", schema.ModalityAgreement},
			{"further expanding supplies of natural gas to Kazakhstan", "RU", schema.ModalityOffer},
			{"a Joint Statement on Further Deepening the Comprehensive Strategic Partnership", "KZ,RU", schema.ModalityAgreement},
		}, []string{"had grown by ten percent last year"}},
		{"whitehouse_call.txt", []want{
			{"maintain open channels of communication", "CN,US", schema.ModalityAgreement},
			{"continue to work with allies to address climate change", "US", schema.ModalityPledge},
		}, []string{"welcomed ongoing efforts to implement the counternarcotics cooperation"}},
		{"mfa_constructions.txt", []want{
			// "A, Wang said, adding that B": A is kept
			{"expand natural gas cooperation", "CN", schema.ModalityOffer},
			// "he said, noting that his country will ..."
			{"increase the volume of supplies", "CN", schema.ModalityPledge},
			// a passive list of signed documents: one per title
			{"an Agreement on Cooperation in Water Resources", "CN,TM", schema.ModalityAgreement},
			{"a Memorandum on Tree-Planting", "CN,TM", schema.ModalityAgreement},
			// "an agreement was reached to A and to B"
			{"open a new border crossing", "CN,TM", schema.ModalityAgreement},
			// past "welcomed" with a forward-looking object
			{"welcomed more Chinese firms to invest in Turkmenistan", "TM", schema.ModalityWelcome},
			// "reiterated its respect for", a standing view
			{"respect for China's sovereignty and territorial integrity", "TM", schema.ModalityStance},
			{"views its relationship with Turkmenistan from a strategic and long-term perspective", "CN", schema.ModalityStance},
			// "work closely with X, which ..., to A and B"
			{"promote connectivity", "CN", schema.ModalityPledge},
			// a hope for a meeting the parties arrange: every party
			{"the first meeting of the intergovernmental cooperation committee will be held in Ashgabat in the first half of the year", "CN,TM", schema.ModalityHope},
			// a standing policy is a stance
			{"pursues a policy of positive neutrality and open doors", "TM", schema.ModalityStance},
		}, []string{"connect Turkmenistan, Uzbekistan and China", "open the shortest route to the sea", "open doors"}},
		{"xinhua_report.txt", []want{
			// reported speech "Xi said China is ready to ..."
			{"expand natural gas cooperation", "CN", schema.ModalityOffer},
			{"jointly fight terrorism", "CN,TM", schema.ModalityCall},
		}, nil},
		{"state_department.html", []want{
			{"support for Kazakhstan’s independence, sovereignty, and territorial integrity", "US", schema.ModalitySupport},
			{"expand cooperation on critical minerals", "KZ,US", schema.ModalityAgreement},
		}, []string{"Secretary Blinken will travel to Brussels"}},
		{"kremlin_signed_list.txt", []want{
			// a leader named bare in his own government's readout: RU
			{"modernise the Ulaanbaatar Railway", "RU", schema.ModalityOffer},
			// a relative clause mid-phrase, then ", and to VERB"
			{"expand cooperation in education", "MN,RU", schema.ModalityAgreement},
			// titles on lines of their own after "were signed ...:"
			{"Programme of cultural exchanges for 2025-2027", "MN,RU", schema.ModalityAgreement},
		}, nil},
		{"pmo_constructions.txt", []want{
			{"welcomed Turkish investment in renewable energy", "PK", schema.ModalityWelcome},
			{"support for the project", "PK", schema.ModalitySupport},
			// "Recalling that ... (past), X stated that Pakistan would ..."
			{"continue to facilitate Turkish contractors in infrastructure projects", "PK", schema.ModalityPledge},
			{"hold the next round of the High-Level Strategic Cooperation Council in Ankara", "PK,TR", schema.ModalityAgreement},
			{"supporting peace and stability in Afghanistan", "PK,TR", schema.ModalityPledge},
			// coordination across frame types
			{"import more Turkish machinery", "PK", schema.ModalityOffer},
			{"encourages Turkish enterprises to invest in mineral processing and solar power plants", "PK", schema.ModalityWelcome},
			{"welcoming the expansion of direct flights", "TR", schema.ModalityWelcome},
			// points after "The sides also agreed on the following:"
			{"establish a Joint Working Group on Energy", "PK,TR", schema.ModalityAgreement},
			// titles before a passive "were signed"
			{"a Memorandum of Understanding on Media Cooperation", "PK,TR", schema.ModalityAgreement},
		}, []string{"visiting Pakistan later this year"}},
		{"kremlin_transcript_we.txt", []want{
			{"build a new bridge across the Samur River", "AZ,RU", schema.ModalityAgreement},
			{"increase gas supplies", "RU", schema.ModalityOffer},
		}, []string{"note that our trade has grown"}},
		{"state_joint_list.txt", []want{
			// points of a headed list, with bare verbs, speak for the heading's parties
			{"Support new investment in hydropower", "TJ,US", schema.ModalitySupport},
			{"continue to cooperate on counterterrorism", "TJ,US", schema.ModalityPledge},
		}, []string{"the Treaty on Trade"}}, // a past signing is a time, not an outcome
		{"akorda_visit.txt", []want{
			{"expand cooperation in agriculture and water management", "HU,KZ", schema.ModalityAgreement},
			// a relative clause's infinitive stays inside the welcome
			{"welcomes Hungarian companies that wish to localise production in the country", "KZ", schema.ModalityWelcome},
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			x := extractFile(t, filepath.Join("testdata", tc.file))
			got := map[string]schema.Commitment{}
			for _, c := range x.Commitments {
				got[c.Text] = c
			}
			for _, w := range tc.want {
				c, ok := got[w.text]
				if !ok {
					t.Errorf("missing commitment %q", w.text)
					continue
				}
				if a := strings.Join(c.Actors, ","); a != w.actors {
					t.Errorf("%q: actors %s, want %s", w.text, a, w.actors)
				}
				if c.Modality != w.modality {
					t.Errorf("%q: modality %s, want %s", w.text, c.Modality, w.modality)
				}
			}
			for _, n := range tc.not {
				for text := range got {
					// a commitment that is, or opens with, what is no
					// commitment (a stance may name it later: "pursues a
					// policy of ... open doors")
					if strings.HasPrefix(text, n) || strings.Contains(n, text) {
						t.Errorf("%q extracted as a commitment", text)
					}
				}
			}
		})
	}
}

func TestHeaderAndDateline(t *testing.T) {
	x := extractFile(t, filepath.Join("testdata", "mfa_talks.txt"))
	if x.Document.Published != "2024-06-12" || x.Meeting.Date != "2024-06-11" {
		t.Errorf("published %q, meeting %q: want the header date and the text's date", x.Document.Published, x.Meeting.Date)
	}
	x = extractFile(t, filepath.Join("testdata", "xinhua_report.txt"))
	if x.Meeting.Date != "2024-05-20" || x.Meeting.City != "Beijing" {
		t.Errorf("meeting %q in %q: want 2024-05-20 in Beijing (\"on Monday\" against the dateline)", x.Meeting.Date, x.Meeting.City)
	}
	for _, c := range x.Commitments {
		if strings.Contains(c.Sentence, "(Xinhua)") {
			t.Errorf("dateline inside a sentence: %q", c.Sentence)
		}
	}
}

func TestEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		warn       string
	}{
		{"empty", "", "empty"},
		{"blank", " \n\t\n", "empty"},
		{"header only", "date 2024-01-02\ntitle Nothing\n", "empty"},
		{"no date", "President Sadyr Japarov met with President Serdar Berdimuhamedov in Ashgabat. The two sides should expand trade.", "no date"},
		{"not a readout", "The weather will be sunny tomorrow. Residents should drink water.", "not a readout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := ingest.Decode("x.txt", []byte(tc.text), "")
			if err != nil {
				t.Fatal(err)
			}
			x, err := ingest.Extract(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(x.Commitments) != 0 {
				t.Errorf("%d commitments, want none", len(x.Commitments))
			}
			if !strings.Contains(strings.Join(x.Warnings, "; "), tc.warn) {
				t.Errorf("warnings %q, want one about %q", x.Warnings, tc.warn)
			}
			if err := x.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	raw := []byte("date 2024-05-20\n\nBEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping on Monday met with Turkmen President Serdar Berdimuhamedov in Beijing.\n\nXi said China is ready to \xff\xfe expand natural gas cooperation and build new pipelines\x80.")
	in, err := ingest.Decode("bad.txt", raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(in.Text) || len(in.Text) != len(raw)+2*3 {
		t.Fatalf("repaired text: valid=%v len %d", utf8.ValidString(in.Text), len(in.Text))
	}
	x, err := ingest.Extract(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(x.Commitments) == 0 {
		t.Fatal("no commitments from the repaired text")
	}
	for _, c := range x.Commitments {
		if x.Document.Text[c.Start:c.End] != c.Text {
			t.Errorf("offsets [%d,%d) do not give %q", c.Start, c.End, c.Text)
		}
	}
}

func TestTooLarge(t *testing.T) {
	_, err := ingest.Decode("big.txt", bytes.Repeat([]byte("a "), ingest.MaxInputSize/2+1), "")
	if schema.ErrorCode(err) != schema.ETOOLARGE {
		t.Fatalf("Decode of an oversized input: %v, want code %s", err, schema.ETOOLARGE)
	}
	_, err = ingest.Extract(ingest.Input{Text: strings.Repeat("a", ingest.MaxInputSize+1)})
	if schema.ErrorCode(err) != schema.ETOOLARGE {
		t.Fatalf("Extract of an oversized input: %v, want code %s", err, schema.ETOOLARGE)
	}
}

func TestDecodeFormats(t *testing.T) {
	_, err := ingest.Decode("x.json", []byte(`{"text": `), "")
	if schema.ErrorCode(err) != schema.EINVALID {
		t.Errorf("broken JSON: %v, want %s", err, schema.EINVALID)
	}
	in, err := ingest.Decode("https://example.org/readout", []byte("<html><head><title>T</title><meta name=\"date\" content=\"2024-03-01\"></head><body><nav>Menu</nav><p>One.</p><p>Two.</p><script>x()</script></body></html>"), "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if in.Format != ingest.FormatHTML || in.Text != "One.\n\nTwo." || in.Title != "T" || in.Published != "2024-03-01" {
		t.Errorf("HTML decoded as %+v", in)
	}
	in, err = ingest.Decode("r.txt", []byte(" date 2024-07-14 On July 3, 2024, X met Y.\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if in.Published != "2024-07-14" || !strings.HasPrefix(in.Text, " date") {
		t.Errorf("header on the first line: %+v", in)
	}
}

// TestDocumentID checks that the id ignores headers and white space.
func TestDocumentID(t *testing.T) {
	a, _ := ingest.Extract(ingest.Input{Text: "date 2024-01-01\nsource http://a.example\n\nXi met   Tokayev.\nThey agreed."})
	b, _ := ingest.Extract(ingest.Input{Text: "Xi met Tokayev. They agreed.\n"})
	if a.Document.ID != b.Document.ID || !strings.HasPrefix(a.Document.ID, "d") || len(a.Document.ID) != 17 {
		t.Errorf("ids %q and %q", a.Document.ID, b.Document.ID)
	}
}

func FuzzExtract(f *testing.F) {
	for _, path := range readouts(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", " date 2024-07-14 On", "XI'AN, May 18 (Xinhua) --", "«", "U.S. Oct. J. No.", "\xff\xfe\x00", "date 2024-02-30\n",
		"China is ready to work with Kyrgyzstan to , and ,", "He said. She said, , said.", "The two sides should"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ingest.Decode("fuzz.txt", data, "")
		if err != nil {
			return
		}
		x, err := ingest.Extract(in)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		text := x.Document.Text
		for _, c := range x.Commitments {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Text {
				t.Fatalf("commitment offsets [%d,%d) wrong for %q", c.Start, c.End, c.Text)
			}
		}
		for _, r := range x.References {
			if r.Start < 0 || r.End > len(text) || r.Start > r.End || text[r.Start:r.End] != r.Text {
				t.Fatalf("reference offsets [%d,%d) wrong for %q", r.Start, r.End, r.Text)
			}
		}
		if err := x.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
}

// BenchmarkExtract measures throughput over the development readouts on
// one core: go test ./ingest -run '^$' -bench Extract -cpu 1. It reads
// $EVAL_DIR/dev, as make eval does (default ../shared/eval beside the
// checkout).
func BenchmarkExtract(b *testing.B) {
	evalDir := filepath.Join("..", "..", "shared", "eval") // from ingest/
	if d := os.Getenv("EVAL_DIR"); d != "" {
		evalDir = d
	}
	paths, _ := filepath.Glob(filepath.Join(evalDir, "dev", "*.txt"))
	if len(paths) == 0 {
		b.Skipf("no development readouts in %s (set EVAL_DIR to the directory holding dev/)", filepath.Join(evalDir, "dev"))
	}
	var inputs []ingest.Input
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		in, err := ingest.Decode(p, data, "")
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, in)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, in := range inputs {
			if _, err := ingest.Extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/b.Elapsed().Seconds(), "docs/s")
}

// TestExtractConcurrent extracts every test readout from several
// goroutines at once, each in its own order: under -race it shows state
// that calls share, and every result must equal the one extracted alone.
func TestExtractConcurrent(t *testing.T) {
	paths := readouts(t)
	inputs := make([]ingest.Input, len(paths))
	want := make([][]byte, len(paths))
	for i, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if inputs[i], err = ingest.Decode(filepath.Base(path), data, ""); err != nil {
			t.Fatalf("Decode %s: %v", path, err)
		}
		want[i] = extractJSON(t, inputs[i])
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range inputs {
				i := (k + g*len(inputs)/4) % len(inputs)
				if got := extractJSON(t, inputs[i]); !bytes.Equal(got, want[i]) {
					t.Errorf("%s: concurrent extraction differs from the one alone", paths[i])
				}
			}
		})
	}
	wg.Wait()
}

func extractJSON(t *testing.T, in ingest.Input) []byte {
	x, err := ingest.Extract(in)
	if err != nil {
		t.Errorf("Extract %s: %v", in.Source, err)
		return nil
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Errorf("Marshal %s: %v", in.Source, err)
	}
	return b
}

// TestLargeInputs runs pathological inputs of a few hundred kilobytes: a
// rule that is quadratic in the sentence length shows here as a time-out.
func TestLargeInputs(t *testing.T) {
	head := "On July 3, 2024, Xi Jinping met with Kyrgyz President Sadyr Zhaparov in Astana. "
	for name, text := range map[string]string{
		"list":     head + "China is ready to " + strings.Repeat("expand trade, ", 20000),
		"subject":  head + "China " + strings.Repeat("and Kyrgyzstan ", 20000) + "should expand trade.",
		"stances":  head + "China " + strings.Repeat("firmly supports Kyrgyzstan, ", 10000),
		"titles":   strings.Repeat("President Xi Jinping ", 20000),
		"meetings": head + strings.Repeat("They held talks in May last year. ", 10000),
		"dots":     strings.Repeat("a.", 100000),
	} {
		t.Run(name, func(t *testing.T) {
			x, err := ingest.Extract(ingest.Input{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if err := x.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestListReadoutPlaces(t *testing.T) {
	x := extractFile(t, filepath.Join("testdata", "state_joint_list.txt"))
	if x.Meeting.Date != "2025-03-13" || x.Meeting.City != "Dushanbe" {
		t.Errorf("meeting %q in %q: want 2025-03-13 (\"March 13–14\") in Dushanbe (\"held ... consultations\")", x.Meeting.Date, x.Meeting.City)
	}
	want := map[string]string{"Tashkent": "2024-04", "Bali": "2024-11", "St Petersburg": "2023-06"} // as the text names it
	for _, r := range x.References {
		if d, ok := want[r.City]; ok && string(r.Date) == d {
			delete(want, r.City)
		}
	}
	if len(want) > 0 {
		t.Errorf("references missing: %v (got %+v)", want, x.References)
	}
}
