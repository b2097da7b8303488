package recognize

import (
	"strings"
	"time"
)

// monthAt reads a month name at token k ("December", "Dec.", "Sept") and
// returns it with the index after it. Ordinary words that are also months
// ("may", "march") need a day, a year or a date preposition next to them.
func (s *dateScanner) monthAt(k int) (int, int, bool) {
	if k >= len(s.toks) || s.toks[k].kind != tWord {
		return 0, 0, false
	}
	t := &s.toks[k]
	m, ok := t.month(), t.in(cMonth)
	if !ok {
		return 0, 0, false
	}
	if k > 0 && t.adjacent() && (s.toks[k-1].isSym("$") || s.toks[k-1].isSym("#") || s.toks[k-1].isSym("@")) {
		return 0, 0, false // "$DEC", "#March": a ticker or a tag
	}
	end := k + 1
	if end < len(s.toks) && s.toks[end].isSym(".") && s.toks[end].adjacent() && len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july" {
		end++
	}
	if len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july" && s.text[t.start] >= 'a' && !s.followedByDayOrYear(end) {
		return 0, 0, false // "mar", "dec" in lower case are rarely months unless a figure follows
	}
	if (t.low == "may" || t.low == "march" || t.low == "mar") && !s.followedByDayOrYear(end) && !s.monthWordInContext(k, end) && !s.dayBeforeMonth(k) {
		return 0, 0, false
	}
	return m, end, true
}

// dayBeforeMonth reports whether a capitalised month word at k follows a
// day of the month: "on 17 March".
func (s *dateScanner) dayBeforeMonth(k int) bool {
	if k == 0 || s.text[s.toks[k].start] == s.toks[k].low[0] {
		return false
	}
	p := &s.toks[k-1]
	return p.kind == tNum && p.digits <= 2 && p.val >= 1 && p.val <= 31 && !p.nl
}

// datePrepBefore reports whether token k follows a word that introduces a
// date or period ("in", "since", "early").
func (s *dateScanner) datePrepBefore(k int) bool {
	return k > 0 && s.toks[k-1].in(cDatePrep) && !s.toks[k].nl
}

// datePreps introduce a date, month or year.
var datePreps = map[string]bool{
	"in": true, "since": true, "by": true, "of": true, "from": true, "until": true, "till": true, "through": true,
	"during": true, "before": true, "after": true, "between": true, "early": true, "mid": true, "late": true,
	"last": true, "next": true, "this": true, "on": true, "to": true, "and": true, "or": true, "around": true, "circa": true,
	"year": true, "throughout": true, "starting": true, "beginning": true, "ending": true, "into": true, "end": true,
}

// followedByDayOrYear reports whether a day number or year follows at k.
func (s *dateScanner) followedByDayOrYear(k int) bool {
	if k < len(s.toks) && s.toks[k].isSym(",") {
		k++
	}
	if k < len(s.toks) && (s.toks[k].isSym("-") || s.toks[k].isSym("/")) && s.toks[k].adjacent() {
		k++
	}
	if k >= len(s.toks) || s.toks[k].nl {
		return false
	}
	if _, _, ok := s.dayAt(k); ok {
		return true
	}
	_, _, ok := s.yearAt(k)
	return ok
}

// dayAt reads a day of the month at token k: "21", "21st", "twenty-first",
// "twenty nine".
func (s *dateScanner) dayAt(k int) (int, int, bool) {
	if k >= len(s.toks) {
		return 0, 0, false
	}
	t := &s.toks[k]
	if t.kind == tNum {
		if k > 0 && (s.toks[k-1].isSym("$") || s.toks[k-1].isSym("€") || s.toks[k-1].isSym("£")) {
			return 0, 0, false // "$12 December 27": money, not a day
		}
		if t.digits > 2 || t.val < 1 || t.val > 31 || t.val != float64(int(t.val)) || !t.plain && t.low[0] != '0' {
			return 0, 0, false
		}
		switch t.suffix() {
		case "", "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		default:
			return 0, 0, false
		}
		if k+1 < len(s.toks) && s.toks[k+1].adjacent() && (s.toks[k+1].isSym(":") || s.toks[k+1].isSym("%")) {
			return 0, 0, false
		}
		return int(t.val), k + 1, true
	}
	if t.kind != tWord {
		return 0, 0, false
	}
	if v, ok := t.ordinal(), t.in(cOrdinal); ok && v <= 31 && v >= 1 {
		return int(v), k + 1, true
	}
	v, ok := t.cardinal()
	if !ok || v < 1 {
		return 0, 0, false
	}
	end := k + 1
	if v >= 20 && v <= 30 {
		j := end
		if j < len(s.toks) && s.toks[j].isSym("-") && s.toks[j].adjacent() {
			j++
		}
		if j < len(s.toks) {
			if u, ok := s.toks[j].ordinal(), s.toks[j].in(cOrdinal); ok && u < 10 && v+u <= 31 {
				return int(v + u), j + 1, true
			}
			if u, ok := s.toks[j].cardinal(); ok && u >= 1 && u < 10 && v+u <= 31 {
				return int(v + u), j + 1, true
			}
		}
	}
	if v > 31 {
		return 0, 0, false
	}
	return int(v), end, true
}

