package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version prints the module version, the commit the binary was built from
// (with its time, and "modified" for a dirty tree) and the Go version, as the
// build recorded them.
func version(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version")
	if err := parseFlags(fs, args, stderr); err != nil {
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
	_, err := fmt.Fprintln(stdout, versionLine(bi))
	return err
}

// versionLine is one line: "crosscheck v1.2.0 commit 0123abcd (2026-01-02T03:04:05Z, modified) go1.26.0".
func versionLine(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "crosscheck " + v
	if rev != "" {
		line += " commit " + rev
		switch {
		case at != "" && modified:
			line += " (" + at + ", modified)"
		case at != "":
			line += " (" + at + ")"
		case modified:
			line += " (modified)"
		}
	}
	return line + " " + bi.GoVersion
}
