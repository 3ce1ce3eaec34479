package ingest

import (
	"sort"
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// topicRules map general diplomatic vocabulary (the coverage column of the
// guidelines' topic table) to a topic slug, a subtopic where one fits.
// Phrases are lower-case words as the tokenizer cuts them: hyphenated
// words are one word ("cross-border e-commerce" is two). At each word the
// longest phrase wins, so "new energy vehicles" is industry, not energy.
// A rule marked close ends the head of the phrase: what follows it
// ("community with a shared future featuring ... friendship") describes it.
var topicRules = []struct {
	phrase, slug string
	close        bool
}{
	// political
	{"sovereignty", "political/sovereignty", false}, {"territorial integrity", "political/sovereignty", false},
	{"independence", "political/sovereignty", false}, {"core interests", "political/sovereignty", false},
	{"one-china", "political/sovereignty", false}, {"development path", "political/sovereignty", false},
	{"internal affairs", "political/sovereignty", false}, {"national conditions", "political/sovereignty", false},
	{"taiwan", "political/sovereignty", false}, {"reunification", "political/sovereignty", false},
	{"non-interference", "political/sovereignty", false}, {"national unity", "political/sovereignty", false},
	{"partnership", "political/partnership", false}, {"partner", "political/partnership", false},
	{"partners", "political/partnership", false}, {"strategic cooperation", "political/partnership", false},
	{"relationship", "political/partnership", false}, {"relations", "political/partnership", false},
	{"ties", "political/partnership", false}, {"friend", "political/partnership", false},
	{"friends", "political/partnership", false}, {"good-neighborliness", "political/partnership", false},
	{"good neighborliness", "political/partnership", false}, {"good-neighbourliness", "political/partnership", false},
	{"neighborliness", "political/partnership", false}, {"mutual trust", "political/partnership", false},
	{"political trust", "political/partnership", false}, {"mutual support", "political/partnership", false},
	{"support each other", "political/partnership", false}, {"support to each other", "political/partnership", false},
	{"consensus", "political/partnership", false}, {"common understandings", "political/partnership", false},
	{"heads of state", "political/high-level-exchanges", false}, {"channel of communication", "political/high-level-exchanges", false},
	{"lines of communication", "political/high-level-exchanges", false},
	{"channels of communication", "political/high-level-exchanges", false}, {"communication channels", "political/high-level-exchanges", false},
	{"talks", "political/high-level-exchanges", false}, {"dialogue", "political/high-level-exchanges", false},
	{"next meeting", "political/high-level-exchanges", false}, {"meet again", "political/high-level-exchanges", false},
	{"visit", "political/high-level-exchanges", false}, {"visits", "political/high-level-exchanges", false},
	{"unilateral sanctions", "political/sovereignty", false}, {"hegemonism", "political/sovereignty", false},
	{"interference", "political/sovereignty", false}, {"alliance", "security/defence", false}, {"senior officials", "political/high-level-exchanges", false},
	{"foreign policy", "political/sovereignty", false}, {"strategic communication", "political/high-level-exchanges", false},
	{"high-level", "political/high-level-exchanges", false}, {"state visit", "political/high-level-exchanges", false},
	{"official visit", "political/high-level-exchanges", false}, {"exchange of visits", "political/high-level-exchanges", false},
	{"exchanges of visits", "political/high-level-exchanges", false}, {"consultations", "political/high-level-exchanges", false},
	{"governance", "political/governance", false}, {"governance experience", "political/governance", false},
	{"community with a shared future", "political/shared-future", true}, {"shared future", "political/shared-future", true},
	{"political", "political", false}, {"intergovernmental", "political/high-level-exchanges", false}, {"diplomatic relations", "political/partnership", false},
	// security
	{"security", "security", false}, {"defence", "security/defence", false}, {"defense", "security/defence", false},
	{"military", "security/defence", false}, {"law enforcement", "security/law-enforcement", false},
	{"terrorism", "security/counter-terrorism", false}, {"counter-terrorism", "security/counter-terrorism", false},
	{"anti-terrorism", "security/counter-terrorism", false}, {"extremism", "security/counter-terrorism", false},
	{"separatism", "security/counter-terrorism", false}, {"three evil forces", "security/counter-terrorism", false},
	{"border security", "security/border", false}, {"drug trafficking", "security/law-enforcement", false},
	{"transnational crime", "security/law-enforcement", false}, {"cybersecurity", "security", false},
	{"police", "security/law-enforcement", false}, {"delimitation", "security/border", false},
	{"demarcation", "security/border", false},
	// connectivity
	{"connectivity", "connectivity", false}, {"interconnectivity", "connectivity", false},
	{"interconnection", "connectivity", false}, {"railway", "connectivity/railways", false},
	{"railways", "connectivity/railways", false}, {"rail", "connectivity/railways", false},
	{"freight trains", "connectivity/railways", false}, {"freight train", "connectivity/railways", false},
	{"road", "connectivity/roads", false}, {"roads", "connectivity/roads", false},
	{"highway", "connectivity/roads", false}, {"highways", "connectivity/roads", false},
	{"port", "connectivity/ports", false}, {"ports", "connectivity/ports", false}, {"shipping", "connectivity/ports", false},
	{"aviation", "connectivity/aviation", false}, {"flights", "connectivity/aviation", false},
	{"air routes", "connectivity/aviation", false}, {"corridor", "connectivity/corridors", false},
	{"corridors", "connectivity/corridors", false}, {"transport", "connectivity/corridors", false},
	{"transportation", "connectivity/corridors", false}, {"logistics", "connectivity/corridors", false},
	{"transit", "connectivity/corridors", false}, {"infrastructure", "connectivity", false},
	{"border crossings", "connectivity/border-crossings", false}, {"border checkpoints", "connectivity/border-crossings", false},
	{"checkpoints", "connectivity/border-crossings", false}, {"border crossing", "connectivity/border-crossings", false},
	{"border crossing points", "connectivity/border-crossings", false}, {"carriers", "connectivity/corridors", false},
	{"freight", "connectivity/corridors", false}, {"cargo", "connectivity/corridors", false}, {"border ports", "connectivity/border-crossings", false},
	{"belt and road", "connectivity/belt-and-road", false}, {"bri", "connectivity/belt-and-road", false},
	// trade
	{"trade", "trade", false}, {"imports", "trade/imports", false}, {"import", "trade/imports", false},
	{"exports", "trade/imports", false}, {"export", "trade/imports", false}, {"market access", "trade/market-access", false},
	{"e-commerce", "trade/e-commerce", false}, {"cross-border e-commerce", "trade/e-commerce", false},
	{"commerce", "trade", false}, {"free trade", "trade", false}, {"tariffs", "trade/market-access", false},
	{"commercial", "trade", false},
	// investment
	{"investment", "investment", false}, {"investments", "investment", false}, {"invest", "investment", false},
	{"investing", "investment", false}, {"investors", "investment", false}, {"enterprises", "investment/enterprises", false},
	{"companies", "investment/enterprises", false}, {"business environment", "investment/enterprises", false},
	{"doing business", "investment/enterprises", false}, {"industrial parks", "investment/industrial-parks", false},
	{"industrial park", "investment/industrial-parks", false}, {"production capacity", "investment/production-capacity", false},
	{"joint ventures", "investment/enterprises", false}, {"joint venture", "investment/enterprises", false},
	// finance
	{"finance", "finance", false}, {"financial", "finance", false}, {"financing", "finance", false},
	{"loans", "finance/banking", false}, {"loan", "finance/banking", false}, {"bank", "finance/banking", false},
	{"banks", "finance/banking", false}, {"banking", "finance/banking", false}, {"local currency", "finance/currency", false},
	{"local currencies", "finance/currency", false}, {"currency", "finance/currency", false},
	{"settlement", "finance/currency", false}, {"payments", "finance/currency", false}, {"payment", "finance/currency", false},
	// energy
	{"energy", "energy", false}, {"oil", "energy/oil-gas", false}, {"gas", "energy/oil-gas", false},
	{"natural gas", "energy/oil-gas", false}, {"pipeline", "energy/oil-gas", false}, {"pipelines", "energy/oil-gas", false},
	{"power", "energy/power", false}, {"electricity", "energy/power", false}, {"nuclear", "energy/nuclear", false},
	{"renewable", "energy/renewables", false}, {"new energy", "energy/renewables", false}, {"solar", "energy/renewables", false},
	{"wind power", "energy/renewables", false}, {"hydropower", "energy/renewables", false},
	{"green energy", "energy/renewables", false}, {"clean energy", "energy/renewables", false}, {"coal", "energy", false},
	{"uranium", "energy/nuclear", false},
	// industry
	{"manufacturing", "industry/manufacturing", false}, {"new energy vehicles", "industry/new-energy-vehicles", false},
	{"new energy vehicle", "industry/new-energy-vehicles", false}, {"electric vehicles", "industry/new-energy-vehicles", false},
	{"new quality productive forces", "industry", false}, {"productive forces", "industry", false},
	{"mining", "industry/mining", false}, {"minerals", "industry/mining", false}, {"critical minerals", "industry/mining", false},
	{"science and technology", "industry/science", false}, {"technology", "industry/science", false},
	{"technologies", "industry/science", false}, {"technological", "industry/science", false},
	{"high-tech", "industry/science", false}, {"innovation", "industry/science", false}, {"scientific", "industry/science", false},
	{"digital economy", "industry/digital", false}, {"digital", "industry/digital", false},
	{"artificial intelligence", "industry/digital", false}, {"ai", "industry/digital", false},
	{"big data", "industry/digital", false}, {"blockchain", "industry/digital", false},
	{"telecommunication", "industry/digital", false}, {"telecommunications", "industry/digital", false},
	{"aerospace", "industry/space", false}, {"space", "industry/space", false}, {"satellite", "industry/space", false},
	{"textiles", "industry/manufacturing", false}, {"textile", "industry/manufacturing", false},
	{"pharmaceuticals", "industry/manufacturing", false}, {"pharmaceutical", "industry/manufacturing", false},
	{"machinery", "industry/manufacturing", false}, {"automobile", "industry/manufacturing", false},
	{"automotive", "industry/manufacturing", false}, {"steel", "industry/manufacturing", false},
	{"chemical", "industry/manufacturing", false}, {"semiconductor", "industry/manufacturing", false},
	{"semiconductors", "industry/manufacturing", false}, {"supply chains", "trade", false}, {"supply chain", "trade", false}, {"industry", "industry", false}, {"industrial", "industry", false}, {"industries", "industry", false},
	// agriculture
	{"agricultural", "agriculture/products", false}, {"agriculture", "agriculture", false},
	{"food security", "agriculture/food-security", false}, {"farming", "agriculture", false}, {"grain", "agriculture/products", false},
	{"agri-food", "agriculture/products", false}, {"livestock", "agriculture", false}, {"fisheries", "agriculture", false},
	// people
	{"people-to-people", "people", false}, {"cultural", "people/culture", false}, {"culture", "people/culture", false},
	{"education", "people/education", false}, {"educational", "people/education", false}, {"students", "people/education", false},
	{"vocational", "people/education", false}, {"universities", "people/education", false}, {"luban", "people/education", false},
	{"tourism", "people/tourism", false}, {"tourists", "people/tourism", false}, {"visa", "people/tourism", false},
	{"visas", "people/tourism", false}, {"visa-free", "people/tourism", false}, {"visa-exemption", "people/tourism", false}, {"health", "people/health", false}, {"medicine", "people/health", false},
	{"medical", "people/health", false}, {"healthcare", "people/health", false}, {"media", "people/media", false},
	{"youth", "people/youth", false}, {"young people", "people/youth", false}, {"friendship", "people", false},
	{"local level", "people/subnational", false}, {"subnational", "people/subnational", false},
	{"sub-national", "people/subnational", false}, {"sister cities", "people/subnational", false},
	{"sister provinces", "people/subnational", false}, {"humanitarian exchanges", "people", false},
	{"sports", "people", false}, {"archaeology", "people/culture", false}, {"heritage", "people/culture", false},
	// multilateral
	{"sco", "multilateral/sco", false}, {"shanghai cooperation organization", "multilateral/sco", false},
	{"shanghai cooperation organisation", "multilateral/sco", false}, {"un", "multilateral/un", false},
	{"united nations", "multilateral/un", false}, {"brics", "multilateral/brics", false},
	{"china-central asia mechanism", "multilateral/china-central-asia", false}, {"china-central asia summit", "multilateral/china-central-asia", false},
	{"china-central asia cooperation", "multilateral/china-central-asia", false}, {"china-central asia format", "multilateral/china-central-asia", false},
	{"central asia-china", "multilateral/china-central-asia", false}, {"c5+1", "multilateral", false}, {"asean", "multilateral", false},
	{"cis", "multilateral", false}, {"eaeu", "multilateral", false}, {"eurasian economic union", "multilateral", false},
	{"csto", "multilateral", false}, {"collective security treaty organization", "multilateral", false}, {"g20", "multilateral", false}, {"multilateral platforms", "multilateral", false},
	{"multilateralism", "multilateral", false}, {"multilateral cooperation", "multilateral", false},
	{"multilateral coordination", "multilateral", false}, {"multilateral communication", "multilateral", false},
	{"multilateral fora", "multilateral", false}, {"multilateral formats", "multilateral", false},
	{"regional and international", "multilateral", false}, {"international and regional", "multilateral", false},
	{"international affairs", "multilateral", false}, {"regional affairs", "multilateral", false},
	{"international organizations", "multilateral", false}, {"global governance", "multilateral", false},
	// environment
	{"climate", "environment/climate", false}, {"climate change", "environment/climate", false},
	{"ecology", "environment/green", false}, {"ecological", "environment/green", false},
	{"environment", "environment/green", false}, {"environmental", "environment/green", false},
	{"water", "environment/water", false}, {"water resources", "environment/water", false},
	{"desertification", "environment/green", false}, {"green development", "environment/green", false},
	{"low-carbon", "environment/climate", false}, {"emissions", "environment/climate", false},
	{"biodiversity", "environment/green", false}, {"glaciers", "environment/water", false}, {"pollution", "environment/green", false},
	// development
	{"development strategies", "development/strategies", false}, {"development strategy", "development/strategies", false},
	{"synergy", "development/strategies", false}, {"poverty", "development/poverty", false},
	{"poverty reduction", "development/poverty", false}, {"livelihood", "development/poverty", false},
	{"livelihoods", "development/poverty", false}, {"well-being", "development/poverty", false},
	{"aid", "development/aid", false}, {"assistance", "development/aid", false},
	{"modernization", "development/modernization", false}, {"modernisation", "development/modernization", false},
	{"economic growth", "development", false}, {"common development", "development", false},
	{"prosperity", "development", false}, {"sustainable development", "development", false},
	{"benefits", "development/poverty", false}, {"benefit", "development/poverty", false},
	{"rejuvenation", "development", false}, {"revitalization", "development", false}, {"vitalization", "development", false},
	{"development", "development", false},
	// general, when a phrase names cooperation across the board
	{"various fields", "general", false}, {"all fields", "general", false}, {"various areas", "general", false},
	{"all areas", "general", false}, {"all sectors", "general", false}, {"pragmatic cooperation", "general", false},
}

type topicRule struct {
	words []string
	slug  string
	close bool
}

// topicIndex maps a first word to its rules, longest first.
var topicIndex = func() map[string][]topicRule {
	m := map[string][]topicRule{}
	for _, r := range topicRules {
		if _, ok := schema.LookupTopic(r.slug); !ok {
			panic("ingest: topic rule with unknown slug " + r.slug)
		}
		w := strings.Fields(r.phrase)
		m[w[0]] = append(m[w[0]], topicRule{w, r.slug, r.close})
	}
	for k := range m {
		rs := m[k]
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].words) > len(rs[j].words) })
	}
	return m
}()

