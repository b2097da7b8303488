package extract

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Doc is an article body cut into blocks and sentences, with part-of-speech
// tags and named entities where a claim can be. Every offset is a byte offset
// into the body, so evidence can be pointed at in the original text.
type Doc struct {
	Sentences []Sentence `json:"sentences"`
}

// Sentence is one sentence of the body. Clutter, when set, says why the
// sentence's block is page furniture (a caption, a "Subscribe" button) and
// no claim may come from it; such sentences carry no tokens.
type Sentence struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Block    int      `json:"block"`
	Clutter  string   `json:"clutter,omitempty"`
	Tokens   []Token  `json:"tokens,omitempty"`
	Entities []Entity `json:"entities,omitempty"`
}

// Token is a word or punctuation mark with its part-of-speech tag.
type Token struct {
	Text  string `json:"t"`
	Tag   string `json:"p"`
	Start int    `json:"s"`
	End   int    `json:"e"`
}

// Entity is a named entity found by prose's tagger.
type Entity struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Tokenizer segments, tags and finds entities in article bodies. Its models
// are loaded once by NewTokenizer, prose's own on first use (see model); a
// Tokenizer is safe for concurrent use.
type Tokenizer struct {
	// seg keeps its per-call state in the tokens it makes, and only reads
	// its training data and annotators, so it is shared without a lock
	// (TestTokenizeConcurrent).
	seg *sentences.DefaultSentenceTokenizer
	// model is prose's own, for the words and names the fast taggers
	// cannot decide (tagged, windowEntities) and the other nerModes. It is
	// loaded on first use: the fast taggers decide every word of the
	// fixtures and of bench's generated corpus, and prose's model, some
	// 46 MB of maps of strings, would otherwise be marked by every
	// garbage collection of the process for nothing.
	model func() *prose.Model
	pos   *posTagger
	ents  *entityTagger

	ner nerMode
}

// nerMode says where named entities are looked for: nerWindows (the
// default) only around the names whose label the claim builder reads; the
// others are for tests and benchmarks.
type nerMode int

const (
	nerWindows nerMode = iota // around each unclassified name of two words or more
	nerNames                  // whole sentences that hold such a name
	nerAll                    // every tagged sentence
	nerNone
)

// sharedPOS is the fast part-of-speech tagger, loaded once and only read:
// every Tokenizer and the tagging of titles (titleSentence) share it.
var sharedPOS = sync.OnceValues(newPOSTagger)

// NewTokenizer loads the sentence segmenter and the fast taggers, from
// prose's tagging and entity model data; prose's model itself is loaded the
// first time a text needs it. It is slow (hundreds of milliseconds): call it
// once per process.
func NewTokenizer() (*Tokenizer, error) {
	seg, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	pos, err := sharedPOS()
	if err != nil {
		return nil, err
	}
	ents, err := newEntityTagger()
	if err != nil {
		return nil, err
	}
	model := sync.OnceValue(func() *prose.Model { return prose.ModelFromData("crosscheck") })
	return &Tokenizer{seg: seg, model: model, pos: pos, ents: ents}, nil
}

// Tokenize cuts body into blocks (lines), marks page clutter, segments the
// rest into sentences and tags those that may hold a claim.
func (t *Tokenizer) Tokenize(body string) (Doc, error) {
	var doc Doc
	for i, b := range Blocks(body) {
		if b.Clutter != "" {
			doc.Sentences = append(doc.Sentences, Sentence{Start: b.Start, End: b.End, Block: i, Clutter: b.Clutter})
			continue
		}
		for _, s := range t.segment(body[b.Start:b.End]) {
			s.Start += b.Start
			s.End += b.Start
			s.Block = i
			if MayHoldClaim(body[s.Start:s.End]) {
				if err := t.tag(body, &s); err != nil {
					return Doc{}, err
				}
			}
			doc.Sentences = append(doc.Sentences, s)
		}
	}
	return doc, nil
}

