package recognize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is a run of lower-case tokens and the hedge it expresses.
type phrase struct {
	words []string
	hedge string
}

// hedgesBefore are the words that qualify a figure from the left, longest
// first so that "no more than" wins over "more than".
var hedgesBefore = sortPhrases([]phrase{
	{[]string{"about"}, Approx}, {[]string{"some"}, Approx}, {[]string{"roughly"}, Approx}, {[]string{"around"}, Approx},
	{[]string{"approximately"}, Approx}, {[]string{"approx"}, Approx}, {[]string{"an", "estimated"}, Approx}, {[]string{"estimated"}, Approx},
	{[]string{"circa"}, Approx}, {[]string{"ca"}, Approx}, {[]string{"or", "so"}, Approx}, {[]string{"an", "approximate"}, Approx},
	{[]string{"more", "than"}, AtLeast}, {[]string{"over"}, AtLeast}, {[]string{"at", "least"}, AtLeast}, {[]string{"exceeding"}, AtLeast},
	{[]string{"exceed"}, AtLeast}, {[]string{"exceeds"}, AtLeast}, {[]string{"exceeded"}, AtLeast}, {[]string{"surpass"}, AtLeast},
	{[]string{"surpassing"}, AtLeast}, {[]string{"upwards", "of"}, AtLeast}, {[]string{"upward", "of"}, AtLeast}, {[]string{"in", "excess", "of"}, AtLeast},
	{[]string{"greater", "than"}, AtLeast}, {[]string{"larger", "than"}, AtLeast}, {[]string{"bigger", "than"}, AtLeast}, {[]string{"higher", "than"}, AtLeast},
	{[]string{"above"}, AtLeast}, {[]string{"no", "fewer", "than"}, AtLeast}, {[]string{"no", "less", "than"}, AtLeast}, {[]string{"not", "less", "than"}, AtLeast},
	{[]string{"just", "over"}, AtLeast}, {[]string{"well", "over"}, AtLeast}, {[]string{"well", "above"}, AtLeast}, {[]string{"at", "least", "or", "equal", "to"}, AtLeast},
	{[]string{"equal", "to", "or", "more", "than"}, AtLeast}, {[]string{"equal", "to", "or", "greater", "than"}, AtLeast},
	{[]string{"greater", "than", "or", "equal", "to"}, AtLeast}, {[]string{"more", "than", "or", "equal", "to"}, AtLeast},
	{[]string{"bigger", "or", "equal", "than"}, AtLeast}, {[]string{"higher", "or", "equal", "than"}, AtLeast}, {[]string{"larger", "or", "equal", "than"}, AtLeast},
	{[]string{"greater", "or", "equal", "than"}, AtLeast}, {[]string{">"}, AtLeast}, {[]string{">", "="}, AtLeast}, {[]string{"≥"}, AtLeast},
	{[]string{"fewer", "than"}, AtMost}, {[]string{"less", "than"}, AtMost}, {[]string{"under"}, AtMost}, {[]string{"at", "most"}, AtMost},
	{[]string{"up", "to"}, AtMost}, {[]string{"nearly"}, AtMost}, {[]string{"almost"}, AtMost}, {[]string{"as", "many", "as"}, AtMost},
	{[]string{"as", "much", "as"}, AtMost}, {[]string{"as", "high", "as"}, AtMost}, {[]string{"no", "more", "than"}, AtMost}, {[]string{"not", "more", "than"}, AtMost},
	{[]string{"below"}, AtMost}, {[]string{"close", "to"}, AtMost}, {[]string{"just", "under"}, AtMost}, {[]string{"just", "below"}, AtMost},
	{[]string{"smaller", "than"}, AtMost}, {[]string{"lower", "than"}, AtMost}, {[]string{"just", "shy", "of"}, AtMost},
	{[]string{"less", "than", "or", "equal", "to"}, AtMost}, {[]string{"equal", "to", "or", "less", "than"}, AtMost}, {[]string{"fewer", "than", "or", "equal", "to"}, AtMost},
	{[]string{"smaller", "or", "equal", "than"}, AtMost}, {[]string{"lower", "or", "equal", "than"}, AtMost}, {[]string{"less", "or", "equal", "than"}, AtMost},
	{[]string{"<"}, AtMost}, {[]string{"<", "="}, AtMost}, {[]string{"≤"}, AtMost},
	{[]string{"equal", "to"}, Exact}, {[]string{"equals"}, Exact}, {[]string{"equals", "to"}, Exact}, {[]string{"equaling", "to"}, Exact},
	{[]string{"exactly"}, Exact}, {[]string{"precisely"}, Exact}, {[]string{"="}, Exact},
})

