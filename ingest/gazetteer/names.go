package gazetteer

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The rules below add to the data only what holds for every country. The
// few facts the data lacks are in the tables that follow, each with why.

// preferred settles a name or demonym that the rules give to several
// countries, for the reading a diplomatic text most often means. Any other
// such name is dropped (see ambiguous).
var preferred = map[string]string{
	// Bare "Korea" (from "Republic of Korea" and "Democratic People's
	// Republic of Korea") is the Republic of Korea; texts call the other
	// "the DPRK" or "North Korea".
	"korea": "KR",
	// Both Congos' demonym is "Congolese"; ISO's short name "Congo" is the
	// Republic of the Congo, and the demonym follows the name.
	"congolese": "CG",
	// Dominica's demonym is also "Dominican"; the Dominican Republic is
	// meant far more often.
	"dominican":  "DO",
	"dominicans": "DO",
}

// extraNames are everyday names the datasets lack.
var extraNames = map[string][]string{
	"GB": {"Britain"}, // world-countries and iso-codes have only "Great Britain"
	// The usual abbreviation, whose "O" for "of" no general rule gives
	// without also making "POL", "KOM" and the like of other formal names.
	"KR": {"ROK"},
}

// extraDemonyms are everyday demonyms the datasets lack.
var extraDemonyms = map[string][]string{
	"SA": {"Saudi"}, // world-countries has only "Saudi Arabian"
}

// governmentWords may precede "of" in a formal name whose rest is a short
// name: "Republic of Korea" -> "Korea", "United States of America" ->
// "America", "Republic of the Union of Myanmar" -> "Myanmar".
var governmentWords = map[string]bool{
	"republic": true, "kingdom": true, "federation": true, "federal": true,
	"federative": true, "federated": true, "commonwealth": true, "state": true,
	"states": true, "united": true, "democratic": true, "people's": true,
	"socialist": true, "islamic": true, "arab": true, "plurinational": true,
	"bolivarian": true, "oriental": true, "cooperative": true,
	"co-operative": true, "principality": true, "grand": true, "duchy": true,
	"sultanate": true, "emirate": true, "union": true, "independent": true,
	"hashemite": true, "territory": true, "department": true,
	"collectivity": true, "overseas": true, "region": true, "bailiwick": true,
	"sovereign": true, "most": true, "serene": true,
	"of": true, "the": true,
}

// Levels of evidence for a name: where two countries claim one name, the
// better evidence wins.
const (
	levelData    = iota // a dataset's common or official name or demonym
	levelAlt            // an alternative spelling the dataset lists
	levelDerived        // derived by a rule here
)

type claim struct {
	surface string
	code    string
	level   int
	demonym bool
}

type gazetteer struct {
	countries   []Country
	byCode      map[string]int
	countryKeys map[string]string // lookupKey(name or demonym) -> code
	abbrevs     map[string]string // capital abbreviation without dots -> code
	// The cities and the trie, most of the data, hold no pointers (see
	// table.go): their strings are in names.
	names    strs
	cities   []city
	aliases  []strRef       // the cities' aliases (city.aliases)
	cityKeys table[cityKey] // lookupKey of a city's name, alias or alternate name, and its looseKey -> the city
	trie     trie
	// lowerFirst holds the first words of the names that may start with a
	// word not capitalised ("les Escaldes"): only these are looked up for
	// such a word, which keeps the large root of the trie out of the way
	// of most of a text's words.
	lowerFirst map[string]bool
	ambiguous  []string // names dropped because several countries claim them
}

// city is a City without pointers: its strings are in gazetteer.names.
type city struct {
	name       strRef
	aliases    [2]uint32 // gazetteer.aliases[aliases[0]:aliases[1]]
	population int
	country    uint16 // index in gazetteer.countries
	capital    bool
}

// cityKey is the city a lookup key finds.
type cityKey struct {
	city uint32 // index in gazetteer.cities
	alt  bool   // the key is of an alternate name, which LookupCity reports: as
	as   strRef
}

// builder holds what build needs only while it builds: each trie node's
// hits, until finish lays them out in one slice, and the strings already
// in names.
type builder struct {
	g        *gazetteer
	hits     [][]hit
	interned map[string]strRef
}

// intern returns s in g.names, adding it once.
func (b *builder) intern(s string) strRef {
	if r, ok := b.interned[s]; ok {
		return r
	}
	r := b.g.names.add(s)
	b.interned[s] = r
	return r
}

