// Package synth generates synthetic meeting readouts for scale tests and
// benchmarks: realistic texts in the styles of the Chinese foreign ministry
// and of other governments' press services, built from templates over a
// small gazetteer (world.go), so that thousands of documents repeat
// countries, leaders under different spellings, cities, summits and
// projects, and exercise meeting resolution and commitment tracking.
//
// Each document comes with the schema.Extraction an ideal extractor would
// read from it (offsets included), so that the graph can be benchmarked
// without the extractor. Output is a function of (n, seed) only.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Doc is one synthetic readout.
type Doc struct {
	Name       string // file name, e.g. "00042_cn-kg_2024-07-03_cn.txt"
	Text       string // the file: date, source and title headers, a blank line, the body
	Extraction *schema.Extraction
}

// Generate returns n synthetic readouts, in the order their meetings
// happened (a readout of a summit-side meeting may come a little out of
// order, as real corpora do). The same (n, seed) always gives the same
// documents.
func Generate(n int, seed uint64) []Doc {
	g := newGenerator(n, seed)
	for len(g.docs) < n {
		g.meeting()
	}
	return g.docs[:n]
}

// Extractions returns the extractions of Generate(n, seed).
func Extractions(n int, seed uint64) []*schema.Extraction {
	docs := Generate(n, seed)
	out := make([]*schema.Extraction, len(docs))
	for i, d := range docs {
		out[i] = d.Extraction
	}
	return out
}

// Write writes docs into dir as .txt files, creating dir.
func Write(dir string, docs []Doc) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Name), []byte(d.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// DocumentID is the id synth gives a text: a hash of it.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "d" + hex.EncodeToString(sum[:8])
}

var (
	start = time.Date(2013, 1, 7, 0, 0, 0, 0, time.UTC)
	end   = time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)
)

type generator struct {
	r       *rand.Rand
	seed    uint64
	now     time.Time
	step    float64 // mean days between meetings
	weights int
	agendas map[string][]item // pair key -> what the pair talks about, commonest first
	last    map[string]past   // pair key -> the pair's latest meeting
	docs    []Doc
}

// past is a meeting a later readout may refer to.
type past struct {
	date    time.Time
	city    string
	country string
}

func newGenerator(n int, seed uint64) *generator {
	g := &generator{
		r:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		seed:    seed,
		now:     start,
		agendas: map[string][]item{},
		last:    map[string]past{},
	}
	// About 1.3 readouts per meeting.
	meetings := float64(n)/1.3 + 1
	g.step = end.Sub(start).Hours() / 24 / meetings
	for _, p := range pairs {
		g.weights += p.weight
		g.agendas[p.a+"-"+p.b] = g.agendaFor(p.a, p.b)
	}
	return g
}

// agendaFor picks the items a pair discusses, in an order that makes the
// first ones recur most.
func (g *generator) agendaFor(a, b string) []item {
	var out []item
	for _, it := range agenda {
		if it.hub && a != "CN" {
			continue
		}
		if it.project && len(projects[a+"-"+b]) == 0 || it.regional && (a == "US" || b == "US") {
			continue
		}
		out = append(out, it)
	}
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	// Projects lead every agenda that has them: they are what gets
	// restated.
	sort.SliceStable(out, func(i, j int) bool { return out[i].project && !out[j].project })
	if len(out) > 12 {
		out = out[:12]
	}
	return out
}

func (g *generator) pair() (string, string) {
	n := g.r.IntN(g.weights)
	for _, p := range pairs {
		if n < p.weight {
			return p.a, p.b
		}
		n -= p.weight
	}
	panic("unreachable")
}

