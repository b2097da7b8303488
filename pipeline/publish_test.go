package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestReadPubAck: acknowledgements as both servers write them are read
// directly, and anything else as JSON, errors as *jetstream.APIError.
func TestReadPubAck(t *testing.T) {
	for _, c := range []struct {
		data  string
		seq   uint64
		quick bool
		err   string
	}{
		{`{"stream":"KV_state","seq":42}`, 42, true, ""},
		{`{"stream":"KV_state", "seq":7}`, 7, true, ""},                          // 2.9
		{`{"stream":"CROSSCHECK_DOCS", "seq":1,"duplicate": true}`, 1, true, ""}, // 2.9
		{`{"stream":"CROSSCHECK_DOCS","seq":18446744073709551615,"duplicate": true}`, 1<<64 - 1, true, ""},
		{`{"stream":"S","domain":"hub","seq":3}`, 3, false, ""},
		{`{"seq":3,"stream":"S"}`, 3, false, ""},
		{`{"stream":"S","seq":3,"duplicate":true,"batch":"b","count":2}`, 3, false, ""},
		{`{"error":{"code":400,"err_code":10071,"description":"wrong last sequence: 0"},"stream":"S","seq":0}`, 0, false, "wrong last sequence: 0"},
		{`{"stream":"","seq":3}`, 0, false, jetstream.ErrInvalidJSAck.Error()},
		{`{"stream":"S","seq":}`, 0, false, jetstream.ErrInvalidJSAck.Error()},
		{`{"stream":"S","seq":99999999999999999999}`, 0, false, jetstream.ErrInvalidJSAck.Error()},
		{`{"stream":"S","seq":3`, 0, false, jetstream.ErrInvalidJSAck.Error()},
		{`{"stream":"S","seq":01}`, 0, false, jetstream.ErrInvalidJSAck.Error()},
		{`{"stream":"S","seq":0}`, 0, true, ""},
		{`not json`, 0, false, jetstream.ErrInvalidJSAck.Error()},
	} {
		_, quick := quickPubAck([]byte(c.data))
		seq, err := readPubAck([]byte(c.data))
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if quick != c.quick || seq != c.seq || (c.err == "") != (err == nil) || (err != nil && !strings.Contains(gotErr, c.err)) {
			t.Errorf("%s: quick %v, seq %d, err %v; want quick %v, seq %d, err %q", c.data, quick, seq, err, c.quick, c.seq, c.err)
		}
	}
	_, err := readPubAck([]byte(`{"error":{"code":400,"err_code":10071,"description":"wrong last sequence: 0"}}`))
	if !casConflict(err) {
		t.Errorf("a wrong-last-sequence answer is no swap conflict: %v", err)
	}
}

