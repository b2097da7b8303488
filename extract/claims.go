package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/extract/internal/prosetag"
	"github.com/crosscheck/crosscheck/extract/recognize"
)

// Claims builds the claims of an article from its tokenized body: a value
// claim for every figure and an event claim for every dated event, each with
// its subject, attribute, qualifiers and evidence sentence. It is a pure
// function of its input.
func Claims(a Article, doc Doc) []Claim { return claims(a, doc, 0) }

// claims is Claims with some sources of subject evidence switched off.
func claims(a Article, doc Doc, off sources) []Claim {
	body := a.Body
	clean := WithoutClutter(body, doc)
	pub := a.PublishedTime()
	quantities, dates := recognize.Mentions(clean, pub)
	b := builder{article: a, body: body, pub: pub}
	b.d.off = off
	// Names found by capitalisation alone: the story's anchor counts them
	// in every sentence, and an untagged sentence adds its own to the
	// discourse.
	named := make([][]mention, len(doc.Sentences))
	for i, s := range doc.Sentences {
		if s.Clutter == "" {
			named[i] = capitalised(body, s, b.d.aliasTable())
		}
	}
	b.d.topic = storyAnchor(a, named, b.d.aliasTable())
	// Sentences, figures and dates all come in text order: one pass hands
	// each sentence the mentions that lie wholly inside it.
	slices.SortStableFunc(dates, func(x, y recognize.Date) int { return x.Start - y.Start })
	qi, di := 0, 0
	for i, s := range doc.Sentences {
		for qi < len(quantities) && quantities[qi].Start < s.Start {
			qi++
		}
		for di < len(dates) && dates[di].Start < s.Start {
			di++
		}
		if s.Clutter != "" {
			continue
		}
		var qs []recognize.Quantity
		for _, q := range quantities[qi:] {
			if q.Start >= s.End {
				break
			}
			// Dates do not overlap one another, so only the one before
			// the sentence can reach into it.
			if q.End <= s.End && !insideDate(q, dates[max(di-1, 0):]) {
				qs = append(qs, q)
			}
		}
		var ds []recognize.Date
		for _, dt := range dates[di:] {
			if dt.Start >= s.End {
				break
			}
			if dt.End <= s.End {
				ds = append(ds, dt)
			}
		}
		b.sentence(s, named[i], qs, ds)
	}
	b.title()
	b.settleFrames()
	return b.claims
}

// title adds the claims of the article's headline, which is not part of the
// body: a figure stated only there is still the outlet's claim. They come
// after the body's, with the headline as their sentence and an empty span.
func (b *builder) title() {
	title := strings.TrimSpace(b.article.Title)
	if title == "" || !mayHoldClaim(title) {
		return
	}
	s, ok := titleSentence(title)
	if !ok {
		return
	}
	quantities, dates := recognize.Mentions(title, b.pub)
	slices.SortStableFunc(dates, func(x, y recognize.Date) int { return x.Start - y.Start })
	var qs []recognize.Quantity
	for _, q := range quantities {
		if !insideDate(q, dates) {
			qs = append(qs, q)
		}
	}
	tb := builder{article: b.article, body: title, pub: b.pub, claims: slices.Clip(b.claims)}
	tb.d.off, tb.d.topic = b.d.off, b.d.topic
	n := len(tb.claims)
	tb.sentence(s, capitalised(title, s, tb.d.aliasTable()), qs, dates)
	// A figure or date the body states too is the body's claim, with the
	// fuller evidence; the headline only repeats it.
	for _, c := range tb.claims[n:] {
		if slices.ContainsFunc(b.claims[:n], func(bc Claim) bool { return sameStatement(bc, c) }) {
			continue
		}
		c.ID = fmt.Sprintf("%s-%d", b.article.ID, len(b.claims)+1)
		c.Start, c.End, c.InTitle = 0, 0, true
		b.claims = append(b.claims, c)
	}
}

// sameStatement reports whether two claims state the same figure (number
// and unit) or the same date.
func sameStatement(a, b Claim) bool {
	switch {
	case a.Value != nil && b.Value != nil:
		return a.Value.Number == b.Value.Number && a.Value.Unit == b.Value.Unit
	case a.Date != nil && b.Date != nil:
		return a.Date.Start == b.Date.Start && a.Date.End == b.Date.End
	}
	return false
}

// titleSentence tags a headline as one sentence, with offsets into it; ok
// is false where the fast tagger cannot tag it alone.
func titleSentence(title string) (s Sentence, ok bool) {
	toks, ok := prosetag.TagFast(title)
	if !ok {
		return Sentence{}, false
	}
	return Sentence{Start: 0, End: len(title), Tokens: alignTokens(title, 0, toks)}, true
}

// builder carries an article's state across its sentences.
type builder struct {
	article   Article
	body      string
	pub       time.Time
	d         discourse
	claims    []Claim
	lastEvent string // subject of the last event claim, for "the ban was lifted"
	// lastDay is the first past day the previous sentence of the same
	// block named, for "He said 563 remained unaccounted for" after a
	// sentence of that day's briefing; lastBlock is that sentence's
	// block.
	lastDay   *recognize.Date
	lastBlock int
	// others are the names of incidents dated months before the story,
	// which its lead may name beside its own (see dateFrame).
	others map[string]bool
}

