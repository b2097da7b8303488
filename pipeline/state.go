package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
)

// Verdicts returns the current verdict of every group of coll that f
// selects, read from the comparison state (its part's bucket) rather than the
// event stream, sorted by subject, attribute and id. Version is the group's
// version; Previous is empty.
func (c *Client) Verdicts(ctx context.Context, coll string, f VerdictFilter) ([]VerdictEvent, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	bucket := PartitionBucket(Partition(coll))
	kv, err := c.js.KeyValue(ctx, bucket)
	if err != nil {
		return nil, fmt.Errorf("verdicts of %s: bucket %s: %w", coll, bucket, err)
	}
	// A watcher reads every key in one consumer; Get per key would cost a
	// round trip each.
	filter := stateKey(coll, "g", "*")
	w, err := kv.WatchFiltered(ctx, []string{filter}, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, fmt.Errorf("verdicts of %s: watch %s: %w", coll, filter, err)
	}
	defer w.Stop()
	out := []VerdictEvent{}
	for {
		var e jetstream.KeyValueEntry
		select {
		case e = <-w.Updates():
		case <-ctx.Done():
			return nil, fmt.Errorf("verdicts of %s: %w", coll, context.Cause(ctx))
		}
		if e == nil {
			break // every stored key has been read
		}
		var st groupState
		if err := decodeGroup(e.Value(), &st); err != nil {
			return nil, fmt.Errorf("verdicts of %s: group %s: %w", coll, e.Key(), err)
		}
		for _, v := range st.Verdict.Flat() {
			if f.Match(v) {
				out = append(out, VerdictEvent{Collection: coll, Version: st.Version, Verdict: v})
			}
		}
	}
	slices.SortFunc(out, func(a, b VerdictEvent) int {
		return cmp.Or(strings.Compare(a.Verdict.Subject, b.Verdict.Subject),
			strings.Compare(a.Verdict.Attribute, b.Verdict.Attribute),
			strings.Compare(a.Verdict.ID, b.Verdict.ID))
	})
	return out, nil
}

// Lag is how far a stage is behind: messages not yet delivered to it and
// messages delivered but not yet acked.
type Lag struct {
	Pending    uint64 // consumer num_pending
	AckPending int    // consumer num_ack_pending
}

// Lag reports a stage's backlog from its durable consumers: the compare
// stage's is the sum of its parts'.
func (c *Client) Lag(ctx context.Context, stage string) (Lag, error) {
	stream, err := stageStream(stage)
	if err != nil {
		return Lag{}, err
	}
	var lag Lag
	for _, cfg := range stageConsumers(stage) {
		cons, err := c.js.Consumer(ctx, stream, cfg.Durable)
		if err != nil {
			return Lag{}, fmt.Errorf("lag of %s: %w", cfg.Durable, err)
		}
		info, err := cons.Info(ctx)
		if err != nil {
			return Lag{}, fmt.Errorf("lag of %s: %w", cfg.Durable, err)
		}
		lag.Pending += info.NumPending
		lag.AckPending += info.NumAckPending
	}
	return lag, nil
}

// DeadLetters counts the messages stored in the dead-letter stream, over
// every collection.
func (c *Client) DeadLetters(ctx context.Context) (uint64, error) {
	s, err := c.js.Stream(ctx, StreamDead)
	if err != nil {
		return 0, fmt.Errorf("dead letters: %w", err)
	}
	return s.CachedInfo().State.Msgs, nil
}

// ErrNotConnected is returned by Ping while the NATS connection is down.
var ErrNotConnected = errors.New("nats not connected")

// Ping checks that the connection is up and that JetStream answers, with a
// round trip to the server.
func (c *Client) Ping(ctx context.Context) error {
	if nc := c.js.Conn(); nc != nil && !nc.IsConnected() {
		return fmt.Errorf("ping: %w (status %s)", ErrNotConnected, nc.Status())
	}
	if _, err := c.js.AccountInfo(ctx); err != nil {
		return fmt.Errorf("jetstream account info: %w", err)
	}
	return nil
}

// ErrUnknownArticle is returned by ArticleIndex.Lookup for an id that was
// never submitted to the collection.
var ErrUnknownArticle = errors.New("unknown article")
