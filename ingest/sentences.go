package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The sentence splitter is our own. github.com/neurosnap/sentences (Punkt,
// the usual Go choice) keeps byte offsets and knows "Oct." and "J.", but it
// measured about 3 MB/s on the development readouts, below the 5 MB/s budget
// of the whole extraction, and it does not break at paragraph ends. Readouts
// are edited prose, so a rule splitter with an abbreviation table does as
// well on them: a sentence ends at . ! ? (and closing quotes or brackets)
// followed by space and an upper-case letter, a digit or an opening quote,
// unless the period ends an abbreviation ("Oct. 17", "Antony J. Blinken",
// "No. 1", "U.S. support").

// sentence is a span of the document text.
type sentence struct {
	start, end int
	para       int // index of the paragraph it belongs to
	paraStart  bool
	tokens     []token
	places     []place
	tokPlace   []int16 // token -> index in places of the exact mention over it, -1 when none
	idx        int     // position in the document's sentences

	// dates is findDates over tokens against datesAnchor, kept by datesAt
	// once datesRead: several rules read the same sentence's dates.
	dates       []dateExpr
	datesAnchor time.Time
	datesRead   bool
}

// datesAt is findDates(s.tokens, anchor), computed once per sentence and
// anchor. The slice is shared: callers must not modify it.
func (s *sentence) datesAt(anchor time.Time) []dateExpr {
	if !s.datesRead || s.datesAnchor != anchor {
		s.dates, s.datesAnchor, s.datesRead = findDates(s.tokens, anchor), anchor, true
	}
	return s.dates
}

// abbreviations end with a period that does not end a sentence: the
// abbreviated ranks and titles before a name (titleAbbrevs) and the words
// below. Month abbreviations and "No." count only before a number (see
// isAbbrev).
var abbreviations = func() map[string]bool {
	m := map[string]bool{
		"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true,
		"reps": true, "st": true, "mt": true, "ft": true, "jr": true, "sr": true,
		"inc": true, "ltd": true, "co": true, "corp": true, "bros": true, "vs": true, "v": true,
		"e.g": true, "i.e": true, "approx": true, "dept": true, "univ": true, "assn": true,
		"hon": true, "rev": true, "pres": true, "min": false, "h.e": true,
	}
	for w := range titleAbbrevs {
		m[w] = true
	}
	return m
}()

var monthAbbrev = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true,
	"art": true, "para": true, "vol": true, "p": true, "pp": true,
}

// sentenceStarters are words that, after an acronym such as "U.S.", show the
// period also ends the sentence.
var sentenceStarters = map[string]bool{
	"the": true, "this": true, "these": true, "that": true, "those": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true, "in": true, "on": true, "at": true,
	"both": true, "during": true, "after": true, "before": true, "a": true, "an": true, "there": true,
}

// splitSentences splits text[from:] into sentences, skipping the spans in
// skip (datelines). Paragraphs end at blank lines, and at single line breaks
// unless the line is visibly wrapped (it ends in a lower-case letter, comma
// or hyphen, or the next line starts in lower case).
func splitSentences(text string, from int, skip []dateline) []sentence {
	// Room for a sentence per full stop or line break, nearly always
	// enough: growing the slice from nothing copied it some ten times.
	out := make([]sentence, 0, strings.Count(text[from:], ".")+strings.Count(text[from:], "\n")+1)
	para := 0
	pos := from
	for pos < len(text) {
		end := paragraphEnd(text, pos)
		ps, pe := pos, end
		for _, d := range skip {
			if d.start >= ps && d.start < pe {
				// Drop the dateline itself; the paragraph goes on after it.
				ps = max(ps, d.end)
			}
		}
		out = splitParagraph(text, ps, pe, para, out)
		para++
		pos = end
		for pos < len(text) && isSpaceByte(text[pos]) {
			pos++
		}
	}
	return out
}

// isSpaceByte reports ASCII white space; the first test settles it for
// nearly every byte of text.
func isSpaceByte(b byte) bool {
	return b <= ' ' && (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v')
}

// paragraphEnd returns the end of the paragraph starting at pos.
func paragraphEnd(text string, pos int) int {
	for i := pos; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		// Blank line?
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j >= len(text) || text[j] == '\n' {
			return i
		}
		// A single break: wrapped text continues.
		k := i - 1
		for k >= pos && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k--
		}
		if k < pos {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[pos : k+1])
		next, _ := utf8.DecodeRuneInString(text[j:])
		if bulletAt(text, j) {
			return i // a list item on a line of its own: "- Agreed to ..."
		}
		if unicode.IsLower(prev) || prev == ',' || prev == '-' || prev == ';' || unicode.IsLower(next) {
			continue
		}
		return i
	}
	return len(text)
}

