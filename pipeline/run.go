package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// StageOptions configures RunStages. The zero value runs every stage with
// the default parallelism, drain and logger, loading a tokenizer.
type StageOptions struct {
	// Stages to run; nil means all of Stages.
	Stages []string
	// Parallel is the concurrent messages of each stage but compare, which
	// takes StageParallel of it; 0 means DefaultParallel().
	Parallel int
	// CompareParallel, when set, is the compare stage's own count.
	CompareParallel int
	// Partitions is the parts whose claims the compare stage takes (see
	// Partitions); nil means every part.
	Partitions []int
	Drain      time.Duration // Worker.Drain
	Log        *slog.Logger  // Worker.Log; also where a worker's failure is logged
	// Tokenizer is shared by the tokenize stage's handlers; nil loads one
	// when the tokenize stage is among Stages.
	Tokenizer *extract.Tokenizer
	// Wrap, when set, wraps each stage's handler (a middleware, as bench's
	// timing).
	Wrap func(stage string, h Handler) Handler
}

// Running is a set of stages started by RunStages.
type Running struct {
	done chan struct{}
	err  error // set before done is closed
}

// RunStages starts one Worker for each stage of opts in this process and
// returns once their handlers are built and their workers valid; the
// workers consume until ctx is done, then drain. It is the one place the
// commands start stages. State of another format is refused with a
// *FormatError (CheckFormat).
func RunStages(ctx context.Context, js jetstream.JetStream, opts StageOptions) (*Running, error) {
	stages := opts.Stages
	if stages == nil {
		stages = Stages()
	}
	// Stages read and write the state: one of another format is refused
	// here as well as in Dial, for a caller that connected otherwise.
	if err := CheckFormat(ctx, js); err != nil {
		return nil, err
	}
	base := opts.Parallel
	if base == 0 {
		base = DefaultParallel()
	}
	tk := opts.Tokenizer
	if tk == nil && slices.Contains(stages, StageTokenize) {
		var err error
		if tk, err = extract.NewTokenizer(); err != nil {
			return nil, err
		}
	}
	var workers []*Worker
	for _, stage := range stages {
		if _, err := stageStream(stage); err != nil {
			return nil, err
		}
		var h Handler
		var err error
		var parts []int
		if stage == StageCompare && opts.Partitions != nil {
			parts = opts.Partitions
			h, err = NewCompareHandler(ctx, js, parts)
		} else {
			h, err = NewHandler(ctx, stage, js, tk)
		}
		if err != nil {
			return nil, err
		}
		if opts.Wrap != nil {
			h = opts.Wrap(stage, h)
		}
		n := StageParallel(stage, base)
		if stage == StageCompare && opts.CompareParallel > 0 {
			n = opts.CompareParallel
		}
		w := &Worker{Stage: stage, JS: js, Handle: h, Parallel: n, Drain: opts.Drain, Log: opts.Log, Partitions: parts}
		if err := w.Validate(); err != nil {
			return nil, err
		}
		workers = append(workers, w)
	}
	log := opts.Log
	if log == nil {
		log = slog.Default()
	}
	r := &Running{done: make(chan struct{})}
	var wg sync.WaitGroup
	errs := make([]error, len(workers))
	for i, w := range workers {
		wg.Go(func() {
			if err := w.Run(ctx); err != nil {
				log.Error("stage stopped", "stage", w.Stage, "err", err)
				errs[i] = fmt.Errorf("stage %s: %w", w.Stage, err)
			}
		})
	}
	go func() {
		wg.Wait()
		r.err = errors.Join(errs...)
		close(r.done)
	}()
	return r, nil
}

// Done is closed once every worker has stopped.
func (r *Running) Done() <-chan struct{} { return r.done }

// Wait waits for every worker to stop and returns their failures.
func (r *Running) Wait() error {
	<-r.done
	return r.err
}

// FileStories files the articles that name no story of their own into
// stories by the names they share (compare.BatchStories): a caller with the
// whole batch at hand, as verify, gets stories, and with them verdicts, that
// do not depend on the order the articles reach the compare stage.
func FileStories(articles []extract.Article) {
	var ids []string
	var names [][]string
	var at []int
	for i, a := range articles {
		if a.Story == "" {
			ids = append(ids, a.ID)
			names = append(names, compare.Entities(a.Title, a.Source, a.Body))
			at = append(at, i)
		}
	}
	for k, s := range compare.BatchStories(ids, names) {
		articles[at[k]].Story = s
	}
}
