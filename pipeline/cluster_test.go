package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// testCluster is three nats-servers with JetStream, clustered on loopback.
type testCluster struct {
	servers []*server.Server
	urls    string // every client URL, comma-separated, as a client is given them
}

// startCluster starts n clustered servers, each routed to the others, and
// waits until JetStream has elected its meta leader. The servers are shut
// down when the test ends.
func startCluster(t testing.TB, n int) *testCluster {
	t.Helper()
	ports := freePorts(t, n)
	c := &testCluster{}
	var urls []string
	for i := range n {
		var routes []string
		for j, p := range ports {
			if j != i {
				routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", p))
			}
		}
		srv, err := server.NewServer(&server.Options{
			ServerName: fmt.Sprintf("n%d", i+1),
			Host:       "127.0.0.1",
			Port:       server.RANDOM_PORT,
			JetStream:  true,
			StoreDir:   t.TempDir(),
			NoSigs:     true,
			NoLog:      true,
			Cluster:    server.ClusterOpts{Name: "crosscheck-test", Host: "127.0.0.1", Port: ports[i]},
			Routes:     server.RoutesFromStr(strings.Join(routes, ",")),
		})
		if err != nil {
			t.Fatal(err)
		}
		srv.Start()
		t.Cleanup(srv.Shutdown)
		if !srv.ReadyForConnections(10 * time.Second) {
			t.Fatalf("server %s not ready after 10s", srv.Name())
		}
		c.servers = append(c.servers, srv)
		urls = append(urls, srv.ClientURL())
	}
	c.urls = strings.Join(urls, ",")
	deadline := time.Now().Add(30 * time.Second)
	for !c.ready() {
		if time.Now().After(deadline) {
			t.Fatal("no JetStream meta leader after 30s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return c
}

// ready reports whether a meta leader is elected and every running server
// is current with it.
func (c *testCluster) ready() bool {
	leader := false
	for _, s := range c.servers {
		if !s.Running() {
			continue
		}
		leader = leader || s.JetStreamIsLeader()
		if !s.JetStreamIsCurrent() {
			return false
		}
	}
	return leader
}

// server is the running server named name.
func (c *testCluster) server(name string) *server.Server {
	for _, s := range c.servers {
		if s.Name() == name {
			return s
		}
	}
	return nil
}

// connect is JetStream on a connection that knows every server and
// reconnects, for as long as the test runs.
func (c *testCluster) connect(t testing.TB, name string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(c.urls, nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return jetStreamOn(t, nc)
}

// freePorts finds n free loopback ports for the cluster's routes, which
// must be known before the servers start.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// clusterBatch is the generated articles every cluster run submits, each
// filed under its written story so that the groups, and so the verdicts'
// versions, do not depend on the order the compare workers take them in.
var clusterBatch = sync.OnceValues(func() ([]extract.Article, error) {
	var out []extract.Article
	for _, g := range corpusgen.Generate(36, corpusgen.Options{Seed: 11}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			return nil, err
		}
		a.Story = "s" + strconv.Itoa(g.Story)
		out = append(out, a)
	}
	return out, nil
})

// sharedTokenizer is one tokenizer for every run: loading it is slow.
var sharedTokenizer = sync.OnceValues(extract.NewTokenizer)

// runStages runs every stage on js's connections until the test ends: the
// tokenize and extract stages once, the compare stage twice, each worker on
// its own connection from connect.
func runStages(t *testing.T, connect func(name string) jetstream.JetStream) {
	t.Helper()
	tk, err := sharedTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		stage, name string
	}{
		{StageTokenize, "tokenize"}, {StageExtract, "extract"},
		{StageCompare, "compare 1"}, {StageCompare, "compare 2"},
	} {
		js := connect(s.name)
		ctx, cancel := context.WithCancel(context.Background())
		h, err := NewHandler(ctx, s.stage, js, tk)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		w := &Worker{Stage: s.stage, JS: js, Handle: h, Parallel: 4, Drain: 2 * time.Second}
		var wg sync.WaitGroup
		wg.Go(func() {
			if err := w.Run(ctx); err != nil {
				t.Errorf("%s: %v", s.name, err)
			}
		})
		t.Cleanup(func() { cancel(); wg.Wait() })
	}
}

// comparedCount is how many compared messages the pipeline has stored.
func comparedCount(ctx context.Context, t *testing.T, js jetstream.JetStream) uint64 {
	t.Helper()
	s, err := js.Stream(ctx, StreamCompared)
	if err != nil {
		t.Fatal(err)
	}
	return s.CachedInfo().State.Msgs
}

// clusterColl is the collection of every cluster run.
const clusterColl = "cluster"

// submitBatch submits the batch, retrying a submission that a failover cut
// off: the stream's duplicate window keeps it once.
func submitBatch(ctx context.Context, t *testing.T, js jetstream.JetStream) []string {
	t.Helper()
	arts, err := clusterBatch()
	if err != nil {
		t.Fatal(err)
	}
	client := NewClient(js)
	var ids []string
	for _, a := range arts {
		for {
			_, err := client.Submit(ctx, clusterColl, a)
			if err == nil {
				break
			}
			if ctx.Err() != nil {
				t.Fatalf("submit %s: %v", a.File, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// batchResult is what a run made of the batch, read back from the streams.
type batchResult struct {
	compared map[string]int // article → compared messages
	dead     []DeadMsg
	events   map[string][]int // verdict id → versions of its events, as stored
}

// latest is every verdict's latest version.
func (r *batchResult) latest() map[string]int {
	out := make(map[string]int)
	for id, vs := range r.events {
		out[id] = slices.Max(vs)
	}
	return out
}

// check says what is wrong with r for a batch of ids: an article not
// compared exactly once, one set aside, two events of one verdict with the
// same version.
func (r *batchResult) check(ids []string) error {
	var errs []error
	for _, id := range ids {
		if n := r.compared[id]; n != 1 {
			errs = append(errs, fmt.Errorf("article %s compared %d times", id, n))
		}
	}
	if len(r.compared) != len(ids) {
		errs = append(errs, fmt.Errorf("%d articles compared, want %d", len(r.compared), len(ids)))
	}
	for _, d := range r.dead {
		errs = append(errs, fmt.Errorf("article %s set aside by %s: %s", d.Article, d.Stage, d.Reason))
	}
	for id, vs := range r.events {
		// An article's events are stored after its groups are swapped,
		// so two articles' events of a group may be stored either way round.
		sorted := slices.Sorted(slices.Values(vs))
		if len(slices.Compact(slices.Clone(sorted))) != len(sorted) {
			errs = append(errs, fmt.Errorf("verdict %s: events of versions %v, some twice", id, vs))
		}
	}
	return errors.Join(errs...)
}

// gaps lists the verdicts some of whose versions before the latest have no
// event. Such an event would be lost when a swap of the group is stored
// but its acknowledgement is not (a timeout while the state bucket's
// leader changes), and the retried article sent the group's current event
// instead of the one its write made (see comparer.update).
func (r *batchResult) gaps() []string {
	var out []string
	for id, vs := range r.events {
		sorted := slices.Compact(slices.Sorted(slices.Values(vs)))
		if len(sorted) != sorted[len(sorted)-1] {
			out = append(out, fmt.Sprintf("%s %v", id, sorted))
		}
	}
	slices.Sort(out)
	return out
}

// readResult reads a run's compared messages, dead letters and verdict
// events.
func readResult(ctx context.Context, js jetstream.JetStream) (*batchResult, error) {
	c := NewClient(js)
	r := &batchResult{compared: make(map[string]int), events: make(map[string][]int)}
	err := c.readAll(ctx, StreamCompared, "crosscheck.compared."+clusterColl+".*", func(m jetstream.Msg) error {
		r.compared[subjectToken(m.Subject(), 3)]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = c.readAll(ctx, StreamDead, "crosscheck.dead."+clusterColl+".*", func(m jetstream.Msg) error {
		var d DeadMsg
		if err := json.Unmarshal(m.Data(), &d); err != nil {
			return err
		}
		r.dead = append(r.dead, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = c.readAll(ctx, StreamVerdicts, "crosscheck.verdicts."+clusterColl+".*.*", func(m jetstream.Msg) error {
		var ev VerdictEvent
		if err := json.Unmarshal(m.Data(), &ev); err != nil {
			return err
		}
		r.events[ev.Verdict.ID] = append(r.events[ev.Verdict.ID], ev.Version)
		return nil
	})
	return r, err
}

// singleServerVersions is the batch's latest verdict versions as one
// server makes them, computed once.
var singleServerVersions struct {
	once sync.Once
	v    map[string]int
	err  error
}

func singleServerRun(t *testing.T) map[string]int {
	t.Helper()
	singleServerVersions.once.Do(func() {
		e, js := startServer(t)
		runStages(t, func(name string) jetstream.JetStream {
			nc, err := e.Connect(name)
			if err != nil {
				t.Fatal(err)
			}
			return jetStreamOn(t, nc)
		})
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		ids := submitBatch(ctx, t, js)
		if err := NewClient(js).Await(ctx, clusterColl, ids); err != nil {
			singleServerVersions.err = err
			return
		}
		r, err := readResult(ctx, js)
		if err == nil {
			err = r.check(ids)
		}
		if err != nil {
			singleServerVersions.err = err
			return
		}
		singleServerVersions.v = r.latest()
	})
	if singleServerVersions.err != nil {
		t.Fatalf("batch on one server: %v", singleServerVersions.err)
	}
	return singleServerVersions.v
}

// clusterRun runs the batch on three clustered servers, every stream and the
// state bucket with the replicas given, and shuts down the server leading
// the claims stream as soon as the first claims are stored. It returns
// the batch's ids and what the run made of them, or the error that kept it
// from finishing within wait of the shutdown.
func clusterRun(t *testing.T, replicas int, wait time.Duration) ([]string, *batchResult, error) {
	t.Helper()
	start := time.Now()
	c := startCluster(t, 3)
	js := c.connect(t, "test")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := SetupWith(ctx, js, SetupOptions{Replicas: replicas, AckWait: 3 * time.Second}); err != nil {
		t.Fatal(err)
	}
	// Submitted before the stages start, so that the shutdown below comes
	// with most of the batch still to go through every stage.
	ids := submitBatch(ctx, t, js)
	runStages(t, func(name string) jetstream.JetStream { return c.connect(t, name) })

	// The first claims stored mean the pipeline flows from end to end; the
	// kill comes with most of the batch still to compare.
	claims, err := js.Stream(ctx, StreamClaims)
	if err != nil {
		t.Fatal(err)
	}
	for {
		info, err := claims.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	atKill := comparedCount(ctx, t, js)
	leaders := make(map[string]string) // stream → its leader
	for _, s := range []string{StreamArticles, StreamClaims, StreamCompared, StreamVerdicts, partitionStream(Partition(clusterColl))} {
		st, err := js.Stream(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		leaders[s] = st.CachedInfo().Cluster.Leader
	}
	victim := c.server(leaders[StreamClaims])
	if victim == nil {
		t.Fatalf("no leader of %s: %v", StreamClaims, leaders)
	}
	done := NewClient(js)
	var left []string
	for _, s := range slices.Sorted(func(yield func(string) bool) {
		for s := range leaders {
			if !yield(s) {
				return
			}
		}
	}) {
		if leaders[s] == victim.Name() {
			left = append(left, s)
		}
	}
	t.Logf("replicas %d: shutting down %s, leader of %s, after %v, %d of %d articles compared",
		replicas, victim.Name(), strings.Join(left, ", "), time.Since(start).Round(time.Millisecond), atKill, len(ids))
	victim.Shutdown()
	killed := time.Now()

	// Await's first request may go to a server that is gone, or to a
	// stream whose leader is being elected, and get no answer: it is asked
	// again, as a newsroom's client would.
	deadline := time.Now().Add(wait)
	for {
		tryCtx, cancelTry := context.WithTimeout(ctx, min(5*time.Second, time.Until(deadline)))
		err := done.Await(tryCtx, clusterColl, ids)
		cancelTry()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			return ids, nil, err
		}
		t.Logf("replicas %d: await after %v: %v", replicas, time.Since(killed).Round(time.Millisecond), err)
		time.Sleep(time.Second)
	}
	t.Logf("replicas %d: batch done %v after the shutdown, %v in all", replicas, time.Since(killed).Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	for {
		r, err := readResult(ctx, js)
		if err == nil || time.Now().After(deadline) {
			return ids, r, err
		}
		t.Logf("replicas %d: read the result: %v", replicas, err)
		time.Sleep(100 * time.Millisecond)
	}
}

// TestClusterSurvivesNodeLoss runs a batch through every stage on three
// clustered servers with three replicas of everything and shuts down the
// server leading the claims stream mid-run. Every article must be compared
// exactly once, none set aside, every version of every verdict must have
// its event, stored once, and every verdict's latest version must be the
// one the same batch ends with on one server.
func TestClusterSurvivesNodeLoss(t *testing.T) {
	want := singleServerRun(t)
	ids, r, err := clusterRun(t, 3, 45*time.Second)
	if err != nil {
		t.Fatalf("batch on a cluster that lost a server: %v", err)
	}
	if err := r.check(ids); err != nil {
		t.Errorf("batch on a cluster that lost a server:\n%v", err)
	}
	if g := r.gaps(); len(g) > 0 {
		t.Errorf("verdicts missing the event of a version before their latest: %d of %d: %s",
			len(g), len(r.events), strings.Join(g, "; "))
	}
	if diff := cmp.Diff(want, r.latest()); diff != "" {
		t.Errorf("latest verdict versions on the cluster mismatch those of one server (-one +cluster):\n%s", diff)
	}
}

// TestClusterOneReplicaLosesWork is TestClusterSurvivesNodeLoss with one
// replica: the claims stream lives only on the server shut down, so the
// batch cannot finish. The test passes by seeing it fail, to show that the
// replicas are what carry the other run through.
func TestClusterOneReplicaLosesWork(t *testing.T) {
	ids, r, err := clusterRun(t, 1, 8*time.Second)
	if err == nil {
		err = r.check(ids)
	}
	if err == nil {
		t.Fatal("batch on a cluster with one replica finished whole without the server leading the claims stream")
	}
	t.Logf("with one replica, as expected: %.300s", err)
}
