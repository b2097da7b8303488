// Package api serves crosscheck over HTTP: articles in, claims and verdicts
// out, live verdicts as server-sent events, health and Prometheus metrics.
//
// Routes (all JSON unless noted; errors are {"error": "..."}):
//
//	GET  /                     the desk: a web page over the routes below (no token needed for the page itself)
//	POST /v1/articles          submit one article (JSON or text with front matter) → 202
//	GET  /v1/articles          every extracted article with its claims, and those set aside
//	GET  /v1/articles/{id}     its claims once extracted (202 while pending, 404 unknown)
//	GET  /v1/articles/{id}/text  its title and body, which claims' start and end index
//	GET  /v1/verdicts          current verdicts, ?status= and ?subject= filter
//	GET  /v1/verdicts/stream   verdict events as text/event-stream; Last-Event-ID or ?since= resume
//	GET  /v1/claimreview       current verdicts as schema.org ClaimReview JSON-LD, same filters
//	GET  /healthz              200 when NATS is connected and JetStream answers, else 503
//	GET  /metrics              Prometheus text format
//
// With a token configured, every /v1 route needs "Authorization: Bearer
// <token>"; /healthz and /metrics stay open for probes and scrapers.
package api

import (
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/pipeline"
	"net"
)

// Defaults for the zero values of Config.
const (
	// DefaultMaxRequestBytes bounds a request body: an article may be
	// extract.MaxArticleBytes, and JSON escaping and metadata need room.
	DefaultMaxRequestBytes = 1 << 20
	// DefaultMaxPending is how many articles may wait for the tokenize
	// stage before POST /v1/articles answers 429.
	DefaultMaxPending = 1000
	// DefaultRetryAfter is what a 429, or a 503 refusing an event
	// stream, asks the client to wait.
	DefaultRetryAfter = 5 * time.Second
	// DefaultMaxStreams is how many event streams may be open at once:
	// a hundred replaying the verdict stream from the start made the
	// embedded server drop serve's connection as a slow consumer (issue
	// 22, hole 3).
	DefaultMaxStreams = 64
	// lagRefresh is how stale the tokenize backlog may be before a POST
	// asks the server again; submissions in between are counted locally.
	lagRefresh = 250 * time.Millisecond
	// keepAlive is how often an idle event stream gets a comment line, so
	// that proxies and clients see it is alive.
	keepAlive = 15 * time.Second
)

// Config configures a Server. The zero value serves the default collection
// without authentication and with the default limits.
type Config struct {
	Collection      string        // "" means pipeline.DefaultCollection
	Token           string        // bearer token for /v1 routes; "" means none
	MaxRequestBytes int64         // 0 means DefaultMaxRequestBytes
	MaxPending      uint64        // 0 means DefaultMaxPending
	RetryAfter      time.Duration // 0 means DefaultRetryAfter
	// MaxStreams bounds the event streams open at once; past it GET
	// /v1/verdicts/stream answers 503 with Retry-After. 0 means
	// DefaultMaxStreams.
	MaxStreams int
	// Streams, when set, is the client event streams read through: one on
	// a NATS connection of its own, so that streams that fall behind
	// cannot stall the connection submissions, /healthz and the backlog
	// check use. nil means New's client.
	Streams *pipeline.Client
	Log     *slog.Logger // nil means slog.Default()
}

