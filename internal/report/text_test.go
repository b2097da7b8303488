package report

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// goldenCollection is the collection behind fixtures/golden/verify.json:
// the fixture articles, Valley Herald's copy of Meridian Press among them,
// and their verdicts, without running the pipeline.
func goldenCollection(t *testing.T) *pipeline.Collection {
	t.Helper()
	data, err := os.ReadFile("../../fixtures/golden/verify.json")
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return collectionOf(r)
}

func collectionOf(r Report) *pipeline.Collection {
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	res := &pipeline.Collection{}
	for _, a := range r.Articles {
		res.Articles = append(res.Articles, pipeline.Outcome{
			Article: pipeline.ArticleMeta{ID: a.ID, File: a.File, Source: a.Source, Published: deref(a.Published), Title: deref(a.Title)},
			Claims:  a.Claims,
			CopyOf:  deref(a.CopyOf),
		})
	}
	for _, v := range r.Verdicts {
		res.Verdicts = append(res.Verdicts, pipeline.VerdictEvent{Version: v.Version, Verdict: v.Verdict})
	}
	return res
}

// hostileCollection has what breaks a naive layout: a word longer than any
// line, wide runes, newlines and tabs in a sentence, a long source name.
func hostileCollection() *pipeline.Collection {
	long := strings.Repeat("Unbreakable", 30)
	claim := func(id, article, text, sentence string) extract.Claim {
		return extract.Claim{ID: id, Article: article, Subject: "story " + long, Attribute: "deaths",
			Value: &extract.Value{Text: text, Number: 14}, Sentence: sentence}
	}
	res := &pipeline.Collection{Articles: []pipeline.Outcome{
		{Article: pipeline.ArticleMeta{ID: "a-1", File: "one.txt", Source: "東京新聞 " + long},
			Claims: []extract.Claim{claim("a-1-1", "a-1", "十四", "死者は十四人に達した。\n\tThe toll\trose to "+long+" fourteen.")}},
		{Article: pipeline.ArticleMeta{ID: "a-2", File: "two.txt", Source: "Copy (via 東京新聞 " + long + ")"},
			CopyOf: "a-1",
			Claims: []extract.Claim{claim("a-2-1", "a-2", "十四", "The toll rose to fourteen.")}},
	}}
	res.Verdicts = []pipeline.VerdictEvent{{Version: 1, Verdict: compare.Verdict{
		ID: "v-1", Subject: "story " + long, Attribute: "deaths", Status: compare.SingleSource,
		Sources: []string{"Copy (via 東京新聞 " + long + ")", "東京新聞 " + long},
		Claims:  []string{"a-1-1", "a-2-1"},
		Camps:   []compare.Camp{{Claims: []string{"a-1-1", "a-2-1"}}},
		Reason:  "only 東京新聞 reports " + long,
	}}}
	return res
}

// TestWriteTextFitsWidth: no line of the text report is wider than the
// width it is given, with evidence cut or whole.
func TestWriteTextFitsWidth(t *testing.T) {
	collections := map[string]*pipeline.Collection{
		"golden":  goldenCollection(t),
		"hostile": hostileCollection(),
	}
	for name, res := range collections {
		for _, width := range []int{1, 20, 40, 60, 80, 100, 150} {
			for _, full := range []bool{false, true} {
				var b bytes.Buffer
				if err := WriteText(&b, res, TextOptions{Width: width, Full: full}); err != nil {
					t.Fatal(err)
				}
				limit := max(width, minWidth)
				for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
					if w := cellWidth(line); w > limit {
						t.Errorf("WriteText(%s, width %d, full %v) line %d is %d columns wide:\n%s", name, width, full, i+1, w, line)
					}
				}
			}
		}
	}
}

