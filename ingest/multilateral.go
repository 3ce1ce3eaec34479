package ingest

import (
	"slices"
	"strings"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// Multilateral meetings: ministerials, councils of an organisation,
// trilaterals. Their readouts name the chair in the meeting sentence and
// the other delegations in a sentence of attendance after it, so the
// parties come from that list rather than from two principals.

// attendanceWindow is how many sentences after the meeting sentence may
// list those who took part.
const attendanceWindow = 3

// attendanceVerbs mark a sentence that says who took part in the meeting:
// "The meeting was attended by", "Taking part were", "Delegations from A
// and B took part", "Turkmenistan was represented by a deputy minister",
// "with the participation of the heads of delegation of A, B and C".
var attendanceVerbs = makeSet(`attended attending participated participating represented participation`)

// joinVerbs say that a delegation joined the meeting: "Joining the talks
// were", "The meeting was joined by".
var joinVerbs = makeSet(`joined joining joins`)

// negations undo an attendance clause: "Armenia ... was not represented".
var negations = makeSet(`not no neither nor never absent`)

// withdrawals undo it too: "Armenia, which has frozen its participation
// in the Organization's activities".
var withdrawals = makeSet(`frozen froze freeze suspended suspend withdrew withdrawn boycotted`)

// attendancePhraseWords are the words other than those of the lists above
// that open a case of attendanceClause ("took part", "present", "brought
// together", "led by"). With the lists they make the word class wAttend: a
// word outside it leaves attendanceClause as it is, so a new case needs its
// word here.
var attendancePhraseWords = makeSet(`taking took take present brought brings bring led headed`)

// multilateralParties adds to the parties found so far those of a
// multilateral meeting that its attendance sentences name
// (attendingCountries) or a lead that reports it without naming anyone
// lists (openingSession), and, once the meeting has more than two parties
// or is a session of a body (sessionSentence), the countries whose
// ministers or leaders speak in the text
// (speakingCountries): "Indian Prime Minister Narendra Modi said ..." at a
// summit whose readout lists no delegations, and those of a news lead
// before the meeting sentence (leadParties); failing three, the members
// of the organisation in session (sessionMembers).
func (d *docCtx) multilateralParties(parties []string) []string {
	if i := d.openingSession(); i >= 0 && i < d.meetSent {
		// "The water ministers of A, B and C met in Kyzylorda. A's
		// minister X hosted the talks with ...": the lead lists them all.
		parties = append(parties, listedCountries(&d.sents[i])...)
	}
	// Only a bilateral's next sentences may tell who attended another
	// event; those of a meeting of three or more tell who attended it.
	parties = append(parties, d.attendingCountries(len(sortedCodes(parties)) != 2)...)
	if len(sortedCodes(parties)) > 2 || d.sessionSentence() >= 0 {
		parties = append(parties, d.speakingCountries()...)
	}
	if len(sortedCodes(parties)) >= 2 {
		// "Pakistan, China, Kazakhstan and Kyrgyzstan agreed on
		// Wednesday to A. The decision was taken at the meeting ...,
		// chaired by Federal Minister X and attended by ...": a news
		// lead names the host the attendance leaves out.
		parties = append(parties, d.leadParties()...)
	}
	if len(sortedCodes(parties)) < 3 {
		parties = append(parties, d.sessionMembers()...)
	}
	if d.publisherTookPart() && len(sortedCodes(parties)) > 2 {
		parties = append(parties, d.sourceCC)
	}
	return parties
}

// publisherTookPart reports whether the body opens on one of the
// publisher's own people, named bare as a government names its own, taking
// part in the meeting: "Mikhail Mishustin took part in a meeting of the
// Council of Heads of Government" on the Russian government's site.
func (d *docCtx) publisherTookPart() bool {
	if d.sourceCC == "" {
		return false
	}
	for i := 0; i < len(d.sents) && i < 2 && i <= d.meetSent; i++ {
		if d.headline(i) {
			continue
		}
		s := &d.sents[i]
		return len(d.mentions[i]) == 0 && s.tokens[0].cap && s.countryAt(0) == "" && tookPart(s.tokens)
	}
	return false
}

// orgMembers are the member states of the regional organisations whose
// sessions readouts report, by ISO 3166-1 alpha-2 code, each from the
// organisation's own list of members (observers, dialogue partners and
// guests left out) as of November 2025: the SCO (sectsco.org, "SCO
// Member States"; Iran since 4 July 2023, Belarus since 4 July 2024), the
// CSTO (odkb-csto.org, "Member States"; Armenia, which froze its
// participation in 2024, is still a member: a readout says when it is
// absent), the EAEU (eaeunion.org, "Member States") and the OTS
// (turkicstates.org, "Member States"), the ECO (eco.int, "Member States";
// ten since 1992), the GCC (gcc-sg.org, "Member States"; six since 1981),
// ASEAN (asean.org, "Member States"; Timor-Leste since 26 October 2025)
// and the Caspian littoral states (the five parties to the Convention on
// the Legal Status of the Caspian Sea, Aktau, 12 August 2018). The CIS is
// left out: whether Moldova and Turkmenistan (an associate member) count
// differs from one source to the next. They give a session's parties only
// when the readout names fewer than three (sessionMembers).
var orgMembers = []struct {
	names   []string // the acronym, the full names and the names of its councils
	members []string
}{
	{[]string{"SCO", "Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"},
		[]string{"BY", "CN", "IN", "IR", "KG", "KZ", "PK", "RU", "TJ", "UZ"}},
	{[]string{"CSTO", "Collective Security Treaty Organization", "Collective Security Treaty Organisation"},
		[]string{"AM", "BY", "KG", "KZ", "RU", "TJ"}},
	{[]string{"EAEU", "EEU", "Eurasian Economic Union", "Supreme Eurasian Economic Council", "Eurasian Intergovernmental Council"},
		[]string{"AM", "BY", "KG", "KZ", "RU"}},
	{[]string{"OTS", "Organization of Turkic States", "Organisation of Turkic States"},
		[]string{"AZ", "KG", "KZ", "TR", "UZ"}},
	{[]string{"ECO", "Economic Cooperation Organization", "Economic Cooperation Organisation"},
		[]string{"AF", "AZ", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR", "UZ"}},
	{[]string{"GCC", "Gulf Cooperation Council", "Cooperation Council for the Arab States of the Gulf"},
		[]string{"AE", "BH", "KW", "OM", "QA", "SA"}},
	{[]string{"ASEAN", "Association of Southeast Asian Nations"},
		[]string{"BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"}},
	{[]string{"Caspian littoral states", "Caspian states", "Caspian Summit", "Caspian littoral countries"},
		[]string{"AZ", "IR", "KZ", "RU", "TM"}},
}

// openingSession returns the index of an opening sentence that reports
// the meeting, with its place or on its full date, without naming anyone:
// "On April 22, 2026, the town of Cholpon-Ata hosted the meeting of the
// ministers of internal affairs of the SCO member states", "The water
// ministers of A, B and C met in Kyzylorda on Wednesday". Readouts of
// meetings of many open so and name the delegations after ("The meeting
// was chaired by ..."), so that the first sentence with a person and a
// meeting verb may be much later and about something else; -1 when there
// is no such sentence.
func (d *docCtx) openingSession() int {
	for i := 0; i < len(d.sents) && i < 2; i++ {
		if d.headline(i) || !d.closesWithStop(i) && d.loneLine(i) {
			continue // a headline, or a deck line under it: "Treasury secretary's trip to ... is the latest sign of ..."
		}
		s := &d.sents[i]
		if len(d.mentions[i]) > 0 || !hasMeetingVerb(s.tokens) && !sessionHeld(s.tokens) ||
			earlierMeeting(s, d.anchor) || sentenceSays(s.tokens, "will", "next") ||
			len(s.places) == 0 && !d.fullDate(s) {
			return -1
		}
		return i
	}
	return -1
}

// fullDate reports whether s dates something on a full day, other than
// a start ("from Oct. 1") or a relative or future day.
func (d *docCtx) fullDate(s *sentence) bool {
	for _, de := range s.datesAt(d.anchor) {
		if !de.relative && !de.future && de.date.Precision() == schema.PrecisionDay && !startsFrom(s.tokens, de.i) {
			return true
		}
	}
	return false
}

// sessionHeld reports whether toks say that a gathering was held or
// opened, or that a group convened: "The 12th summit of the Organization
// of Turkic States was held in Baku", "The forum opened in Almaty",
// "Deputy prime ministers of A, B and C convened in Tashkent".
func sessionHeld(toks []token) bool {
	gathering, group := false, false
	for k, t := range toks {
		switch {
		case gatheringNouns[t.low]:
			gathering = true
		case pluralRoles[t.low]:
			group = true
		case (gathering || group) && (t.low == "convened" || t.low == "gathered" || t.low == "assembled"):
			return true
		case gathering && (t.low == "held" || t.low == "opened" || t.low == "took" && tokLow(toks, k+1) == "place"):
			return true
		}
	}
	return false
}

// sessionMembers returns the members of the organisation whose session
// the meeting sentence reports ("a meeting of the Council of Foreign
// Ministers of the CSTO was held in ...", "the SCO summit opened in
// ..."), nil when it reports none or a meeting on its sidelines, ahead of
// it or at it between some of its members.
func (d *docCtx) sessionMembers() []string {
	si := d.sessionSentence()
	if si < 0 {
		return nil
	}
	s := &d.sents[si]
	text := d.text[s.start:s.end]
	for _, o := range orgMembers {
		for _, name := range o.names {
			if i := strings.Index(text, name); i >= 0 && wordBounded(text, i, i+len(name)) {
				return o.members
			}
		}
	}
	return nil
}

// sessionSentence returns the index of the sentence that reports the
// meeting as a session of a body ("a meeting of the Council of Heads of
// Government was held in ...", "the SCO summit opened in ..."): the
// meeting sentence, or the lead before it that names no one ("The 26th
// meeting of the SCO Council of Heads of State took place in Bishkek. It
// was chaired by ..."); -1 when it reports talks between some of those
// present ("met on the sidelines of the SCO summit", "held talks with").
func (d *docCtx) sessionSentence() int {
	si := d.meetSent
	if i := d.openingSession(); i >= 0 && i < si {
		si = i
	}
	if si < 0 {
		return -1
	}
	session := false
	for _, t := range d.sents[si].tokens {
		switch t.low {
		case "sidelines", "margins", "ahead", "eve", "during", "before", "after", "between", "with":
			return -1 // "met on the sidelines of the SCO summit", "talks with"
		case "summit", "council", "meeting", "session", "ministerial", "conference":
			session = true
		}
	}
	if !session {
		return -1
	}
	return si
}

// wordBounded reports whether text[i:j] stands as whole words.
func wordBounded(text string, i, j int) bool {
	letter := func(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }
	return (i == 0 || !letter(text[i-1])) && (j == len(text) || !letter(text[j]))
}

// speakingCountries returns the countries of the people with a
// government title who speak after the meeting sentence: the subject of
// "said", "stated", "stressed" ("Foreign Minister of Belarus Maxim
// Ryzhenkov said"). An official of an organisation speaks for none.
func (d *docCtx) speakingCountries() []string {
	var out []string
	for si := d.meetSent + 1; si < len(d.sents); si++ {
		toks := d.sents[si].tokens
		for _, pm := range d.mentions[si] {
			p := pm.p
			if p.country == "" || orgOfficial(p) || !govRole(p.role) || !toks[min(pm.j, len(toks)-1)].is(wSay) {
				continue
			}
			out = append(out, p.country)
		}
	}
	return out
}

// govRole reports whether role speaks for a state at a multilateral
// meeting: a leader's (leaderRoles), a minister's ("Prime Minister",
// "Minister of Foreign Affairs") or another that heads a government body
// ("Chairman of the Cabinet of Ministers", "Foreign Secretary", "Secretary
// of the Security Council", "Governor of the Central Bank"); an
// organisation's officials are left out by the caller (orgOfficial).
func govRole(role string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if leaderRoles[w] || stateRoles[w] {
			return true
		}
	}
	return false
}

// stateRoles are the words of a title, other than a leader's, that make
// its holder speak for his state.
var stateRoles = makeSet(`minister vice-president chairman secretary governor`)

// attendingCountries returns the countries whose delegations the meeting
// sentence or the sentences just after it name as taking part: "Taking
// part in the meeting were Foreign Minister of the Republic of Belarus X,
// ...", "which was attended by ... and a delegation of the Ministry of
// Agriculture of Turkmenistan", "Delegations from Belarus, China, India
// ... took part", "Kazakhstan's X and Uzbekistan's Y attended, while
// Turkmenistan was represented by a deputy minister". A clause that denies
// attendance ("was not represented") adds nothing; an earlier meeting
// recalled in the window is skipped. When the meeting sentence already
// names two parties' principals (after is false), only that sentence
// counts, with those of the next sentences that open on the meeting itself
// ("The meeting was also attended by ...", "It was attended by ..."): a
// bilateral's next sentences may tell who attended another event ("Xi is
// in Astana for the SCO summit, attended by the leaders of ...").
func (d *docCtx) attendingCountries(after bool) []string {
	if d.meetSent < 0 {
		return nil
	}
	var out []string
	for si := d.meetSent; si < len(d.sents) && si <= d.meetSent+attendanceWindow; si++ {
		s := &d.sents[si]
		if si > d.meetSent && !after && !opensOnMeeting(s.tokens) {
			continue
		}
		cs := attendanceClauses(s)
		if len(cs) == 0 || earlierMeeting(s, d.anchor) || si > d.meetSent && d.recalledDate(s.tokens) {
			continue // "the ceremony he attended with the Uzbek delegation on December 27, 2024"
		}
		out = append(out, cs...)
	}
	return out
}

// opensOnMeeting reports whether toks open with the meeting reported, or
// its delegations, as their subject, or with the attendance itself: "The
// meeting was also attended by", "It was attended by", "Delegations were
// led by", "Also present were", "Joining the talks were", "Taking part
// were".
func opensOnMeeting(toks []token) bool {
	switch tokLow(toks, 0) {
	case "it", "delegations", "also", "attending", "joining", "present", "participating":
		return true
	case "taking":
		return tokLow(toks, 1) == "part"
	case "the", "this":
		return meetingNouns[tokLow(toks, 1)] || tokLow(toks, 1) == "delegations"
	}
	return false
}

// attendanceClauses returns the countries named in the clauses of s that
// report attendance. Clauses end at clauseJoints, so that "A and B attended, while C was not represented" keeps
// A and B.
func attendanceClauses(s *sentence) []string {
	toks := s.tokens
	var out []string
	from := 0
	listing := false // the last clause attended and ended at a semicolon
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) {
			if !clauseJoints[toks[k].low] {
				continue
			}
		}
		attended := attendanceClause(toks[from:k]) || listing && attendeeListItem(toks[from:k])
		if attended {
			out = append(out, clauseCountries(s, from, k)...)
		}
		listing = attended && k < len(toks) && toks[k].text == ";"
		from = k + 1
	}
	return out
}

