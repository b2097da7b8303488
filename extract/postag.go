package extract

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
// scores in another map, which made tagging half of tokenizing. Here the
// feature keys are built in one reused buffer, each feature's weights are a
// short slice indexed by class, and scores live in an array. The tags are
// prose's (TestTaggerMatchesProse), except where two classes score exactly
// the same: prose then picks one at random by map order, this picks the
// first class.
type posTagger struct {
	classes []string
	known   map[string]string        // words with one tag in training, tagged without features
	weights map[string][]classWeight // feature key → its non-zero weights
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
	t := &posTagger{classes: classes, known: known, weights: make(map[string][]classWeight, len(weights))}
	for feat, ws := range weights {
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
		t.weights[feat] = cws
	}
	return t, nil
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

// tagWords tags the words of one sentence, in order, as prose's tagger would
// (perceptronTagger.tag in prose). It reports false when a word is one
// whose tag prose takes from a list this tagger does not hold (emoticons);
// the caller then asks prose itself.
func (t *posTagger) tagWords(words []string, tags []string) bool {
	var ctxBuf [64]string
	ctx := ctxBuf[:0]
	if len(words)+4 > len(ctxBuf) {
		ctx = make([]string, 0, len(words)+4)
	}
	ctx = append(ctx, "-START-", "-START2-")
	for _, w := range words {
		if mayBeEmoticon(w) {
			return false
		}
		ctx = append(ctx, normalizeWord(w))
	}
	ctx = append(ctx, "-END-", "-END2-")

	var buf []byte
	scores := make([]float64, len(t.classes))
	seen := make([]bool, len(t.classes))
	p1, p2 := "-START-", "-START2-"
	for i, w := range words {
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
				tag = t.predict(i, ctx, w, p1, p2, &buf, scores, seen)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
	return true
}

// The patterns prose's tagger gives fixed tags (tag.go in prose).
var (
	noneWord = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepWord = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// predict scores prose's fourteen features of word i (featurize in prose).
func (t *posTagger) predict(i int, ctx []string, w, p1, p2 string, buf *[]byte, scores []float64, seen []bool) string {
	clear(scores)
	clear(seen)
	i = min(len(ctx)-2, i+2)
	prev, next := ctx[i-1], ctx[i+1]
	feature := func(parts ...string) {
		b := (*buf)[:0]
		for k, p := range parts {
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, p...)
		}
		*buf = b
		for _, cw := range t.weights[string(b)] {
			scores[cw.class] += cw.w
			seen[cw.class] = true
		}
	}
	feature("bias")
	feature("i suffix", w[len(w)-min(len(w), 3):])
	feature("i pref1", string(rune(w[0])))
	feature("i-1 tag", p1)
	feature("i-2 tag", p2)
	feature("i tag+i-2 tag", p1, p2)
	feature("i word", ctx[i])
	feature("i-1 tag+i word", p1, ctx[i])
	feature("i-1 word", prev)
	feature("i-1 suffix", prev[len(prev)-min(len(prev), 3):])
	feature("i-2 word", ctx[i-2])
	feature("i+1 word", next)
	feature("i+1 suffix", next[len(next)-min(len(next), 3):])
	feature("i+2 word", ctx[i+2])
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
	first := string(rune(w[0]))
	switch {
	case strings.Contains(w, "-") && first != "-":
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
