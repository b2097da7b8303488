package extract

import (
	"strings"
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

// weakHeads are nouns after a figure that say what was counted only by
// what the clause goes on to say: "names on the list of the missing".
var weakHeads = wordSet(`people persons names count number figure figures total list`)

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
	for i := range b.claims {
		c := &b.claims[i]
		if c.Value == nil {
			continue
		}
		if weakHeads[c.Attribute] || c.Attribute == "count" || c.Attribute == "users" {
			if m := clauseMeasure(c.Sentence, c.Value.Text); m != "" {
				c.Attribute = m
			}
		}
		c.Subject = b.thing(c, own)
	}
}

// thing is the subject a figure is compared under.
func (b *builder) thing(c *Claim, own string) string {
	s := c.Subject
	if s == storySubject || s == "" {
		return storySubject
	}
	words := strings.Fields(s)
	if dateWords[words[0]] {
		return storySubject
	}
	event := eventNouns[words[len(words)-1]]
	if event {
		// The story's own event is the one its title or lead names; any
		// other is a different event, kept apart.
		name := strings.Join(words[:len(words)-1], " ")
		if name != "" && strings.Contains(own, name) {
			return storySubject
		}
		return s
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

// measureCues map the words that say what a figure counts, read in the
// clause around a figure of people or names, to the measure.
var measureCues = map[string]string{
	"killed": "deaths", "dead": "deaths", "died": "deaths", "deaths": "deaths", "death": "deaths", "toll": "deaths",
	"fatalities": "deaths", "lives": "deaths",
	"injured": "injuries", "wounded": "injuries", "injuries": "injuries", "hurt": "injuries",
	"unaccounted": "missing", "missing": "missing",
	"evacuated": "evacuated", "evacuees": "evacuated",
	"displaced": "displaced", "homeless": "displaced",
	"rescued": "rescued", "arrested": "arrests", "detained": "arrests", "custody": "arrests",
	"affected": "affected",
}

// clauseMeasure reads what a figure in sentence counts from the words of
// its clause: "the number of people killed has risen to 83", "563 people
// remained unaccounted for", "still trying to account for 271 people". It
// returns "" when the clause names no measure or names two.
func clauseMeasure(sentence, figure string) string {
	at := strings.Index(sentence, figure)
	if at < 0 {
		return ""
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
	after := strings.ToLower(sentence[at+len(figure) : hi])
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
	pick(after)
	if found == "" && strings.Contains(before, "account for") {
		found = "missing"
	}
	if found == "" && (strings.Contains(before, "number of") || strings.Contains(before, "toll") || strings.Contains(before, "count of")) {
		pick(before)
	}
	if found == "-" {
		return ""
	}
	return found
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
