package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// fixtureClaims is the extract stage's output for the fixture story's
// articles, filed into stories as verify files a batch.
func fixtureClaims(t *testing.T) []ClaimsMsg {
	t.Helper()
	paths, err := filepath.Glob("../fixtures/articles/*.txt")
	if err != nil || len(paths) < 5 {
		t.Fatalf("fixture articles: %v (%d found)", err, len(paths))
	}
	tk, err := extract.NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	var arts []extract.Article
	var ids []string
	var names [][]string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.ParseArticle(filepath.Base(p), data)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		ids = append(ids, a.ID)
		names = append(names, compare.Entities(a.Title, a.Source, a.Body))
	}
	stories := compare.BatchStories(ids, names)
	out := make([]ClaimsMsg, len(arts))
	for i, a := range arts {
		a.Story = stories[i]
		doc, err := tk.Tokenize(a.Body)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = claimsOf("", a, 0, doc)
	}
	return out
}

// TestVerdictsIndependentOfOrder feeds the fixture story's articles to the
// compare stage in several orders, with one compare worker and then with
// two, and requires the same verdicts and the same copies every time: the
// verdicts are a function of the set of articles.
func TestVerdictsIndependentOfOrder(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	msgs := fixtureClaims(t)
	client := NewClient(js)

	type outcome struct {
		Verdicts []VerdictEvent
		Copies   map[string]string
	}
	run := func(coll string, order []int) outcome {
		t.Helper()
		var ids []string
		for pos, i := range order {
			m := msgs[i]
			m.Collection = coll
			m.Article.Seq = uint64(pos + 1) // its arrival, as the articles stream numbers it
			if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, m.Article.ID)
		}
		if err := client.Await(ctx, coll, ids); err != nil {
			t.Fatal(err)
		}
		res, err := client.Collect(ctx, coll)
		if err != nil {
			t.Fatal(err)
		}
		o := outcome{Copies: make(map[string]string)}
		for _, v := range res.Verdicts {
			// What a verdict was before its last change is the history of
			// this run's arrivals, not part of the verdict.
			v.Collection, v.Previous = "", ""
			o.Verdicts = append(o.Verdicts, v)
		}
		for _, a := range res.Articles {
			if a.CopyOf != "" {
				o.Copies[a.Article.ID] = a.CopyOf
			}
		}
		return o
	}

	n := len(msgs)
	orders := [][]int{make([]int, n)}
	for i := range n {
		orders[0][i] = i
	}
	rev := slices.Clone(orders[0])
	slices.Reverse(rev)
	orders = append(orders, rev)
	r := rand.New(rand.NewPCG(21, 2))
	for range 2 {
		p := slices.Clone(orders[0])
		r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
		orders = append(orders, p)
	}

	startCompareWorker(t, e, "compare-1", 4)
	want := run("order-1w-0", orders[0])
	statuses := make(map[compare.Status]int)
	for _, v := range want.Verdicts {
		statuses[v.Verdict.Status]++
	}
	if statuses[compare.Conflict] == 0 || statuses[compare.Agree] == 0 || len(want.Copies) == 0 {
		t.Fatalf("fixture story gives statuses %v and %d copies: want agreements, conflicts and a copy to test", statuses, len(want.Copies))
	}
	check := func(name string, got outcome) {
		t.Helper()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: verdicts differ from the first order's (-first +this):\n%s", name, diff)
		}
	}
	for k, order := range orders[1:] {
		check(fmt.Sprintf("one worker, order %d", k+1), run(fmt.Sprintf("order-1w-%d", k+1), order))
	}
	startCompareWorker(t, e, "compare-2", 4)
	for k, order := range orders {
		check(fmt.Sprintf("two workers, order %d", k), run(fmt.Sprintf("order-2w-%d", k), order))
	}
}
