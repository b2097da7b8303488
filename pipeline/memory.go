package pipeline

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit) that
// a crosscheck process keeps unless the GOMEMLIMIT environment variable
// sets another ("off" for none).
//
// Most of a compare stage's memory, with a large state, is the file-store
// blocks the NATS server has read: every read or compare-and-swap of a key
// loads the whole 4 MB block that holds the key's last revision, and the
// server keeps it for ten seconds after its last use. It keeps blocks
// without pending writes through weak pointers, so the garbage collector
// frees them when it runs; under the limit it runs before the heap has
// doubled, and blocks read again are loaded from disk again. With 100,000
// claims in one collection this holds the process's peak resident memory
// near 430 MB against 550-590 MB without a limit, at no measured cost in
// time (BenchmarkCompareArticle). Its live data alone (its own caches and
// the blocks in use) stays well under the limit; a process whose live data
// outgrows it runs the collector more often, and should be given more
// memory and a higher GOMEMLIMIT.
const MemoryLimit = 448 << 20

// GCPercent is the garbage collector's target (runtime/debug.SetGCPercent)
// that a crosscheck process keeps unless the GOGC environment variable sets
// another: the heap may grow to three times its live data between
// collections, not two, still under MemoryLimit. The live heap is small
// (some 180 MB at the end of a bench pass, half of it prose's models and
// the server's blocks), and collecting half as often took the pipeline
// from 526 to 553 articles a second (medians of three interleaved bench
// runs) and BenchmarkCompareArticle's 100k case from 5.48 to 4.62 ms of
// CPU per article, at a peak of 360 MB against 245.
const GCPercent = 200

// LimitMemory sets MemoryLimit as the process's soft memory limit unless
// GOMEMLIMIT set one, and GCPercent as its collector's target unless GOGC
// set one, and returns the limit in effect.
func LimitMemory() int64 {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(MemoryLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(GCPercent)
	}
	return debug.SetMemoryLimit(-1)
}
