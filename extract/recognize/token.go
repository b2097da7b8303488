package recognize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is made of.
type tokKind uint8

const (
	tWord tokKind = iota // a run of letters (with inner apostrophes)
	tNum                 // a numeric literal, already valued
	tSym                 // one rune of punctuation or a symbol
)

// token is one lexical unit of the input. Whitespace is not a token; the
// gap before a token is text[prevEnd:start] and is inspected when spacing
// matters ("40 000" versus "40, 000").
type token struct {
	start, end int
	// prevEnd is the end of the previous token (0 for the first).
	prevEnd int
	// Numeric literals only: the value and the place value of the last
	// written digit.
	val, prec float64
	low       string // lower-cased word, symbol text or digits as written
	// Numeric literals only: digits before the decimal point, and the
	// length of the letters glued to the digits, which end low (see
	// suffix).
	digits, sfx int32
	cls         wordClass // the word tables that hold low (words only)
	kind        tokKind
	plain       bool // digits only: no separators, decimals or exponent
	ident       bool // part of an identifier ("G7", "COVID-19", "A380")
	nl          bool // the gap before this token holds a line break
}

// suffix returns the letters glued to a numeric literal, as written ("k",
// "M", "st"), or "".
func (t *token) suffix() string { return t.low[len(t.low)-int(t.sfx):] }

// gap returns the whitespace between the previous token and t.
func (t *token) gap(text string) string { return text[t.prevEnd:t.start] }

// adjacent reports whether t follows the previous token with no space.
func (t *token) adjacent() bool { return t.prevEnd == t.start }

// isWord reports whether t is the word w (lower case).
func (t *token) isWord(w string) bool { return t.kind == tWord && t.low == w }

// isSym reports whether t is the symbol s.
func (t *token) isSym(s string) bool { return t.kind == tSym && t.low == s }

// tokenize splits text into tokens. It never fails: every byte is either
// whitespace or part of exactly one token, so offsets stay exact even on
// invalid UTF-8.
func tokenize(text string) []token { return tokenizeInto(make([]token, 0, len(text)/4+8), text) }

// tokenizeInto is tokenize appending to toks.
func tokenizeInto(toks []token, text string) []token {
	// lowered holds the lower-case copies of words written with capitals;
	// words in lower case already are their own substrings.
	var lowered strings.Builder
	prevEnd := 0
	nl := false
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\n' || c == '\v' || c == '\f':
			nl = true
			i++
			continue
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(text) && isDigit(text[i+1]) && (i == 0 || !isDigit(text[i-1]) && !isASCIILetter(text[i-1])):
			n := len(toks)
			i = lexNumber(text, i, &toks)
			for k := n; k < len(toks); k++ {
				toks[k].prevEnd, toks[k].nl = prevEnd, nl
				prevEnd, nl = toks[k].end, false
			}
			continue
		}
		if isASCIILetter(c) {
			j, caps := i, byte(0)
			for j < len(text) && asciiLetters[text[j]] != 0 {
				caps |= asciiLetters[text[j]]
				j++
			}
			upper := caps&capital != 0
			low := text[i:j]
			if j < len(text) && (text[j] == '\'' || text[j] >= utf8.RuneSelf) {
				// An apostrophe or a letter beyond ASCII may continue the word.
				var ascii bool
				j, ascii = scanWord(text, i)
				low = text[i:j]
				if !ascii {
					low = lowerWord(low)
				} else if upper = hasUpper(low); upper {
					low = lowerInto(&lowered, low)
				}
			} else if upper {
				low = lowerInto(&lowered, low)
			}
			addToken(&toks, tWord, i, j, prevEnd, low, wordClasses.get(low), nl)
			prevEnd, nl = j, false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			// ASCII punctuation: spaces, letters and digits are read above.
			addToken(&toks, tSym, i, i+1, prevEnd, text[i:i+1], 0, nl)
			prevEnd, nl = i+1, false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			addToken(&toks, tSym, i, i+1, prevEnd, text[i:i+1], 0, nl)
			prevEnd, nl = i+1, false
			i++
			continue
		}
		if unicode.IsSpace(r) {
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				nl = true
			}
			i += size
			continue
		}
		if unicode.IsLetter(r) {
			j, _ := scanWord(text, i)
			low := lowerWord(text[i:j])
			addToken(&toks, tWord, i, j, prevEnd, low, wordClasses.get(low), nl)
			prevEnd, nl = j, false
			i = j
			continue
		}
		addToken(&toks, tSym, i, i+size, prevEnd, text[i:i+size], 0, nl)
		prevEnd, nl = i+size, false
		i += size
	}
	markIdentifiers(text, toks)
	return toks
}

