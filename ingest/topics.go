package ingest

import (
	"slices"
	"sort"
	"strings"

	"github.com/pledgegraph/pledgegraph/ingest/gazetteer"
	"github.com/pledgegraph/pledgegraph/schema"
)

// topicVocabulary maps general diplomatic vocabulary (the coverage column
// of the guidelines' topic table, in the words diplomats and news agencies
// use for each domain) to a topic slug, a subtopic where one fits. One
// line per slug: "slug: phrase | phrase | ...". Phrases are lower-case
// words as the tokenizer cuts them (hyphenated words are one word:
// "cross-border e-commerce" is two) and are matched through stem, so a
// singular stands for its plural. At each word the longest phrase wins:
// "new energy vehicles" is industry, not energy; "energy security" is
// energy, not security; "global security initiative" is political and
// security. A
// phrase listed under two slugs names both ("a business council" is
// trade and investment). "Economic" names no domain of its own (dev's
// "economic, trade and investment cooperation" takes its topics from trade
// and investment; CONSISTENCY Q3): "the intergovernmental commission on
// economic cooperation" and "a programme of economic cooperation" are
// general, "deepen economic cooperation, including on clean energy" is
// energy. Technology named as a means yields to the domain
// it serves: "the digitalisation of customs procedures" is trade, "a
// joint laboratory for drip irrigation" agriculture, "the digital lari" a
// currency; "the digital economy" and "cooperation in science and
// technology" keep their own domain. So does a channel of exchange
// (talks, contacts, visits, embassies, consular services): "begin talks
// on a free trade agreement" is trade, "expand contacts between
// universities" education; alone, "hold talks in Astana" is a
// high-level exchange. The works of a power grid name power: "finish the
// converter station", "modernise the Datka substation", "the Kazarman
// cascade" (of hydropower plants). Emergency response, rescue and disaster risk are
// natural hazards of water and ecology, so environment (the tuning gold's
// consistency rule Q2): "hold a joint earthquake rescue exercise" is
// environment, not security; security stays only where defence or the
// border is named beside it.
//
// Marks after a phrase:
//
//	!      the phrase closes the head: what follows describes it
//	       ("community with a shared future featuring ... friendship")
//	^slug  as ~slug, but only where the phrase modifies: an item of a
//	       list with commas keeps its topic ("energy transportation" is
//	       energy, "energy, transportation and agriculture" three domains)
//	=slug,slug  as ~, but only when those are all the span's other
//	       topics: "supply electricity" is energy, "supply rolling stock
//	       for the line" connectivity, "supply the schools with
//	       textbooks" education, "supplies of grain and fuel" are traded
//	       goods
//	~slug  (or ~slug,slug) the phrase yields to slug: its topic is dropped when the
//	       span also has slug from another phrase ("transit" on an
//	       energy item is energy transit, not connectivity; "security"
//	       beside "sovereignty" is a political stance; "purchases" of
//	       arms are security, not trade); ~* yields to any other
//	       topic ("an intergovernmental agreement on the demarcation
//	       of the border" is about the border)
var topicVocabulary = `
political/sovereignty: sovereignty | territorial integrity | independence | core interests | major concerns | one-china |
  development path | internal affairs | national conditions | taiwan | taiwan question | xinjiang~* | xizang~* | tibet~* | hong kong~* |
  reunification | non-interference | interference | its territory | their territory | territory | outside interference | external interference | national unity |
  unilateral sanctions | coercive measures | unilateral coercive measures | external forces | hegemonism | unilateralism | power politics | bloc confrontation | cold war mentality | foreign policy |
  separatist | separatist activities | its territory to be used | their territory to be used | territory to be used | use its territory | use their territory | color revolution | colour revolution | neutrality | neutral status | permanent neutrality |
  constitutional order | political system | multipolar | multipolarity | multipolar world | international law |
  independent | peace process | peace talks | peaceful settlement | political settlement | political solution | ceasefire |
  major powers | path of development | global security initiative | global civilization initiative | human rights | democracy
political/partnership: partnership~* | partner | strategic cooperation | relationship | relations~* | ties~* | friend |
  good-neighborliness | good neighborliness | good-neighbourliness | neighborliness | neighbourliness | mutual trust |
  political trust | mutual support | support each other~* | supporting each other~* | support to each other | consensus | common understandings |
  diplomatic relations | alliance relationship | reliable ally | strategic ally | closest ally | close ally | reliable allies | strategic partner | all-weather | brotherly | fraternal | mutual respect |
  bilateral agenda | bilateral relations
political/high-level-exchanges: heads of state | channel of communication | lines of communication | channels of communication |
  communication channels | communication~* | contact~* | close contact~* | contacts~* | talks~* | dialogue~* | next meeting~* | meet again~* | visit~* |
  senior officials | strategic communication | high-level~* | state visit | official visit | exchange of visits | exchanges of visits |
  consultations~* | consultation~* | intergovernmental~* | inter-governmental~* | summit | meeting~* | parliamentary | inter-parliamentary |
  parliament | parliaments | legislative | legislatures | diplomatic~* | diplomacy~* | embassy~* | embassies~* | consulate~* | consular~* |
  foreign ministries | foreign ministry~* | foreign affairs~* | interaction~* | next round~* | invitation~* | invite~* | invited~* | invites~* |
  federal assembly | national assembly | legislative assembly | friendship group | friendship groups
political/governance: governance | governance experience | political parties | party-to-party | state governance | legislation |
  public administration | public services | public service | civil service | self-government | local self-government | state administration
political/shared-future: community with a shared future! | shared future!
political: political | politically | joint statement~* | joint declaration~* | joint communique~* | joint communiqué~*
security: security~political/sovereignty | cybersecurity | cyber security | information security | biosecurity | security services | critical infrastructure |
  special services | nonproliferation | non-proliferation | disarmament | arms control |
  weapons | demining | mine clearance | peacekeeping | peacekeepers | peacekeeper | global security initiative |
  peace and stability | stability and security | durable peace | lasting peace | peace and security | regional stability | regional security |
  nuclear issue | nuclear issues | nuclear weapons | nuclear weapon | denuclearization | nuclear-free | nuclear-weapon-free | korean peninsula | export control | export controls |
  intelligence | intelligence sharing | drone~* | counter-drone | safety of | its territory to be used | their territory to be used | territory to be used |
  use its territory | use their territory | csto | collective security treaty organization | collective security treaty organisation | collective security treaty
security/defence: defence | defense | military | military-technical | armed forces | army | alliance~political | defense industry | military equipment |
  arms | fighter | fighter aircraft | fighter jets | armaments | weaponry | joint exercise~environment | staff exercise | military exercise | military drills | joint drills |
  training ground | military base | drills~environment | naval | navy | naval drills | joint patrols | strategic patrols | military education
security/law-enforcement: law enforcement | drug trafficking | narcotics | counternarcotics | counter-narcotics | anti-drug | drug | transnational crime | organized crime | fentanyl | precursors | precursor |
  organised crime | cybercrime | police | illegal migration | money laundering | smuggling | trafficking | crime
security/counter-terrorism: terrorism | counter-terrorism | counterterrorism | anti-terrorism | anti-terrorist | terrorist | extremism | extremist |
  separatism | three evil forces | radicalization | radicalisation | terror
security/border: border security | state border~connectivity | state borders~connectivity | delimitation | demarcation | border protection | border guards | border management | border posts | border post | outposts | outpost | border agencies | border agency | border~* | borders~* |
  border service | border troops | border areas~* | frontier posts | frontier post | frontier guards
connectivity: connectivity | interconnectivity | interconnection | infrastructure~* | cable~energy | fiber-optic~energy
connectivity/railways: railway | railways | rail | freight train | freight trains | passenger trains | container trains |
  railroad | high-speed rail | locomotive | locomotives | rolling stock | wagons | railcars
connectivity/roads: road | highway | motorway | expressway | bridge | tunnel | automobile road
connectivity/ports: port | seaport | dry port | harbor | harbour | shipping | ferry | maritime | sea routes | container | terminal~energy
connectivity/aviation: aviation | flights | flight | direct flights | air routes | air route | air service | airline | airport | air links
connectivity/corridors: corridor~energy | transport^energy | transportation^energy | logistics | transit~energy | carriers | freight | green corridor | green corridors |
  cargo | multimodal | route~energy | routes~energy | export routes | export route | trade route | trade routes | transport corridor | trans-caspian | north-south | middle corridor | roadways |
  land routes
connectivity/border-crossings: crossings | crossing | border crossings | border checkpoints | checkpoints | border crossing | border crossing points | border stations | border station |
  border ports | border port | crossing points
connectivity/belt-and-road: belt and road | bri | silk road
trade: trade | trading | commerce | free trade | commercial~* | trade turnover | turnover | goods | commodities | mutual trade | buyers | buyer | supplying=energy,security,connectivity,people | supplied=energy,security,connectivity,people | deliveries~energy,security,development | delivery~energy,security,development |
  supply chains~industry | supply chain~industry | wto | wto accession | world trade organization | purchases~security | procurement~security | buy~security | buying~security | bought~security |
  market~finance,energy | markets~finance,energy | trade fair | offtake | expo | world markets~connectivity | global markets~connectivity | international markets~connectivity |
  trade and economic | retail | wholesale | business council | business councils | business mission | business missions | commercial delegation | economic partnership | supply=energy,security,connectivity,people
trade/imports: imports | import | exports | export | importing | exporting | exporters | importers | supplies of goods
trade/market-access: market access | tariffs | tariff | customs | quarantine~agriculture | phytosanitary | technical regulations | sanitary | certification | certificates | quota~people,connectivity | quotas~people,connectivity | green corridor | green corridors |
  non-tariff barriers | trade barriers | standards | inspection | green lane | green lanes | fast-track clearance
trade/e-commerce: e-commerce | cross-border e-commerce | digital trade | online trade
investment: investment | invest | investing | invested | investors | investor | capital | investment climate | private sector |
  business council | business councils | business mission | business missions | commercial delegation | business forum | economic forum | economic forums | business community | business circles | business | businesses |
  entrepreneurs | entrepreneurship | contractors | contractor | economic zone | special economic zone | free economic zone | economic partnership |
  investment fund | investment funds
investment/enterprises: enterprises | enterprise | companies | company | firms | firm | business environment | doing business |
  joint ventures | joint venture | state-owned | market principles~* | market principle~*
investment/industrial-parks: industrial parks | industrial park | industry park | industry parks | industrial zones | industrial zone | technoparks | technopark |
  industrial cooperation zone | cooperation zone | industrial cooperation center | industrial cooperation centre |
  center for industrial cooperation | centre for industrial cooperation
investment/production-capacity: production capacity | capacity cooperation | localization | localisation | industrial capacity | industrial capacities
finance: finance | financial | financing | development finance | fiscal | monetary | bonds | bond | eurobond | eurobonds | sovereign bonds | borrowing | borrowings |
  issuers | issuer | bond market | capital market | capital markets | stock exchange | stock market | interbank | yuan | renminbi | rmb | yuan-denominated | insurance | fintech | debt | tax~investment | taxation |
  double taxation | budget | credit | credit line | sovereign fund | fund~investment | investment fund | investment funds
finance/banking: loans | loan | bank | banks | banking | central bank | central banks | development bank | lending | lend | lends | lent
finance/currency: local currency | local currencies | national currency | national currencies | currency | settlement |
  payments | payment | currency swap | swap~energy | exchange rate | settlements | digital currency | digital currencies |
  digital ruble | digital rouble | digital tenge | digital som | digital sum | digital somoni | digital manat | digital yuan | digital renminbi | digital lari | digital dram | digital lira |
  digital rupee | digital rupiah | digital euro | digital dollar | digital pound | digital won | digital yen | digital dirham | digital riyal | digital real | digital rand | e-cny
energy: energy | energy security | energy cooperation | nuclear industry | oil industry | gas industry | oil and gas industry |
  coal industry | power industry | electric power industry | energy industry | fuel | fuels | coal | refinery | refineries | refining | energy efficiency |
  energy supplies | energy resources | hydrocarbons | hydrocarbon | energy sector
energy/oil-gas: oilfield | oilfields | drilling | oil field | oil fields | gas field | gas fields | gas condensate | compressor station | production-sharing |
  oil | gas | gases | natural gas | lng | liquefied natural gas | petroleum | petroleum products | petrochemical |
  petrochemicals | pipeline | pipelines | gas pipeline | oil pipeline | central asia-china gas pipeline | gas supplies | oil and gas | gas chemical | gasification
energy/power: turbine | turbines | generating capacity | generating capacities | generation capacity | power generation |
  power | electricity | electric power | power grid | power grids | grid | grids | power plant | power plants |
  power station | thermal power | energy system | energy systems | electricity supply | power lines | transmission lines | kwh |
  substation | substations | converter station | converter stations | high-voltage | cascade | cascades |
  electricity market | energy market | power market
energy/nuclear: nuclear~security | reactor | reactors | nuclear fuel | spent fuel | uranium | nuclear power | atomic | nuclear energy | nuclear power plant
energy/renewables: wind farm | wind farms | solar farm | solar farms | wind park | solar park | renewable | renewables | new energy | solar | wind power | wind | hydropower | hydroelectric | hpp | hpps |
  dam | dams | green energy | clean energy | hydrogen | green hydrogen | photovoltaic | small hydropower | alternative energy | hydropower plant
industry: new quality productive forces | productive forces | industry | industrial | industries | industrialization |
  industrialisation | industrial cooperation | processing~* | deep processing~* | value-added | high value-added
industry/manufacturing: manufacturing | textiles~trade | textile~trade | pharmaceuticals~trade | pharmaceutical | machinery~trade | machine-building | machine building |
  engineering~* | automobile | automotive | cars | steel | chemical | chemicals | chemical industry | semiconductor | semiconductors |
  chips | electronics | metallurgy | metallurgical | aluminum~trade | aluminium~trade | copper | shipbuilding | shipyard |
  aircraft~security,trade | aircraft manufacturing | equipment~* | assembly | assemble | assembles | assembling | production | factories | factory | plant manufacturing | cement~trade | glass
industry/new-energy-vehicles: new energy vehicles | new energy vehicle | electric vehicles | electric vehicle | evs
industry/mining: mining | minerals | critical minerals | rare earth | rare earths | mineral resources | subsoil | geology | mine | mines | tungsten | lithium | rare metals | rare-earth | geological |
  geological exploration | deposits | ore | raw materials | critical raw materials
industry/science: science and technology^* | technology^* | technologies^* | technological^* | high-tech | innovation | innovative |
  scientific | science | research~* | r&d | scientists | research institutes | laboratories^* | laboratory^* | academies of sciences |
  biotechnology | biotech | quantum | robotics | technoparks
industry/digital: digital economy | digital^connectivity/corridors,connectivity/border-crossings,trade,security | digitalization^connectivity/corridors,connectivity/border-crossings,trade,security |
  digitalisation^connectivity/corridors,connectivity/border-crossings,trade,security | digital transformation | artificial intelligence | ai |
  big data | blockchain | telecommunication | telecommunications | ict | information technology | information technologies |
  information and communication technologies | 5g | cloud computing | data centers | data centres | e-government | internet^* |
  roaming | mobile communications
industry/space: aerospace | space~* | satellite | satellites | space exploration | outer space | lunar | cosmonaut | astronaut
agriculture: agriculture | farming | livestock | fisheries | fishery | agro-industrial | agribusiness | agrarian | farm | farms |
  farmers | irrigation | veterinary | veterinary medicine | plant protection | seeds | seed | crops | crop | horticulture | animal husbandry | agricultural cooperation |
  agricultural machinery | agricultural equipment | agro | fertilizer | fertiliser | mineral fertilizers |
  locust | locusts | pests | plant pests | animal disease | animal diseases | plant quarantine | greenhouse | greenhouses |
  agronomist | agronomists | agronomy | cattle | sheep | harvest | harvests | harvesting | harvesters | combine harvesters
agriculture/products: agricultural | grain | agri-food | farm produce | agricultural products | food products | wheat | cotton |
  meat | dairy | fruit | fruits | vegetables | food | beef | poultry | melons | vegetable oil | sunflower oil | edible oil | cooking oil |
  rice | soybeans | honey | flour | sugar | potatoes | dried fruit | dried fruits | apricots | nuts | grapes | cherries | flaxseed | oilseeds
agriculture/food-security: food security
people: people-to-people | friendship | humanitarian | humanitarian exchanges | humanitarian ties | humanitarian cooperation | friendly exchanges | work permits | work permit | games |
  humanitarian sphere | sports | sport | athletes | athlete | olympic | women | civil society | exchanges between peoples | diaspora | compatriots |
  labor migration | labour migration | migrants | migration | migrant workers | labour migrants | labor migrants | employment | mutual understanding between peoples | think tanks | think-tanks |
  nongovernmental | non-governmental | public diplomacy | personnel exchanges | anniversary | anniversaries
people/culture: cultural | culture | festival | festivals | archaeology | archaeological | alphabet | heritage | museum | museums | film | films | cinema | arts | art | language | crafts | handicrafts | folk |
  languages | literature | libraries | restoration | cultural heritage | years of culture | civilizations | civilization
people/education: train | trains | internship | internships | trainees | teaching | education | educational | students | student | vocational | universities | university | luban | schools |
  school | scholarships | scholarship | academic | training~security | personnel training | train specialists | train personnel |
  specialists | teachers | institutes of higher education |
  higher education | language teaching | confucius institute | human resource development | human resources development |
  human resources | capacity building | capacity-building | training of personnel | training of specialists | diploma | diplomas |
  degrees | academic degrees | mutual recognition of diplomas
people/tourism: tourism | tourists | tourist | visa | visas | visa-free | visa-exemption | visa regime | travel | pilgrimage | tour operators | tour operator | group tours | cruise | cruises | business travelers | business travellers | business travel | tourist route | tourist routes | tourism route | tourism routes
people/health: nuclear medicine | disease prevention | disease control | health | medicine | medical | healthcare | health care | hospital | hospitals | pandemic | epidemic | vaccines | perinatal | neonatal | maternal |
  vaccine | public health | sanitary-epidemiological | doctors | traditional medicine
people/media: media | journalists | news agencies | press | broadcasting | television | tv
people/youth: youth | young people | youngsters | young
people/subnational: local level | subnational | sub-national | sister cities | sister provinces | interregional | inter-regional |
  between regions | regions of the two countries | twin cities | sister-city | local governments | interregional ties | interregional forum |
  interregional cooperation | regional cooperation between | provinces | oblasts | province~* | oblast~* | forum of regions | council of regions |
  municipal~* | municipalities | city-to-city
multilateral/sco: sco | shanghai cooperation organization | shanghai cooperation organisation | shanghai spirit
multilateral/un: un | united nations | un security council | security council | general assembly | un charter | 2030 agenda |
  sustainable development goals | sdgs
multilateral/brics: brics
multilateral/china-central-asia: china-central asia mechanism | china-central asia summit | china-central asia cooperation |
  china-central asia format | central asia-china
multilateral: c5+1 | format~* | asean | association of southeast asian nations | cis | commonwealth of independent states | eaeu | eurasian economic union | eurasian intergovernmental council | eurasian economic commission | supreme eurasian economic council | csto | collective security treaty organization | g20 | g7 |
  multilateral platforms | multilateral frameworks | multilateralism | multilateral cooperation | multilateral coordination | multilateral communication |
  multilateral fora | multilateral formats | multilateral mechanisms | multilateral structures | regional and international | international and regional |
  international affairs | regional affairs | regional integration | eurasian integration | integration processes | international organizations | international organisations | global governance |
  international arena | international platforms | international fora | cica | osce | oic | apec | organization of turkic states | ots |
  turkic states | european union | eu | international issues | regional issues | regional and global | eco | wto | world trade organization |
  wto accession | regional cooperation | countries of the region | international conference |
  economic cooperation organization | international order | world order | regional centre | regional center | within the organization | within the organisation | secretariat
environment/climate: climate | climate change | low-carbon | emissions | carbon | carbon neutrality | decarbonization |
  net zero | hydrometeorology | hydrometeorological | meteorology | meteorological | weather | paris agreement
environment/green: ecology | ecological | ecosystem | ecosystems | environment | environmental | desertification | green development | biodiversity | disaster risk reduction | disaster risk | disaster risks |
  pollution | green economy | green transition | green growth | greening | forest | forests | forestry | afforestation | reforestation | tree-planting | tree planting |
  trees | landscaping | conservation | wildlife | protected areas | natural disasters | disaster reduction | waste | recycling |
  flood | floods | flooding | mudflow | mudflows | earthquake | earthquakes | avalanche | avalanches | wildfire | wildfires | landslide | landslides |
  emergency~* | emergencies~* | emergency situations | emergency services | emergency response | emergency management | rescue | rescuers | rescue services | search and rescue |
  environmental protection | land degradation | drought | sandstorms | aral sea
environment/water: water | water resources | glaciers | water management | water-saving | water supply | transboundary rivers | glacier | glacial | sea level |
  rivers | water initiative | drinking water
development/strategies: development strategies | development strategy | synergy | synergizing | alignment of development strategies |
  national development strategy | development plans | development programs | development programmes
development/poverty: poverty | poverty reduction | poverty alleviation | livelihood | livelihoods | well-being | benefits~* | benefit~* |
  living standard | living standards | standard of living | standards of living | living conditions | quality of life |
  social welfare | social sphere | social development | housing
development/aid: aid | assistance | grant | grants | donor | humanitarian aid | humanitarian assistance | technical assistance |
  development assistance
development/modernization: modernization | modernisation | reforms~* | reform~*
development: global development initiative | economic growth | common development | prosperity | sustainable development | rejuvenation | revitalization |
  vitalization | development~political/sovereignty | economic development | socioeconomic development | socio-economic development |
  economic diversification | diversification
general: various fields | all fields | various areas | all areas | all sectors | pragmatic cooperation | all spheres |
  various spheres | all-round cooperation | comprehensive cooperation
`

