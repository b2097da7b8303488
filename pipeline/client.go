package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// Client submits articles to the pipeline and collects what it made of them.
// It is safe for concurrent use.
type Client struct {
	js jetstream.JetStream

	kvMu sync.Mutex
	kv   jetstream.KeyValue // BucketState, once opened
}

// NewClient returns a client on js. Setup must have run on the server.
func NewClient(js jetstream.JetStream) *Client { return &Client{js: js} }

// Submit publishes an article to a collection. Submitting the same body to
// a collection again, however much later, is reported as a duplicate and
// counts once: the collection remembers its articles in BucketState, which
// the client must be allowed to read and write (the pipeline role). A
// system that publishes on NATS directly (the submitter role) gets the
// stream's duplicate window, and the tokenize stage drops what it
// resubmits after that.
func (c *Client) Submit(ctx context.Context, coll string, a extract.Article) (duplicate bool, err error) {
	if err := ValidCollection(coll); err != nil {
		return false, err
	}
	kv, err := c.stateBucket(ctx)
	if err != nil {
		return false, fmt.Errorf("submit %s: %w", a.File, err)
	}
	key := submittedKey(coll, a.ID)
	if _, err := kv.Get(ctx, key); err == nil {
		return true, nil
	} else if !errors.Is(err, jetstream.ErrKeyNotFound) {
		return false, fmt.Errorf("submit %s: %w", a.File, err)
	}
	data, err := json.Marshal(ArticleMsg{Collection: coll, Article: a})
	if err != nil {
		return false, fmt.Errorf("encode %s: %w", a.File, err)
	}
	ack, err := c.js.Publish(ctx, articlesSubject(coll), data, jetstream.WithMsgID(coll+"."+a.ID))
	if err != nil {
		return false, fmt.Errorf("submit %s: %w", a.File, err)
	}
	if ack.Duplicate {
		return true, nil
	}
	// Recorded now, not only when the stage takes it, so that a
	// resubmission while it waits is a duplicate however long it waits.
	first, err := firstSubmission(ctx, kv, coll, a.ID, ack.Sequence)
	if err != nil {
		return false, fmt.Errorf("submit %s: %w", a.File, err)
	}
	return !first, nil
}

// stateBucket is BucketState, opened, and its format checked
// (CheckFormat), on first use.
func (c *Client) stateBucket(ctx context.Context) (jetstream.KeyValue, error) {
	c.kvMu.Lock()
	defer c.kvMu.Unlock()
	if c.kv == nil {
		// A client writes the state too (submitted articles): it marks a
		// new bucket, or refuses another format, as a stage does.
		if err := CheckFormat(ctx, c.js); err != nil {
			return nil, err
		}
		kv, err := c.js.KeyValue(ctx, BucketState)
		if err != nil {
			return nil, fmt.Errorf("bucket %s: %w", BucketState, err)
		}
		c.kv = kv
	}
	return c.kv, nil
}

// Outcome is what the pipeline made of one article.
type Outcome struct {
	Article     ArticleMeta
	Claims      []extract.Claim
	Fingerprint compare.Fingerprint
	CopyOf      string // set by Collect: the earliest article this one copies
}

// Collection is a collection's articles and its verdicts' latest versions.
type Collection struct {
	Articles []Outcome      // in arrival order
	Verdicts []VerdictEvent // sorted by subject, attribute, id
	Dead     []DeadMsg      // messages of this collection set aside
}

// Await waits until every article in ids has been compared or set aside in
// the dead-letter stream, or ctx is done.
func (c *Client) Await(ctx context.Context, coll string, ids []string) error {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	done := make(chan string, 64)
	stop, err := c.follow(ctx, StreamCompared, "crosscheck.compared."+coll+".*", func(m jetstream.Msg) {
		done <- subjectToken(m.Subject(), 3)
	})
	if err != nil {
		return err
	}
	defer stop()
	stopDead, err := c.follow(ctx, StreamDead, "crosscheck.dead."+coll+".*", func(m jetstream.Msg) {
		var d DeadMsg
		if json.Unmarshal(m.Data(), &d) == nil && d.Article != "" {
			done <- d.Article
		}
	})
	if err != nil {
		return err
	}
	defer stopDead()
	for len(want) > 0 {
		select {
		case id := <-done:
			delete(want, id)
		case <-ctx.Done():
			return fmt.Errorf("await %d article(s) of %s: %w", len(want), coll, context.Cause(ctx))
		}
	}
	return nil
}

