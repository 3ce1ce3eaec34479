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

// earlierMeeting reports whether a sentence dates what it reports
// explicitly before the story ("a meeting between the two presidents in
// Tianjin last September", "his visit in May last year"): a background
// paragraph on an earlier meeting, not the one the story reports.
func earlierMeeting(toks []token, anchor time.Time) bool {
	for _, de := range findDates(toks, anchor) {
		if de.past && de.date.Precision() != schema.PrecisionDay { // not "met yesterday"
			return true
		}
	}
	return false
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
// city of Atyrau", "in the southern town of Kulob" (at most three words
// between "the" and the noun).
func describedTown(toks []token, i int) bool {
	if tokLow(toks, i-1) != "of" || !townNouns[tokLow(toks, i-2)] {
		return false
	}
	for k := i - 3; k >= 0 && k >= i-6; k-- {
		if toks[k].low == "the" {
			return tokLow(toks, k-1) == "in"
		}
		if toks[k].kind != tWord || toks[k].cap {
			return false
		}
	}
	return false
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
		return false
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
	return len(head) > 3 && head[len(head)-1] == 's' && !strings.HasSuffix(head, "ss")
}
