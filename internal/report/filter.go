package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/pipeline"
)

// ErrUnknownStatus is wrapped by ParseStatuses for a status no verdict has.
var ErrUnknownStatus = errors.New("unknown status")

// ParseStatuses reads a comma-separated list of verdict statuses ("agree",
// "conflict", "single-source"). An empty list is nil: every status.
func ParseStatuses(list string) ([]compare.Status, error) {
	var out []compare.Status
	for s := range strings.SplitSeq(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		st := compare.Status(s)
		if !slices.Contains(statuses, st) {
			return nil, fmt.Errorf("%w %q (want agree, conflict or single-source)", ErrUnknownStatus, s)
		}
		if !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out, nil
}

// Filter returns res with only the verdicts whose status is one of
// statuses, and every article; res itself when statuses is empty. res is
// not changed.
func Filter(res *pipeline.Collection, statuses []compare.Status) *pipeline.Collection {
	if len(statuses) == 0 {
		return res
	}
	out := *res
	out.Verdicts = nil
	for _, v := range res.Verdicts {
		if slices.Contains(statuses, v.Verdict.Status) {
			out.Verdicts = append(out.Verdicts, v)
		}
	}
	return &out
}
