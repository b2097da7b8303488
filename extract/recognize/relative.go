package recognize

import (
	"strings"
	"time"
)

// unitDays maps period words to their calendar step.
var periodUnits = map[string]string{
	"day": granDay, "days": granDay, "week": granWeek, "weeks": granWeek, "month": granMonth, "months": granMonth,
	"year": granYear, "years": granYear, "fortnight": "fortnight", "fortnights": "fortnight", "decade": "decade", "decades": "decade",
}

// addPeriod moves t by n units.
func addPeriod(t time.Time, unit string, n int) time.Time {
	switch unit {
	case granDay:
		return t.AddDate(0, 0, n)
	case granWeek:
		return t.AddDate(0, 0, 7*n)
	case "fortnight":
		return t.AddDate(0, 0, 14*n)
	case granMonth:
		return t.AddDate(0, n, 0)
	case "decade":
		return t.AddDate(10*n, 0, 0)
	}
	return t.AddDate(n, 0, 0)
}

// period returns the calendar period of the given granularity that holds t.
func period(t time.Time, gran string) (time.Time, time.Time) {
	switch gran {
	case granWeek:
		m := monday(t)
		return m, m.AddDate(0, 0, 6)
	case granMonth:
		return day(t.Year(), int(t.Month()), 1), monthEnd(t.Year(), int(t.Month()))
	case granYear:
		return day(t.Year(), 1, 1), day(t.Year(), 12, 31)
	case "decade":
		y := t.Year() - t.Year()%10
		return day(y, 1, 1), day(y+9, 12, 31)
	}
	return t, t
}

// countAt reads a small count at k: digits, a written number, "a"/"an".
func (s *dateScanner) countAt(k int) (int, int, bool) {
	if k >= len(s.toks) {
		return 0, 0, false
	}
	t := &s.toks[k]
	switch {
	case t.kind == tNum && t.plain && t.suffix() == "" && !t.ident && t.val < 10000:
		return int(t.val), k + 1, true
	case t.low == "a" || t.low == "an":
		return 1, k + 1, true
	case t.low == "couple" || t.low == "few" || t.low == "several":
		return 0, 0, false
	}
	if v, ok := t.cardinal(); ok && v > 0 {
		if v >= 20 && k+1 < len(s.toks) {
			j := k + 1
			if s.toks[j].isSym("-") && s.toks[j].adjacent() {
				j++
			}
			if j < len(s.toks) {
				if u, ok := s.toks[j].cardinal(); ok && u >= 1 && u <= 9 {
					return int(v + u), j + 1, true
				}
			}
		}
		return int(v), k + 1, true
	}
	return 0, 0, false
}

// relative reads mentions resolved against publication or an earlier date.
func (s *dateScanner) relative(i int) (found, bool) {
	// Each form is tried only when token i can start it.
	t := &s.toks[i]
	mod := t.in(cPeriodMod)
	if f, ok := s.relativeWord(i); ok {
		return s.needPub(f)
	}
	if mod || t.in(cWeekday) {
		if f, ok := s.weekdayForms(i); ok {
			return s.needPub(f)
		}
	}
	if mod || t.low == "the" {
		if f, ok := s.calendarPeriod(i); ok {
			return s.needPub(f)
		}
	}
	if mod || t.kind == tNum || t.in(cCardinal) || t.low == "within" || t.low == "in" || t.low == "the" || t.low == "a" || t.low == "an" {
		if f, ok := s.countedPeriod(i); ok {
			return f, true
		}
	}
	if t.low == "the" {
		if f, ok := s.anchoredPhrase(i); ok {
			return f, true
		}
		if f, ok := s.thePeriod(i); ok {
			return s.needPub(f)
		}
	}
	if !t.in(cFixedFirst) {
		return found{}, false
	}
	return s.holiday(i)
}

// needPub drops a resolved value when the publication date is unknown,
// keeping the span claimed.
func (s *dateScanner) needPub(f found) (found, bool) {
	if s.pub.IsZero() {
		f.from, f.to = time.Time{}, time.Time{}
	}
	return f, true
}

