package ingest

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// findMeeting reads the meeting the readout reports: the first sentence
// with a meeting verb and two parties' people ("met with", "held talks",
// "spoke by phone"), its date, place, occasion and kind, its principals and
// those present.
func (d *docCtx) findMeeting() {
	d.mentions = make([][]personMention, len(d.sents))
	for i := range d.sents {
		d.mentions[i] = d.findPersons(i)
	}
	mentions := d.mentions
	// The meeting sentence: the first with a meeting verb and a person,
	// but not a headline repeated above the text ("Xi Jinping Meets with
	// Kyrgyz President Sadyr Japarov") when the text itself reports the
	// meeting just after it.
	for i, s := range d.sents {
		if len(mentions[i]) == 0 && !d.groupMeeting(i) || !hasMeetingVerb(s.tokens) || earlierMeeting(&d.sents[i], d.anchor) {
			continue
		}
		if d.meetSent < 0 {
			d.meetSent = i
			if !d.headline(i) {
				break
			}
			continue
		}
		if i <= d.meetSent+3 {
			d.meetSent = i
		}
		break
	}
	if i := d.openingSession(); i >= 0 && (d.meetSent < 0 || d.meetSent > i+3) {
		d.meetSent = i // "Cholpon-Ata hosted the meeting of the ministers of ...", not a later sentence
	}
	if i := d.newsLead(); i >= 0 && (d.meetSent < 0 || d.meetSent > i+3 || d.meetSent > i && (looksBack(d.sents[d.meetSent].tokens) || d.weeksBefore(&d.sents[d.meetSent], &d.sents[i]))) {
		// "KURYK, Kazakhstan—The U.S. and Kazakhstan agreed Tuesday to
		// ...", not a later "Duffy and Sauranbayev first met in ..."
		d.meetSent = i
	}
	if d.meetSent < 0 {
		// "President Tokayev took part in the informal summit of the
		// Organization of Turkic States held in Gabala": a readout of a
		// leader at a summit has no other meeting verb.
		for i, s := range d.sents[:min(3, len(d.sents))] {
			if len(mentions[i]) > 0 && tookPart(s.tokens) {
				d.meetSent = i
				break
			}
		}
	}
	if d.meetSent < 0 {
		// A readout may name only one side's leader ("... held talks with
		// the Prime Minister of India"): a meeting verb suffices.
		for i, s := range d.sents {
			if i < 4 && (hasMeetingVerb(s.tokens) || newsMeeting(s.tokens)) && len(s.places) > 0 && !earlierMeeting(&d.sents[i], d.anchor) {
				d.meetSent = i
				break
			}
		}
	}
	if d.meetSent < 0 {
		// "X and Y toured the campus on Tuesday and signed ...": a lede
		// that names two countries' officials reports their meeting in
		// whatever verb it uses.
		if i := d.ledeGathering(); i >= 0 {
			d.meetSent = i
			d.ledeMeeting = true
		}
	}
	m := &d.meeting
	if d.meetSent >= 0 {
		for _, pm := range mentions[d.meetSent] {
			if includedAttendee(d.sents[d.meetSent].tokens, mentions[d.meetSent], pm) {
				pm.p.present = true
				continue
			}
			pm.p.principal = true
		}
		if len(mentions[d.meetSent]) == 0 && d.groupMeeting(d.meetSent) {
			// "X told Y on Thursday. The two men met at ...": the people
			// the group refers back to.
			for si := d.meetSent - 1; si >= 0 && si >= d.meetSent-2; si-- {
				for _, pm := range mentions[si] {
					pm.p.principal = true
				}
			}
		} else if len(mentions[d.meetSent]) == 0 {
			// "Russian-Uzbekistani talks took place in Tashkent. Vladimir
			// Putin and Shavkat Mirziyoyev discussed ...": the people of
			// the sentences after a meeting sentence that names no one.
			for si := d.meetSent + 1; si < len(d.sents) && si <= d.meetSent+3; si++ {
				if earlierMeeting(&d.sents[si], d.anchor) {
					continue // "The talks followed a meeting ... last August"
				}
				for _, pm := range mentions[si] {
					pm.p.principal = !orgOfficial(pm.p) // not "SCO Secretary-General X also attended"
				}
			}
		}
	}
	principalCountries := map[string]bool{}
	for _, p := range d.people {
		if p.principal && p.country != "" {
			principalCountries[p.country] = true
		}
	}
	for i, s := range d.sents {
		if sentenceSays(s.tokens, "present", "accompanied") || i != d.meetSent && sentenceSays(s.tokens, "attended", "chaired") {
			for _, pm := range mentions[i] {
				switch {
				case pm.p.principal:
				case d.meetSent >= 0 && sentenceSays(s.tokens, "attended", "chaired") && d.otherLeader(pm.p, principalCountries):
					// "The summit was also attended by President
					// of Türkiye Recep Tayyip Erdoğan": another
					// country's leader is a party.
					pm.p.principal = true
				default:
					pm.p.present = true
				}
			}
		}
	}
	if d.meetSent >= 0 {
		// The place first: a host's country may come from it.
		d.meetingPlace(&d.sents[d.meetSent])
	}
	d.inferCountries()
	var parties []string
	for _, p := range d.people {
		if p.principal && p.country != "" {
			parties = append(parties, p.country)
		}
	}
	if d.meetSent >= 0 {
		s := &d.sents[d.meetSent]
		// "the leaders of Russia and China met": countries named as the
		// meeting's subject.
		if len(parties) < 2 {
			for _, c := range d.subjectCountries(s) {
				parties = append(parties, c)
			}
		}
		// "met with the foreign ministers of Kazakhstan, Kyrgyzstan, ...
		// and Uzbekistan": every country listed.
		parties = append(parties, listedCountries(s)...)
		parties = append(parties, centralAsianFive(s)...)
		parties = append(parties, d.leadGroup()...)
		parties = d.multilateralParties(parties) // "Taking part in the meeting were ..."
		if len(sortedCodes(parties)) < 2 {
			// "Russian-Uzbekistani talks took place in Tashkent"
			parties = append(parties, compoundCountries(s)...)
			if len(sortedCodes(parties)) < 2 {
				parties = append(parties, d.leadParties()...)
			}
		}
		if len(sortedCodes(parties)) < 2 {
			// "Meeting with President of China Xi Jinping" as the
			// title of a Kremlin transcript whose text names no one
			// with a country: the title's countries and the publisher.
			if tc := titleCountries(d.title); len(tc) > 0 {
				parties = append(parties, tc...)
				if len(sortedCodes(parties)) < 2 && d.sourceCC != "" {
					parties = append(parties, d.sourceCC)
				}
			}
		}
		m.Venue = venue(s.tokens)
		d.meetingDate(s)
		m.Occasion = d.occasion()
		m.Kind = meetingKind(s.tokens)
	}
	// Those present without a country came with the first principal, whose
	// government usually publishes the readout.
	for _, p := range d.people {
		if p.present && p.country == "" && !orgOfficial(p) { // not "OTS Secretary General X"
			for _, q := range d.people {
				if q.principal && q.country != "" {
					p.country = q.country
					break
				}
			}
		}
	}
	if m.Date.IsZero() {
		if !d.anchor.IsZero() {
			m.Date = schema.DayDate(d.anchor)
		}
	}
	parties = d.secondParty(sortedCodes(parties))
	d.parties = sortedCodes(parties)
	m.Parties = d.parties
	if len(d.parties) > 2 && m.Kind != schema.MeetingCall {
		m.Kind = schema.MeetingMultilateral
	}
	if len(d.parties) == 0 && m.Kind == schema.MeetingBilateral {
		m.Kind = "" // no country known: nothing says how many met
	}
	d.leaderCountries()
	m.Participants = d.participants()
}

// ledeGathering returns the index of the news lede when it names officials
// of two or more countries and reports what they did, not what they will
// do, or -1: "U.S. Education Secretary X and Kazakhstan's Minister of
// Science Y toured the campus on Tuesday and signed a memorandum", "Governor
// X welcomed China's Vice Minister Y", "A signing ceremony attended by X and
// Y". The lede is the first sentence after the dateline, or the first of the
// body past a headline, a standfirst and stamp lines, that names someone
// (within the first five); the officials must not sit in a subordinate
// clause ("prices rose after X and Y commented"). It is read only when
// no sentence has a meeting verb; the commitments the text states then
// decide whether it was a readout (Extract).
func (d *docCtx) ledeGathering() int {
	for i := range d.sents {
		s := &d.sents[i]
		if d.dl != nil && s.start < d.dl.end || d.dl == nil && i < 4 && (d.headline(i) || !d.closesWithStop(i) && d.loneLine(i) || d.stampLine(i)) {
			continue
		}
		if i > 4 {
			return -1
		}
		if len(d.mentions[i]) == 0 {
			continue // a standfirst or a byline names no official
		}
		first := d.mentions[i][0].roleI
		if earlierMeeting(s, d.anchor) || plannedLede(s.tokens, first) || slices.ContainsFunc(s.tokens[:first], func(t token) bool { return subordinators[t.low] }) {
			return -1 // "Oil rose after Saudi Energy Minister X and Russian Deputy Prime Minister Y commented": a clause about them, not their meeting
		}
		countries := map[string]bool{}
		for _, pm := range d.mentions[i] {
			if c := firstNonEmpty(pm.country, pm.p.country, titlePlace(s, pm)); c != "" {
				countries[c] = true
			}
		}
		for _, pl := range s.places {
			if pl.kind != gazetteer.MentionCity && pl.code != "" && officialAfter(s.tokens, pl.j) {
				countries[pl.code] = true // "with Kazakhstan's science minister", "a Kazakh delegation"
			}
		}
		if len(countries) < 2 {
			return -1
		}
		return i
	}
	return -1
}

// relativeWords open a relative or complement clause, a closed class of
// English pronouns and conjunctions: what follows them is not the main
// clause ("signed a memorandum that will double exchanges").
var relativeWords = makeSet(`that which who whom whose`)

// plannedLede reports whether a lede whose first official starts at token
// first tells of something still to come: a future modal in its main
// clause, "X and Y will tour the campus on Tuesday". A modal inside a
// relative clause does not count ("signed a memorandum that will ..."), nor
// one in speech reported before the official ("Kazakhstan will fund 500
// scholarships, science minister X told Y on Tuesday").
func plannedLede(toks []token, first int) bool {
	for k, t := range toks {
		switch {
		case relativeWords[t.low]:
			return false
		case futureModals[t.low]:
			if k < first && reportedAfter(toks, k, first) {
				continue
			}
			return true
		}
	}
	return false
}

// reportedAfter reports whether the words at token k are speech that a
// clause from token first reports: a comma between them and a speech verb
// after first ("..., science minister X told Y").
func reportedAfter(toks []token, k, first int) bool {
	if !slices.ContainsFunc(toks[k:first], func(t token) bool { return t.text == "," }) {
		return false
	}
	return slices.ContainsFunc(toks[first:], func(t token) bool { return sayVerbs[t.low] })
}

// officialAfter reports whether an official or a delegation follows a
// country's name or adjective ending at token j, within a few words and
// no punctuation but a possessive: "Kazakhstan's science minister", "a
// Kazakh delegation", "the Uzbek deputy prime minister".
func officialAfter(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+4; k++ {
		t := toks[k]
		if t.kind == tPunct {
			return false
		}
		if !t.cap && titleWords[t.low] || t.low == "delegation" {
			return true
		}
	}
	return false
}

// titlePlace returns the country of a city or region of the gazetteer
// that pm's title holds or that opens it, "" when none: "Almaty Governor
// Yerbol Sadykov" is of Kazakhstan.
func titlePlace(s *sentence, pm personMention) string {
	for _, pl := range s.places {
		if pl.j >= pm.roleI && pl.j <= pm.i && pl.code != "" { // in the title or just before it
			return pl.code
		}
	}
	return ""
}

// groupNouns name, after "the", people already named: "the two men", "the
// ministers", "the three foreign ministers".
var groupNouns = makeSet(`men women ministers leaders presidents premiers heads officials counterparts envoys chiefs`)

