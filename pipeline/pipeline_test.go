package pipeline

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// startServer runs an embedded server with a store in t.TempDir and returns
// a JetStream client on it with the pipeline set up.
func startServer(t testing.TB) (*Embedded, jetstream.JetStream) {
	t.Helper()
	return startServerWith(t, EmbeddedOptions{})
}

// startServerWith is startServer on a server with o (its StoreDir set here).
func startServerWith(t testing.TB, o EmbeddedOptions) (*Embedded, jetstream.JetStream) {
	t.Helper()
	o.StoreDir = t.TempDir()
	e, err := StartEmbedded(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		e.Shutdown(ctx)
	})
	nc, err := e.Connect("test")
	if err != nil {
		t.Fatal(err)
	}
	js := jetStreamOn(t, nc)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := Setup(ctx, js); err != nil {
		t.Fatal(err)
	}
	return e, js
}

// jetStreamOn is JetStream on nc, which is closed when the test ends.
func jetStreamOn(t testing.TB, nc *nats.Conn) jetstream.JetStream {
	t.Helper()
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// stateBucket is the KV bucket of coll's comparison state on js.
func stateBucket(t testing.TB, js jetstream.JetStream, coll string) jetstream.KeyValue {
	t.Helper()
	kv, err := js.KeyValue(context.Background(), PartitionBucket(Partition(coll)))
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// testComparer is a compare stage's comparer whose band index follows the
// stream until the test ends.
func testComparer(t testing.TB, js jetstream.JetStream) *comparer {
	t.Helper()
	c, err := newComparer(t.Context(), js, AllPartitions())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// runWorker runs w until the test ends.
func runWorker(t *testing.T, w *Worker) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := w.Run(ctx); err != nil {
			t.Errorf("worker %s: %v", w.Stage, err)
		}
	})
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// TestPoisonMessageSetAside: a message that can never succeed goes to the
// dead-letter stream with its reason, and the next message still flows.
func TestPoisonMessageSetAside(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	var handled []string
	runWorker(t, &Worker{Stage: StageTokenize, JS: js, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		var in ArticleMsg
		if err := decode(m, &in); err != nil {
			return err
		}
		mu.Lock()
		handled = append(handled, in.Article.ID)
		mu.Unlock()
		return nil
	}})
	if _, err := js.Publish(ctx, articlesSubject("c1"), []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	good, _ := json.Marshal(ArticleMsg{Collection: "c1"})
	if _, err := js.Publish(ctx, articlesSubject("c1"), good); err != nil {
		t.Fatal(err)
	}
	dead := readOne(ctx, t, js, StreamDead, deadSubject("c1", StageTokenize))
	var d DeadMsg
	if err := json.Unmarshal(dead.Data(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Stage != StageTokenize || d.Reason == "" || string(d.Data) != "{not json" || d.Deliveries != 1 {
		t.Errorf("dead letter = %+v, want the tokenize stage, a reason, the original data, 1 delivery", d)
	}
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(handled) == 1 })
}

// TestTemporaryFailureBounded: a message whose handler keeps failing with a
// temporary error is tried maxDeliver times, then set aside.
func TestTemporaryFailureBounded(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	tries := 0
	runWorker(t, &Worker{Stage: StageExtract, JS: js, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		mu.Lock()
		tries++
		mu.Unlock()
		return context.DeadlineExceeded // temporary
	}})
	if _, err := js.Publish(ctx, docsSubject("c2"), []byte(`{"collection":"c2"}`)); err != nil {
		t.Fatal(err)
	}
	m := readOne(ctx, t, js, StreamDead, deadSubject("c2", StageExtract))
	var d DeadMsg
	json.Unmarshal(m.Data(), &d)
	mu.Lock()
	defer mu.Unlock()
	if tries != maxDeliver || d.Deliveries != maxDeliver {
		t.Errorf("tried %d times, dead letter says %d deliveries; want %d", tries, d.Deliveries, maxDeliver)
	}
}

func readOne(ctx context.Context, t *testing.T, js jetstream.JetStream, stream, subject string) jetstream.Msg {
	t.Helper()
	cons, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cons.Next(jetstream.FetchMaxWait(25 * time.Second))
	if err != nil {
		t.Fatalf("read %s: %v", subject, err)
	}
	return m
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestPanicSetAside: a handler that panics on a message sets it aside with
// the panic as its reason; the worker survives and handles the next one.
func TestPanicSetAside(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	ok := 0
	runWorker(t, &Worker{Stage: StageCompare, JS: js, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		if string(m.Data()) == `"boom"` {
			var s []int
			_ = s[3]
		}
		mu.Lock()
		ok++
		mu.Unlock()
		return nil
	}})
	for _, data := range []string{`"boom"`, `"fine"`} {
		if _, err := js.Publish(ctx, claimsSubject("c3"), []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	m := readOne(ctx, t, js, StreamDead, deadSubject("c3", StageCompare))
	var d DeadMsg
	if err := json.Unmarshal(m.Data(), &d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Reason, "panic in compare stage") || !strings.Contains(d.Reason, "index out of range") {
		t.Errorf("dead letter reason = %q, want the panic", d.Reason)
	}
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return ok == 1 })
}
