package extract

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A claim's frame is what makes two claims comparable: the thing measured
// (the story's own event, or another named thing), the measure, and the
// time it holds. The sentence-level passes pick a subject and an attribute
// from the words nearest the figure; settleFrames then reads them as a
// careful reader would before two sources are set side by side:
//
//   - A tally of a disaster's toll (the dead, the injured, the missing, the
//     homes destroyed) belongs to the event, never to whoever counted it:
//     "the sheriff's office", "the health ministry" and "Cal Fire" report
//     the story's toll. It stays apart only when the sentence ties it to a
//     different named event ("the 1918 Cloquet fire", "the Woolsey Fire")
//     that the article's title and lead do not name, or to a place that is
//     not the story's own (one country's toll is not another's).
//   - A subject that is only a date word mistaken for a name is the story.
//   - The measure of a figure counted in people or names is read from the
//     clause around it: "the number of people killed rose to 83" counts
//     deaths, "563 people remained unaccounted for" the missing.

// tallies are measures of a disaster's human and material toll.
var tallies = wordSet(`deaths injuries missing evacuated displaced rescued arrests homes houses residences buildings structures acres hectares victims survivors`)

// eventNouns name events, which another event of the same kind can be
// mistaken for: "the Woolsey Fire", "the 1999 earthquake".
var eventNouns = wordSet(`fire fires wildfire blaze quake earthquake blast explosion explosions attack attacks bombing bombings shooting shootings crash disaster flood floods storm hurricane typhoon cyclone war tsunami eruption collapse`)

// dateWords are subjects that are only a calendar word mistaken for a name.
var dateWords = wordSet(`jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday`)

// groupNouns count people by who they are, not by what happened to them:
// "four boys were brought out" counts the rescued.
var groupNouns = wordSet(`boys girls players students pupils workers miners passengers tourists migrants children victims`)

// harmCounts are the measures of what befell people, which a part of them
// ("45 children", "18 Canadians") qualifies.
var harmCounts = wordSet(`deaths injuries missing hospitalised rescued evacuated arrests trapped`)

// subgroupNouns name a part of the people an incident befell.
var subgroupNouns = wordSet(`children boys girls women men adults students pupils foreigners tourists firefighters soldiers officers policemen nationals`)

// directionWords name one way of a flow.
var directionWords = wordSet(`westbound eastbound northbound southbound inbound outbound incoming outgoing`)