// attendeeListItem reports whether toks, after an attendance clause and
// a semicolon, are the next item of its list of attendees: "H.E. Jeenbek
// Kulubaev, Minister of Foreign Affairs of the Kyrgyz Republic" after "The
// meeting was attended by X, Minister of ... of Y;", "and H.E. Z, ...": a
// name, with its title, and no verb or negation of its own.
func attendeeListItem(toks []token) bool {
	k := 0
	if tokLow(toks, 0) == "and" {
		k = 1
	}
	if k >= len(toks) || !toks[k].cap {
		return false
	}
	for _, t := range toks[k:] {
		if finiteAux[t.low] || negations[t.low] || withdrawals[t.low] {
			return false
		}
	}
	return true
}

// attendanceClause reports whether toks say, without negation or
// withdrawal, that someone took part: "attended", "taking part", "took
// part", "were represented", "brought together".
func attendanceClause(toks []token) bool {
	found := false
	for k, t := range toks {
		if !t.is(wAttend) {
			continue // most words: no map lookups below
		}
		switch {
		case negations[t.low] || withdrawals[t.low]:
			return false
		case attendanceVerbs[t.low]:
			found = true
		case (t.low == "taking" || t.low == "took" || t.low == "take") && tokLow(toks, k+1) == "part":
			found = true
		case t.low == "present" && (k == 0 || tokLow(toks, k-1) == "also" || tokLow(toks, k-1) == "were" || tokLow(toks, k-1) == "was"):
			found = true // "Also present were the ministers of A and B", "Delegations from A were also present"
		case joinVerbs[t.low] && (tokLow(toks, k+1) == "by" || k == 0 || meetingNouns[tokLow(toks, k+2)] || meetingNouns[tokLow(toks, k+1)]):
			found = true // "Joining the talks were", "The meeting was joined by", "A joined the meeting online"
		case (t.low == "brought" || t.low == "brings" || t.low == "bring") && tokLow(toks, k+1) == "together":
			found = true // "The meeting brought together the ministers of A, B and C"
		case chairVerbs[t.low] && tokLow(toks, k+1) == "by":
			found = true // "The meeting was chaired by the Minister of Internal Affairs of the Kyrgyz Republic"
		case (t.low == "led" || t.low == "headed") && tokLow(toks, k+1) == "by" && delegationsBefore(toks, k):
			found = true // "Delegations were led by the Minister of Interior of Pakistan, ..."
		}
	}
	return found
}

