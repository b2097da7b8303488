package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/claimreview"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// ArticleSummary is one article of GET /v1/articles: what the pipeline made
// of it, without its body.
type ArticleSummary struct {
	ID      string               `json:"id"`
	Article pipeline.ArticleMeta `json:"article"`
	Claims  []extract.Claim      `json:"claims"`
	CopyOf  string               `json:"copy_of,omitempty"`
}

// FailedArticle is an article of the collection set aside by a stage.
type FailedArticle struct {
	ID     string `json:"id"`
	File   string `json:"file,omitempty"`
	Stage  string `json:"stage"`
	Reason string `json:"reason"`
}

// ArticleList is the answer to GET /v1/articles.
type ArticleList struct {
	Collection string           `json:"collection"`
	Articles   []ArticleSummary `json:"articles"`
	Failed     []FailedArticle  `json:"failed"`
}

// ArticleText is the answer to GET /v1/articles/{id}/text: the body that
// claims' start and end index, as UTF-8 bytes.
type ArticleText struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Text  string `json:"text"`
}

// listArticles answers every extracted article of the collection with its
// claims, in arrival order, and the articles set aside.
func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	res, err := s.client.Collect(ctx, s.cfg.Collection)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	out := ArticleList{Collection: s.cfg.Collection, Articles: make([]ArticleSummary, 0, len(res.Articles)), Failed: []FailedArticle{}}
	for _, o := range res.Articles {
		claims := o.Claims
		if claims == nil {
			claims = []extract.Claim{}
		}
		out.Articles = append(out.Articles, ArticleSummary{ID: o.Article.ID, Article: o.Article, Claims: claims, CopyOf: o.CopyOf})
	}
	for _, d := range res.Dead {
		out.Failed = append(out.Failed, FailedArticle{ID: d.Article, File: d.File, Stage: d.Stage, Reason: d.Reason})
	}
	writeJSON(w, http.StatusOK, out)
}

// getArticleText answers an article's title and body once it is extracted:
// the text its claims' spans point into.
func (s *Server) getArticleText(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	st, ok := s.lookup(ctx, w, id)
	if !ok {
		return
	}
	if st.Article == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("article %q: %s, no text", id, st.Status))
		return
	}
	a, err := s.client.Article(ctx, s.cfg.Collection, st.Article.Seq)
	switch {
	case errors.Is(err, jetstream.ErrMsgNotFound) || errors.Is(err, pipeline.ErrUnknownArticle):
		writeError(w, http.StatusNotFound, fmt.Sprintf("article %q: text no longer stored", id))
	case err != nil:
		writeError(w, http.StatusServiceUnavailable, err.Error())
	case a.ID != id:
		writeError(w, http.StatusNotFound, fmt.Sprintf("article %q: text no longer stored", id))
	default:
		writeJSON(w, http.StatusOK, ArticleText{ID: id, Title: a.Title, Text: a.Body})
	}
}

// getClaimReview answers the current verdicts, filtered as GET /v1/verdicts
// filters them, as a JSON-LD array of schema.org ClaimReviews, one per
// verdict (a verdict in parts is one review per part), as `verify --format
// claimreview` writes them.
func (s *Server) getClaimReview(w http.ResponseWriter, r *http.Request) {
	f := filterOf(r)
	if err := f.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	res, err := s.client.Collect(ctx, s.cfg.Collection)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	kept := res.Verdicts[:0]
	for _, ev := range res.Verdicts {
		if f.Match(ev.Verdict) {
			kept = append(kept, ev)
		}
	}
	res.Verdicts = kept
	w.Header().Set("Content-Type", "application/ld+json")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(claimreview.Reviews(res, time.Now().UTC()))
}
