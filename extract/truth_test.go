package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// truthFile is the hand-labelled reading of the fixture and seed articles:
// for each checkable figure or dated event, its subject, what it counts and
// who says it (see its notes).
const truthFile = "../fixtures/truth/claims.json"

type truthClaim struct {
	Text      string   `json:"text"`
	Near      string   `json:"near"`
	Claim     *bool    `json:"claim"`
	Subject   []string `json:"subject"`
	Attribute []string `json:"attribute"`
	By        []string `json:"by"`
	AlsoBy    []string `json:"also_by"`
}

type truthArticle struct {
	File   string       `json:"file"`
	Dir    string       `json:"dir"`
	SameAs string       `json:"same_as"`
	Claims []truthClaim `json:"claims"`
}

// truthScore counts how a run of the extractor reads against the truth.
type truthScore struct {
	extracted int // claims the extractor made
	truth     int // checkable claims in the truth
	found     int // truth claims extracted (by value or date as written)
	subject   int // found with an acceptable subject
	attribute int
	by        int
	allRight  int // subject, attribute and attribution all acceptable
	spurious  int // extracted but not a checkable claim
}

func (s truthScore) String() string {
	pct := func(n, d int) string {
		if d == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(d))
	}
	return fmt.Sprintf("%3d %3d %3d | subject %3d (%4s) attribute %3d (%4s) by %3d (%4s) | all right %3d: recall %4s precision %4s | spurious %d",
		s.truth, s.extracted, s.found, s.subject, pct(s.subject, s.found), s.attribute, pct(s.attribute, s.found), s.by, pct(s.by, s.found),
		s.allRight, pct(s.allRight, s.truth), pct(s.allRight, s.extracted), s.spurious)
}

func (s *truthScore) add(o truthScore) {
	s.extracted += o.extracted
	s.truth += o.truth
	s.found += o.found
	s.subject += o.subject
	s.attribute += o.attribute
	s.by += o.by
	s.allRight += o.allRight
	s.spurious += o.spurious
}

// loadTruth reads the truth file and the articles it labels. Seed articles
// are read from ../shared/corpus/seeds beside an ancestor of the working
// directory; without them only the fixtures are scored.
func loadTruth(t *testing.T) ([]truthArticle, map[string]Article) {
	t.Helper()
	data, err := os.ReadFile(truthFile)
	if err != nil {
		t.Fatalf("read %s: %v", truthFile, err)
	}
	var tf struct {
		Articles []truthArticle `json:"articles"`
	}
	if err := json.Unmarshal(data, &tf); err != nil {
		t.Fatalf("parse %s: %v", truthFile, err)
	}
	byFile := make(map[string][]truthClaim)
	for _, ta := range tf.Articles {
		byFile[ta.File] = ta.Claims
	}
	arts := make(map[string]Article)
	var out []truthArticle
	for _, ta := range tf.Articles {
		if ta.SameAs != "" {
			ta.Claims = byFile[ta.SameAs]
		}
		path := filepath.Join("../fixtures/articles", ta.File)
		if ta.Dir == "seeds" {
			dir := seedDir()
			if dir == "" {
				continue
			}
			path = filepath.Join(dir, ta.File)
		}
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		a, err := ParseArticle(path, body)
		if err != nil {
			t.Fatalf("ParseArticle(%s): %v", path, err)
		}
		arts[ta.File] = a
		out = append(out, ta)
	}
	return out, arts
}

func seedDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
		c := filepath.Join(d, "shared", "corpus", "seeds")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
	}
	return ""
}

