package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrPermanent marks a failure that no retry can fix, such as a message that
// does not decode. Such a message is set aside in the dead-letter stream at
// once instead of being retried.
var ErrPermanent = errors.New("permanent failure")

// permanent wraps err so that errors.Is(err, ErrPermanent) holds.
func permanent(err error) error { return fmt.Errorf("%w: %w", ErrPermanent, err) }

// Handler processes one message. It returns nil only after its output is
// stored by JetStream; the worker then acks the message. A returned error
// wrapping ErrPermanent sends the message to the dead-letter stream; any other
// error is retried, up to maxDeliver deliveries in all.
type Handler func(ctx context.Context, m jetstream.Msg) error

// Worker runs one stage: it consumes the stage's durable consumer with a
// number of concurrent handlers. Several workers, in one process or many,
// share the stage's work. The zero value of every field but Stage, JS and
// Handle means its default; Validate says whether a Worker can run.
type Worker struct {
	Stage    string
	JS       jetstream.JetStream
	Handle   Handler
	Parallel int           // concurrent handlers; 0 means StageParallel(Stage, DefaultParallel())
	Drain    time.Duration // how long shutdown waits for in-flight messages; 0 means 10s
	Log      *slog.Logger  // nil means slog.Default()
	// Partitions is the parts whose claims a compare worker takes, from
	// their consumers (PartitionConsumer); nil means every part. Give its
	// handler the same (NewCompareHandler), which refuses other parts'
	// claims: they would be retried and, after maxDeliver tries, set
	// aside. Other stages have one consumer and no parts.
	Partitions []int
}

// ErrUnknownStage is returned for a stage name that is not one of Stages.
var ErrUnknownStage = errors.New("unknown stage")

// ErrInvalidWorker is wrapped by Validate's errors.
var ErrInvalidWorker = errors.New("invalid worker")

// Validate reports what keeps w from running: an unknown stage (wrapping
// ErrUnknownStage), no JetStream or handler, a negative count or duration
// (wrapping ErrInvalidWorker).
func (w *Worker) Validate() error {
	if _, err := stageStream(w.Stage); err != nil {
		return err
	}
	switch {
	case w.JS == nil:
		return fmt.Errorf("%w: stage %s: no JetStream", ErrInvalidWorker, w.Stage)
	case w.Handle == nil:
		return fmt.Errorf("%w: stage %s: no handler", ErrInvalidWorker, w.Stage)
	case w.Parallel < 0:
		return fmt.Errorf("%w: stage %s: parallel %d", ErrInvalidWorker, w.Stage, w.Parallel)
	case w.Drain < 0:
		return fmt.Errorf("%w: stage %s: drain %s", ErrInvalidWorker, w.Stage, w.Drain)
	case w.Partitions != nil && w.Stage != StageCompare:
		return fmt.Errorf("%w: stage %s: parts are the compare stage's", ErrInvalidWorker, w.Stage)
	case w.Partitions != nil && len(w.Partitions) == 0:
		return fmt.Errorf("%w: stage %s: no parts", ErrInvalidWorker, w.Stage)
	}
	for _, p := range w.Partitions {
		if p < 0 || p >= Partitions {
			return fmt.Errorf("%w: stage %s: part %d of %d", ErrInvalidWorker, w.Stage, p, Partitions)
		}
	}
	return nil
}

// consumers names the durable consumers w takes messages from.
func (w *Worker) consumers() []string {
	if w.Stage != StageCompare {
		return []string{w.Stage}
	}
	parts := w.Partitions
	if parts == nil {
		parts = AllPartitions()
	}
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = PartitionConsumer(p)
	}
	return names
}

// defaults returns w with its zero fields set to their defaults.
func (w Worker) defaults() Worker {
	if w.Parallel == 0 {
		w.Parallel = StageParallel(w.Stage, DefaultParallel())
	}
	if w.Drain == 0 {
		w.Drain = 10 * time.Second
	}
	if w.Log == nil {
		w.Log = slog.Default()
	}
	return w
}

