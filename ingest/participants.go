package ingest

import (
	"slices"
	"strings"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// person is someone the readout names: a participant of the meeting or
// someone it only mentions (a leader of an earlier meeting).
type person struct {
	name      string // canonical spelling: the fullest form first seen
	aliases   []string
	role      string
	country   string
	principal bool // one of the leaders who met
	present   bool // accompanying ("X and Y were present")
	keys      []string
	first     int // index of the sentence that first names the person
}

// maxPeople bounds the people one readout may name (a guard against
// pathological input; readouts name a handful).
const maxPeople = 200

// titleWords make up the roles before a name: "Kyrgyz President",
// "Secretary of State", "Chinese Communist Party Politburo Member, Director
// of the Office of the Foreign Affairs Commission, and Foreign Minister".
var titleWords = makeSet(`
president presidents premier premiers prime minister ministers vice foreign secretary secretaries state national security
advisor adviser chairman chairwoman chair chairperson director member politburo ambassador envoy special spokesperson
spokesman spokeswoman head heads deputy general king queen emir amir sheikh prince crown chancellor governor mayor speaker
commissioner counselor councillor councilor senator representative mr mrs ms dr excellency h.e. commander chief leader leaders
first lady sultan supreme assistant undersecretary under acting pm rais akim hokim secretary-general
admiral colonel lieutenant marshal brigadier rector khokim
lt gen col maj capt cmdr adm brig sgt gov sen rep amb
`)

// roleOrgWords may stand inside a role ("Director of the Office of the
// Foreign Affairs Commission").
var roleOrgWords = makeSet(`
of the communist party committee central commission office affairs council cpc cpv defense defence trade finance energy
economy economic agriculture transport commerce interior justice health education culture standing people's republic
federal federation assembly parliament senate house government cabinet administration military armed forces treasury
the and , international development public internal environment
bank national central rural water resources industry labour labor social protection science higher technology digital ecology tourism youth
majlis oliy mazhilis jogorku kenesh majlisi milli duma khural mejlis chamber legislative congress upper lower
natural mineral minerals geology subsoil information communications telecommunications innovation innovations integration
irrigation construction housing utilities urban infrastructure emergency emergencies situations sport sports investment
investments planning statistics land climate mining petroleum oil gas power railways aviation maritime fisheries forestry
veterinary family women children migration employment welfare media religious veterans customs tax taxes revenue budget
competition technologies communication management reclamation environmental home for vocational training research
roads highways ports shipping transportation postal civil nuclear atomic hydrocarbons metallurgy chemical sciences arts
heritage external relations regional local border
`)

// notNameWords are capitalised words that never start or continue a
// person's name.
var notNameWords = makeSet(`
the a an on in at of and for to with by from as during after before this that these those he she it they we i his her their its
our you no yes but or while since following given upon over under between among against about
today yesterday tomorrow tonight earlier later meanwhile monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december jan feb mar apr jul aug sep sept oct nov dec
summit forum initiative organization organisation center centre workshop corridor railway agreement mechanism year day
belt road union cooperation council committee commission command army ministry office party government republic federation kingdom
institute university academy
strait sea ocean island islands province region city state states house palace hall hotel residence guesthouse guest villa dacha complex
readout statement press service affairs ministry department bureau agency administration news agency xinhua kazinform tass ria reuters afp ap
god general independence new great assembly people peoples
ministerial meeting meetings conference session dialogue consultations talks congress expo exhibition festival ceremony
`)

// nameSuffixes may follow a name: "Ferdinand R. Marcos Jr.".
var nameSuffixes = makeSet(`jr jr. sr sr. ii iii iv`)

// meetingVerbs mark the sentence that reports the meeting itself.
var meetingVerbs = makeSet(`met meets meet meeting talks talked received receives hosted hosts spoke speaks phoned call conversation held holds visited
chaired chairs co-chaired co-chairs presided convened convenes`)

// personMention is a name in a sentence, tokens [i, j), with the role and
// country its title gives.
type personMention struct {
	i, j    int
	roleI   int // first token of the title chain (== i when none)
	role    string
	country string
	p       *person
}

// findPersons returns the people named in s, registering new ones in d.
// A run of capitalised words is a name when a title precedes it ("Kyrgyz
// President Sadyr Zhaparov"), when it is a known name or the short form of
// one ("Xi", "Japarov"), or in a list of those present.
// abstractNouns are capitalised in honorific titles ("Leader of the
// Nation", "Hero of Labour") and are never a person's name.
var abstractNouns = makeSet(`nation unity peace friendship independence homeland motherland
revolution labour labor excellency majesty highness glory honour honor`)

// allAbstract reports whether every word of a candidate name is one of
// abstractNouns, or a word of an institution's name or its plural
// ("Committee of Secretaries of Security Councils": a body, not a person
// named "Councils").
func allAbstract(toks []token) bool {
	for _, t := range toks {
		if !abstractNouns[t.low] && !roleOrgWords[t.low] && !roleOrgWords[strings.TrimSuffix(t.low, "s")] {
			return false // "Ministry of National Defense": a portfolio, not a name
		}
	}
	return len(toks) > 0
}

func (d *docCtx) findPersons(si int) []personMention {
	s := &d.sents[si]
	toks := s.tokens
	var out []personMention
	presentList := sentenceSays(toks, "present", "accompanied")
	meeting := -1  // hasMeetingVerb(toks), read only when a bare name needs it
	fieldAnd := -1 // the "and" after a title's field that titleField skipped
	meetingLike := func() bool {
		if meeting < 0 {
			meeting = 0
			if hasMeetingVerb(toks) || tookPart(toks) { // "Kassym-Jomart Tokayev took part today in the summit"
				meeting = 1
			}
		}
		return meeting == 1
	}
	for i := 0; i < len(toks); i++ {
		if !nameStart(s, i) {
			continue
		}
		// After "Mr."/"H.E." an all-capital word is a surname, not an
		// acronym ("Ms. KAMIKAWA Yoko", "H.E. Mr. Bakhtiyor SAIDOV").
		honor := afterHonorific(toks, i)
		j, words := i, 0
		for j < len(toks) && words < 4 && (nameWord(s, j) || honor && capsName(toks[j]) || initialsAt(s, j)) {
			if !toks[j].is(wTitle) {
				words++
			}
			j++
		}
		// "Foreign Affairs Commission": part of an institution's name.
		if j < len(toks) && toks[j].cap && toks[j].kind == tWord && toks[j].is(wNotName) {
			i = j
			continue
		}
		// A run of title words is not a name: "President" alone.
		for j > i && toks[j-1].is(wTitle) {
			j--
		}
		if j == i {
			continue
		}
		if titleField(s, i, j) {
			// "Minister of Artificial Intelligence and Digital
			// Development Zhaslan Madiyev": the ministry's first field,
			// not a name; the run after "and" holds the second and the name.
			fieldAnd = j
			i = j
			continue
		}
		// Strip leading title words: "President Xi Jinping" -> "Xi Jinping".
		k := i
		for k < j && (toks[k].is(wTitle) || portfolioBefore(toks, k)) {
			k++ // "Energy Minister Yerlan Akkenzhenov"
		}
		// "Chairman of the Senate Maulen Ashimbayev", "Minister of
		// Public Security Wang Xiaohong", "Minister of Agriculture and
		// Environment Do Duc Duy": the institution ends the title, the
		// name follows it. "Chairman of the State Duma Vyacheslav
		// Volodin": the run may start inside the institution's name,
		// after a title word that is no name's ("State").
		for k+2 <= j-1 && inTitleInstitution(toks, i, k, fieldAnd) {
			k++
		}
		if k == i && i > 0 && i-1 == fieldAnd {
			for j-k > 2 {
				k++ // "Space Industry Aigul Temirbekova": the second field, then the name
			}
		}
		// "Head of the Republic of Bashkortostan Radiy Khabirov": the
		// first of three words after "Republic of" names the republic.
		if k == i && j-k >= 3 && tokLow(toks, k-1) == "of" && roleOrgWords[tokLow(toks, k-2)] && toks[k-2].cap {
			k++
		}
		// "Defense Minister Dong Jun", "Energy Minister Yerlan
		// Akkenzhenov": a portfolio before the title is part of it.
		for k+2 < j && toks[k].cap && roleOrgWords[toks[k].low] && toks[k+1].is(wTitle) {
			k += 2
			for k < j && toks[k].is(wTitle) {
				k++
			}
		}
		orgPrefix := ""
		if h := orgBeforeTitle(toks, k, j); h > k {
			// "United Nations Secretary-General António Guterres": the
			// organisation's name and the title are the role.
			orgPrefix = joinTokens(toks[k:h])
			for k = h; k < j && toks[k].is(wTitle); k++ {
			}
		}
		if k == j {
			i = j - 1
			continue
		}
		if allAbstract(toks[k:j]) {
			// "Founder of Peace and National Unity – Leader of the
			// Nation": honorifics, not names.
			i = j - 1
			continue
		}
		name := joinTokens(toks[k:j])
		roleI, role, country := d.titleChain(s, k)
		if role == "" {
			if b, r, c := newsTitle(s, k, j); r != "" {
				roleI, role, country = b, r, c // "the Treasury secretary, Scott Bessent,"
			}
		} else if country == "" && roleI < k {
			// "The commander of U.S. Central Command, Admiral Brad
			// Cooper,": a rank before the name, the office with its
			// country before the comma.
			if b, _, c := newsTitle(s, roleI, j); c != "" {
				roleI, country = b, c
			}
		}
		if country == "" && role != "" && roleI > 0 {
			// "CNPC Chairman Dai Houliang", CNPC being "China National
			// Petroleum Corporation (CNPC)": the organisation's country.
			country = d.acronymCountry(toks[roleI-1].text)
		}
		if orgPrefix != "" && role != "" {
			role = orgPrefix + " " + role
		}
		if country == "" && endsLegislature(toks[roleI:j]) {
			country = legislatureCountry(role)
		}
		if country == "" || tokLow(toks, j) == "of" {
			// "President Sadyr Japarov of Kyrgyzstan" after "...
			// Tokayev of Kazakhstan,": the country right after the name
			// is his, whatever a title chain reaches back to.
			if ca := d.countryAfterName(s, j); ca != "" {
				country = ca
			}
		}
		if arole, acountry := appositiveTitle(s, j); arole != "" {
			// "Bakhtiyor SAIDOV, Minister of Foreign Affairs of the
			// Republic of Uzbekistan": the title follows the name.
			if role == "" {
				role = arole
			}
			if country == "" {
				country = acountry
			}
		}
		if role == "" && country != "" {
			if r := pluralListTitle(toks, out, k); r != "" {
				role = r // "Foreign Ministers A of X, B of Y and C of Z"
			}
		}
		if role == "" && country == "" && meetingLike() {
			role = appositiveOffice(s, j) // "Zheng Shanjie, Director of the National Development and Reform Commission (NDRC),"
		}
		known := d.lookupPerson(name)
		titled := role != "" || honor
		multi := j-k >= 2
		// In the sentence that reports a meeting, a government's own
		// readout names its leader bare (bareLeader).
		if !titled && known == nil && !(multi && (presentList || meetingLike() && bareLeader(toks, k, j) || followedBySpeech(toks, j) || plural(toks, roleI) || speakerLabelAt(toks, k, j) || coordinatedSpeaker(s, j))) {
			i = j - 1
			continue
		}
		if !multi && known == nil && !titled {
			i = j - 1
			continue
		}
		pm := personMention{i: k, j: j, roleI: roleI, role: role, country: country}
		p := known
		if p == nil {
			if len(d.people) >= maxPeople {
				i = j - 1
				continue
			}
			p = &person{name: name, role: role, country: country, first: si}
			d.people = append(d.people, p)
		} else {
			if p.role == "" {
				p.role = role
			}
			if p.country == "" {
				p.country = country
			}
			if multi && name != p.name && !slices.Contains(p.aliases, name) && len(name) >= len(shortName(p.name)) {
				if strings.Count(name, " ") > strings.Count(p.name, " ") {
					p.aliases = append(p.aliases, p.name)
					p.name = name
				} else {
					p.aliases = append(p.aliases, name)
				}
			}
		}
		d.addKeys(p, name)
		pm.p = p
		out = append(out, pm)
		i = j - 1
	}
	d.pluralTitles(si, out)
	return out
}

// inTitleInstitution reports whether toks[k], in the capitalised run
// from i that holds a title and a name, still belongs to the institution
// that ends the title ("Chairman of the Senate Maulen Ashimbayev": "Senate"
// does, "Maulen" does not). fieldAnd is the "and" between a ministry's two
// fields, when the run follows one.
func inTitleInstitution(toks []token, i, k, fieldAnd int) bool {
	t := toks[k]
	if !t.cap || !roleOrgWords[t.low] && !(k > i && roleOrgWords[toks[k-1].low] && t.is(wTitle)) {
		return false // an institution's word, or a title word after one ("State" in "the State Duma")
	}
	switch prev := tokLow(toks, k-1); {
	case prev == "the" || prev == "of" || prev == "for":
		return true // "of the Senate", "Minister for Emergency Situations"
	case k > i && roleOrgWords[prev]:
		return true // "Public Security": the institution goes on
	case k == i && k > 0 && toks[k-1].cap && toks[k-1].is(wTitle):
		return true // the run starts after a title word that is no name's
	case prev == "and":
		return roleOrgWords[tokLow(toks, k-2)] || k-1 == fieldAnd // "Agriculture and Environment"
	}
	return false
}

// titleField reports whether the capitalised words [i, j) are the first
// field of an office with two ("Minister of Artificial Intelligence and
// Digital Development Zhaslan Madiyev", "Minister of Labour and Social
// Protection of Population Ali Karimov"): they follow "<Title> of", hold
// no title word, and "and" joins them to a run of at least three more
// capitalised words, the second field and the name. "Chairman of Gazprom
// Alexei Miller and Zhaslan Madiyev" is two people: the run after "and"
// is only a name.
func titleField(s *sentence, i, j int) bool {
	toks := s.tokens
	if i < 2 || toks[i-1].low != "of" || !toks[i-2].cap || !toks[i-2].is(wTitle) || tokLow(toks, j) != "and" {
		return false
	}
	for k := i; k < j; k++ {
		if toks[k].is(wTitle) {
			return false
		}
	}
	n := 0
	for k := j + 1; k < len(toks) && nameWord(s, k) && !toks[k].is(wTitle); k++ {
		n++
	}
	return n >= 3
}

// includedAttendee reports whether pm is named, in the meeting sentence
// ms were found in, among those a meeting brought together after two
// people who met: "co-chaired by A and B, brought together some 150
// business leaders, including KCCI Chairman Chey Tae-won".
func includedAttendee(toks []token, ms []personMention, pm personMention) bool {
	before := 0
	for _, m := range ms {
		if m.j <= pm.roleI {
			before++
		}
	}
	if before < 2 {
		return false // "met Central Asian leaders, including President X"
	}
	for k := pm.roleI - 1; k >= 0 && k >= pm.roleI-12 && toks[k].text != ";"; k-- {
		if toks[k].low == "including" {
			return true
		}
	}
	return false
}

// legislatures are national parliaments and their chambers by the names
// that say whose they are without naming the country (general knowledge,
// like knownBodies): "Chairman of the State Duma" speaks for Russia.
var legislatures = map[string]string{
	"state duma": "RU", "duma": "RU", "federation council": "RU", "mazhilis": "KZ", "majilis": "KZ",
	"jogorku kenesh": "KG", "oliy majlis": "UZ", "legislative chamber": "UZ", "majlisi milli": "TJ",
	"majlisi namoyandagon": "TJ", "majlisi oli": "TJ", "mejlis": "TM", "halk maslahaty": "TM", "national people's congress": "CN",
	"npc": "CN", "cppcc": "CN", "state great khural": "MN", "milli majlis": "AZ", "grand national assembly": "TR",
	"lok sabha": "IN", "rajya sabha": "IN", "verkhovna rada": "UA", "bundestag": "DE", "knesset": "IL",
}

// localGovernments are the names, in transliteration, of the executive
// bodies of a region, city or district in the states that have them (a
// closed class: each state has one such word, with its spelling
// variants): "the akimat would allocate land", "the Samarkand
// hokimiyat will build". Like a legislature, such a body speaks for its
// state.
var localGovernments = map[string]string{
	"akimat": "KZ", "akimiat": "KG", "hokimiyat": "UZ", "khokimiyat": "UZ", "hokimiat": "UZ", "hukumat": "TJ",
	"khukumat": "TJ", "hakimlik": "TM", "hyakimlik": "TM",
}

// localGovernmentSubject returns the state of a local executive body
// (localGovernments) that heads the subject toks[i:headI+1], when no
// other country is named in it: "the akimat", "the Aktobe akimat", "the
// regional hokimiyat"; "" otherwise.
func localGovernmentSubject(toks []token, headI int, named []string) string {
	c := localGovernments[toks[headI].low]
	if c == "" || len(named) > 1 || len(named) == 1 && named[0] != c {
		return ""
	}
	return c
}

// legislatureLast are the last words of the names in legislatures, so
// that titleChain tries a name only where one can end.
var legislatureLast = func() map[string]bool {
	m := map[string]bool{}
	for name := range legislatures {
		m[name[strings.LastIndexByte(name, ' ')+1:]] = true
	}
	return m
}()

// endsLegislature reports whether one of toks can end a parliament's name
// (legislatureLast), so that legislatureCountry need not search a role
// that names none.
func endsLegislature(toks []token) bool {
	for _, t := range toks {
		if legislatureLast[t.low] {
			return true
		}
	}
	return false
}

// legislatureCountry is the country of the parliament named first in
// role ("Chairman of the Majlisi Milli of the Majlisi Oli"), "" when none.
func legislatureCountry(role string) string {
	low := strings.ToLower(role)
	code, at := "", len(low)
	for name, c := range legislatures {
		if i := strings.Index(low, name); i >= 0 && i < at && (i == 0 || low[i-1] == ' ') && (i+len(name) == len(low) || low[i+len(name)] == ' ' || low[i+len(name)] == ',') {
			code, at = c, i
		}
	}
	return code
}

// legislatureEndingAt returns the first token and the country of a
// capitalised parliament's name of up to three words ending at token i
// ("the Oliy Majlis", "the State Duma"), or -1.
func legislatureEndingAt(toks []token, i int) (int, string) {
	if !legislatureLast[toks[i].low] {
		return -1, "" // most words of a title end no parliament's name
	}
	name := ""
	for b := i; b >= 0 && b > i-3; b-- {
		if toks[b].kind != tWord || !toks[b].cap {
			break
		}
		if name == "" {
			name = toks[b].low
		} else {
			name = toks[b].low + " " + name
		}
		if code, ok := legislatures[name]; ok {
			return b, code
		}
	}
	return -1, ""
}

// pluralListTitle returns the title, in the singular, that a plural title
// before a list of names each with its country gives the name starting at
// k ("Foreign Ministers Yermek Kosherbayev of Kazakhstan, Jeenbek Kulubaev
// of the Kyrgyz Republic, and Bakhtiyor Saidov of Uzbekistan"): the names
// before it in out are joined to it by "of <country>," or "and"; "" when
// the name is in no such list.
func pluralListTitle(toks []token, out []personMention, k int) string {
	for n := len(out) - 1; n >= 0; n-- {
		m := out[n]
		if !listGap(toks, m.j, k) {
			return ""
		}
		if f := strings.Fields(m.role); len(f) > 0 && pluralTitleWords[strings.ToLower(f[len(f)-1])] {
			return singularTitle(m.role)
		}
		k = m.i
	}
	return ""
}

// singularTitle turns a plural title into one person's: "Foreign
// Ministers" -> "Foreign Minister", "Secretaries" -> "Secretary".
func singularTitle(role string) string {
	if r, ok := strings.CutSuffix(role, "ies"); ok {
		return r + "y"
	}
	return strings.TrimSuffix(role, "s")
}

// listGap reports whether tokens [from, to) join two names of a list of
// people each with a country: "of Kazakhstan,", "of the Kyrgyz Republic,
// and".
func listGap(toks []token, from, to int) bool {
	if to-from < 3 || to-from > 8 || tokLow(toks, from) != "of" {
		return false
	}
	switch tokLow(toks, to-1) {
	case ",", "and":
	default:
		return false
	}
	for _, t := range toks[from+1 : to-1] {
		if t.kind == tWord && !t.cap && t.low != "the" && t.low != "and" {
			return false
		}
	}
	return true
}

// pluralTitles gives countries to "Presidents of Kazakhstan and China
// Kassym-Jomart Tokayev and Xi Jinping": the n-th name gets the n-th
// country.
func (d *docCtx) pluralTitles(si int, ms []personMention) {
	s := &d.sents[si]
	for a := 0; a+1 < len(ms); a++ {
		m := ms[a]
		if !plural(s.tokens, m.roleI) || tokLow(s.tokens, m.j) != "and" || ms[a+1].i != m.j+1 {
			continue
		}
		var codes []string
		for t := m.roleI; t < m.i; t++ {
			if c := s.countryAt(t); c != "" && !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
		if len(codes) == 2 {
			if m.p.country == "" || m.p.country == codes[1] {
				m.p.country = codes[0]
			}
			if n := ms[a+1].p; n.country == "" || n.country == codes[0] {
				n.country = codes[1]
			}
			if m.p.role == "" || strings.HasSuffix(m.p.role, "s") {
				r := strings.TrimSuffix(strings.Fields(m.role + " x")[0], "s")
				if r != "x" {
					m.p.role, ms[a+1].p.role = r, r
				}
			}
		}
	}
}

func plural(toks []token, roleI int) bool {
	if roleI < 0 || roleI >= len(toks) {
		return false
	}
	return pluralTitleWords[toks[roleI].low]
}

// pluralTitleWords are titles in the plural: "Presidents of A and B",
// "Foreign Ministers A of X and B of Y".
var pluralTitleWords = makeSet(`presidents leaders ministers premiers heads secretaries`)

// nameStart reports whether token i may start a name (or its title).
func nameStart(s *sentence, i int) bool {
	t := &s.tokens[i]
	return t.kind == tWord && t.cap && !t.is(wNotName) && s.placeAt(i) < 0 || t.kind == tWord && t.is(wTitle) && t.cap
}

// nameWord reports whether token i may be part of a name.
func nameWord(s *sentence, i int) bool {
	t := &s.tokens[i]
	if t.kind != tWord || !t.cap || t.is(wNotName) || s.placeAt(i) >= 0 {
		return false
	}
	return !acronym(t.text) // "SCO", "BRICS"
}

// initialsAt reports whether token i, between a title and a name word,
// belongs to the name although it reads as no name word: a first name's
// initials written without periods ("JD" of "Vice President JD Vance"),
// or a surname spelled like a subject pronoun, which mid-sentence is
// never capitalised ("He" of "Vice Premier He Lifeng"). An acronym there
// names an organisation before its own title ("UN Secretary-General"),
// never before a plain name word.
func initialsAt(s *sentence, i int) bool {
	toks := s.tokens
	t := toks[i]
	if t.kind != tWord || !t.cap || s.placeAt(i) >= 0 || i == 0 || i+1 >= len(toks) {
		return false
	}
	if !(len(t.text) == 2 && inCapitals(t.text)) && !subjectPronouns[t.low] {
		return false
	}
	return toks[i-1].cap && toks[i-1].is(wTitle) && nameWord(s, i+1) && !toks[i+1].is(wTitle)
}

// acronym reports whether text is an acronym: more than one letter, no
// lower-case letter, no closing dot ("SCO", "KCCI"; not "H.E.").
func acronym(text string) bool {
	return len(text) > 1 && !strings.HasSuffix(text, ".") && inCapitals(text)
}

// bareLeader reports whether the capitalised words [k, j) stand where a
// meeting sentence names a leader without a title: coordinated with a
// titled person ("Vladimir Putin and President of Mongolia ...", "...
// and Kassym-Jomart Tokayev held talks") or as the host of a visit ("at
// the invitation of Kassym-Jomart Tokayev"), or opening the sentence as
// its subject.
func bareLeader(toks []token, k, j int) bool {
	if k > 0 && toks[k-1].low == "the" {
		return false
	}
	if tokLow(toks, j) == "and" && j+1 < len(toks) && toks[j+1].cap && titleWords[toks[j+1].low] {
		return true
	}
	if k >= 2 && toks[k-1].low == "of" && toks[k-2].low == "invitation" {
		return true
	}
	if k == 0 && (tokLow(toks, j) == "," && tokLow(toks, j+1) == "who" || tokLow(toks, j) == "took" && tokLow(toks, j+1) == "part" || tokLow(toks, j) == "participated") {
		// "Vladimir Putin, who is in Mongolia on a state visit, held
		// talks with ...", "Mikhail Mishustin took part in a meeting of
		// ...": a government's own leader opening its readout.
		return true
	}
	// "held talks with Shavkat Mirziyoyev in Tashkent", "received Shehbaz
	// Sharif": the other leader as the meeting verb's object.
	if k >= 1 && meetingObjectWords[toks[k-1].low] {
		n := tokAt(toks, j)
		return j == len(toks) || n.kind == tPunct || !n.cap
	}
	return false
}

// coordinatedSpeaker reports whether the name ending at j is joined by
// "and" to a name that speaks or acts: "Vladimir Putin and Shavkat
// Mirziyoyev discussed ...".
func coordinatedSpeaker(s *sentence, j int) bool {
	toks := s.tokens
	if tokLow(toks, j) != "and" {
		return false
	}
	e := j + 1
	for e < len(toks) && e < j+5 && nameWord(s, e) && !titleWords[toks[e].low] {
		e++
	}
	return e >= j+3 && followedBySpeech(toks, e)
}

// speakerLabelAt reports whether the name [k, j) opens a transcript's
// paragraph as its speaker: "Vladimir Putin: ...", "Xi Jinping
// (retranslated): ...".
func speakerLabelAt(toks []token, k, j int) bool {
	if k != 0 {
		return false
	}
	if tokLow(toks, j) == ":" {
		return true
	}
	if tokLow(toks, j) == "(" {
		for e := j + 1; e < len(toks) && e < j+4; e++ {
			if toks[e].text == ")" {
				return tokLow(toks, e+1) == ":"
			}
		}
	}
	return false
}

// meetingObjectWords stand before the leader a meeting sentence meets.
var meetingObjectWords = makeSet(`with received receives met meets hosted hosts welcomed welcomes`)

// honorifics stand before a name: "Mr. SAIDOV", "H.E. Mr. Bakhtiyor SAIDOV".
var honorifics = makeSet(`mr mrs ms dr h.e. excellency`)

// afterHonorific reports whether token i follows an honorific ("Mr", "Mr
// .", "H.E.").
func afterHonorific(toks []token, i int) bool {
	b := i - 1
	if b >= 0 && toks[b].text == "." {
		b--
	}
	return b >= 0 && honorifics[toks[b].low]
}

// capsName reports whether t is an all-capital word that may be a surname
// ("KAMIKAWA"): longer than an initial.
func capsName(t token) bool {
	return t.kind == tWord && len(t.text) > 2 && strings.ToUpper(t.text) == t.text && !strings.ContainsAny(t.text, ".0123456789")
}

// appositiveTitle reads a title after a name: ", Minister for Foreign
// Affairs of Japan", ", Minister of Foreign Affairs of the Republic of
// Uzbekistan". It returns the role and the country, or "" when the
// apposition is no title ending in a country.
func appositiveTitle(s *sentence, j int) (string, string) {
	toks := s.tokens
	if tokLow(toks, j) != "," {
		return "", ""
	}
	k := j + 1
	if k < len(toks) && !toks[k].cap && titleWords[toks[k].low] {
		if role, c := legislatureAppositive(toks, k); c != "" {
			return role, c
		}
	}
	if role, c := lowerAppositive(s, k); c != "" {
		return role, c // "Shavkat Umurzakov, the khokim (mayor) of Tashkent,"
	}
	if k >= len(toks) || !titleWords[toks[k].low] { // news copy: "Wang Hongzhi, head of China's ..."
		return "", ""
	}
	e := k
	for e < len(toks) && e < k+14 && s.countryAt(e) == "" {
		t := toks[e]
		if !(titleWords[t.low] || roleOrgWords[t.low] && t.text != "," || t.low == "for") {
			return "", ""
		}
		e++
	}
	country := s.countryAt(e)
	if country == "" {
		return "", ""
	}
	return trimRole(toks[k:e]), country
}

// lowerAppositive reads a title that news copy writes in lower case after
// a name and its comma, from token k, when it is of a place that gives
// the country: "the khokim (mayor) of Tashkent", "the governor of the
// Osh region", "mayor of Almaty". A gloss in brackets may follow the title
// word. It returns the role and the country, "" when the apposition is no
// such title.
func lowerAppositive(s *sentence, k int) (string, string) {
	toks := s.tokens
	if tokLow(toks, k) == "the" {
		k++
	}
	head := false
	end := -1 // the title's end before a gloss
	for e := k; e < len(toks) && e < k+10; e++ {
		t := toks[e]
		switch {
		case t.text == "(" && head && end < 0:
			end = e
			for e < len(toks) && e < k+10 && toks[e].text != ")" {
				e++ // "(mayor)"
			}
		case t.low == "of" && head:
			b := e + 1
			if tokLow(toks, b) == "the" {
				b++
			}
			if end < 0 {
				end = e
			}
			if pi := s.placeAt(b); pi >= 0 {
				return trimRole(toks[k:end]), s.places[pi].code
			}
		case t.kind == tWord && !t.cap && newsTitleHeads[t.low]:
			head = true
		case t.kind == tWord && !t.cap && (titleWords[t.low] || roleOrgWords[t.low]):
		default:
			return "", ""
		}
	}
	return "", ""
}

// appositiveOffice reads a capitalised title after a name that names no
// country and closes with a comma or an acronym in brackets: "Zheng
// Shanjie, Director of the National Development and Reform Commission
// (NDRC), met with ...". In the sentence that reports the meeting it
// makes the name a participant, whose country the meeting gives later
// (inferCountries); "" when there is none.
func appositiveOffice(s *sentence, j int) string {
	toks := s.tokens
	k := j + 1
	if tokLow(toks, j) != "," || k >= len(toks) || !toks[k].cap || !titleWords[toks[k].low] {
		return ""
	}
	for e := k; e < len(toks) && e < k+14; e++ {
		t := toks[e]
		switch {
		case t.text == "," || t.text == "(":
			if e-k >= 3 && toks[e-1].cap {
				return trimRole(toks[k:e])
			}
			return ""
		case titleWords[t.low] || roleOrgWords[t.low] || t.cap && t.kind == tWord:
		default:
			return ""
		}
	}
	return ""
}

// legislatureAppositive reads a title in lower case, as news agencies
// write it, when it names a parliament that says whose it is: ",
// chairman of the National People's Congress (NPC) Standing Committee", ",
// chairperson of the Mejlis of Turkmenistan". Other lower-case
// appositions ("head of China's energy administration") stay unread.
func legislatureAppositive(toks []token, k int) (string, string) {
	e := k
	for e < len(toks) && e < k+10 && (titleWords[toks[e].low] || roleOrgWords[toks[e].low] || toks[e].kind == tPoss || toks[e].cap && toks[e].kind == tWord) {
		e++
	}
	role := trimRole(toks[k:e])
	if c := legislatureCountry(role); c != "" {
		return role, c
	}
	return "", ""
}

// trimRole joins the words of a role, without the "of the Republic of"
// that leads to the country after it.
func trimRole(toks []token) string {
	for len(toks) > 0 {
		switch toks[len(toks)-1].low {
		case "of", "the", "republic", "federation", "kingdom", "state", "people's", "democratic", "islamic", "and", ",":
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	return joinTokens(toks)
}

// titleChain reads the title before a name starting at token k: its first
// token, the role ("President", "Secretary of State") and the country its
// demonym or "of X" gives.
func (d *docCtx) titleChain(s *sentence, k int) (int, string, string) {
	toks := s.tokens
	if k >= 3 && toks[k-1].text == "," && (s.countryAt(k-2) != "" || toks[k-2].cap && (titleWords[toks[k-2].low] || roleOrgWords[toks[k-2].low])) {
		// "President of Uzbekistan, Shavkat Mirziyoyev,", "Uzbekistan's
		// Minister of Higher Education, Science and Innovation, Kongratbay
		// Sharipov,": a title set off by a comma, of one person (not "the
		// leaders of A and B, X and Y").
		if start, role, country := d.titleChain(s, k-1); headedRole(role) && !plural(toks, start) && !(tokLow(toks, k-3) == "and" && s.countryAt(k-2) != "") {
			return start, role, country
		}
	}
	if k >= 2 && toks[k-1].low == "counterpart" && s.countryAt(k-2) != "" {
		// "held talks with his Uzbek counterpart Bakhtiyor Saidov", as
		// news agencies name the other side's holder of the same office.
		return k - 2, toks[k-1].text, s.countryAt(k - 2)
	}
	start := k
	country := ""
	for i := k - 1; i >= 0 && i >= k-20; i-- {
		t := toks[i]
		low := t.low
		if c := s.countryAt(i); c != "" {
			if country == "" {
				country = c
			}
			start = i
			continue
		}
		if low == "," && countryClosesClause(s, i-1) {
			break // "... with China, Senate Chairperson X said"
		}
		if t.text == "." && i > 0 && toks[i-1].cap && titleAbbrevs[toks[i-1].low] {
			start = i // the period of "Lt. Gen. Shukhrat Khalmukhamedov"
			continue
		}
		if c := cityBeforeTitle(s, i, start); c != "" {
			// "Shanghai Mayor Gong Zheng", "met Tashkent Mayor X": the
			// city the title is of gives its country.
			if country == "" {
				country = c
			}
			start = s.places[s.placeAt(i)].i
			i = start
			continue
		}
		if t.kind == tPoss && i > 0 && s.countryAt(i-1) != "" {
			start = i
			continue
		}
		if of, code := bracketedInstitution(s, i); start == k && of > 0 {
			// "Director General of the Abu Dhabi Fund for Development
			// (ADFD) Mohammed Saif Al Suwaidi": the institution's name
			// and acronym end the title; a place in the name gives
			// the country.
			if country == "" {
				country = code
			}
			start, i = of, of
			continue
		}
		if t.text == ")" && start < k && i >= 3 && toks[i-2].text == "(" && acronym(toks[i-1].text) {
			// "Korea Chamber of Commerce and Industry (KCCI) Chairman":
			// the institution's acronym inside the title.
			i -= 2
			start = i
			continue
		}
		if t.kind == tPoss && i > 0 && toks[i-1].cap && roleOrgWords[toks[i-1].low+"'s"] && start < k {
			// "Chairman of the People's Government of ...": a word of
			// the institution, not a country's possessive.
			i--
			start = i
			continue
		}
		if titleWords[low] && t.cap || portfolioBefore(toks, i) || (roleOrgWords[low] && (start < k || t.cap && titleBefore(toks, i)) && (t.cap || low == "of" || low == "the" || low == "and" || low == "," || low == "for")) {
			start = i
			continue
		}
		if b, code := legislatureEndingAt(toks, i); b >= 0 {
			// "Chairwoman of the Senate of the Oliy Majlis": a
			// parliament named in the title gives its country.
			if country == "" {
				country = code
			}
			start, i = b, b
			continue
		}
		if b, code, ok := regionInTitle(s, i); ok {
			// "Governor of Tyumen Region", "Akim of North Kazakhstan
			// Region": the region's country, unless the title names one.
			if country == "" {
				country = code
			}
			start, i = b, b
			continue
		}
		if i == k-1 && t.cap && t.kind == tWord && tokLow(toks, i-1) == "of" && roleOrgWords[tokLow(toks, i-2)] {
			start = i // "Head of the Republic of Bashkortostan": the republic's own name
			continue
		}
		if low == "its" || low == "his" || low == "her" || low == "their" {
			break
		}
		break
	}
	// Do not let the chain begin with a connector.
	for start < k && (toks[start].low == "of" || toks[start].low == "the" || toks[start].low == "and" || toks[start].low == ",") {
		start++
	}
	// The role is the last run of title words (with "of State"), without
	// country words: "Chinese Premier" -> "Premier", "President of
	// Turkmenistan" -> "President".
	var role []string
	for i := k - 1; i >= start; i-- {
		t := toks[i]
		if t.text == "." && i > start && titleAbbrevs[toks[i-1].low] {
			continue // joined to its abbreviation below
		}
		if titleWords[t.low] && t.cap || portfolioBefore(toks, i) {
			w := t.text
			if titleAbbrevs[t.low] && tokLow(toks, i+1) == "." {
				w += "." // "Lt. Gen."
			}
			role = append([]string{w}, role...)
			continue
		}
		if (t.low == "of" || t.low == "the" || t.low == "for" || t.cap && roleOrgWords[t.low]) && len(role) > 0 && !s.isCountryWord(i+1) && !s.isCountryWord(i+2) {
			role = append([]string{t.text}, role...)
			continue
		}
		if len(role) == 0 && (s.countryAt(i) != "" || t.kind == tPoss || t.low == "the" || t.low == "of" || t.low == "and") {
			continue
		}
		break
	}
	for len(role) > 0 && (role[0] == "of" || role[0] == "the" || role[0] == "The") {
		role = role[1:]
	}
	r := strings.Join(role, " ")
	if r == "PM" {
		r = "Prime Minister" // "Pakistani PM Shehbaz Sharif", later "the Prime Minister"
	}
	if r == "" && start < k {
		// A long title with the country inside it: "Minister of Foreign
		// Affairs of the Kyrgyz Republic", "President of the Republic of
		// Uzbekistan". The role is the words before the country.
		b := start
		for b < k && (s.countryAt(b) != "" || toks[b].kind == tPoss || toks[b].low == "the") {
			b++
		}
		e := b
		for e < k && s.countryAt(e) == "" {
			e++
		}
		if b < e && toks[b].cap && (titleWords[toks[b].low] || roleOrgWords[toks[b].low] && titleWords[tokLow(toks, b+1)]) {
			r = trimRole(toks[b:e]) // "Federal Minister for Communications"
		}
	}
	if r == "" {
		return k, "", country
	}
	return start, r, country
}

// countryClosesClause reports whether a country whose mention ends at
// token e, before a comma, is the object of a clause's verb or preposition
// ("pledged to ratify an agreement with China, Senate Chairperson X
// said"), not the end of a title set off by the comma ("the Minister of
// Agriculture of Pakistan, H.E. X").
func countryClosesClause(s *sentence, e int) bool {
	pi := s.placeAt(e)
	if pi < 0 || s.countryAt(e) == "" {
		return false
	}
	b := s.places[pi].i
	if tokLow(s.tokens, b-1) == "the" {
		b--
	}
	prev := tokAt(s.tokens, b-1)
	return prev.kind == tWord && !prev.cap && prev.low != "of"
}

// bracketedInstitution reads the name of an institution with its acronym
// in brackets, ending at token i (the closing bracket) right before a
// person's name, as the object of a title: "of the Kuwait Fund for Arab
// Economic Development (KFAED)" after "Managing Director". It returns the
// index of that "of" and the country of the first place the name holds
// ("" when none); 0 when the words before i are no such name.
func bracketedInstitution(s *sentence, i int) (int, string) {
	toks := s.tokens
	if i < 4 || toks[i].text != ")" || toks[i-2].text != "(" || !acronym(toks[i-1].text) {
		return 0, ""
	}
	code := ""
	for b := i - 3; b > 0 && b >= i-12; b-- {
		t := toks[b]
		switch {
		case t.low == "of" && b < i-3 && toks[b+1].cap || t.low == "the" && tokLow(toks, b-1) == "of":
			of := b
			if t.low == "the" {
				of--
			}
			if of < 1 || !toks[of-1].cap || !toks[of-1].is(wTitle) {
				return 0, ""
			}
			return of, code
		case t.kind == tWord && (t.cap || t.low == "for" || t.low == "and" || t.low == "of"):
			if pi := s.placeAt(b); pi >= 0 {
				code = s.places[pi].code // read backwards: the name's first place wins
			}
		default:
			return 0, ""
		}
	}
	return 0, ""
}

// titleAbbrevs are the abbreviated ranks and titles of English that
// stand before a name with a period (a closed class, like the ranks in
// titleWords): "Lt. Gen. Shukhrat Khalmukhamedov", "Gov. X", "Sen. Y".
// Their period ends no sentence (abbreviations includes them).
var titleAbbrevs = makeSet(`lt gen col maj capt cmdr adm brig sgt gov sen rep amb`)

// cityBeforeTitle returns the country of a city whose name ends at token
// i, right before the title run that starts at start: "Shanghai" of
// "Shanghai Mayor Gong Zheng", "Tashkent" of "met Tashkent Mayor Shavkat
// Umurzakov". A city after a preposition is where something happens, not
// what the title is of ("in Astana President X" is no mayor's title); ""
// when token i ends no such city.
func cityBeforeTitle(s *sentence, i, start int) string {
	toks := s.tokens
	pi := s.placeAt(i)
	if pi < 0 || s.places[pi].kind != gazetteer.MentionCity || s.places[pi].j != i+1 || start != i+1 {
		return ""
	}
	if !toks[start].cap || !toks[start].is(wTitle) && !roleOrgWords[toks[start].low] {
		return ""
	}
	if b := s.places[pi].i; b > 0 && prepositions[toks[b-1].low] {
		return ""
	}
	return s.places[pi].code
}

// newsTitle reads a title that news copy writes in lower case before a
// name, right before it ("Armenian economy minister Gevorg Papoyan", "US
// Treasury secretary Scott Bessent") or set off by commas ("the head of
// the Georgian Energy Ministry, Romeo Mikautadze,", "Georgia's deputy
// energy minister, Tamar Beridze, who"). The title holds one of
// newsTitleHeads in lower case, a country, and only words of a role or an
// institution's name before the name; it returns its first token, the
// role and the country.
func newsTitle(s *sentence, k, j int) (int, string, string) {
	toks := s.tokens
	e := k
	if tokLow(toks, k-1) == "," {
		if n := tokLow(toks, j); n != "," && n != "said" && n != "told" {
			return k, "", "" // "..., Tamar Beridze said", not a list "A, B and C"
		}
		e = k - 1
	}
	head, country := -1, ""
	b := e
	from := e - 1
	if h := portfolioOf(toks, e); h >= 0 {
		head, b, from = h, h, h-1 // "minister of artificial intelligence,"
	}
	for i := from; i >= 0 && i >= from-9; i-- {
		t := toks[i]
		switch {
		case s.countryAt(i) != "":
			country = s.countryAt(i)
		case t.kind == tPoss && i > 0 && (s.countryAt(i-1) != "" || roleOrgWords[toks[i-1].low+"'s"]):
			// "Kazakhstan's", "the People's Bank of China"
		case t.kind == tWord && !t.cap && newsTitleHeads[t.low]:
			head = i
		case t.low == "and" && i > 0 && !toks[i-1].cap && toks[i-1].kind == tWord && !toks[i+1].cap:
			// "minister of industry and construction", "deputy prime
			// minister and minister of ...": one title in lower case
		case t.kind == tWord && (roleOrgWords[t.low] || titleWords[t.low] || t.cap) && t.low != "and":
		default:
			i = -1 // not a word of a title: the title starts after it
			continue
		}
		b = i
	}
	if head >= 0 && country == "" {
		country = s.orgOwnerBefore(b) // "the agency's chief executive, Ben Black,"
	}
	if head < 0 || country == "" {
		return k, "", "" // "presidential press secretary Sherzod Asadov": whose, the text does not say here
	}
	for b < e && (toks[b].low == "of" || toks[b].low == "the" || s.countryAt(b) != "" || toks[b].kind == tPoss) {
		b++
	}
	return b, trimRole(toks[b:e]), country
}

// portfolioOf returns the head of a lower-case title whose portfolio,
// after "of", ends at token e: "minister" in "minister of artificial
// intelligence", "head of the national space agency"; -1 when the words
// before e are not such a portfolio (at most six lower-case words).
func portfolioOf(toks []token, e int) int {
	for i := e - 1; i >= 1 && i >= e-7; i-- {
		t := toks[i]
		if t.kind != tWord || t.cap {
			return -1
		}
		if t.low == "of" {
			if h := toks[i-1]; h.kind == tWord && !h.cap && newsTitleHeads[h.low] && i < e-1 {
				return i - 1
			}
			return -1
		}
	}
	return -1
}

// headedRole reports whether role holds an office's head word
// (newsTitleHeads): "Under Secretary of State for Economic Affairs", not
// "National Bank".
func headedRole(role string) bool {
	for _, w := range strings.Fields(role) {
		if newsTitleHeads[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// ownerNouns stand for an organisation the sentence has named, before
// the title of its head: "the agency's chief executive", "the bank's
// chairman".
var ownerNouns = makeSet(`agency company bank corporation fund ministry department operator firm group`)

// orgOwnerBefore returns the country of the organisation that "the
// agency's" before a title at token b refers to: the first country named
// earlier in the sentence ("The U.S. International Development Finance
// Corporation is prepared to A, the agency's chief executive, Ben Black,
// said"); "" when the title does not open so or no country precedes.
func (s *sentence) orgOwnerBefore(b int) string {
	if b < 2 || s.tokens[b-1].kind != tPoss || !ownerNouns[s.tokens[b-2].low] || s.tokens[b-2].cap {
		return ""
	}
	for k := 0; k < b-2; k++ {
		if c := s.countryAt(k); c != "" {
			return c
		}
	}
	return ""
}

// newsTitleHeads head a title that news copy writes in lower case:
// "finance minister", "Treasury secretary", "the head of the Interior
// Ministry", "chief executive", "her Kazakh counterpart".
var newsTitleHeads = makeSet(`minister secretary head chairman chairwoman chair chairperson director ambassador envoy
spokesperson spokesman spokeswoman governor mayor speaker commissioner chief executive president premier akim hokim khokim adviser
advisor counterpart commander`)

// regionInTitle reads a region or an international organisation a title
// is of, ending at token i: "Tyumen Region" of "Governor of Tyumen
// Region", "North Kazakhstan Region" of "Akim of North Kazakhstan Region",
// "the Shanghai Cooperation Organization" of "Secretary-General of the
// Shanghai Cooperation Organization". It returns the name's first token
// and a region's country, by the city or country its name holds; an
// organisation has none.
func regionInTitle(s *sentence, i int) (int, string, bool) {
	toks := s.tokens
	region := regionNouns[toks[i].low]
	if !toks[i].cap || !region && !orgHeads[toks[i].low] {
		return 0, "", false
	}
	b := i
	for b > 0 && b > i-5 && toks[b-1].cap && toks[b-1].kind == tWord && (!region || !titleWords[toks[b-1].low]) {
		b--
	}
	of := b - 1
	if tokLow(toks, of) == "the" {
		of-- // "of the Shanghai Cooperation Organization", "of the Kurgan Region"
	}
	if b == i || tokLow(toks, of) != "of" || of < 1 || !titleWords[toks[of-1].low] || !toks[of-1].cap {
		return 0, "", false
	}
	code := ""
	for k := b; k < i && code == "" && region; k++ {
		if pi := s.placeAt(k); pi >= 0 {
			code = s.places[pi].code
		}
	}
	return of + 1, code, true
}

// orgHeads end the name of an international organisation, whose officials
// speak for no country: "the Shanghai Cooperation Organization", "the
// United Nations", "the Eurasian Economic Union".
var orgHeads = makeSet(orgHeadWords)

// orgHeadWords are orgHeads as a list, for comparing words in any case.
const orgHeadWords = `organization organisation nations union treaty secretariat`

// orgRole reports whether a role is an office of an international
// organisation: "Secretary-General of the Shanghai Cooperation
// Organization", "United Nations Secretary-General".
func orgRole(role string) bool {
	for role != "" {
		w, rest, _ := strings.Cut(role, " ")
		for heads := orgHeadWords; heads != "" && len(w) >= 5; {
			var h string
			h, heads, _ = strings.Cut(heads, " ")
			if strings.EqualFold(w, h) {
				return true
			}
		}
		role = rest
	}
	return false
}

// orgBeforeTitle returns the index after an organisation's name that opens
// the capitalised run [k, j) before a title word ("United Nations" of
// "United Nations Secretary-General António Guterres"), k when none.
func orgBeforeTitle(toks []token, k, j int) int {
	for h := k; h < j-1 && h < k+4; h++ {
		if !toks[h].cap {
			break
		}
		if orgHeads[toks[h].low] && toks[h+1].is(wTitle) {
			return h + 1
		}
	}
	return k
}

// maxPortfolio is how many words a title's portfolio may run to after its
// title word: "Minister of Higher Education, Science and Innovation".
const maxPortfolio = 8

// titleBefore reports whether a title word opens the run of role words
// that ends at token i: "Premier of the State Council" before "Li Qiang".
func titleBefore(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-maxPortfolio; b-- {
		if titleWords[toks[b].low] && toks[b].cap {
			return true
		}
		if !roleOrgWords[toks[b].low] {
			return false
		}
	}
	return false
}

// countryAfterName reads "of Kazakhstan" after a name ("President
// Kassym-Jomart Tokayev of Kazakhstan").
func (d *docCtx) countryAfterName(s *sentence, j int) string {
	// "Ferdinand R. Marcos Jr. of the Philippines"
	for j < len(s.tokens) && (s.tokens[j].text == "." || s.tokens[j].text == "," || nameSuffixes[s.tokens[j].low]) {
		j++
	}
	if tokLow(s.tokens, j) != "of" {
		return ""
	}
	k := j + 1
	if tokLow(s.tokens, k) == "the" {
		k++
	}
	if pi := s.placeAt(k); pi >= 0 && s.places[pi].kind == gazetteer.MentionCountry {
		return s.places[pi].code
	}
	return ""
}

// reportedSpeaker reports whether the name ending at token i is reported
// speaking: a speech verb follows it ("Xi said", "Lavrov told"), or it
// opens the sentence's attribution ("According to Madiyev, Kazakhstan
// will ...").
func reportedSpeaker(toks []token, i int) bool {
	return followedBySpeech(toks, i+1) || tokLow(toks, i+1) == "," && i >= 2 && i <= 4 && tokLow(toks, 0) == "according" && tokLow(toks, 1) == "to"
}

// followedBySpeech reports whether a speech or meeting verb follows
// token j, past adverbs: "said", "also noted", "met".
func followedBySpeech(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+3; k++ {
		switch toks[k].low {
		case "said", "says", "noted", "stressed", "added", "met", "held", "pointed", "emphasized", "told", "expressed", "called",
			"had", "has", "spoke", "received", "hosted", "visited", "welcomed", "congratulated", "thanked", "discussed", "meets", "holds":
			return true
		}
		if !isAdverb(toks[k].low) {
			return false
		}
	}
	return false
}

// sentenceSays reports whether one of the words is a token of toks.
func sentenceSays(toks []token, words ...string) bool {
	for i := range toks {
		for _, w := range words {
			if toks[i].low == w {
				return true
			}
		}
	}
	return false
}

func joinTokens(toks []token) string {
	if len(toks) == 1 {
		return toks[0].text // no copy
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.start > toks[i-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// shortName is the form a readout uses after the first mention: the
// family name ("Tokayev", "Blinken"), or for Chinese-order names the first
// word ("Xi" of "Xi Jinping"), which lookupPerson also accepts.
func shortName(full string) string {
	return lastWord(full)
}

// addKeys records the keys under which p is found: the whole name, its
// first and last word, and the name without middle initials.
func (d *docCtx) addKeys(p *person, name string) {
	add := func(c string) {
		if k := d.personKey(c); k != "" && !slices.Contains(p.keys, k) {
			p.keys = append(p.keys, k)
		}
	}
	add(name)
	first, last := firstWord(name), lastWord(name)
	if len(first) == len(strings.TrimSpace(name)) {
		return // one word
	}
	add(first)
	add(last)
	// Without middle initials ("Antony Blinken"). A name without a period
	// has none, and then this key is the name's own (PersonKey reads the
	// words alone): this runs for every mention, so only a name with a
	// period is split.
	if !strings.Contains(name, ".") {
		return
	}
	var noInit []string
	for _, w := range strings.Fields(name) {
		if !(len(w) == 2 && w[1] == '.') {
			noInit = append(noInit, w)
		}
	}
	add(strings.Join(noInit, " "))
}

// lookupPerson finds a person already named, by full or short name in any
// transliteration.
func (d *docCtx) lookupPerson(name string) *person {
	k := d.personKey(name)
	if k == "" {
		return nil
	}
	for _, p := range d.people {
		if slices.Contains(p.keys, k) {
			return p
		}
	}
	// "Sadyr Japarov" against a known "Sadyr Zhaparov": by family name.
	first, last := firstWord(name), lastWord(name)
	if len(first) < len(strings.TrimSpace(name)) { // two words or more
		lk := d.personKey(last)
		for _, p := range d.people {
			if slices.Contains(p.keys, lk) && d.personKey(firstWord(p.name)) == d.personKey(first) {
				return p
			}
		}
	}
	return nil
}

// participants returns the meeting's participants: the principals, then
// those present.
func (d *docCtx) participants() []schema.Participant {
	var out []schema.Participant
	for _, pass := range []bool{true, false} {
		for _, p := range d.people {
			if p.principal != pass || (!p.principal && !p.present) {
				continue
			}
			sp := schema.Participant{Name: p.name, Role: p.role, Country: p.country, Principal: p.principal}
			for _, a := range p.aliases {
				if a != p.name && !slices.Contains(sp.Aliases, a) {
					sp.Aliases = append(sp.Aliases, a)
				}
			}
			out = append(out, sp)
		}
	}
	return out
}

// visitedHost returns the country a visitor came to when p, a principal
// with no country of his own, is whom he came to see: "Russia's Security
// Council secretary, Sergei Shoigu, was in Tajikistan on June 25 for talks
// with President Emomali Rahmon", "X arrived in Y for talks with Z".
// "" when the meeting sentence says no such thing.
func (d *docCtx) visitedHost(p *person) string {
	if d.meetSent < 0 {
		return ""
	}
	s := &d.sents[d.meetSent]
	toks := s.tokens
	for _, pm := range d.mentions[d.meetSent] {
		if pm.p != p || tokLow(toks, pm.roleI-1) != "with" && tokLow(toks, pm.roleI-2) != "with" {
			continue
		}
		for k := 1; k+1 < pm.roleI; k++ {
			w, n := toks[k].low, toks[k+1].low
			if (w == "was" || w == "arrived" || w == "is") && n == "in" || w == "visited" {
				at := k + 1
				if n == "in" {
					at++
				}
				if pi := s.placeAt(at); pi >= 0 && s.places[pi].kind == gazetteer.MentionCountry {
					return s.places[pi].code
				}
			}
		}
	}
	return ""
}
