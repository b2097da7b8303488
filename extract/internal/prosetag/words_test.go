package prosetag

import (
	"strings"
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
	texts := testTexts(t)
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

// FuzzWordsMatchProse: proseWords cuts any text into prose's words, and
// panics where prose does.
func FuzzWordsMatchProse(f *testing.F) {
	for _, s := range []string{
		"He'll say they're sure I'm not, won't he? 'sa 's",
		"“Quoted” ‘words’ &rsquo;s (“nested”) [brackets] $5.00, $(x)",
		"U.S. Mr. Inc. A.B. a.b.c.d. Abc. ABc. (U.S.) 8D :) ¯\\(ツ)/¯",
		"İSN'T \u212a'LL Ⱥ'S  a\u00a0b\n c",
		"invalid \xff\xfe bytes \xe2\x80 cut",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want, wantOK := proseTokens(text)
		got, gotOK := fastTokens(text)
		if gotOK != wantOK {
			t.Fatalf("proseWords(%q) panics %v, prose %v", text, !gotOK, !wantOK)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("proseWords(%q) mismatch (-prose +got):\n%s", text, diff)
		}
	})
}
