// Package ask reads a question in plain words ("all commitments on
// connectivity since Xi'an 2023", "what did Kazakhstan promise China about
// energy in 2024", "commitments on the CKU railway") into the filters of GET
// /v1/commitments, deterministically: a lexicon of topic words (the
// taxonomy's labels and their synonyms), the gazetteer's countries,
// demonyms and cities, the entity names the caller passes, dates, and a
// few cue words (since, after, before, until, between, in, by, from, to,
// with) that give each of them its role. Nothing is guessed: a question
// with a word it cannot place is refused, with what it understood.
package ask

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// MaxQuestion is the longest question Parse reads, in bytes.
const MaxQuestion = 500

// CountryCode returns the ISO code of a country given by code, name, short
// form or demonym ("KZ", "Kazakhstan", "Kazakh").
func CountryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 && strings.ToUpper(s) == s {
		if c, ok := gazetteer.CountryByCode(s); ok {
			return c.Code, true
		}
	}
	return gazetteer.LookupCountry(s)
}

// CountryName returns the common English name of an ISO code, "" when
// unknown.
func CountryName(code string) string {
	if c, ok := gazetteer.CountryByCode(code); ok {
		return c.Name
	}
	return ""
}

type kind int

const (
	kUnknown kind = iota
	kFiller
	kCue
	kVerb
	kDate
	kMeeting
	kCity
	kCountry
	kTopic
	kEntity
	kModality
)

// item is a recognised span of tokens [i, j).
type item struct {
	kind  kind
	text  string // the words as written
	value string // a date, slug, code, entity name, meeting reference, cue
	poss  bool   // a possessive country ("China's")
	i, j  int
}

// Prepare returns a question parser for one vocabulary of the graph:
// entities are the entity names and aliases it knows, places the places of
// its meetings (the gazetteer's cities are known anyway). The parser reads a
// question into /v1/commitments parameters (topic, since, until, actor,
// counterpart, party, entity, modality, meeting) and notes saying which
// words gave each; a question with words it cannot place, or with no filter
// at all, is an EINVALID error that says what it understood. Prepare once
// per vocabulary; the parser is safe for concurrent use.
func Prepare(entities, places []string) func(question string) (url.Values, []string, error) {
	return parser{entities: entityLexicon(entities), places: entityLexicon(places)}.parse
}

// Parse is Prepare(entities, places)(question), for a single question.
func Parse(question string, entities, places []string) (url.Values, []string, error) {
	return Prepare(entities, places)(question)
}

// parser holds a vocabulary's lexicons, by fold.
type parser struct {
	entities, places map[string]string
}

func (p parser) parse(question string) (url.Values, []string, error) {
	question = strings.TrimSpace(question)
	if question == "" {
		return nil, nil, schema.Errorf(schema.EINVALID, "q: empty question; ask e.g. \"all commitments on connectivity since Xi'an 2023\"")
	}
	if len(question) > MaxQuestion {
		return nil, nil, schema.Errorf(schema.EINVALID, "q: question over %d bytes", MaxQuestion)
	}
	items := scan(tokenize(question), p.entities, p.places)
	items = joinMeetings(items)
	return assign(question, items)
}

