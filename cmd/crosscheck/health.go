package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/cli"
)

// health asks a running serve's /healthz whether it is ready, for container
// health checks where there is no shell or curl: exit 0 when it answers 200.
func health(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("health")
	server := fs.String("server", cli.EnvOr("CROSSCHECK_SERVER", defaultServer), "crosscheck serve URL (default $CROSSCHECK_SERVER)")
	timeout := fs.Duration("timeout", 5*time.Second, "how long to wait for the answer")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("health: unexpected argument %q", fs.Arg(0))
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	url := strings.TrimSuffix(*server, "/") + "/healthz"
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s: %s %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	fmt.Fprintf(stdout, "%s: %s\n", url, resp.Status)
	return nil
}
