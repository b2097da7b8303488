package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// NewHandler returns the handler of one stage. tk is used by the tokenize
// stage only and may be nil for the others; it is shared by every handler of
// the process, so prose's models are loaded once.
func NewHandler(ctx context.Context, stage string, js jetstream.JetStream, tk *extract.Tokenizer) (Handler, error) {
	switch stage {
	case StageTokenize:
		if tk == nil {
			return nil, errors.New("tokenize stage needs a tokenizer")
		}
		return tokenizeHandler(js, tk), nil
	case StageExtract:
		return extractHandler(js), nil
	case StageCompare:
		kv, err := js.KeyValue(ctx, BucketState)
		if err != nil {
			return nil, fmt.Errorf("compare stage: bucket %s: %w", BucketState, err)
		}
		return (&comparer{js: js, kv: kv}).handle, nil
	}
	_, err := stageStream(stage)
	return nil, err
}

func decode(m jetstream.Msg, v any) error {
	if err := json.Unmarshal(m.Data(), v); err != nil {
		return permanent(fmt.Errorf("decode %s: %w", m.Subject(), err))
	}
	return nil
}

func tokenizeHandler(js jetstream.JetStream, tk *extract.Tokenizer) Handler {
	return func(ctx context.Context, m jetstream.Msg) error {
		var in ArticleMsg
		if err := decode(m, &in); err != nil {
			return err
		}
		if err := ValidCollection(in.Collection); err != nil {
			return permanent(err)
		}
		meta, err := m.Metadata()
		if err != nil {
			return err
		}
		doc, err := tk.Tokenize(in.Article.Body)
		if err != nil {
			return permanent(fmt.Errorf("tokenize %s: %w", in.Article.File, err))
		}
		out := DocMsg{Collection: in.Collection, Seq: meta.Sequence.Stream, Article: in.Article, Doc: doc}
		return publishJSON(ctx, js, docsSubject(in.Collection), in.Collection+"."+in.Article.ID, out)
	}
}

func extractHandler(js jetstream.JetStream) Handler {
	return func(ctx context.Context, m jetstream.Msg) error {
		var in DocMsg
		if err := decode(m, &in); err != nil {
			return err
		}
		claims := extract.Claims(in.Article, in.Doc)
		out := ClaimsMsg{
			Collection:  in.Collection,
			Article:     metaOf(in.Article, in.Seq),
			Claims:      claims,
			Fingerprint: compare.Sign(in.Article.Body),
		}
		return publishJSON(ctx, js, claimsSubject(in.Collection), in.Collection+"."+in.Article.ID, out)
	}
}

// comparer keeps the comparison state in a KV bucket, so that compare
// workers are stateless and any number can run: every update is a
// compare-and-swap on the key's revision, retried on conflict.
type comparer struct {
	js jetstream.JetStream
	kv jetstream.KeyValue
}

// groupState is one group of comparable claims and its current verdict.
type groupState struct {
	Key     string          `json:"key"`
	Version int             `json:"version"`
	Entries []compare.Entry `json:"entries"`
	Verdict compare.Verdict `json:"verdict"`
}

// docState is what the compare stage remembers of an article to find copies.
type docState struct {
	ArticleMeta
	Fingerprint compare.Fingerprint `json:"fingerprint"`
}

// casAttempts bounds compare-and-swap retries; contention beyond it means
// something else is wrong, and the message is retried later.
const casAttempts = 64

func (c *comparer) handle(ctx context.Context, m jetstream.Msg) error {
	var in ClaimsMsg
	if err := decode(m, &in); err != nil {
		return err
	}
	coll, a := in.Collection, in.Article
	copyOf, err := c.register(ctx, coll, a, in.Fingerprint)
	if err != nil {
		return err
	}
	groups := make(map[string][]compare.Entry)
	for _, cl := range in.Claims {
		if !compare.Comparable(cl) {
			continue
		}
		k := compare.Key(cl)
		groups[k] = append(groups[k], compare.Entry{Claim: cl, Source: a.Source, Published: a.Published, CopyOf: copyOf})
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ev, err := c.update(ctx, coll, k, a.ID, groups[k])
		if err != nil {
			return err
		}
		subj := VerdictSubject(coll, string(ev.Verdict.Status), ev.Verdict.Subject)
		id := fmt.Sprintf("%s.v.%s.%d", coll, ev.Verdict.ID, ev.Version)
		if err := publishJSON(ctx, c.js, subj, id, ev); err != nil {
			return err
		}
	}
	done := ComparedMsg{Collection: coll, Article: a.ID, CopyOf: copyOf, Groups: len(keys)}
	return publishJSON(ctx, c.js, comparedSubject(coll, a.ID), coll+".c."+a.ID, done)
}

