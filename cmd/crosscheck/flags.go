package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/crosscheck/crosscheck/internal/cli"
	"io"
)

// helpRequest is returned by parseFlags for -h, -help or --help; run prints
// the command's help, with its flags, to standard output and exits 0.
type helpRequest struct{ fs *flag.FlagSet }

func (h *helpRequest) Error() string { return h.fs.Name() + ": help requested" }

var _ error = (*helpRequest)(nil)

// newFlags returns a command's flag set. It prints nothing itself: parseFlags
// reports a bad flag, and run prints help where it was asked for.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args with flags allowed after the arguments, as in
// `verify a.txt --json`. A bad flag is written to stderr with a pointer to
// the command's help, and reported as errReported.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	err := fs.Parse(cli.ReorderFlags(fs, args))
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return &helpRequest{fs}
	}
	fmt.Fprintf(stderr, "crosscheck %s: %v\nrun 'crosscheck %s -h' for help\n", fs.Name(), err, fs.Name())
	return errReported
}