// topicRule is one phrase of topicVocabulary, as stems.
type topicRule struct {
	words    []string // stems
	slug     string
	close    bool
	yield    string // drop the slug when the span also has this slug (or root)
	modifier bool   // yield only as a modifier, not as an item of a list
	only     bool   // yield only when the yield slugs are all the span's other topics
}

// topicIndex maps the stem of a first word to its rules, longest first.
var topicIndex = func() map[string][]topicRule {
	m := map[string][]topicRule{}
	for _, line := range strings.Split(strings.ReplaceAll(topicVocabulary, "|\n", "|"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		slug, phrases, ok := strings.Cut(line, ":")
		if !ok {
			panic("ingest: topic vocabulary line without a slug: " + line)
		}
		if _, ok := schema.LookupTopic(slug); !ok {
			panic("ingest: topic rule with unknown slug " + slug)
		}
		for _, ph := range strings.Split(phrases, "|") {
			ph = strings.TrimSpace(ph)
			if ph == "" {
				continue
			}
			r := topicRule{slug: slug}
			if p, y, ok := strings.Cut(ph, "^"); ok {
				ph, r.yield, r.modifier = p, y, true
			}
			if p, y, ok := strings.Cut(ph, "~"); ok {
				ph, r.yield = p, y
			}
			if p, y, ok := strings.Cut(ph, "="); ok {
				ph, r.yield, r.only = p, y, true
			}
			for _, y := range strings.Split(r.yield, ",") {
				if _, ok := schema.LookupTopic(y); !ok && y != "*" && y != "" {
					panic("ingest: topic rule yields to unknown slug " + y)
				}
			}
			if strings.HasSuffix(ph, "!") {
				ph, r.close = strings.TrimSuffix(ph, "!"), true
			}
			for _, w := range strings.Fields(ph) {
				r.words = append(r.words, stem(w))
			}
			m[r.words[0]] = append(m[r.words[0]], r)
			if strings.Contains(ph, "-") {
				// "China–Central Asia mechanism": news copy sets the
				// hyphen of a compound as an en dash
				d := r
				d.words = make([]string, len(r.words))
				for n, w := range r.words {
					d.words[n] = strings.ReplaceAll(w, "-", "–")
				}
				m[d.words[0]] = append(m[d.words[0]], d)
			}
		}
	}
	for k := range m {
		rs := m[k]
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].words) > len(rs[j].words) })
	}
	return m
}()

