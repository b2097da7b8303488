package prosetag

import (
	"math"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
)

// entityTagger is prose's maximum-entropy named-entity classifier, read from
// prose's own model data, with prose's features and chunking, laid out for
// speed as posTagger is: prose joins three strings into a map key for every
// feature of every label of every word, and compiles two regular
// expressions per word; here one key per feature, built in a reused
// buffer, finds the weights that feature gives every label. One feature,
// whether the word is in prose's list of basic English words, needs that
// list, which prose does not export; for a lower-case word the label is
// worked out both ways, and where the two differ the caller asks prose
// itself (entities reports false). The entities are prose's
// (TestEntitiesMatchProse).
type entityTagger struct {
	labels []string
	// features maps "feature-value" to its non-zero weights, one per label
	// at most: prose's "feature-value-label" keys split at the label.
	features map[string][]classWeight
	wordList [2][]classWeight // the word-list feature's weights, True and False
}

// nerFeatures is prose's featureOrder: the order scores are summed in.
var nerFeatures = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

const nerWordList = 1 // index of "en-wordlist" in nerFeatures

func newEntityTagger() (*entityTagger, error) {
	var (
		labels  []string
		mapping map[string]int
		weights []float64
	)
	if err := readProseModel("Maxent", map[string]any{"labels.gob": &labels, "mapping.gob": &mapping, "weights.gob": &weights}); err != nil {
		return nil, err
	}
	e := &entityTagger{labels: labels, features: make(map[string][]classWeight, len(mapping))}
	for key, idx := range mapping {
		// A key is split at every label it ends with; a lookup of
		// "feature-value" then finds exactly the labels prose's
		// "feature-value-label" lookups would.
		for li, label := range labels {
			if len(key) > len(label) && key[len(key)-len(label)-1] == '-' && strings.HasSuffix(key, label) {
				fv := key[:len(key)-len(label)-1]
				e.features[fv] = append(e.features[fv], classWeight{li, weights[idx]})
			}
		}
	}
	e.wordList = [2][]classWeight{e.features["en-wordlist-True"], e.features["en-wordlist-False"]}
	return e, nil
}

// entities labels tagged tokens and chunks them into entities as prose's
// entityExtracter does (classify and chunk in prose). It reports false
// when prose's word list could change a label, or prose would fail.
func (e *entityTagger) entities(toks []prose.Token) ([]prose.Entity, bool) {
	labels := make([]string, len(toks))
	history := make([]string, 0, len(toks))
	shapes := make([]string, len(toks))
	for i, tok := range toks {
		shapes[i] = wordShape(tok.Text)
	}
	var (
		feats  [len(nerFeatures)][]classWeight
		keyBuf [64]byte
	)
	key := keyBuf[:0]
	totals := make([]float64, len(e.labels))
	for i := range toks {
		key = e.lookupFeatures(toks, i, history, shapes, &feats, key)
		var pick [2]string
		ways := 1 // the word-list feature False only
		if mayBeBasic(toks[i].Text) {
			ways = 2 // True, then False
		}
		for b := range ways {
			feats[nerWordList] = e.wordList[b+2-ways]
			clear(totals)
			// Per label, weights are added in feature order, as prose
			// sums them.
			for _, ws := range feats {
				for _, cw := range ws {
					totals[cw.class] += cw.w
				}
			}
			best := math.Inf(-1)
			for li, label := range e.labels {
				if totals[li] > best {
					best, pick[b] = totals[li], label
				}
			}
		}
		if ways == 1 {
			pick[1] = pick[0]
		}
		if pick[0] != pick[1] || pick[0] == "" {
			return nil, false
		}
		labels[i] = pick[0]
		history = append(history, simpleLabel(pick[0]))
	}
	return chunkEntities(toks, labels)
}