// sentence builds the claims of one sentence; named holds its names found
// by capitalisation alone.
func (b *builder) sentence(s Sentence, named []mention, qs []recognize.Quantity, ds []recognize.Date) {
	if len(s.Tokens) == 0 {
		// Untagged: nothing checkable, but its names still matter for
		// coreference in the sentences that follow.
		b.d.sentences = append(b.d.sentences, len(b.d.recent))
		for _, m := range named {
			b.d.add(m)
		}
		b.lastDay = nil
		return
	}
	ms := subjects(b.body, s, &b.d)
	text := b.body[s.Start:s.End]
	ds = mergeConjoined(b.body, ds)
	usedAsOf := make(map[int]bool)
	prevAttr := ""
	var prevQ *recognize.Quantity
	first := len(b.claims)
	for qi, q := range qs {
		attr, qual := attributeOf(b.body, s, q)
		if u := gluedUnit(b.body[q.End:]); u != "" {
			// "17.9km" measures in km as "17.9 km" does.
			attr, qual = u, ""
		}
		if attr == "" && !lengthUnitWords[prevAttr] && !strings.EqualFold(prevWord(b.body[s.Start:q.Start]), "all") {
			// A figure with no noun counts what the one before it did,
			// but not in a unit it does not carry ("its depth at
			// 17.9km, while AFAD put it at 7.7"), nor when it takes up
			// a group named before ("two divers reached all 13").
			attr = prevAttr
		}
		if attr == "" {
			attr = "count"
		}
		prevAttr = attr
		c := b.newClaim(s, text)
		c.Subject = b.valueSubject(s, ms, q, attr)
		if restates(b.body, prevQ, q) {
			c.Subject = b.claims[len(b.claims)-1].Subject
		}
		c.Attribute, c.Qualifier = attr, qual
		c.Value = valueOf(q)
		if i := figureTime(b.body, b.pub, ds, q, qs); i >= 0 && !q.Vague {
			if ageOf(c.Sentence, c.Value) == "" {
				// (An age holds on any day: "Saman Kunan, 38, died on
				// Friday" leaves Friday to the death.)
				usedAsOf[i] = true
			}
			c.AsOf = dateValue(ds[i])
		} else if b.lastDay != nil && b.lastBlock == s.Block && len(ds) == 0 && !q.Vague && (saidAgain.MatchString(text) || atTheTime.MatchString(text)) {
			// "Two more bodies were found on Wednesday, the sheriff
			// told his nightly briefing. He said 563 remained
			// unaccounted for": the same briefing's day. "Equifax
			// disclosed the breach on Sept. 7. At the time it
			// estimated 143 million": that day too.
			c.AsOf = dateValue(*b.lastDay)
		} else if !b.pub.IsZero() {
			day := b.pub.Format(time.DateOnly)
			c.AsOf = &DateValue{Text: PublicationDate, Start: day, End: day, Granularity: "day"}
		}
		b.qualify(&c, s, ms, q.Start)
		b.story(&c)
		b.claims = append(b.claims, c)
		prevQ = &qs[qi]
	}
	b.earlierIncident(s, ds, b.claims[first:])
	for i, dt := range ds {
		if strings.HasPrefix(b.body[dt.End:], "'s") || strings.HasPrefix(b.body[dt.End:], "’s") {
			continue // "this year's harvest" dates a thing, not an event
		}
		if dateline(b.body[s.Start:dt.Start], b.body[dt.End:min(len(b.body), dt.End+40)]) {
			continue // "COLOMBO, April 22 (Reuters) -": when it was filed
		}
		verb, vi := eventVerb(s, dt.Start, dt.End)
		noun, ni := datedNoun(b.body, s, dt)
		if noun != "" {
			// "Tuesday's blast", "the 1999 earthquake": the date names
			// when the thing happened, whatever the sentence's verb.
			verb, vi = noun, ni
		} else if v, j := verbOfDate(s, dt.Start); v != "" && usedAsOf[i] {
			// "was contained on Sunday", "disappeared on 23 June": the
			// verb the date follows happened then, though a figure of
			// the sentence is dated by it too.
			verb, vi = v, j
		} else if verb == "say" && vi >= 0 && dt.Granularity == "day" && (s.Tokens[vi].End <= dt.Start && dt.Start-s.Tokens[vi].End <= 4 || s.Tokens[vi].Start >= dt.End && s.Tokens[vi].Start-dt.End <= 20 && !strings.Contains(b.body[dt.End:s.Tokens[vi].Start], ",")) {
			// "Equifax said on Thursday that ...", "on 10 October it
			// said": when it was said is a fact of its own, though the
			// day dates its figures too.
		} else if verb == "" || usedAsOf[i] && (lightVerbs[verb] || !eventLemmas[verb] && !incidentVerbs[verb] || figureVerbs[verb]) {
			// A date a figure refers to ("the toll rose to 14 on
			// Wednesday") is an event only of a verb worth checking
			// besides the figure itself.
			continue
		}
		if vi >= 0 && figureBefore.MatchString(b.body[max(s.Start, s.Tokens[vi].Start-24):s.Tokens[vi].Start]) {
			continue // "was 75 percent contained by Tuesday": the figure's day, not the event's
		}
		testimony := false
		if vi >= 0 && (verb == "begin" || verb == "occur") && testimonyBefore(s, vi) || noun == "hearing" || noun == "testimony" {
			// "His second day of testimony begins on Wednesday", "he
			// agreed to testify at a joint hearing on April 10": the
			// witness testifies then.
			verb, testimony = "testify", true
		}
		c := b.newClaim(s, text)
		c.Subject = b.eventSubject(s, ms, vi, verb)
		if noun != "" {
			// The thing dated is its own subject: a name inside its
			// phrase ("the 1918 Cloquet fire"), else the story's.
			c.Subject = storySubject
			for _, m := range ms {
				if m.start >= dt.End && m.end <= s.Tokens[ni].Start || ni > 0 && m.end == s.Tokens[ni-1].End && m.end < dt.Start {
					// (or the name right before it: "the Lion Air
					// disaster on Oct. 29")
					c.Subject = m.canon
				}
			}
		}
		if testimony {
			// The witness: the person the sentence names first, else the
			// last witness or person the article named ("he had agreed
			// to testify").
			witness := ""
			for _, m := range ms {
				if b.kindOf(m) == kindPerson && m.start < s.Tokens[vi].Start {
					witness = m.canon
					break
				}
			}
			for i := len(b.claims) - 1; i >= 0 && witness == ""; i-- {
				if prev := b.claims[i]; prev.Attribute == "testify" && prev.Subject != storySubject {
					witness = prev.Subject
				}
			}
			for i := len(b.d.recent) - 1; i >= 0 && witness == ""; i-- {
				if m := b.d.recent[i]; b.d.kindOfMention(m) == kindPerson {
					witness = m.canon
				}
			}
			if witness != "" {
				c.Subject = witness
			}
		}
		if b.subjectKind(c.Subject, ms) == kindPlace {
			// Events at a place are the story's own: one outlet's river
			// "broke through" where another's levee "failed".
			if c.Place == "" {
				c.Place = c.Subject
			}
			c.Subject = storySubject
		}
		c.Attribute = verb
		c.Date = dateValue(dt)
		if !b.pub.IsZero() && dt.To.Before(b.pub.AddDate(-1, 0, 0)) {
			// An event a year or more before publication is history ("the
			// river last broke through in 2011"), not the story's own:
			// it is kept apart from this story's events of the same kind.
			c.Qualifier = "earlier"
		}
		b.qualify(&c, s, ms, dt.Start)
		b.lastEvent = c.Subject
		b.claims = append(b.claims, c)
	}
	b.d.sentences = append(b.d.sentences, len(b.d.recent))
	for _, m := range ms {
		b.d.add(m)
	}
	b.lastDay, b.lastBlock = nil, s.Block
	for i := range ds {
		// The first: the main clause's ("disclosed the breach on Sept.
		// 7, saying it had noticed the intrusion on July 29").
		if d := ds[i]; d.Granularity == "day" && (b.pub.IsZero() || !d.From.After(b.pub)) {
			b.lastDay = &ds[i]
			break
		}
	}
}