// yearAt reads a year at token k: four digits from 1000 to 2999, or words
// ("nineteen eighty six", "two thousand and fifteen").
func (s *dateScanner) yearAt(k int) (int, int, bool) {
	if k >= len(s.toks) {
		return 0, 0, false
	}
	t := &s.toks[k]
	if t.kind == tNum {
		if t.digits != 4 || !t.plain || t.suffix() != "" || t.val < 1000 || t.val > 2999 {
			return 0, 0, false
		}
		if k+1 < len(s.toks) && s.toks[k+1].adjacent() && (s.toks[k+1].isSym(":") || s.toks[k+1].isSym("%")) {
			return 0, 0, false
		}
		return int(t.val), k + 1, true
	}
	return s.yearWordsAt(k)
}

// yearWordsAt reads years in words: "nineteen eighty six", "two thousand
// and five", "seventeen hundred thirty three".
func (s *dateScanner) yearWordsAt(k int) (int, int, bool) {
	w := func(j int) (float64, bool) {
		if j >= len(s.toks) || s.toks[j].kind != tWord {
			return 0, false
		}
		v, ok := s.toks[j].cardinal()
		return v, ok
	}
	v, ok := w(k)
	if !ok {
		return 0, 0, false
	}
	switch {
	case v == 2 && k+1 < len(s.toks) && s.toks[k+1].isWord("thousand"):
		y, j := 2000, k+2
		if j < len(s.toks) && s.toks[j].isWord("and") {
			j++
		}
		if r, e := s.smallWords(j); e > j {
			return y + r, e, true
		}
		return y, k + 2, true
	case v >= 10 && v <= 20:
		j := k + 1
		if j < len(s.toks) && s.toks[j].isWord("hundred") {
			j++
			r, e := s.smallWords(j)
			return int(v)*100 + r, e, true
		}
		r, e := s.smallWords(j)
		if e > j && r >= 10 {
			return int(v)*100 + r, e, true
		}
	}
	return 0, 0, false
}

// smallWords reads a written number below one hundred ("eighty six").
func (s *dateScanner) smallWords(j int) (int, int) {
	if j >= len(s.toks) {
		return 0, j
	}
	v, ok := s.toks[j].cardinal()
	if !ok {
		return 0, j
	}
	if v >= 20 && j+1 < len(s.toks) {
		k := j + 1
		if s.toks[k].isSym("-") && s.toks[k].adjacent() {
			k++
		}
		if k < len(s.toks) {
			if u, ok := s.toks[k].cardinal(); ok && u >= 1 && u <= 9 {
				return int(v + u), k + 1
			}
		}
	}
	return int(v), j + 1
}

// weekdayAt reads a weekday name, with an optional comma after it.
func (s *dateScanner) weekdayAt(k int, abbrev bool) (int, int, bool) {
	if k >= len(s.toks) || s.toks[k].kind != tWord {
		return 0, 0, false
	}
	w, ok := s.toks[k].weekday()
	if !ok || !abbrev && len(s.toks[k].low) < 6 {
		return 0, 0, false
	}
	end := k + 1
	if end < len(s.toks) && s.toks[end].isSym(".") && s.toks[end].adjacent() && len(s.toks[k].low) < 6 {
		end++ // "Tue.", not the full stop after "Tuesday."
	}
	if end < len(s.toks) && s.toks[end].isSym(",") {
		end++
	}
	return w, end, true
}

// calDate is a calendar date that may lack its year or day.
type calDate struct {
	y, m, d    int
	first, end int
}

// calendarAt reads "[Weekday,] Month[.] day[,] [year]" or
// "[Weekday,] [the] day [of] Month [,] [year]" at token k.
func (s *dateScanner) calendarAt(k int) (calDate, bool) {
	c := calDate{first: k}
	j := k
	if _, e, ok := s.weekdayAt(j, true); ok {
		if _, _, ok := s.monthAt(e); ok {
			j = e
		} else if e2 := s.skipThe(e); e2 < len(s.toks) {
			if _, e3, ok := s.dayAt(e2); ok {
				if _, _, ok := s.monthAt(s.skipOf(e3)); ok {
					j = e
				}
			}
		}
	}
	if m, e, ok := s.monthAt(j); ok {
		c.m = m
		j = e
		the := j < len(s.toks) && s.toks[j].isWord("the")
		if d, e2, ok := s.sepDay(j); ok {
			c.d, j = d, e2 // "Oct/2", "Sep-23-2020"
		} else if the {
			j++
		} else if j+1 < len(s.toks) && s.toks[j].isSym(",") && s.toks[j+1].kind == tNum && s.toks[j+1].suffix() != "" {
			j++ // "October, 1st"
		}
		if _, _, ok := s.yearWordsAt(j); ok && s.toks[j].kind == tWord {
			// "October two thousand and five": a year, not a day.
		} else if d, e2, ok := s.dayAt(j); ok && !s.toks[j].nl && !s.dayIsYearPart(j) {
			c.d = d
			j = e2
		} else if the {
			return c, false
		}
	} else {
		j = s.skipThe(j)
		d, e, ok := s.dayAt(j)
		if !ok {
			return c, false
		}
		if n := s.at(e); (n.isSym("-") || n.isSym("/")) && n.adjacent() && s.at(e+1).adjacent() && s.at(e+1).kind == tWord {
			e++ // "05-Aug-2016", "23/Sep/2020"
		}
		e = s.skipOf(e)
		m, e2, ok := s.monthAt(e)
		if !ok && s.at(j).kind == tNum {
			m, e2, ok = s.monthAbbrevAt(e) // "on 14 nov"
		}
		if !ok {
			return c, false
		}
		c.d, c.m, j = d, m, e2
	}
	// Year: ", 2017", " 2017", " of 2017", "-2018", "/2018".
	y := j
	if y < len(s.toks) && (s.toks[y].isSym(",") || s.toks[y].isWord("of") || (s.toks[y].isSym("-") || s.toks[y].isSym("/")) && s.toks[y].adjacent() ||
		s.toks[y].isWord("in") && s.at(y+1).kind == tNum && (c.d > 0 || s.at(y+1).digits == 4)) { // "28 June in 2020", "April in 2016"
		y++
	}
	if y < len(s.toks) && !s.toks[y].nl {
		if yr, e, ok := s.yearAt(y); ok {
			c.y = yr
			j = e
		} else if y < len(s.toks) && s.toks[y].kind == tNum && s.toks[y].digits == 2 && s.toks[y].plain && s.toks[y].suffix() == "" && y > 0 && s.toks[y-1].isWord("of") {
			c.y = 1900 + int(s.toks[y].val) // "April of 87"
			if c.y < 1930 {
				c.y += 100
			}
			j = y + 1
		}
	}
	c.end = j
	if c.d == 0 && c.y == 0 && !s.standaloneMonth(k, c.first) {
		return c, false
	}
	return c, true
}