// TestWriteTextFull: --full prints every evidence sentence whole; without
// it some are cut.
func TestWriteTextFull(t *testing.T) {
	res := goldenCollection(t)
	words := func(full bool) string {
		var b bytes.Buffer
		if err := WriteText(&b, res, TextOptions{Width: 100, Full: full}); err != nil {
			t.Fatal(err)
		}
		return oneLine(b.String())
	}
	cutOut, fullOut := words(false), words(true)
	whole := 0
	for _, o := range res.Articles {
		for _, c := range o.Claims {
			s := oneLine(c.Sentence)
			if !strings.Contains(fullOut, s) {
				t.Errorf("WriteText(full) lacks the whole sentence of %s: %q", c.ID, s)
			}
			if strings.Contains(cutOut, s) {
				whole++
			}
		}
	}
	if n := len(res.Articles); whole == 0 || n == 0 {
		t.Fatalf("no sentence shown whole without --full; test proves nothing")
	}
	if all := countClaims(res); whole == all {
		t.Errorf("WriteText without full showed all %d sentences whole at width 100; want long ones cut", all)
	}
}

func countClaims(res *pipeline.Collection) int {
	n := 0
	for _, o := range res.Articles {
		n += len(o.Claims)
	}
	return n
}

// TestVerdictValuesFoldCopies: a copy that says what its original says is
// folded into it, shown once, and not counted as an independent source.
func TestVerdictValuesFoldCopies(t *testing.T) {
	res := goldenCollection(t)
	ix := newIndex(buildReport(res))
	tests := []struct {
		subject, attribute string
		status             compare.Status
		values             string
		independent        int
	}{
		{"story", "deaths", compare.Conflict,
			`Meridian Press "14" (+1 copy: Valley Herald); The Northern Courier "Fourteen" vs The River Post "Nineteen"`, 3},
		{"story", "boats", compare.SingleSource, `Meridian Press "40" (+1 copy: Valley Herald)`, 1},
		{"rook", "declare", compare.Agree,
			`Meridian Press "Monday" (+1 copy: Valley Herald); The Evening Ledger "Monday"; The Northern Courier "June 9"`, 3},
		{"rivercall", "users", compare.Agree, `Bravik Observer "1.2 million"; Harbour Times "1.2 million"`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.subject+"/"+tt.attribute+"/"+string(tt.status), func(t *testing.T) {
			var v *compare.Verdict
			for i := range res.Verdicts {
				got := &res.Verdicts[i].Verdict
				if got.Subject == tt.subject && got.Attribute == tt.attribute && got.Status == tt.status {
					v = got
				}
			}
			if v == nil {
				t.Fatalf("no %s %s/%s verdict in the golden report", tt.status, tt.subject, tt.attribute)
			}
			if diff := cmp.Diff(tt.values, ix.values(*v)); diff != "" {
				t.Errorf("values(%s) mismatch (-want +got):\n%s", v.ID, diff)
			}
			if got := ix.independent(*v); got != tt.independent {
				t.Errorf("independent(%s) = %d, want %d", v.ID, got, tt.independent)
			}
		})
	}
}

// TestWriteTextTable: the verdict table shows status, subject, attribute,
// story, independent sources, values and reason.
func TestWriteTextTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, goldenCollection(t), TextOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	// Column widths follow the data; runs of spaces are compared as one.
	spaces := regexp.MustCompile(` +`)
	out := spaces.ReplaceAllString(b.String(), " ")
	for _, want := range []string{
		" STATUS SUBJECT ATTRIBUTE STORY SRCS VALUES BY SOURCE\n",
		" conflict story deaths 1 3 Meridian Press \"14\" (+1 copy: Valley Herald); The Northern Courier \"Fourteen\" vs The River Post \"Nineteen\"\n" +
			" conflict on story deaths: Meridian Press \"14\" according to emergency authority,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteText(width 200) lacks %q; got:\n%s", want, out)
		}
	}
	if strings.Contains(out, `Valley Herald (via Meridian Press) "14"`) {
		t.Errorf("WriteText lists Valley Herald's copy of Meridian Press's \"14\" on its own")
	}
}
