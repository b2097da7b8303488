package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// startConfigured starts a server from deploy/nats-server.conf, as
// docker-compose.yml does, on a random port with its store in t.TempDir.
func startConfigured(t *testing.T) *server.Server {
	t.Helper()
	for _, role := range []string{"PIPELINE", "SUBMITTER", "NEWSROOM"} {
		t.Setenv("CROSSCHECK_"+role+"_PASSWORD", strings.ToLower(role)+"-secret")
	}
	opts, err := server.ProcessConfigFile("../deploy/nats-server.conf")
	if err != nil {
		t.Fatal(err)
	}
	opts.Host, opts.Port, opts.HTTPPort = "127.0.0.1", server.RANDOM_PORT, 0
	opts.StoreDir = t.TempDir()
	opts.NoSigs, opts.NoLog = true, true
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("configured server not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	return srv
}

// roleConn connects as a user of the sample config, with the user's inbox
// prefix, and collects the permission errors the server reports.
type roleConn struct {
	nc *nats.Conn
	js jetstream.JetStream

	mu         sync.Mutex
	violations []string
}

func connectAs(t *testing.T, srv *server.Server, user, inboxPrefix string) *roleConn {
	t.Helper()
	u, err := url.Parse(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, user+"-secret")
	rc := &roleConn{}
	opts := []nats.Option{nats.Name(user), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		if errors.Is(err, nats.ErrPermissionViolation) {
			rc.mu.Lock()
			rc.violations = append(rc.violations, err.Error())
			rc.mu.Unlock()
		}
	})}
	if inboxPrefix != "" {
		opts = append(opts, nats.CustomInboxPrefix(inboxPrefix))
	}
	if rc.nc, err = nats.Connect(u.String(), opts...); err != nil {
		t.Fatalf("connect as %s: %v", user, err)
	}
	t.Cleanup(rc.nc.Close)
	if rc.js, err = jetstream.New(rc.nc); err != nil {
		t.Fatal(err)
	}
	return rc
}

// expectViolation waits for the server to report that it refused op
// ("publish", "subscription") on subject, and fails the test if it does not.
func (rc *roleConn) expectViolation(t *testing.T, op, subject string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		rc.mu.Lock()
		for _, v := range rc.violations {
			if strings.Contains(strings.ToLower(v), op) && strings.Contains(v, `"`+subject+`"`) {
				rc.mu.Unlock()
				return
			}
		}
		rc.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("%s: the server reported no permissions violation for %s on %s", rc.nc.Opts.Name, op, subject)
}