// dayIsYearPart reports whether the number at j is really the start of a
// year range or a count ("May 2017").
func (s *dateScanner) dayIsYearPart(j int) bool {
	t := &s.toks[j]
	return t.kind == tNum && j+1 < len(s.toks) && !s.toks[j+1].nl && (s.toks[j+1].in(cTimeUnit) || s.toks[j+1].in(cScale) || s.toks[j+1].isSym("%") || s.toks[j+1].low == "percent" || s.toks[j+1].low == "people")
}

// standaloneMonth decides whether a month name alone is a date: most are,
// but "may"/"march" need a date word before them.
func (s *dateScanner) standaloneMonth(k, first int) bool {
	t := &s.toks[k]
	if _, ok := t.weekday(); ok {
		return false
	}
	if t.low == "may" || t.low == "march" || t.low == "mar" {
		return s.datePrepBefore(k)
	}
	return true
}

func (s *dateScanner) skipThe(j int) int {
	if j < len(s.toks) && s.toks[j].isWord("the") {
		return j + 1
	}
	return j
}

func (s *dateScanner) skipOf(j int) int {
	if j < len(s.toks) && s.toks[j].isWord("of") {
		return j + 1
	}
	return j
}

// resolveCal turns a calendar date into a found mention.
func (s *dateScanner) resolveCal(c calDate) (found, bool) {
	f := found{first: c.first, end: c.end, gran: granDay}
	switch {
	case c.d > 0 && c.y > 0:
		if !validDay(c.y, c.m, c.d) {
			return f, false
		}
		f.from = day(c.y, c.m, c.d)
		f.to = f.from
	case c.d > 0:
		d, ok := s.resolveYearless(c.first, c.m, c.d)
		if !ok {
			return f, s.spans
		}
		f.from, f.to, f.rel = d, d, true
	case c.y > 0:
		f.from, f.to, f.gran = day(c.y, c.m, 1), monthEnd(c.y, c.m), granMonth
	default:
		from, to, ok := s.resolveMonth(c.first, c.m)
		if !ok {
			return f, s.spans
		}
		f.from, f.to, f.gran, f.rel = from, to, granMonth, true
	}
	return f, true
}

// dayRange reads a calendar date and, when one follows, the end of a
// range: "November 18-19", "Nov 18-Dec 19, 2015", "from March to May",
// "April 9th through 17th", "between 3 and 12 of Sept".
func (s *dateScanner) dayRange(i int) (found, bool) {
	first := i
	if s.toks[i].isWord("from") || s.toks[i].isWord("between") {
		i++
		if i >= len(s.toks) {
			return found{}, false
		}
	}
	a, ok := s.calendarAt(i)
	if !ok {
		return s.daysOfMonth(first, i)
	}
	if f, ok := s.rangeEnd(first, a); ok {
		return f, true
	}
	if first != i {
		return found{}, false
	}
	return s.resolveCal(a)
}

// daysOfMonth reads a range whose first day borrows the month of the
// second: "9-12 June", "between 3 and 12 of Sept", "from the ninth to the
// seventeenth of April".
func (s *dateScanner) daysOfMonth(first, i int) (found, bool) {
	k := s.skipThe(i)
	if t := s.at(k); t.kind == tNum && (t.digits > 2 || !t.plain) || t.kind == tWord && t.ordinal() == 0 {
		return found{}, false
	}
	d, j, ok := s.dayAt(k)
	if !ok || s.at(j).nl {
		return found{}, false
	}
	switch c := s.at(j).low; {
	case c == "-" || c == "–" || c == "to" || c == "through" || c == "until" || c == "till" || c == "thru":
	case c == "and" && s.toks[first].isWord("between"):
	default:
		return found{}, false
	}
	if s.at(j + 1).nl {
		return found{}, false
	}
	b, ok := s.calendarAt(j + 1)
	if !ok || b.d <= d || s.at(b.first).in(cMonth) || s.at(b.first).in(cWeekday) {
		return found{}, false // "3-1 June", "9 to June 12"
	}
	rb, ok := s.resolveCal(b)
	if !ok || rb.from.IsZero() {
		return found{}, false
	}
	from := day(rb.from.Year(), int(rb.from.Month()), d)
	return found{first: first, end: rb.end, from: from, to: rb.to, gran: granDay, rel: rb.rel}, true
}

