package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestLimitMemory: the default soft limit applies only when GOMEMLIMIT
// sets none, and the default collector target only when GOGC sets none.
func TestLimitMemory(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	oldGC := debug.SetGCPercent(100)
	defer debug.SetGCPercent(oldGC)

	const mine = 3 << 30
	t.Setenv("GOMEMLIMIT", "3GiB") // read by the runtime at start only
	debug.SetMemoryLimit(mine)
	if got := limitMemory(); got != mine {
		t.Errorf("with GOMEMLIMIT set, limit %d, want %d (left as set)", got, int64(mine))
	}
	os.Unsetenv("GOMEMLIMIT")
	if got := limitMemory(); got != memoryLimit {
		t.Errorf("without GOMEMLIMIT, limit %d, want memoryLimit %d", got, int64(memoryLimit))
	}

	t.Setenv("GOGC", "100")
	debug.SetGCPercent(150)
	limitMemory()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("with GOGC set, collector target %d, want 150 (left as set)", got)
	}
	os.Unsetenv("GOGC")
	limitMemory()
	if got := debug.SetGCPercent(150); got != gcPercent {
		t.Errorf("without GOGC, collector target %d, want gcPercent %d", got, gcPercent)
	}
}
