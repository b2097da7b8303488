package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/bench"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/pipeline"
)

// benchCmd wires the flags of `crosscheck bench` to package bench.
func benchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("bench")
	n := fs.Int("articles", 1000, "articles to generate when no DIR is given (at most this many are read from DIR)")
	rate := fs.Float64("rate", 0, "also run a paced pass submitting this many articles a second, for latency")
	parallel := fs.Int("parallel", pipeline.DefaultParallel(), "concurrent messages per stage")
	baseWorkers := fs.Int("baseline-workers", runtime.GOMAXPROCS(0), "workers per prose baseline (CPU-bound: one per CPU)")
	sample := fs.Int("baseline-articles", 24, "articles for the slowest baseline (prose defaults: models loaded per article)")
	seed := fs.Uint64("seed", 1, "seed of the generated corpus")
	timeout := fs.Duration("timeout", 10*time.Minute, "give up on a pass after this long")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the pipeline passes to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file at the end of the first pipeline pass, with the state it holds")
	compareParallel := fs.Int("compare-parallel", 0, "concurrent messages of the compare stage (default twice --parallel); it mostly waits on KV round trips")
	cluster := fs.Int("cluster", 0, "run against this many clustered nats-servers started in this process, with --processes stage processes per stage, instead of one embedded server")
	processes := fs.String("processes", "1,2,4", "with --cluster: the counts of `crosscheck stage` processes per stage to run, one pass each")
	shared := fs.Bool("shared-partitions", false, "with --cluster: every compare process takes every part of the state instead of its own share")
	stageProfiles := fs.String("stage-profiles", "", "with --cluster: write a CPU profile of every stage process into this folder")
	rounds := fs.Int("rounds", 1, "with --cluster: passes of each count, interleaved")
	oneColl := fs.Bool("one-collection", false, "submit every generated article to one collection, as serve does, instead of one per story; also compares the verdict groups with one collection per story")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 1 || *n < 1 || *parallel < 1 || *sample < 1 || *rate < 0 || *compareParallel < 0 || *baseWorkers < 1 {
		return errors.New("bench: usage: crosscheck bench [--articles N] [--rate R] [--parallel P] [DIR]")
	}
	if *cluster > 0 {
		ks, err := counts(*processes)
		if err != nil || fs.NArg() > 0 || *rounds < 1 {
			return errors.New("bench: usage: crosscheck bench --cluster N [--processes 1,2,4] [--rounds R] [--articles N]")
		}
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		stageParallel := 0
		if flagSet(fs, "parallel") {
			stageParallel = *parallel
		}
		return bench.RunCluster(ctx, bench.ClusterConfig{
			Exe: exe, Servers: *cluster, Replicas: min(*cluster, 3), Processes: ks, Articles: *n, Seed: *seed,
			Parallel: stageParallel, Timeout: *timeout, Rounds: *rounds, SharedParts: *shared, ProfileDir: *stageProfiles,
		}, stdout, stderr)
	}
	cfg := bench.Config{
		Articles: *n, Rate: *rate, Parallel: *parallel, BaselineWorkers: *baseWorkers, BaselineSample: *sample,
		Seed: *seed, Timeout: *timeout, CPUProfile: *cpuProfile, MemProfile: *memProfile,
		CompareParallel: *compareParallel, OneCollection: *oneColl,
	}
	if fs.NArg() == 1 {
		cfg.Dir = fs.Arg(0)
	}
	return bench.Run(ctx, cfg, stdout, stderr)
}

// counts parses a comma-separated list of positive counts.
func counts(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("count %q: want a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// flagSet reports whether the flag name was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
