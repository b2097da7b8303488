package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// TestCompareFoldsLargeGroups: a group that many articles join is folded
// in the KV bucket, so that its state stays small, while its verdict says
// what the verdict on every claim says, and a redelivered article whose
// entries were folded long ago is still counted once.
func TestCompareFoldsLargeGroups(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	h, err := NewHandler(ctx, StageCompare, js, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := func(x float64) *float64 { return &x }
	values := []extract.Value{
		{Text: "40 million", Number: 40e6, Min: f(39.5e6), Max: f(40.5e6)},
		{Text: "about 40 million", Number: 40e6, Min: f(36e6), Max: f(44e6)},
		{Text: "25 million", Number: 25e6, Min: f(24.5e6), Max: f(25.5e6)},
	}
	const coll, n = "fold", 400
	var msgs []ClaimsMsg
	var entries []compare.Entry
	for i := range n {
		var words []string
		for j := range 60 {
			words = append(words, fmt.Sprintf("w%d-%d", i, j))
		}
		id := extract.ArticleID(strings.Join(words, " "))
		meta := ArticleMeta{ID: id, Source: fmt.Sprintf("Outlet %d", i%7), Published: "2018-04-18", Seq: uint64(i + 1)}
		v := values[i%len(values)]
		c := extract.Claim{ID: id + "-1", Article: id, Subject: "telegram", Attribute: "users", Value: &v,
			Sentence: "Telegram has " + v.Text + " users."}
		msgs = append(msgs, ClaimsMsg{Collection: coll, Article: meta, Fingerprint: compare.Sign(strings.Join(words, " ")), Claims: []extract.Claim{c}})
		entries = append(entries, compare.Entry{Claim: c, Source: meta.Source, Published: meta.Published, Seq: meta.Seq})
	}
	deliver := func(m ClaimsMsg) {
		t.Helper()
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := h(ctx, benchMsg{subject: claimsSubject(coll), data: data}); err != nil {
			t.Fatalf("compare %s: %v", m.Article.ID, err)
		}
	}
	for _, m := range msgs {
		deliver(m)
	}
	// The first article again, long after it was folded.
	deliver(msgs[0])

	kv, err := js.KeyValue(ctx, BucketState)
	if err != nil {
		t.Fatal(err)
	}
	key := compare.GroupKey(entries[0])
	e, err := kv.Get(ctx, stateKey(coll, "g", shortHash(key)))
	if err != nil {
		t.Fatal(err)
	}
	var st groupState
	if err := decodeGroup(e.Value(), &st); err != nil {
		t.Fatal(err)
	}
	if st.Version != n {
		t.Errorf("group version %d after %d articles and one redelivery, want %d", st.Version, n, n)
	}
	if len(st.Entries) > compare.FoldAbove+3*7 {
		t.Errorf("group holds %d entries after %d articles, want it folded to at most %d", len(st.Entries), n, compare.FoldAbove+3*7)
	}
	full := compare.Judge(entries)
	if got := len(st.Verdict.Claims) + st.Verdict.Unlisted; got != n {
		t.Errorf("verdict lists %d claims and %d unlisted, want %d in all", len(st.Verdict.Claims), st.Verdict.Unlisted, n)
	}
	if diff := cmp.Diff(full.Reason, st.Verdict.Reason); diff != "" {
		t.Errorf("folded group's reason differs from Judge on all claims (-want +got):\n%s", diff)
	}
	if st.Verdict.Status != full.Status || st.Verdict.Status != compare.Conflict {
		t.Errorf("folded group's status %s, Judge on all claims %s, want conflict", st.Verdict.Status, full.Status)
	}
	if len(e.Value()) > 200<<10 {
		t.Errorf("group state is %d bytes, want it bounded", len(e.Value()))
	}
}
