package prosetag

import (
	"sync"
	"sync/atomic"

	"github.com/jdkato/prose/v2"
)

// Tagger tags sentences and finds their named entities as prose does: with
// the fast taggers, and with prose's own model, loaded on first use, for
// what they cannot decide. A Tagger is safe for concurrent use.
type Tagger struct {
	pos  *posTagger
	ents *entityTagger
	// model is prose's own. It is loaded on first use: the fast taggers
	// decide every word of the fixtures and of bench's generated corpus,
	// and prose's model, some 46 MB of maps of strings, would otherwise be
	// marked by every garbage collection of the process for nothing.
	model  func() *prose.Model
	loaded atomic.Bool
}

// sharedPOS is the fast part-of-speech tagger, loaded once and only read:
// every Tagger and TagFast share it.
var sharedPOS = sync.OnceValues(newPOSTagger)

// New loads the fast taggers from prose's tagging and entity model data;
// prose's model itself is loaded the first time a text needs it. It is slow
// (hundreds of milliseconds): call it once per process.
func New() (*Tagger, error) {
	pos, err := sharedPOS()
	if err != nil {
		return nil, err
	}
	ents, err := newEntityTagger()
	if err != nil {
		return nil, err
	}
	t := &Tagger{pos: pos, ents: ents}
	t.model = sync.OnceValue(func() *prose.Model {
		t.loaded.Store(true)
		return prose.ModelFromData("crosscheck")
	})
	return t, nil
}

// Tag returns the words of text, one sentence, with the part-of-speech tags
// prose gives them: prose's words, tagged by the fast tagger, or by prose
// itself where that cannot tag a word.
func (t *Tagger) Tag(text string) ([]prose.Token, error) {
	toks := proseWords(text)
	if !t.pos.tagWords(toks) {
		pd, err := t.Document(text, false)
		if err != nil {
			return nil, err
		}
		return pd.Tokens(), nil
	}
	return toks, nil
}

// TagFast is Tag by the fast tagger alone, without prose's model: ok is
// false where a word needs prose's model or the fast tagger cannot be
// loaded.
func TagFast(text string) (toks []prose.Token, ok bool) {
	pos, err := sharedPOS()
	if err != nil {
		return nil, false
	}
	toks = proseWords(text)
	if !pos.tagWords(toks) {
		return nil, false
	}
	return toks, true
}

// Entities returns the named entities prose finds in text, one sentence or
// a short stretch of one: found by the fast taggers, or by prose where they
// cannot decide.
func (t *Tagger) Entities(text string) ([]prose.Entity, error) {
	toks, err := t.Tag(text)
	if err != nil {
		return nil, err
	}
	if ents, ok := t.ents.entities(toks); ok {
		return ents, nil
	}
	pd, err := t.Document(text, true)
	if err != nil {
		return nil, err
	}
	return pd.Entities(), nil
}

// Document is prose's own document of text, one sentence, tagged by prose's
// model and with its entities if entities is set. It loads prose's model
// the first time it is called.
func (t *Tagger) Document(text string, entities bool) (*prose.Document, error) {
	return prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(entities), prose.UsingModel(t.model()))
}

// ModelLoaded reports whether prose's own model has been loaded: whether
// any text so far needed it.
func (t *Tagger) ModelLoaded() bool {
	return t.loaded.Load()
}
