package report

import (
	"fmt"

	"github.com/crosscheck/crosscheck/pipeline"
)

// EventLine is how watch prints one event: sequence, version, status,
// subject/attribute, reason.
func EventLine(v pipeline.StreamedVerdict) string {
	change := string(v.Verdict.Status)
	if v.Previous != "" && v.Previous != v.Verdict.Status {
		change = string(v.Previous) + "→" + change
	}
	return fmt.Sprintf("#%d\tv%d\t%s\t%s/%s\t%s", v.Seq, v.Version, change,
		v.Verdict.Subject, v.Verdict.Attribute, v.Verdict.Reason)
}
