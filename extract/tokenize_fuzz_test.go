package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzTokenize: any text tokenizes without panic, deterministically, with
// every sentence, token and entity inside the body and sentences in order.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"The council said 40 people were evacuated on Monday.",
		"Pavel Durov said \"Telegram has 200 million users\" in March 2018. He left.",
		"Photo: AFP\n\nRead more: what we know\n\nIn 2017, some 40 million used it.",
		"U.S. officials said 1.3 million... — more than (roughly) 5% on 12/31/2017!",
		"",
		"\u00a0\u2028 “Quoted” ‘words’ – dash",
	} {
		f.Add(s)
	}
	tk, err := NewTokenizer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) || len(body) > 4096 {
			return
		}
		doc, err := tk.Tokenize(body)
		if err != nil {
			return
		}
		prev := 0
		for _, s := range doc.Sentences {
			if s.Start < prev || s.End < s.Start || s.End > len(body) {
				t.Fatalf("Tokenize(%q): sentence [%d,%d) out of order or outside the body", body, s.Start, s.End)
			}
			prev = s.Start
			for _, tok := range s.Tokens {
				if tok.Start < s.Start || tok.End > s.End || tok.End < tok.Start {
					t.Fatalf("Tokenize(%q): token %q [%d,%d) outside its sentence [%d,%d)", body, tok.Text, tok.Start, tok.End, s.Start, s.End)
				}
			}
			for _, e := range s.Entities {
				if e.Start < s.Start || e.End > s.End || body[e.Start:e.End] != e.Text {
					t.Fatalf("Tokenize(%q): entity %q [%d,%d) not the body's text in its sentence", body, e.Text, e.Start, e.End)
				}
			}
		}
		again, err := tk.Tokenize(body)
		if err != nil || len(again.Sentences) != len(doc.Sentences) {
			t.Fatalf("Tokenize(%q) is not deterministic", body)
		}
	})
}
