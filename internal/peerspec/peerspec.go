// Package peerspec scores package recognize against an outside yardstick:
// the English spec files of Microsoft Recognizers-Text (number, range,
// percent, currency, dimension and date-time models).
//
// A case counts when its NotSupported and NotSupportedByDesign lists do
// not name dotNet (the reference implementation passes every such case).
//
// A case passes when:
//   - its Results are empty and recognize extracts nothing of the kind the
//     model covers (quantities, or dates for DateTimeModel);
//   - otherwise, for every expected result, a mention of ours overlaps its
//     span and has the expected value:
//   - NumberModel and DimensionModel: Number equals the value;
//   - PercentModel: Number equals the value and Unit is "%";
//   - CurrencyModel: Number equals the value and Unit is a currency code;
//   - NumberRangeModel: our interval ends equal the spec's interval ends
//     (an exact figure is the one-point interval [Number, Number]); open or
//     closed brackets are not compared;
//   - DateTimeModel: only results of type date or daterange are required,
//     and only cases with such a result or with no result at all are
//     scored. Where a result has a past and a future value the past one
//     counts. A date must give From == To == value; a daterange From ==
//     start and To == end minus one day (the spec's end is exclusive, ours
//     inclusive). A daterange with only a start ("since August", Mod since
//     or after) or only an end ("before 2010", Mod before or until) needs a
//     Date whose Mod leaves the same side open and whose other end is the
//     same day: since starts at From, after the day after To, before ends
//     the day before From, until at To. The spec's open end is exclusive
//     for a period ("after 2016" starts 2017-01-01, "before 2018" ends
//     2018-01-01) and for a day before which ("before July 4" ends
//     07-04), but for a single day after or until which ("after January
//     1, 2007" starts 2007-01-01, "as late as tomorrow" ends tomorrow) it
//     is the day named, excluded after and included until. Unresolved
//     values ("feb 30", "this summer") cannot be matched.
//
// DateTimeModel's line also gives a second count, labelled as such: the
// cases that pass or fail only by two reading conventions the product keeps
// on purpose (the named last unit of a range, and the future reading of a
// sentence that says "will"); see conventionalMatch. The product's floor
// applies to that count, the product's own reading; the strict count is
// reported and guarded too.
//
// Values are equal within a relative tolerance of 1e-9, because the specs
// print 15 significant digits.
package peerspec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/extract/recognize"
)

// Files are the spec files scored, in report order.
var Files = []string{"NumberModel.json", "NumberRangeModel.json", "PercentModel.json", "CurrencyModel.json", "DimensionModel.json", "DateTimeModel.json"}

// FileScore is the result for one spec file.
type FileScore struct {
	File          string
	Cases, Passed int
	// Conventional counts, for DateTimeModel only, the cases that pass
	// strictly or fail only by one of two reading conventions where the
	// product differs from the spec on purpose (see conventional).
	Conventional int
	// Failures lists the failing cases.
	Failures []Failure
}

// Rate is the share of cases passed, in percent.
func (f FileScore) Rate() float64 {
	if f.Cases == 0 {
		return 0
	}
	return 100 * float64(f.Passed) / float64(f.Cases)
}

// Failure is one failing case and why it failed.
type Failure struct {
	Input string
	// Kind names the failure: "missed <type>", "wrong <type>" or
	// "spurious", with the expected type or date kind.
	Kind string
	Want string
	Got  string
	// Conventional is set when the case fails only by a reading
	// convention (see conventionalMatch).
	Conventional bool
}

// specCase is one case of a spec file.
type specCase struct {
	Input   string `json:"Input"`
	Context struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results              []specResult `json:"Results"`
	NotSupported         string       `json:"NotSupported"`
	NotSupportedByDesign string       `json:"NotSupportedByDesign"`
}

// specResult is one expected mention.
type specResult struct {
	Text       string          `json:"Text"`
	TypeName   string          `json:"TypeName"`
	Resolution json.RawMessage `json:"Resolution"`
	Start      *int            `json:"Start"`
	End        *int            `json:"End"`
}

