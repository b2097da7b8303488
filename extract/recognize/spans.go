package recognize

import "time"

// spanForm tries the forms of this file that start at token i.
func (s *dateScanner) spanForm(i int) (found, bool) {
	switch t := s.at(s.skipThe(i)); t.low {
	case "week":
		if f, ok := s.spanFrom(i); ok {
			return f, true
		}
		return s.weekNumber(i)
	case "weekend":
		return s.weekendOf(i)
	case "w", "a", "an":
		return s.spanFrom(i)
	case "first", "last", "final":
		return s.partOf(i)
	}
	if f, ok := s.spanFrom(i); ok {
		return f, true
	}
	if f, ok := s.partOf(i); ok {
		return f, true
	}
	return s.nthDayOf(i)
}

// spanStarts are the words, other than written numbers, that the forms of
// spanForm start with (after an optional "the").
var spanStarts = map[string]bool{"week": true, "w": true, "weekend": true, "a": true, "an": true, "last": true, "final": true}

// periodAt reads a period that a part is taken from: a year ("2021"), a
// month ("June", "March 2018"), "this year", "next month", "the year" (the
// publication's).
func (s *dateScanner) periodAt(k int) (found, bool) {
	if s.at(k).isWord("the") {
		if w := s.at(k + 1).low; w == "year" || w == "month" || w == "week" {
			if s.pub.IsZero() {
				return found{first: k, end: k + 2}, true
			}
			from, to := period(s.pub, w)
			return found{first: k, end: k + 2, from: from, to: to, gran: w, rel: true}, true
		}
	}
	if f, ok := s.calendarPeriod(k); ok && f.gran != granWeek {
		if s.pub.IsZero() {
			f.from, f.to = time.Time{}, time.Time{}
		}
		return f, true
	}
	if y, e, ok := s.yearAt(k); ok && s.at(k).kind == tNum {
		return found{first: k, end: e, from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear}, true
	}
	if c, ok := s.calendarAt(k); ok && c.d == 0 {
		f, ok := s.resolveCal(c)
		return f, ok
	}
	return found{}, false
}

// partOf reads a part of a period: "the first six months of 2018", "the
// last 3 weeks of this year", "first ten days of last year", "the third
// month of 2021". Weeks are ISO weeks, which belong to the month or year
// holding their Thursday.
func (s *dateScanner) partOf(i int) (found, bool) {
	j := s.skipThe(i)
	last := false
	n, nth := 1, 0
	switch t := s.at(j); {
	case t.isWord("first"):
	case t.isWord("last") || t.isWord("final"):
		last = true
	case t.ordinal() >= 2 && t.ordinal() <= 12:
		nth = int(t.ordinal())
	case t.kind == tNum && t.plain && t.val >= 2 && t.val <= 12 && t.suffix() != "":
		nth = int(t.val)
	default:
		return found{}, false
	}
	j++
	if nth == 0 {
		if c, e, ok := s.countAt(j); ok && !s.at(j).isWord("a") && !s.at(j).isWord("an") {
			n, j = c, e
		}
	}
	unit := s.at(j).unit()
	if unit != granDay && unit != granWeek && unit != granMonth || !s.at(j+1).isWord("of") || n < 1 || nth > 0 && unit != granMonth {
		return found{}, false
	}
	p, ok := s.periodAt(j + 2)
	if !ok || p.gran != granYear && p.gran != granMonth || unit == granMonth && p.gran != granYear {
		return found{}, false
	}
	f := found{first: i, end: p.end, gran: unit, rel: p.rel}
	if p.from.IsZero() {
		return f, s.spans
	}
	switch {
	case nth > 0:
		f.from = p.from.AddDate(0, nth-1, 0)
		f.to = f.from.AddDate(0, 1, -1)
	case unit == granDay && !last:
		f.from, f.to = p.from, p.from.AddDate(0, 0, n-1)
	case unit == granDay:
		f.from, f.to = p.to.AddDate(0, 0, 1-n), p.to
	case unit == granMonth && !last:
		f.from, f.to = p.from, p.from.AddDate(0, n, -1)
	case unit == granMonth:
		f.from, f.to = p.to.AddDate(0, 0, 1).AddDate(0, -n, 0), p.to
	case !last:
		m := monday(nthWeekday(p.from.Year(), int(p.from.Month()), int(time.Thursday), 1))
		f.from, f.to = m, m.AddDate(0, 0, 7*n-1)
	default:
		m := monday(nthWeekday(p.to.Year(), int(p.to.Month()), int(time.Thursday), -1))
		f.from, f.to = m.AddDate(0, 0, -7*(n-1)), m.AddDate(0, 0, 6)
	}
	if f.to.Before(f.from) || f.from.Before(p.from.AddDate(0, 0, -3)) || f.to.After(p.to.AddDate(0, 0, 3)) {
		return found{}, false // more units than the period holds
	}
	return f, true
}

