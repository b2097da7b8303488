package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
	"github.com/crosscheck/crosscheck/internal/procstat"
	"github.com/crosscheck/crosscheck/pipeline"
)

// ClusterConfig is a cluster bench: the same corpus through a fresh
// cluster of Servers in-process nats-servers for each count of Processes,
// that many `crosscheck stage` processes per stage.
type ClusterConfig struct {
	Exe        string // the crosscheck binary the stage processes run
	Servers    int    // clustered nats-servers, on loopback
	Replicas   int    // of every stream and bucket
	Processes  []int  // stage processes per stage, one pass each
	Articles   int    // generated articles, one collection per story
	Seed       uint64
	Parallel   int           // --parallel of each stage process; 0: its default
	Submitters int           // concurrent submissions; 0 means 16
	Timeout    time.Duration // per pass
	Rounds     int           // passes per count, interleaved; 0 means 1
	// SharedParts runs every compare process on every part, as a process
	// started without --partitions does, instead of giving each its own
	// share (pipeline.SharePartitions).
	SharedParts bool
	// ProfileDir, when set, receives a CPU profile of every stage process,
	// <stage>-k<k>-<i>.pprof, and one of this process (the servers and the
	// submitting) over each pass's timed window, servers-k<k>.pprof.
	ProfileDir string
}

// clusterRun is one pass of RunCluster.
type clusterRun struct {
	k        int
	articles int
	elapsed  time.Duration
	kvOps    int
	dead     int
	retries  int64         // "retry" lines the stage processes logged
	cpu      time.Duration // stage processes' and servers' CPU over the window
	// cpuOf splits cpu: "servers" (this process: the servers and the
	// submitting) and each stage's processes.
	cpuOf   map[string]time.Duration
	msgsIn  int64 // messages the servers took in over the window
	leaders map[string]int
}

// RunCluster runs cfg's passes and prints articles a second per count.
func RunCluster(ctx context.Context, cfg ClusterConfig, stdout, stderr io.Writer) error {
	if cfg.Servers < 1 || len(cfg.Processes) == 0 || cfg.Articles < 1 {
		return errors.New("bench: cluster: want servers, processes and articles")
	}
	if cfg.Submitters == 0 {
		cfg.Submitters = 16
	}
	if cfg.Rounds == 0 {
		cfg.Rounds = 1
	}
	var arts []extract.Article
	var colls []string
	for _, g := range corpusgen.Generate(cfg.Articles, corpusgen.Options{Seed: cfg.Seed}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			return fmt.Errorf("bench: generated article: %w", err)
		}
		arts = append(arts, a)
		colls = append(colls, "s"+strconv.Itoa(g.Story))
	}
	fmt.Fprintf(stdout, "crosscheck bench: %d generated articles in %d collections (one per story), %d servers clustered on loopback, replicas %d\n",
		len(arts), len(slices.Compact(slices.Clone(colls))), cfg.Servers, cfg.Replicas)
	fmt.Fprintf(stdout, "each pass: a fresh cluster, k `crosscheck stage` processes per stage, every article submitted at once (%d at a time)\n", cfg.Submitters)
	if cfg.SharedParts {
		fmt.Fprintf(stdout, "every compare process takes all %d parts of the state\n\n", pipeline.Partitions)
	} else {
		fmt.Fprintf(stdout, "compare process i of k takes parts i, i+k, ... of the %d (--partitions)\n\n", pipeline.Partitions)
	}
	fmt.Fprintf(stdout, "  %3s  %12s  %9s  %8s  %9s  %8s  %12s  %s\n", "k", "articles/s", "elapsed", "KV ops", "retries", "CPU/art", "msgs in/art", "leaders (streams and buckets per server)")
	var runs []clusterRun
	for round := range cfg.Rounds {
		for _, k := range cfg.Processes {
			r, err := clusterPass(ctx, cfg, k, arts, colls, stderr)
			if err != nil {
				return fmt.Errorf("bench: k=%d round %d: %w", k, round+1, err)
			}
			runs = append(runs, r)
			n := float64(max(r.articles, 1))
			var ls []string
			for _, s := range slices.Sorted(maps.Keys(r.leaders)) {
				ls = append(ls, fmt.Sprintf("%s:%d", s, r.leaders[s]))
			}
			fmt.Fprintf(stdout, "  %3d  %12.1f  %9s  %8.1f  %9d  %8s  %12.1f  %s\n", k, float64(r.articles)/r.elapsed.Seconds(),
				r.elapsed.Round(time.Millisecond), float64(r.kvOps)/n, r.retries, ms(r.cpu/time.Duration(n)), float64(r.msgsIn)/n, strings.Join(ls, " "))
			var parts []string
			for _, name := range append([]string{"servers"}, pipeline.Stages()...) {
				parts = append(parts, fmt.Sprintf("%s %s", name, ms(r.cpuOf[name]/time.Duration(n))))
			}
			fmt.Fprintf(stdout, "       CPU per article: %s\n", strings.Join(parts, ", "))
			if r.dead > 0 {
				fmt.Fprintf(stdout, "       %d articles set aside\n", r.dead)
			}
		}
	}
	if cfg.Rounds > 1 {
		fmt.Fprintln(stdout, "\nrange over rounds")
		for _, k := range cfg.Processes {
			var rates []float64
			for _, r := range runs {
				if r.k == k {
					rates = append(rates, float64(r.articles)/r.elapsed.Seconds())
				}
			}
			fmt.Fprintf(stdout, "  k=%-3d %7.1f - %7.1f articles/s\n", k, slices.Min(rates), slices.Max(rates))
		}
	}
	return nil
}

