// Command crosscheck reads news articles, extracts their factual claims and
// reports where sources agree and where they conflict.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/crosscheck/crosscheck/pipeline"
)

func main() {
	pipeline.LimitMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if err != errReported {
			fmt.Fprintln(os.Stderr, "crosscheck:", err)
		}
		os.Exit(1)
	}
}

const usage = `usage: crosscheck <command> [flags] [args]

commands:
  verify [--json] [--nats URL] FILE...   run articles through the pipeline and print claims and verdicts
  extract [--json] [--published DATE] FILE|-   print number and date mentions and claims of one article
  stage tokenize|extract|compare [--nats URL]  run one pipeline stage as its own process
  serve [--addr 127.0.0.1:8080] [--token T] [--nats URL]  run every stage and the HTTP API
  submit [--server URL] [--token T] FILE...   post articles to a running serve, print their ids
  watch [--server URL | --nats URL] [--status S] [--subject S]  print verdict events as they arrive
  replay [--server URL] DIR   stream a folder of articles through a running serve, print a summary
  bench [--articles N] [--rate R] [DIR]  time the whole pipeline against prose alone

NATS: with neither --nats nor NATS_URL, an in-process server is started.
Memory: a soft limit of 448 MiB unless GOMEMLIMIT sets another ("off": none).
`

// run is main without the process: tests call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errReported
	}
	switch args[0] {
	case "verify":
		return verify(ctx, args[1:], stdin, stdout, stderr)
	case "stage":
		return stage(ctx, args[1:], stderr)
	case "extract":
		return extractCmd(ctx, args[1:], stdin, stdout, stderr)
	case "bench":
		return bench(ctx, args[1:], stdout, stderr)
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "submit":
		return submit(ctx, args[1:], stdin, stdout, stderr)
	case "watch":
		return watch(ctx, args[1:], stdout, stderr)
	case "replay":
		return replay(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
