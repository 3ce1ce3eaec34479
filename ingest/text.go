package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// header is what the optional `key value` lines at the top of a text say.
// body is the byte offset where the readout proper begins: after the last
// header line, or inside it when the header shares its line with the first
// sentence (" date 2024-07-14 On the afternoon of ...").
type header struct {
	date          schema.Date
	source, title string
	body          int
}

// parseHeader reads the header lines at the start of text. A line counts as
// a header only when its key is known and its value has the key's form, so a
// readout that happens to start with "Date" or "Title" is not eaten.
func parseHeader(text string) header {
	var h header
	pos := 0
	for pos < len(text) {
		lineEnd := strings.IndexByte(text[pos:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += pos
		}
		line := text[pos:lineEnd]
		lead := len(line) - len(strings.TrimLeft(line, " \t\r\ufeff"))
		rest := line[lead:]
		if strings.TrimSpace(rest) == "" {
			pos = lineEnd + 1
			h.body = min(pos, len(text))
			continue
		}
		key, val, ok := strings.Cut(rest, " ")
		if !ok {
			key, val, ok = strings.Cut(rest, "\t")
		}
		if !ok {
			break
		}
		key = strings.ToLower(strings.TrimSuffix(key, ":"))
		valTrim := strings.TrimLeft(val, " \t")
		valStart := pos + lead + len(rest) - len(valTrim)
		first, after, _ := strings.Cut(valTrim, " ")
		first = strings.TrimRight(first, "\r")
		switch key {
		case "date", "published":
			d, err := schema.ParseDate(first)
			if err != nil {
				d = parsePublished(first)
			}
			if d == "" || !h.date.IsZero() {
				return h
			}
			h.date = d
			if strings.TrimSpace(after) != "" { // the first sentence shares the line
				h.body = valStart + len(first) + (len(after) - len(strings.TrimLeft(after, " \t")) + 1)
				return h
			}
		case "source", "url":
			if !strings.Contains(first, "://") && !strings.Contains(first, ".") || h.source != "" {
				return h
			}
			h.source = first
			if strings.TrimSpace(after) != "" {
				h.body = valStart + len(first) + (len(after) - len(strings.TrimLeft(after, " \t")) + 1)
				return h
			}
		case "title":
			if h.title != "" {
				return h
			}
			h.title = strings.TrimSpace(valTrim)
		default:
			return h
		}
		pos = lineEnd + 1
		h.body = min(pos, len(text))
	}
	return h
}

// dateline is the place-and-date lead of a news-agency report: "XI'AN, May 18
// (Xinhua) --", "BEIJING, Oct. 17 (Xinhua) --", "XI'AN. KAZINFORM –",
// "MOSCOW, March 5. /TASS/.". It is information, not text to extract from.
type dateline struct {
	start, end int // the span to skip
	place      string
	date       string // "May 18", "Oct. 17", "" when none
	country    string // "Azerbaijan" of "Khankendi (Azerbaijan), 4 July 2024:"
	agency     string
}

var (
	// An upper-case place with an optional date and agency, then a dash
	// and a space ("ASTANA. Kassym-Jomart Tokayev" has no agency), or an
	// em dash set close, as American papers write ("ORSK, Russia—The").
	// American stations abbreviate the state and name themselves by
	// call sign: "TEMPE, Ariz. (3TV/CBS 5) —".
	datelineCaps = regexp.MustCompile(`^([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,3})(?:,\s*([A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+)?)\.?)?(?:,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\(([A-Za-z0-9][A-Za-z0-9 ./&-]{1,30})\)|\.?\s*/([A-Za-z]{2,20})/\.?|[.,]\s*([A-Z][A-Za-z]{2,20}))?\s*(?:(?:--|–|—|-)(?:\s+|$)|—)`)
	// The same with the agency between slashes and no dash, as TASS
	// writes: "MOSCOW, June 3. /TASS/. ...".
	datelineCapsSlash = regexp.MustCompile(`^([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,3}),\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\.?\s*/([A-Za-z]{2,20})/\.?\s+`)
	// An upper-case place, its country, a date and a full stop, as Trend
	// and Turkmen agencies write: "BAKU, Azerbaijan, March 3. ...",
	// "ASHGABAT, 3 March. ...".
	datelineCapsStop = regexp.MustCompile(`^([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,3})(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?,\s*((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)\.\s+`)
	// An upper-case city and a colon or a full stop, as Indian agencies
	// ("NEW DELHI: ...") and Akorda ("BAKU. Head of State ...") write.
	datelineBare = regexp.MustCompile(`^([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2})[:.]\s+`)
	// A capitalised place needs a date or an agency to count.
	// "Astana, May 20, 2024:" and "Khankendi (Azerbaijan), 4 July 2024:"
	// end in a colon; the country in brackets is group 7.
	datelineTitle = regexp.MustCompile(titlePlaceDate + `\s*(?:\(([A-Za-z][A-Za-z .&-]{1,30})\)|\.?\s*/([A-Za-z]{2,20})/\.?|\.\s*([A-Z][A-Za-z]{2,20}))?\s*(?:--|–|—|-|:)\s*`)
	// A capitalised place and its country before a dash, with no date:
	// "Turkistan, Kazakhstan — ..."; the country must be one.
	datelineTitleCountry = regexp.MustCompile(`^([A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}), ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*(?:--|–|—)\s*`)
	// The same ended by a full stop, after the agency or not, as Central
	// Asian agencies and governments write: "Ashgabat, 30 April (TDH).
	// Today, ...", "Bishkek, October 7 /Kabar/. ...", "Ashgabat, 10
	// November. Today, ...".
	datelineTitleStop = regexp.MustCompile(titlePlaceDate + `\s*(?:\(([A-Za-z][A-Za-z .&-]{1,30})\)|/([A-Za-z]{2,20})/)?\.\s+`)
)

// titlePlaceDate opens a capitalised dateline: a place (in capitals too:
// "TASHKENT, July 8 (UzA). ..."), a country in brackets (group 2), and a
// date (group 3), which Russian agencies follow with the time of day
// ("Kara-Balta, 1 September 2026, 15:42 — REGNUM."). A place's hyphenated
// parts may each be capitalised ("Kara-Balta", "Cholpon-Ata").
const titlePlaceDate = `^([A-Z](?:[a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z'’\-]+)(?: [A-Z](?:[a-z'’\-]+|[A-Z'’\-]+)){0,2})(?:\s*\(([A-Z][A-Za-z' ]{2,40})\))?(?:,\s*[A-Z][a-z]+)?[,.]\s*((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)(?:,\s*\d{1,2}:\d{2})?`

// findDateline looks for a dateline at offset at (the start of a
// paragraph), or at the start of the next line when the line at offset at
// is a title with no closing stop set directly above it: "Kazakhstan,
// Mongolia to boost rail freight\nASTANA, Nov. 4 (Xinhua) --". A dateline
// opens a line, whatever the paragraph it is in.
func findDateline(text string, at int) (dateline, bool) {
	if d, ok := datelineAt(text, at); ok {
		return d, true
	}
	line, _, found := strings.Cut(text[at:min(len(text), at+200)], "\n")
	line = strings.TrimRight(line, " \t\r")
	if !found || line == "" || strings.ContainsAny(line[len(line)-1:], ".!?:;,") {
		return dateline{}, false
	}
	return datelineAt(text, at+len(line)+strings.IndexByte(text[at+len(line):], '\n')+1)
}

// datelineStart reports whether s can open a dateline, before any of the
// dateline patterns is tried: every one opens with an ASCII capital, and
// one whose first word is not in capitals ("Bishkek, October 7 ...",
// "Khankendi (Azerbaijan), 4 July 2024:") has a comma, full stop or bracket
// after at most three capitalised words, which a sentence ("The two
// presidents ...") has not.
func datelineStart(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	if len(s) < 2 || s[1] < 'a' || s[1] > 'z' {
		return true // "ASTANA", "TASHKENT, July 8"
	}
	for w := 0; w < 3; w++ {
		if s == "" || s[0] < 'A' || s[0] > 'Z' {
			return false
		}
		i := strings.IndexAny(s, " ,.(")
		if i < 0 {
			return false
		}
		if s[i] != ' ' {
			return true
		}
		s = s[i+1:]
		if s != "" && s[0] == '(' {
			return true
		}
	}
	return false
}

// agencyAfterDash matches the agency that some news sites set after the
// dateline's dash, as a sentence of one word: "DUSHANBE, April 23 —
// Tojnews. Russia and ...", "Kara-Balta, 1 September 2026, 15:42 —
// REGNUM. ...". Left in the body, it would stand before the lead.
var agencyAfterDash = regexp.MustCompile(`^([A-Z][A-Za-z]{2,20})\.\s+[A-Z]`)

// withAgencyAfter extends dateline d, which ends at offset d.end of text,
// over an agency set after its dash.
func withAgencyAfter(text string, d dateline) dateline {
	if m := agencyAfterDash.FindStringSubmatchIndex(text[d.end:min(len(text), d.end+40)]); m != nil && d.agency == "" {
		d.agency = text[d.end+m[2] : d.end+m[3]]
		d.end += m[3] + 1
		for d.end < len(text) && (text[d.end] == ' ' || text[d.end] == '\t') {
			d.end++
		}
	}
	return d
}

// datelineAt reads a dateline at offset at.
func datelineAt(text string, at int) (dateline, bool) {
	s := text[at:]
	if len(s) > 160 {
		s = s[:160]
	}
	if !datelineStart(s) {
		return dateline{}, false
	}
	if m := datelineCaps.FindStringSubmatchIndex(s); m != nil {
		place := s[m[2]:m[3]]
		if strings.ToUpper(place) != place || len(strings.Trim(place, ".'’-")) < 3 {
			return dateline{}, false
		}
		d := dateline{start: at, end: at + m[1], place: strings.TrimRight(place, ".")}
		if m[4] >= 0 {
			d.country = s[m[4]:m[5]] // "KURYK, Kazakhstan—"
		}
		if m[6] >= 0 {
			d.date = s[m[6]:m[7]]
		}
		for _, g := range []int{8, 10, 12} {
			if m[g] >= 0 {
				d.agency = s[m[g]:m[g+1]]
			}
		}
		return withAgencyAfter(text, d), true
	}
	if m := datelineCapsSlash.FindStringSubmatchIndex(s); m != nil {
		return dateline{start: at, end: at + m[1], place: s[m[2]:m[3]], date: s[m[4]:m[5]], agency: s[m[6]:m[7]]}, true
	}
	if m := datelineCapsStop.FindStringSubmatchIndex(s); m != nil {
		for _, w := range strings.Fields(s[m[4]:m[5]]) {
			if _, month := months[strings.ToLower(strings.TrimRight(w, ".,"))]; month {
				return dateline{start: at, end: at + m[1], place: s[m[2]:m[3]], date: s[m[4]:m[5]]}, true
			}
		}
	}
	if m := datelineBare.FindStringSubmatch(s); m != nil {
		// "SAMARKAND: Prime Minister ...": a known city only, since
		// capitals before a colon are as often a heading ("NOTE:")
		if c, ok := gazetteer.LookupCity(m[1]); ok {
			return dateline{start: at, end: at + len(m[0]), place: c.Name}, true
		}
	}
	if m := datelineTitleCountry.FindStringSubmatch(s); m != nil {
		_, placeIsCountry := gazetteer.LookupCountry(m[1]) // not "Russia, China — ..."
		if _, ok := gazetteer.LookupCountry(m[2]); ok && !placeIsCountry {
			return dateline{start: at, end: at + len(m[0]), place: m[1], country: m[2]}, true
		}
	}
	for _, re := range []*regexp.Regexp{datelineTitle, datelineTitleStop} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			if _, day := weekdays[strings.ToLower(s[m[2]:m[3]])]; day {
				break // "Monday, 10 November." is a date, not a place
			}
			d := dateline{start: at, end: at + m[1], place: s[m[2]:m[3]], date: s[m[6]:m[7]]}
			if m[4] >= 0 {
				d.country = s[m[4]:m[5]]
			}
			for g := 8; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					d.agency = s[m[g]:m[g+1]]
				}
			}
			return withAgencyAfter(text, d), true
		}
	}
	return dateline{}, false
}