// chairVerbs say who presided over the meeting: its chair's country is a
// party ("The session was chaired by Prime Minister of Uzbekistan X").
var chairVerbs = makeSet(`chaired co-chaired presided`)

// delegationsBefore reports whether "delegation" or "delegations" comes
// before token k: "The delegations were headed by", "Delegations of the
// member states were led by".
func delegationsBefore(toks []token, k int) bool {
	for _, t := range toks[:k] {
		if t.low == "delegation" || t.low == "delegations" {
			return true
		}
	}
	return false
}

// clauseCountries returns the countries named as such over tokens [i, j)
// of s: titles ("Foreign Minister of the Republic of Belarus"),
// possessives ("Kazakhstan's Nurlan Sauranbayev"), demonyms ("Russian
// Transport Minister") and lists ("Delegations from Belarus, China and
// India"). A place ("in Mary velayat"), a destination ("Ambassador of
// Kazakhstan to China") and a country talked about are not parties.
func clauseCountries(s *sentence, i, j int) []string {
	var out []string
	for _, pl := range s.places {
		if pl.i < i || pl.j > j || pl.kind == gazetteer.MentionCity || !pl.exact {
			continue
		}
		if locative(s.tokens, pl.i) || objectCountry(s.tokens, pl.i, pl.j) || observerCountry(s.tokens, pl.i, pl.j) {
			continue
		}
		out = append(out, pl.code)
	}
	return out
}

