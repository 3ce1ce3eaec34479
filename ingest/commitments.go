package ingest

import (
	"slices"
	"sort"
	"strings"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// subjKind is what a subject noun phrase resolves to.
type subjKind uint8

const (
	sEmpty  subjKind = iota // no subject: the frame shares the one before
	sNone                   // not a party: a relationship, a summit, a third party
	sParty                  // one or more named parties
	sAll                    // every party: "the two sides", "both countries"
	sPerson                 // a person, resolved to the person's country
)

// timeOpeners open a time adverbial that may stand before the subject
// without a comma: "during the visit we", "this year we", "next spring
// they".
var timeOpeners = makeSet(`during this next`)

// maxSubject is the longest subject, in tokens, the look-back accepts.
const maxSubject = 16

// pluralPartyHeads mean "every party" as the head of a subject.
var pluralPartyHeads = makeSet(`sides parties countries nations states leaders presidents heads governments delegations
both they two ministers premiers officials interlocutors counterparts co-chairs co-chairmen militaries participants`)

// personHeads are titles that make a subject a person.
var personHeads = makeSet(`president premier minister secretary leader head chairman chairwoman chair king emir prime
chancellor envoy advisor adviser director ambassador spokesperson diplomat speaker governor mayor`)

// prepositions end the head of a noun phrase.
var prepositions = makeSet(`of between with in from for on at under among to across within by`)

// participles after a comma end a complement: "..., noting that ...".
var cutParticiples = makeSet(`noting saying adding stressing emphasizing emphasising underlining expressing pointing
calling describing voicing hailing reiterating recalling welcoming thanking wishing hoping believing stating`)

// scheduleVerbs describe travel plans, not commitments ("The President
// will take part in the summit").
var scheduleVerbs = makeSet(`take attend participate arrive visit travel meet hold pay leave depart return fly head`)

// findCommitments runs the clause analysis over every sentence.
func (d *docCtx) findCommitments() []schema.Commitment {
	attrs := make([]attribution, len(d.sents))
	var label speaker // "Vladimir Putin: ..." in a transcript
	for si := range d.sents {
		if spk, n, ok := d.speakerLabel(si); ok {
			label = spk
			d.lastSpeaker = spk
			attrs[si] = d.attribute(si)
			if attrs[si].cs < n {
				attrs[si].cs = n
			}
			attrs[si].said, attrs[si].quoted, attrs[si].spk = true, true, spk
			continue
		}
		if d.sents[si].paraStart && !label.known() {
			label = speaker{}
		}
		attrs[si] = d.attribute(si)
		if label.known() && !attrs[si].said {
			attrs[si].said, attrs[si].quoted = true, true
			attrs[si].spk = label
			continue
		}
		if attrs[si].said {
			d.lastSpeaker = attrs[si].spk
		} else if spk, ok := d.sentenceOpener(si); ok {
			d.lastSpeaker = spk
		}
		attrs[si].spk = d.lastSpeaker
	}
	d.quoteSpeakers(attrs)
	out := []schema.Commitment{}
	listEnd := 0 // the end of a list of signed documents already read
	var listed []string
	body := false // a sentence with a closing stop has been read
	for si := range d.sents {
		listed = d.listActors(si, listed)
		attrs[si].list = listed
		if !body {
			if body = d.closesWithStop(si); !body && d.loneLine(si) {
				continue // a headline or deck above the story: "Ministers agree to build ferry fleet"
			}
		}
		if attrs[si].blocked || d.sents[si].start < listEnd {
			continue
		}
		if signedLeadIn(&d.sents[si]) {
			n := len(out)
			if out, listEnd = d.signedList(si, out); len(out) > n {
				continue
			}
		}
		var among bool
		if out, among = d.amongDocuments(si, out); among {
			continue // "... signed 14 documents. Among them are A, B and C"
		}
		out = d.sentenceCommitments(si, &attrs[si], out)
		if sub, ok := leadingThatClause(d.sents[si].tokens, &attrs[si]); ok {
			out = d.sentenceCommitments(si, &sub, out)
		}
	}
	documentDomain(out, d.subnationalMeeting())
	return out
}

// closesWithStop reports whether sentence si ends in punctuation, as body
// text does and a headline ("Caspian States Agree to Build Joint Ferry
// Fleet") or a deck line under it does not.
func (d *docCtx) closesWithStop(si int) bool {
	toks := d.sents[si].tokens
	return len(toks) > 0 && toks[len(toks)-1].kind == tPunct
}

// loneLine reports whether sentence si is a paragraph of its own.
func (d *docCtx) loneLine(si int) bool {
	s := &d.sents[si]
	return s.paraStart && (si+1 == len(d.sents) || d.sents[si+1].para != s.para)
}

// leadingThatClause finds the content that a sentence gives before its
// speaker and the speaker's that-clause: a participle of speech that opens
// it ("Emphasizing that Turkmenistan considers Russia a reliable partner,
// the President stressed that A" says both), or a clause before "X said,
// and announced that B". It returns the attribution of that content, the
// speaker's.
func leadingThatClause(toks []token, a *attribution) (attribution, bool) {
	if a.said && a.cs >= 5 && a.gapJ == 0 && tokLow(toks, a.cs) == "," && tokLow(toks, a.cs+1) == "and" && toks[a.cs-1].is(wSay) {
		// "A, Xi said, and announced that B": A is Xi's too
		for k := a.cs - 2; k > 2 && k > a.cs-8; k-- {
			if toks[k].text == "," {
				if !toks[k+1].cap {
					break
				}
				sub := *a
				sub.cs, sub.ce = 0, k
				return sub, true
			}
		}
	}
	if !a.said || a.cs < 5 || tokLow(toks, 1) != "that" || !leadParticiples[tokLow(toks, 0)] {
		return attribution{}, false
	}
	for k := a.cs - 2; k > 2; k-- {
		if toks[k].text == "," {
			sub := *a
			sub.cs, sub.ce, sub.gapI, sub.gapJ, sub.coord = 2, k, 0, 0, false
			return sub, true
		}
	}
	return attribution{}, false
}

// leadParticiples open a sentence with what its speaker says: "Stressing
// that A, Xi said B" (not "Recalling that", a past).
var leadParticiples = makeSet(`emphasizing emphasising stressing underlining underscoring reaffirming reiterating`)

// listActors tracks who speaks in a list of points: a lead-in ending in a
// colon ("The sides also agreed on the following:", a heading "The United
// States and the Republic of Tajikistan:") gives its subject's parties to
// the subject-less points after it ("- Welcomed new investment ...",
// "- Agreed to establish ..."), until a paragraph that is no such point.
func (d *docCtx) listActors(si int, cur []string) []string {
	s := &d.sents[si]
	toks := s.tokens
	if n := len(toks); n >= 2 && toks[n-1].text == ":" {
		end := n - 1
		for k := 0; k < end; k++ {
			if auxiliaries[toks[k].low] || finiteVerb(toks[k].low) && !toks[k].cap && tokLow(toks, k+1) != "of" {
				end = k
				break
			}
		}
		d.listMod = leadInModality(toks, end, n-1)
		for end > 0 && isAdverb(toks[end-1].low) {
			end-- // "The sides also agreed"
		}
		// "In it, the United States and Uzbekistan:", "At the close of
		// the meeting, the participants agreed to the following:": the
		// subject after an opening adverbial
		switch codes, kind := d.resolveNP(s, openingAdverbialEnd(toks, end), end, nil); kind {
		case sAll:
			return d.parties
		case sParty, sPerson:
			return codes
		}
		return nil
	}
	if cur == nil || !s.paraStart {
		return cur
	}
	k := 0
	for k < len(toks) && toks[k].kind == tPunct {
		k++
	}
	if k < len(toks) && pointVerb(toks[k].low) && (toks[k].cap || !toks[k].cap && k == 0) {
		return cur // "- Agreed to ...", "Reaffirmed ...", "- Support ...", "- Will ...", "committed to ..." (an HTML list)
	}
	if pointStart(toks) >= 0 && d.listMod != "" {
		return cur // "- to launch the construction of ...;"
	}
	return nil
}

// openingAdverbialEnd returns the index after an adverbial that opens
// tokens [0, end) and ends in a comma ("In it,", "At the conclusion of
// the ministerial,", "Following the talks,"), else 0.
func openingAdverbialEnd(toks []token, end int) int {
	if end == 0 || !prepositions[toks[0].low] && toks[0].low != "following" {
		return 0
	}
	for k := 1; k < end && k < 10; k++ {
		if toks[k].text == "," {
			return k + 1
		}
		if toks[k].kind != tWord && toks[k].kind != tPoss {
			break
		}
	}
	return 0
}

// leadInModality is the modality a lead-in gives the points after it
// ("The sides agreed on the following:", "The parties decided:", "The
// leaders expressed their readiness to:"): that of its first frame word
// from the verb at v to the colon at end, "" when it has none ("discussed
// the following issues:" introduces topics, not commitments).
func leadInModality(toks []token, v, end int) schema.Modality {
	for k := v; k < end; k++ {
		low := toks[k].low
		if m, ok := toVerbs[low]; ok {
			return m
		}
		if m, ok := thatFrames[low]; ok {
			return m
		}
		if nf, ok := frameNouns[low]; ok && !nf.incl {
			return nf.mod
		}
		if m, ok := readyAdjs[low]; ok {
			return m // "Uzbekistan is ready to:"
		}
		switch low {
		case "will", "shall":
			return schema.ModalityPledge
		case "should", "must":
			return schema.ModalityCall
		}
	}
	return ""
}

// pointStart returns the index of the verb that opens a point of a list
// without a frame of its own, after its bullet or number and a "to":
// "- to launch the construction of A;", "2) increase mutual trade to B".
// It returns -1 when the point opens otherwise.
func pointStart(toks []token) int {
	k := 0
	for k < len(toks) && (toks[k].kind == tPunct || isNumber(toks[k].text) || len(toks[k].text) == 1 && k+1 < len(toks) && toks[k+1].text == ")") {
		k++
	}
	if k == 0 && len(toks) > 0 && toks[0].low != "to" {
		return -1 // no bullet: a sentence of prose
	}
	if tokLow(toks, k) == "to" {
		k++
	}
	k = skipAdverbs(toks, k, len(toks))
	if vk, _ := verbForm(tokLow(toks, k)); vk != vBase || k+1 >= len(toks) {
		return -1
	}
	return k
}

// pointVerb reports whether a point of a list may open with low: a
// finite verb, a bare verb of a plural subject left out ("Support",
// "Intend to") or a modal ("Will continue").
func pointVerb(low string) bool {
	if finiteVerb(low) || auxiliaries[low] {
		return true
	}
	vk, _ := verbForm(low)
	return vk == vBase
}

// finiteVerb reports whether low is a verb in -s or -ed, or one of the
// frame and speech verbs ("agreed", "said").
func finiteVerb(low string) bool {
	vk, _ := verbForm(low)
	_, tv := toVerbs[low]
	_, sv := stanceVerbs[low]
	return vk == vEd || vk == vS || tv || sv || sayVerbs[low] || nounFrameVerbs[low]
}

// speakerLabel reads a transcript's speaker label at the start of a
// paragraph ("Vladimir Putin: Mr President, ..."): the speaker and the
// index of the first token after the colon.
func (d *docCtx) speakerLabel(si int) (speaker, int, bool) {
	s := &d.sents[si]
	if !s.paraStart {
		return speaker{}, 0, false
	}
	toks := s.tokens
	nameEnd := -1 // "Emomali Rahmon (retranslated):": the name ends at "("
	for k := 1; k < len(toks) && k <= 12; k++ {
		if toks[k].text == "(" && nameEnd < 0 {
			nameEnd = k
			for k < len(toks) && k <= 12 && toks[k].text != ")" {
				k++
			}
			continue
		}
		if toks[k].kind == tPoss && nameEnd < 0 {
			if c := remarksHeading(toks, k+1); c > 0 {
				nameEnd, k = k, c-1 // "Alexander Novak's opening remarks:"
				continue
			}
		}
		if toks[k].text != ":" {
			// "President of Russia Vladimir Putin:": a title's "of the" may stand in the label.
			if !toks[k].cap && toks[k].kind == tWord && toks[k].low != "of" && toks[k].low != "the" {
				return speaker{}, 0, false
			}
			continue
		}
		if nameEnd < 0 {
			nameEnd = k
		}
		for _, pm := range d.mentions[si] {
			if pm.j == nameEnd && pm.roleI == 0 || pm.i == 0 && pm.j == nameEnd {
				return speaker{p: pm.p}, k + 1, true
			}
		}
		if p := d.lookupPerson(joinTokens(toks[:nameEnd])); p != nil {
			return speaker{p: p}, k + 1, true
		}
		return speaker{}, 0, false
	}
	return speaker{}, 0, false
}

// sentenceOpener returns the person or titled country that opens sentence
// si ("The leader of China congratulated ...", "Xi welcomed ..."), which
// a following "He" refers to.
func (d *docCtx) sentenceOpener(si int) (speaker, bool) {
	toks := d.sents[si].tokens
	i := 0
	// A short opening adverbial: "In turn, the President ...".
	for k := 0; k < len(toks) && k < 4; k++ {
		if toks[k].text == "," {
			i = k + 1
			break
		}
	}
	if i > 1 && toks[0].cap && toks[i-2].cap {
		// "Aripov, for his part, confirmed ...": the name before an aside.
		if spk, ok := d.resolveSpeaker(si, 0, i-1); ok && spk.known() {
			return spk, true
		}
	}
	end := i
	for end < len(toks) && end < i+12 {
		t := toks[end]
		if t.cap || titleWords[t.low] || t.kind == tPoss || t.low == "of" || t.low == "the" || t.low == "and" {
			end++
			continue
		}
		break
	}
	if end == i {
		return speaker{}, false
	}
	if end == i+1 && (toks[i].low == "he" || toks[i].low == "she") {
		return d.lastSpeaker, d.lastSpeaker.known()
	}
	spk, ok := d.resolveSpeaker(si, i, end)
	return spk, ok && spk.known()
}

// sentenceCommitments appends the commitments of sentence si.
func (d *docCtx) sentenceCommitments(si int, a *attribution, out []schema.Commitment) []schema.Commitment {
	s := &d.sents[si]
	toks := s.tokens
	cs, ce := a.cs, a.ce
	first := len(out) // this sentence's commitments start here
	if listPoint(toks, a) && d.listMod != "" {
		// "1. Establish a working group that will meet twice a year;":
		// a point of the list, whatever frames its words hold
		return d.enumerated(si, a, out)
	}
	var frames []frame
	recalled, recallThat := false, false
	bgEnd := 0 // the end of a background clause ("..., as X seeks to A")
	for i := cs; i < ce; i++ {
		if a.coord && i == a.gapJ {
			// "X recalled that A and said that B": B is said now
			recalled = false
		}
		if toks[i].is(wRecall) {
			recalled = true
			recallThat = tokLow(toks, i+1) == "that"
		}
		if recalled && !recallThat && toks[i].low == "and" && i+1 < ce && !toks[i+1].cap {
			// "reviewed the progress of X and instructed their
			// governments to ...": a new verb of the subject ends
			// what is recalled.
			n := toks[i+1].low
			_, tv := toVerbs[n]
			if vk, _ := verbForm(n); (vk == vEd || tv || instructVerbs[n]) && !auxiliaries[n] {
				recalled = false
			}
		}
		if toks[i].text == "," && tokLow(toks, i+1) == "as" && asBackground(toks, i+2) {
			bgEnd = clauseEnd(toks, i+2, ce) // "..., as Washington seeks to loosen A": why, not what
		}
		if bareAsBackground(toks, i, cs) {
			bgEnd = clauseEnd(toks, i+1, ce) // "ministers meet as Beijing seeks to reroute A"
		}
		if recalled || i < bgEnd || i >= a.gapI && i < a.gapJ && !gapCall(toks, i, a) {
			continue
		}
		if !toks[i].is(wTrigger) {
			continue // no frame starts here (matchFrame); most words are none
		}
		f, ok := matchFrame(s, i, ce)
		if !ok || f.comp >= ce {
			continue
		}
		var prev *frame
		if len(frames) > 0 {
			prev = &frames[len(frames)-1]
		}
		if !d.placeSubject(s, &f, cs, prev) {
			continue
		}
		if f.docs && d.docsRecalled(s, &f, cs, ce) {
			continue // "At the summit in Astana last June, the heads of state signed ...": recalled
		}
		if !f.docs && f.all && f.mod == schema.ModalityAgreement && d.datedBefore(s, cs, f.start, false) {
			continue // "Last year a decision was taken to ...", "In 2024 it was agreed to": recalled
		}
		if d.recalledAgreement(s, cs, &f) || askedWhether(toks, cs, f.start) || predictedBefore(toks, cs, f.comp) {
			continue // "a meeting ... last September, at which the two leaders agreed to"
		}
		frames = append(frames, f)
		if f.kind != compClause && f.kind != compNP {
			i = max(i, f.comp-1)
		}
	}
	if len(frames) == 0 {
		return d.enumerated(si, a, out)
	}
	// Complement ends: the next frame's subject, a cut, or the content end.
	for n := range frames {
		f := &frames[n]
		if f.pre {
			continue
		}
		limit := ce
		for m := n + 1; m < len(frames); m++ {
			if r := frames[m].regionStart(); r >= f.comp {
				if f.kind != compClause || frames[m].kind == compClause {
					limit = r
				}
				break
			}
		}
		if f.comp < a.gapI && a.gapI < limit {
			limit = a.gapI // "A, Xi said, adding that B": A ends at the speaker
		}
		end := limit
		for k := f.comp; k < limit; k++ {
			if r, ok := relativeThenTo(toks, k, limit); ok {
				k = r
				continue
			}
			if r, ok := relativeThenVerb(toks, k, limit, f.kind); ok {
				k = r
				continue
			}
			if toks[k].text == ";" && f.kind != compNP && f.kind != compClause && verbAfterSemicolon(toks, k, limit, f.kind) {
				continue // "should strengthen A; deepen B; and promote C"
			}
			if toks[k].text == ";" && f.docs && titleAfterSemicolon(toks, k, limit) {
				continue // "were signed: the Agreement on A; the Programme B"
			}
			if cutAt(toks, k) {
				end = k
				break
			}
		}
		f.end = trimEnd(toks, f.comp, end)
	}
	// Clause frames ("expressed the hope that", "agreed that") lend their
	// modality to the frames inside them; alone they make one commitment.
	var prevActors []string
	var prevFrame *frame
	for n := range frames {
		f := &frames[n]
		if f.kind == compClause {
			inner := false
			for m := n + 1; m < len(frames); m++ {
				if frames[m].start >= f.comp && frames[m].start < f.end {
					frames[m].mod = f.mod
					frames[m].clause = n + 1
					if f.all && frames[m].inherit {
						frames[m].all = true
					}
					inner = true
				}
			}
			if !inner {
				out = d.clauseFallback(si, a, f, out)
			}
			continue
		}
		if ownAfterProposal(toks, prevFrame, f) {
			// "Kazakhstan proposed creating A and will allocate funds
			// for B": the proposal is every party's, the pledge its
			// proposer's.
			if codes, kind := d.resolveNP(s, prevFrame.subjI, prevFrame.subjJ, a); kind == sParty || kind == sPerson {
				prevActors = codes
			}
		}
		actors, ok := d.frameActors(si, a, f, prevActors)
		if f.invite && f.event {
			actors, ok = lastInvited(out) // "The invitation was accepted": by whom it invited
		}
		if !ok && f.clause > 0 {
			// "agreed that cooperation in energy should be expanded":
			// inside an agreement or a hope, a clause about a thing
			// commits those who agreed or hoped.
			if _, kind := d.resolveNP(s, f.subjI, f.subjJ, a); kind == sNone && !(f.mod == schema.ModalityHope && (d.thirdPartyOnly(s, f.subjI, f.end) || d.thirdPartyCapital(s, f.subjI, f.subjJ))) {
				if ca, ok2 := d.frameActors(si, a, &frames[f.clause-1], nil); ok2 {
					actors, ok, f.event = ca, true, true
				}
			}
		}
		if !ok || d.wishForOther(s, a, f, actors) {
			continue
		}
		prevActors, prevFrame = actors, f
		d.lastFrame.actors, d.lastFrame.mod = actors, f.mod
		if a.coord && f.start >= a.gapJ && n > 0 && frames[n-1].start < a.gapI {
			// What a speaker says after "A, and President Trump said"
			// takes no topics from A.
			d.lastTopics.sent = 0
		}
		for _, it := range d.items(s, f) {
			if announcesList(toks, it) {
				// "focus on the following areas:" introduces the
				// points; in the same sentence ("...: first,
				// strengthening X; second, expanding Y") each is one.
				for _, p := range listPoints(toks, it.i, ce) {
					out = appendNew(out, first, d.commitment(si, a, f, p, actors))
				}
				continue
			}
			c := d.commitment(si, a, f, it, actors)
			if len(c.Entities) == 0 && len(out) > first && opensWithIts(toks, it) {
				// "establish the Commission on X and hold its first
				// meeting": "its" is what the item before named.
				c.Entities = append(c.Entities, out[len(out)-1].Entities...)
			}
			out = appendNew(out, first, c)
		}
	}
	return out
}

// ownAfterProposal reports whether frame f, with no subject of its own,
// is a party's own pledge or offer coordinated after its proposal pf:
// "Azerbaijan proposed creating A and will host B", "Iran suggested
// holding A and is ready to fund it".
func ownAfterProposal(toks []token, pf, f *frame) bool {
	if pf == nil || f.subjJ > f.subjI || pf.subjJ <= pf.subjI || f.mod != schema.ModalityPledge && f.mod != schema.ModalityOffer {
		return false
	}
	switch toks[pf.verb].low {
	case "proposed", "proposes", "suggested", "suggests":
		return true
	}
	return false
}

// lastInvited returns the parties invited by the last of the commitments
// in out, when it is an invitation ("invited Lut to the forum"): they are
// the ones who accept it in "The invitation was accepted".
func lastInvited(out []schema.Commitment) ([]string, bool) {
	if len(out) == 0 {
		return nil, false
	}
	c := out[len(out)-1]
	if !strings.HasPrefix(c.Text, "invite") || len(c.Counterparts) == 0 {
		return nil, false
	}
	return c.Counterparts, true
}

// wishForOther reports whether frame f, inside a hope ("expressed the
// hope that X will A"), wishes an action of someone other than every
// party: "hoped that international financial institutions will continue
// to support A", "expressed the hope that China will continue to play a
// leading role". Only a hope for what the parties do together ("the hope
// that the two sides will ...") commits; an event hoped for ("that the
// forum will be held") is one the parties arrange.
func (d *docCtx) wishForOther(s *sentence, a *attribution, f *frame, actors []string) bool {
	if f.clause == 0 || f.mod != schema.ModalityHope {
		return false
	}
	if _, kind := d.resolveNP(s, f.subjI, f.subjJ, a); kind == sAll || f.event && d.isEvent(s, f) {
		return false
	}
	if len(actors) < 2 {
		return true // one party: "the hope that China will continue to play a role"
	}
	for _, p := range d.parties {
		if !slices.Contains(actors, p) {
			return true
		}
	}
	return false // "the hope that Kazakhstan and China will ..."
}

// titleAfterSemicolon reports whether the semicolon at k goes on with a
// document title ("; the Memorandum on B", "; and the Programme C"), so
// that it separates the titles of a list rather than ending it.
func titleAfterSemicolon(toks []token, k, end int) bool {
	n := k + 1
	if tokLow(toks, n) == "and" {
		n++
	}
	n = titlesStart(toks, n, end)
	return n < end && toks[n].cap && docTitleAhead(toks, n, end)
}

// gapCall reports whether token i is the participle that ends a
// mid-sentence attribution and opens a call of the speaker's own: "A, Xi
// said, calling on the two sides to B" (attribute's gap ends after it).
func gapCall(toks []token, i int, a *attribution) bool {
	return i == a.gapJ-1 && (toks[i].low == "calling" || toks[i].low == "urging")
}

// verbAfterSemicolon reports whether the semicolon at k goes on with a
// verb phrase of the complement's form ("; deepen B", "; and promoting
// C"), so that it separates items rather than ending the complement.
func verbAfterSemicolon(toks []token, k, end int, kind compKind) bool {
	n := k + 1
	if tokLow(toks, n) == "and" {
		n++
	}
	n = skipAdverbs(toks, n, end)
	want := vBase
	if kind == compIng {
		want = vIng
	}
	return n < end && verbStart(toks, n, want, end)
}

// relativeClause reports whether frame f has no subject because it opens
// a relative clause on the noun before it ("a new Dialogue that will
// convene its first session"): what it says is about that noun.
func relativeClause(toks []token, f *frame) bool {
	r := f.start - 1
	if r >= 2 && toks[r].is(wSay) && toks[r-2].low == "which" {
		switch toks[r-1].low {
		case "he", "she", "they":
			return true // "the reform, which he said would make A": it describes the reform
		}
	}
	if r < 1 || toks[r].low != "that" && toks[r].low != "which" {
		return false
	}
	n := toks[r-1]
	if n.kind != tWord || n.is(wSay) || n.is(wThat) || determiners[n.low] {
		return false
	}
	vk, base := verbForm(n.low)
	return vk == vNone || nounyVerbs[base]
}

// thirdPartyOnly reports whether tokens [i, j) name countries, none of
// them a party: "the hope that peace would be established in
// Afghanistan" is a hope about a third party, which no party commits to.
func (d *docCtx) thirdPartyOnly(s *sentence, i, j int) bool {
	third := false
	for _, pl := range s.places {
		if pl.i < i || pl.j > j || !pl.exact || pl.kind == gazetteer.MentionCity {
			continue
		}
		if slices.Contains(d.parties, pl.code) {
			return false
		}
		third = true
	}
	return third
}

// thirdPartyCapital reports whether the subject over tokens [i, j) is
// placed in the capital of a country that is no party: "the hope that the
// authorities in Kabul would form an inclusive government" is a hope about
// Afghanistan.
func (d *docCtx) thirdPartyCapital(s *sentence, i, j int) bool {
	for _, pl := range s.places {
		if pl.i < i || pl.j > j || pl.kind != gazetteer.MentionCity {
			continue
		}
		if c, ok := gazetteer.LookupCity(pl.city); ok && c.Capital && len(d.parties) > 0 && !slices.Contains(d.parties, c.Country) {
			return true
		}
	}
	return false
}

// opensWithIts reports whether "its" stands among the first words of item
// it, after its verb ("hold its first meeting").
func opensWithIts(toks []token, it item) bool {
	for k := it.i + 1; k < it.j && k < it.i+3; k++ {
		if toks[k].low == "its" {
			return true
		}
	}
	return false
}

// appendNew appends c unless a commitment of out[from:] already covers
// part of its span (a point of a list read both as a point and as an
// item of the frame).
func appendNew(out []schema.Commitment, from int, c schema.Commitment) []schema.Commitment {
	for _, o := range out[from:] {
		if o.Start < c.End && c.Start < o.End {
			return out
		}
	}
	return append(out, c)
}

// listOrdinals open a point of a list inside a sentence.
var listOrdinals = makeSet(`first second third fourth fifth sixth seventh eighth firstly secondly thirdly fourthly fifthly finally lastly`)

// listPoints reads the points after the colon that follows token i
// ("in the following areas: first, strengthening transport links;
// second, expanding trade ...; and third, developing tourism"): the
// verb phrase of each part between semicolons, after its ordinal and a
// "to". Fewer than two points are no list.
func listPoints(toks []token, i, end int) []item {
	c := i
	for c < end && toks[c].text != ":" && toks[c].text != ";" {
		c++
	}
	if c >= end || toks[c].text != ":" {
		return nil
	}
	var out []item
	for b := c + 1; b < end; {
		e := b
		for e < end && toks[e].text != ";" {
			e++
		}
		v := b
		for v < e && (toks[v].kind == tPunct || isNumber(toks[v].text) || listOrdinals[toks[v].low] || toks[v].low == "and" || toks[v].low == "to" || toks[v].low == "of" && tokLow(toks, v+1) == "all") || v < e && toks[v].low == "all" && tokLow(toks, v-1) == "of" {
			v++ // "and third,", "(1)", "first of all,"
		}
		v = skipAdverbs(toks, v, e)
		vk, _ := verbForm(tokLow(toks, v))
		if v >= e || vk != vBase && vk != vIng {
			return nil
		}
		out = append(out, item{v, trimEnd(toks, v, e)})
		b = e + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// announcesList reports whether an item only announces the points that
// follow it ("work in the following areas", "make three proposals").
func announcesList(toks []token, it item) bool {
	for k := it.i; k < it.j; k++ {
		if toks[k].low == "following" && k+1 < it.j {
			switch toks[k+1].low {
			case "areas", "points", "aspects", "proposals", "fields", "directions", "priorities", "steps":
				return true
			}
		}
	}
	return it.j < len(toks) && toks[it.j].text == ":"
}

// listPoint reports whether a sentence is a point of a list without a
// frame of its own ("- to launch A;", "2) increase B"), after a lead-in
// that gave the list its parties (a.list).
func listPoint(toks []token, a *attribution) bool {
	return len(a.list) > 0 && a.cs == 0 && pointStart(toks) >= 0
}

// enumerated reads a point of an enumerated proposal: "Xi put forward
// proposals on cooperation. First, deepen political mutual trust. Second,
// expand trade ...". The point takes the actors and modality of the last
// frame before it, else it is a call on every party.
func (d *docCtx) enumerated(si int, a *attribution, out []schema.Commitment) []schema.Commitment {
	s := &d.sents[si]
	toks := s.tokens
	k := a.cs
	if v := pointStart(toks); listPoint(toks, a) && d.listMod != "" {
		// "The sides agreed on the following: - to launch A; - to
		// increase B": each point is one of what the lead-in says.
		f := frame{start: v, verb: v, comp: v, end: trimEnd(toks, v, a.ce), kind: compVP, mod: d.listMod, calleeI: -1, possI: -1}
		for _, it := range d.items(s, &f) {
			out = append(out, d.commitment(si, a, &f, it, a.list))
		}
		return out
	}
	switch tokLow(toks, k) {
	case "first", "second", "third", "fourth", "fifth", "sixth", "firstly", "secondly", "thirdly", "finally", "lastly":
	default:
		return out
	}
	k++
	if tokLow(toks, k) == "," {
		k++
	}
	v := skipAdverbs(toks, k, a.ce)
	if vk, _ := verbForm(tokLow(toks, v)); vk != vBase || v+1 >= a.ce {
		return out // "Second, transport.": a heading, not a verb phrase
	}
	f := frame{start: k, verb: k, comp: k, end: trimEnd(toks, k, a.ce), kind: compVP, mod: schema.ModalityCall, calleeI: -1, possI: -1}
	actors := d.parties
	if d.lastFrame.actors != nil {
		actors, f.mod = d.lastFrame.actors, d.lastFrame.mod
	}
	if len(actors) == 0 {
		return out
	}
	for _, it := range d.items(s, &f) {
		out = append(out, d.commitment(si, a, &f, it, actors))
	}
	return out
}

// regionStart is where a frame's words begin, subject included, so the
// complement of the frame before ends there.
func (f *frame) regionStart() int {
	if f.inherit && f.bound > 0 && f.bound < f.start {
		return f.bound
	}
	if !f.inherit && f.subjJ > f.subjI && f.subjI >= 0 && f.subjI < f.start && f.calleeI < 0 {
		return f.subjI
	}
	return f.start
}

// describesCountry reports whether tokens [i, j) are at most three words
// that describe a country without pointing at another: "Central Asian",
// "landlocked", "gas-rich" (or none at all); not "other", "neighbouring",
// "host", "partner", which are the other side, nor a place or a number.
func describesCountry(s *sentence, i, j int) bool {
	if j-i > 3 {
		return false
	}
	for k := i; k < j; k++ {
		t := s.tokens[k]
		if t.kind != tWord || s.placeAt(k) >= 0 || determiners[t.low] || isNumber(t.text) || prepositions[t.low] {
			return false
		}
		switch t.low {
		case "other", "another", "neighbouring", "neighboring", "neighbour", "neighbor", "host", "partner", "friendly", "fraternal",
			"visiting", "guest", "two", "both", "each", "same", "third", "respective", "whole", "entire", "and", "or":
			return false
		}
	}
	return true
}

// subordinators open a clause inside another: "The council was created
// after A and B agreed to set it up".
var subordinators = makeSet(`after before since until once when whenever because if unless although though while`)

// subordinateBetween reports whether a subordinator stands between tokens
// i and j: the clause that ends at j depends on the one before i, so an
// "and" in it joins names, not clauses.
func subordinateBetween(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if subordinators[toks[k].low] {
			return true
		}
	}
	return false
}

// bothSubject reports whether toks are a subject that stands alone (every
// party, or a personal pronoun), so an "and" before it joins clauses, not
// names: "Lavrov met Saidov on Tuesday and the two agreed to", "We will
// supply gas and we are ready to".
func bothSubject(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].low {
	case "both", "they", "we", "he", "she":
		// "... to Kazakhstan and we are ready to": a pronoun opens a
		// clause ("I" may be named with another: "Mr Tokayev and I
		// agreed")
		return true
	case "the":
		if len(toks) >= 2 {
			switch toks[1].low {
			case "two", "sides", "parties", "leaders", "presidents", "ministers":
				return true
			}
		}
	}
	return false
}

// placeSubject finds the subject before frame f; it reports false when
// the frame's verb turns out to sit inside a verb phrase ("ready to
// support", "mutual support") rather than head a clause. prev is the
// sentence's frame before f, or nil.
func (d *docCtx) placeSubject(s *sentence, f *frame, cs int, prev *frame) bool {
	toks := s.tokens
	if f.subjJ > f.subjI { // "it is important for us to"
		return true
	}
	from := f.start
	if f.kind != compClause && (!f.incl || f.possI >= 0 || f.noun) && toks[f.verb].low != "it" {
		// Noun frames: the subject stands before the introducing verb.
		if _, ok := frameNouns[toks[f.verb].low]; ok || f.noun {
			b := f.verb - 1
			for b >= cs && !nounFrameVerbs[toks[b].low] && !clauseBoundary(toks[b]) || b >= cs && toks[b].low == "," && tokLow(toks, b+1) == "which" || b > cs && sharedAdj(toks, b) {
				b--
			}
			if b >= cs && nounFrameVerbs[toks[b].low] {
				from = b
			} else if b >= cs && toks[b].low == "and" && coordNounFrame(toks, b) {
				// "respect for A and the United States' support for B":
				// the second noun shares the verb and the subject.
				f.inherit = true
				f.subjI, f.subjJ = b+1, b+1
				f.bound = b
				return true
			} else if b >= cs && toks[b].low == "as" {
				from = b + 1 // "as well as the desire to": coordinated
				f.inherit = true
				f.subjI, f.subjJ = from, from
				f.bound = b
				if b >= 2 && toks[b-1].low == "well" && toks[b-2].low == "as" {
					f.bound = b - 2
				}
				return true
			}
		}
	}
	if toks[f.verb].low == "it" {
		f.subjI, f.subjJ = f.start, f.start
		f.inherit = true
		return true
	}
	k := from - 1
	for k >= cs && isAdverb(toks[k].low) && toks[k].low != "not" {
		k--
	}
	if b := namedSubset(s, k, cs); b >= 0 {
		f.subjI, f.subjJ = b, k // "The member states that are parties to X, namely A, B and C, reaffirmed": those named
		return true
	}
	if b := parentheticalBefore(toks, k, cs); b >= 0 {
		k = b // "The Mongolian leader, in turn, expressed": over the aside
	}
	j := k + 1
	andAt := -1 // the "and" the look-back went past
	titled := 0 // tokens of named people's titles the look-back went past
	for ; k >= cs; k-- {
		t := toks[k]
		if d.inTitledName(s, k) {
			// "Uzbekistan's Minister of Investment, Industry and Trade
			// Laziz Kudratov": a title's commas and "and" are the
			// name's, and its length is not the subject's
			titled++
			continue
		}
		if j-k-titled > maxSubject {
			return false // no subject is that long
		}
		if digitGroupComma(toks, k) {
			continue // "supply 1,000 cars and Russian Railways is prepared to"
		}
		if clauseBoundary(t) {
			if t.low == "and" && k+1 < j && !bothSubject(toks[k+1:j]) {
				if andAt < 0 {
					andAt = k
				}
				continue // "China and Kazakhstan should"
			}
			if countryListComma(s, k, j) {
				continue // "Russia, Kazakhstan and Uzbekistan agreed"
			}
			break
		}
		if auxiliaries[t.low] || t.low == "has" || t.low == "have" {
			if f.copula && (t.low == "has" || t.low == "have") && k == f.start {
				continue
			}
			if (t.low == "has" || t.low == "have") && k == j-1 && k == f.start-1 {
				if vk, _ := verbForm(toks[f.verb].low); vk == vEd || strings.HasSuffix(toks[f.verb].low, "ed") {
					j = k // "We have agreed to": a perfect, the subject is before it
					continue
				}
			}
			if andAt >= 0 && toks[andAt+1].cap && !subordinateBetween(toks, k, andAt) {
				// "Russia will supply cars for the route and Russian
				// Railways is prepared to": the "and" joined clauses,
				// and the subject is the name after it.
				k = andAt
				break
			}
			return false // inside a verb phrase: "ready to support"
		}
		if vk, _ := verbForm(t.low); vk == vIng && !t.cap && k == j-1 && !(k > cs && determiners[toks[k-1].low]) && !meetingNouns[t.low] {
			return false // "by giving support" (but "the meeting adopted": a noun)
		}
	}
	if k+1 < j-1 && (toks[k+1].low == "and" || toks[k+1].low == "but") {
		k++ // ", and we agreed to": the subject is "we"
	}
	f.subjI, f.subjJ = k+1, j
	if j > k+2 && (prepositions[toks[k+1].low] || timeOpeners[toks[k+1].low]) {
		// "In our conversation just now we agreed to", "This year we
		// will open A": an adverbial without a comma; the subject is
		// the pronoun after it.
		for p := j - 1; p > k+1; p-- {
			if subjectPronouns[toks[p].low] {
				f.subjI = p
				break
			}
		}
	}
	if j <= k+1 && k >= cs && (toks[k].low == "which" || toks[k].low == "who" || relativeThat(toks, k, cs)) {
		return false // a relative clause: "the project, which will connect A and B"
	}
	if j > k+1 && objectRelative(toks, k, cs) {
		return false // "the Games, which Kyrgyzstan will host in September": the noun's, not a pledge
	}
	if j <= k+1 && prev == nil && k > cs && toks[k].low == "and" {
		if v := metBefore(toks, cs, k); v > cs {
			// "X and Y met in Osh on Monday and agreed to A": the
			// subject of the meeting verb
			f.subjI, f.subjJ = cs, v
			return true
		}
	}
	if j <= k+1 {
		f.inherit = true
		f.bound = k
		if k >= cs && toks[k].low == "and" && k-1 >= cs && toks[k-1].text == "," {
			f.bound = k - 1
		}
		if k >= cs+2 && toks[k].low == "as" && toks[k-1].low == "well" && toks[k-2].low == "as" {
			f.bound = k - 2
		}
		if f.incl && !f.copula && from == f.start {
			// A coordinated stance verb needs its own inflection:
			// "..., and supports Kazakhstan in ...", not "..., support",
			// unless it agrees with the stance verb it is coordinated
			// with ("Russia and Uzbekistan oppose A and advocate B",
			// "the two countries adhere to A, support B"), or is an
			// invitation or a proposal's support of the narrated past
			// ("... and handed over an invitation to X to visit", "...
			// and supported the proposal to hold X"). (A noun
			// frame has its introducing verb: "and expressed
			// Pakistan's support for".)
			vk, _ := verbForm(toks[f.verb].low)
			if vk != vS && toks[f.verb].low != "welcomed" && toks[f.verb].low != "welcoming" && toks[f.verb].low != "supported" && !f.invite && !opensPoint(toks, f.start, cs) && !(vk == vBase && baseStance(toks, prev)) {
				return false
			}
		}
		return true
	}
	if f.incl && !f.copula {
		// A stance verb needs a subject that names a party, unless the
		// stance names its own: "Special Envoy Gor reaffirmed the United
		// States' support for A" is the United States' stance, whoever
		// the envoy is taken to be.
		if _, kind := d.resolveNP(s, f.subjI, f.subjJ, nil); (kind == sNone || kind == sEmpty) && !d.partyPossessor(s, f) {
			return false
		}
	}
	return true
}

// partyPossessor reports whether the possessor of noun frame f ("the
// United States'" in "the United States' support for") names one party.
func (d *docCtx) partyPossessor(s *sentence, f *frame) bool {
	if f.possI < 0 || f.possJ <= f.possI {
		return false
	}
	codes, kind := d.resolveNP(s, f.possI, f.possJ, nil)
	return kind == sParty && len(codes) == 1 && slices.Contains(d.parties, codes[0])
}

// metBefore returns the index of a past meeting verb ("met", "held")
// that the clause [cs, k) turns on, its subject opening the clause, as in
// "Transport ministers of A, B and C met in Osh on June 19 and agreed to";
// -1 when none.
func metBefore(toks []token, cs, k int) int {
	for v := cs + 1; v < k && v <= cs+maxSubject; v++ {
		switch toks[v].low {
		case "met", "held":
			if !toks[v].cap && !auxiliaries[toks[v-1].low] {
				return v
			}
		}
		if t := toks[v]; t.kind == tWord && !t.cap && !prepositions[t.low] && !determiners[t.low] && t.low != "and" && !titleWords[t.low] && !isAdverb(t.low) && !pluralTitle(t.low) {
			return -1 // a verb of another kind first: not the subject's clause
		}
	}
	return -1
}

// objectRelative reports whether "which" or "whom" at k opens a relative
// clause whose object is the noun before it ("the World Nomad Games,
// which Kyrgyzstan will host in September"): the clause describes the
// noun. After a preposition the clause has its own object and may be a
// pledge ("a plan under which China will provide loans", "a phone call,
// during which the two sides agreed to A").
func objectRelative(toks []token, k, cs int) bool {
	if k <= cs || toks[k].low != "which" && toks[k].low != "whom" {
		return false
	}
	b := toks[k-1]
	return b.text == "," || b.kind == tWord && !prepositions[b.low] && b.low != "during" && !determiners[b.low]
}

// datedBefore reports whether tokens [i, j) of s hold a date before the
// meeting's ("last June", "in 2019"): what was done then is recalled. In
// a document's title (after) only a date after "in" or "on" counts ("the
// Treaty on Allied Relations in 2022", not "the Treaty of 2001").
func (d *docCtx) datedBefore(s *sentence, i, j int, after bool) bool {
	md := d.meeting.Date
	if md.IsZero() || j <= i {
		return false
	}
	hasDate := false
	for k := i; k < j; k++ {
		if t := s.tokens[k]; isYear(t.text) || monthName(t) || t.low == "last" || t.low == "ago" || t.low == "previous" {
			hasDate = true
			break
		}
	}
	if !hasDate {
		return false // most sentences: no date to read
	}
	for _, de := range findDates(s.tokens[i:j], md.Start()) {
		if de.date.IsZero() || de.future || !de.date.End().Before(md.Start()) {
			continue
		}
		if p := tokLow(s.tokens, i+de.i-1); !after || p == "in" || p == "on" || p == "last" {
			return true
		}
	}
	return false
}

// docsRecalled reports whether the documents of frame f were signed
// before the meeting: a past date outside their titles ("At the summit
// last June, the leaders signed A", "A was signed in 2019"), or after "in"
// or "on" inside them. A date that only qualifies a title ("a protocol
// amending the 2023 agreement was signed") is no recall.
func (d *docCtx) docsRecalled(s *sentence, f *frame, cs, ce int) bool {
	if f.pre { // the titles stand before the verb: [f.comp, f.end)
		return d.datedBefore(s, cs, f.comp, false) || d.datedBefore(s, f.comp, f.end, true) || d.datedBefore(s, f.start, ce, false)
	}
	return d.datedBefore(s, cs, f.start, false) || d.datedBefore(s, f.comp, ce, true)
}

// baseStance reports whether f is a stance verb in the base form that
// heads its clause: "Russia and Uzbekistan [oppose] A".
func baseStance(toks []token, f *frame) bool {
	if f == nil || !f.incl || f.copula {
		return false
	}
	if _, ok := stanceVerbs[toks[f.verb].low]; !ok {
		return false
	}
	vk, _ := verbForm(toks[f.verb].low)
	return vk == vBase
}

// asides are the parentheticals between a subject and its verb: ", in
// turn,", ", for its part,".
var asides = [][]string{{"in", "turn"}, {"for", "his", "part"}, {"for", "her", "part"}, {"for", "its", "part"},
	{"for", "their", "part"}, {"on", "his", "part"}, {"on", "its", "part"}, {"in", "response"}, {"in", "return"}, {"also"}, {"however"}}

// parentheticalBefore returns the index of the token before an aside that
// ends with a comma at k (", in turn,"), -1 when there is none.
func parentheticalBefore(toks []token, k, cs int) int {
	if k < cs || toks[k].text != "," {
		return -1
	}
	for _, a := range asides {
		b := k - len(a) - 1
		if b >= cs && toks[b].text == "," && matchWords(toks, b+1, a) == k {
			return b - 1
		}
	}
	if b := appositiveBefore(toks, k, cs); b >= 0 {
		return b // "Wang Hongzhi, head of China's energy administration, also agreed"
	}
	// ", as the President noted,", ", as Xi pointed out,", ", he stressed,"
	if last := tokLow(toks, k-1); sayVerbs[last] || last == "out" {
		for b := k - 2; b >= cs && b >= k-9; b-- {
			if toks[b].text == "," {
				if tokLow(toks, b+1) == "as" || k-b <= 5 && !cutParticiples[tokLow(toks, k+1)] {
					return b - 1
				}
				break
			}
		}
	}
	return -1
}

// namedSubset returns the first token of the country list that an
// appositive ", namely A, B and C," ending at the comma at k names, or -1:
// "The member states that are parties to the initiative, namely Belarus,
// Iran and Russia, reaffirmed" commits the states named, not every party.
func namedSubset(s *sentence, k, cs int) int {
	toks := s.tokens
	if k < cs || toks[k].text != "," {
		return -1
	}
	named := false
	for n := k - 1; n > cs; n-- {
		switch {
		case s.countryAt(n) != "":
			named = true
			n = s.places[s.placeAt(n)].i
		case toks[n].low == "namely":
			if named && toks[n-1].text == "," {
				return n + 1
			}
			return -1
		case toks[n].text != "," && toks[n].low != "and" && toks[n].low != "the":
			return -1
		}
	}
	return -1
}

// parentheticalAfter returns the index of the comma that closes an aside
// opened by the comma at k, or -1.
func parentheticalAfter(toks []token, k, ce int) int {
	for _, a := range asides {
		e := matchWords(toks, k+1, a)
		if e > 0 && e < ce && toks[e].text == "," {
			return e
		}
	}
	return -1
}

// opensPoint reports whether the capitalised word at i opens a point of a
// list, with nothing but a bullet before it ("- Support the work of ..."):
// the subject is the list's heading.
func opensPoint(toks []token, i, cs int) bool {
	if i >= len(toks) || !toks[i].cap {
		return false
	}
	for k := cs; k < i; k++ {
		if toks[k].kind != tPunct {
			return false
		}
	}
	return true
}

// relativeThat reports whether "that" at k opens a relative clause on the
// noun before it ("welcomes companies that wish to localise production"),
// not a complement clause of a verb ("agreed that", "noted that").
func relativeThat(toks []token, k, cs int) bool {
	if toks[k].low != "that" || k-1 < cs {
		return false
	}
	p := toks[k-1]
	if p.kind != tWord || p.cap || finiteVerb(p.low) || isAdverb(p.low) {
		return false
	}
	switch p.low {
	case "so", "such", "now", "hope", "view", "belief", "fact", "conviction", "confidence", "understanding", "idea", "assurance":
		return false
	}
	vk, _ := verbForm(p.low)
	return vk == vNone || vk == vS && strings.HasSuffix(p.low, "ies")
}

// sharedAdj reports whether token b is a participle used as an adjective
// before a frame noun ("their shared commitment"), not the verb that
// introduces it.
func sharedAdj(toks []token, b int) bool {
	if !nounFrameVerbs[toks[b].low] || !frameNounAdjs[toks[b].low] {
		return false
	}
	p := toks[b-1]
	return p.kind == tPoss || determiners[p.low] || p.low == "their" || p.low == "our" || p.low == "its" || p.low == "his" || p.low == "her"
}

// cutAt reports whether token k ends a complement: ", noting that",
// ", which", "; ".
func cutAt(toks []token, k int) bool {
	t := toks[k]
	if t.text == ";" {
		return true
	}
	if t.text != "," && t.low != "and" || digitGroupComma(toks, k) {
		return false // not the comma of "1,000"
	}
	n := tokLow(toks, k+1)
	if t.text == "," && k+2 < len(toks) && isQuote(toks[k+1]) && tokLow(toks, k+2) == "which" {
		return true // ', "which signifies ...": a quoted relative clause
	}
	if t.low == "and" {
		if vk, _ := verbForm(n); vk == vEd && !toks[k+1].cap && determiners[tokLow(toks, k+2)] {
			return true // "signed a Joint Statement and witnessed the exchange of ..."
		}
		if n == "is" || n == "are" || n == "was" || n == "were" || n == "has" || n == "have" {
			return true // "double its exports and is also considering A": a predicate of its own
		}
		if n == "that" && k > 0 && toks[k-1].kind == tWord {
			return true // "said China would A and that the NEA supports B": a second reported clause
		}
		return (sayVerbs[n] || reportVerbs[n]) && !toks[k+1].cap // "... and said the United States will ..."
	}
	if t.text == "," && n == "and" && tokLow(toks, k+2) == "that" {
		return true // "He said A will B, and that the ministry supports C": a second reported clause
	}
	if t.text == "," && n == "and" && (clauseAhead(toks, k+2) || clauseAhead(toks, afterAside(toks, k+2))) {
		return true // "invited X to visit Y, and the invitation was accepted", "A, and on our part, we will B"
	}
	if n == "as" {
		switch tokLow(toks, k+2) {
		case "he", "she", "they", "we", "i":
			return true // ", as he held talks with ...": when it was said
		}
		if w := tokLow(toks, k+2); len(w) > 4 && strings.HasSuffix(w, "ed") && !toks[k+2].cap {
			return true // ", as agreed last year", ", as planned"
		}
		return asTheyMet(toks, k+2) || asBackground(toks, k+2)
	}
	if t.text == "," && trailerAhead(toks, k+1) {
		return true // "A, the two ministers agreed on Thursday": who said it, when
	}
	if t.text == "," && purposeAt(toks, k+1) {
		return true // "..., in a bid to clear queues": why, not what
	}
	if t.text == "," && n == "following" && tokLow(toks, k+2) != "the" {
		return true // "..., following up on decisions taken in Minsk": why, not what
	}
	if t.text == "," && backgroundAppositive(toks, k+1) {
		return true // "deliver gas across the Caspian, a project that has stalled for decades": its history, not the pledge
	}
	if n == "which" && gatheringRelative(toks, k) {
		return false // "the next summit, which is to take place in Russia": when and where, part of it
	}
	if t.text == "," && n == "where" && !asideInList(toks, k+2) {
		return true // "monitor the northern Caspian, where the sea level has been falling": a description of the place
	}
	return cutParticiples[n] || reportVerbs[n] || n == "which" || n == "who" || n == "while" || n == "whereas"
}

// backgroundAppositive reports whether an appositive that tells the
// past of what precedes opens at k: an indefinite noun phrase of up to
// four words and a relative clause in the past or perfect, "a project
// that has stalled for decades", "an idea which was first raised in
// 2019". A relative in the future ("a plant that will produce A") is
// part of what is promised and is kept.
func backgroundAppositive(toks []token, k int) bool {
	if w := tokLow(toks, k); w != "a" && w != "an" {
		return false
	}
	for e := k + 1; e < len(toks) && e <= k+5; e++ {
		t := toks[e]
		if t.low == "that" || t.low == "which" {
			switch v := tokLow(toks, e+1); v {
			case "has", "have", "had", "was", "were":
				return true
			default:
				return len(v) > 4 && strings.HasSuffix(v, "ed") && !tokAt(toks, e+1).cap
			}
		}
		if t.kind != tWord || t.cap {
			return false
		}
	}
	return false
}

// asideInList reports whether the clause from k ends at a comma after
// which a list goes on: "within the CIS, the EAEU, where Uzbekistan has
// observer status, and the SCO".
func asideInList(toks []token, k int) bool {
	for e := k; e < len(toks) && e < k+15; e++ {
		if toks[e].text == "," {
			n := tokAt(toks, e+2)
			return tokLow(toks, e+1) == "and" && (n.cap || determiners[n.low])
		}
	}
	return false
}

// gatheringRelative reports whether ", which" at k opens a relative clause
// on a gathering that says when or where it takes place: "the next
// summit, which is to take place in Russia before the end of the year",
// "the Games, which Kyrgyzstan will host in September".
func gatheringRelative(toks []token, k int) bool {
	gathering := false
	for b := k - 1; b >= 0 && b >= k-8 && toks[b].kind == tWord; b-- {
		if w := toks[b].low; meetingNouns[w] || gatheringNouns[w] || invitedEvents[w] {
			gathering = true // "the next meeting of the Cooperation Council, which"
			break
		}
		if !toks[b].cap && toks[b].low != "of" && toks[b].low != "the" {
			break
		}
	}
	if !gathering {
		return false
	}
	for e := k + 2; e < len(toks) && e < k+8; e++ {
		switch toks[e].low {
		case "held", "place", "host", "hosts", "scheduled", "convened", "organise", "organize", "hold":
			return true
		}
		if toks[e].kind != tWord {
			return false
		}
	}
	return false
}

// afterAside returns the index after a short prepositional aside that
// opens at k and ends in a comma ("on our part,", "in turn,", "for its
// part,") or is a pronoun without one ("for us Torugart is"), else k.
func afterAside(toks []token, k int) int {
	if !prepositions[tokLow(toks, k)] {
		return k
	}
	switch tokLow(toks, k+1) {
	case "us", "me", "them":
		return k + 2
	}
	for e := k + 1; e < len(toks) && e < k+4; e++ {
		if toks[e].text == "," {
			return e + 1
		}
		if toks[e].kind != tWord {
			break
		}
	}
	return k
}

// clauseAhead reports whether a clause with a subject of its own opens at
// k: a pronoun or a noun phrase with a determiner, then a finite auxiliary
// within a few words ("the invitation was accepted", "this will help").
func clauseAhead(toks []token, k int) bool {
	w := tokLow(toks, k)
	if k < len(toks) && toks[k].cap && toks[k].kind == tWord && !determiners[w] && !subjectPronouns[w] {
		// a name and its verb: "..., and Kulubaev confirmed that",
		// "..., and for us Torugart is not just a checkpoint"
		e := personNameEnd(toks, k, len(toks))
		if e == k {
			e = k + 1
		}
		n := tokAt(toks, e)
		vk, _ := verbForm(n.low)
		return !n.cap && (finiteAux[n.low] || vk == vEd && (n.is(wSay) || n.is(wThat) || tokLow(toks, e+1) == "that"))
	}
	if !determiners[w] && !subjectPronouns[w] {
		return false
	}
	if subjectPronouns[w] && (sayVerbs[tokLow(toks, k+1)] || tokLow(toks, k+1) == "note") {
		return true // "..., and I note that the Uzbek side has": a remark of the speaker's own
	}
	for e := k + 1; e < len(toks) && e < k+6; e++ {
		t := toks[e]
		if t.kind != tWord {
			return false
		}
		if finiteAux[t.low] {
			return true
		}
		if prepositions[t.low] {
			return false
		}
	}
	return false
}

// finiteAux are the finite auxiliaries that show a clause of its own:
// "the invitation was accepted", "Torugart is a gateway".
var finiteAux = makeSet(`was were is are will would has have had`)

// asTheyMet reports whether a clause from k says who met ("..., as the
// two countries' top police officers met in Beijing on Tuesday"), a news
// lead's time clause, or who said it (", as the minister noted."): not
// part of what is committed. The subject is a few words before a past
// verb of meeting or one of speech that ends the clause.
func asTheyMet(toks []token, k int) bool {
	for e := k; e < len(toks) && e < k+10; e++ {
		t := toks[e]
		if t.kind == tPunct && t.kind != tPoss && t.text != "'" && t.text != "’" {
			return false
		}
		if e > k && t.is(wMeeting) && !t.cap {
			if vk, _ := verbForm(t.low); vk == vEd || t.low == "met" || t.low == "held" || t.low == "spoke" {
				return true
			}
		}
		if e > k && t.is(wSay) && !t.cap && e+1 < len(toks) && toks[e+1].kind == tPunct {
			return true // "..., as our minister said.": an aside
		}
	}
	return false
}

// purposeNouns head the phrase news copy uses for the aim behind what was
// agreed: "in a bid to", "in an effort to", "in an attempt to".
var purposeNouns = makeSet(`bid effort attempt`)

// purposeAt reports whether such a phrase opens at k.
func purposeAt(toks []token, k int) bool {
	a := tokLow(toks, k+1)
	return tokLow(toks, k) == "in" && (a == "a" || a == "an") && purposeNouns[tokLow(toks, k+2)] && tokLow(toks, k+3) == "to"
}

// asBackground reports whether a clause of its own opens at k, after ",
// as": a subject named in capitals or with a determiner, then a finite
// verb ("..., as Washington seeks to loosen A", "as Beijing steps up
// efforts to B", "as the two countries seek to C"). News copy puts the
// background of a meeting there, not what was agreed.
func asBackground(toks []token, k int) bool {
	e := k
	det := determiners[tokLow(toks, k)] || tokLow(toks, k) == "both" // "as both capitals seek to"
	switch {
	case det:
		e = k + 1
		for e < len(toks) && e < k+4 && toks[e].kind == tWord && !isAdverb(toks[e].low) {
			if vk, _ := verbForm(toks[e].low); vk != vNone && e > k+1 && !toks[e].cap {
				break
			}
			e++
		}
	case tokAt(toks, k).cap && tokAt(toks, k).kind == tWord:
		for e < len(toks) && e < k+3 && toks[e].cap && toks[e].kind == tWord {
			e++
		}
	default:
		return false
	}
	t := tokAt(toks, e)
	if t.kind != tWord || t.cap {
		return false
	}
	vk, _ := verbForm(t.low)
	if vk == vNone && toks[k].cap && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") && determiners[tokLow(toks, e+1)] {
		return true // "as Washington courts the region": a verb the lexicon lacks
	}
	return vk == vS || vk == vEd && !determiners[tokLow(toks, e+1)] || vk == vBase && det && auxOrTo(toks, e+1)
}

