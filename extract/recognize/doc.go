// Package recognize finds number and date mentions in English news text and
// normalises them as the writer meant them: a figure with its hedge ("more
// than 1.3 million"), its precision ("40 million" is not "40,125,000") and
// its unit, or a date as a range of days with its granularity.
//
// The package is a hand-written scanner over tokens; it keeps no state
// between calls but buffers it reuses, and is safe for concurrent use.
package recognize
