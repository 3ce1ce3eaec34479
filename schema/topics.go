package schema

import "strings"

// Topic is a node of the topic taxonomy. Top-level slugs are those of the
// annotation guidelines; a subtopic's slug is "parent/child", so a filter on
// a parent matches its subtopics by prefix.
type Topic struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

// Parent returns the parent slug of a subtopic, "" for a top-level topic.
func (t Topic) Parent() string { return TopicParent(t.Slug) }

// TopicParent returns the parent slug of slug, "" for a top-level one.
func TopicParent(slug string) string {
	if i := strings.LastIndexByte(slug, '/'); i >= 0 {
		return slug[:i]
	}
	return ""
}

// TopicRoot returns the top-level slug of slug ("connectivity/railways" ->
// "connectivity").
func TopicRoot(slug string) string {
	if i := strings.IndexByte(slug, '/'); i >= 0 {
		return slug[:i]
	}
	return slug
}

// Top-level topic slugs (GUIDELINES.md).
const (
	TopicPolitical    = "political"
	TopicSecurity     = "security"
	TopicConnectivity = "connectivity"
	TopicTrade        = "trade"
	TopicInvestment   = "investment"
	TopicFinance      = "finance"
	TopicEnergy       = "energy"
	TopicIndustry     = "industry"
	TopicAgriculture  = "agriculture"
	TopicPeople       = "people"
	TopicMultilateral = "multilateral"
	TopicEnvironment  = "environment"
	TopicDevelopment  = "development"
	TopicGeneral      = "general"
)

// Topics is the whole taxonomy, parents before their children.
var Topics = []Topic{
	{TopicPolitical, "Political relations"},
	{"political/sovereignty", "Sovereignty and core interests"},
	{"political/partnership", "Partnership status"},
	{"political/governance", "Governance experience"},
	{"political/high-level-exchanges", "High-level exchanges"},
	{"political/shared-future", "Community with a shared future"},
	{TopicSecurity, "Security"},
	{"security/defence", "Defence"},
	{"security/law-enforcement", "Law enforcement"},
	{"security/counter-terrorism", "Counter-terrorism"},
	{"security/border", "Border security"},
	{TopicConnectivity, "Connectivity"},
	{"connectivity/railways", "Railways"},
	{"connectivity/roads", "Roads"},
	{"connectivity/ports", "Ports and shipping"},
	{"connectivity/aviation", "Aviation"},
	{"connectivity/corridors", "Transport corridors and logistics"},
	{"connectivity/border-crossings", "Border crossings"},
	{"connectivity/belt-and-road", "Belt and Road cooperation"},
	{TopicTrade, "Trade"},
	{"trade/imports", "Imports and exports"},
	{"trade/market-access", "Market access"},
	{"trade/e-commerce", "Cross-border e-commerce"},
	{TopicInvestment, "Investment"},
	{"investment/enterprises", "Enterprises and business environment"},
	{"investment/industrial-parks", "Industrial parks"},
	{"investment/production-capacity", "Production capacity"},
	{TopicFinance, "Finance"},
	{"finance/currency", "Local-currency settlement and payments"},
	{"finance/banking", "Banks and loans"},
	{TopicEnergy, "Energy"},
	{"energy/oil-gas", "Oil and gas"},
	{"energy/power", "Power"},
	{"energy/nuclear", "Nuclear"},
	{"energy/renewables", "Renewable and new energy"},
	{TopicIndustry, "Industry and technology"},
	{"industry/manufacturing", "Manufacturing"},
	{"industry/new-energy-vehicles", "New energy vehicles"},
	{"industry/mining", "Mining"},
	{"industry/digital", "Digital economy and AI"},
	{"industry/science", "Science and technology"},
	{"industry/space", "Space and aerospace"},
	{TopicAgriculture, "Agriculture"},
	{"agriculture/products", "Agricultural products"},
	{"agriculture/food-security", "Food security"},
	{TopicPeople, "People-to-people exchanges"},
	{"people/culture", "Culture"},
	{"people/education", "Education and vocational training"},
	{"people/tourism", "Tourism and visas"},
	{"people/health", "Health and traditional medicine"},
	{"people/media", "Media"},
	{"people/youth", "Youth"},
	{"people/subnational", "Sub-national exchanges"},
	{TopicMultilateral, "Multilateral coordination"},
	{"multilateral/sco", "Shanghai Cooperation Organization"},
	{"multilateral/un", "United Nations"},
	{"multilateral/brics", "BRICS"},
	{"multilateral/china-central-asia", "China-Central Asia mechanism"},
	{TopicEnvironment, "Environment"},
	{"environment/climate", "Climate change"},
	{"environment/water", "Water"},
	{"environment/green", "Green development and ecology"},
	{TopicDevelopment, "Development"},
	{"development/strategies", "Synergy of development strategies"},
	{"development/poverty", "Poverty reduction and livelihoods"},
	{"development/aid", "Aid"},
	{"development/modernization", "Modernization"},
	{TopicGeneral, "General cooperation"},
}

var topicIndex = func() map[string]Topic {
	m := make(map[string]Topic, len(Topics))
	for _, t := range Topics {
		m[t.Slug] = t
	}
	return m
}()

// LookupTopic returns the taxonomy entry for slug.
func LookupTopic(slug string) (Topic, bool) {
	t, ok := topicIndex[slug]
	return t, ok
}

// TopLevelTopics returns the top-level slugs in taxonomy order.
func TopLevelTopics() []string {
	var out []string
	for _, t := range Topics {
		if t.Parent() == "" {
			out = append(out, t.Slug)
		}
	}
	return out
}
