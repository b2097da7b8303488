package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/extract"
)

// Rune classes for normalising text: word runes are kept in lower case,
// apostrophes vanish so that "Iran's", "Iran’s" and "Iran´s" read alike, and
// everything else separates words.
const (
	runeSep = iota
	runeWord
	runeDrop
)

func classify(r rune) (rune, int) {
	switch r {
	case '\'', '’', '‘', '´', '`', 'ʼ', 'ʻ', '′':
		return r, runeDrop
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(fold(r)), runeWord
	}
	return r, runeSep
}

// fold drops a letter's accents ("ğ" is "g", "é" is "e"), so that
// "Erdoğan" and "Erdogan" read alike: the base letter of its canonical
// decomposition.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Bytes(buf[:utf8.EncodeRune(buf[:], r)])
	if base, _ := utf8.DecodeRune(d); base != utf8.RuneError {
		return base
	}
	return r
}

// normalize folds case and accents, drops apostrophes and turns every run
// of other punctuation and space into one space.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r, class := classify(r)
		switch class {
		case runeWord:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case runeSep:
			space = true
		}
	}
	return b.String()
}

// normalizeUnit keeps symbols, unlike normalize, because "%" and "$" are the
// whole unit.
func normalizeUnit(u string) string {
	u = strings.ReplaceAll(u, "|", " ")
	return strings.ToLower(strings.Join(strings.Fields(u), " "))
}

// Key returns the group key of a claim: claims with the same key are
// comparable. It joins, with "|", the normalised subject and attribute, the
// kind ("value" or "date"), the unit ("unit=usd", so different units never
// meet) and the modality ("modal=could", so a possibility never contradicts
// a fact); a negated claim gets "not". The qualifier is left out so that
// "monthly users" and "users" meet, as extract intends; [Judge] keeps
// differently qualified figures from conflicting. Subject aliases are
// resolved upstream; Key only folds case, space and punctuation.
func Key(c extract.Claim) string {
	var b strings.Builder
	b.WriteString(normalize(c.Subject))
	b.WriteByte('|')
	attr, _ := lengthIn(normalize(c.Attribute))
	b.WriteString(attr)
	switch {
	case c.Value != nil:
		b.WriteString("|value")
		if u := normalizeUnit(c.Value.Unit); u != "" {
			b.WriteString("|unit=")
			b.WriteString(u)
		}
	case c.Date != nil:
		b.WriteString("|date")
	default:
		b.WriteString("|none")
	}
	if q := normalize(c.Qualifier); apart[q] || strings.HasPrefix(q, "added ") || strings.HasPrefix(q, "among ") {
		// An earlier event's figure, a part of a toll ("among
		// children"), a wider toll:
		// other things, which never share a verdict with the story's own.
		b.WriteString("|q=")
		b.WriteString(q)
	}
	if m := modalApart(c); m != "" {
		b.WriteString("|modal=")
		b.WriteString(m)
	}
	if c.Negated {
		b.WriteString("|not")
	}
	if Alone(c) {
		// "18 days", "three times", "870 people" of the story or of "the
		// government": neither what is measured nor the measure says
		// which figure it is, so it meets no other figure, only the
		// same sentence in a copy of its article.
		b.WriteString("|alone=")
		b.WriteString(aloneToken(c))
	}
	return b.String()
}

// modalApart is the modality that keeps a claim apart from plain
// statements ("could", "will"), or "": a visit planned for Wednesday and one
// made on Wednesday are one occasion, as are a final to be played on Sunday
// and one played then; dates of a repeatable event never conflict.
func modalApart(c extract.Claim) string {
	if c.Date != nil && (occasions(c.Attribute) || extract.Scheduled(normalize(c.Attribute))) {
		return ""
	}
	return normalize(c.Modality)
}

// lengthUnits map the imperial units a length's measure may start with
// ("miles from addis ababa") to the metric unit it is compared in and the
// factor that converts it.
var lengthUnits = map[string]struct {
	metric string
	factor float64
}{
	"miles": {"km", 1.609344}, "feet": {"metres", 0.3048}, "yards": {"metres", 0.9144},
}

