package ingest

import (
	"slices"
	"strings"
)

// speaker is who a sentence is attributed to: a person, or only a country
// ("the Kazakh President", "The leader of China").
type speaker struct {
	p       *person
	country string
}

func (s speaker) code() string {
	if s.p != nil && s.p.country != "" {
		return s.p.country
	}
	return s.country
}

func (s speaker) known() bool { return s.p != nil || s.country != "" }

// sayVerbs report speech; what follows them (with or without "that") is
// what the speaker said.
var sayVerbs = makeSet(`said says say stressed stresses noted notes added adds emphasized emphasised emphasizes emphasises
stated states told remarked observed explained maintained insisted mentioned believes believed pointed underlined
declared declares informed informs`)

// thatVerbs report speech only before "that" ("reiterated that China ...");
// before a noun phrase they are frames or nothing ("reiterated the United
// States' support").
var thatVerbs = makeSet(`underscored underscores reiterated reiterates highlighted highlights affirmed affirms reaffirmed
indicated indicates made clear said noted stressed`)

// recallVerbs narrate the past: what follows them is not committed now.
var recallVerbs = makeSet(`recalled recalling recall recalls reviewed reviewing remembered reminisced`)

// nounHomographs are say verbs that are as often plural nouns: "member
// states", "the diplomatic notes".
var nounHomographs = makeSet(`states notes`)

// pluralNoun reports whether the say verb at k is a plural noun: after a
// lower-case word that is neither a pronoun nor an adverb ("work with
// Uzbekistan and other member states to ..."), where a verb follows its
// speaker's name or pronoun ("Xi states", "he notes", "also notes").
func pluralNoun(toks []token, k int) bool {
	if !nounHomographs[toks[k].low] || k == 0 {
		return false
	}
	p := toks[k-1]
	return p.kind == tWord && !p.cap && !subjectPronouns[p.low] && !isAdverb(p.low)
}

// subjectPronouns can be the subject of a say verb.
var subjectPronouns = makeSet(`he she it they we i`)

// attribution is what attribute finds in a sentence: the tokens that carry
// the content, the speaker, and whether the sentence narrates the past.
type attribution struct {
	cs, ce int
	// gapI, gapJ: a mid-sentence attribution inside the content ("A, Xi
	// said, adding that B"): tokens [gapI, gapJ) are not content.
	gapI, gapJ int
	spk        speaker
	said       bool // an explicit attribution was found
	blocked    bool
	quoted     bool // inside a quotation: "we" is the speaker's country
	// coord: the gap is "..., and X said" between two clauses of their
	// own ("A, and President Trump said he B"), not an aside
	coord bool
	list  []string // the parties of a list of points this sentence is one of
}

