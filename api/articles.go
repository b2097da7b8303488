package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// ArticleRequest is the JSON body of POST /v1/articles. Source and Text are
// required; Published is YYYY-MM-DD or RFC 3339; Story, when given, files the
// article under that story of its collection (see extract.Article.Story).
type ArticleRequest struct {
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Story     string `json:"story,omitempty"`
	Text      string `json:"text"`
}

// Accepted is the answer to a successful POST /v1/articles. Duplicate is
// true when the same body was already submitted to the collection: it counts
// once.
type Accepted struct {
	ID         string `json:"id"`
	Collection string `json:"collection"`
	Duplicate  bool   `json:"duplicate"`
}

// inputName labels a request body in input errors: "request body: empty
// article".
const inputName = "request body"

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if retry, busy := s.busy(r.Context()); busy {
		s.metrics.submissions.WithLabelValues("throttled").Inc()
		w.Header().Set("Retry-After", strconv.Itoa(int(retry.Round(time.Second).Seconds())))
		writeError(w, http.StatusTooManyRequests, "pipeline busy: too many articles waiting, retry later")
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.metrics.submissions.WithLabelValues("too_large").Inc()
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s: larger than %d bytes", inputName, tooBig.Limit))
			return
		}
		writeError(w, http.StatusBadRequest, fmt.Sprintf("read %s: %v", inputName, err))
		return
	}
	a, status, err := parseRequest(r.Header.Get("Content-Type"), data)
	if err == nil {
		// What the tokenize stage will check, so that an article accepted
		// here is not set aside there: a message the server can carry,
		// above all.
		if err = s.client.CheckArticle(inputName, a); errors.Is(err, extract.ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
		} else if err != nil {
			status = http.StatusBadRequest
		}
	}
	if err != nil {
		label := "invalid"
		if status == http.StatusRequestEntityTooLarge {
			label = "too_large"
		}
		s.metrics.submissions.WithLabelValues(label).Inc()
		writeError(w, status, err.Error())
		return
	}
	dup, err := s.client.Submit(r.Context(), s.cfg.Collection, a)
	if err != nil {
		s.cfg.Log.Error("submit", "article", a.ID, "err", err)
		writeError(w, http.StatusServiceUnavailable, "pipeline unavailable: "+err.Error())
		return
	}
	s.index.NoteSubmitted(a.ID)
	s.noteAccepted()
	label := "accepted"
	if dup {
		label = "duplicate"
	}
	s.metrics.submissions.WithLabelValues(label).Inc()
	w.Header().Set("Location", "/v1/articles/"+a.ID)
	writeJSON(w, http.StatusAccepted, Accepted{ID: a.ID, Collection: s.cfg.Collection, Duplicate: dup})
}

// parseRequest turns a request body into an article, with the HTTP status
// of the error when it cannot.
func parseRequest(contentType string, data []byte) (extract.Article, int, error) {
	mt := "text/plain"
	if contentType != "" {
		var err error
		if mt, _, err = mime.ParseMediaType(contentType); err != nil {
			return extract.Article{}, http.StatusUnsupportedMediaType, fmt.Errorf("content type %q: %w", contentType, err)
		}
	}
	switch {
	case mt == "application/json":
		// Strict: one object, each member once and known, names as
		// documented. A lenient reader would let a second object or a
		// repeated "source" slip past what a proxy or a log shows.
		var req ArticleRequest
		if err := jsonv2.Unmarshal(data, &req, jsonv2.RejectUnknownMembers(true)); err != nil {
			return extract.Article{}, http.StatusBadRequest, fmt.Errorf("%s: JSON: %w", inputName, err)
		}
		if req.Source == "" {
			return extract.Article{}, http.StatusBadRequest, fmt.Errorf("%s: source is required", inputName)
		}
		fm, err := frontMatter(req)
		if err != nil {
			return extract.Article{}, http.StatusBadRequest, err
		}
		data = append([]byte(fm), req.Text...)
	case strings.HasPrefix(mt, "text/"):
	default:
		return extract.Article{}, http.StatusUnsupportedMediaType,
			fmt.Errorf("content type %q: want application/json or text/plain", mt)
	}
	a, err := extract.ParseArticle(inputName, data)
	if errors.Is(err, extract.ErrTooLarge) {
		return extract.Article{}, http.StatusRequestEntityTooLarge, err
	}
	if err != nil {
		return extract.Article{}, http.StatusBadRequest, err
	}
	if a.Source == inputName {
		return extract.Article{}, http.StatusBadRequest,
			fmt.Errorf("%s: no source: give a \"source:\" line in the front matter", inputName)
	}
	a.File = a.URL
	if a.File == "" {
		a.File = a.ID
	}
	return a, 0, nil
}

// frontMatter writes the request's metadata as the front matter
// extract.ParseArticle reads, so that both forms are validated alike.
func frontMatter(req ArticleRequest) (string, error) {
	var b strings.Builder
	b.WriteString("---\n")
	for _, f := range []struct{ key, val string }{
		{"source", req.Source}, {"published", req.Published}, {"title", req.Title}, {"url", req.URL}, {"story", req.Story},
	} {
		if f.val == "" {
			continue
		}
		if strings.ContainsAny(f.val, "\r\n") {
			return "", fmt.Errorf("%s: %s: line break in a one-line field", inputName, f.key)
		}
		fmt.Fprintf(&b, "%s: %s\n", f.key, f.val)
	}
	b.WriteString("---\n")
	return b.String(), nil
}

// busy reports whether the tokenize stage's backlog is over the bound. The
// backlog is read from the server at most every lagRefresh; submissions in
// between are added locally, so a burst cannot slip past the bound.
func (s *Server) busy(ctx context.Context) (retryAfter time.Duration, busy bool) {
	s.lagMu.Lock()
	defer s.lagMu.Unlock()
	if time.Since(s.lagAt) > lagRefresh {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		lag, err := s.client.Lag(ctx, pipeline.StageTokenize)
		if err != nil {
			// Without a reading, let the publish decide: it fails fast when
			// JetStream is away, and accepting is no worse than a stale bound.
			s.cfg.Log.Warn("read tokenize backlog", "err", err)
			return 0, false
		}
		s.lagAt = time.Now()
		s.lagPending = lag.Pending + uint64(lag.AckPending)
	}
	return s.cfg.RetryAfter, s.lagPending >= s.cfg.MaxPending
}

func (s *Server) noteAccepted() {
	s.lagMu.Lock()
	s.lagPending++
	s.lagMu.Unlock()
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	if st, ok := s.lookup(ctx, w, r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, st)
	}
}

// lookup finds article id's state for a handler, answering for it (404
// unknown, 503 unreadable, 202 still pending) unless ok.
func (s *Server) lookup(ctx context.Context, w http.ResponseWriter, id string) (st pipeline.ArticleState, ok bool) {
	st, err := s.index.Lookup(ctx, id)
	switch {
	case errors.Is(err, pipeline.ErrUnknownArticle):
		writeError(w, http.StatusNotFound, fmt.Sprintf("article %q: not submitted to collection %s", id, s.cfg.Collection))
	case err != nil:
		writeError(w, http.StatusServiceUnavailable, err.Error())
	case st.Status == pipeline.ArticlePending:
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusAccepted, st)
	default:
		return st, true
	}
	return st, false
}
