package recognize

import (
	"math"
	"strings"
	"time"
)

// Granularities of a Date.
const (
	granDay   = "day"
	granWeek  = "week"
	granMonth = "month"
	granYear  = "year"
)

// Date is one date mention, resolved to a range of whole days.
type Date struct {
	// Text is the mention as written; Start and End are byte offsets into
	// the input, text[Start:End] == Text.
	Text       string
	Start, End int
	// From and To are UTC midnights; To is inclusive, so a single day has
	// From == To and "in 2017" runs from 2017-01-01 to 2017-12-31.
	From, To time.Time
	// Granularity is "day", "week", "month" or "year".
	Granularity string
	// Relative is set when the date was resolved against the publication
	// date or against another date in the text.
	Relative bool
	// Mod is the relation the words around the mention give it, which
	// leaves one end of the meant period open: "" for the period itself,
	// or ModSince, ModAfter, ModBefore or ModUntil. Text, From and To stay
	// those of the named period ("since August" has Text "August").
	Mod string
}

// Relations of a Date to the period the text means.
const (
	// ModSince is "since August", "starting January 7th", "2012 or
	// later": from From on.
	ModSince = "since"
	// ModAfter is "after 2016", "later than 2018": from the day after To on.
	ModAfter = "after"
	// ModBefore is "before 2010", "earlier than May": up to the day before
	// From.
	ModBefore = "before"
	// ModUntil is "until June", "by the end of 2019", "no later than
	// Friday": up to To.
	ModUntil = "until"
)

// Dates finds absolute and relative dates in text.
//
// published is the publication date (UTC midnight). When it is the zero
// time, mentions that need it (weekdays, "yesterday", "last week", "April
// 21" without a year) are not returned.
//
// Resolution rules, chosen for news written in the past tense:
//   - A weekday is the most recent such day on or before publication ("On
//     Sunday" in an article of Wednesday 2018-04-18 is 2018-04-15,
//     "Wednesday" is 2018-04-18), unless the sentence looks ahead before the
//     mention ("will", "could", "next", "is due to", "is expected to",
//     "plans to", "scheduled"): then it is the next such day on or after
//     publication. "last Monday" is the Monday of the previous ISO week,
//     "next Monday" that of the following week, "this past Monday" the most
//     recent Monday strictly before publication.
//   - A day or month without a year takes the publication year; a past
//     reading moves it back a year when it would fall more than 30 days
//     after publication, a forward-looking sentence moves it on a year when
//     it would fall more than 30 days before.
//   - "last week" is Monday to Sunday of the previous ISO week; "this
//     month", "last year" and the like are whole calendar periods;
//     "earlier this month" runs from the first of the month to publication.
//   - "two weeks later", "the next day", "the following week" count from the
//     most recent single-day date before them in the text, or from
//     publication when there is none.
//   - "N days ago" and "in N weeks" are single days.
func Dates(text string, published time.Time) []Date { return datesOf(text, tokenize(text), published) }

func datesOf(text string, toks []token, published time.Time) []Date {
	s := dateScanner{text: text, toks: toks, pub: published}
	s.scan()
	return s.out
}

// spanReference resolves mentions when only their spans are wanted.
var spanReference = time.Date(2000, 6, 15, 0, 0, 0, 0, time.UTC)

// ownedByDates marks the tokens that belong to dates, times, phone numbers
// and years, which are not quantities.
func ownedByDates(text string, toks []token) []bool {
	blocked := make([]bool, len(toks))
	s := dateScanner{text: text, toks: toks, pub: spanReference, spans: true}
	s.scan()
	for _, r := range s.claimed {
		for k := r[0]; k < r[1]; k++ {
			blocked[k] = true
		}
	}
	markTimesAndPhones(text, toks, blocked)
	return blocked
}

