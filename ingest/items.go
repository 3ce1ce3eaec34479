package ingest

import "strings"

// item is one coordinated phrase of a complement: tokens [i, j).
type item struct{ i, j int }

// items splits the complement of f into its coordinated verb phrases:
// "import A, support B, strengthen C, and accelerate D" gives four. A
// phrase starts at a verb of the same inflection as the first one, after
// a comma or "and"; a bare verb before "and" shares its object ("deepen
// and substantiate X"), and after a purpose clause ("cooperation with X to
// strengthen A and ensure B") a bare "and" stays inside the purpose
// clause, while a comma-led item ("..., and deliver B") does not. A noun
// list stays one phrase, except that in what a party calls for a new
// comparative starts one ("stronger A and closer B").
func (d *docCtx) items(s *sentence, f *frame) []item {
	toks := s.tokens
	start := f.comp
	if f.incl {
		start = f.start
	}
	if f.event {
		start = f.subjI
		for start < f.end && (toks[start].low == "that" || toks[start].kind == tPunct) {
			start++
		}
	}
	if start >= f.end {
		return nil
	}
	if f.incl || f.event {
		// A stance verb's object, an announcement, an invitation: one
		// phrase (a second stance verb is a frame of its own).
		return []item{{start, f.end}}
	}
	if f.docs {
		return docItems(toks, f.comp, f.end, adoptingVerbs[tokLow(toks, f.verb)])
	}
	peeled := peelWorkWith(toks, f.comp, f.end)
	c := skipAside(toks, peeled, f.end)
	var want verbKind
	switch f.kind {
	case compVP:
		want = vBase
	case compIng:
		want = vIng
	case compNP:
		return d.npItems(toks, c, f.end)
	}
	if peeled > f.comp {
		// "looks forward to working with China to A, B and C": the
		// items are the verbs after "to".
		want = vBase
	}
	var out []item
	cur := c
	headLen := 0 // tokens of the current item so far
	purpose := false
	for k := c; k < f.end; k++ {
		t := toks[k]
		headLen++
		if t.low == "to" && k > cur {
			if vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, k+1, f.end))); vk == vBase {
				if !catenatives[toks[k-1].low] {
					purpose = true
				}
			}
			continue
		}
		comma := t.text == "," && !digitGroupComma(toks, k) || t.text == ";" // "strengthen A; deepen B; and promote C"
		if comma && tokLow(toks, k+1) == "as" && tokLow(toks, k+3) == "," {
			switch tokLow(toks, k+2) {
			case "always", "before", "usual", "ever":
				k += 3 // "continue to, as always, support X": an aside
				continue
			}
		}
		and := t.low == "and" || t.low == "or"
		asWell := t.low == "as" && tokLow(toks, k+1) == "well" && tokLow(toks, k+2) == "as"
		if !comma && !and && !asWell {
			continue
		}
		n := k + 1
		if asWell {
			n = k + 3
		}
		commaLed := comma
		if comma && (tokLow(toks, n) == "and" || tokLow(toks, n) == "or") {
			n++
		}
		if linkingAdverbs[tokLow(toks, n)] && tokLow(toks, n+1) == "to" {
			n++ // "..., and also to expand B"
		}
		if tokLow(toks, n) == "to" && f.kind == compIng && and {
			n++ // "commitment to strengthening A and to supporting B"
		}
		afterTo := false
		if tokLow(toks, n) == "to" && f.kind == compVP {
			if !and && !(comma && n == k+2) && !(f.comp > 0 && toks[f.comp-1].low == "to") {
				continue // ", to cultivate ...": a purpose clause
			}
			n++ // "to maintain A and to pursue B"
			commaLed, afterTo = true, true
		}
		v := skipAdverbs(toks, n, f.end)
		if v >= f.end || !verbStart(toks, v, want, f.end) && !(afterTo && toVerb(toks, v, want)) && !finitePredicate(toks, c, v, want, f.end) {
			continue
		}
		if and && !commaLed && purpose {
			continue // "to strengthen A and ensure B": inside the purpose clause
		}
		if k-skipAdverbs(toks, cur, k) < 2 && !comma {
			continue // "deepen and substantiate X", "continuously optimize and strengthen X"
		}
		out = appendItem(out, toks, cur, k)
		cur = n
		purpose = false
		k = v
	}
	out = appendItem(out, toks, cur, f.end)
	return out
}

