package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJudgeOrderFree: Judge ignores the order of its entries on
// large synthetic groups, including copies and several camps.
func TestJudgeOrderFree(t *testing.T) {
	for _, n := range []int{2, 7, 20, 64, 200} {
		group := synthetic(n, 1)
		want := Judge(group)
		rev := make([]Entry, len(group))
		for i, e := range group {
			rev[len(group)-1-i] = e
		}
		if diff := cmp.Diff(want, Judge(rev)); diff != "" {
			t.Errorf("Judge of %d entries reversed differs (-in order +reversed):\n%s", n, diff)
		}
	}
}
