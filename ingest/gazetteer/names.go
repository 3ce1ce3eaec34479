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
	cities      []City
	cityKeys    map[string]int
	cityAs      map[string]string // city key of an alternate name -> that name, which LookupCity reports
	trie        *node
	// lowerFirst holds the first words of the names that may start with a
	// word not capitalised ("les Escaldes"): only these are looked up for
	// such a word, which keeps the large root of the trie out of the way
	// of most of a text's words.
	lowerFirst map[string]bool
	ambiguous  []string // names dropped because several countries claim them
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
		cityKeys:    make(map[string]int),
		cityAs:      make(map[string]string),
		trie:        &node{next: make(map[string]*node)},
		lowerFirst:  make(map[string]bool),
	}
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
			g.add(cl.surface, hit{kind: kind, code: code})
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
		alternates[len(g.cities)] = split(f[6])
		switch f[4] {
		case "1":
			given[len(g.cities)] = true
		case "2":
			// A region's small town: read like a given name, and
			// only as a place (see inPlaceContext).
			given[len(g.cities)] = true
			local[len(g.cities)] = true
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
		g.cities = append(g.cities, c)
	}
	// Exact spellings first, then the folded ones, each to the capital or
	// else the most populous city.
	order := make([]int, len(g.cities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := &g.cities[order[a]], &g.cities[order[b]]
		if ca.Capital != cb.Capital {
			return ca.Capital
		}
		return ca.Population > cb.Population
	})
	for pass := 0; pass < 2; pass++ {
		for _, i := range order {
			c := &g.cities[i]
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
						g.add(n, hit{kind: MentionCity, code: c.Country, city: as, personal: given[i] || as != c.Name, local: local[i]})
					}
				}
				if _, ok := g.cityKeys[k]; !ok {
					g.cityKeys[k] = i
					if as != c.Name {
						g.cityAs[k] = as
					}
				}
			}
		}
	}
	for i, alt := range alternates {
		g.cities[i].Aliases = append(g.cities[i].Aliases, alt...)
	}
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

// add puts a name into the scanning trie.
func (g *gazetteer) add(name string, h hit) {
	var s scanner
	s.tokenize(name)
	if len(s.toks) == 0 {
		return
	}
	n := g.trie
	for i := range s.toks {
		t := &s.toks[i]
		if i > 0 && t.join == 0 {
			return // punctuation inside: no text word sequence spells it
		}
		k := string(s.buf[t.lo:t.hi])
		if i > 0 {
			k = string(s.buf[t.lo-1 : t.hi])
		}
		if t.possessive() && i == len(s.toks)-1 {
			return // a name ending in "'s" would be read as a possessive
		}
		child := n.next[k]
		if child == nil {
			// Most nodes are leaves: their map is made when a child is
			// added (a nil map reads as empty).
			child = &node{}
			if n.next == nil {
				n.next = make(map[string]*node)
			}
			n.next[k] = child
		}
		n = child
		rule := anyCase
		switch {
		case t.allUpper && t.hi-t.lo >= 2:
			rule = allUpper
		case t.upperInit:
			rule = upperInit
		}
		if i == 0 && rule == anyCase {
			g.lowerFirst[k] = true
		}
		h.cases = append(h.cases, rule)
	}
	h.abbrev = !slices.ContainsFunc(h.cases, func(r caseRule) bool { return r != allUpper })
	for _, o := range n.hits {
		if o.code == h.code && o.kind == h.kind && o.city == h.city && slices.Equal(o.cases, h.cases) {
			return
		}
	}
	n.hits = append(n.hits, h)
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
