package pipeline

import (
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

// tokenizeGenerated parses and tokenizes n generated articles of a seed
// with one tokenizer, for tests and benchmarks that need real documents.
func tokenizeGenerated(n int, seed uint64) ([]extract.Article, []extract.Doc, error) {
	tk, err := extract.NewTokenizer()
	if err != nil {
		return nil, nil, err
	}
	var arts []extract.Article
	var docs []extract.Doc
	for _, g := range corpusgen.Generate(n, corpusgen.Options{Seed: seed}) {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			return nil, nil, err
		}
		doc, err := tk.Tokenize(a.Body)
		if err != nil {
			return nil, nil, err
		}
		arts, docs = append(arts, a), append(docs, doc)
	}
	return arts, docs, nil
}
