package extract_test

import (
	"sync/atomic"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// benchArticles parses n generated 3 KB articles.
func benchArticles(b *testing.B, n int) []extract.Article {
	b.Helper()
	var out []extract.Article
	for _, g := range corpusgen.Generate(n, corpusgen.Options{Seed: 11}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkTokenize is the tokenize stage's work on one 3 KB article:
// blocks, clutter, sentences, and tags and entities where a claim can be.
func BenchmarkTokenize(b *testing.B) {
	arts := benchArticles(b, 32)
	tk, err := extract.NewTokenizer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := arts[i%len(arts)]
		i++
		b.SetBytes(int64(len(a.Body)))
		if _, err := tk.Tokenize(a.Body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewTokenizer is what a stage process spends loading its models
// once, at start.
func BenchmarkNewTokenizer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.NewTokenizer(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenizeParallel is BenchmarkTokenize with one Tokenizer shared
// by GOMAXPROCS goroutines, as the pipeline's tokenize workers share it:
// with -cpu 1,2 it shows how far concurrent calls scale.
func BenchmarkTokenizeParallel(b *testing.B) {
	arts := benchArticles(b, 32)
	tk, err := extract.NewTokenizer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a := arts[int(next.Add(1))%len(arts)]
			if _, err := tk.Tokenize(a.Body); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkClaims is the extract stage's work on one tokenized article.
func BenchmarkClaims(b *testing.B) {
	arts := benchArticles(b, 32)
	tk, err := extract.NewTokenizer()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]extract.Doc, len(arts))
	for i, a := range arts {
		if docs[i], err = tk.Tokenize(a.Body); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		extract.Claims(arts[i%len(arts)], docs[i%len(arts)])
		i++
	}
}

// BenchmarkProse is what a user of prose writes instead of the tokenize
// stage, for comparison: defaults per article (models loaded every call),
// one reused model, and prose's tokenizer alone.
func BenchmarkProse(b *testing.B) {
	arts := benchArticles(b, 32)
	model := prose.ModelFromData("bench")
	for _, bc := range []struct {
		name string
		opts []prose.DocOpt
	}{
		{"defaults", nil},
		{"reused-model", []prose.DocOpt{prose.UsingModel(model)}},
		{"tokenize-only", []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := prose.NewDocument(arts[i%len(arts)].Body, bc.opts...); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
