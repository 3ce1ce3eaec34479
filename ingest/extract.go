package ingest

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// place is a gazetteer mention in a sentence, over tokens [i, j).
type place struct {
	i, j  int
	kind  gazetteer.Kind
	code  string
	city  string
	exact bool // the mention is exactly those tokens (not part of "China-Kyrgyzstan")
	start int  // byte offsets in the document
	end   int
}

// placeAt returns the index in s.places of the mention covering token i
// exactly, -1 when none.
func (s *sentence) placeAt(i int) int {
	if i < 0 || i >= len(s.tokens) || s.tokPlace == nil {
		return -1
	}
	return int(s.tokPlace[i])
}

// countryAt returns the country code of a country or demonym mention at
// token i, "" when there is none.
func (s *sentence) countryAt(i int) string {
	if pi := s.placeAt(i); pi >= 0 && s.places[pi].kind != gazetteer.MentionCity {
		return s.places[pi].code
	}
	return ""
}

func (s *sentence) isCountryWord(i int) bool { return s.countryAt(i) != "" }

// docCtx is the state of one extraction. It lives for one call of Extract.
type docCtx struct {
	text        string
	body        int
	hdr         header
	dl          *dateline
	anchor      time.Time // dateline, header or publication date
	sents       []sentence
	people      []*person
	meetSent    int  // index of the sentence that reports the meeting, -1 if none
	ledeMeeting bool // the meeting sentence is a lede with no meeting verb (ledeGathering)
	visitSent   int  // 1 + the index of another sentence that placed the meeting (a visit, a news lead), 0 if none
	meeting     schema.Meeting
	parties     []string
	warnings    []string
	acronyms    map[string]string // "SCO" -> "Shanghai Cooperation Organization"
	sourceCC    string            // country of the publisher, from the URL's domain
	title       string            // the document's title, from the container or a header line
	mentions    [][]personMention // people named in each sentence
	lastSpeaker speaker           // who the last sentence was attributed to
	listMod     schema.Modality   // what the lead-in of a list of points says ("agreed on the following:")
	lastFrame   struct {          // the last frame read, for enumerated points
		actors []string
		mod    schema.Modality
	}
	keys map[string]string // name -> schema.PersonKey(name), per document
	// lastTopics are the topics of the last commitment, for an item that
	// continues it (itemTopics); sent is 1 + its sentence index.
	lastTopics struct {
		sent     int
		top, sub []string
	}
}

// personKey is schema.PersonKey, cached for the document.
func (d *docCtx) personKey(name string) string {
	if k, ok := d.keys[name]; ok {
		return k
	}
	if d.keys == nil {
		d.keys = map[string]string{}
	}
	k := schema.PersonKey(name)
	d.keys[name] = k
	return k
}

