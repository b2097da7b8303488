package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// writesEntry is article i's one claim about a bridge's cost, from outlets
// that disagree, so that the group's verdict and status change as
// articles join it.
func writesEntry(i int) []compare.Entry {
	id := fmt.Sprintf("a%03d", i)
	v := float64(10+(i/3)%3) * 1e6
	return []compare.Entry{{
		Claim: extract.Claim{ID: id + "-1", Article: id, Subject: "bridge", Attribute: "cost",
			Value: &extract.Value{Text: fmt.Sprintf("$%d million", int(v/1e6)), Number: v, Min: &v, Max: &v, Unit: "USD", Hedge: "exact"}},
		Source: fmt.Sprintf("Outlet %d", i%7), Published: "2024-05-01", Seq: uint64(i + 1),
	}}
}

// TestRetriedWriteGetsItsOwnEvent: an article whose group write was stored
// but whose event was never sent (its acknowledgement lost while the
// state bucket's leader changed, or the process gone before publishing)
// comes back, to another process, after other articles wrote the group.
// It must get the event its own write made, not the group's latest: every
// one of the group's last writeMemory writes, through a fold of the group
// (more than compare.FoldAbove claims) between the write and the retry.
// A write older than that gets the latest event, the most the group
// remembers.
func TestRetriedWriteGetsItsOwnEvent(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	first, second := testComparer(t, js), testComparer(t, js)
	const coll, key = "c", "bridge|cost"
	// Enough articles that the group folds within its last writeMemory
	// writes: the fold at the 65th leaves some writes before it and some
	// after.
	n := compare.FoldAbove + writeMemory/2
	sent := make([]VerdictEvent, n)
	for i := range n {
		ev, err := first.update(ctx, &kvCalls{js: js, kv: first.bucket(coll)}, coll, key, fmt.Sprintf("a%03d", i), writesEntry(i))
		if err != nil {
			t.Fatal(err)
		}
		if ev.Version != i+1 {
			t.Fatalf("write %d made version %d, want %d", i, ev.Version, i+1)
		}
		sent[i] = ev
	}
	var st groupState
	e, err := first.bucket(coll).Get(ctx, stateKey(coll, "g", shortHash(key)))
	if err != nil {
		t.Fatal(err)
	}
	if err := unpackGroup(e.Value(), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Folded) == 0 {
		t.Fatalf("group of %d articles never folded: the test needs a fold among its last writes", n)
	}
	if len(sent[n-1].Verdict.Claims) == len(sent[n-writeMemory].Verdict.Claims) {
		t.Fatalf("the remembered writes' verdicts all list %d claims: the test cannot tell them apart", len(sent[n-1].Verdict.Claims))
	}

	asJSON := func(ev VerdictEvent) string {
		data, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for i := n - writeMemory; i < n; i++ {
		// The second process has not seen the group: it reads it.
		got, err := second.update(ctx, &kvCalls{js: js, kv: second.bucket(coll)}, coll, key, fmt.Sprintf("a%03d", i), writesEntry(i))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := asJSON(got), asJSON(sent[i]); g != w {
			t.Errorf("retry of write %d (version %d) got the event\n%.300s\nwant the one it made\n%.300s", i, i+1, g, w)
		}
	}
	got, err := second.update(ctx, &kvCalls{js: js, kv: second.bucket(coll)}, coll, key, "a000", writesEntry(0))
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != n {
		t.Errorf("retry of a write the group no longer remembers got version %d, want the latest, %d", got.Version, n)
	}
	e2, err := first.bucket(coll).Get(ctx, stateKey(coll, "g", shortHash(key)))
	if err != nil {
		t.Fatal(err)
	}
	if e2.Revision() != e.Revision() {
		t.Errorf("retries wrote the group (revision %d, was %d)", e2.Revision(), e.Revision())
	}
}
