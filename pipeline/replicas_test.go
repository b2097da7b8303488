package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestSetupReplicas: on a cluster, SetupWith scales existing streams, the
// state bucket and the stages' consumers to the replicas asked for, and
// Setup, asking for none, keeps them.
func TestSetupReplicas(t *testing.T) {
	c := startCluster(t, 3)
	js := c.connect(t, "test")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	streams := []string{StreamArticles, StreamDocs, StreamClaims, StreamCompared, StreamVerdicts, StreamDead, StreamBands, bucketStream}
	for p := range Partitions {
		streams = append(streams, partitionStream(p))
	}
	for _, step := range []struct {
		opts SetupOptions
		want int
	}{
		{SetupOptions{}, 1},
		{SetupOptions{Replicas: 3}, 3},
		{SetupOptions{}, 3},
		{SetupOptions{Replicas: 1}, 1},
	} {
		if err := SetupWith(ctx, js, step.opts); err != nil {
			t.Fatalf("SetupWith(%+v): %v", step.opts, err)
		}
		for _, name := range streams {
			if got, err := replicasOf(ctx, js, name); err != nil || got != step.want {
				t.Errorf("after SetupWith(%+v): stream %s has %d replicas (%v), want %d", step.opts, name, got, err, step.want)
			}
		}
		for i, stage := range Stages() {
			for _, cfg := range stageConsumers(stage) {
				// A server may answer the update before the consumer it
				// leads reports the new count: asked again for a moment.
				deadline := time.Now().Add(10 * time.Second)
				for {
					cons, err := js.Consumer(ctx, inputStream[i], cfg.Durable)
					if err != nil {
						t.Fatal(err)
					}
					got := cons.CachedInfo().Config.Replicas
					if got == step.want {
						break
					}
					if time.Now().After(deadline) {
						t.Errorf("after SetupWith(%+v): consumer %s has %d replicas, want %d", step.opts, cfg.Durable, got, step.want)
						break
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
		}
	}
}

// TestSetupReplicasSingleServer: a single server cannot keep three copies;
// the error names the stream and says what to do.
func TestSetupReplicasSingleServer(t *testing.T) {
	_, js := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := SetupWith(ctx, js, SetupOptions{Replicas: 3})
	var re *ReplicasError
	if !errors.As(err, &re) {
		t.Fatalf("SetupWith(replicas 3) on one server = %v, want a *ReplicasError", err)
	}
	if re.Stream != StreamArticles || re.Have != 1 || re.Want != 3 {
		t.Errorf("ReplicasError = %+v, want %s from 1 to 3", re, StreamArticles)
	}
	for _, s := range []string{StreamArticles, "from 1 to 3", "--replicas 1"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("SetupWith(replicas 3) on one server: %q does not say %q", err, s)
		}
	}
	if err := SetupWith(ctx, js, SetupOptions{Replicas: -1}); !errors.Is(err, ErrSetup) {
		t.Errorf("SetupWith(replicas -1) = %v, want ErrSetup", err)
	}
}
