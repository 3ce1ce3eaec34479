package ingest

import (
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// compKind is what a frame's complement is.
type compKind uint8

const (
	compVP     compKind = iota // "ready to [import A, support B]"
	compIng                    // "called for [advancing A]", "commitment to [further developing A]"
	compNP                     // "called for [stronger A and closer B]", "supports [Kazakhstan in ...]"
	compClause                 // "expressed the hope that [the two sides will ...]"
)

// frame is a modal frame found in a sentence: the words that make a
// statement a commitment ("is ready to", "should", "agreed to",
// "firmly supports", "expressed the hope that") with its complement.
type frame struct {
	start   int // first token of the frame, adverbs before the verb included
	verb    int // the frame's verb (or modal, or noun)
	comp    int // first token of the complement
	end     int // end of the complement (exclusive)
	mod     schema.Modality
	kind    compKind
	incl    bool // the span starts at the frame's verb ("firmly adheres to ...")
	subjI   int  // subject tokens [subjI, subjJ)
	subjJ   int
	calleeI int // "called on [the two sides] to": [calleeI, calleeJ)
	calleeJ int
	possI   int // "the United States' support for": [possI, possJ)
	possJ   int
	all     bool // the frame itself says every party ("called for", "it was agreed")
	event   bool // "a visa agreement will take effect": span from the subject
	docs    bool // "signed A and B": one commitment per document title
	pre     bool // the complement stands before the verb ("A and B were signed"); end is set
	// clause is 1 + the index of the clause frame ("agreed that",
	// "expressed the hope that") this frame stands in, 0 when none.
	clause int
	copula bool // "China has always been a trustworthy friend"
	// welcomed: "More Uzbek youths are welcome to study in China": the
	// subject is welcomed, the speaker's side welcomes.
	welcomed bool
	agent    bool // the subject names companies or agencies ("Rosatom will build")
	invite   bool // an invitation or its acceptance ("invited X to visit", "accepted the invitation to")
	inherit  bool // no subject of its own ("..., and will provide")
	noun     bool // a noun frame ("reaffirmed support for", "the readiness to")
	// bound is the first token of the connector before an inherited
	// frame (", and", "as well as"), where the frame before it ends.
	bound int
}

// frameNouns are the nouns of "expressed readiness to", "reaffirmed their
// commitment to", "reiterated the United States' support for".
var frameNouns = map[string]struct {
	mod  schema.Modality
	incl bool
}{
	"readiness": {schema.ModalityOffer, false}, "willingness": {schema.ModalityOffer, false},
	"desire": {schema.ModalityOffer, false}, "intention": {schema.ModalityPledge, false},
	"determination": {schema.ModalityPledge, false}, "resolve": {schema.ModalityPledge, false},
	"eagerness": {schema.ModalityOffer, false}, "commitment": {schema.ModalityPledge, false},
	"commitments": {schema.ModalityPledge, false}, "hope": {schema.ModalityHope, false},
	"hopes": {schema.ModalityHope, false}, "support": {schema.ModalitySupport, true},
	"opposition": {schema.ModalityOpposition, true}, "interest": {schema.ModalityOffer, false},
	"need": {schema.ModalityCall, false}, "adherence": {schema.ModalityStance, true},
	"goal": {schema.ModalityPledge, false}, "aim": {schema.ModalityPledge, false},
	"objective": {schema.ModalityPledge, false}, "task": {schema.ModalityCall, false},
	"wish": {schema.ModalityHope, false}, "preparedness": {schema.ModalityOffer, false},
	"plans":   {schema.ModalityPledge, false}, // "confirmed plans to open A"
	"respect": {schema.ModalityStance, true},
	// only after "welcomed X's" (welcomedUndertaking)
	"decision": {schema.ModalityPledge, false}, "decisions": {schema.ModalityPledge, false},
	"agreement": {schema.ModalityAgreement, false}, // "welcomed Turkmenistan's agreement to buy A"
}

// welcomeVerbs introduce another party's undertaking: "welcomed
// Uzbekistan's decision to purchase A and its commitment to open B".
var welcomeVerbs = makeSet(`welcomed welcomes welcome welcoming`)

// undertakingNouns name what a party means to do, after its possessor:
// "Kazakhstan's intention to", "its commitment to".
var undertakingNouns = makeSet(`decision decisions commitment commitments intention intentions plans readiness willingness
desire determination interest agreement`)

// madeUndertakings are the undertakings already made: what a party has
// decided or committed to is its own commitment, which the welcoming side
// only greets; an intention, plan or interest that is welcomed stays the
// welcome of the side that welcomes it.
var madeUndertakings = makeSet(`decision decisions commitment commitments agreement`)

// nounFrameVerbs introduce a frame noun.
var nounFrameVerbs = makeSet(`expressed expresses express reaffirmed reaffirms reaffirm reiterated reiterates reiterate
confirmed confirms confirm underscored underscores underscore underlined underlines emphasized emphasised emphasizes
emphasises stressed stresses affirmed affirms voiced voices conveyed conveys declared declares showed shows demonstrated
demonstrates highlighted highlights signaled signalled pledged pledges renewed renews share shared shares noted notes
stated`)

// frameNounAdjs may stand between the verb or possessor and the noun.
var frameNounAdjs = makeSet(`firm strong full continued continuing mutual steadfast unwavering ironclad shared common sincere
great deep high resolute consistent enduring unshakable unshakeable unequivocal strongest full-fledged clear joint
long-standing longstanding unswerving solid staunch readiness`)

// copulas before readiness adjectives.
var copulas = makeSet(`is are was were remains remain remained stands stand stood be been`)

// readyAdjs: "is ready to", "are willing to".
var readyAdjs = map[string]schema.Modality{
	"ready": schema.ModalityOffer, "willing": schema.ModalityOffer, "prepared": schema.ModalityOffer,
	"eager": schema.ModalityOffer, "keen": schema.ModalityOffer, "open": schema.ModalityOffer,
	"determined": schema.ModalityPledge, "committed": schema.ModalityPledge, "resolved": schema.ModalityPledge,
	"interested": schema.ModalityOffer, "opposed": schema.ModalityOpposition, "dedicated": schema.ModalityPledge,
}

// toVerbs take an infinitive: "agreed to", "pledged to".
var toVerbs = map[string]schema.Modality{
	"agreed": schema.ModalityAgreement, "agree": schema.ModalityAgreement, "agrees": schema.ModalityAgreement,
	"decided": schema.ModalityAgreement, "decide": schema.ModalityAgreement, "decides": schema.ModalityAgreement,
	"committed": schema.ModalityPledge, "commit": schema.ModalityPledge, "commits": schema.ModalityPledge,
	"pledged": schema.ModalityPledge, "pledge": schema.ModalityPledge, "pledges": schema.ModalityPledge,
	"vowed": schema.ModalityPledge, "vow": schema.ModalityPledge, "vows": schema.ModalityPledge,
	"promised": schema.ModalityPledge, "promise": schema.ModalityPledge, "promises": schema.ModalityPledge,
	"undertook": schema.ModalityPledge, "undertake": schema.ModalityPledge, "undertakes": schema.ModalityPledge,
	"resolved": schema.ModalityPledge, "intend": schema.ModalityPledge, "intends": schema.ModalityPledge,
	"plan": schema.ModalityPledge, "plans": schema.ModalityPledge, "aim": schema.ModalityPledge,
	"aims": schema.ModalityPledge, "seek": schema.ModalityPledge, "seeks": schema.ModalityPledge,
	"strive": schema.ModalityPledge, "strives": schema.ModalityPledge,
	"hope": schema.ModalityHope, "hopes": schema.ModalityHope, "hoped": schema.ModalityHope,
	"wish": schema.ModalityHope, "wishes": schema.ModalityHope, "expect": schema.ModalityHope, "expects": schema.ModalityHope,
	"continue": schema.ModalityPledge, "continues": schema.ModalityPledge,
	"concurred": schema.ModalityAgreement, "concur": schema.ModalityAgreement, "concurs": schema.ModalityAgreement,
	"aimed":   schema.ModalityPledge,
	"offered": schema.ModalityOffer, "offers": schema.ModalityOffer,
	// "proposed to establish A": a joint action, a call on every party
	"proposed": schema.ModalityCall, "proposes": schema.ModalityCall, "suggested": schema.ModalityCall,
	// only after "with" and a subject (withSubject): "..., with the two
	// sides pledging to speed up A"
	"pledging": schema.ModalityPledge, "agreeing": schema.ModalityAgreement, "vowing": schema.ModalityPledge,
	"promising": schema.ModalityPledge,
}

// thatFrames take a clause: "agreed that", "hoped that".
var thatFrames = map[string]schema.Modality{
	"agreed": schema.ModalityAgreement, "agree": schema.ModalityAgreement, "agrees": schema.ModalityAgreement,
	"decided": schema.ModalityAgreement, "hope": schema.ModalityHope, "hopes": schema.ModalityHope,
	"hoped": schema.ModalityHope, "expect": schema.ModalityHope, "expects": schema.ModalityHope,
	"expected": schema.ModalityHope, "announced": schema.ModalityAgreement,
	"proposed": schema.ModalityCall, "proposes": schema.ModalityCall, "suggested": schema.ModalityCall,
	"suggests": schema.ModalityCall, "urged": schema.ModalityCall,
	// "I propose that our governments prepare A": the speaker's own
	"propose": schema.ModalityCall, "suggest": schema.ModalityCall,
}

// stanceVerbs are present-tense verbs that are themselves the commitment
// ("China firmly supports Kazakhstan in ...", "Kyrgyzstan firmly adheres to
// the one-China principle", "welcomes more Chinese enterprises to invest").
var stanceVerbs = map[string]schema.Modality{
	"support": schema.ModalitySupport, "supports": schema.ModalitySupport,
	"back": schema.ModalitySupport, "backs": schema.ModalitySupport,
	"endorse": schema.ModalitySupport, "endorses": schema.ModalitySupport,
	"adhere": schema.ModalityStance, "adheres": schema.ModalityStance,
	"uphold": schema.ModalityStance, "upholds": schema.ModalityStance,
	"abide": schema.ModalityStance, "abides": schema.ModalityStance,
	"respect": schema.ModalityStance, "respects": schema.ModalityStance,
	"regard": schema.ModalityStance, "regards": schema.ModalityStance,
	"see": schema.ModalityStance, "sees": schema.ModalityStance, // only "sees X as Y" (viewsAs)
	"recognize": schema.ModalityStance, "recognizes": schema.ModalityStance,
	"recognise": schema.ModalityStance, "recognises": schema.ModalityStance,
	"value": schema.ModalityStance, "values": schema.ModalityStance,
	"attach": schema.ModalityStance, "attaches": schema.ModalityStance,
	// "Tajikistan guarantees water releases to ...": a standing undertaking
	"guarantee": schema.ModalityPledge, "guarantees": schema.ModalityPledge,
	"oppose": schema.ModalityOpposition, "opposes": schema.ModalityOpposition,
	"reject": schema.ModalityOpposition, "rejects": schema.ModalityOpposition,
	"condemn": schema.ModalityOpposition, "condemns": schema.ModalityOpposition,
	"welcome": schema.ModalityWelcome, "welcomes": schema.ModalityWelcome,
	"encourage": schema.ModalityWelcome, "encourages": schema.ModalityWelcome,
	// "..., welcoming the expansion of ...": with a forward-looking object
	"welcoming": schema.ModalityWelcome,
	// past "welcomed" only with a forward-looking object (forwardObject)
	"welcomed": schema.ModalityWelcome,
	"view":     schema.ModalityStance, "views": schema.ModalityStance,
	// "considers Georgia a reliable partner" (considersPartner)
	"consider": schema.ModalityStance, "considers": schema.ModalityStance,
	"stand": schema.ModalitySupport, "stands": schema.ModalitySupport,
	"advocate": schema.ModalitySupport, "advocates": schema.ModalitySupport,
	// "the ministers advocated the early settlement of A": the past of
	// a readout, a position taken at the meeting
	"advocated": schema.ModalitySupport,
	// past "supported" only for a proposal made at the meeting
	// (proposalObject); "places X in a priority position" (placesPriority)
	"supported": schema.ModalitySupport,
	"endorsed":  schema.ModalitySupport, // like "supported": a proposal or candidacy
	"places":    schema.ModalityStance, "place": schema.ModalityStance,
	// "firmly pursues the one-China policy" (policyObject)
	"pursue": schema.ModalityStance, "pursues": schema.ModalityStance,
	// "consistently holds that the presence of A is unacceptable": a
	// standing position, only with "that" (not "holds talks")
	"holds": schema.ModalityStance, "maintains": schema.ModalityStance,
}

// travelVerbs after "look forward to" make a travel plan, not a commitment.
var travelVerbs = makeSet(`visit attend travel meet receive host see`)

// speechActs after "would like to" introduce what is said, not a
// commitment: "I would like to note that", "to thank you".
var speechActs = makeSet(`note say stress emphasize emphasise thank express point mention underline recall remind congratulate
welcome inform draw begin start add highlight wish reiterate`)

// stanceNouns head the predicate of a party's standing stance: "China has
// always been a trustworthy friend and partner of Turkmenistan".
var stanceNouns = makeSet(`friend friends partner partners neighbor neighbour neighbors neighbours ally allies brother brothers priority`)

// catenatives take "to" as part of the verb phrase, not as a purpose
// clause: "make joint efforts to advance A and keep B".
var catenatives = makeSet(`efforts effort continue continues strive strives seek seeks try endeavor endeavour work works
ready willing able going need needs want wish hope aim`)

// eventVerbs are what a future event the parties arranged does: "the
// agreement will take effect", "the tourism year will be launched".
var eventVerbs = makeSet(`held launched signed opened established implemented organized organised inaugurated completed
convened hosted introduced commissioned unveiled put started resumed celebrated`)

// instructVerbs give an order to carry something out: "the leaders
// instructed their governments to accelerate X" commits those who gave it.
var instructVerbs = makeSet(`instructed instructs instruct tasked tasks directed`)

// possPronouns before a word make it a noun: "its aim to", "their plan to".
var possPronouns = makeSet(`its their his her our`)

// determiners that may open a subject and say nothing about it.
var determiners = makeSet(`the a an this that these those`)

// auxiliaries that show the word after them is not a subject-less verb.
var auxiliaries = makeSet(`will would shall should must can could may might to is are was were be been being has have had do does did`)

// triggerWords are the words a frame can start with: a cheap test before
// the patterns.
var triggerWords = func() map[string]bool {
	m := makeSet(`will would shall should must need needs ought it called calls call calling urged urges urge appealed invited
invites invite encouraged urging propose suggest put puts gave gives spoke speaks spoken announced announce announces launched launch launches look looks looked looking signed signing adopted
reached exchange exchanged concluded instructed instructs instruct tasked tasks directed renewed renews extended extends reiterated handed conveyed delivered
accepted accepts accept approved issued considered deem deems deemed made taken`)
	for _, set := range []map[string]bool{copulas} {
		for k := range set {
			m[k] = true
		}
	}
	for k := range toVerbs {
		m[k] = true
	}
	for k := range thatFrames {
		m[k] = true
	}
	for k := range stanceVerbs {
		m[k] = true
	}
	for k := range frameNouns {
		m[k] = true
	}
	for _, k := range []string{"agreed", "agree", "agrees"} {
		m[k] = true
	}
	return m
}()

// clauseBoundary reports whether token k ends the subject look-back.
func clauseBoundary(t token) bool {
	if t.kind == tPunct {
		switch t.text {
		case ",", ";", ":", "(", ")", "«", "»", "“", "”", "\"", "—", "–", "-", "•", "*", "·":
			return true
		}
		return false
	}
	switch t.low {
	case "that", "and", "but", "while", "which", "where", "when", "who", "whereas", "so", "because", "as", "said", "says",
		"noted", "stressed", "added", "emphasized", "if", "whether", "although", "though", "since", "or":
		return true
	}
	return false
}

// matchFrame reports the frame that starts with the verb, modal or noun at
// token i, if any. Subject and complement end are filled in later.
func matchFrame(s *sentence, i, ce int) (frame, bool) {
	toks := s.tokens
	t := toks[i]
	if t.kind != tWord {
		return frame{}, false
	}
	low := t.low
	if !t.is(wTrigger) {
		return frame{}, false
	}
	f := frame{start: i, verb: i, calleeI: -1, possI: -1}
	// adverbsAfter skips adverbs and a parenthetical ", as always,".
	skipAdv := func(k int) int {
		for k < ce {
			if isAdverb(toks[k].low) && toks[k].low != "not" {
				k++
				continue
			}
			if toks[k].text == "," && k+1 < ce && (toks[k+1].low == "as" || isAdverb(toks[k+1].low)) {
				// ", as always," / ", as before,"
				e := k + 1
				for e < ce && e < k+6 && toks[e].text != "," {
					e++
				}
				if e < ce && toks[e].text == "," {
					k = e + 1
					continue
				}
			}
			break
		}
		return k
	}
	switch {
	case low == "will" || low == "would" || low == "shall" || low == "should" || low == "must" ||
		(low == "need" || low == "needs" || low == "ought") && tokLow(toks, i+1) == "to":
		k := i + 1
		if tokLow(toks, k) == "to" {
			k++
		}
		if l := skipAdverbs(toks, k, ce); low == "would" && tokLow(toks, l) == "like" && tokLow(toks, l+1) == "to" {
			k = l + 2 // "I would also like to"
			// "I would like to note that ...": a speaker's courtesy;
			// "would like to see more investment": a wish, like "is
			// happy to see".
			if speechActs[tokLow(toks, k)] || tokLow(toks, k) == "see" {
				return frame{}, false
			}
		}
		c := skipParen(toks, k, ce)
		k = skipAdv(c)
		if k >= ce || toks[k].kind != tWord || toks[k].cap && k > i+1 || determiners[toks[k].low] {
			return frame{}, false
		}
		if toks[k].low == "be" && tokLow(toks, k+1) == "able" {
			return frame{}, false // "companies would be able to benefit": a prediction
		}
		if low == "need" || low == "needs" {
			// "the need to" is a noun; "need to" after a subject a verb.
			if i > 0 && (determiners[toks[i-1].low] || toks[i-1].low == "the") {
				return nounFrame(s, i, ce, schema.ModalityCall, false, skipAdv)
			}
		}
		f.comp = c
		f.kind = compVP
		switch low {
		case "will", "would", "shall":
			f.mod = schema.ModalityPledge
		default:
			f.mod = schema.ModalityCall
		}
		return f, true
	case copulas[low]:
		if (low == "stands" || low == "stand") && tokLow(toks, i+1) == "for" && standsFor(toks, i+2) {
			return stanceFrame(s, i, ce, schema.ModalitySupport) // "Russia stands for strengthening A"
		}
		k := skipAdv(i + 1)
		if k >= ce {
			return frame{}, false
		}
		if (low == "is" || low == "are") && tokLow(toks, k) == "to" && tokLow(toks, k+1) == "be" && eventVerbs[tokLow(toks, k+2)] {
			// "a Declaration on A is to be signed today": an event the
			// parties arranged, read like "will be signed"
			f.comp, f.kind, f.mod = k+1, compVP, schema.ModalityPledge
			return f, true
		}
		if (low == "is" || low == "are") && plannedInfinitive(toks, k, ce) {
			// "The two sides are to sign an agreement by the end of
			// the year", "Russia is going to open a consulate": a plan
			// of the subject, read like "will"
			f.comp, f.kind, f.mod = k+1, compVP, schema.ModalityPledge
			if toks[k].low == "going" {
				f.comp = k + 2
			}
			return f, true
		}
		if c := inFavourOf(toks, k, ce); c > 0 && low != "be" && low != "been" {
			// "Russia and Tajikistan are in favour of strengthening
			// the role of the UN"
			f.comp, f.kind, f.mod = c, compNP, schema.ModalitySupport
			if gerundAt(toks, c) {
				f.kind = compIng
			}
			return f, true
		}
		adj := toks[k].low
		if adj == "welcome" && tokLow(toks, k+1) == "to" && (low == "are" || low == "is") {
			if vk, _ := verbForm(tokLow(toks, k+2)); vk == vBase {
				f.comp, f.kind, f.mod, f.welcomed = k+2, compVP, schema.ModalityWelcome, true
				return f, true
			}
		}
		if m, ok := readyAdjs[adj]; ok {
			next := tokLow(toks, k+1)
			switch {
			case next == "to" && adj != "interested":
				f.comp, f.kind, f.mod = k+2, compVP, m
				if adj == "committed" || adj == "dedicated" || adj == "opposed" {
					if vk, _ := verbForm(tokLow(toks, skipAdv(f.comp))); vk == vIng {
						f.kind = compIng
					} else if vk == vNone {
						f.kind = compNP
					}
				}
				if adj == "opposed" {
					f.incl = true
				}
				return f, true
			case next == "in" && adj == "interested" && gerundAt(toks, skipAdv(k+2)):
				// "interested in expanding A", not "interested in new
				// projects": an offer is to do something
				f.comp, f.kind, f.mod = k+2, compIng, m
				return f, true
			}
			return frame{}, false
		}
		// "China has always been / is / remains a trustworthy friend"
		if low == "is" || low == "remains" || low == "been" || low == "are" {
			if i > 0 && toks[i-1].low == "will" {
				return frame{}, false // the modal frame covers it
			}
			if (low == "is" || low == "are") && toks[k].low == "going" && tokLow(toks, k+1) == "to" && tokLow(toks, k+2) == "be" && k+3 < ce {
				k += 3 // "We are going to be the partner of choice for X": as "will be"
			}
			// A noun phrase: "a trustworthy friend", "China's reliable partner".
			if first := toks[k]; !(first.low == "a" || first.low == "an" || first.low == "the" || first.low == "our" || first.low == "its" || tokAt(toks, k+1).kind == tPoss || stanceNouns[first.low]) {
				return frame{}, false
			}
			for e := k; e < ce && e < k+8; e++ {
				if toks[e].kind == tPunct && toks[e].kind != tPoss || toks[e].low == "of" && e > k || toks[e].low == "to" || rankWords[toks[e].low] {
					break // "remains Tajikistan's largest trade partner": a figure, not a stance
				}
				if stanceNouns[toks[e].low] {
					f.comp, f.kind, f.mod, f.incl, f.copula = k, compNP, schema.ModalityStance, true, true
					if low == "been" {
						// "has always been": the span starts at "has"
						b := i - 1
						for b >= 0 && isAdverb(toks[b].low) {
							b--
						}
						if b >= 0 && (toks[b].low == "has" || toks[b].low == "have") {
							f.start, f.verb = b, b
						}
					}
					return f, true
				}
			}
		}
		return frame{}, false
	case low == "stands" || low == "stand" || low == "stood":
		return frame{}, false
	}
	// "it is important to": the frame starts at "it".
	if low == "it" && i+2 < ce && (toks[i+1].low == "is" || toks[i+1].low == "was") {
		k := skipAdv(i + 2)
		switch tokLow(toks, k) {
		case "important", "necessary", "essential", "crucial", "vital", "imperative", "key", "critical":
			e := k + 1
			if tokLow(toks, e) == "for" { // "for us", "for both sides"
				f.subjI = e + 1
				for e < ce && e < k+6 && toks[e].low != "to" {
					e++
				}
				f.subjJ = e
			}
			if tokLow(toks, e) == "to" {
				f.comp, f.kind, f.mod = e+1, compVP, schema.ModalityCall
				return f, true
			}
		case "agreed", "decided", "proposed", "suggested", "planned", "envisaged":
			// "It was proposed to hold ...", "It is planned to open ...":
			// a joint action, with no one named, is every party's
			mod := schema.ModalityAgreement
			switch tokLow(toks, k) {
			case "proposed", "suggested":
				mod = schema.ModalityCall
			case "planned", "envisaged":
				mod = schema.ModalityPledge
			}
			if tokLow(toks, k+1) == "to" {
				f.comp, f.kind, f.mod, f.all = k+2, compVP, mod, true
				return f, true
			}
			if tokLow(toks, k+1) == "that" {
				f.comp, f.kind, f.mod, f.all = k+2, compClause, mod, true
				return f, true
			}
		}
		return frame{}, false
	}
	if m, ok := toVerbs[low]; ok && (!strings.HasSuffix(low, "ing") || withSubject(toks, i) || low == "agreeing" && afterMeetingClause(toks, i)) {
		if to := frameAdverbialEnd(toks, i+1); tokLow(toks, to) == "to" {
			if i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "a" || toks[i-1].kind == tPoss || possPronouns[toks[i-1].low]) {
				return frame{}, false // "the plan to", "Tajikistan's wish to": a noun
			}
			if i > 1 && frameNounAdjs[toks[i-1].low] && (toks[i-2].low == "a" || toks[i-2].low == "the" || possPronouns[toks[i-2].low]) {
				return frame{}, false // "prepare a joint plan to modernise A": a noun
			}
			if n := tokAt(toks, to+1); nounyToVerbs[low] && (determiners[n.low] || possPronouns[n.low] || n.cap) {
				return frame{}, false // "conveyed best wishes to the President": a noun and a recipient
			}
			f.comp, f.kind, f.mod = skipParen(toks, to+1, ce), compVP, m // "continue to, as always, support"
			if vk, _ := verbForm(tokLow(toks, skipAdv(f.comp))); vk == vIng {
				f.kind = compIng
			}
			if low == "continue" || low == "continues" {
				f.incl = true
			}
			if proposeVerbs[low] || low == "agreeing" && !withSubject(toks, i) {
				f.all = true // "held talks on Monday, agreeing to A": those who met
			}
			return f, true
		}
	}
	if c := inFavourOf(toks, i+1, ce); c > 0 && (low == "spoke" || low == "speaks" || low == "spoken") {
		// "spoke in favour of increasing flights": support for a course
		f.comp, f.kind, f.mod = c, compNP, schema.ModalitySupport
		if gerundAt(toks, c) {
			f.kind = compIng
		}
		return f, true
	}
	if (low == "agreed" || low == "agree" || low == "agrees") && tokLow(toks, i+1) == "with" {
		// "We agreed with Vladimir Vladimirovich to hold the forum":
		// both agreed
		for e := i + 2; e < ce && e < i+8; e++ {
			if toks[e].kind == tPunct {
				break
			}
			if toks[e].low == "to" {
				if vk, _ := verbForm(tokLow(toks, skipAdv(e+1))); vk == vBase && e > i+2 {
					f.comp, f.kind, f.mod, f.all = e+1, compVP, schema.ModalityAgreement, true
					return f, true
				}
				break
			}
		}
	}
	if m, ok := thatFrames[low]; ok && tokLow(toks, i+1) == "that" {
		f.comp, f.kind, f.mod = i+2, compClause, m
		return f, true
	}
	if (low == "put" || low == "puts") && tokLow(toks, i+1) == "forward" || low == "gave" || low == "gives" {
		// "put forward an initiative to create A", "gave instructions
		// to prepare B": a proposal or an order, a call on every party
		for e := i + 1; e < ce && e < i+6; e++ {
			switch toks[e].low {
			case "initiative", "proposal", "idea", "instructions", "instruction", "orders":
				if tokLow(toks, e+1) == "to" {
					if vk, _ := verbForm(tokLow(toks, skipAdv(e+2))); vk == vBase {
						if (low == "gave" || low == "gives") && toks[e].low != "instructions" && toks[e].low != "instruction" && toks[e].low != "orders" {
							return frame{}, false
						}
						f.comp, f.kind, f.mod, f.all = e+2, compVP, schema.ModalityCall, true
						return f, true
					}
				}
				return frame{}, false
			}
			if toks[e].kind == tPunct {
				break
			}
		}
	}
	if proposeVerbs[low] {
		// "proposed building a highway", "I suggest holding the Decade
		// of Culture": a proposal of a joint action, a call on every
		// party
		if vk, base := verbForm(tokLow(toks, i+1)); vk == vIng && base != "be" && i+2 < ce && toks[i+2].kind == tWord {
			f.comp, f.kind, f.mod, f.all = i+1, compIng, schema.ModalityCall, true
			return f, true
		}
	}
	if (low == "suggested" || low == "proposed" || low == "suggests" || low == "proposes") && partiesThenVerb(toks, i+1, ce) {
		// "suggested both sides break new ground in A": a clause
		// without "that"
		f.comp, f.kind, f.mod = i+1, compClause, schema.ModalityCall
		return f, true
	}
	if low == "reached" || (low == "made" || low == "taken") && i >= 2 && (toks[i-2].low == "decision" || toks[i-2].low == "decisions") {
		return reachedFrame(toks, i, ce)
	}
	if (low == "agreed" || low == "agree" || low == "agrees") && tokLow(toks, i+1) == "on" {
		if day := dayAdverbEnd(toks, i+1); day > i+2 {
			// "agreed on Tuesday in Astana to raise A": the day is when;
			// "..., the ministers agreed on Thursday in Yangling": no content
			for e := day; e < ce && e < i+7; e++ {
				if toks[e].low == "to" && isLowerWord(tokAt(toks, e+1)) {
					f.comp, f.kind, f.mod = e+1, compVP, schema.ModalityAgreement
					return f, true
				}
			}
			return frame{}, false
		}
		f.comp, f.kind, f.mod = i+2, compNP, schema.ModalityAgreement
		if tokLow(toks, i+2) == "the" && tokLow(toks, i+3) == "need" && tokLow(toks, i+4) == "to" {
			// "agreed on the need to preserve A, prevent B and set C"
			f.comp, f.kind = i+5, compVP
		}
		return f, true
	}
	if (low == "look" || low == "looks" || low == "looked" || low == "looking") && tokLow(toks, i+1) == "forward" && tokLow(toks, i+2) == "to" {
		f.comp, f.kind, f.mod = i+3, compNP, schema.ModalityHope
		if vk, base := verbForm(tokLow(toks, f.comp)); vk == vIng {
			if travelVerbs[base] {
				return frame{}, false // "looks forward to visiting China": a travel plan
			}
			f.kind = compIng
		}
		return f, true
	}
	if low == "called" || low == "calls" || low == "call" || low == "urged" || low == "urges" || low == "urge" || low == "appealed" || low == "encouraged" || low == "urging" || low == "calling" ||
		instructVerbs[low] && tokLow(toks, i+1) != "for" {
		next := tokLow(toks, i+1)
		if next == "for" {
			f.comp, f.kind, f.mod, f.all = i+2, compNP, schema.ModalityCall, true
			if vk, _ := verbForm(tokLow(toks, skipAdv(f.comp))); vk == vIng {
				f.kind = compIng
			}
			if c := effortsTo(toks, f.comp, ce); c > 0 {
				f.comp, f.kind = c, compVP // "called for joint efforts to preserve A and to counter B"
			}
			return f, true
		}
		k := i + 1
		if next == "on" || next == "upon" {
			k++
		}
		if low == "called" && k == i+1 {
			return frame{}, false
		}
		limit := k + 12
		for e := k; e < ce && e < limit; e++ { // "instructed the ministries of energy of the two countries to"
			if toks[e].text == "," && e > k && toks[e-1].kind == tWord {
				// "instructed the akim of the region, Gauez
				// Nurmukhambetov, to prepare A": a name set off in commas
				if c := clauseEnd(toks, e+1, min(ce, e+6)); c < ce && toks[c].text == "," && capitalsOnly(toks, e+1, c) && tokLow(toks, c+1) == "to" {
					e, limit = c, c+2
					continue
				}
			}
			if toks[e].low == "with" && (low == "tasked" || low == "tasks") && e > k {
				// "tasked the governments with preparing a program"
				if vk, _ := verbForm(tokLow(toks, e+1)); vk == vIng {
					f.calleeI, f.calleeJ = k, e
					f.comp, f.kind, f.mod = e+1, compIng, schema.ModalityCall
					return f, true
				}
			}
			if toks[e].low == "to" {
				if vk, _ := verbForm(tokLow(toks, skipAdv(e+1))); vk == vBase || isLowerWord(tokAt(toks, skipAdv(e+1))) {
					f.calleeI, f.calleeJ = k, e
					f.comp, f.kind, f.mod = e+1, compVP, schema.ModalityCall
					if e > k && toks[e-1].low == "not" {
						// "urged Turkey not to retain X": the negation
						// is part of what is asked.
						f.calleeJ, f.comp = e-1, e-1
					}
					return f, true
				}
			}
			if toks[e].kind == tPunct {
				break
			}
		}
		return frame{}, false
	}
	// "renewed his invitation for President Trump to visit Kazakhstan",
	// "extended an invitation to ... to visit": an invitation, like
	// "invited".
	renewedInvitation := (low == "renewed" || low == "extended" || low == "reiterated" || low == "renews" || low == "extends" ||
		low == "handed" || low == "conveyed" || low == "delivered") &&
		(tokLow(toks, i+2) == "invitation" || tokLow(toks, i+3) == "invitation")
	if low == "invited" || low == "invites" || low == "invite" || renewedInvitation {
		for e := i + 1; e < ce && e < i+12; e++ {
			if toks[e].low == "to" {
				if vk, _ := verbForm(tokLow(toks, e+1)); vk == vBase || !renewedInvitation && toGathering(toks, e+1, ce) {
					// "invited X to visit", "invited President X to
					// the G20 Leaders' Summit in Miami"
					f.comp, f.kind, f.mod, f.incl, f.invite = i+1, compNP, schema.ModalityOffer, true, true
					if renewedInvitation {
						f.possI, f.possJ = invitationFrom(toks, i, e)
					}
					return f, true
				}
				if renewedInvitation && tokLow(toks, e-1) == "invitation" {
					continue // "an invitation to President Trump to visit"
				}
				break
			}
			if toks[e].kind == tPunct && toks[e].text != "'" && toks[e].text != "’" {
				break
			}
		}
		return frame{}, false
	}
	if (low == "consider" || low == "considers" || low == "considered" || low == "deem" || low == "deems" || low == "deemed") && tokLow(toks, i+1) == "it" {
		// "The sides considered it expedient to hold A": what they
		// find necessary they call for
		k := skipAdv(i + 2)
		switch tokLow(toks, k) {
		case "important", "necessary", "expedient", "advisable", "appropriate", "essential", "useful", "timely":
			if tokLow(toks, k+1) == "to" && k+2 < ce {
				f.comp, f.kind, f.mod = k+2, compVP, schema.ModalityCall
				return f, true
			}
		}
		return frame{}, false
	}
	if low == "accepted" {
		if b, ok := invitationAccepted(toks, i, ce); ok {
			// "The invitation was accepted with gratitude": the invited
			// side undertakes it; the span is the whole clause
			f.start, f.comp, f.kind, f.mod, f.incl, f.invite, f.event = b, i, compNP, schema.ModalityPledge, true, true, true
			f.subjI, f.subjJ = b, auxBefore(toks, i)
			return f, true
		}
	}
	if (low == "accepted" || low == "accepts" || low == "accept") && acceptedInvitation(toks, i, ce) {
		// "accepted President Mirziyoyev's invitation to visit
		// Samarkand": the guest undertakes the visit
		f.comp, f.kind, f.mod, f.incl, f.invite = i+1, compNP, schema.ModalityPledge, true, true
		return f, true
	}
	if low == "announced" || low == "announce" || low == "announces" || low == "launched" || low == "launch" || low == "launches" {
		if i > 0 {
			b := i - 1
			for b >= 0 && isAdverb(toks[b].low) {
				b--
			}
			if b >= 0 && (toks[b].low == "have" || toks[b].low == "has" || toks[b].low == "had" || toks[b].low == "to") {
				return frame{}, false
			}
		}
		if tokLow(toks, i+1) == "that" {
			f.comp, f.kind, f.mod = i+2, compClause, schema.ModalityAgreement
			return f, true
		}
		if n := tokLow(toks, i+1); (determiners[n] || n == "their" || n == "its") && !pronounObject(toks, i+1) {
			f.comp, f.kind, f.mod, f.incl = i+1, compNP, schema.ModalityAgreement, true
			return f, true
		}
		return frame{}, false
	}
	// "the two presidents signed a Joint Statement on ... and a Treaty on
	// ...", "witnessed the signing of A and B": each title is an
	// agreement of all parties.
	if (low == "approved" || low == "endorsed") && adoptedDocumentAt(toks, textOf(toks, i+1), ce) || low == "issued" && documentAt(toks, i+1, ce) {
		// "approved the Concept of Regional Security", "endorsed the
		// 2026 work plan", "issued a joint statement on A", "approved
		// the text of a Memorandum on B": the document is one of every
		// party that approved or issued it
		f.comp, f.kind, f.mod, f.docs = textOf(toks, i+1), compNP, schema.ModalityAgreement, true
		return f, true
	}
	if passiveDocVerbs[low] && (low == "approved" || low == "exchanged" || low == "concluded") {
		// "documents were also exchanged, including A and B", "Among the
		// documents approved were A, B and C": only passive, with the
		// titles after it (the active "approved the Concept" is above)
		if b := auxBefore(toks, i); b >= 0 && passiveAux(toks, b, i, ce) {
			return passiveSigned(toks, i, ce)
		}
		if n := tokLow(toks, i+1); (n == "were" || n == "was") && i+2 < ce && i > 0 && docsNoun(toks[i-1].low) {
			f := frame{start: i, verb: i, comp: i + 2, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
			f.subjI, f.subjJ = i, i+1
			return f, true
		}
		return frame{}, false
	}
	if low == "signed" || low == "adopted" || low == "signing" && tokLow(toks, i+1) == "of" || low == "exchange" && exchangeOfDocuments(toks, i, ce) {
		if f, ok := signedParticiple(toks, i); ok && (low == "signed" || low == "adopted") {
			return f, true // "a Memorandum of Understanding on X signed after the talks", "the Samara Joint Statement adopted at"
		}
		if b := auxBefore(toks, i); b >= 0 && passiveAux(toks, b, i, ce) {
			return passiveSigned(toks, i, ce)
		}
		if low == "signing" && pastSigning(toks, i) {
			return frame{}, false // "trade has doubled since the signing of the Treaty"
		}
		if n := tokLow(toks, i+1); (low == "signed" || low == "adopted") && (n == "were" || n == "was") && i+2 < ce {
			// "Also signed were the Agreement on A and the Program B":
			// an inverted passive, the documents after it
			f := frame{start: i, verb: i, comp: i + 2, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
			f.subjI, f.subjJ = i, i+1
			return f, true
		}
		f.comp, f.kind, f.mod, f.docs = i+1, compNP, schema.ModalityAgreement, true
		if low == "signing" || low == "exchange" {
			// "witnessed the exchange of the Agreement on X and ..."
			f.comp, f.all = i+2, true
		}
		return f, true
	}
	if (low == "welcomed" || low == "welcomes" || low == "welcome") && tokLow(toks, i+1) == "the" && (tokLow(toks, i+2) == "signing" || tokLow(toks, i+2) == "adoption") && tokLow(toks, i+3) == "of" && i+4 < ce {
		// "welcomed the adoption of the Program of A", "welcomed the
		// signing of the Treaty on B": each titled document is one of
		// every party (a package without titles gives none)
		f.comp, f.kind, f.mod, f.docs, f.all = i+4, compNP, schema.ModalityAgreement, true, true
		return f, true
	}
	if m, ok := stanceVerbs[low]; ok {
		if f, ok := stanceFrame(s, i, ce, m); ok {
			return f, true
		}
	}
	// Noun frames: "expressed readiness to", "reiterated the United
	// States' support for", "the desire to", "the common goal, which is to".
	if nf, ok := frameNouns[low]; ok {
		return nounFrame(s, i, ce, nf.mod, nf.incl, skipAdv)
	}
	return frame{}, false
}

// passiveDocVerbs put a document into force in the passive: "were signed",
// "was approved", "were also exchanged", "have been concluded".
var passiveDocVerbs = makeSet(`signed adopted approved exchanged concluded`)

// auxBefore is the index of the word before the verb at i, past adverbs
// ("were also signed", "was successfully concluded"), or -1.
func auxBefore(toks []token, i int) int {
	b := i - 1
	for b > 0 && isAdverb(toks[b].low) && toks[b].low != "not" {
		b--
	}
	return b
}

// passiveAux reports whether the word at b makes the verb at i a passive:
// "were", "was", "be", "been", or "have"/"has" with no object after the
// verb ("documents have signed:" in a careless paste).
func passiveAux(toks []token, b, i, ce int) bool {
	switch toks[b].low {
	case "were", "was", "be", "been":
		return true
	case "have", "has":
		return passiveAhead(toks, i, ce)
	}
	return false
}

// docsNoun reports whether w is a plural noun for documents: "Among the
// documents approved were ...".
func docsNoun(w string) bool {
	switch w {
	case "documents", "agreements", "instruments", "acts":
		return true
	}
	return false
}

// numberAt reports whether the token at k starts with a digit.
func numberAt(toks []token, k int) bool {
	w := tokLow(toks, k)
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// invitationFrom returns the tokens that name whose invitation an envoy
// conveyed, between "invitation from" and "for" or "to" before e: "conveyed
// an invitation from President Donald Trump for Mirziyoyev to attend A"
// -> "President Donald Trump"; -1, -1 when there are none.
func invitationFrom(toks []token, i, e int) (int, int) {
	for k := i + 1; k+1 < e; k++ {
		if toks[k].low != "invitation" || toks[k+1].low != "from" {
			continue
		}
		for j := k + 2; j < e; j++ {
			if toks[j].low == "for" || toks[j].low == "to" {
				if j > k+2 {
					return k + 2, j
				}
				break
			}
		}
		break
	}
	return -1, -1
}

// withSubject reports whether the participle at i has its own subject
// after "with", as news ledes put what was agreed: "..., with the two
// sides pledging to A", "with both sides agreeing to B" (not "thanked him
// for agreeing to").
func withSubject(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch {
		case toks[k].low == "with":
			return k < i-1
		case toks[k].kind != tWord:
			return false
		}
	}
	return false
}

// afterMeetingClause reports whether the participle at i follows a comma
// that closes a clause on the meeting itself: "Mishustin and Rasulzoda
// held a telephone conversation on Thursday, agreeing to convene A".
func afterMeetingClause(toks []token, i int) bool {
	if i < 3 || toks[i-1].text != "," {
		return false
	}
	for k := i - 2; k >= 0; k-- {
		if toks[k].kind == tPunct {
			return false
		}
		if toks[k].is(wMeeting) && !toks[k].cap {
			return true
		}
	}
	return false
}

// nounyToVerbs are to-verbs that are as often plural nouns, whose "to"
// then names a recipient ("wishes to the President", "plans to the
// region"), not an infinitive.
var nounyToVerbs = makeSet(`wish wishes hope hopes plan plans need needs aim aims`)

// plannedInfinitive reports whether the words from k, after "is" or
// "are", are "(going) to" and a verb other than "be": "are to sign",
// "is going to open".
func plannedInfinitive(toks []token, k, ce int) bool {
	if tokLow(toks, k) == "going" {
		k++
	}
	if tokLow(toks, k) != "to" || k+1 >= ce {
		return false
	}
	vk, base := verbForm(tokLow(toks, k+1))
	return vk == vBase && base != "be"
}

// inFavourOf returns the index after "in favour of" at k, 0 when there is
// none or nothing follows.
func inFavourOf(toks []token, k, ce int) int {
	if tokLow(toks, k) == "in" && (tokLow(toks, k+1) == "favour" || tokLow(toks, k+1) == "favor") && tokLow(toks, k+2) == "of" && k+3 < ce {
		return k + 3
	}
	return 0
}

// frameAdverbialEnd skips what news copy puts between a frame verb and
// its "to": "in principle", a day ("agreed on Tuesday to"), or a short
// phrase of where or how, with or without a day ("agreed in a telephone
// conversation on Tuesday to trade A", "pledged at the talks to open A").
// It returns the index after them, else k.
func frameAdverbialEnd(toks []token, k int) int {
	if to := dayAdverbEnd(toks, inPrinciple(toks, k)); to > k || !adverbialPreps[tokLow(toks, k)] {
		return to
	}
	for j := k + 1; j < len(toks) && j <= k+8; j++ {
		t := toks[j]
		if t.low == "to" {
			if j > k+1 && tokAt(toks, j+1).kind == tWord && !toPreposition(toks, j) {
				return j // a verb, not "to the region" (the lexicon lacks some: "to repair")
			}
			return k
		}
		if t.kind != tWord && t.kind != tPoss || clauseConjs[t.low] || t.low == "that" {
			return k
		}
	}
	return k
}

// adverbialPreps open a phrase of where or how that news copy puts
// between a frame verb and its "to".
var adverbialPreps = makeSet(`in at during`)

// inPrinciple skips "in principle" at k: "agreed in principle to
// finance A".
func inPrinciple(toks []token, k int) int {
	if tokLow(toks, k) == "in" && tokLow(toks, k+1) == "principle" {
		return k + 2
	}
	return k
}

// titleAt reports whether a document's title opens at k, after its
// determiners: "the Roadmap for the Development of ...".
func titleAt(toks []token, k, ce int) bool {
	k = titlesStart(toks, k, ce)
	return k < ce && toks[k].cap && docTitleAhead(toks, k, ce)
}

// documentAt reports whether a document opens at k: a title, or a
// document noun after at most two modifiers ("a joint statement on A").
func documentAt(toks []token, k, ce int) bool {
	if titleAt(toks, k, ce) {
		return true
	}
	k = titlesStart(toks, k, ce)
	for e := k; e < ce && e < k+3; e++ {
		if toks[e].kind != tWord {
			return false
		}
		if toks[e].is(wDoc) {
			return true
		}
	}
	return false
}

// adoptedDocumentAt reports whether what a meeting approved at k is a
// document: a title ("approved the Concept of Regional Security"), or a
// document noun after at most two modifiers ("approved an action plan
// for A", "approved the decision to establish B"), not an idea or a
// past act ("approved the idea", "approved of the proposal").
func adoptedDocumentAt(toks []token, k, ce int) bool {
	if titleAt(toks, k, ce) {
		return true
	}
	if w := tokLow(toks, k); w != "a" && w != "an" && w != "the" {
		return false // "Among the documents approved were A"
	}
	// the words of a name are not counted: "the Water Dialogue work plan"
	mods := 0
	for e := k + 1; e < ce && e < k+8 && toks[e].kind == tWord; e++ {
		if toks[e].is(wDoc) || adoptedNouns[toks[e].low] {
			return true
		}
		if !toks[e].cap {
			if mods++; mods > 2 {
				break
			}
		}
	}
	return false
}

// textOf skips the words that name a document's wording rather than the
// document, at k: "approved the text of a Memorandum on A", "endorsed the
// draft of the Charter". It returns k when there are none.
func textOf(toks []token, k int) int {
	n := k
	if tokLow(toks, n) == "the" {
		n++
	}
	if tokLow(toks, n) == "final" {
		n++
	}
	if w := tokLow(toks, n); (w == "text" || w == "draft" || w == "wording") && tokLow(toks, n+1) == "of" {
		return n + 2
	}
	return k
}

// acceptedInvitation reports whether "accepted" at i takes an invitation
// to do something: "accepted President X's invitation to visit Y", "accepts
// the invitation to attend the forum" (not "accepted the credentials"), or
// the invitation just made, named last in its clause: "Reshetnikov
// accepted the invitation", "... accepted the invitation with thanks".
func acceptedInvitation(toks []token, i, ce int) bool {
	for k := i + 1; k < ce && k < i+7; k++ {
		t := toks[k]
		if t.low == "invitation" {
			if thanksEnd(toks, k+1, ce) {
				// the narrative's "accepted", not a transcript's "I accept
				// the invitation with pleasure", a courtesy in reply
				return toks[i].low == "accepted" && (toks[i+1].low == "the" || toks[i+1].low == "this" || possPronouns[toks[i+1].low])
			}
			if tokLow(toks, k+1) != "to" {
				return false
			}
			vk, _ := verbForm(tokLow(toks, k+2))
			return vk == vBase || toGathering(toks, k+2, ce)
		}
		if !(t.kind == tPoss || t.text == "'" || t.text == "’" || t.kind == tWord && (t.cap || determiners[t.low] || possPronouns[t.low] || t.low == "kind")) {
			return false
		}
	}
	return false
}

// invitationAccepted reports whether "accepted" at i is the passive of
// an invitation just made, "The invitation was accepted with gratitude",
// "This invitation was gladly accepted", and returns where its subject
// starts.
func invitationAccepted(toks []token, i, ce int) (int, bool) {
	aux := auxBefore(toks, i)
	if aux < 2 || toks[aux].low != "was" || toks[aux-1].low != "invitation" || !thanksEnd(toks, i+1, ce) {
		return 0, false
	}
	b := aux - 2
	if w := toks[b].low; w != "the" && w != "this" && !possPronouns[w] || b > 0 && toks[b-1].kind == tWord {
		return 0, false
	}
	return b, true
}

// thanksEnd reports whether tokens [k, ce) close an acceptance with at most
// a short manner phrase: "", "with gratitude", "with great pleasure".
func thanksEnd(toks []token, k, ce int) bool {
	return k == ce || tokLow(toks, k) == "with" && ce-k <= 3
}

// exchangeOfDocuments reports whether "exchange" at i is the ceremony of
// exchanging signed documents ("witnessed the exchange of the Agreement on
// A", "the exchange of documents"), not an exchange of people or views
// ("deepen the exchange of experience", "expand the exchange of students").
func exchangeOfDocuments(toks []token, i, ce int) bool {
	if tokLow(toks, i+1) != "of" {
		return false
	}
	k := titlesStart(toks, i+2, ce)
	if k >= ce {
		return false
	}
	switch toks[k].low {
	case "documents", "instruments", "notes", "letters":
		return true
	}
	return toks[k].cap && docTitleAhead(toks, k, ce) || toks[k].is(wDoc)
}

// passiveSigned matches a list of documents after a passive "signed":
// "the following documents were signed: A, B and C", "a package of
// documents was signed, including A, B and C". Each title is an
// agreement of all parties; a package without titles gives none (docItems
// keeps only items that name a document).
func passiveSigned(toks []token, i, ce int) (frame, bool) {
	k := i + 1
	// "were signed in the presence of the two leaders:"
	for k < ce && k < i+12 && toks[k].text != ":" && toks[k].text != "," && toks[k].low != "including" {
		k++
	}
	switch {
	case tokLow(toks, k) == ":":
		k++
	case tokLow(toks, k) == "including":
		k++
	case tokLow(toks, k) == "," && tokLow(toks, k+1) == "including":
		k += 2
	case tokLow(toks, k) == "," && tokLow(toks, k+1) == "among" && (tokLow(toks, k+2) == "them" || tokLow(toks, k+2) == "which"):
		k += 3 // "..., among them an Agreement on A, ..."
	case tokLow(toks, k) == "," && tokLow(toks, k+1) == "such" && tokLow(toks, k+2) == "as":
		k += 3
	default:
		return signedBefore(toks, i)
	}
	if k >= ce {
		return frame{}, false
	}
	f := frame{start: i, verb: i, comp: k, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
	f.subjI, f.subjJ = i, i+1 // the documents are the subject: nothing to look back for
	return f, true
}

// passiveAhead reports whether "have signed" at i has no object and so
// ends a passive ("documents have been signed", "... that have signed:");
// "The parties have signed intergovernmental agreements on A" is active.
func passiveAhead(toks []token, i, ce int) bool {
	n := tokLow(toks, i+1)
	return i+1 >= ce || n == ":" || n == "," || n == "including" || n == "in" || n == "during" || n == "at" || n == "."
}

// signedBefore matches titles before a passive "signed": "The Plan of
// Action for 2024-2026 and a Memorandum of Understanding on Media
// Cooperation were signed". The complement is the subject, [0, aux).
func signedBefore(toks []token, i int) (frame, bool) {
	aux := auxBefore(toks, i) // "were also signed"
	b := titlesStart(toks, 0, aux)
	if !docSubject(toks, b, aux) {
		// "Following the talks, the Agreement on A and the Program B
		// were signed": the titles after an opening adverbial; "The
		// ministry added that a memorandum on A was signed": after "that".
		opener := prepositions[toks[b].low] || toks[b].low == "following" || toks[b].low == "after"
		found := false
		for c := b; c < aux && !found; c++ {
			if toks[c].low != "that" && (toks[c].text != "," || !opener) {
				continue
			}
			// "Following the meeting, in the presence of the head of
			// state, a Memorandum on A was signed": past every opener
			if n := titlesStart(toks, c+1, aux); docSubject(toks, n, aux) {
				b, found = n, true
			}
		}
		if !found {
			return frame{}, false
		}
	}
	f := frame{start: i, verb: i, comp: b, end: aux, pre: true, kind: compNP, mod: schema.ModalityAgreement, docs: true, all: true, calleeI: -1, possI: -1}
	f.subjI, f.subjJ = i, i+1
	return f, true
}

// docSubject reports whether a document opens at b, before the passive
// verb at aux: a capitalised title ("the Plan of Action for 2024-2026") or
// a document noun and what the document is about ("a memorandum of
// understanding on research", "a protocol amending the 2015 treaty", "a
// roadmap for the plant"); a bare "the agreement" names none.
func docSubject(toks []token, b, aux int) bool {
	if b >= aux {
		return false
	}
	if toks[b].cap && docTitleAhead(toks, b, aux) {
		return true
	}
	if b+1 < aux && toks[b].kind == tWord && !toks[b].is(wDoc) {
		// one modifier before the document: "an intergovernmental
		// Agreement on A", "a cooperation agreement between B and C",
		// "the JETCO protocol"
		n := toks[b+1]
		switch {
		case !toks[b].cap && n.cap && docTitleAhead(toks, b+1, aux):
			return true
		case n.is(wDoc) && !n.cap && (b+2 == aux || b+3 < aux && docNounComplement[toks[b+2].low]):
			return true
		}
	}
	return toks[b].is(wDoc) && b+2 < aux && docNounComplement[toks[b+1].low]
}

// titlesStart skips the punctuation and determiners from b.
func titlesStart(toks []token, b, aux int) int {
	for b < aux && (toks[b].kind == tPunct || determiners[toks[b].low]) {
		b++
	}
	return b
}

// reachedFrame matches a passive agreement: "an agreement was reached to
// A and to B", "consensus was reached on A". Every party agreed.
func reachedFrame(toks []token, i, ce int) (frame, bool) {
	b := i - 1
	for b > 0 && isAdverb(toks[b].low) {
		b-- // "an agreement was also reached"
	}
	if b < 1 || toks[b].low != "was" && toks[b].low != "were" && toks[b].low != "been" {
		return reachedActive(toks, i, ce)
	}
	if toks[b].low == "been" {
		b--
	}
	n := b - 1
	for n >= 0 && isAdverb(toks[n].low) {
		n--
	}
	if n < 0 {
		return frame{}, false
	}
	switch toks[n].low {
	case "agreement", "agreements", "consensus", "understanding", "understandings", "accord":
	case "decision", "decisions":
		// "A decision was made to establish A", "a decision was taken"
		if toks[i].low == "reached" {
			return frame{}, false
		}
	default:
		return frame{}, false
	}
	f := frame{start: i, verb: i, mod: schema.ModalityAgreement, all: true, calleeI: -1, possI: -1}
	f.subjI, f.subjJ = n, n+1
	var ok bool
	if f.comp, f.kind, ok = agreementComplement(toks, i+1, ce); !ok {
		return frame{}, false
	}
	return f, true
}

// agreementComplement reads what an agreement reached is about, from k:
// "to" and a verb phrase, or "on" and a noun phrase or a gerund.
func agreementComplement(toks []token, k, ce int) (comp int, kind compKind, ok bool) {
	switch tokLow(toks, k) {
	case "to":
		comp, kind = k+1, compVP
	case "on":
		comp, kind = k+1, compNP
		if vk, _ := verbForm(tokLow(toks, comp)); vk == vIng {
			kind = compIng
		}
	default:
		return 0, 0, false
	}
	return comp, kind, comp < ce
}

// reachedActive matches "the sides reached an agreement to A and B",
// "reached consensus on A": an agreement of the subject at this meeting
// (not "the agreement reached last year", which is no frame).
func reachedActive(toks []token, i, ce int) (frame, bool) {
	k := i + 1
	for k < ce && k < i+4 && (determiners[toks[k].low] || isAdverb(toks[k].low) || toks[k].low == "important" || toks[k].low == "broad") {
		k++
	}
	switch tokLow(toks, k) {
	case "agreement", "agreements", "consensus", "understanding":
	default:
		return frame{}, false
	}
	f := frame{start: i, verb: i, mod: schema.ModalityAgreement, calleeI: -1, possI: -1}
	var ok bool
	if f.comp, f.kind, ok = agreementComplement(toks, k+1, ce); !ok {
		return frame{}, false
	}
	if f.kind == compVP {
		if vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, f.comp, ce))); vk != vBase {
			return frame{}, false
		}
	}
	return f, true
}