// relativeWord reads "today", "yesterday", "tomorrow", "tonight", "last
// night".
func (s *dateScanner) relativeWord(i int) (found, bool) {
	off := 0
	end := i + 1
	switch s.toks[i].low {
	case "today", "tonight":
	case "yesterday":
		off = -1
	case "tomorrow", "tmrw":
		off = 1
	case "last":
		if !matchAt(s.text, s.toks, i+1, []string{"night"}) {
			return found{}, false
		}
		off, end = -1, i+2
	default:
		return found{}, false
	}
	d := s.pub.AddDate(0, 0, off)
	return found{first: i, end: end, from: d, to: d, gran: granDay, rel: true}, true
}

// weekdayForms reads "Sunday", "on Sunday", "last Wednesday", "next
// Friday", "this past Monday", "this coming Friday".
func (s *dateScanner) weekdayForms(i int) (found, bool) {
	mod := ""
	j := i
	switch s.toks[i].low {
	case "last", "previous", "next", "this", "past", "coming", "upcoming", "following":
		mod = s.toks[i].low
		j = i + 1
		if mod == "this" && j < len(s.toks) && (s.toks[j].isWord("past") || s.toks[j].isWord("coming") || s.toks[j].isWord("upcoming")) {
			mod = s.toks[j].low
			j++
		}
	}
	if j >= len(s.toks) || s.toks[j].kind != tWord {
		return found{}, false
	}
	wd, ok := s.toks[j].weekday()
	if !ok || len(s.toks[j].low) < 6 && !(mod != "" || s.text[s.toks[j].start] < 'a') || len(s.toks[j].low) < 3 {
		return found{}, false
	}
	if len(s.toks[j].low) < 6 && mod == "" && !s.datePrepBefore(j) {
		return found{}, false // "Sat", "Sun", "Wed" alone are words or names
	}
	if j+1 < len(s.toks) && weekdayNames[s.toks[j+1].low] {
		return found{}, false // "the Sunday Times"
	}
	p := s.pub
	pw := int(p.Weekday())
	var d time.Time
	switch mod {
	case "last", "previous":
		d = monday(p).AddDate(0, 0, -7+(wd+6)%7)
	case "next", "following":
		d = monday(p).AddDate(0, 0, 7+(wd+6)%7)
	case "this":
		d = monday(p).AddDate(0, 0, (wd+6)%7)
	case "past":
		d = p.AddDate(0, 0, -((pw-wd+6)%7 + 1))
	case "coming", "upcoming":
		d = p.AddDate(0, 0, (wd-pw+6)%7+1)
	default:
		if s.joinedToWeek(i) {
			d = s.week.AddDate(0, 0, (wd+6)%7) // "next week Mon or Tue"
		} else if s.forwardLooking(i) {
			d = p.AddDate(0, 0, (wd-pw+7)%7)
		} else {
			d = p.AddDate(0, 0, -((pw - wd + 7) % 7))
		}
	}
	return found{first: i, end: j + 1, from: d, to: d, gran: granDay, rel: true}, true
}

// weekdayNames are words after a weekday that make it part of a name.
var weekdayNames = map[string]bool{"times": true, "telegraph": true, "express": true, "mirror": true, "herald": true, "observer": true, "tribune": true, "league": true, "school": true, "best": true}

// calendarPeriod reads "last week", "this month", "next year", "earlier
// this month", "later this week", "the past week", "last weekend".
func (s *dateScanner) calendarPeriod(i int) (found, bool) {
	if i >= len(s.toks) {
		return found{}, false
	}
	j, edge := s.calendarLead(i)
	if j >= len(s.toks) {
		return found{}, false
	}
	mod := s.toks[j].low
	switch mod {
	case "last", "this", "next", "past", "previous", "current", "the", "following", "coming":
	case "that":
		return s.thatPeriod(i, j, edge)
	default:
		return found{}, false
	}
	if mod == "the" && s.at(j+1).isWord("same") {
		return s.thatPeriod(i, j, edge)
	}
	if edge == "" && mod == "the" {
		return s.theWeekend(i)
	}
	if edge != "" && mod != "this" && mod != "the" {
		return found{}, false
	}
	p, ok := s.calendarUnit(i, j+1, edge, mod)
	if !ok {
		return found{}, false
	}
	return s.calendarDates(p), true
}