// stem is a light stemmer for matching vocabulary: it folds a plural onto
// its singular ("companies"/"company", "enterprises"/"enterprise",
// "businesses"/"business", "ports"/"port") by cutting both to a common
// stem. A final "e" stays ("police" is not "policy"). It never allocates.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	case n > 3 && w[n-1] == 'y':
		return w[:n-1]
	}
	return w
}

// tagTopics returns the top-level topics and the subtopics of a span.
// Topics come from the head of the phrase: once a topic is found,
// "so as to", "featuring", "based on" or "for the benefit of" ends the
// scan, since what follows describes the commitment rather than names
// its domain. A bare purpose names one ("set up a fund to finance
// textile projects", "make use of the railway express to expand
// trade"). "development"
// names the development topic only when it is not the development of
// something else ("development of all-round cooperation") or a
// development path. With no topic the phrase is general.
func tagTopics(toks []token) ([]string, []string) {
	top, sub, _ := matchTopics(toks)
	return finishTopics(top, sub)
}

// matchTopics is tagTopics without the default: no topics when no
// phrase of the vocabulary occurs.
func matchTopics(toks []token) ([]string, []string, bool) {
	top, sub, found, quoted := matchTopicsIn(toks, true)
	if !found && quoted {
		// 'build the "Digital Silk Road"': the title is all there is
		top, sub, found, _ = matchTopicsIn(toks, false)
	}
	return top, sub, found
}