// bulletAt reports whether a list bullet opens text at j: "- ", "• ",
// "* ", "– ", "1. ", "2) ".
func bulletAt(text string, j int) bool {
	for _, b := range []string{"- ", "• ", "* ", "– ", "— ", "· "} {
		if strings.HasPrefix(text[j:], b) {
			return true
		}
	}
	k := j
	for k < len(text) && k < j+3 && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	return k > j && k+1 < len(text) && (text[k] == '.' || text[k] == ')') && text[k+1] == ' '
}

// splitParagraph appends the sentences of text[ps:pe] to out.
func splitParagraph(text string, ps, pe, para int, out []sentence) []sentence {
	for ps < pe && (isSpaceByte(text[ps]) || strings.HasPrefix(text[ps:], "\ufeff")) {
		if text[ps] == 0xEF {
			ps += 3
		} else {
			ps++
		}
	}
	start := ps
	first := true
	emit := func(end int) {
		e := end
		for e > start && isSpaceByte(text[e-1]) {
			e--
		}
		if e > start {
			out = append(out, sentence{start: start, end: e, para: para, paraStart: first})
			first = false
		}
	}
	for i := ps; i < pe; {
		// Only . ! ? and … end a sentence: other bytes are passed over
		// without decoding. … is the one that is not ASCII; it starts
		// with 0xE2, a byte that never occurs inside a rune.
		if c := text[i]; c != '.' && c != '!' && c != '?' && c != 0xE2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		// Closing quotes and brackets belong to the sentence.
		for j < pe {
			c, cs := utf8.DecodeRuneInString(text[j:])
			if c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '.' {
				j += cs
				continue
			}
			break
		}
		k := j
		for k < pe && isSpaceByte(text[k]) {
			k++
		}
		if k == j && k < pe { // no space after: "U.S.", "3.5", "gov.cn"
			i = j
			continue
		}
		if k >= pe {
			i = j
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“«‘'(—–-", next)) {
			i = j
			continue
		}
		if r == '.' && (isAbbrev(text, ps, i, k, pe) || inlineEnumerator(text, ps, i)) {
			i = j
			continue
		}
		emit(j)
		start = k
		i = k
	}
	if start < pe {
		emit(pe)
	}
	return out
}

// isAbbrev reports whether the period at dot ends an abbreviation rather
// than the sentence; next is the offset of the following word.
func isAbbrev(text string, ps, dot, next, pe int) bool {
	ws := dot
	for ws > ps {
		r, size := utf8.DecodeLastRuneInString(text[ps:ws])
		if unicode.IsLetter(r) || r == '.' || unicode.IsDigit(r) {
			ws -= size
			continue
		}
		break
	}
	word := text[ws:dot]
	if word == "" {
		return false
	}
	low := strings.ToLower(word)
	nextWord := text[next:min(pe, next+20)]
	if i := strings.IndexFunc(nextWord, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		nextWord = nextWord[:i]
	}
	nextLow := strings.ToLower(nextWord)
	r, _ := utf8.DecodeRuneInString(word)
	switch {
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r):
		return true // an initial: "Antony J. Blinken"
	case strings.Contains(word, "."): // "U.S", "U.N", "e.g"
		return !sentenceStarters[nextLow]
	case abbreviations[low]:
		return true
	case monthAbbrev[low]:
		d, _ := utf8.DecodeRuneInString(nextWord)
		return unicode.IsDigit(d)
	}
	return false
}

// tokenKind classifies a token.
type tokenKind uint8

const (
	tWord  tokenKind = iota
	tPunct           // one punctuation rune
	tPoss            // the possessive clitic 's
)

// token is a word or punctuation mark with its byte offsets in the document.
type token struct {
	start, end int
	text       string // as written
	low        string // lower case, typographic apostrophes made plain
	kind       tokenKind
	cap        bool      // starts with an upper-case letter
	class      wordClass // the word lists low is in
}

// tokenize splits text[s:e] into tokens. A word is a run of letters and
// digits joined by internal hyphens, apostrophes, periods ("U.S.") or
// ampersands; "’s" after a word is a separate possessive token.
func tokenize(text string, s, e int) []token {
	return appendTokens(make([]token, 0, (e-s)/5+4), text, nil, s, e)
}

