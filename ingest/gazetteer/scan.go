package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scan returns every mention of a country, demonym or city in text, in
// order: at each word the longest name that starts there wins, and the
// mentions do not overlap. Names match whole words only ("Chinaware" names
// nothing), in their own capitalisation or in capitals ("China", "CHINA",
// not "china"; "US" not "us"), across either apostrophe, and with a
// possessive "'s" left out of the mention. A hyphen separates words, so
// "China-Kyrgyzstan" is two mentions, while a hyphenated name
// ("Guinea-Bissau") is one.
//
// Scan tokenises the text once and walks a trie of lowercased words, so its
// cost is linear in the text and does not grow with the number of names.
func Scan(text string) []Mention {
	var s scanner
	s.tokenize(text)
	toks := s.toks
	// Readouts name a place every ten words or so: room for one in eight
	// saves growing the slice from nothing.
	out := make([]Mention, 0, len(toks)/8)
	for i := 0; i < len(toks); {
		end, last := -1, -1
		var found *hit
		try := func(n uint32, j int, stem bool) {
			if n == 0 {
				return
			}
			if h := gaz.trie.match(n, toks[i:j+1]); h != nil && (!h.abbrev || inMixedCase(toks, i, j)) && (h.local && inPlaceContext(text, &s, i, j, out) || !h.local && (!h.personal || !inPersonName(toks, i, j))) {
				found, last = h, j
				end = int(toks[j].end)
				if stem {
					end = int(toks[j].stemEnd)
				}
			}
		}
		t := &toks[i]
		// A word that is not capitalised can only start a name whose
		// first word may be in any case (lowerFirst).
		capital := t.upperInit || t.allUpper
		if t.possessive() && (capital || gaz.lowerFirst[string(s.buf[t.lo:t.stemHi])]) {
			try(gaz.trie.child(0, s.buf[t.lo:t.stemHi]), i, true)
		}
		var n uint32 // a trie node, 0 (the root) for none
		// The conversion in the index expression copies nothing.
		if capital || gaz.lowerFirst[string(s.buf[t.lo:t.hi])] {
			n = gaz.trie.child(0, s.buf[t.lo:t.hi])
		}
		for j := i; n != 0; {
			try(n, j, false)
			j++
			if j >= len(toks) || toks[j].join == 0 {
				break
			}
			t := &toks[j]
			if t.possessive() {
				try(gaz.trie.child(n, s.buf[t.lo-1:t.stemHi]), j, true)
			}
			n = gaz.trie.child(n, s.buf[t.lo-1:t.hi])
		}
		if found == nil || found.kind != MentionCity && s.innerRegion(i) {
			i++
			continue
		}
		out = append(out, Mention{Start: int(toks[i].start), End: end, Kind: found.kind, Code: gaz.countries[found.country].Code, City: gaz.names.get(found.city)})
		i = last + 1
	}
	return out
}

// innerRegion reports whether the country's name or adjective at token i
// is part of a region's name that sets it inside another country: "Inner
// Mongolia" is a region of China, an "Inner Mongolian" company Chinese. A compass word does not ("North Kazakhstan Region"
// is Kazakhstan's; "North Korea" is a name of its own).
func (s *scanner) innerRegion(i int) bool {
	if i == 0 || s.toks[i].join != ' ' || !s.toks[i-1].upperInit {
		return false
	}
	p := &s.toks[i-1]
	return string(s.buf[p.lo:p.hi]) == "inner"
}

// trie holds the names Scan finds. Node 0 is the root, whose children
// are keyed by a lower-cased word; the other nodes' children by the
// joining byte (' ' or '-') and the word. It holds no pointers (see
// table.go).
type trie struct {
	edges  table[uint32] // (node, key) -> child node
	hitsAt []uint32      // the names ending at node n are hits[hitsAt[n]:hitsAt[n+1]]
	hits   []hit
	cases  []caseRule // the case rules of the hits' words (hit.cases)
}

// child returns the child of node n under key, 0 when there is none.
func (t *trie) child(n uint32, key []byte) uint32 {
	c, _ := lookup(&t.edges, n, key)
	return c
}

// hit is a name that ends at a node, with the capitalisation its words
// require.
type hit struct {
	cases    uint32 // its words' case rules are trie.cases[cases:cases+words]
	words    uint32
	abbrev   bool // every word in capitals: "US", "U.S.", "PRC"
	personal bool // a city whose name is also a given name ("Vladimir"), or a GeoNames alternate name ("Khalil")
	local    bool // a small town, read only as a place (see inPlaceContext)
	kind     Kind
	country  uint16 // index in gazetteer.countries (of the city, for a city)
	city     strRef // in gazetteer.names: the name a city is reported under
}

type caseRule uint8

const (
	anyCase   caseRule = iota // "of", "the", "el"
	upperInit                 // "China" matches "China" and "CHINA"
	allUpper                  // "US", "U.S."
)