// rangeEnd completes a calendar date with the end of a range after it.
func (s *dateScanner) rangeEnd(first int, a calDate) (found, bool) {
	j := a.end
	if j >= len(s.toks) || s.toks[j].nl {
		return found{}, false
	}
	switch s.toks[j].low {
	case "-", "–", "—", "to", "through", "until", "till", "thru":
	case "and":
		if !s.toks[first].isWord("between") {
			return found{}, false
		}
	default:
		return found{}, false
	}
	j++
	b, ok := s.calendarAt(j)
	if !ok {
		// A bare day: "18-19", "9th through 17th".
		if a.d == 0 {
			return found{}, false
		}
		d, e, ok := s.dayAt(s.skipThe(j))
		if !ok {
			return found{}, false
		}
		b = calDate{m: a.m, d: d, first: j, end: e}
		if y := e; y < len(s.toks) && s.toks[y].isSym(",") {
			if yr, e2, ok := s.yearAt(y + 1); ok {
				b.y, b.end = yr, e2
			}
		}
	}
	if a.d > 0 != (b.d > 0) {
		return found{}, false
	}
	if a.y == 0 && b.y > 0 {
		a.y = b.y
		if a.m > b.m {
			a.y--
		}
	}
	ra, ok1 := s.resolveCal(a)
	if b.y == 0 && a.y > 0 {
		b.y = a.y
		if b.m < a.m {
			b.y++
		}
	} else if b.y == 0 && ok1 && !ra.from.IsZero() {
		b.y = ra.from.Year()
		if b.m < a.m {
			b.y++
		}
	}
	rb, ok2 := s.resolveCal(b)
	if !ok1 || !ok2 {
		return found{}, false
	}
	f := found{first: first, end: b.end, from: ra.from, to: rb.to, gran: ra.gran, rel: ra.rel || rb.rel}
	if !ra.from.IsZero() && !rb.to.IsZero() && !rb.to.After(ra.from) {
		return found{}, false
	}
	return f, true
}

// numericDate reads "2018-04-18", "2018/4/18", "04/18/2018", "18.04.2018",
// "20161016" and "2015-03".
func (s *dateScanner) numericDate(i int) (found, bool) {
	t := &s.toks[i]
	if t.kind != tNum || t.suffix() != "" && t.suffix() != "T" {
		return found{}, false
	}
	if t.digits == 8 && t.plain {
		v := int(t.val)
		y, m, d := v/10000, v/100%100, v%100
		if y >= 1900 && y <= 2100 && validDay(y, m, d) {
			return found{first: i, end: i + 1, from: day(y, m, d), to: day(y, m, d), gran: granDay}, true
		}
		return found{}, false
	}
	var buf [4]*token
	parts, end := s.numericParts(i, &buf)
	switch len(parts) {
	case 3:
		var y, m, d int
		switch {
		case parts[0].digits == 4:
			y, m, d = int(parts[0].val), int(parts[1].val), int(parts[2].val)
		case parts[2].digits == 4:
			y, m, d = int(parts[2].val), int(parts[0].val), int(parts[1].val)
			if m > 12 || s.sepAt(i) == "." {
				m, d = d, m
			}
		case parts[0].digits <= 2 && parts[1].digits <= 2 && parts[2].digits == 2 && s.sepAt(i) == "/":
			// "12/12/30": a two-digit year, 1930 to 2029.
			y, m, d = 1900+int(parts[2].val), int(parts[0].val), int(parts[1].val)
			if y < 1930 {
				y += 100
			}
			if m > 12 {
				m, d = d, m
			}
		default:
			return found{}, false
		}
		if validDay(y, m, d) {
			return found{first: i, end: end, from: day(y, m, d), to: day(y, m, d), gran: granDay}, true
		}
	case 2:
		a, b, sep := parts[0], parts[1], s.sepAt(i)
		if sep != "-" && sep != "/" {
			break
		}
		y, m := 0, 0
		switch {
		case a.digits == 4 && b.digits <= 2:
			// "2015-12", "2015-3"; but "2011-12" is a season.
			y, m = int(a.val), int(b.val)
			if b.digits == 2 && b.low[0] != '0' && m == (y+1)%100 {
				return found{}, false
			}
		case a.digits <= 2 && b.digits == 4:
			y, m = int(b.val), int(a.val) // "12-2015"
		case a.digits <= 2 && b.digits <= 2 && sep == "/":
			if f, ok := s.figureRange(i, end, int(a.val), int(b.val)); ok {
				return f, true
			}
			return s.monthDay(i, end, int(a.val), int(b.val))
		}
		if y >= 1900 && y <= 2100 && m >= 1 && m <= 12 {
			return found{first: i, end: end, from: day(y, m, 1), to: monthEnd(y, m), gran: granMonth}, true
		}
	}
	return found{}, false
}

// monthDay resolves "11/20" or "22/04" without a year. News writes
// fractions and scores that way, so only a word that introduces a day
// makes it a date: "on 11/20", "Friday 5/12", "this 5/12", "next 5/12";
// or a list with another day: "on 11/20, 11/22 or 11/25", "11/20, 12 of
// Nov".
func (s *dateScanner) monthDay(i, end, m, d int) (found, bool) {
	if m > 12 {
		m, d = d, m
	}
	p := s.at(i - 1)
	_, weekday := p.weekday()
	if s.at(i).nl || !p.isWord("on") && !p.isWord("this") && !p.isWord("next") && !p.isWord("last") && !weekday && !s.listedWithDay(i, end) {
		return found{}, false
	}
	if !validDay(2000, m, d) {
		return found{}, false
	}
	if s.pub.IsZero() {
		return found{first: i, end: end}, s.spans
	}
	y := s.pub.Year()
	c := day(y, m, d)
	switch p.low {
	case "next":
		if !c.After(s.pub) {
			y++
		}
	case "last":
		if !c.Before(s.pub) {
			y--
		}
	case "this":
	default:
		r, ok := s.resolveYearless(i, m, d)
		if !ok {
			return found{}, false
		}
		y = r.Year()
	}
	if !validDay(y, m, d) {
		return found{}, false
	}
	first := i
	if p.isWord("this") || p.isWord("next") || p.isWord("last") {
		first = i - 1
	}
	return found{first: first, end: end, from: day(y, m, d), to: day(y, m, d), gran: granDay, rel: true}, true
}

