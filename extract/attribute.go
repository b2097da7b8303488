package extract

import (
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/extract/recognize"
)

// attributeWords normalises what a figure counts so that outlets meet:
// "subscribers" and "monthly users" are both users, "killed" and "death
// toll" both deaths.
var attributeWords = map[string]string{
	"user": "users", "users": "users", "subscriber": "users", "subscribers": "users", "account": "users", "accounts": "users",
	"death": "deaths", "deaths": "deaths", "dead": "deaths", "killed": "deaths", "died": "deaths", "fatalities": "deaths",
	"toll": "deaths", "lives": "deaths",
	"arrested": "arrests", "arrests": "arrests", "detained": "arrests", "detentions": "arrests",
	"injured": "injuries", "wounded": "injuries", "injuries": "injuries", "hurt": "injuries",
	"evacuated": "evacuated", "evacuees": "evacuated", "evacuation": "evacuated", "forced": "evacuated",
	"fled": "evacuated", "moved": "evacuated", "rescued": "rescued",
	"displaced": "displaced", "homeless": "displaced",
	"marched": "crowd", "marchers": "crowd", "protesters": "crowd", "demonstrators": "crowd", "protested": "crowd",
	"rallied": "crowd", "turnout": "crowd", "crowd": "crowd", "part": "crowd",
	"cost": "amount", "costs": "amount",
	"blasts": "blasts", "explosions": "blasts",
}

// peopleNouns count people without saying what happened to them; the verb
// that follows does ("14 people died").
var peopleNouns = wordSet(`people persons residents citizens inhabitants iranians villagers individuals civilians adults children men women families households`)

// qualifierWords narrow an attribute without changing what it counts.
var qualifierWords = wordSet(`monthly daily weekly active registered paying new total other commercial residential`)

// attributeOf finds what a figure counts: the noun after it ("5 million
// users"), the verb after a count of people ("12,000 people were
// evacuated"), or a cue before it ("the death toll rose to 14").
func attributeOf(body string, s Sentence, q recognize.Quantity) (attr, qual string) {
	switch q.Unit {
	case "%":
		return "share", ""
	case "fraction":
		return "share", ""
	case "":
	default:
		if len(q.Unit) == 3 && strings.ToUpper(q.Unit) == q.Unit {
			return "amount", ""
		}
	}
	toks := s.Tokens
	i := 0
	for i < len(toks) && toks[i].Start < q.End {
		i++
	}
	var head string
	var quals []string
	if i+1 < len(toks) && strings.EqualFold(toks[i].Text, "of") && toks[i].Start-q.End <= 1 {
		i++ // "dozens of villages"
	}
	for ; i < len(toks); i++ {
		t := toks[i]
		w := strings.ToLower(t.Text)
		if qualifierWords[w] {
			quals = append(quals, w)
			continue
		}
		if (strings.HasPrefix(t.Tag, "NN") || strings.HasPrefix(t.Tag, "JJ")) && startsWithLetter(t.Text) {
			head = w
			if strings.HasPrefix(t.Tag, "NN") && (i+1 >= len(toks) || !strings.HasPrefix(toks[i+1].Tag, "NN")) {
				i++
				break
			}
			continue
		}
		break
	}
	qual = strings.Join(quals, " ")
	if a, ok := attributeWords[head]; ok {
		return a, qual
	}
	if head != "" && !peopleNouns[head] {
		return head, qual
	}
	// A count of people, or no noun: the verb after, then a cue before.
	for j := i; j < len(toks) && j < i+5; j++ {
		w := strings.ToLower(toks[j].Text)
		if a, ok := attributeWords[w]; ok {
			return a, qual
		}
		if (w == "use" || w == "used" || w == "using" || w == "uses") && head != "" {
			return "users", qual
		}
	}
	for j := len(toks) - 1; j >= 0; j-- {
		t := toks[j]
		if t.End > q.Start || q.Start-t.End > 40 {
			continue
		}
		if a, ok := attributeWords[strings.ToLower(t.Text)]; ok {
			return a, qual
		}
	}
	if head != "" {
		return head, qual
	}
	return "", qual
}

