package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/internal/articlefile"
	"github.com/crosscheck/crosscheck/internal/cli"
)

// defaultServer is where the HTTP clients look for `crosscheck serve`.
const defaultServer = "http://127.0.0.1:8080"

// serverFlags registers the flags every HTTP client command shares.
func serverFlags(fs *flag.FlagSet) (server, token *string) {
	server = fs.String("server", cli.EnvOr("CROSSCHECK_SERVER", defaultServer), "crosscheck serve URL (default $CROSSCHECK_SERVER)")
	token = fs.String("token", os.Getenv("CROSSCHECK_TOKEN"), "bearer token (default $CROSSCHECK_TOKEN)")
	return server, token
}

// submit posts articles to a running `crosscheck serve` and prints one line
// per file: the id, the file, and "duplicate" when the body was already in.
func submit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("submit")
	server, token := serverFlags(fs)
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("submit: no files (use - for standard input)")
	}
	c := api.NewClient(*server, *token)
	failed := false
	for _, name := range fs.Args() {
		a, err := articlefile.Read(name, stdin)
		if err == nil {
			var acc api.Accepted
			if acc, err = c.PostArticle(ctx, a); err == nil {
				dup := ""
				if acc.Duplicate {
					dup = "\tduplicate"
				}
				fmt.Fprintf(stdout, "%s\t%s%s\n", acc.ID, name, dup)
				continue
			}
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		fmt.Fprintln(stderr, "crosscheck:", articlefile.FileError(name, err))
		failed = true
	}
	if failed {
		return cli.ErrReported
	}
	return nil
}
