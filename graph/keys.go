package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Identity in the graph is deterministic: every node id is a hash of what
// identifies the thing, so the same input always names the same node and
// re-ingesting a document finds, rather than creates, its nodes. The rules
// are written down in schema/README.md ("Identity").

// hashID returns prefix + the first 16 hex digits of the SHA-256 of s (the
// same shape as schema.CommitmentID).
func hashID(prefix, s string) string {
	sum := sha256.Sum256([]byte(s))
	return prefix + hex.EncodeToString(sum[:8])
}

// nameKey folds a name for comparison: lower case, apostrophes dropped
// ("Xi'an" = "Xian"), any other run of non-letters and non-digits one
// space.
func nameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// personKey is the identity of a person across spellings.
func personKey(name string) string { return schema.PersonKey(name) }

// partiesKey is the identity of a set of countries: sorted, de-duplicated
// ISO codes joined by "-" ("CN-KG").
func partiesKey(codes ...[]string) string { return strings.Join(sortedSet(codes...), "-") }

// sortedSet returns the sorted union of lists without empty strings.
func sortedSet(lists ...[]string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, l := range lists {
		for _, s := range l {
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Node ids. Each says, in its input string, what the node's identity is.

func meetingID(parties, day string) string  { return hashID("m", parties+"|"+day) }
func placeholderID(key string) string       { return hashID("m", "mention|"+key) }
func documentMeetingID(docID string) string { return hashID("m", "doc|"+docID) }
func summitID(key string) string            { return hashID("m", "summit|"+key) }
func placeID(city string) string            { return hashID("p", nameKey(city)) }
func personID(name string) string           { return hashID("h", personKey(name)) }
func entityID(kind, name string) string     { return hashID("e", kind+"|"+nameKey(name)) }

// mentionKey describes a meeting known only partly (a reference, or a
// readout without a day): its parties, its date at the precision known and
// its city, "" when not given.
func mentionKey(parties, date, city string) string {
	return parties + "|" + date + "|" + nameKey(city)
}

// bucket groups the meetings a partial mention may resolve to: the same
// parties in the same year. Resolution only ever looks inside one bucket.
func bucket(parties, date string) string {
	if len(date) < 4 {
		return parties + "|"
	}
	return parties + "|" + date[:4]
}
