package main

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// TestServeRefusesEarlierState: serve on a store written by a build before
// state formats were recorded stops with an error that names the format
// found, the format it reads and what to do, instead of giving verdicts
// without copy detection (issue 22, hole 2).
func TestServeRefusesEarlierState(t *testing.T) {
	t.Setenv("NATS_URL", "") // the embedded server on the store below, not an external one
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	old, err := pipeline.Dial(ctx, "earlier build", pipeline.DialOptions{StoreDir: dir, NoSetup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Setup(ctx, old.JS); err != nil {
		t.Fatal(err)
	}
	kv, err := old.JS.KeyValue(ctx, pipeline.BucketState)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, "default.doc.a1", []byte(`{"id":"a1"}`)); err != nil {
		t.Fatal(err)
	}
	old.Close(ctx)

	_, stderr, err := runCmd(t, "serve", "--store", dir, "--addr", "127.0.0.1:0")
	if !errors.Is(err, pipeline.ErrStateFormat) {
		t.Fatalf("serve on an earlier build's store: err %v, want ErrStateFormat; stderr:\n%s", err, stderr)
	}
	for _, want := range []string{"format 1", "format " + strconv.Itoa(pipeline.StateFormat), "--store"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("serve's error %q does not say %q", err, want)
		}
	}
}
