package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// publishMsg stores m in the stream its subject belongs to and returns the
// sequence JetStream stored it at, as jetstream.JetStream.PublishMsg does:
// a ctx without a deadline gets js's default timeout, and a request that
// finds no stream listening is tried again twice, a quarter of a second
// apart, to ride out a server restart or a change of stream leader. It
// differs in reading the acknowledgement: PublishMsg decodes every one
// with encoding/json, which took 1.6% of the pipeline's CPU in bench (some
// twenty publishes an article wait for their acknowledgement); the
// server's own form of it is read directly here (readPubAck).
func publishMsg(ctx context.Context, js jetstream.JetStream, m *nats.Msg) (uint64, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, js.Options().DefaultTimeout)
		defer cancel()
	}
	nc := js.Conn()
	resp, err := nc.RequestMsgWithContext(ctx, m)
	for r := 0; errors.Is(err, nats.ErrNoResponders) && r < jetstream.DefaultPubRetryAttempts; r++ {
		select {
		case <-ctx.Done():
		case <-time.After(jetstream.DefaultPubRetryWait):
		}
		resp, err = nc.RequestMsgWithContext(ctx, m)
	}
	if errors.Is(err, nats.ErrNoResponders) {
		return 0, jetstream.ErrNoStreamResponse
	}
	if err != nil {
		return 0, err
	}
	return readPubAck(resp.Data)
}

// publishData is publishMsg of data on subject, with msgID as its message
// id: JetStream drops a message whose id it stored within the stream's
// duplicate window, so a retried publish stores nothing twice.
func publishData(ctx context.Context, js jetstream.JetStream, subject, msgID string, data []byte) (uint64, error) {
	m := nats.NewMsg(subject)
	m.Data = data
	m.Header.Set(jetstream.MsgIDHeader, msgID)
	return publishMsg(ctx, js, m)
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