// hedgesAfter qualify a figure from the right ("200 or more").
var hedgesAfter = sortPhrases([]phrase{
	{[]string{"or", "more"}, AtLeast}, {[]string{"and", "more"}, AtLeast}, {[]string{"or", "greater"}, AtLeast}, {[]string{"and", "greater"}, AtLeast},
	{[]string{"or", "above"}, AtLeast}, {[]string{"and", "above"}, AtLeast}, {[]string{"or", "higher"}, AtLeast}, {[]string{"and", "over"}, AtLeast},
	{[]string{"or", "over"}, AtLeast}, {[]string{"or", "greater", "than"}, AtLeast}, {[]string{"or", "more", "than"}, AtLeast},
	{[]string{"-", "plus"}, AtLeast}, {[]string{"plus"}, AtLeast}, {[]string{"+"}, AtLeast},
	{[]string{"or", "less"}, AtMost}, {[]string{"or", "fewer"}, AtMost}, {[]string{"and", "less"}, AtMost}, {[]string{"or", "below"}, AtMost},
	{[]string{"and", "below"}, AtMost}, {[]string{"or", "under"}, AtMost}, {[]string{"and", "under"}, AtMost}, {[]string{"or", "lower"}, AtMost},
	{[]string{"or", "less", "than"}, AtMost},
	{[]string{"or", "so"}, Approx}, {[]string{"-", "odd"}, Approx}, {[]string{"odd"}, Approx}, {[]string{"-", "some"}, Approx},
	{[]string{"or", "equal"}, ""}, {[]string{"or", "equal", "to"}, ""},
})

// sortPhrases orders phrases longest first.
func sortPhrases(ps []phrase) []phrase {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

// hedgeBefore returns the longest hedge phrase ending just before token
// end and starting at or after floor, and its first token.
func hedgeBefore(text string, toks []token, end, floor int) (phrase, int, bool) {
	if end-1 < floor || end < 1 {
		return phrase{}, 0, false
	}
	for _, p := range hedgesByLastWord[toks[end-1].low] {
		s := end - len(p.words)
		if s < floor || s < 0 {
			continue
		}
		if matchAt(text, toks, s, p.words) {
			return p, s, true
		}
	}
	return phrase{}, 0, false
}

// matchAt reports whether words match the tokens from s, with no line
// break between them.
func matchAt(text string, toks []token, s int, words []string) bool {
	if s+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		t := &toks[s+k]
		if t.low != w || k > 0 && t.nl {
			return false
		}
	}
	return true
}

// matchAfter returns the longest phrase starting at token s.
func matchAfter(text string, toks []token, s int, ps []phrase, blocked []bool) (phrase, bool) {
	if s >= len(toks) || blocked[s] || toks[s].nl {
		return phrase{}, false
	}
	for _, p := range ps {
		if matchAt(text, toks, s, p.words) {
			return p, true
		}
	}
	return phrase{}, false
}

// prefixBefore extends a figure leftwards over a currency symbol or code,
// a sign and hedge words: "more than $5 million", "minus five".
func prefixBefore(text string, toks []token, p *part, floor int) {
	k := p.first
	if p.unit == "" || p.unit == "fraction" {
		if code, s, ok := currencyBefore(text, toks, k, floor); ok {
			p.unit, k = code, s
		}
	}
	if k-1 >= floor && (toks[k-1].isWord("minus") || toks[k-1].isWord("negative")) {
		p.a.val = -p.a.val
		k--
	} else if k-1 >= floor && (toks[k-1].isSym("-") || toks[k-1].isSym("−")) && negativeSign(toks, k-1, floor) {
		p.a.val = -p.a.val
		k--
	}
	if ph, s, ok := hedgeBefore(text, toks, k, floor); ok && !(ph.words[0] == "over" && s > 0 && toks[s-1].kind == tNum) && !(ph.words[0] == "about" && s > 0 && (toks[s-1].isWord("how") || toks[s-1].isWord("what"))) {
		p.hedge = ph.hedge
		k = s
	} else if k-1 >= floor && crossingVerb(text, toks, k-1, p.end) {
		// "the toll passed 11,500": the figure is a threshold crossed,
		// a lower bound. The verb stays outside the figure's text.
		p.hedge = AtLeast
	}
	p.first = k
}