// calendarLead reads "earlier (in the)", "later this" and "the past",
// "the previous", "the following" before a period, returning the token of
// the word that places it ("this", "past") and the edge, "earlier",
// "later" or none.
func (s *dateScanner) calendarLead(i int) (j int, edge string) {
	j = i
	switch s.toks[j].low {
	case "earlier", "later":
		edge = s.toks[j].low
		j++
		if j < len(s.toks) && (s.toks[j].isWord("in") || s.toks[j].isWord("this")) {
			if s.toks[j].isWord("in") && j+1 < len(s.toks) && s.toks[j+1].isWord("the") {
				j++
			}
		}
	case "the":
		if j+1 < len(s.toks) && (s.toks[j+1].isWord("past") || s.toks[j+1].isWord("previous") || s.toks[j+1].isWord("following")) {
			j++
		}
	}
	return j, edge
}

// calendarSpec is a calendar period as read, before it is dated: "earlier
// this working week" has edge "earlier", mod "this", unit "week" and work.
type calendarSpec struct {
	first, unitAt   int    // the period's first token and its unit's
	edge, mod, unit string // "earlier" or "later"; "last", "this", ...; "week", ...
	gran            string // periodUnits[unit]
	work, weekend   bool   // Monday to Friday; Saturday and Sunday
}

// calendarUnit reads the unit at token j, after the word that places it
// (mod): "week", "calendar year", "working week", "weekend", "fortnight".
func (s *dateScanner) calendarUnit(first, j int, edge, mod string) (calendarSpec, bool) {
	if s.at(j).isWord("calendar") && s.at(j+1).isWord("year") {
		j++ // "this calendar year"
	}
	if j >= len(s.toks) {
		return calendarSpec{}, false
	}
	unit := strings.TrimSuffix(s.toks[j].low, "'s")
	work := false // "this working week", "next workweek": Monday to Friday
	if unit == "workweek" || (unit == "working" || unit == "work") && s.at(j+1).isWord("week") && !s.at(j+1).nl {
		if unit != "workweek" {
			j++
		}
		unit, work = "week", true
		if edge != "" || mod == "past" {
			return calendarSpec{}, false
		}
	}
	gran, ok := periodUnits[unit]
	weekend := unit == "weekend"
	if (!ok || unit != "week" && unit != "month" && unit != "year" && unit != "decade" && unit != "fortnight") && !weekend {
		return calendarSpec{}, false
	}
	if unit == "fortnight" && (edge != "" || mod == "this" || mod == "current" || mod == "the") {
		return calendarSpec{}, false
	}
	if j+1 < len(s.toks) && s.toks[j+1].isSym("'") {
		return calendarSpec{}, false
	}
	return calendarSpec{first: first, unitAt: j, edge: edge, mod: mod, unit: unit, gran: gran, work: work, weekend: weekend}, true
}

// calendarDates dates a calendar period from publication, or from the
// anchor for "the following week".
func (s *dateScanner) calendarDates(p calendarSpec) found {
	first, j, mod, gran := p.first, p.unitAt, p.mod, p.gran
	ref := s.pub
	rel := true
	if mod == "following" || first < j-1 && s.toks[j-1].low == "following" {
		if !s.anchor.IsZero() {
			ref = s.anchor
		}
	}
	step := 0
	if mod == "last" && p.unit == "decade" && s.at(first-1).isWord("the") {
		mod = "past" // "over the last decade": the ten years to publication
	}
	switch mod {
	case "last", "previous":
		step = -1
	case "next", "following", "coming":
		step = 1
	case "past":
		// "the past week": the seven days up to publication.
		if p.weekend {
			step = -1
			break
		}
		from := addPeriod(ref, gran, -1)
		return found{first: first, end: j + 1, from: from, to: ref, gran: granOf(gran), rel: rel}
	}
	if p.unit == "fortnight" {
		// "last fortnight": the two weeks before this one; "next
		// fortnight": the two after it.
		m := monday(ref).AddDate(0, 0, 7)
		if step < 0 {
			m = monday(ref).AddDate(0, 0, -14)
		}
		return found{first: first, end: j + 1, from: m, to: m.AddDate(0, 0, 13), gran: granWeek, rel: rel}
	}
	if p.weekend {
		m := monday(ref).AddDate(0, 0, 7*step)
		return found{first: first, end: j + 1, from: m.AddDate(0, 0, 5), to: m.AddDate(0, 0, 6), gran: granWeek, rel: true}
	}
	from, to := period(addPeriod(ref, gran, step), gran)
	if p.work {
		to = from.AddDate(0, 0, 4)
	}
	switch p.edge {
	case "earlier":
		// Before the day of writing, unless that is the period's first.
		to = ref
		if ref.After(from) {
			to = ref.AddDate(0, 0, -1)
		}
	case "later":
		from = ref
	}
	return found{first: first, end: j + 1, from: from, to: to, gran: granOf(gran), rel: rel}
}

