package ingest

import (
	"strconv"
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Dates are resolved by a small resolver of our own. The maintained Go date
// parsers (araddon/dateparse and the like) read one absolute date string;
// readouts need the forms around it resolved against an anchor: "on
// Thursday" against the dateline, "in May last year", "in January this
// year", "since the beginning of the year", "over the last several months",
// "September 16-17", each to the precision the text gives.

var months = map[string]time.Month{
	"january": time.January, "jan": time.January, "february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March, "april": time.April, "apr": time.April, "may": time.May,
	"june": time.June, "jun": time.June, "july": time.July, "jul": time.July, "august": time.August,
	"aug": time.August, "september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October, "november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// dateExpr is a date expression found in a token slice: tokens [i, j).
type dateExpr struct {
	i, j int
	date schema.Date
	// past and future say how the expression relates to the anchor when
	// the words say so ("last year", "next year", "in the coming months").
	past, future bool
	relative     bool // resolved against the anchor
}

// monthOf reads a month token ("May", "Oct.", "Sept").
func monthOf(t token) (time.Month, bool) {
	if t.kind != tWord || !t.cap {
		return 0, false
	}
	m, ok := months[strings.TrimSuffix(t.low, ".")]
	if ok && t.low == "may" && t.text != "May" {
		return 0, false
	}
	return m, ok
}

// dayOf reads a day of month: "17", "3", "16-17" (the first day of a range),
// "17th".
func dayOf(t token) (int, bool) {
	s := t.low
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	if i := strings.IndexAny(s, "-–"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "stndrh")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 || len(s) > 2 {
		return 0, false
	}
	return n, true
}

// dashedDate reads a date written as one word with its parts joined by
// hyphens, as page stamps write it: "24-Feb-2026", "3-March-2025", and
// year first as ISO 8601 has it, which news sites' source lines use:
// "Source: Tianshannet | 2026-07-22 09:30".
func dashedDate(t token) (schema.Date, bool) {
	if t.kind != tWord || t.low == "" || t.low[0] < '0' || t.low[0] > '9' || strings.Count(t.low, "-") != 2 {
		return "", false
	}
	if d, err := schema.ParseDate(t.low); err == nil && d.Precision() == schema.PrecisionDay {
		return d, true // "2026-07-22"
	}
	ds, rest, _ := strings.Cut(t.low, "-")
	ms, ys, _ := strings.Cut(rest, "-")
	d, ok := dayOf(token{low: ds})
	m, okm := months[ms]
	y, oky := yearOf(token{low: ys})
	if !ok || !okm || !oky {
		return "", false
	}
	return dayDate(y, m, d), true
}

// zoneNames are the abbreviations of time zones that news sites stamp
// their stories with: Europe's, America's, Asia's and Central Asia's.
var zoneNames = makeSet(`wet west cet cest eet eest bst ist trt azt amt gst pkt tjt uzt kgt tmt almt
ict wib sgt hkt cst kst jst aest aedt est edt cdt mst mdt pst pdt akst akdt hst`)

// timeZone reports whether w names a clock's zone or half of the day
// after a time: "21:36 GMT", "09:12 GMT+5", "10:15 AM".
func timeZone(w string) bool {
	switch w {
	case "gmt", "utc", "am", "pm", "a.m.", "p.m.", "msk", "local", "time":
		return true
	}
	if zoneNames[w] {
		return true // "19:30 JST", "09:10 CET"
	}
	return strings.HasPrefix(w, "gmt+") || strings.HasPrefix(w, "utc+") || strings.HasPrefix(w, "gmt-") || strings.HasPrefix(w, "utc-")
}

// numericDate reads a numeric date at token i with its parts joined by
// full stops or slashes, day first, as Russian-language, Central Asian and
// most other outlets stamp their pages: "24.02.2026", "21/07/2026". A
// slashed date whose second part cannot be a month is month first, as
// American pages write it: "07/21/2026".
func numericDate(toks []token, i int) (schema.Date, bool) {
	if i+4 >= len(toks) || len(toks[i+2].low) != 2 {
		return "", false
	}
	sep := toks[i+1].text
	if sep != "." && sep != "/" || toks[i+3].text != sep {
		return "", false
	}
	for k := i; k < i+4; k++ {
		if toks[k].end != toks[k+1].start {
			return "", false // "on the 24. 02 was ..."
		}
	}
	d, ok := dayOf(toks[i])
	m, err := strconv.Atoi(toks[i+2].low)
	y, oky := yearOf(toks[i+4])
	if sep == "/" && ok && m > 12 && m <= 31 && d <= 12 {
		d, m = m, d
	}
	if !ok || err != nil || m < 1 || m > 12 || !oky {
		return "", false
	}
	return dayDate(y, time.Month(m), d), true
}

// yearOf reads a four-digit year between 1900 and 2100.
func yearOf(t token) (int, bool) {
	if len(t.low) != 4 || t.low[0] < '1' || t.low[0] > '2' {
		return 0, false
	}
	n, err := strconv.Atoi(t.low)
	if err != nil || n < 1900 || n > 2100 {
		return 0, false
	}
	return n, true
}

// weekdayOf reads a weekday's name, capitalised ("Thursday"). The case is
// tested first: it rules out most words without a lookup.
func weekdayOf(t token) (time.Weekday, bool) {
	if !t.cap {
		return 0, false
	}
	wd, ok := weekdays[t.low]
	return wd, ok
}

func tokLow(toks []token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].low
}

// findDates returns the date expressions of toks, resolved against anchor
// (the dateline, header or meeting date; zero when unknown, in which case
// relative forms are skipped). Expressions do not overlap.
func findDates(toks []token, anchor time.Time) []dateExpr {
	var out []dateExpr
	has := !anchor.IsZero()
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// Month-led: "July 3, 2024", "May 17", "Oct. 17", "September 16-17", "November 2022", "May last year", "May".
		if m, ok := monthOf(t); ok {
			j := i + 1
			if _, ok := dayOf(tokAt(toks, j+1)); ok && tokLow(toks, j) == "." && t.low != strings.ToLower(m.String()) {
				j++ // "Aug. 27": the tokenizer parts an abbreviation from its period
			}
			day, hasDay := 0, false
			if d, ok := dayOf(tokAt(toks, j)); ok {
				day, hasDay = d, true
				j++
				if tokLow(toks, j) == "," {
					if _, ok := yearOf(tokAt(toks, j+1)); ok {
						j++
					}
				}
			}
			if y, ok := yearOf(tokAt(toks, j)); ok {
				j++
				if hasDay {
					out = append(out, dateExpr{i: i, j: j, date: dayDate(y, m, day)})
				} else {
					out = append(out, dateExpr{i: i, j: j, date: schema.MonthDate(y, m)})
				}
				i = j - 1
				continue
			}
			// "May last year", "January this year", "March next year"
			if rel, k := relativeYear(toks, j); k > 0 && has {
				y := anchor.Year() + rel
				d := dateExpr{i: i, j: k, relative: true, past: rel < 0, future: rel > 0}
				if hasDay {
					d.date = dayDate(y, m, day)
				} else {
					d.date = schema.MonthDate(y, m)
				}
				out = append(out, d)
				i = k - 1
				continue
			}
			if !has {
				continue
			}
			// A bare month or month and day: the nearest such date not
			// long after the anchor (readouts report the recent past).
			if !hasDay && !monthContext(toks, i) {
				continue
			}
			y := anchor.Year()
			if hasDay {
				if dayDateTime(y, m, day).After(anchor.AddDate(0, 0, 7)) {
					y--
				}
				out = append(out, dateExpr{i: i, j: j, date: dayDate(y, m, day), relative: true})
			} else {
				// "last October" is October of last year, even said in
				// November; "in May" said in April is last year's too.
				last := tokLow(toks, i-1) == "last"
				// When something is planned ("agreed to hold the next
				// session in March", "the summit in November will give"),
				// or what was agreed starts ("a weekly train from
				// September"), a later month is this year's, still to come.
				planned := !last && (plannedAt(toks, i) || startsFrom(toks, i) || tokLow(toks, j) == "will")
				if m > anchor.Month() && !planned || last {
					y--
				}
				// A month before the anchor's is past, "first met in
				// February" said in April, unless it is planned.
				past := last || (y < anchor.Year() || m < anchor.Month()) && !planned
				out = append(out, dateExpr{i: i, j: j, date: schema.MonthDate(y, m), relative: true, past: past, future: planned && y == anchor.Year() && m > anchor.Month()})
			}
			i = j - 1
			continue
		}
		if date, ok := dashedDate(t); ok {
			out = append(out, dateExpr{i: i, j: i + 1, date: date})
			continue
		}
		if date, ok := numericDate(toks, i); ok {
			out = append(out, dateExpr{i: i, j: i + 5, date: date})
			i += 4
			continue
		}
		// Day-led: "17 May 2023", "3 July".
		if d, ok := dayOf(t); ok && !strings.ContainsAny(t.low, "-–") {
			if m, ok := monthOf(tokAt(toks, i+1)); ok {
				if y, ok := yearOf(tokAt(toks, i+2)); ok {
					out = append(out, dateExpr{i: i, j: i + 3, date: dayDate(y, m, d)})
					i += 2
					continue
				}
				if has {
					y := anchor.Year()
					if dayDateTime(y, m, d).After(anchor.AddDate(0, 0, 7)) {
						y--
					}
					out = append(out, dateExpr{i: i, j: i + 2, date: dayDate(y, m, d), relative: true})
					i++
					continue
				}
			}
		}
		// A year after a preposition: "in 2026", "since 2019", "by 2030";
		// before a meeting word: "his 2019 state visit", "the 2022 summit".
		if y, ok := yearOf(t); ok {
			n := i + 1
			for n < len(toks) && n < i+3 && visitKinds[toks[n].low] {
				n++
			}
			b := i - 1
			if tokLow(toks, b) == "own" {
				b-- // "his own 2019 visit"
			}
			if refWords[tokLow(toks, n)] && b >= 0 && (toks[b].kind == tPoss || possPronouns[toks[b].low] || toks[b].low == "the") {
				d := dateExpr{i: i, j: i + 1, date: schema.YearDate(y)}
				if has {
					d.past, d.future = y < anchor.Year(), y > anchor.Year()
				}
				out = append(out, d)
				continue
			}
			switch tokLow(toks, i-1) {
			case "in", "since", "by", "until", "of", "for", "during", "from", "to", "early", "late", "mid", "mid-":
				d := dateExpr{i: i, j: i + 1, date: schema.YearDate(y)}
				if has {
					d.past, d.future = y < anchor.Year(), y > anchor.Year()
				}
				out = append(out, d)
				continue
			}
		}
		if !has {
			continue
		}
		switch t.low {
		case "today", "tonight":
			out = append(out, dateExpr{i: i, j: i + 1, date: schema.DayDate(anchor), relative: true})
			continue
		case "yesterday":
			out = append(out, dateExpr{i: i, j: i + 1, date: schema.DayDate(anchor.AddDate(0, 0, -1)), relative: true, past: true})
			continue
		case "tomorrow":
			out = append(out, dateExpr{i: i, j: i + 1, date: schema.DayDate(anchor.AddDate(0, 0, 1)), relative: true, future: true})
			continue
		}
		if wd, ok := weekdayOf(t); ok {
			// "on Thursday": the latest such day not after the anchor.
			back := (int(anchor.Weekday()) - int(wd) + 7) % 7
			if tokLow(toks, i-1) == "next" {
				continue
			}
			out = append(out, dateExpr{i: i, j: i + 1, date: schema.DayDate(anchor.AddDate(0, 0, -back)), relative: true})
			continue
		}
		// "last autumn": the season of the year before
		if t.low == "last" && seasons[tokLow(toks, i+1)] {
			out = append(out, dateExpr{i: i, j: i + 2, date: schema.YearDate(anchor.Year() - 1), relative: true, past: true})
			i++
			continue
		}
		// "this spring": the anchor's year, and over when the season
		// ended before the anchor's month ("met in Tashkent this spring",
		// written in September).
		if t.low == "this" && seasons[tokLow(toks, i+1)] {
			end := seasonEnd[tokLow(toks, i+1)]
			out = append(out, dateExpr{i: i, j: i + 2, date: schema.YearDate(anchor.Year()), relative: true, past: end > 0 && anchor.Month() > end})
			i++
			continue
		}
		// "in the summer", "in spring": a season without its year is the
		// anchor's, over when it ended before the anchor's month ("spoke
		// on the sidelines of the summit in Bishkek in the summer",
		// written in December); not "in the summer of 2025".
		if k := seasonAfterIn(toks, i); k > 0 {
			end := seasonEnd[toks[k].low]
			out = append(out, dateExpr{i: i + 1, j: k + 1, date: schema.YearDate(anchor.Year()), relative: true, past: end > 0 && anchor.Month() > end})
			i = k
			continue
		}
		// "two years ago", "a year ago", "three months ago"
		if n, ok := countBeforeAgo(toks, i); ok {
			switch toks[i+1].low {
			case "year", "years":
				out = append(out, dateExpr{i: i, j: i + 3, date: schema.YearDate(anchor.Year() - n), relative: true, past: true})
				i += 2
				continue
			case "month", "months":
				m := anchor.AddDate(0, -n, 1-anchor.Day())
				out = append(out, dateExpr{i: i, j: i + 3, date: schema.MonthDate(m.Year(), m.Month()), relative: true, past: true})
				i += 2
				continue
			}
		}
		// "at the end of that month", "later that year", "the same
		// month": the month or year of the date before it.
		if (t.low == "that" || t.low == "same") && len(out) > 0 && !out[len(out)-1].date.IsZero() {
			prev := out[len(out)-1]
			switch n := tokLow(toks, i+1); {
			case n == "month" && prev.date.Precision() != schema.PrecisionYear:
				st := prev.date.Start()
				out = append(out, dateExpr{i: i, j: i + 2, date: schema.MonthDate(st.Year(), st.Month()), relative: true, past: prev.past, future: prev.future})
				i++
				continue
			case n == "year":
				out = append(out, dateExpr{i: i, j: i + 2, date: schema.YearDate(prev.date.Year()), relative: true, past: prev.past, future: prev.future})
				i++
				continue
			}
		}
		// "last year", "this year", "next year", "last month", "this month",
		// "last week"; "over the past year" is a span, not last year.
		if n := tokLow(toks, i+1); (n == "year" || n == "month" || n == "week") && !(t.low == "past" && tokLow(toks, i-1) == "the") {
			if rel, ok := relOffset(t.low); ok {
				de := dateExpr{i: i, j: i + 2, relative: true, past: rel < 0, future: rel > 0}
				switch n {
				case "year":
					de.date = schema.YearDate(anchor.Year() + rel)
				case "month":
					m := anchor.AddDate(0, rel, 1-anchor.Day())
					de.date = schema.MonthDate(m.Year(), m.Month())
				case "week":
					// "held talks in Beijing last week": the month of the
					// day a week away, the text giving no day.
					w := anchor.AddDate(0, 0, 7*rel)
					de.date = schema.MonthDate(w.Year(), w.Month())
				}
				out = append(out, de)
				i++
				continue
			}
		}
		// "earlier this year", "since the beginning of the year", "over the
		// last several months", "in recent months": within the anchor's year.
		if k := matchWords(toks, i, []string{"earlier", "this", "month"}); k > 0 {
			out = append(out, dateExpr{i: i, j: k, date: schema.MonthDate(anchor.Year(), anchor.Month()), relative: true, past: true})
			i = k - 1
			continue
		}
		if t.low != "earlier" && t.low != "since" && t.low != "over" && t.low != "in" {
			continue
		}
		if k := spanOfYear(toks, i); k > 0 {
			out = append(out, dateExpr{i: i, j: k, date: schema.YearDate(anchor.Year()), relative: true, past: true})
			i = k - 1
			continue
		}
		if k := comingPeriod(toks, i); k > 0 {
			out = append(out, dateExpr{i: i, j: k, relative: true, future: true})
			i = k - 1
			continue
		}
	}
	return out
}