// direction is the way of a flow a figure counts, named shortly before it in
// its clause ("eastbound traffic at about $4.5bn"), or "".
func direction(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	before := strings.Fields(strings.ToLower(sentence[max(0, at-60):at]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-7; i-- {
		w := strings.Trim(before[i], ",;:")
		if directionWords[w] {
			return w
		}
		if w != before[i] {
			break // a clause ends
		}
	}
	return ""
}

// subgroup is the plural noun right after a figure when it names a part
// of those an incident befell: a kind of person ("45 children"), or a
// people written with a capital ("18 Canadians", "32 Kenyans"); else "".
func subgroup(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	next := strings.Fields(sentence[at+len(figure):])
	if len(next) > 3 && next[0] == "of" && next[1] == "the" && isDigit(next[2][0]) {
		next = next[3:] // "eight of the 12 boys": boys
	}
	if len(next) == 0 {
		return ""
	}
	w := strings.Trim(next[0], ",.;:")
	noun := strings.ToLower(w)
	if subgroupNouns[noun] || startsUpper(w) && len(noun) > 4 && (strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "ese")) {
		return noun
	}
	return ""
}

// weakHeads are nouns after a figure that say what was counted only by
// what the clause goes on to say: "names on the list of the missing".
var weakHeads = wordSet(`people persons others names count number figure figures total list`)

// settleFrames reads every figure's measure and thing as settleFrames's
// doc above describes; lead is the opening of the article body.
func (b *builder) settleFrames() {
	lead := b.body
	if i := strings.Index(lead, "\n\n"); i > 0 {
		lead = lead[:i]
	}
	if len(lead) > 600 {
		lead = lead[:600]
	}
	own := strings.ToLower(b.article.Title + " " + lead)
	kept := b.claims[:0]
	for _, c := range b.claims {
		if c.Value != nil && (partOfName(c.Sentence, c.Value.Text) || clockTime(c.Sentence, c.Value.Text)) {
			continue
		}
		kept = append(kept, c)
	}
	b.claims = kept
	var placed []int            // figures qualified by the place they are counted in
	var prevOld, prevNew string // the last figure's attribute as found and as settled
	var prevQual string         // and its qualifier
	var earlier []settled       // the sentence's figures before this one
	prevStart := -1
	for i := range b.claims {
		c := &b.claims[i]
		if c.Date != nil {
			b.dateFrame(c, own)
			continue
		}
		if c.Value == nil {
			continue
		}
		if who := ageOf(c.Sentence, c.Value); who != "" {
			// "Saman Kunan, 38,", "their 25-year-old coach": a
			// person's age, which a story does not change.
			c.Subject, c.Attribute, c.Qualifier = who, "age", ""
			prevOld, prevNew, prevStart = "", "age", c.Start
			continue
		}
		found := c.Attribute
		if c.Start != prevStart {
			earlier = earlier[:0]
			if found == "count" && prevNew != "" && !weakHeads[prevNew] && bareChange(c.Sentence, c.Value.Text) {
				// "... put the number of affected consumers at 143
				// million. In October it added 2.5 million, for a
				// total of 145.5 million": the measure goes on.
				c.Attribute = prevNew
			}
		}
		if c.Start == prevStart && c.Attribute == prevOld && prevNew != prevOld && !namesItsNoun(c.Sentence, c.Value.Text, c.Attribute) &&
			(prevNew != "magnitude" || c.Value.Number < 10) {
			// "a magnitude 3.5 earthquake, while Jordan's observatory put
			// it at 4.5": a figure that took its measure from the one
			// before takes that one's measure as settled.
			c.Attribute = prevNew
		}
		readMeasure(c)
		if m := measuredAgain(c, earlier); m != "" {
			// "the USGS put its magnitude at 7.8 and its depth at
			// 17.9 km, while AFAD measured it at 7.7": "it" is the
			// measure of the figure before in the same unit.
			c.Attribute = m
		}
		if c.Start == prevStart && ofThem(c.Sentence, c.Value.Text) {
			// "485 admitted to hospital, and 149 of them still
			// treated": a part of the figure before, by its measure.
			c.Attribute = prevNew
		} else if c.Start != prevStart && prevNew != "" && weakHeads[c.Attribute] && ofThem(c.Sentence, c.Value.Text) {
			// "87 million whose data may have been shared. More than
			// 70 million of those people live in the U.S.": a part of
			// the last sentence's last figure.
			c.Attribute = prevNew
		}
		if d := direction(c.Sentence, c.Value.Text); d != "" && c.Qualifier == "" {
			// "westbound traffic at about $5.1bn a day": one way's
			// share, not the whole.
			c.Qualifier = "among " + d
		}
		if g := subgroup(c.Sentence, c.Value.Text); g != "" && c.Qualifier == "" && harmCounts[c.Attribute] {
			// "45 children died": the children among the dead, never
			// the toll itself.
			c.Qualifier = "among " + g
		}
		qualifyCount(c)
		if w := besides(c.Sentence, c.Value.Text); w != "" && c.Qualifier == "" {
			// "Three navy Seals and an army doctor": a count that
			// leaves out someone the group had, never set against
			// "four Seals, a doctor among them".
			c.Qualifier = "with " + w
		}
		if pop, ok := strings.CutPrefix(prevQual, "added "); ok && c.Start == prevStart && c.Qualifier == "" && c.Attribute == prevNew && totalOf(c.Sentence, c.Value.Text) {
			// "11,670 more Canadians, which brought the total past
			// 19,000": the total of those just added to.
			c.Qualifier = pop
		}
		lostItem(c)
		readUnits(c)
		qualifyScope(c)
		prevOld, prevNew, prevStart, prevQual = found, c.Attribute, c.Start, c.Qualifier
		earlier = append(earlier, settled{attr: c.Attribute, unit: figureUnit(c, found), qual: c.Qualifier})
		c.Subject = b.thing(c, own)
		if c.Subject == storySubject {
			if ev := otherEvent(c.Sentence, c.Value.Text, b.ownNow(own)); ev != "" {
				c.Subject = ev
			}
		}
		if b.qualifyPlace(c) {
			placed = append(placed, i)
		}
		if among(c.Sentence, c.Value.Text) && c.Qualifier == "" {
			// "18 Canadians were among the 157 killed": a part of the
			// toll, never the toll itself, and never another part.
			c.Qualifier = strings.TrimSpace("among " + partNamed(c.Sentence, c.Value.Text))
		}
	}
	// A place qualifies a toll only where the article counts tolls in more
	// than one place; an article that names only the story's own place
	// ("60,000 hectares in Vannermark Province") says nothing by it.
	places := make(map[string]bool)
	for _, i := range placed {
		places[b.claims[i].Qualifier] = true
	}
	if len(places) < 2 {
		for _, i := range placed {
			b.claims[i].Qualifier = ""
		}
	}
}

// clockTime reports whether a figure is an hour of the clock: "at 6
// a.m.", "8 p.m.", "10am".
func clockTime(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	w := strings.ToLower(strings.TrimRight(nextWord(sentence[at+len(figure):]), ",;:)"))
	if w == "" {
		w = strings.ToLower(strings.TrimRight(gluedUnit(sentence[at+len(figure):]), "."))
	}
	switch strings.TrimRight(w, ".") {
	case "a.m", "p.m", "am", "pm", "gmt", "utc":
		return true
	}
	return false
}

// besidesRE follows a count whose group had someone else as well: "navy
// Seals and an army doctor".
var besidesRE = regexp.MustCompile(`^\s*(?:[A-Za-z][\w-]*\s+){1,3}and (?:a|an|one|two|three) ((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)`)

// besides is who a count's group had besides those it counts ("doctor" of
// "three navy Seals and an army doctor"), or "".
func besides(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	m := besidesRE.FindStringSubmatch(sentence[at+len(figure):])
	if m == nil {
		return ""
	}
	words := strings.Fields(strings.ToLower(m[1]))
	for i, w := range words {
		if strings.HasSuffix(w, ",") || i == len(words)-1 || !nounish(words[i+1]) {
			return strings.TrimRight(w, ",")
		}
	}
	return ""
}

// nounish reports whether a lower-case word may go on a noun phrase ("army
// doctor") rather than begin what is said of it ("doctor came").
func nounish(w string) bool {
	w = strings.TrimRight(w, ",")
	return !strings.HasSuffix(w, "ed") && !auxiliaries[w] && w != "came" && w != "went" && w != "who" && w != "which" && w != "that"
}

// bareChangeRE ends the words before a figure that changes a count without
// naming it: "it added", "raised that to", "cut it to".
var bareChangeRE = regexp.MustCompile(`(?i)\b(?:it|they|that|the company|the firm)\s+(?:added|raised|revised|cut|lowered|increased)(?:\s+(?:it|that|the figure|the estimate))?(?:\s+(?:to|by))?\s+(?:(?:about|around|nearly|another|some)\s+)?$`)

// bareChange reports whether a figure changes the count the sentence before
// named, without a noun of its own: "In October it added 2.5 million".
func bareChange(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 || !bareChangeRE.MatchString(sentence[:at]) {
		return false
	}
	next := strings.TrimLeft(nextWord(sentence[at+len(figure):]), ",")
	return next == "" || !isLetter(rune(next[0])) // no noun of its own
}

// settled is what settleFrames made of a figure: its measure, unit and
// qualifier.
type settled struct{ attr, unit, qual string }

// figureUnit is the unit a figure is written in: its value's ("$", "%"),
// a length's written after it ("17.9km", "62 km"), or "" for a count.
func figureUnit(c *Claim, found string) string {
	switch {
	case c.Value.Unit != "":
		return c.Value.Unit
	case lengthUnits[found]:
		return found
	}
	return unitAfter(c.Sentence, c.Value.Text)
}

// itAtRE ends the words before a figure that a pronoun gives the measure
// of: "measured it at", "put it at about".
var itAtRE = regexp.MustCompile(`(?i)\b(?:put|puts|measured|measures|rated|rates|estimated|estimates|recorded|records|registered|gave|gives|placed|places|revised|raised|lowered|upgraded|downgraded)\s+it\s+(?:at|as|to)\s+(?:(?:about|around|roughly|nearly|almost|some|just|over|under|a|magnitude)\s+)*$`)

// measuredAgain is the measure a figure written as "measured it at N"
// takes from the last figure before it in its sentence with the same
// unit and a measure of its own, or "".
func measuredAgain(c *Claim, earlier []settled) string {
	at := figureAt(c.Sentence, c.Value.Text)
	if at < 0 || !itAtRE.MatchString(c.Sentence[:at]) {
		return ""
	}
	unit := figureUnit(c, c.Attribute)
	for i := len(earlier) - 1; i >= 0; i-- {
		if e := earlier[i]; e.unit == unit && e.attr != "" && !weakHeads[e.attr] {
			return e.attr
		}
	}
	return ""
}

// readMeasure reads what a figure counts from the words that govern it:
// its verb, its clause, "magnitude", what happened to people counted.
func readMeasure(c *Claim) {
	if m := verbBefore(c.Sentence, c.Value.Text); m != "" {
		// "killed at least 113 people and injured more than 4,000":
		// the verb that governs the figure says what it counts, over
		// any that follows it.
		c.Attribute = m
	} else if m, after := clauseMeasure(c.Sentence, c.Value.Text); m != "" && (after && (!namesItsNoun(c.Sentence, c.Value.Text, c.Attribute) || peopleNouns[c.Attribute] || groupNouns[c.Attribute] || subgroup(c.Sentence, c.Value.Text) != "") || weakHeads[c.Attribute] || c.Attribute == "count" || c.Attribute == "users") {
		// What the figure's own clause says it counts ("249 still
		// unaccounted for") wins over a measure carried over from
		// the figure before it; but what befell "most of Facebook's
		// 2.2 billion users" is not the count of them all.
		if !(m == "affected" && ownedCount(c.Sentence, c.Value.Text)) {
			c.Attribute = m
		}
	}
	if magnitude(c.Sentence, c.Value.Text) {
		c.Attribute = "magnitude"
	}
	if c.Value.Unit == "%" && nextWordIs(c.Sentence, c.Value.Text, "contained") {
		// "100% contained", "85 percent contained": how much of a
		// fire's edge is held, a measure of its own.
		c.Attribute = "contained"
	}
	if (peopleCounts[c.Attribute] || subgroup(c.Sentence, c.Value.Text) != "") && affectedRE.MatchString(c.Sentence) && !harmCounts[c.Attribute] &&
		!ownedCount(c.Sentence, c.Value.Text) {
		// ("most of Facebook's 2.2 billion users": the platform's own
		// count, whatever befell most of them.)
		// "147.9 million Americans affected", "the total affected",
		// "another 2.4 million U.S. consumers whose names": one
		// measure, whose population (the US, the UK) qualifies it.
		pop := population(c.Sentence, c.Value.Text, c.Attribute)
		c.Attribute = "affected"
		if pop != "" && c.Qualifier == "" {
			c.Qualifier = pop
		}
	}
}

// lostItem marks a count of people who lost one item of their data ("the
// credit card numbers of about 209,000 consumers", "209,000 U.S.
// customers also had their credit card numbers stolen"): a part of all
// affected, wherever they live; but a change stays a change.
func lostItem(c *Claim) {
	if strings.HasPrefix(c.Qualifier, "added") || c.Qualifier == "earlier" || ownedCount(c.Sentence, c.Value.Text) {
		return
	}
	if item := dataItem(c.Sentence, c.Value.Text); item != "" && (peopleCounts[c.Attribute] || c.Attribute == "affected") {
		c.Attribute, c.Qualifier = "affected", "among "+item
	}
}

// dataItemBeforeRE and dataItemAfterRE find the item of personal data a
// count of people lost, just before the figure or in the words after it.
var (
	dataItemBeforeRE = regexp.MustCompile(`(?i)\b(credit card|debit card|social security|passport|driver'?s licen[cs]e|bank account) (?:numbers|details) of\s+(?:about |around |some |nearly |more than )?$`)
	dataItemAfterRE  = regexp.MustCompile(`(?i)^.{0,40}?\b(?:their|whose) (credit card|debit card|social security|passport|driver'?s licen[cs]e|bank account) (?:numbers|details)\b`)
)

// dataItem is the item of personal data a count of people lost ("credit
// card"), or "".
func dataItem(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	if m := dataItemBeforeRE.FindStringSubmatch(sentence[max(0, at-60):at]); m != nil {
		return strings.ToLower(m[1])
	}
	if m := dataItemAfterRE.FindStringSubmatch(sentence[at+len(figure):]); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// qualifyCount marks a figure that is not the count itself: what remains
// of it, an earlier estimate, a change.
func qualifyCount(c *Claim) {
	if c.Qualifier == "" && remainder(c.Sentence, c.Value.Text) {
		// "the remaining four boys": what is left of a count, not
		// the count.
		c.Qualifier = "remaining"
	}
	if (c.Qualifier == "" || c.Attribute == "affected") && (c.AsOf == nil || c.AsOf.Text == PublicationDate) && earlierEstimate(c.Sentence, c.Value.Text) {
		// "At the time it estimated 143 million": an earlier figure
		// whose time the writer leaves open, never today's, whatever
		// population it counted.
		c.Qualifier = "earlier"
	}
	if increment(c.Sentence, c.Value.Text) || c.Attribute == "affected" && newlyFound(c.Sentence, c.Value.Text) {
		// "2.4 million more", "another 2.4 million", "up 171": a
		// change, never the count itself, of its population if any.
		c.Qualifier = strings.TrimSpace("added " + c.Qualifier)
	}
}

// readUnits reads what a length or a sum of money measures, and who is on
// board.
func readUnits(c *Claim) {
	if m := spanOf(c.Sentence, c.Value.Text); m != "" {
		// "a three-month state of emergency", "a state of emergency
		// lasting three months": how long that thing lasts.
		c.Attribute = m
		return
	}
	if m := hyphenLength(c.Sentence, c.Value.Text); m != "" {
		// "the 93-metre spire", "the 400-metre-long ship": what the
		// thing is, whatever the sentence's verb says might happen to
		// it ("would replace the 96-metre spire").
		c.Attribute, c.Modality = m, ""
	} else if u := unitAfter(c.Sentence, c.Value.Text); u != "" && !lengthUnits[c.Attribute] {
		c.Attribute = u // "62 km southeast of": the unit, not the direction
	}
	if lengthUnits[c.Attribute] {
		c.Attribute = lengthMeasure(c.Sentence, c.Value.Text, c.Attribute)
	}
	if c.Attribute == "amount" || currency(c.Value.Unit) {
		c.Attribute = moneyMeasure(c.Sentence, c.Value.Text)
		if r := rate(c.Sentence, c.Value.Text); r != "" && c.Qualifier == "" {
			c.Qualifier = r
		}
		if c.Attribute == "pledges" {
			// One donor's gift is not the sum of all gifts.
			if donor := donorOf(c.Sentence, c.Value.Text); donor != "" {
				c.Subject = donor
			} else if totalRE.MatchString(c.Sentence) && c.Qualifier == "" {
				c.Qualifier = "total"
			}
		}
	}
	if c.Qualifier == "" && !currency(c.Value.Unit) && c.Attribute != "amount" {
		if r := rate(c.Sentence, c.Value.Text); r != "" {
			c.Qualifier = r // "30,000 visitors a day" is no yearly count
		}
	}
	if c.Attribute == "passengers" && andCrew(c.Sentence, c.Value.Text) {
		c.Attribute = "passengers and crew" // everyone on board
	}
	after := strings.Fields(strings.ToLower(c.Sentence[min(len(c.Sentence), max(0, figureAt(c.Sentence, c.Value.Text))+len(c.Value.Text)):]))
	switch {
	case c.Attribute == "tons" && c.Qualifier == "":
		// "2,750 tons" may be metric tonnes spelt the American way, or
		// short tons: the same number agrees, another never conflicts
		// (Judge keeps differently qualified figures apart).
		c.Attribute, c.Qualifier = "tonnes", "tons"
	case len(after) > 1 && strings.Trim(after[1], ",.;:") == "members" && isLetter(rune(after[0][0])):
		c.Attribute = after[0] // "eight crew members" are the crew
	case (c.Attribute == "nations" || c.Attribute == "countries") && wordBefore(c.Sentence, c.Value.Text) == "from":
		// "passengers came from 35 nations": their nationalities.
		c.Attribute = "nationalities"
	}
}

// timeUnits name the units of a span of time, by their plural.
var timeUnits = map[string]string{
	"hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years",
	"hours": "hours", "days": "days", "weeks": "weeks", "months": "months", "years": "years",
}

// lastingRE ends the words before a span's figure that name what lasts:
// "a state of emergency lasting".
var lastingRE = regexp.MustCompile(`(?i)\b(?:a|an|the)\s+([a-z]+)(?:\s+[a-z]+){0,3}\s+lasting\s+$`)

// spanOf reads a figure that says how long a thing lasts, as the unit and
// the thing: "a three-month state of emergency" and "a state of emergency
// lasting three months" are both "months state"; "" for any other figure.
func spanOf(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	rest := sentence[at+len(figure):]
	if strings.HasPrefix(rest, "-") {
		// "three-month state", "10-day curfew"
		words := strings.Fields(rest[1:])
		if len(words) > 1 {
			if u := timeUnits[strings.ToLower(words[0])]; u != "" && isLetter(rune(words[1][0])) {
				return u + " " + strings.ToLower(strings.Trim(words[1], ",.;:"))
			}
		}
		return ""
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return ""
	}
	u := timeUnits[strings.ToLower(strings.Trim(words[0], ",.;:"))]
	if u == "" {
		return ""
	}
	if m := lastingRE.FindStringSubmatch(sentence[:at]); m != nil {
		return u + " " + strings.ToLower(m[1])
	}
	return ""
}

// nextWordIs reports whether the word right after a figure is word.
func nextWordIs(sentence, figure, word string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	return strings.ToLower(strings.Trim(nextWord(sentence[at+len(figure):]), ",.;:")) == word
}

// ownedCount reports whether a count is written as someone's own, right
// after a possessive ("its 2.2 billion users", "Facebook's 2.2 billion
// users"): the whole they have.
func ownedCount(sentence, figure string) bool {
	w := wordBefore(sentence, figure)
	return w == "its" || w == "their" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// totalOf reports whether a figure is called a total just before it ("which
// brought the total past 19,000").
func totalOf(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	return at >= 0 && strings.Contains(strings.ToLower(sentence[max(0, at-40):at]), "total")
}

// wordBefore is the word right before a figure, lower-cased, or "".
func wordBefore(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	return strings.ToLower(prevWord(sentence[:at]))
}

// qualifyPlace qualifies a toll by the place it is counted in ("5,383
// injured in Turkey", "In Syria, 2,530 deaths": one country's toll, never
// the whole story's nor a neighbour's) and reports whether it did;
// settleFrames keeps the qualifier only where the article splits its tolls
// by place.
func (b *builder) qualifyPlace(c *Claim) bool {
	if c.Qualifier != "" || !tallies[c.Attribute] || c.Subject != storySubject {
		return false
	}
	p := b.placeBefore(c)
	if p == "" {
		p = b.placeThere(c)
	}
	if p == "" {
		p = placeOf(c.Sentence, c.Value.Text)
	}
	if p == "" {
		p = b.authorityPlace(c)
	}
	if p == "" {
		p = regionBefore(c.Sentence, c.Value.Text)
	}
	if p == "" {
		return false
	}
	c.Qualifier = "in " + p
	return true
}

// regionRE opens a sentence with a region named by its direction: "In the
// rebel-held northwest,", "In the country's south,".
var regionRE = regexp.MustCompile(`(?i)^\s*in the (?:[\w'’-]+\s+){0,2}(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s*,`)

// regionBefore is the region, by its direction, that a sentence opens with
// before a toll ("In the rebel-held northwest, rescuers said 790 were
// dead": that region's toll), or "".
func regionBefore(sentence, figure string) string {
	m := regionRE.FindStringSubmatchIndex(sentence)
	if m == nil || figureAt(sentence, figure) < m[1] {
		return ""
	}
	return strings.ReplaceAll(strings.ToLower(sentence[m[2]:m[3]]), "-", "")
}

// qualifyScope marks a toll's scope, a revision, and a figure of another
// event than the story's: a second quake, one months before.
func qualifyScope(c *Claim) {
	if q := tollScope(c.Sentence, c.Value.Text); q != "" && c.Qualifier == "" {
		c.Qualifier = q
	}
	c.Revision = revisable[c.Attribute] && revisionRE.MatchString(c.Sentence)
	if c.Qualifier != "" || (c.Attribute != "magnitude" && !tallies[c.Attribute]) {
		return
	}
	at := figureAt(c.Sentence, c.Value.Text)
	clause, opening := c.Sentence, c.Sentence
	if at >= 0 {
		clause = clauseOf(c.Sentence, at, at+len(c.Value.Text))
		opening = c.Sentence[:at]
		if i := strings.IndexAny(opening, ","); i >= 0 {
			opening = opening[:i] // "About nine hours later, ..."
		}
	}
	switch {
	case (laterEventRE.MatchString(clause) || laterEventRE.MatchString(opening)) && !afterEvent(c.Sentence, at):
		c.Qualifier = "later event"
	case earlierEventRE.MatchString(clause):
		c.Qualifier = "earlier"
	}
}

// incidentVerbs are the lemmas (see eventVerbs and lemma) of what happens
// to a story in the first place: the crash, the blast, the fire that
// starts. Dated under the story, they all date the one event.
var incidentVerbs = wordSet(`intrusion hack cyberattack disaster kill die tear rip aground disappear crash hit strike explode ripp rip devastat devastate destroy collapse wip wipe level attack bomb erupt sink capsize burn begin start ignite spark derail shake swept sweep went explosion explosions blast blasts bombing bombings fire blaze crash quake earthquake tremor eruption collision derailment accident storm hurricane typhoon cyclone tsunami flood flooding landslide avalanche attacks shooting`)

// spokeVerbs say that someone spoke; their dates meet under "say".
var spokeVerbs = wordSet(`say vow announce tell state claim warn pledge promise`)

// dateFrame files a dated event of the story's own incident (the story's
// subject or a place, a claimant, an agency reporting it) under one
// measure, "occur", so that "crashed on Sunday", "Sunday's crash" and
// "went down on Sunday" meet.
func (b *builder) dateFrame(c *Claim, own string) {
	if words := strings.Fields(c.Subject); b.d.topic != "" && b.d.kindOf(b.d.topic) != kindPlace && len(words) > 1 &&
		companyHeads[words[len(words)-1]] && !slices.ContainsFunc(words, publicBodyWords) && strings.Contains(c.Sentence, " "+c.Subject) {
		// "The credit reporting agency said Thursday", "the credit
		// reporting agency disclosed the breach on Sept. 7": a company
		// described, not named, is the one the story is about.
		c.Subject = b.d.topic
	}
	if words := strings.Fields(c.Subject); len(words) > 0 && eventNouns[words[len(words)-1]] {
		if name := strings.Join(words[:len(words)-1], " "); name == "" || strings.Contains(own, name) {
			// "declared the fire contained on Sunday", "the Camp Fire
			// was contained": the story's own event, named by its
			// kind alone or as its title or lead names it.
			c.Subject = storySubject
		}
	}
	if src := strings.TrimPrefix(strings.ToLower(b.article.Source), "the "); src != "" && (c.Subject == src || strings.Contains(c.Subject, src)) {
		// "(Reuters) - ... found them on July 2": the outlet reports
		// the event; it is never what the event is of.
		c.Subject = storySubject
	}
	if (c.Attribute == "report" || c.Attribute == "disclose") && newsOutlet(c.Subject) {
		// "the Observer revealed the data harvesting on 17 March",
		// "The Observer and The New York Times reported on March 17":
		// the press broke the story, one report of many.
		c.Subject, c.Attribute = storySubject, "report"
		return
	}
	if m := publicLearnedRE.FindStringIndex(c.Sentence); c.Attribute == "learn" && m != nil && strings.Index(c.Sentence[m[1]:], c.Date.Text) >= 0 {
		// "the public only learned of the attack on Sept. 8": the day
		// it was disclosed, by the company the story is about.
		c.Attribute, c.Subject = "disclose", storySubject
		if b.d.topic != "" && b.d.kindOf(b.d.topic) != kindPlace {
			c.Subject = b.d.topic
		}
		return
	}
	if m := reportedRE.FindStringIndex(c.Sentence); m != nil && (c.Attribute == "report" || c.Attribute == "discover" || c.Attribute == "spot") {
		if at := strings.Index(c.Sentence[m[1]:], c.Date.Text); at >= 0 && at <= 30 {
			// "the moment the blaze was reported two days earlier":
			// an incident is first reported as it happens.
			c.Subject, c.Attribute = storySubject, "occur"
			return
		}
	}
	if spokeVerbs[c.Attribute] && b.d.kindOf(c.Subject) == kindPerson {
		// "vowed on Tuesday", "said on Tuesday": a person spoke.
		c.Attribute = "say"
		return
	}
	if c.Qualifier == "earlier" || !incidentVerbs[c.Attribute] {
		return
	}
	if c.Subject != storySubject && !b.pub.IsZero() && c.Date.End < b.pub.AddDate(0, 0, -30).Format(time.DateOnly) &&
		strings.Contains(strings.ToLower(c.Sentence), c.Subject+" "+c.Attribute) {
		// "the Lion Air disaster off Indonesia on Oct. 29", in a
		// story of March: a named incident months before is another,
		// though the lead names it.
		c.Qualifier = "earlier"
		if b.others == nil {
			b.others = make(map[string]bool)
		}
		b.others[c.Subject] = true
		return
	}
	s := c.Subject
	words := strings.Fields(s)
	if len(words) > 0 && eventNouns[words[len(words)-1]] {
		name := strings.Join(words[:len(words)-1], " ")
		if name != "" && !strings.Contains(own, name) {
			return // another event
		}
	} else if s != storySubject && s != "" && s != b.d.topic && !dateWords[words[0]] {
		switch b.d.kindOf(s) {
		case kindPerson, kindApp:
			return // what a person or a product did
		}
	}
	if c.Place == "" && s != storySubject && len(words) > 0 && !dateWords[words[0]] {
		c.Place = s
	}
	c.Subject, c.Attribute = storySubject, "occur"
}

// outletWords end the names of news outlets: "The New York Times", "the
// Observer", "The Washington Post".
var outletWords = wordSet(`times post observer guardian journal news press herald tribune gazette telegraph independent chronicle courier mail express standard`)

// newsOutlet reports whether a subject names a news outlet.
func newsOutlet(subject string) bool {
	words := strings.Fields(subject)
	return len(words) > 0 && outletWords[words[len(words)-1]]
}

// publicLearnedRE finds the public learning of something: its disclosure.
var publicLearnedRE = regexp.MustCompile(`(?i)\bthe public (?:only |first )?(?:learned|learnt|heard|found out) (?:of|about)\b`)

// reportedRE finds an incident reported or spotted, in the passive: "the
// blaze was reported", "the fire was first spotted".
var reportedRE = regexp.MustCompile(`(?i)\b(?:fire|fires|wildfire|blaze|explosion|blast|quake|earthquake|crash|attack|flood|leak)\s+(?:was|were|had been)\s+(?:first\s+)?(?:reported|spotted|detected|noticed|discovered)\b`)

// ownNow is own, the title and lead that name the story's own event,
// without the names of incidents found to be others (see dateFrame).
func (b *builder) ownNow(own string) string {
	for name := range b.others {
		own = strings.ReplaceAll(own, name, "")
	}
	return own
}

// companyHeads end a company described, not named: "the credit reporting
// agency", "the airline".
var companyHeads = wordSet(`company firm agency group operator carrier airline bank giant maker`)

// publicBodyWords mark a public body, never the company a story is about.
func publicBodyWords(w string) bool {
	switch w {
	case "regulator", "regulatory", "authority", "government", "ministry", "police", "state", "national", "federal", "news", "emergency", "health", "space":
		return true
	}
	return false
}

// governingVerbs map a verb that takes a figure as its object ("killed at
// least 113", "killing all 157") to the measure.
var governingVerbs = map[string]string{
	"killed": "deaths", "killing": "deaths", "kills": "deaths", "kill": "deaths",
	"injured": "injuries", "injuring": "injuries", "wounded": "injuries", "wounding": "injuries",
	"evacuated": "evacuated", "evacuating": "evacuated",
	"displaced": "displaced", "displacing": "displaced",
	"rescued": "rescued", "rescuing": "rescued", "freed": "rescued", "freeing": "rescued",
	"arrested": "arrests", "detained": "arrests",
	"draws": "visitors", "drawing": "visitors", "attracts": "visitors", "attracting": "visitors",
}

// broughtOut follows a count brought out of danger: "of the 12 boys out
// of the flooded cave".
var broughtOut = regexp.MustCompile(`^(?:\s+[\w-]+){0,5}\s+out\b`)

// hedgeWords may stand between a verb and its figure.
var hedgeWords = wordSet(`all at least most more than over some about around nearly almost roughly an estimated up to as many a total of another`)

// verbBefore is the measure of a figure that a governing verb takes as its
// object: the verb before it, past any hedge words, in the same clause.
func verbBefore(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at <= 0 {
		return ""
	}
	if next := strings.Fields(sentence[at+len(figure):]); len(next) > 0 && strings.Trim(next[0], ",.;") == "times" {
		return "" // "killed nearly three times as many": a ratio
	}
	words := strings.Fields(strings.ToLower(sentence[:at]))
	for i := len(words) - 1; i >= 0 && i >= len(words)-5; i-- {
		w := strings.Trim(words[i], `"'“”‘’`)
		if m, ok := governingVerbs[w]; ok {
			return m
		}
		if (w == "brought" || w == "bringing" || w == "pulled") && broughtOut.MatchString(sentence[at+len(figure):]) {
			return "rescued" // "brought eight of the 12 boys out of the cave"
		}
		if !hedgeWords[w] {
			return ""
		}
	}
	return ""
}

// thing is the subject a figure is compared under.
func (b *builder) thing(c *Claim, own string) string {
	if m := fortuneOfRE.FindStringSubmatch(c.Sentence); c.Attribute == "fortune" && m != nil {
		// "adding $3 billion to Zuckerberg's personal fortune": the
		// fortune is its owner's, whoever the sentence is about.
		return strings.ToLower(m[1])
	}
	s := c.Subject
	if s == storySubject || s == "" {
		return storySubject
	}
	words := strings.Fields(s)
	if dateWords[words[0]] {
		return storySubject
	}
	if src := strings.TrimPrefix(strings.ToLower(b.article.Source), "the "); src != "" && (src == s || strings.Contains(s, src)) {
		// "(Reuters) - Equifax said": the outlet reports; it is never
		// what is measured.
		return storySubject
	}
	if c.AttributedTo != nil && b.d.kindOf(s) == kindPerson && strings.Contains(strings.ToLower(*c.AttributedTo), s) && !possessed(c.Sentence, c.Value.Text) {
		// "Prime Minister Hassan Diab said 2,750 tonnes": the speaker
		// is who says it, not what it is about.
		return storySubject
	}
	if c.Attribute == "affected" && (s == b.d.topic || strings.Contains(own, s)) {
		// "up to 87m Facebook users": those a breach of the story's own
		// company reached are the breach's count.
		return storySubject
	}
	if pop := populations[s]; c.Attribute == "affected" && pop != "" && (c.Qualifier == "" || c.Qualifier == pop) {
		// "a file of 15.2 million UK records, affecting 694,000
		// British consumers": the country is whose people were
		// affected, a qualifier of the breach's count.
		c.Qualifier = pop
		return storySubject
	}
	if c.Attribute == "affected" && len(words) > 1 && institutionWords[words[len(words)-1]] {
		// "the credit reference agency said it had found another 2.4
		// million people": the company counting, not a thing counted.
		return storySubject
	}
	event := eventNouns[words[len(words)-1]]
	if event {
		// The story's own event is the one its title or lead names, or
		// that the text names by its kind alone ("the fire"); any other
		// is a different event, kept apart.
		name := strings.Join(words[:len(words)-1], " ")
		if name == "" || strings.Contains(own, name) {
			return storySubject
		}
		return s
	}
	if c.Attribute == "contained" || c.Attribute == "pledges" && c.Qualifier == "total" {
		// The fire's containment, the sum of all gifts: the story's,
		// whoever reports or holds them ("the government had received
		// offers totaling 850 million").
		return storySubject
	}
	if (b.d.kindOf(s) == kindPlace && s == b.d.topic || officeOf(c.Sentence, s)) && !tallies[c.Attribute] {
		// "Beirut's governor put the damage at $10bn": the story's
		// own place is the story, and a place named only as an
		// office's ("Lagos's governor") says who speaks, not what.
		return storySubject
	}
	if tallies[c.Attribute] {
		// Whoever counted the toll, it is the event's; only a place that
		// is not the story's own keeps it (a country's toll is not its
		// neighbour's).
		if s != b.d.topic && b.d.kindOf(s) == kindPlace {
			return s
		}
		return storySubject
	}
	return s
}

// officeWords are the offices of a place, which its possessive names:
// "Beirut's governor", "the city's mayor" (not a company's: "Facebook's
// president" may speak of Facebook's own figures).
var officeWords = wordSet(`governor mayor premier minister ministry police authorities government council prosecutor`)

// officeOf reports whether a place is named in sentence only as the holder
// of an office ("Beirut's governor estimated"), every time it appears.
func officeOf(sentence, place string) bool {
	low := strings.ToLower(sentence)
	seen := false
	for off := 0; ; {
		i := strings.Index(low[off:], place)
		if i < 0 {
			return seen
		}
		i += off
		off = i + len(place)
		rest := low[off:]
		rest, ok := strings.CutPrefix(rest, "'s ")
		if !ok {
			rest, ok = strings.CutPrefix(rest, "’s ")
		}
		if !ok || !officeWords[strings.Trim(nextWord(rest), ",.;:")] {
			return false
		}
		seen = true
	}
}

// fortuneOfRE finds whose fortune a sum is: "Zuckerberg's personal
// fortune", "Arnault's net worth".
var fortuneOfRE = regexp.MustCompile(`([A-Z][\w-]+)(?:'s|’s) (?:personal |own |net )?(?:fortune|net worth|wealth)`)

// possessed reports whether a figure is something of the speaker's: "her
// two children".
func possessed(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := strings.Fields(strings.ToLower(sentence[max(0, at-12):at]))
	if n := len(before); n > 0 {
		switch before[n-1] {
		case "her", "his", "their", "its", "my", "our":
			return true
		}
	}
	return false
}

// institutionWords end the names of bodies that count and report.
var institutionWords = wordSet(`agency company firm bureau ministry office department authority regulator group`)

// measureCues map the words that say what a figure counts, read in the
// clause around a figure of people or names, to the measure.
var measureCues = map[string]string{
	"killed": "deaths", "dead": "deaths", "died": "deaths", "deaths": "deaths", "death": "deaths", "toll": "deaths",
	"fatalities": "deaths", "lives": "deaths",
	"injured": "injuries", "wounded": "injuries", "injuries": "injuries", "hurt": "injuries",
	"unaccounted": "missing", "missing": "missing", "found": "found", "accounted": "found", "located": "found",
	"evacuated": "evacuated", "evacuees": "evacuated",
	"displaced": "displaced", "homeless": "displaced",
	"rescued": "rescued", "freed": "rescued", "brought": "rescued", "pulled": "rescued", "saved": "rescued",
	"trapped": "trapped", "stranded": "trapped",
	"arrested": "arrests", "detained": "arrests", "custody": "arrests",
	"affected":     "affected",
	"hospitalised": "hospitalised", "hospitalized": "hospitalised",
}

// clauseMeasure reads what a figure in sentence counts from the words of
// its clause: "the number of people killed has risen to 83", "563 people
// remained unaccounted for", "still trying to account for 271 people". It
// returns "" when the clause names no measure or names two; after is set
// when the words after the figure named it.
func clauseMeasure(sentence, figure string) (measure string, after bool) {
	at := figureAt(sentence, figure)
	if at < 0 {
		return "", false
	}
	if next := strings.Fields(sentence[at+len(figure):]); len(next) > 0 && strings.Trim(next[0], ",.;") == "times" {
		return "", false // "three times as many": a ratio
	}
	lo, hi := at, at+len(figure)
	// The clause: back to the last clause break before the figure, on to
	// the next after it.
	for lo > 0 && !strings.ContainsRune(";:—–", rune(sentence[lo-1])) && !(sentence[lo-1] == ',' && lo < at-60) {
		lo--
	}
	for hi < len(sentence) && !strings.ContainsRune(",;:—–.", rune(sentence[hi])) {
		hi++
	}
	before := strings.ToLower(sentence[lo:at])
	rest := strings.ToLower(sentence[at+len(figure) : hi])
	// "157 passengers and crew who died": one noun phrase.
	rest = strings.Replace(rest, " and crew", " crew", 1)
	if i := strings.Index(rest, " and "); i >= 0 {
		rest = rest[:i] // "113 people and injured more": another figure's
	}
	found := ""
	pick := func(text string) bool {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isLetter(r) }) {
			if m, ok := measureCues[w]; ok {
				if found != "" && found != m {
					found = "-"
					return false
				}
				found = m
			}
		}
		return true
	}
	// After the figure first: "N people were killed"; then what leads to
	// it: "the number of dead stood at N".
	if strings.Contains(rest, "lost their homes") || strings.Contains(rest, "lost homes") {
		return "displaced", true
	}
	if strings.Contains(rest, "hospital") {
		// "485 admitted to hospital with injuries", "40 remain in
		// hospital": those in care, a measure of its own.
		return "hospitalised", true
	}
	pick(rest)
	if found != "" && found != "-" {
		return found, true
	}
	if found == "" && strings.Contains(before, "account for") {
		found = "missing"
	}
	if found == "" && (strings.Contains(before, "number of") || strings.Contains(before, "toll") || strings.Contains(before, "count of")) {
		pick(before)
	}
	if found == "-" {
		return "", false
	}
	return found, false
}

// laterEventRE and earlierEventRE find a sentence about another event
// than the story's own of the same kind: a second quake, an aftershock, a
// quake months before.
var (
	laterEventRE   = regexp.MustCompile(`(?i)\b(a second|aftershocks?|hours later|minutes later|followed in|followed by)\b`)
	earlierEventRE = regexp.MustCompile(`(?i)\b(months|years|decades) (after|before|earlier|ago)\b|\bthe previous\b`)
)

// afterEvent reports whether the figure at at names the event another came
// after: "hours after a magnitude 7.7 tremor".
func afterEvent(sentence string, at int) bool {
	if at < 0 {
		return false
	}
	before := strings.ToLower(sentence[max(0, at-30):at])
	return strings.Contains(before, "after a ") || strings.Contains(before, "after the ")
}

// magnitude reports whether a figure is a magnitude: "magnitude 7.8",
// "a 7.8 magnitude quake", "a 7.8-magnitude quake".
func magnitude(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := strings.Fields(strings.ToLower(sentence[max(0, at-30):at]))
	if n := len(before); n > 0 && (before[n-1] == "magnitude" || n > 1 && before[n-2] == "magnitude" && (before[n-1] == "of" || before[n-1] == "at")) {
		return true
	}
	after := strings.ToLower(sentence[at+len(figure):])
	return strings.HasPrefix(after, " magnitude") || strings.HasPrefix(after, "-magnitude")
}

// lengthUnits are the attributes of lengths, which say only how a length
// was measured, not what it measures.
var lengthUnits = wordSet(`km kilometers kilometres miles mile metres meters m feet ft yards`)

// lengthMeasure reads what a length measures from the words around it: a
// depth ("at a depth of 17.9 km"), a height ("the 93m spire", "96 metres
// tall"), a distance from a named place ("50 kilometers south of Addis
// Ababa") or from something else ("4 km from the entrance"). The unit is
// kept: kilometres never meet miles. A length the words do not tie to
// anything stays the bare unit, a generic measure that meets nothing.
func lengthMeasure(sentence, figure, unit string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return unit
	}
	unitName := map[string]string{"kilometers": "km", "kilometres": "km", "mile": "miles", "meters": "metres", "m": "metres", "ft": "feet"}[unit]
	if unitName == "" {
		unitName = unit
	}
	clause := clauseOf(sentence, at, at+len(figure))
	ci := strings.Index(sentence, clause)
	before := strings.ToLower(sentence[max(ci, at-40):at])
	after := sentence[at+len(figure):]
	if len(after) > 80 {
		after = after[:80]
	}
	lower := strings.ToLower(after)
	switch {
	case strings.Contains(before, "depth") || strings.HasPrefix(strings.TrimLeft(lower, " "), "deep") || strings.Contains(lower[:min(len(lower), 25)], " deep"):
		return unitName + " deep"
	case strings.Contains(lower[:min(len(lower), 25)], "tall") || strings.Contains(lower[:min(len(lower), 25)], "high") || strings.Contains(before, "height"):
		return unitName + " high"
	}
	if w := strings.Fields(lower); len(w) > 1 && lengthUnits[strings.Trim(w[0], ",.;")] {
		if d, ok := dimensions[strings.Trim(w[1], ",.;")]; ok {
			return unitName + " " + d // "400 meters long"
		}
	}
	if m := fromPlaceRE.FindStringSubmatch(after); m != nil {
		// The direction describes; the place is what the distance is from.
		return unitName + " from " + strings.ToLower(strings.TrimSpace(m[2]))
	}
	if strings.HasSuffix(strings.TrimSpace(before), "the") || strings.HasSuffix(strings.TrimSpace(before), " a") {
		// "the 93m spire": the noun after names what is measured.
		w := strings.Fields(after)
		if len(w) > 0 && lengthUnits[strings.ToLower(w[0])] {
			w = w[1:] // "57m chimney" leaves "m chimney"
		}
		if len(w) > 0 {
			return unitName + " " + strings.ToLower(strings.Trim(w[0], ",.;"))
		}
	}
	return unit
}