// thatPeriod reads a period placed by the mention before it: "that week",
// "the same month", "that same day", "later that year", "earlier that
// month", "that weekend". A day takes the last mention's day, a week or a
// weekend its week and so on; without a mention before it, or one too long
// to hold the period, it is left alone: an unanchored "that week" in news
// is mostly the week of an event the text does not date, not the week of
// publication. j is at "that" or "the".
func (s *dateScanner) thatPeriod(first, j int, edge string) (found, bool) {
	j++
	same := s.at(j).isWord("same")
	if same {
		j++
	}
	if n := s.at(j + 1); same && n.kind == tWord && sameOther[n.low] {
		return found{}, false // "the same month last year", "the same week a year earlier"
	}
	u := s.at(j)
	unit := strings.TrimSuffix(u.low, "'s")
	gran, ok := periodUnits[unit]
	weekend := unit == "weekend"
	if weekend {
		gran, ok = granWeek, true
	}
	if !ok || unit != "day" && unit != "week" && unit != "month" && unit != "year" && !weekend || u.nl || s.at(j-1).nl {
		return found{}, false
	}
	if n := s.at(j + 1); n.adjacent() && (n.isSym("-") || n.isSym("'")) || thatNouns[n.low] && n.kind == tWord {
		return found{}, false // "that month-old plan", "that day traders"
	}
	end := j + 1
	ref := s.last
	if ref.from.IsZero() {
		return found{first: first, end: end}, s.spans
	}
	from, to := period(ref.from, gran)
	if weekend {
		from = from.AddDate(0, 0, 5)
	}
	if to.Before(ref.to) || gran == granDay && !ref.from.Equal(ref.to) {
		return found{}, false // "In 2015 ... that month"
	}
	if to.Before(s.last.to) || gran == granDay && !s.last.from.Equal(s.last.to) {
		return found{}, false // "In 2015 ... that month"
	}
	switch edge {
	case "earlier":
		to = ref.from.AddDate(0, 0, -1)
	case "later":
		from = ref.to.AddDate(0, 0, 1)
	}
	if to.Before(from) {
		return found{}, false
	}
	return found{first: first, end: end, from: from, to: to, gran: granOf(gran), rel: true}, true
}

// sameOther are words after "the same month" that move it to another
// period.
var sameOther = map[string]bool{"last": true, "a": true, "one": true, "of": true, "in": true, "the": true, "previous": true, "next": true, "this": true, "two": true, "three": true}

// thatNouns are words after "that day" or "that week" that make it a noun
// phrase ("that day care centre").
var thatNouns = map[string]bool{"trader": true, "traders": true, "trading": true, "care": true, "job": true, "jobs": true, "trip": true, "trips": true, "pass": true, "passes": true, "rate": true, "rates": true, "old": true, "long": true, "ahead": true}

// countedPeriod reads "two weeks ago", "in 3 days", "three days later",
// "the past five years", "the next 3 days".
func (s *dateScanner) countedPeriod(i int) (found, bool) {
	c, ok := s.countLead(i)
	if !ok || !s.readCount(&c) {
		return found{}, false
	}
	if f, ok := s.businessDays(c.first, c.unit, c.n, c.dir, c.span, c.within); ok {
		return f, true
	}
	unit := strings.TrimSuffix(s.at(c.unit).low, "'s") // "in a fortnight's time"
	gran, ok := periodUnits[unit]
	if !ok || c.n > 1 && unit[len(unit)-1] != 's' {
		return found{}, false
	}
	switch {
	case c.within || c.span:
		return s.stretchFromPub(c, gran)
	case c.dir > 0:
		return s.periodAhead(c, unit, gran)
	}
	return s.periodOffset(c, gran)
}

// counted is a counted period being read: "the past five years" has its
// first token at "the", count 5 at "five", the unit at "years", looks back
// (dir -1) and is a stretch up to publication (span).
type counted struct {
	first  int  // the first token of the period
	count  int  // the token the count starts at
	unit   int  // the unit's token, after the count
	n      int  // the count
	dir    int  // -1 back, 1 ahead, 0 not yet known
	span   bool // a stretch between publication and the count's end
	within bool // "within 9 months": from publication on
}