// digitGroupComma reports whether the comma at token k groups the digits
// of one number, written without spaces: "supply 1,000 grain hopper cars",
// "2,500 buses". It joins no items.
func digitGroupComma(toks []token, k int) bool {
	if k == 0 || k+1 >= len(toks) {
		return false
	}
	p, t, n := toks[k-1], toks[k], toks[k+1]
	return p.end == t.start && t.end == n.start && isNumber(p.text) && len(n.text) == 3 && isNumber(n.text)
}

// finitePredicate reports whether the present-tense verb at v, after
// "and", is a second predicate of the frame's subject, not one of the
// verbs its modal governs: "Kazakhstan would extend A and guarantees B".
// Inside a relative clause ("a plant that produces A and exports B") it
// is not.
func finitePredicate(toks []token, c, v int, want verbKind, end int) bool {
	if want != vBase || tokLow(toks, v-1) != "and" {
		return false
	}
	if vk, _ := verbForm(toks[v].low); vk != vS || !verbStart(toks, v, vS, end) {
		return false
	}
	for k := c; k < v; k++ {
		switch toks[k].low {
		case "that", "which", "who", "where":
			return false
		}
	}
	return true
}

// npItems splits a noun-phrase complement at a comparative: "stronger
// people-to-people and cultural exchanges and closer cooperation".
func (d *docCtx) npItems(toks []token, c, end int) []item {
	var out []item
	cur := c
	if !comparatives[tokLow(toks, c)] {
		return []item{{c, end}}
	}
	for k := c + 1; k < end; k++ {
		if toks[k].low != "and" && toks[k].text != "," {
			continue
		}
		n := k + 1
		if tokLow(toks, n) == "and" {
			n++
		}
		if comparatives[tokLow(toks, n)] && n+1 < end && toks[n+1].kind == tWord && toks[n+1].low != "and" {
			out = appendItem(out, toks, cur, k)
			cur = n
			k = n
		}
	}
	return appendItem(out, toks, cur, end)
}

// docNouns are the kinds of document signed at a meeting.
var docNouns = makeSet(`agreement agreements memorandum memoranda protocol treaty declaration statement plan programme program roadmap accord contract convention communique communiqué`)

// titleNouns head a document only in a capitalised title ("the Concept
// of Regional Security", "the Charter of the SCO"); in lower case they are
// ideas ("the concept of good-neighbourliness").
var titleNouns = makeSet(`concept charter decision decisions disposition resolution regulations directive strategy letter`)

// docItems cuts a list of signed documents into one item per title: a
// new item starts after a comma or "and" at a capitalised word or a
// document noun ("a Joint Statement on X and a Treaty on Y"). Only items
// that name a document count.
func docItems(toks []token, c, end int, adopted bool) []item {
	end = packageTail(toks, c, end) // "..., as well as 26 commercial contracts"
	var out []item
	for k := c; k < end && k < c+10; k++ {
		if toks[k].low == "including" || toks[k].low == "namely" {
			// "signed a number of documents, including an agreement on
			// A and a memorandum on B": the titles follow
			c = k + 1
			break
		}
		if toks[k].cap && docTitleAhead(toks, k, end) {
			break
		}
	}
	cur := c
	for k := c + 1; k < end; k++ {
		if toks[k].text != "," && toks[k].text != ";" && toks[k].low != "and" {
			continue
		}
		n := k + 1
		if tokLow(toks, n) == "and" {
			n++
		}
		if toks[k].text == "," && tokLow(toks, n) == "as" && tokLow(toks, n+1) == "well" && tokLow(toks, n+2) == "as" {
			n += 3 // "the Agreement on A, as well as the Protocol on B"
		}
		if tokLow(toks, n) == "on" && pluralDocs(toks, c, end) {
			// "agreements on A, on B and on C": one document each
			out = appendItem(out, toks, cur, k)
			cur = n
			k = n
			continue
		}
		m := n
		for m < end && determiners[toks[m].low] {
			m++
		}
		if toks[k].low == "and" && m == n && m < end && toks[k-1].cap && toks[m].cap && !toks[m].is(wDoc) {
			continue // "the Economic and Social Development Program": one name
		}
		if m > n && m+1 < end && toks[m].kind == tWord && !toks[m].cap && toks[m+1].cap && toks[m+1].is(wDoc) {
			m++ // "and an intergovernmental Protocol on A": the adjective qualifies the next title
		}
		// "the Statement on A and the decision to declare B": what the
		// meeting adopts may be a decision as well as a titled document
		if m < end && toks[m].kind == tWord && (toks[m].is(wDoc) || toks[m].cap && docTitleAhead(toks, m, end) || adopted && m > n && untitledDocument(toks, n, m, end, true)) {
			out = appendItem(out, toks, cur, k)
			cur = n
			k = n
		}
	}
	out = appendItem(out, toks, cur, end)
	var named []item
	for n, it := range out {
		if n > 0 && toks[it.i].low == "on" && pluralDocs(toks, out[0].i, out[0].j) {
			named = append(named, it) // "..., on B": a title of the list
			continue
		}
		found := false
		for k := it.i; k < it.j && k < it.i+4 && !found; k++ {
			found = toks[k].kind == tWord && (toks[k].cap && docTitleAhead(toks, k, it.j) || untitledDocument(toks, it.i, k, it.j, adopted))
		}
		if k := it.j - 1; !found && adopted && k >= it.i+4 {
			found = untitledDocument(toks, it.i, k, it.j, adopted) // "endorsed the Water Dialogue work plan": the noun ends the item
		}
		if found {
			named = append(named, it)
		}
	}
	return named
}