// lowerInto appends the lower-case form of the ASCII word w to b and
// returns it. Earlier results stay valid: a Builder never rewrites what it
// has handed out.
func lowerInto(b *strings.Builder, w string) string {
	if b.Cap()-b.Len() < len(w) {
		b.Grow(max(len(w), 256))
	}
	start := b.Len()
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()[start:]
}

// hasUpper reports whether s holds an ASCII capital.
func hasUpper(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= 'A' && s[k] <= 'Z' {
			return true
		}
	}
	return false
}

// scanWord returns the end of the word starting at i: letters, and
// apostrophes between letters ("don't", "Iran’s"); and whether the word is
// all ASCII.
func scanWord(text string, i int) (int, bool) {
	ascii := true
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if isASCIILetter(c) {
				i++
				continue
			}
			if c != '\'' {
				break
			}
		} else {
			ascii = false
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if r == '\'' || r == '’' {
			r2, _ := utf8.DecodeRuneInString(text[i+size:])
			if i+size < len(text) && unicode.IsLetter(r2) {
				i += size
				continue
			}
		}
		break
	}
	return i, ascii
}

// lowerWord lower-cases a word and folds the typographic apostrophe so that
// table look-ups see one spelling.
func lowerWord(w string) string {
	ascii := true
	upper := false
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
		if w[i] >= 'A' && w[i] <= 'Z' {
			upper = true
		}
	}
	if ascii && !upper {
		return w
	}
	if ascii {
		return strings.ToLower(w)
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// asciiLetters marks the ASCII letters, capitals with capital|1.
var asciiLetters = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = capital | 1
	}
	return t
}()

const capital = 2

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lexNumber reads the numeric literal at i, appends one token (or several
// when the separators show it is a list or an address, "192.168.1.2" or
// "22,24,26") and returns the index after it.
func lexNumber(text string, i int, toks *[]token) int {
	start := i
	// Most literals have a few groups; the buffers keep them off the heap.
	var partsBuf [16]int
	var sepsBuf [8]byte
	parts := partsBuf[:0] // alternating: start,end of each digit group
	seps := sepsBuf[:0]
	j := i
	if text[j] == '.' { // ".08": an empty integer group
		parts = append(parts, j, j)
	} else {
		k := j
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		parts = append(parts, j, k)
		j = k
	}
	for j+1 < len(text) && (text[j] == ',' || text[j] == '.') && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		seps = append(seps, text[j])
		parts = append(parts, j+1, k)
		j = k
	}
	glued := start > 0 && gluedBefore(text, start)
	val, prec, intDigits, ok := groupValue(text, parts, seps)
	if !ok {
		// A list or an address: every group is a number of its own.
		for g := 0; g < len(parts); g += 2 {
			s, e := parts[g], parts[g+1]
			if s == e {
				continue
			}
			v, _ := parseDigits(text[s:e])
			t := addToken(toks, tNum, s, e, 0, text[s:e], 0, false)
			t.val, t.prec, t.digits, t.plain, t.ident = v, 1, int32(e-s), true, glued && g == 0 || !finite(v)
		}
		return j
	}
	t := addToken(toks, tNum, start, j, 0, "", 0, false)
	t.val, t.prec, t.digits, t.plain, t.ident = val, prec, int32(intDigits), len(seps) == 0 && text[start] != '.', glued || !finite(val) || intDigits > 300
	j = lexExponent(text, j, t)
	// Letters glued to the digits: a scale ("10k", "2bn"), an ordinal
	// ("21st"), a decade ("1990s") or an identifier ("4G", "180ml").
	k := j
	for k < len(text) && isASCIILetter(text[k]) {
		k++
	}
	if k > j && (k == len(text) || !isDigit(text[k])) && gluedMeasure(text, start, j, k) {
		// "17.9km" reads as "17.9 km": the unit is a word of its own.
		k = j
	}
	if k > j {
		t.sfx = int32(k - j)
		if k < len(text) && isDigit(text[k]) {
			t.ident = true // "24703L202"
		}
		j = k
	}
	t.end = j
	t.low = text[start:j]
	return j
}

// measureAbbrevs are units of measure written glued to a figure ("17.9km",
// "2kg"); they are never a scale or part of an identifier.
var measureAbbrevs = map[string]bool{"km": true, "kg": true, "cm": true, "mm": true, "mi": true, "ft": true, "ha": true, "kmh": true, "mph": true, "kph": true, "lb": true, "lbs": true, "sqkm": true, "mw": true, "gw": true, "kw": true, "kwh": true, "mwh": true, "gwh": true}