// figureRange reads a range of days written as figures whose first end
// has no year: "from 10/1 to 11/7", "between 3/1 and 3/5", "conducted
// 3/1-3/5/2017", "5/1-5/7, 2020". The first day takes the year of the
// second. Without a year on either, "from" or "between" must open it, as
// fractions and scores are written the same way. m and d are the first
// day's figures, at tokens i to end.
func (s *dateScanner) figureRange(i, end, m, d int) (found, bool) {
	opener := s.at(i - 1)
	between := opener.isWord("between")
	switch c := s.at(end); {
	case c.nl || s.at(end+1).nl:
		return found{}, false
	case c.low == "-" || c.low == "–" || c.low == "to" || c.low == "through" || c.low == "thru" || c.low == "until" || c.low == "till":
	case c.low == "and" && between:
	default:
		return found{}, false
	}
	k := end + 1
	if t := s.at(k); t.kind != tNum || t.digits > 2 || !t.plain {
		return found{}, false
	}
	var buf [4]*token
	parts, e := s.numericParts(k, &buf)
	if s.sepAt(k) != "/" || len(parts) < 2 {
		return found{}, false
	}
	m2, d2, y := int(parts[0].val), int(parts[1].val), 0
	if len(parts) == 3 {
		g, ok := s.numericDate(k)
		if !ok || g.end != e || g.from.IsZero() || !g.from.Equal(g.to) {
			return found{}, false
		}
		y = g.from.Year()
	} else if c := s.at(e); c.isSym(",") && s.at(e+1).kind == tNum {
		if yr, e2, ok := s.yearAt(e + 1); ok {
			y, e = yr, e2 // "5/1-5/7, 2020"
		}
	}
	if y == 0 && m < d && d <= 12 && m2 < d2 && d2 <= 12 || s.at(e).isWord("of") {
		return found{}, false // "from 2/3 to 4/5 of voters": shares
	}
	if m > 12 || m2 > 12 {
		m, d, m2, d2 = d, m, d2, m2 // "22/04-03/05/2019": day first
	}
	if m > 12 || m2 > 12 || !validDay(2000, m, d) || !validDay(2000, m2, d2) {
		return found{}, false
	}
	first := i
	if opener.isWord("from") || between {
		first = i - 1
	} else if y == 0 {
		return found{}, false
	}
	y1, rel := y, y == 0
	if rel {
		if s.pub.IsZero() {
			return found{first: first, end: e}, s.spans
		}
		a, ok := s.resolveYearless(i, m, d)
		if !ok {
			return found{}, false
		}
		y1, y = a.Year(), a.Year()
		if m2 < m || m2 == m && d2 < d {
			y++
		}
	} else if m > m2 || m == m2 && d > d2 {
		y1-- // "12/28-1/3/2018"
	}
	if !validDay(y1, m, d) || !validDay(y, m2, d2) {
		return found{}, false
	}
	from, to := day(y1, m, d), day(y, m2, d2)
	if !to.After(from) {
		return found{}, false
	}
	return found{first: first, end: e, from: from, to: to, gran: granDay, rel: rel}, true
}

// sepDay reads a day joined to a month by a slash or hyphen ("Oct/2",
// "Sep-23"), but not a year ("Aug-2016").
func (s *dateScanner) sepDay(j int) (int, int, bool) {
	n := s.at(j)
	if !(n.isSym("-") || n.isSym("/")) || !n.adjacent() || !s.at(j+1).adjacent() || s.at(j+1).kind != tNum {
		return 0, 0, false
	}
	return s.dayAt(j + 1)
}

// listedWithDay reports whether the figure date at tokens i to end is an
// item of a list of days: one of them was just read before it ("on 11/20,
// 11/22"), or a day that is not a bare figure pair follows ("11/20, 12 of
// Nov").
func (s *dateScanner) listedWithDay(i, end int) bool {
	if s.at(end).isWord("of") {
		return false // "1/2 of voters"
	}
	k := i - 1
	if s.at(k).isWord("or") || s.at(k).isWord("and") {
		if s.at(k - 1).isSym(",") {
			k--
		}
	} else if !s.at(k).isSym(",") {
		k = -1
	}
	if k > 0 {
		if n := len(s.claimed); n > 0 && s.claimed[n-1][1] == k && s.lastDay {
			return true
		}
	}
	if s.lookahead {
		return false
	}
	e := end
	if !s.at(e).isSym(",") && !s.at(e).isWord("or") && !s.at(e).isWord("and") || s.at(e).nl {
		return false
	}
	s.lookahead = true
	f, ok := s.match(e + 1)
	s.lookahead = false
	return ok && f.gran == granDay && f.first == e+1
}