// nthDayOf reads "the 15th day of next month", "the twenty-sixth day of
// the month", "the thirty-first day of March".
func (s *dateScanner) nthDayOf(i int) (found, bool) {
	j := s.skipThe(i)
	d, e, ok := s.dayAt(j)
	if !ok || !s.at(e).isWord("day") || !s.at(e+1).isWord("of") {
		return found{}, false
	}
	if t := s.at(e - 1); t.kind == tNum && t.suffix() == "" || t.kind == tWord && t.ordinal() == 0 {
		return found{}, false // an ordinal, not "the 15 day of"
	}
	p, ok := s.periodAt(e + 2)
	if !ok || p.gran != granMonth || p.from.Day() != 1 && !p.from.IsZero() {
		return found{}, false
	}
	if p.from.IsZero() {
		return found{first: i, end: p.end}, s.spans
	}
	if !validDay(p.from.Year(), int(p.from.Month()), d) {
		return found{}, false
	}
	c := day(p.from.Year(), int(p.from.Month()), d)
	return found{first: i, end: p.end, from: c, to: c, gran: granDay, rel: p.rel}, true
}

// weekNumber reads an ISO week by its number: "week 3 of 2027", "week 27
// of last year", "the week 31", "in week 10", "calendar week 10" (of the
// publication year). "Week 3" capitalised inside a sentence is left alone:
// that is how sports copy names a round of the season, and so is "week 3
// of the season".
func (s *dateScanner) weekNumber(i int) (found, bool) {
	j := s.skipThe(i)
	n := s.at(j + 1)
	if !s.at(j).isWord("week") || n.kind != tNum || !n.plain || n.suffix() != "" || n.val < 1 || n.val > 53 {
		return found{}, false
	}
	end := j + 2
	y, rel := s.pub.Year(), true
	if s.at(end).isWord("of") {
		p, ok := s.periodAt(end + 1)
		if !ok || p.gran != granYear {
			return found{}, false
		}
		if p.from.IsZero() {
			return found{first: i, end: p.end}, s.spans
		}
		y, rel, end = p.from.Year(), p.rel, p.end
	} else if !s.weekNumberAlone(i, j, end) {
		return found{}, false
	} else if s.pub.IsZero() {
		return found{first: i, end: end}, s.spans
	}
	m := monday(day(y, 1, 4)).AddDate(0, 0, 7*(int(n.val)-1))
	if m.After(day(y, 12, 28)) {
		return found{}, false // no week 53 this year (December 28 is always in the last week)
	}
	return found{first: i, end: end, from: m, to: m.AddDate(0, 0, 6), gran: granWeek, rel: rel}, true
}

// weekNumberAlone reports whether "week N" without a year, at token j
// (after "the" when j > i) and ending before token end, is a week of the
// publication's year: "in week 10", "week 23 8 p.m.". N must not be a count
// of what follows ("the week 10 people died", "week 10 10:20" is a time),
// and a bare "week" must not close a period ("per week 10", "a week 300").
func (s *dateScanner) weekNumberAlone(i, j, end int) bool {
	if j == i {
		p := s.at(i - 1)
		if p.isWord("calendar") {
			return true
		}
		if p.in(cPeriodMod) || weekCounters[p.low] || p.kind == tNum {
			return false
		}
		if w := s.text[s.toks[i].start]; w == 'W' && i > 0 && !p.isSym(".") && !p.isSym("!") && !p.isSym("?") && !s.toks[i].nl {
			return false // "in Week 10": a round of a season
		}
		for k := i - 1; k >= 0 && k >= i-12; k-- {
			if t := &s.toks[k]; t.kind == tSym && t.low != "," {
				break
			} else if seasonWords[t.low] {
				return false // "they won in week 3"
			}
		}
	}
	n := s.at(end)
	switch n.kind {
	case tNum:
		return s.clockAt(end)
	case tSym:
		return !n.adjacent() || n.low != "-" && n.low != "/" && n.low != ":" && n.low != "%"
	case tWord:
		return n.nl || weekNumberFollowers[n.low]
	}
	return true
}

