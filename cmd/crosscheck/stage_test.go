package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/pipeline"
)

// TestStagePartitionsFlag: --partitions is the compare stage's, and a part
// out of range is refused before any connection is made.
func TestStagePartitionsFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		is   error
	}{
		{args: []string{"stage", "--partitions", "0", "extract"}, want: "compare stage's"},
		{args: []string{"stage", "--partitions", "9", "compare"}, is: pipeline.ErrPartitions},
		{args: []string{"stage", "--partitions", "1-0", "compare"}, is: pipeline.ErrPartitions},
	} {
		t.Setenv("NATS_URL", "nats://127.0.0.1:1") // never dialled
		err := run(context.Background(), tc.args, nil, &bytes.Buffer{}, &bytes.Buffer{})
		switch {
		case err == nil:
			t.Errorf("run(%q) = nil, want an error", tc.args)
		case tc.is != nil && !errors.Is(err, tc.is):
			t.Errorf("run(%q) = %v, want %v", tc.args, err, tc.is)
		case tc.want != "" && !strings.Contains(err.Error(), tc.want):
			t.Errorf("run(%q) = %v, want it to say %q", tc.args, err, tc.want)
		}
	}
}

// TestBenchCounts: --processes lists positive counts.
func TestBenchCounts(t *testing.T) {
	if got, err := counts("1, 2,4"); err != nil || !slices.Equal(got, []int{1, 2, 4}) {
		t.Errorf("counts(%q) = %v, %v; want [1 2 4]", "1, 2,4", got, err)
	}
	for _, bad := range []string{"", "0", "1,x", "-2"} {
		if got, err := counts(bad); err == nil {
			t.Errorf("counts(%q) = %v, want an error", bad, got)
		}
	}
}