// dateScanner walks the tokens once, left to right.
type dateScanner struct {
	text    string
	toks    []token
	pub     time.Time
	spans   bool // only the claimed token spans matter
	out     []Date
	claimed [][2]int
	anchor  time.Time // the last single-day date seen
	// week is the Monday of the week the last weekday was placed in by
	// its words ("next week on Tuesday", "last Wednesday"), and weekEnd
	// the token after that mention: a bare weekday joined to it ("or
	// Thursday") falls in the same week.
	week    time.Time
	weekEnd int
	// lastDay is set when the last mention claimed is a single day, and
	// lookahead while a form peeks at the mention after a list separator.
	lastDay, lookahead bool
	// last is the last resolved mention, which "that week" refers to.
	last found
}

// found is a matched date mention.
type found struct {
	first, end int
	from, to   time.Time
	gran       string
	rel        bool
	holiday    string // the holiday's name, which can have a weekend
	mod        string // a relation the form itself gives ("to date")
}

func (s *dateScanner) scan() {
	for i := 0; i < len(s.toks); {
		// Most tokens are symbols and ordinary words: test those inline.
		if t := &s.toks[i]; t.kind == tSym || t.kind == tWord && !t.in(cDateTrigger|cToDate) || !s.mayStart(i) {
			i++
			continue
		}
		f, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		if f.end <= i {
			f.end = i + 1
		}
		if f.holiday != "" {
			f = s.holidayWeekend(f)
		}
		if n := len(s.claimed); n > 0 && f.first < s.claimed[n-1][1] {
			f.first = s.claimed[n-1][1] // a "the" already read as part of the last mention
		}
		if f.first >= f.end {
			f.first = f.end - 1
		}
		f = s.joinRange(f)
		f = s.joinWeekday(f)
		s.claimed = append(s.claimed, [2]int{f.first, f.end})
		s.lastDay = f.gran == granDay && f.from.Equal(f.to)
		if !f.from.IsZero() {
			if !s.spans {
				st, en := s.toks[f.first].start, s.toks[f.end-1].end
				m := f.mod
				if m == "" {
					m = s.modifier(f.first, f.end)
				}
				s.out = append(s.out, Date{Text: s.text[st:en], Start: st, End: en, From: f.from, To: f.to, Granularity: f.gran, Relative: f.rel, Mod: m})
			}
			if f.from.Equal(f.to) {
				s.anchor = f.from
			}
			if f.mod == "" {
				s.last = f
			}
		}
		s.placeWeek(f)
		i = f.end
	}
}

// mayStart is a cheap filter before match: it rejects the tokens no date
// form starts with, so that most of the text is never tried form by form.
// Symbols start none; words only if they are date triggers (see match),
// and two weak triggers in a row ("on the", "in a") only before a date
// word or a figure ("in a fortnight's time"); figures only if they can be
// a day, a year or part of a numeric date, or if a period word follows
// ("40 years ago").
func (s *dateScanner) mayStart(i int) bool {
	t := &s.toks[i]
	switch t.kind {
	case tSym:
		return false
	case tWord:
		if !t.in(cDateTrigger) {
			return t.in(cToDate)
		}
		if n := s.at(i + 1); t.in(cWeakTrigger) && n.in(cWeakTrigger) {
			n2 := s.at(i + 2)
			return n2.kind == tNum || n2.in(cDateTrigger|cPeriodUnit|cPeriodWord) || strings.HasSuffix(n2.low, "'s")
		}
		return true
	}
	if s.hyphenJoin(i-1) && (s.hyphenJoin(i-3) || s.hyphenJoin(i+1)) {
		return false // inside a run of three or more groups: a phone number or a code
	}
	switch {
	case t.digits == 4 || t.digits == 8 || t.sfx > 0:
		return true
	case t.digits <= 2 && t.val >= 1 && t.val <= 31 && t.val == math.Trunc(t.val):
		return true
	}
	n := s.at(i + 1)
	return n.adjacent() && (n.isSym("-") || n.isSym("/") || n.isSym(".")) || n.in(cDateTrigger|cPeriodUnit|cPeriodWord)
}