// finish lays out the trie's hits by node.
func (b *builder) finish() {
	t := &b.g.trie
	t.hitsAt = make([]uint32, 0, len(b.hits)+1)
	for _, hs := range b.hits {
		t.hitsAt = append(t.hitsAt, uint32(len(t.hits)))
		t.hits = append(t.hits, hs...)
	}
	t.hitsAt = append(t.hitsAt, uint32(len(t.hits)))
	t.hits = slices.Clip(t.hits)
	t.cases = slices.Clip(t.cases)
	b.g.aliases = slices.Clip(b.g.aliases)
}

func mustBuild(countries, cities string) *gazetteer {
	g, err := build(countries, cities)
	if err != nil {
		panic("gazetteer: " + err.Error())
	}
	return g
}

func build(countriesTSV, citiesTSV string) (*gazetteer, error) {
	g := &gazetteer{
		byCode:      make(map[string]int),
		countryKeys: make(map[string]string),
		abbrevs:     make(map[string]string),
		lowerFirst:  make(map[string]bool),
	}
	b := &builder{g: g, hits: [][]hit{nil}, interned: make(map[string]strRef)}
	var claims []claim
	independent := make(map[string]bool)
	for line := range dataLines(countriesTSV) {
		f := strings.Split(line, "\t")
		if len(f) != 9 {
			return nil, fmt.Errorf("countries.tsv: %d fields in %q", len(f), line)
		}
		c := Country{Code: f[0], Name: f[3], Official: f[4], Capital: f[5]}
		g.byCode[c.Code] = len(g.countries)
		g.countries = append(g.countries, c)
		if f[2] == "1" {
			independent[c.Code] = true
		}
		claims = append(claims, countryClaims(f[0], f[1], f[3], f[4], split(f[6]), split(f[7]), split(f[8]))...)
	}
	if !sort.SliceIsSorted(g.countries, func(i, j int) bool { return g.countries[i].Code < g.countries[j].Code }) {
		return nil, fmt.Errorf("countries.tsv: not sorted by code")
	}

	// Group the claims by key and keep, for each key, the best-evidenced
	// country; a tie goes to preferred or drops the name.
	byKey := make(map[string][]claim)
	var keys []string
	for _, c := range claims {
		k := claimKey(c.surface)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], c)
	}
	for _, k := range keys {
		cs := byKey[k]
		best := cs[0].level
		for _, c := range cs {
			best = min(best, c.level)
		}
		// Among the best-evidenced claimants, a sovereign state beats
		// territories ("American": the United States, not its Minor
		// Outlying Islands; "French": France, not French Polynesia).
		var codes, sovereign []string
		for _, c := range cs {
			if c.level == best && !slices.Contains(codes, c.code) {
				codes = append(codes, c.code)
				if independent[c.code] {
					sovereign = append(sovereign, c.code)
				}
			}
		}
		var code string
		switch {
		case len(codes) == 1:
			code = codes[0]
		case len(sovereign) == 1:
			code = sovereign[0]
		case preferred[k] != "":
			code = preferred[k]
		default:
			g.ambiguous = append(g.ambiguous, k)
			continue
		}
		// A name beats a demonym with the same spelling ("Vatican").
		demonym := true
		for _, c := range cs {
			if c.code == code && !c.demonym {
				demonym = false
			}
		}
		c := &g.countries[g.byCode[code]]
		kind := MentionCountry
		if demonym {
			kind = MentionDemonym
		}
		for _, cl := range cs {
			if cl.code != code || cl.demonym != demonym {
				continue
			}
			if demonym {
				c.Demonyms = appendNew(c.Demonyms, cl.surface)
			} else {
				c.Names = appendNew(c.Names, cl.surface)
			}
			if isAbbreviation(cl.surface) {
				g.abbrevs[strings.ReplaceAll(cl.surface, ".", "")] = code
			} else {
				g.countryKeys[lookupKey(cl.surface)] = code
			}
			b.add(cl.surface, entry{kind: kind, code: code})
		}
	}
	sort.Strings(g.ambiguous)
	for i := range g.countries {
		c := &g.countries[i]
		c.Names = moveToFront(c.Names, c.Name, c.Official)
	}

	given := make(map[int]bool) // cities whose name is also a given name
	local := make(map[int]bool) // small towns read only as places
	// GeoNames' alternate names of a city ("Kulyab" for Kulob,
	// "Ulaanbaatar" for Ulan Bator): its other languages' and periods'
	// spellings, of which the data does not say which is the English one.
	// A text that uses one is reported as written, the city under that
	// name, where an alias is reported as the city's own name.
	// GeoNames lists alternate names of any language and period, so some
	// are people's names elsewhere: they are read like given names (see
	// inPersonName).
	alternates := make(map[int][]string)
	var cities []City // until they are laid out in g.cities
	for line := range dataLines(citiesTSV) {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("cities.tsv: %d fields in %q", len(f), line)
		}
		pop, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("cities.tsv: population in %q", line)
		}
		c := City{Name: f[0], Country: f[1], Population: pop, Capital: f[3] == "1", Aliases: split(f[5])}
		alternates[len(cities)] = split(f[6])
		switch f[4] {
		case "1":
			given[len(cities)] = true
		case "2":
			// A region's small town: read like a given name, and
			// only as a place (see inPlaceContext).
			given[len(cities)] = true
			local[len(cities)] = true
		}
		if _, ok := g.byCode[c.Country]; !ok {
			return nil, fmt.Errorf("cities.tsv: unknown country in %q", line)
		}
		// GeoNames names some cities "X City" where prose writes "X" ("New
		// York City": "met in New York"). Unless "X" is a country's name
		// ("Kuwait City", "Mexico City"), the city is X, "X City" an alias.
		if short, ok := strings.CutSuffix(c.Name, " City"); ok && !strings.HasPrefix(short, "City of") {
			if _, isCountry := g.countryKeys[lookupKey(short)]; !isCountry {
				c.Aliases = append(c.Aliases, c.Name)
				c.Name = short
			}
		}
		// Prose abbreviates "Saint" ("St Petersburg", "St. Petersburg");
		// the data spells it out.
		if rest, ok := strings.CutPrefix(c.Name, "Saint "); ok {
			c.Aliases = append(c.Aliases, "St "+rest, "St. "+rest)
		}
		cities = append(cities, c)
	}
	// Exact spellings first, then the folded ones, each to the capital or
	// else the most populous city.
	order := make([]int, len(cities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := &cities[order[a]], &cities[order[b]]
		if ca.Capital != cb.Capital {
			return ca.Capital
		}
		return ca.Population > cb.Population
	})
	for pass := 0; pass < 2; pass++ {
		for _, i := range order {
			c := &cities[i]
			names := append([]string{c.Name}, c.Aliases...)
			all := names
			if pass == 0 {
				// Alternate names are ASCII, with their spellings without
				// apostrophes listed: their loose keys are among their keys.
				all = append(names, alternates[i]...)
			}
			for j, n := range all {
				as := c.Name // the name the city is reported under
				if j >= len(names) {
					as = n
				}
				k := lookupKey(n)
				if pass == 1 {
					k = looseKey(k)
				} else {
					if _, ok := g.countryKeys[k]; !ok {
						// An alternate name may be a person's elsewhere
						// ("Khalil", Hebron's Arabic name): like a given
						// name, it is not read next to another name; nor
						// is any name of a town marked as one, whose
						// other name may be a given name the lists lack
						// (Gyzylarbat, renamed "Serdar").
						b.add(n, entry{kind: MentionCity, code: c.Country, city: as, personal: given[i] || as != c.Name, local: local[i]})
					}
				}
				key := cityKey{city: uint32(i)}
				if as != c.Name {
					key.alt, key.as = true, b.intern(as)
				}
				g.cityKeys.insert(0, k, key) // the first city to claim k keeps it
			}
		}
	}
	g.cities = make([]city, len(cities))
	for i, c := range cities {
		first := len(g.aliases)
		for _, a := range append(c.Aliases, alternates[i]...) {
			g.aliases = append(g.aliases, b.intern(a))
		}
		g.cities[i] = city{
			name:       b.intern(c.Name),
			aliases:    [2]uint32{uint32(first), uint32(len(g.aliases))},
			population: c.Population,
			country:    uint16(g.byCode[c.Country]),
			capital:    c.Capital,
		}
	}
	b.finish()
	return g, nil
}

