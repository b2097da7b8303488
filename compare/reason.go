package compare

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// render is a claim's value as the writer put it, in quotes, with whoever the
// writer says makes the claim.
func render(m *member) string {
	c := m.Claim
	var text string
	switch {
	case c.Value != nil && c.Value.Text != "":
		text = c.Value.Text
	case c.Value != nil:
		text = strconv.FormatFloat(c.Value.Number, 'f', -1, 64)
	case c.Date != nil && c.Date.Text != "":
		text = c.Date.Text
	case c.Date != nil:
		text = c.Date.Start
	}
	s := `"` + oneLine(text) + `"`
	if c.Value != nil {
		unit, _, _ := strings.Cut(normalize(c.Attribute), " ")
		if _, imperial := lengthUnits[unit]; imperial && !strings.Contains(strings.ToLower(text), unit) {
			s += " " + unit // "31" miles, in a group compared in km
		}
	}
	if q := oneLine(c.Qualifier); q != "" {
		s += " (" + q + ")"
	}
	if c.AttributedTo != nil {
		if who := oneLine(*c.AttributedTo); who != "" {
			s += " according to " + who
		}
	}
	return s
}

// asOfText says which time a figure refers to, for reasons where that
// matters: "(as of 2018-04-18)", "(as of 2017)", "(as of 2018-03)".
func asOfText(m *member) string {
	if m.Claim.Value == nil {
		return ""
	}
	start, end := m.Published, m.Published
	if a := m.Claim.AsOf; a != nil {
		start, end = a.Start, cmp.Or(a.End, a.Start)
	}
	if start == "" {
		return ""
	}
	return "(as of " + span(start, end) + ")"
}

// span names a range of days by the year or month it fills, if it does.
func span(start, end string) string {
	if start == end {
		return start
	}
	first, _, ok1 := dayRange(start)
	_, last, ok2 := dayRange(end)
	if ok1 && ok2 && len(start) >= 7 {
		for _, n := range []int{4, 7} { // year, then month
			if lo, hi, ok := dayRange(start[:n]); ok && first == lo && last == hi {
				return start[:n]
			}
		}
	}
	return start + " to " + end
}

// oneLine collapses runs of white space to one space and trims the ends. It
// returns s itself when that changes nothing (plain ASCII with single inner
// spaces), which is the usual case, sparing strings.Fields' allocations.
func oneLine(s string) string {
	clean := len(s) == 0 || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; clean && i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			clean = false
		case c == ' ' && s[i+1] == ' ':
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func reason(st Status, about string, ms []*member, camps [][]*member, f finding) string {
	if f.changed || f.revised {
		for _, m := range ms {
			if m.when != "" {
				m.text += " " + m.when
			}
		}
	}
	var b strings.Builder
	switch {
	case st == Conflict:
		b.WriteString("conflict on " + about + ": ")
		for i, c := range camps {
			if i > 0 {
				b.WriteString(" vs ")
			}
			b.WriteString(bySource(c))
		}
	case st == SingleSource && len(outletsOf(ms)) > 1:
		b.WriteString(bySource(ms) + ": no two independent outlets give one figure on " + about)
	case st == SingleSource:
		names := outletSources(ms)
		verb := " reports "
		if len(names) > 1 {
			verb = " report "
		}
		b.WriteString("only " + list(names) + verb + about + ": ")
		b.WriteString(strings.Join(texts(ms, all), ", "))
	case len(camps) > 1:
		b.WriteString(bySource(ms) + " do not conflict on " + about)
	default:
		b.WriteString(bySource(ms) + " agree on " + about)
	}

	var notes []string
	if f.revised {
		notes = append(notes, "a later, lower figure revises a tally that only grows")
	}
	if f.changed {
		notes = append(notes, "figures for different times are a change, not a conflict")
	}
	if f.occasions {
		notes = append(notes, "different dates are different occasions, not a conflict")
	}
	if f.measures {
		notes = append(notes, "differently qualified figures count different things, not a conflict")
	}
	if len(f.selfDiff) > 0 { // spare sorting the outlets when none differs
		for _, o := range outletsOf(ms) {
			if f.selfDiff[o] {
				notes = append(notes, list(outletSources(group(ms, o)))+"'s own figures differ")
			}
		}
	}
	notes = append(notes, copyNotes(ms)...)
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, "; ") + ")")
	}
	return b.String()
}

// texts are the distinct renderings of the members that keep accepts, in
// canonical order.
func texts(ms []*member, keep func(*member) bool) []string { return appendTexts(nil, ms, keep) }

// appendTexts appends to dst the distinct texts of the members keep
// selects, in order, skipping those dst holds already.
func appendTexts(dst []string, ms []*member, keep func(*member) bool) []string {
	for _, m := range ms {
		if keep(m) && !slices.Contains(dst, m.text) {
			dst = append(dst, m.text)
		}
	}
	return dst
}

func all(*member) bool { return true }

// bySource renders `AFP "some 40 million"/"40-million" and Sputnik "40
// million"`; a member without a source is listed by its value alone.
func bySource(ms []*member) string {
	sources := make([]string, len(ms))
	for i, m := range ms {
		sources[i] = m.source
	}
	slices.Sort(sources)
	sources = slices.Compact(sources)
	parts := make([]string, len(sources))
	var seen []string // one source's distinct texts, reused across sources
	for i, s := range sources {
		seen = appendTexts(seen[:0], ms, func(m *member) bool { return m.source == s })
		parts[i] = strings.TrimSpace(s + " " + strings.Join(seen, "/"))
	}
	return list(parts)
}

func outletsOf(ms []*member) []string {
	return distinct(ms, func(m *member) string { return m.outlet })
}

func group(ms []*member, outlet string) []*member {
	var out []*member
	for _, m := range ms {
		if m.outlet == outlet {
			out = append(out, m)
		}
	}
	return out
}

// outletSources names the outlets of ms: the source of each original, or,
// where the original is not in the group, the sources carrying it.
func outletSources(ms []*member) []string {
	var names []string
	for _, o := range outletsOf(ms) {
		if src, ok := strings.CutPrefix(o, "s:"); ok {
			names = append(names, src)
			continue
		}
		names = append(names, distinct(group(ms, o), func(m *member) string { return m.source })...)
	}
	return names
}

// copyNotes explain why copies were not counted: "Geo News is a copy of
// AFP's article, not independent".
func copyNotes(ms []*member) []string {
	var notes []string
	for _, o := range outletsOf(ms) {
		g := group(ms, o)
		if src, ok := strings.CutPrefix(o, "s:"); ok {
			copies := distinct(g, func(m *member) string {
				if m.origin != m.Claim.Article && m.source != src {
					return m.source
				}
				return ""
			})
			switch len(copies) {
			case 0:
			case 1:
				notes = append(notes, copies[0]+" is a copy of "+src+"'s article, not independent")
			default:
				notes = append(notes, list(copies)+" are copies of "+src+"'s article, not independent")
			}
			continue
		}
		if carriers := distinct(g, func(m *member) string { return m.source }); len(carriers) > 1 {
			id := strings.TrimPrefix(o, "a:")
			notes = append(notes, list(carriers)+" carry copies of one article ("+id+"), not independent")
		}
	}
	return notes
}

// list joins "a", "a and b", "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
