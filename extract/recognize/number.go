package recognize

import (
	"math"
	"strconv"
	"strings"
)

// itemKind classifies the pieces a number is written with.
type itemKind uint8

const (
	iNone    itemKind = iota
	iCard             // a cardinal word below one hundred ("forty")
	iDigits           // a numeric literal ("1.3", "40,000", "10k")
	iHundred          // "hundred"
	iScale            // "thousand", "million", "bn", "lakh"
	iDozen            // "dozen", "dozens"
	iAnd              // "and" inside a number
	iA                // "a"/"an" standing for one ("a dozen", "a third")
	iPoint            // "point" ("two point five")
	iOrd              // an ordinal or half/quarter naming a denominator
	iVulgar           // a vulgar fraction character ("½")
)

// item is one piece of a written number.
type item struct {
	first, last int // token indices covered
	kind        itemKind
	val, prec   float64
	tens        bool // a tens word: "twenty" … "ninety"
	plural      bool // an ordinal in the plural ("fifths")
	joined      bool // hyphenated to the previous item ("twenty-one")
	scaled      bool // a literal with a glued scale ("10k")
	word        string
}

// vulgarFractions are the Unicode fraction characters.
var vulgarFractions = map[string]float64{
	"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
	"⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅐": 1.0 / 7, "⅑": 1.0 / 9, "⅒": 0.1,
}

// amount is a parsed number before hedges and units are applied.
type amount struct {
	first, end int // token range [first, end)
	val, prec  float64
	scale      float64 // the largest scale word applied (0 if none)
	fraction   bool    // a fraction of a whole ("two thirds", "half")
	words      bool    // written out in words
	single     string  // the lone word when the number is one word ("one")
}

// spaceLike reports whether a gap is a single space, no-break space or
// narrow no-break space, as used between digit groups ("40 000").
func spaceLike(g string) bool {
	return g == " " || g == "\u00a0" || g == "\u202f" || g == "\u2009"
}

// softGap reports whether a gap may separate the words of one number:
// spaces and tabs, but no line break.
func softGap(t *token, text string) bool {
	if t.nl {
		return false
	}
	return len(t.gap(text)) <= 8
}

// collectItems gathers the pieces of a possible number starting at token i
// into items, which it returns. It stops at the first token that cannot
// belong to a number; grammar is checked later by evaluate.
func collectItems(text string, toks []token, i int, blocked []bool, items []item) []item {
	joined := false
	for k := i; k < len(toks) && len(items) < 40; k++ {
		if blocked[k] {
			break
		}
		t := &toks[k]
		if k > i && !softGap(t, text) {
			break
		}
		if len(items) > 0 && (t.isSym("-") || t.isSym("‐")) && k+1 < len(toks) && !blocked[k+1] {
			nt := &toks[k+1]
			if nt.kind == tWord && (t.adjacent() && nt.adjacent() || !t.adjacent() && !nt.adjacent() && items[len(items)-1].kind == iCard) {
				joined = true
				continue
			}
			break
		}
		it, ok := classify(text, toks, k, items)
		if !ok {
			break
		}
		if it.kind == iDigits {
			it.last = mergeDigitGroups(text, toks, k, blocked, &it)
		}
		it.joined = joined
		joined = false
		items = append(items, it)
		k = it.last
		if it.kind == iVulgar {
			break
		}
	}
	return items
}

// classify turns token k into a number piece, given the pieces before it.
func classify(text string, toks []token, k int, prev []item) (item, bool) {
	t := &toks[k]
	it := item{first: k, last: k, prec: 1, word: t.low}
	switch t.kind {
	case tNum:
		if t.ident || len(prev) > 0 && prev[len(prev)-1].kind == iDigits && prev[len(prev)-1].val == math.Trunc(prev[len(prev)-1].val) && t.adjacent() {
			return it, false
		}
		it.kind, it.val, it.prec = iDigits, t.val, t.prec
		if t.suffix() != "" {
			s, ok := shortScales[t.suffix()]
			if !ok || !glueScaleOK(t) {
				return it, false
			}
			it.val, it.prec, it.scaled = t.val*s, t.prec*s, true
		}
		return it, true
	case tSym:
		if v, ok := vulgarFractions[t.low]; ok {
			it.kind, it.val = iVulgar, v
			return it, true
		}
		return it, false
	}
	w := t.low
	raw := text[t.start:t.end]
	if v, ok := t.cardinal(); ok && w != "nil" {
		it.kind, it.val = iCard, v
		it.tens = v >= 20 && math.Mod(v, 10) == 0
		return it, true
	}
	if len(prev) == 0 {
		if w == "a" || w == "an" {
			it.kind = iA
			return it, true
		}
		if w == "half" || w == "quarter" {
			it.kind, it.val = iOrd, 2
			if w == "quarter" {
				it.val = 4
			}
			return it, true
		}
		return it, false
	}
	last := prev[len(prev)-1]
	switch {
	case w == "hundred" || w == "hundreds" && last.kind != iA:
		it.kind, it.val = iHundred, 100
	case t.in(cScale):
		it.kind, it.val = iScale, scaleWords[w]
	case w == "dozen" || w == "dozens" || w == "dz" || w == "dzs" || w == "doz" || w == "dozs":
		it.kind, it.val = iDozen, 12
	case w == "and" && last.kind != iAnd && last.kind != iOrd:
		it.kind = iAnd
	case (w == "a" || w == "an") && (last.kind == iAnd || last.kind == iOrd && last.val <= 4):
		it.kind = iA
	case w == "point" && (last.kind == iCard || last.kind == iHundred || last.kind == iScale):
		it.kind = iPoint
	case last.kind == iDigits && !last.scaled && shortScales[raw] > 0 && raw != "m" && raw != "b" && raw != "g" && raw != "T":
		it.kind, it.val = iScale, shortScales[raw]
	case t.in(cOrdinalForm):
		v, plural, _ := ordinalOf(w)
		it.kind, it.val, it.plural = iOrd, v, plural
	default:
		return it, false
	}
	return it, true
}