// peopleCounts are attributes that count people or their records without
// saying what happened to them.
var peopleCounts = wordSet(`people persons individuals americans canadians britons consumers customers users accounts residents count affected number total`)

// affectedRE finds what a breach or a disaster did to the people counted.
var affectedRE = regexp.MustCompile(`(?i)\b(affected|affecting|hit by|were hit|exposed|stolen|compromised|breached|harvested|obtained|(?:data|information|details|profiles|records) (?:of|on|about)|whose (?:personal |partial )?(?:data|details|information|names)|identified|were taken|had been taken)\b`)

// populations map the words that name whose records or people are counted
// to one name for the population.
var populations = map[string]string{
	"americans": "us", "american": "us", "u.s.": "us", "us": "us", "u.s": "us",
	"british": "uk", "britons": "uk", "uk": "uk", "u.k.": "uk", "u.k": "uk", "britain": "uk",
	"canadians": "canada", "canadian": "canada", "canada": "canada",
}

// population names the population a count of people is of, from its noun
// phrase ("2.4 million U.S. consumers", "694,000 British consumers") or
// what follows ("people in the US", "residents of the U.K."), or "".
func population(sentence, figure, attr string) string {
	if p := populations[attr]; p != "" {
		return p
	}
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	words := strings.Fields(strings.ToLower(sentence[at+len(figure):]))
	for i, w := range words {
		if i >= 6 {
			break
		}
		w = strings.Trim(w, ",;:()")
		if p := populations[w]; p != "" {
			return p
		}
		if strings.HasSuffix(w, ".") && populations[strings.TrimSuffix(w, ".")] == "" && i > 0 {
			break
		}
	}
	return ""
}