// bareAsBackground reports whether "as" at k opens a background clause
// without a comma, as headlines and summary lines write it: "ministers
// meet in the port city as Beijing seeks to reroute cargo". Only a named
// subject and a present verb with "to" ("seeks to", "aims to") read so.
func bareAsBackground(toks []token, k, cs int) bool {
	if toks[k].low != "as" || k <= cs || toks[k-1].kind != tWord || !tokAt(toks, k+1).cap || !asBackground(toks, k+1) {
		return false
	}
	e := k + 1
	for e < len(toks) && toks[e].cap && toks[e].kind == tWord {
		e++
	}
	vk, _ := verbForm(tokLow(toks, e))
	return vk == vS && tokLow(toks, e+1) == "to"
}

// auxOrTo reports whether the token at k continues a finite verb: "to",
// or a determiner or adverb that opens its object.
func auxOrTo(toks []token, k int) bool {
	w := tokLow(toks, k)
	return w == "to" || determiners[w] || isAdverb(w)
}

// clauseEnd returns the next comma or semicolon from k, or ce.
func clauseEnd(toks []token, k, ce int) int {
	for ; k < ce; k++ {
		if toks[k].text == "," || toks[k].text == ";" {
			return k
		}
	}
	return ce
}

// reportVerbs in the past tense after a comma start the next thing the
// subject did, not a part of the complement: "urged Turkey not to retain
// X, expressed concern over Y".
var reportVerbs = makeSet(`expressed voiced raised discussed reaffirmed reiterated underscored highlighted welcomed thanked
conveyed urged praised commended congratulated condemned briefed`)