// TestPermissions: on a server configured as deploy/nats-server.conf, the
// pipeline user runs the pipeline, the submitter can publish articles but
// not read verdicts, and the newsroom can read verdicts, from a mirror in
// an account of its own, but publish neither articles nor verdicts, nor
// have its consumers push into another's subjects or change another's
// consumers (issue 22).
func TestPermissions(t *testing.T) {
	srv := startConfigured(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const coll = DefaultCollection
	verdictSubj := verdictSubject(coll, "conflict", "telegram")
	// The pipeline user sets up the streams and may publish anything.
	pipe := connectAs(t, srv, "pipeline", "")
	if err := SetupWith(ctx, pipe.js, SetupOptions{NewsroomAPI: "NEWSROOM.API"}); err != nil {
		t.Fatalf("Setup as pipeline, with the newsroom's mirror: %v", err)
	}
	// It writes the comparison state of every part, as the compare stage
	// does.
	for p := range Partitions {
		kv, err := pipe.js.KeyValue(ctx, PartitionBucket(p))
		if err != nil {
			t.Fatal(err)
		}
		pctx, done := context.WithTimeout(ctx, 5*time.Second)
		_, err = kv.Put(pctx, "c.doc.a", []byte("{}"))
		done()
		if err != nil {
			t.Errorf("pipeline writes bucket %s: %v", PartitionBucket(p), err)
		}
	}
	count := func(stream string) uint64 {
		t.Helper()
		s, err := pipe.js.Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		info, err := s.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return info.State.Msgs
	}
	publishVerdict := func(version int) {
		t.Helper()
		ev := VerdictEvent{Collection: coll, Version: version, Verdict: compare.Verdict{ID: "v-1", Subject: "telegram", Attribute: "users", Status: compare.Conflict}}
		if err := publishJSON(ctx, pipe.js, verdictSubj, fmt.Sprintf("test.v.%d", version), ev); err != nil {
			t.Fatalf("pipeline publishes a verdict: %v", err)
		}
	}

	publishVerdict(1)

	article, err := extract.ParseArticle("a", []byte("---\nsource: Daily Wire Service\n---\nTelegram has 40 million users in Russia.\n"))
	if err != nil {
		t.Fatal(err)
	}
	short := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, time.Second) }

	t.Run("submitter", func(t *testing.T) {
		sub := connectAs(t, srv, "submitter", "_INBOX_submitter")
		before := count(StreamArticles)
		// As a system outside crosscheck does: Client.Submit also reads the
		// state bucket, which is the pipeline's.
		msg, _ := json.Marshal(ArticleMsg{Collection: coll, Article: article})
		if _, err := sub.js.Publish(ctx, articlesSubject(coll), msg); err != nil {
			t.Errorf("submitter publishes an article: %v", err)
		}
		if got := count(StreamArticles); got != before+1 {
			t.Errorf("articles stream holds %d, want %d", got, before+1)
		}

		// No verdicts: not through a consumer, not through a core
		// subscription, not by snooping on another user's inbox.
		sctx, done := short()
		defer done()
		if _, err := sub.js.OrderedConsumer(sctx, StreamVerdicts, jetstream.OrderedConsumerConfig{}); err == nil {
			t.Errorf("submitter created a consumer on %s", StreamVerdicts)
		}
		for _, subject := range []string{"crosscheck.verdicts.>", "_INBOX_newsroom.>", "_INBOX.>"} {
			got := make(chan *nats.Msg, 1)
			s, err := sub.nc.Subscribe(subject, func(m *nats.Msg) { got <- m })
			if err != nil {
				t.Fatal(err)
			}
			sub.nc.Flush()
			sub.expectViolation(t, "subscription", subject)
			select {
			case m := <-got:
				t.Errorf("submitter received %s on %s", m.Subject, subject)
			default:
			}
			s.Unsubscribe()
		}
		before = count(StreamVerdicts)
		pctx, done := short()
		defer done()
		if _, err := sub.js.Publish(pctx, verdictSubj, []byte(`{}`)); err == nil {
			t.Errorf("submitter published a verdict")
		}
		if got := count(StreamVerdicts); got != before {
			t.Errorf("verdicts stream holds %d after the submitter's attempt, want %d", got, before)
		}
	})

	t.Run("newsroom", func(t *testing.T) {
		news := connectAs(t, srv, "newsroom", "_INBOX_newsroom")

		// Reads stored verdicts through a consumer of the verdict stream...
		wctx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		seen := make(chan int, 4)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer stopWatch()
		wg.Go(func() {
			err := NewClient(news.js).WatchVerdicts(wctx, coll, VerdictFilter{Status: "conflict"}, 0, func(v StreamedVerdict) error {
				seen <- v.Version
				return nil
			})
			if err != nil {
				t.Errorf("newsroom watches verdicts: %v", err)
			}
		})
		// ...and live ones through a core subscription.
		live, err := news.nc.SubscribeSync("crosscheck.verdicts.>")
		if err != nil {
			t.Fatal(err)
		}
		news.nc.Flush()
		if v := <-seen; v != 1 {
			t.Errorf("newsroom's watch saw version %d first, want 1", v)
		}
		publishVerdict(2)
		if v := <-seen; v != 2 {
			t.Errorf("newsroom's watch saw version %d next, want 2", v)
		}
		if _, err := live.NextMsg(10 * time.Second); err != nil {
			t.Errorf("newsroom's core subscription: %v", err)
		}

		// Publishes neither articles nor verdicts, through JetStream or not.
		for _, tt := range []struct{ stream, subject string }{
			{StreamArticles, articlesSubject(coll)},
			{StreamVerdicts, verdictSubj},
		} {
			before := count(tt.stream)
			pctx, done := short()
			if _, err := news.js.Publish(pctx, tt.subject, []byte(`{}`)); err == nil {
				t.Errorf("newsroom published on %s", tt.subject)
			}
			done()
			news.nc.Publish(tt.subject, []byte(`{}`))
			news.nc.Flush()
			news.expectViolation(t, "publish", tt.subject)
			if got := count(tt.stream); got != before {
				t.Errorf("%s holds %d after the newsroom's attempts, want %d", tt.stream, got, before)
			}
		}
		// Nor deletes a consumer of another party's, nor creates a consumer
		// without naming it, which could push into any subject (issue 22).
		s, err := pipe.js.Stream(ctx, StreamVerdicts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "alerts", AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
			t.Fatal(err)
		}
		dctx, done := short()
		if err := news.js.DeleteConsumer(dctx, StreamVerdicts, "alerts"); err == nil {
			t.Errorf("newsroom deleted another party's consumer")
		}
		done()
		if _, err := s.Consumer(ctx, "alerts"); err != nil {
			t.Errorf("consumer alerts after the newsroom's attempt: %v", err)
		}
		req := `{"stream_name":"` + StreamVerdicts + `","config":{"deliver_subject":"` + articlesSubject(coll) + `","ack_policy":"none"}}`
		if _, err := news.nc.Request("$JS.API.CONSUMER.CREATE."+StreamVerdicts, []byte(req), time.Second); err == nil {
			t.Errorf("newsroom created an unnamed push consumer delivering to %s", articlesSubject(coll))
		}

		// Nor, through a consumer it names, with or without a filter,
		// has verdicts pushed into the articles stream or another user's
		// inbox, nor changes another party's consumer of that name.
		sub := connectAs(t, srv, "submitter", "_INBOX_submitter")
		snoop, err := sub.nc.SubscribeSync("_INBOX_submitter.snoop")
		if err != nil {
			t.Fatal(err)
		}
		sub.nc.Flush()
		articlesBefore := count(StreamArticles)
		for _, tt := range []struct{ name, deliver string }{
			{"push-articles", articlesSubject(coll)},
			{"push-inbox", "_INBOX_submitter.snoop"},
			{"alerts", articlesSubject(coll)}, // the pipeline's pull consumer made push
			// The pipeline's consumer API as the newsroom's account imports it.
			{"push-api", "CROSSCHECK.API.CONSUMER.CREATE." + StreamVerdicts + ".evil"},
		} {
			for _, filter := range []string{"", "crosscheck.verdicts.>"} {
				subject := "$JS.API.CONSUMER.CREATE." + StreamVerdicts + "." + tt.name
				cfg := map[string]any{"name": tt.name, "durable_name": tt.name, "deliver_subject": tt.deliver,
					"ack_policy": "none", "deliver_policy": "all", "description": "the newsroom's"}
				if filter != "" {
					subject += "." + filter
					cfg["filter_subject"] = filter
				}
				req, err := json.Marshal(map[string]any{"stream_name": StreamVerdicts, "config": cfg})
				if err != nil {
					t.Fatal(err)
				}
				news.nc.Request(subject, req, time.Second) // refused or not: what it leads to is checked below
			}
		}
		// An update that keeps the consumer a pull one, as the server allows.
		update, err := json.Marshal(map[string]any{"stream_name": StreamVerdicts, "config": map[string]any{
			"name": "alerts", "durable_name": "alerts", "ack_policy": "explicit", "description": "the newsroom's",
			"filter_subject": "crosscheck.verdicts.nothing.>"}})
		if err != nil {
			t.Fatal(err)
		}
		news.nc.Request("$JS.API.CONSUMER.CREATE."+StreamVerdicts+".alerts", update, time.Second)
		publishVerdict(3)
		if m, err := snoop.NextMsg(2 * time.Second); err == nil {
			t.Errorf("newsroom's consumer pushed into the submitter's inbox: %s %.80s", m.Subject, m.Data)
		}
		if got := count(StreamArticles); got != articlesBefore {
			t.Errorf("articles stream holds %d after the newsroom's push consumers, want %d", got, articlesBefore)
		}
		alerts, err := s.Consumer(ctx, "alerts")
		if err != nil {
			t.Fatalf("consumer alerts after the newsroom's attempts: %v", err)
		}
		if cfg := alerts.CachedInfo().Config; cfg.Description != "" || cfg.FilterSubject != "" || cfg.DeliverSubject != "" {
			t.Errorf("newsroom changed the pipeline's consumer alerts: description %q, filter %q, deliver subject %q",
				cfg.Description, cfg.FilterSubject, cfg.DeliverSubject)
		}
		// Its consumers are its own, not the pipeline's; and it cannot
		// reach the pipeline's consumer API through its account's import.
		evil, err := json.Marshal(map[string]any{"stream_name": StreamVerdicts, "config": map[string]any{
			"name": "evil", "deliver_subject": "_INBOX_submitter.snoop", "ack_policy": "none"}})
		if err != nil {
			t.Fatal(err)
		}
		news.nc.Request("CROSSCHECK.API.CONSUMER.CREATE."+StreamVerdicts+".evil", evil, time.Second)
		news.expectViolation(t, "publish", "CROSSCHECK.API.CONSUMER.CREATE."+StreamVerdicts+".evil")
		for _, name := range []string{"push-articles", "push-inbox", "push-api", "evil"} {
			if _, err := s.Consumer(ctx, name); !errors.Is(err, jetstream.ErrConsumerNotFound) {
				t.Errorf("pipeline's %s has a consumer %s the newsroom asked for (err %v)", StreamVerdicts, name, err)
			}
		}
		// Nor changes or removes its mirror, say to have it delivered
		// somewhere else.
		mctx, done := short()
		if _, err := news.js.UpdateStream(mctx, jetstream.StreamConfig{Name: StreamVerdicts, Mirror: &jetstream.StreamSource{Name: StreamVerdicts,
			External: &jetstream.ExternalStream{APIPrefix: newsroomSourceAPI, DeliverPrefix: "crosscheck.articles"}}}); err == nil {
			t.Errorf("newsroom updated its mirror of %s", StreamVerdicts)
		}
		done()
		mctx, done = short()
		if err := news.js.DeleteStream(mctx, StreamVerdicts); err == nil {
			t.Errorf("newsroom deleted its mirror of %s", StreamVerdicts)
		}
		done()

		// Nor reads the other streams.
		cctx, done := short()
		defer done()
		if _, err := news.js.OrderedConsumer(cctx, StreamArticles, jetstream.OrderedConsumerConfig{}); err == nil {
			t.Errorf("newsroom created a consumer on %s", StreamArticles)
		}
	})
}