// tagTopics returns the top-level topics and the subtopics of a span.
// Topics come from the head of the phrase: once a topic is found, a
// purpose clause ("to ensure ...", ", to cultivate ..."), "featuring",
// "based on" or "for the benefit of" ends the scan, since what follows
// describes the commitment rather than names its domain. "development"
// names the development topic only when it is not the development of
// something else ("development of all-round cooperation") or a
// development path. With no topic the phrase is general.
func tagTopics(toks []token) ([]string, []string) {
	var top, sub []string
	add := func(slug string) {
		root := schema.TopicRoot(slug)
		if !containsStr(top, root) {
			top = append(top, root)
		}
		if slug != root && !containsStr(sub, slug) {
			sub = append(sub, slug)
		}
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if len(top) > 0 && topicBoundary(toks, k) {
			break
		}
		rs := topicIndex[t.low]
		for _, r := range rs {
			if k+len(r.words) > len(toks) {
				continue
			}
			ok := true
			for n, w := range r.words {
				if toks[k+n].low != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if len(r.words) == 1 && (r.words[0] == "development" || r.words[0] == "modernization" || r.words[0] == "modernisation") {
				if n := tokLow(toks, k+1); n == "of" || n == "path" {
					break // "development of all-round cooperation" names that cooperation
				}
			}
			if t.cap && len(r.words) == 1 && schema.TopicRoot(r.slug) != schema.TopicMultilateral && inOrgName(toks, k) {
				break // "Collective Security Treaty Organization" is multilateral, not security
			}
			add(r.slug)
			k += len(r.words) - 1
			if r.close {
				return finishTopics(top, sub)
			}
			break
		}
	}
	return finishTopics(top, sub)
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
	case "for":
		n := tokLow(toks, k+1)
		if n == "the" || n == "greater" || n == "their" || n == "mutual" || n == "more" {
			n2 := tokLow(toks, k+2)
			return n2 == "benefit" || n2 == "benefits" || n2 == "development" || n2 == "greater" || n2 == "common" || tokLow(toks, k+3) == "benefit"
		}
	case "to":
		if k > 0 && !catenatives[toks[k-1].low] {
			vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, k+1, len(toks))))
			return vk == vBase
		}
	}
	return false
}

// inOrgName reports whether the capitalised word at k belongs to a name
// of an organisation ("Collective Security Treaty Organization").
func inOrgName(toks []token, k int) bool {
	for e := k + 1; e < len(toks) && e < k+6; e++ {
		t := toks[e]
		if t.kind != tWord || !t.cap && !nameConnectors[t.low] {
			return false
		}
		switch t.low {
		case "organization", "organisation", "union", "council", "commission", "bank", "fund", "community":
			return true
		}
	}
	return false
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
