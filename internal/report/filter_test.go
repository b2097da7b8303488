package report

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
)

func TestParseStatuses(t *testing.T) {
	tests := []struct {
		in      string
		want    []compare.Status
		wantErr string
	}{
		{in: "", want: nil},
		{in: "conflict", want: []compare.Status{compare.Conflict}},
		{in: "agree, single-source,agree", want: []compare.Status{compare.Agree, compare.SingleSource}},
		{in: "conflict,", want: []compare.Status{compare.Conflict}},
		{in: "conflict,disputed", wantErr: `unknown status "disputed" (want agree, conflict or single-source)`},
		{in: "Conflict", wantErr: `unknown status "Conflict" (want agree, conflict or single-source)`},
	}
	for _, tt := range tests {
		got, err := ParseStatuses(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr || !errors.Is(err, ErrUnknownStatus) {
				t.Errorf("ParseStatuses(%q) error = %v, want %q wrapping ErrUnknownStatus", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseStatuses(%q): %v", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseStatuses(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestFilter(t *testing.T) {
	res := goldenCollection(t)
	count := func(s compare.Status) int {
		n := 0
		for _, v := range res.Verdicts {
			if v.Verdict.Status == s {
				n++
			}
		}
		return n
	}
	if Filter(res, nil) != res {
		t.Errorf("Filter(res, nil) is not res itself")
	}
	tests := [][]compare.Status{
		{compare.Conflict},
		{compare.Agree, compare.SingleSource},
	}
	for _, only := range tests {
		got := Filter(res, only)
		want := 0
		for _, s := range only {
			want += count(s)
		}
		if len(got.Verdicts) != want || want == 0 {
			t.Errorf("Filter(%v) kept %d verdicts, want %d", only, len(got.Verdicts), want)
		}
		for _, v := range got.Verdicts {
			if !slices.Contains(only, v.Verdict.Status) {
				t.Errorf("Filter(%v) kept a %s verdict", only, v.Verdict.Status)
			}
		}
		if len(got.Articles) != len(res.Articles) {
			t.Errorf("Filter(%v) has %d articles, want all %d", only, len(got.Articles), len(res.Articles))
		}
	}
	if len(res.Verdicts) != count(compare.Conflict)+count(compare.Agree)+count(compare.SingleSource) {
		t.Errorf("Filter changed the collection it was given")
	}
}