// Extract reads one readout. It does no I/O and keeps no state between
// calls. An empty text, a text without a date or one that reports no
// meeting gives an extraction without commitments and with warnings.
func Extract(in Input) (*schema.Extraction, error) {
	if len(in.Text) > MaxInputSize {
		return nil, schema.Errorf(schema.ETOOLARGE, "%s: input is %d bytes, over the limit of %d", displayName(in.Source), len(in.Text), MaxInputSize)
	}
	text := in.Text
	if !utf8.ValidString(text) {
		text = repairUTF8([]byte(text))
	}
	d := &docCtx{text: text, meetSent: -1}
	d.hdr = parseHeader(text)
	d.body = d.hdr.body
	x := &schema.Extraction{Source: in.Source}
	x.Document = schema.Document{
		ID:        documentID(text[d.body:]),
		Title:     firstNonEmpty(in.Title, d.hdr.title),
		SourceURL: firstNonEmpty(in.SourceURL, d.hdr.source),
		Published: in.Published,
		Text:      text,
	}
	if x.Document.Published.IsZero() {
		x.Document.Published = d.hdr.date
	}
	d.sourceCC = domainCountry(x.Document.SourceURL)
	d.title = x.Document.Title
	x.References = []schema.Reference{}
	x.Commitments = []schema.Commitment{}
	x.Meeting.Parties = []string{}
	if strings.TrimSpace(text[d.body:]) == "" {
		x.Warnings = append(x.Warnings, "empty text")
		return x, nil
	}
	d.prepare(x.Document.Published)
	if d.sourceCC == "" {
		d.sourceCC = d.publisherCountry()
	}
	if d.sourceCC == "" && d.dl != nil {
		// "Bishkek, May 27, 2024 –": a readout without an address is
		// published where its dateline says.
		if c, ok := gazetteer.LookupCity(d.dl.place); ok {
			d.sourceCC = c.Country
		} else if code, ok := gazetteer.LookupCountry(d.dl.country); ok {
			d.sourceCC = code
		}
	}
	d.findMeeting()
	x.Meeting = d.meeting
	if x.Meeting.Parties == nil {
		x.Meeting.Parties = []string{}
	}
	x.References = d.findReferences()
	x.Meeting.Place = canonicalPlace(x.Meeting.City)
	for i := range x.References {
		x.References[i].Place = canonicalPlace(x.References[i].City)
	}
	switch {
	case d.meetSent < 0:
		d.warnings = append(d.warnings, "no meeting reported: not a readout?")
	case x.Meeting.Date.IsZero():
		// Commitments without a date cannot be placed in time; the
		// caller may add a date (a header line, the API's "published").
		d.warnings = append(d.warnings, "no date: neither the text, a dateline nor a header dates the meeting")
	default:
		x.Commitments = d.findCommitments()
		if d.ledeMeeting && len(x.Commitments) == 0 {
			// A lede naming two countries' officials with nothing
			// committed is news about them, not a readout: no meeting,
			// as when no sentence reports one.
			d.warnings = append(d.warnings, "no meeting reported: not a readout?")
			x.Meeting = schema.Meeting{Parties: []string{}}
			if !d.anchor.IsZero() {
				x.Meeting.Date = schema.DayDate(d.anchor)
			}
		}
	}
	if len(x.Commitments) == 0 {
		d.warnings = append(d.warnings, "no commitments found")
	}
	x.Warnings = append(x.Warnings, d.warnings...)
	emptyLists(x)
	return x, nil
}

// emptyLists makes every list of the output an empty list rather than
// null, so that readers of the JSON need not tell the two apart.
func emptyLists(x *schema.Extraction) {
	if x.References == nil {
		x.References = []schema.Reference{}
	}
	if x.Commitments == nil {
		x.Commitments = []schema.Commitment{}
	}
	if x.Meeting.Parties == nil {
		x.Meeting.Parties = []string{}
	}
	for i := range x.Commitments {
		c := &x.Commitments[i]
		if c.Actors == nil {
			c.Actors = []string{}
		}
		if c.Counterparts == nil {
			c.Counterparts = []string{}
		}
		if c.Topics == nil {
			c.Topics = []string{}
		}
		if c.Entities == nil {
			c.Entities = []schema.Entity{}
		}
	}
}

