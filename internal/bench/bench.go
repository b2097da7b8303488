// Package bench runs the whole pipeline on a folder of articles or a
// generated corpus and reports its throughput, latency and memory next to
// what prose alone does with the same articles: the engine of
// `crosscheck bench`. Figures it has measured are in docs/performance.md.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/articlefile"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
	"github.com/crosscheck/crosscheck/internal/procstat"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Config is one bench run, as the flags of `crosscheck bench` set it.
type Config struct {
	Dir             string        // folder of *.txt articles; "" generates a corpus
	Articles        int           // articles to generate, or at most to read from Dir
	Rate            float64       // also a paced pass at this many articles a second; 0: none
	Parallel        int           // concurrent messages per stage
	BaselineWorkers int           // workers per prose baseline
	BaselineSample  int           // articles for the slowest baseline
	Seed            uint64        // of the generated corpus
	Timeout         time.Duration // per pass
	CPUProfile      string        // file for a CPU profile of the first pass; "": none
	MemProfile      string        // file for a heap profile at the end of the first pass; "": none
	CompareParallel int           // the compare stage's count; 0: StageParallel of Parallel
	OneCollection   bool          // one collection for every generated story, checked against one per story
}

// Run runs the passes cfg asks for and writes the report to stdout; an
// article of Dir that does not parse is reported on stderr and skipped.
func Run(ctx context.Context, cfg Config, stdout, stderr io.Writer) error {
	var arts []extract.Article
	var origin string
	var story []int // story of each generated article
	if cfg.Dir != "" {
		var err error
		skip := func(err error) { fmt.Fprintln(stderr, "crosscheck: bench: skipped:", err) }
		if arts, err = articlefile.ReadDir(cfg.Dir, cfg.Articles, skip); err != nil {
			return err
		}
		origin = "articles from " + cfg.Dir
	} else {
		for _, g := range corpusgen.Generate(cfg.Articles, corpusgen.Options{Seed: cfg.Seed}) {
			a, err := extract.ParseArticle(g.Name, []byte(g.Text))
			if err != nil {
				return fmt.Errorf("bench: generated article: %w", err)
			}
			arts = append(arts, a)
			story = append(story, g.Story)
		}
		origin = "generated articles"
	}
	if len(arts) == 0 {
		return errors.New("bench: no articles")
	}
	size := 0
	for _, a := range arts {
		size += len(a.Body)
	}
	compareN := pipeline.StageParallel(pipeline.StageCompare, cfg.Parallel)
	if cfg.CompareParallel > 0 {
		compareN = cfg.CompareParallel
	}
	fmt.Fprintf(stdout, "crosscheck bench: %d %s (%.1f KB average), %d CPUs, %d workers per stage (%d to compare)\n",
		len(arts), origin, float64(size)/float64(len(arts))/1024, runtime.NumCPU(), cfg.Parallel, compareN)
	// A newsroom files each story in its own collection; a folder is one.
	collOf := func(int) string { return "" }
	perStory := collOf
	if story != nil {
		perStory = func(i int) string { return "s" + strconv.Itoa(story[i]) }
	}
	if story != nil && cfg.OneCollection {
		fmt.Fprintf(stdout, "one collection for all %d stories\n\n", story[len(story)-1]+1)
	} else if story != nil {
		collOf = func(i int) string { return "s" + strconv.Itoa(story[i]) }
		fmt.Fprintf(stdout, "one collection per story (%d stories)\n\n", story[len(story)-1]+1)
	} else {
		fmt.Fprint(stdout, "one collection\n\n")
	}

	// Models are loaded once per process, as crosscheck stage does, and
	// shared by every pass.
	tk, err := extract.NewTokenizer()
	if err != nil {
		return err
	}
	pass := benchPass{tk: tk, arts: arts, collOf: collOf, parallel: cfg.Parallel, compareParallel: cfg.CompareParallel,
		timeout: cfg.Timeout, groups: story != nil && cfg.OneCollection}
	first := pass
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		first.profile = f
	}
	if cfg.MemProfile != "" {
		f, err := os.Create(cfg.MemProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		first.heap = f
	}
	run, err := benchPipeline(ctx, first)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "pipeline (embedded NATS, three stages in this process), all articles submitted at once")
	fmt.Fprintf(stdout, "  throughput          %8.1f articles/s  (%d in %s)\n", run.throughput(), len(run.lat), run.elapsed.Round(time.Millisecond))
	fmt.Fprintf(stdout, "  CPU per article     %s  (whole process: stages, NATS server, submitting)\n", ms(run.cpuPerArticle()))
	fmt.Fprintf(stdout, "  submit-to-verdict   p50 %s  p99 %s  (mostly queueing behind the backlog)\n", ms(run.pct(50)), ms(run.pct(99)))
	fmt.Fprintf(stdout, "  peak RSS            %s\n", mb(run.peakRSS))
	run.printCompare(stdout)
	run.printMsgs(stdout)
	if run.dead > 0 {
		fmt.Fprintf(stdout, "  set aside           %d articles (see crosscheck verify for reasons)\n", run.dead)
	}
	if cfg.Rate > 0 {
		pacedPass := pass
		pacedPass.rate, pacedPass.groups = cfg.Rate, false
		paced, err := benchPipeline(ctx, pacedPass)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\npipeline paced at %g articles/s (fresh collection, same articles)\n", cfg.Rate)
		fmt.Fprintf(stdout, "  achieved            %8.1f articles/s\n", paced.throughput())
		fmt.Fprintf(stdout, "  submit-to-verdict   p50 %s  p90 %s  p99 %s  max %s\n", ms(paced.pct(50)), ms(paced.pct(90)), ms(paced.pct(99)), ms(paced.pct(100)))
		fmt.Fprintf(stdout, "  peak RSS            %s\n", mb(paced.peakRSS))
		paced.printCompare(stdout)
		paced.printStages(stdout)
	}
	if story != nil && cfg.OneCollection {
		perStoryPass := pass
		perStoryPass.collOf = perStory
		ref, err := benchPipeline(ctx, perStoryPass)
		if err != nil {
			return err
		}
		same := 0
		for _, g := range ref.groups {
			if slices.Contains(run.groups, g) {
				same++
			}
		}
		fmt.Fprintf(stdout, "\nagainst one collection per story (all at once)\n")
		fmt.Fprintf(stdout, "  verdict groups      %d of %d the same (%.1f%%); %d groups in one collection\n",
			same, len(ref.groups), 100*float64(same)/float64(max(len(ref.groups), 1)), len(run.groups))
		ref.printCompare(stdout)
	}

	fmt.Fprintf(stdout, "\nbaselines: prose on the same article bodies, %d workers, Go's default collector settings\n", cfg.BaselineWorkers)
	model := prose.ModelFromData("bench")
	baselines := []struct {
		name  string
		count int
		opts  []prose.DocOpt
	}{
		{"prose defaults (models loaded per article)", min(cfg.BaselineSample, len(arts)), nil},
		{"prose with one reused model", min(max(cfg.BaselineSample*4, 100), len(arts)), []prose.DocOpt{prose.UsingModel(model)}},
		{"prose tokenization alone", len(arts), []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}},
	}
	for _, b := range baselines {
		rate, cpu, err := benchProse(ctx, arts[:b.count], cfg.BaselineWorkers, b.opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "  %-42s %7.1f articles/s %9s CPU/article   pipeline %s by throughput, %s by CPU\n",
			b.name, rate, ms(cpu), ratio(run.throughput()/rate), ratio(float64(cpu)/float64(run.cpuPerArticle())))
	}
	return nil
}

