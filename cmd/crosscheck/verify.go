package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/articlefile"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/report"
	"github.com/crosscheck/crosscheck/pipeline"
)

func verify(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("verify")
	asJSON := fs.Bool("json", false, "print the JSON contract instead of tables")
	format := fs.String("format", "text", "output format: text, json, claimreview (schema.org ClaimReview JSON-LD), csv (one row per claim of each verdict)")
	url := fs.String("nats", "", "NATS server URL (default $NATS_URL, else an embedded server)")
	external := fs.Bool("external-stages", false, "do not run the stages in this process: rely on running 'crosscheck stage' processes")
	timeout := fs.Duration("timeout", 2*time.Minute, "how long to wait for the pipeline")
	coll := fs.String("collection", "", "collection to submit to (default: a fresh one for this run)")
	status := fs.String("status", "", "show only verdicts with these statuses, comma-separated: agree, conflict, single-source (default all)")
	full := fs.Bool("full", false, "print evidence sentences and reasons whole, wrapped, instead of cut to the width")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	if *format != "text" && *format != "json" && *format != "claimreview" && *format != "csv" {
		return fmt.Errorf("verify: unknown --format %q", *format)
	}
	only, err := report.ParseStatuses(*status)
	if err != nil {
		return fmt.Errorf("verify: --status: %w", err)
	}
	if fs.NArg() == 0 {
		return errors.New("verify: no files (use - for standard input)")
	}
	if *coll == "" {
		*coll = pipeline.NewRunCollection()
	}
	if err := pipeline.ValidCollection(*coll); err != nil {
		return fmt.Errorf("verify: %w", err)
	}

	failed := false
	var articles []extract.Article
	for _, name := range fs.Args() {
		a, err := articlefile.Read(name, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck:", err)
			failed = true
			continue
		}
		articles = append(articles, a)
	}
	if len(articles) == 0 {
		return cli.ErrReported
	}
	pipeline.FileStories(articles)

	c, err := dial(ctx, natsURL(*url), "crosscheck verify")
	if err != nil {
		return err
	}
	defer closeConn(c)
	if !*external {
		stageCtx, stopStages := context.WithCancel(ctx)
		stages, err := pipeline.RunStages(stageCtx, c.JS, pipeline.StageOptions{})
		if err != nil {
			stopStages()
			return err
		}
		defer func() {
			stopStages()
			if err := stages.Wait(); err != nil {
				fmt.Fprintln(stderr, "crosscheck:", err)
			}
		}()
	}

	client := pipeline.NewClient(c.JS)
	var ids []string
	first := make(map[string]string)
	for _, a := range articles {
		if prev, ok := first[a.ID]; ok {
			fmt.Fprintf(stderr, "crosscheck: %s: same body as %s, counted once\n", a.File, prev)
			continue
		}
		first[a.ID] = a.File
		if _, err := client.Submit(ctx, *coll, a); err != nil {
			return err
		}
		ids = append(ids, a.ID)
	}
	waitCtx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := client.Await(waitCtx, *coll, ids); err != nil {
		return err
	}
	res, err := client.Collect(ctx, *coll)
	if err != nil {
		return err
	}
	for _, d := range res.Dead {
		name := d.File
		if name == "" {
			name = d.Article
		}
		fmt.Fprintf(stderr, "crosscheck: %s: set aside by the %s stage: %s\n", name, d.Stage, d.Reason)
		failed = true
	}
	res = report.Filter(res, only)
	switch *format {
	case "json":
		err = report.WriteJSON(stdout, res)
	case "claimreview":
		err = report.WriteClaimReview(stdout, res)
	case "csv":
		err = report.WriteCSV(stdout, res)
	default:
		err = report.WriteText(stdout, res, report.TextOptions{Width: cli.TextWidth(stdout, report.DefaultWidth), Full: *full})
	}
	if err != nil {
		return err
	}
	if failed {
		return cli.ErrReported
	}
	return nil
}