// prepare splits the text into sentences and tokens and finds the places
// they mention and the dateline.
func (d *docCtx) prepare(published schema.Date) {
	var skip []dateline
	// A dateline opens the first paragraph of the body.
	if dl, ok := findDateline(d.text, d.body); ok {
		d.dl = &dl
		skip = append(skip, dl)
	} else if dl, ok := findPlaceLine(d.text, d.body); ok {
		d.dl = &dl
		skip = append(skip, dl)
	}
	d.sents = splitSentences(d.text, d.body, skip)
	if d.dl == nil && len(d.sents) > 1 {
		// A first line that is a title or a byline: look at the next
		// paragraphs too, past a news page's standfirst, byline and
		// time stamps ("By ...", "Updated: 03/25/2026 10:15 AM EDT").
		for _, s := range d.sents[:min(6, len(d.sents))] {
			if s.paraStart && s.para <= 5 {
				dl, ok := findDateline(d.text, s.start)
				if !ok {
					// "Russian-Uzbekistani talks\n\nMay 19, 2026\n\nThe
					// Kremlin, Moscow": a Kremlin place line under its
					// title and date.
					dl, ok = findPlaceLine(d.text, s.start)
				}
				if !ok {
					dl, ok = findDatePlaceLines(d.text, s.start) // "December 21, 2026\n21:15\nSt Petersburg"
				}
				if ok {
					d.dl = &dl
					d.sents = splitSentences(d.text, d.body, []dateline{dl})
					break
				}
			}
		}
	}
	// One gazetteer scan of the body; each sentence takes its mentions.
	var ms []gazetteer.Mention
	if len(d.sents) > 0 {
		base := d.sents[0].start
		ms = gazetteer.Scan(d.text[base:d.sents[len(d.sents)-1].end])
		for k := range ms {
			ms[k].Start += base
			ms[k].End += base
		}
	}
	mi := 0
	// All sentences' tokens share one backing array, and the lower-case
	// forms of their capitalised words one buffer.
	buf := make([]token, 0, (len(d.text)-d.body)/5+16)
	var lower lowerArena
	lower.b.Grow((len(d.text) - d.body) / 8)
	for i := range d.sents {
		s := &d.sents[i]
		s.idx = i
		n := len(buf)
		buf = appendTokens(buf, d.text, &lower, s.start, s.end)
		s.tokens = buf[n:len(buf):len(buf)]
		for mi < len(ms) && ms[mi].Start < s.start {
			mi++
		}
		mj := mi
		for mj < len(ms) && ms[mj].End <= s.end {
			mj++
		}
		d.scanPlaces(s, ms[mi:mj])
		mi = mj
	}
	d.regionPlaces()
	d.anchor = anchorTime(published)
	if d.anchor.IsZero() {
		d.anchor = d.dateLine()
	}
	if d.dl != nil && d.dl.date != "" {
		if d.anchor.IsZero() {
			// "BOLE, July 21 (Tianshannet) --" on a page dated only by
			// its footer, "Copyright © 2026 Tianshannet": the dateline's
			// day in the copyright's year.
			if y := d.copyrightYear(); y > 0 {
				d.anchor = dayDateTime(y, time.December, 31)
			}
		}
		toks := tokenize(d.dl.date, 0, len(d.dl.date))
		if ds := findDates(toks, d.anchor); len(ds) > 0 && ds[0].date.Precision() == schema.PrecisionDay {
			d.anchor = ds[0].date.Start()
		}
	}
	d.acronyms = d.findAcronyms()
}

// dateLine reads a line near the top that is only a date, as Kremlin,
// White House and State Department pages put one under the title ("May
// 19, 2026", "13 June 2026, 14:20"): the publication date of a page that
// gives no other.
func (d *docCtx) dateLine() time.Time {
	rest := d.text[d.body:]
	for n := 0; n < 8 && rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		if p := parsePublished(line); p.Precision() == schema.PrecisionDay {
			return p.Start()
		}
		if t, ok := stampDate(line); ok {
			return t // "Updated 5:47 PM GMT+5, May 20, 2026"
		}
		if t, ok := bylineDate(line); ok {
			return t // "Timur Zhaksybekov | 19 June 2026, 10:45 | Energy"
		}
		if len(line) > 40 {
			continue
		}
		toks := tokenize(line, 0, len(line))
		if ds := findDates(toks, time.Time{}); len(ds) == 1 && ds[0].date.Precision() == schema.PrecisionDay && !ds[0].relative && ds[0].i == 0 && onlyTimeAfter(toks[ds[0].j:]) {
			return ds[0].date.Start()
		}
	}
	return time.Time{}
}