// tokenize splits a question into words: runs of letters, digits,
// apostrophes, hyphens and inner dots ("U.S.", "Xi'an", "2023-05-17").
func tokenize(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !strings.ContainsRune("'’-.", r) }) {
		f = strings.Trim(f, "-")
		if !isAbbrev(f) {
			f = strings.TrimRight(f, ".")
		}
		if f = strings.Trim(f, "'’"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAbbrev reports a dotted abbreviation such as "U.S.".
func isAbbrev(s string) bool {
	if len(s) < 4 || !strings.HasSuffix(s, ".") {
		return false
	}
	for i, r := range s {
		if (i%2 == 0) != unicode.IsUpper(r) && !(i%2 == 1 && r == '.') {
			return false
		}
	}
	return true
}

// entityLexicon keys entity names and aliases by fold.
func entityLexicon(names []string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		if k := fold(n); k != "" {
			if _, ok := m[k]; !ok {
				m[k] = n
			}
		}
	}
	return m
}

// scan recognises the longest span at each position; on equal length a
// date beats a country, a topic, an entity and a city, in that order.
func scan(toks []string, entities, places map[string]string) []item {
	var out []item
	for i := 0; i < len(toks); {
		best := item{kind: kUnknown, text: toks[i], i: i, j: i + 1}
		found := false
		try := func(it item, ok bool) {
			if ok && (!found || it.j-it.i > best.j-best.i) {
				best, found = it, true
			}
		}
		for n := min(8, len(toks)-i); n >= 1; n-- {
			phrase := strings.Join(toks[i:i+n], " ")
			span := func(k kind, v string) item { return item{kind: k, text: phrase, value: v, i: i, j: i + n} }
			if d, ok := parseDate(toks[i : i+n]); ok {
				try(span(kDate, string(d)), true)
			}
			if n <= 5 {
				if code, ok := CountryCode(phrase); ok && !fillers[strings.ToLower(phrase)] && cueWords[strings.ToLower(phrase)] == "" {
					it := span(kCountry, code)
					it.poss = strings.HasSuffix(strings.ToLower(phrase), "'s") || strings.HasSuffix(phrase, "’s")
					try(it, true)
				}
			}
			k := fold(phrase)
			if slug, ok := topicLexicon[k]; ok {
				try(span(kTopic, slug), true)
			} else if slug, ok := topicLexicon[strings.TrimSuffix(k, "s")]; ok && n > 1 {
				try(span(kTopic, slug), true)
			}
			if name, ok := entities[k]; ok {
				try(span(kEntity, name), true)
			}
			if n <= 4 {
				if name, ok := places[k]; ok && !isCommonWord(k) {
					try(span(kCity, name), true)
				} else if c, ok := gazetteer.LookupCity(phrase); ok && n <= 3 && !isCommonWord(k) {
					try(span(kCity, c.Name), true)
				}
			}
		}
		if best.kind == kUnknown {
			w := strings.ToLower(toks[i])
			switch {
			case cueWords[w] != "":
				best.kind, best.value = kCue, cueWords[w]
			case modalityWords[w] != "":
				best.kind, best.value = kModality, string(modalityWords[w])
			case commitVerbs[w]:
				best.kind = kVerb
			case fillers[w]:
				best.kind = kFiller
			}
		}
		out = append(out, best)
		i = best.j
	}
	return out
}

// isCommonWord keeps English words that are also city names ("Of", "Male")
// from reading as cities.
func isCommonWord(k string) bool {
	return fillers[k] || commitVerbs[k] || cueWords[k] != "" || modalityWords[k] != "" || len(k) < 3
}

// joinMeetings makes a meeting reference of a city with a date next to it
// ("Xi'an 2023", "2023 Xi'an"), skipping the words that name the encounter
// ("the Xi'an summit of 2023").
func joinMeetings(items []item) []item {
	var out []item
	for k := 0; k < len(items); k++ {
		it := items[k]
		if it.kind != kCity && !(it.kind == kDate && k+1 < len(items) && items[k+1].kind == kCity) {
			out = append(out, it)
			continue
		}
		if it.kind == kDate { // "2023 Xi'an"
			city := items[k+1]
			out = append(out, item{kind: kMeeting, text: it.text + " " + city.text, value: city.value + " " + it.value, i: it.i, j: city.j})
			k++
			continue
		}
		ref := item{kind: kMeeting, text: it.text, value: it.value, i: it.i, j: it.j}
		n := k + 1
		for n < len(items) && items[n].kind == kFiller && encounterWords[strings.ToLower(items[n].text)] {
			n++
		}
		if n < len(items) && items[n].kind == kCue && items[n].value == cueIn && n+1 < len(items) && items[n+1].kind == kDate {
			n++ // "Xi'an in 2023"
		}
		if n < len(items) && items[n].kind == kDate {
			ref.value += " " + items[n].value
			ref.j = items[n].j
			k = n
		}
		out = append(out, ref)
	}
	return out
}

var encounterWords = set("summit", "meeting", "meetings", "talks", "visit", "of")

// interpretation accumulates the filters.
type interpretation struct {
	params     url.Values
	understood []string
	unknown    []string
}

func (in *interpretation) set(key, value, from string) error {
	if old := in.params.Get(key); old != "" && old != value {
		if key == "topic" && strings.HasPrefix(value, old+"/") {
			in.params.Set(key, value) // the finer of "energy" and "energy/oil-gas"
		} else if key == "topic" && strings.HasPrefix(old, value+"/") {
			return nil
		} else {
			return schema.Errorf(schema.EINVALID, "q: two values for %s (%q and %q); ask one question at a time", key, old, value)
		}
	} else {
		in.params.Set(key, value)
	}
	in.understood = append(in.understood, fmt.Sprintf("%s=%s from %q", key, value, from))
	return nil
}

func (in *interpretation) add(key, value, from string) error {
	for _, v := range in.params[key] {
		if v == value {
			return nil
		}
	}
	if len(in.params[key]) == 2 {
		return schema.Errorf(schema.EINVALID, "q: more than two countries without a role; say who committed (by, from) and to whom (to, with)")
	}
	in.params.Add(key, value)
	in.understood = append(in.understood, fmt.Sprintf("%s=%s from %q", key, value, from))
	return nil
}

// assign gives each recognised item its role.
func assign(question string, items []item) (url.Values, []string, error) {
	in := &interpretation{params: url.Values{}}
	var pending string // the cue before the next significant item
	var between []item // items after "between", until the second is read
	// next and prev return the nearest significant items around k.
	next := func(k int) *item {
		for n := k + 1; n < len(items); n++ {
			if items[n].kind != kFiller {
				return &items[n]
			}
		}
		return nil
	}
	prev := func(k int) *item {
		for n := k - 1; n >= 0; n-- {
			if items[n].kind != kFiller {
				return &items[n]
			}
		}
		return nil
	}
	for k, it := range items {
		var err error
		switch it.kind {
		case kFiller:
			if strings.EqualFold(it.text, "and") && len(between) == 1 {
				continue
			}
		case kCue:
			pending = it.value
			if pending == cueBetw {
				between = nil
			}
			continue
		case kVerb:
		case kModality:
			err = in.set("modality", it.value, it.text)
		case kTopic:
			err = in.set("topic", it.value, it.text)
		case kEntity:
			err = in.set("entity", it.value, it.text)
		case kDate, kMeeting:
			err = in.timeBound(it, pending, &between)
		case kCountry:
			role := "party"
			nx, pv := next(k), prev(k)
			switch {
			case pending == cueBetw:
				role = "party"
			case pending == cueFrom || pending == cueBy:
				role = "actor"
			case pending == cueTo || pending == cueWith:
				role = "counterpart"
			case it.poss:
				role = "actor"
			case nx != nil && (nx.kind == kVerb || nx.kind == kModality):
				role = "actor"
			case pv != nil && (pv.kind == kVerb || pv.kind == kModality):
				role = "counterpart"
			}
			if role == "party" {
				err = in.add("party", it.value, it.text)
			} else {
				err = in.set(role, it.value, it.text)
			}
		case kCity:
			err = in.set("meeting", it.value, it.text)
		default:
			in.unknown = append(in.unknown, it.text)
		}
		if err != nil {
			return nil, nil, err
		}
		if it.kind != kFiller && it.kind != kVerb {
			pending = ""
			if len(between) == 1 && it.kind != kDate && it.kind != kMeeting {
				between = nil
			}
		}
	}
	// A country that is both actor and party is the actor.
	parties := in.params["party"]
	in.params.Del("party")
	for _, p := range parties {
		if p != in.params.Get("actor") && p != in.params.Get("counterpart") {
			in.params.Add("party", p)
		}
	}
	understood := "nothing"
	if len(in.understood) > 0 {
		understood = strings.Join(in.understood, "; ")
	}
	if len(in.unknown) > 0 {
		return nil, nil, schema.Errorf(schema.EINVALID, "q: could not understand %s in %q; understood: %s",
			quoteAll(in.unknown), question, understood)
	}
	if len(in.params) == 0 {
		return nil, nil, schema.Errorf(schema.EINVALID,
			"q: no filter in %q; name a topic, a country, a project or a date, e.g. \"all commitments on connectivity since Xi'an 2023\"", question)
	}
	return in.params, in.understood, nil
}

// timeBound sets since, until or meeting from a date or meeting reference
// after cue.
func (in *interpretation) timeBound(it item, cue string, between *[]item) error {
	isDate := it.kind == kDate
	switch {
	case cue == cueBetw || len(*between) == 1:
		*between = append(*between, it)
		if len(*between) == 1 {
			return in.set("since", it.value, "between "+it.text)
		}
		err := in.set("until", it.value, "and "+it.text)
		*between = nil
		return err
	case cue == cueSince || cue == cueFrom:
		return in.set("since", it.value, cue+" "+it.text)
	case cue == cueAfter:
		if isDate {
			return in.set("since", shift(schema.Date(it.value), 1), cue+" "+it.text)
		}
		return in.set("since", it.value, cue+" "+it.text)
	case cue == cueUntil || cue == cueBy || cue == cueTo:
		return in.set("until", it.value, cue+" "+it.text)
	case cue == cueBefore:
		if isDate {
			return in.set("until", shift(schema.Date(it.value), -1), cue+" "+it.text)
		}
		return in.set("until", it.value, cue+" "+it.text)
	}
	if !isDate {
		return in.set("meeting", it.value, it.text)
	}
	if err := in.set("since", it.value, it.text); err != nil {
		return err
	}
	return in.set("until", it.value, it.text)
}

// shift moves a date by n periods of its own precision.
func shift(d schema.Date, n int) string {
	t := d.Start()
	switch d.Precision() {
	case schema.PrecisionYear:
		return t.AddDate(n, 0, 0).Format("2006")
	case schema.PrecisionMonth:
		return t.AddDate(0, n, 0).Format("2006-01")
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// parseDate reads a whole span as a date: "2023", "2023-05", "2023-05-17",
// "May 2023", "May 17, 2023", "May 17 2023", "17 May 2023".
func parseDate(toks []string) (schema.Date, bool) {
	switch len(toks) {
	case 1:
		d, err := schema.ParseDate(toks[0])
		if err != nil || d.Year() < 1900 || d.Year() > 2100 {
			return "", false
		}
		return d, true
	case 2:
		if m, ok := months[strings.ToLower(toks[0])]; ok {
			if y, ok := year(toks[1]); ok {
				return schema.MonthDate(y, time.Month(m)), true
			}
		}
	case 3:
		m, okM := months[strings.ToLower(toks[0])]
		day, okD := dayOf(toks[1])
		if !okM {
			m, okM = months[strings.ToLower(toks[1])]
			day, okD = dayOf(toks[0])
		}
		if y, okY := year(toks[2]); okM && okD && okY {
			t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day {
				return schema.DayDate(t), true
			}
		}
	}
	return "", false
}

func year(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	return y, err == nil && len(s) == 4 && y >= 1900 && y <= 2100
}

func dayOf(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimRight(s, ","), "th")
	for _, suf := range []string{"st", "nd", "rd"} {
		s = strings.TrimSuffix(s, suf)
	}
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return strings.Join(q, ", ")
}
