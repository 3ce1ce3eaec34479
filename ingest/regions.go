package ingest

import (
	"slices"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
)

// A region's head of government or delegation speaks for the region's
// country, and the region's name stands for that country as a subject
// ("Xinjiang intends to increase ...", "Tatarstan is ready to share ...").
// The gazetteer knows countries and cities, not regions, but a readout that
// names a region's head usually says whose region it is, once:
// "Chairman of the People's Government of the Xinjiang Uygur Autonomous
// Region of the People's Republic of China", "the delegation of the
// Republic of Tatarstan of the Russian Federation", "northwest China's
// Xinjiang Uygur Autonomous Region". regionPlaces reads those phrases and
// marks the phrase and every later use of the region's name as a mention
// of its country.

// regionName is a region's name and the country a phrase placed it in.
type regionName struct {
	words []string // the name's words in lower case: "xinjiang", "uygur"
	code  string
}

// regionPlaces finds the regions that a phrase of the document places in a
// country and marks each use of their names as a mention of the country.
func (d *docCtx) regionPlaces() {
	var names []regionName
	for i := range d.sents {
		names = regionPhrases(&d.sents[i], names)
	}
	if len(names) == 0 {
		return
	}
	for _, r := range names {
		if len(r.words) > 1 && !compassWords[r.words[0]] && len(r.words[0]) >= 4 {
			// "Xinjiang" for the Xinjiang Uygur Autonomous Region, but
			// not "North" for North Ossetia
			names = append(names, regionName{words: r.words[:1], code: r.code})
		}
	}
	for i := range d.sents {
		markRegions(&d.sents[i], names)
	}
}

// regionPhrases appends the regions sentence s places in a country:
// "NAME [Autonomous] Region of [the] COUNTRY", "COUNTRY's NAME
// [Autonomous] Region", "Republic of NAME of [the] COUNTRY", "the
// DEMONYM province of NAME".
func regionPhrases(s *sentence, out []regionName) []regionName {
	toks := s.tokens
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tWord || !t.cap && tokLow(toks, k+1) != "of" {
			continue // as below, tested before the lookup: most words are neither
		}
		if !regionNouns[t.low] && t.low != "republic" || s.placeAt(k) >= 0 {
			continue // "People's Republic of China" is a country
		}
		if !t.cap && (tokLow(toks, k+1) != "of" || s.countryAt(k-1) == "") {
			continue // only "the Chinese province of Jiangsu" in lower case
		}
		if code := ofCountry(s, k+1); code != "" && t.low != "republic" {
			// "Xinjiang Uygur Autonomous Region of the People's Republic of China"
			if b := regionNameStart(s, k); nameEnd(toks, b, k) > b {
				out = append(out, regionName{words: lowWords(toks, b, nameEnd(toks, b, k)), code: code})
			}
			continue
		}
		if tokLow(toks, k+1) == "of" {
			// "Republic of Tatarstan of the Russian Federation", "the
			// Chinese province of Jiangsu", "Russia's Republic of Tatarstan"
			e := k + 2
			for e < len(toks) && e < k+5 && regionWord(s, e) {
				e++
			}
			code := ofCountry(s, e)
			if code == "" && k >= 1 && s.countryAt(k-1) != "" && s.places[s.placeAt(k-1)].j == k {
				code = s.countryAt(k - 1)
			} else if code == "" && k >= 2 && toks[k-1].kind == tPoss {
				code = s.countryAt(k - 2)
			}
			if code != "" && e > k+2 {
				out = append(out, regionName{words: lowWords(toks, k+2, e), code: code})
			}
			continue
		}
		if b := regionNameStart(s, k); nameEnd(toks, b, k) > b && b >= 2 && toks[b-1].kind == tPoss && s.countryAt(b-2) != "" {
			// "northwest China's Xinjiang Uygur Autonomous Region"
			out = append(out, regionName{words: lowWords(toks, b, nameEnd(toks, b, k)), code: s.countryAt(b - 2)})
		}
	}
	return out
}

// ofCountry returns the country of "of [the] COUNTRY" at token i, "" when
// none.
func ofCountry(s *sentence, i int) string {
	if tokLow(s.tokens, i) != "of" {
		return ""
	}
	i++
	if tokLow(s.tokens, i) == "the" {
		i++
	}
	if pi := s.placeAt(i); pi >= 0 && s.places[pi].kind != gazetteer.MentionCity {
		return s.places[pi].code
	}
	return ""
}

// regionNameStart is the first of the (up to three) capitalised words
// before the region noun at k, "Autonomous" included; k when there are
// none.
func regionNameStart(s *sentence, k int) int {
	b := k
	for b > 0 && b > k-4 && (regionWord(s, b-1) || s.tokens[b-1].low == "autonomous") {
		b--
	}
	return b
}

// nameEnd drops "Autonomous" from the end of a region's name: "Xinjiang
// Uygur Autonomous" -> "Xinjiang Uygur".
func nameEnd(toks []token, b, e int) int {
	for e > b && toks[e-1].low == "autonomous" {
		e--
	}
	return e
}

// regionWord reports whether token i may be a word of a region's name:
// capitalised, no place, title or function word.
func regionWord(s *sentence, i int) bool {
	t := &s.tokens[i]
	return t.kind == tWord && t.cap && s.placeAt(i) < 0 && !t.is(wNotName) && !t.is(wTitle) && !regionNouns[t.low] && t.low != "autonomous"
}

func lowWords(toks []token, i, j int) []string {
	out := make([]string, 0, j-i)
	for _, t := range toks[i:j] {
		out = append(out, t.low)
	}
	return out
}

// markRegions records in s, as a mention of its country, each use of a
// region's name not already a place, with the region noun that follows it
// ("Xinjiang", "the Xinjiang Uygur Autonomous Region").
func markRegions(s *sentence, names []regionName) {
	toks := s.tokens
	var add []place
	for i := 0; i < len(toks); i++ {
		if !toks[i].cap || s.placeAt(i) >= 0 {
			continue
		}
		for _, r := range names {
			j := i + len(r.words)
			if j > len(toks) || !slices.EqualFunc(toks[i:j], r.words, func(t token, w string) bool { return t.low == w }) || j < len(toks) && regionWord(s, j) {
				continue
			}
			for j < len(toks) && (toks[j].low == "autonomous" || toks[j].cap && regionNouns[toks[j].low]) {
				j++
			}
			add = append(add, place{i: i, j: j, kind: gazetteer.MentionCountry, code: r.code, exact: true, start: toks[i].start, end: toks[j-1].end})
			i = j - 1
			break
		}
	}
	if len(add) == 0 {
		return
	}
	s.places = append(s.places, add...)
	slices.SortFunc(s.places, func(a, b place) int { return a.i - b.i })
	s.tokPlace = make([]int16, len(toks))
	for k := range s.tokPlace {
		s.tokPlace[k] = -1
	}
	for pi, pl := range s.places {
		if pl.exact && pi < 1<<15 {
			for k := pl.i; k < pl.j; k++ {
				s.tokPlace[k] = int16(pi)
			}
		}
	}
}