// trimEnd drops trailing connectors and punctuation from [from, end).
func trimEnd(toks []token, from, end int) int {
	for end > from {
		t := toks[end-1]
		if t.kind == tPunct && t.text != ")" && t.text != "”" && t.text != "»" || t.low == "and" || t.low == "or" || t.low == "but" {
			end--
			continue
		}
		if t.low == "that" && tokLow(toks, end-2) == "and" {
			end-- // "A, and that B would": the next clause's conjunction
			continue
		}
		if t.low == "as" && end-3 >= from && toks[end-3].low == "as" && toks[end-2].low == "well" {
			end -= 3
			continue
		}
		if t.low == "that" && end-2 >= from && (toks[end-2].low == "and" || toks[end-2].text == ",") {
			end-- // "A, and that B will ...": the next clause's "that"
			continue
		}
		if (t.low == "which" || t.low == "whom") && end-2 > from && prepositions[toks[end-2].low] {
			end -= 2 // "the programme, under which B will": the next clause's opening
			continue
		}
		break
	}
	return end
}

// frameActors decides who commits in frame f, and whether the frame is a
// commitment of the meeting's parties at all.
func (d *docCtx) frameActors(si int, a *attribution, f *frame, prev []string) ([]string, bool) {
	s := &d.sents[si]
	var actors []string
	switch {
	case f.welcomed:
		// "More Uzbek youths are welcome to study in China": the side
		// that speaks, else the party the welcomed do not belong to.
		if c := a.spk.code(); c != "" {
			actors = []string{c}
		} else if named, _ := d.resolveNP(s, f.subjI, f.subjJ, a); len(named) == 1 && len(d.parties) == 2 {
			for _, p := range d.parties {
				if p != named[0] {
					actors = []string{p}
				}
			}
		}
		f.event = true
	case f.all:
		actors = d.parties
	case f.calleeI >= 0:
		codes, kind := d.resolveNP(s, f.calleeI, f.calleeJ, a)
		if kind != sAll && kind != sParty && kind != sPerson && instructVerbs[tokLow(s.tokens, f.verb)] {
			// "The heads of government instructed the energy
			// ministries to A": an order commits those who gave it.
			codes, kind = d.resolveNP(s, f.subjI, f.subjJ, a)
			if kind == sEmpty {
				// "The heads of government reviewed A and instructed
				// the ministries to B": the subject of the first verb
				codes, kind = d.openingSubject(s, a)
			}
		}
		var ok bool
		if actors, ok = d.partyActors(codes, kind); !ok {
			actors = []string{a.spk.code()}
		}
	default:
		if f.possI >= 0 && f.possJ == f.possI+1 && (s.tokens[f.possI].low == "its" || s.tokens[f.possI].low == "their") {
			// "welcomed Kazakhstan's intention to A and its commitment
			// to B": "its" is the possessor before it.
			if codes := d.possessorBefore(s, f.possI, a); len(codes) > 0 {
				actors = codes
				break
			}
		}
		if f.possI >= 0 && f.possJ > f.possI {
			if codes, kind := d.resolveNP(s, f.possI, f.possJ, a); kind == sParty || kind == sPerson {
				actors = codes
				break
			} else if kind == sAll {
				actors = d.parties
				break
			}
		}
		codes, kind := d.resolveNP(s, f.subjI, f.subjJ, a)
		switch kind {
		case sAll:
			actors = d.parties
		case sParty, sPerson:
			actors = codes
			if kind == sPerson && f.mod == schema.ModalityPledge && scheduleVerbs[tokLow(s.tokens, f.comp)] {
				return nil, false // a travel plan
			}
		case sEmpty:
			if relativeClause(s.tokens, f) {
				return nil, false // "a new Dialogue that will convene ...": it describes the Dialogue
			}
			if ri, rj := relativeHead(s.tokens, a.cs, f.start); ri < rj {
				// "The World Bank, which leads the consortium, hopes to":
				// the subject stands before its relative clause.
				var ok bool
				if actors, ok = d.partyActors(d.resolveNP(s, ri, rj, a)); ok {
					break
				}
				if !participleOpens(s.tokens[rj+1]) {
					return nil, false
				}
				// "The Samara Region, according to X, is ready to": a
				// head that names no party leaves the subject to the
				// sentence, as before
			}
			switch {
			case len(prev) > 0:
				actors = prev
			case len(a.list) > 0:
				actors = a.list
			default:
				if c, k := d.openingSubject(s, a); k != sNone && k != sEmpty {
					actors = c
					if k == sAll {
						actors = d.parties // "The two sides also exchanged views ... and agreed to"
					}
					if k == sPerson && f.mod == schema.ModalityPledge && scheduleVerbs[tokLow(s.tokens, f.comp)] {
						return nil, false // "The President ... will take part in the summit"
					}
				} else if c := a.spk.code(); c != "" || tokLow(s.tokens, f.verb) != "it" {
					actors = []string{c}
				} else {
					actors = d.parties // "It is necessary to A" with no one saying it: every party
				}
			}
		case sNone:
			if d.isEvent(s, f) {
				// "agreed that the next summit will be held in Baku": the
				// meeting named is the event arranged, not a body
				// deciding, so the span keeps it (before sessionDecision)
				f.event = true
				actors = d.parties
				break
			}
			if f.docs && meetingSubject(s.tokens, f) || sessionDecision(s.tokens, d.meetingTokens(), f) {
				// "The meeting adopted the Joint Communique": a
				// document of every party.
				actors = d.parties
				break
			}
			if c := d.agentActors(s, f, a); c != nil {
				actors = c
			} else if c := d.speakerBody(s, f, a); c != "" {
				actors = []string{c}
			} else {
				return nil, false
			}
		}
	}
	if f.mod == schema.ModalityAgreement && f.subjJ == f.subjI+1 && tokLow(s.tokens, f.subjI) == "we" {
		actors = d.parties // "We have agreed to": an agreement binds both sides
	}
	if officialHope(a, f) {
		return nil, false // an organisation official's hope about the parties
	}
	if businessWish(s.tokens, f, a.cs) {
		return nil, false // "Turkish contractors are eager to take part in A": an interest, no undertaking
	}
	actors = d.exceptParties(s, f, actors) // "The other member states ...; India did not join"
	actors = sortedCodes(actors)
	if len(actors) == 0 || f.copula && len(actors) != 1 {
		return nil, false // "China and Kazakhstan are good friends" describes, not commits
	}
	if f.copula && a.spk.code() != "" && actors[0] != a.spk.code() {
		return nil, false // praise of the other side: "Pakistan is an important partner"
	}
	if len(d.parties) > 0 {
		// Statements about third parties are not commitments.
		in := false
		for _, c := range actors {
			if slices.Contains(d.parties, c) {
				in = true
			}
		}
		if !in {
			return nil, false
		}
	}
	return actors, true
}

