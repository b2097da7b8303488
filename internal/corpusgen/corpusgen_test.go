package corpusgen

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
)

// TestGenerate: articles parse, are about the asked size, are English, are
// deterministic for a seed and differ from each other except for copies.
func TestGenerate(t *testing.T) {
	arts := Generate(60, Options{Seed: 3})
	if len(arts) != 60 {
		t.Fatalf("Generate(60) returned %d articles", len(arts))
	}
	again := Generate(60, Options{Seed: 3})
	ids := make(map[string]string)
	copies := 0
	for i, ga := range arts {
		if ga.Text != again[i].Text {
			t.Fatalf("Generate is not deterministic: article %d differs", i)
		}
		a, err := extract.ParseArticle(ga.Name, []byte(ga.Text))
		if err != nil {
			t.Fatalf("ParseArticle(%s): %v", ga.Name, err)
		}
		if n := len(a.Body); n < 2500 || n > 4500 {
			t.Errorf("%s: body of %d bytes, want about 3000", ga.Name, n)
		}
		if a.Published == "" || a.Title == "" || strings.Contains(a.Body, "{") {
			t.Errorf("%s: published %q, title %q, or an unfilled template in:\n%s", ga.Name, a.Published, a.Title, a.Body)
		}
		if prev, ok := ids[a.ID]; ok {
			t.Errorf("%s has the same body as %s", ga.Name, prev)
		}
		ids[a.ID] = ga.Name
		if ga.CopyOf != "" {
			copies++
		}
	}
	if copies == 0 || copies > 20 {
		t.Errorf("%d syndicated copies among 60, want a few", copies)
	}
}
