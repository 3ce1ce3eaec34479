package synth

import "github.com/pledgegraph/pledgegraph/schema"

// The gazetteer the generator draws from: real countries, leaders (with the
// spellings different press services use), cities, summits and projects, so
// that the corpus repeats people, places and projects the way real readouts
// do.

type country struct {
	code, name, adj string
	leader          []string // spellings, the first the commonest
	role            string
	cities          []string
	press           string // whose press service writes the partner-side readout
	site            string
}

var countries = map[string]country{
	"CN": {"CN", "China", "Chinese", []string{"Xi Jinping"}, "President", []string{"Beijing", "Xi'an", "Shanghai", "Tianjin", "Hangzhou", "Chengdu", "Qingdao"}, "Xinhua", "https://www.fmprc.gov.cn/eng/zxxx_662805/"},
	"KZ": {"KZ", "Kazakhstan", "Kazakh", []string{"Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"}, "President", []string{"Astana", "Almaty", "Turkistan"}, "Akorda press service", "https://www.akorda.kz/en/"},
	"KG": {"KG", "Kyrgyzstan", "Kyrgyz", []string{"Sadyr Japarov", "Sadyr Zhaparov"}, "President", []string{"Bishkek", "Cholpon-Ata", "Osh"}, "presidential press service", "https://president.kg/en/"},
	"UZ": {"UZ", "Uzbekistan", "Uzbek", []string{"Shavkat Mirziyoyev", "Shavkat Mirziyoev"}, "President", []string{"Tashkent", "Samarkand", "Bukhara"}, "press service of the President", "https://president.uz/en/"},
	"TJ": {"TJ", "Tajikistan", "Tajik", []string{"Emomali Rahmon", "Emomali Rakhmon"}, "President", []string{"Dushanbe", "Khujand"}, "press service of the President", "https://www.president.tj/en/"},
	"TM": {"TM", "Turkmenistan", "Turkmen", []string{"Serdar Berdimuhamedov", "Serdar Berdymukhamedov"}, "President", []string{"Ashgabat", "Turkmenbashi"}, "State News Agency", "https://tdh.gov.tm/en/"},
	"MN": {"MN", "Mongolia", "Mongolian", []string{"Ukhnaagiin Khurelsukh", "Ukhnaagiin Hurelsuh"}, "President", []string{"Ulaanbaatar"}, "Office of the President", "https://president.mn/en/"},
	"AZ": {"AZ", "Azerbaijan", "Azerbaijani", []string{"Ilham Aliyev", "Ilham Aliev"}, "President", []string{"Baku"}, "presidential press service", "https://president.az/en/"},
	"RU": {"RU", "Russia", "Russian", []string{"Vladimir Putin"}, "President", []string{"Moscow", "Kazan", "Saint Petersburg"}, "Kremlin press service", "http://en.kremlin.ru/events/president/news/"},
	"US": {"US", "the United States", "US", []string{"Antony Blinken", "Antony J. Blinken"}, "Secretary of State", []string{"Washington"}, "Department of State", "https://www.state.gov/"},
}

// pairs are who meets, weighted: China meets everyone often; the others
// meet each other now and then.
var pairs = []struct {
	a, b   string
	weight int
}{
	{"CN", "KZ", 10}, {"CN", "KG", 10}, {"CN", "UZ", 10}, {"CN", "TJ", 8}, {"CN", "TM", 7},
	{"CN", "MN", 5}, {"CN", "AZ", 4}, {"CN", "RU", 8},
	{"KZ", "UZ", 4}, {"KG", "UZ", 3}, {"KZ", "KG", 3}, {"RU", "KZ", 5}, {"RU", "UZ", 3},
	{"US", "UZ", 3}, {"US", "KZ", 3}, {"AZ", "KZ", 2},
}

// summits are the occasions on whose sidelines leaders meet, with the city
// that hosted them each year.
var summits = []struct {
	name  string
	host  map[int]struct{ city, country string }
	month int
}{
	{"Shanghai Cooperation Organization Summit", map[int]struct{ city, country string }{
		2013: {"Bishkek", "KG"}, 2014: {"Dushanbe", "TJ"}, 2015: {"Ufa", "RU"}, 2016: {"Tashkent", "UZ"},
		2017: {"Astana", "KZ"}, 2018: {"Qingdao", "CN"}, 2019: {"Bishkek", "KG"}, 2021: {"Dushanbe", "TJ"},
		2022: {"Samarkand", "UZ"}, 2024: {"Astana", "KZ"}, 2025: {"Tianjin", "CN"},
	}, 7},
	{"China-Central Asia Summit", map[int]struct{ city, country string }{
		2023: {"Xi'an", "CN"}, 2025: {"Astana", "KZ"},
	}, 5},
}

