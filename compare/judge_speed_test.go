package compare

import (
	"fmt"
	"testing"
)

// BenchmarkJudge64 judges a realistic group of 64 listed entries, the most
// the compare stage lists before folding.
func BenchmarkJudge64(b *testing.B) {
	group := synthetic(64, 1)
	b.ReportAllocs()
	for b.Loop() {
		Judge(group)
	}
}

// TestJudgeOrderFree guards that Judge ignores the order of its entries on
// large synthetic groups, including copies and several camps.
func TestJudgeOrderFree(t *testing.T) {
	for _, n := range []int{2, 7, 20, 64, 200} {
		group := synthetic(n, 1)
		want := Judge(group)
		rev := make([]Entry, len(group))
		for i, e := range group {
			rev[len(group)-1-i] = e
		}
		if got := Judge(rev); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Judge(reversed %d entries) = %+v, want %+v", n, got, want)
		}
	}
}