// relOffset is the offset, in units of the noun after it, of a relative
// date word: "last year", "this month", "next week".
func relOffset(w string) (int, bool) {
	switch w {
	case "last", "past", "previous":
		return -1, true
	case "this":
		return 0, true
	case "next":
		return 1, true
	}
	return 0, false
}

// monthContext reports whether a bare month at i is used as a date ("in
// May", "since May", "May's meeting") rather than, say, a name.
func monthContext(toks []token, i int) bool {
	switch tokLow(toks, i-1) {
	case "in", "since", "of", "until", "by", "during", "early", "late", "mid", "from", "last", "this":
		return true
	case "and", "or":
		// "in February and April": a month coordinated with one
		return monthName(tokAt(toks, i-2)) && monthContext(toks, i-2)
	}
	return false
}

// relativeYear reads "last year", "this year", "next year" at j and returns
// the offset in years and the index after it (0 when absent).
func relativeYear(toks []token, j int) (int, int) {
	if tokLow(toks, j) == "of" {
		j++
	}
	if tokLow(toks, j+1) != "year" {
		return 0, 0
	}
	switch tokLow(toks, j) {
	case "last", "previous":
		return -1, j + 2
	case "this":
		return 0, j + 2
	case "next":
		return 1, j + 2
	}
	return 0, 0
}

