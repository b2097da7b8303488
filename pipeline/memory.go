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

// LimitMemory sets MemoryLimit as the process's soft memory limit unless
// GOMEMLIMIT set one, and returns the limit in effect.
func LimitMemory() int64 {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(MemoryLimit)
	}
	return debug.SetMemoryLimit(-1)
}
