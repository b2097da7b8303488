package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// ErrReported means the error was already printed for the user.
var ErrReported = errors.New("reported")

// HelpRequest is returned by ParseFlags for -h, -help or --help; the
// command line prints the command's help, with its flags, to standard
// output and exits 0.
type HelpRequest struct{ Flags *flag.FlagSet }

func (h *HelpRequest) Error() string { return h.Flags.Name() + ": help requested" }

var _ error = (*HelpRequest)(nil)

// NewFlags returns a command's flag set. It prints nothing itself:
// ParseFlags reports a bad flag, and the command line prints help where it
// was asked for.
func NewFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// ParseFlags parses args with flags allowed after the arguments, as in
// `verify a.txt --json`. A bad flag is written to stderr with a pointer to
// the command's help, and reported as ErrReported.
func ParseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	err := fs.Parse(ReorderFlags(fs, args))
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return &HelpRequest{fs}
	}
	fmt.Fprintf(stderr, "crosscheck %s: %v\nrun 'crosscheck %s -h' for help\n", fs.Name(), err, fs.Name())
	return ErrReported
}