// seasonWords, shortly before a bare "week 3", make it a round of a
// season rather than a calendar week.
var seasonWords = map[string]bool{"won": true, "win": true, "wins": true, "lost": true, "lose": true, "loses": true, "beat": true, "beats": true, "defeated": true, "played": true, "plays": true, "game": true, "games": true, "match": true, "season": true, "league": true, "scored": true, "playoff": true, "playoffs": true, "injured": true, "started": true, "starts": true}

// weekCounters are words before "week" that make it a counted period, not
// a week's name.
var weekCounters = map[string]bool{"a": true, "an": true, "per": true, "each": true, "every": true, "one": true, "that": true, "same": true, "whole": true, "entire": true, "full": true}

// weekNumberFollowers are words that can follow a week's number.
var weekNumberFollowers = map[string]bool{"and": true, "or": true, "to": true, "till": true, "until": true, "through": true, "in": true, "at": true, "from": true, "on": true, "the": true, "a": true, "an": true, "this": true, "last": true, "next": true}

// clockAt reports whether a clock time starts at token k: "10:20", "8pm",
// "8 p.m.".
func (s *dateScanner) clockAt(k int) bool {
	t := s.at(k)
	if t.kind != tNum || t.digits > 2 {
		return false
	}
	if s.at(k+1).isSym(":") && s.at(k+1).adjacent() && s.at(k+2).kind == tNum && s.at(k+2).adjacent() {
		return true
	}
	switch t.suffix() {
	case "am", "pm":
		return true
	case "a", "p":
		return s.at(k+1).isSym(".") && s.at(k+1).adjacent()
	}
	n := s.at(k + 1)
	switch n.low {
	case "am", "pm":
		return n.kind == tWord
	case "a", "p":
		return n.kind == tWord && s.at(k+2).isSym(".") && s.at(k+2).adjacent()
	}
	return false
}

// spanFrom reads a stretch of time from a given day: "the week beginning
// February 4", "w/c Feb 4", "3 days starting from next Monday", "a week
// starting tomorrow", "for 3 days from today".
func (s *dateScanner) spanFrom(i int) (found, bool) {
	n, unit, k := 0, "", 0
	switch j := s.skipThe(i); {
	case s.at(j).isWord("week") && startWords[s.at(j+1).low]:
		n, unit, k = 1, granWeek, j+2
	case s.at(i).isWord("w") && s.at(i+1).isSym("/") && s.at(i+2).isWord("c") && s.at(i+1).adjacent() && s.at(i+2).adjacent():
		n, unit, k = 1, granWeek, i+3
	default:
		c, e, ok := s.countAt(i)
		if !ok || c < 1 {
			return found{}, false
		}
		unit = s.at(e).unit()
		if unit == "" {
			return found{}, false
		}
		n, k = c, e+1
		switch {
		case startWords[s.at(k).low]:
			k++
		case s.at(i-1).isWord("for") && (s.at(k).isWord("from") || s.at(k).isSym(",") && s.at(k+1).isWord("from")):
			// "for 3 days from today": a stretch, not the day three days on.
		default:
			return found{}, false
		}
	}
	if s.at(k).isSym(",") {
		k++
	}
	if s.at(k).isWord("on") || s.at(k).isWord("from") {
		k++
	}
	ref, ok := s.match(k)
	if !ok || ref.first != k || ref.gran != granDay || !ref.from.Equal(ref.to) {
		return found{}, false
	}
	if ref.from.IsZero() {
		return found{first: i, end: ref.end}, s.spans
	}
	return found{first: i, end: ref.end, from: ref.from, to: addPeriod(ref.from, unit, n).AddDate(0, 0, -1), gran: granOf(unit), rel: ref.rel}, true
}

// startWords introduce the first day of a stretch.
var startWords = map[string]bool{"beginning": true, "starting": true, "commencing": true}

