package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
)

// article3K is about 3 KB of running text: the wire story, its copy's page
// clutter and some other news.
func article3K(b *testing.B) string {
	s := readTestdata(b, "wire.txt") + "\n\n" + readTestdata(b, "other.txt") + "\n\n" + readTestdata(b, "independent.txt")
	return s[:3072]
}

func BenchmarkSign(b *testing.B) {
	body := article3K(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Sign(body)
	}
}

// BenchmarkEntities is the cost of the names an article is filed by.
func BenchmarkEntities(b *testing.B) {
	body := article3K(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Entities("Bridge Over the Oskel Reopens", "Daily Planet", body)
	}
}

// synthetic makes n entries spread over groups keys: about ten outlets per
// group, figures around a per-group value, a few off by half.
func synthetic(n, groups int) []Entry {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	outlets := []string{"AFP", "AP", "BBC", "CNN", "DW", "Geo News", "Reuters", "Sputnik", "Xinhua", "Daily Planet"}
	entries := make([]Entry, n)
	for i := range entries {
		g := r.IntN(groups)
		base := float64(1000 * (g + 1))
		if r.IntN(8) == 0 {
			base *= 1.5
		}
		lo, hi := base*0.9, base*1.1
		src := outlets[r.IntN(len(outlets))]
		entries[i] = Entry{
			Claim: extract.Claim{
				ID:        fmt.Sprintf("c%06d", i),
				Article:   fmt.Sprintf("a%05d", i/10),
				Subject:   fmt.Sprintf("subject %d", g),
				Attribute: "users",
				Value:     &extract.Value{Text: fmt.Sprintf("about %.0f", base), Number: base, Min: &lo, Max: &hi, Hedge: "approx"},
			},
			Source:    src,
			Published: fmt.Sprintf("2018-04-%02d", 1+r.IntN(3)),
		}
		if r.IntN(10) == 0 {
			entries[i].CopyOf = fmt.Sprintf("a%05d", r.IntN(i/10+1))
		}
	}
	return entries
}

// BenchmarkJudge judges a group of 20 entries and one of 64, the most the
// compare stage lists before folding.
func BenchmarkJudge(b *testing.B) {
	for _, n := range []int{20, 64} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			group := synthetic(n, 1)
			b.ReportAllocs()
			for b.Loop() {
				Judge(group)
			}
		})
	}
}

func BenchmarkVerdicts(b *testing.B) {
	entries := synthetic(100_000, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		Verdicts(entries)
	}
}

// BenchmarkJudgeArticle is what the compare stage pays per incoming article
// of ten claims, given the groups its claims fall into from a store of prior
// claims: it should not grow with the size of the store, only with the
// groups.
func BenchmarkJudgeArticle(b *testing.B) {
	for _, prior := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("prior=%d", prior), func(b *testing.B) {
			store := make(map[string][]Entry)
			for _, e := range synthetic(prior, prior/10) {
				k := Key(e.Claim)
				store[k] = append(store[k], e)
			}
			article := synthetic(10, prior/10)
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range article {
					k := Key(e.Claim)
					group := append(store[k][:len(store[k]):len(store[k])], e)
					Judge(group)
				}
			}
		})
	}
}

func TestSyntheticGroups(t *testing.T) {
	vs := Verdicts(synthetic(1000, 100))
	groups := make(map[string]bool)
	for _, v := range vs {
		groups[v.Key] = true
	}
	if len(groups) != 100 {
		t.Fatalf("Verdicts(synthetic) = %d groups, want 100", len(groups))
	}
	counts := map[Status]int{}
	for _, v := range vs {
		counts[v.Status]++
		if strings.ContainsAny(v.Reason, "\n\r") {
			t.Errorf("Verdicts(synthetic) reason spans lines: %q", v.Reason)
		}
	}
	if counts[Agree] == 0 || counts[Conflict] == 0 {
		t.Errorf("Verdicts(synthetic) statuses %v, want both agree and conflict", counts)
	}
}