// appendTokens appends the tokens of text[s:e] to toks. The lower-case
// forms of the words go to low when it is not nil.
func appendTokens(toks []token, text string, low *lowerArena, s, e int) []token {
	first := len(toks)
	i := s
	for i < e {
		if text[i] == ' ' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:e])
		if unicode.IsSpace(r) || r == '\ufeff' {
			i += size
			continue
		}
		if isWordRune(r) {
			j := i + size
			for j < e {
				if c := text[j]; c < utf8.RuneSelf && isWordRune(rune(c)) {
					j++ // the usual case, without decoding
					continue
				}
				c, cs := utf8.DecodeRuneInString(text[j:e])
				if isWordRune(c) {
					j += cs
					continue
				}
				if c == '-' || c == '–' || c == '\'' || c == '’' || c == '.' || c == '&' || c == '+' {
					if j+cs < e {
						n, _ := utf8.DecodeRuneInString(text[j+cs : e])
						if isWordRune(n) {
							if (c == '\'' || c == '’') && (n == 's' || n == 'S') && (j+cs+1 >= e || !isWordRune(rune(text[j+cs+1]))) {
								break // possessive 's
							}
							if (c == '\'' || c == '’') && contraction(text, j+cs, e) != "" {
								break // "We'll", "we're": the auxiliary is a token of its own
							}
							if c == '.' && !isAcronymDot(text, i, j) {
								break
							}
							j += cs
							continue
						}
					}
					if c == '.' && isAcronymDot(text, i, j) {
						// keep the final period of "U.S." with the word
						j += cs
					}
					if c == '+' { // "C5+1"
						j += cs
						continue
					}
				}
				break
			}
			toks = append(toks, newToken(text, low, i, j, tWord))
			i = j
			continue
		}
		if (r == '\'' || r == '’') && i+size < e && (text[i+size] == 's' || text[i+size] == 'S') && len(toks) > first && toks[len(toks)-1].end == i && (i+size+1 >= e || !isWordRune(rune(text[i+size+1]))) {
			toks = append(toks, newToken(text, low, i, i+size+1, tPoss))
			i += size + 1
			continue
		}
		if full := contraction(text, i+size, e); (r == '\'' || r == '’') && full != "" && len(toks) > first && toks[len(toks)-1].end == i {
			t := newToken(text, low, i, i+size+2, tWord)
			t.low, t.class = full, wordClasses[full]
			toks = append(toks, t)
			i += size + 2
			continue
		}
		toks = append(toks, newToken(text, low, i, i+size, tPunct))
		i += size
	}
	return toks
}

// contraction returns the full auxiliary of a clitic whose letters start
// at k in text[:e] ("ll" of "We'll" -> "will", "re" of "we're" -> "are",
// "ve" of "we've" -> "have"; a closed class of English), "" when none
// starts there. The token keeps its text; its lower-case form is the full
// word, so that frames read "We'll open A" as "We will open A".
func contraction(text string, k, e int) string {
	if k+2 > e || k+2 < e && isWordRune(rune(text[k+2])) {
		return ""
	}
	switch strings.ToLower(text[k : k+2]) {
	case "ll":
		return "will"
	case "re":
		return "are"
	case "ve":
		return "have"
	}
	return ""
}

// isAcronymDot reports whether the period at j continues a dotted acronym
// that started at i: "U.S", "U.N", "D.C" (single letters between periods).
func isAcronymDot(text string, i, j int) bool {
	w := text[i:j]
	if len(w) == 1 {
		return unicode.IsUpper(rune(w[0]))
	}
	// w looks like "U.S" or "U.S.A": alternating single letters and periods
	for k := 0; k < len(w); k++ {
		if k%2 == 0 && !(w[k] >= 'A' && w[k] <= 'Z') && !(w[k] >= 'a' && w[k] <= 'z') {
			return false
		}
		if k%2 == 1 && w[k] != '.' {
			return false
		}
	}
	return true
}

// isWordRune reports whether r is a letter, digit or combining mark. It
// is small enough to be inlined for ASCII; the rest is a call.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isNonASCIIWordRune(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isNonASCIIWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func newToken(text string, low *lowerArena, s, e int, k tokenKind) token {
	t := token{start: s, end: e, text: text[s:e], kind: k}
	t.low = low.lowerPlain(t.text)
	t.class = wordClasses[t.low]
	if c := t.text[0]; c < utf8.RuneSelf {
		t.cap = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(r)
	}
	return t
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerArena holds the lower-case forms of a document's capitalised words
// in one buffer rather than a string each. A strings.Builder never changes
// what it has written, so the strings cut from it stay valid as it grows.
type lowerArena struct {
	b strings.Builder
}

// lowerPlain lower-cases s and makes typographic apostrophes plain. The
// arena may be nil.
func (a *lowerArena) lowerPlain(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		} else if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	if a == nil {
		return strings.ToLower(s)
	}
	from := a.b.Len()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a.b.WriteByte(c)
	}
	return a.b.String()[from:]
}

// inlineEnumerator reports whether the "." at i closes the number of a
// point: one that opens the paragraph ("1. Establish A;" on a line of its
// own), or one inside a sentence, after a colon, a semicolon or "and":
// "agreed to the following steps: 1. Establish A; 2. Launch B; and 3.
// Hold C".
func inlineEnumerator(text string, ps, i int) bool {
	b := i
	for b > ps && i-b < 2 && text[b-1] >= '0' && text[b-1] <= '9' {
		b--
	}
	if b == ps && b < i {
		return true
	}
	if b == i || text[b-1] != ' ' {
		return false
	}
	p := b - 1
	for p > ps && text[p-1] == ' ' {
		p--
	}
	if p == ps {
		return false
	}
	if c := text[p-1]; c == ':' || c == ';' {
		return true
	}
	return p-4 >= ps && text[p-4:p] == " and"
}
