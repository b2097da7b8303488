package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/pipeline"
)

// serve runs the stages and the HTTP API until ctx is done, then shuts down
// in order, bounded by --shutdown-timeout: stop taking requests and end
// event streams, let in-flight requests finish, stop the stages (in-flight
// messages finish or are redelivered), drain the connection, stop an
// embedded server.
func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := cli.NewFlags("serve")
	var nopts pipeline.DialOptions
	registerNATS(fs, &nopts)
	fs.StringVar(&nopts.StoreDir, "store", "", "embedded server's JetStream store, kept across restarts (default: a temporary directory)")
	addr := fs.String("addr", "127.0.0.1:8080", "HTTP listen address")
	token := fs.String("token", os.Getenv("CROSSCHECK_TOKEN"), "bearer token the /v1 routes require (default $CROSSCHECK_TOKEN; empty means none)")
	coll := fs.String("collection", pipeline.DefaultCollection, "collection the API serves")
	maxPending := fs.Uint64("max-pending", api.DefaultMaxPending, "articles waiting for the tokenize stage beyond which POST answers 429")
	maxStreams := fs.Int("max-streams", api.DefaultMaxStreams, "event streams open at once beyond which GET /v1/verdicts/stream answers 503")
	maxBytes := fs.Int64("max-request-bytes", api.DefaultMaxRequestBytes, "largest request body accepted")
	parallel := fs.Int("parallel", pipeline.DefaultParallel(), "concurrent messages per stage (the compare stage takes twice as many)")
	external := fs.Bool("external-stages", false, "do not run the stages in this process: rely on 'crosscheck stage' processes")
	grace := fs.Duration("shutdown-timeout", 20*time.Second, "how long shutdown may take")
	insecure := fs.Bool("insecure-no-auth", false, "allow listening beyond loopback with no token: anyone who reaches the port may submit")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))
	}
	if *token == "" && !*insecure && !api.Loopback(*addr) {
		return fmt.Errorf("serve: --addr %s is reachable beyond this machine and no token is set: "+
			"give --token (or CROSSCHECK_TOKEN), listen on 127.0.0.1, or pass --insecure-no-auth", *addr)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	nopts.DrainTimeout = *grace
	c, err := pipeline.Dial(ctx, "crosscheck serve", nopts)
	if err != nil {
		return err
	}
	// Closed by the shutdown below, or here within the grace period when
	// serve fails before it.
	closed := false
	defer func() {
		if !closed {
			sdCtx, cancel := context.WithTimeout(context.Background(), *grace)
			defer cancel()
			c.Close(sdCtx)
		}
	}()
	natsAt := pipeline.Redact(nopts.URL)
	if c.Embedded != nil {
		natsAt = c.Embedded.ClientURL() + " (embedded)"
	}

	// Stages and API background work get contexts of their own, cancelled in
	// shutdown order rather than all at once by the signal.
	stageCtx, stopStages := context.WithCancel(context.WithoutCancel(ctx))
	defer stopStages()
	var stagesDone <-chan struct{} // nil, never ready, with no stages here
	if !*external {
		stages, err := pipeline.RunStages(stageCtx, c.JS, pipeline.StageOptions{Parallel: *parallel, Drain: 5 * time.Second, Log: log})
		if err != nil {
			return err
		}
		stagesDone = stages.Done()
	}
	// Event streams read on a connection of their own: one the server
	// drops as a slow consumer must not take submissions and /healthz
	// with it.
	sc, err := c.Another(ctx, "crosscheck serve streams")
	if err != nil {
		return err
	}
	defer func() {
		sdCtx, cancel := context.WithTimeout(context.Background(), *grace)
		defer cancel()
		sc.Close(sdCtx)
	}()
	apiCtx, stopAPI := context.WithCancel(context.WithoutCancel(ctx))
	defer stopAPI()
	srv, err := api.New(apiCtx, pipeline.NewClient(c.JS), api.Config{
		Collection:      *coll,
		Token:           *token,
		MaxPending:      *maxPending,
		MaxRequestBytes: *maxBytes,
		MaxStreams:      *maxStreams,
		Streams:         pipeline.NewClient(sc.JS),
		Log:             log,
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: listen %s: %w", *addr, err)
	}
	hs := srv.HTTPServer()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	log.Info("serving", "http", "http://"+ln.Addr().String(), "collection", *coll, "nats", natsAt,
		"auth", *token != "", "max_request_bytes", *maxBytes, "max_pending", *maxPending, "stages", !*external)

	select {
	case <-ctx.Done():
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("shutting down", "timeout", *grace)
	start := time.Now()
	sdCtx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	stopAPI()
	if err := hs.Shutdown(sdCtx); err != nil {
		log.Warn("http shutdown cut short", "err", err)
		hs.Close()
	}
	sc.Close(sdCtx)
	stopStages()
	if stagesDone != nil {
		select {
		case <-stagesDone:
		case <-sdCtx.Done():
			log.Warn("stages still busy at the shutdown deadline; their messages will be redelivered")
		}
	}
	closed = true
	c.Close(sdCtx)
	log.Info("stopped", "took", time.Since(start).Round(time.Millisecond))
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
