package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit) that
// a crosscheck process keeps unless GOMEMLIMIT sets another ("off" for
// none). Most of a compare stage's memory, with a large state, is file-store
// blocks the NATS server has read and keeps through weak pointers; under the
// limit the collector frees them before the heap has doubled. Measurements
// are in docs/performance.md.
const memoryLimit = 448 << 20

// gcPercent is the collector's target (runtime/debug.SetGCPercent) that a
// crosscheck process keeps unless GOGC sets another: the heap may grow to
// three times its live data between collections, not two, still under
// memoryLimit, which costs memory and saves CPU (docs/performance.md).
const gcPercent = 200

// limitMemory sets memoryLimit as the process's soft memory limit unless
// GOMEMLIMIT set one, and gcPercent as its collector's target unless GOGC
// set one, and returns the limit in effect. It is process policy: main
// calls it, packages do not.
func limitMemory() int64 {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	return debug.SetMemoryLimit(-1)
}