// monthAbbrevAt reads a month abbreviation in lower case after a day
// number ("14 nov"), which monthAt leaves alone elsewhere.
func (s *dateScanner) monthAbbrevAt(k int) (int, int, bool) {
	t := s.at(k)
	m, ok := t.month(), t.in(cMonth)
	if !ok || t.kind != tWord || t.low == "may" || t.low == "mar" || t.low == "march" {
		return 0, 0, false
	}
	return m, k + 1, true
}

// yearMonthDay reads "2019/aug/01", "2019-aug-1": a year, a month name and
// a day joined by one separator without spaces.
func (s *dateScanner) yearMonthDay(i int) (found, bool) {
	y, e, ok := s.yearAt(i)
	sep := s.at(e)
	if ok && sep.kind == tWord && len(sep.low) > 3 && !sep.nl && s.at(i).kind == tNum {
		// "2017 April 5"
		if m, me, ok := s.monthAt(e); ok && s.at(me).kind == tNum && !s.at(me).nl {
			if d, end, ok := s.dayAt(me); ok && validDay(y, m, d) {
				return found{first: i, end: end, from: day(y, m, d), to: day(y, m, d), gran: granDay}, true
			}
		}
		return found{}, false
	}
	if !ok || s.at(i).kind != tNum || !(sep.isSym("-") || sep.isSym("/")) || !sep.adjacent() || !s.at(e+1).adjacent() {
		return found{}, false
	}
	m, ok := s.at(e+1).month(), s.at(e+1).in(cMonth)
	if !ok || s.at(e+1).kind != tWord || s.at(e+2).low != sep.low || !s.at(e+2).adjacent() || !s.at(e+3).adjacent() || s.at(e+3).kind != tNum {
		return found{}, false
	}
	d, end, ok := s.dayAt(e + 3)
	if !ok || !validDay(y, m, d) {
		return found{}, false
	}
	return found{first: i, end: end, from: day(y, m, d), to: day(y, m, d), gran: granDay}, true
}

// numericParts collects digit groups joined by one kind of separator
// ("2018-04-18") with no spaces, and returns them, held in buf, with the
// end index.
func (s *dateScanner) numericParts(i int, buf *[4]*token) ([]*token, int) {
	parts := append(buf[:0], &s.toks[i])
	sep := ""
	j := i + 1
	for j+1 < len(s.toks) && len(parts) < 4 {
		st, nt := &s.toks[j], &s.toks[j+1]
		if !st.adjacent() || !nt.adjacent() || nt.kind != tNum || !nt.plain || nt.suffix() != "" {
			break
		}
		if st.low != "-" && st.low != "/" && st.low != "." {
			break
		}
		if sep != "" && st.low != sep {
			break
		}
		sep = st.low
		parts = append(parts, nt)
		j += 2
	}
	if !s.toks[i].plain && !(len(parts) == 1) {
		// "18.04" lexes as one decimal; split it back.
		return nil, i
	}
	if len(parts) > 3 {
		return nil, i
	}
	return parts, j
}

// sepAt returns the separator after the number at i.
func (s *dateScanner) sepAt(i int) string {
	if i+1 < len(s.toks) {
		return s.toks[i+1].low
	}
	return ""
}

// monthForms reads month-level mentions with a qualifier: "this
// December", "last December", "early September", "mid-November", "late
// 2017", "early next year".
func (s *dateScanner) monthForms(i int) (found, bool) {
	w := s.toks[i].low
	j := i + 1
	if j < len(s.toks) && s.toks[j].isSym("-") && s.toks[j].adjacent() {
		j++
	}
	switch w {
	case "this", "last", "next", "past", "previous":
		m, e, ok := s.monthAt(j)
		if !ok || s.followedByDayOrYear(e) || s.pub.IsZero() && !s.spans {
			return found{}, false
		}
		y := s.pub.Year()
		pm := int(s.pub.Month())
		switch w {
		case "last", "past", "previous":
			if m >= pm {
				y--
			}
		case "next":
			if m <= pm {
				y++
			}
		}
		return found{first: i, end: e, from: day(y, m, 1), to: monthEnd(y, m), gran: granMonth, rel: true}, true
	case "early", "mid", "late":
		if m, e, ok := s.monthAt(j); ok {
			y := 0
			if yr, e2, ok := s.yearAt(s.skipComma(e)); ok {
				y, e = yr, e2
			}
			var from, to time.Time
			if y == 0 {
				f, t, ok := s.resolveMonth(i, m)
				if !ok {
					return found{}, s.spans
				}
				from, to = f, t
			} else {
				from, to = day(y, m, 1), monthEnd(y, m)
			}
			switch w {
			case "early":
				to = from.AddDate(0, 0, 14)
			case "mid":
				from, to = from.AddDate(0, 0, 9), from.AddDate(0, 0, 19)
			case "late":
				from = from.AddDate(0, 0, 15)
			}
			return found{first: i, end: e, from: from, to: to, gran: granMonth, rel: y == 0}, true
		}
		if y, e, ok := s.yearAt(j); ok && s.toks[j].kind == tNum {
			from, to := day(y, 1, 1), day(y, 4, 30)
			switch w {
			case "mid":
				from, to = day(y, 5, 1), day(y, 8, 31)
			case "late":
				from, to = day(y, 9, 1), day(y, 12, 31)
			}
			return found{first: i, end: e, from: from, to: to, gran: granMonth}, true
		}
	}
	return found{}, false
}

func (s *dateScanner) skipComma(j int) int {
	if j < len(s.toks) && s.toks[j].isSym(",") {
		return j + 1
	}
	return j
}