// placeLine matches a first line that only names where the readout was
// made, as Kremlin pages open: "The Kremlin, Moscow", "Novo-Ogaryovo,
// Moscow Region". Capitalised words in two or three comma-separated parts.
var placeLine = regexp.MustCompile(`^[A-Z][\pL'’\-]*(?: [A-Z][\pL'’\-]*){0,3}(?:, [A-Z][\pL'’\-]*(?: [A-Z][\pL'’\-]*){0,2}){1,2}$`)

// findPlaceLine reads a place line at offset at (the start of a paragraph)
// whose last part is a city the gazetteer knows, or a line that is only
// such a city in capitals; it is information, like a dateline, with no
// date.
func findPlaceLine(text string, at int) (dateline, bool) {
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		return dateline{}, false
	}
	line := strings.TrimRight(text[at:at+end], " \t\r")
	date := ""
	if m := placeLineDate.FindStringSubmatch(line); m != nil {
		// "October 6, 2023, The Kremlin, Moscow": the date, then the place
		date, line = m[1], line[len(m[0]):]
	}
	if date == "" && len(line) <= 30 && line == strings.ToUpper(line) {
		// "ISTANBUL": a wire dateline set on a line of its own.
		if city, ok := gazetteer.LookupCity(line); ok {
			return dateline{start: at, end: at + end, place: city.Name}, true
		}
	}
	if len(line) > 60 || !placeLine.MatchString(line) {
		return dateline{}, false
	}
	parts := strings.Split(line, ", ")
	last := parts[len(parts)-1]
	if city, ok := gazetteer.LookupCity(last); ok {
		return dateline{start: at, end: at + end, place: city.Name, date: date}, true
	}
	// "Novo-Ogaryovo, Moscow Region", "Valdai, Novgorod Region": a
	// residence the gazetteer lacks, set in the region of a city it knows.
	sp := strings.LastIndexByte(last, ' ')
	region, noun := last[:max(sp, 0)], last[sp+1:]
	if city, ok := gazetteer.LookupCity(region); ok && regionNouns[strings.ToLower(noun)] {
		c, _ := gazetteer.CountryByCode(city.Country)
		return dateline{start: at, end: at + end, place: parts[len(parts)-2], date: date, country: c.Name}, true
	}
	return dateline{}, false
}

