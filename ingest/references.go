package ingest

import (
	"time"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
	"slices"
)

// refWords name an encounter of leaders, a visit or trip included; a
// document's signing in a city on a past date was one too.
var refWords = makeSet(`talks meeting meetings met meet visit visits engagement engagements conversation conversations
call calls summit meetings consultations views ministerial forum session signing phone telephone visited trip trips`)

var countWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 0, "both": 2}

// findReferences returns the earlier meetings the text mentions: a meeting
// word with a past date in the same stretch of a sentence ("held fruitful
// talks in Xi'an in May last year", "their two meetings last year",
// "meetings between A, B, C and their counterparts in Beijing over the
// last several months": one per person listed). Dates are resolved against
// the meeting date and kept as precise as the text is.
func (d *docCtx) findReferences() []schema.Reference {
	out := []schema.Reference{}
	md := d.meeting.Date
	if md.IsZero() {
		return out
	}
	anchor := md.Start()
	for si := range d.sents {
		s := &d.sents[si]
		toks := s.tokens
		meetWord := false
		for _, t := range toks {
			if t.is(wRef) {
				meetWord = true
				break
			}
		}
		if !meetWord && !recallsEncounter(s, item{0, len(toks)}) {
			continue
		}
		segs := segments(toks)
		dates := s.datesAt(anchor)
		first := len(out)
		// The dates that can be earlier meetings': a city near "today's
		// talks" still belongs to "last year" ("Last year we met twice,
		// in Tashkent and in Dushanbe, and today's talks ...").
		earlier := slices.DeleteFunc(slices.Clone(dates), func(de dateExpr) bool {
			return de.date.IsZero() || de.future || !de.past && de.date.End().After(anchor)
		})
		var docDates []dateExpr // the same dates against the publication
		for _, de := range dates {
			if de.date.IsZero() || de.future {
				continue
			}
			if de.relative && de.date.Precision() == schema.PrecisionDay && !d.anchor.IsZero() {
				// "held talks in Tashkent, ... said, yesterday": a day
				// relative to the publication may be the meeting itself.
				if docDates == nil {
					docDates = s.datesAt(d.anchor)
				}
				if selfDated(docDates, de, md) {
					continue
				}
			}
			if !de.past && de.date.End().After(anchor) && !(de.relative && de.date.Precision() == schema.PrecisionYear && de.j-de.i > 2) {
				continue // the meeting itself, or later
			}
			seg := segs[0]
			for _, g := range segs {
				if de.i >= g.i && de.i < g.j {
					seg = g
					break
				}
			}
			if plannedMeeting(toks, seg, de) || plannedAt(toks, de.i) {
				continue // "agreed to meet again in Kazan in October", "and to hold the next round in Istanbul in August"
			}
			if arrivalForVisit(toks, seg, de, anchor) {
				continue // "who arrived in Bishkek yesterday on an official visit": this visit
			}
			if !segHas(toks, seg, refWords) && !recallsEncounter(s, seg) {
				// "including between A and B in May in Vienna": the
				// meeting word is earlier in the sentence.
				if !segHas(toks, item{0, seg.i}, refWords) {
					continue
				}
			}
			n, at := refCount(toks, seg)
			if n > 1 && !nearestDate(de, at, dates, seg) {
				n = 1 // "met twice last year ..., and their talks ... last September"
			}
			cities := d.refCities(s, seg, de, earlier)
			city, country := d.refPlace(s, seg, cities)
			if n > 1 && len(cities) == n {
				// "met twice last year in Xi'an and Beijing": one each, in order.
				for _, pl := range cities {
					r := schema.Reference{
						Date: de.date, City: pl.city, Country: pl.code, Parties: d.parties,
						Text: d.text[toks[seg.i].start:toks[seg.j-1].end], Start: toks[seg.i].start, End: toks[seg.j-1].end,
					}
					if r.Parties == nil {
						r.Parties = []string{}
					}
					out = append(out, r)
				}
				continue
			}
			r := schema.Reference{
				Date: de.date, City: city, Country: country, Parties: d.parties,
				Text: d.text[toks[seg.i].start:toks[seg.j-1].end], Start: toks[seg.i].start, End: toks[seg.j-1].end,
			}
			if r.Parties == nil {
				r.Parties = []string{}
			}
			if merged := mergeReference(out, r, n); merged {
				continue
			}
			for k := 0; k < n; k++ {
				out = append(out, r)
			}
		}
		out = dropYearOnly(out, first)
	}
	return out
}