// groupMeeting reports whether sentence i reports the meeting with a
// subject that refers back to people named in one of the two sentences
// before it, as news reports do after a lead: "The two men met at a
// residence above Almaty", "The ministers met on the sidelines of the
// forum". The group noun opens the sentence and the meeting verb follows it.
func (d *docCtx) groupMeeting(i int) bool {
	toks := d.sents[i].tokens
	if tokLow(toks, 0) != "the" {
		return false
	}
	k := 1
	if _, ok := countWords[tokLow(toks, k)]; ok {
		k++
	}
	if !groupNouns[tokLow(toks, k)] && tokAt(toks, k+1).kind == tWord && groupNouns[tokLow(toks, k+1)] {
		k++ // "the two foreign ministers"
	}
	if !groupNouns[tokLow(toks, k)] {
		return false
	}
	if tokLow(toks, k+1) == "of" && tokAt(toks, k+2).kind == tWord && !tokAt(toks, k+2).cap {
		k += 2 // "the heads of government", "the heads of state": "of" and a common noun
	}
	if v := tokAt(toks, k+1); !v.is(wMeeting) {
		return false
	}
	return i > 0 && len(d.mentions[i-1]) > 0 || i > 1 && len(d.mentions[i-2]) > 0
}

// otherLeader reports whether p is a head of state or government of a
// country that none of the meeting's principals represents.
func (d *docCtx) otherLeader(p *person, principals map[string]bool) bool {
	if p.country == "" || principals[p.country] {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(p.role)) {
		if leaderRoles[w] {
			return true
		}
	}
	return false
}

// headline reports whether sentence i is a headline: a paragraph of its
// own with no closing stop whose words are mostly capitalised, as a title
// set above the text.
func (d *docCtx) headline(i int) bool {
	s := &d.sents[i]
	if !s.paraStart || i+1 < len(d.sents) && d.sents[i+1].para == s.para {
		return false
	}
	words, caps := 0, 0
	for _, t := range s.tokens {
		if t.kind != tWord {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	last := s.tokens[len(s.tokens)-1].text
	return last != "." && last != "!" && words > 0 && caps*3 >= words*2
}

// leaderRoles are the roles of those who speak for a party.
var leaderRoles = makeSet(`president premier prime chancellor king emir sultan`)

// leaderCountries gives a country to a leader named outside the meeting
// sentence without one ("The Presidents of Uzbekistan and Kyrgyzstan held
// talks. President Shavkat Mirziyoyev ..."): the party he speaks for, else
// the one party no other leader of his rank holds, else the publisher's.
func (d *docCtx) leaderCountries() {
	if len(d.parties) < 2 {
		return
	}
	for _, p := range d.people {
		if p.country != "" {
			continue
		}
		best, bestN := "", 0
		for c, n := range d.speechCountries(p) {
			if slices.Contains(d.parties, c) && (n > bestN || n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if best == "" && (p.role == "" || !leaderRoles[strings.ToLower(strings.Fields(p.role)[0])]) {
			continue
		}
		if best == "" {
			var free []string
			for _, c := range d.parties {
				held := false
				for _, q := range d.people {
					if q != p && q.country == c && q.role != "" && strings.EqualFold(strings.Fields(q.role)[0], strings.Fields(p.role)[0]) {
						held = true
					}
				}
				if !held {
					free = append(free, c)
				}
			}
			switch {
			case len(free) == 1:
				best = free[0]
			case slices.Contains(free, d.sourceCC):
				best = d.sourceCC
			}
		}
		p.country = best
	}
}

// venue reads "at the Great Hall of the People", "at the Kremlin", "at
// the Akorda": a capitalised name after "at the" in the meeting sentence.
func venue(toks []token) string {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "at" && toks[i].low != "in" && toks[i].low != "to" {
			continue
		}
		if toks[i+1].cap && toks[i+1].kind == tWord {
			// "at Akorda", "at Ak Saray", "at Dolmabahçe Palace": a seat
			// of government needs no article.
			for j := min(i+4, len(toks)); j > i+1; j-- {
				v := joinTokens(toks[i+1 : j])
				if _, ok := venueCities[strings.ToLower(v)]; ok {
					return v
				}
			}
		}
		if toks[i+1].low != "the" || !toks[i+2].cap {
			continue
		}
		j := i + 2
		for j < len(toks) && toks[j].kind == tWord && (toks[j].cap || ofThe(toks, j)) {
			j++
		}
		switch toks[j-1].low {
		case "summit", "forum", "meeting", "conference", "invitation":
			continue
		}
		if townNouns[tokLow(toks, j)] {
			continue // "in the Jiangsu port city": a region describing a town
		}
		v := joinTokens(toks[i+2 : j])
		if _, ok := seatCity(v); toks[i].low == "to" && !ok {
			continue // "a visit to the United States" names no venue
		}
		return v
	}
	return ""
}

// ofThe reports whether "of" or "the" at j joins a name to the capitalised
// words after it: "Great Hall of the People".
func ofThe(toks []token, j int) bool {
	switch toks[j].low {
	case "of":
		if tokLow(toks, j+1) == "the" {
			return j+2 < len(toks) && toks[j+2].cap
		}
		fallthrough
	case "the":
		return j+1 < len(toks) && toks[j+1].cap
	}
	return false
}

// venueCities are seats of government that readouts name instead of their
// city (general knowledge: "at the White House", "in the Kremlin").
var venueCities = map[string]string{
	"white house": "Washington", "oval office": "Washington", "kremlin": "Moscow",
	"great hall of the people": "Beijing", "diaoyutai state guesthouse": "Beijing", "zhongnanhai": "Beijing",
	"akorda": "Astana", "ak orda": "Astana", "elysee palace": "Paris", "élysée palace": "Paris",
	"kuksaroy": "Tashkent", "kuksaroy palace": "Tashkent", "oguzkhan palace": "Ashgabat", "ala archa": "Bishkek",
	"yntymak ordo": "Bishkek", "kantei": "Tokyo", "blue house": "Seoul", "chancellery": "Berlin",
	// Türkiye: the presidential complex at Beştepe (Ak Saray) is in Ankara;
	// Dolmabahçe Palace and the Vahdettin Pavilion are the presidency's
	// offices in Istanbul.
	"presidential complex": "Ankara", "presidential complex in ankara": "Ankara", "ak saray": "Ankara",
	"beştepe": "Ankara", "dolmabahçe": "Istanbul", "dolmabahce": "Istanbul", "dolmabahçe palace": "Istanbul",
	"dolmabahce palace": "Istanbul", "dolmabahçe presidential office": "Istanbul", "vahdettin pavilion": "Istanbul",
	// Japan's state guest houses; Pakistan's presidency; Britain's prime
	// minister's residence.
	"akasaka palace": "Tokyo", "iikura guest house": "Tokyo", "aiwan-e-sadr": "Islamabad",
	"downing street": "London", "10 downing street": "London",
	// Russia's presidential residences outside Moscow; Washington's guest
	// house and the State Department; Beijing's state guest house by its
	// short name; Kyrgyzstan's state residence written with a hyphen.
	"bocharov ruchei": "Sochi", "konstantinovsky palace": "Saint Petersburg", "konstantin palace": "Saint Petersburg",
	"blair house": "Washington", "department of state": "Washington", "state department": "Washington",
	"diaoyutai": "Beijing", "state guesthouse diaoyutai": "Beijing", "diaoyutai state guest house": "Beijing",
	"ala-archa": "Bishkek", "ala-archa state residence": "Bishkek", "ala archa state residence": "Bishkek",
}

// seatCity returns the city of a seat of government named as the venue,
// also when a description of the building follows its name: "Yntymak
// Ordo State Residence", "Kremlin Palace".
func seatCity(v string) (string, bool) {
	v = strings.ToLower(v)
	for v != "" {
		if city, ok := venueCities[v]; ok {
			return city, true
		}
		i := strings.LastIndexByte(v, ' ')
		if i < 0 {
			break
		}
		v = v[:i]
	}
	return "", false
}

// venueFirstWords are the first words of venueCities, for a cheap test.
var venueFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for v := range venueCities {
		first, _, _ := strings.Cut(v, " ")
		m[first] = true
	}
	return m
}()

// eventCities are the fixed seats of recurring events that readouts name
// without their city: the UN General Assembly meets in New York.
var eventCities = map[string]string{
	"unga": "New York", "un general assembly": "New York", "united nations general assembly": "New York",
	"general assembly": "New York",
}

func hasMeetingVerb(toks []token) bool {
	for i, t := range toks {
		if t.is(wVisit) && visitAhead(toks, i) {
			return true // "paid a state visit to Kazakhstan"
		}
		if sitDownWith(toks, i) {
			return true // "sat down with the deputy chairman"
		}
		if t.low == "visit" && duringVisit(toks, i) {
			return true // "during a visit by President Japarov to the Kazakh capital"
		}
		if (t.low == "welcomed" || t.low == "welcomes") && (hostVenue(toks[i+1:]) || welcomedToCity(toks, i)) {
			return true // "welcomed President Tokayev to the White House", "... to Aktau"
		}
		if jointGatheringVerbs[t.low] && heldMeeting(toks[i+1:]) && togetherWith(toks[i+1:]) {
			// "attended the Second China-Central Asia Summit together
			// with President X, ...", "opened the C5+1 Business Forum in
			// Chicago alongside Kazakhstan's Minister ..."
			return true
		}
		if t.is(wMeeting) {
			if holdVerbs[t.low] && !heldMeeting(toks[i+1:]) {
				continue // "held that", "convened a group of experts"
			}
			if plannedVerb(toks, i) {
				continue // "will host the first meeting of the council next month"
			}
			if (t.low == "spoke" || t.low == "speaks" || t.low == "talked") && !spokeWith(toks, i) {
				continue // "spoke about the harvest at separate briefings", "spoke at the forum"
			}
			return true
		}
	}
	return false
}

// spokeWith reports whether the speech verb at token i reports a
// conversation between the parties, not a speech: "spoke with", "spoke
// to", "spoke by phone", "spoke over the telephone", "talked on the
// phone"; the prepositions are a closed class of English.
func spokeWith(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		switch toks[k].low {
		case "with", "to", "by", "over", "via":
			return true
		case "phone", "telephone", "video":
			return true
		}
		if toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// futureModals are the English modal auxiliaries that put a verb group in
// the future, a closed class: "will meet", "shall convene", "said he would
// visit".
var futureModals = makeSet(`will shall would 'll`)

// plannedVerb reports whether the meeting word at token i is governed by a
// future modal in its clause, so that it reports a meeting still to come,
// never the one the readout reports: "will host the first meeting of the
// council", "will also hold talks", "the ministers will be received by".
// The clause ends, looking back, at punctuation.
func plannedVerb(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if toks[k].kind == tPunct {
			return false
		}
		if futureModals[toks[k].low] {
			return true
		}
	}
	return false
}

// duringVisit reports whether the "visit" at token i is the occasion of
// what the sentence reports: "during a visit by X to Y", "on a working
// visit to Y".
func duringVisit(toks []token, i int) bool {
	if n := tokLow(toks, i+1); n != "by" && n != "to" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].low {
		case "during", "on":
			return true
		}
	}
	return false
}

// sitDownWith reports whether a meeting is told as sitting down with
// someone at token i, as news copy does: "sat down with", "will sit down
// with".
func sitDownWith(toks []token, i int) bool {
	switch toks[i].low {
	case "sat", "sit", "sits", "sitting":
		return tokLow(toks, i+1) == "down" && tokLow(toks, i+2) == "with"
	}
	return false
}

// tookPart reports whether toks say someone took part in a meeting:
// "took part in the informal summit", "participated in the session",
// "attended the summit".
func tookPart(toks []token) bool {
	for i, t := range toks {
		var rest []token
		switch {
		case (t.low == "took" || t.low == "takes") && tokLow(toks, i+1) == "part" && tokLow(toks, dayAfter(toks, i+2)) == "in":
			rest = toks[dayAfter(toks, i+2)+1:] // "took part today in the summit"
		case (t.low == "participated" || t.low == "participates") && tokLow(toks, dayAfter(toks, i+1)) == "in":
			rest = toks[dayAfter(toks, i+1)+1:] // "participated today in the C5+1 Ministerial"
		case t.low == "attended" || t.low == "attends":
			rest = toks[i+1:]
		default:
			continue
		}
		for _, r := range rest[:min(8, len(rest))] {
			if gatheringNouns[r.low] {
				return true
			}
		}
	}
	return false
}