// crossingVerbs say that a tally went beyond the figure after them.
var crossingVerbs = map[string]bool{
	"pass": true, "passes": true, "passed": true, "passing": true, "past": true,
	"top": true, "tops": true, "topped": true, "topping": true,
	"surpassed": true, "surpasses": true, "crossed": true, "crosses": true, "crossing": true,
}

// notBeforePast are the words after which "past" opens a span of time ("the
// past 24 hours", "in past years"), not a threshold crossed.
var notBeforePast = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "his": true, "her": true, "their": true, "our": true, "my": true, "your": true,
	"in": true, "for": true, "over": true, "during": true, "of": true, "within": true, "throughout": true,
}

// crossingVerb reports whether token v is a verb of crossing a threshold
// ("passed", "topped", "past") that bounds the figure after it from below.
// A noun after the figure makes the verb's object a count of things ("the
// senate passed 3 bills"), not a tally crossing a mark, so the verb counts
// only where no lower-case word other than a preposition or conjunction
// follows the figure (a name may: "passed 1,000 Monday").
func crossingVerb(text string, toks []token, v, end int) bool {
	t := &toks[v]
	if t.kind != tWord || !crossingVerbs[t.low] || toks[v+1].nl {
		return false
	}
	if t.low == "past" && (v == 0 || notBeforePast[toks[v-1].low]) {
		return false
	}
	if end < len(toks) && !toks[end].nl {
		if n := &toks[end]; n.kind == tWord && !afterThreshold[n.low] && !startsUpper(text[n.start:]) {
			return false
		}
	}
	return true
}

// afterThreshold are the words that may follow a threshold figure ("passed
// 1,000 on Monday", "topped 300 and rose").
var afterThreshold = map[string]bool{
	"on": true, "in": true, "at": true, "by": true, "as": true, "and": true, "or": true, "but": true,
	"after": true, "before": true, "since": true, "when": true, "while": true, "with": true,
	"late": true, "early": true, "last": true, "this": true, "according": true, "for": true, "mark": true,
}

// negativeSign reports whether the '-' at token k is a minus sign: it
// touches the figure and does not follow another figure ("20-35").
func negativeSign(toks []token, k, floor int) bool {
	if !toks[k+1].adjacent() && k != 0 {
		return false
	}
	if k == 0 {
		return true
	}
	prev := &toks[k-1]
	if prev.kind == tNum || prev.kind == tWord && (prev.cardinalAbove0() || prev.in(cScale)) {
		return false
	}
	return !toks[k].adjacent() || prev.kind == tSym && prev.low != "-"
}

// currencyBefore recognises money written before a figure: "$", "US$",
// "US $", "€", "GBP", "Rs.", "mxn$".
func currencyBefore(text string, toks []token, k, floor int) (string, int, bool) {
	s := k - 1
	if s < floor {
		return "", 0, false
	}
	t := &toks[s]
	if t.isSym(".") && s-1 >= floor && toks[s-1].isWord("rs") {
		return "INR", s - 1, true
	}
	code, ok := currencyPrefix[t.low]
	if !ok || code == "" {
		return "", 0, false
	}
	if t.kind == tWord && toks[k].kind != tNum && !t.adjacent() {
		return "", 0, false
	}
	if t.low == "$" && s-1 >= floor && toks[s-1].kind == tWord {
		if c, ok := currencyLetterCode[toks[s-1].low]; ok && (t.adjacent() || toks[s-1].low == "us" || toks[s-1].low == "c") {
			return c, s - 1, true
		}
	}
	return code, s, true
}