// countLead reads the words before a count: "within (the next)", "in",
// "the past", "the next", "last", "coming" and the like.
func (s *dateScanner) countLead(i int) (counted, bool) {
	c := counted{first: i, count: i}
	switch s.toks[i].low {
	case "within":
		// "within 9 months", "within the next 10 months": from publication.
		c.within, c.count = true, s.skipThe(i+1)
		switch s.at(c.count).low {
		case "next", "coming", "following":
			c.count++
		}
	case "in":
		c.dir = 1
		c.count++
	case "the":
		if i+1 < len(s.toks) {
			switch s.toks[i+1].low {
			case "past", "last", "previous":
				c.dir, c.span, c.count = -1, true, i+2
			case "next", "coming", "following":
				c.dir, c.span, c.count = 1, true, i+2
			}
		}
		if !c.span {
			return c, false
		}
	case "past", "last", "previous":
		c.dir, c.span, c.count = -1, true, i+1
	case "next", "coming", "following":
		c.dir, c.span, c.count = 1, true, i+1
	}
	return c, true
}

// readCount reads the count at c.count into c.n, and finds the unit after
// it, past a direction the words before left open ("the 5 upcoming
// years").
func (s *dateScanner) readCount(c *counted) bool {
	n, e, ok := s.countAt(c.count)
	if !ok && s.at(c.count).isWord("couple") && c.span {
		n, e, ok = 2, c.count+1, true // "the next couple weeks"
		if s.at(e).isWord("of") {
			e++
		}
	}
	if !ok || n < 1 || e >= len(s.toks) {
		return false // "within 0 months" is no stretch of time
	}
	if c.dir == 0 && !c.within {
		// "the 5 upcoming years", "10 previous weeks"
		switch s.at(e).low {
		case "past", "last", "previous":
			c.dir, c.span, e = -1, true, e+1
		case "next", "coming", "upcoming", "following":
			c.dir, c.span, e = 1, true, e+1
		}
	}
	c.n, c.unit = n, e
	return true
}

// stretchFromPub dates a stretch that starts or ends at publication:
// "within 9 months", "the past five years", "the next 3 days".
func (s *dateScanner) stretchFromPub(c counted, gran string) (found, bool) {
	end := c.unit + 1
	if c.within {
		if s.at(end).isWord("of") || s.pub.IsZero() && !s.spans {
			return found{}, false
		}
		return found{first: c.first, end: end, from: s.pub, to: addPeriod(s.pub, gran, c.n).AddDate(0, 0, -1), gran: granOf(gran), rel: true}, true
	}
	if s.pub.IsZero() && !s.spans {
		return found{}, false
	}
	if c.dir < 0 {
		from := addPeriod(s.pub, gran, -c.n)
		return found{first: c.first, end: end, from: from, to: s.pub.AddDate(0, 0, -1), gran: granOf(gran), rel: true}, true
	}
	return found{first: c.first, end: end, from: s.pub.AddDate(0, 0, 1), to: addPeriod(s.pub, gran, c.n), gran: granOf(gran), rel: true}, true
}

// periodAhead dates "in 3 days": the day that far after publication; not
// "in 3 days of talks" or "in 3 days time".
func (s *dateScanner) periodAhead(c counted, unit, gran string) (found, bool) {
	end := c.unit + 1
	if end < len(s.toks) && (s.toks[end].isWord("of") || s.toks[end].isWord("time") && unit == s.at(c.unit).low) || s.pub.IsZero() && !s.spans {
		return found{}, false
	}
	d := addPeriod(s.pub, gran, c.n)
	return found{first: c.first, end: end, from: d, to: d, gran: granDay, rel: true}, true
}