// match tries every date form at token i.
func (s *dateScanner) match(i int) (found, bool) {
	if i < 0 || i >= len(s.toks) {
		return found{}, false
	}
	t := &s.toks[i]
	switch t.kind {
	case tNum:
		if f, ok := s.numericDate(i); ok {
			return f, true
		}
		if f, ok := s.numberForm(i); ok {
			return f, true
		}
		if f, ok := s.dayRange(i); ok {
			return f, true
		}
		if f, ok := s.countedPeriod(i); ok {
			return f, true
		}
		return s.yearForms(i)
	case tWord:
		if !t.in(cDateTrigger) {
			if (t.low == "to" || t.low == "till" || t.low == "until") && s.at(i+1).isWord("date") && !s.at(i-1).isWord("up") && s.at(i+2).kind != tNum && !s.at(i+2).isSym("-") {
				return s.toDate(i)
			}
			return found{}, false
		}
		if t.low == "that" {
			return s.calendarPeriod(i) // "that week"
		}
		if t.in(cWeakTrigger) {
			// "the", "in", "a" start a date only before a date word or a
			// figure; checking that first keeps the scan fast.
			n := s.at(i + 1)
			if n.kind != tNum && !n.in(cDateTrigger|cPeriodUnit|cPeriodWord) {
				return found{}, false
			}
		}
		// Each form is tried only when token i can start it; the tests
		// repeat the first check of the form, and save the call.
		if f, ok := s.wordForm(i); ok {
			return f, true
		}
		if t.in(cWeekday|cMonth|cOrdinal|cCardinal) || t.low == "the" || t.low == "from" || t.low == "between" {
			if f, ok := s.dayRange(i); ok {
				return f, true
			}
		}
		if t.in(cPeriodMod) || t.low == "early" || t.low == "mid" || t.low == "late" {
			if f, ok := s.monthForms(i); ok {
				return f, true
			}
		}
		if f, ok := s.relative(i); ok {
			return f, true
		}
		if t.low == "from" || t.low == "between" {
			if f, ok := s.nowRange(i); ok {
				return f, true
			}
			if f, ok := s.yearForms(i); ok {
				return f, true
			}
		}
		if t.low == "q" || t.low == "h" || t.in(cOrdinal) {
			if f, ok := s.quarter(i); ok {
				return f, true
			}
		}
		if t.low == "cy" {
			return s.calendarYearCode(i)
		}
		if t.in(cCardinal) {
			if f, ok := s.yearInWords(i); ok {
				return f, true
			}
		}
		if t.low == "the" || t.in(cDecade) {
			return s.decadeWord(i)
		}
	}
	return found{}, false
}

// day returns a UTC midnight.
func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d exists.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return day(y, m, d).Day() == d
}

// monthEnd returns the last day of the month of t.
func monthEnd(y, m int) time.Time { return day(y, m+1, 0) }

// monday returns the Monday of t's ISO week.
func monday(t time.Time) time.Time {
	wd := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -wd)
}

// forwardLooking reports whether the sentence before token i looks ahead
// ("will", "is due to", "could be banned on").
func (s *dateScanner) forwardLooking(i int) bool {
	for j := i - 1; j >= 0 && j >= i-25; j-- {
		t := &s.toks[j]
		if t.kind == tSym && (t.low == "!" || t.low == "?" || t.low == ";") {
			return false
		}
		if t.kind == tSym && t.low == "." && j > 0 && s.toks[j-1].kind == tWord && len(s.toks[j-1].low) > 3 {
			return false
		}
		if t.nl && j > 0 && j < i-1 && s.toks[j-1].kind == tSym && s.toks[j-1].low != "," {
			return false
		}
		if t.in(cForwardCue) {
			if t.low == "may" && s.text[t.start] == 'M' {
				continue
			}
			if s.perfectModal(j) {
				continue // "might have been affected": a past that may have been
			}
			if t.low == "until" && s.pastBefore(j) {
				continue // "did not make it public until 7 September"
			}
			return true
		}
		if t.low == "to" && j > 0 && (s.toks[j-1].low == "is" || s.toks[j-1].low == "are") && j+1 < i && s.toks[j+1].kind == tWord {
			return true // "Zuckerberg is to testify on Tuesday"
		}
	}
	return false
}