// partyActors turns a resolved subject into actors: every party for
// "the two sides", the codes of a party or a person; false otherwise.
func (d *docCtx) partyActors(codes []string, kind subjKind) ([]string, bool) {
	switch kind {
	case sAll:
		return d.parties, true
	case sParty, sPerson:
		return codes, true
	}
	return nil, false
}

// namedBodySubject reports whether the subject of f names a state body
// by its proper name: "The Parliament of Kazakhstan", "The National
// People's Congress (NPC) of China" (not "the Kazakh side", "his
// ministry").
func namedBodySubject(toks []token, f *frame) bool {
	if f.subjJ <= f.subjI || f.subjJ-f.subjI > maxSubject {
		return false
	}
	for k := f.subjI; k < f.subjJ; k++ {
		t := toks[k]
		if t.kind == tWord && t.cap && (stateBodies[t.low] || namedBodies[t.low]) {
			return true
		}
	}
	return false
}

// namedBodies head the proper names of legislatures and agencies.
var namedBodies = makeSet(`parliament congress assembly senate duma majlis mejlis council committee`)

// stateBodies head a subject that is an organ of a state, which commits
// its state: "the government of X", "his ministry", "the Parliament of X".
var stateBodies = makeSet(`government governments leadership authorities delegation administration ministry ministries
parliament congress organs agencies agency department departments cabinet legislature military embassy chamber senate bank`)