// unitAfter reads a percent sign or word, a currency name or code, or a
// scale written after a currency code ("75 USD million"), and extends the
// figure over it.
func unitAfter(text string, toks []token, p *part, blocked []bool) {
	k := p.end
	if k >= len(toks) || blocked[k] || toks[k].nl {
		return
	}
	t := &toks[k]
	switch {
	case t.isSym("%") || t.isSym("٪"):
		p.unit, p.end = "%", k+1
		return
	case t.isWord("percent") || t.isWord("percents") || t.isWord("pct") || t.isWord("percentage") && !matchAt(text, toks, k+1, []string{"points"}):
		p.unit, p.end = "%", k+1
		return
	case matchAt(text, toks, k, []string{"per", "cent"}):
		p.unit, p.end = "%", k+2
		return
	case matchAt(text, toks, k, []string{"percentage", "points"}) || matchAt(text, toks, k, []string{"percentage", "point"}):
		p.unit, p.end = "pp", k+2
		return
	}
	if t.in(cCurrencyFirst) && k+1 < len(toks) && !toks[k+1].nl {
		if code, ok := currencyQualified[t.low+" "+toks[k+1].low]; ok {
			p.unit, p.end = code, k+2
			return
		}
		if k+2 < len(toks) && !toks[k+2].nl && (t.low == "new" || t.low == "hong" || t.low == "south") {
			if code, ok := currencyQualified[toks[k+1].low+" "+toks[k+2].low]; ok {
				p.unit, p.end = code, k+3
				return
			}
		}
	}
	if code, ok := currencySuffix[t.low]; ok && code != "" {
		p.unit, p.end = code, k+1
		if t.low == "pound" || t.low == "pounds" {
			return
		}
		if k+1 < len(toks) && !toks[k+1].nl && toks[k+1].in(cScale) && p.a.scale == 0 {
			p.a.val *= scaleWords[toks[k+1].low]
			p.a.prec *= scaleWords[toks[k+1].low]
			p.a.scale = scaleWords[toks[k+1].low]
			p.end = k + 2
		}
		return
	}
	if (t.isSym("$") || t.isSym("€") || t.isSym("£")) && p.unit == "" {
		p.unit, p.end = currencyPrefix[t.low], k+1
		return
	}
	if t.kind == tWord && (t.low == "meur" || t.low == "musd") && p.a.scale == 0 {
		p.unit = map[string]string{"meur": "EUR", "musd": "USD"}[t.low]
		p.a.val *= 1e6
		p.a.prec *= 1e6
		p.a.scale = 1e6
		p.end = k + 1
	}
}

// hedgeAfter reads hedge words after a figure ("200 or more",
// "1.3 million-plus", "40,000+").
func hedgeAfter(text string, toks []token, p *part, blocked []bool) {
	if p.end >= len(toks) {
		return
	}
	ph, ok := matchAfter(text, toks, p.end, hedgesAfterByFirstWord[toks[p.end].low], blocked)
	if !ok {
		return
	}
	if n := p.end + len(ph.words); n < len(toks) && !toks[n].nl && (toks[n].low == "than" || toks[n].low == "equal" || toks[n].kind == tNum || isCardinal(toks[n].low)) && ph.hedge != "" {
		return // "more than 20 and less than 30": the next figure's hedge
	}
	switch {
	case ph.words[0] == "+" && !toks[p.end].adjacent():
		return
	case ph.words[0] == "plus" && p.end+1 < len(toks) && (toks[p.end+1].kind == tNum || isCardinal(toks[p.end+1].low) || toks[p.end+1].kind == tWord && currencyPrefix[toks[p.end+1].low] != "" || toks[p.end+1].kind == tSym):
		return // "five plus three" is arithmetic
	case ph.words[0] == "odd" && !toks[p.end].adjacent():
		return
	}
	if ph.hedge != "" && (p.hedge == "" || p.hedge == Exact || p.hedge == Approx && ph.hedge != Approx) {
		p.hedge = ph.hedge // "about 500 or more" is a lower bound
	}
	p.end += len(ph.words)
	// "more than 5000 or equal to": the bound becomes inclusive, the
	// direction stays.
}

// changeVerbs introduce a change from one figure to another ("rose from
// 20 to 35"): the two figures are separate claims, not a range.
var changeVerbs = map[string]bool{
	"rose": true, "rise": true, "rises": true, "rising": true, "risen": true, "fell": true, "fall": true, "falls": true, "falling": true, "fallen": true,
	"increased": true, "increase": true, "increases": true, "increasing": true, "decreased": true, "decrease": true, "decreasing": true,
	"dropped": true, "drop": true, "drops": true, "jumped": true, "jump": true, "climbed": true, "climb": true, "grew": true, "grow": true, "grown": true,
	"declined": true, "decline": true, "cut": true, "cuts": true, "raised": true, "raise": true, "reduced": true, "reduce": true, "lowered": true,
	"slipped": true, "slid": true, "surged": true, "soared": true, "plunged": true, "tumbled": true, "doubled": true, "tripled": true, "went": true,
	"up": true, "down": true, "expanded": true, "shrank": true, "swelled": true, "changed": true, "revised": true, "boosted": true, "lifted": true,
	"upgraded": true, "downgraded": true, "slashed": true, "trimmed": true, "hiked": true, "moved": true, "increasingly": true,
}