// FuzzPubAck: whatever quickPubAck reads, encoding/json reads the same
// sequence from, with no error.
func FuzzPubAck(f *testing.F) {
	f.Add([]byte(`{"stream":"S", "seq":1,"duplicate": true}`))
	f.Add([]byte(`{"stream":"KV_state","seq":42}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		seq, ok := quickPubAck(data)
		if !ok {
			return
		}
		var r struct {
			Error  *jetstream.APIError `json:"error"`
			Stream string              `json:"stream"`
			Seq    uint64              `json:"seq"`
		}
		if err := json.Unmarshal(data, &r); err != nil || r.Error != nil || r.Stream == "" || r.Seq != seq {
			t.Errorf("%q: quick read %d; encoding/json %+v, %v", data, seq, r, err)
		}
	})
}

// TestPublishMsgAsJetStream: publishMsg stores, deduplicates and refuses a
// swap as jetstream's PublishMsg does, on the embedded server and, when
// NATS_URL is set, on the external one (whose acknowledgements are of an
// older form).
func TestPublishMsgAsJetStream(t *testing.T) {
	servers := map[string]jetstream.JetStream{}
	_, servers["embedded"] = startServer(t)
	if url := os.Getenv("NATS_URL"); url != "" {
		nc, err := nats.Connect(url)
		if err != nil {
			t.Fatal(err)
		}
		servers["external"] = jetStreamOn(t, nc)
	}
	for name, js := range servers {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			stream := "TEST_PUBLISH_" + time.Now().Format("150405.000000")[7:]
			if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: stream, Subjects: []string{stream + ".>"}, Storage: jetstream.FileStorage}); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { js.DeleteStream(context.Background(), stream) })
			for i, want := range []uint64{1, 1, 2} {
				id := "first"
				if i == 2 {
					id = "second"
				}
				seq, err := publishData(ctx, js, stream+".a", id, []byte("x"))
				if err != nil || seq != want {
					t.Fatalf("publish %d (id %s): seq %d, %v; want %d", i, id, seq, err, want)
				}
			}
			m := nats.NewMsg(stream + ".b")
			m.Header.Set(jetstream.ExpectedLastSubjSeqHeader, "5")
			_, err := publishMsg(ctx, js, m)
			m = nats.NewMsg(stream + ".b")
			m.Header.Set(jetstream.ExpectedLastSubjSeqHeader, "5")
			_, jsErr := js.PublishMsg(ctx, m)
			if !casConflict(err) || !casConflict(jsErr) || err.Error() != jsErr.Error() {
				t.Errorf("swap from a wrong revision: %v; PublishMsg: %v", err, jsErr)
			}
			if _, err := publishData(ctx, js, "nostream."+stream, "x", nil); !errors.Is(err, jetstream.ErrNoStreamResponse) {
				t.Errorf("publish where no stream listens: %v, want %v", err, jetstream.ErrNoStreamResponse)
			}

			// A batch: stored once each, a duplicate id once in all; a
			// swap that fails and a subject no stream listens on are
			// errors naming their subject.
			bp, err := newBatchPublisher(js.Conn())
			if err != nil {
				t.Fatal(err)
			}
			batch := func(ids ...string) []*nats.Msg {
				var msgs []*nats.Msg
				for _, id := range ids {
					m := nats.NewMsg(stream + ".c")
					m.Header.Set(jetstream.MsgIDHeader, id)
					msgs = append(msgs, m)
				}
				return msgs
			}
			if err := bp.publishAll(ctx, batch("c1", "c2", "c1", "c3")); err != nil {
				t.Fatal(err)
			}
			if err := bp.publishAll(ctx, batch("c3", "c4")); err != nil {
				t.Fatal(err)
			}
			info, err := js.Stream(ctx, stream)
			if err != nil {
				t.Fatal(err)
			}
			if n := info.CachedInfo().State.Msgs; n != 2+4 {
				t.Errorf("stream holds %d messages after two batches, want 6 (2 before, c1 to c4)", n)
			}
			bad := batch("d1", "d2")
			bad[0].Header.Set(jetstream.ExpectedLastSubjSeqHeader, "99")
			bad[1].Subject = "nostream." + stream
			err = bp.publishAll(ctx, bad)
			if !casConflict(err) || !errors.Is(err, jetstream.ErrNoStreamResponse) || !strings.Contains(err.Error(), "publish nostream."+stream) {
				t.Errorf("a batch with a failed swap and no stream for a subject: %v", err)
			}
		})
	}
}

// TestRequestReturnsOnCancel: a publish whose reply never comes returns
// when its ctx is cancelled, not when the client's timeout passes; one
// whose ctx cannot be cancelled waits out that timeout, as before.
func TestRequestReturnsOnCancel(t *testing.T) {
	_, js := startServer(t)
	nc := js.Conn()
	// A subscriber that never answers: the request has a responder, so it
	// waits for a reply rather than failing with no responders.
	sub, err := nc.SubscribeSync("silent.request")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sub.Unsubscribe() })
	slow, err := jetstream.New(nc, jetstream.WithDefaultTimeout(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = request(ctx, slow, nats.NewMsg("silent.request"))
	if !errors.Is(err, context.Canceled) || time.Since(start) > 10*time.Second {
		t.Errorf("request cancelled after 100ms: %v after %v, want %v at once", err, time.Since(start), context.Canceled)
	}

	quick, err := jetstream.New(nc, jetstream.WithDefaultTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := request(context.Background(), quick, nats.NewMsg("silent.request")); !errors.Is(err, nats.ErrTimeout) {
		t.Errorf("request past the client's timeout: %v, want %v", err, nats.ErrTimeout)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	if _, err := request(ctx, quick, nats.NewMsg("silent.request")); !errors.Is(err, nats.ErrTimeout) {
		t.Errorf("request with a live ctx past the client's timeout: %v, want %v", err, nats.ErrTimeout)
	}
}
