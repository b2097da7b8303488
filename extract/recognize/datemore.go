package recognize

import (
	"strings"
	"time"
)

// nthWeekday returns the n-th (1-based; -1 for the last) weekday wd in
// month m of year y.
func nthWeekday(y, m, wd, n int) time.Time {
	if n < 0 {
		d := monthEnd(y, m)
		return d.AddDate(0, 0, -((int(d.Weekday()) - wd + 7) % 7))
	}
	d := day(y, m, 1)
	d = d.AddDate(0, 0, (wd-int(d.Weekday())+7)%7)
	return d.AddDate(0, 0, 7*(n-1))
}

// weekOf reads "the first week of March 2018", "the last week of 2016",
// "3rd week of Jan" and "the week of April 10th". The n-th week of a month
// is the ISO week holding its n-th Thursday, so weeks belong to the month
// that holds most of their days.
func (s *dateScanner) weekOf(i int) (found, bool) {
	first := i
	j := s.skipThe(i)
	n := 0
	switch t := s.at(j); {
	case t.isWord("week"):
	case t.isWord("last") || t.isWord("final"):
		n, j = -1, j+1
	case t.ordinal() >= 1 && t.ordinal() <= 5:
		n, j = int(t.ordinal()), j+1
	case t.kind == tNum && t.plain && t.val >= 1 && t.val <= 5 && (t.suffix() == "st" || t.suffix() == "nd" || t.suffix() == "rd" || t.suffix() == "th"):
		n, j = int(t.val), j+1
	default:
		return found{}, false
	}
	if j+1 >= len(s.toks) || !s.at(j).isWord("week") || !s.at(j+1).isWord("of") {
		return found{}, false
	}
	j += 2
	if n == 0 {
		// "the week of April 10th": the ISO week holding that day.
		c, ok := s.calendarAt(s.skipThe(j))
		if !ok {
			return s.weekOfDay(first, j)
		}
		if c.d == 0 {
			return found{}, false
		}
		f, ok := s.resolveCal(c)
		if !ok || f.from.IsZero() {
			return f, ok && s.spans
		}
		m := monday(f.from)
		return found{first: first, end: c.end, from: m, to: m.AddDate(0, 0, 6), gran: granWeek, rel: f.rel}, true
	}
	y, m, end, rel := 0, 0, 0, false
	if c, ok := s.calendarAt(j); ok && c.d == 0 {
		f, ok := s.resolveCal(c)
		if !ok || f.from.IsZero() {
			return f, ok && s.spans
		}
		y, m, end, rel = f.from.Year(), int(f.from.Month()), c.end, f.rel
	} else if yr, e, ok := s.yearAt(j); ok {
		y, end = yr, e
		m = 1
		if n < 0 {
			m = 12
		}
	} else {
		return found{}, false
	}
	thu := nthWeekday(y, m, int(time.Thursday), n)
	mon := monday(thu)
	return found{first: first, end: end, from: mon, to: mon.AddDate(0, 0, 6), gran: granWeek, rel: rel}, true
}

// weekOfDay reads the day in "the week of the 18th": an ordinal after
// "the", placed as bareDay places it; j is after "of".
func (s *dateScanner) weekOfDay(first, j int) (found, bool) {
	t := s.at(j + 1)
	if !s.at(j).isWord("the") || t.kind == tNum && t.suffix() == "" || t.kind == tWord && t.ordinal() == 0 {
		return found{}, false
	}
	d, end, ok := s.dayAt(j + 1)
	if n := s.at(end); !ok || !n.nl && n.kind == tWord && !n.isWord("and") {
		return found{}, false // "the week of the 18th century"
	}
	if s.pub.IsZero() {
		return found{first: first, end: end}, s.spans
	}
	c, ok := s.bareDay(first, d)
	if !ok {
		return found{}, false
	}
	m := monday(c)
	return found{first: first, end: end, from: m, to: m.AddDate(0, 0, 6), gran: granWeek, rel: true}, true
}

