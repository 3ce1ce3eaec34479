package ingest

import (
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// findDatePlaceLines reads the block of short lines that a Kremlin page sets
// under its lead, one item to a line: the date, a time of day and the place
// ("December 21, 2026\n21:15\nSt Petersburg"). The place must be a city the
// gazetteer knows. Like a dateline, the block is information, and its date
// is the day of the event the page reports, which a header's publication
// date may follow by a day.
func findDatePlaceLines(text string, at int) (dateline, bool) {
	line, rest, _ := strings.Cut(text[at:], "\n")
	date := strings.TrimSpace(line)
	if date == "" || len(date) > 40 {
		return dateline{}, false
	}
	toks := tokenize(date, 0, len(date))
	ds := findDates(toks, time.Time{})
	if len(ds) != 1 || ds[0].date.Precision() != schema.PrecisionDay || ds[0].relative || ds[0].i != 0 || !onlyTimeAfter(toks[ds[0].j:]) {
		return dateline{}, false
	}
	end := at + len(line)
	for n := 0; n < 2; n++ {
		line, after, _ := strings.Cut(rest, "\n")
		l := strings.TrimSpace(line)
		if l == "" || len(l) > 40 {
			break
		}
		if onlyTimeAfter(tokenize(l, 0, len(l))) {
			end, rest = end+1+len(line), after // "21:15"
			continue
		}
		if _, ok := gazetteer.LookupCity(l); ok {
			return dateline{start: at, end: end + 1 + len(line), place: l, date: date}, true
		}
		break
	}
	return dateline{}, false
}
