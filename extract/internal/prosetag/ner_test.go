package prosetag

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// TestEntitiesMatchProse: the fast entity tagger finds, in whole sentences
// and in windows around runs of proper nouns (two words before, one after,
// as extract's tokenizer looks at names), the entities prose finds, or
// hands the text to prose. Texts with a repeated stretch are left out, as
// in TestTaggerMatchesProse.
func TestEntitiesMatchProse(t *testing.T) {
	tk, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seg, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	var compared, fallback, found int
	check := func(text string, toks []prose.Token) {
		seen := make(map[string]bool)
		for _, w := range strings.Fields(text) {
			if seen[w] {
				return // prose shares one token between repeated stretches
			}
			seen[w] = true
		}
		got, ok := tk.ents.entities(toks)
		if !ok {
			fallback++
			return
		}
		pd, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(tk.model()))
		if err != nil {
			t.Fatal(err)
		}
		want := pd.Entities()
		compared++
		found += len(want)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("entities(%q) mismatch (-prose +got):\n%s", text, diff)
		}
	}
	tag := func(text string) []prose.Token {
		toks, err := tk.Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		return toks
	}
	for _, text := range testTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			for _, s := range seg.Tokenize(line) {
				sentence := strings.TrimSpace(s.Text)
				if sentence == "" {
					continue
				}
				toks := tag(sentence)
				check(sentence, toks)
				spans := tokenSpans(sentence, toks)
				if spans == nil {
					continue
				}
				for i := 0; i < len(toks); {
					if !properNoun(toks[i]) {
						i++
						continue
					}
					j := i + 1
					for j < len(toks) && properNoun(toks[j]) {
						j++
					}
					window := sentence[spans[max(i-2, 0)][0]:spans[min(j, len(toks)-1)][1]]
					check(window, tag(window))
					i = j
				}
			}
		}
	}
	t.Logf("%d texts compared (%d entities), %d handed to prose", compared, found, fallback)
	if compared < 1000 || found < 500 {
		t.Errorf("only %d texts and %d entities compared", compared, found)
	}
}

// properNoun reports whether tok is a capitalised proper noun.
func properNoun(tok prose.Token) bool {
	return (tok.Tag == "NNP" || tok.Tag == "NNPS") && tok.Text[0] >= 'A' && tok.Text[0] <= 'Z'
}

// tokenSpans is where each token of toks is in text, or nil where one is
// not there as it is (prose rewrites quotes).
func tokenSpans(text string, toks []prose.Token) [][2]int {
	spans := make([][2]int, len(toks))
	off := 0
	for k, tok := range toks {
		i := strings.Index(text[off:], tok.Text)
		if i < 0 {
			return nil
		}
		spans[k] = [2]int{off + i, off + i + len(tok.Text)}
		off += i + len(tok.Text)
	}
	return spans
}