// segment splits one block into sentences with offsets relative to it.
func (t *Tokenizer) segment(text string) []Sentence {
	parts := t.seg.Tokenize(text)
	var out []Sentence
	off := 0
	for _, p := range parts {
		// The segmenter's own offsets drift on some inputs; find each
		// sentence in the text instead.
		trimmed := strings.TrimSpace(p.Text)
		if trimmed == "" {
			continue
		}
		i := strings.Index(text[off:], trimmed)
		if i < 0 {
			continue
		}
		start := off + i
		out = append(out, Sentence{Start: start, End: start + len(trimmed)})
		off = start + len(trimmed)
	}
	if len(out) == 0 {
		s := strings.TrimSpace(text)
		if s != "" {
			i := strings.Index(text, s)
			out = append(out, Sentence{Start: i, End: i + len(s)})
		}
	}
	return out
}

// tag runs prose over one sentence and aligns its tokens and entities to
// byte offsets in body.
func (t *Tokenizer) tag(body string, s *Sentence) error {
	text := body[s.Start:s.End]
	// Entities take four fifths of prose's time, and the claim builder reads
	// them only to tell a person from other names of two words or more
	// (personEntity in subject.go). A sentence without two capitalised words
	// in a row is tagged without them, and again with them only if its tags
	// show such a name after all; the claims are the same either way.
	withNER := t.ner == nerAll || (t.ner == nerNames && capitalPair(text))
	if t.ner == nerWindows {
		withNER = false
	}
	var (
		pd   *prose.Document
		toks []prose.Token
		err  error
	)
	if withNER {
		pd, err = t.document(text, true)
		if err == nil {
			toks = pd.Tokens()
		}
	} else {
		toks, err = t.tagged(text)
	}
	if err != nil {
		return fmt.Errorf("tag sentence at %d: %w", s.Start, err)
	}
	s.Tokens = alignTokens(text, s.Start, toks)
	if t.ner == nerWindows {
		return t.nameEntities(body, s)
	}
	if t.ner == nerNone || (t.ner == nerNames && !namePair(s.Tokens)) {
		return nil
	}
	if !withNER {
		if pd, err = t.document(text, true); err != nil {
			return fmt.Errorf("tag sentence at %d: %w", s.Start, err)
		}
	}
	off := 0
	for _, e := range pd.Entities() {
		i := strings.Index(text[off:], e.Text)
		if i < 0 {
			continue
		}
		start := off + i
		s.Entities = append(s.Entities, Entity{Text: e.Text, Label: e.Label, Start: s.Start + start, End: s.Start + start + len(e.Text)})
		off = start + len(e.Text)
	}
	return nil
}

// alignTokens places prose's tokens of text, which starts at byte base of
// the body, at byte offsets.
func alignTokens(text string, base int, toks []prose.Token) []Token {
	out := make([]Token, 0, len(toks))
	off := 0
	for _, tok := range toks {
		i := strings.Index(text[off:], tok.Text)
		if i < 0 {
			// prose rewrites a few tokens (quotes); keep the tag, point at
			// the next character.
			_, size := utf8.DecodeRuneInString(text[min(off, len(text)-1):])
			out = append(out, Token{Text: tok.Text, Tag: tok.Tag, Start: base + off, End: base + min(off+size, len(text))})
			continue
		}
		start := off + i
		out = append(out, Token{Text: tok.Text, Tag: tok.Tag, Start: base + start, End: base + start + len(tok.Text)})
		off = start + len(tok.Text)
	}
	return out
}

