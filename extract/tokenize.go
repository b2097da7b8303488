package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"

	"github.com/crosscheck/crosscheck/extract/internal/prosetag"
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
// are loaded once by NewTokenizer, prose's own on first use (see
// prosetag.Tagger); a Tokenizer is safe for concurrent use.
type Tokenizer struct {
	// seg keeps its per-call state in the tokens it makes, and only reads
	// its training data and annotators, so it is shared without a lock
	// (TestTokenizeConcurrent).
	seg *sentences.DefaultSentenceTokenizer
	// tagger tags sentences and finds names with the fast taggers, and
	// with prose's own model for what they cannot decide and for the
	// other nerModes.
	tagger *prosetag.Tagger

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

// NewTokenizer loads the sentence segmenter and the fast taggers, from
// prose's tagging and entity model data; prose's model itself is loaded the
// first time a text needs it. It is slow (hundreds of milliseconds): call it
// once per process.
func NewTokenizer() (*Tokenizer, error) {
	seg, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	tagger, err := prosetag.New()
	if err != nil {
		return nil, err
	}
	return &Tokenizer{seg: seg, tagger: tagger}, nil
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
			if mayHoldClaim(body[s.Start:s.End]) {
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
		pd, err = t.tagger.Document(text, true)
		if err == nil {
			toks = pd.Tokens()
		}
	} else {
		toks, err = t.tagger.Tag(text)
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
		if pd, err = t.tagger.Document(text, true); err != nil {
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
		out = append(out, Token{Text: tok.Text, Tag: foreignName(tok), Start: base + start, End: base + start + len(tok.Text)})
		off = start + len(tok.Text)
	}
	return out
}

// foreignName is a token's tag, but a capitalised word with letters outside
// ASCII that the tagger calls a common noun or an adjective ("Erdoğan",
// "Kahramanmaraş") is a proper noun: prose's model has not seen such words,
// and in English text they are names.
func foreignName(tok prose.Token) string {
	switch tok.Tag {
	case "NN", "NNS", "JJ":
	default:
		return tok.Tag
	}
	r, _ := utf8.DecodeRuneInString(tok.Text)
	if !unicode.IsUpper(r) {
		return tok.Tag
	}
	for _, c := range tok.Text {
		if c >= utf8.RuneSelf && unicode.IsLetter(c) {
			return "NNP"
		}
	}
	return tok.Tag
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
		ents, err := t.tagger.Entities(window)
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

// mayHoldClaim reports whether a sentence has anything a claim could be built
// on: a digit, a number word, a month or a weekday. Tagging is the costly part
// of tokenizing, so sentences without one are left untagged.
func mayHoldClaim(s string) bool {
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

// appendLower appends strings.ToLower(s) to b (prosetag.AppendLower).
var appendLower = prosetag.AppendLower
