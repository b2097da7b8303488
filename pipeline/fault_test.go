package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
)

// TestPoisonAmongGoodMessages: messages that always fail are tried
// maxDeliver times and set aside with their reason, while the messages
// around them are handled at once, not held up behind the retries.
func TestPoisonAmongGoodMessages(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	handled := make(map[string]time.Time)
	tries := make(map[string]int)
	errFlaky := errors.New("downstream unavailable")
	runWorker(t, &Worker{Stage: StageTokenize, JS: js, Parallel: 2, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		var in ArticleMsg
		if err := decode(m, &in); err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		tries[in.Article.ID]++
		if strings.HasPrefix(in.Article.ID, "poison") {
			return fmt.Errorf("article %s: %w", in.Article.ID, errFlaky)
		}
		handled[in.Article.ID] = time.Now()
		return nil
	}})
	const good, poison = 60, 3
	for i := range good + poison {
		id := fmt.Sprintf("good-%02d", i)
		if i%20 == 5 {
			id = fmt.Sprintf("poison-%d", i)
		}
		data, _ := json.Marshal(ArticleMsg{Collection: "c3", Article: extract.Article{ID: id, File: id + ".txt"}})
		if _, err := js.Publish(ctx, articlesSubject("c3"), data); err != nil {
			t.Fatal(err)
		}
	}
	cons, err := js.OrderedConsumer(ctx, StreamDead, jetstream.OrderedConsumerConfig{FilterSubjects: []string{deadSubject("c3", StageTokenize)}})
	if err != nil {
		t.Fatal(err)
	}
	var firstDead time.Time
	for i := range poison {
		m, err := cons.Next(jetstream.FetchMaxWait(30 * time.Second))
		if err != nil {
			t.Fatalf("dead letter %d of %d: %v", i+1, poison, err)
		}
		if i == 0 {
			firstDead = time.Now()
		}
		var d DeadMsg
		if err := json.Unmarshal(m.Data(), &d); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(d.Article, "poison") || d.Deliveries != maxDeliver || !strings.Contains(d.Reason, errFlaky.Error()) || d.File != d.Article+".txt" {
			t.Errorf("dead letter = article %q file %q, %d deliveries, reason %q; want a poison article, %d deliveries, reason naming %q",
				d.Article, d.File, d.Deliveries, d.Reason, maxDeliver, errFlaky)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(handled) != good {
		t.Fatalf("handled %d good messages, want %d", len(handled), good)
	}
	for id, at := range handled {
		if !at.Before(firstDead) {
			t.Errorf("%s handled at %s, after the first poison message was set aside: it waited behind the retries", id, at.Format(time.StampMilli))
		}
		if tries[id] != 1 {
			t.Errorf("%s tried %d times, want 1", id, tries[id])
		}
	}
}

// TestBacklogStaysOnServer: when submissions outrun a stage, the backlog
// waits in the stream, not in the worker's memory: the messages delivered
// but not yet acked stay a handful however long the backlog grows.
func TestBacklogStaysOnServer(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	release := make(chan struct{})
	var mu sync.Mutex
	inHandler, maxInHandler := 0, 0
	const parallel = 2
	runWorker(t, &Worker{Stage: StageTokenize, JS: js, Parallel: parallel, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		mu.Lock()
		inHandler++
		maxInHandler = max(maxInHandler, inHandler)
		mu.Unlock()
		defer func() { mu.Lock(); inHandler--; mu.Unlock() }()
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}})
	body := strings.Repeat("The council said 40 people were evacuated on Monday. ", 60) // about 3 KB
	const backlog = 2000
	for i := range backlog {
		data, _ := json.Marshal(ArticleMsg{Collection: "c4", Article: extract.Article{ID: fmt.Sprintf("a%d", i), Body: body}})
		if _, err := js.PublishAsync(articlesSubject("c4"), data); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-ctx.Done():
		t.Fatal("publishing the backlog timed out")
	}
	cons, err := js.Consumer(ctx, StreamArticles, StageTokenize)
	if err != nil {
		t.Fatal(err)
	}
	// Give the worker time to pull as much as it ever will.
	time.Sleep(time.Second)
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	busy := maxInHandler
	mu.Unlock()
	t.Logf("backlog %d: %d delivered and unacked, %d waiting in the stream, %d handlers busy at most", backlog, info.NumAckPending, info.NumPending, busy)
	if info.NumAckPending > 8 {
		t.Errorf("%d messages delivered to the blocked worker, want at most 8 (the pull batches of %d handlers)", info.NumAckPending, parallel)
	}
	if int(info.NumPending) < backlog-8 {
		t.Errorf("%d messages waiting in the stream, want the backlog (%d) less what was delivered", info.NumPending, backlog)
	}
	if cfg := consumerConfig(StageTokenize); cfg.MaxAckPending <= 0 || cfg.MaxAckPending > 4096 {
		t.Errorf("MaxAckPending = %d: a consumer shared by many processes must bound what they hold", cfg.MaxAckPending)
	}
	close(release)
}