// follow delivers every message on filter, past and future, to fn until
// stop is called.
func (c *Client) follow(ctx context.Context, stream, filter string, fn func(jetstream.Msg)) (stop func(), err error) {
	cons, err := c.js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return nil, fmt.Errorf("follow %s: %w", filter, err)
	}
	cc, err := cons.Consume(fn)
	if err != nil {
		return nil, fmt.Errorf("follow %s: %w", filter, err)
	}
	return cc.Stop, nil
}

// Collect reads a collection as it stands: every article's claims, the
// latest version of every verdict, and what was set aside.
func (c *Client) Collect(ctx context.Context, coll string) (*Collection, error) {
	var out Collection
	err := c.readAll(ctx, StreamClaims, claimsSubject(coll), func(m jetstream.Msg) error {
		var cm ClaimsMsg
		if err := json.Unmarshal(m.Data(), &cm); err != nil {
			return fmt.Errorf("decode claims: %w", err)
		}
		out.Articles = append(out.Articles, Outcome{Article: cm.Article, Claims: cm.Claims, Fingerprint: cm.Fingerprint})
		return nil
	})
	if err != nil {
		return nil, err
	}
	latest := make(map[string]VerdictEvent)
	// Exact depth, not ">": nats-server 2.9 rejects ">" under a stream of
	// "*.*.*" subjects.
	err = c.readAll(ctx, StreamVerdicts, "crosscheck.verdicts."+coll+".*.*", func(m jetstream.Msg) error {
		var ev VerdictEvent
		if err := json.Unmarshal(m.Data(), &ev); err != nil {
			return fmt.Errorf("decode verdict: %w", err)
		}
		if cur, ok := latest[ev.Verdict.ID]; !ok || ev.Version > cur.Version {
			latest[ev.Verdict.ID] = ev
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, ev := range latest {
		// A group split by time is listed as its parts.
		for _, v := range ev.Verdict.Flat() {
			part := ev
			part.Verdict = v
			out.Verdicts = append(out.Verdicts, part)
		}
	}
	slices.SortFunc(out.Verdicts, func(a, b VerdictEvent) int {
		return strings.Compare(a.Verdict.Subject+"\x00"+a.Verdict.Attribute+"\x00"+a.Verdict.ID,
			b.Verdict.Subject+"\x00"+b.Verdict.Attribute+"\x00"+b.Verdict.ID)
	})
	err = c.readAll(ctx, StreamDead, "crosscheck.dead."+coll+".*", func(m jetstream.Msg) error {
		var d DeadMsg
		if err := json.Unmarshal(m.Data(), &d); err != nil {
			return fmt.Errorf("decode dead letter: %w", err)
		}
		out.Dead = append(out.Dead, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out.Articles, func(a, b Outcome) int { return int(a.Article.Seq) - int(b.Article.Seq) })
	markCopies(out.Articles)
	return &out, nil
}

// markCopies points every copy at the earliest article of its group of
// near-duplicates, whichever order the compare workers saw them in.
func markCopies(arts []Outcome) {
	docs := make([]compare.Doc, len(arts))
	for i, a := range arts {
		docs[i] = compare.Doc{ID: a.Article.ID, Seq: int(a.Article.Seq), Published: a.Article.Published, Source: a.Article.Source, Fingerprint: a.Fingerprint}
	}
	copies := compare.Copies(docs)
	for i := range arts {
		arts[i].CopyOf = copies[arts[i].Article.ID]
	}
}

// readAll reads every message now stored on filter, in order.
func (c *Client) readAll(ctx context.Context, stream, filter string, fn func(jetstream.Msg) error) error {
	s, err := c.js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("read %s: %w", filter, err)
	}
	cons, err := s.CreateConsumer(ctx, jetstream.ConsumerConfig{
		FilterSubject:     filter,
		AckPolicy:         jetstream.AckNonePolicy,
		DeliverPolicy:     jetstream.DeliverAllPolicy,
		InactiveThreshold: time.Minute,
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", filter, err)
	}
	defer s.DeleteConsumer(context.WithoutCancel(ctx), cons.CachedInfo().Name)
	pending := cons.CachedInfo().NumPending
	for got := uint64(0); got < pending; {
		batch, err := cons.Fetch(int(min(pending-got, 256)), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			return fmt.Errorf("read %s: %w", filter, err)
		}
		n := 0
		for m := range batch.Messages() {
			n++
			if err := fn(m); err != nil {
				return err
			}
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			return fmt.Errorf("read %s: %w", filter, err)
		}
		if n == 0 {
			return fmt.Errorf("read %s: stream stopped after %d of %d messages", filter, got, pending)
		}
		got += uint64(n)
	}
	return nil
}
