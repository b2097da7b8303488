package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// readsEnglishWhole is readsEnglish as it was first written: the body
// lower-cased whole, then split into words, each compared with every
// function word. readsEnglish must judge every text as it does.
func readsEnglishWhole(body string) (string, bool) {
	if why, ok := readsLatin(body); !ok {
		return why, false
	}
	counts := make(map[string]int)
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(body), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		for lang, ws := range functionWords {
			for _, fw := range ws {
				if fw == w {
					counts[lang]++
				}
			}
		}
	}
	if words < 25 {
		return "", true
	}
	best := "English"
	for lang, n := range counts {
		if n > counts[best] || (n == counts[best] && lang < best && lang != "English") {
			best = lang
		}
	}
	if best == "English" || counts["English"]*10 >= words {
		return "", true
	}
	return fmt.Sprintf("looks like %s (%d of %d words are English function words)", best, counts["English"], words), false
}

func TestReadsEnglishAsWhole(t *testing.T) {
	texts := []string{
		"",
		"Short text.",
		strings.Repeat("Le conseil a déclaré que 40 personnes ont été évacuées de la vallée lundi. ", 4),
		strings.Repeat("Der Rat teilte mit, dass am Montag 40 Menschen aus dem Tal gebracht wurden. ", 4),
		strings.Repeat("El consejo dijo que 40 personas fueron evacuadas del valle el lunes por la tarde. ", 4),
		strings.Repeat("Il consiglio ha detto che 40 persone sono state evacuate dalla valle e non sono tornate. ", 4),
		strings.Repeat("Совет сообщил, что в понедельник из долины эвакуировали 40 человек. ", 4),
		strings.Repeat("THE COUNCIL SAID THAT 40 PEOPLE WERE MOVED FROM THE VALLEY ON MONDAY. ", 4),
		strings.Repeat("O conselho disse que 40 pessoas foram retiradas do vale e não voltaram para as casas. ", 4),
		strings.Repeat("İstanbul'un belediyesi ÇAĞRI yaptı; ǅemal and Ⅻ men said it's the river. ", 8),
	}
	paths, err := filepath.Glob("../fixtures/*/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no fixture articles found")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	rejected := 0
	for _, text := range texts {
		wantWhy, wantOK := readsEnglishWhole(text)
		gotWhy, gotOK := readsEnglish(text)
		if gotOK != wantOK || gotWhy != wantWhy {
			t.Errorf("readsEnglish(%.60q) = %q, %v; read whole, %q, %v", text, gotWhy, gotOK, wantWhy, wantOK)
		}
		if !wantOK {
			rejected++
		}
	}
	if rejected < 5 {
		t.Errorf("only %d of %d texts were rejected: the test no longer tries other languages", rejected, len(texts))
	}
}

// BenchmarkReadsEnglish is the language check of a 3 KB article.
func BenchmarkReadsEnglish(b *testing.B) {
	var bodies []string
	for _, g := range corpusgen.Generate(16, corpusgen.Options{Seed: 11}) {
		bodies = append(bodies, g.Text)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if why, ok := readsEnglish(bodies[i%len(bodies)]); !ok {
			b.Fatal(why)
		}
	}
}