// copyrightYear returns the year of a copyright line among the last lines
// of the text, the last year of a range ("Copyright 2026 KTVK/KPHO",
// "© 2008–2026 Kabar"), or 0.
func (d *docCtx) copyrightYear() int {
	rest := d.text[d.body:]
	for n := 0; n < 8 && rest != ""; {
		i := strings.LastIndexByte(strings.TrimRight(rest, "\n\r \t"), '\n')
		line := strings.TrimSpace(rest[i+1:])
		rest = rest[:max(i, 0)]
		if line == "" {
			continue
		}
		n++
		low := strings.ToLower(line)
		if len(line) > 120 || !strings.HasPrefix(low, "copyright") && !strings.HasPrefix(low, "©") && !strings.HasPrefix(low, "(c)") {
			continue
		}
		year := 0
		toks := tokenize(line, 0, len(line))
		for _, t := range toks[:min(8, len(toks))] {
			for _, part := range strings.FieldsFunc(t.low, func(r rune) bool { return r == '-' || r == '–' }) {
				if y, ok := yearOf(token{low: part}); ok {
					year = y
				}
			}
		}
		if year > 0 {
			return year
		}
	}
	return 0
}

// onlyTimeAfter reports whether toks, after a date, hold at most a time of
// day: ", 14:20", "20:30", "at 6:12 PM MST".
func onlyTimeAfter(toks []token) bool {
	for k, t := range toks {
		if k == 0 && t.low == "at" {
			continue // "Apr. 14, 2026 at 6:12 PM MST"
		}
		if t.kind == tWord && !isNumber(strings.ReplaceAll(t.text, ":", "")) && !timeZone(t.low) {
			return false
		}
	}
	return true
}

// scanPlaces records the gazetteer mentions of s, by token.
func (d *docCtx) scanPlaces(s *sentence, ms []gazetteer.Mention) {
	if len(ms) == 0 {
		return
	}
	s.tokPlace = make([]int16, len(s.tokens))
	s.places = make([]place, 0, len(ms))
	for i := range s.tokPlace {
		s.tokPlace[i] = -1
	}
	ti := 0
	for _, m := range ms {
		ms, me := m.Start, m.End
		for ti < len(s.tokens) && s.tokens[ti].end <= ms {
			ti++
		}
		tj := ti
		for tj < len(s.tokens) && s.tokens[tj].start < me {
			tj++
		}
		if tj == ti {
			continue
		}
		p := place{i: ti, j: tj, kind: m.Kind, code: m.Code, city: cityAsWritten(m.City, d.text[ms:me]), start: ms, end: me}
		p.exact = s.tokens[ti].start == ms && (s.tokens[tj-1].end == me || s.tokens[tj-1].end == me+1 && s.tokens[tj-1].text[len(s.tokens[tj-1].text)-1] == '.')
		s.places = append(s.places, p)
		if p.exact && len(s.places) < 1<<15 {
			for k := ti; k < tj; k++ {
				s.tokPlace[k] = int16(len(s.places) - 1)
			}
		}
	}
}

// cityAsWritten is the name a city mention gives: the readout's own
// spelling when it is another name of the city ("Nur-Sultan" for Astana in
// a 2021 readout, "Herat" for Herāt), since the place recorded is the one
// the text gives; the gazetteer's name for a text set in capitals.
func cityAsWritten(canonical, written string) string {
	if canonical == "" || strings.EqualFold(canonical, written) || strings.ToUpper(written) == written {
		return canonical
	}
	return written
}

// canonicalPlace is the gazetteer's own name for city when the text names
// it otherwise ("Kulyab" -> "Kulob", "Nur-Sultan" -> "Astana"), "" when it
// does not or the gazetteer lacks the town: the graph keys places on it, so
// that one town is one place whatever the spelling.
func canonicalPlace(city string) string {
	if c, ok := gazetteer.CanonicalCity(city); ok && c.Name != city {
		return c.Name
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// sortedCodes returns the distinct codes, sorted.
func sortedCodes(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}
