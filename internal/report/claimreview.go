package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/claimreview"
	"github.com/crosscheck/crosscheck/pipeline"
)

// WriteClaimReview prints the verdicts of res as a JSON-LD array of
// ClaimReviews, one per verdict.
func WriteClaimReview(w io.Writer, res *pipeline.Collection) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(claimreview.Reviews(res, time.Now().UTC()))
}
