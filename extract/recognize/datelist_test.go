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
	{"Was it 11/20, 12 of Nov?", ymd("2018-11-28"), []Date{
		dt("11/20", "2018-11-20", "2018-11-20", "day", true),
		dt("12 of Nov", "2018-11-12", "2018-11-12", "day", true),
	}},
	{"on 11/20, 1/2 of voters", ymd("2018-11-28"), []Date{dt("11/20", "2018-11-20", "2018-11-20", "day", true)}},
	{"the ratios 1/2, 3/4 and 1/8", published, nil},
	// "the following Easter" is the first one after publication, or after
	// the day the text is at; not one more year on.
	{"When did the following easter fall?", ymd("2019-06-12"), []Date{dt("following easter", "2020-04-12", "2020-04-12", "day", true)}},
	{"the following Easter", ymd("2019-02-12"), []Date{dt("following Easter", "2019-04-21", "2019-04-21", "day", true)}},
	{"On March 1, 2015, it closed; it reopened the following Easter.", published, []Date{
		dt("March 1, 2015", "2015-03-01", "2015-03-01", "day", false),
		dt("following Easter", "2015-04-05", "2015-04-05", "day", true),
	}},
	{"It reopened the following Easter.", published, []Date{dt("following Easter", "2019-04-21", "2019-04-21", "day", true)}},
	// The year put before the month.
	{"The plant reopened in 2017 april.", published, []Date{dt("2017 april", "2017-04-01", "2017-04-30", "month", false)}},
	{"On 2016 October 16, the conference started", published, []Date{dt("2016 October 16", "2016-10-16", "2016-10-16", "day", false)}},
	{"In 2017 may prices rise", published, []Date{dt("2017", "2017-01-01", "2017-12-31", "year", false)}},
	// Decades and fortnights placed like years and weeks.
	{"The line should open in the next decade", published, []Date{dt("next decade", "2020-01-01", "2029-12-31", "year", true)}},
	{"prices doubled this decade", published, []Date{dt("this decade", "2010-01-01", "2019-12-31", "year", true)}},
	{"growth was slower last decade", published, []Date{dt("last decade", "2000-01-01", "2009-12-31", "year", true)}},
	{"prices doubled over the last decade", published, []Date{dt("last decade", "2008-04-18", "2018-04-18", "year", true)}},
	{"prices doubled over the past decade", published, []Date{dt("the past decade", "2008-04-18", "2018-04-18", "year", true)}},
	{"cases fell over the past fortnight", published, []Date{dt("the past fortnight", "2018-04-04", "2018-04-18", "week", true)}},
	{"cases fell last fortnight", published, []Date{dt("last fortnight", "2018-04-02", "2018-04-15", "week", true)}},
	{"Talks should resume in the next fortnight.", published, []Date{dt("next fortnight", "2018-04-23", "2018-05-06", "week", true)}},
	{"this fortnight", published, nil},
	// Calendar years as business copy writes them.
	{"Revenue fell in the cy 2008", published, []Date{dt("cy 2008", "2008-01-01", "2008-12-31", "year", false)}},
	{"Revenue fell in the cy18", published, []Date{dt("cy18", "2018-01-01", "2018-12-31", "year", false)}},
	{"CY2017 revenue rose", published, []Date{dt("CY2017", "2017-01-01", "2017-12-31", "year", false)}},
	{"CY2018-19 revenue", published, nil},
	{"the cy 3 model", published, nil},
	// A weekday with a day of the month: the latest such day up to 30
	// days after publication, as for a day without a year.
	{"The board meets on tuesday the eleventh.", ymd("2019-06-10"), []Date{dt("tuesday the eleventh", "2019-06-11", "2019-06-11", "day", true)}},
	{"coffee on wednesday the thirty first", ymd("2019-07-19"), []Date{dt("wednesday the thirty first", "2019-07-31", "2019-07-31", "day", true)}},
	{"On Friday the 13th, police said", published, []Date{dt("Friday the 13th", "2018-04-13", "2018-04-13", "day", true)}},
	{"On Monday the 30th, police said", published, []Date{dt("Monday the 30th", "2018-04-30", "2018-04-30", "day", true)}},
	{"On Monday the 14th, police said", published, []Date{dt("Monday the 14th", "2018-05-14", "2018-05-14", "day", true)}},
	{"On Friday the 6th, police said", published, []Date{dt("Friday the 6th", "2018-04-06", "2018-04-06", "day", true)}},
	{"The senator returns to the capital on Friday", published, []Date{dt("Friday", "2018-04-20", "2018-04-20", "day", true)}},
	{"Monday's first quake hit at dawn", published, []Date{dt("Monday's", "2018-04-16", "2018-04-16", "day", true)}},
	{"Talks will resume on Monday the 14th", published, []Date{dt("Monday the 14th", "2018-05-14", "2018-05-14", "day", true)}},
	// A range's end without a year follows its start.
	{"The road was shut from April until the end of June.", ymd("2016-11-07"), []Date{dt("from April until the end of June", "2016-04-01", "2016-06-30", "month", true)}},
	{"The market was shut from December until the end of January", ymd("2016-11-07"), []Date{dt("from December until the end of January", "2015-12-01", "2016-01-31", "month", true)}},
	{"from May 2016 to the end of February", ymd("2017-06-07"), []Date{dt("from May 2016 to the end of February", "2016-05-01", "2017-02-28", "month", true)}},
	{"from 2014 through February", ymd("2016-11-07"), []Date{dt("from 2014 through February", "2014-01-01", "2016-02-29", "year", true)}},
	{"He left in June. Then he came back.", published, []Date{dt("June", "2017-06-01", "2017-06-30", "month", true)}},
	// A first day that borrows the month of the second.
	{"talks between 3 and 12 September", ymd("2016-11-07"), []Date{dt("between 3 and 12 September", "2016-09-03", "2016-09-12", "day", true)}},
	{"the 9-12 June summit", ymd("2016-11-07"), []Date{dt("the 9-12 June", "2016-06-09", "2016-06-12", "day", true)}},
	{"the bridge was shut from ninth till seventeenth of april", ymd("2016-11-07"), []Date{dt("from ninth till seventeenth of april", "2016-04-09", "2016-04-17", "day", true)}},
	{"between the ninth and the seventeenth of april", ymd("2016-11-07"), []Date{dt("between the ninth and the seventeenth of april", "2016-04-09", "2016-04-17", "day", true)}},
	{"from 3 to 12 June 2015", published, []Date{dt("from 3 to 12 June 2015", "2015-06-03", "2015-06-12", "day", false)}},
	// A period placed by the mention before it.
	{"On March 3, 2015, the index fell. That week, oil rose.", published, []Date{
		dt("March 3, 2015", "2015-03-03", "2015-03-03", "day", false),
		dt("That week", "2015-03-02", "2015-03-08", "week", true),
	}},
	{"On March 3, 2015, the index fell. Later that month, oil rose.", published, []Date{
		dt("March 3, 2015", "2015-03-03", "2015-03-03", "day", false),
		dt("Later that month", "2015-03-04", "2015-03-31", "month", true),
	}},
	{"In June 2015 it fell. Earlier that year it rose.", published, []Date{
		dt("June 2015", "2015-06-01", "2015-06-30", "month", false),
		dt("Earlier that year", "2015-01-01", "2015-05-31", "year", true),
	}},
	{"On Monday, stocks fell. The same day, oil rose.", published, []Date{
		dt("Monday", "2018-04-16", "2018-04-16", "day", true),
		dt("The same day", "2018-04-16", "2018-04-16", "day", true),
	}},
	{"That week, oil rose.", published, nil},
	{"In 2015 it fell. That month it rose.", published, []Date{dt("2015", "2015-01-01", "2015-12-31", "year", false)}},
	{"proof that day traders win", published, nil},
	{"He said that month-old data were wrong", published, nil},
	{"Sales rose in March from the same month last year.", published, []Date{
		dt("March", "2018-03-01", "2018-03-31", "month", true),
		dt("last year", "2017-01-01", "2017-12-31", "year", true),
	}},
	// A weekday's full stop ends the sentence.
	{"She'll return two months from today on Tuesday.", published, []Date{dt("two months from today on Tuesday", "2018-06-19", "2018-06-19", "day", true)}},
	// Weekday ranges: the end is the first such day after the start.
	{"The museum will close from next monday to friday", published, []Date{dt("from next monday to friday", "2018-04-23", "2018-04-27", "day", true)}},
	{"The strike ran from Friday to Monday.", published, []Date{dt("from Friday to Monday", "2018-04-13", "2018-04-16", "day", true)}},
	// A year after a month, and years and written days joined into ranges.
	{"Exports from april to June in 2017 slumped", published, []Date{dt("from april to June in 2017", "2017-04-01", "2017-06-30", "month", false)}},
	{"from april in 2016 to June in 2017", published, []Date{dt("from april in 2016 to June in 2017", "2016-04-01", "2017-06-30", "month", false)}},
	{"Prices were flat in 2014 through May 2018.", published, []Date{dt("2014 through May 2018", "2014-01-01", "2018-05-31", "year", false)}},
	{"The exhibit ran January 12, 2016 - 01/22/2016", published, []Date{dt("January 12, 2016 - 01/22/2016", "2016-01-12", "2016-01-22", "day", false)}},
	{"Flooding peaked 02-02-2020 - 03-03-2020", published, []Date{dt("02-02-2020 - 03-03-2020", "2020-02-02", "2020-03-03", "day", false)}},
	{"January 12, 2016 - 5 people died", published, []Date{dt("January 12, 2016", "2016-01-12", "2016-01-12", "day", false)}},
	// A month name glued to "$" or "#" is a ticker or a tag.
	{"$DEC shares rose as $CUB fell.", published, nil},
	{"In DEC 2015 it fell", published, []Date{dt("DEC 2015", "2015-12-01", "2015-12-31", "month", false)}},
	// Ranges whose first end is a year or starts with one.
	{"Output grew between 2007 and the end of 2008.", published, []Date{dt("between 2007 and the end of 2008", "2007-01-01", "2008-12-31", "year", false)}},
	{"She has lived abroad from 2017-aug-01 to today.", published, []Date{dt("from 2017-aug-01 to today", "2017-08-01", "2018-04-18", "day", true)}},
	{"Exports climbed from 2017-q1 to 2018-q1", published, []Date{dt("from 2017-q1 to 2018-q1", "2017-01-01", "2018-03-31", "month", false)}},
	{"records from 2010-01-01 till current date", published, []Date{dt("from 2010-01-01 till current date", "2010-01-01", "2018-04-17", "day", true)}},
	// The week of a day written alone, placed as "on the 9th" is.
	{"Talks stalled the week of the 9th, officials said.", published, []Date{dt("the week of the 9th", "2018-04-09", "2018-04-15", "week", true)}},
	{"Prices peaked the week of the 25th.", published, []Date{dt("the week of the 25th", "2018-03-19", "2018-03-25", "week", true)}},
	{"Fares rose the week of the twelfth and fell after.", published, []Date{dt("the week of the twelfth", "2018-04-09", "2018-04-15", "week", true)}},
	{"They met in the week of the 18th century fair", published, []Date{dt("18th century", "1700-01-01", "1799-12-31", "year", false)}},
	// An offset from New Year, which alone is not a day.
	{"Shops reopened three days after New Year.", published, []Date{dt("three days after New Year", "2018-01-04", "2018-01-04", "day", true)}},
	{"The strike will start two weeks before the new year.", published, []Date{dt("two weeks before the new year", "2018-12-18", "2018-12-18", "day", true)}},
	{"Voters welcomed the new year with fireworks.", published, nil},
	// "That weekend" is the weekend of the week of the mention before it.
	{"On Friday the dam failed. That weekend, rescuers arrived.", published, []Date{
		dt("Friday", "2018-04-13", "2018-04-13", "day", true),
		dt("That weekend", "2018-04-14", "2018-04-15", "week", true),
	}},
	{"That weekend, rescuers arrived.", published, nil},
	{"In March, the dam failed. That weekend, rescuers arrived.", published, []Date{dt("March", "2018-03-01", "2018-03-31", "month", true)}},
	// Ranges of days in figures whose first end has no year.
	{"The poll was conducted 3/1-3/5/2018 among adults.", published, []Date{dt("3/1-3/5/2018", "2018-03-01", "2018-03-05", "day", false)}},
	{"Early voting ran from 10/22 to 11/2.", published, []Date{dt("from 10/22 to 11/2", "2017-10-22", "2017-11-02", "day", true)}},
	{"Entries are accepted between 4/2 and 4/13.", published, []Date{dt("between 4/2 and 4/13", "2018-04-02", "2018-04-13", "day", true)}},
	{"The festival ran from 5/28-6/3, 2017.", published, []Date{dt("from 5/28-6/3, 2017", "2017-05-28", "2017-06-03", "day", false)}},
	{"Sales from 12/26-1/2/2018 were weak.", published, []Date{dt("from 12/26-1/2/2018", "2017-12-26", "2018-01-02", "day", false)}},
	{"Shelters were full from 24/12-02/01/2018.", published, []Date{dt("from 24/12-02/01/2018", "2017-12-24", "2018-01-02", "day", false)}},
	// A year written as a modifier names when the thing happened; a
	// bare four-digit count of people or units is no year.
	{"It was as bad as the 1953 Delta storm surge.", published, []Date{dt("1953", "1953-01-01", "1953-12-31", "year", false)}},
	{"Researchers repeated a 2011 survey of the reef.", published, []Date{dt("2011", "2011-01-01", "2011-12-31", "year", false)}},
	{"Volmar's 2009 referendum failed.", published, []Date{dt("2009", "2009-01-01", "2009-12-31", "year", false)}},
	{"The 1800 residents of the island left.", published, nil},
	{"A 2000 km pipeline was built.", published, nil},
	{"Support grew from 2/3 to 3/4 among members.", published, nil},
	{"Add 1/2-3/4 cup of rice.", published, nil},
	{"The ratio fell from 3/1 to 2/1 of the total.", published, nil},
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