// spanOfYear matches the expressions of a period that ends at the anchor
// within its year.
func spanOfYear(toks []token, i int) int {
	for _, p := range spanOfYearPhrases {
		if k := matchWords(toks, i, p); k > 0 {
			return k
		}
	}
	return 0
}

// matchWords returns the index after words if toks[i:] starts with them.
func matchWords(toks []token, i int, words []string) int {
	for k, w := range words {
		if tokLow(toks, i+k) != w {
			return 0
		}
	}
	return i + len(words)
}

var spanOfYearPhrases = [][]string{
	{"earlier", "this", "year"},
	{"since", "the", "beginning", "of", "the", "year"},
	{"since", "the", "start", "of", "the", "year"},
	{"since", "the", "beginning", "of", "this", "year"},
	{"since", "the", "start", "of", "this", "year"},
	{"over", "the", "last", "several", "months"},
	{"over", "the", "past", "several", "months"},
	{"over", "the", "last", "few", "months"},
	{"over", "the", "past", "few", "months"},
	{"in", "recent", "months"},
	{"over", "recent", "months"},
	{"in", "the", "past", "few", "months"},
	{"in", "the", "last", "few", "months"},
}

// comingPeriod matches "in the coming months", "in the coming weeks", "in
// the near future": a future without a date.
func comingPeriod(toks []token, i int) int {
	if tokLow(toks, i) == "in" && tokLow(toks, i+1) == "the" {
		switch tokLow(toks, i+2) {
		case "coming", "next", "months", "weeks", "near":
			return i + 4
		}
	}
	return 0
}

