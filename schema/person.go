package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// PersonKey folds a person's name to a key under which the spellings of
// one person collide and different people's do not: "Sadyr Zhaparov" and
// "Sadyr Japarov", "Serdar Berdimuhamedov" and "Serdar Berdimuhamedow",
// "Kassym-Jomart Tokayev" and "Kassym-Jomart Tokaev", "Antony J. Blinken"
// and "Antony Blinken".
//
// It ignores case, diacritics, punctuation and single-letter initials, and
// folds the variations of romanising Cyrillic and other scripts by general
// rules (dzh/zh/j, kh/h, w/v, -off/-ov, ye/e, y/i, doubled letters). Word
// order is kept. A name of initials alone keeps them.
func PersonKey(name string) string {
	// Only non-ASCII text can carry diacritics; ASCII names, the usual
	// case, skip the transformer chain, which allocates some 8 KB a call.
	if !isASCII(name) {
		var err error
		name, _, err = transform.String(foldMarks(), name)
		if err != nil {
			return ""
		}
	}
	if isASCII(name) {
		return asciiPersonKey(name)
	}
	return generalPersonKey(name)
}

// generalPersonKey is PersonKey of a name with its diacritics stripped.
// Apostrophes join (O'Brien); any other non-letter separates words
// (Kassym-Jomart, J.). The key is written into one builder: PersonKey
// runs for every name a readout mentions.
func generalPersonKey(name string) string {
	var key strings.Builder
	key.Grow(len(name))
	var initials []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !isApostrophe(r)
	}) {
		w = strings.Map(func(r rune) rune {
			if isApostrophe(r) {
				return -1
			}
			return r
		}, w)
		switch utf8.RuneCountInString(w) {
		case 0:
		case 1:
			initials = append(initials, w)
		default:
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			writeFolded(&key, w)
		}
	}
	if key.Len() == 0 {
		return strings.Join(initials, " ")
	}
	return key.String()
}

// asciiPersonKey is PersonKey of an ASCII name, the usual case, read in
// one pass without the lower-case copy of the name and of its words that
// generalPersonKey makes; FuzzASCIIPersonKey holds the two equal.
func asciiPersonKey(name string) string {
	var key strings.Builder
	key.Grow(len(name))
	var initials []byte // "j" or "a b", joined as PersonKey joins them
	var word [32]byte
	for i := 0; i < len(name); {
		w := word[:0]
		for ; i < len(name) && (isASCIILetter(name[i]) || name[i] == '\'' || name[i] == '`'); i++ {
			if c := name[i]; isASCIILetter(c) {
				w = append(w, c|0x20) // lower case
			}
		}
		switch len(w) {
		case 0:
			i++ // a separator
		case 1:
			if len(initials) > 0 {
				initials = append(initials, ' ')
			}
			initials = append(initials, w[0])
		default:
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			writeFolded(&key, string(w))
		}
	}
	if key.Len() == 0 {
		return string(initials)
	}
	return key.String()
}

// isASCIILetter reports whether c is an ASCII letter, either case.
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// foldMarks strips diacritics. A transform.Chain keeps state between
// calls, so each call builds its own: PersonKey runs in parallel.
func foldMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || r == '`'
}

// spellingRules map variants of one sound to one spelling. At each
// position of a word the first rule that matches applies.
var spellingRules = []struct {
	from string
	to   rune
}{
	{"dzh", 'j'}, // Dzhaparov, Zhaparov, Japarov
	{"zh", 'j'},
	{"kh", 'h'}, // Rakhmon, Rahmon
	{"w", 'v'},  // Berdimuhamedow, Berdimuhamedov
	{"ye", 'e'}, // Tokayev, Tokaev
	{"yo", 'o'}, // Mirziyoyev, Mirziyoev
	{"y", 'i'},  // Dmitry, Dmitri
}

// writeFolded writes the lower-case word w to b with its spelling folded:
// -off as -ov, the spellingRules, and doubled letters as one (Kassym,
// Kasym).
func writeFolded(b *strings.Builder, w string) {
	if s, ok := strings.CutSuffix(w, "off"); ok { // Smirnoff, Smirnov
		w = s + "ov"
	}
	var prev rune
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		for _, rule := range spellingRules {
			if w[i] == rule.from[0] && strings.HasPrefix(w[i:], rule.from) {
				r, size = rule.to, len(rule.from)
				break
			}
		}
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
		i += size
	}
}
