package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what sort of thing a subject is; coreference and attribute checks
// use it ("the app" never means a person, users are never counted of a place).
type kind uint8

const (
	kindUnknown kind = iota
	kindApp          // products, services, companies
	kindOrg          // ministries, agencies, police, parties
	kindPerson
	kindPlace
)

// mention is a subject found in the text: a proper-noun chunk, an alias
// phrase or a resolved anaphor.
type mention struct {
	canon      string
	text       string
	kind       kind
	start, end int
	anaphor    bool
}

// aliases maps lower-cased phrases to a canonical subject. The table is for
// names whose variants share no word; everything else is met by canon's
// normalisation.
var aliases = map[string]string{
	"ministry of education":  "education ministry",
	"education ministry":     "education ministry",
	"hamenei":                "khamenei",
	"supreme leader":         "khamenei",
	"fsb":                    "federal security service",
	"islamic republic":       "iran",
	"tehran":                 "iran",
	"iranian authorities":    "iran",
	"the iranian government": "iran",
}

var (
	titles = wordSet(`mr mrs ms dr sir president prime minister supreme leader ayatollah grand ceo founder chief
		spokesman spokeswoman spokesperson lawmaker senator governor mayor general minister head director chairman king queen pope`)
	demonyms = wordSet(`iranian iran's iran´s iran’s russian american british french german chinese indian turkish
		israeli saudi u.s. us uk european national federal state local regional provincial`)
	appWords = wordSet(`app apps messenger messaging service platform network site website channel`)
	// corporateSuffixes end a company's legal name.
	corporateSuffixes = wordSet(`inc incorporated corp corporation ltd limited plc llc co ag sa nv`)
	orgWords          = wordSet(`press news times post herald courier ledger observer tribune journal gazette today lantern ministry agency authority authorities police court government parliament council office party committee department army military company firm bank regulator commission union organisation organization organisers organizers`)
	placeWords        = wordSet(`province river city county district region state republic valley island village town capital ferry bridge port harbour harbor bay lake mountain street square levee dam`)
	placeNames        = wordSet(`iran russia tehran moscow china usa us u.s u.k uk britain france germany turkey iraq syria israel europe africa asia america`)
	nonSubjects       = wordSet(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday i we you they he she it the a an this that
		photo read subscribe in on at but and or so if when while during after before
		tens hundreds thousands millions dozens some many several most all every each one two three`)
)

// apostrophes folds the apostrophes outlets use into one.
var apostrophes = strings.NewReplacer("’", "'", "´", "'", "‘", "'")

// canon normalises a subject phrase so that different outlets' wordings
// meet: "the messaging app Telegram", "Telegram messenger" and "Telegram's"
// all become "telegram".
func canon(phrase string) (string, kind) { return canonWith(phrase, aliases) }

// canonWith is canon with a given alias table (nil: none, to measure what
// the table adds).
func canonWith(phrase string, aliases map[string]string) (string, kind) {
	p := strings.ToLower(strings.TrimSpace(phrase))
	// ’ and ‘ start with byte 0xE2, ´ with 0xC2; ContainsAny of runes
	// outside ASCII decodes every rune of p.
	if (strings.IndexByte(p, 0xE2) >= 0 || strings.IndexByte(p, 0xC2) >= 0) && strings.ContainsAny(p, "’´‘") {
		p = apostrophes.Replace(p) // which copies even when it replaces nothing
	}
	if a, ok := aliases[p]; ok {
		return a, kindOf(a, p)
	}
	// Names are a few words: the word lists stay on the stack.
	var wordBuf, keptBuf [8]string
	words := wordBuf[:0]
	for w := range strings.FieldsSeq(p) {
		words = append(words, strings.Trim(strings.TrimSuffix(w, "'s"), `"'.,;:()`))
	}
	k := kindUnknown
	kept := keptBuf[:0]
	for i, w := range words {
		switch {
		case w == "" || (i == 0 && (w == "the" || w == "a" || w == "an")):
		case titles[w]:
			if k == kindUnknown {
				k = kindPerson
			}
		case demonyms[w] && i < len(words)-1:
		case appWords[w] && len(words) > 1:
			k = kindApp
		case corporateSuffixes[w] && i > 0:
			k = kindApp // "Equifax Inc" is Equifax
		default:
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	// "ministry of education" and "education ministry" meet.
	if len(kept) == 3 && kept[1] == "of" && orgWords[kept[0]] {
		kept = []string{kept[2], kept[0]}
	}
	c := strings.Join(kept, " ")
	if a, ok := aliases[c]; ok {
		c = a
	}
	if k == kindUnknown {
		k = kindOf(c, p)
	}
	if k == kindPlace && len(kept) > 1 && placeWords[kept[len(kept)-1]] {
		// "Oskel River" and "the Oskel" meet, as do "Vannermark Province"
		// and "Vannermark".
		kept = kept[:len(kept)-1]
		c = strings.Join(kept, " ")
	}
	if k == kindPerson && len(kept) > 1 {
		// People are met by surname: "Ali Khamenei" is "Khamenei".
		c = kept[len(kept)-1]
		if a, ok := aliases[c]; ok {
			c = a
		}
	}
	return c, k
}

func kindOf(c, raw string) kind {
	for w := range strings.FieldsSeq(raw) {
		if appWords[w] {
			return kindApp
		}
	}
	n, first := 0, ""
	for w := range strings.FieldsSeq(c) {
		switch {
		case orgWords[w]:
			return kindOrg
		case placeWords[w]:
			return kindPlace
		}
		if n++; n == 1 {
			first = w
		}
	}
	if n == 1 && placeNames[first] || n == 2 && regionWords[first] {
		return kindPlace // "Northern California", "South Sudan"
	}
	return kindUnknown
}

// regionWords open the name of a part of a place.
var regionWords = wordSet(`northern southern eastern western central north south east west northeast northwest southeast southwest`)

// anaphors maps a pronoun or definite description to the kinds it may refer
// to, most likely first.
var anaphors = map[string][]kind{
	"the app": {kindApp}, "the messenger": {kindApp}, "the service": {kindApp}, "the platform": {kindApp},
	"the network": {kindApp}, "the company": {kindApp, kindOrg}, "the firm": {kindApp, kindOrg},
	"the agency": {kindOrg}, "the ministry": {kindOrg}, "the authority": {kindOrg}, "the regulator": {kindOrg},
	"it": {kindApp, kindOrg, kindUnknown}, "its": {kindApp, kindOrg, kindUnknown},
	"he": {kindPerson}, "his": {kindPerson}, "she": {kindPerson}, "her": {kindPerson},
}

// discourse remembers the subjects met so far in an article, for
// coreference and for subjects a sentence leaves implicit.
type discourse struct {
	recent []mention // most recent last
	// sentences holds, for each sentence added, the index in recent of
	// its first mention.
	sentences []int
	kinds     map[string]kind
	topic     string
	off       sources // sources of evidence switched off, to measure them
}

// sources are the kinds of evidence subject finding combines. Claims uses
// all of them; the truth test switches each off in turn to measure what it
// adds (see fixtures/truth).
type sources uint8

const (
	srcEntities    sources = 1 << iota // prose's named entities: who is a person
	srcTags                            // part-of-speech patterns: proper-noun chunks
	srcAliases                         // the alias table
	srcCoreference                     // "it", "the app", "his" resolved to a name
)

// aliasTable is the alias table, or nil when it is switched off.
func (d *discourse) aliasTable() map[string]string {
	if d.off&srcAliases != 0 {
		return nil
	}
	return aliases
}

func (d *discourse) add(m mention) {
	if d.kinds == nil {
		d.kinds = make(map[string]kind)
	}
	if m.kind != kindUnknown {
		d.kinds[m.canon] = m.kind
	} else if k, ok := d.kinds[m.canon]; ok {
		m.kind = k
	}
	d.recent = append(d.recent, m)
}

// knownName reports whether a capitalised word the tagger did not take for
// a name, as it may not at the start of a sentence ("Equifax disclosed
// the breach"), is a name the article has already used or is about.
func (d *discourse) knownName(w string) bool {
	if !startsUpper(w) {
		return false
	}
	l := strings.ToLower(w)
	_, known := d.kinds[l]
	return known || l == d.topic
}

// kindOf returns what the article has said a subject is.
func (d *discourse) kindOf(canon string) kind { return d.kinds[canon] }

// kindOfMention is what the article has said a mention's subject is, else
// what the mention itself shows.
func (d *discourse) kindOfMention(m mention) kind {
	if k := d.kindOf(m.canon); k != kindUnknown {
		return k
	}
	return m.kind
}

// resolve finds the most recent subject an anaphor can refer to.
func (d *discourse) resolve(anaphor string, before int) (mention, bool) {
	if m, ok := byHead(d.recent, anaphor, before); ok {
		return m, true
	}
	kinds := anaphors[anaphor]
	if kinds[0] != kindPerson && !slices.Contains(kinds, kindUnknown) {
		// A name whose kind the article never said can still be "the app".
		kinds = append(slices.Clone(kinds), kindUnknown)
	}
	for _, want := range kinds {
		if want == kindPerson {
			// "Erdogan said 9,057 had died, up from the 5,434 Koca gave.
			// On Wednesday he toured Hatay": a person pronoun takes up
			// the first person of the last sentence that names one, as
			// a rule its subject, not the last named.
			if m, ok := d.firstPersonOfLastSentence(before); ok {
				return m, true
			}
		}
		for i := len(d.recent) - 1; i >= 0; i-- {
			m := d.recent[i]
			if m.start >= before || m.anaphor {
				continue
			}
			k := d.kindOfMention(m)
			if k == want {
				return m, true
			}
		}
	}
	return mention{}, false
}

// firstPersonOfLastSentence is the first person named in the latest
// sentence before offset before that names one.
func (d *discourse) firstPersonOfLastSentence(before int) (mention, bool) {
	end := len(d.recent)
	for k := len(d.sentences) - 1; k >= 0; k-- {
		from := d.sentences[k]
		for _, m := range d.recent[from:end] {
			if m.start >= before || m.anaphor {
				continue
			}
			k := d.kindOfMention(m)
			if k == kindPerson {
				return m, true
			}
		}
		end = from
	}
	return mention{}, false
}

// match merges a subject with one already met when they differ by a typo
// ("Hamenei" for "Khamenei").
func (d *discourse) match(c string) string {
	if len(c) < 6 {
		return c
	}
	for i := len(d.recent) - 1; i >= 0; i-- {
		o := d.recent[i].canon
		if o != c && len(o) >= 6 && oneEdit(o, c) {
			return o
		}
	}
	return c
}

// oneEdit reports whether a and b are one insertion, deletion or
// substitution of a character apart: what is left when their common start
// and end are cut off is at most one character each.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[na:], b[nb:]
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeLastRuneInString(a)
		rb, nb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[:len(a)-na], b[:len(b)-nb]
	}
	return utf8.RuneCountInString(a) <= 1 && utf8.RuneCountInString(b) <= 1
}