// dropYearOnly removes, among the references out[first:] of one sentence,
// a bare year with no place when the sentence dates a meeting of that year
// more precisely: the year is then a statistic's or a treaty's ("trade
// reached 28 billion dollars last year and the agreements reached during
// the state visit to Moscow last November", "Last year's document was
// agreed at talks in Bishkek in April 2025").
func dropYearOnly(out []schema.Reference, first int) []schema.Reference {
	if len(out)-first < 2 {
		return out
	}
	sent := out[first:]
	kept := slices.DeleteFunc(slices.Clone(sent), func(r schema.Reference) bool {
		if r.Date.Precision() != schema.PrecisionYear || r.City != "" || r.Country != "" {
			return false
		}
		return slices.ContainsFunc(sent, func(o schema.Reference) bool {
			return o.Date.Precision() != schema.PrecisionYear && o.Date.Year() == r.Date.Year()
		})
	})
	return append(out[:first], kept...)
}

// toPreposition reports whether "to" at k opens a noun phrase ("to a
// meeting", "to their talks") rather than an infinitive.
func toPreposition(toks []token, k int) bool {
	n := tokAt(toks, k+1)
	return n.cap || determiners[n.low] || possPronouns[n.low]
}

// infinitiveIn reports whether toks[i:j] hold an infinitive ("to send").
func infinitiveIn(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].low == "to" && !toPreposition(toks, k) {
			return true
		}
	}
	return false
}

// recallsEncounter reports whether segment g of s, lacking a meeting
// word, still tells of an encounter: an agreement reached in a city
// (agreedIn), a trip to a place ("Kravtsov last came to Kyrgyzstan in
// October 2025", "the minister travelled to Kashgar last spring"), an
// event the leaders attended ("a ceremony in Jalal-Abad in December 2024
// attended by the leaders of the three countries") or a guest hosted
// ("Kosherbayev hosted Saidov in Astana in January").
func recallsEncounter(s *sentence, g item) bool {
	return agreedIn(s, g) || agreedAfterPlace(s, g) || encounterIn(s, g)
}

// agreedAfterPlace reports whether segment g fronts the city where an
// agreement was reached before the clause that reports it, the order
// agreedIn does not read: "recalled that in Moscow in March the two
// ministries had agreed on ...". The verb must follow within the clause.
func agreedAfterPlace(s *sentence, g item) bool {
	toks := s.tokens
	for _, pl := range s.places {
		if pl.kind != gazetteer.MentionCity || pl.i < g.i || pl.j > g.j || tokLow(toks, pl.i-1) != "in" {
			continue
		}
		for e := pl.j; e < g.j && e <= pl.j+10 && !clauseBoundary(toks[e]); e++ {
			switch toks[e].low {
			case "agreed", "reached", "signed":
				return true
			}
		}
	}
	return false
}

// encounterVerbs say, in the past, that people took part in an event or
// received a guest.
var encounterVerbs = makeSet(`attended hosted`)

// encounterIn reports whether segment g of s has a word of encounterVerbs,
// or a word of wentVerbs with "to" and a place the gazetteer knows ("came
// to Kyrgyzstan", "flew to Osh"; "came to power" names no place).
func encounterIn(s *sentence, g item) bool {
	toks := s.tokens
	for k := g.i; k < g.j; k++ {
		if !toks[k].is(wEvent) {
			continue
		}
		if encounterVerbs[toks[k].low] || k+2 < g.j && toks[k+1].low == "to" && s.placeAt(k+2) >= 0 {
			return true
		}
	}
	return false
}

