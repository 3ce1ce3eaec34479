package graph

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// similarText is the threshold of the token-set Jaccard index over content
// words (terms) at or above which two commitments of the same parties on the
// same topic count as one commitment restated. Terms drop function words and
// the vocabulary every readout uses for everything ("deepen", "cooperation",
// "two sides"), so what remains is the object of the commitment, and 0.5
// means that at least half of the distinct object words are shared. Measured
// on the gold commitments of ../shared/eval/dev (same parties, same topic,
// different meetings): it links "deepen the synergy of development
// strategies" (2024) with "deepen the coordination of development
// strategies" (2025) at 0.50, the China-Kyrgyzstan "community with a shared
// future" of 2023 and 2024 at 0.71 and the support for Kazakhstan's
// sovereignty of May and October 2023 at 0.86; the closest unrelated pair
// ("cross-border e-commerce and new energy vehicles" against "cross-border
// e-commerce and green energy") scores 0.40, everything else below 0.34.
// TestTermsSimilarity keeps these examples.
const similarText = 0.5

// stopWords are left out of terms: English function words, and the
// vocabulary of diplomatic readouts that says that something is promised but
// not what.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above across after again against all also am an and any are as at be been being both but by
can could did do does doing during each few for from further had has have having he her here hers
him his how i if in into is it its itself just more most much must no nor not now of off on once only
or other our ours out over own per same shall she should so some such than that the their theirs them
then there these they this those through to too under until up upon very was we were what when where
which while who whom why will with within would you your
actively advance advancing boost boosting build building closer closely comprehensive consolidate
continue continuously continued cooperate cooperation cooperative country countries deepen deepening
effectively enhance enhancing ensure expand expanding explore firmly forward full further fully good
greater high important improve increase jointly join keep level lift make mutual mutually new
practical promote promoting push quality ready relations relation relationship respective side sides
stand step steadily strengthen strengthening support supporting together two various vigorously
well willing work working area areas field fields bilateral both parties party including
`) {
		m[w] = true
	}
	return m
}()

// terms returns the sorted content words of text, each lightly stemmed
// ("imports" -> "import") so that inflections match.
func terms(text string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.Trim(w, "'")
		if len(w) < 2 || stopWords[w] {
			continue
		}
		w = stem(w)
		if stopWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// stem strips the commonest English inflections; it is deliberately light
// (no "-ment", "-tion"), since over-stemming makes unrelated objects match.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

// commonTerms are words that many commitments of the same parties share
// (country names, broad objects). They come last in the order of prefix
// filtering, so that the prefixes that decide candidates are made of rarer
// words. The list is fixed, so the order, and with it every result, does not
// depend on the corpus; a word missing from it costs speed, not accuracy.
var commonTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
china chinese kazakhstan kazakh kyrgyzstan kyrgyz uzbekistan uzbek tajikistan tajik turkmenistan turkmen
mongolia mongolian russia russian azerbaijan azerbaijani pakistan united state states us america american
asia asian central european europe region regional international global world
development trade investment economic economy energy project construction exchange security
strategic partnership initiative mechanism framework implementation agreement consensus friendship
people sector industry industrial infrastructure`) {
		m[w] = true
	}
	return m
}()

// matchPrefix returns the terms of a commitment that prefix filtering
// indexes and looks up: the first len - ceil(θ·len) + 1 of its terms in a
// fixed order (rarer words first, see commonTerms). Two term sets with a
// Jaccard index of at least θ always share a word of their prefixes (each
// set shares at least ceil(θ·|set|) words with the other), so looking
// candidates up by prefix words finds every similar commitment, and only
// those need the exact Jaccard test.
func matchPrefix(ts []string) []string {
	if len(ts) == 0 {
		return nil
	}
	ordered := append([]string{}, ts...)
	sort.Slice(ordered, func(i, j int) bool {
		ci, cj := commonTerms[ordered[i]], commonTerms[ordered[j]]
		if ci != cj {
			return cj
		}
		return ordered[i] < ordered[j]
	})
	n := len(ordered) - int(math.Ceil(similarText*float64(len(ordered)))) + 1
	return ordered[:n]
}

// matchKeys are the keys under which a commitment is found by similar
// text: one per topic and prefix word, qualified by the parties
// ("CNKG_connectivity_railway"). Each is a MATCH_KEY self-relationship of
// the commitment with its ord, so the relationship index on MATCH_KEY (key,
// ord) finds the nearest similar commitments before and after a point in
// time with one ordered index seek per key, however large the graph grows.
// A commitment without actors has none.
func matchKeys(scope string, topics, ts []string) []string {
	keys := []string{}
	if scope == "" {
		return keys
	}
	party := strings.ReplaceAll(scope, "-", "")
	for _, t := range topics {
		for _, w := range matchPrefix(ts) {
			keys = append(keys, party+"_"+t+"_"+w)
		}
	}
	return keys
}

// jaccard is |a∩b| / |a∪b| for sorted sets; 0 when both are empty.
func jaccard(a, b []string) float64 {
	shared := intersectionSize(a, b)
	union := len(a) + len(b) - shared
	if union == 0 {
		return 0
	}
	return float64(shared) / float64(union)
}

// similarTermSets is similarTerms (the restatement lookup's exact test of
// similar text) on the client, in the same arithmetic: a and b share a
// term, and at least similarText of their union.
func similarTermSets(a, b []string) bool {
	shared := intersectionSize(a, b)
	return shared > 0 && float64(shared) >= similarText*float64(len(a)+len(b)-shared)
}

// intersectionSize is |a∩b| for sorted sets.
func intersectionSize(a, b []string) int {
	i, j, shared := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared
}