// project is a named thing a pair's commitments concern, with its topic.
type project struct {
	schema.Entity
	topic, subtopic string
}

var (
	cku      = project{schema.Entity{Name: "China-Kyrgyzstan-Uzbekistan railway", Aliases: []string{"CKU railway"}, Kind: schema.EntityProject}, "connectivity", "connectivity/railways"}
	lineD    = project{schema.Entity{Name: "Line D of the China-Central Asia gas pipeline", Aliases: []string{"Line D"}, Kind: schema.EntityProject}, "energy", "energy/oil-gas"}
	middle   = project{schema.Entity{Name: "Trans-Caspian International Transport Route", Aliases: []string{"Middle Corridor"}, Kind: schema.EntityProject}, "connectivity", "connectivity/corridors"}
	c5plus1  = project{schema.Entity{Name: "C5+1 diplomatic platform", Aliases: []string{"C5+1"}, Kind: schema.EntityInitiative}, "multilateral", ""}
	projects = map[string][]project{
		"CN-KG": {cku}, "CN-UZ": {cku}, "KG-UZ": {cku},
		"CN-KZ": {{schema.Entity{Name: "Khorgos International Border Cooperation Center", Kind: schema.EntityProject}, "connectivity", "connectivity/border-crossings"},
			{schema.Entity{Name: "China-Europe Railway Express", Kind: schema.EntityProject}, "connectivity", "connectivity/railways"}},
		"CN-TM": {lineD},
		"CN-TJ": {lineD, {schema.Entity{Name: "Dushanbe-Chanak highway", Kind: schema.EntityProject}, "connectivity", "connectivity/roads"}},
		"CN-MN": {{schema.Entity{Name: "China-Mongolia-Russia Economic Corridor", Kind: schema.EntityInitiative}, "connectivity", "connectivity/corridors"}},
		"CN-RU": {{schema.Entity{Name: "Power of Siberia 2 gas pipeline", Aliases: []string{"Power of Siberia 2"}, Kind: schema.EntityProject}, "energy", "energy/oil-gas"}},
		"CN-AZ": {middle}, "AZ-KZ": {middle},
		"KZ-UZ": {{schema.Entity{Name: "Central Asia International Industrial Cooperation Center", Kind: schema.EntityProject}, "investment", "investment/industrial-parks"}},
		"RU-KZ": {{schema.Entity{Name: "North-South International Transport Corridor", Kind: schema.EntityProject}, "connectivity", "connectivity/corridors"}},
		"RU-UZ": {{schema.Entity{Name: "Uzbekistan nuclear power plant", Kind: schema.EntityProject}, "energy", "energy/nuclear"}},
		"US-UZ": {c5plus1}, "US-KZ": {c5plus1},
	}
)

var (
	bri   = schema.Entity{Name: "Belt and Road Initiative", Aliases: []string{"BRI"}, Kind: schema.EntityInitiative}
	sco   = schema.Entity{Name: "Shanghai Cooperation Organization", Aliases: []string{"SCO"}, Kind: schema.EntityOrganization}
	luban = schema.Entity{Name: "Luban Workshop", Kind: schema.EntityInstitution}
	gdi   = schema.Entity{Name: "Global Development Initiative", Aliases: []string{"GDI"}, Kind: schema.EntityInitiative}
)

// item is one thing a pair may commit to, in the words different readouts
// use for it. In a template, {A} and {B} are the actor's and the
// counterpart's names, {Aadj} and {Badj} their adjectives and {P} the item's
// entity. hub marks items only China commits to; regional those only
// Eurasian governments discuss.
type item struct {
	topic, subtopic string
	entity          *schema.Entity // nil, or fixed
	project         bool           // the entity, topic and subtopic are one of the pair's projects'
	hub, regional   bool
	modality        schema.Modality
	variants        []string
}

