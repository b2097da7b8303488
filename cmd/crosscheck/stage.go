package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/pipeline"
)

// stage runs one pipeline stage until interrupted. It needs an external NATS:
// a stage process joins a pipeline that others feed.
func stage(ctx context.Context, args []string, stderr io.Writer) error {
	fs := cli.NewFlags("stage")
	url := fs.String("nats", "", "NATS server URL (default $NATS_URL)")
	parallel := fs.Int("parallel", 0, "concurrent messages in this process (default twice the number of CPUs, four times for compare)")
	parts := fs.String("partitions", "all", fmt.Sprintf("compare only: the parts of the state this process takes, e.g. 0,4 or 0-3, of 0-%d; give each of k compare processes its own share so that their caches stay valid and their writes do not collide (docs/cluster.md)", pipeline.Partitions-1))
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the process, from start to stop, to this file")
	ackWait := fs.Duration("ack-wait", 0, "how long a message may be in flight before NATS gives it to another stage process (default 30s)")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 || !slices.Contains(pipeline.Stages(), fs.Arg(0)) {
		return fmt.Errorf("stage: name one of %s (got %q)", strings.Join(pipeline.Stages(), ", "), strings.Join(fs.Args(), " "))
	}
	name := fs.Arg(0)
	var partitions []int
	if *parts != "all" {
		if name != pipeline.StageCompare {
			return fmt.Errorf("stage: --partitions is the compare stage's, not %s's", name)
		}
		var err error
		if partitions, err = pipeline.ParsePartitions(*parts); err != nil {
			return fmt.Errorf("stage: %w", err)
		}
	}
	u := natsURL(*url)
	if u == "" {
		return errors.New("stage: needs --nats URL or NATS_URL (a stage process joins a running server)")
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("stage: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("stage: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	o := pipeline.DialOptionsFromEnv()
	o.URL, o.AckWait = u, *ackWait
	c, err := pipeline.Dial(ctx, "crosscheck stage "+name, o)
	if err != nil {
		return err
	}
	defer closeConn(c)
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// --parallel is this stage's own count, the compare stage's included.
	opts := pipeline.StageOptions{Stages: []string{name}, Parallel: *parallel, CompareParallel: *parallel, Partitions: partitions, Log: log}
	stages, err := pipeline.RunStages(ctx, c.JS, opts)
	if err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	log.Info("stage running", "stage", name, "nats", u, "parallel", stageParallel(name, *parallel), "partitions", *parts)
	err = stages.Wait()
	log.Info("stage stopped", "stage", name)
	return err
}

// stageParallel is the count a stage process runs with, for its log.
func stageParallel(name string, flag int) int {
	if flag > 0 {
		return flag
	}
	return pipeline.StageParallel(name, pipeline.DefaultParallel())
}