// Score reads the spec files in dir, scores each and writes one line per
// file ("NumberModel.json  212/235  90.2%") to w.
func Score(dir string, w io.Writer) ([]FileScore, error) {
	var out []FileScore
	for _, name := range Files {
		cases, err := readSpec(filepath.Join(dir, name))
		if err != nil {
			return out, err
		}
		fs := scoreFile(name, cases)
		out = append(out, fs)
		line := fmt.Sprintf("%-24s %4d/%-4d %5.1f%%", name, fs.Passed, fs.Cases, fs.Rate())
		if name == "DateTimeModel.json" {
			line += fmt.Sprintf(" strict; %d/%d %.1f%% with the two reading conventions", fs.Conventional, fs.Cases, 100*float64(fs.Conventional)/float64(max(fs.Cases, 1)))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return out, fmt.Errorf("write score: %w", err)
		}
	}
	return out, nil
}

// Breakdown writes, per file, the failure kinds by count with up to
// examples inputs each.
func Breakdown(scores []FileScore, w io.Writer, examples int) error {
	for _, fs := range scores {
		kinds := map[string][]Failure{}
		for _, f := range fs.Failures {
			kinds[f.Kind] = append(kinds[f.Kind], f)
		}
		names := make([]string, 0, len(kinds))
		for k := range kinds {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool {
			if len(kinds[names[i]]) != len(kinds[names[j]]) {
				return len(kinds[names[i]]) > len(kinds[names[j]])
			}
			return names[i] < names[j]
		})
		if _, err := fmt.Fprintf(w, "%s: %d failing\n", fs.File, len(fs.Failures)); err != nil {
			return fmt.Errorf("write breakdown: %w", err)
		}
		for _, k := range names {
			fmt.Fprintf(w, "  %3d  %s\n", len(kinds[k]), k)
			for i, f := range kinds[k] {
				if i >= examples {
					break
				}
				conv := ""
				if f.Conventional {
					conv = " [a reading convention]"
				}
				fmt.Fprintf(w, "         %q want %s got %s%s\n", clip(f.Input, 90), f.Want, f.Got, conv)
			}
		}
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// readSpec reads one spec file, which may begin with a byte-order mark.
func readSpec(path string) ([]specCase, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []specCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("parse spec %s: %w", filepath.Base(path), err)
	}
	return cases, nil
}

// skipped reports whether the reference implementation skips a case.
func skipped(c specCase) bool {
	return strings.Contains(strings.ToLower(c.NotSupported), "dotnet") || strings.Contains(strings.ToLower(c.NotSupportedByDesign), "dotnet")
}

// scoreFile scores all counted cases of one file.
func scoreFile(name string, cases []specCase) FileScore {
	fs := FileScore{File: name}
	for _, c := range cases {
		if skipped(c) {
			continue
		}
		var (
			counted, conv bool
			fail          *Failure
		)
		if name == "DateTimeModel.json" {
			counted, fail, conv = scoreDateCase(c)
		} else {
			counted, fail = true, scoreNumberCase(name, c)
		}
		if !counted {
			continue
		}
		fs.Cases++
		if conv {
			fs.Conventional++
		}
		if fail == nil {
			fs.Passed++
			continue
		}
		fail.Input = c.Input
		fail.Conventional = conv
		fs.Failures = append(fs.Failures, *fail)
	}
	return fs
}

// span converts the spec's inclusive character offsets to byte offsets in
// input. It falls back to finding the text when offsets are missing.
func span(input string, r specResult) (int, int) {
	if r.Start != nil && r.End != nil {
		return byteOffset(input, *r.Start), byteOffset(input, *r.End+1)
	}
	i := strings.Index(strings.ToLower(input), strings.ToLower(r.Text))
	if i < 0 {
		return 0, len(input)
	}
	return i, i + len(r.Text)
}

// byteOffset converts a character index (UTF-16 units, as .NET counts)
// to a byte offset.
func byteOffset(s string, chars int) int {
	n := 0
	for i, r := range s {
		if n >= chars {
			return i
		}
		n++
		if r > 0xFFFF {
			n++
		}
	}
	_ = utf8.RuneLen
	return len(s)
}

func overlaps(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 }

// near compares values within a relative tolerance.
func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// numberResolution is the resolution of number, percent, currency and
// dimension results.
type numberResolution struct {
	Value *string `json:"value"`
	Unit  string  `json:"unit"`
}

// scoreNumberCase scores one case of the number-like models.
func scoreNumberCase(file string, c specCase) *Failure {
	qs := recognize.Quantities(c.Input)
	if len(c.Results) == 0 {
		if len(qs) > 0 {
			return &Failure{Kind: "spurious", Want: "nothing", Got: describeQ(qs)}
		}
		return nil
	}
	for _, r := range c.Results {
		var res numberResolution
		_ = json.Unmarshal(r.Resolution, &res)
		s, e := span(c.Input, r)
		var cands []recognize.Quantity
		for _, q := range qs {
			if overlaps(q.Start, q.End, s, e) {
				cands = append(cands, q)
			}
		}
		want := "null"
		if res.Value != nil {
			want = *res.Value
		}
		kind := kindOf(file, r, want)
		if len(cands) == 0 {
			return &Failure{Kind: "missed " + kind, Want: r.Text + "=" + want, Got: describeQ(qs)}
		}
		if !anyMatch(file, want, cands) {
			return &Failure{Kind: "wrong " + kind, Want: r.Text + "=" + want, Got: describeQ(cands)}
		}
	}
	return nil
}

// kindOf names the shape of an expected number result for the breakdown.
func kindOf(file string, r specResult, want string) string {
	t := strings.ToLower(r.Text)
	switch {
	case want == "null":
		return "null value"
	case file == "NumberRangeModel.json":
		return "range"
	case strings.ContainsAny(t, "/") || strings.Contains(t, "over") || strings.Contains(t, "out of") || strings.HasSuffix(t, "ths") || strings.HasSuffix(t, "th") || strings.Contains(t, "half") || strings.Contains(t, "third") || strings.Contains(t, "quarter"):
		return "fraction"
	case strings.ContainsAny(t, "abcdefghijklmnopqrstuvwxyz") && !strings.ContainsAny(t, "0123456789"):
		return "words"
	}
	return "digits"
}

// anyMatch reports whether a candidate has the expected value.
func anyMatch(file, want string, cands []recognize.Quantity) bool {
	for _, q := range cands {
		switch file {
		case "NumberRangeModel.json":
			lo, hi, ok := parseInterval(want)
			if ok && intervalMatch(q, lo, hi) {
				return true
			}
		case "PercentModel.json":
			v, err := strconv.ParseFloat(strings.TrimSuffix(want, "%"), 64)
			if err == nil && q.Unit == "%" && near(q.Number, v) {
				return true
			}
		default:
			v, err := strconv.ParseFloat(want, 64)
			if err != nil || !near(q.Number, v) {
				continue
			}
			if file == "CurrencyModel.json" && (q.Unit == "" || q.Unit == "%" || q.Unit == "fraction" || q.Unit == "pp") {
				continue
			}
			return true
		}
	}
	return false
}

// parseInterval reads "(20,35]", "[30,)" and "(,100]".
func parseInterval(s string) (lo, hi *float64, ok bool) {
	if len(s) < 3 {
		return nil, nil, false
	}
	parts := strings.SplitN(s[1:len(s)-1], ",", 2)
	if len(parts) != 2 {
		return nil, nil, false
	}
	read := func(p string) (*float64, bool) {
		if p == "" {
			return nil, true
		}
		v, err := strconv.ParseFloat(p, 64)
		return &v, err == nil
	}
	lo, ok1 := read(parts[0])
	hi, ok2 := read(parts[1])
	return lo, hi, ok1 && ok2
}

// intervalMatch compares our interval with the spec's ends.
func intervalMatch(q recognize.Quantity, lo, hi *float64) bool {
	qlo, qhi := q.Min, q.Max
	if q.Hedge == recognize.Exact {
		n := q.Number
		qlo, qhi = &n, &n
	}
	same := func(a, b *float64) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return near(*a, *b)
	}
	return same(qlo, lo) && same(qhi, hi)
}

