package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxArticleBytes is the largest article accepted, front matter included. It
// keeps every pipeline message well under NATS's default 1 MB payload limit.
const MaxArticleBytes = 512 << 10

// Sentinel errors for input that can never be processed. An InputError wraps
// one of them, so callers decide with errors.Is.
var (
	ErrEmpty       = errors.New("empty article")
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("article too large")
	ErrFrontMatter = errors.New("malformed front matter")
	ErrLanguage    = errors.New("unsupported language")
	ErrNoText      = errors.New("no article text")
	ErrNoSource    = errors.New("no source")
	ErrMetadata    = errors.New("invalid metadata")
)

// InputError reports an article that cannot be read, naming the input and the
// problem.
type InputError struct {
	Input  string // file name or other label of the input
	Err    error  // one of the sentinel errors above
	Detail string // what exactly is wrong, when there is more to say
}

func (e *InputError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", e.Input, e.Err)
	}
	return fmt.Sprintf("%s: %v: %s", e.Input, e.Err, e.Detail)
}

func (e *InputError) Unwrap() error { return e.Err }

var _ error = (*InputError)(nil)

// CheckSize returns nil for an input of size bytes that is within
// MaxArticleBytes, else an *InputError wrapping ErrTooLarge that gives the
// real size and the limit: "5.0 MB is over the 512 KB limit".
func CheckSize(name string, size int64) error {
	if size <= MaxArticleBytes {
		return nil
	}
	detail := fmt.Sprintf("%s is over the %s limit", byteSize(size), strings.Replace(byteSize(MaxArticleBytes), ".0 ", " ", 1))
	if size < MaxArticleBytes+1<<10 {
		// Just over: rounded, the two would read alike.
		detail = fmt.Sprintf("%d bytes is over the %d-byte limit", size, MaxArticleBytes)
	}
	return &InputError{Input: name, Err: ErrTooLarge, Detail: detail}
}

// byteSize writes n in bytes, or in KB or MB (of 1024) with one decimal.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Article is one news article: its metadata and body. Published is
// YYYY-MM-DD, or empty when unknown.
type Article struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	// Story, when set, is the story the article reports, as its submitter
	// filed it: the compare stage compares its story-wide figures with
	// those of articles filed under the same story, instead of filing it
	// by the names it shares with earlier articles. See ValidStory.
	Story string `json:"story,omitempty"`
	Body  string `json:"body"`
}

// MaxStoryLen bounds a story label.
const MaxStoryLen = 64

// ValidStory reports whether s can label a story: at most MaxStoryLen
// bytes of letters, digits, '-', '_' and '.'.
func ValidStory(s string) error {
	if len(s) > MaxStoryLen {
		return fmt.Errorf("story %q: longer than %d bytes", clip(s, 40), MaxStoryLen)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("story %q: only letters, digits, '-', '_' and '.' may label a story", clip(s, 40))
		}
	}
	return nil
}

// PublishedTime returns the publication date as UTC midnight, or the zero
// time when it is unknown.
func (a Article) PublishedTime() time.Time {
	t, err := time.Parse(time.DateOnly, a.Published)
	if err != nil {
		return time.Time{}
	}
	return t
}

// ArticleID derives an article's id from its body, so that the same body
// submitted twice is one article.
func ArticleID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return "a-" + hex.EncodeToString(sum[:6])
}