// atTheTime opens a sentence that holds at the time the last one named.
var atTheTime = regexp.MustCompile(`(?i)^\s*at (?:the|that) time\b`)

// saidAgain opens a sentence that goes on with the last speaker's words:
// "He said", "She added", "It said".
var saidAgain = regexp.MustCompile(`^\s*(?:He|She|It|They)\s+(?:said|added|told|says|adds|reported|announced)\b`)

// earlierIncident marks the figures of an incident the sentence dates weeks
// before publication ("in retaliation for the March 15 shootings at two
// mosques in Christchurch, which killed 50 people") as an earlier event's:
// a figure in a relative clause after such an incident noun is its.
func (b *builder) earlierIncident(s Sentence, ds []recognize.Date, cs []Claim) {
	if b.pub.IsZero() {
		return
	}
	for _, dt := range ds {
		if !dt.To.Before(b.pub.AddDate(0, 0, -14)) {
			continue
		}
		if _, at := incidentNoun(s, dt); at < 0 {
			continue
		}
		for i := range cs {
			c := &cs[i]
			if c.Value == nil || c.Qualifier != "" || c.Start != s.Start {
				continue
			}
			fig := s.Start + figureAt(c.Sentence, c.Value.Text)
			if fig < dt.End || fig-dt.End > 120 {
				continue
			}
			between := strings.ToLower(b.body[dt.End:fig])
			if (strings.Contains(between, " which ") || strings.Contains(between, " that ")) && !strings.ContainsAny(between, ";") {
				c.Qualifier = "earlier"
			}
		}
	}
}

// dateline reports whether a date opens a wire story's dateline, between
// the place in capitals ("COLOMBO, Sri Lanka,") and the agency and dash
// ("(Reuters) -"): the day the story was filed, not an event of it.
func dateline(before, after string) bool {
	after = strings.TrimLeft(after, " ")
	if strings.TrimSpace(before) == "" {
		// "Nov. 25 (UPI) --": a dateline without its place needs its
		// agency.
		if !strings.HasPrefix(after, "(") {
			return false
		}
	} else if place, _, ok := strings.Cut(before, ","); !ok || place == "" || strings.ToUpper(place) != place || strings.ToLower(place) == place || len(before) > 60 {
		return false
	}
	if strings.HasPrefix(after, "(") {
		i := strings.IndexByte(after, ')')
		if i < 0 {
			return false
		}
		after = strings.TrimLeft(after[i+1:], " ")
	}
	for _, dash := range []string{"-", "–", "—", ":"} {
		if strings.HasPrefix(after, dash) {
			return true
		}
	}
	return false
}

// verbOfDate finds the verb a date directly follows, through "on", an
// adverb or an object pronoun ("emerged on Tuesday", "found them on July
// 2", "lost consciousness early on Friday"), as its event lemma and token
// index; "" where another word comes between, or where the verb is one a
// figure's date belongs to ("14 were killed on Sunday").
func verbOfDate(s Sentence, start int) (string, int) {
	gap := 0
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		t := s.Tokens[i]
		if t.End > start {
			continue
		}
		w := strings.ToLower(t.Text)
		if strings.HasPrefix(t.Tag, "VB") && !auxiliaries[w] {
			l := lemma(w)
			if i > 0 {
				if p, ok := phrasalEvents[lemma(s.Tokens[i-1].Text)+" "+w]; ok {
					l, i = p, i-1 // "went missing on 2 June"
				}
			}
			if ev, ok := eventVerbs[l]; ok {
				l = ev
			}
			if figureVerbs[l] || lightVerbs[l] {
				return "", -1
			}
			return l, i
		}
		gap++
		if gap > 2 || !(w == "on" || w == "at" || t.Tag == "RB" || t.Tag == "PRP" || t.Tag == "NN" && gap == 2) {
			return "", -1
		}
	}
	return "", -1
}