// periodEdge reads "the end of 2017", "the beginning of the month", "the
// middle of 2000", "end of this year": the first third, middle third or
// last third of a year, and the first or second half of a month or week.
func (s *dateScanner) periodEdge(i int) (found, bool) {
	first := i
	j := s.skipThe(i)
	edge := s.at(j).low
	switch edge {
	case "end", "beginning", "start", "middle":
	default:
		return found{}, false
	}
	if j+2 >= len(s.toks) || !s.at(j+1).isWord("of") {
		return found{}, false
	}
	k := s.skipThe(j + 2)
	var f found
	var ok bool
	switch s.at(k).low {
	case "year", "month", "week":
		if s.pub.IsZero() && !s.spans {
			return found{}, false
		}
		gran := s.at(k).unit()
		f.from, f.to = period(s.pub, gran)
		f.gran, f.rel, f.end, ok = gran, true, k+1, true
	case "this", "next", "last", "previous":
		f, ok = s.calendarPeriod(k)
	default:
		if c, cok := s.calendarAt(k); cok && c.d == 0 {
			f, ok = s.resolveCal(c)
		} else if y, e, yok := s.yearAt(k); yok && s.at(k).kind == tNum {
			f, ok = found{from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear, end: e}, true
		}
	}
	if !ok {
		return found{}, false
	}
	f.first = first
	if f.from.IsZero() {
		return f, s.spans
	}
	switch f.gran {
	case granYear:
		y := f.from.Year()
		switch edge {
		case "end":
			f.from = day(y, 9, 1)
		case "middle":
			f.from, f.to = day(y, 5, 1), day(y, 8, 31)
		default:
			f.to = day(y, 4, 30)
		}
		f.gran = granMonth
	case granMonth:
		switch edge {
		case "end":
			f.from = f.from.AddDate(0, 0, 15)
		case "middle":
			f.from, f.to = f.from.AddDate(0, 0, 9), f.from.AddDate(0, 0, 19)
		default:
			f.to = f.from.AddDate(0, 0, 14)
		}
	case granWeek:
		switch edge {
		case "end":
			f.from = f.from.AddDate(0, 0, 3)
		case "middle":
			f.from, f.to = f.from.AddDate(0, 0, 2), f.from.AddDate(0, 0, 4)
		default:
			f.to = f.from.AddDate(0, 0, 2)
		}
	}
	return f, true
}

// quarterOf returns the first day of the calendar quarter holding t.
func quarterOf(t time.Time) time.Time {
	return day(t.Year(), (int(t.Month())-1)/3*3+1, 1)
}

// relativeQuarter reads "last quarter", "the next quarter", "the past two
// quarters", "the first quarter" (of the publication year).
func (s *dateScanner) relativeQuarter(i int) (found, bool) {
	first := i
	j := s.skipThe(i)
	mod := s.at(j).low
	n := 1
	switch mod {
	case "last", "past", "previous", "next", "following", "coming", "this", "current":
		j++
		if c, e, ok := s.countAt(j); ok && e < len(s.toks) && s.at(e).isWord("quarters") {
			n, j = c, e
		}
	default:
		return found{}, false
	}
	if j >= len(s.toks) || !(s.at(j).isWord("quarter") || n > 1 && s.at(j).isWord("quarters")) {
		return found{}, false
	}
	if j+1 < len(s.toks) && s.at(j+1).isWord("of") {
		return found{}, false // "last quarter of 2017" is read by quarter
	}
	if s.pub.IsZero() {
		return found{first: first, end: j + 1}, true
	}
	q := quarterOf(s.pub)
	var from, to time.Time
	switch mod {
	case "last", "past", "previous":
		from, to = q.AddDate(0, -3*n, 0), q.AddDate(0, 0, -1)
	case "next", "following", "coming":
		from, to = q.AddDate(0, 3, 0), q.AddDate(0, 3+3*n, -1)
	default:
		from, to = q, q.AddDate(0, 3, -1)
	}
	return found{first: first, end: j + 1, from: from, to: to, gran: granMonth, rel: true}, true
}

