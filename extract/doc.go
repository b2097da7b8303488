// Package extract turns a news article into checkable claims.
//
// It works in three steps, each a function of its input:
//
//   - ParseArticle reads an article file, plain text with optional front
//     matter or an HTML page, into an Article: its source, publication
//     date, title and body, with an ID derived from the body. Blocks marks
//     the body's page clutter (captions, buttons, teasers).
//   - A Tokenizer cuts the body into sentences and tags the sentences that
//     may hold a claim with parts of speech and named entities, giving a
//     Doc whose offsets are byte offsets into the body.
//   - Claims builds from an Article and its Doc one Claim for every figure
//     and every dated event: its subject, attribute, value or date, who
//     says so and the evidence sentence. Each claim's frame (the thing
//     measured, the measure, and the time it holds) is then settled across
//     the article, so that claims from different sources can be compared
//     (package compare).
//
// Numbers and dates are read by package extract/recognize.
//
// Concurrency: a Tokenizer is safe for concurrent use; NewTokenizer is slow
// (it loads the sentence and tagging models) and is meant to be called once
// per process. ParseArticle, Blocks and Claims are pure functions and safe
// for concurrent use. The package's only shared state is read-only models
// loaded once.
package extract