// attribute finds who says sentence si and where the content is:
// "Xi said (that) C", "He noted that C", "Noting that ..., Li said C",
// "C, Xi said.", "C, Li added.", "«C,» said the Head of State of X".
func (d *docCtx) attribute(si int) attribution {
	s := &d.sents[si]
	toks := s.tokens
	a := attribution{cs: 0, ce: len(toks)}
	for a.ce > 0 && toks[a.ce-1].kind == tPunct {
		a.ce--
	}
	// Trailing: ", Xi said." / ", said the Head of State of Kazakhstan."
	for k := a.ce - 1; k > 0 && k >= a.ce-12; k-- {
		if toks[k].text != "," {
			continue
		}
		tail := k + 1
		for tail < a.ce && isQuote(toks[tail]) {
			tail++
		}
		if spk, ok := d.speakerClause(si, tail, a.ce); ok {
			a.blocked = a.ce-tail == 2 && d.outsiderPronoun(si, tail) // ""Much will depend on A," he said", after an analyst
			a.spk, a.said, a.ce = spk, true, k
			for a.ce > 0 && (isQuote(toks[a.ce-1]) || toks[a.ce-1].kind == tPunct) {
				a.ce--
			}
		}
		break
	}
	if !a.said {
		if k, spk, ok := d.newsTrailer(si, a.ce); ok {
			a.spk, a.said, a.ce = spk, true, k // "..., the ministry said in a statement after talks ..."
		}
	}
	// Leading: "[participle clause,] SPEAKER (also) said (that) C"
	for k := 0; k < a.ce && k < 40; k++ {
		t := toks[k]
		if t.kind != tWord || t.cap {
			continue // "the United States" is no verb
		}
		isSay := t.is(wSay)
		needThat := !isSay && t.is(wThat)
		if !isSay && !needThat || pluralNoun(toks, k) {
			continue
		}
		next := k + 1
		if t.low == "pointed" || t.low == "made" {
			if tokLow(toks, k+1) != "out" && tokLow(toks, k+1) != "clear" {
				continue
			}
			next = k + 2
		}
		if t.low == "told" || t.low == "informed" || t.low == "informs" { // "told reporters that", "informed the Council that"
			for next < a.ce && next < k+5 && toks[next].low != "that" && toks[next].kind != tPunct { // not past "told reporters,"
				next++
			}
		}
		hasThat := tokLow(toks, next) == "that"
		if needThat && !hasThat {
			continue
		}
		// The speaker is the noun phrase before the verb, back to the
		// start or to the comma that closes a participle clause.
		from := afterComma(toks, k)
		end := k
		if from == k && k > 0 {
			// "Khusnullin, who oversees construction, told X that"
			from, end = relativeSubject(toks, k-1, from)
		}
		for end > from && adverbBeforeSay(toks[end-1]) {
			end--
		}
		and := -1
		if tokLow(toks, end-1) == "and" {
			// "the Head of State thanked Ilham Aliyev for the
			// hospitality and noted that": the say-verb's subject is
			// the first verb's, not its object.
			and, end = end-1, subjectEnd(toks, from, end)
		}
		spk, ok := d.resolveSpeaker(si, from, end)
		if ok && end-from == 1 && d.outsiderPronoun(si, from) {
			a.blocked = true // "A local analyst told Sputnik ... He said A": the analyst's
		}
		if !ok && indefiniteSpeaker(toks, from, end) && next < a.ce {
			// "A local grower told reporters that he hoped to A": someone
			// outside the meeting; his "he" is no party's.
			a.said, a.cs = true, next
			if hasThat {
				a.cs++
			}
			break
		}
		subj := from
		if from >= 1 && toks[from-1].text == "," && clauseConjs[toks[from].low] {
			subj = from + 1 // "..., while Uzbekistan said it would cut A"
		}
		if !ok && (hasThat || tokLow(toks, next) == "it" && next == k+1) {
			// "Turkmenistan informed the Council that it will",
			// "Uzbekistan said it would cut A": a country speaks for
			// itself; so does one party's government or body when "it"
			// takes it up ("The Kyrgyz government said it would reopen A")
			if countrySpeaker(&d.sents[si], subj, end) {
				spk.country, ok = d.sents[si].countryAt(subj), true
			} else if cs, _ := d.resolveNP(&d.sents[si], subj, end, nil); len(cs) == 1 && (tokLow(toks, next) == "it" || hasThat && tokLow(toks, next+1) == "it") {
				spk.country, ok = cs[0], true
			}
		}
		if !ok && roleNoun(toks, from, end) && from >= 4 && toks[from-1].text == "," && tokLow(toks, next) == "," {
			// "A, the minister added, and B", of two ministers: an aside
			// all the same, of the one who spoke last; the clauses keep
			// their own subjects
			spk, ok = d.lastSpeaker, true
		}
		if !ok {
			continue
		}
		if hasThat {
			next++
		}
		if and > end && next < a.ce {
			// The first verb's clause stays content, with its own
			// subject; what follows "and noted that" is the speaker's.
			a.spk, a.said, a.gapI, a.gapJ, a.coord = spk, true, and, next, true
			break
		}
		if from >= 2 && (toks[from].low == "as" || next-from <= 4 && !cutParticiples[tokLow(toks, next+1)] && tokLow(toks, next+1) != "and") && toks[from-1].text == "," && tokLow(toks, next) == "," {
			// "Kazakhstan and China, as the President noted, will ...",
			// "The member states, he stressed, should ...": an aside
			// inside the content.
			a.spk, a.said, a.gapI, a.gapJ = spk, true, from-1, next+1
			break
		}
		if from >= 4 && toks[from-1].text == "," && clauseConjs[toks[from].low] && next < a.ce {
			// "The leaders agreed that A, and President Trump said
			// he B", "Kazakhstan pledged A, while Uzbekistan said it
			// would B": the clause before is content too, B the speaker's.
			a.spk, a.said, a.gapI, a.gapJ, a.coord = spk, true, from-1, next, true
			break
		}
		if g, ok := midAttribution(toks, from, next, a.ce); ok {
			// "A, Xi said, adding that B": both A and B are Xi's.
			a.spk, a.said, a.gapI, a.gapJ = spk, true, from-1, g
			break
		}
		if next >= a.ce {
			break
		}
		a.spk, a.said, a.cs = spk, true, next
		break
	}
	if !a.said {
		a.accordingTo(d, si)
	}
	if d.outsiderAt(si, 0) {
		a.blocked = true // "Farrukh Saidov, an analyst at a think tank, said A": someone outside the meeting
	}
	for k := 1; k+1 < len(toks) && !a.blocked; k++ {
		if toks[k].is(wSay) && !toks[k].cap && (isQuote(toks[k-1]) || toks[k-1].text == ",") && (d.outsiderAt(si, k+1) || indefiniteSpeaker(toks, k+1, k+3)) {
			// ""A," said Daniyar Kurbanov, a mining analyst in Tashkent",
			// ""A," said a former customs official": someone outside the meeting
			a.blocked = true
		}
	}
	if c := a.spk.code(); a.said && c != "" && len(d.parties) >= 2 && !slices.Contains(d.parties, c) {
		// "A spokesperson for China's foreign ministry said that
		// Beijing hoped "all parties will respect A"", of talks China
		// was not at: a third state's view, no party's commitment
		a.blocked = true
	}
	for k := 0; k < a.cs; k++ {
		// "Recalling that ..., the Prime Minister stated that Pakistan
		// would ...": a participle clause before the speaker recalls; what
		// the speaker then says is current.
		if toks[k].is(wRecall) && !(k == 0 && a.said && toks[k].low == "recalling") {
			a.blocked = true
		}
	}
	return a
}

