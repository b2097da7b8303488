package pipeline

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// TestStateFormat: a process starting on a state bucket of another format
// is refused, by Dial and by RunStages, with an error naming the format
// found and the format this build reads (issue 22, hole 2); a new bucket is
// marked with StateFormat and accepted from then on.
func TestStateFormat(t *testing.T) {
	for _, tc := range []struct {
		name  string
		state map[string]string // what a build left in the bucket
		found string            // "" when the store is accepted
	}{
		{name: "new bucket"},
		{name: "this format", state: map[string]string{formatKey: strconv.Itoa(StateFormat), "c.doc.a": "{}"}},
		{name: "before formats", state: map[string]string{"c.doc.a": "{}", "c.g.0123456789abcdef": "{}"}, found: "1"},
		{name: "groups in the single bucket (2)", state: map[string]string{formatKey: "2", "c.doc.a": "{}"}, found: "2"},
		{name: "groups in the single bucket (3)", state: map[string]string{formatKey: "3", "c.doc.a": "{}"}, found: "3"},
		{name: "earlier", state: map[string]string{formatKey: "1"}, found: "1"},
		{name: "later", state: map[string]string{formatKey: strconv.Itoa(StateFormat + 1)}, found: strconv.Itoa(StateFormat + 1)},
		{name: "unreadable", state: map[string]string{formatKey: "x"}, found: "x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			// The earlier build: its streams and bucket, and its state.
			old, err := Dial(ctx, "earlier build", DialOptions{StoreDir: dir, NoSetup: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := Setup(ctx, old.JS); err != nil {
				t.Fatal(err)
			}
			kv, err := old.JS.KeyValue(ctx, BucketState)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.state {
				if _, err := kv.Put(ctx, k, []byte(v)); err != nil {
					t.Fatal(err)
				}
			}
			old.Close(ctx)

			for range 2 { // a store accepted once is accepted again
				c, err := Dial(ctx, "this build", DialOptions{StoreDir: dir})
				if tc.found == "" {
					if err != nil {
						t.Fatalf("Dial on a store of %v: %v", tc.state, err)
					}
					checkMark(ctx, t, c.JS)
					c.Close(ctx)
					continue
				}
				checkFormatError(t, "Dial", err, tc.found)
				if c != nil {
					c.Close(ctx)
				}
			}
			if tc.found == "" {
				return
			}
			// A stage given a connection of its own checks too.
			c, err := Dial(ctx, "stage", DialOptions{StoreDir: dir, NoSetup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			stageCtx, stop := context.WithCancel(ctx)
			defer stop()
			r, err := RunStages(stageCtx, c.JS, StageOptions{Stages: []string{StageCompare}})
			if r != nil {
				stop()
				r.Wait()
			}
			checkFormatError(t, "RunStages", err, tc.found)
		})
	}
}

func checkMark(ctx context.Context, t *testing.T, js jetstream.JetStream) {
	t.Helper()
	kv, err := js.KeyValue(ctx, BucketState)
	if err != nil {
		t.Fatal(err)
	}
	e, err := kv.Get(ctx, formatKey)
	if err != nil {
		t.Fatalf("format mark: %v", err)
	}
	if got := string(e.Value()); got != strconv.Itoa(StateFormat) {
		t.Errorf("format mark %q, want %d", got, StateFormat)
	}
}

func checkFormatError(t *testing.T, op string, err error, found string) {
	t.Helper()
	var fe *FormatError
	if !errors.As(err, &fe) || !errors.Is(err, ErrStateFormat) {
		t.Fatalf("%s on a store of format %s: err %v, want a *FormatError", op, found, err)
	}
	if fe.Found != found || fe.Want != StateFormat {
		t.Errorf("%s: FormatError{Found: %q, Want: %d}, want {%q, %d}", op, fe.Found, fe.Want, found, StateFormat)
	}
	msg := err.Error()
	for _, want := range []string{"format " + found, "format " + strconv.Itoa(StateFormat), "fresh store"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%s: error %q does not say %q", op, msg, want)
		}
	}
}
