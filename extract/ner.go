package extract

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
// expressions per word. One feature, whether the word is in prose's list
// of basic English words, needs that list, which prose does not export;
// for a lower-case word the label is worked out both ways, and where the two
// differ the caller asks prose itself (entities reports false). The entities are prose's
// (TestEntitiesMatchProse).
type entityTagger struct {
	labels  []string
	mapping map[string]int // "feature-value-label" → index into weights
	weights []float64
}

// nerFeatures is prose's featureOrder: the order scores are summed in.
var nerFeatures = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

const nerWordList = 1 // index of "en-wordlist" in nerFeatures

func newEntityTagger() (*entityTagger, error) {
	var e entityTagger
	if err := readProseModel("Maxent", map[string]any{"labels.gob": &e.labels, "mapping.gob": &e.mapping, "weights.gob": &e.weights}); err != nil {
		return nil, err
	}
	return &e, nil
}

// entities labels tagged tokens and chunks them into entities as prose's
// entityExtracter does (classify and chunk in prose). It reports false
// when prose's word list could change a label, or prose would fail.
func (e *entityTagger) entities(toks []prose.Token) ([]prose.Entity, bool) {
	labels := make([]string, len(toks))
	history := make([]string, 0, len(toks))
	feats := make([]string, len(nerFeatures))
	var key []byte
	for i := range toks {
		nerFeaturesOf(toks, i, history, feats)
		var pick [2]string
		ways := []string{"True", "False"}
		if !mayBeBasic(toks[i].Text) {
			ways = ways[1:2]
		}
		for b, basic := range ways {
			feats[nerWordList] = basic
			best := math.Inf(-1)
			for _, label := range e.labels {
				total := 0.0
				for f, name := range nerFeatures {
					key = append(append(append(append(append(key[:0], name...), '-'), feats[f]...), '-'), label...)
					if idx, ok := e.mapping[string(key)]; ok {
						total += e.weights[idx]
					}
				}
				if total > best {
					best, pick[b] = total, label
				}
			}
		}
		if len(ways) == 1 {
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

// nerFeaturesOf fills feats (in nerFeatures order) for word i: prose's
// extract, quirks kept (the previous word's shape is read only from the
// third word on; the next tag is lower-cased).
func nerFeaturesOf(toks []prose.Token, i int, history []string, feats []string) {
	word := toks[i].Text
	lower := strings.ToLower(word)
	prevShape, prevTag, prevWord, prevPos := "None", "None", "None", "None"
	if i > 0 {
		prevWord, prevPos, prevTag = strings.ToLower(toks[i-1].Text), toks[i-1].Tag, history[i-1]
		if i > 1 {
			prevShape = wordShape(toks[i-1].Text)
		}
	}
	nextWord, nextPos := "None", "None"
	if i < len(toks)-1 {
		nextWord, nextPos = strings.ToLower(toks[i+1].Text), strings.ToLower(toks[i+1].Tag)
	}
	copy(feats, []string{
		"True", "", nextPos, nextWord, toks[i].Tag, toks[i].Tag + "+" + prevTag,
		strings.ToLower(word[:min(len(word), 3)]), prevPos, prevTag, prevWord, wordShape(word), prevShape + "+" + prevTag,
		strings.ToLower(word[len(word)-min(len(word), 3):]), word, lower + "+" + nextPos, lower, strconv.Itoa(len(word)),
	})
}

// wordShape is prose's shape: number, punct (ends in a character outside
// [0-9A-Za-z_]), downcase, upcase, mixedcase, or other.
func wordShape(w string) string {
	if _, err := strconv.ParseFloat(w, 64); err == nil {
		return "number"
	}
	if w == "" {
		return "other"
	}
	if c := w[len(w)-1]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return "punct"
	}
	switch {
	case strings.ToLower(w) == w:
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
	return strings.Split(label, "-")[0]
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