// plannedMeeting reports whether the meeting word of segment g nearest
// to date de is planned rather than past: "to meet", "will hold talks",
// "the next meeting", "the upcoming visit". The nearest word decides:
// "talks held in Istanbul in February ..., and agreed to continue
// technical talks" still recalls February's talks.
func plannedMeeting(toks []token, g item, de dateExpr) bool {
	best, dist := -1, 0
	for k := g.i; k < g.j; k++ {
		if !toks[k].is(wRef) {
			continue
		}
		if dk := tokDistance(place{i: k, j: k + 1}, de.i, de.j); best < 0 || dk < dist {
			best, dist = k, dk
		}
	}
	for b := best - 1; best >= 0 && b >= g.i && b >= best-4; b-- { // "will hold its first meeting"
		switch toks[b].low {
		case "to":
			// "to hold talks", not "travelled to Astana for talks" nor
			// "dates back to a meeting"; "invited X to send a delegation
			// to the meeting" is planned by its infinitive.
			if b > 0 && wentVerbs[toks[b-1].low] {
				continue
			}
			if !toPreposition(toks, b) || infinitiveIn(toks, g.i, b) || b > 0 && toks[b-1].low == "forward" { // "looks forward to the summit"
				return true
			}
		case "will", "would", "next", "upcoming", "forthcoming", "future", "shall":
			return true
		}
	}
	return false
}

// arrivalForVisit reports whether date de, in the week before the
// meeting, dates the visitor's arrival for the visit the readout reports:
// "Li arrived in Astana on Monday for an official visit", "who arrived in
// Bishkek yesterday on an official visit".
func arrivalForVisit(toks []token, g item, de dateExpr, anchor time.Time) bool {
	if de.date.Precision() != schema.PrecisionDay || de.date.Start().Before(anchor.AddDate(0, 0, -7)) {
		return false
	}
	return segHas(toks, g, arrivalVerbs)
}

// mergeReference reports whether r repeats a reference already found
// ("talks in Xi'an in May last year" and "his visit to China in May last
// year"), filling in the place it adds.
func mergeReference(out []schema.Reference, r schema.Reference, n int) bool {
	if n != 1 {
		return false
	}
	for i := range out {
		o := &out[i]
		if o.Date != r.Date {
			continue
		}
		if o.City == r.City || o.City == "" && (r.Country == "" || o.Country == r.Country || o.Country == "") || r.City == "" && (r.Country == "" || o.Country == r.Country) {
			if o.City == "" {
				o.City, o.Country = r.City, firstNonEmpty(r.Country, o.Country)
			}
			return true
		}
	}
	return false
}

// segments cuts a sentence where one mentioned meeting ends and another
// begins: ", including", "as well as", ";".
func segments(toks []token) []item {
	var out []item
	cur := 0
	for k := 0; k < len(toks); k++ {
		cut := -1
		next := k
		switch {
		case toks[k].text == ";":
			cut, next = k, k+1
		case toks[k].text == "," && tokLow(toks, k+1) == "including":
			cut, next = k, k+2
		case toks[k].low == "as" && tokLow(toks, k+1) == "well" && tokLow(toks, k+2) == "as":
			cut, next = k, k+3
		}
		if cut >= 0 {
			if cut > cur {
				out = append(out, item{cur, cut})
			}
			cur = next
			k = next - 1
		}
	}
	if cur < len(toks) {
		out = append(out, item{cur, len(toks)})
	}
	if len(out) == 0 {
		out = append(out, item{0, len(toks)})
	}
	return out
}

func segHas(toks []token, g item, words map[string]bool) bool {
	for k := g.i; k < g.j && k < len(toks); k++ {
		if words[toks[k].low] {
			return true
		}
	}
	return false
}