// dayAfter returns the index after a day set between a verb and its
// object at token i ("today", "Tuesday", "on Tuesday"), or i.
func dayAfter(toks []token, i int) int {
	k := i
	if tokLow(toks, k) == "on" {
		k++
	}
	if l := tokLow(toks, k); l == "today" || l == "yesterday" {
		return k + 1
	}
	if _, ok := weekdays[tokLow(toks, k)]; ok {
		return k + 1
	}
	return i
}

// gatheringNouns name a meeting that a leader takes part in.
// "Ministerial" is the State Department's: "participated today in the C5+1
// Ministerial".
var gatheringNouns = makeSet(`summit meeting session forum conference congress assembly ministerial`)

// meetingNouns name an encounter that can be held: "held talks", "held
// the Annual Bilateral Consultations", "held the C5+1 Ministerial".
var meetingNouns = makeSet(`talks meeting meetings conversation call consultations consultation dialogue session round summit
ministerial forum negotiations conference videoconference video-conference`)

// jointGatheringVerbs say that the subject took part in or opened a
// gathering; with others named "together with" or "alongside" it, the
// gathering is the meeting ("chaired" is a meeting verb of its own).
var jointGatheringVerbs = makeSet(`attended attends opened opens`)

// togetherWith reports whether "together with" or "alongside" follows:
// those named after it took part in the meeting alongside the subject.
func togetherWith(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].low == "together" && toks[k+1].low == "with" || toks[k].low == "alongside" {
			return true
		}
	}
	return false
}

// holdVerbs report a meeting only when a meeting noun follows: "held
// talks", "convened the C5+1 Energy Ministerial".
var holdVerbs = makeSet(`held holds convened convenes`)

// heldMeeting reports whether what follows "held" names a meeting.
func heldMeeting(toks []token) bool {
	for _, t := range toks {
		if meetingNouns[t.low] {
			return true
		}
	}
	return false
}

// hostVenue reports whether toks name a seat of government that hosts the
// meeting ("to the White House", "at the Kremlin").
func hostVenue(toks []token) bool {
	_, ok := seatCity(venue(toks))
	return ok
}

// visitVerbs report a visit with "visit" as their object: "paid a state
// visit to", "is on an official visit".
var visitVerbs = makeSet(`paid pays paying made makes making arrived arrives`)

func visitAhead(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if toks[k].low == "visit" {
			return true
		}
	}
	return false
}

func meetingKind(toks []token) schema.MeetingKind {
	for i, t := range toks {
		switch t.low {
		case "phone", "telephone", "video", "videoconference", "phoned", "spoke", "speaks":
			return schema.MeetingCall
		case "videolink", "videoconferencing", "video-conference", "virtually":
			return schema.MeetingCall
		case "call", "conversation":
			if i > 0 && (toks[i-1].low == "phone" || toks[i-1].low == "telephone" || toks[i-1].low == "video") {
				return schema.MeetingCall
			}
			// "held a call with", "in a call with", "received a call
			// from"; not "paid a courtesy call on".
			if t.low == "call" && i > 0 && (determiners[toks[i-1].low] || toks[i-1].kind == tPoss) || t.low == "call" && toks[max(i-1, 0)].low != "courtesy" && (tokLow(toks, i+1) == "with" || tokLow(toks, i+1) == "from") {
				return schema.MeetingCall
			}
		}
	}
	return schema.MeetingBilateral
}