// weekdayOfDay reads "Monday 21", "Sun 14th", "Tuesday the eleventh": the
// most recent such date on or before publication (or the next one when the
// sentence looks ahead).
func (s *dateScanner) weekdayOfDay(i int) (found, bool) {
	wd, e, ok := s.weekdayAt(i, true)
	if !ok || e >= len(s.toks) || s.at(e).nl || strings.HasSuffix(s.at(i).low, "'s") {
		return found{}, false // "Monday's first quake" is no Monday the first
	}
	k := s.skipThe(e)
	d, end, ok := s.dayAt(k)
	if !ok || s.at(k).kind == tWord && s.at(k).ordinal() == 0 && !(k+1 < len(s.toks) && s.at(k+1).ordinal() > 0) {
		return found{}, false // "Monday two weeks from now"
	}
	if n := s.at(end); n.adjacent() && (n.isSym("/") || n.isSym("-") || n.isSym(".")) && s.at(end+1).kind == tNum {
		return found{}, false // "Friday 7/6"
	}
	if t := s.at(end - 1); t.kind == tWord && t.ordinal() > 0 && end < len(s.toks) && s.at(end).kind == tWord && !s.at(end).nl && !s.at(end).isWord("of") {
		return found{}, false // "on Thursday, the first foreign leader to visit"
	}
	if t := s.at(k); t.kind == tNum && t.suffix() == "" && (k == e && end < len(s.toks) && (s.at(end).kind == tWord && !s.at(end).nl && !s.at(end).isWord("and") && !s.at(end).isWord("or") || s.at(end).isSym(":"))) {
		return found{}, false // "Monday 21 people", "Monday 10:30"
	}
	if _, _, ok := s.monthAt(s.skipOf(end)); ok {
		return found{}, false // a full date, read by calendarAt
	}
	if s.pub.IsZero() {
		return found{first: i, end: end}, true
	}
	// A past reading takes the latest such day on or before publication;
	// but when that is over a month back and one comes within 30 days,
	// as a day without a year may, the coming one ("tuesday the eleventh"
	// on Monday the 10th is the next day, not a Tuesday the 11th months
	// ago).
	if s.forwardLooking(i) {
		c, ok := weekdayDay(s.pub, wd, d, 1)
		return found{first: i, end: end, from: c, to: c, gran: granDay, rel: true}, ok
	}
	c, ok := weekdayDay(s.pub, wd, d, -1)
	if !ok || c.Before(s.pub.AddDate(0, 0, -30)) {
		if n, nok := weekdayDay(s.pub, wd, d, 1); nok && !n.After(s.pub.AddDate(0, 0, 30)) {
			c, ok = n, true
		}
	}
	return found{first: i, end: end, from: c, to: c, gran: granDay, rel: true}, ok
}

// weekdayDay finds the day d of a month that falls on weekday wd, the
// latest on or before ref (step -1) or the earliest on or after it (step
// 1), within four years.
func weekdayDay(ref time.Time, wd, d, step int) (time.Time, bool) {
	y, m := ref.Year(), int(ref.Month())
	for n := 0; n < 48; n++ {
		if validDay(y, m, d) {
			c := day(y, m, d)
			if int(c.Weekday()) == wd && (step < 0 && !c.After(ref) || step > 0 && !c.Before(ref)) {
				return c, true
			}
		}
		m += step
		if m < 1 {
			m, y = 12, y-1
		} else if m > 12 {
			m, y = 1, y+1
		}
	}
	return time.Time{}, false
}

