// Package compare decides, for claims extracted from several articles,
// where independent sources agree, where they conflict, and what only one
// source states.
//
// # Comparing
//
// Claims are comparable when they share a [Key]: the thing measured (the
// story's event or a named thing, as extract settled it), the measure, the
// kind (figure or date), the unit, the qualifiers that make a figure
// measure another thing (an earlier event, a part, a change, a rate, a
// wider toll: see apart) and the modality, so a possibility never
// contradicts a fact. A figure whose measure says only that something was
// counted, about the story or a generic subject ([Alone]), meets nothing
// but its copies. The day a figure was reported is not in the key.
//
// A figure is an interval (extract.Value.Min..Max, nil meaning unbounded;
// an exact figure's rounding bounds are open) and a date a range of whole
// days; two claims are consistent when their intervals overlap, so "at
// least 30" and "34" agree while "30" and "34" do not.
//
// # Time
//
// A figure holds at the time its writer gave, else on its publication day;
// a stated time after publication is a misreading and leaves the time
// unknown. Figures of a measure that changes (a toll, a plain count of
// people or things) are judged per stretch of time: [Judge] splits such a
// group into parts ([Verdict.Parts]), the connected sets of figures for
// the same time, of consistent exact figures, and of revisions. Figures for
// the same time that differ conflict; figures for different times are a
// change; a later lower figure of a tally that only grows conflicts only
// when its writer says it corrects the earlier (extract.Claim.Revision).
// Dates of recurring events (a statement, a visit, the story's incident)
// on different days are different occasions, never a conflict.
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
// and organisers disagreeing within one article is a conflict. A verdict
// agrees only when two independent outlets stand in one camp.
//
// Everything here is a pure function of its input, whatever its order: no
// I/O, no goroutines, no mutable package state; all of it is safe for
// concurrent use.
package compare
