package ingest

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// knownBodies are well-known multilateral bodies and initiatives by their
// usual acronym (general knowledge, as in any style guide), so that a
// readout that writes only "SCO" still names the organisation.
var knownBodies = map[string]struct {
	name string
	kind schema.EntityKind
}{
	"SCO":   {"Shanghai Cooperation Organization", schema.EntityOrganization},
	"BRICS": {"BRICS", schema.EntityOrganization},
	"UN":    {"United Nations", schema.EntityOrganization},
	"ASEAN": {"Association of Southeast Asian Nations", schema.EntityOrganization},
	"CIS":   {"Commonwealth of Independent States", schema.EntityOrganization},
	"EAEU":  {"Eurasian Economic Union", schema.EntityOrganization},
	"EEU":   {"Eurasian Economic Union", schema.EntityOrganization},
	"CSTO":  {"Collective Security Treaty Organization", schema.EntityOrganization},
	"C5+1":  {"C5+1", schema.EntityOrganization},
	"G20":   {"G20", schema.EntityOrganization},
	"BRI":   {"Belt and Road Initiative", schema.EntityInitiative},
	"GDI":   {"Global Development Initiative", schema.EntityInitiative},
	"GSI":   {"Global Security Initiative", schema.EntityInitiative},
	"GCI":   {"Global Civilization Initiative", schema.EntityInitiative},
	"CICA":  {"Conference on Interaction and Confidence-Building Measures in Asia", schema.EntityOrganization},
	"OSCE":  {"Organization for Security and Co-operation in Europe", schema.EntityOrganization},
	"WTO":   {"World Trade Organization", schema.EntityOrganization},
	"EU":    {"European Union", schema.EntityOrganization},
	"NATO":  {"North Atlantic Treaty Organization", schema.EntityOrganization},
	"APEC":  {"Asia-Pacific Economic Cooperation", schema.EntityOrganization},
}

// entityHeads end a capitalised name and give its kind: "Luban Workshop",
// "Shanghai Cooperation Organization", "China-Central Asia Summit".
var entityHeads = map[string]schema.EntityKind{
	"initiative": schema.EntityInitiative, "organization": schema.EntityOrganization,
	"organisation": schema.EntityOrganization, "union": schema.EntityOrganization,
	"council": schema.EntityOrganization, "commission": schema.EntityOrganization,
	"bank": schema.EntityOrganization, "fund": schema.EntityOrganization, "mechanism": schema.EntityOrganization,
	"format": schema.EntityOrganization, "community": schema.EntityOrganization,
	"summit": schema.EntityEvent, "forum": schema.EntityEvent, "year": schema.EntityEvent, "years": schema.EntityEvent,
	"festival": schema.EntityEvent, "days": schema.EntityEvent, "week": schema.EntityEvent, "fair": schema.EntityEvent, "decade": schema.EntityEvent,
	"exhibition": schema.EntityEvent, "consortium": schema.EntityOrganization, "expo": schema.EntityEvent, "games": schema.EntityEvent, "conference": schema.EntityEvent,
	"center": schema.EntityInstitution, "centre": schema.EntityInstitution, "workshop": schema.EntityInstitution,
	"workshops": schema.EntityInstitution, "institute": schema.EntityInstitution, "university": schema.EntityInstitution,
	"school": schema.EntityInstitution, "academy": schema.EntityInstitution,
	"corridor": schema.EntityProject, "railway": schema.EntityProject, "project": schema.EntityProject,
	"pipeline": schema.EntityProject, "highway": schema.EntityProject, "trains": schema.EntityProject,
	"train": schema.EntityProject, "express": schema.EntityProject, "park": schema.EntityProject,
	"zone": schema.EntityProject, "plant": schema.EntityProject, "port": schema.EntityProject, "hub": schema.EntityProject,
	"principle": schema.EntityPrinciple, "principles": schema.EntityPrinciple, "doctrine": schema.EntityPrinciple,
	"agreement": schema.EntityAgreement, "treaty": schema.EntityAgreement, "protocol": schema.EntityAgreement, "memorandum": schema.EntityAgreement,
	"declaration": schema.EntityAgreement, "charter": schema.EntityAgreement, "accord": schema.EntityAgreement, "accords": schema.EntityAgreement,
	"convention": schema.EntityAgreement, "roadmap": schema.EntityAgreement, "programme": schema.EntityProject,
	"program": schema.EntityProject,
	// mechanisms: "U.S.-Kazakhstan Strategic Partnership Dialogue", "Business Council"
	"dialogue": schema.EntityOrganization, "committee": schema.EntityOrganization, "platform": schema.EntityOrganization,
	"group": schema.EntityOrganization, "consultations": schema.EntityEvent,
	"subcommittee": schema.EntityOrganization, "sub-committee": schema.EntityOrganization, "chamber": schema.EntityOrganization,
	"alliance": schema.EntityOrganization, "association": schema.EntityOrganization, "agency": schema.EntityOrganization,
	"corporation": schema.EntityOrganization, "assembly": schema.EntityOrganization, "parliament": schema.EntityOrganization,
	// organs of government: "China's Ministry of Public Security", "the US
	// Department of Agriculture", "the U.S. Geological Survey"
	"ministry": schema.EntityInstitution, "department": schema.EntityInstitution, "survey": schema.EntityInstitution,
	// bodies and works: "the China-Central Asia Secretariat", "the Navoi
	// Mining and Metallurgical Combinat", "the Silk Road Economic Belt"
	"secretariat": schema.EntityOrganization, "laboratory": schema.EntityInstitution,
	"combinat": schema.EntityProject, "belt": schema.EntityInitiative,
	// infrastructure: "Trans-Caspian International Transport Route", "Port of
	// Aktau", "Rogun HPP", "Nur Zholy border crossing"
	"route": schema.EntityProject, "crossing": schema.EntityProject, "checkpoint": schema.EntityProject,
	"airport": schema.EntityProject, "station": schema.EntityProject, "terminal": schema.EntityProject,
	"canal": schema.EntityProject, "dam": schema.EntityProject, "complex": schema.EntityProject,
	"cluster": schema.EntityProject, "road": schema.EntityProject, "bridge": schema.EntityProject,
	"motorway": schema.EntityProject, "expressway": schema.EntityProject, "tunnel": schema.EntityProject,
	"reservoir": schema.EntityProject, "railroad": schema.EntityProject, "seaport": schema.EntityProject,
	"hpp": schema.EntityProject, "tpp": schema.EntityProject, "npp": schema.EntityProject, "sez": schema.EntityProject,
	"line": schema.EntityProject, "field": schema.EntityProject, "refinery": schema.EntityProject, "mine": schema.EntityProject,
	// sites: "the Kumtor deposit", "the 201st military base", "the Lyaur training ground"
	"deposit": schema.EntityProject, "base": schema.EntityProject, "ground": schema.EntityProject,
	// a principle set in capitals: "the Shanghai Spirit", "the Silk Road Spirit"
	"spirit": schema.EntityPrinciple,
	// national strategies and programmes: "National Development Strategy
	// up to 2030", "Vision 2050", "Kazakhstan 2050 Strategy"
	"strategy": schema.EntityInitiative, "vision": schema.EntityInitiative, "concept": schema.EntityInitiative,
	"agenda": schema.EntityInitiative, "movement": schema.EntityInitiative, "plan": schema.EntityInitiative,
	"policy": schema.EntityPrinciple, "process": schema.EntityInitiative,
	"campaign": schema.EntityInitiative, "network": schema.EntityOrganization,
	// heads that name a thing only with a name of its own
	// (commonHeads): "the Joint Sea drills", "the Mir payment system",
	// "the Karshi-Termez section", "the Xinjiang trade house", "the
	// Collective Rapid Reaction Forces"
	"forces": schema.EntityOrganization, "drills": schema.EntityEvent, "exercises": schema.EntityEvent,
	"house": schema.EntityInstitution, "system": schema.EntityProject, "section": schema.EntityProject,
	"cable": schema.EntityProject, "framework": schema.EntityInitiative, "ministerial": schema.EntityEvent,
}

// commonHeads are heads that a state or a body has many of: in lower case
// they make a name only after a name of the thing's own, not after a
// country ("the Kyrgyz section", "the Tajik armed forces") or a
// grouping ("the SCO framework", "joint CSTO drills").
var commonHeads = makeSet(`forces drills exercises house system section cable framework ministerial`)

// ownName reports whether name, read before a lower-case common head,
// has a capitalised word that is neither a country, its demonym nor an
// acronym ("UN-centred").
func ownName(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if !hasCapital(w) {
			continue
		}
		if i := strings.IndexAny(w, "-–"); i > 0 && isAcronym(w[:i]) {
			continue
		}
		if _, country := gazetteer.LookupCountry(w); !country && !isAcronym(w) && w != "C5+1" {
			return true
		}
	}
	return false
}

// actingBodySubject reports whether the subject of f is a named body
// that is neither a state nor one of its organs: a corporation, a centre,
// a fund, a carrier ("the US International Development Finance
// Corporation would provide", "the Russian Export Center will open",
// "Russian Railways is ready to"), also when a lower-case head stands
// before the name ("the state nuclear corporation Rosatom will") or the
// head is followed by "of" ("the Export-Import Bank of the United States
// will"), or when the subject is the body's acronym alone ("EXIM will
// also cover", "the DFC would fund"), which names no state.
func actingBodySubject(toks []token, f *frame) bool {
	if f.subjJ <= f.subjI || f.subjJ-f.subjI > maxSubject {
		return false
	}
	j := f.subjJ
	t := toks[j-1]
	if !t.cap || t.kind != tWord {
		return false
	}
	if j-1 == f.subjI || j-2 == f.subjI && toks[f.subjI].low == "the" {
		if _, country := gazetteer.LookupCountry(t.text); !country && isAcronym(t.text) {
			return true // "EXIM will", "the DFC would"
		}
	}
	if bodyHead(t) || carrierHeads[t.low] {
		return true
	}
	if j-2 >= f.subjI && !toks[j-2].cap && toks[j-2].kind == tWord && bodyHead(toks[j-2]) {
		return true // "Russia's state nuclear corporation Rosatom will"
	}
	for k := j - 2; k > f.subjI; k-- {
		if toks[k].low == "of" {
			return toks[k-1].cap && bodyHead(toks[k-1]) // "the Export-Import Bank of the United States"
		}
	}
	return false
}

// bodyHead reports whether t is the head noun of an organisation or an
// institution: "bank", "corporation", "centre".
func bodyHead(t token) bool {
	switch entityHeads[t.low] {
	case schema.EntityOrganization, schema.EntityInstitution:
		return true
	}
	return false
}