// docNounComplement are the words that open what an untitled document is
// about: "a memorandum on A", "a protocol of B", "a cooperation plan
// between the two ministries for 2026-2028", "a protocol amending the
// treaty".
var docNounComplement = makeSet(`on of between for amending concerning regarding`)

// untitledDocument reports whether the lower-case noun at k heads a
// document of the item [i, j): "a memorandum on A", "an action plan for
// B", and, when the meeting adopted or approved it, "the decision to
// establish C", "an appeal to D" or a single document ending the item
// ("adopted a joint communique"; a bare "agreements" names none, nor
// do "agreements between chambers of commerce", which say only who signed
// them).
func untitledDocument(toks []token, i, k, j int, adopted bool) bool {
	w := toks[k].low
	if !docNouns[w] && !(adopted && adoptedNouns[w]) {
		return false
	}
	if k+1 < j {
		n := toks[k+1].low
		if n == "between" && (strings.HasSuffix(w, "s") || w == "memoranda") {
			return false // "agreements between chambers of commerce": who signed an uncounted lot, not what a document is on
		}
		return docNounComplement[n] || adopted && n == "to" && adoptedNouns[w] // "an appeal to donors"
	}
	return adopted && !strings.HasSuffix(w, "s") && (toks[i].low == "a" || toks[i].low == "an" || toks[i].low == "the")
}

// adoptingVerbs put a document in force by the meeting's own act:
// "adopted a joint communique", "approved an action plan".
var adoptingVerbs = makeSet(`adopted approved endorsed`)

// adoptedNouns are untitled documents a meeting adopts or approves
// besides signed ones: "adopted an address on the anniversary of A",
// "approved the decision to establish B", "a resolution on C", "adopted
// the Tashkent Initiative on D".
var adoptedNouns = makeSet(`address appeal decision resolution initiative`)

// pluralDocs reports whether the item [i, j) opens with documents in the
// plural and their subject: "intergovernmental agreements on A".
func pluralDocs(toks []token, i, j int) bool {
	for k := i; k < j && k < i+4; k++ {
		if (toks[k].low == "agreements" || toks[k].low == "memoranda" || toks[k].low == "protocols") && tokLow(toks, k+1) == "on" {
			return true
		}
	}
	return false
}

// docTitleAhead reports whether the capitalised words from k name a
// document ("Joint Statement", "Treaty on ...").
func docTitleAhead(toks []token, k, end int) bool {
	for e := k; e < end && e < k+5 && toks[e].kind == tWord && toks[e].cap; e++ {
		if toks[e].is(wDoc) || titleNouns[toks[e].low] {
			return true
		}
	}
	return false
}

func appendItem(out []item, toks []token, i, j int) []item {
	j = trimEnd(toks, i, j)
	for i < j && (toks[i].kind == tPunct || toks[i].low == "and" || toks[i].low == "to") {
		i++
	}
	// "..., and work with Pakistan to expand X": the item is "expand X".
	i = peelWorkWith(toks, i, j)
	if j > i {
		out = append(out, item{i, j})
	}
	return out
}

