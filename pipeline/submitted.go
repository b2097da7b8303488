package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A collection remembers the articles submitted to it in BucketState, one
// key per article holding the sequence of its message in StreamArticles,
// for as long as the collection's state is kept: the streams' duplicate
// window lasts ten minutes, after which the same body would be taken
// again and repeat its verdict events.

func submittedKey(coll, id string) string { return stateKey(coll, "submitted", id) }

// firstSubmission records that the article id of coll arrived at seq in
// StreamArticles and reports whether it is the article's first message:
// true for the message that recorded it, redeliveries included; false for
// a resubmission, which adds nothing.
func firstSubmission(ctx context.Context, kv jetstream.KeyValue, coll, id string, seq uint64) (bool, error) {
	key := submittedKey(coll, id)
	val := []byte(strconv.FormatUint(seq, 10))
	_, err := kv.Create(ctx, key, val)
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, jetstream.ErrKeyExists) {
		return false, fmt.Errorf("record %s: %w", key, err)
	}
	// On a cluster the read may go to a server that has not yet stored
	// the key the create found: read again for a moment before giving the
	// message back for a redelivery half a second later.
	for wait := time.Millisecond; ; wait *= 2 {
		e, err := kv.Get(ctx, key)
		if err == nil {
			return string(e.Value()) == string(val), nil
		}
		if !errors.Is(err, jetstream.ErrKeyNotFound) || wait > 64*time.Millisecond {
			return false, fmt.Errorf("read %s: %w", key, err)
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("read %s: %w", key, err)
		case <-time.After(wait):
		}
	}
}
