// Package replay streams a folder of articles through a running
// `crosscheck serve`, as `crosscheck replay` does.
package replay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/internal/articlefile"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Run posts every file with parallel workers, waits until each is compared
// or set aside, showing progress on stderr, and prints a summary of
// articles, claims, verdicts by status and failures on stdout, and each
// failure on stderr. It reports whether every file came through.
func Run(ctx context.Context, c *api.Client, files []string, parallel int, stdout, stderr io.Writer) bool {
	bar := newProgress(stderr, len(files))
	start := time.Now()

	// Post with a few workers; each then polls its article until it is
	// through, so the bar moves as the pipeline finishes articles.
	results := make([]replayResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(parallel, 1) {
		wg.Go(func() {
			for i := range jobs {
				results[i] = replayOne(ctx, c, files[i])
				bar.add(1)
			}
		})
	}
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	bar.done()

	sum := summarize(results)
	if list, err := c.Verdicts(ctx); err == nil {
		claims := make(map[string]bool)
		for _, r := range results {
			for _, id := range r.claimIDs {
				claims[id] = true
			}
		}
		for _, v := range list.Verdicts {
			if slices.ContainsFunc(v.Claims, func(id string) bool { return claims[id] }) {
				sum.verdicts[string(v.Status)]++
			}
		}
	} else {
		fmt.Fprintf(stderr, "crosscheck: replay: verdicts: %v\n", err)
	}
	sum.write(stdout, time.Since(start))
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(stderr, "crosscheck:", articlefile.FileError(r.file, r.err))
		}
	}
	return sum.failed == 0
}

// Files lists the article files in dir, sorted.
func Files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && (ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

// replayResult is what became of one file.
type replayResult struct {
	file      string
	id        string
	duplicate bool
	claimIDs  []string
	err       error // refused, set aside, or not done in time
}

// pollEvery is how often replay asks after an article still in the pipeline.
const pollEvery = 100 * time.Millisecond

func replayOne(ctx context.Context, c *api.Client, file string) replayResult {
	r := replayResult{file: file}
	a, err := articlefile.Read(file, nil)
	if err != nil {
		r.err = err
		return r
	}
	acc, err := c.PostArticle(ctx, a)
	if err != nil {
		r.err = err
		return r
	}
	r.id, r.duplicate = acc.ID, acc.Duplicate
	for {
		st, err := c.Article(ctx, acc.ID)
		var ae *api.Error
		switch {
		case err == nil && st.Status == pipeline.ArticleCompared:
			for _, cl := range st.Claims {
				r.claimIDs = append(r.claimIDs, cl.ID)
			}
			return r
		case err == nil && st.Status == pipeline.ArticleFailed:
			r.err = fmt.Errorf("set aside by the %s stage: %s", st.Stage, st.Reason)
			return r
		case err != nil && !(errors.As(err, &ae) && ae.Status >= 500):
			r.err = err
			return r
		}
		select {
		case <-time.After(pollEvery):
		case <-ctx.Done():
			r.err = fmt.Errorf("not through the pipeline: %w", context.Cause(ctx))
			return r
		}
	}
}

// replaySummary counts what replay did.
type replaySummary struct {
	articles, duplicates, failed, claims int
	verdicts                             map[string]int
}

func summarize(results []replayResult) replaySummary {
	s := replaySummary{verdicts: make(map[string]int)}
	for _, r := range results {
		s.articles++
		s.claims += len(r.claimIDs)
		if r.duplicate {
			s.duplicates++
		}
		if r.err != nil {
			s.failed++
		}
	}
	return s
}

func (s replaySummary) write(w io.Writer, took time.Duration) {
	total := 0
	for _, n := range s.verdicts {
		total += n
	}
	fmt.Fprintf(w, "articles  %d (%d duplicates, %d failed) in %v\n", s.articles, s.duplicates, s.failed, took.Round(time.Millisecond))
	fmt.Fprintf(w, "claims    %d\n", s.claims)
	var by []string
	for _, st := range pipeline.Statuses() {
		by = append(by, fmt.Sprintf("%d %s", s.verdicts[string(st)], st))
	}
	fmt.Fprintf(w, "verdicts  %d touching these articles: %s\n", total, strings.Join(by, ", "))
	fmt.Fprintf(w, "failures  %d\n", s.failed)
}

// progress is a bar on a terminal, and an occasional line elsewhere, so that
// logs stay readable. It is safe for concurrent use.
type progress struct {
	w     io.Writer
	tty   bool
	total int
	mu    sync.Mutex
	n     int
	shown int // last count printed, off a terminal
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, tty: isTerminal(w)}
	p.draw()
	return p
}

func (p *progress) add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += n
	p.draw()
}

// draw prints the bar; the caller holds p.mu or has not shared p yet.
func (p *progress) draw() {
	if !p.tty {
		// Off a terminal: a line at every tenth and at the end.
		if p.n == p.total || p.n-p.shown >= max(p.total/10, 1) {
			fmt.Fprintf(p.w, "replay: %d/%d articles through\n", p.n, p.total)
			p.shown = p.n
		}
		return
	}
	const width = 30
	fill := width * p.n / max(p.total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d articles", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.n, p.total)
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
