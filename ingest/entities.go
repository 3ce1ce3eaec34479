package ingest

import (
	"strings"
	"unicode"

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
	"summit": schema.EntityEvent, "forum": schema.EntityEvent, "year": schema.EntityEvent,
	"festival": schema.EntityEvent, "expo": schema.EntityEvent, "games": schema.EntityEvent, "conference": schema.EntityEvent,
	"center": schema.EntityInstitution, "centre": schema.EntityInstitution, "workshop": schema.EntityInstitution,
	"workshops": schema.EntityInstitution, "institute": schema.EntityInstitution, "university": schema.EntityInstitution,
	"school": schema.EntityInstitution, "academy": schema.EntityInstitution,
	"corridor": schema.EntityProject, "railway": schema.EntityProject, "project": schema.EntityProject,
	"pipeline": schema.EntityProject, "highway": schema.EntityProject, "trains": schema.EntityProject,
	"train": schema.EntityProject, "express": schema.EntityProject, "park": schema.EntityProject,
	"zone": schema.EntityProject, "plant": schema.EntityProject, "port": schema.EntityProject, "hub": schema.EntityProject,
	"principle": schema.EntityPrinciple, "principles": schema.EntityPrinciple, "doctrine": schema.EntityPrinciple,
	"agreement": schema.EntityAgreement, "treaty": schema.EntityAgreement, "memorandum": schema.EntityAgreement,
	"declaration": schema.EntityAgreement, "charter": schema.EntityAgreement, "accord": schema.EntityAgreement,
	"convention": schema.EntityAgreement, "roadmap": schema.EntityAgreement, "programme": schema.EntityProject,
	"program": schema.EntityProject,
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
			for b >= 0 && b >= k-12 && (toks[b].cap || nameConnectors[toks[b].low] && b > 0 && toks[b-1].cap) && toks[b].kind == tWord {
				b--
			}
			if b+1 <= k-2 {
				name := joinTokens(toks[b+1 : k-1])
				if initialsMatch(name, toks[k].text) {
					m[toks[k].text] = name
				}
			}
		}
	}
	return m
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if !unicode.IsDigit(r) && r != '+' && r != '&' {
			return false
		}
	}
	return up >= 2
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

// entities returns the named things item it of sentence s concerns.
func (d *docCtx) entities(s *sentence, it item) []schema.Entity {
	toks := s.tokens
	out := []schema.Entity{}
	add := func(e schema.Entity) {
		for i := range out {
			if strings.EqualFold(out[i].Name, e.Name) {
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
		// "Belt and Road"
		if t.low == "belt" && tokLow(toks, k+1) == "and" && tokLow(toks, k+2) == "road" && t.cap {
			add(schema.Entity{Name: "Belt and Road Initiative", Aliases: []string{"Belt and Road", "BRI"}, Kind: schema.EntityInitiative})
			k += 2
			if tokLow(toks, k+1) == "initiative" {
				k++
			}
			continue
		}
		if isAcronym(t.text) || t.text == "C5+1" {
			if _, head := entityHeads[tokLow(toks, k+1)]; head && k+1 < it.j && !toks[k+1].cap {
				continue // "the C5+1 format": the name with its head follows
			}
			if e, ok := d.acronymEntity(t.text); ok {
				add(e)
			}
			continue
		}
		// A lower-case or capitalised head: walk back over its modifiers.
		kind, ok := entityHeads[t.low]
		if !ok {
			continue
		}
		if t.cap && k+1 < it.j && toks[k+1].kind == tWord && toks[k+1].cap {
			continue // the name goes on: "Collective Security Treaty Organization"
		}
		if e, ok := d.nameBefore(toks, it.i, k, kind); ok {
			add(e)
		}
	}
	return out
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

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
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
	for b >= from && b >= h-10 {
		t := toks[b]
		if t.kind != tWord {
			break
		}
		if t.cap {
			capMods++
			b--
			continue
		}
		if strings.Contains(t.low, "-") && hasCapital(t.text) { // "one-China"
			capMods++
			b--
			continue
		}
		if head.cap && nameConnectors[t.low] && b > from && toks[b-1].cap && toks[b-1].kind == tWord {
			b--
			continue
		}
		if !head.cap && !determiners[t.low] && !prepositions[t.low] && !temporalWords[t.low] && !auxiliaries[t.low] && !isAdverb(t.low) && t.low != "and" && t.low != "such" && t.low != "as" {
			if vk, base := verbForm(t.low); vk == vNone || vk == vBase && nounyVerbs[base] {
				lowMods++
				b--
				continue
			}
		}
		break
	}
	start := b + 1
	// Drop leading lower-case words before the first capitalised one
	// for a capitalised head.
	for start < h && !toks[start].cap && head.cap {
		start++
	}
	if start == h {
		return schema.Entity{}, false
	}
	if !head.cap && capMods == 0 && !(kind == schema.EntityAgreement && lowMods >= 2) {
		return schema.Entity{}, false
	}
	if head.cap && capMods == 0 {
		return schema.Entity{}, false
	}
	// A generic lower-case head after a bare place is no name: "in
	// Kyrgyzstan project" does not occur, but "Kazakhstan railway" may.
	end := h + 1
	if head.cap {
		// "Year of Culture and Tourism", "Forum for International
		// Cooperation", "Joint Statement on Further Deepening ...".
		for e := end; e+1 < len(toks); {
			if !(toks[e].low == "of" || toks[e].low == "for" || toks[e].low == "on") || !toks[e+1].cap {
				break
			}
			e++
			for e < len(toks) && toks[e].kind == tWord && (toks[e].cap || toks[e].low == "and" && e+1 < len(toks) && toks[e+1].cap || toks[e].low == "the" && e+1 < len(toks) && toks[e+1].cap) {
				e++
			}
			end = e
		}
	}
	name := joinTokens(toks[start:end])
	e := schema.Entity{Name: name, Kind: kind}
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
	return e, true
}

func hasCapital(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