// DefaultParallel is how many messages each of the tokenize and extract
// stages handles at once in a process unless told otherwise: twice the
// CPUs it may use, as more messages in flight share each round trip's
// flush and wake-up (measurements in docs/performance.md).
func DefaultParallel() int { return 2 * runtime.GOMAXPROCS(0) }

// StageParallel is how many messages a stage handles at once where each
// other stage handles n: the compare stage spends most of an article
// waiting on KV round trips, so it takes twice as many.
func StageParallel(stage string, n int) int {
	if stage == StageCompare {
		return 2 * n
	}
	return n
}

// Run consumes until ctx is done, then stops taking messages and waits for
// those in flight, bounded by w.Drain. Unfinished messages are redelivered to
// another worker after their ack wait.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.Validate(); err != nil {
		return err
	}
	stream, _ := stageStream(w.Stage)
	cfg := w.defaults()
	log := cfg.Log
	var conses []jetstream.Consumer
	for _, name := range w.consumers() {
		cons, err := w.JS.Consumer(ctx, stream, name)
		if err != nil {
			return fmt.Errorf("stage %s: consumer %s: %w", w.Stage, name, err)
		}
		conses = append(conses, cons)
	}
	// In-flight work outlives ctx: it gets the drain period to finish and
	// store its output rather than being cut off mid-publish.
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	errHandler := jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
		if !errors.Is(err, jetstream.ErrNoHeartbeat) {
			log.Debug("consume", "stage", w.Stage, "err", err)
		}
	})
	parallel := cfg.Parallel
	var ccs []jetstream.ConsumeContext
	var inFlight sync.WaitGroup
	consume := func(cons jetstream.Consumer, handle jetstream.MessageHandler, opts ...jetstream.PullConsumeOpt) error {
		cc, err := cons.Consume(handle, append(opts, errHandler)...)
		if err != nil {
			for _, c := range ccs {
				c.Stop()
			}
			return fmt.Errorf("stage %s: consume: %w", w.Stage, err)
		}
		ccs = append(ccs, cc)
		return nil
	}
	if len(conses) == 1 {
		// A pull of two per handler: each of the handlers' subscriptions
		// has its next message at hand.
		for range parallel {
			if err := consume(conses[0], func(m jetstream.Msg) { w.process(workCtx, log, m) }, jetstream.PullMaxMessages(2)); err != nil {
				return err
			}
		}
	} else {
		// One subscription per part, whose messages go to the handlers
		// shared by every part: a part that has work, as one busy
		// collection, gets them all, and idle parts cost a subscription
		// each, not one per handler. A subscription waits while every
		// handler is busy, holding what it has pulled.
		slots := make(chan struct{}, parallel)
		handle := func(m jetstream.Msg) {
			slots <- struct{}{}
			inFlight.Add(1)
			goSpare(func() {
				defer inFlight.Done()
				defer func() { <-slots }()
				w.process(workCtx, log, m)
			})
		}
		for _, cons := range conses {
			if err := consume(cons, handle, jetstream.PullMaxMessages(max(2, parallel/len(conses)))); err != nil {
				return err
			}
		}
	}
	<-ctx.Done()
	drain := cfg.Drain
	var wg sync.WaitGroup
	for _, cc := range ccs {
		cc.Drain()
		wg.Go(func() {
			select {
			case <-cc.Closed():
			case <-time.After(drain):
				cc.Stop()
			}
		})
	}
	wg.Wait()
	// Handlers started from a subscription that has closed.
	finished := make(chan struct{})
	go func() { inFlight.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(drain):
	}
	return nil
}

