package pipeline

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// benchDocs is a few generated articles, tokenized once.
var benchDocs = sync.OnceValues(func() ([]DocMsg, error) {
	tk, err := extract.NewTokenizer()
	if err != nil {
		return nil, err
	}
	var out []DocMsg
	for _, g := range corpusgen.Generate(16, corpusgen.Options{Seed: 23}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			return nil, err
		}
		doc, err := tk.Tokenize(a.Body)
		if err != nil {
			return nil, err
		}
		out = append(out, DocMsg{Collection: "bench", Seq: 1, Article: a, Doc: doc})
	}
	return out, nil
})

// BenchmarkDocMsg is the cost of a tokenized article on the wire between
// the tokenize and extract stages: encoding it, and decoding it.
func BenchmarkDocMsg(b *testing.B) {
	docs, err := benchDocs()
	if err != nil {
		b.Fatal(err)
	}
	data := make([][]byte, len(docs))
	size := 0
	for i, d := range docs {
		if data[i], err = json.Marshal(d); err != nil {
			b.Fatal(err)
		}
		size += len(data[i])
	}
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := json.Marshal(docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(size)/float64(len(docs)), "bytes/msg")
	})
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			var d DocMsg
			if err := json.Unmarshal(data[i%len(docs)], &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