// linkingAdverbs tie a sentence to the one before; they are not part of
// what is committed.
var linkingAdverbs = makeSet(`also likewise additionally meanwhile again`)

// toGathering reports whether the noun phrase at i names a gathering to
// take part in: "the G20 Leaders' Summit", "the Astana International
// Forum", "the celebrations", "the Oil and Gas exhibition".
func toGathering(toks []token, i, ce int) bool {
	if tokLow(toks, i) != "the" {
		return false
	}
	for k := i + 1; k < ce && k < i+8; k++ {
		if gatheringNouns[toks[k].low] || invitedEvents[toks[k].low] {
			return true
		}
		if toks[k].kind == tPunct && toks[k].text != "'" && toks[k].text != "’" && toks[k].text != "-" {
			return false
		}
	}
	return false
}

// invitedEvents are events a guest is invited to besides meetings: "the
// celebrations", "the Oil and Gas exhibition", "the World Dairy Expo".
var invitedEvents = makeSet(`celebrations celebration ceremony exhibition expo fair festival games show week`)

// forwardObject reports whether what follows a past-tense "welcomed" at i
// looks ahead: "welcomed further investment", "welcomed more companies
// to invest", rather than a guest or a past event.
func forwardObject(toks []token, i, ce int) bool {
	switch tokLow(toks, i+1) {
	case "further", "more", "greater", "increased", "expanded", "closer", "deeper", "additional", "stronger", "new":
		return true
	}
	if welcomedUndertaking(toks, i, ce, true) >= 0 {
		return false // "welcomed Uzbekistan's decision to": the noun frame's
	}
	// "welcomed Turkish investment in ...", "welcoming the expansion of
	// ...": an object that is a course of action still to come.
	for k := i + 1; k < ce && k < i+5; k++ {
		if welcomeObjects[toks[k].low] {
			return true
		}
		if toks[k].kind == tPunct || prepositions[toks[k].low] {
			break
		}
	}
	// "welcomed Chinese companies to invest": a named agent invited to act
	// (not "welcomed ongoing efforts to implement ...", which looks back).
	if i+1 >= ce || !toks[i+1].cap {
		return false
	}
	for k := i + 1; k < ce && k < i+10; k++ {
		if toks[k].kind == tPunct {
			return false
		}
		if toks[k].low == "to" {
			switch toks[k-1].low {
			case "efforts", "effort", "decision", "steps", "progress", "work", "moves", "plans", "commitment", "readiness":
				if j := tokLow(toks, k+1); j == "join" || j == "accede" {
					return true // "welcomed Uzbekistan's plans to join X": a membership to come
				}
				return false // "welcomed Kazakhstan's efforts to diversify": a view of what is under way
			}
			vk, _ := verbForm(tokLow(toks, k+1))
			return vk == vBase
		}
	}
	return false
}

