package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Function words are the cheapest reliable signal of a text's language: in
// English news they are a third of all words, in other languages almost none.
var functionWords = map[string][]string{
	"English":    strings.Fields("the of and to in a is that for on with as was by it at from has have be are were said an its his her this which not but or"),
	"French":     strings.Fields("le la les de des et à un une est en du que qui dans pour sur au par pas avec sont ont été il elle"),
	"Spanish":    strings.Fields("el la los las de del y en un una es que por con para su se al lo como más fue han"),
	"German":     strings.Fields("der die das und ist von zu den mit sich des auf für nicht ein eine dem im sie wird wurde auch"),
	"Portuguese": strings.Fields("o a os as de do da dos das e em um uma é que para com não por mais foi"),
	"Italian":    strings.Fields("il la le di del della e è che per un una con non sono nel alla gli"),
}

// languages are functionWords' languages in order, so that a tie between
// two picks the same one every time; wordLangs holds, for every function
// word, the numbers of the languages it is one of.
var languages, wordLangs = func() ([]string, map[string][]int) {
	langs := slices.Sorted(maps.Keys(functionWords))
	m := make(map[string][]int)
	for i, lang := range langs {
		for _, w := range functionWords[lang] {
			m[w] = append(m[w], i)
		}
	}
	return langs, m
}()

// readsEnglish reports whether body reads as English. When it does not, it also
// says what it looks like instead, for the error message. It reads the
// body's words one at a time, lower-cased into a buffer, so that checking
// an article costs no copy of it.
func readsEnglish(body string) (string, bool) {
	if why, ok := readsLatin(body); !ok {
		return why, false
	}
	counts := make([]int, len(languages))
	words := 0
	var buf [64]byte
	word := buf[:0]
	end := func() {
		if len(word) > 0 {
			words++
			for _, l := range wordLangs[string(word)] {
				counts[l]++
			}
			word = word[:0]
		}
	}
	for _, r := range body {
		if !unicode.IsLetter(r) && r != '\'' {
			end()
			continue
		}
		word = utf8.AppendRune(word, unicode.ToLower(r))
	}
	end()
	// Short texts carry too little signal to reject.
	if words < 25 {
		return "", true
	}
	english := slices.Index(languages, "English")
	best := english
	for l, n := range counts {
		if n > counts[best] || (n == counts[best] && l < best && l != english) {
			best = l
		}
	}
	if best == english || counts[english]*10 >= words {
		return "", true
	}
	return fmt.Sprintf("looks like %s (%d of %d words are English function words)", languages[best], counts[english], words), false
}

// readsLatin reports whether most of body's letters are Latin, and when
// not, how many are not, for the error message.
func readsLatin(body string) (string, bool) {
	var letters, latin int
	for _, r := range body {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters > 0 && latin*2 < letters {
		return fmt.Sprintf("mostly non-Latin script (%d of %d letters)", letters-latin, letters), false
	}
	return "", true
}