// nameEntities looks for named entities only around the names whose label
// the claim builder reads: runs of two proper nouns or more that canon
// cannot place as an app, organisation or place. prose's entity features
// look one token either side, so a window of two tokens before the name and
// one after gives it the context it uses, at a fraction of the cost of the
// whole sentence (entities are most of prose's time).
func (t *Tokenizer) nameEntities(body string, s *Sentence) error {
	toks := s.Tokens
	for i := 0; i < len(toks); {
		if !properNoun(toks, i) {
			i++
			continue
		}
		j := nameEnd(toks, i)
		start, end := toks[i].Start, toks[j-1].End
		if _, k := canon(body[start:end]); j-i < 2 || k != kindUnknown {
			i = j
			continue
		}
		lo, hi := toks[max(i-2, 0)].Start, toks[min(j, len(toks)-1)].End
		window := body[lo:hi]
		ents, err := t.windowEntities(window)
		if err != nil {
			return fmt.Errorf("entities at %d: %w", lo, err)
		}
		off := 0
		for _, e := range ents {
			k := strings.Index(window[off:], e.Text)
			if k < 0 {
				continue
			}
			es := lo + off + k
			s.Entities = append(s.Entities, Entity{Text: e.Text, Label: e.Label, Start: es, End: es + len(e.Text)})
			off += k + len(e.Text)
		}
		i = j
	}
	return nil
}

// windowEntities finds the named entities of a short text with the fast
// taggers, or with prose where they cannot decide.
func (t *Tokenizer) windowEntities(text string) ([]prose.Entity, error) {
	toks, err := t.tagged(text)
	if err != nil {
		return nil, err
	}
	if ents, ok := t.ents.entities(toks); ok {
		return ents, nil
	}
	pd, err := t.document(text, true)
	if err != nil {
		return nil, err
	}
	return pd.Entities(), nil
}

// tagged returns the tagged tokens of text: prose's words (proseWords),
// then the fast tagger, or prose itself where that cannot tag a word.
func (t *Tokenizer) tagged(text string) ([]prose.Token, error) {
	toks := proseWords(text)
	if !t.pos.tagWords(toks) {
		pd, err := t.document(text, false)
		if err != nil {
			return nil, err
		}
		return pd.Tokens(), nil
	}
	return toks, nil
}

func (t *Tokenizer) document(text string, entities bool) (*prose.Document, error) {
	return prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(entities), prose.UsingModel(t.model()))
}

// capitalPair reports whether text has two capitalised words in a row, or
// two joined by "of": where prose may find a name of two words or more.
func capitalPair(text string) bool {
	prev, prevOf := false, false // previous word capitalised; word before "of" was
	for _, w := range strings.Fields(text) {
		w = strings.TrimLeft(w, `"'“‘(`)
		cap := startsUpper(w)
		if cap && (prev || prevOf) {
			return true
		}
		prevOf = w == "of" && prev
		prev = cap
	}
	return false
}

// namePair reports whether toks has a run of proper nouns of two words or
// more ("Pavel Durov", "Bank of England"), the only names whose entity
// label the claim builder reads (personEntity in subject.go).
func namePair(toks []Token) bool {
	nnp := func(i int) bool { return i < len(toks) && (toks[i].Tag == "NNP" || toks[i].Tag == "NNPS") }
	for i := range toks {
		if nnp(i) && (nnp(i+1) || (i+1 < len(toks) && toks[i+1].Text == "of" && nnp(i+2))) {
			return true
		}
	}
	return false
}

// MayHoldClaim reports whether a sentence has anything a claim could be built
// on: a digit, a number word, a month or a weekday. Tagging is the costly part
// of tokenizing, so sentences without one are left untagged.
func MayHoldClaim(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	// The words of strings.ToLower(s) between runes that are not letters,
	// lower-cased rune by rune as ToLower does, without copying s.
	var buf [32]byte
	w := buf[:0]
	for _, r := range s {
		if l := unicode.ToLower(r); unicode.IsLetter(l) {
			w = utf8.AppendRune(w, l)
			continue
		}
		if len(w) > 0 && claimWords[string(w)] {
			return true
		}
		w = w[:0]
	}
	return len(w) > 0 && claimWords[string(w)]
}

var claimWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`one two three four five six seven eight nine ten eleven twelve
		thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
		seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
		trillion dozen dozens half third thirds quarter quarters percent
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday
		yesterday today tomorrow week weeks month months year years day days ago later earlier`) {
		m[w] = true
	}
	return m
}()