// matchTopicsIn is matchTopics; skipTitles leaves out the words of quoted
// titles (the International Decade for Action "Water for Sustainable
// Development": what it is about is said outside it), and quoted says
// whether there were any.
func matchTopicsIn(toks []token, skipTitles bool) (top, sub []string, found, quoted bool) {
	var weak []topicRule // phrases that yield to another topic
	strong := map[string]bool{}
	named := false   // a working body named without a domain
	guarded := false // after "the security of": what is protected
	lastEnd := -1    // where the last phrase of goods or resources ended
	add := func(r topicRule) {
		root := schema.TopicRoot(r.slug)
		if r.yield != "" {
			weak = append(weak, r)
		} else {
			strong[root] = true
		}
		if !containsStr(top, root) {
			top = append(top, root)
		}
		if r.slug != root && !containsStr(sub, r.slug) {
			sub = append(sub, r.slug)
		}
	}
scan:
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if len(top) > 0 && topicBoundary(toks, k) || t.low == "so" && tokLow(toks, k+1) == "as" && tokLow(toks, k+2) == "to" {
			break // "..., so as to bring benefits to the people": a purpose
		}
		if t.kind != tWord || notTopicWord(toks, k) {
			continue
		}
		if w := workingMeeting(toks, k); w != noBody {
			// "set up a working group on A and hold its first
			// meeting": the group's work, not a high-level exchange
			named = named || w == namedBody
			continue
		}
		if skipTitles && t.cap && (quotedTitle(toks, k) || signatoryName(toks, k)) {
			quoted = true
			continue
		}
		if joinsBody(toks, k) {
			// "join the International Solar Alliance", "accession to
			// the World Trade Organization": membership of a grouping
			found = true
			add(topicRule{slug: schema.TopicMultilateral})
		}
		if t.cap {
			if n := legislatureAt(toks, k, len(toks)); n > 0 {
				// "exchanges with the Jogorku Kenesh": a parliament
				found = true
				add(topicRule{slug: "political/high-level-exchanges"})
				k += n - 1
				continue
			}
		}
		if guardedObject(toks, k) {
			guarded = true
		}
		rules := topicIndex[stem(unnumbered(t.low))]
		for ri, r := range rules {
			if !matchRule(toks, k, r) {
				continue
			}
			if guarded && r.yield == "" && schema.TopicRoot(r.slug) == schema.TopicConnectivity {
				r.yield = schema.TopicSecurity // "protect the safety of the railway project": the route is what is kept safe
			}
			if len(r.words) == 1 && (r.words[0] == "development" || r.words[0] == "modernization" || r.words[0] == "modernisation") {
				if n := tokLow(toks, k+1); n == "of" || n == "path" {
					break // "development of all-round cooperation" names that cooperation
				}
			}
			if t.cap && len(r.words) == 1 && schema.TopicRoot(r.slug) != schema.TopicMultilateral {
				if head := orgHead(toks, k); head != "" {
					switch head {
					case "organization", "organisation":
						// "Economic Cooperation Organization": a body of
						// states, multilateral whatever its field.
						found = true
						add(topicRule{slug: schema.TopicMultilateral})
					case "park", "parks", "zone", "zones":
						// "the Dangara Agricultural and Textile Industrial
						// Park": a site for investors whatever it makes
						found = true
						add(topicRule{slug: "investment/industrial-parks"})
					}
					break // "Collective Security Treaty Organization" is not security
				}
			}
			if r.slug == "multilateral/un" && nationalCouncil(toks, k, r) {
				// the country's own security council: security outright
				found = true
				add(topicRule{slug: schema.TopicSecurity})
				k++
				break
			}
			if properNoun(toks, k, r) {
				break // "the Samur River", "with partners": no domain named
			}
			if lastEnd == k && len(r.words) == 1 && t.low == "security" {
				break // "supply chain security", "the Minerals Security Partnership": the safe supply of the goods before
			}
			found = true
			if r.modifier && (tokLow(toks, k-1) == "," || (tokLow(toks, k-1) == "and" || tokLow(toks, k-1) == "or") && tokLow(toks, k-3) == ",") {
				r.yield = "" // "energy, transportation and agriculture": a domain of its own in a list
			}
			if r.yield != "" && r.words[0] == "fund" && len(r.words) == 1 && paysFor(toks, k) {
				r.yield = "*" // "fund the construction of three outposts": the money serves the outposts
			}
			if t.cap && r.words[0] == "meeting" {
				r.yield = "" // "the Consultative Meetings of the Heads of State": a standing format, not one meeting on a subject
			}
			add(r)
			for _, o := range rules[ri+1:] {
				if o.slug != r.slug && slices.Equal(o.words, r.words) {
					add(o) // listed under two slugs: "economic cooperation"
				}
			}
			k += len(r.words) - 1
			if suppliedDomain(r.slug) {
				lastEnd = k + 1
			}
			if r.close {
				break scan
			}
			break
		}
	}
	if len(weak) > 0 {
		top, sub = dropYielded(top, sub, weak, strong)
	}
	if slices.Contains(top, schema.TopicMultilateral) && slices.Contains(sub, "political/high-level-exchanges") {
		// "strengthen cooperation within the SCO and the Consultative
		// Meetings of the Heads of State", "ensure the success of the
		// SCO summit": the format's meetings, as for a summit of more
		// than two parties
		top, sub = multilateralSummit(top, sub)
	}
	if len(top) == 0 && named {
		// "hold a meeting of the intergovernmental commission": the
		// body is named here and names no domain
		top, found = []string{schema.TopicGeneral}, true
	}
	return top, sub, found, quoted
}

// suppliedDomain reports whether a slug's phrases name goods or resources
// whose security is their safe supply: "food and water security",
// "minerals security" (not "aviation security" or "international
// security", which are security).
func suppliedDomain(slug string) bool {
	switch schema.TopicRoot(slug) {
	case schema.TopicIndustry, schema.TopicAgriculture, schema.TopicTrade, schema.TopicEnvironment, schema.TopicEnergy:
		return true
	}
	return false
}

// nearTransit reports whether "transit" stands within a few words of k:
// "tariffs for the transit of each other's goods".
func nearTransit(toks []token, k int) bool {
	for n := max(0, k-5); n < len(toks) && n <= k+4; n++ {
		if toks[n].low == "transit" {
			return true
		}
	}
	return false
}

