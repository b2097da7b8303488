package pipeline

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestLimitMemory: the default soft limit applies only when GOMEMLIMIT
// sets none.
func TestLimitMemory(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)

	const mine = 3 << 30
	t.Setenv("GOMEMLIMIT", "3GiB") // read by the runtime at start only
	debug.SetMemoryLimit(mine)
	if got := LimitMemory(); got != mine {
		t.Errorf("with GOMEMLIMIT set, limit %d, want %d (left as set)", got, int64(mine))
	}
	os.Unsetenv("GOMEMLIMIT")
	if got := LimitMemory(); got != MemoryLimit {
		t.Errorf("without GOMEMLIMIT, limit %d, want MemoryLimit %d", got, int64(MemoryLimit))
	}
}