// carrierHeads end the names of companies that run a network: "Russian
// Railways", "Uzbekistan Airways".
var carrierHeads = makeSet(`railways airways airlines`)

// capitalHeads end a name only when capitalised: "the Consultative
// Meeting of the Heads of State", "the U.S.-Uzbekistan Strategic
// Partnership" (not "the Astana meeting", "a strategic partnership"). A
// partnership is named by its parties; in a title ("Joint Statement on
// ... the Comprehensive Strategic Partnership") it is the subject.
// namedPartnership reports whether a capitalised partnership's name names
// a grouping, not the standing of a relationship: "the Minerals Security
// Partnership", "the Eastern Partnership" (not "the Comprehensive
// Strategic Partnership").
func namedPartnership(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if partnershipStatus[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// partnershipStatus are the words of a relationship's standing.
var partnershipStatus = makeSet(`strategic comprehensive cooperative enhanced eternal everlasting all-weather all-round privileged special extended new-type`)

var capitalHeads = map[string]schema.EntityKind{
	"meeting": schema.EntityEvent, "meetings": schema.EntityEvent, "partnership": schema.EntityInitiative,
	// carriers: "Uzbekistan Airways", "Turkmenistan Airlines", "Russian
	// Railways" (a railway company, not a line: "the Trans-Afghan railway")
	"airways": schema.EntityOrganization, "airlines": schema.EntityOrganization, "railways": schema.EntityOrganization,
	// systems and structures set in capitals: "the Central Asian Power
	// System", "the Regional Anti-Terrorist Structure" (not "a payment
	// system")
	"system": schema.EntityProject, "structure": schema.EntityOrganization,
}

// spelledBodies finds well-known bodies written out ("the United
// Nations"), keyed by the first word of the name.
var spelledBodies = func() map[string][]string {
	m := map[string][]string{}
	for acr, kb := range knownBodies {
		if kb.name == acr {
			continue
		}
		w := strings.Fields(strings.ToLower(kb.name))
		m[w[0]] = append(m[w[0]], acr)
	}
	for _, acrs := range m {
		sort.Strings(acrs) // one answer for "Eurasian Economic Union" (EAEU, EEU)
	}
	return m
}()

// spelledBody returns the acronym of the well-known body whose full name
// starts at token k, and the name's length in tokens.
func spelledBody(toks []token, k int) (string, int) {
	for _, acr := range spelledBodies[toks[k].low] {
		w := strings.Fields(strings.ToLower(knownBodies[acr].name))
		if k+len(w) > len(toks) {
			continue
		}
		ok := true
		for n := range w {
			if toks[k+n].low != w[n] {
				ok = false
				break
			}
		}
		if ok {
			return acr, len(w)
		}
	}
	return "", 0
}

// temporalWords never modify a name ("next year" is no event).
var temporalWords = makeSet(`next last this every each same coming previous following new additional further`)

// nameConnectors may stand inside a capitalised name.
var nameConnectors = makeSet(`and of for on in de`)

// findAcronyms reads "Full Name (ACR)" anywhere in the document.
func (d *docCtx) findAcronyms() map[string]string {
	m := map[string]string{}
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := 2; k+1 < len(toks); k++ {
			if toks[k-1].text != "(" || toks[k+1].text != ")" || !isAcronym(toks[k].text) {
				continue
			}
			// Walk back over the capitalised name.
			b := k - 2
			for b >= 0 && b >= k-16 && (toks[b].kind == tWord && (toks[b].cap || nameConnectors[toks[b].low] && b > 0 && toks[b-1].cap || innerThe(toks, b)) || isDash(toks[b].text) && b > 0 && toks[b-1].cap) {
				b--
			}
			for b+1 < k-2 && !toks[b+1].cap {
				b++ // a name starts with a capital: "(in) the Shanghai ...", not a dash
			}
			if b+1 <= k-2 {
				// "Turkmenistan – Afghanistan – Pakistan – India
				// (TAPI)": spaced dashes join the name's parts
				name := strings.Join(strings.Fields(strings.NewReplacer(" – ", "-", " — ", "-", " - ", "-").Replace(joinTokens(toks[b+1:k-1]))), " ")
				if rest, ok := strings.CutPrefix(name, "The "); ok && !strings.HasPrefix(toks[k].text, "T") {
					name = rest // "The Export-Import Bank of the United States (EXIM)" opening a sentence
				}
				if initialsMatch(name, toks[k].text) || lettersMatch(name, toks[k].text) {
					m[toks[k].text] = acronymStart(name, toks[k].text)
				}
			}
		}
	}
	return m
}

// acronymStart drops a title or a body's organ walked back over with the
// name, up to "of (the)", when the rest starts with the acronym's letter
// and still spells it: "the Director General of the Kuwait Fund for Arab
// Economic Development (KFAED)" is the Kuwait Fund for Arab Economic
// Development, "the Board of the International Fund for Saving the Aral
// Sea (IFAS)" the Fund; "the Peshawar-Karachi Main Line (ML)" keeps its
// places.
func acronymStart(name, acr string) string {
	if name[0] == acr[0] {
		return name
	}
	for i := 0; i < len(name); i++ {
		if name[i] == acr[0] && (strings.HasSuffix(name[:i], " of ") || strings.HasSuffix(name[:i], " of the ")) {
			if rest := name[i:]; initialsMatch(rest, acr) || lettersMatch(rest, acr) {
				return rest
			}
		}
	}
	return name
}

// isAcronym reports whether s is written as an acronym: "SCO", "C5+1",
// "G20" (a capital and a number).
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	up, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsDigit(r):
			digits++
		case r != '+' && r != '&':
			return false
		}
	}
	return up >= 2 || up == 1 && digits > 0 && s[0] >= 'A' && s[0] <= 'Z'
}

// isDash reports whether a token is a dash.
func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// innerThe reports whether "the" at b stands inside a name, between a
// capitalised word or a connector and a capitalised word: "International
// Fund for Saving the Aral Sea".
func innerThe(toks []token, b int) bool {
	return toks[b].low == "the" && b > 0 && b+1 < len(toks) && toks[b+1].cap && (toks[b-1].cap || nameConnectors[toks[b-1].low])
}

// initialsMatch reports whether acr can stand for name: its letters are
// initials of the name's words, in order.
func initialsMatch(name, acr string) bool {
	var initials []byte
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			initials = append(initials, w[0])
		}
	}
	a := strings.ToUpper(acr)
	i := 0
	for _, c := range initials {
		if i < len(a) && a[i] == c {
			i++
		}
	}
	return i >= len(a)-1 && i >= 2
}

// lettersMatch accepts a looser acronym: its first letter is the name's
// initial and all its letters occur in the name in order ("Export Control
// and Related Border Security (EXBS)").
func lettersMatch(name, acr string) bool {
	if len(acr) < 3 || name == "" || name[0] != acr[0] {
		return false
	}
	low, a := strings.ToLower(name), strings.ToLower(acr)
	i := 0
	for k := 0; k < len(low) && i < len(a); k++ {
		if low[k] == a[i] {
			i++
		}
	}
	return i == len(a)
}

// projectActions are what is done to a project, after "its" or "their"
// that stands for it: "its financing", "their construction".
var projectActions = makeSet(`financing construction completion commissioning implementation modernization modernisation`)

// anaphoricHeads are the nouns that, after "the", refer back to a named
// thing of their kind: "the corridor", "the organization", "the plant".
var anaphoricHeads = makeSet(`corridor organization organisation project railway initiative pipeline plant route highway port park zone mechanism forum program programme fund
summit committee commission council centre center`)

// antecedent finds the entity "the <head>" at token k of sentence s
// refers to: the last named entity before it in the document whose head
// is that noun or, for "project", "organization" and "initiative", whose
// kind is the noun's.
func (d *docCtx) antecedent(s *sentence, k int, head string) (schema.Entity, bool) {
	return d.antecedentWithin(s, k, head, 12)
}

// antecedentWithin is antecedent, looking back over at most within
// sentences.
func (d *docCtx) antecedentWithin(s *sentence, k int, head string, within int) (schema.Entity, bool) {
	kind := entityHeads[head]
	match := func(e schema.Entity) bool {
		last := strings.ToLower(lastWord(e.Name))
		if last == head || last+"me" == head || last == head+"me" { // program/programme
			return true
		}
		switch head {
		case "project", "organization", "organisation", "initiative":
			return e.Kind == kind
		}
		return false
	}
	// "the Council" for "the Council of Heads of Government", when no
	// name ends with the noun: the nearest such name, kept while the
	// scan goes on
	var fallback schema.Entity
	found := false
	for si := s.idx; si >= 0 && si >= s.idx-within; si-- {
		t := &d.sents[si]
		end := len(t.tokens)
		if si == s.idx {
			end = k
		}
		if end == 0 {
			continue
		}
		es := d.entitiesIn(t, item{0, end}, false)
		for n := len(es) - 1; n >= 0; n-- {
			if match(es[n]) {
				return es[n], true
			}
			if !found && complementHead(es[n].Name, head) {
				fallback, found = es[n], true
			}
		}
	}
	return fallback, found
}

// complementHead reports whether head is the head noun of a name whose
// complement follows it: "Council" in "CIS Council of Heads of
// Government", "Centre" in "SCO Centre for Environmental Emergencies".
func complementHead(name, head string) bool {
	for rest := name; rest != ""; {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if strings.EqualFold(w, head) {
			next, _, _ := strings.Cut(rest, " ")
			return next == "of" || next == "for" || next == "on"
		}
	}
	return false
}

// entities returns the named things item it of sentence s concerns.
func (d *docCtx) entities(s *sentence, it item) []schema.Entity {
	return d.entitiesIn(s, it, true)
}