// yearForms reads years in context ("in 2017", "since 2015"), year ranges
// ("between 2014 and 2018", "2014-2018") and decades ("the 1990s").
func (s *dateScanner) yearForms(i int) (found, bool) {
	first := i
	w := s.toks[i].low
	if w == "from" || w == "between" {
		i++
	}
	if i >= len(s.toks) || s.toks[i].kind != tNum {
		return found{}, false
	}
	t := &s.toks[i]
	// Decades written with a space: "in 1990 s".
	if t.plain && t.sfx == 0 && t.digits == 4 && t.val >= 1000 && t.val < 3000 && int(t.val)%10 == 0 && first == i &&
		s.at(i+1).isWord("s") && s.at(i+1).gap(s.text) == " " && (s.yearContext(i) || s.at(i-1).isWord("the")) {
		y := int(t.val)
		return found{first: i, end: i + 2, from: day(y, 1, 1), to: day(y+9, 12, 31), gran: granYear}, true
	}
	// Decades: "1990s", "the 90s".
	if t.plain && (t.suffix() == "s" || t.suffix() == "S") && int(t.val)%10 == 0 && first == i {
		switch {
		case t.digits == 4 && t.val >= 1000 && t.val < 3000:
			y := int(t.val)
			return found{first: i, end: i + 1, from: day(y, 1, 1), to: day(y+9, 12, 31), gran: granYear}, true
		case t.digits == 2 && i > 0 && (s.toks[i-1].isWord("the") || s.toks[i-1].isSym("'") || s.toks[i-1].isSym("’")):
			y := 1900 + int(t.val)
			return found{first: i, end: i + 1, from: day(y, 1, 1), to: day(y+9, 12, 31), gran: granYear}, true
		}
		return found{}, false
	}
	y, e, ok := s.yearAt(i)
	if !ok || y < 1900 || y > 2100 || t.ident && !s.toks[i-1].isSym("-") {
		return found{}, false
	}
	// A year range.
	if e < len(s.toks) && !s.toks[e].nl {
		conn := s.toks[e].low
		if conn == "-" || conn == "–" || conn == "—" || conn == "to" || conn == "through" || conn == "until" || conn == "till" || conn == "~" || conn == "and" && w == "between" {
			if y2, e2, ok := s.yearAt(e + 1); ok && y2 > y && y2 <= 2100 && !s.hyphenJoin(e2) {
				if conn == "and" || conn == "to" || conn == "through" || w == "from" || s.yearContext(first) || conn == "-" || conn == "–" {
					return found{first: first, end: e2, from: day(y, 1, 1), to: day(y2, 12, 31), gran: granYear}, true
				}
			} else if first == i && conn != "and" && conn != "~" && s.yearContext(i) && s.at(e+1).in(cMonth) && !s.at(e+1).nl {
				// "in 2014 through May 2018"
				if g, ok := s.match(e + 1); ok && g.first == e+1 && g.from.Year() > y && !s.yearless(g.first, g.end) {
					return found{first: first, end: g.end, from: day(y, 1, 1), to: g.to, gran: granYear}, true
				}
			}
		}
	}
	if first != i {
		if w != "from" && !(w == "between" && s.at(e).isWord("and")) {
			return found{}, false
		}
		if f, ok := s.numericDate(i); ok && f.end > e {
			return found{}, false // "from 2019-08-01": read at the figure
		}
		if f, ok := s.numberForm(i); ok && f.end > e {
			return found{}, false // "from 2019-aug-01", "from 2017-q1"
		}
		// "from 2007 to the end of 2008", "between 2007 and the end of
		// 2008": the range is joined after.
		return found{first: i, end: e, from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear}, true
	}
	if !s.yearContext(i) && !(e < len(s.toks) && s.toks[e].low == "'s") && s.modAfter(e) == "" && !s.attributiveYear(i, e) {
		return found{}, false
	}
	if m, me, ok := s.monthAt(e); ok && !s.at(e).nl && len(s.at(e).low) > 3 {
		// "in 2017 April": the year put first.
		return found{first: i, end: me, from: day(y, m, 1), to: monthEnd(y, m), gran: granMonth}, true
	}
	return found{first: i, end: e, from: day(y, 1, 1), to: day(y, 12, 31), gran: granYear}, true
}

// attributiveYear reports whether the year at i, ending at e, names
// something that happened in it: "the 1999 earthquake", "a 2014 study",
// "the 1918 Cloquet fire", "its 2017 data breach". An article or a
// possessive comes before it and a word follows, not a unit or a counted
// noun ("the 2000 people" is a count written without a separator).
func (s *dateScanner) attributiveYear(i, e int) bool {
	if i == 0 || s.toks[i].nl || e >= len(s.toks) || s.toks[e].nl {
		return false
	}
	p, n := &s.toks[i-1], &s.toks[e]
	if !(p.isWord("the") || p.isWord("a") || p.isWord("an") || p.isWord("its") || p.isWord("their") || p.isWord("his") || p.isWord("her") || p.isWord("our") ||
		strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s")) {
		return false
	}
	return n.kind == tWord && !n.in(cScale|cPeriodUnit|cTimeUnit|cMonth) && !countedNouns[n.low] && n.low != "s"
}

