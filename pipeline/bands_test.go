package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/crosscheck/crosscheck/compare"
)

// TestStoreBandsTwoWorkers: two compare processes share the band lists
// through StreamBands. Every article sees every earlier one, whichever
// process stored it, for one round trip; a full list takes no more; a
// redelivered article sees what it saw the first time; and a process
// started afterwards replays the stream into the same lists.
func TestStoreBandsTwoWorkers(t *testing.T) {
	_, js := startServer(t)
	ctx := t.Context()
	kv := stateBucket(t, js, "c")
	workers := []*comparer{testComparer(t, js), testComparer(t, js)}
	bands := []string{"0_1", "1_2"}
	store := func(w *comparer, id string) [][]string {
		t.Helper()
		calls := &kvCalls{js: js, kv: kv}
		lists, err := w.storeBands(ctx, calls, "c", id, bands)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if n := calls.n.Load(); n != 1 {
			t.Errorf("%s: %d round trips, want 1", id, n)
		}
		return lists
	}
	var listed []string
	for i := range bandListMax + 4 {
		id := fmt.Sprintf("a%02d", i)
		// Workers 0 1 0 0 1 0 0 1 ...
		for b, got := range store(workers[i%3%2], id) {
			if diff := cmp.Diff(listed, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: band %d listed (-want +got):\n%s", id, b, diff)
			}
		}
		if len(listed) < bandListMax {
			listed = append(listed, id)
		}
	}
	// The same bands in another collection: lists of their own.
	calls := &kvCalls{js: js, kv: kv}
	got, err := workers[1].storeBands(ctx, calls, "d", "a00", bands)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{}, {}}, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("a00 in d listed (-want +got):\n%s", diff)
	}
	// A redelivery sees the lists as they were before the article.
	again := store(workers[1], "a03")
	if diff := cmp.Diff(listed[:3], again[0]); diff != "" {
		t.Errorf("a03 again listed (-want +got):\n%s", diff)
	}
	// A process started now replays the stream.
	late := testComparer(t, js)
	for b, got := range store(late, "a50") {
		if diff := cmp.Diff(listed, got); diff != "" {
			t.Errorf("a50 on a new process: band %d listed (-want +got):\n%s", b, diff)
		}
	}
}

// TestBandIndexStopped: once its context is done, an index fails waits at
// once instead of holding the message until the ack wait.
func TestBandIndexStopped(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithCancel(t.Context())
	c, err := newComparer(ctx, js, AllPartitions())
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	calls := &kvCalls{js: js, kv: c.bucket("c")}
	if _, err := c.storeBands(t.Context(), calls, "c", "a1", []string{"0_1"}); err == nil {
		t.Error("storeBands on a stopped index: no error")
	}
}

// TestFileStoriesTwoWorkers: the stories filed under names are shared
// through StreamBands. An article joins the story whose names it shares,
// whichever process filed them, without reading a name; it files only the
// names not yet listed under its story, in one message; and a process
// started afterwards replays the lists.
func TestFileStoriesTwoWorkers(t *testing.T) {
	_, js := startServer(t)
	ctx := t.Context()
	kv := stateBucket(t, js, "c")
	workers := []*comparer{testComparer(t, js), testComparer(t, js)}
	file := func(w *comparer, id string, names []string, wantStory string, wantTrips int64) {
		t.Helper()
		calls := &kvCalls{js: js, kv: kv}
		if _, err := w.storeBands(ctx, calls, "c", id, nil); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		story, err := w.file(ctx, calls, "c", ArticleMeta{ID: id}, &ClaimsMsg{Names: names}, nil, true)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if story != wantStory {
			t.Errorf("%s filed under story %q, want %q", id, story, wantStory)
		}
		if n := calls.n.Load(); n != wantTrips {
			t.Errorf("%s: %d round trips, want %d", id, n, wantTrips)
		}
	}
	// Bands, the story log read and swapped, the names filed.
	file(workers[0], "a1", []string{"alpha", "beta", "gamma"}, compare.FirstStory, 4)
	// Bands only: every name already lists the story.
	file(workers[1], "a2", []string{"alpha", "beta", "gamma"}, compare.FirstStory, 1)
	// Bands, and delta filed under the story it joins.
	file(workers[1], "a3", []string{"alpha", "beta", "delta"}, compare.FirstStory, 2)
	// Nothing shared: a story of its own.
	file(workers[0], "a4", []string{"omega", "psi", "chi"}, "2", 4)

	stream, err := js.Stream(ctx, StreamBands)
	if err != nil {
		t.Fatal(err)
	}
	last := stream.CachedInfo().State.LastSeq
	for _, w := range append(workers, testComparer(t, js)) {
		if err := w.index.wait(ctx, last); err != nil {
			t.Fatal(err)
		}
		got := w.index.storiesOf("c", []string{nameHash("alpha"), nameHash("delta"), nameHash("psi"), nameHash("zeta")})
		want := [][]string{{"1"}, {"1"}, {"2"}, nil}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("stories by name (-want +got):\n%s", diff)
		}
		// Another collection's names are its own.
		if got := w.index.storiesOf("d", []string{nameHash("alpha")}); len(got[0]) != 0 {
			t.Errorf("alpha in d: stories %v, want none", got[0])
		}
	}
}
