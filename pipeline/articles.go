package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
)

// ArticleStatus is where an article stands in the pipeline.
type ArticleStatus string

// The statuses ArticleIndex.Lookup reports.
const (
	ArticlePending   ArticleStatus = "pending"   // submitted, claims not yet extracted
	ArticleExtracted ArticleStatus = "extracted" // claims extracted, not yet compared
	ArticleCompared  ArticleStatus = "compared"  // claims extracted and in the verdicts
	ArticleFailed    ArticleStatus = "failed"    // set aside in the dead-letter stream
)

// ArticleState is what ArticleIndex.Lookup knows of one article.
type ArticleState struct {
	ID      string          `json:"id"`
	Status  ArticleStatus   `json:"status"`
	Article *ArticleMeta    `json:"article,omitempty"` // once extracted
	Claims  []extract.Claim `json:"claims,omitempty"`  // once extracted
	CopyOf  string          `json:"copy_of,omitempty"` // once compared: the earlier article this one copies
	Story   string          `json:"story,omitempty"`   // once compared: the story it is filed under in its collection
	Stage   string          `json:"stage,omitempty"`   // the stage that set it aside
	Reason  string          `json:"reason,omitempty"`  // why it was set aside
}

// ArticleIndex follows one collection's articles, claims and dead letters
// and answers where each article stands. It keeps only ids and stream
// sequences in memory (tens of bytes per article); claims are read from
// StreamClaims on lookup. It is safe for concurrent use.
type ArticleIndex struct {
	coll   string
	claims jetstream.Stream

	mu        sync.Mutex
	submitted map[string]bool
	extracted map[string]uint64      // article id → sequence in StreamClaims
	compared  map[string]ComparedMsg // article id → what comparing it found
	dead      map[string]DeadMsg
	behind    int           // followers still reading what was stored at start
	ready     chan struct{} // closed when behind reaches 0
	err       error         // the first follower that stopped on an error
}

// IndexArticles starts following coll's streams and returns the index. It
// reads what is stored, then keeps up until ctx is done.
func (c *Client) IndexArticles(ctx context.Context, coll string) (*ArticleIndex, error) {
	if err := ValidCollection(coll); err != nil {
		return nil, err
	}
	claims, err := c.js.Stream(ctx, StreamClaims)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", coll, err)
	}
	ix := &ArticleIndex{
		coll:      coll,
		claims:    claims,
		submitted: make(map[string]bool),
		extracted: make(map[string]uint64),
		compared:  make(map[string]ComparedMsg),
		dead:      make(map[string]DeadMsg),
		behind:    4,
		ready:     make(chan struct{}),
	}
	follows := []struct {
		stream, filter string
		headersOnly    bool
		fn             func(jetstream.Msg, uint64)
	}{
		{StreamArticles, articlesSubject(coll), true, func(m jetstream.Msg, _ uint64) {
			ix.NoteSubmitted(ix.idOf(m))
		}},
		{StreamClaims, claimsSubject(coll), true, func(m jetstream.Msg, seq uint64) {
			ix.mu.Lock()
			ix.extracted[ix.idOf(m)] = seq
			ix.mu.Unlock()
		}},
		{StreamCompared, "crosscheck.compared." + coll + ".*", false, func(m jetstream.Msg, _ uint64) {
			var cm ComparedMsg
			if json.Unmarshal(m.Data(), &cm) == nil && cm.Article != "" {
				ix.mu.Lock()
				ix.compared[cm.Article] = ComparedMsg{CopyOf: cm.CopyOf, Story: cm.Story}
				ix.mu.Unlock()
			}
		}},
		{StreamDead, "crosscheck.dead." + coll + ".*", false, func(m jetstream.Msg, _ uint64) {
			var d DeadMsg
			if json.Unmarshal(m.Data(), &d) == nil && d.Article != "" {
				d.Data = nil
				ix.mu.Lock()
				ix.dead[d.Article] = d
				ix.mu.Unlock()
			}
		}},
	}
	for _, f := range follows {
		if err := ix.follow(ctx, c.js, f.stream, f.filter, f.headersOnly, f.fn); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// idOf reads an article id from a message's Nats-Msg-Id, "<coll>.<id>".
func (ix *ArticleIndex) idOf(m jetstream.Msg) string {
	return strings.TrimPrefix(m.Headers().Get(jetstream.MsgIDHeader), ix.coll+".")
}

// follow reads every message on filter, past and future, in a goroutine
// that ends with ctx.
func (ix *ArticleIndex) follow(ctx context.Context, js jetstream.JetStream, stream, filter string, headersOnly bool, fn func(jetstream.Msg, uint64)) error {
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("index %s: %w", filter, err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(filter))
	if err != nil {
		return fmt.Errorf("index %s: %w", filter, err)
	}
	var stored uint64
	for _, n := range info.State.Subjects {
		stored += n
	}
	cons, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{filter},
		HeadersOnly:    headersOnly,
	})
	if err != nil {
		return fmt.Errorf("index %s: %w", filter, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("index %s: %w", filter, err)
	}
	caught := stored == 0
	if caught {
		ix.caughtUp()
	}
	go func() {
		defer it.Stop()
		var seen uint64
		for {
			m, err := it.Next(jetstream.NextContext(ctx))
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				ix.fail(fmt.Errorf("index %s: %w", filter, err))
				return
			}
			meta, err := m.Metadata()
			if err != nil {
				continue
			}
			fn(m, meta.Sequence.Stream)
			seen++
			// Messages can expire between counting and reading, so an
			// empty backlog also counts as caught up.
			if !caught && (seen >= stored || meta.NumPending == 0) {
				caught = true
				ix.caughtUp()
			}
		}
	}()
	return nil
}

