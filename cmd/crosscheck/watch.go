package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// watch prints verdict events as they arrive, one line each, from the HTTP
// API (--server, the default) or straight from NATS (--nats), until
// interrupted.
func watch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch")
	server, token := serverFlags(fs)
	var nopts natsOptions
	nopts.register(fs)
	status := fs.String("status", "", "only this status: agree, conflict or single-source")
	subject := fs.String("subject", "", "only this subject")
	since := fs.Int64("since", -1, "replay events after this stream sequence (0: all stored); default: new events only")
	coll := fs.String("collection", pipeline.DefaultCollection, "collection to watch (--nats only; the server serves one)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	f := pipeline.VerdictFilter{Status: *status, Subject: *subject}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	print := func(v pipeline.StreamedVerdict) error {
		_, err := fmt.Fprintln(stdout, eventLine(v))
		return err
	}
	viaNATS := false
	fs.Visit(func(fl *flag.Flag) { viaNATS = viaNATS || fl.Name == "nats" })
	if !viaNATS {
		return watchHTTP(ctx, newAPIClient(*server, *token), f, *since, stderr, print)
	}
	if nopts.URL == "" {
		return errors.New("watch: --nats needs a URL")
	}
	nopts.NoSetup = true
	c, err := dialWith(ctx, "crosscheck watch", nopts)
	if err != nil {
		return err
	}
	defer c.close()
	return pipeline.NewClient(c.js).WatchVerdicts(ctx, *coll, f, *since, print)
}

// eventLine is how watch prints one event: sequence, version, status,
// subject/attribute, reason.
func eventLine(v pipeline.StreamedVerdict) string {
	change := string(v.Verdict.Status)
	if v.Previous != "" && v.Previous != v.Verdict.Status {
		change = string(v.Previous) + "→" + change
	}
	return fmt.Sprintf("#%d\tv%d\t%s\t%s/%s\t%s", v.Seq, v.Version, change,
		v.Verdict.Subject, v.Verdict.Attribute, v.Verdict.Reason)
}

// watchHTTP follows GET /v1/verdicts/stream and calls fn for every event.
// When the connection drops it reconnects with Last-Event-ID, so no event is
// missed or repeated, and it gives up only when ctx is done or the server
// refuses the request.
func watchHTTP(ctx context.Context, c *apiClient, f pipeline.VerdictFilter, since int64, stderr io.Writer, fn func(pipeline.StreamedVerdict) error) error {
	last := since
	for wait := time.Second; ; {
		err := streamOnce(ctx, c, f, last, func(v pipeline.StreamedVerdict) error {
			last = int64(v.Seq)
			wait = time.Second
			return fn(v)
		})
		if ctx.Err() != nil {
			return nil
		}
		var ae *apiError
		if errors.As(err, &ae) && ae.Status/100 == 4 {
			return fmt.Errorf("watch: %w", err)
		}
		fmt.Fprintf(stderr, "crosscheck: watch: %v; reconnecting in %v\n", err, wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// streamOnce reads one connection of the event stream until it ends.
func streamOnce(ctx context.Context, c *apiClient, f pipeline.VerdictFilter, after int64, fn func(pipeline.StreamedVerdict) error) error {
	q := url.Values{}
	if f.Status != "" {
		q.Set("status", f.Status)
	}
	if f.Subject != "" {
		q.Set("subject", f.Subject)
	}
	if after >= 0 {
		q.Set("since", strconv.FormatInt(after, 10))
	}
	target := c.base + "/v1/verdicts/stream"
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, "GET", target, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	// No client timeout: the stream is meant to stay open.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&e)
		return &apiError{Status: resp.StatusCode, Message: e.Error}
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 16<<20)
	var id, event, data string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if event == "verdict" {
				var v pipeline.StreamedVerdict
				if err := json.Unmarshal([]byte(data), &v.VerdictEvent); err != nil {
					return fmt.Errorf("event %s: %w", id, err)
				}
				v.Seq, _ = strconv.ParseUint(id, 10, 64)
				if err := fn(v); err != nil {
					return err
				}
			} else if event == "error" {
				return fmt.Errorf("server: %s", data)
			}
			id, event, data = "", "", ""
		case strings.HasPrefix(line, ":"): // comment, keep-alive
		case strings.HasPrefix(line, "id:"):
			id = strings.TrimSpace(line[3:])
		case strings.HasPrefix(line, "event:"):
			event = strings.TrimSpace(line[6:])
		case strings.HasPrefix(line, "data:"):
			data += strings.TrimPrefix(line[5:], " ")
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}
