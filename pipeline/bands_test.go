package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestAppendBandsTwoWorkers: two compare workers (two processes) share
// the band lists. A worker appends from its cached revision, so a list
// the other worker changed since is read again: every article sees every
// earlier one, and a full list takes no more and costs no round trip.
func TestAppendBandsTwoWorkers(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	kv := stateBucket(t, js)
	workers := []*comparer{newComparer(js, kv), newComparer(js, kv)}
	bands := []string{"0:1", "1:2"}
	var listed []string
	add := func(i int, w *comparer) int64 {
		t.Helper()
		id := fmt.Sprintf("a%02d", i)
		calls := &kvCalls{js: js, kv: kv}
		lists, err := w.appendBands(ctx, calls, "c", id, bands)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for b, got := range lists {
			if diff := cmp.Diff(listed, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: band %d listed (-want +got):\n%s", id, b, diff)
			}
		}
		if len(listed) < bandListMax {
			listed = append(listed, id)
		}
		return calls.n.Load()
	}
	// Workers 0 1 0 0 1 0 0 1 ...: each often appends to a list the other
	// changed since it last saw it.
	i := 0
	for ; i < bandListMax+2; i++ {
		add(i, workers[i%3%2])
	}
	for _, w := range workers {
		add(i, w) // may read the full list once
		i++
		if n := add(i, w); n != 0 {
			t.Errorf("a%02d: %d round trips for full bands the worker has seen, want 0", i, n)
		}
		i++
	}
	for _, b := range bands {
		e, err := kv.Get(ctx, stateKey("c", "lsh", strings.ReplaceAll(b, ":", "_")))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(listed, strings.Fields(string(e.Value()))); diff != "" {
			t.Errorf("band %s stored (-want +got):\n%s", b, diff)
		}
	}
}