func (ix *ArticleIndex) caughtUp() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.behind--
	if ix.behind == 0 {
		close(ix.ready)
	}
}

func (ix *ArticleIndex) fail(err error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.err == nil {
		ix.err = err
	}
}

// NoteSubmitted records that id was accepted, so that a lookup right after
// submitting does not depend on the follower having seen it yet.
func (ix *ArticleIndex) NoteSubmitted(id string) {
	ix.mu.Lock()
	ix.submitted[id] = true
	ix.mu.Unlock()
}

// Lookup reports where article id stands: ArticleCompared or
// ArticleExtracted with its claims,
// ArticleFailed with the reason it was set aside, ArticlePending, or
// ErrUnknownArticle. Right after the index starts, Lookup waits, bounded by
// ctx, until the index has read what the streams held at its start.
func (ix *ArticleIndex) Lookup(ctx context.Context, id string) (ArticleState, error) {
	select {
	case <-ix.ready:
	case <-ctx.Done():
		return ArticleState{}, fmt.Errorf("lookup %s: index still loading: %w", id, context.Cause(ctx))
	}
	ix.mu.Lock()
	seq, extracted := ix.extracted[id]
	done, compared := ix.compared[id]
	dead, failed := ix.dead[id]
	submitted := ix.submitted[id]
	ferr := ix.err
	ix.mu.Unlock()
	switch {
	case extracted:
		raw, err := ix.claims.GetMsg(ctx, seq)
		if err != nil {
			return ArticleState{}, fmt.Errorf("lookup %s: claims at %d: %w", id, seq, err)
		}
		var cm ClaimsMsg
		if err := json.Unmarshal(raw.Data, &cm); err != nil {
			return ArticleState{}, fmt.Errorf("lookup %s: decode claims: %w", id, err)
		}
		claims := cm.Claims
		if claims == nil {
			claims = []extract.Claim{}
		}
		st := ArticleState{ID: id, Status: ArticleExtracted, Article: &cm.Article, Claims: claims}
		if compared {
			st.Status, st.CopyOf, st.Story = ArticleCompared, done.CopyOf, done.Story
		}
		return st, nil
	case failed:
		return ArticleState{ID: id, Status: ArticleFailed, Stage: dead.Stage, Reason: dead.Reason}, nil
	case submitted:
		return ArticleState{ID: id, Status: ArticlePending}, nil
	case ferr != nil:
		return ArticleState{}, ferr
	}
	return ArticleState{}, fmt.Errorf("lookup %s in %s: %w", id, ix.coll, ErrUnknownArticle)
}
