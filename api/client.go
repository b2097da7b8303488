package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Client talks to a crosscheck serve over HTTP. It is safe for concurrent
// use.
type Client struct {
	base  string
	token string
	hc    *http.Client
}

// NewClient returns a client of the server at base (an http:// or https://
// URL) that sends token, when not empty, as its bearer token.
func NewClient(base, token string) *Client {
	return &Client{base: strings.TrimSuffix(base, "/"), token: token, hc: &http.Client{Timeout: time.Minute}}
}

// Error is a non-2xx answer from the server, with its message.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s (%d %s)", e.Message, e.Status, http.StatusText(e.Status))
}

// maxBusyRetries bounds how often a submission answered 429 is retried.
const maxBusyRetries = 8

// PostArticle submits an article read as verify reads it, as JSON with its
// metadata, so that the server takes what verify takes: a file without front
// matter has its name as the source. A 429 answer is retried as Retry-After
// says, a bounded number of times.
func (c *Client) PostArticle(ctx context.Context, a extract.Article) (Accepted, error) {
	data, err := json.Marshal(ArticleRequest{Source: a.Source, Published: a.Published, Title: a.Title, URL: a.URL, Text: a.Body})
	if err != nil {
		return Accepted{}, err
	}
	return c.post(ctx, data)
}

// post submits one article as JSON; on 429 it waits as Retry-After says and
// tries again, a bounded number of times.
func (c *Client) post(ctx context.Context, data []byte) (Accepted, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, "POST", c.base+"/v1/articles", bytes.NewReader(data))
		if err != nil {
			return Accepted{}, err
		}
		req.Header.Set("Content-Type", "application/json")
		var acc Accepted
		wait, err := c.do(req, &acc)
		var ae *Error
		if errors.As(err, &ae) && ae.Status == http.StatusTooManyRequests && attempt < maxBusyRetries {
			select {
			case <-time.After(wait):
				continue
			case <-ctx.Done():
				return Accepted{}, context.Cause(ctx)
			}
		}
		return acc, err
	}
}

// Article fetches GET /v1/articles/{id}; a pending article is not an error.
func (c *Client) Article(ctx context.Context, id string) (pipeline.ArticleState, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/v1/articles/"+id, nil)
	if err != nil {
		return pipeline.ArticleState{}, err
	}
	var st pipeline.ArticleState
	_, err = c.do(req, &st)
	return st, err
}

// Verdicts fetches GET /v1/verdicts.
func (c *Client) Verdicts(ctx context.Context) (VerdictList, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/v1/verdicts", nil)
	if err != nil {
		return VerdictList{}, err
	}
	var list VerdictList
	_, err = c.do(req, &list)
	return list, err
}

// do sends req with the token and decodes a 2xx JSON answer into out. For
// an error it returns how long Retry-After asks to wait.
func (c *Client) do(req *http.Request, out any) (retryAfter time.Duration, err error) {
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	if resp.StatusCode/100 != 2 {
		var e struct{ Error string }
		if json.Unmarshal(body, &e) != nil || e.Error == "" {
			e.Error = strings.TrimSpace(string(body))
		}
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return time.Duration(max(secs, 1)) * time.Second, &Error{Status: resp.StatusCode, Message: e.Error}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return 0, fmt.Errorf("%s %s: decode answer: %w", req.Method, req.URL.Path, err)
	}
	return 0, nil
}

// Watch follows GET /v1/verdicts/stream from after the stream sequence since
// (-1: new events only) and calls fn for every event. When the connection
// drops it calls retry, when set, and reconnects after wait with the last
// sequence seen, so no event is missed or repeated. It returns nil when ctx
// is done and an *Error when the server refuses the request.
func (c *Client) Watch(ctx context.Context, f pipeline.VerdictFilter, since int64, retry func(err error, wait time.Duration), fn func(pipeline.StreamedVerdict) error) error {
	last := since
	for wait := time.Second; ; {
		err := c.streamOnce(ctx, f, last, func(v pipeline.StreamedVerdict) error {
			last = int64(v.Seq)
			wait = time.Second
			return fn(v)
		})
		if ctx.Err() != nil {
			return nil
		}
		var ae *Error
		if errors.As(err, &ae) && ae.Status/100 == 4 {
			return err
		}
		if retry != nil {
			retry(err, wait)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// streamOnce reads one connection of the event stream until it ends.
func (c *Client) streamOnce(ctx context.Context, f pipeline.VerdictFilter, after int64, fn func(pipeline.StreamedVerdict) error) error {
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
		return &Error{Status: resp.StatusCode, Message: e.Error}
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