// datedNoun finds the noun a date qualifies, as a weekday's possessive
// ("Tuesday's blast", "last Sunday's suicide bombings") or a year written
// as a modifier ("the 1999 earthquake", "a 2014 study", "the 1918 Cloquet
// fire"): the last common noun of the noun phrase after the date, singular,
// and its token index; "" where the date qualifies no noun.
func datedNoun(body string, s Sentence, dt recognize.Date) (string, int) {
	if noun, at := incidentNoun(s, dt); at >= 0 {
		return noun, at
	}
	possessive := strings.HasSuffix(dt.Text, "'s") || strings.HasSuffix(dt.Text, "’s")
	year := len(dt.Text) == 4 && dt.Granularity == "year" && strings.Trim(dt.Text, "0123456789") == ""
	if !(possessive && dt.Granularity == "day") && !year {
		return "", -1
	}
	if year {
		before := strings.ToLower(prevWord(body[s.Start:dt.Start]))
		if before != "the" && before != "a" && before != "an" && !strings.HasSuffix(before, "'s") && !strings.HasSuffix(before, "’s") {
			return "", -1
		}
	}
	noun, at, skipped := "", -1, 0
	for i, t := range s.Tokens {
		if t.Start < dt.End {
			continue
		}
		common := (t.Tag == "NN" || t.Tag == "NNS") && !startsUpper(t.Text)
		switch {
		case common:
			noun, at = strings.ToLower(t.Text), i
			if t.Tag == "NNS" && len(noun) > 3 && strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss") {
				noun = noun[:len(noun)-1]
			}
			continue
		case noun == "" && (t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "JJ") && skipped < 3:
			skipped++
			continue // a name or an adjective before the noun
		}
		break
	}
	return noun, at
}

// occasionNouns are scheduled events a day dates: "the final on Sunday",
// "the hearing on Tuesday".
var occasionNouns = wordSet(`final hearing vote match summit funeral ceremony memorial referendum trial election conference`)

// Scheduled reports whether a date claim's attribute is a scheduled
// occasion ("hearing", "final"): planned or held, it is one occasion.
func Scheduled(attr string) bool { return occasionNouns[attr] }

// incidentNoun finds an incident a day dates as a noun: written right
// before it, through "on" or "of" ("the attacks on 21 April", "the crash of
// March 10"), or as the head of the noun phrase it opens ("the Easter
// Sunday bombings", "the 6 February earthquake"). It returns the noun,
// singular, and its token index, or "" and -1.
func incidentNoun(s Sentence, dt recognize.Date) (string, int) {
	if dt.Granularity != "day" {
		return "", -1
	}
	singular := func(t Token) string {
		w := strings.ToLower(t.Text)
		if t.Tag == "NNS" && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		return w
	}
	first := -1
	for i, t := range s.Tokens {
		if t.Start >= dt.Start {
			first = i
			break
		}
	}
	if first >= 2 && (strings.EqualFold(s.Tokens[first-1].Text, "on") || strings.EqualFold(s.Tokens[first-1].Text, "of")) {
		k := first - 2
		// "the final in Moscow on Sunday": past the place it is held.
		for j := k; j > 1 && startsUpper(s.Tokens[j].Text) && s.Tokens[j].Tag == "NNP"; j-- {
			if w := strings.ToLower(s.Tokens[j-1].Text); w == "in" || w == "off" || w == "near" || w == "for" {
				k = j - 2 // ("the Lion Air disaster off Indonesia on Oct. 29")
				break
			}
		}
		if noun := s.Tokens[k]; (noun.Tag == "NN" || noun.Tag == "NNS") && incidentVerbs[singular(noun)] || occasionNouns[strings.ToLower(noun.Text)] {
			if objectOfEvent(s, k) {
				return "", -1 // "disclosed the breach on Sept. 7": the disclosure's day
			}
			return singular(noun), k
		}
	}
	for i := first; i >= 0 && i < len(s.Tokens); i++ {
		t := s.Tokens[i]
		if t.Start < dt.End {
			continue
		}
		if (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ") && !startsUpper(t.Text) {
			if incidentVerbs[singular(t)] && (i+1 == len(s.Tokens) || !strings.HasPrefix(s.Tokens[i+1].Tag, "NN")) {
				return singular(t), i
			}
			continue // "suicide", "deadly"
		}
		break
	}
	return "", -1
}

// testimonyBefore reports whether a witness's testimony or hearing is the
// subject of the verb at vi: named in its clause before it.
func testimonyBefore(s Sentence, vi int) bool {
	for j := vi - 1; j >= 0 && j >= vi-8; j-- {
		switch strings.ToLower(s.Tokens[j].Text) {
		case "testimony", "hearing":
			return true
		case ";", ".":
			return false
		}
	}
	return false
}

// foundPeople reports whether the find verb at vi found people: it is
// passive ("were found") or its object is a pronoun or a noun for people
// ("found them", "located the bodies"), not a thing ("found money").
func foundPeople(toks []Token, vi int) bool {
	if vi > 0 {
		switch strings.ToLower(toks[vi-1].Text) {
		case "was", "were", "been", "being":
			return true
		}
	}
	for j := vi + 1; j < len(toks) && j <= vi+3; j++ {
		w := strings.ToLower(toks[j].Text)
		switch {
		case w == "them" || w == "him" || w == "her" || peopleNouns[w] || groupNouns[w] || w == "bodies" || w == "remains" || w == "survivors" || w == "group":
			return true
		case toks[j].Tag == "DT" || toks[j].Tag == "JJ" || toks[j].Tag == "CD" || toks[j].Tag == "PRP$":
			continue
		}
		return false
	}
	return false
}

// figureBefore ends the text before a verb that a figure qualifies: "75
// percent contained", "12% complete".
var figureBefore = regexp.MustCompile(`\d\s*(?:%|percent|per cent)\s+$`)