// periodOffset dates "two weeks ago" from publication and "three days
// later" from the anchor (or publication), with the further offsets of
// "2 weeks and 2 days ago".
func (s *dateScanner) periodOffset(c counted, gran string) (found, bool) {
	first, end := c.first, c.unit+1
	if end >= len(s.toks) {
		return found{}, false
	}
	var steps offsets
	steps.push(c.n, gran)
	// "2 weeks and 2 days ago", "2 years 1 month 21 days later"; but in
	// "for the last 3 months and 2 weeks and 2 days ago" the weeks belong
	// to the stretch before.
	if k := len(s.claimed); k == 0 || s.claimed[k-1][1] != first-1 || !s.at(first-1).isWord("and") {
		if k, more := s.moreOffsets(end, &steps); more > 0 {
			end = k
		}
	}
	switch s.toks[end].low {
	case "ago":
		if s.pub.IsZero() && !s.spans {
			return found{first: first, end: end + 1}, true
		}
		d := steps.add(s.pub, -1)
		return found{first: first, end: end + 1, from: d, to: d, gran: granDay, rel: true}, true
	case "later", "after", "earlier", "before":
		if end+1 < len(s.toks) && (s.toks[end].low == "after" || s.toks[end].low == "before") && !s.toks[end+1].isSym(",") && !s.toks[end+1].isSym(".") {
			return found{}, false // "two days after the vote" needs the event
		}
		ref := s.anchor
		if ref.IsZero() {
			ref = s.pub
		}
		if ref.IsZero() {
			return found{first: first, end: end + 1}, true
		}
		sign := 1
		if s.toks[end].low == "earlier" || s.toks[end].low == "before" {
			sign = -1
		}
		d := steps.add(ref, sign)
		return found{first: first, end: end + 1, from: d, to: d, gran: granDay, rel: true}, true
	}
	return found{}, false
}

// granOf maps a period unit to a Date granularity.
func granOf(unit string) string {
	switch unit {
	case "fortnight":
		return granWeek
	case "decade":
		return granYear
	}
	return unit
}

// anchoredPhrase reads "the next day", "the following day", "the day
// after", "the day before", "the previous day" against the last dated day.
func (s *dateScanner) anchoredPhrase(i int) (found, bool) {
	if !s.toks[i].isWord("the") || i+2 >= len(s.toks) {
		return found{}, false
	}
	a, b := s.toks[i+1].low, s.toks[i+2].low
	off := 0
	switch {
	case (a == "next" || a == "following") && b == "day":
		off = 1
	case a == "previous" && b == "day":
		off = -1
	case a == "day" && (b == "after" || b == "before"):
		if i+3 < len(s.toks) && !s.toks[i+3].nl && (s.toks[i+3].kind == tWord && s.toks[i+3].low != "and" || s.toks[i+3].kind == tNum) {
			return found{}, false
		}
		off = 1
		if b == "before" {
			off = -1
		}
	default:
		return found{}, false
	}
	ref := s.anchor
	if ref.IsZero() {
		ref = s.pub
	}
	if ref.IsZero() {
		return found{first: i, end: i + 3}, true
	}
	d := ref.AddDate(0, 0, off)
	return found{first: i, end: i + 3, from: d, to: d, gran: granDay, rel: true}, true
}

// holidays with a fixed date.
var holidays = map[string][2]int{
	"christmas": {12, 25}, "xmas": {12, 25}, "halloween": {10, 31}, "juneteenth": {6, 19},
}

// holidayPhrases are multi-word holidays with a fixed date.
var holidayPhrases = []struct {
	words []string
	m, d  int
}{
	{[]string{"christmas", "eve"}, 12, 24}, {[]string{"christmas", "day"}, 12, 25}, {[]string{"new", "year's", "day"}, 1, 1},
	{[]string{"new", "year's", "eve"}, 12, 31}, {[]string{"independence", "day"}, 7, 4}, {[]string{"valentine's", "day"}, 2, 14},
	{[]string{"boxing", "day"}, 12, 26}, {[]string{"new", "year", "day"}, 1, 1},
	{[]string{"earth", "day"}, 4, 22}, {[]string{"veterans", "day"}, 11, 11}, {[]string{"groundhog", "day"}, 2, 2},
	{[]string{"saint", "patrick's", "day"}, 3, 17}, {[]string{"st", "patrick's", "day"}, 3, 17}, {[]string{"st", ".", "patrick's", "day"}, 3, 17},
	{[]string{"saint", "patrick"}, 3, 17}, {[]string{"international", "workers", "'", "day"}, 5, 1}, {[]string{"international", "workers", "day"}, 5, 1},
}

