// Package cli holds the command line's plumbing that is not one command's:
// flags allowed after arguments, the flag listing of help, the version line,
// defaults from the environment and the width of text output.
package cli

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// ReorderFlags moves the flags in args, with the values of those that take
// one, in front of the other arguments, keeping each group's order, so that
// the flag package, which stops at the first argument, sees them all. "--"
// ends the flags; it is put between the two groups, so that an argument
// starting with "-" after it stays an argument. A lone "-" (standard input)
// is an argument.
func ReorderFlags(fs *flag.FlagSet, args []string) []string {
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

// WriteFlags lists a flag set's flags as --name TYPE, with their usage and
// default.
func WriteFlags(w io.Writer, fs *flag.FlagSet) {
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

// VersionLine is one line: "crosscheck v1.2.0 commit 0123abcd (2026-01-02T03:04:05Z, modified) go1.26.0".
func VersionLine(bi *debug.BuildInfo) string {
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