// remarksWords name a speech in the heading that opens it: "Alexander
// Novak's opening remarks:", "Mikhail Mishustin's speech:".
var remarksWords = makeSet(`opening closing introductory concluding remarks speech statement address`)

// remarksHeading returns the index of the colon that ends the rest of a
// speech's heading after its speaker's possessive, words of remarksWords
// from token k ("opening remarks:"); 0 when there is none.
func remarksHeading(toks []token, k int) int {
	b := k
	for k < len(toks) && remarksWords[toks[k].low] {
		k++
	}
	if k > b && tokLow(toks, k) == ":" {
		return k
	}
	return 0
}

// workTogether reports whether "together" at k follows "work" in what
// "we" at i will do, with no offer frame between: "we will continue
// working together on A" is both sides' (not "we are ready to work
// together on B").
func workTogether(toks []token, i, k int) bool {
	if w := tokLow(toks, k-1); w != "work" && w != "working" {
		return false
	}
	for _, t := range toks[i:k] {
		if t.low == "ready" || t.low == "prepared" || t.low == "willing" {
			return false
		}
	}
	return true
}

// accordingTo reads an attribution that opens sentence si, "According to
// him, Bashkortostan will also allocate A", "According to the minister,
// ...": the speaker it names says what follows the comma.
func (a *attribution) accordingTo(d *docCtx, si int) {
	toks := d.sents[si].tokens
	if tokLow(toks, 0) != "according" || tokLow(toks, 1) != "to" {
		return
	}
	for c := 2; c < a.ce && c < 14; c++ {
		if toks[c].text != "," {
			continue
		}
		if spk, ok := d.resolveSpeaker(si, 2, c); ok && spk.known() {
			a.spk, a.said, a.cs = spk, true, c+1
		}
		return
	}
}

// clauseConjs join a clause of its own after a comma: "A, and X said B",
// "A, while X said B".
var clauseConjs = makeSet(`and while whereas but`)

// afterComma returns the index after the last comma before token k, 0
// when there is none.
func afterComma(toks []token, k int) int {
	for j := k - 1; j >= 0; j-- {
		if toks[j].text == "," {
			return j + 1
		}
	}
	return 0
}

// relativeSubject returns the subject before a relative clause that the
// comma at c closes ("Khusnullin, who oversees construction in the
// government, told ..." -> "Khusnullin"), else [from, from).
func relativeSubject(toks []token, c, from int) (int, int) {
	for o := c - 2; o > 0 && o >= c-20; o-- {
		if toks[o].text != "," {
			continue
		}
		if w := tokLow(toks, o+1); w != "who" && w != "which" {
			break
		}
		return afterComma(toks, o), o
	}
	return from, from
}

