// Package pipeline connects crosscheck's stages over NATS JetStream: it owns
// every subject, stream, consumer, key-value bucket and message encoding.
//
// Articles flow through four streams, each stage a durable pull consumer of
// the one before that acks a message only after its output is stored:
//
//	crosscheck.articles.<coll>  ─tokenize─▶  crosscheck.docs.<coll>
//	  ─extract─▶  crosscheck.claims.<part>.<coll>  ─compare─▶  crosscheck.verdicts.<coll>.<status>.<subject>
//	                                                    crosscheck.compared.<coll>.<article>
//
// A collection (<coll>) is one set of articles compared with each other: a
// verify run uses a fresh one, a server a long-lived one. Messages that can
// never succeed go to crosscheck.dead.<coll>.<stage> with their reason.
package pipeline