// mayBeBasic reports whether w could be in prose's basic English list,
// whose words are lower-case letters, but for "I".
func mayBeBasic(w string) bool {
	if w == "I" {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// lookupFeatures fills feats (in nerFeatures order, the word-list feature
// left to the caller) with the weights of word i's features: prose's
// extract, quirks kept (the previous word's shape is read only from the
// third word on; the next tag is lower-cased). shapes holds every word's
// shape; key is scratch space, returned for reuse.
func (e *entityTagger) lookupFeatures(toks []prose.Token, i int, history, shapes []string, feats *[len(nerFeatures)][]classWeight, key []byte) []byte {
	word, tag := toks[i].Text, toks[i].Tag
	prevShape, prevTag, prevWord, prevPos := "None", "None", "None", "None"
	if i > 0 {
		prevWord, prevPos, prevTag = toks[i-1].Text, toks[i-1].Tag, history[i-1]
		if i > 1 {
			prevShape = shapes[i-1]
		}
	}
	nextWord, nextPos := "None", "None"
	if i < len(toks)-1 {
		nextWord, nextPos = toks[i+1].Text, toks[i+1].Tag
	}
	// Each key is "feature-value". A neighbour's word and the next tag are
	// lower-cased, but not the "None" that stands for a missing one.
	value := func(s string, lower bool) {
		if lower {
			key = AppendLower(key, s)
		} else {
			key = append(key, s...)
		}
	}
	lookup := func(f int, s string, lower bool) {
		key = append(append(key[:0], nerFeatures[f]...), '-')
		value(s, lower)
		feats[f] = e.features[string(key)]
	}
	lookupPair := func(f int, a string, lowerA bool, b string, lowerB bool) {
		key = append(append(key[:0], nerFeatures[f]...), '-')
		value(a, lowerA)
		key = append(key, '+')
		value(b, lowerB)
		feats[f] = e.features[string(key)]
	}
	hasPrev, hasNext := i > 0, i < len(toks)-1
	lookup(0, "True", false)
	lookup(2, nextPos, hasNext)
	lookup(3, nextWord, hasNext)
	lookup(4, tag, false)
	lookupPair(5, tag, false, prevTag, false)
	lookup(6, word[:min(len(word), 3)], true)
	lookup(7, prevPos, false)
	lookup(8, prevTag, false)
	lookup(9, prevWord, hasPrev)
	lookup(10, shapes[i], false)
	lookupPair(11, prevShape, false, prevTag, false)
	lookup(12, word[len(word)-min(len(word), 3):], true)
	lookup(13, word, false)
	lookupPair(14, word, true, nextPos, hasNext)
	lookup(15, word, true)
	lookup(16, strconv.Itoa(len(word)), false)
	return key
}

// AppendLower appends strings.ToLower(s) to b, without allocating for
// ASCII text.
func AppendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// wordShape is prose's shape: number, punct (ends in a character outside
// [0-9A-Za-z_]), downcase, upcase, mixedcase, or other.
func wordShape(w string) string {
	// Whatever ParseFloat reads has a digit or is an "inf" or a "nan";
	// asking it of every word costs an error value each.
	if strings.ContainsAny(w, "0123456789nN") {
		if _, err := strconv.ParseFloat(w, 64); err == nil {
			return "number"
		}
	}
	if w == "" {
		return "other"
	}
	if c := w[len(w)-1]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return "punct"
	}
	switch {
	case isLower(w):
		return "downcase"
	case strings.Title(w) == w: //nolint:staticcheck // prose's own test, kept for its labels
		return "upcase"
	}
	return "mixedcase"
}

// simpleLabel is prose's simplePOS applied to an entity label.
func simpleLabel(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	before, _, _ := strings.Cut(label, "-")
	return before
}

// isLower reports whether strings.ToLower(w) == w.
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 {
			return strings.ToLower(w) == w
		} else if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// chunkEntities is prose's chunk and coalesce: runs of labelled words, and
// of words with the tag of the word before, become entities.
func chunkEntities(toks []prose.Token, labels []string) ([]prose.Entity, bool) {
	var (
		out   []prose.Entity
		end   string
		parts []int
	)
	for i, tok := range toks {
		label := labels[i]
		n := len(parts)
		switch {
		case (label != "O" && label != end) ||
			(n > 0 && tok.Tag == toks[parts[n-1]].Tag) ||
			(n > 0 && tok.Tag == "CD" && labels[parts[n-1]] != "O"):
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		case (label == "O" && end != "") || label == end:
			if label != "O" {
				parts = append(parts, i)
			}
			words := make([]string, len(parts))
			ls := make([]string, len(parts))
			for k, p := range parts {
				words[k], ls[k] = toks[p].Text, labels[p]
			}
			var kind string
			if len(ls) == 2 && (ls[0] == "B-PERSON" || ls[1] == "B-PERSON") {
				kind = "PERSON"
			} else if _, after, ok := strings.Cut(ls[0], "-"); ok {
				kind, _, _ = strings.Cut(after, "-")
			} else {
				return nil, false // prose would panic here
			}
			out = append(out, prose.Entity{Text: strings.Join(words, " "), Label: kind})
			end, parts = "", nil
		}
	}
	return out, true
}