// subjectEnd is where the subject over tokens [from, end) ends: at its
// first lower-case word that is no article, preposition or title word,
// which is the verb of a clause "SUBJECT VERB ... and".
func subjectEnd(toks []token, from, end int) int {
	for k := from; k < end; k++ {
		t := toks[k]
		if t.kind == tWord && !t.cap && !titleWords[t.low] && t.low != "the" && t.low != "of" {
			return k
		}
	}
	return end
}

// roleNoun reports whether tokens [i, j) are a definite singular title
// with no name, "the minister", "the President": a speaker the text has
// introduced, though the title may fit more than one.
func roleNoun(toks []token, i, j int) bool {
	return j-i == 2 && toks[i].low == "the" && titleWords[toks[i+1].low] && !strings.HasSuffix(toks[i+1].low, "s")
}

// midAttribution reports whether the speaker clause over tokens [from,
// next) stands between two parts of the content, "A, Xi said, adding
// that B", and where B starts. The part before must be a clause of its
// own (not "Noting that ..., Xi said"), so a participle clause or an
// adverbial opening the sentence does not count. B is a participle
// clause ("adding that B") or the subject's next verb (", and supports B").
func midAttribution(toks []token, from, next, ce int) (int, bool) {
	if from < 4 || toks[from-1].text != "," || tokLow(toks, next) != "," {
		return 0, false
	}
	if vk, _ := verbForm(toks[0].low); vk == vIng || toks[0].low == "as" || toks[0].low == "when" {
		return 0, false
	}
	if tokLow(toks, next+1) == "and" && next+2 < ce {
		// "Moscow would pay for A, he said, and supports B": the
		// subject's second verb goes on after the aside
		if resumedClause(toks, next+2) { // "..., he told reporters, and will fund B", "..., and Russia will keep C" too
			return next + 1, true
		}
	}
	if !cutParticiples[tokLow(toks, next+1)] {
		return 0, false
	}
	g := next + 2
	if tokLow(toks, g) == "that" {
		g++
	}
	if g >= ce {
		return 0, false
	}
	return g, true
}

// countrySpeaker reports whether tokens [i, j) are one country's name
// and nothing else: "Uzbekistan", "South Korea".
func countrySpeaker(s *sentence, i, j int) bool {
	pi := s.placeAt(i)
	return pi >= 0 && s.countryAt(i) != "" && s.places[pi].i == i && s.places[pi].j == j
}

// indefiniteSpeaker reports whether the speaker's noun phrase [i, j) is
// an indefinite description, someone the text does not name: "a local
// grower", "an official at a Korean carmaker", "one analyst".
func indefiniteSpeaker(toks []token, i, j int) bool {
	if j-i < 2 {
		return false
	}
	switch toks[i].low {
	case "a", "an", "one", "another":
		return true
	}
	return false
}

// outsiderPronoun reports whether token k of sentence si is a "he" or
// "she" whose antecedent is an outsider: the sentence before opens with
// an indefinite speaker and a verb of saying ("A Dushanbe-based logistics
// analyst told Sputnik he expected A. "Much will depend on B," he
// said."). Such a speaker is not the last party's.
func (d *docCtx) outsiderPronoun(si, k int) bool {
	if w := tokLow(d.sents[si].tokens, k); si == 0 || w != "he" && w != "she" {
		return false
	}
	prev := d.sents[si-1].tokens
	for v := 2; v < len(prev) && v <= 8; v++ {
		if prev[v].is(wSay) && !prev[v].cap {
			return indefiniteSpeaker(prev, 0, v)
		}
	}
	return false
}

// outsiderAt reports whether tokens from i of sentence si are the name of
// someone the text has not introduced, set off by an indefinite
// description: "Daniyar Kurbanov, a mining analyst in Tashkent", "Rustam
// Aliev, an economist". Such a speaker was not at the meeting.
func (d *docCtx) outsiderAt(si, i int) bool {
	toks := d.sents[si].tokens
	if n := expertBefore(toks, i); n > i {
		return !d.inPerson(&d.sents[si], n, personNameEnd(toks, n, len(toks))) // "said energy expert Khurshed Sharipov"
	}
	e := personNameEnd(toks, i, len(toks))
	if e == i || tokLow(toks, e) != "," || !indefiniteSpeaker(toks, e+1, e+3) {
		return false
	}
	for k := i; k < e; k++ {
		if w := toks[k].low; d.sents[si].placeAt(k) >= 0 || regionHeads[w] || namedBodies[w] || stateBodies[w] || titleWords[w] {
			return false // "Gansu Province, a key hub on the Silk Road, is": a place, no person
		}
	}
	return !d.inPerson(&d.sents[si], i, e)
}

