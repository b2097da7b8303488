package extract

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// testTexts is the fixture articles, prosetag's testdata/prose.txt (names of people,
// places and organisations, figures, quotes and clitics) and 60 generated
// articles.
func testTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob("../fixtures/articles/*.txt")
	for _, f := range append(files, "internal/prosetag/testdata/prose.txt") {
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

// TestTokenizeLoadsNoProseModel: the fast taggers decide every word and
// name the tokenizer asks about in the fixture articles and generated
// articles, so it never loads prose's model for them, and a process's
// collector does not mark its maps. A text that needs prose still gets it.
func TestTokenizeLoadsNoProseModel(t *testing.T) {
	tk, err := NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	texts := testTexts(t)
	for _, text := range texts {
		a, err := ParseArticle("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tk.Tokenize(a.Body); err != nil {
			t.Fatal(err)
		}
	}
	if tk.tagger.ModelLoaded() {
		t.Errorf("Tokenize loaded prose's model for %d texts, want it not needed", len(texts))
	}
	// An emoticon, which prose tags from a list the fast tagger does not
	// hold, is tagged by prose.
	body := "The council said on Monday that sales of the flood app rose 12% in May, its makers said xD"
	doc, err := tk.Tokenize(body)
	if err != nil {
		t.Fatal(err)
	}
	if !tk.tagger.ModelLoaded() || len(doc.Sentences) != 1 || len(doc.Sentences[0].Tokens) == 0 {
		t.Errorf("Tokenize of a sentence with an emoticon: prose's model loaded %v, %+v; want loaded and tokens", tk.tagger.ModelLoaded(), doc)
	}
}

// TestTokenizeConcurrent: one Tokenizer used by several goroutines at once
// (as the pipeline's tokenize workers use it) gives every text the same
// Doc as when used by one. Under -race it also shows that the shared
// segmenter and taggers are only read while tokenizing.
func TestTokenizeConcurrent(t *testing.T) {
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	texts := testTexts(t)
	want := make([]Doc, len(texts))
	for i, text := range texts {
		if want[i], err = tk.Tokenize(text); err != nil {
			t.Fatal(err)
		}
	}
	const workers = 4
	got := make([][]Doc, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]Doc, len(texts))
		wg.Go(func() {
			// Each worker starts at another text, so that different texts
			// are tokenized at once.
			for j := range texts {
				i := (j + w*len(texts)/workers) % len(texts)
				doc, err := tk.Tokenize(texts[i])
				if err != nil {
					t.Error(err)
					return
				}
				got[w][i] = doc
			}
		})
	}
	wg.Wait()
	for w := range workers {
		if diff := cmp.Diff(want, got[w]); diff != "" {
			t.Fatalf("worker %d (-alone +concurrent):\n%s", w, diff)
		}
	}
}

// TestForeignNames checks that capitalised words with letters outside
// ASCII, which prose's tagger has not seen, are tagged as proper nouns.
func TestForeignNames(t *testing.T) {
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	body := "Erdoğan on Tuesday toured Kahramanmaraş with 40 aides."
	doc, err := tk.Tokenize(body)
	if err != nil {
		t.Fatal(err)
	}
	tags := make(map[string]string)
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			tags[tok.Text] = tok.Tag
		}
	}
	for _, w := range []string{"Erdoğan", "Kahramanmaraş"} {
		if tags[w] != "NNP" {
			t.Errorf("Tokenize(%q): %s tagged %q, want NNP", body, w, tags[w])
		}
	}
	if tags["aides"] == "NNP" {
		t.Errorf("Tokenize(%q): aides tagged NNP", body)
	}
}
