package pipeline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/extract"
)

// Article reads the article stored at seq in the articles stream (its
// ArticleMeta.Seq), body and all. An article of another collection is
// ErrUnknownArticle.
func (c *Client) Article(ctx context.Context, coll string, seq uint64) (extract.Article, error) {
	s, err := c.js.Stream(ctx, StreamArticles)
	if err != nil {
		return extract.Article{}, fmt.Errorf("read article %d: %w", seq, err)
	}
	raw, err := s.GetMsg(ctx, seq)
	if err != nil {
		return extract.Article{}, fmt.Errorf("read article %d: %w", seq, err)
	}
	var m ArticleMsg
	if err := json.Unmarshal(raw.Data, &m); err != nil {
		return extract.Article{}, fmt.Errorf("decode article %d: %w", seq, err)
	}
	if m.Collection != coll {
		return extract.Article{}, fmt.Errorf("article %d in %s: %w", seq, coll, ErrUnknownArticle)
	}
	return m.Article, nil
}