func skipAdverbs(toks []token, k, end int) int {
	for k < end && isAdverb(toks[k].low) && toks[k].low != "not" {
		k++
	}
	return k
}

// verbStart reports whether token v starts a coordinated verb phrase of
// inflection want: a known verb, followed by what can follow a verb (not
// a coordinator or punctuation; for verbs that are as often nouns, what an
// object starts with).
func verbStart(toks []token, v int, want verbKind, end int) bool {
	t := toks[v]
	if t.kind != tWord || t.cap || t.low == "including" {
		return false // "..., including poultry": a preposition, not a verb
	}
	vk, base := verbForm(t.low)
	if vk != want {
		return false
	}
	if v+1 >= end {
		return false
	}
	n := toks[v+1]
	if (n.low == "and" || n.low == "or") && !nounyVerbs[base] && v+3 < end {
		// "..., and select and implement X": two verbs sharing an object
		if vk2, _ := verbForm(toks[v+2].low); vk2 == want && !toks[v+2].cap {
			return true
		}
	}
	if n.kind == tPunct || n.low == "and" || n.low == "or" || n.low == "of" {
		return false
	}
	if nounyVerbs[base] && want == vBase {
		if peelWorkWith(toks, v, end) > v {
			return true // "..., and work with Pakistan to expand ..."
		}
		nk, _ := verbForm(n.low)
		return objectStart[n.low] || sharesKnowledge(base, toks, v+1, end) || n.cap || isAdverb(n.low) || n.low == "up" || n.low == "out" || n.low == "to" && base != "support" || base == "help" && nk == vBase ||
			adjectiveLike(n.low) && tokAt(toks, v+2).kind == tWord || afterCommaVerb(toks, v, end)
	}
	return true
}

// sharesKnowledge reports whether a verb that is as often a noun ("share",
// "exchange") takes the thing known that follows it at k as its object,
// alone or after one word that qualifies it: "harmonise A and exchange
// data on B", "expand A, share technologies for B", "exchange cargo data"
// (no noun reading "share technologies" exists).
func sharesKnowledge(base string, toks []token, k, end int) bool {
	if base != "share" && base != "exchange" {
		return false
	}
	return knowledgeNouns[tokLow(toks, k)] || k+1 < end && toks[k].kind == tWord && !toks[k].cap && !determiners[toks[k].low] && knowledgeNouns[toks[k+1].low]
}

// knowledgeNouns are what parties share or exchange.
var knowledgeNouns = makeSet(`data technologies technology practices best experiences lessons skills know-how achievements findings results statistics materials documentation`)

// afterCommaVerb reports whether a word that is as often a noun, after a
// comma and before a bare noun phrase, is a verb opening the next item:
// "expand exports, increase aviation links and ...". A noun there would
// go on with "in", "of", "and" or a comma ("trade, investment").
func afterCommaVerb(toks []token, v, end int) bool {
	if v == 0 || toks[v-1].text != "," || v+2 >= end {
		return false
	}
	n := toks[v+1]
	if n.kind != tWord || prepositions[n.low] || n.low == "and" || n.low == "or" {
		return false
	}
	after := toks[v+2]
	return after.kind == tWord && !prepositions[after.low] && after.low != "and" && after.low != "or"
}

// toVerb reports whether the word at v, right after "and to", is a verb
// of inflection want: there even a verb that is as often a noun is one
// ("to consider A and to support constructive initiatives").
func toVerb(toks []token, v int, want verbKind) bool {
	t := toks[v]
	if t.kind != tWord || t.cap || v+1 >= len(toks) || toks[v+1].kind == tPunct {
		return false
	}
	vk, _ := verbForm(t.low)
	return vk == want
}

