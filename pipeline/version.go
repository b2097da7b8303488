package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go/jetstream"
)

// StateFormat is the format of what the compare stage stores in
// BucketState (group keys, group and document states) that this build
// reads and writes. It changes whenever a store written by an earlier
// build would be read wrongly: state of another format is refused, not
// mixed with this build's.
//
//	1  stores written before the format was recorded (no formatKey)
//	2  group keys and the judging of issue 22's session
//	3  groups remember their latest writes (groupState.Writes)
//	4  the compare state split by collection over Partitions (4) buckets,
//	   crosscheck_state_00 to _03; BucketState keeps the format and the
//	   submitted articles
//
// No earlier format is read as it is: format 4 keeps the groups in other
// buckets than formats 2 and 3 did.
const StateFormat = 4

// formatKey holds the state's format in BucketState. Every other key has a
// collection, a kind and a name (stateKey), so a key of one token is never
// a collection's.
const formatKey = "format"

// ErrStateFormat is wrapped by every FormatError.
var ErrStateFormat = errors.New("state format")

// FormatError is returned, by CheckFormat and so by Dial and RunStages, for
// a state bucket written in a format this build does not read.
type FormatError struct {
	Found string // the stored format; "1" for a store written before formats were recorded
	Want  int    // StateFormat
}

func (e *FormatError) Error() string {
	advice := "start on a fresh store: a new --store directory for the embedded server, or, on an external server, " +
		"delete the buckets " + BucketState + " and " + BucketState + "_00 to _" + partitionToken(Partitions-1) + " and the crosscheck streams (the collections' articles must then be submitted again)"
	if n, err := strconv.Atoi(e.Found); err == nil && n > e.Want {
		advice = "run a build that reads format " + e.Found + ", or start on a fresh store"
	}
	return fmt.Sprintf("bucket %s holds state format %s, this build reads format %d: its groups and copies would be read wrongly; %s",
		BucketState, e.Found, e.Want, advice)
}

// Unwrap makes errors.Is(err, ErrStateFormat) hold.
func (e *FormatError) Unwrap() error { return ErrStateFormat }

var _ error = (*FormatError)(nil)

// CheckFormat makes sure BucketState holds state of StateFormat: an empty
// bucket, as Setup creates, is marked with it; a bucket marked with
// another format, or holding state but no mark (written by a build before
// formats were recorded), is refused with a *FormatError. Setup must have
// run. Every process that reads or writes the state calls it at start
// (Dial, RunStages).
func CheckFormat(ctx context.Context, js jetstream.JetStream) error {
	kv, err := js.KeyValue(ctx, BucketState)
	if err != nil {
		return fmt.Errorf("check state format: bucket %s: %w", BucketState, err)
	}
	want := strconv.Itoa(StateFormat)
	for range 2 {
		e, err := kv.Get(ctx, formatKey)
		if err == nil {
			if found := string(e.Value()); found != want {
				return &FormatError{Found: found, Want: StateFormat}
			}
			return nil
		}
		if !errors.Is(err, jetstream.ErrKeyNotFound) {
			return fmt.Errorf("check state format: %w", err)
		}
		st, err := kv.Status(ctx)
		if err != nil {
			return fmt.Errorf("check state format: %w", err)
		}
		if st.Values() > 0 {
			// Unless another process marked it since the read above, the
			// state is an earlier build's.
			if _, err := kv.Get(ctx, formatKey); err == nil {
				continue
			}
			return &FormatError{Found: "1", Want: StateFormat}
		}
		// Create, not Put: of two processes starting on a new bucket,
		// one marks it and the other reads the mark.
		if _, err := kv.Create(ctx, formatKey, []byte(want)); err == nil {
			return nil
		} else if !errors.Is(err, jetstream.ErrKeyExists) {
			return fmt.Errorf("check state format: mark %s: %w", BucketState, err)
		}
	}
	return fmt.Errorf("check state format: bucket %s marked and unmarked at once", BucketState)
}