// changeBefore reports whether a change verb occurs in the few tokens
// before token k.
func changeBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if toks[j].kind == tSym && (toks[j].low == "." || toks[j].low == ";") {
			return false
		}
		if toks[j].in(cChangeVerb) {
			return true
		}
	}
	return false
}

// rangeAfter joins a figure with a second one: "20-35", "20 to 35 million",
// "between 20 and 35", "from $20 to $35". A change ("rose from 20 to 35")
// gives two figures.
func rangeAfter(text string, toks []token, lo part, floor int, blocked []bool) (mention, bool) {
	k := lo.end
	if k+1 >= len(toks) || blocked[k] || toks[k].nl || lo.hedge != "" && lo.hedge != Exact && lo.hedge != Approx {
		return mention{}, false
	}
	conn := toks[k].low
	between := lo.first > floor && toks[lo.first-1].isWord("between")
	from := lo.first > floor && toks[lo.first-1].isWord("from")
	switch conn {
	case "-", "–", "—", "~", "to", "through", "thru":
		if conn == "-" && !toks[k].adjacent() && !toks[k+1].adjacent() && toks[k].gap(text) != " " {
			return mention{}, false
		}
	case "and":
		if !between {
			return mention{}, false
		}
	default:
		return mention{}, false
	}
	j := k + 1
	hi, ok := figureAt(text, toks, j, j, blocked)
	if !ok && j+1 < len(toks) && toks[j].kind == tSym && !toks[j].nl {
		hi, ok = figureAt(text, toks, j+1, j, blocked) // "$3 billion to $5 billion": the sign again
	}
	if !ok || hi.first != j {
		return mention{}, false
	}
	if hi.hedge != "" && hi.hedge != Exact {
		return mention{}, false
	}
	loVal := lo.a.val
	if lo.a.scale == 0 && hi.a.scale > 0 && loVal*hi.a.scale <= hi.a.val && lo.unit != "%" {
		lo.a.val *= hi.a.scale
		lo.a.prec *= hi.a.scale
		loVal = lo.a.val
	}
	if lo.unit == "" {
		lo.unit = hi.unit
	}
	if hi.unit == "" {
		hi.unit = lo.unit
	}
	if lo.unit != hi.unit || !(loVal < hi.a.val) {
		return mention{}, false
	}
	first := lo.first
	if changeBefore(toks, first-boolInt(from)) && !between {
		// Two claims: where it was and where it went.
		if from {
			lo.first--
		}
		return mention{start: lo.first, end: hi.end, parts: []part{lo, hi}}, true
	}
	if between || from {
		first--
	}
	lov, hiv := loVal, hi.a.val
	r := part{first: first, end: hi.end, a: lo.a, unit: lo.unit, hedge: Range, min: &lov, max: &hiv}
	r.a.prec = math.Min(lo.a.prec, hi.a.prec)
	if lo.unit == "fraction" {
		r.unit = "fraction"
	}
	return mention{start: first, end: hi.end, parts: []part{r}}, true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ratioAfter reads "one in five", "1 out of 3" and "2000 over 3" as
// fractions. "Over" needs the second figure to end the clause, so that
// "$2000 over 3 years" stays two figures.
func ratioAfter(text string, toks []token, p part, blocked []bool) (mention, bool) {
	k := p.end
	if k+1 >= len(toks) || blocked[k] || p.unit != "" || p.hedge != "" || p.a.fraction || p.a.val != math.Trunc(p.a.val) {
		return mention{}, false
	}
	var j int
	word := toks[k].low
	switch {
	case word == "in" || word == "over":
		j = k + 1
	case word == "out" && toks[k+1].isWord("of"):
		j = k + 2
	default:
		return mention{}, false
	}
	d, ok := amountAt(text, toks, j, blocked)
	if !ok || d.val == 0 || d.val != math.Trunc(d.val) || d.fraction {
		return mention{}, false
	}
	if d.end < len(toks) && toks[d.end].in(cTimeUnit) {
		return mention{}, false
	}
	switch word {
	case "in", "out":
		if p.a.val > d.val || p.a.val < 1 {
			return mention{}, false
		}
	case "over":
		if d.end < len(toks) && (toks[d.end].kind == tWord || toks[d.end].kind == tNum) && !toks[d.end].nl {
			return mention{}, false
		}
	}
	p.a.val = p.a.val / d.val
	p.a.prec = 0.01
	p.end = d.end
	if p.a.val <= 1 {
		p.unit = "fraction"
	}
	hedgeAfter(text, toks, &p, blocked)
	return mention{start: p.first, end: p.end, parts: []part{p}}, true
}

// timeUnits follow a figure that counts time ("in 3 years").
var timeUnits = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true, "hour": true, "hours": true, "minutes": true, "minute": true, "seconds": true, "decades": true, "games": true, "matches": true}

