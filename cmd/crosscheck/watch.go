package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/report"
	"github.com/crosscheck/crosscheck/pipeline"
)

// watch prints verdict events as they arrive, one line each, from the HTTP
// API (--server, the default) or straight from NATS (--nats), until
// interrupted.
func watch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("watch")
	server, token := serverFlags(fs)
	var nopts pipeline.DialOptions
	registerNATS(fs, &nopts)
	status := fs.String("status", "", "only this status: agree, conflict or single-source")
	subject := fs.String("subject", "", "only this subject")
	since := fs.Int64("since", -1, "replay events after this stream sequence (0: all stored); default: new events only")
	coll := fs.String("collection", pipeline.DefaultCollection, "collection to watch (--nats only; the server serves one)")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	f := pipeline.VerdictFilter{Status: *status, Subject: *subject}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	print := func(v pipeline.StreamedVerdict) error {
		_, err := fmt.Fprintln(stdout, report.EventLine(v))
		return err
	}
	viaNATS := false
	fs.Visit(func(fl *flag.Flag) { viaNATS = viaNATS || fl.Name == "nats" })
	if !viaNATS {
		retry := func(err error, wait time.Duration) {
			fmt.Fprintf(stderr, "crosscheck: watch: %v; reconnecting in %v\n", err, wait)
		}
		if err := api.NewClient(*server, *token).Watch(ctx, f, *since, retry, print); err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		return nil
	}
	if nopts.URL == "" {
		return errors.New("watch: --nats needs a URL")
	}
	nopts.NoSetup = true
	c, err := pipeline.Dial(ctx, "crosscheck watch", nopts)
	if err != nil {
		return err
	}
	defer closeConn(c)
	return pipeline.NewClient(c.JS).WatchVerdicts(ctx, *coll, f, *since, print)
}