// objectOfEvent reports whether the noun at token k is the object of an
// event verb of its own before it ("disclosed the breach", "discovered
// the attack"), which a date after the noun dates rather than the noun.
func objectOfEvent(s Sentence, k int) bool {
	j := k - 1
	for j >= 0 && (s.Tokens[j].Tag == "DT" || s.Tokens[j].Tag == "PRP$" || s.Tokens[j].Tag == "JJ" || s.Tokens[j].Tag == "NN") {
		j--
	}
	if j > 0 && (strings.EqualFold(s.Tokens[j].Text, "of") || strings.EqualFold(s.Tokens[j].Text, "about")) {
		j-- // "learned of the attack"
	}
	if j < 0 || !strings.HasPrefix(s.Tokens[j].Tag, "VB") {
		return false
	}
	ev, ok := eventVerbs[lemma(s.Tokens[j].Text)]
	return ok && !incidentVerbs[ev] && !lightVerbs[ev]
}

// gluedUnit is the unit of measure written right after a figure, with no
// space ("km" of "17.9km"), or "".
func gluedUnit(after string) string {
	i := 0
	for i < len(after) && ('a' <= after[i]|0x20 && after[i]|0x20 <= 'z') {
		i++
	}
	return strings.ToLower(after[:i])
}

// restates reports whether figure q restates the figure before it, prev,
// of the same sentence: a share after a dash or comma ("some 40 million
// users — roughly half the population") is the same subject's.
func restates(body string, prev *recognize.Quantity, q recognize.Quantity) bool {
	if prev == nil || (q.Unit != "%" && q.Unit != "fraction") || prev.End > q.Start {
		return false
	}
	// The figure's own noun may come between: "40 million users —".
	words := strings.Fields(body[prev.End:q.Start])
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	switch words[len(words)-1] {
	case "—", "–", "-", ",":
		return true
	}
	return false
}

// lengthUnitWords are units a figure carries glued to it ("17.9km").
var lengthUnitWords = wordSet(`km m cm mm mi ft kg lb`)

// eventLemmas are the lemmas event verbs are compared under.
var eventLemmas = func() map[string]bool {
	m := make(map[string]bool)
	for _, v := range eventVerbs {
		m[v] = true
	}
	return m
}()

// figureVerbs say what a figure counts; their date is the figure's, not an
// event of its own ("14 people died by Wednesday").
var figureVerbs = wordSet(`die kill evacuate publish report`)

func (b *builder) newClaim(s Sentence, text string) Claim {
	return Claim{
		ID:       fmt.Sprintf("%s-%d", b.article.ID, len(b.claims)+1),
		Article:  b.article.ID,
		Sentence: text,
		Start:    s.Start,
		End:      s.End,
	}
}

// valueSubject picks what a figure is about: "N people used X" counts X's
// users; a count of people or a measure of land belongs to the story itself
// (its anchor); otherwise the nearest compatible subject before the figure in
// its clause, then after it, then the sentence's, the article's recent ones
// and its topic.
func (b *builder) valueSubject(s Sentence, ms []mention, q recognize.Quantity, attr string) string {
	ok := func(m mention) bool { return compatible(attr, b.kindOf(m)) }
	if m, found := usedObject(b.body, s, ms, q.End); found {
		return m.canon
	}
	if m, found := owner(b.body, s, ms, q); found {
		return m.canon
	}
	if !entityAttributes[attr] {
		return storySubject
	}
	lo, hi := clause(b.body, s, q.Start)
	if attr == "users" {
		// An app named earlier in the sentence, even across a clause:
		// "RiverCall, the app run by the authority, had 2 million".
		for i := len(ms) - 1; i >= 0; i-- {
			if m := ms[i]; m.end <= q.Start && b.kindOf(m) == kindApp {
				return m.canon
			}
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; m.end <= q.Start && m.start >= lo && ok(m) {
			return m.canon
		}
	}
	for _, m := range ms {
		if m.start >= q.End && m.end <= hi && ok(m) {
			return m.canon
		}
	}
	for _, m := range ms {
		if ok(m) {
			return m.canon
		}
	}
	for i := len(b.d.recent) - 1; i >= 0; i-- {
		if m := b.d.recent[i]; ok(m) && !m.anaphor {
			return m.canon
		}
	}
	if b.d.topic != "" {
		return b.d.topic
	}
	return storySubject
}

// subjectKind is what the article or this sentence says a subject is.
func (b *builder) subjectKind(canon string, ms []mention) kind {
	if k := b.d.kindOf(canon); k != kindUnknown {
		return k
	}
	for _, m := range ms {
		if m.canon == canon && m.kind != kindUnknown {
			return m.kind
		}
	}
	return kindUnknown
}

func (b *builder) kindOf(m mention) kind {
	if k := b.d.kindOf(m.canon); k != kindUnknown {
		return k
	}
	return m.kind
}

// eventSubject picks what a dated event is about: the object of a verb like
// "blocked the messenger" when it is a named thing, else the agent before the
// verb, else the subject of the last event ("the ban was lifted"). verb is
// the event's lemma, of the verb at vi.
func (b *builder) eventSubject(s Sentence, ms []mention, vi int, verb string) string {
	toks := s.Tokens
	verbEnd := toks[vi].End
	for _, m := range ms {
		// The object directly after the verb: "blocked the messenger".
		if m.start >= verbEnd && m.start-verbEnd <= 5 && patientVerbs[lemma(toks[vi].Text)] {
			return m.canon
		}
	}
	if verb == "find" && foundPeople(toks, vi) || verb == "rescue" || verb == "mourn" {
		// "divers found them on July 2", "were found on July 2": the
		// event is the missing people's, the story's, whoever found
		// them; so are its rescues and its day of mourning.
		return storySubject
	}
	if vi > 0 && len(ms) > 0 && ms[0].start < toks[vi].Start &&
		(toks[vi].Tag == "VBG" && toks[vi-1].Text == "," || strings.EqualFold(toks[vi-1].Text, "to") && b.kindOf(ms[0]) == kindPerson) {
		// "Macron has thanked the firefighters who saved the
		// cathedral, welcoming them on Thursday": a participle's
		// subject is the sentence's, and so is a person's infinitive
		// ("Zuckerberg returns to Capitol Hill on Wednesday to face").
		return ms[0].canon
	}
	lo, _ := clause(b.body, s, toks[vi].Start)
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; m.end <= toks[vi].Start && m.start >= lo {
			return m.canon
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].end <= toks[vi].Start {
			return ms[i].canon
		}
	}
	for j, t := range toks[:vi] {
		indefinite := j > 0 && (strings.EqualFold(toks[j-1].Text, "a") || strings.EqualFold(toks[j-1].Text, "an")) && (t.Tag == "NN" || t.Tag == "NNS")
		if w := strings.ToLower(t.Text); t.Start >= lo && (groupNouns[w] || subgroupNouns[w] || w == "group" || indefinite) {
			// "The boys ... disappeared on 23 June": people the
			// sentence names by a common noun, the story's, not the
			// last event's subject; nor is "a crane", which the
			// sentence brings in anew.
			return storySubject
		}
	}
	if b.lastEvent != "" {
		return b.lastEvent
	}
	if len(ms) > 0 {
		return ms[0].canon
	}
	if b.d.topic != "" {
		return b.d.topic
	}
	return storySubject
}