// countryClaims lists every name and demonym of one country, with the
// evidence for each.
func countryClaims(code, code3, common, official string, demonyms, alt, iso []string) []claim {
	var out []claim
	add := func(level int, demonym bool, names ...string) {
		for _, n := range names {
			n = strings.Join(strings.Fields(n), " ")
			if n != "" && !strings.Contains(n, ",") {
				out = append(out, claim{surface: n, code: code, level: level, demonym: demonym})
			}
		}
	}
	add(levelData, false, common, official)
	add(levelData, false, iso...)
	add(levelData, true, demonyms...)
	for _, a := range alt {
		if !isAbbreviation(a) {
			add(levelAlt, false, a)
		}
	}
	add(levelDerived, false, extraNames[code]...)
	add(levelDerived, true, extraDemonyms[code]...)

	// Parenthesised parts: "Republic of China (Taiwan)".
	for _, c := range slices.Clone(out) {
		if before, inner, ok := parenthesised(c.surface); ok {
			add(c.level, c.demonym, before, inner)
		}
	}
	names := func() []claim {
		var ns []claim
		for _, c := range out {
			if !c.demonym && !strings.Contains(c.surface, "(") {
				ns = append(ns, c)
			}
		}
		return ns
	}
	// Short forms of formal names.
	for _, c := range names() {
		if s := shortForm(c.surface); s != "" {
			add(levelDerived, false, s)
		}
	}
	// Initialisms of names that start with a government word ("United
	// States", "People's Republic of China"): attested ones (an alternative
	// spelling or an ISO code that spells the initials: "US", "UK", "USA",
	// "DPRK") at the level of that spelling, others ("PRC", "KSA") of a
	// formal name "<government words> of <Name>" with three letters or
	// more. Other codes ("PR", "AS", "PNG") are too often something else.
	attested := map[string]bool{code: true, code3: true}
	for _, a := range alt {
		if isAbbreviation(a) {
			attested[strings.ReplaceAll(a, ".", "")] = true
		}
	}
	for _, c := range names() {
		first, _, _ := strings.Cut(c.surface, " ")
		if !governmentWords[strings.ToLower(first)] {
			continue
		}
		in := initialism(c.surface)
		switch {
		case in == "":
		case attested[in]:
			add(levelAlt, false, in)
		case c.level == levelData && len(in) >= 3 && formal(c.surface):
			add(levelDerived, false, in)
		}
	}
	// Spellings without diacritics of the datasets' English names:
	// "Turkiye", "Cote d'Ivoire" (not of native spellings: "Ísland" is not
	// "Island").
	for _, c := range slices.Clone(out) {
		if c.level == levelAlt {
			continue
		}
		if f := asciiFold(c.surface); f != "" {
			add(max(c.level, levelAlt), c.demonym, f)
		}
	}
	// Demonyms of "-stan" countries: "Kazakhstani" and "Kazakh".
	if stem, ok := strings.CutSuffix(common, "stan"); ok {
		add(levelDerived, true, common+"i")
		stem = strings.TrimSuffix(stem, "i")
		if utf8.RuneCountInString(stem) >= 4 { // not "Pak" from "Pakistan"
			add(levelDerived, true, stem)
		}
	}
	// The adjective of "<Adjective> Republic" or "... Federation": "Kyrgyz
	// Republic" -> "Kyrgyz", "Russian Federation" -> "Russian".
	for _, c := range names() {
		w := strings.Fields(c.surface)
		if len(w) == 2 && (w[1] == "Republic" || w[1] == "Federation" || w[1] == "Confederation") && w[0] != common && isCapitalised(w[0]) {
			add(levelDerived, true, w[0])
		}
	}
	// Plurals of demonyms: "Kazakhs", "Americans".
	for _, c := range slices.Clone(out) {
		if c.demonym && !strings.Contains(c.surface, " ") {
			if p := plural(c.surface); p != "" {
				add(c.level, true, p)
			}
		}
	}
	// Dotted forms of abbreviations: "U.S.", "U.K.", "P.R.C.".
	for _, c := range slices.Clone(out) {
		if isAbbreviation(c.surface) && !strings.Contains(c.surface, ".") {
			var b strings.Builder
			for _, r := range c.surface {
				b.WriteRune(r)
				b.WriteByte('.')
			}
			add(c.level, false, b.String())
		}
	}
	return out
}

