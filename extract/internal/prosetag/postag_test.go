package prosetag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// TestTaggerMatchesProse: the fast tagger gives the words of the fixture
// articles, testdata/prose.txt and generated articles the tag prose's own
// tagger gives them, words prose tags from its lists included. Words that occur
// twice in a line are left out: prose's tokenizer hands out one token for
// every copy of a repeated stretch of text, so prose reports the tag of its
// last copy for all of them ("Regional authorities ... Regional
// authorities" gives the first the second's tag), where this tags each in
// its place.
func TestTaggerMatchesProse(t *testing.T) {
	tk, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := testTexts(t)
	texts = append(texts,
		"Visit www.example.com or write to desk@example.org before 0 hours.",
		"The -LRB- token and * and *T*-1 stay as prose tags them, 8D :) x.",
		"Prices rose 4.5% to $1,200 in Q3, the CEO's well-known aide said.",
		"The polls closed at 10:30 after a 24/7 count; turnout was 3:1 and -5 degrees.",
		"Faces: O_o and (-8 and -__- and :-/ and ¯\\(ツ)/¯.",
	)
	words, mismatches := 0, 0
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			pd, err := prose.NewDocument(line, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(tk.model()))
			if err != nil {
				t.Fatal(err)
			}
			want := pd.Tokens()
			got, err := tk.Tag(line)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("Tag(%q): %d tokens, prose %d", line, len(got), len(want))
			}
			count := make(map[string]int)
			for _, w := range want {
				count[w.Text]++
			}
			for i := range want {
				if count[want[i].Text] > 1 {
					continue
				}
				words++
				if got[i].Tag != want[i].Tag {
					mismatches++
					if mismatches <= 10 {
						t.Errorf("Tag(%q): word %d %q tagged %s, prose %s", line, i, want[i].Text, got[i].Tag, want[i].Tag)
					}
				}
			}
		}
	}
	t.Logf("%d words, %d tagged differently from prose", words, mismatches)
	if words < 8000 {
		t.Errorf("only %d words compared", words)
	}
}

// TestTaggerRepeatedWords: a word that occurs twice is tagged in each place
// on its own context, not given the tag of its last copy as prose does.
func TestTaggerRepeatedWords(t *testing.T) {
	tk, err := New()
	if err != nil {
		t.Fatal(err)
	}
	first := "Regional authorities noted the worst had passed."
	alone, err := tk.Tag(first)
	if err != nil {
		t.Fatal(err)
	}
	both, err := tk.Tag(first + " Regional authorities repeated calm had returned.")
	if err != nil {
		t.Fatal(err)
	}
	for i := range alone {
		if both[i].Tag != alone[i].Tag {
			t.Errorf("Tag: word %d %q is %s followed by another sentence, %s alone", i, alone[i].Text, both[i].Tag, alone[i].Tag)
		}
	}
}

// testTexts is the text the fast taggers are compared with prose on:
// the fixture articles (../../../fixtures/articles), testdata/prose.txt (names of people, places and
// organisations, figures, quotes and clitics) and 60 generated articles.
func testTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob("../../../fixtures/articles/*.txt")
	for _, f := range append(files, "testdata/prose.txt") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, g := range corpusgen.Generate(60, corpusgen.Options{Seed: 9}) {
		texts = append(texts, g.Text)
	}
	return texts
}

// TestProseModelNotLoaded: the fast tagger tags every word of the fixture
// articles and generated articles, so tagging them never loads prose's
// model. A text that needs prose still gets it.
func TestProseModelNotLoaded(t *testing.T) {
	shared, err := New()
	if err != nil {
		t.Fatal(err)
	}
	loads := 0
	tk := &Tagger{pos: shared.pos, ents: shared.ents, model: func() *prose.Model { loads++; return shared.model() }}
	texts := testTexts(t)
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if _, err := tk.Tag(line); err != nil {
				t.Fatal(err)
			}
		}
	}
	if loads != 0 {
		t.Errorf("prose's model was asked for %d times in %d texts, want none", loads, len(texts))
	}
	// An emoticon, which prose tags from a list the fast tagger does not
	// hold, is tagged by prose.
	toks, err := tk.Tag("Sales rose 12% in May xD")
	if err != nil {
		t.Fatal(err)
	}
	if loads != 1 || len(toks) == 0 {
		t.Errorf("a sentence with an emoticon asked for prose's model %d times and got %d tokens, want once and some", loads, len(toks))
	}
	if _, ok := TagFast("Sales rose 12% in May xD"); ok {
		t.Errorf("TagFast tagged a sentence with an emoticon without prose")
	}
}