// extentWords follow a length ("93m tall").
var extentWords = map[string]bool{"tall": true, "high": true, "deep": true, "long": true, "wide": true, "across": true, "away": true, "below": true, "above": true, "underground": true, "underwater": true, "thick": true}

// pluralNouns are plurals without a final s that a count in millions may
// precede ("3m people").
var pluralNouns = map[string]bool{"people": true, "children": true, "men": true, "women": true, "staff": true, "police": true, "cattle": true, "livestock": true, "personnel": true, "data": true, "media": true}

// gluedMeasure reports whether the letters text[j:k] glued to the figure at
// start..j are a unit of measure. "m" is metres, not millions, where no
// currency comes before and the figure measures one thing: an extent word
// follows ("93m tall") or an article comes before it and a singular noun
// after it ("a 93m crater", "the 93m spire").
func gluedMeasure(text string, start, j, k int) bool {
	suf := strings.ToLower(text[j:k])
	if measureAbbrevs[suf] {
		return true
	}
	if suf != "m" {
		return false
	}
	before := strings.TrimRight(text[:start], " ")
	if before != "" && strings.ContainsAny(before[len(before)-1:], "$€£¥") {
		return false
	}
	next := nextWord(text[k:])
	if extentWords[next] {
		return true
	}
	prev := strings.ToLower(lastWord(before))
	if prev != "a" && prev != "an" && prev != "the" {
		return false
	}
	return next != "" && next == strings.ToLower(next) && !strings.HasSuffix(next, "s") && !pluralNouns[next] && !connectives[next]
}

// connectives may follow a figure without being what it counts.
var connectives = map[string]bool{"of": true, "and": true, "or": true, "to": true, "in": true, "on": true, "at": true, "for": true, "by": true, "from": true, "with": true, "than": true, "more": true, "less": true}

// nextWord is the first word of s after spaces, up to a non-letter.
func nextWord(s string) string {
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	return s[:i]
}

// lastWord is the last word of s, which ends at a word or is empty.
func lastWord(s string) string {
	i := len(s)
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	return s[i:]
}

// addToken appends a token to toks and returns it. Fields are set one by
// one on the zeroed element: appending a whole token would copy it with
// a bulk write barrier while the garbage collector marks.
func addToken(toks *[]token, kind tokKind, start, end, prevEnd int, low string, cls wordClass, nl bool) *token {
	if len(*toks) == cap(*toks) {
		*toks = append(*toks, token{})
	} else {
		*toks = (*toks)[:len(*toks)+1]
	}
	t := &(*toks)[len(*toks)-1]
	t.kind, t.start, t.end, t.prevEnd, t.low, t.cls, t.nl = kind, start, end, prevEnd, low, cls, nl
	return t
}

// gluedBefore reports whether the digits at i continue a word ("G7",
// "A380") rather than start a number.
func gluedBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || r == '_' || r == '/' && i >= 2 && isASCIILetter(text[i-2])
}

// lexExponent extends a literal with scientific notation ("1.3e6",
// "12.32e+14", "1.1^23", "1.3x10^6") and returns the new end.
func lexExponent(text string, j int, t *token) int {
	if j < len(text) && (text[j] == 'e' || text[j] == 'E') {
		k := j + 1
		if k < len(text) && (text[k] == '+' || text[k] == '-') {
			k++
		}
		d := k
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		if k > d && (k == len(text) || !isASCIILetter(text[k])) {
			e, _ := parseDigits(text[d:k])
			if text[d-1] == '-' {
				e = -e
			}
			if v, p := t.val*math.Pow(10, e), t.prec*math.Pow(10, e); finite(v) && finite(p) && p > 0 {
				t.val, t.prec = v, p
				t.plain = false
				return k
			}
		}
	}
	if j+3 < len(text) && text[j] == 'x' && text[j+1] == '1' && text[j+2] == '0' && text[j+3] == '^' {
		if e, k, ok := readPower(text, j+4); ok && finite(t.val*math.Pow(10, e)) && t.prec*math.Pow(10, e) > 0 {
			t.val *= math.Pow(10, e)
			t.prec *= math.Pow(10, e)
			t.plain = false
			return k
		}
	}
	if j < len(text) && text[j] == '^' {
		if e, k, ok := readPower(text, j+1); ok && finite(math.Pow(t.val, e)) {
			t.val = math.Pow(t.val, e)
			t.prec = 0
			t.plain = false
			return k
		}
	}
	return j
}

