package recognize

// modifier reads the relation written around the mention at tokens
// [first, end): "since", "after", "before", "until", "by", "no later
// than", "starting", "as early as" before it, "or later", "and earlier",
// "onwards" after it.
func (s *dateScanner) modifier(first, end int) string {
	j := first - 1
	if s.at(j).isWord("year") {
		j-- // "after the year 2020", "year greater than 2012"
	}
	if s.at(j).isWord("the") {
		j--
	}
	if s.at(j).isWord("on") || s.at(j).isWord("from") {
		// "starting on January 7th", "beginning from May"
		if w := s.at(j - 1).low; w == "starting" || w == "beginning" || w == "commencing" {
			j--
		}
	}
	if j >= 0 && !s.at(j+1).nl {
		if m := s.modBefore(j); m != "" {
			// "before the end of 2019" is a deadline: up to its last day.
			if m == ModBefore && (s.at(first).isWord("end") || s.at(first).isWord("the") && s.at(first+1).isWord("end")) {
				return ModUntil
			}
			return m
		}
	}
	return s.modAfter(end)
}

// modBefore reads the relation ending at token j.
func (s *dateScanner) modBefore(j int) string {
	t := s.at(j)
	p, pp := s.at(j-1), s.at(j-2)
	switch t.low {
	case "since", "starting", "beginning", "commencing":
		return ModSince
	case "after":
		return ModAfter
	case "before":
		return ModBefore
	case "until", "till", "til", "by":
		return ModUntil
	case "to":
		switch p.low {
		case "up":
			return ModUntil
		case "prior":
			return ModBefore
		}
	case "than":
		if p.isWord("more") {
			// "more than 2 weeks before today": beyond the offset day.
			return s.offsetDirection(j + 1)
		}
		switch p.low {
		case "later", "greater", "newer":
			if pp.isWord("no") || pp.isWord("not") {
				return ModUntil
			}
			return ModAfter
		case "earlier", "older":
			if pp.isWord("no") || pp.isWord("not") {
				return ModSince
			}
			return ModBefore
		}
	case "as":
		// "as early as next year", "as late as tomorrow"
		if pp.isWord("as") {
			switch p.low {
			case "early", "soon":
				return ModSince
			case "late":
				return ModUntil
			}
		}
	}
	return ""
}

// modAfter reads the relation starting at token end: "or later",
// "and earlier", "onwards".
func (s *dateScanner) modAfter(end int) string {
	n, nn := s.at(end), s.at(end+1)
	if n.nl {
		return ""
	}
	switch n.low {
	case "onwards", "onward":
		return ModSince
	case "or", "and":
		switch nn.low {
		case "later", "greater", "beyond", "earlier":
			if s.at(end + 2).isWord("than") {
				return "" // "2015 and later than 2020"
			}
			if nn.low == "earlier" {
				return ModUntil
			}
			return ModSince
		case "after", "before":
			// "1/1/2016 and after", but not "after 2016 and before 2018".
			if t := s.at(end + 2); t.kind == tNum || t.kind == tWord && dateTriggers[t.low] {
				return ""
			}
			if nn.low == "after" {
				return ModSince
			}
			return ModUntil
		}
	}
	return ""
}

// offsetDirection reads the direction of the offset form at k ("2 weeks
// before today", "3 days ago"): ModBefore or ModAfter, or "" when no
// offset form starts there.
func (s *dateScanner) offsetDirection(k int) string {
	_, e, ok := s.countAt(k)
	if !ok || s.at(e).unit() == "" {
		return ""
	}
	switch s.at(e + 1).low {
	case "before", "ago", "earlier":
		return ModBefore
	case "after", "from", "later":
		return ModAfter
	}
	return ""
}
