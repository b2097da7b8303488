package recognize

import "time"

// thePeriod reads "the day", "the week", "the month" and "the year" on
// their own ("partner of the year", "away for the month", "the highest
// level of the week"): the period holding publication, as "later in the
// month" and "the first quarter of the year" read it. "the week after
// next" and "the year before last" move two periods; "the rest of the
// year" runs from publication to the end of the year.
//
// It is not read when the words around tie the period to something else:
// "the year before independence", "the day of the attack", "the week
// ending May 5", "the year 2008", "the year that it happened", "a year to
// the day", "at the end of the day".
func (s *dateScanner) thePeriod(i int) (found, bool) {
	gran := s.at(i + 1).low
	switch gran {
	case granDay, granWeek, granMonth, granYear:
	default:
		return found{}, false
	}
	end, step := i+2, 0
	switch n := s.at(i + 2); {
	case n.isWord("after") && s.at(i+3).isWord("next") && !s.at(i+3).nl:
		end, step = i+4, 2
	case n.isWord("before") && s.at(i+3).isWord("last") && !s.at(i+3).nl:
		end, step = i+4, -2
	case n.nl:
	case n.kind == tNum || n.kind == tWord && periodTies[n.low] || n.isSym("'") || n.isSym("’"):
		return found{}, false
	}
	if p := s.at(i - 1); p.isWord("to") || p.isWord("of") && (s.at(i-2).isWord("end") || s.rankingBefore(i-1)) {
		return found{}, false
	}
	first, rest := i, false
	if w := s.at(i - 2).low; s.at(i-1).isWord("of") && step == 0 && (w == "rest" || w == "remainder" || w == "remaining" || w == "balance") {
		first, rest = i-2, true // "the rest of the year": from publication on
		if s.at(i - 3).isWord("the") {
			first = i - 3
		}
	}
	if s.pub.IsZero() {
		return found{first: first, end: end}, true
	}
	from, to := period(addPeriod(s.pub, gran, step), gran)
	if rest {
		from = s.pub
	}
	return found{first: first, end: end, from: from, to: to, gran: gran, rel: true}, true
}

// rankingBefore reports whether a superlative or an ordinal comes in the
// few words before token k: "its highest level of the week", "the first
// day of the year" rank something within the period rather than date it.
func (s *dateScanner) rankingBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4 && s.toks[j].kind == tWord; j-- {
		w := s.toks[j].low
		switch {
		case w == "best" || w == "worst" || w == "most" || w == "least" || w == "last" || w == "next":
			return true
		case len(w) > 5 && w[len(w)-3:] == "est" && w != "interest" && w != "harvest" && w != "protest" && w != "request" && w != "contest" && w != "forest":
			return true
		case s.toks[j].in(cOrdinal):
			return true
		}
	}
	return false
}

// periodTies are words after "the year", "the week" and the like that
// make the period one the text defines, not the period of publication.
var periodTies = map[string]bool{
	"before": true, "after": true, "of": true, "that": true, "when": true, "which": true, "in": true, "ending": true,
	"ended": true, "ends": true, "to": true, "since": true, "following": true, "prior": true, "earlier": true, "later": true,
	"beginning": true, "starting": true, "commencing": true, "previous": true, "preceding": true, "is": true, "was": true,
	// "the day it was found", "the year he died", "the day the fire
	// started": a clause says which.
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "the": true,
}

// businessDays reads a count of business days from the count at token k
// ("4 business days", "ten working days"): n is the count and e the token
// after it. dir and span are those of countedPeriod: "the next 4 business
// days" runs over the four weekdays after publication, "the previous 4
// business days" over the four before it, "within 10 working days" from
// publication to the tenth, "in 3 business days" is the third, "5 business
// days ago" the fifth before.
func (s *dateScanner) businessDays(first, e, n, dir int, span, within bool) (found, bool) {
	if w := s.at(e).low; w != "business" && w != "working" || !s.at(e+1).isWord("days") && !(n == 1 && s.at(e+1).isWord("day")) {
		return found{}, false
	}
	end := e + 2
	if s.pub.IsZero() {
		return found{first: first, end: end}, s.spans
	}
	f := found{first: first, end: end, gran: granDay, rel: true}
	switch {
	case within:
		f.from, f.to = s.pub, addBusinessDays(s.pub, n)
	case span && dir < 0:
		f.from, f.to = addBusinessDays(s.pub, -n), addBusinessDays(s.pub, -1)
	case span:
		f.from, f.to = addBusinessDays(s.pub, 1), addBusinessDays(s.pub, n)
	case dir > 0:
		f.from = addBusinessDays(s.pub, n)
		f.to = f.from
	case s.at(end).isWord("ago"):
		f.from = addBusinessDays(s.pub, -n)
		f.to, f.end = f.from, end+1
	default:
		return found{}, false
	}
	return f, true
}

