package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// syncBuffer is a bytes.Buffer that a command writes to while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// background runs a command in-process until the test stops it; stop
// cancels its context and returns its error.
func background(t *testing.T, args ...string) (stdout, stderr *syncBuffer, stop func() error) {
	t.Helper()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, strings.NewReader(""), stdout, stderr) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { stop() })
	return stdout, stderr, stop
}

// poll waits until cond holds, failing the test after a deadline.
func poll(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 60s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var servingLine = regexp.MustCompile(`msg=serving http=(\S+) collection=\S+ nats="(\S+)`)

// startServe runs `crosscheck serve` on 127.0.0.1:0 and returns the HTTP
// base URL and the NATS URL it reports.
func startServe(t *testing.T, args ...string) (base, natsAt string, stderr *syncBuffer, stop func() error) {
	t.Helper()
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--store", t.TempDir()}, args...)
	_, stderr, stop = background(t, args...)
	var m []string
	poll(t, "serve listening", func() bool {
		m = servingLine.FindStringSubmatch(stderr.String())
		return m != nil
	})
	return m[1], m[2], stderr, stop
}

// runCmd runs a command to completion.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	err = run(ctx, args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// telegramFiles writes the three Telegram articles of the issue into a
// directory: 40 million, about 40 million, 60 million, same day.
func telegramFiles(t *testing.T) (dir string, files []string) {
	t.Helper()
	dir = t.TempDir()
	for _, a := range []struct{ name, source, figure string }{
		{"a.txt", "Daily Wire Service", "40 million"},
		{"b.txt", "Moscow Courier", "about 40 million"},
		{"c.txt", "Baltic Times", "60 million"},
	} {
		body := "---\nsource: " + a.source + "\npublished: 2018-04-18\n---\nTelegram has " + a.figure + " users in Russia.\n"
		path := filepath.Join(dir, a.name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return dir, files
}

// TestServeSubmitWatch runs serve on a real listener with a token, posts the
// Telegram articles with submit one by one, and follows them with watch over
// HTTP and over NATS; then serve shuts down cleanly on cancel.
func TestServeSubmitWatch(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_SERVER", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	base, natsAt, serveErr, stopServe := startServe(t, "--token", "t0k")
	natsURL := strings.TrimSuffix(natsAt, "(embedded)")
	_, files := telegramFiles(t)

	watched, _, stopWatch := background(t, "watch", "--server", base, "--token", "t0k", "--since", "0")
	conflicts, _, stopConflicts := background(t, "watch", "--server", base, "--token", "t0k", "--status", "conflict", "--since", "0")
	var ids []string
	for i, f := range files {
		out, stderr, err := runCmd(t, "submit", "--server", base, "--token", "t0k", f)
		if err != nil {
			t.Fatalf("submit %s: %v\n%s", f, err, stderr)
		}
		id, file, ok := strings.Cut(strings.TrimSpace(out), "\t")
		if !ok || !strings.HasPrefix(id, "a-") || file != f {
			t.Fatalf("submit printed %q, want id<TAB>file", out)
		}
		ids = append(ids, id)
		// One at a time, so that each event is one transition.
		poll(t, "event for "+f, func() bool { return strings.Count(watched.String(), "\n") == i+1 })
	}
	lines := strings.Split(strings.TrimSpace(watched.String()), "\n")
	wantParts := [][]string{
		{"\tv1\tsingle-source\ttelegram/users\t", `only Daily Wire Service reports telegram users: "40 million"`},
		{"\tv2\tsingle-source→agree\ttelegram/users\t", "Moscow Courier"},
		{"\tv3\tagree→conflict\ttelegram/users\t", `Baltic Times "60 million"`},
	}
	for i, parts := range wantParts {
		for _, p := range parts {
			if !strings.Contains(lines[i], p) {
				t.Errorf("watch line %d = %q, want it to contain %q", i+1, lines[i], p)
			}
		}
	}
	poll(t, "conflict event", func() bool { return strings.Contains(conflicts.String(), "agree→conflict") })
	if n := strings.Count(conflicts.String(), "\n"); n != 1 {
		t.Errorf("watch --status conflict printed %d lines, want 1:\n%s", n, conflicts)
	}

	// watch straight from NATS, as a newsroom system without the HTTP API.
	fromNATS, _, stopNATS := background(t, "watch", "--nats", natsURL, "--status", "conflict", "--since", "0")
	poll(t, "conflict event over NATS", func() bool { return strings.Contains(fromNATS.String(), "agree→conflict") })

	// Submitting again is a duplicate; bad input is refused before it is
	// sent, as verify refuses it, and a wrong token with the server's reason.
	out, _, err := runCmd(t, "submit", "--server", base, "--token", "t0k", files[0])
	if err != nil || !strings.HasSuffix(strings.TrimSpace(out), "\tduplicate") || !strings.HasPrefix(out, ids[0]) {
		t.Errorf("submit again: %q, %v; want %s ... duplicate", out, err, ids[0])
	}
	_, stderr, err := runCmd(t, "submit", "--server", base, "--token", "t0k", "../../fixtures/bad/empty.txt", files[1])
	if err == nil || !strings.Contains(stderr, "fixtures/bad/empty.txt: empty article") {
		t.Errorf("submit of an empty file: %v, stderr %q; want a line naming it", err, stderr)
	}
	_, stderr, err = runCmd(t, "submit", "--server", base, "--token", "wrong", files[0])
	if err == nil || !strings.Contains(stderr, "401 Unauthorized") {
		t.Errorf("submit with a wrong token: %v, stderr %q; want 401", err, stderr)
	}

	for _, stop := range []func() error{stopWatch, stopConflicts, stopNATS} {
		if err := stop(); err != nil {
			t.Errorf("watch: %v", err)
		}
	}
	start := time.Now()
	if err := stopServe(); err != nil {
		t.Errorf("serve: %v\n%s", err, serveErr)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("serve took %v to shut down, want it within its 20s timeout", took)
	}
	if !strings.Contains(serveErr.String(), "msg=stopped") {
		t.Errorf("serve log has no clean stop:\n%s", serveErr)
	}
}

// TestServeShutdownWithOpenStream: an open event stream does not hold up
// shutdown.
func TestServeShutdownWithOpenStream(t *testing.T) {
	t.Setenv("NATS_URL", "")
	base, _, serveErr, stopServe := startServe(t, "--shutdown-timeout", "30s")
	_, watchErr, stopWatch := background(t, "watch", "--server", base)
	defer stopWatch()
	poll(t, "stream open", func() bool {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return strings.Contains(string(b), "crosscheck_verdict_stream_clients 1")
	})
	start := time.Now()
	if err := stopServe(); err != nil {
		t.Fatalf("serve: %v\n%s", err, serveErr)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("shutdown with an open stream took %v, want well under the 30s timeout", took)
	}
	poll(t, "watch sees the stream end", func() bool { return strings.Contains(watchErr.String(), "reconnecting") })
}

// TestReplay streams the fixture folder through a running serve and checks
// the summary.
func TestReplay(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	base, _, _, _ := startServe(t)
	out, stderr, err := runCmd(t, "replay", "--server", base, "../../fixtures/articles")
	if err != nil {
		t.Fatalf("replay: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"articles  9 (0 duplicates, 0 failed)",
		"failures  0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("replay summary lacks %q:\n%s", want, out)
		}
	}
	m := regexp.MustCompile(`claims    (\d+)\nverdicts  (\d+) touching these articles: (\d+) agree, (\d+) conflict, (\d+) single-source`).FindStringSubmatch(out)
	if m == nil || m[1] == "0" || m[2] == "0" || m[4] == "0" {
		t.Errorf("replay summary %q: want claims, and verdicts with conflicts", out)
	}
	if !strings.Contains(stderr, "replay: 9/9 articles through") {
		t.Errorf("replay progress (off a terminal) %q: want a final 9/9 line", stderr)
	}

	// Again: every article is a duplicate, and the summary still counts them.
	out, _, err = runCmd(t, "replay", "--server", base, "../../fixtures/articles")
	if err != nil || !strings.Contains(out, "articles  9 (9 duplicates, 0 failed)") {
		t.Errorf("second replay: %v\n%s", err, out)
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	out, stderr, err = runCmd(t, "replay", "--server", base, dir)
	if err == nil || !strings.Contains(out, "failures  1") || !strings.Contains(stderr, "empty.txt: empty article") {
		t.Errorf("replay of a bad file: %v\nstdout %q\nstderr %q", err, out, stderr)
	}
}

// TestNATSOptions: connection settings come from flags, else the
// environment.
func TestNATSOptions(t *testing.T) {
	t.Setenv("NATS_URL", "nats://env:4222")
	t.Setenv("NATS_CREDS", "/env.creds")
	t.Setenv("NATS_TLS_CA", "/env-ca.pem")
	t.Setenv("NATS_INBOX_PREFIX", "_INBOX_newsroom")
	t.Setenv("CROSSCHECK_NEWSROOM_API", "NEWSROOM.API")
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	var o pipeline.DialOptions
	registerNATS(fs, &o)
	if err := fs.Parse([]string{"--nats-creds", "/flag.creds", "--nats-tls-cert", "/c.pem"}); err != nil {
		t.Fatal(err)
	}
	want := pipeline.DialOptions{URL: "nats://env:4222", Creds: "/flag.creds", TLSCA: "/env-ca.pem", TLSCert: "/c.pem", InboxPrefix: "_INBOX_newsroom", NewsroomAPI: "NEWSROOM.API"}
	if o != want {
		t.Errorf("registerNATS options = %+v, want %+v", o, want)
	}
}