// compatible reports whether a subject of kind k can have attribute attr:
// users are counted of apps and organisations, not of people or places.
func compatible(attr string, k kind) bool {
	switch attr {
	case "users":
		return k != kindPerson && k != kindPlace
	}
	return true
}

// usedObject handles "40 million Iranians used the app": the figure counts
// the users of what follows the verb.
func usedObject(body string, s Sentence, ms []mention, after int) (mention, bool) {
	toks := s.Tokens
	for _, t := range toks {
		if t.Start < after || t.Start-after > 40 {
			continue
		}
		w := strings.ToLower(t.Text)
		if w != "use" && w != "used" && w != "uses" {
			continue
		}
		for _, m := range ms {
			if m.start >= t.End && m.start-t.End <= 6 {
				return m, true
			}
		}
	}
	return mention{}, false
}

// clause returns the bounds of the clause around at: "Soroush has 5 million,
// while Gap has 1.3 million" is two clauses with two subjects.
func clause(body string, s Sentence, at int) (lo, hi int) {
	lo, hi = s.Start, s.End
	for _, t := range s.Tokens {
		w := strings.ToLower(t.Text)
		if w == ";" || w == "while" || w == "whereas" || w == "but" || w == "although" || w == "though" {
			if t.End <= at {
				lo = t.End
			} else if t.Start >= at && t.Start < hi {
				hi = t.Start
			}
		}
	}
	return lo, hi
}

// eventVerbs are the verbs that make a dated event worth checking, with the
// lemma they are compared under.
var eventVerbs = map[string]string{
	"ban": "ban", "block": "ban", "prohibit": "ban", "outlaw": "ban", "bar": "ban",
	"lift": "lift", "unblock": "lift", "restore": "restore", "lower": "lift",
	"break": "breach", "fail": "breach", "give": "breach",
	"quit": "quit", "leave": "quit", "stop": "stop", "cease": "stop",
	"announce": "announce", "unveil": "announce", "present": "announce", "launch": "launch", "open": "open", "close": "close", "shut": "close",
	"arrest": "arrest", "detain": "arrest", "kill": "kill", "die": "die",
	"evacuate": "evacuate", "declare": "declare", "breach": "breach", "burst": "breach", "collapse": "collapse",
	"sign": "sign", "approve": "approve", "pass": "pass", "vote": "vote", "elect": "elect",
	"meet": "meet", "visit": "visit", "tour": "visit", "travel": "visit", "arrive": "visit", "march": "march", "protest": "protest", "strike": "strike",
	"issue": "issue", "publish": "publish", "release": "release", "resign": "resign", "appoint": "appoint",
	"hit": "hit", "flood": "flood", "begin": "begin", "start": "begin", "end": "end",
	"explode": "explode", "crash": "crash", "shake": "shake", "tear": "tear", "rip": "rip", "sink": "sink", "capsize": "capsize",
	"erupt": "erupt", "destroy": "destroy", "derail": "derail", "ignite": "ignite", "sweep": "sweep", "aground": "aground", "disappear": "disappear", "vanish": "disappear",
	"wedge": "aground", "jam": "aground", "stuck": "aground", "strand": "aground",
	"testify": "testify", "run out": "run out", "welcome": "receive", "receive": "receive", "observe": "mourn", "mourn": "mourn", "learn": "learn", "find": "find", "locate": "find", "rescue": "rescue", "free": "rescue", "emerge": "rescue", "contain": "contain", "disclose": "disclose", "reveal": "disclose", "discover": "discover", "detect": "discover", "notice": "discover",
	"say": "say", "tell": "say", "claim": "say", "report": "report", "warn": "warn",
}

// phrasalEvents are verbs with a particle that name an incident ("the jet
// went down", "the ship ran aground", "a fire broke out"), by the lemma
// they are compared under.
var phrasalEvents = map[string]string{
	"go down": "crash", "went down": "crash", "gone down": "crash",
	"run aground": "aground", "ran aground": "aground",
	"go missing": "disappear", "went missing": "disappear", "gone missing": "disappear",
	"break out": "begin", "broke out": "begin",
	"make public": "disclose", "made public": "disclose",
	"run out": "run out", "ran out": "run out",
	"appear before": "testify", "appeared before": "testify",
	"bring out": "rescue", "brought out": "rescue", "carry out of": "rescue", "carried out of": "rescue",
	"pull out of": "rescue", "pulled out of": "rescue",
}

