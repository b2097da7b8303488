package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// TestWriteCSV: the CSV parses back with encoding/csv into a header and
// one row per camp member of each verdict, with commas, quotes and
// newlines in a sentence kept as they were.
func TestWriteCSV(t *testing.T) {
	res := goldenCollection(t)
	tricky := `He said "fourteen, not six",` + "\nthen left."
	res.Articles = append(res.Articles, pipeline.Outcome{
		Article: pipeline.ArticleMeta{ID: "a-x", File: "x, y.txt", Source: `The "Quoted" Times`},
		Claims: []extract.Claim{{ID: "a-x-1", Article: "a-x", Subject: "story", Attribute: "deaths",
			Value: &extract.Value{Text: "fourteen", Number: 14}, Sentence: tricky}},
	})
	res.Verdicts = append(res.Verdicts, pipeline.VerdictEvent{Version: 1, Verdict: compare.Verdict{
		ID: "v-x", Subject: "story", Attribute: "deaths", Status: compare.SingleSource,
		Sources: []string{`The "Quoted" Times`}, Claims: []string{"a-x-1"},
		Camps: []compare.Camp{{Claims: []string{"a-x-1"}, Sources: []string{`The "Quoted" Times`}}},
	}})

	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("WriteCSV output does not parse as CSV: %v", err)
	}
	if len(rows) == 0 {
		t.Fatal("WriteCSV wrote nothing")
	}
	if diff := cmp.Diff(CSVHeader, rows[0]); diff != "" {
		t.Errorf("WriteCSV header mismatch (-want +got):\n%s", diff)
	}
	members := 0
	for _, v := range res.Verdicts {
		for _, c := range v.Verdict.Camps {
			members += len(c.Claims)
		}
	}
	if got := len(rows) - 1; got != members {
		t.Errorf("WriteCSV wrote %d rows, want one per camp member: %d", got, members)
	}

	byClaim := make(map[string]map[string]string)
	// find is the row of the claim of file (by its base name) with value as
	// written: claim ids move as extraction finds more, the claims do not.
	find := func(file, value string) string {
		for id, m := range byClaim {
			if strings.HasSuffix(m["file"], "/"+file) && m["value"] == value {
				return id
			}
		}
		t.Fatalf("WriteCSV wrote no row of %s with value %q", file, value)
		return ""
	}
	for _, r := range rows[1:] {
		m := make(map[string]string)
		for i, h := range CSVHeader {
			m[h] = r[i]
		}
		byClaim[m["claim_id"]] = m
	}
	copied := find("valley-herald-2025-06-11.txt", "14")
	tests := []struct {
		claim string
		want  map[string]string
	}{
		{"a-x-1", map[string]string{"verdict_id": "v-x", "status": "single-source", "subject": "story", "attribute": "deaths",
			"story": "", "camp": "1", "source": `The "Quoted" Times`, "copy_of": "", "value": "fourteen", "number": "14",
			"date": "", "claim_id": "a-x-1", "file": "x, y.txt", "sentence": tricky}},
		// Valley Herald's copy of Meridian Press's death toll.
		{copied, map[string]string{"verdict_id": byClaim[find("meridian-press-2025-06-11.txt", "14")]["verdict_id"], "status": "conflict", "subject": "story",
			"attribute": "deaths", "story": "1", "camp": "1", "source": "Valley Herald (via Meridian Press)",
			"copy_of": "Meridian Press", "value": "14", "number": "14", "date": "", "claim_id": copied,
			"file":     "fixtures/articles/valley-herald-2025-06-11.txt",
			"sentence": byClaim[find("meridian-press-2025-06-11.txt", "14")]["sentence"]}},
		{find("bravik-observer-2025-06-13.txt", "8 June"), map[string]string{"value": "8 June", "number": "", "date": "2025-06-08"}},
	}
	for _, tt := range tests {
		got := byClaim[tt.claim]
		for k, want := range tt.want {
			if got[k] != want {
				t.Errorf("WriteCSV row of %s: %s = %q, want %q", tt.claim, k, got[k], want)
			}
		}
	}
}