// lengthIn returns a normalised attribute with an imperial length unit
// first ("miles from addis ababa") in its metric unit ("km from addis
// ababa"), and the factor that converts its figures; any other attribute
// comes back as it is, with factor 1. A measure of the unit alone
// ("miles") names nothing and is left as it is.
func lengthIn(attr string) (string, float64) {
	unit, rest, ok := strings.Cut(attr, " ")
	if u, known := lengthUnits[unit]; known && ok {
		return u.metric + " " + rest, u.factor
	}
	return attr, 1
}

// Alone reports whether a claim is compared with no other figure but its
// copies': a figure of a generic measure ([GenericMeasure]) about the
// story or a generic subject ([StoryScoped]).
func Alone(c extract.Claim) bool {
	return c.Value != nil && GenericMeasure(c.Attribute) && StoryScoped(c)
}

// aloneToken names what a figure compared with nothing else is: its
// sentence up to a few words past the figure, and the value as written,
// which a copy of its article repeats even where the copy trims the
// sentence's end; or, without the sentence, the claim itself.
func aloneToken(c extract.Claim) string {
	if c.Sentence == "" {
		return c.ID
	}
	text := c.Sentence
	if at := strings.Index(text, c.Value.Text); at >= 0 {
		end := at + len(c.Value.Text)
		rest := strings.Fields(text[end:])
		text = text[:end] + " " + strings.Join(rest[:min(len(rest), aloneWordsAfter)], " ")
	}
	sum := sha256.Sum256([]byte(normalize(text) + "|" + c.Value.Text))
	return hex.EncodeToString(sum[:8])
}

// aloneWordsAfter is how many words after a figure name it along with the
// words before it (see aloneToken).
const aloneWordsAfter = 4

// GroupKey returns the key of an entry's group: its claim's [Key], except
// that a claim only comparable within its story ([StoryScoped]) is keyed by
// its story too ("story:2|deaths|value|…", "government:2|declare|date"), so
// that unrelated stories in one collection never meet. The collection's
// [FirstStory], and an unknown story, keep the plain key.
func GroupKey(e Entry) string {
	k := Key(e.Claim)
	if storyOf(e) == "" || e.Story == FirstStory {
		return k
	}
	subject, rest, _ := strings.Cut(k, "|")
	return subject + ":" + e.Story + "|" + rest
}

// storyOf is the story an entry's group is filed under: its Story for a
// story-scoped claim, else "".
func storyOf(e Entry) string {
	if e.Story == "" || !StoryScoped(e.Claim) {
		return ""
	}
	return e.Story
}

// StoryScoped reports whether a claim is only comparable with claims of the
// same story: a figure of the story as a whole (storySubject), or one
// whose subject is made of generic words only — "the government", "the
// union", "officials" of one story are not those of another. It depends on
// the subject alone, so claims of one [Key] are scoped alike.
func StoryScoped(c extract.Claim) bool {
	for _, w := range strings.Fields(normalize(c.Subject)) {
		if w != storySubject && !genericNames[w] {
			return false
		}
	}
	return true
}

// timeVarying are attributes whose figures change as a story unfolds: the
// tallies of a disaster (the dead, the missing, the homes destroyed, the
// area burned), the counts of an organisation's people, and a share price
// or a fortune, which move by the day.
var timeVarying = map[string]bool{
	"users": true, "deaths": true, "injuries": true, "evacuated": true, "displaced": true,
	"arrests": true, "missing": true, "rescued": true, "subscribers": true, "members": true, "dead": true,
	"suspects": true, "foreigners": true, "victims": true, "survivors": true, "hospitalised": true,
	"homes": true, "houses": true, "residences": true, "buildings": true, "structures": true,
	"acres": true, "hectares": true, "contained": true, "containment": true, "pledges": true,
	"affected": true, "consumers": true, "customers": true, "records": true, "accounts": true,
	"americans": true, "britons": true, "canadians": true, "ships": true, "vessels": true,
	"share price": true, "fortune": true,
}

// cumulative are the time-varying attributes whose figures only grow: a toll
// never falls as a disaster goes on, so a later, lower figure for one revises
// the earlier ones, and the two conflict.
var cumulative = map[string]bool{
	"deaths": true, "dead": true, "injuries": true, "arrests": true,
}