// onTheDay reads "on the 18th": that day of the publication month, or of
// the month before when it is still to come.
func (s *dateScanner) onTheDay(i int) (found, bool) {
	k := i + 2
	if !s.at(i).isWord("on") {
		return found{}, false
	}
	if !s.at(i + 1).isWord("the") {
		// "on 29th": a figure with an ordinal suffix needs no "the".
		if n := s.at(i + 1); n.kind != tNum || n.suffix() == "" {
			return found{}, false
		}
		k = i + 1
	}
	t := s.at(k)
	d, end, ok := s.dayAt(k)
	if !ok || t.kind == tNum && t.suffix() == "" || t.kind == tWord && t.ordinal() == 0 {
		return found{}, false
	}
	if end < len(s.toks) && !s.at(end).nl && (s.at(end).isWord("of") || s.at(end).kind == tWord && !s.at(end).isWord("and")) {
		return found{}, false
	}
	if s.pub.IsZero() {
		return found{first: i + 1, end: end}, true
	}
	c, ok := s.bareDay(i, d)
	if !ok {
		return found{}, false
	}
	return found{first: i + 1, end: end, from: c, to: c, gran: granDay, rel: true}, true
}

// bareDay places a day of the month written alone ("on the 29th") in a
// sentence read from token i: in the month of publication, or the month
// before when it would fall after publication and the sentence does not
// look ahead.
func (s *dateScanner) bareDay(i, d int) (time.Time, bool) {
	y, m := s.pub.Year(), int(s.pub.Month())
	if d > s.pub.Day() && !s.forwardLooking(i) {
		m--
		if m < 1 {
			m, y = 12, y-1
		}
	}
	if !validDay(y, m, d) {
		return time.Time{}, false
	}
	return day(y, m, d), true
}

// weekThenDay reads "next week Monday", "next week on Tuesday", "previous
// week - Monday" and "Monday of next week": a weekday inside a named week.
func (s *dateScanner) weekThenDay(i int) (found, bool) {
	if wd, e, ok := s.weekdayAt(s.skipOn(i), true); ok && e < len(s.toks) && s.at(e).isWord("of") {
		w, ok := s.calendarPeriod(s.skipThe(e + 1))
		if !ok || w.gran != granWeek || w.from.IsZero() || w.to.Sub(w.from) != 6*24*time.Hour {
			return w, ok && s.spans
		}
		d := w.from.AddDate(0, 0, (wd+6)%7)
		return found{first: i, end: w.end, from: d, to: d, gran: granDay, rel: true}, true
	}
	w, ok := s.calendarPeriod(i)
	if !ok || w.gran != granWeek || w.end >= len(s.toks) {
		return found{}, false
	}
	k := w.end
	if s.at(k).isWord("on") || s.at(k).isSym("-") || s.at(k).isSym(",") {
		k++
	}
	wd, e, ok := s.weekdayAt(k, true)
	if !ok || s.at(k).nl {
		return found{}, false
	}
	if w.from.IsZero() {
		return found{first: i, end: e}, s.spans
	}
	d := monday(w.from).AddDate(0, 0, (wd+6)%7)
	if s.toks[e-1].isSym(",") {
		e--
	}
	return found{first: i, end: e, from: d, to: d, gran: granDay, rel: true}, true
}

func (s *dateScanner) skipOn(j int) int {
	if j < len(s.toks) && s.at(j).isWord("on") {
		return j + 1
	}
	return j
}

