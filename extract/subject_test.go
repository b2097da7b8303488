package extract

import (
	"math/rand/v2"
	"testing"
)

// TestOneEdit checks oneEdit against edit distance by dynamic programming
// on random short strings over a small alphabet, so near misses abound.
func TestOneEdit(t *testing.T) {
	distance := func(a, b string) int {
		ra, rb := []rune(a), []rune(b)
		prev := make([]int, len(rb)+1)
		cur := make([]int, len(rb)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(ra); i++ {
			cur[0] = i
			for j := 1; j <= len(rb); j++ {
				cost := 1
				if ra[i-1] == rb[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev, cur = cur, prev
		}
		return prev[len(rb)]
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abé")
	word := func() string {
		w := make([]rune, r.IntN(6))
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(w)
	}
	ones := 0
	for range 20000 {
		a, b := word(), word()
		want := distance(a, b) == 1
		if want {
			ones++
		}
		if got := oneEdit(a, b); got != want {
			t.Fatalf("oneEdit(%q, %q) = %v, edit distance %d", a, b, got, distance(a, b))
		}
	}
	if ones < 1000 {
		t.Errorf("only %d pairs one edit apart", ones)
	}
}

// TestProperNoun: a proper-noun tag (or camel case) with a capital in any
// script makes a name.
func TestProperNoun(t *testing.T) {
	tests := []struct {
		text, tag string
		want      bool
	}{
		{"Halvorsk", "NNP", true},
		{"Łódź", "NNP", true},
		{"ǅakovica", "NNP", true}, // "ǅ" is title case, not upper case
		{"école", "NNP", false},
		{"Monday", "NNP", false},
		{"Ørsund", "NN", false},
		{"ÆrøMail", "NN", true},
	}
	for _, tt := range tests {
		if got := properNoun([]Token{{Text: tt.text, Tag: tt.tag}}, 0); got != tt.want {
			t.Errorf("properNoun(%s/%s) = %v, want %v", tt.text, tt.tag, got, tt.want)
		}
	}
}

// TestPronounTakesUpSubject checks that "he" takes up the first person of
// the sentence before, its subject, not the last person it names.
func TestPronounTakesUpSubject(t *testing.T) {
	got := claimsOf(t, "2025-03-14", "President Arvo Lindqvist said 2,410 people had died, up from the 1,880 that Health Minister Pekka Salonen gave. On Wednesday he visited the port of Kessel.")
	for _, c := range got {
		if c.Date != "" && c.Attribute == "visit" {
			if c.Subject != "lindqvist" && c.Subject != "arvo lindqvist" {
				t.Errorf("visit on Wednesday is %q's, want Lindqvist's", c.Subject)
			}
			return
		}
	}
	t.Errorf("no dated visit among %+v", got)
}

// TestKnownNameOpensSentence: a capitalised first word the tagger did not
// take for a name ("Equifax" tagged NN) is still a subject when the article
// has already used the name; an unknown first word is not.
func TestKnownNameOpensSentence(t *testing.T) {
	body := "Brantley disclosed the leak. Then lenders disclosed it."
	s := Sentence{Start: 0, End: 28, Tokens: []Token{
		{Text: "Brantley", Tag: "NN", Start: 0, End: 8},
		{Text: "disclosed", Tag: "VBD", Start: 9, End: 18},
		{Text: "the", Tag: "DT", Start: 19, End: 22},
		{Text: "leak", Tag: "NN", Start: 23, End: 27},
		{Text: ".", Tag: ".", Start: 27, End: 28},
	}}
	var d discourse
	if ms := subjects(body, s, &d); len(ms) != 0 {
		t.Fatalf("subjects with no name known yet = %+v, want none", ms)
	}
	d.add(mention{canon: "brantley", kind: kindApp})
	ms := subjects(body, s, &d)
	if len(ms) != 1 || ms[0].canon != "brantley" || ms[0].start != 0 {
		t.Errorf("subjects once Brantley is known = %+v, want the one mention Brantley at 0", ms)
	}
}