func (w *Worker) process(ctx context.Context, log *slog.Logger, m jetstream.Msg) {
	meta, err := m.Metadata()
	if err != nil {
		log.Error("message without metadata", "stage", w.Stage, "subject", m.Subject(), "err", err)
		m.Term()
		return
	}
	err = w.safeHandle(ctx, m)
	if err == nil {
		if err := m.Ack(); err != nil {
			// Redelivery is harmless: every stage's output is idempotent.
			log.Warn("ack", "stage", w.Stage, "subject", m.Subject(), "err", err)
		}
		return
	}
	if !errors.Is(err, ErrPermanent) && meta.NumDelivered < maxDeliver {
		log.Warn("retry", "stage", w.Stage, "subject", m.Subject(), "delivery", meta.NumDelivered, "err", err)
		m.NakWithDelay(backoff(meta.NumDelivered))
		return
	}
	if derr := w.deadLetter(ctx, m, meta, err); derr != nil {
		log.Error("dead-letter", "stage", w.Stage, "subject", m.Subject(), "err", derr)
		m.NakWithDelay(backoff(meta.NumDelivered))
		return
	}
	log.Warn("set aside", "stage", w.Stage, "subject", m.Subject(), "reason", err)
	m.TermWithReason(clipReason(err.Error()))
}

// safeHandle runs the handler, turning a panic into a permanent error: the
// same input would panic again, so it is set aside instead of crashing the
// process and every message in flight with it.
func (w *Worker) safeHandle(ctx context.Context, m jetstream.Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = permanent(fmt.Errorf("panic in %s stage: %v", w.Stage, r))
		}
	}()
	return w.Handle(ctx, m)
}

// deadLetter stores m with the reason it failed, so that an operator can see
// it and nothing accepted is silently lost.
func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, meta *jetstream.MsgMetadata, cause error) error {
	coll := subjectToken(m.Subject(), 2)
	if w.Stage == StageCompare {
		coll = subjectToken(m.Subject(), 3) // crosscheck.claims.<partition>.<coll>
	}
	var probe struct {
		Article struct {
			ID   string `json:"id"`
			File string `json:"file"`
		} `json:"article"`
	}
	_ = json.Unmarshal(m.Data(), &probe) // best effort: the message may not decode
	dead := DeadMsg{
		Collection: coll,
		Stage:      w.Stage,
		Subject:    m.Subject(),
		Article:    probe.Article.ID,
		File:       probe.Article.File,
		Reason:     cause.Error(),
		Deliveries: meta.NumDelivered,
		Data:       m.Data(),
	}
	id := fmt.Sprintf("dead.%s.%d", w.Stage, meta.Sequence.Stream)
	err := publishJSON(ctx, w.JS, deadSubject(Token(coll), w.Stage), id, dead)
	if errors.Is(err, ErrPermanent) {
		// Too large with its data (base64 makes it a third larger than the
		// message): set aside without it rather than not at all.
		dead.Data = nil
		dead.Reason += fmt.Sprintf(" (message of %d bytes left out: %v)", len(m.Data()), err)
		return publishJSON(ctx, w.JS, deadSubject(Token(coll), w.Stage), id, dead)
	}
	return err
}

func stageStream(stage string) (string, error) {
	for i, s := range Stages() {
		if s == stage {
			return inputStream[i], nil
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownStage, stage, strings.Join(Stages(), ", "))
}

func backoff(delivered uint64) time.Duration {
	d := 250 * time.Millisecond << min(delivered, 5)
	return min(d, 5*time.Second)
}

func subjectToken(subject string, i int) string {
	parts := strings.Split(subject, ".")
	if i < len(parts) {
		return parts[i]
	}
	return ""
}

func clipReason(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

// publishJSON stores v on subject and waits for JetStream to confirm it.
// msgID makes a retried publish a no-op within the duplicate window.
func publishJSON(ctx context.Context, js jetstream.JetStream, subject, msgID string, v any) error {
	data, err := encodeJSON(v)
	if err != nil {
		return permanent(fmt.Errorf("encode %s: %w", subject, err))
	}
	if _, err := publishData(ctx, js, subject, msgID, data); err != nil {
		return publishFailed(subject, err)
	}
	return nil
}

// encodeJSON is json.Marshal, but for a message that marshals itself
// (DocMsg), whose compact JSON json.Marshal would scan again to check and
// compact it: a tokenized article's is some 10 KB.
func encodeJSON(v any) ([]byte, error) {
	if m, ok := v.(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return json.Marshal(v)
}

// ackTimeout bounds the wait for JetStream to store a handler's output.
const ackTimeout = 10 * time.Second