func parenthesised(s string) (before, inner string, ok bool) {
	i := strings.Index(s, "(")
	j := strings.LastIndex(s, ")")
	if i <= 0 || j < i {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : j]), true
}

// shortForm returns the rest of a formal name after its government words
// and "of": "Republic of the Union of Myanmar" -> "Myanmar"; or "".
func shortForm(name string) string {
	w := strings.Fields(name)
	last := -1
	for i, x := range w {
		if !governmentWords[strings.ToLower(x)] {
			break
		}
		if x == "of" {
			last = i
		}
	}
	if last <= 0 || last == len(w)-1 {
		return ""
	}
	rest := w[last+1:]
	if rest[0] == "the" {
		rest = rest[1:]
	}
	if len(rest) == 0 || !isCapitalised(rest[0]) {
		return ""
	}
	return strings.Join(rest, " ")
}

// initialism returns the initials of a name of two to five capitalised
// words, without its "of", "the" and "and": "PRC", "USA"; or "".
func initialism(name string) string {
	var b strings.Builder
	n := 0
	for _, x := range strings.Fields(name) {
		switch x {
		case "of", "the", "and":
			continue
		}
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.IsUpper(r) || r >= utf8.RuneSelf || strings.ContainsAny(x, "-.") {
			return ""
		}
		b.WriteRune(r)
		n++
	}
	if n < 2 || n > 5 {
		return ""
	}
	return b.String()
}