func (c *Config) setDefaults() {
	if c.Collection == "" {
		c.Collection = pipeline.DefaultCollection
	}
	if c.MaxRequestBytes == 0 {
		c.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if c.MaxPending == 0 {
		c.MaxPending = DefaultMaxPending
	}
	if c.RetryAfter == 0 {
		c.RetryAfter = DefaultRetryAfter
	}
	if c.MaxStreams == 0 {
		c.MaxStreams = DefaultMaxStreams
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
}

// ErrConfig wraps every error of an invalid Config.
var ErrConfig = errors.New("invalid api config")

// Validate reports whether the config can be served.
func (c Config) Validate() error {
	if err := pipeline.ValidCollection(c.Collection); err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if c.MaxRequestBytes < 0 {
		return fmt.Errorf("%w: max request bytes %d", ErrConfig, c.MaxRequestBytes)
	}
	if c.MaxStreams < 0 {
		return fmt.Errorf("%w: max streams %d", ErrConfig, c.MaxStreams)
	}
	return nil
}

// Server is the HTTP API over one collection of a running pipeline. Its
// handler is safe for concurrent use.
type Server struct {
	cfg     Config
	client  *pipeline.Client
	index   *pipeline.ArticleIndex
	metrics *metrics
	token   [sha256.Size]byte
	// life is New's context. It is kept because event streams must end
	// when it does: http.Server.Shutdown waits for open requests, and a
	// stream never finishes on its own.
	life context.Context
	// streams is the client event streams read through (Config.Streams),
	// and streamSlots holds a token for each open stream.
	streams     *pipeline.Client
	streamSlots chan struct{}

	lagMu      sync.Mutex
	lagAt      time.Time // when lagPending was read
	lagPending uint64    // tokenize backlog then, plus submissions since
}

// New starts a server's background work on client — following the
// collection's articles for GET /v1/articles/{id}, and counting verdict
// events for /metrics — which runs until ctx is done. When ctx is done, open
// event streams end too, so cancel it before http.Server.Shutdown.
func New(ctx context.Context, client *pipeline.Client, cfg Config) (*Server, error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, client: client, token: sha256.Sum256([]byte(cfg.Token)), life: ctx,
		streams: cmp.Or(cfg.Streams, client), streamSlots: make(chan struct{}, cfg.MaxStreams)}
	var err error
	if s.index, err = client.IndexArticles(ctx, cfg.Collection); err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	s.metrics = newMetrics(client)
	go s.countVerdicts(ctx)
	return s, nil
}

// countVerdicts counts the collection's verdict events as they are stored.
func (s *Server) countVerdicts(ctx context.Context) {
	for ctx.Err() == nil {
		err := s.client.WatchVerdicts(ctx, s.cfg.Collection, pipeline.VerdictFilter{}, -1, func(v pipeline.StreamedVerdict) error {
			s.metrics.verdicts.WithLabelValues(string(v.Verdict.Status)).Inc()
			return nil
		})
		if err == nil {
			return
		}
		s.cfg.Log.Warn("count verdicts", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// Handler returns the HTTP handler of every route.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/articles", s.auth(s.postArticle))
	mux.Handle("GET /v1/articles", s.auth(s.listArticles))
	mux.Handle("GET /v1/articles/{id}", s.auth(s.getArticle))
	mux.Handle("GET /v1/articles/{id}/text", s.auth(s.getArticleText))
	mux.Handle("GET /v1/verdicts", s.auth(s.getVerdicts))
	mux.Handle("GET /v1/verdicts/stream", s.auth(s.streamVerdicts))
	mux.Handle("GET /v1/claimreview", s.auth(s.getClaimReview))
	mux.Handle("GET /", desk())
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.metrics.handler())
	return mux
}

// auth checks the bearer token, in constant time, when one is configured.
func (s *Server) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			sum := sha256.Sum256([]byte(got))
			if !ok || subtle.ConstantTimeCompare(sum[:], s.token[:]) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
				writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
				return
			}
		}
		next(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.client.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError answers {"error": msg}. Errors quote what the client sent, and
// a client may send megabytes: msg is clipped (clipQuotes), so an error
// body stays small whatever the input.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": clipQuotes(msg)})
}

// Bounds on what an error body echoes.
const (
	maxQuoted   = 64  // bytes of one quoted input
	maxErrorLen = 512 // bytes of the whole message
)

// clipQuotes shortens every double-quoted run of msg longer than maxQuoted
// bytes, keeping its start and marking the cut with "…", then msg itself
// to maxErrorLen. Cuts fall on rune boundaries and never split an escape.
func clipQuotes(msg string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(msg, '"')
		if open < 0 {
			b.WriteString(msg)
			break
		}
		b.WriteString(msg[:open+1])
		msg = msg[open+1:]
		end := closingQuote(msg)
		quoted, rest := msg, ""
		if end >= 0 {
			quoted, rest = msg[:end], msg[end:]
		}
		if len(quoted) > maxQuoted {
			quoted = clipBytes(quoted, maxQuoted) + "…"
		}
		b.WriteString(quoted)
		if end < 0 {
			break
		}
		b.WriteByte('"')
		msg = rest[1:]
	}
	out := b.String()
	if len(out) > maxErrorLen {
		out = clipBytes(out, maxErrorLen) + "…"
	}
	return out
}

// closingQuote is the index of the first '"' in s not escaped by a
// backslash, or -1.
func closingQuote(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// clipBytes is s cut to at most n bytes, at a rune boundary and not inside
// a backslash escape.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '\\'); i >= 0 && len(s)-i <= 10 {
		s = s[:i] // the longest escape %q writes is \U0010ffff
	}
	return s
}

// Limits returns the request size limit and the backlog bound in force,
// for a caller that states them (serve's startup log).
func (s *Server) Limits() (maxRequestBytes int64, maxPending uint64) {
	return s.cfg.MaxRequestBytes, s.cfg.MaxPending
}

// HTTPServer returns an http.Server of s.Handler with the timeouts crosscheck
// serve keeps, logging its own errors as warnings to the configured log.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelWarn),
	}
}

// Loopback reports whether a listen address is reachable from this machine
// only: a loopback IP or "localhost". An empty host listens everywhere.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