// joinsBody reports whether the word at k joins a body named in capitals:
// "join the Minerals Security Partnership", "joining the International
// Solar Alliance", "accession to the WTO" (not "join China's payment
// system", a country's own, nor "join the Abraham Accords").
func joinsBody(toks []token, k int) bool {
	n := k + 1
	switch toks[k].low {
	case "join", "joins", "joining", "joined":
	case "accession", "accede", "accedes", "acceding":
		if tokLow(toks, n) != "to" {
			return false
		}
		n++
	default:
		return false
	}
	if tokLow(toks, n) == "the" {
		n++
	}
	if n >= len(toks) || !toks[n].cap || toks[n].kind != tWord || n+1 < len(toks) && toks[n+1].kind == tPoss {
		return false
	}
	last := n
	for e := n + 1; e < len(toks) && e < n+8 && toks[e].kind == tWord && (toks[e].cap || nameConnectors[toks[e].low]); e++ {
		if toks[e].cap {
			last = e
		}
	}
	// "join the Abraham Accords", "join the Global Development
	// Initiative": a document or a programme, no body
	switch entityHeads[toks[last].low] {
	case schema.EntityAgreement, schema.EntityInitiative:
		return false
	}
	return true
}

// verbPosition reports whether the word at k stands where a verb of the
// span does: first, or after "to", a coordinator, an auxiliary or an
// adverb ("train 300 engineers", "help train dispatchers", "will jointly
// train ...").
func verbPosition(toks []token, k int) bool {
	if k == 0 {
		return true
	}
	p := toks[k-1].low
	return p == "to" || p == "and" || p == "or" || p == "help" || p == "helps" || auxiliaries[p] || isAdverb(p)
}

// bearVerbs make "fruit" a result: "bear fruit", "borne fruit".
var bearVerbs = makeSet(`bear bears bore borne bearing yield yields`)

// verbHomographs are vocabulary nouns that, opening a span, are its verb:
// "cement their friendship", "bridge the gap", "fuel growth".
var verbHomographs = makeSet(`cement bridge fuel`)

// notTopicWord reports whether the word at k does not name a domain here
// although a phrase of the vocabulary starts with it: "good" ("a good
// neighbor") is not "goods"; a verb homograph opening the span; "the
// Kazakh capital", "the capital of Uzbekistan" name a city, not money.
func notTopicWord(toks []token, k int) bool {
	t := toks[k]
	switch {
	case t.low == "good":
		return true
	case (t.low == "summit" || t.low == "summits" || t.low == "meeting") && k > 0 && isAcronym(toks[k-1].text):
		// "the SCO summit": the organisation names the domain
		return true
	case t.cap && bodyProgramme(toks, k):
		return true
	case k == 0 && verbHomographs[t.low]:
		return true
	case (t.low == "fruits" || t.low == "fruit") && (tokLow(toks, k+1) == "of" || k > 0 && bearVerbs[toks[k-1].low]):
		return true // "the fruits of the victory", "the fruit of cooperation", "bear fruit": results
	case t.low == "deliver":
		return true // "deliver on the consensus": the verb, not "delivery", which stems alike
	case t.low == "factor" || t.low == "factors":
		return true // "an important factor of stability": not "factories", which stems alike
	case (t.low == "train" || t.low == "trains") && !verbPosition(toks, k):
		return true // "the first train to Tashkent": a train, not training
	case (t.low == "goods" || t.low == "tariffs" || t.low == "tariff") && nearTransit(toks, k):
		return true // "the transit of Kyrgyz goods", "transit tariffs": what is carried and its fare
	case t.low == "safety" && tokLow(toks, k-1) == "and" && tokLow(toks, k-2) == "quality":
		return true // "the quality and safety of its exports": a standard of goods or works
	case t.low == "crossing" && determiners[tokLow(toks, k+1)]:
		return true // "products crossing the border": a participle, not a border crossing
	case t.low == "electronic":
		return true // "an electronic queue", "electronic consignment notes": a means, not "electronics", which stems alike
	case t.low == "bond" && tokLow(toks, k-1) == "a":
		return true // "take the railway as a bond": a tie, not a security
	case t.low == "assembly" && t.cap:
		return true // "the Federal Assembly": a legislature, not assembly lines
	case t.low == "press" && pressOn[tokLow(toks, k+1)]:
		return true // "press ahead with the railway": the verb, not the media
	case t.low == "press" && docNouns[tokLow(toks, k+1)] || t.low == "press" && (tokLow(toks, k+1) == "release" || tokLow(toks, k+1) == "conference"):
		return true // "the Joint Press Communique", "a press conference": not the media
	case t.low == "capitals":
		return true // "flights between the two capitals": cities
	case t.low == "territory" || t.low == "territories" || (t.low == "its" || t.low == "their") && tokLow(toks, k+1) == "territory":
		// "transit through the territory of Iran", "through its
		// territory": a route, not sovereignty
		for b := k - 1; b >= 0 && b >= k-3; b-- {
			switch toks[b].low {
			case "through", "via", "across", "transiting":
				return true
			case "on", "in":
				// "compressor stations on Kazakh territory", "sites on
				// Afghan territory": where the works stand
				if b == k-1 || b == k-2 && (toks[k-1].cap && toks[k-1].kind == tWord || possPronouns[toks[k-1].low]) {
					return true
				}
			}
		}
	case t.low == "capital":
		if n := tokLow(toks, k+1); n == "of" || n == "city" {
			return true
		}
		if k > 0 && (toks[k-1].cap && cityCapital(toks, k-1) || toks[k-1].kind == tPoss || possPronouns[toks[k-1].low] || toks[k-1].low == "the" || toks[k-1].low == "northern" || toks[k-1].low == "southern") {
			return true
		}
	}
	return false
}

// cityCapital reports whether the capitalised word at k, before
// "capital", makes it a city: a possessive ("Kazakhstan's capital") or a
// word after an article ("the Kazakh capital"), not bare money ("bring
// private American capital here"). After any other possessive ("the
// fund's capital") it is the body's own, named by the body.
func cityCapital(toks []token, k int) bool {
	if toks[k].kind == tPoss || k+1 < len(toks) && toks[k+1].kind == tPoss {
		return true
	}
	p := tokLow(toks, k-1)
	return p == "the" || possPronouns[p] || k > 0 && toks[k-1].kind == tPoss
}

// pressOn follow the verb "press": "press ahead with", "press on",
// "press for".
var pressOn = makeSet(`ahead on for forward`)

// supportsPartyIn reports whether a span supports a party in keeping its
// own course: "firmly supports Tajikistan in maintaining national security",
// "supports them in independently choosing their development paths". That
// is a stance on the party's sovereignty, whatever the course's domain.
func supportsPartyIn(toks []token) bool {
	v := skipAdverbs(toks, 0, len(toks))
	switch tokLow(toks, v) {
	case "support", "supports", "supported", "supporting":
	default:
		return false
	}
	k := v + 1
	if tokLow(toks, k) == "them" || tokLow(toks, k) == "it" {
		k++
	} else {
		for k < len(toks) && k < v+5 && toks[k].kind == tWord && (toks[k].cap || toks[k].low == "the") {
			k++
		}
		if k == v+1 || !toks[k-1].cap {
			return false
		}
	}
	if tokLow(toks, k) != "in" {
		return false
	}
	return ownCourse[tokLow(toks, skipAdverbs(toks, k+1, len(toks)))]
}

// ownCourse are what a party does to keep its own course: "in
// safeguarding its sovereignty", "in pursuing a development path", "in
// maintaining stability" (not "in hosting the summit").
var ownCourse = makeSet(`safeguarding upholding maintaining pursuing choosing following defending protecting preserving`)

// regardsAsPartner reports whether a span states how a party regards
// another: "regards China as a reliable friend", "considers Georgia a
// reliable partner", "regards its friendship with China as the
// cornerstone of its foreign policy".
func regardsAsPartner(toks []token) bool {
	switch tokLow(toks, skipAdverbs(toks, 0, len(toks))) {
	case "regards", "regard", "considers", "consider", "views", "view":
	default:
		return false
	}
	for _, t := range toks {
		if stanceNouns[t.low] || t.low == "cornerstone" {
			return true
		}
	}
	return false
}