// clusterPass starts a cluster and k processes per stage, submits arts,
// article i to collection colls[i], and times them until every one is
// compared.
func clusterPass(ctx context.Context, cfg ClusterConfig, k int, arts []extract.Article, colls []string, stderr io.Writer) (clusterRun, error) {
	freeMemory()
	servers, urls, err := startCluster(cfg.Servers)
	if err != nil {
		return clusterRun{}, err
	}
	defer stopCluster(servers)
	c, err := pipeline.Dial(ctx, "crosscheck bench", pipeline.DialOptions{URL: urls, Replicas: cfg.Replicas})
	if err != nil {
		return clusterRun{}, err
	}
	defer closeConn(c)

	var retries atomic.Int64
	procs, err := startStages(ctx, cfg, k, urls, &retries, stderr)
	defer stopStages(procs)
	if err != nil {
		return clusterRun{}, err
	}
	r := clusterRun{k: k, leaders: make(map[string]int)}

	var mu sync.Mutex
	done := make(map[string]bool, len(arts))
	finished := make(chan struct{})
	var last time.Time
	mark := func(id string, failed bool, kvOps int) {
		mu.Lock()
		defer mu.Unlock()
		if done[id] {
			return
		}
		done[id] = true
		last = time.Now()
		r.kvOps += kvOps
		if failed {
			r.dead++
		}
		if len(done) == len(arts) {
			close(finished)
		}
	}
	sub, err := c.NC.Subscribe("crosscheck.compared.>", func(m *nats.Msg) {
		var cm pipeline.ComparedMsg
		if json.Unmarshal(m.Data, &cm) == nil {
			mark(cm.Article, false, cm.KVOps)
		}
	})
	if err != nil {
		return r, err
	}
	defer sub.Unsubscribe()
	deadSub, err := c.NC.Subscribe("crosscheck.dead.>", func(m *nats.Msg) {
		var d pipeline.DeadMsg
		if json.Unmarshal(m.Data, &d) == nil {
			mark(d.Article, true, 0)
		}
	})
	if err != nil {
		return r, err
	}
	defer deadSub.Unsubscribe()
	if err := c.NC.Flush(); err != nil {
		return r, err
	}

	if cfg.ProfileDir != "" {
		f, err := os.Create(filepath.Join(cfg.ProfileDir, fmt.Sprintf("servers-k%d.pprof", k)))
		if err != nil {
			return r, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return r, err
		}
		defer pprof.StopCPUProfile() // also on the way out of an error
	}
	in0 := serversIn(servers)
	cpu0 := cpuByStage(procs)
	client := pipeline.NewClient(c.JS)
	start := time.Now()
	next := make(chan int)
	errs := make(chan error, cfg.Submitters)
	var wg sync.WaitGroup
	for range cfg.Submitters {
		wg.Go(func() {
			for i := range next {
				// A submission is retried as an operator would: a read
				// of the key just written can miss it on a follower.
				var err error
				for range 5 {
					if _, err = client.Submit(ctx, colls[i], arts[i]); err == nil {
						break
					}
					time.Sleep(100 * time.Millisecond)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
submit:
	for i := range arts {
		select {
		case next <- i:
		case err = <-errs:
			break submit
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return r, err
	}
	select {
	case <-finished:
	case <-time.After(cfg.Timeout):
		mu.Lock()
		defer mu.Unlock()
		return r, fmt.Errorf("%d of %d articles not compared after %s", len(arts)-len(done), len(arts), cfg.Timeout)
	case <-ctx.Done():
		return r, ctx.Err()
	}
	if cfg.ProfileDir != "" {
		pprof.StopCPUProfile()
	}
	r.cpuOf = cpuByStage(procs)
	for name, d := range r.cpuOf {
		r.cpuOf[name] = d - cpu0[name]
		r.cpu += r.cpuOf[name]
	}
	r.msgsIn = serversIn(servers) - in0
	r.retries = retries.Load()
	mu.Lock()
	r.articles, r.elapsed = len(done), last.Sub(start)
	mu.Unlock()
	for _, s := range servers {
		jsz, err := s.Jsz(&server.JSzOptions{Accounts: true, Streams: true})
		if err != nil {
			continue
		}
		for _, a := range jsz.AccountDetails {
			for _, st := range a.Streams {
				if st.Cluster != nil && st.Cluster.Leader == s.Name() {
					r.leaders[s.Name()]++
				}
			}
		}
	}
	return r, nil
}

// startCluster starts n nats-servers with JetStream, each routed to the
// others, and waits for JetStream's meta leader. urls is every client URL,
// comma-separated.
func startCluster(n int) (servers []*server.Server, urls string, err error) {
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, "", err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	var list []string
	fail := func(err error) ([]*server.Server, string, error) {
		stopCluster(servers)
		return nil, "", fmt.Errorf("cluster: %w", err)
	}
	for i := range n {
		var routes []string
		for j, p := range ports {
			if j != i {
				routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", p))
			}
		}
		dir, err := os.MkdirTemp("", "crosscheck-bench-")
		if err != nil {
			return fail(err)
		}
		s, err := server.NewServer(&server.Options{
			ServerName: fmt.Sprintf("n%d", i+1),
			Host:       "127.0.0.1",
			Port:       server.RANDOM_PORT,
			JetStream:  true,
			StoreDir:   dir,
			NoSigs:     true,
			NoLog:      true,
			MaxPayload: 4 << 20,
			Cluster:    server.ClusterOpts{Name: "crosscheck-bench", Host: "127.0.0.1", Port: ports[i]},
			Routes:     server.RoutesFromStr(strings.Join(routes, ",")),
		})
		if err != nil {
			os.RemoveAll(dir)
			return fail(err)
		}
		s.Start()
		servers = append(servers, s)
		if !s.ReadyForConnections(10 * time.Second) {
			return fail(fmt.Errorf("server %s not ready after 10s", s.Name()))
		}
		list = append(list, s.ClientURL())
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		leader, current := false, true
		for _, s := range servers {
			leader = leader || s.JetStreamIsLeader()
			current = current && s.JetStreamIsCurrent()
		}
		if leader && current {
			return servers, strings.Join(list, ","), nil
		}
		if time.Now().After(deadline) {
			return fail(errors.New("no JetStream meta leader after 30s"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stopCluster shuts the servers down and removes their stores.
func stopCluster(servers []*server.Server) {
	var dirs []string
	for _, s := range servers {
		dirs = append(dirs, s.StoreDir())
		s.Shutdown()
	}
	for i, s := range servers {
		s.WaitForShutdown()
		os.RemoveAll(dirs[i])
	}
}

func serversIn(servers []*server.Server) int64 {
	var n int64
	for _, s := range servers {
		if v, err := s.Varz(nil); err == nil {
			n += v.InMsgs
		}
	}
	return n
}

// stageProc is one `crosscheck stage` process.
type stageProc struct {
	stage string
	cmd   *exec.Cmd
	done  chan struct{} // closed when its stderr is read to the end
}

// startStages starts k processes of every stage and waits until each says
// it is running. Warnings of retried messages are counted in retries;
// errors are copied to stderr.
func startStages(ctx context.Context, cfg ClusterConfig, k int, urls string, retries *atomic.Int64, stderr io.Writer) ([]*stageProc, error) {
	var procs []*stageProc
	running := make(chan error, 3*k)
	var errMu sync.Mutex
	for _, stage := range pipeline.Stages() {
		for i := range k {
			args := []string{"stage", "--nats", urls}
			if cfg.Parallel > 0 {
				args = append(args, "--parallel", strconv.Itoa(cfg.Parallel))
			}
			if cfg.ProfileDir != "" {
				args = append(args, "--cpuprofile", filepath.Join(cfg.ProfileDir, fmt.Sprintf("%s-k%d-%d.pprof", stage, k, i+1)))
			}
			if parts := pipeline.SharePartitions(i, k); stage == pipeline.StageCompare && !cfg.SharedParts && len(parts) > 0 {
				args = append(args, "--partitions", partsList(parts))
			}
			args = append(args, stage)
			cmd := exec.Command(cfg.Exe, args...)
			cmd.Env = append(os.Environ(), "CROSSCHECK_REPLICAS="+strconv.Itoa(cfg.Replicas), "NATS_URL=")
			out, err := cmd.StderrPipe()
			if err != nil {
				return procs, err
			}
			if err := cmd.Start(); err != nil {
				return procs, fmt.Errorf("start %s %d: %w", stage, i+1, err)
			}
			p := &stageProc{stage: stage, cmd: cmd, done: make(chan struct{})}
			procs = append(procs, p)
			go func() {
				defer close(p.done)
				sc := bufio.NewScanner(out)
				sc.Buffer(make([]byte, 64<<10), 1<<20)
				said := false
				for sc.Scan() {
					line := sc.Text()
					switch {
					case !said && strings.Contains(line, `msg="stage running"`):
						said = true
						running <- nil
					case strings.Contains(line, "msg=retry"):
						if retries.Add(1) == 1 {
							errMu.Lock()
							fmt.Fprintf(stderr, "first retry: %s %d: %s\n", stage, i+1, line)
							errMu.Unlock()
						}
					case strings.Contains(line, "level=ERROR") || strings.HasPrefix(line, "crosscheck:"):
						errMu.Lock()
						fmt.Fprintf(stderr, "%s %d: %s\n", stage, i+1, line)
						errMu.Unlock()
					}
				}
				if !said {
					running <- fmt.Errorf("stage %s process %d stopped before running", stage, i+1)
				}
			}()
		}
	}
	timeout := time.After(2 * time.Minute)
	for range procs {
		select {
		case err := <-running:
			if err != nil {
				return procs, err
			}
		case <-timeout:
			return procs, errors.New("stage processes not running after 2 minutes")
		case <-ctx.Done():
			return procs, ctx.Err()
		}
	}
	return procs, nil
}

// partsList writes parts as --partitions takes them.
func partsList(parts []int) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = strconv.Itoa(p)
	}
	return strings.Join(s, ",")
}

// stopStages asks every process to stop, as an operator's SIGTERM does,
// and waits for them.
func stopStages(procs []*stageProc) {
	for _, p := range procs {
		p.cmd.Process.Signal(syscall.SIGTERM)
	}
	for _, p := range procs {
		select {
		case <-p.done:
		case <-time.After(20 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
		p.cmd.Wait()
	}
}

// cpuByStage is the CPU time this process ("servers") and each stage's
// processes have used.
func cpuByStage(procs []*stageProc) map[string]time.Duration {
	out := map[string]time.Duration{"servers": procstat.CPUTime()}
	for _, p := range procs {
		out[p.stage] += procCPU(p)
	}
	return out
}

// procCPU is the CPU time the process has used, user and system, read
// from /proc; 0 where it cannot be read.
func procCPU(p *stageProc) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses: utime
	// and stime are the 12th and 13th.
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * (time.Second / 100) // USER_HZ
}
