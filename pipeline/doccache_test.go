package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestCopyOfOwnArticleReadsNoState: a copy of an article this process
// compared and filed finds it, story and all, without reading its state:
// storing its bands is its only round trip.
func TestCopyOfOwnArticleReadsNoState(t *testing.T) {
	_, js := startServer(t)
	ctx := context.Background()
	c := testComparer(t, js)
	kv := c.bucket("c")
	var w []string
	for i := range 150 {
		w = append(w, fmt.Sprintf("word%d", i*7%61+i))
	}
	body := strings.Join(w, " ") + "."
	const coll = "c"

	orig := ArticleMeta{ID: "a1", Source: "Outlet 1", Published: "2018-04-18", Seq: 1}
	fp := compare.Sign(body)
	calls := &kvCalls{js: js, kv: kv}
	doc, rev, err := c.storeDoc(ctx, calls, coll, orig, fp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.findCopy(ctx, calls, coll, orig, fp); err != nil {
		t.Fatal(err)
	}
	if _, err := c.setStory(ctx, calls, coll, doc, rev, "1"); err != nil {
		t.Fatal(err)
	}

	cp := ArticleMeta{ID: "a2", Source: "Outlet 2", Published: "2018-04-18", Seq: 2}
	cfp := compare.Sign(body + " Reporting by a wire service.")
	if !cfp.NearDuplicate(fp) {
		t.Fatal("test copy is not a near-duplicate of its original")
	}
	calls = &kvCalls{js: js, kv: kv}
	found, err := c.findCopy(ctx, calls, coll, cp, cfp)
	if err != nil {
		t.Fatal(err)
	}
	if found == nil || found.ID != orig.ID || found.Story != "1" {
		t.Fatalf("copy found %+v, want %s in story 1", found, orig.ID)
	}
	if n := calls.n.Load(); n != 1 {
		t.Errorf("finding the copy's original cost %d round trips, want 1 (storing its bands)", n)
	}
}
