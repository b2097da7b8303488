package extract

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/extract/recognize"
	"github.com/google/go-cmp/cmp"
)

// The tokenizer loads prose's models: once for all tests, as in production.
var testTokenizer = sync.OnceValues(NewTokenizer)

// brief is the part of a claim these tests pin down.
type brief struct {
	Subject, Attribute, Value, Date, Who, Modality, Place string
	Negated, InTitle                                      bool
}

func claimsOf(t *testing.T, published, body string) []brief {
	t.Helper()
	return articleClaims(t, Article{Published: published, Body: body})
}

// articleClaims is claimsOf for an article with more than a body (a title).
func articleClaims(t *testing.T, a Article) []brief {
	t.Helper()
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	a.ID, a.File, a.Source = "a-test", "t.txt", "Test"
	body := a.Body
	doc, err := tk.Tokenize(body)
	if err != nil {
		t.Fatal(err)
	}
	var out []brief
	for _, c := range Claims(a, doc) {
		b := brief{Subject: c.Subject, Attribute: c.Attribute, Modality: c.Modality, Place: c.Place, Negated: c.Negated, InTitle: c.InTitle}
		if c.Value != nil {
			b.Value = c.Value.Text
		}
		if c.Date != nil {
			b.Date = c.Date.Start
		}
		if c.AttributedTo != nil {
			b.Who = *c.AttributedTo
		}
		if c.InTitle {
			if c.Sentence != a.Title || c.Start != 0 || c.End != 0 {
				t.Errorf("claim %s from the title: evidence %d-%d %q, want 0-0 %q", c.ID, c.Start, c.End, c.Sentence, a.Title)
			}
		} else if c.Start < 0 || c.End > len(body) || body[c.Start:c.End] != c.Sentence {
			t.Errorf("claim %s: evidence %d-%d is not its sentence in the body", c.ID, c.Start, c.End)
		}
		out = append(out, b)
	}
	return out
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name, published, body string
		want                  []brief
	}{
		{
			name:      "two subjects, ellipsis, attribution",
			published: "2018-04-18",
			body:      "Soroush claims to have some 5 million users, while Gap has more than 1.3 million.",
			want: []brief{
				{Subject: "soroush", Attribute: "users", Value: "some 5 million", Who: "Soroush"},
				{Subject: "gap", Attribute: "users", Value: "more than 1.3 million"},
			},
		},
		{
			name:      "coreference: the app",
			published: "2018-04-18",
			body:      "Telegram is the most popular messaging app in Iran.\n\nIn 2017, the app claimed it had 40-million monthly users.",
			want: []brief{
				{Subject: "telegram", Attribute: "users", Value: "40-million", Who: "telegram"},
			},
		},
		{
			name:      "users of what follows the verb",
			published: "2018-04-18",
			body:      "The messaging app Telegram has been blocked twice. Officials said that 40 million Iranians used the app every month.",
			want: []brief{
				{Subject: "telegram", Attribute: "users", Value: "40 million", Who: "Officials"},
			},
		},
		{
			name:      "relative dates and the event they date",
			published: "2018-04-18",
			body:      "On Sunday, the ministry of education banned foreign messaging apps in schools.",
			want: []brief{
				{Subject: "education ministry", Attribute: "ban", Date: "2018-04-15"},
			},
		},
		{
			name:      "alias: education ministry",
			published: "2018-04-18",
			body:      "On Sunday, the Iranian Education Ministry issued a directive banning foreign-made messaging apps.",
			want: []brief{
				{Subject: "education ministry", Attribute: "ban", Date: "2018-04-15"},
			},
		},
		{
			name:      "modality: could be banned",
			published: "2018-04-18",
			body:      `On Tuesday, a lawmaker said "all foreign messaging services" could be banned on April 21.`,
			want: []brief{
				{Subject: "story", Attribute: "say", Date: "2018-04-17", Who: "lawmaker"},
				{Subject: "story", Attribute: "ban", Date: "2018-04-21", Who: "lawmaker", Modality: "could"},
			},
		},
		{
			name:      "negation",
			published: "2025-06-12",
			body:      "The agency said the toll had not reached 20 deaths by Wednesday.",
			want: []brief{
				{Subject: "story", Attribute: "deaths", Value: "20", Who: "agency", Negated: true},
			},
		},
		{
			name:      "not until a day is that day",
			published: "2025-06-12",
			body:      "The firm did not make it public until 9 August.",
			want: []brief{
				{Subject: "story", Attribute: "disclose", Date: "2024-08-09"},
			},
		},
		{
			name:      "a modal of the perfect hedges the past, not a possibility to come",
			published: "2025-06-12",
			body:      "Hackers may have stolen the records of up to 9 million customers. The bank could cut 400 jobs.",
			want: []brief{
				{Subject: "story", Attribute: "affected", Value: "up to 9 million"},
				{Subject: "story", Attribute: "jobs", Value: "400", Modality: "could"},
			},
		},
		{
			name:      "the month May is no modal",
			published: "2025-06-12",
			body:      "The hackers were inside from May until July, and 2 million customers were affected.",
			want: []brief{
				{Subject: "story", Attribute: "affected", Value: "2 million"},
			},
		},
		{
			name:      "negation ends at a colon",
			published: "2025-06-12",
			body:      "The flooding was not confined to the valley: 40 homes were evacuated in Lunde.",
			want: []brief{
				{Subject: "story", Attribute: "homes", Value: "40"},
			},
		},
		{
			name:      "story-level counts and attributed estimates",
			published: "2025-06-15",
			body:      "About 50,000 people marched through Velmora yesterday, according to police, although the organising coalition put the figure at three hundred thousand.",
			want: []brief{
				{Subject: "story", Attribute: "crowd", Value: "About 50,000", Who: "police"},
				{Subject: "story", Attribute: "crowd", Value: "three hundred thousand", Who: "organising coalition"},
				{Subject: "velmora", Attribute: "march", Date: "2025-06-14", Who: "police"},
			},
		},
		{
			name:      "anchored date: two weeks later",
			published: "2018-04-18",
			body:      "Telegram messenger is widely used in Iran. On December 31, 2017, Tehran blocked the messenger amid protests. The ban was lifted two weeks later.",
			want: []brief{
				{Subject: "telegram", Attribute: "ban", Date: "2017-12-31"},
				{Subject: "telegram", Attribute: "lift", Date: "2018-01-14"},
			},
		},
		{
			name:      "clutter yields nothing",
			published: "2018-04-18",
			body: strings.Join([]string{
				"Photo: AFP / © Agency 2018",
				"Read more: 7 apps with 40 million users",
				"Newsfeed",
				"0",
				"Comments 12",
				"Заголовок 5 материала",
				"Subscribe",
			}, "\n"),
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := claimsOf(t, tt.published, tt.body)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestClaimsNonASCIICapitals: a name whose capital is not ASCII ("Łódź",
// "Ørsund") is found by capitalisation as "Lodz" or "Orsund" would be: it
// anchors the story, names a headline's place and is what "it" or "the
// service" refer to after an untagged sentence.
func TestClaimsNonASCIICapitals(t *testing.T) {
	tests := []struct {
		name, title, body string
		want              []brief
	}{
		{
			name: "story anchored in the body",
			body: "Floods hit Łódź on Monday. In Łódź, 14 people died, the city council said.",
			want: []brief{
				// The story's incident, dated: see settleFrames.
				{Subject: "story", Attribute: "occur", Date: "2025-06-09", Place: "łódź"},
				{Subject: "story", Attribute: "deaths", Value: "14", Who: "city council", Place: "łódź"},
			},
		},
		{
			name:  "story anchored by the headline",
			title: "Ürgenç evacuates 300 as the river rises",
			body:  "Officials said 300 people were evacuated from Ürgenç on Tuesday.",
			want: []brief{
				{Subject: "story", Attribute: "evacuated", Value: "300", Who: "Officials", Place: "ürgenç"},
				{Subject: "officials", Attribute: "evacuate", Date: "2025-06-10", Who: "Officials"},
			},
		},
		{
			name: "it after an untagged sentence",
			body: "Ørsund is a messaging app built by students. It had 3 million users in March.",
			want: []brief{
				{Subject: "ørsund", Attribute: "users", Value: "3 million"},
			},
		},
		{
			name: "the service after an untagged sentence",
			body: "Ærø Mail is a free email service. The service had 50,000 users last year.",
			want: []brief{
				{Subject: "ærø mail", Attribute: "users", Value: "50,000"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := articleClaims(t, Article{Published: "2025-06-12", Title: tt.title, Body: tt.body})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestCapitalised: a capital in any script, upper or title case, starts a
// name; a lower-case letter in any script does not.
func TestCapitalised(t *testing.T) {
	tests := []struct {
		in   string
		want []string // canonical subjects
	}{
		{"Ödön Mezei, the mayor of Győr, said the city spent 12 million forints on the bridge.", []string{"ödön mezei", "győr"}},
		{"The ferry from Ærøskøbing to Svendborg carried 300 cars.", []string{"ærøskøbing", "svendborg"}},
		{"On Friday, Ögmundur Berg flew to Çanakkale.", []string{"ögmundur berg", "çanakkale"}},
		{"ǅemal Halvorsk said the count was wrong.", []string{"ǆemal halvorsk"}}, // "ǅ" is title case
		{"Émile and Zoë Varga opened a café in Évreux.", []string{"émile", "zoë varga", "évreux"}},
		{"élan and école are not names, nor is ñandú.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range capitalised(tt.in, Sentence{Start: 0, End: len(tt.in)}, aliases) {
			got = append(got, m.canon)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("capitalised(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestClaimsGluedUnits: a unit written against the figure is what the figure
// measures, as it is when a space comes between.
func TestClaimsGluedUnits(t *testing.T) {
	tests := []struct {
		name, body string
		want       []brief
	}{
		{
			name: "kilometres",
			body: "The ridge lies 14.2km from the village of Harrow, the survey said.",
			want: []brief{{Subject: "story", Attribute: "km", Value: "14.2", Who: "survey"}},
		},
		{
			name: "metres of one thing: the height of the chimney (settleFrames)",
			body: "The 57m chimney of the Oldmill works fell on Monday, the council said.",
			want: []brief{
				{Subject: "story", Attribute: "metres chimney", Value: "57", Who: "council"},
				{Subject: "oldmill", Attribute: "fell", Date: "2025-06-09", Who: "council"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := claimsOf(t, "2025-06-12", tt.body)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestClaimsFromTitle: a figure or date stated only in the headline is a
// claim whose evidence is the headline; one the body restates is the body's.
func TestClaimsFromTitle(t *testing.T) {
	tests := []struct {
		name, title, body string
		want              []brief
	}{
		{
			name:  "figure only in the headline",
			title: "Harbour strike strands 4,200 containers",
			body:  "Dockworkers at Velmora walked out on Monday over pay, the union said.",
			want: []brief{
				{Subject: "velmora", Attribute: "walk", Date: "2025-06-09", Who: "union"},
				{Subject: "story", Attribute: "containers", Value: "4,200", InTitle: true},
			},
		},
		{
			name:  "figure the body restates",
			title: "Harbour strike strands 4,200 containers",
			body:  "The strike has stranded 4,200 containers at Velmora, the port authority said.",
			want: []brief{
				{Subject: "story", Attribute: "containers", Value: "4,200", Who: "port authority"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := articleClaims(t, Article{Published: "2025-06-12", Title: tt.title, Body: tt.body})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(title %q, body %q) mismatch (-want +got):\n%s", tt.title, tt.body, diff)
			}
		})
	}
}

// TestClaimsDatedNouns: a date that qualifies a noun, as a weekday's
// possessive or a year written as a modifier, dates the thing the noun
// names, even where the sentence's verb is a figure's.
func TestClaimsDatedNouns(t *testing.T) {
	tests := []struct {
		name, body string
		want       []brief
	}{
		{
			name: "weekday possessive",
			body: "Of the 70 people hurt in Thursday's landslide, nine remain in hospital.",
			want: []brief{
				{Subject: "story", Attribute: "injuries", Value: "70"},
				{Subject: "story", Attribute: "hospitalised", Value: "nine"},
				{Subject: "story", Attribute: "occur", Date: "2025-06-12"},
			},
		},
		{
			name: "year as a modifier",
			body: "It was the worst flood since the 1953 Delta storm surge, which drowned 1,836 people.",
			want: []brief{
				{Subject: "story", Attribute: "people", Value: "1,836"},
				{Subject: "delta", Attribute: "surge", Date: "1953-01-01"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := claimsOf(t, "2025-06-12", tt.body)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestClaimsVerbBeforeDate: a date right after its verb dates that verb's
// event even where a figure of the sentence is dated by it too; a figure's
// own verb ("were killed on Sunday") stays the figure's.
func TestClaimsVerbBeforeDate(t *testing.T) {
	tests := []struct {
		name, body string
		want       []brief
	}{
		{
			name: "event verb after a figure",
			body: "The Harlow fire, which killed 12 people, was fully contained on Sunday.",
			want: []brief{
				{Subject: "story", Attribute: "deaths", Value: "12"},
				{Subject: "harlow", Attribute: "contain", Date: "2025-06-08"},
			},
		},
		{
			name: "unknown verb, figure in the sentence",
			body: "The four hikers, aged 19 to 23, disappeared on 3 June with their guide.",
			want: []brief{
				{Subject: "story", Attribute: "hikers", Value: "four"},
				{Subject: "story", Attribute: "hikers", Value: "19 to 23"},
				{Subject: "story", Attribute: "occur", Date: "2025-06-03"},
			},
		},
		{
			name: "the figure's own verb",
			body: "Fourteen people were killed on Sunday.",
			want: []brief{{Subject: "story", Attribute: "deaths", Value: "Fourteen"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := claimsOf(t, "2025-06-12", tt.body)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestNearlyBounds checks that "nearly" and its kin put a figure just below
// its number, where other upper bounds stay open below.
func TestNearlyBounds(t *testing.T) {
	for _, tt := range []struct {
		text string
		min  float64 // NaN: open
	}{
		{"nearly 400,000", 360000},
		{"almost 50", 45},
		{"close to 1,000", 900},
		{"up to 400,000", math.NaN()},
		{"fewer than 50", math.NaN()},
	} {
		qs := recognize.Quantities(tt.text)
		if len(qs) != 1 {
			t.Fatalf("Quantities(%q) = %d quantities, want 1", tt.text, len(qs))
		}
		v := valueOf(qs[0])
		switch {
		case math.IsNaN(tt.min) && v.Min != nil:
			t.Errorf("valueOf(%q).Min = %v, want open", tt.text, *v.Min)
		case !math.IsNaN(tt.min) && (v.Min == nil || math.Abs(*v.Min-tt.min) > 1e-6):
			t.Errorf("valueOf(%q).Min = %v, want %v", tt.text, v.Min, tt.min)
		}
	}
}

// TestFigureTimes checks which of a sentence's days dates which figure: the
// day after a figure dates it, not a figure further on, and a day after
// publication dates none.
func TestFigureTimes(t *testing.T) {
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, published, body string
		want                  map[string]string // figure -> as-of start
	}{
		{
			name:      "each figure its own day",
			published: "2025-03-13",
			body:      "At least 2,410 people have died, the minister said on Wednesday, up from the 1,880 deaths the agency reported late on Tuesday.",
			want:      map[string]string{"At least 2,410": "2025-03-12", "1,880": "2025-03-11"},
		},
		{
			name:      "a year that dates a relative clause's verb dates no figure",
			published: "2025-03-13",
			body:      "Hackers who broke into its systems last year also took the records of 2.4 million customers.",
			want:      map[string]string{"2.4 million": "2025-03-13"},
		},
		{
			name:      "the years a figure's records span are not when it held",
			published: "2025-03-13",
			body:      "On 9 October the bank said a file holding records from between 2012 and 2015 had been exposed, affecting about 310,000 British customers.",
			want:      map[string]string{"about 310,000": "2024-10-09"},
		},
		{
			name:      "a perfect modal looks back, so a month before publication is this year's",
			published: "2025-03-13",
			body:      "The firm said 143 million people might have been affected, and raised that estimate to 145.5 million in February.",
			want:      map[string]string{"145.5 million": "2025-02-01"},
		},
		{
			name:      "a day inside another figure's phrase is that figure's",
			published: "2025-03-13",
			body:      "The 12 arrests made on Monday night brought the number of people in custody to 40, he said.",
			want:      map[string]string{"12": "2025-03-10", "40": "2025-03-13"},
		},
		{
			name:      "a day joined to a figure by \"at\" is its day, unless it opens a span",
			published: "2025-03-12",
			body:      "The stock closed at $64.04, after finishing Monday at $57.93. Police put the number detained since Sunday at 60.",
			want:      map[string]string{"$57.93": "2025-03-10", "60": "2025-03-12"},
		},
		{
			name:      "a speaker's next sentence holds on the day of the last, in its paragraph only",
			published: "2025-03-13",
			body:      "Two more bodies were found on Wednesday, the sheriff told his nightly briefing. He said 563 people remained unaccounted for.\n\nHe said 40 roads were still closed.",
			want:      map[string]string{"563": "2025-03-12", "40": "2025-03-13"},
		},
		{
			name:      "\"at the time\" is the main day of the sentence before",
			published: "2025-03-13",
			body:      "The bank disclosed the leak on March 3, saying it had noticed the intrusion on February 20. At the time it estimated that 2 million people were affected.",
			want:      map[string]string{"2 million": "2025-03-03"},
		},
		{
			name:      "a day to come dates no figure",
			published: "2025-03-10",
			body:      "The last three miners are expected to be brought up on Tuesday, the rescue chief said on Monday.",
			want:      map[string]string{"three": "2025-03-10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := tk.Tokenize(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]string)
			for _, c := range Claims(Article{ID: "a", Published: tt.published, Body: tt.body}, doc) {
				if c.Value != nil && c.AsOf != nil {
					if _, ok := tt.want[c.Value.Text]; ok {
						got[c.Value.Text] = c.AsOf.Start
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Claims(%q) as-of mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}
