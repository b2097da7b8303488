package pipeline

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// TestGroupUpdatesOfOneWorkerDoNotCollide: articles of one story compared
// at once by one worker update their shared group one after another, each
// from the revision the one before wrote: one write each, no swap lost to
// the worker itself and no group read back. All of them end up in it.
func TestGroupUpdatesOfOneWorkerDoNotCollide(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	c := testComparer(t, js)
	kv := c.bucket("c")
	const key, articles = "bridge|cost", 24
	entry := func(i int) []compare.Entry {
		id := fmt.Sprintf("a%02d", i)
		v := float64(10+i%2) * 1e6
		return []compare.Entry{{
			Claim: extract.Claim{ID: id + "-1", Article: id, Subject: "bridge", Attribute: "cost",
				Value: &extract.Value{Text: fmt.Sprint(v), Number: v, Min: &v, Max: &v, Hedge: "exact"}},
			Source: fmt.Sprintf("outlet%d", i), Published: "2024-05-01",
		}}
	}
	calls := &kvCalls{js: js, kv: kv}
	var wg sync.WaitGroup
	for i := range articles {
		wg.Go(func() {
			if _, err := c.update(ctx, calls, "c", key, fmt.Sprintf("a%02d", i), entry(i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := calls.n.Load(); n != articles {
		t.Errorf("%d KV round trips for %d updates of one group, want one each", n, articles)
	}
	e, err := kv.Get(ctx, stateKey("c", "g", shortHash(key)))
	if err != nil {
		t.Fatal(err)
	}
	var st groupState
	if err := decodeGroup(e.Value(), &st); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, en := range st.Entries {
		got = append(got, en.Claim.Article)
	}
	for i := range articles {
		want = append(want, fmt.Sprintf("a%02d", i))
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles in the group (-want +got):\n%s", diff)
	}
	if st.Version != articles {
		t.Errorf("group version %d, want %d", st.Version, articles)
	}
}
