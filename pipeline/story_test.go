package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// generatedClaims is the extract stage's output for generated articles,
// computed once: tokenizing is the slow part.
var generatedClaims = sync.OnceValues(func() ([]ClaimsMsg, error) {
	arts, docs, err := tokenizeGenerated(96, 7)
	if err != nil {
		return nil, err
	}
	out := make([]ClaimsMsg, len(arts))
	for i, a := range arts {
		out[i] = claimsOf("", a, uint64(i+1), docs[i])
	}
	return out, nil
})

// storyOfGenerated is the written story of generated article i.
func storyOfGenerated(i int) int { return corpusgen.Generate(96, corpusgen.Options{Seed: 7})[i].Story }

// startCompareWorker runs a compare worker with its own connection to e.
func startCompareWorker(t *testing.T, e *Embedded, name string, parallel int) {
	t.Helper()
	nc, err := e.Connect(name)
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h, err := NewHandler(ctx, StageCompare, js, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	w := &Worker{Stage: StageCompare, JS: js, Handle: h, Parallel: parallel, Drain: 5 * time.Second}
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := w.Run(ctx); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	})
	t.Cleanup(func() { cancel(); wg.Wait(); nc.Close() })
}

// compared reads the compared messages of a collection, by article.
func compared(ctx context.Context, t *testing.T, c *Client, coll string) map[string]ComparedMsg {
	t.Helper()
	out := make(map[string]ComparedMsg)
	err := c.readAll(ctx, StreamCompared, "crosscheck.compared."+coll+".*", func(m jetstream.Msg) error {
		var cm ComparedMsg
		if err := json.Unmarshal(m.Data(), &cm); err != nil {
			return err
		}
		out[cm.Article] = cm
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// groupsOf is the verdict groups of a collection as sets of claim ids.
func groupsOf(ctx context.Context, t *testing.T, c *Client, coll string) []string {
	t.Helper()
	vs, err := c.Verdicts(ctx, coll, VerdictFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		out = append(out, v.Verdict.Subject+"/"+v.Verdict.Attribute+" "+strings.Join(v.Verdict.Claims, "+"))
	}
	return out
}

// TestStoriesOneCollection sends 96 generated articles on 16 stories (six
// outlets each, one in ten a syndicated copy) both to one collection per
// story, as a newsroom filing each story apart would, and all to one
// collection, as crosscheck serve does, with two compare workers of four
// handlers each. The one collection must find the 16 stories, each article
// in its own, and give the same verdict groups as the collections per story
// (at least 99% of them: a subject made of common nouns that the generic
// words of compare.StoryScoped miss is compared across stories).
func TestStoriesOneCollection(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	msgs, err := generatedClaims()
	if err != nil {
		t.Fatal(err)
	}
	startCompareWorker(t, e, "compare 1", 4)
	startCompareWorker(t, e, "compare 2", 4)

	client := NewClient(js)
	perStory := make(map[string][]string) // collection → article ids
	var all []string
	for i, m := range msgs {
		for _, coll := range []string{"one", "story" + strconv.Itoa(storyOfGenerated(i))} {
			m.Collection = coll
			if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
				t.Fatal(err)
			}
			if coll == "one" {
				all = append(all, m.Article.ID)
			} else {
				perStory[coll] = append(perStory[coll], m.Article.ID)
			}
		}
	}
	if err := client.Await(ctx, "one", all); err != nil {
		t.Fatal(err)
	}
	var want []string
	for coll, ids := range perStory {
		if err := client.Await(ctx, coll, ids); err != nil {
			t.Fatal(err)
		}
		want = append(want, groupsOf(ctx, t, client, coll)...)
	}

	// Stories: the one found for each article, against the one written.
	written := make(map[string]int)
	for i, m := range msgs {
		written[m.Article.ID] = storyOfGenerated(i)
	}
	found := make(map[string]map[int]bool)
	for id, cm := range compared(ctx, t, client, "one") {
		if found[cm.Story] == nil {
			found[cm.Story] = make(map[int]bool)
		}
		found[cm.Story][written[id]] = true
	}
	if len(found) != len(perStory) {
		t.Errorf("one collection filed %d articles into %d stories, want %d", len(all), len(found), len(perStory))
	}
	for story, ws := range found {
		if len(ws) != 1 {
			t.Errorf("story %s holds articles of written stories %v", story, ws)
		}
	}

	got := groupsOf(ctx, t, client, "one")
	same := 0
	for _, g := range want {
		if slices.Contains(got, g) {
			same++
		}
	}
	t.Logf("verdict groups: %d per story, %d in one collection, %d the same (%.1f%%)",
		len(want), len(got), same, 100*float64(same)/float64(len(want)))
	if same*100 < len(want)*99 || len(got) != len(want) {
		slices.Sort(want)
		slices.Sort(got)
		var missing, extra []string
		for _, g := range want {
			if !slices.Contains(got, g) {
				missing = append(missing, g)
			}
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				extra = append(extra, g)
			}
		}
		t.Errorf("one collection's groups differ from the collections per story:\nonly per story:\n%s\nonly in one:\n%s",
			strings.Join(missing, "\n"), strings.Join(extra, "\n"))
	}
}

// TestStoryFoundedOnce sends the articles of one story to eight fresh
// collections at once, to two compare workers of four handlers each, so
// that the first articles of each collection are filed at the same time:
// every collection must still end with a single story.
func TestStoryFoundedOnce(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	msgs, err := generatedClaims()
	if err != nil {
		t.Fatal(err)
	}
	var story []ClaimsMsg
	for i, m := range msgs {
		if storyOfGenerated(i) == 3 {
			story = append(story, m)
		}
	}
	startCompareWorker(t, e, "compare 1", 4)
	startCompareWorker(t, e, "compare 2", 4)
	client := NewClient(js)
	colls := make(map[string][]string)
	for _, m := range story {
		for c := range 8 {
			coll := fmt.Sprintf("race%d", c)
			m.Collection = coll
			if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
				t.Fatal(err)
			}
			colls[coll] = append(colls[coll], m.Article.ID)
		}
	}
	for coll, ids := range colls {
		if err := client.Await(ctx, coll, ids); err != nil {
			t.Fatal(err)
		}
		stories := make(map[string]int)
		for _, cm := range compared(ctx, t, client, coll) {
			stories[cm.Story]++
		}
		if len(stories) != 1 || stories[compare.FirstStory] != len(ids) {
			t.Errorf("%s: %d articles of one story filed under stories %v, want all under %s", coll, len(ids), stories, compare.FirstStory)
		}
	}
}