// possessorBefore resolves the nearest possessor ("Kazakhstan's", "the
// Uzbek side's") before token k of s to the parties it names, nil when
// there is none.
func (d *docCtx) possessorBefore(s *sentence, k int, a *attribution) []string {
	toks := s.tokens
	for p := k - 1; p > 0; p-- {
		if toks[p].kind != tPoss {
			continue
		}
		b := p - 1
		for b >= 0 && toks[b].kind == tWord && (toks[b].cap || toks[b].low == "the" || toks[b].low == "of") {
			b--
		}
		if codes, kind := d.resolveNP(s, b+1, p, a); kind == sParty || kind == sPerson {
			return codes
		}
		return nil
	}
	return nil
}

// speakerBody resolves a subject that names a body only by its proper
// name or acronym, with no country, in a sentence a party's speaker says
// ("The NPC is ready to A, he said", "Baikhanov said that Pavlodar Region
// will provide A", "The DFC is ready to finance A, Black added"): the
// body is the speaker's own. A multilateral body ("The SCO will") or a
// place of another country is not. It returns "" when the rule does not
// apply.
func (d *docCtx) speakerBody(s *sentence, f *frame, a *attribution) string {
	c := a.spk.code()
	toks := s.tokens
	i, j := f.subjI, f.subjJ
	for i < j && determiners[toks[i].low] {
		i++
	}
	if j-i >= 3 && j-i <= 5 && toks[i].cap && (stateBodies[toks[i].low] || namedBodies[toks[i].low]) && toks[i+1].low == "of" {
		// "the Department of Energy will provide A", "the Ministry of
		// Agriculture is ready to": the speaker's own ministry
		for k := i + 2; k < j; k++ {
			if !toks[k].cap || s.placeAt(k) >= 0 || d.inPerson(s, k, k+1) {
				return ""
			}
		}
		return c
	}
	if j-i < 1 || j-i > 3 {
		return ""
	}
	for k := i; k < j; k++ {
		t := toks[k]
		if t.kind != tWord || !t.cap || titleWords[t.low] || notNameWords[t.low] && !regionHeads[t.low] || d.inPerson(s, k, k+1) {
			return ""
		}
		if pi := s.placeAt(k); pi >= 0 && (s.places[pi].kind == gazetteer.MentionCountry || s.places[pi].code != "" && s.places[pi].code != c) {
			return ""
		}
	}
	head := toks[j-1]
	if _, multi := knownBodies[head.text]; multi {
		return ""
	}
	if !isAcronym(head.text) && !namedBodies[head.low] && !regionHeads[head.low] {
		return ""
	}
	return c
}

// regionHeads head the name of a sub-national unit: "Pavlodar Region".
var regionHeads = makeSet(`region province oblast state prefecture district`)

// companyHeads head a subject that is a party's business.
var companyHeads = makeSet(`companies company enterprises enterprise firms businesses corporations`)

// businessNouns head a subject that is a party's business community.
var businessNouns = makeSet(`companies firms businesses corporations contractors investors exporters importers businessmen
entrepreneurs manufacturers producers traders`)