// entitiesIn is entities; resolve says whether to follow anaphora ("the
// corridor") back to their antecedents.
func (d *docCtx) entitiesIn(s *sentence, it item, resolve bool) []schema.Entity {
	toks := s.tokens
	out := []schema.Entity{}
	add := func(e schema.Entity) {
		for i := range out {
			if strings.EqualFold(out[i].Name, e.Name) || !strings.Contains(e.Name, " ") && slices.ContainsFunc(out[i].Aliases, func(a string) bool { return strings.EqualFold(a, e.Name) }) {
				// the same thing, or a bare name already found as an
				// alias ("Khorgos" of "Khorgos border port")
				for _, a := range e.Aliases {
					if !containsStr(out[i].Aliases, a) {
						out[i].Aliases = append(out[i].Aliases, a)
					}
				}
				return
			}
		}
		out = append(out, e)
	}
	for k := it.i; k < it.j; k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		// "the status of permanent neutrality": a state's standing
		// principle, written in lower case
		if t.low == "neutrality" && k > it.i && toks[k-1].low == "permanent" {
			add(schema.Entity{Name: "permanent neutrality", Kind: schema.EntityPrinciple})
			continue
		}
		// "the Jogorku Kenesh", "the Mejlis": a legislature by its own name
		if t.cap {
			if n := legislatureAt(toks, k, it.j); n > 0 {
				e := k + n
				if tokLow(toks, e) == "of" {
					if m := afterOfCountry(s, e); m > e {
						e = m // "the Mejlis of Turkmenistan"
					}
				}
				add(schema.Entity{Name: joinTokens(toks[k : k+n]), Aliases: legislatureAliases(toks, k, n, e), Kind: schema.EntityOrganization})
				k = e - 1
				continue
			}
		}
		// "Belt and Road"
		if t.low == "belt" && tokLow(toks, k+1) == "and" && tokLow(toks, k+2) == "road" && t.cap {
			add(schema.Entity{Name: "Belt and Road Initiative", Aliases: []string{"Belt and Road", "BRI"}, Kind: schema.EntityInitiative})
			k += 2
			if tokLow(toks, k+1) == "initiative" {
				k++
			}
			continue
		}
		if t.cap && spelledBodies[t.low] != nil {
			if acr, n := spelledBody(toks, k); n > 0 && !(k+n < it.j && toks[k+n].cap) {
				e, _ := d.acronymEntity(acr)
				add(e)
				k += n - 1
				continue
			}
		}
		if t.is(wHead) && isAcronym(t.text) && k > it.i {
			// "Rogun HPP": an abbreviated head after the name
			if e, ok := d.nameBefore(toks, it.i, k, entityHeads[t.low]); ok {
				add(e)
				continue
			}
		}
		if isAcronym(t.text) || t.text == "C5+1" {
			if kind, head := entityHeads[tokLow(toks, k+1)]; head && !commonHeads[tokLow(toks, k+1)] && k+1 < it.j && !toks[k+1].cap {
				if _, ok := d.nameBefore(toks, it.i, k+1, kind); ok {
					// "the C5+1 format": the name with its head follows;
					// "the SCO summit", "an OTS centre" also concern the
					// organisation itself.
					// "the CKU railway" (China-Kyrgyzstan-Uzbekistan):
					// a compound of countries, no body
					_, modifier := d.modifierAcronym(t.text)
					if e, ok := d.acronymEntity(t.text); ok && !modifier && e.Kind == schema.EntityOrganization && kind != schema.EntityOrganization {
						add(e)
					}
					continue
				}
			}
			e, ok := d.acronymEntity(t.text)
			if !ok && d.unknownBody(s, k) {
				// "cooperation with CNPC": an acronym the text does not
				// spell out names a company or a body
				e, ok = schema.Entity{Name: t.text, Kind: schema.EntityOrganization}, true
			}
			if ok {
				n := k + 1
				if tokLow(toks, n) == ")" {
					n++ // "... (EXBS) program"
				}
				for m := n; m < it.j && m < n+3 && toks[m].kind == tWord && !toks[m].cap; m++ {
					if kind, head := entityHeads[toks[m].low]; head && !commonHeads[toks[m].low] {
						// "EXBS program", "(TAPI) gas pipeline"
						e.Aliases = append(e.Aliases, t.text+" "+joinTokens(toks[n:m+1]))
						if _, known := knownBodies[t.text]; !known {
							e.Kind = kind
							if full, ok := d.modifierAcronym(t.text); ok {
								// "the China-Kyrgyzstan-Uzbekistan (CKU)
								// railway", "the CKU railway": the
								// spelled-out modifier with its head
								e.Name = full + " " + joinTokens(toks[n:m+1])
							}
						}
						break
					}
				}
				add(e)
			}
			continue
		}
		// "will take part in its financing": the project just named
		if resolve && (t.low == "its" || t.low == "their") && k+1 < it.j && projectActions[toks[k+1].low] {
			if e, ok := d.antecedentWithin(s, k, "project", 1); ok {
				add(e)
				k++
				continue
			}
		}
		// "the port of Kuryk", "the ports of Aktau and Kuryk": a port
		// named by its town after the head
		if !t.cap && t.is(wPort) && tokLow(toks, k+1) == "of" {
			if es := portsOf(s, k, it.j); len(es) > 0 {
				for _, e := range es {
					add(e)
				}
				k += 1
				continue
			}
		}
		kind, isHead := headKind(t)
		// An acronym as a modifier: "UN-centered", "SCO-related", "BRICS-plus".
		if i := strings.IndexByte(t.text, '-'); i > 0 && !isHead && isAcronym(t.text[:i]) && !hasCapital(t.text[i+1:]) {
			if e, ok := d.acronymEntity(t.text[:i]); ok {
				add(e)
			}
			continue
		}
		// "the agreement on mutual recognition of diplomas", "the joint
		// statement on ...", "the action plan for 2024-2026": a document
		// named by its complement.
		if !t.cap && t.is(wDoc) {
			if e, ok := lowerDocument(toks, it.i, it.j, k); ok {
				add(e)
				continue
			}
		}
		// "the intergovernmental commission on economic cooperation": a
		// joint body named by its subject.
		if !t.cap && t.is(wBody) {
			if e, ok := lowerBody(toks, it.i, it.j, k); ok {
				add(e)
				continue
			}
		}
		// "the Torugart and Irkeshtam checkpoints": names that share a
		// plural head, one entity each.
		if !t.cap && !t.is(wHead) {
			if es := d.sharedHead(s, it.i, k); len(es) > 0 {
				for _, e := range es {
					add(e)
				}
				continue
			}
		}
		// A lower-case or capitalised head: walk back over its modifiers.
		if !isHead {
			continue
		}
		// "the railway project" is the railway
		project := tokLow(toks, k+1) == "project" && t.low != "project" && !t.cap
		if the := theBefore(toks, k); resolve && anaphoricHeads[t.low] && the >= 0 && (project || !(k+1 < len(toks) && (toks[k+1].low == "of" || toks[k+1].kind == tWord && (toks[k+1].cap || entityHeads[toks[k+1].low] != "")))) {
			// "the corridor", "the Corridor" (a short form set in
			// capitals): the corridor named before; "the third summit"
			// is of the series, not "the Xi'an Summit" that was one
			if e, ok := d.antecedent(s, the, t.low); ok && !(the < k-1 && namedByCity(e)) {
				add(e)
				if project {
					k++
				}
				continue
			}
			if !t.cap {
				continue
			}
		}
		if t.cap && k+1 < it.j && toks[k+1].kind == tWord && toks[k+1].cap {
			continue // the name goes on: "Collective Security Treaty Organization"
		}
		if e, ok := d.nameBefore(toks, it.i, k, kind); ok && (t.low != "partnership" || strings.Contains(firstWord(e.Name), "-") || namedPartnership(e.Name)) && (t.cap || !commonHeads[t.low] || ownName(e.Name)) {
			add(canonicalPrinciple(e))
		} else if e, ok := placedFacility(s, it.i, it.j, k); ok && kind == schema.EntityProject {
			add(e)
		}
	}
	d.headlessNames(s, it, out, add)
	return out
}

// sharedHead reads names coordinated before a plural head at k, "the
// Torugart and Irkeshtam checkpoints", "the Rogun, Sangtuda and Nurek
// dams": one entity per name, "Torugart checkpoint" with the alias
// "Torugart"; a town names its crossing ("the Guliston checkpoint").
// Countries and demonyms are no names here ("the Kazakh and
// Chinese railways"). Lower-case modifiers of the head go with it: "the
// Khorgos and Alashankou border ports" -> "Khorgos border port".
func (d *docCtx) sharedHead(s *sentence, from, k int) []schema.Entity {
	toks := s.tokens
	head := strings.TrimSuffix(toks[k].low, "s")
	kind, ok := entityHeads[head]
	if !ok || head == toks[k].low {
		return nil
	}
	m := k
	for m > from && m > k-3 && toks[m-1].low != "and" && nounModifier(toks[m-1]) {
		m--
	}
	if m < k && !(m > from && toks[m-1].cap) {
		return nil
	}
	if m < k {
		head = joinTokens(toks[m:k]) + " " + head
	}
	var names []string
	and := false
	for b := m - 1; b >= from; b-- {
		t := toks[b]
		switch {
		case sharedName(s, b):
			// a name of up to three words: "the Khorgos–Altynkol and
			// Nur Zholy crossings"
			e := b
			for e > from && e > b-2 && sharedName(s, e-1) {
				e--
			}
			if e > from && toks[e-1].kind == tWord && toks[e-1].cap {
				break // a longer name: no shared head
			}
			names = append(names, joinTokens(toks[e:b+1]))
			b = e
			continue
		case t.low == "and" && len(names) == 1 && !and:
			and = true
			continue
		case t.text == "," && and && len(names) >= 2:
			continue
		}
		break
	}
	if !and || len(names) < 2 {
		return nil
	}
	out := make([]schema.Entity, 0, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		out = append(out, schema.Entity{Name: names[i] + " " + head, Aliases: []string{names[i]}, Kind: kind})
	}
	return out
}

// sharedName reports whether token k is a capitalised word that may stand
// in a name before a shared head: no country, no common capitalised word.
func sharedName(s *sentence, k int) bool {
	t := s.tokens[k]
	return t.kind == tWord && t.cap && s.countryAt(k) == "" && !notNameWords[t.low]
}

// portNouns name a port by the town that follows: "the seaport of
// Turkmenbashi".
var portNouns = makeSet(`port ports seaport seaports`)

// portsOf reads the towns after "port(s) of" at k, before token j: "the
// ports of Aktau and Kuryk" are "Port of Aktau" (aliases "Aktau port",
// "Aktau") and
// "Port of Kuryk". A country is no port's name ("the ports of
// Kazakhstan").
func portsOf(s *sentence, k, j int) []schema.Entity {
	toks := s.tokens
	var out []schema.Entity
	n := k + 2
	for {
		if tokLow(toks, n) == "the" {
			n++
		}
		e := n
		for e < j && e < n+3 && sharedName(s, e) {
			e++
		}
		if e == n || e < j && toks[e].kind == tWord && toks[e].cap {
			return out
		}
		name := joinTokens(toks[n:e])
		out = append(out, schema.Entity{Name: "Port of " + name, Aliases: []string{name + " port", name}, Kind: schema.EntityProject})
		if toks[k].low != "ports" && toks[k].low != "seaports" || tokLow(toks, e) != "and" {
			return out
		}
		n = e + 1
	}
}