// TestNewsroomMirrorSetupErrors: a newsroom API prefix that is no subject
// is refused before anything is set up, and one that nothing answers
// (a server without the newsroom's account) fails within
// newsroomSetupTimeout with an error that says what the server needs.
func TestNewsroomMirrorSetupErrors(t *testing.T) {
	for _, bad := range []string{"NEWSROOM.*", "NEWSROOM..API", "NEWS ROOM", "NEWSROOM.>"} {
		if err := (SetupOptions{NewsroomAPI: bad}).Validate(); !errors.Is(err, ErrSetup) {
			t.Errorf("SetupOptions{NewsroomAPI: %q}.Validate() = %v, want ErrSetup", bad, err)
		}
	}
	_, js := startServer(t)
	start := time.Now()
	err := SetupWith(t.Context(), js, SetupOptions{NewsroomAPI: "NEWSROOM.API"})
	if err == nil || !strings.Contains(err.Error(), "newsroom account") {
		t.Errorf("SetupWith a newsroom API on a server without it: %v, want an error naming the newsroom account", err)
	}
	if d := time.Since(start); d > newsroomSetupTimeout+5*time.Second {
		t.Errorf("SetupWith a newsroom API on a server without it took %v", d)
	}
}

// TestNewsroomWatchNeedsMirror: in the newsroom's account the verdict
// stream is the mirror the pipeline creates; until a pipeline process has
// run with the newsroom's API, the newsroom's watch says so, and from then
// on it works.
func TestNewsroomWatchNeedsMirror(t *testing.T) {
	srv := startConfigured(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pipe := connectAs(t, srv, "pipeline", "")
	if err := Setup(ctx, pipe.js); err != nil {
		t.Fatal(err)
	}
	news := connectAs(t, srv, "newsroom", "_INBOX_newsroom")
	_, err := NewClient(news.js).OpenVerdicts(ctx, DefaultCollection, VerdictFilter{}, 0)
	if err == nil || !strings.Contains(err.Error(), "--newsroom-api") {
		t.Fatalf("newsroom's OpenVerdicts with no mirror: %v, want an error naming --newsroom-api", err)
	}
	if err := SetupWith(ctx, pipe.js, SetupOptions{NewsroomAPI: "NEWSROOM.API"}); err != nil {
		t.Fatal(err)
	}
	w, err := NewClient(news.js).OpenVerdicts(ctx, DefaultCollection, VerdictFilter{}, 0)
	if err != nil {
		t.Fatalf("newsroom's OpenVerdicts on the mirror: %v", err)
	}
	w.Stop()
}
