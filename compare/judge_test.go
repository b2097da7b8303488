package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/google/go-cmp/cmp"
)

// Builders for test entries: a figure about Telegram users from an article
// published 2018-04-18, unless options say otherwise.

func fl(x float64) *float64 { return &x }

// num is a figure with both bounds.
func num(text string, lo, hi float64) *extract.Value {
	return &extract.Value{Text: text, Number: (lo + hi) / 2, Min: fl(lo), Max: fl(hi)}
}

// exact is a figure as written, whose bounds are its rounding.
func exact(text string, lo, hi float64) *extract.Value {
	v := num(text, lo, hi)
	v.Hedge = "exact"
	return v
}

// atLeast is "more than"/"at least": no upper bound.
func atLeast(text string, lo float64) *extract.Value {
	return &extract.Value{Text: text, Number: lo, Min: fl(lo), Hedge: "atleast"}
}

func day(text, start, end string) *extract.DateValue {
	return &extract.DateValue{Text: text, Start: start, End: end}
}

type opt func(*Entry)

func article(id string) opt         { return func(e *Entry) { e.Claim.Article = id } }
func copyOf(id string) opt          { return func(e *Entry) { e.CopyOf = id } }
func published(p string) opt        { return func(e *Entry) { e.Published = p } }
func by(who string) opt             { return func(e *Entry) { e.Claim.AttributedTo = &who } }
func qualified(q string) opt        { return func(e *Entry) { e.Claim.Qualifier = q } }
func modal(m string) opt            { return func(e *Entry) { e.Claim.Modality = m } }
func about(s, a string) opt         { return func(e *Entry) { e.Claim.Subject, e.Claim.Attribute = s, a } }
func asOf(d *extract.DateValue) opt { return func(e *Entry) { e.Claim.AsOf = d } }
func revised() opt                  { return func(e *Entry) { e.Claim.Revision = true } }

func dated(d *extract.DateValue) opt {
	return func(e *Entry) { e.Claim.Value, e.Claim.Date = nil, d }
}