// welcomedUndertaking returns the index of the noun of a party's
// undertaking that the welcome verb at i takes as its object ("welcomed
// Kazakhstan's intention to", "welcomes the Uzbek side's decision to",
// "welcomed its commitment to"), only a made one when made is set; -1
// when the object is none.
func welcomedUndertaking(toks []token, i, ce int, made bool) int {
	poss := false
	for k := i + 1; k < ce && k < i+8; k++ {
		t := toks[k]
		switch {
		case t.kind == tPoss || t.text == "'" || t.text == "’" || t.low == "its" || t.low == "their":
			poss = true
		case undertakingNouns[t.low]:
			if poss && (tokLow(toks, k+1) == "to" || tokLow(toks, k+1) == "in") && (!made || madeUndertakings[t.low]) {
				return k
			}
			return -1
		case t.kind != tWord || !t.cap && !determiners[t.low] && !frameNounAdjs[t.low] && t.low != "side" && !stateBodies[t.low]:
			return -1 // "the Uzbek side's", "the Kazakh government's" are possessors
		}
	}
	return -1
}

// welcomeObjects head the object of a past or participial "welcome" that
// looks ahead: "welcomed Turkish investment in ...".
var welcomeObjects = makeSet(`investment investments expansion establishment opening launch creation participation increase
resumption deepening strengthening accession membership interest intention`)

