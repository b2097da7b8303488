package recognize

import (
	"math"
	"strings"
	"sync"
	"time"
)

// Hedge values: how the writer qualified a figure.
const (
	// Exact is a figure stated plainly ("40 million").
	Exact = "exact"
	// Approx is a figure qualified by about, some, roughly, around,
	// approximately, an estimated, or "or so".
	Approx = "approx"
	// AtLeast is a lower bound: more than, over, at least, exceeding,
	// upwards of, "-plus", "40,000+", "or more".
	AtLeast = "atleast"
	// AtMost is an upper bound: fewer than, under, less than, at most, up
	// to, nearly, almost, as many as, "or less".
	AtMost = "atmost"
	// Range is an interval: "between 20 and 35", "20-35", "from 20 to 35",
	// and vague amounts ("dozens of").
	Range = "range"
)

// Quantity is one number mention.
//
// Min and Max are the interval the writer's words allow; nil means
// unbounded on that side:
//   - Exact: Number ± Precision/2, so "40 million" is [39.5M, 40.5M] and
//     "30" does not overlap "34".
//   - Approx: Number ± max(Precision, 10% of |Number|).
//   - AtLeast: Min = Number, Max = nil.
//   - AtMost: Max = Number, Min = nil.
//   - Range: Min and Max are the two ends and Number is the lower end.
//   - Vague ("dozens of", "thousands of", "several million"): Hedge is
//     Range and Min/Max span what the word allows: dozens [24, 99], scores
//     [40, 199], hundreds [200, 999], thousands [2000, 999999], tens of
//     thousands [20000, 99999], hundreds of thousands [200000, 999999],
//     millions [2e6, 999999999]; "several"/"a few" N are [2N, 10N-1].
type Quantity struct {
	// Text is the mention as written, including its hedge words ("more
	// than 1.3 million").
	Text string
	// Start and End are byte offsets into the input; text[Start:End] == Text.
	Start, End int
	// Number is the stated figure: the lower end for ranges, 0.5 for
	// "half the population".
	Number float64
	// Min and Max bound the figure; nil is unbounded on that side.
	Min, Max *float64
	// Unit is "" for plain counts, "%" for percentages, "pp" for
	// percentage points, an ISO 4217 code for money ("USD", "EUR", "GBP",
	// "IRR") and "fraction" for fractions of a whole.
	Unit string
	// Hedge is one of Exact, Approx, AtLeast, AtMost or Range.
	Hedge string
	// Precision is the place value of the last written digit: "40
	// million" 1e6, "1.3 million" 1e5, "40,125,000" 1, "30" 1. Fractions
	// of a whole are read to 0.01.
	Precision float64
	// Vague marks amounts that are never compared as exact figures.
	Vague bool
}

// Quantities returns the number mentions in text, in order of Start and
// non-overlapping.
//
// Not returned: years and day numbers that belong to dates ("in 2017",
// "December 31, 2017", "April 21", "the 21st"), ordinals ("first"), times
// ("10:30"), phone numbers, numbers inside identifiers and URLs
// ("COVID-19", "G7", "4G", "A380", "F-16"), the pronoun "one" ("one of the
// most popular", "the one"), and page clutter: in a text of several lines,
// a line that holds only a number (a "0" under "Newsfeed") is not a claim.
func Quantities(text string) []Quantity { return quantitiesOf(text, tokenize(text)) }

// Mentions returns the quantities and the dates of text, as Quantities and
// Dates do, cutting the text into tokens once for both.
func Mentions(text string, published time.Time) ([]Quantity, []Date) {
	p := tokenBufs.Get().(*[]token)
	toks := tokenizeInto((*p)[:0], text)
	qs, ds := quantitiesOf(text, toks), datesOf(text, toks, published)
	clear(toks) // drop the strings they hold
	*p = toks[:0]
	tokenBufs.Put(p)
	return qs, ds
}

// tokenBufs hold the tokens of a text while Mentions reads them: neither
// quantities nor dates keep a token, and a sentence's tokens, allocated
// afresh, were a tenth of the bytes the extract stage allocated.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

func quantitiesOf(text string, toks []token) []Quantity {
	blocked := ownedByDates(text, toks)
	multiline := hasLineBreak(text)
	var out []Quantity
	floor := 0 // first token a new mention may claim
	for i := 0; i < len(toks); {
		if blocked[i] {
			i++
			continue
		}
		if !mayStartMention(&toks[i]) {
			i++
			continue
		}
		m, ok := mentionAt(text, toks, i, floor, blocked)
		if !ok {
			i++
			continue
		}
		if !(multiline && aloneOnLine(toks, m.start, m.end)) {
			out = m.appendQuantities(out, text, toks)
		}
		i = m.end
		floor = m.end
	}
	return mergeBounds(text, out)
}