// glueScaleOK decides whether letters glued to a figure are a scale. A
// lone digit before "G" is a network generation ("4G"), and "1m" alone is
// more often a metre than a million.
func glueScaleOK(t *token) bool {
	switch t.suffix() {
	case "G", "g":
		return !t.plain || t.digits > 1
	case "m":
		return !t.plain || t.val > 1
	}
	return true
}

// mergeDigitGroups joins space-separated thousands ("40 000",
// "1 414 021 100") and newswire-tokenised decimals ("46 . 8") into the
// literal at token k, updating it and returning the last token index used.
func mergeDigitGroups(text string, toks []token, k int, blocked []bool, it *item) int {
	t := &toks[k]
	if !t.plain || t.suffix() != "" {
		return k
	}
	last := k
	if t.digits <= 3 {
		for j := k + 1; j < len(toks) && !blocked[j]; j++ {
			n := &toks[j]
			if n.kind != tNum || n.ident || n.suffix() != "" || n.digits != 3 || !spaceLike(n.gap(text)) || strings.IndexByte(n.low, ',') >= 0 {
				break
			}
			if j+1 < len(toks) && toks[j+1].kind == tNum && toks[j+1].adjacent() {
				break
			}
			it.val = it.val*1000 + n.val
			it.prec = n.prec
			last = j
			if !n.plain {
				break
			}
		}
	}
	if last == k && k+2 < len(toks) && toks[k+1].isSym(".") && toks[k+1].gap(text) == " " && toks[k+2].kind == tNum && toks[k+2].plain && toks[k+2].gap(text) == " " && !blocked[k+2] {
		if newswireDecimal(toks, k) {
			f := toks[k+2]
			d := len(f.low)
			it.val = roundTo(it.val+f.val/math.Pow(10, float64(d)), d)
			it.prec = math.Pow(10, -float64(d))
			last = k + 2
		}
	}
	return last
}

// newswireDecimal reports whether "46 . 8" at k is one tokenised decimal:
// money before it or a scale or percent after it.
func newswireDecimal(toks []token, k int) bool {
	if k > 0 && (toks[k-1].isSym("$") || toks[k-1].isSym("€") || toks[k-1].isSym("£")) {
		return true
	}
	if k+3 < len(toks) {
		n := &toks[k+3]
		return n.isSym("%") || n.in(cScale) || n.isWord("percent") || n.isWord("cents")
	}
	return false
}

// cardinalResult is a whole number written in pieces.
type cardinalResult struct {
	val, prec float64
	minScale  float64 // the smallest scale word used (0 if none)
	maxScale  float64
	words     bool
}

