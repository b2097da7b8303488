package pipeline

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// Messages are JSON. Each carries its collection so that a stage needs no
// other context to process it.

// unmarshalOwn decodes JSON that this package encoded (with encoding/json)
// with the JSON v2 decoder (github.com/go-json-experiment/json, the code
// behind Go's experimental encoding/json/v2): v1 scans the whole input once
// to check it, then again to decode it, and allocates more on the way; v2
// decodes a tokenized article or an article's claims at under half the
// cost. v2 is stricter (names match case-sensitively, invalid UTF-8 and
// duplicate names are errors), which JSON from encoding/json never
// trips; what others submit is still read with v1's leniency.
func unmarshalOwn(data []byte, v any) error {
	return jsonv2.Unmarshal(data, v)
}

// ArticleMsg is a submitted article, on crosscheck.articles.<coll>.
type ArticleMsg struct {
	Collection string          `json:"collection"`
	Article    extract.Article `json:"article"`
}

// DocMsg is a tokenized article, on crosscheck.docs.<coll>. Seq is the
// article's sequence in the articles stream: its arrival order. On the
// wire its tokens are packed (see sentenceWire).
type DocMsg struct {
	Collection string          `json:"collection"`
	Seq        uint64          `json:"seq"`
	Article    extract.Article `json:"article"`
	Doc        extract.Doc     `json:"doc"`
}

// docMsgWire is a DocMsg as JSON.
type docMsgWire struct {
	Collection string          `json:"collection"`
	Seq        uint64          `json:"seq"`
	Article    extract.Article `json:"article"`
	Doc        struct {
		Sentences []sentenceWire `json:"sentences"`
	} `json:"doc"`
}

// sentenceWire is an extract.Sentence with its tokens packed into one
// string: a token as an object ({"t","p","s","e"}) made a tokenized
// article five times the size of its body, and decoding it cost more than
// extracting its claims. A token's text is the body's between its
// offsets, except where prose rewrote it (quotes).
type sentenceWire struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Block   int    `json:"block"`
	Clutter string `json:"clutter,omitempty"`
	// Tokens are each token's start and end, less the sentence's start,
	// and part-of-speech tag, space-separated: "0 3 DT 4 9 NN".
	Tokens string `json:"tokens,omitempty"`
	// Texts are the texts of the tokens, by index, that are not the body's
	// between their offsets.
	Texts    map[int]string   `json:"texts,omitempty"`
	Entities []extract.Entity `json:"entities,omitempty"`
}

func (m DocMsg) MarshalJSON() ([]byte, error) {
	w := docMsgWire{Collection: m.Collection, Seq: m.Seq, Article: m.Article}
	body := m.Article.Body
	w.Doc.Sentences = make([]sentenceWire, len(m.Doc.Sentences))
	var buf []byte
	for i, s := range m.Doc.Sentences {
		ws := sentenceWire{Start: s.Start, End: s.End, Block: s.Block, Clutter: s.Clutter, Entities: s.Entities}
		buf = buf[:0]
		for j, t := range s.Tokens {
			if t.Tag == "" || strings.Contains(t.Tag, " ") {
				return nil, fmt.Errorf("token %q: tag %q cannot be packed", t.Text, t.Tag)
			}
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = strconv.AppendInt(buf, int64(t.Start-s.Start), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, int64(t.End-s.Start), 10)
			buf = append(buf, ' ')
			buf = append(buf, t.Tag...)
			if t.Start < 0 || t.Start > t.End || t.End > len(body) || body[t.Start:t.End] != t.Text {
				if ws.Texts == nil {
					ws.Texts = make(map[int]string)
				}
				ws.Texts[j] = t.Text
			}
		}
		ws.Tokens = string(buf)
		w.Doc.Sentences[i] = ws
	}
	return json.Marshal(w)
}

func (m *DocMsg) UnmarshalJSON(data []byte) error {
	var w docMsgWire
	if err := unmarshalOwn(data, &w); err != nil {
		return err
	}
	body := w.Article.Body
	doc := extract.Doc{Sentences: make([]extract.Sentence, len(w.Doc.Sentences))}
	for i, ws := range w.Doc.Sentences {
		s := extract.Sentence{Start: ws.Start, End: ws.End, Block: ws.Block, Clutter: ws.Clutter, Entities: ws.Entities}
		if ws.Tokens != "" {
			s.Tokens = make([]extract.Token, 0, strings.Count(ws.Tokens, " ")/3+1)
		}
		for rest := ws.Tokens; rest != ""; {
			var fs [3]string
			for k := range fs {
				if rest == "" {
					return fmt.Errorf("sentence at %d: token %d is cut short", ws.Start, len(s.Tokens))
				}
				fs[k], rest, _ = strings.Cut(rest, " ")
			}
			j := len(s.Tokens)
			start, err1 := strconv.Atoi(fs[0])
			end, err2 := strconv.Atoi(fs[1])
			if err1 != nil || err2 != nil {
				return fmt.Errorf("sentence at %d: token %d has offsets %q %q", ws.Start, j, fs[0], fs[1])
			}
			start, end = ws.Start+start, ws.Start+end
			text, ok := ws.Texts[j]
			if !ok {
				if start < 0 || start > end || end > len(body) {
					return fmt.Errorf("sentence at %d: token %d at %d..%d is outside the body (%d bytes)", ws.Start, j, start, end, len(body))
				}
				text = body[start:end]
			}
			s.Tokens = append(s.Tokens, extract.Token{Text: text, Tag: fs[2], Start: start, End: end})
		}
		doc.Sentences[i] = s
	}
	*m = DocMsg{Collection: w.Collection, Seq: w.Seq, Article: w.Article, Doc: doc}
	return nil
}

// ArticleMeta is an article without its body.
type ArticleMeta struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Story     string `json:"story,omitempty"` // the story its submitter filed it under
	Seq       uint64 `json:"seq"`
}

func metaOf(a extract.Article, seq uint64) ArticleMeta {
	return ArticleMeta{ID: a.ID, File: a.File, Source: a.Source, Published: a.Published, URL: a.URL, Title: a.Title, Story: a.Story, Seq: seq}
}

// ClaimsMsg is an article's claims, on crosscheck.claims.<part>.<coll>
// (see Partition).
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