// viewsAs reports whether a stance "views X" (or "sees X") is a standing
// view: "views its relationship with X from a strategic perspective",
// "views X as", "sees Taiwan as an inalienable part of China".
func viewsAs(toks []token, i, ce int) bool {
	for k := i + 1; k < ce && k < i+14; k++ {
		if toks[k].kind == tPunct && toks[k].text != "-" {
			return false
		}
		if toks[k].low == "as" || toks[k].low == "from" && toks[i].low[0] == 'v' {
			return true // "sees A as B"; "sees benefits from A" is no stance
		}
	}
	return false
}

// effortsTo returns the index of the verb after "(joint) efforts to" at
// k, 0 when there is none: the efforts are the frame, what they are to do
// the commitments.
func effortsTo(toks []token, k, ce int) int {
	if frameNounAdjs[tokLow(toks, k)] || tokLow(toks, k) == "concerted" || tokLow(toks, k) == "further" {
		k++
	}
	if tokLow(toks, k) != "efforts" || tokLow(toks, k+1) != "to" || k+2 >= ce {
		return 0
	}
	if vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, k+2, ce))); vk != vBase {
		return 0
	}
	return k + 2
}

// rankWords rank a partner by a figure: "the largest trade partner",
// "its second-largest investor".
var rankWords = makeSet(`largest biggest second-largest third-largest leading`)