// placeLineDate is a date before a place line, as Kremlin pages set the two
// on one line: "October 6, 2023, The Kremlin, Moscow", "6 October 2023, ".
var placeLineDate = regexp.MustCompile(`^((?:[A-Z][a-z]{2,8} \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8},? \d{4})),\s+`)

// documentID is "d" + the first 16 hex digits of the SHA-256 of the
// normalised body (NFKC, white space collapsed, header lines excluded), so
// the same readout with other line breaks or a header has one id.
func documentID(body string) string {
	n := body
	if !isASCII(body) { // ASCII is in NFKC already
		n = norm.NFKC.String(body)
	}
	// The words joined by single spaces, hashed a buffer at a time: a
	// Write per word cost more than the copy, and a copy of the whole body
	// was a twentieth of the bytes an extraction allocated.
	// A stretch of words that single spaces already join, most of a
	// line, goes in whole.
	h := sha256.New()
	var buf [4096]byte
	words := buf[:0]
	sep := false
	for i := 0; i < len(n); {
		for i < len(n) && isSpaceByte(n[i]) {
			i++
		}
		j := i
		for j < len(n) && (n[j] > ' ' || n[j] == ' ' && j+1 < len(n) && n[j+1] > ' ' || !isSpaceByte(n[j])) {
			j++
		}
		if j == i {
			break // white space to the end
		}
		if sep {
			if len(words) == len(buf) {
				h.Write(words)
				words = words[:0]
			}
			words = append(words, ' ')
		}
		for s := n[i:j]; s != ""; {
			if len(words) == len(buf) {
				h.Write(words)
				words = words[:0]
			}
			k := copy(buf[len(words):], s)
			words, s = buf[:len(words)+k], s[k:]
		}
		sep = true
		i = j
	}
	h.Write(words)
	return "d" + hex.EncodeToString(h.Sum(nil)[:8])
}