// ParseArticle reads an article from data: optional front matter between
// "---" lines (source, published, url, title), then the body; or an HTML
// page, whose text and metadata are read from its markup (see htmlArticle).
// name labels the input in errors and is the source when the front matter or
// page names none. Every error is an *InputError.
func ParseArticle(name string, data []byte) (Article, error) {
	fail := func(err error, detail string, args ...any) (Article, error) {
		return Article{}, &InputError{Input: name, Err: err, Detail: fmt.Sprintf(detail, args...)}
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fail(ErrEmpty, "")
	case len(data) > MaxArticleBytes:
		return Article{}, CheckSize(name, int64(len(data)))
	case bytes.IndexByte(data, 0) >= 0:
		return fail(ErrBinary, "NUL byte at offset %d", bytes.IndexByte(data, 0))
	}
	if !utf8.Valid(data) {
		return fail(ErrInvalidUTF8, "at byte %d", firstInvalid(data))
	}
	if ctrl := controlShare(data); ctrl > 0.05 {
		return fail(ErrBinary, "%.0f%% control characters", ctrl*100)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	var a Article
	var body string
	if isHTML(text) {
		var problem string
		if a, problem = htmlArticle(name, text); problem != "" {
			return fail(ErrNoText, "%s", problem)
		}
		body = a.Body
	} else {
		a = Article{File: name, Source: name}
		var err error
		if body, err = a.frontMatter(text); err != nil {
			return fail(ErrFrontMatter, "%v", err)
		}
		if strings.TrimSpace(body) == "" {
			return fail(ErrEmpty, "front matter but no body")
		}
	}
	if lang, ok := readsEnglish(body); !ok {
		return fail(ErrLanguage, "%s", lang)
	}
	a.Body = body
	a.ID = ArticleID(body)
	return a, nil
}

// Size is the bytes of a's text: its body and metadata, what CheckSize
// bounds.
func (a Article) Size() int {
	return len(a.ID) + len(a.File) + len(a.Source) + len(a.Published) + len(a.URL) + len(a.Title) + len(a.Story) + len(a.Body)
}

// Check reports whether a is an article ParseArticle could have returned,
// for an article that came another way (a message someone published on
// NATS): a body in English within MaxArticleBytes, text and not binary
// data, a source, one-line metadata, a YYYY-MM-DD date if any, a valid
// story, and the id ArticleID gives its body. name labels a in errors.
// Every error is an *InputError.
func Check(name string, a Article) error {
	fail := func(err error, detail string, args ...any) error {
		return &InputError{Input: name, Err: err, Detail: fmt.Sprintf(detail, args...)}
	}
	if err := CheckSize(name, int64(a.Size())); err != nil {
		return err
	}
	fields := []struct{ key, val string }{
		{"id", a.ID}, {"file", a.File}, {"source", a.Source}, {"published", a.Published},
		{"url", a.URL}, {"title", a.Title}, {"story", a.Story}, {"body", a.Body},
	}
	for _, f := range fields {
		if !utf8.ValidString(f.val) {
			return fail(ErrInvalidUTF8, "%s at byte %d", f.key, firstInvalid([]byte(f.val)))
		}
		if i := strings.IndexByte(f.val, 0); i >= 0 {
			return fail(ErrBinary, "%s: NUL byte at offset %d", f.key, i)
		}
		if f.key != "body" && strings.ContainsAny(f.val, "\r\n") {
			return fail(ErrMetadata, "%s: line break in a one-line field", f.key)
		}
	}
	switch {
	case strings.TrimSpace(a.Body) == "":
		return fail(ErrEmpty, "")
	case strings.TrimSpace(a.Source) == "":
		return fail(ErrNoSource, "")
	case a.ID != ArticleID(a.Body):
		return fail(ErrMetadata, "id %q is not the body's, %s", clip(a.ID, 40), ArticleID(a.Body))
	}
	if a.Published != "" {
		if _, err := time.Parse(time.DateOnly, a.Published); err != nil {
			return fail(ErrMetadata, "published %q: want YYYY-MM-DD", clip(a.Published, 40))
		}
	}
	if err := ValidStory(a.Story); err != nil {
		return fail(ErrMetadata, "%v", err)
	}
	if ctrl := controlShare([]byte(a.Body)); ctrl > 0.05 {
		return fail(ErrBinary, "%.0f%% control characters", ctrl*100)
	}
	if lang, ok := readsEnglish(a.Body); !ok {
		return fail(ErrLanguage, "%s", lang)
	}
	return nil
}

// frontMatter fills a's metadata from leading front matter, if any, and
// returns the body that follows it.
func (a *Article) frontMatter(text string) (string, error) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimSpace(first) != "---" {
		return text, nil
	}
	head, body, ok := cutFence(rest)
	if !ok {
		return "", errors.New("no closing --- line")
	}
	for n, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return "", fmt.Errorf("line %d: want key: value, got %q", n+2, clip(line, 40))
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "source":
			a.Source = val
		case "title":
			a.Title = val
		case "url":
			a.URL = val
		case "story":
			if err := ValidStory(val); err != nil {
				return "", fmt.Errorf("line %d: %w", n+2, err)
			}
			a.Story = val
		case "published", "date":
			d, err := parsePublished(val)
			if err != nil {
				return "", fmt.Errorf("line %d: published %q: want YYYY-MM-DD or RFC 3339", n+2, clip(val, 40))
			}
			a.Published = d
		}
	}
	return body, nil
}

// cutFence splits s at the first line that is exactly "---".
func cutFence(s string) (head, body string, ok bool) {
	off := 0
	for off <= len(s) {
		line, _, _ := strings.Cut(s[off:], "\n")
		if strings.TrimSpace(line) == "---" {
			end := off + len(line)
			if end < len(s) {
				end++ // the newline
			}
			return s[:off], s[end:], true
		}
		if off+len(line) >= len(s) {
			break
		}
		off += len(line) + 1
	}
	return "", "", false
}

func parsePublished(v string) (string, error) {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t.Format(time.DateOnly), nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return "", err
	}
	// The writer's calendar day, not UTC's: "On Sunday" is relative to it.
	return t.Format(time.DateOnly), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// controlShare is the share of runes that are control characters other than
// ordinary white space: high in binary data that happens to be valid UTF-8.
func controlShare(b []byte) float64 {
	var n, ctrl int
	for _, r := range string(b) {
		n++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			ctrl++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ctrl) / float64(n)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