// businessWish reports whether frame f reports the eagerness of a
// business community rather than an undertaking of a party: "US
// companies are eager to compete for contracts", "Turkish contractors,
// who have ..., are keen to take part in A" (but "Russian companies will
// take part in A" is the party's pledge). cs opens the sentence's content.
func businessWish(toks []token, f *frame, cs int) bool {
	if f.kind != compVP || f.comp < 2 || tokLow(toks, f.comp-1) != "to" {
		return false
	}
	if adj := toks[f.comp-2].low; adj != "eager" && adj != "keen" {
		return false
	}
	i, j := f.subjI, f.subjJ
	if i >= j {
		i, j = relativeHead(toks, cs, f.start) // "Turkish contractors, who ..., are"
	}
	head := ""
	for k := i; k < j; k++ {
		t := toks[k]
		if t.kind != tWord || prepositions[t.low] {
			break
		}
		head = t.low
	}
	return businessNouns[head]
}

// relativeHead returns the noun phrase [i, j) that opens the content at cs
// and is followed by a relative or participle clause set off by commas
// that ends right before the verb at start: "The World Bank, which is
// leading the consortium, hopes to" -> "The World Bank"; "The six
// ministers, meeting in Hamburg, adopted" -> "The six ministers". i == j
// when there is none.
func relativeHead(toks []token, cs, start int) (int, int) {
	if start < cs+4 || toks[start-1].text != "," {
		return cs, cs
	}
	for k := cs + 1; k < start-2 && k <= cs+maxSubject; k++ {
		if toks[k].kind != tPunct {
			continue
		}
		if toks[k].text == "," && (toks[k+1].low == "which" || toks[k+1].low == "who" || participleOpens(toks[k+1])) {
			return cs, k
		}
		break
	}
	return cs, cs
}

// participleOpens reports whether t opens a participle clause after a
// comma: a lower-case word in -ing or -ed, or a known verb in those forms
// ("meeting in Hamburg", "speaking after the talks", "gathered in
// Astana"), and so also the aside "according to X".
func participleOpens(t token) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	if vk, _ := verbForm(t.low); vk == vIng || vk == vEd {
		return true
	}
	return len(t.low) > 5 && (strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed"))
}

// sessionNouns name the meeting itself as the subject that adopts a
// document: "The summit adopted the Astana Declaration".
var sessionNouns = makeSet(`meeting summit talks session conference negotiations forum council`)

// meetingSubject reports whether the subject of frame f is the meeting
// itself ("the meeting", "the Seventh ... Foreign Ministers' Meeting").
func meetingSubject(toks []token, f *frame) bool {
	j := f.subjJ
	for j > f.subjI && toks[j-1].kind != tWord {
		j--
	}
	return j > f.subjI && j-f.subjI <= 12 && sessionNouns[toks[j-1].low]
}

// agentActors decides who commits when the subject of a "will" or an
// "is ready to" is a single name that is no place or person, a company or
// agency ("Rosatom will build the first nuclear power plant in
// Kazakhstan", "KazMunayGas and Lukoil will jointly develop ...",
// "Uzbekneftegaz is ready to supply gas to China"): the party the
// complement does not name as its counterpart, else the speaker's when a
// party's speaker names one agent ("Bashkortostan will open a trade house
// in Karaganda, Khabirov said"), else every party.
func (d *docCtx) agentActors(s *sentence, f *frame, a *attribution) []string {
	toks := s.tokens
	if f.mod != schema.ModalityPledge && f.mod != schema.ModalityOffer || f.subjJ <= f.subjI || len(d.parties) < 2 {
		return nil
	}
	subjI := f.subjI
	if _, multi := knownBodies[toks[f.subjJ-1].text]; toks[subjI].low == "the" && f.subjJ == subjI+2 && !multi {
		subjI++ // "The Rosselkhoznadzor will": the agency's name (not "The SCO will")
	}
	for k := subjI; k < f.subjJ; k++ {
		t := toks[k]
		if t.low == "and" && k > subjI && k < f.subjJ-1 {
			continue
		}
		if t.kind != tWord || !t.cap || s.placeAt(k) >= 0 || titleWords[t.low] || notNameWords[t.low] || d.inPerson(s, k, k+1) {
			return nil
		}
		if k+1 < f.subjJ && toks[k+1].low != "and" {
			return nil // one word per agent: "Rosatom", not "The Eurasian Development Bank"
		}
	}
	var named []string
	for _, pl := range s.places {
		if pl.i >= f.comp && pl.j <= f.end && pl.kind == gazetteer.MentionCountry && slices.Contains(d.parties, pl.code) {
			named = append(named, pl.code)
		}
	}
	var rest []string
	for _, c := range d.parties {
		if !slices.Contains(named, c) {
			rest = append(rest, c)
		}
	}
	f.agent = true
	if c := a.spk.code(); reportedSpeech(s, a) && f.subjJ == subjI+1 && slices.Contains(d.parties, c) {
		// "Shi said that ... Sichuan is willing to A": a name the
		// gazetteer does not know, in a party's speech, is the speaker's
		return []string{c}
	}
	if len(rest) == 1 {
		return rest
	}
	if subjI > f.subjI {
		f.agent = false
		return nil // "the DFC would also fund A": speakerBody's
	}
	return d.parties
}

// agentEntities are the companies or agencies of an agent subject.
func agentEntities(s *sentence, f *frame) []schema.Entity {
	var out []schema.Entity
	for k := f.subjI; k < f.subjJ; k++ {
		if t := s.tokens[k]; t.cap && t.kind == tWord && !determiners[t.low] {
			out = append(out, schema.Entity{Name: t.text, Kind: schema.EntityOrganization})
		}
	}
	return out
}

// openingVerbs are past verbs of reporting that the verb lexicon lacks:
// "The leaders discussed the situation and agreed to ...".
var openingVerbs = makeSet(`discussed reviewed noted recalled exchanged instructed informed outlined assessed appreciated
highlighted hailed`)

// openingSubject resolves the subject that opens the content of a sentence
// ("China is happy to see ... and will ..."), or "For us," before it.
func (d *docCtx) openingSubject(s *sentence, a *attribution) ([]string, subjKind) {
	toks := s.tokens
	i := a.cs
	if tokLow(toks, i) == "for" && i+2 < a.ce && toks[i+2].text == "," {
		return d.resolveNP(s, i+1, i+2, a)
	}
	for k := i; k < a.ce && k < i+12; k++ {
		if toks[k].text == "," {
			if e := parentheticalAfter(toks, k, a.ce); e > k {
				k = e // "The Mongolian leader, in turn, expressed"
				continue
			}
			i = k + 1
			continue
		}
		vk, _ := verbForm(toks[k].low)
		if _, ok := toVerbs[toks[k].low]; ok && k > i && !toks[k].cap {
			vk = vEd // "The ministers also agreed to A and instructed B": the lexicon's verbs
		}
		if auxiliaries[toks[k].low] || vk == vS && tokLow(toks, k+1) != "of" || vk == vEd && !toks[k].cap || k > i && !toks[k].cap && (sayVerbs[toks[k].low] || reportVerbs[toks[k].low] || openingVerbs[toks[k].low]) {
			return d.resolveNP(s, i, k, a)
		}
	}
	return nil, sNone
}

// isEvent reports whether a modal frame with a non-party subject announces
// an event the parties arranged: "a visa exemption agreement will take
// effect", "the tourism year will be launched".
func (d *docCtx) isEvent(s *sentence, f *frame) bool {
	toks := s.tokens
	// Inside "expressed hope that ..." or "agreed that ..." the inner
	// frame has taken the clause's modality; the event is still one the
	// parties arrange ("hope that the first meeting ... will be held").
	if f.mod != schema.ModalityPledge && f.clause == 0 || f.subjJ <= f.subjI || d.thirdPartyOnly(s, f.subjI, f.end) {
		return false
	}
	k := f.comp
	switch tokLow(toks, k) {
	case "be":
		k++
		for k < f.end && isAdverb(toks[k].low) {
			k++
		}
		return eventVerbs[tokLow(toks, k)]
	case "take", "come", "enter", "go":
		n := tokLow(toks, k+1)
		return n == "effect" || n == "place" && toks[k].low == "take" || n == "into" && (tokLow(toks, k+2) == "force" || tokLow(toks, k+2) == "effect" || tokLow(toks, k+2) == "operation")
	case "open", "start", "begin", "commence":
		n := tokLow(toks, k+1)
		return n == "" || n == "in" || n == "on" || n == "next" || toks[k+1].kind == tPunct
	}
	return false
}

// resolveNP resolves the noun phrase in tokens [i, j) of s to parties.
func (d *docCtx) resolveNP(s *sentence, i, j int, a *attribution) ([]string, subjKind) {
	toks := s.tokens
	i0 := i
	if j-i == 1 && determiners[toks[i].low] && toks[i].low != "the" && toks[i].low != "a" && toks[i].low != "an" {
		return nil, sNone // "and this will not change": a demonstrative, no party
	}
	for i < j && (determiners[toks[i].low] || isAdverb(toks[i].low) || toks[i].kind == tPunct || toks[i].low == "for") {
		i++
	}
	for j > i+1 && isAdverb(toks[j-1].low) && toks[j-1].low != "not" {
		j-- // "The two sides also exchanged views ... and agreed to"
	}
	if i >= j {
		return nil, sEmpty
	}
	if j-i == 1 && i > 0 && toks[i-1].low == "the" {
		if c := d.namedAntecedent(s, i); c != "" {
			return []string{c}, sParty // "He said that the Samarkand Region will A. The region will B."
		}
	}
	if jointSubject(toks[i0:j]) || eachParty(toks, i, j) {
		return nil, sAll // "The two security councils agreed to", "Each of the five states will"
	}
	if i > i0 && (toks[i-1].low == "the" || toks[i-1].low == "this") && (toks[j-1].low == "country" || toks[j-1].low == "nation") && describesCountry(s, i, j-1) {
		// "Xi said ..., noting that the country is willing to", "said
		// the Central Asian country would": the speaker's country.
		if a != nil {
			if c := a.spk.code(); c != "" {
				return []string{c}, sParty
			}
		}
	}
	if j-i > maxSubject {
		if codes := d.namedPair(s, i, j); len(codes) > 0 {
			return codes, sParty // "Italy's Minister X and Uzbekistan's Minister of Investment, Industry and Trade Y agreed to"
		}
	}
	if j-i > maxSubject || supranationalBody(toks, i, j-1) {
		return nil, sNone // "The World Bank hopes to", "the Asian Development Bank will": no party's
	}
	spk := d.lastSpeaker
	if a != nil {
		spk = a.spk
	}
	if j-i == 1 || j-i == 2 && isAdverb(toks[i+1].low) {
		switch toks[i].low {
		case "he", "she", "i", "me":
			if c := spk.code(); c != "" {
				return []string{c}, sPerson
			}
			return nil, sNone
		case "we", "us", "our":
			if d.sharedWe(s, i) {
				return nil, sAll
			}
			if c := spk.code(); c != "" && (a == nil || a.quoted || a.said) {
				return []string{c}, sParty
			}
			return nil, sAll
		case "they", "both":
			if codes := d.groupSpeaker(s, i); len(codes) > 0 && toks[i].low == "they" {
				return codes, sParty // "The heads of ... the five Central Asian countries said that they support A"
			}
			return nil, sAll
		case "it":
			if a != nil && a.said && a.spk.p == nil && a.spk.country != "" && (i == a.cs || a.coord && i == a.gapJ) {
				return []string{a.spk.country}, sParty // "Turkmenistan said it would": the country
			}
			return nil, sNone
		case "this", "that", "which", "there":
			return nil, sNone
		}
	}
	if c := d.speakersOwnBody(s, i, j, a, spk); c != "" {
		return []string{c}, sParty
	}
	// "his country", "her government": the speaker's.
	if j-i == 2 && (toks[i].low == "his" || toks[i].low == "her") {
		switch w := toks[i+1].low; {
		case w == "country" || w == "nation" || w == "side" || w == "state" || stateBodies[w]:
			if c := spk.code(); c != "" {
				return []string{c}, sParty
			}
		}
	}
	// "The Central Asian foreign ministers said that their countries
	// ...": the group that speaks.
	if j-i == 2 && toks[i].low == "their" {
		switch toks[i+1].low {
		case "countries", "governments", "states", "nations":
			if codes := d.groupSpeaker(s, i); len(codes) > 0 {
				return codes, sParty
			}
		}
	}
	// "our countries", "I propose that our governments prepare A": the
	// plural of the parties' own is every party.
	if j-i == 2 && toks[i].low == "our" {
		switch toks[i+1].low {
		case "countries", "governments", "states", "nations", "peoples":
			return nil, sAll
		}
	}
	// "We share the common goal": every party.
	if toks[i].low == "we" && d.sharedWe(s, i) {
		return nil, sAll
	}
	// "The Secretary and the Foreign Minister": the union of both.
	for k := i + 1; k < j-1; k++ {
		if toks[k].low != "and" || s.placeAt(k) >= 0 {
			continue
		}
		a1, k1 := d.resolveNP(s, i, k, a)
		a2, k2 := d.resolveNP(s, k+1, j, a)
		if (k1 == sPerson || k1 == sParty) && (k2 == sPerson || k2 == sParty) {
			return sortedCodes(append(append([]string{}, a1...), a2...)), sParty
		}
		break
	}
	for _, pm := range d.mentions[s.idx] {
		if pm.i >= i && pm.j <= j && pm.roleI >= i {
			if pm.p.country != "" {
				return []string{pm.p.country}, sPerson
			}
			return nil, sNone
		}
	}
	p := j
	for k := i; k < j; k++ {
		if prepositions[toks[k].low] && k > i {
			p = k
			break
		}
	}
	headI := p - 1
	for headI > i && toks[headI].kind != tWord {
		headI--
	}
	head := toks[headI].low
	if b, c := legislatureEndingAt(toks, headI); b >= i && b <= i+1 {
		return []string{c}, sParty // "The Majlisi Milli is ready to", "the Federation Council would": its state's parliament
	}
	var named []string
	for k := i; k < j; k++ {
		if c := s.countryAt(k); c != "" {
			pl := s.places[s.placeAt(k)]
			if pl.exact && !slices.Contains(named, c) {
				named = append(named, c)
			}
			k = pl.j - 1
		}
	}
	if c := legislatureSubject(toks, i, headI); c != "" && len(named) == 0 {
		return []string{c}, sParty // "The Mazhilis will give priority to": the chamber's state
	}
	if c := localGovernmentSubject(toks, headI, named); c != "" {
		return []string{c}, sParty // "the akimat would allocate land": the region's executive, its state's
	}
	plural := pluralPartyHeads[head] || pluralTitle(head)
	if plural && len(d.parties) > 2 {
		// "the Central Asian foreign ministers": the parties of the
		// region; "the ministers of the five Central Asian countries and
		// China": and those named with them
		if ca := d.centralAsianParties(toks, i, j); len(ca) > 0 {
			return sortedCodes(append(ca, named...)), sParty
		}
	}
	switch {
	case plural || head == "two" || head == "sides" && len(named) == 0:
		if len(named) > 0 && head != "two" && head != "both" && head != "sides" && head != "parties" && head != "countries" {
			return named, sParty
		}
		if (head == "ministers" || head == "leaders") && len(named) == 1 {
			return named, sParty
		}
		return nil, sAll
	case companyHeads[head] && len(named) == 1 && s.placeAt(i) >= 0:
		// "Russian companies will take part in ...": a party's business
		return named, sParty
	case len(named) == 1 && countryModified(s, i, p, headI) && (a == nil || spk.code() == named[0]):
		// "Chinese banks will provide A, the vice premier said", "the
		// Kazakh railway, he said, welcomes", "Universities of Russian
		// Railways will train A, the minister added": a body its own
		// side's speaker names by its country speaks for it (nil: the
		// stance check, which asks only whether a party is named)
		return named, sParty
	case head == "side" || stateBodies[head]:
		// "the Kazakh side", "The Parliament of Kazakhstan", "China's
		// public security organs", "the Russian Defence Ministry": a
		// body of one named state acts for it.
		if len(named) == 1 {
			return named, sParty
		}
		if ofEveryParty(toks, p, j) {
			return nil, sAll // "the ministries of energy of the two countries"
		}
		if c := d.agencySubject(s, i, headI, named, spk, a != nil && a.said); c != "" {
			return []string{c}, sParty
		}
		return nil, sNone
	case personHeads[head]:
		if len(named) >= 1 {
			return named[:1], sPerson
		}
		if c := d.roleCountry(s, i, j); c != "" {
			return []string{c}, sPerson
		}
		if c := spk.code(); c != "" {
			return []string{c}, sPerson
		}
		return nil, sPerson
	}
	if pi := s.placeAt(headI); pi >= 0 {
		pl := s.places[pi]
		switch pl.kind {
		case gazetteer.MentionCountry:
			return named, sParty
		case gazetteer.MentionCity:
			// "Beijing is ready to": a capital stands for its country;
			// "Shanghai will encourage", "Tashkent is ready to": a city
			// of a party, its government, for that party.
			if c, ok := gazetteer.LookupCity(pl.city); ok && headI == i && (c.Capital || slices.Contains(d.parties, c.Country)) {
				return []string{c.Country}, sParty
			}
		}
	}
	if c := d.agencySubject(s, i, headI, named, spk, a != nil && a.said); c != "" {
		return []string{c}, sParty // "the U.S. Export-Import Bank would", "The government would, he said"
	}
	return nil, sNone
}