// meeting generates one meeting and its one or two readouts.
func (g *generator) meeting() {
	g.now = g.now.Add(time.Duration((0.5 + g.r.Float64()) * g.step * 24 * float64(time.Hour)))
	if g.now.After(end) {
		g.now = end
	}
	a, b := g.pair()
	key := a + "-" + b
	m := meeting{a: countries[a], b: countries[b], date: g.now.Truncate(24 * time.Hour), kind: schema.MeetingBilateral}

	// On the sidelines of this year's summit, now and then.
	for _, s := range summits {
		host, ok := s.host[m.date.Year()]
		if ok && g.r.Float64() < 0.08 {
			m.date = time.Date(m.date.Year(), time.Month(s.month), 3+int(g.seed%2), 0, 0, 0, 0, time.UTC)
			m.city, m.country, m.occasion = host.city, host.country, s.name
			break
		}
	}
	if m.occasion == "" {
		switch {
		case g.r.Float64() < 0.08:
			m.kind = schema.MeetingCall
		case g.r.IntN(2) == 0:
			m.city, m.country = pick(g.r, m.a.cities), a
		default:
			m.city, m.country = pick(g.r, m.b.cities), b
		}
	}
	// A pair meets at most once a day: a second meeting that day is the
	// same meeting by the graph's rules.
	if prev, ok := g.last[key]; ok && !m.date.After(prev.date) {
		m.date = prev.date.AddDate(0, 0, 1)
	}
	if prev, ok := g.last[key]; ok && g.r.Float64() < 0.45 {
		m.ref = &prev
	}
	m.items = g.pickItems(key)
	g.last[key] = past{date: m.date, city: m.city, country: m.country}

	first, second := styleFor(a), styleFor(b)
	g.add(m, first, a)
	if g.r.Float64() < 0.35 {
		g.add(m, second, b)
	}
}

func styleFor(code string) string {
	switch code {
	case "CN":
		return "mfa"
	case "US":
		return "state"
	}
	return "press"
}