// qualify sets who says the claim, how sure the writer is, and where.
func (b *builder) qualify(c *Claim, s Sentence, ms []mention, at int) {
	if who := attribution(b.body, s, ms, at); who != "" {
		c.AttributedTo = &who
	}
	c.Modality = modality(s, at)
	c.Negated = negated(s, at)
	for i, t := range s.Tokens {
		if strings.EqualFold(t.Text, "in") && i+1 < len(s.Tokens) {
			for _, m := range ms {
				if m.start == s.Tokens[i+1].Start || (i+2 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Text, "the") && m.start == s.Tokens[i+2].Start) {
					if b.kindOf(m) == kindPlace {
						c.Place = m.canon
					}
				}
			}
		}
	}
}

// WithoutClutter returns body with page clutter replaced by spaces, so that
// recognisers never see it while offsets stay those of the body.
func WithoutClutter(body string, doc Doc) string {
	buf := []byte(body)
	for _, s := range doc.Sentences {
		if s.Clutter == "" {
			continue
		}
		for i := s.Start; i < s.End && i < len(buf); i++ {
			if buf[i] != '\n' {
				buf[i] = ' '
			}
		}
	}
	return string(buf)
}

// figureTime finds the date a figure refers to, as an index into ds, or -1:
// a date right after it ("1.2 million in March", "16 on Saturday"), a year
// or month that opens the sentence ("In 2017, ... 40 million"), or else the
// last date in the sentence, which is when the figure was reported ("... the
// authority said on Wednesday"). Dates that bound a span ("since Sunday")
// are not the figure's time.
func figureTime(body string, pub time.Time, ds []recognize.Date, q recognize.Quantity, qs []recognize.Quantity) int {
	for i, d := range ds {
		if d.Start >= q.End && len(strings.Fields(body[q.End:d.Start])) <= 4 && !spanBound(body, d) && !datesNoun(body, d) {
			return i
		}
	}
	for i, d := range ds {
		if (d.Granularity == "year" || d.Granularity == "month") && d.End <= q.Start && !datesNoun(body, d) && !inRelativeClause(body, d) && (!yearsSpanned(body, d) || strings.Contains(body[d.End:q.Start], " when ")) {
			return i
		}
	}
	// A day of the sentence dates the last figure before it ("9,057
	// confirmed, he said on Wednesday, up from the 5,434 announced late on
	// Tuesday": Wednesday is 9,057's, Tuesday 5,434's), or the first after
	// it when it opens the sentence. Failing that, the sentence's last day.
	best, bestDist := -1, 1<<30
	for i, d := range ds {
		if d.Granularity != "day" || datesNoun(body, d) || !pub.IsZero() && d.From.After(pub) {
			continue // ("to be brought out on Tuesday": not when a figure held)
		}
		if dayBefore(body, d, q) {
			return i // ("after finishing Monday at $157.93")
		}
		if spanBound(body, d) {
			continue
		}
		if owner := dayOwner(d, qs); owner >= 0 && qs[owner].Start == q.Start {
			if dist := distance(q.Start, q.End, d.Start, d.End); dist < bestDist {
				best, bestDist = i, dist
			}
		}
	}
	if best >= 0 {
		return best
	}
	for i := len(ds) - 1; i >= 0; i-- {
		if d := ds[i]; d.Granularity == "day" && !spanBound(body, d) && !datesNoun(body, d) {
			if owner := dayOwner(d, qs); owner >= 0 && qs[owner].Start != q.Start && qs[owner].End <= d.Start && d.End <= q.Start &&
				!strings.ContainsAny(body[qs[owner].End:d.Start], ",;") && len(strings.Fields(body[qs[owner].End:d.Start])) <= 4 &&
				broughtTo.MatchString(body[d.End:q.Start]) {
				// "The 18 arrests made on Tuesday night brought the
				// number in custody to 58": Tuesday is the 18's; the
				// 58 holds when it was said.
				continue
			}
			return i
		}
	}
	return -1
}

// yearsSpanned reports whether a date is a span of years that says what a
// figure covers ("records from between 2011 and 2016") or opens a span
// ("with the airline since November 2007"), not when it held.
func yearsSpanned(body string, d recognize.Date) bool {
	if strings.HasPrefix(strings.ToLower(d.Text), "between ") {
		return true
	}
	w := strings.ToLower(prevWord(body[max(0, d.Start-20):d.Start]))
	return w == "from" || w == "between" || w == "since"
}