// instructedBodies reads "A [and B] to" from token b: the bare names of
// the bodies instructed, none unless "to" follows.
func (d *docCtx) instructedBodies(s *sentence, b, j int) []string {
	a, n := d.bareNameEnd(s, b, j)
	if a == "" {
		return nil
	}
	if tokLow(s.tokens, n) == "and" {
		c, m := d.bareNameEnd(s, n+1, j)
		if c != "" && tokLow(s.tokens, m) == "to" {
			return []string{a, c}
		}
		return nil
	}
	if tokLow(s.tokens, n) == "to" {
		return []string{a}
	}
	return nil
}

// productNouns are goods that a maker's name may stand before: "Boeing
// aircraft", "Siemens turbines".
var productNouns = makeSet(`aircraft airliners airplanes planes jets freighters helicopters trucks buses cars vehicles locomotives wagons turbines tractors engines`)

// fieldProducts are what a field or a deposit yields, after the field's
// bare name: "Tengiz oil", "Shah Deniz gas", "Karachaganak condensate".
var fieldProducts = makeSet(`gas oil crude condensate coal`)

// fieldName reports whether the capitalised word at k names the field its
// product at k+1 comes from: no country, demonym, place, region or
// adjective of one ("Caspian oil", "Siberian gas"), no compound of
// countries ("Russia-China gas"), and no modifier of a head that names the
// thing itself ("the Kazakhstan-China gas pipeline").
func (d *docCtx) fieldName(s *sentence, k, j int) bool {
	toks := s.tokens
	return k+1 < j && fieldProducts[toks[k+1].low] && !(k+2 < j && entityHeads[toks[k+2].low] != "") && !strings.Contains(toks[k].text, "-") &&
		sharedName(s, k) && s.placeAt(k) < 0 && !geoWords[toks[k].low] && !strings.HasSuffix(toks[k].low, "ian") &&
		!isAcronym(toks[k].text) && !titleWords[toks[k].low] && !(toks[k-1].cap && toks[k-1].kind == tWord) && !d.inPerson(s, k, k+1)
}

// namedWork reports whether the capitalised word at k, after "the", is
// the own name of the thing its lower-case noun at k+1 names: "the Datka
// substation", "the Kazarman cascade on the Naryn River". The name is one
// word that is no country, demonym, place, region or title (the filters
// of fieldName), and the noun ends the phrase: a preposition, a
// punctuation mark or the span's end follows ("the Uzbek side", "the
// Almaty region" and "the Tajik delegation" are not names); a plural, a
// place's area noun or a verb of saying is no work ("the Altai
// mountains", "the Panj district", "the Treasury said"). A domain word
// may stand between name and noun ("the Kazarman hydropower cascade"):
// namedWork returns the index after the noun, 0 when there is no work.
func (d *docCtx) namedWork(s *sentence, k, j int) int {
	toks := s.tokens
	h := k + 1
	if h+1 < j && toks[h].kind == tWord && !toks[h].cap && domainWord(toks[h].low) && toks[h+1].kind == tWord && !toks[h+1].cap && !prepositions[toks[h+1].low] {
		h++ // "the Kazarman hydropower cascade"
	}
	if h >= j || toks[k-1].low != "the" || toks[h].kind != tWord || toks[h].cap || prepositions[toks[h].low] || entityHeads[toks[h].low] != "" {
		return 0
	}
	if noun := toks[h].low; geoWords[noun] || areaNouns[noun] || strings.HasSuffix(noun, "s") || toks[h].class&wSay != 0 {
		return 0 // "the Chui valley", "the Turkic world", "the Altai mountains", "the Treasury said"
	}
	if k >= 3 && nameConnectors[toks[k-2].low] && toks[k-3].cap {
		return 0 // "... Strategy for the Period up to 2030": inside a longer name
	}
	if n := h + 1; n < j && toks[n].kind == tWord && !prepositions[toks[n].low] {
		return 0
	}
	if !d.workName(s, k) {
		return 0
	}
	return h + 1
}

// domainWord reports whether a word alone names a topic of the
// vocabulary ("hydropower", "gas", "rail"): a work's domain, not its
// name.
func domainWord(low string) bool {
	for _, r := range topicIndex[stem(low)] {
		if len(r.words) == 1 {
			return true
		}
	}
	return false
}

// workName reports whether the capitalised word at k can be a work's own
// name: no hyphenated pair, place, region, demonym, acronym, title or
// person.
func (d *docCtx) workName(s *sentence, k int) bool {
	toks := s.tokens
	return !strings.ContainsAny(toks[k].text, "-–") && sharedName(s, k) && s.placeAt(k) < 0 && !geoWords[toks[k].low] &&
		!strings.HasSuffix(toks[k].low, "ian") && !isAcronym(toks[k].text) && !titleWords[toks[k].low] && !d.inPerson(s, k, k+1)
}