// subjectCountries returns the countries named before the meeting verb of s.
func (d *docCtx) subjectCountries(s *sentence) []string {
	var out []string
	for i, t := range s.tokens {
		if meetingVerbs[t.low] {
			break
		}
		if c := s.countryAt(i); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// leadGroup returns the countries of a lead that reported the meeting by
// the group that met, before the sentence that names who chaired or spoke:
// "The trade ministers of the five Central Asian countries and China
// adopted a plan at their meeting ... . Kazakh Minister X chaired the
// meeting." The lead names no one and looks back at no earlier meeting.
func (d *docCtx) leadGroup() []string {
	var out []string
	for si := d.meetSent - 1; si >= 0 && si >= d.meetSent-2; si-- {
		s := &d.sents[si]
		if len(d.mentions[si]) > 0 || !hasMeetingVerb(s.tokens) || earlierMeeting(s, d.anchor) {
			continue
		}
		out = append(out, listedCountries(s)...)
		out = append(out, centralAsianFive(s)...)
	}
	return out
}

// compoundCountries returns the countries of a hyphenated compound
// before the meeting verb: "Russian-Uzbekistani talks", "China-Kazakhstan
// summit talks".
func compoundCountries(s *sentence) []string {
	toks := s.tokens
	var out []string
	for _, pl := range s.places {
		if pl.exact || pl.kind == gazetteer.MentionCity || pl.i >= len(toks) || !strings.Contains(toks[pl.i].text, "-") {
			continue
		}
		if pl.j < len(toks) && !meetingNouns[toks[pl.j].low] && !meetingVerbs[toks[pl.j].low] {
			continue
		}
		out = append(out, pl.code)
	}
	if len(sortedCodes(out)) < 2 {
		return nil
	}
	return out
}

// titleCountries returns the countries and demonyms a title names.
func titleCountries(title string) []string {
	var out []string
	for _, m := range gazetteer.Scan(title) {
		if m.Kind != gazetteer.MentionCity {
			out = append(out, m.Code)
		}
	}
	return out
}

// centralAsia are the five states of the C5 (general knowledge: the
// "5" of the C5+1 format and of "the five Central Asian countries").
var centralAsia = []string{"KZ", "KG", "TJ", "TM", "UZ"}

// centralAsianFive returns the five Central Asian states when the meeting
// sentence meets them together: "hosted the C5+1 Summit", "met with the
// presidents of the five Central Asian countries". A C5+1 meeting on
// whose sidelines the leaders met does not count.
func centralAsianFive(s *sentence) []string {
	toks := s.tokens
	for i, t := range toks {
		switch {
		case t.text == "C5+1" || t.low == "c5":
			// "the C5+1 Summit", "the C5+1 Energy Ministerial"; not "to
			// discuss C5+1 cooperation"
			if !c5Nouns[tokLow(toks, i+1)] && !(tokAt(toks, i+1).cap && c5Nouns[tokLow(toks, i+2)]) {
				continue
			}
			for k := max(0, i-4); k < i; k++ {
				if l := toks[k].low; l == "sidelines" || l == "margins" || l == "ahead" || l == "eve" {
					return nil
				}
			}
			return centralAsia
		case strings.HasSuffix(t.low, "-central") && tokLow(toks, i+1) == "asia":
			// "the China-Central Asia Summit", "the Seventh China-Central
			// Asia Foreign Ministers' Meeting": the country and the five.
			code, ok := gazetteer.LookupCountry(t.text[:len(t.text)-len("-central")])
			if !ok {
				continue
			}
			switch tokLow(toks, i+2) {
			case "summit", "meeting", "ministerial", "foreign", "leaders", "format", "dialogue":
			default:
				continue
			}
			// Only the meeting itself: "chaired the ... Meeting", not "met
			// on the sidelines of" or "as they prepare for" the summit.
			chaired := false
			for k := max(0, i-6); k < i; k++ {
				switch toks[k].low {
				case "sidelines", "margins", "ahead", "eve", "during", "before", "after", "prepare", "preparing", "preparation":
					return nil
				case "chaired", "co-chaired", "chairs", "co-chairs", "chairing", "co-chairing", "hosted", "hosts", "addressed", "attended":
					chaired = true
				}
			}
			if chaired {
				return append([]string{code}, centralAsia...)
			}
		case t.low == "central" && tokLow(toks, i+1) == "asian":
			switch tokLow(toks, i+2) {
			case "countries", "states", "leaders", "presidents", "heads", "nations":
				if tokLow(toks, i-1) == "five" || tokLow(toks, i-1) == "the" && (tokLow(toks, i-2) == "of" || tokLow(toks, i-2) == "with") {
					return append(partnerAfter(s, i+3), centralAsia...)
				}
			}
		}
	}
	return nil
}

// c5Nouns name a gathering of the C5+1 format.
var c5Nouns = makeSet(`summit ministerial meeting format leaders presidential foreign ministers`)

// partnerAfter returns the country joined to the five at token k: "the
// ministers of the Central Asian states and the Russian Federation".
func partnerAfter(s *sentence, k int) []string {
	if tokLow(s.tokens, k) != "and" {
		return nil
	}
	k++
	if tokLow(s.tokens, k) == "the" {
		k++
	}
	if pi := s.placeAt(k); pi >= 0 && s.places[pi].kind == gazetteer.MentionCountry {
		return []string{s.places[pi].code}
	}
	return nil
}

// pluralRoles head "the foreign ministers of A, B and C", "senior
// officials from A, B and C".
var pluralRoles = makeSet(`ministers leaders presidents heads counterparts delegations officials representatives`)

// listedCountries returns the countries listed after a plural role in s:
// "the foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan,
// Turkmenistan, and Uzbekistan", "the leaders of Russia and Belarus".
func listedCountries(s *sentence) []string {
	toks := s.tokens
	var out []string
	for i := 0; i+2 < len(toks); i++ {
		if toks[i+1].low != "of" && toks[i+1].low != "from" && toks[i+1].low != "between" || !pluralRoles[toks[i].low] && !gatheringNouns[toks[i].low] && !meetingNouns[toks[i].low] {
			continue // "the foreign ministers of", "senior officials from", "a summit of A, B and C"
		}
		k := i + 2
		if toks[k].low == "the" {
			k++
		}
		var list []string
		for k < len(toks) {
			pi := s.placeAt(k)
			if pi < 0 || s.places[pi].kind != gazetteer.MentionCountry {
				break
			}
			list = append(list, s.places[pi].code)
			k = s.places[pi].j
			for k < len(toks) && (toks[k].text == "," || toks[k].low == "and" || toks[k].low == "the") {
				k++
			}
		}
		if len(list) >= 2 {
			out = append(out, list...)
		}
	}
	return out
}

// inferCountries gives a country to each principal whose title named none
// ("President Xi Jinping", "National Security Advisor Jake Sullivan"), from
// the strongest evidence first, each pass over all such principals so that
// weaker evidence for one cannot take a country that stronger evidence
// gives another: the country the person speaks for ("Xi said China is
// ready"); the host's country when the person received the other in a
// place of the host's country ("President Erdoğan received ... at the
// Presidential Complex"); the publisher (a government's readout names its
// own officials bare); else the country the text names most that no other
// principal holds, with the publisher's domain as a tie-breaker.
func (d *docCtx) inferCountries() {
	taken := map[string]bool{}
	for _, p := range d.people {
		if p.principal && p.country != "" {
			taken[p.country] = true
		}
	}
	// The country of an office a principal addresses is the other
	// side's, never the principal's own.
	addressed := map[*person]string{}
	give := func(p *person, c string) {
		if c != "" && !taken[c] && p.country == "" && addressed[p] != c {
			p.country = c
			taken[c] = true
		}
	}
	unknown := func(yield func(*person) bool) {
		for _, p := range d.people {
			if p.principal && p.country == "" && !orgRole(p.role) && !yield(p) {
				return
			}
		}
	}
	for p := range unknown {
		best, bestN := "", 0
		for c, n := range d.speechCountries(p) {
			if !taken[c] && (n > bestN || n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		give(p, best)
	}
	for p := range unknown {
		// "Hegseth told Uzbekistan's defense minister ... Hegseth met
		// Lt. Gen. Shukhrat Khalmukhamedov": the one other principal
		// without a country holds the office addressed, which keeps
		// the meeting two-sided.
		if c := d.addressedCountry(p); c != "" {
			addressed[p] = c
			if q := d.otherUnknown(p); q != nil {
				give(q, c)
			}
		}
	}
	if h := d.host(); h != nil {
		give(h, d.meeting.Country)
	}
	for p := range unknown {
		give(p, d.visitedHost(p))
		give(p, d.delegationCountry(p))
	}
	for p := range unknown {
		give(p, d.sourceCC)
		break // the publisher speaks for one of them
	}
	var counts map[string]int
	var placeCountry map[string]bool
	for p := range unknown {
		if counts == nil {
			counts, placeCountry = d.countryCounts()
			// The title names the parties more surely than a passing
			// mention in the text ("Presidents of Kyrgyzstan and
			// Kazakhstan meet in Karakol").
			for _, c := range titleCountries(d.title) {
				counts[c] += 2
			}
		}
		best, bestN := "", 0
		for c, n := range counts {
			if taken[c] || placeCountry[c] {
				continue
			}
			if c == d.sourceCC {
				n++
			}
			// A tie goes to the host: the one leader without a
			// country is more often at home than a third country's.
			if n > bestN || n == bestN && (c == d.meeting.Country || c < best && best != d.meeting.Country) {
				best, bestN = c, n
			}
		}
		give(p, best)
	}
	// "Secretary Blinken met with Foreign Minister Murat Nurtleu in
	// Astana": with no other evidence, the one whose country nothing
	// names is at home.
	for p := range unknown {
		give(p, d.meeting.Country)
		break
	}
	// "Akim of Karaganda region X held talks with the Head of the
	// Republic of Bashkortostan Y ... recalled his visit to Ufa": a
	// leader of a region that no country names, from the one other
	// country whose cities the text names.
	for p := range unknown {
		give(p, d.cityCountry(taken))
	}
}

// addressVerbs take the person a principal meets or speaks to as their
// object: "told Uzbekistan's defense minister", "met the Chinese
// ambassador".
var addressVerbs = makeSet(`told tells met meets received receives hosted hosts welcomed welcomes`)

// addressedCountry returns the country of an office that p addresses
// without naming its holder: "Defense Secretary Pete Hegseth told
// Uzbekistan's defense minister", "X received the Chinese ambassador";
// "" when no sentence has p address such an office.
func (d *docCtx) addressedCountry(p *person) string {
	for si, ms := range d.mentions {
		s := &d.sents[si]
		toks := s.tokens
		for _, pm := range ms {
			if pm.p != p {
				continue
			}
			k := pm.j
			for k < len(toks) && k < pm.j+2 && isAdverb(toks[k].low) {
				k++
			}
			if !addressVerbs[tokLow(toks, k)] {
				continue
			}
			k++
			if l := tokLow(toks, k); l == "the" || l == "his" || l == "her" {
				k++
			}
			c := s.countryAt(k)
			if c == "" {
				continue
			}
			k = s.places[s.placeAt(k)].j
			if k < len(toks) && toks[k].kind == tPoss {
				k++
			}
			if h := officeHeadAt(toks, k); h > k && !nameWord(s, h) {
				return c // the office's holder is not named here
			}
		}
	}
	return ""
}

// officeHeadAt returns the token after an office's title that starts at
// k and ends in its head ("defense minister", "Foreign Minister",
// "counterpart"), k when no title starts there.
func officeHeadAt(toks []token, k int) int {
	for e := k; e < len(toks) && e < k+4; e++ {
		l := toks[e].low
		if newsTitleHeads[l] {
			return e + 1
		}
		if toks[e].kind != tWord || !roleOrgWords[l] && !titleWords[l] {
			return k
		}
	}
	return k
}

// otherUnknown returns the one principal other than p without a country,
// nil when there is none or more than one.
func (d *docCtx) otherUnknown(p *person) *person {
	var found *person
	for _, q := range d.people {
		if q == p || !q.principal || q.country != "" || orgRole(q.role) {
			continue
		}
		if found != nil {
			return nil
		}
		found = q
	}
	return found
}

// cityCountry returns the country, not in taken, of the cities the text
// names, "" when none or several.
func (d *docCtx) cityCountry(taken map[string]bool) string {
	found := ""
	for _, s := range d.sents {
		for _, pl := range s.places {
			if pl.kind != gazetteer.MentionCity || taken[pl.code] || pl.code == found {
				continue
			}
			if found != "" {
				return ""
			}
			found = pl.code
		}
	}
	return found
}

// hostVerbs make their subject the host of the meeting.
var hostVerbs = makeSet(`received receives hosted hosts welcomed welcomes chaired chairs`)

// host returns the principal who received the other in the meeting
// sentence ("President Erdoğan received Prime Minister X"), nil when the
// sentence names no host.
func (d *docCtx) host() *person {
	if d.meetSent < 0 {
		return nil
	}
	toks := d.sents[d.meetSent].tokens
	ms := d.mentions[d.meetSent]
	if len(ms) == 0 {
		return nil
	}
	for k := ms[0].j; k < len(toks) && k <= ms[0].j+2; k++ {
		if hostVerbs[toks[k].low] {
			return ms[0].p
		}
		if !isAdverb(toks[k].low) && toks[k].low != "," {
			break
		}
	}
	return nil
}

// secondParty completes a meeting with one party found when the text
// speaks of "the two sides", "both sides" or "the parties": the other
// party is the country named most often as a possible party.
func (d *docCtx) secondParty(parties []string) []string {
	if len(parties) != 1 || !d.twoSided() || d.orgHeadMet() {
		return parties // the other side may be an organisation (orgHeadMet)
	}
	for _, p := range d.people {
		if p.principal && orgRole(p.role) {
			return parties // the other side is an organisation
		}
	}
	counts, placeCountry := d.countryCounts()
	best, bestN := "", 0
	for c, n := range counts {
		if c == parties[0] || placeCountry[c] {
			continue
		}
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	if best == "" {
		return parties
	}
	return append(parties, best)
}

// twoSided reports whether the text speaks of both sides of a meeting.
func (d *docCtx) twoSided() bool {
	for _, s := range d.sents {
		toks := s.tokens
		for k := 0; k+1 < len(toks); k++ {
			if (toks[k].low == "two" || toks[k].low == "both") && (toks[k+1].low == "sides" || toks[k+1].low == "countries" || toks[k+1].low == "parties") ||
				toks[k].low == "the" && toks[k+1].low == "parties" {
				return true
			}
		}
	}
	return false
}

// countryCounts counts the countries the text names as possible parties,
// and marks those named as the meeting's place. A country named only as
// a place ("in Malta", "the situation in Afghanistan") or as the object of
// another's action ("war against Ukraine", "Sweden's accession to NATO",
// "support Ukraine's sovereignty") is not counted.
func (d *docCtx) countryCounts() (map[string]int, map[string]bool) {
	counts := map[string]int{}
	placeCountry := map[string]bool{}
	for si, s := range d.sents {
		for k, pl := range s.places {
			if pl.kind == gazetteer.MentionCity {
				continue
			}
			// "in Malta", "in Bali, Indonesia": a place, not a party.
			if prev := tokLow(s.tokens, pl.i-1); prev == "in" || prev == "," && pl.kind == gazetteer.MentionCountry && k > 0 && s.places[k-1].kind == gazetteer.MentionCity {
				if si == d.meetSent {
					placeCountry[pl.code] = true
				}
				continue
			}
			if objectCountry(s.tokens, pl.i, pl.j) {
				continue
			}
			counts[pl.code]++
		}
	}
	return counts, placeCountry
}

// objectNouns, after a country's possessive, make the country what is
// talked about: "Ukraine's sovereignty", "Sweden's accession".
var objectNouns = makeSet(`sovereignty accession war aggression invasion territorial independence membership situation crisis conflict reconstruction security people`)

// objectCountry reports whether the country over tokens [i, j) is the
// object of another's action or a topic: "war against Ukraine", "the
// situation in Afghanistan", "Sweden's accession to NATO".
func objectCountry(toks []token, i, j int) bool {
	switch tokLow(toks, i-1) {
	case "against", "on", "about", "regarding", "concerning", "into":
		return true
	}
	if p := tokLow(toks, j); p == "'s" || p == "’s" || p == "'" || p == "’" {
		return objectNouns[tokLow(toks, j+1)] || tokLow(toks, j+1) == "s" && objectNouns[tokLow(toks, j+2)]
	}
	return false
}

// publisherCountry finds the publisher of a readout whose address gives
// none: "the press service of the President of X", "the Ministry of
// Foreign Affairs of X", "the Embassy of X" in the title or the first
// sentences.
func (d *docCtx) publisherCountry() string {
	for si := 0; si < len(d.sents) && si < 3; si++ {
		s := &d.sents[si]
		toks := s.tokens
		for k := 0; k+2 < len(toks); k++ {
			var of int
			switch {
			case toks[k].low == "press" && tokLow(toks, k+1) == "service" && tokLow(toks, k+2) == "of":
				of = k + 2
			case toks[k].low == "ministry" && tokLow(toks, k+1) == "of" && tokLow(toks, k+2) == "foreign" && tokLow(toks, k+4) == "of":
				of = k + 4
			case toks[k].low == "embassy" && tokLow(toks, k+1) == "of":
				of = k + 1
			case toks[k].low == "press" && tokLow(toks, k+1) == "service" && k > 0:
				// "Akorda press service reports": the seat of government
				// publishes.
				if city, ok := venueCities[toks[k-1].low]; ok {
					if c, ok := gazetteer.LookupCity(city); ok {
						return c.Country
					}
				}
				continue
			default:
				continue
			}
			// "of the President of X": walk to the last "of" before a country.
			for e := of; e < len(toks) && e < of+6; e++ {
				if c := s.countryAt(e); c != "" && (tokLow(toks, e-1) == "of" || tokLow(toks, e-1) == "the" && tokLow(toks, e-2) == "of") {
					return c
				}
			}
		}
	}
	return ""
}

// speechCountries counts the countries that open the clauses a person is
// reported saying ("Xi Jinping stressed that China ...", "China is ready
// to ..., Xi said").
func (d *docCtx) speechCountries(p *person) map[string]int {
	out := map[string]int{}
	key := p.keys
	for _, s := range d.sents {
		said := false
		for i, t := range s.tokens {
			if t.kind == tWord && t.cap && reportedSpeaker(s.tokens, i) && slices.Contains(key, d.personKey(t.text)) {
				said = true
				break
			}
		}
		if !said {
			continue
		}
		for k := 0; k < len(s.tokens); k++ {
			c := s.countryAt(k)
			if c == "" {
				continue
			}
			prev := tokLow(s.tokens, k-1)
			if s.places[s.placeAt(k)].kind != gazetteer.MentionCountry && prev != "the" {
				continue
			}
			if e := s.places[s.placeAt(k)].j; prev == "the" && (tokLow(s.tokens, e) == "side" || tokLow(s.tokens, e) == "government") {
				// "Li Qiang said that the Chinese side is ready to"
				if p2 := tokLow(s.tokens, k-2); p2 == "that" || p2 == "said" || p2 == "," || k == 1 {
					if next := tokLow(s.tokens, e+1); next == "is" || next == "will" || next == "firmly" || next == "supports" || next == "has" || next == "always" || next == "stands" {
						out[c]++
					}
				}
				continue
			}
			if prev == "that" || prev == "said" || prev == "," || prev == "—" || k == 0 { // "OMSK — Russia will"
				if next := tokLow(s.tokens, s.places[s.placeAt(k)].j); next == "is" || next == "will" || next == "firmly" || next == "supports" || next == "has" || next == "always" || next == "stands" {
					out[c]++
				}
			}
		}
	}
	return out
}

// hostsAt reports whether a host verb follows the city that ends at token
// j, past the region it lies in: "Samarkand hosted talks between ...", "the
// town of Serhetabat in Mary velayat hosted the meeting", "Shahrisabz in the
// Kashkadarya region hosts the council", "the town of Muynak in the Republic
// of Karakalpakstan hosted" (any capitalised name of a place after "in").
func hostsAt(toks []token, j int) bool {
	if tokLow(toks, j) == "in" {
		k := j + 1
		if tokLow(toks, k) == "the" {
			k++
		}
		n := k
		for ; k < len(toks) && k < n+5 && toks[k].kind == tWord && (toks[k].cap || k > n && nameJoiner(toks, k)); k++ {
		}
		if l := tokLow(toks, k); regionNouns[l] || localRegionNouns[l] {
			j = k + 1
		} else if k > n && toks[k-1].cap {
			j = k // "the town of Muynak in the Republic of Karakalpakstan hosted"
		}
	}
	n := tokLow(toks, j)
	return n == "hosted" || n == "hosts"
}

// meetingPlace reads the city and country of the meeting: a city after "in"
// or "at" in the meeting sentence, a seat of government named as the venue
// there or in the next sentence ("held talks ... at the Akorda"), the
// dateline's city, a city the gazetteer lacks ("Summit in Khankendi"), or a
// country after "in" ("in Malta": country only). A call has no place: the
// dateline of a call's readout is where it was published.
func (d *docCtx) meetingPlace(s *sentence) {
	m := &d.meeting
	if meetingKind(s.tokens) == schema.MeetingCall {
		return
	}
	for _, pl := range s.places {
		if pl.kind != gazetteer.MentionCity || plannedAt(s.tokens, pl.i) || ruledOut(s.tokens, pl.i) || regionOfCity(s.tokens, pl) {
			continue // "not in Ashgabat but in the port city of Turkmenbashi", "in Almaty Region"
		}
		if prev := tokLow(s.tokens, pl.i-1); (prev == "in" || prev == "at" || nearPreps[prev]) && !topicNouns[tokLow(s.tokens, pl.i-2)] || cityOf(s, pl.i) || townSite(s.tokens, pl) {
			m.City, m.Country = pl.city, pl.code
			return
		}
		if hostsAt(s.tokens, pl.j) {
			// "Samarkand hosted talks between ...": the city is the host
			m.City, m.Country = pl.city, pl.code
			return
		}
	}
	if c, ok := d.cityBefore(s); ok {
		m.City, m.Country = c.Name, c.Country
		return
	}
	for si := s.idx; si < len(d.sents) && si <= s.idx+1; si++ {
		if v := venue(d.sents[si].tokens); v != "" {
			if city, ok := seatCity(v); ok {
				if c, ok := gazetteer.LookupCity(city); ok {
					m.City, m.Country = c.Name, c.Country
					return
				}
			}
		}
	}
	if c, ok := venueNameCity(s); ok {
		m.City, m.Country = c.Name, c.Country
		return
	}
	if city := eventCity(s.tokens); city != "" {
		if c, ok := gazetteer.LookupCity(city); ok {
			m.City, m.Country = c.Name, c.Country
			return
		}
	}
	if c, ok := gatheringCity(s); ok {
		m.City, m.Country = c.Name, c.Country
		return
	}
	// "during a working visit to Bishkek", "in the Kazakh capital", "The
	// talks took place in Samarkand": the place named by the visit, by the
	// capital of a country, or by the sentence after the meeting's.
	if c, ok := visitCity(s); ok {
		m.City, m.Country = c.Name, c.Country
		return
	}
	if c, ok := capitalCity(s); ok {
		m.City, m.Country = c.Name, c.Country
		return
	}
	if s.idx+1 < len(d.sents) && !pastDated(d.sents[s.idx+1].tokens, d.anchor) { // not "the forum was held in Chelyabinsk in November 2017"
		if c, ok := heldInCity(&d.sents[s.idx+1]); ok {
			m.City, m.Country = c.Name, c.Country
			return
		}
	}
	for si := s.idx - 1; si >= 0 && si >= s.idx-2; si-- {
		if c, ok := d.leadMeeting(&d.sents[si]); ok {
			m.City, m.Country = c.Name, c.Country
			d.visitSent = si + 1
			return
		}
	}
	// "President X, who arrived in Astana (in the Kazakh capital, in
	// ancient Khiva, in our country) on a state visit": where the visitor
	// came, in the meeting's sentence or one near it.
	for si := max(0, s.idx-3); si <= s.idx+1 && si < len(d.sents); si++ {
		if pastDated(d.sents[si].tokens, d.anchor) {
			continue
		}
		city, code := d.arrivedPlace(&d.sents[si])
		if city != "" {
			m.City, m.Country = city, code
			return
		}
		if code != "" && m.Country == "" {
			m.Country = code // a host country; a city may follow
		}
	}
	// "He stated it during an official visit to Moscow. At a meeting with
	// Japarov, Putin ...": the visit of a neighbouring sentence.
	for si := max(0, s.idx-3); si <= s.idx+1 && si < len(d.sents); si++ {
		if si != s.idx && !pastDated(d.sents[si].tokens, d.anchor) {
			if c, ok := visitCity(&d.sents[si]); ok {
				m.City, m.Country = c.Name, c.Country
				d.visitSent = si + 1
				return
			}
		}
	}
	if city, code := d.heldInArea(s); city != "" {
		m.City, m.Country = city, code
		return
	}
	// "I am glad to welcome you to Kazan": the host's greeting in the
	// opening remarks after the meeting sentence.
	for si := s.idx; si < len(d.sents) && si <= s.idx+4; si++ {
		if c, ok := welcomedTo(&d.sents[si]); ok {
			m.City, m.Country = c.Name, c.Country
			return
		}
	}
	if city, code := d.placedTown(s); city != "" && d.dl != nil {
		m.City, m.Country = city, code
		return
	}
	if d.dl != nil {
		if c, ok := gazetteer.LookupCity(d.dl.place); ok {
			m.City, m.Country = cityAsWritten(c.Name, d.dl.place), c.Country
			return
		}
		if code, ok := gazetteer.LookupCountry(d.dl.country); ok {
			// "Khankendi (Azerbaijan), 4 July 2024:": a town the
			// gazetteer lacks, placed by its country.
			m.City, m.Country = nameCase(d.dl.place), code
			return
		}
		if _, isCountry := gazetteer.LookupCountry(d.dl.place); !isCountry && d.dl.place != "" {
			// "GABALA. KAZINFORM –": a town the gazetteer lacks; the
			// report is filed where the meeting took place.
			m.City = nameCase(d.dl.place)
			return
		}
	}
	if city, code := d.unknownCity(s); city != "" {
		m.City, m.Country = city, code
		if code != "" {
			return
		}
	}
	for _, pl := range s.places {
		if pl.kind == gazetteer.MentionCountry && tokLow(s.tokens, pl.i-1) == "in" && !plannedAt(s.tokens, pl.i) {
			// "who is in China for the summit" names the host country of
			// a visit; keep looking for a city in the next sentences. A
			// meeting still to come is elsewhere: "agreed to hold their
			// next meeting in Turkmenistan".
			m.Country = pl.code
			break
		}
	}
	if m.Country == "" {
		// "a working visit to the People's Republic of China", "who is
		// visiting Japan"
		for _, pl := range s.places {
			if p := tokLow(s.tokens, pl.i-1); pl.kind == gazetteer.MentionCountry && (p == "to" || p == "visiting" || tokLow(s.tokens, pl.i-2) == "to") {
				m.Country = pl.code
				break
			}
		}
	}
}

// gatheringCity returns the city a gathering the meeting was held at is
// named after: "on the sidelines of the Astana International Forum", "at
// the St. Petersburg International Economic Forum"; not one still to come
// ("invited him to the Tashkent Investment Forum") or an organisation's.
func gatheringCity(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	for _, pl := range s.places {
		if pl.kind != gazetteer.MentionCity || !pl.exact || tokLow(toks, pl.i-1) != "the" || plannedAt(toks, pl.i) {
			continue
		}
		for k := pl.j; k < len(toks) && k < pl.j+6 && (toks[k].cap || nameJoiner(toks, k)) && toks[k].kind == tWord && !orgNameWords[toks[k].low]; k++ {
			if gatheringNouns[toks[k].low] {
				return placeCity(pl)
			}
		}
	}
	return gazetteer.City{}, false
}

// nameJoiner reports whether the lower-case word at k joins two
// capitalised words of one name, a closed class of English conjunctions
// and prepositions: "Tyumen Oil and Gas Forum", "Congress Centre of the
// Silk Road".
func nameJoiner(toks []token, k int) bool {
	switch toks[k].low {
	case "and", "&", "for":
		return k+1 < len(toks) && toks[k+1].cap && toks[k+1].kind == tWord
	}
	return ofThe(toks, k) // "of", "of the"
}

// venueNameCity returns the city a venue of the meeting sentence is named
// after: "at the Shanghai Exhibition Center", "held at the Congress Centre
// of the Silk Road Samarkand tourist complex". The city must lie inside a
// capitalised name after "at the" or "in the", and not open one that names
// an organisation ("at the Shanghai Cooperation Organisation summit") or a
// region ("in the Samarkand region").
func venueNameCity(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	for _, pl := range s.places {
		if pl.kind != gazetteer.MentionCity || !pl.exact || plannedAt(toks, pl.i) || regionOfCity(toks, pl) {
			continue
		}
		b := pl.i - 1
		for b >= 0 && toks[b].kind == tWord && (toks[b].cap || toks[b].low != "the" && nameJoiner(toks, b) || toks[b].low == "the" && tokLow(toks, b-1) == "of") {
			b--
		}
		if tokLow(toks, b) != "the" || tokLow(toks, b-1) != "at" && tokLow(toks, b-1) != "in" {
			continue
		}
		e := pl.j
		for e < len(toks) && toks[e].kind == tWord && (toks[e].cap || nameJoiner(toks, e)) {
			e++
		}
		if b+1 == pl.i && e == pl.j {
			continue // "in the Tashkent region": the city opens no name
		}
		org := false
		for k := b + 1; k < e; k++ {
			org = org || orgNameWords[toks[k].low] || gatheringNouns[toks[k].low] && plannedAt(toks, b)
		}
		if !org {
			return placeCity(pl)
		}
	}
	return gazetteer.City{}, false
}

// orgNameWords make a city's name an organisation's, whose summit is held
// anywhere: "the Shanghai Cooperation Organisation Summit".
var orgNameWords = makeSet(`cooperation organisation organization treaty pact`)

// welcomedTo returns the city a host welcomes the guests to: "I am glad to
// welcome you to Kazan", "welcomed Chancellor Merz to Aktau", "Welcome to
// Astana"; not "welcome Chinese investors to Tashkent".
func welcomedTo(s *sentence) (gazetteer.City, bool) {
	for i, t := range s.tokens {
		if welcomeWords[t.low] {
			if pi := s.placeAt(welcomeTarget(s.tokens, i)); pi >= 0 && s.places[pi].kind == gazetteer.MentionCity && s.places[pi].exact {
				return placeCity(s.places[pi])
			}
		}
	}
	return gazetteer.City{}, false
}

// welcomedToCity reports whether the welcome word at token i welcomes
// someone to a city: "welcomed President Tokayev to Aktau".
func welcomedToCity(toks []token, i int) bool {
	k := welcomeTarget(toks, i)
	if k < 0 {
		return false
	}
	_, ok := gazetteer.LookupCity(toks[k].text)
	return ok
}

// welcomeTarget returns the index of the word after "to" or "in" that
// follows the welcome word at token i across greeting words or a title
// and a name ("welcome you all to", "welcomed Prime Minister of Kazakhstan
// Olzhas Bektenov to"), or -1.
func welcomeTarget(toks []token, i int) int {
	for k := i + 1; k < len(toks)-1 && k <= i+9; k++ {
		switch l := toks[k].low; {
		case l == "to" || l == "in":
			return k + 1
		case greetingWords[l], l == "of", toks[k].kind == tWord && toks[k].cap:
		default:
			return -1
		}
	}
	return -1
}

// welcomeWords greet a guest.
var welcomeWords = makeSet(`welcome welcomes welcomed`)

// greetingWords may stand between "welcome" and "to" in a host's greeting.
var greetingWords = makeSet(`you all everyone our the dear guest guests friends colleagues delegation here again once`)

// townSite reports whether the city at pl names the site the meeting was
// at: "at the Erenhot checkpoint", "at the Khorgos border crossing", "in
// the Osh airport", "at the Aktau seaport"; not a part of a name ("the
// Kyzyl-Bel checkpoint").
func townSite(toks []token, pl place) bool {
	p := tokLow(toks, pl.i-2)
	return pl.exact && tokLow(toks, pl.i-1) == "the" && (p == "at" || p == "in") && siteNouns[tokLow(toks, pl.j)]
}

// siteNouns after a town's name make a site of it (see townSite).
var siteNouns = makeSet(`border checkpoint crossing airport port seaport`)

// nearPreps set a venue by a city it is close to: "at a residence outside
// Moscow", "in the foothills above Almaty", "at a resort near Issyk-Kul".
var nearPreps = makeSet(`near outside above overlooking`)

// ruledOut reports whether the place at token i is named as where the
// meeting was not: "not in Ashgabat but in ...", "rather than in the capital
// Astana", "instead of Tashkent". It looks back within the clause.
func ruledOut(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].low {
		case "not", "than", "instead":
			return true
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// cityBefore reads the town a meeting sentence names only by description,
// "talks ... in the city on April 22", "held in the Jiangsu port city": the
// last city named as a place before it, in the sentence, the three before
// it or the title ("the ring road around Osh, ... in the city").
func (d *docCtx) cityBefore(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	at := -1
	for i := 0; i+2 < len(toks) && at < 0; i++ {
		if toks[i].low != "in" && toks[i].low != "at" || toks[i+1].low != "the" {
			continue
		}
		// Up to two words between: "the eastern port city", "the Jiangsu
		// port city"; no name after: "the city of X" names it.
		for k := i + 2; k < len(toks) && k <= i+4; k++ {
			if townNouns[toks[k].low] && toks[k].low != "capital" && !toks[k].cap && !townNouns[tokLow(toks, k+1)] {
				if n := tokAt(toks, k+1); n.low != "of" && !(n.kind == tWord && n.cap) {
					at = i
				}
				break
			}
			if toks[k].kind != tWord || s.placeAt(k) >= 0 {
				break
			}
		}
	}
	if at < 0 {
		return gazetteer.City{}, false
	}
	if c, ok := lastCityIn(s, at); ok {
		return c, true
	}
	for si := s.idx - 1; si >= 0 && si >= s.idx-3; si-- {
		if pastDated(d.sents[si].tokens, d.anchor) {
			continue // "agreed to set it up during their summit in Seoul in March"
		}
		if c, ok := lastCityIn(&d.sents[si], len(d.sents[si].tokens)); ok {
			return c, true
		}
	}
	if d.title != "" {
		ts := sentence{tokens: tokenize(d.title, 0, len(d.title))}
		ms := gazetteer.Scan(d.title)
		for k := len(ms) - 1; k >= 0; k-- {
			if m := ms[k]; m.Kind == gazetteer.MentionCity {
				for ti, t := range ts.tokens {
					if t.start == m.Start && placePreps[tokLow(ts.tokens, ti-1)] {
						return gazetteer.LookupCity(m.City)
					}
				}
			}
		}
	}
	return gazetteer.City{}, false
}

// placePreps before a city make it a place rather than a government
// ("as Beijing steps up efforts"): "from Lianyungang", "around Osh".
var placePreps = makeSet(`in at from to of around near outside visits visiting`)

// lastCityIn returns the last city named as a place before token end of s.
func lastCityIn(s *sentence, end int) (gazetteer.City, bool) {
	for k := len(s.places) - 1; k >= 0; k-- {
		pl := s.places[k]
		if pl.kind == gazetteer.MentionCity && pl.j <= end && placePreps[tokLow(s.tokens, pl.i-1)] {
			return placeCity(pl)
		}
	}
	return gazetteer.City{}, false
}

// nameCase writes an upper-case dateline place as a name: "CHOLPON-ATA"
// -> "Cholpon-Ata", "XI'AN" -> "Xi'an"; a place not in capitals stays.
func nameCase(place string) string {
	if strings.ToUpper(place) != place {
		return place
	}
	b := []rune(strings.ToLower(place))
	for i := range b {
		if i == 0 || b[i-1] == ' ' || b[i-1] == '-' {
			b[i] = unicode.ToUpper(b[i])
		}
	}
	return string(b)
}

// plannedAt reports whether the place (or date) at token i is where (or
// when) something is still to be held: "agreed ... to hold the next
// meeting of the commission in Dushanbe", "will host the summit in
// Astana", "the summit to be held in Cholpon-Ata in September", "invited
// American companies to the investment forum in June", "by the end of
// June".
func plannedAt(toks []token, i int) bool {
	if deadlineAt(toks, i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-16; k-- {
		switch toks[k].low {
		case ",", ";":
			return false
		case "next", "hold", "host", "convene", "organize", "organise", "will", "invited", "invites", "invite":
			return true // "will set up a joint engineering center in Tashkent, the minister told reporters after talks"
		case "held":
			if tokLow(toks, k-1) == "be" {
				return true
			}
		}
	}
	return false
}

// deadlineAt reports whether the date at token i is a deadline: "by June",
// "by the end of June", "until the middle of 2027".
func deadlineAt(toks []token, i int) bool {
	k := i - 1
	if tokLow(toks, k) == "of" && (tokLow(toks, k-1) == "end" || tokLow(toks, k-1) == "middle" || tokLow(toks, k-1) == "beginning") && tokLow(toks, k-2) == "the" {
		k -= 3
	}
	return tokLow(toks, k) == "by" || tokLow(toks, k) == "until"
}

// cityOf reports whether the city at token i is where something is held,
// named with more than "in": "in the city of Seoul", "in the western oil
// city of Atyrau" (describedTown), "in the capital Ashgabat"
// (capitalNamed), "in Russia's Orenburg".
func cityOf(s *sentence, i int) bool {
	return describedTown(s, i) || capitalNamed(s.tokens, i) || inCountrys(s, i)
}

// inCountrys reports whether "in" and a country's or a region's
// possessive lead to the city at token i: "met in Russia's Orenburg", "in
// China's Xi'an", "in (the) Orenburg region's Sol-Iletsk".
func inCountrys(s *sentence, i int) bool {
	toks := s.tokens
	if i < 3 || toks[i-1].kind != tPoss {
		return false
	}
	if regionNouns[toks[i-2].low] {
		for k := i - 3; k >= 0 && k >= i-5; k-- {
			if l := toks[k].low; l == "in" || l == "at" {
				return true
			}
			if toks[k].low != "the" && !toks[k].cap {
				break
			}
		}
		return false
	}
	if s.countryAt(i-2) == "" {
		return false
	}
	pi := s.placeAt(i - 2)
	p := tokLow(toks, s.places[pi].i-1)
	return p == "in" || p == "at"
}

// capitalNamed reports whether the city at token i is named after the
// word for it: "in the capital Ashgabat", "in the Kazakh capital, Astana".
func capitalNamed(toks []token, i int) bool {
	k := i - 1
	if tokLow(toks, k) == "," {
		k--
	}
	if !townNouns[tokLow(toks, k)] {
		return false
	}
	for k--; k >= 0 && k >= i-5; k-- {
		if toks[k].low == "the" {
			return tokLow(toks, k-1) == "in" || tokLow(toks, k-1) == "at"
		}
		if toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// unknownCity reads a town the gazetteer lacks from "in Khankendi, ...",
// "Summit in Khankendi on July 4", "talks in Orsk with ..." or "received
// in the city of Arkadag the Chairperson ...": one or two capitalised
// words after "in" (or "in the city of") that are no place, person, month
// or institution, followed by a comma, a date, the end of the sentence or
// (after a meeting) "with", unless "city of" named them a town. A country right after it
// (", Azerbaijan", ", northwest China's") gives its country.
func (d *docCtx) unknownCity(s *sentence) (string, string) {
	toks := s.tokens
	// townOf returns the index after "the city of", "the port town of" at
	// k, or -1.
	townOf := func(k int) int {
		if tokLow(toks, k) != "the" {
			return -1
		}
		for n := k + 1; n < len(toks) && n <= k+3 && toks[n].kind == tWord && !toks[n].cap; n++ {
			if townNouns[toks[n].low] && toks[n].low != "capital" && tokLow(toks, n+1) == "of" {
				return n + 2
			}
		}
		return -1
	}
	for i := 0; i+1 < len(toks); i++ {
		k := i + 1
		named, host := false, false // "in the city of Arkadag": the text says it is a town
		switch {
		case toks[i].low == "in" && townOf(k) > 0:
			k = townOf(k)
			named = true
		case toks[i].low == "in":
		case townOf(i) > 0 && (i == 0 || toks[i-1].low != "in"):
			// "the town of Serhetabat in Mary velayat hosted the meeting"
			k, named, host = townOf(i), true, true
		default:
			continue
		}
		j := k
		for j < len(toks) && j < k+2 && toks[j].kind == tWord && toks[j].cap && !notNameWords[toks[j].low] && s.placeAt(j) < 0 && !titleWords[toks[j].low] {
			if _, ok := monthOf(toks[j]); ok {
				break
			}
			j++
		}
		if j == k || d.inPerson(s, k, j) || host && !hostsAt(toks, j) {
			continue
		}
		switch n := tokAt(toks, j); {
		case named, j == len(toks), n.text == ",", n.text == ".", n.low == "on":
		case n.low == "with" && i > 0 && (meetingNouns[toks[i-1].low] || toks[i-1].low == "met"):
			// "after talks in Orsk with Kazakhstan's minister"
		case n.low == "in" && inCountryAt(s, j+1) != "":
			// "met in Beineu in western Kazakhstan": placed by its country
		default:
			if _, ok := monthOf(n); !ok {
				continue
			}
		}
		code := ""
		if tokLow(toks, j) == "in" {
			code = inCountryAt(s, j+1)
		}
		if tokLow(toks, j) == "," {
			c := j + 1
			if compassWords[tokLow(toks, c)] {
				c++ // "in Kashgar, northwest China's Xinjiang"
			}
			code = s.countryAt(c)
			if pi := s.placeAt(c); code == "" && pi >= 0 {
				code = cityRegionCountry(s, pi)
			}
			if code == "" {
				code = townAppositive(s, j+1)
			}
		}
		return joinTokens(toks[k:j]), code
	}
	return "", ""
}

// townAppositive returns the country of an appositive at token k that
// calls the name before it a town and places it: "in Zarafshan, a
// gold-mining town in the Navoi region", "in Beineu, a small rail town in
// western Kazakhstan". The article, at most four words, a town noun (not
// "capital") and "in" a country, or a region named after its city.
func townAppositive(s *sentence, k int) string {
	toks := s.tokens
	if l := tokLow(toks, k); l != "a" && l != "an" {
		return ""
	}
	for n := k + 1; n < len(toks) && n <= k+5 && toks[n].kind == tWord && !toks[n].cap; n++ {
		if !townNouns[toks[n].low] || toks[n].low == "capital" {
			continue
		}
		if tokLow(toks, n+1) != "in" {
			return ""
		}
		c := n + 2
		if tokLow(toks, c) == "the" {
			c++
		}
		if code := inCountryAt(s, c); code != "" {
			return code
		}
		if pi := s.placeAt(c); pi >= 0 {
			return cityRegionCountry(s, pi)
		}
		return ""
	}
	return ""
}

// compassWords place a town within its country, as news agencies write:
// "Kashgar, northwest China's Xinjiang".
var compassWords = makeSet(`north south east west northeast northwest southeast southwest northern southern eastern western
northeastern northwestern southeastern southwestern central`)

// inCountryAt returns the country named at token k, after an optional
// "the" and compass word ("western Kazakhstan"), "" when none is.
func inCountryAt(s *sentence, k int) string {
	if tokLow(s.tokens, k) == "the" {
		k++
	}
	if compassWords[tokLow(s.tokens, k)] {
		k++
	}
	return s.countryAt(k)
}

// heldInArea reads a resort or district the gazetteer lacks, named as
// where the meeting was held and placed in its country: "the summit, held
// in the Awaza national tourist zone of Turkmenistan", "held in the Burabay
// resort area of Kazakhstan". One or two capitalised words that are no
// place or person, up to four lower-case words, "of" and a country. It
// names the place better than a dateline, which is where the agency files.
func (d *docCtx) heldInArea(s *sentence) (string, string) {
	toks := s.tokens
	for i := 1; i+3 < len(toks); i++ {
		if toks[i].low != "in" || toks[i-1].low != "held" {
			continue
		}
		k := i + 1
		if toks[k].low == "the" {
			k++
		}
		j := k
		for j < len(toks) && j < k+2 && regionWord(s, j) {
			j++
		}
		if j == k || d.inPerson(s, k, j) {
			continue
		}
		e := j
		building := false // "held in the Ak Orda residence of ...": a venue, not a town
		for e < len(toks) && e < j+4 && toks[e].kind == tWord && !toks[e].cap && toks[e].low != "of" && !prepositions[toks[e].low] {
			building = building || toks[e].is(wNotName)
			e++
		}
		if code := ofCountry(s, e); code != "" && !building {
			return joinTokens(toks[k:j]), code
		}
	}
	return "", ""
}

// inPerson reports whether tokens [i, j) belong to a person's name.
func (d *docCtx) inPerson(s *sentence, i, j int) bool {
	for _, pm := range d.mentions[s.idx] {
		if pm.i < j && i < pm.j {
			return true
		}
	}
	return false
}

// meetingDate dates the meeting: a date in the meeting sentence ("On the
// afternoon of July 3, 2024", "on Thursday" against the dateline, "today"),
// else the dateline's, else the header's.
func (d *docCtx) meetingDate(s *sentence) {
	m := &d.meeting
	sents := []*sentence{s}
	if d.visitSent > 0 {
		// "He stated it on March 12 during an official visit to Moscow":
		// the sentence that placed the meeting may date it.
		sents = append(sents, &d.sents[d.visitSent-1])
	}
	var arrival schema.Date
	for _, ms := range sents {
		for _, de := range ms.datesAt(d.anchor) {
			if de.date.IsZero() || de.future || startsFrom(ms.tokens, de.i) {
				continue
			}
			if de.date.Precision() == schema.PrecisionDay {
				if arrivalAt(ms.tokens, de.i) {
					if arrival == "" {
						arrival = de.date
					}
					continue
				}
				m.Date = de.date
				return
			}
		}
	}
	if date, ok := d.paragraphDate(s); ok {
		m.Date = date // "... on Thursday, when the city hosted the forum. On its sidelines, X held talks"
		return
	}
	if date, ok := d.leadDate(s); ok {
		m.Date = date
		return
	}
	if i := d.newsLead(); i >= 0 && i != s.idx {
		// A news lead gives the day of a meeting sentence that does not:
		// a standfirst above it ("The energy minister met Alexei Miller
		// in St Petersburg" over "... agreed on June 18 to ..."), or a
		// sentence further down ("Lutnick told Nagaspayev ..." under
		// "... agreed on Tuesday to ...").
		if date, ok := d.reportDay(&d.sents[i]); ok {
			m.Date = date
			return
		}
	}
	if arrival != "" {
		m.Date = arrival // the talks followed the arrival, on a day the text does not give
		return
	}
	if !d.anchor.IsZero() {
		m.Date = schema.DayDate(d.anchor)
	}
}

// arrivalAt reports whether the date at token i dates a visitor's arrival,
// in the clause of an arrival verb ("X, who arrived in Dushanbe on
// Wednesday evening, held talks ...", "flew to Aktau on Monday"): the
// talks may be the day after, which a lead ("announced on Thursday")
// then gives.
func arrivalAt(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-6; b-- {
		if toks[b].kind == tPunct {
			return false
		}
		if arrivalVerbs[toks[b].low] || wentVerbs[toks[b].low] {
			return true
		}
	}
	return false
}

// weeksBefore reports whether s, after the news lead, is dated by a day,
// month or year that ended more than a week before the lead's day: "The
// two presidents spoke by telephone on March 3", "Berdimuhamedov last
// hosted Aliyev in Balkanabat in August 2025" in a report of talks on
// June 11 are background.
func (d *docCtx) weeksBefore(s, lead *sentence) bool {
	day, ok := d.reportDay(lead)
	if !ok {
		return false
	}
	cut := day.Start().AddDate(0, 0, -7)
	for _, de := range s.datesAt(d.anchor) {
		if !de.date.IsZero() && !de.future && de.date.End().Before(cut) {
			return true
		}
	}
	return false
}

// startsFrom reports whether the date at token i is when something agreed
// starts or must be done, not when the meeting was: "will lift the curbs
// from Oct. 1", "starting May 1", "by June".
func startsFrom(toks []token, i int) bool {
	switch tokLow(toks, i-1) {
	case "from", "starting", "effective":
		return true
	}
	return deadlineAt(toks, i)
}

// leadDate dates a meeting sentence that gives no date by the news lead
// before it, one or two sentences back and often a paragraph of its own:
// "Kazakhstan will ..., Tokayev told Bessent on Thursday. \n\n The two men
// met at a residence above Almaty." Only a day of the report's own week
// counts ("on Monday", "today", "May 20"; any full date when nothing dates
// the report), not a date still to come, one that starts or ends what was
// agreed, or a lead about an earlier meeting.
func (d *docCtx) leadDate(s *sentence) (schema.Date, bool) {
	for si := s.idx - 1; si >= 0 && si >= s.idx-2; si-- {
		if earlierMeeting(&d.sents[si], d.anchor) {
			continue
		}
		if date, ok := d.reportDay(&d.sents[si]); ok {
			return date, true
		}
	}
	return "", false
}

// reportDay returns the first day s gives in the report's own week: "on
// Monday", "today", "May 20"; not a date still to come or one that starts
// or ends what was agreed ("from Oct. 1", "by June 5").
func (d *docCtx) reportDay(s *sentence) (schema.Date, bool) {
	for _, de := range s.datesAt(d.anchor) {
		t := de.date.Start()
		if de.future || de.past || de.date.Precision() != schema.PrecisionDay || startsFrom(s.tokens, de.i) || !d.anchor.IsZero() && (t.After(d.anchor) || t.Before(d.anchor.AddDate(0, 0, -7))) {
			continue
		}
		return de.date, true
	}
	return "", false
}

// newsLead returns the index of a news lead, the sentence after a
// dateline or the first of the body under a headline and a standfirst,
// when it reports the meeting by what the sides settled and the day
// ("ORSK, Russia—Moscow and Astana pledged Friday to ..."), or -1. It
// names the meeting better than a later sentence with a meeting verb,
// which is often background.
func (d *docCtx) newsLead() int {
	for i := range d.sents {
		s := &d.sents[i]
		if d.dl != nil && s.start < d.dl.end || d.dl == nil && i < 2 && !leadOutcome(s.tokens) && (d.headline(i) || !d.closesWithStop(i) && d.loneLine(i)) || d.dl == nil && i < 4 && d.stampLine(i) {
			continue
		}
		if !leadOutcome(s.tokens) {
			return -1
		}
		if _, ok := d.reportDay(s); ok && !earlierMeeting(s, d.anchor) {
			return i
		}
		return -1
	}
	return -1
}

// stampLine reports whether sentence si is a line of page furniture that
// dates the page, a byline or a time stamp between a standfirst and the
// lead: "Timur Zhaksybekov | 19 June 2026, 10:45 | Energy", "Updated
// 5:47 PM GMT+5, May 20, 2026".
func (d *docCtx) stampLine(si int) bool {
	if !d.loneLine(si) || d.closesWithStop(si) {
		return false
	}
	line := strings.TrimSpace(d.text[d.sents[si].start:d.sents[si].end])
	_, byline := bylineDate(line)
	_, stamp := stampDate(line)
	return byline || stamp
}

// occasion reads what brought the leaders together: "ahead of the SCO
// Summit", "who is in China for the China-Central Asia Summit", "to attend
// the third Belt and Road Forum for International Cooperation", "As part of
// a working visit to ...".
func (d *docCtx) occasion() string {
	for si := d.meetSent; si >= 0 && si < len(d.sents) && si <= d.meetSent+1; si++ {
		s := &d.sents[si]
		toks := s.tokens
		for i := 0; i < len(toks); i++ {
			trig := false
			switch toks[i].low {
			case "ahead", "sidelines", "margins":
				trig = tokLow(toks, i+1) == "of"
			case "for", "attend", "attending", "during", "at":
				trig = tokLow(toks, i+1) == "the"
				if toks[i].low == "for" && (tokLow(toks, i+2) == "next" || i > 0 && strings.HasPrefix(toks[i-1].low, "prepar")) {
					trig = false // "agreed to prepare for the next summit": a plan, not the occasion
				}
			}
			if trig {
				if name := d.eventName(s, i+2); name != "" {
					return name
				}
			}
			if toks[i].low == "visit" && i >= 1 && (toks[i-1].low == "working" || toks[i-1].low == "state" || toks[i-1].low == "official") && tokLow(toks, i+1) == "to" {
				if pi := s.placeAt(i + 2); pi < 0 && tokLow(toks, i+2) == "the" {
					if pj := s.placeAt(i + 3); pj >= 0 {
						c, _ := gazetteer.CountryByCode(s.places[pj].code)
						return toks[i-1].low + " visit to " + c.Name
					}
				} else if pi >= 0 {
					c, _ := gazetteer.CountryByCode(s.places[pi].code)
					return toks[i-1].low + " visit to " + c.Name
				}
			}
		}
	}
	return ""
}

// eventName reads a named event starting at token i ("the" already
// skipped): capitalised words, with "and", "for", "of", "on" between them
// and an ordinal first, ending in Summit, Forum, Meeting, Conference, ...
func (d *docCtx) eventName(s *sentence, i int) string {
	toks := s.tokens
	if i > 0 && tokLow(toks, i-1) != "the" {
		i--
	}
	start := i
	if i < len(toks) && ordinal(toks[i].low) {
		i++
	}
	last := -1
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if t.kind == tPunct && t.text == "(" {
			// "(SCO)" inside the name
			if j+2 < len(toks) && toks[j+2].text == ")" {
				j += 2
				continue
			}
			break
		}
		if t.kind != tWord {
			break
		}
		if t.cap {
			last = j
			continue
		}
		if t.low == "and" || t.low == "for" || t.low == "of" || t.low == "on" {
			continue
		}
		break
	}
	if last < 0 {
		return ""
	}
	head := toks[last].low
	switch head {
	case "summit", "forum", "meeting", "conference", "session", "assembly", "games", "expo", "exhibition", "congress", "dialogue", "week", "olympics", "ceremony", "celebrations", "parade":
	default:
		return ""
	}
	var words []string
	for j := start; j <= last; j++ {
		t := toks[j]
		if t.kind == tPunct && t.text == "(" && j+2 <= last && toks[j+2].text == ")" {
			j += 2
			continue
		}
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

func ordinal(low string) bool {
	switch low {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next", "upcoming", "annual", "inaugural":
		return true
	}
	return strings.HasSuffix(low, "th") && len(low) <= 4 && low[0] >= '0' && low[0] <= '9'
}

// domainCountry returns the country of a publisher's domain: its
// country-code top-level domain ("mk.china-embassy.gov.cn" -> CN,
// "24.kg" -> KG; "uk" is GB), or US for .gov and .mil, whose registrants
// are US agencies.
func domainCountry(src string) string {
	src = strings.TrimSpace(src)
	u, err := url.Parse(src)
	if err == nil && u.Host == "" && !strings.ContainsAny(src, " :") && strings.Contains(strings.SplitN(src, "/", 2)[0], ".") {
		u, err = url.Parse("https://" + src) // "akorda.kz/en/...": an address without its scheme
	}
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return ""
	}
	tld := host[i+1:]
	switch tld {
	case "gov", "mil":
		return "US"
	case "uk":
		return "GB"
	}
	if len(tld) != 2 {
		return ""
	}
	if c, ok := gazetteer.CountryByCode(tld); ok {
		return c.Code
	}
	return ""
}

// eventCity returns the seat of an event the meeting was held at ("on the
// margins of UNGA", "on the sidelines of the UN General Assembly"), "" when
// the sentence names none.
func eventCity(toks []token) string {
	for i, t := range toks {
		if t.low != "unga" && !(t.low == "general" && tokLow(toks, i+1) == "assembly") {
			continue
		}
		if c, ok := eventCities[t.low]; ok && t.text == "UNGA" {
			return c
		}
		if t.low == "general" && t.cap {
			return eventCities["general assembly"]
		}
	}
	return ""
}

// pastDated reports whether a sentence dates something before the
// anchor ("his visit to Astana last year"): its visit is an earlier one.
func pastDated(toks []token, anchor time.Time) bool {
	for _, de := range findDates(toks, anchor) {
		if de.past || !de.date.IsZero() && de.date.End().Before(anchor) {
			return true
		}
	}
	return false
}

// leadMeeting reads the place of a news report's lead, which tells of the
// meeting before the sentence that names who met: "China and Uzbekistan
// will deepen cooperation ..., as the two countries' top police officers
// met in Beijing on Tuesday." The lead has a meeting verb, a city after
// "in" or "at", and no other time: no date before the last week or still
// to come, and no word that looks back ("last", "previously").
func (d *docCtx) leadMeeting(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	if looksBack(toks) {
		return gazetteer.City{}, false
	}
	dated := false
	for _, de := range findDates(toks, d.anchor) {
		if startsFrom(toks, de.i) {
			continue // "will reopen the market from Sept. 1, the ministers said after talks in Tbilisi"
		}
		// With no publication date, a full date is this report's own.
		if t := de.date.Start(); de.future || de.date.Precision() != schema.PrecisionDay || !d.anchor.IsZero() && (t.Before(d.anchor.AddDate(0, 0, -7)) || t.After(d.anchor)) {
			return gazetteer.City{}, false
		}
		dated = true
	}
	if !hasMeetingVerb(toks) && !sessionHeld(toks) && !hostedGathering(toks) && !(dated && leadOutcome(toks)) { // sessionHeld: "The summit was held in Baku"
		return gazetteer.City{}, false
	}
	for _, pl := range s.places {
		if p := tokLow(toks, pl.i-1); pl.kind == gazetteer.MentionCity && pl.exact && (p == "in" || p == "at" || hostsAt(toks, pl.j) || cityOf(s, pl.i)) && !plannedAt(toks, pl.i) {
			return placeCity(pl) // "... in Beijing on Tuesday", "the city of Navoi hosted the meeting"
		}
	}
	// "was held on 13 March in Oral, West Kazakhstan region": a town
	// the gazetteer lacks (or reads as a word), set in its region.
	if city, code := d.unknownCity(s); city != "" {
		return gazetteer.City{Name: city, Country: code}, true
	}
	return gazetteer.City{}, false
}

// hostedGathering reports whether toks tell that a place hosted a
// gathering, on whose sidelines the meeting of the next sentence was:
// "Today, the Kazakh city of Kokshetau hosted a business forum of the two
// regions. Governor X met with Akim Y on the sidelines of the forum."
func hostedGathering(toks []token) bool {
	for i, t := range toks {
		if t.low != "hosted" && t.low != "hosts" {
			continue
		}
		for _, r := range toks[i+1 : min(i+5, len(toks))] {
			if gatheringNouns[r.low] {
				return true
			}
		}
	}
	return false
}

// leadOutcome reports whether toks tell, as a news lead does, what the
// sides settled at the meeting the report is about: "China and Kyrgyzstan
// will set up ..., the ministers agreed on Thursday in Yangling".
func leadOutcome(toks []token) bool {
	return outcomeAt(toks) >= 0
}

// outcomeVerbs tell what the sides settled: "agreed", "pledged".
var outcomeVerbs = makeSet(`agreed pledged vowed decided`)

// outcomeAt returns the index of the first outcome verb of toks, -1 when
// none.
func outcomeAt(toks []token) int {
	for k, t := range toks {
		if outcomeVerbs[t.low] {
			return k
		}
	}
	return -1
}

// leadParties reads the parties from a news lead set just before the
// meeting sentence, which tells who settled what before it tells where
// they met: "China and the five Central Asian states agreed on Wednesday to
// run ... . The agreement was reached at the third meeting of transport
// ministers ...". The countries before the lead's outcome verb, and the
// five when it names them there. The lead may date the meeting.
func (d *docCtx) leadParties() []string {
	for si := d.meetSent - 1; si >= 0 && si >= d.meetSent-2; si-- {
		s := &d.sents[si]
		end := outcomeAt(s.tokens)
		if end < 0 || earlierMeeting(s, d.anchor) {
			continue
		}
		subj := *s
		subj.tokens = s.tokens[:end]
		var out []string
		for k := range subj.tokens {
			if c := s.countryAt(k); c != "" {
				out = append(out, c)
			}
		}
		out = append(out, centralAsianFive(&subj)...)
		if len(sortedCodes(out)) >= 2 {
			if d.visitSent == 0 {
				d.visitSent = si + 1 // "agreed on Tuesday" dates the meeting too
			}
			return out
		}
	}
	return nil
}

// lookBackWords make a meeting sentence tell of an earlier meeting.
var lookBackWords = makeSet(`last previous previously before earlier ago recalled recalling first since`)

// looksBack reports whether toks tell of an earlier meeting by a word of
// lookBackWords: "their first talks", "had met before". "First" counts only
// before a meeting word ("the first section of the railway" is none) and
// "before" not before a deadline ("before the end of the year").
func looksBack(toks []token) bool {
	for k, t := range toks {
		if !lookBackWords[t.low] {
			continue
		}
		switch n := tokLow(toks, k+1); {
		case t.low == "first" && !meetingNouns[n] && !meetingVerbs[n]:
		case t.low == "before" && n == "the" && tokLow(toks, k+2) == "end":
		default:
			return true
		}
	}
	return false
}

// topicNouns before "in" make the place what is talked about, not where
// the meeting is: "the situation in Bishkek".
var topicNouns = makeSet(`situation stability peace crisis conflict developments events security elections unrest tensions`)

// visitNouns name a journey whose destination is the meeting's place.
var visitNouns = makeSet(`visit trip tour`)

// visitCity reads the city of "on a state visit to Astana", "during his
// working trip to Bishkek", "who is visiting Tashkent".
func visitCity(s *sentence) (gazetteer.City, bool) {
	for _, pl := range s.places {
		if pl.kind != gazetteer.MentionCity || !pl.exact {
			continue
		}
		prev := tokLow(s.tokens, pl.i-1)
		ok := prev == "visiting"
		if prev == "to" {
			for k := pl.i - 2; k >= 0 && k >= pl.i-4; k-- {
				if visitNouns[s.tokens[k].low] {
					ok = true
					break
				}
			}
		}
		if ok {
			return placeCity(pl)
		}
	}
	return gazetteer.City{}, false
}

// placeCity looks up the city of a mention, named as the text names it
// (cityAsWritten).
func placeCity(pl place) (gazetteer.City, bool) {
	c, ok := gazetteer.LookupCity(pl.city)
	if ok {
		c.Name = pl.city
	}
	return c, ok
}

// capitalCity reads "in the Kazakh capital", "in the capital of
// Uzbekistan": the capital of the country named, unless a city follows
// ("the Kazakh capital, Astana", which the city itself places).
func capitalCity(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	for i, t := range toks {
		if t.low != "capital" {
			continue
		}
		code := ""
		switch {
		case s.countryAt(i-1) != "" && (tokLow(toks, i-2) == "the" || s.countryAt(i-2) != ""):
			code = s.countryAt(i - 1)
		case tokLow(toks, i+1) == "of":
			code = s.countryAt(i + 2)
			if code == "" && tokLow(toks, i+2) == "the" {
				code = s.countryAt(i + 3)
			}
		}
		if code == "" {
			continue
		}
		if city, ok := capitalOf(code); ok {
			return city, true
		}
	}
	return gazetteer.City{}, false
}

// capitalOf is the capital city of the country with ISO code code.
func capitalOf(code string) (gazetteer.City, bool) {
	if c, ok := gazetteer.CountryByCode(code); ok && c.Capital != "" {
		if city, ok := gazetteer.LookupCity(c.Capital); ok && city.Country == code {
			return city, true
		}
	}
	return gazetteer.City{}, false
}

// arrivalVerbs say a visitor came to a place, in a report's past or a
// headline's present: "who arrived in Astana", "Tokayev arrives in
// Dushanbe", "arriving in Baku on Monday".
var arrivalVerbs = makeSet(`arrived arrives arrive arriving`)

// wentVerbs say, with "to" and a place, that a visitor went there: "flew
// to Aktau on Wednesday for talks", "travelled to Aktau, where he met".
// Only a place the gazetteer knows follows them ("came to power" does not).
var wentVerbs = makeSet(`flew travelled traveled came went headed`)

// arrivedPlace reads where a visitor arrived: "who arrived in Astana",
// "arrived in ancient Khiva", "arrived in the Kazakh capital", "flew to
// Aktau" give a city
// (a town the gazetteer lacks keeps its name, with no country); "arrived
// in our country" gives the publisher's country only.
func (d *docCtx) arrivedPlace(s *sentence) (city, code string) {
	toks := s.tokens
	for i := 0; i+2 < len(toks); i++ {
		// "flew to Aktau for talks", not "then flew on to Beijing" after
		// the meeting
		travel := wentVerbs[toks[i].low] && toks[i+1].low == "to" && s.idx <= d.meetSent
		if !travel && (!arrivalVerbs[toks[i].low] || toks[i+1].low != "in") {
			continue
		}
		k := i + 2
		if tokLow(toks, k) == "our" && tokLow(toks, k+1) == "country" {
			return "", d.sourceCC // the publisher's, found before the meeting
		}
		if tokLow(toks, k) == "the" {
			k++
			if c := s.countryAt(k); c != "" && tokLow(toks, k+1) == "capital" {
				if city, ok := capitalOf(c); ok {
					return city.Name, c
				}
			}
		}
		if k < len(toks) && toks[k].kind == tWord && !toks[k].cap {
			k++ // "ancient Khiva", "historic Samarkand"
		}
		if pi := s.placeAt(k); pi >= 0 {
			if pl := s.places[pi]; pl.kind == gazetteer.MentionCity {
				return pl.city, pl.code
			}
			return "", ""
		}
		if t := tokAt(toks, k); !travel && t.kind == tWord && t.cap && !titleWords[t.low] && !notNameWords[t.low] && !d.inPerson(s, k, k+1) {
			if _, month := monthOf(t); !month {
				if n := tokAt(toks, k+1); (n.kind != tWord || !n.cap) && !regionNouns[n.low] {
					return t.text, ""
				}
			}
		}
	}
	return "", ""
}

// regionNouns after a name make it a region, not a town: "arrived in
// Surkhandarya region".
var regionNouns = makeSet(`region province oblast district governorate prefecture county state territory krai`)

// placedTown returns a town the gazetteer lacks that the meeting sentence,
// or a sentence with a meeting verb just before it, places in a region or
// country: "met on 16 September in Konaev, Almaty region" under an
// "ASTANA, 17 September" dateline. The text's place beats the dateline's,
// which is where the report was filed.
func (d *docCtx) placedTown(s *sentence) (city, code string) {
	if city, code := d.unknownCity(s); city != "" && code != "" {
		return city, code
	}
	if s.idx > 0 && hasMeetingVerb(d.sents[s.idx-1].tokens) {
		if city, code := d.unknownCity(&d.sents[s.idx-1]); city != "" && code != "" {
			return city, code
		}
	}
	return "", ""
}

// cityRegionCountry returns the country of the city at place pi of s
// when the word after it, in either case, makes the city the name of a
// region ("in Konaev, Almaty region", "in Tobolsk, Tyumen oblast",
// "Pavlodar Region"), else "". (regionOfCity, which keeps such names out
// of a meeting's places, wants the region noun capitalised.)
func cityRegionCountry(s *sentence, pi int) string {
	p := s.places[pi]
	if p.kind != gazetteer.MentionCity {
		return ""
	}
	if n := tokLow(s.tokens, p.j); regionNouns[n] || localRegionNouns[n] {
		return p.code
	}
	return ""
}

// heldInCity reads the place of "The talks took place in Samarkand", "The
// meeting was held in Tashkent", "welcomed at Ashgabat airport, after which
// the talks took place", "The ministers, meeting in the port city of
// Hamburg, adopted ...": a city after "in" or "at" in a sentence that says
// where a meeting was held.
func heldInCity(s *sentence) (gazetteer.City, bool) {
	toks := s.tokens
	said := false
	for i, t := range toks {
		if t.low == "took" && tokLow(toks, i+1) == "place" || (t.low == "held" && i > 0 && (toks[i-1].low == "was" || toks[i-1].low == "were")) || meetingParticiple(toks, i) {
			said = true
			break
		}
	}
	if !said {
		return gazetteer.City{}, false
	}
	for _, pl := range s.places {
		if p := tokLow(toks, pl.i-1); pl.kind == gazetteer.MentionCity && pl.exact && (p == "in" || p == "at" || cityOf(s, pl.i)) && tokLow(toks, pl.i-2) != "not" {
			return placeCity(pl) // "took place not in Dushanbe but in the southern city of Kulob
		}
	}
	return gazetteer.City{}, false
}

// meetingParticiple reports whether token i opens a participial clause set
// off by a comma that places the subject's gathering: "The delegations,
// meeting in Khiva, agreed ...", ", gathered at the Akorda,". The clause
// describes this meeting, as a finite "met in" would.
func meetingParticiple(toks []token, i int) bool {
	if i == 0 || toks[i-1].low != "," {
		return false
	}
	switch toks[i].low {
	case "meeting", "gathered", "gathering", "convening":
		n := tokLow(toks, i+1)
		return n == "in" || n == "at"
	}
	return false
}
