package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/pipeline"
)

// TestManyStreamClients: a hundred event-stream clients replaying every
// stored event at once (since=0) do not stall serve's NATS connection —
// /healthz answers 200 throughout — and past Config.MaxStreams a client is
// answered 503 with Retry-After (issue 22, hole 3). Clients are on loopback
// and bounded by the test's deadline.
func TestManyStreamClients(t *testing.T) {
	h := newHarness(t, false, Config{})
	manyStreamClients(t, h, DefaultMaxStreams)
}

// TestStreamsOwnConnection: event streams read through Config.Streams, not
// the connection /healthz and submissions use: with the streams'
// connection gone, a stream is refused and /healthz still answers 200.
func TestStreamsOwnConnection(t *testing.T) {
	h := newHarness(t, false, Config{})
	h.streams.Close()
	// Bounded: a stream that opens anyway ends with the context.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	rec := httptest.NewRecorder()
	h.srv.Handler().ServeHTTP(rec, httptest.NewRequestWithContext(ctx, "GET", "/v1/verdicts/stream?since=0", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("GET /v1/verdicts/stream with the streams' connection closed: %d %.200s, want 503", rec.Code, rec.Body)
	}
	if rec := h.do(t, "GET", "/healthz", "", ""); rec.Code != http.StatusOK {
		t.Errorf("GET /healthz with the streams' connection closed: %d %s, want 200", rec.Code, rec.Body)
	}
}

// streamClients is how many clients manyStreamClients starts at once.
const streamClients = 100

func manyStreamClients(t *testing.T, h *harness, limit int) {
	const events = 4000
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	claims := make([]string, 40) // about 1 KB an event
	for i := range claims {
		claims[i] = fmt.Sprintf("c-%020d", i)
	}
	for i := range events {
		v := compare.Verdict{ID: fmt.Sprintf("v-%012d", i), Subject: "telegram", Attribute: "users",
			Status: compare.Agree, Sources: []string{"a", "b"}, Claims: claims, Reason: "agree"}
		data, err := json.Marshal(pipeline.VerdictEvent{Collection: pipeline.DefaultCollection, Version: 1, Verdict: v})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.js.PublishAsync("crosscheck.verdicts."+pipeline.DefaultCollection+"."+string(v.Status)+"."+pipeline.Token(v.Subject), data); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-h.js.PublishAsyncComplete():
	case <-ctx.Done():
		t.Fatal("publishing the events timed out")
	}
	ts := httptest.NewServer(h.srv.Handler())
	t.Cleanup(ts.Close)

	// /healthz, asked every 50 ms while the clients read.
	var unhealthy atomic.Int32
	var firstUnhealthy atomic.Value
	healthDone := make(chan struct{})
	stopHealth := make(chan struct{})
	go func() {
		defer close(healthDone)
		for {
			select {
			case <-stopHealth:
				return
			case <-time.After(50 * time.Millisecond):
			}
			resp, err := http.Get(ts.URL + "/healthz")
			if err != nil {
				continue
			}
			if resp.StatusCode != http.StatusOK {
				if unhealthy.Add(1) == 1 {
					var b strings.Builder
					bufio.NewReader(resp.Body).WriteTo(&b)
					firstUnhealthy.Store(fmt.Sprintf("%d %s", resp.StatusCode, b.String()))
				}
			}
			resp.Body.Close()
		}
	}()

	const clients = streamClients
	var (
		mu       sync.Mutex
		open     int // streams answered 200 and not yet done
		maxOpen  int
		accepted int
		refused  int
		bad      []string
		short    []string
	)
	// Every client holds its stream open until all have been answered, so
	// that the cap is met at once.
	answered := make(chan struct{})
	var wgAnswered sync.WaitGroup
	wgAnswered.Add(clients)
	go func() { wgAnswered.Wait(); close(answered) }()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/v1/verdicts/stream?since=0", nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				wgAnswered.Done()
				mu.Lock()
				bad = append(bad, fmt.Sprintf("client %d: %v", i, err))
				mu.Unlock()
				return
			}
			defer resp.Body.Close()
			mu.Lock()
			switch {
			case resp.StatusCode == http.StatusOK:
				accepted++
				open++
				maxOpen = max(maxOpen, open)
			case resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "":
				refused++
			default:
				bad = append(bad, fmt.Sprintf("client %d: %s, Retry-After %q", i, resp.Status, resp.Header.Get("Retry-After")))
			}
			mu.Unlock()
			wgAnswered.Done()
			if resp.StatusCode != http.StatusOK {
				return
			}
			<-answered
			n := 0
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for n < events && sc.Scan() {
				if strings.HasPrefix(sc.Text(), "event: verdict") {
					n++
				}
			}
			mu.Lock()
			open--
			if n < events {
				short = append(short, fmt.Sprintf("client %d: %d of %d events (%v)", i, n, events, sc.Err()))
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	close(stopHealth)
	<-healthDone

	if n := unhealthy.Load(); n > 0 {
		t.Errorf("GET /healthz answered %d times other than 200 while %d clients replayed the stream; first: %v", n, clients, firstUnhealthy.Load())
	}
	for _, b := range bad {
		t.Error(b)
	}
	if len(short) > 0 {
		t.Errorf("%d accepted streams ended early; first: %s", len(short), short[0])
	}
	if maxOpen > limit || accepted != limit || refused != clients-limit {
		t.Errorf("%d clients: %d streams accepted (%d open at most), %d refused with 503 and Retry-After; want %d accepted, the rest refused",
			clients, accepted, maxOpen, refused, limit)
	}
}
