package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyBadInputSuite sends each kind of bad input alone through
// `crosscheck verify`: it must get one clear line naming the file and the
// problem and a non-zero exit, or, for the pathological but legal articles
// (a thousand-digit number, thousands of repeated hedges), finish with a
// sane report instead of garbage. runVerify bounds every run in time.
func TestVerifyBadInputSuite(t *testing.T) {
	t.Setenv("NATS_URL", "")
	english := "The council said 40 people were evacuated from the valley on Monday, and officials expected the river to fall by Wednesday. "
	article := func(body string) string {
		return "---\nsource: Test Wire\npublished: 2024-03-06\n---\n" + body + "\n"
	}
	for _, tc := range []struct {
		name string
		data string
		want string // "" means a good report is expected
	}{
		{"empty", "", "empty article"},
		{"whitespace", " \n\t\n   \r\n", "empty article"},
		{"front-matter-only", "---\nsource: X\n---\n\n", "empty article"},
		{"binary-nul", "\x7fELF\x02\x01\x01\x00\x00\x00" + strings.Repeat("\x00\x01\x02", 100), "binary data, not text"},
		{"binary-control", strings.Repeat("\x01\x02\x03\x04 text ", 200), "binary data, not text"},
		{"invalid-utf8", article(english + "Caf\xe9 owners \xff\xfe said so."), "invalid UTF-8: at byte"},
		{"too-large", article(strings.Repeat(english, 5000)), "article too large"},
		{"front-matter-unclosed", "---\nsource: X\npublished: 2024-01-01\n" + english, "malformed front matter"},
		{"front-matter-garbage", "---\n%%%% ::: ]]\n\x1b[31m\n---\n" + english, "malformed front matter"},
		{"front-matter-bad-date", "---\npublished: yesterday-ish\n---\n" + english, "malformed front matter"},
		{"french", article(strings.Repeat("Le conseil a déclaré que 40 personnes ont été évacuées de la vallée lundi, et les responsables pensent que la rivière va baisser mercredi. ", 4)), "unsupported language"},
		{"german", article(strings.Repeat("Der Rat teilte mit, dass am Montag 40 Menschen aus dem Tal in Sicherheit gebracht wurden und dass der Fluss bis Mittwoch sinken soll. ", 4)), "unsupported language"},
		{"thousand-digit-number", article("The agency said " + strings.Repeat("9", 1000) + " people were counted on Monday. " + english), ""},
		{"thousand-digit-decimal", article("The index rose to 0." + strings.Repeat("1", 1000) + " percent on Monday. " + english), ""},
		{"repeated-hedges", article("Officials said " + strings.Repeat("more than ", 5000) + "40 people were evacuated on Monday. " + english), ""},
		{"repeated-hedge-words", article(strings.Repeat("about nearly roughly some up to ", 2000) + "12 homes were damaged. " + english), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), tc.name+".txt")
			if err := os.WriteFile(file, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, err := runVerify(t, "--json", file)
			if tc.want != "" {
				lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
				if err == nil || len(lines) != 1 || !strings.Contains(lines[0], file) || !strings.Contains(lines[0], tc.want) {
					t.Errorf("verify %s: err %v, stderr %q; want a non-zero exit and one line naming the file and %q", tc.name, err, stderr, tc.want)
				}
				if len(lines[0]) > 300 {
					t.Errorf("verify %s: error line of %d bytes, want a short one: %.300q", tc.name, len(lines[0]), lines[0])
				}
				return
			}
			if err != nil {
				t.Fatalf("verify %s: %v\nstderr: %s", tc.name, err, stderr)
			}
			var rep struct {
				Articles []struct {
					Claims []json.RawMessage `json:"claims"`
				} `json:"articles"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("verify %s: output is not the JSON contract: %v", tc.name, err)
			}
			if len(rep.Articles) != 1 {
				t.Fatalf("verify %s: %d articles in the report, want 1", tc.name, len(rep.Articles))
			}
			claims := rep.Articles[0].Claims
			found40 := false
			for _, c := range claims {
				var v struct {
					Value *struct {
						Text   string   `json:"text"`
						Number float64  `json:"number"`
						Min    *float64 `json:"min"`
						Max    *float64 `json:"max"`
					} `json:"value"`
				}
				if err := json.Unmarshal(c, &v); err != nil {
					t.Fatal(err)
				}
				if v.Value == nil {
					continue
				}
				if math.IsInf(v.Value.Number, 0) || math.IsNaN(v.Value.Number) {
					t.Errorf("verify %s: garbage value %.80q = %v", tc.name, v.Value.Text, v.Value.Number)
				}
				if v.Value.Number == 40 {
					found40 = true
				}
			}
			if !found40 {
				t.Errorf("verify %s: the ordinary sentence's 40 people are missing from %d claims", tc.name, len(claims))
			}
		})
	}
}
