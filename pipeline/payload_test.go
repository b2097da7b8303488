package pipeline

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// startServerMaxPayload is startServer on a server that takes messages of
// at most maxPayload bytes.
func startServerMaxPayload(t *testing.T, maxPayload int32) jetstream.JetStream {
	t.Helper()
	_, js := startServerWith(t, EmbeddedOptions{MaxPayload: maxPayload})
	return js
}

// TestMaxPayloadSetAsideAtOnce: a stage's output over the server's max
// payload can never be stored, so the message is set aside at its first
// delivery with the reason, not retried as if the error were temporary;
// and a message too large to be a dead letter whole is set aside without
// its data rather than left undelivered (issue 22, hole 1).
func TestMaxPayloadSetAsideAtOnce(t *testing.T) {
	js := startServerMaxPayload(t, 1<<20)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var tries atomic.Int32
	runWorker(t, &Worker{Stage: StageExtract, JS: js, Drain: time.Second, Handle: func(ctx context.Context, m jetstream.Msg) error {
		tries.Add(1)
		// Five times the input, as a tokenized article can be.
		return publishJSON(ctx, js, claimsSubject("c6"), "out", strings.Repeat(string(m.Data()), 5))
	}})
	for _, tt := range []struct {
		name     string
		size     int
		withData bool
	}{
		{"output too large", 300 << 10, true},
		{"dead letter too large", 900 << 10, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tries.Store(0)
			in := `"` + strings.Repeat("a", tt.size) + `"`
			if _, err := js.Publish(ctx, docsSubject("c6"), []byte(in)); err != nil {
				t.Fatal(err)
			}
			m := readOne(ctx, t, js, StreamDead, deadSubject("c6", StageExtract))
			var d DeadMsg
			if err := json.Unmarshal(m.Data(), &d); err != nil {
				t.Fatal(err)
			}
			if n := tries.Load(); n != 1 || d.Deliveries != 1 || !strings.Contains(d.Reason, "maximum payload exceeded") {
				t.Errorf("tried %d times; dead letter after %d deliveries, reason %q; want 1, 1 and the max payload", n, d.Deliveries, d.Reason)
			}
			if got := string(d.Data) == in; got != tt.withData {
				t.Errorf("dead letter holds the message: %v, want %v (reason %q)", got, tt.withData, d.Reason)
			}
			if s, err := js.Stream(ctx, StreamDead); err != nil {
				t.Fatal(err)
			} else if err := s.Purge(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
