package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/google/go-cmp/cmp"
)

// foldCorpus is n articles' claims on one named subject, one to three claims
// each, arriving in order (Seq), from a few outlets and claimants that
// state a few figures with different hedges, qualifiers and times; with
// copies set, one article in five copies one of the eight before it.
func foldCorpus(r *rand.Rand, n int, copies bool) [][]Entry {
	sources := []string{"AFP", "BBC", "Geo News", "Sputnik", "Reuters", "Al Jazeera"}
	figures := []*extract.Value{
		num("40 million", 40e6, 40e6),
		num("some 40 million", 39.5e6, 40.5e6),
		atLeast("more than 40 million", 40e6),
		num("25 million", 25e6, 25e6),
		num("nearly 41 million", 40e6, 41e6),
	}
	var out [][]Entry
	for i := range n {
		art := fmt.Sprintf("art-%05d", i)
		src := sources[r.IntN(len(sources))]
		var copyOf string
		if copies && i > 0 && r.IntN(5) == 0 {
			copyOf = fmt.Sprintf("art-%05d", max(0, i-1-r.IntN(8)))
		}
		var es []Entry
		for j := range 1 + r.IntN(3) {
			e := ent(fmt.Sprintf("%s-%d", art, j), src, figures[r.IntN(len(figures))], article(art))
			e.Seq = uint64(i + 1)
			e.CopyOf = copyOf
			// Filed under many stories, which a named subject's group
			// does not heed.
			e.Story = fmt.Sprint(1 + i%40)
			e.Published = fmt.Sprintf("2018-04-%02d", 10+i*10/n)
			switch r.IntN(6) {
			case 0:
				by("the company")(&e)
			case 1:
				qualified("monthly")(&e)
			case 2:
				asOf(day("2017", "2017-01-01", "2017-12-31"))(&e)
			}
			es = append(es, e)
		}
		out = append(out, es)
	}
	return out
}

// foldIn adds the articles one at a time, folding after each, as the
// compare stage does.
func foldIn(articles [][]Entry) []Entry {
	var g []Entry
	for _, es := range articles {
		g = FoldGroup(append(g, es...))
	}
	return g
}

// sameVerdict checks that a folded group's verdict says what the full
// group's does, listing a subset of its claims and counting the rest.
func sameVerdict(t *testing.T, full, folded Verdict) {
	t.Helper()
	listed := func(v Verdict) Verdict {
		v.Claims, v.Unlisted = nil, 0
		v.Camps = slices.Clone(v.Camps)
		for i := range v.Camps {
			v.Camps[i].Claims, v.Camps[i].Unlisted = nil, 0
		}
		return v
	}
	if diff := cmp.Diff(listed(full), listed(folded)); diff != "" {
		t.Errorf("Judge(FoldGroup) mismatch apart from claim lists (-full +folded):\n%s", diff)
	}
	if got := len(folded.Claims) + folded.Unlisted; got != len(full.Claims) {
		t.Errorf("folded verdict lists %d claims and %d unlisted, full lists %d", len(folded.Claims), folded.Unlisted, len(full.Claims))
	}
	for _, id := range folded.Claims {
		if _, ok := slices.BinarySearch(full.Claims, id); !ok {
			t.Errorf("folded verdict lists claim %s, which is not in the group", id)
		}
	}
	for i := range min(len(full.Camps), len(folded.Camps)) {
		f, g := full.Camps[i], folded.Camps[i]
		if len(g.Claims)+g.Unlisted != len(f.Claims) {
			t.Errorf("camp %d: folded %d+%d claims, full %d", i, len(g.Claims), g.Unlisted, len(f.Claims))
		}
	}
}