// adjectiveLike reports whether a word has an adjective's ending: after a
// verb that is as often a noun it opens the object ("support capable
// enterprises", "import marketable products"), which a noun after that
// word ("support services") does not.
func adjectiveLike(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"able", "ible", "ive", "ful", "ous", "ical", "ional", "ent", "ant"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// peelWorkWith skips "work with Kyrgyzstan to", "work together to", "join
// hands with X to" at the head of a complement: the commitment is what
// follows ("China is ready to work with Kyrgyzstan to A, B and C").
func peelWorkWith(toks []token, c, end int) int {
	switch tokLow(toks, c) {
	case "work", "join", "cooperate", "partner", "team", "working", "joining", "cooperating":
	default:
		return c
	}
	k := c + 1
	if toks[c].low == "join" || toks[c].low == "joining" {
		if tokLow(toks, k) != "hands" {
			return c
		}
		k++
	}
	if tokLow(toks, k) == "together" || tokLow(toks, k) == "closely" {
		k++
	}
	if tokLow(toks, k) == "with" {
		for e, lim := k+1, k+10; e < end && e < lim; e++ {
			if r, ok := relativeThenTo(toks, e, end); ok {
				e, lim = r, r+4 // "work with X, which holds ..., to A"
				continue
			}
			if toks[e].kind == tPunct {
				return c
			}
			if toks[e].low == "to" {
				k = e
				break
			}
			if toks[e].cap && lim < k+20 {
				lim++ // "work with the Ministry of Economic Development and Trade of X to": a name's words
			}
		}
	}
	if tokLow(toks, k) != "to" {
		return c
	}
	k = skipAside(toks, k+1, end) - 1
	v := skipAdverbs(toks, k+1, end)
	if vk, _ := verbForm(tokLow(toks, v)); vk != vBase && !(v < end && isLowerWord(toks[v])) {
		return c
	}
	return k + 1
}

// skipAside steps over an aside set off by commas at token k ("work with
// X to, among other things, build ...", "agreed to, inter alia,
// expand ...", "is ready to, together with Tajikistan, implement ..."): a
// few lower-case words with no verb, or a partner after "together with".
// It returns the token after the closing comma, or k when there is no
// aside.
func skipAside(toks []token, k, end int) int {
	if tokLow(toks, k) != "," {
		return k
	}
	// "is willing to, together with Tajikistan, implement A": the
	// partner named in the aside
	with := (tokLow(toks, k+1) == "together" || tokLow(toks, k+1) == "along" || tokLow(toks, k+1) == "jointly") && tokLow(toks, k+2) == "with"
	for e := k + 1; e < end && e <= k+7; e++ {
		t := toks[e]
		if t.text == "," {
			if e > k+1 {
				return e + 1
			}
			return k
		}
		if t.kind != tWord && !(with && t.kind == tPoss) || t.cap && e > k+1 && !with || e > k+5 && !with {
			return k
		}
		if vk, base := verbForm(t.low); vk != vNone && !nounyVerbs[base] || auxiliaries[t.low] {
			return k
		}
	}
	return k
}

// relativeThenTo reports whether a relative clause opens at the comma k
// and is closed by a comma before a purpose infinitive: "work closely with
// Kazakhstan, which chairs the forum this year, to advance A and B". It
// returns the closing comma. Such a clause describes the counterpart; the
// commitment goes on after it.
func relativeThenTo(toks []token, k, end int) (int, bool) {
	if toks[k].text != "," || (tokLow(toks, k+1) != "which" && tokLow(toks, k+1) != "who") {
		return 0, false
	}
	for e := k + 2; e < end && e < k+20; e++ {
		if toks[e].text == ";" || toks[e].text == ":" {
			return 0, false
		}
		if toks[e].text == "," {
			if tokLow(toks, e+1) != "to" {
				return 0, false
			}
			vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, e+2, end)))
			return e, vk == vBase
		}
	}
	return 0, false
}

// relativeThenVerb reports whether a relative clause opens at the comma k
// and is closed by ", and (to) VERB" that continues the complement: "step
// up the work of the Fund, which finances joint projects, and to expand
// Y". The clause stays inside the first phrase (the annotators keep
// non-restrictive clauses in the span) and the verb after it starts the
// next one. It returns the closing comma.
func relativeThenVerb(toks []token, k, end int, kind compKind) (int, bool) {
	if kind != compVP || toks[k].text != "," || (tokLow(toks, k+1) != "which" && tokLow(toks, k+1) != "who") {
		return 0, false
	}
	for e := k + 2; e < end && e < k+24; e++ {
		if toks[e].text == ";" || toks[e].text == ":" {
			return 0, false
		}
		if toks[e].text != "," {
			continue
		}
		if tokLow(toks, e+1) != "and" {
			return 0, false
		}
		v := e + 2
		if tokLow(toks, v) == "to" {
			v++
		}
		vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, v, end)))
		return e, vk == vBase
	}
	return 0, false
}
