package extract

import (
	"fmt"
	"strings"
	"unicode"
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

var wordLang = func() map[string][]string {
	m := make(map[string][]string)
	for lang, words := range functionWords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// readsEnglish reports whether body reads as English. When it does not, it also
// says what it looks like instead, for the error message.
func readsEnglish(body string) (string, bool) {
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
	counts := make(map[string]int)
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(body), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		for _, lang := range wordLang[w] {
			counts[lang]++
		}
	}
	// Short texts carry too little signal to reject.
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