func tokAt(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{}
	}
	return toks[i]
}

func dayDateTime(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dayDate(y int, m time.Month, d int) schema.Date {
	t := dayDateTime(y, m, d)
	if t.Month() != m { // "February 30"
		return schema.MonthDate(y, m)
	}
	return schema.DayDate(t)
}

// anchorTime turns a Date into the time it starts, zero for an unknown date.
func anchorTime(d schema.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.Start()
}

// countBeforeAgo is the count at token i of "two years ago". The "ago" two
// words on is tested first: it rules out nearly every word without a
// lookup.
func countBeforeAgo(toks []token, i int) (int, bool) {
	if i+2 >= len(toks) || toks[i+2].low != "ago" {
		return 0, false
	}
	return agoCount(toks[i].low)
}

// agoCount reads the count of "two years ago", "a year ago".
func agoCount(w string) (int, bool) {
	switch w {
	case "a", "one":
		return 1, true
	}
	if n, ok := countWords[w]; ok && n > 0 {
		return n, true
	}
	if len(w) == 1 && w[0] >= '1' && w[0] <= '9' {
		return int(w[0] - '0'), true
	}
	return 0, false
}

var seasons = makeSet(`spring summer autumn fall winter`)

// seasonAfterIn returns the index of the season of "in the summer", "in
// spring" at token i, or 0 when there is none or a year follows it ("in the
// summer of 2025", "in spring 2025").
func seasonAfterIn(toks []token, i int) int {
	if toks[i].low != "in" {
		return 0
	}
	k := i + 1
	if tokLow(toks, k) == "the" {
		k++
	}
	if !seasons[tokLow(toks, k)] {
		return 0
	}
	if n := tokAt(toks, k+1); n.low == "of" {
		return 0
	} else if _, ok := yearOf(n); ok {
		return 0
	}
	return k
}

// seasonEnd is the last month of a northern season within its year;
// winter spans two years and has none.
var seasonEnd = map[string]time.Month{"spring": time.May, "summer": time.August, "autumn": time.November, "fall": time.November}

// visitKinds qualify a visit or meeting: "state visit", "official talks".
var visitKinds = makeSet(`state official working bilateral informal`)