// withSovereignty adds the political stance on sovereignty to a span's
// topics; it replaces "general", which only says no domain was named.
func withSovereignty(top, sub []string) ([]string, []string) {
	if slices.Contains(top, schema.TopicPolitical) && !slices.Contains(top, schema.TopicGeneral) && slices.Contains(sub, "political/sovereignty") {
		return top, sub // "in safeguarding its sovereignty" says so itself
	}
	top = slices.DeleteFunc(slices.Clone(top), func(x string) bool { return x == schema.TopicGeneral })
	if !slices.Contains(top, schema.TopicPolitical) {
		top = append(top, schema.TopicPolitical)
	}
	if !slices.Contains(sub, "political/sovereignty") {
		sub = append(slices.Clone(sub), "political/sovereignty")
	}
	return top, sub
}

// quotedTitle reports whether the capitalised word at k stands in a
// quoted title: the title names a programme, and what it is about is
// said outside it.
func quotedTitle(toks []token, k int) bool {
	b := k - 1
	for b >= 0 && b >= k-8 && toks[b].kind == tWord && (toks[b].cap || nameConnectors[toks[b].low]) {
		b--
	}
	if b < 0 || !isQuote(toks[b]) || !openQuote(toks[:b+1]) {
		return false // none, or the one that closes an earlier title ('the "A + B" Dialogue on Green Transition')
	}
	e := k + 1
	for e < len(toks) && e <= k+8 && toks[e].kind == tWord && (toks[e].cap || nameConnectors[toks[e].low]) {
		e++
	}
	return e == len(toks) || isQuote(toks[e]) // a span may end before the closing quote
}

// guardedObject reports whether the word at k opens the security of
// something: "ensure the safety of the railway project", "provide
// security for engineers along the route", "the security of
// infrastructure projects". A transport link named after it is what is
// protected, not a domain of the commitment's own (an energy asset keeps
// its domain: "the security of the pipeline" is energy and security).
func guardedObject(toks []token, k int) bool {
	if l := toks[k].low; l != "security" && l != "safety" {
		return false
	}
	n := tokLow(toks, k+1)
	return n == "of" || n == "for"
}

// paysFor reports whether "fund" at k is the paying for something, as a
// verb ("fund the construction of three outposts", "jointly fund
// scholarships") or as the money set aside ("allocate additional funds
// for equipping the border"), not a fund that is a body or a vehicle ("a
// joint investment fund", "the Fund's regional office"). Paying names
// finance only when nothing else is named: what is paid for is the
// domain, as technology named as a means yields to the domain it serves.
func paysFor(toks []token, k int) bool {
	if toks[k].cap {
		return false
	}
	if verbPosition(toks, k) {
		return tokLow(toks, k+1) != "of" // not "a fund of $100 million"
	}
	p := k - 1
	if tokLow(toks, p) == "additional" || tokLow(toks, p) == "the" {
		p--
	}
	return allocateVerbs[tokLow(toks, p)] && tokLow(toks, k+1) == "for"
}

// allocateVerbs set money aside: "allocate funds for", "earmark funds for",
// "set aside funds for".
var allocateVerbs = makeSet(`allocate allocates allocated allocating earmark earmarks earmarked provide provides aside`)

// signatoryName reports whether the capitalised word at k is in the name
// of a body that signs a document, between "between" and the subject: in
// "a Memorandum between the Ministry of Energy and Water Resources of
// Tajikistan and ... on cooperation in the hydropower sector" the
// ministries sign, the subject is hydropower.
func signatoryName(toks []token, k int) bool {
	b := k - 1
	for b >= 0 && b >= k-16 && (toks[b].kind == tWord && (toks[b].cap || signatoryConnectors[toks[b].low]) || toks[b].kind == tPoss) {
		if toks[b].low == "between" {
			for d := b - 1; d >= 0; d-- {
				if toks[d].cap && toks[d].is(wDoc) {
					return true
				}
			}
			return false
		}
		b--
	}
	return false
}

// signatoryConnectors stand inside or between the names of signing
// bodies ("the Ministry of Culture and Sports of ... and the ..."), and
// "between" opens them.
var signatoryConnectors = makeSet(`between and of the for`)

// bodyProgramme reports whether the capitalised word at k is in the name
// of a multilateral body's programme, which follows the body's acronym:
// "the SCO Development Strategy until 2035". The body names the domain.
func bodyProgramme(toks []token, k int) bool {
	b := k - 1
	for b >= 0 && toks[b].cap && toks[b].kind == tWord && !isAcronym(toks[b].text) {
		b--
	}
	if b < 0 || !isAcronym(toks[b].text) {
		return false
	}
	for _, r := range topicIndex[stem(toks[b].low)] {
		if len(r.words) == 1 && schema.TopicRoot(r.slug) == schema.TopicMultilateral {
			return true
		}
	}
	return false
}

// properNoun reports whether a one-word phrase at k does not name its
// domain here: a capitalised word inside a place's name ("a bridge across
// the Samur River", "the Amu Darya River") or a partner that is only the
// counterpart ("work with partners", "international partners", "our
// Mongolian partners", "an association of equal partners").
func properNoun(toks []token, k int, r topicRule) bool {
	if len(r.words) != 1 {
		return false
	}
	t := toks[k]
	switch {
	case t.cap && k > 0 && toks[k-1].cap && toks[k-1].kind == tWord && geoFeatures[t.low]:
		return true // "the Samur River", not "a Joint Water Monitoring Centre"
	case schema.TopicRoot(r.slug) == schema.TopicMultilateral && isAcronym(t.text) && memberNouns[tokLow(toks, k+1)] && !bodyOfMembers(toks, k):
		return true // "students from SCO countries", "EAEU requirements": the states, not the format's work
	case r.words[0] == "border":
		return !borderHeld(toks, k)
	case r.words[0] == "partner":
		switch p := tokLow(toks, k-1); {
		case p == "with", p == "international", p == "foreign", p == "other", p == "regional", p == "external", p == "equal":
			return true
		case possPronouns[p] || k > 0 && toks[k-1].cap && toks[k-1].kind == tWord:
			return true // "our Mongolian partners", "with its partners": the counterpart, not the standing
		}
	}
	return false
}

// workingMeeting reports whether the word at k is a meeting of a
// standing working body rather than an exchange between leaders, and
// whether the body is named there: "hold its first meeting" (named
// before, pastBody), "the protocol of the 12th meeting of the
// subcommittee", "the intergovernmental cooperation committee"
// (namedBody). What the body works on is said where it is named. An
// inter-parliamentary commission is an exchange between legislatures.
func workingMeeting(toks []token, k int) bodyMention {
	t := toks[k]
	e := k + 1
	if t.low == "next" || ordinals[t.low] {
		// "the next meeting of the committee": read at the meeting, so
		// that "next meeting" does not make it a leaders' exchange
		if m := tokLow(toks, k+1); m == "meeting" || m == "session" || m == "round" {
			return workingMeeting(toks, k+1)
		}
		return noBody
	}
	switch t.low {
	case "intergovernmental", "inter-governmental":
	case "meeting", "session", "round":
		b := k - 1
		for b > 0 && (ordinals[toks[b].low] || toks[b].low == "next" || isNumber(strings.TrimRight(toks[b].low, "thsndr"))) {
			b--
		}
		if tokLow(toks, b) == "its" {
			return pastBody // a country's meeting is not "its"; a body's is
		}
		if tokLow(toks, k+1) != "of" {
			return noBody
		}
		e = k + 2
	default:
		return noBody
	}
	for n := e; n < len(toks) && n <= e+4 && toks[n].kind == tWord; n++ {
		if strings.Contains(toks[n].low, "parliament") {
			return noBody
		}
		if workingBodies[toks[n].low] {
			return namedBody
		}
	}
	return noBody
}

// bodyMention says whether and where a meeting names its working body.
type bodyMention int

const (
	noBody    bodyMention = iota
	pastBody              // "its first meeting": the body named before
	namedBody             // "a meeting of the commission"
)

