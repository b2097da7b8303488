package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats.go/jetstream"
)

// TestPartition: a collection's part is the same in every process (no
// per-process seed), and ParsePartitions and SharePartitions give what
// `crosscheck stage --partitions` and bench hand out.
func TestPartition(t *testing.T) {
	// FNV-1a of the name, modulo Partitions: fixed values, so that a
	// change of the function, which would split a store's collections
	// differently from the processes that wrote it, fails here.
	for coll, want := range map[string]int{"default": 2, "s0": 2, "s1": 1, "cluster": 1} {
		if got := Partition(coll); got != want {
			t.Errorf("Partition(%q) = %d, want %d", coll, got, want)
		}
	}
	for _, tc := range []struct {
		in   string
		want []int
		err  bool
	}{
		{in: "", want: AllPartitions()},
		{in: "all", want: AllPartitions()},
		{in: "2", want: []int{2}},
		{in: "3,0,3", want: []int{0, 3}},
		{in: "1-2", want: []int{1, 2}},
		{in: "0-1, 3", want: []int{0, 1, 3}},
		{in: fmt.Sprint(Partitions), err: true},
		{in: "-1", err: true},
		{in: "2-1", err: true},
		{in: "x", err: true},
	} {
		got, err := ParsePartitions(tc.in)
		if tc.err {
			if !errors.Is(err, ErrPartitions) {
				t.Errorf("ParsePartitions(%q) = %v, %v; want ErrPartitions", tc.in, got, err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ParsePartitions(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for n := 1; n <= Partitions+1; n++ {
		var all []int
		for i := range n {
			all = append(all, SharePartitions(i, n)...)
		}
		slices.Sort(all)
		if !slices.Equal(all, AllPartitions()) {
			t.Errorf("SharePartitions(i, %d) for every i = %v, want each part once", n, all)
		}
	}
}

// TestPartitionedWorkers: two compare workers, each taking half the parts,
// compare the fixture story in a collection of every part. Each is given
// claims of its own parts only, and its handler refuses another part's;
// every article is compared once; a collection's state is in its part's
// bucket and no other; and the verdicts are the same in every collection,
// whichever worker compared it.
func TestPartitionedWorkers(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	msgs := fixtureClaims(t)

	// A collection in every part.
	colls := make([]string, Partitions)
	for i, found := 0, 0; found < Partitions; i++ {
		c := fmt.Sprintf("part-%d", i)
		if p := Partition(c); colls[p] == "" {
			colls[p] = c
			found++
		}
	}

	var mu sync.Mutex
	seen := make(map[string][]int) // worker → parts of the claims it was given
	handlers := make(map[string]Handler)
	for i, name := range []string{"a", "b"} {
		parts := SharePartitions(i, 2)
		nc, err := e.Connect(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nc.Close)
		wjs := jetStreamOn(t, nc)
		h, err := NewCompareHandler(t.Context(), wjs, parts)
		if err != nil {
			t.Fatal(err)
		}
		handlers[name] = h
		record := func(ctx context.Context, m jetstream.Msg) error {
			var in ClaimsMsg
			if err := decodeOwn(m, &in); err == nil {
				mu.Lock()
				seen[name] = append(seen[name], Partition(in.Collection))
				mu.Unlock()
			}
			return h(ctx, m)
		}
		runWorker(t, &Worker{Stage: StageCompare, JS: wjs, Handle: record, Parallel: 4, Drain: 5 * time.Second, Partitions: parts})
	}

	client := NewClient(js)
	for _, coll := range colls {
		var ids []string
		for pos, m := range msgs {
			m.Collection = coll
			m.Article.Seq = uint64(pos + 1)
			if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, m.Article.ID)
		}
		if err := client.Await(ctx, coll, ids); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	for i, name := range []string{"a", "b"} {
		own := SharePartitions(i, 2)
		for _, p := range seen[name] {
			if !slices.Contains(own, p) {
				t.Errorf("worker %s, taking parts %v, was given claims of part %d", name, own, p)
			}
		}
		if len(seen[name]) == 0 {
			t.Errorf("worker %s was given no claims", name)
		}
	}
	mu.Unlock()
	if s, err := js.Stream(ctx, StreamCompared); err != nil {
		t.Fatal(err)
	} else if n := s.CachedInfo().State.Msgs; n != uint64(len(colls)*len(msgs)) {
		t.Errorf("%d compared messages, want one for each of %d articles", n, len(colls)*len(msgs))
	}

	// Worker a's handler, given claims of a part b takes, refuses them.
	other := colls[SharePartitions(1, 2)[0]]
	m := msgs[0]
	m.Collection = other
	data, err := encodeJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := handlers["a"](ctx, benchMsg{subject: claimsSubject(other), data: data}); !errors.Is(err, errNotOwned) {
		t.Errorf("worker a's handler on claims of part %d: %v, want errNotOwned", Partition(other), err)
	}

	var want []VerdictEvent
	for _, coll := range colls {
		for p := range Partitions {
			keys, err := stateBucket(t, js, colls[p]).ListKeysFiltered(ctx, coll+".>")
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for range keys.Keys() {
				n++
			}
			switch {
			case p == Partition(coll) && n == 0:
				t.Errorf("collection %s: no state in its part's bucket %s", coll, PartitionBucket(p))
			case p != Partition(coll) && n > 0:
				t.Errorf("collection %s of part %d: %d keys in bucket %s", coll, Partition(coll), n, PartitionBucket(p))
			}
		}
		vs, err := client.Verdicts(ctx, coll, VerdictFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range vs {
			vs[i].Collection = ""
		}
		if want == nil {
			want = vs
			if len(want) == 0 {
				t.Fatalf("collection %s: no verdicts", coll)
			}
			continue
		}
		if diff := cmp.Diff(want, vs); diff != "" {
			t.Errorf("collection %s (part %d): verdicts differ from %s's (-%s +%s):\n%s", coll, Partition(coll), colls[0], colls[0], coll, diff)
		}
	}
}
