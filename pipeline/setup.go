package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Retention for the work streams: long enough to replay a day's news, short
// enough that a busy server does not fill its disk.
const (
	workRetention    = 7 * 24 * time.Hour
	verdictRetention = 30 * 24 * time.Hour
	dedupWindow      = 10 * time.Minute
)

// Setup creates or updates every stream and bucket the pipeline uses. It is
// idempotent, so every process calls it at start.
func Setup(ctx context.Context, js jetstream.JetStream) error {
	streams := []jetstream.StreamConfig{
		{Name: StreamArticles, Subjects: []string{"crosscheck.articles.*"}, MaxAge: workRetention},
		{Name: StreamDocs, Subjects: []string{"crosscheck.docs.*"}, MaxAge: workRetention},
		{Name: StreamClaims, Subjects: []string{"crosscheck.claims.*"}, MaxAge: workRetention},
		{Name: StreamCompared, Subjects: []string{"crosscheck.compared.*.*"}, MaxAge: workRetention},
		{Name: StreamVerdicts, Subjects: []string{"crosscheck.verdicts.*.*.*"}, MaxAge: verdictRetention},
		{Name: StreamDead, Subjects: []string{"crosscheck.dead.*.*"}, MaxAge: verdictRetention},
		// Kept as long as the state bucket: a copy of an old article is
		// found through it.
		{Name: StreamBands, Subjects: []string{"crosscheck.bands.*"}},
	}
	for _, cfg := range streams {
		cfg.Storage = jetstream.FileStorage
		cfg.Duplicates = dedupWindow
		if _, err := js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("setup stream %s: %w", cfg.Name, err)
		}
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:  BucketState,
		Storage: jetstream.FileStorage,
		History: 1,
	}); err != nil {
		return fmt.Errorf("setup bucket %s: %w", BucketState, err)
	}
	for i, stage := range Stages {
		if _, err := js.CreateOrUpdateConsumer(ctx, inputStream[i], consumerConfig(stage)); err != nil {
			return fmt.Errorf("setup consumer %s: %w", stage, err)
		}
	}
	return nil
}

// inputStream is the stream each stage of Stages consumes.
var inputStream = []string{StreamArticles, StreamDocs, StreamClaims}

// maxDeliver bounds how often a message is tried before it is set aside in
// the dead-letter stream.
const maxDeliver = 5

func consumerConfig(stage string) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       stage,
		Description:   "crosscheck " + stage + " stage",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       30 * time.Second,
		MaxDeliver:    maxDeliver,
		MaxAckPending: 1024,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
}
