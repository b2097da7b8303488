package main

import (
	"fmt"
	"github.com/crosscheck/crosscheck/internal/cli"
	"io"
	"runtime/debug"
)

// version prints the module version, the commit the binary was built from
// (with its time, and "modified" for a dirty tree) and the Go version, as the
// build recorded them.
func version(args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("version")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("version: unexpected argument %q", fs.Arg(0))
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		_, err := fmt.Fprintln(stdout, "crosscheck (no build information)")
		return err
	}
	_, err := fmt.Fprintln(stdout, cli.VersionLine(bi))
	return err
}