// earlierRE finds a writer placing a figure before the time of writing
// without saying when.
var earlierRE = regexp.MustCompile(`(?i)\b(at the time|initially|originally|at first|first (?:broke|emerged|revealed)|first (?:estimated|reported|said|put|disclosed|gave)|previously|had (?:earlier )?(?:said|estimated|reported|given))\b`)

// earlierEstimate reports whether the figure's clause, before it, says it
// was an earlier estimate.
func earlierEstimate(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := sentence[:at]
	if l := strings.ToLower(before); !strings.Contains(l, "time") && !strings.Contains(l, "initial") && !strings.Contains(l, "original") &&
		!strings.Contains(l, "first") && !strings.Contains(l, "previous") && !strings.Contains(l, "had ") {
		return false
	}
	if i := strings.LastIndexAny(before, ";:"); i >= 0 {
		before = before[i+1:]
	}
	return earlierRE.MatchString(before)
}

// andCrew reports whether the passengers counted are said with the crew:
// "157 passengers and crew".
func andCrew(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	rest := strings.ToLower(sentence[at+len(figure):])
	return strings.HasPrefix(strings.TrimSpace(rest), "passengers and crew")
}

// placeInRE finds the place a figure is counted in: "injured in Turkey",
// "In Syria, ...".
var (
	placeInRE    = regexp.MustCompile(`^\s*(?:[a-z]+\s+){0,5}in\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)?)`)
	possessiveRE = regexp.MustCompile(`\b([A-Z][\w-]+)['’]s\b`)
	placeLeadRE  = regexp.MustCompile(`^\s*In\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)?),`)
	notPlaceWord = wordSet(`january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday the a an`)
)

