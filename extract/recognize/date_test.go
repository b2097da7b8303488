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
	// A schedule: "is to" with a verb, or a present-tense "begins".
	{"The minister is to testify on Tuesday", published, []Date{dt("Tuesday", "2018-04-24", "2018-04-24", "day", true)}},
	{"The assembly, which begins Monday, lasts a week", published, []Date{dt("Monday", "2018-04-23", "2018-04-23", "day", true)}},
	{"The minister testified on Tuesday", published, []Date{dt("Tuesday", "2018-04-17", "2018-04-17", "day", true)}},
	// A weekday's possessive dates the event it names.
	{"Monday's landslide closed the pass", published, []Date{dt("Monday's", "2018-04-16", "2018-04-16", "day", true)}},
	{"Sunday’s vote was close", published, []Date{dt("Sunday’s", "2018-04-15", "2018-04-15", "day", true)}},
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
	{"revealed it on 17 March.", published, []Date{dt("17 March", "2018-03-17", "2018-03-17", "day", true)}},
	{"about 17 march on the capital", published, nil},
	// A year that qualifies a noun after an article or possessive; a
	// figure before a counted noun stays a count.
	{"the firm's 2017 data breach", time.Time{}, []Date{dt("2017", "2017-01-01", "2017-12-31", "year", false)}},
	{"its 2017 data breach", time.Time{}, []Date{dt("2017", "2017-01-01", "2017-12-31", "year", false)}},
	{"its 2017 employees", time.Time{}, nil},
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
	{"earlier this month", published, []Date{dt("earlier this month", "2018-04-01", "2018-04-17", "month", true)}},
	{"earlier this month", ymd("2018-04-01"), []Date{dt("earlier this month", "2018-04-01", "2018-04-01", "month", true)}},
	{"this calendar year", published, []Date{dt("this calendar year", "2018-01-01", "2018-12-31", "year", true)}},
	{"Starbucks on 29th - at 2pm", published, []Date{dt("29th", "2018-03-29", "2018-03-29", "day", true)}},
	{"finished on 29th place", published, nil},
	{"in the 5 past years", published, []Date{dt("5 past years", "2013-04-18", "2018-04-17", "year", true)}},
	{"the 2 upcoming months", published, []Date{dt("2 upcoming months", "2018-04-19", "2018-06-18", "month", true)}},
	{"within 9 months", published, []Date{dt("within 9 months", "2018-04-18", "2019-01-17", "month", true)}},
	{"within nine months of the merger", published, nil},
	{"over the next couple of weeks", published, []Date{dt("the next couple of weeks", "2018-04-19", "2018-05-02", "week", true)}},
	{"in a fortnight's time", published, []Date{dt("in a fortnight's", "2018-05-02", "2018-05-02", "day", true)}},
	{"2019 H2 will", published, []Date{dt("2019 H2", "2019-07-01", "2019-12-31", "month", false)}},
	{"in the second half of 2019", published, []Date{dt("the second half of 2019", "2019-07-01", "2019-12-31", "month", false)}},
	{"the first quarter of the year", published, []Date{dt("the first quarter of the year", "2018-01-01", "2018-03-31", "month", true)}},
	{"q1-2019", published, []Date{dt("q1-2019", "2019-01-01", "2019-03-31", "month", false)}},
	{"Q3 results", published, []Date{dt("Q3", "2017-07-01", "2017-09-30", "month", true)}},
	{"the H1N1 virus and H2O", published, nil},
	{"sold 40 million to date", published, []Date{mod(dt("to date", "2018-04-18", "2018-04-18", "day", true), ModBefore)}},
	{"shares are down 20% in the year to date", published, []Date{dt("year to date", "2018-01-01", "2018-04-17", "day", true)}},
	{"closed from March to date", published, []Date{dt("from March to date", "2018-03-01", "2018-04-17", "day", true)}},
	{"the most up to date equipment", published, nil},
	{"from 2007 to the end of 2008", published, []Date{dt("from 2007 to the end of 2008", "2007-01-01", "2008-12-31", "year", false)}},
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
	// Open-ended periods: the named period with its relation.
	{"since August", published, []Date{mod(dt("August", "2017-08-01", "2017-08-31", "month", true), ModSince)}},
	{"sales after 2016 and before 2018", published, []Date{
		mod(dt("2016", "2016-01-01", "2016-12-31", "year", false), ModAfter),
		mod(dt("2018", "2018-01-01", "2018-12-31", "year", false), ModBefore),
	}},
	{"sales for year 2012 or later", published, []Date{mod(dt("2012", "2012-01-01", "2012-12-31", "year", false), ModSince)}},
	{"where the year is greater than 2015", published, []Date{mod(dt("2015", "2015-01-01", "2015-12-31", "year", false), ModAfter)}},
	{"no later than January 1, 2010", published, []Date{mod(dt("January 1, 2010", "2010-01-01", "2010-01-01", "day", false), ModUntil)}},
	{"before the end of 2019", published, []Date{mod(dt("the end of 2019", "2019-09-01", "2019-12-31", "month", false), ModUntil)}},
	{"finished more than 2 weeks before today", published, []Date{mod(dt("2 weeks before today", "2018-04-04", "2018-04-04", "day", true), ModBefore)}},
	{"a meeting starting on January 7th", published, []Date{mod(dt("January 7th", "2018-01-07", "2018-01-07", "day", true), ModSince)}},
	{"between 2015 and 2018 or later than 2020", published, []Date{
		dt("between 2015 and 2018", "2015-01-01", "2018-12-31", "year", false),
		mod(dt("2020", "2020-01-01", "2020-12-31", "year", false), ModAfter),
	}},
	// Numeric and mixed forms.
	{"out 2015-3", published, []Date{dt("2015-3", "2015-03-01", "2015-03-31", "month", false)}},
	{"valid? 12-2015", published, []Date{dt("12-2015", "2015-12-01", "2015-12-31", "month", false)}},
	{"the 2011-12 season", published, nil},
	{"back 12/12/30.", published, []Date{dt("12/12/30", "1930-12-12", "1930-12-12", "day", false)}},
	{"back 23/08/19", published, []Date{dt("23/08/19", "2019-08-23", "2019-08-23", "day", false)}},
	{"it happened on 11/20", published, []Date{dt("11/20", "2017-11-20", "2017-11-20", "day", true)}},
	{"it is due on 11/20", published, []Date{dt("11/20", "2018-11-20", "2018-11-20", "day", true)}},
	{"back on 22/04", published, []Date{dt("22/04", "2018-04-22", "2018-04-22", "day", true)}},
	{"done next 5/12", published, []Date{dt("next 5/12", "2018-05-12", "2018-05-12", "day", true)}},
	{"a 9/11 memorial, 3/4 of voters", published, nil},
	{"back Oct/2", published, []Date{dt("Oct/2", "2017-10-02", "2017-10-02", "day", true)}},
	{"back Sep-23-2020.", published, []Date{dt("Sep-23-2020", "2020-09-23", "2020-09-23", "day", false)}},
	{"it was 05-Aug-2016", published, []Date{dt("05-Aug-2016", "2016-08-05", "2016-08-05", "day", false)}},
	{"between 22/Jan/2019 and", published, []Date{dt("22/Jan/2019", "2019-01-22", "2019-01-22", "day", false)}},
	{"Filed 2019/aug/01", published, []Date{dt("2019/aug/01", "2019-08-01", "2019-08-01", "day", false)}},
	{"a meeting on 14 nov", published, []Date{dt("14 nov", "2017-11-14", "2017-11-14", "day", true)}},
	// Parts of periods and stretches from a day.
	{"in the first six months of 2017", published, []Date{dt("the first six months of 2017", "2017-01-01", "2017-06-30", "month", false)}},
	{"the last four months of the year", published, []Date{dt("the last four months of the year", "2018-09-01", "2018-12-31", "month", true)}},
	{"the first 2 weeks of 2021", published, []Date{dt("the first 2 weeks of 2021", "2021-01-04", "2021-01-17", "week", false)}},
	{"the last week of this month", published, []Date{dt("the last week of this month", "2018-04-23", "2018-04-29", "week", true)}},
	{"first ten days of last year", published, []Date{dt("first ten days of last year", "2017-01-01", "2017-01-10", "day", true)}},
	{"the third month of 2021", published, []Date{dt("the third month of 2021", "2021-03-01", "2021-03-31", "month", false)}},
	{"the first 100 days of his presidency", published, nil},
	{"back on the 15th day of next month", published, []Date{dt("the 15th day of next month", "2018-05-15", "2018-05-15", "day", true)}},
	{"before the twenty-sixth day of the month", published, []Date{mod(dt("the twenty-sixth day of the month", "2018-04-26", "2018-04-26", "day", true), ModBefore)}},
	{"on the 15th day of the strike", published, nil},
	{"sales in week 3 of 2027", published, []Date{dt("week 3 of 2027", "2027-01-18", "2027-01-24", "week", false)}},
	{"sales in the week 31", published, []Date{dt("the week 31", "2018-07-30", "2018-08-05", "week", true)}},
	{"they won in week 3", published, nil},
	{"the week beginning February 4, 2019", published, []Date{dt("the week beginning February 4, 2019", "2019-02-04", "2019-02-10", "week", false)}},
	{"for w/c Feb 4, 2019", published, []Date{dt("w/c Feb 4, 2019", "2019-02-04", "2019-02-10", "week", false)}},
	{"out for 3 days starting from next Monday", published, []Date{dt("3 days starting from next Monday", "2018-04-23", "2018-04-25", "day", true)}},
	{"out for 3 days from today", published, []Date{dt("3 days from today", "2018-04-18", "2018-04-20", "day", true)}},
	{"back 3 days from today", published, []Date{dt("3 days from today", "2018-04-21", "2018-04-21", "day", true)}},
	// Holidays and their weekends.
	{"over Labor Day weekend", published, []Date{dt("Labor Day weekend", "2017-09-02", "2017-09-04", "week", true)}},
	{"the weekend of Thanksgiving 2023", published, []Date{dt("the weekend of Thanksgiving 2023", "2023-11-23", "2023-11-26", "week", false)}},
	{"halloween weekend 2021", published, []Date{dt("halloween weekend 2021", "2021-10-30", "2021-10-31", "week", false)}},
	{"on earth day 2010", published, []Date{dt("earth day 2010", "2010-04-22", "2010-04-22", "day", false)}},
	{"on St. Patrick's Day", published, []Date{dt("St. Patrick's Day", "2018-03-17", "2018-03-17", "day", true)}},
	// The period of publication, named alone.
	{"named partner of the year", published, []Date{dt("the year", "2018-01-01", "2018-12-31", "year", true)}},
	{"away for the month", published, []Date{dt("the month", "2018-04-01", "2018-04-30", "month", true)}},
	{"closed for the day", published, []Date{dt("the day", "2018-04-18", "2018-04-18", "day", true)}},
	{"sales in the week after next", published, []Date{dt("the week after next", "2018-04-30", "2018-05-06", "week", true)}},
	{"it fell the year before last", published, []Date{dt("the year before last", "2016-01-01", "2016-12-31", "year", true)}},
	{"the river reached its highest level of the week", published, nil},
	{"more rain than over the weekend", published, []Date{dt("the weekend", "2018-04-14", "2018-04-15", "week", true)}},
	{"talks will resume at the weekend", published, []Date{dt("the weekend", "2018-04-21", "2018-04-22", "week", true)}},
	{"over the weekend", ymd("2018-04-21"), []Date{dt("the weekend", "2018-04-21", "2018-04-22", "week", true)}},
	{"for the rest of the year", published, []Date{dt("the rest of the year", "2018-04-18", "2018-12-31", "year", true)}},
	{"take the remainder of the week off", published, []Date{dt("the remainder of the week", "2018-04-18", "2018-04-22", "week", true)}},
	{"the best day of the year", published, nil},
	{"the year before independence", published, nil},
	{"the day of the attack", published, nil},
	{"kept them company from the day it was found", published, nil},
	{"wiped out on the day the fire started", published, nil},
	{"the week ending May 5", published, []Date{dt("May 5", "2018-05-05", "2018-05-05", "day", true)}},
	{"at the end of the day, it failed", published, nil},
	{"a year to the day after the crash", published, nil},
	{"The year was 1968.", published, nil},
	// Stretches to or from now.
	{"to be spent between now and the end of the year", published, []Date{dt("between now and the end of the year", "2018-04-18", "2018-12-31", "month", true)}},
	{"from now until May 1", published, []Date{dt("from now until May 1", "2018-04-18", "2018-05-01", "day", true)}},
	{"sales between January and now", published, []Date{dt("between January and now", "2018-01-01", "2018-04-18", "month", true)}},
	{"from now on", published, nil},
	// Business days and decades in words.
	{"in the next 4 business days", published, []Date{dt("the next 4 business days", "2018-04-19", "2018-04-24", "day", true)}},
	{"the previous 4 business days", published, []Date{dt("the previous 4 business days", "2018-04-12", "2018-04-17", "day", true)}},
	{"must answer within 10 working days", published, []Date{dt("within 10 working days", "2018-04-18", "2018-05-02", "day", true)}},
	{"paid in 3 business days", published, []Date{dt("in 3 business days", "2018-04-23", "2018-04-23", "day", true)}},
	{"filed 2 business days ago", published, []Date{dt("2 business days ago", "2018-04-16", "2018-04-16", "day", true)}},
	{"a hit in the nineties", published, []Date{dt("the nineties", "1990-01-01", "1999-12-31", "year", false)}},
	{"a man in his sixties", published, nil},
	{"highs in the nineties", published, nil},
	{"temperatures in the low eighties", published, nil},
	// Years and decades written otherwise, work weeks.
	{"presidents in 1990 s.", published, []Date{dt("1990 s", "1990-01-01", "1999-12-31", "year", false)}},
	{"The family fled in nineteen ninety six and returned in two thousand and fifteen", published, []Date{
		dt("nineteen ninety six", "1996-01-01", "1996-12-31", "year", false),
		dt("two thousand and fifteen", "2015-01-01", "2015-12-31", "year", false),
	}},
	{"sold in two thousand cases", published, nil},
	{"in eleven twenty-minute sessions", published, nil},
	{"On 28 June in 2020 it rained", published, []Date{dt("28 June in 2020", "2020-06-28", "2020-06-28", "day", false)}},
	{"this working week", published, []Date{dt("this working week", "2018-04-16", "2018-04-20", "week", true)}},
	{"on next workweek", published, []Date{dt("next workweek", "2018-04-23", "2018-04-27", "week", true)}},
	// Phone numbers and codes are not year ranges.
	{"Call +86 138-2010-2015 for tickets", published, nil},
	{"Call +86 2010-2015-86 for details", published, nil},
	{"code 133-03-03-2020", published, nil},
	{"in 2014-2018", published, []Date{dt("2014-2018", "2014-01-01", "2018-12-31", "year", false)}},
	{"held 3-4 May 2017", published, []Date{dt("3-4 May 2017", "2017-05-03", "2017-05-04", "day", false)}},
	// Offsets in several units.
	{"two weeks and two days ago", published, []Date{dt("two weeks and two days ago", "2018-04-02", "2018-04-02", "day", true)}},
	{"It left 2 years 1 month 21 days later", published, []Date{dt("2 years 1 month 21 days later", "2020-06-08", "2020-06-08", "day", true)}},
	{"for the last 3 months and 2 weeks and 2 days ago they found", published, []Date{
		dt("the last 3 months", "2018-01-18", "2018-04-17", "month", true),
		dt("2 days ago", "2018-04-16", "2018-04-16", "day", true),
	}},
	// A weekday in the week of an offset.
	{"back in 3 days on Friday", published, []Date{dt("in 3 days on Friday", "2018-04-20", "2018-04-20", "day", true)}},
	{"back Monday two weeks from now", published, []Date{dt("Monday two weeks from now", "2018-04-30", "2018-04-30", "day", true)}},
	{"the first week of March on Friday", published, []Date{dt("the first week of March on Friday", "2018-03-02", "2018-03-02", "day", true)}},
	{"It rained two days later, on Monday.", published, []Date{
		dt("two days later", "2018-04-20", "2018-04-20", "day", true),
		dt("Monday", "2018-04-16", "2018-04-16", "day", true),
	}},
	// A bare weekday joined to one placed in a week shares its week.
	{"a meeting next week Mon or Tue", published, []Date{
		dt("next week Mon", "2018-04-23", "2018-04-23", "day", true),
		dt("Tue", "2018-04-24", "2018-04-24", "day", true),
	}},
	{"talks last Wednesday and Thursday", published, []Date{
		dt("last Wednesday", "2018-04-11", "2018-04-11", "day", true),
		dt("Thursday", "2018-04-12", "2018-04-12", "day", true),
	}},
	{"next Monday, Tuesday or Friday", published, []Date{
		dt("next Monday", "2018-04-23", "2018-04-23", "day", true),
		dt("Tuesday", "2018-04-24", "2018-04-24", "day", true),
		dt("Friday", "2018-04-27", "2018-04-27", "day", true),
	}},
	{"On Sunday police came, and on Monday they left", published, []Date{
		dt("Sunday", "2018-04-15", "2018-04-15", "day", true),
		dt("Monday", "2018-04-16", "2018-04-16", "day", true),
	}},
	// Not dates.
	{"You may go", published, nil},
	{"the Sunday Times reported", published, nil},
}

