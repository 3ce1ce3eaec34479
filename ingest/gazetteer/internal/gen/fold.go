package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// asciiFold strips diacritics ("Malé" -> "Male", "Türkiye" -> "Turkiye"); it
// returns "" when that changes nothing.
func asciiFold(s string) string {
	t, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil || t == s {
		return ""
	}
	return strings.TrimSpace(t)
}