// workingBodies are the standing bodies that meet to work on a field.
var workingBodies = makeSet(`commission commissions committee committees subcommittee subcommittees sub-committee group groups`)

// memberNouns, after a grouping's acronym, name its member states or
// their common rules rather than the grouping's work.
var memberNouns = makeSet(`countries member states nations markets market requirements standards rules`)

// bodyOfMembers reports whether the acronym at k ends the name of a body
// of the members: "the Inter-Parliamentary Assembly of the CIS Member
// States" is a body of its own.
func bodyOfMembers(toks []token, k int) bool {
	return k >= 3 && toks[k-1].low == "the" && toks[k-2].low == "of" && toks[k-3].cap && entityHeads[toks[k-3].low] == schema.EntityOrganization
}

// borderHeld reports whether "border" at k is a frontier to be held,
// the head of its phrase ("secure its border with Afghanistan",
// "equipping the Tajik-Afghan border"), not a place ("a line across
// their border", "queues on the border") or a modifier ("a border
// market", "border stations").
func borderHeld(toks []token, k int) bool {
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		if borderPlaces[toks[b].low] {
			return false
		}
	}
	n := k + 1
	return n >= len(toks) || toks[n].kind != tWord || toks[n].cap || borderFollowers[toks[n].low]
}

// borderPlaces put something at or across a border; borderFollowers
// follow a border that heads its phrase.
var (
	borderPlaces    = makeSet(`across along near over through on at beyond`)
	borderFollowers = makeSet(`with of between and or in by from to`)
)

// nationalCouncil reports whether the "Security Council" at k is a
// state's own ("the Security Councils of Russia and Kazakhstan", "the
// Security Council of Tajikistan", "the Russian Security Council"), not
// the UN's.
func nationalCouncil(toks []token, k int, r topicRule) bool {
	if len(r.words) != 2 || r.words[0] != "securit" {
		return false
	}
	if toks[k+1].low == "councils" {
		return true
	}
	if p := tokLow(toks, k-1); k > 0 && toks[k-1].cap && toks[k-1].kind == tWord && p != "un" && p != "nations" && p != "the" {
		return true
	}
	if tokLow(toks, k+2) != "of" {
		return false
	}
	n := k + 3
	if tokLow(toks, n) == "the" {
		n++
	}
	return n < len(toks) && toks[n].cap && toks[n].low != "united" && toks[n].low != "un"
}

// geoFeatures end the names of places ("the Samur River").
var geoFeatures = makeSet(`river rivers lake lakes sea basin valley mountains desert`)

// matchRule reports whether rule r matches the tokens from k, by stem.
func matchRule(toks []token, k int, r topicRule) bool {
	if k+len(r.words) > len(toks) {
		return false
	}
	for n, w := range r.words {
		if t := toks[k+n]; t.low != w && stem(unnumbered(t.low)) != w {
			return false
		}
	}
	return true
}

// unnumbered is a word without the number of a unit: "hpp" of "HPP-1".
func unnumbered(low string) string {
	if i := strings.LastIndexByte(low, '-'); i > 0 && isNumber(low[i+1:]) {
		return low[:i]
	}
	return low
}

// dropYielded removes the topics that only weak phrases gave and whose
// phrase yields to a topic the span also has.
// The phrases that yield only when the span has no other topic ("supply"
// of energy alone) go last, once the others have given way: "supply
// weapons and equipment" is security, the equipment being arms.
func dropYielded(top, sub []string, weak []topicRule, strong map[string]bool) ([]string, []string) {
	for _, last := range [2]bool{false, true} {
		top, sub = dropYieldedPass(top, sub, weak, strong, last)
	}
	return top, sub
}

// dropYieldedPass is one pass of dropYielded, over the phrases whose
// only mark is last.
func dropYieldedPass(top, sub []string, weak []topicRule, strong map[string]bool, last bool) ([]string, []string) {
	for _, r := range weak {
		if r.only != last {
			continue
		}
		root := schema.TopicRoot(r.slug)
		if r.yield == "*" {
			// yields to whatever else the span names outright: in
			// "commercial ties" both yield, and neither gives way
			r.yield = ""
			for _, t := range top {
				if t != root && strong[t] {
					r.yield = t
					break
				}
			}
		}
		if strong[root] || !hasYield(top, sub, r.yield) || r.only && !onlyYield(top, root, r.yield) {
			continue
		}
		top = slices.DeleteFunc(top, func(s string) bool { return s == root })
		sub = slices.DeleteFunc(sub, func(s string) bool { return schema.TopicRoot(s) == root })
	}
	return top, sub
}

// hasYield reports whether the span has one of the comma-separated slugs
// (or roots) a weak phrase yields to.
func hasYield(top, sub []string, yield string) bool {
	for yield != "" {
		var y string
		y, yield, _ = strings.Cut(yield, ",")
		if containsStr(top, y) || containsStr(sub, y) {
			return true
		}
	}
	return false
}

// inYield reports whether slug is one of the comma-separated slugs yield.
func inYield(yield, slug string) bool {
	for yield != "" {
		var y string
		y, yield, _ = strings.Cut(yield, ",")
		if y == slug {
			return true
		}
	}
	return false
}

// onlyYield reports whether every other topic of the span is one of the
// comma-separated slugs yield: "supply electricity" is energy, "supplies
// of grain and fuel" and "supplies of gas and fertilizers" are traded
// goods as well, whether or not the other goods' words are strong.
func onlyYield(top []string, root, yield string) bool {
	for _, t := range top {
		if t != root && !inYield(yield, t) {
			return false
		}
	}
	return true
}

// entityTopics gives an item that names no domain the domain of the named
// thing it concerns: "take an active part in this project" (the
// industrial cooperation zone named before), "hold the next session of the
// ESPD" (a strategic partnership dialogue). Broad cooperation stays
// general ("all-round cooperation within the SCO" names its domain).
func entityTopics(toks []token, top, sub []string, es []schema.Entity) ([]string, []string) {
	if len(es) == 0 || len(top) != 1 || top[0] != schema.TopicGeneral || namesCooperation(toks) {
		return top, sub
	}
	for _, e := range es {
		if t, s, found := matchTopics(tokenize(e.Name, 0, len(e.Name))); found {
			return t, s
		}
	}
	return top, sub
}

// bodyTopics adds to an item the domain of the named body that acts
// ("the Export Insurance Agency will cover Japanese buyers" is trade and
// finance): its name says what its work is about. A legislature or a
// foreign ministry (political) acts in every domain, and a body whose
// name names no domain adds nothing.
func bodyTopics(top, sub []string, e schema.Entity) ([]string, []string) {
	t, s, _ := matchTopics(tokenize(e.Name, 0, len(e.Name)))
	t = slices.DeleteFunc(t, func(x string) bool { return x == schema.TopicPolitical })
	if len(t) == 0 {
		return top, sub
	}
	s = slices.DeleteFunc(s, func(x string) bool { return !slices.Contains(t, schema.TopicRoot(x)) })
	return unionTopics(top, sub, t, s)
}

// refersBack reports whether a span's object is a pronoun for what the
// last commitment concerns: "train specialists for it", "supply
// equipment for them", "operate it", or the work done on it: "take part
// in its financing", "speed up their construction" (a party is not
// financed or built; "its obligations" are the party's own).
func refersBack(toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if (toks[k].low == "it" || toks[k].low == "them") && toks[k-1].kind == tWord && !lightVerbs[toks[k-1].low] && !auxiliaries[tokLow(toks, k+1)] {
			return true
		}
		if (toks[k].low == "its" || toks[k].low == "their") && worksOnThing[tokLow(toks, k+1)] {
			return true
		}
	}
	return false
}

// worksOnThing are the works done on a project, after "its" or "their"
// the project of the last commitment: "its financing", "their
// construction", "its modernisation".
var worksOnThing = makeSet(`financing funding construction building design completion commissioning operation maintenance modernization modernisation upgrade upgrading reconstruction expansion extension launch implementation`)

// lightVerbs take an "it" that stands for an action, not a thing: "do
// it in yuan".
var lightVerbs = makeSet(`do does did doing make makes made`)

