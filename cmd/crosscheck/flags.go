package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
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
	err := fs.Parse(reorderFlags(fs, args))
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return &helpRequest{fs}
	}
	fmt.Fprintf(stderr, "crosscheck %s: %v\nrun 'crosscheck %s -h' for help\n", fs.Name(), err, fs.Name())
	return errReported
}

// reorderFlags moves the flags in args, with the values of those that take
// one, in front of the other arguments, keeping each group's order, so that
// the flag package, which stops at the first argument, sees them all. "--"
// ends the flags; it is put between the two groups, so that an argument
// starting with "-" after it stays an argument. A lone "-" (standard input)
// is an argument.
func reorderFlags(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if len(rest) == 0 {
		return flags
	}
	return append(append(flags, "--"), rest...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// writeFlags lists a flag set's flags as --name TYPE, with their usage and
// default.
func writeFlags(w io.Writer, fs *flag.FlagSet) {
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		typ, usage := flag.UnquoteUsage(f)
		head := "  --" + f.Name
		if typ != "" {
			head += " " + typ
		}
		fmt.Fprintln(w, head)
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !strings.Contains(usage, "(default") {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "        %s%s\n", usage, def)
	})
	if n == 0 {
		fmt.Fprintln(w, "  (none)")
	}
}
