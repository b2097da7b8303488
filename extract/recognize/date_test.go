package recognize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// published is a Wednesday.
var published = time.Date(2018, 4, 18, 0, 0, 0, 0, time.UTC)

func ymd(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func dt(text, from, to, gran string, rel bool) Date {
	return Date{Text: text, From: ymd(from), To: ymd(to), Granularity: gran, Relative: rel}
}

var dateCases = []struct {
	in   string
	pub  time.Time
	want []Date
}{
	// Seed phrases.
	{"On Sunday, police said", published, []Date{dt("Sunday", "2018-04-15", "2018-04-15", "day", true)}},
	{"the company announced Wednesday", published, []Date{dt("Wednesday", "2018-04-18", "2018-04-18", "day", true)}},
	{"the app could be banned on Saturday", published, []Date{dt("Saturday", "2018-04-21", "2018-04-21", "day", true)}},
	{"It will meet on Tuesday", published, []Date{dt("Tuesday", "2018-04-24", "2018-04-24", "day", true)}},
	{"April 21", published, []Date{dt("April 21", "2018-04-21", "2018-04-21", "day", true)}},
	{"Telegram could be banned on April 21", published, []Date{dt("April 21", "2018-04-21", "2018-04-21", "day", true)}},
	{"April 21", time.Time{}, nil},
	{"On December 31, 2017, it was blocked. The ban was lifted two weeks later.", published, []Date{
		dt("December 31, 2017", "2017-12-31", "2017-12-31", "day", false),
		dt("two weeks later", "2018-01-14", "2018-01-14", "day", true),
	}},
	{"last week", published, []Date{dt("last week", "2018-04-09", "2018-04-15", "week", true)}},
	// Absolute forms.
	{"Dec. 31, 2017", published, []Date{dt("Dec. 31, 2017", "2017-12-31", "2017-12-31", "day", false)}},
	{"Dec 31", published, []Date{dt("Dec 31", "2017-12-31", "2017-12-31", "day", true)}},
	{"31 December 2017", published, []Date{dt("31 December 2017", "2017-12-31", "2017-12-31", "day", false)}},
	{"2018-04-18", time.Time{}, []Date{dt("2018-04-18", "2018-04-18", "2018-04-18", "day", false)}},
	{"Wednesday Apr 18, 2018", time.Time{}, []Date{dt("Wednesday Apr 18, 2018", "2018-04-18", "2018-04-18", "day", false)}},
	{"Wednesday, Oct. 18, 2017", time.Time{}, []Date{dt("Wednesday, Oct. 18, 2017", "2017-10-18", "2017-10-18", "day", false)}},
	{"in December 2017", time.Time{}, []Date{dt("December 2017", "2017-12-01", "2017-12-31", "month", false)}},
	{"in 2017", time.Time{}, []Date{dt("2017", "2017-01-01", "2017-12-31", "year", false)}},
	{"December and January", published, []Date{
		dt("December", "2017-12-01", "2017-12-31", "month", true),
		dt("January", "2018-01-01", "2018-01-31", "month", true),
	}},
	{"between 2014 and 2018", time.Time{}, []Date{dt("between 2014 and 2018", "2014-01-01", "2018-12-31", "year", false)}},
	{"the 1990s", time.Time{}, []Date{dt("1990s", "1990-01-01", "1999-12-31", "year", false)}},
	{"November 18-19", published, []Date{dt("November 18-19", "2017-11-18", "2017-11-19", "day", true)}},
	// Relative to publication.
	{"yesterday", published, []Date{dt("yesterday", "2018-04-17", "2018-04-17", "day", true)}},
	{"today", published, []Date{dt("today", "2018-04-18", "2018-04-18", "day", true)}},
	{"tomorrow", published, []Date{dt("tomorrow", "2018-04-19", "2018-04-19", "day", true)}},
	{"this month", published, []Date{dt("this month", "2018-04-01", "2018-04-30", "month", true)}},
	{"last month", published, []Date{dt("last month", "2018-03-01", "2018-03-31", "month", true)}},
	{"last year", published, []Date{dt("last year", "2017-01-01", "2017-12-31", "year", true)}},
	{"this year", published, []Date{dt("this year", "2018-01-01", "2018-12-31", "year", true)}},
	{"3 days ago", published, []Date{dt("3 days ago", "2018-04-15", "2018-04-15", "day", true)}},
	{"two weeks ago", published, []Date{dt("two weeks ago", "2018-04-04", "2018-04-04", "day", true)}},
	{"earlier this month", published, []Date{dt("earlier this month", "2018-04-01", "2018-04-18", "month", true)}},
	{"last Wednesday", published, []Date{dt("last Wednesday", "2018-04-11", "2018-04-11", "day", true)}},
	{"yesterday", time.Time{}, nil},
	// Anchored to an earlier date.
	{"On March 3, 2018 it began. A day later it spread; three days later it ended.", published, []Date{
		dt("March 3, 2018", "2018-03-03", "2018-03-03", "day", false),
		dt("A day later", "2018-03-04", "2018-03-04", "day", true),
		dt("three days later", "2018-03-07", "2018-03-07", "day", true),
	}},
	{"It opened on March 3, 2018 and closed the next day.", published, []Date{
		dt("March 3, 2018", "2018-03-03", "2018-03-03", "day", false),
		dt("the next day", "2018-03-04", "2018-03-04", "day", true),
	}},
	{"It opened on March 3, 2018; the following week it closed.", published, []Date{
		dt("March 3, 2018", "2018-03-03", "2018-03-03", "day", false),
		dt("the following week", "2018-03-05", "2018-03-11", "week", true),
	}},
	{"On January 10, 2018 it began and a month later it ended.", published, []Date{
		dt("January 10, 2018", "2018-01-10", "2018-01-10", "day", false),
		dt("a month later", "2018-02-10", "2018-02-10", "day", true),
	}},
	// Not dates.
	{"You may go", published, nil},
	{"the Sunday Times reported", published, nil},
}

func TestDates(t *testing.T) {
	for _, tc := range dateCases {
		got := Dates(tc.in, tc.pub)
		want := make([]Date, len(tc.want))
		copy(want, tc.want)
		for i := range want {
			want[i].Start, want[i].End = spanOf(t, tc.in, want[i].Text)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Dates(%q, %s) mismatch (-want +got):\n%s", tc.in, tc.pub.Format("2006-01-02"), diff)
		}
	}
}