// guestWords name those who attend a meeting without being its parties.
var guestWords = makeSet(`observer observers guest guests`)

// observerCountry reports whether the country at tokens [i, j) attends as
// an observer or guest: "with Hungary and Turkmenistan attending as
// observers", "observers from Mongolia", "Hungary, an observer state".
// The phrase ends at a comma or a clause joint.
func observerCountry(toks []token, i, j int) bool {
	for k := j; k < len(toks) && k < j+6; k++ {
		if guestWords[toks[k].low] {
			return true
		}
		if toks[k].text == "," && k == j && (tokLow(toks, k+1) == "an" || tokLow(toks, k+1) == "a") {
			continue // "Hungary, an observer state"
		}
		if toks[k].text == "," || toks[k].text == ";" || toks[k].low == "with" || clauseJoints[toks[k].low] {
			break
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if guestWords[toks[k].low] {
			return true
		}
		if toks[k].text == "," || toks[k].text == ";" {
			break
		}
	}
	return false
}

// recalledDate reports whether toks give a date well before the anchor
// (else the meeting sentence's date): an event recalled, not the meeting
// reported.
func (d *docCtx) recalledDate(toks []token) bool {
	ref := d.anchor
	if ref.IsZero() {
		// "Today, March 30, 2026, ...": the meeting sentence's own date
		for _, de := range findDates(d.sents[d.meetSent].tokens, ref) {
			ref = de.date.Start()
			break
		}
	}
	if ref.IsZero() {
		return false
	}
	for _, de := range findDates(toks, ref) {
		if de.past || de.date.End().Before(ref.AddDate(0, -1, 0)) {
			return true
		}
	}
	return false
}

// placeNouns name an area inside a country: "the Burabay resort area of
// Kazakhstan", "the town of Serhetabat".
var placeNouns = makeSet(`area region province city town village resort capital district oblast velayat region's`)

// locative reports whether the country at token i is where something is,
// not who takes part: "in Kazakhstan", "to China", "held in the Burabay
// resort area of Kazakhstan".
func locative(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		switch {
		case t.low == "in" || t.low == "to" || t.low == "at":
			return true
		case t.low == "of" || t.low == "the" || placeNouns[t.low] || t.kind == tWord && t.cap:
		default:
			return false
		}
	}
	return false
}