func describeQ(qs []recognize.Quantity) string {
	if len(qs) == 0 {
		return "nothing"
	}
	var parts []string
	for _, q := range qs {
		v := strconv.FormatFloat(q.Number, 'g', 10, 64)
		if q.Hedge != recognize.Exact {
			v = fmt.Sprintf("%s[%s,%s]", q.Hedge, fptr(q.Min), fptr(q.Max))
		}
		parts = append(parts, fmt.Sprintf("%q=%s%s", q.Text, v, q.Unit))
	}
	return strings.Join(parts, " ")
}

func fptr(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'g', 10, 64)
}

// dateValue is one resolution value of a date-time result.
type dateValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	Start string `json:"start"`
	End   string `json:"end"`
	Mod   string `json:"Mod"`
	Timex string `json:"timex"`
	// Source is "datetimepoint" when the value is a relation to a single
	// moment ("after January 1, 2007"), "datetimerange" when it is one to
	// a period ("after 2016"); often empty.
	Source string `json:"sourceEntity"`
}

// dateResolution is the resolution of a date-time result.
type dateResolution struct {
	Values []dateValue `json:"values"`
}

// scoreDateCase scores a DateTimeModel case; counted is false for cases
// with results but none of type date or daterange. conv is true when the
// case passes or fails only by the reading conventions conventional names.
func scoreDateCase(c specCase) (counted bool, fail *Failure, conv bool) {
	ref, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime)
	if err != nil {
		ref = time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC)
	}
	pub := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	var required []specResult
	var wants, futures []dateValue
	for _, r := range c.Results {
		var res dateResolution
		_ = json.Unmarshal(r.Resolution, &res)
		if v, ok := pastValue(res.Values); ok {
			required = append(required, r)
			wants = append(wants, v)
			futures = append(futures, futureValue(res.Values, v))
		}
	}
	if len(c.Results) > 0 && len(required) == 0 {
		return false, nil, false
	}
	ds := recognize.Dates(c.Input, pub)
	if len(c.Results) == 0 {
		if len(ds) > 0 {
			return true, &Failure{Kind: "spurious", Want: "nothing", Got: describeD(ds)}, false
		}
		return true, nil, true
	}
	conv = true
	for i, r := range required {
		v := wants[i]
		kind := v.Type
		if v.Mod != "" {
			kind += " mod=" + v.Mod
		}
		from, to, ok := wantRange(v)
		if !ok {
			if fail == nil {
				fail = &Failure{Kind: "unmatchable " + kind + " (unresolved)", Want: r.Text, Got: describeD(ds)}
			}
			conv = false
			continue
		}
		s, e := span(c.Input, r)
		hit, right, namedEnd, conventional := false, false, false, false
		for _, d := range ds {
			if !overlaps(d.Start, d.End, s, e) {
				continue
			}
			hit = true
			df, dt := openRange(d)
			if sameDay(df, from) && sameDay(dt, to) {
				right = true
			}
			if v.Type == "daterange" && from != nil && to != nil && df != nil && dt != nil && df.Equal(*from) && !dt.Before(to.AddDate(0, 0, 1)) && dt.Before(to.AddDate(1, 0, 2)) {
				namedEnd = true
			}
			if conventionalMatch(c.Input, v, futures[i], df, dt) {
				conventional = true
			}
		}
		if !right && !conventional {
			conv = false
		}
		if fail != nil || right {
			continue
		}
		want := fmt.Sprintf("%q=%s", r.Text, rangeString(from, to))
		switch {
		case !hit:
			fail = &Failure{Kind: "missed " + kind, Want: want, Got: describeD(ds)}
		case namedEnd:
			// The spec's range stops before the last day, month or year
			// the text names ("April 9th through 17th" ends on the 16th,
			// "from 2014 to 2018" in 2017); ours includes it.
			fail = &Failure{Kind: "wrong " + kind + " (named last unit included by us, excluded by the spec)", Want: want, Got: describeD(ds)}
		default:
			fail = &Failure{Kind: "wrong " + kind, Want: want, Got: describeD(ds)}
		}
	}
	return true, fail, conv
}