// holiday reads fixed-date holidays, with or without a year ("Christmas
// 2010"); without one, the most recent on or before publication.
func (s *dateScanner) holiday(i int) (found, bool) {
	if !s.toks[i].in(cFixedFirst) {
		return found{}, false
	}
	m, d, end, name := 0, 0, 0, ""
	for _, h := range holidayPhrases {
		if matchAt(s.text, s.toks, i, h.words) {
			m, d, end, name = h.m, h.d, i+len(h.words), strings.Join(h.words, " ")
			break
		}
	}
	if end == 0 {
		h, ok := holidays[s.toks[i].low]
		if !ok {
			return found{}, false
		}
		m, d, end, name = h[0], h[1], i+1, s.toks[i].low
	}
	if y, e, ok := s.yearAt(end); ok && s.toks[end].kind == tNum {
		return found{first: i, end: e, from: day(y, m, d), to: day(y, m, d), gran: granDay, holiday: name}, true
	}
	return s.fixedHoliday(i, i, end, m, d, name), true
}

// fixedHoliday places the holiday m-d, written without a year at tokens
// first to end, in a sentence read from token i: the most recent on or
// before publication, or the next on or after it when the sentence looks
// ahead.
func (s *dateScanner) fixedHoliday(i, first, end, m, d int, name string) found {
	if s.pub.IsZero() {
		return found{first: first, end: end}
	}
	y := s.pub.Year()
	if day(y, m, d).After(s.pub) && !s.forwardLooking(i) {
		y--
	} else if day(y, m, d).Before(s.pub) && s.forwardLooking(i) {
		y++
	}
	return found{first: first, end: end, from: day(y, m, d), to: day(y, m, d), gran: granDay, rel: true, holiday: name}
}

// markTimesAndPhones blocks clock times ("10:30", "4:3") and phone
// numbers ("+1 555 123 4567", "(020) 7946 0000", "555-123-4567").
func markTimesAndPhones(text string, toks []token, blocked []bool) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tNum {
			continue
		}
		// Times: digits ':' digits.
		if i+2 < len(toks) && toks[i+1].isSym(":") && toks[i+1].adjacent() && toks[i+2].kind == tNum && toks[i+2].adjacent() {
			j := i + 2
			for j+2 < len(toks) && toks[j+1].isSym(":") && toks[j+1].adjacent() && toks[j+2].kind == tNum && toks[j+2].adjacent() {
				j += 2
			}
			for k := i; k <= j; k++ {
				blocked[k] = true
			}
			i = j
			continue
		}
		start := i
		phone := i > 0 && toks[i-1].isSym("+") && t.adjacent()
		if i > 0 && toks[i-1].isSym("(") && t.adjacent() && t.plain && (t.digits == 3 || t.digits >= 2 && t.low[0] == '0') && i+2 < len(toks) && toks[i+1].isSym(")") && toks[i+2].kind == tNum && toks[i+2].digits >= 3 {
			phone = true
		}
		// Three or more digit groups joined by hyphens.
		groups := 1
		for j := i; j+2 < len(toks) && toks[j+1].isSym("-") && toks[j+1].adjacent() && toks[j+2].kind == tNum && toks[j+2].adjacent() && toks[j+2].plain; j += 2 {
			groups++
		}
		if groups >= 3 && t.plain {
			phone = true
		}
		if !phone {
			continue
		}
		j := i
		for j+1 < len(toks) && !toks[j+1].nl && (toks[j+1].kind == tNum && toks[j+1].plain || toks[j+1].isSym("-") || toks[j+1].isSym(")") || toks[j+1].isSym(".") || toks[j+1].isSym("/")) && len(toks[j+1].gap(text)) <= 1 {
			if toks[j+1].kind != tNum && (j+2 >= len(toks) || toks[j+2].kind != tNum) {
				break
			}
			j++
		}
		for k := start; k <= j; k++ {
			blocked[k] = true
		}
		i = j
	}
}

// fixedHolidayFirst are the first words of fixed-date holidays.
var fixedHolidayFirst = func() map[string]bool {
	m := map[string]bool{}
	for w := range holidays {
		m[w] = true
	}
	for _, h := range holidayPhrases {
		m[h.words[0]] = true
	}
	return m
}()

// holidayOn returns the named holiday in year y.
func holidayOn(name string, y int) (time.Time, bool) {
	if d, ok := movableHoliday(name, y); ok {
		return d, true
	}
	if h, ok := holidays[name]; ok {
		return day(y, h[0], h[1]), true
	}
	for _, h := range holidayPhrases {
		if strings.Join(h.words, " ") == name {
			return day(y, h.m, h.d), true
		}
	}
	return time.Time{}, false
}