// considersPartner reports whether "considers" at i names a party's
// standing ("considers Georgia a reliable partner", "considers China its
// most trusted friend", "considers Taiwan an inalienable part of China")
// rather than thinking something over ("consider
// the possibility of ...").
func considersPartner(toks []token, i, ce int) bool {
	b := i + 1
	if tokLow(toks, b) == "the" {
		b++ // "considers the Russian Federation a reliable partner"
	}
	k := b
	for k < ce && k < b+4 && toks[k].kind == tWord && toks[k].cap {
		k++
	}
	if k == b {
		return false
	}
	switch tokLow(toks, k) {
	case "a", "an", "its", "their":
		// "considers Taiwan an inalienable part of China": a name and
		// what the party holds it to be
		return k+1 < ce
	}
	for e := k; e < ce && e < k+5; e++ {
		if stanceNouns[toks[e].low] {
			return true
		}
		if toks[e].kind == tPunct {
			return false
		}
	}
	return false
}

// anaphoricObject reports whether the object of the verb at i is only a
// proposal named before ("supported this proposal"): the proposal is
// the commitment, and its support adds nothing to cut.
func anaphoricObject(toks []token, i, ce int) bool {
	k := i + 1
	if k >= ce || (toks[k].low != "this" && toks[k].low != "that" && toks[k].low != "the" && toks[k].low != "these") {
		return false
	}
	k++
	if k >= ce || !proposalNouns[toks[k].low] {
		return false
	}
	return k+1 >= ce || toks[k+1].kind == tPunct || toks[k+1].low == "and"
}