// refPlace reads where an earlier meeting was: a city in the segment, or a
// capitalised place before ", Country" ("in Bali, Indonesia"), or a
// country ("his visit to China").
func (d *docCtx) refPlace(s *sentence, g item, cities []place) (string, string) {
	toks := s.tokens
	if len(cities) > 0 {
		return cities[0].city, cities[0].code
	}
	if city, ok := venueCity(toks[g.i:g.j]); ok {
		// "their first summit at the White House": a seat of government
		// stands for its city.
		code := ""
		if c, ok := gazetteer.LookupCity(city); ok {
			code = c.Country
		}
		return city, code
	}
	// "in Woodside, California": a capitalised place the gazetteer lacks,
	// made a place by the region after it.
	for k := g.i; k+3 < g.j; k++ {
		if toks[k].low == "in" && toks[k+1].cap && toks[k+1].kind == tWord && s.placeAt(k+1) < 0 && toks[k+2].text == "," && toks[k+3].cap && !monthName(toks[k+1]) {
			code := ""
			if pi := s.placeAt(k + 3); pi >= 0 {
				code = s.places[pi].code
			}
			return toks[k+1].text, code
		}
	}
	if city := d.datedPlace(s, g); city != "" {
		return city, ""
	}
	for _, pl := range s.places {
		if pl.i < g.i || pl.j > g.j || pl.kind != gazetteer.MentionCountry {
			continue
		}
		// "in Bali, Indonesia": a place the gazetteer lacks, in a country.
		if tokLow(toks, pl.i-1) == "," && pl.i-2 >= g.i && toks[pl.i-2].cap && toks[pl.i-2].kind == tWord && tokLow(toks, pl.i-3) == "in" {
			return toks[pl.i-2].text, pl.code
		}
		if p := tokLow(toks, pl.i-1); p == "in" || p == "to" || p == "visited" {
			return "", pl.code
		}
	}
	return "", ""
}

// venueCity returns the city of a seat of government the tokens name
// ("at the White House"); a venue's first word must be there before the
// names are joined.
func venueCity(toks []token) (string, bool) {
	for _, t := range toks {
		if t.cap && venueFirstWords[t.low] {
			city, ok := seatCity(venue(toks))
			return city, ok
		}
	}
	return "", false
}

// refCities returns the cities of segment g that belong to date de: those
// nearer to it than to any other date of the segment ("met at the
// Dushanbe summit in 2019 and ... their meeting in Astana last July": each
// date its own city), in order. Several cities go together only when
// they are listed side by side ("in Xi'an and Beijing").
func (d *docCtx) refCities(s *sentence, g item, de dateExpr, dates []dateExpr) []place {
	var out []place
	// "held in Istanbul in February and April": coordinated dates share
	// their place.
	lo, hi := de.i, de.j
	for _, o := range dates {
		switch {
		case o.j+1 == lo && coordinator(s.tokens, o.j):
			lo = o.i
		case o.i == hi+1 && coordinator(s.tokens, hi):
			hi = o.j
		}
	}
	// "in Osh, following their first meeting in Bishkek in April": a
	// date in a phrase of sequence takes a city of its own phrase.
	from := max(g.i, sequenceStart(s.tokens, de.i))
	for _, pl := range s.places {
		if pl.i < from || pl.j > g.j || pl.kind != gazetteer.MentionCity || regionOfCity(s.tokens, pl) {
			continue
		}
		dist := tokDistance(pl, lo, hi)
		mine := true
		for _, o := range dates {
			if o.i >= lo && o.j <= hi || o.i < g.i || o.i >= g.j {
				continue
			}
			if tokDistance(pl, o.i, o.j) < dist {
				mine = false
				break
			}
		}
		if mine {
			out = append(out, pl)
		}
	}
	return out
}

// regionOfCity reports whether a city's name at pl names its region:
// "Tyumen Region", "Moscow Oblast".
func regionOfCity(toks []token, pl place) bool {
	n := tokAt(toks, pl.j)
	// "in Orenburg region's Sol-Iletsk": the region's town follows.
	return (n.cap || tokLow(toks, pl.j+1) == "'s") && regionNouns[n.low] || localRegionNouns[n.low]
}

