package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// publishMsg stores m in the stream its subject belongs to and returns the
// sequence JetStream stored it at, as jetstream.JetStream.PublishMsg does:
// it waits until ctx's deadline, or js's default timeout if that comes
// first or ctx has none, and a request that finds no stream listening is
// tried again twice, a quarter of a second apart, to ride out a server
// restart or a change of stream leader. It differs in one cost, about 1%
// of the pipeline's CPU in bench, where some twenty publishes an article
// wait for their acknowledgement: PublishMsg decodes every
// acknowledgement with encoding/json; here the acknowledgement, in the
// server's own form, is read directly (readPubAck). A ctx deadline later
// than the default timeout does not extend it; a ctx cancelled while a
// request is out cuts it short with ctx's error.
func publishMsg(ctx context.Context, js jetstream.JetStream, m *nats.Msg) (uint64, error) {
	resp, err := request(ctx, js, m)
	for r := 0; errors.Is(err, nats.ErrNoResponders) && r < jetstream.DefaultPubRetryAttempts; r++ {
		select {
		case <-ctx.Done():
		case <-time.After(jetstream.DefaultPubRetryWait):
		}
		resp, err = request(ctx, js, m)
	}
	if errors.Is(err, nats.ErrNoResponders) {
		return 0, jetstream.ErrNoStreamResponse
	}
	if err != nil {
		return 0, err
	}
	return readPubAck(resp.Data)
}

// publishFailed wraps the error of a publish of subject, marking it
// permanent where no retry can succeed: a message over the server's max
// payload (nats.ErrMaxPayload) or its stream's largest message, or a
// malformed subject. A publish that timed out or found no stream may
// succeed later and stays temporary.
func publishFailed(subject string, err error) error {
	err = fmt.Errorf("publish %s: %w", subject, err)
	var apiErr *jetstream.APIError
	switch {
	case errors.Is(err, nats.ErrMaxPayload), errors.Is(err, nats.ErrBadSubject),
		errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamMessageExceedsMaximum:
		return permanent(err)
	}
	return err
}

