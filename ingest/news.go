package ingest

import (
	"slices"
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// This file holds what news reports of meetings need beyond official
// readouts: wire-copy stamps and bylines that date the story, ledes that
// report the meeting only in an attribution ("..., the ministry said after
// talks between ..."), and background that is no commitment.

// stampDate reads the date of a news story's stamp or byline line, a short
// line that ends with a full date: "Updated 5:47 PM GMT+5, May 20, 2026",
// "Eurasianet | Jun 26, 2026", "By Staff Report in Business on 28 August
// 2026". A line that is a sentence (closing stop) is none. bylineDate
// reads a byline whose date is one of its fields.
func stampDate(line string) (time.Time, bool) {
	if len(line) > 80 || strings.HasSuffix(line, ".") {
		return time.Time{}, false
	}
	toks := tokenize(line, 0, len(line))
	if k := slices.IndexFunc(toks, func(t token) bool { return t.low == "(" }); k > 0 && tokLow(toks, k+1) == "updated" {
		toks = toks[:k] // "May 28, 2026 19:30 JST (Updated May 29, 2026 09:10 JST)": first published
	}
	ds := findDates(toks, time.Time{})
	if len(ds) != 1 || ds[0].relative || ds[0].date.Precision() != schema.PrecisionDay || !onlyTimeAfter(toks[ds[0].j:]) {
		return time.Time{}, false
	}
	return ds[0].date.Start(), true
}

// bylineDate reads the publication date from a news byline whose fields
// are set apart by bars or bullets, as many news sites print author, date
// and section on one line under the title: "Timur Zhaksybekov | 19 June
// 2026, 10:45 | Energy", "By Aynur Mammadova | June 20, 2026",
// "03.02.2026 | 18:20 | Politics". A field that is only a date, perhaps
// with a time after it, dates the page; the first such field counts
// ("Published ... • Updated ...").
func bylineDate(line string) (time.Time, bool) {
	if len(line) > 120 || !strings.ContainsAny(line, "|•") {
		return time.Time{}, false
	}
	for _, field := range strings.FieldsFunc(line, bylineBar) {
		if t, ok := stampDate(strings.TrimSpace(field)); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// bylineBar reports whether r sets a byline's fields apart.
func bylineBar(r rune) bool { return r == '|' || r == '•' }

// earlierMeeting reports whether a sentence dates what it reports
// explicitly before the story ("a meeting between the two presidents in
// Tianjin last September", "his visit in May last year"): a background
// paragraph on an earlier meeting, not the one the story reports.
//
// A past date inside a phrase of sequence dates only that phrase: "met ...
// today in Osh, following their first meeting in Bishkek in April" reports
// today's meeting.
func earlierMeeting(s *sentence, anchor time.Time) bool {
	for _, de := range s.datesAt(anchor) {
		// "in November 2025" said in 2026 is as past as "last November".
		// A relative date carries its own tense ("in March" of a plan).
		past := de.past || !de.relative && !de.future && !de.date.IsZero() && !anchor.IsZero() && !de.date.End().After(anchor)
		if past && de.date.Precision() != schema.PrecisionDay && !sequencePhrase(s.tokens, de.i) { // not "met yesterday"
			return true
		}
	}
	return false
}

// sequenceWords open a phrase that places something before or after what
// the clause reports, a closed class of English prepositions and
// conjunctions: "following their first meeting", "after talks in May",
// "since the ministers gathered in Tashkent".
var sequenceWords = makeSet(`following after since`)

// sequencePhrase reports whether token i lies in a phrase opened by a
// sequence word with no clause punctuation between: "following their first
// meeting in Bishkek in April", "after the leaders agreed in 2023".
func sequencePhrase(toks []token, i int) bool { return sequenceStart(toks, i) >= 0 }

// sequenceStart returns the index of the sequence word whose phrase holds
// token i ("following" in "in Osh, following their first meeting in
// Bishkek in April"), -1 when i is in no such phrase.
func sequenceStart(toks []token, i int) int {
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		if t.kind == tPunct && (t.text == "," || t.text == ";" || t.text == ":" || t.text == "(" || t.text == ")") {
			return -1
		}
		if sequenceWords[t.low] {
			return k
		}
	}
	return -1
}

// newsMeeting reports whether toks name the meeting as the occasion of what
// they report, as a news lede does: "agreed ..., the ministry said after
// talks between the two energy chiefs", "The agreement was reached during
// political consultations ... held in Ashgabat", "was in Tajikistan for
// talks with President Rahmon".
func newsMeeting(toks []token) bool {
	for i, t := range toks {
		if !meetingNouns[t.low] {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			switch toks[k].low {
			case "after", "during", "following", "for", "at":
				return true
			}
			if toks[k].kind != tWord {
				break
			}
		}
	}
	return false
}

// delegationCountry reads the country of a delegation p led: "The Turkmen
// delegation was led by Foreign Minister Rashid Meredov, and the Chinese
// delegation by Vice Foreign Minister Sun Weidong" (also "headed by"); ""
// when no sentence says so.
func (d *docCtx) delegationCountry(p *person) string {
	for si, ms := range d.mentions {
		s := &d.sents[si]
		for _, pm := range ms {
			if pm.p != p {
				continue
			}
			toks := s.tokens
			for k := pm.i - 1; k > 0 && k >= pm.i-20; k-- {
				if toks[k].low != "by" {
					continue
				}
				g := k - 1
				if toks[g].low == "led" || toks[g].low == "headed" {
					g--
					if tokLow(toks, g) == "was" || tokLow(toks, g) == "is" {
						g--
					}
				}
				if tokLow(toks, g) == "delegation" {
					return s.countryAt(g - 1)
				}
				break
			}
		}
	}
	return ""
}

// townNouns head a description of a town before its name.
var townNouns = makeSet(`city town port village capital`)

// describedTown reports whether token i is a town that news copy describes
// before naming it, after "in": "in the city of Seoul", "in the western oil
// city of Atyrau", "in the southern town of Kulob", "in the ancient Uzbek
// city of Khiva", "in the Caspian port city of Aktau" (at most three
// words between "the" and the noun).
func describedTown(s *sentence, i int) bool {
	toks := s.tokens
	if tokLow(toks, i-1) != "of" || !townNouns[tokLow(toks, i-2)] {
		return false
	}
	for k := i - 3; k >= 0 && k >= i-6; k-- {
		if toks[k].low == "the" {
			return tokLow(toks, k-1) == "in"
		}
		if toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// jointBodies head the name of a body the parties share: "The working
// group will hold its first meeting", "the intergovernmental commission",
// "the business council will meet next in A".
var jointBodies = makeSet(`group commission committee subcommittee council`)

// jointBody reports whether toks, after "the", are a joint body named in
// lower case (a body with a name of its own, "the UN Security Council",
// is no party's).
func jointBody(toks []token) bool {
	if len(toks) == 0 || len(toks) > 3 || !jointBodies[toks[len(toks)-1].low] {
		return false
	}
	for _, t := range toks {
		if t.kind != tWord || t.cap && t.low != "the" {
			return false
		}
	}
	return true
}

// jointSubject reports whether toks, a subject, name every party of the
// meeting by a plural that is no party word: "The two officials", "the two
// security councils", "Both ministries", "The participants" (a party word,
// "the two sides", is read where subjects are).
func jointSubject(toks []token) bool {
	k := 0
	if tokLow(toks, k) == "the" {
		k++
	}
	switch tokLow(toks, k) {
	case "participants":
		return k+1 == len(toks)
	case "two", "both":
	default:
		return k == 1 && jointBody(toks[k:])
	}
	k++
	if len(toks)-k < 1 || len(toks)-k > 3 {
		return false
	}
	for _, t := range toks[k:] {
		if t.kind != tWord || t.cap && k > 1 {
			return false
		}
	}
	head := toks[len(toks)-1].low
	if head == "men" || head == "women" {
		return true // "the two men also agreed to"
	}
	return len(head) > 3 && head[len(head)-1] == 's' && !strings.HasSuffix(head, "ss")
}

// dayAdverbEnd skips the day news copy puts after a verb, with or
// without "on": "agreed on Tuesday to", "pledged Wednesday to", "agreed on
// 5 May to", "said on the 12th": the index after it, else i.
func dayAdverbEnd(toks []token, i int) int {
	k := i
	if tokLow(toks, k) == "on" {
		k++
	}
	if e := dayEnd(toks, k); e > k {
		return e
	}
	return i
}

// dayEnd returns the index after a day that opens at k, "Thursday", "May
// 5", "5 May", "the 12th", else k.
func dayEnd(toks []token, k int) int {
	t := tokAt(toks, k)
	if _, ok := weekdayOf(t); ok {
		return k + 1
	}
	if _, ok := monthOf(t); ok {
		if _, ok := dayOf(tokAt(toks, k+1)); ok {
			return k + 2
		}
		return k
	}
	if _, ok := dayOf(t); ok {
		if _, ok := monthOf(tokAt(toks, k+1)); ok {
			return k + 2
		}
		return k
	}
	if n := tokAt(toks, k+1); t.low == "the" && numberAt(toks, k+1) && n.low[len(n.low)-1] > '9' {
		if _, ok := dayOf(n); ok {
			return k + 2 // "the 12th", not "the 5 agreements"
		}
	}
	return k
}

// trailerVerbs end a news sentence's attribution: "..., the ministry said
// in a statement", "..., Shoigu told reporters afterward", "..., Wang was
// quoted as saying", "..., the two ministers agreed on Thursday".
var trailerVerbs = makeSet(`said says told added reported reports stated announced quoted wrote stressed noted
emphasized emphasised underlined remarked explained insisted declared agreed`)

// trailerOpeners open a clause of its own, not a trailing attribution:
// "..., and said Uzbekistan will", "..., which officials said in May".
var trailerOpeners = makeSet(`and but while which who whom that where when whereas although`)

// trailerTails may follow the verb of a trailing attribution: an
// adverbial ("in a statement after talks between ...", "afterward", "on
// Monday") or whom it was told ("told reporters", "told Xinhua").
var trailerTails = makeSet(`in after at on during following afterward afterwards later today yesterday reporters journalists
as by via to`)

// backgroundOpeners start the clause of context that news copy hangs on an
// attribution: ", as Astana seeks to ...", ", amid talk of ...".
var backgroundOpeners = makeSet(`as amid`)

// backgroundAfter reports whether a comma at k opens such a clause of
// context, so the attribution before it ends there: "..., the minister said
// on Monday, as the region courts investors".
func backgroundAfter(toks []token, k int) bool {
	return tokLow(toks, k) == "," && backgroundOpeners[tokLow(toks, k+1)]
}

// newsTrailer finds a trailing attribution of news copy that the speaker
// clause of attribute does not read, because it is long or names a
// source: "..., Kazakhstan's energy ministry said in a statement after
// talks between the two countries' energy chiefs in the city of Atyrau",
// "..., Wang was quoted as saying", "..., according to a joint statement",
// "..., Shoigu told reporters afterward, according to RIA Novosti". It
// returns the comma where the content ends and the speaker, if named.
func (d *docCtx) newsTrailer(si, ce int) (int, speaker, bool) {
	toks := d.sents[si].tokens
	cut, spk, found := ce, speaker{}, false
	for {
		k, sp, ok := d.trailerAt(si, cut)
		if !ok {
			break
		}
		cut, found = k, true
		if sp.known() {
			spk = sp
		}
		for cut > 0 && (isQuote(toks[cut-1]) || toks[cut-1].kind == tPunct) {
			cut--
		}
	}
	return cut, spk, found
}

// trailerAt reads one trailing attribution that ends at token ce, after
// the last comma from which one reads (a long tail may hold commas of its
// own: "... told reporters after talks with Minister of Investment,
// Industry and Trade Laziz Kudratov").
func (d *docCtx) trailerAt(si, ce int) (int, speaker, bool) {
	toks := d.sents[si].tokens
	for k := ce - 1; k > 3 && k >= ce-45; k-- {
		if toks[k].text != "," {
			continue
		}
		if sp, ok := d.trailerFrom(si, k+1, ce); ok {
			return k, sp, true
		}
	}
	return 0, speaker{}, false
}

// trailerFrom reads an attribution over tokens [i, ce) and resolves who
// it names.
func (d *docCtx) trailerFrom(si, i, ce int) (speaker, bool) {
	from, to, ok := trailerSpan(d.sents[si].tokens, i, ce)
	if !ok {
		return speaker{}, false
	}
	toks := d.sents[si].tokens
	sp, ok := d.resolveSpeaker(si, from, to)
	if ok && resumesAfter(toks, to, ce) {
		return speaker{}, false // "A, Kozlov told reporters, and will B": an aside of a known speaker (midAttribution)
	}
	if !ok && roleNoun(toks, from, to) {
		sp = d.lastSpeaker // "..., the minister noted": the one who spoke last
	}
	return sp, true
}

// trailerAhead reports whether the clause from k to the end of the
// sentence is a trailing attribution, which ends the content before it:
// "A, the two ministers agreed on Thursday".
func trailerAhead(toks []token, k int) bool {
	ce := len(toks)
	for ce > k && toks[ce-1].kind == tPunct {
		ce--
	}
	_, _, ok := trailerSpan(toks, k, ce)
	return ok
}

// trailerSpan reads a trailing attribution over tokens [i, ce): "according
// to X", or a short subject, a verb of saying or "agreed" and, if anything
// follows, a day or an adverbial tail ("the ministry said Monday in a
// statement", "Wang was quoted as saying", "the ministers agreed on
// Thursday in Yangling"). It returns the tokens that name the source.
func trailerSpan(toks []token, i, ce int) (int, int, bool) {
	for i < ce && isQuote(toks[i]) {
		i++
	}
	if tokLow(toks, i) == "according" && tokLow(toks, i+1) == "to" && ce-i <= 16 && sourcePhrase(toks, i+2, ce) {
		return i + 2, ce, true
	}
	name, limit := -1, i+12 // name: the end of a name set off by an appositive
	for v := i + 1; v < ce && v <= limit; v++ {
		t := toks[v]
		if t.text == "," && name < 0 && capitalsOnly(toks, i, v) {
			// "Nurlan Toktosunov, a local council member who did not
			// attend the talks, told RFE/RL": the name, then its title
			if c := clauseEnd(toks, v+1, min(ce, v+18)); c < ce && toks[c].text == "," {
				name, v, limit = v, c, c+1
				continue
			}
		}
		if t.text == "," && name < 0 && v-i <= 6 {
			// "the agency's chief executive, Ben Black, said": the title,
			// then the name set off by commas
			if c := personNameEnd(toks, v+1, ce); c < ce && toks[c].text == "," && trailerVerbs[tokLow(toks, c+1)] {
				i, v, limit = v+1, c, c+1
				name = c
				continue
			}
		}
		if t.text == "." && honorifics[tokLow(toks, v-1)] {
			continue // "Mr. Duffy told reporters": the honorific's period
		}
		if t.kind != tWord && t.kind != tPoss {
			return 0, 0, false
		}
		if t.cap || !trailerVerbs[t.low] {
			continue // "Davlatali Said": a name
		}
		end, rest := v, v+1
		if name >= 0 {
			end = name // the verb right after the appositive
		}
		if t.low == "quoted" {
			// "Wang was quoted as saying"
			if tokLow(toks, v-1) != "was" && tokLow(toks, v-1) != "were" || tokLow(toks, v+1) != "as" || tokLow(toks, v+2) != "saying" {
				return 0, 0, false
			}
			end, rest = v-1, v+3
		}
		for end > i && isAdverb(toks[end-1].low) {
			end--
		}
		if end == i || trailerOpeners[toks[i].low] {
			return 0, 0, false // "..., and said Uzbekistan will": a clause of its own
		}
		if t.low == "agreed" && agreedToAhead(toks, v+1) {
			return 0, 0, false // ", Kazakhstan and Uzbekistan agreed on Tuesday to raise A": the frame
		}
		day := dayAdverbEnd(toks, rest)
		dated := day > rest // "agreed on Monday on the sidelines of ...": after the day, where
		rest = day
		if rest < ce && !trailerTails[toks[rest].low] && !isAdverb(toks[rest].low) && !(t.low == "told" && toldWhom(toks, rest, ce)) && !backgroundAfter(toks, rest) {
			return 0, 0, false // ", officials said that ...": not a trailer
		}
		if rest < ce && t.low == "agreed" && !agreedTails[toks[rest].low] && !dated {
			return 0, 0, false // "..., the sides agreed to B": what they agreed
		}
		return i, end, true
	}
	return 0, 0, false
}

// personNameEnd returns the end of a person's name of two to four capitalised
// words starting at k ("Ben Black"), or k when there is none.
func personNameEnd(toks []token, k, ce int) int {
	e := k
	for e < ce && e < k+4 && toks[e].kind == tWord && toks[e].cap {
		e++
	}
	if e-k < 2 {
		return k
	}
	return e
}

// resumesAfter reports whether the subject's content goes on after an
// attribution in tokens [k, ce): "..., Kozlov told reporters, and will
// stop B" (midAttribution then reads the attribution as an aside).
func resumesAfter(toks []token, k, ce int) bool {
	for ; k+2 < ce; k++ {
		if toks[k].text == "," && toks[k+1].low == "and" && resumedClause(toks, k+2) {
			return true
		}
	}
	return false
}

// resumedClause reports whether the content goes on at k, after an
// aside's ", and": the subject's next verb ("..., he said, and will fund
// B") or a clause with a short subject of its own ("..., Tsivilev told
// reporters, and Russia will keep B", "..., the minister added, and the
// company is ready to C").
func resumedClause(toks []token, k int) bool {
	for e := k; e < len(toks) && e <= k+4; e++ {
		if resumingVerb(toks, e) {
			return true
		}
		if t := toks[e]; t.kind != tWord && t.kind != tPoss || clauseConjs[t.low] || t.low == "that" {
			return false
		}
	}
	return false
}

// resumingVerb reports whether the word at k is the subject's next verb
// after an aside: "supports", or a finite auxiliary, "will", "would", "is"
// ("..., he said, and will fund B", "..., the President said, and is
// ready to C").
func resumingVerb(toks []token, k int) bool {
	if k >= len(toks) || toks[k].cap {
		return false
	}
	vk, _ := verbForm(toks[k].low)
	return vk == vS || finiteAux[toks[k].low] // "will", "is ready to"
}

// expertBefore returns where a name starts after a description of a
// commentator before it, at i: "Dushanbe-based energy expert Khurshed
// Sharipov", "independent analyst Rustam Aliev" (news copy quoting someone
// who was not at the meeting). It returns i when there is none.
func expertBefore(toks []token, i int) int {
	for e := i; e < len(toks) && e < i+6; e++ {
		if expertNouns[toks[e].low] && !toks[e].cap {
			if n := e + 1; personNameEnd(toks, n, len(toks)) > n+1 {
				return n
			}
			return i
		}
		if toks[e].kind != tWord && toks[e].text != "-" {
			return i
		}
	}
	return i
}

// expertNouns name someone news copy quotes for a view from outside the
// talks.
var expertNouns = makeSet(`analyst expert economist scientist researcher professor observer commentator`)

// toldWhom reports whether tokens [k, ce) after a trailing "told" name
// only whom it was told: "told Xinhua", "told the Financial Times" (not
// "told the ministers that A").
func toldWhom(toks []token, k, ce int) bool {
	if !toks[k].cap && !determiners[toks[k].low] && !possPronouns[toks[k].low] { // "told his Kazakh counterpart"
		return false
	}
	for ; k < ce; k++ {
		if toks[k].low == "that" {
			return false
		}
	}
	return true
}

// capitalsOnly reports whether tokens [i, j) are capitalised words, a name.
func capitalsOnly(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].kind != tWord || !toks[k].cap {
			return false
		}
	}
	return j > i
}

// sourcePhrase reports whether tokens [i, ce) after "according to" name
// a source, with what describes it ("a statement posted on the bank's
// website late Thursday", "a statement from the cabinet's press
// service"), and not a clause ("the plan, which ...", "the deal that the
// ministers will sign").
func sourcePhrase(toks []token, i, ce int) bool {
	for k := i; k < ce; k++ {
		t := toks[k]
		if t.kind == tPunct && !isQuote(t) || trailerOpeners[t.low] || auxiliaries[t.low] {
			return false
		}
	}
	return true
}

// agreedToAhead reports whether "agreed" before k takes an infinitive
// after what news copy puts between them ("agreed on Tuesday to raise A",
// "agreed at the talks to open B"): the agreement frame itself, which a
// trailing attribution never is.
func agreedToAhead(toks []token, k int) bool {
	to := frameAdverbialEnd(toks, k)
	return to > k && tokLow(toks, to) == "to" && tokAt(toks, to+1).kind == tWord && !toPreposition(toks, to)
}

// agreedTails may follow "agreed" in a trailing attribution: where or
// when, not what ("agreed on A", "agreed to B").
var agreedTails = makeSet(`in at during after following afterward afterwards later today yesterday`)

// earlierGatheringAnaphor reports whether the sentence s opens at cs
// with a preposition and "that" or "those" before a meeting noun ("At
// that meeting,", "During those talks,") and the sentence before it is
// dated before the meeting: the gathering it points back to is the
// earlier one just narrated, not this one ("At this meeting" is).
func (d *docCtx) earlierGatheringAnaphor(s *sentence, cs int) bool {
	toks := s.tokens
	if s.idx == 0 || !prepositions[tokLow(toks, cs)] && tokLow(toks, cs) != "during" {
		return false
	}
	if w := tokLow(toks, cs+1); w != "that" && w != "those" || !meetingNouns[tokLow(toks, cs+2)] {
		return false
	}
	prev := &d.sents[s.idx-1]
	return d.datedBefore(prev, 0, len(prev.tokens), false)
}

// recalledAgreement reports whether frame f narrates an earlier
// meeting, as news background does: "a meeting ... in
// Tianjin last September, at which the two leaders agreed to double
// trade", "the state visit in June, during which the heads of state
// agreed to", "the ministers last met in Kazan in June, where they agreed
// to", "In 2023, Moscow promised to supply ...", "Russia began supplying
// gas in October 2023, after the leaders agreed on the route". A past
// date before the frame must be linked to it by "which", "when", "where"
// or "after", or open the sentence; "At that time they agreed to" points back to a date already
// given. A past date between the frame's verb and its complement dates
// the frame too: "Washington and Tashkent agreed in 2024 to expand A".
func (d *docCtx) recalledAgreement(s *sentence, cs int, f *frame) bool {
	toks, at := s.tokens, f.start
	if f.comp > f.verb+2 && d.datedBefore(s, f.verb+1, f.comp, false) {
		return true
	}
	link := -1
	for k := cs; k < at; k++ {
		switch toks[k].low {
		case "which", "when", "where", "after":
			link = k
		case "time":
			if (tokLow(toks, k-1) == "that" || tokLow(toks, k-1) == "the") && tokLow(toks, k-2) == "at" && tokLow(toks, k+1) != "of" {
				return true // "At that time they agreed to": the time just narrated
			}
		}
	}
	if d.earlierGatheringAnaphor(s, cs) {
		return true // "... last met in Dushanbe in October 2025. At that meeting, they agreed to"
	}
	switch {
	case link > cs:
		return d.datedBefore(s, cs, link, false)
	case link == cs:
		// "When their predecessors met in 2024, the two governments
		// agreed to": the date is in the opening clause
		return d.datedBefore(s, cs, at, false)
	case link < 0:
		// "In 2023, Moscow promised": a date opening the sentence; an
		// adverbial opened by a preposition may be long ("During
		// President Xi's state visit to Dushanbe in July 2024, the two
		// heads of state agreed to").
		limit := cs + 5
		if w := tokLow(toks, cs); prepositions[w] || w == "during" || w == "after" || w == "following" {
			limit = cs + 20
		}
		for k := cs; k < at && k < limit; k++ {
			if toks[k].text == "," {
				return d.datedBefore(s, cs, k, false)
			}
		}
	}
	return false
}

// askedWhether reports whether the frame at token at is inside an
// indirect question, which commits no one: "Asked whether Moscow would
// ease the rules, ...", "did not say whether he would go".
func askedWhether(toks []token, cs, at int) bool {
	for k := at - 1; k >= cs && k >= at-12; k-- {
		switch toks[k].low {
		case "whether":
			return true
		case "if":
			return tokLow(toks, k-1) == "asked"
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// predictionWords make what follows them a forecast, which commits no
// one: "It is very likely that the two air forces will conduct A", "Li
// predicted that the line would be completed by 2030".
var predictionWords = makeSet(`predicted predicts predict forecast forecasts likely unlikely`)

// predictedBefore reports whether the frame whose complement starts at
// token at is inside a forecast: a prediction word before it in its
// sentence, the frame's own words included ("Turkish carriers are likely
// to raise their rates"), up to a semicolon or "but" (a forecast runs
// on through its commas: "Li predicted that A would be completed, which
// he said would lift B").
func predictedBefore(toks []token, cs, at int) bool {
	coordinated := false // a ", and" between: "expressed confidence that A, and agreed to B"
	for k := at - 1; k >= cs && k >= at-30; k-- {
		switch w := toks[k].low; {
		case predictionWords[w]:
			return true
		case confidenceWords[w] && !toks[k].cap && tokLow(toks, k+1) == "that":
			return !coordinated
		case w == ";" || w == "but":
			return false
		case w == "and" && k > cs && toks[k-1].text == ",":
			coordinated = true
		}
	}
	return false
}

// confidenceWords before "that" make what follows a forecast, not an
// undertaking: "expressed confidence that the airport would attract
// many tourists", "I am sure that this year we will exceed A".
var confidenceWords = makeSet(`confident confidence sure convinced certain`)

// paragraphDate dates a meeting sentence that gives no date by the
// sentence before it in its paragraph, as a feature story sets the scene
// first: "Scenes like this were at the center of attention on Thursday,
// when the city hosted the forum. On the sidelines of the forum, X held
// talks with Y."
func (d *docCtx) paragraphDate(s *sentence) (schema.Date, bool) {
	if s.idx == 0 || s.paraStart {
		return "", false
	}
	prev := &d.sents[s.idx-1]
	if prev.para != s.para {
		return "", false
	}
	for _, de := range prev.datesAt(d.anchor) {
		if !de.future && !de.past && de.date.Precision() == schema.PrecisionDay {
			return de.date, true
		}
	}
	return "", false
}

// portfolioWords name a minister's field in a news-style title set
// before the title word: "Energy Minister", "Interior Secretary", "Trade
// Representative".
var portfolioWords = makeSet(`energy interior transport trade industry economy finance defence defense justice agriculture
health education culture labor labour environment emergency emergencies`)

// portfolioBefore reports whether token i is a portfolio word heading a
// title ("Energy" in "Kazakh Energy Minister Yerlan Akkenzhenov"), which
// belongs to the role, not to the name.
func portfolioBefore(toks []token, i int) bool {
	t := tokAt(toks, i)
	n := tokAt(toks, i+1)
	return t.cap && portfolioWords[t.low] && n.cap && titleWords[n.low]
}

// agencySubject reads the country a subject that is no party word stands
// for in news copy: a state body named with its country first ("the U.S.
// Export-Import Bank", "China's National Energy Administration", "Russia's
// state nuclear corporation Rosatom"); "the government", or a state body
// by its own name, in what a speaker said (said): "The government would
// also cut the time ..., he said", "The Legislative Chamber will speed up
// A, he said" -> the speaker's; a region named after its city ("Pavlodar
// Region will" -> the city's country). "" when none.
func (d *docCtx) agencySubject(s *sentence, i, headI int, named []string, spk speaker, said bool) string {
	toks := s.tokens
	if headI == i && toks[i].low == "government" {
		if n := tokLow(toks, headI+1); (n == "in" || n == "of") && s.placeAt(headI+2) >= 0 {
			return "" // "the government in Baghdad": another state's, not the speaker's
		}
		return spk.code()
	}
	if headI == i && len(named) == 0 {
		if c := d.acronymCountry(toks[i].text); c != "" {
			return c // "CNPC would train", CNPC being "China National Petroleum Corporation (CNPC)"
		}
	}
	if len(named) == 0 {
		if c := cityRegion(s, i, headI); c != "" {
			return c
		}
		if toks[headI].cap && stateBodies[toks[headI].low] && said {
			return spk.code() // "The Legislative Chamber will speed up A, he said": the speaker's
		}
	}
	if len(named) != 1 || !toks[headI].cap || s.placeAt(headI) >= 0 || personHeads[toks[headI].low] || titleWords[toks[headI].low] {
		return ""
	}
	pi := s.placeAt(i)
	if pi < 0 || s.places[pi].kind == gazetteer.MentionCity {
		return ""
	}
	poss := tokAt(toks, s.places[pi].j).kind == tPoss
	for k := s.places[pi].j; k <= headI; k++ {
		if t := toks[k]; !t.cap && t.kind != tPoss && !(poss && t.kind == tWord && !determiners[t.low] && t.low != "and") {
			return "" // but "Russia's state nuclear corporation Rosatom": a named body after its kind
		}
	}
	return named[0]
}

// acronymCountry returns the one country named in the name an acronym
// stands for in the document: "EXIM" after "The Export-Import Bank of the
// United States (EXIM)" -> US, "CNPC" after "China National Petroleum
// Corporation (CNPC)" -> CN. "" for an acronym the document does not
// spell out or whose name names no country or several ("the Asian
// Development Bank (ADB)", "the China-Central Asia Secretariat").
func (d *docCtx) acronymCountry(acr string) string {
	full, ok := d.acronyms[acr]
	if !ok {
		return ""
	}
	if cs := sortedCodes(titleCountries(full)); len(cs) == 1 {
		return cs[0]
	}
	return ""
}

// cityRegion returns the country of a region named after its city, the
// subject [i, headI] ending in a region noun after a city: "Pavlodar
// Region", "the Tyumen Oblast", "Karaganda region". "" otherwise.
func cityRegion(s *sentence, i, headI int) string {
	if headI == i || !regionNouns[s.tokens[headI].low] {
		return ""
	}
	if pi := s.placeAt(headI - 1); pi >= 0 && s.places[pi].i == i {
		return cityRegionCountry(s, pi)
	}
	return ""
}

// agreedIn reports whether segment g of s says that an agreement was
// reached in a city, which news background names instead of the meeting
// ("Putin and Mirziyoyev agreed in Moscow to ...", "the agreements
// reached by the heads of state in Beijing in September last year"):
// with a past date, it is a reference to that meeting.
func agreedIn(s *sentence, g item) bool {
	toks := s.tokens
	for k := g.i; k < g.j; k++ {
		if toks[k].low != "agreed" && toks[k].low != "reached" && toks[k].low != "signed" {
			continue
		}
		// The city within a few words: "agreed in Moscow", "reached
		// by the heads of state in Beijing", "signed by the three heads
		// of state in Baku".
		for e := k + 1; e < g.j && e <= k+8; e++ {
			if toks[e].kind == tPunct {
				break
			}
			if toks[e].low == "in" {
				if pi := s.placeAt(e + 1); pi >= 0 && s.places[pi].kind == gazetteer.MentionCity {
					return true
				}
			}
		}
	}
	return false
}

// appositiveBefore returns the index of the token before a news
// appositive that ends with the comma at k, a title set off between the
// subject's name and its verb ("Wang Hongzhi, head of China's National
// Energy Administration (NEA), also agreed"), -1 when there is none. The
// name before it must be capitalised.
func appositiveBefore(toks []token, k, cs int) int {
	if k < cs || toks[k].text != "," {
		return -1
	}
	for b := k - 1; b > cs && b >= k-12; b-- {
		if toks[b].text != "," {
			continue
		}
		if !titleWords[tokLow(toks, b+1)] || toks[b+1].cap || !toks[b-1].cap {
			return -1
		}
		return b - 1
	}
	return -1
}

// titleConnectors are the small words inside a document's title: "Memorandum
// of Understanding on Strategic Partnership in Critical Minerals".
var titleConnectors = makeSet(`of on in and for the between to with among`)

// signedParticiple matches a titled document that news copy names with a
// reduced relative "signed after the talks" or "adopted at the end of the
// talks": "Under a Memorandum of Understanding on Strategic Partnership in
// Critical Minerals signed after the talks, the DFC will ...", "Under the
// Samara Joint Statement adopted at the end of the talks, ...". The title
// before the participle, with the capitalised words that modify its
// document noun, is one agreement of every party.
func signedParticiple(toks []token, i int) (frame, bool) {
	switch tokLow(toks, i+1) {
	case "after", "at", "during", "following", "on", "in":
	default:
		return frame{}, false
	}
	b := -1
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		t := toks[k]
		if t.kind == tWord && t.cap && t.is(wDoc) {
			b = k
		}
		if t.kind != tWord || !t.cap && !titleConnectors[t.low] {
			break
		}
	}
	if b < 0 {
		return frame{}, false
	}
	// "the Samara Joint Statement": the name and modifiers before the
	// noun, short of the sentence's first word, capitalised anyway ("Under")
	for b > 1 && toks[b-1].kind == tWord && toks[b-1].cap {
		b--
	}
	f := frame{start: i, verb: i, comp: b, end: i, pre: true, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
	f.subjI, f.subjJ = i, i+1
	return f, true
}

// packageTail ends a list of signed documents where an unnamed, counted
// package follows it: "a memorandum of understanding on A, as well as 26
// commercial contracts worth 1.2 billion dollars" (the contracts are no
// commitment of the parties). It returns end when there is none.
func packageTail(toks []token, c, end int) int {
	for k := c + 1; k+3 < end; k++ {
		if toks[k].text == "," && toks[k+1].low == "as" && toks[k+2].low == "well" && toks[k+3].low == "as" && countedPackage(tokLow(toks, k+4)) {
			return k
		}
	}
	return end
}

// countedPackage reports whether w counts an unnamed package: "26",
// "three", "several".
func countedPackage(w string) bool {
	_, counted := countWords[w]
	return w != "" && isNumber(w) || counted
}