// addBusinessDays moves t by n weekdays, skipping Saturdays and Sundays.
func addBusinessDays(t time.Time, n int) time.Time {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		t = t.AddDate(0, 0, step)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// decadeWords are the decades written as words.
var decadeWords = map[string]int{
	"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}

// decadeWord reads a decade in words, "the nineties", "in nineties", as
// the decade of the twentieth century. Ages and temperatures are written
// the same way, so a possessive ("in his sixties"), a level ("the low
// nineties", "upper forties") or a temperature word in the few words
// before it leaves it alone, and so does a bare decade word that no date
// preposition introduces.
func (s *dateScanner) decadeWord(i int) (found, bool) {
	k := s.skipThe(i)
	d, ok := decadeWords[s.at(k).low]
	if !ok {
		return found{}, false
	}
	for j := k - 1; j >= k-4 && j >= 0 && s.toks[j].kind == tWord; j-- {
		if decadeBlockers[s.toks[j].low] {
			return found{}, false
		}
	}
	if k == i && !s.datePrepBefore(i) {
		return found{}, false
	}
	return found{first: i, end: k + 1, from: day(1900+d, 1, 1), to: day(1900+d+9, 12, 31), gran: granYear}, true
}

// decadeBlockers are words before a decade word that make it an age or a
// temperature.
var decadeBlockers = map[string]bool{
	"his": true, "her": true, "their": true, "its": true, "my": true, "our": true, "your": true, "whose": true,
	"low": true, "high": true, "upper": true, "lower": true, "highs": true, "lows": true, "temperature": true,
	"temperatures": true, "degrees": true, "aged": true, "age": true, "ages": true,
}

// joinWeekday reads a weekday in the week of a day given by an offset:
// "in 3 days on Friday", "two weeks from now on Monday", "the 1st week of
// Oct. on Friday". f is the mention just read; the weekday is the one of
// its ISO week.
func (s *dateScanner) joinWeekday(f found) found {
	if f.from.IsZero() || !s.at(f.end).isWord("on") || s.at(f.end).nl {
		return f
	}
	single := f.gran == granDay && f.from.Equal(f.to) && f.rel && s.countStart(f.first)
	week := f.gran == granWeek && f.to.Sub(f.from) == 6*24*time.Hour
	if !single && !week {
		return f
	}
	wd, e, ok := s.weekdayAt(f.end+1, true)
	if !ok {
		return f
	}
	if s.toks[e-1].isSym(",") {
		e--
	}
	d := monday(f.from).AddDate(0, 0, (wd+6)%7)
	f.from, f.to, f.end, f.gran = d, d, e, granDay
	return f
}

// countStart reports whether the mention at token k starts with a count
// of periods ("3 days", "in two weeks", "two months from today"), the
// offsets joinWeekday and weekdayOfOffset read.
func (s *dateScanner) countStart(k int) bool {
	if s.at(k).isWord("in") {
		k++
	}
	_, e, ok := s.countAt(k)
	return ok && s.at(e).unit() != ""
}

// weekdayOfOffset reads a weekday before an offset from now: "Monday two
// weeks from now", "Thursday, two years from now": the weekday of the ISO
// week holding the offset day.
func (s *dateScanner) weekdayOfOffset(i int) (found, bool) {
	wd, e, ok := s.weekdayAt(i, true)
	if !ok || s.at(e).nl || !s.countStart(e) {
		return found{}, false
	}
	g, ok := s.offsetFrom(e)
	if !ok || g.from.IsZero() || !g.from.Equal(g.to) || !s.at(g.end-1).isWord("now") && !s.at(g.end-1).isWord("today") {
		return found{}, false
	}
	d := monday(g.from).AddDate(0, 0, (wd+6)%7)
	return found{first: i, end: g.end, from: d, to: d, gran: granDay, rel: true}, true
}

// hyphenJoin reports whether token k is a hyphen joining two figures with
// no space ("138-2010").
func (s *dateScanner) hyphenJoin(k int) bool {
	return k > 0 && k+1 < len(s.toks) && s.toks[k].isSym("-") && s.toks[k].adjacent() && s.toks[k+1].adjacent() &&
		s.toks[k-1].kind == tNum && s.toks[k+1].kind == tNum
}

// offsets is a sequence of up to four moves by whole periods, applied in
// order.
type offsets struct {
	moves [4]struct {
		n    int
		unit string
	}
	len int
}

// push appends a move.
func (o *offsets) push(n int, unit string) {
	o.moves[o.len].n, o.moves[o.len].unit = n, unit
	o.len++
}

// add applies the moves to t, forwards (sign 1) or backwards (-1).
func (o *offsets) add(t time.Time, sign int) time.Time {
	for _, m := range o.moves[:o.len] {
		t = addPeriod(t, m.unit, sign*m.n)
	}
	return t
}

// moreOffsets reads further counts of periods after the one ending before
// token k ("and 2 days", ", 3 weeks", "1 month 21 days") into o, and
// returns the token after them and how many it read. They count only when
// "ago", "later" or "earlier" follows them.
func (s *dateScanner) moreOffsets(k int, o *offsets) (int, int) {
	more := 0
	for more < 3 {
		j := k
		if s.at(j).isWord("and") || s.at(j).isSym(",") {
			j++
		}
		n, e, ok := s.countAt(j)
		unit := s.at(e).unit()
		if !ok || n < 1 || unit == "" || n > 1 && s.at(e).low == unit || s.at(j).nl || s.at(e).nl {
			break
		}
		o.push(n, unit)
		k, more = e+1, more+1
	}
	if more == 0 {
		return k, 0
	}
	switch s.at(k).low {
	case "ago", "later", "earlier":
		return k, more
	}
	o.len = 1
	return k, 0
}

// yearInWords reads a year written in words after a preposition that
// introduces years: "in nineteen ninety six", "since two thousand and
// five". Counts are written with the same words ("in two thousand
// cases"), so a noun or a hyphen after them leaves them alone.
func (s *dateScanner) yearInWords(i int) (found, bool) {
	switch s.at(i - 1).low {
	case "in", "since", "during", "until", "till":
	default:
		return found{}, false
	}
	y, e, ok := s.yearWordsAt(i)
	if !ok || y < 1800 || y > 2099 || s.at(i).nl {
		return found{}, false
	}
	if n := s.at(e); !n.nl && (n.kind == tWord && !yearWordFollowers[n.low] || n.isSym("-") || n.kind == tNum) {
		return found{}, false
	}
	return found{first: i, end: e, from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear}, true
}

// yearWordFollowers are the words that may follow a year in words.
var yearWordFollowers = map[string]bool{
	"and": true, "or": true, "but": true, "when": true, "while": true, "as": true, "after": true, "before": true,
	"until": true, "the": true, "a": true, "an": true, "where": true, "that": true, "which": true, "with": true,
	"to": true, "for": true, "in": true, "on": true, "at": true, "by": true, "from": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true,
}

// theWeekend reads "the weekend" ("over the weekend"): the most recent
// Saturday and Sunday, which is the one under way when the article is
// published on either day; or the weekend of the week of publication when
// the sentence looks ahead ("talks will resume at the weekend").
func (s *dateScanner) theWeekend(i int) (found, bool) {
	w := s.at(i + 1)
	if !w.isWord("weekend") || w.nl || s.at(i+2).isSym("'") || s.at(i+2).isWord("of") {
		return found{}, false // "the weekend of Halloween" is read by weekendOf
	}
	if s.pub.IsZero() {
		return found{first: i, end: i + 2}, true
	}
	sat := monday(s.pub).AddDate(0, 0, 5)
	if sat.After(s.pub) && !s.forwardLooking(i) {
		sat = sat.AddDate(0, 0, -7)
	}
	return found{first: i, end: i + 2, from: sat, to: sat.AddDate(0, 0, 1), gran: granWeek, rel: true}, true
}

// placeWeek records the week of a weekday mention placed by its words
// ("next week Mon", "last Wednesday") so that a bare weekday joined to it
// falls in the same week, and keeps it across such a chain ("Monday,
// Tuesday or Wednesday of next week" is read by weekThenDay).
func (s *dateScanner) placeWeek(f found) {
	last := f.end - 1
	if s.at(last).isSym(",") {
		last--
	}
	_, weekday := s.at(last).weekday()
	switch {
	case f.from.IsZero() || f.gran != granDay || !f.from.Equal(f.to) || !weekday:
		s.week = time.Time{}
	case last > f.first:
		s.week, s.weekEnd = monday(f.from), f.end
	case !s.week.IsZero() && s.joinedToWeek(f.first) && monday(f.from).Equal(s.week):
		s.weekEnd = f.end
	default:
		s.week = time.Time{}
	}
}

// joinedToWeek reports whether the bare weekday at token i is joined by
// "or", "and" or a comma to the weekday mention that set s.week.
func (s *dateScanner) joinedToWeek(i int) bool {
	if s.week.IsZero() {
		return false
	}
	k := s.weekEnd
	if s.at(k).isSym(",") && (s.at(k+1).isWord("or") || s.at(k+1).isWord("and")) {
		k++
	}
	return i == k+1 && (s.at(k).isWord("or") || s.at(k).isWord("and") || s.at(k).isSym(",")) && !s.at(i).nl
}
