package prosetag

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// posTagger is prose's averaged-perceptron part-of-speech tagger, read from
// prose's own model data and given the same features, but laid out for
// speed: prose builds a map of feature strings for every token and sums
// scores in another map, which made tagging half of tokenizing. Here a
// feature's weights are a short run indexed by class, found by the
// feature's value alone: one lookup of a word gives its weights as this
// word, the previous, the next and so on, and serves the five words whose
// features read it. Scores live in an array. The tags are prose's
// (TestTaggerMatchesProse), except where two classes score exactly the
// same: prose then picks one at random by map order, this picks the first
// class.
type posTagger struct {
	classes []string
	known   map[string]string // words with one tag in training, tagged without features
	bias    []classWeight
	values  map[string]int32 // a feature value → its entry in entries
	entries []posEntry
	weights []classWeight  // the runs entries point into
	pref1   [256]*posEntry // the entry of every first byte, as "i pref1" reads it
	// tagNums numbers the classes and the two start tags, and tagEnts and
	// tagPairs hold the entries of those tags and of every pair of them
	// ("i tag+i-2 tag"), so that a word's previous tags cost no map lookup
	// and its tag pair no string built and looked up.
	tagNums  map[string]int
	tagEnts  []*posEntry
	tagPairs []*posEntry // [a*len(tagEnts)+b] is the entry of "a b"
}

// posEntry holds, for one feature value, the run of weights of every
// feature template that has it.
type posEntry [numTemplates]struct{ off, n int32 }

// The feature templates of prose's featurize but "bias", which has no value.
const (
	tSuffix     = iota // "i suffix"
	tPref1             // "i pref1"
	tTag1              // "i-1 tag"
	tTag2              // "i-2 tag"
	tTags              // "i tag+i-2 tag": both tags, space-separated
	tWord              // "i word"
	tTagWord           // "i-1 tag+i word": tag and word, space-separated
	tPrevWord          // "i-1 word"
	tPrevSuffix        // "i-1 suffix"
	tPrev2Word         // "i-2 word"
	tNextWord          // "i+1 word"
	tNextSuffix        // "i+1 suffix"
	tNext2Word         // "i+2 word"
	numTemplates
)

var posTemplates = [numTemplates]string{
	tSuffix: "i suffix", tPref1: "i pref1", tTag1: "i-1 tag", tTag2: "i-2 tag",
	tTags: "i tag+i-2 tag", tWord: "i word", tTagWord: "i-1 tag+i word",
	tPrevWord: "i-1 word", tPrevSuffix: "i-1 suffix", tPrev2Word: "i-2 word",
	tNextWord: "i+1 word", tNextSuffix: "i+1 suffix", tNext2Word: "i+2 word",
}

type classWeight struct {
	class int
	w     float64
}

// newPOSTagger loads the tagger from the model data prose ships.
func newPOSTagger() (*posTagger, error) {
	var (
		classes []string
		known   map[string]string
		weights map[string]map[string]float64
	)
	if err := readProseModel("AveragedPerceptron", map[string]any{"classes.gob": &classes, "tags.gob": &known, "weights.gob": &weights}); err != nil {
		return nil, err
	}
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	t := &posTagger{classes: classes, known: known, values: make(map[string]int32)}
	run := func(ws map[string]float64) []classWeight {
		cws := make([]classWeight, 0, len(ws))
		for label, w := range ws {
			i, ok := index[label]
			if !ok {
				// prose scores labels, not classes; keep any it could pick.
				i = len(t.classes)
				index[label] = i
				t.classes = append(t.classes, label)
			}
			cws = append(cws, classWeight{i, w})
		}
		return cws
	}
	for feat, ws := range weights {
		if feat == "bias" {
			t.bias = run(ws)
			continue
		}
		for k, tmpl := range posTemplates {
			v, ok := strings.CutPrefix(feat, tmpl+" ")
			if !ok {
				continue
			}
			e, ok := t.values[v]
			if !ok {
				e = int32(len(t.entries))
				t.values[v] = e
				t.entries = append(t.entries, posEntry{})
			}
			cws := run(ws)
			t.entries[e][k] = struct{ off, n int32 }{int32(len(t.weights)), int32(len(cws))}
			t.weights = append(t.weights, cws...)
		}
	}
	for b := range t.pref1 {
		t.pref1[b] = t.entry(string(rune(b)))
	}
	tags := append([]string{"-START-", "-START2-"}, t.classes...)
	t.tagNums = make(map[string]int, len(tags))
	t.tagEnts = make([]*posEntry, len(tags))
	t.tagPairs = make([]*posEntry, len(tags)*len(tags))
	for i, a := range tags {
		t.tagNums[a] = i
		t.tagEnts[i] = t.entry(a)
		for j, b := range tags {
			t.tagPairs[i*len(tags)+j] = t.entry(a + " " + b)
		}
	}
	return t, nil
}

