package extract

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v2"
)

// proseTokens is prose's own tokenizer on text, or ok false if it panics.
func proseTokens(text string) (toks []prose.Token, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	pd, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	return pd.Tokens(), true
}

// fastTokens is proseWords on text, or ok false if it panics.
func fastTokens(text string) (toks []prose.Token, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return proseWords(text), true
}

// TestWordsMatchProse: proseWords cuts the fixture articles, the seeds,
// generated articles and prose's corner cases into prose's words.
func TestWordsMatchProse(t *testing.T) {
	texts := proseTestTexts(t)
	texts = append(texts,
		"", " ", "  a  b\t\tc \n d\u00a0e\u2028f ", "He'll say they're sure I'm not, won't he? 'sa 's",
		"“Quoted” ‘words’ &rsquo;s it's (“nested”) [brackets] $5.00, $(x)",
		"U.S. U.K. Mr. Inc. Mrs. A.B. a.b.c.d. Abc. ABc. St.. (U.S.)",
		"8D :) :-) (-8 (╯°□°）╯︵┻━┻ ¯\\(ツ)/¯ O.o xDD -__-",
		"İSN'T KELVİN'S \u212a'LL Ⱥ'S ÀN'T don't DON'T n't 'll",
		"end... \"quote.\" (paren), [x]! ;y: 'z'",
		"invalid \xff\xfe bytes \xe2\x80 cut",
	)
	words := 0
	for _, text := range texts {
		for _, line := range append(strings.Split(text, "\n"), text) {
			want, wantOK := proseTokens(line)
			got, gotOK := fastTokens(line)
			if gotOK != wantOK {
				t.Errorf("proseWords(%q) panics %v, prose %v", line, !gotOK, !wantOK)
				continue
			}
			words += len(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("proseWords(%q) mismatch (-prose +got):\n%s", line, diff)
			}
		}
	}
	if words < 20000 {
		t.Errorf("only %d words compared", words)
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
	texts := proseTestTexts(t)
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
