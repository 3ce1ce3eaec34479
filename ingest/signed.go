package ingest

import (
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// signedLeadIn reports whether sentence si introduces a list of signed
// documents set out on the lines after it: "The following documents were
// signed in the presence of the two leaders:", "The leaders witnessed the
// signing of the following agreements:".
func signedLeadIn(s *sentence) bool {
	toks := s.tokens
	if len(toks) < 3 || toks[len(toks)-1].text != ":" {
		return false
	}
	for _, t := range toks {
		switch t.low {
		case "signed", "signing", "adopted", "exchanged", "concluded", "documents", "agreements":
			return true
		}
	}
	return false
}

// listBullets may open a line of a list: "-", "•", "1.", "2)".
func trimBullet(line string) int {
	i := 0
	for i < len(line) {
		switch {
		case line[i] == ' ' || line[i] == '\t' || line[i] == '-' || line[i] == '*' || line[i] == ')' || line[i] == '.':
			i++
		case line[i] >= '0' && line[i] <= '9':
			i++
		case strings.HasPrefix(line[i:], "•"), strings.HasPrefix(line[i:], "–"), strings.HasPrefix(line[i:], "—"), strings.HasPrefix(line[i:], "·"):
			_, n := firstRune(line[i:])
			i += n
		default:
			return i
		}
	}
	return i
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// signedList reads the lines after a lead-in (signedLeadIn) as one
// document title each, whether they stand in paragraphs of their own, on
// plain lines or after bullets, until a line that names no document. Each
// title is an agreement of every party. It returns the commitments and
// the offset where the list ends.
func (d *docCtx) signedList(si int, out []schema.Commitment) ([]schema.Commitment, int) {
	pos := d.sents[si].end
	listEnd := pos
	f := frame{mod: schema.ModalityAgreement, kind: compNP, docs: true, all: true, calleeI: -1, possI: -1}
	for pos < len(d.text) {
		nl := strings.IndexByte(d.text[pos:], '\n')
		end := len(d.text)
		if nl >= 0 {
			end = pos + nl
		}
		line := d.text[pos:end]
		next := end + 1
		if strings.TrimSpace(line) == "" {
			pos = next
			continue
		}
		ls := pos + trimBullet(line)
		le := end
		for le > ls && strings.ContainsRune(" \t\r;.,", rune(d.text[le-1])) {
			le--
		}
		toks := tokenize(d.text, ls, le)
		if !listedTitle(toks) {
			break
		}
		if c, ok := d.titleCommitment(ls, le, &f); ok {
			out = append(out, c)
		}
		listEnd = end
		pos = next
	}
	return out, listEnd
}

// listedTitle reports whether a line names a document: a capitalised
// document noun among its first words ("Agreement between ...",
// "Memorandum of Understanding between ...", "Programme of ...").
func listedTitle(toks []token) bool {
	for k := 0; k < len(toks) && k < 4; k++ {
		if toks[k].kind == tWord && toks[k].cap && (toks[k].is(wDoc) || titleNouns[toks[k].low]) {
			return true
		}
		if toks[k].kind == tWord && !toks[k].cap && !determiners[toks[k].low] {
			return false
		}
	}
	return false
}

// titleCommitment makes the commitment of a listed title over bytes [ls,
// le): the sentence that holds it gives the tokens.
func (d *docCtx) titleCommitment(ls, le int, f *frame) (schema.Commitment, bool) {
	for si := range d.sents {
		s := &d.sents[si]
		if ls < s.start || ls >= s.end {
			continue
		}
		i, j := -1, 0
		for k, t := range s.tokens {
			if t.start >= ls && i < 0 {
				i = k
			}
			if t.end <= le {
				j = k + 1
			}
		}
		if i < 0 || j <= i || len(d.parties) == 0 {
			return schema.Commitment{}, false
		}
		return d.commitment(si, &attribution{}, f, item{i, j}, d.parties), true
	}
	return schema.Commitment{}, false
}