// patientVerbs are about what they act on: "Tehran blocked the messenger" is
// an event of the messenger's.
var patientVerbs = wordSet(`ban banned banning bans block blocked blocking blocks lift lifted lifting unblock unblocked quit quits restore restored shut launch launched close closed`)

// lightVerbs carry little of the event themselves: "issued a directive
// banning" is a ban, "said the bridge would close" a closure.
var lightVerbs = wordSet(`say issue report warn`)

// inquiryWords are what a witness faces: "face the committee", "face
// questions from senators".
var inquiryWords = wordSet(`committee committees hearing lawmakers senators congress questions questioning inquiry panel`)

// facesInquiry reports whether "face" at token i is a witness facing an
// inquiry: one of inquiryWords within its next six words.
func facesInquiry(s Sentence, i int) bool {
	for j := i + 1; j < len(s.Tokens) && j <= i+6; j++ {
		if inquiryWords[strings.ToLower(s.Tokens[j].Text)] {
			return true
		}
	}
	return false
}

// phrasalAt is the event of a phrasal verb whose verb, of lemma l, is
// token i: "ran aground", "carried out of the cave", "did not make it
// public"; ok is false when no particle follows that makes one.
func phrasalAt(toks []Token, i int, l string) (event string, ok bool) {
	word := func(j int) string {
		if j < len(toks) {
			return strings.ToLower(toks[j].Text)
		}
		return ""
	}
	if event, ok = phrasalEvents[l+" "+word(i+1)+" of"]; ok && word(i+2) == "of" {
		return event, true
	}
	if event, ok = phrasalEvents[l+" "+word(i+1)]; ok {
		return event, true
	}
	if objectPronouns[word(i+1)] {
		event, ok = phrasalEvents[l+" "+word(i+2)]
		return event, ok
	}
	return "", false
}

// objectPronouns may stand inside a phrasal verb: "make it public".
var objectPronouns = wordSet(`it them this that him her`)

// copulas link a subject to the state an event left it in: "became
// wedged", "got stuck".
var copulas = wordSet(`become becomes became becoming get gets got getting`)

var auxiliaries = wordSet(`be is are was were been being have has had having do does did will would could should may might must can shall`)

// eventVerb finds the verb a date belongs to: the nearest content verb,
// preferring known event verbs over any other. It returns the event's lemma
// and the verb's token index.
func eventVerb(s Sentence, start, end int) (string, int) {
	// "the regulator said on Thursday that ...": the date is when it was
	// said, whatever was said.
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		t := s.Tokens[i]
		if t.End > start {
			continue
		}
		if strings.EqualFold(t.Text, "on") && start-t.End <= 1 && i > 0 {
			t = s.Tokens[i-1]
			i--
		}
		if start-t.End <= 4 && speechVerbs[strings.ToLower(t.Text)] && strings.HasPrefix(t.Tag, "VB") {
			l := lemma(t.Text)
			if ev, ok := eventVerbs[l]; ok {
				return ev, i
			}
			return l, i
		}
		break
	}
	// A verb after the date across a comma belongs to another clause when
	// one comes before it: "burst through a levee yesterday, flooding
	// farmland" is a breach, while "On Sunday, the ministry banned" is a ban.
	verbBefore := false
	for _, t := range s.Tokens {
		if t.End <= start && strings.HasPrefix(t.Tag, "VB") && !auxiliaries[strings.ToLower(t.Text)] {
			verbBefore = true
		}
	}
	best, bestIdx, bestDist := "", -1, 1<<30
	for i, t := range s.Tokens {
		w := strings.ToLower(t.Text)
		// prose often tags a gerund as a noun: "a directive banning".
		gerund := strings.HasSuffix(w, "ing") && eventVerbs[lemma(w)] != ""
		// and a strong past tense or a phrasal verb after its subject as a
		// noun: "an earthquake shook", "a freighter ran aground".
		l := lemma(w)
		p, phrasal := phrasalAt(s.Tokens, i, l)
		if phrasal {
			l = p
		}
		past := (incidentVerbs[irregular[w]] || phrasal) && i > 0 && strings.HasPrefix(s.Tokens[i-1].Tag, "NN")
		// and a participle after "become" or "get" as an adjective: "had
		// become jammed".
		copular := i > 0 && copulas[strings.ToLower(s.Tokens[i-1].Text)] && eventVerbs[l] != ""
		if !strings.HasPrefix(t.Tag, "VB") && !gerund && !past && !copular {
			continue
		}
		if auxiliaries[w] || copulas[w] {
			continue
		}
		if (l == "face" || l == "apologize" || l == "apologise" || l == "tell") && facesInquiry(s, i) {
			l = "testify" // "to face the House Energy and Commerce Committee", "apologized to Congress"
		}
		ev, known := eventVerbs[l]
		if !known {
			ev = l
		}
		dist := t.Start - end
		if t.End <= start {
			dist = start - t.End
		}
		if !known {
			dist += 60 // any verb beats nothing, but a known event wins
		}
		if lightVerbs[ev] {
			dist += 20 // what is said or issued is usually the event
		}
		if incidentVerbs[ev] && t.End <= start && !commaBetween(s, t.End, start) {
			// "went down minutes after leaving the capital on Sunday":
			// the incident the clause reports is when the day is.
			dist -= 40
		}
		if verbBefore && t.Start >= end {
			// A date usually closes the clause of the verb before it.
			dist += 25
			if commaBetween(s, end, t.Start) {
				dist += 50
			}
		}
		if dist < bestDist {
			best, bestIdx, bestDist = ev, i, dist
		}
	}
	return best, bestIdx
}