// scoreTruth matches claims to the truth by the text of their value or
// date, in order, and counts what is right.
func scoreTruth(ta truthArticle, got []Claim) (truthScore, []string) {
	var sc truthScore
	var misses []string
	used := make([]bool, len(got))
	sc.extracted = len(got)
	for _, tc := range ta.Claims {
		checkable := tc.Claim == nil || *tc.Claim
		if checkable {
			sc.truth++
		}
		var c *Claim
		for i := range got {
			if !used[i] && claimText(got[i]) == tc.Text && strings.Contains(got[i].Sentence, tc.Near) {
				used[i], c = true, &got[i]
				break
			}
		}
		switch {
		case c == nil && checkable:
			misses = append(misses, fmt.Sprintf("%s %q: not extracted", ta.File, tc.Text))
			continue
		case c == nil:
			continue
		case !checkable:
			sc.spurious++
			misses = append(misses, fmt.Sprintf("%s %q: extracted (%s %s), but it is not a checkable claim", ta.File, tc.Text, c.Subject, c.Attribute))
			continue
		}
		sc.found++
		subj := slices.Contains(tc.Subject, c.Subject)
		attr := slices.Contains(tc.Attribute, c.Attribute)
		by := acceptableBy(tc, deref(c.AttributedTo))
		if subj {
			sc.subject++
		}
		if attr {
			sc.attribute++
		}
		if by {
			sc.by++
		}
		if subj && attr && by {
			sc.allRight++
		} else {
			misses = append(misses, fmt.Sprintf("%s %q: got subject %q attribute %q by %q; want %v %v by %v%v", ta.File, tc.Text, c.Subject, c.Attribute, deref(c.AttributedTo), tc.Subject, tc.Attribute, tc.By, tc.AlsoBy))
		}
	}
	for i, u := range used {
		if !u {
			sc.spurious++
			misses = append(misses, fmt.Sprintf("%s %q: extracted (%s %s) but not in the truth", ta.File, claimText(got[i]), got[i].Subject, got[i].Attribute))
		}
	}
	return sc, misses
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func claimText(c Claim) string {
	if c.Value != nil {
		return c.Value.Text
	}
	if c.Date != nil {
		return c.Date.Text
	}
	return ""
}

func acceptableBy(tc truthClaim, got string) bool {
	g := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(got)), "the ")
	if g == "" {
		return len(tc.By) == 0
	}
	for _, w := range append(slices.Clone(tc.By), tc.AlsoBy...) {
		if strings.TrimPrefix(strings.ToLower(w), "the ") == g {
			return true
		}
	}
	return false
}

// TestSubjectSources scores the claims against the hand-labelled truth with
// every source of subject evidence, then with each switched off in turn, so
// that what each adds is measured (the README's table comes from its -v
// output). It fails if the full extractor falls below its measured floor.
func TestSubjectSources(t *testing.T) {
	truth, arts := loadTruth(t)
	tk, err := NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	variants := []struct {
		name string
		ner  nerMode
		off  sources
	}{
		{"all sources (entities around names)", nerWindows, 0},
		{"entities on whole sentences", nerNames, 0},
		{"without entities", nerNone, srcEntities},
		{"without part-of-speech patterns", nerWindows, srcTags},
		{"without the alias table", nerWindows, srcAliases},
		{"without coreference", nerWindows, srcCoreference},
		{"capitalisation only", nerNone, srcEntities | srcTags | srcAliases | srcCoreference},
	}
	var report strings.Builder
	fmt.Fprintf(&report, "%-38s truth extracted found\n", "")
	var full truthScore
	var fullMisses, perArticle []string
	for vi, v := range variants {
		vt := &Tokenizer{seg: tk.seg, tagger: tk.tagger, ner: v.ner}
		var total truthScore
		for _, ta := range truth {
			a := arts[ta.File]
			doc, err := vt.Tokenize(a.Body)
			if err != nil {
				t.Fatalf("Tokenize(%s): %v", a.File, err)
			}
			sc, misses := scoreTruth(ta, claims(a, doc, v.off))
			total.add(sc)
			if vi == 0 {
				fullMisses = append(fullMisses, misses...)
				perArticle = append(perArticle, fmt.Sprintf("%-38s %s", ta.File, sc))
			}
		}
		if vi == 0 {
			full = total
		}
		fmt.Fprintf(&report, "%-38s %s\n", v.name, total)
	}
	t.Logf("claims against fixtures/truth:\n%s", report.String())
	if testing.Verbose() {
		t.Logf("per article:\n%s", strings.Join(perArticle, "\n"))
		t.Logf("what the full extractor gets wrong:\n%s", strings.Join(fullMisses, "\n"))
	}
	// Floors: what the full extractor measured when this test was written,
	// so that a change that reads subjects worse fails here.
	const floorRecall, floorPrecision = 0.78, 0.73
	recall := float64(full.allRight) / float64(full.truth)
	precision := float64(full.allRight) / float64(full.extracted)
	if recall < floorRecall || precision < floorPrecision {
		t.Errorf("claims all right: recall %.2f precision %.2f, below the floors %.2f and %.2f", recall, precision, floorRecall, floorPrecision)
	}
}
