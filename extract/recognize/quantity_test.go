package recognize

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func f64(v float64) *float64 { return &v }

// q builds an expected Quantity; Start/End are filled from the input.
func q(text string, n, lo, hi float64, unit, hedge string, prec float64) Quantity {
	return Quantity{Text: text, Number: n, Min: f64(lo), Max: f64(hi), Unit: unit, Hedge: hedge, Precision: prec}
}

func atLeast(text string, n float64, unit string, prec float64) Quantity {
	return Quantity{Text: text, Number: n, Min: f64(n), Unit: unit, Hedge: AtLeast, Precision: prec}
}

func atMost(text string, n float64, unit string, prec float64) Quantity {
	return Quantity{Text: text, Number: n, Max: f64(n), Unit: unit, Hedge: AtMost, Precision: prec}
}

func vague(text string, lo, hi, prec float64) Quantity {
	return Quantity{Text: text, Number: lo, Min: f64(lo), Max: f64(hi), Hedge: Range, Precision: prec, Vague: true}
}

var quantityCases = []struct {
	in   string
	want []Quantity
}{
	// Seed phrases from real articles.
	{"some 40 million users", []Quantity{q("some 40 million", 40e6, 36e6, 44e6, "", Approx, 1e6)}},
	{"40-million monthly users", []Quantity{q("40-million", 40e6, 39.5e6, 40.5e6, "", Exact, 1e6)}},
	{"more than 1.3 million", []Quantity{atLeast("more than 1.3 million", 1.3e6, "", 1e5)}},
	{"some 5 million users", []Quantity{q("some 5 million", 5e6, 4e6, 6e6, "", Approx, 1e6)}},
	{"his five Twitter feeds", []Quantity{q("five", 5, 4.5, 5.5, "", Exact, 1)}},
	{"protests spread to dozens of Iranian cities", []Quantity{vague("dozens", 24, 99, 10)}},
	{"thousands of businesses", []Quantity{vague("thousands", 2000, 999999, 1000)}},
	{"roughly half the population", []Quantity{q("roughly half", 0.5, 0.45, 0.55, "fraction", Approx, 0.01)}},
	// Digits, separators, decimals.
	{"40,125,000 people", []Quantity{q("40,125,000", 40125000, 40124999.5, 40125000.5, "", Exact, 1)}},
	{"30 and 34", []Quantity{q("30", 30, 29.5, 30.5, "", Exact, 1), q("34", 34, 33.5, 34.5, "", Exact, 1)}},
	{"it weighs 4.75 tonnes", []Quantity{q("4.75", 4.75, 4.745, 4.755, "", Exact, 0.01)}},
	{"population of 1 414 021 100", []Quantity{q("1 414 021 100", 1414021100, 1414021099.5, 1414021100.5, "", Exact, 1)}},
	// Written-out numbers.
	{"one hundred and twenty-three thousand", []Quantity{q("one hundred and twenty-three thousand", 123000, 122500, 123500, "", Exact, 1000)}},
	{"forty", []Quantity{q("forty", 40, 39.5, 40.5, "", Exact, 1)}},
	{"a dozen eggs", []Quantity{q("a dozen", 12, 11.5, 12.5, "", Exact, 1)}},
	{"a half", []Quantity{q("a half", 0.5, 0.495, 0.505, "fraction", Exact, 0.01)}},
	{"five and a half million", []Quantity{q("five and a half million", 5.5e6, 5.25e6, 5.75e6, "", Exact, 5e5)}},
	{"two thirds of voters", []Quantity{q("two thirds", 2.0/3, 2.0/3-0.005, 2.0/3+0.005, "fraction", Exact, 0.01)}},
	{"a third of the budget", []Quantity{q("a third", 1.0/3, 1.0/3-0.005, 1.0/3+0.005, "fraction", Exact, 0.01)}},
	// Scales and short forms.
	{"1.3m", []Quantity{q("1.3m", 1.3e6, 1.25e6, 1.35e6, "", Exact, 1e5)}},
	{"2bn", []Quantity{q("2bn", 2e9, 1.5e9, 2.5e9, "", Exact, 1e9)}},
	{"1.2 trillion", []Quantity{q("1.2 trillion", 1.2e12, 1.15e12, 1.25e12, "", Exact, 1e11)}},
	{"1.3 million-plus", []Quantity{atLeast("1.3 million-plus", 1.3e6, "", 1e5)}},
	{"10k", []Quantity{q("10k", 10000, 9500, 10500, "", Exact, 1000)}},
	{"40,000+ fans", []Quantity{atLeast("40,000+", 40000, "", 1)}},
	// Percentages.
	{"20%", []Quantity{q("20%", 20, 19.5, 20.5, "%", Exact, 1)}},
	{"20 percent", []Quantity{q("20 percent", 20, 19.5, 20.5, "%", Exact, 1)}},
	{"20 per cent", []Quantity{q("20 per cent", 20, 19.5, 20.5, "%", Exact, 1)}},
	// Money.
	{"$5", []Quantity{q("$5", 5, 4.5, 5.5, "USD", Exact, 1)}},
	{"$2 billion", []Quantity{q("$2 billion", 2e9, 1.5e9, 2.5e9, "USD", Exact, 1e9)}},
	{"US$ 46.8 million", []Quantity{q("US$ 46.8 million", 46.8e6, 46.75e6, 46.85e6, "USD", Exact, 1e5)}},
	{"the project costs $ 46 . 8 million ,", []Quantity{q("$ 46 . 8 million", 46.8e6, 46.75e6, 46.85e6, "USD", Exact, 1e5)}},
	{"€3m", []Quantity{q("€3m", 3e6, 2.5e6, 3.5e6, "EUR", Exact, 1e6)}},
	{"£10", []Quantity{q("£10", 10, 9.5, 10.5, "GBP", Exact, 1)}},
	{"5 dollars", []Quantity{q("5 dollars", 5, 4.5, 5.5, "USD", Exact, 1)}},
	{"300,000 rials", []Quantity{q("300,000 rials", 300000, 299999.5, 300000.5, "IRR", Exact, 1)}},
	// Ranges and hedges.
	{"between 20 and 35", []Quantity{q("between 20 and 35", 20, 20, 35, "", Range, 1)}},
	{"20-35", []Quantity{q("20-35", 20, 20, 35, "", Range, 1)}},
	{"from 20 to 35", []Quantity{q("from 20 to 35", 20, 20, 35, "", Range, 1)}},
	// A range whose second end repeats the currency sign is one range.
	{"at $3 billion to $5 billion.", []Quantity{q("$3 billion to $5 billion", 3e9, 3e9, 5e9, "USD", Range, 1e9)}},
	{"between $10 billion and $15 billion", []Quantity{q("between $10 billion and $15 billion", 10e9, 10e9, 15e9, "USD", Range, 1e9)}},
	{"at $10bn-$15bn.", []Quantity{q("$10bn-$15bn", 10e9, 10e9, 15e9, "USD", Range, 1e9)}},
	// "and" between two scaled figures joins two figures, not one number.
	{"between 3 billion and 5 billion", []Quantity{q("between 3 billion and 5 billion", 3e9, 3e9, 5e9, "", Range, 1e9)}},
	{"at least 7", []Quantity{atLeast("at least 7", 7, "", 1)}},
	{"up to 700 workers", []Quantity{atMost("up to 700", 700, "", 1)}},
	{"nearly 300", []Quantity{atMost("nearly 300", 300, "", 1)}},
	{"fewer than 40", []Quantity{atMost("fewer than 40", 40, "", 1)}},
	{"an estimated 12,000", []Quantity{q("an estimated 12,000", 12000, 10800, 13200, "", Approx, 1)}},
	// A verb of crossing a threshold makes the figure a lower bound,
	// unless the figure counts the verb's object.
	{"the toll passed 8,200 late on Friday", []Quantity{atLeast("8,200", 8200, "", 1)}},
	{"sales topped $3 billion.", []Quantity{atLeast("$3 billion", 3e9, "USD", 1e9)}},
	{"as the count surpassed 40", []Quantity{atLeast("40", 40, "", 1)}},
	{"which took the total past 6,000.", []Quantity{atLeast("6,000", 6000, "", 1)}},
	{"in the past 24 hours", []Quantity{q("24", 24, 23.5, 24.5, "", Exact, 1)}},
	{"the assembly passed 3 bills", []Quantity{q("3", 3, 2.5, 3.5, "", Exact, 1)}},
	{"prices rose from 20 to 35 percent", []Quantity{q("from 20", 20, 19.5, 20.5, "%", Exact, 1), q("35 percent", 35, 34.5, 35.5, "%", Exact, 1)}},
	// Not quantities.
	{"in 2017", nil},
	{"on December 31, 2017", nil},
	{"April 21", nil},
	{"on the 21st", nil},
	{"call +1 555 123 4567", nil},
	{"call (020) 7946 0000", nil},
	{"at 10:30", nil},
	{"Newsfeed\n0\nWorld", nil},
	{"the first and second", nil},
	{"one of the most popular", nil},
	{"COVID-19, G7, 4G, A380 and F-16", nil},
	{"see https://example.com/a/123/b", nil},
	// Units of measure glued to the figure are a word of their own;
	// "m" is metres where the figure measures one thing.
	{"the wreck lay 3.4km offshore", []Quantity{q("3.4", 3.4, 3.35, 3.45, "", Exact, 0.1)}},
	{"each calf gained 7kg", []Quantity{q("7", 7, 6.5, 7.5, "", Exact, 1)}},
	{"the mast is 61m tall", []Quantity{q("61", 61, 60.5, 61.5, "", Exact, 1)}},
	{"a 12m sinkhole opened", []Quantity{q("12", 12, 11.5, 12.5, "", Exact, 1)}},
	{"the 61m mast fell", []Quantity{q("61", 61, 60.5, 61.5, "", Exact, 1)}},
	{"the 8m residents voted", []Quantity{q("8m", 8e6, 7.5e6, 8.5e6, "", Exact, 1e6)}},
	{"the 8m people voted", []Quantity{q("8m", 8e6, 7.5e6, 8.5e6, "", Exact, 1e6)}},
	{"a $61m loan", []Quantity{q("$61m", 61e6, 60.5e6, 61.5e6, "USD", Exact, 1e6)}},
}

func TestQuantities(t *testing.T) {
	for _, tc := range quantityCases {
		got := Quantities(tc.in)
		want := make([]Quantity, len(tc.want))
		copy(want, tc.want)
		for i := range want {
			want[i].Start, want[i].End = spanOf(t, tc.in, want[i].Text)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-9), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Quantities(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

// spanOf locates an expected mention in the input.
func spanOf(t *testing.T, in, text string) (int, int) {
	t.Helper()
	for i := 0; i+len(text) <= len(in); i++ {
		if in[i:i+len(text)] == text {
			return i, i + len(text)
		}
	}
	t.Fatalf("%q not in %q", text, in)
	return 0, 0
}
