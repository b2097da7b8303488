package main

import (
	"context"
	"errors"
	"io"
	"runtime"
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
	oneColl := fs.Bool("one-collection", false, "submit every generated article to one collection, as serve does, instead of one per story; also compares the verdict groups with one collection per story")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 1 || *n < 1 || *parallel < 1 || *sample < 1 || *rate < 0 || *compareParallel < 0 || *baseWorkers < 1 {
		return errors.New("bench: usage: crosscheck bench [--articles N] [--rate R] [--parallel P] [DIR]")
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