// hasLineBreak reports whether text holds a line break: \n, \v, \f,
// U+2028, U+2029 or U+0085. Each is searched for on its own, which is
// faster than strings.ContainsAny with runes beyond ASCII.
func hasLineBreak(text string) bool {
	return strings.IndexByte(text, '\n') >= 0 || strings.IndexByte(text, '\v') >= 0 || strings.IndexByte(text, '\f') >= 0 ||
		strings.Contains(text, "\u2028") || strings.Contains(text, "\u2029") || strings.Contains(text, "\u0085")
}

// aloneOnLine reports whether the tokens [first, end) fill their line.
func aloneOnLine(toks []token, first, end int) bool {
	before := first == 0 || toks[first].nl
	after := end >= len(toks) || toks[end].nl
	return before && after
}

// mention is a parsed quantity, or two when a change ("rose from 20 to 35")
// or a pair of bounds is read.
type mention struct {
	start, end int // token range
	parts      []part
}

// part is one figure within a mention.
type part struct {
	first, end int // token range of the text it covers
	a          amount
	unit       string
	hedge      string
	min, max   *float64
	vague      bool
}

// appendQuantities converts a mention into Quantity values appended to out.
func (m mention) appendQuantities(out []Quantity, text string, toks []token) []Quantity {
	for _, p := range m.parts {
		s, e := toks[p.first].start, toks[p.end-1].end
		q := Quantity{Text: text[s:e], Start: s, End: e, Number: p.a.val, Unit: p.unit, Hedge: p.hedge, Precision: p.a.prec, Vague: p.vague, Min: p.min, Max: p.max}
		if q.Hedge == "" {
			q.Hedge = Exact
		}
		if q.Min == nil && q.Max == nil {
			q.Min, q.Max = bounds(q.Hedge, q.Number, q.Precision)
		}
		if !finite(q.Number) || q.Min != nil && !finite(*q.Min) || q.Max != nil && !finite(*q.Max) {
			continue // beyond float64: not a figure anyone states
		}
		out = append(out, q)
	}
	return out
}

// bounds computes the interval for a hedge as documented on Quantity.
func bounds(hedge string, n, prec float64) (lo, hi *float64) {
	b := new([2]float64) // one allocation for both ends
	switch hedge {
	case Approx:
		d := math.Max(prec, math.Abs(n)*0.1)
		b[0], b[1] = n-d, n+d
	case AtLeast:
		b[0] = n
		return &b[0], nil
	case AtMost:
		b[1] = n
		return nil, &b[1]
	case Range:
		b[0], b[1] = n, n
	default:
		b[0], b[1] = n-prec/2, n+prec/2
	}
	return &b[0], &b[1]
}

// mentionAt tries to read a quantity whose figure starts at token i. Words
// before i down to token floor may join it as hedge, currency or sign.
func mentionAt(text string, toks []token, i, floor int, blocked []bool) (mention, bool) {
	if m, ok := vagueAt(text, toks, i, floor, blocked); ok {
		return m, true
	}
	if m, ok := percentOfAt(text, toks, i, blocked); ok {
		return m, true
	}
	p, ok := figureAt(text, toks, i, floor, blocked)
	if !ok {
		return mention{}, false
	}
	if m, ok := ratioAfter(text, toks, p, blocked); ok {
		return m, true
	}
	if m, ok := rangeAfter(text, toks, p, floor, blocked); ok {
		return m, true
	}
	return mention{start: p.first, end: p.end, parts: []part{p}}, true
}

// figureAt reads one figure at token i with its unit and hedge words on
// both sides.
func figureAt(text string, toks []token, i, floor int, blocked []bool) (part, bool) {
	a, ok := amountAt(text, toks, i, blocked)
	if !ok || !plausible(text, toks, a) {
		return part{}, false
	}
	p := part{first: a.first, end: a.end, a: a}
	if a.fraction {
		p.unit = "fraction"
	}
	unitAfter(text, toks, &p, blocked)
	prefixBefore(text, toks, &p, floor)
	hedgeAfter(text, toks, &p, blocked)
	return p, true
}

// amountAt parses the longest valid number starting at token i.
func amountAt(text string, toks []token, i int, blocked []bool) (amount, bool) {
	var buf [8]item
	items := collectItems(text, toks, i, blocked, buf[:0])
	for n := len(items); n > 0; n-- {
		if n >= 2 && n < len(items) && items[n-2].kind == iAnd && items[n].kind == iScale {
			continue // "3 billion and 5 billion": two figures, not 3,000,000,005
		}
		a, ok := evaluate(items[:n])
		if !ok {
			continue
		}
		a.first, a.end = i, items[n-1].last+1
		if n == 1 && (items[0].kind == iCard || items[0].kind == iOrd) {
			a.single = items[0].word
		}
		if items[0].kind == iDigits {
			a.words = false
		}
		a = mixedDigitFraction(text, toks, a, blocked)
		return a, true
	}
	return amount{}, false
}

