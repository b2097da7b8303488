package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
)

// ErrBadFilter is returned for a VerdictFilter that can match nothing, such
// as an unknown status.
var ErrBadFilter = errors.New("bad verdict filter")

// Statuses lists the verdict statuses a VerdictFilter accepts, in a slice
// of the caller's own.
func Statuses() []compare.Status {
	return []compare.Status{compare.Agree, compare.Conflict, compare.SingleSource}
}

// VerdictFilter selects verdicts by status and subject. The zero value
// selects every verdict.
type VerdictFilter struct {
	Status  string // one of Statuses(), or "" for any
	Subject string // free text, compared as a subject token (see Token); "" for any
}

// Validate reports whether f names a known status.
func (f VerdictFilter) Validate() error {
	if f.Status != "" && !slices.Contains(Statuses(), compare.Status(f.Status)) {
		return fmt.Errorf("%w: status %q: want agree, conflict or single-source", ErrBadFilter, f.Status)
	}
	return nil
}

// Match reports whether v passes the filter.
func (f VerdictFilter) Match(v compare.Verdict) bool {
	return (f.Status == "" || string(v.Status) == f.Status) &&
		(f.Subject == "" || Token(v.Subject) == Token(f.Subject))
}

// natsSubject is the verdict subject filter for f in one collection.
func (f VerdictFilter) natsSubject(coll string) string {
	status, subject := "*", "*"
	if f.Status != "" {
		status = f.Status
	}
	if f.Subject != "" {
		subject = Token(f.Subject)
	}
	return "crosscheck.verdicts." + coll + "." + status + "." + subject
}

// StreamedVerdict is a verdict event with its place in the verdict stream,
// which a subscriber passes back to resume after it.
type StreamedVerdict struct {
	Seq  uint64    // sequence in StreamVerdicts
	Time time.Time // when the event was stored
	VerdictEvent
}

// VerdictWatch is an open subscription to verdict events; see OpenVerdicts.
// It is not safe for concurrent use.
type VerdictWatch struct {
	it     jetstream.MessagesContext
	f      VerdictFilter
	filter string
}

// OpenVerdicts subscribes to the verdict events of coll that f selects. after
// is the stream sequence to resume after: events with a higher sequence are
// delivered, so 0 replays every stored event; a negative after delivers only
// events stored from the moment OpenVerdicts returns.
//
// The consumer is ordered and ephemeral: it needs no acks and no cleanup,
// and it reads only the verdict stream, so a user allowed to consume
// StreamVerdicts alone can watch. Stop it when done.
func (c *Client) OpenVerdicts(ctx context.Context, coll string, f VerdictFilter, after int64) (*VerdictWatch, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	w := &VerdictWatch{f: f, filter: f.natsSubject(coll)}
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{w.filter}}
	switch {
	case after < 0:
		cfg.DeliverPolicy = jetstream.DeliverNewPolicy
	case after == 0:
		cfg.DeliverPolicy = jetstream.DeliverAllPolicy
	default:
		cfg.DeliverPolicy = jetstream.DeliverByStartSequencePolicy
		cfg.OptStartSeq = uint64(after) + 1
	}
	cons, err := c.js.OrderedConsumer(ctx, StreamVerdicts, cfg)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		// In a newsroom's account the stream is a mirror that the
		// pipeline creates (SetupOptions.NewsroomAPI).
		return nil, fmt.Errorf("watch %s: %w (no %s in this account: the pipeline has not run yet, or, for a newsroom's account, not with --newsroom-api)",
			w.filter, err, StreamVerdicts)
	}
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", w.filter, err)
	}
	// Messages creates the consumer before it returns, so nothing stored
	// from now on is missed.
	if w.it, err = cons.Messages(); err != nil {
		return nil, fmt.Errorf("watch %s: %w", w.filter, err)
	}
	return w, nil
}

// Next waits for the next event the filter selects. It returns ctx's error
// when ctx is done first.
func (w *VerdictWatch) Next(ctx context.Context) (StreamedVerdict, error) {
	for {
		m, err := w.it.Next(jetstream.NextContext(ctx))
		if ctx.Err() != nil {
			return StreamedVerdict{}, ctx.Err()
		}
		if err != nil {
			return StreamedVerdict{}, fmt.Errorf("watch %s: %w", w.filter, err)
		}
		meta, err := m.Metadata()
		if err != nil {
			return StreamedVerdict{}, fmt.Errorf("watch %s: %w", m.Subject(), err)
		}
		sv := StreamedVerdict{Seq: meta.Sequence.Stream, Time: meta.Timestamp}
		if err := json.Unmarshal(m.Data(), &sv.VerdictEvent); err != nil {
			// An event this version cannot read is skipped, not fatal:
			// the stream may be shared with newer writers.
			continue
		}
		if w.f.Match(sv.Verdict) {
			return sv, nil
		}
	}
}

// Stop ends the subscription.
func (w *VerdictWatch) Stop() { w.it.Stop() }

// WatchVerdicts calls fn with every verdict event that OpenVerdicts(ctx,
// coll, f, after) delivers, in stream order, until ctx is done (then it
// returns nil) or fn returns an error.
func (c *Client) WatchVerdicts(ctx context.Context, coll string, f VerdictFilter, after int64, fn func(StreamedVerdict) error) error {
	w, err := c.OpenVerdicts(ctx, coll, f, after)
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		v, err := w.Next(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
}
