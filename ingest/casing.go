package ingest

import (
	"unicode"
	"unicode/utf8"
)

// inCapitals reports whether strings.ToUpper(s) == s, without the copy
// ToUpper makes of a word with a lower-case letter: nameWord asks it of
// every capitalised word, and those copies were a twelfth of the
// allocations of an extraction.
func inCapitals(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToUpper(r) != r {
			return false // ToUpper replaces an invalid byte
		}
		i += size
	}
	return true
}