// localRegionNouns are the words of the region's own languages for a
// province, which English texts keep, often in lower case: "in Mary
// velayat", "Surkhandarya viloyati", "Almaty oblysy". They name nothing
// else in English.
var localRegionNouns = makeSet(`velayat welayat viloyat viloyati vilayet wilayat oblast oblys oblysy rayon raion okrug aimag`)

// coordinator reports whether token k is "and" or "or".
func coordinator(toks []token, k int) bool {
	l := tokLow(toks, k)
	return l == "and" || l == "or"
}

// tokDistance is the number of tokens between a place and tokens [i, j).
func tokDistance(pl place, i, j int) int {
	switch {
	case pl.j <= i:
		return i - pl.j
	case pl.i >= j:
		return pl.i - j
	}
	return 0
}

// nearestDate reports whether de is the date of segment g nearest to the
// count word at token at.
func nearestDate(de dateExpr, at int, dates []dateExpr, g item) bool {
	dist := func(x dateExpr) int { return tokDistance(place{i: at, j: at + 1}, x.i, x.j) }
	for _, o := range dates {
		if o.i != de.i && o.i >= g.i && o.i < g.j && dist(o) < dist(de) {
			return false
		}
	}
	return true
}

// refCount reads how many meetings a segment mentions, and where it says
// so: "two meetings", "twice", or one per person in "between A, B, C and
// their counterparts".
func refCount(toks []token, g item) (int, int) {
	for k := g.i; k < g.j; k++ {
		if n, ok := countWords[toks[k].low]; ok && n > 0 && k+1 < g.j && refWords[toks[k+1].low] {
			return n, k
		}
		if toks[k].low == "twice" {
			return 2, k
		}
		if toks[k].low == "between" {
			// count the comma-separated names before "and their counterparts"
			n := 1
			for e := k + 1; e < g.j; e++ {
				if toks[e].text == "," {
					if tokLow(toks, e+1) == "and" && tokLow(toks, e+2) == "their" {
						return n, k
					}
					n++
				}
				if toks[e].low == "and" && tokLow(toks, e+1) == "their" && tokLow(toks, e+2) == "counterparts" {
					return n, k
				}
			}
		}
	}
	return 1, -1
}

// datedPlace reads a place the gazetteer lacks from "the G20 in Bali last
// November": one or two capitalised words after "in" (or "to": "the visit
// to Ulaanbaatar in 2023") that are no place,
// person, month or institution, with a date right after them.
func (d *docCtx) datedPlace(s *sentence, g item) string {
	toks := s.tokens
	for k := g.i; k+2 < g.j; k++ {
		if toks[k].low != "in" && toks[k].low != "to" {
			continue // "in Khiva last year", "his visit to Khiva in 2022"
		}
		j := k + 1
		for j < g.j && j < k+3 && toks[j].kind == tWord && toks[j].cap && !notNameWords[toks[j].low] && !titleWords[toks[j].low] && s.placeAt(j) < 0 && !monthName(toks[j]) {
			j++
		}
		if j == k+1 || j >= g.j || d.inPerson(s, k+1, j) {
			continue
		}
		switch n := toks[j]; {
		case monthName(n), n.low == "last", n.low == "this", n.low == "earlier":
		case n.low == "in" || n.low == "on":
			// "in Khiva in May", "in Khiva in 2022", "in Khiva in the
			// spring of 2022", "in Khiva in late 2021"
			dated := false
			for e := j + 1; e < g.j && e <= j+4 && !dated; e++ {
				dated = monthName(toks[e]) || yearLike(toks[e])
			}
			if !dated {
				continue
			}
		default:
			continue
		}
		return joinTokens(toks[k+1 : j])
	}
	return ""
}

// yearLike reports whether t is a year ("in 2022").
func yearLike(t token) bool { _, ok := yearOf(t); return ok }

func monthName(t token) bool { _, ok := monthOf(t); return ok }

// selfDated reports whether the date expression at de's tokens, read
// against the publication date, is the meeting's own date.
func selfDated(docDates []dateExpr, de dateExpr, md schema.Date) bool {
	for _, o := range docDates {
		if o.i == de.i && o.j == de.j {
			return o.date == md
		}
	}
	return false
}