// proposalNouns name what is proposed, or put forward for support ("its
// candidacy for the UN Security Council").
var proposalNouns = makeSet(`proposal proposals initiative initiatives idea ideas candidacy candidature bid`)

// stanceFrame matches a present-tense stance verb at i: "firmly supports
// Kazakhstan in ...", "adheres to", "opposes".
func stanceFrame(s *sentence, i, ce int, m schema.Modality) (frame, bool) {
	toks := s.tokens
	low := toks[i].low
	f := frame{start: i, verb: i, calleeI: -1, possI: -1}
	if i > 0 && nounBefore(toks[i-1].low) {
		return frame{}, false // "thanked him for the warm welcome": a noun
	}
	{
		next := tokLow(toks, i+1)
		switch low {
		case "adhere", "adheres", "attach", "attaches":
			if next != "to" && !(low[:3] == "att" && attachesImportance(toks, i+1)) {
				return frame{}, false
			}
		case "abide", "abides":
			if next != "by" {
				return frame{}, false
			}
		case "stand", "stands":
			if next == "for" && standsFor(toks, i+2) {
				break // "Russia stands for strengthening A": a position, not an abbreviation
			}
			if next != "with" && next != "by" && next != "firmly" {
				return frame{}, false
			}
		case "welcomed", "welcoming":
			if !forwardObject(toks, i, ce) {
				return frame{}, false
			}
		case "welcome", "welcomes":
			if welcomedUndertaking(toks, i, ce, true) >= 0 {
				return frame{}, false // "welcomes Kazakhstan's decision to": the noun frame's
			}
		case "view", "views", "see", "sees":
			if !viewsAs(toks, i, ce) {
				return frame{}, false
			}
		case "back", "backs":
			if next == "to" || next == "in" || next == "home" {
				return frame{}, false // "welcomed President Zardari back to China": an adverb
			}
		case "supported", "endorsed":
			// "supported the proposal to A", and like a past "welcomed"
			// an object still to come: "supported the opening of B"
			if !proposalObject(toks, i, ce) && !forwardObject(toks, i, ce) || anaphoricObject(toks, i, ce) {
				return frame{}, false
			}
		case "guarantee", "guarantees":
			if p := tokAt(toks, i-1); i == 0 || !p.cap && !isAdverb(p.low) && p.low != "side" && !stateBodies[p.low] {
				return frame{}, false // "security guarantees": a noun
			}
		case "consider", "considers":
			if !considersPartner(toks, i, ce) {
				return frame{}, false
			}
		case "place", "places":
			if !placesPriority(toks, i, ce) {
				return frame{}, false
			}
		case "pursue", "pursues":
			if !policyObject(toks, i, ce) {
				return frame{}, false
			}
		case "holds", "maintains":
			if next != "that" || modalAhead(toks, i+2, ce) {
				return frame{}, false // "holds that the sides should A": the inner frame's
			}
		}
		if next == "" || toks[i+1].kind == tPunct || next == "and" || next == "for" && low != "stand" && low != "stands" || next == "of" {
			return frame{}, false
		}
		f.comp, f.kind, f.mod, f.incl = i+1, compNP, m, true
		// Adverbs before the verb belong to the span: "firmly supports";
		// not those that link the sentence to the last ("also welcomed").
		for f.start > 0 && isAdverb(toks[f.start-1].low) && toks[f.start-1].low != "not" && !linkingAdverbs[toks[f.start-1].low] {
			f.start--
		}
		if f.start >= 2 && (toks[f.start-1].low == "not" || toks[f.start-1].low == "never") && (toks[f.start-2].low == "does" || toks[f.start-2].low == "do") {
			// "Kyrgyzstan does not support any attempts to A", "does
			// not recognize B": a standing refusal
			f.start -= 2
			if f.mod == schema.ModalitySupport || f.mod == schema.ModalityStance {
				f.mod = schema.ModalityOpposition
			}
		}
		return f, true
	}
}