// commaBetween reports whether a comma token lies between two offsets.
func commaBetween(s Sentence, from, to int) bool {
	for _, t := range s.Tokens {
		if t.Start >= from && t.End <= to && t.Text == "," {
			return true
		}
	}
	return false
}

// lemma strips English inflection from a verb, enough to meet "banned",
// "banning" and "bans" at "ban".
func lemma(w string) string {
	w = strings.ToLower(w)
	if l, ok := irregular[w]; ok {
		return l
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		stem := w[:len(w)-len(suf)]
		if _, ok := eventVerbs[stem]; ok {
			return stem
		}
		// banned -> ban
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			if _, ok := eventVerbs[stem[:n-1]]; ok {
				return stem[:n-1]
			}
		}
		// announced -> announce
		if _, ok := eventVerbs[stem+"e"]; ok {
			return stem + "e"
		}
		if suf != "s" && strings.ContainsAny(stem[len(stem)-1:], "uvcgz") {
			return stem + "e" // continued -> continue, moved -> move
		}
		return stem
	}
	return w
}

var irregular = map[string]string{
	"found": "find", "finds": "find", "carried": "carry", "carries": "carry", "brought": "bring", "brings": "bring",
	"said": "say", "says": "say", "told": "tell", "left": "leave", "met": "meet", "began": "begin", "begun": "begin",
	"broke": "break", "broken": "break", "gave": "give", "given": "give", "failed": "fail", "fled": "flee",
	"shut": "shut", "hit": "hit", "quit": "quit", "burst": "burst", "struck": "strike", "died": "die", "dies": "die",
	"shook": "shake", "shaken": "shake", "sank": "sink", "sunk": "sink", "swept": "sweep", "tore": "tear", "torn": "tear",
	"closed": "close", "closes": "close", "released": "release", "issued": "issue", "declared": "declare",
}

// speechVerbs introduce who says a claim.
var speechVerbs = wordSet(`said says say claimed claims claim told reported reports announced estimated estimates stated according wrote insisted added noted confirmed put puts warned warns`)

