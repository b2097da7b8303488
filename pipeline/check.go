package pipeline

import (
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
)

// Room a message of an article needs beyond the article, for ArticleLimit.
const (
	// docExpansion bounds how many times its article's size a tokenized
	// article (DocMsg, the pipeline's largest message) is: about 3 for
	// news prose, up to 7.3 for runs of short sentences ("I am. "), 6 for
	// text dense with numbers and abbreviations.
	docExpansion = 8
	// envelopeBytes is room for a message's headers and the fields around
	// its article.
	envelopeBytes = 8 << 10
)

// ArticleLimit is the largest article (extract.Article.Size) whose
// messages a server with maxPayload (nats.Conn.MaxPayload) can carry
// through every stage, and at most extract.MaxArticleBytes: 511 KB on a
// server of 4 MB (the embedded one, deploy/nats-server.conf), 127 KB on one
// of NATS's default 1 MB.
func ArticleLimit(maxPayload int64) int64 {
	return max(0, min(extract.MaxArticleBytes, (maxPayload-envelopeBytes)/docExpansion))
}

// CheckArticle is CheckArticle for the client's server.
func (c *Client) CheckArticle(name string, a extract.Article) error {
	return CheckArticle(name, a, c.js.Conn().MaxPayload())
}

// ErrTooLargeForServer wraps extract.ErrTooLarge for an article within
// extract.MaxArticleBytes that the server's max payload cannot carry.
var ErrTooLargeForServer = fmt.Errorf("%w for this NATS server's max payload", extract.ErrTooLarge)

// CheckArticle reports whether a can enter the pipeline on a server with
// maxPayload: extract.Check's checks of a submitted article, then
// ArticleLimit. name labels a in errors. The API checks what it accepts
// with it, and the tokenize stage what it consumes, so an article
// published straight on NATS meets the same checks as one posted to the
// API.
func CheckArticle(name string, a extract.Article, maxPayload int64) error {
	if err := extract.Check(name, a); err != nil {
		return err
	}
	if limit := ArticleLimit(maxPayload); int64(a.Size()) > limit {
		return &extract.InputError{Input: name, Err: ErrTooLargeForServer,
			Detail: fmt.Sprintf("%d bytes is over the %d-byte limit of a server with a max payload of %d bytes", a.Size(), limit, maxPayload)}
	}
	return nil
}

// checkSubmitted is the tokenize stage's check of a message on
// crosscheck.articles.<coll>: a valid collection, the subject's, and an
// article that CheckArticle passes.
func checkSubmitted(js jetstream.JetStream, m jetstream.Msg, in ArticleMsg) error {
	if err := ValidCollection(in.Collection); err != nil {
		return permanent(err)
	}
	if on := subjectToken(m.Subject(), 2); in.Collection != on {
		return permanent(fmt.Errorf("collection %q of an article published on %s: want %q", in.Collection, m.Subject(), on))
	}
	if err := CheckArticle(m.Subject(), in.Article, js.Conn().MaxPayload()); err != nil {
		return permanent(err)
	}
	return nil
}