// proseWords cuts text into words as prose's tokenizer does (iterTokenizer
// in prose: quotes made straight, then each run of non-space split by
// doSplit), without its allocation of a token and a lower-cased copy per
// step or a regular expression per step. The words are prose's
// (TestWordsMatchProse, FuzzWordsMatchProse).
func proseWords(text string) []prose.Token {
	clean := text
	if strings.IndexByte(text, 0xE2) >= 0 || strings.Contains(text, "&rsquo;") {
		clean = proseQuotes.Replace(text) // which copies even when it replaces nothing
	}
	toks := make([]prose.Token, 0, len(clean)/5+1)
	// prose's loop, quirks kept: a span starts after a single space but
	// on any other space character, and spans of spaces split to nothing.
	white := false
	start, index := 0, 0
	for index < len(clean) {
		r, size := utf8.DecodeRuneInString(clean[index:])
		if index == 0 {
			white = unicode.IsSpace(r)
		}
		if unicode.IsSpace(r) != white {
			if start < index {
				toks = splitWord(clean[start:index], toks)
			}
			if r == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		toks = splitWord(clean[start:index], toks)
	}
	return toks
}

// proseQuotes is prose's sanitizer.
var proseQuotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// splitWord appends the tokens of one run of non-space to toks as prose's
// doSplit does: prefixes off the front, clitics ('ll, 's, 're, 'm, n't)
// split off, suffixes off the back, each step while the run shrinks. A
// suffix is one byte, and only the front moves otherwise, so the suffixes
// are the run's tail.
func splitWord(word string, toks []prose.Token) []prose.Token {
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			toks = append(toks, prose.Token{Text: s})
		}
	}
	tail := len(word)
	token := word
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		if proseSpecial(token) {
			add(token)
			break
		}
		last = utf8.RuneCountInString(token)
		if len(token) > 1 && strings.IndexByte(`$("[`, token[0]) >= 0 {
			add(token[:1])
			token = token[1:]
		} else if idx := cliticIndex(token); idx > -1 {
			add(token[:idx])
			token = token[idx:]
		} else if len(token) > 1 && strings.IndexByte(`,)"]!;.?:'`, token[len(token)-1]) >= 0 {
			token = token[:len(token)-1]
			tail--
		} else {
			add(token)
		}
	}
	for i := tail; i < len(word); i++ {
		toks = append(toks, prose.Token{Text: word[i : i+1]})
	}
	return toks
}

// cliticIndex is where prose's doSplit cuts a clitic from token, or -1:
// the first of "'ll", "'s", "'re", "'m" found in the lower-cased token,
// else "n't" (hasAnyIndex in prose, which finds it in the lower-cased copy
// and cuts the token itself there). Each holds an apostrophe, which
// lower-casing neither makes nor takes away.
func cliticIndex(token string) int {
	if strings.IndexByte(token, '\'') < 0 {
		return -1
	}
	lower := strings.ToLower(token)
	for _, c := range [...]string{"'ll", "'s", "'re", "'m"} {
		if idx := strings.Index(lower, c); idx >= 0 && len(lower) > len(c) {
			return idx
		}
	}
	if idx := strings.Index(lower, "n't"); idx >= 0 && len(lower) > len("n't") {
		return idx
	}
	return -1
}

// proseSpecial is prose's isSpecial: an emoticon from its list, or a token
// its internalRE matches, ^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$
// (initials such as "U.S.", abbreviations such as "Mr." and "Inc.").
func proseSpecial(token string) bool {
	if proseEmoticons[token] {
		return true
	}
	n := len(token)
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	if n >= 4 && n%2 == 0 {
		initials := true
		for i := 0; i < n && initials; i += 2 {
			initials = letter(token[i]) && token[i+1] == '.'
		}
		if initials {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= token[0] && token[0] <= 'Z' && token[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if token[i] < 'a' || token[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

// proseEmoticons is prose's list of emoticons (tokenize.go in prose),
// which it keeps whole.
var proseEmoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
