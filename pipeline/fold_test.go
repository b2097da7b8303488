package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats.go/jetstream"

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

	key := compare.GroupKey(entries[0])
	e, err := stateBucket(t, js, coll).Get(ctx, stateKey(coll, "g", shortHash(key)))
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

// TestCompareManyCopies: band lists are capped, yet every one of many
// copies of one article, and of a second article that shares its
// boilerplate, is still found to copy its original.
func TestCompareManyCopies(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	h, err := NewHandler(ctx, StageCompare, js, nil)
	if err != nil {
		t.Fatal(err)
	}
	const coll = "copies"
	para := func(seed string) string {
		var w []string
		for i := range 120 {
			w = append(w, fmt.Sprintf("%s%d", seed, i*7%50+i))
		}
		return strings.Join(w, " ") + "."
	}
	boiler := para("boiler")
	originals := []string{boiler + "\n" + para("alpha"), boiler + "\n" + para("beta")}
	want := map[string]string{}
	seq := uint64(0)
	deliver := func(body, copyOf string) {
		t.Helper()
		seq++
		id := extract.ArticleID(body)
		if copyOf != "" {
			want[id] = copyOf
		}
		m := ClaimsMsg{Collection: coll, Article: ArticleMeta{ID: id, Source: fmt.Sprintf("Outlet %d", seq), Published: "2018-04-18", Seq: seq},
			Fingerprint: compare.Sign(body)}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := h(ctx, benchMsg{subject: claimsSubject(coll), data: data}); err != nil {
			t.Fatalf("compare %s: %v", id, err)
		}
	}
	// Unrelated articles with the boilerplate fill its bands first.
	for i := range 2 * bandListMax {
		deliver(boiler+"\n"+para(fmt.Sprintf("other%d-", i)), "")
	}
	for _, o := range originals {
		deliver(o, "")
		for i := range 2 * bandListMax {
			deliver(o+"\nSyndicated by outlet "+fmt.Sprint(i)+".", extract.ArticleID(o))
		}
	}
	c := NewClient(js)
	got := map[string]string{}
	err = c.readAll(ctx, StreamCompared, "crosscheck.compared."+coll+".*", func(m jetstream.Msg) error {
		var cm ComparedMsg
		if err := json.Unmarshal(m.Data(), &cm); err != nil {
			return err
		}
		if cm.CopyOf != "" {
			got[cm.Article] = cm.CopyOf
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies found (-want +got):\n%s", diff)
	}
	// The lists as a process started now replays them from the stream.
	ix := newBandIndex()
	if err := ix.follow(t.Context(), js, AllPartitions()); err != nil {
		t.Fatal(err)
	}
	bands, err := js.Stream(ctx, StreamBands)
	if err != nil {
		t.Fatal(err)
	}
	info, err := bands.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := ix.wait(wait, info.State.LastSeq); err != nil {
		t.Fatal(err)
	}
	longest := 0
	for _, l := range ix.lists {
		longest = max(longest, len(l))
	}
	if longest != bandListMax {
		t.Errorf("longest band lists %d articles, want the cap, %d", longest, bandListMax)
	}
}
