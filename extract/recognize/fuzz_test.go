package recognize

import (
	"reflect"
	"testing"
	"time"
)

func FuzzQuantities(f *testing.F) {
	for _, tc := range quantityCases {
		f.Add(tc.in)
	}
	f.Add(benchText)
	f.Fuzz(func(t *testing.T, text string) {
		got := Quantities(text)
		end := 0
		for _, q := range got {
			if q.Start < end || q.End < q.Start || q.End > len(text) {
				t.Fatalf("Quantities(%q): bad span [%d,%d) after %d", text, q.Start, q.End, end)
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("Quantities(%q): text[%d:%d] = %q, Text = %q", text, q.Start, q.End, text[q.Start:q.End], q.Text)
			}
			end = q.End
		}
		if again := Quantities(text); !reflect.DeepEqual(got, again) {
			t.Fatalf("Quantities(%q) is not deterministic", text)
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.in, tc.pub.Unix())
	}
	for _, tc := range newsDateCases {
		f.Add(tc.in, tc.pub.Unix())
	}
	f.Add(benchText, published.Unix())
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Time{}
		if unix != 0 {
			// Keep publication dates in a sane range of whole days.
			days := unix % (200 * 365)
			pub = time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
		}
		got := Dates(text, pub)
		end := 0
		for _, d := range got {
			if d.Start < end || d.End < d.Start || d.End > len(text) {
				t.Fatalf("Dates(%q): bad span [%d,%d) after %d", text, d.Start, d.End, end)
			}
			if text[d.Start:d.End] != d.Text {
				t.Fatalf("Dates(%q): text[%d:%d] = %q, Text = %q", text, d.Start, d.End, text[d.Start:d.End], d.Text)
			}
			if d.To.Before(d.From) {
				t.Fatalf("Dates(%q): %q runs backwards %v..%v", text, d.Text, d.From, d.To)
			}
			end = d.End
		}
		if again := Dates(text, pub); !reflect.DeepEqual(got, again) {
			t.Fatalf("Dates(%q) is not deterministic", text)
		}
	})
}

// TestDatesTruncatedInput holds inputs the fuzzer once crashed on: a
// phrase that expects more words and meets the end of the text.
func TestDatesTruncatedInput(t *testing.T) {
	for _, text := range []string{"Mon of", "Monday of", "Monday of the", "Tuesday of next", "earlier", "later in the", "the past",
		"from 2007 to", "the weekend of", "3 days starting", "w/", "the first 2 weeks of", "the 15th day of", "week 3 of"} {
		Dates(text, published)
		Dates(text, time.Time{})
	}
}

// TestDatesNeverBackwards holds inputs the fuzzer found running backwards:
// a count of zero made "within 0 month" end before it began.
func TestDatesNeverBackwards(t *testing.T) {
	for _, text := range []string{"within 0 month", "the next 0 days", "the past 0 weeks", "0 days starting tomorrow", "for 0 days from today"} {
		for _, d := range Dates(text, published) {
			if d.To.Before(d.From) {
				t.Errorf("Dates(%q): %q runs backwards %v..%v", text, d.Text, d.From, d.To)
			}
		}
	}
}
