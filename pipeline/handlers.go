package pipeline

import (
	"context"
	"errors"
	"fmt"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// NewHandler returns the handler of one stage. tk is used by the tokenize
// stage only and may be nil for the others; it is shared by every handler of
// the process, so prose's models are loaded once. The compare stage's
// handler takes every part (NewCompareHandler) and keeps an index of
// StreamBands up to date until ctx is done.
func NewHandler(ctx context.Context, stage string, js jetstream.JetStream, tk *extract.Tokenizer) (Handler, error) {
	switch stage {
	case StageTokenize:
		if tk == nil {
			return nil, errors.New("tokenize stage needs a tokenizer")
		}
		kv, err := js.KeyValue(ctx, BucketState)
		if err != nil {
			return nil, fmt.Errorf("tokenize stage: bucket %s: %w", BucketState, err)
		}
		return tokenizeHandler(js, kv, tk), nil
	case StageExtract:
		// Loaded now, not by the first article: a stage process says it
		// is running once it can take work at full speed.
		if err := extract.LoadModels(); err != nil {
			return nil, fmt.Errorf("extract stage: %w", err)
		}
		return extractHandler(js), nil
	case StageCompare:
		return NewCompareHandler(ctx, js, AllPartitions())
	}
	_, err := stageStream(stage)
	return nil, err
}

// NewCompareHandler returns the compare stage's handler for the claims of
// parts (see Partitions): its band index follows only their part of
// StreamBands, until ctx is done, and it refuses, for a retry elsewhere,
// claims of another part. A Worker with the same Partitions gives it only
// theirs.
func NewCompareHandler(ctx context.Context, js jetstream.JetStream, parts []int) (Handler, error) {
	c, err := newComparer(ctx, js, parts)
	if err != nil {
		return nil, fmt.Errorf("compare stage: %w", err)
	}
	return c.handle, nil
}

// decode reads a message others may have written (a submitted article)
// with encoding/json's leniency, through the JSON v2 decoder with v1's
// options: one pass over the message where encoding/json checks it whole
// before decoding it, 9 us against 16 for a 3 KB article.
func decode(m jetstream.Msg, v any) error {
	if err := jsonv2.Unmarshal(m.Data(), v, jsonv1.DefaultOptionsV1()); err != nil {
		return permanent(fmt.Errorf("decode %s: %w", m.Subject(), err))
	}
	return nil
}

// decodeOwn is decode for the messages a stage of this package encoded
// (see unmarshalOwn).
func decodeOwn(m jetstream.Msg, v any) error {
	if err := unmarshalOwn(m.Data(), v); err != nil {
		return permanent(fmt.Errorf("decode %s: %w", m.Subject(), err))
	}
	return nil
}

// tokenizeHandler tokenizes a submitted article once: a resubmission of
// an article its collection has (firstSubmission) is acked and dropped.
func tokenizeHandler(js jetstream.JetStream, kv jetstream.KeyValue, tk *extract.Tokenizer) Handler {
	return func(ctx context.Context, m jetstream.Msg) error {
		var in ArticleMsg
		if err := decode(m, &in); err != nil {
			return err
		}
		if err := checkSubmitted(js, m, in); err != nil {
			return err
		}
		meta, err := m.Metadata()
		if err != nil {
			return err
		}
		first, err := firstSubmission(ctx, kv, in.Collection, in.Article.ID, meta.Sequence.Stream)
		if err != nil || !first {
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
		// Not decode: json.Unmarshal would check the whole message once
		// before DocMsg.UnmarshalJSON decodes it, which checks it again.
		var in DocMsg
		if err := in.UnmarshalJSON(m.Data()); err != nil {
			return permanent(fmt.Errorf("decode %s: %w", m.Subject(), err))
		}
		out := claimsOf(in.Collection, in.Article, in.Seq, in.Doc)
		return publishJSON(ctx, js, claimsSubject(in.Collection), in.Collection+"."+in.Article.ID, out)
	}
}

// claimsOf is the extract stage's output for one tokenized article.
func claimsOf(coll string, a extract.Article, seq uint64, doc extract.Doc) ClaimsMsg {
	return ClaimsMsg{
		Collection:  coll,
		Article:     metaOf(a, seq),
		Claims:      extract.Claims(a, doc),
		Fingerprint: compare.Sign(a.Body),
		Names:       compare.Entities(a.Title, a.Source, a.Body),
	}
}