// benchRun is one pass of articles through the pipeline.
type benchRun struct {
	lat     []time.Duration // submit to compared, per article
	elapsed time.Duration   // first submit to last compared
	peakRSS int64
	cpu     time.Duration // CPU time of the whole process during the pass
	dead    int
	kvOps   int // KV round trips of the compare stage, over all articles
	// msgsIn and msgsOut count the messages the NATS server took in and
	// sent out over the pass.
	msgsIn, msgsOut int64
	groups          []string // verdict groups, as their sorted claim ids
	stages          map[string]*stageTimes
}

// stageTimes is what each message spent in one stage: waiting in its
// stream (stored to handler start) and in the handler.
type stageTimes struct {
	mu           sync.Mutex
	wait, handle []time.Duration
}

func (st *stageTimes) add(wait, handle time.Duration) {
	st.mu.Lock()
	st.wait = append(st.wait, wait)
	st.handle = append(st.handle, handle)
	st.mu.Unlock()
}

func pctOf(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

func (r *benchRun) printCompare(w io.Writer) {
	st := r.stages[pipeline.StageCompare]
	if st == nil || len(st.handle) == 0 {
		return
	}
	var sum time.Duration
	for _, d := range st.handle {
		sum += d
	}
	fmt.Fprintf(w, "  compare stage       %s per article (p50 %s, p99 %s), %.1f KV round trips per article\n",
		ms(sum/time.Duration(len(st.handle))), ms(pctOf(st.handle, 50)), ms(pctOf(st.handle, 99)),
		float64(r.kvOps)/float64(max(len(r.lat), 1)))
}

// printMsgs prints the messages the NATS server handled per article.
func (r *benchRun) printMsgs(w io.Writer) {
	n := float64(max(len(r.lat), 1))
	fmt.Fprintf(w, "  NATS server         %.1f messages in, %.1f out per article\n", float64(r.msgsIn)/n, float64(r.msgsOut)/n)
}

func (r *benchRun) printStages(w io.Writer) {
	for _, stage := range pipeline.Stages() {
		st := r.stages[stage]
		fmt.Fprintf(w, "  %-9s  waiting p50 %s p99 %s   handling p50 %s p99 %s\n", stage,
			ms(pctOf(st.wait, 50)), ms(pctOf(st.wait, 99)), ms(pctOf(st.handle, 50)), ms(pctOf(st.handle, 99)))
	}
}

func (r *benchRun) cpuPerArticle() time.Duration { return r.cpu / time.Duration(max(len(r.lat), 1)) }

func (r *benchRun) throughput() float64 { return float64(len(r.lat)) / r.elapsed.Seconds() }

func (r *benchRun) pct(p int) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(r.lat))
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

