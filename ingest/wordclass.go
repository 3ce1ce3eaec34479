package ingest

// wordClass is a set of the word lists that a lower-case word is in. Every
// token carries the class of its lower-case form (token.class), found with
// one lookup when the token is made: the rules that test each word of a
// sentence against these lists, several times over, then need no map
// lookup. The lists stay the source of truth; a list used only now and then
// needs no class.
type wordClass uint16

const (
	wNotName wordClass = 1 << iota // notNameWords
	wTitle                         // titleWords
	wSay                           // sayVerbs
	wThat                          // thatVerbs
	wRecall                        // recallVerbs
	wVisit                         // visitVerbs
	wMeeting                       // meetingVerbs
	wTrigger                       // triggerWords
	wRef                           // refWords
	wHead                          // entityHeads
	wPort                          // portNouns
	wDoc                           // docNouns
	wBody                          // bodyNouns
	wAttend                        // the words attendanceClause reads
	wEvent                         // encounterVerbs, wentVerbs
)

// wordClasses is the class of every word in one of the lists, built at init
// and only read afterwards.
var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, l := range []struct {
		words map[string]bool
		class wordClass
	}{
		{notNameWords, wNotName},
		{titleWords, wTitle},
		{sayVerbs, wSay},
		{thatVerbs, wThat},
		{recallVerbs, wRecall},
		{visitVerbs, wVisit},
		{meetingVerbs, wMeeting},
		{triggerWords, wTrigger},
		{refWords, wRef},
		{portNouns, wPort},
		{docNouns, wDoc},
		{bodyNouns, wBody},
		{attendanceVerbs, wAttend},
		{joinVerbs, wAttend},
		{chairVerbs, wAttend},
		{negations, wAttend},
		{withdrawals, wAttend},
		{attendancePhraseWords, wAttend},
		{encounterVerbs, wEvent},
		{wentVerbs, wEvent},
	} {
		for w, in := range l.words {
			if in {
				m[w] |= l.class
			}
		}
	}
	for w := range entityHeads {
		m[w] |= wHead
	}
	return m
}()

// is reports whether the token's lower-case form is in a list of class c.
func (t *token) is(c wordClass) bool { return t.class&c != 0 }