// cardinal values a sequence of pieces as a whole number ("one hundred and
// twenty-three thousand", "4 thousand 3 hundred and 21") and rejects
// sequences that are not one number ("five three", "one hundred and").
func cardinal(items []item) (cardinalResult, bool) {
	var r cardinalResult
	if len(items) == 0 {
		return r, false
	}
	total, cur, small := 0.0, 0.0, 0.0
	lastScale := math.Inf(1)
	last := iNone
	lastTens := false
	prec := 1.0
	for idx, it := range items {
		next := iNone
		if idx+1 < len(items) {
			next = items[idx+1].kind
		}
		switch it.kind {
		case iA:
			if idx != 0 || next != iHundred && next != iScale && next != iDozen {
				return r, false
			}
			cur, small, prec = 1, 1, 1
			r.words = true
		case iCard:
			switch last {
			case iNone, iAnd, iHundred, iScale:
				if last == iAnd && idx >= 2 && items[idx-2].kind == iCard && !items[idx-2].tens {
					return r, false // "one and two"
				}
			case iCard:
				if !lastTens || it.val < 1 || it.val > 9 {
					return r, false
				}
			default:
				return r, false
			}
			if last != iCard {
				small = 0
			}
			cur += it.val
			small += it.val
			prec = 1
			lastTens = it.tens
			r.words = true
		case iDigits:
			if last != iNone && last != iAnd && !((last == iHundred || last == iScale) && (next == iHundred || next == iScale)) {
				return r, false
			}
			if it.scaled {
				if last != iNone || next != iNone {
					return r, false
				}
				return cardinalResult{val: it.val, prec: it.prec, minScale: it.val / math.Max(it.val, 1), maxScale: 1}, true
			}
			cur += it.val
			small = it.val
			prec = it.prec
		case iHundred:
			if cur <= 0 || cur >= 1000 && last != iDigits || last != iCard && last != iDigits && last != iA {
				return r, false
			}
			if last == iCard && cur != small && cur < 100 {
				return r, false
			}
			cur *= 100
			prec *= 100
			small = 0
			if r.minScale == 0 || r.minScale > 100 {
				r.minScale = 100
			}
		case iScale:
			if cur <= 0 {
				if last == iScale && it.val > lastScale {
					total *= it.val // "three lakh crore"
					prec *= it.val
					lastScale = it.val
					r.maxScale = total
					continue
				}
				return r, false
			}
			if it.val >= lastScale || last == iAnd {
				return r, false
			}
			total += cur * it.val
			prec *= it.val
			cur, small = 0, 0
			lastScale = it.val
			r.minScale = it.val
			if it.val > r.maxScale {
				r.maxScale = it.val
			}
		case iDozen:
			if small <= 0 || last == iAnd {
				return r, false
			}
			cur = cur - small + small*12
			small = 0
			prec = 1
		case iAnd:
			if last != iHundred && last != iScale && !(last == iCard && lastTens) && last != iDozen || next == iNone {
				return r, false
			}
		default:
			return r, false
		}
		last = it.kind
	}
	if last == iAnd || last == iA {
		return r, false
	}
	r.val, r.prec = total+cur, prec
	return r, true
}

// evaluate values pieces as one number: a cardinal, a decimal with
// "point", a fraction ("two thirds", "one hundred thirty-fifths") or a
// mixed number ("five and a half million").
func evaluate(items []item) (amount, bool) {
	var a amount
	for p, it := range items {
		if it.kind == iPoint {
			return evalPoint(items, p)
		}
	}
	for k, it := range items {
		switch it.kind {
		case iVulgar:
			return evalVulgar(items, k)
		case iOrd:
			return evalFraction(items, k)
		}
	}
	c, ok := cardinal(items)
	if !ok {
		return a, false
	}
	a.val, a.prec, a.scale, a.words = c.val, c.prec, c.maxScale, c.words
	return a, true
}

// evalPoint values "two hundred point zero three" and "nine point nought
// four": digits after "point" are read one by one, or as one number below a
// hundred ("point seventy-one").
func evalPoint(items []item, p int) (amount, bool) {
	var a amount
	left, ok := cardinal(items[:p])
	if !ok || !left.words {
		return a, false
	}
	right := items[p+1:]
	scale := 1.0
	if n := len(right); n > 0 && right[n-1].kind == iScale {
		scale = right[n-1].val
		right = right[:n-1]
	}
	if len(right) == 0 {
		return a, false
	}
	var sb strings.Builder
	allUnits := true
	for _, it := range right {
		if it.kind != iCard || it.val > 9 {
			allUnits = false
		}
	}
	if allUnits {
		for _, it := range right {
			sb.WriteString(strconv.Itoa(int(it.val)))
		}
	} else {
		c, ok := cardinal(right)
		if !ok || c.val >= 100 || c.minScale != 0 {
			return a, false
		}
		sb.WriteString(strconv.Itoa(int(c.val)))
	}
	frac, err := strconv.ParseFloat("0."+sb.String(), 64)
	if err != nil {
		return a, false
	}
	d := sb.Len()
	a.val = roundTo(left.val+frac, d) * scale
	a.prec = math.Pow(10, -float64(d)) * scale
	a.words = true
	if scale > 1 {
		a.scale = scale
	}
	return a, true
}

// evalVulgar values "½" and "2½".
func evalVulgar(items []item, k int) (amount, bool) {
	var a amount
	if k != len(items)-1 {
		return a, false
	}
	a.val, a.prec, a.fraction = items[k].val, 0.01, true
	if k > 0 {
		c, ok := cardinal(items[:k])
		if !ok {
			return a, false
		}
		a.val += c.val
		a.fraction = false
	}
	return a, true
}

