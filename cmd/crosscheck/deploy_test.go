package main

import (
	"context"
	"github.com/crosscheck/crosscheck/api"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeRefusesOpenListenWithoutToken: serve will not listen beyond
// loopback with no token unless told --insecure-no-auth; it says why and
// how, before it starts anything.
func TestServeRefusesOpenListenWithoutToken(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:8080"} {
		// A refusal is immediate; a serve that started stops at the deadline.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := run(ctx, []string{"serve", "--addr", addr}, strings.NewReader(""), io.Discard, io.Discard)
		cancel()
		if err == nil || !strings.Contains(err.Error(), "no token is set") || !strings.Contains(err.Error(), "--insecure-no-auth") {
			t.Errorf("serve --addr %s with no token: %v; want a refusal naming --token and --insecure-no-auth", addr, err)
		}
	}
	_, stderr, stop := background(t, "serve", "--addr", "0.0.0.0:0", "--insecure-no-auth", "--store", t.TempDir())
	poll(t, "serve --insecure-no-auth listening", func() bool { return servingLine.MatchString(stderr.String()) })
	if err := stop(); err != nil {
		t.Errorf("serve --insecure-no-auth: %v", err)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "10.0.0.5:8080": false, "example.org:80": false, "nonsense": false,
	} {
		if got := api.Loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestHealth: health exits 0 against a ready serve and non-zero where
// nothing answers.
func TestHealth(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	base, _, _, _ := startServe(t)
	if out, stderr, err := runCmd(t, "health", "--server", base); err != nil || !strings.Contains(out, "200 OK") {
		t.Errorf("health --server %s: %v, %q %q; want 200 OK and exit 0", base, err, out, stderr)
	}
	if _, _, err := runCmd(t, "health", "--server", "http://127.0.0.1:1", "--timeout", "2s"); err == nil {
		t.Error("health against a closed port: exit 0, want an error")
	}
}

// TestDeployDefaults checks docker-compose.yml and the Dockerfile for the
// safe defaults: a token required, nothing published beyond loopback, the
// NATS monitoring port not published, health checks that the services wait
// on, and a non-root image.
func TestDeployDefaults(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	compose := read("../../docker-compose.yml")
	for _, m := range regexp.MustCompile(`(?m)^\s*ports:.*$`).FindAllString(compose, -1) {
		for _, p := range regexp.MustCompile(`"([^"]+)"`).FindAllStringSubmatch(m, -1) {
			if !strings.HasPrefix(p[1], "127.0.0.1:") {
				t.Errorf("docker-compose.yml publishes %q beyond loopback", p[1])
			}
			if strings.Contains(p[1], "8222") {
				t.Errorf("docker-compose.yml publishes the NATS monitoring port: %q", p[1])
			}
		}
	}
	for _, want := range []string{
		"CROSSCHECK_TOKEN: \"${CROSSCHECK_TOKEN:?",
		"healthcheck:",
		"condition: service_healthy",
		`"/crosscheck", "health"`,
	} {
		if !strings.Contains(compose, want) {
			t.Errorf("docker-compose.yml lacks %q", want)
		}
	}
	if strings.Contains(compose, "depends_on: [") {
		t.Error("docker-compose.yml has a depends_on list that does not wait for health")
	}
	if !regexp.MustCompile(`(?m)^USER \S+`).MatchString(read("../../Dockerfile")) {
		t.Error("Dockerfile has no USER line: the image runs as root")
	}
	for _, want := range []string{".git", "*.test"} {
		if !strings.Contains(read("../../.dockerignore"), want) {
			t.Errorf(".dockerignore lacks %q", want)
		}
	}
}