// match returns the first name ending at node n whose capitalisation toks
// have, or nil.
func (t *trie) match(n uint32, toks []token) *hit {
	for k := t.hitsAt[n]; k < t.hitsAt[n+1]; k++ {
		h := &t.hits[k]
		if accepts(t.cases[h.cases:h.cases+h.words], toks) {
			return h
		}
	}
	return nil
}

// inMixedCase reports whether the words around toks[i:j+1] are not all
// in capitals: in a headline in capitals ("CHINA, US AGREE"), "AS" or "IN"
// is a word, not American Samoa or India, so abbreviations are read only
// next to ordinary text.
func inMixedCase(toks []token, i, j int) bool {
	caps := false
	for _, k := range []int{i - 1, j + 1} {
		if k < 0 || k >= len(toks) {
			continue
		}
		if toks[k].lower {
			return true
		}
		if toks[k].allUpper && toks[k].stemHi-toks[k].lo >= 2 {
			caps = true
		}
	}
	return !caps
}

// inPersonName reports whether toks[i:j+1] may be part of a person's name:
// the next word is capitalised ("Vladimir Putin"), or the previous one is
// and does not start a sentence or clause ("Secretary Austin") nor is a
// possessive ("Turkmenistan's Mary"). A city that is also a given name is
// not read there.
func inPersonName(toks []token, i, j int) bool {
	if j+1 < len(toks) && toks[j+1].join == ' ' && toks[j+1].upperInit && toks[j].stemEnd == toks[j].end {
		return true
	}
	return i > 0 && toks[i].join == ' ' && toks[i-1].upperInit && toks[i-1].join != 0 && !toks[i-1].possessive()
}

// placeWords before a small town's name make it a place: "in Borjomi",
// "talks at Shusha", "a resort near Cholpon-Ata", "the town of Serhetabat".
var placeWords = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "around": true,
	"town": true, "city": true, "village": true, "resort": true, "port": true, "settlement": true,
}

// eventWords after "the" and a small town's name make it a place: a
// meeting or a site named after the town ("the Gabala Summit", "the
// Borjomi talks", "the Erenhot border crossing").
var eventWords = map[string]bool{
	"summit": true, "talks": true, "meeting": true, "forum": true, "conference": true, "consultations": true,
	"border": true, "checkpoint": true, "airport": true,
}

// regionWords in the possessive place the town after them: "in Orenburg
// region's Sol-Iletsk", "the province's Korla".
var regionWords = map[string]bool{
	"region": true, "province": true, "oblast": true, "district": true, "county": true, "prefecture": true,
}

// inPlaceContext reports whether the name at toks[i:j+1] is in a place
// context, where a small town (hit.local) is read: naming a meeting ("the
// Gabala Summit"), or not in a person's name (see inPersonName) and after
// a place word ("in Shusha", "the resort town Borjomi"), after "of"
// following one ("the town of Serhetabat"), after "visit to" or "trip
// to", after a place's or a region's possessive ("Russia's Sol-Iletsk",
// the mention before it; "Orenburg region's Sol-Iletsk"), or opening a line as a dateline does, in capitals or before a comma
// ("SHUSHA, April 24", "Borjomi, Georgia –"). Elsewhere a small town's
// name is more often a person's, a company's or a word ("Pushkin",
// "Lenin"), so a bare capitalised word is not a place.
func inPlaceContext(text string, s *scanner, i, j int, found []Mention) bool {
	toks := s.toks
	if i > 0 && toks[i].join == ' ' && string(s.buf[toks[i-1].lo:toks[i-1].hi]) == "the" && j+1 < len(toks) && toks[j+1].join == ' ' && eventWords[string(s.buf[toks[j+1].lo:toks[j+1].stemHi])] {
		return true // "the Gabala Summit", "the Borjomi talks"
	}
	if inPersonName(toks, i, j) {
		return false // "Gagarin Street", "Mayor Chekhov"
	}
	if i == 0 || strings.IndexByte(text[toks[i-1].end:toks[i].start], '\n') >= 0 {
		return toks[i].allUpper || strings.HasPrefix(text[toks[j].end:], ",")
	}
	prev := &toks[i-1]
	if toks[i].join != ' ' {
		return false
	}
	w := string(s.buf[prev.lo:prev.hi])
	if placeWords[w] || prev.possessive() && (regionWords[string(s.buf[prev.lo:prev.stemHi])] || len(found) > 0 && found[len(found)-1].End == int(prev.stemEnd)) {
		return true
	}
	if i < 2 || prev.join != ' ' {
		return false
	}
	before := string(s.buf[toks[i-2].lo:toks[i-2].hi])
	return w == "of" && placeWords[before] || w == "to" && (before == "visit" || before == "trip")
}

// accepts reports whether toks have the capitalisation of a name's words.
func accepts(cases []caseRule, toks []token) bool {
	for k, rule := range cases {
		t := &toks[k]
		switch rule {
		case upperInit:
			if !t.upperInit {
				return false
			}
		case allUpper:
			if !t.allUpper {
				return false
			}
		}
	}
	return true
}