// genericMeasures are attributes that name no measure of their own: a
// figure that only "counts people" or "times" or "days" could be any of
// a story's counts, so it is compared with none.
var genericMeasures = map[string]bool{
	"": true, "count": true, "number": true, "numbers": true, "people": true, "persons": true,
	"times": true, "time": true, "one": true, "ones": true, "sets": true, "set": true,
	"share": true, "percent": true, "fewer": true, "more": true, "others": true, "other": true,
	"total": true, "figure": true, "figures": true, "story": true, "amount": true,
	"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true,
	"decades": true, "centuries": true, "nights": true,
	"km": true, "kilometers": true, "kilometres": true, "miles": true, "metres": true, "meters": true, "m": true,
	"feet": true, "ft": true, "yards": true,
}

// apart are qualifiers that make a figure measure another thing than the
// plain figure: an earlier event's, a part ("among the dead"), a wider
// scope ("the statewide toll"), the rest of a count ("4,293 other
// buildings"). Other qualifiers ("monthly", "new") narrow what is counted
// and share the plain figure's group.
var apart = map[string]bool{
	"earlier": true, "among": true, "per hour": true, "per day": true, "per week": true, "per month": true, "per year": true,
	"later event": true, "added": true, "remaining": true, "statewide": true, "nationwide": true, "national": true, "global": true,
	"worldwide": true, "overall": true, "combined": true, "regional": true, "other": true,
}

// repeatable are the events a subject can have on many days: a speaker
// says, warns, visits or receives visitors again, a witness testifies, a
// story's incident has its aftershocks and its later fires, its missing are
// found and rescued over days, and its dead mourned. Two different dates of
// one are two occasions, never a conflict.
var repeatable = map[string]bool{
	"say": true, "warn": true, "vow": true, "meet": true, "visit": true, "tour": true, "report": true,
	"announce": true, "speak": true, "talk": true, "urge": true, "call": true, "occur": true, "find": true, "rescue": true, "mourn": true, "receive": true, "testify": true,
}

// occasions reports whether dates of attribute attr may differ without
// conflicting (see repeatable).
func occasions(attr string) bool { return repeatable[normalize(attr)] }

// GenericMeasure reports whether attribute attr names no measure that two
// sources could be compared on ("count", "people", "days").
func GenericMeasure(attr string) bool { return genericMeasures[normalize(attr)] }

// revisable reports whether figures of attribute attr only grow, so that
// a later lower one revises them.
func revisable(attr string) bool { return cumulative[normalize(attr)] }

// changesOverTime reports whether figures of a claim are only comparable
// as of the same time: the tallies of timeVarying, and any plain count of
// people or things ("18 divers", "40 suspects"), which an unfolding story
// changes from day to day. A measure that a story does not change (a
// magnitude, a length, a weight, a sum of money, a percentage) holds
// whenever it is reported.
func changesOverTime(c extract.Claim) bool {
	attr := normalize(c.Attribute)
	if timeVarying[attr] {
		return true
	}
	if c.Value == nil || c.Value.Unit != "" || fixedMeasures[attr] || GenericMeasure(attr) {
		return false
	}
	return strings.HasSuffix(attr, "s")
}

// fixedMeasures are counts that do not change as a story unfolds.
var fixedMeasures = map[string]bool{
	"magnitude": true, "tonnes": true, "tons": true, "passengers": true, "crew": true, "nations": true,
	"nationalities": true, "countries": true, "floors": true, "storeys": true, "seats": true,
}

// Comparable reports whether [Verdicts] judges the claim. A claim without a
// figure or date, a vague amount ("dozens", "thousands of") and a negated
// claim ("did not reach 40 million") state no interval that another claim
// could contradict, so they are left out; list them with !Comparable.
func Comparable(c extract.Claim) bool {
	if c.Negated {
		return false
	}
	if c.Value != nil {
		return !c.Value.Vague
	}
	return c.Date != nil
}

// topic is how a reason names what a group is about: "telegram users",
// "telegram ban date (could)".
func topic(c extract.Claim) (subject, attribute, text string) {
	subject = normalize(c.Subject)
	attribute = normalize(c.Attribute)
	text = strings.TrimSpace(subject + " " + attribute)
	if m := modalApart(c); m != "" {
		text += " (" + m + ")"
	}
	if c.Negated {
		text += " (negated)"
	}
	return subject, attribute, text
}