// exceptWords introduce the parties a group statement leaves out: "all
// member states except India", "with the exception of Armenia".
var exceptWords = makeSet(`except excluding exception apart besides`)

// dissentVerbs say that a party stayed out of a statement without a
// negation: "Armenia abstained", "India dissociated itself".
var dissentVerbs = makeSet(`abstained abstain dissociated dissented objected refrained`)

// clauseJoints end a clause that may hold a party's dissent: "A; India
// did not join", "A, while Armenia abstained".
var clauseJoints = makeSet(`; while whereas but although though`)

// exceptParties removes from actors, when they are every party of a
// meeting of more than two, the parties the sentence leaves out of the
// statement: those named after "except", "with the exception of" or
// "apart from" in the statement's own subject or complement ("All
// delegations except Armenia support A"), and the subject of another clause that denies taking part
// ("The other member states reaffirmed their support for A; India did not
// join that paragraph", "..., while Armenia abstained").
func (d *docCtx) exceptParties(s *sentence, f *frame, actors []string) []string {
	if len(d.parties) < 3 {
		return actors
	}
	toks := s.tokens
	var out []string
	for k := f.subjI; k < f.end && k < len(toks); k++ {
		if t := toks[k]; exceptWords[t.low] && (t.low != "apart" || tokLow(toks, k+1) == "from") {
			for n := k + 1; n < len(toks) && n <= k+4; n++ {
				if c := s.countryAt(n); c != "" && slices.Contains(d.parties, c) {
					out = append(out, c)
					if k < f.subjJ {
						// "All delegations except Armenia support A": the
						// subject names the one it leaves out
						actors = d.parties
					}
					break
				}
			}
		}
	}
	if len(actors) != len(d.parties) {
		return actors
	}
	from := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !clauseJoints[toks[k].low] {
			continue
		}
		if f.start < from || f.start >= k {
			if c := dissentSubject(s, from, k); c != "" && slices.Contains(d.parties, c) {
				out = append(out, c)
			}
		}
		from = k + 1
	}
	if len(out) == 0 {
		return actors
	}
	var kept []string
	for _, c := range actors {
		if !slices.Contains(out, c) {
			kept = append(kept, c)
		}
	}
	return kept
}