// placeOf names the place a count is of, when its clause says so right
// after it ("5,383 injured in Turkey") or the sentence opens with it ("In
// Syria, 2,530 deaths have been recorded"), or "".
func placeOf(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	name := ""
	rest := sentence[at+len(figure):]
	if i := strings.IndexAny(rest, ",;"); i >= 0 {
		rest = rest[:i]
	}
	if m := placeInRE.FindStringSubmatch(rest); m != nil {
		name = m[1]
	} else if m := placeLeadRE.FindStringSubmatch(sentence); m != nil && len(m[0]) <= at && !strings.Contains(sentence[len(m[0]):at], ";") {
		// The sentence the place opens ("In Syria, ... along with 1,284
		// injuries").
		name = m[1]
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || notPlaceWord[strings.Fields(name)[0]] {
		return ""
	}
	return name
}

// placeBeforeRE finds a name right before a figure: "and Syria 2,662".
var placeBeforeRE = regexp.MustCompile(`(?:^|\band |, )([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) $`)

// placeBefore is the place a figure's gapped clause names right before it
// ("Turkey had confirmed 9,057 deaths and Syria 2,662"), or "".
func (b *builder) placeBefore(c *Claim) string {
	at := figureAt(c.Sentence, c.Value.Text)
	if at < 0 {
		return ""
	}
	m := placeBeforeRE.FindStringSubmatch(c.Sentence[max(0, at-40):at])
	if m == nil {
		return ""
	}
	if w := strings.ToLower(m[1]); b.d.kindOf(w) == kindPlace {
		return w
	}
	return ""
}

// placeThere is the place a figure's "there" points back to, the first
// the sentence names before it ("Hatay has suffered worst: 1,647 people
// had been killed there"), or "".
func (b *builder) placeThere(c *Claim) string {
	at := figureAt(c.Sentence, c.Value.Text)
	if at < 0 {
		return ""
	}
	rest := c.Sentence[at+len(c.Value.Text):]
	if i := strings.IndexAny(rest, ",;.:"); i >= 0 {
		rest = rest[:i]
	}
	if !slices.Contains(strings.Fields(rest), "there") {
		return ""
	}
	unknown := ""
	for _, w := range strings.Fields(c.Sentence[:at]) {
		w = strings.Trim(w, `,.;:"'“”‘’()`)
		if !startsUpper(w) {
			continue
		}
		switch b.d.kindOf(strings.ToLower(w)) {
		case kindPlace:
			return strings.ToLower(w)
		case kindUnknown:
			if unknown == "" {
				unknown = strings.ToLower(w)
			}
		}
	}
	return unknown // a name the gazetteer lacks, most often a district
}

// authorityPlace is the place whose authority gives a toll: a claimant
// that is a place ("according to Syria"), or a place's possessive before
// the figure in its clause ("Syria's health ministry said 812").
func (b *builder) authorityPlace(c *Claim) string {
	if c.AttributedTo != nil {
		if who := strings.ToLower(strings.TrimSpace(*c.AttributedTo)); b.d.kindOf(who) == kindPlace {
			return who
		}
	}
	at := figureAt(c.Sentence, c.Value.Text)
	if at < 0 {
		return ""
	}
	clause := clauseOf(c.Sentence, at, at+len(c.Value.Text))
	ci := strings.Index(c.Sentence, clause)
	if ci < 0 || ci > at {
		return ""
	}
	for _, m := range possessiveRE.FindAllStringSubmatch(c.Sentence[ci:at], -1) {
		if w := strings.ToLower(m[1]); b.d.kindOf(w) == kindPlace {
			return w
		}
	}
	return ""
}

// remainder reports whether a figure is what is left of a count: "the
// remaining four", "the last four", "the other 12".
func remainder(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := strings.Fields(strings.ToLower(sentence[max(0, at-20):at]))
	if n := len(before); n > 0 {
		switch before[n-1] {
		case "remaining", "last", "final", "other", "rest":
			return true
		}
	}
	return false
}

// newlyFoundRE finds people counted as found besides those known: "also
// stole ... of 2.4 million", "2.4 million who had not been identified
// before", "newly identified".
var newlyFoundRE = regexp.MustCompile(`(?i)\b(also|newly)\b|\bnot (?:been |previously )?(?:identified|reported|counted|disclosed)\b`)

// newlyFound reports whether the clause of a count of people affected says
// they come on top of those known: a change, not the count.
func newlyFound(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	return newlyFoundRE.MatchString(clauseOf(sentence, at, at+len(figure)))
}

// changeVerbs move a figure up or down.
var changeVerbs = wordSet(`cut cuts raised raises raise increased increases increase reduced reduces reduce rose rises risen rise fell falls fallen fall dropped drops drop lowered lowers lower revised revises revise grew grows grown climbed climbs jumped jumps surged surges slashed trimmed boosted`)

// increment reports whether a figure is a change rather than a count: "2.4
// million more", "another 2.4 million", "an additional 5,000", "up 171",
// "rose by 12".
func increment(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := strings.Fields(strings.ToLower(sentence[max(0, at-30):at]))
	if n := len(before); n > 0 {
		if w := before[n-1]; w == "adding" || n > 1 && before[n-2] == "adding" && (w == "about" || w == "some" || w == "nearly" || w == "almost") {
			return true // "adding about $3 billion to his fortune": what was added
		}
		switch before[n-1] {
		case "another", "additional", "further", "extra", "added":
			return true
		case "by":
			// "cut the toll by more than 100, to 253", "rose by 12":
			// the amount of a change, not the count it changed.
			words := strings.Fields(strings.ToLower(sentence[:at]))
			for _, w := range words[max(0, len(words)-14):] {
				if changeVerbs[strings.Trim(w, ",;")] {
					return true
				}
			}
			return false
		case "up":
			// "up 171 from Monday's 699", not "closed up 4.5%"
			rest := strings.Fields(strings.ToLower(sentence[at+len(figure):]))
			return len(rest) > 0 && rest[0] == "from"
		}
	}
	after := strings.Fields(strings.ToLower(sentence[at+len(figure):]))
	return len(after) > 0 && (after[0] == "more" || after[0] == "additional") &&
		!(len(after) > 1 && after[1] == "than")
}

// hyphenUnits name the units a figure carries hyphenated, by the name its
// measures go under.
var hyphenUnits = map[string]string{
	"metre": "metres", "meter": "metres", "m": "metres", "kilometre": "km", "kilometer": "km", "km": "km",
	"mile": "miles", "foot": "feet", "ft": "feet", "yard": "yards",
}

// dimensions are what a hyphenated length says it measures.
var dimensions = map[string]string{"long": "long", "wide": "wide", "high": "high", "tall": "high", "deep": "deep"}

// hyphenLength reads a length written "93-metre spire" or "400-metre-long
// ship" as the unit and what it measures ("metres spire", "metres long"),
// or "" when the figure carries no hyphenated length unit.
func hyphenLength(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	rest := sentence[at+len(figure):]
	if !strings.HasPrefix(rest, "-") {
		return ""
	}
	words := strings.Fields(rest[1:])
	if len(words) == 0 {
		return ""
	}
	parts := strings.Split(strings.ToLower(strings.Trim(words[0], ",.;:")), "-")
	unit, ok := hyphenUnits[parts[0]]
	if !ok {
		return ""
	}
	if len(parts) > 1 {
		if d, ok := dimensions[parts[1]]; ok {
			return unit + " " + d
		}
	}
	if len(words) > 1 {
		if d, ok := dimensions[strings.ToLower(strings.Trim(words[1], ",.;:"))]; ok {
			return unit + " " + d
		}
		return unit + " " + strings.ToLower(strings.Trim(words[1], ",.;:"))
	}
	return unit
}

// unitAfter is the length unit written right after a figure, if any.
func unitAfter(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	w := strings.Fields(sentence[at+len(figure):])
	if len(w) == 0 {
		return ""
	}
	u := strings.ToLower(strings.Trim(w[0], ",.;()"))
	if lengthUnits[u] && u != "m" {
		return u
	}
	return ""
}

// fromPlaceRE finds the place a distance is measured from: "(31 miles)
// south of Addis Ababa", "from the entrance".
var fromPlaceRE = regexp.MustCompile(`^\s*(?:[a-zA-Z]+\)?\s*)?(?:\([^)]*\)\s*)?(?:farther |further )?(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|from|inside|of)\s+(?:of\s+)?(?:the\s+)?((?:[A-Z][\w'’-]*\s?){1,3}|entrance|epicentre|epicenter|coast|border|capital)`)

// currency reports whether unit is a currency code ("USD", "EUR").
func currency(unit string) bool {
	return len(unit) == 3 && strings.ToUpper(unit) == unit && unit[0] >= 'A' && unit[0] <= 'Z'
}

// moneyCues map the words around a sum of money to what it measures.
var moneyCues = []struct {
	re      *regexp.Regexp
	measure string
}{
	{regexp.MustCompile(`(?i)\b(damages?|destruction)\b`), "damage"},
	{regexp.MustCompile(`(?i)\blosses\b|\blost\b`), "damage"},
	{regexp.MustCompile(`(?i)\b(pledg\w*|donat\w*|gave|give|giving|gift|offer\w*|fundrais\w*|(?:answered|came|followed)\b[^.;]{0,80}\bwith)\b`), "pledges"},
	{regexp.MustCompile(`(?i)\b(fortune|net worth|wealth)\b`), "fortune"},
	{regexp.MustCompile(`(?i)\b(closed at|share price|stock price|shares? (?:rose|fell|closed|traded))\b`), "share price"},
	{regexp.MustCompile(`(?i)\b(fined?|penalty|settlement)\b`), "fine"},
	{regexp.MustCompile(`(?i)\b(value of|worth of|goods|of (?:world |global )?trade)\b`), "value of goods"},
	{regexp.MustCompile(`(?i)\b(costs?|costing|bill|budget|renovation|overhaul|refurbishment|repairs?)\b`), "cost"},
	{regexp.MustCompile(`(?i)\b(revenues?|sales|income)\b`), "revenue"},
	{regexp.MustCompile(`(?i)\b(profits?|earnings)\b`), "profit"},
	{regexp.MustCompile(`(?i)\b(aid|appeal\w*|relief|seek\w*|sought|asking for|asked for|request\w*)\b`), "aid"},
}

// moneyCueRE is moneyCues in one expression, one group each, so that a
// clause is read once for all of them.
var moneyCueRE = func() *regexp.Regexp {
	var parts []string
	for i, c := range moneyCues {
		parts = append(parts, fmt.Sprintf("(?P<c%d>%s)", i, strings.TrimPrefix(c.re.String(), "(?i)")))
	}
	return regexp.MustCompile("(?i)" + strings.Join(parts, "|"))
}()

// moneyCueGroups is the group of moneyCueRE that each of moneyCues is.
var moneyCueGroups = func() []int {
	out := make([]int, len(moneyCues))
	for i, name := range moneyCueRE.SubexpNames() {
		var n int
		if _, err := fmt.Sscanf(name, "c%d", &n); err == nil {
			out[n] = i
		}
	}
	return out
}()

// moneyMeasure reads what a sum of money measures from its clause
// ("put the damage at $3 billion", "pledged 100 million euros"); a sum
// whose clause names nothing stays "amount", which meets no other sum of
// the story's.
func moneyMeasure(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return "amount"
	}
	// The sentence up to the figure's clause end: what leads to a sum
	// ("Pledges ... are now close to €1bn, ... including €100m from the
	// Pinault family") names it as well as what follows it.
	lo := 0
	if i := strings.LastIndexAny(sentence[:at], ";:"); i >= 0 {
		lo = i + 1
	}
	hi := min(len(sentence), at+len(figure)+40)
	if i := strings.IndexAny(sentence[at+len(figure):hi], ";:,"); i >= 0 {
		hi = at + len(figure) + i
	}
	clause := sentence[lo:hi]
	found, where := "amount", -1
	for _, m := range moneyCueRE.FindAllStringSubmatchIndex(clause, -1) {
		// The cue nearest the figure names it.
		d := m[0] - (at - lo)
		if d < 0 {
			d = -d
		}
		if where >= 0 && d >= where {
			continue
		}
		for g, at := range moneyCueGroups {
			if m[2*at] >= 0 {
				found, where = moneyCues[g].measure, d
				break
			}
		}
	}
	return found
}