func TestFoldGroupKeepsVerdict(t *testing.T) {
	for _, tc := range []struct {
		name     string
		articles int
		copies   bool
	}{
		{"below the bound", 40, false},
		{"just over", 70, false},
		{"many", 2000, false},
		// Copies of the eight articles before: an original is folded
		// after its copies only when FoldKeep arrivals came between.
		{"many with copies", 2000, true},
	} {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/seed=%d", tc.name, seed), func(t *testing.T) {
				articles := foldCorpus(rand.New(rand.NewPCG(seed, 7)), tc.articles, tc.copies)
				g := foldIn(articles)
				listed := 0
				for _, e := range g {
					if e.Fold == nil {
						listed++
					}
				}
				if listed > FoldAbove {
					t.Errorf("FoldGroup left %d entries listed, more than %d", listed, FoldAbove)
				}
				sameVerdict(t, Judge(slices.Concat(articles...)), Judge(g))
			})
		}
	}
}

// TestFoldGroupBounded: however many claims arrive, a group holds at most
// FoldAbove listed entries and one folded entry per kind of statement,
// however many outlets made it.
func TestFoldGroupBounded(t *testing.T) {
	articles := foldCorpus(rand.New(rand.NewPCG(1, 2)), 20000, false)
	g := foldIn(articles)
	// 5 figures x (plain, claimant, qualifier, as-of) x 10 publication
	// days, which are the as-of time of a user count, at most; the 6
	// sources do not multiply it.
	if max := FoldAbove + 5*4*10; len(g) > max {
		t.Errorf("FoldGroup holds %d entries after 20,000 articles, want at most %d", len(g), max)
	}
	total := 0
	for _, e := range g {
		if e.Fold != nil {
			total += e.Fold.Count
		} else {
			total++
		}
	}
	want := 0
	for _, es := range articles {
		want += len(es)
	}
	if total != want {
		t.Errorf("FoldGroup stands for %d claims, want %d", total, want)
	}
}

// TestFoldGroupCopies: folded copies still count for their original's
// outlet and are still named as copies.
func TestFoldGroupCopies(t *testing.T) {
	var articles [][]Entry
	add := func(id, source, copyOf string, v *extract.Value) {
		e := ent(id+"-1", source, v, article(id))
		e.Seq, e.CopyOf = uint64(len(articles)+1), copyOf
		articles = append(articles, []Entry{e})
	}
	add("afp", "AFP", "", num("40 million", 40e6, 40e6))
	add("geo", "Geo News", "afp", num("40 million", 40e6, 40e6))
	add("bbc", "BBC", "", num("25 million", 25e6, 25e6))
	for i := range FoldAbove {
		add(fmt.Sprintf("later-%03d", i), "Reuters", "", num("about 40 million", 39e6, 41e6))
	}
	g := foldIn(articles)
	var copied []FoldSource
	for _, e := range g {
		if e.Fold != nil {
			copied = append(copied, e.Fold.From...)
		}
	}
	want := FoldSource{Source: "Geo News", Outlet: "s:AFP", Copy: true, First: "geo-1"}
	if !slices.Contains(copied, want) {
		t.Fatalf("FoldGroup did not fold Geo News's copy as a copy of AFP's: folded sources %+v", copied)
	}
	sameVerdict(t, Judge(slices.Concat(articles...)), Judge(g))
}

// TestFoldGroupReadsOldFolds: a group folded before folds listed their
// sources (one fold per outlet, named by Outlet and the entry's Source)
// is judged and folded further as its sources say.
func TestFoldGroupReadsOldFolds(t *testing.T) {
	articles := foldCorpus(rand.New(rand.NewPCG(3, 5)), 600, true)
	g := foldIn(articles[:500])
	var old []Entry
	for _, e := range g {
		if e.Fold == nil {
			old = append(old, e)
			continue
		}
		// As stored before: one fold for each of its sources.
		for i, from := range e.Fold.From {
			o := e
			o.Source, o.Claim.ID = from.Source, from.First
			o.Fold = &Fold{Count: 1, Claims: []string{from.First}, Outlet: from.Outlet, Copy: from.Copy}
			if i == 0 {
				o.Fold.Count = e.Fold.Count - (len(e.Fold.From) - 1)
			}
			old = append(old, o)
		}
	}
	if len(old) <= len(g) {
		t.Fatalf("no fold of several sources to store the old way (%d entries)", len(g))
	}
	newer := slices.Concat(articles[500:]...)
	sameVerdict(t, Judge(slices.Concat(articles...)), Judge(FoldGroup(slices.Concat(old, newer))))
}
