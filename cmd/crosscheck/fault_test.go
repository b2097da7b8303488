package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
	"github.com/crosscheck/crosscheck/pipeline"
)

// The fault tests run the real binary's stage processes against an
// embedded server with a file store, break things mid-stream, and check
// that every article comes through once. Messages a killed process held are
// redelivered after the consumers' ack wait (30s), which bounds their time.

// faultBinDir holds the binary the fault tests build; TestMain removes it.
var faultBinDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if faultBinDir != "" {
		os.RemoveAll(faultBinDir)
	}
	os.Exit(code)
}

var buildOnce = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "crosscheck-fault-")
	if err != nil {
		return "", err
	}
	faultBinDir = dir
	bin := filepath.Join(dir, "crosscheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// stageProc is one `crosscheck stage` process.
type stageProc struct {
	t     *testing.T
	name  string
	url   string
	cmd   *exec.Cmd
	logs  *bytes.Buffer
	waitc chan error
}

func startStageProc(t *testing.T, name, url string) *stageProc {
	t.Helper()
	bin, err := buildOnce()
	if err != nil {
		t.Fatal(err)
	}
	p := &stageProc{t: t, name: name, url: url, logs: new(bytes.Buffer), waitc: make(chan error, 1)}
	// A short ack wait: a killed stage's messages come back in seconds.
	p.cmd = exec.Command(bin, "stage", name, "--nats", url, "--ack-wait", "3s")
	p.cmd.Stderr = p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.waitc <- p.cmd.Wait() }()
	t.Cleanup(p.stop)
	return p
}

// kill9 ends the process with SIGKILL: no drain, no acks, no goodbye.
func (p *stageProc) kill9() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.waitc
	p.waitc <- nil
}

// pause stops the process with SIGSTOP: it holds what it was given and
// does nothing with it until resume.
func (p *stageProc) pause() { p.cmd.Process.Signal(syscall.SIGSTOP) }

func (p *stageProc) resume() { p.cmd.Process.Signal(syscall.SIGCONT) }

func (p *stageProc) stop() {
	p.resume() // a paused process cannot take SIGINT
	p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.waitc:
		p.waitc <- nil
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		p.t.Errorf("stage %s did not stop on SIGINT within 20s; log:\n%s", p.name, p.logs.String())
	}
}

// faultServer is an embedded server on a fixed loopback port with its store
// in a directory that outlives it, so that it can be restarted.
type faultServer struct {
	t    *testing.T
	dir  string
	port int
	emb  *pipeline.Embedded
}

func startFaultServer(t *testing.T) *faultServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &faultServer{t: t, dir: t.TempDir(), port: port}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *faultServer) start() {
	s.t.Helper()
	emb, err := pipeline.StartEmbedded(pipeline.EmbeddedOptions{StoreDir: s.dir, Port: s.port})
	if err != nil {
		s.t.Fatal(err)
	}
	s.emb = emb
}

func (s *faultServer) stop() {
	if s.emb == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	s.emb.Shutdown(ctx)
	s.emb = nil
}