// offsetFrom reads "two days after today", "3 weeks from tomorrow", "2
// weeks before Christmas", "16 days from 01/02/2018", "three days from now",
// "five days before New Year".
func (s *dateScanner) offsetFrom(i int) (found, bool) {
	n, e, ok := s.countAt(i)
	if !ok || e+1 >= len(s.toks) {
		return found{}, false
	}
	gran, ok := s.at(e).unit(), s.at(e).in(cPeriodUnit)
	if !ok {
		return found{}, false
	}
	dir := s.at(e + 1).low
	if dir != "after" && dir != "before" && dir != "from" {
		return found{}, false
	}
	k := e + 2
	var ref found
	if k < len(s.toks) && s.at(k).isWord("now") {
		ref = found{first: k, end: k + 1, from: s.pub, to: s.pub, gran: granDay}
	} else if e, ok := s.newYearAt(k); ok {
		ref = s.fixedHoliday(i, k, e, 1, 1, "new year")
	} else {
		ref, ok = s.match(k)
		if !ok || ref.first != k || ref.gran != granDay || !ref.from.Equal(ref.to) {
			return found{}, false
		}
	}
	if ref.from.IsZero() {
		return found{first: i, end: ref.end}, s.spans
	}
	if dir == "before" {
		n = -n
	}
	d := addPeriod(ref.from, gran, n)
	return found{first: i, end: ref.end, from: d, to: d, gran: granDay, rel: true}, true
}

// newYearAt reads "New Year", "the new year" or "New Year's" at k, where
// only an offset before or after it makes it New Year's Day: alone, "the
// new year" is the coming year. It returns the index after it.
func (s *dateScanner) newYearAt(k int) (int, bool) {
	j := s.skipThe(k)
	if !s.at(j).isWord("new") || s.at(j+1).nl {
		return 0, false
	}
	switch y := s.at(j + 1); {
	case y.isWord("year") || y.isWord("year's") || y.isWord("years") && s.at(j+2).isSym("'") && s.at(j+2).adjacent():
	default:
		return 0, false
	}
	if n := s.at(j + 2); n.isWord("day") || n.isWord("eve") || n.isWord("'s") {
		return 0, false // "New Year's Eve" and "New Year Day" are holidays of their own
	}
	return j + 2, true
}

// movableHoliday computes holidays that move: Easter, Thanksgiving (fourth
// Thursday of November), Black Friday, Labor Day (first Monday of
// September), Memorial Day (last Monday of May).
func movableHoliday(name string, y int) (time.Time, bool) {
	switch name {
	case "easter", "easter sunday":
		return easter(y), true
	case "easter monday":
		return easter(y).AddDate(0, 0, 1), true
	case "good friday":
		return easter(y).AddDate(0, 0, -2), true
	case "thanksgiving", "thanksgiving day":
		return nthWeekday(y, 11, int(time.Thursday), 4), true
	case "black friday":
		return nthWeekday(y, 11, int(time.Thursday), 4).AddDate(0, 0, 1), true
	case "labor day", "labour day":
		return nthWeekday(y, 9, int(time.Monday), 1), true
	case "memorial day":
		return nthWeekday(y, 5, int(time.Monday), -1), true
	}
	return time.Time{}, false
}

// easter returns Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}

// movableHolidayAt reads a movable holiday, with an optional year.
func (s *dateScanner) movableHolidayAt(i int) (found, bool) {
	first := i
	mod := ""
	if w := s.at(i).low; w == "last" || w == "previous" || w == "next" || w == "following" {
		mod, i = w, i+1
	}
	if i >= len(s.toks) {
		return found{}, false
	}
	if !s.at(i).in(cMovableFirst) {
		return found{}, false
	}
	name, end := "", 0
	if cand := s.at(i).low + " " + s.at(i+1).low; isMovableHoliday(cand) {
		name, end = cand, i+2
	} else if isMovableHoliday(s.at(i).low) {
		name, end = s.at(i).low, i+1
	}
	if name == "" {
		return found{}, false
	}
	if y, e, ok := s.yearAt(end); ok && s.at(end).kind == tNum {
		d, _ := movableHoliday(name, y)
		return found{first: first, end: e, from: d, to: d, gran: granDay, holiday: name}, true
	}
	if s.pub.IsZero() {
		return found{first: first, end: end}, true
	}
	ref := s.pub
	if mod == "following" && !s.anchor.IsZero() {
		ref = s.anchor // "on March 1, 2015 ... the following Easter"
	}
	y := ref.Year()
	d, _ := movableHoliday(name, y)
	fwd := mod == "next" || mod == "following" || mod == "" && s.forwardLooking(first)
	switch {
	case mod == "following" && !d.After(ref):
		d, _ = movableHoliday(name, y+1) // the first one after
	case fwd && d.Before(ref):
		d, _ = movableHoliday(name, y+1)
	case !fwd && d.After(ref):
		d, _ = movableHoliday(name, y-1)
	}
	return found{first: first, end: end, from: d, to: d, gran: granDay, rel: true, holiday: name}, true
}