// evalFraction values pieces whose k-th item is an ordinal denominator.
func evalFraction(items []item, k int) (amount, bool) {
	var a amount
	den := items[k]
	head := items[:k]
	tail := items[k+1:]
	tailScale := 1.0
	switch {
	case len(tail) == 0:
	case len(tail) == 1 && tail[0].kind == iScale:
		tailScale = tail[0].val
	case len(tail) == 2 && tail[0].kind == iA && (tail[1].kind == iDozen || tail[1].kind == iScale):
		tailScale = tail[1].val // "half a dozen"
	default:
		return a, false
	}
	if len(head) == 0 {
		// Only "half" and "quarter" stand alone ("half the population",
		// "quarter million"); "third" alone is an ordinal.
		if items[k].first != items[k].last || den.val != 2 && den.val != 4 || den.plural {
			return a, false
		}
		a.val, a.prec, a.fraction, a.words = tailScale/den.val, 0.01, tailScale == 1, true
		if tailScale > 1 {
			a.prec = tailScale / den.val
			a.scale = tailScale
		}
		return a, true
	}
	if r, ok := evalMixed(head, den, tailScale); ok {
		return r, true
	}
	return evalSplitFraction(head, den, tailScale)
}

// evalMixed values a whole number and a fraction joined by "and": "one
// and a half", "one hundred and three quarters", "one million and a half",
// "five and a half million".
func evalMixed(head []item, den item, tailScale float64) (amount, bool) {
	var a amount
	n := len(head)
	if n < 3 || head[n-2].kind != iAnd {
		return a, false
	}
	numer := head[n-1]
	var num float64
	switch {
	case numer.kind == iA:
		num = 1
	case numer.kind == iCard && numer.val >= 1 && numer.val <= 9:
		num = numer.val
	default:
		return a, false
	}
	if num > 1 != den.plural || den.kind != iOrd || den.val == 1 {
		return a, false
	}
	w, ok := cardinal(head[:n-2])
	if !ok {
		return a, false
	}
	frac := num / den.val
	step := 1 / den.val
	switch {
	case tailScale > 1 && w.minScale > tailScale:
		a.val = w.val + frac*tailScale
		step *= tailScale
	case tailScale > 1:
		a.val = (w.val + frac) * tailScale
		step *= tailScale
		a.scale = tailScale
	case w.minScale >= 1e6:
		a.val = w.val + frac*w.minScale
		step *= w.minScale
	default:
		a.val = w.val + frac
	}
	if w.maxScale > a.scale {
		a.scale = w.maxScale
	}
	a.prec, a.words = step, true
	return a, true
}

// evalSplitFraction splits the words before an ordinal into numerator and
// denominator. A compound denominator ("twenty fifths" = 25ths, "one
// hundred fifth" = 105th) is preferred when the words before it still make
// a whole numerator, except across a hyphenated pair ("ninety-five").
func evalSplitFraction(head []item, den item, tailScale float64) (amount, bool) {
	var a amount
	for _, it := range head {
		if it.kind == iDigits {
			return a, false
		}
	}
	for j := 1; j <= len(head); j++ {
		nv, ok := cardinal(head[:j])
		if j == 1 && head[0].kind == iA {
			nv, ok = cardinalResult{val: 1, prec: 1, words: true}, true
		}
		if !ok {
			continue
		}
		d := den.val
		if j < len(head) {
			dv, ok := compoundDenominator(head, j, den)
			if !ok {
				continue
			}
			d = dv
		} else if den.word == "first" || den.word == "second" || den.word == "seconds" || den.word == "firsts" {
			continue // "a first", "one second": not fractions
		}
		if nv.val > 1 && !den.plural {
			continue // "two millionth" is not a fraction
		}
		if d == 0 {
			continue
		}
		a.val = nv.val / d * tailScale
		a.prec = 0.01
		a.fraction = tailScale == 1 && a.val <= 1
		a.words = true
		if tailScale > 1 {
			a.prec = tailScale / d
			a.scale = tailScale
		}
		return a, true
	}
	return a, false
}

// compoundDenominator values head[j:] followed by den as one ordinal
// ("thirty fifths", "one thousand fifths").
func compoundDenominator(head []item, j int, den item) (float64, bool) {
	part := head[j:]
	first, lastIt := part[0], part[len(part)-1]
	if first.kind != iCard && first.kind != iA {
		return 0, false
	}
	if first.joined && head[j-1].tens && first.kind == iCard && first.val < 10 {
		return 0, false // would split "ninety-five"
	}
	switch {
	case lastIt.kind == iCard && lastIt.tens && den.val >= 1 && den.val <= 9 && den.first == den.last:
	case lastIt.kind == iHundred || lastIt.kind == iScale:
	default:
		return 0, false
	}
	c, ok := cardinal(part)
	if !ok {
		return 0, false
	}
	return c.val + den.val, true
}
