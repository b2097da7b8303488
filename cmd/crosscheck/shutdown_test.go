package main

import (
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// freezer is a TCP proxy to a NATS server that can stop answering: once
// frozen it forwards nothing either way and closes nothing, as a server
// that hangs or a network that drops packets would.
type freezer struct {
	ln     net.Listener
	target string
	frozen atomic.Bool
	stop   chan struct{}
	wg     sync.WaitGroup
}

func newFreezer(t *testing.T, target string) *freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{ln: ln, target: target, stop: make(chan struct{})}
	f.wg.Go(f.accept)
	t.Cleanup(func() { close(f.stop); ln.Close(); f.wg.Wait() })
	return f
}

func (f *freezer) url() string { return "nats://" + f.ln.Addr().String() }

func (f *freezer) accept() {
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", f.target)
		if err != nil {
			c.Close()
			continue
		}
		f.wg.Go(func() { f.pipe(s, c) })
		f.wg.Go(func() { f.pipe(c, s) })
		f.wg.Go(func() { <-f.stop; c.Close(); s.Close() })
	}
}

// pipe copies src to dst until frozen, then holds what it reads.
func (f *freezer) pipe(dst io.Writer, src io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if f.frozen.Load() {
			<-f.stop
			return
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// TestServeShutdownDeadline: with the NATS server no longer answering, so
// that the stages cannot drain and the connection cannot flush, serve
// still returns within --shutdown-timeout (and a little for the test's own
// scheduling) of the signal.
func TestServeShutdownDeadline(t *testing.T) {
	t.Parallel()
	emb, err := pipeline.StartEmbedded(pipeline.EmbeddedOptions{StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emb.Shutdown(t.Context()) })
	proxy := newFreezer(t, strings.TrimPrefix(emb.ClientURL(), "nats://"))

	const grace = 2 * time.Second
	args := []string{"serve", "--addr", "127.0.0.1:0", "--nats", proxy.url(), "--shutdown-timeout", grace.String()}
	_, stderr, stop := background(t, args...)
	poll(t, "serve listening", func() bool { return strings.Contains(stderr.String(), "msg=serving") })

	proxy.frozen.Store(true)
	time.Sleep(100 * time.Millisecond) // the stages' next pulls go unanswered
	start := time.Now()
	stop()
	if took := time.Since(start); took > grace+time.Second {
		t.Errorf("serve took %v to stop with NATS not answering, want within --shutdown-timeout %v\n%s", took, grace, stderr)
	}
}