// subjects finds the subject mentions of one tagged sentence: proper-noun
// chunks, alias phrases and anaphors.
func subjects(body string, s Sentence, d *discourse) []mention {
	var out []mention
	toks := s.Tokens
	if d.off&srcTags != 0 {
		// Capitalisation alone, as for an untagged sentence.
		out = capitalised(body, s, d.aliasTable())
		toks = nil
	}
	for i := 0; i < len(toks); {
		if !properNoun(toks, i) && !(i == 0 && d.knownName(toks[0].Text)) {
			i++
			continue
		}
		j := nameEnd(toks, i)
		text := body[toks[i].Start:toks[j-1].End]
		// Include a preceding description: "the messaging app Telegram".
		c, k := canonWith(text, d.aliasTable())
		if i > 0 && appWords[strings.ToLower(toks[i-1].Text)] {
			k = kindApp
		}
		if j < len(toks) && appWords[strings.ToLower(toks[j].Text)] {
			k = kindApp
		}
		// Apposition: "RiverCall, the flood-alert app run by ...".
		if j+1 < len(toks) && toks[j].Text == "," && (strings.EqualFold(toks[j+1].Text, "the") || strings.EqualFold(toks[j+1].Text, "a") || strings.EqualFold(toks[j+1].Text, "its")) {
			for x := j + 2; x < len(toks) && x < j+9; x++ {
				if appWords[strings.ToLower(toks[x].Text)] {
					k = kindApp
					break
				}
			}
		}
		if k == kindUnknown && i > 0 && titles[strings.ToLower(toks[i-1].Text)] {
			// "spokeswoman Irena Halvorsk", "lawmaker Abutorabi".
			k = kindPerson
			c, _ = canonWith("mr "+text, d.aliasTable())
		}
		if k == kindUnknown && d.off&srcEntities == 0 && personEntity(s, toks[i].Start, toks[j-1].End) && len(strings.Fields(text)) > 1 {
			k = kindPerson
			c, _ = canonWith("mr "+text, d.aliasTable())
		}
		if c != "" && !nonSubjects[c] {
			out = append(out, mention{canon: d.match(c), text: text, kind: k, start: toks[i].Start, end: toks[j-1].End})
		}
		i = j
	}
	if d.off&srcTags == 0 {
		out = append(out, organisations(body, s, out)...)
	}
	lower := strings.ToLower(body[s.Start:s.End])
	for phrase := range d.aliasTable() {
		if strings.Contains(phrase, " ") {
			if i := indexWord(lower, phrase); i >= 0 && !covered(out, s.Start+i) {
				c := aliases[phrase]
				out = append(out, mention{canon: c, text: body[s.Start+i : s.Start+i+len(phrase)], kind: kindOf(c, phrase), start: s.Start + i, end: s.Start + i + len(phrase)})
			}
		}
	}
	if d.off&srcCoreference != 0 {
		sortMentions(out)
		return out
	}
	// Every pronoun is three runes at most, so twelve bytes at most before
	// lower-casing; a longer token is none, and is not copied to find out.
	var lowerBuf [12]byte
	for i, t := range s.Tokens {
		if len(t.Text) > len(lowerBuf) {
			continue
		}
		w := appendLower(lowerBuf[:0], t.Text)
		var phrase string
		var end int
		switch string(w) {
		case "the":
			if i+1 >= len(toks) {
				continue
			}
			phrase, end = "the "+strings.ToLower(toks[i+1].Text), toks[i+1].End
			if anaphors[phrase] == nil {
				continue
			}
		case "it", "its", "he", "his", "she", "her":
			phrase, end = string(w), t.End
		default:
			continue
		}
		if m, ok := resolveLocal(out, phrase, t.Start, d); ok {
			out = append(out, mention{canon: m.canon, text: body[t.Start:end], kind: m.kind, start: t.Start, end: end, anaphor: true})
		} else if m, ok := d.resolve(phrase, t.Start); ok {
			out = append(out, mention{canon: m.canon, text: body[t.Start:end], kind: m.kind, start: t.Start, end: end, anaphor: true})
		}
	}
	sortMentions(out)
	return out
}