// perfectModal reports whether token j is a modal of the perfect ("might
// have been", "could not have known"), which speaks of the past.
func (s *dateScanner) perfectModal(j int) bool {
	switch s.toks[j].low {
	case "could", "would", "might", "may", "should", "must":
	default:
		return false
	}
	for k := j + 1; k < len(s.toks) && k <= j+2; k++ {
		switch s.toks[k].low {
		case "have", "'ve", "’ve":
			return k+1 >= len(s.toks) || s.toks[k+1].low != "to" // "may have to close" looks ahead
		case "not", "never", "also", "well":
			continue
		}
		return false
	}
	return false
}

// pastBefore reports whether the clause before token j is told in the past
// ("did not", "had", "were inside ... until"), so that "until" closes a
// past span rather than looking ahead.
func (s *dateScanner) pastBefore(j int) bool {
	for k := j - 1; k >= 0 && k >= j-12; k-- {
		t := &s.toks[k]
		if t.kind == tSym && t.low != "," && t.low != "'" {
			return false
		}
		switch t.low {
		case "did", "didn't", "had", "hadn't", "was", "wasn't", "were", "weren't":
			return true
		}
	}
	return false
}

// forwardCues are words that make a sentence look ahead.
var forwardCues = withWill(map[string]bool{
	"will": true, "'ll": true, "won't": true, "could": true, "would": true, "shall": true, "might": true, "may": true,
	"next": true, "due": true, "expected": true, "plans": true, "plan": true, "planned": true, "planning": true,
	"scheduled": true, "upcoming": true, "set": true, "going": true, "intends": true, "until": true,
	// An invitation is to what comes: "invited the team to the final on Sunday".
	"invited": true, "invites": true, "inviting": true,
	// A schedule in the present tense: "the assembly, which begins Monday".
	"begins": true, "opens": true, "resumes": true, "starts": true, "returns": true, "peaks": true,
})

// withWill adds to cues a contracted "will" with its pronoun ("he'll"),
// which the tokenizer keeps as one word.
func withWill(cues map[string]bool) map[string]bool {
	for _, who := range []string{"i", "you", "he", "she", "it", "we", "they", "that", "there", "who"} {
		cues[who+"'ll"] = true
		cues[who+"’ll"] = true
	}
	return cues
}

// resolveYearless picks the year for a month/day written without one.
func (s *dateScanner) resolveYearless(i, m, d int) (time.Time, bool) {
	if s.pub.IsZero() {
		return time.Time{}, false
	}
	y := s.pub.Year()
	if !validDay(y, m, d) {
		if !validDay(2000, m, d) {
			return time.Time{}, false
		}
		y = s.pub.Year() - 1
		for !validDay(y, m, d) {
			y--
		}
	}
	c := day(y, m, d)
	switch {
	case s.forwardLooking(i):
		if c.Before(s.pub.AddDate(0, 0, -30)) {
			c = day(y+1, m, d)
		}
	case c.After(s.pub.AddDate(0, 0, 30)):
		c = day(y-1, m, d)
	}
	if c.Day() != d {
		return time.Time{}, false
	}
	return c, true
}

// resolveMonth picks the year for a month written without one.
func (s *dateScanner) resolveMonth(i, m int) (time.Time, time.Time, bool) {
	if s.pub.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	y := s.pub.Year()
	if s.forwardLooking(i) {
		if m < int(s.pub.Month()) {
			y++
		}
	} else if m > int(s.pub.Month()) {
		y--
	}
	return day(y, m, 1), monthEnd(y, m), true
}