// weekendOf reads "the weekend of Halloween", "weekend of Thanksgiving
// 2023".
func (s *dateScanner) weekendOf(i int) (found, bool) {
	j := s.skipThe(i)
	if !s.at(j).isWord("weekend") || !s.at(j+1).isWord("of") {
		return found{}, false
	}
	h, ok := s.match(j + 2)
	if !ok || h.first != j+2 || h.holiday == "" {
		return found{}, false
	}
	h.first = i
	return weekendAround(h), true
}

// holidayWeekend extends a holiday followed by "weekend" ("Labor Day
// weekend", "Halloween weekend 2021").
func (s *dateScanner) holidayWeekend(h found) found {
	if !s.at(h.end).isWord("weekend") || s.at(h.end).nl {
		return h
	}
	h.end++
	if y, e, ok := s.yearAt(h.end); ok && s.at(h.end).kind == tNum {
		if d, ok := holidayOn(h.holiday, y); ok {
			h.from, h.to, h.end, h.rel = d, d, e, false
		}
	}
	return weekendAround(h)
}

// weekendAround turns a holiday into its long weekend: the nearest
// Saturday and Sunday, stretched to take in the holiday itself (Labor Day
// weekend runs Saturday to Monday, Thanksgiving weekend Thursday to
// Sunday).
func weekendAround(h found) found {
	if h.from.IsZero() {
		return h
	}
	d := h.from
	toSat := [7]int{-1, -2, -3, 3, 2, 1, 0}[d.Weekday()]
	sat := d.AddDate(0, 0, toSat)
	h.from, h.to = sat, sat.AddDate(0, 0, 1)
	if d.Before(h.from) {
		h.from = d
	}
	if d.After(h.to) {
		h.to = d
	}
	h.gran, h.holiday = granWeek, ""
	return h
}

// toDate reads "to date", "till date" and "year to date": up to the day
// before publication. "from March to date" is joined by joinRange.
func (s *dateScanner) toDate(i int) (found, bool) {
	if s.pub.IsZero() {
		return found{first: i, end: i + 2}, s.spans
	}
	last := s.pub.AddDate(0, 0, -1)
	if s.at(i-1).isWord("year") && (len(s.claimed) == 0 || s.claimed[len(s.claimed)-1][1] < i) {
		from := day(s.pub.Year(), 1, 1)
		if last.Before(from) {
			last = from
		}
		return found{first: i - 1, end: i + 2, from: from, to: last, gran: granDay, rel: true}, true
	}
	return found{first: i, end: i + 2, from: s.pub, to: s.pub, gran: granDay, rel: true, mod: ModBefore}, true
}

// joinRange joins a mention after "from" or "between" with the mention
// that ends the range: "from 2007 to the end of 2008", "between 2007 and
// the end of 2008", "from March to date". Forms that read their own ranges
// ("from March to May") have already consumed the connector.
func (s *dateScanner) joinRange(f found) found {
	if f.from.IsZero() {
		return f
	}
	opener := s.at(f.first - 1).low
	bare := false // "January 12, 2016 - 01/22/2016": two written-out days
	if opener != "from" && opener != "between" {
		switch s.at(f.end).low {
		case "-", "–", "—", "through", "thru":
			bare = f.gran == granDay && !f.rel && f.from.Equal(f.to)
		}
		if !bare {
			return f
		}
	}
	k := f.end
	switch c := s.at(k).low; {
	case c == "to" || c == "until" || c == "till" || c == "through" || c == "-" || c == "–":
		n := 1
		if s.at(k+1).isWord("current") && s.at(k+2).isWord("date") {
			n = 2 // "from 2010-01-01 till current date"
		}
		if s.at(k + n).isWord("date") {
			// "from March to date"
			if last := s.pub.AddDate(0, 0, -1); !s.pub.IsZero() && last.After(f.from) {
				f.first, f.end, f.to, f.gran, f.rel = f.first-1, k+n+1, last, granDay, true
			}
			return f
		}
	case c == "and" && opener == "between":
	default:
		return f
	}
	if s.at(k).nl || s.at(k+1).nl {
		return f
	}
	if s.at(k + 1).isWord("now") {
		// "between January and now": up to publication.
		if !s.pub.IsZero() && !s.pub.Before(f.to) {
			f.first, f.end, f.to, f.rel = f.first-1, k+2, s.pub, true
		}
		return f
	}
	g, ok := s.match(k + 1)
	if ok && g.first == k+1 && !g.from.IsZero() && s.yearless(g.first, g.end) {
		g = yearAfter(g, f.from, f.gran != granYear)
	}
	if wd, ok2 := s.at(k + 1).weekday(); ok && ok2 && g.first == k+1 && g.end == k+2 && f.gran == granDay && !g.from.IsZero() {
		// "from next Monday to Friday": the first such day after the start.
		d := f.to.AddDate(0, 0, 1)
		for int(d.Weekday()) != wd {
			d = d.AddDate(0, 0, 1)
		}
		g.from, g.to = d, d
	}
	if !ok || g.first != k+1 || g.from.IsZero() || !g.to.After(f.from) || g.from.Before(f.from) {
		return f
	}
	if bare {
		if g.rel || g.gran != granDay || !g.from.Equal(g.to) {
			return f
		}
		f.first++ // no opener to take in
	}
	f.first, f.end, f.to, f.rel = f.first-1, g.end, g.to, f.rel || g.rel
	if granRank[g.gran] > granRank[f.gran] {
		f.gran = g.gran
	}
	return f
}