// conventionalMatch reports whether our range df..dt (inclusive, nil where
// open) differs from the spec's past value v only by one of two reading
// conventions the product keeps on purpose:
//
//   - the named last unit: the spec's range excludes the last day, week,
//     month, quarter or year the text names ("from 2014 to 2018" ends
//     2017-12-31 there); ours starts on the same day and ends at the end of
//     the unit that starts at the spec's exclusive end;
//   - the future reading: the sentence says "will" or a contracted "'ll",
//     and ours is the spec's future value (fut), where it gives one.
//
// The rule is fixed here and does not ask the extractor what looks ahead.
func conventionalMatch(input string, v, fut dateValue, df, dt *time.Time) bool {
	from, to, ok := wantRange(v)
	if ok && v.Type == "daterange" && from != nil && to != nil && df != nil && dt != nil && df.Equal(*from) && endsUnitAt(*dt, to.AddDate(0, 0, 1)) {
		return true
	}
	if fut.Type == "" || !saysWill(input) {
		return false
	}
	ff, ft, ok := wantRange(fut)
	return ok && sameDay(df, ff) && sameDay(dt, ft)
}

// endsUnitAt reports whether end is the last day of a day, ISO week,
// month, quarter or year that starts on start.
func endsUnitAt(end, start time.Time) bool {
	units := []time.Time{start}
	if start.Weekday() == time.Monday {
		units = append(units, start.AddDate(0, 0, 6))
	}
	if start.Day() == 1 {
		units = append(units, start.AddDate(0, 1, -1))
		if start.Month()%3 == 1 {
			units = append(units, start.AddDate(0, 3, -1))
		}
		if start.Month() == time.January {
			units = append(units, start.AddDate(1, 0, -1))
		}
	}
	for _, u := range units {
		if end.Equal(u) {
			return true
		}
	}
	return false
}

