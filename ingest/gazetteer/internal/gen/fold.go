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

// uzbekLatin spells a name written in Uzbek's Latin alphabet the way
// English texts do: x is "kh" ("Xiva" -> "Khiva", "Jizzax" -> "Jizzakh"),
// q is "k" ("Qarshi" -> "Karshi") and the apostrophe of o' and g' goes.
// GeoNames' current names for Uzbekistan are in that alphabet, and
// readouts in English seldom are. It returns "" for other countries and
// when nothing changes.
func uzbekLatin(s, country string) string {
	if country != "UZ" {
		return ""
	}
	r := strings.NewReplacer("X", "Kh", "x", "kh", "Q", "K", "q", "k", "o'", "o", "g'", "g", "O'", "O", "G'", "G")
	if t := r.Replace(s); t != s {
		return t
	}
	return ""
}