// benchPass is one pass of benchPipeline.
type benchPass struct {
	tk              *extract.Tokenizer
	arts            []extract.Article
	collOf          func(int) string // the collection suffix of article i
	rate            float64          // articles a second, or 0 for all at once
	parallel        int
	compareParallel int
	timeout         time.Duration
	// groups asks for the verdict groups once every article is through;
	// reading them back is not part of what the pass measures.
	groups bool
	// profile, when set, receives a CPU profile of the timed window: from
	// the first submission to the last article's crosscheck.compared.
	profile io.Writer
	// heap, when set, receives a heap profile at the end of the timed
	// window, the stages still running.
	heap io.Writer
}

// benchPipeline starts an embedded server and the three stages, submits
// arts (at rate a second, or all at once when rate is 0), article i to the
// fresh run collection suffixed with collOf(i), and times each until its
// crosscheck.compared message.
func benchPipeline(ctx context.Context, p benchPass) (*benchRun, error) {
	freeMemory()
	procstat.ResetPeakRSS()
	// Zero options: an embedded server, whatever NATS_URL says, so that
	// runs on different machines measure the same thing.
	c, err := pipeline.Dial(ctx, "crosscheck bench", pipeline.DialOptions{})
	if err != nil {
		return nil, err
	}
	defer closeConn(c)
	stages := make(map[string]*stageTimes)
	for _, stage := range pipeline.Stages() {
		stages[stage] = &stageTimes{}
	}
	timed := func(stage string, h pipeline.Handler) pipeline.Handler {
		times := stages[stage]
		return func(ctx context.Context, m jetstream.Msg) error {
			start := time.Now()
			err := h(ctx, m)
			if meta, merr := m.Metadata(); merr == nil && err == nil {
				times.add(start.Sub(meta.Timestamp), time.Since(start))
			}
			return err
		}
	}
	stageCtx, stopStages := context.WithCancel(ctx)
	running, err := pipeline.RunStages(stageCtx, c.JS, pipeline.StageOptions{
		Parallel: p.parallel, CompareParallel: p.compareParallel, Drain: 2 * time.Second,
		Tokenizer: p.tk, Wrap: timed,
	})
	if err != nil {
		stopStages()
		return nil, err
	}
	defer func() { stopStages(); running.Wait() }()

	coll := pipeline.NewRunCollection()
	var mu sync.Mutex
	submitted := make(map[string]time.Time, len(p.arts))
	done := make(map[string]time.Time, len(p.arts))
	finished := make(chan struct{})
	total := 0
	seen := make(map[string]bool)
	for _, a := range p.arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			total++
		}
	}
	dead, kvOps := 0, 0
	mark := func(id string, failed bool) {
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		if _, ok := done[id]; ok || !seen[id] {
			return
		}
		done[id] = now
		if failed {
			dead++
		}
		if len(done) == total {
			close(finished)
		}
	}
	sub, err := c.NC.Subscribe("crosscheck.compared.>", func(m *nats.Msg) {
		var cm pipeline.ComparedMsg
		if json.Unmarshal(m.Data, &cm) == nil {
			mu.Lock()
			kvOps += cm.KVOps
			mu.Unlock()
		}
		mark(m.Subject[strings.LastIndexByte(m.Subject, '.')+1:], false)
	})
	if err != nil {
		return nil, err
	}
	defer sub.Unsubscribe()
	deadSub, err := c.NC.Subscribe("crosscheck.dead.>", func(m *nats.Msg) {
		var d pipeline.DeadMsg
		if json.Unmarshal(m.Data, &d) == nil {
			mark(d.Article, true)
		}
	})
	if err != nil {
		return nil, err
	}
	defer deadSub.Unsubscribe()

	client := pipeline.NewClient(c.JS)
	colls := make(map[string]bool)
	if p.profile != nil {
		if err := pprof.StartCPUProfile(p.profile); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile() // also on the way out of an error
	}
	in0, out0 := c.Embedded.Msgs()
	cpu0 := procstat.CPUTime()
	start := time.Now()
	sent := make(map[string]bool, total)
	i := 0
	for j, a := range p.arts {
		if sent[a.ID] {
			continue
		}
		sent[a.ID] = true
		if p.rate > 0 {
			at := start.Add(time.Duration(float64(i) / p.rate * float64(time.Second)))
			time.Sleep(time.Until(at))
		}
		i++
		mu.Lock()
		submitted[a.ID] = time.Now()
		mu.Unlock()
		colls[coll+p.collOf(j)] = true
		if _, err := client.Submit(ctx, coll+p.collOf(j), a); err != nil {
			return nil, err
		}
	}
	select {
	case <-finished:
	case <-time.After(p.timeout):
		mu.Lock()
		defer mu.Unlock()
		return nil, fmt.Errorf("bench: %d of %d articles not through the pipeline after %s", total-len(done), total, p.timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	cpu := procstat.CPUTime() - cpu0
	in1, out1 := c.Embedded.Msgs()
	if p.profile != nil {
		pprof.StopCPUProfile()
	}
	if p.heap != nil {
		runtime.GC() // the live heap, as the profile's in-use figures show
		if err := pprof.WriteHeapProfile(p.heap); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
	}
	var groups []string
	if p.groups {
		for coll := range colls {
			vs, err := client.Verdicts(ctx, coll, pipeline.VerdictFilter{})
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				groups = append(groups, strings.Join(v.Verdict.Claims, " "))
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	r := &benchRun{dead: dead, peakRSS: procstat.PeakRSS(), cpu: cpu, kvOps: kvOps, msgsIn: in1 - in0, msgsOut: out1 - out0, groups: groups, stages: stages}
	var last time.Time
	for id, t := range done {
		r.lat = append(r.lat, t.Sub(submitted[id]))
		if t.After(last) {
			last = t
		}
	}
	r.elapsed = last.Sub(start)
	return r, nil
}

// benchProse runs prose.NewDocument with opts over every body with parallel
// workers and returns articles a second and the CPU time per article.
//
// It runs under Go's default collector settings, as a program of a user of
// prose would (GOGC=100, no memory limit), not under the ones a crosscheck
// process keeps (see cmd/crosscheck), and restores those after.
func benchProse(ctx context.Context, arts []extract.Article, parallel int, opts []prose.DocOpt) (float64, time.Duration, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	freeMemory()
	next := make(chan string)
	errs := make(chan error, parallel)
	var wg sync.WaitGroup
	cpu0 := procstat.CPUTime()
	start := time.Now()
	for range parallel {
		wg.Go(func() {
			for body := range next {
				if _, err := prose.NewDocument(body, opts...); err != nil {
					errs <- err
					return
				}
			}
		})
	}
feed:
	for _, a := range arts {
		select {
		case next <- a.Body:
		case err := <-errs:
			close(next)
			wg.Wait()
			return 0, 0, fmt.Errorf("bench: prose: %w", err)
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	elapsed := time.Since(start)
	cpu := procstat.CPUTime() - cpu0
	return float64(len(arts)) / elapsed.Seconds(), cpu / time.Duration(len(arts)), nil
}

// closeConn closes c within 10 seconds.
func closeConn(c *pipeline.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c.Close(ctx)
}

func freeMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func mb(b int64) string {
	if b < 0 {
		return "unknown (no /proc/self/status)"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}

func ratio(x float64) string {
	if x >= 10 {
		return fmt.Sprintf("%.0f× faster", x)
	}
	return fmt.Sprintf("%.1f× faster", x)
}