// countedNouns are the nouns a bare four-digit figure counts more often
// than a year qualifies them.
var countedNouns = map[string]bool{
	"people": true, "persons": true, "residents": true, "troops": true, "soldiers": true, "police": true,
	"officers": true, "workers": true, "employees": true, "staff": true, "students": true, "children": true,
	"men": true, "women": true, "families": true, "households": true, "homes": true, "houses": true,
	"buildings": true, "cases": true, "deaths": true, "victims": true, "passengers": true, "vehicles": true,
	"cars": true, "acres": true, "hectares": true, "tonnes": true, "tons": true, "metres": true, "meters": true,
	"feet": true, "miles": true, "kilometres": true, "kilometers": true, "km": true, "units": true,
	"jobs": true, "points": true, "votes": true, "seats": true, "members": true, "firefighters": true,
	"rescuers": true, "migrants": true, "refugees": true, "patients": true, "dollars": true, "euros": true,
}

// yearContext reports whether the number at i reads as a year from the
// word before it ("in 2017", "the year 2008", "mid-2018").
func (s *dateScanner) yearContext(i int) bool {
	if i == 0 {
		return false
	}
	p := &s.toks[i-1]
	// A line break between the word and the number breaks the context; one
	// before the word ("\n\nIn 2017,") does not.
	if s.toks[i].nl {
		return false
	}
	if p.isSym("-") && i >= 2 && (s.toks[i-2].low == "mid" || s.toks[i-2].low == "pre" || s.toks[i-2].low == "post") {
		return true
	}
	if p.low == "and" || p.low == "or" || p.isSym(",") {
		// "2007 and 2009": only after another year.
		return i >= 2 && s.toks[i-2].kind == tNum && s.toks[i-2].digits == 4 && s.toks[i-2].val >= 1900 && s.toks[i-2].val <= 2100 && s.toks[i-2].plain
	}
	switch p.low {
	case "in", "since", "by", "of", "until", "till", "through", "during", "before", "after", "year", "around", "circa", "throughout", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "starting", "from", "into", "to", "fiscal", "than":
		if p.low == "to" || p.low == "than" || p.low == "from" {
			if w := s.at(i - 2).low; w == "greater" || w == "newer" || w == "older" {
				// "year greater than 2012", "the year is greater than 2015"
				return s.at(i-3).isWord("year") || s.at(i-3).isWord("is") && s.at(i-4).isWord("year")
			}
			return i >= 2 && (s.toks[i-2].low == "back" || s.toks[i-2].low == "later" || s.toks[i-2].low == "earlier" || s.toks[i-2].low == "dates" || s.toks[i-2].low == "date")
		}
		return true
	}
	return false
}

// quarter reads "Q1 2017", "the first quarter of 2017", "q1-2019", "H2
// 2019", "the second half of the year" and a bare "Q1" (the most recent
// such quarter, or the next one when the sentence looks ahead).
func (s *dateScanner) quarter(i int) (found, bool) {
	months, n, e, code := 0, 0, 0, false
	t := s.at(i)
	switch {
	case (t.low == "q" || t.low == "h") && s.at(i+1).kind == tNum && s.at(i+1).adjacent() && s.at(i+1).plain && s.at(i+1).suffix() == "":
		months, n, e, code = 3, int(s.at(i+1).val), i+2, true
		if t.low == "h" {
			months = 6
		}
	case s.at(i+1).isWord("quarter") && t.ordinal() >= 1:
		months, n, e = 3, int(t.ordinal()), i+2
	case s.at(i+1).isWord("half") && (t.low == "first" || t.low == "second"):
		months, n, e = 6, int(t.ordinal()), i+2
	default:
		return found{}, false
	}
	if n < 1 || n > 12/months {
		return found{}, false
	}
	first := i
	if s.at(i - 1).isWord("the") {
		first = i - 1
	}
	j := e
	if s.at(j).isWord("of") || s.at(j).isSym(",") || s.at(j).isSym("-") && s.at(j).adjacent() {
		j++
	}
	m := months*(n-1) + 1
	if y, e2, ok := s.yearAt(j); ok {
		return found{first: first, end: e2, from: day(y, m, 1), to: monthEnd(y, m+months-1), gran: granMonth}, true
	}
	if p, ok := s.periodAt(j); ok && p.gran == granYear && s.at(j-1).isWord("of") {
		if p.from.IsZero() {
			return found{first: first, end: p.end}, s.spans
		}
		y := p.from.Year()
		return found{first: first, end: p.end, from: day(y, m, 1), to: monthEnd(y, m+months-1), gran: granMonth, rel: p.rel}, true
	}
	if !code || s.at(e).kind == tNum || s.at(e).kind == tWord && s.at(e).adjacent() {
		return found{}, false
	}
	if s.pub.IsZero() {
		return found{first: first, end: e}, s.spans
	}
	y := s.pub.Year()
	switch {
	case s.forwardLooking(i):
		if monthEnd(y, m+months-1).Before(s.pub) {
			y++
		}
	case day(y, m, 1).After(s.pub):
		y--
	}
	return found{first: first, end: e, from: day(y, m, 1), to: monthEnd(y, m+months-1), gran: granMonth, rel: true}, true
}

// monthWordInContext decides whether "May" or "March" without a day or
// year is the month: written with a capital after a date word ("in May",
// "this March"), or in lower case after "in"/"of"/"since" and before a
// pause ("it may be in may").
func (s *dateScanner) monthWordInContext(k, end int) bool {
	if !s.datePrepBefore(k) {
		return false
	}
	if s.text[s.toks[k].start] != s.toks[k].low[0] {
		return true // capitalised
	}
	switch s.toks[k-1].low {
	case "in", "of", "since", "until", "during", "early", "mid", "late", "from", "to", "through", "last", "next":
	default:
		return false
	}
	return end >= len(s.toks) || s.toks[end].kind != tWord || s.toks[end].low == "and" || s.toks[end].low == "or" || s.toks[end].low == "to"
}