// broughtTo ends the words that make a figure the new total others took a
// count to: "brought the number of people in custody to".
var broughtTo = regexp.MustCompile(`\b(?:bring|brings|brought|bringing|take|takes|took|taking|raise|raised|raises|raising|push|pushed|pushes|pushing|lift|lifted|lifts|lifting)\b[^,;]{0,60}\b(?:to|past)\s+$`)

// inRelativeClause reports whether a date closes a relative clause ("hackers
// who broke into its systems last year"): it dates that clause's verb, not
// a figure of the sentence.
func inRelativeClause(body string, d recognize.Date) bool {
	before := strings.Fields(strings.ToLower(body[max(0, d.Start-60):d.Start]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-7; i-- {
		w := before[i]
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") {
			return false
		}
		if w == "who" || w == "which" || w == "that" {
			return true
		}
	}
	return false
}

// dayOwner is the index of the figure a day dates: the last before it,
// else the first after it; -1 when the sentence has no figure.
func dayOwner(d recognize.Date, qs []recognize.Quantity) int {
	owner := -1
	for i, o := range qs {
		if o.Vague {
			continue
		}
		if o.End <= d.Start {
			owner = i
		} else if owner < 0 {
			return i
		}
	}
	return owner
}

// dayBefore reports whether a day stands right before a figure, joined by
// "at" ("finishing Monday at $157.93"): it is that figure's day.
func dayBefore(body string, d recognize.Date, q recognize.Quantity) bool {
	if d.End > q.Start || q.Start-d.End > 8 {
		return false
	}
	gap := strings.TrimSpace(body[d.End:q.Start])
	if gap != "at" && gap != "at about" && gap != "at around" {
		return false
	}
	switch strings.ToLower(prevWord(body[max(0, d.Start-12):d.Start])) {
	case "since", "until", "till", "from", "before":
		return false // "detained since Sunday at 60": a span, not a day
	}
	return true
}

// distance is the gap in bytes between two spans of text.
func distance(aStart, aEnd, bStart, bEnd int) int {
	switch {
	case bStart >= aEnd:
		return bStart - aEnd
	case aStart >= bEnd:
		return aStart - bEnd
	}
	return 0
}

// datesNoun reports whether a date names when a thing happened rather than
// when a figure holds: "killed in last Sunday's bombings", "the Easter
// attacks", "the 1918 fire". A toll given on Thursday for Sunday's
// bombings holds on Thursday.
func datesNoun(body string, d recognize.Date) bool {
	// "its data breach last year": the noun just before the date.
	if prev := strings.Fields(body[max(0, d.Start-30):d.Start]); len(prev) > 0 {
		if w := strings.ToLower(strings.Trim(prev[len(prev)-1], ",.;:")); eventNouns[w] || w == "breach" || w == "hack" || w == "leak" {
			return true
		}
	}
	rest := body[d.End:min(len(body), d.End+40)]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasSuffix(d.Text, "'s") || strings.HasSuffix(d.Text, "’s") {
		return true // "last year's cyber attack"
	}
	next := strings.Fields(rest)
	if len(next) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(next[0], ",.;:"))
	if len(next) > 1 && (w == "suicide" || w == "terror" || w == "mosque" || w == "church" || w == "data" || w == "cyber" || w == "security") {
		w = strings.ToLower(strings.Trim(next[1], ",.;:"))
	}
	return eventNouns[w] || w == "breach" || w == "hack" || w == "leak" || w == "cyberattack"
}

// spanBound reports whether a date opens or closes a span rather than
// naming a time: "since Sunday", "until Friday", "after June 8".
func spanBound(body string, d recognize.Date) bool {
	// The date's own phrase: back to the last comma or sentence start.
	from := max(0, d.Start-120)
	seg := body[from:d.Start]
	if i := strings.LastIndexAny(seg, ",;.\n"); i >= 0 {
		seg = seg[i+1:]
	}
	words := strings.Fields(strings.ToLower(seg))
	for i, w := range words {
		switch w {
		case "from":
			if i > 0 && (words[i-1] == "up" || words[i-1] == "down") {
				continue // "up from six at the start of the week": a figure's own date
			}
			return true
		case "since", "until", "till", "after", "before", "when":
			return true
		}
	}
	return false
}

func dateValue(d recognize.Date) *DateValue {
	return &DateValue{Text: d.Text, Start: d.From.Format(time.DateOnly), End: d.To.Format(time.DateOnly), Granularity: d.Granularity}
}

// storySubject is the subject of figures and events that belong to the
// story as a whole rather than to a named thing.
const storySubject = "story"

// story files figures about what happened (deaths, evacuations, crowds)
// under the story, keeping the place named as their place.
func (b *builder) story(c *Claim) {
	if c.Subject != storySubject {
		return
	}
	if c.Place == "" {
		c.Place = b.d.topic
	}
}

