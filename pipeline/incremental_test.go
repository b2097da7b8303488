package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// The three articles of the incremental test, one outlet each, all of the
// same day, so that their user counts refer to the same time.
var telegramArticles = []string{
	"---\nsource: Daily Wire Service\npublished: 2018-04-18\n---\nTelegram has 40 million users in Russia.\n",
	"---\nsource: Moscow Courier\npublished: 2018-04-18\n---\nTelegram has about 40 million users in Russia.\n",
	"---\nsource: Baltic Times\npublished: 2018-04-18\n---\nTelegram has 60 million users in Russia.\n",
}

// startStage runs one real stage with its own cancel, so a test can stop and
// restart it; stop waits until the worker has returned.
func startStage(t *testing.T, js jetstream.JetStream, stage string, tk *extract.Tokenizer) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	h, err := NewHandler(ctx, stage, js, tk)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	w := &Worker{Stage: stage, JS: js, Handle: h, Parallel: 2, Drain: 5 * time.Second}
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := w.Run(ctx); err != nil {
			t.Errorf("worker %s: %v", stage, err)
		}
	})
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// TestIncrementalVerdicts follows one group through its life: one outlet
// (single-source), a second that agrees (agree), a third that does not
// (conflict), with the compare worker restarted before the third arrives.
// A subscriber on the verdict subjects must see every transition, once, with
// increasing versions.
func TestIncrementalVerdicts(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	tk, err := extract.NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	startStage(t, js, StageTokenize, tk)
	startStage(t, js, StageExtract, nil)
	stopCompare := startStage(t, js, StageCompare, nil)

	// The subscriber has its own connection, as a newsroom system would.
	nc, err := e.Connect("subscriber")
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sjs, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	const coll = "incremental"
	events := make(chan StreamedVerdict, 16)
	watchCtx, stopWatch := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { stopWatch(); wg.Wait() }()
	wg.Go(func() {
		f := VerdictFilter{Subject: "Telegram"}
		err := NewClient(sjs).WatchVerdicts(watchCtx, coll, f, 0, func(v StreamedVerdict) error {
			if v.Verdict.Attribute == "users" {
				events <- v
			}
			return nil
		})
		if err != nil {
			t.Errorf("WatchVerdicts: %v", err)
		}
	})

	client := NewClient(js)
	submit := func(i int) {
		t.Helper()
		a, err := extract.ParseArticle(fmt.Sprintf("article-%c", 'A'+i), []byte(telegramArticles[i]))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.Submit(ctx, coll, a); err != nil {
			t.Fatal(err)
		}
	}
	next := func() StreamedVerdict {
		t.Helper()
		select {
		case v := <-events:
			return v
		case <-ctx.Done():
			t.Fatalf("no verdict event: %v", ctx.Err())
		}
		panic("unreachable")
	}

	submit(0)
	a := next()
	submit(1)
	b := next()

	// Restart: the compare worker stops, C waits in the claims stream, a
	// fresh worker (a new process, as far as the state is concerned) takes it.
	stopCompare()
	submit(2)
	waitFor(t, func() bool {
		lag, err := client.Lag(ctx, StageCompare)
		return err == nil && lag.Pending == 1
	})
	select {
	case v := <-events:
		t.Fatalf("verdict event v%d while no compare worker runs", v.Version)
	default:
	}
	startStage(t, js, StageCompare, nil)
	c := next()

	type step struct {
		Version  int
		Previous compare.Status
		Status   compare.Status
		Sources  []string
	}
	got := []step{}
	for _, v := range []StreamedVerdict{a, b, c} {
		got = append(got, step{v.Version, v.Previous, v.Verdict.Status, v.Verdict.Sources})
	}
	want := []step{
		{1, "", compare.SingleSource, []string{"Daily Wire Service"}},
		{2, compare.SingleSource, compare.Agree, []string{"Daily Wire Service", "Moscow Courier"}},
		{3, compare.Agree, compare.Conflict, []string{"Baltic Times", "Daily Wire Service", "Moscow Courier"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdict events of telegram users mismatch (-want +got):\n%s", diff)
	}
	if a.Verdict.ID != b.Verdict.ID || b.Verdict.ID != c.Verdict.ID {
		t.Errorf("verdict ids %s, %s, %s: want one group", a.Verdict.ID, b.Verdict.ID, c.Verdict.ID)
	}
	if !(a.Seq < b.Seq && b.Seq < c.Seq) {
		t.Errorf("stream sequences %d, %d, %d: want increasing", a.Seq, b.Seq, c.Seq)
	}
	if !strings.Contains(c.Verdict.Reason, "60 million") || !strings.Contains(c.Verdict.Reason, "Baltic Times") {
		t.Errorf("conflict reason %q: want the source and value as written", c.Verdict.Reason)
	}

	// Nothing more: once C is compared, the stream holds exactly the three
	// events of the group, no duplicate from the restart.
	if err := client.Await(ctx, coll, []string{extract.ArticleID(articleBody(t, 2))}); err != nil {
		t.Fatal(err)
	}
	var stored []int
	err = client.readAll(ctx, StreamVerdicts, VerdictFilter{Subject: "telegram"}.natsSubject(coll), func(m jetstream.Msg) error {
		var ev VerdictEvent
		if err := json.Unmarshal(m.Data(), &ev); err != nil {
			return err
		}
		if ev.Verdict.Attribute == "users" {
			stored = append(stored, ev.Version)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1, 2, 3}, stored); diff != "" {
		t.Errorf("versions stored on the verdict stream mismatch (-want +got):\n%s", diff)
	}

	// The state agrees with the last event.
	state, err := client.Verdicts(ctx, coll, VerdictFilter{Subject: "telegram", Status: "conflict"})
	if err != nil {
		t.Fatal(err)
	}
	if len(state) != 1 || state[0].Version != 3 || state[0].Verdict.ID != c.Verdict.ID {
		t.Errorf("Verdicts(telegram, conflict) = %+v, want version 3 of %s", state, c.Verdict.ID)
	}
}

func articleBody(t *testing.T, i int) string {
	t.Helper()
	a, err := extract.ParseArticle("x", []byte(telegramArticles[i]))
	if err != nil {
		t.Fatal(err)
	}
	return a.Body
}

// TestCompareWorkersConcurrent runs many articles whose claims hit the same
// few groups through one compare worker, then through two workers on
// separate connections sharing the consumer, with several handlers each so
// that their compare-and-swap updates interleave. Both runs must end with
// the same verdicts, the ones compare.Verdicts gives for all the entries at
// once, and every group's version must count every article in it: a lost
// update would drop an entry or a version.
func TestCompareWorkersConcurrent(t *testing.T) {
	e, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	msgs, entries := concurrentClaims(60)
	client := NewClient(js)
	var handled [2]atomic.Int64
	startCompare := func(i int, js jetstream.JetStream) {
		wctx, stop := context.WithCancel(context.Background())
		h, err := NewHandler(wctx, StageCompare, js, nil)
		if err != nil {
			stop()
			t.Fatal(err)
		}
		w := &Worker{Stage: StageCompare, JS: js, Parallel: 4, Drain: 5 * time.Second,
			Handle: func(ctx context.Context, m jetstream.Msg) error {
				handled[i].Add(1)
				return h(ctx, m)
			}}
		var wg sync.WaitGroup
		wg.Go(func() {
			if err := w.Run(wctx); err != nil {
				t.Errorf("compare worker %d: %v", i, err)
			}
		})
		t.Cleanup(func() { stop(); wg.Wait() })
	}
	run := func(coll string) []VerdictEvent {
		t.Helper()
		var ids []string
		for _, m := range msgs {
			m.Collection = coll
			if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, m.Article.ID)
		}
		if err := client.Await(ctx, coll, ids); err != nil {
			t.Fatal(err)
		}
		vs, err := client.Verdicts(ctx, coll, VerdictFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range vs {
			vs[i].Collection = ""
		}
		return vs
	}

	startCompare(0, js)
	one := run("one-worker")
	nc, err := e.Connect("second compare worker")
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js2, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	handled[0].Store(0)
	startCompare(1, js2)
	two := run("two-workers")

	if diff := cmp.Diff(one, two); diff != "" {
		t.Errorf("Verdicts after two workers differ from one worker (-one +two):\n%s", diff)
	}
	var want []VerdictEvent
	for _, v := range compare.Verdicts(entries) {
		v.Key = ""         // not part of the stored JSON
		n := len(v.Claims) // one claim per article and group
		want = append(want, VerdictEvent{Version: n, Verdict: v})
	}
	if diff := cmp.Diff(want, two, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Verdicts after two workers differ from compare.Verdicts (-want +got):\n%s", diff)
	}
	if h0, h1 := handled[0].Load(), handled[1].Load(); h0 == 0 || h1 == 0 {
		t.Errorf("workers handled %d and %d messages: want both to take part", h0, h1)
	}
	statuses := map[compare.Status]int{}
	for _, v := range two {
		statuses[v.Verdict.Status]++
	}
	if statuses[compare.Conflict] == 0 || statuses[compare.Agree] == 0 {
		t.Errorf("statuses %v: want the test to cover both agree and conflict", statuses)
	}
}

// concurrentClaims makes n articles from distinct outlets whose figures fall
// into four groups: two where every figure is consistent with 40 million
// (agree) and two with a 60 million among them (conflict). Bodies are random
// words, so that no article is taken for a copy of another.
func concurrentClaims(n int) ([]ClaimsMsg, []compare.Entry) {
	rng := rand.New(rand.NewPCG(5, 5))
	f := func(x float64) *float64 { return &x }
	values := map[string]extract.Value{
		"40 million":       {Text: "40 million", Number: 40e6, Min: f(39.5e6), Max: f(40.5e6), Hedge: "exact"},
		"about 40 million": {Text: "about 40 million", Number: 40e6, Min: f(36e6), Max: f(44e6), Hedge: "approx"},
		"60 million":       {Text: "60 million", Number: 60e6, Min: f(59.5e6), Max: f(60.5e6), Hedge: "exact"},
	}
	groups := []struct {
		subject, attribute string
		values             []string
	}{
		{"telegram", "users", []string{"40 million", "about 40 million"}},
		{"signal", "users", []string{"about 40 million", "40 million"}},
		{"viber", "users", []string{"40 million", "about 40 million", "60 million"}},
		{"whatsapp", "users", []string{"60 million", "about 40 million"}},
	}
	var msgs []ClaimsMsg
	var entries []compare.Entry
	for i := range n {
		var words []string
		for range 80 {
			words = append(words, fmt.Sprintf("w%x", rng.Uint64()))
		}
		body := strings.Join(words, " ")
		id := extract.ArticleID(body)
		meta := ArticleMeta{ID: id, File: fmt.Sprintf("a%02d.txt", i), Source: fmt.Sprintf("Outlet %02d", i), Published: "2018-04-18"}
		m := ClaimsMsg{Article: meta, Fingerprint: compare.Sign(body)}
		for gi, g := range groups {
			if rng.IntN(4) == 0 {
				continue // not every article speaks of every group
			}
			v := values[g.values[rng.IntN(len(g.values))]]
			c := extract.Claim{
				ID: fmt.Sprintf("%s-%d", id, gi+1), Article: id,
				Subject: g.subject, Attribute: g.attribute, Value: &v,
				Sentence: g.subject + " has " + v.Text + " " + g.attribute + ".",
			}
			m.Claims = append(m.Claims, c)
			entries = append(entries, compare.Entry{Claim: c, Source: meta.Source, Published: meta.Published})
		}
		msgs = append(msgs, m)
	}
	slices.SortFunc(entries, func(a, b compare.Entry) int { return strings.Compare(a.Claim.ID, b.Claim.ID) })
	return msgs, entries
}
