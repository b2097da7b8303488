package recognize

import "strings"

// wordClass is a set of the word tables a lower-case word belongs to. The
// tokenizer looks a word up once; the scanners then test a bit instead of
// hashing the word again for every form they try.
type wordClass uint32

const (
	cDateTrigger   wordClass = 1 << iota // dateTriggers
	cWeakTrigger                         // weakTriggers
	cMentionStart                        // mentionStarters
	cPeriodUnit                          // periodUnits
	cPeriodWord                          // periodWords
	cCardinal                            // cardinalWords
	cOrdinal                             // ordinalWords
	cMonth                               // months
	cWeekday                             // weekdays
	cSpanStart                           // spanStarts
	cMovableFirst                        // holidayFirstWords
	cFixedFirst                          // fixedHolidayFirst
	cForwardCue                          // forwardCues
	cDatePrep                            // datePreps
	cTimeUnit                            // timeUnits
	cChangeVerb                          // changeVerbs
	cScale                               // scaleWords
	cCurrencyFirst                       // first words of currencyQualified and "new", "hong", "south"
	cOrdinalForm                         // the words ordinalOf values
	cPeriodMod                           // words that place a period: "last", "this", "next", "earlier"
	cToDate                              // "to", "till", "until", which start "to date"
	cDecade                              // decadeWords
)

// in reports whether t is a word in one of the tables of c.
func (t *token) in(c wordClass) bool { return t.cls&c != 0 }

// cardinal values t as a written number below one hundred.
func (t *token) cardinal() (float64, bool) {
	if !t.in(cCardinal) {
		return 0, false
	}
	v, ok := cardinalWords[t.low]
	return v, ok
}

// cardinalAbove0 reports whether t is a written number from one up.
func (t *token) cardinalAbove0() bool {
	v, _ := t.cardinal()
	return v > 0
}

// ordinal values t as an ordinal word, or 0.
func (t *token) ordinal() float64 {
	if !t.in(cOrdinal) {
		return 0
	}
	return ordinalWords[t.low]
}

// month returns the month t names, or 0.
func (t *token) month() int {
	if !t.in(cMonth) {
		return 0
	}
	return months[t.low]
}

// weekday returns the weekday t names.
func (t *token) weekday() (int, bool) {
	if !t.in(cWeekday) {
		return 0, false
	}
	wd, ok := weekdays[t.low]
	return wd, ok
}

// unit returns the period unit t names ("day", "week"), or "".
func (t *token) unit() string {
	if !t.in(cPeriodUnit) {
		return ""
	}
	return periodUnits[t.low]
}

// wordClasses holds every word of the tables above with its classes.
var wordClasses = newClassTable(func() map[string]wordClass {
	m := map[string]wordClass{}
	addKeys(m, cDateTrigger, dateTriggers)
	addKeys(m, cWeakTrigger, weakTriggers)
	addKeys(m, cMentionStart, mentionStarters)
	addKeys(m, cPeriodUnit, periodUnits)
	addKeys(m, cPeriodWord, periodWords)
	addKeys(m, cCardinal, cardinalWords)
	addKeys(m, cOrdinal, ordinalWords)
	addKeys(m, cMonth, months)
	addKeys(m, cWeekday, weekdays)
	addKeys(m, cSpanStart, spanStarts)
	addKeys(m, cMovableFirst, holidayFirstWords)
	addKeys(m, cFixedFirst, fixedHolidayFirst)
	addKeys(m, cForwardCue, forwardCues)
	addKeys(m, cDatePrep, datePreps)
	addKeys(m, cTimeUnit, timeUnits)
	addKeys(m, cChangeVerb, changeVerbs)
	addKeys(m, cScale, scaleWords)
	addKeys(m, cDecade, decadeWords)
	for name := range currencyQualified {
		first, _, _ := strings.Cut(name, " ")
		m[first] |= cCurrencyFirst
	}
	for _, w := range []string{"new", "hong", "south"} {
		m[w] |= cCurrencyFirst
	}
	for _, w := range []string{"last", "this", "next", "past", "previous", "current", "following", "coming", "upcoming", "earlier", "later"} {
		m[w] |= cPeriodMod
	}
	for _, w := range []string{"to", "till", "until"} {
		m[w] |= cToDate
	}
	for w := range ordinalWords {
		m[w] |= cOrdinalForm
		m[w+"s"] |= cOrdinalForm
	}
	for _, w := range []string{"half", "halves", "quarter", "quarters"} {
		m[w] |= cOrdinalForm
	}
	return m
}())

// addKeys adds class c to every key of tab.
func addKeys[V any](m map[string]wordClass, c wordClass, tab map[string]V) {
	for w := range tab {
		m[w] |= c
	}
}

// classTable is an open-addressing hash table from words to classes. Every
// word of the text is looked up once; most are in no table, and an empty
// slot answers that faster than a map does.
type classTable struct {
	keys []string
	cls  []wordClass
	mask uint32
}

// newClassTable builds a table at most a quarter full.
func newClassTable(m map[string]wordClass) *classTable {
	n := 64
	for n < 4*len(m) {
		n *= 2
	}
	t := &classTable{keys: make([]string, n), cls: make([]wordClass, n), mask: uint32(n - 1)}
	for w, c := range m {
		i := wordHash(w) & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.cls[i] = w, c
	}
	return t
}

// get returns the classes of w, or 0.
func (t *classTable) get(w string) wordClass {
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case w:
			return t.cls[i]
		case "":
			return 0
		}
	}
}

// wordHash mixes a word's length with its first, middle and last bytes:
// enough to spread the table's words, and constant time.
func wordHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ (uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16)
	h *= 0x85ebca6b
	return h ^ h>>15
}