func mod(d Date, m string) Date {
	d.Mod = m
	return d
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

// TestContractedWillLooksAhead: "he'll" looks ahead as "will" does, so a
// bare weekday after it is the coming one.
func TestContractedWillLooksAhead(t *testing.T) {
	pub := published // a Wednesday, 2018-04-18
	for _, tc := range []struct{ text, want string }{
		{"He'll appear in court on Friday.", "2018-04-20"},
		{"They’ll vote on Monday.", "2018-04-23"},
		{"He appeared in court on Friday.", "2018-04-13"},
		{"He arrived on Thursday, the first leader to visit.", "2018-04-12"},
		// "until" after a past tense closes a past span.
		{"The firm did not make it public until 7 September.", "2017-09-07"},
		{"The road will stay closed until 7 September.", "2018-09-07"},
		// A modal of the perfect speaks of the past.
		{"As many as 40 people might have been hurt, and the toll was raised in March.", "2018-03-01"},
		{"She could not have known on Monday.", "2018-04-16"},
		{"It could be lifted on Monday.", "2018-04-23"},
		{"The bridge may have to close on Friday.", "2018-04-20"},
		// An invitation is to what comes.
		{"Fifa had invited the team to the final on Sunday.", "2018-04-22"},
	} {
		ds := Dates(tc.text, pub)
		if len(ds) != 1 || ds[0].From.Format(time.DateOnly) != tc.want {
			t.Errorf("Dates(%q) = %+v, want one date starting %s", tc.text, ds, tc.want)
		}
	}
}