func (s *faultServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

// faultClient connects over TCP, reconnecting for ever, and sets up the
// pipeline.
func faultClient(t *testing.T, url string) (*pipeline.Client, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := pipeline.Setup(ctx, js); err != nil {
		t.Fatal(err)
	}
	return pipeline.NewClient(js), js
}

func faultArticles(t *testing.T, n int) []extract.Article {
	t.Helper()
	var out []extract.Article
	for _, g := range corpusgen.Generate(n, corpusgen.Options{Seed: 9, PerStory: n}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// submitAll submits every article, retrying while the server is away, and
// reports how many the server called duplicates.
func submitAll(t *testing.T, c *pipeline.Client, coll string, arts []extract.Article) (duplicates int) {
	t.Helper()
	for _, a := range arts {
		deadline := time.Now().Add(60 * time.Second)
		for {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			dup, err := c.Submit(ctx, coll, a)
			cancel()
			if err == nil {
				if dup {
					duplicates++
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("submit %s: %v", a.File, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	return duplicates
}

// comparedCount waits until at least n articles of coll are compared and
// returns how many are.
func comparedCount(t *testing.T, js jetstream.JetStream, coll string, n int) int {
	t.Helper()
	deadline := time.Now().Add(120 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		got, err := countOn(ctx, js, pipeline.StreamCompared, "crosscheck.compared."+coll+".*")
		cancel()
		if err == nil && got >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d articles of %s compared after 120s (last error %v)", got, n, coll, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func countOn(ctx context.Context, js jetstream.JetStream, stream, subject string) (int, error) {
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(subject))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range info.State.Subjects {
		n += int(c)
	}
	return n, nil
}

// groupOutcome is what a verdict says that must not depend on faults. A
// folded group (compare.FoldGroup) lists its latest arrivals and a sample
// of the rest, which depends on the order its articles were compared in,
// so for it only the number of claims is compared, not which are listed.
type groupOutcome struct {
	Status  string
	Sources []string
	Count   int      // claims listed and unlisted
	Claims  []string // sorted; nil for a group that leaves claims unlisted
}

// groupsOf is a collection's outcome that must not depend on faults: each
// article once, and each verdict's status, sources and claims.
func groupsOf(t *testing.T, c *pipeline.Client, coll string, n int) (articles []string, verdicts map[string]groupOutcome) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := c.Collect(ctx, coll)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dead) > 0 {
		t.Errorf("%s: %d messages set aside, first: %+v", coll, len(res.Dead), res.Dead[0].Reason)
	}
	for _, a := range res.Articles {
		articles = append(articles, a.Article.ID)
	}
	slices.Sort(articles)
	if len(slices.Compact(slices.Clone(articles))) != len(articles) || len(articles) != n {
		t.Errorf("%s: %d article outcomes (%d distinct), want %d, each once", coll, len(articles), len(slices.Compact(slices.Clone(articles))), n)
	}
	verdicts = make(map[string]groupOutcome)
	for _, ev := range res.Verdicts {
		v := ev.Verdict
		ids := slices.Sorted(slices.Values(v.Claims))
		if len(slices.Compact(slices.Clone(ids))) != len(ids) {
			t.Errorf("%s: verdict %s counts a claim twice: %v", coll, v.ID, ids)
		}
		out := groupOutcome{Status: string(v.Status), Sources: v.Sources, Count: len(ids) + v.Unlisted, Claims: ids}
		if v.Unlisted > 0 {
			out.Claims = nil
		}
		verdicts[v.ID] = out
	}
	return articles, verdicts
}

// TestFaultKillStages kills each stage process with SIGKILL while articles
// are in flight and starts it again: every article still comes through,
// once, into the same groups as a run without faults; a second submission
// of the same articles is recognised as duplicates and changes nothing.
func TestFaultKillStages(t *testing.T) {
	t.Parallel()
	srv := startFaultServer(t)
	url := srv.url()
	client, js := faultClient(t, url)
	arts := faultArticles(t, 36)
	procs := map[string]*stageProc{}
	for _, s := range pipeline.Stages() {
		procs[s] = startStageProc(t, s, url)
	}
	restart := func(stage string) {
		procs[stage].kill9()
		procs[stage] = startStageProc(t, stage, url)
	}
	const coll = "fault-kill"
	submitAll(t, client, coll, arts[:12])
	comparedCount(t, js, coll, 2)
	restart(pipeline.StageCompare)
	submitAll(t, client, coll, arts[12:24])
	comparedCount(t, js, coll, 14)
	restart(pipeline.StageExtract)
	// Paused, the tokenize stage holds the last articles when it is
	// killed: they cannot have been compared.
	procs[pipeline.StageTokenize].pause()
	submitAll(t, client, coll, arts[24:])
	if n := comparedCount(t, js, coll, 0); n >= len(arts) {
		t.Fatalf("all %d articles compared before the tokenize stage was killed: the kill would test nothing", n)
	}
	restart(pipeline.StageTokenize)
	if dup := submitAll(t, client, coll, arts); dup != len(arts) {
		t.Errorf("second submission of %d articles: %d duplicates, want all", len(arts), dup)
	}
	comparedCount(t, js, coll, len(arts))

	// The same articles without faults, for reference.
	submitAll(t, client, "fault-none", arts)
	comparedCount(t, js, "fault-none", len(arts))

	gotArts, got := groupsOf(t, client, coll, len(arts))
	wantArts, want := groupsOf(t, client, "fault-none", len(arts))
	if diff := cmp.Diff(wantArts, gotArts); diff != "" {
		t.Errorf("articles after kills (-without faults +with):\n%s", diff)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdict groups after kills (-without faults +with):\n%s", diff)
	}
	if n, err := countOn(context.Background(), js, pipeline.StreamCompared, "crosscheck.compared."+coll+".*"); err != nil || n != len(arts) {
		t.Errorf("%d compared messages for %d articles (err %v), want one each", n, len(arts), err)
	}
}

// TestFaultRestartServer stops the NATS server mid-stream and starts it
// again on the same port and store: the stage processes and the submitter
// reconnect, and every accepted article comes through once. Then every
// article is delivered to the compare stage again, after its state was
// written, as a redelivery after a restart may be: it must not be counted
// twice (the guard of comparer.update), so no group changes version or
// claims and no verdict event is added.
func TestFaultRestartServer(t *testing.T) {
	t.Parallel()
	srv := startFaultServer(t)
	url := srv.url()
	client, js := faultClient(t, url)
	arts := faultArticles(t, 30)
	procs := map[string]*stageProc{}
	for _, s := range pipeline.Stages() {
		procs[s] = startStageProc(t, s, url)
	}
	const coll = "fault-restart"
	submitAll(t, client, coll, arts[:1])
	comparedCount(t, js, coll, 1)
	// Paused, the compare stage leaves the rest in flight across the
	// restart.
	procs[pipeline.StageCompare].pause()
	submitAll(t, client, coll, arts[1:15])
	before := comparedCount(t, js, coll, 1)
	if before >= 15 {
		t.Fatalf("all %d articles compared before the restart: it would test nothing in flight", before)
	}
	srv.stop()
	time.Sleep(500 * time.Millisecond)
	srv.start()
	procs[pipeline.StageCompare].resume()
	submitAll(t, client, coll, arts[15:])
	comparedCount(t, js, coll, len(arts))
	groupsOf(t, client, coll, len(arts))
	if n, err := countOn(context.Background(), js, pipeline.StreamCompared, "crosscheck.compared."+coll+".*"); err != nil || n != len(arts) {
		t.Errorf("%d compared messages for %d articles (err %v), want one each", n, len(arts), err)
	}

	// Every article to the compare stage again: a new consumer from the
	// start of the claims stream.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	states := func() map[string]pipeline.VerdictEvent {
		t.Helper()
		evs, err := client.Verdicts(ctx, coll, pipeline.VerdictFilter{})
		if err != nil {
			t.Fatal(err)
		}
		m := make(map[string]pipeline.VerdictEvent)
		for _, ev := range evs {
			m[ev.Verdict.ID] = ev
		}
		return m
	}
	verdictEvents := func() int {
		t.Helper()
		n, err := countOn(ctx, js, pipeline.StreamVerdicts, "crosscheck.verdicts."+coll+".*.*")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	wantStates, wantEvents := states(), verdictEvents()
	procs[pipeline.StageCompare].stop()
	for p := range pipeline.Partitions {
		if err := js.DeleteConsumer(ctx, pipeline.StreamClaims, pipeline.PartitionConsumer(p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := pipeline.Setup(ctx, js); err != nil {
		t.Fatal(err)
	}
	startStageProc(t, pipeline.StageCompare, url)
	// The collection's part's consumer: the other parts have no claims.
	part := pipeline.PartitionConsumer(pipeline.Partition(coll))
	for {
		cons, err := js.Consumer(ctx, pipeline.StreamClaims, part)
		if err != nil {
			t.Fatal(err)
		}
		info, err := cons.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.NumPending == 0 && info.NumAckPending == 0 && info.AckFloor.Stream >= info.Delivered.Stream && info.Delivered.Stream > 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("compare stage: %d articles pending, %d unacked after 90s", info.NumPending, info.NumAckPending)
		case <-time.After(100 * time.Millisecond):
		}
	}
	if diff := cmp.Diff(wantStates, states()); diff != "" {
		t.Errorf("groups after every article was delivered again (-before +after):\n%s", diff)
	}
	if got := verdictEvents(); got != wantEvents {
		t.Errorf("%d verdict events after every article was delivered again, want the %d before", got, wantEvents)
	}
	groupsOf(t, client, coll, len(arts))
}
