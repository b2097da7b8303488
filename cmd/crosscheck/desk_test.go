package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium or Chrome to drive. Without one the test is
// skipped, saying so, except under CI=true, where a missing browser fails:
// CI installs chromium, and a silent skip there would hide a broken desk.
func browserPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no browser (chromium, google-chrome) on PATH; CI=true needs one for the desk's browser test: apt-get install chromium")
	}
	t.Skip("no browser (chromium, google-chrome) on PATH: desk browser test skipped; apt-get install chromium to run it")
	return ""
}

// newBrowser starts a headless browser for one test and returns a tab's
// context, which ends with the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath(t)),
		chromedp.NoSandbox, // containers run tests as root
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// Start the browser on a context without a deadline: a deadline on the
	// first Run would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", browserPath(t), err)
	}
	return ctx
}

// step runs actions under a deadline of seconds, failing the test with what
// was being done.
func step(t *testing.T, ctx context.Context, what string, d time.Duration, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate in the page until it holds.
func waitFor(t *testing.T, ctx context.Context, what, predicate string, d time.Duration) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, d+time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](predicate,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(d))); err != nil {
		t.Fatalf("%s: not within %v: %v", what, d, err)
	}
}

// TestDesk drives the desk in a real browser against `crosscheck serve`
// with a token: the token entered once, the fixture story submitted through
// the page and followed through the stages, a conflict appearing on the
// board live (the page is never reloaded), an article opened with its
// claims highlighted at their spans and linked to their verdicts. With
// -update (or CROSSCHECK_SCREENSHOT=1) it writes the board to docs/desk.png.
func TestDesk(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	ctx := newBrowser(t)
	const token = "desk-t0k"
	base, _, serveErr, _ := startServe(t, "--token", token)
	files, err := filepath.Glob("../../fixtures/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("fixture story: %v, %d files", err, len(files))
	}
	for i, f := range files {
		if files[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	defer func() {
		if t.Failed() {
			t.Logf("serve log:\n%s", serveErr)
		}
	}()

	step(t, ctx, "open the desk", 10*time.Second,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#token")),
	)
	// Without the token the API refuses, and the page says so.
	waitFor(t, ctx, "the page asks for a token", `document.querySelector('#live').dataset.state === 'error' && !document.querySelector('#alert').hidden`, 5*time.Second)
	step(t, ctx, "enter the token", 5*time.Second,
		chromedp.SendKeys(chromedp.CSS("#token"), token),
		chromedp.Click(chromedp.CSS("#token-form button")),
	)
	waitFor(t, ctx, "event stream open", `document.querySelector('#live').dataset.state === 'live'`, 5*time.Second)
	if got := eval[string](t, ctx, `sessionStorage.getItem('crosscheck-token')`); got != token {
		t.Errorf("sessionStorage token = %q, want %q", got, token)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#board .verdict').length`); n != 0 {
		t.Fatalf("board has %d verdicts before anything was submitted", n)
	}
	// A mark that a reload would wipe out.
	eval[bool](t, ctx, `window.deskNotReloaded = true`)

	step(t, ctx, "submit the fixture story", 10*time.Second,
		chromedp.Click(chromedp.CSS(`nav a[href="#submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#submit-form")),
		chromedp.SetUploadFiles(chromedp.CSS("#f-files"), files),
		chromedp.Click(chromedp.CSS(`#submit-form button[type="submit"]`)),
	)
	waitFor(t, ctx, "every article compared, as the progress list shows",
		`document.querySelectorAll('#progress > li[data-status="compared"]').length === `+strconv.Itoa(len(files))+
			` && document.querySelectorAll('#progress > li[data-status="compared"] .stages li.done').length === `+strconv.Itoa(3*len(files)),
		40*time.Second)

	step(t, ctx, "open the board", 5*time.Second,
		chromedp.Click(chromedp.CSS(`nav a[href="#board"]`)),
		chromedp.WaitVisible(chromedp.CSS("#board .verdict.conflict")),
	)
	if !eval[bool](t, ctx, `window.deskNotReloaded === true`) {
		t.Fatal("the page was reloaded: verdicts must arrive live")
	}
	// Conflicts first, then agreements, then single-source.
	order := eval[[]string](t, ctx, `[...document.querySelectorAll('#board .verdict')].map(e => e.dataset.status)`)
	rank := map[string]int{"conflict": 0, "agree": 1, "single-source": 2}
	for i := 1; i < len(order); i++ {
		if rank[order[i-1]] > rank[order[i]] {
			t.Fatalf("board order %v: want conflicts, then agreements, then single-source", order)
		}
	}
	// A conflict shows its camps side by side: outlets, values, evidence
	// with the figure marked, and its reason. The claims behind a card
	// arrive with the articles, which may come after the verdicts.
	waitFor(t, ctx, "the first conflict's claims shown",
		`document.querySelector('#board .verdict.conflict .claim .outlet') !== null`, 15*time.Second)
	conflict := eval[map[string]any](t, ctx, `(() => {
		const v = document.querySelector('#board .verdict.conflict');
		return {
			camps: v.querySelectorAll('.camp').length,
			outlets: [...v.querySelectorAll('.outlet')].map(e => e.textContent),
			marks: [...v.querySelectorAll('.evidence mark')].map(e => e.textContent),
			values: [...v.querySelectorAll('.claim .value')].map(e => e.textContent),
			reason: v.querySelector('.reason').textContent,
		};
	})()`)
	t.Logf("first conflict: %v", conflict)
	if camps, _ := conflict["camps"].(float64); camps < 2 {
		t.Errorf("conflict card has %v camps, want at least 2", conflict["camps"])
	}
	if marks, _ := conflict["marks"].([]any); len(marks) == 0 {
		t.Errorf("conflict card has no figure marked in its evidence: %v", conflict)
	}
	if r, _ := conflict["reason"].(string); !strings.Contains(r, "conflict") {
		t.Errorf("conflict card reason %q", r)
	}

	// Filters: status and free text.
	setStatus := func(s string) {
		eval[bool](t, ctx, `(() => { const f = document.querySelector('#flt-status'); f.value = '`+s+`'; return f.dispatchEvent(new Event('change')); })()`)
	}
	setStatus("agree")
	if got := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll('#board .verdict')].map(e => e.dataset.status))]`); len(got) != 1 || got[0] != "agree" {
		t.Errorf("status filter agree shows %v", got)
	}
	setStatus("")

	if *update || os.Getenv("CROSSCHECK_SCREENSHOT") == "1" {
		// The conflicts alone: the whole board of the story is 14,000
		// pixels tall.
		setStatus("conflict")
		sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
		cancel()
		setStatus("")
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile("../../docs/desk.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Open the article of the conflict's first claim from its card: its
	// claims are highlighted in the body, the chosen one is targeted, and
	// each links to its verdicts.
	step(t, ctx, "open an article from the board", 10*time.Second,
		chromedp.Click(chromedp.CSS(`#board .verdict.conflict .claim a`)),
		chromedp.WaitVisible(chromedp.CSS("#art-body mark.claim")),
	)
	art := eval[map[string]any](t, ctx, `(() => {
		const marks = [...document.querySelectorAll('#art-body mark.claim')];
		return {
			marks: marks.length,
			figs: document.querySelectorAll('#art-body mark.claim .fig').length,
			target: document.querySelectorAll('mark.claim.target').length,
			conflictRefs: document.querySelectorAll('a.claim-ref.conflict[href^="#board/v-"]').length,
			claims: document.querySelectorAll('#art-claims > li').length,
			spansOK: marks.every(m => m.textContent.trim().length > 0),
		};
	})()`)
	t.Logf("article view: %v", art)
	if n, _ := art["marks"].(float64); n < 3 {
		t.Errorf("article view has %v claims highlighted, want several", art["marks"])
	}
	if n, _ := art["figs"].(float64); n < 3 {
		t.Errorf("article view has %v figures marked", art["figs"])
	}
	if n, _ := art["target"].(float64); n != 1 {
		t.Errorf("article view targets %v claims, want the one clicked", art["target"])
	}
	if n, _ := art["conflictRefs"].(float64); n < 1 {
		t.Errorf("article view links no claim to its conflict verdict")
	}
	// Every claim of the article has its sentence highlighted, or sits in
	// the headline.
	if !eval[bool](t, ctx, `(() => {
		const ids = new Set([...document.querySelectorAll('#art-body mark.claim, #art-title mark.claim')].flatMap(m => m.dataset.claims.split(' ')));
		return [...document.querySelectorAll('#art-claims > li')].every(li => ids.has(li.id.replace(/^claim-/, '')));
	})()`) {
		t.Errorf("a claim of the article is not highlighted: %s", eval[string](t, ctx, `document.querySelector('#art-claims').innerText`))
	}
	// Following a claim's link lands on its verdict on the board.
	step(t, ctx, "follow a claim to its verdict", 5*time.Second,
		chromedp.Click(chromedp.CSS(`a.claim-ref.conflict`)),
		chromedp.WaitVisible(chromedp.CSS("#board .verdict.conflict.target")),
	)
	if got := eval[string](t, ctx, `document.activeElement.dataset.status || ''`); got != "conflict" {
		t.Errorf("focus after following a claim: %q, want the conflict's card", got)
	}
	if took := time.Since(start); took > 60*time.Second {
		t.Errorf("desk test took %v, want under 60s", took)
	}
}