// readPower reads a signed integer exponent after '^'. Repeated signs
// multiply ("--23" is 23), as written in the peer corpora.
func readPower(text string, k int) (float64, int, bool) {
	neg := false
	for k < len(text) && (text[k] == '+' || text[k] == '-') {
		if text[k] == '-' {
			neg = !neg
		}
		k++
	}
	d := k
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	if k == d {
		return 0, 0, false
	}
	e, _ := parseDigits(text[d:k])
	if neg {
		e = -e
	}
	return e, k, true
}

// parseDigits values a run of ASCII digits.
func parseDigits(s string) (float64, bool) {
	v := 0.0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + float64(s[i]-'0')
	}
	return v, len(s) > 0
}

// groupValue interprets digit groups joined by commas and points. It
// accepts thousands separators ("1,234,567.89"), Indian grouping
// ("12,34,567"), a lone decimal comma ("1,3") and a decimal point; other
// shapes are lists and return ok=false.
func groupValue(text string, parts []int, seps []byte) (val, prec float64, intDigits int, ok bool) {
	n := len(seps)
	glen := func(g int) int { return parts[2*g+1] - parts[2*g] }
	intGroups := n + 1
	decimal := -1
	if n > 0 && seps[n-1] == '.' {
		decimal = n
		intGroups = n
	}
	for g := 0; g < intGroups-1; g++ {
		if seps[g] != ',' {
			return 0, 0, 0, false
		}
	}
	switch {
	case intGroups == 1:
	case thousandsGroups(glen, intGroups):
	case decimal < 0 && n == 1 && glen(1) <= 2 && glen(0) <= 3:
		decimal = 1 // "1,3", "5,00": a decimal comma
		intGroups = 1
	default:
		return 0, 0, 0, false
	}
	for g := 0; g < intGroups; g++ {
		for k := parts[2*g]; k < parts[2*g+1]; k++ {
			val = val*10 + float64(text[k]-'0')
			intDigits++
		}
	}
	prec = 1
	if decimal >= 0 {
		s, e := parts[2*decimal], parts[2*decimal+1]
		f := 0.1
		for k := s; k < e; k++ {
			val += float64(text[k]-'0') * f
			prec = f
			f /= 10
		}
		val = roundTo(val, e-s)
	}
	return val, prec, intDigits, true
}

// thousandsGroups reports whether integer groups follow Western (1,234,567)
// or Indian (12,34,567) grouping.
func thousandsGroups(glen func(int) int, n int) bool {
	if glen(0) < 1 || glen(0) > 3 {
		return false
	}
	western := true
	for g := 1; g < n; g++ {
		if glen(g) != 3 {
			western = false
		}
	}
	if western {
		return true
	}
	if n < 3 || glen(0) > 2 || glen(n-1) != 3 {
		return false
	}
	for g := 1; g < n-1; g++ {
		if glen(g) != 2 {
			return false
		}
	}
	return true
}

// roundTo removes binary noise from a decimal with d fractional digits.
func roundTo(v float64, d int) float64 {
	if d > 15 {
		return v
	}
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// markIdentifiers flags numbers that belong to names and codes rather than
// amounts: "COVID-19", "F-16", "Boeing 737-800", numbers in URLs.
func markIdentifiers(text string, toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.kind != tNum || t.ident {
			continue
		}
		if i >= 2 && toks[i-1].isSym("-") && t.adjacent() && toks[i-1].adjacent() && toks[i-2].kind == tWord && !hyphenPrefixes[toks[i-2].low] && hasUpperOrShort(text[toks[i-2].start:toks[i-2].end]) {
			t.ident = true
		}
		if inURL(text, t.start) {
			t.ident = true
		}
	}
}

// hyphenPrefixes are words that may precede "-<number>" in ordinary prose
// ("mid-2018", "pre-1990").
var hyphenPrefixes = map[string]bool{"mid": true, "pre": true, "post": true, "early": true, "late": true, "top": true, "under": true, "over": true, "minus": true, "about": true, "some": true, "a": true, "the": true}

// hasUpperOrShort reports whether a word looks like a code ("COVID",
// "F", "MH") rather than an ordinary word.
func hasUpperOrShort(w string) bool {
	if len(w) <= 2 {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && i > 0 {
			return true
		}
	}
	return w[0] >= 'A' && w[0] <= 'Z' && len(w) <= 5
}

// inURL reports whether offset i sits inside a URL or path-like run (no
// spaces back to "://" or "www.").
func inURL(text string, i int) bool {
	k := i
	for k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '\t' && i-k < 300 {
		k--
	}
	if k == i {
		return false
	}
	run := text[k:i]
	return strings.Contains(run, "://") || strings.HasPrefix(run, "www.") || strings.Count(run, "/") >= 2 && !strings.HasPrefix(run, "/")
}

// finite reports whether v is neither infinite nor NaN.
func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