// mergeConjoined joins "in December and January" into one period: the
// writer names one span of time, not two events.
func mergeConjoined(body string, ds []recognize.Date) []recognize.Date {
	var out []recognize.Date
	for _, d := range ds {
		if n := len(out); n > 0 {
			gap := strings.TrimSpace(body[out[n-1].End:d.Start])
			if (gap == "and" || gap == "to" || gap == "-" || gap == "–" || gap == "through") && d.From.After(out[n-1].From) {
				prev := &out[n-1]
				prev.Text = body[prev.Start:d.End]
				prev.End = d.End
				prev.To = d.To
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

func valueOf(q recognize.Quantity) *Value {
	v := &Value{Text: q.Text, Number: q.Number, Min: q.Min, Max: q.Max, Unit: q.Unit, Hedge: q.Hedge, Vague: q.Vague}
	if q.Hedge == recognize.AtMost && q.Min == nil && q.Number > 0 && nearly(q.Text) {
		// "nearly 400,000" is close below 400,000, not anything under
		// it: it meets 380,000, never 19,000.
		lo := q.Number * 0.9
		v.Min = &lo
	}
	return v
}

// nearly reports whether a figure's hedge puts it just below its number.
func nearly(text string) bool {
	t := strings.ToLower(text)
	for _, w := range []string{"nearly ", "almost ", "close to ", "just under ", "just below ", "just shy of ", "approaching "} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// entityAttributes are figures that belong to a named thing (an app's
// users). Every other figure is about what happened — deaths, evacuations,
// shelters, hectares — and outlets attach it to different places and
// officials ("12,000 evacuated from Vannermark", "the authority said 12,000
// left"), so it is compared under the story unless the text gives it an
// owner ("Gap has 1.3 million", "his five Twitter feeds").
var entityAttributes = wordSet(`users share`)

// owner finds a name the text makes a figure's owner: "X has/had N", "X's N",
// "his N", "X claims to have N".
func owner(body string, s Sentence, ms []mention, q recognize.Quantity) (mention, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.end > q.Start {
			continue
		}
		gap := strings.Fields(strings.ToLower(body[m.end:q.Start]))
		if len(gap) == 0 && m.anaphor {
			return m, true // "his five feeds"
		}
		if len(gap) > 0 && gap[0] == "'s" || len(gap) > 0 && strings.HasPrefix(body[m.end:q.Start], "’s") {
			return m, true
		}
		for _, w := range gap {
			switch w {
			case "has", "had", "have", "having":
				if len(gap) <= 5 {
					return m, true
				}
			}
		}
		break
	}
	return mention{}, false
}

// storyAnchor names what an article is about: its most often mentioned place,
// else its most often mentioned name, counting the headline. named holds
// the names capitalised finds in each sentence of the body.
func storyAnchor(a Article, named [][]mention, aliases map[string]string) string {
	counts := make(map[string]int)
	kinds := make(map[string]kind)
	first := make(map[string]int)
	add := func(ms []mention) {
		for _, m := range ms {
			if _, seen := first[m.canon]; !seen {
				first[m.canon] = len(first)
			}
			counts[m.canon]++
			if m.kind != kindUnknown {
				kinds[m.canon] = m.kind
			}
		}
	}
	if a.Title != "" {
		add(capitalised(a.Title, Sentence{Start: 0, End: len(a.Title)}, aliases))
	}
	for _, ms := range named {
		add(ms)
	}
	best, bestScore := "", 0
	for c, n := range counts {
		score := n * 2
		if kinds[c] == kindPlace {
			score = n*2 + 3
		}
		if kinds[c] == kindPerson || n < 2 {
			continue
		}
		if score > bestScore || (score == bestScore && first[c] < first[best]) {
			best, bestScore = c, score
		}
	}
	return best
}

// capitalised finds names in an untagged sentence by capitalisation alone:
// runs of capitalised words ("Oskel River", "Ministry of Education"), the
// sentence's first word excepted.
func capitalised(body string, s Sentence, aliases map[string]string) []mention {
	var out []mention
	text := body[s.Start:s.End]
	type word struct {
		text       string
		start, end int
	}
	var runBuf [8]word // a name's words, on the stack for most names
	run := runBuf[:0]
	flush := func() {
		if len(run) == 0 {
			return
		}
		for len(run) > 0 && strings.EqualFold(run[len(run)-1].text, "of") {
			run = run[:len(run)-1]
		}
		if len(run) == 0 {
			return
		}
		start, end := run[0].start, run[len(run)-1].end
		phrase := body[start:end]
		run = run[:0]
		c, k := canonWith(phrase, aliases)
		if c == "" || nonSubjects[c] || demonyms[c] || titles[c] || placeWords[c] {
			return
		}
		var buf [32]byte
		if next := strings.Trim(nextWord(body[end:s.End]), `"'’´“”‘(),.:;!?`); appWords[string(appendLower(buf[:0], next))] {
			k = kindApp
		}
		if k == kindUnknown && titles[string(appendLower(buf[:0], prevWord(body[s.Start:start])))] {
			// "spokeswoman Irena Halvorsk"
			k = kindPerson
			c, _ = canonWith("mr "+phrase, aliases)
		}
		out = append(out, mention{canon: c, text: phrase, kind: k, start: start, end: end})
	}
	off, i := 0, -1
	var lower [32]byte
	for w := range strings.FieldsSeq(text) {
		i++
		j := strings.Index(text[off:], w) + off
		off = j + len(w)
		clean := strings.Trim(w, `"'’´“”‘(),.:;!?—–-`)
		capital := startsUpper(clean)
		nonSubject := func() bool { return nonSubjects[string(appendLower(lower[:0], clean))] }
		switch {
		case i == 0 && !capital:
			continue
		case i == 0 && nonSubject():
			continue
		case capital && !nonSubject():
			start := s.Start + j + strings.Index(w, clean)
			run = append(run, word{clean, start, start + len(clean)})
		case clean == "of" && len(run) > 0:
			start := s.Start + j
			run = append(run, word{clean, start, start + 2})
		default:
			flush()
			continue
		}
		// Punctuation after a word ends the name.
		if strings.TrimRight(w, `,.:;!?)"”’`) != w {
			flush()
		}
	}
	flush()
	return out
}

// startsUpper reports whether w starts with an upper-case or title-case
// letter in any script: "Łódź" and "Émile" are names as much as "Oskel".
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// prevWord is the last word of s, without punctuation.
func prevWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.Trim(s[strings.LastIndexFunc(s, unicode.IsSpace)+1:], `"'’´“”‘(),.:;!?`)
}

// nextWord is the first word of s, as strings.Fields would have it.
func nextWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// insideDate reports whether a figure is part of a date mention ("In
// 2017"): the date owns it. dates are in text order.
func insideDate(q recognize.Quantity, dates []recognize.Date) bool {
	for _, d := range dates {
		if d.Start >= q.End {
			break
		}
		if q.Start < d.End {
			return true
		}
	}
	return false
}