// mixedDigitFraction extends a figure with a digit fraction: "3/4",
// "2 1/4", "- 1 4/5". Only common denominators are read, so that dates and
// scores ("9/11", "24/7") are left alone.
func mixedDigitFraction(text string, toks []token, a amount, blocked []bool) amount {
	k := a.end
	if a.words || a.scale > 0 {
		return a
	}
	whole := 0.0
	numTok := a.end - 1
	if k+1 < len(toks) && toks[k].kind == tNum && !toks[k].nl && spaceRun(toks[k].gap(text)) && toks[k+1].isSym("/") {
		whole = a.val
		numTok = k
		k++
	}
	if k+1 >= len(toks) || !toks[k].isSym("/") || blocked[k] || blocked[k+1] {
		return a
	}
	num, den := &toks[numTok], &toks[k+1]
	if !num.plain || !den.plain || den.kind != tNum || den.suffix() != "" || den.ident || num.val >= den.val || !commonDenominators[den.val] {
		return a
	}
	if !toks[k].adjacent() && toks[k].gap(text) != " " || !den.adjacent() && den.gap(text) != " " {
		return a
	}
	if k+2 < len(toks) && (toks[k+2].isSym("/") || toks[k+2].kind == tNum && toks[k+2].adjacent()) {
		return a
	}
	a.val = whole + num.val/den.val
	a.prec = 0.01
	a.fraction = whole == 0
	a.end = k + 2
	return a
}

// commonDenominators are the denominators read as fractions in digits.
var commonDenominators = map[float64]bool{2: true, 3: true, 4: true, 5: true, 6: true, 8: true, 10: true, 16: true, 32: true, 64: true, 100: true}

// spaceRun reports whether a gap is one or more spaces with no line break.
func spaceRun(g string) bool {
	if g == "" {
		return false
	}
	for _, r := range g {
		if r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\t' {
			return false
		}
	}
	return true
}

// plausible rejects figures that are words used otherwise: the pronoun
// "one", "half" in "first half", ordinals.
func plausible(text string, toks []token, a amount) bool {
	prev := func(k int) string {
		if a.first-k < 0 {
			return ""
		}
		return toks[a.first-k].low
	}
	next := ""
	if a.end < len(toks) {
		next = toks[a.end].low
	}
	switch a.single {
	case "one":
		if pronounBefore[prev(1)] || next == "of" || next == "another" || next == "'s" || modalAfter[next] || next == "-" {
			return false
		}
	case "half", "quarter":
		if halfBefore[prev(1)] || next == "-" || next == "time" || next == "way" || next == "century" || a.single == "quarter" && next != "of" {
			return false
		}
	}
	return true
}

// pronounBefore are words that make a following "one" a pronoun.
var pronounBefore = map[string]bool{"the": true, "this": true, "that": true, "which": true, "each": true, "every": true, "any": true, "no": true, "another": true, "little": true, "only": true, "new": true, "last": true, "right": true, "big": true, "other": true}

// modalAfter are verbs that make a preceding "one" a pronoun ("one may
// ask").
var modalAfter = map[string]bool{"may": true, "might": true, "must": true, "can": true, "could": true, "should": true, "would": true, "will": true, "needs": true, "has": true, "is": true, "does": true}

// halfBefore are words before "half" that make it a part, not a figure
// ("the first half of 2018").
var halfBefore = map[string]bool{"first": true, "second": true, "last": true, "latter": true, "other": true, "the": true, "back": true, "top": true, "bottom": true, "better": true, "third": true, "fourth": true, "final": true}

// mayStartMention is a cheap filter: only figures, vague amount words and
// the inverted "percent of" can start a mention.
func mayStartMention(t *token) bool {
	switch t.kind {
	case tNum:
		return true
	case tSym:
		_, ok := vulgarFractions[t.low]
		return ok
	}
	return t.in(cMentionStart)
}

// mentionStarters are the words a quantity mention can start with.
var mentionStarters = func() map[string]bool {
	m := map[string]bool{}
	for w := range cardinalWords {
		m[w] = true
	}
	for w := range vagueScales {
		m[w] = true
	}
	for _, w := range []string{"a", "an", "half", "quarter", "tens", "several", "few", "many", "percent", "percents", "per"} {
		m[w] = true
	}
	return m
}()