// attachesImportance reports whether "importance" or "significance"
// follows at k after at most one modifier: "attaches great importance
// to", "attach particular significance to".
func attachesImportance(toks []token, k int) bool {
	switch tokLow(toks, k) {
	case "importance", "significance":
		return true
	}
	n := tokLow(toks, k+1)
	return toks[k].kind == tWord && !toks[k].cap && (n == "importance" || n == "significance")
}

// modalAhead reports whether a modal verb stands in tokens [k, ce): a
// clause that carries its own frame ("maintains that the disputes must be
// settled by talks") rather than a judgement ("holds that A is
// unacceptable").
func modalAhead(toks []token, k, ce int) bool {
	for ; k < ce; k++ {
		switch toks[k].low {
		case "will", "would", "should", "must", "shall", "can", "could":
			return true
		}
	}
	return false
}

// proposalObject reports whether a past "supported" at i takes a
// proposal or initiative as its object ("supported the Uzbek leader's
// proposal to expand A"): a stance taken at the meeting, not a past act.
func proposalObject(toks []token, i, ce int) bool {
	for k := i + 1; k < ce && k < i+7; k++ {
		if proposalNouns[toks[k].low] {
			return true
		}
		if toks[k].kind == tPunct && toks[k].kind != tPoss && toks[k].text != "'" && toks[k].text != "’" {
			return false
		}
	}
	return false
}