// projectCode reports whether w is a project's code: three or more
// capitals, a hyphen and a number ("CASA-1000"), where the capitals are
// no head of their own ("HPP-1" is the first plant of a named cascade).
func projectCode(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 3 || i == len(w)-1 || entityHeads[strings.ToLower(w[:i])] != "" {
		return false
	}
	for _, c := range []byte(w[:i]) {
		if !isUpperASCII(c) {
			return false
		}
	}
	for _, c := range []byte(w[i+1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// areaNouns name an area by the place before them, as geoWords do: "the
// Panj district", "the Turkic world" (a closed class of area nouns).
var areaNouns = makeSet(`district border world up`)

// productNoun reports whether a product noun follows at k, after a model
// number ("Boeing 787 aircraft", "Airbus A321 aircraft").
func productNoun(toks []token, k, j int) bool {
	if k < j && strings.ContainsAny(toks[k].low, "0123456789") {
		k++
	}
	return k < j && productNouns[toks[k].low]
}

// legislatureNames index the names of legislatures (participants.go)
// by their first word, as tokens: "jogorku kenesh", "national people 's
// congress".
var legislatureNames = func() map[string][][]string {
	m := map[string][][]string{}
	for name := range legislatures {
		w := strings.Fields(strings.ReplaceAll(name, "'s", " 's"))
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

// legislatureAt returns the number of tokens of the legislature's name
// that starts at k (before j), 0 when there is none.
func legislatureAt(toks []token, k, j int) int {
	for _, w := range legislatureNames[toks[k].low] {
		if k+len(w) > j {
			continue
		}
		ok := true
		for n, x := range w {
			if toks[k+n].low != x {
				ok = false
				break
			}
		}
		if ok && !(k+len(w) < j && toks[k+len(w)].cap && toks[k+len(w)].kind == tWord) {
			return len(w)
		}
	}
	return 0
}

// legislatureAliases gives the Mejlis the name with its country, "Mejlis
// of Turkmenistan", when the text writes it.
func legislatureAliases(toks []token, k, n, e int) []string {
	if k+n == e {
		return nil
	}
	return []string{joinTokens(toks[k:e])}
}

// companyNouns introduce a company or agency by its bare name: "the state
// corporation Rosatom", "the company Huawei", "oil company CNPC".
var companyNouns = makeSet(`company companies corporation corporations group holding firm operator giant concern conglomerate`)

// headlessNames finds names that carry no head noun: a company after
// "company"/"corporation" ("state corporation Rosatom"), a quoted name
// ('the "Digital Silk Road"'), and a name coordinated with an entity
// already found ("synergy between the Belt and Road Initiative and Nurly
// Zhol").
func (d *docCtx) headlessNames(s *sentence, it item, found []schema.Entity, add func(schema.Entity)) {
	toks := s.tokens
	for k := it.i; k < it.j; k++ {
		t := toks[k]
		switch {
		case t.kind == tWord && !t.cap && companyNouns[t.low]:
			if e := d.bareName(s, k+1, it.j); e != "" {
				add(schema.Entity{Name: e, Kind: schema.EntityOrganization})
			}
		case k == it.i && instructVerbs[t.low]:
			// "instruct Gazprom and QazaqGaz to draw up a plan": the
			// bodies told to act, by their bare names
			for _, e := range d.instructedBodies(s, k+1, it.j) {
				add(schema.Entity{Name: e, Kind: schema.EntityOrganization})
			}
		case t.low == "participation" && tokLow(toks, k+1) == "of":
			// "with the participation of Rosatom": the body that takes part
			b := k + 2
			if tokLow(toks, b) == "the" {
				b++
			}
			if e := d.bareName(s, b, it.j); e != "" {
				add(schema.Entity{Name: e, Kind: schema.EntityOrganization})
			}
		case t.kind == tWord && t.cap && k > it.i && !isAcronym(t.text) && productNoun(toks, k+1, it.j):
			// "Boeing 787 aircraft", "KAMAZ trucks": the maker of
			// the goods
			if sharedName(s, k) && s.placeAt(k) < 0 && !titleWords[t.low] && !(toks[k-1].cap && toks[k-1].kind == tWord) && !d.inPerson(s, k, k+1) {
				add(schema.Entity{Name: t.text, Kind: schema.EntityOrganization})
			}
		case t.kind == tWord && t.cap && k > it.i && d.fieldName(s, k, it.j):
			// "Karachaganak gas": the field the product comes from
			add(schema.Entity{Name: t.text, Kind: schema.EntityProject})
		case t.kind == tWord && projectCode(t.text) && !(k > 0 && (toks[k-1].cap && toks[k-1].kind == tWord || toks[k-1].text == "(")) &&
			!slices.ContainsFunc(found, func(e schema.Entity) bool { return strings.Contains(e.Name, t.text) }):
			// "through CASA-1000": a project by its code alone, not an
			// acronym in brackets, not named otherwise ("the CASA-1000
			// power line")
			add(schema.Entity{Name: t.text, Kind: schema.EntityProject})
		case t.kind == tWord && t.cap && k > it.i && d.namedWork(s, k, it.j) > 0 && !startsEntity(found, t.text):
			// "the Datka substation", "the Kazarman cascade of
			// hydropower plants", "the Kazarman hydropower cascade": a
			// work by its own name and a common noun (once: "the
			// Kumtor deposit infrastructure" is the Kumtor deposit's)
			add(schema.Entity{Name: joinTokens(toks[k:d.namedWork(s, k, it.j)]), Aliases: []string{t.text}, Kind: schema.EntityProject})
		case isQuote(t) && k+1 < it.j && toks[k+1].cap:
			e := k + 1
			for e < it.j && e < k+8 && toks[e].kind == tWord && (toks[e].cap || nameConnectors[toks[e].low]) {
				e++
			}
			// A quoted name before its head ("«Green Kazakhstan» national
			// project") is read with the head by nameBefore.
			if e < it.j && isQuote(toks[e]) && toks[e-1].cap && !(headFollows(toks, e+1) && !temporalBefore(toks, e+1)) && !d.inPerson(s, k+1, e) {
				add(schema.Entity{Name: joinTokens(toks[k+1 : e]), Kind: schema.EntityInitiative})
			}
		case t.kind == tWord && t.cap && k > it.i && !(toks[k-1].cap && toks[k-1].kind == tWord || toks[k-1].kind == tPoss):
			// "the Majlisi Oli", "the Astana International Exchange",
			// "the Eurasian Women's Forum": a name of capitalised words
			// whose last word is no head the other rules know
			if e := d.capitalisedName(s, k, it.j, found); e != "" {
				add(schema.Entity{Name: e, Kind: schema.EntityOrganization})
			}
		case t.low == "between" && k+3 < it.j && k > it.i && linkNouns[toks[k-1].low]:
			// "cooperation between Tatneft and Uzbekneftegaz": two
			// bodies by their bare names
			b := k + 1
			if toks[b].low == "the" {
				b++
			}
			a, n := d.bareNameEnd(s, b, it.j)
			n = afterOfCountry(s, n) // "the Majlisi Oli of the Republic of Tajikistan and ..."
			if a == "" || tokLow(toks, n) != "and" || n+1 >= it.j {
				continue
			}
			if toks[n+1].low == "the" {
				n++
			}
			if c := d.bareName(s, n+1, it.j); c != "" {
				add(schema.Entity{Name: a, Kind: schema.EntityOrganization})
				if !startsEntity(found, firstWord(c)) {
					add(schema.Entity{Name: c, Kind: schema.EntityOrganization})
				}
			} else if startsEntity(found, toks[n+1].text) {
				add(schema.Entity{Name: a, Kind: schema.EntityOrganization}) // "... and the Federal Assembly of Russia"
			}
		case t.low == "and" && k > it.i && k+1 < it.j:
			// "A and B" where A is a name found: B is one too, and the
			// other way round.
			if endsEntity(found, toks[k-1].text) {
				b := k + 1
				if toks[b].low == "the" {
					b++
				}
				if e := d.bareName(s, b, it.j); e != "" {
					add(schema.Entity{Name: e, Kind: schema.EntityInitiative})
				}
			}
			n := k + 1
			if toks[n].low == "the" {
				n++
			}
			if n < it.j && startsEntity(found, toks[n].text) {
				b := k
				for b > it.i && b > k-4 && toks[b-1].kind == tWord && toks[b-1].cap {
					b--
				}
				if b < k && (b == it.i || !toks[b-1].cap) {
					if e := d.bareName(s, b, k); e == joinTokens(toks[b:k]) {
						add(schema.Entity{Name: e, Kind: schema.EntityInitiative})
					}
				}
			}
		}
	}
}

// capitalisedName reads a run of two or more capitalised words from
// token i (before j), a possessive allowed inside ("the Eurasian Women's
// Forum"), as a name when at least one word is neither a place, a title,
// a month nor a common capitalised word, the run is no person's name, and
// no entity found already holds it or is held by it, and it names no
// partnership's standing nor a document (their own rules read those),
// nor the person invited ("invited Vladimir Putin to visit"), nor a place
// after a bare preposition (placePrep): "the Majlisi Oli",
// "the Astana International Exchange", "Authorized Economic Operators".
// "" when there is none.
func (d *docCtx) capitalisedName(s *sentence, i, j int, found []schema.Entity) string {
	toks := s.tokens
	owned := ownerPossessive(s, i, j)
	if owned {
		i += 2 // "Russia's Mir cards": the name is Mir, Russia its owner
	}
	e, own := i, 0
	for e < j && e < i+6 {
		t := toks[e]
		if t.kind == tPoss && e > i && e+1 < j && toks[e+1].kind == tWord && toks[e+1].cap {
			e++
			continue
		}
		if t.kind != tWord || !t.cap {
			break
		}
		if _, month := monthOf(t); month || titleWords[t.low] {
			return ""
		}
		if geoWords[t.low] {
			return "" // "the Caspian Sea", "Central Asian", "the Naryn River"
		}
		if s.placeAt(e) < 0 && !notNameWords[t.low] && !isAcronym(t.text) {
			own++
		}
		e++
	}
	if e-i < 2 && !(owned && e == i+1 && e < j && toks[e].kind == tWord && !toks[e].cap && !nameConnectors[toks[e].low]) || own == 0 || placePrep[tokLow(toks, i-1)] || toks[e-1].low == "partnership" || toks[e-1].is(wDoc) || strings.HasPrefix(toks[i-1].low, "invit") || patronymic(toks[e-1].low) || e < j && headFollows(toks, e) || d.inPerson(s, i, e) || longerName(s, i, e) {
		return ""
	}
	name := joinTokens(toks[i:e])
	for _, f := range found {
		if strings.Contains(f.Name, name) || strings.Contains(name, f.Name) {
			return ""
		}
	}
	return name
}

// ownerPossessive reports whether a country's possessive at token i
// (before j) owns the capitalised name after it: "Russia's Mir cards",
// "Kazakhstan's Samruk-Kazyna fund". The country is no part of the name,
// which may then be one word when a common noun follows it.
func ownerPossessive(s *sentence, i, j int) bool {
	return i+2 < j && s.countryAt(i) != "" && s.tokens[i+1].kind == tPoss && s.tokens[i+2].kind == tWord && s.tokens[i+2].cap
}

// placePrep are the prepositions after which capitalised words without an
// article are a place the gazetteer lacks, not a name: "a second customs
// lane at Panji Poyon", "a plant in Kara Suu" (but "at the Astana
// International Exchange").
var placePrep = makeSet(`at in near from via through`)

// geoWords are the words of regions and natural features, which are no
// names of the things agreed on: "Central Asia", "the Fergana Valley",
// "the Aral Sea", "North Kazakhstan Region".
var geoWords = makeSet(`central north south east west northern southern eastern western far asia asian caucasus arctic
sea seas gulf bay river rivers lake valley peninsula desert plateau basin darya shan region province oblast mountains`)

// longerName reports whether the capitalised words [i, e) stand inside a
// longer name, joined to capitalised words by a connector: "Joint
// Statement" of "the Joint Statement on Strategic Partnership",
// "Cultural Cooperation" of "the Commission on Trade and Cultural
// Cooperation". A connector and a place may follow ("the Majlisi Oli of
// Tajikistan", "the Eurasian Women's Forum in Saint Petersburg").
func longerName(s *sentence, i, e int) bool {
	toks := s.tokens
	b := i - 1
	if tokLow(toks, b) == "the" {
		b--
	}
	if b > 0 && nameConnectors[toks[b].low] && toks[b-1].cap {
		return true
	}
	if !nameConnectors[tokLow(toks, e)] {
		return false
	}
	n := e + 1
	if tokLow(toks, n) == "the" {
		n++
	}
	return n < len(toks) && toks[n].kind == tWord && toks[n].cap && s.placeAt(n) < 0
}

// patronymic reports whether w is a Russian-style patronymic, which ends a
// person's name written without the surname: "Vladimir Vladimirovich".
func patronymic(w string) bool {
	return strings.HasSuffix(w, "vich") || strings.HasSuffix(w, "vna") || strings.HasSuffix(w, "ichna")
}

// bareName reads a name of up to three capitalised words from token i
// (before token j) that is no place, person, title, month or common
// capitalised word, "" when there is none.
func (d *docCtx) bareName(s *sentence, i, j int) string {
	name, _ := d.bareNameEnd(s, i, j)
	return name
}

// bareNameEnd is bareName, with the index of the token after the name.
func (d *docCtx) bareNameEnd(s *sentence, i, j int) (string, int) {
	toks := s.tokens
	e := i
	for e < j && e < i+3 && toks[e].kind == tWord && toks[e].cap && !notNameWords[toks[e].low] && !titleWords[toks[e].low] && s.placeAt(e) < 0 {
		if _, ok := monthOf(toks[e]); ok {
			break
		}
		e++
	}
	if e == i || d.inPerson(s, i, e) {
		return "", e
	}
	if e == i+1 && d.knownAcronym(toks[i].text) {
		return "", e // "UN": read as the body it stands for
	}
	if e < len(toks) && toks[e].kind == tWord && toks[e].cap || headFollows(toks, e) {
		return "", e // a longer name the other rules read: "the Kuryk port"
	}
	return joinTokens(toks[i:e]), e
}

// afterOfCountry returns the token after "of [the] <country>" at n, the
// state a body belongs to ("Majlisi Oli of the Republic of Tajikistan"),
// else n.
func afterOfCountry(s *sentence, n int) int {
	if tokLow(s.tokens, n) != "of" {
		return n
	}
	m := n + 1
	if tokLow(s.tokens, m) == "the" {
		m++
	}
	if pi := s.placeAt(m); pi >= 0 && s.places[pi].kind == gazetteer.MentionCountry && s.places[pi].i == m {
		return s.places[pi].j
	}
	return n
}

// linkNouns say that two bodies work together: "cooperation between
// Tatneft and Uzbekneftegaz" (not "a railway between Tacheng and Ayagoz").
var linkNouns = makeSet(`cooperation ties partnership contacts exchanges interaction relations contracts agreements`)

func endsEntity(es []schema.Entity, w string) bool {
	for _, e := range es {
		if strings.HasSuffix(e.Name, w) && (len(e.Name) == len(w) || e.Name[len(e.Name)-len(w)-1] == ' ') {
			return true
		}
	}
	return false
}

func startsEntity(es []schema.Entity, w string) bool {
	for _, e := range es {
		if first, _, _ := strings.Cut(e.Name, " "); first == w {
			return true
		}
	}
	return false
}

// headKind reports whether t ends a name, and the name's kind: a head
// noun, or one numbered as the units of a project are ("Kambar-Ata
// HPP-1", "Line-3").
func headKind(t token) (schema.EntityKind, bool) {
	if t.is(wHead) {
		return entityHeads[t.low], true
	}
	if t.cap {
		if kind, ok := capitalHeads[t.low]; ok {
			return kind, true
		}
	}
	if w := unnumbered(t.low); len(w) < len(t.low) {
		kind, ok := entityHeads[w]
		return kind, ok
	}
	return "", false
}

// namedByCity reports whether a name opens with a city: "Xi'an Summit",
// one event of a series.
func namedByCity(e schema.Entity) bool {
	_, ok := gazetteer.LookupCity(strings.TrimSuffix(strings.TrimSuffix(firstWord(e.Name), "'s"), "’s"))
	return ok
}

// theBefore returns the index of the "the" (or "this", "that") before
// token k, across an ordinal ("the third summit"), -1 when there is none.
func theBefore(toks []token, k int) int {
	b := k - 1
	if b > 0 && ordinals[toks[b].low] {
		b--
	}
	if b >= 0 && (toks[b].low == "the" || toks[b].low == "this" || toks[b].low == "that") {
		return b
	}
	return -1
}

// ordinalNumber reports whether w is a number as an ordinal: "201st", "3rd".
func ordinalNumber(w string) bool {
	n := len(w)
	if n < 3 || !isNumber(w[:n-2]) {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// nounModifier reports whether t can modify a lower-case head as a noun
// or an adjective: "science" of "science and technology park".
func nounModifier(t token) bool {
	if t.kind != tWord || t.cap || determiners[t.low] || prepositions[t.low] || auxiliaries[t.low] || isAdverb(t.low) {
		return false
	}
	if verbAdjectives[t.low] {
		return true // "the Jizzakh and Navoi free economic zones"
	}
	vk, base := verbForm(t.low)
	return vk == vNone || vk == vBase && nounyVerbs[base]
}

// pluralPossessive reports whether the token at b is the apostrophe of a
// lower-case plural possessive, written right after its word: "ministers'"
// in "the finance ministers' dialogue".
func pluralPossessive(toks []token, from, b int) bool {
	t := toks[b]
	return (t.text == "'" || t.text == "’") && b > from && toks[b-1].kind == tWord && !toks[b-1].cap &&
		strings.HasSuffix(toks[b-1].low, "s") && toks[b-1].end == t.start
}

// gerundModifier reports whether the -ing word at b modifies the head at
// h as a noun ("the Lyaur training ground", "the Jizzakh processing
// plant"): it stands right before the head, after a capitalised word or
// a noun or adjective of its own ("a China-Uzbekistan ecological
// monitoring laboratory").
func gerundModifier(toks []token, from, b, h int) bool {
	vk, _ := verbForm(toks[b].low)
	return vk == vIng && b == h-1 && b > from && toks[b-1].kind == tWord && (toks[b-1].cap || nounModifier(toks[b-1]))
}

// verbAdjectives are adjectives spelled as verbs that modify a facility:
// "the Khorgos free economic zone", "an open data centre".
var verbAdjectives = makeSet(`free open clean smart`)

// ordinals make a lower-case facility one of its kind: "the country's
// first nuclear power plant".
var ordinals = makeSet(`first second third fourth fifth sixth seventh eighth ninth tenth`)

// canonicalPrinciple names a policy stated as a principle by the
// principle: "the one-China policy" is the one-China principle.
func canonicalPrinciple(e schema.Entity) schema.Entity {
	if e.Kind != schema.EntityPrinciple || !strings.HasSuffix(strings.ToLower(e.Name), " policy") {
		return e
	}
	alias := e.Name
	e.Name = strings.TrimSuffix(e.Name, e.Name[len(e.Name)-len("policy"):]) + "principle"
	e.Aliases = append(e.Aliases, alias)
	return e
}

// acronymEntity resolves an acronym through the document's "(ACR)" and the
// table of well-known bodies.
func (d *docCtx) acronymEntity(acr string) (schema.Entity, bool) {
	if full, ok := d.acronyms[acr]; ok {
		kind := schema.EntityOrganization
		if k, ok := entityHeads[strings.ToLower(lastWord(full))]; ok {
			kind = k
		}
		if kb, ok := knownBodies[acr]; ok && strings.EqualFold(kb.name, full) {
			kind = kb.kind
		}
		return schema.Entity{Name: full, Aliases: []string{acr}, Kind: kind}, true
	}
	if kb, ok := knownBodies[acr]; ok {
		e := schema.Entity{Name: kb.name, Kind: kb.kind}
		if kb.name != acr {
			e.Aliases = []string{acr}
		}
		if acr == "BRI" {
			e.Aliases = []string{"Belt and Road", "BRI"}
		}
		return e, true
	}
	return schema.Entity{}, false
}

// firstWord and lastWord are the first and the last of strings.Fields(s),
// "" when there is none, without making the slice: they run for every name
// a readout mentions.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	return s
}

// nameBefore reads the name whose head is token h: capitalised words with
// connectors ("Traditional Chinese Medicine Center"), or modifiers before a
// lower-case head that make it a proper name: a country compound
// ("China-Central Asia mechanism", "China-Kyrgyzstan-Uzbekistan railway
// project"), a capitalised word ("Kazakhstan tourism year"), "one-China
// principle", or for an agreement at least two modifiers ("mutual visa
// exemption agreement").
func (d *docCtx) nameBefore(toks []token, from, h int, kind schema.EntityKind) (schema.Entity, bool) {
	head := toks[h]
	b := h - 1
	capMods, lowMods := 0, 0
	skipFrom, skipTo := -1, -1 // a parenthetical inside the name
	for b >= from && b >= h-10 {
		t := toks[b]
		if isQuote(t) && b > from && (toks[b-1].cap || isQuote(toks[b-1])) {
			b-- // a quoted name: the «Green Kazakhstan» national project
			continue
		}
		if t.text == "+" && b > from && toks[b-1].cap && b+1 < h && toks[b+1].cap {
			b-- // "the «Central Asia + Japan» Dialogue"
			continue
		}
		if t.text == ")" && b-1 > from {
			// "the Dosti (Friendship) Dam", "the Main Line-1 (ML-1)
			// railway": an aside inside the name, left out of it.
			// An acronym the text defines there is read with its
			// expansion ("... Border Security (EXBS) program").
			if o := openParen(toks, b, from); o > from && toks[o-1].kind == tWord && (toks[o-1].cap || isNumber(toks[o-1].text)) && !(o+2 == b && d.acronyms[toks[o+1].text] != "") {
				skipFrom, skipTo = o, b+1
				b = o - 1
				continue
			}
		}
		if !head.cap && t.kind == tPoss && b > from && toks[b-1].cap && ordinals[toks[b+1].low] {
			capMods++ // "Kazakhstan's first nuclear power plant": one of its kind
			b -= 2
			break
		}
		if pluralPossessive(toks, from, b) && !head.cap {
			b-- // "a China-Uzbekistan finance ministers' dialogue"
			continue
		}
		if t.kind != tWord && t.text != "-" && t.text != "–" {
			break
		}
		if t.cap || !head.cap && ordinalNumber(t.text) {
			capMods++ // "the 201st military base" is named by its number
			b--
			continue
		}
		if (t.text == "-" || t.text == "–") && b > from && toks[b-1].cap && (toks[b-1].end == t.start && t.end == toks[b+1].start || isNumber(toks[b+1].text) || toks[b+1].cap) {
			b-- // "U.S.-Kazakhstan" (cut after the acronym's period), "Uzbekistan – 2030 Strategy", "Caspian Sea – Black Sea corridor"
			continue
		}
		if isNumber(t.text) && b > from && (toks[b-1].cap || toks[b-1].text == "–" || toks[b-1].text == "-") {
			b-- // "Kazakhstan 2050 Strategy", "Power of Siberia 2 gas pipeline"
			continue
		}
		if strings.Contains(t.low, "-") && hasCapital(t.text) { // "one-China"
			capMods++
			b--
			continue
		}
		if (head.cap && nameConnectors[t.low] || t.low == "of" && capMods > 0 && toks[b+1].cap) && b > from && toks[b-1].cap && toks[b-1].kind == tWord {
			b-- // "the Power of Siberia 2 pipeline": "of" between capitalised words of the name
			continue
		}
		if !head.cap && lowMods > 0 && t.low == "and" && b > from && nounModifier(toks[b-1]) {
			b-- // "the China-Tajikistan agricultural science and technology park"
			continue
		}
		if !head.cap && !determiners[t.low] && !possPronouns[t.low] && !prepositions[t.low] && !temporalWords[t.low] && !auxiliaries[t.low] && !isAdverb(t.low) && t.low != "and" && t.low != "such" && t.low != "as" {
			if vk, base := verbForm(t.low); vk == vNone || vk == vBase && (nounyVerbs[base] || verbAdjectives[base]) {
				lowMods++
				b--
				continue
			}
			if gerundModifier(toks, from, b, h) {
				lowMods++ // "the Lyaur training ground"
				b--
				continue
			}
		}
		break
	}
	start := b + 1
	if start < h && toks[start].low == "the" {
		start++ // "The Middle Corridor" at the start of a sentence
	}
	// Drop leading lower-case words before the first capitalised one
	// for a capitalised head.
	for start < h && !toks[start].cap && head.cap {
		start++
	}
	// A capitalised head whose proper part follows "of": "Port of Aktau",
	// "Year of Culture", "Organization of Turkic States".
	// "Agreement on Mutual Visa Exemption", "Programme for ...".
	ofName := head.cap && (tokLow(toks, h+1) == "of" || tokLow(toks, h+1) == "on" || tokLow(toks, h+1) == "for") && h+2 < len(toks) &&
		(toks[h+2].cap || toks[h+2].low == "the" && h+3 < len(toks) && toks[h+3].cap) // "Declaration on the Enhancement of ..."
	yearName := head.cap && h+1 < len(toks) && isYear(toks[h+1].text) || // "Vision 2050"
		head.cap && yearSuffix(toks, h+1) > h+2 // "the Roadmap for 2025-2027"
	if start == h && !ofName && !yearName {
		return schema.Entity{}, false
	}
	if !head.cap && capMods == 0 && !(kind == schema.EntityAgreement && lowMods >= 2) {
		return schema.Entity{}, false
	}
	if head.cap && capMods == 0 && !ofName && !yearName {
		return schema.Entity{}, false
	}
	if head.cap && start == h && (head.low == "plan" || head.low == "policy" || head.low == "line" || head.low == "field") && !ofName {
		return schema.Entity{}, false
	}
	// A generic lower-case head after a bare place is no name: "in
	// Kyrgyzstan project" does not occur, but "Kazakhstan railway" may.
	end := h + 1
	if head.cap {
		// "Year of Culture and Tourism", "Forum for International
		// Cooperation", "Joint Statement on Further Deepening ...".
		for e := end; e+1 < len(toks); {
			// "in" only inside a title ("Agreement on Cooperation in Water
			// Resources"), not after the head ("Dialogue in Astana").
			theCap := toks[e+1].low == "the" && e+2 < len(toks) && toks[e+2].cap // "on the Enhancement of"
			if !(toks[e].low == "of" || toks[e].low == "for" || toks[e].low == "on" || toks[e].low == "in" && e > h+1) || !toks[e+1].cap && !theCap {
				break
			}
			if toks[e].low == "in" && placeName(toks, e+1) {
				break // "Working Group on Energy in Tashkent": the place of a meeting
			}
			e++
			for e < len(toks) && toks[e].kind == tWord && (toks[e].cap || toks[e].low == "and" && e+1 < len(toks) && toks[e+1].cap || toks[e].low == "the" && e+1 < len(toks) && toks[e+1].cap) {
				e++
			}
			end = e
		}
	}
	end = yearSuffix(toks, end)
	name := joinNameTokens(toks[start:end])
	if skipFrom > start && skipTo <= end {
		name = joinNameTokens(toks[start:skipFrom]) + " " + joinNameTokens(toks[skipTo:end])
	}
	e := schema.Entity{Name: name, Kind: kind}
	if skipFrom > start && skipTo <= end {
		e.Aliases = append(e.Aliases, joinNameTokens(toks[start:end])) // as written, aside and all
	}
	// "X railway project" -> "X railway", with the project form and an
	// initialism of the compound as aliases ("CKU railway").
	if head.low == "project" && h-1 >= start {
		if k, ok := entityHeads[toks[h-1].low]; ok && toks[h-1].low != "project" {
			e.Aliases = append(e.Aliases, name)
			e.Name = joinTokens(toks[start:h])
			e.Kind = k
			head = toks[h-1]
		}
	}
	if i := strings.LastIndexByte(e.Name, ' '); i > 0 {
		mod := e.Name[:i]
		if strings.Count(mod, "-") >= 2 && !strings.Contains(mod, " ") {
			var ini []byte
			for _, w := range strings.Split(mod, "-") {
				if w != "" {
					ini = append(ini, w[0])
				}
			}
			e.Aliases = append(e.Aliases, strings.ToUpper(string(ini))+" "+e.Name[i+1:])
		}
	}
	if head.low == "initiative" && strings.EqualFold(e.Name, "Belt and Road Initiative") {
		e.Aliases = []string{"Belt and Road", "BRI"}
	}
	for acr, full := range d.acronyms {
		if strings.EqualFold(full, e.Name) && !containsStr(e.Aliases, acr) {
			e.Aliases = append(e.Aliases, acr)
		}
	}
	if full, ok := d.modifierAcronym(firstWord(e.Name)); ok {
		e.Aliases = append(e.Aliases, full+e.Name[len(firstWord(e.Name)):]) // "CKU railway": China-Kyrgyzstan-Uzbekistan railway
	}
	return e, true
}

// placedFacility reads a facility that the text names by where it stands:
// "the nuclear power plant in the Jizzakh region", "the new container
// terminal in Aktau", with the place before the head as an alias
// ("Jizzakh nuclear power plant"). The lower-case head at h has "the" and
// a modifier before it and a city or a region after "in"; a country is
// no such place ("the railway in Kazakhstan").
func placedFacility(s *sentence, from, to, h int) (schema.Entity, bool) {
	toks := s.tokens
	if toks[h].cap || toks[h].low == "project" || tokLow(toks, h+1) != "in" {
		return schema.Entity{}, false
	}
	b := h
	for b > from && b > h-4 && toks[b-1].low != "and" && !temporalWords[toks[b-1].low] && nounModifier(toks[b-1]) {
		b--
	}
	the := b - 1
	for the > from && temporalWords[toks[the].low] {
		the-- // "the new container terminal in Aktau"
	}
	if b == h || the < 0 || toks[the].low != "the" {
		return schema.Entity{}, false
	}
	p := h + 2
	if tokLow(toks, p) == "the" {
		p++
	}
	e := p
	for e < to && e < p+3 && toks[e].kind == tWord && toks[e].cap {
		e++
	}
	place := e
	switch {
	case e == p:
		return schema.Entity{}, false
	case e < to && regionNouns[toks[e].low]:
		e++
	case s.placeAt(p) < 0 || s.countryAt(p) != "":
		return schema.Entity{}, false
	}
	return schema.Entity{
		Name:    joinNameTokens(toks[b:e]),
		Aliases: []string{joinNameTokens(toks[p:place]) + " " + joinNameTokens(toks[b:h+1])},
		Kind:    schema.EntityProject,
	}, true
}

// openParen returns the "(" that the ")" at k closes, within a few words
// and not before from, or -1.
func openParen(toks []token, k, from int) int {
	for o := k - 1; o >= from && o >= k-5; o-- {
		switch toks[o].text {
		case "(":
			return o
		case ")", ",", ";":
			return -1
		}
	}
	return -1
}

func hasCapital(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// isYear reports whether w is a year or a span of years ("2050",
// "2025-2030").
func isYear(w string) bool {
	if len(w) != 4 && len(w) != 9 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && !(i == 4 && (w[i] == '-')) {
			return false
		}
	}
	return w[0] == '1' || w[0] == '2'
}

// yearSuffix extends a name over the period it names: "Vision 2050",
// "Strategy ... up to 2030", "Programme for 2025-2027", "until 2030".
func yearSuffix(toks []token, end int) int {
	switch {
	case end < len(toks) && isYear(toks[end].text):
		return end + 1
	case end+1 < len(toks) && (toks[end].low == "until" || toks[end].low == "for" || toks[end].low == "till" || toks[end].low == "through") && isYear(toks[end+1].text):
		return end + 2
	case end+2 < len(toks) && toks[end].low == "up" && toks[end+1].low == "to" && isYear(toks[end+2].text):
		return end + 3
	}
	return end
}

// isNumber reports whether w is all digits.
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// joinNameTokens joins the words of a name, leaving out quotation marks
// ("«Green Central Asia» project" -> "Green Central Asia project").
func joinNameTokens(toks []token) string {
	var b strings.Builder
	var prev *token
	for i := range toks {
		t := &toks[i]
		poss := pluralPossessive(toks, 0, i) && !slices.ContainsFunc(toks[:i], isQuote) // "ministers' dialogue"
		if isQuote(*t) && !poss {
			continue
		}
		if prev != nil && (t.start > prev.end || isQuote(toks[i-1]) && !(i >= 2 && pluralPossessive(toks, 0, i-1))) {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
		prev = t
	}
	return b.String()
}

// quotedForm is a name as written when it holds quotation marks ('the
// Joint Statement of the "Central Asia + Russia" Format'), for the alias
// that matches a title copied with them; "" when it holds none.
func quotedForm(toks []token) string {
	if !slices.ContainsFunc(toks, isQuote) {
		return ""
	}
	return joinTokens(toks)
}

// bareDocNouns name a document only with a modifier ("joint statement",
// "action plan") or a period ("programme for 2025-2027"): alone they are
// common words ("a plan for the development of ...").
var bareDocNouns = makeSet(`statement plan programme program contract`)

// docTitleStops end a lower-case document's complement: what follows
// says when, how or by whom, not what the document is about.
var docTitleStops = makeSet(`which that who at by during before after within as from through under since when this next last with`)

// ownModifier reports whether the word before b is a single capitalised
// name of the thing's own, neither a country, a demonym, a compound of
// them ("the China-Kazakhstan agreement on ...") nor an acronym, that a
// lower-case document is named by: "the Baiterek cooperation programme
// until 2035", "the Kashagan production sharing agreement".
func ownModifier(toks []token, from, b int) bool {
	return b > from && toks[b-1].kind == tWord && toks[b-1].cap && !(b-2 >= from && toks[b-2].kind == tWord && toks[b-2].cap) && !strings.ContainsAny(toks[b-1].text, "-–") &&
		!titleWords[toks[b-1].low] && !temporalWords[toks[b-1].low] && ownName(toks[b-1].text)
}

// lowerDocument reads a document written in lower case whose head noun is
// token h, from its modifiers through its complement: "the agreement on
// mutual recognition of diplomas", "a memorandum of understanding on
// cooperation in tourism", "the joint statement on strategic partnership",
// "the action plan for 2024-2026". "reached an agreement on" is a
// consensus, not a document.
func lowerDocument(toks []token, from, to, h int) (schema.Entity, bool) {
	head := toks[h].low
	if strings.HasSuffix(head, "s") || head == "memoranda" {
		return schema.Entity{}, false // several documents: "signed agreements on ..."
	}
	b := h
	for b > from && b > h-3 {
		t := toks[b-1]
		if t.kind != tWord || t.cap || determiners[t.low] || prepositions[t.low] || auxiliaries[t.low] || temporalWords[t.low] || isAdverb(t.low) || t.low == "and" {
			break
		}
		if vk, base := verbForm(t.low); vk != vNone && !(vk == vBase && nounyVerbs[base]) {
			break
		}
		b--
	}
	if ownModifier(toks, from, b) {
		b-- // "the Baiterek cooperation programme until 2035"
	}
	for n := b - 1; n >= from && n >= b-3; n-- {
		if _, base := verbForm(toks[n].low); base == "reach" || toks[n].low == "came" || toks[n].low == "come" {
			return schema.Entity{}, false
		}
	}
	e := h + 1
	if tokLow(toks, e) == "of" && tokLow(toks, e+1) == "understanding" {
		e += 2 // "memorandum of understanding"
	}
	if e+1 >= to {
		return schema.Entity{}, false
	}
	end := -1
	switch p := toks[e].low; {
	case (p == "for" || p == "until" || p == "till") && isYear(toks[e+1].text):
		end = e + 2 // "action plan for 2024-2026"
	case p == "on" || p == "for" || p == "of" || p == "between" || p == "concerning" || p == "regarding":
		if bareDocNouns[head] && b == h {
			return schema.Entity{}, false
		}
		c := e + 1
		for c < to && c < e+14 {
			t := toks[c]
			if t.kind != tWord && t.text != "-" && t.text != "–" {
				break
			}
			if auxiliaries[t.low] && t.low != "to" || docTitleStops[t.low] {
				break // "... at an early date", "... which"
			}
			if t.low == "to" || t.low == "and" || t.low == "or" {
				if vk, base := verbForm(tokLow(toks, c+1)); vk == vBase && !nounyVerbs[base] || determiners[tokLow(toks, c+1)] && t.low != "to" {
					break // "... and strengthen", "... to expand"
				}
			}
			if vk, _ := verbForm(t.low); vk == vEd && (c+1 >= to || toks[c+1].kind != tWord || prepositions[toks[c+1].low] || temporalWords[toks[c+1].low] || toks[c+1].low == "last") {
				break // "... signed last year", "... reached in 2023"
			}
			c++
		}
		c = trimEnd(toks, e+1, c)
		for c > e+1 && (determiners[toks[c-1].low] || prepositions[toks[c-1].low]) {
			c--
		}
		if c == e+1 {
			return schema.Entity{}, false
		}
		end = yearSuffix(toks, c)
	default:
		return schema.Entity{}, false
	}
	return schema.Entity{Name: joinNameTokens(toks[b:end]), Kind: schema.EntityAgreement}, true
}

// bodyNouns head a joint body that readouts write in lower case ("the
// Uzbek-Azerbaijani investment company" is one of two states too).
var bodyNouns = makeSet(`commission committee council subcommittee sub-committee forum group company`)

// jointBodyModifiers make a lower-case body one of two or more states:
// "the intergovernmental commission", "the joint committee".
var jointBodyModifiers = makeSet(`intergovernmental inter-governmental joint bilateral trilateral interparliamentary inter-parliamentary interagency inter-agency interregional inter-regional`)

// bodyFields stand between a joint body's modifier and its head: "the
// intergovernmental cooperation committee", "the U.S.-Kazakhstan trade
// working group".
var bodyFields = makeSet(`cooperation working trade economic investment energy transport`)

// lowerBody reads a joint body written in lower case whose head noun is
// token h, from its modifiers through its subject: "the intergovernmental
// commission on trade and economic cooperation", "the Kazakh-Chinese
// joint committee on water resources". The subject ends before the
// place, the time or the purpose of its meeting ("... in Samarkand in
// the autumn").
func lowerBody(toks []token, from, to, h int) (schema.Entity, bool) {
	b := h
	joint := false
	for b > from && b > h-5 {
		t := toks[b-1]
		switch {
		case t.kind == tWord && !t.cap && jointBodyModifiers[t.low]:
			joint = true
		case t.kind == tWord && !t.cap && bodyFields[t.low] && !joint:
			// "intergovernmental cooperation committee": a field before the head
		case t.kind == tWord && t.cap && strings.Contains(t.text, "-") && partyPair(t.text):
			joint = true // "the Russian-Uzbek intergovernmental commission", "the U.S.-Kazakhstan trade working group"
		default:
			b = from // stop
			continue
		}
		b--
	}
	b = bodyStart(toks, from, h)
	p := tokLow(toks, h+1)
	if joint && standingBody(toks, from, b, h, p) {
		// "hold the next meeting of the intergovernmental cooperation
		// committee in Urumqi": a standing body, named by its parties
		// and field
		kind := entityHeads[toks[h].low] // a forum is an event
		if kind == "" {
			kind = schema.EntityOrganization
		}
		return schema.Entity{Name: joinNameTokens(toks[b : h+1]), Kind: kind}, true
	}
	if !joint || h+2 >= to || p != "on" && p != "for" || toks[h].low == "forum" || toks[h].low == "group" {
		return schema.Entity{}, false
	}
	c := h + 2
	for c < to && c < h+14 {
		t := toks[c]
		if t.kind != tWord && t.text != "," || prepositions[t.low] && t.low != "of" || docTitleStops[t.low] || auxiliaries[t.low] {
			break
		}
		if vk, base := verbForm(t.low); vk != vNone && !(vk == vBase && nounyVerbs[base]) && !t.cap {
			break
		}
		c++
	}
	c = trimEnd(toks, h+2, c)
	if c == h+2 {
		return schema.Entity{}, false
	}
	return schema.Entity{Name: joinNameTokens(toks[b:c]), Aliases: []string{joinNameTokens(toks[b : h+1])}, Kind: schema.EntityOrganization}, true
}

// bodyStart returns where the modifiers of the lower-case body headed at
// h begin: its joint modifiers, fields and the pair of parties.
func bodyStart(toks []token, from, h int) int {
	b := h
	for b > from && b > h-5 {
		t := toks[b-1]
		if t.kind != tWord || !(!t.cap && (jointBodyModifiers[t.low] || bodyFields[t.low]) || t.cap && strings.Contains(t.text, "-") && partyPair(t.text)) {
			break
		}
		b--
	}
	return b
}

// partyPair reports whether a hyphenated capitalised word pairs two
// parties: "Russian-Uzbek", "U.S.-Kazakhstan", "Kazakh-Chinese".
func partyPair(w string) bool {
	a, c, ok := strings.Cut(w, "-")
	return ok && a != "" && c != "" && isUpperASCII(a[0]) && isUpperASCII(c[0])
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// standingBody reports whether the lower-case joint body from b to h is
// one that stands already, named without a subject: after "the" (and
// "next", "regular"), or a forum of two named parties; a working group
// only with its parties named. "set up a joint working group" founds
// one, which is not yet a name.
func standingBody(toks []token, from, b, h int, next string) bool {
	if next == "on" || next == "for" || next == "of" {
		return false // the subject follows: the longer name
	}
	pair := partyPair(toks[b].text)
	if toks[h].low == "group" && (!pair || tokLow(toks, h-1) != "working") {
		return false
	}
	d := b - 1
	for d >= from && temporalWords[toks[d].low] {
		d--
	}
	if d >= from && (toks[d].low == "the" || toks[d].kind == tPoss) {
		return true
	}
	return pair && toks[h].low == "forum"
}

// titleComplements open the subject of a document's title after the
// signatories: "Agreement between the Government of X and the Government
// of Y on cooperation in ...".
var titleComplements = makeSet(`on in for concerning regarding about`)

// documentEntity names the document a signed-document item carries:
// "Agreement between the Government of X and the Government of Y on
// cooperation in ..." is the Agreement on cooperation in ..., with the
// full title as an alias; "Programme of economic cooperation for
// 2025-2030" is itself. A lower-case document noun names a document only
// with a complement ("an agreement on visa exemption").
func documentEntity(toks []token, it item) (schema.Entity, bool) {
	i := it.i
	for i < it.j && (toks[i].kind == tPunct || determiners[toks[i].low]) {
		i++
	}
	h := -1
	for k := i; k < it.j && k < i+5 && toks[k].kind == tWord; k++ {
		if toks[k].is(wDoc) || toks[k].cap && titleNouns[toks[k].low] { // "the Decision on ..."
			h = k
			break
		}
		if !toks[k].cap {
			break
		}
	}
	if h < 0 || h+2 > it.j {
		return schema.Entity{}, false
	}
	next := toks[h+1].low
	if !toks[h].cap && !(next == "on" || next == "of" || next == "between" || next == "for") {
		return schema.Entity{}, false
	}
	if !toks[h].cap {
		i = h // "an agreement on ...": the name starts at the noun
	}
	j := trimEnd(toks, i, it.j)
	if j-i < 2 {
		return schema.Entity{}, false
	}
	full := joinNameTokens(toks[i:j])
	e := schema.Entity{Name: full, Kind: schema.EntityAgreement}
	if q := quotedForm(toks[i:j]); q != "" {
		e.Aliases = append(e.Aliases, q)
	}
	for b := h + 1; b < j; b++ {
		if toks[b].low != "between" {
			continue
		}
		for c := b + 1; c < j; c++ {
			if titleComplements[toks[c].low] {
				e.Name = joinNameTokens(toks[i:b]) + " " + joinNameTokens(toks[c:j])
				e.Aliases = append(e.Aliases, full)
				break
			}
		}
		break
	}
	return e, true
}

// placeName reports whether the capitalised words from k name a city or a
// country and nothing more ("in Tashkent", "in the Kyrgyz Republic").
func placeName(toks []token, k int) bool {
	e := k
	for e < len(toks) && e < k+4 && toks[e].kind == tWord && toks[e].cap {
		e++
	}
	if e == k {
		return false
	}
	name := joinTokens(toks[k:e])
	if _, ok := gazetteer.LookupCity(name); ok {
		return true
	}
	_, ok := gazetteer.LookupCountry(name)
	return ok
}

// headFollows reports whether a lower-case entity head follows token i
// closely, after at most two lower-case modifiers ("regional project").
func headFollows(toks []token, i int) bool {
	for n := i; n < len(toks) && n < i+3; n++ {
		if toks[n].kind != tWord || toks[n].cap {
			return false
		}
		if _, ok := entityHeads[toks[n].low]; ok {
			return true
		}
	}
	return false
}

// temporalBefore reports whether a temporal word ("new") stands among the
// lower-case words from i before the head that headFollows found: the
// name before it is not read with the head ('"Nurly Zhol" new economic
// policy'), so it stands alone.
func temporalBefore(toks []token, i int) bool {
	for n := i; n < len(toks) && n < i+3 && toks[n].kind == tWord && !toks[n].cap; n++ {
		if _, ok := entityHeads[toks[n].low]; ok {
			return false
		}
		if temporalWords[toks[n].low] {
			return true
		}
	}
	return false
}

// commonAcronyms are abbreviations of things, units and fields, not of
// bodies: "LNG exports", "GDP growth", "AI", "SMEs".
var commonAcronyms = makeSet(`GDP LNG LPG AI ICT IT SME SMES R&D HPP HPPS NPP TPP SEZ CEO USD GW MW KW KWH TWH COVID PPP FDI ESG EV EVS CO2 VAT BCM UAV UAVS IPO`)

// unknownBody reports whether the acronym at token k, which neither the
// text nor the table of well-known bodies spells out, names a body: three
// letters or more, no place ("USA"), no common abbreviation, and not
// the modifier of a name that follows.
func (d *docCtx) unknownBody(s *sentence, k int) bool {
	t := s.tokens[k]
	if len(t.text) < 3 || commonAcronyms[strings.ToUpper(t.text)] || romanNumeral(t.text) || s.placeAt(k) >= 0 || s.isCountryWord(k) {
		return false
	}
	return !(k+1 < len(s.tokens) && s.tokens[k+1].cap)
}

// romanNumeral reports whether w is a Roman numeral ("XXI century").
func romanNumeral(w string) bool {
	return strings.Trim(w, "IVXLC") == ""
}

// modifierAcronym returns what the text spells out for acr when that is a
// modifier with no head of its own ("China-Kyrgyzstan-Uzbekistan (CKU)
// railway"): the acronym modifies the head that follows it.
func (d *docCtx) modifierAcronym(acr string) (string, bool) {
	full := d.acronyms[acr]
	if _, known := knownBodies[acr]; full == "" || known {
		return "", false
	}
	for _, w := range strings.Fields(full) {
		if _, head := entityHeads[strings.ToLower(w)]; head {
			return "", false // "Organization of Turkic States (OTS)"
		}
	}
	return full, true
}

// knownAcronym reports whether acronymEntity resolves acr.
func (d *docCtx) knownAcronym(acr string) bool {
	if _, ok := d.acronyms[acr]; ok {
		return true
	}
	_, ok := knownBodies[acr]
	return ok
}