// update adds an article's entries to a group and judges it again. A
// redelivered article finds its entries already there and gets the current
// event back, which JetStream's duplicate window then drops if it was sent.
func (c *comparer) update(ctx context.Context, coll, key, article string, entries []compare.Entry) (VerdictEvent, error) {
	kvKey := stateKey(coll, "g", shortHash(key))
	for range casAttempts {
		st := groupState{Key: key}
		var rev uint64
		e, err := c.kv.Get(ctx, kvKey)
		switch {
		case err == nil:
			rev = e.Revision()
			if err := json.Unmarshal(e.Value(), &st); err != nil {
				return VerdictEvent{}, permanent(fmt.Errorf("group %s: %w", kvKey, err))
			}
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			return VerdictEvent{}, fmt.Errorf("group %s: %w", kvKey, err)
		}
		if slices.ContainsFunc(st.Entries, func(e compare.Entry) bool { return e.Claim.Article == article }) {
			return VerdictEvent{Collection: coll, Version: st.Version, Verdict: st.Verdict}, nil
		}
		prev := st.Verdict.Status
		st.Entries = append(st.Entries, entries...)
		slices.SortFunc(st.Entries, func(a, b compare.Entry) int { return strings.Compare(a.Claim.ID, b.Claim.ID) })
		st.Verdict = compare.Judge(st.Entries)
		st.Version++
		data, err := json.Marshal(st)
		if err != nil {
			return VerdictEvent{}, permanent(err)
		}
		if rev == 0 {
			_, err = c.kv.Create(ctx, kvKey, data)
		} else {
			_, err = c.kv.Update(ctx, kvKey, data, rev)
		}
		if err == nil {
			return VerdictEvent{Collection: coll, Version: st.Version, Previous: prev, Verdict: st.Verdict}, nil
		}
		if !casConflict(err) {
			return VerdictEvent{}, fmt.Errorf("group %s: %w", kvKey, err)
		}
	}
	return VerdictEvent{}, fmt.Errorf("group %s: still contended after %d attempts", kvKey, casAttempts)
}

// register stores an article's fingerprint and finds an earlier article it
// copies, through locality-sensitive hash bands: each band is a key listing
// the articles that share it, so finding candidates costs a few reads however
// many articles the collection holds.
func (c *comparer) register(ctx context.Context, coll string, a ArticleMeta, fp compare.Fingerprint) (string, error) {
	data, err := json.Marshal(docState{ArticleMeta: a, Fingerprint: fp})
	if err != nil {
		return "", permanent(err)
	}
	if _, err := c.kv.Put(ctx, stateKey(coll, "doc", a.ID), data); err != nil {
		return "", fmt.Errorf("store fingerprint of %s: %w", a.ID, err)
	}
	// The bands are independent keys: append to them all at once, so an
	// article costs a few round trips rather than one per band.
	bands := fp.Bands(compare.DefaultBands)
	lists := make([][]string, len(bands))
	errs := make([]error, len(bands))
	var wg sync.WaitGroup
	sem := make(chan struct{}, bandsInFlight)
	for i, band := range bands {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			lists[i], errs[i] = c.appendBand(ctx, stateKey(coll, "lsh", strings.ReplaceAll(band, ":", "_")), a.ID)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	seen := make(map[string]bool)
	var candidates []string
	for _, ids := range lists {
		for _, id := range ids {
			if id != a.ID && !seen[id] {
				seen[id] = true
				candidates = append(candidates, id)
			}
		}
	}
	slices.Sort(candidates)
	var best *docState
	for _, id := range candidates {
		e, err := c.kv.Get(ctx, stateKey(coll, "doc", id))
		if err != nil {
			return "", fmt.Errorf("fingerprint of %s: %w", id, err)
		}
		var d docState
		if err := json.Unmarshal(e.Value(), &d); err != nil {
			continue
		}
		if !fp.NearDuplicate(d.Fingerprint) {
			continue
		}
		if best == nil || earlier(d.ArticleMeta, best.ArticleMeta) {
			best = &d
		}
	}
	if best == nil {
		return "", nil
	}
	return best.ID, nil
}

// bandsInFlight bounds the band appends one article has in flight.
const bandsInFlight = 16

// appendBand adds id to the list under key and returns the list as it was.
func (c *comparer) appendBand(ctx context.Context, key, id string) ([]string, error) {
	// Most bands of an article are shared with no other: creating the key
	// settles those in one round trip.
	_, err := c.kv.Create(ctx, key, []byte(id))
	if err == nil {
		return nil, nil
	}
	if !casConflict(err) {
		return nil, fmt.Errorf("band %s: %w", key, err)
	}
	for range casAttempts {
		var ids []string
		var rev uint64
		e, err := c.kv.Get(ctx, key)
		switch {
		case err == nil:
			rev = e.Revision()
			ids = strings.Fields(string(e.Value()))
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			return nil, fmt.Errorf("band %s: %w", key, err)
		}
		if slices.Contains(ids, id) {
			return ids, nil
		}
		val := []byte(strings.Join(append(slices.Clone(ids), id), " "))
		if rev == 0 {
			_, err = c.kv.Create(ctx, key, val)
		} else {
			_, err = c.kv.Update(ctx, key, val, rev)
		}
		if err == nil {
			return ids, nil
		}
		if !casConflict(err) {
			return nil, fmt.Errorf("band %s: %w", key, err)
		}
	}
	return nil, fmt.Errorf("band %s: still contended after %d attempts", key, casAttempts)
}

// earlier orders articles by publication date, then arrival.
func earlier(a, b ArticleMeta) bool {
	if a.Published != b.Published && a.Published != "" && b.Published != "" {
		return a.Published < b.Published
	}
	return a.Seq < b.Seq
}

func casConflict(err error) bool {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence {
		return true
	}
	return errors.Is(err, jetstream.ErrKeyExists)
}