// placesPriority reports whether "places" at i is "places X in a
// priority position", "places X at the top of its priorities" or, like
// "attaches", "places great importance on X".
func placesPriority(toks []token, i, ce int) bool {
	for k := i + 1; k < ce && k < i+8; k++ {
		switch toks[k].low {
		case "priority", "priorities":
			return true
		case "importance", "emphasis", "attention":
			return k <= i+3
		case "position", "place": // "places X in an important position in its diplomacy"
			return tokLow(toks, k-1) == "important" || tokLow(toks, k-1) == "prominent" || tokLow(toks, k-1) == "special"
		}
		if toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// policyObject reports whether what "pursues" at i pursues is a policy or
// a course ("pursues the one-China policy", "an independent foreign
// policy"), a standing stance rather than an aim ("pursue cooperation").
func policyObject(toks []token, i, ce int) bool {
	for k := i + 1; k < ce && k < i+7; k++ {
		switch toks[k].low {
		case "policy", "principle", "course", "line":
			return true
		}
		if toks[k].kind == tPunct && toks[k].text != "-" {
			return false
		}
	}
	return false
}

// pastSigning reports whether the "signing" at i is a past event used as a
// point in time: "since the signing of", "after the signing of", "the
// anniversary of the signing of".
func pastSigning(toks []token, i int) bool {
	b := i - 1
	if tokLow(toks, b) == "the" {
		b--
	}
	switch tokLow(toks, b) {
	case "since", "after", "following", "of":
		return true
	}
	return false
}

// nounBefore reports whether a word makes the stance word after it a
// noun: a determiner, a possessive, a preposition or an adjective of
// courtesy ("the support", "for their support", "a warm welcome").
func nounBefore(prev string) bool {
	switch prev {
	case "his", "her", "its", "their", "our", "my", "your", "warm", "cordial", "hospitable", "hearty", "kind", "grand", "solemn", "friendly":
		return true
	case "extended", "extends", "extend", "extending":
		return true // "Xi Jinping extended welcome to President X": a greeting
	}
	return determiners[prev] || prepositions[prev] && prev != "to"
}

// pronounObject reports whether the demonstrative at k stands alone as
// the object, pointing back at what the story already said: "announced
// this after talks with A", "announced that on Monday" (not "announced
// this decision").
func pronounObject(toks []token, k int) bool {
	switch tokLow(toks, k) {
	case "this", "that", "these", "those":
	default:
		return false
	}
	n := tokAt(toks, k+1)
	return k+1 >= len(toks) || n.kind == tPunct || prepositions[n.low] || n.low == "after" || n.low == "before" || n.low == "during" || n.low == "when"
}

// standsFor reports whether the word at k after "stands for" opens a
// position ("stands for strengthening A", "stands for the peaceful
// settlement of B"), not the expansion of an abbreviation ("SCO stands
// for Shanghai Cooperation Organisation").
func standsFor(toks []token, k int) bool {
	if k >= len(toks) || toks[k].kind != tWord || toks[k].cap {
		return false
	}
	if vk, _ := verbForm(toks[k].low); vk == vIng {
		return true
	}
	return toks[k].low == "the" && k+1 < len(toks) && !toks[k+1].cap
}

// nounFrame matches the noun frame whose noun is token i.
func nounFrame(s *sentence, i, ce int, mod schema.Modality, incl bool, skipAdv func(int) int) (frame, bool) {
	toks := s.tokens
	low := toks[i].low
	f := frame{start: i, verb: i, calleeI: -1, possI: -1, mod: mod, incl: incl, noun: true}
	// Look back for the introducing verb and a possessor.
	b := i - 1
	for b >= 0 && (frameNounAdjs[toks[b].low] || b >= i-2 && toks[b].kind == tWord && !toks[b].cap && !determiners[toks[b].low] && !nounFrameVerbs[toks[b].low] && !auxiliaries[toks[b].low] && !prepositions[toks[b].low] && b > 0 && (toks[b-1].kind == tPoss || toks[b-1].text == "’" || toks[b-1].text == "'" || frameNounAdjs[toks[b-1].low])) {
		b--
	}
	modStart := b + 1 // "ironclad alliance commitments"
	introduced := false
	if b >= 0 {
		// possessor: "the United States'", "China's", "his", "their"
		pe := b + 1
		switch {
		case toks[b].kind == tPoss || toks[b].text == "'" || toks[b].text == "’":
			k := b - 1
			for k >= 0 && (toks[k].cap || toks[k].low == "the" || toks[k].low == "of") && toks[k].kind == tWord {
				k--
			}
			f.possI, f.possJ = k+1, b
			b = k
		case s.countryAt(b) != "" && low != "need":
			// "reaffirmed U.S. support for", "Chinese support for"
			pl := s.places[s.placeAt(b)]
			f.possI, f.possJ = pl.i, pl.j
			b = pl.i - 1
			if b >= 0 && toks[b].low == "the" {
				b--
			}
		case toks[b].low == "his" || toks[b].low == "her" || toks[b].low == "its" || toks[b].low == "their" || toks[b].low == "our" || toks[b].low == "the" || toks[b].low == "a":
			if toks[b].low != "the" && toks[b].low != "a" {
				f.possI, f.possJ = b, pe
			}
			b--
		}
		for b >= 0 && frameNounAdjs[toks[b].low] {
			b--
		}
		if b >= 0 && (nounFrameVerbs[toks[b].low] || toks[b].low == "as" && b >= 2 && toks[b-1].low == "well" || coordNounFrame(toks, b)) {
			introduced = true
		}
		if b >= 0 && welcomeVerbs[toks[b].low] && welcomedUndertaking(toks, b, ce, true) == i {
			introduced = true
		}
	}
	if (low == "decision" || low == "decisions" || low == "agreement") && !(b >= 0 && welcomeVerbs[toks[b].low] || b >= 0 && coordNounFrame(toks, b)) {
		return frame{}, false // "the decision to hold the summit was taken last year"
	}
	k := i + 1
	// "the commitment of the United States to"
	if tokLow(toks, k) == "of" && low != "need" {
		e := k + 1
		pe := -1 // where the possessor ends
		for lim := k + 6; e < ce && e < lim && toks[e].low != "to"; e++ {
			if r, ok := relativeThenTo(toks, e, ce); ok && pe < 0 {
				// "the readiness of Turkmenistan, which has rich
				// resources, to intensify": over the relative clause
				pe, e, lim = e, r, r+2
			}
		}
		if pe < 0 {
			pe = e
		}
		if tokLow(toks, e) == "to" && e > k+1 {
			f.possI, f.possJ = k+1, pe
			k = e
		}
	}
	next := tokLow(toks, k)
	// "the common goal, which is to", "our aim is to"
	if next == "," && tokLow(toks, k+1) == "which" {
		k += 2
		next = tokLow(toks, k)
	}
	if next == "is" || next == "are" || next == "remains" || next == "was" {
		switch low {
		case "goal", "aim", "objective", "task", "priority", "desire", "intention", "commitment":
			k++
			next = tokLow(toks, k)
		default:
			return frame{}, false
		}
	}
	bareOK := false
	switch low {
	case "readiness", "willingness", "desire", "intention", "determination", "commitment", "goal", "aim", "objective", "task", "need", "eagerness":
		bareOK = true
	}
	if !introduced && !(bareOK && i > 0 && (determiners[toks[i-1].low] || toks[i-1].low == "our" || toks[i-1].low == "their" || toks[i-1].low == "its" || frameNounAdjs[toks[i-1].low] || b >= 0 && b+1 < i && toks[b+1].kind == tPoss)) {
		return frame{}, false
	}
	switch {
	case low == "need" && next == "for":
		// "stressed the need for the two sides to accelerate A": the
		// callee is who should act.
		e := k + 1
		for e < ce && e < k+8 && toks[e].low != "to" && toks[e].kind == tWord {
			e++
		}
		if tokLow(toks, e) != "to" || e == k+1 {
			return frame{}, false
		}
		if vk, _ := verbForm(tokLow(toks, skipAdv(e+1))); vk != vBase {
			return frame{}, false
		}
		f.calleeI, f.calleeJ = k+1, e
		f.comp, f.kind = e+1, compVP
	case (low == "hope" || low == "hopes") && next == "that":
		f.comp, f.kind = k+1, compClause
	case (low == "hope" || low == "hopes" || low == "support" || low == "interest" || low == "respect" && next == "for") && (next == "for" || next == "in"):
		if low == "support" && next == "in" {
			return frame{}, false
		}
		f.comp, f.kind = k+1, compNP
		if vk, _ := verbForm(tokLow(toks, f.comp)); vk == vIng {
			f.kind = compIng
		}
	case next == "to":
		c := skipAdv(k + 1)
		vk, _ := verbForm(tokLow(toks, c))
		switch {
		case vk == vBase:
			f.comp, f.kind = k+1, compVP
		case vk == vIng:
			f.comp, f.kind = k+1, compIng
		case low == "support" || low == "commitment" || low == "commitments" || low == "opposition" || low == "adherence":
			f.comp, f.kind = c, compNP
			if low == "commitment" || low == "commitments" {
				// "reaffirmed the ironclad alliance commitments to the
				// Philippines": the commitment itself is the phrase.
				f.incl, f.start, f.verb = true, modStart, modStart
			}
		default:
			if isLowerWord(tokAt(toks, c)) && low != "support" {
				f.comp, f.kind = c, compVP
			} else {
				return frame{}, false
			}
		}
	default:
		return frame{}, false
	}
	if low == "support" || low == "opposition" || low == "adherence" || low == "respect" {
		f.incl = true
		f.comp = k + 1
	}
	if !introduced && (low == "support" || low == "respect") {
		return frame{}, false
	}
	if low == "need" && f.possI < 0 && f.calleeI < 0 {
		f.all = true // "stressed the need to strengthen A": a call on every party
	}
	return f, true
}

// proposeVerbs put forward a joint action: "proposed building A".
var proposeVerbs = makeSet(`proposed proposes propose suggested suggests suggest`)

// partiesThenVerb reports whether the words from k name every party
// ("both sides", "the two countries") and a bare verb follows them.
func partiesThenVerb(toks []token, k, ce int) bool {
	e := k
	for e < ce && e < k+4 {
		switch toks[e].low {
		case "both", "the", "two", "sides", "countries", "parties", "nations", "states", "all":
			e++
			continue
		}
		break
	}
	if e == k || !pluralPartyHeads[toks[e-1].low] && toks[e-1].low != "sides" {
		return false
	}
	vk, _ := verbForm(tokLow(toks, skipAdverbs(toks, e, ce)))
	return vk == vBase
}

// coordNounFrame reports whether the "and" at b joins a stance noun to an
// earlier one that a verb introduced: "reaffirmed U.S. respect for A and
// the United States' support for B".
func coordNounFrame(toks []token, b int) bool {
	if b < 1 || toks[b].low != "and" {
		return false
	}
	for k := b - 1; k > 0 && k > b-30; k-- {
		t := toks[k]
		if t.text == ";" || t.text == ":" || t.text == "." {
			return false
		}
		nf, ok := frameNouns[t.low]
		if !ok || !nf.incl && !undertakingNouns[t.low] {
			continue
		}
		for e := k - 1; e >= 0 && e >= k-5; e-- {
			// "welcomed Kazakhstan's intention to A and its commitment
			// to B": the second undertaking is a frame of its own
			if nounFrameVerbs[toks[e].low] && nf.incl || welcomeVerbs[toks[e].low] && welcomedUndertaking(toks, e, b, false) == k {
				return true
			}
			if toks[e].kind == tWord && (auxiliaries[toks[e].low] || prepositions[toks[e].low]) {
				break
			}
		}
	}
	return false
}

// skipParen skips a parenthetical such as ", as always," after a modal.
func skipParen(toks []token, k, ce int) int {
	if k < ce && toks[k].text == "," && k+1 < ce && (toks[k+1].low == "as" || isAdverb(toks[k+1].low)) {
		e := k + 1
		for e < ce && e < k+6 && toks[e].text != "," {
			e++
		}
		if e < ce && toks[e].text == "," {
			return e + 1
		}
	}
	return k
}

// gerundAt reports whether token k is a verb in -ing.
func gerundAt(toks []token, k int) bool {
	vk, _ := verbForm(tokLow(toks, k))
	return vk == vIng
}

func isLowerWord(t token) bool { return t.kind == tWord && !t.cap && !determiners[t.low] }