// percentOfAt reads the inverted forms "percent of 10" and "per cent of
// twenty-two".
func percentOfAt(text string, toks []token, i int, blocked []bool) (mention, bool) {
	n := 0
	switch {
	case (toks[i].isWord("percent") || toks[i].isWord("percents")) && matchAt(text, toks, i+1, []string{"of"}):
		n = 2
	case matchAt(text, toks, i, []string{"per", "cent", "of"}):
		n = 3
	default:
		return mention{}, false
	}
	if i > 0 && (toks[i-1].kind == tNum || toks[i-1].cardinalAbove0() || toks[i-1].isWord("a") || toks[i-1].isWord("the")) {
		return mention{}, false
	}
	a, ok := amountAt(text, toks, i+n, blocked)
	if !ok {
		return mention{}, false
	}
	p := part{first: i, end: a.end, a: a, unit: "%"}
	return mention{start: i, end: a.end, parts: []part{p}}, true
}

// isCardinal reports whether w is a written-out number below one hundred.
func isCardinal(w string) bool {
	_, ok := cardinalWords[w]
	return ok
}

// mergeBounds joins a lower and an upper bound written side by side ("more
// than 20 but fewer than 30", "at most 100 and at least 20") into a range.
func mergeBounds(text string, qs []Quantity) []Quantity {
	n := 0 // qs[:n] is done; it is rewritten in place
	for i := 0; i < len(qs); i++ {
		if i+1 < len(qs) && qs[i].Hedge != qs[i+1].Hedge && (qs[i].Hedge == AtLeast || qs[i].Hedge == AtMost) {
			if r, ok := boundPair(text, qs[i], qs[i+1]); ok {
				qs[n] = r
				n++
				i++
				continue
			}
		}
		if n != i {
			qs[n] = qs[i]
		}
		n++
	}
	return qs[:n]
}

// boundPair merges two adjacent bounds when only a conjunction separates
// them and they enclose a non-empty interval.
func boundPair(text string, a, b Quantity) (Quantity, bool) {
	switch strings.TrimSpace(text[a.End:b.Start]) {
	case "and", "but", ",", ", and", ", but", "and also":
	default:
		return Quantity{}, false
	}
	lo, hi := a, b
	if a.Hedge == AtMost && b.Hedge == AtLeast {
		lo, hi = b, a
	} else if a.Hedge != AtLeast || b.Hedge != AtMost {
		return Quantity{}, false
	}
	if lo.Unit != hi.Unit || !(lo.Number < hi.Number) {
		return Quantity{}, false
	}
	minV, maxV := lo.Number, hi.Number
	return Quantity{Text: text[a.Start:b.End], Start: a.Start, End: b.End, Number: minV, Min: &minV, Max: &maxV,
		Unit: lo.Unit, Hedge: Range, Precision: math.Min(lo.Precision, hi.Precision)}, true
}

// hedgesByLastWord indexes hedgesBefore by their last word, longest first,
// so that each figure checks only the phrases that can end before it.
var hedgesByLastWord = func() map[string][]phrase {
	m := map[string][]phrase{}
	for _, p := range hedgesBefore {
		w := p.words[len(p.words)-1]
		m[w] = append(m[w], p)
	}
	return m
}()

// hedgesAfterByFirstWord indexes hedgesAfter by their first word, longest
// first, so that each figure checks only the phrases that can follow it.
var hedgesAfterByFirstWord = func() map[string][]phrase {
	m := map[string][]phrase{}
	for _, p := range hedgesAfter {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	return m
}()

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
