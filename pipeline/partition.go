package pipeline

import (
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Partitions is how many parts the compare stage's state and work are
// split into, by collection (Partition). Each part has its own state
// bucket (PartitionBucket), so that on a cluster different servers lead
// different parts, and its own durable consumer of the claims
// (PartitionConsumer), so that a compare process can own a part: no other
// process writes its keys, so its swaps do not lose and its caches stay
// current. Four spreads the leaders over three servers and the work over
// up to four processes; every part is a replicated bucket and consumer
// more, which on a small cluster costs more CPU than it spreads (eight
// took a third more server CPU per article on two cores: docs/cluster.md).
// StateFormat records it: a store split another way is refused.
const Partitions = 4

// Partition is the part coll's comparison state and claims belong to. All
// of a collection is in one part: an article's copies and stories are
// looked for in its collection only, so comparing it reads and writes one
// part.
func Partition(coll string) int {
	h := fnv.New32a()
	h.Write([]byte(coll))
	return int(h.Sum32() % Partitions)
}

// PartitionBucket is the KV bucket holding part p's comparison state:
// crosscheck_state_00 to crosscheck_state_03.
func PartitionBucket(p int) string { return fmt.Sprintf("%s_%02d", BucketState, p) }

// PartitionConsumer is the durable consumer of part p's claims:
// compare_00 to compare_03.
func PartitionConsumer(p int) string { return fmt.Sprintf("%s_%02d", StageCompare, p) }

// partitionToken is p as a subject token.
func partitionToken(p int) string { return fmt.Sprintf("%02d", p) }

// partitionStream is the stream behind PartitionBucket(p).
func partitionStream(p int) string { return "KV_" + PartitionBucket(p) }

// partitionPrefix is the subject prefix of PartitionBucket(p)'s keys.
func partitionPrefix(p int) string { return "$KV." + PartitionBucket(p) + "." }

// ErrPartitions is wrapped by ParsePartitions' errors.
var ErrPartitions = errors.New("invalid partitions")

// ParsePartitions reads a list of parts, as `crosscheck stage compare
// --partitions` takes it: numbers and ranges separated by commas ("0,4",
// "0-3"), or "all" or "" for every part. The list is sorted, without
// repeats.
func ParsePartitions(s string) ([]int, error) {
	if s == "" || s == "all" {
		return AllPartitions(), nil
	}
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(f), "-")
		a, err := strconv.Atoi(lo)
		b := a
		if err == nil && isRange {
			b, err = strconv.Atoi(hi)
		}
		if err != nil || a < 0 || b < a || b >= Partitions {
			return nil, fmt.Errorf("%w: %q: want parts 0 to %d, as 0,4 or 0-3", ErrPartitions, f, Partitions-1)
		}
		for p := a; p <= b; p++ {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// AllPartitions lists every part, in a new slice each call.
func AllPartitions() []int {
	out := make([]int, Partitions)
	for p := range out {
		out[p] = p
	}
	return out
}

// SharePartitions is the parts process i of n takes when n processes
// share them evenly: every n-th, from i. A process past the parts' count
// gets none.
func SharePartitions(i, n int) []int {
	var out []int
	for p := i; p < Partitions; p += n {
		out = append(out, p)
	}
	return out
}