var agenda = []item{
	{project: true, modality: schema.ModalityPledge, variants: []string{
		"accelerate the implementation of the {P}", "advance the {P}", "push forward the {P}", "speed up work on the {P}"}},
	{project: true, modality: schema.ModalityAgreement, variants: []string{
		"implement the {P} on schedule", "make steady progress on the {P}"}},
	{topic: "connectivity", subtopic: "connectivity/belt-and-road", entity: &bri, hub: true, modality: schema.ModalityPledge, variants: []string{
		"deepen high-quality Belt and Road cooperation with {B}", "advance high-quality Belt and Road cooperation with {B}"}},
	{topic: "connectivity", subtopic: "connectivity/border-crossings", modality: schema.ModalityCall, variants: []string{
		"improve the efficiency of border checkpoints", "raise the capacity of border checkpoints", "improve the efficiency of border crossing points"}},
	{topic: "political", subtopic: "political/shared-future", hub: true, modality: schema.ModalityPledge, variants: []string{
		"build a {A}-{B} community with a shared future", "advance the building of a {A}-{B} community with a shared future"}},
	{topic: "political", subtopic: "political/sovereignty", hub: true, modality: schema.ModalitySupport, variants: []string{
		"firmly support {B} in safeguarding its national independence, sovereignty and territorial integrity",
		"support {B} in safeguarding its sovereignty and territorial integrity"}},
	{topic: "development", subtopic: "development/strategies", modality: schema.ModalityCall, variants: []string{
		"deepen the synergy of development strategies", "deepen the coordination of development strategies", "strengthen the alignment of development strategies"}},
	{topic: "trade", subtopic: "trade/imports", hub: true, modality: schema.ModalityOffer, variants: []string{
		"import more quality agricultural products from {B}", "expand imports of quality agricultural products from {B}"}},
	{topic: "trade", modality: schema.ModalityCall, variants: []string{
		"raise bilateral trade to a new level", "expand bilateral trade", "increase bilateral trade volume"}},
	{topic: "investment", subtopic: "investment/enterprises", hub: true, modality: schema.ModalityPledge, variants: []string{
		"support {Aadj} enterprises in investing and doing business in {B}", "encourage more {Aadj} enterprises to invest in {B}"}},
	{topic: "energy", subtopic: "energy/renewables", modality: schema.ModalityCall, variants: []string{
		"expand cooperation on wind and solar power", "expand cooperation on solar and wind power generation"}},
	{topic: "energy", subtopic: "energy/oil-gas", modality: schema.ModalityCall, variants: []string{
		"ensure the stable supply of oil and natural gas", "ensure stable supplies of natural gas"}},
	{topic: "industry", subtopic: "industry/new-energy-vehicles", modality: schema.ModalityCall, variants: []string{
		"strengthen cooperation in new energy vehicles", "expand cooperation in new energy vehicle manufacturing"}},
	{topic: "industry", subtopic: "industry/digital", modality: schema.ModalityCall, variants: []string{
		"expand cooperation in the digital economy and artificial intelligence", "deepen cooperation in the digital economy"}},
	{topic: "people", subtopic: "people/education", entity: &luban, hub: true, modality: schema.ModalityPledge, variants: []string{
		"give full play to the role of the Luban Workshop in {B}", "set up more Luban Workshops in {B}"}},
	{topic: "people", subtopic: "people/tourism", modality: schema.ModalityCall, variants: []string{
		"facilitate personnel exchanges and tourism", "make personnel exchanges and tourism easier"}},
	{topic: "multilateral", subtopic: "multilateral/sco", entity: &sco, regional: true, modality: schema.ModalityCall, variants: []string{
		"strengthen coordination within the Shanghai Cooperation Organization", "step up coordination within the SCO framework"}},
	{topic: "security", subtopic: "security/counter-terrorism", regional: true, modality: schema.ModalityCall, variants: []string{
		"jointly combat terrorism, separatism and extremism", "jointly fight the three evil forces of terrorism, separatism and extremism"}},
	{topic: "finance", subtopic: "finance/currency", modality: schema.ModalityCall, variants: []string{
		"expand local-currency settlement", "expand the use of local currencies in settlement"}},
	{topic: "agriculture", subtopic: "agriculture/food-security", modality: schema.ModalityCall, variants: []string{
		"deepen cooperation on food security", "strengthen cooperation on food security"}},
	{topic: "environment", subtopic: "environment/water", modality: schema.ModalityCall, variants: []string{
		"strengthen cooperation on the rational use of transboundary rivers", "deepen cooperation on transboundary water resources"}},
	{topic: "development", subtopic: "development/aid", entity: &gdi, hub: true, modality: schema.ModalitySupport, variants: []string{
		"support {B} in implementing the Global Development Initiative", "work with {B} to implement the Global Development Initiative"}},
}