func ent(id, source string, v *extract.Value, opts ...opt) Entry {
	e := Entry{
		Claim: extract.Claim{
			ID:        id,
			Article:   strings.ToLower(strings.ReplaceAll(source, " ", "-")) + "-1",
			Subject:   "Telegram",
			Attribute: "users",
			Value:     v,
		},
		Source:    source,
		Published: "2018-04-18",
	}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func camp(claims []string, sources ...string) Camp { return Camp{Claims: claims, Sources: sources} }

func ids(s ...string) []string { return s }

func TestJudge(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		want    Verdict // ID and Key are filled in from the first entry
	}{
		{
			name: "hedged and exact overlap",
			entries: []Entry{
				ent("c1", "AFP", num("some 40 million", 36e6, 44e6)),
				ent("c2", "Sputnik", num("40 million", 39.5e6, 40.5e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "Sputnik"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "Sputnik")},
				Reason:  `AFP "some 40 million" and Sputnik "40 million" agree on telegram users`,
			},
		},
		{
			name: "different round figures",
			entries: []Entry{
				ent("c1", "AFP", num("some 40 million", 36e6, 44e6)),
				ent("c2", "Daily Planet", num("60 million", 59.5e6, 60.5e6)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "Daily Planet"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Daily Planet")},
				Reason:  `conflict on telegram users: AFP "some 40 million" vs Daily Planet "60 million"`,
			},
		},
		{
			name: "at least holds the exact figure",
			entries: []Entry{
				ent("c1", "AFP", atLeast("at least 30", 30)),
				ent("c2", "Reuters", num("34", 33.5, 34.5)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "Reuters"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "Reuters")},
				Reason:  `AFP "at least 30" and Reuters "34" agree on telegram users`,
			},
		},
		{
			name: "exact small counts",
			entries: []Entry{
				ent("c1", "AFP", num("30", 29.5, 30.5)),
				ent("c2", "Reuters", num("34", 33.5, 34.5)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "Reuters"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Reuters")},
				Reason:  `conflict on telegram users: AFP "30" vs Reuters "34"`,
			},
		},
		{
			name: "two approximations",
			entries: []Entry{
				ent("c1", "AFP", num("some 40 million", 36e6, 44e6)),
				ent("c2", "BBC", num("about 40m", 36e6, 44e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "BBC"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "BBC")},
				Reason:  `AFP "some 40 million" and BBC "about 40m" agree on telegram users`,
			},
		},
		{
			name: "round figure covers a precise one",
			entries: []Entry{
				ent("c1", "AFP", num("40 million", 39.5e6, 40.5e6)),
				ent("c2", "BBC", num("40.4 million", 40.35e6, 40.45e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "BBC"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "BBC")},
				Reason:  `AFP "40 million" and BBC "40.4 million" agree on telegram users`,
			},
		},
		{
			name: "precise figures differ",
			entries: []Entry{
				ent("c1", "AFP", num("40,125,000", 40124999.5, 40125000.5)),
				ent("c2", "BBC", num("40.4 million", 40.35e6, 40.45e6)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "BBC"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "BBC")},
				Reason:  `conflict on telegram users: AFP "40,125,000" vs BBC "40.4 million"`,
			},
		},
		{
			name: "weekday and date a day apart",
			entries: []Entry{
				ent("c1", "AFP", nil, about("schools", "ban date"), dated(day("On Sunday", "2018-04-15", "2018-04-15"))),
				ent("c2", "Sputnik", nil, about("schools", "ban date"), dated(day("on April 14", "2018-04-14", "2018-04-14"))),
			},
			want: Verdict{
				Subject:   "schools",
				Attribute: "ban date",
				Status:    Conflict,
				Sources:   ids("AFP", "Sputnik"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c2"), "Sputnik"), camp(ids("c1"), "AFP")},
				Reason:    `conflict on schools ban date: Sputnik "on April 14" vs AFP "On Sunday"`,
			},
		},
		{
			name: "year contains the day",
			entries: []Entry{
				ent("c1", "AFP", nil, about("telegram", "block date"), dated(day("in 2017", "2017-01-01", "2017-12-31"))),
				ent("c2", "Sputnik", nil, about("telegram", "block date"), dated(day("December 31, 2017", "2017-12-31", ""))),
			},
			want: Verdict{
				Subject:   "telegram",
				Attribute: "block date",
				Status:    Agree,
				Sources:   ids("AFP", "Sputnik"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1", "c2"), "AFP", "Sputnik")},
				Reason:    `AFP "in 2017" and Sputnik "December 31, 2017" agree on telegram block date`,
			},
		},
		{
			name: "five against two",
			entries: []Entry{
				ent("a", "AFP", num("about 2 million", 1.8e6, 2.2e6)),
				ent("b", "BBC", num("about 2 million", 1.8e6, 2.2e6)),
				ent("c", "CNN", num("2 million", 1.95e6, 2.05e6)),
				ent("d", "DW", num("nearly 2 million", 1.8e6, 2e6)),
				ent("e", "Euronews", num("some 2m", 1.8e6, 2.2e6)),
				ent("f", "Fox", num("3 million", 2.95e6, 3.05e6)),
				ent("g", "Guardian", num("3m", 2.95e6, 3.05e6)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "BBC", "CNN", "DW", "Euronews", "Fox", "Guardian"),
				Claims:  ids("a", "b", "c", "d", "e", "f", "g"),
				Camps: []Camp{
					camp(ids("a", "b", "c", "d", "e"), "AFP", "BBC", "CNN", "DW", "Euronews"),
					camp(ids("f", "g"), "Fox", "Guardian"),
				},
				Reason: `conflict on telegram users: AFP "about 2 million", BBC "about 2 million", CNN "2 million", DW "nearly 2 million" and Euronews "some 2m" vs Fox "3 million" and Guardian "3m"`,
			},
		},
		{
			// "at least 30" overlaps both "30" and "34"; it joins the lower camp.
			name: "overlap is not transitive",
			entries: []Entry{
				ent("c1", "AFP", atLeast("at least 30", 30)),
				ent("c2", "BBC", num("30", 29.5, 30.5)),
				ent("c3", "CNN", num("34", 33.5, 34.5)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "BBC", "CNN"),
				Claims:  ids("c1", "c2", "c3"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "BBC"), camp(ids("c3"), "CNN")},
				Reason:  `conflict on telegram users: AFP "at least 30" and BBC "30" vs CNN "34"`,
			},
		},
		{
			name: "one outlet",
			entries: []Entry{
				ent("c1", "AFP", num("some 5 million", 4.5e6, 5.5e6), about("Soroush", "users")),
			},
			want: Verdict{
				Subject:   "soroush",
				Attribute: "users",
				Status:    SingleSource,
				Sources:   ids("AFP"),
				Claims:    ids("c1"),
				Camps:     []Camp{camp(ids("c1"), "AFP")},
				Reason:    `only AFP reports soroush users: "some 5 million"`,
			},
		},
		{
			name: "one outlet twice is one voice",
			entries: []Entry{
				ent("c1", "AFP", num("some 40 million", 36e6, 44e6)),
				ent("c2", "AFP", num("40 million", 39.5e6, 40.5e6), article("afp-2")),
			},
			want: Verdict{
				Status:  SingleSource,
				Sources: ids("AFP"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP")},
				Reason:  `only AFP reports telegram users: "some 40 million", "40 million"`,
			},
		},
		{
			name: "syndicated copy is not corroboration",
			entries: []Entry{
				ent("c1", "AFP", num("some 5 million", 4.5e6, 5.5e6), about("Soroush", "users")),
				ent("c2", "Geo News", num("some 5 million", 4.5e6, 5.5e6), about("Soroush", "users"), copyOf("afp-1")),
			},
			want: Verdict{
				Subject:   "soroush",
				Attribute: "users",
				Status:    SingleSource,
				Sources:   ids("AFP", "Geo News"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1", "c2"), "AFP", "Geo News")},
				Reason:    `only AFP reports soroush users: "some 5 million" (Geo News is a copy of AFP's article, not independent)`,
			},
		},
		{
			name: "copy alongside an independent outlet",
			entries: []Entry{
				ent("c1", "AFP", num("some 40 million", 36e6, 44e6)),
				ent("c2", "Geo News", num("some 40 million", 36e6, 44e6), copyOf("afp-1")),
				ent("c3", "Sputnik", num("40 million", 39.5e6, 40.5e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "Geo News", "Sputnik"),
				Claims:  ids("c1", "c2", "c3"),
				Camps:   []Camp{camp(ids("c1", "c2", "c3"), "AFP", "Geo News", "Sputnik")},
				Reason:  `AFP "some 40 million", Geo News "some 40 million" and Sputnik "40 million" agree on telegram users (Geo News is a copy of AFP's article, not independent)`,
			},
		},
		{
			name: "copies of an original outside the group",
			entries: []Entry{
				ent("c1", "Geo News", num("some 40 million", 36e6, 44e6), copyOf("afp-1")),
				ent("c2", "Dawn", num("some 40 million", 36e6, 44e6), copyOf("afp-1")),
			},
			want: Verdict{
				Status:  SingleSource,
				Sources: ids("Dawn", "Geo News"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "Dawn", "Geo News")},
				Reason:  `only Dawn and Geo News report telegram users: "some 40 million" (Dawn and Geo News carry copies of one article (afp-1), not independent)`,
			},
		},
		{
			name: "articles that copy each other",
			entries: []Entry{
				ent("c1", "Geo News", num("some 40 million", 36e6, 44e6), copyOf("dawn-1")),
				ent("c2", "Dawn", num("some 40 million", 36e6, 44e6), copyOf("geo-news-1")),
			},
			want: Verdict{
				Status:  SingleSource,
				Sources: ids("Dawn", "Geo News"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "Dawn", "Geo News")},
				Reason:  `only Dawn reports telegram users: "some 40 million" (Geo News is a copy of Dawn's article, not independent)`,
			},
		},
		{
			name: "police and organisers",
			entries: []Entry{
				ent("c1", "AFP", num("50,000", 49999.5, 50000.5), about("rally", "turnout"), by("police")),
				ent("c2", "AFP", num("300,000", 299999.5, 300000.5), about("rally", "turnout"), by("organisers")),
			},
			want: Verdict{
				Subject:   "rally",
				Attribute: "turnout",
				Status:    Conflict,
				Sources:   ids("AFP"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "AFP")},
				Reason:    `conflict on rally turnout: AFP "50,000" according to police vs AFP "300,000" according to organisers`,
			},
		},
		{
			name: "growth between stated dates",
			entries: []Entry{
				ent("c1", "AFP", num("1.2 million", 1.15e6, 1.25e6), about("channel", "subscribers"), asOf(day("in March", "2018-03-01", "2018-03-31"))),
				ent("c2", "Sputnik", num("2 million", 1.95e6, 2.05e6), about("channel", "subscribers"), asOf(day("in June", "2018-06-01", "2018-06-30"))),
			},
			want: Verdict{
				Subject:   "channel",
				Attribute: "subscribers",
				Status:    SingleSource, // each time its own part: TestJudgeTimeline
				Sources:   ids("AFP", "Sputnik"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Sputnik")},
				Reason:    `AFP "1.2 million" (as of 2018-03) and Sputnik "2 million" (as of 2018-06): no two independent outlets give one figure on channel subscribers (figures for different times are a change, not a conflict)`,
			},
		},
		{
			name: "same publication day",
			entries: []Entry{
				ent("c1", "AFP", num("12,000", 11999.5, 12000.5), about("protest", "arrests")),
				ent("c2", "Reuters", num("15,000", 14999.5, 15000.5), about("protest", "arrests")),
			},
			want: Verdict{
				Subject:   "protest",
				Attribute: "arrests",
				Status:    Conflict,
				Sources:   ids("AFP", "Reuters"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Reuters")},
				Reason:    `conflict on protest arrests: AFP "12,000" vs Reuters "15,000"`,
			},
		},
		{
			name: "different publication days",
			entries: []Entry{
				ent("c1", "AFP", num("12,000", 11999.5, 12000.5), about("protest", "arrests"), published("2018-01-02")),
				ent("c2", "Reuters", num("15,000", 14999.5, 15000.5), about("protest", "arrests"), published("2018-01-05")),
			},
			want: Verdict{
				Subject:   "protest",
				Attribute: "arrests",
				Status:    SingleSource, // each time its own part: TestJudgeTimeline
				Sources:   ids("AFP", "Reuters"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Reuters")},
				Reason:    `AFP "12,000" (as of 2018-01-02) and Reuters "15,000" (as of 2018-01-05): no two independent outlets give one figure on protest arrests (figures for different times are a change, not a conflict)`,
			},
		},
		{
			name: "year as of overlaps a day in it",
			entries: []Entry{
				ent("c1", "AFP", num("40-million", 39.5e6, 40.5e6), asOf(day("In 2017", "2017-01-01", "2017-12-31"))),
				ent("c2", "Sputnik", num("25 million", 24.5e6, 25.5e6), asOf(day("in June 2017", "2017-06-01", "2017-06-30"))),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "Sputnik"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c2"), "Sputnik"), camp(ids("c1"), "AFP")},
				Reason:  `conflict on telegram users: Sputnik "25 million" vs AFP "40-million"`,
			},
		},
		{
			name: "vague amount never conflicts",
			entries: []Entry{
				ent("c1", "AFP", &extract.Value{Text: "millions of", Number: 1e6, Min: fl(1e6), Vague: true}),
				ent("c2", "BBC", num("40 million", 39.5e6, 40.5e6)),
				ent("c3", "CNN", num("40 million", 39.5e6, 40.5e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "BBC", "CNN"),
				Claims:  ids("c1", "c2", "c3"),
				Camps:   []Camp{camp(ids("c1", "c2", "c3"), "AFP", "BBC", "CNN")},
				Reason:  `AFP "millions of", BBC "40 million" and CNN "40 million" agree on telegram users`,
			},
		},
		{
			name: "an outlet contradicting itself",
			entries: []Entry{
				ent("c1", "AFP", num("40 million", 39.5e6, 40.5e6)),
				ent("c2", "AFP", num("60 million", 59.5e6, 60.5e6)),
				ent("c3", "BBC", atLeast("more than 30 million", 30e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "BBC"),
				Claims:  ids("c1", "c2", "c3"),
				Camps:   []Camp{camp(ids("c1", "c3"), "AFP", "BBC"), camp(ids("c2"), "AFP")},
				Reason:  `AFP "40 million"/"60 million" and BBC "more than 30 million" do not conflict on telegram users (AFP's own figures differ)`,
			},
		},
		{
			// Each figure has both voices: each outlet differs with itself
			// and with the other.
			name: "two outlets each giving both figures",
			entries: []Entry{
				ent("c1", "AFP", num("40 million", 39.5e6, 40.5e6)),
				ent("c2", "AFP", num("60 million", 59.5e6, 60.5e6)),
				ent("c3", "BBC", num("40 million", 39.5e6, 40.5e6)),
				ent("c4", "BBC", num("60 million", 59.5e6, 60.5e6)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "BBC"),
				Claims:  ids("c1", "c2", "c3", "c4"),
				Camps:   []Camp{camp(ids("c1", "c3"), "AFP", "BBC"), camp(ids("c2", "c4"), "AFP", "BBC")},
				Reason:  `conflict on telegram users: AFP "40 million" and BBC "40 million" vs AFP "60 million" and BBC "60 million" (AFP's own figures differ; BBC's own figures differ)`,
			},
		},
		{
			name: "qualified and plain figures meet",
			entries: []Entry{
				ent("c1", "AFP", num("40-million", 39.5e6, 40.5e6), qualified("monthly")),
				ent("c2", "Sputnik", num("40 million", 39.5e6, 40.5e6)),
			},
			want: Verdict{
				Status:  Agree,
				Sources: ids("AFP", "Sputnik"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1", "c2"), "AFP", "Sputnik")},
				Reason:  `AFP "40-million" (monthly) and Sputnik "40 million" agree on telegram users`,
			},
		},
		{
			name: "new users are not all users",
			entries: []Entry{
				ent("c1", "AFP", num("5,000", 4999.5, 5000.5), qualified("new")),
				ent("c2", "Sputnik", num("40 million", 39.5e6, 40.5e6)),
			},
			want: Verdict{
				Status:  SingleSource, // no figure corroborated
				Sources: ids("AFP", "Sputnik"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Sputnik")},
				Reason:  `AFP "5,000" (new) and Sputnik "40 million": no two independent outlets give one figure on telegram users (differently qualified figures count different things, not a conflict)`,
			},
		},
		{
			name: "same qualifier, different figures",
			entries: []Entry{
				ent("c1", "AFP", num("40 million", 39.5e6, 40.5e6), qualified("monthly")),
				ent("c2", "Sputnik", num("60 million", 59.5e6, 60.5e6), qualified("Monthly")),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP", "Sputnik"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{camp(ids("c1"), "AFP"), camp(ids("c2"), "Sputnik")},
				Reason:  `conflict on telegram users: AFP "40 million" (monthly) vs Sputnik "60 million" (Monthly)`,
			},
		},
		{
			name: "unnamed source",
			entries: []Entry{
				ent("c1", "", num("40 million", 39.5e6, 40.5e6), article("x-1")),
				ent("c2", "AFP", num("60 million", 59.5e6, 60.5e6)),
			},
			want: Verdict{
				Status:  Conflict,
				Sources: ids("AFP"),
				Claims:  ids("c1", "c2"),
				Camps:   []Camp{{Claims: ids("c1"), Sources: []string{}}, camp(ids("c2"), "AFP")},
				Reason:  `conflict on telegram users: "40 million" vs AFP "60 million"`,
			},
		},
		{
			name: "modal claims compared among themselves",
			entries: []Entry{
				ent("c1", "AFP", nil, about("foreign messengers", "ban date"), modal("could"), dated(day("on April 21", "2018-04-21", ""))),
				ent("c2", "BBC", nil, about("foreign messengers", "ban date"), modal("could"), dated(day("April 21", "2018-04-21", ""))),
			},
			want: Verdict{
				Subject:   "foreign messengers",
				Attribute: "ban date",
				Status:    Agree,
				Sources:   ids("AFP", "BBC"),
				Claims:    ids("c1", "c2"),
				Camps:     []Camp{camp(ids("c1", "c2"), "AFP", "BBC")},
				Reason:    `AFP "on April 21" and BBC "April 21" agree on foreign messengers ban date (could)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			want.Key = Key(tt.entries[0].Claim)
			want.ID = verdictID(want.Key)
			if want.Subject == "" {
				want.Subject, want.Attribute = "telegram", "users"
			}
			got := Judge(tt.entries)
			whole := got
			whole.Parts = nil // TestJudgeTimeline checks a split group's parts
			if diff := cmp.Diff(want, whole); diff != "" {
				t.Errorf("Judge(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
			// The verdict must not depend on the order of entries.
			r := rand.New(rand.NewPCG(1, 2))
			for range 5 {
				shuffled := slices.Clone(tt.entries)
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if diff := cmp.Diff(got, Judge(shuffled)); diff != "" {
					t.Errorf("Judge(%s shuffled) mismatch (-want +got):\n%s", tt.name, diff)
				}
			}
		})
	}
}

func TestJudgeEmpty(t *testing.T) {
	if diff := cmp.Diff(Verdict{}, Judge(nil)); diff != "" {
		t.Errorf("Judge(nil) mismatch (-want +got):\n%s", diff)
	}
}

// The id is part of the JSON contract: it must not change between runs or
// releases for the same key.
func TestVerdictIDStable(t *testing.T) {
	c := extract.Claim{Subject: "Telegram", Attribute: "Users", Value: &extract.Value{}}
	if got, want := Judge([]Entry{{Claim: c}}).ID, "v-242b3b090746"; got != want {
		t.Errorf("Judge(Telegram Users).ID = %q, want %q", got, want)
	}
}

// TestJudgeCopyDirection: which of two near-duplicate articles the compare
// stage found to copy the other depends on which it saw first; the verdict
// must not. The earlier publication leads, then the earlier arrival.
func TestJudgeCopyDirection(t *testing.T) {
	seq := func(n uint64) opt { return func(e *Entry) { e.Seq = n } }
	v := num("some 40 million", 36e6, 44e6)
	cases := []struct {
		name string
		a, b []opt // options of AFP's and Geo News's entries
		want string
	}{
		{"same day, AFP arrived first, Geo found to copy it",
			[]opt{seq(1)}, []opt{seq(2), copyOf("afp-1")},
			`only AFP reports telegram users: "some 40 million" (Geo News is a copy of AFP's article, not independent)`},
		{"same day, AFP arrived first, but AFP found to copy Geo",
			[]opt{seq(1), copyOf("geo-news-1")}, []opt{seq(2)},
			`only AFP reports telegram users: "some 40 million" (Geo News is a copy of AFP's article, not independent)`},
		{"Geo published a day earlier, found to copy AFP",
			[]opt{seq(1)}, []opt{seq(2), published("2018-04-17"), copyOf("afp-1")},
			`only Geo News reports telegram users: "some 40 million" (AFP is a copy of Geo News's article, not independent)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Judge([]Entry{ent("c1", "AFP", v, c.a...), ent("c2", "Geo News", v, c.b...)})
			if got.Status != SingleSource || got.Reason != c.want {
				t.Errorf("Judge: %s %q, want single-source %q", got.Status, got.Reason, c.want)
			}
		})
	}
}

// TestJudgeTimeline checks how a group of a figure that changes is split
// by time: each stretch of time is a verdict of its own, and only figures
// for the same time, or a tally revised down, conflict.
func TestJudgeTimeline(t *testing.T) {
	type part struct {
		Status Status
		Claims []string
	}
	tests := []struct {
		name    string
		entries []Entry
		status  Status
		parts   []part // nil: not split
	}{
		{
			name: "rising toll over days is a timeline, not a conflict",
			entries: []Entry{
				ent("c1", "AFP", num("81", 80.5, 81.5), about("story", "deaths"), asOf(day("Tuesday", "2018-11-20", "2018-11-20")), published("2018-11-21")),
				ent("c2", "BBC", num("83", 82.5, 83.5), about("story", "deaths"), asOf(day("Wednesday", "2018-11-21", "2018-11-21")), published("2018-11-22")),
				ent("c3", "CNN", num("83", 82.5, 83.5), about("story", "deaths"), published("2018-11-22")),
			},
			status: Agree,
			parts:  []part{{SingleSource, ids("c1")}, {Agree, ids("c2", "c3")}},
		},
		{
			name: "a share price closes once a day: Monday's close is not Tuesday's",
			entries: []Entry{
				ent("c1", "Anadolu", num("$57.93", 57.925, 57.935), about("story", "share price"), asOf(day("Monday", "2018-04-09", "2018-04-09")), published("2018-04-11")),
				ent("c2", "Anadolu", num("$64.04", 64.035, 64.045), about("story", "share price"), asOf(day("Tuesday", "2018-04-10", "2018-04-10")), published("2018-04-11")),
				ent("c3", "CNN", num("$64.04", 64.035, 64.045), about("story", "share price"), asOf(day("Tuesday", "2018-04-10", "2018-04-10")), published("2018-04-11")),
			},
			status: Agree,
			parts:  []part{{SingleSource, ids("c1")}, {Agree, ids("c2", "c3")}},
		},
		{
			name: "same day, different figures: a conflict in that day's part only",
			entries: []Entry{
				ent("c1", "AFP", num("699", 698.5, 699.5), about("story", "missing"), asOf(day("Monday", "2018-11-19", "2018-11-19")), published("2018-11-21")),
				ent("c2", "BBC", num("536", 535.5, 536.5), about("story", "missing"), published("2018-11-21")),
				ent("c3", "CNN", num("563", 562.5, 563.5), about("story", "missing"), published("2018-11-21")),
			},
			status: Conflict,
			parts:  []part{{SingleSource, ids("c1")}, {Conflict, ids("c2", "c3")}},
		},
		{
			name: "a toll revised down later conflicts with the higher one",
			entries: []Entry{
				ent("c1", "AFP", num("359", 358.5, 359.5), about("story", "deaths"), asOf(day("Wednesday", "2019-04-24", "2019-04-24")), published("2019-04-24")),
				ent("c2", "BBC", num("253", 252.5, 253.5), about("story", "deaths"), asOf(day("Thursday", "2019-04-25", "2019-04-25")), published("2019-04-26"), revised()),
			},
			status: Conflict,
		},
		{
			name: "the same number in tons and in tonnes agrees",
			entries: []Entry{
				ent("c1", "AFP", exact("2,750", 2749.5, 2750.5), about("story", "tonnes")),
				ent("c2", "AP", exact("2,750", 2749.5, 2750.5), about("story", "tonnes"), qualified("tons")),
			},
			status: Agree,
		},
		{
			name: "another number in tons never conflicts with tonnes",
			entries: []Entry{
				ent("c1", "AFP", exact("2,750", 2749.5, 2750.5), about("story", "tonnes")),
				ent("c2", "AP", exact("3,000", 2999.5, 3000.5), about("story", "tonnes"), qualified("tons")),
			},
			status: SingleSource,
			parts:  []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
		},
		{
			name: "a figure qualified by its place is not set against another place's",
			entries: []Entry{
				ent("c1", "CNN", exact("1,284", 1283.5, 1284.5), about("story", "injuries"), qualified("in syria")),
				ent("c2", "CNN", exact("5,383", 5382.5, 5383.5), about("story", "injuries")),
				ent("c3", "AA", exact("5,385", 5384.5, 5385.5), about("story", "injuries")),
			},
			status: Conflict,
			parts:  []part{{SingleSource, ids("c1")}, {Conflict, ids("c2", "c3")}},
		},
		{
			name: "an open bound does not join differently qualified figures",
			entries: []Entry{
				ent("c1", "AFP", exact("812", 811.5, 812.5), about("story", "deaths"), qualified("in syria")),
				ent("c2", "AFP", atLeast("more than 790", 790), about("story", "deaths")),
			},
			status: SingleSource,
			parts:  []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
		},
		{
			name: "one figure, hedged by one writer, reported again without a time, is one fact",
			entries: []Entry{
				ent("c1", "AFP", exact("45", 44.5, 45.5), about("story", "deaths"), asOf(day("Tuesday", "2019-04-23", "2019-04-23")), published("2019-04-23")),
				ent("c2", "BBC", atLeast("at least 45", 45), about("story", "deaths"), published("2019-04-26")),
			},
			status: Agree,
		},
		{
			name: "a toll cut to an open lower bound still revises the higher one",
			entries: []Entry{
				ent("c1", "AFP", num("359", 358.5, 359.5), about("story", "deaths"), asOf(day("Wednesday", "2019-04-24", "2019-04-24")), published("2019-04-24")),
				ent("c2", "BBC", atLeast("at least 253", 253), about("story", "deaths"), published("2019-04-26"), revised()),
			},
			status: Conflict,
		},
		{
			name: "a lower figure whose writer does not say it corrects revises nothing",
			entries: []Entry{
				ent("c1", "AFP", num("359", 358.5, 359.5), about("story", "deaths"), asOf(day("Wednesday", "2019-04-24", "2019-04-24")), published("2019-04-24")),
				ent("c2", "BBC", num("253", 252.5, 253.5), about("story", "deaths"), asOf(day("Thursday", "2019-04-25", "2019-04-25")), published("2019-04-28")),
			},
			status: SingleSource,
			parts:  []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
		},
		{
			name:  "a stated time after publication is not believed",
			parts: []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
			entries: []Entry{
				ent("c1", "AFP", num("83", 82.5, 83.5), about("story", "deaths"), published("2018-11-22")),
				ent("c2", "BBC", num("23", 22.5, 23.5), about("story", "deaths"), asOf(day("two days later", "2018-11-24", "2018-11-24")), published("2018-11-22")),
			},
			status: SingleSource, // its time unknown, the 23 meets no figure for a time
		},
		{
			name: "a figure for the start of the week is not Wednesday's",
			entries: []Entry{
				ent("c1", "AFP", num("six", 5.5, 6.5), about("story", "deaths"), asOf(day("the start of the week", "2025-06-09", "2025-06-11")), published("2025-06-11")),
				ent("c2", "BBC", num("14", 13.5, 14.5), about("story", "deaths"), asOf(day("Wednesday", "2025-06-11", "2025-06-11")), published("2025-06-11")),
			},
			status: SingleSource,
			parts:  []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
		},
		{
			name: "a figure for a whole year holds in each of its months",
			entries: []Entry{
				ent("c1", "AFP", num("40 million", 39.5e6, 40.5e6), about("app", "users"), asOf(day("in 2017", "2017-01-01", "2017-12-31"))),
				ent("c2", "BBC", num("25 million", 24.5e6, 25.5e6), about("app", "users"), asOf(day("in June 2017", "2017-06-01", "2017-06-30"))),
			},
			status: Conflict,
		},
		{
			name: "exact neighbours do not meet at their rounding bound",
			entries: []Entry{
				ent("c1", "AFP", exact("83", 82.5, 83.5), about("story", "tonnes")),
				ent("c2", "BBC", exact("84", 83.5, 84.5), about("story", "tonnes")),
			},
			status: Conflict,
		},
		{
			name: "a plain count of people changes from day to day",
			entries: []Entry{
				ent("c1", "AFP", exact("18", 17.5, 18.5), about("story", "divers"), asOf(day("Sunday", "2018-07-08", "2018-07-08")), published("2018-07-09")),
				ent("c2", "BBC", exact("19", 18.5, 19.5), about("story", "divers"), asOf(day("Tuesday", "2018-07-10", "2018-07-10")), published("2018-07-11")),
			},
			status: SingleSource,
			parts:  []part{{SingleSource, ids("c1")}, {SingleSource, ids("c2")}},
		},
		{
			name: "a figure that does not change is never split",
			entries: []Entry{
				ent("c1", "AFP", num("2,750", 2749.5, 2750.5), about("story", "tonnes"), published("2020-08-05")),
				ent("c2", "BBC", num("2,700", 2699.5, 2700.5), about("story", "tonnes"), published("2020-08-09")),
			},
			status: Conflict,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Judge(tt.entries)
			if got.Status != tt.status {
				t.Errorf("Judge(%s).Status = %s, want %s (%s)", tt.name, got.Status, tt.status, got.Reason)
			}
			var parts []part
			for _, p := range got.Parts {
				parts = append(parts, part{p.Status, p.Claims})
			}
			if diff := cmp.Diff(tt.parts, parts); diff != "" {
				t.Errorf("Judge(%s).Parts mismatch (-want +got):\n%s", tt.name, diff)
			}
			for _, p := range got.Parts {
				if p.ID == got.ID {
					t.Errorf("Judge(%s): part %v has the group's id", tt.name, p.Claims)
				}
			}
			// The same set in another order gives the same verdict.
			rev := slices.Clone(tt.entries)
			slices.Reverse(rev)
			if diff := cmp.Diff(got, Judge(rev)); diff != "" {
				t.Errorf("Judge(%s) depends on order (-first +reversed):\n%s", tt.name, diff)
			}
		})
	}
}

// TestJudgeLengthUnits: a distance written in miles meets the same distance
// in kilometres, converted: "about 50 km (31 miles)" agrees with itself and
// both conflict with 62 km.
func TestJudgeLengthUnits(t *testing.T) {
	from := func(unit string) opt { return about("story", unit+" from addis ababa") }
	km50 := ent("c1", "AP", num("about 50", 45, 55), from("km"))
	mi31 := ent("c2", "AP", exact("31", 30.5, 31.5), from("miles"))
	km62 := ent("c3", "Reuters", exact("62", 61.5, 62.5), from("km"))
	if Key(km50.Claim) != Key(mi31.Claim) {
		t.Fatalf("Key(miles) = %q, Key(km) = %q: one distance, two groups", Key(mi31.Claim), Key(km50.Claim))
	}
	v := Judge([]Entry{km50, mi31, km62})
	if v.Status != Conflict || len(v.Camps) != 2 {
		t.Fatalf("Judge(50 km, 31 miles, 62 km) = %s with %d camps, want a conflict of two camps: %s", v.Status, len(v.Camps), v.Reason)
	}
	if !slices.Equal(v.Camps[0].Claims, ids("c1", "c2")) {
		t.Errorf("first camp = %v, want 50 km and 31 miles together", v.Camps[0].Claims)
	}
	if !strings.Contains(v.Reason, `"31" miles`) {
		t.Errorf("reason %q does not name the miles", v.Reason)
	}
	// A bare unit names no measure: "31 miles" alone is not "km".
	if got, f := lengthIn("miles"); got != "miles" || f != 1 {
		t.Errorf(`lengthIn("miles") = %q, %v; want it left alone`, got, f)
	}
}

// TestCampsOpenBoundNamesItsFigure: "up to 87 million" stands in the camp
// of the "87 million" it names, not in that of a smaller figure it also
// allows.
func TestCampsOpenBoundNamesItsFigure(t *testing.T) {
	upTo := ent("c1", "Reuters", &extract.Value{Text: "up to 87 million", Number: 87e6, Max: fl(87e6), Hedge: "atmost"})
	small := ent("c2", "AP", exact("about 270,000", 243e3, 297e3))
	exact87 := ent("c3", "AP", exact("87 million", 86.5e6, 87.5e6))
	ca := ent("c4", "TechCrunch", exact("30 million", 29.5e6, 30.5e6))
	v := Judge([]Entry{upTo, small, exact87, ca})
	var with87 []string
	for _, c := range v.Camps {
		if slices.Contains(c.Claims, "c3") {
			with87 = c.Claims
		}
	}
	if !slices.Contains(with87, "c1") {
		t.Errorf("camps = %+v: \"up to 87 million\" is not in the camp of \"87 million\"", v.Camps)
	}
}