// token is a word of the scanned text. Its lowercased form, with straight
// apostrophes, is buf[lo:hi], preceded in buf by the byte that joins it to
// the previous word: ' ' for white space, '-' for a hyphen or en dash, 0
// for anything else (which no name spans).
//
// Offsets are int32 to halve the token, one for every word of the text:
// Scan's tokens were a third of the garbage an extraction made. Texts are
// far below 2 GiB (ingest takes at most 5 MB).
type token struct {
	start, end int32 // bytes of the text
	stemEnd    int32 // end without a possessive "'s"
	lo, hi     int32 // lowercased form in buf
	stemHi     int32
	join       byte
	upperInit  bool // first letter is upper case
	allUpper   bool // no lower-case letter (before any possessive)
	lower      bool // some lower-case letter
}

func (t *token) possessive() bool { return t.stemHi != t.hi }

type scanner struct {
	buf  []byte
	toks []token
}

func (s *scanner) tokenize(text string) {
	s.buf = make([]byte, 0, len(text)+len(text)/4)
	s.toks = make([]token, 0, len(text)/5)
	var join byte // how the gap before the next word joins it to the previous
	gapEmpty := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWord(r) {
			if gapEmpty || len(s.toks) == 0 {
				join = 0
			}
			i = s.word(text, i, join)
			join, gapEmpty = 0, true
			continue
		}
		switch {
		case isSpace(r) && (gapEmpty || join == ' '):
			join = ' '
		case isHyphen(r) && gapEmpty:
			join = '-'
		case r == '.' && gapEmpty && s.lastWord() == "st" && i > 0 && text[i-1] == 't':
			// "St. Petersburg": the abbreviation's dot joins like a space.
			join = ' '
		default:
			join = 0
		}
		gapEmpty = false
		i += size
	}
}

// lastWord is the last word read, lower-cased.
func (s *scanner) lastWord() string {
	if len(s.toks) == 0 {
		return ""
	}
	t := &s.toks[len(s.toks)-1]
	return string(s.buf[t.lo:t.hi])
}

// word reads the word starting at i and returns where it ends.
func (s *scanner) word(text string, i int, join byte) int {
	t := token{start: int32(i), join: join}
	// buf is s.buf held in a local for the loop, which appends a byte or
	// so for every letter of the text.
	buf := append(s.buf, join)
	t.lo = int32(len(buf))
	first, _ := utf8.DecodeRuneInString(text[i:])
	t.upperInit = unicode.IsUpper(first)
	end := dotted(text, i)
	lower, upper := 0, 0
	apos := -1 // byte offset of the last apostrophe
	j := i
	for j < len(text) {
		c := text[j]
		// An ASCII letter or digit, most of any text, takes the short way.
		if end == 0 && isASCIIWord(c) {
			buf = appendFoldedASCII(buf, c, &upper, &lower)
			j++
			continue
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if end > 0 {
			if j >= end {
				break
			}
		} else if !isWord(r) {
			if !isApostrophe(r) || j+size >= len(text) || !isLetterAt(text, j+size) {
				break
			}
			apos = j
			buf = append(buf, '\'')
			j += size
			continue
		}
		if r < utf8.RuneSelf {
			buf = appendFoldedASCII(buf, byte(r), &upper, &lower)
		} else {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		j += size
	}
	s.buf = buf
	t.end = int32(j)
	t.hi = int32(len(s.buf))
	t.stemHi, t.stemEnd = t.hi, t.end
	if apos >= 0 && t.hi-t.lo > 2 && s.buf[t.hi-2] == '\'' && s.buf[t.hi-1] == 's' {
		t.stemHi, t.stemEnd = t.hi-2, int32(apos)
		if text[j-1] == 's' {
			lower-- // "US's" is still in capitals
		}
	}
	t.allUpper = upper > 0 && lower == 0
	t.lower = lower > 0
	s.toks = append(s.toks, t)
	return j
}

// dotted returns the end of an abbreviation written with dots ("U.S.",
// "U.S.A.") starting at i, or 0.
func dotted(text string, i int) int {
	j := i
	// Each letter is a word of its own: the byte before it is i's or a dot.
	for j+1 < len(text) && isASCIILetter(text[j]) && text[j+1] == '.' {
		j += 2
	}
	if j-i < 4 {
		return 0
	}
	return j
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// isWord reports whether r belongs to a word. It is small enough to be
// inlined for the ASCII text it mostly sees.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isNonASCIIWord(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isASCIILetter(byte(c)) || '0' <= c && c <= '9'
	}
	return t
}()

func isNonASCIIWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIWord(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == 'ʻ'
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' }

// appendFoldedASCII appends the lower case of ASCII byte c to buf and counts
// it as an upper- or lower-case letter.
func appendFoldedASCII(buf []byte, c byte, upper, lower *int) []byte {
	if 'A' <= c && c <= 'Z' {
		*upper++
		c += 'a' - 'A'
	} else if 'a' <= c && c <= 'z' {
		*lower++
	}
	return append(buf, c)
}
