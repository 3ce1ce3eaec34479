package ingest

import (
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/schema"
)

// This file holds what news reports of meetings need beyond official
// readouts: wire-copy stamps and bylines that date the story, ledes that
// report the meeting only in an attribution ("..., the ministry said after
// talks between ..."), and background that is no commitment.

// stampDate reads the date of a news story's stamp or byline line, a short
// line that ends with a full date: "Updated 5:47 PM GMT+5, May 20, 2026",
// "Eurasianet | Jun 26, 2026", "By Staff Report in Business on 28 August
// 2026". A line that is a sentence (closing stop) is none.
func stampDate(line string) (time.Time, bool) {
	if len(line) > 80 || strings.HasSuffix(line, ".") {
		return time.Time{}, false
	}
	toks := tokenize(line, 0, len(line))
	ds := findDates(toks, time.Time{})
	if len(ds) != 1 || ds[0].relative || ds[0].date.Precision() != schema.PrecisionDay || !onlyTimeAfter(toks[ds[0].j:]) {
		return time.Time{}, false
	}
	return ds[0].date.Start(), true
}