// formal reports whether a name is government words, "of" and a name of
// one or two words: "People's Republic of China", "Kingdom of Saudi
// Arabia".
func formal(name string) bool {
	s := shortForm(name)
	return s != "" && len(strings.Fields(s)) <= 2 && !strings.Contains(s, " and ")
}

func plural(d string) string {
	l := strings.ToLower(d)
	for _, suf := range []string{"s", "sh", "ch", "z", "x", "ese"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	return d + "s"
}

// isAbbreviation reports whether s is an all-capitals abbreviation: "US",
// "U.S.", "PRC".
func isAbbreviation(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
		case c == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

// abbreviation returns s without dots if it is written as an abbreviation
// ("U.S." -> "US").
func abbreviation(s string) (string, bool) {
	if !isAbbreviation(s) {
		return "", false
	}
	return strings.ReplaceAll(s, ".", ""), true
}

// claimKey is the key under which names compete: lookupKey, except that
// abbreviations keep their capitals and lose their dots.
func claimKey(s string) string {
	if a, ok := abbreviation(s); ok {
		return a
	}
	return lookupKey(s)
}

// entry is a reading of a name that add puts into the trie.
type entry struct {
	kind     Kind
	code     string // the country's (the city's, for a city)
	city     string // for a city, the name it is reported under
	personal bool   // see hit
	local    bool
}

// add puts a name into the scanning trie.
func (b *builder) add(name string, e entry) {
	var s scanner
	s.tokenize(name)
	if len(s.toks) == 0 {
		return
	}
	t := &b.g.trie
	var n uint32 // the root
	cases := make([]caseRule, 0, len(s.toks))
	for i := range s.toks {
		tok := &s.toks[i]
		if i > 0 && tok.join == 0 {
			return // punctuation inside: no text word sequence spells it
		}
		k := string(s.buf[tok.lo:tok.hi])
		if i > 0 {
			k = string(s.buf[tok.lo-1 : tok.hi])
		}
		if tok.possessive() && i == len(s.toks)-1 {
			return // a name ending in "'s" would be read as a possessive
		}
		next := uint32(len(b.hits))
		if n = t.edges.insert(n, k, next); n == next {
			b.hits = append(b.hits, nil) // a new node
		}
		rule := anyCase
		switch {
		case tok.allUpper && tok.hi-tok.lo >= 2:
			rule = allUpper
		case tok.upperInit:
			rule = upperInit
		}
		if i == 0 && rule == anyCase {
			b.g.lowerFirst[k] = true
		}
		cases = append(cases, rule)
	}
	country := uint16(b.g.byCode[e.code])
	for _, o := range b.hits[n] {
		if o.country == country && o.kind == e.kind && b.g.names.get(o.city) == e.city && slices.Equal(t.cases[o.cases:o.cases+o.words], cases) {
			return
		}
	}
	b.hits[n] = append(b.hits[n], hit{
		cases:    uint32(len(t.cases)),
		words:    uint32(len(cases)),
		abbrev:   !slices.ContainsFunc(cases, func(r caseRule) bool { return r != allUpper }),
		personal: e.personal,
		local:    e.local,
		kind:     e.kind,
		country:  country,
		city:     b.intern(e.city),
	})
	t.cases = append(t.cases, cases...)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func split(f string) []string {
	if f == "" {
		return nil
	}
	return strings.Split(f, "|")
}

// dataLines yields the data lines of a generated file: not blank, not a
// "#" comment.
func dataLines(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for line := range strings.Lines(s) {
			line = strings.TrimRight(line, "\r\n")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(line) {
				return
			}
		}
	}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'", "ʻ", "'")

func straightApostrophe(s string) string { return apostrophes.Replace(s) }

// looseKey is a lookupKey without apostrophes and diacritics: "xian",
// "male".
func looseKey(k string) string {
	k = strings.ReplaceAll(k, "'", "")
	if f := asciiFold(k); f != "" {
		return f
	}
	return k
}

// asciiFold strips diacritics: "Malé" -> "Male". It returns "" when that
// changes nothing, as for any ASCII string, which it answers without
// building a transformer (LookupCity calls it on every lookup).
func asciiFold(s string) string {
	if isASCII(s) {
		return ""
	}
	t, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil || t == s {
		return ""
	}
	return t
}

// moveToFront returns list with first (and then second) at its start.
func moveToFront(list []string, first, second string) []string {
	out := make([]string, 0, len(list))
	for _, s := range []string{first, second} {
		if slices.Contains(list, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