// inTitledName reports whether token k of s lies inside a named person
// with his title, after the title's first word ("Minister of
// Investment, Industry and Trade Laziz Kudratov").
func (d *docCtx) inTitledName(s *sentence, k int) bool {
	for _, pm := range d.mentions[s.idx] {
		if pm.roleI < k && k < pm.j {
			return true
		}
	}
	return false
}

// namedPair returns the countries of a subject [i, j) that is two or
// more named people, each with his title, joined by "and" and followed at
// most by the day ("Italian Minister X and Uzbekistan's Minister of
// Investment, Industry and Trade Y on Tuesday"): long titles make such a
// subject longer than maxSubject, yet it is the named people who act.
// nil when the subject is not such a pair.
func (d *docCtx) namedPair(s *sentence, i, j int) []string {
	toks := s.tokens
	var codes []string
	last, n := -1, 0
	for _, pm := range d.mentions[s.idx] {
		if pm.i < i || pm.j > j {
			continue
		}
		if pm.country == "" || last >= 0 && !(tokLow(toks, last) == "and" && pm.roleI > last) {
			return nil // "X and Y": each joined by "and" after the one before
		}
		codes = append(codes, pm.country)
		last, n = pm.j, n+1
	}
	if n < 2 {
		return nil
	}
	for k := last; k < j; k++ {
		if _, day := weekdays[toks[k].low]; !day && toks[k].low != "on" && !isAdverb(toks[k].low) {
			return nil // only "on Tuesday", "today" may follow the last name
		}
	}
	return sortedCodes(codes)
}

// speakersOwnBody resolves a subject that names, without its state, a
// body of the state that speaks: "our Eximbank will provide", "our region
// will host" in a quotation, or "the ministry supports", "the region will
// provide" in what a speaker is reported to say (not quotes: there "the
// ministry" may be the other side's). It returns the speaker's
// country, "" when [i, j) is no such subject or no one speaks.
func (d *docCtx) speakersOwnBody(s *sentence, i, j int, a *attribution, spk speaker) string {
	toks := s.tokens
	if j-i == 2 && toks[i].low == "our" {
		i++ // "our" is no determiner: "our Eximbank"
	}
	// a nil attribution is placeSubject's check that a stance verb has a
	// party for its subject: it may, once the sentence's speaker is known
	if a != nil && !reportedSpeech(s, a) || i == 0 {
		return ""
	}
	det := toks[i-1].low
	for i < j-1 && bodyModifier(s, i) {
		i++ // "the investment ministry", "the state oil company"
	}
	if j-i != 1 {
		return ""
	}
	w := toks[i]
	if pluralPartyHeads[w.low] {
		return "" // "our governments": every party's
	}
	body := stateBodies[w.low] || regionHeads[w.low] || companyHeads[w.low] || w.low == "treasury"
	switch det {
	case "our":
		if ownCountryWords[w.low] {
			return spk.code() // "X stressed that ... Our country adheres to": one country, the speaker's
		}
		// a single proper name after "our" is the speaker's own body too
		if !body && !(w.cap && w.kind == tWord && s.placeAt(i) < 0 && !d.inPerson(s, i, j)) {
			return ""
		}
	case "the":
		if !body || a != nil && a.quoted {
			return ""
		}
		if a != nil && !a.said && strings.HasSuffix(w.low, "s") {
			return "" // "The heads of state tasked the ministries with": not one speaker's
		}
	default:
		return ""
	}
	return spk.code()
}

// countryModified reports whether the one country of the subject
// opening at i, its head at headI before p, is the head's modifier: the
// country or demonym opens the subject ("Chinese banks", "the Kazakh
// railway", "China's state railway company"), or opens the "of" phrase
// after a capitalised head ("Universities of Russian Railways"). Not a
// country that is the head itself ("China"), nor one whose possessed
// noun owns the head ("the Chinese side's technologies").
func countryModified(s *sentence, i, p, headI int) bool {
	toks := s.tokens
	if pi := s.placeAt(i); pi >= 0 {
		pl := s.places[pi]
		if pl.kind == gazetteer.MentionCity || pl.j > headI || s.placeAt(headI) >= 0 {
			return false
		}
		for k := pl.j + 1; k <= headI; k++ {
			if toks[k].kind == tPoss || determiners[toks[k].low] {
				return false // "China appreciates the firm support": no noun phrase
			}
		}
		return true
	}
	if tokLow(toks, p) != "of" || !toks[headI].cap || headI != i {
		return false
	}
	k := p + 1
	if tokLow(toks, k) == "the" {
		k++
	}
	pi := s.placeAt(k)
	return pi >= 0 && s.places[pi].kind != gazetteer.MentionCity
}

// antecedentSentences is how many sentences back a definite noun looks for
// the proper name it stands for.
const antecedentSentences = 4

// namedAntecedent resolves a definite noun at token i of s ("the region",
// "the group") to the country of the nearest earlier proper name with the
// same head word, in s or the few sentences before it: "the Samarkand
// Region" for "the region", "China State Railway Group" for "the group".
// It returns "" when there is none or it names no one party.
func (d *docCtx) namedAntecedent(s *sentence, i int) string {
	w := s.tokens[i].low
	if s.tokens[i].cap || strings.HasSuffix(w, "s") {
		return ""
	}
	for si := s.idx; si >= 0 && si > s.idx-antecedentSentences; si-- {
		ps := &d.sents[si]
		toks := ps.tokens
		end := len(toks)
		if si == s.idx {
			end = i - 1
		}
		for k := end - 1; k > 0; k-- {
			if toks[k].low != w || !toks[k].cap || !toks[k-1].cap || toks[k-1].kind != tWord {
				continue
			}
			b := k - 1
			for b > 0 && toks[b-1].kind == tWord && toks[b-1].cap && b > k-5 {
				b--
			}
			if codes, kind := d.resolveNP(ps, b, k+1, nil); kind == sParty && len(codes) == 1 {
				return codes[0]
			}
			return ""
		}
	}
	return ""
}

// ownCountryWords name, after "our", the one country of who speaks: "our
// country", "our state" (the plural "our countries" is every party's).
var ownCountryWords = makeSet(`country nation state side`)

// reportedSpeech reports whether sentence s, attributed by a, is what a
// party's speaker says: an explicit attribution or quotation, or a
// sentence that goes on, in the same paragraph, from one ("Shi said that
// A. The province welcomes B.").
func reportedSpeech(s *sentence, a *attribution) bool {
	return a.said || a.quoted || !s.paraStart && a.spk.known()
}

// bodyModifier reports whether token i of s is a plain lower-case word
// that narrows the body after it without naming whose it is: "investment"
// in "the investment ministry", "regional", "state" and "oil" in "the
// state oil company"; not a place, a number or "other", "joint",
// "respective", which point at another side or at both, nor a
// preposition or a person's title.
func bodyModifier(s *sentence, i int) bool {
	t := s.tokens[i]
	if t.kind != tWord || t.cap || s.placeAt(i) >= 0 || determiners[t.low] || isNumber(t.text) || prepositions[t.low] ||
		pluralPartyHeads[t.low] || personHeads[t.low] {
		return false // not "the heads of state": a title, then "of"
	}
	switch t.low {
	case "other", "joint", "respective", "two", "both", "three", "all", "each", "and", "or":
		return false
	}
	return true
}

// eachParty reports whether tokens [i, j) distribute over the parties:
// "Each of the three states", "each side", "each of the member
// countries": every party commits, each for itself.
func eachParty(toks []token, i, j int) bool {
	if j-i < 2 || toks[i].low != "each" {
		return false
	}
	w := toks[j-1].low
	if j-i == 2 {
		return w == "side" || w == "country" || w == "state" || w == "party" || w == "government"
	}
	return toks[i+1].low == "of" && pluralPartyHeads[w]
}

// supranationals open the names of bodies above states: "World Bank",
// "International Monetary Fund", "Eurasian Development Bank".
var supranationals = makeSet(`world international asian eurasian european islamic global african arab`)

// supranationalBody reports whether tokens [i, headI] are the proper name
// of a body above states ("The World Bank", "the Asian Infrastructure
// Investment Bank"), which speaks for no party of the meeting.
func supranationalBody(toks []token, i, headI int) bool {
	if headI == i || !toks[i].cap || !supranationals[toks[i].low] {
		return false
	}
	for k := i + 1; k <= headI; k++ {
		if !toks[k].cap {
			return false
		}
	}
	return true
}

// ofEveryParty reports whether tokens [k, j) end in "of the two
// countries", "of both sides", "of our states": what they qualify belongs
// to every party.
func ofEveryParty(toks []token, k, j int) bool {
	if j-k < 3 || tokLow(toks, j-3) != "of" && tokLow(toks, j-4) != "of" {
		return false
	}
	switch toks[j-1].low {
	case "countries", "sides", "states", "nations", "parties":
	default:
		return false
	}
	switch tokLow(toks, j-2) {
	case "two", "both", "our":
		return true
	}
	return false
}

// meetingTokens returns the tokens of the sentence that reports the
// meeting, nil when none does.
func (d *docCtx) meetingTokens() []token {
	if d.meetSent < 0 {
		return nil
	}
	return d.sents[d.meetSent].tokens
}

// pluralTitle reports whether w is the plural of a title that makes a
// person ("the secretaries", "the ambassadors", "the chairmen"): the
// holders on every side.
func pluralTitle(w string) bool {
	switch {
	case strings.HasSuffix(w, "ies"):
		return personHeads[w[:len(w)-3]+"y"]
	case strings.HasSuffix(w, "men"):
		return personHeads[w[:len(w)-3]+"man"]
	case strings.HasSuffix(w, "s"):
		return personHeads[w[:len(w)-1]]
	}
	return false
}

// centralAsianParties returns the meeting's parties that are Central
// Asian states when tokens [i, j) say "Central Asian", else nil.
func (d *docCtx) centralAsianParties(toks []token, i, j int) []string {
	for k := i; k+1 < j; k++ {
		if toks[k].low == "central" && toks[k+1].low == "asian" {
			var out []string
			for _, p := range d.parties {
				if slices.Contains(centralAsia, p) {
					out = append(out, p)
				}
			}
			if len(out) == len(d.parties) {
				return nil // all of them: nothing to tell apart
			}
			return out
		}
	}
	return nil
}

// groupSpeaker resolves X in "X said (that)" right before token i, when
// X names some of the parties: the group "their" at i refers to.
func (d *docCtx) groupSpeaker(s *sentence, i int) []string {
	toks := s.tokens
	j := i
	if j > 0 && toks[j-1].low == "that" {
		j--
	}
	if j > 0 && toks[j-1].is(wSay) {
		j--
	} else {
		return nil
	}
	for j > 0 && isAdverb(toks[j-1].low) {
		j--
	}
	if j <= 0 || j > maxSubject {
		return nil
	}
	codes, kind := d.resolveNP(s, 0, j, nil)
	if kind != sParty || len(codes) == 0 || len(codes) >= len(d.parties) {
		return nil
	}
	return codes
}

