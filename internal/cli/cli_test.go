package cli

import (
	"flag"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVersionLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"devel", debug.BuildInfo{GoVersion: "go1.26.0"}, "crosscheck (devel) go1.26.0"},
		{"module", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}}, "crosscheck v1.2.0 go1.26.0"},
		{"vcs", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "crosscheck (devel) commit 0123abcd (2026-01-02T03:04:05Z, modified) go1.26.0"},
		{"clean", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.modified", Value: "false"},
		}}, "crosscheck v1.2.0 commit 0123abcd go1.26.0"},
	} {
		if got := VersionLine(&tc.bi); got != tc.want {
			t.Errorf("VersionLine(%s) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestReorderFlags(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.Bool("json", false, "")
	fs.String("nats", "", "")
	fs.Int64("since", -1, "")
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"a.txt", "b.txt", "--json"}, []string{"--json", "--", "a.txt", "b.txt"}},
		{[]string{"--json", "a.txt"}, []string{"--json", "--", "a.txt"}},
		{[]string{"a.txt", "--nats", "nats://x", "b.txt"}, []string{"--nats", "nats://x", "--", "a.txt", "b.txt"}},
		{[]string{"a.txt", "--nats=nats://x", "-json"}, []string{"--nats=nats://x", "-json", "--", "a.txt"}},
		{[]string{"--since", "-1", "x"}, []string{"--since", "-1", "--", "x"}},
		{[]string{"a.txt", "--", "--json"}, []string{"--", "a.txt", "--json"}},
		{[]string{"--json", "--", "-x.txt"}, []string{"--json", "--", "-x.txt"}},
		{[]string{"-", "--json"}, []string{"--json", "--", "-"}},
		{[]string{"a.txt"}, []string{"--", "a.txt"}},
		{[]string{"--json"}, []string{"--json"}},
		{[]string{"a.txt", "--nats"}, []string{"--nats", "--", "a.txt"}},
	} {
		if diff := cmp.Diff(tc.want, ReorderFlags(fs, tc.in)); diff != "" {
			t.Errorf("ReorderFlags(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}