// resolveLocal resolves an anaphor to a compatible name earlier in its own
// sentence: "Khamenei's office would stop using his five Twitter feeds".
func resolveLocal(ms []mention, anaphor string, before int, d *discourse) (mention, bool) {
	if m, ok := byHead(ms, anaphor, before); ok {
		return m, true
	}
	kinds := anaphors[anaphor]
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.start >= before || m.anaphor {
			continue
		}
		k := d.kindOfMention(m)
		if slices.Contains(kinds, k) {
			return m, true
		}
	}
	return mention{}, false
}

// nameEnd returns the end of the run of proper nouns starting at i, with
// "of" inside it ("Bank of England").
func nameEnd(toks []Token, i int) int {
	j := i + 1
	for j < len(toks) && (properNoun(toks, j) || (toks[j].Text == "of" && j+1 < len(toks) && properNoun(toks, j+1))) {
		j++
	}
	return j
}

func properNoun(toks []Token, i int) bool {
	t := toks[i]
	if t.Tag != "NNP" && t.Tag != "NNPS" && !camelCase(t.Text) {
		return false
	}
	if !startsUpper(t.Text) {
		return false
	}
	var buf [32]byte
	return !nonSubjects[string(appendLower(buf[:0], t.Text))]
}

func personEntity(s Sentence, start, end int) bool {
	for _, e := range s.Entities {
		if e.Label == "PERSON" && e.Start <= start && e.End >= end {
			return true
		}
	}
	return false
}

