package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/internal/report"
)

// TestVerifyStatus: --status keeps only the verdicts with the statuses it
// names, in every format; an unknown one is refused, named, before any
// file is read.
func TestVerifyStatus(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("COLUMNS", "")
	files := fixtureArticles(t)
	var conflicts []report.Verdict
	for _, v := range goldenVerdicts(t) {
		if v.Status == compare.Conflict {
			conflicts = append(conflicts, v)
		}
	}
	if len(conflicts) == 0 {
		t.Fatal("no conflict in the golden verdicts; test proves nothing")
	}

	t.Run("json", func(t *testing.T) {
		out, stderr, err := runVerify(t, append([]string{"--json", "--status", "conflict"}, files...)...)
		if err != nil {
			t.Fatalf("verify --json --status conflict: %v\n%s", err, stderr)
		}
		if diff := cmp.Diff(conflicts, verdictsOf(t, out)); diff != "" {
			t.Errorf("verify --json --status conflict verdicts (-want +got):\n%s", diff)
		}
	})
	t.Run("claimreview", func(t *testing.T) {
		out, stderr, err := runVerify(t, append([]string{"--format", "claimreview", "--status", "conflict"}, files...)...)
		if err != nil {
			t.Fatalf("verify --format claimreview --status conflict: %v\n%s", err, stderr)
		}
		var reviews []struct {
			Identifier string `json:"identifier"`
		}
		if err := json.Unmarshal([]byte(out), &reviews); err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, r := range reviews {
			got = append(got, r.Identifier)
		}
		for _, v := range conflicts {
			want = append(want, v.ID)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("verify --format claimreview --status conflict reviews (-want +got):\n%s", diff)
		}
	})
	t.Run("csv", func(t *testing.T) {
		out, stderr, err := runVerify(t, append([]string{"--format", "csv", "--status", "conflict"}, files...)...)
		if err != nil {
			t.Fatalf("verify --format csv --status conflict: %v\n%s", err, stderr)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("verify --format csv is not CSV: %v\n%s", err, out)
		}
		want := 0
		for _, v := range conflicts {
			for _, c := range v.Camps {
				want += len(c.Claims)
			}
		}
		if len(rows) != want+1 || len(rows) < 2 {
			t.Fatalf("verify --format csv --status conflict: %d rows, want a header and %d", len(rows), want)
		}
		if diff := cmp.Diff(report.CSVHeader, rows[0]); diff != "" {
			t.Errorf("verify --format csv header (-want +got):\n%s", diff)
		}
		for _, r := range rows[1:] {
			if r[1] != string(compare.Conflict) {
				t.Errorf("verify --format csv --status conflict: row %q has status %q", r, r[1])
			}
		}
	})
	t.Run("text", func(t *testing.T) {
		out, stderr, err := runVerify(t, append([]string{"--status", "agree,single-source"}, files...)...)
		if err != nil {
			t.Fatalf("verify --status agree,single-source: %v\n%s", err, stderr)
		}
		_, table, _ := strings.Cut(out, "\nVerdicts: ")
		if table == "" || strings.Contains(table, "  conflict  ") || !strings.Contains(table, "  agree  ") || !strings.Contains(table, "  single-source  ") {
			t.Errorf("verify --status agree,single-source verdict table:\n%s", table)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		_, _, err := runVerify(t, "--status", "conflict,disputed", "no-such-file.txt")
		if err == nil || !errors.Is(err, report.ErrUnknownStatus) || !strings.Contains(err.Error(), `"disputed"`) {
			t.Errorf("verify --status conflict,disputed: error %v, want one naming \"disputed\"", err)
		}
	})
}