// sharedWe reports whether "we" at token i means both sides: "we share",
// "our two countries", "we jointly".
func (d *docCtx) sharedWe(s *sentence, i int) bool {
	toks := s.tokens
	switch {
	case tokLow(toks, i-1) == "together":
		return true // "Together we must make full use of ..."
	case tokLow(toks, i-1) == "," && tokLow(toks, i-2) == "part":
		return false // "On our part, we will open ...": the speaker's side
	}
	for k := i + 1; k < len(toks) && k < i+4; k++ {
		switch toks[k].low {
		case "two": // "we two", "we ... two countries"; not "we will open two more branches"
			if k == i+1 || bothNouns[tokLow(toks, k+1)] {
				return true
			}
		case "share", "shared":
			if tokLow(toks, k+1) != "our" {
				return true // not "we will share our experience": the speaker's side gives it
			}
		case "jointly", "together", "both", "common", "mutually":
			return true
		case "all": // "we all", not "we will provide all the necessary support"
			if k == i+1 {
				return true
			}
		}
	}
	// "We will also create a joint venture fund of the two countries": what
	// "we" do names both countries' undertaking, unless it is done with a
	// country ("we are prepared to coordinate closely with Russia"). The
	// quotation ends what "we" say ("..., we are ready to B," Saidov told a
	// joint news conference).
	shared := false
	for k := i + 1; k < len(toks) && toks[k].text != ";" && toks[k].text != "." && !isQuote(toks[k]); k++ {
		switch toks[k].low {
		case "jointly":
			shared = true
		case "joint":
			// "we will set up a joint venture": both sides'; but among
			// more than two parties a joint thing is not every party's
			// ("We will open our procurement to goods made at the joint
			// plants," the Russian minister said): the speaker's
			shared = shared || len(d.parties) <= 2
		case "together":
			// "We will continue working together on A", not "we are
			// ready to ... work together on B" (an offer) nor "together
			// with our Iranian friends"
			shared = shared || workTogether(toks, i, k)
		case "countries", "sides", "states":
			if p := tokLow(toks, k-1); p == "two" || p == "both" || p == "our" {
				shared = true
			}
		case "with":
			if s.isCountryWord(k+1) || tokLow(toks, k+1) == "the" && s.isCountryWord(k+2) {
				return false
			}
		}
	}
	return shared
}

// bothNouns follow "two" when it counts the parties: "our two countries".
var bothNouns = makeSet(`countries sides states nations peoples governments`)

// roleCountry returns the country of the principal whose role is named in
// tokens [i, j) ("The President", "the Secretary").
func (d *docCtx) roleCountry(s *sentence, i, j int) string {
	var match *person
	for _, p := range d.people {
		if !p.principal || p.role == "" {
			continue
		}
		for k := i; k < j; k++ {
			if personHeads[s.tokens[k].low] && containsWord(p.role, s.tokens[k].text) {
				if match != nil && match != p {
					return ""
				}
				match = p
			}
		}
	}
	if match != nil {
		return match.country
	}
	return ""
}

// clauseFallback makes one commitment of a clause frame without an inner
// frame: "expressed the hope that the two sides continue to deepen ...".
func (d *docCtx) clauseFallback(si int, a *attribution, f *frame, out []schema.Commitment) []schema.Commitment {
	s := &d.sents[si]
	toks := s.tokens
	for k := f.comp; k < f.end && k < f.comp+12; k++ {
		vk, _ := verbForm(toks[k].low)
		if k > f.comp && (determiners[toks[k-1].low] || possPronouns[toks[k-1].low]) {
			continue // "that our governments prepare A": a noun after "our"
		}
		if vk == vS || vk == vBase && k > f.comp || vk == vEd && f.mod == schema.ModalityAgreement {
			g := *f
			g.subjI, g.subjJ = f.comp, k
			g.comp, g.kind, g.incl = k, compVP, true
			g.start, g.verb = k, k
			codes, kind := d.resolveNP(s, g.subjI, g.subjJ, a)
			var actors []string
			switch kind {
			case sAll:
				actors = d.parties
			case sParty, sPerson:
				actors = codes
			default:
				return out
			}
			actors = sortedCodes(actors)
			if len(actors) == 0 {
				return out
			}
			if vk == vBase {
				// "proposed that the three sides establish A and set
				// up B": one commitment per verb phrase
				g.incl = false
				for _, it := range d.items(s, &g) {
					out = append(out, d.commitment(si, a, &g, it, actors))
				}
				return out
			}
			return append(out, d.commitment(si, a, &g, item{k, f.end}, actors))
		}
		if toks[k].kind == tPunct {
			break
		}
	}
	return out
}

// commitment builds the schema value for item it of frame f.
func (d *docCtx) commitment(si int, a *attribution, f *frame, it item, actors []string) schema.Commitment {
	s := &d.sents[si]
	toks := s.tokens
	for it.i+1 < it.j && linkingAdverbs[toks[it.i].low] {
		it.i++ // "We will also create ...": the span starts at the verb
	}
	it.j = occasionEnd(toks, it)
	if it.j < len(toks) && isQuote(toks[it.j]) && openQuote(toks[it.i:it.j]) {
		it.j++ // 'opposes any form of "Taiwan independence"': the quote closes in the span
	}
	start, end := toks[it.i].start, toks[it.j-1].end
	c := schema.Commitment{
		Text:     d.text[start:end],
		Start:    start,
		End:      end,
		Sentence: d.text[s.start:s.end],
		Actors:   actors,
		Modality: f.mod,
	}
	if a.spk.p != nil {
		c.Speaker = a.spk.p.name
	}
	c.Counterparts = d.counterparts(s, it, actors)
	c.Topics, c.Subtopics = d.itemTopics(si, toks[it.i:it.j], !f.docs && !namedBodySubject(toks, f) && !namesDocument(toks, it))
	if len(d.parties) > 2 && multilateralOutcome(toks[it.i:it.j], c.Topics, f.docs) {
		c.Topics, c.Subtopics = withMultilateral(c.Topics, c.Subtopics)
	}
	c.Entities = d.entities(s, it)
	if f.agent {
		c.Entities = append(agentEntities(s, f), c.Entities...)
	}
	if namedBodySubject(toks, f) || actingBodySubject(toks, f) {
		// "The Parliament of Kazakhstan is ready to": the body that
		// acts is what the commitment concerns
		for _, e := range d.entitiesIn(s, item{f.subjI, f.subjJ}, false) {
			if !slices.ContainsFunc(c.Entities, func(o schema.Entity) bool { return strings.EqualFold(o.Name, e.Name) }) {
				c.Entities = append(c.Entities, e)
			}
			c.Topics, c.Subtopics = bodyTopics(c.Topics, c.Subtopics, e)
		}
	}
	if e, ok := d.frameworkEntities(s, a, f); ok {
		for _, x := range e {
			if !slices.ContainsFunc(c.Entities, func(o schema.Entity) bool { return strings.EqualFold(o.Name, x.Name) }) {
				c.Entities = append(c.Entities, x)
			}
		}
	}
	c.Topics, c.Subtopics = entityTopics(toks[it.i:it.j], c.Topics, c.Subtopics, c.Entities)
	if f.docs {
		if e, ok := documentEntity(toks, it); ok && !slices.ContainsFunc(c.Entities, func(o schema.Entity) bool { return strings.EqualFold(o.Name, e.Name) }) {
			c.Entities = append([]schema.Entity{e}, c.Entities...)
		}
	}
	return c
}

// occasionEnd cuts from item it a closing adverbial that names the
// meeting itself as the occasion: "agreed to deepen cooperation in A at
// the first session of their business council", "... during the talks".
// A later gathering stays ("at the next session", "at a meeting in 2027").
func occasionEnd(toks []token, it item) int {
	for k := it.j - 2; k > it.i+2; k-- {
		if toks[k].low != "at" && toks[k].low != "during" {
			continue
		}
		switch tokLow(toks, k+1) {
		case "the", "their", "this", "its":
		default:
			return it.j
		}
		if heldOccasion(toks, k, it.j) {
			if toks[k-1].text == "," {
				return k - 1 // "A, at their second meeting held in Yining"
			}
			return k // "A at their second meeting, held in Samarkand on Wednesday"
		}
		noun := false
		for e := k + 2; e < it.j; e++ {
			t := toks[e]
			if t.kind != tWord && t.kind != tPoss || futureMarkers[t.low] || numberAt(toks, e) {
				return it.j // "at the next session", "at the session in 2027"
			}
			if e <= k+3 && meetingNouns[t.low] {
				noun = true
			}
		}
		if !noun {
			return it.j
		}
		for e := it.i + 1; e < k; e++ {
			if vk, _ := verbForm(toks[e].low); vk == vEd {
				return it.j // "the agreements reached at the summit": the participle's occasion
			}
		}
		return k
	}
	return it.j
}

// heldOccasion reports whether the phrase at k ("at", "during") before e
// names the meeting just held with what places it: "at their second
// meeting, held in Samarkand on Wednesday", "at the session held in
// Yining, a city in ...". The participle "held" (after a comma or not)
// makes it this meeting, whatever dates or appositions follow.
func heldOccasion(toks []token, k, e int) bool {
	for n := k + 2; n < e && n <= k+4; n++ {
		t := toks[n]
		if t.kind != tWord || futureMarkers[t.low] {
			return false // "at the next session held in 2027" is planned, not this one
		}
		if !meetingNouns[t.low] {
			continue
		}
		h := n + 1
		if tokLow(toks, h) == "," {
			h++
		}
		return tokLow(toks, h) == "held"
	}
	return false
}

// futureMarkers place a gathering other than the meeting being reported
// (later or earlier).
var futureMarkers = makeSet(`next upcoming coming future forthcoming following later last previous earlier past`)

// namesDocument reports whether item it is a verb and a titled document
// ("implement the Roadmap for 2025-2027"): the title, not the item before,
// says what it is about.
func namesDocument(toks []token, it item) bool {
	for k := it.i + 1; k < it.j && k < it.i+4; k++ {
		if toks[k].cap && docTitleAhead(toks, k, it.j) {
			return true
		}
		if toks[k].kind != tWord || !determiners[toks[k].low] && !toks[k].cap {
			return false
		}
	}
	return false
}

// frameworkPreps open an adverbial that sets the frame of what follows:
// "Within the framework of the SCO, the two sides should ...".
var frameworkPreps = makeSet(`within under through in at on as`)

// frameworkEntities returns the entities of an adverbial that opens the
// content before the frame's subject ("Within the framework of the SCO,",
// "Under the Belt and Road Initiative,"): what is done is done in them.
func (d *docCtx) frameworkEntities(s *sentence, a *attribution, f *frame) ([]schema.Entity, bool) {
	toks := s.tokens
	if a.cs >= len(toks) || !frameworkPreps[toks[a.cs].low] {
		return nil, false
	}
	end := f.start
	if f.subjJ > f.subjI {
		end = f.subjI
	}
	comma := -1
	for k := a.cs + 1; k < end; k++ {
		if toks[k].text == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		return nil, false
	}
	es := d.entitiesIn(s, item{a.cs + 1, comma}, false)
	return es, len(es) > 0
}

// openQuote reports whether toks open a quotation they do not close.
func openQuote(toks []token) bool {
	n := 0
	for _, t := range toks {
		if isQuote(t) {
			n++
		}
	}
	return n%2 == 1
}

// counterparts are the parties named in the span ("with Kyrgyzstan",
// "from Kazakhstan") that do not commit, else for a one-sided commitment
// the other parties.
func (d *docCtx) counterparts(s *sentence, it item, actors []string) []string {
	var out []string
	first := sort.Search(len(s.places), func(k int) bool { return s.places[k].i >= it.i })
	for _, pl := range s.places[first:] {
		if pl.i >= it.j {
			break
		}
		if pl.j > it.j || !pl.exact || pl.kind != gazetteer.MentionCountry {
			continue
		}
		if len(d.parties) > 0 && !slices.Contains(d.parties, pl.code) {
			continue // "the Turkmenistan-Afghanistan-Pakistan-India pipeline", "Taiwan independence": named, not promised to
		}
		if !slices.Contains(actors, pl.code) {
			out = append(out, pl.code)
		}
	}
	if len(out) == 0 {
		for _, p := range d.parties {
			if !slices.Contains(actors, p) {
				out = append(out, p)
			}
		}
	}
	return sortedCodes(out)
}

// itemTopics tags the topics of one item. An item with no domain word of
// its own that follows another item of the same sentence continues it
// ("expand gas supplies and increase their volume", "welcomes companies
// to invest and will create favourable conditions for them"): it takes
// that item's topics. Broad cooperation ("deepen all-round cooperation")
// stays general.
// A signed document's title stands alone (inherit is false).
func (d *docCtx) itemTopics(si int, toks []token, inherit bool) ([]string, []string) {
	top, sub, found := matchTopics(toks)
	switch {
	case inherit && (d.lastTopics.sent == si+1 || d.lastTopics.sent == si) && refersBack(toks):
		top, sub = finishTopics(unionTopics(top, sub, d.lastTopics.top, d.lastTopics.sub))
	case found:
	case inherit && d.lastTopics.sent == si+1 && !namesCooperation(toks):
		top, sub = d.lastTopics.top, d.lastTopics.sub
	default:
		top, sub = finishTopics(top, sub)
	}
	if supportsPartyIn(toks) {
		top, sub = withSovereignty(top, sub)
	}
	if regardsAsPartner(toks) {
		// "regards Turkmenistan as a strategic partner in energy": a
		// standing of the relationship, and the fields it names
		top, sub = unionTopics([]string{schema.TopicPolitical}, []string{"political/partnership"}, top, sub)
	}
	if len(d.parties) > 2 && (slices.Contains(sub, "political/high-level-exchanges") || len(top) == 1 && top[0] == schema.TopicGeneral) && namesSummit(toks) {
		// as for a summit, the next meeting of a working body of the
		// format ("the next meeting of the Committee will be held in
		// Minsk") is the format's
		top, sub = withMultilateral(top, sub)
	}
	d.lastTopics.sent, d.lastTopics.top, d.lastTopics.sub = si+1, top, sub
	return top, sub
}

// namesSummit reports whether a span names a summit or a meeting.
func namesSummit(toks []token) bool {
	for _, t := range toks {
		switch t.low {
		case "summit", "summits", "meeting", "meetings", "ministerial":
			return true
		}
	}
	return false
}

// multilateralSummit retags a summit of a meeting of more than two
// parties: it is the multilateral format's ("fully implement the outcomes
// of the Astana Summit", "submit a list of outcomes to the third summit"),
// not a high-level exchange between two states.
func multilateralSummit(top, sub []string) ([]string, []string) {
	sub = slices.DeleteFunc(slices.Clone(sub), func(x string) bool { return x == "political/high-level-exchanges" })
	political := slices.ContainsFunc(sub, func(x string) bool { return schema.TopicRoot(x) == schema.TopicPolitical })
	top = slices.Clone(top)
	if !political {
		top = slices.DeleteFunc(top, func(x string) bool { return x == schema.TopicPolitical })
	}
	if !slices.Contains(top, schema.TopicMultilateral) {
		top = append(top, schema.TopicMultilateral)
	}
	return top, sub
}

// namesCooperation reports whether a span is about cooperation as such,
// which without a domain word is general.
func namesCooperation(toks []token) bool {
	for _, t := range toks {
		switch t.low {
		case "cooperation", "co-operation", "collaboration", "coordination", "potential", "complementarity", "strengths", "advantages":
			return true
		}
	}
	return false
}