// speakerClause reads "Xi said", "Li added", "he noted", "said the Head of
// State of Kazakhstan" in tokens [i, j).
func (d *docCtx) speakerClause(si, i, j int) (speaker, bool) {
	toks := d.sents[si].tokens
	if i >= j {
		return speaker{}, false
	}
	if sayVerbs[toks[i].low] { // inverted: "said the Head of State"
		return d.resolveSpeaker(si, i+1, j)
	}
	last := j - 1
	if !sayVerbs[toks[last].low] || toks[last].cap {
		return speaker{}, reportingSource(toks, i, j)
	}
	end := last
	for end > i && adverbBeforeSay(toks[end-1]) {
		end--
	}
	return d.resolveSpeaker(si, i, end)
}

// adverbBeforeSay reports whether t is an adverb between a speaker and
// the say-verb ("Danly also said", "he further noted"). A capitalised
// word in -ly there is the speaker's name, not an adverb: "The
// department will open A, Danly said", "Kelly told reporters".
func adverbBeforeSay(t token) bool {
	return !t.cap && isAdverb(t.low)
}

// sourceNouns name who publishes a report rather than who speaks in it.
var sourceNouns = makeSet(`service office ministry agency spokesperson spokesman spokeswoman website statement readout
kremlin xinhua tass kazinform kabar uza akorda secretariat`)

// reportingSource reports whether tokens [i, j) are a trailing source
// clause, "the Kremlin press service said after the talks on Tuesday":
// a publisher, a say-verb and at most a short adverbial. It names no
// speaker, but what comes before it is the content.
func reportingSource(toks []token, i, j int) bool {
	source := false
	for k := i; k < j && k < i+6; k++ {
		if sourceNouns[toks[k].low] {
			source = true
		}
		if source && (toks[k].low == "said" || toks[k].low == "reported" || toks[k].low == "reports" || toks[k].low == "says" || toks[k].low == "announced" || toks[k].low == "stated") {
			return j-k <= 8
		}
	}
	return false
}

// resolveSpeaker resolves a short noun phrase to a speaker: a person's name
// or title ("Xi", "Secretary Blinken", "the Kazakh President", "The leader
// of China"), or a pronoun for the last speaker.
func (d *docCtx) resolveSpeaker(si, i, j int) (speaker, bool) {
	s := &d.sents[si]
	toks := s.tokens
	if j <= i || j-i > 12 {
		return speaker{}, false
	}
	if j-i == 1 {
		switch toks[i].low {
		case "he", "she", "i", "him", "her": // "According to him, ..."
			return d.lastSpeaker, d.lastSpeaker.known() || true
		}
	}
	for _, pm := range d.mentions[si] {
		if pm.i >= i && pm.j <= j {
			return speaker{p: pm.p}, true
		}
	}
	// A title with a country: "the Kazakh President", "the Head of State of
	// Kazakhstan", "The leader of China", "The Russian side".
	hasTitle, country := false, ""
	for k := i; k < j; k++ {
		if titleWords[toks[k].low] || toks[k].low == "side" {
			hasTitle = true
		}
		if c := s.countryAt(k); c != "" && country == "" {
			country = c
		}
	}
	if hasTitle && country != "" {
		for _, p := range d.people {
			if p.principal && p.country == country {
				return speaker{p: p}, true
			}
		}
		return speaker{country: country}, true
	}
	if hasTitle {
		// "The President", "the Secretary": the principal with that role.
		if p, several := d.principalWithRole(toks[i:j]); p != nil {
			return speaker{p: p}, true
		} else if several {
			return d.lastSpeaker, d.lastSpeaker.known()
		}
		if headOfState(toks, i, j) {
			// "the Head of State said": the publisher's own leader, as
			// presidential sites call him, else the first principal
			var first *person
			for _, p := range d.people {
				if !p.principal || p.country == "" {
					continue
				}
				if p.country == d.sourceCC {
					return speaker{p: p}, true
				}
				if first == nil {
					first = p
				}
			}
			if first != nil {
				return speaker{p: first}, true
			}
		}
	}
	return speaker{}, false
}