// unionTopics adds the topics of b to those of a, which then names more
// than "general".
func unionTopics(top, sub, btop, bsub []string) ([]string, []string) {
	if slices.Equal(btop, []string{schema.TopicGeneral}) {
		return top, sub
	}
	top = slices.DeleteFunc(slices.Clone(top), func(x string) bool { return x == schema.TopicGeneral })
	for _, x := range btop {
		if !slices.Contains(top, x) {
			top = append(top, x)
		}
	}
	sub = slices.Clone(sub)
	for _, x := range bsub {
		if !slices.Contains(sub, x) {
			sub = append(sub, x)
		}
	}
	return top, sub
}

func finishTopics(top, sub []string) ([]string, []string) {
	if len(top) == 0 {
		return []string{schema.TopicGeneral}, nil
	}
	return top, sub
}

// topicBoundary reports whether token k starts a modifier that describes
// the phrase rather than names its domain.
func topicBoundary(toks []token, k int) bool {
	switch toks[k].low {
	case "featuring", "based", "so", "which":
		return true
	case "sidelines":
		return true // "a bilateral meeting on the sidelines of the Council": where, not what
	case "for":
		n := tokLow(toks, k+1)
		if n == "the" || n == "greater" || n == "their" || n == "mutual" || n == "more" {
			n2 := tokLow(toks, k+2)
			return n2 == "benefit" || n2 == "benefits" || n2 == "development" || n2 == "greater" || n2 == "common" || tokLow(toks, k+3) == "benefit"
		}
	}
	return false
}

// orgHead returns the head word of the name of an organisation or a site
// that the capitalised word at k belongs to ("Collective Security Treaty
// Organization", "Agricultural and Textile Industrial Park"), or "". A
// university, an academy or a port is named by its head alone: "the
// Tyumen Industrial University" is education, "the Baku International
// Sea Trade Port" a port. (An institute's or a company's name says its
// field: "the Export Finance Corporation".)
func orgHead(toks []token, k int) string {
	for e := k + 1; e < len(toks) && e < k+6; e++ {
		t := toks[e]
		if t.kind != tWord || !t.cap && !nameConnectors[t.low] {
			return ""
		}
		switch t.low {
		case "organization", "organisation", "union", "council", "commission", "bank", "fund", "community", "park", "parks", "zone", "zones",
			"university", "academy", "port":
			return t.low
		}
	}
	return ""
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// outcomeNouns name the declaration of a meeting: "the draft final
// communiqué", "a joint statement", "the Tashkent Declaration".
var outcomeNouns = makeSet(`declaration declarations communique communiqué communiques communiqués statement`)

// namesCommunique reports whether a span names a meeting's declaration
// or communiqué: "adopt the joint communique", "finalise the draft final
// communiqué", "the Samarkand Declaration" ("statement" only as a joint
// one).
func namesCommunique(toks []token) bool {
	for k, t := range toks {
		if outcomeNouns[t.low] && (t.low != "statement" || tokLow(toks, k-1) == "joint") {
			return true
		}
	}
	return false
}

// multilateralOutcome reports whether an item of a meeting of more than
// two parties is the meeting's own outcome: its declaration or communiqué
// ("adopted the Shusha Declaration", "finalise the draft final
// communiqué"), or a document signed there that names no domain of its
// own ("the Protocol of the fifth meeting"). A signed roadmap for a
// corridor keeps its domain.
func multilateralOutcome(toks []token, top []string, signed bool) bool {
	return namesCommunique(toks) || signed && len(top) == 1 && top[0] == schema.TopicGeneral
}

// withMultilateral adds the multilateral topic to an outcome of a meeting
// of more than two parties: what a format adopts or signs ("the ministers
// adopted the Shusha Declaration") is that format's work. As for the
// format's summits, it replaces the political default of a joint
// statement or of the ministers who sign it, and "general", which only
// says no domain was named.
func withMultilateral(top, sub []string) ([]string, []string) {
	top, sub = multilateralSummit(top, sub)
	return slices.DeleteFunc(top, func(x string) bool { return x == schema.TopicGeneral }), sub
}

// documentDomain gives a commitment that names no domain and no
// cooperation the domain the document is most about: in a readout of
// interior ministers, "create a joint database of citizens banned from
// entry" is security; in one on water, "install flow meters at the
// canals" is environment. Broad cooperation ("lift practical cooperation
// to a higher level") stays general, and so does every commitment of a
// document that names no domain at all.
//
// A meeting of a city's or a region's head (subnational) is a sub-national
// exchange, people in the guidelines' table: there an item with no domain
// of its own that names a city ("a Programme of Cooperation between Moscow
// and Dushanbe", "hold Days of Moscow in Dushanbe", "allocate a site for a
// Moscow House") is that exchange, before any document domain.
func documentDomain(cs []schema.Commitment, subnational bool) {
	var count [len(domainSlugs)]int
	best := -1
	for _, c := range cs {
		for _, t := range c.Topics {
			if i := slices.Index(domainSlugs[:], t); i >= 0 {
				count[i]++
				if best < 0 || count[i] > count[best] {
					best = i
				}
			}
		}
	}
	var toks []token
	if subnational {
		for i := range cs {
			c := &cs[i]
			if len(c.Topics) != 1 || c.Topics[0] != schema.TopicGeneral {
				continue
			}
			toks = appendTokens(toks[:0], c.Text, nil, 0, len(c.Text))
			if namesCity(toks) {
				c.Topics, c.Subtopics = []string{schema.TopicPeople}, []string{"people/subnational"}
			}
		}
	}
	if best < 0 || count[best] < 3 || 3*count[best] < len(cs) {
		return // no domain stands out
	}
	for i := range cs {
		c := &cs[i]
		if len(c.Topics) != 1 || c.Topics[0] != schema.TopicGeneral {
			continue
		}
		toks = appendTokens(toks[:0], c.Text, nil, 0, len(c.Text))
		if _, _, named := matchTopics(toks); !named && !namesCooperation(toks) {
			c.Topics, c.Subtopics = []string{domainSlugs[best]}, nil
		}
	}
}

// domainSlugs are the top-level topics that name a domain.
var domainSlugs = [...]string{
	schema.TopicPolitical, schema.TopicSecurity, schema.TopicConnectivity, schema.TopicTrade,
	schema.TopicInvestment, schema.TopicFinance, schema.TopicEnergy, schema.TopicIndustry,
	schema.TopicAgriculture, schema.TopicPeople, schema.TopicMultilateral, schema.TopicEnvironment,
	schema.TopicDevelopment,
}

// namesCity reports whether a span names a city of the gazetteer by one
// capitalised word as a party or a name ("between Moscow and Dushanbe",
// "Days of Moscow", "a Moscow House"), not as where or whither ("open an
// office in Tashkent", "a bus line from Gyumri to Tbilisi": whereabouts).
func namesCity(toks []token) bool {
	for k, t := range toks {
		if t.kind != tWord || !t.cap || whereabouts[tokLow(toks, k-1)] {
			continue
		}
		if _, ok := gazetteer.LookupCity(t.text); ok {
			return true
		}
	}
	return false
}

// whereabouts say where or whither, a closed class of English
// prepositions (meeting.go's placePreps also counts "of", which names a
// city's own event here: "Days of Moscow").
var whereabouts = makeSet(`in at to from into via near across through`)

// subnationalRanks head a city or a region, a closed class of English
// titles and of the region's own ("akim", "hokim", "khokim": the head of
// a region or a city).
var subnationalRanks = makeSet(`mayor governor akim hokim khokim`)

// subnationalMeeting reports whether a principal of the meeting heads a
// city or a region: "Moscow Mayor Sergei Sobyanin", "Akim of the Aktobe
// Region", "Governor of the Kurgan Region"; not a bank's governor
// ("Governor of the Central Bank").
func (d *docCtx) subnationalMeeting() bool {
	for _, p := range d.meeting.Participants {
		if !p.Principal {
			continue
		}
		words := strings.Fields(strings.ToLower(p.Role))
		if len(words) == 0 || !subnationalRanks[words[0]] || slices.Contains(words, "bank") {
			continue
		}
		return true
	}
	return false
}
