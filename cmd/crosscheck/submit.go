package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// defaultServer is where the HTTP clients look for `crosscheck serve`.
const defaultServer = "http://127.0.0.1:8080"

// serverFlags registers the flags every HTTP client command shares.
func serverFlags(fs *flag.FlagSet) (server, token *string) {
	server = fs.String("server", envOr("CROSSCHECK_SERVER", defaultServer), "crosscheck serve URL (default $CROSSCHECK_SERVER)")
	token = fs.String("token", os.Getenv("CROSSCHECK_TOKEN"), "bearer token (default $CROSSCHECK_TOKEN)")
	return server, token
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// apiClient talks to a crosscheck serve. It is safe for concurrent use.
type apiClient struct {
	base  string
	token string
	hc    *http.Client
}

func newAPIClient(base, token string) *apiClient {
	return &apiClient{base: strings.TrimSuffix(base, "/"), token: token, hc: &http.Client{Timeout: time.Minute}}
}

// apiError is a non-2xx answer from the server, with its message.
type apiError struct {
	Status  int
	Message string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%s (%d %s)", e.Message, e.Status, http.StatusText(e.Status))
}

// maxBusyRetries bounds how often a submission answered 429 is retried.
const maxBusyRetries = 8

// postArticle submits an article read as verify reads it (readArticle), as
// JSON with its metadata, so that the server takes what verify takes: a
// file without front matter has its name as the source.
func (c *apiClient) postArticle(ctx context.Context, a extract.Article) (api.Accepted, error) {
	data, err := json.Marshal(api.ArticleRequest{Source: a.Source, Published: a.Published, Title: a.Title, URL: a.URL, Text: a.Body})
	if err != nil {
		return api.Accepted{}, err
	}
	return c.post(ctx, data)
}

// post submits one article as JSON; on 429 it waits as Retry-After says and
// tries again, a bounded number of times.
func (c *apiClient) post(ctx context.Context, data []byte) (api.Accepted, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, "POST", c.base+"/v1/articles", bytes.NewReader(data))
		if err != nil {
			return api.Accepted{}, err
		}
		req.Header.Set("Content-Type", "application/json")
		var acc api.Accepted
		wait, err := c.do(req, &acc)
		var ae *apiError
		if errors.As(err, &ae) && ae.Status == http.StatusTooManyRequests && attempt < maxBusyRetries {
			select {
			case <-time.After(wait):
				continue
			case <-ctx.Done():
				return api.Accepted{}, context.Cause(ctx)
			}
		}
		return acc, err
	}
}

// article fetches GET /v1/articles/{id}; a pending article is not an error.
func (c *apiClient) article(ctx context.Context, id string) (pipeline.ArticleState, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/v1/articles/"+id, nil)
	if err != nil {
		return pipeline.ArticleState{}, err
	}
	var st pipeline.ArticleState
	_, err = c.do(req, &st)
	return st, err
}

// verdicts fetches GET /v1/verdicts.
func (c *apiClient) verdicts(ctx context.Context) (api.VerdictList, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/v1/verdicts", nil)
	if err != nil {
		return api.VerdictList{}, err
	}
	var list api.VerdictList
	_, err = c.do(req, &list)
	return list, err
}

// do sends req with the token and decodes a 2xx JSON answer into out. For
// an error it returns how long Retry-After asks to wait.
func (c *apiClient) do(req *http.Request, out any) (retryAfter time.Duration, err error) {
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
		return time.Duration(max(secs, 1)) * time.Second, &apiError{Status: resp.StatusCode, Message: e.Error}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return 0, fmt.Errorf("%s %s: decode answer: %w", req.Method, req.URL.Path, err)
	}
	return 0, nil
}

// submit posts articles to a running `crosscheck serve` and prints one line
// per file: the id, the file, and "duplicate" when the body was already in.
func submit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("submit")
	server, token := serverFlags(fs)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("submit: no files (use - for standard input)")
	}
	c := newAPIClient(*server, *token)
	failed := false
	for _, name := range fs.Args() {
		a, err := readArticle(name, stdin)
		if err == nil {
			var acc api.Accepted
			if acc, err = c.postArticle(ctx, a); err == nil {
				dup := ""
				if acc.Duplicate {
					dup = "\tduplicate"
				}
				fmt.Fprintf(stdout, "%s\t%s%s\n", acc.ID, name, dup)
				continue
			}
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		fmt.Fprintln(stderr, "crosscheck:", fileErr(name, err))
		failed = true
	}
	if failed {
		return errReported
	}
	return nil
}

// fileErr is err with the file's name in front, unless it names the file
// already, as read errors do.
func fileErr(name string, err error) string {
	label := name
	if name == "-" {
		label = "(stdin)"
	}
	if msg := err.Error(); strings.Contains(msg, label) {
		return msg
	}
	return label + ": " + err.Error()
}
