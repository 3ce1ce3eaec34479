package ingest

import "strings"

// baseVerbs is a compact list of English base-form verbs, the common verbs of
// official and news prose (there is no maintained English verb list served
// as a Go module; WordNet-sized lists would also make every noun a verb).
// The clause parser uses it to see where a coordinated verb phrase starts:
// "import A, support B, strengthen C and accelerate D". Inflected forms are
// reduced to these by verbForm.
var baseVerbs = makeSet(`
abide accelerate accept access accommodate accomplish accord achieve acknowledge acquire act adapt add address adhere adjust
adopt advance advocate affirm aid aim align allocate allow alleviate amplify analyse analyze announce answer anticipate apply appoint
appreciate approach approve arrange ask assess assign assist assume assure attach attain attempt attend attract augment authorize avoid
back balance ban bar base bear become begin believe benefit bolster boost break bridge bring broaden build buy
call carry cement celebrate champion change channel choose clarify close collaborate combat combine come commemorate commend commit communicate
compete complement complete comply concentrate conclude conduct confirm connect consider consolidate construct consult contain continue contribute
control convene convey cooperate coordinate counter create cultivate curb cut
deal debate decide declare decrease deepen defend define deliver demonstrate deploy deregulate design designate determine develop devote
diversify do double draft draw drive
ease educate elevate eliminate embark embrace emphasize emphasise employ empower enable encourage end endeavor endeavour endorse engage enhance enjoy enlarge enrich
ensure enter enshrine equip establish evaluate examine exchange expand expect expedite explore export extend
facilitate favor favour finalize finalise finance find focus follow forge form formulate fortify foster free fulfil fulfill fund further
gain generate get give grant grow guarantee guard guide
halt handle harmonize harness head help hold honor honour host
identify implement import improve include incorporate increase inject innovate insist inspire install institutionalize integrate
intensify introduce invest invite involve issue
join keep
launch lay lead learn leverage lift limit link listen live locate look lower
maintain make manage mark maximize meet mitigate mobilize modernize monitor motivate move
negotiate normalize nurture
observe obtain offer open operate oppose optimize organize oversee
participate pass pave pay perform permit persist pioneer plan play pledge position practice practise prepare preserve press prevent produce
progress prohibit promote propel propose protect provide pursue push put
raise ratify reach react realize realise rebuild receive recognize reconcile recover reduce reform reinforce reinvigorate reject
relaunch relax release rely remain remove renew reopen replace represent resolve respect respond restore restructure resume retain
revitalize revive ride safeguard save scale secure see seek select send serve set settle share shape shift show sign simplify solve
speed sponsor spread stabilize stand start stay steer stimulate stop streamline strengthen stress strive study submit substantiate
succeed supply support sustain synergize tackle take tap target teach tighten trade train transfer transform translate transport treat
turn uncover underline underscore understand undertake unify unite unleash unlock update upgrade uphold urge use utilize
value verify visit voice welcome widen win witness work write yield fight protect resist deter eradicate crack strike cherish inherit
regard view consider pursue refuse refrain accede deny
switch localize digitalize synchronize triple waive
step ramp procure purchase commission hasten sell prioritize popularize replenish co-host co-organize
finish elaborate initiate inaugurate unveil renovate reconstruct rehabilitate electrify interconnect donate digitize automate
activate energize revamp refurbish erect restart relocate recruit dispatch task publish
run cover report roll pour let exempt cancel stage hand dovetail spare instruct allot suspend return
`)

// nounyVerbs are verbs whose base form is at least as often a noun in
// readouts ("trade and investment", "mutual support"). As the start of a
// coordinated verb phrase they must be followed by what an object starts
// with (see objectStart).
var nounyVerbs = makeSet(`
access aid back balance benefit call change channel control cut deal design draft exchange export finance fund guard head
help import increase issue lead limit mark offer pass pay plan position practice press progress release respect return
share shift show sign stand start stay study supply support target trade transfer transport treat turn use value visit voice welcome work yield
open view switch step purchase commission task
run report roll stage hand spare
`)

// objectStart are words an object noun phrase commonly starts with: its
// determiners and adjectives, and the mass nouns that are shared or
// exchanged without one ("and share experience in governance"), and
// pronouns ("and open it to traffic").
var objectStart = makeSet(`
the a an more all our their its his her each every mutual further new greater closer stronger bilateral both this these those such
other various any local national regional international joint key major existing relevant practical pragmatic each
experience expertise information knowledge views intelligence ideas it them
`)

// comparatives start a new noun phrase in a list of what a party calls for:
// "stronger people-to-people exchanges and closer cooperation".
var comparatives = makeSet(`
stronger closer deeper broader greater better wider higher larger faster tighter more further enhanced expanded increased
`)

// adverbNotLy are adverbs that may stand between a subject, a modal and
// a verb ("will also", "should further", "are always").
var adverbNotLy = makeSet(`
also further always still never not jointly together even well already again often soon now then too just once forever
continuously steadily very extremely particularly especially most highly so equally
`)

// lyNotAdverb are words in -ly that are not adverbs.
var lyNotAdverb = makeSet(`
only family italy supply apply rely reply early daily ally assembly july fly multiply imply comply anomaly monopoly
`)

func makeSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isAdverb(low string) bool {
	if adverbNotLy[low] {
		return true
	}
	return len(low) > 4 && strings.HasSuffix(low, "ly") && !lyNotAdverb[low]
}

// verbKind is the inflection of a verb token.
type verbKind uint8

const (
	vNone verbKind = iota
	vBase          // support
	vS             // supports
	vIng           // supporting
	vEd            // supported
)

// verbForm returns the inflection of low and its base form, vNone when low
// is not a known verb.
func verbForm(low string) (verbKind, string) {
	vk, base := verbFormOf(low)
	if vk == vNone && strings.Contains(low, "is") {
		// British -ise spellings of -ize verbs: "modernise", "localised".
		for _, suf := range []string{"ise", "ises", "ised", "ising"} {
			if strings.HasSuffix(low, suf) {
				return verbFormOf(low[:len(low)-len(suf)] + "iz" + suf[2:])
			}
		}
	}
	return vk, base
}

func verbFormOf(low string) (verbKind, string) {
	if baseVerbs[low] {
		return vBase, low
	}
	n := len(low)
	try := func(k verbKind, cands ...string) (verbKind, string) {
		for _, c := range cands {
			if c != "" && baseVerbs[c] {
				return k, c
			}
		}
		return vNone, ""
	}
	switch {
	case n > 4 && strings.HasSuffix(low, "ing"):
		stem := low[:n-3]
		cands := []string{stem, stem + "e"}
		if len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			cands = append(cands, stem[:len(stem)-1]) // stepping
		}
		if strings.HasSuffix(stem, "y") {
			cands = append(cands, stem[:len(stem)-1]+"ie")
		}
		return try(vIng, cands...)
	case n > 3 && strings.HasSuffix(low, "ied"):
		return try(vEd, low[:n-3]+"y")
	case n > 3 && strings.HasSuffix(low, "ed"):
		stem := low[:n-2]
		cands := []string{stem, low[:n-1]}
		if len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			cands = append(cands, stem[:len(stem)-1])
		}
		return try(vEd, cands...)
	case n > 3 && strings.HasSuffix(low, "ies"):
		return try(vS, low[:n-3]+"y")
	case n > 3 && strings.HasSuffix(low, "es"):
		return try(vS, low[:n-2], low[:n-1])
	case n > 2 && strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss"):
		return try(vS, low[:n-1])
	}
	return vNone, ""
}
