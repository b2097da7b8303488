package compare

import (
	"math"

	"github.com/crosscheck/crosscheck/extract"
)

// interval is closed; an open side is ±Inf. Dates are in days since
// 1970-01-01 so that figures and dates share one overlap test.
type interval struct{ lo, hi float64 }

var unbounded = interval{math.Inf(-1), math.Inf(1)}

// overlaps allows a relative slack of 1e-9 so that bounds computed as
// 40e6*(1-0.0125) and 39.5e6 still touch.
func (a interval) overlaps(b interval) bool {
	return leq(a.lo, b.hi) && leq(b.lo, a.hi)
}

// contains reports whether x lies in a, with the same slack.
func (a interval) contains(x float64) bool { return leq(a.lo, x) && leq(x, a.hi) }

// bounded reports whether a has both ends: not "more than 790" or "up to
// 87 million".
func (a interval) bounded() bool { return !math.IsInf(a.lo, 0) && !math.IsInf(a.hi, 0) }

func leq(x, y float64) bool {
	if x <= y {
		return true
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return false
	}
	return x-y <= 1e-9*math.Max(math.Abs(x), math.Abs(y))
}

// valueInterval: a vague amount gets no bounds, which is what keeps it out of
// every conflict. An exact figure's rounding bounds are open (see below).
func valueInterval(v *extract.Value) interval {
	if v == nil || v.Vague {
		return unbounded
	}
	iv := unbounded
	if v.Min != nil && !math.IsNaN(*v.Min) {
		iv.lo = *v.Min
	}
	if v.Max != nil && !math.IsNaN(*v.Max) {
		iv.hi = *v.Max
	}
	if iv.lo > iv.hi {
		iv.lo, iv.hi = iv.hi, iv.lo
	}
	if v.Hedge == "exact" && iv.lo < iv.hi && !math.IsInf(iv.lo, 0) && !math.IsInf(iv.hi, 0) {
		// An exact figure's bounds are its rounding, which excludes them:
		// "83" is 82.5 up to but not 83.5, so it does not meet "84", nor
		// a magnitude 7.7 a 7.8. A hedge's bounds ("at least 30") are
		// the writer's and stay in.
		d := (iv.hi - iv.lo) * 1e-5
		iv.lo, iv.hi = iv.lo+d, iv.hi-d
	}
	return iv
}

// dateInterval reads Start..End (End inclusive, defaulting to Start). A side
// that does not parse is left open rather than guessed.
func dateInterval(d *extract.DateValue) interval {
	if d == nil {
		return unbounded
	}
	iv := unbounded
	if lo, _, ok := dayRange(d.Start); ok {
		iv.lo = lo
	}
	end := d.End
	if end == "" {
		end = d.Start
	}
	if _, hi, ok := dayRange(end); ok {
		iv.hi = hi
	}
	if iv.lo > iv.hi {
		iv.lo, iv.hi = iv.hi, iv.lo
	}
	return iv
}

// dayInterval is the single day of a publication date, or unbounded.
func dayInterval(s string) interval {
	lo, hi, ok := dayRange(s)
	if !ok {
		return unbounded
	}
	return interval{lo, hi}
}

// dayRange parses YYYY-MM-DD (anything after the tenth byte, such as a time,
// is ignored), YYYY-MM or YYYY into its first and last day.
func dayRange(s string) (first, last float64, ok bool) {
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, len(s) > 0
	}
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:7])
		d, ok3 := num(s[8:10])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
			return 0, 0, false
		}
		day := float64(civilDays(y, m, d))
		return day, day, true
	case len(s) == 7 && s[4] == '-':
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:7])
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return 0, 0, false
		}
		return float64(civilDays(y, m, 1)), float64(civilDays(y, m, daysIn(y, m))), true
	case len(s) == 4:
		y, ok := num(s)
		if !ok {
			return 0, 0, false
		}
		return float64(civilDays(y, 1, 1)), float64(civilDays(y, 12, 31)), true
	}
	return 0, 0, false
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDays counts days from 1970-01-01 in the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil), avoiding time.Date on the hot path.
func civilDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
