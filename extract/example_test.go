package extract_test

import (
	"fmt"
	"log"

	"github.com/crosscheck/crosscheck/extract"
)

func ExampleClaims() {
	article := `---
source: Daily Wire Service
published: 2018-03-30
title: Telegram reaches new milestone
---
Telegram said on Tuesday it had more than 200 million monthly users.
`
	a, err := extract.ParseArticle("telegram.txt", []byte(article))
	if err != nil {
		log.Fatal(err)
	}
	tk, err := extract.NewTokenizer()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := tk.Tokenize(a.Body)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range extract.Claims(a, doc) {
		fmt.Printf("%s %s: ", c.Subject, c.Attribute)
		if c.Value != nil {
			fmt.Printf("%s (%s)", c.Value.Text, c.Value.Hedge)
		}
		if c.Date != nil {
			fmt.Printf("%s, %s", c.Date.Text, c.Date.Start)
		}
		if c.AsOf != nil {
			fmt.Printf(" as of %s", c.AsOf.Start)
		}
		fmt.Println()
	}
	// Output:
	// telegram users: more than 200 million (atleast) as of 2018-03-27
	// telegram say: Tuesday, 2018-03-27
}

func ExampleTokenizer_Tokenize() {
	tk, err := extract.NewTokenizer()
	if err != nil {
		log.Fatal(err)
	}
	body := "Photo: AFP\nOfficials said 40 people were evacuated. Nobody was hurt."
	doc, err := tk.Tokenize(body)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Sentences {
		fmt.Printf("%q block %d", body[s.Start:s.End], s.Block)
		if s.Clutter != "" {
			fmt.Printf(" clutter: %s", s.Clutter)
		}
		fmt.Println()
		for _, t := range s.Tokens {
			fmt.Printf("  %s/%s", t.Text, t.Tag)
		}
		if len(s.Tokens) > 0 {
			fmt.Println()
		}
	}
	// Output:
	// "Photo: AFP" block 0 clutter: photo caption or credit
	// "Officials said 40 people were evacuated." block 1
	//   Officials/NNS  said/VBD  40/CD  people/NNS  were/VBD  evacuated/VBN  ./.
	// "Nobody was hurt." block 1
}