// countryListComma reports whether the comma at token k of s joins the
// countries of a list that runs on to "and" before token j, the end of a
// subject: "Russia, Kazakhstan and Uzbekistan agreed", "Energy ministers
// from Russia, Kazakhstan, and Uzbekistan agreed". A comma after a fronted
// place ("In Russia, Kazakhstan will") or a clause ("A will supply gas to
// Kazakhstan, and Russia is ready to") joins no list: a comma before "and"
// needs another comma before the country it follows.
func countryListComma(s *sentence, k, j int) bool {
	toks := s.tokens
	if toks[k].text != "," || s.countryAt(k-1) == "" {
		return false
	}
	if tokLow(toks, k+1) == "and" {
		if i := s.places[s.placeAt(k-1)].i; i == 0 || toks[i-1].text != "," {
			return false
		}
	}
	for n := k + 1; n < j; n++ {
		switch {
		case toks[n].low == "and":
			return s.countryAt(n+1) != "" || tokLow(toks, n+1) == "the" && s.countryAt(n+2) != ""
		case s.countryAt(n) == "" && toks[n].text != "," && toks[n].low != "the":
			return false
		}
	}
	return false
}

// dissentSubject returns the country that opens tokens [i, j) of s when
// the clause denies or withholds its part: "India did not join that
// paragraph", "Armenia abstained"; "" otherwise.
func dissentSubject(s *sentence, i, j int) string {
	toks := s.tokens
	n := i
	for n < j && (toks[n].kind == tPunct || determiners[toks[n].low]) {
		n++
	}
	c := s.countryAt(n)
	if c == "" {
		return ""
	}
	for k := n + 1; k < j; k++ {
		if negations[toks[k].low] || toks[k].low == "n't" || dissentVerbs[toks[k].low] {
			return c
		}
	}
	return ""
}

