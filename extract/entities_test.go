package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// TestEntitiesOnlyWhereRead: the tokenizer finds named entities only in
// sentences with a name of two words or more, to save time; the claims must
// be exactly those built with entities in every tagged sentence.
func TestEntitiesOnlyWhereRead(t *testing.T) {
	files, err := filepath.Glob("../fixtures/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture articles: %v", err)
	}
	var arts []Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseArticle(f, data)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	for _, g := range corpusgen.Generate(24, corpusgen.Options{Seed: 5}) {
		a, err := ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	gated, err := NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	all := &Tokenizer{seg: gated.seg, tagger: gated.tagger, ner: nerAll}
	skipped := 0
	for _, a := range arts {
		want, err := all.Tokenize(a.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := gated.Tokenize(a.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Sentences {
			if len(s.Tokens) > 0 && s.Entities == nil {
				skipped++
			}
		}
		if diff := cmp.Diff(Claims(a, want), Claims(a, got)); diff != "" {
			t.Errorf("Claims(%s) with entities only where read differ from entities everywhere (-want +got):\n%s", a.File, diff)
		}
	}
	if skipped == 0 {
		t.Errorf("every tagged sentence got entities: the gate saves nothing")
	}
}

func TestCapitalPair(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Pavel Durov built it.", true},
		{"the Bank of England said", true},
		{`"Iran will block it," he said.`, false},
		{"In 2017, 40 million used it.", false},
		{"He met (Ali Khamenei) later.", true},
		{"prices of Oil rose", false},
	} {
		if got := capitalPair(tc.in); got != tc.want {
			t.Errorf("capitalPair(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