// attribution finds who says the claim at offset at: the subject of a speech
// verb in the sentence ("X said", "said X", "according to X").
func attribution(body string, s Sentence, ms []mention, at int) string {
	toks := s.Tokens
	lo, hi := clause(body, s, at)
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		if !speechVerbs[w] || t.Start < lo || t.End > hi {
			continue
		}
		if w == "according" {
			reach := 12
			if i+2 < len(toks) && sourceNouns[strings.ToLower(toks[i+2].Text)] {
				reach = 40 // "according to figures the authority published"
			}
			for _, m := range ms {
				if m.start > t.End && m.start-t.End < reach {
					if m.anaphor {
						return m.canon
					}
					return m.text
				}
			}
			// "according to police": the noun after "to".
			if i+2 < len(toks) && strings.EqualFold(toks[i+1].Text, "to") && strings.HasPrefix(toks[i+2].Tag, "NN") && !sourceNouns[strings.ToLower(toks[i+2].Text)] {
				return toks[i+2].Text
			}
			continue
		}
		// "the provincial emergency authority said": the noun phrase right
		// before the verb, when it is not a name.
		if np := nounPhraseBefore(body, toks, i, ms); np != "" {
			return np
		}
		// "X said" : the nearest subject before, in the same clause.
		var who *mention
		for j := range ms {
			if ms[j].end <= t.Start && t.Start-ms[j].end < 60 && ms[j].start >= lo {
				who = &ms[j]
			}
		}
		if who == nil {
			// "said X"
			for j := range ms {
				if ms[j].start >= t.End && ms[j].start-t.End < 6 {
					who = &ms[j]
					break
				}
			}
		}
		if who != nil {
			if who.anaphor {
				return who.canon
			}
			return strings.Trim(who.text, `"'’´`)
		}
		// "a lawmaker said", "Police estimated", "the organisers, a
		// coalition of unions, said": the clause's first noun before the verb.
		for j := 0; j < i; j++ {
			if toks[j].Start >= lo && strings.HasPrefix(toks[j].Tag, "NN") && startsWithLetter(toks[j].Text) {
				return toks[j].Text
			}
		}
	}
	return ""
}

// sourceNouns name a document, not a claimant: "according to figures the
// authority published" is the authority's claim.
var sourceNouns = wordSet(`figures data report reports estimates statistics records documents sources numbers`)

var modals = wordSet(`could may might would will should must`)

// plannedWords before "to" make what follows a plan: "due to visit".
var plannedWords = wordSet(`due expected set scheduled planned plans plan going`)

// modality returns the modal word governing a mention, if any: "could be
// banned on April 21" is not a fact about April 21.
func modality(s Sentence, at int) string {
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		t := s.Tokens[i]
		if t.End > at {
			continue
		}
		w := strings.ToLower(t.Text)
		if modals[w] && !(w == "may" && t.Text[0] == 'M' && i > 0) { // (not the month)
			if i+1 < len(s.Tokens) && (strings.EqualFold(s.Tokens[i+1].Text, "have") || strings.EqualFold(s.Tokens[i+1].Text, "'ve")) && !(i+2 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+2].Text, "to")) {
				// "whose data may have been passed on": what the writer
				// reports of the past, hedged, not a possibility to come.
				return ""
			}
			return w
		}
		// "was due to visit", "is expected to declare": planned, not done.
		if i+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[i+1].Text, "to") && plannedWords[w] {
			return w
		}
		if w == "." || w == ";" || w == "," && at-t.End > 60 {
			break
		}
	}
	return ""
}

// negated reports whether a negation governs the verb before at.
func negated(s Sentence, at int) bool {
	neg := false
	for _, t := range s.Tokens {
		if t.End > at {
			break
		}
		w := strings.ToLower(t.Text)
		switch {
		case (w == "until" || w == "till") && at-t.End <= 1:
			return false // "did not make it public until 7 September": it did then
		case w == ":" || w == ";":
			neg = false // "was not limited to X: 400,000 were affected"
		case (w == "not" || w == "n't" || w == "never" || w == "no") && at-t.End < 40:
			neg = true
		}
	}
	return neg
}

func startsWithLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

// nounPhraseBefore returns the common-noun phrase that ends right before
// token i ("provincial emergency authority"), or "" if a name or nothing
// stands there.
func nounPhraseBefore(body string, toks []Token, i int, ms []mention) string {
	j := i - 1
	if j < 0 || !strings.HasPrefix(toks[j].Tag, "NN") || toks[j].Tag == "NNP" || toks[j].Tag == "NNPS" || covered(ms, toks[j].Start) {
		return ""
	}
	start := j
	for start > 0 && i-start < 4 && (strings.HasPrefix(toks[start-1].Tag, "NN") || strings.HasPrefix(toks[start-1].Tag, "JJ")) && !covered(ms, toks[start-1].Start) {
		start--
	}
	return body[toks[start].Start:toks[j].End]
}
