package pipeline

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Stream, consumer and bucket names, and the subjects they hold. Every
// subject starts with "crosscheck." so that NATS permissions can be granted
// per role (see deploy/nats-server.conf).
const (
	StreamArticles = "CROSSCHECK_ARTICLES" // crosscheck.articles.<coll>
	StreamDocs     = "CROSSCHECK_DOCS"     // crosscheck.docs.<coll>
	StreamClaims   = "CROSSCHECK_CLAIMS"   // crosscheck.claims.<partition>.<coll>
	StreamCompared = "CROSSCHECK_COMPARED" // crosscheck.compared.<coll>.<article>
	StreamVerdicts = "CROSSCHECK_VERDICTS" // crosscheck.verdicts.<coll>.<status>.<subject>
	StreamDead     = "CROSSCHECK_DEAD"     // crosscheck.dead.<coll>.<stage>
	StreamBands    = "CROSSCHECK_BANDS"    // crosscheck.bands.<partition>.<coll>: compare's copy index

	// BucketState holds the state's format and the articles each
	// collection was sent; the compare stage's state, one key per group of
	// comparable claims and per article fingerprint, is in the buckets of
	// the collections' parts (PartitionBucket).
	BucketState = "crosscheck_state"

	// DefaultCollection is where articles go when no collection is named.
	DefaultCollection = "default"
)

// Stage names, which are also their durable consumer names.
const (
	StageTokenize = "tokenize"
	StageExtract  = "extract"
	StageCompare  = "compare"
)

// Stages lists the stages in pipeline order, in a new slice each call.
func Stages() []string { return []string{StageTokenize, StageExtract, StageCompare} }

func articlesSubject(coll string) string { return "crosscheck.articles." + coll }
func docsSubject(coll string) string     { return "crosscheck.docs." + coll }
func claimsSubject(coll string) string {
	return "crosscheck.claims." + partitionToken(Partition(coll)) + "." + coll
}
func comparedSubject(coll, article string) string {
	return "crosscheck.compared." + coll + "." + article
}
func deadSubject(coll, stage string) string { return "crosscheck.dead." + coll + "." + stage }

// verdictSubject is the subject a verdict event is published on; subscribers
// filter with wildcards, e.g. crosscheck.verdicts.*.conflict.> for every
// conflict.
func verdictSubject(coll, status, subject string) string {
	return "crosscheck.verdicts." + coll + "." + status + "." + Token(subject)
}

var nonToken = regexp.MustCompile(`[^a-z0-9_-]+`)

// Token turns free text (a subject, a collection name) into one NATS subject
// token: lower-case letters, digits, '-' and '_'.
func Token(s string) string {
	t := strings.Trim(nonToken.ReplaceAllString(strings.ToLower(s), "_"), "_")
	if t == "" {
		return "_"
	}
	if len(t) > 64 {
		t = t[:64]
	}
	return t
}

// ValidCollection reports whether name can be used as a collection.
func ValidCollection(name string) error {
	if name == "" || Token(name) != name {
		return fmt.Errorf("collection %q: want lower-case letters, digits, '-' or '_'", name)
	}
	return nil
}

// NewRunCollection names a fresh collection for one verify run, so that runs
// against a shared server never compare each other's articles.
func NewRunCollection() string {
	var b [4]byte
	rand.Read(b[:])
	return "run-" + time.Now().UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// stateKey builds a key for one collection, in BucketState or in its
// part's bucket.
func stateKey(coll, kind, name string) string { return coll + "." + kind + "." + name }

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