// dateTriggers are the words a date mention can start with; other words
// are skipped without trying each form.
var dateTriggers = func() map[string]bool {
	m := map[string]bool{}
	for _, tab := range []map[string]int{months, weekdays} {
		for w := range tab {
			m[w] = true
		}
	}
	for w := range cardinalWords {
		m[w] = true
	}
	for w := range ordinalWords {
		m[w] = true
	}
	for w := range holidays {
		m[w] = true
	}
	for _, h := range holidayPhrases {
		m[h.words[0]] = true
	}
	for w := range decadeWords {
		m[w] = true
	}
	for _, w := range []string{"from", "between", "the", "in", "within", "last", "this", "next", "past", "previous", "coming",
		"upcoming", "following", "current", "earlier", "later", "early", "mid", "late", "q", "h", "today", "tonight", "yesterday",
		"tomorrow", "tmrw", "a", "an", "on", "week", "end", "beginning", "start", "middle", "final", "easter", "thanksgiving",
		"black", "labor", "labour", "memorial", "good", "weekend", "w", "cy", "that"} {
		m[w] = true
	}
	return m
}()

// numberForm tries the compound date forms that start with a figure,
// longer readings before their parts.
func (s *dateScanner) numberForm(i int) (found, bool) {
	t := &s.toks[i]
	if t.digits == 4 {
		if f, ok := s.yearMonthDay(i); ok {
			return f, true
		}
	}
	if f, ok := s.spanForm(i); ok {
		return f, true
	}
	if f, ok := s.offsetFrom(i); ok {
		return f, true
	}
	if t.sfx > 0 { // "3rd week of", "21st century"
		if f, ok := s.weekOf(i); ok {
			return f, true
		}
		if f, ok := s.century(i); ok {
			return f, true
		}
	}
	if t.digits != 4 {
		return found{}, false
	}
	return s.yearQuarter(i)
}

// wordForm tries the compound date forms that start with a word.
func (s *dateScanner) wordForm(i int) (found, bool) {
	if t := s.at(s.skipThe(i)); t.kind == tNum || t.in(cSpanStart) || t.in(cCardinal) && t.cardinalAbove0() || t.in(cOrdinal) && t.ordinal() > 0 {
		if f, ok := s.spanForm(i); ok {
			return f, true
		}
	}
	t, t1 := &s.toks[i], s.at(s.skipThe(i))
	if t.low == "a" || t.low == "an" || t.in(cCardinal) {
		if f, ok := s.offsetFrom(i); ok {
			return f, true
		}
	}
	if t.in(cWeekday|cPeriodMod) || t.low == "on" || t.low == "the" {
		if f, ok := s.weekThenDay(i); ok {
			return f, true
		}
	}
	if t1.kind == tNum || t1.in(cOrdinal) || t1.low == "week" || t1.low == "last" || t1.low == "final" {
		if f, ok := s.weekOf(i); ok {
			return f, true
		}
	}
	if w := t1.low; w == "end" || w == "beginning" || w == "start" || w == "middle" {
		if f, ok := s.periodEdge(i); ok {
			return f, true
		}
	}
	if t1.in(cPeriodMod) {
		if f, ok := s.relativeQuarter(i); ok {
			return f, true
		}
	}
	if t.in(cPeriodMod | cMovableFirst) {
		if f, ok := s.movableHolidayAt(i); ok {
			return f, true
		}
	}
	if t.in(cWeekday) {
		if f, ok := s.weekdayOfDay(i); ok {
			return f, true
		}
		if f, ok := s.weekdayOfOffset(i); ok {
			return f, true
		}
	}
	if t.low == "on" {
		if f, ok := s.onTheDay(i); ok {
			return f, true
		}
	}
	if !t.in(cOrdinal) {
		return found{}, false
	}
	return s.century(i)
}

// weakTriggers are common words that start a date only when a date word or
// figure follows.
var weakTriggers = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "from": true, "between": true, "within": true, "this": true}

// periodWords name periods that can follow a weak trigger ("this weekend").
var periodWords = map[string]bool{"same": true, "now": true, "workweek": true, "working": true, "work": true, "weekend": true, "calendar": true, "quarter": true, "quarters": true, "century": true, "week's": true, "month's": true, "year's": true}
