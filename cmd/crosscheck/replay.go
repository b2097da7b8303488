package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/replay"
)

// replay streams a folder of articles through a running `crosscheck serve`:
// it posts every file, waits until each is compared or set aside, showing
// progress on stderr, and prints a summary of articles, claims, verdicts by
// status and failures.
func replayCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("replay")
	server, token := serverFlags(fs)
	parallel := fs.Int("parallel", 4, "articles posted at once")
	timeout := fs.Duration("timeout", 10*time.Minute, "how long to wait for the pipeline")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("replay: name one directory")
	}
	files, err := replay.Files(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	if len(files) == 0 {
		return fmt.Errorf("replay: no article files (*.txt, *.md, *.html) in %s", fs.Arg(0))
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if !replay.Run(ctx, api.NewClient(*server, *token), files, *parallel, stdout, stderr) {
		return cli.ErrReported
	}
	return nil
}
