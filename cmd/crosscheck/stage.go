package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// stage runs one pipeline stage until interrupted. It needs an external NATS:
// a stage process joins a pipeline that others feed.
func stage(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("stage")
	url := fs.String("nats", "", "NATS server URL (default $NATS_URL)")
	parallel := fs.Int("parallel", 0, "concurrent messages in this process (default twice the number of CPUs, four times for compare)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 || !slices.Contains(pipeline.Stages, fs.Arg(0)) {
		return fmt.Errorf("stage: name one of %s (got %q)", strings.Join(pipeline.Stages, ", "), strings.Join(fs.Args(), " "))
	}
	name := fs.Arg(0)
	if *parallel <= 0 {
		*parallel = pipeline.StageParallel(name, pipeline.DefaultParallel())
	}
	u := natsURL(*url)
	if u == "" {
		return errors.New("stage: needs --nats URL or NATS_URL (a stage process joins a running server)")
	}
	c, err := dial(ctx, u, "crosscheck stage "+name)
	if err != nil {
		return err
	}
	defer c.close()
	var tk *extract.Tokenizer
	if name == pipeline.StageTokenize {
		if tk, err = extract.NewTokenizer(); err != nil {
			return err
		}
	}
	h, err := pipeline.NewHandler(ctx, name, c.js, tk)
	if err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	log.Info("stage running", "stage", name, "nats", u, "parallel", *parallel)
	w := &pipeline.Worker{Stage: name, JS: c.js, Handle: h, Parallel: *parallel, Log: log}
	err = w.Run(ctx)
	log.Info("stage stopped", "stage", name)
	return err
}