// yearless reports whether the mention at tokens first to end names a
// month without a year or a word that places it ("the end of June", not
// "June 2017" or "next June").
func (s *dateScanner) yearless(first, end int) bool {
	month := false
	for k := first; k < end; k++ {
		t := &s.toks[k]
		switch {
		case t.kind == tNum && (t.digits >= 3 || t.ident):
			return false
		case t.in(cPeriodMod) || t.in(cWeekday):
			return false
		case t.in(cMonth):
			month = true
		}
	}
	return month
}

// yearAfter moves a mention whose year was guessed to a year in which it
// ends after from; with back set, the first such year: in "from December
// until the end of January" January follows that December.
func yearAfter(g found, from time.Time, back bool) found {
	for n := 0; n < 3 && !g.to.After(from); n++ {
		g = shiftYears(g, 1)
	}
	for n := 0; n < 3 && back; n++ {
		b := shiftYears(g, -1)
		if !b.to.After(from) || b.from.Before(from) {
			break
		}
		g = b
	}
	return g
}

// shiftYears moves a mention by n years, keeping a month's end on its last
// day.
func shiftYears(g found, n int) found {
	f, t := g.from.AddDate(n, 0, 0), g.to.AddDate(n, 0, 0)
	if f.Day() != g.from.Day() {
		f = day(f.Year(), int(g.from.Month()), 1).AddDate(0, 0, g.from.Day()-1)
	}
	if t.Day() != g.to.Day() || g.to.Equal(monthEnd(g.to.Year(), int(g.to.Month()))) {
		t = monthEnd(g.to.Year()+n, int(g.to.Month()))
		if g.to.Day() < t.Day() && !g.to.Equal(monthEnd(g.to.Year(), int(g.to.Month()))) {
			t = day(t.Year(), int(t.Month()), g.to.Day())
		}
	}
	g.from, g.to = f, t
	return g
}

// nowRange reads a stretch from publication to a date: "between now and
// the end of the year", "from now until March 1".
func (s *dateScanner) nowRange(i int) (found, bool) {
	if w := s.at(i).low; w != "from" && w != "between" || !s.at(i+1).isWord("now") {
		return found{}, false
	}
	switch c := s.at(i + 2).low; {
	case c == "and" && s.at(i).isWord("between"):
	case c == "to" || c == "until" || c == "till" || c == "through":
	default:
		return found{}, false
	}
	if s.at(i+2).nl || s.at(i+3).nl {
		return found{}, false
	}
	g, ok := s.match(i + 3)
	if !ok || g.first != i+3 {
		return found{}, false
	}
	if s.pub.IsZero() || g.from.IsZero() {
		return found{first: i, end: g.end}, s.spans
	}
	if g.to.Before(s.pub) {
		return found{}, false
	}
	return found{first: i, end: g.end, from: s.pub, to: g.to, gran: g.gran, rel: true}, true
}

// granRank orders granularities from fine to coarse.
var granRank = map[string]int{granDay: 0, granWeek: 1, granMonth: 2, granYear: 3}