// entry is the entry of feature value v, or nil if no feature has it.
func (t *posTagger) entry(v string) *posEntry {
	if e, ok := t.values[v]; ok {
		return &t.entries[e]
	}
	return nil
}

// readProseModel decodes the gob files of one of the model folders prose
// ships into the values given by file name.
func readProseModel(folder string, files map[string]any) error {
	for name, into := range files {
		data, err := prose.Asset("model/" + folder + "/" + name)
		if err != nil {
			return fmt.Errorf("load prose model %s/%s: %w", folder, name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(into); err != nil {
			return fmt.Errorf("decode prose model %s/%s: %w", folder, name, err)
		}
	}
	return nil
}

// tagWords sets the tags of the words of one sentence, in order, as prose's
// tagger would (perceptronTagger.tag in prose). It reports false when a
// word is one whose tag prose takes from a list this tagger does not hold
// (emoticons); the caller then asks prose itself.
func (t *posTagger) tagWords(toks []prose.Token) bool {
	var ctxBuf [64]string
	ctx := ctxBuf[:0]
	if len(toks)+4 > len(ctxBuf) {
		ctx = make([]string, 0, len(toks)+4)
	}
	ctx = append(ctx, "-START-", "-START2-")
	for _, tok := range toks {
		if mayBeEmoticon(tok.Text) {
			return false
		}
		ctx = append(ctx, normalizeWord(tok.Text))
	}
	ctx = append(ctx, "-END-", "-END2-")

	// The entries of every word of ctx, as a word and by its suffix.
	var entBuf [2 * len(ctxBuf)]*posEntry
	ents := entBuf[:]
	if len(ctx) > len(ctxBuf) {
		ents = make([]*posEntry, 2*len(ctx))
	}
	wordEnts, suffixEnts := ents[:len(ctx)], ents[len(ctx):2*len(ctx)]
	for k, c := range ctx {
		wordEnts[k] = t.entry(c)
		suffixEnts[k] = t.entry(c[len(c)-min(len(c), 3):])
	}
	var (
		scoreBuf [64]float64
		seenBuf  [64]bool
	)
	scores, seen := scoreBuf[:0], seenBuf[:0]
	if len(t.classes) > len(scoreBuf) {
		scores, seen = make([]float64, 0, len(t.classes)), make([]bool, 0, len(t.classes))
	}
	scores, seen = scores[:len(t.classes)], seen[:len(t.classes)]
	p1, p2 := "-START-", "-START2-"
	n1, n2 := t.tagNums[p1], t.tagNums[p2]
	for i := range toks {
		w := toks[i].Text
		var tag string
		switch {
		case w == "-":
			tag = "-"
		case strings.ContainsRune(w, '.') && commonregex.LinkRegex.MatchString(w),
			strings.ContainsRune(w, '@') && commonregex.EmailRegex.MatchString(w),
			strings.HasPrefix(w, "@"):
			tag = "NN"
		case (w == "0" || w[0] == '*') && noneWord.MatchString(w):
			tag = "-NONE-"
		case w[0] == '-' && keepWord.MatchString(w):
			tag = w
		default:
			var ok bool
			if tag, ok = t.known[w]; !ok {
				tag = t.predict(i, ctx, w, p1, p2, n1, n2, wordEnts, suffixEnts, scores, seen)
			}
		}
		toks[i].Tag = tag
		n, ok := t.tagNums[tag]
		if !ok {
			n = -1 // a tag prose fixes that is no class ("-")
		}
		p2, p1 = p1, tag
		n2, n1 = n1, n
	}
	return true
}

// The patterns prose's tagger gives fixed tags (tag.go in prose).
var (
	noneWord = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepWord = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// predict scores prose's fourteen features of word i (featurize in prose),
// in prose's order: the previous tags are p1 and p2, numbered n1 and n2
// (tagNums, -1 for a tag that is no class), and wordEnts and suffixEnts
// hold the entries of ctx.
func (t *posTagger) predict(i int, ctx []string, w, p1, p2 string, n1, n2 int, wordEnts, suffixEnts []*posEntry, scores []float64, seen []bool) string {
	clear(scores)
	clear(seen)
	i = min(len(ctx)-2, i+2)
	add := func(e *posEntry, tmpl int) {
		if e == nil {
			return
		}
		r := e[tmpl]
		for _, cw := range t.weights[r.off : r.off+r.n] {
			scores[cw.class] += cw.w
			seen[cw.class] = true
		}
	}
	var keyBuf [64]byte
	pair := func(a, b string) *posEntry {
		key := append(append(append(keyBuf[:0], a...), ' '), b...)
		if e, ok := t.values[string(key)]; ok {
			return &t.entries[e]
		}
		return nil
	}
	for _, cw := range t.bias {
		scores[cw.class] += cw.w
		seen[cw.class] = true
	}
	add(t.entry(w[len(w)-min(len(w), 3):]), tSuffix)
	add(t.pref1[w[0]], tPref1)
	var e1, e2, e12 *posEntry
	if n1 >= 0 && n2 >= 0 {
		e1, e2, e12 = t.tagEnts[n1], t.tagEnts[n2], t.tagPairs[n1*len(t.tagEnts)+n2]
	} else {
		e1, e2, e12 = t.entry(p1), t.entry(p2), pair(p1, p2)
	}
	add(e1, tTag1)
	add(e2, tTag2)
	add(e12, tTags)
	add(wordEnts[i], tWord)
	add(pair(p1, ctx[i]), tTagWord)
	add(wordEnts[i-1], tPrevWord)
	add(suffixEnts[i-1], tPrevSuffix)
	add(wordEnts[i-2], tPrev2Word)
	add(wordEnts[i+1], tNextWord)
	add(suffixEnts[i+1], tNextSuffix)
	add(wordEnts[i+2], tNext2Word)
	best, class := math.Inf(-1), ""
	for c, s := range scores {
		if seen[c] && s > best {
			best, class = s, t.classes[c]
		}
	}
	return class
}

// normalizeWord is prose's normalize: the form of a word its features use.
func normalizeWord(w string) string {
	if w == "" {
		return w
	}
	switch {
	case strings.Contains(w, "-") && w[0] != '-':
		return "!HYPHEN"
	case len(w) == 4 && isInt(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func isInt(s string) bool {
	if s[0] != '+' && s[0] != '-' && (s[0] < '0' || s[0] > '9') {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// mayBeEmoticon reports whether prose could tag w as an emoticon ("SYM"
// from its list of them). Every face in that list is one of a few
// letter-and-digit ones, has an underscore, or starts or ends with a
// character that is not a letter or digit and holds one of the characters
// faces are drawn with; times and ratios ("10:30", "24/7") are not faces.
func mayBeEmoticon(w string) bool {
	if len(w) < 2 {
		return false
	}
	switch w {
	case "8D", "8-D", "xD", "xDD", "XDD", "O.o":
		return true
	}
	if strings.Contains(w, "_") {
		return true
	}
	alnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	return (!alnum(w[0]) || !alnum(w[len(w)-1])) && strings.ContainsAny(w, ":;=()[]{}^|*\\/`¯<>")
}