// saysWill reports whether input contains the word "will" or a word ending
// in a contracted "'ll" or "’ll", in any case.
func saysWill(input string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(input), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
	}) {
		if w == "will" || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
			return true
		}
	}
	return false
}

// openRange is the inclusive day range a Date means, nil where its
// relation leaves it open: "since August" is [Aug 1, open), "after 2016"
// [2017-01-01, open), "before 2010" (open, 2009-12-31], "until June"
// (open, Jun 30].
func openRange(d recognize.Date) (from, to *time.Time) {
	f, t := d.From, d.To
	switch d.Mod {
	case recognize.ModSince:
		return &f, nil
	case recognize.ModAfter:
		a := t.AddDate(0, 0, 1)
		return &a, nil
	case recognize.ModBefore:
		b := f.AddDate(0, 0, -1)
		return nil, &b
	case recognize.ModUntil:
		return nil, &t
	}
	return &f, &t
}

// sameDay compares two possibly open ends.
func sameDay(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func rangeString(from, to *time.Time) string {
	day := func(t *time.Time) string {
		if t == nil {
			return "open"
		}
		return t.Format("2006-01-02")
	}
	return day(from) + ".." + day(to)
}

// pastValue picks the date or daterange value to compare: the earliest,
// which is the past reading when the spec gives past and future.
func pastValue(vs []dateValue) (dateValue, bool) {
	var best dateValue
	found := false
	for _, v := range vs {
		if v.Type != "date" && v.Type != "daterange" {
			continue
		}
		key := v.Value
		if v.Type == "daterange" {
			key = v.Start
		}
		bk := best.Value
		if best.Type == "daterange" {
			bk = best.Start
		}
		if !found || key < bk {
			best, found = v, true
		}
	}
	return best, found
}

// futureValue is the other date or daterange value when the spec gives a
// past and a future one, and the zero value when it gives one reading.
func futureValue(vs []dateValue, past dateValue) dateValue {
	for _, v := range vs {
		if (v.Type == "date" || v.Type == "daterange") && v != past {
			return v
		}
	}
	return dateValue{}
}

// wantRange converts a spec value to an inclusive day range; a daterange
// with only a start or only an end (a Mod such as since or before) is open
// on the other side. ok is false for unresolved values ("feb 30", "this
// summer").
func wantRange(v dateValue) (from, to *time.Time, ok bool) {
	parse := func(s string) (*time.Time, bool) {
		if s == "" {
			return nil, true
		}
		t, err := time.Parse("2006-01-02", s)
		return &t, err == nil
	}
	if v.Type == "date" {
		d, ok := parse(v.Value)
		return d, d, ok && d != nil
	}
	a, ok1 := parse(v.Start)
	b, ok2 := parse(v.End)
	if !ok1 || !ok2 || a == nil && b == nil {
		return nil, nil, false
	}
	point := v.Source == "datetimepoint" || v.Source == "" && isDayTimex(v.Timex)
	if point && v.Mod == "after" && a != nil {
		// "after January 1, 2007": the spec's start is the day named,
		// which the relation excludes.
		s := a.AddDate(0, 0, 1)
		a = &s
	}
	if b != nil && !(point && v.Mod == "until") {
		// An end is exclusive, except the day named in "as late as
		// tomorrow", which the relation includes.
		e := b.AddDate(0, 0, -1)
		b = &e
	}
	return a, b, true
}

// isDayTimex reports whether a timex names one day ("2018-06-12",
// "XXXX-07-04").
func isDayTimex(t string) bool {
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return false
	}
	for i, c := range t {
		if i == 4 || i == 7 {
			continue
		}
		if (c < '0' || c > '9') && !(i < 4 && c == 'X') {
			return false
		}
	}
	return true
}

func describeD(ds []recognize.Date) string {
	if len(ds) == 0 {
		return "nothing"
	}
	var parts []string
	for _, d := range ds {
		from, to := openRange(d)
		parts = append(parts, fmt.Sprintf("%q=%s", d.Text, rangeString(from, to)))
	}
	return strings.Join(parts, " ")
}