func covered(ms []mention, at int) bool {
	for _, m := range ms {
		if at >= m.start && at < m.end {
			return true
		}
	}
	return false
}

// indexWord finds phrase in s at word boundaries.
func indexWord(s, phrase string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !isWordByte(s[i-1])
		after := i+len(phrase) == len(s) || !isWordByte(s[i+len(phrase)])
		if before && after {
			return i
		}
		off = i + 1
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// byHead resolves a definite description by its head noun: "the
// authority" is first the last authority named before offset before.
func byHead(ms []mention, anaphor string, before int) (mention, bool) {
	head, ok := strings.CutPrefix(anaphor, "the ")
	if !ok {
		return mention{}, false
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; m.start < before && !m.anaphor && headNoun(m.canon) == head {
			return m, true
		}
	}
	return mention{}, false
}

// headNoun is the last word of a canonical subject: "emergency authority"
// is an authority.
func headNoun(c string) string {
	if i := strings.LastIndexByte(c, ' '); i >= 0 {
		return c[i+1:]
	}
	return c
}

// orgHeads are common nouns that name a body which acts and speaks: "the
// provincial emergency authority", "police", "the national water board".
var orgHeads = wordSet(`authority authorities ministry agency regulator government police army council court
	board union coalition organisers organizers ministers officials commission department office parliament`)

// organisations finds bodies named by a common noun phrase, which have no
// proper noun for subjects to chunk: "the provincial emergency authority"
// becomes "emergency authority" (kind organisation). A bare "the authority"
// is left to coreference, which finds the authority named before.
func organisations(body string, s Sentence, have []mention) []mention {
	var out []mention
	toks := s.Tokens
	for i, t := range toks {
		if !strings.HasPrefix(t.Tag, "NN") {
			continue
		}
		w := strings.ToLower(t.Text)
		if !orgHeads[w] || covered(have, t.Start) {
			continue
		}
		if i+1 < len(toks) && strings.HasPrefix(toks[i+1].Tag, "NN") && !strings.HasPrefix(toks[i+1].Tag, "NNP") {
			continue // "the authority spokeswoman": the head comes later
		}
		l := i
		for l > 0 && (toks[l-1].Tag == "JJ" || toks[l-1].Tag == "NN" || toks[l-1].Tag == "NNS") && startsWithLower(toks[l-1].Text) {
			l--
		}
		det := l > 0 && (strings.EqualFold(toks[l-1].Text, "the") || strings.EqualFold(toks[l-1].Text, "its"))
		if l == i && det && anaphors["the "+w] != nil {
			continue
		}
		var kept []string
		for _, x := range toks[l : i+1] {
			lw := strings.ToLower(x.Text)
			if !demonyms[lw] {
				kept = append(kept, lw)
			}
		}
		c := strings.Join(kept, " ")
		if c == "" || nonSubjects[c] {
			continue
		}
		out = append(out, mention{canon: c, text: body[toks[l].Start:t.End], kind: kindOrg, start: toks[l].Start, end: t.End})
	}
	return out
}

func startsWithLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// camelCase reports whether w has a capital after a lower-case letter:
// "RiverCall", "WhatsApp" are names even where prose tags them as nouns.
func camelCase(w string) bool {
	lower := false
	for _, r := range w {
		if unicode.IsLower(r) {
			lower = true
		} else if unicode.IsUpper(r) && lower {
			return true
		}
	}
	return false
}
