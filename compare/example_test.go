package compare_test

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

func ExampleVerdicts() {
	bounds := func(lo, hi float64) (*float64, *float64) { return &lo, &hi }
	users := func(id, article, text string, lo, hi float64) extract.Claim {
		c := extract.Claim{ID: id, Article: article, Subject: "Telegram", Attribute: "users"}
		c.Value = &extract.Value{Text: text, Number: (lo + hi) / 2}
		c.Value.Min, c.Value.Max = bounds(lo, hi)
		return c
	}
	entries := []compare.Entry{
		{Claim: users("c1", "afp-1", "some 40 million", 36e6, 44e6), Source: "AFP", Published: "2018-04-18"},
		{Claim: users("c2", "geo-1", "some 40 million", 36e6, 44e6), Source: "Geo News", Published: "2018-04-18", CopyOf: "afp-1"},
		{Claim: users("c3", "sputnik-1", "40 million", 39.5e6, 40.5e6), Source: "Sputnik", Published: "2018-04-18"},
		{Claim: users("c4", "planet-1", "60 million", 59.5e6, 60.5e6), Source: "Daily Planet", Published: "2018-04-18"},
	}
	for _, v := range compare.Verdicts(entries) {
		fmt.Println(v.Status, v.Camps)
		fmt.Println(v.Reason)
	}
	// Output:
	// conflict [{[c1 c2 c3] [AFP Geo News Sputnik] 0} {[c4] [Daily Planet] 0}]
	// conflict on telegram users: AFP "some 40 million", Geo News "some 40 million" and Sputnik "40 million" vs Daily Planet "60 million" (Geo News is a copy of AFP's article, not independent)
}