// orgHeadMet reports whether the meeting sentence names the head of an
// international organisation ("received Secretary-General of the Shanghai
// Cooperation Organization Nurlan Yermekbayev", "met with the Director
// General of the IAEA"): the other side is the organisation, not a
// country, so "the parties" of such a readout do not call for a second
// country.
func (d *docCtx) orgHeadMet() bool {
	if d.meetSent < 0 {
		return false
	}
	s := &d.sents[d.meetSent]
	return namesOrgHead(d.text[s.start:s.end])
}

// orgHeadTitles are the titles of those who head or serve an
// international organisation rather than a state.
var orgHeadTitles = []string{"secretary general", "secretary-general", "director general", "director-general"}

// namesOrgHead reports whether text holds one of orgHeadTitles.
func namesOrgHead(text string) bool {
	low := strings.ToLower(text)
	for _, t := range orgHeadTitles {
		if strings.Contains(low, t) {
			return true
		}
	}
	return false
}

// amongDocuments reads the titles a sentence lists after a count of the
// documents signed at the meeting: "The heads of state signed 14
// documents. Among them are A, B, and C", "... adopted a package of
// agreements. They include A and B". Each title is an agreement of every
// party; the count itself is none. It reports false when sentence si is
// no such list.
func (d *docCtx) amongDocuments(si int, out []schema.Commitment) ([]schema.Commitment, bool) {
	if si == 0 || len(d.parties) == 0 {
		return out, false
	}
	toks := d.sents[si].tokens
	k := -1
	switch {
	case tokLow(toks, 0) == "among" && (tokLow(toks, 1) == "them" || tokLow(toks, 1) == "these" || tokLow(toks, 1) == "those"):
		switch tokLow(toks, 2) {
		case "are", "were", "is", "was", ":":
			k = 3
		}
	case (tokLow(toks, 0) == "they" || tokLow(toks, 0) == "these") && (tokLow(toks, 1) == "include" || tokLow(toks, 1) == "included"):
		k = 2
	}
	if k < 0 || !d.countedDocuments(&d.sents[si-1]) {
		return out, false
	}
	end := trimEnd(toks, k, len(toks))
	items := docItems(toks, k, end, false)
	if len(items) == 0 {
		return out, false
	}
	f := frame{start: k, verb: k - 1, comp: k, end: end, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
	for _, it := range items {
		out = append(out, d.commitment(si, &attribution{}, &f, it, d.parties))
	}
	return out, true
}

// countedDocuments reports whether s tells that documents were signed,
// adopted or approved at the meeting without naming them: "The heads of
// state signed 14 documents", "A package of agreements was signed", "the
// heads of state witnessed the exchange of documents".
func (d *docCtx) countedDocuments(s *sentence) bool {
	if earlierMeeting(s, d.anchor) {
		return false
	}
	verb, docs := false, false
	for k, t := range s.tokens {
		verb = verb || passiveDocVerbs[t.low] || t.low == "exchange" && exchangeOfDocuments(s.tokens, k, len(s.tokens))
		docs = docs || docsNoun(t.low)
	}
	return verb && docs
}

// legislatureSubject returns the country of a parliament or chamber
// whose name, known without a country (legislatures), makes up the
// subject toks[i:headI+1]: "The Mazhilis will give priority to the
// ratification of ...", "the Milli Majlis intends to"; "" otherwise. A
// chamber speaks for its state as a central bank does.
func legislatureSubject(toks []token, i, headI int) string {
	if b, c := legislatureEndingAt(toks, headI); b == i || b == i+1 && toks[i].low == "the" {
		return c
	}
	return ""
}

// orgOfficial reports whether p heads or serves an international
// organisation rather than a state: "OTS Secretary General", "Director
// General of the IAEA". Such a person attends a multilateral meeting
// without being a party, and speaks for no country.
func orgOfficial(p *person) bool { return namesOrgHead(p.role) }

// officialHope reports whether frame f is the hope of an organisation's
// official who speaks for no country ("He expressed hope that the member
// states would sign the agreement ..." after "OTS Secretary General X
// informed the ministers"): a wish about the parties, not their
// commitment.
func officialHope(a *attribution, f *frame) bool {
	p := a.spk.p
	return f.mod == schema.ModalityHope && p != nil && p.country == "" && orgOfficial(p)
}

// sessionDecision reports whether frame f is a decision, call or stance
// of the meeting itself or of the body in session: "The meeting decided
// to A", "The Council agreed to B" (every party). A pledge or offer of
// the meeting ("the summit will give a fresh impetus to ...") is a
// prediction, not a decision, and stays out.
func sessionDecision(toks, meet []token, f *frame) bool {
	switch f.mod {
	case schema.ModalityAgreement, schema.ModalityCall, schema.ModalitySupport, schema.ModalityStance, schema.ModalityWelcome, schema.ModalityOpposition:
		return meetingSubject(toks, f) || bodySubject(toks, meet, f)
	}
	return false
}

// bodySubject reports whether the subject of frame f is a body in session
// named with its members: "The Council of Ministers decided to", "The
// Council of Foreign Ministers approved", "The Summit of the heads of
// state adopted". "The next meeting of the ministers will be held" names
// an event, not a body (sessionBodies). A bare body or plural the
// meeting sentence meet names is the meeting's own (meetingsOwnBody).
func bodySubject(toks, meet []token, f *frame) bool {
	for k := f.subjI + 1; k < f.subjJ && k < f.subjI+4; k++ {
		if toks[k].low == "of" {
			return sessionBodies[toks[k-1].low]
		}
	}
	return meetingsOwnBody(toks, meet, f)
}

// meetingsOwnBody reports whether the subject of frame f is "the" and one
// noun, a body's name or a plural, that the meeting sentence meet names
// the same way: "the Board approved" after "a meeting of the Board of the
// Fund was held", "the coordinators agreed" after "national coordinators
// of the five states met in Tashkent", or a plural of the body's members
// ("the senators supported" after "a meeting of the Senate commission"). The body or members in session stand for every
// party; a body named with its owner ("the Board of Directors of X") has
// more than one noun and stays out, and so does a word the meeting
// sentence uses only to qualify another ("the Caspian" after "the Caspian
// littoral states").
func meetingsOwnBody(toks, meet []token, f *frame) bool {
	j := f.subjJ
	for j > f.subjI && toks[j-1].kind != tWord {
		j--
	}
	if j-f.subjI != 2 || toks[f.subjI].low != "the" {
		return false
	}
	w := toks[f.subjI+1]
	if !w.cap && !strings.HasSuffix(w.low, "s") {
		return false // "the meeting", "the document": neither a body's name nor members
	}
	for k, t := range meet {
		if t.kind != tWord {
			continue
		}
		if t.low == w.low && t.cap == w.cap && nounPhraseEnd(meet, k+1) || t.cap && !w.cap && memberNoun(w.low, t.low) {
			return true
		}
	}
	return false
}

// memberNoun reports whether plural w names the members of the body
// named body, being derived from it: "senators" of the "Senate",
// "parliamentarians" of a "Parliament", "commissioners" of a "Commission".
func memberNoun(w, body string) bool {
	stem := strings.TrimSuffix(body, "e")
	return len(stem) >= 5 && len(w) > len(stem)+2 && strings.HasPrefix(w, stem)
}

// nounPhraseEnd reports whether the noun phrase before token k of toks
// ends there: at the end, a punctuation mark, "and", "or" or a
// preposition ("the Board of the Fund", "sherpas and sous-sherpas"); not
// before another word it qualifies ("the Caspian littoral states").
func nounPhraseEnd(toks []token, k int) bool {
	if k >= len(toks) || toks[k].kind != tWord {
		return true
	}
	w := toks[k].low
	return w == "and" || w == "or" || prepositions[w]
}

// sessionBodies name a body that decides in session.
var sessionBodies = makeSet(`council summit conference assembly committee commission`)