func (g *generator) pickItems(key string) []item {
	ag := g.agendas[key]
	k := 3 + g.r.IntN(4)
	seen := map[int]bool{}
	var out []item
	for len(out) < k && len(seen) < len(ag) {
		// Skewed towards the head of the agenda.
		i := int(float64(len(ag)) * g.r.Float64() * g.r.Float64())
		if !seen[i] {
			seen[i] = true
			out = append(out, ag[i])
		}
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// meeting is what the generator decided happened; readouts describe it.
type meeting struct {
	a, b     country
	date     time.Time
	city     string
	country  string
	occasion string
	kind     schema.MeetingKind
	ref      *past
	items    []item
}

// add writes the readout of m by side (a code of m's parties) in style.
func (g *generator) add(m meeting, style, side string) {
	w := &writer{r: g.r}
	self, other := m.a, m.b
	if side == m.b.code {
		self, other = m.b, m.a
	}
	// The partner-side press sometimes gives no city, and now and then no
	// day ("in July").
	city, monthOnly := m.city, false
	if style != "mfa" {
		if g.r.Float64() < 0.3 {
			city = ""
		}
		monthOnly = g.r.Float64() < 0.06
	}
	selfName := self.leader[0]
	otherName := other.leader[len(other.leader)-1]
	if style == "mfa" {
		otherName = other.leader[0]
	}
	if style == "state" {
		selfName = pick(g.r, self.leader)
	}

	published := m.date.AddDate(0, 0, g.r.IntN(3))
	if style == "mfa" {
		published = m.date.AddDate(0, 0, g.r.IntN(12))
	}
	verb := "met with"
	if m.kind == schema.MeetingCall {
		verb = "held a phone call with"
	}
	title := fmt.Sprintf("%s %s %s %s %s", selfName, titleVerb(m.kind, style), other.adj, other.role, otherName)
	w.header(published, self.site+fmt.Sprintf("synth-%d-%05d.html", g.seed, len(g.docs)), title)

	// Opening: who met whom, when, where.
	when := "On " + longDate(m.date)
	if monthOnly {
		when = "In " + m.date.Format("January 2006")
	}
	where := ""
	if city != "" {
		where = " in " + city
	}
	occasion := ""
	if m.occasion != "" {
		occasion = " on the sidelines of the " + m.occasion
	}
	switch style {
	case "mfa":
		w.sentence("%s, %s %s %s %s %s %s%s%s.", when+" local time", self.role, selfName, verb, other.adj, other.role, otherName, occasion, where)
	case "state":
		w.sentence("%s, %s %s %s %s %s %s %s%s.", when, self.adj, self.role, selfName, verb, other.adj, other.role, otherName, where)
	default:
		w.sentence("%s, %s of %s %s %s %s %s %s%s%s, the %s reported.", when, self.role, self.name, selfName, verb, other.adj, other.role, otherName, occasion, where, self.press)
	}
	w.paragraph()

	var refs []schema.Reference
	if m.ref != nil && style != "state" {
		refs = append(refs, w.reference(m, selfName, otherName))
		w.paragraph()
	}

	// The commitments, as the style phrases them.
	var cs []schema.Commitment
	items := m.items
	g.r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	for len(items) > 0 {
		n := 1 + g.r.IntN(min(3, len(items)))
		group := items[:n]
		items = items[n:]
		cs = append(cs, w.commitments(g.r, style, self, other, selfName, otherName, m, group)...)
	}
	w.paragraph()
	if style == "mfa" && g.r.IntN(2) == 0 {
		w.sentence("Cai Qi and Wang Yi were present at the meeting.")
	}
	text := w.String()

	parties := []string{m.a.code, m.b.code}
	sort.Strings(parties)
	date := schema.DayDate(m.date)
	if monthOnly {
		date = schema.MonthDate(m.date.Year(), m.date.Month())
	}
	participants := []schema.Participant{
		{Name: selfName, Role: self.role, Country: self.code, Principal: true},
		{Name: otherName, Role: other.role, Country: other.code, Principal: true},
	}
	if strings.Contains(text, "Cai Qi and Wang Yi") {
		participants = append(participants,
			schema.Participant{Name: "Cai Qi", Country: "CN"}, schema.Participant{Name: "Wang Yi", Country: "CN"})
	}
	country := m.country
	if city == "" {
		country = ""
	}
	for i := range cs {
		cs[i].Text = text[cs[i].Start:cs[i].End]
	}
	x := &schema.Extraction{
		Source: fmt.Sprintf("%05d_%s_%s_%s.txt", len(g.docs), strings.ToLower(strings.Join(parties, "-")), m.date.Format("2006-01-02"), strings.ToLower(side)),
		Document: schema.Document{
			ID: DocumentID(text), Title: title, SourceURL: w.source,
			Published: schema.DayDate(published), Text: text,
		},
		Meeting: schema.Meeting{
			Date: date, City: city, Country: country, Occasion: m.occasion, Kind: m.kind,
			Parties: parties, Participants: participants,
		},
		References:  refs,
		Commitments: cs,
	}
	g.docs = append(g.docs, Doc{Name: x.Source, Text: text, Extraction: x})
}

func titleVerb(kind schema.MeetingKind, style string) string {
	switch {
	case kind == schema.MeetingCall:
		return "Holds Phone Talks with"
	case style == "mfa":
		return "Meets with"
	}
	return "holds talks with"
}

func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// writer builds a readout and records where each commitment lies.
type writer struct {
	r      *rand.Rand
	b      strings.Builder
	source string
	para   bool // the current paragraph has text
}

func (w *writer) String() string { return strings.TrimRight(w.b.String(), "\n") + "\n" }

func (w *writer) header(published time.Time, source, title string) {
	w.source = source
	fmt.Fprintf(&w.b, "date %s\nsource %s\ntitle %s\n\n", published.Format("2006-01-02"), source, title)
}

func (w *writer) space() {
	if w.para {
		w.b.WriteByte(' ')
	}
	w.para = true
}

func (w *writer) sentence(format string, args ...any) {
	w.space()
	fmt.Fprintf(&w.b, format, args...)
}

func (w *writer) paragraph() {
	if w.para {
		w.b.WriteString("\n\n")
		w.para = false
	}
}

// reference writes a sentence recalling the pair's previous meeting.
func (w *writer) reference(m meeting, selfName, otherName string) schema.Reference {
	p := *m.ref
	when := ""
	date := schema.MonthDate(p.date.Year(), p.date.Month())
	switch {
	case w.r.Float64() < 0.25:
		date = schema.YearDate(p.date.Year())
		when = yearPhrase(p.date.Year(), m.date.Year())
	default:
		when = "in " + p.date.Format("January") + " " + yearPhrase(p.date.Year(), m.date.Year())
	}
	what := "their talks"
	if p.city != "" {
		what += " in " + p.city
	}
	w.space()
	fmt.Fprintf(&w.b, "%s recalled ", selfName)
	start := w.b.Len()
	fmt.Fprintf(&w.b, "%s %s", what, when)
	end := w.b.Len()
	fmt.Fprintf(&w.b, " with %s, which reached many common understandings.", otherName)
	parties := []string{m.a.code, m.b.code}
	sort.Strings(parties)
	country := p.country
	if p.city == "" {
		country = ""
	}
	return schema.Reference{Date: date, City: p.city, Country: country, Parties: parties,
		Text: w.b.String()[start:end], Start: start, End: end}
}

func yearPhrase(y, now int) string {
	switch now - y {
	case 0:
		return "this year"
	case 1:
		return "last year"
	}
	return fmt.Sprint(y)
}

// commitments writes one sentence committing to a group of items.
func (w *writer) commitments(r *rand.Rand, style string, self, other country, selfName, otherName string, m meeting, group []item) []schema.Commitment {
	// Who commits: China alone to hub items; otherwise the two sides, or
	// the readout's own side, or (reported) the other side.
	actors, toward := []string{self.code, other.code}, []string{}
	lead := ""
	hub := false
	for _, it := range group {
		hub = hub || it.hub
	}
	switch {
	case hub && self.code == "CN":
		actors, toward = []string{"CN"}, []string{other.code}
		lead = pick(r, []string{"China is ready to work with " + other.name + " to ", selfName + " stressed that China will ", "China will "})
	case hub:
		actors, toward = []string{"CN"}, []string{self.code}
		lead = pick(r, []string{"The Chinese side expressed readiness to ", otherName + " said that China will "})
	default:
		switch r.IntN(3) {
		case 0:
			actors, toward = []string{self.code}, []string{other.code}
			lead = pick(r, []string{self.name + " is ready to ", selfName + " said that " + self.name + " will "})
		case 1:
			if style == "mfa" {
				lead = "The two sides should "
			} else {
				lead = "The parties agreed to "
			}
		default:
			actors, toward = []string{other.code}, []string{self.code}
			lead = otherName + " said that " + other.name + " is ready to "
		}
	}
	sort.Strings(actors)
	speaker := ""
	if strings.Contains(lead, selfName) {
		speaker = selfName
	} else if strings.Contains(lead, otherName) {
		speaker = otherName
	}
	modality := schema.ModalityPledge
	switch {
	case strings.HasPrefix(lead, "The parties agreed"):
		modality = schema.ModalityAgreement
	case strings.HasPrefix(lead, "The two sides should"):
		modality = schema.ModalityCall
	case strings.Contains(lead, "ready to"), strings.Contains(lead, "readiness"):
		modality = schema.ModalityOffer
	}

	w.space()
	sentStart := w.b.Len()
	w.b.WriteString(strings.ToUpper(lead[:1]) + lead[1:])
	var out []schema.Commitment
	pairKey := m.a.code + "-" + m.b.code
	for i, it := range group {
		if i > 0 {
			if i == len(group)-1 {
				w.b.WriteString(" and ")
			} else {
				w.b.WriteString(", ")
			}
		}
		var ents []schema.Entity
		ent, topic, subtopic := it.entity, it.topic, it.subtopic
		if it.project {
			p := pick(r, projects[pairKey])
			ent, topic, subtopic = &p.Entity, p.topic, p.subtopic
		}
		if ent != nil {
			ents = []schema.Entity{*ent}
		}
		phrase := render(pick(r, it.variants), countries[actors[0]], other, self, ent)
		start := w.b.Len()
		w.b.WriteString(phrase)
		var subs []string
		if subtopic != "" {
			subs = []string{subtopic}
		}
		mod := modality
		if it.modality == schema.ModalitySupport {
			mod = schema.ModalitySupport
		}
		out = append(out, schema.Commitment{
			Start: start, End: w.b.Len(),
			Actors: actors, Counterparts: toward, Speaker: speaker, Modality: mod,
			Topics: []string{topic}, Subtopics: subs, Entities: ents,
		})
	}
	w.b.WriteByte('.')
	sentence := w.b.String()[sentStart:]
	for i := range out {
		out[i].Sentence = sentence
	}
	return out
}

// render fills a template. {A} is the committing country, {B} the other
// party of the meeting.
func render(tmpl string, actor, other, self country, ent *schema.Entity) string {
	b := other
	if b.code == actor.code {
		b = self
	}
	repl := []string{"{A}", actor.name, "{B}", b.name, "{Aadj}", actor.adj, "{Badj}", b.adj}
	if ent != nil {
		repl = append(repl, "{P}", ent.Name)
	}
	return strings.NewReplacer(repl...).Replace(tmpl)
}