// noToken stands for positions past the end of the text.
var noToken = token{kind: tSym}

// at returns token j, or an empty symbol past the end.
func (s *dateScanner) at(j int) *token {
	if j < 0 || j >= len(s.toks) {
		return &noToken
	}
	return &s.toks[j]
}

// century reads "the 21st century", "the nineteenth century".
func (s *dateScanner) century(i int) (found, bool) {
	t := s.at(i)
	n := 0
	switch {
	case t.kind == tNum && t.plain && t.digits <= 2 && (t.suffix() == "st" || t.suffix() == "nd" || t.suffix() == "rd" || t.suffix() == "th"):
		n = int(t.val)
	case t.kind == tWord && t.ordinal() >= 1 && t.ordinal() <= 30:
		n = int(t.ordinal())
	default:
		return found{}, false
	}
	if !s.at(i+1).isWord("century") || n < 1 {
		return found{}, false
	}
	y := (n - 1) * 100
	if y < 1 {
		y = 1
	}
	return found{first: i, end: i + 2, from: day(y, 1, 1), to: day(n*100-1, 12, 31), gran: granYear}, true
}

// yearQuarter reads a quarter or half written after its year: "2017 Q1",
// "2019-Q3", "2019 H2".
func (s *dateScanner) yearQuarter(i int) (found, bool) {
	y, e, ok := s.yearAt(i)
	if !ok || s.at(i).kind != tNum {
		return found{}, false
	}
	if s.at(e).isSym("-") && s.at(e).adjacent() {
		e++
	}
	q := s.at(e)
	n := s.at(e + 1)
	months := 3
	if q.isWord("h") {
		months = 6
	}
	if !q.isWord("q") && !q.isWord("h") || n.kind != tNum || !n.adjacent() || !n.plain || n.val < 1 || int(n.val) > 12/months {
		return found{}, false
	}
	m := months*(int(n.val)-1) + 1
	return found{first: i, end: e + 2, from: day(y, m, 1), to: monthEnd(y, m+months-1), gran: granMonth}, true
}

// holidayFirstWords are the first words of movable holidays.
var holidayFirstWords = map[string]bool{"easter": true, "good": true, "thanksgiving": true, "black": true, "labor": true, "labour": true, "memorial": true}

// isMovableHoliday reports whether name is a movable holiday.
func isMovableHoliday(name string) bool {
	_, ok := movableHoliday(name, 2000)
	return ok
}

// calendarYearCode reads a calendar year as business copy writes it: "CY
// 2008", "CY2018", "cy18".
func (s *dateScanner) calendarYearCode(i int) (found, bool) {
	n := s.at(i + 1)
	if n.kind != tNum || !n.plain || n.suffix() != "" || n.nl || n.gap(s.text) != "" && n.gap(s.text) != " " {
		return found{}, false
	}
	y := int(n.val)
	switch {
	case n.digits == 4 && y >= 1900 && y <= 2100:
	case n.digits == 2 && n.adjacent():
		y += 2000
	default:
		return found{}, false
	}
	if a := s.at(i + 2); a.adjacent() && (a.kind != tSym || a.low == "-" || a.low == "/" || a.low == "%") {
		return found{}, false // "CY2018-19", "cy18x"
	}
	return found{first: i, end: i + 2, from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear}, true
}