// request sends m and waits for the reply until ctx is done or js's
// default timeout has passed, whichever comes first.
func request(ctx context.Context, js jetstream.JetStream, m *nats.Msg) (*nats.Msg, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	timeout := js.Options().DefaultTimeout
	if ctx.Done() == nil {
		// Nothing can cancel ctx: the client's pooled timer is enough.
		return js.Conn().RequestMsg(m, timeout)
	}
	if d, ok := ctx.Deadline(); ok && time.Until(d) <= timeout {
		return js.Conn().RequestMsgWithContext(ctx, m)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	resp, err := js.Conn().RequestMsgWithContext(ctx, m)
	if errors.Is(err, context.DeadlineExceeded) && context.Cause(ctx) == context.DeadlineExceeded {
		err = nats.ErrTimeout // as RequestMsg answers, for callers that tell it apart
	}
	return resp, err
}

// publishData is publishMsg of data on subject, with msgID as its message
// id (idMsg).
func publishData(ctx context.Context, js jetstream.JetStream, subject, msgID string, data []byte) (uint64, error) {
	return publishMsg(ctx, js, idMsg(subject, msgID, data))
}

// idMsg is data on subject with msgID as its message id: JetStream drops a
// message whose id it stored within the stream's duplicate window, so a
// retried publish stores nothing twice.
func idMsg(subject, msgID string, data []byte) *nats.Msg {
	m := nats.NewMsg(subject)
	m.Data = data
	m.Header.Set(jetstream.MsgIDHeader, msgID)
	return m
}

// readPubAck reads a publish acknowledgement: the sequence, or the error
// JetStream answered with (a *jetstream.APIError, as PublishMsg returns
// it). The server writes a stored message's as {"stream":"S","seq":N},
// with a space after the comma before 2.10 and ,"duplicate": true before
// the brace for a duplicate; quickPubAck reads that, and anything else,
// errors included, is decoded as JSON.
func readPubAck(data []byte) (uint64, error) {
	if seq, ok := quickPubAck(data); ok {
		return seq, nil
	}
	var r struct {
		Error  *jetstream.APIError `json:"error"`
		Stream string              `json:"stream"`
		Seq    uint64              `json:"seq"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return 0, jetstream.ErrInvalidJSAck
	}
	if r.Error != nil {
		return 0, fmt.Errorf("nats: %w", r.Error)
	}
	if r.Stream == "" {
		return 0, jetstream.ErrInvalidJSAck
	}
	return r.Seq, nil
}

// quickPubAck reads an acknowledgement of the server's own form, reporting
// false for any other.
func quickPubAck(data []byte) (uint64, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(`{"stream":"`))
	if !ok {
		return 0, false
	}
	name := 0
	for name < len(rest) && rest[name] > ' ' && rest[name] < 0x7f && rest[name] != '"' && rest[name] != '\\' {
		name++ // stream names are printable ASCII, no escapes needed
	}
	if name == 0 || name == len(rest) || rest[name] != '"' {
		return 0, false
	}
	rest = rest[name+1:]
	if rest, ok = bytes.CutPrefix(rest, []byte(`,`)); !ok {
		return 0, false
	}
	rest = bytes.TrimPrefix(rest, []byte(` `))
	if rest, ok = bytes.CutPrefix(rest, []byte(`"seq":`)); !ok {
		return 0, false
	}
	n := 0
	for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
		n++
	}
	if n > 1 && rest[0] == '0' {
		return 0, false // JSON numbers have no leading zeros
	}
	seq, err := strconv.ParseUint(string(rest[:n]), 10, 64)
	if err != nil {
		return 0, false
	}
	switch string(rest[n:]) {
	case `}`, `,"duplicate": true}`, `,"duplicate":true}`:
		return seq, true
	}
	return 0, false
}

// batchPublisher publishes messages without waiting for each, then waits
// for all their acknowledgements at once: the compare stage's verdict
// events, one per group an article changed. It is jetstream's
// PublishAsync with one reply subscription per process, as there, but
// with the acknowledgements read by readPubAck rather than encoding/json,
// and no future, timer or option set up per message.
type batchPublisher struct {
	nc     *nats.Conn
	prefix string // of the reply subjects: an inbox, then "."
	mu     sync.Mutex
	next   uint64
	waits  map[uint64]chan<- *nats.Msg // by reply token
}

// newBatchPublisher subscribes to the replies of nc's batches for as long
// as nc is open: a stage's in-flight messages outlive the context that
// stops it (Worker.Run drains them), and their acknowledgements must still
// be heard.
func newBatchPublisher(nc *nats.Conn) (*batchPublisher, error) {
	p := &batchPublisher{nc: nc, prefix: nats.NewInbox() + ".", waits: make(map[uint64]chan<- *nats.Msg)}
	if _, err := nc.Subscribe(p.prefix+"*", p.reply); err != nil {
		return nil, fmt.Errorf("subscribe to publish acknowledgements: %w", err)
	}
	return p, nil
}

// reply hands an acknowledgement to the batch waiting for it; one that
// comes after its batch gave up is dropped.
func (p *batchPublisher) reply(m *nats.Msg) {
	id, err := strconv.ParseUint(m.Subject[len(p.prefix):], 10, 64)
	if err != nil {
		return
	}
	p.mu.Lock()
	ch, ok := p.waits[id]
	delete(p.waits, id)
	p.mu.Unlock()
	if ok {
		ch <- m // buffered for the whole batch
	}
}

// publishAll stores msgs, returning once JetStream has acknowledged every
// one, within ackTimeout, or with the errors of those it refused. Messages
// with a Nats-Msg-Id count once, so a retry after an error stores nothing
// twice.
//
// A message no stream answered for is sent again twice, a quarter of a
// second apart, as jetstream's publishes are, to ride out a server restart
// or a change of stream leader.
func (p *batchPublisher) publishAll(ctx context.Context, msgs []*nats.Msg) error {
	return p.publish(ctx, msgs, jetstream.DefaultPubRetryAttempts)
}

func (p *batchPublisher) publish(ctx context.Context, msgs []*nats.Msg, retries int) error {
	if len(msgs) == 0 {
		return nil
	}
	replies := make(chan *nats.Msg, len(msgs))
	p.mu.Lock()
	first := p.next + 1
	p.next += uint64(len(msgs))
	for i := range msgs {
		p.waits[first+uint64(i)] = replies
	}
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		for i := range msgs {
			delete(p.waits, first+uint64(i))
		}
		p.mu.Unlock()
	}()
	for i, m := range msgs {
		m.Reply = p.prefix + strconv.FormatUint(first+uint64(i), 10)
		if err := p.nc.PublishMsg(m); err != nil {
			return publishFailed(m.Subject, err)
		}
	}
	// A lost connection can leave an acknowledgement unsent: give up well
	// within the ack wait, so the message is retried rather than held.
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	var (
		errs  []error
		again []*nats.Msg // no stream answered
	)
	for range msgs {
		select {
		case r := <-replies:
			id, _ := strconv.ParseUint(r.Subject[len(p.prefix):], 10, 64)
			m := msgs[id-first]
			err := ackError(r)
			switch {
			case errors.Is(err, jetstream.ErrNoStreamResponse) && retries > 0:
				again = append(again, m)
			case err != nil:
				errs = append(errs, publishFailed(m.Subject, err))
			}
		case <-ctx.Done():
			return fmt.Errorf("publish: %w", context.Cause(ctx))
		}
	}
	if len(again) > 0 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("publish: %w", context.Cause(ctx))
		case <-time.After(jetstream.DefaultPubRetryWait):
		}
		errs = append(errs, p.publish(ctx, again, retries-1))
	}
	return errors.Join(errs...)
}

// ackError is the error of a publish's reply: none for an acknowledgement
// of its storing, jetstream.ErrNoStreamResponse when no stream listens on
// its subject (the server answers with status 503), else the error
// JetStream gave.
func ackError(r *nats.Msg) error {
	if len(r.Data) == 0 && r.Header.Get("Status") == "503" {
		return jetstream.ErrNoStreamResponse
	}
	_, err := readPubAck(r.Data)
	return err
}
