// Package compare groups extracted claims by what they are about and decides,
// for each group, whether independent sources agree, conflict, or whether only
// one source states the fact at all.
//
// # Comparing
//
// Claims are comparable when they share a [Key]: the normalised subject and
// attribute, whether the claim is a figure or a date, the unit, and the
// modality. A figure is an interval (extract.Value.Min..Max, nil
// meaning unbounded) and a date a range of whole days; two claims are
// consistent when their intervals overlap, so "at least 30" and "34" agree
// while "30" and "34" do not.
//
// Figures change over time, so two figures only conflict when the times they
// refer to overlap: the claim's AsOf if the writer gave one, else the day the
// article was published. Dates of events do not move and are always compared.
// Qualified figures ("monthly", "new") share a group with plain ones, so that
// they can corroborate each other, but only conflict with figures of the same
// qualifier.
//
// Claims that are not asserted facts are kept away from those that are:
// modal claims ("could be banned on April 21") get their own Key and are
// compared only with claims of the same modality; vague amounts ("thousands")
// and negated claims are left out of [Verdicts] altogether (see
// [Comparable]), and should they reach [Judge] they can never conflict.
//
// # Camps
//
// A camp is a set of mutually consistent claims. Overlap is not transitive
// ("at least 30" overlaps both "30" and "34", which do not overlap each other),
// so camps are a partition chosen by a fixed rule: claims sorted by the upper
// end of their interval, each camp takes every remaining claim that contains
// the lowest remaining upper end. Pairwise overlapping intervals always share
// a point, so each camp really is mutually consistent, and for intervals this
// greedy stabbing gives the fewest camps possible.
//
// # Independence
//
// An outlet corroborates only itself. Claims from the same outlet are one
// voice; an article that copies another (Entry.CopyOf, found with [Copies])
// speaks with the voice of the article it copies. Where the writer attributes a
// figure ("police said"), the claimant is a voice of its own, so that police
// and organisers disagreeing within one article is a conflict.
//
// Everything here is a pure function of its input: no I/O, no goroutines, no
// mutable package state; all of it is safe for concurrent use.
package compare
