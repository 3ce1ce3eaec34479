package gazetteer_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
)

func TestLookupCountry(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for no country
	}{
		// Common, official and formal names.
		{"China", "CN"},
		{"the People's Republic of China", "CN"},
		{"People’s Republic of China", "CN"},
		{"PRC", "CN"},
		{"Kyrgyzstan", "KG"},
		{"the Kyrgyz Republic", "KG"},
		{"kyrgyz republic", "KG"},
		{"Russian Federation", "RU"},
		{"Russia", "RU"},
		{"Republic of Korea", "KR"},
		{"ROK", "KR"},
		{"Korea", "KR"}, // preferred reading
		{"DPRK", "KP"},
		{"North Korea", "KP"},
		{"United States of America", "US"},
		{"the United States", "US"},
		{"United States", "US"},
		{"America", "US"},
		{"US", "US"},
		{"U.S.", "US"},
		{"USA", "US"},
		{"U.S.A.", "US"},
		{"UK", "GB"},
		{"Britain", "GB"},
		{"United Kingdom", "GB"},
		{"Türkiye", "TR"},
		{"Turkey", "TR"},
		{"Viet Nam", "VN"},
		{"Vietnam", "VN"},
		{"Côte d'Ivoire", "CI"},
		{"Cote d’Ivoire", "CI"},
		{"Congo", "CG"},
		{"DR Congo", "CD"},
		{"Democratic Republic of the Congo", "CD"},
		{"Guinea", "GN"},
		{"Guinea-Bissau", "GW"},
		{"Equatorial Guinea", "GQ"},
		{"Papua New Guinea", "PG"},
		{"Georgia", "GE"},
		{"Uzbekistan's", "UZ"},
		{"UAE", "AE"},
		{"Kazakhstan", "KZ"},
		{"Tajikistan", "TJ"},
		{"Turkmenistan", "TM"},
		// Demonyms and adjectives.
		{"Kyrgyz", "KG"},
		{"Kyrgyzstani", "KG"},
		{"Kazakh", "KZ"},
		{"Kazakhstani", "KZ"},
		{"Uzbek", "UZ"},
		{"Uzbekistani", "UZ"},
		{"Tajik", "TJ"},
		{"Turkmen", "TM"},
		{"Russian", "RU"},
		{"Chinese", "CN"},
		{"American", "US"},
		{"Americans", "US"},
		{"French", "FR"},
		{"Indian", "IN"},
		{"Saudi", "SA"},
		{"Emirati", "AE"},
		// Not countries.
		{"us", ""},
		{"Us", ""},
		{"prc", ""},
		{"Chinaware", ""},
		{"Central Asia", ""},
		{"", ""},
		{"Beijing", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := gazetteer.LookupCountry(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("LookupCountry(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestCountryByCode(t *testing.T) {
	c, ok := gazetteer.CountryByCode("KG")
	if !ok {
		t.Fatal("no KG")
	}
	if c.Name != "Kyrgyzstan" || c.Official != "Kyrgyz Republic" || c.Capital != "Bishkek" {
		t.Errorf("KG = %+v", c)
	}
	for _, d := range []string{"Kyrgyz", "Kyrgyzstani"} {
		if !slices.Contains(c.Demonyms, d) {
			t.Errorf("KG demonyms %q lack %q", c.Demonyms, d)
		}
	}
	if len(c.Names) < 2 || c.Names[0] != c.Name || c.Names[1] != c.Official {
		t.Errorf("KG names %q do not start with its name and official name", c.Names)
	}
	c.Names[0] = "changed"
	if again, _ := gazetteer.CountryByCode("kg"); again.Names[0] != "Kyrgyzstan" {
		t.Error("CountryByCode shares its slices with the caller")
	}
	if _, ok := gazetteer.CountryByCode("XX"); ok {
		t.Error("XX found")
	}
}

func TestCountries(t *testing.T) {
	cs := gazetteer.Countries()
	if len(cs) < 240 {
		t.Fatalf("%d countries", len(cs))
	}
	if !slices.IsSortedFunc(cs, func(a, b gazetteer.Country) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("not sorted by code")
	}
	for _, c := range cs {
		if len(c.Code) != 2 || c.Name == "" {
			t.Errorf("bad country %+v", c)
		}
		for _, n := range append(slices.Clone(c.Names), c.Demonyms...) {
			if code, ok := gazetteer.LookupCountry(n); ok && code != c.Code {
				t.Errorf("%s lists %q, which looks up as %s", c.Code, n, code)
			}
		}
	}
}

func TestLookupCity(t *testing.T) {
	tests := []struct {
		in, name, country string
	}{
		{"Xi'an", "Xi'an", "CN"},
		{"Xi’an", "Xi'an", "CN"},
		{"Xian", "Xi'an", "CN"},
		{"xi'an", "Xi'an", "CN"},
		{"Tianjin", "Tianjin", "CN"},
		{"Beijing", "Beijing", "CN"},
		{"Astana", "Astana", "KZ"},
		{"Nur-Sultan", "Astana", "KZ"},
		{"Almaty", "Almaty", "KZ"},
		{"Tashkent", "Tashkent", "UZ"},
		{"Samarkand", "Samarkand", "UZ"},
		{"Bishkek", "Bishkek", "KG"},
		{"Vienna", "Vienna", "AT"}, // not one of the Viennas of the US
		{"Geneva", "Geneva", "CH"},
		{"Genève", "Geneva", "CH"},
		{"Davos", "Davos", "CH"},
		{"Washington", "Washington", "US"},
		{"Malé", "Malé", "MV"},
		{"Shanghai", "Shanghai", "CN"},
		{"Moscow", "Moscow", "RU"},
		// English names chosen by a rule the data confirms (see README).
		{"Termez", "Termez", "UZ"},
		{"Tirmiz", "Termez", "UZ"},
		{"Kokand", "Kokand", "UZ"},
		{"Qo'qon", "Kokand", "UZ"},
		{"Margilan", "Margilan", "UZ"},
		{"Dashoguz", "Dashoguz", "TM"},
		{"Daşoguz", "Dashoguz", "TM"},
		{"Kulob", "Kulob", "TJ"},
		{"Kŭlob", "Kulob", "TJ"},
		{"Nakhchivan", "Nakhchivan", "AZ"},
		{"Khujand", "Khujand", "TJ"},
		{"Bokhtar", "Bokhtar", "TJ"},
		// GeoNames' alternate names: the city under the name as written.
		{"Kulyab", "Kulyab", "TJ"},
		{"Khodjent", "Khodjent", "TJ"},
		{"Kurgan-Tyube", "Kurgan-Tyube", "TJ"},
		{"Dashkhovuz", "Dashkhovuz", "TM"},
		{"Turkmenbashi", "Turkmenbashi", "TM"},
		{"Ulaanbaatar", "Ulaanbaatar", "MN"},
		{"Alma-Ata", "Alma-Ata", "KZ"},
		{"Kharkov", "Kharkov", "UA"},
		// Prefecture seats that the older export counts too small or
		// not at all; the newer one's populations keep them.
		{"Kashgar", "Kashgar", "CN"},
		{"Korla", "Korla", "CN"},
		{"Lianyungang", "Lianyungang", "CN"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := gazetteer.LookupCity(tt.in)
			if !ok || c.Name != tt.name || c.Country != tt.country {
				t.Errorf("LookupCity(%q) = %+v, %v; want %s, %s", tt.in, c, ok, tt.name, tt.country)
			}
		})
	}
	// Alternate names that would be read as places where a text means
	// something else: people ("Brezhnev", "Ustinov", "Shevchenko",
	// "Ivanov", "Robert Williams", "Stalin"), a country ("Bangladesh"),
	// another city's name ("Samarkand" is not Temirtau, "Talas" not
	// Taraz), codes and short names ("TAS", "Baky").
	for _, in := range []string{"Brezhnev", "Ustinov", "Shevchenko", "Ivanov", "Robert Williams", "Stalin", "Bangladesh", "Baky", "TAS", "Kiev"} {
		if c, ok := gazetteer.LookupCity(in); ok {
			t.Errorf("LookupCity(%q) = %+v", in, c)
		}
	}
	for in, want := range map[string]string{"Samarkand": "UZ", "Talas": "KG"} {
		if c, ok := gazetteer.LookupCity(in); !ok || c.Name != in || c.Country != want {
			t.Errorf("LookupCity(%q) = %+v, %v; want the city of %s", in, c, ok, want)
		}
	}
	if c, _ := gazetteer.LookupCity("Kulyab"); !slices.Contains(c.Aliases, "Kulob") || slices.Contains(c.Aliases, "Kulyab") {
		t.Errorf("Kulyab = %+v, want Kulob among its aliases", c)
	}
	if c, _ := gazetteer.LookupCity("Kulob"); !slices.Contains(c.Aliases, "Kulyab") {
		t.Errorf("Kulob = %+v, want Kulyab among its aliases", c)
	}
	for _, in := range []string{"Nice", "Reading", "Split", "China", "Chinaware", "the", ""} {
		if c, ok := gazetteer.LookupCity(in); ok {
			t.Errorf("LookupCity(%q) = %+v", in, c)
		}
	}
	if c, _ := gazetteer.LookupCity("Astana"); !c.Capital || c.Population < 300000 || !slices.Contains(c.Aliases, "Nur-Sultan") {
		t.Errorf("Astana = %+v", c)
	}
}

type found struct {
	surface string
	kind    gazetteer.Kind
	code    string
	city    string
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "sentence",
			text: "On July 3, President Xi Jinping held talks in Astana with Kazakh President Kassym-Jomart Tokayev.",
			want: []found{
				{"Astana", gazetteer.MentionCity, "KZ", "Astana"},
				{"Kazakh", gazetteer.MentionDemonym, "KZ", ""},
			},
		},
		{
			name: "saint abbreviated",
			text: "met in St Petersburg and in St. Petersburg",
			want: []found{
				{"St Petersburg", gazetteer.MentionCity, "RU", "Saint Petersburg"},
				{"St. Petersburg", gazetteer.MentionCity, "RU", "Saint Petersburg"},
			},
		},
		{
			name: "longest name wins",
			text: "the People's Republic of China and the Kyrgyz Republic",
			want: []found{
				{"People's Republic of China", gazetteer.MentionCountry, "CN", ""},
				{"Kyrgyz Republic", gazetteer.MentionCountry, "KG", ""},
			},
		},
		{
			name: "hyphenated compounds",
			text: "China-Kyrgyzstan-Uzbekistan railway and China–Central Asia summit, U.S.-China ties",
			want: []found{
				{"China", gazetteer.MentionCountry, "CN", ""},
				{"Kyrgyzstan", gazetteer.MentionCountry, "KG", ""},
				{"Uzbekistan", gazetteer.MentionCountry, "UZ", ""},
				{"China", gazetteer.MentionCountry, "CN", ""},
				{"U.S.", gazetteer.MentionCountry, "US", ""},
				{"China", gazetteer.MentionCountry, "CN", ""},
			},
		},
		{
			name: "hyphenated name",
			text: "Guinea-Bissau and Guinea, Sharm el-Sheikh",
			want: []found{
				{"Guinea-Bissau", gazetteer.MentionCountry, "GW", ""},
				{"Guinea", gazetteer.MentionCountry, "GN", ""},
				{"Sharm el-Sheikh", gazetteer.MentionCity, "EG", "Sharm el-Sheikh"},
			},
		},
		{
			name: "possessives",
			text: "China's position, Uzbekistan’s reforms and the Kyrgyz Republic's stance in Xi'an's old town",
			want: []found{
				{"China", gazetteer.MentionCountry, "CN", ""},
				{"Uzbekistan", gazetteer.MentionCountry, "UZ", ""},
				{"Kyrgyz Republic", gazetteer.MentionCountry, "KG", ""},
				{"Xi'an", gazetteer.MentionCity, "CN", "Xi'an"},
			},
		},
		{
			name: "not inside words or in lower case",
			text: "let us buy Chinaware and fine china in Tianjinese shops; turkey for dinner",
			want: nil,
		},
		{
			name: "abbreviations",
			text: "the US and the UK, the U.S. side, the PRC, US's allies",
			want: []found{
				{"US", gazetteer.MentionCountry, "US", ""},
				{"UK", gazetteer.MentionCountry, "GB", ""},
				{"U.S.", gazetteer.MentionCountry, "US", ""},
				{"PRC", gazetteer.MentionCountry, "CN", ""},
				{"US", gazetteer.MentionCountry, "US", ""},
			},
		},
		{
			name: "headline in capitals",
			text: "LEADERS MEET AS IN THE PAST; CHINA AND RUSSIA",
			want: []found{
				{"CHINA", gazetteer.MentionCountry, "CN", ""},
				{"RUSSIA", gazetteer.MentionCountry, "RU", ""},
			},
		},
		{
			name: "demonyms",
			text: "the Chinese Cultural Center, American and Russian envoys, the Turkmen side and Uzbekistani partners",
			want: []found{
				{"Chinese", gazetteer.MentionDemonym, "CN", ""},
				{"American", gazetteer.MentionDemonym, "US", ""},
				{"Russian", gazetteer.MentionDemonym, "RU", ""},
				{"Turkmen", gazetteer.MentionDemonym, "TM", ""},
				{"Uzbekistani", gazetteer.MentionDemonym, "UZ", ""},
			},
		},
		{
			name: "cities and curly apostrophes",
			text: "from Xi’an and Xian to Tashkent, Bishkek, Vienna, Geneva, Davos, Samarkand, Almaty and Beijing",
			want: []found{
				{"Xi’an", gazetteer.MentionCity, "CN", "Xi'an"},
				{"Xian", gazetteer.MentionCity, "CN", "Xi'an"},
				{"Tashkent", gazetteer.MentionCity, "UZ", "Tashkent"},
				{"Bishkek", gazetteer.MentionCity, "KG", "Bishkek"},
				{"Vienna", gazetteer.MentionCity, "AT", "Vienna"},
				{"Geneva", gazetteer.MentionCity, "CH", "Geneva"},
				{"Davos", gazetteer.MentionCity, "CH", "Davos"},
				{"Samarkand", gazetteer.MentionCity, "UZ", "Samarkand"},
				{"Almaty", gazetteer.MentionCity, "KZ", "Almaty"},
				{"Beijing", gazetteer.MentionCity, "CN", "Beijing"},
			},
		},
		{
			name: "English words that are also city names",
			text: "Nice progress in Reading the Split decision",
			want: nil,
		},
		{
			name: "multi-byte text before a name",
			text: "«Ünïcödé» — Tőkés: Türkiye and Côte d'Ivoire",
			want: []found{
				{"Türkiye", gazetteer.MentionCountry, "TR", ""},
				{"Côte d'Ivoire", gazetteer.MentionCountry, "CI", ""},
			},
		},
		{
			name: "line break inside a name",
			text: "the United\nStates and the Republic of\nKorea",
			want: []found{
				{"United\nStates", gazetteer.MentionCountry, "US", ""},
				{"Republic of\nKorea", gazetteer.MentionCountry, "KR", ""},
			},
		},
		{
			name: "punctuation breaks a name",
			text: "United. States",
			want: nil,
		},
		{
			name: "cities that are given names",
			text: "President Vladimir Putin and Secretary Austin met in Vladimir. Talks in Geneva on Monday; the Geneva Convention; in Washington D.C. and Washington; in Russia's Vladimir.",
			want: []found{
				{"Vladimir", gazetteer.MentionCity, "RU", "Vladimir"},
				{"Geneva", gazetteer.MentionCity, "CH", "Geneva"},
				{"Washington D.C.", gazetteer.MentionCity, "US", "Washington"},
				{"Washington", gazetteer.MentionCity, "US", "Washington"},
				{"Russia", gazetteer.MentionCountry, "RU", ""},
				{"Vladimir", gazetteer.MentionCity, "RU", "Vladimir"},
			},
		},
		{
			name: "alternate names as written",
			text: "talks in Termez and Kulyab, a visit to Khodjent; Ambassador Khalil Hashmi and Mr Khalil",
			want: []found{
				{"Termez", gazetteer.MentionCity, "UZ", "Termez"},
				{"Kulyab", gazetteer.MentionCity, "TJ", "Kulyab"},
				{"Khodjent", gazetteer.MentionCity, "TJ", "Khodjent"},
			},
		},
		{
			// Gyzylarbat is kept as one of Turkmenistan's largest towns;
			// its new name, a given name the lists lack, is read like one.
			name: "a small town's other name beside a name",
			text: "President Serdar Berdimuhamedov visited Serdar and Atamyrat Mashalov spoke.",
			want: []found{
				{"Serdar", gazetteer.MentionCity, "TM", "Gyzylarbat"},
			},
		},
		{
			name: "a region named after a country inside another",
			text: "Hohhot, Inner Mongolia; an Inner Mongolian firm; the Mongolian side; North Kazakhstan; North Korea",
			want: []found{
				{"Hohhot", gazetteer.MentionCity, "CN", "Hohhot"},
				{"Mongolian", gazetteer.MentionDemonym, "MN", ""},
				{"Kazakhstan", gazetteer.MentionCountry, "KZ", ""},
				{"North Korea", gazetteer.MentionCountry, "KP", ""},
			},
		},
		{name: "empty", text: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []found
			prevEnd := 0
			for _, m := range gazetteer.Scan(tt.text) {
				if m.Start < prevEnd || m.End <= m.Start || m.End > len(tt.text) {
					t.Fatalf("bad offsets %d:%d after %d", m.Start, m.End, prevEnd)
				}
				prevEnd = m.End
				got = append(got, found{tt.text[m.Start:m.End], m.Kind, m.Code, m.City})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Scan(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanConcurrent(t *testing.T) {
	text := strings.Repeat("China and Kyrgyzstan met in Bishkek. ", 50)
	want := len(gazetteer.Scan(text))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := len(gazetteer.Scan(text)); got != want {
				t.Errorf("got %d mentions, want %d", got, want)
			}
		})
	}
	wg.Wait()
}

// prose is made-up diplomatic prose of the kind the extractor reads.
const prose = `On the afternoon of June 12, President Xi Jinping held talks in Beijing with President Sadyr Japarov of the Kyrgyz Republic, who is on a state visit to China. The two heads of state agreed to deepen the comprehensive strategic partnership between China and Kyrgyzstan and to advance the China-Kyrgyzstan-Uzbekistan railway project. Xi Jinping noted that China's development is an opportunity for Central Asian countries, and that the Chinese side is ready to import more high-quality agricultural products from Kyrgyzstan, support Chinese enterprises in investing in the Kyrgyz market and strengthen cooperation in new energy, cross-border e-commerce and vocational training. Japarov said that Kyrgyzstan firmly adheres to the one-China principle and welcomes more Chinese tourists. The two sides signed agreements on customs, agriculture and media, and agreed to hold the next meeting in Bishkek. Earlier, the foreign ministers met in Astana and Tashkent, and the leaders of Kazakhstan, Tajikistan, Turkmenistan and Uzbekistan attended the summit in Xi'an last year. The United States and the European Union sent observers; the U.S. delegation arrived from Washington via Vienna and Geneva, while Russian and Turkish diplomats came from Moscow and Ankara. Prime Minister Li Qiang will attend the forum in Davos and visit Samarkand and Almaty. `

func BenchmarkScan(b *testing.B) {
	text := strings.Repeat(prose, 4) // about 7 KB, a long readout
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		gazetteer.Scan(text)
	}
}