// principalWithRole is the principal whose role has a word of title:
// the only one; else, of several ("the President" at a summit of
// presidents), the last speaker if he is one of them, else the one the
// publisher's country sent, as a presidential site or its agency calls its
// own leader. nil when none, and several when no way to choose.
func (d *docCtx) principalWithRole(title []token) (p *person, several bool) {
	var matches []*person
	for _, p := range d.people {
		if !p.principal || p.role == "" {
			continue
		}
		for _, t := range title {
			// Only title words: "of" in "the Head of State" matches
			// no "Minister of Commerce".
			if titleWords[t.low] && containsWord(p.role, t.text) {
				matches = append(matches, p)
				break
			}
		}
	}
	if len(matches) == 0 {
		if p := d.lowerCaseTitle(title); p != nil {
			return p, false
		}
	}
	switch {
	case len(matches) == 0:
		return nil, false
	case len(matches) == 1:
		return matches[0], false
	case slices.Contains(matches, d.lastSpeaker.p):
		return d.lastSpeaker.p, false
	}
	for _, p := range matches {
		if p.country != "" && p.country == d.sourceCC {
			return p, false
		}
	}
	return nil, true
}

// headOfState reports whether tokens [i, j) say "Head of State".
func headOfState(toks []token, i, j int) bool {
	for k := i; k+2 < j; k++ {
		if toks[k].low == "head" && toks[k+1].low == "of" && toks[k+2].low == "state" {
			return true
		}
	}
	return false
}

func containsWord(s, w string) bool {
	for _, f := range splitWords(s) {
		if f == w {
			return true
		}
	}
	return false
}

// lowerCaseTitle is the one principal (or the last speaker) whose role
// has the head noun of a title that news copy writes in lower case: "the
// governor said" names the "Governor" ("State" of "the head of state"
// stays exact). nil when none or several, or for a plural ("the prime
// ministers").
func (d *docCtx) lowerCaseTitle(title []token) *person {
	var found *person
	for _, t := range title {
		if titleWords[t.low] && strings.HasSuffix(t.low, "s") {
			return nil
		}
	}
	for _, p := range d.people {
		if p.role == "" || !p.principal && p != d.lastSpeaker.p {
			continue
		}
		for _, t := range title {
			if personHeads[t.low] && containsWordFold(p.role, t.text) {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// containsWordFold is containsWord in any case, for a title's head
// noun: "the governor said" names the "Governor" ("State" of "the head of
// state" stays exact).
func containsWordFold(s, w string) bool {
	for _, f := range splitWords(s) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == ',' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

func isQuote(t token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case "«", "»", "“", "”", "\"", "‘", "’", "'":
		return true
	}
	return false
}

// quoteSpeakers gives every sentence inside a quotation the speaker that
// one of them is attributed to ("«... We share the common goal ... with
// China,» said the Head of State of Kazakhstan"). A quotation attributed
// to no one that follows an attributed one in the same paragraph goes on
// in the same voice, as news copy runs a quote on: '"A," Li said. "We
// will B."' is Li's B.
func (d *docCtx) quoteSpeakers(attrs []attribution) {
	open := -1
	var prev speaker // the speaker of the quotation that closed in sentence prevEnd
	prevEnd := -2
	for si := range d.sents {
		toks := d.sents[si].tokens
		opens, closes := false, false
		straight := 0
		for _, t := range toks {
			switch t.text {
			case "«", "“":
				opens = true
			case "»", "”":
				closes = true
			case "\"":
				straight++
			}
		}
		if straight > 0 && straight%2 == 0 && open < 0 {
			opens, closes = true, true // '"A," Li said.': a quotation of its own
		}
		if straight%2 == 1 {
			// a straight quote left open ('"A. B," he said.'): it opens
			// a quotation or closes the one open
			if open < 0 {
				opens = true
			} else {
				closes = true
			}
		}
		if opens && open < 0 {
			open = si
		}
		if closes && open >= 0 {
			var spk speaker
			for k := open; k <= si; k++ {
				if attrs[k].said {
					spk = attrs[k].spk
				}
			}
			if !spk.known() && prevEnd == open-1 && !d.sents[open].paraStart {
				spk = prev // '"A," Li said. "We will B."'
			}
			prev, prevEnd = spk, si
			if spk.known() {
				for k := open; k <= si; k++ {
					if !attrs[k].said {
						attrs[k].spk, attrs[k].said = spk, true
						attrs[k].quoted = true
					} else {
						attrs[k].quoted = true
					}
				}
			}
			open = -1
		}
	}
}
