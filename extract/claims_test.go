package extract

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tokenizer loads prose's models: once for all tests, as in production.
var testTokenizer = sync.OnceValues(NewTokenizer)

// brief is the part of a claim these tests pin down.
type brief struct {
	Subject, Attribute, Value, Date, Who, Modality string
	Negated                                        bool
}

func claimsOf(t *testing.T, published, body string) []brief {
	t.Helper()
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	a := Article{ID: "a-test", File: "t.txt", Source: "Test", Published: published, Body: body}
	doc, err := tk.Tokenize(body)
	if err != nil {
		t.Fatal(err)
	}
	var out []brief
	for _, c := range Claims(a, doc) {
		b := brief{Subject: c.Subject, Attribute: c.Attribute, Modality: c.Modality, Negated: c.Negated}
		if c.Value != nil {
			b.Value = c.Value.Text
		}
		if c.Date != nil {
			b.Date = c.Date.Start
		}
		if c.AttributedTo != nil {
			b.Who = *c.AttributedTo
		}
		if c.Start < 0 || c.End > len(body) || body[c.Start:c.End] != c.Sentence {
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
