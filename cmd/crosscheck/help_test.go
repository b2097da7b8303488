package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCommandHelp: every command answers -h, --help and `help CMD` on
// standard output with its usage line, what it does and its flags, and
// exits 0.
func TestCommandHelp(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}, {c.name, "some-file", "--help"}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				out, stderr, err := runCmd(t, args...)
				if err != nil {
					t.Fatalf("run(%q) = %v, want exit 0\nstderr: %s", args, err, stderr)
				}
				firstDoc, _, _ := strings.Cut(strings.TrimSpace(c.doc), "\n")
				for _, want := range []string{"usage: crosscheck " + c.name, firstDoc, "flags:"} {
					if !strings.Contains(out, want) {
						t.Errorf("run(%q) printed\n%s\nwant it to contain %q", args, out, want)
					}
				}
				if c.name != "version" && !strings.Contains(out, "\n  --") {
					t.Errorf("run(%q) printed\n%s\nwant its flags listed as --name", args, out)
				}
			})
		}
	}
}

// TestUsage: crosscheck -h, --help and help list every command with its
// one-line summary and exit 0; an unknown command exits non-zero.
func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		out, _, err := runCmd(t, args...)
		if err != nil {
			t.Fatalf("run(%q) = %v, want exit 0", args, err)
		}
		for _, c := range commands {
			if !strings.Contains(out, c.name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("run(%q) does not list %s with %q:\n%s", args, c.name, c.summary, out)
			}
		}
	}
	for _, args := range [][]string{{"nope"}, {"help", "nope"}, {}} {
		if _, _, err := runCmd(t, args...); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

// TestVersion: version and --version print the version line with the Go
// version the binary was built with.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, _, err := runCmd(t, args...)
		if err != nil {
			t.Fatalf("run(%q) = %v", args, err)
		}
		if !strings.HasPrefix(out, "crosscheck ") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("run(%q) printed %q, want crosscheck VERSION ... %s", args, out, runtime.Version())
		}
	}
}

// TestFlagsAfterFiles: `extract FILE --json` is `extract --json FILE`.
func TestFlagsAfterFiles(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte("---\nsource: Test Wire\npublished: 2024-03-06\n---\nThe council said 40 people were evacuated on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "extract", file, "--json", "--published", "2024-03-07")
	if err != nil {
		t.Fatalf("extract FILE --json: %v\n%s", err, stderr)
	}
	var m struct{ Published string }
	if err := json.Unmarshal([]byte(out), &m); err != nil || m.Published != "2024-03-07" {
		t.Errorf("extract FILE --json --published 2024-03-07 printed %.200q (%v), want JSON with that date", out, err)
	}
}

// TestBadFlag: an unknown flag is one message with a pointer to help, and a
// non-zero exit.
func TestBadFlag(t *testing.T) {
	_, stderr, err := runCmd(t, "verify", "--bogus", "a.txt")
	if err == nil || !strings.Contains(stderr, "-bogus") || !strings.Contains(stderr, "crosscheck verify -h") {
		t.Errorf("verify --bogus: err %v, stderr %q; want an error naming the flag and pointing to -h", err, stderr)
	}
}
