package pipeline

import (
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// Messages are JSON. Each carries its collection so that a stage needs no
// other context to process it.

// ArticleMsg is a submitted article, on crosscheck.articles.<coll>.
type ArticleMsg struct {
	Collection string          `json:"collection"`
	Article    extract.Article `json:"article"`
}

// DocMsg is a tokenized article, on crosscheck.docs.<coll>. Seq is the
// article's sequence in the articles stream: its arrival order.
type DocMsg struct {
	Collection string          `json:"collection"`
	Seq        uint64          `json:"seq"`
	Article    extract.Article `json:"article"`
	Doc        extract.Doc     `json:"doc"`
}

// ArticleMeta is an article without its body.
type ArticleMeta struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Seq       uint64 `json:"seq"`
}

func metaOf(a extract.Article, seq uint64) ArticleMeta {
	return ArticleMeta{ID: a.ID, File: a.File, Source: a.Source, Published: a.Published, URL: a.URL, Title: a.Title, Seq: seq}
}

// ClaimsMsg is an article's claims, on crosscheck.claims.<coll>.
type ClaimsMsg struct {
	Collection  string              `json:"collection"`
	Article     ArticleMeta         `json:"article"`
	Claims      []extract.Claim     `json:"claims"`
	Fingerprint compare.Fingerprint `json:"fingerprint"`
	// Names are the names the article is filed under a story by
	// (compare.Entities of its title and body).
	Names []string `json:"names,omitempty"`
}

// ComparedMsg says an article's claims are in the comparison state, on
// crosscheck.compared.<coll>.<article>.
type ComparedMsg struct {
	Collection string `json:"collection"`
	Article    string `json:"article"`
	CopyOf     string `json:"copy_of,omitempty"`
	// Story is the story the article is filed under within its collection
	// (see compare.Stories).
	Story  string `json:"story,omitempty"`
	Groups int    `json:"groups"`
	// KVOps counts the KV round trips comparing the article took.
	KVOps int `json:"kv_ops,omitempty"`
}

// VerdictEvent is published on crosscheck.verdicts.<coll>.<status>.<subject>
// whenever a group's status or members change. Version counts the changes of
// one group, starting at 1.
type VerdictEvent struct {
	Collection string          `json:"collection"`
	Version    int             `json:"version"`
	Previous   compare.Status  `json:"previous,omitempty"`
	Verdict    compare.Verdict `json:"verdict"`
}

// DeadMsg is a message set aside because it can never succeed, on
// crosscheck.dead.<coll>.<stage>.
type DeadMsg struct {
	Collection string `json:"collection"`
	Stage      string `json:"stage"`
	Subject    string `json:"subject"`
	Article    string `json:"article,omitempty"`
	File       string `json:"file,omitempty"`
	Reason     string `json:"reason"`
	Deliveries uint64 `json:"deliveries"`
	Data       []byte `json:"data"`
}
