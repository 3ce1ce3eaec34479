package ask

import (
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// topicWords maps words and phrases of questions to taxonomy slugs. Each
// taxonomy label is added too (topicLexicon), so a new label is understood
// at once; these are the other ways people say the same thing.
var topicWords = map[string]string{
	"politics": schema.TopicPolitical, "political": schema.TopicPolitical, "political relations": schema.TopicPolitical,
	"sovereignty": "political/sovereignty", "territorial integrity": "political/sovereignty", "core interests": "political/sovereignty",
	"independence": "political/sovereignty",
	"partnership":  "political/partnership", "strategic partnership": "political/partnership",
	"governance":           "political/governance",
	"high-level exchanges": "political/high-level-exchanges", "visits": "political/high-level-exchanges",
	"shared future": "political/shared-future", "community with a shared future": "political/shared-future",

	"security": schema.TopicSecurity, "defence": "security/defence", "defense": "security/defence", "military": "security/defence",
	"law enforcement": "security/law-enforcement", "police": "security/law-enforcement",
	"terrorism": "security/counter-terrorism", "counter-terrorism": "security/counter-terrorism", "counterterrorism": "security/counter-terrorism",
	"extremism": "security/counter-terrorism", "border security": "security/border",

	"connectivity": schema.TopicConnectivity, "transport": schema.TopicConnectivity, "transportation": schema.TopicConnectivity,
	"infrastructure": schema.TopicConnectivity,
	"railway":        "connectivity/railways", "railways": "connectivity/railways", "rail": "connectivity/railways",
	"railroad": "connectivity/railways", "railroads": "connectivity/railways", "trains": "connectivity/railways",
	"road": "connectivity/roads", "roads": "connectivity/roads", "highway": "connectivity/roads", "highways": "connectivity/roads",
	"port": "connectivity/ports", "ports": "connectivity/ports", "shipping": "connectivity/ports", "maritime": "connectivity/ports",
	"aviation": "connectivity/aviation", "flights": "connectivity/aviation", "air routes": "connectivity/aviation",
	"corridor": "connectivity/corridors", "corridors": "connectivity/corridors", "logistics": "connectivity/corridors",
	"transit":         "connectivity/corridors",
	"border crossing": "connectivity/border-crossings", "border crossings": "connectivity/border-crossings",
	"checkpoints":   "connectivity/border-crossings",
	"belt and road": "connectivity/belt-and-road", "belt and road cooperation": "connectivity/belt-and-road",

	"trade": schema.TopicTrade, "commerce": schema.TopicTrade,
	"imports": "trade/imports", "import": "trade/imports", "exports": "trade/imports", "export": "trade/imports",
	"market access": "trade/market-access", "e-commerce": "trade/e-commerce", "ecommerce": "trade/e-commerce",

	"investment": schema.TopicInvestment, "investments": schema.TopicInvestment, "investing": schema.TopicInvestment,
	"enterprises": "investment/enterprises", "business": "investment/enterprises", "companies": "investment/enterprises",
	"business environment": "investment/enterprises",
	"industrial park":      "investment/industrial-parks", "industrial parks": "investment/industrial-parks",
	"production capacity": "investment/production-capacity",

	"finance": schema.TopicFinance, "financial": schema.TopicFinance, "currency": "finance/currency",
	"payments": "finance/currency", "settlement": "finance/currency", "local currencies": "finance/currency",
	"banking": "finance/banking", "banks": "finance/banking", "loans": "finance/banking", "credit": "finance/banking",

	"energy": schema.TopicEnergy, "oil": "energy/oil-gas", "gas": "energy/oil-gas", "natural gas": "energy/oil-gas",
	"oil and gas": "energy/oil-gas", "pipeline": "energy/oil-gas", "pipelines": "energy/oil-gas",
	"power": "energy/power", "electricity": "energy/power", "hydropower": "energy/power",
	"nuclear": "energy/nuclear", "nuclear energy": "energy/nuclear", "uranium": "energy/nuclear",
	"renewables": "energy/renewables", "renewable energy": "energy/renewables", "solar": "energy/renewables",
	"wind power": "energy/renewables", "green energy": "energy/renewables", "new energy": "energy/renewables",

	"industry": schema.TopicIndustry, "industrial": schema.TopicIndustry, "technology": schema.TopicIndustry,
	"manufacturing":     "industry/manufacturing",
	"electric vehicles": "industry/new-energy-vehicles", "new energy vehicles": "industry/new-energy-vehicles",
	"mining": "industry/mining", "minerals": "industry/mining", "critical minerals": "industry/mining",
	"digital": "industry/digital", "digital economy": "industry/digital", "ai": "industry/digital",
	"artificial intelligence": "industry/digital",
	"science":                 "industry/science", "innovation": "industry/science", "research": "industry/science",
	"space": "industry/space", "aerospace": "industry/space", "satellites": "industry/space",

	"agriculture": schema.TopicAgriculture, "agricultural": schema.TopicAgriculture, "farming": schema.TopicAgriculture,
	"agricultural products": "agriculture/products", "food security": "agriculture/food-security", "grain": "agriculture/food-security",

	"people-to-people": schema.TopicPeople, "people-to-people exchanges": schema.TopicPeople,
	"culture": "people/culture", "cultural": "people/culture", "education": "people/education",
	"students": "people/education", "universities": "people/education", "vocational training": "people/education",
	"tourism": "people/tourism", "visas": "people/tourism", "visa": "people/tourism", "tourists": "people/tourism",
	"health": "people/health", "healthcare": "people/health", "medicine": "people/health",
	"media": "people/media", "youth": "people/youth", "subnational": "people/subnational",
	"local governments": "people/subnational", "sister cities": "people/subnational",

	"multilateral": schema.TopicMultilateral, "multilateral coordination": schema.TopicMultilateral,
	"sco": "multilateral/sco", "united nations": "multilateral/un", "un": "multilateral/un", "brics": "multilateral/brics",
	"china-central asia": "multilateral/china-central-asia", "central asia": "multilateral/china-central-asia",

	"environment": schema.TopicEnvironment, "environmental": schema.TopicEnvironment, "ecology": "environment/green",
	"climate": "environment/climate", "climate change": "environment/climate", "water": "environment/water",
	"water resources": "environment/water", "green development": "environment/green",

	"development": schema.TopicDevelopment, "development strategies": "development/strategies",
	"poverty": "development/poverty", "poverty reduction": "development/poverty", "livelihoods": "development/poverty",
	"aid": "development/aid", "assistance": "development/aid", "modernization": "development/modernization",
}

// topicLexicon is topicWords plus every label and top-level slug of the
// taxonomy, keyed by fold.
var topicLexicon = func() map[string]string {
	m := map[string]string{}
	for w, slug := range topicWords {
		if _, ok := schema.LookupTopic(slug); !ok {
			panic("ask: topic word " + w + ": unknown slug " + slug)
		}
		m[fold(w)] = slug
	}
	for _, t := range schema.Topics {
		if k := fold(t.Label); m[k] == "" {
			m[k] = t.Slug
		}
		if t.Parent() == "" {
			m[fold(t.Slug)] = t.Slug
		}
	}
	return m
}()

// modalityWords are the words that ask for one kind of commitment. Words
// that only say "commitment" (promise, commit) select none.
var modalityWords = map[string]schema.Modality{
	"pledge": schema.ModalityPledge, "pledges": schema.ModalityPledge, "pledged": schema.ModalityPledge,
	"offer": schema.ModalityOffer, "offers": schema.ModalityOffer, "offered": schema.ModalityOffer,
	"agreed": schema.ModalityAgreement, "agreements": schema.ModalityAgreement,
	"opposes": schema.ModalityOpposition, "opposed": schema.ModalityOpposition, "opposition": schema.ModalityOpposition,
	"welcomed": schema.ModalityWelcome, "welcomes": schema.ModalityWelcome,
	"hopes": schema.ModalityHope, "hoped": schema.ModalityHope,
	"calls": schema.ModalityCall, "called": schema.ModalityCall,
	"supports": schema.ModalitySupport, "supported": schema.ModalitySupport,
	"stance": schema.ModalityStance, "stances": schema.ModalityStance,
}

// commitVerbs mark their subject as the actor and their object as the
// counterpart: "what did Kazakhstan promise China".
var commitVerbs = set("promise", "promised", "promises", "commit", "committed", "commits", "pledge", "pledged",
	"pledges", "offer", "offered", "offers", "agree", "agreed", "agrees", "say", "said", "says", "tell", "told",
	"propose", "proposed", "owe", "owes", "give", "gave", "want", "wanted", "make", "made")

// fillers are words a question may hold without changing its meaning.
var fillers = set("a", "all", "an", "and", "any", "are", "about", "as", "at", "be", "been", "can", "commitments",
	"commitment", "concerning", "could", "did", "do", "does", "each", "every", "everything", "find", "for",
	"give", "has", "have", "how", "i", "is", "its", "list", "me", "many", "much", "of", "on", "or",
	"over", "please", "promises", "regarding", "related", "relating", "show", "statements", "tell", "that", "the",
	"their", "them", "there", "these", "this", "those", "was", "were", "what", "when", "where", "which", "who",
	"whom", "will", "would", "cooperation", "countries", "country", "side", "sides", "so", "far", "ever", "yet",
	"been", "any", "other", "each", "both", "meeting", "meetings", "talks", "summit", "visit", "readout",
	"readouts", "made", "make", "about", "around", "re", "toward", "towards", "to", "with", "by", "from", "between")

// Cues: the words that give the next date, meeting or country its role.
const (
	cueSince  = "since"
	cueUntil  = "until"
	cueBefore = "before"
	cueAfter  = "after"
	cueIn     = "in"
	cueFrom   = "from"
	cueBy     = "by"
	cueTo     = "to"
	cueWith   = "with"
	cueBetw   = "between"
)

// cueWords maps the words that give the next item its role to their cue.
var cueWords = map[string]string{
	"since": cueSince, "after": cueAfter, "from": cueFrom, "starting": cueSince,
	"until": cueUntil, "till": cueUntil, "through": cueUntil, "before": cueBefore, "by": cueBy,
	"in": cueIn, "during": cueIn, "of": cueIn, "at": cueIn, "between": cueBetw, "to": cueTo,
	"toward": cueTo, "towards": cueTo, "with": cueWith,
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// fold is the comparison key of a phrase: lower case, straight apostrophes
// dropped, every other run of non-alphanumerics one space, except that a
// hyphen inside a word is kept ("e-commerce", "people-to-people").
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			continue
		case r == '-' || r == '‐' || r == '–':
			if b.Len() > 0 && !space {
				b.WriteByte('-')
			}
		case isWordRune(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return strings.Trim(b.String(), "-")
}
