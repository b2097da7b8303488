package recognize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// newsDateCases are the forms added for issue #3: week numbers, days in
// lists, and the rest below. published (2018-04-18) is a Wednesday.
var newsDateCases = []struct {
	in   string
	pub  time.Time
	want []Date
}{
	// A week by its number is the ISO week of the publication year.
	{"cases rose in week 10", published, []Date{dt("week 10", "2018-03-05", "2018-03-11", "week", true)}},
	{"week 10 8 p.m. is the deadline", published, []Date{dt("week 10", "2018-03-05", "2018-03-11", "week", true)}},
	{"week 10 10:20", published, []Date{dt("week 10", "2018-03-05", "2018-03-11", "week", true)}},
	{"sales in calendar week 23, the data show", published, []Date{dt("week 23", "2018-06-04", "2018-06-10", "week", true)}},
	{"in week 52", ymd("2016-11-07"), []Date{dt("week 52", "2016-12-26", "2017-01-01", "week", true)}},
	{"in week 53", ymd("2015-06-01"), []Date{dt("week 53", "2015-12-28", "2016-01-03", "week", true)}},
	{"in week 53", ymd("2016-11-07"), nil}, // 2016 has 52 weeks
	{"In the week 10 people died", published, nil},
	{"They paid per week 10 dollars", published, nil},
	{"The Bears won in Week 10.", published, nil},
	{"week 10 of the season", published, nil},
	// Days written as figures in a list with another day.
	{"find us 30 minutes on 11/20, 11/22 or 11/25", ymd("2018-11-28"), []Date{
		dt("11/20", "2018-11-20", "2018-11-20", "day", true),
		dt("11/22", "2018-11-22", "2018-11-22", "day", true),
		dt("11/25", "2018-11-25", "2018-11-25", "day", true),
	}},
	{"Do you know the date? 11/20, 12 of Nov?", ymd("2018-11-28"), []Date{
		dt("11/20", "2018-11-20", "2018-11-20", "day", true),
		dt("12 of Nov", "2018-11-12", "2018-11-12", "day", true),
	}},
	{"on 11/20, 1/2 of voters", ymd("2018-11-28"), []Date{dt("11/20", "2018-11-20", "2018-11-20", "day", true)}},
	{"the ratios 1/2, 3/4 and 1/8", published, nil},
}

func TestNewsDates(t *testing.T) {
	for _, tc := range newsDateCases {
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
