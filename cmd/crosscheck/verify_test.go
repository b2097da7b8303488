package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/internal/report"
	"github.com/crosscheck/crosscheck/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtureArticles lists the fixture articles in a stable order.
func fixtureArticles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../fixtures/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture articles: %v", err)
	}
	slices.Sort(files)
	return files
}

// runVerify runs `crosscheck verify` in-process and returns its output.
func runVerify(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	err = run(ctx, append([]string{"verify"}, args...), strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestVerifyFixturesGolden replays the fixture articles through the real
// pipeline on an embedded server and diffs the JSON report against
// fixtures/golden/verify.json (rewrite with -update, then review the diff).
func TestVerifyFixturesGolden(t *testing.T) {
	t.Setenv("NATS_URL", "")
	out, stderr, err := runVerify(t, append([]string{"--json"}, fixtureArticles(t)...)...)
	if err != nil {
		t.Fatalf("verify: %v\nstderr:\n%s", err, stderr)
	}
	checkGolden(t, "../../fixtures/golden/verify.json", normalizePaths(out))
}

// normalizePaths makes file names independent of the test's directory.
func normalizePaths(s string) string { return strings.ReplaceAll(s, "../../fixtures/", "fixtures/") }

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("verify output differs from %s (-want +got):\n%s", path, diff)
	}
}

// TestVerifyBadInputs: each bad file gets one line naming it and the
// problem, the exit status is non-zero, and the good files are still
// verified.
func TestVerifyBadInputs(t *testing.T) {
	t.Setenv("NATS_URL", "")
	good := fixtureArticles(t)[:2]
	bad := map[string]string{
		"../../fixtures/bad/empty.txt":        "empty article",
		"../../fixtures/bad/binary.bin":       "binary data",
		"../../fixtures/bad/invalid-utf8.txt": "invalid UTF-8",
		"../../fixtures/bad/badmeta.txt":      "malformed front matter",
		"../../fixtures/bad/french.txt":       "unsupported language",
		"../../fixtures/bad/missing.txt":      "no such file",
	}
	args := []string{"--json"}
	for f := range bad {
		args = append(args, f)
	}
	slices.Sort(args[1:])
	args = append(args, good...)
	out, stderr, err := runVerify(t, args...)
	if err == nil {
		t.Errorf("verify with bad inputs: exit status 0, want non-zero")
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for f, problem := range bad {
		var found []string
		for _, l := range lines {
			if strings.Contains(l, f) {
				found = append(found, l)
			}
		}
		if len(found) != 1 || !strings.Contains(found[0], problem) {
			t.Errorf("stderr lines for %s = %q, want one naming %q", f, found, problem)
		}
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("verify output is not the JSON contract: %v\n%s", err, out)
	}
	var files []string
	for _, a := range rep.Articles {
		files = append(files, a.File)
	}
	if diff := cmp.Diff(good, files); diff != "" {
		t.Errorf("verified articles (-want +got):\n%s", diff)
	}
}

// TestVerifyDuplicateBody: the same body submitted twice counts once.
func TestVerifyDuplicateBody(t *testing.T) {
	t.Setenv("NATS_URL", "")
	f := fixtureArticles(t)[0]
	dup := filepath.Join(t.TempDir(), "copy.txt")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dup, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runVerify(t, "--json", f, dup)
	if err != nil {
		t.Fatalf("verify: %v\n%s", err, stderr)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 1 || !strings.Contains(stderr, "counted once") {
		t.Errorf("verify of one body twice: %d articles, stderr %q; want 1 article and a 'counted once' note", len(rep.Articles), stderr)
	}
}

// TestExternalNATS proves the binaries work against a server outside the
// process: a separately built one where NATS_URL names it (.ci/run points it
// at the machine's nats-server), else an embedded server reached over TCP as
// any other. verify --nats gives the fixtures' golden verdicts, and so does
// verify with three `crosscheck stage` processes doing the work.
func TestExternalNATS(t *testing.T) {
	url := os.Getenv("NATS_URL")
	if url == "" {
		emb, err := pipeline.StartEmbedded(pipeline.EmbeddedOptions{StoreDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { emb.Shutdown(context.Background()) })
		url = emb.ClientURL()
	}
	want := goldenVerdicts(t)

	t.Run("verify --nats", func(t *testing.T) {
		out, stderr, err := runVerify(t, append([]string{"--json", "--nats", url}, fixtureArticles(t)...)...)
		if err != nil {
			t.Fatalf("verify --nats %s: %v\n%s", url, err, stderr)
		}
		if diff := cmp.Diff(want, verdictsOf(t, out)); diff != "" {
			t.Errorf("verdicts on external NATS differ from golden (-want +got):\n%s", diff)
		}
	})

	t.Run("stage processes", func(t *testing.T) {
		bin := filepath.Join(t.TempDir(), "crosscheck")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		for _, stage := range []string{"tokenize", "extract", "compare"} {
			cmd := exec.Command(bin, "stage", stage, "--nats", url)
			var logs bytes.Buffer
			cmd.Stderr = &logs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				cmd.Process.Signal(os.Interrupt)
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-done:
				case <-time.After(15 * time.Second):
					cmd.Process.Kill()
					t.Errorf("stage %s did not stop on SIGINT within 15s; log:\n%s", stage, logs.String())
				}
			})
		}
		out, stderr, err := runVerify(t, append([]string{"--json", "--nats", url, "--external-stages", "--timeout", "90s"}, fixtureArticles(t)...)...)
		if err != nil {
			t.Fatalf("verify --external-stages: %v\n%s", err, stderr)
		}
		if diff := cmp.Diff(want, verdictsOf(t, out)); diff != "" {
			t.Errorf("verdicts from stage processes differ from golden (-want +got):\n%s", diff)
		}
	})
}

func goldenVerdicts(t *testing.T) []report.Verdict {
	t.Helper()
	data, err := os.ReadFile("../../fixtures/golden/verify.json")
	if err != nil {
		t.Fatal(err)
	}
	return verdictsOf(t, string(data))
}

func verdictsOf(t *testing.T, out string) []report.Verdict {
	t.Helper()
	var rep report.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not the JSON contract: %v", err)
	}
	return rep.Verdicts
}
