// Command crosscheck reads news articles, extracts their factual claims and
// reports where sources agree and where they conflict.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/crosscheck/crosscheck/internal/cli"
)

func main() {
	limitMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, cli.ErrReported) {
			fmt.Fprintln(os.Stderr, "crosscheck:", err)
		}
		os.Exit(1)
	}
}

// run is main without the process: tests call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		writeUsage(stderr)
		return cli.ErrReported
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		writeUsage(stdout)
		return nil
	case "help":
		if len(rest) == 0 {
			writeUsage(stdout)
			return nil
		}
		name, rest = rest[0], []string{"-h"}
	case "-version", "--version":
		name = "version"
	}
	c, ok := lookup(name)
	if !ok {
		writeUsage(stderr)
		return fmt.Errorf("unknown command %q", name)
	}
	err := c.run(ctx, rest, stdin, stdout, stderr)
	if h := (*cli.HelpRequest)(nil); errors.As(err, &h) {
		writeHelp(stdout, c, h)
		return nil
	}
	return err
}