// totalRE finds a sum of many gifts: "pledges had reached", "offers
// totalling", "in all".
var totalRE = regexp.MustCompile(`(?i)\b(reached|total\w*|in all|so far|altogether|now close to)\b`)

// donorRE finds who gives a sum: "from the Pinault family", "the Arnault
// family pledged", "Bernard Arnault answered with".
var (
	donorAfterRE  = regexp.MustCompile(`^\s*(?:\([^)]*\)\s*)?from (?:the )?((?:[A-Z][\w'’-]*\s?){1,3})`)
	donorBeforeRE = regexp.MustCompile(`((?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*)(?:,[^,]{1,60},)?\s+(?:family\s)?(?:\w+\s){0,2}(?:offered|pledged|gave|donated|promised|answered with|came with|with)\s+$`)
)

// donorOf names who gives the sum figure in sentence, or "".
func donorOf(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	name := ""
	if m := donorAfterRE.FindStringSubmatch(sentence[at+len(figure):]); m != nil {
		name = m[1]
	} else if m := donorBeforeRE.FindStringSubmatch(sentence[max(0, at-100):at]); m != nil {
		name = m[1]
	}
	words := strings.Fields(strings.ToLower(name))
	for len(words) > 0 && (words[0] == "the" || dateWords[words[0]]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	// The family name: the last capitalised word.
	return words[len(words)-1]
}

// rateRE finds a rate after a figure: "$9.6bn a day", "$400m an hour".
var rateRE = regexp.MustCompile(`(?i)^\s*(?:[a-z]+ ){0,3}(?:a|an|per|each|every) (hour|day|week|month|year)\b(\s+(?:ago|earlier|later|before|after)\b)?`)

// rate is "per day" and the like for a figure stated per unit of time.
func rate(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	rest := sentence[at+len(figure):]
	if len(rest) > 40 {
		rest = rest[:40]
	}
	if m := rateRE.FindStringSubmatch(rest); m != nil && m[2] == "" { // not "a year ago"
		return "per " + strings.ToLower(m[1])
	}
	if m := everyRE.FindStringSubmatch(sentence[:at]); m != nil {
		return "per " + strings.ToLower(m[1]) // "Every day that the ship stays stuck, $9.6bn ..."
	}
	return ""
}

// everyRE opens a sentence with the period a figure is counted per.
var everyRE = regexp.MustCompile(`(?i)^\s*(?:every|each) (hour|day|week|month|year)\b`)

// revisable are the tallies that only grow, which a writer may say a
// figure revises.
var revisable = wordSet(`deaths injuries arrests`)

// namesItsNoun reports whether the figure is followed by the noun it
// counts, attr ("320 farms were affected" counts farms).
func namesItsNoun(sentence, figure, attr string) bool {
	at := figureAt(sentence, figure)
	if at < 0 || attr == "" {
		return false
	}
	next := strings.Fields(strings.ToLower(sentence[at+len(figure):]))
	for i := 0; i < len(next) && i < 3; i++ {
		w := strings.Trim(next[i], ",.;:")
		if w == attr || strings.TrimSuffix(w, "s") == strings.TrimSuffix(attr, "s") {
			return true
		}
	}
	return false
}

// revisionRE finds a writer saying a figure corrects an earlier one.
var revisionRE = regexp.MustCompile(`(?i)\b(revis\w*|cut|lowered|reduced|downgraded|corrected|overstated|counted twice|double[- ]counted|in error|far fewer than|fewer than previously|down from)\b`)

// scopeWords widen or narrow a toll to a population other than the
// story's: "the statewide toll", "the overall death toll".
var scopeWords = wordSet(`statewide nationwide national global worldwide overall combined total regional`)

// combinedRE finds the events of a whole place or season counted
// together: "the state's wildfires", "this year's floods".
var combinedRE = regexp.MustCompile(`(?i)\b(state|country|nation|region|province|year|season)['’]s (\w+ )?(wildfires|fires|quakes|earthquakes|attacks|floods|storms|disasters)\b`)

// tollScope is the scope word before "toll" or "death toll" in the figure's
// clause, if any, or "combined" for the toll of a place's or a season's
// events together.
func tollScope(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	if (strings.Contains(sentence[:at], "'s") || strings.Contains(sentence[:at], "’s")) && combinedRE.MatchString(sentence[:at]) {
		return "combined"
	}
	words := strings.Fields(strings.ToLower(sentence[max(0, at-80):at]))
	for i := len(words) - 1; i > 0; i-- {
		if strings.Trim(words[i], ",.") != "toll" {
			continue
		}
		j := i - 1
		if words[j] == "death" && j > 0 {
			j--
		}
		if w := strings.Trim(words[j], ",."); scopeWords[w] {
			return w
		}
		return ""
	}
	return ""
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// eventRE finds a named event: capitalised words (after an optional year)
// before an event noun, with at most one lower-case word between ("the
// 1918 Cloquet fire", "the Woolsey Fire", "the Christchurch mosque
// shootings", "The Lion Air jet").
var eventRE = regexp.MustCompile(`(?:\b\d{4}\s+)?((?:[A-Z][\w'’.-]*\s+){1,4})(?:[a-z]+\s+)?(?:((?i:fire|fires|wildfire|blaze|quake|earthquake|blast|explosion|attack|attacks|bombing|bombings|shooting|shootings|crash|jet|plane|flight|storm|hurricane|typhoon|cyclone|flood|floods)))\b`)

// eventStems are the beginnings of the event nouns eventRE finds, looked
// for before the expression is run.
var eventStems = []string{"fire", "blaze", "quake", "blast", "explosion", "attack", "bombing", "shooting", "crash", "jet", "plane", "flight", "storm", "hurricane", "typhoon", "cyclone", "flood"}

// mentionsEvent reports whether sentence may name an event at all.
func mentionsEvent(sentence string) bool {
	l := strings.ToLower(sentence)
	for _, st := range eventStems {
		if strings.Contains(l, st) {
			return true
		}
	}
	return false
}

// otherEvent names the event a story-wide figure in sentence belongs to
// when the sentence ties it to a named event that the article's title and
// lead (own) do not name: the last named event before the figure. It
// returns "" when there is none or it is the story's own.
func otherEvent(sentence, figure, own string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	clause := clauseOf(sentence, at, at+len(figure))
	cs := strings.Index(sentence, clause)
	if w := strings.ToLower(strings.TrimLeft(clause, " ,")); strings.HasPrefix(w, "killing ") || strings.HasPrefix(w, "injuring ") || strings.HasPrefix(w, "wounding ") || strings.HasPrefix(w, "leaving ") {
		// "The Lion Air jet went down in the sea, killing 189 people":
		// a participle's figure is of the main clause's event; "A Lion
		// Air 737 Max 8 plunged into the sea, killing all 189": a named
		// aircraft that went down is its crash.
		cs = 0
		if m := craftDownRE.FindStringSubmatch(sentence[:at]); m != nil {
			if name := strings.ToLower(strings.TrimSpace(m[1])); !strings.Contains(own, name) {
				return name + " crash"
			}
		}
	}
	if !mentionsEvent(sentence) {
		return ""
	}
	ms := eventRE.FindAllStringSubmatchIndex(sentence[cs:at], -1)
	for _, m := range ms {
		for i := range m {
			m[i] += cs
		}
	}
	if len(ms) == 0 {
		// "three people who died in the Woolsey Fire": the event named
		// right after the figure, in its clause.
		end := at + len(figure)
		rest := sentence[end:]
		if i := strings.IndexAny(rest, ",;"); i >= 0 {
			rest = rest[:i]
		}
		if len(rest) > 60 {
			rest = rest[:60]
		}
		m := eventRE.FindStringSubmatchIndex(rest)
		if m == nil || !strings.Contains(rest[:m[0]], " in ") {
			return ""
		}
		for i := range m {
			m[i] += end
		}
		ms = [][]int{m}
	}
	m := ms[len(ms)-1]
	name := strings.ToLower(strings.TrimSpace(sentence[m[2]:m[3]]))
	for _, w := range strings.Fields(name) {
		if dateWords[strings.Trim(w, ".")] {
			return "" // "Sunday's crash": a date, not a name
		}
	}
	switch name {
	case "the", "a", "an", "":
		return ""
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "a ")
	if strings.Contains(own, name) {
		return ""
	}
	noun := strings.ToLower(sentence[m[4]:m[5]])
	if craftNouns[noun] {
		noun = "crash" // "the Lion Air jet went down, killing 189": its crash
	}
	return name + " " + noun
}

// craftDownRE opens a sentence with a named aircraft that went down: "A
// Lion Air 737 Max 8 plunged".
var craftDownRE = regexp.MustCompile(`^\s*(?:An?|The)\s+((?:[A-Z][\w'’.-]*\s+){1,3})(?:[\w-]*\d[\w-]*\s+|Max\s+|MAX\s+|jet\s+|plane\s+|flight\s+){1,4}(?:plunged|crashed|went down|came down|slammed)\b`)

// craftNouns name an aircraft whose toll is its crash's.
var craftNouns = wordSet(`jet plane flight airliner aircraft`)

// among reports whether the figure counts a part of a larger count: "18
// Canadians were among the 157", "32 of its citizens among the dead", "149
// of them".
func among(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	rest := sentence[at+len(figure):]
	if i := strings.IndexAny(rest, ",;."); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, " that "); i >= 0 {
		rest = rest[:i] // "wounded in the eight blasts and that 38 foreigners were among the dead"
	}
	if len(rest) > 50 {
		rest = rest[:50]
	}
	return strings.Contains(rest, " among ") || ofThem(sentence, figure)
}

// partNamed is the noun phrase that names the part a figure counts, after
// it: "staff members" of "19 of its staff members were among the dead",
// "citizens" of "32 of its citizens among"; "" where none is named or the
// noun says only that they were people.
func partNamed(sentence, figure string) string {
	at := figureAt(sentence, figure)
	if at < 0 {
		return ""
	}
	var words []string
	for i, w := range strings.Fields(strings.ToLower(sentence[at+len(figure):])) {
		t := strings.Trim(w, ",.;:")
		if i == 0 && t == "of" || len(words) == 0 && (t == "its" || t == "their" || t == "the" || t == "his" || t == "her") {
			continue
		}
		if partEnds[t] || t == "" || !isLetter(rune(t[0])) || len(words) == 3 {
			break
		}
		words = append(words, t)
		if t != w {
			break // punctuation ends it
		}
	}
	if len(words) == 0 || len(words) == 1 && (peopleNouns[words[0]] || weakHeads[words[0]]) {
		return ""
	}
	return strings.Join(words, " ")
}

// partEnds end the noun phrase of a part.
var partEnds = wordSet(`were was are is among who had have and or them whom those`)

// ofThem reports whether a figure counts a part of those just named: "149
// of them", "12 of whom".
func ofThem(sentence, figure string) bool {
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	rest := sentence[at+len(figure):]
	return strings.HasPrefix(rest, " of them") || strings.HasPrefix(rest, " of whom") || strings.HasPrefix(rest, " of those")
}

// partOfName reports whether a bare number is part of a name rather than a
// figure: "Boeing 737 Max 8", "Flight 302 crashed", "Apollo 11". The number
// has up to four digits and no separators, the word before it is a
// capitalised word (not the sentence's first, not a calendar word), and
// what follows is no plural noun that the number could count ("the Java
// Sea 13 minutes after take-off" still counts minutes).
func partOfName(sentence, figure string) bool {
	if len(figure) > 4 || strings.Trim(figure, "0123456789") != "" {
		return false
	}
	at := figureAt(sentence, figure)
	if at < 0 {
		return false
	}
	before := strings.Fields(sentence[:at])
	after := strings.Fields(sentence[at+len(figure):])
	n := len(before)
	if n < 2 {
		return false
	}
	prev := strings.Trim(before[n-1], `"'“”‘’(`)
	if prev == "" || prev[0] < 'A' || prev[0] > 'Z' || strings.ContainsAny(prev, ".,;:") || dateWords[strings.ToLower(prev)] {
		return false
	}
	if len(after) == 0 {
		return true
	}
	next := strings.Trim(after[0], `"'“”‘’),.;:`)
	return !strings.HasSuffix(next, "s")
}

// figureAt is where figure stands in sentence as a figure of its own, not
// inside another ("96" in "1962" or "1,962"), or -1. A unit may be glued
// after it ("57m").
func figureAt(sentence, figure string) int {
	if figure == "" {
		return -1
	}
	digitAt := func(i int) bool { return i >= 0 && i < len(sentence) && isDigit(sentence[i]) }
	for off := 0; off < len(sentence); {
		i := strings.Index(sentence[off:], figure)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(figure)
		startsNum, endsNum := isDigit(figure[0]), isDigit(figure[len(figure)-1])
		okBefore := !startsNum || i == 0 || !digitAt(i-1) && !((sentence[i-1] == ',' || sentence[i-1] == '.') && digitAt(i-2)) &&
			!(sentence[i-1] >= 'a' && sentence[i-1] <= 'z' || sentence[i-1] >= 'A' && sentence[i-1] <= 'Z')
		okAfter := !endsNum || end == len(sentence) || !digitAt(end) && !((sentence[end] == ',' || sentence[end] == '.') && digitAt(end+1))
		if okBefore && okAfter {
			return i
		}
		off = i + 1
	}
	return -1
}

// clauseOf is the clause of sentence around the figure at at: from the
// last comma, semicolon or dash before it to the next after it, reaching
// back over a relative clause's comma ("the 1962 fire, which killed 96")
// to what it qualifies.
func clauseOf(sentence string, at, end int) string {
	// Sentences the tokenizer left joined ("at 6.6. A second quake")
	// end at a full stop before a capital.
	if i := strings.LastIndex(sentence[:at], ". "); i >= 0 {
		sentence, at, end = sentence[i+2:], at-i-2, end-i-2
	}
	if i := strings.Index(sentence[end:], ". "); i >= 0 {
		sentence = sentence[:end+i]
	}
	lo := strings.LastIndexAny(sentence[:at], ",;—–")
	if lo >= 0 {
		head := strings.ToLower(strings.TrimSpace(sentence[lo+1 : at]))
		for _, rel := range []string{"which ", "that ", "in which ", "where ", "who ", "when "} {
			if strings.HasPrefix(head, rel) {
				if prev := strings.LastIndexAny(sentence[:lo], ",;—–"); prev >= 0 {
					lo = prev
				} else {
					lo = -1
				}
				break
			}
		}
	}
	hi := strings.IndexAny(sentence[end:], ",;—–")
	if hi < 0 {
		hi = len(sentence)
	} else {
		hi += end
	}
	return sentence[lo+1 : hi]
}

// ageOf reads a figure as a person's age and names whose: the noun after
// "N-year-old" ("their 25-year-old coach": coach), or the name the age
// stands beside ("Saman Kunan, 38,", "the coach, who is 25", "Kunan, aged
// 38"), by its last word; "" when the figure is no age.
func ageOf(sentence string, v *Value) string {
	if v.Hedge != "exact" || v.Number < 1 || v.Number > 120 || v.Number != math.Trunc(v.Number) {
		return ""
	}
	at := figureAt(sentence, v.Text)
	if at < 0 {
		return ""
	}
	before, after := sentence[:at], sentence[at+len(v.Text):]
	if rest, ok := strings.CutPrefix(after, "-year-old "); ok {
		if words := strings.Fields(rest); len(words) > 0 {
			return strings.ToLower(strings.Trim(words[0], ",.;:"))
		}
		return ""
	}
	for _, lead := range []string{", who is ", ", who was ", ", aged ", ", age "} {
		if head, ok := strings.CutSuffix(before, lead); ok {
			return strings.ToLower(prevWord(head))
		}
	}
	if head, ok := strings.CutSuffix(before, ", "); ok && (strings.HasPrefix(after, ",") || strings.HasPrefix(after, ".") || strings.HasPrefix(after, " years old")) {
		if w := prevWord(head); w != "" && startsUpper(w) {
			return strings.ToLower(w)
		}
	}
	return ""
}
