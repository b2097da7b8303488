package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

func verify(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("verify")
	asJSON := fs.Bool("json", false, "print the JSON contract instead of tables")
	format := fs.String("format", "text", "output format: text, json, claimreview (schema.org ClaimReview JSON-LD)")
	url := fs.String("nats", "", "NATS server URL (default $NATS_URL, else an embedded server)")
	external := fs.Bool("external-stages", false, "do not run the stages in this process: rely on running 'crosscheck stage' processes")
	timeout := fs.Duration("timeout", 2*time.Minute, "how long to wait for the pipeline")
	coll := fs.String("collection", "", "collection to submit to (default: a fresh one for this run)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	if *format != "text" && *format != "json" && *format != "claimreview" {
		return fmt.Errorf("verify: unknown --format %q", *format)
	}
	if fs.NArg() == 0 {
		return errors.New("verify: no files (use - for standard input)")
	}
	if *coll == "" {
		*coll = pipeline.NewRunCollection()
	}
	if err := pipeline.ValidCollection(*coll); err != nil {
		return fmt.Errorf("verify: %w", err)
	}

	failed := false
	var articles []extract.Article
	for _, name := range fs.Args() {
		a, err := readArticle(name, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "crosscheck:", err)
			failed = true
			continue
		}
		articles = append(articles, a)
	}
	if len(articles) == 0 {
		return errReported
	}
	fileStories(articles)

	c, err := dial(ctx, natsURL(*url), "crosscheck verify")
	if err != nil {
		return err
	}
	defer c.close()
	var wg sync.WaitGroup
	stageCtx, stopStages := context.WithCancel(ctx)
	defer func() { stopStages(); wg.Wait() }()
	if !*external {
		if err := startStages(stageCtx, c, &wg, stderr); err != nil {
			return err
		}
	}

	client := pipeline.NewClient(c.js)
	var ids []string
	first := make(map[string]string)
	for _, a := range articles {
		if prev, ok := first[a.ID]; ok {
			fmt.Fprintf(stderr, "crosscheck: %s: same body as %s, counted once\n", a.File, prev)
			continue
		}
		first[a.ID] = a.File
		if _, err := client.Submit(ctx, *coll, a); err != nil {
			return err
		}
		ids = append(ids, a.ID)
	}
	waitCtx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := client.Await(waitCtx, *coll, ids); err != nil {
		return err
	}
	res, err := client.Collect(ctx, *coll)
	if err != nil {
		return err
	}
	for _, d := range res.Dead {
		fmt.Fprintf(stderr, "crosscheck: %s: set aside by the %s stage: %s\n", orID(d.File, d.Article), d.Stage, d.Reason)
		failed = true
	}
	switch *format {
	case "json":
		err = writeJSON(stdout, res)
	case "claimreview":
		err = writeClaimReview(stdout, res)
	default:
		err = writeText(stdout, res)
	}
	if err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

// startStages runs every stage in this process, sharing one tokenizer.
func startStages(ctx context.Context, c *conn, wg *sync.WaitGroup, stderr io.Writer) error {
	tk, err := extract.NewTokenizer()
	if err != nil {
		return err
	}
	for _, stage := range pipeline.Stages {
		h, err := pipeline.NewHandler(ctx, stage, c.js, tk)
		if err != nil {
			return err
		}
		w := &pipeline.Worker{Stage: stage, JS: c.js, Handle: h, Parallel: pipeline.StageParallel(stage, pipeline.DefaultParallel())}
		wg.Go(func() {
			if err := w.Run(ctx); err != nil {
				fmt.Fprintln(stderr, "crosscheck:", err)
			}
		})
	}
	return nil
}

// readArticle reads and parses one named input; "-" is standard input.
// verify, extract and submit all read their files here.
func readArticle(name string, stdin io.Reader) (extract.Article, error) {
	var data []byte
	var err error
	if name == "-" {
		name = "(stdin)"
		data, err = readUpTo(name, stdin)
	} else {
		data, err = readLimited(name)
	}
	if err != nil {
		return extract.Article{}, err
	}
	return extract.ParseArticle(name, data)
}

// readLimited reads a file, but an oversized one is reported with its size
// rather than loaded.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", name)
	}
	if st.Mode().IsRegular() {
		if err := extract.CheckSize(name, st.Size()); err != nil {
			return nil, err
		}
	}
	return readUpTo(name, f)
}

// readUpTo reads r to its end, keeping no more than the article limit: past
// it, the rest is counted, for the error, and dropped.
func readUpTo(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, extract.MaxArticleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > extract.MaxArticleBytes {
		rest, err := io.Copy(io.Discard, r)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		return nil, extract.CheckSize(name, int64(len(data))+rest)
	}
	return data, nil
}

func orID(file, id string) string {
	if file != "" {
		return file
	}
	return id
}

// fileStories files the articles that name no story of their own into
// stories by the names they share (compare.BatchStories): verify has the
// whole batch at hand, so the stories, and with them the verdicts, do not
// depend on the order the articles reach the compare stage.
func fileStories(articles []extract.Article) {
	var ids []string
	var names [][]string
	var at []int
	for i, a := range articles {
		if a.Story == "" {
			ids = append(ids, a.ID)
			names = append(names, compare.Entities(a.Title, a.Source, a.Body))
			at = append(at, i)
		}
	}
	for k, s := range compare.BatchStories(ids, names) {
		articles[at[k]].Story = s
	}
}
