package pipeline

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
)

// benchDocs is a few generated articles, tokenized once.
var benchDocs = sync.OnceValues(func() ([]DocMsg, error) {
	arts, docs, err := tokenizeGenerated(16, 23)
	if err != nil {
		return nil, err
	}
	out := make([]DocMsg, len(arts))
	for i, a := range arts {
		out[i] = DocMsg{Collection: "bench", Seq: 1, Article: a, Doc: docs[i]}
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
			if _, err := docs[i%len(docs)].MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(size)/float64(len(docs)), "bytes/msg")
	})
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			var d DocMsg
			if err := d.UnmarshalJSON(data[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGroupCodec is the cost of storing a group's state (encodeGroup)
// and reading it back (unpackGroup), for a group of a few claims, as most
// are, and for a large one.
func BenchmarkGroupCodec(b *testing.B) {
	for _, n := range []int{3, 12, 64} {
		st := codecGroup(n)
		data, err := encodeGroup(st)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("encode/claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := encodeGroup(st); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(data)), "bytes/group")
		})
		b.Run(fmt.Sprintf("decode/claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var got groupState
				if err := unpackGroup(data, &got); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
